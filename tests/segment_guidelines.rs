//! Hand-written passages for every rule of the segmentation guidelines
//! (`shared/gold/segmentation/GUIDELINES.md`), in wordings and layouts that
//! differ from `segment_rules.rs`: Arabic-Indic digits, curly quotes, other
//! abbreviations, short hard-wrapped passages, scraped pages with headlines,
//! captions and metadata bars. `‖` marks the expected boundaries.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use khulasa::segment::{detect_layout, segment, Layout};

/// (rule, input text, expected units joined with ‖)
const CASES: &[(&str, &str, &str)] = &[
    // §2 terminal groups, closing marks
    (
        "2 !!! run",
        "يا للهول!!! انهار الجسر.",
        "يا للهول!!!‖انهار الجسر.",
    ),
    (
        "2 ؟؟؟ run",
        "أين الوعود؟؟؟ لم يتحقق شيء.",
        "أين الوعود؟؟؟‖لم يتحقق شيء.",
    ),
    (
        "2 ؟! run glued",
        "أهذا هو الحل؟!لا أظن.",
        "أهذا هو الحل؟!‖لا أظن.",
    ),
    (
        "2 ؟. run",
        "ومن المسؤول؟. سؤال بلا جواب.",
        "ومن المسؤول؟.‖سؤال بلا جواب.",
    ),
    (
        "2 ? latin in arabic",
        "هل سمعت الخبر? نعم سمعته.",
        "هل سمعت الخبر?‖نعم سمعته.",
    ),
    (
        "2 curly close",
        "قال المدير: “انتهى العمل.” ثم أغلق الباب.",
        "قال المدير: “انتهى العمل.”‖ثم أغلق الباب.",
    ),
    (
        "2 bracket after stop",
        "ارتفعت الأسعار (في معظم الأسواق.) وعاد الهدوء بعد ذلك.",
        "ارتفعت الأسعار (في معظم الأسواق.) وعاد الهدوء بعد ذلك.",
    ),
    (
        "2 footnote two digits",
        "تأسست المدينة في القرن الثالث.[12] ثم توسعت.",
        "تأسست المدينة في القرن الثالث.[12]‖ثم توسعت.",
    ),
    (
        "2 semicolon chain",
        "تأجل الاجتماع؛ لأن الوزير مريض؛ ولأن الوفد لم يصل.",
        "تأجل الاجتماع؛ لأن الوزير مريض؛ ولأن الوفد لم يصل.",
    ),
    (
        "2 questions in a row",
        "من أنت؟ ومن أين أتيت؟ وإلى أين تذهب؟",
        "من أنت؟‖ومن أين أتيت؟‖وإلى أين تذهب؟",
    ),
    // §4 spacing
    (
        "4 glued after ؟",
        "أتعرف السبب؟السبب بسيط.",
        "أتعرف السبب؟‖السبب بسيط.",
    ),
    (
        "4 glued after !",
        "يا لها من مفاجأة!الجميع صامتون.",
        "يا لها من مفاجأة!‖الجميع صامتون.",
    ),
    (
        "4 glued after era",
        "بني القصر سنة 750 م.ثم هجر بعد قرن.",
        "بني القصر سنة 750 م.‖ثم هجر بعد قرن.",
    ),
    (
        "4 glued after ellipsis char",
        "ضاع كل شيء…وبقيت الذكريات.",
        "ضاع كل شيء…‖وبقيت الذكريات.",
    ),
    (
        "4 space before ؟",
        "هل انتهت الأزمة ؟ لا أحد يعلم .",
        "هل انتهت الأزمة ؟‖لا أحد يعلم .",
    ),
    // §5 quotations
    (
        "5 curly title with ؟",
        "قرأت كتاب “لماذا تفشل الأمم؟” في العطلة الماضية.",
        "قرأت كتاب “لماذا تفشل الأمم؟” في العطلة الماضية.",
    ),
    (
        "5 straight title with ؟",
        "عرضت القناة برنامج \"من يربح المليون؟\" مساء أمس.",
        "عرضت القناة برنامج \"من يربح المليون؟\" مساء أمس.",
    ),
    (
        "5 slogan with !",
        "رفع المتظاهرون شعار «الخبز أولاً!» أمام البرلمان.",
        "رفع المتظاهرون شعار «الخبز أولاً!» أمام البرلمان.",
    ),
    (
        "5 title with ؟ then sentence end",
        "نشرت الصحيفة تحقيقاً بعنوان «من يحكم المدينة؟». وأثار التحقيق جدلاً.",
        "نشرت الصحيفة تحقيقاً بعنوان «من يحكم المدينة؟».‖وأثار التحقيق جدلاً.",
    ),
    (
        "5 fronted quote curly",
        "“لن نغادر أرضنا!” قالت المرأة العجوز.",
        "“لن نغادر أرضنا!” قالت المرأة العجوز.",
    ),
    (
        "5 fronted quote ؟",
        "«هل هذا عدل؟» تساءل أحد الحاضرين.",
        "«هل هذا عدل؟» تساءل أحد الحاضرين.",
    ),
    (
        "5 quote then new sentence",
        "قال الوزير: «سنبني ألف مدرسة.» وتعهد بتمويلها.",
        "قال الوزير: «سنبني ألف مدرسة.»‖وتعهد بتمويلها.",
    ),
    (
        "5 multi-sentence curly",
        "وأضاف: “الوضع صعب. لكننا لن نستسلم. النصر قريب.” ثم صمت.",
        "وأضاف: “الوضع صعب.‖لكننا لن نستسلم.‖النصر قريب.”‖ثم صمت.",
    ),
    (
        "5 english quote after colon",
        "وكتب أحد المعلقين: \"Why now?\" وحذف التغريدة لاحقاً.",
        "وكتب أحد المعلقين: \"Why now?\"‖وحذف التغريدة لاحقاً.",
    ),
    (
        "5 guillemets inside straight",
        "قال: \"وصف الاتفاق بأنه «تاريخي» مبالغة.\" وغادر القاعة.",
        "قال: \"وصف الاتفاق بأنه «تاريخي» مبالغة.\"‖وغادر القاعة.",
    ),
    // §6 brackets
    (
        "6 page ref in brackets",
        "كما ورد في الدراسة (ص. 14 وما بعدها) فإن النتائج واضحة.",
        "كما ورد في الدراسة (ص. 14 وما بعدها) فإن النتائج واضحة.",
    ),
    (
        "6 question in brackets",
        "وصل الوفد متأخراً (لماذا؟) ولم يعتذر.",
        "وصل الوفد متأخراً (لماذا؟) ولم يعتذر.",
    ),
    (
        "6 standalone bracket sentence",
        "انتهت الجولة الأولى. (وقد غاب عنها ممثل الحكومة.) وتبدأ الثانية غداً.",
        "انتهت الجولة الأولى.‖(وقد غاب عنها ممثل الحكومة.)‖وتبدأ الثانية غداً.",
    ),
    // §7 ellipsis
    (
        "7 four dots",
        "انتظرنا الحافلة ساعة.... ثم مشينا.",
        "انتظرنا الحافلة ساعة....‖ثم مشينا.",
    ),
    (
        "7 spaced dots group",
        "وكان ما كان .. . وانتهت القصة.",
        "وكان ما كان .. .‖وانتهت القصة.",
    ),
    (
        "7 ellipsis then etc",
        "اشترى الخضار والفواكه والخبز… إلخ، ثم عاد.",
        "اشترى الخضار والفواكه والخبز… إلخ، ثم عاد.",
    ),
    (
        "7 ellipsis then colon",
        "وقالوا أشياء كثيرة...: بعضها صحيح.",
        "وقالوا أشياء كثيرة...: بعضها صحيح.",
    ),
    (
        "7 omission in round brackets",
        "وجاء في البيان أن الحكومة ( ... ) ستتخذ إجراءات.",
        "وجاء في البيان أن الحكومة ( ... ) ستتخذ إجراءات.",
    ),
    (
        "7 trailing off",
        "ربما… لكن أحداً لم يسأل.",
        "ربما…‖لكن أحداً لم يسأل.",
    ),
    (
        "7 ..؟ group",
        "وماذا بعد..؟ لا جواب.",
        "وماذا بعد..؟‖لا جواب.",
    ),
    // §8 numbers
    (
        "8 arabic decimal sep",
        "بلغ التضخم ٣٫٥ بالمئة هذا العام. وهو أعلى من المتوقع.",
        "بلغ التضخم ٣٫٥ بالمئة هذا العام.‖وهو أعلى من المتوقع.",
    ),
    (
        "8 arabic-indic dot decimal",
        "ارتفع السهم إلى ١٢.٧٥ ريالاً. ثم تراجع.",
        "ارتفع السهم إلى ١٢.٧٥ ريالاً.‖ثم تراجع.",
    ),
    (
        "8 persian digits",
        "سجل النمو ۴.۲ بالمئة. وهذا جيد.",
        "سجل النمو ۴.۲ بالمئة.‖وهذا جيد.",
    ),
    (
        "8 slash date arabic-indic",
        "صدر القرار في ١٦/٩/٢٠١٧. ونشر لاحقاً.",
        "صدر القرار في ١٦/٩/٢٠١٧.‖ونشر لاحقاً.",
    ),
    (
        "8 dotted date",
        "وقع الاتفاق في 03.05.2016 بحضور الوزراء.",
        "وقع الاتفاق في 03.05.2016 بحضور الوزراء.",
    ),
    (
        "8 time and range",
        "تبدأ الجلسة الساعة 09:30:00 وتستمر بين 2480-2550 دقيقة.",
        "تبدأ الجلسة الساعة 09:30:00 وتستمر بين 2480-2550 دقيقة.",
    ),
    (
        "8 number then stop",
        "بلغ عدد الزوار 1500. وكان العدد أقل العام الماضي.",
        "بلغ عدد الزوار 1500.‖وكان العدد أقل العام الماضي.",
    ),
    (
        "8 arabic-indic page end",
        "انظر الجدول في الصفحة ٢٣. وفيه التفاصيل.",
        "انظر الجدول في الصفحة ٢٣.‖وفيه التفاصيل.",
    ),
    (
        "8 hijri era end",
        "توفي الإمام سنة 204 هـ. ودفن في مصر.",
        "توفي الإمام سنة 204 هـ.‖ودفن في مصر.",
    ),
    (
        "8 glued era end",
        "ولدت الكاتبة عام 1965م. وكتبت عشرين رواية.",
        "ولدت الكاتبة عام 1965م.‖وكتبت عشرين رواية.",
    ),
    (
        "8 percent decimal",
        "تراجعت البطالة إلى 0.8% فقط.",
        "تراجعت البطالة إلى 0.8% فقط.",
    ),
    // §9 abbreviations
    (
        "9 doctor space",
        "استقبل د. خالد المرضى صباحاً.",
        "استقبل د. خالد المرضى صباحاً.",
    ),
    (
        "9 prof doctor",
        "ألقى أ.د. منى يوسف محاضرة عن المياه.",
        "ألقى أ.د. منى يوسف محاضرة عن المياه.",
    ),
    (
        "9 engineer",
        "أشرف م. سامر على البناء.",
        "أشرف م. سامر على البناء.",
    ),
    (
        "9 BC spaced",
        "عاش الملك في القرن الخامس ق. م في بلاد الرافدين.",
        "عاش الملك في القرن الخامس ق. م في بلاد الرافدين.",
    ),
    (
        "9 BC dotted continues",
        "يعود النقش إلى 1200 ق.م. وفق تقدير العلماء.",
        "يعود النقش إلى 1200 ق.م. وفق تقدير العلماء.",
    ),
    (
        "9 PO box",
        "للمراسلة: ص.ب. 5500 جدة.",
        "للمراسلة: ص.ب. 5500 جدة.",
    ),
    ("9 page", "راجع ص. 30 من الكتاب.", "راجع ص. 30 من الكتاب."),
    (
        "9 etc final",
        "شاركت مصر والأردن ولبنان إلخ. وغابت دول أخرى.",
        "شاركت مصر والأردن ولبنان إلخ.‖وغابت دول أخرى.",
    ),
    (
        "9 etc alt final",
        "يبيع المتجر الأقلام والدفاتر الخ. ويفتح يومياً.",
        "يبيع المتجر الأقلام والدفاتر الخ.‖ويفتح يومياً.",
    ),
    (
        "9 letter labels",
        "قسمت المنطقة إلى قطاعين أ. ب في الشمال.",
        "قسمت المنطقة إلى قطاعين أ. ب في الشمال.",
    ),
    (
        "9 doctor glued female",
        "أكدت د.هالة أن العلاج متوفر.",
        "أكدت د.هالة أن العلاج متوفر.",
    ),
    // §10 English
    (
        "10 prof and st",
        "Prof. Adams lives on Main St. in Boston. He teaches law.",
        "Prof. Adams lives on Main St. in Boston.‖He teaches law.",
    ),
    (
        "10 month and number",
        "The vote on Jan. 5 passed bill No. 12 easily. Critics objected.",
        "The vote on Jan. 5 passed bill No. 12 easily.‖Critics objected.",
    ),
    (
        "10 eg ie vs",
        "Some teams, e.g. Real vs. Barca, i.e. the giants, lost. Fans left.",
        "Some teams, e.g. Real vs. Barca, i.e. the giants, lost.‖Fans left.",
    ),
    (
        "10 times",
        "The meeting ended at 6 p.m. and resumed at 9 a.m. on Friday.",
        "The meeting ended at 6 p.m. and resumed at 9 a.m. on Friday.",
    ),
    (
        "10 U.N. then arabic",
        "The plan was approved by the U.N. وقالت الحكومة إنها سترد.",
        "The plan was approved by the U.N.‖وقالت الحكومة إنها سترد.",
    ),
    (
        "10 U.K. inside",
        "The U.K. Foreign Office issued a warning.",
        "The U.K. Foreign Office issued a warning.",
    ),
    (
        "10 english sentences in arabic",
        "قال المتحدث بالإنجليزية: We will win. ثم غادر المنصة.",
        "قال المتحدث بالإنجليزية: We will win.‖ثم غادر المنصة.",
    ),
    (
        "10 Ltd end",
        "The contract went to Gulf Trading Ltd. The price was secret.",
        "The contract went to Gulf Trading Ltd.‖The price was secret.",
    ),
    // §11 addresses
    (
        "11 http url mid",
        "التفاصيل على http://news.example.com/2017/09/report.html لمن يريد.",
        "التفاصيل على http://news.example.com/2017/09/report.html لمن يريد.",
    ),
    (
        "11 email end",
        "للتواصل: press@ministry.gov.jo. ونرد خلال يومين.",
        "للتواصل: press@ministry.gov.jo.‖ونرد خلال يومين.",
    ),
    (
        "11 bracketed url",
        "موقع المعهد [http://cairo.institute.eg] متاح للجميع.",
        "موقع المعهد [http://cairo.institute.eg] متاح للجميع.",
    ),
    (
        "11 bare domain end",
        "يمكن التسجيل عبر example.net. والتسجيل مجاني.",
        "يمكن التسجيل عبر example.net.‖والتسجيل مجاني.",
    ),
    (
        "11 file name",
        "حمل الملف budget2017.pdf من الموقع الرسمي.",
        "حمل الملف budget2017.pdf من الموقع الرسمي.",
    ),
];

