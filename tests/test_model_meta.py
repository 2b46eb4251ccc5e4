"""The pinned model must be the real en_core_web_sm 3.8.0 (its published scores)."""

import importlib.util

import pytest

from newsledger.nlp.model_loader import EXPECTED_FALLBACK_META, FALLBACK, available_model, load_model, model_fingerprint


def test_fallback_model_meta_matches_the_official_release():
    if importlib.util.find_spec(FALLBACK) is None:
        pytest.skip("the re-uploaded model package is not installed")
    nlp = load_model(FALLBACK)
    fp = model_fingerprint(nlp)
    assert fp["version"] == EXPECTED_FALLBACK_META["version"]
    assert fp["ents_f"] == EXPECTED_FALLBACK_META["ents_f"]
    assert fp["dep_las"] == EXPECTED_FALLBACK_META["dep_las"]
    assert nlp.meta["lang"] == "en"
    assert {"tok2vec", "tagger", "parser", "ner"} <= set(nlp.pipe_names)


def test_loader_prefers_an_official_model_when_installed(monkeypatch):
    import newsledger.nlp.model_loader as ml

    present = {"en_core_web_sm", FALLBACK}
    monkeypatch.setattr(ml.importlib.util, "find_spec", lambda name: object() if name in present else None)
    assert available_model() == "en_core_web_sm"
    present.discard("en_core_web_sm")
    assert available_model() == FALLBACK


def test_unknown_model_gives_a_clear_error():
    from newsledger.nlp.model_loader import ModelError

    with pytest.raises(ModelError, match="cannot load spaCy model 'no_such_model_xyz'"):
        load_model("no_such_model_xyz")
