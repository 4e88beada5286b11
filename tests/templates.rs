//! The template contexts are documented in docs/TEMPLATES.md, and the docs,
//! the templates and the code agree: a template that uses a field not in the
//! docs, or a field the code produces that the docs do not list, fails here.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::seeds;
use khulasa::render::{BriefView, IndexEntry, IndexView, Renderer, BUILTIN_TEMPLATES};
use khulasa::{digest, xliff, Pipeline};

mod common;
use serde_json::Value;

/// Field paths per context, from the tables of docs/TEMPLATES.md.
fn documented() -> BTreeMap<String, BTreeSet<String>> {
    let doc =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/TEMPLATES.md"))
            .unwrap();
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut section = String::new();
    for line in doc.lines() {
        if let Some(h) = line.strip_prefix("## ") {
            section = h.trim().to_string();
        } else if let Some(rest) = line.strip_prefix("| `") {
            if !section.is_empty() {
                let field = rest.split('`').next().unwrap();
                out.entry(section.clone())
                    .or_default()
                    .insert(field.to_string());
            }
        }
    }
    out
}

fn context_of(template: &str) -> Option<&'static str> {
    match template.split('.').next()? {
        "brief" => Some("brief"),
        "index" => Some("index"),
        "digest" => Some("digest"),
        "merged" => Some("merged"),
        _ => None,
    }
}

/// Every field path of a serialized context (`a`, `a[].b`, …).
fn paths(v: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                let p = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                out.insert(p.clone());
                paths(child, &p, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                if item.is_object() {
                    paths(item, &format!("{prefix}[]"), out);
                }
            }
        }
        _ => {}
    }
}

/// Real contexts of every kind, built from the seeds.
fn contexts() -> BTreeMap<&'static str, Vec<Value>> {
    let p = Pipeline::builder().build().unwrap();
    let arts: Vec<_> = seeds().into_iter().map(|d| p.process(d)).collect();
    let views: Vec<BriefView> = arts
        .iter()
        .map(|a| BriefView::new(a, p.glossary()))
        .collect();
    let files: Vec<String> = views.iter().map(|v| v.id.clone()).collect();
    let dg = digest::build(&arts, &views, &files, digest::DEFAULT_THRESHOLD);
    let mut entries: Vec<IndexEntry> = views
        .iter()
        .map(|v| IndexEntry {
            id: v.id.clone(),
            title: v.title.clone(),
            file: v.id.clone(),
            error: None,
        })
        .collect();
    entries.push(IndexEntry {
        id: "bad".into(),
        title: String::new(),
        file: "bad".into(),
        error: Some("bad: not valid UTF-8".into()),
    });
    let index = IndexView {
        articles: entries,
        generator: "khulasa test".into(),
    };
    let pkg = xliff::Package::from_article(&arts[4], p.glossary(), &xliff::XliffOptions::default());
    let translated = xliff::read(&xliff::write_xliff2(&pkg), "x.xlf").unwrap();
    let merged = xliff::MergedDoc::new(&translated);
    let mut m = BTreeMap::new();
    m.insert(
        "brief",
        views
            .iter()
            .map(|v| serde_json::to_value(v).unwrap())
            .collect(),
    );
    m.insert("index", vec![serde_json::to_value(&index).unwrap()]);
    m.insert("digest", vec![serde_json::to_value(&dg).unwrap()]);
    m.insert("merged", vec![serde_json::to_value(&merged).unwrap()]);
    m
}

#[test]
fn templates_use_only_documented_fields() {
    let docs = documented();
    let mut env = minijinja::Environment::new();
    for (name, src) in BUILTIN_TEMPLATES {
        env.add_template(name, src).unwrap();
    }
    for (name, _) in BUILTIN_TEMPLATES {
        let Some(ctx) = context_of(name) else {
            continue;
        };
        let fields = docs
            .get(ctx)
            .unwrap_or_else(|| panic!("docs/TEMPLATES.md has no section ## {ctx}"));
        for var in env.get_template(name).unwrap().undeclared_variables(true) {
            assert!(
                fields.contains(&var),
                "{name} uses `{var}`, which docs/TEMPLATES.md does not list under ## {ctx}"
            );
        }
    }
}

#[test]
fn every_field_the_code_produces_is_documented_and_vice_versa() {
    let docs = documented();
    for (ctx, values) in contexts() {
        let mut produced = BTreeSet::new();
        for v in &values {
            paths(v, "", &mut produced);
        }
        let listed = &docs[ctx];
        let undocumented: Vec<_> = produced.difference(listed).collect();
        assert!(
            undocumented.is_empty(),
            "## {ctx}: fields produced but not documented in docs/TEMPLATES.md: {undocumented:?}"
        );
        let stale: Vec<_> = listed.difference(&produced).collect();
        assert!(stale.is_empty(), "## {ctx}: documented fields the code no longer produces (or the seeds never fill): {stale:?}");
    }
}

#[test]
fn every_builtin_template_renders_strictly_with_real_contexts() {
    let r = Renderer::new().unwrap();
    let ctxs = contexts();
    for (name, _) in BUILTIN_TEMPLATES {
        let Some(ctx) = context_of(name) else {
            continue;
        };
        for v in &ctxs[ctx] {
            let out = r
                .render(name, v)
                .unwrap_or_else(|e| panic!("{name} failed: {e}"));
            assert!(!out.trim().is_empty(), "{name} rendered nothing");
        }
    }
}

#[test]
fn markdown_table_cells_keep_their_columns() {
    let r = Renderer::new().unwrap();
    let title = "خبر | عاجل\nمن دمشق";
    let index = IndexView {
        articles: vec![
            IndexEntry {
                id: "a".into(),
                title: title.into(),
                file: "a".into(),
                error: None,
            },
            IndexEntry {
                id: "b".into(),
                title: String::new(),
                file: "b".into(),
                error: Some("b: bad | input".into()),
            },
        ],
        generator: "khulasa test".into(),
    };
    let out = r.render("index.md.j2", &index).unwrap();
    let rows: Vec<&str> = out.lines().filter(|l| l.starts_with("| ")).collect();
    assert!(rows.len() >= 3, "{out}");
    // A cell's `|` is escaped, so every row has the header's column count.
    let columns = |row: &str| row.replace("\\|", "").matches('|').count();
    for row in &rows {
        assert_eq!(columns(row), columns(rows[0]), "{row}");
    }
    assert!(out.contains("خبر \\| عاجل من دمشق"), "{out}");
}

#[test]
fn a_text_long_headline_is_shortened_in_views() {
    let p = Pipeline::builder().build().unwrap();
    let text = "كلمة ".repeat(2_000);
    let a = p.process(khulasa::Document::new("long", text.as_str()));
    let v = BriefView::new(&a, p.glossary());
    assert_eq!(
        v.title.chars().count(),
        khulasa::render::MAX_TITLE_CHARS + 1
    );
    assert!(v.title.ends_with('…'));
    assert!(text.starts_with(v.title.trim_end_matches('…')));
    // Ordinary headlines are quoted whole.
    let a = p.process(khulasa::Document::new(
        "short",
        "هدنة في الرقة\nنص الخبر هنا.",
    ));
    assert_eq!(BriefView::new(&a, p.glossary()).title, "هدنة في الرقة");
}
