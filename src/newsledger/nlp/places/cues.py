"""Places: the cues read around each mention before resolution: the name
after "X, " (:func:`_pair_text`), "the city of", a local noun after the
name ("a Lebanon woman"), a division's cue ("eastern Washington"), lists of
states or of countries, sea and river words, and counties (a name the text
writes with "County", lists before "counties", bare names)."""

from __future__ import annotations

from typing import Optional, Sequence

from ...gazetteer import Entry, Gazetteer
from .tokens import _COUNTY_WORDS, _possessor_country, _Tokens
from .words import COUNTY_LANDS, COUNTY_OPENERS, SPEECH_VERBS, UNIVERSITY_WORDS
from .entries import _top_level
from .mention import _DIVISION_KINDS_ABROAD, _DIVISION_WORDS, _Mention, _prefetch
from .score import _pair_holds


#: lower-case words of an apposition that places a town in a wider place
#: ("Victoria, the capital of British Columbia", "Hyderabad, a port city in Sindh")
_APPOSITION_WORDS = {"capital", "city", "town", "village", "port", "provincial", "state", "regional",
                     "largest", "biggest", "main", "northern", "southern", "eastern", "western",
                     "central", "coastal", "border", "seaside", "industrial", "ancient", "holy"}


def _acts(m: _Mention) -> bool:
    """The mention is the subject of a verb of speech or politics
    ("Washington has called for a truce", "Moscow summoned the envoy"):
    a government acting, the name's capital rather than a namesake state."""
    if m.span is None:
        return False
    root = m.span.root
    return root.dep_ in ("nsubj", "csubj") and root.head.pos_ in ("VERB", "AUX") \
        and (root.head.lemma_ in SPEECH_VERBS or root.head.lemma_.lower() in SPEECH_VERBS)


def _lone_dateline(toks: _Tokens, m: _Mention) -> bool:
    """The mention is a wire's dateline town in capitals at a line's start
    with no state or country after it, its agency in brackets ("PARIS (AFP)
    —"): a wire writes a town alone only when the world knows it ("PARIS,
    Texas (AP)" otherwise); a local paper's "PERTH —" is its own town."""
    if m.span is None or m.demonym:
        return False
    s, e = m.span.start, m.span.end
    # (the date between, as Reuters writes it: "VENICE, Sept 7 (Reuters) -")
    if e + 3 < toks.n and toks.text[e] == "," and toks.lower[e + 1].rstrip(".") in _MONTHS \
            and toks.like_num[e + 2] and toks.text[e + 3] == "(":
        e += 3
    if e + 2 >= toks.n or toks.text[e] != "(" or not toks.text[e + 1][:1].isupper() or toks.text[e + 2] != ")" \
            or not (s == 0 or "\n" in toks.text[s - 1]):
        return False
    s_end = m.span.end
    return all(toks.text[k].isupper() or not toks.alpha[k] for k in range(s, s_end)) and any(
        toks.alpha[k] for k in range(s, s_end))


#: months as a wire's dateline writes them before the day ("Sept 7", "Oct. 3", "March 11")
_MONTHS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january",
           "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
           "december"}


#: small words inside a province's name ("Mato Grosso do Sul", "Rio Grande do Norte")
_NAME_SMALL_WORDS = {"do", "da", "dos", "das", "de", "del", "of", "la", "el"}


def _pair_text(toks: _Tokens, m: _Mention) -> Optional[str]:
    """The name after "X, " (``Springfield, Illinois`` -> ``Illinois``), also
    after an apposition that says where X lies ("Victoria, the capital of
    British Columbia" -> ``British Columbia``)."""
    if m.span is None:
        return None
    end = m.span.end
    n = toks.n
    if end + 1 < n and toks.text[end] == ",":
        k = end + 1
        j = k + 1 if toks.lower[k] in ("the", "a", "an") else k
        first = j
        # (an adjective or a noun of its own among them: "Victoria, the tiny capital of the
        # Seychelles", "Lagos, the resort town in Portugal's Algarve")
        while j < n and j < first + 3 and toks.text[j].islower() and (
                toks.lower[j] in _APPOSITION_WORDS or toks.pos[j] in ("ADJ", "NOUN")):
            j += 1
        # (the word before "of" or "in" one of the apposition's own: not "Mexico, the
        # largest buyer of U.S. corn")
        if first < j < n - 1 and toks.lower[j] in ("of", "in") and toks.lower[j - 1] in _APPOSITION_WORDS:
            end = j + 1 if toks.text[j + 1] == "the" and j + 2 < n else j  # the name follows
        k = end + 1  # (capitalised words, camel case too: "Arcadia, DeSoto County")
        while k < n and k < end + 4 and (toks.cap[k] or toks.text[k].isupper()
                                         or (k > end + 1 and toks.text[k] == "-"
                                             and not toks.space[k - 1])):  # not a dash after a dateline
            k += 1
        if k > end + 1 and not _possessor_not_holder(toks, k):
            return toks.span_text(end + 1, k)
    # (or after ", in": "Bonito, in Mato Grosso do Sul, a small town"; past a part
    # of it, "Córdoba, in southern Spain")
    first = end + 3 if end + 3 < n and toks.lower[end + 2] in _REGION_ADJ and toks.text[end + 2].islower() \
        else end + 2
    if first < n and toks.text[end] == "," and toks.lower[end + 1] == "in" and toks.title[first]:
        k = first
        while k < n and k < end + 7 and (toks.title[k] or (toks.lower[k] in _NAME_SMALL_WORDS and k + 1 < n
                                                             and toks.title[k + 1])):
            k += 1
        return toks.span_text(first, k)
    # (or after "in", a name the model takes for a place: "Perth in Australia",
    # "a Springfield in Missouri"; not "Perth in October")
    # (in camel case too: "Arcadia in DeSoto County"; past a part of it:
    # "Tripoli in northern Lebanon")
    if end + 1 < n and toks.lower[end] == "in":
        first = end + 2 if end + 2 < n and toks.lower[end + 1] in _REGION_ADJ and toks.text[end + 1].islower() \
            else end + 1
        if toks.cap[first] and toks.ent_type[first] in ("GPE", "LOC"):
            k = first
            while k < n and k < first + 3 and toks.cap[k] and toks.ent_type[k] in ("GPE", "LOC"):
                k += 1
            return toks.span_text(first, k)
    return None


