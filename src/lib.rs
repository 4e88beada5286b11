//! # khulasa — the gist of Arabic news
//!
//! khulasa (خلاصة) turns Arabic news text into short extractive summaries,
//! bilingual Arabic/English briefings and translator-ready packages.
//!
//! The pipeline, one module per stage:
//!
//! | stage | module | gives |
//! |---|---|---|
//! | input | [`input`] | [`Document`]s from files, directories, JSONL |
//! | segment | [`segment`] | [`Sentence`](segment::Sentence) spans with kind and language |
//! | analyze | [`analyze`] | normalized tokens and stems per sentence |
//! | glossary | [`glossary`] | [`TermHit`](glossary::TermHit)s with English equivalents |
//! | score | [`score`] | a score per sentence |
//! | summarize | [`summarize`] | the [`Summary`](summarize::Summary): sentence indices in document order |
//! | render | [`render`] | briefings through minijinja templates |
//!
//! Offsets everywhere are byte spans into the **original** text; normalization
//! ([`lang::normalize`]) is for matching and scoring only, and every output
//! quotes the original.
//!
//! ```
//! use khulasa::{Document, Pipeline};
//!
//! let pipeline = Pipeline::builder().build()?;
//! let article = pipeline.process(Document::new(
//!     "demo",
//!     "هدنة في الرقة\nأعلنت قوات سوريا الديمقراطية هدنة في الرقة. وخرجت قافلة من المدينة.",
//! ));
//! for &i in &article.summary.sentences {
//!     println!("{}", article.sentences[i].span.slice(&article.doc.text));
//! }
//! assert!(article.hits.len() >= 3);
//! # Ok::<(), khulasa::Error>(())
//! ```

#![cfg_attr(
    test,
    allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)
)]

pub mod analyze;
pub mod batch;
pub mod digest;
pub mod error;
pub mod eval;
pub mod facts;
mod fasthash;
pub mod glossary;
pub mod input;
pub mod lang;
pub mod meta;
pub mod pipeline;
pub mod render;
pub mod score;
pub mod segment;
pub mod summarize;
pub mod text;
pub mod xliff;

pub use error::{Error, Result};
pub use pipeline::{Article, Pipeline, PipelineBuilder};
pub use text::{Document, Span};
