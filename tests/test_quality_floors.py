"""CI's quality gate: every dev-set score stays at or above its pinned floor
(quality/baseline.json). Skips a task whose benchmark file is absent."""

import pytest

from newsledger.evaluate import evaluate
from newsledger.evaluate.baseline import check, load

from .conftest import REPO, SHARED

BASELINE = {k: v for k, v in load(REPO / "quality" / "baseline.json").items() if not k.startswith("_")}


@pytest.mark.parametrize("task", sorted(BASELINE))
def test_dev_scores_stay_above_their_floors(task, analyzer):
    entry = BASELINE[task]
    path = SHARED / entry["file"]
    if not path.exists():
        pytest.skip(f"{path} is not available")
    report = evaluate(task, str(path), analyzer=analyzer if task != "extract" else None)
    print(report.format())
    assert check(report, entry["floors"]) == []


def test_check_reports_a_drop():
    from newsledger.evaluate.common import Report

    report = Report("x", "f", 1, {"f1": 0.5})
    assert check(report, {"f1": 0.4}) == []
    assert check(report, {"f1": 0.6}) == ["x: f1 = 0.5000 fell below its floor 0.6000"]
    assert "missing" in check(report, {"recall": 0.1})[0]