#: words after a land's possessive that say the name before the comma is its place
#: ("Lagos, Nigeria's commercial hub"), beside the apposition's
_HELD_WORDS = _APPOSITION_WORDS | {"second", "commercial", "economic", "financial", "seat", "hub",
                                   "oldest", "holiest", "busiest", "resort"}


def _possessor_not_holder(toks: _Tokens, k: int) -> bool:
    """The name after "X, " ends at ``k`` in a possessive that owns
    something other than X ("Doha, Iran's foreign ministry said"), not in
    one that calls X its place ("Lagos, Nigeria's largest city")."""
    if k >= toks.n or toks.lower[k] not in ("'s", "’s"):
        return False
    # (three words on: "Tripoli, Lebanon's poorest major city")
    return not any(toks.lower[j] in _HELD_WORDS for j in range(k + 1, min(k + 4, toks.n)))


def _possessor_text(toks: _Tokens, m: _Mention, g: Gazetteer) -> Optional[str]:
    """The name of the country whose possessive comes before the name
    (:func:`.tokens._possessor_country`), which holds it as a country after a
    comma does ("Cameroon's Adamawa" -> "Cameroon", against Nigeria's state
    of the name), or None."""
    code = _possessor_country(toks, m.span.start, g) if m.span is not None else None
    country = g.country(code) if code is not None else None
    return country.name if country is not None else None


#: kinds of town a qualifier before "of" speaks for ("the Scottish city of Perth")
_QUALIFIED_TOWNS = {"city", "cities", "town", "towns", "village", "villages", "port", "capital",
                    "suburb", "peninsula", "resort", "municipality", "commune", "hamlet", "enclave",
                    # ("the Malaysian offshore centre of Labuan", "the Greek island of Kos")
                    "centre", "center", "hub", "island"}
#: kinds of division a people word before "of" speaks for ("the Mexican state of Nuevo León")
_QUALIFIED_DIVISIONS = {"state", "province", "region", "district", "county"}
#: how many lower-case words may stand between the qualifier and the kind ("the Hungarian wine city of")
_QUALIFIER_REACH = 2
#: a place a qualifier holds has this many people at least (no hamlet of a colonial power's name)
QUALIFIED_POP = 1000


def _qualifier(toks: _Tokens, m: _Mention, kinds: set[str]) -> Optional[str]:
    """The capitalised words between "the" and one of ``kinds`` before "of"
    and the mention ("the Hungarian wine city of Eger" -> "Hungarian"), or
    before the mention in apposition ("the Chilean capital, Santiago", "the
    Chilean capital Santiago"), or None."""
    if m.span is None or m.demonym:
        return None
    s = m.span.start
    if s >= 4 and toks.lower[s - 1] in ("of", ",") and toks.lower[s - 2] in kinds and toks.text[s - 2].islower():
        kind = s - 2
    elif s >= 3 and toks.lower[s - 1] in kinds and toks.text[s - 1].islower():
        kind = s - 1
    else:
        return _qualifier_after(toks, m.span.end, kinds)
    k = kind - 1  # (the qualifier's last word, after up to two lower-case words: "wine", "beach")
    while k > 0 and kind - 1 - k < _QUALIFIER_REACH and toks.text[k].islower() and toks.alpha[k]:
        k -= 1
    end = k + 1
    while k >= 0 and end - k <= 3 and toks.title[k]:
        k -= 1
    if k < 0 or k + 1 == end or toks.lower[k] not in ("the", "a", "an"):
        return None
    return toks.span_text(k + 1, end)


