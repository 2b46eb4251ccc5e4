"""Places, detection step 1: the model's GPE/LOC entities, FAC ones the
gazetteer knows well (or streets), NORP demonyms (:func:`_detect_entities`),
with the tests it asks: an office named after its place ("Boone County
Jail"), an unknown name in a place's context, a country's name the model
split, a compass word before a state or country ("North Texas")."""

from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Span

from ...gazetteer import Entry, Gazetteer
from ...gazetteer.people import is_ethnic
from .words import (AFTER_PLACE, CLUB_OPENERS, CLUB_PREFIXES, CLUB_WORDS, COMMON_WORDS, LOC_PREPS, MAX_NGRAM,
                    MOVABLE_FEASTS, PAGE_WORDS, PLACE_NOUNS, SAYING_WORDS, STREET_HEADS, TITLES, UNIVERSITY_WORDS)
from .tokens import (_COUNTY_WORDS, _HEIGHT_PREPS, _abbreviation_dot_end, _after_kin, _foreign_to_possessor,
                     _person_after_name, _person_like, _place_cue, _possessor_country, _in_signed_name,
                     _initial_before, _speaker, _street, _strip, _Tokens, _with_possessive_end)
from .entries import _own_name, _own_or_main, _OWN_SOURCES, _strong, _top_level, _town_named
from .mention import _DIVISION_WORDS, _TAIL_WORDS, _Detection
from .international import _generic_tail
from .features import FEATURE_OPENERS


#: lower-case words that open a clause, never inside a place's name ("in Abuja that Nigeria")
_CLAUSE_WORDS = {"that", "which", "who", "whom", "whose", "whether", "because", "but", "if", "when", "while"}

#: last words of an office or body named after its place ("Boone County
#: Jail", "Allegheny County Court", "Fargo City Council")
INSTITUTION_HEADS = {"sheriff", "sheriffs", "sheriff's", "court", "courts", "courthouse", "jail",
                     "police", "department", "office", "offices", "council", "commission",
                     "commissioners", "board", "center", "centre", "state", "party", "movement",
                     "university", "college", "school", "schools", "district", "hospital",
                     "library", "prison", "transit", "authority", "agency", "fair", "fairgrounds",
                     "attorney", "clerk", "assessor", "coroner", "treasurer", "airport", "club",
                     "chamber", "museum", "zoo", "bank", "company", "corp", "inc", "association",
                     "government", "administration", "detention", "health", "circuit", "common",
                     "superior", "municipal", "memorial", "area", "city", "times", "news"}

_DIRECTION_OF = {"north", "south", "east", "west", "northeast", "northwest", "southeast",
                 "southwest", "outside", "inside", "near", "part"}

#: last words that make an unknown capitalised name a place ("Wild Dunes
#: Village", "Roanoke Park", "Fars Province")
_PLACE_HEADS = {"county", "parish", "village", "township", "province", "district", "park",
                "harbor", "harbour", "island", "islands", "valley", "heights", "hills", "creek",
                "river", "lake", "beach", "bay", "mountain", "mountains", "forest", "canyon",
                "city", "town", "region", "oblast", "governorate", "prefecture", "borough",
                # (a feature's word: "the Korvan Strait", "the Tavenu Peninsula")
                "strait", "straits", "gorge", "gorges", "pass", "peninsula", "archipelago", "plains",
                "plateau", "glacier", "volcano", "peak", "delta", "desert", "reef", "lagoon", "estuary",
                "falls", "atoll", "fjord", "highlands", "sea"}


#: words of a town's or a county's body before "of" and its name ("the City of Cape Town")
_SEAT_OPENERS = {"city", "town", "municipality", "borough", "village", "county", "township", "district"}


#: a road's number or a sum's, one token of letters and digits ("M40", "A1", "N5", "I-95")
_CODE = re.compile(r"[A-Z]{1,3}-?\d+[A-Za-z]{0,2}")


def _institution_prefix(doc: Doc, span: Span, g: Gazetteer) -> Optional[Span]:
    """"Boone County Jail" -> "Boone County" (a known place followed only by
    the words of an office)."""
    for k in range(len(span) - 1, 0, -1):
        if span[k].lower_ not in INSTITUTION_HEADS:
            continue
        if not all(t.lower_ in INSTITUTION_HEADS or t.is_punct or t.lower_ in ("'s", "’s", "of")
                   for t in span[k:]):
            continue
        inner = span[:k]
        if inner[-1].lower_ in ("'s", "’s") or not inner.text[:1].isupper():
            continue
        known = [e for e in g.exact(inner.text) if _own_or_main(e, inner.text, g)]
        if known and (_top_level(known[0]) or known[0].source == "county"
                      or inner[-1].lower_ in _COUNTY_WORDS or known[0].population >= 1000):
            return inner
        return None
    return None


