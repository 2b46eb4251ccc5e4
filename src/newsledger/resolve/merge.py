"""Run the cross-document stage on a store: ``merge_store(store)``.

Reads every stored ledger; writes, in one transaction that replaces what an
earlier merge wrote, the tables ``merged_actors``, ``actor_merges``,
``merged_events``, ``merged_event_mentions``, ``contested``,
``contradictions`` and ``contradiction_sides``.  Steps, each in its module:

1. :mod:`~newsledger.resolve.anchoring` — documents whose event-anchored
   phrases another document dates are analysed again (needs the model; off
   with ``anchor=False``);
2. :mod:`~newsledger.resolve.actors` — actors merged;
3. :mod:`~newsledger.resolve.events` — event mentions merged into happenings,
   their dates chosen, date disagreements kept;
4. :mod:`~newsledger.resolve.figures` — the same figure with values that
   cannot both be true;
5. :mod:`~newsledger.resolve.claims` — contested claims;
6. the documents' own date inconsistencies, as contradictions inside one source.

The merge is a pure function of the stored ledgers: a stamp of them
(:func:`stamp`) is kept in ``meta`` and :func:`ensure_merged` merges again
only when it changed.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable, Optional

from ..model import Actor, to_dict
from . import anchoring
from .actors import ActorMerger
from .claims import find_contested, item_of, pairs_to_rows
from .events import EventMerger, mentions_of
from .figures import Figure, find_conflicts
from .text import content_words

METHODS = ("words", "embedding")


@dataclass
class MergeReport:
    documents: int = 0
    reanalysed: int = 0
    actors: int = 0
    actors_merged: int = 0
    mentions: int = 0
    events: int = 0
    contested: int = 0
    contradictions: int = 0
    seconds: float = 0.0
    method: str = "words"
    timings: dict[str, float] = field(default_factory=dict)

    def format(self) -> str:
        return (f"merged {self.documents} documents in {self.seconds:.1f} s: "
                f"{self.mentions} event mentions -> {self.events} events; "
                f"{self.actors_merged} actor ids -> {self.actors} actors; "
                f"{self.contested} contested claim pairs; {self.contradictions} contradictions"
                + (f"; {self.reanalysed} documents re-dated from others" if self.reanalysed else ""))


def stamp(store, method: str = "words") -> str:
    """A hash of the stored ledgers (and the method): unchanged means nothing to merge."""
    h = hashlib.sha256(method.encode())
    for (digest,) in store.conn.execute("SELECT ledger_hash FROM documents ORDER BY id"):
        h.update(digest.encode())
    return h.hexdigest()[:20]


def is_merged(store, method: Optional[str] = None) -> bool:
    row = store.conn.execute("SELECT value FROM meta WHERE key = 'merge_stamp'").fetchone()
    if row is None:
        return False
    if method is None:
        m = store.conn.execute("SELECT value FROM meta WHERE key = 'merge_method'").fetchone()
        method = m[0] if m else "words"
    return row[0] == stamp(store, method)


def ensure_merged(store, **kwargs) -> Optional[MergeReport]:
    """Merge when the stored ledgers changed since the last merge (or never merged)."""
    if is_merged(store, kwargs.get("method")):
        return None
    return merge_store(store, **kwargs)


def _default_analyzer():
    from ..nlp.pipeline import Analyzer

    return Analyzer()


def merge_store(store, *, method: str = "words", anchor: bool = True,
                analyzer_factory: Callable[[], object] = _default_analyzer,
                progress: Optional[Callable[[str], None]] = None) -> MergeReport:
    """Merge every document of ``store`` (see the module docstring)."""
    if method not in METHODS:
        raise ValueError(f"unknown merge method {method!r}; choose one of {', '.join(METHODS)}")
    similar = None
    if method == "embedding":
        from .embed import EmbeddingSimilarity

        similar = EmbeddingSimilarity()
    say = progress or (lambda _msg: None)
    t0 = time.perf_counter()
    report = MergeReport(method=method)
    say("reading ledgers")
    ledgers: list[dict] = [json.loads(raw) for (raw,) in store.conn.execute(
        "SELECT l.json FROM ledgers l JOIN documents d ON d.id = l.doc_id ORDER BY d.published, d.id")]
    t = time.perf_counter()
    report.timings["read"] = t - t0
    if anchor:
        say("anchoring event-dated phrases across documents")
        redone = anchoring.anchor_across(ledgers, analyzer_factory)
        if redone:
            for ledger in redone:
                store.write(ledger)
            fresh = {led.document.id: json.loads(json.dumps(to_dict(led), ensure_ascii=False)) for led in redone}
            ledgers = [fresh.get(led["document"]["id"], led) for led in ledgers]
        report.reanalysed = len(redone)
    report.timings["anchoring"] = time.perf_counter() - t
    t = time.perf_counter()

    # 1. actors; the event mentions with the documents' own actor ids
    actors = ActorMerger()
    raw_mentions = []
    for led in ledgers:
        doc = led["document"]
        actors.add(doc["id"], [Actor(a["id"], a["name"], a["kind"], a.get("country"), a.get("aliases") or [])
                               for a in led.get("actors") or []])
        raw_mentions.append(mentions_of(led, lambda a: a))
        led["actors"] = led["timexes"] = led["places"] = led["events"] = None
    report.documents = len(ledgers)
    merged_actors = actors.merge()
    report.actors, report.actors_merged = len(merged_actors), len(actors.seen)
    canonical = actors.canonical
    report.timings["actors"] = time.perf_counter() - t
    t = time.perf_counter()

    # 2. events
    say("merging events")
    mentions = [m for ms in raw_mentions for m in ms]
    for m in mentions:
        m.sources = frozenset(canonical(a) for a in m.sources)
        m.targets = frozenset(canonical(a) for a in m.targets)
    report.mentions = len(mentions)
    events = EventMerger().merge(mentions)
    report.events = len(events)
    report.timings["events"] = time.perf_counter() - t
    t = time.perf_counter()

    # 3. figures and claims, with the merged events their documents report
    shared_events: dict[str, set[str]] = defaultdict(set)
    spans_by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for ev in events:
        for m in ev.mentions:
            spans_by_doc[m.doc].append((m.evidence[0], m.evidence[1], ev.id))
            if ev.n_articles > 1:
                shared_events[m.doc].add(ev.id)
    figures: list[Figure] = []
    claim_items = []
    for led in ledgers:
        doc = led["document"]
        spans = spans_by_doc.get(doc["id"], [])
        for i, q in enumerate(led.get("quantities") or []):
            sent = q.get("sentence") or q["evidence"]
            figures.append(Figure(
                doc=doc["id"], seq=i, value=q["value"], unit=q.get("unit"), counts=q.get("counts"),
                approx=q.get("approx"), change=q.get("change"),
                evidence=(q["evidence"]["start"], q["evidence"]["end"], q["evidence"]["text"]),
                time=(q.get("time") or {}).get("value"), published=doc.get("published"),
                words=content_words(sent["text"]), hedge=q.get("hedge"),
                events=frozenset(e for s, en, e in spans if s < sent["end"] and sent["start"] < en)))
        evs = frozenset(shared_events.get(doc["id"], ()))
        for i, c in enumerate(led.get("claims") or []):
            item = item_of(doc["id"], i, c, canonical, evs)
            if item is not None:
                claim_items.append(item)
    say("finding contradictions and contested claims")
    conflicts = find_conflicts(figures)
    contested = find_contested(claim_items, similar=similar)
    report.timings["findings"] = time.perf_counter() - t
    t = time.perf_counter()

    # 4. write
    say("writing the merged ledger")
    n_contra = _write(store, merged_actors, actors, events, conflicts, contested, ledgers, method)
    report.contested, report.contradictions = len(contested), n_contra
    report.timings["write"] = time.perf_counter() - t
    report.seconds = time.perf_counter() - t0
    return report


def _write(store, merged_actors, actors, events, conflicts, contested, ledgers, method) -> int:
    c = store.conn
    with store.transaction():
        for table in ("contradiction_sides", "contradictions", "contested", "merged_event_mentions",
                      "merged_events", "actor_merges", "merged_actors"):
            c.execute(f"DELETE FROM {table}")  # fixed table names, no user input
        c.executemany("INSERT INTO merged_actors VALUES (?,?,?,?,?,?)",
                      [(a.id, a.name, a.kind, a.country, json.dumps(a.aliases, ensure_ascii=False), a.n_documents)
                       for a in merged_actors.values()])
        c.executemany("INSERT INTO actor_merges VALUES (?,?)", sorted(actors.mapping.items()))
        c.executemany("INSERT INTO merged_events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                      [(e.id, e.type, e.mode, e.modality, e.time, e.time_how, int(e.date_disputed), e.place,
                        e.lat, e.lon, e.cameo_root, e.intensity, json.dumps(e.sources), json.dumps(e.targets),
                        e.n_mentions, e.n_sources, e.n_articles) for e in events])
        c.executemany("INSERT INTO merged_event_mentions VALUES (?,?,?)",
                      [(e.id, m.doc, m.seq) for e in events for m in e.mentions])
        c.executemany("INSERT INTO contested (a_doc, a_seq, b_doc, b_seq, about) VALUES (?,?,?,?,?)",
                      pairs_to_rows(contested))
        n = 0
        names = {a.id: a.name for a in merged_actors.values()}
        for e in events:
            if not e.date_disputed:
                continue
            who = ", ".join(names.get(a, a) for a in (e.sources + e.targets)[:3])
            about = f"date of {e.type or 'the happening'} ({e.mentions[0].trigger}{': ' + who if who else ''})"
            sides = []
            for value, ms in sorted(e.date_sides.items()):
                seen_docs = set()
                for m in ms:
                    if m.doc not in seen_docs:
                        seen_docs.add(m.doc)
                        sides.append((m.doc, value, *m.evidence))
            n += _contradiction(c, "date", about, sides)
        for fc in conflicts:
            values = " vs ".join(dict.fromkeys(f.shown() for f in fc.figures))
            what = fc.thing.replace("|", " ").strip()
            sides = [(f.doc, f.shown(), *f.evidence) for f in fc.figures]
            n += _contradiction(c, "figure", f"{what}: {values}", sides)
        for led in ledgers:
            doc_id = led["document"]["id"]
            for inc in led.get("inconsistencies") or []:
                about = inc.get("message") or f"{inc.get('kind')} given two ways in one text"
                sides = [(doc_id, inc.get("a_value"), inc["a"]["start"], inc["a"]["end"], inc["a"]["text"]),
                         (doc_id, inc.get("b_value"), inc["b"]["start"], inc["b"]["end"], inc["b"]["text"])]
                kind = inc.get("kind") if inc.get("kind") in ("date", "figure") else "other"
                n += _contradiction(c, kind, about, sides)
        c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('merge_stamp', ?)", (stamp(store, method),))
        c.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('merge_method', ?)", (method,))
    return n


def _contradiction(c, kind: str, about: str, sides: list[tuple]) -> int:
    cur = c.execute("INSERT INTO contradictions (kind, about) VALUES (?, ?)", (kind, about))
    cid = cur.lastrowid
    c.executemany("INSERT INTO contradiction_sides VALUES (?,?,?,?,?,?,?)",
                  [(cid, i, *side) for i, side in enumerate(sides)])
    return 1
