"""Event-anchored time expressions: "shortly after the fall of the Berlin
Wall", "after the 2014 floods", "when the assault began", "weeks after the
flood".

Three sources of event dates, tried in this order:

1. :class:`KnownEvents` — a table of well-known dated events
   (``resources/known_events.tsv``), extended by the user (a TSV file named by
   ``$NEWSLEDGER_KNOWN_EVENTS``, or :meth:`KnownEvents.load`) and by a corpus
   (:meth:`KnownEvents.register_event_date`, e.g. a date stated in another
   document).  The table object is passed in (``find_timexes(...,
   known_events=...)`` or ``doc.user_data[KNOWN_EVENTS_KEY]``); nothing global
   is ever changed.
2. The document itself: an event noun dated in one sentence ("Ruritania, on
   March 2, launched the assault") dates the same noun elsewhere
   ("When the assault began", "in the days before the assault").
3. An event noun with its year: "after the 2014 floods".

Each phrase becomes a :class:`~newsledger.model.Timex` of type DATE with
``anchor="event"`` and a ``mod`` from its preposition (BEFORE, AFTER,
ON_OR_AFTER, ON_OR_BEFORE, START, END, APPROX).  TimeML does not mark these
phrases as TIMEX3, so the timex benchmark scorer leaves them out.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Sequence, Union

from ...model import Timex
from .scan import Scanner, first_wins

#: where a corpus (or a user) puts a :class:`KnownEvents` for the time stage
KNOWN_EVENTS_KEY = "newsledger.known_events"
#: where the time stage leaves the document's own dated event nouns
REGISTRY_KEY = "newsledger.event_dates"
#: environment variable: extra TSV files (``os.pathsep``-separated)
ENV_VAR = "NEWSLEDGER_KNOWN_EVENTS"

#: nouns that name a happening, which a date in their clause dates
EVENT_NOUNS = frozenset("""
offensive counteroffensive counter-offensive attack attacks assault invasion incursion war wars
ceasefire cease-fire truce armistice agreement accord accords deal treaty pact election elections
referendum vote summit meeting talks negotiations visit exercise exercises drills blockade siege
coup strike strikes protest protests uprising revolution rebellion mutiny crisis earthquake
hurricane flood floods tsunami explosion blast bombing bombings shooting massacre cleansing
withdrawal pullout exodus evacuation escape occupation annexation inauguration resignation collapse
crash pandemic outbreak operation raid raids clashes fighting battle escalation shelling airstrike
airstrikes strike decision announcement speech address ruling verdict trial hearing signing
independence merger bankruptcy default devaluation
""".split())

_YEAR_SHIFT_UNITS = {"day": 1, "days": 1, "week": 7, "weeks": 7, "month": 30, "months": 30,
                     "year": 365, "years": 365}
_VAGUE_MULT = 3  # "weeks after": about three weeks

_BEFORE = (r"just\s+prior\s+to|shortly\s+prior\s+to|prior\s+to|shortly\s+before|just\s+before|right\s+before|"
           r"immediately\s+before|ahead\s+of|in\s+the\s+run-up\s+to|in\s+the\s+lead-up\s+to|on\s+the\s+eve\s+of|"
           r"(?:in\s+)?the\s+(?:days|weeks|months|years|hours)\s+(?:before|preceding|leading\s+up\s+to)|before")
_AFTER = (r"shortly\s+after|just\s+after|soon\s+after|right\s+after|immediately\s+after|in\s+the\s+wake\s+of|"
          r"in\s+the\s+aftermath\s+of|(?:in\s+)?the\s+(?:days|weeks|months|years|hours)\s+(?:after|following)|"
          r"after|following")
_SINCE = r"ever\s+since|since"
_UNTIL = r"until|till|up\s+to"
_DURING = r"during|amid|at\s+the\s+time\s+of|throughout|at\s+the\s+height\s+of"
_START = r"at\s+the\s+(?:start|beginning|outbreak|onset)\s+of|since\s+the\s+(?:start|beginning|outbreak|onset)\s+of"
_END = r"at\s+the\s+end\s+of|by\s+the\s+end\s+of"
_QUANT = (r"(?:(?:just|only|barely|some|about|around|almost|nearly)\s+)?"
          r"(?P<n>\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a\s+few|a\s+couple\s+of|several)?\s*")
_SHIFT = _QUANT + r"(?P<unit>days?|weeks?|months?|years?)\s+(?P<dir>before|after|later\s+than|earlier\s+than)"

PREP = (r"(?P<prep>(?P<start>" + _START + r")|(?P<end>" + _END + r")|(?P<shift>" + _SHIFT + r")|"
        r"(?P<before>" + _BEFORE + r")|(?P<after>" + _AFTER + r")|(?P<since>" + _SINCE + r")|"
        r"(?P<until>" + _UNTIL + r")|(?P<during>" + _DURING + r"))")
WHEN = r"(?P<when>when|as|once)"
BEGAN = r"(?=\s+(?:began|begun|started|broke\s+out|erupted|was\s+launched|got\s+under\s*way|happened|took\s+place|unfolded))"

_NUMS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

_STOP_IN_NP = frozenset("""
a an the this that these those of in on at by for from with to and or but is was were are be been
which who whom whose what when where while as if than then it its his her their our my your he she
they we i you not no
""".split())


# ----------------------------------------------------------------------
# the table

@dataclass(frozen=True)
class KnownEvent:
    """One dated event: ``value`` is a TIMEX3 date or a ``start/end`` range;
    ``patterns`` are the regular expressions naming it; ``context`` words,
    when given, must occur in a document for the event to be found there."""

    name: str
    value: str
    patterns: tuple[str, ...]
    context: tuple[str, ...] = ()
    source: str = "table"  # table | user | corpus
    #: lower-case words one of which any mention contains (empty: always tried)
    keywords: tuple[str, ...] = ()

    @property
    def granularity(self) -> str:
        return granularity_of(self.value)


def granularity_of(value: str) -> str:
    if "/" in value:
        return "range"
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "day")


_VALUE = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?)?(?:/\d{4}(?:-\d\d(?:-\d\d)?)?)?$")


def alias_keyword(alias: str) -> str:
    """The longest word an alias always contains ("" when none): a cheap
    per-document prefilter for the table."""
    core = alias.replace("{adj}", " ")
    while True:
        stripped = re.sub(r"\([^()]*\)\??", " ", core)
        if stripped == core:
            break
        core = stripped
    words = [w for w in re.findall(r"[a-z][a-z'\u2019-]*", core.lower()) if w not in ("the", "of")]
    return max(words, key=len) if words else ""


def alias_regex(alias: str) -> str:
    """The regex of a table alias (see ``known_events.tsv``)."""
    a = alias.strip()
    a = re.sub(r"^the\s+", "", a, flags=re.I)
    a = a.replace("{adj}", r"(?:[\w-]+\s+){0,2}?")
    a = a.replace("'", "['\u2019]")
    return re.sub(r" ", r"[\\s-]+", a)


def phrase_regex(phrase: str) -> str:
    """The regex of a literal phrase (:meth:`KnownEvents.register_event_date`)."""
    words = re.sub(r"^the\s+", "", phrase.strip(), flags=re.I).split()
    return r"[\s-]+".join(re.escape(w).replace("'", "['\u2019]") for w in words)


class KnownEvents:
    """A user-extendable table of dated events (see the module docstring).

    ``KnownEvents.default()`` is the package table plus the files named by
    ``$NEWSLEDGER_KNOWN_EVENTS``; a corpus takes a :meth:`copy` and adds
    dates with :meth:`register_event_date` without touching the default.
    """

    def __init__(self, events: Iterable[KnownEvent] = ()):
        self._events: list[KnownEvent] = list(events)
        self._rx: Optional[dict] = None
        self._scanner: Optional[Scanner] = None

    def __len__(self) -> int:
        return len(self._events)

    def __iter__(self):
        return iter(self._events)

    @classmethod
    def default(cls) -> "KnownEvents":
        """A fresh copy of the package table plus ``$NEWSLEDGER_KNOWN_EVENTS``."""
        return cls(_default_events(os.environ.get(ENV_VAR, "")))

    @classmethod
    def from_tsv(cls, text: str, *, source: str = "user") -> "KnownEvents":
        return cls(parse_tsv(text, source=source))

    def copy(self) -> "KnownEvents":
        return KnownEvents(self._events)

    def load(self, path: Union[str, Path]) -> "KnownEvents":
        """Add the rows of a TSV file in the table's format; returns self."""
        self._events.extend(parse_tsv(Path(path).read_text(encoding="utf-8"), source="user"))
        self._rx = self._scanner = None
        return self

    def register_event_date(self, name_or_pattern: Union[str, re.Pattern], value: str, *,
                            context: Sequence[str] = (), name: Optional[str] = None,
                            source: str = "corpus") -> KnownEvent:
        """Date an event by a phrase ("the Minsk summit") or a compiled regex,
        e.g. from a date another document of the corpus states.  ``value`` is
        a TIMEX3 date or ``start/end``.  Later registrations win over the table."""
        value = value.strip()
        if not _VALUE.match(value):
            raise ValueError(f"not a TIMEX3 date or range: {value!r}")
        if isinstance(name_or_pattern, re.Pattern):
            rx, label = name_or_pattern.pattern, name or name_or_pattern.pattern
        else:
            rx, label = phrase_regex(name_or_pattern), name or name_or_pattern
        kw = () if isinstance(name_or_pattern, re.Pattern) else (alias_keyword(re.escape(name_or_pattern)),)
        ev = KnownEvent(label, value, (rx,), tuple(context), source, () if kw == ("",) else kw)
        self._events.insert(0, ev)
        self._rx = self._scanner = None
        return ev

    def _admitted(self, low: Optional[str]) -> tuple[int, ...]:
        """Indices of the events whose keywords occur in ``low`` (all if None)."""
        return tuple(i for i, ev in enumerate(self._events)
                     if low is None or not ev.keywords or any(k in low for k in ev.keywords))

    def regex(self, low: Optional[str] = None) -> Optional[re.Pattern]:
        """One compiled alternation of the events (group ``e<i>`` is event i);
        given a lower-cased text, only of the events whose keywords occur in it."""
        idx = self._admitted(low)
        if not idx:
            return None
        if self._rx is None:
            self._rx = {}
        rx = self._rx.get(idx)
        if rx is None:
            parts = [f"(?P<e{i}>{'|'.join('(?:' + p + ')' for p in self._events[i].patterns)})" for i in idx]
            rx = re.compile(r"(?<!\w)(?P<ev>" + "|".join(parts) + r")(?!\w)", re.I)
            if len(self._rx) > 256:
                self._rx.clear()
            self._rx[idx] = rx
        return rx

    def mentions(self, text: str, low: Optional[str] = None) -> list[tuple[int, int, KnownEvent]]:
        """(start, end, event) of the events named in ``text`` (``low``: its
        lower-cased form), as ``regex(low).finditer(text)`` finds them, but
        with one small regex per event compiled once, instead of one
        alternation compiled per set of events (see :func:`.scan.first_wins`)."""
        low = text.lower() if low is None else low
        idx = self._admitted(low)
        if not idx:
            return []
        if self._scanner is None:
            self._scanner = Scanner([(ev.name, self._event_source(ev)) for ev in self._events])
        found = first_wins(self._scanner, list(idx), text)
        if found is None:
            rx = self.regex(low)
            return [(m.start(), m.end(), self.event(m)) for m in rx.finditer(text)]
        return [(a, b, self._events[i]) for a, b, i in found]

    @staticmethod
    def _event_source(ev: KnownEvent) -> str:
        """The regex of one event's alternative in :meth:`regex`, on its own."""
        return "(?:" + "|".join("(?:" + p + ")" for p in ev.patterns) + r")(?!\w)"

    def event(self, m: re.Match) -> Optional[KnownEvent]:
        for key, val in m.groupdict().items():
            if val is not None and key[0] == "e" and key[1:].isdigit():
                return self._events[int(key[1:])]
        return None


