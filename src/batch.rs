//! Batch processing: many documents through the pipeline on worker threads,
//! results in input order, memory bounded by a window of in-flight documents.
//!
//! A reader thread, the workers and the writer form a stream (see
//! [`run_with`]): documents are processed as they are read, results are put
//! back in input order before they are written, so a slow reader
//! (decompression, decoding) or one slow document does not leave the other
//! workers idle. Output order never depends on the number of threads.

use std::collections::BTreeMap;

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

/// Runs `records` through `pipeline`, at most `window` documents in flight,
/// calling `sink` with every result in input order. Each record comes with a
/// key (its input index, an output name…) that is handed back with its result.
/// Stops at the first sink error.
///
/// The same as [`run_with`] with a `finish` step that keeps the record as it is.
///
/// Must be called inside the rayon pool whose size sets the number of workers
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
    run_with(
        pipeline,
        records,
        window,
        default,
        |k, r| (k, r),
        |(k, r)| sink(k, r),
    )
}

/// Runs `records` through `pipeline` as a stream: one thread reads, the
/// workers process documents as they come, and the calling thread hands the
/// results to `sink` in input order.
///
/// `finish` turns a key and its record into what `sink` receives; it runs on
/// the workers, so costly steps such as serializing belong there and `sink`
/// only writes. At most `window` documents are in flight (read, being
/// processed, or waiting for an earlier one to be written), which bounds
/// memory; no worker waits for another's slowest document unless the whole
/// window is held up behind it.
///
/// The number of workers is the size of the current rayon pool (call it as
/// `pool.install(|| run_with(...))`); with one thread everything runs on the
/// calling thread, one record at a time. The output never depends on the
/// number of threads.
///
/// # Errors
/// Whatever `sink` returns; reading and processing stop soon after.
pub fn run_with<K, T, I, E>(
    pipeline: &Pipeline,
    records: I,
    window: usize,
    default: Budget,
    finish: impl Fn(K, BatchRecord) -> T + Sync,
    mut sink: impl FnMut(T) -> Result<(), E> + Send,
) -> Result<(), E>
where
    K: Send,
    T: Send,
    E: Send,
    I: Iterator<Item = (K, Record)> + Send,
{
    let workers = rayon::current_num_threads();
    if workers <= 1 {
        for (k, r) in records {
            sink(finish(k, process(pipeline, r, default)))?;
        }
        return Ok(());
    }
    let window = u64::try_from(window.max(workers)).unwrap_or(u64::MAX);
    let shared = Shared {
        state: std::sync::Mutex::new(State {
            queue: std::collections::VecDeque::new(),
            ready: std::collections::VecDeque::new(),
            read: 0,
            written: 0,
            input_done: false,
            stop: false,
        }),
        work: std::sync::Condvar::new(),
        room: std::sync::Condvar::new(),
        out: std::sync::Condvar::new(),
    };
    let shared = &shared;
    let finish = &finish;
    std::thread::scope(|s| {
        s.spawn(move || {
            let _guard = StopOnPanic(shared);
            let mut records = records;
            loop {
                {
                    let mut st = shared.lock();
                    while !st.stop && st.read - st.written >= window {
                        st = shared.wait(&shared.room, st);
                    }
                    if st.stop {
                        return;
                    }
                }
                let Some((k, r)) = records.next() else {
                    break;
                };
                let mut st = shared.lock();
                let seq = st.read;
                st.read += 1;
                st.queue.push_back((seq, k, r));
                shared.work.notify_one();
            }
            let mut st = shared.lock();
            st.input_done = true;
            shared.work.notify_all();
            shared.out.notify_all();
        });
        for _ in 0..workers {
            s.spawn(move || {
                let _guard = StopOnPanic(shared);
                loop {
                    let (seq, k, r) = {
                        let mut st = shared.lock();
                        loop {
                            if st.stop {
                                return;
                            }
                            if let Some(job) = st.queue.pop_front() {
                                break job;
                            }
                            if st.input_done {
                                return;
                            }
                            st = shared.wait(&shared.work, st);
                        }
                    };
                    let t = finish(k, process(pipeline, r, default));
                    let mut st = shared.lock();
                    let slot = usize::try_from(seq - st.written).unwrap_or(usize::MAX);
                    if st.ready.len() <= slot {
                        st.ready.resize_with(slot + 1, || None);
                    }
                    if let Some(cell) = st.ready.get_mut(slot) {
                        *cell = Some(t);
                    }
                    if slot == 0 {
                        shared.out.notify_one();
                    }
                }
            });
        }
        // The calling thread writes.
        let mut batch = Vec::new();
        loop {
            {
                let mut st = shared.lock();
                loop {
                    while let Some(Some(_)) = st.ready.front() {
                        if let Some(Some(t)) = st.ready.pop_front() {
                            batch.push(t);
                        }
                        st.written += 1;
                    }
                    if !batch.is_empty() {
                        shared.room.notify_one();
                        break;
                    }
                    if st.stop || (st.input_done && st.written == st.read) {
                        return Ok(());
                    }
                    st = shared.wait(&shared.out, st);
                }
            }
            for t in batch.drain(..) {
                if let Err(e) = sink(t) {
                    let mut st = shared.lock();
                    st.stop = true;
                    shared.wake_all();
                    return Err(e);
                }
            }
        }
    })
}

