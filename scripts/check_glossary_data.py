#!/usr/bin/env python3
"""Checks the bundled glossary TSV files (stdlib only).

Usage: python3 scripts/check_glossary_data.py [--quiet]

Verifies, for glossaries/{countries,cities,calendar,actors,vocabulary}.tsv:
  * the header row is exactly `ar en variants type note source` (tab-separated),
    LF line ends, UTF-8, every row has 6 columns, no empty `ar` / `en`;
  * `type` is one of person/place/org/term/date and `source` one of
    cldr-48.2/geonames/khulasa;
  * no normalized Arabic form (alef/hamza folded, ى→ي, ة→ه, ؤ→و, ئ→ي, no
    diacritics/tatweel) occurs in two entries with different English, as
    canonical or variant, including the article form the matcher adds
    (X → الX) and the ل-clitic form of article words (الX → للX);
  * no pattern the matcher builds (form with a clitic و ف ب ك ل وب ول فب فل وك)
    is shared by entries with different English (e.g. ب + آب = باب);
  * no Arabic form of one letter (error) and lists forms of two letters (warning);
  * at least 600 entries in total;
and prints, for each seeds/*.txt, how many distinct entries occur in it
(leftmost-longest search over the normalized text with the clitics the
matcher accepts, whole words only).

Exit status 1 on any error.
"""
import glob
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILES = ["countries.tsv", "cities.tsv", "calendar.tsv", "actors.tsv", "vocabulary.tsv"]
HEADER = ["ar", "en", "variants", "type", "note", "source"]
TYPES = {"person", "place", "org", "term", "date"}
SOURCES = {"cldr-48.2", "geonames", "khulasa"}
MIN_ENTRIES = 600
CLITICS = ["", "و", "ف", "ب", "ك", "ل", "وب", "ول", "فب", "فل", "وك"]

FOLD = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"}


def _deleted(c):
    o = ord(c)
    return (0x064B <= o <= 0x065F or 0x0610 <= o <= 0x061A or o == 0x0670
            or 0x06D6 <= o <= 0x06DC or 0x06DF <= o <= 0x06E8 or 0x06EA <= o <= 0x06ED
            or o in (0x0640, 0x00AD, 0x061C, 0xFEFF) or 0x200B <= o <= 0x200F
            or 0x202A <= o <= 0x202E or 0x2060 <= o <= 0x2064 or 0x2066 <= o <= 0x206F)


def _nfkc_needed(c):
    o = ord(c)
    return (0xFB00 <= o <= 0xFB06 or 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFE
            or 0xFF01 <= o <= 0xFF5E)


def norm(text):
    """Same folding as khulasa::lang::normalize (for matching)."""
    out = []
    for c in text:
        for d in (unicodedata.normalize("NFKC", c) if _nfkc_needed(c) else c):
            if _deleted(d):
                continue
            out.append(FOLD.get(d, d).lower())
    return "".join(out)


def forms(row):
    """Canonical and variant Arabic forms of a row."""
    out = [row["ar"].strip()]
    out += [v.strip() for v in row["variants"].split("|") if v.strip()]
    return out


def match_keys(form):
    """Normalized strings the matcher (before clitics) recognises for `form`."""
    n = norm(form)
    keys = {n}
    bare = n[2:] if n.startswith("ال") and len(n) - 2 >= 2 else None
    if bare is None and " " not in n:
        keys.add("ال" + n)
    if bare is not None:
        keys.add("ل" + bare)  # matcher: ل + rest for the ل clitic (للرقه)
    return keys


def patterns(form):
    n = norm(form)
    bare = n[2:] if n.startswith("ال") and len(n) - 2 >= 2 else None
    pats = []
    for c in CLITICS:
        pats.append(c + n)
        if bare is None and " " not in n:
            pats.append(c + "ال" + n)
        if bare is not None and c.endswith("ل"):
            pats.append(c + "ل" + bare)
    return pats


