"""The stand-ins for the model's attribute ruler and lemmatizer give exactly its output."""

from __future__ import annotations

import json

import pytest
import spacy

from newsledger.nlp import fastpipes
from newsledger.nlp.model_loader import load_model

from .conftest import EXAMPLES, REPO, SHARED

EDGE_TEXTS = [
    "",
    " ",
    "\n\n",
    "It's  there.\n\n  \tNo way — \"he said\"  ",
    "They don't know; she can't, won't and shouldn't. There are two ways, and there's one more.",
    "The ministers gets it, got it and have gotten it before 3 p.m. on 4 May 2031.",
    "HEADLINE IN CAPITALS: MINISTER'S AIDES QUIT\n\nThe aides' letters were read aloud.",
    "Is it? Yes!!! (Maybe.) 10,000 people — or 12,5 % — were better/worse off; e-mail me@example.org",
]

ATTRS = ("tag_", "pos_", "morph", "lemma_", "dep_", "ent_type_", "ent_iob_", "is_sent_start")


def _token_view(doc):
    return [tuple(str(getattr(t, a)) for a in ATTRS) + (t.head.i,) for t in doc]


def _texts() -> list[str]:
    texts = list(EDGE_TEXTS)
    texts += [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    geo = SHARED / "eval" / "geo" / "dev.jsonl"
    if geo.exists():
        with open(geo, encoding="utf-8") as fh:
            for _, line in zip(range(40), fh):
                texts.append(json.loads(line)["text"])
    conflict = REPO / "tests" / "data" / "conflict" / "articles.jsonl"
    with open(conflict, encoding="utf-8") as fh:
        texts += [json.loads(line)["text"] for line in fh if line.strip()]
    return texts


@pytest.fixture(scope="module")
def models():
    stock = load_model()
    fast = load_model()
    assert fastpipes.install(fast) == ["attribute_ruler", "lemmatizer"]
    return stock, fast


def test_the_model_components_compile(models):
    _, fast = models
    ruler, lemmatizer = fast.get_pipe("attribute_ruler"), fast.get_pipe("lemmatizer")
    assert isinstance(ruler, fastpipes.FastAttributeRuler) and ruler.compiled, ruler.reason
    assert isinstance(lemmatizer, fastpipes.FastLemmatizer) and lemmatizer.compiled, lemmatizer.reason
    assert ruler.multi, "the English ruler has multi-token patterns: they must be exercised"


def test_same_annotations_as_the_stock_components(models):
    stock, fast = models
    texts = _texts()
    compared = 0
    for a, b in zip(stock.pipe(texts, batch_size=8), fast.pipe(texts, batch_size=8)):
        assert _token_view(a) == _token_view(b), a.text[:80]
        for attr in ("TAG", "POS", "MORPH", "LEMMA", "DEP"):
            assert a.has_annotation(attr) == b.has_annotation(attr)
        compared += len(a)
    assert compared > 1000
    # a second pass over the same texts reads the remembered outcomes: still the same
    again = list(fast.pipe(texts[:6]))
    assert [_token_view(d) for d in again] == [_token_view(d) for d in stock.pipe(texts[:6])]


def _ruler_pair(patterns):
    out = []
    for _ in range(2):
        nlp = spacy.blank("en")
        nlp.add_pipe("attribute_ruler").add_patterns(patterns)
        out.append(nlp)
    stock, fast = out
    fastpipes.install(fast)
    return stock, fast


def test_rule_order_multi_token_patterns_and_negative_index():
    patterns = [
        {"patterns": [[{"LOWER": "river"}]], "attrs": {"POS": "NOUN", "LEMMA": "stream"}},
        {"patterns": [[{"LOWER": {"IN": ["river", "lake"]}}]], "attrs": {"POS": "PROPN"}},  # later: wins POS
        {"patterns": [[{"LOWER": "the"}, {"IS_TITLE": True}]], "attrs": {"TAG": "NNP"}, "index": -1},
        {"patterns": [[{"ORTH": {"REGEX": "^[0-9]+$"}}]], "attrs": {"MORPH": "NumType=Card"}},
        {"patterns": [[{"TEXT": {"NOT_IN": ["the", "river"]}, "IS_ALPHA": True}]], "attrs": {"LEMMA": "x"}},
    ]
    stock, fast = _ruler_pair(patterns)
    assert fast.get_pipe("attribute_ruler").compiled
    text = "the River and the lake rose 12 feet over the Dam"
    a, b = stock(text), fast(text)
    assert _token_view(a) == _token_view(b)
    assert b[1].pos_ == "PROPN" and b[1].lemma_ == "x" and b[1].tag_ == "NNP"
    assert b[6].morph.get("NumType") == ["Card"] and b[6].lemma_ == ""


def test_an_uncompilable_ruler_is_called_as_it_is():
    patterns = [{"patterns": [[{"LOWER": "very", "OP": "+"}, {"POS": "ADJ"}]], "attrs": {"LEMMA": "v"}},
                {"patterns": [[{"LENGTH": {">": 3}}]], "attrs": {"TAG": "LONG"}}]
    stock, fast = _ruler_pair(patterns)
    ruler = fast.get_pipe("attribute_ruler")
    assert not ruler.compiled and "operator" in ruler.reason
    text = "very very big dogs"
    assert _token_view(stock(text)) == _token_view(fast(text))


def test_the_pipeline_uses_them_unless_asked_not_to():
    from newsledger.nlp.pipeline import build_pipeline

    assert isinstance(build_pipeline().get_pipe("lemmatizer"), fastpipes.FastLemmatizer)
    assert not isinstance(build_pipeline(fast_rules=False).get_pipe("lemmatizer"), fastpipes.FastLemmatizer)


@pytest.mark.filterwarnings("ignore:.*does not have any patterns defined")
def test_a_ruler_reading_and_writing_one_attribute_and_an_empty_ruler():
    stock, fast = _ruler_pair([{"patterns": [[{"LOWER": "river"}]], "attrs": {"POS": "NOUN"}}])
    assert fast.get_pipe("attribute_ruler").compiled
    a, b = stock("The river rose."), fast("The river rose.")
    assert _token_view(a) == _token_view(b) and b[1].pos_ == "NOUN"
    stock, fast = _ruler_pair([])
    assert _token_view(stock("The river rose.")) == _token_view(fast("The river rose."))


def test_another_lemmatizer_is_called_as_it_is():
    from spacy.pipeline import Lemmatizer

    class MyLemmatizer(Lemmatizer):
        pass

    nlp = spacy.blank("en")
    stand_in = fastpipes.FastLemmatizer(nlp, "lemmatizer").use(MyLemmatizer(nlp.vocab, None, mode="rule"))
    assert not stand_in.compiled and "MyLemmatizer" in stand_in.reason


def test_a_pipeline_with_stand_ins_says_it_cannot_be_saved(models, tmp_path):
    _, fast = models
    with pytest.raises(NotImplementedError, match="fast_rules=False"):
        fast.to_disk(tmp_path / "model")


def test_the_lemma_index_answers_from_a_set_with_the_same_words(models):
    stock, fast = models
    plain = stock.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    quick = fast.get_pipe("lemmatizer").lemmatizer.lookups.get_table("lemma_index")
    assert set(plain.keys()) == set(quick.keys())
    for key, words in plain.items():
        assert isinstance(quick[key], fastpipes.IndexList)
        assert list(quick[key]) == words
        assert words[0] in quick[key] and words[-1] in quick[key]
        assert "zzz-not-a-lemma" not in quick[key]
    # new words (no memory yet) get the stock lemma through the faster index
    text = "The gerrymanderers were outflanking the snowploughs and the unboxings quibbled."
    assert [t.lemma_ for t in fast(text)] == [t.lemma_ for t in stock(text)]
    assert fastpipes.index_as_sets(fast.get_pipe("lemmatizer").lemmatizer) == 0  # already done
