//! Turning bytes into text: BOMs, UTF-16, legacy Arabic code pages, and
//! refusing binary data instead of decoding it into garbage.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// How many leading bytes are inspected for NULs and control characters.
pub(crate) const SNIFF_BYTES: usize = 8192;

/// Text decoded from bytes, with the encoding that was used.
#[derive(Debug)]
pub(crate) struct Decoded {
    /// The text, without a BOM.
    pub text: String,
    /// The encoding's WHATWG name (`UTF-8`, `UTF-16LE`, `windows-1256`…).
    pub encoding: &'static str,
}

/// Why bytes could not be decoded.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum DecodeFailure {
    /// NUL bytes or mostly control characters: not text.
    Binary,
    /// The forced encoding could not decode the bytes without errors.
    Invalid(String),
}

impl std::fmt::Display for DecodeFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeFailure::Binary => {
                f.write_str("binary file (NUL bytes or control characters), not text")
            }
            DecodeFailure::Invalid(m) => f.write_str(m),
        }
    }
}

/// Resolves an encoding label (`utf-8`, `windows-1256`, `cp1256`, `iso-8859-6`…).
pub(crate) fn encoding_for_label(label: &str) -> Option<&'static Encoding> {
    let l = label.trim();
    let l = match l.to_ascii_lowercase().as_str() {
        "cp1256" => "windows-1256",
        "utf16le" | "utf-16-le" => "utf-16le",
        "utf16be" | "utf-16-be" => "utf-16be",
        _ => l,
    }
    .to_string();
    Encoding::for_label(l.as_bytes())
}

/// The encoding a BOM announces, with the BOM's length.
pub(crate) fn bom(bytes: &[u8]) -> Option<(&'static Encoding, usize)> {
    Encoding::for_bom(bytes)
}

/// What the first bytes of a stream look like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HeadKind {
    /// Has a BOM or is likely text.
    Text,
    /// UTF-16 without a BOM (NULs in every other byte).
    Utf16(&'static Encoding),
    /// NULs or control characters: binary.
    Binary,
}

/// Classifies the first bytes of an input (at most [`SNIFF_BYTES`] are looked at).
pub(crate) fn sniff_head(head: &[u8]) -> HeadKind {
    let head = head.get(..SNIFF_BYTES).unwrap_or(head);
    if let Some((enc, _)) = bom(head) {
        return if enc == UTF_8 {
            control_check(head)
        } else {
            HeadKind::Text
        };
    }
    if memchr::memchr(0, head).is_none() {
        return control_check(head);
    }
    // Valid UTF-8 with only a few NULs (and other controls) is text with
    // stray NUL bytes, not UTF-16: UTF-16 without a BOM puts a NUL or another
    // C0 byte in every other byte of ASCII and Arabic text, far more than
    // `control_check` lets through. (Issue 9: a text with one NUL used to be
    // decoded as UTF-16, giving CJK mojibake.)
    let utf8 = match std::str::from_utf8(head) {
        Ok(_) => true,
        // A character cut at the end of the head is not an error.
        Err(e) => e.error_len().is_none(),
    };
    if utf8 && control_check(head) == HeadKind::Text {
        return HeadKind::Text;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, &b) in head.iter().enumerate() {
        if b == 0 {
            if i % 2 == 0 {
                even += 1;
            } else {
                odd += 1;
            }
        }
    }
    if even + odd > 0 {
        // ASCII in UTF-16 puts the NUL in the high byte: odd positions for
        // little endian, even ones for big endian. Anything else is binary.
        let enc = match (even, odd) {
            (0, _) => UTF_16LE,
            (_, 0) => UTF_16BE,
            _ => return HeadKind::Binary,
        };
        let usable = head.get(..head.len() & !1).unwrap_or(head);
        let (text, had_errors) = enc.decode_without_bom_handling(usable);
        // A cut surrogate pair at the end of the head is not an error.
        let text = text.trim_end_matches('\u{FFFD}');
        if had_errors && text.contains('\u{FFFD}') || mostly_control(text) {
            return HeadKind::Binary;
        }
        return HeadKind::Utf16(enc);
    }
    control_check(head)
}

