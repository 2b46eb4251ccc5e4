"""Dates of one happening told by several mentions: compatible or not, and
which one the merged ledger keeps.

Two TIMEX3 values are *compatible* when one period contains the other
("2023-09" and "2023-09-19"; "2023" and "2023-SU") or either is vague (a
``mod`` such as BEFORE, AFTER, APPROX).  The merged event keeps the most
specific value consistent with every other (the finest of a nested chain);
when mentions disagree, the value given by the most documents wins (a tie
goes to the strongest evidence: a date in the clause beats one carried over
from an earlier sentence) and the disagreement is reported, never averaged.

>>> compatible("2023-09", "2023-09-19"), compatible("2023-09-19", "2023-09-20")
(True, False)
>>> choose([Dated("2023-09", "d1"), Dated("2023-09-19", "d2")]).value
'2023-09-19'
>>> c = choose([Dated("2023-09-19", "d1", "explicit"), Dated("2023-09-21", "d2", "explicit"),
...             Dated("2023-09-19", "d3", "dct")])
>>> c.value, c.disputed
('2023-09-19', True)
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from functools import lru_cache
from dataclasses import dataclass
from typing import Optional, Sequence

from ..api import period_bounds

#: how strongly an item's date is tied to it (its ``TimeValue.how``)
STRENGTH = {"explicit": 4, "event": 3, "dct": 3, "sentence": 2, "narrative": 1}
#: the strength a date needs to stand against another in a dispute
MIN_DISPUTE = 2


@dataclass(frozen=True)
class Dated:
    """One mention's date: value, document, how it was resolved, TIMEX3 mod."""

    value: str
    doc: str
    how: Optional[str] = None
    mod: Optional[str] = None
    ref: object = None  # what the caller wants back (e.g. the mention)


@dataclass
class Choice:
    value: Optional[str]
    how: Optional[str]
    disputed: bool
    #: the mentions' values grouped when they disagree: value -> mentions
    sides: dict[str, list[Dated]]


@lru_cache(maxsize=65536)
def bounds(value: Optional[str]) -> Optional[tuple[dt.date, dt.date]]:
    """First and last day of a TIMEX3 date value (cached: the same values repeat)."""
    try:
        return period_bounds(value)
    except (ValueError, OverflowError):
        return None


def contains(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    return a[0] <= b[0] and b[1] <= a[1]


def compatible(a: Optional[str], b: Optional[str], *, mod_a: Optional[str] = None,
               mod_b: Optional[str] = None) -> bool:
    """Whether two dates can be the date of one happening (see the module docstring)."""
    if mod_a or mod_b:
        return True
    ba, bb = bounds(a), bounds(b)
    if ba is None or bb is None:
        return True
    return contains(ba, bb) or contains(bb, ba)


def gap_days(a: Optional[str], b: Optional[str]) -> Optional[int]:
    """Days between two periods (0 when they overlap); ``None`` if either is not a date."""
    ba, bb = bounds(a), bounds(b)
    if ba is None or bb is None:
        return None
    if ba[1] < bb[0]:
        return (bb[0] - ba[1]).days
    if bb[1] < ba[0]:
        return (ba[0] - bb[1]).days
    return 0


def span_days(value: str) -> int:
    b = bounds(value)
    return (b[1] - b[0]).days if b else 10 ** 6


def choose(dates: Sequence[Dated]) -> Choice:
    """The date a merged item keeps (see the module docstring)."""
    firm = [d for d in dates if not d.mod and bounds(d.value) is not None]
    if not firm:
        best = max(dates, key=lambda d: STRENGTH.get(d.how or "", 0), default=None)
        return Choice(best.value if best else None, best.how if best else None, False, {})
    # the finest values: those no other firm value sits inside
    finest = []
    for d in firm:
        bd = bounds(d.value)
        if not any(bounds(o.value) != bd and contains(bd, bounds(o.value)) for o in firm):
            finest.append(d)
    groups: dict[str, list[Dated]] = defaultdict(list)
    for d in finest:
        groups[d.value].append(d)
    if len(groups) == 1:
        (value, ds), = groups.items()
        best = max(ds, key=lambda d: STRENGTH.get(d.how or "", 0))
        return Choice(value, best.how, False, {})

    def weight(item):
        value, ds = item
        return (len({d.doc for d in ds}), max(STRENGTH.get(d.how or "", 0) for d in ds), -span_days(value))

    value, ds = max(groups.items(), key=weight)
    best = max(ds, key=lambda d: STRENGTH.get(d.how or "", 0))
    # a date carried over from an earlier sentence is too weak to dispute one
    strong = {v: g for v, g in groups.items() if max(STRENGTH.get(d.how or "", 0) for d in g) >= MIN_DISPUTE}
    disputed = len(strong) > 1 and value in strong
    return Choice(value, best.how, disputed, strong if disputed else {})
