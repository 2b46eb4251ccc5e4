"""Places, detection step 2's decision: whether a capitalised name the
gazetteer knows is a place where it stands (:func:`_accept_span`).

It is asked in three steps, each its own function:

1. :func:`_read_span` refuses what is never a place here (a date, a
   company's word, a name foreign to the country that owns it: "France's
   Macron") and gathers what the rules ask (:class:`_Reading`): the entries
   the name may mean here, the likeliest of them, whether it is a former
   name, a headline's first word, and so on;
2. :func:`_by_label`: the rules by what the model made of the name, after
   those that hold whatever it made (a former name, a county's whole name):
   :func:`_accept_person` when it read a person, :func:`_accept_labelled`
   another kind of entity (an organisation, a nationality), and
   :func:`_accept_unlabelled` no entity;
3. :func:`_by_form`: names that say what they are whatever the model made
   of them (a province in a list of provinces, "Pembrokeshire", "Port
   Augusta", "RAAF Base Darwin", "Renmark, SA").

A name accepted after a family word ("his wife, Florence") is refused; one
accepted is added to the detection."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span

from ...gazetteer import Entry, Gazetteer, haversine_km, normalize
from ..timex import lexicon as timex_lexicon
from .features import ARABIC_OPENERS, FEATURE_OPENERS
from .words import (AFTER_PLACE, BASE_WORDS, CLUB_OPENERS, CLUB_PREFIXES, CLUB_WORDS, COMMON_WORDS, COUNTY_LANDS,
                    HYPHEN_LINKS, LAND_ADJECTIVES, LAND_WORKERS, LOC_PREPS, MASTHEAD_WORDS, MOVABLE_FEASTS,
                    PERSON_VERBS, SAYING_WORDS, SERVICE_HEADS, STREET_HEADS, TITLES, TOWN_TAILS, UNIVERSITY_WORDS,
                    UTILITY_WORDS)
from .tokens import (_after_kin, _after_label, _after_place, _after_title_comma, _coordinated, _county_name,
                     _credit_name, _line_start, _distance_after, _event_of, _ground_opening, _foreign_to_possessor,
                     _fixture_word, _in_score, _person_after_name,
                     _person_like, _place_cue, _possessor_country, _in_signed_name, _seized_before, _NAME_LINKS,
                     _NAMING_NOUNS, _PLACE_OFFICES, _PLACE_PREPS, _in_headline_run, _listed_with_person,
                     _initial_before, _speaker, _strip, _Tokens, _abbreviation_dot_end, _with_abbreviation_dot,
                     _with_possessive_end, _titled_given)
from .entries import (_alias_ok, _BRANDS, _city_named, FIRMS, _common_word, _country_word, _famous_alias, _firm,
                      _OWN_SOURCES, _prior, _respelling, _short_form, _strong, _top_level, _town_named, _town_pair)
from .mention import _compass_word, _DIVISION_KINDS_ABROAD, _DIVISION_WORDS, _Detection
from .international import _REGION_OPENERS
from .entities import _COMPASS, _given_age
from .cues import _REGION_ADJ


#: entity labels of the model that a place name never has
_NOT_PLACE_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LANGUAGE"}


#: words after a name that make it a street's ("Memphis St.", "Colton Way")
_ROAD_WORDS = STREET_HEADS | {"way", "close", "crescent", "terrace", "court", "place"}

#: last words of towns' names that end no person's name ("Ho Chi Minh City", "Alice Springs")
_TOWN_END_WORDS = TOWN_TAILS | {"city"}

#: prepositions that put a town's name in place, whatever the model made of it
_GOING_PREPS = {"in", "to", "near", "outside", "from", "at", "via"}
#: verbs of travel before a town's name ("We left Masvingo at 2am")
_TRAVEL_VERBS = {"left", "leaving", "leave", "leaves", "reached", "reaching", "reach", "reaches",
                 "visited", "visiting", "toured", "entered", "entering"}

#: a town this big is named by its short name too ("Frankfurt" of Frankfurt am Main)
GREAT_SHORT_POP = 500_000

#: number words in capitals the model may rightly read as numbers ("ONE", "TEN")
_NUMBER_NAMES = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                 "twelve", "twenty", "hundred", "thousand", "million", "billion", "first", "second", "third",
                 "dozen", "dozens", "hundreds", "thousands", "millions", "billions", "half", "zero", "nil",
                 "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"}

#: articles that open some places' own names ("The Dalles", "A Coruña", "El Paso", "La Paz")
_NAME_ARTICLES = {"the", "a", "la", "el", "le", "los", "las", "les", "al", "o"}


@dataclass(slots=True)
class _Reading:
    """What :func:`_read_span` learnt of the name ``doc[i:j]`` for the rules to ask."""
    i: int
    j: int
    name: str
    #: the model's entity at the name's first token and its label (none for
    #: a DATE without a date word: "spoke in Montevideo")
    ent: Optional[Span]
    label: Optional[str]
    #: the entries the name may mean here: places whose own name it is, and
    #: some it names otherwise (a former name, the text's countries' towns by
    #: another spelling, a famous alias, a capital as our table spells it)
    ents: list[Entry]
    #: the ids of the entries whose own name it is, or as good as
    main: set
    #: the likeliest entry (a small town of the text's countries before a
    #: bigger namesake abroad), and the likeliest wherever it lies
    best: Entry
    biggest: Entry
    #: the country of a possessive before the name ("Kenya's Dadaab"), if any
    owner: Optional[str]
    #: a name of several words that is no place's own ("Khan Younis")
    several: bool
    #: a place of the text's countries has the name as its own
    own_local: bool
    #: a town's former name, said to be one ("formerly known as Chardzhou")
    former: bool
    #: a town opening a headline after a page's label ("Read more: Paarl schools' derby ...")
    headline: bool


def _accept_span(d: _Detection, i: int, j: int, name: str, ents: list[Entry],
                 ent: Optional[Span]) -> bool:
    """Whether the capitalised name ``doc[i:j]`` (``name``) that the gazetteer
    knows (``ents``) is a place here, given the model's entity ``ent`` at its
    first token; if so, it is added."""
    r = _read_span(d, i, j, name, ents, ent)
    if r is None:
        return False
    ok = _by_label(d, r) or _by_form(d, r)
    if ok and r.best.kind != "country" and _after_kin(d.toks, i):
        ok = False  # "his wife, Florence,", "his daughters Victoria and Mai": family named like places
    if ok and r.best.kind != "country" and _ground_opening(d.toks, j):
        ok = False  # "at Sabina Park", "Kensington Oval": a ground's name, not its namesake town's
    if ok and j - i == 1 and (name in d.person_words or name in d.surnames) and not _top_level(r.best) \
            and _speaker(d.toks, i) and not _schooled(d.toks, i):
        ok = False  # "Gabriel Toledo ... Toledo, who grew up": the text's person speaks, not a town
    if ok and j - i == 1 and j + 1 < d.toks.n and d.toks.title[j] and _person_after_name(d.toks, j + 1) \
            and (name in d.person_words or f"{name} {d.toks.text[j]}" in d.person_words):
        ok = False  # "Georgia Sinclair, a London-based adviser": a person's given name, though a country's
    if ok and j - i == 1 and j < d.toks.n and not _top_level(r.best) and d.toks.title[j] \
            and d.toks.text[j] in d.surnames and not d.toks.lower[j].endswith("s") \
            and d.toks.span_text(i, j + 1) not in d.teams and d.toks.pos[j] == "PROPN" \
            and d.toks.lower[j] not in _BODY_HEADS and not _town_word(d.g, d.toks.text[j]) \
            and any(k != j and d.toks.text[k] == d.toks.text[j] and _speaker(d.toks, k) for k in d.toks.titled()):
        ok = False  # "directed by Dallas Greer. Greer, who lives ...": a given name before a surname the text uses
    if ok and r.best.kind != "country" and _credit_name(d.toks, i, j):
        ok = False  # "(Reporting by Sofía Alvarado; Editing by Victoria Holt)": a credit's person
    if ok and not _top_level(r.best) and _initial_before(d.toks, i):
        ok = False  # "J Anderson, M Low, R Bain": a team sheet's names (not "S Korea")
    if ok and r.best.kind == "city" and j < d.toks.n and d.toks.text[j] in _GRADE_WORDS:
        ok = False  # "Brent futures", "Dubai crude": an oil grade or a contract named after a town
    if ok and r.best.kind == "city" and ent is not None and i == ent.start and j < ent.end \
            and _romance_of_town(d.toks, d.g, j, ent.end):
        ok = False  # "scorer at Vitória de Guimarães": a club's first word, whose town follows "de"
    if ok and j - i == 1 and not _top_level(r.best) and ent is not None and i == ent.start and j < ent.end \
            and d.toks.lower[i] in CLUB_PREFIXES and d.toks.title[j]:
        ok = False  # "a regular at Sparta Rotterdam": a club's prefix word, not Sparta, New Jersey
    if ok and ent is not None and i == ent.start and j + 2 < ent.end and d.toks.lower[j] in ("university", "college") \
            and d.toks.lower[j + 1] == "of" and d.toks.title[j + 2]:
        ok = False  # "Victoria University of Wellington": the school's name, whose town follows "of"
    if ok:
        end = _with_abbreviation_dot(d.toks, i, _with_possessive_end(d.toks, i, j, d.g))
        d.add(d.doc[i:_abbreviation_dot_end(d.toks, i, end, d.g)], "gaz", fuzzy=False, require=True)
    return ok


#: a body's words after a place's name, never a surname after a given name ("Highland Council",
#: "Somerset Police", "Chandigarh University")
_BODY_HEADS = AFTER_PLACE | SERVICE_HEADS | UNIVERSITY_WORDS | {"council", "police", "university", "college",
                                                                 "school", "academy", "city", "county"}


def _town_word(g: Gazetteer, word: str) -> bool:
    """``word`` is the own name of a town of 1,000 people ("Lincoln" of "Vincennes Lincoln"): a
    place's name, not a surname that tells its given name from a town."""
    main = g.main_ids(word)
    return any(e.kind == "city" and e.population >= 1000 and e.id in main for e in g.exact(word))


#: words after a town's name that make it a traded grade's or contract's ("Brent crude", "Dubai futures")
_GRADE_WORDS = {"crude", "futures", "blend", "benchmark"}


