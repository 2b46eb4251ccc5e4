"""Places: find place names in a parsed Doc and resolve them with the gazetteer.

Detection
    * the model's GPE and LOC entities (FAC ones only when the gazetteer knows
      them), demonyms tagged NORP ("Azerbaijani") standing for their country;
    * gazetteer-backed recognition of capitalised spans the small model misses
      or mislabels (it tags some cities PERSON and some regions ORG): the span
      must be a known place, cover the whole mislabelled entity, and must not
      look like a person's name in context (a title before it, a speech verb
      after a bare name, the word seen elsewhere as part of a full name).
    * names with "County"/"Parish", street and road names ("Powerline Road"),
      places opening an organisation's name ("Mansfield Police Department")
      or following "of" in it ("University of Rochester"), never a general
      word ("Police", "Union", "Superior": :data:`COMMON_WORDS`); a whole
      organisation-tagged name that is a known place ("the European Union")
      is one mention; untagged cities count when big, listed with another
      place ("Tabriz and Ahar") or followed by a place noun ("Edmonton
      residents"); a small namesake in a country the text is about wins.
    * a GPE/LOC entity the gazetteer does not know needs a place context (a
      locative word before it, a place word ending it, a list with a place);
      an office named after its place ("Boone County Jail") gives the place.
    * names listed before "counties" ("Barrow, Jackson and Madison counties"),
      byline datelines ("March 30, 2009 NEWARK --", "BEIRUT:"), names with
      inner capitals ("DeKalb"), numbered roads ("County Road 43"); "North
      Texas" is Texas unless the whole is a name ("North Carolina"); and one
      sense per text: a name found as a place is a place wherever else it
      appears capitalised, unless it reads as a person's name there.
    * names the model split are joined ("the Democratic Republic of the" +
      "Congo"), a lower-case word it took in is left out ("Aceh province");
      a name the text uses for a disease ("Marburg virus") is no place there.

Resolution (choosing among same-named gazetteer entries)
    a prior (population, kind, main name or alternate name), then the
    document's context: the countries and first-level divisions mentioned,
    "City, State" patterns, cue words ("the city of"), and the distance to the
    other places of the text, in two passes (one sense per name per document).
    The states/provinces where the text's other names have namesakes support
    each other (local news names the towns of one area); "a Lebanon woman",
    "the Paris City Council" make the name a town; a capital named like a
    state of its country ("Washington") is the capital unless a cue says the
    division ("Washington state", "eastern Washington", "the Quebec government").
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
    places.  A name the gazetteer does not know is put at the text's focus,
    the most-named town amid its places.

Role
    a country or capital that is the subject of a speech or political verb
    ("Moscow summoned", "Baku says") is an ``actor``; otherwise ``location``.

:func:`resolve_spans` resolves given character spans (e.g. gold toponyms)
with the same logic and context.

Cost: the stage reads the Doc's token attributes once into lists
(:class:`_Tokens`), reads the gazetteer entries of a text's candidate names in
a few queries (:meth:`Gazetteer.prefetch`), scores each distinct name's
candidates once per pass, and measures each distance once per point.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

from spacy.attrs import (ENT_IOB, ENT_TYPE, IDX, IS_ALPHA, IS_PUNCT, IS_SPACE, IS_STOP, IS_TITLE,
                         IS_UPPER, LIKE_NUM, LOWER, ORTH, POS, SPACY)
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Span, Token

from ..gazetteer import Entry, Gazetteer, get_gazetteer, haversine_km, normalize
from ..gazetteer.people import LANGUAGE_PLACES, is_ethnic, people_forms
from ..model import PlaceMention
from .timex import lexicon as timex_lexicon

# ---------------------------------------------------------------------------
# word lists (general English, not tied to any article)

TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "presidents", "minister", "prime", "chancellor", "secretary", "senator", "sen",
    "rep", "representative", "gov", "governor", "mayor", "judge", "justice", "officer", "sgt",
    "sergeant", "lt", "lieutenant", "capt", "captain", "col", "colonel", "gen", "general",
    "maj", "major", "cpl", "corporal", "pvt", "private", "det", "detective", "rev",
    "reverend", "father", "sister", "brother", "pope", "king", "queen", "prince", "princess",
    "emir", "sheikh", "ayatollah", "coach", "chief", "deputy", "ambassador", "spokesman",
    "spokeswoman", "spokesperson", "commissioner", "councilman", "councilwoman", "trooper",
    "st", "saint", "uncle", "aunt", "mother", "mom", "dad", "son", "daughter", "wife", "husband",
    "actor", "actress", "singer", "star", "player", "pitcher", "quarterback", "guard",
    "forward", "striker", "midfielder", "defender", "goalkeeper", "rapper", "director",
}

SPEECH_VERBS = {
    "say", "tell", "add", "explain", "note", "state", "claim", "believe", "announce", "accuse",
    "deny", "reject", "summon", "warn", "threaten", "demand", "insist", "urge", "call",
    "respond", "reply", "condemn", "sign", "agree", "refuse", "sanction", "impose", "recognize",
    "recognise", "support", "oppose", "want", "seek", "expel", "propose", "promise", "argue",
    "allege", "blame", "vow", "retaliate", "negotiate", "decide", "plan", "launch", "invade",
    "acquiesce", "win", "lose", "veto", "approve", "ratify", "protest", "criticize",
    "criticise", "welcome", "praise", "insist", "suggest", "hope", "fear", "consider",
    "send", "deploy", "withdraw", "order", "ban", "boycott", "request", "offer", "pledge",
    "confirm", "acknowledge", "admit", "ask", "push", "press", "insist", "expect", "view",
    "see", "accept", "back", "endorse", "mediate", "broker", "host", "lead", "attack",
    "bomb", "strike", "annex", "occupy", "recall", "cut", "halt", "suspend", "resume",
}

PERSON_VERBS = {"say", "tell", "add", "explain", "note", "recall", "ask", "laugh", "smile",
                "write", "admit", "told", "said", "says"}

LOC_PREPS = {"in", "at", "near", "from", "to", "into", "outside", "across", "around", "toward",
             "towards", "throughout", "through", "within", "inside", "via", "across", "between",
             "of", "on", "beyond", "along", "past"}

PLACE_NOUNS = {"residents", "outskirts", "people", "streets", "mayor", "centre", "center",
               "suburbs", "north", "south", "east", "west", "city", "town", "village", "capital", "region", "province", "state", "county",
               "district", "port", "island", "republic", "country", "nation", "area",
               "municipality", "township", "borough", "suburb", "enclave", "exclave",
               "territory", "peninsula", "oblast", "governorate", "prefecture", "settlement",
               "community", "neighborhood", "neighbourhood", "valley"}

#: general English words that are also the name of some small GeoNames place
#: ("Police", Poland; "Union", US): inside a name ("Mansfield Police
#: Department", "European Union", "Superior Court") they are never taken as a
#: place on the gazetteer's word alone
COMMON_WORDS = {
    "police", "university", "college", "school", "central", "superior", "metro", "union",
    "green", "spring", "springs", "forest", "enterprise", "alliance", "eagle", "bell", "dome",
    "titan", "man", "liberty", "independence", "unity", "commerce", "progress", "hope",
    "justice", "victory", "freedom", "harmony", "friendship", "energy", "golden", "royal",
    "national", "federal", "general", "united", "grand", "county", "city", "state", "center",
    "centre", "plaza", "market", "bank", "river", "lake", "park", "valley", "mountain", "ocean",
    "home", "hospital", "church", "temple", "mission", "academy", "institute", "council",
    "congress", "senate", "court", "army", "navy", "marine", "force", "guard", "fire", "rescue",
    "health", "care", "life", "world", "global", "international", "standard", "express",
    "times", "post", "tribune", "herald", "star", "sun", "journal", "daily", "news", "press",
    "record", "register", "gazette", "review", "mirror", "globe", "observer", "telegraph",
    "energy", "power", "oil", "gas", "steel", "motor", "motors", "airlines", "air", "bay",
    "summit", "pioneer", "frontier", "heritage", "providence", "paradise", "eden", "olympia",
    "phoenix", "mercury", "apollo", "atlas", "delta", "alpha", "omega", "zion", "trinity",
    "ocean", "coral", "pearl", "diamond", "crystal", "silver", "gold", "orange", "lemon",
    "cherry", "apple", "rose", "lily", "ivy", "holly", "sunshine", "rainbow", "mesa",
    "globe", "vista", "tower", "towers", "castle", "bridge", "bridges", "harbor", "harbour",
    "port", "station", "junction", "crossing", "heights", "hills", "hill", "point", "ridge",
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "midland",
    "midway", "upper", "lower", "middle", "new", "old", "little", "big", "long", "high",
    "fairview", "pleasant", "plain", "plains", "prairie", "meadow", "meadows", "oak", "oaks",
    "pine", "pines", "cedar", "maple", "elm", "willow", "birch", "ash", "chase", "quest",
    "venture", "victoria", "regent", "sterling", "worth", "mount", "glen", "dale", "vale",
    "bethel", "shiloh", "salem", "canaan", "goshen", "sharon", "beulah", "galilee", "bethany",
    "tribe", "nation", "republic", "empire", "kingdom", "reserve", "commonwealth", "district",
    "metropolitan", "municipal", "regional", "community", "public", "civic", "social",
    "democratic", "liberal", "labour", "labor", "conservative", "progressive", "people",
    "peoples", "popular", "patriot", "patriots", "rangers", "eagles", "lions", "tigers",
    "bears", "giants", "titans", "warriors", "chiefs", "kings", "pirates", "royals", "saints",
    "jets", "rockets", "thunder", "lightning", "heat", "magic", "jazz", "wizards", "senators",
    "capital", "capitals", "square", "garden", "gardens", "mall", "avenue", "street", "road",
    "theatre", "theater", "museum", "library", "gallery", "arena", "stadium", "field",
    "fields", "airport", "island", "islands", "beach", "coast", "shore", "cove", "creek",
    "falls", "rapids", "canyon", "rock", "rocks", "stone", "wells", "well", "mills", "mill",
    "ford", "lincoln", "jefferson", "franklin", "hamilton", "madison", "monroe", "jackson",
    "washington", "clinton", "lee", "grant", "kennedy", "obama", "bush", "reagan", "nixon",
    "carter", "johnson", "wilson", "taylor", "young", "king", "mobile", "nice", "reading",
    "bath", "buffalo", "troy", "media", "college", "normal", "colony", "independence",
    "marathon", "olympic", "alliance", "concord", "accord", "reliance", "advance", "chamber",
    "homeland", "landmark", "lakes", "triangle", "real", "beacon", "tri city", "woodlands",
    "toyota", "honda", "nissan", "mazda", "lexus", "volvo", "audi", "kia", "dodge", "chevrolet",
    "buick", "cadillac", "jeep", "orion", "saturn", "jupiter", "venus", "mars", "luna",
}

#: nouns that, right after a capitalised name, say it is a place ("Edmonton residents")
AFTER_PLACE = {"resident", "residents", "native", "natives", "man", "woman", "men", "women",
               "police", "mayor", "council", "area", "suburb", "suburbs", "outskirts",
               "neighborhood", "neighbourhood", "county", "township", "city", "town", "village",
               "voters", "citizens", "officials", "authorities", "schools", "-based", "based",
               "airport", "hospital", "district", "province", "region", "border", "streets",
               "boy", "girl", "teen", "teenager", "family", "couple", "firefighters", "fire"}

#: last words of a street or road name ("Shamrock Street", "Powerline Road")
STREET_HEADS = {"street", "st", "road", "rd", "avenue", "ave", "drive", "dr", "boulevard",
                "blvd", "lane", "ln", "highway", "hwy", "parkway", "pkwy", "pike", "turnpike",
                "expressway", "freeway", "bypass", "trail", "circle"}

#: words that are capitalised at the start of a sentence but are never place names there
_FUNCTION_POS = {"DET", "PRON", "ADP", "CCONJ", "SCONJ", "AUX", "PART", "INTJ", "NUM", "PUNCT"}

MAX_NGRAM = 5
MISSING = None

# weights of the resolution score (tuned on the LGL + TR-News dev set)
W = {
    "pop": 1.0,           # per log10(population)
    "main": 2.0,          # the name is the entry's main name (not an alternate one)
    "country": 4.5,       # entry's country is mentioned in the document (saturating)
    "admin": 1.5,         # entry's state/province is mentioned
    "pair": 6.0,          # "Springfield, Illinois"
    "near": 3.0,          # close to other places of the text
    "near_km": 250.0,
    "kind_country": 3.0,
    "kind_region": 2.2,
    "kind_feature": 1.5,
    "capital": 1.0,
    "cue_city": 1.0,      # "the city of X" favours cities
    "approx": -0.8,
    "subdivision": -1.5,
    "county": 3.0,        # a county outranks the villages named like it
    "in_region": 3.0,     # lies inside a curated region the text names (Nagorno-Karabakh)
    "in_region_km": 60.0,
    "support": 2.5,       # other names of the text have a namesake in the same state/province
    "local": 3.0,         # "a Lebanon woman", "the Jordan City Council": a local town
    "capital_state": 3.0, # "Washington" alone: the capital, not the state
    "county_cue": 6.0,    # "Cooke, Grayson and Love counties"; "Platte" after "Platte County"
    "state_town": -4.0,   # a small town named like a state ("California", Md.) rarely is the one meant
    "country_other": 3.0, # a country the text's other names point to ("Moscow" for "Russia")
    "bare_county": -2.0,  # "Greene" for Greene County, the text never saying "County"
    "focus_km": 150.0,    # places this close to a town make it the text's focus (_focus)
    "coloc": 3.0,         # other names of the text have a namesake near this candidate
    "coloc_km": 50.0,
    "coloc_spread": 20.0, # a name with this many local namesakes counts half
    "sea": 20.0,          # "crossed the Atlantic": a sea or ocean, never a town named after it
    "feature_floor": 4.0, # a curated mountain, river or sea counts as a place of 10,000 people
    "great_rival": -3.0,  # a small namesake of a great city abroad, by the other countries' share
    "fuzzy_km": 1000.0,   # a misspelt name's place lies this near a place named exactly
    "country_alias": -4.0, # a country's own name given as another place's other name
    "division_floor": 4.0, # so does a province or county with its own centre
    "division_word": 5.0,  # "the Kursk region", "Kano State": the division, not its capital
}


@dataclass
class _Mention:
    start: int
    end: int
    text: str
    span: Optional[Span]
    how: str  # ner | gaz | demonym | given
    cands: list[Entry] = field(default_factory=list)
    demonym: Optional[str] = None
    choice: Optional[Entry] = None
    pair: Optional[str] = None  # text after "X, " that may contain X
    cue_city: bool = False
    local_cue: bool = False
    region_cue: bool = False
    division_word: bool = False  # the name is given with its division's word ("Kano State")
    country_cue: bool = False  # in a list of countries (_lists_of_divisions)
    sea_cue: bool = False
    river_cue: bool = False
    county_cue: bool = False
    main_ids: set[int] = field(default_factory=set)
    admin_keys: frozenset = frozenset()
    votes: dict = field(default_factory=dict)
    own_countries: Counter = field(default_factory=Counter)
    scored: Optional["_CandidateScores"] = None  # context-free scores of the candidates (see _best)
    coloc: dict = field(default_factory=dict)  # entry id -> evidence of other names nearby (_colocation)
    fuzzy: bool = False  # the candidates are of a name spelt otherwise (no exact match)
    tail: str = ""  # the word of kind a given span ends with ("region" of "the Kursk region")


#: the string of each hash read so far (a hash names one string in every StringStore)
_STRINGS: dict[int, str] = {}
_STRINGS_MAX = 500_000


def _strings(hashes: list[int], string) -> list[str]:
    """The strings of ``hashes`` (``string``: a StringStore's lookup), kept in
    :data:`_STRINGS` (a dictionary is faster than a StringStore)."""
    try:
        return list(map(_STRINGS.__getitem__, hashes))
    except KeyError:
        if len(_STRINGS) > _STRINGS_MAX:
            _STRINGS.clear()
        for h in hashes:
            if h not in _STRINGS:
                _STRINGS[h] = string(h)
        return list(map(_STRINGS.__getitem__, hashes))


_TOKEN_ATTRS = [ORTH, LOWER, IDX, SPACY, IS_TITLE, IS_UPPER, IS_ALPHA, IS_PUNCT, IS_SPACE, IS_STOP,
                LIKE_NUM, POS, ENT_TYPE, ENT_IOB]
_IOB_NAMES = ("", "I", "O", "B")


@dataclass
class _Tokens:
    """The token attributes the stage reads, taken from the Doc at once
    (``Doc.to_array``): the loops over the text index these lists instead of
    creating a spaCy ``Token`` at every look at a word.  Each list has one
    item per token, with the value of the ``Token`` attribute of that name
    (``lower`` is ``lower_``, ``pos`` is ``pos_``, ``space`` is
    ``whitespace_ != ""``, ``cap`` is :func:`_capitalised`); the flags are
    0 or 1 (read them as truth values only)."""

    doc_text: str
    text: list[str]
    lower: list[str]
    idx: list[int]
    space: list[int]
    title: list[int]
    upper: list[int]
    alpha: list[int]
    punct: list[int]
    is_space: list[int]
    stop: list[int]
    like_num: list[int]
    pos: list[str]
    ent_type: list[str]
    ent_iob: list[str]
    cap: list[int]

    @classmethod
    def of(cls, doc: Doc) -> "_Tokens":
        cols = doc.to_array(_TOKEN_ATTRS).T.tolist() if len(doc) else [[] for _ in _TOKEN_ATTRS]
        (orth, lower, idx, space, title, upper, alpha, punct, is_space, stop, like_num, pos,
         ent_type, ent_iob) = cols
        string = doc.vocab.strings.__getitem__
        text = _strings(orth, string)
        # Doc.text joins the tokens' text_with_ws (creating every Token)
        doc_text = "".join([t + " " if sp else t for t, sp in zip(text, space)])
        return cls(
            doc_text=doc_text, text=text, lower=_strings(lower, string), idx=idx, space=space,
            title=title, upper=upper, alpha=alpha, punct=punct, is_space=is_space, stop=stop,
            like_num=like_num, pos=[POS_NAMES[x] for x in pos],
            ent_type=[string(x) if x else "" for x in ent_type],
            ent_iob=[_IOB_NAMES[x] for x in ent_iob],
            cap=[ti or (t[:1].isupper() and _capitalised_text(t)) for t, ti in zip(text, title)])

    def __len__(self) -> int:
        return len(self.text)

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` (``end > start``)."""
        return self.doc_text[self.idx[start]:self.idx[end - 1] + len(self.text[end - 1])]


# ---------------------------------------------------------------------------
# public API

def find_places(doc: Doc, gazetteer: Optional[Gazetteer] = None) -> list[PlaceMention]:
    """Place names in a processed spaCy ``Doc``, resolved and with a role."""
    g = gazetteer or get_gazetteer()
    toks = _Tokens.of(doc)
    mentions = _detect(doc, toks, g)
    _resolve(doc, toks, mentions, g)
    return [_to_place(doc, m, g) for m in mentions]


def resolve_spans(doc: Doc, spans: Iterable, gazetteer: Optional[Gazetteer] = None
                  ) -> list[Optional[PlaceMention]]:
    """Resolve given character spans (``(start, end)`` pairs or objects with
    ``start``/``end``) as place names, using the same context logic as
    :func:`find_places`.  Returns one PlaceMention (or None) per span."""
    g = gazetteer or get_gazetteer()
    mentions: list[_Mention] = []
    given: list[_Mention] = []
    doc_text = doc.text  # built from the tokens at each read
    for sp in spans:
        start, end = (sp if isinstance(sp, tuple) else (sp["start"], sp["end"]) if isinstance(sp, dict)
                      else (sp.start, sp.end))
        text = doc_text[start:end]
        span = doc.char_span(start, end, alignment_mode="expand")
        m = _Mention(start, end, text, span, "given")
        _fill_candidates(m, g, fuzzy=True)
        given.append(m)
    # the places the stage itself finds elsewhere in the text are context too
    toks = _Tokens.of(doc)
    mentions = list(given)
    for m in _detect(doc, toks, g):
        if not any(m.start < o.end and o.start < m.end for o in given):
            mentions.append(m)
    _resolve(doc, toks, mentions, g)
    # a name the gazetteer does not know (a street, a hamlet, a building) is
    # put at the text's focus: the place it names most often
    focus = _focus(mentions)
    out: list[Optional[PlaceMention]] = []
    for m in given:
        if m.choice is None and not m.demonym and not _compass_word(m.text):
            host = _host_place(doc, m, mentions, focus)
            if host is None:
                out.append(None)
                continue
            out.append(PlaceMention(start=m.start, end=m.end, text=m.text, name=m.text,
                                    lat=host.lat, lon=host.lon, country=host.country))
        else:
            out.append(_to_place(doc, m, g) if m.choice is not None else None)
    return out


def _focus(mentions: Sequence[_Mention]) -> Optional[Entry]:
    """The most-named local place of a text (a city, else a state or
    province, else a country), or None.  Among cities, each mention of
    another place of the text nearby (``focus_km``) counts half a mention:
    a town amid the text's other places beats an outlier named as often."""
    points = [(m.choice.lat, m.choice.lon) for m in mentions
              if m.choice is not None and not m.demonym and m.choice.lat is not None
              and m.choice.kind != "country" and not m.choice.approx]
    for kinds in (("city",), ("region",), ("country",)):
        counts: Counter[int] = Counter()
        entries: dict[int, Entry] = {}
        for m in mentions:
            e = m.choice
            if e is None or m.demonym or e.lat is None or e.kind not in kinds:
                continue
            if e.kind == "region" and (e.source not in ("state", "extra", "county")
                                       or e.population > 50_000_000):
                continue
            counts[e.id] += 1
            entries[e.id] = e
        if not counts:
            continue
        if kinds == ("city",) and len(counts) > 1:
            score = {k: n + 0.5 * _places_near(entries[k], points) for k, n in counts.items()}
            return entries[max(counts, key=score.__getitem__)]
        return entries[counts.most_common(1)[0][0]]
    return None


#: words that put an unknown name in the place after them ("Abu Shok camp
#: in Al-Fashir", "Wedza district, Mashonaland East")
_HOST_LINKS = {"in", "near", "outside", ",", "of"}


def _host_place(doc: Doc, m: _Mention, mentions: Sequence[_Mention], focus: Optional[Entry]
                ) -> Optional[Entry]:
    """Where to put a name the gazetteer does not know: in the place the
    text puts it (a few lower-case words, then "in", "near", "outside", "of"
    or a comma, then a known place: "the Tana camp in Garissa", "the Kibo
    river arm of Lake Volta"), else at the text's focus.  A country is no
    better than a focus that lies in it.  (Putting a name beside its
    neighbour in a list was tried and lost on the dev set.)"""
    known = {o.start: o.choice for o in mentions if o is not m and o.choice is not None
             and not o.demonym and o.choice.lat is not None}
    host = None
    if m.span is not None:
        sent_end = m.span.sent.end if doc.has_annotation("SENT_START") else len(doc)
        k = m.span.end
        while k < min(sent_end, m.span.end + 5) and doc[k].is_lower and doc[k].is_alpha \
                and doc[k].pos_ in ("NOUN", "ADJ") and doc[k].lower_ not in _HOST_LINKS:
            k += 1
        if k < sent_end and doc[k].lower_ in _HOST_LINKS and k + 1 < len(doc):
            at = k + 1 + (doc[k + 1].lower_ == "the")
            if at < len(doc):
                host = known.get(doc[at].idx)
    if host is not None and host.kind == "country" and focus is not None and focus.country == host.country:
        host = focus
    return host or focus


def _places_near(e: Entry, points: list[tuple[float, float]]) -> int:
    """How many of ``points`` (other than ``e``'s own) lie within ``focus_km`` of ``e``."""
    return sum(1 for lat, lon in points if (lat, lon) != (e.lat, e.lon)
               and haversine_km(lat, lon, e.lat, e.lon) <= W["focus_km"])


# ---------------------------------------------------------------------------
# detection

def _strip(toks: _Tokens, s: int, e: int) -> Optional[tuple[int, int]]:
    """The token range ``s:e`` without a leading determiner and trailing
    possessive/punctuation, or None when nothing is left."""
    while s < e and (toks.lower[s] in ("the", "a", "an") or toks.punct[s]):
        s += 1
    while e > s and (toks.punct[e - 1] or toks.lower[e - 1] in ("'s", "’s", "'")):
        # keep the dot of an abbreviation split off by the tokenizer ("W.Va" + ".")
        if toks.text[e - 1] == "." and e - 1 > s and not toks.space[e - 2] and "." in toks.text[e - 2]:
            break
        e -= 1
    return (s, e) if e > s else None


def _fill_candidates(m: _Mention, g: Gazetteer, fuzzy: bool) -> None:
    text = m.text
    if _compass_word(text) and not _named_as_town(m):
        return  # "the West", "the North": no town West or North (see _compass_word)
    place = g.place_for_demonym(text) if text[:1].isupper() else None
    if place is not None and g.country_code(text) is None and (not any(
            _top_level(e) or e.population >= 100_000 for e in g.exact(text)
            if e.id in g.main_name_ids(text)) or _people_plural(m, g)):
        m.cands, m.demonym = [place], place.country or "*"
        return
    if text[:1].isupper() and g.is_people_word(text):
        fuzzy = False  # "Londoners" is no misspelt "Londonderry"
    code = place.country if place is not None and place.kind == "country" else None
    cands = g.exact(text)
    if not cands:
        stripped = re.sub(r"^(?:the\s+)", "", text, flags=re.I)
        stripped = re.sub(r"(?:'s|’s|')$", "", stripped)
        if stripped != text:
            cands = g.exact(stripped)
    if not cands:
        # a name given with its division's or town's word ("the Kursk region",
        # "Kano State", "Fukushima Prefecture"): the name, and that kind of place
        head, _, word = text.rpartition(" ")
        if word.lower() in _TAIL_WORDS and head[:1].isupper():
            cands = g.exact(re.sub(r"^(?:the\s+)", "", head, flags=re.I))
            if cands:
                m.tail, text = word.lower(), re.sub(r"^(?:the\s+)", "", head, flags=re.I)
    if not cands and code:
        country = g.country(code)
        cands = [country] if country else []
        m.demonym = code
    if not cands and fuzzy:
        cands = g.lookup(text)
        m.fuzzy = bool(cands)
    if not cands and text[:1].isupper() and len(text) >= 4:
        # an unknown bare name may be a county's ("Preble voters" -> Preble County)
        for word in ("County", "Parish"):
            cands = [e for e in g.exact(f"{text} {word}") if e.source == "county"]
            if cands:
                break
    m.cands = list(cands)
    if m.cands:
        m.main_ids = g.main_name_ids(text)


#: last words of a given place name that say its kind ("the Kursk region",
#: "Kano State", "Heze city"): the division's words, then the town's
_DIVISION_WORDS = {"province", "state", "region", "oblast", "krai", "kray", "prefecture", "governorate",
                   "territory", "department", "district", "municipality"}
_TAIL_WORDS = _DIVISION_WORDS | {"city", "town", "village"}


def _capitalised(tok: Token) -> bool:
    """Title case, or a capitalised name with inner capitals ("DeKalb", "McDowell")."""
    return tok.is_title or _capitalised_text(tok.text)


def _capitalised_text(t: str) -> bool:
    """A capitalised name with inner capitals ("DeKalb", "McDowell")."""
    return (len(t) > 2 and t[0].isupper() and t.isalpha() and t[1:].lower() != t[1:]
            and any(c.islower() for c in t))


def _person_like(toks: _Tokens, start: int, end: int, person_words: set[str]) -> bool:
    """Does doc[start:end] look like (part of) a person's name here?"""
    if start > 0:
        p = start - 1
        if toks.lower[p].rstrip(".") in TITLES:
            return True
        if toks.ent_type[p] == "PERSON" and toks.title[p] and toks.ent_iob[p] != "O":
            return True
    if end < len(toks) and toks.title[end] and toks.ent_type[end] == "PERSON" and toks.pos[end] == "PROPN":
        return True
    return end - start == 1 and toks.text[start] in person_words


def _place_cue(toks: _Tokens, start: int, end: int, g: Gazetteer) -> bool:
    """Context that says a span is a place: a locative preposition or a
    place noun before it, or ", State/Country" after it."""
    if start > 0:
        prev = toks.lower[start - 1]
        if prev in LOC_PREPS and prev != "of":
            return True
        if prev in ("of", ",") and start > 1 and toks.lower[start - 2] in PLACE_NOUNS:
            return True
    if end + 1 < len(toks) and toks.text[end] == "," and toks.title[end + 1]:
        if any(e.kind in ("region", "country") for e in g.exact(toks.text[end + 1])):
            return True
    return False


def _possessor_country(toks: _Tokens, i: int, g: Gazetteer) -> Optional[str]:
    """The country whose possessive comes before token ``i``, over at most
    two adjectives ("Kenya's overcrowded Dadaab camps"), or None."""
    k = i - 1
    while k >= 0 and i - k <= 2 and toks.pos[k] == "ADJ":
        k -= 1
    if k < 1 or toks.lower[k] not in ("'s", "’s"):
        return None
    for e in g.exact(toks.text[k - 1])[:3]:
        if e.kind == "country":
            return e.country
    return None


def _foreign_to_possessor(toks: _Tokens, i: int, known: list[Entry], g: Gazetteer) -> bool:
    """A one-word name after a country's possessive that names no place of
    that country is its leader or one of its people, not a place ("France's
    Macron", "Tanzania's Hassan"; "Kenya's Dadaab" is a place)."""
    owner = _possessor_country(toks, i, g)
    return owner is not None and not any(e.country == owner for e in known)


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
                "city", "town", "region", "oblast", "governorate", "prefecture", "borough"}


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


