//! One case per rule of the segmentation guidelines, positive and negative.
//! Texts are hand-written; `‖` in the expected string marks the boundaries
//! (the expected units are the pieces between the marks, trimmed).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use khulasa::lang::Lang;
use khulasa::segment::{detect_layout, segment, Layout, Segmenter, SentenceKind};

/// (rule, input text, expected units joined with ‖)
const CASES: &[(&str, &str, &str)] = &[
    // §2 terminal marks
    ("2 full stop", "انتهى الاجتماع. وبدأ المؤتمر.", "انتهى الاجتماع.‖وبدأ المؤتمر."),
    ("2 question list", "هل يمكن أن يصبح مدمن كمبيوتر؟ أو دون أن تضر عيناه؟", "هل يمكن أن يصبح مدمن كمبيوتر؟‖أو دون أن تضر عيناه؟"),
    ("2 exclamation", "يا له من يوم! عاد الجميع.", "يا له من يوم!‖عاد الجميع."),
    ("2 group ؟!", "هل هذا معقول؟! لا أحد يصدق.", "هل هذا معقول؟!‖لا أحد يصدق."),
    ("2 group ..؟", "أين ذهبوا..؟ لا نعرف.", "أين ذهبوا..؟‖لا نعرف."),
    ("2 group !\".", "قالوا: \"لن نصمت!\". ثم انصرفوا.", "قالوا: \"لن نصمت!\".‖ثم انصرفوا."),
    ("2 closing guillemet", "قال: «نرفض الحلول المحلية.» وانتهى اللقاء.", "قال: «نرفض الحلول المحلية.»‖وانتهى اللقاء."),
    ("2 closing bracket", "وصلت الوفود (من كل الدول.) ثم بدأ الحوار.", "وصلت الوفود (من كل الدول.) ثم بدأ الحوار."),
    ("2 footnote", "بلغت الكلفة مليون دولار.[3] وهذا كثير.", "بلغت الكلفة مليون دولار.[3]‖وهذا كثير."),
    ("2 semicolon no split", "رفض التعليق؛ إذ قال إنه مشغول.", "رفض التعليق؛ إذ قال إنه مشغول."),
    ("2 latin semicolon", "رفض التعليق; إذ قال إنه مشغول.", "رفض التعليق; إذ قال إنه مشغول."),
    ("2 comma no split", "وصل الوفد، واجتمع بالوزير، ثم غادر، وعاد في المساء.", "وصل الوفد، واجتمع بالوزير، ثم غادر، وعاد في المساء."),
    ("2 colon mid-line", "قال الوزير: إن الوضع مستقر.", "قال الوزير: إن الوضع مستقر."),
    // §3 line structure
    ("3 blank line", "سطر أول بلا نقطة\n\nسطر ثان بلا نقطة", "سطر أول بلا نقطة‖سطر ثان بلا نقطة"),
    ("3 lpp colon at line end", "وقد تم الإعلان عما يلي:\n«إن القافلة تتوجه للخروج من المدينة.»\nوقال مسؤولون محليون إن ذلك صحيح.", "وقد تم الإعلان عما يلي:‖«إن القافلة تتوجه للخروج من المدينة.»‖وقال مسؤولون محليون إن ذلك صحيح."),
    ("3 meta glued to title", "مفاوضات غير مباشرة مع التنظيم الكاتب : فلان الفلاني التاريخ : 4 يوليو 2017 م المشاهدات : 42\n\nنص المقال هنا.", "مفاوضات غير مباشرة مع التنظيم‖الكاتب : فلان الفلاني التاريخ : 4 يوليو 2017 م المشاهدات : 42‖نص المقال هنا."),
    ("3 date source line", "عنوان الخبر\n2017-09-16 00:00:00 - المصدر: وكالة محلية\nنص الخبر الأول.", "عنوان الخبر‖2017-09-16 00:00:00 - المصدر: وكالة محلية‖نص الخبر الأول."),
    ("3 dateline stays", "بيروت - (رويترز) - بحث الوزيران الأزمة. واتفقا على الحل.", "بيروت - (رويترز) - بحث الوزيران الأزمة.‖واتفقا على الحل."),
    ("3 list items", "وجاءت الشروط كالآتي:\n- تقديم الطلب قبل الموعد\n- إرفاق الصور\n1. البند الأول\n2- البند الثاني", "وجاءت الشروط كالآتي:‖- تقديم الطلب قبل الموعد‖- إرفاق الصور‖1. البند الأول‖2- البند الثاني"),
    ("3 inline items", "أولاً: تحسين الخدمات. ثانياً: خفض الإنفاق.", "أولاً: تحسين الخدمات.‖ثانياً: خفض الإنفاق."),
    ("3 interview turns", " * هل أنت متفائل؟\n ـ نعم. الأمور تتحسن.", "* هل أنت متفائل؟‖ـ نعم.‖الأمور تتحسن."),
    ("3 caption repeated", "قصف على المدينة (رويترز)\nقصف على المدينة (رويترز)", "قصف على المدينة (رويترز)‖قصف على المدينة (رويترز)"),
    // §4 spacing
    ("4 missing space", "السباحة رياضة قديمة.عرفها المصريون.", "السباحة رياضة قديمة.‖عرفها المصريون."),
    ("4 missing space after year", "تأسست عام 1952.في ذلك الوقت كانت صغيرة.", "تأسست عام 1952.‖في ذلك الوقت كانت صغيرة."),
    ("4 missing space question", "لماذا؟قال إنه لا يعرف.", "لماذا؟‖قال إنه لا يعرف."),
    ("4 missing space ellipsis", "انتظرنا..فعند المساء وصلوا.", "انتظرنا..‖فعند المساء وصلوا."),
    ("4 space before terminal", "الصداع موضوع مثير للقراء .لأن التعرف عليه مهم .", "الصداع موضوع مثير للقراء .‖لأن التعرف عليه مهم ."),
    ("4 space before terminal 2", "كتب على الحائط . وهذا غريب.", "كتب على الحائط .‖وهذا غريب."),
    ("4 zero is not a stop", "يبدأ المشروع الشهر المقبل0 وينتهي بعد عام.", "يبدأ المشروع الشهر المقبل0 وينتهي بعد عام."),
    // §5 quotations
    ("5 quote then new sentence", "وقال: \"الحديث عن صفقة سرية مجرد شائعات.\" ورد الوزير بعنف.", "وقال: \"الحديث عن صفقة سرية مجرد شائعات.\"‖ورد الوزير بعنف."),
    ("5 multi-sentence quote", "وتضيف أنجيلا: \"نحن نبدأ التعليم من الحضانة. قد تختلف رؤية كل مدرسة، لكننا نلتزم به.\"", "وتضيف أنجيلا: \"نحن نبدأ التعليم من الحضانة.‖قد تختلف رؤية كل مدرسة، لكننا نلتزم به.\""),
    ("5 guillemet multi", "«لن نقبل بأي تسوية. سنواصل المفاوضات». هذا ما قاله.", "«لن نقبل بأي تسوية.‖سنواصل المفاوضات».‖هذا ما قاله."),
    ("5 embedded title", "نشرت مقالاً بعنوان «هل تتفاوض أميركا مع تنظيم الدولة؟» تناولت فيه الأزمة.", "نشرت مقالاً بعنوان «هل تتفاوض أميركا مع تنظيم الدولة؟» تناولت فيه الأزمة."),
    ("5 fronted quote", "«لن نتراجع!» قالها الوزير بحزم.", "«لن نتراجع!» قالها الوزير بحزم."),
    ("5 quote after colon", "وعلق أحدهم ساخراً: \"Really?\" ثم حذف تعليقه.", "وعلق أحدهم ساخراً: \"Really?\"‖ثم حذف تعليقه."),
    ("5 nested quotes", "قال: \"الحديث عن \"صفقة سرية\" مجرد شائعات.\" وغادر.", "قال: \"الحديث عن \"صفقة سرية\" مجرد شائعات.\"‖وغادر."),
    ("5 straight quote opens next", "في المدارس الحكومية .. .\" انظر الى ابنك \" لكن ما نزال نحتاج.", "في المدارس الحكومية .. .‖\" انظر الى ابنك \" لكن ما نزال نحتاج."),
    ("5 unbalanced quote ignored", "قال «هذا كلام لم يغلق. وجملة ثانية هنا.", "قال «هذا كلام لم يغلق.‖وجملة ثانية هنا."),
    // §6 brackets
    ("6 terminal in brackets", "راجع الملحق (انظر ص. 5 من التقرير) قبل التصويت.", "راجع الملحق (انظر ص. 5 من التقرير) قبل التصويت."),
    ("6 etc in brackets", "تنافس الشركات (Apple, Google, etc.) على السوق.", "تنافس الشركات (Apple, Google, etc.) على السوق."),
    ("6 ironic (!)", "وصل القطار في موعده (!) هذه المرة.", "وصل القطار في موعده (!) هذه المرة."),
    ("6 omission ( .. )", "قال إن الأمر ( .. ) انتهى.", "قال إن الأمر ( .. ) انتهى."),
    ("6 parenthesised sentence", "عقد الاجتماع أمس. (وقد نفى المتحدث لاحقاً وجود أي خلافات.) واستمرت المحادثات.", "عقد الاجتماع أمس.‖(وقد نفى المتحدث لاحقاً وجود أي خلافات.)‖واستمرت المحادثات."),
    // §7 ellipsis
    ("7 ellipsis ends", "انتظرنا طويلاً… ولم يأت أحد.", "انتظرنا طويلاً…‖ولم يأت أحد."),
    ("7 three dots", "انتظرنا طويلاً... ولم يأت أحد.", "انتظرنا طويلاً...‖ولم يأت أحد."),
    ("7 ellipsis etc", "الملابس والأحذية والحقائب... إلخ، وكلها مستوردة.", "الملابس والأحذية والحقائب... إلخ، وكلها مستوردة."),
    ("7 ellipsis comma", "اقلام او الوان، الخ..، على ان تكون كبيرة.", "اقلام او الوان، الخ..، على ان تكون كبيرة."),
    ("7 omission in quote", "هتفوا «...وسنبقى هنا» طويلاً.", "هتفوا «...وسنبقى هنا» طويلاً."),
    ("7 omission in brackets", "وجاء في النص [...] أن الاتفاق نافذ.", "وجاء في النص [...] أن الاتفاق نافذ."),
    ("7 lowercase after ellipsis", "Analysts were... cautious about it.", "Analysts were... cautious about it."),
    ("7 spaced ellipsis one group", "قال إنه سيعود .. . ثم رحل.", "قال إنه سيعود .. .‖ثم رحل."),
    // §8 numbers
    ("8 decimals", "ارتفع المؤشر 3.5% ليغلق عند 11,870.25 نقطة. أما النمو فلم يتجاوز 0.6. وهذا ضعيف.", "ارتفع المؤشر 3.5% ليغلق عند 11,870.25 نقطة.‖أما النمو فلم يتجاوز 0.6.‖وهذا ضعيف."),
    ("8 dates times", "في 16.09.2017 الساعة 10.30 و١٠.٣٠ صدر القرار. وفي 16/9/2017. انتهى.", "في 16.09.2017 الساعة 10.30 و١٠.٣٠ صدر القرار.‖وفي 16/9/2017.‖انتهى."),
    ("8 arabic separators", "بلغ النمو ٢٫٥ بالمئة و۱۲.۵ في المنطقة. انظر الصفحة ٤. والمزيد لاحقاً.", "بلغ النمو ٢٫٥ بالمئة و۱۲.۵ في المنطقة.‖انظر الصفحة ٤.‖والمزيد لاحقاً."),
    ("8 era letters", "ولد عام 1982م. وتوفي سنة 354 هـ. وترك كتباً كثيرة.", "ولد عام 1982م.‖وتوفي سنة 354 هـ.‖وترك كتباً كثيرة."),
    ("8 metres", "فاز في سباق 50 م. في سباحة الظهر فاز غيره.", "فاز في سباق 50 م.‖في سباحة الظهر فاز غيره."),
    // §9 Arabic abbreviations
    ("9 doctor", "قال د. أحمد الخطيب إن الأسعار سترتفع. وأضاف أ.د. سامي النجار أنها ستستقر.", "قال د. أحمد الخطيب إن الأسعار سترتفع.‖وأضاف أ.د. سامي النجار أنها ستستقر."),
    ("9 doctor glued", "حاضرت د.سعاد في الجامعة.", "حاضرت د.سعاد في الجامعة."),
    ("9 BC continues", "منذ عام 2000 ق.م. في ملحمة جلجامش ظهرت القصة.", "منذ عام 2000 ق.م. في ملحمة جلجامش ظهرت القصة."),
    ("9 PO box", "راسلونا على ص.ب. 1234 الرياض.", "راسلونا على ص.ب. 1234 الرياض."),
    ("9 etc ends", "تباع الكتب والمجلات إلخ. وفي المعرض أجنحة كثيرة.", "تباع الكتب والمجلات إلخ.‖وفي المعرض أجنحة كثيرة."),
    // §3 a headline and the byline, dateline, caption or name line under it
    ("3 title then byline", "وزير الصحة يفتتح مستشفى جديداً\nبقلم: سامي الحسن\nافتتح الوزير المستشفى أمس.", "وزير الصحة يفتتح مستشفى جديداً‖بقلم: سامي الحسن‖افتتح الوزير المستشفى أمس."),
    ("3 title then إعداد", "البلدية تطلق حملة لتنظيف الشواطئ\nإعداد: قسم الأخبار\nأطلقت البلدية حملة واسعة.", "البلدية تطلق حملة لتنظيف الشواطئ‖إعداد: قسم الأخبار‖أطلقت البلدية حملة واسعة."),
    ("3 title then كتب", "الجامعة تستقبل طلابها الجدد\nكتب محمد العلي\nاستقبلت الجامعة طلابها.", "الجامعة تستقبل طلابها الجدد‖كتب محمد العلي‖استقبلت الجامعة طلابها."),
    ("3 title then name", "النادي يجدد عقد مدربه لموسمين\nخالد الزهراني\nجدد النادي عقد مدربه.", "النادي يجدد عقد مدربه لموسمين‖خالد الزهراني‖جدد النادي عقد مدربه."),
    ("3 title then dateline", "الأمطار تغلق طرقاً في المنطقة الشرقية\n صحيفة الخليج – الدمام\nأغلقت الأمطار طرقاً عدة.", "الأمطار تغلق طرقاً في المنطقة الشرقية‖صحيفة الخليج – الدمام‖أغلقت الأمطار طرقاً عدة."),
    ("3 title then glued dateline", "المهرجان يستقطب آلاف الزوار\nفهد السالم-جدة\nاستقطب المهرجان آلاف الزوار.", "المهرجان يستقطب آلاف الزوار‖فهد السالم-جدة‖استقطب المهرجان آلاف الزوار."),
    ("3 title then caption", "المحافظ يدشن مشروع الإسكان الجديد\nجانب من حفل التدشين\nدشن المحافظ المشروع.", "المحافظ يدشن مشروع الإسكان الجديد‖جانب من حفل التدشين‖دشن المحافظ المشروع."),
    ("3 title then caption naming subject", "المحافظ يزور مصنع الألبان\nالمحافظ يتفقد خطوط الإنتاج\nزار المحافظ المصنع.", "المحافظ يزور مصنع الألبان‖المحافظ يتفقد خطوط الإنتاج‖زار المحافظ المصنع."),
    ("3 title then credit caption", "الرئيس يستقبل السفراء الجدد\nالسفراء في قصر الضيافة (واس)\nاستقبل الرئيس السفراء.", "الرئيس يستقبل السفراء الجدد‖السفراء في قصر الضيافة (واس)‖استقبل الرئيس السفراء."),
    // §5 a quotation opened inside a sentence (after قال:) ends with it
    ("5 multi quote then reporting verb", "قال الوزير: \"لن نتراجع. سنواصل العمل.\" وأضاف أن الخطة جاهزة.", "قال الوزير: \"لن نتراجع.‖سنواصل العمل.\"‖وأضاف أن الخطة جاهزة."),
    ("5 curly multi quote then verb", "وقالت المديرة: “بدأنا التسجيل. الأماكن محدودة.” وأكدت أن الطلب كبير.", "وقالت المديرة: “بدأنا التسجيل.‖الأماكن محدودة.”‖وأكدت أن الطلب كبير."),
    ("5 guillemet multi quote then verb", "وصرح المتحدث: «الوضع هادئ. لا إصابات.» وأوضح أن التحقيق مستمر.", "وصرح المتحدث: «الوضع هادئ.‖لا إصابات.»‖وأوضح أن التحقيق مستمر."),
    ("5 fronted multi quote stays with its clause", "عاد الوفد أمس. «الاتفاق قريب. بقيت تفاصيل» قال رئيس الوفد للصحفيين.", "عاد الوفد أمس.‖«الاتفاق قريب.‖بقيت تفاصيل» قال رئيس الوفد للصحفيين."),
    // §7 straight quote then ellipsis in body text
    ("7 straight quote ellipsis", "وصف المحللون الخطة بأنها \"طموحة\".. لكن التمويل لم يتوفر بعد. وتبدأ المرحلة الأولى قريباً.", "وصف المحللون الخطة بأنها \"طموحة\"..‖لكن التمويل لم يتوفر بعد.‖وتبدأ المرحلة الأولى قريباً."),
    ("7 fronted straight quote ellipsis", "انتهى الموسم أمس. \"لقد كان موسماً صعباً\".. بهذه الكلمات ودع المدرب جمهوره.", "انتهى الموسم أمس.‖\"لقد كان موسماً صعباً\".. بهذه الكلمات ودع المدرب جمهوره."),
    ("7 omission after opening quote", "ردد المتظاهرون \"...ولن نرحل\" حتى المساء.", "ردد المتظاهرون \"...ولن نرحل\" حتى المساء."),
    // §8 scores
    ("8 spaced score", "فاز الفريق على ضيفه 3 - 2. وسجل المهاجم هدفين.", "فاز الفريق على ضيفه 3 - 2.‖وسجل المهاجم هدفين."),
    ("8 score glued dash", "انتهت المباراة 2-0. وغادر الجمهور.", "انتهت المباراة 2-0.‖وغادر الجمهور."),
    // §9 conjunction or preposition + abbreviation
    ("9 و + د.", "حضر الندوة د. أحمد سالم ود. ليلى حسن وم. خالد يوسف من الجامعة.", "حضر الندوة د. أحمد سالم ود. ليلى حسن وم. خالد يوسف من الجامعة."),
    ("9 و + أ.د.", "ناقش البحث أ. سعيد وأ.د. هدى من الكلية.", "ناقش البحث أ. سعيد وأ.د. هدى من الكلية."),
    ("9 pronoun ه is not an abbreviation", "شكر الوزير فريقه على ما قدمه له. وقال إن العمل مستمر.", "شكر الوزير فريقه على ما قدمه له.‖وقال إن العمل مستمر."),
    ("9 لا is a word", "هل انتهت الأزمة؟ الجواب لا. فالأسعار ترتفع.", "هل انتهت الأزمة؟‖الجواب لا.‖فالأسعار ترتفع."),
    // §10 English
    ("10 english abbreviations", "Mr. Smith met Dr. Jones at 5 p.m. on Monday. They talked.", "Mr. Smith met Dr. Jones at 5 p.m. on Monday.‖They talked."),
    ("10 initials", "Shares of J. P. Morgan rose. George W. Bush spoke.", "Shares of J. P. Morgan rose.‖George W. Bush spoke."),
    ("10 U.S. at end", "The offensive is backed by the U.S. Local officials said it began.", "The offensive is backed by the U.S.‖Local officials said it began."),
    ("10 U.S. inside", "The U.S. Army said the U.S. economy grew.", "The U.S. Army said the U.S. economy grew."),
    ("10 Inc then Arabic", "The deal was signed by Acme Inc. ونقلت الوكالة الخبر.", "The deal was signed by Acme Inc.‖ونقلت الوكالة الخبر."),
    ("10 gloss inside arabic", "يسمى الصداع التوتري (بالإنجليزية: Tension headache) وهو شائع.", "يسمى الصداع التوتري (بالإنجليزية: Tension headache) وهو شائع."),
    ("10 dotted initials", "The company was bought by J.K. Rowlings Ltd. in London. Then it grew.", "The company was bought by J.K. Rowlings Ltd. in London.‖Then it grew."),
    ("10 a.m. time zone", "The talks start at 9 a.m. GMT on Monday. They end at 5 p.m. Officials agreed.", "The talks start at 9 a.m. GMT on Monday.‖They end at 5 p.m.‖Officials agreed."),
    // §11 addresses
    ("11 url", "يزور الموقع https://www.example.gov.sa/ar/news?id=42 يومياً. ويقرأ الأخبار.", "يزور الموقع https://www.example.gov.sa/ar/news?id=42 يومياً.‖ويقرأ الأخبار."),
    ("11 url final stop", "يزور الموقع https://x.org/a?id=1. ثم يغادر.", "يزور الموقع https://x.org/a?id=1.‖ثم يغادر."),
    ("11 email domain file", "راسلوا info@example.org أو زوروا www.aljazeera.net وحملوا example.com/en/report.pdf اليوم.", "راسلوا info@example.org أو زوروا www.aljazeera.net وحملوا example.com/en/report.pdf اليوم."),
    ("11 domain at end", "الخبر منشور على www.aljazeera.net. وقد قرأه كثيرون.", "الخبر منشور على www.aljazeera.net.‖وقد قرأه كثيرون."),
];

