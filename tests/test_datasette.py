"""Datasette opens the ledger with our metadata: descriptions and canned queries."""

import json
import shutil
import sqlite3
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from .test_api import build_ledger_db

METADATA = resources.files("newsledger.store").joinpath("datasette_metadata.json")


def _datasette():
    exe = shutil.which("datasette", path=str(Path(sys.executable).parent))
    if exe is None:
        pytest.skip("datasette is not installed")
    return exe


@pytest.fixture(scope="module")
def ledger_db(analyzer, tmp_path_factory):
    return build_ledger_db(analyzer, tmp_path_factory.mktemp("datasette") / "ledger.db")


def datasette_get(db, url):
    with resources.as_file(METADATA) as metadata:
        out = subprocess.run([_datasette(), str(db), "--metadata", str(metadata), "--get", url],
                             capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_metadata_names_real_tables_and_valid_queries(ledger_db):
    meta = json.loads(METADATA.read_text(encoding="utf-8"))
    db = meta["databases"]["ledger"]
    conn = sqlite3.connect(ledger_db)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert set(db["tables"]) <= tables
    assert {"actor_timeline", "contested_claims", "contradictions", "figures_by_unit"} <= set(db["queries"])
    for name, query in db["queries"].items():
        assert query["sql"].lstrip().upper().startswith("SELECT"), name
        conn.execute("EXPLAIN " + query["sql"], {"actor": "", "unit": ""})  # it compiles


def test_actor_timeline_returns_rows(ledger_db):
    rows = datasette_get(ledger_db, "/ledger/actor_timeline.json?actor=Russia&_shape=array")
    assert rows, "the examples hold events of Russia or its government"
    assert all(r["evidence"] and r["dated_by"] in ("text", "published") for r in rows)
    assert rows == sorted(rows, key=lambda r: r["date"])


def test_canned_queries_for_cross_document_findings_and_figures(ledger_db):
    (pair,) = datasette_get(ledger_db, "/ledger/contested_claims.json?_shape=array")
    assert pair["about"] == "the crossing" and pair["a_claim"] and pair["b_claim"]
    sides = datasette_get(ledger_db, "/ledger/contradictions.json?_shape=array")
    assert [s["value"] for s in sides] == ["100", "200"]
    figures = datasette_get(ledger_db, "/ledger/figures_by_unit.json?unit=percent&_shape=array")
    assert figures and {f["unit"] for f in figures} == {"percent"}
    assert len(datasette_get(ledger_db, "/ledger/figures_by_unit.json?unit=&_shape=array")) >= len(figures)


def test_tables_carry_their_descriptions(ledger_db):
    info = datasette_get(ledger_db, "/ledger/contested.json?_shape=objects")
    assert info["rows"] and "cross-document stage" in json.dumps(datasette_get(ledger_db, "/-/metadata.json"))
