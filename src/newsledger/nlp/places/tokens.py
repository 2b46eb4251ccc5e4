"""Places: the token table of a Doc (:class:`_Tokens`, read once) and small
tests on the words of a span and around it: a determiner or possessive
stripped, capitals, a person-like name, a place's cue before or after it, a
county's name, a list with a place, a street's name."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import chain
from typing import Iterable, Optional, Union

from spacy.attrs import ENT_IOB, ENT_TYPE, IDX, ORTH, POS, SPACY
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc, Span, Token

from ...gazetteer import Entry, Gazetteer, normalize
from ..doctext import keep_text, known_text
from .entries import _own_name
from .words import (AFTER_PLACE, COUNTY_LANDS, EVENT_NOUNS, KIN_WORDS, LABEL_WORDS, LAND_ADJECTIVES, LOC_PREPS,
                    PLACE_NOUNS, SAYING_WORDS, STREET_HEADS, TITLES, UNDOTTED_LANDS)


#: the attributes read per token; the rest are the word's, read once per word (:func:`_word_rows`)
_TOKEN_ATTRS = [ORTH, IDX, SPACY, POS, ENT_TYPE, ENT_IOB]
_IOB_NAMES = ("", "I", "O", "B")

#: per Vocab (by identity; the Vocab kept with its table so that its id is not reused): a word's
#: orth hash -> its row (:func:`_word_row`)
_WORDS: dict[int, tuple[object, dict[int, tuple]]] = {}
_WORDS_MAX = 500_000


def _word_rows(vocab) -> dict[int, tuple]:
    """The rows of the words of ``vocab`` read so far (a new table for another Vocab)."""
    hit = _WORDS.get(id(vocab))
    if hit is None or hit[0] is not vocab:
        if len(_WORDS) >= 8:
            _WORDS.clear()
        hit = _WORDS[id(vocab)] = (vocab, {})
    elif len(hit[1]) > _WORDS_MAX:
        hit[1].clear()
    return hit[1]


def _word_row(vocab, orth: int) -> tuple:
    """What the stage reads of a word, the same wherever it stands (spaCy
    keeps these on the Lexeme, not the token): its text, its lower case,
    the flags title, upper, alpha, punct, space, stop and like_num (0 or 1),
    and whether it is capitalised (:func:`_capitalised_text`)."""
    lex = vocab[orth]
    t = lex.orth_
    title = int(lex.is_title)
    return (t, lex.lower_, title, int(lex.is_upper), int(lex.is_alpha), int(lex.is_punct), int(lex.is_space),
            int(lex.is_stop), int(lex.like_num),
            title or (t[:1].isupper() and _capitalised_text(t)) or (t[1:2].isupper() and _prefixed_name(t)))


@dataclass(slots=True)
class _Tokens:
    """The token attributes the stage reads, taken from the Doc at once
    (``Doc.to_array``): the loops over the text index these lists instead of
    creating a spaCy ``Token`` at every look at a word.  Each list has one
    item per token, with the value of the ``Token`` attribute of that name
    (``lower`` is ``lower_``, ``pos`` is ``pos_``, ``space`` is
    ``whitespace_ != ""``, ``cap`` is :func:`_capitalised`); the flags are
    0 or 1 (read them as truth values only)."""

    doc_text: str
    #: the number of tokens (``toks.n``, read in every loop without a call)
    n: int
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
    #: (the words written in lower case somewhere, read once when first asked: :meth:`lower_words`)
    _lower_words: Optional[frozenset] = field(default=None, repr=False)
    #: (the tokens that open a line, read once when first asked: :meth:`line_starts`)
    _line_starts: Optional[list[int]] = field(default=None, repr=False)
    #: (the tokens in title case, and those in capitals, read once when first asked)
    _titled: Optional[list[int]] = field(default=None, repr=False)
    _uppers: Optional[list[int]] = field(default=None, repr=False)
    _capped: Optional[list[int]] = field(default=None, repr=False)
    #: (each word in lower case -> the tokens that write it, read once when first asked: :meth:`at`)
    _where: Optional[dict[str, list[int]]] = field(default=None, repr=False)

    @classmethod
    def of(cls, doc: Doc) -> "_Tokens":
        if not len(doc):
            return cls(doc_text="", n=0, text=[], lower=[], idx=[], space=[], title=[], upper=[], alpha=[],
                       punct=[], is_space=[], stop=[], like_num=[], pos=[], ent_type=[], ent_iob=[], cap=[])
        orth, idx, space, pos, ent_type, ent_iob = doc.to_array(_TOKEN_ATTRS).T.tolist()
        vocab = doc.vocab
        rows = _word_rows(vocab)
        try:
            words = list(map(rows.__getitem__, orth))
        except KeyError:
            for o in orth:
                if o not in rows:
                    rows[o] = _word_row(vocab, o)
            words = list(map(rows.__getitem__, orth))
        text, lower, title, upper, alpha, punct, is_space, stop, like_num, cap = map(list, zip(*words))
        string = vocab.strings.__getitem__
        # (Doc.text joins the tokens' text_with_ws, creating every Token: the
        # text a stage before built, else the join of the words read here, kept for the stages after)
        doc_text = known_text(doc)
        if doc_text is None:
            doc_text = "".join([t + " " if sp else t for t, sp in zip(text, space)])
            keep_text(doc, doc_text)
        return cls(
            doc_text=doc_text, n=len(text), text=text, lower=lower, idx=idx, space=space,
            title=title, upper=upper, alpha=alpha, punct=punct, is_space=is_space, stop=stop,
            like_num=like_num, pos=list(map(POS_NAMES.__getitem__, pos)),
            ent_type=[string(x) if x else "" for x in ent_type],
            ent_iob=list(map(_IOB_NAMES.__getitem__, ent_iob)), cap=cap)

    def __len__(self) -> int:
        return self.n

    def lower_words(self) -> frozenset:
        """The words the text writes in lower case somewhere ("tsunami")."""
        if self._lower_words is None:
            self._lower_words = frozenset({t for t in self.text if t.isalpha() and t.islower()})
        return self._lower_words

    def line_starts(self) -> list[int]:
        """The tokens that open a line: the first, and each after a token holding a line break."""
        if self._line_starts is None:
            self._line_starts = [0] + [i + 1 for i, t in enumerate(self.text[:-1]) if "\n" in t] if self.n else []
        return self._line_starts

    def titled(self) -> list[int]:
        """The tokens in title case, in order: a loop that reads only such
        words walks these instead of every token."""
        if self._titled is None:
            self._titled = [i for i, t in enumerate(self.title) if t]
        return self._titled

    def capped(self) -> list[int]:
        """The capitalised tokens (``cap``), in order."""
        if self._capped is None:
            self._capped = [i for i, c in enumerate(self.cap) if c]
        return self._capped

    def uppers(self) -> list[int]:
        """The tokens in capitals, in order."""
        if self._uppers is None:
            self._uppers = [i for i, u in enumerate(self.upper) if u]
        return self._uppers

    def at(self, words: Union[str, Iterable[str]]) -> list[int]:
        """The tokens whose lower case is ``words`` (one word) or one of
        ``words``, in order: a loop that reads only such words walks these
        instead of every token.  (The list of one word is shared: read it,
        do not change it.)"""
        where = self._where
        if where is None:
            where = self._where = {}
            for i, w in enumerate(self.lower):
                hit = where.get(w)
                if hit is None:
                    where[w] = [i]
                else:
                    hit.append(i)
        if isinstance(words, str):
            return where.get(words, [])
        return sorted(chain.from_iterable(where.get(w, ()) for w in words))

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` (``end > start``)."""
        return self.doc_text[self.idx[start]:self.idx[end - 1] + len(self.text[end - 1])]


def _strip(toks: _Tokens, s: int, e: int) -> Optional[tuple[int, int]]:
    """The token range ``s:e`` without a leading determiner (or a land's
    word) and trailing possessive/punctuation, or None when nothing is left."""
    while s < e and (toks.lower[s] in ("the", "a", "an") or toks.punct[s]) and not _name_article(toks, s, e):
        s += 1
    # (nor a land's own word the model took in: "Landlocked Mali" is no person)
    if e - s >= 2 and toks.lower[s] in LAND_ADJECTIVES:
        s += 1
    while e > s and (toks.punct[e - 1] or toks.lower[e - 1] in ("'s", "’s", "'")):
        # keep the dot of an abbreviation split off by the tokenizer ("W.Va" + ".")
        if toks.text[e - 1] == "." and e - 1 > s and not toks.space[e - 2] and "." in toks.text[e - 2]:
            break
        # (and of a short one the tokenizer cut before a comma: "Bennington, Vt., will")
        if toks.text[e - 1] == "." and e - 1 > s and _with_abbreviation_dot(toks, e - 2, e - 1) == e:
            break
        e -= 1
    return (s, e) if e > s else None