def _unknown_place_ok(toks: _Tokens, s: int, e: int) -> bool:
    """A GPE/LOC name (tokens ``s:e``) the gazetteer does not know counts when
    its context says place: a locative word before it ("in Cockerham", "east
    of Whitlock", "the village of X"), a place word ending it ("Roanoke
    Park"), ", State" after it, or a list with a place."""
    last = toks.lower[e - 1]
    if last in INSTITUTION_HEADS or not toks.text[e - 1][:1].isupper():
        return False
    if last in _PLACE_HEADS or last in STREET_HEADS:
        return True
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
    if e + 1 < len(toks) and toks.lower[e] in (",", "and", "or") and toks.ent_type[e + 1] in ("GPE", "LOC"):
        return True
    return False


def _strong(e: Entry, g: Gazetteer) -> bool:
    """Known well enough to be taken as a place without the model's say-so."""
    if e.kind == "country":
        return True
    if e.source in ("state", "continent", "extra"):
        return True
    if e.kind == "city" and (e.population >= 100_000 or g.is_capital(e)):
        return True
    return False


@dataclass
class _Detection:
    """The state of :func:`_detect` on one Doc: the mentions found so far and
    the tokens they cover (``taken``), read by each step in turn."""

    doc: Doc
    toks: _Tokens
    g: Gazetteer
    ents: tuple
    mentions: list[_Mention] = field(default_factory=list)
    taken: list[bool] = field(default_factory=list)
    person_words: set[str] = field(default_factory=set)
    doc_countries: set[str] = field(default_factory=set)

    def free(self, start: int, end: int) -> bool:
        """No token of ``start:end`` is part of a mention yet."""
        return not any(self.taken[start:end])

    def take(self, start: int, end: int) -> None:
        for i in range(start, end):
            self.taken[i] = True

    def add(self, span: Span, how: str, fuzzy: bool, require: bool) -> Optional[_Mention]:
        """A mention of ``span`` with its gazetteer candidates (none if
        ``require`` and the gazetteer knows nothing)."""
        doc, toks = self.doc, self.toks
        if how == "street" and span.end < len(toks) and toks.text[span.end].isdigit() \
                and len(toks.text[span.end]) <= 4 and toks.lower[span.end - 1] in _NUMBERED_ROADS:
            span = doc[span.start:span.end + 1]  # "County Road 43", "State Highway 7"
        m = self.mention(span, how)
        _fill_candidates(m, self.g, fuzzy)
        if require and not m.cands:
            return None
        self.mentions.append(m)
        self.take(span.start, span.end)
        return m

    def add_demonym(self, start: int, end: int, place: Entry, code: str) -> None:
        m = self.mention(self.doc[start:end], "demonym")
        m.cands, m.demonym = [place], code
        self.mentions.append(m)
        self.take(start, end)

    def mention(self, span: Span, how: str) -> _Mention:
        """A mention of a non-empty span (its text read from the token table)."""
        toks, s, e = self.toks, span.start, span.end
        return _Mention(toks.idx[s], toks.idx[e - 1] + len(toks.text[e - 1]), toks.span_text(s, e),
                        span, how)


