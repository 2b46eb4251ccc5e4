"""The model's token embeddings remembered per distinct token, with the same output.

In spaCy's CNN models (``spacy.MultiHashEmbed``) a token's embedding is a
pure function of a few of its attributes (for ``en_core_web_sm``: NORM,
PREFIX, SUFFIX, SHAPE, SPACY, IS_SPACE; the NER's own copy reads the first
four): each attribute is hashed into a table, the rows are concatenated, and
a Maxout layer with layer normalisation mixes them — nothing reads the
neighbouring tokens until the encoder that follows.  News repeats its words,
so the mixed row of each distinct combination of attributes is computed once
and kept; only the rows of combinations not seen before go through the
embedding layers (in one batch), and every document's rows are then gathered
from the kept table.  The encoder, tagger, parser and NER run as before.

The kept rows are those the model computes: each layer after the hashing
works row by row (the Maxout is a matrix product per row, the layer
normalisation per row), so a row does not depend on the others computed with
it; ``tests/test_embedcache.py`` compares the outputs and every token's
annotations with the stock model's.  Training (``is_train=True``) goes through
the original layers untouched, and the model's structure and weights are not
changed, so a pipeline can still be saved.

Reads: the attributes the embedding layer names.  Writes: nothing on the
Doc; it changes how the model's ``tok2vec`` layers compute, not what.
"""

from __future__ import annotations

import logging
import threading
from typing import Callable, Optional

import numpy
from spacy.language import Language
from thinc.api import Model

log = logging.getLogger(__name__)

#: the most distinct tokens kept per embedding layer before the table is emptied
#: (96 floats each in the small English model: 100,000 rows are 38 MB)
CACHE_LIMIT = 100_000

_EMBED_LAYERS = ("extract_features", "list2ragged", "with_array", "with_array", "ragged2list")


class EmbeddingCache:
    """Replaces the forward pass of one ``MultiHashEmbed`` chain by a remembering one."""

    def __init__(self, embed: Model, limit: int = CACHE_LIMIT) -> None:
        self.embed = embed
        self.limit = limit
        self.extract, _, self.hash_layer, self.mix_layer, _ = embed.layers
        self.original: Callable = embed._func
        self.index: dict[bytes, int] = {}
        self.table: Optional[numpy.ndarray] = None
        self.size = 0
        self.hits = 0
        self.misses = 0
        self._lock = threading.Lock()  # one pipeline shared by threads updates one table

    @staticmethod
    def fits(model: Model) -> bool:
        """Whether ``model`` is a MultiHashEmbed chain this class knows how to remember."""
        names = tuple(layer.name.split("(")[0] for layer in model.layers)
        return (model.name.startswith("extract_features>>list2ragged>>with_array(")
                and names == _EMBED_LAYERS and "columns" in model.layers[0].attrs)

    def install(self) -> "EmbeddingCache":
        self.embed._func = self.forward
        return self

    def uninstall(self) -> None:
        self.embed._func = self.original

    def clear(self) -> None:
        self.index.clear()
        self.table = None
        self.size = 0

    # ------------------------------------------------------------------
    def forward(self, model: Model, docs, is_train: bool):
        if is_train or not docs:
            return self.original(model, docs, is_train)
        with self._lock:
            return self._remembered(model, docs)

    def _remembered(self, model: Model, docs):
        keys = self.extract.predict(docs)
        lengths = [len(k) for k in keys]
        allkeys = numpy.ascontiguousarray(model.ops.to_numpy(model.ops.xp.concatenate(keys)) if len(keys) > 1
                                          else model.ops.to_numpy(keys[0]), dtype=numpy.uint64)
        if allkeys.shape[0] == 0:
            return self.original(model, docs, False)
        rowbytes = allkeys.dtype.itemsize * allkeys.shape[1]
        as_void = allkeys.view(numpy.dtype((numpy.void, rowbytes))).ravel()
        unique, first, inverse = numpy.unique(as_void, return_index=True, return_inverse=True)
        where = numpy.empty(len(unique), dtype=numpy.int64)
        missing = []
        index = self.index
        for i, key in enumerate(unique.tolist()):
            row = index.get(key)
            if row is None:
                missing.append(i)
                where[i] = -1
            else:
                where[i] = row
        self.hits += len(unique) - len(missing)
        self.misses += len(missing)
        if missing:
            if len(missing) > self.limit:  # one batch alone would overflow the table
                return self.original(model, docs, False)
            if self.size + len(missing) > self.limit:
                self.clear()
                return self._remembered(model, docs)
            new_keys = allkeys[first[missing]]
            rows = self.mix_layer.predict(self.hash_layer.predict(model.ops.asarray(new_keys, dtype="uint64")))
            rows = model.ops.to_numpy(rows)
            self._grow(self.size + len(missing), rows.shape[1], rows.dtype)
            self.table[self.size:self.size + len(missing)] = rows
            for n, i in enumerate(missing):
                index[unique[i].tobytes()] = self.size + n
                where[i] = self.size + n
            self.size += len(missing)
        out = self.table[where[inverse.ravel()]]
        outputs, start = [], 0
        for n in lengths:
            outputs.append(model.ops.asarray(out[start:start + n]))
            start += n
        return outputs, _no_backprop

    def _grow(self, needed: int, width: int, dtype) -> None:
        if self.table is None:
            self.table = numpy.zeros((max(needed, 4096), width), dtype=dtype)
        elif needed > self.table.shape[0]:
            bigger = numpy.zeros((min(max(needed, 2 * self.table.shape[0]), self.limit), width), dtype=dtype)
            bigger[:self.size] = self.table[:self.size]
            self.table = bigger


def _no_backprop(d_outputs):
    raise NotImplementedError("the embedding cache only predicts; training runs through the original layers")


def _embedding_layers(nlp: Language) -> list[Model]:
    """The MultiHashEmbed chains in ``nlp``'s components, each once."""
    found: dict[int, Model] = {}
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for node in model.walk():
                if EmbeddingCache.fits(node):
                    found.setdefault(id(node), node)
    return list(found.values())


def _installed(layer: Model) -> Optional[EmbeddingCache]:
    owner = getattr(layer._func, "__self__", None)
    return owner if isinstance(owner, EmbeddingCache) else None


def caches(nlp: Language) -> list[EmbeddingCache]:
    """The embedding caches installed in ``nlp``."""
    return [c for c in map(_installed, _embedding_layers(nlp)) if c is not None]


def install(nlp: Language, limit: int = CACHE_LIMIT) -> list[EmbeddingCache]:
    """Remember token embeddings in every MultiHashEmbed layer of ``nlp``'s components.

    Returns the caches installed now (a layer that already has one keeps it).
    """
    new = [EmbeddingCache(layer, limit).install()
           for layer in _embedding_layers(nlp) if _installed(layer) is None]
    log.debug("embedding caches installed: %d", len(new))
    return new
