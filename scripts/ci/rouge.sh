#!/usr/bin/env bash
# Issue 4: summarize the EASC dev split, score it with rouge_ar.py, and check that
# `khulasa eval rouge` gives the same figures (within 0.01, plain and --stem).
set -euo pipefail
SHARED="$1"; BIN="${KHULASA:-target/release/khulasa}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$BIN" summarize --jsonl "$SHARED/eval/easc/dev.jsonl" --format jsonl --threads 1 > "$tmp/pred.jsonl"
python3 "$SHARED/eval/rouge_ar.py" --data "$SHARED/eval/easc/dev.jsonl" --split dev --pred "$tmp/pred.jsonl"
KHULASA="$BIN" bash scripts/check_rouge.sh "$tmp/pred.jsonl" "$SHARED/eval/easc/dev.jsonl" dev
