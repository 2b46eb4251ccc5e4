"""Scorer for the ``events`` benchmark (PLOVER coding of single news sentences).

Metric (see ``eval/events/README.md``):

* **event type**: accuracy and macro-F1 over the PLOVER 2.0 types, on records
  whose gold ``event`` is not null.  For each record one predicted event is
  chosen from its sentence's predictions: among the events whose trigger
  overlaps one of the record's gold ``event_spans``, the most salient (trigger
  highest in the dependency tree, then the earliest); when none overlaps, the
  most salient event of the sentence.  A record with no prediction counts as
  wrong (predicted type ``NONE``).  Sentences that carry two records are
  analysed once and each record is scored against the same predictions.
* **actors**: for the chosen event, source and target actor spans against the
  gold ``source_actors`` / ``target_actors`` (all records, null events too):
  exact span P/R/F1 and token-overlap P/R/F1 (micro-averaged over word tokens).

``evaluate(path, analyzer=None, limit=None)`` runs the pipeline
(``analyzer.nlp`` if given, else a new :class:`~newsledger.nlp.pipeline.Analyzer`);
:func:`score` does the counting on given predictions.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Iterable, Optional, Sequence

from ..model import Event
from .common import Report, prf, read_jsonl

TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
NONE = "NONE"
_WORD = re.compile(r"\w+")


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def choose(record: dict, events: Sequence[Event], salience: Optional[Sequence[float]] = None) -> Optional[Event]:
    """The predicted event a record is scored against (see the module docstring).

    ``salience``: one number per event, lower is more salient (e.g. the depth of
    the trigger in the dependency tree); by default the list order.
    """
    if not events:
        return None
    sal = list(salience) if salience is not None else list(range(len(events)))
    order = sorted(range(len(events)), key=lambda i: (sal[i], events[i].trigger.start))
    spans = [(s["start"], s["end"]) for s in record.get("event_spans") or []]
    for i in order:
        ev = events[i]
        if any(_overlaps(ev.trigger.start, ev.trigger.end, s, e) for s, e in spans):
            return ev
    return events[order[0]]


def _tokens(spans: Iterable[tuple[int, int]], text: str) -> set[tuple[int, int]]:
    out: set[tuple[int, int]] = set()
    for start, end in spans:
        for m in _WORD.finditer(text, start, end):
            out.add((m.start(), m.end()))
    return out


class _SpanCounts:
    def __init__(self) -> None:
        self.tp = self.n_pred = self.n_gold = 0
        self.ttp = self.tn_pred = self.tn_gold = 0

    def add(self, pred: list[tuple[int, int]], gold: list[tuple[int, int]], text: str) -> None:
        pset, gset = set(pred), set(gold)
        self.tp += len(pset & gset)
        self.n_pred += len(pset)
        self.n_gold += len(gset)
        pt, gt = _tokens(pset, text), _tokens(gset, text)
        self.ttp += len(pt & gt)
        self.tn_pred += len(pt)
        self.tn_gold += len(gt)

    def metrics(self, prefix: str) -> dict[str, float]:
        p, r, f = prf(self.tp, self.n_pred, self.n_gold)
        tp_, tr, tf = prf(self.ttp, self.tn_pred, self.tn_gold)
        return {f"{prefix}_p": p, f"{prefix}_r": r, f"{prefix}_f1": f,
                f"{prefix}_token_p": tp_, f"{prefix}_token_r": tr, f"{prefix}_token_f1": tf}


def score(records: Sequence[dict], predictions: Sequence[Sequence[Event]],
          saliences: Optional[Sequence[Optional[Sequence[float]]]] = None, *, file: str = "") -> Report:
    """Score one list of predicted events per record (records of the same sentence
    may share the list)."""
    gold_types: list[str] = []
    pred_types: list[str] = []
    src, tgt = _SpanCounts(), _SpanCounts()
    overlap_hits = 0
    predicted_any = 0
    for k, rec in enumerate(records):
        events = list(predictions[k])
        sal = saliences[k] if saliences is not None else None
        ev = choose(rec, events, sal)
        text = rec["text"]
        if ev is not None:
            predicted_any += 1
            if any(_overlaps(ev.trigger.start, ev.trigger.end, s["start"], s["end"])
                   for s in rec.get("event_spans") or []):
                overlap_hits += 1
        if rec.get("event"):
            gold_types.append(rec["event"])
            pred_types.append(ev.type if ev is not None and ev.type else NONE)
        psrc = [(a.start, a.end) for a in ev.source_actors] if ev is not None else []
        ptgt = [(a.start, a.end) for a in ev.target_actors] if ev is not None else []
        src.add(psrc, [(a["start"], a["end"]) for a in rec.get("source_actors") or []], text)
        tgt.add(ptgt, [(a["start"], a["end"]) for a in rec.get("target_actors") or []], text)

    n_typed = len(gold_types)
    correct = sum(1 for g, p in zip(gold_types, pred_types) if g == p)
    labels = [t for t in TYPES if t in set(gold_types) | set(pred_types)]
    per_type: dict[str, tuple[float, float, float, int]] = {}
    for t in labels:
        tp = sum(1 for g, p in zip(gold_types, pred_types) if g == p == t)
        n_pred = sum(1 for p in pred_types if p == t)
        n_gold = sum(1 for g in gold_types if g == t)
        per_type[t] = (*prf(tp, n_pred, n_gold), n_gold)
    macro = sum(v[2] for v in per_type.values()) / len(per_type) if per_type else 0.0

    metrics: dict[str, float] = {
        "type_accuracy": correct / n_typed if n_typed else 0.0,
        "type_macro_f1": macro,
        "records_with_prediction": predicted_any / len(records) if records else 0.0,
        "trigger_overlap_rate": overlap_hits / len(records) if records else 0.0,
    }
    metrics.update(src.metrics("source"))
    metrics.update(tgt.metrics("target"))

    details = ["per type (gold n, P, R, F1):"]
    for t, (p, r, f, n) in per_type.items():
        details.append(f"  {t:<10} {n:>3}  {p:.3f} {r:.3f} {f:.3f}")
    details.extend(confusion(gold_types, pred_types))
    return Report(task="events", file=file, n=n_typed, metrics=metrics, details=details)


def confusion(gold: Sequence[str], pred: Sequence[str]) -> list[str]:
    """The confusion matrix as text lines (rows gold, columns predicted)."""
    cols = [t for t in TYPES if t in set(pred) | set(gold)] + ([NONE] if NONE in set(pred) else [])
    rows = [t for t in TYPES if t in set(gold)]
    counts = Counter(zip(gold, pred))
    abbrev = {t: t[:4] for t in cols}
    lines = ["confusion (rows gold, columns predicted):",
             "  " + " " * 10 + " ".join(f"{abbrev[c]:>4}" for c in cols)]
    for g in rows:
        lines.append("  " + f"{g:<10}" + " ".join(f"{counts.get((g, c), 0) or '.':>4}" for c in cols))
    return lines


def _salience(doc, events: Sequence[Event]) -> list[float]:
    """Depth of each event's trigger in the dependency tree (lower is more salient)."""
    out = []
    for ev in events:
        best = None
        for tok in doc:
            if tok.idx >= ev.trigger.end:
                break
            if tok.idx + len(tok.text) <= ev.trigger.start:
                continue
            d, t = 0, tok
            while t.head.i != t.i:
                d, t = d + 1, t.head
            best = d if best is None else min(best, d)
        out.append(float(best if best is not None else 99))
    return out


def evaluate(path: str | Path, *, analyzer=None, limit: Optional[int] = None) -> Report:
    """Score newsledger's events stage on a benchmark file (JSON Lines, plain or gzip)."""
    from ..nlp.events import find_events

    records = list(read_jsonl(path))
    if limit is not None:
        records = records[:limit]
    if analyzer is None:
        from ..nlp.pipeline import Analyzer

        analyzer = Analyzer()
    nlp = analyzer.nlp
    texts = list(dict.fromkeys(r["text"] for r in records))
    by_text: dict[str, tuple[list[Event], list[float]]] = {}
    staged = "newsledger_events" in nlp.pipe_names
    for text, doc in zip(texts, nlp.pipe(texts)):
        if staged:
            events = list(doc._.events or [])
        else:
            events = find_events(doc, actors=[], timexes=[], places=[], claims=[])
        by_text[text] = (events, _salience(doc, events))
    preds = [by_text[r["text"]][0] for r in records]
    sals = [by_text[r["text"]][1] for r in records]
    return score(records, preds, sals, file=str(path))
