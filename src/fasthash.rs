//! A fast, unkeyed hasher for the crate's own in-memory tables.
//!
//! std's `HashMap` hashes with SipHash, which resists collision attacks and
//! costs ~150 instructions for a short key. The tables here (stopword sets,
//! the word tables of `meta`, the lines of a document, glossary keys and trie
//! nodes at start-up) are built from constants or local input on every run, so
//! a multiplicative hash over eight bytes at a time (FxHash's scheme) does:
//! building the bundled glossary's matcher spent more time in SipHash than in
//! anything else. Not for tables keyed by remote, adversarial input, where
//! colliding keys could make inserts quadratic. (`score::terms::FnvBuild`
//! stays: it is public API.)

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash-style hasher: rotate, xor a word in, multiply.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

/// `HashMap` with [`FastHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// `HashSet` with [`FastHasher`].
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

impl FastHasher {
    const K: u64 = 0x517c_c1b7_2722_0a95;

    #[inline]
    fn mix(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(Self::K);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        self.mix(bytes.len() as u64);
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.mix(u64::from_le_bytes(w));
        }
        let mut w = [0u8; 8];
        for (d, &b) in w.iter_mut().zip(chunks.remainder()) {
            *d = b;
        }
        self.mix(u64::from_le_bytes(w));
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.mix(u64::from(n));
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.mix(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.mix(n);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.mix(n as u64);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hash(bytes: &[u8]) -> u64 {
        let mut h = FastHasher::default();
        h.write(bytes);
        h.finish()
    }

    #[test]
    fn length_and_every_byte_count() {
        // The length is mixed in, so zero padding of the last word does not
        // make "a" and "a\0" equal; a change in any byte changes the hash.
        assert_ne!(hash(b"a"), hash(b"a\0"));
        assert_ne!(hash(b""), hash(b"\0"));
        let base: Vec<u8> = (0u8..20).collect();
        for i in 0..base.len() {
            let mut v = base.clone();
            v[i] ^= 1;
            assert_ne!(hash(&v), hash(&base), "byte {i}");
        }
    }

    #[test]
    fn maps_work_as_maps() {
        let mut m: FastMap<String, usize> = FastMap::default();
        for i in 0..1000 {
            m.insert(format!("كلمة {i}"), i);
        }
        assert_eq!(m.len(), 1000);
        assert!((0..1000).all(|i| m.get(&format!("كلمة {i}")) == Some(&i)));
        let s: FastSet<(bool, u32)> = (0..10).map(|i| (i % 2 == 0, i)).collect();
        assert_eq!(s.len(), 10);
    }
}
