//! Batch processing: many documents through the pipeline on worker threads,
//! results in input order, memory bounded by a window of in-flight documents.
//!
//! A reader thread, the workers and the writer form a stream (see
//! [`run_with`]): documents are processed as they are read, results are put
//! back in input order before they are written, so a slow reader
//! (decompression, decoding) or one slow document does not leave the other
//! workers idle. Output order never depends on the number of threads.

use std::collections::{BTreeMap, VecDeque};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

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
    /// fields…) plus `title`, `source` (the outlet), `author` and `date` as
    /// in a briefing: the input's own title, outlet and date when it has
    /// them, else what is extracted from the text; the author from the text,
    /// else the input's.
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

/// Eight hex digits naming a document by where it came from and its id:
/// FNV-1a (64-bit) of `source`, a NUL byte and `id`, folded to 32 bits.
///
/// `batch --out DIR/` names each record file `ID_HASH.json` with this hash,
/// so a document keeps its file name when inputs are added or removed (a
/// position would shift) and two documents with the same id from different
/// files do not collide. The function is fixed: changing it would make
/// `--resume` redo every document.
///
/// ```
/// assert_eq!(khulasa::batch::record_hash("a.txt", "a"), khulasa::batch::record_hash("a.txt", "a"));
/// assert_ne!(khulasa::batch::record_hash("a.txt", "a"), khulasa::batch::record_hash("b/a.txt", "a"));
/// assert_eq!(khulasa::batch::record_hash("", "").len(), 8);
/// ```
pub fn record_hash(source: &str, id: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in source.as_bytes().iter().chain(&[0]).chain(id.as_bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{:08x}", (h ^ (h >> 32)) as u32)
}

/// True when `bytes` (a record file written by `batch --out DIR/`) hold an
/// error record, or are not a record at all: `--resume` does such documents
/// again. Only the top-level keys are looked at; the rest is skipped.
pub fn is_error_record(bytes: &[u8]) -> bool {
    #[derive(serde::Deserialize)]
    struct Keys {
        id: Option<serde::de::IgnoredAny>,
        error: Option<serde::de::IgnoredAny>,
    }
    match serde_json::from_slice::<Keys>(bytes) {
        Ok(k) => k.id.is_none() || k.error.is_some(),
        Err(_) => true,
    }
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

/// How much a batch run keeps in flight: documents read and not yet
/// written (queued, being processed, or waiting for an earlier one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    /// Most documents in flight.
    pub docs: usize,
    /// Most bytes of document text in flight. A document is read whenever
    /// fewer bytes than this are in flight, so memory holds at most this plus
    /// one document, and a document larger than this still goes through.
    pub bytes: usize,
}

impl Window {
    /// At most `docs` documents in flight, whatever their size.
    pub fn docs(docs: usize) -> Self {
        Window {
            docs,
            bytes: usize::MAX,
        }
    }
}

/// Runs `records` through `pipeline` on `threads` threads, at most `window`
/// in flight, calling `sink` with every result in input order. Each
/// record comes with a key (its input index, an output name…) that is handed
/// back with its result. Stops at the first sink error.
///
/// The same as [`run_with`] with a `finish` step that keeps the record as it is.
///
/// # Errors
/// Whatever `sink` returns.
pub fn run<K, I, E>(
    pipeline: &Pipeline,
    records: I,
    threads: usize,
    window: Window,
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
        threads,
        window,
        default,
        |k, r| (k, r),
        |(k, r)| sink(k, r),
    )
}