#: what closes a sentence before a capitalised article that opens the next
SENTENCE_ENDS = {".", "!", "?", ":", '"', "“", "”", "—", "-", "–"}


def _name_article(toks: _Tokens, s: int, e: int) -> bool:
    """The capitalised "A" or "An" at ``s`` opens a name inside a sentence
    ("near A Coruña", "in An Giang"), not the sentence ("A Bristol man")."""
    return toks.text[s] in ("A", "An") and s + 1 < e and toks.title[s + 1] and s > 0 \
        and toks.text[s - 1] not in SENTENCE_ENDS and "\n" not in toks.text[s - 1]


def _with_abbreviation_dot(toks: _Tokens, i: int, j: int) -> int:
    """The end of the name ``toks[i:j]``, taking in the full stop the
    tokenizer cut from a one-word abbreviation before a comma ("Gatineau,
    Que., and")."""
    if j - i == 1 and j + 1 < toks.n and toks.text[j] == "." and not toks.space[i] and toks.title[i] \
            and len(toks.text[i]) <= 4 and toks.text[j + 1] == ",":
        return j + 1
    return j


def _abbreviation_dot_end(toks: _Tokens, i: int, j: int, g: Gazetteer) -> int:
    """The end of the name ``toks[i:j]``, taking in the full stop the
    tokenizer cut from a state's or province's abbreviation at the end of a
    sentence or a text ("Lacolle, Que."): a word of five letters at most that
    our table knows only as another of its region's names (not "Rome."),
    after a town and a comma unless no place has it as its own name ("east
    of Alta." in Norway); not an Australian state's, whose short names are
    written without a stop ("far north Qld.")."""
    if j - i != 1 or j >= toks.n or toks.text[j] != "." or toks.space[i] \
            or len(toks.text[i]) > 5 or not toks.title[i]:
        return j
    word = toks.text[i]
    if not (i > 0 and toks.text[i - 1] == ",") and _own_name(word, g):
        return j
    # (a short form, no word of the region's name: not "in the Bekaa." of the Bekaa Valley)
    if any(e.kind == "region" and e.source in ("state", "extra") and normalize(e.name) != normalize(word)
           and normalize(word) not in normalize(e.name).split()
           and e.country not in UNDOTTED_LANDS for e in g.exact(word + ".")):
        return j + 1
    return j


def _with_possessive_end(toks: _Tokens, i: int, j: int, g: Gazetteer) -> int:
    """The end of the name ``toks[i:j]``, taking in the "'s" after it when
    that ends the own name of a bigger place than the name without it names
    ("St. John's", Newfoundland's capital; not "St. Paul's mayor"), or of any
    place where the "'s" owns nothing ("sailed on to St George's.")."""
    if j < toks.n and toks.lower[j] in ("'s", "’s") and not toks.space[j - 1]:
        whole, base = toks.span_text(i, j + 1), toks.span_text(i, j)
        own = [e for e in g.exact(whole) if e.id in g.main_ids(whole)]
        ids = {e.id for e in own}
        others = [e.population for e in g.exact(base) if e.id not in ids]
        if own and max(e.population for e in own) > max(others, default=0):
            return j + 1
        # (or owns nothing, a stop after it: "all the way to St George's.")
        if own and (j + 1 == toks.n or toks.text[j + 1] in (".", ",", ";", ":", ")")):
            return j + 1
    return j


def _capitalised(tok: Token) -> bool:
    """Title case, or a capitalised name with inner capitals ("DeKalb", "McDowell")."""
    return tok.is_title or _capitalised_text(tok.text)


def _capitalised_text(t: str) -> bool:
    """A capitalised name with inner capitals ("DeKalb", "McDowell"), a
    Nguni name written with its small prefix ("eThekwini", "uMhlanga",
    "iSimangaliso"), or one with an apostrophe inside ("Murang'a", "Sana'a")."""
    return (len(t) > 2 and t[0].isupper() and t.isalpha() and t[1:].lower() != t[1:]
            and any(c.islower() for c in t)) or _prefixed_name(t) or _APOSTROPHE_NAME.fullmatch(t) is not None


#: a name with an apostrophe or a glottal stop inside it before a small letter ("Murang'a", "Sana'a", "Savaiʻi")
_APOSTROPHE_NAME = re.compile(r"[A-Z][a-z]+(?:['’ʻ][a-z]+)+")


def _prefixed_name(t: str) -> bool:
    """A name after a one-letter prefix in lower case, the way the Nguni
    languages write their places ("eThekwini", "eMalahleni", "uMngeni")."""
    return len(t) >= 6 and t[0] in "eiu" and t[1].isupper() and t[2:].islower() and t.isalpha()


#: prepositions after which a name is a place's, not a person's
_PLACE_PREPS = {"in", "near", "towards", "toward", "around", "outside", "across", "through",
                "throughout", "within", "inside", "between", "along", "beyond", "past"}


def _event_of(toks: _Tokens, start: int, end: int) -> bool:
    """A capitalised event noun before "of" and a name ("the Battle of
    Puebla", "the Siege of Leningrad"): no town named Battle is meant."""
    return end - start == 1 and toks.lower[start] in EVENT_NOUNS and toks.cap[start] \
        and end + 1 < toks.n and toks.lower[end] == "of" and toks.cap[end + 1]


#: last words of a sports ground's name ("Sabina Park", "Kensington Oval", "Eden Gardens")
_GROUND_WORDS = {"park", "oval", "stadium", "arena", "gardens", "ground", "stadion", "estadio"}


def _ground_opening(toks: "_Tokens", j: int) -> bool:
    """The name ending before token ``j`` opens a ground's that the model
    took for a facility ("at Sabina Park", "Thomond Park"): no place there."""
    return j < toks.n and toks.title[j] and toks.lower[j] in _GROUND_WORDS and toks.ent_type[j] == "FAC"


#: words closing a press release's label before its contact's name ("Media Contact:")
_CONTACT_WORDS = {"contact", "contacts"}


def _line_start(toks: _Tokens, p: int) -> bool:
    """Token ``p`` opens the text or a line."""
    return p == 0 or "\n" in toks.text[p - 1]


def _in_headline_run(toks: _Tokens, start: int, end: int) -> bool:
    """``toks[start:end]`` lies in a headline's run of five capitalised words
    or more from the line's start ("Venezuela Marks Carabobo Anniversary With
    Parade", "Finland Marches Through Snowy Kuopio for ..."), where the model's
    "persons" are no persons; a headline's line is short and closes without
    a full stop (not a paragraph opened by a titled name, "Detective Chief
    Inspector Elizabeth Wakefield, the senior investigating officer, said")."""
    s = start
    while s > 0 and not _line_start(toks, s) and start - s < 8:
        s -= 1
    if not _line_start(toks, s) or not all(toks.title[k] for k in range(s, end)):
        return False
    e = end
    while e < toks.n and toks.title[e]:
        e += 1
    if e - s < 5:
        return False
    last = e
    while last < toks.n and "\n" not in toks.text[last] and last - s <= 30:
        last += 1
    return last - s <= 30 and toks.text[last - 1] not in (".", ",", ":", ";")


def _signed_name(toks: _Tokens, start: int, end: int) -> bool:
    """``toks[start:end]`` is a full name signing the text: a byline's at a
    line's start or after a dateline's dash ("By Georgia Evans, Crime
    Reporter", "MINDELO, Cape Verde — By Helena Tavares") or a contact's
    after a release's label ("Media Contact:\nParis Whitfield, Director"):
    two or three capitalised words, closing the line or followed by a
    comma, a bar ("By Lucía Castilla Ramos | Regional news") or "in" and a
    place ("By Naledi Khumalo in Johannesburg")."""
    if not 2 <= end - start <= 3 or end > toks.n \
            or not all(toks.title[k] and toks.alpha[k] for k in range(start, end)):
        return False
    if end < toks.n and not (toks.text[end] in (",", "|") or "\n" in toks.text[end] or (
            toks.text[end] == "in" and end + 1 < toks.n and toks.title[end + 1])):
        return False
    p = start - 1
    while p >= 0 and toks.is_space[p]:
        p -= 1
    if p < 0:
        return False
    if toks.text[p] == "By" and (_line_start(toks, p) or p > 0 and toks.text[p - 1] in ("—", "–", "|")):
        return True  # (or after a dateline's dash: "MINDELO, Cape Verde — By Helena Tavares")
    return toks.text[p] == ":" and p > 0 and toks.lower[p - 1] in _CONTACT_WORDS


