//! Dates in Arabic text: parsing, ISO 8601 output and Hijri conversion.
//!
//! Recognized forms (month names are matched on [`normalize`](crate::lang::normalize)d text, so
//! hamza and alef variants, ة/ه and ى/ي all match, and Arabic-Indic digits
//! count as digits):
//!
//! - day, month name, year: `4 يوليو 2017 م`, `الجمعة 15 ديسمبر 2017`,
//!   `15 أيلول 2017`, `3 جانفي 2016`, `12 شتنبر 2015`;
//! - combined month names: `أغسطس/آب 2017`, `آب/أغسطس`, `تشرين الأول (أكتوبر)`;
//! - month and year only: `أغسطس/آب 2017` → `2017-08`;
//! - Hijri dates: `1 رمضان 1438 هـ`, converted to the Gregorian calendar with
//!   the tabular (arithmetical) Islamic calendar;
//! - numeric dates: `2017-09-16`, `16/9/2017`, `16.09.2017`, `١٦/٩/٢٠١٧`
//!   (day first unless the year comes first, as is usual in Arabic text);
//! - the era suffixes `م` (Gregorian) and `هـ` (Hijri).
//!
//! Month names cover Egyptian/MSA (يناير … ديسمبر), Levantine and Iraqi
//! (كانون الثاني … كانون الأول), Moroccan (ماي، يوليوز، غشت، شتنبر، نونبر،
//! دجنبر) and Algerian/Tunisian (جانفي، فيفري، أفريل، جوان، جويلية، أوت) forms.
//!
//! # Hijri conversion
//!
//! Hijri dates are converted with the *tabular* Islamic calendar (civil epoch
//! 16 July 622 Julian, leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26 and 29
//! of each 30-year cycle). Official calendars such as Umm al-Qura follow the
//! moon and may differ from it by a day or two: 1 رمضان 1438 is 27 May 2017 in
//! both, but 1 محرم 1439 is 22 September 2017 in the tabular calendar and 21
//! September in Umm al-Qura.

use serde::Serialize;

use std::sync::OnceLock;

use super::chars::{word_set, WordTable};
use super::tokens::{self, Kind, Tokens};
use crate::fasthash::FastMap;
use crate::text::Span;

/// A calendar date in the Gregorian calendar, possibly without a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Date {
    /// The year (Gregorian).
    pub year: i32,
    /// The month, 1–12.
    pub month: u32,
    /// The day of the month, when the text gives one.
    pub day: Option<u32>,
}

impl Date {
    /// ISO 8601: `YYYY-MM-DD`, or `YYYY-MM` when there is no day.
    pub fn to_iso(&self) -> String {
        match self.day {
            Some(d) => format!("{:04}-{:02}-{:02}", self.year, self.month, d),
            None => format!("{:04}-{:02}", self.year, self.month),
        }
    }
}

/// Which calendar a date in the text is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Calendar {
    /// The Gregorian calendar.
    Gregorian,
    /// The Islamic (Hijri) calendar.
    Hijri,
}

/// Parses the first date expression in `s` (a day, month and year, or a month
/// and year) and returns it in the Gregorian calendar.
///
/// Returns `None` when `s` holds no such date, when the first one is invalid
/// (`31 فبراير 2017`) or lacks a year (`27 نوفمبر`). Bare years (`2017`) are
/// not dates here.
///
/// ```
/// use khulasa::meta::parse_date;
/// assert_eq!(parse_date("التاريخ : 4 يوليو 2017 م").unwrap().to_iso(), "2017-07-04");
/// assert_eq!(parse_date("أغسطس/آب 2017").unwrap().to_iso(), "2017-08");
/// assert_eq!(parse_date("1 رمضان 1438 هـ").unwrap().to_iso(), "2017-05-27");
/// assert_eq!(parse_date("31 فبراير 2017"), None);
/// ```
pub fn parse_date(s: &str) -> Option<Date> {
    let tk = tokens::tokenize(s);
    scan(&tk)
        .into_iter()
        .find(|m| m.form != Form::Year)
        .and_then(|m| m.date)
}

/// How a date was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// `2017-09-16`, `16/9/2017`.
    Numeric,
    /// With a month name.
    Named,
    /// A bare year after a cue word (`عام 2014`, `منتصف 2014`).
    Year,
}

