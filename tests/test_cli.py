"""The command line, end to end, on real files (the model loads in-process)."""

import json

import pytest
from click.testing import CliRunner

from newsledger.cli import main
from newsledger.contract import problems

from .conftest import EXAMPLES


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


@pytest.fixture(scope="module", autouse=True)
def _warm(analyzer, monkeypatch_module):
    # reuse the session's analyzer so the CLI does not load the model again
    import newsledger.runner as runner_mod
    from newsledger.nlp import pipeline

    monkeypatch_module.setattr(pipeline, "Analyzer", lambda *a, **k: analyzer)


@pytest.fixture(scope="module")
def monkeypatch_module():
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


def test_analyze_jsonl_gives_one_contract_line_per_input_in_order(runner, tmp_path):
    src = tmp_path / "in.jsonl"
    records = [{"id": "one", "text": "The army withdrew from Kherson on 11 November 2022.", "published": "2022-11-12"},
               {"id": "bad"},
               {"id": "three", "text": "  Leading spaces stay.  ", "dct": "2021-01-01"}]
    src.write_text("\n".join(json.dumps(r) for r in records) + "\n{broken\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(main, ["analyze", str(src), "--jsonl", str(out)])
    assert result.exit_code == 1, result.output  # two inputs failed
    lines = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert [l["document"]["source_id"] for l in lines] == ["one", "bad", "three", f"{src}:4"]
    for line in lines:
        assert problems(line) == []
    assert lines[0]["document"]["published"] == "2022-11-12"
    assert lines[0]["document"]["published_source"] == "input"
    assert lines[2]["document"]["text"] == "  Leading spaces stay.  "
    assert lines[1]["errors"][0]["code"] == "E106" and lines[1]["events"] == []
    assert lines[3]["errors"][0]["code"] == "E106"
    assert "E106" in result.output


def test_analyze_twice_leaves_the_store_unchanged(runner, tmp_path):
    db = tmp_path / "l.db"
    args = ["analyze", str(EXAMPLES), "--db", str(db), "--published", "2024-05-03", "-q"]
    assert runner.invoke(main, args).exit_code == 0
    from newsledger.store import Store

    with Store(db) as store:
        before = (store.counts(), store.document_ids(),
                  store.conn.execute("SELECT id, ledger_hash, analyzed_at FROM documents ORDER BY id").fetchall())
    result = runner.invoke(main, args[:-1])
    assert result.exit_code == 0
    assert "0 written to the store, 2 unchanged" in result.output
    with Store(db) as store:
        after = (store.counts(), store.document_ids(),
                 store.conn.execute("SELECT id, ledger_hash, analyzed_at FROM documents ORDER BY id").fetchall())
    assert [tuple(r) for r in before[2]] == [tuple(r) for r in after[2]]
    assert before[:2] == after[:2]


def test_bad_inputs_are_coded_and_the_batch_goes_on(runner, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("Protesters gathered in Tbilisi on Monday.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "bin.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    latin = tmp_path / "latin.txt"
    latin.write_bytes("déjà vu".encode("latin-1"))
    odd = tmp_path / "data.xlsx"
    odd.write_bytes(b"PK\x03\x04")
    db = tmp_path / "l.db"
    result = runner.invoke(main, ["analyze", str(good), str(empty), str(binary), str(latin), str(odd),
                                  str(tmp_path / "missing.txt"), "http://127.0.0.1:9/none", "--db", str(db)])
    assert result.exit_code == 1
    for code in ("E101", "E102", "E103", "E104", "E105", "E109"):
        assert code in result.output
    from newsledger.store import Store

    with Store(db) as store:
        assert store.counts()["documents"] == 1
        assert {f.code for f in store.failures()} == {"E101", "E102", "E103", "E104", "E105", "E109"}
    listed = runner.invoke(main, ["failures", "--db", str(db)])
    assert "E104" in listed.output and "data.xlsx" in listed.output


def test_show_prints_a_readable_ledger(runner, tmp_path):
    db = tmp_path / "l.db"
    runner.invoke(main, ["analyze", str(EXAMPLES / "river-ceasefire.txt"), "--db", str(db),
                         "--published", "2024-05-03"])
    result = runner.invoke(main, ["show", "--db", str(db), "--no-color"])
    assert result.exit_code == 0, result.output
    out = result.output
    for heading in ("EVENTS", "WHO SAID WHAT", "FIGURES", "TIMES", "PLACES", "ACTORS"):
        assert heading in out
    assert "published 2024-05-03 (input)" in out
    assert "1,200" in out  # a figure with its sentence
    missing = runner.invoke(main, ["show", "nope", "--db", str(db)])
    assert missing.exit_code != 0 and "no document 'nope'" in missing.output


def test_export_jsonl_and_csv(runner, tmp_path):
    db = tmp_path / "l.db"
    runner.invoke(main, ["analyze", str(EXAMPLES), "--db", str(db), "-q"])
    out = tmp_path / "all.jsonl"
    assert runner.invoke(main, ["export", "--db", str(db), "--format", "jsonl", "-o", str(out)]).exit_code == 0
    lines = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 2 and all(problems(l) == [] for l in lines)
    folder = tmp_path / "csv"
    assert runner.invoke(main, ["export", "--db", str(db), "--format", "csv", "-o", str(folder)]).exit_code == 0
    header = (folder / "quantities.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("doc_id,seq,value,unit")
    assert (folder / "documents.csv").exists() and (folder / "events.csv").exists()


def test_usage_errors(runner, tmp_path):
    (tmp_path / "a.txt").write_text("x y z", encoding="utf-8")
    result = runner.invoke(main, ["analyze", str(tmp_path / "a.txt")])
    assert result.exit_code == 2 and "--db FILE and/or --jsonl FILE" in result.output
    result = runner.invoke(main, ["analyze", str(tmp_path / "a.txt"), "--db", str(tmp_path / "l.db"),
                                  "--published", "last tuesday"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_every_command_is_documented_in_the_readme():
    from .conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"newsledger {name}" in readme, f"README does not document 'newsledger {name}'"
