"""Score the HTML reader on the ``extract`` benchmark (article body text).

Each record gives a page's raw ``html``, its ``url`` and the gold ``body``.
We run :func:`newsledger.sources.html.extract_article` and compare its text
with the gold as the ScrapingHub article-extraction benchmark does:

* text → tokens with the Unicode regex ``\\w+``;
* tokens → multiset of 4-token shingles (a text of fewer than 4 tokens gives
  one shorter shingle; an empty text gives none);
* per page, TP/FP/FN are the multiset overlaps, normalised to sum to 1;
* precision = mean of TP/(TP+FP) over pages with TP+FP > 0, recall = mean of
  TP/(TP+FN) over pages with TP+FN > 0, F1 = harmonic mean of the two means;
* accuracy = share of pages whose token sequence equals the gold's;
* ``*_std`` = standard deviation over 1,000 bootstrap resamples of pages
  (fixed seed, so the report is deterministic).

A page the reader rejects (``NO_ARTICLE``) counts as an empty prediction.
"""

from __future__ import annotations

import random
import re
import statistics
import time
from collections import Counter
from pathlib import Path
from typing import Iterable, Optional

from ..errors import InputError
from .common import Report, read_jsonl

TASK = "extract"
SHINGLE = 4
N_BOOTSTRAP = 1000
SEED = 13

_TOKEN = re.compile(r"\w+")

Counts = tuple[float, float, float]  # normalised TP, FP, FN of one page


# ----------------------------------------------------------------------
# the metric

def tokenize(text: Optional[str]) -> list[str]:
    """Unicode ``\\w+`` tokens."""
    return _TOKEN.findall(text or "")


def shingles(text: Optional[str], n: int = SHINGLE) -> Counter:
    """Multiset of n-token shingles; a shorter (non-empty) text is one shingle."""
    tokens = tokenize(text)
    if not tokens:
        return Counter()
    if len(tokens) < n:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def match(gold: str, pred: str) -> Counts:
    """TP, FP, FN of one page's shingles, normalised to sum to 1 (or all 0)."""
    g, p = shingles(gold), shingles(pred)
    tp = sum((g & p).values())
    fp = sum((p - g).values())
    fn = sum((g - p).values())
    total = tp + fp + fn
    if not total:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def exact(gold: str, pred: str) -> float:
    """1.0 when the token sequences are equal, else 0.0."""
    return float(tokenize(gold) == tokenize(pred))


def _mean(values: list[float]) -> float:
    return statistics.fmean(values) if values else 0.0


def scores(pages: list[Counts]) -> dict[str, float]:
    """Precision, recall (means over pages) and their harmonic mean."""
    precision = _mean([tp / (tp + fp) for tp, fp, _ in pages if tp + fp > 0])
    recall = _mean([tp / (tp + fn) for tp, _, fn in pages if tp + fn > 0])
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"f1": f1, "precision": precision, "recall": recall}


def bootstrap_std(pages: list[Counts], accuracies: list[float],
                  n: int = N_BOOTSTRAP, seed: int = SEED) -> dict[str, float]:
    """Standard deviation of each metric over ``n`` resamples of pages."""
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {}
    size = len(pages)
    for _ in range(n if size else 0):
        idx = [rng.randrange(size) for _ in range(size)]
        values = scores([pages[i] for i in idx])
        values["accuracy"] = _mean([accuracies[i] for i in idx])
        for key, value in values.items():
            samples.setdefault(key, []).append(value)
    return {f"{key}_std": statistics.stdev(vals) if len(vals) > 1 else 0.0
            for key, vals in samples.items()}


def score_pages(golds: Iterable[str], preds: Iterable[str]) -> dict[str, float]:
    """All metrics for parallel lists of gold and predicted bodies."""
    pages, accuracies = [], []
    for gold, pred in zip(golds, preds, strict=True):
        pages.append(match(gold, pred))
        accuracies.append(exact(gold, pred))
    metrics = scores(pages)
    metrics["accuracy"] = _mean(accuracies)
    metrics.update(bootstrap_std(pages, accuracies))
    return metrics


# ----------------------------------------------------------------------
# running the reader

def predict(record: dict) -> str:
    """The body our reader extracts from one record ("" when it finds none)."""
    from ..sources.html import extract_article

    try:
        return extract_article(record.get("html") or "", url=record.get("url")).text
    except InputError:
        return ""


def evaluate(path: str | Path, *, analyzer=None, limit: Optional[int] = None) -> Report:
    """Score the HTML reader on an extract benchmark file (``analyzer`` is unused)."""
    records = []
    for record in read_jsonl(path):
        records.append(record)
        if limit is not None and len(records) >= limit:
            break
    start = time.perf_counter()
    preds = [predict(r) for r in records]
    seconds = time.perf_counter() - start
    golds = [r.get("body") or "" for r in records]
    metrics = score_pages(golds, preds)
    metrics["empty"] = float(sum(1 for p in preds if not p.strip()))
    details = [f"  extraction: {seconds:.1f} s for {len(records)} pages "
               f"({1000 * seconds / max(len(records), 1):.0f} ms/page)"]
    worst = sorted(zip(records, golds, preds), key=lambda x: _page_f1(x[1], x[2]))[:5]
    for record, gold, pred in worst:
        details.append(f"  low F1 {_page_f1(gold, pred):.3f}: {record.get('url') or record.get('id')}")
    return Report(task=TASK, file=str(path), n=len(records), metrics=metrics, details=details)


def _page_f1(gold: str, pred: str) -> float:
    tp, fp, fn = match(gold, pred)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0