def split_top(s: str, sep: str = "|") -> list[str]:
    """Split on ``sep`` outside parentheses: ``a|(b|c) d`` -> ``a``, ``(b|c) d``."""
    parts, depth, cur = [], 0, []
    for ch in s:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == sep and depth == 0:
            parts.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    parts.append("".join(cur))
    return parts


def parse_tsv(text: str, *, source: str = "table") -> list[KnownEvent]:
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if cells[0] == "name" and len(cells) > 1 and cells[1] == "value":
            continue  # header
        if len(cells) < 3 or not _VALUE.match(cells[1]):
            raise ValueError(f"known events, line {n}: want name<TAB>value<TAB>aliases[<TAB>context]: {line!r}")
        raw = [a for a in split_top(cells[2]) if a.strip()]
        aliases = tuple(alias_regex(a) for a in raw)
        kws = tuple(alias_keyword(a) for a in raw)
        context = tuple(c for c in (cells[3].split("|") if len(cells) > 3 else ()) if c)
        for a in aliases:
            re.compile(a)  # fail early on a bad pattern
        out.append(KnownEvent(cells[0], cells[1], aliases, context, source, () if "" in kws else kws))
    return out


@lru_cache(maxsize=8)
def _default_events(env: str) -> tuple[KnownEvent, ...]:
    from importlib import resources as _res

    text = _res.files("newsledger.resources").joinpath("known_events.tsv").read_text(encoding="utf-8")
    events = parse_tsv(text)
    user: list[KnownEvent] = []
    for path in filter(None, env.split(os.pathsep)):
        user.extend(parse_tsv(Path(path).read_text(encoding="utf-8"), source="user"))
    return tuple(user + events)  # the user's rows first: they win


