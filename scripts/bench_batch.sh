#!/usr/bin/env bash
# Batch throughput and peak memory over the shared archives (issue 8).
#   scripts/bench_batch.sh [SHARED] [RUNS]
# Prints, per archive and thread count, the median wall time over RUNS runs, the article-text
# MB/s (text bytes as counted by khulasa itself), the CPU seconds, the 2-thread speed-up and the
# peak RSS.
set -euo pipefail
SHARED="${1:-../shared}"; RUNS="${2:-3}"
BIN="${KHULASA:-target/release/khulasa}"
[ -x "$BIN" ] || cargo build --release -q
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
inputs=("$SHARED"/corpus/saudinewsnet/*.zip "$SHARED"/corpus/ant/*.tar.gz)
# Article text bytes: the sum of the decoded text of every document (one counting run).
"$BIN" batch --threads 2 "${inputs[@]}" > "$tmp/count.jsonl" 2> "$tmp/count.err" || true
tail -1 "$tmp/count.err"
bytes=$(tail -1 "$tmp/count.err" | sed -n 's/.* \([0-9.]*\) MB of text.*/\1/p' | awk '{printf "%d", $1 * 1000000}')
records=$(wc -l < "$tmp/count.jsonl")
echo "documents: $records records, article text: $((bytes / 1000000)) MB"
# Runs alternate between 1 and 2 threads so that a change in the machine's load affects both.
declare -A times
for r in $(seq "$RUNS"); do
  for t in 1 2; do
    /usr/bin/time -f "%e %M %U %S" -o "$tmp/time" "$BIN" batch -q --threads "$t" "${inputs[@]}" > "$tmp/out.$t.jsonl" 2>/dev/null || true
    read -r secs kb user sys < "$tmp/time"
    cpu=$(python3 -c "import sys; print(f'{float(sys.argv[1]) + float(sys.argv[2]):.1f}')" "$user" "$sys")
    times[$t]="${times[$t]:-} $secs"; echo "  run=$r threads=$t: ${secs}s, CPU ${cpu}s (user+sys), peak RSS $((kb / 1024)) MiB"
  done
done
declare -A med
for t in 1 2; do
  med[$t]=$(printf '%s\n' ${times[$t]} | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  python3 -c "import sys; b,s=int(sys.argv[1]),float(sys.argv[2]); print(f'threads={sys.argv[3]}: median {s:.2f}s, {b/1e6/s:.1f} MB/s')" "$bytes" "${med[$t]}" "$t"
done
python3 -c "import sys; print(f'speed-up 2 vs 1 thread: {float(sys.argv[1])/float(sys.argv[2]):.2f}x')" "${med[1]}" "${med[2]}"
cmp -s "$tmp/out.1.jsonl" "$tmp/out.2.jsonl" && echo "outputs with 1 and 2 threads: identical" || { echo "outputs differ between 1 and 2 threads"; exit 1; }