/// A date expression found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateMatch {
    /// Span in the original text.
    pub span: Span,
    /// How it was written.
    pub form: Form,
    /// The calendar it was written in.
    pub calendar: Calendar,
    /// Day as written.
    pub day: Option<u32>,
    /// Month as written (in `calendar`), 0 for a bare year.
    pub month: u32,
    /// Year as written, if any.
    pub year: Option<i32>,
    /// The Gregorian date when the expression is complete and valid
    /// (a year and a month at least; bare years give `None`).
    pub date: Option<Date>,
}

const GREG_MONTHS: &[(&str, u32)] = &[
    ("يناير", 1),
    ("جانفي", 1),
    ("كانون الثاني", 1),
    ("كانون ثاني", 1),
    ("فبراير", 2),
    ("فيفري", 2),
    ("شباط", 2),
    ("مارس", 3),
    ("اذار", 3),
    ("ابريل", 4),
    ("افريل", 4),
    ("نيسان", 4),
    ("مايو", 5),
    ("ماي", 5),
    ("ايار", 5),
    ("يونيو", 6),
    ("يونيه", 6),
    ("جوان", 6),
    ("حزيران", 6),
    ("يوليو", 7),
    ("يوليه", 7),
    ("يوليوز", 7),
    ("جويليه", 7),
    ("تموز", 7),
    ("اغسطس", 8),
    ("غشت", 8),
    ("اوت", 8),
    ("اب", 8),
    ("سبتمبر", 9),
    ("شتنبر", 9),
    ("ايلول", 9),
    ("اكتوبر", 10),
    ("تشرين الاول", 10),
    ("تشرين اول", 10),
    ("نوفمبر", 11),
    ("نونبر", 11),
    ("تشرين الثاني", 11),
    ("تشرين ثاني", 11),
    ("ديسمبر", 12),
    ("دجنبر", 12),
    ("كانون الاول", 12),
    ("كانون اول", 12),
];

const HIJRI_MONTHS: &[(&str, u32)] = &[
    ("محرم", 1),
    ("صفر", 2),
    ("ربيع الاول", 3),
    ("ربيع اول", 3),
    ("ربيع الثاني", 4),
    ("ربيع الاخر", 4),
    ("ربيع ثاني", 4),
    ("جمادي الاولي", 5),
    ("جمادي الاول", 5),
    ("جمادي الاخره", 6),
    ("جمادي الثانيه", 6),
    ("جمادي الاخر", 6),
    ("جمادي الثاني", 6),
    ("رجب", 7),
    ("شعبان", 8),
    ("رمضان", 9),
    ("شوال", 10),
    ("ذو القعده", 11),
    ("ذي القعده", 11),
    ("ذو الحجه", 12),
    ("ذي الحجه", 12),
];

const WEEKDAYS: &[&str] = &[
    "الاحد",
    "الاثنين",
    "الثلاثاء",
    "الاربعاء",
    "الخميس",
    "الجمعه",
    "السبت",
];

const ERA_GREG: &[&str] = &["م", "ميلادي", "ميلاديه", "للميلاد"];
const ERA_HIJRI: &[&str] = &["ه", "هجري", "هجريه", "للهجره"];

/// Words after which a bare four-digit number is a year.
const YEAR_CUES: &[&str] = &[
    "عام",
    "العام",
    "لعام",
    "بعام",
    "وعام",
    "والعام",
    "للعام",
    "سنه",
    "السنه",
    "لسنه",
    "منتصف",
    "اواخر",
    "اوايل",
    "مطلع",
    "بدايه",
    "نهايه",
    "اواسط",
    "خريف",
    "ربيع",
    "صيف",
    "شتاء",
    "عامي",
    "منذ",
    "ومنذ",
];

/// Weaker cues: the year must not be followed by a word (`منذ 2014،`).
const WEAK_YEAR_CUES: &[&str] = &["من", "حتي", "وحتي", "الي", "قبل", "بعد", "خلال", "في", "وفي"];

/// Matches a month name starting at token `i`: (calendar, month, tokens used).
fn month_at(tk: &Tokens<'_>, i: usize) -> Option<(Calendar, u32, usize)> {
    if tk.kind(i) != Some(Kind::Word) {
        return None;
    }
    let one = tk.text(i);
    let maps = month_maps();
    if maps.pair_firsts.contains(one) && tk.kind(i + 1) == Some(Kind::Word) {
        if let Some(&(cal, m)) = maps.pairs.get(&(one, tk.text(i + 1))) {
            return Some((cal, m, 2));
        }
    }
    maps.singles.get(one).map(|&(cal, m)| (cal, m, 1))
}