def _detect(doc: Doc, toks: _Tokens, g: Gazetteer) -> list[_Mention]:
    """The place mentions of a Doc, ordered by position (see the module's
    docstring, "Detection")."""
    d = _Detection(doc, toks, g, doc.ents, taken=[False] * len(toks))
    # words that are part of a multi-word person name somewhere in the text
    for ent in d.ents:
        if ent.label_ == "PERSON" and len(ent) >= 2:
            d.person_words.update(toks.text[i] for i in range(ent.start, ent.end) if toks.title[i])
    _prefetch(g, _entity_names(d))
    _detect_region_demonyms(d)
    _detect_entities(d)
    _collect_countries(d)
    _detect_demonyms(d)
    _detect_people_words(d)
    _detect_org_openings(d)
    _detect_datelines(d)
    _detect_streets(d)
    _detect_county_lists(d)
    _detect_gazetteer_spans(d)
    _detect_repeats(d)
    _detect_people_of_named(d)
    _drop_disease_names(d)
    d.mentions.sort(key=lambda m: m.start)
    return d.mentions


#: words after a name that make it a disease's name ("Marburg virus", "Lassa fever")
_DISEASE_HEADS = {"virus", "viruses", "fever", "ebolavirus", "disease"}
#: adjectives that may come between ("Ebola haemorrhagic fever")
_DISEASE_ADJ = {"haemorrhagic", "hemorrhagic"}


def _drop_disease_names(d: _Detection) -> None:
    """A name the text uses for a disease ("the Ebola virus", "West Nile
    fever", "Marburg haemorrhagic fever") is no place there, nor where the
    text names it bare ("Ebola patients"); it is one after "in", "near",
    "the town of" and before a local word ("first found in Marburg",
    "Norwalk police"); a country or a state before such a word is a place
    still ("a United States disease agency")."""
    toks = d.toks
    n = len(toks)
    disease: set[str] = set()
    for m in d.mentions:
        if m.span is None or m.demonym or any(e.kind == "country" or e.source == "state"
                                               for e in m.cands[:1]):
            continue
        k = m.span.end
        while k < n - 1 and toks.lower[k] in _DISEASE_ADJ:
            k += 1
        if k < n and toks.lower[k] in _DISEASE_HEADS:
            disease.add(normalize(m.text))
    if disease:
        d.mentions = [m for m in d.mentions if normalize(m.text) not in disease
                      or (m.span is not None and _kept_beside_disease(toks, m))]


#: words before a name that make it the place even where the text names a disease after it
_LOCATIVES = {"in", "at", "near", "into", "outside", "around", "across", "inside"}


def _kept_beside_disease(toks: _Tokens, m: _Mention) -> bool:
    """Whether a mention of a name the text also uses for a disease is the
    place still: not itself before the disease word, and after "in", "near",
    "the town of" ..., or before a local word ("Norwalk police")."""
    s, e = m.span.start, m.span.end
    if e < len(toks) and toks.lower[e] in _DISEASE_HEADS | _DISEASE_ADJ:
        return False
    return _cue_city(toks, m) or (s > 0 and toks.lower[s - 1] in _LOCATIVES) \
        or (e < len(toks) and toks.lower[e] in AFTER_PLACE)


def _prefetch(g: Gazetteer, names: list[str]) -> None:
    """Read the gazetteer entries of many names at once (where the gazetteer can)."""
    if hasattr(g, "prefetch"):
        g.prefetch(names)


