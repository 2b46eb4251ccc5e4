"""The seed article, end to end through the CLI: one contract-valid line."""

import json

from click.testing import CliRunner

from newsledger.cli import main
from newsledger.contract import problems

from .conftest import shared_file


def test_seed_article_gives_one_contract_valid_line(tmp_path, analyzer, monkeypatch):
    from newsledger.nlp import pipeline

    monkeypatch.setattr(pipeline, "Analyzer", lambda *a, **k: analyzer)
    path = shared_file("corpus", "nk-exodus-russia-role.txt")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(main, ["analyze", str(path), "--published", "2023-11-27", "--jsonl", str(out)])
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    line = json.loads(lines[0])
    assert problems(line) == []
    assert line["document"]["text"] == path.read_text(encoding="utf-8")
    assert line["document"]["published"] == "2023-11-27"
    # every stage contributed something
    for key in ("timexes", "places", "actors", "claims", "events", "quantities"):
        assert line[key], f"no {key} in the seed ledger"
    assert line["errors"] == []