@lru_cache(maxsize=1)
def _default_table(env: str) -> KnownEvents:
    return KnownEvents(_default_events(env))


def default_table() -> KnownEvents:
    """The shared default table (do not modify: take :meth:`KnownEvents.copy`)."""
    return _default_table(os.environ.get(ENV_VAR, ""))


# ----------------------------------------------------------------------
# values

def _parse(value: str) -> tuple[dt.date, str]:
    parts = value.split("-")
    if len(parts) == 1:
        return dt.date(int(parts[0]), 7, 1), "year"
    if len(parts) == 2:
        return dt.date(int(parts[0]), int(parts[1]), 15), "month"
    return dt.date(int(parts[0]), int(parts[1]), int(parts[2])), "day"


def _fmt(d: dt.date, gran: str) -> str:
    if gran == "year":
        return f"{d.year:04d}"
    if gran == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def anchored_value(value: str, kind: str, m: Optional[re.Match] = None) -> Optional[tuple[str, Optional[str], str]]:
    """(value, mod, granularity) of "<preposition> <event>" for an event dated ``value``."""
    start, _, end = value.partition("/")
    end = end or start
    if kind == "before":
        return start, "BEFORE", granularity_of(start)
    if kind == "after":
        return end, "AFTER", granularity_of(end)
    if kind == "since":
        return end, "ON_OR_AFTER", granularity_of(end)
    if kind == "until":
        return start, "ON_OR_BEFORE", granularity_of(start)
    if kind in ("start", "when"):
        return start, ("START" if "/" in value and kind == "start" else None), granularity_of(start)
    if kind == "end":
        return end, ("END" if "/" in value else None), granularity_of(end)
    if kind == "shift" and m is not None:
        unit = m.group("unit").lower()
        n_word = (m.group("n") or "").lower()
        n_word = re.sub(r"\s+", " ", n_word)
        vague = not n_word or n_word in ("a few", "a couple of", "several")
        n = _VAGUE_MULT if vague else (int(n_word) if n_word.isdigit() else _NUMS.get(n_word, 1))
        if n_word == "a couple of":
            n = 2
        forward = m.group("dir").lower().startswith(("after", "later"))
        base_s = end if forward else start
        base, gran = _parse(base_s)
        days = n * _YEAR_SHIFT_UNITS[unit]
        d = base + dt.timedelta(days=days if forward else -days)
        # never finer than the anchor; vague amounts and months/years coarser still
        out_gran = gran
        if unit.startswith(("week", "month")) and gran == "day" and (vague or unit.startswith("month")):
            out_gran = "month"
        if unit.startswith("year"):
            out_gran = "year" if vague or gran == "year" else ("month" if gran != "year" else "year")
        return _fmt(d, out_gran), ("APPROX" if vague else None), out_gran
    return value, None, granularity_of(value)


