"""Contested claims: two speakers who say opposite things about one matter.

Reads claims (:class:`ClaimItem`, built from each ``DocLedger.claims`` with
merged speaker ids); writes :class:`ContestedPair` items.

Two claims are *about the same matter* when they share content words
(:data:`MIN_SHARED` of them, and :data:`SAME_SHARE` of the smaller
claim's words), or — for
claims of blame — when they come from one document or from documents that
report one merged event.  They *oppose* each other when

1. **polarity**: one is negated and the other is not ("the troops did not
   leave" / "the troops left"; a denial's cue counts: "denied that the
   troops left");
2. **stance**: one speaker is for, the other against, the same thing
   ("praised the deal" / "condemned the deal");
3. **opposite words**: one says a word whose opposite the other says
   (``resources/opposites.tsv``: "left voluntarily" / "forced
   resettlement");
4. **blame**: both assign fault ("fault", "to blame", "responsible",
   "guilty") to different parties ("it is X's fault" / "Y's troops were
   responsible").

Speakers must differ (by merged actor, else by name); an unattributed claim is
never contested.  The default method is this word-level one (no model, no
download); ``method="embedding"`` uses sentence embeddings to decide the same
matter when the optional model is installed (:mod:`newsledger.resolve.embed`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterable, Optional, Sequence

from ..resources import read_tsv
from .names import fold
from .text import STEM, content_words

MIN_SHARED = 2
#: ... and at least this share of the smaller claim's words
SAME_SHARE = 0.4
#: words of blame (six-letter stems, as :func:`content_words` gives them)
BLAME = frozenset({"fault", "blame", "blamed", "respon", "guilty", "culpri", "caused"})
#: words that say nothing about the matter itself
_GENERIC = frozenset({"said", "says", "say", "saying", "told", "claim", "claime", "believ", "think",
                      "accord", "stated", "statem", "added", "noted", "people", "year", "years", "time"})
_NEGATION = re.compile(r"(?:\b(?:not|never|no|nobody|nothing|neither|nor)\b(?!\s+(?:only|just|merely|least)\b)"
                       r"|n['\u2019]t\b)", re.I)
_NAME = re.compile(r"\b[A-Z][\w'\u2019-]+")
_POSSESSIVE = re.compile(r"['\u2019]s$")


@dataclass
class ClaimItem:
    doc: str
    seq: int
    speaker: str             # merged actor id, else the folded speaker name
    speaker_name: Optional[str]
    text: str
    negated: bool
    stance: Optional[str]
    words: frozenset[str]
    events: frozenset[str] = frozenset()  # merged events the claim's document reports

    @property
    def key(self) -> str:
        return f"{self.doc}:c{self.seq}"


@dataclass
class ContestedPair:
    a: ClaimItem
    b: ClaimItem
    why: str        # polarity | stance | opposites | blame
    about: str      # what they disagree about, in words


@lru_cache(maxsize=1)
def opposites() -> dict[str, frozenset[str]]:
    """Stem -> the stems of its opposites (both ways)."""
    table: dict[str, set[str]] = defaultdict(set)
    for row in read_tsv("opposites.tsv"):
        if row[0] == "word" or len(row) < 2:
            continue
        a = row[0].lower()[:STEM]
        for b in row[1].split(","):
            b = b.strip().lower()[:STEM]
            if b:
                table[a].add(b)
                table[b].add(a)
    return {k: frozenset(v) for k, v in table.items()}


def _blamed(text: str) -> frozenset[str]:
    """The names a claim of blame points at (capitalised words, folded)."""
    names = set()
    for i, m in enumerate(_NAME.finditer(text)):
        if m.start() == 0 and not _POSSESSIVE.search(m.group()):
            continue  # a sentence's first word is capitalised anyway
        names.add(fold(_POSSESSIVE.sub("", m.group()))[:5])
    return frozenset(names)


def item_of(doc_id: str, seq: int, claim: dict, canonical: Callable[[Optional[str]], Optional[str]],
            events: frozenset[str] = frozenset()) -> Optional[ClaimItem]:
    """A claim (its contract JSON, parsed) as the finder sees it (``None`` for
    an unattributed claim)."""
    actor, name = claim.get("speaker_actor"), claim.get("speaker_name")
    speaker = canonical(actor) if actor else None
    if speaker is None and name:
        speaker = "name:" + fold(name)
    if speaker is None:
        return None
    text = claim["content"]["text"]
    words = content_words(text) - _GENERIC
    negated = bool(claim.get("negated")) != bool(_NEGATION.search(text))
    return ClaimItem(doc=doc_id, seq=seq, speaker=speaker, speaker_name=name, text=text, negated=negated,
                     stance=claim.get("stance"), words=words, events=events)


def _same_matter(a: ClaimItem, b: ClaimItem, similar: Optional[Callable[[ClaimItem, ClaimItem], bool]]) -> bool:
    if similar is not None:
        return similar(a, b)
    shared = len(a.words & b.words)
    smaller = min(len(a.words), len(b.words))
    return shared >= MIN_SHARED and shared >= SAME_SHARE * smaller


def _related(a: ClaimItem, b: ClaimItem) -> bool:
    return a.doc == b.doc or bool(a.events & b.events)


def oppose(a: ClaimItem, b: ClaimItem, similar=None) -> Optional[ContestedPair]:
    """The pair, if ``a`` and ``b`` contest each other (see the module docstring)."""
    if a.speaker == b.speaker:
        return None
    shared = sorted(a.words & b.words)
    same = _same_matter(a, b, similar)
    if same and a.negated != b.negated:
        return ContestedPair(a, b, "polarity", " ".join(shared))
    if same and a.stance and b.stance and a.stance != b.stance:
        return ContestedPair(a, b, "stance", " ".join(shared))
    table = opposites()
    for w in a.words:
        opp = table.get(w)
        if not opp or not (opp & b.words) or (opp & a.words) or w in b.words:
            continue  # "withdrew or stayed" says both: no side taken
        if same or (_related(a, b) and (shared or a.doc == b.doc)):
            pair = f"{w} / {sorted(opp & b.words)[0]}"
            return ContestedPair(a, b, "opposites", pair + (" (" + " ".join(shared) + ")" if shared else ""))
    if a.words & BLAME and b.words & BLAME and (same or _related(a, b)):
        ba, bb = _blamed(a.text), _blamed(b.text)
        if ba and bb and not (ba & bb):
            return ContestedPair(a, b, "blame", "who is to blame" + (": " + " ".join(shared) if shared else ""))
    return None


def find_contested(items: Sequence[ClaimItem], *, similar=None, max_pairs: int = 5_000_000) -> list[ContestedPair]:
    """Every contested pair among the claims (each unordered pair once; a
    claim repeated word for word by its speaker in many articles takes part
    through its first telling).

    Candidates are claims that share a content word (an inverted index), plus
    claims of blame in related documents, so the work grows with the
    corpus's overlap, not its square.  ``similar`` replaces the word-overlap
    test of the same matter (see :mod:`newsledger.resolve.embed`)."""
    # the same words by the same speaker, reported by many articles: compared once,
    # through its first telling
    firsts: dict[tuple, ClaimItem] = {}
    for it in items:
        firsts.setdefault((it.speaker, it.words, it.negated, it.stance), it)
    items = list(firsts.values())
    if similar is not None and hasattr(similar, "prepare"):
        similar.prepare(items)
    index: dict[str, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        for w in it.words:
            index[w].append(i)
    table = opposites()
    out: list[ContestedPair] = []
    seen: set[tuple[int, int]] = set()
    budget = max_pairs
    for i, a in enumerate(items):
        cands: set[int] = set()
        for w in a.words:
            post = index[w]
            if len(post) <= 2000:
                cands.update(post)
            for o in table.get(w, ()):
                cands.update(index.get(o, ()))
        if a.words & BLAME:
            for w in BLAME:
                cands.update(index.get(w, ()))
        for j in sorted(cands):
            if j <= i or (i, j) in seen:
                continue
            seen.add((i, j))
            budget -= 1
            if budget < 0:
                return out
            pair = oppose(a, items[j], similar)
            if pair is not None:
                out.append(pair)
    return out


def pairs_to_rows(pairs: Iterable[ContestedPair]) -> list[tuple[str, int, str, int, str]]:
    return [(p.a.doc, p.a.seq, p.b.doc, p.b.seq, f"{p.why}: {p.about}".strip()) for p in pairs]
