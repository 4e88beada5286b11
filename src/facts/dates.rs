//! Dates mentioned in the text, for a timeline.

use serde::Serialize;

use crate::meta::date::{self as mdate, Calendar, Form};
use crate::meta::{self, tokens, Meta};
use crate::segment::Sentence;
use crate::text::Span;

/// A date mentioned in the text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateMention {
    /// Where it is written (byte span of the original text).
    pub span: Span,
    /// ISO 8601 in the Gregorian calendar, as precise as the text:
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub iso: String,
    /// The calendar the text uses (Hijri dates are converted, see
    /// [`crate::meta::date`]).
    pub calendar: Calendar,
    /// True when the text gives a day and month without a year and the year
    /// was taken from the publication date (the latest such date not after
    /// it).
    pub inferred_year: bool,
}

/// Finds the dates mentioned in `text`, in text order.
///
/// Covers full dates, months with a year (`أغسطس/آب 2017` → `2017-08`),
/// bare years after a cue word (`عام 2014`, `منتصف 2014`, `منذ 2011`) and
/// day-month dates without a year (`(27 نوفمبر)`), whose year comes from
/// the publication date found by [`meta::extract`]; without one they are
/// left out, as are invalid dates (`31 فبراير 2017`). The publication date
/// itself is included; compare with [`meta::Meta::date_span`] to drop it.
///
/// When the metadata of the text is already at hand, [`dates_with`] gives
/// the same result without extracting it again.
pub fn dates(text: &str, sentences: &[Sentence]) -> Vec<DateMention> {
    find(text, || meta::extract(text, sentences).date)
}

/// [`dates`] with the text's metadata already extracted: `meta` must be
/// [`meta::extract`]`(text, sentences)`; its publication date gives the
/// year of day-month dates.
///
/// ```
/// use khulasa::{facts, meta, segment};
/// let text = "التاريخ : 4 يوليو 2017 م\nوصل الوفد في (27 نوفمبر).";
/// let s = segment::segment(text);
/// let m = meta::extract(text, &s);
/// let d = facts::dates_with(text, &s, &m);
/// assert_eq!(d, facts::dates(text, &s));
/// assert_eq!(d[1].iso, "2016-11-27");
/// assert!(d[1].inferred_year);
/// ```
pub fn dates_with(text: &str, sentences: &[Sentence], meta: &Meta) -> Vec<DateMention> {
    let _ = sentences;
    find(text, || meta.date.clone())
}

/// Finds the dates of `text`; `published` gives the publication date (ISO)
/// and is only called when a date lacks its year.
fn find(text: &str, published: impl FnOnce() -> Option<String>) -> Vec<DateMention> {
    mentions(&mdate::scan(&tokens::tokenize(text)), published)
}

/// The mentions among the date expressions `found` in a text (by
/// `date::scan`); `published` as for [`find`].
pub(super) fn mentions(
    found: &[mdate::DateMatch],
    published: impl FnOnce() -> Option<String>,
) -> Vec<DateMention> {
    let needs_pub = found
        .iter()
        .any(|m| m.form == Form::Named && m.year.is_none());
    let published = if needs_pub {
        published().and_then(|d| meta::parse_date(&d))
    } else {
        None
    };
    let mut out = Vec::new();
    for m in found.iter().copied() {
        let (iso, inferred) = match (m.form, m.date) {
            (_, Some(d)) => (d.to_iso(), false),
            (Form::Year, None) => match m.year {
                Some(y) => (format!("{y:04}"), false),
                None => continue,
            },
            (Form::Named, None) if m.year.is_none() && m.calendar == Calendar::Gregorian => {
                let (Some(p), Some(day)) = (published, m.day) else {
                    continue;
                };
                let after = (m.month, day) > (p.month, p.day.unwrap_or(31));
                let year = if after { p.year - 1 } else { p.year };
                if day == 0 || day > mdate::days_in_month(year, m.month) {
                    continue;
                }
                (format!("{year:04}-{:02}-{day:02}", m.month), true)
            }
            _ => continue,
        };
        out.push(DateMention {
            span: m.span,
            iso,
            calendar: m.calendar,
            inferred_year: inferred,
        });
    }
    out
}