def _entity_names(d: _Detection) -> list[str]:
    """The names of the model's entities, whole and stripped (most of what
    steps 1 to 1e look up)."""
    toks = d.toks
    names: list[str] = []
    for ent in d.ents:
        names.append(toks.span_text(ent.start, ent.end))
        r = _strip(toks, ent.start, ent.end)
        if r is not None and r != (ent.start, ent.end):
            names.append(toks.span_text(*r))
    return names


def _country_initials(toks: _Tokens, i: int, g: Gazetteer) -> bool:
    """A country's initials ("US" in "US Army", "UK" in "UK Border Force"),
    or a big state's or province's ("NSW"):
    a name to look up, though neither capitalised nor (for "US") a content
    word; not inside a run of capitals, where "US" may be the pronoun ("JOIN
    US TONIGHT")."""
    word = toks.text[i]
    if not (2 <= len(word) <= 3 and word.isupper()):
        return False
    for k in (i - 1, i + 1):
        if 0 <= k < len(toks) and toks.alpha[k] and len(toks.text[k]) > 1 and toks.text[k].isupper():
            return False
    if g.country_code(word) is not None:
        return True
    # a big state's or province's initials, from our own table ("the NSW government"),
    # not a title's with its number ("GTA 6")
    if i + 1 < len(toks) and toks.text[i + 1][:1].isdigit():
        return False
    return len(word) == 3 and any(e.source == "extra" and e.kind == "region" and e.population >= 1_000_000
                                  for e in g.exact(word))


def _ngram_candidates(d: _Detection) -> dict[int, list[tuple[int, str]]]:
    """For each token that may open a name in step 2 (capitalised, not a
    function or stop word, or a country's initials such as "US"; free), the
    n-grams it opens that end on a capitalised word and cover only free
    tokens, longest first, as ``(end, text)``.  Step 2 takes tokens only up
    to where it reads, so what is free ahead of it stays as it is here."""
    toks, taken = d.toks, d.taken
    n = len(toks)
    text, cap, punct, pos, stop = toks.text, toks.cap, toks.punct, toks.pos, toks.stop
    out: dict[int, list[tuple[int, str]]] = {}
    for i in range(n):
        if taken[i]:
            continue
        if not cap[i] or pos[i] in _FUNCTION_POS or stop[i]:
            if not _country_initials(toks, i, d.g):
                continue
        grams = []
        for j in range(i + 1, min(n, i + MAX_NGRAM) + 1):
            if taken[j - 1]:
                break
            if (cap[j - 1] or text[j - 1].isupper()) and not punct[j - 1]:
                grams.append((j, toks.span_text(i, j)))
        grams.reverse()
        out[i] = grams
    return out


def _detect_entities(d: _Detection) -> None:
    """1. the model's GPE/LOC entities, FAC ones the gazetteer knows well (or
    streets), NORP demonyms."""
    doc, toks, g = d.doc, d.toks, d.g
    for ent in d.ents:
        label = ent.label_
        if label not in ("GPE", "LOC", "FAC", "NORP"):
            continue
        r = _strip(toks, ent.start, ent.end)
        if r is None or not d.free(r[0], r[1]):
            continue
        if label in ("GPE", "LOC"):
            r = _extend_left(toks, _extend_to_country(toks, r, g, d), g, d)
        span = doc[r[0]:r[1]]
        name = toks.span_text(r[0], r[1])
        if label in ("GPE", "LOC"):
            if not name[:1].isupper() and not name[:1].isdigit():
                continue
            span = _drop_compass(span, toks, g)
            if len(span) >= 2 and toks.lower[span.end - 1] in _DIVISION_TAILS \
                    and toks.text[span.end - 1].islower() \
                    and g.exact(toks.span_text(span.start, span.end - 1)) \
                    and not g.exact(toks.span_text(span.start, span.end)):
                # "Aceh province", "the Indian Ocean coast": the name without its word
                # ("Atlantic city", "Orange county" are whole names)
                span = span[:-1]
            if _generic_tail(d, span.start, span.end, toks.span_text(span.start, span.end),
                             g.exact(toks.span_text(span.start, span.end)), ent):
                span = span[:-1]
            name = toks.span_text(span.start, span.end)
            if name.lower() in _NOT_PLACES or toks.lower[span.end - 1] in _NOT_PLACE_HEADS:
                continue
            known = g.exact(name)
            if not known and (_person_like(toks, span.start, span.end, d.person_words)
                              or (len(span) == 1 and name in d.person_words)):
                continue
            if len(span) == 1 and _foreign_to_possessor(toks, span.start, known, g):
                continue
            if known and span.start > 0 and toks.lower[span.start - 1].rstrip(".") in TITLES \
                    and toks.lower[span.start - 1] not in ("st", "saint") \
                    and not any(_top_level(e) for e in known):
                continue
            if not known and not g.lookup(name):
                # a name the gazetteer does not know: an office named after
                # its county ("Boone County Jail") gives the county; anything
                # else needs the context of a place
                inner = _institution_prefix(doc, span, g)
                if inner is not None:
                    d.add(inner, "ner", fuzzy=False, require=False)
                    continue
                if not _unknown_place_ok(toks, span.start, span.end):
                    continue
            d.add(span, "ner", fuzzy=True, require=False)
        elif label == "FAC":
            known = [e for e in g.exact(name) if _own_or_main(e, name, g) and _strong(e, g)]
            if known:
                d.add(span, "ner", fuzzy=False, require=True)
            elif _street(toks, span.start, span.end):
                d.add(span, "street", fuzzy=False, require=False)
        else:  # NORP
            if any(e.kind == "country" for e in g.exact(name)):
                d.add(span, "ner", fuzzy=False, require=True)  # "Central African Republic"
                continue
            place = g.place_for_demonym(name)
            if place is not None and len(span) <= 3 and not is_ethnic(name):
                d.add_demonym(span.start, span.end, place, place.country or "*")


#: lower-case words inside place names ("Rio Grande do Sul", "Guinea-Bissau")
_NAME_JOINERS = {"-", "of", "the", "and", "do", "da", "de", "del", "di", "du", "des", "dos", "das",
                 "la", "le", "el", "al"}


def _extend_to_country(toks: _Tokens, r: tuple[int, int], g: Gazetteer, d: _Detection
                       ) -> tuple[int, int]:
    """The model's entity ``r`` stretched over the words after it that
    complete a country's or a big region's name, which the model split
    ("the Democratic Republic of the" + "Congo", "Guinea" + "-Bissau",
    "Rio Grande" + "do Sul")."""
    n = len(toks)
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


def _extend_left(toks: _Tokens, r: tuple[int, int], g: Gazetteer, d: _Detection) -> tuple[int, int]:
    """The model's entity ``r`` stretched over one or two capitalised names
    before it that complete a place's own name, which the model cut ("Goz"
    + "Beida", "Port" + "Harcourt"): the whole is the gazetteer's main name
    of a division, a feature or a town of 1,000 people or more."""
    for start in range(max(0, r[0] - 2), r[0]):
        if not d.free(start, r[0]) or not all(toks.cap[k] and toks.pos[k] == "PROPN"
                                              for k in range(start, r[0])):
            continue
        name = toks.span_text(start, r[1])
        main = g.main_ids(name)
        if any(e.id in main and (e.kind != "city" or e.population >= 1000) for e in g.exact(name)):
            return start, r[1]
    return r


def _collect_countries(d: _Detection) -> None:
    """The countries the text mentions so far (names, demonyms, curated regions)."""
    g = d.g
    for m in d.mentions:
        if m.demonym and m.demonym != "*":
            d.doc_countries.add(m.demonym)
        elif m.cands and (m.cands[0].kind == "country" or _top_level(m.cands[0])) and m.cands[0].country:
            d.doc_countries.add(m.cands[0].country)
    for ent in d.ents:
        if ent.label_ in ("ORG", "PERSON", "GPE", "LOC"):
            text = d.toks.span_text(ent.start, ent.end)
            for e in g.exact(text)[:1]:
                if _top_level(e) and e.country and _own_or_main(e, text, g):
                    d.doc_countries.add(e.country)


def _detect_demonyms(d: _Detection) -> None:
    """1a. demonyms the model tagged otherwise ("Azerbaijani troops" as
    PERSON, "the Czechs", "the Sri Lankan civil war")."""
    toks, g, taken = d.toks, d.g, d.taken
    n = len(toks)
    for i in range(n):
        if taken[i] or not toks.title[i]:
            continue
        ent_type = toks.ent_type[i]
        if ent_type == "ORG" and toks.ent_iob[i] == "B" and (i + 1 >= n or toks.ent_iob[i + 1] != "I"):
            ent_type = ""  # "Emirati officials": one word taken for a body
        if ent_type not in ("NORP", "PERSON", ""):
            continue
        if i + 1 < n and toks.title[i + 1] and not taken[i + 1]:
            code = g.country_for_demonym(toks.span_text(i, i + 2))
            if code and g.country(code) is not None and ent_type != "PERSON":
                d.add_demonym(i, i + 2, g.country(code), code)
                d.doc_countries.add(code)
                continue
        if ent_type == "" and toks.pos[i] not in ("ADJ", "PROPN", "NOUN"):
            continue
        if ent_type == "PERSON" and not (toks.pos[i] == "ADJ" or d.doc[i].dep_ == "amod") and not (
                toks.ent_iob[i] == "B" and i + 1 < n and toks.ent_iob[i + 1] != "I"
                and toks.pos[i + 1] == "NOUN" and not toks.title[i + 1]):
            continue  # (a one-word "person" before a common noun: "Armenian and Azerbaijani forces")
        code = g.country_for_demonym(toks.text[i])
        if code and g.country(code) is not None:
            d.add_demonym(i, i + 1, g.country(code), code)
            d.doc_countries.add(code)
        elif ent_type == "" and _modifies_noun(toks, d.doc, i):
            # a region's adjective the model left untagged ("Welsh farmers")
            place = g.place_for_demonym(toks.text[i])
            if place is not None and place.kind != "city" and not is_ethnic(toks.text[i]):
                d.add_demonym(i, i + 1, place, place.country or "*")


def _modifies_noun(toks: _Tokens, doc: Doc, i: int) -> bool:
    """``doc[i]`` stands before a common noun it modifies ("Welsh farmers"),
    or before a noun and the noun both modify ("Welsh rugby fans")."""
    if not (i + 1 < len(toks) and toks.pos[i + 1] == "NOUN" and not toks.title[i + 1]
            and doc[i].dep_ in ("amod", "compound")):
        return False
    h = doc[i].head.i
    return h == i + 1 or (h == i + 2 and toks.pos[h] == "NOUN" and not toks.title[h]
                          and doc[i + 1].head.i == h)


def _unknown_long_place(d: _Detection, ent: Span) -> bool:
    """A name of three words or more the model took for a place and that no
    place has ("the Syrian Observatory for Human Rights"): read as an
    organisation's name, so a demonym opening it is found."""
    if ent.label_ not in ("GPE", "LOC") or len(ent) < 3 or any(d.taken[ent.start:ent.end]):
        return False
    r = _strip(d.toks, ent.start, ent.end)
    return r is not None and r[1] - r[0] >= 3 and not d.g.exact(d.toks.span_text(r[0], r[1]))


def _detect_org_openings(d: _Detection) -> None:
    """1b. an organisation's name that is a known place ("the European
    Union"), demonyms opening an organisation's name ("American Red Cross")."""
    doc, toks, g, taken = d.doc, d.toks, d.g, d.taken
    for ent in d.ents:
        if ent.label_ in ("ORG", "FAC", "EVENT", "PRODUCT") and len(ent) >= 2 \
                or _unknown_long_place(d, ent):
            r = _strip(toks, ent.start, ent.end)
            if r is not None and r[1] - r[0] >= 2 and d.free(r[0], r[1]):
                text = toks.span_text(r[0], r[1])
                known = [e for e in g.exact(text) if _top_level(e) and _own_or_main(e, text, g)]
                if known:
                    d.add(doc[r[0]:r[1]], "gaz", fuzzy=False, require=True)
                    continue
            k = ent.start if toks.lower[ent.start] != "the" else ent.start + 1 if len(ent) > 2 else None
            if k is not None and not taken[k] and toks.title[k]:
                place = g.place_for_demonym(toks.text[k])
                if place is not None and not is_ethnic(toks.text[k]):
                    d.add_demonym(k, k + 1, place, place.country or "*")


