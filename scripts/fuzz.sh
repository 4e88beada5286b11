#!/usr/bin/env bash
# Builds and runs every cargo-fuzz target in fuzz/ for a while (issue 9).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [JOBS] [TARGET...]
#
# SECONDS_PER_TARGET defaults to 600; JOBS (default 1) > 1 runs that many
# libFuzzer processes per target (-jobs=N -workers=N), each for the full time.
# Targets run one after the other; name some to run only those.
#
# Each target fuzzes fuzz/corpus/TARGET (grown, git-ignored) seeded from
# fuzz/seeds/TARGET (hand-made, committed). Crashes, timeouts, leaks and OOMs
# land in fuzz/artifacts/TARGET/; logs in fuzz/logs/TARGET/. Prints per target
# the executions ("Done N runs" from libFuzzer's final stats) and findings,
# and exits 1 if any target found something (2 if the build failed).
#
# Needs cargo-fuzz (`cargo install cargo-fuzz`). On stable Rust the nightly
# flags cargo-fuzz passes are allowed with RUSTC_BOOTSTRAP=1, set here.
# Reproduce a finding:  RUSTC_BOOTSTRAP=1 cargo fuzz run TARGET fuzz/artifacts/TARGET/crash-…
# Minimize it:          RUSTC_BOOTSTRAP=1 cargo fuzz tmin TARGET fuzz/artifacts/TARGET/crash-…
set -u -o pipefail

SECS=${1:-600}
JOBS=${2:-1}
shift $(($# < 2 ? $# : 2))
ROOT=$(cd "$(dirname "$0")/.." && pwd)
FUZZ="$ROOT/fuzz"
export RUSTC_BOOTSTRAP=1
# Per-input time limit: an input slower than this is a finding (quadratic
# blow-up, runaway loop), not just a slow run.
TIMEOUT=${FUZZ_TIMEOUT:-10}
RSS_MB=${FUZZ_RSS_MB:-2048}

if ! command -v cargo-fuzz >/dev/null 2>&1; then
    echo "fuzz.sh: cargo-fuzz is not installed (cargo install cargo-fuzz)" >&2
    exit 2
fi

if [ $# -gt 0 ]; then
    TARGETS=("$@")
else
    mapfile -t TARGETS < <(cd "$FUZZ" && cargo fuzz list)
fi

echo "fuzz.sh: building ${#TARGETS[@]} targets (release, debug assertions, ASan)" >&2
(cd "$FUZZ" && cargo fuzz build --debug-assertions) || {
    echo "fuzz.sh: build failed" >&2
    exit 2
}
TRIPLE=$(rustc -vV | sed -n 's/^host: //p')
BIN="$FUZZ/target/$TRIPLE/release"

status=0
printf '%-14s %12s %8s %9s %s\n' target executions seconds findings artifacts
for t in "${TARGETS[@]}"; do
    corpus="$FUZZ/corpus/$t" seeds="$FUZZ/seeds/$t" art="$FUZZ/artifacts/$t" logs="$FUZZ/logs/$t"
    mkdir -p "$corpus" "$art" "$logs"
    rm -f "$logs"/*.log
    before=$(find "$art" -type f | wc -l)
    args=(-max_total_time="$SECS" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_MB"
        -artifact_prefix="$art/" -print_final_stats=1)
    [ "$JOBS" -gt 1 ] && args+=(-jobs="$JOBS" -workers="$JOBS")
    dirs=("$corpus")
    [ -d "$seeds" ] && dirs+=("$seeds")
    start=$(date +%s)
    # With -jobs libFuzzer writes fuzz-N.log into the working directory.
    (cd "$logs" && "$BIN/$t" "${args[@]}" "${dirs[@]}" >"$logs/main.log" 2>&1)
    rc=$?
    took=$(($(date +%s) - start))
    # "Done N runs in S second(s)" ends every run that was not stopped by a finding;
    # stat::number_of_executed_units is the same count in -print_final_stats.
    runs=$(cat "$logs"/*.log | sed -n 's/^stat::number_of_executed_units: *\([0-9]*\).*/\1/p' |
        awk '{s += $1} END {print s + 0}')
    if [ "$runs" -eq 0 ]; then
        runs=$(cat "$logs"/*.log | sed -n 's/^Done \([0-9]*\) runs.*/\1/p' | awk '{s += $1} END {print s + 0}')
    fi
    after=$(find "$art" -type f | wc -l)
    found=$((after - before))
    if [ "$found" -eq 0 ] && [ "$rc" -ne 0 ]; then
        found=1 # died without an artifact (signal, build problem): look at the log
    fi
    newest=$(ls -t "$art" 2>/dev/null | head -n "$found" | tr '\n' ' ')
    printf '%-14s %12s %8s %9s %s\n' "$t" "$runs" "$took" "$found" "${newest:--}"
    if [ "$found" -gt 0 ]; then
        status=1
        grep -m 3 -E 'panicked at|ERROR: libFuzzer|SUMMARY' "$logs"/*.log | sed 's/^/    /' >&2
    fi
done
exit $status