def _great_city_closing(toks: _Tokens, span: Span, g: Gazetteer) -> Optional[Span]:
    """"Bayern Munich", "Red Star Belgrade": a name the gazetteer does not
    know whose last word is a great city's own name (half a million people
    or a capital) gives that city; so does a smaller town's of 100,000 after
    a club's prefix word or letters ("Celta Vigo", "OGC Nice")."""
    if len(span) < 2 or not toks.title[span.end - 1] or toks.lower[span.start] in _COMPASS \
            or toks.lower[span.start] == "greater":
        return None  # ("North London" is a part of the city, named whole; "Greater Cairo" its area)
    last = toks.text[span.end - 1]
    main = g.main_ids(last)
    club = len(span) == 2 and (toks.lower[span.start] in CLUB_PREFIXES
                               or toks.text[span.start].isupper() and toks.lower[span.start] in CLUB_OPENERS)
    if any(e.kind == "city" and e.id in main and (e.population >= 500_000 or g.is_capital(e)
                                                  or club and e.population >= 100_000)
           for e in g.exact(last)):
        return span[-1:]
    return None


def _given_age(toks: _Tokens, e: int) -> bool:
    """An age between commas follows the name ending before ``e`` ("Rahma
    Bouhlal, 51, walks"); no place's number goes so."""
    return e + 2 < toks.n and toks.text[e] == "," and toks.text[e + 1].isdigit() \
        and len(toks.text[e + 1]) <= 2 and toks.text[e + 2] == ","


#: words that qualify a kind of place in a generic name ("Natural Park", "Marine Reserve")
_GENERIC_QUALIFIERS = {"national", "natural", "marine", "regional", "provincial", "nature", "wildlife", "protected",
                       "biosphere", "special", "economic", "free", "industrial"}


def _unknown_place_ok(toks: _Tokens, s: int, e: int) -> bool:
    """A GPE/LOC name (tokens ``s:e``) the gazetteer does not know counts when
    its context says place: a locative word before it ("in Cockerham", "east
    of Whitlock", "the village of X"), a place word ending it ("Roanoke
    Park"), ", State" after it, or a list with a place."""
    last = toks.lower[e - 1]
    if last in INSTITUTION_HEADS or not toks.text[e - 1][:1].isupper():
        return False
    if _given_age(toks, e):
        return False  # "in the village of Bab Taza, Rahma Bouhlal, 51, walks ...": a person
    if all(toks.lower[k] in _PLACE_HEADS or toks.lower[k] in _GENERIC_QUALIFIERS for k in range(s, e)):
        return False  # "the Natural Park of the Coral Sea": a kind's words, no name of their own
    if last in _PLACE_HEADS or last in STREET_HEADS:
        return True
    if e - s >= 2 and toks.lower[s] in FEATURE_OPENERS and toks.title[s]:
        return True  # "Lake Naivasha", "Mount Elgon": a feature by its name
    if s > 0:
        prev = toks.lower[s - 1]
        if prev in LOC_PREPS and prev not in ("of", "on", "to"):
            return True
        if prev in ("of", "to") and s > 1 and (toks.lower[s - 2] in PLACE_NOUNS
                                               or toks.lower[s - 2] in _DIRECTION_OF
                                               or toks.lower[s - 2] in ("villages", "towns", "cities")):
            return True
        if prev in ("and", "or", ",") and s > 1 and toks.ent_type[s - 2] in ("GPE", "LOC"):
            return True
    if e + 1 < toks.n and toks.lower[e] in (",", "and", "or") and toks.ent_type[e + 1] in ("GPE", "LOC"):
        return True
    return False


def _detect_comma_pair(d: _Detection, span: Span) -> bool:
    """A place and the one it lies in, or two places listed, taken by the
    model as one entity ("near Windsor, Ontario, on Monday", "between Windsor
    and Falmouth"): each part the gazetteer knows is a mention of its own;
    False when a part is unknown."""
    toks, g = d.toks, d.g
    commas = [k for k in range(span.start + 1, span.end - 1) if toks.text[k] in (",", "and", "or")]
    if not commas:
        return False
    bounds, start = [], span.start
    for k in commas + [span.end]:
        r = _strip(toks, start, k)
        if r is None or not g.exact(toks.span_text(r[0], r[1])):
            return False
        bounds.append(r)
        start = k + 1
    for r in bounds:
        d.add(d.doc[r[0]:r[1]], "ner", fuzzy=False, require=True)
    return True


#: a sovereign's or a pontiff's title, capitalised after "the" for the one who holds it
_SOVEREIGN_TITLES = {"king", "queen", "prince", "princess", "emperor", "empress", "pope", "sultan", "emir",
                     "shah", "tsar", "kaiser", "pharaoh"}


def _split_at_possessives(doc: Doc, toks: _Tokens, ents, g: Gazetteer) -> list[Span]:
    """The model's places, each of its GPE or LOC entities that holds a
    possessive inside cut there in two, where the owner is a country's or a
    region's own name and a capitalised name follows ("the Solomon Islands'
    Western Province" as the islands and the province; the model cuts
    "Kenya's" off itself; "St. John's Union Cemetery" stays whole)."""
    out = []
    for ent in ents:
        cut = next((k for k in range(ent.start + 1, ent.end - 1)
                    if ent.label_ in ("GPE", "LOC") and toks.lower[k] in ("'", "’")
                    and not toks.space[k - 1] and toks.title[k + 1]), None)
        if cut is not None:
            owner = _strip(toks, ent.start, cut)
            if owner is not None and any(e.kind in ("country", "region") and e.id in g.main_ids(toks.span_text(*owner))
                                         for e in g.exact(toks.span_text(*owner))):
                out += [Span(doc, ent.start, cut + 1, label=ent.label_), Span(doc, cut + 1, ent.end, label=ent.label_)]
                continue
        out.append(ent)
    return out