def _detect_datelines(d: _Detection) -> None:
    """1c. datelines in capitals ("COLUMBUS, Ohio --", "BEIRUT (Reuters) -")."""
    doc, toks, g, taken = d.doc, d.toks, d.g, d.taken
    n = len(toks)
    text, upper = toks.text, toks.upper
    for i in range(n):
        if taken[i] or not upper[i] or len(text[i]) < 3 or not toks.alpha[i]:
            continue
        # a byline's date before it ("March 30, 2009 NEWARK --") also opens a dateline
        after_year = i > 0 and toks.like_num[i - 1] and len(text[i - 1]) == 4
        at_line_start = (i == 0 or "\n" in text[i - 1] or upper[i - 1]
                         or text[i - 1] in (".", "!", "?") or after_year)
        if not at_line_start or i + 1 >= n:
            continue
        if not (text[i + 1] in (",", "-", "--", "—", "–", "(", ":") or upper[i + 1] or toks.is_space[i + 1]):
            continue
        j = i + 1
        while j < n and upper[j] and toks.alpha[j] and j - i < 4:
            j += 1
        name = toks.span_text(i, j)
        cands = [e for e in g.exact(name.title()) if _own_or_main(e, name.title(), g)]
        if cands and (i == 0 or text[i - 1].endswith("\n") or doc[i].sent.start == i
                      or text[i - 1] in (".", "!", "?") or after_year):
            m = d.mention(doc[i:j], "gaz")
            m.cands = list(cands)
            m.main_ids = g.main_name_ids(m.text)
            d.mentions.append(m)
            d.take(i, j)


def _detect_streets(d: _Detection) -> None:
    """1d. street and road names the model tagged as something else."""
    toks = d.toks
    for ent in d.ents:
        if ent.label_ in ("ORG", "PERSON", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"):
            r = _strip(toks, ent.start, ent.end)
            if r is not None and _street(toks, r[0], r[1]) and d.free(r[0], r[1]) \
                    and not _person_like(toks, r[0], r[1], set()):
                d.add(d.doc[r[0]:r[1]], "street", fuzzy=False, require=False)


def _detect_county_lists(d: _Detection) -> None:
    """1e. names listed before "counties" ("Barrow, Jackson and Madison counties")."""
    toks, g = d.toks, d.g
    text, lower, cap = toks.text, toks.lower, toks.cap
    for t in range(len(toks)):
        word = _COUNTY_PLURALS.get(lower[t])
        if word is None:
            continue
        k = t - 1
        groups: list[tuple[int, int]] = []
        while k >= 0 and len(groups) < 12:
            end = k + 1
            while k >= 0 and (cap[k] or (text[k] == "-" and k < end - 1)):
                k -= 1
            if k + 1 >= end:
                break
            groups.append((k + 1, end))
            if k >= 0 and lower[k] in _LIST_WORDS:
                k -= 1
                if k >= 0 and lower[k] in _LIST_WORDS:  # ", and"
                    k -= 1
                continue
            break
        for a, b in groups:
            if not d.free(a, b):
                continue
            if any(e.source == "county" for e in g.exact(f"{toks.span_text(a, b)} {word}")):
                d.add(d.doc[a:b], "gaz", fuzzy=False, require=False)


def _detect_gazetteer_spans(d: _Detection) -> None:
    """2. gazetteer-backed spans the model missed or mislabelled: the longest
    capitalised n-gram the gazetteer knows, accepted by :func:`_accept_span`."""
    g = d.g
    ents_at: dict[int, Span] = {}
    for ent in d.ents:
        for i in range(ent.start, ent.end):
            ents_at[i] = ent
    candidates = _ngram_candidates(d)
    _prefetch(g, [name for grams in candidates.values() for _, name in grams])
    resume = 0  # the first token not yet read
    for i, grams in candidates.items():
        if i < resume:
            continue
        for j, name in grams:
            ents = g.exact(name)
            if ents and _generic_tail(d, i, j, name, ents, ents_at.get(i)):
                continue  # "Michigan Center for ...", "London City airport": the place is shorter
            if ents:
                if _accept_span(d, i, j, name, ents, ents_at.get(i)):
                    resume = j
                break


#: entity labels of the model that a place name never has
_NOT_PLACE_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "LANGUAGE"}


def _accept_span(d: _Detection, i: int, j: int, name: str, ents: list[Entry],
                 ent: Optional[Span]) -> bool:
    """Whether the capitalised name ``doc[i:j]`` (``name``) that the gazetteer
    knows (``ents``) is a place here, given the model's entity ``ent`` at its
    first token; if so, it is added."""
    doc, toks, g, taken, person_words = d.doc, d.toks, d.g, d.taken, d.person_words
    label = ent.label_ if ent is not None else None
    if label in ("DATE", "TIME") and _strip(toks, ent.start, ent.end) == (i, j) \
            and not any(c.isdigit() for c in name) and normalize(name) not in _DATE_NAMES:
        label = ent = None  # the model's DATE for "spoke in Montevideo": no date without a date word
    if label in _NOT_PLACE_LABELS:
        return False
    if j - i == 1 and _foreign_to_possessor(toks, i, ents, g):
        return False
    doc_countries = d.doc_countries
    main, alias_ok = g.main_ids(name), _alias_ok(name)  # _own_or_main, for every entry
    famous = _famous_alias(name, main, ents, g) \
        if j - i == 1 and ent is not None and (ent.start, ent.end) == (i, j) \
        and ent.label_ in ("PERSON", "ORG") else None
    ents = [e for e in ents if e.id in main or (alias_ok and e.source in _OWN_SOURCES)
            or (e.kind == "city" and e.country in doc_countries and len(name) >= 6
                and e.population >= 1000) or e is famous]
    if famous is not None:
        main = main | {famous.id}  # "Kiev" is Kyiv's name as much as "Kyiv" is
    best = max(ents, key=_prior) if ents else None
    # the biggest namesake still says the name is a place ("Donetsk" is a
    # city of Ukraine though the text's "Russian" makes Russia's town first)
    biggest = best
    if best is not None and not _top_level(best) and best.country not in doc_countries:
        # a small place of a country the text is about beats a bigger namesake abroad
        local_ents = [e for e in ents if e.country in doc_countries and e.kind == "city"
                      and e.population >= 1000]
        if local_ents:
            best = max(local_ents, key=_prior)
    ok = False
    if best is None:
        ok = False
    elif _common_word(name, j - i, best):
        ok = False
    elif _county_name(toks, i, j, best):
        # "Laurel County", "Avoyelles Parish": the name says what it is
        ok = not _person_like(toks, i, j, person_words)
    elif label == "PERSON" and _club_opening(toks, i, j, ent):
        # "Manchester United beat Chelsea": a big city opening a club's name
        # (the club word after it is no surname, so _person_like is not asked)
        ok = best.kind == "city" and best.id in main and best.population >= 100_000 \
            and not (i > 0 and toks.lower[i - 1].rstrip(".") in TITLES)
    elif label == "PERSON":
        covers = _strip(toks, ent.start, ent.end) == (i, j)
        ok = (covers and not _person_like(toks, i, j, person_words)
              and (_strong(best, g) or _place_cue(toks, i, j, g)
                   or _coordinated(toks, doc[i:j], taken)
                   or (best.country is not None and _possessor_country(toks, i, g) == best.country)
                   or (_after_place(toks, j) and best.population >= 1000))
              and not _speech_subject_person(doc[i:j], best, g))
    elif ent is not None and label not in ("GPE", "LOC"):
        whole = _strip(toks, ent.start, ent.end)
        covers = whole == (i, j)
        local = best.kind == "city" and (best.country in doc_countries or not doc_countries)
        if covers:
            ok = _top_level(best) or (_strong(best, g) and _place_cue(toks, i, j, g)) \
                or (best.kind == "city" and best.id in main and (
                    best.population >= 100_000 or (local and best.population >= 1000 and (
                        _place_cue(toks, i, j, g) or _coordinated(toks, doc[i:j], taken)
                        or _after_place(toks, j) or _possessor_country(toks, i, g) == best.country))))
        else:
            # a place inside an organisation's name ("Kentucky State Police",
            # "Mansfield Police Department", "University of Rochester"): it
            # opens the name or follows "of"/"in"/"at"
            first = whole is not None and i == whole[0]
            after_of = i > 0 and toks.lower[i - 1] in ("of", "in", "at", "for")
            # a saint's name opening a church's or hospital's name ("St.
            # Rose Dominican Hospital") is a place only when a big one
            saint = toks.lower[i].rstrip(".") in ("st", "saint", "ste", "san", "santa") \
                and best.population < 50_000
            # a great city closing the name ("Real Madrid", "Bayern Munich")
            # (not "London" of "New London", whose longer name is a place)
            last = whole is not None and j == whole[1] and best.population >= 500_000 \
                and i > whole[0] and not g.exact(toks.span_text(i - 1, j))
            ok = _top_level(best) or (not saint and (first or after_of or last) and best.kind == "city"
                                      and best.id in main
                                      and not _person_like(toks, i, j, person_words)
                                      and (best.population >= 20_000
                                           or (local and best.population >= 2000)))
    elif ent is None:
        if all(toks.pos[k] == "PROPN" or toks.text[k] in ("-", "of") for k in range(i, j)):
            ok = not _person_like(toks, i, j, person_words) and (
                _top_level(best) or (_place_cue(toks, i, j, g) and best.population >= 1000)
                or (best.kind == "city" and best.id in main and (
                    best.population >= 100_000 or g.is_capital(best)
                    or (best.population >= 1000 and (_coordinated(toks, doc[i:j], taken)
                                                     or _after_place(toks, j)))))
                or (biggest.kind == "city" and biggest.id in main and biggest.population >= 100_000))
    if not ok and best is not None and best.source == "subdivision" and not best.approx \
            and best.id in main and label not in ("DATE", "TIME", "PERSON") \
            and toks.lower[i] not in _REGION_OPENERS \
            and not _common_word(name, j - i, best) \
            and not _person_like(toks, i, j, person_words) and _coordinated(toks, doc[i:j], taken):
        ok = True  # a province or county in a list with places ("Rogaland, Vestfold, Telemark")
    if ok:
        d.add(doc[i:j], "gaz", fuzzy=False, require=True)
    return ok


#: month, weekday and feast names the model rightly calls dates ("in March"):
#: the time stage's tables, and movable feasts it does not date
_DATE_NAMES = {normalize(w) for w in (*timex_lexicon.MONTHS, *timex_lexicon.WEEKDAYS,
                                      *timex_lexicon.HOLIDAYS_FIXED, *timex_lexicon.HOLIDAYS_NTH,
                                      "Easter", "Ramadan", "Eid", "Hanukkah", "Diwali", "Passover",
                                      "Lent", "Advent", "Nowruz")}

#: words closing a sports club's name after the town it comes from
_CLUB_WORDS = {"united", "city", "rovers", "wanderers", "athletic", "albion", "county", "town",
               "fc", "f.c.", "hotspur", "rangers", "celtic", "olympic", "dynamo"}


def _club_opening(toks: _Tokens, i: int, j: int, ent: Span) -> bool:
    """Whether ``toks[i:j]`` opens the model's entity ``ent`` and the rest of
    it is a club word or two ("Manchester United", "Leicester City FC")."""
    whole = _strip(toks, ent.start, ent.end)
    if whole is None or whole[0] != i or whole[1] <= j or whole[1] - j > 2:
        return False
    return all(toks.lower[k] in _CLUB_WORDS for k in range(j, whole[1]))


