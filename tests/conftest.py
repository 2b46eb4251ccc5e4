"""Shared fixtures: the model loads once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"
SEED_TEXT = SHARED / "corpus" / "nk-exodus-russia-role.txt"
SEED_GOLD = SHARED / "eval" / "seed" / "nk-exodus.gold.json"


def pytest_addoption(parser):
    parser.addoption("--slow", action="store_true", default=False, help="run slow tests too")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


def shared_file(*parts: str) -> Path:
    """A file under ../shared, or a clean skip when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is not available")
    return path


@pytest.fixture(scope="session")
def analyzer():
    from newsledger.nlp.pipeline import Analyzer

    return Analyzer()


@pytest.fixture(scope="session")
def nlp(analyzer):
    return analyzer.nlp


@pytest.fixture(scope="session")
def seed_ledger(analyzer):
    from newsledger.model import Document

    path = shared_file("corpus", "nk-exodus-russia-role.txt")
    doc = Document.from_text(path.read_text(encoding="utf-8"), source_id=str(path))
    return next(iter(analyzer.analyze_documents([doc], published="2023-11-27")))