/// The month tables as maps. Gregorian names win over Hijri ones, earlier
/// entries over later ones.
struct MonthMaps {
    /// First words of two-word names.
    pair_firsts: WordTable<()>,
    /// Two-word names by their words.
    pairs: FastMap<(&'static str, &'static str), (Calendar, u32)>,
    /// One-word names.
    singles: WordTable<(Calendar, u32)>,
    /// Words that may start a date expression: weekdays, one-word month
    /// names, first words of two-word names, year cues.
    starters: WordTable<()>,
}

fn month_maps() -> &'static MonthMaps {
    static MAPS: OnceLock<MonthMaps> = OnceLock::new();
    MAPS.get_or_init(|| {
        let all = || {
            GREG_MONTHS
                .iter()
                .map(|&(n, m)| (n, (Calendar::Gregorian, m)))
                .chain(HIJRI_MONTHS.iter().map(|&(n, m)| (n, (Calendar::Hijri, m))))
        };
        let mut pairs = FastMap::default();
        for (name, v) in all() {
            if let Some(pair) = name.split_once(' ') {
                pairs.entry(pair).or_insert(v);
            }
        }
        let starters = WordTable::new(
            all()
                .map(|(n, _)| n.split(' ').next().unwrap_or(n))
                .chain(WEEKDAYS.iter().copied())
                .chain(YEAR_CUES.iter().copied())
                .chain(WEAK_YEAR_CUES.iter().copied())
                .map(|w| (w, ())),
        );
        MonthMaps {
            pair_firsts: WordTable::new(pairs.keys().map(|&(a, _)| (a, ()))),
            pairs,
            singles: WordTable::new(all().filter(|(n, _)| !n.contains(' '))),
            starters,
        }
    })
}

/// True for a Gregorian leap year.
fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in a Gregorian month (0 for an invalid month).
pub(crate) fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// True for a leap year of the tabular Islamic calendar (Dhu al-Hijja has 30
/// days).
fn is_hijri_leap(y: i64) -> bool {
    (14 + 11 * y).rem_euclid(30) < 11
}

/// Days in a month of the tabular Islamic calendar (0 for an invalid month).
fn hijri_days_in_month(y: i64, m: u32) -> u32 {
    match m {
        12 if is_hijri_leap(y) => 30,
        1..=12 if m % 2 == 1 => 30,
        1..=12 => 29,
        _ => 0,
    }
}

/// Julian day number of a tabular Islamic date (civil epoch: 1 Muharram 1 AH
/// = JDN 1948440 = 16 July 622 Julian).
fn hijri_to_jdn(y: i64, m: u32, d: u32) -> i64 {
    let m = i64::from(m);
    let d = i64::from(d);
    d + (59 * (m - 1) + 1) / 2 + (y - 1) * 354 + (3 + 11 * y).div_euclid(30) + 1_948_439
}

/// Gregorian date of a Julian day number (Fliegel & Van Flandern).
fn jdn_to_gregorian(jdn: i64) -> (i32, u32, u32) {
    let mut l = jdn + 68_569;
    let n = 4 * l / 146_097;
    l -= (146_097 * n + 3) / 4;
    let i = 4000 * (l + 1) / 1_461_001;
    l = l - 1461 * i / 4 + 31;
    let j = 80 * l / 2447;
    let d = l - 2447 * j / 80;
    l = j / 11;
    let m = j + 2 - 12 * l;
    let y = 100 * (n - 49) + i + l;
    (
        i32::try_from(y).unwrap_or(0),
        u32::try_from(m).unwrap_or(0),
        u32::try_from(d).unwrap_or(0),
    )
}

/// Converts a date of the tabular Islamic calendar to the Gregorian calendar.
/// Returns `None` for an invalid date (day 30 of a 29-day month, month 13,
/// year before 1 AH or after 10000 AH).
///
/// ```
/// use khulasa::meta::date::hijri_to_gregorian;
/// assert_eq!(hijri_to_gregorian(1438, 9, 1), Some((2017, 5, 27)));
/// assert_eq!(hijri_to_gregorian(1438, 2, 30), None);
/// ```
pub fn hijri_to_gregorian(year: i32, month: u32, day: u32) -> Option<(i32, u32, u32)> {
    let y = i64::from(year);
    if !(1..=10_000).contains(&y) || day == 0 || day > hijri_days_in_month(y, month) {
        return None;
    }
    Some(jdn_to_gregorian(hijri_to_jdn(y, month, day)))
}