/// Runs `records` through `pipeline` as a stream on `threads` threads (the
/// calling thread and `threads - 1` more) and hands the results to `sink` in
/// input order.
///
/// The threads are alike. Each takes the next record from a queue of records
/// read ahead, runs it through the pipeline and `finish`, and leaves the
/// result in a reorder buffer; the thread whose result is the next one due
/// writes it and every result that was waiting behind it. When the queue runs
/// low, one thread takes a turn at reading (archive inflate, decoding,
/// parsing) and fills it while the others keep working. So `threads` threads
/// keep `threads` cores busy, with no extra reader or writer thread to share
/// them with.
///
/// `finish` turns a key and its record into what `sink` receives; it runs on
/// the worker, so costly steps such as serializing belong there and `sink`
/// only writes. At most `window` is in flight (read, being
/// processed, or waiting for an earlier one to be written), which bounds
/// memory: nothing more is read until the results before are written. A
/// window of several hundred documents keeps the threads busy behind a
/// document that takes much longer than the others. With one thread everything runs in order on the calling thread.
/// The output never depends on the number of threads.
///
/// # Errors
/// Whatever `sink` returns; reading and processing stop soon after.
pub fn run_with<K, T, I, E>(
    pipeline: &Pipeline,
    records: I,
    threads: usize,
    window: Window,
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
    if threads <= 1 {
        for (k, r) in records {
            sink(finish(k, process(pipeline, r, default)))?;
        }
        return Ok(());
    }
    let shared = Shared {
        input: Mutex::new(Input { records, read: 0 }),
        ahead: Mutex::new(Ahead {
            jobs: VecDeque::new(),
            reading: false,
            done: false,
        }),
        work: Condvar::new(),
        out: Mutex::new(Out {
            ready: VecDeque::new(),
            written: 0,
            bytes: 0,
            sizes: VecDeque::new(),
            writing: false,
            error: None,
        }),
        room: Condvar::new(),
        sink: Mutex::new(sink),
        window: u64::try_from(window.docs.max(threads)).unwrap_or(u64::MAX),
        max_bytes: u64::try_from(window.bytes).unwrap_or(u64::MAX),
        target: (window.docs / 2).max(1),
        stop: AtomicBool::new(false),
    };
    let shared = &shared;
    let work = || {
        let _guard = StopOnPanic(shared);
        while let Some((seq, k, r)) = shared.next() {
            let t = finish(k, process(pipeline, r, default));
            shared.deliver(seq, t);
        }
    };
    std::thread::scope(|s| {
        for _ in 1..threads {
            s.spawn(work);
        }
        work();
    });
    let error = lock(&shared.out).error.take();
    error.map_or(Ok(()), Err)
}

/// What the threads of [`run_with`] share.
///
/// Reading is a turn that one thread at a time takes when fewer than
/// `target / 2` records are queued: it reads until `target` are (or the
/// window is full), so the others keep working from the queue while it reads
/// — also through a slow read such as inflating a whole zip member.
struct Shared<I: Iterator, T, S, E> {
    /// The input, read by the thread whose turn it is.
    input: Mutex<Input<I>>,
    /// Records read ahead, waiting for a thread.
    ahead: Mutex<Ahead<I::Item>>,
    /// A record was queued, or a reading turn ended.
    work: Condvar,
    /// The reorder buffer.
    out: Mutex<Out<T, E>>,
    /// Results were written: the window has room again.
    room: Condvar,
    /// Called by one thread at a time (the one with `Out::writing` set).
    sink: Mutex<S>,
    window: u64,
    /// Most bytes of text in flight.
    max_bytes: u64,
    /// How many records a reading turn leaves queued.
    target: usize,
    /// The sink failed or a thread panicked: everyone stops.
    stop: AtomicBool,
}

struct Input<I> {
    records: I,
    /// Records read so far (the next one's sequence number).
    read: u64,
}

struct Ahead<X> {
    /// Records read, with their sequence numbers, in order.
    jobs: VecDeque<(u64, X)>,
    /// A thread is reading.
    reading: bool,
    /// The input is exhausted.
    done: bool,
}

struct Out<T, E> {
    /// Results from sequence number `written` on (`None`: not done yet).
    ready: VecDeque<Option<T>>,
    /// Results taken by the writer so far.
    written: u64,
    /// Bytes of text of the records read and not yet written.
    bytes: u64,
    /// Text size of every record from sequence number `written` on that has
    /// been read.
    sizes: VecDeque<u64>,
    /// A thread is handing results to the sink.
    writing: bool,
    /// The sink's error, returned once everyone has stopped.
    error: Option<E>,
}