def _persons_last_words(d: _Detection) -> dict[str, list[int]]:
    """The last words of the model's persons of two words or more ("Danladi
    Kaduna"), a great town's name among them, with where each such person ends;
    no place's name of several words is such a person ("Hulu Selangor")."""
    out: dict[str, list[int]] = {}
    for x in d.ents:
        # (not a place's own name the model took for a person: "Hulu Selangor")
        if x.label_ == "PERSON" and len(x) >= 2 and not d.g.exact(d.toks.span_text(x.start, x.end)):
            out.setdefault(d.toks.text[x.end - 1], []).append(x.end)
    return out


#: a town the model took for a language is one of this size at least
LANGUAGE_TOWN_POP = 50_000


def _town_as_language(toks: _Tokens, r: tuple[int, int], g: Gazetteer) -> bool:
    """The model's "language" is no people's word but a town's or a
    province's own name ("the port at Thoothukudi" as a language)."""
    name = toks.span_text(r[0], r[1])
    if g.country_for_demonym(name) or g.place_for_demonym(name):
        return False
    main = g.main_ids(name)
    return any(e.id in main and ((e.kind == "city" and e.population >= LANGUAGE_TOWN_POP)
                                 or (e.kind == "region" and e.source in ("extra", "subdivision")))
               for e in g.exact(name)[:5])


