//! The XLIFF 2.1 writer (core + Glossary and Metadata modules).

use super::{attr, esc_text, ids, is_rtl, Package, Segment, Unit};

/// The XLIFF 2 core namespace (2.0 and 2.1 share it; `version` tells them apart).
pub(crate) const NS_XLIFF2: &str = "urn:oasis:names:tc:xliff:document:2.0";
const NS_GLS: &str = "urn:oasis:names:tc:xliff:glossary:2.0";
const NS_MDA: &str = "urn:oasis:names:tc:xliff:metadata:2.0";

/// Writes `pkg` as an XLIFF 2.1 document.
///
/// One `<file>` (`srcDir`/`trgDir` from the languages, `xml:space="preserve"`),
/// document metadata in `mda:metadata` (`mda:meta type="title"`, `original`,
/// the input's metadata) and a file note listing the summary segments; then
/// one `<unit>` per paragraph with, in schema order, a `gls:glossary` of the
/// terms it contains (each `gls:glossEntry ref` points at the first `<mrk>`
/// of its term), `mda:metadata` with `priority` and `summary-segments` when
/// the unit holds summary sentences, unit `<notes>` (glossary matches
/// `ar = en`, the summary flag), and one `<segment>` per sentence whose
/// `<source>` wraps every glossary occurrence in
/// `<mrk id=".." type="term" ref="#gls=g..">`. The text between two sentences
/// of a paragraph is kept in an `<ignorable>`, so the unit gives back the
/// paragraph exactly. No `<target>` is written.
pub fn write_xliff2(pkg: &Package) -> String {
    let mut o = String::with_capacity(4096 + pkg.units.len() * 512);
    o.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff");
    attr(&mut o, "xmlns", NS_XLIFF2);
    attr(&mut o, "xmlns:gls", NS_GLS);
    attr(&mut o, "xmlns:mda", NS_MDA);
    attr(&mut o, "version", "2.1");
    attr(&mut o, "srcLang", &pkg.source_lang);
    attr(&mut o, "trgLang", &pkg.target_lang);
    o.push_str(">\n  <file");
    attr(&mut o, "id", &pkg.file_id);
    attr(&mut o, "original", &pkg.original);
    attr(&mut o, "srcDir", dir(&pkg.source_lang));
    attr(&mut o, "trgDir", dir(&pkg.target_lang));
    attr(&mut o, "xml:space", "preserve");
    o.push_str(">\n    <mda:metadata>\n      <mda:metaGroup");
    attr(&mut o, "category", "document");
    o.push_str(">\n");
    meta(&mut o, 8, "id", &pkg.doc_id);
    meta(&mut o, 8, "original", &pkg.original);
    for (k, v) in &pkg.meta {
        meta(&mut o, 8, k, v);
    }
    o.push_str("      </mda:metaGroup>\n");
    let summary = pkg.summary_ids();
    if !summary.is_empty() {
        o.push_str("      <mda:metaGroup category=\"summary\">\n");
        meta(&mut o, 8, "summary-segments", &summary.join(" "));
        o.push_str("      </mda:metaGroup>\n");
    }
    o.push_str("    </mda:metadata>\n    <notes>\n");
    note(
        &mut o,
        6,
        "khulasa",
        None,
        &format!(
            "Prepared by khulasa {}: one unit per paragraph, one segment per sentence.",
            env!("CARGO_PKG_VERSION")
        ),
    );
    if !summary.is_empty() {
        note(
            &mut o,
            6,
            "summary",
            Some("1"),
            &format!(
                "Summary sentences, translate these first: {}",
                summary.join(", ")
            ),
        );
    }
    o.push_str("    </notes>\n");
    if pkg.units.is_empty() {
        // The schema needs at least one unit: an empty document gets one
        // untranslatable empty unit.
        o.push_str("    <unit id=\"u0\" translate=\"no\">\n      <segment><source></source></segment>\n    </unit>\n");
    }
    for unit in &pkg.units {
        write_unit(&mut o, pkg, unit);
    }
    o.push_str("  </file>\n</xliff>\n");
    o
}

fn dir(lang: &str) -> &'static str {
    if is_rtl(lang) {
        "rtl"
    } else {
        "ltr"
    }
}

