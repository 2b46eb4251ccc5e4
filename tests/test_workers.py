"""--workers N: same ledgers as one process, in input order, failures recorded, memory bounded."""

from __future__ import annotations

import io
import json

import pytest

from newsledger.options import AnalyzeOptions
from newsledger.runner import _InlineExecutor, analyze_inputs, iter_ordered_ledgers
from newsledger.sources import iter_inputs
from newsledger.store import Store

from .corpus_util import example_files, warc_bytes, write_jsonl


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    write_jsonl(root / "a.jsonl", 40, bad_every=7)
    (root / "b.warc").write_bytes(warc_bytes(3))
    return [str(root / "a.jsonl"), str(root / "b.warc"), *map(str, example_files()), str(root / "missing.txt")]


@pytest.fixture(scope="module")
def single(corpus, analyzer, tmp_path_factory):
    out = io.StringIO()
    db = tmp_path_factory.mktemp("one") / "one.db"
    summary = analyze_inputs(corpus, options=AnalyzeOptions(published="2024-01-01", batch_size=4),
                             db=db, jsonl=out, analyzer=analyzer)
    return summary, out.getvalue(), db


def _store_content(db):
    with Store(db, readonly=True) as store:
        ledgers = {l.document.id: json.dumps(__import__("newsledger").to_dict(l), sort_keys=True) for l in store.ledgers()}
        failures = sorted((f.source_id, f.code, f.message) for f in store.failures())
        counts = store.counts()
    return ledgers, failures, counts


def test_two_workers_give_the_same_output_in_input_order(corpus, single, tmp_path):
    summary1, jsonl1, db1 = single
    out = io.StringIO()
    db2 = tmp_path / "two.db"
    summary2 = analyze_inputs(corpus, options=AnalyzeOptions(published="2024-01-01", batch_size=4),
                              db=db2, jsonl=out, workers=2)
    assert out.getvalue() == jsonl1
    lines = [json.loads(line) for line in jsonl1.splitlines()]
    ids = [line["document"]["source_id"] for line in lines]
    assert ids[:3] == ["doc0", "doc1", "doc2"] and ids[-1].endswith("missing.txt")
    assert ids.index("https://news.example/0") == 40  # after the 40 JSONL lines
    assert (summary2.documents, summary2.failed, summary2.failure_codes) == \
           (summary1.documents, summary1.failed, summary1.failure_codes)
    assert summary2.failure_codes["E105"] == 1 and summary2.failure_codes["E106"] >= 1
    assert _store_content(db2) == _store_content(db1)


def test_ordered_pipeline_is_bounded(analyzer):
    """Items are pulled lazily: never more than a bounded number ahead of the output."""
    pulled = []

    def items():
        for item in iter_inputs([str(p) for p in example_files()] * 30):
            pulled.append(item)
            yield item

    executor = _InlineExecutor(AnalyzeOptions(), analyzer)
    seen = 0
    for _ledger, _fp, _resumed in iter_ordered_ledgers(items(), executor, batch_size=4, max_pending=8):
        seen += 1
        assert len(pulled) - seen <= 8 + 4
    assert seen == 60


def test_a_batch_that_breaks_fails_only_its_culprit(analyzer):
    from newsledger.model import Document
    from newsledger.runner import analyze_batch

    class Flaky:
        def analyze_documents(self, docs, published=None):
            docs = list(docs)
            if any("BOOM" in d.text for d in docs):
                raise RuntimeError("model exploded")
            return analyzer.analyze_documents(docs, published=published)

    docs = [Document.from_text(t) for t in ("Kyiv is calm.", "BOOM", "Talks resumed in Baku.")]
    ledgers = analyze_batch(Flaky(), docs)
    assert [bool(l.errors) for l in ledgers] == [False, True, False]
    assert ledgers[1].errors[0].code == "E201"


def test_cli_workers_option(tmp_path):
    from click.testing import CliRunner

    from newsledger.cli import main

    src = write_jsonl(tmp_path / "in.jsonl", 6)
    result = CliRunner().invoke(main, ["analyze", str(src), "--jsonl", str(tmp_path / "o.jsonl"),
                                       "--workers", "2", "-q"])
    assert result.exit_code == 0, result.output
    lines = (tmp_path / "o.jsonl").read_text().splitlines()
    assert [json.loads(l)["document"]["source_id"] for l in lines] == [f"doc{i}" for i in range(6)]
