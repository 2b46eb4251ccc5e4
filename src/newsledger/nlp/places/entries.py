"""Places: tests on gazetteer entries: how well known a place is
(:func:`_strong`, :func:`_top_level`, :func:`_prior`), whether a name is an
entry's own or one of our curated aliases (:func:`_own_or_main`), older
English names of great cities (:func:`_famous_alias`), and general English
words naming only small places (:func:`_common_word`)."""

from __future__ import annotations

import math
from typing import Optional

from rapidfuzz.distance import Levenshtein

from ...gazetteer import Entry, Gazetteer, normalize
from .words import COMMON_WORDS


def _strong(e: Entry, g: Gazetteer) -> bool:
    """Known well enough to be taken as a place without the model's say-so."""
    if e.kind == "country":
        return True
    if e.source in ("state", "continent", "extra"):
        return True
    if e.kind == "city" and (e.population >= 100_000 or g.is_capital(e)):
        return True
    return False


#: sources whose alternate names are our own curated aliases
_OWN_SOURCES = ("country", "state", "extra", "continent", "county")


def _own_name(name: str, g: Gazetteer) -> bool:
    """Whether ``name`` is a place's own name, not only another of its names."""
    main = g.main_ids(name)
    return any(e.id in main for e in g.exact(name))


def _own_or_main(e: Entry, text: str, g: Gazetteer) -> bool:
    """Matched by its main name or by one of our own curated aliases (the
    GeoNames alternate names include translations such as "White House").
    A short alias ("ACT", "Man.") must keep its capitals or its dot."""
    return e.id in g.main_ids(text) or (_alias_ok(text) and e.source in _OWN_SOURCES)


def _city_named(e: Entry, text: str, g: Gazetteer) -> bool:
    """``text`` is a town's name with "City" after it, as the Philippines and
    others name their chartered cities ("Isabela City", "MALAYBALAY CITY"),
    for a town whose own name is the bare name or "City of" and it, when
    the bare name is no great city's (a great one's "City" is another place:
    "London City airport")."""
    head, _, last = text.rpartition(" ")
    if e.kind != "city" or last.lower() != "city" or not head:
        return False
    bare = normalize(head)
    if any(o.kind == "city" and o.population >= 1_000_000 and o.id in g.main_ids(head) for o in g.exact(head)):
        return False
    return normalize(e.name) in (bare, "city of " + bare) or e.id in g.main_ids(head)


#: older or English names of capitals and great cities, still met in news and
#: in GeoNames only as alternate names (lower case)
OLDER_NAMES = frozenset({
    "kiev", "kharkov", "peking", "nanking", "chungking", "tientsin", "rangoon", "saigon",
    "bangalore", "benares", "leningrad", "stalingrad", "constantinople", "tiflis", "kishinev",
    "ashkhabad", "dacca", "teheran", "vilna", "bombay", "madras", "calcutta", "poona",
    "canton", "pusan", "amoy", "swatow", "mukden", "fez",
    "trivandrum", "cochin", "mangalore", "mysore", "gurgaon", "allahabad", "patras", "heraklion",
    "pondicherry", "cawnpore", "simla", "danzig", "breslau", "stettin", "posen", "lemberg", "pressburg",
    "konigsberg", "leopoldville", "stanleyville", "elisabethville", "sverdlovsk", "kuibyshev", "calicut",
    "chittagong", "barisal", "baroda", "gauhati",
    # (English names of European and Arabian cities: "via Rotterdam and Ghent")
    "ghent", "louvain", "cologne", "hanover", "brunswick", "lyons", "marseilles", "sebastopol", "mecca",
})


#: the great town an older English name (:data:`OLDER_NAMES`) names is this big
_FAMOUS_POP = 100_000


def _famous_alias(name: str, main: frozenset[int], ents: list[Entry],
                  g: Gazetteer, home: frozenset | set = frozenset()) -> Optional[Entry]:
    """The great city that ``name`` names when it is one of the older
    English names news used for decades (:data:`OLDER_NAMES`: "Kiev",
    "Peking", "Rangoon", "Bombay") and the main name of no place but a small
    one (Bombay, New Zealand), or, in a text of the great city's country
    (``home``), of none there ("Canton" of Ohio in a story of China): taken
    as that city's own.  Asked only of one word the model took for a person
    or an organisation ("blamed Kiev") or left untagged ("the Madras High
    Court").  GeoNames' other alternate names (transliterations, historic
    forms such as "Gorky") are not enough: they are too often people's names."""
    if normalize(name) not in OLDER_NAMES:
        return None
    big = [e for e in ents if e.kind == "city" and (e.population >= _FAMOUS_POP or g.is_capital(e))]
    if len(big) != 1:
        return None
    at_home = big[0].country in home
    if any(e.id in main and e.population >= 10_000 and (not at_home or e.country in home) for e in ents):
        return None
    return big[0]


#: a great town's other spelling of its own name ("Seville" of Sevilla,
#: "Darjeeling" of Dārjiling) is taken as its own when the town is this big
RESPELLING_POP = 100_000


