//! The XLIFF 1.2 writer (strict schema), for older CAT tools.

use super::{attr, esc_text, Package};

/// The XLIFF 1.2 namespace.
pub(crate) const NS_XLIFF12: &str = "urn:oasis:names:tc:xliff:document:1.2";

/// Prefix of the 1.2 note that lists a unit's summary segments; the reader
/// recognizes it.
pub(crate) const SUMMARY_NOTE: &str = "Summary sentences, translate these first: ";

/// Prefix of the header notes that carry document metadata (`key: value`).
pub(crate) const META_FROM: &str = "khulasa-metadata";

/// Writes `pkg` as an XLIFF 1.2 document.
///
/// One `<file>` (`datatype="plaintext"`) whose `<header>` holds the document
/// metadata as notes (`from="khulasa-metadata"`, text `key: value`); one
/// `<trans-unit>` per paragraph (`xml:space="preserve"`, `resname` for a
/// title or heading) with the paragraph in `<source>`, the same text split
/// into `<mrk mtype="seg" mid="s..">` in `<seg-source>`, a
/// `<note from="glossary" annotates="source">ar = en</note>` per term and a
/// priority-1 note listing the summary segments. XLIFF 1.2 has no `<cp>`:
/// characters XML 1.0 cannot carry are replaced with U+FFFD.
pub fn write_xliff12(pkg: &Package) -> String {
    let mut o = String::with_capacity(4096 + pkg.units.len() * 512);
    o.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff");
    attr(&mut o, "version", "1.2");
    attr(&mut o, "xmlns", NS_XLIFF12);
    o.push_str(">\n  <file");
    attr(&mut o, "original", &pkg.original);
    attr(&mut o, "source-language", &pkg.source_lang);
    attr(&mut o, "target-language", &pkg.target_lang);
    attr(&mut o, "datatype", "plaintext");
    attr(&mut o, "tool-id", "khulasa");
    o.push_str(">\n    <header>\n      <tool");
    attr(&mut o, "tool-id", "khulasa");
    attr(&mut o, "tool-name", "khulasa");
    attr(&mut o, "tool-version", env!("CARGO_PKG_VERSION"));
    o.push_str("/>\n");
    let mut metas = vec![("id", pkg.doc_id.as_str())];
    metas.extend(pkg.meta.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    for (k, v) in metas {
        note(&mut o, 6, META_FROM, None, None, &format!("{k}: {v}"));
    }
    let summary = pkg.summary_ids();
    if !summary.is_empty() {
        note(
            &mut o,
            6,
            "khulasa",
            Some("1"),
            None,
            &format!("{SUMMARY_NOTE}{}", summary.join(" ")),
        );
    }
    o.push_str("    </header>\n    <body>\n");
    for unit in &pkg.units {
        o.push_str("      <trans-unit");
        attr(&mut o, "id", &unit.id);
        if let Some(name) = &unit.name {
            attr(&mut o, "resname", name);
        }
        attr(&mut o, "xml:space", "preserve");
        o.push_str(">\n        <source>");
        for seg in &unit.segments {
            esc_text(&mut o, &seg.gap_before, false);
            esc_text(&mut o, &seg.text, false);
        }
        o.push_str("</source>\n        <seg-source>");
        for seg in &unit.segments {
            esc_text(&mut o, &seg.gap_before, false);
            o.push_str("<mrk mtype=\"seg\"");
            attr(&mut o, "mid", &seg.id);
            o.push('>');
            esc_text(&mut o, &seg.text, false);
            o.push_str("</mrk>");
        }
        o.push_str("</seg-source>\n");
        let mut seen: Vec<usize> = Vec::new();
        for m in unit.segments.iter().flat_map(|s| s.marks.iter()) {
            if seen.contains(&m.term) {
                continue;
            }
            seen.push(m.term);
            if let Some(e) = pkg.terms.get(m.term) {
                note(
                    &mut o,
                    8,
                    "glossary",
                    None,
                    Some("source"),
                    &format!("{} = {}", e.ar, e.en),
                );
            }
        }
        let summary: Vec<&str> = unit
            .segments
            .iter()
            .filter(|s| s.summary)
            .map(|s| s.id.as_str())
            .collect();
        if !summary.is_empty() {
            note(
                &mut o,
                8,
                "khulasa",
                Some("1"),
                None,
                &format!("{SUMMARY_NOTE}{}", summary.join(" ")),
            );
        }
        o.push_str("      </trans-unit>\n");
    }
    o.push_str("    </body>\n  </file>\n</xliff>\n");
    o
}

fn note(
    o: &mut String,
    indent: usize,
    from: &str,
    priority: Option<&str>,
    annotates: Option<&str>,
    text: &str,
) {
    o.extend(std::iter::repeat_n(' ', indent));
    o.push_str("<note");
    attr(o, "from", from);
    if let Some(p) = priority {
        attr(o, "priority", p);
    }
    if let Some(a) = annotates {
        attr(o, "annotates", a);
    }
    o.push('>');
    esc_text(o, text, false);
    o.push_str("</note>\n");
}