fn control_check(head: &[u8]) -> HeadKind {
    // Only C0 controls are judged here; they are the same in UTF-8 and the
    // single-byte code pages.
    let controls = count_bad_controls(head);
    if !head.is_empty() && controls * 10 > head.len() {
        HeadKind::Binary
    } else {
        HeadKind::Text
    }
}

/// Bytes that are C0 controls other than tab, newline, carriage return and
/// form feed: in UTF-8 and the single-byte code pages these are exactly the
/// characters [`is_bad_control`] counts (NUL included).
fn count_bad_controls(bytes: &[u8]) -> usize {
    // Counted in chunks with byte-wide sums, which the compiler vectorizes.
    bytes
        .chunks(255)
        .map(|chunk| {
            let n = chunk.iter().fold(0u8, |n, &b| {
                let bad = b < 0x20 && b != b'\t' && b != b'\n' && b != b'\r' && b != 0x0C;
                n.wrapping_add(u8::from(bad))
            });
            usize::from(n)
        })
        .sum()
}

fn is_bad_control(c: char) -> bool {
    c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{0C}') && (c as u32) < 0x20
}

fn mostly_control(text: &str) -> bool {
    let mut n = 0usize;
    let mut bad = 0usize;
    for c in text.chars() {
        n += 1;
        if is_bad_control(c) || c == '\0' {
            bad += 1;
        }
    }
    n > 0 && bad * 10 > n
}

/// Decodes a whole input.
///
/// With `forced`, that encoding is used (a BOM still wins, as in browsers).
/// Otherwise: BOM → UTF-8/UTF-16; NULs in alternate bytes → UTF-16 without
/// BOM; valid UTF-8 → UTF-8; anything else is guessed by chardetng (which
/// knows windows-1256 and ISO-8859-6). Binary data is refused.
pub(crate) fn decode_bytes(
    bytes: Vec<u8>,
    forced: Option<&'static Encoding>,
) -> Result<Decoded, DecodeFailure> {
    let head_kind = sniff_head(&bytes);
    if head_kind == HeadKind::Binary {
        return Err(DecodeFailure::Binary);
    }
    // The common case, without a copy: UTF-8 without BOM, not forced otherwise.
    let utf8_ok = forced.is_none_or(|e| e == UTF_8) && !matches!(head_kind, HeadKind::Utf16(_));
    let bytes = if utf8_ok && bom(&bytes).is_none() {
        // Validating with simdutf8 and copying costs a fraction of std's
        // validation of Arabic text (~10 instructions a byte).
        if let Ok(text) = super::utf8(&bytes) {
            return finish(text.to_owned(), UTF_8);
        }
        bytes
    } else {
        bytes
    };
    let bytes = bytes.as_slice();
    let (enc, body) = if let Some((enc, len)) = bom(bytes) {
        (enc, bytes.get(len..).unwrap_or_default())
    } else if let HeadKind::Utf16(enc) = head_kind {
        (enc, bytes)
    } else if let Some(enc) = forced {
        (enc, bytes)
    } else if super::utf8(bytes).is_ok() {
        (UTF_8, bytes)
    } else {
        let mut det = chardetng::EncodingDetector::new();
        det.feed(bytes, true);
        (det.guess(None, true), bytes)
    };
    let (text, had_errors) = enc.decode_without_bom_handling(body);
    if had_errors {
        if enc == UTF_8 {
            let bad = std::str::from_utf8(body)
                .err()
                .map_or(0, |e| e.valid_up_to());
            return Err(DecodeFailure::Invalid(format!(
                "not valid UTF-8 (first bad byte at offset {bad}); convert it or pass an encoding"
            )));
        }
        if forced.is_some() || enc == UTF_16LE || enc == UTF_16BE {
            return Err(DecodeFailure::Invalid(format!(
                "not valid {} (undecodable bytes)",
                enc.name()
            )));
        }
        // A legacy guess that leaves holes is no better than binary.
        return Err(DecodeFailure::Invalid(format!(
            "unknown encoding (best guess {} leaves undecodable bytes); pass an encoding",
            enc.name()
        )));
    }
    finish(text.into_owned(), enc)
}

