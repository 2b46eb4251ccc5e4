"""Figures given in the text: value, unit, what they count, and their hedge.

Reads: tokens (``like_num``, tags, dependencies), ``doc.ents`` and the time
stage's timexes.  Writes: :class:`~newsledger.model.Quantity` items.

"More than 30,000 Bolivians" → value 30000, unit "people" (counts
"Bolivians"), hedge "more than", approx "above".  Dates, clock times, years,
ordinals, list numbering and numbers that are part of a name ("Resolution
2334") are not figures.  Durations ("almost seven months of drought") are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from spacy.attrs import ORTH
from spacy.tokens import Doc, Span as SpacySpan, Token

from ..model import Quantity, Span, TimeValue, Timex
from ..resources import read_tsv
from .dating import date_item
from .doctext import doc_text

_DIGITS = re.compile(r"^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$")
_SUFFIXED = re.compile(r"^(\d+(?:\.\d+)?)(k|m|bn|mn)$", re.I)
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)s?$")
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
           "sept", "oct", "nov", "dec"}
_NAME_ENTS = {"ORG", "PRODUCT", "LAW", "WORK_OF_ART", "FAC", "EVENT", "PERSON"}
_CHANGE_UP = {"more", "higher", "increase", "rise", "up", "growth", "gain", "jump", "surge"}
_CHANGE_DOWN = {"less", "fewer", "lower", "decrease", "drop", "fall", "down", "decline", "cut", "loss"}


def _doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (:mod:`newsledger.nlp.doctext`)."""
    return doc_text(doc)


@dataclass(frozen=True)
class _Lexicon:
    numbers: dict[str, float]
    scales: dict[str, float]
    vague: dict[str, float]
    hedges: dict[str, str]  # phrase → approx
    units: dict[str, str]
    currencies: dict[str, str]
    max_hedge_words: int
    persons: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    numbers, scales, vague, hedges, units, currencies = {}, {}, {}, {}, {}, {}
    persons: set[str] = set()
    for row in read_tsv("quantity_words.tsv"):
        kind, word = row[0], row[1].lower()
        value = row[2] if len(row) > 2 else ""
        if kind == "number":
            numbers[word] = float(value)
        elif kind == "scale":
            scales[word] = float(value)
        elif kind == "vague":
            vague[word] = float(value)
        elif kind == "hedge":
            hedges[word] = value
        elif kind == "unit":
            units[word] = value
        elif kind == "currency":
            currencies[word] = value
        elif kind == "person":
            persons.add(word)
    return _Lexicon(numbers, scales, vague, hedges, units, currencies,
                    max(len(h.split()) for h in hedges), frozenset(persons))


def find_quantities(doc: Doc, timexes: list[Timex]) -> list[Quantity]:
    """All figures of ``doc``, in text order."""
    lex = lexicon()
    blocked = _blocked_chars(doc, timexes)
    out: list[Quantity] = []
    used: set[int] = set()
    starts = _number_starts(doc, lex)
    if not starts:
        return out
    k = 0  # the next possible start of a number, in ``starts``
    for sent in doc.sents:
        i = sent.start
        while k < len(starts) and starts[k] < i:
            k += 1
        while k < len(starts) and starts[k] < sent.end:
            i = starts[k]
            found = _match_number(doc, i, sent, lex)
            if found is None:
                k += 1
                continue
            start, end, value, vague = found
            if not (any(j in used for j in range(start, end)) or not _is_figure(doc, start, end, sent, blocked)):
                quantity = _build(doc, sent, start, end, value, vague, lex, timexes)
                if quantity is not None:
                    out.append(quantity)
                    used.update(range(start, end))
            while k < len(starts) and starts[k] < end:
                k += 1
    return out


