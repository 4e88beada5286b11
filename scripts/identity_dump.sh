#!/usr/bin/env bash
# Writes the outputs that speed work must leave byte for byte unchanged into DIR, so two builds
# can be compared with `diff -r`:
#   scripts/identity_dump.sh DIR [SHARED]
# Covers split, summarize and terms over the EASC dev texts and the seeds, the seed briefings
# (JSON) and a batch run over one news zip. Reads ../shared at run time; writes nothing into the
# project.
set -euo pipefail
OUT="${1:?usage: identity_dump.sh DIR [SHARED]}"; SHARED="${2:-../shared}"
BIN="${KHULASA:-target/release/khulasa}"
mkdir -p "$OUT"
dev="$SHARED/eval/easc/dev.jsonl"
for cmd in split summarize terms; do
  "$BIN" "$cmd" --jsonl "$dev" --format jsonl > "$OUT/$cmd.dev.jsonl"
  "$BIN" "$cmd" seeds/*.txt --format jsonl > "$OUT/$cmd.seeds.jsonl"
done
rm -rf "$OUT/brief"
"$BIN" brief -q --format json --out "$OUT/brief" > /dev/null
"$BIN" batch -q "$SHARED/corpus/saudinewsnet/2015-07-23.zip" > "$OUT/batch.zip.jsonl" || true
echo "dumps in $OUT: $(ls "$OUT" | wc -l) entries"
