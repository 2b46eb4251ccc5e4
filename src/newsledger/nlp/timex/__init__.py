"""A rule-based TIMEX3 tagger and normaliser for English news.

``find_timexes(doc, dct)`` finds time expressions in a processed spaCy
``Doc`` and resolves each to a TIMEX3 value:

* :mod:`.lexicon`  — our word lists (months, numbers, units, hedges, ...);
* :mod:`.patterns` — regular expressions that propose candidates;
* :mod:`.guards`   — token-tag checks that turn away false times;
* :mod:`.resolve`  — values, relative to the DCT or to the narrative;
* :mod:`.calendar` — date arithmetic and value formatting;
* :mod:`.events`   — event-anchored phrases and the known-events table;
* :mod:`.inference` — the publication date a text suggests when none is given;
* :mod:`.consistency` — relative dates that contradict the calendar date beside them.
"""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc

from ...model import Timex
from . import guards, patterns
from .calendar import parse_dct
from .events import KNOWN_EVENTS_KEY, KnownEvents, default_table, find_event_anchored
from .patterns import Cand
from .resolve import Resolver

__all__ = ["find_timexes", "KnownEvents", "KNOWN_EVENTS_KEY"]

_DAY_KINDS = {"mdy", "dmy", "weekday", "deictic", "iso", "rel_wd", "holiday"}
_GAP_MERGE = re.compile(r"^[ \t]*,?[ \t]*$")
_GAP_ON = re.compile(r"^[\s,]*(?:on|of)\s+(?:the\s+)?$|^[\s,]*$", re.I)


def _split_range(text: str, c: Cand) -> list[Cand]:
    """"March 2–3" -> "March 2" and "3" (same month and year)."""
    if c.kind != "mdy" or "day2" not in c.g:
        return [c]
    g = c.g
    head_end = c.start + text[c.start:c.end].lower().find(g["month"].lower()) + len(g["month"])
    m = re.compile(r"\s+(" + re.escape(g["day"]) + r")").match(text, head_end)
    if not m:
        return [c]
    first_end = m.end(1)
    m2 = re.compile(re.escape(g["range"]) + r"(" + re.escape(g["day2"]) + r")").match(text, first_end)
    if not m2:
        return [Cand(c.start, first_end, "mdy", {k: v for k, v in g.items() if k not in ("day2", "range")}, prio=c.prio)]
    g1 = {k: v for k, v in g.items() if k not in ("day2", "range")}
    g2 = {"month": g["month"], "day": g["day2"]}
    if "year" in g:
        g2["year"] = g["year"]
    return [Cand(c.start, first_end, "mdy", g1, prio=c.prio),
            Cand(m2.start(1), c.end, "mdy", g2, prio=c.prio)]


def candidates(doc: Doc, dct: Optional[str], ctx: Optional[guards.Context] = None) -> list[Cand]:
    """Accepted, non-overlapping candidates in text order."""
    ctx = ctx or guards.Context(doc)
    text = ctx.text  # Doc.text joins every token anew on each access
    d = parse_dct(dct)
    dct_year = d.year if d else None
    found = [patterns._strip(text, c) for c in patterns._scan(text)]
    ok = [c for c in found if c.end > c.start and guards.accept(ctx, c, dct_year)]
    chosen = patterns._select(ok)
    out: list[Cand] = []
    for c in chosen:
        patterns.trim(text, c)
        for part in _split_range(text, c):
            out.append(part)
    # widen with modifiers and hedges, never over the previous candidate
    result: list[Cand] = []
    for c in out:
        start0 = c.start
        patterns.widen(text, c)
        if result and c.start < result[-1].end:
            c.start = start0
            c.g.pop("hedge", None) if "hedge" not in c.g else None
        result.append(c)
    return result


def find_timexes(doc: Doc, dct: Optional[str], *, known_events: Optional[KnownEvents] = None,
                 event_anchored: bool = True) -> list[Timex]:
    """Time expressions of ``doc`` with TIMEX3 values.

    ``dct`` is the document creation (publication) time, ``YYYY-MM-DD`` (or
    ``YYYY-MM``, ``YYYY``); without it, relative expressions get values with
    ``X`` placeholders.  Offsets are character offsets into ``doc.text``.

    Event-anchored phrases ("shortly after the fall of the Berlin Wall")
    come as timexes with ``anchor="event"`` (see :mod:`.events`), dated from
    ``known_events``, else ``doc.user_data[KNOWN_EVENTS_KEY]``, else the
    default table; ``event_anchored=False`` leaves them out.
    """
    ctx = guards.Context(doc)
    text = ctx.text
    if not text.strip():
        return []
    cands = candidates(doc, dct, ctx)
    resolver = Resolver(ctx, dct)
    out: list[Timex] = []
    i = 0
    while i < len(cands):
        c = cands[i]
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if c.kind == "time" and nxt is not None and nxt.kind in _DAY_KINDS:
            gap = text[c.end:nxt.start]
            if _GAP_MERGE.match(gap) or _GAP_ON.match(gap):
                day = resolver.resolve(nxt)
                point = day.get("point") if day else None
                c._next_day = point  # type: ignore[attr-defined]
                if _GAP_MERGE.match(gap):
                    # "5 p.m. EST Nov. 9", "noon Saturday": one expression
                    c.end = nxt.end
                    res = resolver.resolve(c)
                    if res:
                        out.append(_timex(text, c, res))
                    i += 2
                    continue
                res = resolver.resolve(c)
                if res:
                    out.append(_timex(text, c, res))
                if day:
                    out.append(_timex(text, nxt, day))
                i += 2
                continue
        res = resolver.resolve(c)
        if res:
            out.append(_timex(text, c, res))
        i += 1
    if event_anchored:
        table = known_events if known_events is not None else doc.user_data.get(KNOWN_EVENTS_KEY)
        extra = find_event_anchored(ctx, out, table if table is not None else default_table(), doc)
        if extra:
            out = sorted(out + extra, key=lambda t: (t.start, -t.end))
    return out


def _timex(text: str, c: Cand, res: dict) -> Timex:
    return Timex(start=c.start, end=c.end, text=text[c.start:c.end], type=res["type"],
                 value=res.get("value"), mod=res.get("mod"), anchor=res.get("anchor"),
                 granularity=res.get("gran"))
