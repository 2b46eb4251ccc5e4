"""quality/place_sweeps.py: a case passes when the name is found and resolved
near its entry, and fails, with its reason, when not."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from newsledger.gazetteer import get_gazetteer

_PATH = Path(__file__).resolve().parents[1] / "quality" / "place_sweeps.py"
_spec = importlib.util.spec_from_file_location("quality_place_sweeps", _PATH)
sweeps = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = sweeps  # (its dataclass looks its module up there)
_spec.loader.exec_module(sweeps)


@pytest.fixture(scope="module")
def nlp():
    from newsledger.nlp.model_loader import load_model
    return load_model()


def test_a_found_and_resolved_name_passes_and_a_wrong_point_fails(nlp):
    g = get_gazetteer()
    cairo = next(e for e in g.cities(5_000_000) if e.name == "Cairo")
    fam = sweeps.Family("probe")
    sweeps._check(nlp, g, fam, "Police in {w} arrested three men after the attack.", "Cairo", cairo)
    assert (fam.cases, fam.failures) == (1, [])
    lima = next(e for e in g.cities(5_000_000) if e.name == "Lima")
    sweeps._check(nlp, g, fam, "Police in {w} arrested three men after the attack.", "Cairo", lima)
    assert fam.cases == 2 and fam.wrong == 1 and "resolved to Cairo" in fam.failures[0]


def test_people_words_and_the_cities_query():
    assert sweeps._people_word("Greek") == "Greeks" and sweeps._people_word("Chinese") == "Chinese"
    big = get_gazetteer().cities(5_000_000)
    assert big and all(e.kind == "city" and e.population >= 5_000_000 for e in big)
    assert [e.population for e in big] == sorted((e.population for e in big), reverse=True)