/// Builds the Gregorian date of an expression, validating the day.
fn resolve(cal: Calendar, year: i32, month: u32, day: Option<u32>) -> Option<Date> {
    match cal {
        Calendar::Gregorian => {
            if !(1..=12).contains(&month) {
                return None;
            }
            if let Some(d) = day {
                if d == 0 || d > days_in_month(year, month) {
                    return None;
                }
            }
            Some(Date { year, month, day })
        }
        Calendar::Hijri => {
            // A month without a day is placed by its 15th day, the Gregorian
            // month that holds most of it.
            let (y, m, d) = hijri_to_gregorian(year, month, day.unwrap_or(15))?;
            Some(Date {
                year: y,
                month: m,
                day: day.map(|_| d),
            })
        }
    }
}

/// Tries a numeric date (`2017-09-16`, `16/9/2017`, `16.09.2017`) at `i`.
fn numeric_at(tk: &Tokens<'_>, i: usize) -> Option<(DateMatch, usize)> {
    let sep = match tk.kind(i + 1)? {
        Kind::Punct(c @ ('-' | '/' | '.')) => c,
        _ => return None,
    };
    let parts_ok = tk.kind(i) == Some(Kind::Num)
        && tk.kind(i + 2) == Some(Kind::Num)
        && tk.is_punct(i + 3, sep)
        && tk.kind(i + 4) == Some(Kind::Num)
        && (1..=4).all(|k| tk.glued(i + k));
    if !parts_ok {
        return None;
    }
    // Part of a longer chain (a version number, an IP address…)?
    if i >= 2 && tk.glued(i) && tk.kind(i - 1) == Some(Kind::Punct(sep)) {
        return None;
    }
    if tk.is_punct(i + 5, sep) && tk.glued(i + 5) && tk.kind(i + 6) == Some(Kind::Num) {
        return None;
    }
    let (a, b, c) = (tk.num(i)?, tk.num(i + 2)?, tk.num(i + 4)?);
    let (year, month, day) = if tk.digits(i) == 4 && tk.digits(i + 2) <= 2 && tk.digits(i + 4) <= 2
    {
        (a, b, c)
    } else if tk.digits(i + 4) == 4 && tk.digits(i) <= 2 && tk.digits(i + 2) <= 2 {
        (c, b, a)
    } else {
        return None;
    };
    let mut end = i + 5;
    let mut cal = Calendar::Gregorian;
    if tk.is_word_in(end, ERA_HIJRI) {
        cal = Calendar::Hijri;
        end += 1;
    } else if tk.is_word_in(end, ERA_GREG) {
        end += 1;
    }
    let year = i32::try_from(year).ok()?;
    let (month, day) = (u32::try_from(month).ok()?, u32::try_from(day).ok()?);
    let m = DateMatch {
        span: tk.orig_span(i, end),
        form: Form::Numeric,
        calendar: cal,
        day: Some(day),
        month,
        year: Some(year),
        date: resolve(cal, year, month, Some(day)),
    };
    Some((m, end))
}

