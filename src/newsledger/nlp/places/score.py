"""Places: scoring a mention's candidates: the context-free part once per
distinct name and cues (:func:`_fixed_scores`, shared by
:func:`_share_fixed_scores`), then the country and state terms and the
nearness to the places chosen for the text's other names (:class:`_Anchors`,
:func:`_nearness`), in :func:`_best`."""

from __future__ import annotations

import math
import operator
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional, Sequence

from ...gazetteer import Entry, Gazetteer, haversine_km, normalize, sovereign
from .words import COUNTY_LANDS, W
from .mention import _DIVISION_WORDS, _Mention
from .entries import _short_form


#: a (key, count) pair's count (``max`` with it is ``Counter.most_common(1)``, the first of the most)
_count = operator.itemgetter(1)


def _saturate(x: float) -> float:
    return 1.0 - math.exp(-x)


@dataclass(slots=True)
class _Anchors:
    """The places chosen in one pass for the names of a text, that draw the
    candidates of the other names near them.  ``refs``: one per mention, in
    order (its name's key, the index of its point, its weight, whether it is
    a curated region whose towns it favours); ``points``: the distinct
    points (latitude in radians, its cosine, longitude in degrees)."""

    refs: list[tuple[str, int, float, bool]] = field(default_factory=list)
    points: list[tuple[float, float, float]] = field(default_factory=list)
    #: the refs of places that are no state or region (a town, a feature), by name key and point
    towns: list[tuple[str, int]] = field(default_factory=list)
    _index: dict[tuple[float, float], int] = field(default_factory=dict, repr=False, compare=False)

    def add(self, key: str, lat: float, lon: float, weight: float, region: bool, town: bool = False) -> None:
        p = self._index.get((lat, lon))
        if p is None:
            p = self._index[(lat, lon)] = len(self.points)
            phi = math.radians(lat)
            self.points.append((phi, math.cos(phi), lon))
        self.refs.append((key, p, weight, region))
        if town:
            self.towns.append((key, p))

    def __len__(self) -> int:
        return len(self.refs)


def _distance_km(phi: float, cos_phi: float, lon: float, point: tuple[float, float, float]) -> float:
    """:func:`~newsledger.gazetteer.haversine_km` from a point (latitude in
    radians ``phi``, its cosine, longitude in degrees) to one of
    :attr:`_Anchors.points`, with the same arithmetic (the same float)."""
    p_phi, p_cos, p_lon = point
    dp = p_phi - phi
    dl = math.radians(p_lon - lon)
    h = math.sin(dp / 2) ** 2 + cos_phi * p_cos * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _anchored(e: Entry, key: str, anchors: _Anchors, km: float) -> bool:
    """Whether a town or feature chosen for another name of the text lies
    within ``km`` of the entry (a state's centre says nothing of its corners)."""
    phi = math.radians(e.lat)
    cos_phi = math.cos(phi)
    return any(k != key and _distance_km(phi, cos_phi, e.lon, anchors.points[p]) <= km
               for k, p in anchors.towns)


def _nearness(e: Entry, key: str, anchors: _Anchors) -> float:
    """The score an entry gains from the places chosen for the text's other
    names (``key`` is its own name's): near them, or inside a curated region."""
    phi = math.radians(e.lat)
    cos_phi = math.cos(phi)
    near_km, in_region_km = W["near_km"], W["in_region_km"]
    # (_distance_km to each point, written out: the same arithmetic, no call per point)
    lon, sin, asin, sqrt, radians = e.lon, math.sin, math.asin, math.sqrt, math.radians
    dist = [2 * 6371.0088 * asin(min(1.0, sqrt(sin((p_phi - phi) / 2) ** 2
                                                 + cos_phi * p_cos * sin(radians(p_lon - lon) / 2) ** 2)))
            for p_phi, p_cos, p_lon in anchors.points]
    fall = [math.exp(-d / near_km) for d in dist]
    near, inside = 0.0, False
    city = e.kind == "city"
    for k, p, weight, region in anchors.refs:
        if k == key:
            continue
        near += weight * fall[p]
        inside = inside or (region and city and dist[p] <= in_region_km)
    return W["near"] * _saturate(near) + (W["in_region"] if inside else 0.0)