def _detect_entities(d: _Detection) -> None:
    """1. the model's GPE/LOC entities, FAC ones the gazetteer knows well (or
    streets), NORP demonyms."""
    doc, toks, g = d.doc, d.toks, d.g
    ents = _split_at_possessives(doc, toks, d.ents, g)
    person_lasts = _persons_last_words(d)
    for n_ent, ent in enumerate(ents):
        label = ent.label_
        if label not in ("GPE", "LOC", "FAC", "NORP", "LANGUAGE"):
            continue
        r = _strip(toks, ent.start, ent.end)
        if r is None or not d.free(r[0], r[1]):
            continue
        if label in ("GPE", "LOC") and r[1] - r[0] >= 2 and any(c.isdigit() for c in toks.text[r[1] - 1]) \
                and toks.space[r[1] - 2] and g.exact(toks.span_text(r[0], r[1] - 1)):
            r = (r[0], r[1] - 1)  # a town with its figures in a table ("Lisbon 27/16 sunny")
        prev = ents[n_ent - 1] if n_ent > 0 else None
        if label in ("GPE", "LOC") and prev is not None and prev.label_ == "PERSON" and prev.end == ent.start \
                and len(ent) == 1 and not any(_top_level(e) for e in g.exact(ent.text)):
            continue  # the family name the model cut from its given name ("Min-jun" + "Park")
        if label in ("GPE", "LOC") and len(ent) == 1 and ent.end < toks.n and toks.title[ent.end] \
                and not toks.upper[ent.start] and _given_age(toks, ent.end + 1) \
                and not any(_top_level(e) for e in g.exact(ent.text)):
            continue  # a given name before its family name and an age ("Paris Alcantara, 33, an investigator")
        nxt = ents[n_ent + 1] if n_ent + 1 < len(ents) else None
        if label in ("GPE", "LOC") and nxt is not None and nxt.label_ == "PERSON" \
                and nxt.start == ent.end and len(ent) == 1 and len(nxt) == 1 and toks.title[ent.start] \
                and not toks.upper[ent.start] and not toks.lower[nxt.start].endswith("s") \
                and not (nxt.end < toks.n and toks.title[nxt.end]) \
                and not g.exact(toks.span_text(ent.start, nxt.end)) \
                and not any(_top_level(e) for e in g.exact(ent.text)):
            # a given name the model cut from its family name ("Dallas" + "Whitfield"; not
            # a team's town, "a Montreal Canadiens jersey", nor a town's longer name, "Newton Stewart")
            continue
        if label in ("GPE", "LOC") and nxt is not None and nxt.start == ent.end and nxt.label_ in ("GPE", "LOC") \
                and d.free(nxt.start, nxt.end) and _place_named(toks.span_text(ent.start, nxt.end), g):
            r = (r[0], nxt.end)  # one name the model cut in two places ("Otter" + "Tail County")
        if label in ("GPE", "LOC"):
            r = _extend_over_and(toks, r, g, d)
        if label in ("NORP", "LANGUAGE"):
            # a people's word opening a country's name the model cut ("French" + "Guiana")
            whole = _extend_to_country(toks, r, g, d)
            if whole == r:
                whole = _demonym_town(toks, r, g, d)
            if whole == r and label == "LANGUAGE":
                if not _town_as_language(toks, r, g):
                    continue
                label = "GPE"
            if whole != r:
                r, label = whole, "GPE"
        if r[0] > ent.start and toks.text[r[0] - 1] == "The" and g.main_ids(toks.span_text(r[0] - 1, r[1])):
            r = (r[0] - 1, r[1])  # "The Hague", "The Bronx": the article is part of the name
        if label in ("GPE", "LOC"):
            r = _extend_hyphens(toks, _extend_left(toks, _extend_to_country(toks, r, g, d), g, d), g, d)
            r = _extend_over_joiner(toks, r, g, d)
            r = _extend_unknown_name(toks, r, g, d)
        span = doc[r[0]:r[1]]
        name = toks.span_text(r[0], r[1])
        if label in ("GPE", "LOC"):
            if not name[:1].isupper() and not name[:1].isdigit():
                continue
            span = _drop_compass(span, toks, g)
            if len(span) >= 2 and toks.lower[span.end - 1] in _DIVISION_TAILS \
                    and (toks.text[span.end - 1].islower() or toks.lower[span.end - 1] == "municipality") \
                    and g.exact(toks.span_text(span.start, span.end - 1)) \
                    and not _own_name(toks.span_text(span.start, span.end), g):
                # "Aceh province", "the Indian Ocean coast": the name without its word
                # ("Atlantic city", "Orange county" are whole names; "Knysna
                # Municipality" is the town's, with its capital; "Perth city
                # centre" holds the town's name, though "Perth City" is another of its names)
                span = span[:-1]
            if _generic_tail(d, span.start, span.end, toks.span_text(span.start, span.end),
                             g.exact(toks.span_text(span.start, span.end)), ent):
                span = span[:-1]
            if len(span) >= 3 and toks.lower[span.start] in _SEAT_OPENERS and toks.lower[span.start + 1] == "of" \
                    and toks.title[span.start + 2] and not g.exact(toks.span_text(span.start, span.end)) \
                    and _town_named(toks.span_text(span.start + 2, span.end), g, 10_000):
                span = span[2:]  # "the City of Cape Town": the town's name, its municipality's words left out
            name = toks.span_text(span.start, span.end)
            if name.lower() in _NOT_PLACES or toks.lower[span.end - 1] in _NOT_PLACE_HEADS:
                continue
            if _abbreviation_dot_end(toks, span.start, span.end, g) > span.end:
                span = doc[span.start:span.end + 1]  # "Lacolle, Que." at the end of a sentence
                name = toks.span_text(span.start, span.end)
            known = g.exact(name)
            if len(span) == 1 and toks.lower[span.start] in PAGE_WORDS \
                    and not any(_top_level(e) for e in known) and not _place_cue(toks, span.start, span.end, g):
                continue  # "Media caption ...": a web page's word the model took for a town
            if toks.lower[span.start].rstrip(".") in _WORD_ABBREVIATIONS and len(span) <= 2 \
                    and not (span.start > 0 and toks.text[span.start - 1] == ",") \
                    and not (name.endswith(".") and span.end < toks.n and toks.alpha[span.end]):
                # "a weekly Sunday Mass.": a state's abbreviation after its town's
                # comma or with its dot inside a sentence ("Mass. legislators put off ...")
                continue
            code = g.country_for_demonym(name) if not known and len(span) <= 2 else None
            if code:
                # "Ukrainian troops" taken for a place's name: the country's demonym
                if g.country(code) is not None:
                    d.add_demonym(span.start, span.end, g.country(code), code)
                continue
            if not known and (_person_like(toks, span.start, span.end, d.person_words)
                              or (len(span) == 1 and name in d.person_words)):
                continue
            if not known and len(span) <= 2 and not (toks.lower[span.start] in FEATURE_OPENERS) \
                    and _person_after_name(toks, span.end, ("a", "an", "the")):
                # "elected Karam, the former army commander", "Marina Salvador, an
                # environmental lawyer": a name no place has, a person's (not "Lake
                # Ilopango, a mother who asked ...")
                continue
            if not known and len(span) == 1 and _society_name(toks, name):
                continue  # "the Timaru Rotary Club ... who was in Rotary": the club's name
            if known and len(span) == 1 and d.firm_name(name, known):
                continue  # "Titan Operating was granted a permit ... Titan will drill": the firm's name
            if known and len(span) == 1 and span.end < toks.n and toks.lower[span.end] in SAYING_WORDS \
                    and any(end != span.end for end in person_lasts.get(name, ())) \
                    and not any(e.kind == "country" for e in known) \
                    and not (span.start > 0 and toks.lower[span.start - 1] == "of") \
                    and not _place_cue(toks, span.start, span.end, g):
                continue  # "commissioner Danladi Kaduna ... Kaduna told reporters": a great town's name too
            if known and len(span) == 1 and (name in d.person_words or name in d.surnames) \
                    and not any(_top_level(e) for e in known) \
                    and not _place_cue(toks, span.start, span.end, g) and (_speaker(toks, span.start) or (
                        name in d.surnames and not any(g.is_province(e) for e in known)
                        and (not any(e.kind == "city" and e.population >= 100_000 for e in known)
                             # (a great town's name too, whose possessive owns a person's
                             # things: "Jerome Toledo ... Toledo's lawyer said")
                             or name in d.person_owners))):
                # "said Rojas, 46": the surname of the text's person, named like a
                # town or a province ("Matías Rivas ... Rivas, 29,"); so is a small
                # town's name without a place's cue ("Harold Ripley ... Ripley had
                # the looms replaced")
                continue
            if len(span) == 1 and _foreign_to_possessor(_possessor_country(toks, span.start, g), known):
                continue
            if len(span) == 1 and toks.lower[span.start] in _SOVEREIGN_TITLES and span.start > 0 \
                    and toks.lower[span.start - 1] == "the" and not any(_top_level(e) for e in known):
                continue  # "the first time the King has gone to Windsor": the monarch, not King, Ontario
            if len(span) == 1 and toks.lower[span.start] in ("centre", "center") and span.start > 0 \
                    and toks.lower[span.start - 1] == "the" and toks.text[span.start - 1].islower() \
                    and not (span.end < toks.n and (toks.lower[span.end] in _DIVISION_WORDS
                                                       or toks.text[span.end] == "-")) \
                    and not any(_top_level(e) for e in known):
                continue  # "asked the Centre for funds": a federal government, not Centre, Alabama
            if known and span.start > 0 and toks.lower[span.start - 1].rstrip(".") in TITLES \
                    and toks.lower[span.start - 1] not in ("st", "saint") \
                    and not any(_top_level(e) for e in known):
                continue
            if _after_kin(toks, span.start) and not any(e.kind == "country" for e in known):
                continue  # "his wife, Florence,", "her son, Dallas, 7": family, named like towns (or like none)
            if len(span) == 1 and _in_signed_name(toks, span.start, span.end):
                continue  # "By Paris Whitfield": a byline's given name
            if len(span) == 2 and _initial_before(toks, span.start + 1) and not any(_top_level(e) for e in known):
                continue  # "L Ferguson, K Ross": a team sheet's names the model took for places
            if not known and _detect_comma_pair(d, span):
                continue
            if len(span) == 1 and name.lower() in toks.lower_words() and not any(
                    _top_level(e) or (e.id in main and e.population >= 20_000)
                    for main in (g.main_ids(name),) for e in known) \
                    and not (span.end < toks.n and toks.lower[span.end] in _DIVISION_WORDS
                             and any(e.kind == "region" for e in known)):
                # "Tsunami warnings ..." opening a headline, "tsunami" elsewhere in
                # the text: a common noun, though a village has it as another name
                # (not a division before its kind: "in the Centre department" beside "a treatment centre")
                continue
            if not known and len(span) == 1 and name.lower() in COMMON_WORDS:
                continue  # "the Eagles' full-court press": a common word no place has exactly, no misspelt town
            if len(span) == 1 and name.lower() in COMMON_WORDS and toks.pos[span.start] == "ADJ" \
                    and span.end < toks.n and toks.text[span.end].islower() and toks.pos[span.end] == "NOUN" \
                    and not any(_top_level(e) or e.population >= 100_000 for e in known):
                continue  # "from the Olympic city": a common adjective, though a small town has its name
            if not known and len(span) == 1 and name in d.company_words:
                continue  # "fold the mine into Codelco" beside "state copper giant Codelco": the company
            if not known and not g.lookup(name):
                # a name the gazetteer does not know: an office named after
                # its county ("Boone County Jail") gives the county; anything
                # else needs the context of a place
                inner = _institution_prefix(doc, span, g) or _great_city_closing(toks, span, g)
                if inner is not None:
                    d.add(inner, "ner", fuzzy=False, require=False)
                    continue
                opening = _demonym_opening(toks, span, g)
                if opening is not None:
                    # "the Russian Embassy", "Welsh Government" taken for a town's
                    # name: the people's word is the place
                    d.add_demonym(span.start, opening[0], opening[1], opening[1].country or "*")
                    continue
                if not _unknown_place_ok(toks, span.start, span.end) or _CODE.fullmatch(name):
                    continue  # (nor a road's or a sum's code: "the M40", "N5m")
                if any(toks.text[k] in _CLAUSE_WORDS for k in range(span.start + 1, span.end - 1)):
                    continue  # (nor two places and the clause between them: "said in Abuja that Nigeria
                    # would", one place for the model; the gazetteer's scan finds each)
            end = _with_possessive_end(toks, span.start, span.end, g)
            d.add(doc[span.start:end], "ner", fuzzy=True, require=False)
        elif label == "FAC":
            if not name[:1].isupper() or (len(span) == 1 and name.lower() in COMMON_WORDS
                                          and span.end < toks.n and toks.text[span.end].islower()):
                continue  # "a new metro line", "a new Metro line": a common noun, whatever town has it as a name
            known = [e for e in g.exact(name) if _own_or_main(e, name, g) and (
                _strong(e, g) or (e.kind == "city" and e.population >= 20_000 and (
                    _place_cue(toks, span.start, span.end, g)
                    or (span.start > 0 and toks.lower[span.start - 1] in _HEIGHT_PREPS))))]
            if known:
                d.add(span, "ner", fuzzy=False, require=True)
            elif _street(toks, span.start, span.end):
                d.add(span, "street", fuzzy=False, require=False)
            elif not g.exact(name):
                inner = _great_city_closing(toks, span, g)
                if inner is not None:
                    d.add(inner, "ner", fuzzy=False, require=False)
        else:  # NORP
            if any(e.kind == "country" for e in g.exact(name)):
                d.add(span, "ner", fuzzy=False, require=True)  # "Central African Republic"
                continue
            place = g.place_for_demonym(name)
            if place is not None and len(span) <= 3 and not is_ethnic(name):
                d.add_demonym(span.start, span.end, place, place.country or "*")
            elif place is None and not g.is_demonym(name) and not g.is_demonym(toks.text[span.start]) \
                    and _stands_alone(span) and _great_part_named(name, g):
                d.add(span, "ner", fuzzy=False, require=True)  # "across the Peloponnese" as a people


