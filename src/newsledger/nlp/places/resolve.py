"""Places, resolution: each mention's gazetteer entry (:func:`_resolve`).

Resolution (choosing among same-named gazetteer entries)
    a prior (population, kind, main name or alternate name), then the
    document's context: the countries and first-level divisions mentioned,
    "City, State" patterns, cue words ("the city of"), and the distance to the
    other places of the text, in two passes (one sense per name per document).
    The states/provinces where the text's other names have namesakes support
    each other (local news names the towns of one area); "a Lebanon woman",
    "the Paris City Council" make the name a town; a capital named like a
    state of its country ("Washington") is the capital unless a cue says the
    division ("Washington state", "eastern Washington", "the Quebec government");
    a name with its division's word is the division ("the Kursk region" given
    whole, "Kano State", "Aleppo province").
    A bare name the text also writes with "County", or listed before
    "counties", prefers the county; an unknown name may be a county's
    ("Preble voters"); a state's own name is the state, not a small town;
    a country gains from the text's other names in it ("Moscow" for
    "Russia"), not from its own mentions, and no name's mentions vote for
    the country of their own first guess (five "Paris" do not make a Texas
    story French); a big province's or region's own name ("Queensland",
    "Normandy") is not a small town abroad; "Georgia" counts half for the
    country and half for the state until the rest of the text decides.
    A candidate gains where the text's other names have local namesakes
    close to it (:func:`_colocation`: "Newport, Middletown and Portsmouth"
    lie together only in Rhode Island); a county gains from its state named
    in the text as a town does, and a bare name may be its county's
    ("Greene" beside Xenia and Fairborn).  A country's or province's own
    name is no other place's alternate name ("Mexico" is not Mexico City); a
    name in a list of states or of countries is one too; a small namesake of
    a country or great city abroad loses as the text is about other
    countries; a misspelt name keeps its namesake only near the text's other
    places.  In a text of several paragraphs, a town's paragraph that names
    its country speaks for it (a roundup's item: "VALPARAÍSO, Chile — ...
    Santiago"), though not a country listed beside it as its peer ("Halifax,
    Vancouver and the United States"); a university named after a town lies
    in its great town, not in a village of the name ("the University of
    Münster" in a story of Bavaria); a state or province of a country the
    text never names gives way to a namesake province or town of the country
    it is mostly about ("Florida" in a story of Uruguay).  A metropolis says nothing of the
    small namesakes among its districts ("Nagasaki" of a Tokyo ward); a
    state after one mention speaks for the bare ones unless it names a
    namesake in a country the text only visits ("Hyderabad, Sindh" in a
    story of India); a town listed with others lies where they do
    ("Lisbon and Porto"); a river's bank before one mention makes it and the
    name's other mentions the river ("the bank of the Rio Grande"); an
    Irish county written "Co. Clare" is what the bare "Clare" names where
    its country has no town of the name.  A land, state or county after "in"
    holds a town of 1,000 people ("Trujillo in Spain"); a part of a big city
    named by the city's possessive or kind lies in it ("Bangkok's Chinatown",
    "the Auckland suburb of Devonport"), at the city's point where the
    gazetteer has none of the name there, and so are the part's other
    mentions; a head word alone is the one place the text names by it ("the
    Rio Grande Valley ... the Valley"); another name of a place given
    right after it is that place ("Semey, the former Semipalatinsk").  A name the gazetteer does not know is put in the
    place the text puts it ("the X camp near Garissa"), else at the text's
    focus, the most-named town amid its places (:func:`resolve_spans`).

The cues around each mention are read in :mod:`.cues`, the document's
context in :mod:`.context`; the candidates are scored in :mod:`.score`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import replace
from typing import Optional, Sequence

from spacy.tokens import Doc

from ...gazetteer import Entry, Gazetteer, haversine_km, normalize
from .words import W
from .tokens import _Tokens
from .mention import _Mention
from .cues import (_bare_counties, _compass_town, _county_cues, _cue_city, _division_word, _including_text,
                   _lists_of_divisions,
                   _acts, _famous_cue, _local_cue, _lone_dateline, _school_cue, _nation_cue, _native_of,
                   _pair_before_text, _pair_text,
                   _people_before_text, _possessor_text, _qualifier_text, _division_native, _region_cue, _river_cue,
                   _island_cue,
                   _sea_cue)
from .context import _admin_support, _colocation, _document_context, _named_countries
from .score import DATELINE_CAPITAL_POP, PAIR_STATE_POP, _Anchors, _best, _pair_holds, _share_fixed_scores
from .entries import OLDER_NAMES, _country_word, _famous_alias, _respelling


def _add_rivers(m: _Mention, g: Gazetteer) -> None:
    """A name before a lower-case "river" ("the Ravi river", "the Juba
    river") is the river, which our table lists under its full name when the
    short one is a town's or a person's: add the full name's entries."""
    _add_features_named(m, g, (f"{m.text} River", f"River {m.text}"))


def _add_islands(m: _Mention, g: Gazetteer) -> None:
    """A name before a lower-case "island" ("on Santa Cruz island") is the
    island, which our table lists under its full name: add its entries."""
    _add_features_named(m, g, (f"{m.text} Island", f"{m.text} Atoll"))


def _add_features_named(m: _Mention, g: Gazetteer, names: tuple[str, ...]) -> None:
    """Put the features of the gazetteer under ``names`` first among the
    mention's candidates, as names of its own."""
    if m.demonym:
        return
    have = {e.id for e in m.cands}
    found = [e for name in names for e in g.exact(name) if e.kind == "feature" and e.id not in have]
    if found:
        m.cands = found + m.cands
        m.main_ids = set(m.main_ids) | {e.id for e in found}


def _rivers_named_whole(toks: _Tokens, mentions: Sequence[_Mention], g: Gazetteer) -> None:
    """A river the text names whole ("the River Tay", "the Fraser River")
    is the one its bare name after "the" means there ("beside the Tay",
    "the Tay washed over the road"), not a town the name is another's of;
    not where the name opens a body's ("the Colorado Department of
    Transportation" in a text of the Colorado River)."""
    named = {normalize(re.sub(r"^River\s+|\s+River$", "", m.text)) for m in mentions
             if re.fullmatch(r"River\s+\S.*|.*\S\s+River", m.text) and any(e.kind == "feature" for e in m.cands)}
    if not named:
        return
    for m in mentions:
        if not m.river_cue and m.span is not None and m.span.start > 0 and toks.lower[m.span.start - 1] == "the" \
                and normalize(m.text) in named \
                and not (m.span.end < toks.n and toks.title[m.span.end]):
            m.river_cue = True
            _add_rivers(m, g)


#: a division's name that is a word and a number ("District 1")
_NUMBERED = re.compile(r"^\w+ (?:\d+|[IVX]+)$")


def _drop_numbered_divisions_abroad(mentions: Sequence[_Mention], named: frozenset) -> None:
    """A division named by a word and a number ("District 1" of Tunisia) is
    one of its country's only where the text names that country: in a story
    of Ho Chi Minh City, "District 1" is the city's, which the gazetteer
    does not know (so it stands where the text is)."""
    for m in mentions:
        if any(e.source == "subdivision" and e.country not in named and _NUMBERED.match(e.name) for e in m.cands):
            m.cands = [e for e in m.cands if not (e.source == "subdivision" and e.country not in named
                                                  and _NUMBERED.match(e.name))]


#: capitalised kinds of a division after its name ("Niger State"), which no country's name takes
_KIND_WORDS = {"State", "Province", "Region"}


def _drop_countries_before_kind(toks: _Tokens, m: _Mention) -> None:
    """A name before a division's capitalised kind ("the Niger State
    capital") is that division, not the country of the same name, even in
    a text that names the country too; not so before a lower-case word
    ("Niger state television" is the country's)."""
    if m.span is None or m.span.end >= toks.n or toks.text[m.span.end] not in _KIND_WORDS:
        return
    if any(c.kind == "region" for c in m.cands) and any(c.kind == "country" for c in m.cands):
        m.cands = [c for c in m.cands if c.kind != "country"]


def _resolve(doc: Doc, toks: _Tokens, mentions: list[_Mention], g: Gazetteer) -> None:
    """Choose each mention's gazetteer entry (``m.choice``) in the context of
    the whole text (see the module's docstring, "Resolution")."""
    if not mentions:
        return
    for m in mentions:
        m.pair = _including_text(toks, m) or _pair_text(toks, m) or _possessor_text(toks, m, g)
        m.pair_in = m.pair is not None and _said_in(toks, m)
        if m.pair is None:
            m.pair = _qualifier_text(toks, m, g)
            m.qualified = m.pair is not None
        if m.pair is None:
            m.pair = _people_before_text(toks, m, g)
            m.pair_in = m.pair is not None
        listed = _listed_with_countries(toks, m, g)
        if m.pair and (listed or _great_city_listed_with_state(toks, m, g)):
            m.pair = None
        m.pair_before = _pair_before_text(toks, m)
        m.cue_city = _cue_city(toks, m)
        m.compass_town = _compass_town(toks, m)
        m.local_cue = _local_cue(toks, m)
        # (a name listed with countries is their peer: a country's great part
        # where it is no country's name, "Cornwall, Finland, Serbia and Ireland")
        m.region_cue = _region_cue(toks, m) or (listed and not any(e.kind == "country" for e in m.cands[:60]))
        m.division_word = _division_word(toks, m)
        m.sea_cue = _sea_cue(toks, m)
        m.river_cue = _river_cue(toks, m)
        if m.river_cue:
            _add_rivers(m, g)
        m.island_cue = _island_cue(toks, m)
        if m.island_cue:
            _add_islands(m, g)
        m.famous_cue = _famous_cue(toks, m)
        m.school_cue = _school_cue(toks, m)
        m.country_cue = _nation_cue(toks, m)
        m.acts = _acts(m)
        m.lone_dateline = _lone_dateline(toks, m)
        m.native = _native_of(toks, m, g)
        if m.native is None:
            m.native = _division_native(toks, m, g)
            m.qualified = m.qualified or m.native is not None
        _drop_countries_before_kind(toks, m)
    _rivers_named_whole(toks, mentions, g)
    _lists_of_divisions(toks, mentions)
    _county_cues(toks, mentions, g)
    _bare_counties(mentions, g)
    support, votes = _admin_support(mentions)
    for m in mentions:
        m.votes = votes.get(normalize(m.text), {}) if not m.demonym else {}
    countries, admins = _document_context(mentions)
    _older_names_at_home(mentions, g, countries)
    named = _named_countries(mentions)
    _drop_numbered_divisions_abroad(mentions, named)
    _paragraph_countries(toks, mentions)

    # --- pass 1: prior + country/admin context
    _colocation(mentions)
    _share_fixed_scores(mentions, g, support)
    chosen: dict = {}
    for m in mentions:
        m.choice = _best(m, g, countries, admins, anchors=None, support=support, memo=chosen, named=named)
    # --- pass 2 (twice): add distance to the other places chosen so far
    _rechoose_near_others(mentions, g, countries, admins, support, named)
    _one_sense_per_name(mentions, g)
    _follow_list_mates(toks, mentions, g, named)
    _resolve_context_names(mentions, g)
    _place_counties_among_towns(mentions)
    _drop_lonely_namesakes(mentions, g)
    _own_names_at_home(mentions)
    _drop_far_fuzzy(mentions)
    _famous_places(mentions)
    _school_towns(mentions)
    _place_in_named_region(toks, mentions, g)
    _short_forms(mentions)
    _bare_heads(mentions, g)
    _capes_named_whole(mentions)
    _waters_by_short_name(mentions)
    _abbreviations_of_lands(mentions)
    _parts_of_cities(toks, mentions, g)
    _great_cities_abroad(toks, mentions)
    _capitals_listed(toks, mentions, g)
    for m in mentions:
        if m.other_name_of is not None:  # ("Witbank" of "Emalahleni, the former Witbank": that town)
            m.choice = m.other_name_of.choice


def _older_names_at_home(mentions: Sequence[_Mention], g: Gazetteer, countries: Counter) -> None:
    """An older English name of a great city (:data:`.entries.OLDER_NAMES`:
    "Hanover", "Cologne") in a text mostly of that city's country is the
    city's own name there, though small towns abroad have it as their main
    one ("the airports serving Hamburg, Stuttgart, Hanover and Leipzig" in a
    story of Germany that names Toronto once)."""
    older = [m for m in mentions if not m.demonym and m.cands and normalize(m.text) in OLDER_NAMES]
    if not older:
        return
    # (the unambiguous mentions' countries, and half a vote for each other
    # name's first reading)
    tally = Counter(countries)
    for m in mentions:
        if m.cands and not m.demonym and normalize(m.text) not in OLDER_NAMES and m.cands[0].country:
            tally[m.cands[0].country] += 0.5
    if not tally:
        return
    top, n = tally.most_common(1)[0]
    if n < 1 or n < 0.5 * sum(tally.values()):
        return
    for m in older:
        famous = _famous_alias(m.text, frozenset(m.main_ids), m.cands, g, home=frozenset({top}))
        if famous is not None and famous.country == top:
            m.main_ids.add(famous.id)


#: a city this big, named like the state or province that holds it, is the
#: name's reading in a text mostly of other countries ("New York")
GREAT_CITY_POP = 1_000_000
#: words before or after a state's name that make it the state ("upstate New York", "New York State")
_STATE_WORDS = {"upstate", "downstate", "state", "statewide", "province", "gov", "gov.", "governor"}
#: a state's own bodies named after it ("the New York Power Authority", "the New York Legislature")
_STATE_BODY_WORDS = {"authority", "assembly", "legislature", "senate", "thruway", "provincial"}


def _great_cities_abroad(toks: _Tokens, mentions: list[_Mention]) -> None:
    """A state or province chosen for a name its great city shares ("New
    York") is that city in a text whose places lie mostly in other
    countries ("fashion weeks in Paris, Milan and New York", "arabica
    futures in New York"): news from abroad names the city.  Not where the
    text speaks of the state ("upstate New York", "New York State", "New
    York Gov. ..."), lists it with other states or provinces, or puts it
    after a town's comma ("Rego Park, New York")."""
    for m in mentions:
        e = m.choice
        if e is None or e.kind != "region" or m.span is None or m.demonym or m.region_cue or m.division_word:
            continue
        key = normalize(m.text)
        # (its own name opens the city's: "New York City"; not a state's old name
        # among a capital's others, "Bahia" of Salvador)
        city = next((c for c in m.cands[:10] if c.kind == "city" and c.country == e.country
                     and c.population >= GREAT_CITY_POP and c.admin1 == e.admin1
                     and normalize(c.name).startswith(key)), None)
        if city is None:
            continue
        s, end = m.span.start, m.span.end
        if (s > 0 and toks.lower[s - 1] in _STATE_WORDS) or (end < toks.n and toks.lower[end] in _STATE_WORDS) \
                or (s > 1 and toks.text[s - 1] == "," and toks.title[s - 2]) or _state_body(toks, s, end):
            continue
        shares = _country_shares([o for o in mentions if normalize(o.text) != key])
        if shares and shares.get(e.country, 0.0) < 0.5:
            m.choice = city  # (not without another place to judge by, nor in a text mostly of its country)


def _state_body(toks: _Tokens, s: int, end: int) -> bool:
    """The name is part of a state's body's name: "State" opens the name
    that holds it ("the State University of New York"), or a body's word
    follows in the same name ("the New York Power Authority")."""
    k = s - 1
    while k >= 0 and (toks.title[k] or toks.lower[k] == "of"):
        if toks.lower[k] == "state":
            return True
        k -= 1
    k = end
    while k < toks.n and k < end + 3 and toks.title[k]:
        if toks.lower[k] in _STATE_BODY_WORDS:
            return True
        k += 1
    return False


def _capitals_listed(toks: _Tokens, mentions: list[_Mention], g: Gazetteer) -> None:
    """Names listed only with one another that are each a capital of its
    own country by its own name ("Ottawa and Washington", "Wellington,
    Canberra and Washington") are those capitals, not namesake towns,
    states or counties the text's other places lie near: the governments
    speak."""
    def capital(m: _Mention) -> Optional[Entry]:
        # (by the name's own readings: a county's bare name after "Washington
        # County" carries the county's only)
        main = g.main_ids(m.text)
        return next((c for c in g.exact(m.text)[:10] if c.kind == "city" and c.id in main and g.is_capital(c)), None)

    named = sorted((m for m in mentions if m.choice is not None and m.span is not None and not m.demonym),
                   key=lambda m: m.span.start)
    for k, m in enumerate(named):
        if g.is_capital(m.choice) or capital(m) is None:
            continue
        # (a list's other names lie a few mentions either side)
        group = [m] + [o for o in named[max(0, k - 4):k + 5] if o is not m and _list_peers(toks, m, o)]
        caps = [capital(o) for o in group]
        if len(group) >= 2 and all(caps) and len({c.country for c in caps}) == len(caps):
            for o, c in zip(group, caps):
                o.choice = c


def _said_in(toks: _Tokens, m: _Mention) -> bool:
    """The mention is followed by "in" or ", in" (its ``pair`` is the land
    said to hold it: "Trujillo in Spain", "Bonito, in Mato Grosso do Sul")."""
    end = m.span.end if m.span is not None else toks.n
    return end < toks.n and (toks.lower[end] == "in" or (
        toks.text[end] == "," and end + 1 < toks.n and toks.lower[end + 1] == "in"))


def _paragraph_countries(toks: _Tokens, mentions: Sequence[_Mention]) -> None:
    """Each mention's ``para_countries``: the countries its paragraph (its
    line) names by their own names, other than by the mention itself, in a
    text of several paragraphs that name different countries (a roundup's
    items, a story that moves abroad); only those where one of its towns
    lies.  (Not by their people's words: "a Kosovo-Serb fighter who served
    in the town of Vitina" names a people, not the country of the town.)"""
    breaks = [k for k in range(toks.n) if toks.is_space[k] and "\n" in toks.text[k]]
    if not breaks:
        return
    by_para: dict[int, set[str]] = defaultdict(set)
    named_at: list[tuple[_Mention, str]] = []
    for m in mentions:
        if m.span is not None and not m.demonym and m.cands and m.cands[0].kind == "country" \
                and m.cands[0].id in m.main_ids and not _across_border(toks, m.span.start):
            by_para[bisect_right(breaks, m.span.start)].add(m.cands[0].country)
            named_at.append((m, m.cands[0].country))
    if len({c for cs in by_para.values() for c in cs}) < 2:
        return
    for m in mentions:
        here = by_para.get(bisect_right(breaks, m.span.start)) if m.span is not None else None
        if here and not m.demonym:
            # (not a country listed beside it as its peer: "orders from
            # Toronto, Vancouver and the United States" names no country of Vancouver's)
            peers = {c for o, c in named_at if o is not m and _list_peers(toks, m, o)}
            # (only those of its towns: the others change nothing)
            m.para_countries = frozenset(c for c in here - peers if any(e.country == c and e.kind == "city"
                                                                        for e in m.cands[:60]))


def _across_border(toks: _Tokens, i: int) -> bool:
    """The country named at token ``i`` is the neighbour across a border
    ("on the border with Romania", "near the frontier of Chad",
    "bordering Peru"): the paragraph's places lie outside it."""
    if i > 0 and toks.lower[i - 1] in ("bordering", "borders"):
        return True
    return i > 1 and toks.lower[i - 1] in ("with", "of") and toks.lower[i - 2] in ("border", "frontier")


#: the most words between two places listed together (other names of the list and their joiners)
LIST_PEER_GAP = 12


def _list_peers(toks: _Tokens, a: _Mention, b: _Mention) -> bool:
    """``a`` and ``b`` lie in one list of names: only capitalised words,
    commas, "and", "or", "&" and "the" between them, at least one joiner, and
    ``b`` opens no longer name."""
    first, second = (a, b) if a.span.start < b.span.start else (b, a)
    gap = range(first.span.end, second.span.start)
    if not gap or len(gap) > LIST_PEER_GAP:
        return False
    if not all(toks.title[k] or toks.lower[k] in _LIST_JOINERS or toks.lower[k] == "the" for k in gap):
        return False
    return any(toks.lower[k] in (",", "and", "or") for k in gap) \
        and not (b.span.end < toks.n and toks.title[b.span.end])


#: a short name's own reading this far from the long name's town is a namesake, not the town
SHORT_FORM_KM = 50.0


def _short_forms(mentions: Sequence[_Mention]) -> None:
    """A name the gazetteer does not know that opens a longer name of the
    text that it does ("Kruger" after "Kruger National Park") is that place;
    so is a small town's name that opens a town's longer name the text gave
    before it ("San Vicente de Alcántara ... San Vicente" is no namesake in
    another province)."""
    known = [m for m in mentions if m.choice is not None and not m.demonym and " " in m.text]
    if not known:
        return
    for m in mentions:
        if m.demonym:
            continue
        head = normalize(m.text) + " "
        if m.choice is None and not m.cands:
            m.choice = next((o.choice for o in known if normalize(o.text).startswith(head)), None)
            continue
        e = m.choice
        if e is None or m.pair or e.kind != "city" or e.population >= LONELY_POP or e.lat is None:
            continue
        longer = next((o.choice for o in known if o.start < m.start and o.choice.kind == "city"
                       and o.choice.lat is not None and normalize(o.text).startswith(head)), None)
        if longer is not None and haversine_km(e.lat, e.lon, longer.lat, longer.lon) > SHORT_FORM_KM:
            m.choice = longer


#: a feature's or region's head word that the text may use alone for the
#: named one ("the Rio Grande Valley ... the Valley", "the Mekong Delta ... the Delta")
_BARE_HEADS = {"valley", "delta", "peninsula", "basin", "plateau", "highlands", "lowlands", "canyon",
               "glen", "gorge", "hills", "lakes"}


#: ... of them, those a land has one of, mostly ("the Delta" of Egypt, Nigeria, Bangladesh);
#: a land has many a valley and peninsula that our table does not hold
_ONE_PER_LAND = {"delta"}


def _bare_heads(mentions: Sequence[_Mention], g: Gazetteer) -> None:
    """A head word alone ("the Valley") in a text that names a place by it
    ("the Rio Grande Valley", "the Shenandoah Valley") is that place,
    not a small town of the word (Anguilla's The Valley, Valley in
    Anglesey), when the text names one such place only.  Where it names
    none, it is the one land of our table named by it in the country the
    text is mostly about ("a factory in the Delta" in a story of Egypt: the
    Nile Delta); else such a town in a country no other place of the text
    lies in is no reading ("cases from across the Valley" in a story of Texas)."""
    named = [m for m in mentions if m.choice is not None and not m.demonym and " " in m.text.strip()]
    main: Optional[str] = None
    for m in mentions:
        words = m.text.lower().split()
        if words and words[0] == "the":
            words = words[1:]
        if len(words) != 1 or words[0] not in _BARE_HEADS or m.demonym:
            continue
        e = m.choice
        if main is None:
            shares = _country_shares([o for o in mentions if normalize(o.text) != normalize(m.text)])
            main = next((c for c, share in shares.items() if share >= 0.5), "")
        # (a town of the word abroad too, whatever its size: "the Delta" in a story of Egypt is no Delta, BC)
        if e is not None and e.kind is not None and not (e.kind == "city" and (
                e.population < LONELY_POP or (main and e.country != main))):
            continue
        longer = [o for o in named if o is not m and o.text.lower().split()[-1] == words[0]
                  and o.text.lower().split()[0] not in ("the", words[0])]
        if longer and len({(o.choice.name, o.choice.lat, o.choice.lon) for o in longer}) == 1:
            m.choice = longer[0].choice
            continue
        lands = g.lands_named_with_tail(words[0], main) if not longer and main and words[0] in _ONE_PER_LAND else []
        if len(lands) == 1:
            m.choice = lands[0]
        elif not longer and e is not None and e.kind == "city" and not any(
                o.choice is not None and o.choice.country == e.country for o in mentions if o.text != m.text):
            m.choice = None


def _capes_named_whole(mentions: Sequence[_Mention]) -> None:
    """"the Cape" in a text that names one cape's place in full ("Cape
    Cod", "Cape Breton", "Cape York") is that place, not the Cape of Good
    Hope that the word alone stands for."""
    capes = [m for m in mentions if m.choice is not None and not m.demonym and m.text.lower().startswith("cape ")]
    if not capes or len({(o.choice.name, o.choice.lat, o.choice.lon) for o in capes}) != 1:
        return
    for m in mentions:
        if m.text.lower() == "cape" and not m.demonym:
            m.choice = capes[0].choice


#: the word a sea's or an ocean's name ends in, which the text may leave out ("the Pacific")
_WATER_TAILS = (" Ocean", " Sea")
#: a town of an ocean's short name is meant only with a place of the text this near it
WATER_TOWN_KM = 150.0


def _waters_by_short_name(mentions: Sequence[_Mention]) -> None:
    """An ocean's or a sea's name without its word ("Pacific neighbours
    joined in", "the Baltic") is the water, not a small town of the name
    (Pacific, Washington; Baltic, Ohio), unless a cue or a state names the
    town or another place of the text lies near it ("a mill in Atlantic"
    in a story of Cass County, Iowa)."""
    for m in mentions:
        e = m.choice
        if e is None or m.demonym or m.pair or m.local_cue or e.kind != "city" or e.population >= 10_000 \
                or e.lat is None:
            continue
        water = next((c for c in m.cands[:10] if c.kind == "feature" and c.country is None
                      and any(c.name == m.text.strip() + tail for tail in _WATER_TAILS)), None)
        if water is None or any(
                o is not m and o.choice is not None and o.choice.lat is not None and o.choice.kind != "country"
                and normalize(o.text) != normalize(m.text)
                and haversine_km(e.lat, e.lon, o.choice.lat, o.choice.lon) <= WATER_TOWN_KM for o in mentions):
            continue
        m.choice = water


#: a town smaller than this, in a country no other name of the text lies in
#: and farther than LONELY_KM from all of them, is no sure reading
LONELY_POP = 50_000
LONELY_KM = 1000.0
#: ... and a village this small chosen by another of its names is none anywhere
LONELY_ALIAS_POP = 10_000
#: ... and a namesake this big among the text's places stands in for it
NAMESAKE_POP = 20_000
#: a town this big is no lonely reading by another of its names (a world city's English name)
ALIAS_WORLD_POP = 500_000


def _drop_lonely_namesakes(mentions: Sequence[_Mention], g: Gazetteer) -> None:
    """A small town chosen far from every other place of the text, in a
    country none of them lies in ("Haram" read as a Norwegian village in a
    story about Cairo and Giza, whose own Haram district the gazetteer
    lacks), gives way to a big namesake among the text's places
    (:func:`_namesake_among`) or is left unresolved: a given span then
    stands at the text's focus (:func:`resolve_spans`).  The text needs two
    other places to judge."""
    # (not a misspelt name's choice: "Shangla" read as Sangli does not make
    # "Kalam" the Kallam of India)
    chosen = [(normalize(o.text), o.choice) for o in mentions
              if o.choice is not None and o.choice.lat is not None and not o.demonym and not o.fuzzy]
    # (a people's word names its country too: "French growers ... Le Perthus")
    said = {o.choice.country for o in mentions if o.choice is not None and o.demonym}
    # (nor do two small towns of one country back each other where nothing
    # bigger of the text lies in it and they lie apart: "Braemar" and
    # "Allendale" read as villages of western Canada in a story of Scotland
    # and Northumberland; "Tipperary" and "Cahir" lie together)
    strong = {o.country for _, o in chosen if o.kind != "city" or o.population >= LONELY_POP} | said
    chosen = [(k, o) for k, o in chosen if o.country in strong or any(
        k2 != k and o2.country == o.country and haversine_km(o.lat, o.lon, o2.lat, o2.lon) <= W["focus_km"]
        for k2, o2 in chosen)]
    for m in mentions:
        e = m.choice
        if e is None or m.demonym or e.kind != "city" or e.lat is None:
            continue
        if e.id in m.main_ids and g.is_capital(e):
            continue  # (a land's capital by its own name: "Rio de Janeiro and Port of Spain" in a Cape Town story)
        if e.population >= LONELY_POP:
            if e.population >= ALIAS_WORLD_POP:
                continue  # ("New Delhi", "Frankfurt", "Petrograd": names of world cities)
            # (a great town abroad read by a name only another of its own, no
            # older English name nor a spelling of its own: "Suba" of Bogotá is
            # no Suva, nor "Maré" of Rio Malé)
            if _foreign_alias_alone(m, e, chosen, said):
                m.choice = _namesake_among(m, [o for _, o in chosen if o.id != e.id])
            continue
        key = normalize(m.text)
        # (nor does another name the text reads as the same place: "Kono" and
        # "Kono District" as one Ivorian village in a story about Sierra Leone)
        others = [o for k, o in chosen if k != key and o.id != e.id]
        # (nor a town of its own name in a land a people's word of its sentence
        # names: "Bosnian families ... survivors of Srebrenica" in a story of Utica)
        if len(others) < 2 or any(o.country == e.country for o in others) \
                or (e.id in m.main_ids and m.span is not None and any(
                    o.demonym and o.choice is not None and o.choice.country == e.country and o.span is not None
                    and o.span.sent.start == m.span.sent.start for o in mentions)):
            continue
        alias_only = e.population < LONELY_ALIAS_POP and e.id not in m.main_ids and e.country not in said
        # (or a village that has the name only as another name, wherever it
        # lies: "Tawila" of a Yemeni village in a story about Darfur)
        if all(haversine_km(o.lat, o.lon, e.lat, e.lon) > LONELY_KM for o in others) \
                or alias_only:
            # (or a mountain, river or sea of our table named so: "Elbrus"
            # among the Seven Summits in a story of Aconcagua)
            m.choice = _namesake_among(m, others) or next(
                (c for c in m.cands[:60] if c.kind == "feature" and c.source == "extra" and c.lat is not None), None)


#: a town of the name's own this big, and this many times the town chosen by
#: another of its names in the same country, is the name's reading where its
#: province is named beside it
OWN_NAME_POP = 100_000
OWN_NAME_RATIO = 5


def _own_names_at_home(mentions: Sequence[_Mention]) -> None:
    """A small town chosen by a name only another of its own (an old name,
    GeoNames' alternate names) gives way to a great town of the same country
    whose own name it is, when the sentence names the great town's province
    and not the small one's ("Cooperatives from western Paraná, led by a
    group from Cascavel" is Paraná's city of 250,000, not Aguaí of São Paulo
    state, once called Cascavel); not a misspelt name's, nor an older
    English name's of :data:`OLDER_NAMES`."""
    provinces: dict[int, list[Entry]] = defaultdict(list)  # sentence start -> the provinces it names
    for o in mentions:
        c = o.choice
        if o.span is not None and c is not None and c.kind == "region" and c.country and not o.demonym:
            provinces[o.span.sent.start].append(c)
    if not provinces:
        return
    for m in mentions:
        e = m.choice
        if e is None or m.demonym or m.fuzzy or m.span is None or e.kind != "city" or e.id in m.main_ids \
                or e.lat is None or normalize(m.text) in OLDER_NAMES:
            continue
        named = provinces.get(m.span.sent.start)
        if not named or any(_pair_holds(p, e) for p in named):
            continue
        own = [c for c in m.cands[:60] if c.kind == "city" and c.id in m.main_ids and c.country == e.country
               and c.lat is not None and any(_pair_holds(p, c) for p in named)
               and c.population >= max(OWN_NAME_POP, OWN_NAME_RATIO * e.population)]
        if own:
            m.choice = max(own, key=lambda c: c.population)


def _foreign_alias_alone(m: _Mention, e: Entry, chosen: list, said: set) -> bool:
    """The great town ``e`` chosen for ``m`` has the name only as another of
    its names (no older English name of :data:`OLDER_NAMES`, no spelling of
    its own), lies in a country none of the text's other places and people
    lie in, and farther than LONELY_KM from all of them (two at least, or
    one and a people's word)."""
    if e.id in m.main_ids or m.fuzzy or e.country in said or normalize(m.text) in OLDER_NAMES \
            or _respelling(m.text, e):
        return False
    key = normalize(m.text)
    others = [o for k, o in chosen if k != key and o.id != e.id]
    return (len(others) >= 2 or (others and said)) and all(o.country != e.country for o in others) \
        and all(haversine_km(o.lat, o.lon, e.lat, e.lon) > LONELY_KM for o in others)


def _namesake_among(m: _Mention, others: Sequence[Entry]) -> Optional[Entry]:
    """Instead of a lonely namesake, a town of the name's own (not of
    another of its names) big enough to be named without its area
    (NAMESAKE_POP) that does lie among the text's other places, in the
    country of one of them or within LONELY_KM of one: the nearest to them
    ("Venice" read first as the Californian one, in a story about Albania
    and Istanbul); or None."""
    points = [(o.lat, o.lon) for o in others if _local_point(o)] or [(o.lat, o.lon) for o in others]

    def gap(c: Entry) -> float:
        return min(haversine_km(lat, lon, c.lat, c.lon) for lat, lon in points)

    near = [c for c in m.cands[:60]
            if c.kind == "city" and c.id in m.main_ids and c.population >= NAMESAKE_POP and c.lat is not None
            and c is not m.choice
            and any(o.country == c.country or haversine_km(o.lat, o.lon, c.lat, c.lon) <= LONELY_KM
                    for o in others)]
    return min(near, key=lambda c: (gap(c), -c.population)) if near else None


def _abbreviations_of_lands(mentions: Sequence[_Mention]) -> None:
    """Two or three capitals that name a country or a state are that land,
    not a town named by the same letters in lower case, whatever the text's
    other places: "Spain, France, Japan, China, US" is no village Us of
    France."""
    for m in mentions:
        e, text = m.choice, m.text
        if e is None or m.demonym or e.kind != "city" or not (2 <= len(text) <= 3 and text.isalpha()
                                                             and text.isupper()):
            continue
        if e.name.isupper() or e.name.casefold() != text.casefold():
            continue
        land = next((c for c in m.cands[:60] if c.kind == "country" or (c.kind == "region" and c.source == "state")),
                    None)
        if land is not None:
            m.choice = land


def _famous_places(mentions: Sequence[_Mention]) -> None:
    """A name opening a festival's, treaty's or meeting's name ("the Venice
    International Film Festival" in a story from California) is the great
    city of that name (the biggest, of 20,000 people or more), whatever the
    text's area."""
    for m in mentions:
        if not m.famous_cue or m.demonym:
            continue
        big = [e for e in m.cands[:60] if e.kind == "city" and e.id in m.main_ids and e.population >= 20_000]
        if big:
            m.choice = max(big, key=lambda e: e.population)


#: a university's town is no town of this size ...
SCHOOL_VILLAGE_POP = 20_000
#: ... where a namesake town of this size has the name as its own
SCHOOL_TOWN_POP = 100_000


def _school_towns(mentions: Sequence[_Mention]) -> None:
    """A university named after a town ("the University of Münster" in a
    story from Bavaria) lies in the biggest town of that own name of
    100,000 people, not in a town of it under 20,000 that the text's
    other places lie near, nor nowhere (a lonely namesake dropped: "a
    student from the University of Cambridge" in a story of Egypt)."""
    for m in mentions:
        c = m.choice
        if not m.school_cue or m.demonym or (c is not None and (
                c.kind != "city" or c.population >= SCHOOL_VILLAGE_POP)):
            continue
        big = [e for e in m.cands[:60] if e.kind == "city" and e.id in m.main_ids and e.population >= SCHOOL_TOWN_POP]
        if big:
            m.choice = max(big, key=lambda e: e.population)


def _place_in_named_region(toks: _Tokens, mentions: Sequence[_Mention], g: Gazetteer) -> None:
    """"Stroud, Ontario" where the gazetteer knows no Stroud in Ontario: the
    town is put at the region's point (a stand-in with the town's name and
    no GeoNames id), not at a namesake abroad.  Not in a list ("Aleppo,
    Idlib, Hama", "Oregon, Tennessee and Utah"), and not for a state,
    province or country of its own."""
    text = toks.doc_text  # (the Doc's own ``text`` builds it again from its tokens at each read)
    for m in mentions:
        e = m.choice
        if not m.pair or e is None or m.demonym or e.kind in ("country", "region") \
                or e.population >= 100_000 or g.country_for_demonym(m.pair) or g.place_for_demonym(m.pair):
            continue  # ("Jilib, Somali officials said": a people's word, no region)
        regions = [p for p in g.exact(m.pair)[:5] if p.lat is not None and (
            p.kind == "country" or (p.kind == "region" and p.source in ("state", "subdivision", "extra")))]
        if not regions or any(_pair_holds(p, c) for p in regions for c in m.cands[:60]):
            continue
        # (nor where a town of the name lies in the region's country and the
        # state codes cannot tell whether it lies in the region: a big state's
        # point is far from its towns, "BIRDSVILLE, Queensland")
        if any(_uncoded_in_reach(p, c) for p in regions for c in m.cands[:60]):
            continue
        after = re.match(r",\s*(?:the\s+)?" + re.escape(m.pair) + r"(.{0,30})", text[m.end:])
        if after is None or re.match(r"\s*(?:,\s*(?:and\s+|or\s+)?[A-Z]|and\b|or\b)", after.group(1)) \
                and not _country_after(after.group(1), regions[0], g):
            continue
        p = regions[0]
        m.choice = replace(p, name=m.text, kind="city", geonameid=None, population=0, approx=True)


#: a part of a city named with the city's possessive ("Bangkok's Chinatown") lies this near the city's point
CITY_PART_KM = 40.0
#: ... where the city has this many people (a city of districts with names of their own)
CITY_PART_POP = 100_000
#: a province of a city's name whose point lies this near the city's is the city's own ("Bangkok")
CITY_PROVINCE_KM = 60.0
#: words after a name that make it a part of a town
_CITY_PARTS = {"district", "neighbourhood", "neighborhood", "suburb", "quarter", "area", "township", "ward",
               "borough", "slum", "commune", "municipality", "section", "precinct"}
#: a name of a city this big, or of a capital, after a city's possessive is that city still
GREAT_CITY_POP = 1_000_000


def _parts_of_cities(toks: _Tokens, mentions: Sequence[_Mention], g: Gazetteer) -> None:
    """A name after a city's possessive, or after "the" with the city's name
    and a part's kind before "of", is a part of that city ("Bangkok's
    Chinatown", "Kinshasa's Gombe district", "the Auckland seaside suburb of
    Devonport"): its reading within ``CITY_PART_KM`` of the city, or else a
    stand-in at the city's point (no GeoNames id), not a namesake abroad.
    Only for a city of ``CITY_PART_POP`` whose name is no state's or
    country's ("New York's Albany"), and not for a name of a capital or a
    city of ``GREAT_CITY_POP`` ("Moscow's Kyiv embassy") or of a feature
    ("Basel's Rhine"), nor a country's or region's unless a part's word says
    so ("Beijing's Xinjiang policy").  The part's other mentions follow it."""
    by_end = {m.span.end: m for m in mentions if m.span is not None}
    by_start = {m.span.start: m for m in mentions if m.span is not None}
    placed: dict[str, Entry] = {}
    for m in mentions:
        if m.span is None or m.demonym or m.choice is None or m.other_name_of is not None:
            continue
        city, said, said_after = _holding_city(toks, m, by_end, by_start)
        c = city.choice if city is not None else None
        if c is None or city.demonym or c.kind != "city" or c.population < CITY_PART_POP or c.lat is None:
            continue
        # (a state or country of the name far from the city may be the one meant: "New York's Albany";
        # a city's own province is none, "Bangkok's Chinatown")
        if any(e.kind in ("country", "region") and (e.lat is None or haversine_km(
                c.lat, c.lon, e.lat, e.lon) > CITY_PROVINCE_KM) for e in g.exact(city.text)[:5]):
            continue
        own = [e for e in m.cands[:60] if e.id in m.main_ids]
        # (nor a feature's: "Basel's Rhine swimmers")
        if any(e.population >= GREAT_CITY_POP or g.is_capital(e) or e.kind == "feature" for e in own) \
                or (not said and any(e.kind in ("country", "region") for e in own)):
            continue
        # (the kind's phrase may name the part first: "the Kasulo district of Kolwezi")
        if not said_after and any(e.population >= c.population for e in own):
            continue
        # (nor where its reading lies by a city of the name, if not the one read: "the Valencia suburb of
        # Paterna" with Valencia read as Venezuela's)
        if m.choice.lat is not None and any(
                e.kind == "city" and e.population >= CITY_PART_POP and e.lat is not None
                and haversine_km(e.lat, e.lon, m.choice.lat, m.choice.lon) <= CITY_PART_KM
                for e in city.cands[:60]):
            continue
        near = [e for e in m.cands[:60] if e.lat is not None
                and haversine_km(c.lat, c.lon, e.lat, e.lon) <= CITY_PART_KM]
        m.choice = max(near, key=lambda e: e.population) if near else \
            replace(c, name=m.text, population=0, geonameid=None, approx=True)
        placed[m.text] = m.choice
    # the part's other mentions are that part ("Kyoto's Gion district ...
    # residents of Gion"), unless a land or state after one says otherwise or
    # their reading lies by another place of the text (a mining town of
    # Tasmania beside "Sydney's Rosebery")
    if not placed:
        return
    points = [(o.text, o.choice) for o in mentions if o.choice is not None and o.choice.lat is not None
              and not o.demonym and o.choice.kind == "city"]
    for m in mentions:
        e = m.choice
        if m.text not in placed or m.pair or m.demonym or e is None or e.kind != "city" \
                or e.population >= CITY_PART_POP or e is placed[m.text]:
            continue
        if e.lat is not None and any(t != m.text and haversine_km(e.lat, e.lon, o.lat, o.lon) <= PART_NEIGHBOUR_KM
                                     for t, o in points):
            continue
        m.choice = placed[m.text]


#: a town named before a city and a comma is a part of it when the city is this many times bigger
PART_CITY_RATIO = 20

#: a part's namesake this near another town of the text keeps its reading
PART_NEIGHBOUR_KM = 100.0


#: kinds of a town's part before "of" ("the Auckland seaside suburb of Devonport")
_CITY_PART_KINDS = {"suburb", "district", "neighbourhood", "neighborhood", "township", "quarter", "borough",
                    "ward", "slum", "barrio", "favela", "enclave"}


def _holding_city(toks: _Tokens, m: _Mention, by_end: dict,
                  by_start: Optional[dict] = None) -> tuple[Optional[_Mention], bool, bool]:
    """The mention of the city that holds ``m`` as a part, by its possessive
    right before it, as "the X [...] suburb of" before it, or as the city
    named after it and a comma where its reading lies in another land
    ("her home in Eastleigh, Nairobi"; no list, no state's "Ky., New
    Haven"); whether a part's word says so (the kind, or a part's word
    after the name); and whether that word follows the name (the
    possessive's), so that the phrase cannot name the part first ("the
    Kasulo district of Kolwezi")."""
    s, e = m.span.start, m.span.end
    if by_start is not None and m.pair and e + 1 < toks.n and toks.text[e] == "," \
            and m.choice is not None and m.choice.kind not in ("country", "region"):
        city = by_start.get(e + 1)
        # (only a reading abroad, a town of the city's land lies in the
        # province the name after it may also name, "JANOS, Chihuahua"; and
        # one far smaller than the city, no town beside another, "Vigan,
        # Gangneung sign sister-city pact"; nor in a list that began before it)
        if city is not None and city.text == m.pair and city.choice is not None \
                and city.choice.country != m.choice.country \
                and city.choice.population >= PART_CITY_RATIO * max(m.choice.population, 1) \
                and not (s > 0 and toks.text[s - 1] == "," and by_end.get(s - 1) is not None) \
                and not _list_goes_on(toks, city, by_start):
            return city, False, False
    if s >= 2 and toks.lower[s - 1] in ("'s", "’s"):
        return by_end.get(s - 1), e < toks.n and toks.lower[e] in _CITY_PARTS, True
    if s >= 4 and toks.lower[s - 1] == "of" and toks.lower[s - 2] in _CITY_PART_KINDS:
        k = s - 3  # (over up to two lower-case words: "seaside")
        while k > s - 5 and toks.text[k].islower() and toks.alpha[k]:
            k -= 1
        city = by_end.get(k + 1)
        if city is not None and city.span.start > 0 and toks.lower[city.span.start - 1] in ("the", "a"):
            return city, True, False
    return None, False, False


def _list_goes_on(toks: _Tokens, m: _Mention, by_start: dict) -> bool:
    """A list of places goes on after ``m`` ("Dayton, Columbus and
    Cleveland"): "and", "or" or "&" after it, or a comma and another place
    that is no land or province holding it ("Eastleigh, Nairobi, Kenya")."""
    e = m.span.end
    if e >= toks.n:
        return False
    if toks.lower[e] in ("and", "or", "&"):
        return True
    nxt = by_start.get(e + 1) if toks.text[e] == "," else None
    return nxt is not None and not (nxt.choice is not None and nxt.choice.kind in ("country", "region"))


#: a town whose state the codes do not give may lie in a named state this far from the state's point
UNCODED_REGION_KM = 1500.0


def _uncoded_in_reach(region: Entry, town: Entry) -> bool:
    """``town`` lies in ``region``'s country, one of the two has no state
    code, and the town is within ``UNCODED_REGION_KM`` of the region's point."""
    return region.kind == "region" and town.country == region.country and town.kind == "city" \
        and (region.admin1 is None or town.admin1 is None) and town.lat is not None \
        and haversine_km(region.lat, region.lon, town.lat, town.lon) <= UNCODED_REGION_KM


def _country_after(rest: str, region: Entry, g: Gazetteer) -> bool:
    """Whether ``rest`` opens with ", Country" of the region ("Stroud,
    Ontario, Canada")."""
    hit = re.match(r",\s*((?:[A-Z][\w.'-]*\s?){1,3})", rest)
    return hit is not None and any(c.kind == "country" and c.country == region.country
                                   for c in g.exact(hit.group(1).strip())[:3])


def _drop_far_fuzzy(mentions: Sequence[_Mention]) -> None:
    """A name matched only as a misspelling of another ("Ebola" as Ebolowa)
    keeps it only near a place the text names exactly (within
    ``fuzzy_km``), when it is a big place spelt otherwise in a long name
    ("Zaporizhia"; "Prisi" is no Paris), or when the text names no other
    place."""
    exact = [m.choice for m in mentions if not m.fuzzy and m.choice is not None and m.choice.lat is not None]
    if not exact:
        return
    # (near a town, a province or a feature: a country's or a continent's
    # centre says little of where a misspelt town lies, "Kalam" no Kallam of India)
    points = [(e.lat, e.lon) for e in exact if _local_point(e)] or [(e.lat, e.lon) for e in exact]
    countries = {e.country for e in exact}
    for m in mentions:
        e = m.choice
        # (a name of several words only in a country of the text: their
        # shared kind makes "Swat River" look like Phoenix's "Salt River")
        big = e is not None and e.population >= 200_000 and len(normalize(m.text)) >= 9 \
            and (" " not in m.text.strip() or e.country in countries)
        if m.fuzzy and e is not None and e.lat is not None and not big and (not any(
                haversine_km(lat, lon, e.lat, e.lon) <= W["fuzzy_km"] for lat, lon in points)
                # (nor a small town of a country the text never names: "Kono" is no Koni next door)
                or (e.kind == "city" and e.population < 50_000 and e.country not in countries)):
            m.choice = None


def _local_point(e: Entry) -> bool:
    """Whether ``e``'s point says where the text is: not a country's, a
    continent's or a great region's centre."""
    return e.kind != "country" and e.source != "continent" \
        and not (e.kind == "region" and e.population > 20_000_000)


def _rechoose_near_others(mentions: list[_Mention], g: Gazetteer, countries: Counter,
                          admins: Counter, support, named: frozenset = frozenset()) -> None:
    """Pass 2, run twice: choose again with the places chosen so far as
    anchors (distance) and their countries and states added to the context."""
    near_cache: dict = {}
    last_anchors: Optional[_Anchors] = None
    for _ in range(2):
        before = [m.choice for m in mentions]
        anchors = _Anchors()
        for m in mentions:
            e = m.choice
            if e is None or e.lat is None or e.kind == "country" or e.approx:
                continue
            if e.source in ("continent",) or (e.kind == "region" and e.population > 20_000_000):
                continue
            anchors.add(normalize(m.text), e.lat, e.lon, 1.0 if e.kind != "region" else 2.0,
                        e.kind == "region" and e.source == "extra" and e.population <= 5_000_000,
                        town=e.kind != "region")
        # country/admin context from the chosen entries
        # (a name's own mentions add nothing to its own context: five
        # mentions of "Paris" must not vote for the country of its pass-1 guess)
        countries2 = Counter(countries)
        admins2 = Counter(admins)
        own_c: dict[str, Counter] = defaultdict(Counter)
        for m in mentions:
            e = m.choice
            if e is not None and e.country and not m.demonym:
                key = normalize(m.text)
                countries2[e.country] += 0.25
                own_c[key][e.country] += 0.25
                if e.admin1 and e.kind == "city":
                    admins2[(e.country, e.admin1)] += 0.25
        if anchors != last_anchors:
            near_cache = {}  # the nearness of a candidate holds for one list of anchors
            last_anchors = anchors
        others: dict[str, Counter] = {}  # the country context of each name
        chosen: dict = {}
        for m in mentions:
            key = normalize(m.text)
            if key not in own_c:
                mc = countries2
            else:
                mc = others.get(key)
                if mc is None:
                    mc = others[key] = countries2 - own_c[key]
            m.choice = _best(m, g, mc, admins2, anchors, support=support, near_cache=near_cache,
                             memo=chosen, named=named)
        if all(m.choice is e for m, e in zip(mentions, before)):
            break  # (the same choices make the same context: another round would choose them again)


def _one_sense_per_name(mentions: list[_Mention], g: Gazetteer) -> None:
    """One sense per name per document: the majority (by score) wins, or the
    choice of a mention whose state or country after it tells the namesakes
    apart ("PARIS, Tenn." speaks for the later "Paris"); a mention paired
    with its state keeps its own ("Paris, Texas")."""
    by_text: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        by_text[normalize(m.text)].append(m)
    shares = _country_shares(mentions)
    main = next((c for c, share in shares.items() if share >= 0.5), None)
    for ms in by_text.values():
        if len(ms) < 2:
            continue
        # (a division named with its kind keeps its own reading and gives the
        # bare name none: "the province of Buenos Aires" beside "Buenos Aires
        # prepared its payment", "Aleppo province" beside "in Aleppo")
        ms = [m for m in ms if not (m.division_word and m.choice is not None and m.choice.kind == "region")]
        votes = Counter(m.choice.id for m in ms if m.choice is not None and not m.demonym)
        if not votes:
            continue
        # a mention with its state or country after it ("PARIS, Tenn.") speaks for the
        # name, when that tells its namesakes apart ("PERTH, Australia" does not)
        # (so does one a river's word makes the river: "on the bank of the Rio Grande")
        # (a country after it that holds only namesakes of its own counts too:
        # "MÉRIDA, Mexico" against the later "after Mérida in Extremadura")
        holders = [m for m in ms if m.choice is not None and (
            _pair_decides(m, g) or _pair_country_decides(m, g) or (m.river_cue and m.choice.kind == "feature"))]
        held = Counter(m.choice.id for m in holders)
        if held:
            votes = held
        # (a dateline's pair speaks before any other: "HAMILTON, Bermuda —" beside a headline's
        # "to Hamilton, Ontario")
        dated = next((m for m in holders if _at_dateline(m)), None)
        if dated is not None:
            held = Counter({dated.choice.id: 1})
            votes = held
        # (a great city alone in the text's dateline speaks for the name before
        # any pair: "VIENNA (AP) — Vienna has been ranked ..." beside "Vienna,
        # Virginia, a town outside Washington", which keeps its own)
        dateline = next((m.choice.id for m in ms if _dateline_city(m, g)), None)
        winner_id = dateline if dateline is not None else votes.most_common(1)[0][0]
        winner = next(m.choice for m in ms if m.choice is not None and m.choice.id == winner_id)
        for m in ms:
            # (not a mention that cannot be the winner: "the Niger State capital" after "Niger")
            if m.choice is None or m.pair or m.qualified or m.demonym or not any(c.id == winner.id for c in m.cands):
                continue
            # (nor, when a state or country after another mention chose a
            # namesake in a country the text only visits, a bare mention that
            # reads as the town of the country the text is about: "based in
            # Hyderabad, Sindh" in a story of India; "London, Ontario" still
            # speaks for the bare "London"s of a Canadian story, and "Brandon"
            # of "Manitoba, including Winnipeg, Brandon" for the later one in
            # a story of a storm on both sides of the border)
            # (a text of two countries, neither holding half its places, is
            # about each of them: "the Perth in Scotland" in a story of
            # Western Australia and Croatia)
            home = m.choice.country == main if main is not None else \
                shares.get(m.choice.country, 0.0) >= VISITED_SHARE
            if held and dateline is None and dated is None and home and winner.country not in (m.choice.country, None) \
                    and shares.get(winner.country, 0.0) < VISITED_SHARE:
                continue
            m.choice = winner


def _at_dateline(m: _Mention) -> bool:
    """The mention opens a line in capitals ("HAMILTON, Bermuda —"): a dateline's town."""
    if m.span is None or not m.text.isupper():
        return False
    s = m.span.start
    return s == 0 or "\n" in m.span.doc[s - 1].text


def _dateline_city(m: _Mention, g: Gazetteer) -> bool:
    """The mention stands alone in a dateline ("PARIS (AFP) —") and was
    read as a city by its own name that a dateline names alone: a capital
    of DATELINE_CAPITAL_POP people or a city of a million."""
    e = m.choice
    return m.lone_dateline and e is not None and e.kind == "city" and e.id in m.main_ids and (
        e.population >= 1_000_000 or e.population >= DATELINE_CAPITAL_POP and g.is_capital(e))


def _pair_country_decides(m: _Mention, g: Gazetteer) -> bool:
    """Whether the country named after "X, " holds the mention's choice and
    every namesake it holds lies in that country ("MÉRIDA, Mexico": two
    towns of Mexico, none of Spain's or Venezuela's)."""
    if not m.pair or m.demonym or m.choice is None:
        return False
    countries = [p for p in g.exact(m.pair)[:5] if p.kind == "country"]
    if not countries:
        return False
    held = [e for e in m.cands[:60] if any(_pair_holds(p, e) for p in countries)]
    return any(e.id == m.choice.id for e in held) and all(e.country == m.choice.country for e in held)


#: a country holding fewer than this share of a text's places is one the text only visits
VISITED_SHARE = 0.3


def _country_shares(mentions: list[_Mention]) -> dict[str, float]:
    """Each country's share of the text's chosen places (its people's words included)."""
    counts = Counter(m.choice.country for m in mentions if m.choice is not None and m.choice.country)
    total = sum(counts.values())
    return {c: n / total for c, n in counts.items()} if total else {}


#: words joining the items of a list of places ("Lisbon and Porto", "Buenos Aires, Montevideo and Santiago")
_LIST_JOINERS = {",", "and", "or", "&"}
#: a town this big in its list-mates' country, and this near one of them, stands for the name there
LIST_MATE_POP = 20_000
LIST_MATE_KM = 1000.0
#: ... when each of them is a town this big or of a country the text names
LIST_LEAD_POP = 100_000


def _follow_list_mates(toks: _Tokens, mentions: list[_Mention], g: Gazetteer,
                       named: frozenset = frozenset()) -> None:
    """A town listed with others ("shows in Lisbon and Porto", "Buenos
    Aires, Montevideo and Santiago") lies where they do: when every other
    item was chosen in one country, a town of the name there of
    ``LIST_MATE_POP`` people (its own name) within ``LIST_MATE_KM`` of one
    of them replaces a namesake elsewhere; else, when every other item is a
    capital, so is it ("lives between Caracas and Madrid" in a story of
    Bogotá).  (A text about Brazil does not make the Porto of
    Lisbon's list a Brazilian village; a country's capital stays where it
    is: "groups in London and Washington".)"""
    listed = sorted((m for m in mentions if m.span is not None), key=lambda m: m.start)
    groups: list[list[_Mention]] = []
    for prev, m in zip(listed, listed[1:]):
        if prev.span.end < m.span.start and all(toks.lower[k] in _LIST_JOINERS
                                                for k in range(prev.span.end, m.span.start)):
            if groups and groups[-1][-1] is prev:
                groups[-1].append(m)
            else:
                groups.append([prev, m])
    for group in groups:
        for m in group:
            e = m.choice
            if e is None or m.demonym or e.kind != "city" or m.pair:
                continue
            others = [o.choice for o in group if o is not m and o.choice is not None and not o.demonym]
            # (each of them sure: a great town, or one of a country the text names
            # by its own name; a small namesake abroad leads nothing)
            if not others or any(o.kind not in ("city", "region") or (
                    o.population < LIST_LEAD_POP and o.country not in named) for o in others):
                continue
            countries = {o.country for o in others}
            # (a province among provinces of one country: "includes Santa Cruz and Tierra del Fuego")
            if len(countries) == 1 and e.country not in countries and all(
                    o.kind == "region" and o.source == "subdivision" for o in others):
                c = next(iter(countries))
                province = next((x for x in m.cands if x.kind == "region" and x.source == "subdivision"
                                 and x.country == c and x.id in m.main_ids and not x.approx), None)
                if province is not None:
                    m.choice = province
                    continue
            # (not a country's capital: "groups in London and Washington" name two capitals)
            if len(countries) == 1 and e.country not in countries and not g.is_capital(e):
                c = next(iter(countries))
                # (near one of them: "between Washington and Moscow" is no list of one area)
                there = [x for x in m.cands[:60] if x.kind == "city" and x.country == c and x.id in m.main_ids
                         and x.population >= LIST_MATE_POP and x.lat is not None and any(
                             o.lat is not None and haversine_km(o.lat, o.lon, x.lat, x.lon) <= LIST_MATE_KM
                             for o in others)]
                if there:
                    m.choice = max(there, key=lambda x: x.population)
                    continue
            if all(o.kind == "city" and g.is_capital(o) for o in others) and not g.is_capital(e):
                capital = next((x for x in m.cands[:60] if x.kind == "city" and x.id in m.main_ids
                                and g.is_capital(x)), None)
                if capital is not None:
                    m.choice = capital
    for group in groups:
        _great_cities_listed(group, g)


def _great_cities_listed(group: list[_Mention], g: Gazetteer) -> None:
    """A list of three or more names that each have a great city
    (``WORLD_CITY_POP`` people or a capital; one of ``LIST_BIG_POP`` may
    stand as chosen) and one of them read so already: the great cities,
    where the towns chosen lie in two countries or more ("tourists from
    Seoul, Taipei and Melbourne" in a story of Japan; "cuttings from
    Vienna, Budapest and Athens" in one of Ohio), or in place of villages
    ("dealers in Miami, New York and London" are no town of Ohio; "Laval,
    Gatineau and Kingston" stay in Canada).  A state read so stays one
    ("New York"), and its country counts ("buyers from Toronto, New York
    and London")."""
    if len(group) < 3 or any(m.demonym or m.choice is None or _pair_decides(m, g) for m in group):
        return
    towns = [m for m in group if m.choice.kind == "city"]
    readings: list[Entry] = []
    for m in towns:
        great = [x for x in m.cands[:60] if x.id in m.main_ids and _world_city(x, g, WORLD_CITY_POP)]
        if great:
            readings.append(max(great, key=lambda x: x.population))
        elif _world_city(m.choice, g, LIST_BIG_POP):
            readings.append(m.choice)
        else:
            return
    if len(towns) < 2 or not any(_world_city(m.choice, g, LIST_BIG_POP) for m in towns):
        return
    # (the list's states count: "Toronto, New York and London" lie in two countries)
    several = len({m.choice.country for m in group if m.choice.kind in ("city", "region")}) >= 2
    for m, e in zip(towns, readings):
        if m.choice.id != e.id and (several or m.choice.population < LIST_MATE_POP):
            m.choice = e


#: a list of cities this big (or capitals) names great cities ...
LIST_BIG_POP = 300_000
#: ... and a name among them is the world city of its name, of this many people (or a capital)
WORLD_CITY_POP = 1_000_000


def _world_city(e: Entry, g: Gazetteer, population: int) -> bool:
    """A great city: a country's capital, or one of ``population`` people."""
    return e.kind == "city" and (e.population >= population or g.is_capital(e))


def _pair_decides(m: _Mention, g: Gazetteer) -> bool:
    """Whether the name after "X, " holds the mention's choice and no other
    of its candidates (none other with the name as its own: towns that have
    it only as another name do not count, "Springfield" of two Missouri
    villages)."""
    if not m.pair or m.qualified or m.demonym or m.choice is None:
        return False
    # (a small town held only by "in" set against the text's own: "not to be confused with the resort of
    # Manali in Himachal Pradesh" speaks for itself alone; "this is Johnson City in Blanco County" speaks
    # for the text)
    if m.pair_in and m.choice.kind == "city" and m.choice.population < PAIR_STATE_POP and m.span is not None:
        before = m.span.doc[max(0, m.span.start - CONTRAST_REACH):m.span.start]
        if any(t.lower_ in _CONTRAST_WORDS for t in before):
            return False
    pair_entries = g.exact(m.pair)[:5]
    held = [e for e in m.cands[:60] if any(_pair_holds(p, e) for p in pair_entries)]
    if len(held) > 1 and m.choice.id in m.main_ids:
        held = [e for e in held if e.id in m.main_ids]
    return len(held) == 1 and held[0] is m.choice


#: words that set a place against another of its name ("not to be confused with", "unlike")
_CONTRAST_WORDS = {"confused", "confuse", "confusing", "mistaken", "mistake", "not", "unlike", "namesake",
                   "than"}
#: how many words before a place such a word may stand
CONTRAST_REACH = 8


#: a great city (of this many people) before ", State and ..." is listed with the state ...
LISTED_GREAT_POP = 500_000
#: ... where the state holds only villages of its name (under this many people)
LISTED_VILLAGE_POP = 10_000


def _great_city_listed_with_state(toks: _Tokens, m: _Mention, g: Gazetteer) -> bool:
    """"buyers from Boston, New York and beyond": a great city's name before
    a comma, a state's or country's name and "and" or "or" opens a list of
    places, not the village of the name in that state (Boston, New York, of
    8,000 people); "Portland, Oregon and Seattle" holds its great city, and
    "Paris, Texas and Dallas" a town of some size, both pairs still."""
    if m.span is None or m.demonym or m.span.end >= toks.n or toks.text[m.span.end] != ",":
        return False
    n, k = toks.n, m.span.end + 1
    while k < n and toks.title[k]:
        k += 1
    if k == m.span.end + 1 or k >= n or toks.lower[k] not in ("and", "or"):
        return False
    great = [e for e in m.cands[:60] if e.kind == "city" and e.id in m.main_ids and e.population >= LISTED_GREAT_POP]
    if not great:
        return False
    pair_entries = [p for p in g.exact(m.pair)[:5] if p.kind in ("region", "country")]
    if not pair_entries or any(_pair_holds(p, e) for p in pair_entries for e in great):
        return False
    return all(e.population < LISTED_VILLAGE_POP for e in m.cands[:60] if any(_pair_holds(p, e) for p in pair_entries))


def _listed_with_countries(toks: _Tokens, m: _Mention, g: Gazetteer) -> bool:
    """"miners from Cornwall, Finland, Serbia and Ireland": a name before a
    comma and a country's name that another country's follows (after a
    comma, "and" or "or") opens a list of countries and their peers, not a
    place of the first country (a Cornwall of Finland), nor a town."""
    if m.span is None or m.span.end >= toks.n or toks.text[m.span.end] != ",":
        return False
    n, first = toks.n, m.span.end + 1
    pair_end = first
    while pair_end < n and pair_end < first + 3 and toks.title[pair_end]:
        pair_end += 1
    if pair_end == first or pair_end + 1 >= n or toks.lower[pair_end] not in (",", "and", "or"):
        return False
    k = pair_end + 1
    if toks.lower[k] in ("and", "or") and toks.lower[pair_end] == ",":
        k += 1  # ("Finland, and Serbia")
    stop = k
    while stop < n and stop < k + 3 and toks.title[stop]:
        stop += 1
    return stop > k and _country_word(toks.span_text(first, pair_end), g) \
        and any(_country_word(toks.span_text(k, e), g) for e in range(stop, k, -1))


def _place_counties_among_towns(mentions: list[_Mention]) -> None:
    """Counties and other stand-in coordinates: the median point of the
    text's towns in the same state, when it names any."""
    for m in mentions:
        e = m.choice
        if e is None or not e.approx or e.source != "county":
            continue
        pts = [(o.choice.lat, o.choice.lon) for o in mentions
               if o.choice is not None and o.choice.kind == "city" and not o.choice.approx
               and o.choice.country == e.country and o.choice.admin1 == e.admin1]
        if pts:
            lat = sorted(p[0] for p in pts)[len(pts) // 2]
            lon = sorted(p[1] for p in pts)[len(pts) // 2]
            m.choice = Entry(e.name, lat, lon, e.country, e.geonameid, e.kind, e.population,
                             e.admin1, e.source, True, e.id)


#: common-word names of a sea or region whose referent only the text's
#: countries tell: each option is (countries that point to it, its name;
#: empty: the mention's own namesake in one of those countries); a
#: country's code with a state's ("US-TX") counts that state's places only
#: (world news names the United States everywhere; its Gulf coast is Texas'
#: and its neighbours')
_CONTEXT_NAMES: dict[str, tuple[tuple[frozenset, str], ...]] = {
    "gulf": ((frozenset({"IR", "IQ", "KW", "SA", "BH", "QA", "AE", "OM", "YE"}), "Persian Gulf"),
             (frozenset({"US-TX", "US-LA", "US-MS", "US-AL", "US-FL", "MX", "CU"}), "Gulf of Mexico"),
             (frozenset({"PG"}), "")),
}


def _resolve_context_names(mentions: Sequence[_Mention], g: Gazetteer) -> None:
    """"the Gulf": the Persian Gulf in a text about Iran or Qatar, the Gulf
    of Mexico in one about Texas or Louisiana, the Papua New Guinea province
    in one about Papua New Guinea (:data:`_CONTEXT_NAMES`); the first reading
    when the text names none of their countries, as world news means it
    ("supply from the Gulf" in a story of the Maldives)."""
    todo = []
    for m in mentions:
        key = normalize(m.text)
        key = key[4:] if key.startswith("the ") else key
        if key in _CONTEXT_NAMES and not m.demonym:
            todo.append((m, key))
    if not todo:
        return
    for m, key in todo:
        counts: Counter = Counter()
        for o in mentions:
            if o is m or o.choice is None or normalize(o.text).endswith(key):
                continue
            if o.choice.country:
                counts[o.choice.country] += 1
                if o.choice.admin1 and o.choice.kind != "country":
                    counts[f"{o.choice.country}-{o.choice.admin1}"] += 1
        best, best_n = None, 0
        for codes, name in _CONTEXT_NAMES[key]:
            n = sum(counts[c] for c in codes)
            if n > best_n:
                best, best_n = (codes, name), n
        hits: list[Entry] = []
        if best is None:  # (no land of any reading named)
            best = _CONTEXT_NAMES[key][0]
        if best is not None:
            codes, name = best
            hits = ([e for e in g.exact(name) if e.kind != "city"] if name
                    else [e for e in m.cands if e.country in codes])
        m.choice = hits[0] if hits else None
