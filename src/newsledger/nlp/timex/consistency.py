"""Dates of the text that contradict each other.

"Only two days later, on March 6, did the cranes move again", after a strike
that began on March 2: the relative expression gives 03-04, the calendar date
beside it 03-06.  The ledger keeps the calendar date (items are
dated by it, see :func:`newsledger.nlp.dating.date_item`) and records the
disagreement as an :class:`~newsledger.model.Inconsistency` of kind ``date``.

Only a relative expression (no month name, no year: "two days later",
"yesterday", "the following month") standing right beside a calendar date
("March 6", "6 March 2023", "2023-03-06") is compared, at the coarser
of their two granularities.
"""

from __future__ import annotations

import re
from typing import Sequence

from ...model import Inconsistency, Span, Timex
from . import lexicon as lx

#: at most this many characters between the two expressions
ADJACENT_CHARS = 8

_MONTH = re.compile(r"(?<![A-Za-z])(?:" + "|".join(sorted((re.escape(m) for m in lx.MONTHS), key=len, reverse=True))
                    + r")(?![a-z])", re.I)
_NUMERIC = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")
_YEAR = re.compile(r"(?<!\d)(?:1[89]|20)\d\d(?!\d)")
_GAP = re.compile(r"^[\s,(\u2014\u2013-]*(?:(?:on|in)\s+)?(?:the\s+)?$", re.I)
_DATE_VALUE = re.compile(r"^\d{4}-\d\d(?:-\d\d)?")
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day", re.I)


def is_calendar(text: str) -> bool:
    """Whether a date expression names its month or its full date."""
    return bool(_MONTH.search(text) or _NUMERIC.search(text))


def is_relative(tx: Timex) -> bool:
    """A date given by its distance from another one ("two days later")."""
    return (tx.anchor in ("narrative", "dct") and re.search(r"[A-Za-z]", tx.text) is not None
            and not is_calendar(tx.text) and not _YEAR.search(tx.text) and not _WEEKDAY.search(tx.text))


def date_inconsistencies(text: str, timexes: Sequence[Timex]) -> list[Inconsistency]:
    """Relative dates that disagree with the calendar date beside them."""
    dates = [tx for tx in timexes if tx.type in ("DATE", "TIME") and tx.value and _DATE_VALUE.match(tx.value)
             and tx.anchor != "event"]
    out: list[Inconsistency] = []
    for a, b in zip(dates, dates[1:]):
        if b.start < a.end or b.start - a.end > ADJACENT_CHARS or not _GAP.match(text[a.end:b.start]):
            continue
        for rel, cal in ((a, b), (b, a)):
            if not is_relative(rel) or not is_calendar(cal.text):
                continue
            rv, cv = _DATE_VALUE.match(rel.value).group(), _DATE_VALUE.match(cal.value).group()
            n = min(len(rv), len(cv))
            if rv[:n] == cv[:n]:
                continue
            out.append(Inconsistency(
                kind="date", a=Span(rel.start, rel.end, rel.text), b=Span(cal.start, cal.end, cal.text),
                a_value=rel.value, b_value=cal.value, kept=cal.value,
                message=f"{rel.text!r} gives {rel.value} but the date beside it, {cal.text!r}, "
                        f"is {cal.value}; the explicit date is kept"))
            break
    return out