fn finish(text: String, enc: &'static Encoding) -> Result<Decoded, DecodeFailure> {
    // The first SNIFF_BYTES characters (a text of at most that many bytes has
    // at most that many characters).
    let sample_end = if text.len() <= SNIFF_BYTES {
        text.len()
    } else {
        text.char_indices()
            .nth(SNIFF_BYTES)
            .map_or(text.len(), |(i, _)| i)
    };
    let sample = text.get(..sample_end).unwrap_or_default();
    // `mostly_control` on bytes: the bad characters are single bytes, and
    // the characters are the bytes that do not continue a UTF-8 sequence.
    let bytes = sample.as_bytes();
    let chars = bytes.iter().filter(|&&b| (b as i8) >= -0x40).count();
    let bad = count_bad_controls(bytes);
    if chars > 0 && bad * 10 > chars {
        return Err(DecodeFailure::Binary);
    }
    Ok(Decoded {
        text,
        encoding: enc.name(),
    })
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        #[test]
        fn utf8_agrees_with_std(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..64),
                                 text in "[a-zأبة\u{1F600} ]{0,24}", cut in 0usize..80) {
            for b in [bytes.as_slice(), text.as_bytes(), text.as_bytes().get(..cut.min(text.len())).unwrap()] {
                let want = std::str::from_utf8(b).map_err(|e| e.valid_up_to());
                proptest::prop_assert_eq!(super::super::utf8(b), want);
            }
        }
    }

    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let d = decode_bytes("\u{FEFF}سلام".as_bytes().to_vec(), None).unwrap();
        assert_eq!(d.text, "سلام");
        assert_eq!(d.encoding, "UTF-8");
        let d = decode_bytes("سلام".as_bytes().to_vec(), None).unwrap();
        assert_eq!(d.text, "سلام");
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let le: Vec<u8> = "hello عالم"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let d = decode_bytes(le, None).unwrap();
        assert_eq!(d.text, "hello عالم");
        assert_eq!(d.encoding, "UTF-16LE");
        let be: Vec<u8> = "hello عالم"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(decode_bytes(be, None).unwrap().encoding, "UTF-16BE");
    }

    #[test]
    fn binary_is_refused() {
        let bytes: Vec<u8> = (0u8..=255).cycle().take(4096).collect();
        assert_eq!(
            decode_bytes(bytes, None).unwrap_err(),
            DecodeFailure::Binary
        );
        let ctrl = vec![1u8; 100];
        assert_eq!(decode_bytes(ctrl, None).unwrap_err(), DecodeFailure::Binary);
    }

    #[test]
    fn issue_9_stray_nul_in_utf8_is_text_not_utf16() {
        let d = decode_bytes(
            b"hello world, this is text\0 with a stray NUL!".to_vec(),
            None,
        )
        .unwrap();
        assert_eq!(
            d.encoding, "UTF-8",
            "one NUL must not turn UTF-8 into UTF-16"
        );
        assert!(d.text.starts_with("hello world"));
        let ar = "نص عربي فيه\0 بايت صفري واحد فقط.";
        let d = decode_bytes(ar.as_bytes().to_vec(), None).unwrap();
        assert_eq!(d.text, ar);
        // Many NULs are still binary.
        let junk = b"a\0b\0\0\0c\0\0d\0\0\0\0e".to_vec();
        assert!(decode_bytes(junk, None).is_err());
    }

    #[test]
    fn labels() {
        assert_eq!(encoding_for_label("cp1256").unwrap().name(), "windows-1256");
        assert_eq!(
            encoding_for_label("ISO-8859-6").unwrap().name(),
            "ISO-8859-6"
        );
        assert!(encoding_for_label("klingon").is_none());
    }
}
