"""Places: the document's context for resolution: the countries and states
the text is about (:func:`_document_context`), the states where its names
have namesakes (:func:`_admin_support`), and its names' namesakes lying
close together (:func:`_colocation`)."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from typing import Sequence

from ...gazetteer import Entry, normalize, small_land
from .words import COUNTY_LANDS, W
from .entries import _prior
from .mention import _Mention


def _admin_support(mentions: Sequence[_Mention]) -> Counter:
    """For every state/province, how strongly the names of the text point to
    it: each distinct name votes for the first-level divisions where it has a
    namesake (a city, county or the division itself), a name with few
    namesakes voting more.  Local news names the towns of one area; the area
    where most of them have a namesake is the likely one."""
    per_name: dict[str, dict] = {}
    for m in mentions:
        if m.demonym or not m.cands:
            continue
        name = normalize(m.text)
        if name in per_name:
            m.admin_keys = frozenset(per_name[name])
            continue
        # each namesake weighs by its prior: "Russia" votes for the country,
        # hardly for the Ohio village; "Henry County" splits its vote evenly
        mass: dict = defaultdict(float)
        total = 0.0
        for e in m.cands[:60]:
            w = 10 ** (0.5 * _prior(e))
            total += w
            if e.country and e.admin1 and e.kind in ("city", "region") and e.source != "subdivision" \
                    and (e.kind != "city" or e.population >= 500):
                mass[(e.country, e.admin1)] += w
        votes = {k: math.sqrt(v / total) for k, v in mass.items()} if total else {}
        per_name[name] = votes
        m.admin_keys = frozenset(votes)
    support: Counter = Counter()
    for votes in per_name.values():
        for k, v in votes.items():
            support[k] += v
    return support, per_name


def _is_region_level(e: Entry) -> bool:
    return e.kind == "region" and e.source in ("state", "extra") and e.admin1 is not None


def _partisan(m: _Mention) -> bool:
    """A demonym after "pro-" or "anti-" ("pro-Russian separatists" in
    Ukraine): it names a side, not a country the text is in."""
    if m.span is None or m.span.start < 2:
        return False
    doc, s = m.span.doc, m.span.start
    return doc[s - 1].text == "-" and doc[s - 2].lower_ in ("pro", "anti")


def _named_countries(mentions: list[_Mention]) -> frozenset:
    """The countries the text calls by their own name ("France"), not only
    through their towns or people."""
    named = set()
    for m in mentions:
        if m.cands and not m.demonym and m.cands[0].kind == "country" and m.cands[0].id in m.main_ids \
                and not any(_is_region_level(e) and e.id in m.main_ids for e in m.cands[1:10]):
            named.add(m.cands[0].country)
    return frozenset(named)


def _document_context(mentions: list[_Mention]) -> tuple[Counter, Counter]:
    """The countries and (country, admin1) pairs the text is about, counted
    from the mentions that are (nearly) unambiguous; each mention's
    ``own_countries`` is what its own name added."""
    countries: Counter[str] = Counter()
    admins: Counter[tuple[str, str]] = Counter()
    own: dict[str, Counter] = defaultdict(Counter)  # what each name itself adds
    own_a: dict[str, Counter] = defaultdict(Counter)  # ... to the (country, admin1) pairs
    for m in mentions:
        if not m.cands:
            continue
        top = m.cands[0]
        if m.demonym:
            if m.demonym != "*" and not _partisan(m):
                countries[m.demonym] += 1
            continue
        rival = next((e for e in m.cands[1:10] if _is_region_level(e) and e.id in m.main_ids
                      and e.country != top.country), None) if top.kind == "country" else None
        if rival is not None and top.id in m.main_ids:
            # "Georgia": the country or the US state, as the rest of the text says
            countries[top.country] += 0.5
            own[normalize(m.text)][top.country] += 0.5
            countries[rival.country] += 0.25
            admins[(rival.country, rival.admin1)] += 0.5
            own_a[normalize(m.text)][(rival.country, rival.admin1)] += 0.5
        elif top.kind == "country" and (len(m.cands) == 1 or top.id in m.main_ids):
            countries[top.country] += 1
            own[normalize(m.text)][top.country] += 1
        elif _is_region_level(top) and top.id in m.main_ids:
            countries[top.country] += 0.5
            own[normalize(m.text)][top.country] += 0.5
            admins[(top.country, top.admin1)] += 1
            own_a[normalize(m.text)][(top.country, top.admin1)] += 1
        else:
            cs = {e.country for e in m.cands if e.country}
            if len(cs) == 1:
                countries[next(iter(cs))] += 0.5
                ads = {e.admin1 for e in m.cands}
                # (not a name both a province and its town bear, "the governor
                # of Agadez": its vote would speak for the town in its own province)
                if len(ads) == 1 and None not in ads and not any(e.source == "subdivision" for e in m.cands):
                    admins[(top.country, top.admin1)] += 0.5
    for m in mentions:
        m.own_countries = own.get(normalize(m.text), Counter())
        m.own_admins = own_a.get(normalize(m.text), Counter())
    return countries, admins


def _local_level(e: Entry) -> bool:
    """A town, county or local feature: a place small enough that two of
    them close together say where a text is."""
    return e.lat is not None and not e.approx and (
        e.kind in ("city", "feature") or e.source == "county"
        # (a British or Irish county, at its centre: "Somerset" beside "Taunton";
        # a small land's parish or governorate: "Clarendon" beside "May Pen")
        or (e.source == "subdivision" and (e.country in COUNTY_LANDS or small_land(e.country))))


def _colocation(mentions: Sequence[_Mention]) -> None:
    """Evidence that a candidate is the place meant because the text's other
    names have namesakes near it (``m.coloc``: entry id -> evidence).

    Local news names the towns of one area: "Newport", "Middletown" and
    "Portsmouth" each have namesakes in many states (and two in England),
    but only in Rhode Island are all three within a county's reach of each
    other.  Each other name with a
    local-level candidate within ``coloc_km`` adds to the evidence, a name
    with many namesakes (likely near anything by chance) adding less."""
    radius = W["coloc_km"]
    cell = radius / 111.0
    names: dict[str, list[Entry]] = {}
    for m in mentions:
        if m.demonym or not m.cands:
            continue
        key = normalize(m.text)
        if key not in names:
            names[key] = [e for e in m.cands[:60] if _local_level(e)]
    # (rows of cells by the cell's latitude, then its longitude: a search skips a row with nothing in it)
    grid: dict[int, dict[int, list[tuple[int, int, float, float, int]]]] = defaultdict(lambda: defaultdict(list))
    keys = list(names)
    weight = []
    for k, key in enumerate(keys):
        cands = names[key]
        weight.append(1.0 / (1.0 + len(cands) / W["coloc_spread"]))
        for e in cands:
            grid[int(e.lat // cell)][int(e.lon // cell)].append((k, e.id, e.lat, e.lon, e.population))
    if len(keys) < 2:
        return
    evidence: dict[str, dict[int, float]] = {}
    for k, key in enumerate(keys):
        cands = names[key]
        if len(cands) < 2:
            continue
        out: dict[int, float] = {}
        # (a town a tenth the size of the name's great namesake counts as a
        # district too: "Gwangju" of Gyeonggi beside "Seoul", not the city of 1.4 million)
        great = max((e.population for e in cands if e.kind == "city"), default=0)
        for e in cands:
            shadowed = e.kind == "city" and great >= SHADOW_GREAT_POP and e.population * 10 < great
            district = e.kind == "city" and (e.population < METRO_DISTRICT_POP or (
                great >= METRO_GREAT_POP and e.population * 10 < great))
            # (and the other names about a small namesake of a great town
            # that lies in a metropolis the text names are the metropolis's
            # districts, no evidence for it: "Nagasaki" of Toshima beside
            # "Tokyo", "Ueno" and "Sumida"; "Gwangju" of Gyeonggi beside
            # "Seoul" and "Gangnam")
            if shadowed and _names_near(e, k, grid, cell, radius, metros_only=True):
                continue
            found = _names_near(e, k, grid, cell, radius, district)
            if found:
                out[e.id] = sum(weight[k2] for k2 in found)
        evidence[key] = out
    for m in mentions:
        if not m.demonym:
            m.coloc = evidence.get(normalize(m.text), {})


#: a town this big says little of the small places named like others near it
#: (its districts: "Nagasaki" of Tokyo's Toshima ward beside "Tokyo")
METRO_POP = 1_000_000
#: ... a place smaller than this being one of those districts
METRO_DISTRICT_POP = 50_000
#: ... or a tenth the size of a namesake this big
METRO_GREAT_POP = 500_000
#: a town a tenth the size of a namesake this big, in a metropolis the text
#: names, has no evidence from the names about it (the metropolis's districts)
SHADOW_GREAT_POP = 300_000


def _names_near(e: Entry, own: int, grid: dict, cell: float, radius: float, district: bool = False,
                metros_only: bool = False) -> set[int]:
    """The indexes of the names (other than ``own``) with a candidate in
    ``grid`` (cells of ``cell`` degrees, by row and column: name index, entry id, lat, lon, population)
    within ``radius`` km of ``e`` (a flat-earth distance: close enough
    at this range); with ``metros_only``, a candidate of ``METRO_POP``."""
    ci, cj = int(e.lat // cell), int(e.lon // cell)
    cos_lat = math.cos(math.radians(e.lat))
    span = 1 + int(1.0 / max(cos_lat, 0.2))  # a cell spans fewer km of longitude away from the equator
    reach2 = (radius / 111.2) ** 2  # the radius in degrees of latitude, squared
    found: set[int] = set()
    for di in (-1, 0, 1):
        row = grid.get(ci + di)
        if row is None:
            continue
        for dj in range(-span, span + 1):
            for k2, eid, lat, lon, pop in row.get(cj + dj, ()):
                if k2 == own or k2 in found or eid == e.id:
                    continue
                if pop >= METRO_POP and district:
                    continue  # (a metropolis has a district of almost any name: "Nagasaki" of Tokyo)
                if metros_only and pop < METRO_POP:
                    continue
                dx, dy = (lon - e.lon) * cos_lat, lat - e.lat
                if dx * dx + dy * dy <= reach2:
                    found.add(k2)
    return found
