"""The timex benchmark scorer."""

from __future__ import annotations

import gzip
import json

import pytest

from newsledger.evaluate.timex import Counts, evaluate, match_relaxed, match_strict
from newsledger.model import Timex


def _tx(start, end, value="2020", type_="DATE"):
    return Timex(start=start, end=end, text="x" * (end - start), type=type_, value=value)


def test_strict_and_relaxed_matching():
    gold = [{"start": 0, "end": 10, "value": "2020", "type": "DATE"},
            {"start": 20, "end": 30, "value": "P1Y", "type": "DURATION"}]
    pred = [_tx(0, 10), _tx(22, 35, "P2Y", "DURATION"), _tx(50, 55)]
    assert match_strict(gold, pred) == [(0, 0)]
    assert sorted(match_relaxed(gold, pred)) == [(0, 0), (1, 1)]
    c = Counts()
    c.add(gold, pred)
    m = c.metrics()
    assert m["strict_precision"] == pytest.approx(1 / 3)
    assert m["strict_recall"] == pytest.approx(1 / 2)
    assert m["relaxed_recall"] == pytest.approx(1.0)
    assert m["value_accuracy"] == pytest.approx(0.5)
    assert m["type_f1"] == pytest.approx(2 * (2 / 3) * 1.0 / (2 / 3 + 1.0))


def test_relaxed_matching_is_one_to_one():
    gold = [{"start": 0, "end": 10, "value": "a", "type": "DATE"}]
    pred = [_tx(0, 4, "a"), _tx(5, 10, "a")]
    assert len(match_relaxed(gold, pred)) == 1


@pytest.fixture(scope="module")
def analyzer():
    from newsledger.nlp.model_loader import load_model
    from newsledger.nlp.pipeline import Analyzer

    return Analyzer(nlp=load_model())


def _write(path, records, gz=False):
    data = "".join(json.dumps(r) + "\n" for r in records).encode()
    if gz:
        data = gzip.compress(data)
    path.write_bytes(data)


@pytest.mark.parametrize("gz", [False, True])
def test_evaluate_small_file(tmp_path, analyzer, gz):
    text = "\nThe minister resigned yesterday, three years after the 2020 war.\n"
    start = text.index("yesterday")
    y2020 = text.index("2020")
    record = {"id": "a", "source": "timebank", "dct": "2023-11-27", "text": text,
              "timexes": [{"start": start, "end": start + 9, "text": "yesterday", "type": "DATE",
                           "value": "2023-11-26", "tid": "t1"},
                          {"start": y2020, "end": y2020 + 4, "text": "2020", "type": "DATE",
                           "value": "2020", "tid": "t2"}]}
    path = tmp_path / ("t.jsonl.gz" if gz else "t.jsonl")
    _write(path, [record, {**record, "id": "b", "source": "aquaint"}])
    report = evaluate(path, analyzer=analyzer)
    assert report.task == "timex" and report.n == 2
    m = report.metrics
    for key in ("strict_f1", "relaxed_f1", "value_f1", "type_f1", "value_accuracy",
                "strict_precision", "strict_recall", "relaxed_precision", "relaxed_recall",
                "value_precision", "value_recall"):
        assert 0.0 <= m[key] <= 1.0
    assert m["relaxed_recall"] == 1.0
    assert m["value_recall"] == 1.0
    assert any("timebank" in line for line in report.details)
    assert any("aquaint" in line for line in report.details)
    assert evaluate(path, analyzer=analyzer, limit=1).n == 1


def test_evaluate_dispatch(tmp_path, analyzer):
    from newsledger.evaluate import evaluate as run

    path = tmp_path / "t.jsonl"
    _write(path, [{"id": "a", "source": "timebank", "dct": "1998-01-08", "text": "No time here.", "timexes": []}])
    report = run("timex", str(path), analyzer=analyzer)
    assert report.metrics["gold"] == 0
