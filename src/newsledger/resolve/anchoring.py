"""Cross-document time anchoring: "just before the invasion" in one article,
dated by another article that says when the invasion happened.

Reads the stored ledgers; rewrites the documents it re-dates.

1. **Dated happenings of the corpus.** An event whose date is stated in its
   own clause (``time.how == "explicit"``) and whose trigger is an event noun
   ("the offensive") or a verb with one ("invaded" → "invasion") dates that
   noun, for texts that name one of its actors (the context that keeps "the
   invasion" of one war from dating another's).  Where articles disagree,
   the date given by most of them wins; a tie dates nothing.
2. **Texts that need it.** A document holding "<before/after/since/...> the
   <noun>" that its own analysis left undated (no time expression there).
3. Those documents are analysed again with the corpus's dates added to the
   known-events table (:meth:`KnownEvents.register_event_date`); the rest is
   left alone.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable, Optional

from ..nlp.timex.events import EVENT_NOUNS, PREP, KnownEvents, default_table

#: verbs (their first five letters) whose happening an event noun names
NOMINAL = {"invad": "invasion", "attac": "attack", "assau": "assault", "withd": "withdrawal",
           "evacu": "evacuation", "annex": "annexation", "occup": "occupation", "elect": "election",
           "resig": "resignation", "bombe": "bombing", "bomba": "bombing", "shell": "shelling",
           "block": "blockade", "besie": "siege", "sign": "signing", "signe": "signing", "inaug": "inauguration",
           "raide": "raid", "strik": "strike", "struc": "strike", "colla": "collapse", "massa": "massacre",
           "launc": "offensive", "explo": "explosion"}

_NOUN_RX_CACHE: dict[frozenset, re.Pattern] = {}
#: the dates a phrase can be given: a day, a month or a year
_DATE = re.compile(r"^\d{4}(?:-\d\d(?:-\d\d)?)?$")


@dataclass
class DatedNoun:
    noun: str
    value: str
    context: tuple[str, ...]
    doc: str


def _noun_of(trigger: str) -> Optional[str]:
    w = trigger.lower().split()[-1] if trigger.split() else ""
    if w in EVENT_NOUNS:
        return w
    if w.endswith("s") and w[:-1] in EVENT_NOUNS:
        return w[:-1]
    return NOMINAL.get(w[:5])


def dated_nouns(ledger: dict) -> list[DatedNoun]:
    """Event nouns a stored ledger (contract JSON) dates in their own clause."""
    doc_id = ledger["document"]["id"]
    out = []
    for e in ledger.get("events") or []:
        t = e.get("time") or {}
        if t.get("how") not in ("explicit", "dct") or t.get("mod") or not t.get("value") or e.get("modality") not in ("asserted", "reported"):
            continue
        noun = _noun_of((e.get("trigger") or {}).get("text", ""))
        if noun is None:
            continue
        names = [a["text"] for a in (e.get("source_actors") or []) + (e.get("target_actors") or []) if a.get("text")]
        value = t["value"].split("T")[0]
        if names and _DATE.match(value):
            out.append(DatedNoun(noun, value, tuple(names), doc_id))
    return out


def corpus_table(found: list[DatedNoun]) -> tuple[KnownEvents, set[str]]:
    """The known-events table plus the corpus's agreed dates, and the nouns added."""
    by_noun: dict[str, list[DatedNoun]] = defaultdict(list)
    for d in found:
        by_noun[d.noun].append(d)
    table = default_table().copy()
    added = set()
    for noun, ds in by_noun.items():
        votes = Counter()
        for value in {(d.doc, d.value) for d in ds}:
            votes[value[1]] += 1
        ranked = votes.most_common(2)
        if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
            continue  # the corpus is split: date nothing
        context = sorted({c for d in ds for c in d.context})
        table.register_event_date("the " + noun, ranked[0][0], context=context, name=f"the {noun} (corpus)")
        added.add(noun)
    return table, added


def _needs(ledger: dict, nouns: set[str], givers: set[str]) -> bool:
    """Whether a document has an undated "<prep> the <noun>" for a corpus noun."""
    doc = ledger["document"]
    if doc["id"] in givers or not nouns:
        return False
    key = frozenset(nouns)
    rx = _NOUN_RX_CACHE.get(key)
    if rx is None:
        alt = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
        rx = _NOUN_RX_CACHE[key] = re.compile(
            r"(?<!\w)(?:" + PREP + r")\s+the\s+(?:[\w'\u2019-]+\s+){0,2}?(?:" + alt + r")s?(?!\w)", re.I)
    text = doc["text"]
    low = text.lower()
    if not any(n in low for n in nouns):
        return False
    covered = [(t["start"], t["end"]) for t in ledger.get("timexes") or []]
    for m in rx.finditer(text):
        if not any(s <= m.start() < e or s < m.end() <= e for s, e in covered):
            return True
    return False


def anchor_across(ledgers: list[dict], analyzer_factory: Callable[[], object]) -> list:
    """Re-date documents from each other (see the module docstring).

    ``ledgers`` are stored ledgers (contract JSON, parsed); returns the new
    :class:`~newsledger.model.DocLedger` of each document analysed again."""
    from ..model import DocLedger, from_dict

    found: list[DatedNoun] = []
    for ledger in ledgers:
        found.extend(dated_nouns(ledger))
    if not found:
        return []
    table, nouns = corpus_table(found)
    givers = {d.doc for d in found}
    todo = [from_dict(DocLedger, ledger).document for ledger in ledgers if _needs(ledger, nouns, givers)]
    if not todo:
        return []
    analyzer = analyzer_factory()
    return list(analyzer.analyze_documents(todo, known_events=table))