def _initial_before(toks: _Tokens, i: int) -> bool:
    """A person's initial without its full stop opens the name at ``i`` in a
    list of names ("; L Ferguson, K Ross, D Mackintosh"): one capital letter
    (not "A" or "I") after a list's mark or a line's start."""
    if i < 1 or not toks.space[i - 1]:
        return False
    letter = toks.text[i - 1]
    if len(letter) != 1 or not letter.isalpha() or not letter.isupper() or letter in ("A", "I"):
        return False
    return i == 1 or toks.text[i - 2] in (",", ";", ":", "(", "—", "–") or "\n" in toks.text[i - 2]


def _in_signed_name(toks: _Tokens, start: int, end: int) -> bool:
    """``toks[start:end]`` lies inside a name signing the text (:func:`_signed_name`)."""
    if not any(toks.text[k] in ("By", ":") for k in range(max(0, start - 6), start)):
        return False  # (no byline's "By" nor label's colon just before)
    return any(_signed_name(toks, s, e) for s in range(max(0, start - 2), start + 1)
               for e in range(max(end, s + 2), s + 4))


def _speaker(toks: _Tokens, i: int) -> bool:
    """The word at ``i`` names who speaks: a verb of saying right before or
    after it ("said Rojas", "Rojas said"), an age between commas after it
    ("Rojas, 46,"), "who" after a comma ("Rojas, who grew up ...") or a
    saying verb after a short lower-case phrase between commas ("Rojas, in
    a statement, said")."""
    if (i > 0 and toks.lower[i - 1] in SAYING_WORDS) or (i + 1 < toks.n and toks.lower[i + 1] in SAYING_WORDS):
        return True
    if i + 2 < toks.n and toks.text[i + 1] == "," and toks.lower[i + 2] == "who":
        return True
    if i + 4 < toks.n and toks.text[i + 1] == "," and toks.text[i + 2].islower():
        # ("Albany, in a statement, said"; "Toledo, speaking by telephone, said")
        # (lower-case words only: "the other Kettering, in England, said" is the town)
        close = next((k for k in range(i + 3, min(i + 8, toks.n - 1))
                      if not toks.alpha[k] or not toks.text[k].islower()), None)
        if close is not None and toks.text[close] == "," and toks.lower[close + 1] in SAYING_WORDS:
            return True
    return i + 3 < toks.n and toks.text[i + 1] == "," and toks.text[i + 2].isdigit() \
        and len(toks.text[i + 2]) <= 3 and toks.text[i + 3] == ","


#: titles of rank or office that come before a person's full name ("Colonel Ibrahim Bauchi",
#: "Air Commodore Olusola Akure"), not trades or kin ("Coast Guard District", "Mother Nature")
_RANK_TITLES = {"mr", "mrs", "ms", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "president", "minister",
                "senator", "sen", "rep", "gov", "governor", "mayor", "judge", "justice", "sgt", "sergeant", "lt",
                "lieutenant", "capt", "captain", "col", "colonel", "gen", "general", "maj", "major", "cpl",
                "corporal", "pvt", "det", "detective", "rev", "reverend", "pope", "king", "queen", "prince",
                "princess", "emir", "sheikh", "ayatollah", "ambassador", "commissioner", "admiral", "adm",
                "commodore", "marshal", "brigadier", "commander", "cmdr", "chancellor", "premier"}


def _titled_given(toks: _Tokens, start: int) -> bool:
    """A title and a given name come before the name ("Air Commodore
    Olusola Akure", "Colonel Ibrahim Bauchi"): the surname of a person."""
    p = start - 1
    if p < 1 or not toks.title[p] or toks.pos[p] != "PROPN" or toks.lower[p].rstrip(".") in TITLES:
        return False
    return toks.lower[p - 1].rstrip(".") in _RANK_TITLES and toks.title[p - 1]


def _after_title_comma(toks: _Tokens, start: int) -> bool:
    """A lower-case title and a comma go before ``start`` ("His solicitor,
    Niall Boston, said", "A ministry spokesman, Dawit Gojjam, said", "The
    bank's project director, Lucas Adelaide, said"): a person's name follows."""
    p = start - 1
    return p >= 2 and toks.text[p] == "," and toks.text[p - 1].islower() and toks.lower[p - 1] in TITLES \
        and (toks.lower[p - 2] in ("his", "her", "their") or toks.pos[p - 2] in ("NOUN", "PROPN", "DET", "ADJ", "PART"))


def _listed_with_person(toks: _Tokens, start: int, end: int, g: Gazetteer) -> bool:
    """Two capitalised words that name no place as a whole follow "and"
    after a person's full name ("two warlords, Thomas Lubanga and Germain
    Katanga,", the second read as a place): the other person's full name."""
    if end - start != 2 or start < 3 or not all(toks.title[k] and toks.alpha[k] for k in range(start, end)):
        return False
    p = start - 1
    return toks.lower[p] in ("and", "&") and toks.ent_type[p - 1] == "PERSON" and toks.ent_iob[p - 1] == "I" \
        and not g.exact(toks.span_text(start, end))


def _person_like(toks: _Tokens, start: int, end: int, person_words: set[str]) -> bool:
    """Does doc[start:end] look like (part of) a person's name here?"""
    # (any word of a name signing the text: "By María Toledo Vega | Politics")
    if _in_signed_name(toks, start, end):
        return True
    # (no person is "-based": "the Chester-based company" beside "councillor Chester Morgan")
    # (nor lies some miles off: "drove from George, about 430 kilometres away";
    # nor is a place's noun's: "the town of Dalby", "Stanley, the islands' capital")
    if _distance_after(toks, end) or _named_by_noun(toks, start, end):
        return False
    if end + 1 < toks.n and toks.text[end] == "-" and toks.lower[end + 1] == "based" and not toks.space[end - 1]:
        return False
    if start > 0:
        p = start - 1
        if toks.lower[p].rstrip(".") in TITLES or _titled_given(toks, start):
            return True
        # a byline's author at a line's start ("By Helena Marsh | Travel")
        if toks.text[p] == "By" and (p == 0 or "\n" in toks.text[p - 1]) and end < toks.n \
                and toks.title[end] and toks.pos[end] == "PROPN":
            return True
        # ... or the first of two authors' full names ("By Li Wei and Oliver Hart")
        if toks.text[p] == "By" and (p == 0 or "\n" in toks.text[p - 1]) and end - start >= 2 \
                and end + 2 < toks.n and toks.lower[end] in ("and", "&") \
                and toks.title[end + 1] and toks.title[end + 2]:
            return True
        # ... and the author's surname after the given name ("By Kenji Ota | Staff Writer")
        if p >= 1 and toks.text[p - 1] == "By" and (p == 1 or "\n" in toks.text[p - 2]) \
                and toks.title[p] and toks.pos[p] == "PROPN" and end - start == 1 \
                and (end == toks.n or not toks.title[end]):
            return True
        if _credit_name(toks, start, end):
            return True
        if _byline_partner(toks, start, end):
            return True
        # (not a capitalised preposition the model took in: "Across Kerala";
        # nor a figure, "Bikaner 47.9C. Jaisalmer" read as one person)
        if toks.ent_type[p] == "PERSON" and toks.title[p] and toks.ent_iob[p] != "O" \
                and toks.lower[p] not in LOC_PREPS and not toks.text[p][:1].isdigit() \
                and not _in_headline_run(toks, start, end):
            return True
    if _after_kin(toks, start):
        return True
    # (a place's officer after it is no surname: "Talisay City Mayor Ana Cruz"; nor is
    # a body's name after "the" a person's: "The Maharashtra Ekikaran Samiti has campaigned")
    if end < toks.n and toks.title[end] and toks.ent_type[end] == "PERSON" and toks.pos[end] == "PROPN" \
            and toks.lower[end] not in _PLACE_OFFICES and not _in_headline_run(toks, start, end) \
            and not (start > 0 and toks.lower[start - 1] == "the"):
        return True
    # a couple's first name before the other's full name ("Brent and Lynnette Hain"),
    # not after a word of place ("towards Gopeng and Batu Gajah"), nor before
    # a name no person's opens ("goes to Dampier and Cape Lambert")
    if end - start == 1 and end + 2 < toks.n and toks.lower[end] in ("and", "&") \
            and not (start > 0 and toks.lower[start - 1] in _PLACE_PREPS) and not _including_places(toks, start) \
            and toks.ent_iob[end + 1] == "B" and toks.ent_type[end + 1] == "PERSON" \
            and toks.ent_iob[end + 2] == "I" and toks.ent_type[start] == "PERSON" \
            and toks.lower[end + 1] not in _PLACE_OPENING_WORDS:
        return True
    # (a given name the person's next word follows, which the text names a
    # place by elsewhere: "Photo: Adelaide Brooks")
    if end - start == 1 and end < toks.n and f"{toks.text[start]} {toks.text[end]}" in person_words:
        return True
    return end - start == 1 and toks.text[start] in person_words