def _demonym_opening(toks: _Tokens, span: Span, g: Gazetteer) -> Optional[tuple[int, Entry]]:
    """The end of the people's word that opens ``span``, a name the model
    took for a place that the gazetteer does not know, with the place it
    names, when the words after it are a state's body ("Russian" +
    "Embassy", "Welsh" + "Government"); else None."""
    if toks.lower[span.end - 1] not in _STATE_BODIES:
        return None
    for k in range(min(len(span) - 1, 2), 0, -1):
        word = toks.span_text(span.start, span.start + k)
        if is_ethnic(word) or not all(toks.title[i] for i in range(span.start + k, span.end)):
            continue
        place = g.place_for_demonym(word)
        if place is not None:
            return span.start + k, place
    return None


#: a state's bodies, named after its people's word ("the Russian Embassy")
_STATE_BODIES = {"embassy", "consulate", "government", "parliament", "army", "navy", "ministry",
                 "police", "forces", "cabinet", "senate", "mission", "delegation"}


def _stands_alone(span: Span) -> bool:
    """``span`` is proper nouns heading their own noun phrase ("across the
    Peloponnese"), not a word describing another ("Jewish settlers", "the
    Northern line")."""
    return all(t.pos_ == "PROPN" for t in span) and span.root.dep_ in _NOUN_ROLES \
        and not (span.end < len(span.doc) and span.doc[span.end].is_title)


