"""Figure contradictions: one figure, different values from different sources.

Reads quantities (:class:`Figure`, built from each ``DocLedger.quantities``);
writes groups of figures that disagree.

Two figures are *the same figure* when they count the same thing (the head
noun of what they count, and the unit, agree), at compatible times (their
own dates, else their documents' publication dates at most
:data:`MAX_PUBLISHED_GAP` days apart), and their sentences tell the same
story: they report one merged event, or share :data:`MIN_WORDS` of their
content words.  A change ("30 percent more") is not a level and is left out.

Each figure is an interval, from its hedge: "more than 100,000" is above
100,000, "almost 40" is a little under 40, "about 60" is within 15 % of it,
"at least", "up to" are half-open; a bare round number ("100,000") stands
for 5 % either side, any other bare number for itself.  Figures agree when
their intervals meet: "more than 100,000" and "100,617" agree, 58 and 60
votes do not.

>>> interval(100000, "above"), interval(58, None), interval(100000, None)
((100000.0, inf), (58.0, 58.0), (95000.0, 105000.0))
>>> agree(interval(100000, "above"), interval(100617, None)), agree(interval(58, None), interval(60, None))
(True, False)
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Optional, Sequence

from . import dates as dts
from .actors import _UnionFind
from .names import fold
from .text import jaccard

MIN_WORDS = 0.25
MAX_PUBLISHED_GAP = 2
#: figures of one (thing, month) bucket compared pairwise at most
MAX_BUCKET = 300


@dataclass
class Figure:
    doc: str
    seq: int
    value: float
    unit: Optional[str]
    counts: Optional[str]
    approx: Optional[str]
    change: Optional[str]
    evidence: tuple[int, int, str]
    time: Optional[str]
    published: Optional[str]
    words: frozenset[str] = frozenset()
    events: frozenset[str] = frozenset()   # merged events told in its sentence
    hedge: Optional[str] = None
    #: what it counts, as a comparable key: unit and head noun (set on creation)
    thing: Optional[str] = field(init=False, default=None)
    #: when it holds (its own date, else its document's) and whether the date is its own
    when: Optional[str] = field(init=False, default=None)
    own_time: bool = field(init=False, default=False)

    def __post_init__(self) -> None:
        head = fold(self.counts or "").split()
        noun = head[-1] if head else ""
        if noun.endswith("s") and not noun.endswith("ss"):
            noun = noun[:-1]
        unit = fold(self.unit or "")
        self.thing = f"{unit}|{noun}" if noun or unit else None
        if self.time and dts.bounds(self.time):
            self.when, self.own_time = self.time, True
        else:
            self.when, self.own_time = self.published, False

    @property
    def key(self) -> str:
        return f"{self.doc}:q{self.seq}"

    def shown(self) -> str:
        """The value as a reader writes it, with its hedge: ``more than 100,000``."""
        v = int(self.value) if float(self.value).is_integer() else self.value
        return f"{self.hedge} {v:,}" if self.hedge else f"{v:,}"


@dataclass
class FigureConflict:
    thing: str
    figures: list[Figure] = field(default_factory=list)


def _round(v: float) -> bool:
    """Whether a bare number reads as rounded: 1,000 and more with three zeros at the end."""
    return v >= 1000 and float(v).is_integer() and int(v) % 1000 == 0


def interval(value: float, approx: Optional[str]) -> tuple[float, float]:
    """The values a figure allows, from its hedge (see the module docstring)."""
    v = float(value)
    if approx == "above":
        return v, math.inf
    if approx == "at-least":
        return v, math.inf
    if approx == "below":
        return 0.8 * v, v
    if approx in ("up-to", "at-most"):
        return 0.0, v
    if approx == "about":
        return 0.85 * v, 1.15 * v
    if _round(v):
        return 0.95 * v, 1.05 * v
    return v, v


def agree(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def same_figure(a: Figure, b: Figure) -> bool:
    if a.thing != b.thing or a.doc == b.doc:
        return False
    ta, tb = a.when, b.when
    if ta and tb:
        if a.own_time and b.own_time:
            if not dts.compatible(ta, tb):
                return False
        else:
            gap = dts.gap_days(ta, tb)
            if gap is not None and gap > MAX_PUBLISHED_GAP:
                return False
    return bool(a.events & b.events) or jaccard(a.words, b.words) >= MIN_WORDS


def find_conflicts(figures: Sequence[Figure]) -> list[FigureConflict]:
    """Groups of the same figure among which two sources disagree."""
    buckets: dict[tuple[str, str], list[Figure]] = defaultdict(list)
    for f in figures:
        if f.change or f.thing is None:
            continue
        b = dts.bounds(f.when)
        buckets[(f.thing, b[0].strftime("%Y-%m") if b else "")].append(f)
    uf = _UnionFind()
    by_key = {f.key: f for f in figures}
    for items in buckets.values():
        items = items[:MAX_BUCKET]
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                if same_figure(a, b):
                    uf.union(a.key, b.key)
    groups: dict[str, list[Figure]] = defaultdict(list)
    for key in list(uf.parent):
        groups[uf.find(key)].append(by_key[key])
    out = []
    for members in groups.values():
        members.sort(key=lambda f: (f.doc, f.seq))
        spans = [interval(f.value, f.approx) for f in members]
        clash = any(not agree(spans[i], spans[j]) and members[i].doc != members[j].doc
                    for i in range(len(members)) for j in range(i + 1, len(members)))
        if clash:
            out.append(FigureConflict(members[0].thing or "", members))
    return out