def _nearness_most() -> float:
    """The most :func:`_nearness` can add to a score (its terms are
    ``W["near"]`` times a saturation below 1, and ``W["in_region"]``): a
    candidate whose score without it is this far behind the best so far
    cannot win, and its distances need not be measured."""
    return max(0.0, W["near"]) + max(0.0, W["in_region"])


@dataclass(eq=False, slots=True)
class _CandidateScores:
    """The :class:`_Scored` candidates of a mention, shared by the mentions
    of a text that have the same name, candidates and cues (compared by
    identity: a key for what :func:`_best` chose for them in one pass)."""

    items: list["_Scored"]
    #: the countries of the great cities among the candidates (a capital, a million people)
    great: frozenset = frozenset()
    #: the countries of the cities of half a million people that have the name as their own
    home_great: frozenset = frozenset()
    #: the countries of the cities of RIVAL_POP people that have the name as their own
    rival_great: frozenset = frozenset()
    #: the countries whose capital is among the candidates
    capitals: frozenset = frozenset()
    #: the countries of the cities of a million people or capitals that have the name as their own
    world: frozenset = frozenset()
    #: the continent the name is the own name of, where no cue makes it a town
    continent: Optional[Entry] = None


def _share_fixed_scores(mentions: Sequence[_Mention], g: Gazetteer, support: Optional[Counter]) -> None:
    """Set ``m.scored`` for the mentions :func:`_best` scores, once per
    distinct name, candidates and cues (everything :func:`_fixed_scores`
    reads besides ``support``, the same for the whole text; ``m.coloc`` is
    keyed by the normalised name, which is part of the signature)."""
    shared: dict[tuple, _CandidateScores] = {}
    for m in mentions:
        if m.demonym or len(m.cands) < 2:
            continue
        sig = (normalize(m.text), m.pair, m.pair_in, m.pair_before, m.cue_city, m.compass_town, m.local_cue,
               m.region_cue,
               m.division_word, m.beside_state, m.country_cue, m.sea_cue, m.river_cue, m.county_cue, m.acts, m.native,
               m.island_cue, m.lone_dateline,
               tuple(e.id for e in m.cands[:60]), frozenset(m.main_ids))
        scored = shared.get(sig)
        if scored is None:
            scored = shared[sig] = _candidate_scores(m, g, support)
        m.scored = scored


#: a town this big in the state or province named after its comma is the
#: name's reading, whatever the rest of the text is about ("Perth, Western
#: Australia"; "activists from Warrenton, Oregon" in a story of Warrenton,
#: Virginia; "a supporters' group in Montrose, Colo." in a Scottish story)
PAIR_REGION_POP = 1_000
#: ... and a town this big in the land, state or county named after "in" ("a
#: delegation from Trujillo in Spain" in a story of Trujillo, Peru; "a fete
#: in Launceston in Cornwall" in a story of Tasmania)
PAIR_IN_POP = 1_000
#: a town smaller than this held only by the land after "in" speaks for
#: that mention alone after a word of contrast (:func:`.resolve._pair_decides`)
PAIR_STATE_POP = 20_000

#: a city this big is the one its country means by its name ("Boston", "Denver")
HOME_GREAT = 500_000
#: a village named like a great city abroad is meant only with a place of the text this near it
VILLAGE_KM = 250.0
#: ... or, where the great city is a world city or a capital, this near it
WORLD_VILLAGE_KM = 60.0
#: a city this big outranks its small namesakes abroad in a text about other countries ("Geneva")
RIVAL_POP = 150_000
#: a hamlet at home smaller than this gives way to a city of RIVAL_POP abroad with nothing near it
HOME_HAMLET_POP = 1_000