#: a noun phrase's roles in its clause
_NOUN_ROLES = {"pobj", "nsubj", "nsubjpass", "dobj", "conj", "appos", "attr", "ROOT"}


def _great_part_named(name: str, g: Gazetteer) -> bool:
    """Whether ``name``, which the model took for a people's, names a
    country's first-level province or a region of our table, no people's
    word ("the Peloponnese", read as Greeks of it)."""
    return any(not e.approx and (g.is_province(e) or (e.source == "extra" and e.kind == "region"))
               for e in g.exact(name))


#: lower-case words inside place names ("Rio Grande do Sul", "Guinea-Bissau")
_NAME_JOINERS = {"-", "of", "the", "and", "do", "da", "de", "del", "di", "du", "des", "dos", "das",
                 "la", "le", "el", "al", "es"}


def _extend_to_country(toks: _Tokens, r: tuple[int, int], g: Gazetteer, d: _Detection
                       ) -> tuple[int, int]:
    """The model's entity ``r`` stretched over the words after it that
    complete a country's or a big region's name, which the model split
    ("the Democratic Republic of the" + "Congo", "Guinea" + "-Bissau",
    "Rio Grande" + "do Sul")."""
    n = toks.n
    for end in range(min(n, r[0] + MAX_NGRAM + 2), r[1], -1):
        if not d.free(r[1], end) or not (toks.cap[end - 1] and toks.pos[end - 1] == "PROPN"):
            continue
        if not all(toks.cap[k] or toks.lower[k] in _NAME_JOINERS for k in range(r[1], end)):
            continue
        name = toks.span_text(r[0], end)
        main = g.main_ids(name)
        if any((e.kind == "country" or (_top_level(e) and e.population >= 1_000_000))
               and (e.id in main or e.source in _OWN_SOURCES) for e in g.exact(name)):
            return r[0], end
    return r


def _demonym_town(toks: _Tokens, r: tuple[int, int], g: Gazetteer, d: _Detection) -> tuple[int, int]:
    """A people's word and the capitalised word after it that are together a
    town's own name ("Spanish" + "Town", Jamaica; "English" + "Bazar"), a
    town of 20,000 people or more, a province's or region's ("Scottish" +
    "Borders"), or a sea's or another feature's of our table ("English" +
    "Channel", "Arabian" + "Sea"): the whole; else ``r``."""
    end = r[1] + 1
    if end > toks.n or not d.free(r[1], end) or not toks.title[r[1]] or toks.pos[r[1]] != "PROPN":
        return r
    name = toks.span_text(r[0], end)
    main = g.main_ids(name)
    if any(e.id in main and (e.kind == "city" and e.population >= 20_000
                             or e.kind == "feature" and e.source == "extra"
                             or e.kind == "region" and e.source in ("subdivision", "state", "extra")
                             and not e.approx) for e in g.exact(name)):
        return r[0], end
    return r


#: words after a society's or club's own name ("Rotary Club", "Lions Clubs")
_SOCIETY_HEADS = {"club", "clubs", "society", "association", "foundation", "trust", "league", "lodge"}


def _society_name(toks: _Tokens, name: str) -> bool:
    """Whether the text writes the word ``name``, which the gazetteer does
    not know, before a club's or society's capitalised word ("Rotary Club"):
    a society's name, not a place's, wherever it stands alone."""
    return any(p > 0 and toks.text[p - 1] == name and toks.title[p] for p in toks.at(_SOCIETY_HEADS))


def _extend_over_and(toks: _Tokens, r: tuple[int, int], g: Gazetteer, d: _Detection) -> tuple[int, int]:
    """The model's entity ``r`` stretched over "and" and the capitalised
    name after it when the whole is a division's or a country's own name
    the model cut in two places ("Perth" + "and" + "Kinross", "Newfoundland"
    + "and" + "Labrador", "Saint Vincent and the Grenadines")."""
    s, e = r
    if e + 1 >= toks.n or toks.lower[e] != "and":
        return r
    k = e + 1 + (toks.lower[e + 1] == "the")
    for end in range(min(toks.n, k + 2), k, -1):
        if not all(toks.title[x] for x in range(k, end)) or not d.free(e, end):
            continue
        name = toks.span_text(s, end)
        main = g.main_ids(name)
        if any(e2.id in main and e2.kind in ("region", "country") for e2 in g.exact(name)):
            return (s, end)
    return r


