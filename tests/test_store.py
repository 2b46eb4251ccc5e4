"""The SQLite store: idempotent writes, failures, full-text search, Datasette."""

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from newsledger.errors import Failure
from newsledger.model import DocLedger, Document, Quantity, Span
from newsledger.store import Store


def _ledger(text="Rebels seized 12 villages near the river.", source_id="a.txt"):
    doc = Document.from_text(text, source_id=source_id, title="Report")
    return DocLedger(document=doc, quantities=[Quantity(12, Span.of(text, 14, 25), unit="villages")])


def test_write_is_idempotent(tmp_path):
    db = tmp_path / "l.db"
    with Store(db) as store:
        assert store.write(_ledger()) is True
        first = store.counts()
        snapshot = store.conn.execute("SELECT id, analyzed_at, ledger_hash FROM documents").fetchall()
        assert store.write(_ledger()) is False
        assert store.counts() == first
        assert store.conn.execute("SELECT id, analyzed_at, ledger_hash FROM documents").fetchall() == snapshot
    assert first["documents"] == 1 and first["quantities"] == 1


def test_changed_analysis_replaces_rows(tmp_path):
    with Store(tmp_path / "l.db") as store:
        store.write(_ledger())
        changed = _ledger()
        changed.quantities.append(Quantity(3, Span.of(changed.document.text, 0, 6)))
        assert store.write(changed) is True
        assert store.counts()["quantities"] == 2
        assert store.counts()["documents"] == 1


def test_ledger_round_trip_through_store(tmp_path):
    ledger = _ledger()
    with Store(tmp_path / "l.db") as store:
        store.write(ledger)
        assert store.ledger(ledger.document.id) == ledger
        assert store.find_document("a.txt") == ledger.document.id
        assert store.find_document(ledger.document.id[:8]) == ledger.document.id


def test_failures_are_recorded_once_and_cleared_on_success(tmp_path):
    with Store(tmp_path / "l.db") as store:
        store.record_failure(Failure("a.txt", "E103", "bad bytes"))
        store.record_failure(Failure("a.txt", "E103", "bad bytes again"))
        rows = store.conn.execute("SELECT attempts, message FROM failures").fetchall()
        assert [tuple(r) for r in rows] == [(2, "bad bytes again")]
        store.write(_ledger(source_id="a.txt"))
        assert store.failures() == []


def test_full_text_search(tmp_path):
    with Store(tmp_path / "l.db") as store:
        store.write(_ledger())
        store.write(_ledger("Talks on the border resumed in Geneva.", "b.txt"))
        hits = store.search("Geneva")
        assert [h["source_id"] for h in hits] == ["b.txt"]
        store.write(_ledger("Talks on the border resumed in Vienna.", "b.txt"))
        assert [h["source_id"] for h in store.search("Vienna")] == ["b.txt"]


def test_foreign_keys_and_cascade(tmp_path):
    with Store(tmp_path / "l.db") as store:
        store.write(_ledger())
        with pytest.raises(sqlite3.IntegrityError):
            with store.transaction() as c:
                c.execute("INSERT INTO quantities (doc_id, seq, evidence_start, evidence_end, evidence_text) "
                          "VALUES ('nope', 0, 0, 1, 'x')")


def test_opens_in_datasette(tmp_path):
    if shutil.which("datasette", path=str(Path(sys.executable).parent)) is None:
        pytest.skip("datasette is not installed")
    db = tmp_path / "ledger.db"
    with Store(db) as store:
        store.write(_ledger())
    exe = str(Path(sys.executable).parent / "datasette")
    out = subprocess.run([exe, str(db), "--get", "/ledger/quantities.json?_shape=array"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert rows[0]["unit"] == "villages" and rows[0]["evidence_text"] == "12 villages"
    out = subprocess.run([exe, str(db), "--get", "/ledger.json"], capture_output=True, text=True, timeout=120)
    tables = {t["name"] for t in json.loads(out.stdout)["tables"]}
    assert {"documents", "events", "claims", "quantities", "places", "timexes", "actors", "failures",
            "documents_fts"} <= tables