def _candidate_scores(m: _Mention, g: Gazetteer, support: Optional[Counter]) -> _CandidateScores:
    items = _fixed_scores(m, g, support)
    great = frozenset(sc.entry.country for sc in items if sc.entry.country and (
        sc.entry.kind == "country" and sc.entry.id in m.main_ids
        or sc.entry.kind == "city" and (sc.entry.population >= 1_000_000 or g.is_capital(sc.entry))))
    home_great = frozenset(sc.entry.country for sc in items if sc.entry.kind == "city"
                           and sc.entry.population >= HOME_GREAT and sc.entry.id in m.main_ids)
    rival_great = frozenset(sc.entry.country for sc in items if sc.entry.kind == "city"
                            and sc.entry.population >= RIVAL_POP and sc.entry.id in m.main_ids)
    capitals = frozenset(sc.entry.country for sc in items if sc.entry.kind == "city" and g.is_capital(sc.entry))
    world = frozenset(sc.entry.country for sc in items if sc.entry.kind == "city" and sc.entry.id in m.main_ids
                      and (sc.entry.population >= 1_000_000 or g.is_capital(sc.entry)))
    # a continent's own name is the continent ("the Galápagos of Asia" in a
    # story of the Philippines, where a town is called Asia: the text's land
    # and places speak for the town, and for no continent), unless a cue
    # makes it a town ("Asia, Batangas", "the town of Asia")
    continent = None if m.pair or m.local_cue or m.cue_city else next(
        (sc.entry for sc in items if sc.entry.source == "continent" and sc.entry.id in m.main_ids), None)
    return _CandidateScores(items, great, home_great, rival_great, capitals, world, continent)


@dataclass(slots=True)
class _Scored:
    """A candidate with the part of its score that does not change between
    the passes of :func:`_resolve` (its prior and the cues around the
    mention, summed in the order :func:`_best` adds them), and whether the
    name after "X, " contains it (``pair``)."""

    entry: Entry
    fixed: float
    pair: bool
    #: ... and that name is a state or province, not only the country
    pair_region: bool = False
    #: a small town named like a province of this other country (:func:`_lone_provinces`)
    province_abroad: str = ""


def _pair_entries(pair: str, g: Gazetteer) -> list[Entry]:
    """The places the name after the mention names, by the name with its
    division's kind where our tables know it so, else by its bare name
    ("Gwangju in Gyeonggi Province": Gyeonggi-do)."""
    found = g.exact(pair)[:5]
    head, _, word = pair.rpartition(" ")
    if not found and head and word.lower() in _DIVISION_WORDS:
        found = [e for e in g.exact(head)[:5] if e.kind == "region"]
    return found


#: a city this big whose own name a smaller town has as another name keeps it in
#: a text about its land, as a capital does ("Toluca" is no other name of North Hollywood)
OWN_CITY_POP = 300_000

#: a capital this big stands alone in a dateline ("PARIS (AFP) —"); a smaller one is named
#: with its country there ("VICTORIA, Seychelles"), and "VICTORIA —" is British Columbia's
DATELINE_CAPITAL_POP = 300_000