def _detect_repeats(d: _Detection) -> None:
    """3. one sense per text: a name found as a place is a place elsewhere in
    the text too ("Greer's city limits", "Harwinton Senior Center", "Rock
    Hill wants $180,000"), unless it reads as a person's name there."""
    toks, taken = d.toks, d.taken
    known: dict[tuple[str, ...], _Mention] = {}
    for m in d.mentions:
        if m.how in ("ner", "gaz") and not m.demonym and m.span is not None \
                and (m.cands or m.how == "ner") and len(m.text) >= 3 and m.text[:1].isupper():
            known.setdefault(tuple(toks.lower[m.span.start:m.span.end]), m)
    if not known:
        return
    longest = max(len(k) for k in known)
    firsts = {k[0] for k in known}
    lowers, cap, upper = toks.lower, toks.cap, toks.upper
    n = len(toks)
    resume = 0  # the first token not yet read (the tokens ahead stay as they are)
    for i in [k for k, word in enumerate(lowers) if word in firsts]:
        if i < resume or taken[i]:
            continue
        found = None
        for L in range(min(longest, n - i), 0, -1):
            key = tuple(lowers[i:i + L])
            if key in known and not any(taken[i:i + L]) \
                    and all(cap[k] or upper[k] for k in range(i, i + L)):
                found = (L, known[key])
                break
        if found is None:
            continue
        L, src = found
        if not _person_like(toks, i, i + L, d.person_words) and not (
                i > 0 and lowers[i - 1].rstrip(".") in TITLES):
            m = d.mention(d.doc[i:i + L], "gaz")
            m.cands, m.main_ids, m.fuzzy = list(src.cands), set(src.main_ids), src.fuzzy
            d.mentions.append(m)
            d.take(i, i + L)
        resume = i + L


_NOT_PLACES = {"north", "south", "east", "west", "northeast", "northwest", "southeast",
               "southwest", "the north", "the south", "the west", "the east", "city", "state",
               "earth", "heaven", "hell", "paradise"}
_NOT_PLACE_HEADS = {"day", "days", "eve", "week", "act", "way"}

#: lower-case words after a place's name that the model takes into the name
_DIVISION_TAILS = {"province", "state", "region", "district", "prefecture", "governorate", "oblast",
                   "county", "coast", "area", "city", "town", "village", "border", "valley"}


#: road words followed by the road's number ("County Road 43", "Highway 10")
_NUMBERED_ROADS = {"road", "highway", "route", "hwy", "rd", "pike", "turnpike", "parkway"}

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


#: sources whose alternate names are our own curated aliases
_OWN_SOURCES = ("country", "state", "extra", "continent", "county")


def _own_or_main(e: Entry, text: str, g: Gazetteer) -> bool:
    """Matched by its main name or by one of our own curated aliases (the
    GeoNames alternate names include translations such as "White House").
    A short alias ("ACT", "Man.") must keep its capitals or its dot."""
    return e.id in g.main_ids(text) or (_alias_ok(text) and e.source in _OWN_SOURCES)


#: older English names of capitals and great cities, still met in news and
#: in GeoNames only as alternate names (lower case)
_OLDER_NAMES = frozenset({
    "kiev", "kharkov", "peking", "nanking", "chungking", "tientsin", "rangoon", "saigon",
    "bangalore", "benares", "leningrad", "stalingrad", "constantinople", "tiflis", "kishinev",
    "ashkhabad", "dacca", "teheran", "vilna",
})


def _famous_alias(name: str, main: frozenset[int], ents: list[Entry],
                  g: Gazetteer) -> Optional[Entry]:
    """The great city that ``name`` names when it is one of the older
    English names news used for decades (:data:`_OLDER_NAMES`: "Kiev",
    "Peking", "Rangoon") and no place's main name: taken as that city's own.
    Asked only of one word the model took for a person or an organisation
    ("blamed Kiev").  GeoNames' other alternate names (transliterations,
    historic forms such as "Gorky") are not enough: they are too often
    people's names."""
    if main or normalize(name) not in _OLDER_NAMES:
        return None
    big = [e for e in ents if e.kind == "city" and (e.population >= 1_000_000 or g.is_capital(e))]
    return max(big, key=lambda e: e.population) if len(big) == 1 else None


def _alias_ok(text: str) -> bool:
    """``text`` may be one of our aliases: not short, or short with its
    capitals or its dot ("ACT", "Man.")."""
    return not (len(normalize(text)) <= 4 and not ("." in text or text.isupper()))


def _common_word(name: str, n_tokens: int, best: Entry) -> bool:
    """A single general English word ("Police", "Union", "Central") naming only
    a small place: not a place on the gazetteer's word alone."""
    return (normalize(name) in COMMON_WORDS and not _top_level(best)
            and (best.population < 1_000_000 or n_tokens == 1 and name.lower() in _BRANDS))


_BRANDS = {"toyota", "honda", "nissan", "mazda", "lexus", "volvo", "audi", "kia", "dodge", "real"}


_COUNTY_WORDS = {"county", "parish", "borough", "co"}


def _county_name(toks: _Tokens, i: int, j: int, best: Entry) -> bool:
    """``doc[i:j]`` names a county ("Laurel County")."""
    return (j - i >= 2 and toks.lower[j - 1].rstrip(".") in _COUNTY_WORDS
            and best.source == "county" and not toks.stop[i])


def _coordinated(toks: _Tokens, span: Span, taken: list[bool]) -> bool:
    """In a list with a place already found ("Tabriz and Ahar", "Red Deer,
    Innisfail and Edmonton")."""
    root = span.root
    others = [root.head] if root.dep_ == "conj" else []
    others += [c for c in root.children if c.dep_ == "conj"]
    if any(taken[t.i] for t in others if not (span.start <= t.i < span.end)):
        return True
    # flat patterns the parser misses: "X and Y", "X, Y"
    s, e = span.start, span.end
    lower = toks.lower
    if s >= 2 and lower[s - 1] in ("and", "or", ",") and taken[s - 2]:
        return True
    if e + 1 < len(toks) and lower[e] in ("and", "or", ",") and taken[e + 1]:
        return lower[e] != "," or (e + 2 < len(toks) and lower[e + 2] in ("and", ","))
    return False


def _after_place(toks: _Tokens, e: int) -> bool:
    """A name ending before token ``e`` is followed by a noun that says it is
    a place ("Edmonton residents", "a Palestine man", "Columbia-based")."""
    n = len(toks)
    if e < n and toks.text[e] == "-" and e + 1 < n and toks.lower[e + 1] == "based":
        return True
    return e < n and toks.lower[e] in AFTER_PLACE and not toks.title[e]


def _street(toks: _Tokens, s: int, e: int) -> bool:
    """Tokens ``s:e`` are a street or road name: capitalised words ending in
    Street, Road ..."""
    if e - s < 2:
        return False
    last = e - 1
    if toks.lower[last].rstrip(".") not in STREET_HEADS or not toks.title[last]:
        return False
    body = [k for k in range(s, last) if toks.text[k] not in ("-", ".")]
    if s > 0 and (toks.like_num[s - 1] or toks.text[s - 1][:1].isdigit()):
        return False  # a postal address ("69 Wooster St."), not a place in the text's sense
    return bool(body) and all(toks.title[k] or toks.like_num[k] or toks.text[k][:1].isdigit()
                              for k in body) and not toks.like_num[body[0]]


def _top_level(e: Entry) -> bool:
    """Countries, states/provinces and curated places: safe without context."""
    return e.kind == "country" or e.source in ("state", "continent", "extra")


def _prior(e: Entry) -> float:
    return math.log10(e.population + 1) + (3 if e.kind == "country" else 2 if _top_level(e) else 0)


def _speech_subject_person(span: Span, best: Entry, g: Gazetteer) -> bool:
    """A PERSON-tagged bare name as subject of "said" is a person unless it
    is a country or a capital (metonymy: "Yerevan says")."""
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in PERSON_VERBS:
        return not (best.kind == "country" or g.is_capital(best))
    return False


# ---------------------------------------------------------------------------
# international forms: people and language words, region demonyms, places
# inside organisations' names, compass words

#: bare compass words: "the West" (the Western countries), "the North" of a
#: country; no town named West or North is meant, and no point stands for them
_COMPASS_ALONE = {"west", "east", "north", "south", "northeast", "northwest", "southeast",
                  "southwest"}

#: prepositions after which a plural people word may be a town ("in Brits")
_TOWN_PREPS = {"in", "at", "near", "outside", "inside", "around", "into", "toward", "towards"}

#: last words of a name that, after a bigger place, name a thing of that
#: place ("London City airport", "the University of Michigan Center for ...")
_GENERIC_TAILS = {"city": 100_000, "center": 10_000, "centre": 10_000}


def _compass_word(text: str) -> bool:
    """"West", "the West", "the North": a compass word standing alone."""
    key = normalize(text)
    return (key[4:] if key.startswith("the ") else key) in _COMPASS_ALONE


def _named_as_town(m: _Mention) -> bool:
    """A compass word the text itself makes a town: "the town of West",
    "West, Texas"."""
    if m.span is None:
        return False
    doc, s, e = m.span.doc, m.span.start, m.span.end
    if s >= 2 and doc[s - 1].lower_ == "of" and doc[s - 2].lower_ in ("town", "city", "village"):
        return True
    return e + 1 < len(doc) and doc[e].text == "," and doc[e + 1].pos_ == "PROPN" and doc[e + 1].is_title


def _people_plural(m: _Mention, g: Gazetteer) -> bool:
    """A plural people word ("Brits", "Kiwis") names its country rather than
    a town of that name, unless a locative word before it says the town
    ("in Brits")."""
    text = m.text
    if not text.endswith("s") or g.place_for_demonym(text[:-1]) is None:
        return False
    if m.span is not None and m.span.start > 0:
        return m.span.doc[m.span.start - 1].lower_ not in _TOWN_PREPS
    return True


def _detect_region_demonyms(d: _Detection) -> None:
    """0. a compass or "Latin" word before a demonym is one mention of the
    region ("South East Asian", "Latin American", "West African"), not a
    compass name and a continent."""
    toks, g = d.toks, d.g
    n = len(toks)
    lower, title = toks.lower, toks.title
    for i in range(n):
        if lower[i] not in _REGION_OPENERS or not title[i] or d.taken[i]:
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
    for i in range(len(toks)):
        if taken[i] or not toks.title[i]:
            continue
        label = toks.ent_type[i]
        word = toks.text[i]
        alone = (label == "" or toks.ent_iob[i] == "B") \
            and (i + 1 >= len(toks) or toks.ent_iob[i + 1] != "I")
        if label in ("", "ORG", "PERSON", "NORP") and toks.lower[i] in LANGUAGE_PLACES \
                and i > 0 and toks.lower[i - 1] in ("in", "into", "speak", "speaks", "spoke", "speaking"):
            label = "LANGUAGE"  # a listed language the model missed ("translated into Amharic")
        if label == "LANGUAGE":
            if alone:
                place = g.place_for_demonym(word)
                if place is not None and not is_ethnic(word):
                    d.add_demonym(i, i + 1, place, place.country or "*")
            continue
        if label in ("ORG", "PRODUCT") and alone:
            label = ""  # "two Londoners" taken alone for a product or a body
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
    for i in range(len(toks)):
        word = toks.lower[i]
        if d.taken[i] or not toks.title[i] or not word.endswith(("ers", "ites", "ians", "ans")):
            continue
        for k in (2, 1, 0):
            a = i - k
            if a < 0 or not d.free(a, i + 1) or not all(toks.title[t] for t in range(a, i + 1)):
                continue
            src = next((named[f] for f in people_forms(toks.span_text(a, i + 1)) if f in named), None)
            if src is not None:
                m = d.mention(d.doc[a:i + 1], "gaz")
                m.cands, m.main_ids, m.fuzzy = list(src.cands), set(src.main_ids), src.fuzzy
                d.mentions.append(m)
                d.take(a, i + 1)
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
    if any(e.population >= _GENERIC_TAILS[last] for e in ents):
        return False
    prefix = toks.span_text(i, j - 1)
    return any(_own_or_main(e, prefix, g) and (_top_level(e) or e.population >= 1_000_000
                                               or (e.kind == "city" and g.is_capital(e)))
               for e in g.exact(prefix))


# ---------------------------------------------------------------------------
# resolution

#: lower-case words of an apposition that places a town in a wider place
#: ("Victoria, the capital of British Columbia", "Hyderabad, a port city in Sindh")
_APPOSITION_WORDS = {"capital", "city", "town", "village", "port", "provincial", "state", "regional",
                     "largest", "biggest", "main", "northern", "southern", "eastern", "western",
                     "central", "coastal", "border", "seaside", "industrial", "ancient", "holy"}


