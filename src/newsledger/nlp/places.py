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

Role
    a country or capital that is the subject of a speech or political verb
    ("Moscow summoned", "Baku says") is an ``actor``; otherwise ``location``.

:func:`resolve_spans` resolves given character spans (e.g. gold toponyms)
with the same logic and context.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

from spacy.tokens import Doc, Span, Token

from ..gazetteer import Entry, Gazetteer, get_gazetteer, haversine_km, normalize
from ..model import PlaceMention

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
    "county": 0.0,
    "in_region": 3.0,     # lies inside a curated region the text names (Nagorno-Karabakh)
    "in_region_km": 60.0,
    "support": 2.5,       # other names of the text have a namesake in the same state/province
    "local": 3.0,         # "a Lebanon woman", "the Jordan City Council": a local town
    "capital_state": 3.0, # "Washington" alone: the capital, not the state
    "county_cue": 6.0,    # "Cooke, Grayson and Love counties"; "Platte" after "Platte County"
    "state_town": -4.0,   # a small town named like a state ("California", Md.) rarely is the one meant
    "country_other": 3.0, # a country the text's other names point to ("Moscow" for "Russia")
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
    county_cue: bool = False
    main_ids: set[int] = field(default_factory=set)
    admin_keys: frozenset = frozenset()
    votes: dict = field(default_factory=dict)
    own_countries: Counter = field(default_factory=Counter)


# ---------------------------------------------------------------------------
# public API

def find_places(doc: Doc, gazetteer: Optional[Gazetteer] = None) -> list[PlaceMention]:
    """Place names in a processed spaCy ``Doc``, resolved and with a role."""
    g = gazetteer or get_gazetteer()
    mentions = _detect(doc, g)
    _resolve(doc, mentions, g)
    return [_to_place(doc, m, g) for m in mentions]


def resolve_spans(doc: Doc, spans: Iterable, gazetteer: Optional[Gazetteer] = None
                  ) -> list[Optional[PlaceMention]]:
    """Resolve given character spans (``(start, end)`` pairs or objects with
    ``start``/``end``) as place names, using the same context logic as
    :func:`find_places`.  Returns one PlaceMention (or None) per span."""
    g = gazetteer or get_gazetteer()
    mentions: list[_Mention] = []
    given: list[_Mention] = []
    for sp in spans:
        start, end = (sp if isinstance(sp, tuple) else (sp["start"], sp["end"]) if isinstance(sp, dict)
                      else (sp.start, sp.end))
        text = doc.text[start:end]
        span = doc.char_span(start, end, alignment_mode="expand")
        m = _Mention(start, end, text, span, "given")
        _fill_candidates(m, g, fuzzy=True)
        given.append(m)
    # the places the stage itself finds elsewhere in the text are context too
    mentions = list(given)
    for m in _detect(doc, g):
        if not any(m.start < o.end and o.start < m.end for o in given):
            mentions.append(m)
    _resolve(doc, mentions, g)
    # a name the gazetteer does not know (a street, a hamlet, a building) is
    # put at the text's focus: the place it names most often
    focus = _focus(mentions)
    out: list[Optional[PlaceMention]] = []
    for m in given:
        if m.choice is None and focus is not None and not m.demonym:
            out.append(PlaceMention(start=m.start, end=m.end, text=m.text, name=m.text,
                                    lat=focus.lat, lon=focus.lon, country=focus.country))
        else:
            out.append(_to_place(doc, m, g) if m.choice is not None else None)
    return out


def _focus(mentions: Sequence[_Mention]) -> Optional[Entry]:
    """The most-named local place of a text (a city, else a state or
    province, else a country), or None."""
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
        if counts:
            return entries[counts.most_common(1)[0][0]]
    return None


# ---------------------------------------------------------------------------
# detection

def _strip(span: Span) -> Optional[Span]:
    """Drop a leading determiner and trailing possessive/punctuation."""
    s, e = span.start, span.end
    doc = span.doc
    while s < e and (doc[s].lower_ in ("the", "a", "an") or doc[s].is_punct):
        s += 1
    while e > s and (doc[e - 1].is_punct or doc[e - 1].lower_ in ("'s", "’s", "'")):
        tok = doc[e - 1]
        # keep the dot of an abbreviation split off by the tokenizer ("W.Va" + ".")
        if tok.text == "." and e - 1 > s and not doc[e - 2].whitespace_ and "." in doc[e - 2].text:
            break
        e -= 1
    return doc[s:e] if e > s else None