def _qualifier_after(toks: _Tokens, end: int, kinds: set[str]) -> Optional[str]:
    """The capitalised words of an apposition after the name that end in
    one of ``kinds`` ("Tripoli, the Libyan capital" -> "Libyan", "Victoria,
    the Seychelles capital", "Kisumu, a Kenyan lake port"), or None."""
    n = toks.n
    if end + 3 >= n or toks.text[end] != "," or toks.lower[end + 1] not in ("the", "a", "an"):
        return None
    first = k = end + 2
    while k < n and k - first < 3 and toks.title[k]:
        k += 1
    last = k
    while k < n and k - last < _QUALIFIER_REACH and toks.text[k].islower() and toks.alpha[k] \
            and toks.lower[k] not in kinds:
        k += 1
    if last == first or k >= n or toks.lower[k] not in kinds or not toks.text[k].islower():
        return None
    return toks.span_text(first, last)


def _qualifier_text(toks: _Tokens, m: _Mention, g: Gazetteer) -> Optional[str]:
    """The land a qualifier before the kind of town names, which holds the
    name as a country after a comma does: "the Scottish city of Perth" ->
    ``Scotland``, "the Guangxi city of Pingxiang" -> ``Guangxi``, "the
    Turkish peninsula of Gallipoli" -> ``Turkey``; None where the qualifier
    is no people word and no state or country, or holds no town of the
    name with ``QUALIFIED_POP`` people."""
    qualifier = _qualifier(toks, m, _QUALIFIED_TOWNS)
    if qualifier is None:
        return None
    home = g.place_for_demonym(qualifier)
    name = home.name if home is not None else qualifier
    lands = [p for p in g.exact(name)[:5] if p.kind in ("country", "region")]
    if not any(_pair_holds(p, e) and (e.kind != "city" or e.population >= QUALIFIED_POP)
               for p in lands for e in m.cands[:60]):
        return None
    return name


def _division_native(toks: _Tokens, m: _Mention, g: Gazetteer) -> Optional[str]:
    """The country of a people word before a division's kind ("the Mexican
    state of Nuevo León", "the Indian state of Punjab", "the English county
    of Somerset"), which holds the
    division as a people word before "from" holds a town; or None."""
    qualifier = _qualifier(toks, m, _QUALIFIED_DIVISIONS)
    if qualifier is None:
        return None
    code = g.country_for_demonym(qualifier)
    if code is None:
        # (a region's people word speaks for its country: "the English county of Somerset")
        home = g.place_for_demonym(qualifier)
        code = home.country if home is not None and home.kind == "region" else None
    return code if code and g.country(code) is not None else None


#: words that open a list of places that the name before them holds
#: ("southern Manitoba, including Winnipeg, Brandon and Steinbach")
_INCLUDING = {"including", "notably", "especially"}


#: words inside a list of names ("Winnipeg, Portage la Prairie and Steinbach")
_LIST_INNER = {",", "and", "or", "-", "la", "le", "de", "du", "des", "del", "of", "upon", "on", "am", "the"}


def _including_text(toks: _Tokens, m: _Mention) -> Optional[str]:
    """The name before ", including" when the mention is in the list after
    it ("much of Manitoba, including Winnipeg, Brandon and Steinbach" ->
    ``Manitoba`` for Brandon): the place said to hold it, as after "X, "."""
    if m.span is None:
        return None
    k = m.span.start - 1
    stop = max(0, m.span.start - 30)
    while k > stop and (toks.title[k] or toks.text[k].isupper() or toks.lower[k] in _LIST_INNER):
        k -= 1
    if k <= stop or toks.lower[k] not in _INCLUDING or k < 2:
        return None
    end = k - 1 if toks.text[k - 1] == "," else k
    start = end
    while start > 0 and start > end - 4 and (toks.title[start - 1] or toks.text[start - 1].isupper()):
        start -= 1
    return toks.span_text(start, end) if start < end else None


def _people_before_text(toks: _Tokens, m: _Mention, g: Gazetteer) -> Optional[str]:
    """The country whose people's word stands between "the" and the name,
    the way a text tells a town from its namesake abroad ("the Bulgarian
    Sopot", "the Indian Punjab"), which holds it as "X in Country" does; or None."""
    if m.span is None or m.demonym or m.span.start < 2:
        return None
    s = m.span.start
    if toks.lower[s - 2] != "the" or not toks.cap[s - 1]:
        return None
    home = g.place_for_demonym(toks.text[s - 1])
    return home.name if home is not None and home.kind == "country" else None


