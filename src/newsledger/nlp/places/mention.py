"""Places: a mention (:class:`_Mention`) and its gazetteer candidates
(:func:`_fill_candidates`), with the tests that lookup asks of the name (a
compass word standing alone, a plural people word), and the state of
detection on one Doc (:class:`_Detection`) that the detection steps share."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from spacy.tokens import Doc, Span

from ...gazetteer import Entry, Gazetteer, normalize
from .words import LEGISLATURES
from .tokens import _Tokens
from .entries import _famous_alias, _top_level

if TYPE_CHECKING:  # (annotations only: the module imports the ones before it)
    from .score import _CandidateScores


@dataclass(slots=True)
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
    pair_in: bool = False  # the pair follows "in" ("Trujillo in Spain"): it holds a smaller town too
    #: a qualifier holds the mention ("the Scottish city of X" as its pair,
    #: "the Mexican state of X" as its native country): it keeps its own
    #: choice, and decides for no other mention of the name
    qualified: bool = False
    pair_before: Optional[str] = None  # the name before ", X" that X may contain
    cue_city: bool = False
    #: a compass word and a town's noun before "of" ("the northern port of X"): a
    #: town of the country the text is about
    compass_town: bool = False
    local_cue: bool = False
    region_cue: bool = False
    division_word: bool = False  # the name is given with its division's word ("Kano State")
    country_cue: bool = False  # in a list of countries (_lists_of_divisions)
    sea_cue: bool = False
    river_cue: bool = False
    #: a lower-case "island" after the name ("on Santa Cruz island"): the island
    island_cue: bool = False
    famous_cue: bool = False  # opens a festival's or treaty's name (cues._famous_cue)
    school_cue: bool = False  # closes "University of X" (cues._school_cue)
    county_cue: bool = False
    acts: bool = False  # the subject of a verb of speech or politics (cues._acts)
    #: a dateline's town in capitals with no land after it ("PARIS (AFP) —"; cues._lone_dateline)
    lone_dateline: bool = False
    native: Optional[str] = None  # the country of a people word before "from" ("a Spaniard from X"; cues._native_of)
    beside_state: bool = False  # listed with a state's or province's name alone ("Oregon and Washington")
    main_ids: set[int] = field(default_factory=set)
    admin_keys: frozenset = frozenset()
    votes: dict = field(default_factory=dict)
    own_countries: Counter = field(default_factory=Counter)
    #: ... and the (country, admin1) pairs it added to the text's
    own_admins: Counter = field(default_factory=Counter)
    scored: Optional["_CandidateScores"] = None  # context-free scores of the candidates (see _best)
    coloc: dict = field(default_factory=dict)  # entry id -> evidence of other names nearby (_colocation)
    fuzzy: bool = False  # the candidates are of a name spelt otherwise (no exact match)
    known: bool = False  # a step found the candidates itself, no lookup of the text (_Detection.add_known)
    feature: bool = False  # widened to the feature named after its place ("Lake Nakuru"; .features)
    tail: str = ""  # the word of kind a given span ends with ("region" of "the Kursk region")
    #: the countries the mention's paragraph names by their own names, where it has a town (resolve._paragraph_countries)
    para_countries: frozenset = frozenset()
    #: the towns of an unknown township's bare name ("Readington" of "Readington Township")
    bare: list[Entry] = field(default_factory=list)
    #: the place named right before this other name of it ("Witbank" of "Emalahleni, the former Witbank")
    other_name_of: Optional["_Mention"] = None


#: bare compass words: "the West" (the Western countries), "the North" of a
#: country; no town named West or North is meant, and no point stands for them
_COMPASS_ALONE = {"west", "east", "north", "south", "northeast", "northwest", "southeast",
                  "southwest"}

#: prepositions after which a plural people word may be a town ("in Brits")
_TOWN_PREPS = {"in", "at", "near", "outside", "inside", "around", "into", "toward", "towards"}


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


#: last words of a given place name that say its kind ("the Kursk region",
#: "Kano State", "Heze city"): the division's words, then the town's
_DIVISION_WORDS = {"province", "state", "region", "oblast", "krai", "kray", "prefecture", "governorate",
                   "territory", "department", "district", "municipality"}
_TAIL_WORDS = _DIVISION_WORDS | {"city", "town", "village"}

#: kinds of divisions abroad, after a division's own name ("the Gironde
#: département", "Opole Voivodeship", "Sukabumi Regency", "Teleorman County",
#: "Izium raion")
_DIVISION_KINDS_ABROAD = {"département", "departement", "canton", "voivodeship", "regency", "county",
                          "upazila", "tehsil", "commune", "emirate", "raion", "rayon", "aimag"}


#: a township's kind after its name, in full or abbreviated
_TOWNSHIP_WORDS = {"township", "twp", "twp."}


#: the Arabic article opening a transliterated name, with its hyphen ("al-",
#: "el-", and assimilated "ar-", "as-", "ash-", ...)
ARABIC_ARTICLES = {"al", "el", "ar", "as", "ad", "an", "at", "az", "ash", "adh", "ath", "ed", "es",
                   "en", "ez", "ul"}
_ARTICLE_NAME = re.compile(r"(?i)^(?:%s)-(\w.*)$" % "|".join(sorted(ARABIC_ARTICLES)))


def _great_city_of(word: str, g: Gazetteer) -> Optional[Entry]:
    """The national capital whose people's word ``word`` is in the singular
    ("Parisian" -> Paris; the gazetteer derives cities from plural forms
    only), never for a word that is itself a place's name; other cities'
    singular forms are too often a period's or a region's ("Permian",
    "Valencian")."""
    if not word[:1].isupper() or word.endswith("s") or " " in word or g.exact(word):
        return None
    place = g.place_for_people_word(word + "s")
    if place is None or place.kind != "city" or not g.is_capital(place):
        return None
    return place


def _describes(text: str, alpha: bool, pos: str) -> bool:
    """The word after a name (its text, whether alphabetic, its part of
    speech) makes the name an adjective: a hyphen or a lower-case noun
    ("Parisian-style", "a Parisian café"), not a verb ("Adrian said")."""
    return text == "-" or (alpha and text.islower() and pos in ("NOUN", "ADJ"))


def _adjective_before_noun(span) -> bool:
    """One word the next word makes an adjective (:func:`_describes`)."""
    doc, j = span.doc, span.end
    return len(span) == 1 and j < len(doc) and _describes(doc[j].text, doc[j].is_alpha, doc[j].pos_)


def _fill_candidates(m: _Mention, g: Gazetteer, fuzzy: bool) -> None:
    text = m.text
    if _compass_word(text) and not _named_as_town(m):
        return  # "the West", "the North": no town West or North (see _compass_word)
    # (a people's name may open in lower case before its country's: "ni-Vanuatu")
    hyphened = re.fullmatch(r"[a-z]{1,3}-[A-Z]\S*", text) is not None
    place = g.place_for_demonym(text) if text[:1].isupper() or hyphened else None
    if place is None and m.span is not None and _adjective_before_noun(m.span):
        place = _great_city_of(text, g)  # (a given span: "Parisian" of "Parisian-style")
    if place is not None and g.country_code(text) is None and (not any(
            _top_level(e) or e.population >= 100_000 for e in g.exact(text)
            if e.id in g.main_name_ids(text)) or _people_plural(m, g)):
        m.cands, m.demonym = [place], place.country or "*"
        return
    if text[:1].isupper() and g.is_people_word(text):
        fuzzy = False  # "Londoners" is no misspelt "Londonderry"
    code = place.country if place is not None and place.kind == "country" else None
    cands = g.exact(text)
    head, _, word = text.rpartition(" ")
    if cands and word.lower() in _TAIL_WORDS and head[:1].isupper():
        # a division's name with its kind that names one abroad as a whole
        # ("Western Region" of Malta) names as well the provinces called by
        # the bare name ("Western" of Ghana), for the context to choose
        cands = cands + [e for e in g.exact(head) if e.source == "subdivision" and e not in cands]
    if not cands:
        stripped = re.sub(r"^(?:the\s+)", "", text, flags=re.I)
        stripped = re.sub(r"(?:'s|’s|')$", "", stripped)
        if stripped != text:
            cands = g.exact(stripped)
    if not cands and text.startswith("Greater ") and len(text) > 8:
        # a great city's area ("Greater Cairo", "Greater Tehran") the gazetteer
        # does not know: the city
        cands = [e for e in g.exact(text[8:]) if e.kind == "city" and e.population >= 100_000]
    if not cands:
        # an Arabic name with its article ("al-Raqqa", "AR-RAMADI", "el-Minya")
        # the gazetteer knows without it
        bare = _ARTICLE_NAME.match(text)
        if bare:
            cands = g.exact(bare.group(1))
    if not cands:
        # a name given with its division's or town's word ("the Kursk region",
        # "Kano State", "Fukushima Prefecture"): the name, and that kind of place
        head, _, word = text.rpartition(" ")
        head = re.sub(r"^(?:the\s+)", "", head, flags=re.I)
        if word.lower() in _TAIL_WORDS and head[:1].isupper():
            cands = g.exact(head)
            if cands:
                m.tail, text = word.lower(), head
        elif word.lower() in _DIVISION_KINDS_ABROAD and head[:1].isupper():
            # ("Podkarpackie Voivodeship", "Teleorman County"): the division
            # by its bare name, else the town it is named after ("Izium
            # raion"; a county abroad is seldom its town's: "Elgin County")
            cands = g.exact(head)
            regions = [e for e in cands if e.kind == "region"]
            if word.lower() == "county":
                # (a US state is no county: "Harper in Maryland County" is Liberia's)
                regions = [e for e in regions if e.source != "state"]
            cands = regions or ([] if word.lower() == "county" else cands)
            if cands:
                m.tail, text = word.lower(), head
        elif word.lower() in _TOWNSHIP_WORDS and head[:1].isupper():
            # ("Readington Township", "Hanover Twp."): a North American
            # township the gazetteer knows by its bare name only, which
            # many a town elsewhere shares (a fallback: see places._townships)
            m.bare = [e for e in g.exact(head) if e.country in ("US", "CA") and e.kind == "city"]
    # a feature's short name after "the" that our table holds with its
    # article ("above the Po"): that feature, beside the towns that have the
    # bare name as another of theirs (Pau, Bozhou)
    with_article = [e for e in g.exact("the " + text) if e.kind == "feature" and e not in cands] \
        if m.span is not None and m.span.start > 0 and m.span.doc[m.span.start - 1].lower_ == "the" else []
    if with_article and any(e.kind == "region" and e.source == "state" and e.id in g.main_name_ids(text)
                            for e in cands) and m.span.root.dep_ not in ("compound", "amod", "nmod") \
            and not _modifies_next(m.span):
        # (a state's name after "the" that modifies no noun is the feature's:
        # "barges on the Mississippi", not "the Mississippi legislature")
        cands = []
    cands = with_article + cands
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
    if len(cands) > 1 and not m.fuzzy:
        cands = _without_accented_hamlets(text, cands)
    m.cands = list(cands)
    if m.cands:
        m.main_ids = g.main_name_ids(text) | {e.id for e in with_article}
        # (an older English name is its great city's as much as its own: "Ghent", "Bombay")
        famous = _famous_alias(text, frozenset(m.main_ids), m.cands, g)
        if famous is not None:
            m.main_ids.add(famous.id)


def _modifies_next(span: Span) -> bool:
    """The name goes on into a hyphened word or a noun after it ("the
    Ohio-based chain", "the Ohio equivalent", "the Ohio river basins")."""
    doc = span.doc
    if span.end >= len(doc):
        return False
    nxt = doc[span.end]
    return nxt.text in ("-", "–") or nxt.pos_ in ("NOUN", "PROPN", "ADJ")


#: a town this big whose own name the text spells exactly ...
SPELT_CITY_POP = 500_000
#: ... leaves out its namesakes this small whose own names carry accents the text's lacks
ACCENTED_HAMLET_POP = 10_000


def _without_accented_hamlets(text: str, cands: list[Entry]) -> list[Entry]:
    """``cands`` less the hamlets whose own names differ from ``text`` by
    their accents only, where a great town's own name is ``text`` as written:
    "Los Angeles" is the city of 3.8 million, no village Los Ángeles of
    Mexico (a text naming such a village writes its accent, or its state)."""
    spelt = text.casefold()
    if not any(e.kind == "city" and e.population >= SPELT_CITY_POP and e.name.casefold() == spelt for e in cands):
        return cands
    key = normalize(text)
    return [e for e in cands if not (e.kind == "city" and e.population < ACCENTED_HAMLET_POP
                                     and e.name.casefold() != spelt and normalize(e.name) == key)]


def _prefetch(g: Gazetteer, names: list[str]) -> None:
    """Read the gazetteer entries of many names at once (where the gazetteer can)."""
    if hasattr(g, "prefetch"):
        g.prefetch(names)


#: road words followed by the road's number ("County Road 43", "Highway 10")
_NUMBERED_ROADS = {"road", "highway", "route", "hwy", "rd", "pike", "turnpike", "parkway"}


@dataclass(slots=True)
class _Detection:
    """The state of :func:`_detect` on one Doc: the mentions found so far and
    the tokens they cover (``taken``), read by each step in turn."""

    doc: Doc
    toks: _Tokens
    g: Gazetteer
    ents: tuple
    mentions: list[_Mention] = field(default_factory=list)
    taken: list[bool] = field(default_factory=list)
    #: words of the model's persons' names that read as surnames here, and
    #: the first two words ("Adelaide Brooks") of those opened by a great
    #: place's name, which is no surname (:func:`.detect._collect_person_words`)
    person_words: set[str] = field(default_factory=set)
    #: ... of them, the words after a person's first ("Yogananda" of "Paramahansa Yogananda")
    surnames: set[str] = field(default_factory=set)
    #: ... of them, those of a name the model took for no person's that an age
    #: follows or a trade goes before ("The fugitive, Héctor Osorno Pailahueque, 45,")
    marked_surnames: set[str] = field(default_factory=set)
    #: great places' names opening a person's name that the text then uses
    #: alone for the person ("Georgia Stevens ... said Georgia.", "Georgia's father")
    given_names: set[str] = field(default_factory=set)
    #: capitalised words whose possessive owns what only a person owns ("Toledo's lawyer")
    person_owners: set[str] = field(default_factory=set)
    #: first words of the names of companies the text introduces ("cloud company Southgate Compute"),
    #: and legislatures' names ("the State Duma")
    company_words: set[str] = field(default_factory=set)
    doc_countries: set[str] = field(default_factory=set)
    #: the model's "persons" the words about one of their mentions show for
    #: a team ("the Gwangju Eagles broke the record"; :func:`.accept._teams_named`)
    teams: frozenset = frozenset()

    def firm_name(self, name: str, ents: list[Entry]) -> bool:
        """Whether the one-word ``name`` is an organisation's in this text
        (:attr:`company_words`) rather than a place ``ents`` offer: a
        legislature's always ("the Duma"), a company's unless a country's, a
        province's or a town of 100,000's own name."""
        if name not in self.company_words:
            return False
        if name.lower() in LEGISLATURES:
            return True
        own = self.g.main_ids(name)
        return not any(_top_level(e) or (e.kind == "city" and e.population >= 100_000 and e.id in own)
                       for e in ents)

    def free(self, start: int, end: int) -> bool:
        """No token of ``start:end`` is part of a mention yet."""
        return not any(self.taken[start:end])

    def take(self, start: int, end: int) -> None:
        for i in range(start, end):
            self.taken[i] = True

    def drop(self, m: _Mention) -> None:
        """Forget a mention a later step finds no place; its tokens are free again."""
        self.mentions.remove(m)
        for i in range(m.span.start, m.span.end):
            self.taken[i] = False

    def add(self, span: Span, how: str, fuzzy: bool, require: bool) -> Optional[_Mention]:
        """A mention of ``span`` with its gazetteer candidates (none if
        ``require`` and the gazetteer knows nothing)."""
        doc, toks = self.doc, self.toks
        if how == "street" and span.end < toks.n and toks.text[span.end].isdigit() \
                and len(toks.text[span.end]) <= 4 and toks.lower[span.end - 1] in _NUMBERED_ROADS:
            span = doc[span.start:span.end + 1]  # "County Road 43", "State Highway 7"
        m = self.mention(span, how)
        _fill_candidates(m, self.g, fuzzy)
        if require and not m.cands:
            return None
        self.mentions.append(m)
        self.take(span.start, span.end)
        return m

    def add_known(self, span: Span, cands: list[Entry], main_ids: set[int], fuzzy: bool = False) -> _Mention:
        """A mention of ``span`` whose candidates a step has found already
        (a river by its full name, another mention's, another name's)."""
        m = self.mention(span, "gaz")
        m.cands, m.main_ids, m.fuzzy, m.known = list(cands), set(main_ids), fuzzy, True
        self.mentions.append(m)
        self.take(span.start, span.end)
        return m

    def add_demonym(self, start: int, end: int, place: Entry, code: str) -> None:
        m = self.mention(self.doc[start:end], "demonym")
        m.cands, m.demonym = [place], code
        self.mentions.append(m)
        self.take(start, end)

    def mention(self, span: Span, how: str) -> _Mention:
        """A mention of a non-empty span (its text read from the token table),
        less the dash a suspended compound leaves on its last token ("Bergen-"
        of "Bergen- and Stavanger-based")."""
        toks, s, e = self.toks, span.start, span.end
        text, end = toks.span_text(s, e), toks.idx[e - 1] + len(toks.text[e - 1])
        last = toks.text[e - 1]
        if len(last) > 2 and last.endswith("-"):
            text, end = text[:-1], end - 1
        # (and the full stop a sentence's last word took with it, where the
        # tokenizer read it as an abbreviation's: "a trek from Sa Pa." of "Pa.",
        # "fish in Lough Conn." of "Conn."; "Washington, D.C." keeps its own)
        elif e - s >= 2 and len(last) > 2 and last.endswith(".") and last[:-1].isalpha() \
                and (e >= toks.n or self.doc[e].is_sent_start or toks.is_space[e]):
            text, end = text[:-1], end - 1
        return _Mention(toks.idx[s], end, text, span, how)