def _fill_candidates(m: _Mention, g: Gazetteer, fuzzy: bool) -> None:
    text = m.text
    place = g.place_for_demonym(text) if text[:1].isupper() else None
    if place is not None and g.country_code(text) is None and not any(
            _top_level(e) or e.population >= 100_000 for e in g.exact(text)
            if e.id in g.main_name_ids(text)):
        m.cands, m.demonym = [place], place.country or "*"
        return
    code = place.country if place is not None and place.kind == "country" else None
    cands = g.exact(text)
    if not cands:
        stripped = re.sub(r"^(?:the\s+)", "", text, flags=re.I)
        stripped = re.sub(r"(?:'s|’s|')$", "", stripped)
        if stripped != text:
            cands = g.exact(stripped)
    if not cands and code:
        country = g.country(code)
        cands = [country] if country else []
        m.demonym = code
    if not cands and fuzzy:
        cands = g.lookup(text)
    if not cands and text[:1].isupper() and len(text) >= 4:
        # an unknown bare name may be a county's ("Preble voters" -> Preble County)
        for word in ("County", "Parish"):
            cands = [e for e in g.exact(f"{text} {word}") if e.source == "county"]
            if cands:
                break
    m.cands = list(cands)
    if m.cands:
        m.main_ids = g.main_name_ids(text)


def _capitalised(tok: Token) -> bool:
    """Title case, or a capitalised name with inner capitals ("DeKalb", "McDowell")."""
    t = tok.text
    return tok.is_title or (len(t) > 2 and t[0].isupper() and t.isalpha() and t[1:].lower() != t[1:]
                            and any(c.islower() for c in t))


def _is_title_token(tok: Token) -> bool:
    t = tok.text
    return bool(t) and (t[0].isupper() or (t[0].isdigit() and False))


def _person_like(doc: Doc, start: int, end: int, person_words: set[str]) -> bool:
    """Does doc[start:end] look like (part of) a person's name here?"""
    prev = doc[start - 1] if start > 0 else None
    if prev is not None and prev.lower_.rstrip(".") in TITLES:
        return True
    if prev is not None and prev.ent_type_ == "PERSON" and prev.is_title and prev.ent_iob_ != "O":
        return True
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and nxt.is_title and nxt.ent_type_ == "PERSON" and nxt.pos_ == "PROPN":
        return True
    text = doc[start:end].text
    if end - start == 1 and text in person_words:
        return True
    return False


def _place_cue(doc: Doc, start: int, end: int, g: Gazetteer) -> bool:
    """Context that says a span is a place: a locative preposition or a
    place noun before it, or ", State/Country" after it."""
    prev = doc[start - 1] if start > 0 else None
    if prev is not None and prev.lower_ in LOC_PREPS and prev.lower_ != "of":
        return True
    if prev is not None and prev.lower_ == "of" and start > 1 and doc[start - 2].lower_ in PLACE_NOUNS:
        return True
    if prev is not None and prev.lower_ == "," and start > 1 and doc[start - 2].lower_ in PLACE_NOUNS:
        return True
    if end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].is_title:
        nxt = doc[end + 1].text
        if any(e.kind in ("region", "country") for e in g.exact(nxt)):
            return True
    return False


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


def _unknown_place_ok(doc: Doc, span: Span, g: Gazetteer) -> bool:
    """A GPE/LOC name the gazetteer does not know counts when its context says
    place: a locative word before it ("in Cockerham", "east of Whitlock",
    "the village of X"), a place word ending it ("Roanoke Park"), ", State"
    after it, or a list with a place."""
    last = span[-1]
    if last.lower_ in INSTITUTION_HEADS or not last.text[:1].isupper():
        return False
    if last.lower_ in _PLACE_HEADS or last.lower_ in STREET_HEADS:
        return True
    s, e = span.start, span.end
    prev = doc[s - 1] if s > 0 else None
    if prev is not None:
        if prev.lower_ in LOC_PREPS and prev.lower_ not in ("of", "on", "to"):
            return True
        if prev.lower_ in ("of", "to") and s > 1 and (doc[s - 2].lower_ in PLACE_NOUNS
                                                       or doc[s - 2].lower_ in _DIRECTION_OF
                                                       or doc[s - 2].lower_ in ("villages", "towns", "cities")):
            return True
        if prev.lower_ in ("and", "or", ",") and s > 1 and doc[s - 2].ent_type_ in ("GPE", "LOC"):
            return True
    if e + 1 < len(doc) and doc[e].lower_ in (",", "and", "or") and doc[e + 1].ent_type_ in ("GPE", "LOC"):
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