fn lock<X>(m: &Mutex<X>) -> MutexGuard<'_, X> {
    // A poisoned lock means a thread panicked; its guard has set `stop`.
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl<K, I, T, S, E> Shared<I, T, S, E>
where
    I: Iterator<Item = (K, Record)>,
    S: FnMut(T) -> Result<(), E>,
{
    /// The next record with its sequence number, once the window has room
    /// for it; `None` when the input is exhausted or the run stops.
    fn next(&self) -> Option<(u64, K, Record)> {
        let mut q = lock(&self.ahead);
        let (seq, (k, r)) = loop {
            if self.stopped() {
                return None;
            }
            if !q.reading && !q.done && q.jobs.len() < (self.target / 2).max(1) {
                q.reading = true;
                let mine = q.jobs.pop_front();
                drop(q);
                return self.read_turn(mine);
            }
            if let Some(job) = q.jobs.pop_front() {
                break job;
            }
            if q.done {
                return None;
            }
            q = self.work.wait(q).unwrap_or_else(PoisonError::into_inner);
        };
        Some((seq, k, r))
    }

    /// This thread's reading turn: a record for itself if it has none, then
    /// more for the queue until `target` are queued, the window is full or
    /// the input ends.
    fn read_turn(&self, mut mine: Option<(u64, (K, Record))>) -> Option<(u64, K, Record)> {
        let mut exhausted = false;
        {
            let mut input = lock(&self.input);
            while !self.stopped() {
                let seq = input.read;
                {
                    let mut out = lock(&self.out);
                    if mine.is_none() {
                        // Nothing is queued (this turn began on an empty
                        // queue), so every record in the window is being
                        // processed or waits to be written: room will come.
                        while !self.stopped() && self.full(&out, seq) {
                            out = self.room.wait(out).unwrap_or_else(PoisonError::into_inner);
                        }
                    } else if self.full(&out, seq) {
                        break;
                    }
                }
                if self.stopped() {
                    break;
                }
                let Some(item) = input.records.next() else {
                    exhausted = true;
                    break;
                };
                input.read += 1;
                let size = item.1.as_ref().map_or(0, |d| d.text.len());
                {
                    let mut out = lock(&self.out);
                    let size = u64::try_from(size).unwrap_or(u64::MAX);
                    out.bytes = out.bytes.saturating_add(size);
                    out.sizes.push_back(size);
                }
                if mine.is_none() {
                    mine = Some((seq, item));
                    continue;
                }
                let mut q = lock(&self.ahead);
                q.jobs.push_back((seq, item));
                let full = q.jobs.len() >= self.target;
                drop(q);
                self.work.notify_one();
                if full {
                    break;
                }
            }
        }
        let mut q = lock(&self.ahead);
        q.reading = false;
        q.done |= exhausted;
        drop(q);
        self.work.notify_all();
        mine.map(|(seq, (k, r))| (seq, k, r))
    }

    /// Leaves result `seq` in the reorder buffer and, if it is the next one
    /// due and nobody is writing, writes it and whatever was waiting behind it.
    fn deliver(&self, seq: u64, t: T) {
        let mut out = lock(&self.out);
        let slot = usize::try_from(seq - out.written).unwrap_or(usize::MAX);
        if out.ready.len() <= slot {
            out.ready.resize_with(slot + 1, || None);
        }
        if let Some(cell) = out.ready.get_mut(slot) {
            *cell = Some(t);
        }
        if out.writing || slot != 0 {
            return;
        }
        out.writing = true;
        let mut batch = Vec::new();
        loop {
            while let Some(Some(_)) = out.ready.front() {
                if let Some(Some(t)) = out.ready.pop_front() {
                    batch.push(t);
                }
                out.written += 1;
                let size = out.sizes.pop_front().unwrap_or(0);
                out.bytes = out.bytes.saturating_sub(size);
            }
            if batch.is_empty() || self.stopped() {
                out.writing = false;
                return;
            }
            self.room.notify_all();
            drop(out);
            let mut sink = lock(&self.sink);
            let failed = batch.drain(..).try_for_each(|t| (*sink)(t)).err();
            drop(sink);
            out = lock(&self.out);
            if let Some(e) = failed {
                out.error = Some(e);
                out.writing = false;
                drop(out);
                self.halt();
                return;
            }
        }
    }

    /// True if record `seq` may not be read yet: the window is full. Nothing
    /// in flight means room for one, whatever its size.
    fn full(&self, out: &Out<T, E>, seq: u64) -> bool {
        let docs = seq - out.written;
        docs >= self.window || (docs > 0 && out.bytes >= self.max_bytes)
    }

    fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
}

