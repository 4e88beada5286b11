#!/usr/bin/env python3
"""Builds glossaries/countries.tsv, cities.tsv and calendar.tsv (stdlib only).

Reads the bilingual tables in ../shared/data/glossary-sources (next to the
repository, or two levels up from a worktree; override with GLOSSARY_SOURCES=DIR):
  cldr_territories_ar_en.tsv, cldr_tz_exemplar_cities_ar_en.tsv,
  cldr_months_weekdays_ar_en.tsv   (CLDR 48.2, Unicode License v3)
  geonames_cities_SY_IQ_ar.tsv     (GeoNames, CC BY 4.0)
and combines them with the hand-made choices below (which rows to keep,
English news spellings, extra spellings, notes, hand-curated additions marked
source=khulasa). The output is committed; rerun after changing this script and
then run scripts/check_glossary_data.py.
"""
import csv
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check_glossary_data import norm  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def _default_src():
    for up in ("..", os.path.join("..", "..")):
        d = os.path.join(ROOT, up, "shared", "data", "glossary-sources")
        if os.path.isdir(d):
            return d
    return os.path.join(ROOT, "..", "shared", "data", "glossary-sources")


SRC = os.environ.get("GLOSSARY_SOURCES") or _default_src()
OUT = os.path.join(ROOT, "glossaries")
HEADER = ["ar", "en", "variants", "type", "note", "source"]
CLDR = "cldr-48.2"
GEO = "geonames"
OWN = "khulasa"


