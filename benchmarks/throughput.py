"""Throughput of the full newsledger pipeline against bare spaCy ``nlp.pipe``.

Same texts, same model, same run:

    .venv/bin/python benchmarks/throughput.py                       # geo dev texts (706 articles)
    .venv/bin/python benchmarks/throughput.py --limit 200 --repeat 1
    .venv/bin/python benchmarks/throughput.py --input my.jsonl      # any JSONL with a "text" field
    .venv/bin/python benchmarks/throughput.py --workers 2 --repeat-to 10000
        # N processes on both sides: newsledger's runner with N workers (end to end, in input
        # order) against bare spaCy nlp.pipe(n_process=N); texts repeated to 10,000 articles
    .venv/bin/python benchmarks/throughput.py --workers 2 --repeat-to 10000 --rounds 4
        # the same, both sides run in turn on four slices of 2,500 articles (drift-proof)

With one process both sides are timed chunk by chunk in turn (``--interleave 50``, the
default; who goes first alternates), so a machine whose speed drifts during the run slows both
alike; ``--interleave 0`` times each side on all texts (best of ``--repeat``).

Prints articles/s and words/s for each and the ratio (newsledger speed / spaCy speed; 1.0 means
our stages cost nothing on top of the model), for each parse mode (``--parse all,selective``, the
default: both, same texts, same run), with the share of sentences the parser analysed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path
from typing import Optional

REPO = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = REPO.parent / "shared" / "eval" / "geo" / "dev.jsonl"


def load_texts(path: Path, limit: int | None) -> list[str]:
    texts = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                texts.append(json.loads(line)["text"])
            if limit and len(texts) >= limit:
                break
    return texts


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    parser.add_argument("--limit", type=int, default=None, help="use the first N texts")
    parser.add_argument("--repeat", type=int, default=1, help="best of N timings")
    parser.add_argument("--stock-rules", action="store_true",
                        help="one process: also time each mode with the model's own attribute ruler, "
                             "lemmatizer and embedding layers (MODE/stock) instead of newsledger.nlp.fastpipes "
                             "and newsledger.nlp.embedcache")
    parser.add_argument("--interleave", type=int, default=50, metavar="N",
                        help="one process: time both sides on chunks of N texts in turn, summed "
                             "(0: each side on all texts, best of --repeat)")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--json", action="store_true", help="print a JSON summary line too")
    parser.add_argument("--workers", type=int, default=1, help="processes on both sides (default 1)")
    parser.add_argument("--repeat-to", type=int, default=None, help="repeat the texts to N articles")
    parser.add_argument("--rounds", type=int, default=1,
                        help="with --workers: cut the texts in N slices and run the sides in turn on "
                             "each (processes started and models loaded once per slice and side)")
    parser.add_argument("--parse", default="all,selective",
                        help="parse modes to time, comma-separated (default: all,selective)")
    args = parser.parse_args(argv)
    args.modes = [m.strip() for m in args.parse.split(",") if m.strip()]
    if not args.input.exists():
        print(f"no input at {args.input}", file=sys.stderr)
        return 2
    from newsledger.model import Document
    from newsledger.nlp.model_loader import load_model
    from newsledger.nlp.pipeline import Analyzer
    from newsledger.options import AnalyzeOptions

    texts = load_texts(args.input, args.limit)
    if args.repeat_to:
        texts = [texts[i % len(texts)] for i in range(args.repeat_to)]
    if args.workers > 1:
        return run_workers(args, texts)
    words = sum(len(t.split()) for t in texts)
    bare = load_model()
    analyzers = {mode: Analyzer(AnalyzeOptions(batch_size=args.batch_size, parse=mode)) for mode in args.modes}
    if args.stock_rules:
        from newsledger.nlp.pipeline import build_pipeline

        # the model's own attribute ruler and lemmatizer instead of our exact stand-ins
        for mode in list(analyzers):
            analyzers[f"{mode}/stock"] = Analyzer(AnalyzeOptions(batch_size=args.batch_size, parse=mode),
                                                  nlp=build_pipeline(parse=mode, fast_rules=False,
                                                                     cache_embeddings=False))
    docs = [Document.from_text(t) for t in texts]
    # warm up all (first calls build caches, load the gazetteer, ...)
    list(bare.pipe(texts[:5]))
    for analyzer in analyzers.values():
        list(analyzer.analyze_documents(docs[:5], published="2020-01-01"))

    def run_bare(lo: int = 0, hi: Optional[int] = None):
        def run():
            for _ in bare.pipe(texts[lo:hi], batch_size=args.batch_size):
                pass
        return run

    def run_ours(analyzer, lo: int = 0, hi: Optional[int] = None, reset: bool = True):
        def run():
            if reset:
                for key in analyzer.parse_counts:
                    analyzer.parse_counts[key] = 0
            for _ in analyzer.analyze_documents(docs[lo:hi], published="2020-01-01"):
                pass
        return run

    if args.interleave:
        # chunk by chunk, each side in turn (who goes first alternates): a machine whose
        # speed drifts during the run slows both sides alike
        t_bare, t_ours = 0.0, {mode: 0.0 for mode in analyzers}
        for an in analyzers.values():
            for key in an.parse_counts:
                an.parse_counts[key] = 0
        for k, lo in enumerate(range(0, len(texts), args.interleave)):
            hi = lo + args.interleave
            sides = [("bare", run_bare(lo, hi))] + [(m, run_ours(an, lo, hi, reset=False))
                                                    for m, an in analyzers.items()]
            for name, fn in (sides if k % 2 == 0 else sides[::-1]):
                secs = timed(fn)
                if name == "bare":
                    t_bare += secs
                else:
                    t_ours[name] += secs
    else:
        t_bare = min(timed(run_bare()) for _ in range(args.repeat))
        t_ours = {mode: min(timed(run_ours(an)) for _ in range(args.repeat)) for mode, an in analyzers.items()}
    n = len(texts)
    result = {
        "articles": n, "words": words, "model": bare.meta.get("name"), "load": _load(),
        "spacy_articles_per_s": round(n / t_bare, 2), "spacy_words_per_s": round(words / t_bare),
        "python": platform.python_version(), "modes": {},
    }
    print(f"{n} articles, {words} words ({args.input.name}); load average {result['load']}")
    print(f"bare spaCy nlp.pipe          : {result['spacy_articles_per_s']:8.2f} articles/s {result['spacy_words_per_s']:9,} words/s")
    for mode, secs in t_ours.items():
        counts = analyzers[mode].parse_counts
        entry = _mode_result(n, words, t_bare, secs, counts)
        result["modes"][mode] = entry
        print(f"newsledger --parse {mode:9s} : {entry['newsledger_articles_per_s']:8.2f} articles/s "
              f"{entry['newsledger_words_per_s']:9,} words/s  ratio {entry['ratio']:.3f}  "
              f"sentences parsed {counts['parsed']:,}/{counts['sentences']:,} ({100 * entry['sentences_parsed']:.1f} %), "
              f"tokens {100 * entry['tokens_parsed']:.1f} %")
    if len(args.modes) == 2:
        a, b = (t_ours[m] for m in args.modes)
        print(f"{args.modes[1]} / {args.modes[0]} speed: {a / b:.3f}")
    if args.json:
        print(json.dumps(result))
    return 0


def _parse_counts(mode: str, weights, batch_size: int) -> dict:
    """Sentences and tokens parsed in ``mode`` over texts repeated ``weights[text]`` times
    (the model and the parse only: our stages do not change them)."""
    from newsledger.nlp import components, selective
    from newsledger.nlp.pipeline import build_pipeline

    nlp = build_pipeline(parse=mode)
    counts = {"sentences": 0, "parsed": 0, "tokens": 0, "parsed_tokens": 0}
    distinct = list(weights)
    with nlp.select_pipes(disable=[name for name in components.STAGES if name in nlp.pipe_names]):
        for text, doc in zip(distinct, nlp.pipe(distinct, batch_size=batch_size)):
            stats = doc.user_data.get(selective.STATS_KEY) or {}
            for key in counts:
                counts[key] += stats.get(key, 0) * weights[text]
    return counts


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def _mode_result(n: int, words: int, t_bare: float, t_ours: float, counts: dict) -> dict:
    return {"newsledger_articles_per_s": round(n / t_ours, 2), "newsledger_words_per_s": round(words / t_ours),
            "ratio": round(t_bare / t_ours, 3),
            "sentences": counts["sentences"], "parsed": counts["parsed"],
            "sentences_parsed": round(counts["parsed"] / counts["sentences"], 4) if counts["sentences"] else 0.0,
            "tokens_parsed": round(counts["parsed_tokens"] / counts["tokens"], 4) if counts["tokens"] else 0.0}


def run_workers(args, texts: list[str]) -> int:
    """N processes each side, same texts, same run (each side loads its models in its workers).

    The share of sentences parsed is counted afterwards in this process, untimed, on the
    distinct texts weighted by how often they repeat (the workers' counts stay in the workers).
    """
    from collections import Counter

    from newsledger.model import Document
    from newsledger.nlp.model_loader import load_model
    from newsledger.options import AnalyzeOptions
    from newsledger.runner import _ProcessExecutor, iter_ordered_ledgers
    from newsledger.sources import SourceItem

    n, words = len(texts), sum(len(t.split()) for t in texts)
    bare = load_model()

    def items(part):
        for i, text in enumerate(part):
            yield SourceItem(str(i), document=Document.from_text(text, source_id=str(i)))

    def run_bare():
        for _ in bare.pipe(texts, batch_size=args.batch_size, n_process=args.workers):
            pass

    def run_ours(mode, part=texts):
        def run():
            executor = _ProcessExecutor(AnalyzeOptions(batch_size=args.batch_size, parse=mode), args.workers)
            try:
                for _ in iter_ordered_ledgers(items(part), executor, published="2020-01-01",
                                              batch_size=args.batch_size):
                    pass
            finally:
                executor.close()
        return run

    load_before = _load()
    # both timings include starting the N processes and loading the model in each
    if args.rounds > 1:
        # the texts cut in --rounds slices; each slice is run by every side in turn (who goes
        # first alternates) and the times are summed, so the machine's drift slows all alike
        t_bare, t_ours = 0.0, {mode: 0.0 for mode in args.modes}
        size = -(-n // args.rounds)
        for r in range(args.rounds):
            part = texts[r * size:(r + 1) * size]
            sides = [("bare", None)] + [("ours", mode) for mode in args.modes]
            for side, mode in (sides if r % 2 == 0 else sides[::-1]):
                if side == "bare":
                    t_bare += timed(lambda: [None for _ in bare.pipe(part, batch_size=args.batch_size,
                                                                       n_process=args.workers)])
                else:
                    t_ours[mode] += timed(run_ours(mode, part))
    else:
        t_bare = min(timed(run_bare) for _ in range(args.repeat))
        t_ours = {mode: min(timed(run_ours(mode)) for _ in range(args.repeat)) for mode in args.modes}
    load_after = _load()
    result = {
        "articles": n, "words": words, "workers": args.workers, "rounds": args.rounds,
        "model": bare.meta.get("name"),
        "load_before": load_before, "load_after": load_after,
        "spacy_articles_per_s": round(n / t_bare, 2), "spacy_words_per_s": round(words / t_bare),
        "python": platform.python_version(), "modes": {},
    }
    print(f"{n} articles, {words} words ({args.input.name}), {args.workers} processes each side; "
          f"load average {load_before} before, {load_after} after")
    print(f"bare spaCy nlp.pipe(n_process={args.workers})   : {result['spacy_articles_per_s']:8.2f} articles/s "
          f"{result['spacy_words_per_s']:9,} words/s")
    weights = Counter(texts)
    for mode, secs in t_ours.items():
        counts = _parse_counts(mode, weights, args.batch_size)
        entry = _mode_result(n, words, t_bare, secs, counts)
        result["modes"][mode] = entry
        print(f"newsledger --workers {args.workers} --parse {mode:9s} : {entry['newsledger_articles_per_s']:8.2f} articles/s "
              f"{entry['newsledger_words_per_s']:9,} words/s  ratio {entry['ratio']:.3f}  "
              f"sentences parsed {100 * entry['sentences_parsed']:.1f} %, tokens {100 * entry['tokens_parsed']:.1f} %")
    if args.json:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
