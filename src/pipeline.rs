//! The whole pipeline behind one immutable, cheaply cloned value.

use std::sync::Arc;

use crate::analyze::{self, Analysis};
use crate::error::Result;
use crate::facts::{self, DateMention, Figure};
use crate::glossary::{Glossary, Matcher, TermHit};
use crate::meta::{self, Meta};
use crate::score;
use crate::segment::{self, Sentence, SentenceKind};
use crate::summarize::{self, Budget, Summary};
use crate::text::{Document, Span};

/// A document run through the pipeline.
#[derive(Debug, Clone)]
pub struct Article {
    /// The input document (original text untouched).
    pub doc: Document,
    /// Its sentences.
    pub sentences: Vec<Sentence>,
    /// Tokens per sentence.
    pub analysis: Analysis,
    /// The selected summary sentences: body sentences only, except in a
    /// text without any, whose summary is its headline (a one-sentence text
    /// is taken for a headline).
    pub summary: Summary,
    /// Glossary hits over the whole text, in order.
    pub hits: Vec<TermHit>,
    /// Title, source, author, publication date and boilerplate spans.
    pub meta: Meta,
    /// Numbers with what they count.
    pub figures: Vec<Figure>,
    /// Dates mentioned in the text (the publication date included).
    pub dates: Vec<DateMention>,
}

impl Article {
    /// The spans of the summary's sentences, in document order.
    pub fn summary_spans(&self) -> Vec<Span> {
        self.summary
            .sentences
            .iter()
            .filter_map(|&i| self.sentences.get(i))
            .map(|s| s.span)
            .collect()
    }

    /// The title: the input's own (`doc.meta["title"]`: a JSON `title` or
    /// `headline`, a `<DOC>`'s `<TITLE>`/`<HEADLINE>`), else the extracted
    /// headline ([`Meta::title`]), else the first sentence of kind
    /// [`SentenceKind::Title`], else the first sentence.
    pub fn title(&self) -> &str {
        if let Some(t) = given_title(&self.doc) {
            return t;
        }
        if let Some(t) = self.meta.title {
            return t.slice(&self.doc.text);
        }
        self.sentences
            .iter()
            .find(|s| s.kind == SentenceKind::Title)
            .or(self.sentences.first())
            .map_or("", |s| s.span.slice(&self.doc.text))
    }
}

struct Inner {
    glossary: Glossary,
    matcher: Matcher,
    budget: Budget,
    facts: bool,
}

/// The configured pipeline: immutable, `Send + Sync`, cheap to clone.
///
/// ```
/// let p = khulasa::Pipeline::builder().build().unwrap();
/// let a = p.process(khulasa::Document::new("x", "عنوان\nقال الرئيس إن الهدنة صامدة. وأضاف أن القافلة وصلت."));
/// assert!(!a.summary.sentences.is_empty());
/// ```
#[derive(Clone)]
pub struct Pipeline {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline")
            .field("entries", &self.inner.glossary.entries().len())
            .field("budget", &self.inner.budget)
            .field("facts", &self.inner.facts)
            .finish()
    }
}

/// Builds a [`Pipeline`].
#[derive(Debug, Clone, Default)]
pub struct PipelineBuilder {
    glossary: Option<Glossary>,
    budget: Budget,
    skip_facts: bool,
}

impl PipelineBuilder {
    /// Uses `glossary` instead of the bundled one.
    pub fn glossary(mut self, glossary: Glossary) -> Self {
        self.glossary = Some(glossary);
        self
    }

    /// Sets the summary budget (default: 4 sentences).
    pub fn budget(mut self, budget: Budget) -> Self {
        self.budget = budget;
        self
    }

    /// Leaves out the facts stage: [`Article::figures`] and
    /// [`Article::dates`] stay empty. For callers that only want summaries
    /// or glossary hits (`khulasa summarize`, `khulasa terms`).
    ///
    /// ```
    /// use khulasa::{Document, Pipeline};
    /// let doc = Document::new("x", "خرج 300 مقاتل في 13 أيلول 2017. وعادت القافلة.");
    /// let full = Pipeline::builder().build().unwrap().process(doc.clone());
    /// let lean = Pipeline::builder().without_facts().build().unwrap().process(doc);
    /// assert_eq!((full.figures.len(), full.dates.len()), (1, 1));
    /// assert!(lean.figures.is_empty() && lean.dates.is_empty());
    /// assert_eq!(lean.summary, full.summary);
    /// ```
    pub fn without_facts(mut self) -> Self {
        self.skip_facts = true;
        self
    }