/// Tries a date with a month name at `i` (optionally a weekday first).
fn named_at(tk: &Tokens<'_>, i: usize) -> Option<(DateMatch, usize)> {
    let mut j = i;
    if tk.is_word_in(j, WEEKDAYS) {
        j += 1;
        if tk.is_punct(j, '،') || tk.is_punct(j, ',') {
            j += 1;
        }
    }
    let mut day = None;
    if tk.kind(j) == Some(Kind::Num) && tk.digits(j) <= 2 && month_at(tk, j + 1).is_some() {
        day = tk.num(j).and_then(|d| u32::try_from(d).ok());
        j += 1;
    }
    let (cal, month, n) = month_at(tk, j)?;
    j += n;
    // A second name for the same month: أغسطس/آب, آب-أغسطس, تشرين الأول (أكتوبر).
    if tk.is_punct(j, '/') || tk.is_punct(j, '-') || tk.is_punct(j, '(') {
        if let Some((_, m2, n2)) = month_at(tk, j + 1) {
            if m2 == month {
                j += 1 + n2;
                if tk.is_punct(j - 1 - n2, '(') && tk.is_punct(j, ')') {
                    j += 1;
                }
            }
        }
    }
    let mut k = j;
    if tk.is_punct(k, '،') || tk.is_punct(k, ',') {
        k += 1;
    }
    let mut year = None;
    let min_digits = if cal == Calendar::Hijri { 3 } else { 4 };
    if tk.kind(k) == Some(Kind::Num) && (min_digits..=4).contains(&tk.digits(k)) {
        let y = tk.num(k).and_then(|y| i32::try_from(y).ok());
        let plausible = match cal {
            Calendar::Gregorian => y.is_some_and(|y| (1000..=2999).contains(&y)),
            Calendar::Hijri => y.is_some_and(|y| (1..=1600).contains(&y)),
        };
        if plausible {
            year = y;
            j = k + 1;
        }
    }
    if year.is_some() {
        if tk.is_word_in(j, ERA_GREG) || tk.is_word_in(j, ERA_HIJRI) {
            j += 1;
        }
    } else if day.is_none() {
        return None;
    }
    let date = year.and_then(|y| resolve(cal, y, month, day));
    // An invalid day is still a date expression (so that it is not read as
    // month-and-year), but it resolves to nothing.
    let date = match (day, year) {
        (Some(d), None) => {
            let max = match cal {
                Calendar::Gregorian => days_in_month(2000, month),
                Calendar::Hijri => 30,
            };
            if d == 0 || d > max {
                None
            } else {
                date
            }
        }
        _ => date,
    };
    let m = DateMatch {
        span: tk.orig_span(i, j),
        form: Form::Named,
        calendar: cal,
        day,
        month,
        year,
        date,
    };
    Some((m, j))
}

/// Tries a bare year after a cue word at `i` (`عام 2014`, `منذ 2011،`).
fn year_at(tk: &Tokens<'_>, i: usize) -> Option<(DateMatch, usize)> {
    static CUES: OnceLock<(WordTable<()>, WordTable<()>)> = OnceLock::new();
    let (cues, weak_cues) = CUES.get_or_init(|| (word_set(YEAR_CUES), word_set(WEAK_YEAR_CUES)));
    if tk.kind(i) != Some(Kind::Word) {
        return None;
    }
    let w = tk.text(i);
    let strong = cues.contains(w);
    let weak = !strong && weak_cues.contains(w);
    if !strong && !weak {
        return None;
    }
    let mut j = i + 1;
    if tk.is_word_in(j, &["عام", "العام", "سنه"]) {
        j += 1;
    }
    if tk.digits(j) != 4 || tk.glued(j + 1) && tk.kind(j + 1) == Some(Kind::Num) {
        return None;
    }
    let y = tk.num(j).and_then(|y| i32::try_from(y).ok())?;
    if !(1800..=2100).contains(&y) {
        return None;
    }
    let mut end = j + 1;
    if tk.is_word_in(end, ERA_GREG) {
        end += 1;
    } else if weak
        && tk.kind(end) == Some(Kind::Word)
        && !tk.is_word_in(end, &["و", "وحتي", "حتي", "الي", "والي"])
    {
        return None;
    }
    // A decimal number (2014.5) is not a year.
    if (tk.is_punct(end, '.') || tk.is_punct(end, ',') || tk.is_punct(end, '٫'))
        && tk.glued(end)
        && tk.kind(end + 1) == Some(Kind::Num)
        && tk.glued(end + 1)
    {
        return None;
    }
    let m = DateMatch {
        span: tk.orig_span(j, end),
        form: Form::Year,
        calendar: Calendar::Gregorian,
        day: None,
        month: 0,
        year: Some(y),
        date: None,
    };
    Some((m, end))
}