def _fixed_scores(m: _Mention, g: Gazetteer, support: Optional[Counter]) -> list[_Scored]:
    """The context-free part of the score of each of a mention's first 60
    candidates (everything :func:`_best` adds before the country term)."""
    pair_entries: list[Entry] = _pair_entries(m.pair, g) if m.pair else []
    # (and the name before ", X": "Puebla, Mexico" is the country, not a town of New York)
    held_entries: list[Entry] = g.exact(m.pair_before)[:5] if m.pair_before else []
    # a capital named like a state of its own country ("Washington")
    capital_rivals = {e.country for e in m.cands[:60] if e.kind == "region" and e.source in ("state", "extra")
                      and e.id in m.main_ids}
    # a state's or province's own name ("Queensland", "Normandy") is not a small town
    # (unless the name after it holds one of them: "Oregon, Wisconsin" is
    # the town; "Oregon, Tennessee, Utah" is a list of states)
    paired = any(_pair_holds(p, e) for p in pair_entries for e in m.cands[:60])
    # (a division that holds a town of the name by its code holds none by
    # nearness alone: "Gwangju, Gyeonggi Province" is not the great Gwangju
    # 240 km off, which has a code of its own)
    coded = {p.id for p in pair_entries if p.kind == "region" and p.admin1 and any(
        e.kind == "city" and e.country == p.country and e.admin1 == p.admin1 for e in m.cands[:60])}
    # (so is an ocean's, by any of our names for it: "the tropical Pacific")
    state_named = not m.local_cue and not paired and any(
        ((e.source == "state" or (e.source == "extra" and e.kind == "region"
                                  and e.population >= 1_000_000)) and e.id in m.main_ids)
        or (e.source == "extra" and e.kind == "feature" and e.country is None and not m.cue_city)
        for e in m.cands[:60])
    # a country's own name is never another place's other name ("Mexico" is
    # no name of its capital here, "Lebanon" none of a town that once had it)
    country_named = any(e.kind == "country" and e.id in m.main_ids for e in m.cands[:60])
    # (a name acting for a government is its capital's, not a namesake
    # town's, where no country has the name: "Riyadh said", "The Vatican announced")
    acting_capital = m.acts and not any(e.kind == "country" for e in m.cands[:60])
    # (nor is a state's or province's: "Santa Catarina" is no other name of a
    # town far from it; the borough's own town, "Enfield Town", is)
    divisions = [e for e in m.cands[:60] if e.kind == "region" and e.source in ("state", "subdivision", "extra")
                 and not e.approx and e.id in m.main_ids and e.lat is not None]
    # a country's great part with no town of its name inside it ("Sonora",
    # "Mpumalanga"): the small towns named after it elsewhere rarely are the one meant
    provinces = _lone_provinces(m, g) if not m.local_cue and not paired and not state_named else []
    key = normalize(m.text)
    # (whether a US county is among the candidates a county cue speaks for)
    us_county = m.county_cue and any(c.source == "county" for c in m.cands)
    # (the biggest town that has the name as its own: a village's longer name
    # it opens is no short form of it beside a town twenty times its size)
    own_pop = max((e.population for e in m.cands[:60] if e.kind == "city" and e.id in m.main_ids), default=0)
    # (not where the text speaks of the province: "São Paulo state", "the Mendoza region")
    seats = _province_seats(m, g) if not m.region_cue and not m.division_word else set()
    out: list[_Scored] = []
    for e in m.cands[:60]:
        capital = e.kind == "city" and g.is_capital(e)
        s = W["pop"] * math.log10(e.population + 1)
        if e.kind == "feature" and e.source == "extra":
            s = max(s, W["feature_floor"])  # "Everest", "the Andes": no hamlet named after them
        elif e.source == "subdivision" and not e.approx:
            s = max(s, W["division_floor"])  # a province or county: no village's size
        if state_named and e.kind == "city" and e.population < 1_000_000 and not capital:
            s += W["state_town"]
        abroad = ""
        if provinces and e.kind == "city" and not capital and e.lat is not None \
                and not any(_within(d, e, PROVINCE_KM) for d in provinces):
            if any(d.country == e.country for d in provinces):
                if e.population < 1_000_000:
                    s += W["state_town"]  # at home, the province's name is the province's
                if e.population < 10_000:
                    # (a hamlet's neighbours do not make it the one meant:
                    # "Nuevo León" of a Coahuila hamlet beside "Saltillo")
                    s += W["state_town"]
            elif e.population < PROVINCE_TOWN_POP:
                abroad = provinces[0].country  # abroad, as far as the text is about its country
        if e.id in m.main_ids:
            s += W["main"]
        # (though a great town's short name is its own: "Leon" of León de los
        # Aldama, whatever provinces abroad are called)
        elif country_named or (divisions and e.kind == "city" and e.lat is not None and not _short_form(key, e)
                               and not any(haversine_km(d.lat, d.lon, e.lat, e.lon) <= W["coloc_km"]
                                           for d in divisions)):
            s += W["country_alias"]
        elif e.kind == "city" and _short_form(key, e) and not (
                own_pop >= SHORT_FORM_RIVAL_POP and e.population * SHORT_FORM_RATIO < own_pop):
            # "Newcastle" is Newcastle upon Tyne's own name too (but "Saint-Nazaire"
            # is the port's, not Saint-Nazaire-en-Royans's, a village of 500)
            s += W["main"]
        if e.kind == "country":
            s += W["kind_country"]
        elif e.kind == "region":
            if e.source in ("state", "continent", "extra"):
                s += W["kind_region"]
            elif e.source == "county":
                s += W["county"]
        elif e.kind == "feature":
            s += W["kind_feature"]
        if e.source == "subdivision":
            s += W["subdivision"]
        if e.approx:
            s += W["approx"]
        if capital:
            s += W["capital"]
        if e.id in seats:
            s += W["province_seat"]
        if m.cue_city and e.kind == "city":
            s += W["cue_city"]
        if m.local_cue and e.kind == "city":
            s += W["local"]
        if capital_rivals and capital and e.country in capital_rivals and not m.region_cue:
            s += W["capital_state"]
            if m.acts:
                s += W["capital_state"]  # a government acting: "Washington has called for a truce"
        if capital and acting_capital:
            s += W["capital_acts"]
        if m.lone_dateline and e.kind == "city" and e.id in m.main_ids \
                and (capital and e.population >= DATELINE_CAPITAL_POP or e.population >= 1_000_000):
            s += W["lone_dateline"]
        if m.region_cue and e.kind == "region" and e.source in ("state", "extra", "subdivision"):
            s += W["capital_state"]
            if m.division_word:
                s += W["division_word"]
        if m.country_cue and e.kind == "country":
            s += W["capital_state"]
        if m.sea_cue and e.kind == "feature" and e.country is None and e.source == "extra":
            s += W["sea"]
        if (m.river_cue or m.island_cue) and e.kind == "feature" and e.source == "extra":
            s += W["sea"]
        if m.county_cue and (e.source == "county" or (
                e.kind == "region" and e.country in COUNTY_LANDS and not us_county)):
            s += W["county_cue"]  # (an Irish or British county where no US county is meant)
        elif e.source == "county" and e.id not in m.main_ids:
            s += W["bare_county"]
        if m.coloc:
            s += W["coloc"] * _saturate(m.coloc.get(e.id, 0.0))
        if support and e.country and e.admin1 and e.kind in ("city", "region"):
            own = m.votes.get((e.country, e.admin1), 0.0)
            s += W["support"] * _saturate(max(0.0, support.get((e.country, e.admin1), 0.0) - own))
        if held_entries and e.kind in ("country", "region") and any(_pair_holds(e, p) for p in held_entries):
            s += W["pair"]
        held_by = [p for p in pair_entries if _pair_holds(p, e)
                   and not (p.id in coded and p.admin1 != e.admin1 and e.kind == "city")]
        out.append(_Scored(e, s, bool(held_by), any(p.kind != "country" for p in held_by), abroad))
    return out


