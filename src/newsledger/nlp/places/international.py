"""Places, international forms: people and language words, region
demonyms, places inside organisations' names (detection steps 0, 1a' and 4,
and :func:`_generic_tail`).  The tests on compass words and plural people
words that candidate lookup asks are in :mod:`.mention`."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span

from ...gazetteer import Entry, normalize
from ...gazetteer.people import CUED_LANGUAGE_PLACES, LANGUAGE_PLACES, is_ethnic, people_forms
from .entries import _city_named, _own_or_main, _top_level
from .mention import _describes, _Detection, _great_city_of, _TOWN_PREPS


#: last words of a name that, after a bigger place, name a thing of that
#: place ("London City airport", "the University of Michigan Center for ...")
_GENERIC_TAILS = {"city": 100_000, "center": 10_000, "centre": 10_000}


def _detect_region_demonyms(d: _Detection) -> None:
    """0. a compass or "Latin" word before a demonym is one mention of the
    region ("South East Asian", "Latin American", "West African"), not a
    compass name and a continent."""
    toks, g = d.toks, d.g
    n = toks.n
    lower, title = toks.lower, toks.title
    for i in toks.titled():
        if lower[i] not in _REGION_OPENERS and not d.taken[i] and i + 2 < n and title[i + 1] \
                and toks.text[i + 2].islower() and toks.pos[i + 2] in ("NOUN", "ADJ") and d.free(i, i + 2):
            # (or a region's people's word of two words of our table before a
            # noun: "Nova Scotian officials", "a British Columbian firm"; not
            # the magazine of "told the New Yorker that")
            place = g.region_for_demonym(toks.span_text(i, i + 2))
            if place is not None:
                d.add_demonym(i, i + 2, place, place.country or "*")
            continue
        if lower[i] not in _REGION_OPENERS or d.taken[i]:
            continue
        for j in range(min(n, i + 4), i + 1, -1):
            if not title[j - 1] or toks.punct[j - 1] or not d.free(i, j):
                continue
            if g.place_for_demonym(toks.text[j - 1]) is None:
                continue
            nxt = j
            while nxt < n and toks.is_space[nxt]:
                nxt += 1
            if nxt < n and toks.lower[nxt] == "time":
                continue  # "Central European Time" is a time zone
            if nxt < n and any(e.kind == "country" for e in g.exact(toks.span_text(i, nxt + 1))):
                continue  # "Central African Republic" is a country's name
            place = g.place_for_demonym(toks.span_text(i, j))
            if place is not None and place.kind != "city" and not is_ethnic(toks.text[j - 1]):
                d.add_demonym(i, j, place, place.country or "*")
                break


#: first words of a region demonym ("South East Asian", "Sub-Saharan African")
_REGION_OPENERS = {"north", "south", "east", "west", "northeast", "northwest", "southeast",
                   "southwest", "northern", "southern", "eastern", "western", "central", "latin",
                   "sub"}


def _detect_people_words(d: _Detection) -> None:
    """1a'. people words of cities and regions the model did not tag
    ("Londoners", "Mancunians"), and language names that are the language
    of a place ("in Arabic", "in Mandarin"), also when the model left a
    listed language untagged or took it alone for a body or a person, after
    "in", "into" or a form of "speak" ("broadcasts in Pashto", "translated
    into Amharic", "villagers speak Quechua")."""
    toks, g, taken = d.toks, d.g, d.taken
    for i in toks.titled():
        if taken[i]:
            continue
        label = toks.ent_type[i]
        word = toks.text[i]
        alone = (label == "" or toks.ent_iob[i] == "B") \
            and (i + 1 >= toks.n or toks.ent_iob[i + 1] != "I")
        if (label in ("", "ORG", "PERSON", "NORP", "PRODUCT") or label in ("DATE", "FAC") and alone) and i > 0 \
                and _language_word(toks, i) \
                and (toks.lower[i - 1] in _LANGUAGE_CUES
                     or _listed_after_language(toks, i) or _listed_before_language(toks, i)
                     or _listed_with_people_word(toks, i)):
            # a listed language the model missed ("translated into Amharic"),
            # also after another language ("in Dari and Pashto", "in Fijian and Māori"),
            # or beside a people's word ("between English and Telugu")
            label = "LANGUAGE"
        if label == "LANGUAGE":
            # (not the last word of a longer name: "the Dakshina Kannada district")
            if alone and not (i > 0 and toks.title[i - 1] and toks.pos[i - 1] == "PROPN"):
                place = g.place_for_demonym(word)
                if place is None and not (i + 1 < toks.n and toks.text[i + 1].islower()
                                          and toks.pos[i + 1] in ("NOUN", "ADJ")):
                    # (a language named like its people, not as their adjective: "in Minangkabau farming culture")
                    place = _cued_language_place(word, g)
                if place is not None and not is_ethnic(word):
                    d.add_demonym(i, i + 1, place, place.country or "*")
            continue
        if label in ("ORG", "PRODUCT") and alone:
            label = ""  # "two Londoners" taken alone for a product or a body
        if label in ("", "NORP") and not word.endswith("s"):
            place = _great_city_adjective(toks, i, g)
            if place is not None:  # "a Parisian café", "Parisian-style trousers"
                d.add_demonym(i, i + 1, place, place.country or "*")
            continue
        if label not in ("", "NORP", "PERSON", "GPE") or not word.endswith("s") \
                or toks.pos[i] not in ("PROPN", "NOUN"):
            continue
        if i > 0 and (toks.lower[i - 1] in _TOWN_PREPS or (toks.cap[i - 1] and toks.pos[i - 1] == "PROPN")):
            continue  # "in Brits"; "New Londoners" is not London's (but "Angry Londoners" is)
        if label == "GPE":
            # "Kiwis" tagged as a place: a plural people word the gazetteer has no place for
            place = g.place_for_demonym(word) if not g.exact(word) else None
        else:
            place = g.place_for_people_word(word)
            if place is not None and place.kind == "country":
                place = None  # country demonyms: step 1a decides
        if place is not None and not is_ethnic(word):
            d.add_demonym(i, i + 1, place, place.country or "*")


#: words after which a listed language is one ("broadcasts in Pashto", "villagers speak Quechua", "learning Twi")
_LANGUAGE_CUES = {"in", "into", "speak", "speaks", "spoke", "speaking", "learn", "learns", "learning", "learned",
                  "learnt"}


def _language_word(toks, i: int) -> bool:
    """Token ``i`` is a language of :data:`LANGUAGE_PLACES` or
    :data:`CUED_LANGUAGE_PLACES` ("Pashto", "Māori", "Zapotec")."""
    key = toks.lower[i]
    if key in LANGUAGE_PLACES or key in CUED_LANGUAGE_PLACES:
        return True
    key = normalize(toks.text[i])
    return key in LANGUAGE_PLACES or key in CUED_LANGUAGE_PLACES


def _cued_language_place(word: str, g) -> Optional[Entry]:
    """The place of a language of :data:`CUED_LANGUAGE_PLACES`, or None."""
    name = CUED_LANGUAGE_PLACES.get(normalize(word))
    if name is None:
        return None
    return next((e for e in g.exact(name) if e.kind != "city"), None)


def _listed_after_language(toks, i: int) -> bool:
    """Token ``i`` follows "and", "or" or a comma after a language, one the
    model read as such, one of :data:`LANGUAGE_PLACES` ("in Dari and Pashto")
    or a capitalised word after "in" ("in Fijian and Māori")."""
    return i > 1 and toks.lower[i - 1] in ("and", "or", ",") and (
        toks.ent_type[i - 2] == "LANGUAGE" or _language_word(toks, i - 2)
        or (i > 2 and toks.title[i - 2] and toks.lower[i - 3] in ("in", "into")))


def _listed_before_language(toks, i: int) -> bool:
    """Token ``i`` comes before "and", "or" or a comma and a language the
    model read as such ("Only Swahili and English are used")."""
    return i + 2 < toks.n and toks.lower[i + 1] in ("and", "or", ",") and toks.ent_type[i + 2] == "LANGUAGE"


def _listed_with_people_word(toks, i: int) -> bool:
    """Token ``i`` is a language of :data:`LANGUAGE_PLACES` (never one named
    like its people) listed with "and", "or" or a comma beside a word the
    model read as a people's or a language's ("between English and Telugu",
    "Xhosa and Afrikaans"): both readings of such a word name its place."""
    if normalize(toks.text[i]) not in LANGUAGE_PLACES and toks.lower[i] not in LANGUAGE_PLACES:
        return False
    for conj, other in ((i - 1, i - 2), (i + 1, i + 2)):
        if 0 <= other < toks.n and toks.lower[conj] in ("and", "or", ",") and toks.title[other] \
                and toks.ent_type[other] in ("NORP", "LANGUAGE") and toks.ent_iob[other] == "B" \
                and (other + 1 >= toks.n or toks.ent_iob[other + 1] != "I"):
            return True
    return False


#: words after a language's name and a hyphen ("Welsh-medium schools", "Irish-language radio")
_LANGUAGE_COMPOUNDS = {"medium", "language", "languages", "speaking", "speaker", "speakers"}
#: words before a language's name ("can speak Welsh", "taught in Irish")
_LANGUAGE_VERBS = _LANGUAGE_CUES | {"spoken", "teach", "teaches", "taught", "teaching"}


def _used_as_language(toks, i: int) -> bool:
    """The people's word at token ``i`` names a language: after a verb of
    speech or learning or after "in" and no name goes on ("can speak Welsh",
    "lessons in Irish"), or before a hyphen and a language's noun
    ("Welsh-medium schools", "Irish-language radio")."""
    n = toks.n
    if i > 0 and toks.lower[i - 1] in _LANGUAGE_VERBS and not (i + 1 < n and toks.cap[i + 1]):
        return True
    return i + 2 < n and toks.text[i + 1] == "-" and not toks.space[i] and not toks.space[i + 1] \
        and toks.lower[i + 2] in _LANGUAGE_COMPOUNDS


def _great_city_adjective(toks, i: int, g) -> Optional[Entry]:
    """The capital a singular people word names as an adjective before a
    lower-case noun or a hyphen ("a Parisian café", "Parisian-style
    trousers"; :func:`.mention._describes`, :func:`.mention._great_city_of`)."""
    if i + 1 >= toks.n or not _describes(toks.text[i + 1], toks.alpha[i + 1], toks.pos[i + 1]):
        return None
    return _great_city_of(toks.text[i], g)


def _detect_people_of_named(d: _Detection) -> None:
    """4. the people of a place the text names, whatever its size ("New
    Londoners" in a story about New London): the suffix rule of
    :func:`~newsledger.gazetteer.people.people_forms` against the text's
    own place names; the mention shares the place's candidates."""
    toks = d.toks
    named = {normalize(m.text): m for m in d.mentions
             if m.cands and not m.demonym and m.how in ("ner", "gaz")}
    if not named:
        return
    for i in toks.titled():
        word = toks.lower[i]
        if d.taken[i] or not word.endswith(("ers", "ites", "ians", "ans")):
            continue
        for k in (2, 1, 0):
            a = i - k
            if a < 0 or not d.free(a, i + 1) or not all(toks.title[t] for t in range(a, i + 1)):
                continue
            src = next((named[f] for f in people_forms(toks.span_text(a, i + 1)) if f in named), None)
            if src is not None:
                d.add_known(d.doc[a:i + 1], src.cands, src.main_ids, src.fuzzy)
                break


def _generic_tail(d: _Detection, i: int, j: int, name: str, ents: list[Entry],
                  ent: Optional[Span]) -> bool:
    """``doc[i:j]`` ends in a generic word after a big place and names no
    sizeable place itself: the place is ``doc[i:j-1]`` ("London City
    airport" is at London; "the University of Michigan Center for Health" is
    Michigan's).  "Mexico City", "Iowa City", "Quebec City" stay whole (a
    main name or a big place); "Center"/"Centre" only inside a longer name."""
    toks, g = d.toks, d.g
    if j - i < 2 or toks.lower[j - 1] not in _GENERIC_TAILS:
        return False
    last = toks.lower[j - 1]
    if last != "city" and (ent is None or ent.label_ in ("GPE", "LOC") or ent.end <= j):
        return False
    if last == "city" and any(e.id in g.main_ids(name) for e in ents):
        return False
    if last == "city" and not (j < toks.n and toks.text[j][:1].isupper()) and any(_city_named(e, name, g)
                                                                                  for e in ents):
        return False  # (nor a town named with "City" after its bare name: "Isabela City"; not "Springfield
        # City Schools" or "Cork City FC", a body's name)
    if any(e.population >= _GENERIC_TAILS[last] for e in ents):
        return False
    prefix = toks.span_text(i, j - 1)
    # (a town of 50,000 before "Centre" inside a body's longer name: "the
    # Oxford Centre for Maritime Archaeology", not Oxford Center of Michigan)
    town = 50_000 if last != "city" and ent is not None and ent.end > j + 1 else 1_000_000
    return any(_own_or_main(e, prefix, g) and (_top_level(e) or e.population >= town
                                               or (e.kind == "city" and g.is_capital(e)))
               for e in g.exact(prefix))
