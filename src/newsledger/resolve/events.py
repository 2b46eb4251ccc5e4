"""Event merging: the mentions of one happening, from any number of
articles, become one ledger event.

Reads event mentions (:class:`Mention`, built from each document's
``DocLedger.events`` with merged actor ids); writes :class:`MergedEvent`
clusters.

Two mentions may be one happening when

* their types agree (an untyped happening only meets one whose trigger
  starts alike: "flee", "fled"), and neither is negated, hypothetical, planned or questioned
  (those stay on their own: a counterfactual never joins a fact);
* their actors do not contradict: when both name source actors, they share
  one (or, for reciprocal types — AGREE, CONSULT, COOPERATE — the sources of
  one are the targets of the other);
* their places, when both are located, lie within :data:`MAX_KM`;
* their dates are compatible (:func:`~newsledger.resolve.dates.compatible`),
  or the rest of the evidence is strong (the same actors, similar sentences),
  in which case the mentions join and the disagreement becomes a date
  contradiction.

A mention with no actors ("the attack", a headline's "talks") joins what its
own article tells of the same type at a compatible date.  An event noun that only
dates another ("just before the shelling") is not a mention.

Then a score weighs actor overlap, sentence similarity and date agreement
(:func:`score`); a mention joins the best cluster scoring at least
:data:`THRESHOLD`.  Candidates come from an index by actor, place and rare
words, so the work grows with the corpus, not its square.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

from . import dates as dts
from .text import content_words, jaccard

RECIPROCAL = frozenset({"AGREE", "CONSULT", "COOPERATE"})
#: modalities that may merge: what the text presents as having happened
FACTUAL = frozenset({"asserted", "reported"})
MAX_KM = 150.0
THRESHOLD = 0.42
#: a date disagreement is kept inside one cluster only with this much other evidence
STRONG_ACTORS = 0.99
STRONG_WORDS = 0.34
#: days apart beyond which two dated mentions are never one happening
MAX_GAP_DAYS = 45
#: candidates looked at per actor or place key: the latest clusters (mentions come in date order)
MAX_POSTINGS = 60
#: a word already in more clusters than this is too common to find candidates by
MAX_WORD_POSTINGS = 40


@dataclass
class Mention:
    """One event as one document tells it."""

    doc: str
    seq: int
    type: Optional[str]
    trigger: str
    modality: str
    evidence: tuple[int, int, str]
    time: Optional[str] = None
    time_how: Optional[str] = None
    time_mod: Optional[str] = None
    place: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    sources: frozenset[str] = frozenset()
    targets: frozenset[str] = frozenset()
    outlet: Optional[str] = None
    mode: Optional[str] = None
    cameo_root: Optional[str] = None
    intensity: Optional[float] = None
    words: frozenset[str] = frozenset()

    @property
    def actors(self) -> frozenset[str]:
        return self.sources | self.targets

    @property
    def key(self) -> str:
        return f"{self.doc}:e{self.seq}"


@dataclass
class MergedEvent:
    """One happening of the merged ledger, with every mention of it."""

    id: str
    type: Optional[str]
    mentions: list[Mention] = field(default_factory=list)
    time: Optional[str] = None
    time_how: Optional[str] = None
    date_disputed: bool = False
    date_sides: dict[str, list[Mention]] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    targets: list[str] = field(default_factory=list)
    place: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    modality: str = "asserted"
    mode: Optional[str] = None
    cameo_root: Optional[str] = None
    intensity: Optional[float] = None

    @property
    def n_mentions(self) -> int:
        return len(self.mentions)

    @property
    def n_articles(self) -> int:
        return len({m.doc for m in self.mentions})

    @property
    def n_sources(self) -> int:
        """Distinct outlets (a document without an outlet counts on its own)."""
        return len({m.outlet or m.doc for m in self.mentions})


class _Cluster:
    __slots__ = ("mentions", "sources", "targets", "words", "times", "place", "docs")

    def sample(self) -> list[Mention]:
        """The mentions a newcomer's sentence is compared with: the first and the latest."""
        ms = self.mentions
        return ms if len(ms) <= 4 else [ms[0]] + ms[-3:]

    def __init__(self, m: Mention):
        self.mentions = [m]
        self.sources = set(m.sources)
        self.targets = set(m.targets)
        self.words = set(m.words)
        self.times = {(m.time, m.time_mod)} if m.time else set()
        self.place = (m.lat, m.lon) if m.lat is not None else None
        self.docs = {m.doc}

    def add(self, m: Mention) -> None:
        self.mentions.append(m)
        self.sources |= m.sources
        self.targets |= m.targets
        self.words |= m.words
        if m.time:
            self.times.add((m.time, m.time_mod))
        if self.place is None and m.lat is not None:
            self.place = (m.lat, m.lon)
        self.docs.add(m.doc)


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres."""
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _block(m: Mention) -> str:
    """Mentions of one block may merge: a type, or for an untyped happening
    the first letters of its trigger's last word ("flee", "fled", "fleeing")."""
    if m.type:
        return m.type
    words = m.trigger.lower().split()
    return "~" + (words[-1][:3] if words else "")


