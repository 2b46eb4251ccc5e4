"""Deciding, with the token tags of the Doc, whether a candidate is a time.

"May" the modal verb, "March" the noun or verb, "fall" the verb, a year
that is really a count ("1850 troops"), a price ("$2020"), an age
("five-year-old") or "a second" the ordinal are all turned away here.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Optional

from spacy.tokens import Doc, Token

from ..doctext import doc_text
from .patterns import Cand

#: words after which a bare month, year or season reads as a time
TEMPORAL_PREPS = {
    "in", "since", "until", "till", "by", "from", "through", "to", "during", "before", "after",
    "between", "of", "last", "this", "next", "early", "late", "mid", "and", "or", "throughout",
    "around", "about", "on", "for", "that", "-", "–", "—", "(", "starting", "beginning", "ending",
    "ended", "until", "into", "over", "as", "at", "within", "past", "coming", "earlier", "later",
    "spring", "summer", "fall", "winter", "autumn", "'s", "the", "each", "every", "circa", ","
}

_BAD_ENTS = {"PERSON", "ORG", "WORK_OF_ART", "LAW", "PRODUCT", "FAC", "NORP", "GPE", "LOC", "EVENT"}
_MONTH_ABBR_NO_DOT = re.compile(r"^(jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)$", re.I)


class Context:
    """Token lookup by character offset for one Doc."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = doc_text(doc)
        # token starts, for a binary search (no per-character table, no
        # Python loop over the tokens: the arrays come from the Doc in C)
        self.starts = doc.to_array("IDX").tolist() if len(doc) else []

    def token(self, char: int) -> Optional[Token]:
        if char < 0 or not self.starts:
            return None
        i = bisect_right(self.starts, char) - 1
        if i < 0:
            return None
        t = self.doc[i]
        return t if char < t.idx + len(t.text) else None

    def first(self, c: Cand) -> Optional[Token]:
        for i in range(c.start, c.end):
            t = self.token(i)
            if t is not None:
                return t
        return None

    def last(self, c: Cand) -> Optional[Token]:
        for i in range(c.end - 1, c.start - 1, -1):
            t = self.token(i)
            if t is not None:
                return t
        return None

    def tokens(self, c: Cand) -> list[Token]:
        a, b = self.first(c), self.last(c)
        if a is None or b is None:
            return []
        return list(self.doc[a.i:b.i + 1])

    def prev(self, c: Cand) -> Optional[Token]:
        t = self.first(c)
        if t is None or t.i == 0:
            return None
        return self.doc[t.i - 1]

    def next(self, c: Cand) -> Optional[Token]:
        t = self.last(c)
        if t is None or t.i + 1 >= len(self.doc):
            return None
        return self.doc[t.i + 1]

    def after(self, c: Cand, n: int = 30) -> str:
        return self.text[c.end:c.end + n]

    def before(self, c: Cand, n: int = 30) -> str:
        return self.text[max(0, c.start - n):c.start]


def _prev_word(ctx: Context, c: Cand) -> str:
    p = ctx.prev(c)
    return p.lower_ if p is not None else ""


def _ent_bad(tok: Optional[Token]) -> bool:
    return tok is not None and tok.ent_type_ in _BAD_ENTS


def _in_date_ent(toks: list[Token]) -> bool:
    return any(t.ent_type_ in ("DATE", "TIME") for t in toks)