/// Tries a bare year followed by an era suffix (`2017م`, `1438 هـ`).
fn year_era_at(tk: &Tokens<'_>, i: usize) -> Option<(DateMatch, usize)> {
    let d = tk.digits(i);
    if !(3..=4).contains(&d) {
        return None;
    }
    let hijri = tk.is_word_in(i + 1, ERA_HIJRI);
    let greg = tk.is_word_in(i + 1, ERA_GREG);
    if !(d == 4 && greg || (3..=4).contains(&d) && hijri) {
        return None;
    }
    if i > 0 && tk.glued(i) && matches!(tk.kind(i - 1), Some(Kind::Punct(_) | Kind::Num)) {
        return None;
    }
    let y = tk.num(i).and_then(|y| i32::try_from(y).ok())?;
    let (cal, year) = if hijri {
        // Place a bare Hijri year by its middle (1 Rajab).
        let (gy, _, _) = hijri_to_gregorian(y, 7, 1)?;
        (Calendar::Hijri, gy)
    } else {
        (Calendar::Gregorian, y)
    };
    let m = DateMatch {
        span: tk.orig_span(i, i + 2),
        form: Form::Year,
        calendar: cal,
        day: None,
        month: 0,
        year: Some(year),
        date: None,
    };
    Some((m, i + 2))
}

/// A second year joined to a year just found: `عامي 2012 و2014`,
/// `من 2013 وحتى 2017`, `2015-2016`.
fn next_year_at(tk: &Tokens<'_>, i: usize) -> Option<(DateMatch, usize)> {
    let j = if tk.is_word_in(i, &["و", "وحتي", "حتي", "الي", "والي"])
        || tk.is_punct(i, '-')
        || tk.is_punct(i, '–')
    {
        i + 1
    } else {
        return None;
    };
    if tk.digits(j) != 4 || (tk.glued(j + 1) && tk.kind(j + 1) == Some(Kind::Num)) {
        return None;
    }
    let y = tk.num(j).and_then(|y| i32::try_from(y).ok())?;
    if !(1800..=2100).contains(&y) {
        return None;
    }
    let mut end = j + 1;
    if tk.is_word_in(end, ERA_GREG) {
        end += 1;
    }
    let m = DateMatch {
        span: tk.orig_span(j, end),
        form: Form::Year,
        calendar: Calendar::Gregorian,
        day: None,
        month: 0,
        year: Some(y),
        date: None,
    };
    Some((m, end))
}

/// Finds every date expression in a tokenized text, left to right, without
/// overlaps.
pub(crate) fn scan(tk: &Tokens<'_>) -> Vec<DateMatch> {
    let mut out = Vec::new();
    let mut i = 0;
    let starters = &month_maps().starters;
    while let Some(t) = tk.toks.get(i) {
        // Only a number or a weekday, month or year-cue word starts a date.
        let may_start = match t.kind {
            Kind::Num => true,
            Kind::Word => starters.contains(tk.text(i)),
            Kind::Punct(_) => false,
        };
        if !may_start {
            i += 1;
            continue;
        }
        let found = numeric_at(tk, i)
            .or_else(|| named_at(tk, i))
            .or_else(|| year_at(tk, i))
            .or_else(|| year_era_at(tk, i));
        match found {
            Some((m, next)) if next > i => {
                let had_year = m.year.is_some();
                out.push(m);
                i = next;
                if had_year {
                    while let Some((m2, n2)) = next_year_at(tk, i) {
                        out.push(m2);
                        i = n2;
                    }
                }
            }
            _ => i += 1,
        }
    }
    out
}

/// Finds every date expression in `text`.
pub(crate) fn find(text: &str) -> Vec<DateMatch> {
    scan(&tokens::tokenize(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabular_epoch_and_known_dates() {
        // 1 Muharram 1 AH = 16 July 622 Julian = 19 July 622 proleptic Gregorian.
        assert_eq!(hijri_to_gregorian(1, 1, 1), Some((622, 7, 19)));
        assert_eq!(hijri_to_jdn(1, 1, 1), 1_948_440);
        // JDN 2451545 is 1 January 2000.
        assert_eq!(jdn_to_gregorian(2_451_545), (2000, 1, 1));
    }

    #[test]
    fn tables_are_normalized() {
        let all = GREG_MONTHS
            .iter()
            .chain(HIJRI_MONTHS)
            .map(|(w, _)| *w)
            .chain(WEEKDAYS.iter().copied())
            .chain(ERA_GREG.iter().copied())
            .chain(ERA_HIJRI.iter().copied())
            .chain(YEAR_CUES.iter().copied())
            .chain(WEAK_YEAR_CUES.iter().copied());
        for w in all {
            assert_eq!(
                crate::lang::normalize(w).text,
                w,
                "table entry not normalized"
            );
        }
    }
}
