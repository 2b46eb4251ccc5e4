"""Scorer for the geo benchmark (``../shared/eval/geo``): toponym detection
and toponym resolution in news.

Detection: precision/recall/F1 of predicted place spans against the gold
``toponyms`` (exact start/end, and a relaxed any-overlap variant), micro-
averaged over all articles.

Resolution, given the gold spans: every gold toponym with coordinates is
resolved by :func:`newsledger.nlp.places.resolve_spans` (the same logic and
document context as the places stage); accuracy within 161 km, mean and
median error in km.  A missing prediction is wrong and counts 20,039 km.
"""

from __future__ import annotations

import statistics
import time
from collections import defaultdict
from pathlib import Path
from typing import Iterable, Optional

from ..gazetteer import get_gazetteer, haversine_km
from .common import Report, prf, read_jsonl

MAX_KM = 20039.0
ACC_KM = 161.0

#: the spaCy pipes the places stage needs (tagger, parser and NER)
_NEEDED = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


def _nlp(analyzer):
    if analyzer is not None:
        return analyzer.nlp
    from ..nlp.model_loader import load_model

    return load_model()


def _docs(nlp, texts: list[str]):
    disable = [p for p in nlp.pipe_names if p not in _NEEDED]
    with nlp.select_pipes(disable=disable):
        yield from nlp.pipe(texts, batch_size=16)


class _Counts:
    def __init__(self) -> None:
        self.tp = self.tp_relaxed = self.n_pred = self.n_gold = 0
        self.pred_relaxed_hit = 0
        self.errors: list[float] = []

    def metrics(self, prefix: str = "") -> dict[str, float]:
        p, r, f = prf(self.tp, self.n_pred, self.n_gold)
        # relaxed: a prediction is right when it overlaps a gold span; a gold
        # span is found when some prediction overlaps it
        rp = self.pred_relaxed_hit / self.n_pred if self.n_pred else 0.0
        rr = self.tp_relaxed / self.n_gold if self.n_gold else 0.0
        rf = 2 * rp * rr / (rp + rr) if rp + rr else 0.0
        out = {f"{prefix}detect_p": p, f"{prefix}detect_r": r, f"{prefix}detect_f1": f,
               f"{prefix}detect_relaxed_p": rp, f"{prefix}detect_relaxed_r": rr,
               f"{prefix}detect_relaxed_f1": rf}
        if self.errors:
            out[f"{prefix}resolve_acc161"] = sum(e <= ACC_KM for e in self.errors) / len(self.errors)
            out[f"{prefix}resolve_mean_km"] = sum(self.errors) / len(self.errors)
            out[f"{prefix}resolve_median_km"] = statistics.median(self.errors)
            out[f"{prefix}resolve_n"] = float(len(self.errors))
        return out


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score_detection(pred: Iterable[tuple[int, int]], gold: Iterable[tuple[int, int]]
                    ) -> tuple[int, int, int, int, int]:
    """(exact tp, n_pred, n_gold, gold found by overlap, predictions overlapping gold)."""
    pred = sorted(set(pred))
    gold = sorted(set(gold))
    gset = set(gold)
    tp = sum(1 for p in pred if p in gset)
    gold_hit = sum(1 for g in gold if any(_overlaps(g, p) for p in pred))
    pred_hit = sum(1 for p in pred if any(_overlaps(g, p) for g in gold))
    return tp, len(pred), len(gold), gold_hit, pred_hit


def resolution_error(pred: Optional[tuple[float, float]], gold: tuple[float, float]) -> float:
    """Great-circle error in km; a missing prediction is the maximum error."""
    if pred is None or pred[0] is None or pred[1] is None:
        return MAX_KM
    return haversine_km(pred[0], pred[1], gold[0], gold[1])


def evaluate(path: str | Path, *, analyzer=None, limit: Optional[int] = None,
             show_errors: int = 0) -> Report:
    """Score detection and resolution on a geo JSONL file."""
    from ..nlp.places import find_places, resolve_spans

    t0 = time.perf_counter()
    records = []
    for i, rec in enumerate(read_jsonl(path)):
        if limit is not None and i >= limit:
            break
        records.append(rec)
    nlp = _nlp(analyzer)
    g = get_gazetteer()
    total = _Counts()
    per_source: dict[str, _Counts] = defaultdict(_Counts)
    shown: list[str] = []
    for rec, doc in zip(records, _docs(nlp, [r["text"] for r in records])):
        gold = [t for t in rec.get("toponyms") or []]
        pred = [(p.start, p.end) for p in find_places(doc, g, url=rec.get("url"))]
        counts = score_detection(pred, [(t["start"], t["end"]) for t in gold])
        for c in (total, per_source[rec.get("source") or "?"]):
            c.tp += counts[0]
            c.n_pred += counts[1]
            c.n_gold += counts[2]
            c.tp_relaxed += counts[3]
            c.pred_relaxed_hit += counts[4]
        with_coords = [t for t in gold if t.get("lat") is not None and t.get("lon") is not None]
        if with_coords:
            resolved = resolve_spans(doc, [(t["start"], t["end"]) for t in with_coords], g,
                                     url=rec.get("url"))
            for t, r in zip(with_coords, resolved):
                err = resolution_error((r.lat, r.lon) if r is not None else None,
                                       (float(t["lat"]), float(t["lon"])))
                total.errors.append(err)
                per_source[rec.get("source") or "?"].errors.append(err)
                if err > ACC_KM and len(shown) < show_errors:
                    shown.append(f"  miss {rec['id']} {t['text']!r} gold={t.get('gazetteer_name')} "
                                 f"({t['lat']:.2f},{t['lon']:.2f}) pred="
                                 + (f"{r.name} {r.country} ({r.lat},{r.lon})" if r else "None")
                                 + f" err={err:.0f}km")
    metrics = total.metrics()
    details = []
    for source in sorted(per_source):
        m = per_source[source].metrics()
        details.append(
            f"  {source}: detect P/R/F1 {m['detect_p']:.3f}/{m['detect_r']:.3f}/{m['detect_f1']:.3f}"
            f" relaxed F1 {m['detect_relaxed_f1']:.3f}; resolve acc@161 "
            f"{m.get('resolve_acc161', 0.0):.3f} mean {m.get('resolve_mean_km', 0.0):.0f} km"
            f" median {m.get('resolve_median_km', 0.0):.0f} km (n={int(m.get('resolve_n', 0))})")
    details.append(f"  time {time.perf_counter() - t0:.1f} s")
    details.extend(shown)
    return Report(task="geo", file=str(path), n=len(records), metrics=metrics, details=details)