def _read_span(d: _Detection, i: int, j: int, name: str, ents: list[Entry],
               ent: Optional[Span]) -> Optional[_Reading]:
    """Step 1 of :func:`_accept_span`: none when the name is never a place
    here, else what the rules ask of it."""
    toks, g = d.toks, d.g
    label = ent.label_ if ent is not None else None
    if label in ("DATE", "TIME") and _strip(toks, ent.start, ent.end) == (i, j) \
            and not any(c.isdigit() for c in name) and normalize(name) not in _DATE_NAMES:
        label = ent = None  # the model's DATE for "spoke in Montevideo": no date without a date word
    elif label in ("DATE", "TIME") and ent.start == i and j < ent.end and not any(c.isdigit() for c in ent.text) \
            and normalize(name) not in _DATE_NAMES and not any(
                toks.title[k] or toks.lower[k] in _TIME_WORDS for k in range(j, ent.end)):
        label = ent = None  # (nor one with a small word after the name: "call at Montevideo first")
    elif label in ("CARDINAL", "ORDINAL", "QUANTITY") and _strip(toks, ent.start, ent.end) == (i, j) \
            and (name.isupper() or name.istitle()) and name.isalpha() and normalize(name) not in _NUMBER_NAMES:
        # "NSW National Parks": an abbreviation in capitals is no number, nor
        # a name of letters ("the port of Mawlamyine" as a number)
        label = ent = None
    elif label in ("DATE", "TIME", "CARDINAL") and ent.start == i and ent.end < j \
            and not any(c.isdigit() for c in name):
        # a month or a number word opening a longer name: "In May Pen, the
        # council ...", "commuters in Half Way Tree"
        label = ent = None
    if label in _NOT_PLACE_LABELS or (j - i == 1 and _firm(name, label, toks, i)):
        return None
    if _event_of(toks, i, j):
        return None
    if j - i == 1 and toks.lower[i] in ARABIC_OPENERS and j < toks.n and toks.title[j]:
        return None  # "Wadi" of "the Wadi Wurayah reserve" is a valley's word, no town of India
    if j - i == 1 and j < toks.n and toks.like_num[j] and normalize(name) in _DATE_NAMES:
        return None  # "Nov 18, 2025" under a byline: a date, not a town named Nov
    if j - i == 1 and _common_word_opening(d, i, name, ents):
        return None  # "Hail rips through Kakheti vineyards" beside "hail fell": the weather, no Ha'il
    if j - i == 1 and d.firm_name(name, ents):
        return None  # "Southgate" of "cloud company Southgate Compute", wherever the text names it
    owner = _possessor_country(toks, i, g)  # "Kenya's Dadaab", "France's Macron"
    if j - i == 1 and _foreign_to_possessor(owner, ents):
        return None
    doc_countries = d.doc_countries
    main, alias_ok = g.main_ids(name), _alias_ok(name)  # _own_or_main, for every entry
    # (a short other name of a river or range of our table after "the": "the Oxus", "the Tejo")
    alias_ok = alias_ok or (j - i == 1 and i > 0 and toks.text[i - 1] == "the"
                            and any(e.kind == "feature" and e.source == "extra" for e in ents))
    # (whether the model took it alone for a person or a body, or inside a
    # body's name: "the Bombay Stock Exchange", "the Madras High Court"; or
    # inside a place's: "the Bombay season")
    famous = _famous_alias(name, main, ents, g, doc_countries) \
        if j - i == 1 and (ent is None or ent.label_ in ("PERSON", "ORG", "LOC", "GPE", "FAC")) else None
    # an English or transliterated name of more than one word ("Khan Younis",
    # "Rhineland-Palatinate"), when it is no place's own name, names a province or a big town
    several = j - i >= 2 and not main
    # (whether the name is the own name of a place of the text's countries)
    own_local = any(e.id in main and e.country in doc_countries for e in ents)
    # (a town's former name, said to be one: "formerly known as Chardzhou")
    former = not main and _former_name(toks, i) and any(
        e.kind == "region" or (e.kind == "city" and e.population >= 1000) for e in ents)
    # (a great town's own name spelt another way, "Seville" of Sevilla, when
    # the places whose own name it is are small, no Marina of 20,000, and
    # the model took it for no person: "W.A. Chandana Perera" is no Pereira)
    respelt = frozenset(e.id for e in ents if e.id not in main and _respelling(name, e)) \
        if label != "PERSON" and all(e.population < 10_000 for e in ents if e.id in main) else frozenset()
    if respelt:
        main = main | respelt
    # (a great town by its short name: "Frankfurt" of Frankfurt am Main, its own name as much)
    key = normalize(name)
    short = frozenset(e.id for e in ents if e.kind == "city" and e.population >= GREAT_SHORT_POP
                      and e.id not in main and _short_form(key, e))
    # (or by its bare name and "City": "Isabela City" of the City of Isabela)
    if j - i >= 2 and not (j < toks.n and toks.text[j][:1].isupper()):
        short = short | frozenset(e.id for e in ents if e.id not in main and _city_named(e, name, g))
    ents = [e for e in ents if e.id in main or former or (alias_ok and e.source in _OWN_SOURCES)
            or (e.kind == "city" and e.country in doc_countries and len(name) >= 6
                and e.population >= 1000) or e is famous
            # (a great town of the text's country by another spelling, a name
            # that is no place's own: "south of Homel")
            or (e.kind == "city" and e.country in doc_countries and len(name) == 5
                and e.population >= 100_000 and not main)
            or (several and (e.source == "subdivision" or (e.kind == "city" and e.population >= 100_000))
                and not e.approx)
            or (e.kind == "city" and g.is_capital(e) and _capital_spelling(name, e, g))
            or e.id in short
            # (a province of the text's country by its English name: "Thessaly", "Attica")
            or (e.source == "subdivision" and alias_ok and e.country in doc_countries and not e.approx)]
    if not ents:
        return None
    if famous is not None:
        main = main | {famous.id}  # "Kiev" is Kyiv's name as much as "Kyiv" is
    # (and a capital's as our country table spells it: "Ulaanbaatar")
    main = main | {e.id for e in ents if e.id not in main and e.kind == "city" and g.is_capital(e)
                   and _capital_spelling(name, e, g)}
    main = main | short
    # (a great town's, a country's or a state's own name, when one bears it,
    # before another town's other name: "Visakhapatnam" is the city of a
    # million, not the suburb that GeoNames also calls so; "Zaragoza" is no Tijuana)
    own = [e for e in ents if e.id in main]
    great_own = any(e.kind == "country" or e.source in ("state", "continent")
                    or e.kind == "city" and e.population >= 100_000 for e in own)
    best = max(own if great_own else ents, key=_prior)
    # the biggest namesake still says the name is a place ("Donetsk" is a
    # city of Ukraine though the text's "Russian" makes Russia's town first)
    biggest = best
    if not _top_level(best) and best.country not in doc_countries:
        # a small place of a country the text is about beats a bigger namesake
        # abroad, and so does a province of it by its own name ("boys from Fife")
        # or its English one ("the capital of Apulia" in a text of Italy is no Apúlia of Portugal)
        # (or a river, a range or a region of our table there by its own name:
        # "the Ganges treaty" beside Dhaka and Farakka is no Ganges of British Columbia)
        local_ents = [e for e in ents if e.country in doc_countries and (
            e.kind == "city" and e.population >= 1000
            or e.source == "subdivision" and not e.approx and (e.id in main or alias_ok)
            or e.source == "extra" and e.kind in ("feature", "region") and e.id in main)]
        if local_ents:
            best = max(local_ents, key=_prior)
    # a feature of our table after a lower-case "the", which no town's name
    # takes, where no country or division has the name and the name does not
    # go on ("a photo of the Thames" is no Thames of New Zealand; "the Pico de
    # Tancítaro" is no island)
    if j - i == 1 and i > 0 and toks.text[i - 1] == "the" and best.kind == "city" \
            and not any(e.kind in ("country", "region") for e in ents) \
            and not (j + 1 < toks.n and toks.lower[j] in _NAME_LINKS and toks.title[j + 1]):
        feature = next((e for e in ents if e.kind == "feature" and e.source == "extra" and e.id in main), None)
        if feature is not None:
            best = feature
    # (and a feature of our table by its full name opened by a feature's word,
    # over a town named after it: "the west bank of Loch Lomond" is no Loch Lomond of Virginia)
    if j - i >= 2 and toks.lower[i] in FEATURE_OPENERS and toks.title[i] and best.kind == "city" \
            and best.population < 100_000:
        feature = next((e for e in ents if e.kind == "feature" and e.source == "extra" and e.id in main), None)
        if feature is not None:
            best = feature
    # a town of the text's countries (or a big one) opening a headline after
    # a page's label, a noun after it ("Read more: Paarl schools' derby draws ...")
    # (or a country: "Related: Seychelles caps new hotel rooms")
    # (or a province of the text's countries: "ALSO READ: Ekiti unveils plan ...")
    headline = (best.kind == "city" and best.population >= 1000
                and (best.country in doc_countries or best.population >= 100_000)
                or best.kind == "country"
                or best.source == "subdivision" and not best.approx and best.country in doc_countries) \
        and best.id in main and _after_label(toks, i) \
        and j < toks.n and (toks.pos[j] in ("NOUN", "ADJ", "PART") and toks.text[j].islower()
                               or toks.text[j] in ("'s", "’s", "'", "’")
                               # (a town of 20,000 acting: "Related: Medicine Hat approves ...", or a land)
                               or toks.pos[j] == "VERB" and toks.text[j].islower()
                               and (best.population >= 20_000 or best.kind != "city"))
    return _Reading(i=i, j=j, name=name, ent=ent, label=label, ents=ents, main=main, best=best, biggest=biggest,
                    owner=owner, several=several, own_local=own_local, former=former, headline=headline)


def _by_label(d: _Detection, r: _Reading) -> bool:
    """Step 2 of :func:`_accept_span`: the rules that hold whatever the
    model made of the name, then those for what it made of it."""
    toks = d.toks
    i, j, name, best, main, label = r.i, r.j, r.name, r.best, r.main, r.label
    if r.former and best.kind in ("city", "region") \
            and not (j < toks.n and toks.title[j]) and not _person_like(toks, i, j, d.person_words):
        # "the port known until 2016 as Illichivsk": a name only another of a
        # place's ("the artist formerly known as Prince": a town's own name)
        return True
    if j - i == 1 and best.kind == "city" and best.id in main and best.population >= _CLOSING_CITY_POP \
            and _strictly_located(toks, i, j):
        # "grew up in Bolton", "orchards south of Valencia": a great town,
        # though a person of the text bears its name ("George Bolton")
        return True
    if _town_office(d, r):
        return True
    if _common_word(name, j - i, best):
        # (a town named like a statesman or a thing, inside a town's own
        # words: "councillors in Hamilton voted", "flooding near Reading";
        # or opening its police's or fire service's name: "the Concord Police")
        return _town_in_common_word(toks, i, j, name, best, main, d.person_words) \
            or _town_service(d, r) or _common_town_listed(d, r) or _common_town_paired(d, r) \
            or _common_town_council(d, r) or _common_town_in_land(d, r) \
            or _opens_county_council(d, r) \
            or (best.kind == "city" and best.id in main and _town_noun_of(toks, i)) \
            or (best.kind == "city" and best.id in main and _in_its_land(toks, i, j, best, d.g)
                and not _person_like(toks, i, j, d.person_words))
    if j - i >= 3 and best.id in main and label not in ("GPE", "LOC") and (
            best.kind == "country" or (best.kind == "region" and "and" in toks.lower[i:j])):
        # a country's own name of several words, or a province's of two
        # joined, whatever the model made of its parts ("Antigua and Barbuda",
        # "Sistan and Baluchestan" as two persons)
        return True
    if _county_name(toks, i, j, best):
        # "Laurel County", "Avoyelles Parish": the name says what it is
        ok = not _person_like(toks, i, j, d.person_words)
        if ok and best.country:
            d.doc_countries.add(best.country)  # ("Kilrush, Co Clare": a text of Ireland's)
        return ok
    if label == "PERSON" and _event_opening(toks, i, j, r.ent):
        # "leads the Dakar Rally", "the Boston Marathon": a big town opening an event's name
        return best.kind == "city" and best.id in main and (best.population >= 100_000 or d.g.is_capital(best))
    if label == "PERSON" and _club_opening(toks, i, j, r.ent):
        # "Manchester United beat Chelsea": a big city opening a club's name
        # (the club word after it is no surname, so _person_like is not asked)
        return best.kind == "city" and best.id in main and best.population >= CLUB_TOWN_POP \
            and not (i > 0 and toks.lower[i - 1].rstrip(".") in TITLES)
    if label == "PERSON" and _club_opening(toks, i, j, r.ent, MASTHEAD_WORDS):
        # "the rival Fiji Sun", "the Busan Ilbo": a land or a town opening a newspaper's name
        return best.id in main and (_top_level(best) or best.kind == "city" and best.population >= CLUB_TOWN_POP) \
            and not (i > 0 and toks.lower[i - 1].rstrip(".") in TITLES)
    if label == "PERSON" and _team_opening(toks, i, j, r.ent):
        # "against the Sudbury Wolves", "Edmonton Oilers sign ...": a town
        # opening a team's name that the words about it show for one
        return best.id in main and not (i > 0 and toks.lower[i - 1].rstrip(".") in TITLES) and (
            (best.kind == "city" and best.population >= 50_000)
            or (best.kind == "region" and best.source in ("state", "extra", "subdivision") and not best.approx))
    if label in _TEAM_LABELS and _team_named(d, i, j, r.ent):
        # ... the text's other mentions of that team ("2. Gwangju Eagles, 14-4"), opened by a town
        return best.id in main and best.kind == "city" and best.population >= TEAM_TOWN_POP
    if label == "PERSON" and _club_closing(toks, i, j, r.ent):
        # "with Hertha and Borussia Dortmund": a big city closing a club's name
        return best.kind == "city" and best.id in main and best.population >= 100_000
    if label == "PERSON" and _carrier_closing(toks, i, j, r.ent):
        # "Air Salalah's route applications": a land, a province or a big town naming an airline after "Air"
        return best.id in main and (_top_level(best) or best.kind == "region"
                                    or best.kind == "city" and best.population >= _CLOSING_CITY_POP)
    if label == "PERSON" and j - i == 1 and best.kind == "city" and best.id in main:
        whole = _strip(toks, r.ent.start, r.ent.end)
        if whole is not None and _club_of_match(d, *whole) == i \
                and name not in d.person_words and name not in d.surnames:
            return True  # "Wydad Casablanca beat FUS Rabat 3-1": a club named by its town
    if label == "PERSON":
        return _accept_person(d, r)
    if r.ent is not None and label not in ("GPE", "LOC"):
        return _accept_labelled(d, r)
    if r.ent is None:
        return _accept_unlabelled(d, r)
    whole = _strip(toks, r.ent.start, r.ent.end)
    # (not a street's: "of Colton Way"; a street's town stays the text's
    # context where the model calls the street a work or a body)
    if whole is not None and whole != (i, j) and whole[0] <= i and j <= whole[1] \
            and not (j < toks.n and toks.lower[j].rstrip(".") in _ROAD_WORDS):
        # a place the model read inside a longer "place" the gazetteer does
        # not know ("a win over the Calgary Stampeders"): as inside a body's name
        return _accept_inside_entity(d, r, whole)
    return False  # (the model's own places are step 1's)


#: capitalised words after a place's name that make the whole its service's or its utility's
_SERVICE_OR_UTILITY = SERVICE_HEADS | UTILITY_WORDS


#: a town this big (or a capital) that speaks alone is its government's voice
SPEAKING_CITY_POP = 300_000


def _city_speaks(d: _Detection, r: _Reading) -> bool:
    """The name is a great town's or a capital's own, alone before "said" or
    "says" and after no capitalised word, and no person of the text bears it
    as a surname or a given name, nor closes a person's name ("customs auditor
    Marcelo Santos ... Santos said"): the town's government speaks."""
    toks, i, j, best = d.toks, r.i, r.j, r.best
    return j - i == 1 and j < toks.n and toks.lower[j] in ("said", "says") and best.kind == "city" \
        and best.id in r.main and (best.population >= SPEAKING_CITY_POP or d.g.is_capital(best)) \
        and r.name not in d.surnames and r.name not in d.person_words and r.name not in d.given_names \
        and (i == 0 or not toks.title[i - 1]) \
        and not any(x.label_ == "PERSON" and len(x) >= 2 and x[-1].text == r.name for x in d.ents)