def _actors_fit(m: Mention, c: _Cluster) -> Optional[float]:
    """Actor agreement in 0..1, or ``None`` when the actors contradict."""
    if m.sources and c.sources and not (m.sources & c.sources):
        if not (m.type in RECIPROCAL and m.sources & c.targets):
            return None
    mine, theirs = m.actors, c.sources | c.targets
    if not mine or not theirs:
        return 0.0
    return len(mine & theirs) / len(mine | theirs)


def _time_fit(m: Mention, c: _Cluster) -> tuple[float, bool]:
    """(agreement in 0..1, compatible?) of a mention's date with a cluster's dates."""
    if not m.time or not c.times:
        return 0.3, True
    ok = all(dts.compatible(m.time, t, mod_a=m.time_mod, mod_b=mod) for t, mod in c.times)
    if not ok:
        return 0.0, False
    same = any(t == m.time for t, _ in c.times)
    return (1.0 if same else 0.6), True


def score(m: Mention, c: _Cluster) -> Optional[float]:
    """How well a mention fits a cluster (``None``: it cannot be the same happening)."""
    if _block(m) != _block(c.mentions[0]):
        return None
    actors = _actors_fit(m, c)
    if actors is None:
        return None
    if m.lat is not None and c.place is not None and km((m.lat, m.lon), c.place) > MAX_KM:
        return None
    time, ok = _time_fit(m, c)
    if m.doc in c.docs and not m.actors and ok:
        return THRESHOLD  # "the attack", a headline's "talks": what its own article tells
    words = max(jaccard(m.words, o.words) for o in c.sample())
    if not ok:
        gaps = [dts.gap_days(m.time, t) for t, _ in c.times]
        if any(g is not None and g > MAX_GAP_DAYS for g in gaps):
            return None
        if actors < STRONG_ACTORS or words < STRONG_WORDS:
            return None
    if actors == 0.0 and words < 0.3:
        return None
    if m.doc in c.docs and words < 0.2 and m.trigger.lower()[:5] != c.mentions[0].trigger.lower()[:5]:
        return None  # two different things one article tells
    return 0.45 * actors + 0.35 * min(1.0, words * 2) + 0.2 * time


