"""What the claim finders look up in a Doc, read once per Doc.

Reads the Doc's token offsets, texts and tags (as arrays), its sentences and
its entities; writes nothing.  The finders ask it which tokens lie in a range
of characters, where a sentence starts, which tokens may be cues, instead of
walking the whole Doc again for each claim.  :class:`~.quotations._QuoteMap`
holds one per call of :func:`~.extract.find_claims`; a helper called on its
own builds a fresh one.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import cached_property, lru_cache
from typing import Callable, Optional

import numpy as np
from spacy.attrs import DEP, HEAD, IDX, LEMMA, LENGTH, LOWER, ORTH, POS, TAG
from spacy.strings import StringStore
from spacy.symbols import ADJ, AUX, NOUN, VERB
from spacy.tokens import Doc, Span as SpacySpan


def _key(text: str) -> int:
    """The id of a string in the token arrays (its hash, or its symbol's id)."""
    return _SYMBOLS[text]


_SYMBOLS = StringStore()


@lru_cache(maxsize=64)
def _ids(words: frozenset[str]) -> frozenset[int]:
    """The ids of ``words`` as a set."""
    return frozenset(_key(w) for w in words)


@lru_cache(maxsize=64)
def _hashes(words: frozenset[str]) -> np.ndarray:
    """The ids of ``words`` (a word list of the code: few, and kept)."""
    return np.array(sorted({_key(w) for w in words}), dtype=np.uint64)


class DocIndex:
    """Token arrays, sentence starts and entities of one Doc."""

    def __init__(self, doc: Doc):
        self.doc = doc
        table = doc.to_array([IDX, LENGTH, ORTH, POS, TAG, LOWER, LEMMA, HEAD, DEP]).reshape(len(doc), 9)
        self._table = table
        #: character offset of each token
        self.starts: list[int] = table[:, 0].tolist()
        #: character offset after each token
        self.ends: list[int] = (table[:, 0] + table[:, 1]).tolist()

    # -- tokens by character offsets ------------------------------------------

    def first_at(self, char: int) -> int:
        """The first token that starts at or after ``char``."""
        return bisect_left(self.starts, char)

    def first_after(self, char: int) -> int:
        """The first token that starts after ``char``."""
        return bisect_right(self.starts, char)

    def starting_in(self, lo: int, hi: int) -> range:
        """The tokens that start in ``[lo, hi)``."""
        return range(bisect_left(self.starts, lo), bisect_left(self.starts, hi))

    @cached_property
    def by_start(self) -> dict[int, int]:
        """Token index by its character offset."""
        return {s: i for i, s in enumerate(self.starts)}

    # -- tokens by their text --------------------------------------------------

    def with_text(self, text: str) -> list[int]:
        """The tokens whose text is ``text``, in order."""
        return (self._table[:, 2] == _key(text)).nonzero()[0].tolist()

    def with_lower(self, words: frozenset[str]) -> list[int]:
        """The tokens whose lower-case form is one of ``words``, in order."""
        return np.isin(self._table[:, 5], _hashes(words)).nonzero()[0].tolist()

    def may_be_cue(self, cue_nouns: frozenset[str], words: frozenset[str], adjectives: frozenset[str],
                   cue_verb: Callable[[StringStore, int, int], bool]) -> list[int]:
        """The tokens that may be a cue (a superset, in order): verbs and words
        tagged as verbs that ``cue_verb`` accepts by their lemma and lower-case
        form (string ids) or that have a clausal complement after them, nouns
        whose lemma is one of ``cue_nouns``, adjectives among ``adjectives`` and
        any token among ``words`` (lower-case)."""
        table = self._table
        pos = table[:, 3]
        verbs = (pos == VERB) | (pos == AUX) | np.isin(table[:, 4], _VERB_TAGS)
        mask = np.isin(table[:, 5], _hashes(words))
        at = (pos == ADJ).nonzero()[0]
        wanted = _ids(adjectives)
        mask[[i for i, lower in zip(at.tolist(), table[at, 5].tolist()) if lower in wanted]] = True
        # a verb with a clausal complement after it ("X fretted that ...")
        offset = table[:, 7].astype(np.int64)
        clauses = ((table[:, 8] == _key("ccomp")) & (offset < 0)).nonzero()[0]
        mask[clauses + offset[clauses]] |= pos[clauses + offset[clauses]] == VERB
        strings = self.doc.vocab.strings
        at = (verbs & ~mask).nonzero()[0]
        keep = [i for i, lemma, lower in zip(at.tolist(), table[at, 6].tolist(), table[at, 5].tolist())
                if cue_verb(strings, lemma, lower)]
        at = ((pos == NOUN) & ~mask).nonzero()[0]
        keep += [i for i, lemma in zip(at.tolist(), table[at, 6].tolist()) if _lower_in(strings, lemma, cue_nouns)]
        mask[keep] = True
        return mask.nonzero()[0].tolist()

    # -- sentences and entities ------------------------------------------------

    @cached_property
    def sents(self) -> list[SpacySpan]:
        return list(self.doc.sents)

    @cached_property
    def sent_start_chars(self) -> list[int]:
        return [s.start_char for s in self.sents]

    @cached_property
    def _sent_token_starts(self) -> list[int]:
        return [s.start for s in self.sents]

    def sent_index(self, i: int) -> int:
        """The number of the sentence token ``i`` is in."""
        return bisect_right(self._sent_token_starts, i) - 1

    def sent_of(self, i: int) -> SpacySpan:
        """The sentence of token ``i`` (the same as ``doc[i].sent``)."""
        return self.sents[self.sent_index(i)]

    @cached_property
    def ents(self) -> tuple[SpacySpan, ...]:
        return self.doc.ents


_VERB_TAGS = _hashes(frozenset(("VBD", "VBZ", "VBP", "VBN", "VBG", "VB")))
#: the most words a per-word memory keeps before it is emptied
MEMO_LIMIT = 200_000
#: for a word list: whether a lemma (by its hash), lower-cased, is in it
_LOWER_IN: dict[frozenset[str], dict[int, bool]] = {}


def _lower_in(strings, key: int, words: frozenset[str]) -> bool:
    known = _LOWER_IN.setdefault(words, {})
    found = known.get(key)
    if found is None:
        if len(known) >= MEMO_LIMIT:
            known.clear()
        found = known[key] = strings[key].lower() in words
    return found


def index_of(doc: Doc, index: Optional[DocIndex] = None) -> DocIndex:
    """``index`` when it is ``doc``'s, else a new index of ``doc``."""
    if index is not None and index.doc is doc:
        return index
    return DocIndex(doc)
