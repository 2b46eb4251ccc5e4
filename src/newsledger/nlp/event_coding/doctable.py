"""What the event coder reads of every token, read once per Doc.

Reads the Doc's part-of-speech tags, dependency labels, lemmas, lower-case
forms and heads (as arrays) and its sentences; writes nothing.  The coder picks
the few tokens that may be an event's trigger from these arrays before it makes
spaCy Token objects for them (each ``doc[i]``, ``tok.head``, ``tok.children`` or
``tok.sent`` makes new Python objects, which is what most of the stage's time
went to), and walks the tree by head indices.  The strings of the array ids are
remembered across Docs, in a bounded memory.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cached_property
from typing import Iterable

import numpy as np
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, POS
from spacy.strings import StringStore
from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

#: the most strings the memories below hold before they start afresh
MEMORY_LIMIT = 200_000

_SYMBOLS = StringStore()
#: string by its id in the token arrays (ids are the same in every vocabulary)
_STRINGS: dict[int, str] = {}
#: lower-cased string by its id (lemmas are compared lower-cased)
_LOWERED: dict[int, str] = {}


def _strings(ids: list[int], strings: StringStore, lowered: bool = False) -> list[str]:
    """The strings of ``ids`` (remembered per id; the memory is bounded)."""
    memo = _LOWERED if lowered else _STRINGS
    try:
        return list(map(memo.__getitem__, ids))
    except KeyError:          # a string not seen before
        if len(memo) > MEMORY_LIMIT:
            memo.clear()
        for key in set(ids).difference(memo):
            memo[key] = strings[key].lower() if lowered else strings[key]
        return list(map(memo.__getitem__, ids))


def _any_of(column: np.ndarray, words: Iterable[str]) -> np.ndarray:
    """Where ``column`` (of ids) holds one of ``words``."""
    mask = np.zeros(len(column), dtype=bool)
    for w in words:
        mask |= column == _SYMBOLS[w]
    return mask


class DocTable:
    """The token arrays of one Doc: ``head`` (each token's head's index) as a list, the
    sentences, and the string attributes of chosen tokens (:meth:`attributes`)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        n = len(doc)
        self._table = doc.to_array([POS, DEP, LEMMA, LOWER, HEAD]).reshape(n, 5)
        self.head: list[int] = (np.arange(n) + self._table[:, 4].astype("int64")).tolist()
        #: the tokens of a lower-case form, by the form (filled as asked)
        self._lower_at: dict[str, list[int]] = {}

    # -- choosing tokens --------------------------------------------------------

    def with_pos(self, tags: Iterable[str], not_deps: Iterable[str] = ()) -> list[int]:
        """The tokens whose ``pos_`` is one of ``tags`` and whose ``dep_`` is none of
        ``not_deps``, in order."""
        mask = _any_of(self._table[:, 0], tags)
        if not_deps:
            mask &= ~_any_of(self._table[:, 1], not_deps)
        return np.flatnonzero(mask).tolist()

    def with_lower(self, word: str, start: int, end: int) -> list[int]:
        """The tokens in ``[start, end)`` whose lower-case form is ``word``, in order."""
        found = self._lower_at.get(word)
        if found is None:
            found = self._lower_at[word] = np.flatnonzero(self._table[:, 3] == _SYMBOLS[word]).tolist()
        return within(found, start, end)

    def attributes(self, indices: list[int]) -> list[tuple[int, str, str, str, str]]:
        """(index, ``pos_``, ``dep_``, lower-cased ``lemma_``, ``lower_``) of the tokens
        at ``indices``."""
        if not indices:
            return []
        rows = self._table[indices, :2]
        strings = self.doc.vocab.strings
        pos = _strings(rows[:, 0].tolist(), strings)
        dep = _strings(rows[:, 1].tolist(), strings)
        return [(i, p, d, lemma, lower) for (i, lemma, lower), p, d in zip(self.forms(indices), pos, dep)]

    def forms(self, indices: list[int]) -> list[tuple[int, str, str]]:
        """(index, lower-cased ``lemma_``, ``lower_``) of the tokens at ``indices``."""
        if not indices:
            return []
        rows = self._table[indices, 2:4]
        strings = self.doc.vocab.strings
        lemma = _strings(rows[:, 0].tolist(), strings, lowered=True)
        lower = _strings(rows[:, 1].tolist(), strings)
        return list(zip(indices, lemma, lower))

    # -- sentences and the tree -------------------------------------------------

    @cached_property
    def sents(self) -> list[SpacySpan]:
        """The Doc's sentences."""
        return list(self.doc.sents)

    @cached_property
    def _sent_starts(self) -> list[int]:
        return [sent.start for sent in self.sents]

    def sentence(self, i: int) -> SpacySpan:
        """The sentence of token ``i`` (what ``doc[i].sent`` makes anew each time)."""
        return self.sents[bisect_right(self._sent_starts, i) - 1]

    def depth(self, i: int) -> int:
        """How many arcs lie between token ``i`` and the root of its sentence."""
        d = 0
        head = self.head
        while head[i] != i:
            i = head[i]
            d += 1
        return d

    def dominates(self, top: int, i: int) -> bool:
        """Whether token ``i`` lies in the subtree of token ``top`` (is it or below it)."""
        head = self.head
        while i != top:
            if head[i] == i:
                return False
            i = head[i]
        return True


def within(indices: list[int], start: int, end: int) -> list[int]:
    """The members of the sorted list ``indices`` in ``[start, end)``."""
    return indices[bisect_left(indices, start):bisect_left(indices, end)]