def _pair_text(toks: _Tokens, m: _Mention) -> Optional[str]:
    """The name after "X, " (``Springfield, Illinois`` -> ``Illinois``), also
    after an apposition that says where X lies ("Victoria, the capital of
    British Columbia" -> ``British Columbia``)."""
    if m.span is None:
        return None
    end = m.span.end
    n = len(toks)
    if end + 1 < n and toks.text[end] == ",":
        k = end + 1
        j = k + 1 if toks.lower[k] in ("the", "a", "an") else k
        first = j
        while j < n and j < first + 3 and toks.lower[j] in _APPOSITION_WORDS and toks.text[j].islower():
            j += 1
        if first < j < n - 1 and toks.lower[j] in ("of", "in"):
            end = j + 1 if toks.text[j + 1] == "the" and j + 2 < n else j  # the name follows
        k = end + 1
        while k < n and k < end + 4 and (toks.title[k] or toks.text[k].isupper()
                                         or (k > end + 1 and toks.text[k] in ("-",))):
            k += 1
        if k > end + 1:
            return toks.span_text(end + 1, k)
    return None


def _cue_city(toks: _Tokens, m: _Mention) -> bool:
    if m.tail in ("city", "town", "village"):
        return True
    if m.span is None or m.span.start < 2:
        return False
    a, b = toks.lower[m.span.start - 2], toks.lower[m.span.start - 1]
    return (b == "of" and a in ("city", "town", "village", "capital", "port", "cities", "towns",
                                "villages")) or (
        b in ("city", "town", "village"))


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


def _local_cue(toks: _Tokens, m: _Mention) -> bool:
    """Followed by a word that makes the name a town of the text's area."""
    if m.span is None or m.span.end >= len(toks):
        return False
    k = m.span.end
    if toks.title[k]:
        return toks.lower[k] in _LOCAL_TITLE_HEADS
    return toks.lower[k] in _LOCAL_NOUNS and toks.pos[k] in ("NOUN", "PROPN", "ADJ")


def _region_cue(toks: _Tokens, m: _Mention) -> bool:
    """"Washington state", "the state of Washington", "eastern Washington",
    "the Quebec government": the division, not its namesake city."""
    if m.tail in _DIVISION_WORDS:
        return True
    if m.span is None:
        return False
    s, e = m.span.start, m.span.end
    lower = toks.lower
    if e < len(toks) and lower[e] in ("state", "state's", "province", "provincial", "government",
                                      "premier", "legislature", "governor", "statewide", "oblast",
                                      "krai", "kray", "prefecture", "governorate"):
        return True
    if s >= 2 and lower[s - 1] == "of" and lower[s - 2] in ("state", "province"):
        return True
    return s >= 1 and lower[s - 1] in _REGION_ADJ


def _division_word(toks: _Tokens, m: _Mention) -> bool:
    """The name comes with its division's word ("the Kursk region" given
    whole, "Kano State", "Aleppo province"): the division, not the city
    that gave it its name."""
    if m.tail in _DIVISION_WORDS:
        return True
    e = m.span.end if m.span is not None else len(toks)
    return e < len(toks) and toks.lower[e] in _DIVISION_WORDS - {"region", "district", "territory"}


def _division_named(m: _Mention) -> bool:
    """Whether the mention's name is a state's or province's own name."""
    return any(e.kind == "region" and e.source in ("state", "extra", "subdivision") and not e.approx
               and e.id in m.main_ids for e in m.cands[:10])


def _country_named(m: _Mention) -> bool:
    """Whether the mention's name is a country's own name (or a demonym)."""
    return bool(m.demonym) or any(e.kind == "country" and e.id in m.main_ids for e in m.cands[:10])


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


def _sea_cue(toks: _Tokens, m: _Mention) -> bool:
    """"crossed the Atlantic", "storms in the western Pacific": one word after
    a lower-case "the" (and a compass adjective) names the sea or ocean, not a
    town named after it (a town takes no article; "The Atlantic" opening a
    sentence may be a title)."""
    if m.span is None or m.span.end - m.span.start != 1 or m.span.start < 1:
        return False
    k = m.span.start - 1
    if toks.lower[k] in _REGION_ADJ and toks.text[k].islower() and k >= 1:
        k -= 1
    return toks.text[k] == "the"


def _river_cue(toks: _Tokens, m: _Mention) -> bool:
    """"along the Dnipro river", "the Jordan river's banks": a lower-case
    "river" right after the name makes it the river, not the city or country
    named like it."""
    if m.span is None or m.span.end >= len(toks):
        return False
    return toks.text[m.span.end] == "river"


_COUNTY_PLURALS = {"counties": "County", "parishes": "Parish", "boroughs": "Borough"}
_LIST_WORDS = {",", "and", "or", "&"}


def _county_cues(toks: _Tokens, mentions: Sequence[_Mention], g: Gazetteer) -> None:
    """A bare name that stands for a county: one of a list ending in
    "counties" ("Cooke, Grayson and Love counties"), or a name the text also
    writes with "County" ("Platte County ... Platte is the state's 10th").
    Its county namesakes join the candidates and are preferred."""
    text, lower, n = toks.text, toks.lower, len(toks)
    # names the text writes before "County"/"Parish" (every tail of the name)
    written: dict[str, str] = {}
    for i in range(n):
        if text[i] in ("County", "Parish"):
            k = i
            while k > 0 and i - k < 4 and (toks.cap[k - 1] or toks.upper[k - 1]):
                k -= 1
                written.setdefault(toks.span_text(k, i), text[i])
    listed = not _COUNTY_PLURALS.keys().isdisjoint(lower)
    if not listed and not written:
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
        if word is None:
            continue
        extra = [e for e in g.exact(f"{m.text} {word}") if e.source == "county" or e.kind == "region"]
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


def _resolve(doc: Doc, toks: _Tokens, mentions: list[_Mention], g: Gazetteer) -> None:
    """Choose each mention's gazetteer entry (``m.choice``) in the context of
    the whole text (see the module's docstring, "Resolution")."""
    if not mentions:
        return
    for m in mentions:
        m.pair = _pair_text(toks, m)
        m.cue_city = _cue_city(toks, m)
        m.local_cue = _local_cue(toks, m)
        m.region_cue = _region_cue(toks, m)
        m.division_word = _division_word(toks, m)
        m.sea_cue = _sea_cue(toks, m)
        m.river_cue = _river_cue(toks, m)
    _lists_of_divisions(toks, mentions)
    _county_cues(toks, mentions, g)
    _bare_counties(mentions, g)
    support, votes = _admin_support(mentions)
    for m in mentions:
        m.votes = votes.get(normalize(m.text), {}) if not m.demonym else {}
    countries, admins = _document_context(mentions)

    # --- pass 1: prior + country/admin context
    _colocation(mentions)
    _share_fixed_scores(mentions, g, support)
    chosen: dict = {}
    for m in mentions:
        m.choice = _best(m, g, countries, admins, anchors=None, support=support, memo=chosen)
    # --- pass 2 (twice): add distance to the other places chosen so far
    _rechoose_near_others(mentions, g, countries, admins, support)
    _one_sense_per_name(mentions)
    _resolve_context_names(mentions, g)
    _place_counties_among_towns(mentions)
    _drop_far_fuzzy(mentions)


def _drop_far_fuzzy(mentions: Sequence[_Mention]) -> None:
    """A name matched only as a misspelling of another ("Ebola" as Ebolowa)
    keeps it only near a place the text names exactly (within
    ``fuzzy_km``), when it is a big place spelt otherwise in a long name
    ("Zaporizhia"; "Prisi" is no Paris), or when the text names no other
    place."""
    points = [(m.choice.lat, m.choice.lon) for m in mentions
              if not m.fuzzy and m.choice is not None and m.choice.lat is not None]
    if not points:
        return
    for m in mentions:
        e = m.choice
        big = e is not None and e.population >= 200_000 and len(normalize(m.text)) >= 9
        if m.fuzzy and e is not None and e.lat is not None and not big and not any(
                haversine_km(lat, lon, e.lat, e.lon) <= W["fuzzy_km"] for lat, lon in points):
            m.choice = None


def _document_context(mentions: list[_Mention]) -> tuple[Counter, Counter]:
    """The countries and (country, admin1) pairs the text is about, counted
    from the mentions that are (nearly) unambiguous; each mention's
    ``own_countries`` is what its own name added."""
    countries: Counter[str] = Counter()
    admins: Counter[tuple[str, str]] = Counter()
    own: dict[str, Counter] = defaultdict(Counter)  # what each name itself adds
    for m in mentions:
        if not m.cands:
            continue
        top = m.cands[0]
        if m.demonym:
            if m.demonym != "*":
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
        elif top.kind == "country" and (len(m.cands) == 1 or top.id in m.main_ids):
            countries[top.country] += 1
            own[normalize(m.text)][top.country] += 1
        elif _is_region_level(top) and top.id in m.main_ids:
            countries[top.country] += 0.5
            admins[(top.country, top.admin1)] += 1
        else:
            cs = {e.country for e in m.cands if e.country}
            if len(cs) == 1:
                countries[next(iter(cs))] += 0.5
                ads = {e.admin1 for e in m.cands}
                if len(ads) == 1 and None not in ads:
                    admins[(top.country, top.admin1)] += 0.5
    for m in mentions:
        m.own_countries = own.get(normalize(m.text), Counter())
    return countries, admins


def _rechoose_near_others(mentions: list[_Mention], g: Gazetteer, countries: Counter,
                          admins: Counter, support) -> None:
    """Pass 2, run twice: choose again with the places chosen so far as
    anchors (distance) and their countries and states added to the context."""
    near_cache: dict = {}
    last_anchors: Optional[_Anchors] = None
    for _ in range(2):
        anchors = _Anchors()
        for m in mentions:
            e = m.choice
            if e is None or e.lat is None or e.kind == "country" or e.approx:
                continue
            if e.source in ("continent",) or (e.kind == "region" and e.population > 20_000_000):
                continue
            anchors.add(normalize(m.text), e.lat, e.lon, 1.0 if e.kind != "region" else 2.0,
                        e.kind == "region" and e.source == "extra" and e.population <= 5_000_000)
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
                             memo=chosen)


def _one_sense_per_name(mentions: list[_Mention]) -> None:
    """One sense per name per document: the majority (by score) wins, except
    for a mention paired with its state or country ("Paris, Texas")."""
    by_text: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        by_text[normalize(m.text)].append(m)
    for ms in by_text.values():
        if len(ms) < 2:
            continue
        votes = Counter(m.choice.id for m in ms if m.choice is not None and not m.demonym)
        if not votes:
            continue
        winner_id = votes.most_common(1)[0][0]
        winner = next(m.choice for m in ms if m.choice is not None and m.choice.id == winner_id)
        for m in ms:
            if m.choice is not None and not m.pair and not m.demonym:
                m.choice = winner


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


