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
