"""Cost of each newsledger stage as a share of the whole pipeline, in one run.

The spaCy model runs batched (``nlp.pipe``, as in production); then each of our
stages runs on the resulting Docs and is timed on its own.

    .venv/bin/python benchmarks/stages.py --limit 200
    .venv/bin/python benchmarks/stages.py --limit 200 --parse selective
    .venv/bin/python benchmarks/stages.py --limit 200 --runs 5
    .venv/bin/python benchmarks/stages.py --limit 3 --no-warmup --runs 5
    .venv/bin/python benchmarks/stages.py --limit 200 --runs 5 --in-pipe

Prints seconds and the share of the total for the model (with the parse) and for each stage, and
the share of sentences the parser analysed.  With ``--runs N``, the run is made N times, each in a
fresh process (its caches cold, as in one run), and each part's median share is printed with the
least and the most: on a shared machine one run's share moves by a tenth of itself.  Each run
first warms the pipeline on the first three texts (the gazetteer's and the lexicons' loads are
then out of the times); with ``--no-warmup`` it does not, and the times are those of a process's
first texts, with whatever each part does once per process (a command that analyses one article
pays them).

By default the model runs on all the texts first and then each stage on all of them, each part
timed on its own.  With ``--in-pipe`` the texts go through ``nlp.pipe`` once, every component in
turn as a production run sends them (the model's components a batch at a time, then ours on each
Doc of it): each of our stages is timed on every Doc it reads and the model's part is the rest of
the run's time.  The two parts then share the machine's moments, and the CPU's caches, as they do
in production.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = REPO.parent / "shared" / "eval" / "geo" / "dev.jsonl"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--parse", choices=("all", "selective"), default="all", help="parse mode (default all)")
    parser.add_argument("--runs", type=int, default=1, help="runs, each in a fresh process (default 1)")
    parser.add_argument("--no-warmup", action="store_true",
                        help="time a fresh process's first texts (no warm-up run on three texts)")
    parser.add_argument("--in-pipe", action="store_true",
                        help="time each stage inside one nlp.pipe run, as production runs it (the model: the rest)")
    args = parser.parse_args(argv)
    if not args.input.exists():
        print(f"no input at {args.input}", file=sys.stderr)
        return 2
    if args.runs < 1:
        parser.error("--runs must be 1 or more")
    if args.runs > 1:
        return _many_runs(args)
    from newsledger.nlp import components, selective
    from newsledger.nlp.pipeline import build_pipeline

    texts, urls = [], []
    with open(args.input, encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            texts.append(record["text"])
            urls.append(record.get("url"))  # (the places stage reads the publisher's host)
            if len(texts) >= args.limit:
                break
    nlp = build_pipeline(parse=args.parse)
    ours = [name for name in components.STAGES if name in nlp.pipe_names]
    # warm up (gazetteer, lexicons)
    if not args.no_warmup:
        for doc in nlp.pipe(texts[:3]):
            pass
    costs, docs = (_in_pipe if args.in_pipe else _apart)(nlp, ours, texts, urls)
    total = sum(costs.values())
    parsed, sentences, share = selective.share(selective.parse_stats(doc) for doc in docs)
    how = ", in one nlp.pipe" if args.in_pipe else ""
    print(f"{len(texts)} texts from {args.input.name}, --parse {args.parse}{how}: "
          f"{parsed:,} of {sentences:,} sentences parsed ({100 * share:.1f} %)")
    for name, secs in costs.items():
        print(f"  {name:24s} {secs:7.2f} s  {100 * secs / total:5.1f} %")
    print(f"  {'total':24s} {total:7.2f} s")
    if args.json:
        print(json.dumps({**{k: round(v, 3) for k, v in costs.items()}, "sentences_parsed": round(share, 4)}))
    return 0


def _docs(nlp, texts: list[str], urls: list) -> list:
    """The texts as Docs with what our stages read of their source, before any component runs."""
    docs = []
    for text, url in zip(texts, urls):
        doc = nlp.make_doc(text)
        doc._.published = "2020-01-01"
        doc._.url = url
        doc._.errors = []
        docs.append(doc)
    return docs


def _apart(nlp, ours: list[str], texts: list[str], urls: list) -> tuple[dict[str, float], list]:
    """The model on all the texts, then each of our stages on all of them."""
    with nlp.select_pipes(disable=ours):
        start = time.perf_counter()
        docs = list(nlp.pipe(_docs(nlp, texts, urls), batch_size=16))
        model_s = time.perf_counter() - start
    costs = {"spaCy model": model_s}
    for name in ours:
        proc = nlp.get_pipe(name)
        start = time.perf_counter()
        docs = [proc(doc) for doc in docs]
        costs[name] = time.perf_counter() - start
    return costs, docs


def _in_pipe(nlp, ours: list[str], texts: list[str], urls: list) -> tuple[dict[str, float], list]:
    """One ``nlp.pipe`` run over the texts, each of our stages timed on each
    Doc it reads; the model's part is the rest of the run."""
    spent = {name: 0.0 for name in ours}
    for name in ours:
        proc = nlp.get_pipe(name)
        # (spaCy sends a component's Docs through its ``pipe`` where it has one)
        proc.pipe = _timed_pipe(proc, name, spent)
    try:
        start = time.perf_counter()
        docs = list(nlp.pipe(_docs(nlp, texts, urls), batch_size=16))
        run_s = time.perf_counter() - start
    finally:
        for name in ours:
            del nlp.get_pipe(name).pipe
    return {"spaCy model": run_s - sum(spent.values()), **spent}, docs


