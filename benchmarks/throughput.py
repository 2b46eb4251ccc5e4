"""Throughput of the full newsledger pipeline against bare spaCy ``nlp.pipe``.

Same texts, same model, same run:

    .venv/bin/python benchmarks/throughput.py                       # geo dev texts (706 articles)
    .venv/bin/python benchmarks/throughput.py --limit 200 --repeat 1
    .venv/bin/python benchmarks/throughput.py --input my.jsonl      # any JSONL with a "text" field
    .venv/bin/python benchmarks/throughput.py --workers 2 --repeat-to 10000
        # N processes on both sides: newsledger's runner with N workers (end to end, in input
        # order) against bare spaCy nlp.pipe(n_process=N); texts repeated to 10,000 articles

Prints articles/s and words/s for each and the ratio (newsledger speed / spaCy speed; 1.0 means
our stages cost nothing on top of the model).
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

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
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--json", action="store_true", help="print a JSON summary line too")
    parser.add_argument("--workers", type=int, default=1, help="processes on both sides (default 1)")
    parser.add_argument("--repeat-to", type=int, default=None, help="repeat the texts to N articles")
    args = parser.parse_args(argv)
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
    analyzer = Analyzer(AnalyzeOptions(batch_size=args.batch_size))
    docs = [Document.from_text(t) for t in texts]
    # warm up both (first calls build caches, load the gazetteer, ...)
    list(bare.pipe(texts[:5]))
    list(analyzer.analyze_documents(docs[:5], published="2020-01-01"))

    def run_bare():
        for _ in bare.pipe(texts, batch_size=args.batch_size):
            pass

    def run_ours():
        for _ in analyzer.analyze_documents(docs, published="2020-01-01"):
            pass

    t_bare = min(timed(run_bare) for _ in range(args.repeat))
    t_ours = min(timed(run_ours) for _ in range(args.repeat))
    n = len(texts)
    result = {
        "articles": n, "words": words, "model": analyzer.nlp.meta.get("name"),
        "spacy_articles_per_s": round(n / t_bare, 2), "spacy_words_per_s": round(words / t_bare),
        "newsledger_articles_per_s": round(n / t_ours, 2), "newsledger_words_per_s": round(words / t_ours),
        "ratio": round(t_bare / t_ours, 3), "python": platform.python_version(),
    }
    print(f"{n} articles, {words} words ({args.input.name})")
    print(f"bare spaCy nlp.pipe : {result['spacy_articles_per_s']:8.2f} articles/s {result['spacy_words_per_s']:9,} words/s")
    print(f"newsledger pipeline : {result['newsledger_articles_per_s']:8.2f} articles/s {result['newsledger_words_per_s']:9,} words/s")
    print(f"ratio (newsledger / spaCy speed): {result['ratio']:.3f}")
    if args.json:
        print(json.dumps(result))
    return 0


def run_workers(args, texts: list[str]) -> int:
    """N processes each side, same texts, same run (each side loads its models in its workers)."""
    from newsledger.model import Document
    from newsledger.nlp.model_loader import load_model
    from newsledger.options import AnalyzeOptions
    from newsledger.runner import _ProcessExecutor, iter_ordered_ledgers
    from newsledger.sources import SourceItem

    n, words = len(texts), sum(len(t.split()) for t in texts)
    bare = load_model()

    def items():
        for i, text in enumerate(texts):
            yield SourceItem(str(i), document=Document.from_text(text, source_id=str(i)))

    def run_bare():
        for _ in bare.pipe(texts, batch_size=args.batch_size, n_process=args.workers):
            pass

    def run_ours():
        executor = _ProcessExecutor(AnalyzeOptions(batch_size=args.batch_size), args.workers)
        try:
            for _ in iter_ordered_ledgers(items(), executor, published="2020-01-01", batch_size=args.batch_size):
                pass
        finally:
            executor.close()

    # both timings include starting the N processes and loading the model in each
    t_bare = min(timed(run_bare) for _ in range(args.repeat))
    t_ours = min(timed(run_ours) for _ in range(args.repeat))
    result = {
        "articles": n, "words": words, "workers": args.workers, "model": bare.meta.get("name"),
        "spacy_articles_per_s": round(n / t_bare, 2), "spacy_words_per_s": round(words / t_bare),
        "newsledger_articles_per_s": round(n / t_ours, 2), "newsledger_words_per_s": round(words / t_ours),
        "ratio": round(t_bare / t_ours, 3), "python": platform.python_version(),
    }
    print(f"{n} articles, {words} words ({args.input.name}), {args.workers} processes each side")
    print(f"bare spaCy nlp.pipe(n_process={args.workers}) : {result['spacy_articles_per_s']:8.2f} articles/s {result['spacy_words_per_s']:9,} words/s")
    print(f"newsledger --workers {args.workers}           : {result['newsledger_articles_per_s']:8.2f} articles/s {result['newsledger_words_per_s']:9,} words/s")
    print(f"ratio (newsledger / spaCy speed): {result['ratio']:.3f}")
    if args.json:
        print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
