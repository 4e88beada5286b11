//! A small rule-based Arabic → Latin romanization for suggested English
//! forms of names. It is a suggestion for a translator to correct, not a
//! standard transliteration.
//!
//! Rules, per word:
//! - the article ال at the start of a word of more than three letters is
//!   written `al-` (no sun-letter assimilation);
//! - consonants: ب b, ت t, ث th, ج j, ح h, خ kh, د d, ذ dh, ر r, ز z, س s,
//!   ش sh, ص s, ض d, ط t, ظ z, ع ', غ gh, ف f, ق q,
//!   ك k, ل l, م m, ن n, ه h, ء ؤ ئ '; word-initially ع and ء are written
//!   `a` (علي Ali, عبد Abd), or nothing before a long vowel; Persian/Urdu
//!   letters پ p, چ ch, ژ zh, گ g, ڤ v;
//! - vowels: ا a, أ a, إ i, آ a, ى a, ة a (word-final); و and ي are `w`/`y`
//!   at the start of a word or next to a vowel, otherwise `u`/`i`;
//!   written harakat are used (fatha a, kasra i, damma u, shadda doubles);
//! - unvowelled text: `a` is inserted after a word's first consonant when a
//!   consonant follows (no Arabic word begins with two consonants); other
//!   short vowels are not guessed;
//! - each word is capitalized (`al-Raqa`; دمشق comes out `Damshq`, not
//!   `Dimashq`: check every suggestion).

/// The Latin value of a consonant, or `None` for vowels and other letters.
fn consonant(c: char) -> Option<&'static str> {
    Some(match c {
        'ب' => "b",
        'ت' => "t",
        'ث' => "th",
        'ج' => "j",
        'ح' => "h",
        'خ' => "kh",
        'د' => "d",
        'ذ' => "dh",
        'ر' => "r",
        'ز' => "z",
        'س' => "s",
        'ش' => "sh",
        'ص' => "s",
        'ض' => "d",
        'ط' => "t",
        'ظ' => "z",
        'ع' => "'",
        'غ' => "gh",
        'ف' => "f",
        'ق' => "q",
        'ك' | 'ک' => "k",
        'ل' => "l",
        'م' => "m",
        'ن' => "n",
        'ه' => "h",
        'ء' | 'ؤ' | 'ئ' => "'",
        'پ' => "p",
        'چ' => "ch",
        'ژ' => "zh",
        'گ' => "g",
        'ڤ' => "v",
        _ => return None,
    })
}

fn long_vowel(c: char) -> Option<&'static str> {
    Some(match c {
        'ا' | 'أ' | 'ٱ' | 'ى' => "a",
        'إ' => "i",
        'آ' => "a",
        _ => return None,
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Cons,
    Vowel,
}

/// Romanizes Arabic text word by word; non-Arabic characters pass through
/// (see the module documentation for the rules).
///
/// ```
/// use khulasa::glossary::romanize;
/// assert_eq!(romanize("بغداد"), "Baghdad");
/// assert_eq!(romanize("الرقة"), "al-Raqa");
/// assert_eq!(romanize("سوريا"), "Surya");
/// ```
pub fn romanize(ar: &str) -> String {
    let mut out = String::with_capacity(ar.len());
    let mut word: Vec<char> = Vec::new();
    for c in ar.chars() {
        if crate::lang::is_arabic_letter(c) || is_mark(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{0652}' | '\u{0640}')
}

fn flush(word: &mut Vec<char>, out: &mut String) {
    if word.is_empty() {
        return;
    }
    let w = std::mem::take(word);
    out.push_str(&romanize_word(&w));
}

fn romanize_word(w: &[char]) -> String {
    // Letters with their following harakat.
    let mut letters: Vec<(char, Vec<char>)> = Vec::new();
    for &c in w {
        if is_mark(c) {
            if let Some(last) = letters.last_mut() {
                last.1.push(c);
            }
        } else {
            letters.push((c, Vec::new()));
        }
    }
    let mut out = String::new();
    let mut start = 0;
    let is_article = letters.len() > 3
        && matches!(letters.first(), Some(('ا' | 'أ' | 'ٱ', _)))
        && matches!(letters.get(1), Some(('ل', _)));
    if is_article {
        out.push_str("al-");
        start = 2;
    }
    let body = letters.get(start..).unwrap_or(&[]);
    let n = body.len();
    let kinds: Vec<Kind> = body
        .iter()
        .enumerate()
        .map(|(i, (c, _))| classify(*c, i, body))
        .collect();
    let mut piece = String::new();
    for (i, (c, marks)) in body.iter().enumerate() {
        let kind = kinds.get(i).copied().unwrap_or(Kind::Cons);
        let first = i == 0;
        let s: &str = match (*c, kind) {
            ('و', Kind::Vowel) => "u",
            ('و', Kind::Cons) => "w",
            ('ي', Kind::Vowel) => "i",
            ('ي', Kind::Cons) => "y",
            ('ة', _) => "a",
            ('ع' | 'ء' | 'ؤ' | 'ئ', _) if first => {
                // Initial ayn/hamza: the vowel it carries, usually a.
                if kinds.get(1) == Some(&Kind::Vowel) {
                    ""
                } else {
                    "a"
                }
            }
            (c, Kind::Vowel) => long_vowel(c).unwrap_or(""),
            (c, Kind::Cons) => consonant(c).unwrap_or(""),
        };
        let shadda = marks.contains(&'\u{0651}');
        piece.push_str(s);
        if shadda && kind == Kind::Cons {
            piece.push_str(s);
        }
        let vowel_mark = marks.iter().find_map(|m| match m {
            '\u{064E}' => Some("a"),
            '\u{0650}' => Some("i"),
            '\u{064F}' => Some("u"),
            _ => None,
        });
        if let Some(v) = vowel_mark {
            piece.push_str(v);
        } else if first
            && kind == Kind::Cons
            && !matches!(c, 'ع' | 'ء' | 'ؤ' | 'ئ')
            && !marks.contains(&'\u{0652}')
            && n > 2
            && kinds.get(1) == Some(&Kind::Cons)
            && !s.is_empty()
        {
            // Arabic words do not begin with two consonants.
            piece.push('a');
        }
    }
    out.push_str(&capitalize(&piece));
    out
}

fn classify(c: char, i: usize, body: &[(char, Vec<char>)]) -> Kind {
    match c {
        'و' | 'ي' => {
            let prev_vowel = i == 0
                || body
                    .get(i - 1)
                    .is_some_and(|(p, _)| long_vowel(*p).is_some());
            let next_vowel = body
                .get(i + 1)
                .is_some_and(|(p, _)| long_vowel(*p).is_some() || *p == 'ة');
            if prev_vowel || next_vowel {
                Kind::Cons
            } else {
                Kind::Vowel
            }
        }
        'ة' => Kind::Vowel,
        c if long_vowel(c).is_some() => Kind::Vowel,
        _ => Kind::Cons,
    }
}

fn capitalize(s: &str) -> String {
    let mut cs = s.chars();
    match cs.next() {
        Some('\'') => {
            let rest: String = cs.collect();
            format!("'{}", capitalize(&rest))
        }
        Some(f) => f.to_uppercase().chain(cs).collect(),
        None => String::new(),
    }
}