def _number_starts(doc: Doc, lex: _Lexicon) -> list[int]:
    """The tokens at which a number may start (the only ones :func:`_match_number`
    can match), found by the tokens' texts, each text judged once."""
    memo = _STARTS.get(id(lex))
    if memo is None or memo[0] is not lex:
        memo = _STARTS[id(lex)] = (lex, {})
    known = memo[1]
    strings = doc.vocab.strings
    out = []
    for i, orth in enumerate(doc.to_array(ORTH).tolist()):
        may = known.get(orth)
        if may is None:
            if len(known) >= _STARTS_LIMIT:
                known.clear()
            may = known[orth] = _may_start_number(strings[orth], lex)
        if may:
            out.append(i)
    return out


_STARTS: dict[int, tuple[_Lexicon, dict[int, bool]]] = {}
#: the most words judged before the memory is emptied (a corpus's vocabulary keeps growing)
_STARTS_LIMIT = 200_000


def _may_start_number(text: str, lex: _Lexicon) -> bool:
    """Whether a token with this text may open a number (see :func:`_match_number`)."""
    low = text.lower()
    return low in _vague_by_first(lex) or low in lex.numbers or low in ("a", "an") \
        or _text_value(low, lex) is not None


# ---------------------------------------------------------------------------
# finding the number itself


def _token_value(tok: Token, lex: _Lexicon) -> Optional[float]:
    return _text_value(tok.text.lower(), lex)


def _text_value(text: str, lex: _Lexicon) -> Optional[float]:
    """The value of one token's lower-cased text ("2,450", "2.5bn", "ten", "forty-three")."""
    if _DIGITS.match(text):
        return float(text.replace(",", ""))
    m = _SUFFIXED.match(text)
    if m:
        return float(m.group(1)) * lex.scales[m.group(2).lower()]
    if text in lex.numbers and text not in ("a", "an"):
        return lex.numbers[text]
    if "-" in text:  # forty-three
        parts = text.split("-")
        if all(p in lex.numbers for p in parts) and len(parts) == 2:
            return lex.numbers[parts[0]] + lex.numbers[parts[1]]
    return None


_VAGUE: dict[int, tuple[_Lexicon, dict]] = {}


def _vague_by_first(lex: _Lexicon) -> dict[str, list[tuple[list[str], float]]]:
    """The vague phrases by their first word, longest first (built once per lexicon)."""
    cached = _VAGUE.get(id(lex))
    if cached is not None and cached[0] is lex:
        return cached[1]
    out: dict[str, list[tuple[list[str], float]]] = {}
    for phrase, value in sorted(lex.vague.items(), key=lambda kv: -len(kv[0].split())):
        words = phrase.split()
        out.setdefault(words[0], []).append((words, value))
    _VAGUE[id(lex)] = (lex, out)
    return out


def _match_number(doc: Doc, i: int, sent: SpacySpan, lex: _Lexicon):
    """A number starting at token ``i``: (start, end, value, vague) or None."""
    tok = doc[i]
    low = tok.text.lower()
    # vague plurals: "hundreds of thousands of", "dozens of"
    for words, value in _vague_by_first(lex).get(low, ()):
        if i + len(words) <= sent.end and [t.text.lower() for t in doc[i:i + len(words)]] == words:
            j = i + len(words)
            if j < sent.end and doc[j].lower_ == "of":
                return i, j, value, True
    # "twenty-five" split by the tokenizer into twenty - five
    if i + 2 < sent.end and low in lex.numbers and doc[i + 1].text == "-" and doc[i + 2].lower_ in lex.numbers \
            and lex.numbers[low] >= 20 and lex.numbers[doc[i + 2].lower_] < 10:
        return i, i + 3, lex.numbers[low] + lex.numbers[doc[i + 2].lower_], False
    value = None
    j = i
    if low in ("a", "an") and i + 1 < sent.end and doc[i + 1].lower_ in lex.scales:
        value, j = 1.0, i + 1
    else:
        value = _token_value(tok, lex)
        if value is None:
            return None
        j = i + 1
    # scales and compound number words: "2.5 billion", "a hundred thousand", "twenty five"
    while j < sent.end:
        nxt = doc[j].lower_
        glued = doc[j].idx == doc[j - 1].idx + len(doc[j - 1].text)
        if nxt in lex.scales and (glued or nxt not in ("m", "k", "bn", "mn")) and not doc[j].text.isupper():
            value *= lex.scales[nxt]
            j += 1
        elif nxt == "and" and j + 1 < sent.end and _token_value(doc[j + 1], lex) is not None and value >= 100 \
                and doc[j + 1].lower_ in lex.numbers:
            value += _token_value(doc[j + 1], lex)  # two hundred and fifty
            j += 2
        elif doc[j].lower_ in lex.numbers and doc[j - 1].lower_ in lex.numbers \
                and lex.numbers[doc[j - 1].lower_] >= 20 and lex.numbers[nxt] < 10 and nxt not in ("a", "an", "half"):
            value += lex.numbers[nxt]
            j += 1
        else:
            break
    return i, j, value, False