def _local_level(e: Entry) -> bool:
    """A town, county or local feature: a place small enough that two of
    them close together say where a text is."""
    return e.lat is not None and not e.approx and (
        e.kind in ("city", "feature") or e.source == "county")


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
    grid: dict[tuple[int, int], list[tuple[int, int, float, float]]] = defaultdict(list)
    keys = list(names)
    weight = []
    for k, key in enumerate(keys):
        cands = names[key]
        weight.append(1.0 / (1.0 + len(cands) / W["coloc_spread"]))
        for e in cands:
            grid[(int(e.lat // cell), int(e.lon // cell))].append((k, e.id, e.lat, e.lon))
    if len(keys) < 2:
        return
    evidence: dict[str, dict[int, float]] = {}
    for k, key in enumerate(keys):
        cands = names[key]
        if len(cands) < 2:
            continue
        out: dict[int, float] = {}
        for e in cands:
            found = _names_near(e, k, grid, cell, radius)
            if found:
                out[e.id] = sum(weight[k2] for k2 in found)
        evidence[key] = out
    for m in mentions:
        if not m.demonym:
            m.coloc = evidence.get(normalize(m.text), {})


def _names_near(e: Entry, own: int, grid: dict, cell: float, radius: float) -> set[int]:
    """The indexes of the names (other than ``own``) with a candidate in
    ``grid`` (cells of ``cell`` degrees: name index, entry id, lat, lon)
    within ``radius`` km of ``e`` (a flat-earth distance: close enough
    at this range)."""
    ci, cj = int(e.lat // cell), int(e.lon // cell)
    cos_lat = math.cos(math.radians(e.lat))
    span = 1 + int(1.0 / max(cos_lat, 0.2))  # a cell spans fewer km of longitude away from the equator
    reach2 = (radius / 111.2) ** 2  # the radius in degrees of latitude, squared
    found: set[int] = set()
    for di in (-1, 0, 1):
        for dj in range(-span, span + 1):
            for k2, eid, lat, lon in grid.get((ci + di, cj + dj), ()):
                if k2 == own or k2 in found or eid == e.id:
                    continue
                dx, dy = (lon - e.lon) * cos_lat, lat - e.lat
                if dx * dx + dy * dy <= reach2:
                    found.add(k2)
    return found


#: common-word names of a sea or region whose referent only the text's
#: countries tell: each option is (countries that point to it, its name;
#: empty: the mention's own namesake in one of those countries)
_CONTEXT_NAMES: dict[str, tuple[tuple[frozenset, str], ...]] = {
    "gulf": ((frozenset({"IR", "IQ", "KW", "SA", "BH", "QA", "AE", "OM", "YE"}), "Persian Gulf"),
             (frozenset({"US", "MX", "CU"}), "Gulf of Mexico"),
             (frozenset({"PG"}), "")),
}


def _resolve_context_names(mentions: Sequence[_Mention], g: Gazetteer) -> None:
    """"the Gulf": the Persian Gulf in a text about Iran or Qatar, the Gulf
    of Mexico in one about Texas or Louisiana, the Papua New Guinea province
    in one about Papua New Guinea; left unresolved (no point) when the text
    names none of their countries (:data:`_CONTEXT_NAMES`)."""
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
        best, best_n = None, 0
        for codes, name in _CONTEXT_NAMES[key]:
            n = sum(counts[c] for c in codes)
            if n > best_n:
                best, best_n = (codes, name), n
        hits: list[Entry] = []
        if best is not None:
            codes, name = best
            hits = ([e for e in g.exact(name) if e.kind != "city"] if name
                    else [e for e in m.cands if e.country in codes])
        m.choice = hits[0] if hits else None


def _saturate(x: float) -> float:
    return 1.0 - math.exp(-x)


@dataclass
class _Anchors:
    """The places chosen in one pass for the names of a text, that draw the
    candidates of the other names near them.  ``refs``: one per mention, in
    order (its name's key, the index of its point, its weight, whether it is
    a curated region whose towns it favours); ``points``: the distinct
    points (latitude in radians, its cosine, longitude in degrees)."""

    refs: list[tuple[str, int, float, bool]] = field(default_factory=list)
    points: list[tuple[float, float, float]] = field(default_factory=list)
    _index: dict[tuple[float, float], int] = field(default_factory=dict, repr=False, compare=False)

    def add(self, key: str, lat: float, lon: float, weight: float, region: bool) -> None:
        p = self._index.get((lat, lon))
        if p is None:
            p = self._index[(lat, lon)] = len(self.points)
            phi = math.radians(lat)
            self.points.append((phi, math.cos(phi), lon))
        self.refs.append((key, p, weight, region))

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


def _nearness(e: Entry, key: str, anchors: _Anchors) -> float:
    """The score an entry gains from the places chosen for the text's other
    names (``key`` is its own name's): near them, or inside a curated region."""
    phi = math.radians(e.lat)
    cos_phi = math.cos(phi)
    near_km, in_region_km = W["near_km"], W["in_region_km"]
    dist = [_distance_km(phi, cos_phi, e.lon, p) for p in anchors.points]
    fall = [math.exp(-d / near_km) for d in dist]
    near, inside = 0.0, False
    city = e.kind == "city"
    for k, p, weight, region in anchors.refs:
        if k == key:
            continue
        near += weight * fall[p]
        inside = inside or (region and city and dist[p] <= in_region_km)
    return W["near"] * _saturate(near) + (W["in_region"] if inside else 0.0)


@dataclass(eq=False)
class _CandidateScores:
    """The :class:`_Scored` candidates of a mention, shared by the mentions
    of a text that have the same name, candidates and cues (compared by
    identity: a key for what :func:`_best` chose for them in one pass)."""

    items: list["_Scored"]
    #: the countries of the great cities among the candidates (a capital, a million people)
    great: frozenset = frozenset()


def _share_fixed_scores(mentions: Sequence[_Mention], g: Gazetteer, support: Optional[Counter]) -> None:
    """Set ``m.scored`` for the mentions :func:`_best` scores, once per
    distinct name, candidates and cues (everything :func:`_fixed_scores`
    reads besides ``support``, the same for the whole text; ``m.coloc`` is
    keyed by the normalised name, which is part of the signature)."""
    shared: dict[tuple, _CandidateScores] = {}
    for m in mentions:
        if m.demonym or len(m.cands) < 2:
            continue
        sig = (normalize(m.text), m.pair, m.cue_city, m.local_cue, m.region_cue, m.division_word,
               m.country_cue, m.sea_cue,
               m.river_cue, m.county_cue, tuple(e.id for e in m.cands[:60]), frozenset(m.main_ids))
        scored = shared.get(sig)
        if scored is None:
            scored = shared[sig] = _candidate_scores(m, g, support)
        m.scored = scored


def _candidate_scores(m: _Mention, g: Gazetteer, support: Optional[Counter]) -> _CandidateScores:
    items = _fixed_scores(m, g, support)
    great = frozenset(sc.entry.country for sc in items if sc.entry.country and (
        sc.entry.kind == "country" and sc.entry.id in m.main_ids
        or sc.entry.kind == "city" and (sc.entry.population >= 1_000_000 or g.is_capital(sc.entry))))
    return _CandidateScores(items, great)


@dataclass
class _Scored:
    """A candidate with the part of its score that does not change between
    the passes of :func:`_resolve` (its prior and the cues around the
    mention, summed in the order :func:`_best` adds them), and whether the
    name after "X, " contains it (``pair``)."""

    entry: Entry
    fixed: float
    pair: bool


def _fixed_scores(m: _Mention, g: Gazetteer, support: Optional[Counter]) -> list[_Scored]:
    """The context-free part of the score of each of a mention's first 60
    candidates (everything :func:`_best` adds before the country term)."""
    pair_entries: list[Entry] = g.exact(m.pair)[:5] if m.pair else []
    # a capital named like a state of its own country ("Washington")
    capital_rivals = {e.country for e in m.cands[:60] if e.kind == "region" and e.source in ("state", "extra")
                      and e.id in m.main_ids}
    # a state's or province's own name ("Queensland", "Normandy") is not a small town
    # (unless the name after it holds one of them: "Oregon, Wisconsin" is
    # the town; "Oregon, Tennessee, Utah" is a list of states)
    paired = any(_pair_holds(p, e) for p in pair_entries for e in m.cands[:60])
    # (so is an ocean's, by any of our names for it: "the tropical Pacific")
    state_named = not m.local_cue and not paired and any(
        ((e.source == "state" or (e.source == "extra" and e.kind == "region"
                                  and e.population >= 1_000_000)) and e.id in m.main_ids)
        or (e.source == "extra" and e.kind == "feature" and e.country is None and not m.cue_city)
        for e in m.cands[:60])
    # a country's own name is never another place's other name ("Mexico" is
    # no name of its capital here, "Lebanon" none of a town that once had it)
    country_named = any(e.kind == "country" and e.id in m.main_ids for e in m.cands[:60])
    # (nor is a state's or province's: "Santa Catarina" is no other name of a
    # town far from it; the borough's own town, "Enfield Town", is)
    divisions = [e for e in m.cands[:60] if e.kind == "region" and e.source in ("state", "subdivision")
                 and not e.approx and e.id in m.main_ids and e.lat is not None]
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
        if e.id in m.main_ids:
            s += W["main"]
        elif country_named or (divisions and e.kind == "city" and e.lat is not None and not any(
                haversine_km(d.lat, d.lon, e.lat, e.lon) <= W["coloc_km"] for d in divisions)):
            s += W["country_alias"]
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
        if m.cue_city and e.kind == "city":
            s += W["cue_city"]
        if m.local_cue and e.kind == "city":
            s += W["local"]
        if capital_rivals and capital and e.country in capital_rivals and not m.region_cue:
            s += W["capital_state"]
        if m.region_cue and e.kind == "region" and e.source in ("state", "extra", "subdivision"):
            s += W["capital_state"]
            if m.division_word:
                s += W["division_word"]
        if m.country_cue and e.kind == "country":
            s += W["capital_state"]
        if m.sea_cue and e.kind == "feature" and e.country is None and e.source == "extra":
            s += W["sea"]
        if m.river_cue and e.kind == "feature" and e.source == "extra":
            s += W["sea"]
        if m.county_cue and e.source == "county":
            s += W["county_cue"]
        elif e.source == "county" and e.id not in m.main_ids:
            s += W["bare_county"]
        if m.coloc:
            s += W["coloc"] * _saturate(m.coloc.get(e.id, 0.0))
        if support and e.country and e.admin1 and e.kind in ("city", "region"):
            own = m.votes.get((e.country, e.admin1), 0.0)
            s += W["support"] * _saturate(max(0.0, support.get((e.country, e.admin1), 0.0) - own))
        pair = any(_pair_holds(p, e) for p in pair_entries)
        out.append(_Scored(e, s, pair))
    return out


#: how far from a region's centre a place named before it ("X, Region") may lie
#: when the two come from gazetteers of different codes (a county of England)
PAIR_REGION_KM = 300.0


def _pair_holds(p: Entry, e: Entry) -> bool:
    """Whether ``e`` lies in ``p``, the place named after it ("Springfield,
    Illinois"; "Fife, Scotland"): the same country, and for a region the
    same state code, or (either a division coded otherwise: "Fife, Scotland",
    "Ipswich, Suffolk") a point near the region's centre."""
    if p.country != e.country or p.kind not in ("country", "region"):
        return False
    if p.kind == "country":
        return True
    if p.admin1 and p.admin1 == e.admin1:
        return True
    return (e.source == "subdivision" or p.source == "subdivision") and p.lat is not None \
        and e.lat is not None and haversine_km(p.lat, p.lon, e.lat, e.lon) <= PAIR_REGION_KM


def _best(m: _Mention, g: Gazetteer, countries: Counter, admins: Counter,
          anchors: Optional[_Anchors], support: Optional[Counter] = None,
          near_cache: Optional[dict] = None, memo: Optional[dict] = None) -> Optional[Entry]:
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
    if memo is not None and m.scored in memo:
        return memo[m.scored]
    total = sum(countries.values()) or 1.0
    key = normalize(m.text)
    exp = math.exp  # the terms below are _saturate(x) = 1.0 - exp(-x), inline
    great = m.scored.great
    best, best_s = None, -1e9
    for sc in m.scored.items:
        e, s = sc.entry, sc.fixed
        if great and e.kind == "city" and e.population < 50_000 and e.country not in great:
            # a small namesake of a great city abroad, in a text mostly about other countries
            s += W["great_rival"] * (1.0 - countries.get(e.country, 0.0) / total)
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
        if anchors and e.lat is not None:
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
        memo[m.scored] = best
    return best


# ---------------------------------------------------------------------------
# role and output

def _role(doc: Doc, m: _Mention, e: Optional[Entry], g: Gazetteer) -> str:
    if e is None or m.span is None or m.demonym:
        return "location"
    if not (e.kind == "country" or (e.kind == "city" and g.is_capital(e))):
        return "location"
    root = m.span.root
    if root.dep_ in ("nsubj", "nsubjpass", "csubj") and root.head.pos_ in ("VERB", "AUX"):
        head = root.head
        if root.dep_ == "nsubjpass":
            return "location"
        if head.lemma_ in SPEECH_VERBS or head.lemma_.lower() in SPEECH_VERBS:
            return "actor"
    # "according to Moscow"
    if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.i > 0 \
            and doc[root.head.i - 1].lower_ == "according":
        return "actor"
    return "location"


def _to_place(doc: Doc, m: _Mention, g: Gazetteer) -> PlaceMention:
    e = m.choice
    if e is None:
        return PlaceMention(start=m.start, end=m.end, text=m.text, name=m.text)
    return PlaceMention(start=m.start, end=m.end, text=m.text, name=e.name, lat=e.lat, lon=e.lon,
                        country=e.country, geonameid=e.geonameid, kind=e.kind,
                        role=_role(doc, m, e, g))