def _accept_person(d: _Detection, r: _Reading) -> bool:
    """A name the model read as a person's: a place when the person's entity
    is the name (or the name and its kind: "Kano State") and no person here
    bears it, and something speaks for the place."""
    doc, toks, g, taken = d.doc, d.toks, d.g, d.taken
    i, j, ent, best, main = r.i, r.j, r.ent, r.best, r.main
    # (or the name goes on after the person's with hyphens: "Stratford" + "-upon-Avon")
    # (or the model's person takes in the place's noun or kind after it:
    # "Kanpur police", "Kano State")
    # (or its police or fire service: "Huntsville Fire Chief Tom Grisham"; or its utility, "Yorkshire Water")
    # (or a division's or a town of 50,000's own name goes on after a small word:
    # "Mato Grosso" + "do Sul", "Juazeiro" + "do Norte")
    # (or the person is two towns joined by "and": "between Laramie and Rawlins")
    headline_people = _line_start(toks, i) and ent.start == i and j < ent.end and toks.title[j] \
        and toks.lower[j] in AFTER_PLACE and j + 1 < toks.n and toks.title[j + 1]
    covers = _strip(toks, ent.start, ent.end) == (i, j) or (
        ent.start == i and ent.end < j and toks.text[ent.end] == "-"
        and not any(toks.space[k] for k in range(i, j - 1))) or (
        ent.start == i and ent.end == j + 1 and (_after_place(toks, j) or toks.lower[j] in _DIVISION_WORDS
                                                 or (toks.title[j] and toks.lower[j] in _SERVICE_OR_UTILITY))) or (
        # (or its police's station: "Athlone Garda Station", "Kanpur Police Station")
        ent.start == i and j + 1 < ent.end <= j + 2 and toks.title[j] and toks.lower[j] in _POLICE_WORDS
        and toks.lower[j + 1] in _STATION_WORDS) or (
        ent.start == i and ent.end + 1 < j and toks.lower[ent.end] in _INNER_JOINERS and toks.title[ent.end + 1]
        and (best.kind == "region" or (best.kind == "city" and best.population >= 50_000))
        and best.id in main and not best.approx) or (
        # (or a place's own name "X of Y" whose Y the model took for a place: "Kyle of Lochalsh")
        ent.start == i and ent.end + 1 < j and toks.lower[ent.end] == "of" and toks.title[ent.end + 1]
        and toks.ent_type[ent.end + 1] in ("GPE", "LOC") and best.id in main and not best.approx) or (
        (i, j) in (_town_pair(toks, ent.start, ent.end, g) or ())) or (
        # (or a headline's noun of the place's people goes on after it: "Tūrangi Grandmother Completes")
        headline_people) or (
        # (or the "person" is a headline's run of capitalised words and the name a country's, a
        # province's or a great town's: "Venezuela Marks Carabobo Anniversary With Parade")
        best.id in main and (_top_level(best) or (best.kind == "city" and best.population >= 100_000))
        and _in_headline_run(toks, ent.start, ent.end)) or (
        # (or the person's home town closes the person's: "Janice Kowalchuk of Winnipeg";
        # by another of its names when its country or state follows: "Anjali Rai of
        # Darjeeling, India", "Mathis Girard of Chamonix, France")
        ent.end == j and i - 2 > ent.start and toks.lower[i - 1] in ("of", "from") and toks.title[i - 2]
        and best.kind == "city" and (best.id in main or _in_its_land(toks, i, j, best, g, link=",",
                                                                     after_prep=False)))
    # (the kind after the name, or a utility's word, is no surname: ask of the whole)
    kind_after = ent.end == j + 1 and (toks.lower[j] in _DIVISION_WORDS
                                       or (toks.title[j] and toks.lower[j] in UTILITY_WORDS))
    # (a great namesake abroad speaks for the name as well as the small one
    # at home the text's country makes first: "Rotterdam handles ...")
    # (a great town before a comma and its own country or state is no person's
    # name, though a person of the text bears it: "loaded for Valencia, Spain"
    # beside "Jhon Valencia, 34")
    named_in_land = best.kind == "city" and best.id in main and best.population >= 100_000 \
        and _in_its_land(toks, i, j, best, g, link=",")
    # (a town's own name of one word said twice is no person's: "Wagga Wagga", "Walla Walla")
    named_in_land = named_in_land or (j - i == 2 and toks.lower[i] == toks.lower[i + 1] and best.kind == "city"
                                      and best.id in main and best.population >= 1000)
    # (a great town in a list of places found, though a person of the text bears
    # its name: "in Cali, Barranquilla and Cartagena" beside "Jhon Jairo Cartagena")
    # (or a state or province of a million no person of the text bears as a
    # surname: "in Punjab, Haryana and Madhya Pradesh", no couple's first name
    # before the other's full name; "McKinney, Holstein and Commissioner Lawrence"
    # beside "Judge David Holstein" are people)
    # (or a town of 10,000 of the text's countries no person of the text bears
    # as a surname: "border posts at Namanga, Taveta and Lunga Lunga")
    named_in_land = named_in_land or (best.id in main and (
        (best.kind == "city" and best.population >= 100_000)
        or (best.kind == "city" and best.population >= 10_000 and best.country in d.doc_countries
            and r.name not in d.surnames)
        or (best.kind == "region" and not best.approx and best.population >= 1_000_000
            and r.name not in d.surnames))
        and _coordinated(toks, doc[i:j], taken))
    # (or a first-level division's own name listed with a division of the
    # same country found, no person of the text bearing it: "Sabah and Sarawak")
    named_in_land = named_in_land or (best.kind == "region" and best.source == "subdivision" and not best.approx
                                      and best.id in main and r.name not in d.surnames
                                      and _listed_with_division(d, i, j, best))
    # (a country before "and" and another country, though the model took the
    # two for a couple: "the borders with Mali and Burkina Faso")
    named_in_land = named_in_land or (best.kind == "country" and best.id in main
                                      and _country_after_and(toks, j, g))
    # (a country no person of the text bears as a surname, after a preposition
    # of place, a part of a land and "of", or a land's word: "the interior of
    # Mali", "landlocked Mali", "in Chad")
    named_in_land = named_in_land or (best.kind == "country" and best.id in main and r.name not in d.surnames
                                      and _land_word_before(toks, i))
    # (or the subject of a verb whose object is "its" own: "Jordan closed its
    # main border crossing", though the text's analyst is Rebecca Jordan)
    named_in_land = named_in_land or (best.kind == "country" and best.id in main and _owns_as_a_land(doc, j))
    # (or a province's or county's own name right after a preposition of
    # place, which no person stands after: "stretching for miles across
    # Kent", beside the text's Sarah Kent)
    named_in_land = named_in_land or (i > 0 and toks.lower[i - 1] in _PLACE_PREPS and j - i == 1
                                      and not (j < toks.n and toks.lower[j] in ("'s", "’s", "'", "’"))
                                      and r.name not in d.person_owners
                                      and any(e.kind == "region" and e.id in main and not e.approx
                                              and e.source in ("subdivision", "state", "extra") for e in r.ents))
    # (or a great town or a capital a journey goes to, though a person of the
    # text bears its name: "the squad will fly directly to Monterrey" beside
    # the team's director Alfonso Monterrey)
    named_in_land = named_in_land or (best.kind == "city" and best.id in main and j - i == 1
                                      and (best.population >= GREAT_SHORT_POP or g.is_capital(best))
                                      and _journey_to(toks, i))
    # (or a great town or a capital someone or something comes from, though a
    # person of the text bears its name: "a young person from Lyon" beside the
    # teacher Claire Lyon, "tankers were sent by road from Valencia")
    named_in_land = named_in_land or (best.kind == "city" and best.id in main and j - i == 1
                                      and (best.population >= GREAT_SHORT_POP or g.is_capital(best))
                                      and _origin_from(toks, i, j))
    # (a town of 10,000 closing "between" a place found and it: "flights between
    # Lae and Cairns" beside the consul "Rachel Cairns")
    named_in_land = named_in_land or (best.kind == "city" and best.id in main and best.population >= 10_000
                                      and _between_place(toks, i, taken, j))
    # (or a great town or a capital that speaks, no person of the text bearing
    # its name: "Edinburgh said it would help the club", its council)
    speaks = _city_speaks(d, r)
    named_in_land = named_in_land or speaks
    return (covers and (named_in_land or _headline_noun(toks, r) or headline_people
                        or not _person_like(toks, i, j + kind_after, d.person_words))
            and (_strong(best, g) or speaks or (r.biggest.id in main and _strong(r.biggest, g))
                 or _place_cue(toks, i, j, g) or _division_after(toks, j, best, main)
                 or _body_after(toks, j, best, main)
                 or (_home_of_person(toks, i) and best.kind == "city" and best.id in main)
                 # (a town said to lie in its own country or province: "from Hamilton in New Zealand",
                 # "1. Chiang Khong (Thailand) – Houayxay (Laos)")
                 or (best.kind == "city" and best.id in main and (
                     _in_its_land(toks, i, j, best, g) or _in_its_land(toks, i, j, best, g, "(", after_prep=False)))
                 # (a town of 10,000 of the text's countries owning a person's full
                 # name, the text calling no person by it: "ahead of Rotorua's Tama Wiremu")
                 or (best.kind == "city" and best.id in main and best.population >= 10_000
                     and best.country in d.doc_countries and _owns_person(toks, j)
                     and r.name not in d.surnames)
                 or (best.kind == "city" and best.id in main and best.population >= 10_000
                     and _match_report(doc, toks, i, j))
                 # (a town of the text's countries after a verb of war: "since taking Avdiivka")
                 or _front_town(d, r)
                 or (j - i == 2 and toks.lower[i] == toks.lower[i + 1])
                 # (a feature's own name of two words or more: "Machu Picchu", no person's;
                 # not a square's, "Trafalgar Square", which the model's person may be right to leave)
                 or (j - i >= 2 and toks.lower[j - 1] not in _ROAD_WORDS | {"square"}
                     and any(e.kind == "feature" and e.id in main for e in r.ents))
                 or _coordinated(toks, doc[i:j], taken) or r.headline
                 # ("Stellenbosch Municipality said": a town's own division)
                 or (kind_after and toks.title[j] and best.kind == "city" and best.id in main
                     and best.population >= 1000)
                 or (best.country is not None and r.owner == best.country)
                 or ((_after_place(toks, j) or headline_people) and best.population >= 1000)
                 # (a town of 10,000 of the text's countries the model took for a lone
                 # surname, no person of the text bearing it: "linking Vidin with Calafat")
                 # (or a province of theirs: "linking Palembang with Jambi")
                 or (j - i == 1 and best.id in main and best.country in d.doc_countries
                     and (best.kind == "city" and best.population >= 10_000
                          or best.source == "subdivision" and not best.approx)
                     and _lone_name(doc, toks, i))
                 # (one of two towns the model took for one person though "to" or
                 # "with" joins them, which no person's name holds: "linking Troon with Ayr")
                 or (toks.lower[ent.start + 1] in ("to", "with")
                     and (i, j) in (_town_pair(toks, ent.start, ent.end, g) or ()))
                 # (a town's own name that ends in a word no surname ends in: "Alice Springs")
                 or (j - i >= 2 and toks.lower[j - 1] in TOWN_TAILS and best.kind == "city"
                     and best.id in main and best.population >= 1000)
                 # (a town of 10,000 of the text's countries by its own name
                 # with a hyphen inside: "Grand Falls-Windsor opened")
                 or (j - i >= 3 and _glued_hyphen(toks, i, j) and best.kind == "city" and best.id in main
                     and best.country in d.doc_countries and best.population >= 10_000))
            and (speaks or not _speech_subject_person(doc[i:j], best, g)))


#: verbs of a journey before "to" and a town's name ("fly to Monterrey", "flew home to Santiago")
_JOURNEY_VERBS = {"fly", "flies", "flew", "flown", "flying", "travel", "travels", "travelled", "traveled",
                  "travelling", "traveling", "drive", "drives", "drove", "driven", "driving", "sail", "sails",
                  "sailed", "sailing", "relocate", "relocates", "relocated", "relocating", "deported", "airlifted",
                  "evacuated", "flee", "flees", "fled", "fleeing", "commute", "commutes", "commuted", "commuting"}
#: words between such a verb and "to" ("flew home to", "fly directly to")
_JOURNEY_ADVERBS = {"home", "back", "directly", "straight", "on", "onward", "onwards", "out", "down", "up", "over"}


#: words before "from" and a town that make it where someone or something comes from
_ORIGIN_BEFORE = {"person", "man", "woman", "people", "family", "families", "student", "students", "worker",
                  "workers", "visitors", "tourists", "traveller", "travellers", "traveler", "travelers", "migrants",
                  "refugees", "sent", "shipped", "trucked", "flown", "driven", "came", "come", "comes", "fled",
                  "travelled", "traveled", "moved", "arrived", "returned", "road", "rail", "sea", "air", "ferry",
                  "train", "truck", "lorry", "bus", "flights", "flight"}


def _origin_from(toks: _Tokens, i: int, j: int) -> bool:
    """"from" stands before token ``i`` after a person's noun, a verb of
    coming or sending or a means of travel ("a young person from", "sent by
    road from"), and no possessive follows: no person is come from."""
    return i >= 2 and toks.lower[i - 1] == "from" and toks.lower[i - 2] in _ORIGIN_BEFORE \
        and not (j < toks.n and toks.lower[j] in ("'s", "’s"))


def _journey_to(toks: _Tokens, i: int) -> bool:
    """A verb of a journey, perhaps an adverb, and "to" stand before token
    ``i`` ("will fly directly to", "flew home to"): no person is flown to."""
    if i < 2 or toks.lower[i - 1] != "to":
        return False
    k = i - 2
    if toks.lower[k] in _JOURNEY_ADVERBS and k > 0:
        k -= 1
    return toks.lower[k] in _JOURNEY_VERBS


#: a land's parts before "of" and its name ("the interior of Mali", "the north of Chad")
_LAND_PARTS = {"interior", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
               "centre", "center", "rest", "coast", "borders", "government", "capital"}


def _owns_as_a_land(doc, j: int) -> bool:
    """The name ending before ``j`` is the subject of a verb whose next
    words hold "its" ("Jordan closed its main border crossing"): a land,
    which no person's pronoun names."""
    tok = doc[j - 1]
    if tok.dep_ not in ("nsubj", "nsubjpass") or tok.head.i < j:
        return False
    return any(t.lower_ == "its" for t in doc[tok.head.i:min(len(doc), tok.head.i + 4)])


def _land_word_before(toks: _Tokens, i: int) -> bool:
    """A preposition of place, a land's part and "of", or a land's own
    word just before ``i``."""
    if i == 0:
        return False
    word = toks.lower[i - 1]
    return word in _PLACE_PREPS or word in LAND_ADJECTIVES or (
        word == "of" and i > 1 and toks.lower[i - 2] in _LAND_PARTS)


def _country_after_and(toks: _Tokens, j: int, g: Gazetteer) -> bool:
    """The name ending at ``j`` is followed by "and" (or "or") and a
    country's name of one to three capitalised words."""
    if j + 1 >= toks.n or toks.lower[j] not in ("and", "or"):
        return False
    k = j + 1
    while k < toks.n and k < j + 4 and toks.title[k]:
        k += 1
    return k > j + 1 and _country_word(toks.span_text(j + 1, k), g)


#: a village this near a place the text names found so far is one of its places
NEAR_NAMED_KM = 150.0


def _near_named(d: _Detection, r: _Reading) -> bool:
    """Another name the text gives (found so far) names a town within
    NEAR_NAMED_KM of ``r.best``, or the province holding it."""
    best = r.best
    for m in d.mentions:
        if m.demonym or normalize(m.text) == normalize(r.name):
            continue
        for c in m.cands[:10]:
            if c.lat is None or c.id not in m.main_ids:
                continue
            if c.kind == "region" and c.country == best.country and c.admin1 is not None \
                    and c.admin1 == best.admin1:
                return True
            if c.kind in ("city", "feature") and haversine_km(c.lat, c.lon, best.lat, best.lon) <= NEAR_NAMED_KM:
                return True
    return False


def _headline_noun(toks: _Tokens, r: _Reading) -> bool:
    """A town of 20,000 opening a headline after a page's label, before a
    common noun in lower case: the town's, whatever person of the text
    bears its name ("Related: Dayton airport cargo growth ..." in a story
    quoting a Ruth Dayton)."""
    return r.headline and r.best.kind == "city" and r.best.population >= 20_000 and r.j < toks.n \
        and toks.pos[r.j] == "NOUN" and toks.text[r.j].islower()


def _front_town(d: _Detection, r: _Reading) -> bool:
    """A town of 1,000 of the text's countries after a verb of war or flight
    ("since taking Avdiivka", "still holding Toretsk")."""
    return r.best.kind == "city" and r.best.country in d.doc_countries and r.best.population >= 1000 \
        and _seized_before(d.toks, r.i)


def _accept_labelled(d: _Detection, r: _Reading) -> bool:
    """A name the model read as another kind of entity than a place or a
    person (an organisation, a nationality, a work): the whole entity
    (:func:`_accept_whole_entity`) or a place inside it
    (:func:`_accept_inside_entity`)."""
    toks = d.toks
    whole = _strip(toks, r.ent.start, r.ent.end)
    # (a news outlet's name with its lower-case kind taken in: "Xinhua news agency")
    covers = whole == (r.i, r.j) or (whole is not None and whole[0] == r.i and r.j < whole[1] and all(
        toks.lower[k] in _MEDIA_WORDS and not toks.title[k] for k in range(r.j, whole[1])))
    if covers:
        return _accept_whole_entity(d, r)
    return _accept_inside_entity(d, r, whole)