def _detect(doc: Doc, g: Gazetteer) -> list[_Mention]:
    mentions: list[_Mention] = []
    taken = [False] * len(doc)

    # words that are part of a multi-word person name somewhere in the text
    person_words: set[str] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) >= 2:
            person_words.update(t.text for t in ent if t.is_title)

    def add(span: Span, how: str, fuzzy: bool, require: bool) -> Optional[_Mention]:
        if how == "street" and span.end < len(doc) and doc[span.end].text.isdigit() \
                and len(doc[span.end].text) <= 4 and span[-1].lower_ in _NUMBERED_ROADS:
            span = doc[span.start:span.end + 1]  # "County Road 43", "State Highway 7"
        m = _Mention(span.start_char, span.end_char, span.text, span, how)
        _fill_candidates(m, g, fuzzy)
        if require and not m.cands:
            return None
        mentions.append(m)
        for i in range(span.start, span.end):
            taken[i] = True
        return m

    # 1. the model's entities
    for ent in doc.ents:
        span = _strip(ent)
        if span is None:
            continue
        if ent.label_ in ("GPE", "LOC"):
            if not span.text[:1].isupper() and not span.text[:1].isdigit():
                continue
            span = _drop_compass(span, g)
            if span.text.lower() in _NOT_PLACES or span[-1].lower_ in _NOT_PLACE_HEADS:
                continue
            known = g.exact(span.text)
            if not known and (_person_like(doc, span.start, span.end, person_words)
                              or (len(span) == 1 and span.text in person_words)):
                continue
            if known and span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in TITLES \
                    and doc[span.start - 1].lower_ not in ("st", "saint") \
                    and not any(_top_level(e) for e in known):
                continue
            if not known and not g.lookup(span.text):
                # a name the gazetteer does not know: an office named after
                # its county ("Boone County Jail") gives the county; anything
                # else needs the context of a place
                inner = _institution_prefix(doc, span, g)
                if inner is not None:
                    add(inner, "ner", fuzzy=False, require=False)
                    continue
                if not _unknown_place_ok(doc, span, g):
                    continue
            add(span, "ner", fuzzy=True, require=False)
        elif ent.label_ == "FAC":
            known = [e for e in g.exact(span.text) if _own_or_main(e, span.text, g) and _strong(e, g)]
            if known:
                add(span, "ner", fuzzy=False, require=True)
            elif _street(doc, span):
                add(span, "street", fuzzy=False, require=False)
        elif ent.label_ == "NORP":
            place = g.place_for_demonym(span.text)
            if place is not None and len(span) <= 3:
                m = _Mention(span.start_char, span.end_char, span.text, span, "demonym",
                             cands=[place], demonym=place.country or "*")
                mentions.append(m)
                for i in range(span.start, span.end):
                    taken[i] = True

    # countries the text mentions so far (names, demonyms, curated regions)
    doc_countries: set[str] = set()
    for m in mentions:
        if m.demonym and m.demonym != "*":
            doc_countries.add(m.demonym)
        elif m.cands and (m.cands[0].kind == "country" or _top_level(m.cands[0])) and m.cands[0].country:
            doc_countries.add(m.cands[0].country)
    for ent in doc.ents:
        if ent.label_ in ("ORG", "PERSON", "GPE", "LOC"):
            for e in g.exact(ent.text)[:1]:
                if _top_level(e) and e.country and _own_or_main(e, ent.text, g):
                    doc_countries.add(e.country)

    # 1a. demonyms the model tagged otherwise ("Azerbaijani troops" as PERSON,
    # "the Czechs", "the Sri Lankan civil war")
    for tok in doc:
        if taken[tok.i] or not tok.is_title or tok.ent_type_ not in ("NORP", "PERSON", ""):
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].is_title and not taken[tok.i + 1]:
            two = doc[tok.i:tok.i + 2]
            code = g.country_for_demonym(two.text)
            if code and g.country(code) is not None and tok.ent_type_ != "PERSON":
                mentions.append(_Mention(two.start_char, two.end_char, two.text, two, "demonym",
                                         cands=[g.country(code)], demonym=code))
                taken[tok.i] = taken[tok.i + 1] = True
                doc_countries.add(code)
                continue
        if tok.ent_type_ == "" and tok.pos_ not in ("ADJ", "PROPN", "NOUN"):
            continue
        if tok.ent_type_ == "PERSON" and not (tok.pos_ == "ADJ" or tok.dep_ == "amod"):
            continue
        code = g.country_for_demonym(tok.text)
        if code and g.country(code) is not None:
            mentions.append(_Mention(tok.idx, tok.idx + len(tok.text), tok.text, doc[tok.i:tok.i + 1],
                                     "demonym", cands=[g.country(code)], demonym=code))
            taken[tok.i] = True
            doc_countries.add(code)

    # 1b. demonyms opening an organisation's name ("American Red Cross")
    for ent in doc.ents:
        if ent.label_ in ("ORG", "FAC", "EVENT", "PRODUCT") and len(ent) >= 2:
            whole = _strip(ent)
            if whole is not None and len(whole) >= 2 and not any(taken[k] for k in range(whole.start, whole.end)):
                known = [e for e in g.exact(whole.text) if _top_level(e) and _own_or_main(e, whole.text, g)]
                if known:
                    add(whole, "gaz", fuzzy=False, require=True)
                    continue
            tok = ent[0] if ent[0].lower_ != "the" else ent[1] if len(ent) > 2 else None
            if tok is not None and not taken[tok.i] and tok.is_title:
                place = g.place_for_demonym(tok.text)
                if place is not None:
                    m = _Mention(tok.idx, tok.idx + len(tok.text), tok.text, doc[tok.i:tok.i + 1],
                                 "demonym", cands=[place], demonym=place.country or "*")
                    mentions.append(m)
                    taken[tok.i] = True

    # 1c. datelines in capitals ("COLUMBUS, Ohio --", "BEIRUT (Reuters) -")
    for tok in doc:
        if taken[tok.i] or not tok.is_upper or len(tok.text) < 3 or not tok.is_alpha:
            continue
        # a byline's date before it ("March 30, 2009 NEWARK --") also opens a dateline
        after_year = tok.i > 0 and doc[tok.i - 1].like_num and len(doc[tok.i - 1].text) == 4
        at_line_start = (tok.i == 0 or "\n" in doc[tok.i - 1].text_with_ws or doc[tok.i - 1].is_upper
                         or doc[tok.i - 1].text in (".", "!", "?") or after_year)
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if at_line_start and nxt is not None and (nxt.text in (",", "-", "--", "—", "–", "(", ":")
                                                  or nxt.is_upper or nxt.is_space):
            j = tok.i + 1
            while j < len(doc) and doc[j].is_upper and doc[j].is_alpha and j - tok.i < 4:
                j += 1
            span = doc[tok.i:j]
            cands = [e for e in g.exact(span.text.title()) if _own_or_main(e, span.text.title(), g)]
            if cands and (tok.i == 0 or doc[tok.i - 1].text.endswith("\n") or tok.sent.start == tok.i
                          or doc[tok.i - 1].text in (".", "!", "?") or after_year):
                m = _Mention(span.start_char, span.end_char, span.text, span, "gaz", cands=list(cands))
                m.main_ids = g.main_name_ids(span.text)
                mentions.append(m)
                for k in range(span.start, span.end):
                    taken[k] = True

    # 1d. street and road names the model tagged as something else
    for ent in doc.ents:
        if ent.label_ in ("ORG", "PERSON", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"):
            span = _strip(ent)
            if span is not None and _street(doc, span) and not any(
                    taken[k] for k in range(span.start, span.end)) \
                    and not _person_like(doc, span.start, span.end, set()):
                add(span, "street", fuzzy=False, require=False)

    # 1e. names listed before "counties" ("Barrow, Jackson and Madison counties")
    for tok in doc:
        word = _COUNTY_PLURALS.get(tok.lower_)
        if word is None:
            continue
        k = tok.i - 1
        groups: list[tuple[int, int]] = []
        while k >= 0 and len(groups) < 12:
            end = k + 1
            while k >= 0 and (_capitalised(doc[k]) or (doc[k].text == "-" and k < end - 1)):
                k -= 1
            if k + 1 >= end:
                break
            groups.append((k + 1, end))
            if k >= 0 and doc[k].lower_ in _LIST_WORDS:
                k -= 1
                if k >= 0 and doc[k].lower_ in _LIST_WORDS:  # ", and"
                    k -= 1
                continue
            break
        for a, b in groups:
            span = doc[a:b]
            if any(taken[x] for x in range(a, b)):
                continue
            if any(e.source == "county" for e in g.exact(f"{span.text} {word}")):
                add(span, "gaz", fuzzy=False, require=False)

    # 2. gazetteer-backed spans the model missed or mislabelled
    ents_at: dict[int, Span] = {}
    for ent in doc.ents:
        for i in range(ent.start, ent.end):
            ents_at[i] = ent
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        if taken[i] or not _capitalised(tok) or tok.pos_ in _FUNCTION_POS or tok.is_stop:
            i += 1
            continue
        found = None
        for j in range(min(n, i + MAX_NGRAM), i, -1):
            if any(taken[k] for k in range(i, j)):
                continue
            last = doc[j - 1]
            if not (_capitalised(last) or last.text.isupper()) or last.is_punct:
                continue
            span = doc[i:j]
            ents = g.exact(span.text)
            if ents:
                found = (span, ents)
                break
        if found is None:
            i += 1
            continue
        span, ents = found
        ents = [e for e in ents if _own_or_main(e, span.text, g)
                or (e.kind == "city" and e.country in doc_countries and len(span.text) >= 6
                    and e.population >= 1000)]
        best = max(ents, key=_prior) if ents else None
        if best is not None and not _top_level(best) and best.country not in doc_countries:
            # a small place of a country the text is about beats a bigger namesake abroad
            local_ents = [e for e in ents if e.country in doc_countries and e.kind == "city"
                          and e.population >= 1000]
            if local_ents:
                best = max(local_ents, key=_prior)
        ent = ents_at.get(span.start)
        ok = False
        if best is None:
            ok = False
        elif ent is not None and ent.label_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY",
                                                "CARDINAL", "ORDINAL", "LANGUAGE"):
            ok = False
        elif _common_word(span, best):
            ok = False
        elif _county_name(span, best):
            # "Laurel County", "Avoyelles Parish": the name says what it is
            ok = not _person_like(doc, span.start, span.end, person_words)
        elif ent is not None and ent.label_ == "PERSON":
            whole = _strip(ent)
            covers = whole is not None and whole.start == span.start and whole.end == span.end
            ok = (covers and not _person_like(doc, span.start, span.end, person_words)
                  and (_strong(best, g) or _place_cue(doc, span.start, span.end, g)
                       or _coordinated(doc, span, taken)
                       or (_after_place(doc, span) and best.population >= 1000))
                  and not _speech_subject_person(doc, span, best, g))
        elif ent is not None and ent.label_ not in ("GPE", "LOC"):
            whole = _strip(ent)
            covers = whole is not None and whole.start == span.start and whole.end == span.end
            local = best.kind == "city" and (best.country in doc_countries or not doc_countries)
            if covers:
                ok = _top_level(best) or (_strong(best, g) and _place_cue(doc, span.start, span.end, g)) \
                    or (best.kind == "city" and best.id in g.main_name_ids(span.text) and (
                        best.population >= 100_000 or (local and best.population >= 1000 and (
                            _place_cue(doc, span.start, span.end, g) or _coordinated(doc, span, taken)
                            or _after_place(doc, span)))))
            else:
                # a place inside an organisation's name ("Kentucky State Police",
                # "Mansfield Police Department", "University of Rochester"): it
                # opens the name or follows "of"/"in"/"at"
                first = whole is not None and span.start == whole.start
                after_of = span.start > 0 and doc[span.start - 1].lower_ in ("of", "in", "at", "for")
                # a saint's name opening a church's or hospital's name ("St.
                # Rose Dominican Hospital") is a place only when a big one
                saint = span[0].lower_.rstrip(".") in ("st", "saint", "ste", "san", "santa") \
                    and best.population < 50_000
                ok = _top_level(best) or (not saint and (first or after_of) and best.kind == "city"
                                          and best.id in g.main_name_ids(span.text)
                                          and not _person_like(doc, span.start, span.end, person_words)
                                          and (best.population >= 20_000
                                               or (local and best.population >= 2000)))
        elif ent is None:
            if all(t.pos_ == "PROPN" or t.text in ("-", "of") for t in span):
                ok = not _person_like(doc, span.start, span.end, person_words) and (
                    _top_level(best) or (_place_cue(doc, span.start, span.end, g)
                                         and best.population >= 1000)
                    or (best.kind == "city" and best.id in g.main_name_ids(span.text) and (
                        best.population >= 100_000 or g.is_capital(best)
                        or (best.population >= 1000 and (_coordinated(doc, span, taken)
                                                         or _after_place(doc, span))))))
        if ok:
            add(span, "gaz", fuzzy=False, require=True)
            i = span.end
        else:
            i += 1

    # 3. one sense per text: a name found as a place is a place elsewhere in
    # the text too ("Greer's city limits", "Harwinton Senior Center", "Rock
    # Hill wants $180,000"), unless it reads as a person's name there
    known: dict[tuple[str, ...], _Mention] = {}
    for m in mentions:
        if m.how in ("ner", "gaz") and not m.demonym and m.span is not None \
                and (m.cands or m.how == "ner") and len(m.text) >= 3 and m.text[:1].isupper():
            known.setdefault(tuple(t.lower_ for t in m.span), m)
    if known:
        longest = max(len(k) for k in known)
        firsts = {k[0] for k in known}
        lowers = [t.lower_ for t in doc]
        i = 0
        while i < n:
            found = None
            if lowers[i] not in firsts or taken[i]:
                i += 1
                continue
            for L in range(min(longest, n - i), 0, -1):
                key = tuple(lowers[i:i + L])
                if key in known and not any(taken[k] for k in range(i, i + L)) \
                        and all(_capitalised(t) or t.is_upper for t in doc[i:i + L]):
                    found = (L, known[key])
                    break
            if found is None:
                i += 1
                continue
            L, src = found
            span = doc[i:i + L]
            prev = doc[i - 1] if i > 0 else None
            if not _person_like(doc, span.start, span.end, person_words) and not (
                    prev is not None and prev.lower_.rstrip(".") in TITLES):
                m = _Mention(span.start_char, span.end_char, span.text, span, "gaz",
                             cands=list(src.cands), main_ids=set(src.main_ids))
                mentions.append(m)
                for k in range(span.start, span.end):
                    taken[k] = True
            i += L

    mentions.sort(key=lambda m: m.start)
    return mentions