    /// Validates the configuration and builds the pipeline.
    ///
    /// # Errors
    /// [`Error::Config`](crate::Error::Config) for an invalid budget.
    pub fn build(self) -> Result<Pipeline> {
        match self.budget {
            Budget::Sentences(0) | Budget::Words(0) => {
                return Err(crate::Error::Config(
                    "the summary budget must be at least 1".into(),
                ))
            }
            Budget::Ratio(r) if !(r > 0.0 && r <= 1.0) => {
                return Err(crate::Error::Config(format!(
                    "--ratio must be in (0, 1], got {r}"
                )))
            }
            _ => {}
        }
        let glossary = self.glossary.unwrap_or_else(Glossary::bundled);
        let matcher = Matcher::new(&glossary);
        Ok(Pipeline {
            inner: Arc::new(Inner {
                glossary,
                matcher,
                budget: self.budget,
                facts: !self.skip_facts,
            }),
        })
    }
}

impl Pipeline {
    /// Starts a builder.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// The glossary in use.
    pub fn glossary(&self) -> &Glossary {
        &self.inner.glossary
    }

    /// Runs one document through every stage.
    pub fn process(&self, doc: Document) -> Article {
        self.process_with_budget(doc, self.inner.budget)
    }

    /// Like [`process`](Self::process) with a budget for this document only
    /// (a JSONL record's `budget_words`).
    pub fn process_with_budget(&self, doc: Document, budget: Budget) -> Article {
        let mut sentences = segment::segment(&doc.text);
        let mut meta = meta::extract(&doc.text, &sentences);
        if let Some(t) = given_title(&doc) {
            // The input names the title: the text's headline is the first
            // line when it repeats that title (so it stays out of the
            // summary), else there is none and the first line is body.
            meta.title = title_line(&doc.text, t);
        }
        mark_boilerplate(&mut sentences, &meta);
        let analysis = analyze::analyze(&doc.text, &sentences);
        let scores = score::score(&sentences, &analysis);
        let mut summary = summarize::select(&scores, &analysis, budget);
        if summary.sentences.is_empty() && !sentences.iter().any(|s| s.kind == SentenceKind::Body) {
            // A text that is only its headline (a one-sentence text looks
            // like one): the headline is all there is to quote.
            summary.sentences = sentences
                .iter()
                .position(|s| s.kind == SentenceKind::Title)
                .into_iter()
                .collect();
        }
        let hits = self.inner.matcher.find(&doc.text);
        let (figures, dates) = if self.inner.facts {
            facts::figures_and_dates(&doc.text, &meta)
        } else {
            (Vec::new(), Vec::new())
        };
        Article {
            doc,
            sentences,
            analysis,
            summary,
            hits,
            meta,
            figures,
            dates,
        }
    }
}

/// The title the input gave (`doc.meta["title"]`), trimmed, if not empty.
fn given_title(doc: &Document) -> Option<&str> {
    doc.meta
        .get("title")
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
}

/// Where `text` opens with `title` as a line of its own (leading white
/// space skipped, any run of white space in either matching any other,
/// nothing but blanks after it on its line). A text that merely begins with
/// the title's words and goes on (`العنوان هو …`) is body, not a title line.
fn title_line(text: &str, title: &str) -> Option<Span> {
    let start = text.len() - text.trim_start().len();
    let mut rest = text.get(start..)?.char_indices().peekable();
    let mut end = start;
    let mut want = title.chars().peekable();
    while let Some(c) = want.next() {
        if c.is_whitespace() {
            while want.next_if(|c| c.is_whitespace()).is_some() {}
            rest.next_if(|(_, t)| t.is_whitespace())?;
            while rest.next_if(|(_, t)| t.is_whitespace()).is_some() {}
        } else {
            let (i, t) = rest.next()?;
            if t != c {
                return None;
            }
            end = start + i + t.len_utf8();
        }
    }
    for (_, t) in rest {
        match t {
            '\n' | '\r' | '\u{2028}' | '\u{2029}' => break,
            t if t.is_whitespace() => {}
            _ => return None,
        }
    }
    Some(Span::new(start, end))
}

/// Body sentences that lie inside boilerplate (view counters, source lines,
/// repeated captions…) or that hold the metadata bar become
/// [`SentenceKind::Meta`], so no scorer picks them; the headline becomes
/// [`SentenceKind::Title`]. Spans are untouched.
fn mark_boilerplate(sentences: &mut [Sentence], meta: &Meta) {
    for s in sentences.iter_mut() {
        if meta
            .title
            .is_some_and(|t| s.span.contains(t) || t.contains(s.span))
            && s.kind == SentenceKind::Body
        {
            s.kind = SentenceKind::Title;
        } else if s.kind == SentenceKind::Body
            && meta.boilerplate.iter().any(|b| b.contains(s.span))
        {
            s.kind = SentenceKind::Meta;
        }
    }
}