def _province_at_home(d: _Detection, r: _Reading) -> bool:
    """A province of the text's countries by its own name of several words,
    or by its own or English name of one word that is no compass word nor a
    general one, and no person's here, that the model took for a body or
    left untagged, acting or a preposition's object ("Thuringia asks other
    states for help" in a story of Germany; not a breed, "Highland cattle",
    nor a man, "married Angus in Dunedin")."""
    best, toks = r.best, d.toks
    if r.j - r.i >= 2 and any(e.source == "subdivision" and not e.approx and e.id in r.main
                              and e.country in d.doc_countries for e in r.ents) \
            and toks.title[r.i] and toks.title[r.j - 1] \
            and all(toks.title[k] or toks.lower[k] in _INNER_JOINERS for k in range(r.i, r.j)):
        # (a province's own name of several words: "hitting Camarines Sur a few hours later")
        return not _person_like(toks, r.i, r.j, d.person_words)
    return r.j - r.i == 1 and r.label in ("ORG", None) and d.doc[r.i].dep_ in ("nsubj", "nsubjpass", "pobj") \
        and best.source == "subdivision" and not best.approx \
        and best.country in d.doc_countries and len(r.name) >= 5 and toks.title[r.i] \
        and (best.id in r.main or _alias_ok(r.name)) and toks.lower[r.i] not in _COMPASS \
        and not _common_word(r.name, 1, best) and not _person_like(toks, r.i, r.j, d.person_words)


def _named_past_compass(toks: _Tokens, i: int, j: int) -> bool:
    """A name opened by a compass word goes on with a word of its own
    ("Western Visayas", not "North West" of "Calgary-North West")."""
    return any(toks.title[k] and toks.lower[k] not in _COMPASS for k in range(i + 1, j))


def _local_town(d: _Detection, best: Entry) -> bool:
    """A town of the text's countries (any town when it names none)."""
    return best.kind == "city" and (best.country in d.doc_countries or not d.doc_countries)


#: offices a town's name goes before, ahead of their holder's name ("Avignon prosecutor Hélène Paris")
_TOWN_OFFICES = _PLACE_OFFICES | {"prosecutor", "prosecutors", "coroner", "magistrate", "prefect", "bishop",
                                   "archbishop"}


def _town_office(d: _Detection, r: _Reading) -> bool:
    """A town of 50,000 or more goes before a lower-case office and its
    holder's name ("Avignon prosecutor Hélène Paris told", "Kherson governor
    Oleksandr Prokudin said"), whatever the model made of it: the office's town."""
    toks, i, j, best = d.toks, r.i, r.j, r.best
    return j - i == 1 and j + 1 < toks.n and best.kind == "city" and best.id in r.main \
        and best.population >= 50_000 and toks.text[j].islower() and toks.lower[j] in _TOWN_OFFICES \
        and toks.title[j + 1] and toks.ent_type[j + 1] == "PERSON" and toks.ent_iob[j + 1] == "B" \
        and not (i > 0 and toks.lower[i - 1].rstrip(".") in TITLES)


def _table_land_after_the(d: _Detection, r: _Reading) -> bool:
    """A region or a feature of our table by its own name of one word,
    after a preposition and "the", the model took for a body ("the rolling
    hills of the Palouse", "across the Karoo")."""
    toks, i = d.toks, r.i
    return r.j - i == 1 and i >= 2 and toks.lower[i - 1] == "the" and toks.lower[i - 2] in LOC_PREPS \
        and any(e.source == "extra" and e.kind in ("region", "feature") and e.id in r.main for e in r.ents) \
        and not (r.j < toks.n and toks.title[r.j]) and not _person_like(toks, i, r.j, d.person_words)


def _accept_whole_entity(d: _Detection, r: _Reading) -> bool:
    """The model's organisation, nationality or work is the name itself:
    a place when a country, a strong place after a cue, a province's name of
    several words, a big town or capital, a town of the text's countries
    that something speaks for, or one of them by its English name after a cue."""
    doc, toks, g, taken = d.doc, d.toks, d.g, d.taken
    i, j, best, main = r.i, r.j, r.best, r.main
    local = _local_town(d, best)
    # (the one before the last: a province by its English name of several words,
    # "Lower Saxony said"; the last: a town of the text's country by its
    # English name, "the island of Rhodes", "through Islam Qala")
    # (or a province's own name before a place's noun: "Sohra, the Meghalaya town")
    return _top_level(best) or ((_strong(best, g) or (best.source == "subdivision" and not best.approx))
                                and _place_cue(toks, i, j, g)) or _distanced_town(d, r) \
        or (best.source == "subdivision" and not best.approx and best.id in main and (
            _after_place(toks, j) or (j < toks.n and toks.lower[j] in LAND_WORKERS))) \
        or _province_at_home(d, r) or _table_land_after_the(d, r) \
        or (r.several and g.is_province(best) and not best.approx
            and not _person_like(toks, i, j, d.person_words)) \
        or (j - i >= 2 and best.id in main and g.is_province(best) and not best.approx
            and toks.lower[i] in _COMPASS and _named_past_compass(toks, i, j)
            and not _person_like(toks, i, j, d.person_words)) \
        or (best.kind == "city" and best.id in main and (
            # (not a person's surname of the text alone without a place's cue, which the
            # model reads as no place anywhere: "Héctor Osorno Pailahueque, 45, ... Osorno
            # was serving", read as a body)
            ((best.population >= 100_000 or g.is_capital(best))
             and not (j - i == 1 and r.name in d.marked_surnames and not _place_cue(toks, i, j, g)
                      and not any(x.label_ in ("GPE", "LOC") and x.text == r.name for x in d.ents)))
            # (a town said to lie in its country or province: "Walvis Bay in Namibia")
            or (best.population >= 1000 and _in_its_land(toks, i, j, best, g, after_prep=False))
            or (best.population >= 10_000 and (local or best.population >= 50_000)
                and _match_report(doc, toks, i, j))
            # (a village of 500 after a cue, near a place the text names: "sleeping
            # in Coolgardie" beside Kalgoorlie; not "set at Story" of a school)
            or ((local and best.population >= 500 or _seat(d, best)) and _place_cue(toks, i, j, g)
                and _near_named(d, r))
            # (a town of 20,000 of the text's countries after a verb of travel: "We left Masvingo at 2am")
            or (local and best.population >= 20_000 and i > 0 and toks.lower[i - 1] in _TRAVEL_VERBS)
            # (... or one of several words the model took for a body acting: "Nowy Targ recorded
            # the highest reading"; not a surname alone, "that Colton experienced")
            or (local and best.population >= 20_000 and r.label == "ORG" and doc[j - 1].dep_ == "nsubj" and j - i >= 2
                and normalize(r.name) not in FIRMS and normalize(r.name) not in _BRANDS
                and not _person_like(toks, i, j, d.person_words))
            or (local and best.population >= 1000 and (
                _place_cue(toks, i, j, g) or _coordinated(toks, doc[i:j], taken) or _seized_before(toks, i)
                or _home_of_person(toks, i) or r.headline
                or _after_place(toks, j) or r.owner == best.country))
            # (a town of 20,000 abroad after "in", "to", "near": "across the gulf to Eilat";
            # or listed with places found: "the lights of Aqaba in Jordan and Eilat")
            or (best.population >= 20_000 and j - i == 1 and i > 0
                and (toks.lower[i - 1] in _GOING_PREPS or _coordinated(toks, doc[i:j], taken))
                and not _person_like(toks, i, j, d.person_words))
            # (a town of 50,000 before a place's noun, whatever countries the
            # text has named so far: "arrested by Danbury police")
            or (best.population >= 50_000 and _after_place(toks, j)
                and not _person_like(toks, i, j, d.person_words)))) \
        or (local and (j - i == 1 or r.several) and best.id not in main and bool(d.doc_countries)
            and not r.own_local and best.population >= 1000 and _place_cue(toks, i, j, g)
            and not _person_like(toks, i, j, d.person_words))


def _accept_inside_entity(d: _Detection, r: _Reading, whole: Optional[tuple[int, int]]) -> bool:
    """A place inside an organisation's name ("Kentucky State Police",
    "Mansfield Police Department", "University of Rochester"): it opens the
    name or follows "of"/"in"/"at", closes it as a great city or a club's
    town, is listed after a place the model took in, or is a province
    opening its council's name."""
    toks, g = d.toks, d.g
    i, j, name, best, main, ents = r.i, r.j, r.name, r.best, r.main, r.ents
    if whole is not None and (_said_person(toks, whole) or _in_signed_name(toks, i, j)
                              or (whole[0] < i - 1 and _titled_given(toks, i))
                              or (i == whole[0] > 0 and 2 <= whole[1] - whole[0] <= 3
                                  and (toks.lower[i - 1].rstrip(".") in TITLES or _photo_credit(toks, whole)))
                              or (r.label in ("GPE", "LOC") and _listed_with_person(toks, whole[0], whole[1], g))
                              or (r.label not in ("GPE", "LOC") and i > whole[0] and whole[1] - whole[0] == 2
                                  and toks.title[whole[0]] and toks.alpha[whole[0]]
                                  and _after_title_comma(toks, whole[0]))):
        # "said Georgia Evans, who lives nearby", "By Georgia Evans, Crime
        # Reporter", "spokeswoman Georgia Lynch", a caption's "(Georgia Evans)",
        # "Thomas Lubanga and Germain Katanga": a person the model took for a body or a place
        return False
    local = _local_town(d, best)
    # (not a word of two letters: "Al" of "Al Jazeera" is no Norwegian town;
    # nor a particle of an Arabic name before the rest of it: "Abu Sayyaf")
    # (nor a body's head noun before "of", named like a small town: "the
    # Confederation of South African Trade Unions")
    first = whole is not None and i == whole[0] and len(normalize(name)) > 2 \
        and not (j - i == 1 and toks.lower[i] in _NAME_PARTICLES and j < toks.n and toks.title[j]) \
        and not (j - i == 1 and j < whole[1] and toks.lower[j] == "of" and best.population < _CLOSING_CITY_POP
                 and not _top_level(best))
    after_of = i > 0 and toks.lower[i - 1] in ("of", "in", "at", "for")
    schooled = _schooled(toks, i)
    # (or after a route's preposition in lower case inside what the model took
    # for one name, which no body's name holds: "from Claremorris through
    # Tuam", "a ferry from Gourock via Dunoon")
    routed = whole is not None and whole[0] < i - 1 and toks.text[i - 1] in _ROUTE_PREPS
    # a saint's name opening a church's or hospital's name ("St.
    # Rose Dominican Hospital") is a place only when a big one
    saint = toks.lower[i].rstrip(".") in ("st", "saint", "ste", "san", "santa") \
        and best.population < 50_000
    # a great city closing the name ("Real Madrid", "Bayern Munich")
    # (not "London" of "New London", whose longer name is a place)
    # (a smaller one, of 100,000, after a club's word or two words or
    # more, not in a byline's name nor after a compass word: "Inter
    # Miami", "Red Bull Salzburg"; not "By Aminu Bello", "South Charlston")
    last = whole is not None and j == whole[1] and best.population >= _CLOSING_CITY_POP \
        and i > whole[0] and not g.exact(toks.span_text(i - 1, j)) \
        and (best.population >= 500_000 or (
            (i - whole[0] >= 2 or toks.lower[whole[0]] in CLUB_PREFIXES)
            and "by" not in toks.lower[max(0, whole[0] - 1):whole[0] + 1]
            and not _compass_word(toks.text[i - 1])))
    # (or listed after a place inside what the model took for one
    # name: "around Alicante and Murcia" as one organisation)
    listed = whole is not None and i > whole[0] and toks.lower[i - 1] in ("and", "or", ",") \
        and (j == whole[1] or toks.lower[j] in ("and", "or", ",")) and _coordinated(toks, d.doc[i:j], d.taken)
    # (or a town closing a club's name opened by its letters: "IFK Göteborg", "FC Inter Turku")
    club = whole is not None and j == whole[1] and i > whole[0] and toks.text[whole[0]].isupper() \
        and toks.lower[whole[0]] in CLUB_OPENERS and best.kind == "city" and best.population >= 20_000 \
        and not _person_like(toks, i, j, d.person_words)
    # (or a province of the text's country after "of": "the University of Thessaly")
    # (or an Irish or British county opening its council's name: "Kerry County Council")
    # (or a province's own name opening its council's, police's or
    # government's: "North Yorkshire Council", "Lagos State Government", the
    # state's word kept where the name holds it)
    council = first and j < toks.n and toks.title[j] and (
        (toks.lower[j] == "county" and any(_isles_county(e) for e in ents))
        or (toks.lower[j] in _BODY_HEADS and best.kind == "region" and best.id in main
            and best.source in ("subdivision", "extra") and not best.approx)
        or (j - i >= 2 and toks.lower[j - 1] == "state" and best.kind == "region"
            and best.source in ("subdivision", "extra") and not best.approx))
    # (or a great town of a million inside a school's name: "Duke Kunshan University")
    school = whole is not None and whole[0] < i and j < whole[1] and toks.lower[whole[1] - 1] in _SCHOOL_TAILS \
        and best.kind == "city" and best.id in main and best.population >= 1_000_000
    # (or one of two towns the model took together for a body: "a ferry from Gourock to Dunoon")
    paired = whole is not None and (i, j) in (_town_pair(toks, whole[0], whole[1], g) or ())
    # (or an island's own name of two words or more opening a body's name or
    # after "of": "The Rottnest Island Authority", "the shire of Kangaroo Island")
    island = (first or after_of) and j - i >= 2 and toks.lower[j - 1] in _ISLAND_WORDS and best.id in main \
        and not _person_like(toks, i, j, d.person_words)
    # (or a person's home town closing what the model took for a body, its
    # country or state after it: "Mathis Girard of Chamonix, France")
    home = after_of and whole is not None and j == whole[1] and i - 2 > whole[0] and toks.title[i - 2] \
        and best.kind == "city" and _in_its_land(toks, i, j, best, g, link=",", after_prep=False)
    return _top_level(best) or club or council or school or paired or island or home \
        or (after_of and best.source == "subdivision" and not best.approx
            and best.country in d.doc_countries) \
        or (not saint and (first or after_of or last or listed or routed) and best.kind == "city"
            and best.id in main
            # (a university's town, though a person of the text bears its name:
            # "Lawyer Mirta Concepción ... the National University of Concepción")
            and ((schooled and best.population >= 20_000) or not _person_like(toks, i, j, d.person_words))
            and (best.population >= 20_000
                 # (a small town named by common words only is not one on
                 # the body's word alone: "the National Park Service")
                 or (local and best.population >= 2000
                     and not all(toks.lower[k] in COMMON_WORDS for k in range(i, j)))))


#: Romance words for "of" inside a body's or a club's name ("Vitória de Guimarães", "Banco do Brasil")
_ROMANCE_OFS = {"de", "da", "do", "del", "di", "du", "des", "dos", "das"}
#: ... and the least people of the town after one that is the name's place
ROMANCE_OF_TOWN_POP = 20_000


def _romance_of_town(toks: _Tokens, g, k: int, end: int) -> bool:
    """Token ``k`` is a Romance "of" and ``toks[k+1:end]`` a capitalised
    name whose own place is a land, a province or a town of 20,000
    ("... de Guimarães" closing a club's name)."""
    if not (k + 1 < end and toks.lower[k] in _ROMANCE_OFS and toks.title[k + 1] and k > 0 and toks.title[k - 1]):
        return False
    name = toks.span_text(k + 1, end)
    main = g.main_ids(name)
    return any(e.id in main and (_top_level(e) or e.kind == "city" and e.population >= ROMANCE_OF_TOWN_POP)
               for e in g.exact(name))