_NOT_PLACES = {"north", "south", "east", "west", "northeast", "northwest", "southeast",
               "southwest", "the north", "the south", "the west", "the east", "city", "state",
               "earth", "heaven", "hell", "paradise"}
_NOT_PLACE_HEADS = {"day", "days", "eve", "week", "act", "way"}


#: road words followed by the road's number ("County Road 43", "Highway 10")
_NUMBERED_ROADS = {"road", "highway", "route", "hwy", "rd", "pike", "turnpike", "parkway"}

_COMPASS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
            "northern", "southern", "eastern", "western", "central", "upstate", "downstate"}


def _drop_compass(span: Span, g: Gazetteer) -> Span:
    """"Northeast Georgia", "North Texas": the part of a state or country is
    named by the state or country itself, unless the whole is a name of its
    own ("North Carolina", "South Africa", "West Bank")."""
    if len(span) < 2 or span[0].lower_ not in _COMPASS or not span[1].text[:1].isupper():
        return span
    if g.exact(span.text):
        return span
    rest = span[1:]
    if any(_top_level(e) and e.source != "continent" and _own_or_main(e, rest.text, g)
           for e in g.exact(rest.text)):
        return rest
    return span


def _own_or_main(e: Entry, text: str, g: Gazetteer) -> bool:
    """Matched by its main name or by one of our own curated aliases (the
    GeoNames alternate names include translations such as "White House").
    A short alias ("ACT", "Man.") must keep its capitals or its dot."""
    main = e.id in g.main_name_ids(text)
    if main:
        return True
    if len(normalize(text)) <= 4 and not ("." in text or text.isupper()):
        return False
    return e.source in ("country", "state", "extra", "continent", "county")


