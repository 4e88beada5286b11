//! Rendering: serializable view models and the minijinja environment.
//!
//! Templates receive a view model and compute nothing. The built-in templates
//! are embedded; [`Renderer::with_dir`] overrides any of them from disk. Names
//! end in the output extension plus `.j2`, so HTML templates auto-escape.

use std::collections::BTreeMap;
use std::path::Path;

use minijinja::{Environment, UndefinedBehavior};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::glossary::TermType;
use crate::pipeline::Article;
use crate::text::spans_to_char_offsets;

/// The built-in templates, by name.
pub const BUILTIN_TEMPLATES: &[(&str, &str)] = &[
    ("brief.md.j2", include_str!("../templates/brief.md.j2")),
    ("brief.html.j2", include_str!("../templates/brief.html.j2")),
    ("brief.txt.j2", include_str!("../templates/brief.txt.j2")),
    ("index.md.j2", include_str!("../templates/index.md.j2")),
    ("index.html.j2", include_str!("../templates/index.html.j2")),
    ("digest.md.j2", include_str!("../templates/digest.md.j2")),
    (
        "digest.html.j2",
        include_str!("../templates/digest.html.j2"),
    ),
    ("digest.txt.j2", include_str!("../templates/digest.txt.j2")),
    ("style.css.j2", include_str!("../templates/style.css.j2")),
    ("merged.md.j2", include_str!("../templates/merged.md.j2")),
    (
        "merged.html.j2",
        include_str!("../templates/merged.html.j2"),
    ),
];

/// A glossary term as shown next to a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TermRef {
    /// Canonical Arabic form.
    pub ar: String,
    /// English equivalent.
    pub en: String,
}

/// A summary sentence with the English of the terms in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Highlight {
    /// The sentence, quoted from the original.
    pub text: String,
    /// Code-point offsets `[start, end)` into the original text.
    pub offsets: [usize; 2],
    /// Glossary terms occurring in the sentence, in order of first occurrence.
    pub terms: Vec<TermRef>,
}

/// A row of the key-terms table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TermRow {
    /// Canonical Arabic form.
    pub ar: String,
    /// English equivalent.
    pub en: String,
    /// Entry type, if the glossary gives one.
    #[serde(rename = "type")]
    pub kind: Option<TermType>,
    /// Occurrences in the article.
    pub count: usize,
}

/// Article metadata as shown in a briefing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct MetaView {
    /// The input's title, else the headline without a glued byline.
    pub title: String,
    /// The outlet the input names (`meta["outlet"]`, `source`,
    /// `publisher`), else the text's source line (`الجزيرة + الصحافة الأميركية`).
    pub source: Option<String>,
    /// The author.
    pub author: Option<String>,
    /// Publication date, ISO 8601: the input's `meta["date"]` when it
    /// parses as a date, else the one written in the text.
    pub date: Option<String>,
}

/// A figure: a number and what it counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureView {
    /// The figure as written (`أربعة آلاف مقاتل`).
    pub text: String,
    /// Its value.
    pub value: f64,
    /// What it counts, as written.
    pub unit: String,
}

/// A date mentioned in the article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateView {
    /// The date as written.
    pub text: String,
    /// ISO 8601 (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub iso: String,
    /// The sentence it occurs in (whitespace collapsed).
    pub context: String,
}

/// The context of an article briefing (`brief.*.j2`), also its JSON form.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BriefView {
    /// Document id.
    pub id: String,
    /// Where it came from.
    pub source: String,
    /// The title, quoted from the original.
    pub title: String,
    /// Title, outlet, author and date.
    pub meta: MetaView,
    /// Summary sentences, verbatim, in document order.
    pub summary: Vec<String>,
    /// The same sentences with offsets and term glosses.
    pub highlights: Vec<Highlight>,
    /// Key terms, most frequent first.
    pub terms: Vec<TermRow>,
    /// People among the key terms (type `person`).
    pub people: Vec<TermRow>,
    /// Places among the key terms (type `place`).
    pub places: Vec<TermRow>,
    /// Organizations among the key terms (type `org`).
    pub organizations: Vec<TermRow>,
    /// Figures (numbers with what they count), in text order.
    pub figures: Vec<FigureView>,
    /// Dates mentioned in the text, in text order (the publication date excluded).
    pub dates: Vec<DateView>,
    /// Number of sentences in the article.
    pub sentence_count: usize,
    /// The tool that made the briefing.
    pub generator: String,
}

