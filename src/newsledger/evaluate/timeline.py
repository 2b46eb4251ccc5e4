"""Scorer for the ``timeline`` benchmark (SemEval-2015 Task 4 TimeLine, Track A).

Each line of the benchmark file is one corpus: 30 Wikinews documents with
their DCTs, a list of target entities and one gold timeline per target (see
``eval/timeline/README.md``).  The system builds a timeline per target from our
pipeline's output (:mod:`newsledger.resolve.entity_timeline`) and
:func:`score` compares the two with the task's official metric.

The official metric, as the task's evaluation tool computes it
---------------------------------------------------------------

A timeline is a list of lines ``rank <TAB> date <TAB> event <TAB> event ...``;
an event is named ``doc-sentence-word`` where *word* is the mention's text as
the gold writes it (``_`` joins multi-word mentions, e.g. ``4764-11-out-sold``,
``78496-3-push_back``).  Identity of an event is identity of that string
(case-sensitive); the word's position inside the sentence plays no part, so
two mentions of one word in one sentence are the same string, told apart only
by the order in which they occur (below).

For one target, gold and system timeline are each turned into a temporal graph
the way the tool writes its two TimeML files:

1. the lines are sorted by a *natural* key (the line text cut into digit and
   non-digit runs, digit runs compared as integers: rank first, then date,
   then the events' text); lines of rank 0 (not anchored or ordered) are
   dropped altogether — they are neither rewarded nor penalised;
2. every distinct date string becomes a time node (the system's time nodes
   take the gold node when the string is identical, ``2007-10-XX`` and
   ``2007-10`` are different nodes); the events, in line order, become event
   nodes; each gold event gets the next number, and each system event takes
   the number of the gold event with the same string (a string the system
   gives twice takes the gold's later occurrence if there is one — the tool's
   ``list.index(event, first + seen)`` rule, reproduced as is), otherwise a
   fresh number no gold event has;
3. the relations, in this order: each event SIMULTANEOUS with its line's time
   node; then each pair of consecutive events of the sorted, flattened list,
   BEFORE when the first one's rank is smaller, else SIMULTANEOUS.

Each graph is then reduced the way UzZaman's TempEval-3 ``temporal_evaluation``
tool (through its ``relation_to_timegraph`` module) does: relations are added
in that order; an exact repeat is skipped; a relation between two nodes that
are both already in the graph is checked against the closure built so far —
already implied → dropped from the *reduced* graph; contradicted (e.g. a
BEFORE between two events that share a time node, common in the gold where one
date carries several ranks) → not added to the graph but kept in the reduced
list (the tool's ``violated_relations``); otherwise added.  Closure is point
algebra on interval end points (an event is ``[start, end]``; SIMULTANEOUS
equates both ends, BEFORE puts one's end before the other's start), which for
these two relation types comes down to equivalence classes of SIMULTANEOUS and
reachability along BEFORE between the classes.

Temporal awareness (UzZaman & Allen 2011; the tool's default method, not
``acl11`` nor ``implicit_in_recall``): a relation of one side's reduced list
counts as matched when the other side states it literally (either direction,
its raw relations, violated ones included) or when the other side's closure
implies it; precision = matched system relations / system reduced relations,
recall = matched gold relations / gold reduced relations.  The official
``evaluation_all.py`` micro-averages over the targets by summing these four
counts, and so does :func:`score` (over every target of every corpus in the
file; per-corpus and per-target figures go to ``details``).

Where this differs from the official tool
-----------------------------------------

* Closure is computed exactly (union-find plus reachability), where the tool
  uses Gerevini–Schubert style chains with pseudo-times; for the BEFORE /
  SIMULTANEOUS graphs of this task both are meant to give point-algebra
  closure.  No case was found where they differ, but the tool's chain code was
  not run here (no Python 2), so a corner where its chains are incomplete would
  show up as a difference.
* The tool rounds P and R to six decimals before F1 and prints percentages;
  the report gives unrounded fractions (multiply by 100 for the paper's
  scale).
* ``evaluation_all.py`` skips a target with no system file (its gold
  relations then do not count); here every target is scored, an empty system
  timeline scoring 0 with its gold relations in the recall denominator.

The sanity metric ``mention_*`` is P/R/F1 of the set of ``(doc, sentence,
word)`` mentions per target (every rank, rank 0 included), summed over
targets: which events belong on the timeline, ignoring order and dates.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Mapping, Optional, Sequence

from .common import Report, prf, read_jsonl

TASK = "timeline"

BEFORE, AFTER, SIMULTANEOUS = "BEFORE", "AFTER", "SIMULTANEOUS"

#: one timeline line: rank (0 = not anchored), date (``YYYY-MM-DD`` with ``X``
#: for unknown parts), the ``doc-sentence-word`` names of its events
Line = tuple[int, str, tuple[str, ...]]

_DIGITS = re.compile(r"(\d+)", re.ASCII)


# ----------------------------------------------------------------------
# timelines as the official files write them

def event_name(doc: str, sentence: int, word: str) -> str:
    """The official name of an event mention: ``doc-sentence-word``."""
    return f"{doc}-{sentence}-{word}"


def gold_lines(entries: Sequence[dict]) -> list[Line]:
    """The gold file's lines from the benchmark's entries (one entry per
    mention; entries of one line are consecutive and share rank, date, cluster)."""
    lines: list[Line] = []
    key = None
    for e in entries:
        k = (e["rank"], e["date"], e["cluster"])
        name = event_name(e["doc"], e["sentence"], e["mention_text"])
        if k == key:
            r, d, evs = lines[-1]
            lines[-1] = (r, d, evs + (name,))
        else:
            lines.append((int(e["rank"]), e["date"], (name,)))
            key = k
    return lines


def line_text(line: Line) -> str:
    rank, date, events = line
    return "\t".join([str(rank), date, *events])


def to_text(target: str, lines: Iterable[Line]) -> str:
    """A timeline in the official file format (first line: the target)."""
    return "\n".join([target, *(line_text(l) for l in lines)]) + "\n"


def parse_text(text: str) -> list[Line]:
    """Lines of an official timeline file (the header line is skipped)."""
    out: list[Line] = []
    for i, raw in enumerate(text.split("\n")):
        if i == 0 or not raw.strip():
            continue
        parts = raw.rstrip().split("\t")
        if len(parts) < 3:
            continue
        out.append((int(parts[0]), parts[1], tuple(parts[2:])))
    return out


def natural_key(text: str) -> list:
    """The tool's sort key: digit runs compare as numbers."""
    return [int(c) if c.isdigit() else c for c in _DIGITS.split(text)]