fn expected(s: &str) -> Vec<&str> {
    s.split('‖')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

#[test]
fn guideline_cases() {
    let mut failures = Vec::new();
    for (rule, text, want) in CASES {
        let got: Vec<&str> = segment(text).iter().map(|s| s.span.slice(text)).collect();
        let want = expected(want);
        if got != want {
            failures.push(format!("[{rule}]\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

// §3 hard-wrapped documents (forced and detected layout).
const WRAPPED: &str = "يشكل الإصلاح في العالم العربي أحد أهم محاور المنتدى الاقتصادي العالمي الذي\n\
يتخلى عن نخبويته لأول مرة ليرتكز في حواراته على استطلاعات رأي تخاطب نبض\n\
الشارع العربي من محيطه إلى خليجه وقد تم تحديد الأولويات بدقة كبيرة في\n\
المرحلة الحالية\n \
كما تم تقسيم المشاركين إلى مجموعات عمل تتناول الاقتصاد والتعليم والإعلام\n\
والقضاء وتترسخ مبادئ تكافؤ الفرص بفضله\n\
لقد عزز الملك اتجاهات الإصلاح والتحديث بإشراف مباشر ومتابعة حثيثة عبر برنامج\n\
تنفيذي واضح والنتائج قادمة لا ريب ،\n \
فالإصلاحات التي ستأخذ نهجاً مؤسسياً ستجعل البلد نموذجاً يحتذى في المنطقة.\n\
وتناولت الدراسة أسباب الموت المبكر لدى المرضى في المناطق الريفية والنائية ونتائج\n \
death وتفسخ الخلايا كما وجدت الدراسة أن متوسط الأسرة في الريف يبلغ نحو\n\
5.7 أشخاص وهو رقم مرتفع.";

#[test]
fn wrapped_document() {
    assert_eq!(detect_layout(WRAPPED), Layout::Wrapped);
    let got: Vec<String> = segment(WRAPPED)
        .iter()
        .map(|s| {
            s.span
                .slice(WRAPPED)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    assert_eq!(got.len(), 4, "{got:#?}");
    assert!(got[0].ends_with("المرحلة الحالية"));
    assert!(got[1].starts_with("كما تم") && got[1].ends_with("بفضله"));
    assert!(got[2].starts_with("لقد عزز") && got[2].ends_with("في المنطقة."));
    assert!(got[3].contains("ونتائج death وتفسخ"));
    assert!(got[3].contains("نحو 5.7 أشخاص"));
}

#[test]
fn wrapped_headline_is_one_unit_and_lpp_is_not_wrapped() {
    let t = "وزير الخارجية يبحث مع نظيره الفرنسي\nتطورات الأزمة في لبنان\n\nبحث وزير الخارجية مع نظيره الفرنسي اليوم تطورات الأزمة في لبنان وسبل\nالخروج منها في ظل الظروف الإقليمية الراهنة التي تمر بها المنطقة كلها وأكد\nالوزيران أهمية التنسيق بين البلدين في المرحلة المقبلة لمواجهة التحديات.";
    assert_eq!(detect_layout(t), Layout::Wrapped);
    let s = segment(t);
    assert_eq!(
        s.len(),
        2,
        "{:?}",
        s.iter().map(|s| s.span.slice(t)).collect::<Vec<_>>()
    );
    let lpp = "عنوان الخبر\nهذه فقرة أولى كاملة تنتهي بنقطة.\nوهذه فقرة ثانية.";
    assert_eq!(detect_layout(lpp), Layout::LinePerParagraph);
    // Forced layouts.
    let two = "سطر أول لا ينتهي بعلامة\nويتابع هنا.";
    let w = Segmenter::default().with_layout(Layout::Wrapped);
    let l = Segmenter::default().with_layout(Layout::LinePerParagraph);
    assert_eq!(w.segment(two).len(), 1);
    assert_eq!(l.segment(two).len(), 2);
}

#[test]
fn wrapped_initials_continue_over_line_break() {
    let t = "وزعت الوزارة المنح الدراسية على الطلاب في محافظة أ. ب ومراكز أ.\nب في الشمال.";
    let w = Segmenter::default().with_layout(Layout::Wrapped);
    assert_eq!(w.segment(t).len(), 1);
}

#[test]
fn title_and_subtitle_are_two_units() {
    let t = "هدنة في الرقة\nقوات سوريا الديمقراطية تعلن وقف إطلاق النار\n\nأعلنت القوات هدنة.";
    assert_eq!(segment(t).len(), 3);
    let t = "وزير الخارجية يبحث مع نظيره الفرنسي\nتطورات الأزمة في لبنان\nبحث الوزير الأزمة.";
    assert_eq!(segment(t).len(), 2);
    // Repeated title lines are separate units.
    let t = "عنوان مكرر للخبر\nعنوان مكرر للخبر\nنص.";
    assert_eq!(segment(t).len(), 3);
}

#[test]
fn english_caption_is_tagged_en() {
    let t = "عنوان المقال\n\nFighters parade in Raqqa province. The group posted pictures online on Sunday of\nقافلة في شوارع الرقة (رويترز)\nنص المقال يبدأ هنا.";
    let s = segment(t);
    assert_eq!(s.len(), 5);
    assert_eq!(s[1].lang, Lang::En);
    assert_eq!(s[2].lang, Lang::En);
    assert_eq!(s[1].kind, SentenceKind::Caption);
    assert_eq!(s[3].lang, Lang::Ar);
    assert_eq!(s[3].kind, SentenceKind::Caption);
    assert_eq!(s[0].kind, SentenceKind::Title);
    assert_eq!(s[4].kind, SentenceKind::Body);
}

#[test]
fn custom_abbreviations() {
    let t = "Prices rose acc. The report said so.";
    assert_eq!(Segmenter::default().segment(t).len(), 2);
    let s = Segmenter::default().with_abbreviation("acc", khulasa::segment::AbbrevClass::Title);
    assert_eq!(s.segment(t).len(), 1);
    let none = Segmenter::without_abbreviations();
    assert_eq!(none.segment("Mr. Smith left.").len(), 2);
    assert_eq!(Segmenter::default().segment("Mr. Smith left.").len(), 1);
}

// §3 hard-wrapped text: a line that a relative pronoun or a detached `بـ`
// continues is not a paragraph end; spaced list numbers `1 - …` start items.
#[test]
fn wrapped_continuations_and_spaced_list_numbers() {
    let w = Segmenter::default().with_layout(Layout::Wrapped);
    let t = "تناول التقرير الطويل أوضاع المزارعين في المناطق الجبلية البعيدة عن المدن، وتحدث\nعن المشكلة\nالتي يواجهها صغار المزارعين كل موسم بسبب ارتفاع أسعار الأسمدة.";
    assert_eq!(w.segment(t).len(), 1, "{:?}", w.segment(t));
    let t = "تعاني كثير من الأسر في الأحياء القديمة من انقطاع المياه لساعات طويلة، وتلجأ\nإلى ما يعرف\nبـ (الصهاريج الخاصة) التي ترفع كلفة المعيشة على السكان.";
    assert_eq!(w.segment(t).len(), 1);
    let t = "وأوصت اللجنة في تقريرها النهائي بعدد من الإجراءات العاجلة في المدارس:\n1 - صيانة المباني القديمة\n2 - توفير الكتب قبل بدء العام\n3 - تدريب المعلمين الجدد";
    let got: Vec<&str> = w.segment(t).iter().map(|s| s.span.slice(t)).collect();
    assert_eq!(
        got,
        [
            "وأوصت اللجنة في تقريرها النهائي بعدد من الإجراءات العاجلة في المدارس:",
            "1 - صيانة المباني القديمة",
            "2 - توفير الكتب قبل بدء العام",
            "3 - تدريب المعلمين الجدد"
        ]
    );
}

// §3 the headline rules do not change for two-line headlines: a first line
// ending in a function word still goes on in a short second line.
#[test]
fn headline_wrapped_after_function_word() {
    let t = "الوزير يبحث التعاون مع\nالجانب الفرنسي\n\nبحث الوزير التعاون.";
    assert_eq!(segment(t).len(), 2);
    // A headline `"…".. …` keeps its current reading (one unit).
    let t = "الفريق \"الأفضل\".. هل يحسم اللقب\n\nيلعب الفريق مباراته الأخيرة غداً.";
    assert_eq!(segment(t).len(), 2);
}