def read_tsv(name):
    with open(os.path.join(SRC, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def row(ar, en, variants=(), typ="place", note="", source=CLDR):
    seen, vs = {norm(ar)}, []
    for v in variants:
        v = v.strip()
        if v and norm(v) not in seen:  # one spelling per normalized form
            seen.add(norm(v))
            vs.append(v)
    return [ar.strip(), en.strip(), "|".join(vs), typ, note.strip(), source]


def write(name, rows):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\t".join(HEADER) + "\n")
        for r in rows:
            for c in r:
                if "\t" in c or "\n" in c:
                    sys.exit(f"{name}: bad field {c!r}")
            f.write("\t".join(r) + "\n")
    print(f"{name}: {len(rows)} rows")


def parse(block):
    """Tab-separated hand tables: lines of fields, '#' comments."""
    out = []
    for line in block.strip("\n").split("\n"):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out.append([c.strip() for c in line.split("\t")])
    return out


# ---------------------------------------------------------------- countries
# Codes that are not places people write about, or that belong elsewhere:
# 001 "العالم" is the ordinary word for "the world"; UN and EU are
# organizations (actors.tsv).
SKIP_TERRITORIES = {"001", "QO", "ZZ", "XA", "XB", "UN", "EU"}

# code -> overrides: ar (canonical), en, variants (added to CLDR alternates), note
TERRITORY = {
    "US": dict(variants=["الولايات المتحدة الأمريكية", "الولايات المتحدة الأميركية",
                         "أميركا", "أمريكا"],
               note="also written أمريكا/أميركا"),
    "GB": dict(variants=["بريطانيا", "بريطانيا العظمى"]),
    "SA": dict(variants=["السعودية"]),
    "AE": dict(variants=["الإمارات", "دولة الإمارات"]),
    "SY": dict(variants=["سورية", "الجمهورية العربية السورية"],
               note="سورية is also the feminine adjective 'Syrian' (e.g. ليرة سورية)"),
    "RU": dict(variants=["روسيا الاتحادية"]),
    "IR": dict(variants=["جمهورية إيران الإسلامية"]),
    "IQ": dict(variants=["جمهورية العراق"]),
    "TR": dict(en="Turkey", note="CLDR English: Türkiye"),
    "EG": dict(variants=["جمهورية مصر العربية"]),
    "DK": dict(variants=["الدنمارك"]),
    "HU": dict(variants=["المجر"]),
    "BY": dict(variants=["روسيا البيضاء"]),
    "MD": dict(variants=["مولدافيا"]),
    "MK": dict(variants=["مقدونيا"]),
    "CZ": dict(variants=["تشيكيا"]),
    "KG": dict(variants=["قرغيزستان"]),
    "NZ": dict(variants=["نيوزلندا"]),
    "BD": dict(variants=["بنجلاديش"]),
    "AQ": dict(variants=["القارة القطبية الجنوبية"]),
    "BA": dict(variants=["البوسنة"]),
    "CD": dict(ar="جمهورية الكونغو الديمقراطية", en="DR Congo",
               variants=["الكونغو الديمقراطية", "الكونغو - كينشاسا", "الكونغو كينشاسا"]),
    "CG": dict(ar="جمهورية الكونغو", en="Republic of the Congo",
               variants=["الكونغو - برازافيل", "الكونغو برازافيل"]),
    "CI": dict(en="Ivory Coast (Côte d’Ivoire)"),
    "SZ": dict(en="Eswatini (Swaziland)"),
    "TL": dict(ar="تيمور الشرقية", en="Timor-Leste (East Timor)",
               variants=["تيمور - ليشتي", "تيمور ليشتي"]),
    "MM": dict(ar="ميانمار", en="Myanmar", variants=["ميانمار (بورما)", "بورما"]),
    "HK": dict(ar="هونغ كونغ", en="Hong Kong", variants=["هونغ كونغ الصينية (منطقة إدارية خاصة)"]),
    "MO": dict(ar="ماكاو", en="Macao", variants=["مكاو", "منطقة ماكاو الإدارية الخاصة"]),
    "CC": dict(ar="جزر كوكوس", en="Cocos (Keeling) Islands", variants=["جزر كوكوس (كيلينغ)"]),
    "FK": dict(variants=["جزر مالفيناس"], drop=["جزر فوكلاند - جزر مالفيناس"]),
    "OM": dict(variants=["سلطنة عمان"],
               note="unvocalized عمان is also Amman (عمّان), Jordan's capital: check context"),
    "ML": dict(ar="جمهورية مالي", variants=["دولة مالي"], drop=["مالي"],
               note="bare مالي also means 'financial' and is not listed"),
    "BJ": dict(ar="جمهورية بنين", variants=["دولة بنين"], drop=["بنين"],
               note="bare بنين also means 'boys/sons' and is not listed"),
    "MA": dict(variants=["المملكة المغربية"],
               note="المغرب also means the Maghreb and the sunset prayer"),
    "DZ": dict(note="also the capital, Algiers"),
    "TN": dict(note="also the capital, Tunis"),
    "KW": dict(note="also the capital, Kuwait City"),
    "DJ": dict(note="also the capital, Djibouti City"),
    "PA": dict(note="also the capital, Panama City"),
    "GE": dict(note="also the US state of Georgia"),
    "JO": dict(variants=["المملكة الأردنية الهاشمية"]),
    "LY": dict(),
    "QA": dict(note="قطر also means 'diameter' and 'region, country'"),
    "PS": dict(),
}
# Regions written about in the news, not in the CLDR table (hand-curated).
EXTRA_REGIONS = parse("""
الشرق الأوسط	Middle East	منطقة الشرق الأوسط	also the name of the daily Asharq Al-Awsat
الخليج العربي	the Gulf (Arabian Gulf)		Iranian and most English usage: Persian Gulf (الخليج الفارسي)
الخليج الفارسي	Persian Gulf
منطقة الخليج	Gulf region	دول الخليج	
شبه الجزيرة العربية	Arabian Peninsula	الجزيرة العربية
بلاد الشام	the Levant	الشام	الشام is also a name for Damascus
المشرق العربي	the Arab Mashriq	المشرق
المغرب العربي	the Maghreb	دول المغرب العربي
شمال أفريقيا والشرق الأوسط	Middle East and North Africa (MENA)
القوقاز	Caucasus	منطقة القوقاز
البلقان	the Balkans	دول البلقان
آسيا الوسطى	Central Asia
البحر الأبيض المتوسط	Mediterranean Sea	البحر المتوسط
البحر الأحمر	Red Sea
البحر الأسود	Black Sea
بحر قزوين	Caspian Sea
مضيق هرمز	Strait of Hormuz
قناة السويس	Suez Canal
نهر الفرات	Euphrates River	الفرات
نهر دجلة	Tigris River	دجلة
شرق الفرات	east of the Euphrates	منطقة شرق الفرات	SDF-held area of north-east Syria
غرب الفرات	west of the Euphrates
هضبة الجولان	Golan Heights	الجولان|مرتفعات الجولان|الجولان المحتل
قطاع غزة	Gaza Strip
الضفة الغربية	West Bank
شبه جزيرة سيناء	Sinai Peninsula	سيناء
إقليم كردستان	Kurdistan Region (Iraq)	كردستان العراق|إقليم كردستان العراق
كردستان	Kurdistan
""")


def countries():
    out = []
    for t in read_tsv("cldr_territories_ar_en.tsv"):
        code = t["code"]
        if code in SKIP_TERRITORIES:
            continue
        o = TERRITORY.get(code, {})
        ar, en = o.get("ar", t["ar"]), o.get("en", t["en"])
        variants = []
        notes = []
        en_alt = t.get("en_alts") or ""
        ar_alt = t.get("ar_alts") or ""
        alt_ar = ar_alt.split(":", 1)[1] if ":" in ar_alt else ""
        alt_en = en_alt.split(":", 1)[1] if ":" in en_alt else ""
        if ar != t["ar"] and t["ar"] not in o.get("drop", []):
            variants.append(t["ar"])
        # PS: CLDR short form فلسطين becomes its own entry (different English)
        if code == "PS":
            out.append(row(alt_ar, alt_en, note="CLDR short form of Palestinian Territories; Arab League member"))
            alt_ar = ""
        if alt_ar and alt_ar != ar and alt_ar not in o.get("drop", []):
            variants.append(alt_ar)
        variants += o.get("variants", [])
        if alt_en and alt_en != en:
            notes.append(f"English also: {alt_en}")
        if code == "TR":
            notes = []
        if o.get("note"):
            notes.append(o["note"])
        if t.get("group") == "arab_league":
            notes.append("Arab League member")
        if code.isdigit() and ("أمريكا" in ar or "الأمريكتان" in ar):
            variants.append(ar.replace("أمريكا", "أميركا").replace("الأمريكتان", "الأميركتان"))
        if code == "002":
            variants.append("إفريقيا")
        out.append(row(ar, en, variants, "place", "; ".join(notes), CLDR))
    for f in EXTRA_REGIONS:
        f += [""] * (4 - len(f))
        ar, en, var, note = f[:4]
        out.append(row(ar, en, var.split("|"), "place", note, OWN))
    return out


# ------------------------------------------------------------------- cities
# CLDR exemplar cities kept (zone -> English news spelling or "" for CLDR's,
# extra Arabic spellings, note). Cities whose Arabic name is the country's
# name (الكويت, تونس, الجزائر, جيبوتي…) are left to countries.tsv.
TZ_CITIES = parse("""
Africa/Cairo	Cairo
Africa/Casablanca	Casablanca
Africa/Khartoum	Khartoum
Africa/Tripoli	Tripoli		طرابلس الغرب	Tripoli in Libya; Tripoli in Lebanon is also طرابلس
Africa/Addis_Ababa	Addis Ababa
Africa/Nairobi	Nairobi
Africa/Mogadishu	Mogadishu		مقديشو
Africa/Nouakchott	Nouakchott
Africa/Juba	Juba
Africa/Lagos	Lagos
Africa/Johannesburg	Johannesburg
Africa/El_Aaiun	Laayoune
Asia/Aden	Aden
Asia/Beirut	Beirut
Asia/Dubai	Dubai
Asia/Gaza	Gaza	غزة	مدينة غزة
Asia/Jerusalem	Jerusalem		القدس المحتلة|القدس الشرقية
Asia/Hebron	Hebron	الخليل	هيبرون	CLDR: هيبرون (مدينة الخليل); الخليل is also a name (إبراهيم الخليل)
Asia/Kabul	Kabul
Asia/Karachi	Karachi
Asia/Muscat	Muscat
Asia/Riyadh	Riyadh			الرياض also means 'gardens'
Asia/Tehran	Tehran
Asia/Baku	Baku
Asia/Yerevan	Yerevan
Asia/Tbilisi	Tbilisi
Asia/Nicosia	Nicosia
Asia/Tashkent	Tashkent
Asia/Dushanbe	Dushanbe
Asia/Ashgabat	Ashgabat
Asia/Almaty	Almaty
Asia/Bishkek	Bishkek
Asia/Tokyo	Tokyo
Asia/Shanghai	Shanghai
Asia/Seoul	Seoul
Asia/Pyongyang	Pyongyang		بيونغيانغ
Asia/Manila	Manila
Asia/Jakarta	Jakarta
Asia/Kuala_Lumpur	Kuala Lumpur
Asia/Bangkok	Bangkok
Asia/Dhaka	Dhaka
Asia/Calcutta	Kolkata		كولكاتا
Asia/Taipei	Taipei
Europe/Istanbul	Istanbul
Europe/Moscow	Moscow
Europe/London	London
Europe/Paris	Paris
Europe/Berlin	Berlin
Europe/Rome	Rome
Europe/Madrid	Madrid
Europe/Brussels	Brussels
Europe/Vienna	Vienna
Europe/Amsterdam	Amsterdam
Europe/Athens	Athens
Europe/Warsaw	Warsaw
Europe/Kiev	Kyiv (Kiev)
Europe/Minsk	Minsk
Europe/Stockholm	Stockholm
Europe/Oslo	Oslo
Europe/Copenhagen	Copenhagen
Europe/Helsinki	Helsinki
Europe/Dublin	Dublin
Europe/Lisbon	Lisbon
Europe/Prague	Prague
Europe/Budapest	Budapest
Europe/Bucharest	Bucharest
Europe/Sofia	Sofia			صوفيا is also a given name
Europe/Belgrade	Belgrade
Europe/Sarajevo	Sarajevo
Europe/Zagreb	Zagreb
Europe/Tirane	Tirana
Europe/Zurich	Zurich
Europe/Volgograd	Volgograd		فولغوغراد
Europe/Simferopol	Simferopol
America/New_York	New York
America/Los_Angeles	Los Angeles	لوس أنجلوس
America/Chicago	Chicago
America/Mexico_City	Mexico City
America/Havana	Havana
America/Caracas	Caracas
America/Bogota	Bogotá
America/Buenos_Aires	Buenos Aires
America/Sao_Paulo	São Paulo
America/Toronto	Toronto
America/Vancouver	Vancouver
Australia/Sydney	Sydney
Australia/Melbourne	Melbourne
""")

# GeoNames rows kept: geonameid, English news spelling, canonical Arabic (must
# be one of the GeoNames alternates), variants (GeoNames alternates kept and
# spellings added by hand), note. Alternates that are ordinary words or other
# places (رقه, الثورة for Tabqa, موصل, د مشق …) are dropped; towns whose name is
# a common word (الباب, حديثة, عنة, الدور, السلمية, الحي, بلد, كسب …) are left out
# or listed only with a disambiguating head word.
GEONAMES = parse("""
98182	Baghdad	بغداد
99072	Mosul	الموصل
95446	Erbil	أربيل	هولير
99532	Basra	البصرة
94824	Karbala	كربلاء	كربلاء المقدسة
7802746	Sadr City	مدينة الصدر
94787	Kirkuk	كركوك
100077	Abu Ghraib	أبو غريب
98463	Sulaymaniyah	السليمانية
98854	Nasiriyah	الناصرية
98860	Najaf	النجف	النجف الأشرف
99347	Hillah	الحلة		الحلة also means 'the garment'
99100	Mahmudiyah	المحمودية
96994	Duhok	دهوك
99762	Diwaniyah	الديوانية
99131	Kut	الكوت
95005	Kalar	كلار
98717	Ramadi	الرمادي		الرمادي also means 'grey'
99454	Fallujah	الفلوجة
98622	Shatra	الشطرة
94591	Khanaqin	خانقين
97783	Baiji	بيجي
91057	Shirqat	الشرقاط
91597	Samarra	سامراء
99062	Muqdadiyah	المقدادية
98530	Samawah	السماوة	
97990	Baqubah	بعقوبة
92615	Qaladiza	قلعة دزة	قلادزي
98993	Qurna	القرنة
90026	Tuz Khurmatu	طوز خورماتو	طوزخورماتو|توز خورماتو
99135	Kufa	الكوفة
89824	Umm Qasr	أم قصر
99446	Faw	الفاو
99039	Musayyib	المسيب
89570	Zakho	زاخو
96961	Soran	سوران
92138	Al-Qaim	القائم	مركز قضاء القائم|قضاء القائم	القائم also means 'existing' (الوضع القائم = status quo, القائم بالأعمال = chargé d'affaires)
96205	Halabja	حلبجة
90150	Tikrit	تكريت
448149	Sinjar	سنجار		Sinjar in Iraq (there is also a village Sinjar in Idlib)
95788	Hit	هيت
92004	Rawa	راوة
98677	Rutba	الرطبة		الرطبة also means 'humid'
90393	Tal Afar	تلعفر	تل عفر
93818	Makhmur	مخمور	مخيم مخمور	مخمور also means 'drunk'
99003	Qayyarah	القيارة
99524	Baaj	البعاج
390188	Hawija	الحويجة	قضاء الحويجة
90220	Daquq	داقوق
98304	Ankawa	عينكاوة
90353	Tel Keppe	تلكيف
97890	Bartella	برطلة
92430	Hamdaniya (Qaraqosh)	قضاء الحمدانية	الحمدانية|قره قوش|قرقوش|بغديدا
98822	Akre	عقرة
92002	Rawanduz	راوندوز	رواندز
90831	Ain al-Tamr	عين التمر	عين تمر
98403	Tarmiyah	الطارمية
99611	Amadiya	العمادية
100050	Abu al-Khasib	أبو الخصيب	أبي الخصيب
384945	Darbandikhan	دربندخان	دربنديخان
93709	Mandali	مندلي
98109	Baladrooz	بلدروز
97417	Chamchamal	جمجمال
94220	Koya	كويسنجق	كوية
91083	Shaqlawa	شقلاوة
99560	Al-Awja	العوجة
170063	Aleppo	حلب
170654	Damascus	دمشق
169577	Homs	حمص		حمص also means 'chickpeas'
173576	Latakia	اللاذقية
172955	Raqqa	الرقة
170017	Hama	حماة		حماة also means 'protectors' (حماة الديار)
163345	Tartus	طرطوس
173811	Hasakah	الحسكة
170794	Deir ez-Zor	دير الزور	ديرالزور
173377	Qamishli	القامشلي	القامشلو|قامشلو
169389	Idlib	إدلب
170592	Douma	دوما		also the Russian Duma (الدوما, مجلس الدوما)
169174	Jaramana	جرمانا
167357	Manbij	منبج
170905	Daraa	درعا		درعا is also 'shield' (accusative)
172374	Tabqa	الطبقة	مدينة الطبقة	الطبقة also means 'class, layer'; the town was renamed الثورة under Baath rule
170892	Daraya	داريا
172082	Azaz	أعزاز
169304	Jableh	جبلة
172408	Suwayda	السويداء
174448	Abu Kamal (al-Bukamal)	البو كمال	البوكمال|أبو كمال
173480	Mayadin	الميادين		الميادين also means 'squares, fields' and is the name of a Lebanese TV channel
172946	Rastan	الرستن
163808	Palmyra (Tadmur)	تدمر		تدمر is also a verb form ('destroys')
172256	Kobani (Ayn al-Arab)	عين العرب	كوباني
173193	Nabk	النبك
168325	Khan Shaykhun	خان شيخون
174186	Afrin	عفرين
168661	Kafranbel	كفرنبل	كفر نبل
169372	Arbin	عربين
173322	Qusayr	القصير		القصير also means 'the short one'
162627	Yabroud	يبرود
169023	Jisr al-Shughur	جسر الشغور
171830	Baniyas	بانياس
163779	Talbiseh	تلبيسة
169897	Harasta	حرستا
173334	Quneitra	القنيطرة
164816	Saraqib	سراقب
167046	Masyaf	مصياف
173361	Qaryatayn	القريتين
172059	Zabadani	الزبداني
174506	Hajin	هجين		هجين also means 'hybrid'
165060	Safita	صافيتا
173530	Malikiyah (Derik)	المالكية	ديريك
164328	Sheikh Maskin	الشيخ مسكين	شيخ مسكين
163476	Tal Rifaat	تل رفعت
169179	Jarablus	جرابلس
170044	Halfaya	حلفايا
168629	Kafr Takharim	كفر تخاريم
167375	Maaloula	معلولا
172425	Sukhnah	السخنة		السخنة also means 'hot'
163750	Tal Abyad	تل أبيض
165509	Ras al-Ayn	رأس العين	سري كانيه
172134	Ayn Issa	عين عيسى
172837	Shaddadi	الشدادة	الشدادي
174036	Ashara	العشارة
174030	Atarib	الأتارب
174611	Abu al-Duhur	أبو الظهور	ابو الضهور
383661	Yarubiyah	اليعربية
8419677	al-Hajar al-Aswad	الحجر الأسود	حجر الأسود|حي الحجر الأسود	district south of Damascus; الحجر الأسود is also the Black Stone of the Kaaba
167611	Maarat al-Numan	معرة النعمان
167558	Madaya	مضايا
164717	Saydnaya	صيدنايا
173364	Qardaha	القرداحة
167245	Marea	مارع
168351	Khanasir	خناصر
162284	Muhasan	موحسن	موح حسن
164782	Sarmin	سرمين
163799	Taftanaz	تفتناز
166251	Qudsaya	قدسيا
168713	Kafr Batna	كفر بطنا
170797	Deir Atiyah	دير عطية
172232	Ain al-Fijah	عين الفيجة
166503	Muzayrib	المزيريب
171126	Bosra al-Sham	بصرى الشام		bare بصرى (also 'visual') is not listed
163806	Tafas	طفس
172469	Sanamayn	الصنمين
170959	Dael	داعل
169375	Inkhil	إنخل
164626	Shahba	شهبا
164917	Salkhad	صلخد
171998	Babbila	ببيلا
173312	Qutayfah	القطيفة
168579	Kanaker	كناكر
169113	Jayroud	جيرود
172487	Assal al-Ward	عسال الورد
170785	Deir Hafer	دير حافر
168061	Qabasin	قباسين
173230	Amuda	عامودا	عامودة
170887	Darbasiyah	الدرباسية
163434	Tal Tamr	تل تمر	تل تامر
167208	Markada	مركدة
174407	Abu Qalqal	أبو قلقل
173389	Qadmus	القدموس
166227	Qalaat al-Madiq	قلعة المضيق
169557	Hisyah	حسياء	حسيا
164052	Slinfah	صلنفة
172880	Arwad	أرواد
167444	Majdal Shams	مجدل شمس	مجدل الشمس
166946	Mazraat Beit Jinn	مزرعة بيت جن	بيت جن
174115	Akhtarin	أخترين
164898	Salqin	سلقين
171451	Binnish	بنش
167605	Maarat Misrin	معرة مصرين	معرتمصرين
168620	Kafr Zita	كفر زيتا
168668	Kafr Laha (Houla)	كفر لاها
163533	Tal Kalakh	تلكلخ	تل كلخ
166742	Mhardeh	محردة
166640	Morek	مورك
163921	Suqaylabiyah	السقيلبية
169190	Jandairis	جنديرس
166716	Yarmouk	اليرموك		Palestinian refugee camp and district south of Damascus; also the Yarmouk river/valley
""")

# Hand-curated places (source khulasa): en, ar, variants, note.
OWN_PLACES = parse("""
Washington	واشنطن	واشنطون	often stands for the US government
Geneva	جنيف		venue of the UN-led Syria talks
Astana (Nur-Sultan)	أستانا	آستانا	venue of the Russia/Iran/Turkey-sponsored Syria talks (2017-)
Sochi	سوتشي
Ankara	أنقرة
Beijing	بكين	بيجين
New Delhi	نيودلهي	نيو دلهي
Islamabad	إسلام آباد	اسلام أباد
Doha	الدوحة
Manama	المنامة
Abu Dhabi	أبوظبي	أبو ظبي
Jeddah	جدة		جدة also means 'grandmother'
al-Bab	مدينة الباب	بلدة الباب	town north-east of Aleppo; bare الباب ('the door') is not listed
Mecca	مكة المكرمة	مكة
Medina	المدينة المنورة
Alexandria	الإسكندرية		also a town (Iskandariya) south of Baghdad
Benghazi	بنغازي
Misrata	مصراتة
Sirte	سرت
Derna	درنة
Sanaa	صنعاء
Hodeidah	الحديدة
Taiz	تعز
Marib	مأرب
Ramallah	رام الله
Tel Aviv	تل أبيب
Haifa	حيفا
Sidon	صيدا
Baalbek	بعلبك
Hermel	الهرمل
Arsal	عرسال	جرود عرسال	Lebanese border town
Irbid	إربد
Mafraq	المفرق
Zaatari camp	مخيم الزعتري	الزعتري
Rukban camp	مخيم الركبان	الركبان
al-Hol camp	مخيم الهول		bare الهول ('horror') is not listed
Gaziantep	غازي عنتاب	عنتاب
Sanliurfa (Urfa)	شانلي أورفا	أورفا
Kilis	كيليس		bare كلس ('lime') is not listed
Hatay	هاتاي	لواء إسكندرون	Syrians call the province لواء إسكندرون
Antakya (Antioch)	أنطاكيا
Adana	أضنة
Incirlik Air Base	قاعدة إنجرليك	إنجرليك
Hmeimim Air Base	قاعدة حميميم	حميميم	Russian air base near Latakia
Shayrat Air Base	مطار الشعيرات	قاعدة الشعيرات	الشعيرات
al-Tanf	التنف	قاعدة التنف|معبر التنف	US-led coalition base at the Syria-Iraq-Jordan border
Qandahar	قندهار
Mosul Dam	سد الموصل
Tabqa Dam	سد الطبقة	سد الفرات
Rif Dimashq (Damascus countryside)	ريف دمشق
southern Damascus countryside	ريف دمشق الجنوبي
southern Damascus	جنوب دمشق	جنوبي دمشق|جنوب العاصمة دمشق|جنوبي العاصمة دمشق
Mount Sinjar	جبل سنجار
Eastern Ghouta	الغوطة الشرقية
Western Ghouta	الغوطة الغربية
Ghouta	الغوطة
Qalamoun	القلمون	جبال القلمون
Wadi Barada	وادي بردى
Yarmouk Basin	حوض اليرموك
Yarmouk Valley	وادي اليرموك
Yarmouk camp	مخيم اليرموك
Jabal al-Zawiya	جبل الزاوية
al-Ghab Plain	سهل الغاب
Aleppo countryside	ريف حلب
Idlib countryside	ريف إدلب
Homs countryside	ريف حمص
southern Homs countryside	ريف حمص الجنوبي
Hama countryside	ريف حماة
Raqqa countryside	ريف الرقة
Deir ez-Zor countryside	ريف دير الزور
Daraa countryside	ريف درعا
Latakia countryside	ريف اللاذقية
eastern Syria	شرق سوريا	شرق سورية|شرقي سوريا
northern Syria	شمال سوريا	شمال سورية|شمالي سوريا
north-east Syria	شمال شرق سوريا	شمال شرقي سوريا
southern Syria	جنوب سوريا	جنوب سورية|جنوبي سوريا
western Iraq	غرب العراق	غربي العراق
northern Iraq	شمال العراق	شمالي العراق
Syrian Badia (desert)	البادية السورية	بادية الشام
Jazira region (north-east Syria)	الجزيرة السورية	منطقة الجزيرة
Anbar	الأنبار	محافظة الأنبار
Nineveh	نينوى	محافظة نينوى
Salahuddin	محافظة صلاح الدين		bare صلاح الدين is a personal name and is not listed
Diyala	ديالى	محافظة ديالى
Raqqa province	محافظة الرقة
Deir ez-Zor province	محافظة دير الزور
Idlib province	محافظة إدلب
Aleppo province	محافظة حلب
Homs province	محافظة حمص
Daraa province	محافظة درعا
Hasakah province	محافظة الحسكة
Quneitra province	محافظة القنيطرة
al-Tadamon (Damascus district)	حي التضامن		bare التضامن ('solidarity') is not listed
al-Asali (Damascus district)	العسالي	حي العسالي|حاجز العسالي
al-Midan (Damascus district)	حي الميدان	الميدان الدمشقي
al-Shajara (Daraa countryside)	قرية الشجرة	بلدة الشجرة	bare الشجرة ('the tree') is not listed
al-Muhayni hospital (Damascus)	مشفى المهايني	مستشفى المهايني
Old City of Aleppo	حلب القديمة
Ain al-Asad Air Base	قاعدة عين الأسد	عين الأسد
Saydnaya prison	سجن صيدنايا		military prison north of Damascus
Nineveh Plains	سهل نينوى
Kuwait City	مدينة الكويت
Tunis	العاصمة التونسية
""")


def cities():
    out = []
    tz = {r["zone"]: r for r in read_tsv("cldr_tz_exemplar_cities_ar_en.tsv")}
    for f in TZ_CITIES:
        f += [""] * (5 - len(f))
        zone, en, ar, var, note = f[:5]
        src = tz.get(zone)
        if src is None:
            sys.exit(f"zone {zone} not in CLDR table")
        cldr_ar = src["ar"]
        ar = ar or cldr_ar
        # CLDR's "هيبرون (مدينة الخليل)" is a gloss, not a spelling
        variants = ([cldr_ar] if cldr_ar != ar and "(" not in cldr_ar else []) + var.split("|")
        out.append(row(ar, en or src["en"], variants, "place", note, CLDR))
    geo = {r["geonameid"]: r for r in read_tsv("geonames_cities_SY_IQ_ar.tsv")}
    for f in GEONAMES:
        f += [""] * (5 - len(f))
        gid, en, ar, var, note = f[:5]
        src = geo.get(gid)
        if src is None:
            sys.exit(f"geonameid {gid} not in GeoNames table")
        alts = [a.strip() for a in src["ar_alternates"].split("|")]
        if norm(ar) not in {norm(a) for a in alts}:
            sys.exit(f"geonameid {gid}: {ar} not among GeoNames alternates {alts}")
        country = {"SY": "Syria", "IQ": "Iraq"}[src["country"]]
        n = f"{country}; GeoNames {gid}"
        if note:
            n += "; " + note
        out.append(row(ar, en, var.split("|"), "place", n, GEO))
    for f in OWN_PLACES:
        f += [""] * (4 - len(f))
        en, ar, var, note = f[:4]
        out.append(row(ar, en, var.split("|"), "place", note, OWN))
    return out


# ----------------------------------------------------------------- calendar
# Arabic forms that are also ordinary words are listed with a head word
# (شهر صفر) or only inside longer forms (آب → أغسطس/آب, شهر آب).
CAL_AR_OVERRIDE = {
    ("islamic", "1"): ("شهر محرم", ["محرم الحرام"], "bare محرم also means 'forbidden'"),
    ("islamic", "2"): ("شهر صفر", [], "bare صفر also means 'zero'"),
    ("islamic", "7"): ("شهر رجب", ["رجب الفرد"], "bare رجب is also a given name (e.g. Recep)"),
    ("islamic", "8"): ("شهر شعبان", [], "bare شعبان is also a given name"),
}
CAL_EXTRA_VARIANTS = {
    "ربيع الآخر": ["ربيع الثاني"],
    "جمادى الآخرة": ["جمادى الثانية", "جمادى الأخرة"],
    "ذو القعدة": ["ذي القعدة"],
    "ذو الحجة": ["ذي الحجة"],
    "الاثنين": ["الإثنين"],
    "رمضان": ["شهر رمضان"],
}
CAL_EN = {"Rabiʻ I": "Rabi al-Awwal (Rabiʻ I)", "Rabiʻ II": "Rabi al-Thani (Rabiʻ II)",
          "Jumada I": "Jumada al-Ula (Jumada I)", "Jumada II": "Jumada al-Akhira (Jumada II)",
          "Shaʻban": "Shaban", "Dhuʻl-Qiʻdah": "Dhu al-Qadah", "Dhuʻl-Hijjah": "Dhu al-Hijjah"}
REGION = {"ar": "MSA/Egypt/Gulf", "ar-SY": "Levant/Iraq", "ar-MA": "Morocco",
          "ar-DZ": "Algeria", "ar-TN": "Tunisia"}
# Levantine name -> MSA name, for the double forms news sites print
# (أغسطس/آب, "منتصف أكتوبر/تشرين الأول").
WEEKDAY_NOTE = {"الاثنين": "الاثنين also means 'the two'", "الأحد": "",
                "الجمعة": "also Friday prayers / the congregation"}


def calendar():
    rows = read_tsv("cldr_months_weekdays_ar_en.tsv")
    msa = {r["index"]: r["ar"] for r in rows if r["calendar"] == "gregorian" and r["locale"] == "ar"}
    by_form = {}  # ar -> [en, regions, calendar, index]
    order = []
    for r in rows:
        key = (r["calendar"], r["index"])
        ar = r["ar"]
        if key in CAL_AR_OVERRIDE:
            ar = CAL_AR_OVERRIDE[key][0]
        if ar not in by_form:
            by_form[ar] = [r["en"], [], r["calendar"], r["index"]]
            order.append(ar)
        elif by_form[ar][0] != r["en"]:
            sys.exit(f"{ar}: conflicting English {by_form[ar][0]} / {r['en']}")
        if r["calendar"] == "gregorian":
            by_form[ar][1].append(REGION.get(r["locale"], r["locale"]))
    out = []
    for ar in order:
        en, regions, cal, idx = by_form[ar]
        variants, note = [], ""
        if cal == "gregorian":
            note = "Gregorian month (" + ", ".join(dict.fromkeys(regions)) + ")"
            if "Levant/Iraq" in regions:
                m = msa[idx]
                variants.append(f"شهر {ar}")
                variants.append(f"{m}/{ar}")
                variants.append(f"{m} / {ar}")
        elif cal == "islamic":
            note = "Hijri month"
            key = (cal, idx)
            if key in CAL_AR_OVERRIDE:
                variants += CAL_AR_OVERRIDE[key][1]
                note += "; " + CAL_AR_OVERRIDE[key][2]
            en = CAL_EN.get(en, en)
        else:
            note = "weekday"
            if WEEKDAY_NOTE.get(ar):
                note += "; " + WEEKDAY_NOTE[ar]
        variants += CAL_EXTRA_VARIANTS.get(ar, [])
        if ar == "آب":
            # bare آب folds to اب ('father'; باب = 'door' with the ب clitic):
            # only the long forms are listed.
            ar, variants = "شهر آب", [v for v in variants if v != "شهر آب"]
            note += "; bare آب is not listed (folds to أب 'father', and ب+آب = باب 'door')"
        if ar == "مارس":
            note += "; مارس is also the verb 'practised'"
        out.append(row(ar, en, variants, "date", note, CLDR))
    return out


def main():
    write("countries.tsv", countries())
    write("cities.tsv", cities())
    write("calendar.tsv", calendar())


if __name__ == "__main__":
    main()