def _sorted_anchored(lines: Iterable[Line]) -> list[tuple[int, str, list[str]]]:
    """Lines sorted as the tool sorts them, rank-0 lines dropped."""
    texts = [line_text(l).rstrip() for l in lines]
    texts = [t for t in texts if t.strip()]
    texts.sort(key=natural_key)
    out = []
    for t in texts:
        parts = t.split("\t")
        if len(parts) < 3 or int(parts[0]) == 0:
            continue
        out.append((int(parts[0]), parts[1], parts[2:]))
    return out


# ----------------------------------------------------------------------
# the two TimeML graphs

@dataclass
class TimelineGraph:
    """Nodes and relations (in the order the tool writes its TLINKs)."""

    events: list[str] = field(default_factory=list)  # event names, gold order (gold side)
    times: list[str] = field(default_factory=list)  # date strings, tid order (gold side)
    relations: list[tuple[str, str, str]] = field(default_factory=list)


def gold_graph(lines: Iterable[Line]) -> TimelineGraph:
    g = TimelineGraph()
    ranks: list[int] = []
    tids: list[int] = []
    for rank, date, events in _sorted_anchored(lines):
        if date not in g.times:
            g.times.append(date)
        for ev in events:
            g.events.append(ev)
            ranks.append(rank)
            tids.append(g.times.index(date))
    ids = [f"ei{i + 1}" for i in range(len(g.events))]
    _link(g, ids, tids, ranks)
    return g


def _link(g: "TimelineGraph", ids: list[str], tids: list[int], ranks: list[int]) -> None:
    """The tool's links, in its order: each event to its date, then consecutive events
    (BEFORE across ranks, SIMULTANEOUS within one)."""
    for i, eid in enumerate(ids):
        g.relations.append((eid, f"t{tids[i]}", SIMULTANEOUS))
    for i in range(len(ids) - 1):
        rel = BEFORE if ranks[i] < ranks[i + 1] else SIMULTANEOUS
        g.relations.append((ids[i], ids[i + 1], rel))


