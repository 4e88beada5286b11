#!/usr/bin/env bash
# Export the bundled glossary to every format khulasa writes, load each export
# back, validate the TBX files against their schemas and open the TBX 2008 and
# OmegaT files with translate-toolkit, as a CAT pipeline would.
#
#   scripts/ci/glossary_formats.sh [SHARED]      (from the repository root)
#
# Needs: xmllint (apt-get install -y libxml2-utils), translate-toolkit
# (pip install translate-toolkit), and the shared folder with
# schemas/check.sh and eval/tt_open.py: $KHULASA_SHARED, else ../shared or
# ../../shared. $KHULASA_BIN names a built khulasa binary (default: cargo run).
# Exit 0 when every check passes, 1 otherwise.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${1:-${KHULASA_SHARED:-}}"
[ -n "$shared" ] && shared="$(cd "$shared" && pwd)"
: "${KHULASA_BIN:=${KHULASA:-}}"
if [ -z "$shared" ]; then
  for d in "$root/../shared" "$root/../../shared"; do
    if [ -x "$d/schemas/check.sh" ]; then shared="$(cd "$d" && pwd)"; break; fi
  done
fi
if [ -z "$shared" ] || [ ! -x "$shared/schemas/check.sh" ]; then
  echo "check_glossary_formats: shared folder with schemas/check.sh not found (set KHULASA_SHARED)" >&2
  exit 1
fi
command -v xmllint >/dev/null || { apt-get update -qq && apt-get install -y -qq libxml2-utils >/dev/null; }
python3 -c "import translate" 2>/dev/null || pip install -q translate-toolkit

if [ -n "${KHULASA_BIN:-}" ]; then
  khulasa() { "$KHULASA_BIN" "$@"; }
else
  (cd "$root" && cargo build -q --bin khulasa)
  khulasa() { "$root/target/debug/khulasa" "$@"; }
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
fail=0
for ext in tsv csv json tbx tbx2008.tbx utf8; do
  out="$tmp/glossary.$ext"
  khulasa glossary convert default "$out" 2>/dev/null || { echo "FAIL export $ext"; fail=1; continue; }
  # Every export must load back without errors.
  if khulasa glossary check "$out" >"$tmp/check.$ext.log" 2>&1; then
    echo "OK   reload glossary.$ext"
  else
    echo "FAIL reload glossary.$ext"; cat "$tmp/check.$ext.log"; fail=1
  fi
done
# The TBX 2008 file names its DTD; put it beside the file so xmllint finds it.
cp "$shared/schemas/tbx/TBXcoreStructV02.dtd" "$tmp/"
echo "--- schemas"
"$shared/schemas/check.sh" "$tmp/glossary.tbx" "$tmp/glossary.tbx2008.tbx" || fail=1
echo "--- translate-toolkit"
python3 "$shared/eval/tt_open.py" "$tmp/glossary.tbx2008.tbx" "$tmp/glossary.utf8" || fail=1
if [ "$fail" -eq 0 ]; then echo "check_glossary_formats: all checks passed"; else echo "check_glossary_formats: FAILED"; fi
exit "$fail"