def _pair_before_text(toks: _Tokens, m: _Mention) -> Optional[str]:
    """The capitalised name before ", X" (``Puebla, Mexico`` -> ``Puebla``):
    the place X may hold; not in a list of names ("Butler, Clark, Hamilton
    or Warren counties")."""
    if m.span is None or m.span.start < 2 or toks.text[m.span.start - 1] != ",":
        return None
    end = m.span.start - 1
    k = end
    # (not a sentence's first word: "In Nogales, Sonora, the packing houses ...")
    while k > 0 and end - k < 4 and (toks.title[k - 1] or toks.text[k - 1].isupper()) \
            and not (toks.stop[k - 1] and toks.title[k - 1] and k - 1 < end - 1):
        k -= 1
    if k == end or (k > 0 and toks.text[k - 1] in (",", "and", "or")):
        return None
    after = m.span.end
    if after + 1 < toks.n and toks.text[after] in (",", "and", "or") and toks.title[after + 1]:
        return None
    return toks.span_text(k, end)


def _cue_city(toks: _Tokens, m: _Mention) -> bool:
    if m.tail in ("city", "town", "village"):
        return True
    if m.span is None or m.span.start < 2:
        return False
    a, b = toks.lower[m.span.start - 2], toks.lower[m.span.start - 1]
    return (b == "of" and a in ("city", "town", "village", "capital", "port", "cities", "towns",
                                "villages")) or (
        b in ("city", "town", "village"))


def _compass_town(toks: _Tokens, m: _Mention) -> bool:
    """A compass word and a town's noun before "of" and the mention ("the
    northern port of Trujillo", "the southern city of Choluteca"): the
    writer places the town inside the land the text is about."""
    if m.span is None or m.span.start < 3:
        return False
    s = m.span.start
    return toks.lower[s - 1] == "of" and toks.lower[s - 2] in _COMPASS_TOWN_NOUNS \
        and toks.lower[s - 3] in _REGION_ADJ and toks.text[s - 3].islower()


#: a town's nouns after a compass word ("the northern port of")
_COMPASS_TOWN_NOUNS = {"city", "town", "village", "port", "capital"}


#: words after a place name that make it a town of the text's own area ("a
#: Lebanon woman", "Jordan Elementary", "the Paris City Council"): a country
#: would be named by its demonym there ("a Lebanese woman")
_LOCAL_NOUNS = {"man", "woman", "men", "women", "resident", "residents", "native", "couple",
                "teen", "teenager", "boy", "girl", "family", "youth", "businessman", "motorist",
                "driver", "mayor", "council", "councilman", "councilwoman",
                "police", "school", "schools", "elementary", "middle", "high", "township",
                "firefighters", "fire", "library", "park", "parks", "city", "town", "village",
                "alderman", "aldermen", "selectmen", "junior", "senior"}
_LOCAL_TITLE_HEADS = {"city", "town", "village", "police", "fire", "high", "elementary", "middle",
                      "public", "school", "schools", "independent", "township", "board",
                      "council", "library", "parks", "municipal", "area", "county"}
_REGION_ADJ = {"eastern", "western", "northern", "southern", "central", "northeastern",
               "northwestern", "southeastern", "southwestern", "upstate", "downstate", "rural"}
#: ... and the words that place a stretch of an ocean ("the northeast Pacific", "the tropical Atlantic")
_SEA_ADJ = _REGION_ADJ | {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                          "tropical", "equatorial"}


def _local_cue(toks: _Tokens, m: _Mention) -> bool:
    """Followed by a word that makes the name a town of the text's area."""
    if m.span is None or m.span.end >= toks.n:
        return False
    k = m.span.end
    if toks.title[k]:
        return toks.lower[k] in _LOCAL_TITLE_HEADS
    return toks.lower[k] in _LOCAL_NOUNS and toks.pos[k] in ("NOUN", "PROPN", "ADJ")


def _region_cue(toks: _Tokens, m: _Mention) -> bool:
    """"Washington state", "the state of Washington", "the governor of New
    York", "eastern Washington", "the Quebec government": the division, not
    its namesake city."""
    if m.tail in _DIVISION_WORDS | _DIVISION_KINDS_ABROAD:
        return True
    if m.span is None:
        return False
    s, e = m.span.start, m.span.end
    lower = toks.lower
    if e < toks.n and (lower[e] in ("state", "state's", "province", "provincial", "government",
                                       "premier", "legislature", "governor", "statewide", "oblast",
                                       "krai", "kray", "prefecture", "governorate", "department")
                       or lower[e] in _DIVISION_KINDS_ABROAD - _TOWN_OR_COUNTY_KINDS):
        return True  # (or a division's kind abroad: "the neighbouring Lot department", "the Geneva canton")
    if s >= 2 and lower[s - 1] == "of" and (lower[s - 2] in ("governor", "premier")
                                            or lower[s - 2] in _DIVISION_KINDS_OF):
        return True  # ("the governor of Agadez": the region, not its town; "the department of Nariño")
    return s >= 1 and lower[s - 1] in _REGION_ADJ


