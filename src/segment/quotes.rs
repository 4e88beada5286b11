//! Quotation marks and brackets: one linear pre-pass per block that pairs
//! openers with closers, so that the splitter can ignore unbalanced marks
//! (guidelines §5, §6) and knows where each quotation opened.

#[cfg(test)]
use super::bytes as scan;
use super::chars::{char_at, char_before, is_continuing, is_terminal};

/// Pairs farther apart than this (bytes) are treated as unbalanced brackets:
/// a parenthesis never silences a whole article.
const MAX_BRACKET: usize = 1200;
/// How deep the pairing looks down the stack for a matching opener.
const MAX_SEARCH: usize = 16;

/// Which family a mark belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Family {
    Straight,
    Guillemet,
    Curly,
    Round,
    Square,
    Brace,
}

impl Family {
    pub(crate) fn is_bracket(self) -> bool {
        matches!(self, Family::Round | Family::Square | Family::Brace)
    }
}

/// What a mark turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Opens a pair closed at the given byte offset.
    Open(usize),
    /// Closes a pair opened at the given byte offset.
    Close(usize),
    /// Unbalanced: ignored for segmentation.
    Stray,
}

/// One quotation mark or bracket in a block.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Mark {
    pub pos: usize,
    pub family: Family,
    pub role: Role,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Shape {
    Opening,
    Closing,
    Ambiguous,
}

fn shape(text: &str, i: usize, len: usize) -> Shape {
    let before = char_before(text, i);
    let after = char_at(text, i + len);
    let open_before = before.is_none_or(|c| {
        c.is_whitespace() || matches!(c, '(' | '[' | '{' | ':' | '«' | '“' | '-' | '—' | '–')
    });
    let space_after = after.is_none_or(|c| {
        c.is_whitespace()
            || is_terminal(c)
            || is_continuing(c)
            || matches!(c, ')' | ']' | '}' | '»' | '”' | '-')
    });
    match (open_before, space_after) {
        (true, false) => Shape::Opening,
        (false, true) => Shape::Closing,
        _ => Shape::Ambiguous,
    }
}

/// Finds the quotation marks and brackets of `text[start..end]` and pairs them.
#[cfg(test)]
pub(crate) fn marks(text: &str, start: usize, end: usize) -> Vec<Mark> {
    let bytes = text.as_bytes();
    let mut k = start;
    let positions = std::iter::from_fn(|| {
        let p = scan::next_rules(bytes, k, end);
        let c = char_at(text, p).filter(|_| p < end)?;
        k = p + c.len_utf8();
        Some(p)
    });
    let mut out = Vec::new();
    marks_into(text, positions, &mut out);
    out
}

/// Pairs the quotation marks and brackets among the chars at `positions`
/// (ascending byte offsets of one block; other chars are skipped) into
/// `out` (cleared first).
pub(crate) fn marks_into(text: &str, positions: impl Iterator<Item = usize>, out: &mut Vec<Mark>) {
    out.clear();
    // Stack of indices into `out` of unmatched openers.
    let mut stack: Vec<usize> = Vec::new();
    let candidates = positions.filter_map(|p| char_at(text, p).map(|c| (p, c)));
    for (k, c) in candidates {
        let family = match c {
            '"' => Family::Straight,
            '«' | '»' => Family::Guillemet,
            '“' | '”' | '„' => Family::Curly,
            '(' | ')' | '（' | '）' => Family::Round,
            '[' | ']' => Family::Square,
            '{' | '}' => Family::Brace,
            _ => continue,
        };
        let pos = k;
        let len = c.len_utf8();
        let has_open = |stack: &Vec<usize>, out: &[Mark]| {
            stack
                .iter()
                .rev()
                .take(MAX_SEARCH)
                .any(|&m| out.get(m).is_some_and(|m| m.family == family))
        };
        let closes = match c {
            '(' | '[' | '{' | '（' => false,
            ')' | ']' | '}' | '）' => true,
            '«' | '“' | '„' => {
                // Opening by default; closes a reversed (`»…«`) quotation.
                has_open(&stack, out) && shape(text, pos, len) == Shape::Closing && {
                    stack
                        .iter()
                        .rev()
                        .find_map(|&m| out.get(m).filter(|m| m.family == family))
                        .and_then(|m| char_at(text, m.pos))
                        .is_some_and(|oc| oc != c)
                }
            }
            '»' | '”' => has_open(&stack, out) || shape(text, pos, len) != Shape::Opening,
            _ => {
                // Straight quote: closing only when one is open and its shape
                // is not clearly opening (then it nests).
                has_open(&stack, out) && shape(text, pos, len) != Shape::Opening
            }
        };
        if !closes {
            stack.push(out.len());
            out.push(Mark {
                pos,
                family,
                role: Role::Stray,
            });
            continue;
        }
        // Find the nearest opener of the same family.
        let found = stack
            .iter()
            .rev()
            .take(MAX_SEARCH)
            .position(|&m| out.get(m).is_some_and(|m| m.family == family));
        match found {
            Some(depth) => {
                let cut = stack.len().saturating_sub(depth + 1);
                let opener = stack.get(cut).copied();
                stack.truncate(cut);
                let idx = out.len();
                let mut role = Role::Stray;
                if let Some(o) = opener {
                    if let Some(om) = out.get_mut(o) {
                        let far = family.is_bracket() && pos - om.pos > MAX_BRACKET;
                        if !far {
                            om.role = Role::Open(pos);
                            role = Role::Close(om.pos);
                        }
                    }
                }
                let _ = idx;
                out.push(Mark { pos, family, role });
            }
            None => out.push(Mark {
                pos,
                family,
                role: Role::Stray,
            }),
        }
    }
}

/// The mark at byte `pos`, if any (binary search).
pub(crate) fn mark_at(marks: &[Mark], pos: usize) -> Option<&Mark> {
    marks
        .binary_search_by_key(&pos, |m| m.pos)
        .ok()
        .and_then(|i| marks.get(i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(t: &str) -> Vec<(char, Role)> {
        marks(t, 0, t.len())
            .iter()
            .map(|m| (char_at(t, m.pos).unwrap(), m.role))
            .collect()
    }

    #[test]
    fn nested_straight_quotes_pair() {
        let t = r#"قال: "الحديث عن "صفقة سرية" مجرد شائعات." ثم"#;
        let r = roles(t);
        assert!(matches!(r[0].1, Role::Open(_)));
        assert!(matches!(r[1].1, Role::Open(_)));
        assert!(matches!(r[2].1, Role::Close(_)));
        assert!(matches!(r[3].1, Role::Close(_)));
    }

    #[test]
    fn unbalanced_quote_is_stray() {
        let t = "قال «هذا نص لم يغلق. وجملة ثانية.";
        assert_eq!(roles(t)[0].1, Role::Stray);
    }

    #[test]
    fn reversed_guillemets_pair() {
        let t = "بعزم »لزيادة النمو«.";
        let r = roles(t);
        assert!(matches!(r[0].1, Role::Open(_)));
        assert!(matches!(r[1].1, Role::Close(_)));
        let t = "بعزم »لزيادة النمو».";
        let r = roles(t);
        assert!(matches!(r[0].1, Role::Open(_)), "{r:?}");
        assert!(matches!(r[1].1, Role::Close(_)));
    }

    #[test]
    fn brackets_pair_and_strays() {
        let t = "أ) بند (داخل) ثم";
        let r = roles(t);
        assert_eq!(r[0].1, Role::Stray);
        assert!(matches!(r[1].1, Role::Open(_)));
        assert!(matches!(r[2].1, Role::Close(_)));
    }
}