def _common_word(span: Span, best: Entry) -> bool:
    """A single general English word ("Police", "Union", "Central") naming only
    a small place: not a place on the gazetteer's word alone."""
    return (normalize(span.text) in COMMON_WORDS and not _top_level(best)
            and (best.population < 1_000_000 or len(span) == 1 and span.text.lower() in _BRANDS))


_BRANDS = {"toyota", "honda", "nissan", "mazda", "lexus", "volvo", "audi", "kia", "dodge", "real"}


_COUNTY_WORDS = {"county", "parish", "borough", "co"}


def _county_name(span: Span, best: Entry) -> bool:
    return (len(span) >= 2 and span[-1].lower_.rstrip(".") in _COUNTY_WORDS
            and best.source == "county" and not span[0].is_stop)


def _coordinated(doc: Doc, span: Span, taken: list[bool]) -> bool:
    """In a list with a place already found ("Tabriz and Ahar", "Red Deer,
    Innisfail and Edmonton")."""
    root = span.root
    others = [root.head] if root.dep_ == "conj" else []
    others += [c for c in root.children if c.dep_ == "conj"]
    if any(taken[t.i] for t in others if not (span.start <= t.i < span.end)):
        return True
    # flat patterns the parser misses: "X and Y", "X, Y"
    s, e = span.start, span.end
    if s >= 2 and doc[s - 1].lower_ in ("and", "or", ",") and taken[s - 2]:
        return True
    if e + 1 < len(doc) and doc[e].lower_ in ("and", "or", ",") and taken[e + 1]:
        return doc[e].lower_ != "," or (e + 2 < len(doc) and doc[e + 2].lower_ in ("and", ","))
    return False


