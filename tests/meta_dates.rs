//! Date parsing: month-name families, numeric forms, Hijri conversion and
//! invalid dates. Every expected value below was worked out by hand (Hijri
//! ones by counting month lengths from a reference date, see the comments).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use khulasa::meta::date::hijri_to_gregorian;
use khulasa::meta::{parse_date, Date};
use khulasa::{facts, segment};

/// (input, expected ISO date or None)
const CASES: &[(&str, Option<&str>)] = &[
    // MSA / Egyptian month names, era suffix, weekday prefix.
    ("4 يوليو 2017 م", Some("2017-07-04")),
    ("4 يوليو 2017م", Some("2017-07-04")),
    ("التاريخ : 15 ديسمبر 2017 م", Some("2017-12-15")),
    ("الجمعة 15 ديسمبر 2017", Some("2017-12-15")),
    ("الجمعة، 15 ديسمبر 2017", Some("2017-12-15")),
    ("25 يناير 2011", Some("2011-01-25")),
    ("30 يونيه 2013", Some("2013-06-30")),
    ("23 يوليه 1952", Some("1952-07-23")),
    ("6 اكتوبر 1973", Some("1973-10-06")),
    ("9 ابريل 2003", Some("2003-04-09")),
    ("29 فبراير 2016", Some("2016-02-29")),
    // Levantine / Iraqi.
    ("15 أيلول 2017", Some("2017-09-15")),
    ("1 كانون الثاني 2018", Some("2018-01-01")),
    ("25 كانون الأول 2016", Some("2016-12-25")),
    ("3 تشرين الثاني 2015", Some("2015-11-03")),
    ("12 شباط 2014", Some("2014-02-12")),
    ("7 آذار 2011", Some("2011-03-07")),
    ("9 نيسان 2003", Some("2003-04-09")),
    ("1 أيار 2016", Some("2016-05-01")),
    ("5 حزيران 1967", Some("1967-06-05")),
    ("14 تموز 1958", Some("1958-07-14")),
    // Moroccan.
    ("20 ماي 2019", Some("2019-05-20")),
    ("30 يوليوز 2015", Some("2015-07-30")),
    ("14 غشت 2016", Some("2016-08-14")),
    ("11 شتنبر 2001", Some("2001-09-11")),
    ("6 نونبر 1975", Some("1975-11-06")),
    ("31 دجنبر 2017", Some("2017-12-31")),
    // Algerian / Tunisian.
    ("5 جويلية 1962", Some("1962-07-05")),
    ("14 جانفي 2011", Some("2011-01-14")),
    ("17 فيفري 2011", Some("2011-02-17")),
    ("20 أفريل 2018", Some("2018-04-20")),
    ("19 جوان 1965", Some("1965-06-19")),
    ("1 أوت 2018", Some("2018-08-01")),
    // Combined names and month-year only.
    ("أغسطس/آب 2017", Some("2017-08")),
    ("آب/أغسطس 2017", Some("2017-08")),
    ("منتصف أكتوبر/تشرين الأول 2017", Some("2017-10")),
    ("تشرين الأول (أكتوبر) 2017", Some("2017-10")),
    ("يوم السبت 16 سبتمبر/أيلول 2017", Some("2017-09-16")),
    // Numeric forms, day first in Arabic text, Arabic-Indic digits.
    ("2017-09-16 00:00:00 - المصدر", Some("2017-09-16")),
    ("16/9/2017", Some("2017-09-16")),
    ("16.09.2017", Some("2017-09-16")),
    ("١٦/٩/٢٠١٧", Some("2017-09-16")),
    ("٢٠١٧-٠٩-١٦", Some("2017-09-16")),
    ("١٥ ديسمبر ٢٠١٧", Some("2017-12-15")),
    // Hijri (tabular calendar). Reference: 1 Ramadan 1438 = 27 May 2017
    // (also Umm al-Qura); 1 Muharram 1400 = 21 November 1979.
    ("1 رمضان 1438 هـ", Some("2017-05-27")),
    ("١ رمضان ١٤٣٨ هـ", Some("2017-05-27")),
    ("1 محرم 1400 هـ", Some("1979-11-21")),
    // Ramadan 30 + Shawwal 29 + Dhu al-Qa'da 30 days after 27 May 2017 is
    // 24 August = 1 Dhu al-Hijja; the 10th is 2 September (Umm al-Qura: 1st).
    ("10 ذو الحجة 1438 هـ", Some("2017-09-02")),
    // 1438 is not a leap year (Dhu al-Hijja 29 days): 1 Muharram 1439 is
    // 24 August + 29 = 22 September (Umm al-Qura: 21 September).
    ("1 محرم 1439 هـ", Some("2017-09-22")),
    // Muharram 30 + Safar 29 days later: 20 November 2017.
    ("1 ربيع الأول 1439 هـ", Some("2017-11-20")),
    ("14/3/1439 هـ", Some("2017-12-03")),
    // Sha'ban (29 days) begins 29 days before 27 May: 28 April; 15th = 12 May.
    ("15 شعبان 1438 هـ", Some("2017-05-12")),
    // A Hijri month without a day is placed by its 15th: 10 June 2017.
    ("رمضان 1438 هـ", Some("2017-06")),
    // Rabi' I 30 + Rabi' II 29 days after 20 November: 18 January 2018;
    // its 15th is 1 February.
    ("جمادى الأولى 1439", Some("2018-02")),
    // Invalid dates.
    ("31 فبراير 2017", None),
    ("29 فبراير 2017", None),
    ("31 أبريل 2017", None),
    ("32 مارس 2017", None),
    ("31/02/2017", None),
    ("2017-13-01", None),
    ("30 صفر 1439 هـ", None),
    // Not dates (or no year).
    ("", None),
    ("2017", None),
    ("يوليو", None),
    ("27 نوفمبر", None),
    ("قتل 15 مقاتلا", None),
    ("مارس الضغط على الحكومة", None),
    ("رجب طيب أردوغان", None),
    ("الإصدار 1.2.3.4", None),
    ("3/4 السكان", None),
];

