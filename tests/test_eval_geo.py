"""The geo scorer on tiny hand-made inputs, and a dev-set run when the file is there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger.evaluate.geo import (ACC_KM, MAX_KM, evaluate, resolution_error,
                                     score_detection)



def test_score_detection_exact_and_relaxed():
    tp, n_pred, n_gold, gold_hit, pred_hit = score_detection(
        pred=[(0, 5), (10, 20), (30, 35)], gold=[(0, 5), (12, 20), (40, 45)])
    assert (tp, n_pred, n_gold) == (1, 3, 3)
    assert gold_hit == 2 and pred_hit == 2


def test_resolution_error():
    assert resolution_error(None, (10.0, 10.0)) == MAX_KM
    assert resolution_error((None, None), (10.0, 10.0)) == MAX_KM
    assert resolution_error((48.85, 2.35), (48.85, 2.35)) == pytest.approx(0.0)
    assert 330 < resolution_error((48.85, 2.35), (51.51, -0.13)) < 350  # Paris-London


def test_evaluate_tiny_file(tmp_path):
    text = "Officials in Paris met counterparts from Germany on Monday in Zzqxville."
    toponyms = [
        {"start": text.index("Paris"), "end": text.index("Paris") + 5, "text": "Paris",
         "lat": 48.8534, "lon": 2.3488, "geonameid": "2988507"},
        {"start": text.index("Germany"), "end": text.index("Germany") + 7, "text": "Germany",
         "lat": 51.5, "lon": 10.5, "geonameid": "2921044"},
        {"start": text.index("Zzqxville"), "end": text.index("Zzqxville") + 9, "text": "Zzqxville",
         "lat": 0.0, "lon": 0.0, "geonameid": None},
        {"start": 0, "end": 9, "text": "Officials", "lat": None, "lon": None, "geonameid": None},
    ]
    path = tmp_path / "tiny.jsonl"
    path.write_text(json.dumps({"id": "t-1", "source": "lgl", "text": text,
                                "toponyms": toponyms}) + "\n", encoding="utf-8")
    report = evaluate(path)
    m = report.metrics
    assert report.n == 1
    assert m["resolve_n"] == 3
    # Paris and Germany right; the unknown town is put at the text's focus
    # (Paris), far from its gold point
    assert m["resolve_acc161"] == pytest.approx(2 / 3)
    assert 1000 < m["resolve_mean_km"] < MAX_KM / 3
    assert 0 < m["detect_r"] <= 1 and 0 < m["detect_p"] <= 1
    assert any(line.strip().startswith("lgl:") for line in report.details)
    assert ACC_KM == 161.0


def test_evaluate_counts_org_named_place_once(tmp_path):
    text = "The European Union sent aid. Officers of the Mansfield Police Department helped."
    s1, s2 = text.index("European Union"), text.index("Mansfield")
    toponyms = [
        {"start": s1, "end": s1 + 14, "text": "European Union", "lat": 50.85, "lon": 4.35,
         "geonameid": None},
        {"start": s2, "end": s2 + 9, "text": "Mansfield", "lat": 40.76, "lon": -82.52,
         "geonameid": "4801859"},
    ]
    path = tmp_path / "org.jsonl"
    path.write_text(json.dumps({"id": "t-2", "source": "lgl", "text": text,
                                "toponyms": toponyms}) + "\n", encoding="utf-8")
    m = evaluate(path).metrics
    # both found exactly, and neither "Union" nor "Police" predicted
    assert m["detect_r"] == pytest.approx(1.0)
    assert m["detect_p"] == pytest.approx(1.0)