#: a school's word before "of" and its town's name ("the University of Concepción")
_SCHOOL_HEADS = {"university", "college", "polytechnic"} | UNIVERSITY_WORDS


def _schooled(toks: _Tokens, i: int) -> bool:
    """The name at ``i`` follows a school's capitalised word and "of" ("the
    National University of Concepción said"): the school's town."""
    return i > 1 and toks.lower[i - 1] == "of" and toks.lower[i - 2] in _SCHOOL_HEADS and toks.title[i - 2]
#: particles that open an Arabic name ("Abu Sayyaf", "Ibn Battuta", "Umm Kulthum")
_NAME_PARTICLES = {"abu", "ibn", "bin", "bint", "umm", "abd", "ould"}
#: prepositions of a route or a way that no body's name holds inside it
_ROUTE_PREPS = {"through", "via", "towards", "toward", "past", "beyond"}
#: last words of an island's name
_ISLAND_WORDS = {"island", "islands", "isle", "isles"}
#: last words of a school's name
_SCHOOL_TAILS = {"university", "college", "institute", "academy", "school"}


def _photo_credit(toks: _Tokens, whole: tuple[int, int]) -> bool:
    """The name ``toks[whole]``, all capitalised words, stands alone in
    brackets at a line's end, a picture's credit ("... on Tuesday. (Georgia
    Evans)"), or after a credit's label ("Credit: Georgia Evans")."""
    s, e = whole
    if not all(toks.title[k] and toks.alpha[k] for k in range(s, e)):
        return False
    n = toks.n
    bracketed = toks.text[s - 1] == "(" and e < n and toks.text[e] == ")" \
        and (e + 1 == n or "\n" in toks.text[e + 1] or (toks.is_space[e + 1] and "\n" in toks.text[e + 1]))
    labelled = s >= 2 and toks.text[s - 1] == ":" and toks.lower[s - 2] in ("credit", "photo", "picture", "image")
    return bracketed or labelled


def _said_person(toks: _Tokens, whole: tuple[int, int]) -> bool:
    """The name ``toks[whole]`` of two or three capitalised words follows a
    verb of saying and goes on with ", who", ", a" or an age between commas
    ("said Georgia Evans, who lives nearby"; "said Sydney Clarke, 52,"; "said
    Georgia Mills, a retired teacher"), or goes on with an age or a trade
    wherever it stands: a person, whatever the model made of the name."""
    s, e = whole
    if not 2 <= e - s <= 3 or s == 0 or not all(toks.title[k] and toks.alpha[k] for k in range(s, e)):
        return False
    if e + 1 >= toks.n or toks.text[e] != ",":
        return False
    nxt = toks.text[e + 1]
    if toks.lower[s - 1] not in SAYING_WORDS:
        # (or, whatever comes before, an age between commas, "Paris Mendoza, 34,
        # waves a detector", or a person's trade in apposition: "Ana Carolina
        # Fontes, a researcher at ..."; not "who", which a team takes: "the
        # Sydney Bears, who play in Penrith")
        return _given_age(toks, e) \
            or (nxt in ("a", "an") and any(toks.lower[k] in TITLES for k in range(e + 2, min(toks.n, e + 5))))
    # (or a person's noun in apposition: "said Georgia Mills, a retired teacher")
    return nxt in ("who", "a", "an") \
        or (nxt.isdigit() and len(nxt) <= 3 and e + 2 < toks.n and toks.text[e + 2] == ",")


def _common_word_opening(d: _Detection, i: int, name: str, ents: list[Entry]) -> bool:
    """The one word at ``i`` opens a sentence (or a headline) before a word
    in lower case, the text writes it in lower case elsewhere, and no
    country or province has it as its name: the common word ("Hail rips
    through vineyards ... when hail fell"), not a town named like it."""
    toks = d.toks
    opens = d.doc[i].is_sent_start or (i > 0 and "\n" in toks.text[i - 1])
    return opens and name[1:].islower() and name.lower() in toks.lower_words() \
        and i + 1 < toks.n and toks.text[i + 1].islower() and toks.alpha[i + 1] \
        and not _after_place(toks, i + 1) and not any(_top_level(e) for e in ents)


def _seat(d: _Detection, best: Entry) -> bool:
    """A town of the text's countries that GeoNames lists without a
    population: the seat of a district or a county, which its list keeps
    whatever its size (no village of a few houses)."""
    return best.kind == "city" and best.source == "city" and best.population == 0 \
        and best.country in d.doc_countries


#: two towns named together, neither found yet, lie at most this far apart
#: to vouch for each other (:func:`_paired_neighbour`)
PAIRED_TOWNS_KM = 100


def _paired_neighbour(d: _Detection, r: _Reading) -> bool:
    """The one-word town joined by "and" to another one-word name (no
    person's for the model) that is the own name of a town of 1,000 of the same
    country of the text's, within PAIRED_TOWNS_KM: two neighbours named
    together, whatever the parse made of them ("Kestilä and Piippola have
    merged their schools"); two persons' given names are not both towns of
    the text's country a short way apart."""
    toks, g, best = d.toks, d.g, r.best
    i, j = r.i, r.j
    if j - i != 1 or best.country not in d.doc_countries:
        return False
    n = toks.n
    other = j + 1 if j + 1 < n and toks.lower[j] == "and" else i - 2 if i >= 2 and toks.lower[i - 1] == "and" else None
    if other is None or not (toks.title[other] and toks.alpha[other] and toks.ent_type[other] != "PERSON") \
            or (other + 1 < n and toks.title[other + 1]) or (other > 0 and toks.title[other - 1]):
        return False
    word = toks.text[other]
    main = g.main_ids(word)
    return any(e.id in main and e.kind == "city" and e.country == best.country and e.population >= 1000
               and haversine_km(e.lat, e.lon, best.lat, best.lon) <= PAIRED_TOWNS_KM for e in g.exact(word))


def _distanced_town(d: _Detection, r: _Reading) -> bool:
    """A town of 500 by its own name, all capitalised, that a distance
    follows in apposition ("at Avalon, about 15 miles up the coast";
    "Haines, just 15 miles down the canal")."""
    return _distance_after(d.toks, r.j) and all(d.toks.title[k] for k in range(r.i, r.j)) and any(
        e.kind == "city" and e.id in r.main and e.population >= 500 for e in r.ents)


def _accept_unlabelled(d: _Detection, r: _Reading) -> bool:
    """A name the model left outside any entity: a run of proper nouns (or
    a place's own name with its article, or joined by hyphens) that is a
    country, a big town or one a cue or list speaks for; a capital acting
    for its government; a region of our table after a preposition; a
    headline's first word; a big town before a place's noun, or read as a
    common noun."""
    doc, toks, g, taken = d.doc, d.toks, d.g, d.taken
    i, j, name, best, main = r.i, r.j, r.name, r.best, r.main
    if j < toks.n and toks.text[j] == "river" and all(toks.title[k] and toks.pos[k] == "PROPN" for k in range(i, j)) \
            and i > 0 and toks.lower[i - 1] in ("the", "upper", "lower"):
        # a name the model left out before a lower-case "river" after "the":
        # the river of the department or town named after it ("the upper
        # Allier river", "the Ohio river"), though the model read it as a
        # person elsewhere (a headline's "Allier salmon hatchery ...")
        return True
    # (a name may open with its article, when the place's own name does:
    # "The Dalles", "A Coruña"; not "The Texas Cowboys", a band)
    article = j - i >= 2 and toks.lower[i] in _NAME_ARTICLES \
        and best.name.lower().startswith(toks.lower[i] + " ") and not (j < toks.n and toks.title[j])
    # (its first word may be a capitalised small word the model read as one: "Can Tho", "An Giang")
    # (or an adverb for the tagger, by its "-ly" alone: "Sicily recorded ...")
    if all(toks.pos[k] == "PROPN" or toks.text[k] in _INNER_JOINERS
           or (k == i and j - i >= 2 and toks.stop[k] and toks.title[k] and toks.lower[k] not in _NAME_ARTICLES)
           or (toks.pos[k] == "ADV" and toks.title[k] and toks.lower[k].endswith("ly") and best.id in main)
           for k in range(i, j)) \
            or (article and all(toks.title[k] for k in range(i + 1, j))) \
            or (_hyphen_joined(toks, i, j) and toks.pos[i] == "PROPN"):
        return not _person_like(toks, i, j, d.person_words) and (
            _top_level(best) or r.headline or _body_after(toks, j, best, main) or _province_at_home(d, r)
            # (a village of 500 too: "stopped at Woolacombe"; not an office's
            # title, "a candidate for Secretary of State")
            or (_place_cue(toks, i, j, g) and (
                best.population >= 1000 or (best.population >= 500 and not (j - i == 1 and toks.lower[i] in TITLES))
                or (best.source == "subdivision" and not best.approx)
                # (or a district's seat GeoNames gives no population, near a place named:
                # "a 23-year-old from Sukadana" beside Ketapang)
                or (_seat(d, best) and best.id in main and _near_named(d, r))))
            or _front_town(d, r)
            # (a town of 20,000 of the text's countries by its own name, which
            # the model left out: "Nizwa, with its fort and ..." in a story of
            # Oman; alone, not after a name or a verb of saying: "Photo: Jordan
            # Marietta", "said Logan", "Rugby Correspondent")
            or (best.kind == "city" and best.id in main and best.country in d.doc_countries
                and best.population >= 20_000 and not (j < toks.n and toks.title[j])
                and not (i > 0 and (toks.title[i - 1] and toks.pos[i - 1] == "PROPN"
                                    or toks.lower[i - 1] in SAYING_WORDS)))
            or (best.kind == "city" and best.id in main and (
                best.population >= 100_000 or g.is_capital(best)
                or (best.population >= 1000 and (_coordinated(toks, doc[i:j], taken)
                                                 or _paired_neighbour(d, r)
                                                 or _after_place(toks, j)
                                                 # ("Kotor, in Montenegro, introduced ...")
                                                 or _in_its_land(toks, i, j, best, g, ",", after_prep=False)
                                                 # ("shares it with Onslow in Western Australia")
                                                 or _in_its_land(toks, i, j, best, g)))))
            or (r.biggest.kind == "city" and r.biggest.id in main and r.biggest.population >= 100_000)
            # (a big town's other name of several words: "Talisay City")
            or (r.several and best.kind == "city" and best.population >= 100_000)
            # (a river or a range of our table by its own name of one word after "the", nothing
            # capitalised after it: "before joining the Zambezi in Mozambique")
            or (j - i == 1 and i > 0 and toks.lower[i - 1] == "the" and not (j < toks.n and toks.title[j])
                and any(e.kind == "feature" and e.source == "extra" and e.id in main for e in r.ents)))
    if _distanced_town(d, r):
        return True
    if j - i == 1 and toks.title[i] and (best.id in main or _capital_spelling(name, best, g)) \
            and (best.kind == "country" or g.is_capital(best)) and (
                _speaking(doc[i]) or (_acting(doc[i]) and best.population >= 100_000)):
        return True  # "Montevideo said ...", "Tunis extended ...": a capital acting for its government
    if j - i >= 2 and all(toks.title[k] for k in range(i, j)) and best.source == "extra" \
            and best.kind in ("region", "feature") and best.id in main and _prep_before(toks, i) \
            and not (j < toks.n and toks.title[j]):
        # a region or feature of our table whose words the model read as
        # common ones, after a place's preposition ("across the Top End")
        return True
    if r.headline and (j - i == 1 or _hyphen_joined(toks, i, j)):
        # (the model reads a headline's first word as anything: "Read more: Taiping hawkers ...")
        return _headline_noun(toks, r) or not _person_like(toks, i, j, d.person_words)
    if _after_place(toks, j) and (all(toks.title[k] for k in range(i, j)) or _hyphen_joined(toks, i, j)):
        # "Peshawar police said ...": a big town before a place's noun,
        # where the model read an adjective or a common noun
        return not _person_like(toks, i, j, d.person_words) and (
            _top_level(best) or (best.kind == "city" and best.id in main
                                 and (best.population >= 100_000 or g.is_capital(best))))
    if j - i >= 2 and all(toks.title[k] for k in range(i, j)) and best.kind == "city" and best.id in main \
            and best.country in d.doc_countries and best.population >= 1000 and _place_cue(toks, i, j, g):
        # a town of the text's country by its own name of several words that
        # the model read as common ones, after a place's cue ("Supermarkets in
        # Half Way Tree reported long lines")
        return not _person_like(toks, i, j, d.person_words)
    if j - i == 1 and toks.title[i] and toks.pos[i] in ("NOUN", "VERB", "ADJ") \
            and name.lower() not in toks.lower_words():
        # a big town by its own name that the model read as a common noun
        # ("Oradea, often held up as a model, ..."), or a town of 10,000 after
        # a place's cue ("found by detectorist near Dumfries"), which the
        # text never writes in lower case
        cue = _place_cue(toks, i, j, g)
        # (or a town of 20,000 of the text's countries near a place it names:
        # "Écija, long nicknamed ...", "and Timmins cost" in a story of
        # Andalusia, of Ontario; "Best time: March" of a trip abroad is no
        # Best, nor is a verb before its object, "Pace yourself")
        near = best.kind == "city" and best.id in main and best.population >= 20_000 \
            and best.country in d.doc_countries and not (j < toks.n and toks.pos[j] == "PRON") and _near_named(d, r)
        return not _person_like(toks, i, j, d.person_words) and (near or any(
            e.kind == "city" and e.id in main and (e.population >= 100_000 or cue and e.population >= 10_000)
            for e in r.ents))
    return False


#: a division's kind as an adjective after its name ("the Hyogo prefectural government")
_DIVISION_ADJECTIVES = {"prefectural", "provincial", "regional", "cantonal", "departmental"}
#: ... and all the words of a division's kind after its name
_DIVISION_KINDS = _DIVISION_WORDS | _DIVISION_KINDS_ABROAD | _DIVISION_ADJECTIVES


#: a temperature or a fall of rain or snow written as one token ("49.8C", "-17.2°C", "120mm")
_READING = re.compile(r"^[-−]?\d+(?:\.\d+)?(?:°?[CF]|mm|cm)$")
#: units written apart from their figure ("120 mm of rain", "40 centimetres")
_READING_UNITS = {"mm", "cm", "millimetres", "millimeters", "centimetres", "centimeters", "inches", "°c", "°f",
                  "degrees"}
#: the most lower-case words between a name and its reading ("had received", "was hit by")
READING_GAP = 3


def _weather_reading(toks: _Tokens, j: int) -> bool:
    """A weather reading follows the name ending at ``j``: a temperature or
    a fall of rain, after at most READING_GAP lower-case words ("Dadu
    50.1C", "Sicily recorded 46.3C", "Lugano had received 120 mm of rain"):
    a weather station's town, as bulletins write it."""
    k = j
    while k < toks.n and k - j < READING_GAP and toks.text[k].islower() and toks.alpha[k]:
        k += 1
    if k >= toks.n:
        return False
    if _READING.match(toks.text[k]):
        return True
    return toks.like_num[k] and k + 1 < toks.n and toks.lower[k + 1] in _READING_UNITS


