//! Batch processing: many documents through the pipeline on rayon, results in
//! input order, memory bounded by a window of in-flight documents.
//!
//! Reading the next window overlaps with processing the current one
//! (`rayon::join`), so a slow reader (decompression, decoding) does not leave
//! the workers idle. Output order never depends on the number of threads.

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;

use crate::input::{Failed, Record};
use crate::pipeline::{Article, Pipeline};
use crate::render::{BriefView, DateView, FigureView, TermRow};
use crate::summarize::Budget;
use crate::text::Document;

/// One output record of a batch run: a result or an error, never both.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum BatchRecord {
    /// The document went through the pipeline.
    Done(Box<DoneRecord>),
    /// The document could not be read or processed.
    Error(Failed),
}

/// The result for one document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DoneRecord {
    /// Document id.
    pub id: String,
    /// Where it came from (`path`, `archive!member`, `file:line`).
    pub source: String,
    /// Headline.
    pub title: String,
    /// Metadata: everything the input supplied (encoding, member, JSON
    /// fields…) plus `title`, `source`, `author` and `date` as extracted
    /// from the text (the input's own value when extraction found none).
    pub meta: BTreeMap<String, serde_json::Value>,
    /// Summary sentences, verbatim, in document order.
    pub summary: Vec<String>,
    /// Code-point offsets of the summary sentences in the original text.
    pub sentences: Vec<[usize; 2]>,
    /// Key terms with English, most frequent first.
    pub terms: Vec<TermRow>,
    /// Figures (numbers with what they count).
    pub figures: Vec<FigureView>,
    /// Dates mentioned in the text.
    pub dates: Vec<DateView>,
}

impl BatchRecord {
    /// The document id.
    pub fn id(&self) -> &str {
        match self {
            BatchRecord::Done(d) => &d.id,
            BatchRecord::Error(f) => &f.id,
        }
    }

    /// True for error records.
    pub fn is_error(&self) -> bool {
        matches!(self, BatchRecord::Error(_))
    }
}

/// Builds the output record of a processed article.
pub fn record(article: &Article, pipeline: &Pipeline) -> BatchRecord {
    let view = BriefView::new(article, pipeline.glossary());
    let mut meta: BTreeMap<String, serde_json::Value> = article
        .doc
        .meta
        .iter()
        .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
        .collect();
    let m = &view.meta;
    for (k, v) in [
        ("title", Some(&m.title)),
        ("source", m.source.as_ref()),
        ("author", m.author.as_ref()),
        ("date", m.date.as_ref()),
    ] {
        meta.insert(
            k.to_string(),
            v.map_or(serde_json::Value::Null, |v| {
                serde_json::Value::String(v.clone())
            }),
        );
    }
    BatchRecord::Done(Box::new(DoneRecord {
        id: view.id,
        source: view.source,
        title: view.title,
        meta,
        summary: view.summary,
        // The view's highlights are the summary sentences, offsets included.
        sentences: view.highlights.iter().map(|h| h.offsets).collect(),
        terms: view.terms,
        figures: view.figures,
        dates: view.dates,
    }))
}

/// A record's own word budget (`budget_words` in its metadata) or `default`.
pub fn doc_budget(doc: &Document, default: Budget) -> Budget {
    doc.meta
        .get("budget_words")
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&w| w > 0)
        .map_or(default, Budget::Words)
}

/// Processes one record: read failures pass through, documents go through the pipeline.
pub fn process(pipeline: &Pipeline, rec: Record, default: Budget) -> BatchRecord {
    match rec {
        Ok(doc) => {
            let b = doc_budget(&doc, default);
            record(&pipeline.process_with_budget(doc, b), pipeline)
        }
        Err(f) => BatchRecord::Error(f),
    }
}

/// Runs `records` through `pipeline`, `window` documents at a time, calling
/// `sink` with every result in input order. Each record comes with a key
/// (its input index, an output name…) that is handed back with its result.
/// Stops at the first sink error.
///
/// Three things overlap: the workers process window *n* while one task reads
/// window *n + 1* and then hands window *n − 1*'s results to `sink`. Only
/// the slowest document of a window is waited for, never the reader or the
/// writer, so two threads come close to twice the speed of one.
///
/// Must be called inside the rayon pool that should do the work
/// (`pool.install(|| run(...))`).
///
/// # Errors
/// Whatever `sink` returns.
pub fn run<K, I, E>(
    pipeline: &Pipeline,
    records: I,
    window: usize,
    default: Budget,
    mut sink: impl FnMut(K, BatchRecord) -> Result<(), E> + Send,
) -> Result<(), E>
where
    K: Send,
    E: Send,
    I: Iterator<Item = (K, Record)> + Send,
{
    let window = window.max(1);
    let mut records = records;
    let mut current: Vec<(K, Record)> = records.by_ref().take(window).collect();
    let mut finished: Vec<(K, BatchRecord)> = Vec::new();
    while !current.is_empty() {
        let (done, (next, sunk)) = rayon::join(
            || {
                current
                    .into_par_iter()
                    .map(|(k, r)| (k, process(pipeline, r, default)))
                    .collect::<Vec<_>>()
            },
            || {
                let next = records.by_ref().take(window).collect::<Vec<_>>();
                let sunk = finished.drain(..).try_for_each(|(k, r)| sink(k, r));
                (next, sunk)
            },
        );
        sunk?;
        finished = done;
        current = next;
    }
    finished.into_iter().try_for_each(|(k, r)| sink(k, r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_and_counts_survive_any_window() {
        let p = Pipeline::builder().build().unwrap();
        let recs = |n: usize| {
            (0..n).map(|i| {
                if i % 7 == 3 {
                    Err(Failed { id: format!("d{i}"), source: "t".into(), error: "bad".into() })
                } else {
                    Ok(Document::new(format!("d{i}"), format!("عنوان {i}\nقال المتحدث إن الهدنة صامدة في اليوم {i}. وأضاف أن القافلة وصلت.")))
                }
            })
        };
        for window in [1, 3, 64] {
            let mut ids = Vec::new();
            run::<_, _, ()>(
                &p,
                recs(20).enumerate(),
                window,
                Budget::Sentences(2),
                |k, r| {
                    assert_eq!(k, ids.len(), "keys travel with their records");
                    ids.push((r.id().to_string(), r.is_error()));
                    Ok(())
                },
            )
            .unwrap();
            assert_eq!(ids.len(), 20, "every input yields one record");
            for (i, (id, err)) in ids.iter().enumerate() {
                assert_eq!(
                    id,
                    &format!("d{i}"),
                    "records must come back in input order"
                );
                assert_eq!(*err, i % 7 == 3);
            }
        }
    }
}