def _timed_pipe(proc, name: str, spent: dict[str, float]):
    """A ``pipe`` for ``proc`` that adds the time of each call to ``spent[name]``
    (the time spent fetching the next Doc, the components before it at work, is not counted)."""
    def pipe(docs, **_):
        for doc in docs:
            start = time.perf_counter()
            doc = proc(doc)
            spent[name] += time.perf_counter() - start
            yield doc
    return pipe


def _many_runs(args: argparse.Namespace) -> int:
    """Run the benchmark ``args.runs`` times, each in a fresh process, and
    print each part's median seconds and median, least and most share."""
    import statistics
    import subprocess

    command = [sys.executable, __file__, "--input", str(args.input), "--limit", str(args.limit),
               "--parse", args.parse, "--json"] + (["--no-warmup"] if args.no_warmup else []) \
        + (["--in-pipe"] if args.in_pipe else [])
    runs: list[dict[str, float]] = []
    for k in range(args.runs):
        done = subprocess.run(command, capture_output=True, text=True)
        if done.returncode != 0:
            print(done.stdout + done.stderr, file=sys.stderr)
            return done.returncode
        costs = json.loads(done.stdout.strip().splitlines()[-1])
        costs.pop("sentences_parsed", None)
        runs.append(costs)
        total = sum(costs.values())
        shares = ", ".join(f"{name} {100 * secs / total:.1f} %" for name, secs in costs.items()
                           if name != "spaCy model")
        print(f"run {k + 1}/{args.runs}: total {total:.2f} s, {shares}", flush=True)
    print(f"{args.runs} runs of {args.limit} texts from {args.input.name}, --parse {args.parse}"
          f"{', no warm-up' if args.no_warmup else ''}{', in one nlp.pipe' if args.in_pipe else ''}: "
          "median seconds, median share (least - most)")
    for name in runs[0]:
        shares = [100 * r[name] / sum(r.values()) for r in runs]
        print(f"  {name:24s} {statistics.median(r[name] for r in runs):7.2f} s  {statistics.median(shares):5.1f} %"
              f"  ({min(shares):.1f} - {max(shares):.1f})")
    print(f"  {'total':24s} {statistics.median(sum(r.values()) for r in runs):7.2f} s")
    if args.json:
        print(json.dumps({name: round(statistics.median(100 * r[name] / sum(r.values()) for r in runs), 2)
                          for name in runs[0]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
