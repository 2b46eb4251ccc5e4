"""Peak memory (RSS of all processes) while streaming articles through ``newsledger analyze``.

    .venv/bin/python benchmarks/memory.py --articles 10000 --workers 2

Writes the geo dev texts, repeated to N articles, to a temporary JSONL file, runs
``newsledger analyze FILE --workers N --db TMP.db -q`` and samples, every 0.2 s, the summed
RSS of that process and all its children (the workers) from /proc. Prints the peak, the
articles/s and the RSS at 10 %, 50 % and 90 % of the run (flat = streaming works).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = REPO.parent / "shared" / "eval" / "geo" / "dev.jsonl"


def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                out.extend(int(c) for c in fh.read().split())
    except OSError:
        pass
    return out


def tree_rss(pid: int) -> int:
    """Summed RSS (bytes) of ``pid`` and all its descendants."""
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
        except OSError:
            continue
        todo.extend(_children(p))
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    texts = [json.loads(line)["text"] for line in open(args.input, encoding="utf-8") if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "corpus.jsonl"
        with open(src, "w", encoding="utf-8") as fh:
            for i in range(args.articles):  # distinct ids; repeated texts are distinct inputs
                fh.write(json.dumps({"id": f"a{i}", "text": texts[i % len(texts)] + f"\n\n(copy {i})"}) + "\n")
        exe = Path(sys.executable).with_name("newsledger")
        start = time.perf_counter()
        proc = subprocess.Popen([str(exe), "analyze", str(src), "--workers", str(args.workers),
                                 "--db", str(Path(tmp) / "ledger.db"), "--published", "2020-01-01", "-q"])
        samples = []
        while proc.poll() is None:
            samples.append((time.perf_counter() - start, tree_rss(proc.pid)))
            time.sleep(0.2)
        elapsed = time.perf_counter() - start
    peak = max(r for _, r in samples) if samples else 0
    at = {q: samples[int(q * (len(samples) - 1))][1] for q in (0.1, 0.5, 0.9)} if samples else {}
    result = {"articles": args.articles, "workers": args.workers, "seconds": round(elapsed, 1),
              "articles_per_s": round(args.articles / elapsed, 2), "peak_rss_mb": round(peak / 2**20),
              "rss_mb_at": {f"{int(q * 100)}%": round(v / 2**20) for q, v in at.items()},
              "exit_code": proc.returncode}
    print(f"{args.articles} articles, --workers {args.workers}: {elapsed:.1f} s, {result['articles_per_s']} articles/s")
    print(f"peak RSS (all processes): {result['peak_rss_mb']} MB; at 10/50/90 %: {result['rss_mb_at']}")
    if args.json:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