def _place_named(name: str, g: Gazetteer, own: bool = True) -> bool:
    """Whether ``name`` names a division, a feature or a town of 1,000 people
    or more (with ``own``, as that place's own name, not another of its
    names): what the extensions below ask of the whole they would make."""
    main = g.main_ids(name) if own else None
    return any((main is None or e.id in main) and (e.kind != "city" or e.population >= 1000)
               for e in g.exact(name))


def _extend_left(toks: _Tokens, r: tuple[int, int], g: Gazetteer, d: _Detection) -> tuple[int, int]:
    """The model's entity ``r`` stretched over one or two capitalised names
    (and the small words between) before it that complete a place's own
    name, which the model cut ("Goz" + "Beida", "Port" + "Harcourt", "Port
    of" + "Spain"): the whole is the gazetteer's main name
    of a division, a feature or a town of 1,000 people or more; or that name
    and its kind after it ("Lao" + "Cai Province", "Yen" + "Bai City")."""
    # (the entity's last word may be the division's or the town's kind)
    core = r[1] - 1 if r[1] - r[0] >= 2 and toks.lower[r[1] - 1] in _TAIL_WORDS and toks.title[r[1] - 1] \
        else r[1]
    for start in range(max(0, r[0] - 3), r[0]):
        if not d.free(start, r[0]) or not toks.cap[start] or toks.stop[start] \
                or not all(toks.cap[k] or toks.lower[k] in _NAME_JOINERS for k in range(start, r[0])):
            continue
        name = toks.span_text(start, r[1])
        if all(toks.pos[k] == "PROPN" for k in range(start, r[0]) if toks.cap[k]):
            if _place_named(name, g) or (core < r[1] and _place_named(toks.span_text(start, core), g)):
                return start, r[1]
        elif _big_town_named(name, g):
            # ("Dar" + "es Salaam", "Port" + "of Spain": the model read a common noun)
            return start, r[1]
    return r


def _big_town_named(name: str, g: Gazetteer) -> bool:
    """Whether ``name`` is the own name of a capital or a town of 100,000 people or more."""
    main = g.main_ids(name)
    return any(e.id in main and e.kind == "city" and (e.population >= 100_000 or g.is_capital(e))
               for e in g.exact(name))


def _extend_hyphens(toks: _Tokens, r: tuple[int, int], g: Gazetteer, d: _Detection
                    ) -> tuple[int, int]:
    """The model's entity ``r`` stretched over the hyphenated words glued to
    its end that complete a place's name ("Mazar" + "-i-Sharif", "Stratford"
    + "-upon-Avon"): the longest such whole the gazetteer knows as a
    division, a feature or a town of 1,000 people or more."""
    n, end, best = toks.n, r[1], r
    while end + 1 < n and toks.text[end] == "-" and not toks.space[end - 1] and not toks.space[end] \
            and toks.alpha[end + 1] and d.free(end, end + 2):
        end += 2
        if toks.cap[end - 1] and _place_named(toks.span_text(r[0], end), g, own=False):
            best = (r[0], end)
    return best


#: the linking vowels and articles of Persian, Urdu and Arabic names of places, glued by hyphens
#: ("Gulshan-e-Iqbal", "Mazar-i-Sharif", "Dar-ul-Aman")
_IZAFAT = {"e", "i", "ul", "ud", "us"}


def _extend_over_joiner(toks: _Tokens, r: tuple[int, int], g: Gazetteer, d: _Detection
                        ) -> tuple[int, int]:
    """The model's entity ``r`` joined with the capitalised name after a
    small word ("of", "de", "el", "upon") when the whole is a place's own name
    that the model cut in two ("Port" + "of" + "Spain", "Newcastle" + "upon"
    + "Tyne"): a division, a feature or a town of 1,000 people or more."""
    n = toks.n
    k = r[1]
    if k + 1 < n and toks.text[k] == "(" and k + 2 < n and toks.text[k + 2] == ")" and toks.cap[k + 1] \
            and d.free(k, k + 3) and _place_named(toks.span_text(r[0], k + 3), g):
        return r[0], k + 3  # the river in the town's own name: "Frankfurt (Oder)"
    # the rest of a Persian or Urdu name the model cut at its linking vowel, glued on by
    # hyphens ("Gulshan" + "-e-Iqbal", "Mazar" + "-i-Sharif"): the whole, known or not
    if k + 3 < n and toks.text[k] == "-" and toks.lower[k + 1] in _IZAFAT and toks.text[k + 2] == "-" \
            and toks.cap[k + 3] and toks.alpha[k + 3] and not any(toks.space[x] for x in range(k - 1, k + 3)) \
            and d.free(k, k + 4):
        return r[0], k + 4
    # the rest of a name the model cut after its first word ("Mae" + "Hong Son")
    for end in range(min(n, k + 2), k, -1):
        if d.free(k, end) and all(toks.title[x] and toks.pos[x] == "PROPN" for x in range(k, end)) \
                and _place_named(toks.span_text(r[0], end), g):
            return r[0], end
    # one or two small words ("an der"), then the capitalised rest, which the
    # model may read as anything ("Frankfurt am Main": "Main" an adjective)
    joiners = k
    while joiners < min(n, k + 2) and (toks.lower[joiners] in _NAME_JOINERS - {"-", "and"}
                                       or toks.lower[joiners] in _TOWN_JOINERS):
        joiners += 1
    if joiners == k or joiners >= n:
        return r
    for end in range(min(n, joiners + 2), joiners, -1):
        if not d.free(k, end) or not all(toks.cap[x] and toks.alpha[x] and (toks.pos[x] == "PROPN" or toks.title[x])
                                         for x in range(joiners, end)):
            continue
        # (another of its names will do: "Frankfurt an der Oder")
        if _place_named(toks.span_text(r[0], end), g, own=False):
            return r[0], end
    return r