def _by_form(d: _Detection, r: _Reading) -> bool:
    """Step 3 of :func:`_accept_span`: names that say what they are by their
    form or their company, whatever the model made of them (a PERSON or a
    DATE only where said)."""
    toks, g = d.toks, d.g
    i, j, name, best, main, ents, label = r.i, r.j, r.name, r.best, r.main, r.ents, r.label
    if best.id in main and (best.kind != "city" or best.population >= 1000) \
            and (best.country in d.doc_countries or _top_level(best)) and _weather_reading(toks, j) \
            and not (i > 0 and toks.title[i - 1] and toks.alpha[i - 1]) \
            and not _person_like(toks, i, j, d.person_words):
        # a town of the text's countries, or a land, before its weather
        # reading, whatever the model made of it ("MeteoSwiss said Lugano had
        # received 120 mm of rain", "Sicily recorded 46.3C"; not the end of a
        # longer name, "Sky Harbor airport reached 112 degrees")
        return True
    dated = label in ("DATE", "TIME")
    person_or_dated = dated or label == "PERSON"
    followed = j < toks.n and toks.title[j]  # (a capitalised word goes on: another, longer name)
    if best.source == "subdivision" and not best.approx and best.id in main and not person_or_dated \
            and _holds_town_before(d, i, best) and not followed:
        return True  # "at Battle, East Sussex, on Saturday": the division of the town named before it
    # (the division by its own name though a town is better known by
    # another of its names: "Kassala and Gedaref", Gedaref's town being Al Qadarif)
    own_division = best if best.source == "subdivision" and not best.approx and best.id in main else next(
        (e for e in ents if e.source == "subdivision" and not e.approx and e.id in main
         and e.country == best.country and best.id not in main), None)
    if own_division is not None and not person_or_dated \
            and toks.lower[i] not in _REGION_OPENERS \
            and not _common_word(name, j - i, own_division) \
            and not _person_like(toks, i, j, d.person_words) \
            and (_coordinated(toks, d.doc[i:j], d.taken) or _listed_with_division(d, i, j, own_division)):
        # a province or county in a list with places ("Rogaland, Vestfold,
        # Telemark"), or with another province of its country the model
        # missed as well ("swept over Albay and Camarines Sur")
        return True
    if not person_or_dated and toks.lower[i] not in _REGION_OPENERS:
        # a country's great part by its own name after a place's cue, whatever
        # the model made of it and however small its namesakes ("across Molise"),
        # or any division of the text's country ("boys from Fife");
        # all of a name ("Far North Queensland", "Southland Vista Court" are others)
        province = next((e for e in ents if e.id in main and not e.approx and (
            g.is_province(e) or e.source == "subdivision" and e.country in d.doc_countries)), None)
        if province is not None and not _common_word(name, j - i, province) and not followed \
                and (_place_cue(toks, i, j, g) or _the_after_prep(toks, i, j)) \
                and not _person_like(toks, i, j, d.person_words):
            return True
        # a division of the text's country by its own name, which says what it
        # is by its form ("Bouches-du-Rhône", "Nouvelle-Aquitaine") or by its
        # kind after it ("the Gironde département", "Opole Voivodeship", "the
        # Hyogo prefectural government")
        division = next((e for e in ents if e.id in main and not e.approx and e.source == "subdivision"
                         and e.country in d.doc_countries), None)
        if division is not None and not _common_word(name, j - i, division) \
                and (_hyphen_joined(toks, i, j)
                     or (j < toks.n and toks.lower[j] in _DIVISION_KINDS)) \
                and not _person_like(toks, i, j, d.person_words):
            return True
    if j - i >= 2 and not person_or_dated and toks.lower[i] in _COMPASS and not followed \
            and _named_past_compass(toks, i, j) \
            and any(e.id in main and not e.approx and g.is_province(e) for e in ents) \
            and not _person_like(toks, i, j, d.person_words):
        return True  # "Central Visayas finished third": a province's own name opened by a compass word
    if j - i == 1 and not person_or_dated and _shire(name) \
            and any(e.id in main and e.kind == "region" and not e.approx for e in ents) \
            and not _person_like(toks, i, j, d.person_words):
        return True  # "Readers in Pembrokeshire": a county that says what it is by its ending
    if j - i == 2 and toks.lower[i + 1] in _TOWN_TAILS and toks.title[i] and toks.title[i + 1] and not dated \
            and best.kind == "city" and best.id in main and best.population >= TOWN_TAIL_POP \
            and not (j < toks.n and toks.title[j]) and not _person_like(toks, i, j, d.person_words):
        return True  # "Broken Hill and Moree", "supply Walvis Bay": a town's own name ending in a feature's word
    if j - i >= 2 and toks.lower[i] in _TOWN_OPENERS and toks.title[i] and not dated \
            and any(e.kind == "city" and e.id in main and e.population >= 1000 for e in ents):
        return True  # "Port Augusta", "Fort Nelson": a town's own name that says what it is
    if not dated and _hyphen_joined(toks, i, j) and any(toks.lower[k] in HYPHEN_LINKS for k in range(i + 1, j - 1)) \
            and any(e.kind == "city" and e.id in main for e in ents) and not _person_like(toks, i, j, d.person_words):
        return True  # "Graye-sur-Mer", "Arromanches-les-Bains", "Newcastle-under-Lyme": a town's form
    if not dated and _base_of(toks, i) and best.kind == "city" and best.id in main \
            and (best.population >= 10_000 or (best.population >= 1000 and best.country in d.doc_countries)):
        return True  # "RAAF Base Darwin", "Naval Station Mayport": a base named after its town
    if not dated and _state_after(toks, j, ents, main, g) and not _person_like(toks, i, j, d.person_words):
        return True  # "Renmark, SA: 47.0C", "Coober Pedy, South Australia": a town of the state named after it
    if not dated and _route_pair(d, r):
        return True  # "the Settle–Carlisle line", "the Abuja–Kaduna service": the two ends of a route
    if not person_or_dated and _stage_pair(d, r):
        return True  # "Stage 20: Segovia – Bola del Mundo, 159 km": the two ends of a day's run
    return False


#: nouns after two places joined by a dash that make the pair a route or a border between them
_ROUTE_HEADS = {"line", "lines", "route", "routes", "railway", "railroad", "rail", "road", "highway", "motorway",
                "expressway", "freeway", "corridor", "border", "boundary", "frontier", "service", "services",
                "express", "flight", "flights", "link", "pipeline", "train", "trains", "bus", "ferry", "crossing",
                "section", "stretch", "shuttle", "connection", "canal", "tunnel"}
#: dashes that join the two ends of a route ("Lagos–Ibadan", "Mombasa-Nairobi")
_PAIR_DASHES = ("-", "–", "—")
#: a town this big at one end vouches for a route's other end that no rule found
_ROUTE_END_POP = 50_000


def _pair_side(toks: _Tokens, start: int, step: int) -> tuple[int, int]:
    """The capitalised words of a route's other end from ``start`` (at most
    three), read forwards (``step`` 1) or backwards (-1), as ``(i, j)``."""
    k, n = start, toks.n
    while 0 <= k < n and abs(k - start) < 3 and toks.title[k] and toks.alpha[k]:
        k += step
    return (start, k) if step > 0 else (k + 1, start + 1)


def _route_pair(d: _Detection, r: _Reading) -> bool:
    """The name is one end of two places joined by a dash, no space about
    it, before a route's or a border's noun ("the Settle–Carlisle line",
    "the Abuja–Kaduna service", "the Lagos–Ibadan standard gauge line"): a
    town or a division by its own name, the other end a place found or one
    the gazetteer knows by its own name, and one of the two found already or
    a town of 50,000 (not "the Mason–Dixon line" of two small towns' names)."""
    toks, g, taken = d.toks, d.g, d.taken
    i, j, best = r.i, r.j, r.best
    n = toks.n
    if best.id not in r.main or not (best.kind == "region" or best.kind == "city" and best.population >= 1000):
        return False
    if j + 1 < n and toks.text[j] in _PAIR_DASHES and not toks.space[j - 1] and not toks.space[j]:
        other = _pair_side(toks, j + 1, 1)
        after = other[1]
    elif i >= 2 and toks.text[i - 1] in _PAIR_DASHES and not toks.space[i - 2] and not toks.space[i - 1]:
        other = _pair_side(toks, i - 2, -1)
        after = j
    else:
        return False
    if other[0] >= other[1]:
        return False
    # the route's noun, after at most two lower-case words ("high-speed
    # line"), or the capitalised last word of the route's name ("the
    # Lagos-Ibadan Expressway")
    k = after
    while k < n and k - after < 3 and toks.lower[k] not in _ROUTE_HEADS \
            and (toks.text[k].islower() or toks.text[k] == "-"):
        k += 1
    if k >= n or toks.lower[k] not in _ROUTE_HEADS or not (
            toks.text[k].islower() or (k == after and toks.title[k] and not (k + 1 < n and toks.title[k + 1]))):
        return False
    found = any(taken[x] for x in range(*other))
    if not found:
        name = toks.span_text(*other)
        own = g.main_ids(name)
        ends = [e for e in g.exact(name) if e.id in own and (e.kind == "region" or e.kind == "city"
                                                              and e.population >= 1000)]
        if not ends or max(best.population, *(e.population for e in ends)) < _ROUTE_END_POP:
            return False
    return not _person_like(toks, i, j, d.person_words)


def _stage_pair(d: _Detection, r: _Reading) -> bool:
    """The name is one end of a stage's or a day's run, two places joined by
    a spaced dash before its length ("Stage 20: Segovia – Bola del Mundo,
    159 km", "5. Bentong – Genting Highlands, 112km", "Day 3: Cusco – Ollantaytambo,
    80 km"): a town of 1,000 or a division by its own name; the other end's
    words capitalised (or small joining words: "Bola del Mundo")."""
    toks = d.toks
    i, j, best = r.i, r.j, r.best
    n = toks.n
    if best.id not in r.main or not (best.kind == "region" or best.kind == "city" and best.population >= 1000):
        return False
    if j + 1 < n and toks.text[j] in _PAIR_DASHES and toks.space[j - 1] and toks.space[j] and toks.title[j + 1]:
        end = j + 1
        while end < n and end - j <= 6 and (toks.title[end] or toks.lower[end] in _INNER_JOINERS):
            end += 1
    elif i >= 2 and toks.text[i - 1] in _PAIR_DASHES and toks.space[i - 2] and toks.space[i - 1] \
            and toks.title[i - 2]:
        end = j
    else:
        return False
    return _distance_after(toks, end) and not _person_like(toks, i, j, d.person_words)


#: how far from a division's centre a town named before it ("Battle, East Sussex") may lie
_HELD_KM = 150.0


def _holds_town_before(d: _Detection, i: int, division: Entry) -> bool:
    """Whether a place found before ", " at ``i`` has a namesake town within
    ``_HELD_KM`` of the division's centre ("Battle, East Sussex")."""
    if i < 2 or d.toks.text[i - 1] != "," or not d.taken[i - 2] or division.lat is None:
        return False
    before = next((m for m in d.mentions if m.span is not None and m.span.end == i - 1), None)
    return before is not None and any(
        e.kind == "city" and e.lat is not None and e.country == division.country
        and haversine_km(e.lat, e.lon, division.lat, division.lon) <= _HELD_KM for e in before.cands[:60])


def _former_name(toks: _Tokens, i: int) -> bool:
    """The name at ``i`` follows words that give a place's former name:
    "formerly known as", "known until 2016 as", "once called", "then
    called", "still called", "renamed from", "formerly"."""
    if i == 0:
        return False
    prev = toks.lower[i - 1]
    if prev in ("formerly", "previously") or (prev == "from" and i > 1 and toks.lower[i - 2] == "renamed"):
        return True
    if prev == "called" and i > 1 and toks.lower[i - 2] in ("once", "then", "formerly", "previously", "first",
                                                            "still", "long"):
        return True  # (and "still called Umtata in the files", "long called Bombay")
    if prev != "as":
        return False
    # "known as", with "formerly", "once" or "until <year>" before or inside it
    window = toks.lower[max(0, i - 6):i - 1]
    return "known" in window and any(w in window for w in ("formerly", "once", "until", "previously", "then"))


def _lone_name(doc, toks: _Tokens, i: int) -> bool:
    """Token ``i`` is a whole entity of its own, no possessive after it, not
    the subject of a verb (a bare surname acts: "Vidin said"), nor in
    apposition or a list (the others would be surnames too: "her husband,
    Jerome", "Day, Edwards and Miller"), nor after an apostrophe (a name cut
    by one)."""
    if i + 1 < toks.n and (toks.ent_iob[i + 1] == "I" or toks.lower[i + 1] in ("'s", "’s")):
        return False
    if i > 0 and toks.text[i - 1] in ("'", "’"):
        return False
    t = doc[i]
    return t.dep_ not in ("nsubj", "nsubjpass", "compound", "poss", "appos", "conj") \
        and not any(c.dep_ in ("conj", "appos") for c in t.children)


#: general words or statesmen's names that name a town first after "in" or "near"
_TOWN_FIRST_WORDS = {"lincoln", "jefferson", "franklin", "hamilton", "madison", "monroe", "jackson",
                     "clinton", "reading", "bath", "buffalo", "troy", "mobile", "nice"}


#: prepositions of place before "the" and a province's name that takes it ("in the Free State")
_THE_PREPS = {"in", "across", "throughout", "into", "inside", "around"}


def _the_after_prep(toks: _Tokens, i: int, j: int) -> bool:
    """"the" and a preposition of place before ``toks[i:j]`` ("In the Free
    State, ...", "across the Punjab"), no "of" and a name after it ("across
    the Gulf of Salerno" names another place)."""
    return i > 1 and toks.lower[i - 1] == "the" and toks.lower[i - 2] in _THE_PREPS \
        and not (j + 1 < toks.n and toks.lower[j] == "of" and toks.title[j + 1])


#: prepositions no person's name follows as often as a place's
_STRICT_PREPS = {"in", "near", "outside", "around", "throughout", "inside", "within"}


def _strictly_located(toks: _Tokens, i: int, j: int) -> bool:
    """The one word ``toks[i]`` follows a preposition of place no person
    takes ("in", "near", "around") or a compass word and "of" ("south of"),
    and no capitalised word, possessive or age goes on after it."""
    if i == 0 or (j < toks.n and (toks.title[j] or toks.lower[j] in ("'s", "’s"))):
        return False
    if j + 1 < toks.n and toks.text[j] == "," and toks.text[j + 1].isdigit():
        return False  # "in Bolton, 34, ...": an age
    prev = toks.lower[i - 1]
    if prev in _STRICT_PREPS and toks.text[i - 1].islower():
        return not (prev == "in" and i > 1 and toks.lower[i - 2] in ("confidence", "faith", "trust", "interest"))
    return prev == "of" and i > 1 and toks.lower[i - 2] in _COMPASS and toks.text[i - 2].islower()