def accept(ctx: Context, c: Cand, dct_year: Optional[int]) -> bool:
    """Whether candidate ``c`` is a time expression in this Doc."""
    toks = ctx.tokens(c)
    if not toks:
        return False
    # must start and end on token boundaries (no "Mayor", no "1990s" split)
    if toks[0].idx != c.start and not ctx.text[c.start - 1:c.start] in "-–—/(":
        if not (toks[0].idx < c.start and ctx.text[toks[0].idx:c.start].endswith(("-", "–"))):
            return False
    text = ctx.text[c.start:c.end]
    low = text.lower()
    kind, g = c.kind, c.g
    # inside a title or a name ("60 Minutes", "This Week", "High Noon")
    if all(t.ent_type_ in ("WORK_OF_ART", "ORG", "PRODUCT", "EVENT", "FAC", "LAW") for t in toks):
        if kind not in ("year", "mdy", "dmy", "my", "iso", "numdate"):
            return False
    after = ctx.after(c)
    prev = _prev_word(ctx, c)

    if kind == "month":
        m = g["month"]
        if m[0].islower() or _MONTH_ABBR_NO_DOT.match(m):
            return False
        mtok = ctx.token(c.start + low.rfind(m.lower()))
        if mtok is None:
            return False
        if mtok.tag_ == "MD" or mtok.pos_ in ("VERB", "AUX"):
            return False
        if _ent_bad(mtok) and mtok.ent_type_ not in ("DATE",):
            return False
        if "rel" in g or mtok.ent_type_ == "DATE":
            return True
        nxt = ctx.next(c)
        if nxt is not None and nxt.text in ("'s", "’s"):
            return True
        if m.lower() in ("may", "march") and prev not in TEMPORAL_PREPS - {"'s", "the", ","}:
            return False
        return prev in TEMPORAL_PREPS
    if kind in ("mdy", "dmy", "my"):
        m = g["month"]
        if m[0].islower():
            return False
        if kind == "my" and g["year"].startswith("'") is False and _MONTH_ABBR_NO_DOT.match(m):
            return False
        mtok = ctx.token(c.start + low.find(m.lower()))
        if mtok is not None and mtok.tag_ == "MD":
            return False
        if kind == "dmy" and prev in ("$", "no.", "#"):
            return False
        if kind == "dmy" and re.match(r"^\s*(?:%|percent)", ctx.after(c)):
            return False
        return True
    if kind == "year":
        if "fiscal" in g:
            return True
        y = g["year"]
        if y.startswith("'"):
            return prev in ("in", "since", "of", "from", "until", "by", "the", "'s", "class", "spring",
                            "summer", "fall", "winter")
        if not y.isdigit():
            return True  # "nineteen ninety-six"
        year = int(y)
        hi = (dct_year or 2030) + 30
        if year < 1000 or year > hi:
            return False
        tok = toks[-1]
        nxt = ctx.next(c)
        if prev in ("$", "#", "no.", "no", "number", "nos.", "route", "flight", "model", "boeing", "airbus",
                    "room", "suite", "box", "p.o.", "page", "pages", "section", "article", "resolution",
                    "rule", "code", "call", "dial", "about", "some", "nearly", "almost",
                    "than", "over", "under", "approximately", "roughly", "only", "just", "least"):
            if not (tok.ent_type_ == "DATE" and prev in ("about", "than", "over", "under")):
                return False
        if re.search(r"(?:mid|pre|post|late|early)-$", ctx.text[max(0, c.start - 6):c.start], re.I):
            return True
        if ctx.text[max(0, c.start - 1):c.start] in ("$", "#", "£", "€", "-", "/", "."):
            if ctx.text[max(0, c.start - 1):c.start] in ("-", "–") and ctx.text[max(0, c.start - 5):c.start - 1].isdigit():
                return True  # 2019-2020
            return False
        if nxt is not None and (nxt.lower_ in ("%", "percent", "pct", "points", "point")
                                or nxt.text in ("-", "–") and re.match(r"^\s*[-–]\s*\d{1,3}\b(?!\d)", after)
                                and not re.match(r"^\s*[-–]\s*\d\d\b", after)):
            return False
        if tok.ent_type_ == "DATE":
            return True
        if tok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "PRODUCT", "ORG", "FAC", "LAW"):
            return False
        if nxt is not None and nxt.tag_ == "NNS" and nxt.lower_ not in ("elections", "olympics", "games", "talks", "accords"):
            return False
        if year < 1800 and prev not in ("in", "since", "of", "from", "until", "by", "the", "year", "circa"):
            return False
        if prev in TEMPORAL_PREPS or prev in ("year", "'s", "’s"):
            return True
        if nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "ADJ"):
            return True
        return 1900 <= year <= (dct_year or 2030) + 5
    if kind == "yearspoken":
        return bool(re.search(r"nineteen\s+\w+|two\s+thousand", low))
    if kind == "decade":
        d = g["dec"]
        if len(d) == 2 and not low.startswith("the"):
            return False
        if prev in ("his", "her", "their", "its", "my", "your", "our", "mid", "low", "high", "upper", "lower"):
            return False
        return True
    if kind == "decade_w":
        return low.startswith("the") and prev not in ("his", "her", "their")
    if kind in ("season", "season_y"):
        s = g["season"].lower()
        stok = ctx.token(c.start + low.rfind(s))
        if stok is None or stok.pos_ not in ("NOUN", "PROPN", "ADJ") and "year" not in g:
            return False
        if re.match(r"^\s+of\s+(?![\d'])", after) and "year" not in g:
            return False
        if re.match(r"^\s+(?:in|of)\s", after) and s in ("fall", "spring") and "rel" not in g:
            return False
        rel = g.get("rel", "").lower()
        if "year" in g or "pm" in g or rel in ("this", "last", "next", "past", "coming", "previous", "that",
                                              "this past", "this coming", "following", "same"):
            return True
        return prev in ("in", "during", "since", "until", "by", "through", "over", "before", "after",
                        "this", "last", "next", "that", "and", "or", "throughout", "early", "late",
                        "the", "of") and (rel == "the" or s not in ("fall", "spring"))
    if kind in ("quarter", "quarter_q", "quarter_the"):
        if kind == "quarter" and g.get("ord", "").lower() in ("last", "final") and not g.get("the") and "rel" not in g:
            return prev in ("the", "in", "for", "during")
        return True
    if kind == "half":
        if "year" in g:
            return True
        return low.startswith("the") and not re.match(r"^\s+of\b", after) and prev in ("in", "for", "during", "of", "over", "through", "since", "by")
    if kind in ("deictic",):
        return True
    if kind in ("pod_rel", "pod_rel2"):
        rel = g.get("rel", "").lower()
        if rel == "the":
            return prev in ("in", "during", "overnight", "through", "throughout", "by", "until") and not re.match(r"^\s+of\b", after)
        if rel in ("this", "that", "last", "yesterday", "tomorrow", "today"):
            return True
        return g.get("rel", "x")[0].isupper() or g.get("pod", "x") in ("tonight",)
    if kind == "rel_unit":
        if re.match(r"^\s+of\b", after):
            return False
        unit, rel = g["unit"].lower(), re.sub(r"\s+", " ", g["rel"].lower())
        if unit in ("day", "night") and rel not in ("that", "the same", "the following", "the next", "the previous",
                                                    "last", "the day"):
            return False
        if unit == "night" and rel != "last" and rel != "that":
            return False
        if rel in ("same", "current", "following", "previous") and unit in ("day", "night", "week", "weekend"):
            return False
        if rel == "that" and ctx.next(c) is not None and ctx.next(c).pos_ in ("VERB", "AUX") and ctx.next(c).tag_ in ("VBZ", "VBP", "VBD", "MD"):
            return True
        return True
    if kind in ("rel_wd", "weekday", "wd_plural"):
        wd = g["wd"]
        if not wd[0].isupper():
            return False
        wtok = ctx.token(c.start + low.find(wd.lower()))
        if wtok is not None and wtok.ent_type_ in ("PERSON", "ORG", "WORK_OF_ART", "FAC", "PRODUCT"):
            return False
        if kind == "wd_plural":
            return True
        return True
    if kind == "ago":
        return True
    if kind == "narr":
        if re.match(r"^\s+of\b", after):
            return False
        return True
    if kind == "daybefore":
        return True
    if kind == "yearago":
        w = g["w"].lower()
        return w not in ("year-to-date", "year end")
    if kind in ("duration",):
        unit = g["unit"].lower()
        q = g.get("q", "").lower()
        utok = ctx.token(c.start + low.rfind(unit))
        if utok is not None and utok.pos_ not in ("NOUN", "PROPN", "NUM") and unit.startswith(("second", "minute", "quarter")):
            return False
        if unit in ("second", "quarter") and q in ("a", "an", "one", "the"):
            if re.match(r"^\s*(?:of|-|–)", after) or (utok is not None and utok.tag_ == "JJ"):
                return False
            if unit == "second":
                return False
        if unit.startswith("quarter") and re.match(r"^\s+of\b", after):
            return False
        if unit in ("night", "nights") and q in ("a", "an"):
            return False
        if unit in ("minute",) and q in ("a", "an", "one") and re.match(r"^\s+(?:ago|later)", after) is None and prev in ("wait",):
            return False
        if re.match(r"^-(?:old|olds)\b", after) or re.match(r"^\s*-?\s*old\b", after):
            return False
        if q.replace(",", "").isdigit() and int(q.replace(",", "")) > 1000:
            return False
        if unit in ("day", "days") and re.match(r"^\s+(?:of\s+(?:the\s+)?(?:week|month))", after):
            return False
        return True
    if kind == "dur_adj":
        if re.match(r"^-?(?:old|olds)\b", after) or low.endswith("-old"):
            return False
        return True
    if kind in ("dur_long", "dur_plural", "dur_bare"):
        if re.match(r"^\s+of\b", after) and kind != "dur_long":
            return False
        if kind == "dur_bare" and prev in ("in",):
            # "in years" only as "for the first time in years"-like use
            return bool(re.search(r"(first|last|best|worst|highest|lowest|longest|time)\s+in\s+$", ctx.before(c, 40), re.I))
        return True
    if kind == "time":
        if "hh" in g and "ampm" not in g:
            sep = text[text.find(g["hh"]) + len(g["hh"]):][:1]
            if sep == ".":
                return False
            return prev in ("at", "around", "about", "by", "until", "till", "since", "from", "before", "after", "to",
                            "approximately", "roughly") or bool(re.match(r"^\s*(?:[ECMP][SD]T|GMT|UTC|local)", after))
        if "noon" in g:
            return True
        return True
    if kind == "set_every":
        return True
    if kind == "set_freq":
        w = g["w"].lower()
        if w == "annual":
            return False
        tok = toks[0]
        if w in ("daily", "weekly", "monthly", "quarterly", "yearly") and tok.pos_ == "NOUN" and tok.dep_ not in ("npadvmod", "advmod"):
            return False
        if w != "daily" and tok.dep_ == "amod":
            return False  # "its quarterly dividend": an attribute, not a time
        return True
    if kind == "set_rate":
        if "times" in g:
            return True
        a_tok = ctx.first(c)
        if a_tok is None or a_tok.i == 0:
            return False
        p = ctx.doc[a_tok.i - 1]
        return p.tag_ == "CD" or p.lower_ in ("%", "percent", "million", "billion", "dollars", "cents", "each",
                                               "apiece", "tons", "barrels") or p.ent_type_ in ("MONEY", "PERCENT", "QUANTITY")
    if kind == "ref":
        w = re.sub(r"\s+", " ", g["w"].lower())
        tok = toks[0]
        if w == "soon" and re.search(r"\bas\s+$", ctx.before(c, 4), re.I) and not re.match(r"^\s+as\s+possible", after):
            return False
        if w == "soon" and re.match(r"^\s+(?:after|before|afterwards|thereafter)\b", after):
            return False
        if w == "current":
            return tok.tag_ == "JJ" and not re.match(r"^\s+(?:account|affairs|events|price|prices|dollars|level|levels|law|system|rate|rates)\b", after, re.I)
        if w == "recent":
            return tok.tag_ == "JJ"
        if w == "future":
            return tok.tag_ in ("JJ", "NN") and not re.match(r"^\s+(?:contract|contracts|tense)\b", after)
        if w == "now":
            return tok.pos_ in ("ADV", "SCONJ", "ADP", "NOUN") or tok.tag_ in ("RB", "IN", "NN")
        if w == "present":
            return True
        return True
    if kind == "holiday":
        return text[0].isupper()
    if kind == "the_unit":
        return True
    return True