#: a town this big that has a name as its own takes the short-form reading
#: of the name from the towns SHORT_FORM_RATIO times smaller whose longer name it opens
SHORT_FORM_RIVAL_POP = 20_000
SHORT_FORM_RATIO = 20

#: a town this far from a province's centre is not its namesake inside it
PROVINCE_KM = 150.0
#: ... and one this big abroad is meant on its own (at home, a great city)
PROVINCE_TOWN_POP = 100_000


def _province_seats(m: _Mention, g: Gazetteer) -> set[int]:
    """The ids of the towns that give their name to the province holding
    them, each its province's biggest town of the name ("Nagasaki" of
    Nagasaki prefecture, beside a ward of Tokyo and a Yamagata village of
    that name): the province's weight is theirs against its small
    namesakes at home, whatever the text's other names have near them.
    (Abroad, the country's context judges: "Saida" of Lebanon is not the
    Algerian province's town.)"""
    held = {(d.country, d.admin1) for d in m.cands[:60] if d.kind == "region" and d.admin1
            and d.id in m.main_ids and g.holds_its_town(d)}
    if not held:
        return set()
    best: dict[tuple, Entry] = {}
    for e in m.cands[:60]:
        k = (e.country, e.admin1)
        if e.kind == "city" and e.id in m.main_ids and k in held \
                and (k not in best or e.population > best[k].population):
            best[k] = e
    return {e.id for e in best.values()
            if any(o.kind == "city" and o.country == e.country and o is not e for o in m.cands[:60])}


def _within(a: Entry, b: Entry, km: float) -> bool:
    return haversine_km(a.lat, a.lon, b.lat, b.lon) <= km


def _lone_provinces(m: _Mention, g: Gazetteer) -> list[Entry]:
    """The first-level provinces the mention names by their own name
    (:meth:`~newsledger.gazetteer.Gazetteer.is_province`), when none of them
    holds a town of that name ("Berlin", "Kano" and "Agadez" do: their city
    speaks for them, and their far namesakes keep their chances)."""
    provinces = [e for e in m.cands[:60] if e.kind == "region" and e.id in m.main_ids
                 and not e.approx and e.lat is not None and g.is_province(e)]
    if not provinces or any(g.holds_its_town(d) for d in provinces):
        return []
    for e in m.cands[:60]:
        if e.kind == "city" and e.lat is not None and e.id in m.main_ids \
                and any(_within(d, e, PROVINCE_KM) for d in provinces):
            return []
    return provinces


#: how far from a region's centre a place named before it ("X, Region") may lie
#: when the two come from gazetteers of different codes (a county of England)
PAIR_REGION_KM = 300.0