#: nouns of a settlement before "of" and its name ("the city of Toyota")
_TOWN_NOUNS = {"city", "town", "village", "port", "hamlet", "municipality", "township"}


def _town_noun_of(toks: _Tokens, i: int) -> bool:
    """The name follows a settlement's noun and "of" ("the city of Toyota",
    "the town of Reading"): a town, whatever else the word names."""
    # (not a nickname's plural: "the City of Lakes", "the City of Angels")
    return i >= 2 and toks.lower[i - 1] == "of" and toks.lower[i - 2] in _TOWN_NOUNS \
        and not (toks.title[i - 2] and toks.lower[i].endswith("s"))


def _town_in_common_word(toks: _Tokens, i: int, j: int, name: str, best: Entry, main,
                         person_words: set[str]) -> bool:
    """One of :data:`_TOWN_FIRST_WORDS` naming a town of 20,000 by its own
    name right after "in", "near" or "outside", or before "-based" ("a
    Bath-based designer"), and no person's or owner's name here (no title
    before it, no "'s" or capitalised word after it)."""
    based = j + 1 < toks.n and toks.text[j] == "-" and toks.lower[j + 1] == "based" \
        and not toks.space[j - 1]
    if j - i != 1 or normalize(name) not in _TOWN_FIRST_WORDS \
            or not (based or (i > 0 and toks.lower[i - 1] in ("in", "near", "outside"))):
        return False
    if j < toks.n and (toks.title[j] or toks.lower[j] in ("'s", "’s")):
        return False
    return best.kind == "city" and best.id in main and best.population >= 20_000 \
        and not _person_like(toks, i, j, person_words)


def _common_town_council(d: _Detection, r: _Reading) -> bool:
    """One of :data:`_TOWN_FIRST_WORDS` naming a town of 20,000 by its own
    name before its council's words ("Hamilton city council said", "the
    Lincoln City Council") or before "-born" ("a Hamilton-born filmmaker"):
    no person has a council or a birthplace's hyphen."""
    toks, i, j, best = d.toks, r.i, r.j, r.best
    if j - i != 1 or normalize(r.name) not in _TOWN_FIRST_WORDS or j + 1 >= toks.n or not (
            best.kind == "city" and best.id in r.main and best.population >= 20_000):
        return False
    council = toks.lower[j] in ("city", "town", "borough") and toks.lower[j + 1] == "council"
    born = toks.text[j] == "-" and toks.lower[j + 1] == "born" and not toks.space[i] and not toks.space[j]
    return (council or born) and not (i > 0 and toks.lower[i - 1].rstrip(".") in TITLES)


def _common_town_in_land(d: _Detection, r: _Reading) -> bool:
    """One of :data:`_TOWN_FIRST_WORDS` after a preposition, then a comma
    or "in" and the land or province that holds a town of 20,000 with the
    name as its own, whichever of its namesakes is the biggest ("a teacher
    from Hamilton, New Zealand"; "moved to Lincoln in Nebraska")."""
    toks, i, j = d.toks, r.i, r.j
    if j - i != 1 or normalize(r.name) not in _TOWN_FIRST_WORDS:
        return False
    towns = [e for e in r.ents if e.kind == "city" and e.id in r.main and e.population >= 20_000]
    return any(_in_its_land(toks, i, j, e, d.g, link) for e in towns for link in (",", "in")) \
        and not _person_like(toks, i, j, d.person_words)


def _common_town_listed(d: _Detection, r: _Reading) -> bool:
    """One of :data:`_TOWN_FIRST_WORDS` naming a town of 20,000 by its own
    name in a flat list with two places found ("Hastings, Hamilton, Napier",
    "up the coast to Bath, Rockland and Camden"), the name not going on,
    and no person's word here."""
    toks, i, j, best = d.toks, r.i, r.j, r.best
    if j - i != 1 or normalize(r.name) not in _TOWN_FIRST_WORDS or (j < toks.n and toks.title[j]) or not (
            best.kind == "city" and best.id in r.main and best.population >= 20_000):
        return False  # (not a name that goes on: "Pleasant Township, Madison Township and Grove City")
    return _listed_places(toks, i, j, d.taken) >= 2 and not _person_like(toks, i, j, d.person_words)


def _common_town_paired(d: _Detection, r: _Reading) -> bool:
    """One of :data:`_TOWN_FIRST_WORDS` naming a town of 20,000 by its own
    name after "between", "from" or "via" and before "and" and a place found
    ("the line between Reading and Shenfield", "trains from Hamilton and
    Burlington"), or after "via" alone ("from New York via Buffalo")."""
    toks, i, j, best = d.toks, r.i, r.j, r.best
    if j - i != 1 or normalize(r.name) not in _TOWN_FIRST_WORDS or i == 0 or not (
            best.kind == "city" and best.id in r.main and best.population >= 20_000):
        return False
    prev = toks.lower[i - 1]
    paired = prev in ("between", "from", "via") and j + 1 < toks.n and toks.lower[j] == "and" \
        and d.taken[j + 1]
    via = prev == "via" and not (j < toks.n and (toks.title[j] or toks.lower[j] in ("'s", "’s")))
    return (paired or via) and not _person_like(toks, i, j, d.person_words)


def _listed_places(toks: _Tokens, i: int, j: int, taken: list[bool]) -> int:
    """How many places already found stand in the flat list of names around
    doc[i:j] ("A, B and C"), up to two on each side."""
    found = 0
    k = i  # to the left: ", " or " and " then a found place's last token
    while found < 2 and k >= 2 and toks.lower[k - 1] in (",", "and", "or") and taken[k - 2]:
        found += 1
        k -= 2
        while k > 0 and taken[k - 1]:
            k -= 1
    right, k = 0, j
    while right < 2 and k + 1 < toks.n and toks.lower[k] in (",", "and", "or") and taken[k + 1]:
        right += 1
        k += 2
        while k < toks.n and taken[k]:
            k += 1
    return found + right


#: words that open a force's name without naming a town ("Metro Police", "Transit Police")
_FORCE_WORDS = {"metro", "transit", "capitol", "campus", "park", "port", "harbour", "harbor", "royal", "federal",
                "national", "state", "city", "county", "military", "tribal", "border", "railway", "airport"}


def _town_service(d: _Detection, r: _Reading) -> bool:
    """A town of 20,000 of the text's countries (if it names any) named like a common word
    opening its police's or fire service's name ("the Concord Police
    executed two search warrants", "Concord Fire Department"), no person's
    name here and no compass word or force's word of a name ("Central
    Police Station", "Metro Police")."""
    toks, best = d.toks, r.best
    return r.j - r.i == 1 and r.j < toks.n and toks.title[r.j] and toks.lower[r.j] in SERVICE_HEADS \
        and toks.lower[r.i] not in _REGION_OPENERS and toks.lower[r.i] not in _FORCE_WORDS \
        and best.kind == "city" and best.id in r.main \
        and best.population >= 20_000 and (best.country in d.doc_countries or not d.doc_countries) \
        and not _person_like(toks, r.i, r.j, d.person_words)


def _shire(name: str) -> bool:
    """A county's name by its ending ("Pembrokeshire", "Aberdeenshire"), not the bare word."""
    low = name.lower()
    return low.endswith("shire") and len(low) > 7 and name[:1].isupper()


def _state_after(toks: _Tokens, j: int, ents: list[Entry], main: set, g: Gazetteer) -> bool:
    """The name ending before token ``j`` is followed by a comma and the
    name or abbreviation of a state or province ("Renmark, SA", "Mildura,
    Vic.", "Hawkesbury, Ontario") in which a town of the name's own lies."""
    n = toks.n
    if j + 1 >= n or toks.text[j] != "," or not toks.text[j + 1][:1].isupper():
        return False
    for end in range(min(n, j + 4), j + 1, -1):
        if not all(toks.text[k][:1].isupper() and toks.text[k].isalpha() for k in range(j + 1, end)):
            continue
        if end < n and toks.text[end] == "." and not toks.space[end - 1]:
            names = (toks.span_text(j + 1, end + 1), toks.span_text(j + 1, end))
        else:
            names = (toks.span_text(j + 1, end),)
        for state_name in names:
            states = [r for r in g.exact(state_name) if r.kind == "region" and r.admin1 and r.country]
            if any(e.kind == "city" and e.id in main and e.country == r.country and e.admin1 == r.admin1
                   for e in ents for r in states):
                return True
    return False


#: first words of towns' names that say what they are ("Port Lincoln", "Fort Nelson", "Puerto Montt")
_TOWN_OPENERS = {"port", "fort", "puerto", "porto", "ciudad", "bandar", "kota"}
#: last words of a town's own name of two words that say it is a place ("Broken Hill", "Walvis Bay")
#: (not "bridge": a bridge is named so far more often than a town, "the Old Bridge")
_TOWN_TAILS = {"bay", "hill", "hills", "falls", "springs", "harbour", "harbor", "heads", "creek", "beach",
               "wells", "lake", "point", "cove", "rapids"}
#: ... of a town this big
TOWN_TAIL_POP = 10_000


def _prep_before(toks: _Tokens, i: int) -> bool:
    """A locative preposition before ``i``, "the" between them or not ("into the")."""
    k = i - 1 if i > 0 and toks.lower[i - 1] == "the" else i
    return k > 0 and toks.lower[k - 1] in LOC_PREPS and toks.lower[k - 1] != "of"


def _base_of(toks: _Tokens, i: int) -> bool:
    """Whether the name at ``i`` closes a military base's name after its
    capitalised "Base" or "Station" and a word before that ("RAAF Base
    Darwin", "Naval Air Station Oceana")."""
    return i >= 2 and toks.text[i - 1] in BASE_WORDS and (toks.cap[i - 2] or toks.upper[i - 2]) \
        and not toks.stop[i - 2]


#: small words inside a place's name ("Rio Grande do Sul", "Bosnia and
#: Herzegovina" not: "and" would join two places)
_INNER_JOINERS = {"-", "of", "do", "da", "de", "del", "di", "du", "des", "dos", "das", "la", "le", "el",
                  "es"}


def _home_of_person(toks: _Tokens, i: int) -> bool:
    """The name follows a person's name and "of" ("Sen. Tom Lincoln of Eau
    Claire", "Mary Jones of Lebanon"), or a person's name and age ("Tonya
    Hargett, 46, of Killen"): the person's home town."""
    if i < 2 or toks.lower[i - 1] != "of":
        return False
    p = i - 2
    if p >= 3 and toks.text[p] == "," and toks.text[p - 1].isdigit() and toks.text[p - 2] == ",":
        p -= 3  # the age between commas
    return toks.ent_type[p] == "PERSON" and toks.ent_iob[p] in ("B", "I") and toks.title[p]


def _in_its_land(toks: _Tokens, i: int, j: int, best: Entry, g: Gazetteer, link: str = "in",
                 after_prep: bool = True) -> bool:
    """The name ``toks[i:j]`` after a preposition (unless not ``after_prep``),
    and ``link`` ("in", or a comma) and the name of the country, or the
    province, that holds ``best`` right after it ("from Hamilton in New
    Zealand", "for Valencia, Spain", "Kotor, in Montenegro,", "Bisbee, in
    southern Arizona,"; not a verb's object, "met Jackson in Mississippi")."""
    if (after_prep and (i == 0 or toks.pos[i - 1] != "ADP")) or j + 1 >= toks.n or toks.lower[j] != link:
        return False
    k = j + 2 if link == "," and toks.lower[j + 1] == "in" else j + 1
    k = k + 1 if k < toks.n and toks.lower[k] == "the" else k
    # (or a part of it: "Bisbee, in southern Arizona,")
    k = k + 1 if k + 1 < toks.n and toks.lower[k] in _REGION_ADJ and toks.text[k].islower() else k
    end = k
    while end < toks.n and end - k < 4 and toks.title[end]:
        end += 1
    for stop in range(end, k, -1):
        for e in g.exact(toks.span_text(k, stop)):
            if e.country == best.country and (e.kind == "country" or (
                    e.kind == "region" and e.admin1 is not None and e.admin1 == best.admin1)):
                return True
    return False


#: the words that open a pair of places and join them ("between Lae and Cairns", "from Cairns to Bowen")
_PAIR_OPENERS = {"and": "between", "to": "from"}


#: a police force's words before its station's ("Athlone Garda Station")
_POLICE_WORDS = {"police", "garda", "gardaí", "gardai"}
_STATION_WORDS = {"station", "headquarters", "division"}


def _between_place(toks: _Tokens, i: int, taken: list[bool], j: Optional[int] = None) -> bool:
    """The name at ``i`` closes "between" or "from", a place found and "and"
    or "to" ("between Lae and Cairns", "from Cairns to Bowen"); or, given
    its end ``j``, opens them before a place found ("between George and
    Wilderness")."""
    if j is not None and i > 0 and j + 1 < toks.n and toks.lower[j] in _PAIR_OPENERS \
            and toks.lower[i - 1] == _PAIR_OPENERS[toks.lower[j]] and taken[j + 1]:
        return True
    if i < 3 or toks.lower[i - 1] not in _PAIR_OPENERS or not taken[i - 2]:
        return False
    k = i - 2
    while k > 0 and taken[k - 1] and i - k < 5:
        k -= 1
    return k > 0 and toks.lower[k - 1] == _PAIR_OPENERS[toks.lower[i - 1]]


def _owns_person(toks: _Tokens, j: int) -> bool:
    """"'s" and a person's name of two words or more right after the name
    ending before ``j`` ("Rotorua's Tama Wiremu")."""
    return j + 2 < toks.n and toks.lower[j] in ("'s", "’s") and toks.ent_iob[j + 1] == "B" \
        and toks.ent_type[j + 1] == "PERSON" and toks.ent_iob[j + 2] == "I" and toks.title[j + 2]


def _body_after(toks: _Tokens, j: int, best: Entry, main: set) -> bool:
    """A province's own name followed by its police's, council's or
    government's capitalised word ("North Yorkshire Police", "Kerala
    Government")."""
    return best.source == "subdivision" and not best.approx and best.id in main and j < toks.n \
        and toks.title[j] and toks.lower[j] in _BODY_HEADS


def _division_after(toks: _Tokens, j: int, best: Entry, main: set) -> bool:
    """A division's own name followed by its kind ("the Bicol region", "Kano state")."""
    return best.kind == "region" and best.id in main and j < toks.n and toks.lower[j] in _DIVISION_WORDS


def _glued_hyphen(toks: _Tokens, i: int, j: int) -> bool:
    """A hyphen inside tokens ``i:j`` joins the words either side, no space
    between ("Grand Falls-Windsor")."""
    return any(toks.text[k] == "-" and not toks.space[k - 1] and not toks.space[k] for k in range(i + 1, j - 1))


def _hyphen_joined(toks: _Tokens, i: int, j: int) -> bool:
    """Tokens ``i:j`` are one word joined by hyphens, capitalised at both
    ends ("Port-au-Prince", "Rostov-on-Don"), or at its start before a small
    word in lower case ("Shirakawa-go")."""
    return j - i >= 3 and toks.title[i] and "-" in toks.text[i + 1:j - 1] \
        and (toks.title[j - 1] or (toks.text[j - 2] == "-" and toks.text[j - 1].islower() and toks.alpha[j - 1])) \
        and not any(toks.space[k] for k in range(i, j - 1))