def _after_kin(toks: _Tokens, start: int) -> bool:
    """A kin word opens the names before ``start`` ("his wife, Florence",
    "his daughters Victoria and Mai", "her son, Dallas, 7"): back over
    commas, "and" and capitalised words (six at most), none a place's cue."""
    k = start - 1
    while k >= 0 and start - k <= 6:
        word = toks.lower[k]
        if word in KIN_WORDS:
            return toks.text[k][:1].islower()
        if word in (",", "and") or (toks.title[k] and word not in LOC_PREPS):
            k -= 1
            continue
        return False
    return False


#: words that open a place's name, never a person's ("Cape Lambert", "Port Hedland", "Fort Smith",
#: "Puerto Madryn", "Ciudad Obregón")
_PLACE_OPENING_WORDS = {"cape", "port", "fort", "mount", "mt", "mt.", "point", "lake", "loch", "isle",
                        "puerto", "porto", "ciudad", "bahía", "bahia", "playa", "kota", "bandar", "kampung"}

#: place nouns in the plural before "of" and a list of places ("the towns of Sehwan and Dadu")
_PLACE_PLURALS = {"towns", "cities", "villages", "districts", "provinces", "states", "regions", "islands",
                  "counties", "municipalities", "suburbs", "ports", "capitals"}

#: prepositions of height before a place ("the hills above Stellenbosch")
_HEIGHT_PREPS = {"above", "below", "overlooking"}

#: plurals of places, and of what are places, that a list of examples follows
#: ("places such as Maafushi", "communities like Tuktoyaktuk")
_EXAMPLE_PLURALS = _PLACE_PLURALS | {"places", "communities", "settlements", "hamlets", "atolls", "neighbourhoods",
                                     "neighborhoods", "townships", "localities", "resorts", "outposts"}

#: offices of a place, capitalised after its name before the officer's
_PLACE_OFFICES = {"mayor", "governor", "councillor", "councilor", "councilman", "councilwoman",
                  "commissioner", "sheriff", "premier", "police", "fire", "garda", "gardaí", "gardai"}

#: what befalls a boat before "off" and a coast's place ("sank off Pylos")
_OFF_VERBS = {"sank", "sunk", "capsized", "foundered", "anchored", "drifted", "drifting", "intercepted", "rescued",
              "spotted", "stranded", "ran", "aground", "overturned", "sinking", "capsizing"}
#: words of the sea before "off" and a coast's place (the model may read "reefs" as a verb)
_OFF_WORDS = {"reefs", "reef", "waters", "coast", "islands", "island", "shore", "sea", "anchored", "ships"}

#: a place's people by their trade or home before "of" and its name ("the miners of Gafsa")
_PEOPLE_OF_PLACE = {"miners", "workers", "farmers", "fishermen", "inhabitants", "villagers", "citizens", "natives",
                    "dockers", "herders",
                    # (and one of them: "a resident of Łańcut", "a native of Tulcea")
                    "resident", "native"}
#: the parts of a place before "of" and its name ("parts of Doboj", "areas of Kunduz")
_PART_PLURALS = {"parts", "areas", "swathes", "swaths", "stretches",
                 # (and a way towards it: "from the direction of Djenné")
                 "direction"}
#: a place's land and works named before "of" ("the hills of Kangra", "the mines of Potosí")
_LAND_PLURALS = {"hills", "foothills", "mountains", "plains", "slopes", "coast", "shores", "beaches", "forests",
                 "vineyards", "orchards", "mines", "mills", "factories", "plants", "markets", "bazaars", "docks",
                 # (and a land's own stretch: "the high plateau of Boyacá", "the hinterland of Tete")
                 "plateau", "highlands", "lowlands", "uplands", "heartland", "hinterland",
                 # (its farms and fields: "the strawberry farms of Moguer")
                 "farms", "fields", "plantations",
                 # (and a town as a hub: "the tourism hub of Nungwi")
                 "hub"}

#: place nouns that name the place right after them ("its capital Higüey")
_NAMING_NOUNS = {"capital", "city", "town", "village", "port", "hamlet", "suburb", "township"}
#: ... after one of these words ("the", "its", "provincial capital", "port town")
_NAMING_OPENERS = {"the", "its", "their", "provincial", "regional", "state", "district", "port", "border",
                   "coastal", "mining", "market", "frontline", "front-line", "garrison", "northern", "southern",
                   "eastern", "western", "nearby", "neighbouring", "neighboring"}


#: ... and those that name the place after "of" ("the town of Dalby", "the port of Souda")
_OF_NAMING_NOUNS = _NAMING_NOUNS | {"municipality", "island", "islands", "district", "province", "county",
                                    "parish", "commune", "borough", "settlement"}
#: ... in the plural, opening a list ("the resorts of Montego Bay, Negril and Ocho Rios")
_OF_NAMING_PLURALS = {"towns", "villages", "cities", "hamlets", "suburbs", "resorts", "townships", "municipalities",
                      "districts", "provinces", "counties", "parishes", "communes", "boroughs", "settlements"}


#: a settlement's nouns in an apposition after its name ("Stanley, the islands' capital", "Lorca, the inland town")
_APPOSED_PLACE_NOUNS = {"capital", "town", "city", "village", "port", "hamlet", "settlement"}


def _named_by_noun(toks: _Tokens, start: int, end: int) -> bool:
    """A place's noun names the span: "the town of Dalby", "the provincial
    capital, Cáceres,", "Stanley, the islands' capital," or "Lorca, the
    inland town" (never a person's name, whoever of the text bears it)."""
    n = toks.n
    if start > 1 and toks.lower[start - 1] == "of" and toks.text[start - 2].islower() \
            and (toks.lower[start - 2] in _OF_NAMING_NOUNS or toks.lower[start - 2] in _OF_NAMING_PLURALS):
        return True
    if start > 2 and toks.text[start - 1] == "," and toks.text[start - 2] == "capital" \
            and (end >= n or not toks.title[end]):
        return True
    if end + 2 < n and toks.text[end] == "," and toks.lower[end + 1] in ("the", "its", "their"):
        for k in range(end + 2, min(n, end + 6)):
            # (or a settlement's noun: "In Lorca, the inland town rebuilt after";
            # not an office's, "the town crier", nor the town's, "the town's mayor")
            if toks.text[k] in _APPOSED_PLACE_NOUNS:
                # (nor the noun of another town: "Inland, the abandoned hill town of Craco")
                return k + 1 >= n or (toks.pos[k + 1] not in ("NOUN", "PROPN")
                                      and toks.lower[k + 1] not in ("'s", "’s", "'", "’", "of"))
            # (past lower-case words and capitalised ones: "Colón, the Caribbean port city")
            if not (toks.text[k].islower() or toks.title[k] or toks.text[k] in ("'", "'s", "’", "’s")):
                return False
    return False


def _byline_partner(toks: _Tokens, start: int, end: int) -> bool:
    """The span is a given name or a surname of a byline's later author,
    after "and" ("By Inês Lamego in Lisbon and Pablo Ruiz in Madrid"): a
    person, whatever town the name is elsewhere."""
    n = toks.n
    p = start - 1
    # (a given name before its surname, or the surname after its given name;
    # not a newsroom's town after a comma: "By Halima Garba, Kano Bureau")
    given = toks.lower[p] in ("and", "&") and end < n and toks.title[end] and toks.pos[end] == "PROPN" \
        and toks.lower[end] not in _NEWSROOM_WORDS
    # (or the whole full name closing the line: "By Sengphet Vongsa and Li Wei")
    given = given or (toks.lower[p] in ("and", "&") and end - start >= 2
                      and all(toks.title[k] for k in range(start, end))
                      and (end >= n or "\n" in toks.text[end] or toks.text[end] == "|"))
    surname = p >= 1 and toks.title[p] and toks.pos[p] == "PROPN" and toks.lower[p - 1] in ("and", "&") \
        and end - start == 1
    if not (given or surname):
        return False
    # (and the line opens with "By": walked back only for such a name)
    k = start
    while k > 0 and "\n" not in toks.text[k - 1]:
        k -= 1
    return toks.text[k] == "By" and start - k >= 3


