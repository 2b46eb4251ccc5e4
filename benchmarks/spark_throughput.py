"""Throughput of ``newsledger spark`` on a local[N] SparkSession.

    .venv/bin/python benchmarks/spark_throughput.py --limit 300 --master "local[2]"

Writes the geo dev texts (first N) to a JSONL file and times ``run_spark`` end to end
(session start, executors loading the model, analysis, the six Parquet tables).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = REPO.parent / "shared" / "eval" / "geo" / "dev.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--master", default="local[2]")
    args = parser.parse_args(argv)
    from newsledger.options import AnalyzeOptions
    from newsledger.spark import get_session, run_spark

    texts = [json.loads(line)["text"] for line in open(args.input, encoding="utf-8") if line.strip()][: args.limit]
    words = sum(len(t.split()) for t in texts)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        src.write_text("".join(json.dumps({"id": f"a{i}", "text": t}) + "\n" for i, t in enumerate(texts)))
        start = time.perf_counter()
        spark = get_session(args.master)
        try:
            summary = run_spark([str(src)], Path(tmp) / "out", options=AnalyzeOptions(published="2020-01-01"), spark=spark)
        finally:
            spark.stop()
        elapsed = time.perf_counter() - start
    print(summary.format())
    print(f"{len(texts)} articles, {words} words, {args.master}: {elapsed:.1f} s, "
          f"{len(texts) / elapsed:.2f} articles/s, {words / elapsed:,.0f} words/s (session start included)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