#: kinds abroad after a name that may be a town's ("the commune of ...") or a
#: county's, which have cues of their own
_TOWN_OR_COUNTY_KINDS = {"commune", "county"}


def _division_word(toks: _Tokens, m: _Mention) -> bool:
    """The name comes with its division's word ("the Kursk region" given
    whole, "Kano State", "Aleppo province"): the division, not the city
    that gave it its name."""
    if m.tail in _DIVISION_WORDS | _DIVISION_KINDS_ABROAD:
        return True
    e = m.span.end if m.span is not None else toks.n
    if e < toks.n and toks.lower[e] in _DIVISION_WORDS - {"region", "district", "territory"}:
        return True
    # (or its kind before "of": "the province of Buenos Aires", "the
    # governorate of Sweida", not the province's capital city)
    s = m.span.start if m.span is not None else 0
    return s >= 3 and toks.lower[s - 1] == "of" and toks.lower[s - 2] in _DIVISION_KINDS_OF \
        and toks.lower[s - 3] in ("the", "its", "neighbouring", "neighboring", "southern", "northern",
                                  "eastern", "western", "central")


#: division kinds that name the division after "of" ("the province of Buenos Aires")
_DIVISION_KINDS_OF = {"province", "state", "oblast", "krai", "prefecture", "governorate", "department"}


#: what only a sovereign country has ("Georgia's president", "the parliament of Georgia")
_NATION_WORDS = {"president", "presidency", "parliament", "embassy", "ambassador", "envoy",
                 "premier", "prime", "foreign", "army", "military", "navy", "currency", "monarch",
                 "king", "queen", "junta", "regime", "sovereignty", "independence", "constitution"}


def _nation_cue(toks: _Tokens, m: _Mention) -> bool:
    """The name is a country's by what the text gives it: "Georgia's
    president", "the president of Georgia", "ambassador to Georgia", "the
    Georgia national team" (a
    state or a town of that name has none); not inside a longer name ("the
    president of Georgia Tech")."""
    if m.span is None:
        return False
    s, e, n, lower = m.span.start, m.span.end, toks.n, toks.lower
    if e + 1 < n and lower[e] in ("'s", "’s") and lower[e + 1] in _NATION_WORDS:
        return True
    if e < n and toks.cap[e]:
        return False
    if e < n and lower[e] == "national":
        return True  # "the Georgia national team"
    if s >= 2 and lower[s - 1] == "of" and lower[s - 2] in _NATION_WORDS:
        return True
    return s >= 2 and lower[s - 1] == "to" and lower[s - 2] in ("ambassador", "envoy", "embassy")


#: how many words may stand between a people word and "from" ("a Kenyan
#: marathon runner from Eldoret")
_NATIVE_REACH = 3


def _native_of(toks: _Tokens, m: _Mention, g: Gazetteer) -> Optional[str]:
    """The country a people word before "from" gives the name ("a Spaniard
    from Salamanca", "the Kenyan runner from Iten": a town of Spain, of
    Kenya), or None; lower-case words only between."""
    if m.span is None or m.demonym:
        return None
    s = m.span.start
    if s < 2 or toks.lower[s - 1] != "from":
        return None
    k = s - 2
    while k >= max(0, s - 1 - _NATIVE_REACH):
        if toks.cap[k]:
            home = g.place_for_demonym(toks.text[k])
            return home.country if home is not None else None
        if not (toks.alpha[k] or toks.lower[k] == "-") or toks.lower[k] in ("from", "and", "or"):
            return None
        k -= 1
    return None


def _division_named(m: _Mention) -> bool:
    """Whether the mention's name is a state's or province's own name."""
    return any(e.kind == "region" and e.source in ("state", "extra", "subdivision") and not e.approx
               and e.id in m.main_ids for e in m.cands[:10])


def _country_named(m: _Mention) -> bool:
    """Whether the mention's name is a country's own name (or a demonym)."""
    return bool(m.demonym) or any(e.kind == "country" and e.id in m.main_ids for e in m.cands[:10])


def _only_country(m: _Mention) -> bool:
    """Whether the mention names a country and no state or province by its
    own name ("Armenia"; not "Georgia", "Jordan" the river)."""
    return bool(m.demonym and m.demonym != "*") or (
        bool(m.cands) and m.cands[0].kind == "country" and m.cands[0].id in m.main_ids
        and not any(e.kind == "region" and e.id in m.main_ids for e in m.cands[1:10]))