def _after_place(doc: Doc, span: Span) -> bool:
    """Followed by a noun that says it is a place ("Edmonton residents", "a
    Palestine man", "Columbia-based")."""
    e = span.end
    if e < len(doc) and doc[e].text == "-" and e + 1 < len(doc) and doc[e + 1].lower_ == "based":
        return True
    return e < len(doc) and doc[e].lower_ in AFTER_PLACE and not doc[e].is_title


def _street(doc: Doc, span: Span) -> bool:
    """A street or road name: capitalised words ending in Street, Road ..."""
    if len(span) < 2:
        return False
    last = span[-1]
    if last.lower_.rstrip(".") not in STREET_HEADS or not last.is_title:
        return False
    body = [t for t in span[:-1] if t.text not in ("-", ".")]
    if span.start > 0 and (doc[span.start - 1].like_num or doc[span.start - 1].text[:1].isdigit()):
        return False  # a postal address ("69 Wooster St."), not a place in the text's sense
    return bool(body) and all(t.is_title or t.like_num or t.text[:1].isdigit() for t in body) \
        and not body[0].like_num


def _top_level(e: Entry) -> bool:
    """Countries, states/provinces and curated places: safe without context."""
    return e.kind == "country" or e.source in ("state", "continent", "extra")


def _prior(e: Entry) -> float:
    return math.log10(e.population + 1) + (3 if e.kind == "country" else 2 if _top_level(e) else 0)