#: words before "by" and a credit's names ("Reporting by", "Editing by", "Photos by")
_CREDIT_WORDS = {"reporting", "editing", "writing", "compiled", "photos", "photographs", "photography", "words",
                 "illustration", "illustrations", "graphics", "translation", "translated", "produced", "edited",
                 "written", "reported", "interviews"}


#: words after a credit's place that make it a newsroom's ("Reporting by Jakarta Newsroom")
_NEWSROOM_WORDS = {"newsroom", "bureau", "desk", "staff", "team", "office"}


def _credit_name(toks: _Tokens, start: int, end: int) -> bool:
    """The span is (part of) a person's name credited after "by" ("(Reporting
    by Sofía Alvarado; Editing by Victoria Holt)"), not a newsroom's town
    ("Reporting by Jakarta Newsroom")."""
    k = start - 1
    while k > 0 and start - k < 3 and toks.title[k] and toks.lower[k] != "by":
        k -= 1
    if _photo_credit(toks, k, end):
        return True
    if not (k > 0 and toks.lower[k] == "by" and toks.lower[k - 1] in _CREDIT_WORDS):
        return False
    n = toks.n
    if end < n and toks.lower[end] in _NEWSROOM_WORDS:
        return False
    return (end < n and toks.title[end]) or k < start - 1


def _photo_credit(toks: _Tokens, k: int, end: int) -> bool:
    """A photograph's credit in brackets, an agency's name in capitals, a
    slash and a person's name of two or three words ("(AFP / Hélène
    Nancy)"): ``k`` is the slash, the name runs past ``end - 1`` to the bracket."""
    if not (k >= 2 and toks.text[k] == "/" and toks.upper[k - 1] and toks.text[k - 2] == "("):
        return False
    j = end
    while j < toks.n and j - k <= 3 and toks.title[j]:
        j += 1
    return j < toks.n and toks.text[j] == ")" and 3 <= j - k <= 4 and all(toks.title[t] for t in range(k + 1, j))


#: where a person stands in a photograph, after the name in its caption ("Savannah Cole, center, with ...")
CAPTION_PLACES = {"left", "right", "center", "centre"}
#: words after a trade that close the apposition of a person's name ("Adelaide Brooks, a retired engineer who ...")
_AFTER_TRADE = {"who", "whose", "at", "with", "from", "of", "for", "in", "on", "based", "and", "said", "says"}


def _person_after_name(toks: _Tokens, k: int, articles: tuple[str, ...] = ("a", "an")) -> bool:
    """The tokens from ``k`` describe the name before them as a person's: a
    caption's place in the picture (", center," or "(left)") or an
    apposition of a trade or a title within six words ("Adelaide Brooks, a
    retired engineer who ...", "Georgia Sinclair, a London-based EBRD
    adviser, said"), closed by punctuation or a small word; ``articles``:
    those that may open the apposition ("the" too where no place has the
    name: "Karam, the former army commander")."""
    n = toks.n
    if k + 2 < n and toks.lower[k + 1] in CAPTION_PLACES and (
            (toks.text[k] == "," and toks.text[k + 2] in (",", ";"))
            or (toks.text[k] == "(" and toks.text[k + 2] == ")")):
        return True
    if not (k + 2 < n and toks.text[k] == "," and toks.lower[k + 1] in articles):
        return False
    for t in range(k + 2, min(n - 1, k + 8)):
        if (toks.punct[t] and toks.text[t] != "-") or toks.lower[t] in PLACE_NOUNS \
                or toks.lower[t] in ("whose", "where", "which", "that", "of"):
            return False  # (not "Kiribati, a country whose president said")
        if toks.text[t].islower() and toks.lower[t] in TITLES:
            return toks.punct[t + 1] or toks.lower[t + 1] in _AFTER_TRADE
    return False


#: lower-case adjectives before a place's name
_PLACE_ADJS = {"neighbouring", "neighboring", "nearby", "northern", "southern", "eastern", "western",
               "northeastern", "northwestern", "southeastern", "southwestern", "north-eastern",
               "north-western", "south-eastern", "south-western", "coastal", "landlocked", "rural",
               "downtown", "suburban", "upstate", "war-torn", "flood-hit", "drought-hit", "quake-hit"}


def _land_after(toks: _Tokens, end: int, g: Gazetteer) -> bool:
    """A comma and a country's or a region's name follow token ``end - 1``
    ("IXIL, Mexico"; "Nebaj, Quiché")."""
    return end + 1 < toks.n and toks.text[end] == "," and toks.title[end + 1] \
        and any(e.kind in ("region", "country") for e in g.exact(toks.text[end + 1]))


def _place_cue(toks: _Tokens, start: int, end: int, g: Gazetteer) -> bool:
    """Context that says a span is a place: a locative preposition or a
    place noun before it, or ", State/Country" after it."""
    if _cue_before(toks, start, end) or _route_end(toks, start, end) or _distance_after(toks, end):
        return True
    if _land_after(toks, end, g):
        return True
    # a place that a relative "where" goes on to describe ("the flood scheme
    # for Dunmore, where shops flooded twice"; not the end of a longer name,
    # "Terreiro do Paço, where")
    if end + 1 < toks.n and toks.text[end] == "," and toks.lower[end + 1] == "where" \
            and not (start > 1 and toks.lower[start - 1] in _NAME_LINKS and toks.title[start - 2]):
        return True
    # a place said to lie near another ("Fremantle, near Perth, ...")
    if end + 2 < toks.n and toks.text[end] == "," and toks.lower[end + 1] in ("near", "outside") \
            and toks.title[end + 2]:
        return True
    # a feature's name between "the" and its noun in lower case ("the Lofoten
    # peaks", "the Tiétar valley", "to the Caluya islands")
    # (or with a part's word after "the": "the upper Usk valley", "the lower Tana delta")
    the = start - 2 if start > 1 and toks.lower[start - 1] in _FEATURE_PARTS else start - 1
    if the >= 0 and toks.lower[the] == "the" and end < toks.n and toks.lower[end] in _FEATURE_NOUNS \
            and toks.text[end].islower():
        return True
    return _place_apposition(toks, end) or _place_predicate(toks, end) or _named_by_noun(toks, start, end)


#: capitalised nouns of treaties, battles and sieges named after their place ("the Treaty of Bayonne")
_NAMED_AFTER_PLACE = {"treaty", "battle", "siege", "peace", "congress", "protocol", "accords", "edict", "sack",
                      "liberation", "capitulation"}
#: words of a feature's part between "the" and its name ("the upper Usk valley")
_FEATURE_PARTS = {"upper", "lower", "middle", "northern", "southern", "eastern", "western", "central"}
#: nouns of land and water after a feature's name ("the Lofoten peaks")
_FEATURE_NOUNS = {"islands", "isles", "peaks", "mountains", "hills", "valley", "valleys", "lagoon", "archipelago",
                  "atoll", "atolls", "glacier", "fjord", "plateau", "delta", "estuary", "wetlands", "marshes",
                  "highlands", "river", "gorge", "steppe", "floodplain"}


#: words of a distance's measure ("about 15 miles up the coast")
_DISTANCE_UNITS = {"km", "kms", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "mi"}
#: words that may come before a distance's number
_DISTANCE_HEDGES = {"about", "some", "roughly", "around", "nearly", "almost", "just", "only", "approximately",
                    "barely", "less", "more", "than", "over", "under", "another"}


def _distance_after(toks: _Tokens, end: int) -> bool:
    """A distance follows the name ending before token ``end`` in apposition:
    ", about 430 kilometres to the east", ", just 15 miles down the canal",
    ", 40km away" (said of places, never of persons)."""
    n = toks.n
    if end + 2 >= n or toks.text[end] != ",":
        return False
    k = end + 1
    while k < n and k - end <= 3 and toks.lower[k] in _DISTANCE_HEDGES:
        k += 1
    if k + 1 >= n or not toks.like_num[k] or not any(c.isdigit() for c in toks.text[k]):
        return False
    k += 1
    if toks.text[k] == "-" and k + 1 < n:
        k += 1
    return toks.lower[k] in _DISTANCE_UNITS


#: nouns of a route named by its two ends ("the Oban to Craignure route")
_ROUTE_NOUNS = {"route", "routes", "ferry", "ferries", "crossing", "crossings", "service", "services", "sailing",
                "sailings", "flight", "flights", "train", "trains", "bus", "buses", "line", "railway", "highway",
                "motorway", "expressway", "pipeline", "corridor"}


