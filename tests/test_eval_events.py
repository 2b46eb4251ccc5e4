"""The events benchmark scorer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger.evaluate.events import choose, confusion, evaluate, score
from newsledger.model import ActorRef, Event, Span


TEXT = "Rebels attacked the town and the army arrested ten men."


def ev(etype, trigger, sources=(), targets=()):
    def ref(word):
        s = TEXT.index(word)
        return ActorRef(None, s, s + len(word), word)

    s = TEXT.index(trigger)
    return Event(type=etype, trigger=Span(s, s + len(trigger), trigger), evidence=Span(0, len(TEXT), TEXT),
                 source_actors=[ref(w) for w in sources], target_actors=[ref(w) for w in targets])


def record(event, evt, sources=(), targets=()):
    def span(word):
        s = TEXT.index(word)
        return {"start": s, "end": s + len(word), "text": word}

    return {"id": f"r-{event}-{evt}", "text": TEXT, "event": event,
            "event_spans": [span(evt)], "source_actors": [span(w) for w in sources],
            "target_actors": [span(w) for w in targets]}


def test_choose_prefers_trigger_overlap_then_salience():
    a = ev("ASSAULT", "attacked")
    c = ev("COERCE", "arrested")
    assert choose(record("COERCE", "arrested"), [a, c]) is c
    assert choose(record("COERCE", "arrested"), [a, c], [0, 1]) is c
    # no overlap: the most salient
    assert choose(record("COERCE", "town"), [a, c], [2, 1]) is c
    assert choose(record("COERCE", "town"), [], None) is None


def test_score_two_records_one_sentence():
    preds = [ev("ASSAULT", "attacked", ["Rebels"], ["town"]), ev("COERCE", "arrested", ["army"], ["ten men"])]
    recs = [record("ASSAULT", "attacked", ["Rebels"], ["town"]),
            record("COERCE", "arrested", ["army"], ["men"])]
    rep = score(recs, [preds, preds])
    assert rep.n == 2
    m = rep.metrics
    assert m["type_accuracy"] == 1.0
    assert m["type_macro_f1"] == 1.0
    assert m["source_f1"] == 1.0
    # "ten men" vs gold "men": no exact match, but token overlap
    assert m["target_p"] == 0.5 and m["target_r"] == 0.5
    assert m["target_token_r"] == 1.0
    assert 0.5 < m["target_token_p"] < 1.0
    assert any("confusion" in line for line in rep.details)


def test_score_wrong_missing_and_null():
    recs = [record("ASSAULT", "attacked"), record("AID", "arrested"), record(None, "town", ["Rebels"])]
    preds = [[ev("COERCE", "attacked")], [], [ev("ASSAULT", "attacked", ["Rebels"])]]
    rep = score(recs, preds)
    assert rep.n == 2                      # the null record is not type-scored
    assert rep.metrics["type_accuracy"] == 0.0
    assert rep.metrics["type_macro_f1"] == 0.0
    assert rep.metrics["source_f1"] == 1.0  # ...but its spans are
    assert rep.metrics["records_with_prediction"] == pytest.approx(2 / 3)


def test_confusion_lines():
    lines = confusion(["AID", "AID", "ASSAULT"], ["AID", "NONE", "AID"])
    assert lines[0].startswith("confusion")
    assert "NONE" in lines[1]
    assert len(lines) == 4


def test_evaluate_tiny_file(tmp_path, nlp_analyzer):
    path = tmp_path / "tiny.jsonl"
    text = "Rebels attacked a police station in the north on Monday."
    rec = {"id": "t1", "text": text, "event": "ASSAULT",
           "event_spans": [{"start": 7, "end": 15, "text": "attacked"}],
           "source_actors": [{"start": 0, "end": 6, "text": "Rebels"}],
           "target_actors": [{"start": 18, "end": 32, "text": "police station"}]}
    path.write_text(json.dumps(rec) + "\n" + json.dumps(dict(rec, id="t2")) + "\n", encoding="utf-8")
    rep = evaluate(path, analyzer=nlp_analyzer)
    assert rep.n == 2
    assert rep.metrics["type_accuracy"] == 1.0
    assert rep.metrics["source_f1"] == 1.0
    assert rep.metrics["target_f1"] == 1.0
    rep = evaluate(path, analyzer=nlp_analyzer, limit=1)
    assert rep.n == 1


@pytest.fixture(scope="session")
def nlp_analyzer():
    from newsledger.nlp.pipeline import Analyzer

    return Analyzer()