def load(errors):
    rows = []
    for name in FILES:
        path = os.path.join(ROOT, "glossaries", name)
        try:
            raw = open(path, "rb").read()
        except OSError as e:
            errors.append(f"{name}: cannot read: {e}")
            continue
        if b"\r" in raw:
            errors.append(f"{name}: CR characters (line ends must be LF)")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            errors.append(f"{name}: not UTF-8: {e}")
            continue
        if text.startswith("\ufeff"):
            errors.append(f"{name}: BOM")
        lines = text.split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        else:
            errors.append(f"{name}: last line has no LF")
        if not lines or lines[0].split("\t") != HEADER:
            errors.append(f"{name}: header must be {HEADER!r}, got {lines[:1]!r}")
            continue
        for i, line in enumerate(lines[1:], start=2):
            cols = line.split("\t")
            where = f"{name}:{i}"
            if len(cols) != len(HEADER):
                errors.append(f"{where}: {len(cols)} columns, expected {len(HEADER)}: {line!r}")
                continue
            row = dict(zip(HEADER, cols))
            row["where"] = where
            row["file"] = name
            for k in HEADER:
                if cols[HEADER.index(k)] != cols[HEADER.index(k)].strip():
                    errors.append(f"{where}: leading/trailing space in {k}")
            if not row["ar"].strip() or not row["en"].strip():
                errors.append(f"{where}: empty ar or en")
            if row["type"] not in TYPES:
                errors.append(f"{where}: type {row['type']!r} not in {sorted(TYPES)}")
            if row["source"] not in SOURCES:
                errors.append(f"{where}: source {row['source']!r} not in {sorted(SOURCES)}")
            if "|" in row["ar"]:
                errors.append(f"{where}: '|' in ar")
            rows.append(row)
    return rows


def main():
    quiet = "--quiet" in sys.argv
    errors, warnings = [], []
    rows = load(errors)
    # conflicting forms
    seen = {}  # key -> (en, where, form)
    reported = set()  # entry pairs already reported
    for row in rows:
        fs = forms(row)
        local = set()
        for f in fs:
            n = norm(f)
            letters = len(n.replace(" ", ""))
            if letters <= 1:
                errors.append(f"{row['where']}: one-letter form {f!r}")
            elif letters == 2:
                warnings.append(f"{row['where']}: two-letter form {f!r}")
            if n in local:
                warnings.append(f"{row['where']}: form {f!r} listed twice in the entry")
            local.add(n)
            for k in match_keys(f):
                prev = seen.get(k)
                if prev is None:
                    seen[k] = (row["en"], row["where"], f)
                elif prev[1] != row["where"]:
                    msg = (f"{row['where']}: {f!r} ({row['en']!r}) and {prev[1]}: "
                           f"{prev[2]!r} ({prev[0]!r}) share the matching form {k!r}")
                    if prev[0] != row["en"]:
                        errors.append(msg)
                        reported.add((prev[1], row["where"]))
                    else:
                        warnings.append(msg + " (same English)")
    # a form with a clitic can spell another entry's form (ب + آب = باب):
    # the matcher would then see one pattern for two entries
    owner = {}
    for row in rows:
        for f in forms(row):
            for p in patterns(f):
                prev = owner.get(p)
                if prev is None:
                    owner[p] = (row["en"], row["where"], f)
                elif (prev[1] != row["where"] and prev[0] != row["en"]
                      and (prev[1], row["where"]) not in reported):
                    reported.add((prev[1], row["where"]))
                    msg = (f"{row['where']}: {f!r} ({row['en']!r}) and {prev[1]}: {prev[2]!r} "
                           f"({prev[0]!r}) produce the same pattern {p!r} (with a clitic)")
                    if msg not in errors:
                        errors.append(msg)
    if len(rows) < MIN_ENTRIES:
        errors.append(f"only {len(rows)} entries, need >= {MIN_ENTRIES}")

    per_file = {}
    for row in rows:
        per_file[row["file"]] = per_file.get(row["file"], 0) + 1
    for name in FILES:
        print(f"{name}: {per_file.get(name, 0)} entries")
    print(f"total: {len(rows)} entries")

    # per-seed distinct entries (leftmost-longest, whole words)
    pat_entry = {}
    for idx, row in enumerate(rows):
        for f in forms(row):
            for p in patterns(f):
                pat_entry.setdefault(p, idx)
    alts = sorted(pat_entry, key=len, reverse=True)
    rx = re.compile("(?<!\\w)(" + "|".join(re.escape(p) for p in alts) + ")(?!\\w)")
    for path in sorted(glob.glob(os.path.join(ROOT, "seeds", "*.txt"))):
        text = norm(open(path, encoding="utf-8").read())
        found = {}
        for m in rx.finditer(text):
            idx = pat_entry[m.group(1)]
            found[idx] = found.get(idx, 0) + 1
        names = sorted(found, key=lambda i: -found[i])
        print(f"{os.path.basename(path)}: {len(found)} distinct entries")
        if not quiet:
            print("    " + "; ".join(f"{rows[i]['ar']}={rows[i]['en']}×{found[i]}" for i in names))
        if len(found) < 8:
            errors.append(f"{os.path.basename(path)}: only {len(found)} distinct entries (< 8)")

    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
