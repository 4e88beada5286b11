//! Word and segment counts for a translation job.

use serde::Serialize;
use unicode_segmentation::UnicodeSegmentation;

use super::Package;

/// Words in `text`: Unicode word-boundary words (UAX #29) that contain a
/// letter or digit, the way CAT tools count them; punctuation is not a word.
pub fn words(text: &str) -> usize {
    text.unicode_words().count()
}

/// Counts for one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DocCount {
    /// Document id.
    pub id: String,
    /// The XLIFF file name stem the counts belong to.
    pub file: String,
    /// Units (paragraphs).
    pub units: usize,
    /// Segments (sentences).
    pub segments: usize,
    /// Words in all segments.
    pub words: usize,
    /// Summary segments.
    pub summary_segments: usize,
    /// Words in the summary segments.
    pub summary_words: usize,
    /// Distinct glossary terms occurring.
    pub terms: usize,
}

impl DocCount {
    /// Counts a package; `file` names its output files.
    pub fn new(pkg: &Package, file: &str) -> DocCount {
        let mut c = DocCount {
            id: pkg.doc_id.clone(),
            file: file.to_string(),
            units: pkg.units.len(),
            terms: pkg.terms.len(),
            ..Default::default()
        };
        for s in pkg.segments() {
            let w = words(&s.text);
            c.segments += 1;
            c.words += w;
            if s.summary {
                c.summary_segments += 1;
                c.summary_words += w;
            }
        }
        c
    }
}

/// Totals over a job.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Documents.
    pub documents: usize,
    /// Units.
    pub units: usize,
    /// Segments.
    pub segments: usize,
    /// Words.
    pub words: usize,
    /// Summary segments.
    pub summary_segments: usize,
    /// Words in summary segments.
    pub summary_words: usize,
    /// Distinct glossary terms in the job glossary.
    pub terms: usize,
}

/// The word-count report of a job (`wordcount.json`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct WordCount {
    /// One entry per document, in input order.
    pub documents: Vec<DocCount>,
    /// Sums over all documents.
    pub total: Totals,
}

impl WordCount {
    /// Sums per-document counts; `job_terms` is the size of the job glossary.
    pub fn new(documents: Vec<DocCount>, job_terms: usize) -> WordCount {
        let mut t = Totals {
            documents: documents.len(),
            terms: job_terms,
            ..Default::default()
        };
        for d in &documents {
            t.units += d.units;
            t.segments += d.segments;
            t.words += d.words;
            t.summary_segments += d.summary_segments;
            t.summary_words += d.summary_words;
        }
        WordCount {
            documents,
            total: t,
        }
    }

    /// A plain-text table (`wordcount.txt`).
    pub fn to_text(&self) -> String {
        let mut rows: Vec<[String; 6]> = vec![[
            "document".into(),
            "units".into(),
            "segments".into(),
            "words".into(),
            "summary segments".into(),
            "summary words".into(),
        ]];
        let row = |name: &str, u: usize, s: usize, w: usize, ss: usize, sw: usize| {
            [
                name.to_string(),
                u.to_string(),
                s.to_string(),
                w.to_string(),
                ss.to_string(),
                sw.to_string(),
            ]
        };
        for d in &self.documents {
            rows.push(row(
                &d.file,
                d.units,
                d.segments,
                d.words,
                d.summary_segments,
                d.summary_words,
            ));
        }
        let t = &self.total;
        rows.push(row(
            &format!(
                "TOTAL ({} {})",
                t.documents,
                if t.documents == 1 {
                    "document"
                } else {
                    "documents"
                }
            ),
            t.units,
            t.segments,
            t.words,
            t.summary_segments,
            t.summary_words,
        ));
        let mut width = [0usize; 6];
        for r in &rows {
            for (w, c) in width.iter_mut().zip(r.iter()) {
                *w = (*w).max(c.chars().count());
            }
        }
        let mut out = String::new();
        for (i, r) in rows.iter().enumerate() {
            let mut line = String::new();
            for (k, (c, w)) in r.iter().zip(width).enumerate() {
                let pad = " ".repeat(w.saturating_sub(c.chars().count()));
                if k == 0 {
                    line.push_str(c);
                    line.push_str(&pad);
                } else {
                    line.push_str("  ");
                    line.push_str(&pad);
                    line.push_str(c);
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
            if i == 0 || i + 2 == rows.len() {
                out.push_str(&"-".repeat(width.iter().sum::<usize>() + 2 * 5));
                out.push('\n');
            }
        }
        out.push_str(&format!("glossary terms in the job: {}\n", t.terms));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_not_punctuation() {
        assert_eq!(words("قال الوزير، إن الأمر انتهى."), 5);
        assert_eq!(words("3.5 بالمئة - نعم!"), 3);
        assert_eq!(words(""), 0);
    }
}
