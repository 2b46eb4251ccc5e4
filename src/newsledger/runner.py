"""Batch analysis: inputs in, ledgers out to a store and/or a JSONL file.

This is the library function behind ``newsledger analyze``.  It streams:
documents are read, analysed and written one batch at a time, in input order;
a bad input becomes a failed ledger line and a ``failures`` row, and the batch
goes on.
"""

from __future__ import annotations

import json
from collections import Counter, deque
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator, Optional

from .errors import Code, Failure
from .model import DocLedger, Document, LedgerError, content_id, to_dict
from .options import AnalyzeOptions
from .sources import SourceItem, iter_inputs


@dataclass
class RunSummary:
    """What a batch did."""

    documents: int = 0
    written: int = 0  # new or changed in the store
    unchanged: int = 0
    failed: int = 0
    failure_codes: Counter = field(default_factory=Counter)
    items: Counter = field(default_factory=Counter)

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def format(self) -> str:
        parts = [f"{self.documents} document(s) analysed"]
        if self.written or self.unchanged:
            parts.append(f"{self.written} written to the store, {self.unchanged} unchanged")
        if self.failed:
            codes = ", ".join(f"{code} ×{n}" for code, n in sorted(self.failure_codes.items()))
            parts.append(f"{self.failed} failed ({codes})")
        items = ", ".join(f"{n} {k}" for k, n in self.items.items())
        return "; ".join(parts) + (f"\n  found: {items}" if items else "")


def failed_ledger(failure: Failure) -> DocLedger:
    """The ledger line of an input that could not be read (contract: errors, empty lists)."""
    doc = Document(id=content_id(f"failed:{failure.source_id}"), text="", source_id=failure.source_id)
    return DocLedger(document=doc, errors=[LedgerError(failure.code, failure.message)])


def iter_ledgers(items: Iterable[SourceItem], analyzer, *, published: Optional[str] = None) -> Iterator[DocLedger]:
    """Analyse the documents of ``items`` in order; failed items give failed ledgers."""
    pending: deque[SourceItem] = deque()

    def documents() -> Iterator[Document]:
        for item in items:
            pending.append(item)
            if item.document is not None:
                doc = item.document
                if item.published:
                    doc = replace(doc, published=item.published, published_source="input")
                yield doc

    for ledger in analyzer.analyze_documents(documents(), published=published):
        while pending and pending[0].document is None:
            yield failed_ledger(pending.popleft().failure)
        pending.popleft()
        yield ledger
    while pending:
        item = pending.popleft()
        if item.failure is not None:
            yield failed_ledger(item.failure)


def analyze_inputs(inputs: Iterable[str], *, options: AnalyzeOptions = AnalyzeOptions(),
                   db: Optional[str | Path] = None, jsonl: Optional[IO[str]] = None,
                   analyzer=None, progress: bool = False,
                   on_ledger: Optional[Callable[[DocLedger], None]] = None) -> RunSummary:
    """Analyse every input; write to ``db`` (SQLite path) and/or ``jsonl`` (an open text stream)."""
    from .nlp.pipeline import Analyzer, check_published

    published = check_published(options.published)
    analyzer = analyzer or Analyzer(options)
    store = None
    if db is not None:
        from .store import Store

        store = Store(db)
    summary = RunSummary()
    ledgers = iter_ledgers(iter_inputs(inputs, options.read), analyzer, published=published)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(ledgers, unit="doc", desc="analyzing", leave=False)
        ledgers = bar
    try:
        for ledger in ledgers:
            summary.documents += 1
            if ledger.errors:
                summary.failed += 1
                summary.failure_codes.update(e.code for e in ledger.errors)
            for key in ("events", "claims", "quantities", "places", "timexes", "actors"):
                summary.items[key] += len(getattr(ledger, key))
            if jsonl is not None:
                jsonl.write(json.dumps(to_dict(ledger), ensure_ascii=False) + "\n")
            if store is not None:
                try:
                    changed = store.write(ledger)
                except Exception as exc:  # a store bug must not stop the batch
                    err = LedgerError(Code.STORE_FAILED.value, f"could not store the ledger: {type(exc).__name__}: {exc}")
                    ledger.errors.append(err)
                    summary.failed += 1
                    summary.failure_codes[err.code] += 1
                    store.record_failure(Failure(ledger.document.source_id or ledger.document.id, err.code, err.message))
                    changed = False
                if changed:
                    summary.written += 1
                elif not ledger.errors:
                    summary.unchanged += 1
            if on_ledger is not None:
                on_ledger(ledger)
    finally:
        if bar is not None:
            bar.close()
        if store is not None:
            store.close()
    return summary
