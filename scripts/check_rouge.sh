#!/usr/bin/env bash
# Parity check: `khulasa eval rouge` must give the same figures as rouge_ar.py
# (protocol easc-rouge-ar/1) within 0.01 on the same predictions.
# Usage: scripts/check_rouge.sh PRED.jsonl [REFS.jsonl] [SPLIT]
# Defaults: REFS = ../shared/eval/easc/dev.jsonl (relative to the repo), SPLIT = dev.
# Checks both the plain and the --stem variant. Exit 0 on agreement.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
pred="${1:?usage: scripts/check_rouge.sh PRED.jsonl [REFS.jsonl] [SPLIT]}"
refs="${2:-$root/../../shared/eval/easc/dev.jsonl}"
[ -f "$refs" ] || refs="/work/shared/eval/easc/dev.jsonl"
split="${3:-dev}"
evaldir="$(dirname "$refs")/.."
py="$evaldir/rouge_ar.py"
[ -f "$py" ] || { echo "check_rouge: $py not found" >&2; exit 2; }
bin="${KHULASA:-$root/target/release/khulasa}"
[ -x "$bin" ] || (cd "$root" && cargo build --release -q) || exit 2
status=0
for stem in "" "--stem"; do
    a="$(python3 "$py" --data "$refs" --split "$split" --pred "$pred" $stem)"
    b="$("$bin" eval rouge --refs "$refs" --split "$split" --pred "$pred" $stem)"
    if ! python3 - "$a" "$b" <<'PY'
import re, sys
a, b = sys.argv[1], sys.argv[2]
fa = [float(x) for x in re.findall(r"=(\d+\.\d+)", a)]
fb = [float(x) for x in re.findall(r"=(\d+\.\d+)", b)]
if len(fa) != 7 or len(fa) != len(fb):
    print("check_rouge: cannot parse tables:\n" + a + "\n---\n" + b); sys.exit(1)
worst = max(abs(x - y) for x, y in zip(fa, fb))
print(f"max |difference| = {worst:.4f}")
sys.exit(0 if worst <= 0.01 + 1e-9 else 1)
PY
    then
        echo "check_rouge: MISMATCH ${stem:-(no stem)}" >&2
        echo "rouge_ar.py:"; echo "$a"; echo "khulasa:"; echo "$b"
        status=1
    else
        echo "check_rouge: ok ${stem:-(no stem)}"
    fi
done
exit $status