def _speech_subject_person(doc: Doc, span: Span, best: Entry, g: Gazetteer) -> bool:
    """A PERSON-tagged bare name as subject of "said" is a person unless it
    is a country or a capital (metonymy: "Yerevan says")."""
    root = span.root
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in PERSON_VERBS:
        return not (best.kind == "country" or g.is_capital(best))
    return False


# ---------------------------------------------------------------------------
# resolution

def _pair_text(doc: Doc, m: _Mention) -> Optional[str]:
    """The name after "X, " (``Springfield, Illinois`` -> ``Illinois``)."""
    if m.span is None:
        return None
    end = m.span.end
    if end + 1 < len(doc) and doc[end].text == ",":
        toks = []
        k = end + 1
        while k < len(doc) and k < end + 4 and (doc[k].is_title or doc[k].text.isupper()
                                                or (toks and doc[k].text in ("-",))):
            toks.append(doc[k])
            k += 1
        if toks:
            return doc[toks[0].i:toks[-1].i + 1].text
    return None


def _cue_city(doc: Doc, m: _Mention) -> bool:
    if m.span is None or m.span.start < 2:
        return False
    a, b = doc[m.span.start - 2], doc[m.span.start - 1]
    return (b.lower_ == "of" and a.lower_ in ("city", "town", "village", "capital")) or (
        b.lower_ in ("city", "town", "village"))


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


def _local_cue(doc: Doc, m: _Mention) -> bool:
    """Followed by a word that makes the name a town of the text's area."""
    if m.span is None or m.span.end >= len(doc):
        return False
    nxt = doc[m.span.end]
    if nxt.is_title:
        return nxt.lower_ in _LOCAL_TITLE_HEADS
    return nxt.lower_ in _LOCAL_NOUNS and nxt.pos_ in ("NOUN", "PROPN", "ADJ")


def _region_cue(doc: Doc, m: _Mention) -> bool:
    """"Washington state", "the state of Washington", "eastern Washington",
    "the Quebec government": the division, not its namesake city."""
    if m.span is None:
        return False
    s, e = m.span.start, m.span.end
    if e < len(doc) and doc[e].lower_ in ("state", "state's", "province", "provincial", "government",
                                          "premier", "legislature", "governor", "statewide"):
        return True
    if s >= 2 and doc[s - 1].lower_ == "of" and doc[s - 2].lower_ in ("state", "province"):
        return True
    return s >= 1 and doc[s - 1].lower_ in _REGION_ADJ


_COUNTY_PLURALS = {"counties": "County", "parishes": "Parish", "boroughs": "Borough"}
_LIST_WORDS = {",", "and", "or", "&"}


def _county_cues(doc: Doc, mentions: Sequence[_Mention], g: Gazetteer) -> None:
    """A bare name that stands for a county: one of a list ending in
    "counties" ("Cooke, Grayson and Love counties"), or a name the text also
    writes with "County" ("Platte County ... Platte is the state's 10th").
    Its county namesakes join the candidates and are preferred."""
    # names the text writes before "County"/"Parish" (every tail of the name)
    written: dict[str, str] = {}
    for tok in doc:
        if tok.text in ("County", "Parish"):
            k = tok.i
            while k > 0 and tok.i - k < 4 and (_capitalised(doc[k - 1]) or doc[k - 1].is_upper):
                k -= 1
                written.setdefault(doc[k:tok.i].text, tok.text)
    listed = any(t.lower_ in _COUNTY_PLURALS for t in doc)
    if not listed and not written:
        return
    for m in mentions:
        if m.demonym or m.span is None or not m.text[:1].isupper():
            continue
        last = m.span[-1].lower_.rstrip(".")
        if last in _COUNTY_WORDS or last in _COUNTY_PLURALS:
            continue
        word = None
        k = m.span.end if listed else len(doc)
        # walk a list of capitalised names to its head noun
        while k < len(doc) and k < m.span.end + 25:
            t = doc[k]
            if t.lower_ in _COUNTY_PLURALS:
                word = _COUNTY_PLURALS[t.lower_]
                break
            if t.lower_ in _LIST_WORDS or t.is_title or t.text in ("-", "."):
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


