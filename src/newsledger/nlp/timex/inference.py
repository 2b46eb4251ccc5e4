"""Publication date inference: when neither the input nor the page metadata
says when an article was published, the text often does.

:func:`infer_published` reads the time expressions of a first pass of the
time stage (run without a DCT) and weighs three kinds of evidence:

1. ``dateline`` — a full date at the top of the text, on a line of its own
   or after a dateline cue ("Published 4 October 2021", "OSLO, Oct. 4,
   2021 —"): confidence :data:`CONF_DATELINE` (:data:`CONF_DATE_LINE` for a
   bare date line);
2. ``relative`` — an expression relative to the publication date whose date
   the text gives elsewhere: "five years ago, in June 2017" (apposition,
   :data:`CONF_APPOSITION`) or "a peace treaty was signed four years
   ago" + "the peace treaty from March 2019" (the same event noun,
   dated elsewhere in the document, :data:`CONF_EVENT`): publication =
   that date shifted forward;
3. ``latest`` — the latest date the text reports in the past tense (an article
   comes out after what it reports): :data:`CONF_LATEST_DAY` for a day,
   :data:`CONF_LATEST_MONTH` for a month, less when its year came from the
   narrative rather than the text.  A weak guess on its own (news reports
   today's events relative to today and names only older dates in full), it
   mainly bounds the other evidence from below.

The most confident evidence wins; a ``relative`` one loses half its
confidence when it falls before a date the text reports as past, and gains :data:`AGREEMENT_BONUS`
when evidence of another kind agrees.  A year alone is never enough: values
are ``YYYY-MM-DD`` or ``YYYY-MM``.  No evidence: ``None``.  The time stage
uses the result as the DCT only from :data:`USE_CONFIDENCE` on.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Optional, Sequence

from ...model import Span, Timex
from ..doctext import doc_text
from .calendar import add_months
from .consistency import is_relative
from .events import REGISTRY_KEY
from .resolve import parse_number, tense

CONF_DATELINE = 0.9
CONF_DATE_LINE = 0.8
CONF_APPOSITION = 0.75
CONF_EVENT = 0.6
CONF_LATEST_DAY = 0.25
CONF_LATEST_MONTH = 0.2
#: a latest date whose year the resolver took from the narrative
NARRATIVE_FACTOR = 0.75
AGREEMENT_BONUS = 0.1
MAX_CONFIDENCE = 0.95
#: the time stage takes an inferred date as the DCT from this confidence on
#: (the latest reported date alone stays below it: it is a lower bound, and
#: on TimeBank/AQUAINT it is within a month of the real date in 1 text of 42)
USE_CONFIDENCE = 0.5
#: how far into the text a dateline may stand (characters)
DATELINE_CHARS = 400

_FULL = re.compile(r"^\d{4}-\d\d-\d\d")
_DAY_OR_MONTH = re.compile(r"^(\d{4})-(\d\d)(?:-(\d\d))?$")
_CUE = re.compile(r"(?:published|posted|updated|dated|last\s+modified|first\s+published|date)\s*:?\s*(?:on\s+)?$", re.I)
_CITY = re.compile(r"^\s*[A-Z][A-Z .'\u2019-]{1,40},(?:\s*[A-Z][\w.]*\.?,)?\s*$")
_AFTER_DATE = re.compile(r"^\s*(?:\([A-Za-z .]+\)\s*)?[\u2014\u2013-]\s")
_NUM = (r"(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
        r"thirteen|fourteen|fifteen|twenty|thirty|forty|fifty|a\s+couple\s+of)")
_REL = re.compile(r"^(?:(?:about|around|some|nearly|almost|just|only|more\s+than|over)\s+)?" + _NUM
                  + r"\s+(?P<unit>days?|weeks?|months?|years?|decades?)\s+ago$", re.I)
_DEICTIC = {"yesterday": (-1, "day"), "today": (0, "day"), "tomorrow": (1, "day"), "tonight": (0, "day"),
            "last week": (-1, "week"), "last month": (-1, "month"), "this month": (0, "month"),
            "last year": (-1, "year"), "this year": (0, "year"), "next year": (1, "year")}
_APPOSITION = re.compile(r"^[\s,(\u2014\u2013-]*(?:(?:in|on|of|since|back\s+in)\s+)?$", re.I)


@dataclass(frozen=True)
class InferredDate:
    """An inferred publication date: ``value`` (``YYYY-MM-DD`` or
    ``YYYY-MM``), ``confidence`` (0..1), the ``evidence`` span and the kind
    of evidence (``dateline``, ``relative``, ``latest``)."""

    value: str
    confidence: float
    evidence: Span
    reason: str

    def as_dict(self) -> dict[str, Any]:
        return {"value": self.value, "confidence": round(self.confidence, 3), "reason": self.reason,
                "evidence": {"start": self.evidence.start, "end": self.evidence.end, "text": self.evidence.text}}


def infer_published(doc: Any, timexes: Sequence[Timex]) -> Optional[InferredDate]:
    """The publication date the text itself suggests, or ``None``.

    ``doc`` is the processed spaCy ``Doc``; ``timexes`` the time stage's
    expressions found without a DCT (``find_timexes(doc, None)``)."""
    text = doc_text(doc)
    cands: list[InferredDate] = []
    cands += _datelines(text, timexes)
    cands += _relatives(doc, text, timexes)
    latest = _latest(doc, text, timexes)
    if latest is not None:
        cands.append(latest)
    if not cands:
        return None
    floor = latest.value if latest is not None and latest.reason == "latest" else None
    scored = []
    for c in cands:
        conf = c.confidence
        if floor is not None and c.reason == "relative" and _before(c.value, floor):
            conf *= 0.5  # published before what it reports: unlikely (a dateline outweighs it)
        if any(o.reason != c.reason and _agree(o.value, c.value) for o in cands):
            conf += AGREEMENT_BONUS
        scored.append(InferredDate(c.value, min(conf, MAX_CONFIDENCE), c.evidence, c.reason))
    return max(scored, key=lambda c: (c.confidence, len(c.value), -c.evidence.start))


# ----------------------------------------------------------------------
# 1. datelines

def _datelines(text: str, timexes: Sequence[Timex]) -> list[InferredDate]:
    out = []
    for tx in timexes:
        if tx.start > DATELINE_CHARS:
            break
        if tx.type not in ("DATE", "TIME") or tx.anchor != "explicit" or not tx.value or not _FULL.match(tx.value):
            continue
        line_start = text.rfind("\n", 0, tx.start) + 1
        line_end = text.find("\n", tx.end)
        line_end = len(text) if line_end < 0 else line_end
        before, after = text[line_start:tx.start], text[tx.end:line_end]
        line_opens = before.strip() == "" or before.rstrip().endswith(("|", "\u2022", "\u00b7"))
        if _CUE.search(before) or _CITY.match(before) or line_opens and _AFTER_DATE.match(after):
            conf = CONF_DATELINE  # "Published ...", "OSLO, ...", "Oct. 4, 2021 --"
        elif len(before.strip()) + len(after.strip()) <= 40 and not re.search(r"[a-z]{3,}\s*$", before):
            conf = CONF_DATE_LINE  # a line that is little more than the date
        else:
            continue
        out.append(InferredDate(tx.value[:10], conf, Span(tx.start, tx.end, tx.text), "dateline"))
    return out


# ----------------------------------------------------------------------
# 2. relative expressions with a known date

def _offset(tx: Timex) -> Optional[tuple[int, str]]:
    """``(n, unit)`` with tx = DCT + n units, for the simple relative forms."""
    w = re.sub(r"\s+", " ", tx.text.lower()).strip()
    if w in _DEICTIC:
        return _DEICTIC[w]
    m = _REL.match(w)
    if m is None:
        return None
    n = 2 if "couple" in m.group("n") else parse_number(m.group("n"))
    if n is None or n != int(n):
        return None
    unit = m.group("unit").lower().rstrip("s")
    if unit == "decade":
        unit, n = "year", n * 10
    return -int(n), unit


def _shift(value: str, n: int, unit: str) -> Optional[str]:
    """``value`` (YYYY-MM or YYYY-MM-DD) moved by n units, at an honest granularity."""
    m = _DAY_OR_MONTH.match(value)
    if m is None:
        return None
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3) or 15)
    try:
        base = dt.date(y, mo, d)
    except ValueError:
        return None
    if unit in ("day", "week"):
        moved = base + dt.timedelta(days=n * (7 if unit == "week" else 1))
        return moved.isoformat() if m.group(3) else moved.isoformat()[:7]
    moved = add_months(base, n * (12 if unit == "year" else 1))
    return moved.isoformat()[:7]  # "five years ago": the month, not the day


def _relatives(doc: Any, text: str, timexes: Sequence[Timex]) -> list[InferredDate]:
    rels = [(tx, off) for tx in timexes if tx.type == "DATE" and tx.anchor == "dct"
            and (off := _offset(tx)) is not None]
    if not rels:
        return []
    dated = [tx for tx in timexes if tx.type in ("DATE", "TIME") and tx.anchor == "explicit"
             and tx.value and _DAY_OR_MONTH.match(tx.value.split("T")[0])]
    registry = doc.user_data.get(REGISTRY_KEY) if hasattr(doc, "user_data") else None
    out = []
    for tx, (n, unit) in rels:
        found = None
        for e in dated:  # "five years ago, in June 2017"
            gap = text[tx.end:e.start] if e.start >= tx.end else text[e.end:tx.start]
            if len(gap) <= 15 and _APPOSITION.match(gap) and "\n" not in gap:
                found = (e.value.split("T")[0], CONF_APPOSITION)
                break
        if found is None and registry:
            hit = _event_date(doc, tx, registry)
            if hit is not None:
                found = (hit, CONF_EVENT)
        if found is None:
            continue
        value = _shift(found[0], -n, unit)
        if value is not None:
            out.append(InferredDate(value, found[1], Span(tx.start, tx.end, tx.text), "relative"))
    return out


def _event_date(doc: Any, tx: Timex, registry: dict) -> Optional[str]:
    """The date the document gives elsewhere to the event noun of ``tx``'s
    clause ("a peace treaty was signed four years ago")."""
    span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verb = span.root.head
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    nouns = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.pos_ == "NOUN"]
    if verb.pos_ == "NOUN":
        nouns.insert(0, verb)
    sent = span.sent
    for noun in nouns:
        lemma = noun.lemma_.lower()
        mods = [c.lower_ for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
        keys = ([f"{mods[-1]} {lemma}"] if mods else []) + [lemma]
        for k in keys:
            hit = registry.get(k)
            if hit and _DAY_OR_MONTH.match(hit[0]) and not (sent.start_char <= hit[1] < sent.end_char):
                return hit[0]
    return None


# ----------------------------------------------------------------------
# 3. the latest date reported as past

def _latest(doc: Any, text: str, timexes: Sequence[Timex]) -> Optional[InferredDate]:
    best: Optional[tuple[str, float, Timex]] = None
    for tx in timexes:
        if tx.type not in ("DATE", "TIME") or tx.anchor not in ("explicit", "narrative") or not tx.value:
            continue
        if tx.mod in ("AFTER", "ON_OR_AFTER"):
            continue
        value = tx.value.split("T")[0]
        m = _DAY_OR_MONTH.match(value)
        if m is None:
            continue
        if is_relative(tx):
            continue  # "two days later", "that month": a shift, not a reported date
        if _tense(doc, tx) in ("future", "present"):
            continue
        conf = CONF_LATEST_DAY if m.group(3) else CONF_LATEST_MONTH
        if tx.anchor == "narrative":
            conf *= NARRATIVE_FACTOR
        if best is None or value > best[0] or value == best[0] and conf > best[1]:
            best = (value, conf, tx)
    if best is None:
        return None
    value, conf, tx = best
    return InferredDate(value, conf, Span(tx.start, tx.end, tx.text), "latest")


def _tense(doc: Any, tx: Timex) -> Optional[str]:
    span = doc.char_span(tx.start, tx.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    return tense(root.head if root.head is not root else root)


# ----------------------------------------------------------------------

def _before(value: str, floor: str) -> bool:
    """Whether ``value`` lies before ``floor`` at their common granularity."""
    n = min(len(value), len(floor))
    return value[:n] < floor[:n]


def _agree(a: str, b: str) -> bool:
    n = min(len(a), len(b))
    return a[:n] == b[:n]
