//! TSV and OmegaT glossaries.
//!
//! TSV: Arabic and English in the first two columns; an optional header row
//! names the columns (see [`super::col_role`]). Without a header the third
//! column is the note, which is exactly OmegaT's `source<TAB>target<TAB>comment`.
//! Blank lines and lines starting with `#` are skipped.

use super::{one_line, Entry, Parsed};

pub(crate) fn read(text: &str, name: &str) -> Parsed {
    let mut parsed = Parsed::default();
    let mut roles: Option<Vec<_>> = None;
    // One buffer for every row's fields.
    let mut fields: Vec<&str> = Vec::new();
    for (i, line) in lines(text).enumerate() {
        let line_no = i + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        fields.clear();
        fields.extend(line.split('\t'));
        parsed.push_fields(&mut roles, (name, line_no), &fields, ("tab", line));
    }
    parsed
}

/// The lines of `text` as [`str::lines`] gives them (without `\n`; a last
/// line without one counts, an empty one after the final `\n` does not),
/// found with memchr's vector search.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes())
        .map(Some)
        .chain(std::iter::once(None))
        .filter_map(move |nl| {
            let end = nl.unwrap_or(text.len());
            let line = text.get(start..end)?;
            let last = nl.is_none();
            start = end + 1;
            (!(last && line.is_empty())).then_some(line)
        })
}

/// The first `n` characters of `s`, with `…` when cut.
pub(crate) fn truncate(s: &str, n: usize) -> String {
    let mut out: String = s.chars().take(n).collect();
    if s.chars().nth(n).is_some() {
        out.push('…');
    }
    out
}

/// TSV with the header `ar en variants type note source`.
pub(crate) fn write(entries: &[Entry]) -> String {
    let mut out = String::from("ar\ten\tvariants\ttype\tnote\tsource\n");
    for e in entries {
        let variants: Vec<String> = e
            .variants
            .iter()
            .map(|v| one_line(v).replace('|', "/"))
            .collect();
        out.push_str(&one_line(&e.ar));
        out.push('\t');
        out.push_str(&one_line(&e.en));
        out.push('\t');
        out.push_str(&variants.join("|"));
        out.push('\t');
        out.push_str(e.kind.map_or("", |k| k.as_str()));
        out.push('\t');
        out.push_str(&one_line(&e.note));
        out.push('\t');
        out.push_str(&one_line(&e.source));
        out.push('\n');
    }
    out
}

/// OmegaT glossary: `source<TAB>target<TAB>comment`, one row per Arabic form
/// (variants get their own rows so that OmegaT finds them too).
pub(crate) fn write_omegat(entries: &[Entry]) -> String {
    let mut out = String::new();
    for e in entries {
        let comment = match (e.kind, e.note.trim()) {
            (Some(k), "") => k.as_str().to_string(),
            (Some(k), n) => format!("{}; {}", k.as_str(), one_line(n)),
            (None, n) => one_line(n),
        };
        push_row(&mut out, &e.ar, &e.en, &comment);
        for v in e.ar_variants() {
            push_row(
                &mut out,
                v,
                &e.en,
                &format!("variant of {}", one_line(&e.ar)),
            );
        }
    }
    out
}

fn push_row(out: &mut String, ar: &str, en: &str, comment: &str) {
    out.push_str(&one_line(ar));
    out.push('\t');
    out.push_str(&one_line(en));
    if !comment.is_empty() {
        out.push('\t');
        out.push_str(comment);
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_keep_blank_lines_and_drop_the_final_empty_one() {
        let got: Vec<&str> = lines("ا\tb\n\nج\td\r\n").collect();
        assert_eq!(got, ["ا\tb", "", "ج\td\r"]);
        assert_eq!(lines("").count(), 0);
        assert_eq!(lines("\n").collect::<Vec<_>>(), [""]);
        assert_eq!(lines("x").collect::<Vec<_>>(), ["x"]);
    }

    proptest::proptest! {
        #[test]
        fn lines_equal_str_lines(text in "[a\tب\r\n ]{0,24}") {
            let trim = |l: &str| l.trim_end_matches('\r').to_string();
            let got: Vec<String> = lines(&text).map(trim).collect();
            let want: Vec<String> = text.lines().map(trim).collect();
            proptest::prop_assert_eq!(got, want);
        }
    }
}
