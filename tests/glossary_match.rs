//! Table-driven glossary matching cases (name, terms, text, expected spans),
//! plus a small span-exact precision/recall evaluation on hand-written
//! passages.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use khulasa::glossary::{Glossary, Matcher};
use khulasa::text::Span;

/// The glossary most cases use.
const TERMS: &str = "ar\ten\tvariants\ttype
الرقة\tRaqqa\tRaqqah\tplace
هدنة\ttruce\t\tterm
سلام\tpeace\t\tterm
مصر\tEgypt\t\tplace
دير الزور\tDeir ez-Zor\tDeir al-Zour\tplace
سوريا\tSyria\tسورية\tplace
قوات سوريا الديمقراطية\tSyrian Democratic Forces (SDF)\tقسد\torg
اللاذقية\tLatakia\t\tplace
الأمم المتحدة\tUnited Nations (UN)\t\torg
الولايات المتحدة\tUnited States (US)\t\tplace
ترمب\tTrump\tترامب\tperson
إدلب\tIdlib\t\tplace
مستشفى\thospital\t\tterm
وقف إطلاق النار\tceasefire\t\tterm
";

struct Case {
    name: &'static str,
    /// Extra TSV to use instead of [`TERMS`] (None = TERMS).
    terms: Option<&'static str>,
    text: &'static str,
    /// Expected hits in order: (written form, canonical Arabic of the entry).
    want: &'static [(&'static str, &'static str)],
}