def _route_end(toks: _Tokens, start: int, end: int) -> bool:
    """The span is one end of a route named by its two ends and "to" before
    a route's noun ("the Oban to Craignure route", "Lagos to Ibadan
    trains")."""
    n = toks.n
    if end + 1 < n and toks.lower[end] == "to" and toks.title[end + 1]:
        k = end + 1
        while k < n and toks.title[k] and k - end <= 3:
            k += 1
        return k < n and toks.lower[k] in _ROUTE_NOUNS
    return start >= 2 and toks.lower[start - 1] == "to" and toks.title[start - 2] and end < n \
        and toks.lower[end] in _ROUTE_NOUNS


#: streets named together ("between First and Herman streets")
_STREET_PLURALS = {"streets", "roads", "avenues", "lanes", "drives", "boulevards", "highways"}
#: words that open a list of a place's parts ("the Bekaa Valley, including Baalbek")
_INCLUDING_WORDS = {"including", "notably", "especially"}
#: ... after one of these words or a place's noun ("coastal areas including Kribi")
_INCLUDING_HEADS = {"areas", "parts", "places", "settlements", "communities", "neighbourhoods", "neighborhoods"}


def _including_places(toks: _Tokens, start: int) -> bool:
    """The span opens the list of a place's parts or of a place noun's
    ("the Bekaa Valley, including Baalbek"; "coastal areas including Kribi";
    "Northern Arizona, including Flagstaff")."""
    if start < 2 or toks.lower[start - 1] not in _INCLUDING_WORDS:
        return False
    k = start - 3 if toks.text[start - 2] == "," and start > 2 else start - 2
    # (or the model's place before the comma: "Northern Arizona, including Flagstaff")
    return toks.lower[k] in PLACE_NOUNS or toks.lower[k] in _PLACE_PLURALS or toks.lower[k] in _INCLUDING_HEADS \
        or (k < start - 2 and toks.ent_type[k] in ("GPE", "LOC") and toks.title[k])


def _cue_before(toks: _Tokens, start: int, end: int, depth: int = 0) -> bool:
    """The part of :func:`_place_cue` that reads the words before the span;
    a name listed after one it speaks for has it too ("the cities of Tyre
    and Nabatieh", "in Vidin, Lom and Montana")."""
    if start > 0:
        prev = toks.lower[start - 1]
        if prev in LOC_PREPS and prev != "of":
            # (not a holding "in" a company: "Shares in Southgate rose")
            return not (prev == "in" and start > 1 and toks.lower[start - 2] in _HOLDING_NOUNS)
        if prev in ("of", ",") and start > 1 and (toks.lower[start - 2] in PLACE_NOUNS
                                                  or toks.lower[start - 2] in _PLACE_PLURALS):
            return True
        # its people by their trade ("the miners of Gafsa", "the fishermen of Mocha")
        if prev == "of" and start > 1 and toks.lower[start - 2] in _PEOPLE_OF_PLACE and toks.text[start - 2].islower():
            return True
        # parts of a place ("Parts of Doboj were also affected", "in areas of Kunduz")
        if prev == "of" and start > 1 and toks.lower[start - 2] in _PART_PLURALS:
            return True
        # its land and its works ("the lower hills of Kangra", "the coast of
        # Calabria", "the chemical plants of Monzón")
        if prev == "of" and start > 1 and toks.lower[start - 2] in _LAND_PLURALS and toks.text[start - 2].islower():
            return True
        # a church's seat ("the Archbishop of Tuam", "the diocese of Kilmore")
        if prev == "of" and start > 1 and toks.lower[start - 2] in _SEAT_NOUNS:
            return True
        # an example of places ("provinces such as An Giang", "towns such as
        # Kayes", "at places like Nizhneyansk")
        if prev == "as" and start > 2 and toks.lower[start - 2] == "such" \
                and (toks.lower[start - 3] in PLACE_NOUNS or toks.lower[start - 3] in _EXAMPLE_PLURALS):
            return True
        if prev == "like" and start > 1 and toks.lower[start - 2] in _EXAMPLE_PLURALS:
            return True
        # a place as far as it goes ("booked as far away as Rotorua", "towns as
        # far as Aparri", "never been further than Oudtshoorn"), no verb after
        # the name ("as far as Smith is concerned")
        if (prev == "as" and _as_far_as(toks, start) or prev == "than" and start > 1
                and toks.lower[start - 2] in ("further", "farther")) \
                and not (end < toks.n and toks.pos[end] in ("AUX", "VERB")):
            return True
        # a treaty, a battle or a siege named after its place ("the 1866 Treaty
        # of Bayonne", "the Battle of Mosul")
        if prev == "of" and start > 1 and toks.lower[start - 2] in _NAMED_AFTER_PLACE and toks.title[start - 2]:
            return True
        # a ship's or a crew's home port ("chartered out of Fremantle")
        if prev == "of" and start > 1 and toks.lower[start - 2] == "out":
            return True
        # a journey's end ("a ferry bound for Lesbos", "walkers bound for Santiago de Compostela")
        if prev == "for" and start > 1 and toks.lower[start - 2] in ("bound", "headed", "destined"):
            return True
        # waters or land off a coast's place ("the reefs off Gladstone")
        # (or after a comma, a place it lies off: "on Bird Caye, off Dangriga,")
        # (or a boat's fate off it: "a trawler that sank off Pylos")
        if prev == "off" and start > 1 and (toks.pos[start - 2] == "NOUN" or toks.lower[start - 2] in _OFF_WORDS
                                            or toks.lower[start - 2] in _OFF_VERBS
                                            or (toks.text[start - 2] == "," and start > 2 and toks.title[start - 3])):
            return True
        # a place that a slope or a pasture lies above ("a hillside above Hoyos",
        # "the vineyards overlooking Cochem"; not "above Smith's head")
        # (the whole name: not "Lac" of "above Lac de la Gruyère")
        if prev in _HEIGHT_PREPS and start > 1 and toks.pos[start - 2] == "NOUN" and toks.text[start - 2].islower() \
                and not (end < toks.n and toks.lower[end] in ("'s", "’s")) \
                and not (end + 1 < toks.n and toks.text[end] in _NAME_SMALL_WORDS
                         and (toks.title[end + 1] or toks.text[end + 1] in _NAME_SMALL_WORDS and end + 2 < toks.n
                              and toks.title[end + 2])):
            return True
        # a place's adjective in lower case ("in neighbouring Hastings", "southern Malawi"),
        # or a neighbour's opening a sentence ("Neighbouring Krabi has asked for a role")
        if prev in _PLACE_ADJS and (toks.text[start - 1].islower() or (
                prev in ("neighbouring", "neighboring", "nearby")
                and (_line_start(toks, start - 1) or toks.text[start - 2] in SENTENCE_ENDS))):
            return True
        # a place's noun right before it, in apposition ("and its capital
        # Higüey", "the port town Kyaukpyu"), no capitalised word after it
        if prev in _NAMING_NOUNS and toks.text[start - 1].islower() and start > 1 \
                and toks.lower[start - 2] in _NAMING_OPENERS and not (end < toks.n and toks.title[end]):
            return True
        # the places a place or a place's noun goes on to list ("the Bekaa
        # Valley, including Baalbek"; "coastal areas including Kribi")
        if _including_places(toks, start):
            return True
        # the next name of a list whose first has a cue ("in Tyre and Nabatieh")
        # (a comma's only inside the list, "in New Zealand, Underwood was";
        # no streets' names: "between First and Herman streets")
        last = start - 3 if prev in ("and", "or") and start > 3 and toks.text[start - 2] == "," else start - 2
        after = toks.lower[end] if end < toks.n else ""
        if prev in ("and", "or", ",") and last > 0 and toks.title[last] and depth < 6 \
                and (prev != "," or after in ("and", "or", ",")) and after not in _STREET_PLURALS:
            k = last
            while k > 0 and k > start - 5 and toks.title[k - 1] and toks.lower[k - 1] not in ("and", "or"):
                k -= 1
            return _cue_before(toks, k, last + 1, depth + 1)
    return False


#: words between "as far" and "as" that still measure a way ("as far afield as", "as far north as")
_FAR_WORDS = {"away", "afield", "north", "south", "east", "west", "inland", "upstream", "downstream", "upriver"}


def _as_far_as(toks: _Tokens, start: int) -> bool:
    """"as far as", "as far away as" (and the like) right before ``start``."""
    k = start - 2
    if k > 0 and toks.lower[k] in _FAR_WORDS:
        k -= 1
    return k > 0 and toks.lower[k] == "far" and toks.lower[k - 1] == "as"