def _kind(m: re.Match) -> str:
    for k in ("start", "end", "shift", "before", "after", "since", "until", "during", "when"):
        if m.groupdict().get(k):
            return k
    return "during"


# ----------------------------------------------------------------------
# the document's own dated events

def event_registry(ctx, timexes: Sequence[Timex]) -> dict[str, tuple[str, int]]:
    """Event nouns dated in their own clause: lemma -> (value, char offset of the noun).

    "Ruritania, on March 2–3, launched the assault" gives
    ``assault -> 2023-03-02``; "the fishing accord from April 2017"
    gives ``accord`` and ``fishing accord``.  The first date wins."""
    reg: dict[str, tuple[str, int]] = {}
    for tx in timexes:
        if tx.type not in ("DATE", "TIME") or not tx.value or tx.anchor == "event" or tx.mod:
            continue
        v = tx.value.split("T")[0]
        if not re.match(r"^\d{4}(?:-\d\d(?:-\d\d)?|-(?:SP|SU|FA|WI))?$", v):
            continue
        tok = ctx.token(tx.start)
        if tok is None:
            continue
        span_end = tx.end
        head = tok
        for _ in range(6):  # the token of the timex whose head lies outside it
            if head.head is head or not (tx.start <= head.head.idx < span_end):
                break
            head = head.head
        attach = head.head if head.head is not head else head
        if attach.dep_ == "prep" or attach.pos_ == "ADP":
            attach = attach.head
        nouns = []
        if attach.pos_ in ("NOUN", "PROPN"):
            nouns.append(attach)
        if attach.pos_ in ("VERB", "AUX"):
            nouns.extend(c for c in attach.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr")
                         and c.pos_ == "NOUN")
        if not any(n.lemma_.lower() in EVENT_NOUNS for n in nouns):
            # a parse that hangs the date elsewhere: the next verb of the
            # sentence, a few words on ("on March 2, launched the assault")
            for t in head.doc[head.i + 1:min(len(head.doc), head.i + 6)]:
                if t.is_sent_start:
                    break
                if t.pos_ == "VERB":
                    nouns.extend(c for c in t.children if c.dep_ in ("dobj", "nsubjpass") and c.pos_ == "NOUN")
                    break
        for n in nouns:
            lemma = n.lemma_.lower()
            if lemma not in EVENT_NOUNS and n.lower_ not in EVENT_NOUNS:
                continue
            keys = [lemma]
            mods = [c.lower_ for c in n.children if c.dep_ in ("compound", "amod") and c.i < n.i]
            if mods:
                keys.insert(0, " ".join(mods[-1:] + [lemma]))
            for k in keys:
                old = reg.get(k)
                if old is None or (v.startswith(old[0] + "-") and len(v) > len(old[0])):
                    reg[k] = (v, n.idx)  # the first date, or a finer one consistent with it
    return reg