const CASES: &[Case] = &[
    Case {
        name: "article term, plain",
        terms: None,
        text: "سيطرت القوات على الرقة أمس",
        want: &[("الرقة", "الرقة")],
    },
    Case {
        name: "article term with و+ب+ال: span covers the clitics",
        terms: None,
        text: "وقعت اشتباكات وبالرقة قتلى",
        want: &[("وبالرقة", "الرقة")],
    },
    Case {
        name: "article term with ل+ال fused as لل",
        terms: None,
        text: "وصلت قافلة للرقة",
        want: &[("للرقة", "الرقة")],
    },
    Case {
        name: "article term with ولل",
        terms: None,
        text: "عادوا وللرقة تاريخ",
        want: &[("وللرقة", "الرقة")],
    },
    Case {
        name: "article term with بال and فال",
        terms: None,
        text: "بالرقة فالرقة كالرقة",
        want: &[
            ("بالرقة", "الرقة"),
            ("فالرقة", "الرقة"),
            ("كالرقة", "الرقة"),
        ],
    },
    Case {
        name: "article term without its article is no hit",
        terms: None,
        text: "رقة القلب وبرقة ولرقة",
        want: &[],
    },
    Case {
        name: "diacritics and tatweel inside the term, span keeps them",
        terms: None,
        text: "في الرَّقَّةِ وفي الرقـــة",
        want: &[("الرَّقَّةِ", "الرقة"), ("الرقـــة", "الرقة")],
    },
    Case {
        name: "taa marbuta written as haa",
        terms: None,
        text: "مدينة الرقه",
        want: &[("الرقه", "الرقة")],
    },
    Case {
        name: "bare common noun takes the article and clitics",
        terms: None,
        text: "هدنة والهدنة بالهدنة للهدنة وهدنة فالهدنة",
        want: &[
            ("هدنة", "هدنة"),
            ("والهدنة", "هدنة"),
            ("بالهدنة", "هدنة"),
            ("للهدنة", "هدنة"),
            ("وهدنة", "هدنة"),
            ("فالهدنة", "هدنة"),
        ],
    },
    Case {
        name: "never inside a longer word (right)",
        terms: None,
        text: "مصرف مصري المصرية",
        want: &[],
    },
    Case {
        name: "never inside a longer word (left): إسلام is not سلام",
        terms: None,
        text: "إسلام والإسلام",
        want: &[],
    },
    Case {
        name: "name with proclitic",
        terms: None,
        text: "زار بمصر ولمصر وفي مصر.",
        want: &[("بمصر", "مصر"), ("ولمصر", "مصر"), ("مصر", "مصر")],
    },
    Case {
        name: "a name does not take the article: السورية is an adjective",
        terms: None,
        text: "الحدود السورية مع سورية",
        want: &[("سورية", "سوريا")],
    },
    Case {
        name: "listed variant",
        terms: None,
        text: "أعلنت قسد ووقسد",
        want: &[("قسد", "قوات سوريا الديمقراطية")],
    },
    Case {
        name: "variant with clitic",
        terms: None,
        text: "هاجم ترامب ولترامب",
        want: &[("ترامب", "ترمب"), ("ولترامب", "ترمب")],
    },
    Case {
        name: "hamza/alef forms",
        terms: None,
        text: "إدلب وادلب وأدلب",
        want: &[("إدلب", "إدلب"), ("وادلب", "إدلب"), ("وأدلب", "إدلب")],
    },
    Case {
        name: "alef maqsura vs yaa",
        terms: None,
        text: "المستشفي والمستشفى",
        want: &[("المستشفي", "مستشفى"), ("والمستشفى", "مستشفى")],
    },
    Case {
        name: "multiword with one space",
        terms: None,
        text: "في دير الزور اليوم",
        want: &[("دير الزور", "دير الزور")],
    },
    Case {
        name: "multiword across several spaces, tab, NBSP",
        terms: None,
        text: "دير  الزور و دير\tالزور و دير\u{a0}الزور",
        want: &[
            ("دير  الزور", "دير الزور"),
            ("دير\tالزور", "دير الزور"),
            ("دير\u{a0}الزور", "دير الزور"),
        ],
    },
    Case {
        name: "multiword not across a line break",
        terms: None,
        text: "دير\nالزور",
        want: &[],
    },
    Case {
        name: "multiword not across punctuation or quotes",
        terms: None,
        text: "دير، الزور دير \"الزور\" دير. الزور",
        want: &[],
    },
    Case {
        name: "multiword with clitic on the first word",
        terms: None,
        text: "وبدير الزور",
        want: &[("وبدير الزور", "دير الزور")],
    },
    Case {
        name: "longest match wins, no overlap",
        terms: None,
        text: "قالت قوات سوريا الديمقراطية إن سوريا",
        want: &[
            ("قوات سوريا الديمقراطية", "قوات سوريا الديمقراطية"),
            ("سوريا", "سوريا"),
        ],
    },
    Case {
        name: "multiword with article inside and in front",
        terms: None,
        text: "في الأمم المتحدة وللأمم المتحدة والولايات المتحدة",
        want: &[
            ("الأمم المتحدة", "الأمم المتحدة"),
            ("وللأمم المتحدة", "الأمم المتحدة"),
            ("والولايات المتحدة", "الولايات المتحدة"),
        ],
    },
    Case {
        name: "article term whose bare form starts with ل",
        terms: None,
        text: "اللاذقية للاذقية باللاذقية لاذقية",
        want: &[
            ("اللاذقية", "اللاذقية"),
            ("للاذقية", "اللاذقية"),
            ("باللاذقية", "اللاذقية"),
        ],
    },
    Case {
        name: "multiword term with hamza variants and article",
        terms: None,
        text: "أعلن وقف اطلاق النار وبوقف إطلاق النار",
        want: &[
            ("وقف اطلاق النار", "وقف إطلاق النار"),
            ("وبوقف إطلاق النار", "وقف إطلاق النار"),
        ],
    },
    Case {
        name: "English: possessive, case-insensitive, word boundaries",
        terms: None,
        text: "Syria's war; SYRIA; Syrian troops; Syrians",
        want: &[("Syria", "سوريا"), ("SYRIA", "سوريا")],
    },
    Case {
        name: "English variant and parenthesized acronym",
        terms: None,
        text: "Raqqah and the SDF, Deir al-Zour",
        want: &[
            ("Raqqah", "الرقة"),
            ("SDF", "قوات سوريا الديمقراطية"),
            ("Deir al-Zour", "دير الزور"),
        ],
    },
    Case {
        name: "English long form beats the shorter one inside it",
        terms: None,
        text: "Syrian Democratic Forces entered Raqqa",
        want: &[
            ("Syrian Democratic Forces", "قوات سوريا الديمقراطية"),
            ("Raqqa", "الرقة"),
        ],
    },
    Case {
        name: "acronyms only as written",
        terms: None,
        text: "let us see the US and the un-named UN",
        want: &[("US", "الولايات المتحدة"), ("UN", "الأمم المتحدة")],
    },
    Case {
        name: "English not inside words",
        terms: None,
        text: "Trumpism and Trump's",
        want: &[("Trump", "ترمب")],
    },
    Case {
        name: "mixed Arabic and English",
        terms: None,
        text: "قال ترمب (Trump) إن الهدنة في Raqqa صامدة",
        want: &[
            ("ترمب", "ترمب"),
            ("Trump", "ترمب"),
            ("الهدنة", "هدنة"),
            ("Raqqa", "الرقة"),
        ],
    },
    Case {
        name: "punctuation right after a term",
        terms: None,
        text: "الرقة، مصر. هدنة؟ «الرقة»",
        want: &[
            ("الرقة", "الرقة"),
            ("مصر", "مصر"),
            ("هدنة", "هدنة"),
            ("الرقة", "الرقة"),
        ],
    },
    Case {
        name: "digits do not join words; Arabic-Indic digits",
        terms: None,
        text: "الرقة ٢٠١٧ الرقة2017",
        want: &[("الرقة", "الرقة")],
    },
    Case {
        name: "empty text",
        terms: None,
        text: "",
        want: &[],
    },
    Case {
        name: "one-letter terms are skipped",
        terms: Some("ar\ten\nو\tand\nب\tby\n"),
        text: "و ب وب",
        want: &[],
    },
    Case {
        name: "same form in two entries: first listed wins",
        terms: Some("ar\ten\tvariants\nالشام\tthe Levant\tسوريا\nسوريا\tSyria\t\n"),
        text: "سوريا",
        want: &[("سوريا", "الشام")],
    },
    Case {
        name: "bidi marks and ZWNJ are ignored",
        terms: None,
        text: "الر\u{200c}قة \u{200f}مصر",
        want: &[("الر\u{200c}قة", "الرقة"), ("مصر", "مصر")],
    },
    Case {
        name: "presentation forms",
        terms: Some("ar\ten\nلا\tno\n"),
        text: "قال ﻻ",
        want: &[("ﻻ", "لا")],
    },
    Case {
        // Aho-Corasick states also report patterns that are a suffix of
        // their path: walking سلام towards سلامة reported لام at the word
        // start, so سلام (peace) was a hit for لام.
        name: "a term is never found at the end of another term's prefix",
        terms: Some("ar\ten\tvariants\ttype\nسلامة\tsafety\t\tterm\nلام\tlam\t\tterm\n"),
        text: "قال سلام ثم لام وسلامة",
        want: &[("لام", "لام"), ("وسلامة", "سلامة")],
    },
    Case {
        name: "a term inside a longer term's path keeps its own start",
        terms: Some("ar\ten\tvariants\ttype\nجنوب العاصمة دمشق\tsouthern Damascus\t\tplace\nالعاصمة\tthe capital\t\tterm\n"),
        text: "جنوب العاصمة السورية",
        want: &[("العاصمة", "العاصمة")],
    },
];

