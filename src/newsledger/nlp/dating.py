"""Dating items (events, claims, figures) from the time expressions around them.

One function, :func:`date_item`, shared by the events, claims and quantities
stages so that every item is dated the same way.  Reads: the time stage's
timexes.  Writes nothing; returns a :class:`~newsledger.model.TimeValue`
whose ``how`` says where the date came from:

* the timex's own anchor (``explicit``, ``dct``, ``narrative``, ``event``) when
  the timex stands in the item's clause;
* ``sentence`` when it stands elsewhere in the same sentence.
"""

from __future__ import annotations

from typing import Optional, Sequence

from ..model import TimeValue, Timex

DATING_TYPES = ("DATE", "TIME")


def date_item(timexes: Sequence[Timex], *, anchor: int, clause: tuple[int, int],
              sentence: tuple[int, int], dct: Optional[str] = None) -> Optional[TimeValue]:
    """The date of an item whose trigger starts at character ``anchor``.

    ``clause`` and ``sentence`` are character ranges around it.  The nearest
    dating timex inside the clause wins, else the nearest in the sentence.
    """
    for lo, hi, in_clause in ((clause[0], clause[1], True), (sentence[0], sentence[1], False)):
        best: Optional[tuple[int, Timex]] = None
        for tx in timexes:
            if tx.type not in DATING_TYPES or not tx.value or not (lo <= tx.start and tx.end <= hi):
                continue
            if tx.value.startswith(("PRESENT_REF", "PAST_REF", "FUTURE_REF")):
                continue
            d = abs(tx.start - anchor)
            if best is None or d < best[0]:
                best = (d, tx)
        if best is not None:
            tx = best[1]
            return TimeValue(value=tx.value, how=(tx.anchor or "explicit") if in_clause else "sentence",
                             granularity=tx.granularity, mod=tx.mod)
    return None