impl<I: Iterator, T, S, E> Shared<I, T, S, E> {
    /// Stops the run: no more reading, waiting threads wake up.
    fn halt(&self) {
        self.stop.store(true, Ordering::Relaxed);
        // Taking the locks orders the flag before any waiter's next check.
        drop(lock(&self.out));
        self.room.notify_all();
        drop(lock(&self.ahead));
        self.work.notify_all();
    }
}

/// Stops the whole run when the thread holding it panics, so the others do
/// not wait forever for its result; the panic itself reaches the caller when
/// the scope joins.
struct StopOnPanic<'a, I: Iterator, T, S, E>(&'a Shared<I, T, S, E>);

impl<I: Iterator, T, S, E> Drop for StopOnPanic<'_, I, T, S, E> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.0.halt();
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
            let mut ids = Vec::new();
            run::<_, _, ()>(
                &p,
                recs(20).enumerate(),
                threads,
                Window::docs(window),
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
        let mut seen = Vec::new();
        let r = run_with(
            &p,
            docs,
            2,
            Window::docs(4),
            Budget::Sentences(1),
            |k: usize, r: BatchRecord| format!("{k}:{}", r.id()),
            |line: String| {
                if seen.len() == 10 {
                    return Err(seen.len());
                }
                seen.push(line);
                Ok(())
            },
        );
        assert_eq!(r, Err(10), "the sink's error is returned");
        let want: Vec<String> = (0..10).map(|i| format!("{i}:d{i}")).collect();
        assert_eq!(
            seen, want,
            "finish's output reaches the sink in input order"
        );
    }

    #[test]
    fn a_panicking_worker_stops_the_run_instead_of_hanging_it() {
        let p = Pipeline::builder().build().unwrap();
        for threads in [2, 3] {
            let docs = (0..100).map(|i| (i, Ok(Document::new(format!("d{i}"), "نص. جملة."))));
            let written = std::sync::atomic::AtomicUsize::new(0);
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                run_with::<_, _, _, ()>(
                    &p,
                    docs,
                    threads,
                    Window::docs(2),
                    Budget::Sentences(1),
                    |k: usize, _r| {
                        assert!(k != 5, "worker fails on record 5");
                        k
                    },
                    |_k| {
                        written.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        Ok(())
                    },
                )
            }));
            assert!(r.is_err(), "the panic reaches the caller");
            let n = written.load(std::sync::atomic::Ordering::Relaxed);
            assert!(n <= 5, "nothing after the failed record is written ({n})");
        }
    }

    #[test]
    fn the_byte_window_bounds_what_is_in_flight() {
        use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
        let p = Pipeline::builder().build().unwrap();
        let sunk = AtomicUsize::new(0);
        let docs = (0..30).map(|i| {
            // Reading record i: with room for one document's bytes, every
            // earlier one has been taken by the writer (at most the last
            // one not yet handed to the sink).
            assert!(sunk.load(SeqCst) + 1 >= i, "record {i} read too early");
            (
                i,
                Ok(Document::new(format!("d{i}"), "نص طويل. جملة ثانية.")),
            )
        });
        let window = Window {
            docs: 100,
            bytes: 1,
        };
        let mut order = Vec::new();
        run::<_, _, ()>(&p, docs, 2, window, Budget::Sentences(1), |k, _r| {
            order.push(k);
            sunk.fetch_add(1, SeqCst);
            Ok(())
        })
        .unwrap();
        assert_eq!(order, (0..30).collect::<Vec<_>>());
    }
}