fn write_unit(o: &mut String, pkg: &Package, unit: &Unit) {
    o.push_str("    <unit");
    attr(o, "id", &unit.id);
    if let Some(name) = &unit.name {
        attr(o, "name", name);
    }
    o.push_str(">\n");
    // Terms of this unit, in order of first occurrence, with their first mark.
    let mut terms: Vec<(usize, &str)> = Vec::new();
    for m in unit.segments.iter().flat_map(|s| s.marks.iter()) {
        if !terms.iter().any(|&(t, _)| t == m.term) {
            terms.push((m.term, m.id.as_str()));
        }
    }
    if !terms.is_empty() {
        o.push_str("      <gls:glossary>\n");
        for (k, &(t, first)) in terms.iter().enumerate() {
            let Some(e) = pkg.terms.get(t) else { continue };
            o.push_str("        <gls:glossEntry");
            attr(o, "id", &ids::gloss_id(k));
            attr(o, "ref", &format!("#{first}"));
            o.push_str(">\n          <gls:term source=\"khulasa\">");
            esc_text(o, &e.ar, false);
            o.push_str("</gls:term>\n          <gls:translation source=\"khulasa\">");
            esc_text(o, &e.en, false);
            o.push_str("</gls:translation>\n");
            if !e.note.trim().is_empty() {
                o.push_str("          <gls:definition>");
                esc_text(o, &e.note, false);
                o.push_str("</gls:definition>\n");
            }
            o.push_str("        </gls:glossEntry>\n");
        }
        o.push_str("      </gls:glossary>\n");
    }
    let summary: Vec<&str> = unit
        .segments
        .iter()
        .filter(|s| s.summary)
        .map(|s| s.id.as_str())
        .collect();
    if !summary.is_empty() {
        o.push_str("      <mda:metadata>\n        <mda:metaGroup category=\"summary\">\n");
        meta(o, 10, "priority", "1");
        meta(o, 10, "summary-segments", &summary.join(" "));
        o.push_str("        </mda:metaGroup>\n      </mda:metadata>\n");
    }
    if !summary.is_empty() || !terms.is_empty() {
        o.push_str("      <notes>\n");
        if !summary.is_empty() {
            note(
                o,
                8,
                "summary",
                Some("1"),
                &format!(
                    "Summary sentences, translate these first: {}",
                    summary.join(", ")
                ),
            );
        }
        for &(t, _) in &terms {
            if let Some(e) = pkg.terms.get(t) {
                note(o, 8, "glossary", None, &format!("{} = {}", e.ar, e.en));
            }
        }
        o.push_str("      </notes>\n");
    }
    let gloss_of = |term: usize| terms.iter().position(|&(t, _)| t == term);
    for seg in &unit.segments {
        if !seg.gap_before.is_empty() {
            o.push_str("      <ignorable><source>");
            esc_text(o, &seg.gap_before, true);
            o.push_str("</source></ignorable>\n");
        }
        o.push_str("      <segment");
        attr(o, "id", &seg.id);
        o.push_str(">\n        <source>");
        source_with_marks(o, seg, gloss_of);
        o.push_str("</source>\n      </segment>\n");
    }
    o.push_str("    </unit>\n");
}

/// The segment text with each glossary mark wrapped in `<mrk>`.
fn source_with_marks(o: &mut String, seg: &Segment, gloss_of: impl Fn(usize) -> Option<usize>) {
    let mut pos = 0usize;
    for m in &seg.marks {
        let (Some(before), Some(inner)) = (
            seg.text.get(pos..m.span.start),
            seg.text.get(m.span.start..m.span.end),
        ) else {
            continue;
        };
        esc_text(o, before, true);
        o.push_str("<mrk");
        attr(o, "id", &m.id);
        attr(o, "type", "term");
        if let Some(k) = gloss_of(m.term) {
            attr(o, "ref", &format!("#gls={}", ids::gloss_id(k)));
        }
        o.push('>');
        esc_text(o, inner, true);
        o.push_str("</mrk>");
        pos = m.span.end;
    }
    esc_text(o, seg.text.get(pos..).unwrap_or(""), true);
}

fn meta(o: &mut String, indent: usize, kind: &str, value: &str) {
    if value.is_empty() {
        return;
    }
    o.extend(std::iter::repeat_n(' ', indent));
    o.push_str("<mda:meta");
    attr(o, "type", kind);
    o.push('>');
    esc_text(o, value, false);
    o.push_str("</mda:meta>\n");
}

fn note(o: &mut String, indent: usize, category: &str, priority: Option<&str>, text: &str) {
    o.extend(std::iter::repeat_n(' ', indent));
    o.push_str("<note");
    attr(o, "category", category);
    if let Some(p) = priority {
        attr(o, "priority", p);
    }
    o.push('>');
    esc_text(o, text, false);
    o.push_str("</note>\n");
}
