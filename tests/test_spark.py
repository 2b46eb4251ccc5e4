"""newsledger spark on a real local SparkSession: Parquet out, imported, equals the local run."""

from __future__ import annotations

import io
import json
import shutil

import pytest

from newsledger.model import to_dict
from newsledger.options import AnalyzeOptions
from newsledger.runner import analyze_inputs
from newsledger.store import Store

from .corpus_util import warc_bytes, write_jsonl

pyspark = pytest.importorskip("pyspark")
pytest.importorskip("pyarrow")
if shutil.which("java") is None:  # pragma: no cover
    pytest.skip("Spark needs Java", allow_module_level=True)


def _content(db):
    with Store(db, readonly=True) as store:
        ledgers = [json.dumps(to_dict(l), sort_keys=True) for l in store.ledgers()]
        failures = sorted((f.source_id, f.code, f.message) for f in store.failures())
        rows = sorted(tuple(r) for r in store.conn.execute("SELECT id, source_id, ledger_hash FROM documents"))
        return sorted(ledgers), failures, rows, store.counts()


def test_spark_job_imported_equals_local_run(tmp_path, analyzer):
    import gzip

    import pyarrow.parquet as pq

    from newsledger.spark import get_session, run_spark
    from newsledger.store.parquet import TABLES, import_parquet

    (tmp_path / "news.warc.gz").write_bytes(gzip.compress(warc_bytes(3)))
    jsonl = write_jsonl(tmp_path / "news.jsonl", 12, bad_every=5)
    inputs = [str(tmp_path / "news.warc.gz"), str(jsonl)]
    options = AnalyzeOptions(published="2024-01-01")

    local = tmp_path / "local.db"
    analyze_inputs(inputs, options=options, db=local, jsonl=io.StringIO(), analyzer=analyzer)

    spark = get_session("local[2]")
    try:
        summary = run_spark(inputs, tmp_path / "out", options=options, spark=spark, lines_per_task=5)
    finally:
        spark.stop()
    assert summary.tasks == 1 + 3  # the WARC, and the JSONL in slices of 5 lines
    assert summary.counts["documents"] == 3 + 12 - 2 and summary.counts["failures"] >= 2
    for table, columns in TABLES.items():  # the explicit schema, as written
        schema = pq.read_schema(next((tmp_path / "out" / table).glob("*.parquet")))
        assert schema.names == [name for name, _ in columns]
    events = pq.read_table(tmp_path / "out" / "events").to_pylist()
    assert events and all(e["evidence_text"] for e in events)

    imported = tmp_path / "imported.db"
    with Store(imported) as store:
        counts = import_parquet(tmp_path / "out", store)
    assert counts["documents"] == 13
    assert _content(imported) == _content(local)


def test_cli_import_of_a_missing_folder(tmp_path):
    from click.testing import CliRunner

    from newsledger.cli import main

    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(main, ["import", str(tmp_path / "empty"), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1 and "newsledger spark" in result.output