def _lists_of_divisions(toks: _Tokens, mentions: Sequence[_Mention]) -> None:
    """A name in a list of three or more whose other names are all states
    or provinces ("Ohio, Oregon, Utah and Washington") is one too: it gets
    the region cue (no namesake town, not the capital named like the state),
    and the name after it is no longer read as its state; so is a name in a
    list of countries ("Spain, Japan and Lebanon") a country."""
    spans = sorted((m for m in mentions if m.span is not None), key=lambda m: m.span.start)
    groups: list[list[_Mention]] = []
    for m in spans:
        if groups:
            prev = groups[-1][-1]
            gap = [toks.lower[k] for k in range(prev.span.end, m.span.start)]
            if gap and len(gap) <= 2 and all(w in (",", "and", "or") for w in gap):
                groups[-1].append(m)
                continue
        groups.append([m])
    for group in groups:
        if _listed_divisions(toks, group):
            for m in group:  # "Zulia and Táchira states", "the provinces of Sindh and Punjab"
                m.region_cue = m.division_word = True
            continue
        if len(group) == 2:
            # (a name beside a state is no capital for want of the state's
            # towns: "Oregon and Washington laws")
            for m, other in (group, group[::-1]):
                m.beside_state = bool(other.cands) and not other.demonym \
                    and other.cands[0].kind == "region" and other.cands[0].source in ("state", "extra") \
                    and other.cands[0].id in other.main_ids
        if len(group) == 2 and not _cue_city(toks, group[0]) and not group[0].local_cue:
            # "Georgia and Armenia": a name beside a country that is nothing
            # else is a country too, when it names one
            for m, other in (group, group[::-1]):
                if _only_country(other) and _country_named(m) and not m.demonym:
                    m.country_cue = True
                    m.pair = None  # ("Laos, Vietnam and southern China": no Laos of Vietnam)
            continue
        if len(group) < 3:
            continue
        if _cue_city(toks, group[0]) or group[0].local_cue:
            continue  # "the towns of Peru, Brazil and Lebanon"
        named = [_division_named(m) for m in group]
        countries = [_country_named(m) for m in group]
        for i, m in enumerate(group):
            # every other name of the list must be one: "Washington, Pennsylvania, and
            # Wheeling, West Virginia" is a list of towns with their states
            if named[i] and all(named[:i] + named[i + 1:]):
                m.region_cue = True
                m.pair = None  # "Washington, Pennsylvania and California": no town of a state
            if countries[i] and all(countries[:i] + countries[i + 1:]):
                m.country_cue = True  # "Spain, Japan and Lebanon": no town named like a country
                m.pair = None  # ("Venezuela, Colombia, Cuba": no Colombia of Cuba)


#: the plural kinds of a country's great parts, after or before a list of them
_DIVISION_PLURALS = {"states", "provinces", "regions", "departments", "governorates", "oblasts",
                     "prefectures", "territories"}


def _listed_divisions(toks: _Tokens, group: list[_Mention]) -> bool:
    """A list of two or more names closed by their kind in the plural ("Zulia
    and Táchira states") or opened by it and "of" ("the provinces of Sindh
    and Punjab")."""
    if len(group) < 2 or group[0].span is None or group[-1].span is None:
        return False
    s, e = group[0].span.start, group[-1].span.end
    return (e < toks.n and toks.lower[e] in _DIVISION_PLURALS) \
        or (s >= 2 and toks.lower[s - 1] == "of" and toks.lower[s - 2] in _DIVISION_PLURALS)


def _sea_cue(toks: _Tokens, m: _Mention) -> bool:
    """"crossed the Atlantic", "storms in the western Pacific", "warm water in
    the northeast Pacific": one word after a lower-case "the" (and a compass
    or climate adjective) names the sea or ocean, not a
    town named after it (a town takes no article; "The Atlantic" opening a
    sentence may be a title); so does a name ending in "Sea" or "Ocean"
    with no division's word after it ("the Red Sea governorate")."""
    if m.span is not None and m.span.end - m.span.start >= 2 and toks.lower[m.span.end - 1] in ("sea", "ocean") \
            and not (m.span.end < toks.n and toks.lower[m.span.end] in _DIVISION_WORDS):
        return True  # (and a name of a sea itself: "the Red Sea" is no governorate named after it)
    if m.span is None or m.span.end - m.span.start != 1 or m.span.start < 1:
        return False
    k = m.span.start - 1
    if toks.lower[k] in _SEA_ADJ and toks.text[k].islower() and k >= 1:
        k -= 1
    return toks.text[k] == "the"


def _island_cue(toks: _Tokens, m: _Mention) -> bool:
    """A lower-case "island" (or "isle", "atoll") right after the name ("a
    biologist on Santa Cruz island", "a job on Pemba island"): the island,
    not a town named like it."""
    return m.span is not None and m.span.end < toks.n and toks.text[m.span.end] in ("island", "isle", "atoll")


def _river_cue(toks: _Tokens, m: _Mention) -> bool:
    """"along the Dnipro river", "the Jordan river's banks": a lower-case
    "river" right after the name makes it the river, not the city or country
    named like it; so does a river's bank before a name of one word or two
    ("along the Tay", "the banks of the Witham", "the bank of the Rio
    Grande"; see :func:`bank_before`)."""
    if m.span is None:
        return False
    start, end = m.span.start, m.span.end
    if end < toks.n and toks.text[end] in ("river", "rivers"):
        return True
    if listed_before_rivers(toks, end) or (len(m.span) == 1 and reach_before(toks, start, end)):
        return True
    return len(m.span) <= 2 and bank_before(toks, start, end)


