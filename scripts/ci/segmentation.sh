#!/usr/bin/env bash
# Sentence splitting against the gold seeds (issue 3): boundary F1 must be >= 0.99.
set -euo pipefail
SHARED="$1"; BIN="${KHULASA:-target/release/khulasa}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$BIN" split --jsonl "$SHARED/gold/segmentation/seeds.jsonl" --format jsonl > "$tmp/sys.jsonl"
python3 "$SHARED/eval/segscore.py" "$SHARED/gold/segmentation/seeds.jsonl" "$tmp/sys.jsonl" --docs --json "$tmp/score.json"
python3 - "$tmp/score.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))["overall"]
print(f"boundary F1 = {s['F1']:.4f} (need >= 0.99), exact = {s['exact']:.4f}")
sys.exit(0 if s["F1"] >= 0.99 else 1)
PY
