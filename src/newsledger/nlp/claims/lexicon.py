"""The reporting-verb lexicon (``resources/reporting_verbs.tsv``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str
    frames: frozenset[str]  # C (clause / quote), O (object complement), X (infinitive)
    kind: str  # speech | belief | evidence | intent | evaluation


def parse_lexicon(text: str) -> dict[str, Cue]:
    """Parse the TSV text; a lemma listed twice gets the union of its frames."""
    out: dict[str, Cue] = {}
    header_seen = False
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = line.rstrip("\n").split("\t")
        if not header_seen and cols[0] == "lemma":
            header_seen = True
            continue
        lemma = cols[0].strip().lower()
        frames = frozenset(cols[1].strip().upper()) if len(cols) > 1 else frozenset("C")
        kind = cols[2].strip() if len(cols) > 2 and cols[2].strip() else "speech"
        if lemma in out:
            old = out[lemma]
            out[lemma] = Cue(lemma, old.frames | frames, old.kind)
        else:
            out[lemma] = Cue(lemma, frames, kind)
    return out


@lru_cache(maxsize=1)
def reporting_verbs() -> dict[str, Cue]:
    """The packaged lexicon, lemma → :class:`Cue` (read once)."""
    text = resources.files("newsledger.resources").joinpath("reporting_verbs.tsv").read_text("utf-8")
    return parse_lexicon(text)
