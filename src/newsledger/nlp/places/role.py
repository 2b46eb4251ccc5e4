"""Places, role and output: a resolved mention as a
:class:`~newsledger.model.PlaceMention`.

Role
    a country or capital that is the subject of a speech or political verb
    ("Moscow summoned", "Baku says") is an ``actor``; otherwise ``location``.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc

from ...gazetteer import Entry, Gazetteer
from ...model import PlaceMention
from .cues import _acts
from .mention import _Mention


def _role(doc: Doc, m: _Mention, e: Optional[Entry], g: Gazetteer) -> str:
    if e is None or m.span is None or m.demonym:
        return "location"
    if not (e.kind == "country" or (e.kind == "city" and g.is_capital(e))):
        return "location"
    if _acts(m):
        return "actor"
    root = m.span.root
    # "according to Moscow"
    if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.i > 0 \
            and doc[root.head.i - 1].lower_ == "according":
        return "actor"
    return "location"


def _to_place(doc: Doc, m: _Mention, g: Gazetteer) -> PlaceMention:
    e = m.choice
    if e is None:
        # (a feature by a name the gazetteer does not know: "Dadia National Park")
        return PlaceMention(start=m.start, end=m.end, text=m.text, name=m.text,
                            kind="feature" if m.feature else None)
    if m.feature:
        # a feature named after the place: its name, the place's point, no id of its own
        return PlaceMention(start=m.start, end=m.end, text=m.text, name=m.text, lat=e.lat, lon=e.lon,
                            country=e.country, kind="feature")
    return PlaceMention(start=m.start, end=m.end, text=m.text, name=e.name, lat=e.lat, lon=e.lon,
                        country=e.country, geonameid=e.geonameid, kind=e.kind,
                        role=_role(doc, m, e, g))