/// Spans of the expected written forms, each the next whole-word occurrence.
fn expected_spans(text: &str, want: &[(&str, &str)]) -> Vec<(Span, String)> {
    let mut from = 0;
    want.iter()
        .map(|(w, ar)| {
            let at = text[from..]
                .match_indices(w)
                .map(|(i, _)| i + from)
                .find(|&i| {
                    let before = text[..i].chars().next_back();
                    let after = text[i + w.len()..].chars().next();
                    !before.is_some_and(char::is_alphanumeric)
                        && !after.is_some_and(char::is_alphanumeric)
                })
                .unwrap_or_else(|| panic!("{w:?} not a whole word in {text:?}"));
            from = at + w.len();
            (Span::new(at, at + w.len()), ar.to_string())
        })
        .collect()
}

/// `g` plus enough entries that never occur in the texts to switch the
/// matcher from its DFA to its NFA engine (over 10,000 forms).
fn padded(g: &Glossary) -> Glossary {
    let mut p = g.clone();
    p.extend(Glossary::from_entries((0..10_050).map(|i| {
        khulasa::glossary::Entry::new(format!("ظظظ{i}غغ"), format!("qqz{i}x"))
    })));
    p
}

#[test]
fn table() {
    run_table(false);
}

#[test]
fn table_with_a_big_glossary() {
    run_table(true);
}

