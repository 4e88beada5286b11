//! Figures (numbers with what they count) and date mentions, on hand-written
//! sentences.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use khulasa::{facts, segment};

fn figs(text: &str) -> Vec<(String, f64, String)> {
    facts::figures(text, &segment::segment(text))
        .into_iter()
        .map(|f| {
            assert_eq!(f.unit_span.slice(text), f.unit, "unit must quote the text");
            assert!(f.span.contains(f.unit_span));
            (f.span.slice(text).to_string(), f.value, f.unit)
        })
        .collect()
}

fn fig(span: &str, value: f64, unit: &str) -> (String, f64, String) {
    (span.to_string(), value, unit.to_string())
}

#[test]
fn number_words() {
    assert_eq!(
        figs("سمح بخروج أربعة آلاف مقاتل من المدينة."),
        vec![fig("أربعة آلاف مقاتل", 4000.0, "مقاتل")]
    );
    assert_eq!(
        figs("استمر الحصار ثلاثين يوما كاملة."),
        vec![fig("ثلاثين يوما", 30.0, "يوما")]
    );
    assert_eq!(
        figs("قتل خمسة وعشرون جنديا."),
        vec![fig("خمسة وعشرون جنديا", 25.0, "جنديا")]
    );
    assert_eq!(
        figs("وصل ثلاثة عشر صحفيا ومئتا متطوع."),
        vec![
            fig("ثلاثة عشر صحفيا", 13.0, "صحفيا"),
            fig("مئتا متطوع", 200.0, "متطوع"),
        ]
    );
    assert_eq!(
        figs("أرسلت مئتين وخمسين شاحنة."),
        vec![fig("مئتين وخمسين شاحنة", 250.0, "شاحنة")]
    );
    assert_eq!(
        figs("بلغت الكلفة ثلاثة ملايين دولار."),
        vec![fig("ثلاثة ملايين دولار", 3_000_000.0, "دولار")]
    );
    assert_eq!(
        figs("قدمت الدولة ألفي خيمة ومليون رغيف."),
        vec![
            fig("ألفي خيمة", 2000.0, "خيمة"),
            fig("مليون رغيف", 1_000_000.0, "رغيف"),
        ]
    );
    assert_eq!(
        figs("نقل ثلاثمائة وعشرين أسيرا."),
        vec![fig("ثلاثمائة وعشرين أسيرا", 320.0, "أسيرا")]
    );
}

#[test]
fn two_figures_joined_by_wa() {
    assert_eq!(
        figs("ضمت القافلة خمسين شاحنة و13 حافلة وأكثر من مئة سيارة."),
        vec![
            fig("خمسين شاحنة", 50.0, "شاحنة"),
            fig("13 حافلة", 13.0, "حافلة"),
            fig("مئة سيارة", 100.0, "سيارة"),
        ]
    );
}

#[test]
fn digits_and_separators() {
    assert_eq!(
        figs("سمح لنحو 250 مقاتلاً بالمغادرة."),
        vec![fig("250 مقاتلاً", 250.0, "مقاتلاً")]
    );
    assert_eq!(
        figs("دفعوا 3000 دولار للشخص."),
        vec![fig("3000 دولار", 3000.0, "دولار")]
    );
    assert_eq!(
        figs("نزح ١٢٬٥٠٠ شخص و12,000 طفل."),
        vec![
            fig("١٢٬٥٠٠ شخص", 12500.0, "شخص"),
            fig("12,000 طفل", 12000.0, "طفل"),
        ]
    );
    assert_eq!(
        figs("خصصت 2.5 مليار دولار و٣٫٥ مليون يورو."),
        vec![
            fig("2.5 مليار دولار", 2.5e9, "دولار"),
            fig("٣٫٥ مليون يورو", 3.5e6, "يورو"),
        ]
    );
    assert_eq!(
        figs("كانت تقل 300 من مسلحي التنظيم."),
        vec![fig("300 من مسلحي", 300.0, "مسلحي")]
    );
}

#[test]
fn percentages() {
    assert_eq!(
        figs("أعاد تشكيل نحو 50 بالمائة من الفرقة، وارتفعت الأسعار 12% و٧٪ في الريف و3 في المئة."),
        vec![
            fig("50 بالمائة", 50.0, "بالمائة"),
            fig("12%", 12.0, "%"),
            fig("٧٪", 7.0, "٪"),
            fig("3 في المئة", 3.0, "في المئة"),
        ]
    );
}

