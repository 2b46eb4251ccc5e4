"""Dating items (events, claims, figures) from the time expressions around them.

One function, :func:`date_item`, shared by the events, claims and quantities
stages so that every item is dated the same way.  Reads: the time stage's
timexes (and, when given, the spaCy ``Doc``).  Writes nothing; returns a
:class:`~newsledger.model.TimeValue` whose ``how`` says where the date came
from, trying in this order:

1. a timex in the item's clause: the timex's own anchor (``explicit``,
   ``dct``, ``narrative``, ``event``).  The nearest wins, except that a
   calendar date standing right beside a relative one ("two days later, on
   March 9", "yesterday, March 9") wins over it (the time stage
   records the disagreement in ``doc._.inconsistencies``), and a timex inside an event-anchored phrase
   ("after the *2011* earthquake") gives way to the phrase;
2. a timex elsewhere in the sentence: ``sentence``;
3. narrative carry-over: the last date of the same paragraph before the
   sentence (or of the previous paragraph when the sentence opens with "As
   this happened", "Meanwhile", ...) — the sentence goes on with the same
   episode: ``narrative``.  Not for a present-tense sentence (a general
   statement about now) when the ``Doc`` is given.  Without the ``Doc`` the
   carry-over looks back at most :data:`CARRY_CHARS` characters;
4. with the ``Doc``: a year-only date refined by the same event noun dated
   more finely elsewhere in the document ("a fishing accord was concluded
   six years ago" + "the fishing accord from April 2017" ->
   2017-04): ``event``.

Durations ("after almost seven months of drought") and sets never date an item;
the item then takes the narrative date.
"""

from __future__ import annotations

import re
from typing import Any, Optional, Sequence

from ..model import TimeValue, Timex
from .doctext import doc_text
from .timex.consistency import is_relative

DATING_TYPES = ("DATE", "TIME")
_REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")

#: without a Doc, how far back (characters) narrative carry-over may look
CARRY_CHARS = 400
#: two timexes this close (characters between them) stand side by side
ADJACENT_CHARS = 6

#: openings that tie a sentence to the episode of the previous paragraph
_CONTINUES = re.compile(r"^\W*(?:as\s+this\s+happened|at\s+the\s+same\s+time|meanwhile|that\s+day|the\s+same\s+day|"
                        r"by\s+then|then|soon\s+after|shortly\s+after(?:wards)?|hours\s+later|minutes\s+later)\b", re.I)
_REGISTRY_KEY = "newsledger.event_dates"


def _usable(timexes: Sequence[Timex]) -> list[Timex]:
    out = [tx for tx in timexes if tx.type in DATING_TYPES and tx.value and not tx.value.startswith(_REFS)]
    events = [tx for tx in out if tx.anchor == "event"]
    if events:
        out = [tx for tx in out if tx.anchor == "event"
               or not any(e.start <= tx.start and tx.end <= e.end for e in events)]
    return out


def _pick(cands: list[Timex], anchor: int) -> Timex:
    best = min(cands, key=lambda tx: (abs(tx.start - anchor), tx.start))
    if is_relative(best):
        for tx in cands:
            if tx is best or tx.anchor not in ("explicit", "dct") or not tx.value[:1].isdigit() or is_relative(tx):
                continue
            gap = tx.start - best.end if tx.start >= best.end else best.start - tx.end
            if 0 <= gap <= ADJACENT_CHARS:
                return tx  # "two days later, on March 9": the explicit date
    return best


def _value(tx: Timex, how: str) -> TimeValue:
    return TimeValue(value=tx.value, how=how, granularity=tx.granularity, mod=tx.mod)


def date_item(timexes: Sequence[Timex], *, anchor: int, clause: tuple[int, int],
              sentence: tuple[int, int], dct: Optional[str] = None, doc: Any = None,
              carry: bool = True) -> Optional[TimeValue]:
    """The date of an item whose trigger starts at character ``anchor``.

    ``clause`` and ``sentence`` are character ranges around it.  ``doc`` (the
    spaCy ``Doc``, optional) lets the carry-over respect paragraphs and
    tense, and refine a date by the document's dated event nouns; ``dct``
    is kept for callers that date against the publication date;
    ``carry=False`` turns narrative carry-over off.
    """
    usable = _usable(timexes)
    for lo, hi, in_clause in ((clause[0], clause[1], True), (sentence[0], sentence[1], False)):
        cands = [tx for tx in usable if lo <= tx.start and tx.end <= hi]
        if cands:
            tx = _pick(cands, anchor)
            tv = _value(tx, (tx.anchor or "explicit") if in_clause else "sentence")
            return _refine(tv, doc, clause) if doc is not None else tv
    if not carry:
        return None
    return _carry(usable, sentence, doc)


def _carry(usable: list[Timex], sentence: tuple[int, int], doc: Any) -> Optional[TimeValue]:
    lo = max(0, sentence[0] - CARRY_CHARS)
    if doc is not None:
        text = doc_text(doc)
        para = text.rfind("\n", 0, sentence[0]) + 1
        if para > 0 and (_CONTINUES.match(text[sentence[0]:sentence[1]]) or (
                not text[para:sentence[0]].strip() and _prose(text[:para].rstrip()))):
            # "As this happened, ...", or a paragraph that opens by going on
            # with the story of a prose paragraph (not after a heading)
            para = max(text.rfind("\n", 0, para - 1) + 1, sentence[0] - CARRY_CHARS)
        lo = para
        if _present(doc, sentence):
            return None
    prev = [tx for tx in usable if lo <= tx.start and tx.end <= sentence[0]]
    if not prev:
        return None
    tx = max(prev, key=lambda t: (t.end, t.start))
    return _value(tx, "narrative")


def _prose(before: str) -> bool:
    """Whether the line before ends like a sentence (a heading does not)."""
    return before.endswith((".", "!", "?", "\u201d", '"', "\u2019"))


def _present(doc: Any, sentence: tuple[int, int]) -> bool:
    """Whether the sentence's main verb is in the present tense (no past
    auxiliary): a statement about now, which takes no earlier date."""
    span = doc.char_span(sentence[0], sentence[1], alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    if root.pos_ not in ("VERB", "AUX"):
        return False
    tags = {root.tag_} | {c.tag_ for c in root.children if c.dep_ in ("aux", "auxpass")}
    return bool(tags & {"VBZ", "VBP"}) and not tags & {"VBD", "VBN", "MD"}


def _refine(tv: TimeValue, doc: Any, clause: tuple[int, int]) -> TimeValue:
    """A year refined by an event noun of the clause that the document dates
    more finely elsewhere (same year)."""
    registry = doc.user_data.get(_REGISTRY_KEY) if hasattr(doc, "user_data") else None
    if not registry or not re.fullmatch(r"\d{4}", tv.value or "") or tv.mod:
        return tv
    span = doc.char_span(clause[0], clause[1], alignment_mode="expand")
    if span is None:
        return tv
    for tok in span:
        if tok.pos_ != "NOUN":
            continue
        keys = [tok.lemma_.lower()]
        mods = [c.lower_ for c in tok.children if c.dep_ in ("compound", "amod") and c.i < tok.i]
        if mods:
            keys.insert(0, f"{mods[-1]} {keys[0]}")
        for k in keys:
            hit = registry.get(k)
            if hit and hit[0].startswith(tv.value + "-") and not (span.start_char <= hit[1] < span.end_char):
                return TimeValue(value=hit[0], how="event", granularity="month" if len(hit[0]) == 7 else "day")
    return tv