fn run_table(pad: bool) {
    let mut default = Glossary::from_tsv(TERMS, "TERMS").unwrap();
    if pad {
        default = padded(&default);
    }
    let default_m = Matcher::new(&default);
    assert_eq!(default_m.pattern_count() > 10_000, pad);
    let mut failures = Vec::new();
    for c in CASES {
        let (g, m);
        let (g, m) = match c.terms {
            None => (&default, &default_m),
            Some(t) => {
                g = if pad {
                    padded(&Glossary::from_tsv(t, c.name).unwrap())
                } else {
                    Glossary::from_tsv(t, c.name).unwrap()
                };
                m = Matcher::new(&g);
                (&g, &m)
            }
        };
        let got: Vec<(Span, String)> = m
            .find(c.text)
            .iter()
            .map(|h| (h.span, g.entries()[h.entry].ar.clone()))
            .collect();
        let want = expected_spans(c.text, c.want);
        if got != want {
            let show = |v: &[(Span, String)]| {
                v.iter()
                    .map(|(s, ar)| format!("{:?}→{ar}", s.slice(c.text)))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            failures.push(format!(
                "{}\n   text: {:?}\n   want: {}\n    got: {}",
                c.name,
                c.text,
                show(&want),
                show(&got)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn spans_lie_on_char_boundaries_for_odd_input() {
    let g = Glossary::from_tsv(TERMS, "TERMS").unwrap();
    let m = Matcher::new(&g);
    for t in [
        "ﻻ\u{fe8d}الرقة\u{064e}\u{064e}",
        "\u{a0}\u{a0}دير\u{a0}\u{a0}\u{a0}الزور\u{a0}",
        "ÉTAT الرقة",
        "\u{fdf2} الرقة ﷲ",
        "ـــالرقة",
    ] {
        for h in m.find(t) {
            assert!(t.is_char_boundary(h.span.start) && t.is_char_boundary(h.span.end));
            assert!(!h.span.is_empty());
        }
    }
}

// ---------------------------------------------------------------------------
// Mini evaluation: hand-written dense passages. `[written|canonical]` marks an
// expected hit; everything else must not be a hit.

const EVAL_TERMS: &str = "ar\ten\tvariants\ttype
الرقة\tRaqqa\tRaqqah\tplace
دير الزور\tDeir ez-Zor\tدير الزور|Deir al-Zour\tplace
سوريا\tSyria\tسورية\tplace
العراق\tIraq\t\tplace
تركيا\tTurkey\tTürkiye\tplace
لبنان\tLebanon\t\tplace
مصر\tEgypt\t\tplace
دمشق\tDamascus\t\tplace
حلب\tAleppo\t\tplace
إدلب\tIdlib\t\tplace
بغداد\tBaghdad\t\tplace
الموصل\tMosul\t\tplace
القاهرة\tCairo\t\tplace
اللاذقية\tLatakia\t\tplace
البيت الأبيض\tWhite House\t\torg
الأمم المتحدة\tUnited Nations (UN)\t\torg
مجلس الأمن\tSecurity Council\t\torg
التحالف الدولي\tinternational coalition\t\torg
تنظيم الدولة\tIslamic State (ISIS)\tداعش|تنظيم الدولة الإسلامية\torg
قوات سوريا الديمقراطية\tSyrian Democratic Forces (SDF)\tقسد\torg
حزب الله\tHezbollah\t\torg
وزارة الدفاع الأميركية\tPentagon\tالبنتاغون|بنتاغون\torg
الاتحاد الأوروبي\tEuropean Union (EU)\t\torg
ترمب\tTrump\tترامب|دونالد ترمب|دونالد ترامب\tperson
ماتيس\tMattis\tجيمس ماتيس\tperson
أردوغان\tErdogan\tرجب طيب أردوغان\tperson
بشار الأسد\tBashar al-Assad\tالأسد\tperson
هدنة\ttruce\t\tterm
قافلة\tconvoy\t\tterm
لاجئ\trefugee\t\tterm
مفاوضات\tnegotiations\t\tterm
وقف إطلاق النار\tceasefire\t\tterm
غارة جوية\tair strike\t\tterm
حصار\tsiege\t\tterm
انتخابات\telections\t\tterm
مساعدات إنسانية\thumanitarian aid\t\tterm
مستشفى\thospital\t\tterm
أغسطس\tAugust\tآب\tdate
أكتوبر\tOctober\tتشرين الأول\tdate
";

const PASSAGES: &[&str] = &[
    "أعلنت [دمشق|دمشق] [وأنقرة|] [وبغداد|بغداد] أن [الهدنة|هدنة] في [إدلب|إدلب] صامدة، وأن [المفاوضات|مفاوضات] حول [الحصار|حصار] مستمرة منذ [أغسطس|أغسطس] الماضي.",
    "قال مسؤول في [الأمم المتحدة|الأمم المتحدة]:\"[القافلة|قافلة] وصلت [لحلب|حلب]\" بعد [غارة جوية|غارة جوية] على [مستشفى|مستشفى] [والغارة الجوية|غارة جوية] الثانية على [المستشفى|مستشفى] نفسه.",
    "Officials in [Baghdad|بغداد], [Cairo|القاهرة] and [Beirut|] met [Hezbollah|حزب الله] envoys; the [White House|البيت الأبيض] and the [Security Council|مجلس الأمن] called for a [ceasefire|وقف إطلاق النار] in [Mosul|الموصل] ([Iraq|العراق]).",
    "[تركيا|تركيا] التركية [وسوريا|سوريا] السورية [ومصر|مصر] المصرية [ولبنان|لبنان] اللبنانية: الصفات لا تطابق الأسماء، [والعراقيون|] [والعراقي|] ليسوا [العراق|العراق].",
    "عقدت [الانتخابات|انتخابات] في [لبنان|لبنان] [والعراق|العراق]، وراقب [الاتحاد الأوروبي|الاتحاد الأوروبي] [والانتخابات|انتخابات] [بانتخابات|انتخابات] سابقة، وقال [أردوغان|أردوغان] إن [للانتخابات|انتخابات] قيمة.",
    "نفذ [تنظيم الدولة الإسلامية|تنظيم الدولة] هجوما على [قافلة|قافلة] [لقوات سوريا الديمقراطية|قوات سوريا الديمقراطية] قرب [دير الزور|دير الزور]، فردت [قسد|قوات سوريا الديمقراطية] [بغارة جوية|غارة جوية] مع [التحالف الدولي|التحالف الدولي].",
    "[ترمب|ترمب]، [ترامب|ترمب]، [لترمب|ترمب]، [وترامب|ترمب]، [دونالد ترامب|ترمب] و [Trump|ترمب] ثم [Trump|ترمب]'s خطأ في العلامة [Trumps|] و [TRUMP|ترمب].",
    "تحدث [الأَسَد|بشار الأسد] في [دِمَشْق|دمشق] عن [اللَّاذِقِيَّة|اللاذقية] [وحَلَب|حلب]، وعن [الـمـوصـل|الموصل] [والقاهره|القاهرة] [والمستشفى|مستشفى] [والمساعدات الإنسانية|مساعدات إنسانية] [ووقف إطلاق النار|وقف إطلاق النار].",
    "أعلنت [قوات سوريا الديمقراطية|قوات سوريا الديمقراطية] ([قسد|قوات سوريا الديمقراطية]) سيطرتها على مدينة [الرقة|الرقة] منتصف [أكتوبر|أكتوبر]/[تشرين الأول|أكتوبر] 2017، بعد معارك مع [تنظيم الدولة|تنظيم الدولة] استمرت أشهرا.",
    "وقال [الرئيس|] الأميركي [دونالد ترمب|ترمب] إن [وللولايات|] المتحدة مصلحة في [هدنة|هدنة] طويلة، وأكد [ترامب|ترمب] أن [البيت الأبيض|البيت الأبيض] يتابع [المفاوضات|مفاوضات] مع [تركيا|تركيا].",
    "خرجت [قافلة|قافلة] من [الرقة|الرقة] باتجاه [دير الزور|دير الزور]، [وبالقافلة|قافلة] عشرات [اللاجئين|] ممن فروا من [الحصار|حصار].",
    "شنت طائرات [التحالف الدولي|التحالف الدولي] [غارة جوية|غارة جوية] على [مستشفى|مستشفى] في [إدلب|إدلب]، [وللتحالف الدولي|التحالف الدولي] سجل طويل من [الغارات|] في [سورية|سوريا] [والعراق|العراق].",
    "The [SDF|قوات سوريا الديمقراطية] said [Raqqa|الرقة] was free; [Syria|سوريا]'s government in [Damascus|دمشق] rejected it, while [Trump|ترمب] praised the [Syrian Democratic Forces|قوات سوريا الديمقراطية] and the [Pentagon|وزارة الدفاع الأميركية] stayed silent.",
    "ناقش [مجلس الأمن|مجلس الأمن] في [الأمم المتحدة|الأمم المتحدة] [وقف إطلاق النار|وقف إطلاق النار] في [حلب|حلب]، ودعا [لوقف إطلاق النار|وقف إطلاق النار] وإدخال [المساعدات الإنسانية|مساعدات إنسانية] إلى [المستشفيات|].",
    "زار [أردوغان|أردوغان] [بغداد|بغداد] ثم [القاهرة|القاهرة]، وقال [رجب طيب أردوغان|أردوغان] إن [لتركيا|تركيا] دورا في [العراق|العراق] [ولبنان|لبنان] [ومصر|مصر].",
    "أكد [جيمس ماتيس|ماتيس] أن [البنتاغون|وزارة الدفاع الأميركية] لا يفاوض [داعش|تنظيم الدولة]، لكن [ماتيس|ماتيس] اعترف بأن [تنظيم الدولة الإسلامية|تنظيم الدولة] انسحب من [الموصل|الموصل] في [آب|أغسطس] [وأغسطس|أغسطس].",
    "هاجم [حزب الله|حزب الله] مواقع قرب [اللاذقية|اللاذقية]، وقال [الأسد|بشار الأسد] إن [للاذقية|اللاذقية] أهمية، فيما رد [بشار الأسد|بشار الأسد] على [الاتحاد الأوروبي|الاتحاد الأوروبي] الذي يدعم [الانتخابات|انتخابات].",
    "تتواصل [الهُدْنَة|هدنة] في [الرقـــة|الرقة] [ودير  الزور|دير الزور] رغم [الغارات|]، وتصل [المساعدات الانسانية|مساعدات إنسانية] إلى [المستشفي|مستشفى] الوحيد في [ادلب|إدلب].",
    "مصرف [مصر|مصر] المركزي والمصرية للاتصالات [والمصريون|] ليسوا من الأسماء، ولا [الحصارات|] ولا [القوافل|] ولا الإسلام، ولا رقة الحال ولا دير عتيق ولا الزورق.",
    "In [Idlib|إدلب] and [Aleppo|حلب], a [truce|هدنة] held; the [UN|الأمم المتحدة] and the [EU|الاتحاد الأوروبي] sent a [convoy|قافلة]. [Turkey|تركيا] ([Türkiye|تركيا]) closed the border to the [refugee|لاجئ] [convoy|قافلة] near [Deir al-Zour|دير الزور].",
    "قالت [الولايات|] إن [لاجئ|لاجئ] واحدا [واللاجئ|لاجئ] الآخر وصلا [لبغداد|بغداد] [وبالموصل|الموصل] [فالقاهرة|القاهرة] ثم [وبدمشق|دمشق].",
    "[الرئيس|] السوري [بشار الأسد|بشار الأسد]\n[والأسد|بشار الأسد]، ثم [تنظيم\nالدولة|] في سطرين، [وحلب|حلب]: [دمشق|دمشق]؛ «[القاهرة|القاهرة]» و(([مصر|مصر])).",
];

/// Parses `[written|canonical]` markup: returns the plain text and the
/// expected (span, canonical) pairs; `[written|]` marks a word that must NOT
/// be a hit (documentation only: everything unmarked must not be a hit either).
fn parse_markup(s: &str) -> (String, Vec<(Span, String)>) {
    let mut text = String::new();
    let mut want = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        text.push_str(&rest[..open]);
        let close = rest[open..].find(']').unwrap() + open;
        let inner = &rest[open + 1..close];
        let (written, ar) = inner.split_once('|').unwrap();
        let start = text.len();
        text.push_str(written);
        if !ar.is_empty() {
            want.push((Span::new(start, text.len()), ar.to_string()));
        }
        rest = &rest[close + 1..];
    }
    text.push_str(rest);
    (text, want)
}

#[test]
fn mini_evaluation_precision_recall() {
    evaluate(Glossary::from_tsv(EVAL_TERMS, "EVAL_TERMS").unwrap());
}

#[test]
fn mini_evaluation_with_a_big_glossary() {
    evaluate(padded(
        &Glossary::from_tsv(EVAL_TERMS, "EVAL_TERMS").unwrap(),
    ));
}

fn evaluate(g: Glossary) {
    let m = Matcher::new(&g);
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for p in PASSAGES {
        let (text, want) = parse_markup(p);
        let got: Vec<(Span, String)> = m
            .find(&text)
            .iter()
            .map(|h| (h.span, g.entries()[h.entry].ar.clone()))
            .collect();
        for x in &got {
            if want.contains(x) {
                tp += 1;
            } else {
                fp += 1;
                misses.push(format!("false hit {:?}→{}", x.0.slice(&text), x.1));
            }
        }
        for x in &want {
            if !got.contains(x) {
                fneg += 1;
                misses.push(format!("missed {:?}→{}", x.0.slice(&text), x.1));
            }
        }
    }
    let precision = tp as f64 / (tp + fp).max(1) as f64;
    let recall = tp as f64 / (tp + fneg).max(1) as f64;
    // The matcher is exact on these hand-written cases; any miss is a bug.
    assert!(
        misses.is_empty() && precision >= 0.97 && recall >= 0.97,
        "precision {precision:.3} recall {recall:.3}:\n{}",
        misses.join("\n")
    );
    assert!(
        tp >= 100,
        "the evaluation should hold at least 100 hits, has {tp}"
    );
}

mod properties {
    use super::*;
    use khulasa::glossary::Format;
    use proptest::prelude::*;

    fn text_strategy() -> impl Strategy<Value = String> {
        // Arabic letters, marks, clitics, spaces of all kinds, Latin, punctuation.
        proptest::collection::vec(
            prop_oneof![
                Just("الرقة".to_string()),
                Just("و".to_string()),
                Just("بال".to_string()),
                Just("دير".to_string()),
                Just(" ".to_string()),
                Just("\u{a0}".to_string()),
                Just("\n".to_string()),
                Just("\u{064e}".to_string()),
                Just("ـ".to_string()),
                Just("Syria".to_string()),
                Just("ﻻ".to_string()),
                any::<char>().prop_map(|c| c.to_string()),
            ],
            0..40,
        )
        .prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn hits_are_sorted_disjoint_and_on_char_boundaries(t in text_strategy()) {
            let g = Glossary::from_tsv(TERMS, "TERMS").unwrap();
            let hits = Matcher::new(&g).find(&t);
            let mut last = 0;
            for h in &hits {
                prop_assert!(h.span.start >= last && h.span.start < h.span.end);
                prop_assert!(t.is_char_boundary(h.span.start) && t.is_char_boundary(h.span.end));
                prop_assert!(h.entry < g.len());
                last = h.span.end;
            }
        }

        #[test]
        fn parsing_arbitrary_text_never_panics(t in ".{0,200}") {
            for f in Format::ALL {
                let _ = Glossary::parse(&t, "p", f);
                let _ = khulasa::glossary::check(&t, "p", f);
            }
        }
    }
}

#[test]
fn issue_9_a_bidi_isolate_after_a_term_stays_out_of_the_hit() {
    let g = khulasa::glossary::Glossary::from_tsv("الرقة\tRaqqa\n", "t.tsv").unwrap();
    let m = khulasa::glossary::Matcher::new(&g);
    let text = "إن \u{2067}الرقة\u{2069} هادئة وبالرَّقَّةِ أيضا";
    let hits: Vec<&str> = m.find(text).iter().map(|h| h.span.slice(text)).collect();
    assert_eq!(
        hits,
        ["الرقة", "وبالرَّقَّةِ"],
        "bidi controls must not join the quote; harakat must"
    );
}
