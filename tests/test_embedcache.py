"""Remembered token embeddings give exactly the model's own output."""

from __future__ import annotations

import json

import numpy
import pytest

from newsledger.nlp import embedcache
from newsledger.nlp.model_loader import load_model
from newsledger.nlp.pipeline import build_pipeline

from .conftest import EXAMPLES, REPO, SHARED

ATTRS = ("tag_", "pos_", "morph", "lemma_", "dep_", "ent_type_", "ent_iob_", "is_sent_start", "norm_")


def _texts() -> list[str]:
    texts = ["", "  \n", "One.", "They don't know; she can't. Mr. O'Neill's 1,200 troops — 12,5 % — left."]
    texts += [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    with open(REPO / "tests" / "data" / "conflict" / "articles.jsonl", encoding="utf-8") as fh:
        texts += [json.loads(line)["text"] for line in fh if line.strip()]
    geo = SHARED / "eval" / "geo" / "dev.jsonl"
    if geo.exists():
        with open(geo, encoding="utf-8") as fh:
            texts += [json.loads(line)["text"] for _, line in zip(range(30), fh)]
    return texts


def _view(doc):
    return [tuple(str(getattr(t, a)) for a in ATTRS) + (t.head.i,) for t in doc]


def _embed_layers(nlp):
    """The MultiHashEmbed chains of the model, in pipeline order."""
    found = []
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            found += [node for node in model.walk() if embedcache.EmbeddingCache.fits(node)]
    return found


@pytest.fixture(scope="module")
def models():
    stock = load_model()
    cached = load_model()
    caches = embedcache.install(cached)
    return stock, cached, caches


def test_both_embedding_layers_of_the_small_model_are_cached(models):
    stock, _, caches = models
    # the shared tok2vec and the NER's own copy
    assert len(_embed_layers(stock)) == 2
    assert len(caches) == 2
    assert {tuple(c.extract.attrs["columns"]) for c in caches} == {
        ("NORM", "PREFIX", "SUFFIX", "SHAPE", "SPACY", "IS_SPACE"), ("NORM", "PREFIX", "SUFFIX", "SHAPE")}


def test_embedding_rows_are_bitwise_the_models(models):
    stock, cached, caches = models
    texts = _texts()
    docs = [stock.make_doc(t) for t in texts]
    for plain, remembering in zip(_embed_layers(stock), _embed_layers(cached)):
        for start in range(0, len(docs), 7):  # batches that share some tokens and not others
            batch = docs[start:start + 7]
            want = plain.predict(batch)
            got = remembering.predict(batch)
            assert len(want) == len(got)
            for w, g in zip(want, got):
                assert w.shape == g.shape and w.dtype == g.dtype
                assert numpy.array_equal(w, g)
    assert all(c.hits > 0 and c.misses > 0 for c in caches)


def test_every_annotation_is_the_models(models):
    stock, cached, _ = models
    texts = _texts()
    for a, b in zip(stock.pipe(texts, batch_size=8), cached.pipe(texts, batch_size=8)):
        assert _view(a) == _view(b)
        assert [(e.start, e.end, e.label_) for e in a.ents] == [(e.start, e.end, e.label_) for e in b.ents]


def test_a_full_table_is_emptied_and_the_output_stays_the_same():
    stock, small = load_model(), load_model()
    caches = embedcache.install(small, limit=300)
    texts = _texts()
    for a, b in zip(stock.pipe(texts, batch_size=4), small.pipe(texts, batch_size=4)):
        assert _view(a) == _view(b)
    assert all(c.size <= 300 for c in caches)
    assert all(c.table is None or c.table.shape[0] <= 4096 for c in caches)


def test_a_batch_larger_than_the_table_goes_through_the_model():
    stock, tiny = load_model(), load_model()
    caches = embedcache.install(tiny, limit=5)
    text = _texts()[3]
    assert _view(stock(text)) == _view(tiny(text))
    assert all(c.size == 0 for c in caches)


def test_training_goes_through_the_original_layers(models):
    _, cached, caches = models
    docs = [cached.make_doc(t) for t in _texts()[:6]]
    seen = [(c.hits, c.misses) for c in caches]
    for layer in _embed_layers(cached):
        # training applies the model's dropout: rows differ from run to run, and the
        # gradient must flow back, so none of this may come from the table
        got, backprop = layer.begin_update(docs)
        assert [len(g) for g in got] == [len(d) for d in docs]
        backprop([numpy.ones_like(g) for g in got])
    assert [(c.hits, c.misses) for c in caches] == seen


def test_installing_twice_wraps_once(models):
    _, cached, caches = models
    assert embedcache.install(cached) == []


def test_the_model_is_saved_as_it_was(models):
    stock, cached, _ = models
    assert cached.get_pipe("tok2vec").to_bytes() == stock.get_pipe("tok2vec").to_bytes()
    assert cached.get_pipe("ner").to_bytes() == stock.get_pipe("ner").to_bytes()


def test_the_pipeline_caches_by_default_and_can_be_told_not_to():
    assert len(embedcache.caches(build_pipeline())) == 2
    assert embedcache.caches(build_pipeline(cache_embeddings=False)) == []


def test_threads_sharing_one_pipeline_get_the_models_rows(models):
    from concurrent.futures import ThreadPoolExecutor

    stock, _, _ = models
    shared = load_model()
    embedcache.install(shared, limit=2000)  # small: the table is emptied while threads run
    texts = _texts()
    want = [_view(d) for d in stock.pipe(texts, batch_size=4)]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(lambda t: _view(shared(t)), texts * 2))
    assert got == want * 2