#: a river's reaches, between "the" and its bare name ("the upper Volga")
_REACH_WORDS = {"upper", "lower", "middle"}


def reach_before(toks: _Tokens, start: int, end: int) -> bool:
    """A river's reach in lower case between "the" and the name ("the upper
    Volga", "the lower Ter"), no capitalised word after it ("the upper East
    Side" is a quarter) nor a hyphen ("the upper Kok-Zhailau")."""
    return start >= 2 and toks.lower[start - 1] in _REACH_WORDS and toks.text[start - 1].islower() \
        and toks.lower[start - 2] == "the" and not (end < toks.n and (toks.title[end] or toks.text[end] == "-"))


def listed_before_rivers(toks: _Tokens, end: int) -> bool:
    """The name ending at ``end`` opens or goes on a list of bare names that
    a lower-case "rivers" closes ("the Fraser and Thompson rivers", "the
    Tigris, Euphrates and Karun rivers"): each is a river."""
    k = end
    for _ in range(4):
        if k + 2 >= toks.n or toks.lower[k] not in (",", "and") or not toks.title[k + 1]:
            return False
        if toks.text[k + 2] == "rivers":
            return True
        k += 2
    return False


#: words before "the" and a river's bare name ("along the Tay", "crossed the Drina")
_BANK_WORDS = {"along", "alongside", "beside", "across", "crossed", "cross", "crossing", "up", "down",
               "into", "spanning", "bridging"}
#: ... and before "of the" ("the banks of the Witham", "the mouth of the Tay")
_BANK_NOUNS = {"bank", "banks", "mouth", "estuary", "source", "floodplain", "valley", "waters"}


def bank_before(toks: _Tokens, start: int, end: int) -> bool:
    """The name ``toks[start:end]`` follows "the" and a river's bank word
    ("along the", "the banks of the") and no capitalised word follows it."""
    if start < 2 or toks.lower[start - 1] != "the" or (end < toks.n and toks.title[end]):
        return False
    prev = toks.lower[start - 2]
    return prev in _BANK_WORDS or (prev == "of" and start >= 3 and toks.lower[start - 3] in _BANK_NOUNS)


#: last words of the names of treaties, conventions and games that carry a
#: famous place's name ("the Kyoto Protocol", "the Geneva Conventions", "the
#: Beijing Olympics"; film festivals in :func:`_famous_cue`)
_FAMOUS_HEADS = {"agreement", "agreements", "accord", "accords", "protocol", "protocols", "convention",
                 "conventions", "treaty", "declaration", "olympics", "biennale", "consensus", "charter",
                 "format"}


def _famous_cue(toks: _Tokens, m: _Mention) -> bool:
    """The name opens a treaty's, convention's or film festival's name
    ("Venice International Film Festival", "Minsk agreements", "Geneva
    Conventions"): the famous place of the name, whatever the text's own
    area (a town's own festival, summit or marathon is left to the context)."""
    if m.span is None:
        return False
    k = m.span.end
    if _world_body_before(toks, m.span.start) and not (k + 1 < toks.n and toks.text[k] == "," and toks.title[k + 1]) \
            and not any(c.kind == "country" for c in m.cands[:10]):
        return True  # (not with its state after a comma, "... in Geneva, N.Y.", nor a country's
        # name: "the United Nations Interim Force in Lebanon")
    while k < toks.n and k < m.span.end + 4:
        if toks.lower[k] in _FAMOUS_HEADS:
            return True
        if toks.lower[k] == "festival" and {"international", "film"} & set(toks.lower[m.span.end:k]):
            return True  # a film festival, not a town's own fair
        if not toks.title[k]:
            return False
        k += 1
    return False


#: words of a world body's name ("the UN Human Rights Council", "the International Court of Justice")
_WORLD_BODY_WORDS = {"un", "u.n.", "united", "nations", "international", "world", "human", "global", "unesco",
                     "unhcr", "unicef", "interpol", "nato", "wto", "iaea"}


def _world_body_before(toks: _Tokens, s: int) -> bool:
    """The model's organisation of a world body's words and "in" come just
    before the name ("a full report to the Human Rights Council in Geneva",
    "the International Court of Justice in The Hague"): the body's seat, the
    great place of the name, though the text's area has a small namesake."""
    if s < 2 or toks.lower[s - 1] != "in" or toks.ent_type[s - 2] != "ORG":
        return False
    k = s - 2
    while k > 0 and toks.ent_iob[k] == "I" and toks.ent_type[k - 1] == "ORG":
        k -= 1
    return any(toks.lower[x] in _WORLD_BODY_WORDS for x in range(k, s - 1))


#: a university's word before "of" and the town it is named after
_SCHOOL_WORDS = {"university"} | UNIVERSITY_WORDS


