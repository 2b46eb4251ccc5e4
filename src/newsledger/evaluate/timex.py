"""Score the time stage on the ``timex`` benchmark (TempEval-3 style).

Each record of the benchmark file gives ``text``, ``dct`` and gold
``timexes`` (character offsets into ``text``, which keeps its leading and
trailing newlines).  We run the spaCy model and our time stage on ``text``
with ``doc._.published = dct`` and compare:

* strict span P/R/F1 — a prediction is right when start and end equal a gold span;
* relaxed span P/R/F1 — a prediction is right when it overlaps a gold span
  (one-to-one matching);
* value accuracy — over relaxed matches, the share whose ``value`` is right;
* value F1 / type F1 — F1 where a true positive needs a relaxed match *and*
  the right value (type).

Event-anchored phrases ("before Russia's invasion of Ukraine", ``anchor ==
"event"``) are not TIMEX3 markables in TimeML, so :func:`scored` leaves them
out before matching.

Micro-averaged over all timexes of the file.  Per-source value F1
(TimeBank / AQUAINT / ...) is given in the report details.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Iterable, Optional

from ..model import Timex
from .common import Report, prf, read_jsonl

TASK = "timex"


# ----------------------------------------------------------------------
# matching

def match_strict(gold: list[dict], pred: list[Timex]) -> list[tuple[int, int]]:
    """Pairs (gold index, pred index) with identical spans."""
    by_span = {}
    for j, p in enumerate(pred):
        by_span.setdefault((p.start, p.end), j)
    pairs = []
    for i, g in enumerate(gold):
        j = by_span.get((g["start"], g["end"]))
        if j is not None:
            pairs.append((i, j))
    return pairs


def match_relaxed(gold: list[dict], pred: list[Timex]) -> list[tuple[int, int]]:
    """One-to-one matching of overlapping spans, largest overlap first."""
    candidates = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            overlap = min(g["end"], p.end) - max(g["start"], p.start)
            if overlap > 0:
                exact = g["start"] == p.start and g["end"] == p.end
                candidates.append((not exact, -overlap, i, j))
    candidates.sort()
    used_g, used_p, pairs = set(), set(), []
    for _, _, i, j in candidates:
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        pairs.append((i, j))
    return pairs


class Counts:
    """Running counts for one group of documents."""

    def __init__(self) -> None:
        self.n_gold = self.n_pred = 0
        self.strict = self.relaxed = self.value = self.type = 0

    def add(self, gold: list[dict], pred: list[Timex]) -> None:
        self.n_gold += len(gold)
        self.n_pred += len(pred)
        self.strict += len(match_strict(gold, pred))
        for i, j in match_relaxed(gold, pred):
            self.relaxed += 1
            if pred[j].value == gold[i].get("value"):
                self.value += 1
            if pred[j].type == gold[i].get("type"):
                self.type += 1

    def metrics(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for name, tp in (("strict", self.strict), ("relaxed", self.relaxed),
                         ("value", self.value), ("type", self.type)):
            p, r, f = prf(tp, self.n_pred, self.n_gold)
            out[f"{name}_precision"] = p
            out[f"{name}_recall"] = r
            out[f"{name}_f1"] = f
        out["value_accuracy"] = self.value / self.relaxed if self.relaxed else 0.0
        out["type_accuracy"] = self.type / self.relaxed if self.relaxed else 0.0
        out["gold"] = self.n_gold
        out["predicted"] = self.n_pred
        return out


# ----------------------------------------------------------------------
# running the system

def _timexes_for(nlp, text: str, dct: Optional[str]) -> list[Timex]:
    """Run the model and the time stage (stages after it are not needed)."""
    from ..nlp.time import find_timexes

    doc = nlp.make_doc(text)
    doc._.published = dct
    doc._.errors = []
    ran_time = False
    for name, proc in nlp.pipeline:
        if name.startswith("newsledger_") and name != "newsledger_time":
            continue  # later stages only read the timexes
        doc = proc(doc)
        if name == "newsledger_time":
            ran_time = True
    if not ran_time:
        return find_timexes(doc, dct)
    return list(doc._.timexes or [])


def scored(pred: list[Timex]) -> list[Timex]:
    """The predictions TempEval scores: event-anchored phrases left out."""
    return [t for t in pred if t.anchor != "event"]


def predict(records: Iterable[dict], analyzer=None) -> Iterable[tuple[dict, list[Timex]]]:
    """(record, predicted timexes) for each record."""
    if analyzer is None:
        from ..nlp.pipeline import Analyzer

        analyzer = Analyzer()
    nlp = analyzer.nlp
    for record in records:
        yield record, _timexes_for(nlp, record["text"], record.get("dct"))


def evaluate(path: str | Path, *, analyzer=None, limit: Optional[int] = None) -> Report:
    """Score the time stage on a timex benchmark file (``.jsonl`` or ``.jsonl.gz``)."""
    records = []
    for record in read_jsonl(path):
        records.append(record)
        if limit is not None and len(records) >= limit:
            break
    total = Counts()
    by_source: dict[str, Counts] = defaultdict(Counts)
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # gold, value-correct
    for record, pred in predict(records, analyzer):
        pred = scored(pred)
        gold = record.get("timexes", [])
        total.add(gold, pred)
        by_source[record.get("source") or "?"].add(gold, pred)
        for i, j in match_relaxed(gold, pred):
            if pred[j].value == gold[i].get("value"):
                by_type[gold[i].get("type", "?")][1] += 1
        for g in gold:
            by_type[g.get("type", "?")][0] += 1
    metrics = total.metrics()
    details = []
    for source in sorted(by_source):
        m = by_source[source].metrics()
        details.append(f"  {source}: value F1 {m['value_f1']:.4f}  relaxed F1 {m['relaxed_f1']:.4f}"
                       f"  strict F1 {m['strict_f1']:.4f}  ({int(m['gold'])} gold, {int(m['predicted'])} predicted)")
    for tp in sorted(by_type):
        n, ok = by_type[tp]
        details.append(f"  gold {tp}: {n}, value right {ok} ({ok / n if n else 0.0:.1%})")
    return Report(task=TASK, file=str(path), n=len(records), metrics=metrics, details=details)