#: lower-case words inside a place's longer name ("Terreiro do Paço", "Isle of Man")
_NAME_LINKS = {"do", "da", "dos", "das", "de", "del", "della", "di", "du", "des", "la", "le", "el", "of", "upon", "on"}
#: ... and the French, Spanish and German ones a name goes on with after its first word ("Lac de la
#: Gruyère"), not "on", which a date may follow ("above Aviemore on Friday"; the height cue of _cue_before)
_NAME_SMALL_WORDS = (_NAME_LINKS - {"on", "upon"}) | {"les", "los", "las", "am", "im", "sur"}

#: holdings "in" a company ("shares in", "a stake in")
_HOLDING_NOUNS = {"shares", "stake", "stakes", "stockholding", "shareholding"}

#: verbs of war and flight whose object is a town of a front ("since taking
#: Avdiivka", "still holding Siversk", "Beyond it lies Bakhmut"): a place
#: there where the text's country has a town of the name
_SEIZING_WORDS = {"take", "taking", "took", "capture", "captured", "capturing", "seize", "seized", "seizing",
                  "recapture", "recaptured", "retake", "retook", "retaken", "liberate", "liberated", "liberating",
                  "encircle", "encircled", "encircling", "besiege", "besieged", "besieging", "shell", "shelled",
                  "shelling", "storm", "stormed", "storming", "hold", "held", "holding", "defend", "defended",
                  "defending", "evacuate", "evacuated", "evacuating", "lies", "lay", "abandon", "abandoned",
                  "overran", "overrun", "surround", "surrounded", "surrounding", "fled", "flee", "fleeing"}


def _seized_before(toks: _Tokens, start: int) -> bool:
    """A verb of :data:`_SEIZING_WORDS` right before ``start``."""
    return start > 0 and toks.lower[start - 1] in _SEIZING_WORDS


#: a church's offices and lands named after their seat ("the Bishop of Durham")
_SEAT_NOUNS = {"archbishop", "bishop", "diocese", "archdiocese", "eparchy", "see"}

#: place nouns an apposition names a place by ("Merzouga, a village on the edge of the dunes")
_APPOSITION_NOUNS = {"village", "town", "city", "port", "hamlet", "suburb", "resort", "district", "island",
                     "township", "municipality", "province", "region", "county", "oasis", "gateway"}


#: ... in the plural, after a list of names
_APPOSITION_PLURALS = {"towns", "villages", "cities", "hamlets", "suburbs", "resorts", "districts", "islands",
                       "townships", "municipalities", "ports"}


def _place_apposition(toks: _Tokens, end: int) -> bool:
    """The name ending before token ``end`` is followed by an apposition
    whose head is a place noun: ", a village ...", ", the fortified
    village ...", ", a busy frontier town" (not ", a town councillor")."""
    n = toks.n
    if end + 2 >= n or toks.text[end] != ",":
        return False
    # (or, closing a list, one in the plural without an article: "Río
    # Ceballos, Salsipuedes and Unquillo, small towns in the Sierras Chicas")
    plural = toks.lower[end + 1] not in ("a", "an", "the")
    heads = _APPOSITION_PLURALS if plural else _APPOSITION_NOUNS
    # (a modifier may be a compound of hyphens: ", a zinc-mining town")
    for k in range(end + 1 + (not plural), min(n, end + 8)):
        if toks.lower[k] in heads:
            return not (k + 1 < n and toks.pos[k + 1] in ("NOUN", "PROPN"))
        glued = toks.text[k] == "-" or (toks.text[k - 1] == "-" and toks.text[k].islower() and toks.alpha[k])
        if not glued and (toks.pos[k] not in ("ADJ", "NOUN") or toks.title[k]):
            return False
    return False


#: verbs linking a name to what it is ("Kirkwall is a market town")
_COPULAS = {"is", "was", "remains", "remained", "became", "becomes"}


#: adverbs that may stand between the verb and what the name is ("is now a town")
_PREDICATE_ADVERBS = {"now", "still", "also", "already", "once", "today"}


def _place_predicate(toks: _Tokens, end: int) -> bool:
    """The name ending before token ``end`` is the subject of a copula whose
    complement's head is a place noun: "Kirkwall was one of the
    fastest-growing towns", "Bahrabise is a town in the same district"
    (not "was a town councillor", "is the city's mayor")."""
    n = toks.n
    k = end
    if k >= n or toks.lower[k] not in _COPULAS:
        return False
    k += 1
    if k < n and toks.lower[k] in _PREDICATE_ADVERBS:
        k += 1
    if k + 2 < n and toks.lower[k] == "one" and toks.lower[k + 1] == "of" and toks.lower[k + 2] == "the":
        heads, k = _APPOSITION_PLURALS, k + 3
    elif k < n and toks.lower[k] in ("a", "an", "the"):
        heads, k = _APPOSITION_NOUNS, k + 1
    else:
        return False
    for m in range(k, min(n, k + 5)):
        if toks.lower[m] in heads and not toks.title[m]:
            return not (m + 1 < n and (toks.pos[m + 1] in ("NOUN", "PROPN") or toks.lower[m + 1] in ("'s", "’s")))
        # (adjectives, nouns and adverbs before it, hyphened ones too: "the fastest-growing")
        if toks.title[m] or not (toks.pos[m] in ("ADJ", "NOUN", "ADV") or toks.text[m] == "-"
                                 or (m > k and toks.text[m - 1] == "-")):
            return False
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


def _foreign_to_possessor(owner: Optional[str], known: list[Entry]) -> bool:
    """A one-word name after the possessive of the country ``owner``
    (:func:`_possessor_country`) that names no place of that country is its
    leader or one of its people, not a place ("France's Macron", "Tanzania's
    Hassan"; "Kenya's Dadaab" is a place)."""
    return owner is not None and not any(e.country == owner for e in known)


_COUNTY_WORDS = {"county", "parish", "borough", "co"}


def _county_name(toks: _Tokens, i: int, j: int, best: Entry) -> bool:
    """``doc[i:j]`` names a county ("Laurel County"; in Ireland "County
    Clare", "Co. Kerry", the word first); not the end of a firm's name
    ("Southwestern Electric Power Co.")."""
    if j - i >= 2 and toks.lower[i] in ("county", "co.", "co") and best.kind == "region" \
            and best.source in ("subdivision", "extra") and best.country in COUNTY_LANDS:
        return True
    last = toks.lower[j - 1].rstrip(".")
    return (j - i >= 2 and last in _COUNTY_WORDS and best.source == "county" and not toks.stop[i]
            and not (last == "co" and i > 0 and toks.title[i - 1]))


def _coordinated(toks: _Tokens, span: Span, taken: list[bool]) -> bool:
    """In a list with a place already found ("Tabriz and Ahar", "Red Deer,
    Innisfail and Edmonton")."""
    root = span.root
    others = []
    t = root
    while t.dep_ == "conj" and t.head.i != t.i and len(others) < 8:
        others.append(t.head)  # up the list: "Springvale, Sunshine and Footscray"
        t = t.head
    others += [c for c in root.children if c.dep_ == "conj"]
    if any(taken[t.i] for t in others if not (span.start <= t.i < span.end)):
        return True
    # flat patterns the parser misses: "X and Y", "X, Y"
    s, e = span.start, span.end
    lower = toks.lower
    if s >= 2 and lower[s - 1] in ("and", "or", ",") and taken[s - 2]:
        return True
    if e + 1 < toks.n and lower[e] in ("and", "or", ",") and taken[e + 1]:
        return lower[e] != "," or (e + 2 < toks.n and lower[e + 2] in ("and", ","))
    # (each with its figure: "Churu 49.1C, Sri Ganganagar 48.4C and Bikaner")
    k = _past_figure(toks, e)
    if k > e and k + 1 < toks.n and lower[k] in ("and", ",") and taken[k + 1]:
        return True
    # (each with its year: "the disasters at Mariana in 2015 and Brumadinho in 2019")
    if s >= 4 and lower[s - 1] in ("and", ",") and lower[s - 3] == "in" and taken[s - 4] \
            and _year(toks.text[s - 2]):
        return True
    return s >= 3 and lower[s - 1] in ("and", ",") and any(
        taken[p] and _past_figure(toks, p + 1) == s - 1 for p in range(max(0, s - 4), s - 1))


def _year(word: str) -> bool:
    """A year of four digits from 1000 to 2099 ("2015")."""
    return len(word) == 4 and word.isdigit() and 1000 <= int(word) <= 2099


