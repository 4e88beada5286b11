#!/usr/bin/env python3
"""Run `khulasa batch` as a Spark step (RDD.pipe) in local mode and check that the output
equals a local run of the same binary on the same JSONL file (issue 8).

    python3 scripts/spark_pipe.py INPUT.jsonl [--bin target/release/khulasa] [--partitions 4]

Every partition of the JSONL file is piped through `khulasa batch --jsonl - --quiet`
(stdin JSONL in, stdout JSONL out: one record per input line, in order), exactly as a Hadoop
Streaming mapper would run it. The records are then compared with those of
`khulasa batch --jsonl INPUT.jsonl` run directly. Records carry the source `-:LINE` (the line
within the partition) in pipe mode, so `source` is compared without the line number.
Needs pyspark (pip install pyspark) and Java 17."""
import argparse
import json
import os
import subprocess
import sys


def normalise(line):
    rec = json.loads(line)
    if "error" in rec:
        # Error records name the line within their partition (`-:N`) and a
        # fallback id built from it; only the fact of the error is comparable.
        return "ERROR"
    rec.pop("source", None)
    meta = rec.get("meta") or {}
    for k in ("path",):
        meta.pop(k, None)
    return json.dumps(rec, ensure_ascii=False, sort_keys=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("--bin", default="target/release/khulasa")
    ap.add_argument("--partitions", type=int, default=4)
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    run = subprocess.run([binary, "batch", "--jsonl", "--quiet", a.input], capture_output=True, text=True)
    if run.returncode not in (0, 1):  # 1: some records are error records, which is fine here
        sys.exit(f"local run failed with exit {run.returncode}: {run.stderr.strip()}")
    local = run.stdout.splitlines()

    from pyspark import SparkConf, SparkContext
    conf = SparkConf().setMaster("local[2]").setAppName("khulasa-pipe").set("spark.ui.enabled", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        lines = sc.textFile(os.path.abspath(a.input), minPartitions=a.partitions)
        piped = lines.pipe(f"{binary} batch --jsonl - --quiet --threads 1").collect()
        parts = lines.getNumPartitions()
    finally:
        sc.stop()

    ok = len(local) == len(piped) and [normalise(x) for x in local] == [normalise(x) for x in piped]
    print(f"local run: {len(local)} records; Spark rdd.pipe over {parts} partitions: {len(piped)} records; "
          f"{'identical' if ok else 'DIFFERENT'}")
    if not ok:
        for i, (x, y) in enumerate(zip(local, piped)):
            if normalise(x) != normalise(y):
                print(f"first difference at record {i}:\n local: {x[:300]}\n spark: {y[:300]}")
                break
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
