#!/usr/bin/env bash
# Whole-process summarize speed (issue 4): `khulasa summarize --threads 1 --jsonl` over the EASC
# dev texts, process start and JSONL reading included, against sumy LexRank's 0.24 MB/s.
#   scripts/bench_process.sh [SHARED] [RUNS] [OTHER_BINARY...]
# Prints the median wall time over RUNS runs (default 41), the article-text MB/s and the ratio to
# sumy. With OTHER_BINARYs the runs alternate between the binaries (A/B on a noisy machine)
# and every median is printed. Article-text bytes are the UTF-8 bytes of the records' "text".
# Each run is timed from just before the process is spawned to just after it is reaped
# (Python's perf_counter around subprocess.run; timing with `date` in the shell added 3-7 ms of
# fork/exec of `date` itself).
# With SUMY_PYTHON=/path/to/python (an interpreter with `pip install sumy numpy`), sumy LexRank is
# also timed on the same articles every 10th round (scripts/sumy_speed.py: summarization only,
# Python start excluded) and the ratio of the two medians measured in the same minutes is printed.
set -euo pipefail
SHARED="${1:-../shared}"; RUNS="${2:-41}"; shift $(( $# < 2 ? $# : 2 ))
BIN="${KHULASA:-target/release/khulasa}"
[ -x "$BIN" ] || cargo build --release -q
exec python3 - "$SHARED/eval/easc/dev.jsonl" "$RUNS" "$(dirname "$0")/sumy_speed.py" "${SUMY_PYTHON:-}" "$BIN" "$@" <<'EOF'
import json, statistics, subprocess, sys, time

data, runs, sumy_script, sumy_python, *bins = sys.argv[1:]
runs = int(runs)
size = sum(len(json.loads(l)["text"].encode()) for l in open(data, encoding="utf-8") if l.strip())
def run(b):
    cmd = [b, "summarize", "--threads", "1", "--jsonl", data, "--format", "jsonl"]
    t0 = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - t0
for b in bins:
    run(b)  # warm the page cache
times = {b: [] for b in bins}
sumy = []
for r in range(runs):
    if sumy_python and r % 10 == 0:
        out = subprocess.run([sumy_python, sumy_script, data, "1"], capture_output=True, text=True, check=True).stdout
        sumy.append(float(out.split()[2]))
    for b in bins:
        times[b].append(run(b))
for b in bins:
    t = sorted(times[b])
    med, q1, q3 = statistics.median(t), t[len(t) // 4], t[(3 * len(t)) // 4]
    mbs = size / med / 1e6
    print(f"{b}: median {med * 1e3:.1f} ms (quartiles {q1 * 1e3:.1f}-{q3 * 1e3:.1f}) for {size} bytes"
          f" = {mbs:.1f} MB/s = {mbs / 0.24:.0f}x sumy LexRank (0.24 MB/s)")
    if sumy:
        s = statistics.median(sumy)
        print(f"  same machine: sumy LexRank median {s:.3f} s over {len(sumy)} runs"
              f" ({size / s / 1e6:.3f} MB/s) -> {s / med:.0f}x")
EOF
