#!/usr/bin/env bash
# Acceptance check for `khulasa prep` (issue 6).
#
# Prepares the seeds (and, when the shared corpus is present, 20 SaudiNewsNet
# articles extracted at run time into the temp dir; never committed) and then:
#   1. validates every XLIFF 2.1 and 1.2 file with ../shared/schemas/check.sh (xmllint, offline);
#   2. opens every file with translate-toolkit (../shared/eval/tt_open.py; XLIFF 2 via Xliff2File);
#   3. compares translate-toolkit's unit and segment counts with khulasa's wordcount.json,
#      and the XLIFF 2 segment sources with the sentences of `khulasa split`.
# Exit 0 when everything passes. Usage: scripts/ci/xliff.sh [SHARED] [N_CORPUS_ARTICLES]
# Env: KHULASA_SHARED (default: ../shared next to the repository), KHULASA_BIN (default: debug build).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${1:-${KHULASA_SHARED:-}}"
[ -n "$shared" ] && shared="$(cd "$shared" && pwd)"
n_corpus="${2:-20}"
if [ -z "$shared" ]; then
  for d in "$root/../shared" "$root/../../shared"; do
    [ -d "$d/schemas" ] && { shared="$(cd "$d" && pwd)"; break; }
  done
fi
[ -n "$shared" ] || { echo "check_xliff: cannot find the shared directory (set KHULASA_SHARED)"; exit 2; }

command -v xmllint >/dev/null || { apt-get update -qq && apt-get install -y -qq libxml2-utils >/dev/null; }
python3 -c 'import translate' 2>/dev/null || pip install -q translate-toolkit

bin="${KHULASA_BIN:-${KHULASA:-}}"
if [ -z "$bin" ]; then
  (cd "$root" && cargo build -q --bin khulasa)
  bin="$root/target/debug/khulasa"
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail=0

run_job() { # name, then input args for prep/split
  local name="$1"; shift
  local out="$tmp/$name"
  "$bin" prep -q --out "$out" "$@"
  "$bin" split --format jsonl "$@" > "$out/split.jsonl"
  echo "== $name: schema check"
  "$shared/schemas/check.sh" "$out"/*.xlf "$out"/glossary.tbx "$out"/glossary.tbx2008.tbx > "$out/check.log" 2>&1 || { cat "$out/check.log"; fail=1; }
  grep -c "validates" "$out/check.log" | sed 's/^/   files valid: /'
  echo "== $name: translate-toolkit"
  python3 "$shared/eval/tt_open.py" "$out"/*.xlf "$out"/glossary.tbx2008.tbx "$out"/glossary.utf8 > "$out/tt.log" 2>&1 || { grep -v '^     ' "$out/tt.log"; fail=1; }
  grep -c '^OK' "$out/tt.log" | sed 's/^/   files opened: /'
  python3 - "$out" "$@" <<'PY' || fail=1
import json, os, sys
from translate.storage import factory
from translate.storage.xliff2 import Xliff2File

out, inputs = sys.argv[1], sys.argv[2:]
X12 = "{urn:oasis:names:tc:xliff:document:1.2}"
wc = json.load(open(os.path.join(out, "wordcount.json"), encoding="utf-8"))

# Texts of the inputs, by document id, to slice `khulasa split` offsets.
texts = {}
if inputs and inputs[0] == "--jsonl":
    for path in inputs[1:]:
        for line in open(path, encoding="utf-8"):
            if line.strip():
                r = json.loads(line)
                texts[r["id"]] = r["text"]
else:
    for path in inputs:
        t = open(path, encoding="utf-8-sig").read()
        texts[os.path.splitext(os.path.basename(path))[0]] = t
sentences = {}
for line in open(os.path.join(out, "split.jsonl"), encoding="utf-8"):
    r = json.loads(line)
    t = texts[r["id"]]
    sentences[r["id"]] = [t[s:e] for s, e in r["sentences"]]

bad = 0
for d in wc["documents"]:
    stem, want_u, want_s = d["file"], d["units"], d["segments"]
    p2 = os.path.join(out, stem + ".xlf")
    with open(p2, "rb") as fh:
        st = Xliff2File.parsefile(fh)
    segs = [u for u in st.units if not u.isheader()]
    units2 = len({u.getid().split("::")[0] for u in segs})
    p12 = os.path.join(out, stem + ".xliff12.xlf")
    st12 = factory.getobject(p12)
    tus = [u for u in st12.units if not u.isheader()]
    segs12 = sum(len(u.xmlelement.findall(f"{X12}seg-source/{X12}mrk[@mtype='seg']")) for u in tus)
    srcs = [str(u.source) for u in segs]
    same_text = srcs == sentences.get(d["id"])
    ok = (units2, len(segs), len(tus), segs12) == (want_u, want_s, want_u, want_s) and same_text
    bad += not ok
    print(f"   {'ok  ' if ok else 'FAIL'} {stem}: khulasa units={want_u} segments={want_s} | "
          f"tt xliff2 units={units2} segments={len(segs)} | tt xliff12 trans-units={len(tus)} seg-mrks={segs12}"
          f" | xliff2 sources == split sentences: {same_text}")
t = wc["total"]
print(f"   total: {t['documents']} documents, {t['units']} units, {t['segments']} segments, {t['words']} words; "
      f"{bad} count mismatches")
sys.exit(1 if bad else 0)
PY
}

run_job seeds "$root"/seeds/*.txt

corpus="$shared/corpus/saudinewsnet"
if [ -d "$corpus" ] && [ "$n_corpus" -gt 0 ]; then
  python3 - "$corpus" "$n_corpus" "$tmp/corpus.jsonl" <<'PY'
import glob, json, sys, zipfile
corpus, n, dest = sys.argv[1], int(sys.argv[2]), sys.argv[3]
zips = sorted(glob.glob(corpus + "/*.zip"))
with zipfile.ZipFile(zips[0]) as z:
    arts = json.loads(z.read(z.namelist()[0]))
step = max(1, len(arts) // n)
with open(dest, "w", encoding="utf-8") as f:
    for k, a in enumerate(arts[::step][:n]):
        rec = {"id": f"snn-{k:02d}", "text": (a.get("title") or "") + "\n" + (a.get("content") or ""),
               "title": a.get("title") or "", "source": a.get("source") or "", "url": a.get("url") or "",
               "date": a.get("date_extracted") or ""}
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
PY
  run_job corpus --jsonl "$tmp/corpus.jsonl"
else
  echo "== corpus: skipped (no $corpus)"
fi

if [ "$fail" = 0 ]; then echo "check_xliff: all passed"; else echo "check_xliff: FAILED"; fi
exit "$fail"