def _extend_unknown_name(toks: _Tokens, r: tuple[int, int], g: Gazetteer, d: _Detection
                         ) -> tuple[int, int]:
    """The model's one-word place ``r`` that is no big place's own name,
    followed at once by capitalised names (and the small words between)
    that no place's noun, title or club's word opens: the whole is the name
    of a place the gazetteer lacks ("Kampong" + "Phluk", "Tanguar" + "Haor")."""
    n = toks.n
    if r[1] - r[0] != 1 or r[1] >= n or toks.space[r[0]] == 0:
        return r
    name = toks.text[r[0]]
    if not toks.title[r[0]] or not name.isalpha():
        return r  # not initials or an abbreviation ("W.A. Chandana Perera", "UK Met Office")
    main = g.main_ids(name)
    if any(e.kind in ("country", "region", "feature") or (e.id in main and e.population >= 20_000)
           for e in g.exact(name)):
        return r
    end = k = r[1]
    while k < min(n, r[1] + 3) and d.free(k, k + 1):
        word = toks.lower[k]
        if toks.title[k] and toks.pos[k] == "PROPN" and toks.text[k].isalpha() and word not in _NOT_NAME_GOES_ON:
            end = k = k + 1
        elif word in _NAME_JOINERS - {"-", "and"} and k + 1 < n and toks.title[k + 1]:
            k += 1
        else:
            break
        if toks.space[k - 1] == 0:
            break
    return (r[0], end) if end > r[1] else r


#: capitalised words after a place's name that do not go on with it
#: ("Dhaka Tribune", "Kano Governor", "Leeds United", "Nairobi River")
_NOT_NAME_GOES_ON = AFTER_PLACE | TITLES | _TAIL_WORDS | CLUB_WORDS | {"coast", "area", "border", "municipality",
    "tribune", "times", "post", "herald",
    "news", "gazette", "star", "journal", "river", "lake", "airport", "university", "college", "school",
    "hospital", "council", "street", "road", "avenue", "bridge", "station", "port", "bay", "island",
    "islands", "mountains", "hills", "valley", "national", "international", "police"}


#: small words inside towns' names after a river or the sea ("Newcastle upon
#: Tyne", "Frankfurt am Main", "Southend on Sea", "San Giovanni in Fiore"):
#: joined only into a known name
_TOWN_JOINERS = {"upon", "on", "am", "an", "der", "sur", "en", "im", "in"}


_NOT_PLACES = {"north", "south", "east", "west", "northeast", "northwest", "southeast",
               "southwest", "the north", "the south", "the west", "the east", "city", "state",
               "earth", "heaven", "hell", "paradise",
               # (a water's bare word: "the Law of the Sea" names no Seattle by its code "SEA")
               "sea", "ocean"} \
    | UNIVERSITY_WORDS | {w.lower() for w in MOVABLE_FEASTS}  # ("the Universidad Tecnológica del Chocó")
_NOT_PLACE_HEADS = {"day", "days", "eve", "week", "act", "way"}
#: US states' abbreviations that are English words: a state after a town's comma ("Worcester, Mass.")
#: or with its dot before a word ("Mass. legislators")
_WORD_ABBREVIATIONS = {"mass", "masses", "miss", "wash", "ore"}

#: lower-case words after a place's name that the model takes into the name
_DIVISION_TAILS = {"province", "state", "region", "district", "prefecture", "governorate", "oblast",
                   "county", "coast", "area", "city", "town", "village", "border", "valley", "municipality",
                   # (the last of several divisions listed: "in Katsina and Jigawa states")
                   "provinces", "states", "regions", "districts", "counties"}


_COMPASS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
            "northern", "southern", "eastern", "western", "central", "upstate", "downstate"}


def _drop_compass(span: Span, toks: _Tokens, g: Gazetteer) -> Span:
    """"Northeast Georgia", "North Texas": the part of a state or country is
    named by the state or country itself, unless the whole is a name of its
    own ("North Carolina", "South Africa", "West Bank")."""
    if len(span) < 2 or toks.lower[span.start] not in _COMPASS or not toks.text[span.start + 1][:1].isupper():
        return span
    if g.exact(span.text):
        return span
    rest = span[1:]
    if any(_top_level(e) and e.source != "continent" and _own_or_main(e, rest.text, g)
           for e in g.exact(rest.text)):
        return rest
    return span