def _past_figure(toks: _Tokens, k: int) -> int:
    """Past a reading at ``k`` (a number with its unit or its decimals,
    "39.1C", "52 %", "120 mm", "4.5"), or ``k`` where none is; a bare whole
    number is a score's ("Tyler Legacy 38, Rockwall-Heath 31"), a team's."""
    if k >= toks.n or not any(c.isdigit() for c in toks.text[k]):
        return k
    word = toks.text[k]
    unit = k + 1 < toks.n and toks.lower[k + 1] in _READING_UNITS
    if not (unit or "." in word.rstrip(".") or any(c.isalpha() for c in word)):
        return k
    return k + 2 if unit else k + 1


#: units after a reading's number ("52 %", "120 mm", "38 C")
_READING_UNITS = {"%", "c", "f", "°", "°c", "°f", "mm", "cm", "km", "ft", "degrees", "percent", "per"}


def _after_label(toks: _Tokens, i: int) -> bool:
    """Token ``i`` opens what follows a web page's label at the start of a
    line ("Read more: Paarl schools' derby ...", "Related: Salem lawmakers
    weigh ...", "Caption: ..."): a headline's first word, capitalised
    whatever it is."""
    if i >= 2 and toks.text[i - 1] in _BULLETS and toks.is_space[i - 2] and "\n" in toks.text[i - 2]:
        return _listed_under_label(toks, toks.idx[i - 1])
    if i >= 1 and toks.is_space[i - 1] and toks.text[i - 1].endswith("\n"):
        return _listed_under_label(toks, toks.idx[i])  # ("RELATED STORIES:" + newline + "Ubay farmers get ...")
    if i < 2 or toks.text[i - 1] != ":":
        return False
    k, words = i - 2, 0
    while k >= 0 and not (toks.is_space[k] and "\n" in toks.text[k]):
        if not toks.alpha[k] or toks.lower[k] not in LABEL_WORDS or words == 3:
            return False
        words += 1
        k -= 1
    return words > 0


#: marks opening the items of a list, one a line
_BULLETS = {"-", "–", "•", "*", "·"}


def _listed_under_label(toks: _Tokens, pos: int) -> bool:
    """The line starting at character ``pos`` is an item of a list under a
    web page's label line ("Read more:" + newline + "- Hobart yacht skipper
    jailed ..."), the lines between them items too: bulleted, or short
    lines ending without a full stop (headlines)."""
    text = toks.doc_text
    end = text.rfind("\n", 0, pos)
    for _ in range(8):
        if end <= 0:
            return False
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end].strip()
        if line[:1] in _BULLETS or (line and not line.endswith((".", ":")) and len(line) <= 120):
            end = start - 1
            continue
        words = line[:-1].split()
        return line.endswith(":") and 0 < len(words) <= 3 and all(w.lower() in LABEL_WORDS for w in words)
    return False


def _after_place(toks: _Tokens, e: int) -> bool:
    """A name ending before token ``e`` is followed by a noun that says it is
    a place ("Edmonton residents", "a Palestine man", "Columbia-based",
    "a Bunbury-born bowler", "Greymouth's library")."""
    n = toks.n
    if e < n and toks.text[e] == "-" and e + 1 < n and toks.lower[e + 1] in ("based", "born", "raised"):
        return True
    # (or its possessive and what only a place owns: "Greymouth's library", "Sfax's mayor")
    if e + 1 < n and toks.lower[e] in ("'s", "’s") and toks.lower[e + 1] in _PLACES_OWN \
            and not toks.title[e + 1] and not toks.space[e - 1]:
        return True
    if e < n and toks.lower[e] in AFTER_PLACE and not toks.title[e]:
        return True
    # (or a works named after it, past up to three lower-case words: "the
    # Tornio stainless steel works", "the Jogbani crossing", "the Mbera refugee camp")
    # (a name of one word that no capitalised word opens: not "Qala" of "the Islam Qala crossing")
    if e >= 2 and (toks.title[e - 2] or toks.text[e - 2][:1].isupper()):
        return False
    k = e
    while k < n and k < e + 3 and toks.text[k].islower() and toks.alpha[k] and toks.lower[k] not in _WORKS_NOUNS:
        k += 1
    if k < n and toks.lower[k] in _WORKS_NOUNS and toks.text[k].islower():
        return toks.lower[k] != "camp" or any(toks.lower[x] in _CAMP_KINDS for x in range(e, k))
    return False


#: works and crossings named after their town ("the Donges refinery")
_WORKS_NOUNS = {"refinery", "works", "steelworks", "smelter", "shipyard", "crossing", "camp"}
#: the kinds of camp named after their place ("the Mbera refugee camp"; not "the Trump camp")
_CAMP_KINDS = {"refugee", "refugees", "displacement", "idp", "transit", "migrant", "migrants"}


#: what a place owns, never a person, after its possessive ("Greymouth's library")
_PLACES_OWN = {"mayor", "council", "councillors", "outskirts", "suburbs", "streets", "harbour", "harbor",
               "port", "airport", "residents", "townsfolk", "library", "waterfront", "townships", "hinterland",
               "population", "inhabitants", "municipality", "mayoralty", "seafront"}


_QUOTES = {'"', "“", "”", "'", "‘", "’", "``", "''"}


def _street(toks: _Tokens, s: int, e: int) -> bool:
    """Tokens ``s:e`` are a street or road name: capitalised words ending in
    Street, Road ... (not a title in quotation marks: the single "Ocean Drive")."""
    if e - s < 2:
        return False
    if s > 0 and e < toks.n and toks.text[s - 1] in _QUOTES and toks.text[e] in _QUOTES:
        return False
    last = e - 1
    if toks.lower[last].rstrip(".") not in STREET_HEADS or not toks.title[last]:
        return False
    body = [k for k in range(s, last) if toks.text[k] not in ("-", ".")]
    if s > 0 and (toks.like_num[s - 1] or toks.text[s - 1][:1].isdigit()):
        return False  # a postal address ("69 Wooster St."), not a place in the text's sense
    return bool(body) and all(toks.title[k] or toks.like_num[k] or toks.text[k][:1].isdigit()
                              for k in body) and not toks.like_num[body[0]]


#: a match's score written as one word
_SCORE = re.compile(r"^\d{1,3}[-–]\d{1,3}$")


def _score(word: str) -> bool:
    """A match's score written as one word ("2–1")."""
    return bool(_SCORE.match(word))


def _goals(toks: _Tokens, k: int) -> bool:
    """Token ``k`` is a lone number of goals or points after a team's
    capitalised name ("Brighton 1")."""
    return 0 < k < toks.n and toks.text[k].isdigit() and len(toks.text[k]) <= 2 and toks.title[k - 1] \
        and toks.text[k - 1].isalpha()


def _result_goals(toks: _Tokens, k: int) -> bool:
    """Token ``k`` is one of the two numbers of a result written team by
    team ("Newcastle United 2 Brighton 1.", "Villarreal 1 Sevilla 2;"):
    the other number after the next team's name or before this one's, the
    second one closing the result."""
    if not _goals(toks, k):
        return False
    n = toks.n

    def closes(j: int) -> bool:
        return j >= n or toks.text[j] in (".", ",", ";") or "\n" in toks.text[j]

    if k + 1 < n and toks.title[k + 1]:
        for j in range(k + 2, min(n, k + 6)):
            if _goals(toks, j):
                return closes(j + 1)
            if not toks.title[j]:
                return False
    if closes(k + 1):
        j = k - 1
        while j > 0 and toks.title[j] and k - j <= 4:
            j -= 1
        return _goals(toks, j) and j < k - 1
    return False


def _fixture_word(toks: _Tokens, k: int) -> bool:
    """Token ``k`` is the "v" or "vs" between two sides' names in a
    fixture ("Killinghall v Ripley", "Leinster vs. Munster")."""
    return toks.lower[k] in ("v", "v.", "vs", "vs.") and 0 < k < toks.n - 1 \
        and toks.title[k - 1] and toks.title[k + 1]


def _in_score(toks: _Tokens, k: int) -> bool:
    """Token ``k`` is (part of) a match's score: "2–1" as one word, or "2",
    "-", "1" written together."""
    word = toks.text[k]
    if not (word[:1].isdigit() or word in ("-", "–")):
        return False
    if _score(word) or _result_goals(toks, k):
        return True
    for s in (k - 2, k - 1, k):
        if 0 <= s and s + 2 < toks.n and toks.text[s].isdigit() and len(toks.text[s]) <= 3 \
                and toks.text[s + 1] in ("-", "–") and toks.text[s + 2].isdigit() and len(toks.text[s + 2]) <= 3 \
                and not toks.space[s] and not toks.space[s + 1]:
            return True
    return False