def _pair_holds(p: Entry, e: Entry) -> bool:
    """Whether ``e`` lies in ``p``, the place named after it ("Springfield,
    Illinois"; "Fife, Scotland"): the same country, and for a region the
    same state code, or (either a division coded otherwise, or one of our
    own regions: "Fife, Scotland", "Ipswich, Suffolk", "Kediri, East Java")
    a point near the region's centre.  A dependent territory's place lies
    in the country it belongs to as well ("Longyearbyen, Norway")."""
    if p.kind == "country" and e.country is not None and p.country == sovereign(e.country):
        return True
    if p.country != e.country or p.kind not in ("country", "region"):
        return False
    if p.kind == "country":
        return True
    if p.admin1 and p.admin1 == e.admin1:
        return True
    return (e.source == "subdivision" or p.source in ("subdivision", "extra")) and p.lat is not None \
        and e.lat is not None and haversine_km(p.lat, p.lon, e.lat, e.lon) <= PAIR_REGION_KM


def _best(m: _Mention, g: Gazetteer, countries: Counter, admins: Counter,
          anchors: Optional[_Anchors], support: Optional[Counter] = None,
          near_cache: Optional[dict] = None, memo: Optional[dict] = None,
          named: frozenset = frozenset()) -> Optional[Entry]:
    """The best-scoring candidate of a mention in the given context.
    The context-free part of the scores is computed at the first call and
    kept on the mention (``m.scored``): ``support`` and the mention's cues
    must not change between calls.  ``near_cache`` keeps :func:`_nearness`
    per name and entry for one list of anchors; ``memo`` keeps the choice
    per ``m.scored`` for one pass (one context per name)."""
    if not m.cands:
        return None
    if m.demonym or len(m.cands) == 1:
        return m.cands[0]
    if m.scored is None:
        m.scored = _candidate_scores(m, g, support)
    if m.scored.continent is not None:
        return m.scored.continent
    # (a country's own name is the country's, whatever its paragraph names:
    # "Mozambique"; so is a region's or a feature's of our table: "Pantanal")
    country_named = m.para_countries and any(e.kind != "city" and e.id in m.main_ids and (
        e.kind == "country" or e.source == "extra") for e in m.cands[:60])
    # (its paragraph's countries are part of its context)
    memo_key = (m.scored, m.para_countries) if m.para_countries else m.scored
    if memo is not None and memo_key in memo:
        return memo[memo_key]
    total = sum(countries.values()) or 1.0
    key = normalize(m.text)
    exp = math.exp  # the terms below are _saturate(x) = 1.0 - exp(-x), inline
    great = m.scored.great
    main_country, main_n = max(countries.items(), key=_count) if countries else (None, 0.0)
    if main_n < 0.5 * total or main_n < 2:
        main_country = None  # (no country the text is mostly about)
    # a country's own name in a text that names other countries abroad is
    # that country, not a town named after it ("exports to Mexico and China"
    # beside "Brazil" in a Midwest story; a local story of Lebanon, Ohio,
    # names no other land)
    abroad_named = not m.local_cue and any(c not in m.own_countries for c in named) and any(
        e.kind == "country" and e.id in m.main_ids for e in m.cands[:60])
    # the country named after the name ("Santa Fe, Argentina") holds it,
    # whatever the rest of the text is about, when it holds a town of some
    # size ("in Russia, U.S. officials said" is no hamlet named Russia); so
    # does a state or province when it holds a big town ("bus workers in
    # Perth, Western Australia" in a story of Perth, Scotland)
    items = m.scored.items
    # (or its capital by its own name, however small: "HAMILTON, Bermuda —")
    if m.pair and any(sc.pair and (
            (not sc.pair_region and sc.entry.population >= (PAIR_IN_POP if m.pair_in else 10_000))
            or (not sc.pair_region and sc.entry.kind == "city" and sc.entry.id in m.main_ids
                and g.is_capital(sc.entry))
            or (sc.pair_region and sc.entry.kind == "city"
                and sc.entry.population >= (PAIR_IN_POP if m.pair_in else PAIR_REGION_POP)))
            for sc in items):
        items = [sc for sc in items if sc.pair]
    elif m.native and not (great - {m.native}):
        # a people word's country holds a town of some size named so ("a
        # Spaniard from Salamanca", "an Irishman from Dublin" in a story of
        # Ohio), unless the name is a great city's abroad ("an American
        # from London")
        natives = [sc for sc in items if sc.entry.country == m.native and sc.entry.id in m.main_ids
                   and (sc.entry.kind != "city" or sc.entry.population >= 10_000)]
        if natives:
            items = natives
    # a capital whose own name it is, of a country the text is about: no
    # other place's other name, in a land the text speaks of less ("In Dili,
    # the president of Timor-Leste" beside New Delhi, which GeoNames also calls Dili)
    own_capital = next((sc.entry.country for sc in items if sc.entry.kind == "city" and sc.entry.id in m.main_ids
                        and countries.get(sc.entry.country, 0.0) >= 1.0
                        and (g.is_capital(sc.entry) or sc.entry.population >= OWN_CITY_POP)), None)
    best, best_s = None, -1e9
    near_most = _nearness_most() if anchors else 0.0
    for sc in items:
        e, s = sc.entry, sc.fixed
        if own_capital is not None and e.id not in m.main_ids and e.kind == "city" and e.country != own_capital \
                and countries.get(e.country, 0.0) < countries[own_capital]:
            s += W["capital_alias"]  # (unless the text is more about the other's land: Santiago de los Caballeros)
        # ("the northern port of Trujillo" in a story of Honduras: no village
        # abroad that nothing local speaks for)
        placed = m.compass_town and main_country is not None and e.country == main_country and e.kind == "city"
        if placed:
            s += W["compass_town"]
        if abroad_named and e.kind == "city" and not sc.pair and e.population < 1_000_000 \
                and any(c != e.country and c not in m.own_countries for c in named):
            s += W["state_town"]
        if m.scored.home_great and e.kind == "city" and e.population < HOME_GREAT and not sc.pair_region \
                and (e.id not in m.main_ids and (not _short_form(key, e) or e.country in m.scored.home_great
                                                 or e.population < 10_000)
                     or e.country in m.scored.home_great and e.population < 10_000):
            # a village named like a great city of its own country, or a town
            # anywhere that has the great city's own name only as another of
            # its names ("Durban" of Durbanville; "Milan" of a town in New York;
            # at home, even as its short form: "Brasília" of Brasília de Minas;
            # a village abroad too: "Kraków" of Krakow am See in a German story)
            s += W["great_home"]
        elif e.kind == "city" and e.population < 10_000 and e.country in m.scored.rival_great \
                and e.id not in m.main_ids and not sc.pair and not sc.pair_region and not _short_form(key, e):
            # a village that has a big city's own name of its country only as
            # another of its names ("Miami" of Miamitown, Ohio, beside Miami)
            s += W["great_home"]
        if great and e.kind == "city" and e.population < 50_000 and e.country not in great:
            # a small namesake of a great city abroad, in a text mostly about other countries
            s += W["great_rival"] * (1.0 - countries.get(e.country, 0.0) / total)
            if e.population < 10_000 and not sc.pair and not placed and m.coloc.get(e.id, 0.0) < 1.0 and (
                    not admins.get((e.country, e.admin1))
                    or anchors and e.lat is not None and not _anchored(e, key, anchors, VILLAGE_KM)):
                # ... a village, and nothing local speaks for it: no state
                # after it or in the text, no other name's namesake nearby
                # ("Boston host the Toronto Raptors", Toronto, Ohio), no place
                # of the text about it even where its state is named ("my
                # brothers are in Milan and Madrid" in a story of New York)
                s += W["great_village"]
            if e.population < 10_000 and not sc.pair and not placed and not m.local_cue \
                    and m.coloc.get(e.id, 0.0) < 1.0 \
                    and m.scored.world - {e.country} and anchors and e.lat is not None \
                    and not any(o.entry.country == e.country and o.entry.population >= 10_000 for o in items) \
                    and not _anchored(e, key, anchors, WORLD_VILLAGE_KM):
                # ... a village named like a world city or a capital abroad
                # ("flights to Dubai or Doha" in a story of Bihar), its
                # country no town of the name, no place of the text a
                # neighbour of it: only its country's share of the text spoke for it
                s += W["world_village"]
            if not sc.pair and e.country not in named and any(c in named and c not in m.own_countries
                                                              for c in great):
                s += W["great_named"]  # "in France ... Paris": the text names the great city's country
        elif m.scored.rival_great and e.kind == "city" and e.population < 50_000 \
                and e.country not in m.scored.rival_great and not sc.pair:
            # a small namesake of a city of 150,000 abroad, in a text mostly
            # about other countries than the namesake's ("Rotterdam" in a
            # story of world ports that names Washington once; "the UN office
            # in Geneva" in a story of Sudan)
            # (a smaller one than half a million only where the text's other
            # names have no namesakes about the small one: "Newport, Middletown
            # and Portsmouth" lie together in Rhode Island, not about Newport of Wales)
            share = countries.get(e.country, 0.0) / total
            if share < 0.5 and (m.scored.home_great or m.coloc.get(e.id, 0.0) < 1.0):
                s += W["great_rival"] * (1.0 - share)
                if m.scored.home_great and e.population < 10_000 and m.coloc.get(e.id, 0.0) < 1.0 \
                        and anchors and e.lat is not None and not _anchored(e, key, anchors, VILLAGE_KM):
                    # ... a village named like a city of half a million abroad,
                    # no town of the text its neighbour: its state's name
                    # elsewhere in the text does not speak for it ("buyers
                    # from Bogotá, from Jaipur, from Antwerp" beside "an
                    # auction in New York")
                    s += W["great_village"]
            elif e.population < HOME_HAMLET_POP and not m.local_cue and m.coloc.get(e.id, 0.0) < 1.0 \
                    and anchors and e.lat is not None and not _anchored(e, key, anchors, VILLAGE_KM):
                # ... a hamlet at home named like a city of 150,000 abroad, no
                # town of the text its neighbour: the text's land alone does
                # not speak for it ("a report circulated to members in Geneva"
                # in a story of Australia's wine growers)
                s += W["home_hamlet"]
        if e.kind == "region" and e.country and main_country is not None and e.country != main_country \
                and countries.get(e.country, 0.0) - m.own_countries.get(e.country, 0) <= 0 \
                and any(o.entry.country == main_country and (o.entry.kind == "region" or (
                    o.entry.kind == "city" and o.entry.population >= 20_000)) for o in m.scored.items):
            # a state or province of a country the text never names, when a
            # namesake province or town lies in the country the text is mostly
            # about ("Florida" in a story of Uruguay's floods is the department,
            # not the state; "Normandy" stays France's beside a hamlet of Missouri)
            s += W["state_abroad"]
        if e.kind == "region" and e.country in m.scored.capitals and e.id in m.main_ids \
                and e.source in ("state", "extra") and not m.region_cue and not m.beside_state \
                and admins.get((e.country, e.admin1), 0.0) - m.own_admins.get((e.country, e.admin1), 0.0) < 0.5:
            # a state named like its country's capital, with no town of it in
            # the text, is the capital ("regulators in Washington", "the
            # debate has reached Washington"; not "Spokane, in eastern Washington")
            s += W["state_unplaced"]
        if e.country in m.para_countries and (e.kind == "city" or e.source == "subdivision") \
                and not country_named:
            # its paragraph names its country ("VALPARAÍSO, Chile — ... the
            # president in Santiago", an item of a roundup about the world;
            # as much for a province there as for its namesake hamlets)
            s += W["para_country"]
        if e.country:
            c = countries.get(e.country, 0.0)
            if e.kind != "country":
                s += W["country"] * (0.5 * (1.0 - exp(-c)) + 0.5 * c / total)
            else:
                s += W["country_other"] * (1.0 - exp(-max(0.0, c - m.own_countries.get(e.country, 0))))
        if e.country and e.admin1 and (e.kind != "region" or e.source == "county"):
            s += W["admin"] * (1.0 - exp(-admins.get((e.country, e.admin1), 0.0)))
        if sc.pair:
            s += W["pair"]
        elif sc.province_abroad:
            s += W["state_town"] * countries.get(sc.province_abroad, 0.0) / total
        if anchors and e.lat is not None:
            if s + near_most <= best_s:
                continue  # (the places about it could not lift it above the best so far)
            if near_cache is None:
                s += _nearness(e, key, anchors)
            else:
                ck = (key, e.id, e.lat, e.lon, e.kind)
                v = near_cache.get(ck)
                if v is None:
                    v = near_cache[ck] = _nearness(e, key, anchors)
                s += v
        if s > best_s:
            best, best_s = e, s
    if memo is not None:
        memo[memo_key] = best
    return best