fn expected(s: &str) -> Vec<&str> {
    s.split('‖')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

fn units(text: &str) -> Vec<&str> {
    segment(text).iter().map(|s| s.span.slice(text)).collect()
}

#[test]
fn guideline_passages() {
    let mut failures = Vec::new();
    for (rule, text, want) in CASES {
        let got = units(text);
        let want = expected(want);
        if got != want {
            failures.push(format!("[{rule}]\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} failing (a guideline rule probably regressed):\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

/// Units with their internal white space collapsed (wrapped lines joined).
fn flat(text: &str) -> Vec<String> {
    segment(text)
        .iter()
        .map(|s| {
            s.span
                .slice(text)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

// §3 a hard-wrapped news story (~75-char lines): line breaks inside
// sentences are spaces; a short paragraph-final line without punctuation and
// a blank line end units.
const WRAPPED_STORY: &str =
    "أعلنت وزارة الزراعة أمس عن خطة جديدة لدعم صغار المزارعين في المحافظات\n\
الجنوبية، وتشمل الخطة توزيع البذور المحسنة والأسمدة بأسعار مخفضة على\n\
أكثر من عشرة آلاف أسرة ريفية خلال الموسم المقبل. وقال مدير البرنامج إن\n\
التمويل يأتي من صندوق التنمية الذي خصص مبلغ ٣٫٥ مليون دينار لهذا الغرض\n\
في المرحلة الأولى\n\
ستبدأ الوزارة بعد ذلك مسحاً ميدانياً لتحديد الاحتياجات الفعلية لكل قرية\n\
على حدة وفق معايير واضحة أقرها المجلس الأعلى للتخطيط في اجتماعه الأخير.\n\
\n\
ويرى خبراء أن الخطة خطوة مهمة لكنها غير كافية؛ إذ يحتاج القطاع إلى استثمار\n\
طويل الأمد في شبكات الري والطرق الزراعية وتدريب المزارعين على التقنيات\n\
الحديثة التي ترفع الإنتاجية وتقلل الهدر في المياه.";

#[test]
fn wrapped_story() {
    assert_eq!(detect_layout(WRAPPED_STORY), Layout::Wrapped);
    let got = flat(WRAPPED_STORY);
    assert_eq!(got.len(), 4, "{got:#?}");
    assert!(got[0].ends_with("خلال الموسم المقبل."), "{got:#?}");
    assert!(got[1].starts_with("وقال مدير") && got[1].ends_with("في المرحلة الأولى"));
    assert!(got[2].starts_with("ستبدأ الوزارة") && got[2].ends_with("اجتماعه الأخير."));
    assert!(got[3].starts_with("ويرى خبراء"));
    assert!(got[3].contains("طويل الأمد"), "semicolon split: {got:#?}");
}

// §3 a short wrapped passage: only two lines, the first ends mid-phrase.
#[test]
fn short_wrapped_passage() {
    let t = "تواصل فرق الدفاع المدني منذ صباح اليوم عمليات البحث عن المفقودين تحت\n\
الأنقاض في الحي القديم من المدينة بعد انهيار مبنى سكني من أربعة طوابق.";
    assert_eq!(flat(t).len(), 1, "{:#?}", flat(t));
}

// §3 a scraped page, one paragraph per line: title glued to its metadata
// bar, caption, heading, list, source line.
const PAGE: &str = "ارتفاع أسعار القمح في الأسواق العالمية الكاتب : سلمى حداد التاريخ : 12 مارس 2018 م المشاهدات : 931\n\
اخبار الاقتصاد اليوم\n\
سجلت أسعار القمح ارتفاعاً حاداً خلال الأسبوع الماضي بسبب موجة الجفاف التي ضربت مناطق الإنتاج الرئيسية، وتوقع محللون استمرار الارتفاع. ويخشى المستوردون من نقص الإمدادات.\n\
شاحنات محملة بالقمح في أحد الموانئ (أ ف ب)\n\
أسباب الأزمة\n\
ويعزو الخبراء الأزمة إلى عدة عوامل أبرزها:\n\
- تراجع المحصول في أوروبا\n\
- ارتفاع تكاليف الشحن\n\
المصدر : وكالات";

#[test]
fn scraped_page() {
    assert_eq!(detect_layout(PAGE), Layout::LinePerParagraph);
    let got = units(PAGE);
    assert_eq!(
        got,
        [
            "ارتفاع أسعار القمح في الأسواق العالمية",
            "الكاتب : سلمى حداد التاريخ : 12 مارس 2018 م المشاهدات : 931",
            "اخبار الاقتصاد اليوم",
            "سجلت أسعار القمح ارتفاعاً حاداً خلال الأسبوع الماضي بسبب موجة الجفاف التي ضربت مناطق الإنتاج الرئيسية، وتوقع محللون استمرار الارتفاع.",
            "ويخشى المستوردون من نقص الإمدادات.",
            "شاحنات محملة بالقمح في أحد الموانئ (أ ف ب)",
            "أسباب الأزمة",
            "ويعزو الخبراء الأزمة إلى عدة عوامل أبرزها:",
            "- تراجع المحصول في أوروبا",
            "- ارتفاع تكاليف الشحن",
            "المصدر : وكالات",
        ]
    );
}

// §3 interview turns and inline ordinal items.
#[test]
fn interview_and_items() {
    let t = "س: متى تبدأ الدراسة؟\nج: في الأسبوع القادم. والتسجيل مفتوح.\nأولاً: تجهيز القاعات. ثانياً: توزيع الكتب.";
    assert_eq!(
        units(t),
        [
            "س: متى تبدأ الدراسة؟",
            "ج: في الأسبوع القادم.",
            "والتسجيل مفتوح.",
            "أولاً: تجهيز القاعات.",
            "ثانياً: توزيع الكتب.",
        ]
    );
}

// §3 datelines stay in the first sentence; blank lines always split.
#[test]
fn datelines_and_blank_lines() {
    let t = "الرباط - (أ ف ب) - افتتح المعرض الدولي للكتاب أبوابه أمس.\n\nعنوان فرعي بلا نقطة\n\nدبي: أعلنت الهيئة نتائج المسابقة. وفاز ثلاثة طلاب.";
    assert_eq!(
        units(t),
        [
            "الرباط - (أ ف ب) - افتتح المعرض الدولي للكتاب أبوابه أمس.",
            "عنوان فرعي بلا نقطة",
            "دبي: أعلنت الهيئة نتائج المسابقة.",
            "وفاز ثلاثة طلاب.",
        ]
    );
}

// §5 fronted quotations with other reporting verbs; a title ending in ؟
// followed by the object clause of a reporting verb.
#[test]
fn fronted_quotes_and_reported_titles() {
    for t in [
        "«كفى فساداً!» صرخ المتظاهرون أمام الوزارة.",
        "“سنعيد البناء.” أعلن الرئيس في خطابه.",
        "قال الكاتب في مقاله «ماذا بعد؟» إن الأزمة طويلة.",
    ] {
        assert_eq!(units(t), [t], "should be one unit");
    }
    // Without a reporting verb before the title, إن opens a new sentence.
    assert_eq!(
        units("نشر الموقع ملفاً بعنوان «ماذا بعد؟» إن الأزمة طويلة جداً."),
        ["نشر الموقع ملفاً بعنوان «ماذا بعد؟»", "إن الأزمة طويلة جداً."]
    );
    assert_eq!(
        units("قال: «انتهى الأمر». وسكت."),
        ["قال: «انتهى الأمر».", "وسكت."]
    );
}

// §3 CR LF line breaks: title, sub-title and body stay apart.
#[test]
fn crlf_title_subtitle_body() {
    let t = "ارتفاع البطالة بين الشباب\r\nتقرير جديد يرصد الأسباب\r\n\r\nكشف تقرير صدر اليوم عن ارتفاع البطالة.\r\n";
    assert_eq!(
        units(t),
        [
            "ارتفاع البطالة بين الشباب",
            "تقرير جديد يرصد الأسباب",
            "كشف تقرير صدر اليوم عن ارتفاع البطالة."
        ]
    );
}

// §3 glued bar with other labels; §4 glued full stop after a decimal;
// §10 abbreviations before Arabic; §3 an English caption without terminal.
#[test]
fn more_layout_and_spacing() {
    assert_eq!(
        units("قمة عربية في الرياض بقلم : أحمد سالم تاريخ النشر : 2019-03-01\nانطلقت القمة اليوم."),
        [
            "قمة عربية في الرياض",
            "بقلم : أحمد سالم تاريخ النشر : 2019-03-01",
            "انطلقت القمة اليوم."
        ]
    );
    assert_eq!(
        units("وصلت درجة الحرارة إلى 45.5 درجة مئوية.وفي الجنوب أكثر."),
        ["وصلت درجة الحرارة إلى 45.5 درجة مئوية.", "وفي الجنوب أكثر."]
    );
    assert_eq!(
        units("The U.S. and the U.K. signed it. وقالت الوزارة إنها ترحب."),
        [
            "The U.S. and the U.K. signed it.",
            "وقالت الوزارة إنها ترحب."
        ]
    );
    assert_eq!(
        units("بلغ الإنتاج 1.200.000 طن. وهو رقم قياسي."),
        ["بلغ الإنتاج 1.200.000 طن.", "وهو رقم قياسي."]
    );
    assert_eq!(
        units("Mr. Ahmed, the CEO of XYZ Corp. said so. He left."),
        ["Mr. Ahmed, the CEO of XYZ Corp. said so.", "He left."]
    );
}

// §3 a headline wrapped over two lines inside a construct (`موجة⏎الحر`) is
// one unit; a sub-title with its own verb, or after an adjective, is not.
#[test]
fn two_line_headlines() {
    let t = "الحكومة تعلن خطة لمواجهة موجة\nالحر في المدن الكبرى\n\nأعلنت الحكومة خطة جديدة.";
    assert_eq!(
        units(t),
        [
            "الحكومة تعلن خطة لمواجهة موجة\nالحر في المدن الكبرى",
            "أعلنت الحكومة خطة جديدة."
        ]
    );
    let t = "الوزير يفتتح قمة عربية\nالزعماء يتفقون على خطة\n\nافتتح الوزير القمة.";
    assert_eq!(units(t).len(), 3);
    let t =
        "الوزير يفتتح مؤتمراً عن الطاقة الشمسية\nالمشاركون من عشرين دولة\n\nافتتح الوزير المؤتمر.";
    assert_eq!(units(t).len(), 3);
}
