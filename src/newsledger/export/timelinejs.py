"""TimelineJS 3 JSON: one slide per event, dated as honestly as the text allows.

An event dated by the text gets that date (a week, season or range shows its
TIMEX value as ``display_date``); an undated event is placed on its
document's publication date and says so ("reported 2024-05-03"). Events with
neither are left out.  Groups are the PLOVER types.
"""

from __future__ import annotations

import datetime as dt
import html
from typing import Optional

from ..api import EventRecord, period_bounds
from ._common import as_ledger, write_json


def _date(value: str) -> tuple[Optional[dict], bool]:
    """TimelineJS date of a TIMEX value, and whether it is exact at its granularity
    (a week, season or quarter is not: it starts on its first day and shows its value)."""
    bounds = period_bounds(value)
    if bounds is None:
        return None, False
    a, b = bounds
    if a == b:
        return {"year": a.year, "month": a.month, "day": a.day}, True
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31) and a.year == b.year:
        return {"year": a.year}, True
    if a.day == 1 and (a.year, a.month) == (b.year, b.month) and (b + dt.timedelta(days=1)).day == 1:
        return {"year": a.year, "month": a.month}, True
    return {"year": a.year, "month": a.month, "day": a.day}, False


def _slide(ev: EventRecord) -> Optional[dict]:
    if ev.date is None:
        return None
    value = ev.date
    start, exact = _date(value.split("/", 1)[0])
    if start is None:
        return None
    slide: dict = {"start_date": start, "unique_id": ev.id.replace(":", "-"), "group": ev.type or "event"}
    if "/" in value:
        end, _ = _date(value.split("/", 1)[1])
        if end:
            slide["end_date"] = end
        exact = False
    if ev.dated_by == "published":
        slide["display_date"] = f"reported {value}"
    elif not exact:
        slide["display_date"] = value
    who = ", ".join(n for n in ev.source_names if n) or "someone"
    whom = ", ".join(n for n in ev.target_names if n)
    headline = f"{ev.type or 'Event'}: {who}" + (f" → {whom}" if whom else "")
    where = ev.outlet or ev.url or ev.source_id or ev.doc
    link = (f'<a href="{html.escape(ev.url, quote=True)}">{html.escape(where)}</a>' if ev.url
            else html.escape(where))
    text = f"<p>“{html.escape(ev.evidence_text)}”</p><p>{link}"
    if ev.modality and ev.modality != "asserted":
        text += f" · modality: {html.escape(ev.modality)}"
    slide["text"] = {"headline": headline, "text": text + "</p>"}
    return slide


def timeline(ledger) -> dict:
    """The TimelineJS 3 data of every datable event in ``ledger``."""
    ledger = as_ledger(ledger)
    events = [s for s in (_slide(ev) for ev in ledger.events()) if s]
    n_docs = len(ledger.documents())
    return {"title": {"text": {"headline": "newsledger timeline",
                               "text": f"{len(events)} events from {n_docs} documents"}},
            "events": events}


def export(store, output: str) -> list[str]:
    return write_json(timeline(store), output)