impl BriefView {
    /// Builds the view of a processed article.
    pub fn new(article: &Article, glossary: &crate::glossary::Glossary) -> BriefView {
        let text = &article.doc.text;
        let entries = glossary.entries();
        let spans = article.summary_spans();
        let offsets = spans_to_char_offsets(text, &spans);
        let highlights = spans
            .iter()
            .zip(offsets)
            .map(|(span, offsets)| {
                let mut terms: Vec<TermRef> = Vec::new();
                for h in article.hits.iter().filter(|h| span.contains(h.span)) {
                    if let Some(e) = entries.get(h.entry) {
                        if !terms.iter().any(|t| t.ar == e.ar) {
                            terms.push(TermRef {
                                ar: e.ar.clone(),
                                en: e.en.clone(),
                            });
                        }
                    }
                }
                Highlight {
                    text: span.slice(text).to_string(),
                    offsets,
                    terms,
                }
            })
            .collect::<Vec<_>>();
        let mut counts: BTreeMap<usize, (usize, usize)> = BTreeMap::new();
        for (order, h) in article.hits.iter().enumerate() {
            counts.entry(h.entry).or_insert((0, order)).0 += 1;
        }
        let mut rows: Vec<(usize, usize, usize)> = counts
            .into_iter()
            .map(|(e, (c, first))| (e, c, first))
            .collect();
        rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.2.cmp(&b.2)));
        let terms: Vec<TermRow> = rows
            .into_iter()
            .filter_map(|(e, count, _)| {
                entries.get(e).map(|e| TermRow {
                    ar: e.ar.clone(),
                    en: e.en.clone(),
                    kind: e.kind,
                    count,
                })
            })
            .collect();
        let of_type = |k: TermType| {
            terms
                .iter()
                .filter(|t: &&TermRow| t.kind == Some(k))
                .cloned()
                .collect::<Vec<_>>()
        };
        let (people, places, organizations) = (
            of_type(TermType::Person),
            of_type(TermType::Place),
            of_type(TermType::Org),
        );
        let m = &article.meta;
        let sentence_of = |span: crate::text::Span| {
            article
                .sentences
                .iter()
                .find(|s| s.span.contains(span))
                .map_or(String::new(), |s| collapse(s.span.slice(text)))
        };
        let title = shorten(article.title(), MAX_TITLE_CHARS);
        BriefView {
            id: article.doc.id.clone(),
            source: article.doc.source.clone(),
            title: title.clone(),
            meta: MetaView {
                title,
                // What the input says (JSON `source`, `<DOC>` `<SRC>`, as
                // `meta["outlet"]`; a publication date) wins over what is
                // guessed from the text.
                source: input_meta(article, &["outlet", "source", "publisher"])
                    .or_else(|| m.source.clone()),
                author: m
                    .author
                    .clone()
                    .or_else(|| input_meta(article, &["author", "byline"])),
                date: input_meta(article, &["date", "DATE"])
                    .and_then(|d| crate::meta::parse_date(&d))
                    .map(|d| d.to_iso())
                    .or_else(|| m.date.clone()),
            },
            summary: highlights.iter().map(|h| h.text.clone()).collect(),
            highlights,
            terms,
            people,
            places,
            organizations,
            figures: article
                .figures
                .iter()
                .map(|f| FigureView {
                    text: collapse(f.span.slice(text)),
                    value: f.value,
                    unit: f.unit.clone(),
                })
                .collect(),
            dates: article
                .dates
                .iter()
                .filter(|d| m.date_span.is_none_or(|p| !p.contains(d.span)))
                .map(|d| DateView {
                    text: collapse(d.span.slice(text)),
                    iso: d.iso.clone(),
                    context: sentence_of(d.span),
                })
                .collect(),
            sentence_count: article.sentences.len(),
            generator: concat!("khulasa ", env!("CARGO_PKG_VERSION")).to_string(),
        }
    }
}

/// One line of the index of a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IndexEntry {
    /// Document id.
    pub id: String,
    /// Title.
    pub title: String,
    /// Base name of the briefing files (without extension).
    pub file: String,
    /// Error message when the document failed.
    pub error: Option<String>,
}