class EventMerger:
    """Clusters mentions into happenings (see the module docstring).

    >>> a = Mention("d1", 0, "ASSAULT", "shelled", "asserted", (0, 9, "x"), time="2024-03-02",
    ...             sources=frozenset({"XA-MIL"}), targets=frozenset({"XB"}),
    ...             words=frozenset({"shelle", "border", "villag"}))
    >>> b = Mention("d2", 3, "ASSAULT", "shelling", "asserted", (5, 20, "y"), time="2024-03",
    ...             sources=frozenset({"XA-MIL"}), words=frozenset({"shelli", "border", "villag"}))
    >>> merged = EventMerger().merge([a, b])
    >>> len(merged), merged[0].n_mentions, merged[0].time
    (1, 2, '2024-03-02')
    """

    def merge(self, mentions: Iterable[Mention]) -> list[MergedEvent]:
        clusters: list[_Cluster] = []
        index: dict[str, list[int]] = defaultdict(list)
        single: list[Mention] = []
        ordered = sorted(mentions, key=lambda m: (dts.bounds(m.time)[0].isoformat() if dts.bounds(m.time) else "9999",
                                                   m.doc, m.seq))
        for m in ordered:
            if m.modality not in FACTUAL:
                single.append(m)
                continue
            block = _block(m)
            keys = [f"{block}|d|{m.doc}"] + [f"{block}|a|{a}" for a in m.actors]
            if m.place:
                keys.append(f"{block}|p|{m.place.lower()}")
            keys.extend(f"{block}|w|{w}" for w in m.words)
            seen: set[int] = set()
            best, best_score = None, THRESHOLD
            for k in keys:
                postings = index.get(k)
                if not postings or (k[len(block) + 1] == "w" and len(postings) > MAX_WORD_POSTINGS):
                    continue
                for ci in postings[-MAX_POSTINGS:]:
                    if ci in seen:
                        continue
                    seen.add(ci)
                    s = score(m, clusters[ci])
                    if s is not None and s >= best_score:
                        best, best_score = ci, s
            if best is None:
                clusters.append(_Cluster(m))
                best = len(clusters) - 1
            else:
                clusters[best].add(m)
            for k in keys:
                postings = index[k]
                if not postings or postings[-1] != best:
                    postings.append(best)
        out = [self._finish(c.mentions) for c in clusters]
        out.extend(self._finish([m]) for m in single)
        out.sort(key=lambda e: (dts.bounds(e.time)[0] if dts.bounds(e.time) else _FAR, e.id))
        return out

    @staticmethod
    def _finish(mentions: Sequence[Mention]) -> MergedEvent:
        first = min(mentions, key=lambda m: (m.doc, m.seq))
        dated = [dts.Dated(m.time, m.doc, m.time_how, m.time_mod, m) for m in mentions if m.time]
        choice = dts.choose(dated) if dated else dts.Choice(None, None, False, {})
        src = Counter(a for m in mentions for a in m.sources)
        tgt = Counter(a for m in mentions for a in m.targets)
        places = Counter((m.place, m.lat, m.lon) for m in mentions if m.place)
        place = places.most_common(1)[0][0] if places else (None, None, None)
        modes = Counter(m.mode for m in mentions if m.mode)
        cameo = Counter(m.cameo_root for m in mentions if m.cameo_root)
        intens = [m.intensity for m in mentions if m.intensity is not None]
        modality = "asserted" if any(m.modality == "asserted" for m in mentions) else first.modality
        return MergedEvent(
            id=first.key, type=first.type, mentions=sorted(mentions, key=lambda m: (m.doc, m.seq)),
            time=choice.value, time_how=choice.how, date_disputed=choice.disputed,
            date_sides={v: [d.ref for d in ds] for v, ds in choice.sides.items()},
            sources=[a for a, _ in src.most_common()], targets=[a for a, _ in tgt.most_common()],
            place=place[0], lat=place[1], lon=place[2], modality=modality,
            mode=modes.most_common(1)[0][0] if modes else None,
            cameo_root=cameo.most_common(1)[0][0] if cameo else None,
            intensity=round(sum(intens) / len(intens), 2) if intens else None)


_FAR = dts.dt.date(9999, 12, 31)


def mentions_of(ledger: dict, canonical) -> list[Mention]:
    """The event mentions of one stored ledger (its contract JSON, parsed),
    actors mapped to merged ids by ``canonical``."""
    doc = ledger["document"]
    out = []
    anchors = [(t["start"], t["end"]) for t in ledger.get("timexes") or [] if t.get("anchor") == "event"]
    for i, e in enumerate(ledger.get("events") or []):
        trig = e.get("trigger") or {}
        if any(s <= trig.get("start", -1) < en for s, en in anchors):
            continue  # "just before the shelling" (ledgers analysed before the coder left these out)
        t = e.get("time") or {}
        p = e.get("place") or {}
        ev = e["evidence"]
        out.append(Mention(
            doc=doc["id"], seq=i, type=e.get("type"), trigger=(e.get("trigger") or {}).get("text", ""),
            modality=e.get("modality") or "asserted", evidence=(ev["start"], ev["end"], ev["text"]),
            time=t.get("value"), time_how=t.get("how"), time_mod=t.get("mod"),
            place=p.get("name"), lat=p.get("lat"), lon=p.get("lon"),
            sources=frozenset(filter(None, (canonical(a.get("actor")) for a in e.get("source_actors") or []))),
            targets=frozenset(filter(None, (canonical(a.get("actor")) for a in e.get("target_actors") or []))),
            outlet=doc.get("outlet"), mode=e.get("mode"), cameo_root=e.get("cameo_root"),
            intensity=e.get("intensity"), words=content_words(ev["text"])))
    return out