def _blocked_chars(doc: Doc, timexes: list[Timex]) -> list[tuple[int, int]]:
    """Character ranges that hold dates and times (not durations)."""
    ranges = [(t.start, t.end) for t in timexes if t.type in ("DATE", "TIME", "SET")]
    if not timexes:  # no time stage: fall back on the model's DATE/TIME entities
        for ent in doc.ents:
            if ent.label_ == "TIME" or (ent.label_ == "DATE" and not _looks_like_duration(ent)):
                ranges.append((ent.start_char, ent.end_char))
    return ranges


def _looks_like_duration(ent: SpacySpan) -> bool:
    words = {t.lower_ for t in ent}
    lex = lexicon()
    return bool(words & {u for u in lex.units if u in {"day", "week", "month", "year", "hour", "decade"}} |
                {"days", "weeks", "months", "years", "hours", "decades"}) and not words & {"ago", "later", "earlier", "last", "next", "this"}


def _is_figure(doc: Doc, start: int, end: int, sent: SpacySpan, blocked) -> bool:
    first, last = doc[start], doc[end - 1]
    s_char, e_char = first.idx, last.idx + len(last.text)
    if any(a < e_char and s_char < b for a, b in blocked):
        return False
    text = first.text
    if end - start == 1 and _YEAR.match(text) and "," not in text:
        nxt = doc[end] if end < sent.end else None
        if nxt is None or nxt.pos_ not in ("NOUN",) or first.ent_type_ == "DATE":
            return False
    if ":" in text:  # a clock time
        return False
    # list numbering: "1." or "2)" at the start of a line or sentence
    if start == sent.start and end < len(doc) and doc[end].text in (".", ")"):
        return False
    # part of a name: "Resolution 2334", "Apollo 11", "Article 5"
    if first.ent_type_ in _NAME_ENTS and first.ent_iob_ != "B":
        return False
    if start > sent.start and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN" and first.text.isdigit():
        return False
    if first.ent_type_ == "ORDINAL" or first.lower_ in ("first", "second", "third"):
        return False
    nxt = doc[end] if end < len(doc) else None
    # a day of a month: "1 January", "19 September"
    if nxt is not None and nxt.lower_.rstrip(".") in _MONTHS:
        return False
    # ages used as names: "the 38-year-old said"
    if end + 2 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in ("year", "month") \
            and doc[end + 2].text in ("-old", "old", "-") :
        return False
    if first.text.endswith("-year-old"):
        return False
    return True


# ---------------------------------------------------------------------------
# around the number: hedge, unit, what is counted


def _hedge(doc: Doc, start: int, sent: SpacySpan, lex: _Lexicon) -> tuple[int, Optional[str], Optional[str]]:
    first = max(sent.start, start - lex.max_hedge_words)
    before = [doc[k].lower_ for k in range(first, start)]
    for n in range(lex.max_hedge_words, 0, -1):
        if start - n < sent.start:
            continue
        words = " ".join(before[len(before) - n:])
        if words in lex.hedges:
            return start - n, words, lex.hedges[words]
    return start, None, None


