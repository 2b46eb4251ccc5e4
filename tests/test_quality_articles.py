"""quality/place_articles.py: marks are read out of the text with their
points, and an article is scored on detection and resolution."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "quality" / "place_articles.py"
_spec = importlib.util.spec_from_file_location("quality_place_articles", _PATH)
articles = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = articles  # (its dataclasses look their module up there)
_spec.loader.exec_module(articles)

RAW = """CAIRO (Reuters) - Police in [[Cairo|30.04,31.24]] said so.
---

[[Peru|-10.0,-76.0]] and [[Chile|-35.0,-71.0]] met in Lima.
"""


def test_parse_takes_the_marks_out_and_keeps_their_points():
    arts = articles.parse(RAW)
    assert len(arts) == 2
    first, second = arts
    assert first.text == "CAIRO (Reuters) - Police in Cairo said so."
    (t,) = first.toponyms
    assert first.text[t.start:t.end] == "Cairo" and (t.lat, t.lon) == (30.04, 31.24)
    assert [second.text[t.start:t.end] for t in second.toponyms] == ["Peru", "Chile"]
    assert second.toponyms[1].lat == -35.0


@pytest.fixture(scope="module")
def nlp():
    from newsledger.nlp.model_loader import load_model
    return load_model()


def test_score_counts_found_missed_and_far(nlp):
    arts = articles.parse("Police in [[Cairo|30.04,31.24]] and [[Lima|48.85,2.35]] said so.")
    s = articles.score(nlp, arts)
    assert (s.tp, s.gold) == (2, 2)
    # Lima marked at Paris: found, but resolved far from the mark
    assert (s.resolved_ok, s.resolved) == (1, 2)
    assert any("far" in line and "'Lima'" in line for line in s.lines)


def test_the_bundled_probes_parse():
    files = sorted(articles.PROBES.glob("*.txt"))
    assert files
    for path in files:
        arts = articles.parse(path.read_text(encoding="utf-8"))
        assert arts and all(a.toponyms for a in arts), path.name
        for a in arts:
            assert "[[" not in a.text and "]]" not in a.text, path.name


def test_below_countries_leaves_out_marks_resolved_to_a_country(nlp):
    # Peru marked 700 km from the gazetteer's point: a convention, left out
    arts = articles.parse("[[Peru|-4.0,-71.0]] said police in [[Lima|-12.05,-77.04]] were ready.")
    s = articles.score(nlp, arts)
    assert (s.resolved_ok, s.resolved) == (1, 2)
    assert (s.below_ok, s.below) == (1, 1)
    assert "below countries 1.000" in s.summary("x")