def system_graph(lines: Iterable[Line], gold: TimelineGraph) -> TimelineGraph:
    g = TimelineGraph()
    next_tid = len(gold.times) + 1
    next_eid = len(gold.events) + 1
    time_ids: dict[str, int] = {}
    ids: list[str] = []
    tids: list[int] = []
    ranks: list[int] = []
    seen: list[str] = []
    for rank, date, events in _sorted_anchored(lines):
        if date in time_ids:
            tid = time_ids[date]
        elif date in gold.times:
            tid = gold.times.index(date)
        else:
            tid, next_tid = next_tid, next_tid + 1
        time_ids[date] = tid
        for ev in events:
            n_gold = gold.events.count(ev)
            n_seen = seen.count(ev)
            if n_gold == 0:
                eid, next_eid = next_eid, next_eid + 1
            elif n_seen == 0:
                eid = gold.events.index(ev) + 1
            elif n_seen < n_gold:
                # the tool's rule: the first occurrence at or after first + seen
                eid = gold.events.index(ev, gold.events.index(ev) + n_seen) + 1
            else:
                eid, next_eid = next_eid, next_eid + 1
            seen.append(ev)
            ids.append(f"ei{eid}")
            tids.append(tid)
            ranks.append(rank)
    _link(g, ids, tids, ranks)
    return g


# ----------------------------------------------------------------------
# closure and reduction