#: a preposition (or "when") standing right before an event: searched
#: backwards from the event, so the long alternation runs on a few characters
PREP_TAIL = re.compile(r"(?<!\w)(?:" + PREP + r"|" + WHEN + r")\s+(?P<the>the\s+)?$", re.I)
#: the same, with up to three modifiers between "the" and a registered noun
PREP_TAIL_NP = re.compile(r"(?<!\w)(?:" + PREP + r"|" + WHEN + r")\s+the\s+(?P<mods>(?:[a-z][\w'\u2019-]*[ \t]+){0,3})$", re.I)
_LOOKBACK = 90


def _singular(w: str) -> str:
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def find_event_anchored(ctx, timexes: Sequence[Timex], known: Optional[KnownEvents],
                        doc=None) -> list[Timex]:
    """Event-anchored phrases of the text (see the module docstring)."""
    text = ctx.text
    low = text.lower()
    out: list[Timex] = []
    taken: list[tuple[int, int]] = []

    def add(pm: re.Match, value: str, end: int) -> None:
        kind = _kind(pm)
        if kind == "when" and not re.match(BEGAN, text[end:end + 30], re.I):
            return
        res = anchored_value(value, kind, pm)
        if res is None:
            return
        v, mod, gran = res
        a = pm.start()
        if any(a < e and s0 < end for s0, e in taken):
            return
        taken.append((a, end))
        out.append(Timex(start=a, end=end, text=text[a:end], type="DATE", value=v, mod=mod,
                         anchor="event", granularity=gran))

    # 1. the table (and what the user and the corpus added)
    mentions = known.mentions(text, low) if known is not None and len(known) else []
    for start, end, ev in mentions:
        if ev is None or ev.context and not any(c.lower() in low for c in ev.context):
            continue
        pm = PREP_TAIL.search(text, max(0, start - _LOOKBACK), start)
        if pm is not None:
            add(pm, ev.value, end)
    # 2. event nouns dated elsewhere in the document
    registry = event_registry(ctx, [t for t in timexes if t.anchor != "event"])
    if doc is not None:
        doc.user_data[REGISTRY_KEY] = registry
    heads = {k.split()[-1] for k in registry}
    if heads:
        noun_rx = re.compile(r"(?<!\w)(?P<noun>" + "|".join(re.escape(h) + "s?" for h in sorted(heads, key=len, reverse=True))
                             + r")(?![\w-])", re.I)
        for m in noun_rx.finditer(text):
            noun = m.group("noun").lower()
            key = noun if noun in registry else _singular(noun)
            if key not in registry:
                continue
            pm = PREP_TAIL_NP.search(text, max(0, m.start() - _LOOKBACK), m.start())
            if pm is None:
                continue
            mods = pm.group("mods").split()
            if any(w.lower() in _STOP_IN_NP for w in mods):
                continue
            value, noun_at = registry.get(" ".join([w.lower() for w in mods[-1:]] + [key])) or registry[key]
            if noun_at == m.start():
                continue  # the noun that gave the date itself
            add(pm, value, m.end())
    # 3. "after the 2014 floods"
    for tx in timexes:
        if tx.anchor == "event" or not re.fullmatch(r"(?:1[89]|20)\d\d", tx.text):
            continue
        nm = re.match(r"\s+([a-z][\w-]*)(?![\w-])", text[tx.end:tx.end + 30])
        if nm is None or not (nm.group(1).lower() in EVENT_NOUNS or _singular(nm.group(1).lower()) in EVENT_NOUNS):
            continue
        pm = PREP_TAIL.search(text, max(0, tx.start - _LOOKBACK), tx.start)
        if pm is not None and pm.group("the"):
            add(pm, tx.text, tx.end + nm.end())
    return out