def _head_noun(doc: Doc, start: int, end: int, sent: SpacySpan) -> Optional[Token]:
    """The noun the number counts."""
    last = doc[end - 1]
    j = end
    # "five-day", "three-year": number, hyphen, unit
    if j + 1 < sent.end and doc[j].text == "-" and doc[j + 1].pos_ in ("NOUN", "PROPN"):
        return doc[j + 1]
    if last.dep_ in ("nummod", "quantmod", "compound") and last.head.pos_ in ("NOUN", "PROPN") and last.head.i >= end:
        return last.head
    # skip adjectives: "8,000 displaced farmers"
    while j < sent.end and doc[j].pos_ in ("ADJ", "NUM") and doc[j].lower_ not in ("more", "less", "fewer"):
        j += 1
    if j < sent.end and doc[j].lower_ == "of" and j + 1 < sent.end:  # "dozens of people"
        j += 1
        while j < sent.end and doc[j].pos_ in ("DET", "ADJ"):
            j += 1
    if j < sent.end and doc[j].pos_ in ("NOUN", "PROPN"):
        while j + 1 < sent.end and doc[j + 1].pos_ in ("NOUN", "PROPN") and doc[j + 1].dep_ in ("compound", "nmod") \
                or (j + 1 < sent.end and doc[j].dep_ == "compound" and doc[j].head.i > j):
            j += 1
        return doc[j]
    return None


def _build(doc: Doc, sent: SpacySpan, start: int, end: int, value: float, vague: bool,
           lex: _Lexicon, timexes: list[Timex]) -> Optional[Quantity]:
    span_start, hedge, approx = _hedge(doc, start, sent, lex)
    if vague:
        hedge, approx = hedge or doc[start:end].text.lower(), approx or "above"
    unit: Optional[str] = None
    counts: Optional[str] = None
    span_end = end
    # currency before the number: "$2.5 billion"
    if span_start > sent.start and doc[span_start - 1].lower_ in lex.currencies:
        unit = lex.currencies[doc[span_start - 1].lower_]
        span_start -= 1
    head = _head_noun(doc, start, end, sent)
    after = doc[end].lower_ if end < sent.end else ""
    two = " ".join(t.lower_ for t in doc[end:end + 2])
    if two in lex.units:
        unit, span_end = lex.units[two], end + 2
    elif after in lex.units:
        unit, span_end = lex.units[after], end + 1
    elif unit is None and after in lex.currencies:
        unit, span_end = lex.currencies[after], end + 1
    elif unit is None and head is not None:
        lemma = head.lemma_.lower()
        if lemma in lex.units:
            unit = lex.units[lemma]
        elif lemma in lex.currencies:
            unit = lex.currencies[lemma]
        elif _counts_persons(head, lex):
            unit = "people"  # "30,000 Bolivians", "50 civilians": what is counted stays in ``counts``
        else:
            unit = head.text if head.pos_ == "PROPN" else head.text.lower()
    if head is not None and head.i >= end:
        span_end = max(span_end, head.i + 1)
        counts = _counts_phrase(doc, head, end)
    elif unit == "percent" and span_end < sent.end and doc[span_end].lower_ == "of":
        obj = [t for t in doc[span_end].children if t.dep_ == "pobj"]
        if obj:
            counts = doc[obj[0].left_edge.i:obj[0].right_edge.i + 1].text
            span_end = obj[0].right_edge.i + 1
    unit_word = head is not None and (head.lemma_.lower() in lex.units or head.lower_ in lex.units)
    if (not counts or unit_word) and span_end < sent.end and (unit in ("percent", "percentage point")
                                                              or unit in _TIME_UNITS):
        of, of_end = _after_unit(doc, span_end, sent, unit)
        if of:
            counts, span_end = of, of_end
    if unit is None and not counts:
        return None  # a bare number: nothing says what it counts
    if value == 1 and end - start == 1 and doc[start].lower_ in ("one", "a", "an") \
            and unit not in ("percent", "USD", "EUR", "GBP"):
        return None  # "one argument": an article, not a figure
    change = None
    nxt = doc[span_end].lower_ if span_end < sent.end else ""
    window = {after, nxt} | {t.lower_ for t in doc[end:min(sent.end, span_end + 1)]}
    if unit in ("percent", "percentage point") or after in ("more", "less", "fewer", "higher", "lower"):
        if window & _CHANGE_UP or any(t.head.lemma_ in _CHANGE_UP for t in doc[start:end]):
            change = "increase"
        elif window & _CHANGE_DOWN or any(t.head.lemma_ in _CHANGE_DOWN for t in doc[start:end]):
            change = "decrease"
    s_char, e_char = doc[span_start].idx, doc[span_end - 1].idx + len(doc[span_end - 1].text)
    return Quantity(value=_clean(value), evidence=Span.of(_doc_text(doc), s_char, e_char), unit=unit,
                    counts=counts, hedge=hedge, approx=approx, change=change,
                    time=_date(doc, sent, start, timexes),
                    sentence=Span.of(_doc_text(doc), sent.start_char, sent.end_char))