def _school_cue(toks: _Tokens, m: _Mention) -> bool:
    """The name closes a university's ("the University of Münster",
    "Universidad de Sevilla"): the place it is named after."""
    if m.span is None or m.span.start < 2:
        return False
    k = m.span.start
    return toks.lower[k - 1] in ("of", "de", "di", "do", "da", "van") and toks.lower[k - 2] in _SCHOOL_WORDS \
        and toks.title[k - 2]


_COUNTY_PLURALS = {"counties": "County", "parishes": "Parish", "boroughs": "Borough"}
#: COUNTY_OPENERS in lower case (:meth:`_Tokens.at`)
_COUNTY_OPENER_WORDS = {w.lower() for w in COUNTY_OPENERS}
_LIST_WORDS = {",", "and", "or", "&"}


def _county_cues(toks: _Tokens, mentions: Sequence[_Mention], g: Gazetteer) -> None:
    """A bare name that stands for a county: one of a list ending in
    "counties" ("Cooke, Grayson and Love counties"), or a name the text also
    writes with "County" ("Platte County ... Platte is the state's 10th"),
    or after "County" or "Co." where the county's country has no town of
    the name ("Co. Clare ... a Clare hurling final").
    Its county namesakes join the candidates and are preferred."""
    text, lower, n = toks.text, toks.lower, toks.n
    # names the text writes before "County"/"Parish" (every tail of the name)
    written: dict[str, str] = {}
    for i in toks.at(("county", "parish")):
        if text[i] in ("County", "Parish"):
            k = i
            while k > 0 and i - k < 4 and (toks.cap[k - 1] or toks.upper[k - 1]):
                k -= 1
                written.setdefault(toks.span_text(k, i), text[i])
    # ... and after "County" or "Co." ("County Clare", "Co. Sligo"), as Ireland writes its counties
    written_after = {text[i + 1] for i in toks.at(_COUNTY_OPENER_WORDS)
                     if i < n - 1 and text[i] in COUNTY_OPENERS and toks.title[i + 1]}
    listed = not _COUNTY_PLURALS.keys().isdisjoint(lower)
    if not listed and not written and not written_after:
        return
    for m in mentions:
        if m.demonym or m.span is None or not m.text[:1].isupper():
            continue
        last = m.span[-1].lower_.rstrip(".")
        if last in _COUNTY_WORDS or last in _COUNTY_PLURALS:
            continue
        word = None
        k = m.span.end if listed else n
        # walk a list of capitalised names to its head noun
        while k < n and k < m.span.end + 25:
            if lower[k] in _COUNTY_PLURALS:
                word = _COUNTY_PLURALS[lower[k]]
                break
            if lower[k] in _LIST_WORDS or toks.title[k] or text[k] in ("-", "."):
                k += 1
                continue
            break
        if word is None:
            word = written.get(m.text)
        if word is None and m.text in written_after:
            # (a county named like a town of its own country is the town when bare: "Co. Cork ... in Cork")
            towns = {e.country for e in m.cands if e.kind == "city" and e.population >= 1000}
            extra = [e for e in g.exact(m.text) if e.kind == "region" and e.country in COUNTY_LANDS
                     and e.country not in towns]
            if extra:
                have = {e.id for e in m.cands}
                m.cands = list(m.cands) + [e for e in extra if e.id not in have]
                m.county_cue = True
            continue
        if word is None:
            continue
        extra = [e for e in g.exact(f"{m.text} {word}") if e.source == "county" or e.kind == "region"]
        if not extra and word == "County":
            # an Irish or British county, which our divisions name bare ("Kerry County Council")
            extra = [e for e in g.exact(m.text) if e.kind == "region" and e.country in COUNTY_LANDS]
        if not extra:
            continue
        have = {e.id for e in m.cands}
        m.cands = list(m.cands) + [e for e in extra if e.id not in have]
        m.county_cue = True


def _bare_counties(mentions: Sequence[_Mention], g: Gazetteer) -> None:
    """A bare name may stand for its county ("Greene" for Greene
    County) even where the text never writes "County": the county
    namesakes join the candidates, behind the towns (``bare_county``), to win
    only where the text's other names lie around one of them."""
    todo = [m for m in mentions if not m.demonym and not m.county_cue and m.span is not None
            and m.text[:1].isupper() and m.span[-1].lower_.rstrip(".") not in _COUNTY_WORDS
            and (not m.cands or not _top_level(m.cands[0]))]
    if not todo:
        return
    names = {m.text for m in todo}
    _prefetch(g, [f"{n} County" for n in names])
    found: dict[str, list[Entry]] = {n: [e for e in g.exact(f"{n} County") if e.source == "county"]
                                     for n in names}
    for m in todo:
        have = {e.id for e in m.cands}
        extra = [e for e in found[m.text] if e.id not in have]
        if extra:
            m.cands = list(m.cands) + extra