/// What the reader, the workers and the writer of [`run_with`] share.
struct Shared<K, T> {
    state: std::sync::Mutex<State<K, T>>,
    /// A record was queued, or the input ended.
    work: std::sync::Condvar,
    /// Records were written: the window has room.
    room: std::sync::Condvar,
    /// The next result in order is ready, or everything is done.
    out: std::sync::Condvar,
}

struct State<K, T> {
    /// Records read, waiting for a worker, with their sequence numbers.
    queue: std::collections::VecDeque<(u64, K, Record)>,
    /// Results from sequence number `written` on (`None`: not done yet).
    ready: std::collections::VecDeque<Option<T>>,
    /// Records read so far.
    read: u64,
    /// Results handed to the writer so far.
    written: u64,
    input_done: bool,
    /// The sink failed or a thread panicked: everyone stops.
    stop: bool,
}

impl<K, T> Shared<K, T> {
    fn lock(&self) -> std::sync::MutexGuard<'_, State<K, T>> {
        // A poisoned lock means a thread panicked; its guard has set `stop`.
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn wait<'a>(
        &self,
        cv: &std::sync::Condvar,
        guard: std::sync::MutexGuard<'a, State<K, T>>,
    ) -> std::sync::MutexGuard<'a, State<K, T>> {
        cv.wait(guard)
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn wake_all(&self) {
        self.work.notify_all();
        self.room.notify_all();
        self.out.notify_all();
    }
}

/// Stops the whole run when the thread holding it panics, so the others do
/// not wait forever for its result; the panic itself reaches the caller when
/// the scope joins.
struct StopOnPanic<'a, K, T>(&'a Shared<K, T>);

impl<K, T> Drop for StopOnPanic<'_, K, T> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.lock().stop = true;
            self.0.wake_all();
        }
    }
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
        for (threads, window) in [(1, 1), (2, 1), (2, 3), (3, 2), (3, 64), (1, 64)] {
            let pool = rayon::ThreadPoolBuilder::new()
                .num_threads(threads)
                .build()
                .unwrap();
            let mut ids = Vec::new();
            pool.install(|| {
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
            })
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

    #[test]
    fn finish_runs_per_record_and_a_sink_error_stops_the_run() {
        let p = Pipeline::builder().build().unwrap();
        let docs = (0..200).map(|i| {
            (
                i,
                Ok(Document::new(
                    format!("d{i}"),
                    format!("نص رقم {i}. جملة ثانية."),
                )),
            )
        });
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(2)
            .build()
            .unwrap();
        let mut seen = Vec::new();
        let r = pool.install(|| {
            run_with(
                &p,
                docs,
                4,
                Budget::Sentences(1),
                |k: usize, r: BatchRecord| format!("{k}:{}", r.id()),
                |line: String| {
                    if seen.len() == 10 {
                        return Err(seen.len());
                    }
                    seen.push(line);
                    Ok(())
                },
            )
        });
        assert_eq!(r, Err(10), "the sink's error is returned");
        let want: Vec<String> = (0..10).map(|i| format!("{i}:d{i}")).collect();
        assert_eq!(
            seen, want,
            "finish's output reaches the sink in input order"
        );
    }
}