#[test]
fn parse_date_table() {
    assert!(CASES.len() >= 30);
    let mut failures = Vec::new();
    for &(input, want) in CASES {
        let got = parse_date(input).map(|d| d.to_iso());
        if got.as_deref() != want {
            failures.push(format!("{input:?}: got {got:?}, want {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "date cases failed:\n{}",
        failures.join("\n")
    );
}

#[test]
fn iso_output() {
    let d = Date {
        year: 2017,
        month: 8,
        day: None,
    };
    assert_eq!(d.to_iso(), "2017-08");
    let d = Date {
        year: 987,
        month: 1,
        day: Some(5),
    };
    assert_eq!(d.to_iso(), "0987-01-05");
}

#[test]
fn hijri_reference_values() {
    // The civil epoch: 1 Muharram 1 AH = 16 July 622 Julian = 19 July 622 in
    // the proleptic Gregorian calendar (a Friday).
    assert_eq!(hijri_to_gregorian(1, 1, 1), Some((622, 7, 19)));
    // 1 Ramadan 1445 = 11 March 2024 (also the Umm al-Qura date).
    assert_eq!(hijri_to_gregorian(1445, 9, 1), Some((2024, 3, 11)));
    // Dhu al-Hijja has 30 days in leap years only: 1439 is one
    // ((14 + 11 * 1439) mod 30 = 3 < 11), 1438 is not.
    assert!(hijri_to_gregorian(1439, 12, 30).is_some());
    assert_eq!(hijri_to_gregorian(1438, 12, 30), None);
    assert_eq!(hijri_to_gregorian(1438, 13, 1), None);
    assert_eq!(hijri_to_gregorian(0, 1, 1), None);
}

#[test]
fn mention_spans_quote_the_text() {
    let text = "وقع الهجوم الجمعة 15 ديسمبر 2017 بعد هدنة منتصف أغسطس/آب 2017 وأخرى عام 2014.";
    let got: Vec<(&str, String)> = facts::dates(text, &segment::segment(text))
        .into_iter()
        .map(|d| (d.span.slice(text), d.iso))
        .collect();
    assert_eq!(
        got,
        vec![
            ("الجمعة 15 ديسمبر 2017", "2017-12-15".to_string()),
            ("أغسطس/آب 2017", "2017-08".to_string()),
            ("2014", "2014".to_string()),
        ]
    );
}

#[test]
fn joined_years() {
    let text = "بين عامي 2012 و2014 ثم من 2013 وحتى 2017، وفي 2000 موقع.";
    let got: Vec<(&str, String)> = facts::dates(text, &segment::segment(text))
        .into_iter()
        .map(|d| (d.span.slice(text), d.iso))
        .collect();
    assert_eq!(
        got,
        vec![
            ("2012", "2012".to_string()),
            ("2014", "2014".to_string()),
            ("2013", "2013".to_string()),
            ("2017", "2017".to_string()),
        ]
    );
}

#[test]
fn never_panics_on_odd_input() {
    for s in [
        "31",
        "/",
        "٢٠١٧-",
        "1/1/",
        "ـهـ",
        "رمضان",
        "99999999999999999999 يوليو 2017",
        "1 يوليو 99999999999999999999",
        "0/0/0000",
        "\u{0301}١",
    ] {
        let _ = parse_date(s);
        let _ = facts::dates(s, &segment::segment(s));
        let _ = facts::figures(s, &segment::segment(s));
    }
}
