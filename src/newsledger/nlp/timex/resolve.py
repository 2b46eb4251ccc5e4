"""Normalising candidates to TIMEX3 values, in document order.

The :class:`Resolver` walks the accepted candidates from the start of the
text and keeps a little discourse state: the last explicit year mentioned,
the last resolved date (the anchor of "two days later", "the following
month", "a year earlier"), the last quarter (for the "year-ago quarter" of
financial news).  Expressions relative to the publication date ("yesterday",
"last week", "three years ago") use the DCT; bare weekdays and months take
the tense of their verb to choose the past or the coming one, as TimeML
annotators do for news.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from typing import Optional

from spacy.tokens import Token

from . import lexicon as lx
from .calendar import (Point, SEASON_MONTH, coarsen, duration_value, nth_weekday,
                       parse_dct, safe_date, shift, weekday_near)
from .guards import Context
from .patterns import Cand

#: how many sentences back an explicit year still gives its year to "October 8"
DISCOURSE_SENTENCES = 1

#: a date this many days after the DCT keeps the DCT's year even with a past verb
NEAR_FUTURE_DAYS = 60

#: an infinitive under a past verb ("was due to expire Friday") counts as past
INFINITIVE_FOLLOWS_HEAD = True

_UNIT_CANON = {
    "seconds": "second", "minutes": "minute", "hours": "hour", "days": "day", "nights": "night",
    "weeks": "week", "weekends": "weekend", "fortnights": "fortnight", "months": "month",
    "quarters": "quarter", "years": "year", "decades": "decade", "centuries": "century",
    "millennia": "millennium",
}

_MODS = {"early": "START", "earlier": "START", "late": "END", "later": "END", "mid": "MID",
         "middle": "MID", "mid-": "MID"}


def unit_of(word: str) -> str:
    w = word.lower()
    return _UNIT_CANON.get(w, w)


def point_mod(word: Optional[str]) -> Optional[str]:
    """TIMEX3 mod of "early", "the end of", "mid-" ..."""
    if not word:
        return None
    w = re.sub(r"\s+", " ", word.lower()).strip()
    if w in _MODS:
        return _MODS[w]
    if "beginning" in w or "start" in w or "dawn" in w or "turn" in w or "early part" in w or "first half" in w:
        return "START"
    if "end" in w or "close" in w or "latter" in w or "last half" in w or "second half" in w or "later part" in w:
        return "END"
    if "middle" in w or "height" in w:
        return "MID"
    return None


def parse_number(s: str) -> Optional[float]:
    """'three' -> 3, 'twenty-five' -> 25, '2,340' -> 2340, 'a' -> 1; vague -> None."""
    w = re.sub(r"\s+", " ", s.lower().strip())
    half = 0.0
    if w.endswith(" and a half"):
        w, half = w[: -len(" and a half")], 0.5
    if w in ("a", "an"):
        return 1 + half
    if w in lx.VAGUE_NUMBERS:
        return None
    if re.fullmatch(r"[\d,]+(\.\d+)?", w):
        return float(w.replace(",", "")) + half
    if w in lx.NUMBER_WORDS:
        return lx.NUMBER_WORDS[w] + half
    if w in ("a hundred", "one hundred"):
        return 100 + half
    parts = re.split(r"[\s-]+", w)
    if len(parts) == 2 and parts[0] in lx.TENS and parts[1] in lx.NUMBER_WORDS:
        return lx.TENS[parts[0]] + lx.NUMBER_WORDS[parts[1]] + half
    return None


def parse_year(s: str) -> Optional[int]:
    """'1998' -> 1998, "'98" -> 1998, 'nineteen ninety-six' -> 1996."""
    w = re.sub(r"\s+", " ", s.lower().strip())
    if w.isdigit():
        return int(w)
    if w.startswith("'") and w[1:].isdigit():
        n = int(w[1:])
        return 1900 + n if n > 30 else 2000 + n
    if w.startswith("nineteen "):
        n = _num_word(w[len("nineteen "):])
        return 1900 + n if n is not None else None
    return None


def _num_word(s: str) -> Optional[int]:
    v = parse_number(s)
    return int(v) if v is not None and v == int(v) else None


# ----------------------------------------------------------------------
# tense of the clause a timex sits in

_FUTURE_AUX = {"will", "'ll", "shall", "wo", "’ll"}
_MODAL = {"may", "might", "should", "must", "can", "ca"}


#: "since" right before a date without a year: the date has passed
_SINCE = re.compile(r"\bsince\s+(?:(?:early|late|mid|the\s+(?:start|end|beginning|middle)\s+of)[\s-]+)?$", re.I)


def tense(tok: Optional[Token], _depth: int = 0) -> Optional[str]:
    """past | future | present | None for the verb governing ``tok``."""
    if tok is None:
        return None
    verb = tok
    for _ in range(8):
        if verb.pos_ in ("VERB", "AUX") and verb.tag_.startswith(("VB", "MD")):
            break
        if verb.head is verb:
            break
        verb = verb.head
    else:
        return None
    if not (verb.pos_ in ("VERB", "AUX")):
        # a verbless headline or a noun phrase: look at the sentence root
        root = verb
        for _ in range(60):  # up the heads to the root of the sentence
            if root.head is root or root.head.i == root.i:
                break
            root = root.head
        if root.pos_ not in ("VERB", "AUX"):
            return None
        verb = root
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & _FUTURE_AUX:
        return "future"
    if any(a.lower_ == "going" for a in auxes) or (verb.lower_ == "going" and any(c.lower_ == "to" for c in verb.children)):
        return "future"
    if words & _MODAL:
        if any(a.lower_ == "have" for a in auxes):
            return "past"
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and words & {"has", "have", "'s", "'ve"}:
        return "past"
    if verb.tag_ == "VB" and any(a.lower_ == "to" for a in auxes):
        # "had been due to expire Friday": the verb the infinitive hangs on decides
        head = verb.head
        if head is not verb and _depth < 3:
            t = tense(head, _depth + 1)
            if t == "past" and INFINITIVE_FOLLOWS_HEAD:
                return "past"
        return "future"
    if verb.tag_ in ("VBZ", "VBP"):
        return "present"
    if verb.tag_ == "VBG":
        if words & {"is", "are", "'s", "'re", "am"}:
            return "future"
        if words & {"was", "were"}:
            return "past"
        if not words and verb.dep_ in ("xcomp", "advcl", "conj") and verb.head is not verb and _depth < 3:
            # "began sounding on March 12", "Speaking on May 3, she said": the verb the
            # gerund hangs on decides
            return tense(verb.head, _depth + 1)
    if verb.tag_ == "VBN" and words & {"is", "are"}:
        return "present"
    if verb.tag_ == "VBN" and words & {"was", "were"}:
        return "past"
    return None


def sentence_starts(doc) -> list[int]:
    """Character offsets where the sentences of ``doc`` start (``[0]`` when
    the Doc has no sentence boundaries), read from the Doc's arrays."""
    if not len(doc) or not doc.has_annotation("SENT_START"):
        return [0]
    arr = doc.to_array(["SENT_START", "IDX"])
    starts = [int(idx) for flag, idx in arr.tolist() if flag == 1]
    if not starts or starts[0] != 0:
        starts.insert(0, 0)
    return starts