def _counts_phrase(doc: Doc, head: Token, number_end: int) -> str:
    """The counted noun with its modifiers: 'Ruritanian border troops'."""
    left = min([head.i] + [c.left_edge.i for c in head.lefts if c.dep_ in ("amod", "compound", "nmod")])
    words = [t for t in doc[max(left, number_end):head.i + 1]
             if not t.like_num and t.text != "-" and t.dep_ != "nummod"]
    return " ".join(t.text for t in words) or head.text


_TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
_MORE = {"more", "less", "fewer", "higher", "lower", "increase", "decrease", "rise", "drop", "fall"}


def _counts_persons(head: Token, lex: _Lexicon) -> bool:
    """Does the counted noun name persons by kind or group ("civilians", "Bolivians")?"""
    if head.lemma_.lower() in lex.persons or head.lower_ in lex.persons:
        return True
    return head.ent_type_ == "NORP" and head.tag_ in ("NNPS", "NNS") or (
        head.ent_type_ == "NORP" and head.text.endswith("s") and head.text[:1].isupper())


def _after_unit(doc: Doc, i: int, sent: SpacySpan, unit: Optional[str]) -> tuple[Optional[str], int]:
    """What a percentage or a duration is of: "30 percent more steel pipes"
    → "steel pipes"; "seven months of drought" → "drought"."""
    j = i
    if unit in ("percent", "percentage point"):
        if j < sent.end and doc[j].lower_ in _MORE:
            j += 1
        elif not (j < sent.end and doc[j].lower_ == "of"):
            return None, i
    if j < sent.end and doc[j].lower_ == "of":
        j += 1
    k = j
    while k < sent.end and doc[k].pos_ in ("ADJ", "NOUN", "PROPN", "DET") and not doc[k].like_num:
        if doc[k].pos_ == "DET" and k > j:
            break
        k += 1
    while k > j and doc[k - 1].pos_ not in ("NOUN", "PROPN"):
        k -= 1
    if k == j or (j == i and unit in _TIME_UNITS):
        return None, i
    words = [t for t in doc[j:k] if t.pos_ != "DET"]
    if not words:
        return None, i
    return " ".join(t.text for t in words), k


def _date(doc: Doc, sent: SpacySpan, start: int, timexes: list[Timex]) -> Optional[TimeValue]:
    """The figure's date, dated like events and claims (:func:`date_item`)."""
    tok = doc[start]
    head = tok
    for _ in range(8):  # up to the verb of the figure's clause
        if head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT" or head.head is head:
            break
        head = head.head
    lo = min(t.left_edge.idx for t in (head,))
    hi = head.right_edge.idx + len(head.right_edge.text)
    dct = doc._.published if Doc.has_extension("published") else None
    return date_item(timexes, anchor=tok.idx, clause=(lo, hi), sentence=(sent.start_char, sent.end_char), dct=dct,
                     doc=doc)


def _clean(value: float) -> float:
    return int(value) if float(value).is_integer() else value
