#!/usr/bin/env bash
# Issue 7: the HTML briefings and digest render in a real browser (headless Chromium) without
# errors, the Arabic blocks carry dir="rtl", and <script>/{{ }} from input text arrive escaped.
set -euo pipefail
BIN="${KHULASA:-target/release/khulasa}"
if ! command -v chromium >/dev/null 2>&1; then
  (apt-get update -qq && apt-get install -y -qq chromium) >/dev/null 2>&1 || { echo "cannot install chromium"; exit 1; }
fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/in"
cp seeds/*.txt "$tmp/in/"
printf '%s\n' 'خبر فيه <script>document.title="pwned"</script> وقالب {{ 7*7 }}' \
  'قال المتحدث إن <script>alert(1)</script> لن يُنفذ، وإن {{ 7*7 }} و{%% if 1 %%}نص{%% endif %%} تبقى نصاً في الرقة.' \
  'وأضاف أن القافلة وصلت إلى دير الزور. وأكد أن الهدنة صامدة.' > "$tmp/in/zz_hostile.txt"
"$BIN" brief -q "$tmp/in" --out "$tmp/out" --format html,md,json
chrome() {
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$tmp/profile" "$@" 2>>"$tmp/chrome.log"
}
status=0
for html in "$tmp"/out/*.html; do
  name=$(basename "$html" .html)
  chrome --window-size=1000,1400 --screenshot="$tmp/$name.png" "file://$html" >/dev/null
  [ -s "$tmp/$name.png" ] || { echo "FAIL $name: no screenshot"; status=1; continue; }
  chrome --dump-dom "file://$html" > "$tmp/$name.dom"
  python3 - "$tmp/$name.dom" "$name" <<'PY' || status=1
import sys, re
dom = open(sys.argv[1], encoding="utf-8").read(); name = sys.argv[2]
ok = True
if "<html" not in dom:
    print(f"FAIL {name}: empty DOM"); sys.exit(1)
rtl = len(re.findall(r'lang="ar" dir="rtl"', dom))
if rtl == 0:
    print(f"FAIL {name}: no Arabic block with lang=ar dir=rtl"); ok = False
scripts = re.findall(r"<script", dom)
if scripts:
    print(f"FAIL {name}: {len(scripts)} <script> elements in the DOM"); ok = False
title = dom.split("<title>")[1].split("</title>")[0] if "<title>" in dom else ""
if title.strip() == "pwned":
    print(f"FAIL {name}: the script from the input ran (it sets the title)"); ok = False
if name.startswith("zz_hostile"):
    if "&lt;script&gt;" not in dom or "{{ 7*7 }}" not in dom:
        print(f"FAIL {name}: hostile text not shown escaped and verbatim"); ok = False
    if ">49<" in dom or " 49 " in dom:
        print(f"FAIL {name}: template code from input was evaluated"); ok = False
print(f"{'ok  ' if ok else 'FAIL'} {name}: {rtl} rtl blocks, DOM {len(dom)} bytes")
sys.exit(0 if ok else 1)
PY
done
exit $status