class Closure:
    """Point-algebra closure of BEFORE / SIMULTANEOUS relations between
    intervals: SIMULTANEOUS classes (union-find) and BEFORE edges between them."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.after: dict[str, set[str]] = defaultdict(set)  # class -> classes right after it

    def __contains__(self, node: str) -> bool:
        return node in self.parent

    def find(self, x: str) -> str:
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def _add_node(self, x: str) -> None:
        if x not in self.parent:
            self.parent[x] = x

    def precedes(self, x: str, y: str) -> bool:
        """Is x (strictly) before y, i.e. a BEFORE path from x's class to y's?"""
        a, b = self.find(x), self.find(y)
        if a == b:
            return False
        stack, seen = [a], {a}
        while stack:
            c = stack.pop()
            for d in self.after.get(c, ()):
                d = self.find(d)
                if d == b:
                    return True
                if d not in seen:
                    seen.add(d)
                    stack.append(d)
        return False

    def relation(self, x: str, y: str) -> Optional[str]:
        """The relation the closure implies between x and y, or None."""
        if x not in self or y not in self:
            return None
        if self.find(x) == self.find(y):
            return SIMULTANEOUS
        if self.precedes(x, y):
            return BEFORE
        if self.precedes(y, x):
            return AFTER
        return None

    def implies(self, x: str, y: str, rel: str) -> bool:
        return self.relation(x, y) == rel

    def add(self, x: str, y: str, rel: str) -> None:
        self._add_node(x)
        self._add_node(y)
        if rel == AFTER:
            x, y, rel = y, x, BEFORE
        a, b = self.find(x), self.find(y)
        if rel == SIMULTANEOUS:
            if a != b:
                self.parent[b] = a
                self.after[a] |= self.after.pop(b, set())
        else:
            self.after[a].add(b)


def reduce_graph(relations: Sequence[tuple[str, str, str]]) -> tuple[list[tuple[str, str, str]], Closure]:
    """The tool's ``final_relations`` (reduced list, violated relations kept)
    and the closure of the consistent part, adding relations in order."""
    closure = Closure()
    final: list[tuple[str, str, str]] = []
    handled: set[tuple[str, str, str]] = set()
    for x, y, rel in relations:
        if (x, y, rel) in handled:
            continue
        handled.add((x, y, rel))
        if x == y and rel != SIMULTANEOUS:
            final.append((x, y, rel))  # violated
            continue
        if x in closure and y in closure:
            now = closure.relation(x, y)
            if now == rel:
                continue  # implied: not part of the reduced graph
            if now is not None:
                final.append((x, y, rel))  # contradicts the closure: violated, kept
                continue
        closure.add(x, y, rel)
        final.append((x, y, rel))
    return final, closure


def _inverse(rel: str) -> str:
    return {BEFORE: AFTER, AFTER: BEFORE}.get(rel, rel)


def _matched(mine: Sequence[tuple[str, str, str]], raw_other: Sequence[tuple[str, str, str]],
             other: Closure) -> int:
    literal = set(raw_other) | {(y, x, _inverse(r)) for x, y, r in raw_other}
    return sum(1 for x, y, rel in mine if (x, y, rel) in literal or other.implies(x, y, rel))


@dataclass
class Counts:
    """Temporal-awareness counts of one target (or a sum of targets)."""

    prec_matched: int = 0
    system: int = 0
    rec_matched: int = 0
    gold: int = 0

    def __iadd__(self, other: "Counts") -> "Counts":
        self.prec_matched += other.prec_matched
        self.system += other.system
        self.rec_matched += other.rec_matched
        self.gold += other.gold
        return self

    def prf(self) -> tuple[float, float, float]:
        p = self.prec_matched / self.system if self.system else 0.0
        r = self.rec_matched / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


def awareness(gold: Iterable[Line], system: Iterable[Line]) -> Counts:
    """Temporal-awareness counts of one system timeline against its gold."""
    g = gold_graph(gold)
    s = system_graph(system, g)
    g_final, g_closure = reduce_graph(g.relations)
    s_final, s_closure = reduce_graph(s.relations)
    return Counts(prec_matched=_matched(s_final, g.relations, g_closure), system=len(s_final),
                  rec_matched=_matched(g_final, s.relations, s_closure), gold=len(g_final))


def _mentions(lines: Iterable[Line]) -> set[str]:
    return {ev for _, _, evs in lines for ev in evs}


# ----------------------------------------------------------------------
# scoring

def score(gold: Mapping[str, Mapping[str, Sequence[Line]]],
          system: Mapping[str, Mapping[str, Sequence[Line]]], *, file: str = "") -> Report:
    """Score system timelines against gold ones.

    ``gold`` and ``system`` map a corpus id to ``{target: lines}``; a target
    missing from ``system`` scores as an empty timeline.
    """
    total = Counts()
    m_tp = m_pred = m_gold = 0
    details: list[str] = []
    n = 0
    for corpus, targets in gold.items():
        corpus_counts = Counts()
        rows = []
        for target, g_lines in targets.items():
            s_lines = (system.get(corpus) or {}).get(target) or []
            c = awareness(g_lines, s_lines)
            corpus_counts += c
            gm, sm = _mentions(g_lines), _mentions(s_lines)
            m_tp += len(gm & sm)
            m_pred += len(sm)
            m_gold += len(gm)
            p, r, f = c.prf()
            mp, mr, mf = prf(len(gm & sm), len(sm), len(gm))
            rows.append(f"    {target:<26} F1 {100 * f:5.2f}  P {100 * p:5.2f}  R {100 * r:5.2f}"
                        f"  (gold {c.gold} rel, system {c.system} rel; mentions {len(gm & sm)}/{len(gm)} gold,"
                        f" {len(sm)} system, F1 {100 * mf:5.2f})")
            n += 1
        total += corpus_counts
        p, r, f = corpus_counts.prf()
        details.append(f"  {corpus}: F1 {100 * f:.2f}  P {100 * p:.2f}  R {100 * r:.2f}"
                       f"  (micro over {len(targets)} targets)")
        details.extend(rows)
    p, r, f = total.prf()
    mp, mr, mf = prf(m_tp, m_pred, m_gold)
    metrics = {"f1": f, "precision": p, "recall": r,
               "mention_f1": mf, "mention_precision": mp, "mention_recall": mr,
               "gold_relations": total.gold, "system_relations": total.system}
    details.insert(0, "temporal awareness per corpus and target (percent, as the task reports it):")
    return Report(task=TASK, file=file, n=n, metrics=metrics, details=details)


def evaluate(path: str | Path, *, analyzer=None, limit: Optional[int] = None) -> Report:
    """Build timelines with our pipeline for every corpus of the file and score them.

    ``limit`` caps the number of corpora (lines) read.
    """
    from ..resolve.entity_timeline import build_timelines

    records = []
    for record in read_jsonl(path):
        records.append(record)
        if limit is not None and len(records) >= limit:
            break
    if analyzer is None:
        from ..nlp.pipeline import Analyzer

        analyzer = Analyzer()
    gold: dict[str, dict[str, list[Line]]] = {}
    system: dict[str, dict[str, list[Line]]] = {}
    for record in records:
        cid = record["id"]
        gold[cid] = {t["target"]: gold_lines(t["entries"]) for t in record["timelines"]}
        targets = list(dict.fromkeys([*record.get("target_entities", []), *gold[cid]]))
        built = build_timelines(record["documents"], targets, nlp=analyzer.nlp)
        system[cid] = {t: [(e.rank, e.date, tuple(e.names)) for e in built.get(t, [])] for t in targets}
    return score(gold, system, file=str(path))


__all__ = ["Line", "Counts", "Closure", "awareness", "score", "evaluate", "gold_lines", "to_text",
           "parse_text", "event_name", "reduce_graph", "gold_graph", "system_graph", "natural_key"]
