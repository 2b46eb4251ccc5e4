"""Crash safety: ``kill -9`` of ``newsledger analyze --db`` at random points, 20 times
over one store, leaves it consistent every time; a rerun completes it with no duplicates
and the same content as an uninterrupted run.

Each kill hits the real command (the real model, the real writer): a round starts
``newsledger analyze corpus.jsonl --db l.db`` and kills its process group with SIGKILL
either at a random moment from its start (model loading, schema creation, the resume
scan) or at a random moment after it began writing new documents.  The rounds share the
store, so each one also resumes the previous ones.
"""

from __future__ import annotations

import io
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from newsledger.options import AnalyzeOptions
from newsledger.runner import analyze_inputs

from .corpus_util import write_jsonl
from .test_resume import content

KILLS = 20
N_DOCS = 800
COUNTED = ("timexes", "places", "claims", "events", "quantities")


def stored_documents(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def check_consistent(db: Path) -> dict:
    """The store after a crash: intact, every document whole (one transaction each)."""
    conn = sqlite3.connect(db)  # read-write, as the next run would: recovers the WAL
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        docs = conn.execute("SELECT id, n_timexes, n_places, n_claims, n_events, n_quantities, n_actors "
                            "FROM documents").fetchall()
        ledgers = dict(conn.execute("SELECT doc_id, json FROM ledgers").fetchall())
        assert set(ledgers) == {d[0] for d in docs}, "a document without its ledger row, or the reverse"
        counts = {table: dict(conn.execute(f"SELECT doc_id, count(*) FROM {table} GROUP BY doc_id").fetchall())
                  for table in COUNTED}
        for doc_id, *ns in docs:
            ledger = json.loads(ledgers[doc_id])
            for table, n in zip(COUNTED, ns):
                assert counts[table].get(doc_id, 0) == n == len(ledger[table]), (doc_id, table)
            assert ns[-1] == len(ledger["actors"])
        for table in COUNTED + ("actor_mentions", "event_actors", "links"):
            orphans = conn.execute(f"SELECT count(*) FROM {table} WHERE doc_id NOT IN (SELECT id FROM documents)")
            assert orphans.fetchone()[0] == 0, table
        if conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'checkpoints'").fetchone():
            stray = conn.execute("SELECT count(*) FROM checkpoints WHERE doc_id NOT IN (SELECT id FROM documents)")
            assert stray.fetchone()[0] == 0, "a checkpoint for a document that is not stored"
        return {"documents": len(docs)}
    finally:
        conn.close()


def test_kill_9_twenty_times_then_rerun(analyzer, tmp_path):
    corpus = write_jsonl(tmp_path / "in.jsonl", N_DOCS, bad_every=9)
    reference_db = tmp_path / "ref.db"
    analyze_inputs([str(corpus)], options=AnalyzeOptions(published="2024-01-01"), db=reference_db,
                   jsonl=io.StringIO(), analyzer=analyzer)
    reference = content(reference_db)

    exe = Path(sys.executable).with_name("newsledger")
    db = tmp_path / "crash.db"
    args = [str(exe), "analyze", str(corpus), "--published", "2024-01-01", "-q", "--db", str(db)]
    seed = int(os.environ.get("CRASH_SEED", time.time()))
    rng = random.Random(seed)
    killed_while_writing = 0
    history = []
    for round_ in range(KILLS):
        before = stored_documents(db)
        proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        if round_ % 4 == 3:  # a random moment from the start: loading, schema, resume scan
            time.sleep(rng.uniform(0, 3.0))
        else:  # a random moment once new documents are being written
            deadline = time.monotonic() + 60
            while time.monotonic() < deadline and proc.poll() is None and stored_documents(db) <= before:
                time.sleep(0.02)
            time.sleep(rng.uniform(0, 0.25))
        finished = proc.poll() is not None
        if not finished:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        state = check_consistent(db)
        history.append((round_, before, state["documents"], finished))
        if not finished and state["documents"] > before:
            killed_while_writing += 1
    assert sum(1 for *_, finished in history if not finished) >= KILLS - 2, (seed, history)
    assert killed_while_writing >= KILLS // 2, (seed, history)

    rerun = subprocess.run(args, capture_output=True, text=True, timeout=600)
    assert rerun.returncode in (0, 1), rerun.stderr  # 1: the corpus holds bad lines on purpose
    check_consistent(db)
    assert content(db) == reference, f"seed {seed}"  # same ledgers, failures and row counts: no duplicates
    with sqlite3.connect(db) as conn:
        ids = [r[0] for r in conn.execute("SELECT source_id FROM documents")]
    assert len(ids) == len(set(ids))
