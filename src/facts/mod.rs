//! Facts in the body of an article: figures (numbers with what they count)
//! and dates mentioned in the text, for timelines and fact boxes.
//!
//! ```
//! use khulasa::{facts, segment};
//! let text = "خرج أربعة آلاف مقاتل في 13 أيلول 2017 مقابل 3000 دولار للفرد.";
//! let s = segment::segment(text);
//! let f = facts::figures(text, &s);
//! assert_eq!((f[0].value, f[0].unit.as_str()), (4000.0, "مقاتل"));
//! assert_eq!((f[1].value, f[1].unit.as_str()), (3000.0, "دولار"));
//! assert_eq!(facts::dates(text, &s)[0].iso, "2017-09-13");
//! ```

mod dates;
mod figures;

pub use dates::{dates, dates_with, DateMention};
pub use figures::{figures, Figure};

use crate::meta::{date, tokens, Meta};

/// [`figures`] and [`dates_with`] together, from one tokenization and one
/// date scan of `text` (both stages need them); `meta` must be
/// [`meta::extract`](crate::meta::extract) of the same text.
///
/// ```
/// use khulasa::{facts, meta, segment};
/// let text = "التاريخ : 4 يوليو 2017 م\nخرج 300 مقاتل في (27 نوفمبر).";
/// let s = segment::segment(text);
/// let m = meta::extract(text, &s);
/// let (f, d) = facts::figures_and_dates(text, &m);
/// assert_eq!(f, facts::figures(text, &s));
/// assert_eq!(d, facts::dates_with(text, &s, &m));
/// ```
pub fn figures_and_dates(text: &str, meta: &Meta) -> (Vec<Figure>, Vec<DateMention>) {
    let tk = tokens::tokenize(text);
    let found = date::scan(&tk);
    let figures = figures::figures_in(text, &tk, &found);
    let dates = dates::mentions(&found, || meta.date.clone());
    (figures, dates)
}
