//! Position (lead) prior.

/// `1 / sqrt(1 + k)` for the `k`-th candidate sentence (0-based, counting
/// candidates only), 0 for non-candidates.
///
/// News and encyclopedic text put the gist first; on EASC dev the chance that
/// a reference picks a sentence falls from 0.72 (first) to about 0.5 (second,
/// third) and 0.25 (second half), which this curve follows closely.
pub fn position(candidates: &[bool]) -> Vec<f64> {
    let mut k = 0usize;
    candidates
        .iter()
        .map(|&c| {
            if c {
                k += 1;
                1.0 / (k as f64).sqrt()
            } else {
                0.0
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decreases_over_candidates_and_skips_others() {
        let p = position(&[false, true, true, false, true]);
        assert_eq!(p[0], 0.0);
        assert!((p[1] - 1.0).abs() < 1e-12);
        assert!((p[2] - 1.0 / 2f64.sqrt()).abs() < 1e-12);
        assert_eq!(p[3], 0.0);
        assert!(p[4] < p[2]);
    }
}
