#!/usr/bin/env bash
# Whole-process summarize speed (issue 4): `khulasa summarize --threads 1 --jsonl` over the EASC
# dev texts, process start and JSONL reading included, against sumy LexRank's 0.24 MB/s.
#   scripts/bench_process.sh [SHARED] [RUNS] [OTHER_BINARY]
# Prints the median wall time over RUNS runs (default 41), the article-text MB/s and the ratio to
# sumy. With OTHER_BINARY the runs alternate between the two binaries (A/B on a noisy machine)
# and both medians are printed. Article-text bytes are the UTF-8 bytes of the records' "text".
# With SUMY_PYTHON=/path/to/python (an interpreter with `pip install sumy numpy`), sumy LexRank is
# also timed on the same articles every 10th round (scripts/sumy_speed.py: summarization only,
# Python start excluded) and the ratio of the two medians measured in the same minutes is printed.
set -euo pipefail
SHARED="${1:-../shared}"; RUNS="${2:-41}"; OTHER="${3:-}"
BIN="${KHULASA:-target/release/khulasa}"
[ -x "$BIN" ] || cargo build --release -q
data="$SHARED/eval/easc/dev.jsonl"
bytes=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1]) if l.strip()))' "$data")
bins=("$BIN"); [ -n "$OTHER" ] && bins+=("$OTHER")
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for b in "${bins[@]}"; do "$b" summarize --threads 1 --jsonl "$data" --format jsonl > /dev/null; done  # warm the page cache
for r in $(seq "$RUNS"); do
  if [ -n "${SUMY_PYTHON:-}" ] && [ $(( (r - 1) % 10 )) -eq 0 ]; then
    "$SUMY_PYTHON" "$(dirname "$0")/sumy_speed.py" "$data" 1 | awk '{print $3}' >> "$tmp/sumy"
  fi
  for i in "${!bins[@]}"; do
    t0=$(date +%s%N)
    "${bins[$i]}" summarize --threads 1 --jsonl "$data" --format jsonl > /dev/null
    t1=$(date +%s%N)
    echo $(( (t1 - t0) / 1000 )) >> "$tmp/t.$i"
  done
done
for i in "${!bins[@]}"; do
  sort -n "$tmp/t.$i" | awk -v n="$RUNS" -v bytes="$bytes" -v name="${bins[$i]}" '
    { t[NR] = $1 }
    END {
      med = t[int((n + 1) / 2)] / 1000.0; q1 = t[int((n + 3) / 4)] / 1000.0; q3 = t[int((3 * n + 1) / 4)] / 1000.0
      mbs = bytes / (med / 1000.0) / 1e6
      printf "%s: median %.1f ms (quartiles %.1f-%.1f) for %d bytes = %.1f MB/s = %.0fx sumy LexRank (0.24 MB/s)\n", name, med, q1, q3, bytes, mbs, mbs / 0.24
    }' | tee "$tmp/line.$i"
  if [ -s "$tmp/sumy" ]; then
    sumy=$(sort -n "$tmp/sumy" | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }')
    ms=$(sed -n 's/.*median \([0-9.]*\) ms.*/\1/p' "$tmp/line.$i")
    awk -v s="$sumy" -v ms="$ms" -v n="$(wc -l < "$tmp/sumy")" -v bytes="$bytes" 'BEGIN {
      printf "  same machine: sumy LexRank median %.3f s over %d runs (%.3f MB/s) -> %.0fx\n", s, n, bytes / s / 1e6, s * 1000 / ms }'
  fi
done