def _capital_spelling(name: str, e: Entry, g: Gazetteer) -> bool:
    """Whether ``name`` is how our country table spells the capital ``e``
    ("Ulaanbaatar", which GeoNames files as another name of Ulan Bator)."""
    info = g.country_info(e.country)
    return info is not None and normalize(info.capital) == normalize(name)


#: month, weekday and feast names the model rightly calls dates ("in March"):
#: the time stage's tables, and movable feasts it does not date
#: lower-case words that make the model's DATE or TIME one, after a name ("Easter weekend")
_TIME_WORDS = {"day", "days", "week", "weeks", "weekend", "month", "months", "year", "years", "season", "morning",
               "afternoon", "evening", "night", "nights", "eve", "holiday", "holidays", "time", "period", "decade",
               "century", "ago", "today", "tonight", "tomorrow", "yesterday", "hour", "hours"}
_DATE_NAMES = {normalize(w) for w in (*timex_lexicon.MONTHS, *timex_lexicon.WEEKDAYS,
                                      *timex_lexicon.HOLIDAYS_FIXED, *timex_lexicon.HOLIDAYS_NTH, *MOVABLE_FEASTS)}

#: lower-case words of a news outlet's kind after its name
_MEDIA_WORDS = {"news", "agency", "newspaper", "daily", "television", "tv", "radio", "broadcaster",
                "channel", "network", "wire", "service"}


def _listed_with_division(d: _Detection, i: int, j: int, best: Entry) -> bool:
    """Whether the name ``toks[i:j]`` is joined by "and", "or" or a comma to
    the own name (of one to three capitalised words) of another division of
    the same country ("Albay and Camarines Sur")."""
    toks, g, n = d.toks, d.g, d.toks.n

    def division(s: int, e: int) -> bool:
        name = toks.span_text(s, e)
        main = g.main_ids(name)
        return any(x.id in main and x.source == "subdivision" and not x.approx and x.country == best.country
                   and x.id != best.id for x in g.exact(name))

    if j + 1 < n and toks.lower[j] in ("and", "or", ","):
        k = j + 1
        while k < n and k < j + 4 and toks.title[k]:
            k += 1
        if any(division(j + 1, e) for e in range(k, j + 1, -1)):
            return True
    if i >= 2 and toks.lower[i - 1] in ("and", "or", ","):
        k = i - 1
        while k > 0 and k > i - 4 and toks.title[k - 1]:
            k -= 1
        if any(division(s, i - 1) for s in range(k, i - 1)):
            return True
    return False


#: words after a province's name that make the whole its body's name ("North Yorkshire Council")
_BODY_HEADS = {"council", "police", "constabulary", "fire", "ambulance", "government", "assembly", "regional",
               "provincial"}

#: a town this big closing an organisation's name is a place ("Real Madrid", "Red Bull Salzburg")
_CLOSING_CITY_POP = 100_000


def _club_closing(toks: _Tokens, i: int, j: int, ent: Span) -> bool:
    """Whether ``toks[i:j]`` closes a club's name opened by a club's word
    ("Borussia Dortmund" as one "person") or follows a club's letters the
    model left out of its "person" ("FC Basel")."""
    whole = _strip(toks, ent.start, ent.end)
    if whole is None or whole[1] != j:
        return False
    if whole[0] == i - 1 and toks.lower[i - 1] in CLUB_PREFIXES:
        return True
    return whole[0] == i and i > 0 and toks.lower[i - 1] in CLUB_OPENERS and toks.text[i - 1].isupper()


def _carrier_closing(toks: _Tokens, i: int, j: int, ent: Span) -> bool:
    """Whether ``toks[i:j]`` closes an airline's name "Air" opens and the
    model read as a person's ("Air Salalah", "Air Bukhara"): no given name is "Air"."""
    whole = _strip(toks, ent.start, ent.end)
    return whole is not None and whole == (i - 1, j) and toks.text[i - 1] == "Air"


#: the words after a town that name an event held there ("the Dakar Rally", "the Canton Fair")
_EVENT_TAILS = {"rally", "marathon", "half-marathon", "fair", "festival", "biennale", "biennial", "expo",
                "summit", "open", "classic", "motor", "airshow", "carnival", "derby", "regatta", "triennial"}


def _event_opening(toks: _Tokens, i: int, j: int, ent: Span) -> bool:
    """Whether ``toks[i:j]`` opens the model's entity ``ent`` and the word
    after it names an event ("the Dakar Rally", "Boston Marathon winner")."""
    whole = _strip(toks, ent.start, ent.end)
    return whole is not None and whole[0] == i and whole[1] > j and toks.title[j] \
        and toks.lower[j] in _EVENT_TAILS


def _club_opening(toks: _Tokens, i: int, j: int, ent: Span, words: frozenset | set = CLUB_WORDS) -> bool:
    """Whether ``toks[i:j]`` opens the model's entity ``ent`` and the rest of
    it is a club word or two ("Manchester United", "Leicester City FC"), or
    one or two of ``words`` ("Fiji Sun", "Busan Ilbo" with MASTHEAD_WORDS)."""
    whole = _strip(toks, ent.start, ent.end)
    if whole is None or whole[0] != i or whole[1] <= j or whole[1] - j > 2:
        return False
    return all(toks.lower[k] in words for k in range(j, whole[1]))


def _isles_county(e: Entry) -> bool:
    """``e`` is a county of Ireland or Britain, which our divisions name bare ("Kerry", "Kent")."""
    return e.kind == "region" and e.source in ("subdivision", "extra") and e.country in COUNTY_LANDS \
        and not e.approx


def _opens_county_council(d: _Detection, r: _Reading) -> bool:
    """``toks[i:j]`` opens "... County Council" and is a county of Ireland or
    Britain, whose councils are so named: "Kent County Council", "Clare
    County Council" (a given name's county, which no person's name goes on)."""
    toks, j = d.toks, r.j
    return j + 1 < toks.n and toks.lower[j] == "county" and toks.text[j + 1] == "Council" \
        and any(_isles_county(e) for e in r.ents)


def _isles_county_council(d: _Detection, i: int, j: int) -> bool:
    """``toks[i:j]`` is "X County" before "Council", X is a county of
    Ireland or Britain, whose councils are so named ("Clare County Council",
    "Kent County Council"), and the text is of those lands, not of the
    United States (where "Volusia County Council" is the county's): the
    place is X, not a namesake county of Michigan."""
    toks = d.toks
    if not (j - i >= 2 and toks.lower[j - 1] == "county" and j < toks.n and toks.text[j] == "Council"):
        return False
    if "US" in d.doc_countries or not d.doc_countries & set(COUNTY_LANDS):
        return False
    return any(_isles_county(e) for e in d.g.exact(toks.span_text(i, j - 1)))


#: a town this big opening a club's name ("Longford Town", "Bristol Rovers") is no person's given name
CLUB_TOWN_POP = 5000


#: words before a team's name that say it is one ("A-League club Perth Glory")
_TEAM_BEFORE = {"club", "side", "team", "franchise"}
#: ... and after it ("Montreal Canadiens fans", "Sudbury Wolves coach")
_TEAM_AFTER = {"fans", "supporters", "coach", "manager", "players", "captain", "arena", "stadium", "squad",
               "striker", "goalkeeper", "quarterback", "defenceman", "defenseman", "winger", "midfielder"}
#: ... and before "of" before it ("fans of Perth Scorchers")
_TEAM_FOLLOWERS = {"fans", "supporters", "followers"}


def _team_opening(toks: _Tokens, i: int, j: int, ent: Span) -> bool:
    """Whether ``toks[i:j]`` opens the model's "person" ``ent`` whose rest is
    one to three capitalised words ("Edmonton Oilers", "Accra Hearts of
    Oak") and the words about it speak of a team, not a person: "the"
    before its plural ("against the Sudbury Wolves"), a team's noun before it
    ("A-League club Perth Glory"), or its fans or staff after it."""
    whole = _strip(toks, ent.start, ent.end)
    if whole is None or whole[0] != i or not 1 <= whole[1] - j <= 3:
        return False
    if not all(toks.title[k] or (toks.lower[k] == "of" and k + 1 < whole[1]) for k in range(j, whole[1])):
        return False
    before = toks.lower[i - 1] if i > 0 else ""
    after = toks.lower[whole[1]] if whole[1] < toks.n else ""
    # ("the" before a plural name: not "the Kara Darya", a river)
    last = toks.lower[whole[1] - 1]
    plural = last.endswith("s") and not last.endswith("ss")
    if before == "of" and i > 1 and toks.lower[i - 2] in _TEAM_FOLLOWERS:
        return True  # "fans of Perth Scorchers"
    # (a name with "of" in a football text's result: "beat Accra Hearts of
    # Oak 2-1"; not a plural, which a person's surname may look like, "beat
    # Charlotte Jones 2-1")
    if "of" in toks.lower[j:whole[1]] \
            and _FOOTBALL_WORDS & toks.lower_words() and _match_report(ent.doc, toks, i, whole[1]):
        return True
    return before in _TEAM_BEFORE or (i > 0 and toks.text[i - 1] == "the" and plural) or after in _TEAM_AFTER


def _teams_named(toks: _Tokens, ents, g: Gazetteer) -> frozenset:
    """The texts of the model's "persons" of two to four words, opened by
    the name of a town of ``TEAM_TOWN_POP``, that one of their mentions
    shows for a team (:func:`_team_opening`): the text's other mentions of
    them are the team's too ("2. Gwangju Eagles, 14-4" in a table after
    "the Gwangju Eagles broke the record")."""
    out = set()
    for ent in ents:
        if ent.label_ in _TEAM_LABELS:
            whole = _strip(toks, ent.start, ent.end)
            if whole is not None and 2 <= whole[1] - whole[0] <= 4 \
                    and _team_opening(toks, whole[0], whole[0] + 1, ent) \
                    and _town_named(toks.text[whole[0]], g, TEAM_TOWN_POP):
                out.add(toks.span_text(*whole))
    return frozenset(out)


#: a team's name remembered for the text is opened by a town this big
TEAM_TOWN_POP = 50_000
#: the model's labels of a team's name opened by its town ("Gwangju Eagles": a person, a product)
_TEAM_LABELS = {"PERSON", "PRODUCT", "WORK_OF_ART"}


def _team_named(d: _Detection, i: int, j: int, ent: Span) -> bool:
    """Whether ``toks[i:j]``, one word, opens the model's "person" or
    "product" ``ent`` that the text shows for a team somewhere
    (:attr:`_Detection.teams`)."""
    if not d.teams or j - i != 1:
        return False
    whole = _strip(d.toks, ent.start, ent.end)
    return whole is not None and whole[0] == i and d.toks.span_text(*whole) in d.teams


#: verbs of a match's result, before or after a club named by its town ("Motherwell edged Aberdeen 2-1")
_RESULT_VERBS = {"beat", "beats", "edged", "edge", "edges", "thrashed", "thrash", "defeated", "defeat",
                 "drew", "draw", "draws", "hosted", "host", "hosts", "visit", "visits", "stunned", "routed",
                 "hammered", "downed", "lost", "won"}


def _match_report(doc, toks: _Tokens, i: int, j: int) -> bool:
    """``toks[i:j]`` names a team in a match's result: a score right before
    or after it ("St Johnstone 2-1 Livingston", "Aberdeen 2-1"), or, in a
    sentence with a score, a verb of the result next to it ("Motherwell
    edged Aberdeen 2-1", "drew 1-1 with Kilmarnock")."""
    if (j < toks.n and (_in_score(toks, j) or _fixture_word(toks, j))) \
            or (i > 0 and (_in_score(toks, i - 1) or _fixture_word(toks, i - 1))):
        return True
    sent = doc[i].sent
    if not any(_in_score(toks, k) for k in range(sent.start, sent.end)):
        return False
    before = toks.lower[i - 1] if i > sent.start else ""
    # ("drew 1-1 with Kilmarnock", "were held 1-1 by Kakamega Homeboyz")
    if before in ("with", "by") and i - 2 >= sent.start and _in_score(toks, i - 2):
        return True
    return before in _RESULT_VERBS or (j < sent.end and toks.lower[j] in _RESULT_VERBS)


#: words of a football text, where a "person" of two words in a match's result may be a club
_FOOTBALL_WORDS = {"league", "goal", "goals", "striker", "midfielder", "goalkeeper", "defender", "penalty",
                   "relegation", "promotion", "derby", "equaliser", "equalizer", "stoppage", "fixtures", "table"}


def _club_of_match(d: _Detection, s: int, e: int) -> Optional[int]:
    """The token of the town of 100,000 closing the model's "person"
    ``doc[s:e]`` of two capitalised words named in a match's result in a
    football text ("Wydad Casablanca beat FUS Rabat 3-1", "drew 1-1 with
    Albirex Niigata"), when the first word names no such town; else None.
    (Not a town opening it: "Brandon Biggers beat London goalie Trevor Cann"
    is a player with a town's given name.)"""
    toks = d.toks
    if e - s != 2 or not all(toks.title[k] and toks.alpha[k] for k in (s, s + 1)):
        return None
    # (the towns first: the gazetteer's answers are kept, a sentence's score is read anew)
    if _town_named(toks.text[s], d.g, _CLOSING_CITY_POP) or not _town_named(toks.text[s + 1], d.g, _CLOSING_CITY_POP):
        return None
    if not (_FOOTBALL_WORDS & toks.lower_words()) or not _match_report(d.doc, toks, s, e):
        return None
    return s + 1


def _speaking(tok) -> bool:
    """The token is the subject of a verb of saying ("Montevideo said")."""
    return tok.dep_ in ("nsubj", "nsubjpass") and tok.head.lemma_ in PERSON_VERBS


def _acting(tok) -> bool:
    """The token is the subject of a verb ("Tunis extended the state of emergency")."""
    return tok.dep_ == "nsubj" and tok.head.pos_ == "VERB"


#: words before a place's name no person's name takes ("neighbouring Ekurhuleni said")
_NEIGHBOUR_WORDS = {"neighbouring", "neighboring", "nearby"}


def _speech_subject_person(span: Span, best: Entry, g: Gazetteer) -> bool:
    """A PERSON-tagged bare name as subject of "said" is a person unless it
    is a country or a capital (metonymy: "Yerevan says"), or a name that
    ends in a town's word no person's ends in ("Ho Chi Minh City")."""
    if span[-1].lower_ in _TOWN_END_WORDS:
        return False
    if span.start > 0 and span.doc[span.start - 1].lower_ in _NAMING_NOUNS and span.doc[span.start - 1].is_lower:
        return False  # "officials in the provincial capital Menongue say": the parse's subject is wrong
    if span.start > 0 and span.doc[span.start - 1].lower_ in _NEIGHBOUR_WORDS:
        return False  # "Neighbouring Ekurhuleni ... said it had": no person is a neighbouring one
    if _speaking(span.root):
        return not (best.kind == "country" or g.is_capital(best))
    return False