#[test]
fn not_figures() {
    // Ordinals.
    assert!(figs("وعد الرئيس الخامس والأربعين بالنصر.").is_empty());
    assert!(figs("ذكرى الحادي عشر من سبتمبر.").is_empty());
    // Dates and years, times, identifiers, numbers without a counted noun.
    assert!(figs("في 13 أيلول 2017 وفي عام 2014 وصلت القافلة.").is_empty());
    assert!(figs("2017-09-16 00:00:00 - المصدر").is_empty());
    assert!(figs("التقرير الاستراتيجي العدد 42").is_empty());
    assert!(figs("صدر القرار رقم 2254 أمس.").is_empty());
    assert!(figs("بلغ عدد القتلى 20.").is_empty());
    assert!(figs("صدرت سبعة قرارات منذ 2006 تتضمن عقوبات.")
        .iter()
        .all(|f| f.1 != 2006.0));
    assert!(figs("قتل اثنان منهم.").is_empty());
    // «أحد» alone is «one of», not a count.
    assert!(figs("كان أحد عوامله الحصار.").is_empty());
    // Vague plurals without a count.
    assert!(figs("خرج آلاف المقاتلين.").is_empty());
}

#[test]
fn day_month_dates_take_the_year_of_publication() {
    let text = "هدنة جديدة الكاتب : فلان التاريخ : 15 ديسمبر 2017 م\n\
                أبرمت هدنة (27 نوفمبر) ثم خرقت في 20 ديسمبر.";
    let d = facts::dates(text, &segment::segment(text));
    let got: Vec<(&str, &str, bool)> = d
        .iter()
        .map(|m| (m.span.slice(text), m.iso.as_str(), m.inferred_year))
        .collect();
    assert_eq!(
        got,
        vec![
            ("15 ديسمبر 2017 م", "2017-12-15", false),
            ("27 نوفمبر", "2017-11-27", true),
            // Later in the year than the publication date: the year before.
            ("20 ديسمبر", "2016-12-20", true),
        ]
    );
    // Without a publication date a year cannot be inferred.
    let text = "أبرمت هدنة (27 نوفمبر).";
    assert!(facts::dates(text, &segment::segment(text)).is_empty());
}

mod props {
    use khulasa::{facts, meta, segment};
    use proptest::prelude::*;

    fn arabicish() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "الكاتب : ",
            "التاريخ : ",
            "المصدر: ",
            "المشاهدات : ",
            "بقلم ",
            "المصادر:\n",
            "4 يوليو 2017 م",
            "١٦/٩/٢٠١٧",
            "2017-09-16",
            "رمضان 1438 هـ",
            "أغسطس/آب",
            "31 فبراير",
            "أربعة آلاف",
            "مقاتلاً",
            "و13",
            "خمسين",
            "٬",
            "٫",
            "%",
            " ",
            "\n",
            "(رويترز)",
            "هـ",
            "ـ",
            "َ",
            "ً",
            "الخامس والأربعين",
            "عام",
            "2014",
            ".",
            "،",
            ":",
            "/",
            "-",
            "x",
            "é",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
    }

    fn on_boundaries(text: &str, s: khulasa::Span) -> bool {
        s.start <= s.end && text.get(s.start..s.end).is_some()
    }

    proptest! {
        #[test]
        fn no_panic_and_spans_on_char_boundaries(text in prop_oneof![arabicish(), any::<String>()]) {
            let sentences = segment::segment(&text);
            let m = meta::extract(&text, &sentences);
            for s in m.boilerplate.iter().copied().chain(m.title).chain(m.date_span)
                .chain(m.author_span).chain(m.source_span) {
                prop_assert!(on_boundaries(&text, s));
            }
            for f in facts::figures(&text, &sentences) {
                prop_assert!(on_boundaries(&text, f.span) && on_boundaries(&text, f.unit_span));
                prop_assert!(f.value.is_finite());
            }
            for d in facts::dates(&text, &sentences) {
                prop_assert!(on_boundaries(&text, d.span));
                prop_assert!(matches!(d.iso.len(), 4 | 7 | 10));
            }
            let _ = meta::parse_date(&text);
        }
    }
}
