"""Word sets for comparing the sentences of two items, cheaply.

A sentence becomes the set of its content words, each cut to a six-letter
stem ("withdrew" and "withdrawal" both give "withdr"): coarse on purpose,
and fast.

>>> sorted(content_words("The troops withdrew from the border on Monday."))
['border', 'monday', 'troops', 'withdr']
>>> round(jaccard({"a", "b"}, {"b", "c"}), 3), overlap({"a", "b"}, {"b"})
(0.333, 1.0)
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
STEM = 6


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return word[:STEM]


def content_words(text: str) -> frozenset[str]:
    """Lower-cased content words of a text (stop words out), stemmed."""
    out = set()
    for m in _WORD.finditer(text.lower()):
        w = m.group().strip("'\u2019-")
        if len(w) > 2 and w not in STOP_WORDS:
            out.add(_stem(w))
    return frozenset(out)


def jaccard(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    if not a or not b:
        return 0.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def overlap(a: frozenset[str] | set[str], b: frozenset[str] | set[str]) -> float:
    """Shared words over the smaller set's size."""
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))
