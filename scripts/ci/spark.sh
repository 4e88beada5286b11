#!/usr/bin/env bash
# Issue 8: `khulasa batch` as a Spark step (rdd.pipe, local mode) gives the same records as a
# local run. Installs pyspark from PyPI if missing; uses the machine's Java 17.
set -euo pipefail
SHARED="$1"; BIN="${KHULASA:-target/release/khulasa}"
python3 -c 'import pyspark' 2>/dev/null || pip install -q pyspark
command -v java >/dev/null || { echo "spark check needs java (openjdk 17)"; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# The input: the seed articles plus short hand-made records, as JSONL.
python3 - "$SHARED/gold/segmentation/seeds.jsonl" > "$tmp/in.jsonl" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    d = json.loads(line)
    print(json.dumps({"id": d["id"], "text": d["text"]}, ensure_ascii=False))
for i in range(60):
    print(json.dumps({"id": f"t{i}", "text": f"عنوان {i}\nقال المتحدث إن الهدنة صامدة في الرقة منذ {i} أيام. وأضاف أن القافلة وصلت إلى دير الزور."}, ensure_ascii=False))
print("{not json")
PY
python3 scripts/spark_pipe.py "$tmp/in.jsonl" --bin "$BIN" --partitions 4 2> "$tmp/spark.log" || { tail -20 "$tmp/spark.log"; exit 1; }
