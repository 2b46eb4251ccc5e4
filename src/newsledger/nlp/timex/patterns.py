"""Finding candidate time expressions in text.

Each pattern is a regular expression over the raw text (case-insensitive)
whose named groups say what was found; :func:`candidates` runs them all
(through the fast :class:`.scan.Scanner`, which finds the same matches),
keeps the longest non-overlapping matches and then widens them with the
modifiers and hedges that sit next to them ("early", "the end of",
"almost", "around").  Whether a candidate is really a time (and not "May"
the modal verb or "March" the noun) is decided by :mod:`.guards` with the
token tags of the spaCy ``Doc``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterator

from . import lexicon as lx
from .scan import WORD_START, Scanner


def _alt(words, *, dot: bool = False) -> str:
    """A regex alternation of words, longest first; spaces match any whitespace."""
    parts = []
    for w in sorted(set(words), key=len, reverse=True):
        p = re.escape(w).replace(r"\ ", r"\s+").replace(" ", r"\s+")
        parts.append(p + (r"\.?" if dot else ""))
    return "(?:" + "|".join(parts) + ")"


_full_months = [m for m in lx.MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_abbr_months = [m for m in lx.MONTHS if m not in _full_months]
# "Sept." / "Sept" / "Aug." ... : abbreviations take an optional dot
MONTH = "(?:" + _alt(_full_months) + "|" + _alt(_abbr_months, dot=True) + r")(?![a-z])"
WEEKDAY = _alt([w for w in lx.WEEKDAYS if len(w) > 4]) + r"(?:'s)?(?![a-z])"
WEEKDAY_PLAIN = _alt([w for w in lx.WEEKDAYS if len(w) > 4]) + r"(?![a-z]|'[a-rt-z])"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
YEAR4 = r"(?<![\d,.$£€#])(?:1[0-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d)"
YEAR = r"(?:" + YEAR4 + r"|'\d\d(?![\d%s])|nineteen\s+(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(?:one|two|three|four|five|six|seven|eight|nine))?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?![a-z-]))"
SEASON = _alt(lx.SEASONS) + r"(?![a-z])"
POD = r"(?:morning|afternoon|evening|night|overnight|mid-?afternoon|mid-?morning)(?![a-z])"

_ones = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_units_words = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
                "seventeen", "eighteen", "nineteen"]
NUMWORD = ("(?:" + _alt(lx.TENS) + r"(?:[\s-]+" + _alt(_ones) + r")?|" + _alt(_units_words + _ones)
           + r"|(?:a|one)\s+hundred|a\s+dozen|dozen|zero)(?![a-z])")
DIGITS = r"(?<![\d.,])\d{1,3}(?:,\d{3})*(?:\.\d+)?(?![\d%])"
VAGUE = _alt(lx.VAGUE_NUMBERS) + r"(?![a-z])"
NUM = "(?:" + DIGITS + "|" + NUMWORD + ")"
HALF = r"(?:\s+and\s+a\s+half)?"
COUPLE = r"(?:a\s+couple\s+of|couple\s+of)(?![a-z])"
QUANT = r"(?:" + NUM + HALF + r"|" + COUPLE + r"|a(?:n)?(?=\s)|" + VAGUE + r")"

UNIT_WORDS = ["second", "minute", "hour", "day", "night", "week", "weekend", "fortnight",
              "month", "quarter", "year", "decade", "century", "millennium"]
UNIT_PLURALS = ["seconds", "minutes", "hours", "days", "nights", "weeks", "weekends",
                "fortnights", "months", "quarters", "years", "decades", "centuries", "millennia"]
UNIT = _alt(UNIT_WORDS + UNIT_PLURALS) + r"(?![a-z])"
UNIT_SG = _alt(UNIT_WORDS) + r"(?![a-z])"
UNIT_PL = _alt(UNIT_PLURALS) + r"(?![a-z])"
ORDQ = r"(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)"
REL = r"(?:this\s+past|this\s+coming|this|last|next|past|coming|previous|current|following|same)"

HEDGE = _alt([h for h in lx.HEDGES if h not in ("just", "only", "over", "just over", "well over")])
POINTMOD_WORD = r"(?:early|late|mid|earlier|later|middle|the\s+very\s+end\s+of)"
POINTMOD_OF = r"(?:(?:the\s+)?(?:very\s+)?(?:beginning|start|end|middle|close|turn|dawn|height|first\s+half|second\s+half|last\s+half|latter\s+half|latter\s+part|early\s+part|later\s+part)\s+of)"

TZ = r"(?:\s*\(?(?:local\s+time|[ECMP][SD]T|GMT|UTC|Z|a\.?m\.?\s+local\s+time))?"
AMPM = r"(?:a\.m\.?|p\.m\.?|am(?![a-z])|pm(?![a-z])|a\.\s?m\.?|p\.\s?m\.?)"
CLOCK = (r"(?:(?P<hh>[01]?\d|2[0-3])[:.](?P<mm>[0-5]\d)(?:\s*(?P<ampm>" + AMPM + r"))?"
         r"|(?P<hh2>1[0-2]|0?[1-9])\s*(?P<ampm2>" + AMPM + r")"
         r"|(?P<hh3>1[0-2]|0?[1-9]|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+o'clock"
         r"|(?P<noon>noon|midnight|midday))")


@dataclass
class Cand:
    """A candidate time expression: ``kind`` says which normaliser applies."""

    start: int
    end: int
    kind: str
    g: dict = field(default_factory=dict)
    mod: str | None = None
    prio: int = 0

    def text(self, s: str) -> str:
        return s[self.start:self.end]


# ----------------------------------------------------------------------
# the patterns: (kind, regex, priority); longer matches win, then priority

_RAW: list[tuple[str, str, int]] = [
    # ISO and numeric dates
    ("iso", r"(?<![\d-])(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])-(?P<day>0[1-9]|[12]\d|3[01])(?:T(?P<hh>\d\d):(?P<mm>\d\d))?(?![\d-])", 5),
    ("numdate", r"(?<![\d/.])(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<year>\d{4}|\d\d)(?![\d/])", 4),
    # Friday, Oct. 6, 2023 / October 6 / Oct. 6-7
    ("mdy", r"(?:(?P<wd>" + WEEKDAY_PLAIN + r")\s*,?\s+)?(?P<month>" + MONTH + r")\s+(?P<day>" + DAYNUM + r")"
            r"(?:(?P<range>\s*(?:-|–|—|to|and|through|till|until)\s*)(?P<day2>" + DAYNUM + r"))?"
            r"(?:\s*,?\s*(?P<year>" + YEAR4 + r"))?", 5),
    # 6 October 2023 / the 6th of October
    ("dmy", r"(?:(?P<wd>" + WEEKDAY_PLAIN + r")\s*,?\s+)?(?:the\s+)?(?P<day>" + DAYNUM + r")(?:\s+of)?\s+(?P<month>" + MONTH + r")"
            r"(?:\s*,?\s*(?P<year>" + YEAR4 + r"))?", 5),
    # June 2021 / June of 2021
    ("my", r"(?P<month>" + MONTH + r")\s*,?\s+(?:of\s+)?(?P<year>" + YEAR + r")", 4),
    # a month alone: April / last April / this September
    ("month", r"(?:(?P<rel>" + REL + r"|early|late|mid|mid-|earlier\s+this|later\s+this|the\s+end\s+of|the\s+beginning\s+of)[\s-]*)?(?P<month>" + MONTH + r")(?!\s*\d)", 2),
    # seasons: fall of 2019 / early summer 2018 / last fall / the summer
    ("season", r"(?:(?P<rel>" + REL + r"|the|that)\s+)?(?:(?P<pm>early|late|mid|mid-)\s*)?(?P<season>" + SEASON + r")"
               r"(?:\s*(?:of\s+)?(?P<year>" + YEAR + r"))?", 3),
    ("season_y", r"(?P<year>" + YEAR4 + r")\s+(?P<season>" + SEASON + r")", 3),
    # years and fiscal years
    ("year", r"(?:(?P<fiscal>fiscal(?:\s+year)?|the\s+year|calendar(?:\s+year)?|year|model\s+year|FY)\s*)?(?P<year>" + YEAR + r")(?!\s*[-–]\s*(?:year|month|day|week))", 1),
    ("yearspoken", r"(?:the\s+year\s+)?(?P<sp>nineteen\s+(?:" + NUMWORD + r"|hundred)|two\s+thousand(?:\s+(?:and\s+)?(?:" + NUMWORD + r"))?)(?![a-z])", 1),
    # decades and centuries
    ("decade", r"(?:the\s+)?(?:(?P<pm>early|late|mid|mid-)\s*-?)?(?P<dec>(?:1[0-9]|20)\d0|'\d0|\d0)'?s(?![a-z])", 3),
    ("decade_w", r"(?:the\s+)?(?:(?P<pm>early|late|mid)[\s-]+)?(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)(?![a-z])", 1),
    ("century", r"(?:the\s+)?(?:(?P<pm>early|late|mid)[\s-]+)?(?P<cent>\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|21st)[\s-]+century(?![a-z])", 3),
    ("century_rel", r"(?P<rel>this|last|next|the\s+last|the\s+past|the\s+next|the\s+previous)\s+century(?![a-z])", 3),
    # quarters and halves
    ("quarter", r"(?:(?P<the>the)\s+)?(?:(?P<rel>" + REL + r"|latest|same|year-ago|year-earlier|prior-year|year-before)\s+)?(?:(?P<fiscal>fiscal)\s+)?(?:(?P<year0>" + YEAR4 + r")\s+)?"
                r"(?P<ord>" + ORDQ + r")[\s-]+(?:fiscal[\s-]+)?quarter(?![a-z])(?:\s+of\s+(?:(?:fiscal|the\s+(?:fiscal\s+)?year)\s+)?(?P<year>" + YEAR4 + r"))?", 4),
    ("quarter_q", r"(?<![a-z])(?P<ord>Q[1-4])(?:\s+(?P<year>" + YEAR4 + r"))?(?![a-z\d])", 3),
    ("period", r"(?P<the>the|this)\s+(?:(?P<rel>latest|most\s+recent|year-ago|year-earlier|year-before|prior-year|comparable(?:\s+year-ago|\s+year-earlier)?|same|corresponding|current)\s+)(?:fiscal\s+)?(?:period|quarter|three\s+months)(?![a-z])(?:\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year|of\s+last\s+year))?", 3),
    ("yq", r"(?:(?P<the>the)\s+)?(?P<rel>this|last|next)\s+year's\s+(?:(?P<ord>" + ORDQ + r")[\s-]+(?:fiscal\s+)?quarter|(?P<q>quarter))(?![a-z])", 5),
    ("month_rel", r"(?P<month>" + MONTH + r")\s+(?:of\s+)?(?P<rel>this|last|next)\s+year(?![a-z'])", 5),
    ("fy", r"(?P<the>the)\s+(?P<adj>fiscal|full|calendar|current|current\s+fiscal|entire|whole)\s+year(?![a-z'-])", 2),
    ("yearend", r"(?:(?P<the>the)\s+)?(?:year's\s+end|year\s+end|year-end|yearend)(?![a-z])", 2),
    ("term", r"the\s+(?P<w>near|short|long)(?:er)?\s+term(?![a-z])", 2),
    ("quarter_the", r"(?P<the>the)\s+(?:(?P<rel>" + REL + r"|latest|most\s+recent|year-ago|year-earlier|prior-year|same)\s+)?(?:fiscal\s+)?quarter(?![a-z]|\s+of\s+(?:a|the)\b|\s+century)", 2),
    ("half", r"(?:the\s+)?(?P<ord>first|second|last|latter|back|front)[\s-]+half(?![a-z])(?:\s+of\s+(?:(?:fiscal|the\s+year)\s+)?(?P<year>" + YEAR4 + r"|the\s+year|this\s+year|next\s+year|last\s+year))?", 2),
    # relative to today
    ("deictic", r"(?<![a-z-])(?P<w>yesterday|today|tomorrow|tonight|the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)(?![a-z])", 3),
    ("pod_rel", r"(?:(?P<pm>early|late|later|earlier)\s+)?(?P<rel>this|that|last|yesterday|tomorrow|the|(?:" + WEEKDAY_PLAIN + r"))\s+(?P<pod>" + POD + r")", 4),
    ("pod_rel2", r"(?P<pod>" + POD + r")\s+(?P<rel>yesterday|today|tomorrow|" + WEEKDAY_PLAIN + r")", 4),
    ("rel_unit", r"(?:(?P<pm>earlier|later|early|late)\s+)?(?P<rel>" + REL + r"|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous|the\s+following|the\s+current|the\s+same|that|the\s+latest)\s+"
                 r"(?:(?P<fiscal>fiscal|calendar)\s+)?(?P<unit>week|month|year|weekend|decade|day|night)(?![a-z-])", 3),
    ("rel_wd", r"(?:(?P<pm>early|late|earlier|later)\s+)?(?P<rel>last|next|this|this\s+past|this\s+coming|coming|past)\s+(?P<wd>" + WEEKDAY_PLAIN + r")", 4),
    ("weekday", r"(?:(?P<pm>early|late|earlier|later)\s+)?(?P<wd>" + WEEKDAY_PLAIN + r")(?!\s*,?\s*(?:" + MONTH + r"|\d))", 2),
    ("wd_plural", r"(?:on\s+)?(?P<wd>" + _alt([w + "s" for w in lx.WEEKDAYS if len(w) > 4]) + r")(?![a-z])", 1),
    # anchored shifts: three years ago / two days later / a year earlier
    ("ago", r"(?:(?P<hedge>" + HEDGE + r")\s+)?(?P<q>" + QUANT + r")[\s-]+(?P<unit>" + UNIT + r")(?:\s+or\s+so)?\s+(?P<dir>ago|from\s+now|hence|back|before\s+that|after\s+that|earlier|later|afterwards?|previously|before(?=\s*[,.;])|after(?=\s*[,.;]))(?![a-z])", 5),
    ("narr", r"(?P<rel>the\s+(?:next|following|previous|preceding|prior|same)|that)\s+(?P<unit>day|week|month|year|morning|evening|night|afternoon|weekend|decade)(?![a-z-])", 3),
    ("daybefore", r"the\s+day\s+(?P<dir>before|after)(?=\s*[,.;])", 3),
    ("yearago", r"(?P<w>year-ago|year-earlier|year-before|prior-year|year-to-date|midyear|mid-year)(?![a-z])", 1),
    # durations: almost seven months / the past two months / a three-year mandate / several years
    ("duration", r"(?:(?P<hedge>" + HEDGE + r")\s+)?(?:(?P<the>the|a|another|an\s+additional|an\s+extra)\s+)?(?:(?P<rel>first|last|past|next|coming|previous|latest|final|other|initial|preceding|following|remaining|full|entire|whole)\s+)?"
                 r"(?P<q>" + QUANT + r")[\s-]+(?:(?P<adj>full|more|additional|extra|straight|consecutive|long|short)\s+)?(?P<unit>" + UNIT + r")(?:(?P<or>\s+or\s+so|\s+or\s+(?:more|less|longer))|\s+and\s+(?P<q2>" + QUANT + r")\s+(?P<unit2>" + UNIT + r"))?", 2),
    ("dur_adj", r"(?P<q>" + NUM + r"|half)-(?P<unit>" + UNIT_SG + r")(?:-old|-long)?(?![a-z-])", 3),
    ("dur_long", r"(?P<unit>" + UNIT + r")-long(?![a-z])", 3),
    ("dur_plural", r"(?:(?P<rel>recent|coming|past|the\s+past|the\s+last|the\s+coming|the\s+next|the\s+first|next|last)\s+)(?P<unit>" + UNIT_PL + r")(?![a-z])", 2),
    ("dur_bare", r"(?P<pre>\b(?:for|in|over|within|took|takes|take|lasted)\s+)(?P<unit>years|months|weeks|decades|centuries|days|hours)(?![a-z])(?!\s+(?:of|ago|before|after|later|earlier))", 1),
    # clock times: around 4:00 PM local time on March 12
    ("time", r"(?:(?P<hedge>about|around|approximately|roughly|shortly\s+after|shortly\s+before|just\s+after|just\s+before|at\s+about|at\s+around)\s+)?" + CLOCK + TZ, 3),
    # sets: every year / each week / daily / twice a week
    ("set_every", r"(?P<every>every|each|per)\s+(?:(?P<other>other)\s+)?(?:(?P<q>" + NUM + r")\s+)?(?P<unit>" + UNIT + r"|" + WEEKDAY_PLAIN + r"|" + SEASON + r"|morning|evening|afternoon|night)(?![a-z])", 3),
    ("set_freq", r"(?<![a-z-])(?P<w>" + _alt(lx.FREQUENCY) + r")(?![a-z-])", 1),
    ("set_rate", r"(?:(?P<times>once|twice|three\s+times|four\s+times|several\s+times|\d+\s+times)\s+)?(?P<a>a|an)\s+(?P<unit>" + UNIT_SG + r")(?![a-z-])", 1),
    # present / past / future references
    ("ref", r"(?<![a-z'-])(?P<w>" + _alt(["now", "currently", "current", "nowadays", "presently", "at present",
                                      "recently", "lately", "the past",
                                      "the future", "a later date", "as soon as possible",
                                      "these days", "the near future", "the present"]) + r")(?![a-z'-])", 1),
    # holidays
    ("holiday", r"(?P<h>" + _alt(list(lx.HOLIDAYS_FIXED) + list(lx.HOLIDAYS_NTH)) + r")(?![a-z])(?:\s+(?P<year>" + YEAR4 + r"))?", 3),
    # the weekend / the week / the year (only in temporal frames, see guards)
    ("the_unit", r"(?P<pre>\b(?:for|during|in|over|of|through|throughout|by|since|until|within)\s+)(?:the|this)\s+(?P<unit>weekend|week|month|year|morning|afternoon|evening|night)(?![a-z-])", 1),
]

#: the patterns as compiled regexes; every expression starts at the beginning
#: of a word (:data:`.scan.WORD_START`, ``(?<!\w)``)
PATTERNS = [(kind, re.compile(WORD_START + "(?:" + rx + ")", re.I), prio) for kind, rx, prio in _RAW]
_PRIO = {kind: prio for kind, _, prio in _RAW}
#: finds exactly the matches of PATTERNS, but tries each pattern only at the
#: word starts whose first characters can begin one of its matches
SCANNER = Scanner([(kind, rx) for kind, rx, _ in _RAW])

_LEFT_MOD = re.compile(r"(?:(?P<of>" + POINTMOD_OF + r")|(?P<w>early|late|mid|middle|earlier|later)|(?P<mid>mid)-)\s*$", re.I)
_LEFT_HEDGE = re.compile(r"(?P<h>" + HEDGE + r")\s+$", re.I)


#: words (lower case) one of which every match of a pattern contains: a text
#: without any of them is not scanned with that pattern (a cheap, exact
#: per-document prefilter for the rarer patterns)
GATES: dict[str, tuple[str, ...]] = {
    "century": ("century",), "century_rel": ("century",),
    "quarter": ("quarter",), "quarter_the": ("quarter",), "yq": ("year's", "quarter"),
    "period": ("period", "quarter", "months"), "half": ("half",),
    "month_rel": ("year",), "fy": ("year",), "yearend": ("year",), "yearago": ("year",),
    "decade_w": ("ties",), "decade": ("0s", "0's", "0’s"), "dur_long": ("-long",),
    "yearspoken": ("nineteen", "thousand"), "term": ("term",), "daybefore": ("day",),
    "season_y": tuple(lx.SEASONS), "set_every": ("every", "each", "per"),
}


def _gated_out(kind: str, low: str) -> bool:
    """Whether the lower-cased text lacks every gate word of pattern ``kind``."""
    gate = GATES.get(kind)
    return gate is not None and not any(w in low for w in gate)


def _scan(text: str) -> Iterator[Cand]:
    """The matches of every pattern (``finditer`` of each in turn) as candidates."""
    for kind, start, end, spans in SCANNER.matches(text, _gated_out):
        if end <= start:
            continue
        pre = spans.pop("pre", None)
        if pre is not None:
            start = pre[1]
        g = {name: text[a:b] for name, (a, b) in spans.items()}
        yield Cand(start, end, kind, g, prio=_PRIO[kind])


def _select(cands: list[Cand]) -> list[Cand]:
    """Longest-first, non-overlapping selection (ties: higher priority)."""
    cands.sort(key=lambda c: (-(c.end - c.start), -c.prio, c.start))
    taken: list[Cand] = []
    for c in cands:
        if any(c.start < t.end and t.start < c.end for t in taken):
            continue
        taken.append(c)
    taken.sort(key=lambda c: c.start)
    return taken


def _strip(text: str, c: Cand) -> Cand:
    """Trim whitespace and trailing punctuation the regexes may have eaten."""
    while c.end > c.start and text[c.end - 1] in " \t\r\n,;":
        c.end -= 1
    while c.start < c.end and text[c.start] in " \t\r\n,;":
        c.start += 1
    return c


_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)


def trim(text: str, c: Cand) -> Cand:
    """Leave out an article before an adjectival duration or quarter:
    "a three-year mandate" -> "three-year", "the third-quarter results" -> "third-quarter"."""
    t = text[c.start:c.end]
    m = _ARTICLE.match(t)
    if not m:
        return c
    adjectival = False
    if c.kind == "duration" and "q2" not in c.g and "rel" not in c.g:
        unit = c.g.get("unit", "").lower()
        q = c.g.get("q", "").lower()
        if unit in UNIT_WORDS and q not in ("a", "an", "one") and not q.startswith(("a ", "a\t")):
            adjectival = True  # "a five year plan", "the two-week trip"
    if c.kind == "quarter" and re.search(r"(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)-quarter$", t, re.I):
        adjectival = "rel" not in c.g and "year" not in c.g
    if c.kind == "dur_adj":
        adjectival = True
    if adjectival:
        c.start += m.end()
        c.g.pop("the", None)
    return c


def raw_candidates(text: str) -> list[Cand]:
    """All pattern matches, selected longest first, before guards and widening."""
    return [_strip(text, c) for c in _select(list(_scan(text)))]


def widen(text: str, c: Cand) -> Cand:
    """Take in a point modifier ("early", "the end of", "mid-") or a hedge
    ("almost", "around") standing just before the expression."""
    kinds_mod = {"year", "month", "my", "season", "season_y", "decade", "rel_unit", "quarter",
                 "quarter_the", "half", "deictic", "weekday", "mdy", "dmy", "yearspoken", "century",
                 "narr", "the_unit", "century_rel", "decade_w"}
    before = text[max(0, c.start - 40):c.start]
    if c.kind in kinds_mod and "pm" not in c.g and "rel" not in c.g or c.kind in ("rel_unit", "quarter", "quarter_the", "narr", "the_unit") and "pm" not in c.g:
        m = _LEFT_MOD.search(before)
        if m and not (m.group("w") and m.group("w").lower() in ("later", "earlier") and c.kind not in ("rel_unit", "weekday", "deictic")):
            word = (m.group("of") or m.group("w") or m.group("mid") or "").lower()
            word = re.sub(r"\s+", " ", word)
            c.g["pm"] = word
            c.start = c.start - (len(before) - m.start())
    if c.kind in ("duration", "ago", "time", "dur_adj") and "hedge" not in c.g:
        m = _LEFT_HEDGE.search(before)
        if m:
            h = re.sub(r"\s+", " ", m.group("h").lower())
            # "over" before "the" is a preposition: "over the weekend"
            if not (h == "over" and text[c.start:c.start + 4].lower().startswith("the")):
                c.g["hedge"] = h
                c.start = c.start - (len(before) - m.start())
    return c
