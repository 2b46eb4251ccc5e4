"""Interrupted runs resume: no document analysed twice, no duplicate, the same store."""

from __future__ import annotations

import io
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsledger.model import to_dict
from newsledger.options import AnalyzeOptions
from newsledger.runner import analyze_inputs, count_jsonl_lines
from newsledger.store import Store

from .corpus_util import write_jsonl

OPTIONS = AnalyzeOptions(published="2024-01-01", batch_size=4)


def content(db) -> tuple:
    """What a store says, without timestamps and attempt counters."""
    with Store(db, readonly=True) as store:
        ledgers = sorted(json.dumps(to_dict(l), sort_keys=True) for l in store.ledgers())
        failures = sorted((f.source_id, f.code, f.message) for f in store.failures())
        counts = store.counts()
        hashes = sorted(tuple(r) for r in store.conn.execute("SELECT id, ledger_hash FROM documents"))
    return ledgers, failures, counts, [tuple(h) for h in hashes]


class Counting:
    """An analyzer that counts what it analyses."""

    def __init__(self, inner):
        self.inner, self.nlp, self.seen = inner, inner.nlp, []

    def analyze_documents(self, docs, published=None):
        docs = list(docs)
        self.seen.extend(d.source_id for d in docs)
        return self.inner.analyze_documents(docs, published=published)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return write_jsonl(tmp_path_factory.mktemp("c") / "in.jsonl", 30, bad_every=9)


@pytest.fixture(scope="module")
def reference(corpus, analyzer, tmp_path_factory):
    db = tmp_path_factory.mktemp("ref") / "ref.db"
    out = io.StringIO()
    analyze_inputs([str(corpus)], options=OPTIONS, db=db, jsonl=out, analyzer=analyzer)
    return content(db), out.getvalue()


def test_raise_mid_batch_then_rerun(corpus, analyzer, reference, tmp_path):
    db = tmp_path / "l.db"

    class Stop(Exception):
        pass

    done = []

    def on_ledger(ledger):
        done.append(ledger)
        if len(done) == 13:
            raise Stop

    with pytest.raises(Stop):
        analyze_inputs([str(corpus)], options=OPTIONS, db=db, analyzer=analyzer, on_ledger=on_ledger)
    counting = Counting(analyzer)
    out = io.StringIO()
    summary = analyze_inputs([str(corpus)], options=OPTIONS, db=db, jsonl=out, analyzer=counting)
    assert summary.resumed >= 10  # the ledgers written before the interruption are not redone
    assert len(counting.seen) == summary.documents - summary.failed - summary.resumed
    assert not set(counting.seen) & {l.document.source_id for l in done[:12] if not l.errors}
    assert content(db) == reference[0]
    assert out.getvalue() == reference[1]  # --jsonl is complete: resumed ledgers come from the store
    again = Counting(analyzer)
    analyze_inputs([str(corpus)], options=OPTIONS, db=db, analyzer=again)
    assert again.seen == []  # a finished run is all done


def test_changed_analysis_is_redone(corpus, analyzer, tmp_path, monkeypatch):
    import newsledger.runner as runner

    db = tmp_path / "l.db"
    analyze_inputs([str(corpus)], options=OPTIONS, db=db, analyzer=analyzer)
    monkeypatch.setattr(runner, "analysis_version", lambda nlp: "another-version")
    counting = Counting(analyzer)
    analyze_inputs([str(corpus)], options=OPTIONS, db=db, analyzer=counting)
    assert len(counting.seen) > 20


def test_jsonl_resume_appends_only_missing_lines(corpus, analyzer, reference, tmp_path):
    path = tmp_path / "o.jsonl"
    full = reference[1]
    lines = full.splitlines(keepends=True)
    path.write_text("".join(lines[:11]) + lines[11][:25], encoding="utf-8")  # killed mid-line
    skip = count_jsonl_lines(path)
    assert skip == 11 and path.read_text(encoding="utf-8") == "".join(lines[:11])
    counting = Counting(analyzer)
    with open(path, "a", encoding="utf-8") as out:
        analyze_inputs([str(corpus)], options=OPTIONS, jsonl=out, analyzer=counting, skip_items=skip)
    assert path.read_text(encoding="utf-8") == full
    assert "doc0" not in counting.seen and "doc29" in counting.seen


def _run_cli(args, **kw):
    exe = Path(sys.executable).with_name("newsledger")
    return subprocess.Popen([str(exe), *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)


@pytest.mark.parametrize("workers", [1, 2])
def test_kill_9_at_a_random_point_then_rerun(corpus, reference, tmp_path, workers):
    rng = random.Random(workers * 7919 + int(time.time()))
    args = ["analyze", str(corpus), "--published", "2024-01-01", "-q", "--workers", str(workers)]
    for attempt in range(3 - workers):  # 2 kills with one process, 1 with two workers
        db = tmp_path / f"k{attempt}.db"
        proc = _run_cli([*args, "--db", str(db)], start_new_session=True)
        # wait until documents are being written, then kill at a random moment
        deadline = time.time() + 120
        while time.time() < deadline and proc.poll() is None:
            if db.exists():
                try:
                    with Store(db, readonly=True) as store:
                        n = store.counts()["documents"]
                except Exception:
                    n = 0
                if n >= 1:
                    break
            time.sleep(0.05)
        time.sleep(rng.uniform(0, 0.8))
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        rerun = _run_cli([*args, "--db", str(db)])
        _, err = rerun.communicate(timeout=300)
        assert rerun.returncode in (0, 1), err
        assert content(db) == reference[0]