/// The context of `index.*.j2`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct IndexView {
    /// One entry per input document, in input order.
    pub articles: Vec<IndexEntry>,
    /// The tool that made the briefing.
    pub generator: String,
}

/// Renders view models through minijinja templates.
#[derive(Debug)]
pub struct Renderer {
    env: Environment<'static>,
}

impl Renderer {
    /// A renderer with the built-in templates.
    ///
    /// # Errors
    /// [`Error::Template`] if a built-in template fails to parse (a bug).
    pub fn new() -> Result<Renderer> {
        let mut env = base_env();
        for (name, src) in BUILTIN_TEMPLATES {
            env.add_template(name, src)
                .map_err(|e| template_error(name, &e))?;
        }
        Ok(Renderer { env })
    }

    /// A renderer whose templates in `dir` (same names as the built-ins)
    /// replace the built-in ones.
    ///
    /// # Errors
    /// [`Error::Io`] if `dir` cannot be read, [`Error::Template`] naming the
    /// file and line if a template does not parse.
    pub fn with_dir(dir: &Path) -> Result<Renderer> {
        let mut env = base_env();
        let rd = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
        let mut overrides = BTreeMap::new();
        for entry in rd {
            let entry = entry.map_err(|e| Error::io(dir, e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".j2") {
                let src = std::fs::read_to_string(entry.path())
                    .map_err(|e| Error::io(entry.path(), e))?;
                overrides.insert(name, src);
            }
        }
        for (name, src) in BUILTIN_TEMPLATES {
            let src = overrides
                .remove(*name)
                .unwrap_or_else(|| (*src).to_string());
            let shown = dir.join(name).display().to_string();
            env.add_template_owned(name.to_string(), src)
                .map_err(|e| template_error(&shown, &e))?;
        }
        for (name, src) in overrides {
            let shown = dir.join(&name).display().to_string();
            env.add_template_owned(name, src)
                .map_err(|e| template_error(&shown, &e))?;
        }
        Ok(Renderer { env })
    }

    /// Renders template `name` with `ctx`.
    ///
    /// # Errors
    /// [`Error::Template`] if the template is missing or fails at run time
    /// (undefined variable, fuel exhausted…).
    pub fn render<S: Serialize>(&self, name: &str, ctx: &S) -> Result<String> {
        let tmpl = self
            .env
            .get_template(name)
            .map_err(|e| template_error(name, &e))?;
        tmpl.render(minijinja::Value::from_serialize(ctx))
            .map_err(|e| template_error(name, &e))
    }
}

fn base_env() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_fuel(Some(5_000_000));
    env.add_filter("cell", md_cell);
    env.set_auto_escape_callback(|name| {
        let name = name.strip_suffix(".j2").unwrap_or(name);
        if name.ends_with(".html") || name.ends_with(".htm") || name.ends_with(".xml") {
            minijinja::AutoEscape::Html
        } else {
            minijinja::AutoEscape::None
        }
    });
    env
}

/// The `cell` filter: a value made safe for one cell of a Markdown table
/// (`|` escaped as `\|`, line breaks and runs of white space as one
/// space), so that a title holding a bar keeps its row's columns.
fn md_cell(value: &str) -> String {
    collapse(value).replace('|', "\\|")
}

fn template_error(name: &str, e: &minijinja::Error) -> Error {
    let mut message = e.to_string();
    if let Some(line) = e.line() {
        if !message.contains("line") {
            message.push_str(&format!(" (line {line})"));
        }
    }
    Error::Template {
        name: name.to_string(),
        message,
    }
}

/// Characters of a title shown in views: a "title" that is a whole
/// unpunctuated text (a one-sentence document of megabytes) would otherwise
/// be copied into every index row and digest source.
pub const MAX_TITLE_CHARS: usize = 300;

/// The first `max` characters of `s`, and `…` when it is longer.
fn shorten(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", s.get(..end).unwrap_or(s)),
        None => s.to_string(),
    }
}

/// Collapses runs of white space (line breaks included) into one space.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first non-empty value of the input's own metadata under one of `keys`
/// (a JSON archive's `author`, a `<DOC>`'s `DATE`…).
fn input_meta(article: &Article, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|k| {
        article
            .doc
            .meta
            .get(*k)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
            .map(String::from)
    })
}