def _resolve(doc: Doc, mentions: list[_Mention], g: Gazetteer) -> None:
    if not mentions:
        return
    for m in mentions:
        m.pair = _pair_text(doc, m)
        m.cue_city = _cue_city(doc, m)
        m.local_cue = _local_cue(doc, m)
        m.region_cue = _region_cue(doc, m)
    _county_cues(doc, mentions, g)
    support, votes = _admin_support(mentions)
    for m in mentions:
        m.votes = votes.get(normalize(m.text), {}) if not m.demonym else {}

    # --- document context from what is (nearly) unambiguous
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

    # --- pass 1: prior + country/admin context
    by_text: dict[str, list[_Mention]] = defaultdict(list)
    for m in mentions:
        by_text[normalize(m.text)].append(m)
    for m in mentions:
        m.choice = _best(m, g, countries, admins, anchors=None, support=support)

    # --- pass 2: add distance to the other places chosen in pass 1
    for _ in range(2):
        anchors: list[tuple[str, float, float, float]] = []
        for m in mentions:
            e = m.choice
            if e is None or e.lat is None or e.kind == "country" or e.approx:
                continue
            if e.source in ("continent",) or (e.kind == "region" and e.population > 20_000_000):
                continue
            anchors.append((normalize(m.text), e.lat, e.lon,
                            1.0 if e.kind != "region" else 2.0,
                            e.kind == "region" and e.source == "extra"
                            and e.population <= 5_000_000))
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
        for m in mentions:
            key = normalize(m.text)
            mc = countries2 - own_c[key] if key in own_c else countries2
            m.choice = _best(m, g, mc, admins2, anchors, support=support)

    # one sense per name per document: the majority (by score) wins
    for key, ms in by_text.items():
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

    # counties and other stand-in coordinates: use the places of the text in the same state
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


def _saturate(x: float) -> float:
    return 1.0 - math.exp(-x)


def _best(m: _Mention, g: Gazetteer, countries: Counter, admins: Counter,
          anchors: Optional[list], support: Optional[Counter] = None) -> Optional[Entry]:
    if not m.cands:
        return None
    if m.demonym or len(m.cands) == 1:
        return m.cands[0]
    pair_entries: list[Entry] = g.exact(m.pair) if m.pair else []
    total = sum(countries.values()) or 1.0
    key = normalize(m.text)
    # a capital named like a state of its own country ("Washington")
    capital_rivals = {e.country for e in m.cands[:60] if e.kind == "region" and e.source in ("state", "extra")
                      and e.id in m.main_ids}
    # a state's or province's own name ("Queensland", "Normandy") is not a small town
    state_named = not m.local_cue and not m.pair and any(
        (e.source == "state" or (e.source == "extra" and e.kind == "region"
                                 and e.population >= 1_000_000))
        and e.id in m.main_ids for e in m.cands[:60])
    best, best_s = None, -1e9
    for e in m.cands[:60]:
        s = W["pop"] * math.log10(e.population + 1)
        if state_named and e.kind == "city" and e.population < 1_000_000 and not g.is_capital(e):
            s += W["state_town"]
        if e.id in m.main_ids:
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
        if e.kind == "city" and g.is_capital(e):
            s += W["capital"]
        if m.cue_city and e.kind == "city":
            s += W["cue_city"]
        if m.local_cue and e.kind == "city":
            s += W["local"]
        if capital_rivals and e.kind == "city" and g.is_capital(e) and e.country in capital_rivals \
                and not m.region_cue:
            s += W["capital_state"]
        if m.region_cue and e.kind == "region" and e.source in ("state", "extra", "subdivision"):
            s += W["capital_state"]
        if m.county_cue and e.source == "county":
            s += W["county_cue"]
        if support and e.country and e.admin1 and e.kind in ("city", "region"):
            own = m.votes.get((e.country, e.admin1), 0.0)
            s += W["support"] * _saturate(max(0.0, support.get((e.country, e.admin1), 0.0) - own))
        if e.country:
            c = countries.get(e.country, 0.0)
            if e.kind != "country":
                s += W["country"] * (0.5 * _saturate(c) + 0.5 * c / total)
            else:
                s += W["country_other"] * _saturate(max(0.0, c - m.own_countries.get(e.country, 0)))
        if e.country and e.admin1 and e.kind != "region":
            s += W["admin"] * _saturate(admins.get((e.country, e.admin1), 0.0))
        if pair_entries:
            for p in pair_entries[:5]:
                if p.kind == "country" and p.country == e.country:
                    s += W["pair"]
                    break
                if p.kind == "region" and p.country == e.country and p.admin1 and p.admin1 == e.admin1:
                    s += W["pair"]
                    break
        if anchors and e.lat is not None:
            near, inside = 0.0, False
            for a in anchors:
                if a[0] == key:
                    continue
                d = haversine_km(e.lat, e.lon, a[1], a[2])
                near += a[3] * math.exp(-d / W["near_km"])
                inside = inside or (a[4] and e.kind == "city" and d <= W["in_region_km"])
            s += W["near"] * _saturate(near) + (W["in_region"] if inside else 0.0)
        if s > best_s:
            best, best_s = e, s
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