class Resolver:
    """Turns accepted candidates into Timex records, left to right."""

    def __init__(self, ctx: Context, dct: Optional[str]):
        self.ctx = ctx
        self.dct = parse_dct(dct)
        self.dct_gran = "day" if dct and len(dct.strip()) >= 10 else ("month" if dct and len(dct.strip()) == 7 else "year")
        self.last_year: Optional[tuple[int, int]] = None  # (year, sentence index)
        self.last_fine_year: Optional[tuple[int, int, int, int]] = None  # from a month or a day with its year
        self.ref: Optional[Point] = None  # last resolved date: the narrative anchor
        self.last_day: Optional[Point] = None
        self.last_quarter: Optional[Point] = None
        self.sent_starts = sentence_starts(ctx.doc)

    # -- helpers ---------------------------------------------------------
    def sent_index(self, char: int) -> int:
        return bisect_right(self.sent_starts, char) - 1

    def tense_of(self, c: Cand) -> Optional[str]:
        toks = self.ctx.tokens(c)
        if not toks:
            return None
        head = toks[-1]
        for t in toks:
            if t.head.i < toks[0].i or t.head.i > toks[-1].i or t.head is t:
                head = t
                break
        return tense(head.head if head.head is not head else head)

    def _note_year(self, y: int, c: Cand, fine: bool = False, month: int = 0, day: int = 0) -> None:
        self.last_year = (y, self.sent_index(c.start))
        if fine and not self._attributive(c):
            self.last_fine_year = (y, self.last_year[1], month, day)

    def _attributive(self, c: Cand) -> bool:
        """A date that modifies a noun ("the August 1988 cease-fire") names
        an earlier event; it does not set the time of the story."""
        toks = self.ctx.tokens(c)
        if not toks:
            return False
        for t in toks:
            if t.head.i < toks[0].i or t.head.i > toks[-1].i or t.head is t:
                return t.dep_ in ("compound", "amod", "nmod") and t.head.pos_ in ("NOUN", "PROPN")
        return False

    def _note(self, p: Optional[Point]) -> None:
        if p is None:
            return
        self.ref = p
        if p.gran == "day":
            self.last_day = p
        if p.gran == "quarter":
            self.last_quarter = p

    def year_for(self, month: int, day: Optional[int], c: Cand) -> tuple[Optional[int], str]:
        """The year of a date given without one: from the discourse, else the DCT and tense."""
        if self.last_fine_year is not None and DISCOURSE_SENTENCES >= 0:
            # a story told in order: "In May 2019 ... on October 8" is
            # October 2019 when it follows closely, in a past-tense clause,
            # later in the year than the date that gave the year
            y, si, am, ad = self.last_fine_year
            later = (month, day or 0) > (am, ad)
            if (self.sent_index(c.start) - si <= DISCOURSE_SENTENCES and later
                    and (self.dct is None or y != self.dct.year) and self.tense_of(c) != "future"):
                return y, "narrative"
        if self.dct is None:
            if self.last_year is not None:
                return self.last_year[0], "narrative"
            return None, "dct"
        d = self.dct
        t = self.tense_of(c)
        # days from the DCT to the date in the DCT's year
        ahead = (month - d.month) * 30.5 + ((day or 15) - (d.day if day else 15))
        if _SINCE.search(self.ctx.text, max(0, c.start - 24), c.start):
            # "since December", "ever since early March": a start that has passed
            return (d.year - 1 if ahead > 0 else d.year), "dct"
        if t == "future":
            return (d.year + 1 if ahead < -45 else d.year), "dct"
        if t == "past":
            # news often gives a close coming date with a past verb ("was extended to Nov. 16")
            return (d.year - 1 if ahead > NEAR_FUTURE_DAYS else d.year), "dct"
        # present or unknown: the nearest occurrence, leaning to the past
        diff = (month - d.month) + ((day or 15) - (d.day if day else 15)) / 31
        if diff > 5:
            return d.year - 1, "dct"
        if diff < -7:
            return d.year + 1, "dct"
        return d.year, "dct"

    def reference_year(self) -> Optional[int]:
        if self.dct is not None:
            return self.dct.year
        return self.last_year[0] if self.last_year else None

    def anchor(self) -> tuple[Optional[Point], str]:
        """The narrative anchor: the last resolved date, else the DCT."""
        if self.ref is not None:
            return self.ref, "narrative"
        if self.dct is not None:
            return Point(self.dct_gran if self.dct_gran == "day" else "day", self.dct), "dct"
        return None, "narrative"

    def dct_point(self) -> Optional[Point]:
        return Point("day", self.dct) if self.dct else None

    # -- main ------------------------------------------------------------
    def resolve(self, c: Cand) -> Optional[dict]:
        fn = getattr(self, "_" + c.kind, None)
        if fn is None:
            return None
        out = fn(c, c.g)
        if out is None:
            return None
        point = out.get("point")
        if point is not None and c.kind not in ("yearago", "period", "quarter_the", "fy", "yearend") and point.gran != "quarter":
            self.ref = point
            if point.gran == "day":
                self.last_day = point
        mod = out.get("mod")
        if mod is None and c.g.get("hedge"):
            mod = lx.HEDGES.get(c.g["hedge"].lower())
        if mod is None and c.g.get("pm"):
            mod = point_mod(c.g["pm"])
        out["mod"] = mod
        return out

    @staticmethod
    def _date(p: Optional[Point], anchor: str, placeholder: str) -> dict:
        if p is None:
            return {"type": "DATE", "value": placeholder, "anchor": anchor, "gran": None}
        return {"type": "DATE", "value": p.value, "anchor": anchor, "gran": p.gran, "point": p}

    # -- explicit dates --------------------------------------------------
    def _iso(self, c: Cand, g: dict) -> Optional[dict]:
        d = safe_date(int(g["year"]), int(g["month"]), int(g["day"]))
        if d is None:
            return None
        p = Point("day", d)
        self._note_year(d.year, c, fine=True, month=d.month, day=d.day)
        self._note(p)
        if "hh" in g:
            return {"type": "TIME", "value": f"{p.value}T{g['hh']}:{g['mm']}", "anchor": "explicit", "gran": "time"}
        return self._date(p, "explicit", "")

    def _numdate(self, c: Cand, g: dict) -> Optional[dict]:
        a, b = int(g["a"]), int(g["b"])
        y = int(g["year"])
        if y < 100:
            y += 1900 if y > 30 else 2000
        month, day = (a, b) if a <= 12 else (b, a)
        d = safe_date(y, month, day)
        if d is None:
            return None
        p = Point("day", d)
        self._note_year(y, c, fine=True, month=month, day=day)
        self._note(p)
        return self._date(p, "explicit", "")

    def _month_num(self, word: str) -> int:
        return lx.MONTHS[word.lower().rstrip(".")]

    def _mdy(self, c: Cand, g: dict) -> Optional[dict]:
        month = self._month_num(g["month"])
        day = int(re.match(r"\d+", g["day"]).group())
        if "year" in g:
            year, how = int(g["year"]), "explicit"
            self._note_year(year, c, fine=True, month=month, day=day)
        else:
            year, how = self.year_for(month, day, c)
        if year is None:
            return {"type": "DATE", "value": f"XXXX-{month:02d}-{day:02d}", "anchor": how, "gran": "day"}
        d = safe_date(year, month, day)
        if d is None:
            return None
        p = Point("day", d)
        self._note(p)
        return self._date(p, how, "")

    _dmy = _mdy

    def _my(self, c: Cand, g: dict) -> Optional[dict]:
        month = self._month_num(g["month"])
        year = parse_year(g["year"])
        if year is None:
            return None
        self._note_year(year, c, fine=True, month=month, day=0)
        p = Point("month", dt.date(year, month, 1))
        self._note(p)
        return self._date(p, "explicit", "")

    def _month(self, c: Cand, g: dict) -> Optional[dict]:
        month = self._month_num(g["month"])
        rel = re.sub(r"\s+", " ", g.get("rel", "").lower())
        mod = point_mod(rel) if rel in ("early", "late", "mid", "mid-", "earlier this", "later this", "the end of", "the beginning of") else None
        if rel in ("earlier this", "later this"):
            rel = "this"
        if self.dct is not None and rel in ("last", "this past", "past", "previous"):
            year = self.dct.year if month < self.dct.month else self.dct.year - 1
            how = "dct"
        elif self.dct is not None and rel in ("next", "coming", "this coming"):
            year = self.dct.year if month > self.dct.month else self.dct.year + 1
            how = "dct"
        elif self.dct is not None and rel == "this":
            year, how = self.dct.year, "dct"
        else:
            year, how = self.year_for(month, None, c)
        if year is None:
            return {"type": "DATE", "value": f"XXXX-{month:02d}", "anchor": how, "gran": "month", "mod": mod}
        p = Point("month", dt.date(year, month, 1))
        self._note(p)
        out = self._date(p, how, "")
        out["mod"] = mod
        return out

    def _season(self, c: Cand, g: dict) -> Optional[dict]:
        code = lx.SEASONS[g["season"].lower()]
        rel = re.sub(r"\s+", " ", g.get("rel", "").lower())
        how = "explicit"
        if "year" in g:
            year = parse_year(g["year"])
            if year is None:
                return None
            self._note_year(year, c)
        elif self.dct is not None:
            how = "dct"
            d = self.dct
            cur = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}.get(d.month, "FA")
            order = ["WI", "SP", "SU", "FA"]
            year = d.year
            if rel in ("last", "past", "previous", "this past"):
                year = d.year if order.index(code) < order.index(cur) else d.year - 1
            elif rel in ("next", "coming", "this coming"):
                year = d.year if order.index(code) > order.index(cur) else d.year + 1
            elif rel in ("that", "the same") and self.ref is not None:
                year, how = self.ref.date.year, "narrative"
            elif rel in ("this",):
                year = d.year
            else:
                y2, how = self.year_for(SEASON_MONTH[code], None, c)
                year = y2 if y2 is not None else d.year
        else:
            if self.last_year is None:
                return {"type": "DATE", "value": f"XXXX-{code}", "anchor": "dct", "gran": "season"}
            year, how = self.last_year[0], "narrative"
        p = Point("season", dt.date(year, SEASON_MONTH[code], 1), code)
        self._note(p)
        return self._date(p, how, "")

    _season_y = _season

    def _year(self, c: Cand, g: dict) -> Optional[dict]:
        year = parse_year(g["year"])
        if year is None:
            return None
        self._note_year(year, c)
        p = Point("year", dt.date(year, 1, 1))
        self._note(p)
        return self._date(p, "explicit", "")

    def _yearspoken(self, c: Cand, g: dict) -> Optional[dict]:
        w = re.sub(r"\s+", " ", g["sp"].lower())
        if w.startswith("nineteen"):
            rest = w[len("nineteen "):]
            n = 0 if rest == "hundred" else _num_word(rest)
            if n is None:
                return None
            year = 1900 + n
        else:
            rest = re.sub(r"^two thousand( and)?\s*", "", w)
            n = _num_word(rest) if rest else 0
            if n is None:
                return None
            year = 2000 + n
        self._note_year(year, c)
        p = Point("year", dt.date(year, 1, 1))
        self._note(p)
        return self._date(p, "explicit", "")

    def _decade(self, c: Cand, g: dict) -> Optional[dict]:
        d = g["dec"].lstrip("'")
        if len(d) == 2:
            year = (1900 if int(d) >= 30 else 2000) + int(d)
        else:
            year = int(d)
        p = Point("decade", dt.date(year, 1, 1))
        return self._date(p, "explicit", "")

    def _decade_w(self, c: Cand, g: dict) -> Optional[dict]:
        tens = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
                "seventies": 70, "eighties": 80, "nineties": 90}[g["decw"].lower()]
        p = Point("decade", dt.date(1900 + tens, 1, 1))
        return self._date(p, "explicit", "")

    def _century(self, c: Cand, g: dict) -> Optional[dict]:
        w = g["cent"].lower()
        n = int(re.match(r"\d+", w).group()) if w[0].isdigit() else lx.ORDINALS.get(w)
        if not n or n < 1:
            return None
        return {"type": "DATE", "value": f"{n - 1:02d}", "anchor": "explicit", "gran": "century"}

    def _century_rel(self, c: Cand, g: dict) -> Optional[dict]:
        rel = re.sub(r"\s+", " ", g["rel"].lower())
        if rel.startswith("the "):
            return {"type": "DURATION", "value": "P100Y", "anchor": None, "gran": "duration"}
        if self.dct is None:
            return {"type": "DATE", "value": "XX", "anchor": "dct", "gran": "century"}
        c0 = self.dct.year // 100 + {"this": 0, "last": -1, "next": 1}.get(rel, 0)
        return {"type": "DATE", "value": f"{c0:02d}", "anchor": "dct", "gran": "century"}

    # -- quarters and halves --------------------------------------------
    def _quarter_year(self, q: int, c: Cand) -> tuple[Optional[int], str]:
        if self.last_quarter is not None and (self.dct is None or abs(self.last_quarter.date.year - self.dct.year) >= 2):
            return self.last_quarter.date.year, "narrative"
        if self.dct is None:
            return (self.last_year[0] if self.last_year else None), "narrative"
        d = self.dct
        cur = (d.month - 1) // 3 + 1
        if q > cur:
            t = self.tense_of(c)
            if t == "past" or q - cur >= 2 and t != "future":
                return d.year - 1, "dct"
        return d.year, "dct"

    def _quarter(self, c: Cand, g: dict) -> Optional[dict]:
        o = g["ord"].lower()
        q = lx.ORDINALS.get(o)
        if q == -1:
            q = 4
        if not q or q > 4:
            return None
        rel = re.sub(r"\s+", " ", g.get("rel", "").lower())
        if "year" in g or "year0" in g:
            year, how = int(g.get("year") or g["year0"]), "explicit"
            self._note_year(year, c)
        elif rel in ("last", "previous") and self.dct is not None:
            year, how = self.dct.year - 1, "dct"
        elif rel == "next" and self.dct is not None:
            year, how = self.dct.year + 1, "dct"
        elif rel == "this" and self.dct is not None:
            year, how = self.dct.year, "dct"
        else:
            year, how = self._quarter_year(q, c)
        if rel in ("year-ago", "year-earlier", "prior-year", "year-before") and year is not None:
            year -= 1
        if year is None:
            return {"type": "DATE", "value": f"XXXX-Q{q}", "anchor": how, "gran": "quarter"}
        p = Point("quarter", dt.date(year, 3 * q - 2, 1))
        self.last_quarter = p if rel not in ("year-ago", "year-earlier", "prior-year", "year-before") else self.last_quarter
        self.ref = p
        return self._date(p, how, "")

    def _quarter_q(self, c: Cand, g: dict) -> Optional[dict]:
        return self._quarter(c, {**g, "ord": {"q1": "first", "q2": "second", "q3": "third", "q4": "fourth"}[g["ord"].lower()]})

    def _current_quarter(self) -> Optional[Point]:
        if self.dct is None:
            return None
        return coarsen(Point("day", self.dct), "quarter")

    def _quarter_the(self, c: Cand, g: dict) -> Optional[dict]:
        rel = re.sub(r"\s+", " ", g.get("rel", "").lower())
        cur = self._current_quarter()
        if rel in ("current", "this"):
            p, how = cur, "dct"
        elif rel in ("next", "coming"):
            p, how = (shift(cur, 1, "quarter") if cur else None), "dct"
        elif rel in ("previous", "last", "past", "this past") and self.last_quarter is None:
            p, how = (shift(cur, -1, "quarter") if cur else None), "dct"
        elif rel in ("previous", "last", "past"):
            p, how = shift(self.last_quarter, -1, "quarter"), "narrative"
        elif rel in ("year-ago", "year-earlier", "prior-year", "same"):
            base = self.last_quarter or (shift(cur, -1, "quarter") if cur else None)
            p, how = (shift(base, -1, "year") if base else None), "narrative"
        else:  # the quarter, the latest quarter
            if self.last_quarter is not None:
                p, how = self.last_quarter, "narrative"
            else:
                p, how = (shift(cur, -1, "quarter") if cur else None), "dct"
        if p is None:
            return {"type": "DATE", "value": "XXXX-QX", "anchor": how, "gran": "quarter"}
        if rel not in ("year-ago", "year-earlier", "prior-year", "same"):
            self.last_quarter = p
        return self._date(p, how, "")

    def _period(self, c: Cand, g: dict) -> Optional[dict]:
        """the latest period / the year-ago quarter / the corresponding period last year"""
        rel = re.sub(r"\s+", " ", g.get("rel", "").lower())
        text = c.text(self.ctx.text).lower()
        if rel == "current" or (g.get("the", "").lower() == "this" and not rel):
            return self._quarter_the(c, {"rel": "current"})
        if rel in ("latest", "most recent"):
            return self._quarter_the(c, {})
        if "ago" in rel or "earlier" in rel or "before" in rel or "prior" in rel or re.search(r"year\s+(ago|earlier)|last\s+year", text):
            return self._quarter_the(c, {"rel": "year-ago"})
        return self._quarter_the(c, {})

    def _yq(self, c: Cand, g: dict) -> Optional[dict]:
        """this year's third quarter / last year's quarter"""
        rel = g["rel"].lower()
        if self.dct is None:
            return None
        year = self.dct.year + {"this": 0, "last": -1, "next": 1}[rel]
        if "ord" in g:
            q = lx.ORDINALS.get(g["ord"].lower())
            q = 4 if q == -1 else q
        else:
            q = ((self.last_quarter.date.month - 1) // 3 + 1) if self.last_quarter else ((self.dct.month - 1) // 3 or 4)
        if not q or q > 4:
            return None
        p = Point("quarter", dt.date(year, 3 * q - 2, 1))
        if rel == "this":
            self.last_quarter = p
        return self._date(p, "dct", "")

    def _month_rel(self, c: Cand, g: dict) -> Optional[dict]:
        """June last year / January this year"""
        if self.dct is None:
            return None
        month = self._month_num(g["month"])
        year = self.dct.year + {"this": 0, "last": -1, "next": 1}[g["rel"].lower()]
        p = Point("month", dt.date(year, month, 1))
        self._note(p)
        return self._date(p, "dct", "")

    def _fy(self, c: Cand, g: dict) -> Optional[dict]:
        """the fiscal year / the full year / the current year"""
        if re.match(r"^\s+(?:ended|ending|ends|that\s+ended|through|to\s+date)\b", self.ctx.text[c.end:c.end + 20]):
            return {"type": "DURATION", "value": "P1Y", "anchor": None, "gran": "duration"}
        y = self.reference_year()
        if y is None:
            return {"type": "DATE", "value": "XXXX", "anchor": "dct", "gran": "year"}
        return {"type": "DATE", "value": f"{y:04d}", "anchor": "dct", "gran": "year"}

    def _yearend(self, c: Cand, g: dict) -> Optional[dict]:
        y = self.reference_year()
        return {"type": "DATE", "value": f"{y:04d}" if y else "XXXX", "anchor": "dct", "gran": "year", "mod": "END"}

    def _term(self, c: Cand, g: dict) -> Optional[dict]:
        w = g["w"].lower()
        return {"type": "DATE", "value": "FUTURE_REF", "anchor": "dct", "gran": "ref"} if w in ("near", "short") else None

    def _half(self, c: Cand, g: dict) -> Optional[dict]:
        o = g["ord"].lower()
        h = 1 if o in ("first", "front") else 2
        y = g.get("year", "")
        how = "explicit"
        if y.isdigit():
            year = int(y)
        elif self.dct is not None:
            how = "dct"
            year = self.dct.year + {"next year": 1, "last year": -1}.get(re.sub(r"\s+", " ", y.lower()), 0)
        else:
            return {"type": "DATE", "value": f"XXXX-H{h}", "anchor": "dct", "gran": "half"}
        p = Point("half", dt.date(year, 1 if h == 1 else 7, 1))
        self._note(p)
        return self._date(p, how, "")

    # -- relative to the DCT ----------------------------------------------
    def _deictic(self, c: Cand, g: dict) -> Optional[dict]:
        w = re.sub(r"\s+", " ", g["w"].lower())
        off = {"yesterday": -1, "today": 0, "tomorrow": 1, "tonight": 0,
               "the day before yesterday": -2, "the day after tomorrow": 2}[w]
        if self.dct is None:
            return {"type": "DATE", "value": "XXXX-XX-XX", "anchor": "dct", "gran": "day"}
        p = Point("day", self.dct + dt.timedelta(days=off))
        if self.dct_gran != "day":
            # a DCT known to the month only (an inferred one): "today" is that month
            return self._date(coarsen(p, self.dct_gran), "dct", "")
        self.last_day = p
        if w == "tonight":
            return {"type": "TIME", "value": p.value + "TNI", "anchor": "dct", "gran": "part-of-day"}
        return self._date(p, "dct", "")

    def _day_for(self, rel: str, c: Cand) -> tuple[Optional[Point], str]:
        r = rel.lower()
        if r in ("this", "today", "tonight"):
            return self.dct_point(), "dct"
        if r in ("last", "yesterday"):
            return (Point("day", self.dct - dt.timedelta(days=1)) if self.dct else None), "dct"
        if r == "tomorrow":
            return (Point("day", self.dct + dt.timedelta(days=1)) if self.dct else None), "dct"
        if r in ("that", "the"):
            if self.last_day is not None:
                return self.last_day, "narrative"
            return self.dct_point(), "dct"
        if r.lower() in lx.WEEKDAYS:
            return self._weekday_point(lx.WEEKDAYS[r.lower()], c, None)
        return None, "dct"

    def _pod(self, c: Cand, g: dict) -> Optional[dict]:
        pod = g["pod"].lower().replace("-", "")
        code = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
                "midafternoon": "AF", "midmorning": "MO"}[pod]
        rel = g.get("rel", "")
        if rel.lower() == "last" and code in ("NI", "EV"):
            rel = "yesterday"
        p, how = self._day_for(rel, c)
        if p is None:
            return {"type": "TIME", "value": f"XXXX-XX-XXT{code}", "anchor": how, "gran": "part-of-day"}
        self.last_day = p
        return {"type": "TIME", "value": f"{p.value}T{code}", "anchor": how, "gran": "part-of-day"}

    _pod_rel = _pod
    _pod_rel2 = _pod

    def _rel_unit(self, c: Cand, g: dict) -> Optional[dict]:
        rel = re.sub(r"\s+", " ", g["rel"].lower())
        unit = g["unit"].lower()
        if rel in ("the past", "the last", "past") and unit == "decade":
            return {"type": "DURATION", "value": "P10Y", "anchor": None, "gran": "duration"}
        if rel in ("the next", "the coming", "coming") and unit in ("decade", "week", "month", "year"):
            n = 10 if unit == "decade" else 1
            return {"type": "DURATION", "value": duration_value(n, "year" if unit == "decade" else unit),
                    "anchor": None, "gran": "duration"}
        if rel in ("the past", "the last", "past"):
            rel = "last"
        if rel in ("that", "the same", "the following", "the next", "the previous", "the preceding", "following", "previous"):
            return self._narr(c, {"rel": rel, "unit": unit})
        if unit == "night":
            return self._pod(c, {"pod": "night", "rel": "yesterday" if rel == "last" else rel})
        if unit == "day":
            return self._narr(c, {"rel": rel, "unit": unit})
        step = {"this": 0, "current": 0, "the current": 0, "the latest": 0, "this past": -1, "last": -1,
                "previous": -1, "next": 1, "this coming": 1}.get(rel)
        if step is None:
            return None
        if self.dct is None:
            ph = {"week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX", "year": "XXXX",
                  "decade": "XXX"}[unit]
            return {"type": "DATE", "value": ph, "anchor": "dct", "gran": unit}
        if unit == "weekend" and step == 0:
            return self._weekend(c)
        base = coarsen(Point("day", self.dct), unit if unit != "weekend" else "weekend")
        p = shift(base, step, unit)
        if unit == "weekend":
            p = Point("weekend", p.date)
        out = self._date(p, "dct", "")
        if p.gran in ("year", "month", "week"):
            self.ref = p
        return out

    def _weekend(self, c: Cand) -> dict:
        """The weekend the text means: the past one for a past verb, else the coming one."""
        if self.dct is None:
            return {"type": "DATE", "value": "XXXX-WXX-WE", "anchor": "dct", "gran": "weekend"}
        d = self.dct
        t = self.tense_of(c)
        if d.isoweekday() >= 6:
            p = Point("weekend", d)
        elif t == "past" or t is None and d.isoweekday() <= 2:
            p = Point("weekend", d - dt.timedelta(days=d.isoweekday()))
        else:
            p = Point("weekend", d)
        return self._date(p, "dct", "")

    def _weekday_point(self, wd: int, c: Cand, rel: Optional[str]) -> tuple[Optional[Point], str]:
        if self.dct is None:
            return None, "dct"
        if rel in ("last", "this past", "past"):
            return Point("day", weekday_near(self.dct, wd, "strict_past")), "dct"
        if rel in ("next", "this coming", "coming"):
            return Point("day", weekday_near(self.dct, wd, "strict_future")), "dct"
        if wd == self.dct.isoweekday():
            return Point("day", self.dct), "dct"
        t = self.tense_of(c)
        if t == "future":
            return Point("day", weekday_near(self.dct, wd, "future")), "dct"
        return Point("day", weekday_near(self.dct, wd, "past")), "dct"

    def _weekday(self, c: Cand, g: dict) -> Optional[dict]:
        wd = lx.WEEKDAYS[g["wd"].lower().replace("'s", "")]
        rel = re.sub(r"\s+", " ", g.get("rel", "").lower()) or None
        p, how = self._weekday_point(wd, c, rel)
        if p is None:
            return {"type": "DATE", "value": f"XXXX-WXX-{wd}", "anchor": how, "gran": "day"}
        self.last_day = p
        return self._date(p, how, "")

    _rel_wd = _weekday

    def _wd_plural(self, c: Cand, g: dict) -> Optional[dict]:
        wd = lx.WEEKDAYS[g["wd"].lower()[:-1]]
        return {"type": "SET", "value": f"XXXX-WXX-{wd}", "anchor": None, "gran": "set"}

    # -- shifts: ago / later / earlier -----------------------------------
    def _ago(self, c: Cand, g: dict) -> Optional[dict]:
        unit = unit_of(g["unit"])
        n = parse_number(g["q"])
        d = re.sub(r"\s+", " ", g["dir"].lower())
        sign = 1 if d in ("from now", "hence", "later", "after", "afterward", "afterwards", "after that") else -1
        from_dct = d in ("ago", "from now", "hence", "back")
        if n is None:
            return {"type": "DATE", "value": "PAST_REF" if sign < 0 else "FUTURE_REF",
                    "anchor": "dct" if from_dct else "narrative", "gran": None}
        if from_dct:
            base, how = self.dct_point(), "dct"
        else:
            base, how = self.anchor()
            if unit in ("day", "night", "week", "hour", "minute", "second") and base is not None and base.gran != "day" and self.last_day is not None:
                base = self.last_day  # "two days later": from the last day named
        if base is None:
            return {"type": "DATE", "value": "XXXX", "anchor": how, "gran": None}
        if unit in ("hour", "minute", "second"):
            p = base
            return self._date(Point("day", p.date), how, "")
        if unit == "fortnight":
            unit, n = "week", n * 2
        if unit == "weekend":
            unit = "week"
        if unit == "millennium":
            unit, n = "century", n * 10
        if n != int(n):
            if unit == "year":
                unit, n = "month", n * 12
            else:
                n = round(n)
        n = int(n)
        # "a year ago" in a report about a quarter means that quarter last year
        if unit == "year" and self.last_quarter is not None and n == 1:
            p = shift(self.last_quarter, sign, "year")
            return self._date(p, "narrative", "")
        if from_dct:
            gran = {"day": "day", "night": "day", "week": "week", "month": "month", "quarter": "quarter",
                    "year": "year", "decade": "year", "century": "year"}[unit]
            p = shift(coarsen(base, gran) if gran != "day" else base, sign * n, unit)
            p = coarsen(p, gran) if gran != "day" else p
        else:
            gran = {"day": "day", "night": "day", "week": "week", "month": "month", "quarter": "quarter",
                    "year": "year", "decade": "year", "century": "year"}[unit]
            if base.gran in ("day",) or gran in ("year",) and base.gran in ("month", "quarter", "season"):
                p = shift(base, sign * n, unit)
                if gran != "year" or base.gran == "year":
                    p = coarsen(p, gran) if gran not in ("day",) and base.gran != "day" else p
                if base.gran == "day" and gran != "day":
                    p = p  # keep day precision: "a year earlier" than a day is a day
            else:
                # never finer than the anchor: "two days after" a year is that year
                g2 = base.gran if _finer(gran, base.gran) else gran
                p = shift(coarsen(base, g2) if g2 != "day" else base, sign * n, unit)
                p = coarsen(p, g2) if g2 not in ("day", "season") else p
        if p.gran in ("season", "half") and unit == "year":
            p = coarsen(p, "year")  # "a year later" than summer 2022: 2023
        if p.gran == "day":
            self.last_day = p
        return self._date(p, how, "")

    def _narr(self, c: Cand, g: dict) -> Optional[dict]:
        rel = re.sub(r"\s+", " ", g["rel"].lower())
        unit = g["unit"].lower()
        step = {"the next": 1, "the following": 1, "following": 1, "the previous": -1, "the preceding": -1,
                "previous": -1, "the prior": -1, "that": 0, "the same": 0, "last": -1, "next": 1,
                "this": 0}.get(rel, 0)
        if unit in ("morning", "evening", "night", "afternoon"):
            base = self.last_day or self.dct_point()
            how = "narrative" if self.last_day else "dct"
            if base is None:
                return None
            p = shift(base, step, "day")
            code = {"morning": "MO", "evening": "EV", "night": "NI", "afternoon": "AF"}[unit]
            return {"type": "TIME", "value": f"{p.value}T{code}", "anchor": how, "gran": "part-of-day"}
        if unit == "day":
            if rel in ("last", "next", "this"):
                base, how = self.dct_point(), "dct"
            else:
                base, how = (self.last_day, "narrative") if self.last_day else (self.dct_point(), "dct")
            if base is None:
                return {"type": "DATE", "value": "XXXX-XX-XX", "anchor": how, "gran": "day"}
            p = shift(base, step, "day")
            self.last_day = p
            return self._date(p, how, "")
        base, how = self.anchor()
        if base is None:
            return {"type": "DATE", "value": "XXXX", "anchor": how, "gran": None}
        gran = {"weekend": "weekend", "decade": "decade"}.get(unit, unit)
        p = shift(coarsen(base, gran), step, unit)
        p = coarsen(p, gran)
        return self._date(p, how, "")

    def _daybefore(self, c: Cand, g: dict) -> Optional[dict]:
        return self._narr(c, {"rel": "the previous" if g["dir"].lower() == "before" else "the next", "unit": "day"})

    def _yearago(self, c: Cand, g: dict) -> Optional[dict]:
        w = re.sub(r"\s+", " ", g["w"].lower())
        if w in ("year-end", "yearend"):
            y = self.reference_year()
            return {"type": "DATE", "value": f"{y:04d}" if y else "XXXX", "anchor": "dct", "gran": "year", "mod": "END"}
        if w in ("midyear", "mid-year"):
            y = self.reference_year()
            return {"type": "DATE", "value": f"{y:04d}" if y else "XXXX", "anchor": "dct", "gran": "year", "mod": "MID"}
        if self.last_quarter is not None:
            return self._date(shift(self.last_quarter, -1, "year"), "narrative", "")
        y = self.reference_year()
        return {"type": "DATE", "value": f"{y - 1:04d}" if y else "XXXX", "anchor": "dct", "gran": "year"}

    # -- durations -------------------------------------------------------
    def _duration(self, c: Cand, g: dict) -> Optional[dict]:
        unit = unit_of(g["unit"])
        n = parse_number(g["q"])
        if "q2" in g and n is not None:
            n2 = parse_number(g["q2"])
            u2 = unit_of(g["unit2"])
            if n2 is not None:
                # "a year and six months": express in the smaller unit
                ratio = {("year", "month"): 12, ("hour", "minute"): 60, ("minute", "second"): 60,
                         ("day", "hour"): 24, ("week", "day"): 7}.get((unit, u2))
                if ratio:
                    n, unit = n * ratio + n2, u2
        if unit == "weekend":
            return {"type": "DURATION", "value": f"P{2 * int(n or 1)}D" if n else "PXD", "anchor": None, "gran": "duration"}
        # "$5 million a year": a rate, a SET
        if g.get("q", "").lower() in ("a", "an") and not g.get("the") and not g.get("rel") and not g.get("hedge"):
            first = self.ctx.first(c)
            if first is not None and first.i > 0:
                p = self.ctx.doc[first.i - 1]
                if p.tag_ == "CD" or p.lower_ in ("%", "percent", "million", "billion", "times", "twice", "once") or p.ent_type_ in ("MONEY", "PERCENT"):
                    return {"type": "SET", "value": duration_value(1, unit), "anchor": None, "gran": "set"}
        value = duration_value(n, unit)
        return {"type": "DURATION", "value": value, "anchor": None, "gran": "duration"}

    def _dur_adj(self, c: Cand, g: dict) -> Optional[dict]:
        unit = unit_of(g["unit"])
        q = g["q"].lower()
        n = 0.5 if q == "half" else parse_number(q)
        return {"type": "DURATION", "value": duration_value(n, unit), "anchor": None, "gran": "duration"}

    def _dur_long(self, c: Cand, g: dict) -> Optional[dict]:
        w = g["unit"].lower()
        unit = unit_of(w)
        n = None if w != unit else 1
        if unit == "decade" and n is None:
            return {"type": "DURATION", "value": "PXY", "anchor": None, "gran": "duration"}
        return {"type": "DURATION", "value": duration_value(n, unit), "anchor": None, "gran": "duration"}

    def _dur_plural(self, c: Cand, g: dict) -> Optional[dict]:
        unit = unit_of(g["unit"])
        if unit == "decade" or unit == "century":
            return {"type": "DURATION", "value": "PXY" if unit == "decade" else "PXCE", "anchor": None, "gran": "duration"}
        return {"type": "DURATION", "value": duration_value(None, unit), "anchor": None, "gran": "duration"}

    _dur_bare = _dur_plural

    # -- clock times -----------------------------------------------------
    def _time(self, c: Cand, g: dict) -> Optional[dict]:
        if "noon" in g:
            w = g["noon"].lower()
            hh, mm = (12, 0) if w in ("noon", "midday") else (24, 0)
        else:
            h = g.get("hh") or g.get("hh2") or g.get("hh3")
            hh = int(h) if h.isdigit() else lx.NUMBER_WORDS[h.lower()]
            mm = int(g.get("mm") or 0)
            ampm = (g.get("ampm") or g.get("ampm2") or "").lower().replace(".", "").replace(" ", "")
            if ampm == "pm" and hh < 12:
                hh += 12
            elif ampm == "am" and hh == 12:
                hh = 0
        day, how = self._day_of_time(c)
        clock = f"T{hh:02d}:{mm:02d}"
        value = (day.value if day is not None else "XXXX-XX-XX") + clock
        return {"type": "TIME", "value": value, "anchor": how, "gran": "time"}

    def _day_of_time(self, c: Cand) -> tuple[Optional[Point], str]:
        """The day a clock time belongs to: a date right after it ("... on
        March 12", "... Friday"), else the last day in the same sentence,
        else the DCT."""
        follow = getattr(c, "_next_day", None)
        if follow is not None:
            return follow, "explicit"
        if self.last_day is not None and self.ref is self.last_day:
            return self.last_day, "narrative"
        return self.dct_point(), "dct"

    # -- sets ------------------------------------------------------------
    def _set_every(self, c: Cand, g: dict) -> Optional[dict]:
        u = g["unit"].lower()
        if u.rstrip("s") in lx.WEEKDAYS or u in lx.WEEKDAYS:
            return {"type": "SET", "value": f"XXXX-WXX-{lx.WEEKDAYS[u]}", "anchor": None, "gran": "set"}
        if u in lx.SEASONS:
            return {"type": "SET", "value": f"XXXX-{lx.SEASONS[u]}", "anchor": None, "gran": "set"}
        if u in ("morning", "evening", "afternoon", "night"):
            code = {"morning": "MO", "evening": "EV", "afternoon": "AF", "night": "NI"}[u]
            return {"type": "SET", "value": f"XXXX-XX-XXT{code}", "anchor": None, "gran": "set"}
        unit = unit_of(u)
        n = parse_number(g["q"]) if "q" in g else 1
        if "other" in g:
            n = (n or 1) * 2
        return {"type": "SET", "value": duration_value(n, unit), "anchor": None, "gran": "set"}

    def _set_freq(self, c: Cand, g: dict) -> Optional[dict]:
        return {"type": "SET", "value": lx.FREQUENCY[g["w"].lower()], "anchor": None, "gran": "set"}

    def _set_rate(self, c: Cand, g: dict) -> Optional[dict]:
        return {"type": "SET", "value": duration_value(1, unit_of(g["unit"])), "anchor": None, "gran": "set"}

    # -- references ------------------------------------------------------
    def _ref(self, c: Cand, g: dict) -> Optional[dict]:
        w = re.sub(r"\s+", " ", g["w"].lower())
        table = dict(lx.REFS)
        table.update({"the near future": "FUTURE_REF", "as soon as possible": "FUTURE_REF"})
        v = table.get(w)
        if v is None:
            return None
        return {"type": "DATE", "value": v, "anchor": "dct", "gran": "ref"}

    def _holiday(self, c: Cand, g: dict) -> Optional[dict]:
        h = re.sub(r"\s+", " ", g["h"].lower())
        if "year" in g:
            year, how = int(g["year"]), "explicit"
        else:
            month = lx.HOLIDAYS_FIXED.get(h, lx.HOLIDAYS_NTH.get(h, (1,)))[0]
            year, how = self.year_for(month, 15, c)
        if year is None:
            return None
        if h in lx.HOLIDAYS_FIXED:
            m, d = lx.HOLIDAYS_FIXED[h]
            p = Point("day", dt.date(year, m, d))
        else:
            m, wd, n = lx.HOLIDAYS_NTH[h]
            p = Point("day", nth_weekday(year, m, wd, n))
        self._note(p)
        return self._date(p, how, "")

    def _the_unit(self, c: Cand, g: dict) -> Optional[dict]:
        unit = g["unit"].lower()
        if unit in ("morning", "afternoon", "evening", "night"):
            return self._narr(c, {"rel": "that", "unit": unit})
        if unit == "day":
            return self._narr(c, {"rel": "that", "unit": "day"})
        if self.dct is None:
            return None
        if unit == "weekend":
            return self._weekend(c)
        if unit == "year" and re.match(r"^\s+(?:ended|ending|ends|that\s+ended|through|to\s+date)\b", self.ctx.text[c.end:c.end + 20]):
            return {"type": "DURATION", "value": "P1Y", "anchor": None, "gran": "duration"}
        if unit == "week":
            return {"type": "DATE", "value": f"{self.dct.year:04d}-WXX", "anchor": "dct", "gran": "week"}
        p = coarsen(Point("day", self.dct), unit)
        return self._date(p, "dct", "")


_ORDER = ["day", "week", "weekend", "month", "season", "quarter", "half", "year", "decade", "century"]


def _finer(a: str, b: str) -> bool:
    """Whether granularity a is finer than b."""
    try:
        return _ORDER.index(a) < _ORDER.index(b)
    except ValueError:
        return False
