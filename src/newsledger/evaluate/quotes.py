"""Scorer for the attribution benchmark (``shared/eval/quotes``, PolNeAR).

Metric (see the benchmark README):

* predicted and gold attributions are paired one-to-one, greedily by the
  largest token overlap of their contents (gold: the union of its
  ``fragments``; predicted: the claim's content span less the words of its own
  speaker and cue, so a quotation split by "he said" is scored on the quoted
  words only);
* attribution P/R/F1 where a pair counts when the contents overlap at all
  (``any``) and when their token Jaccard is at least 0.5 (``jaccard50``);
* source-match accuracy over matched pairs: the predicted speaker overlaps
  (``overlap``) or equals (``exact``, same word tokens) the gold source; a gold
  attribution without a source counts as right only when the prediction has no
  speaker;
* cue F1 (a matched pair whose cues overlap) and token-level content P/R/F1
  summed over matched pairs.

Tokens are the word characters runs (``\\w+``) of the document text, so
punctuation and quote marks do not move the scores.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional, Sequence

from ..model import Claim
from .common import Report, prf, read_jsonl

_WORD = re.compile(r"\w+")


# ---------------------------------------------------------------------------
# tokens


class _Tokens:
    """Word tokens of one text, to turn character spans into token sets."""

    def __init__(self, text: str):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for m in _WORD.finditer(text):
            self.starts.append(m.start())
            self.ends.append(m.end())

    def of(self, spans: Iterable[Sequence[int]]) -> frozenset[int]:
        out: set[int] = set()
        for s, e in spans:
            if e <= s:
                continue
            i = bisect_left(self.ends, s + 1)  # first token ending after s
            while i < len(self.starts) and self.starts[i] < e:
                out.add(i)
                i += 1
        return frozenset(out)


@dataclass(frozen=True)
class _Item:
    content: frozenset[int]
    source: Optional[frozenset[int]]
    cue: frozenset[int]
    kind: str = ""


def _gold_items(record: dict, toks: _Tokens) -> list[_Item]:
    items = []
    for a in record.get("attributions", []):
        content = toks.of(a["content"]["fragments"])
        source = toks.of(a["source"]["fragments"]) if a.get("source") else None
        cue = toks.of(a["cue"]["fragments"]) if a.get("cue") else frozenset()
        items.append(_Item(content, source, cue, a.get("type", "")))
    return items


def _pred_items(claims: Iterable[Claim], toks: _Tokens) -> list[_Item]:
    items = []
    for c in claims:
        speaker = toks.of([(c.speaker.start, c.speaker.end)]) if c.speaker is not None else None
        cue = toks.of([(c.cue.start, c.cue.end)]) if c.cue is not None else frozenset()
        content = toks.of([(c.content.start, c.content.end)]) - cue - (speaker or frozenset())
        if not content:
            continue
        items.append(_Item(content, speaker if speaker else None, cue, c.kind))
    return items


def pair(pred: Sequence[_Item], gold: Sequence[_Item]) -> list[tuple[int, int, int]]:
    """Greedy one-to-one pairing by the largest content overlap: (pred, gold, overlap)."""
    cands = []
    for i, p in enumerate(pred):
        for j, g in enumerate(gold):
            n = len(p.content & g.content)
            if n:
                cands.append((n, i, j))
    cands.sort(key=lambda x: (-x[0], x[1], x[2]))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for n, i, j in cands:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j, n))
    return out


# ---------------------------------------------------------------------------
# scoring


class _Tally:
    def __init__(self) -> None:
        self.c: Counter = Counter()
        self.by_kind: Counter = Counter()

    def add(self, pred: list[_Item], gold: list[_Item]) -> None:
        c = self.c
        c["pred"] += len(pred)
        c["gold"] += len(gold)
        for p in pred:
            self.by_kind[p.kind, "pred"] += 1
        for i, j, n in pair(pred, gold):
            p, g = pred[i], gold[j]
            c["match_any"] += 1
            self.by_kind[p.kind, "match"] += 1
            union = len(p.content | g.content)
            if n / union >= 0.5:
                c["match_j50"] += 1
            c["tok_inter"] += n
            c["tok_pred"] += len(p.content)
            c["tok_gold"] += len(g.content)
            if p.cue and g.cue and p.cue & g.cue:
                c["cue_match"] += 1
            if g.source is None:
                c["src_null_gold"] += 1
                if p.source is None:
                    c["src_overlap"] += 1
                    c["src_exact"] += 1
            else:
                c["src_gold"] += 1
                if p.source is not None and p.source & g.source:
                    c["src_overlap"] += 1
                    if p.source == g.source:
                        c["src_exact"] += 1

    def metrics(self) -> dict[str, float]:
        c = self.c
        m: dict[str, float] = {}
        for name, key in (("any", "match_any"), ("jaccard50", "match_j50")):
            p, r, f = prf(c[key], c["pred"], c["gold"])
            m[f"attribution_{name}_p"], m[f"attribution_{name}_r"], m[f"attribution_{name}_f1"] = p, r, f
        matched = c["match_any"]
        m["source_overlap_acc"] = c["src_overlap"] / matched if matched else 0.0
        m["source_exact_acc"] = c["src_exact"] / matched if matched else 0.0
        p, r, f = prf(c["cue_match"], c["pred"], c["gold"])
        m["cue_p"], m["cue_r"], m["cue_f1"] = p, r, f
        p, r, f = prf(c["tok_inter"], c["tok_pred"], c["tok_gold"])
        m["content_token_p"], m["content_token_r"], m["content_token_f1"] = p, r, f
        m["n_gold"] = float(c["gold"])
        m["n_pred"] = float(c["pred"])
        m["n_matched"] = float(matched)
        return m


def score(records: Sequence[dict], predictions: Sequence[Sequence[Claim]]) -> dict[str, float]:
    """The metrics for ``predictions[i]`` (claims) against ``records[i]`` (gold lines)."""
    return _score(records, predictions).metrics()


def _score(records: Sequence[dict], predictions: Sequence[Sequence[Claim]]) -> _Tally:
    tally = _Tally()
    for record, claims in zip(records, predictions):
        toks = _Tokens(record["text"])
        tally.add(_pred_items(claims, toks), _gold_items(record, toks))
    return tally


def predict(texts: Sequence[str], analyzer=None) -> list[list[Claim]]:
    """Claims for each text, with the analyzer's pipeline (or a new :class:`Analyzer`)."""
    from ..nlp.quotes import find_claims

    if analyzer is None:
        from ..nlp.pipeline import Analyzer

        analyzer = Analyzer()
    nlp = analyzer.nlp
    has_stage = "newsledger_quotes" in nlp.pipe_names
    out = []
    for doc in nlp.pipe(texts, batch_size=16):
        if has_stage and doc._.claims is not None:
            out.append(list(doc._.claims))
        else:
            out.append(find_claims(doc, list(doc._.actors or [])))
    return out


def evaluate(path: str | Path, *, analyzer=None, limit: Optional[int] = None) -> Report:
    """Score the claims stage on a benchmark file (JSON Lines, see the README)."""
    records = list(read_jsonl(path))
    if limit is not None:
        records = records[:limit]
    predictions = predict([r["text"] for r in records], analyzer)
    tally = _score(records, predictions)
    report = Report(task="quotes", file=str(path), n=len(records), metrics=tally.metrics())
    kinds = sorted({k for k, _ in tally.by_kind})
    for kind in kinds:
        n, m = tally.by_kind[kind, "pred"], tally.by_kind[kind, "match"]
        report.details.append(f"  predicted {kind or '?'}: {n}, matched {m} ({m / n:.2f})" if n else "")
    return report