def _respelling(name: str, e: Entry) -> bool:
    """Whether ``name``, one of a great town's alternate names, only spells
    its main name another way: the same first letter, one letter changed in
    six or more or two in eight or more ("Seville" / "Sevilla", "Darjeeling"
    / "Darjiling"), and not by a letter put on or taken off its end ("Trent"
    / "Trento" is a man's name), rather than a name in another language or a
    historic one ("Hispalis"); spaces and hyphens do not count ("Naypyidaw"
    / "Nay Pyi Taw")."""
    if e.kind != "city" or e.population < RESPELLING_POP:
        return False
    # (the words run together or kept apart alike: "Naypyidaw" of Nay Pyi Taw)
    a, b = (normalize(x).replace(" ", "").replace("-", "") for x in (name, e.name))
    if a == b:
        return len(a) >= 5  # ("Ha Noi" of Hanoi)
    if len(a) < 6 or a[:1] != b[:1] or a.startswith(b) or b.startswith(a):
        return False
    return Levenshtein.distance(a, b, score_cutoff=2) <= (2 if len(a) >= 8 else 1)


def _town_named(name: str, g: Gazetteer, population: int) -> bool:
    """Whether ``name`` is the own name of a town of ``population`` people or more."""
    main = g.main_ids(name)
    return any(e.id in main and e.kind == "city" and e.population >= population for e in g.exact(name))


#: each of two towns the model took together for one person must be this big
PAIR_TOWN_POP = 5000


def _town_pair(toks, start: int, end: int, g: Gazetteer) -> Optional[tuple[tuple[int, int], tuple[int, int]]]:
    """The two sides of ``toks[start:end]`` when it is two towns of
    ``PAIR_TOWN_POP`` people or more by their own one-word names joined by
    "and", "to" or "with", which the model took for one person or body ("between
    Laramie and Rawlins", "a ferry from Gourock to Dunoon", "linking Troon with
    Ayr"); none otherwise
    (a couple, "Brent and Lynnette", is no town's)."""
    if end - start != 3 or toks.lower[start + 1] not in ("and", "to", "with"):
        return None
    if not all(toks.title[k] and toks.alpha[k] and _town_named(toks.text[k], g, PAIR_TOWN_POP)
               for k in (start, start + 2)):
        return None
    return (start, start + 1), (start + 2, start + 3)


#: letters a word has one of at least (a short name without any is an abbreviation: "Qld")
_VOWELS = set("aeiouy")


def _alias_ok(text: str) -> bool:
    """``text`` may be one of our aliases: not short, or short with its
    capitals or its dot ("ACT", "Man."), or with no vowel, which no word
    has ("Qld")."""
    return not (len(normalize(text)) <= 4 and not ("." in text or text.isupper())
                and any(c in _VOWELS for c in normalize(text)))


def _common_word(name: str, n_tokens: int, best: Entry) -> bool:
    """A single general English word ("Police", "Union", "Central") naming only
    a small place: not a place on the gazetteer's word alone."""
    return (normalize(name) in COMMON_WORDS and not _top_level(best)
            and (best.population < 1_000_000 or n_tokens == 1 and name.lower() in _BRANDS))


_BRANDS = {"toyota", "honda", "nissan", "mazda", "lexus", "volvo", "audi", "kia", "dodge", "real"}

#: companies the news names more often than the place or land that shares
#: the name: a body for the model is the company ("Amazon reported ...")
FIRMS = {"amazon", "nokia", "mercedes", "toyota", "volvo", "pemex"}


def _firm(name: str, label: Optional[str], toks, i: int) -> bool:
    """The name is a company's here: one of :data:`FIRMS`, tagged a body or a
    product, and not after "the", "in" or "of" ("the Amazon", "in Nokia")."""
    return label in ("ORG", "PRODUCT") and normalize(name) in FIRMS \
        and not (i > 0 and toks.lower[i - 1] in ("the", "in", "of", "near", "at"))


def _country_word(name: str, g: Gazetteer) -> bool:
    """``name`` is a country's name."""
    return any(e.kind == "country" for e in g.exact(name)[:3])


def _top_level(e: Entry) -> bool:
    """Countries, states/provinces and curated places: safe without context."""
    return e.kind == "country" or e.source in ("state", "continent", "extra")


def _prior(e: Entry) -> float:
    return math.log10(e.population + 1) + (3 if e.kind == "country" else 2 if _top_level(e) else 0)


def _short_form(key: str, e: Entry) -> bool:
    """Whether the name (its key) opens the town's main name, the rest a
    river or a qualifier the news leaves out ("Newcastle" of "Newcastle upon
    Tyne", "Frankfurt" of "Frankfurt am Main"), or closes it after a word of
    honour ("Matamoros" of "Heroica Matamoros", "Juarez" of "Ciudad Juárez")."""
    main = normalize(e.name)
    if len(key) < 4 or len(main) <= len(key) + 1:
        return False
    if main.endswith(" " + key):  # an honorific before the name ("Heroica Matamoros", "Ciudad Juarez")
        return main[:-len(key) - 1] in _HONORIFICS
    if not main.startswith(key) or main[len(key)] not in " (":
        return False
    rest = main[len(key) + 1:]
    return main[len(key)] == "(" or rest.split(" ", 1)[0] in _QUALIFIER_OPENERS


#: words of honour or kind before a town's name that the news leaves out
_HONORIFICS = {"heroica", "ciudad"}

#: first words of what follows a town's short name in its full name ("upon
#: Tyne", "am Main", "sur Mer"), not a name's own word ("Springfield Gardens")
_QUALIFIER_OPENERS = {"upon", "on", "am", "an", "im", "in", "ob", "bei", "de", "del", "della", "di",
                      "do", "da", "du", "des", "sur", "en", "la", "le"}
