//! Glossary checks for `khulasa glossary check`.

use std::collections::HashMap;

use serde::Serialize;

use super::{is_latin_form, key, parse_rows, Format};
use crate::error::Error;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Fails the check: the row cannot load or will mislead matching.
    Error,
    /// Worth a look; the glossary still loads and works.
    Warning,
}

/// A problem found in a glossary file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// The file name.
    pub input: String,
    /// 1-based line (0 when unknown).
    pub line: usize,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for Issue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{}:{}: {sev}: {}", self.input, self.line, self.message)
    }
}

/// Checks a glossary file's text: rows that do not load (too few columns,
/// empty or diacritics-only terms, XML/JSON errors), one-letter terms, the
/// same term (by matching key, variants included) listed twice with
/// conflicting English (error) or the same English (warning), unknown types.
/// Issues come sorted by line.
pub fn check(text: &str, name: &str, format: Format) -> Vec<Issue> {
    let parsed = parse_rows(text, name, format);
    let mut issues = Vec::new();
    let issue = |line: usize, severity: Severity, message: String| Issue {
        input: name.to_string(),
        line,
        severity,
        message,
    };
    for e in parsed.errors {
        match e {
            Error::Parse { line, message, .. } => {
                issues.push(issue(line, Severity::Error, message))
            }
            other => issues.push(issue(0, Severity::Error, other.to_string())),
        }
    }
    for (line, w) in parsed.warnings {
        issues.push(issue(line, Severity::Warning, w));
    }
    // key -> (line, canonical Arabic, English)
    let mut seen: HashMap<String, (usize, String, String)> = HashMap::new();
    for row in &parsed.rows {
        let e = &row.entry;
        let mut forms: Vec<&str> = vec![e.ar.as_str()];
        forms.extend(e.ar_variants());
        let mut own: Vec<String> = Vec::new();
        for (i, form) in forms.iter().enumerate() {
            let k = key(form);
            let letters = k.chars().filter(|c| c.is_alphanumeric()).count();
            if letters == 0 {
                issues.push(issue(
                    row.line,
                    Severity::Error,
                    format!("variant {form:?} of {:?} has no letters", e.ar),
                ));
                continue;
            }
            if letters == 1 {
                issues.push(issue(
                    row.line,
                    Severity::Error,
                    format!(
                        "one-letter term {form:?} (it would match clitics; the matcher skips it)"
                    ),
                ));
            }
            if own.contains(&k) {
                if i > 0 {
                    issues.push(issue(
                        row.line,
                        Severity::Warning,
                        format!(
                            "variant {form:?} is the same as {:?} after normalization",
                            e.ar
                        ),
                    ));
                }
                continue;
            }
            own.push(k.clone());
            match seen.get(&k) {
                Some((line, ar, en)) => {
                    let what = if i == 0 { "term" } else { "variant" };
                    if en.trim().eq_ignore_ascii_case(e.en.trim()) {
                        issues.push(issue(
                            row.line,
                            Severity::Warning,
                            format!("duplicate {what} {form:?}: already listed as {ar:?} on line {line} (same English)"),
                        ));
                    } else {
                        issues.push(issue(
                            row.line,
                            Severity::Error,
                            format!(
                                "duplicate {what} {form:?} with conflicting English: {:?} here, {en:?} for {ar:?} on line {line}",
                                e.en
                            ),
                        ));
                    }
                }
                None => {
                    seen.insert(k, (row.line, e.ar.clone(), e.en.clone()));
                }
            }
        }
        if is_latin_form(&e.ar) {
            issues.push(issue(
                row.line,
                Severity::Warning,
                format!(
                    "Arabic column holds Latin script {:?} (columns swapped?)",
                    e.ar
                ),
            ));
        }
        if e.en.chars().filter(|c| c.is_alphanumeric()).count() == 1 {
            issues.push(issue(
                row.line,
                Severity::Warning,
                format!("one-letter English term {:?}", e.en),
            ));
        }
    }
    issues.sort_by_key(|i| i.line);
    issues
}
