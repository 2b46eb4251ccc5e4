"""Batch analysis: inputs in, ledgers out to a store and/or a JSONL file.

This is the library function behind ``newsledger analyze``.  It streams:
documents are read, analysed and written one batch at a time, in input order;
a bad input becomes a failed ledger line and a ``failures`` row, and the batch
goes on.
"""

from __future__ import annotations

import hashlib
import itertools
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
    resumed: int = 0  # of the unchanged: already in the store from the same analysis, not analysed again
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
        if self.resumed:
            parts.append(f"{self.resumed} already in the store from the same analysis (not analysed again)")
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


# ---------------------------------------------------------------------------
# the per-document function (shared by the local runner, its workers and Spark)


def analyze_batch(analyzer, documents: list[Document], published: Optional[str] = None) -> list[DocLedger]:
    """Analyse ``documents`` in order, one DocLedger each, never raising.

    A batch that fails as a whole is retried one document at a time, so that a
    document that breaks the model only fails itself (E201; E203 when it ran
    out of memory)."""
    try:
        return list(analyzer.analyze_documents(documents, published=published))
    except Exception:  # noqa: BLE001 - isolate the culprit below
        pass
    out = []
    for document in documents:
        try:
            out.extend(analyzer.analyze_documents([document], published=published))
        except MemoryError:
            out.append(limit_ledger(document, Code.DOC_MEMORY, "the analysis ran out of memory"))
        except Exception as exc:  # noqa: BLE001
            out.append(DocLedger(document=document, errors=[LedgerError(
                Code.ANALYSIS_FAILED.value, f"the analysis failed: {type(exc).__name__}: {exc}")]))
    return out


# ---------------------------------------------------------------------------
# per-document limits

#: the default per-document time limit (seconds; ``--doc-timeout``): generous
#: for news (a 20,000-character article takes a few seconds), it stops a
#: document that would hold a batch for many minutes
DEFAULT_DOC_TIMEOUT = 300.0


def limit_ledger(document: Document, code: Code, message: str) -> DocLedger:
    """The ledger of a document stopped by a limit: its text kept, no items."""
    return DocLedger(document=document, errors=[LedgerError(code.value, message)])


def _timeout_ledger(document: Document, seconds: float, how: str) -> DocLedger:
    return limit_ledger(document, Code.DOC_TIMEOUT,
                        f"the analysis took longer than {seconds:g} s ({how}); raise --doc-timeout or split the document")


class _DocTimeout(BaseException):
    """Raised by the alarm of the inline executor; a BaseException so that
    ``analyze_batch``'s ``except Exception`` lets it through."""


def _alarm_usable() -> bool:
    import signal
    import threading

    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


class _Alarm:
    """``with _Alarm(seconds):`` raises :class:`_DocTimeout` in this (main) thread
    when the block runs longer (SIGALRM; restores the previous handler)."""

    def __init__(self, seconds: float):
        self.seconds = seconds

    def __enter__(self):
        import signal

        def ring(signum, frame):
            raise _DocTimeout()

        self.previous = signal.signal(signal.SIGALRM, ring)
        signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(self, *exc):
        import signal

        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self.previous)
        return False


def analyze_batch_limited(analyzer, documents: list[Document], published: Optional[str],
                          doc_timeout: Optional[float]) -> list[DocLedger]:
    """:func:`analyze_batch` with a soft per-document time limit in this process.

    The batch may take ``doc_timeout`` × its size; past that each document is
    retried alone with ``doc_timeout`` seconds, and one that runs past it gets
    E202.  The limit is an alarm signal: Python code is stopped, a single call
    into C that never returns is not (use workers for a hard limit)."""
    if not doc_timeout or not _alarm_usable():
        return analyze_batch(analyzer, documents, published)
    try:
        with _Alarm(doc_timeout * len(documents)):
            return analyze_batch(analyzer, documents, published)
    except _DocTimeout:
        pass
    out = []
    for document in documents:
        try:
            with _Alarm(doc_timeout):
                out.extend(analyze_batch(analyzer, [document], published))
        except _DocTimeout:
            out.append(_timeout_ledger(document, doc_timeout, "stopped by an alarm"))
    return out


def prepared_document(item: SourceItem, published: Optional[str]) -> Document:
    """The document as it will be analysed: the item's own date, else the default."""
    doc = item.document
    if item.published:
        doc = replace(doc, published=item.published, published_source="input")
    elif not doc.published and published:
        doc = replace(doc, published=published, published_source="input")
    return doc


def analysis_version(nlp) -> str:
    """A fingerprint of the analysis: our code and data files, the model and the pipeline.

    A document whose checkpoint carries another fingerprint is analysed again."""
    from . import __version__

    h = hashlib.sha256(__version__.encode())
    root = Path(__file__).resolve().parent
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".tsv", ".json", ".txt", ".sql") and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(root)).encode())
            h.update(path.read_bytes())
    meta = nlp.meta
    h.update(json.dumps([meta.get("lang"), meta.get("name"), meta.get("version"), list(nlp.pipe_names)]).encode())
    return h.hexdigest()[:20]


def document_fingerprint(document: Document, version: str) -> str:
    data = json.dumps([version, to_dict(document)], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:20]


class Checkpoints:
    """Which documents of a store were analysed, and by which analysis.

    A row is written after the document's ledger is committed; a rerun of an
    interrupted batch skips (does not re-analyse) documents whose fingerprint
    is already there, so ``--db`` is the batch checkpoint."""

    def __init__(self, store):
        self.store = store
        with store.conn:
            store.conn.execute("CREATE TABLE IF NOT EXISTS checkpoints "
                               "(doc_id TEXT PRIMARY KEY, fingerprint TEXT NOT NULL)")

    def done(self, doc_id: str, fingerprint: str) -> bool:
        row = self.store.conn.execute(
            "SELECT 1 FROM checkpoints c JOIN documents d ON d.id = c.doc_id "
            "WHERE c.doc_id = ? AND c.fingerprint = ?", (doc_id, fingerprint)).fetchone()
        return row is not None

    def mark(self, doc_id: str, fingerprint: str) -> None:
        with self.store.conn:
            self.store.conn.execute("INSERT OR REPLACE INTO checkpoints (doc_id, fingerprint) VALUES (?, ?)",
                                    (doc_id, fingerprint))


# ---------------------------------------------------------------------------
# executors: where batches are analysed


class _InlineExecutor:
    """Analyses each batch in this process (``--workers 1``), with a soft time limit."""

    def __init__(self, options: AnalyzeOptions, analyzer=None, doc_timeout: Optional[float] = None):
        from .nlp.pipeline import Analyzer

        self.analyzer = analyzer or Analyzer(options)
        self.version = analysis_version(self.analyzer.nlp)
        self.doc_timeout = doc_timeout
        self._done: deque = deque()

    def capacity(self) -> int:
        return 1

    def submit(self, number: int, documents: list[Document], published: Optional[str]) -> None:
        self._done.append((number, analyze_batch_limited(self.analyzer, documents, published, self.doc_timeout)))

    def receive(self):
        return self._done.popleft()

    def close(self, abort: bool = False) -> None:
        pass


class WorkerCrashed(RuntimeError):
    pass


def _worker_main(options: AnalyzeOptions, conn) -> None:  # pragma: no cover - in a child process
    """A worker process: load the model once, then analyse batches until told to stop."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles ^C and stops us
    from .nlp.pipeline import Analyzer

    try:
        analyzer = Analyzer(options)
        conn.send(("ready", analysis_version(analyzer.nlp)))
    except Exception as exc:  # noqa: BLE001
        conn.send(("error", f"{type(exc).__name__}: {exc}"))
        return
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        number, documents, published = task
        conn.send(("done", number, analyze_batch(analyzer, documents, published)))


def _rss_mb(pid: int) -> Optional[float]:
    """Resident memory of process ``pid`` in MB (Linux /proc), None elsewhere."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            pages = int(fh.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    import os

    return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)


@dataclass
class _Task:
    key: tuple  # ("batch", number) or ("part", number, index)
    documents: list
    published: Optional[str]


class _Worker:
    """One worker process with its own pipe: killing it harms no other worker."""

    def __init__(self, ctx, options: AnalyzeOptions, index: int):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(options, child), name=f"newsledger-worker-{index}",
                                daemon=True)
        self.proc.start()
        child.close()
        self.ready = False
        self.task: Optional[_Task] = None
        self.started = 0.0

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(timeout=10)
        self.conn.close()


class _ProcessExecutor:
    """Analyses batches in N worker processes (spawn/forkserver: each loads the model once).

    At most ``2 * workers`` batches are in flight.  Limits: a batch may take
    ``doc_timeout`` × its size seconds and a worker may hold ``max_memory_mb``
    MB resident; past either, the parent kills the worker, starts a new one,
    and retries the batch's documents one by one — the one that runs past the
    limit alone is recorded (E202 time, E203 memory), the batch goes on.  A
    worker that dies while analysing is handled the same way (E203)."""

    def __init__(self, options: AnalyzeOptions, workers: int, start_method: Optional[str] = None,
                 doc_timeout: Optional[float] = None, max_memory_mb: Optional[float] = None):
        import multiprocessing as mp

        method = start_method or ("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
        self.ctx = mp.get_context(method)
        self.options = options
        self.workers = workers
        self.doc_timeout = doc_timeout
        self.max_memory_mb = max_memory_mb
        self.queue: deque[_Task] = deque()
        self.done: deque = deque()
        self.parts: dict[int, list] = {}
        self.spawned = 0
        self.replaced = 0  # workers killed for a limit (or found dead) and replaced
        self.version = None
        self.pool: list[_Worker] = []
        try:
            self.pool = [self._spawn() for _ in range(workers)]
            while not all(w.ready for w in self.pool):
                self._poll(1.0)
        except BaseException:
            self.close(abort=True)
            raise

    def _spawn(self) -> _Worker:
        self.spawned += 1
        return _Worker(self.ctx, self.options, self.spawned - 1)

    def capacity(self) -> int:
        return 2 * self.workers

    def submit(self, number: int, documents: list[Document], published: Optional[str]) -> None:
        self.queue.append(_Task(("batch", number), documents, published))
        self._dispatch()

    def receive(self):
        while not self.done:
            self._dispatch()
            self._poll(0.5)
        return self.done.popleft()

    # -- internals
    def _dispatch(self) -> None:
        import time

        for worker in self.pool:
            if worker.ready and worker.task is None and self.queue:
                task = self.queue.popleft()
                worker.task, worker.started = task, time.monotonic()
                try:
                    worker.conn.send((0, task.documents, task.published))
                except (OSError, ValueError):
                    self._lost(worker, Code.DOC_MEMORY, "the worker process analysing it died")

    def _poll(self, timeout: float) -> None:
        import time
        from multiprocessing.connection import wait

        now = time.monotonic()
        if self.doc_timeout:
            for worker in self.pool:
                if worker.task is not None:
                    left = worker.started + self.doc_timeout * len(worker.task.documents) - now
                    timeout = max(0.0, min(timeout, left))
        for conn in wait([w.conn for w in self.pool], timeout):
            worker = next((w for w in self.pool if w.conn is conn), None)
            if worker is None:
                continue
            try:
                message = conn.recv()
            except (EOFError, OSError):
                worker.proc.join(timeout=5)
                if not worker.ready:
                    raise WorkerCrashed(f"worker process {worker.proc.name} died while starting "
                                        f"(exit code {worker.proc.exitcode})") from None
                self._lost(worker, Code.DOC_MEMORY,
                           f"the worker process analysing it died (exit code {worker.proc.exitcode}; out of memory?)")
                continue
            if message[0] == "ready":
                worker.ready = True
                self.version = message[1]
            elif message[0] == "error":
                raise WorkerCrashed(f"a worker could not start: {message[1]}")
            elif message[0] == "done" and worker.task is not None:
                task, worker.task = worker.task, None
                self._deliver(task, message[2])
        now = time.monotonic()
        for worker in list(self.pool):
            if worker.task is None:
                if not worker.proc.is_alive() and not worker.ready:
                    raise WorkerCrashed(f"worker process {worker.proc.name} died while starting "
                                        f"(exit code {worker.proc.exitcode})")
                continue
            if self.doc_timeout and now - worker.started > self.doc_timeout * len(worker.task.documents):
                self._lost(worker, Code.DOC_TIMEOUT, None)
            elif self.max_memory_mb and (_rss_mb(worker.proc.pid) or 0) > self.max_memory_mb:
                self._lost(worker, Code.DOC_MEMORY,
                           f"the worker analysing it went past the memory limit of {self.max_memory_mb:g} MB "
                           "(--max-memory); it was stopped")
            elif not worker.proc.is_alive() and not worker.conn.poll():
                self._lost(worker, Code.DOC_MEMORY,
                           f"the worker process analysing it died (exit code {worker.proc.exitcode}; out of memory?)")

    def _lost(self, worker: _Worker, code: Code, message: Optional[str]) -> None:
        """Kill ``worker``, start another; retry its task's documents alone, or record the one."""
        task = worker.task
        worker.kill()
        self.pool[self.pool.index(worker)] = self._spawn()
        self.replaced += 1
        if task is None:
            return
        if len(task.documents) > 1:
            number = task.key[1] if task.key[0] == "batch" else None
            if task.key[0] == "batch":
                self.parts[number] = [None] * len(task.documents)
                keys = [("part", number, i) for i in range(len(task.documents))]
            else:  # cannot happen: parts hold one document
                keys = [task.key]
            for key, document in reversed(list(zip(keys, task.documents))):
                self.queue.appendleft(_Task(key, [document], task.published))
            return
        (document,) = task.documents
        if code is Code.DOC_TIMEOUT:
            ledger = _timeout_ledger(document, self.doc_timeout, "its worker process was stopped and replaced")
        else:
            ledger = limit_ledger(document, code, message or "the analysis ran out of memory")
        self._deliver(task, [ledger])

    def _deliver(self, task: _Task, ledgers: list) -> None:
        if task.key[0] == "batch":
            self.done.append((task.key[1], ledgers))
            return
        _, number, index = task.key
        slots = self.parts[number]
        slots[index] = ledgers[0]
        if all(slot is not None for slot in slots):
            del self.parts[number]
            self.done.append((number, slots))

    def close(self, abort: bool = False) -> None:
        if not abort:
            for worker in self.pool:
                try:
                    worker.conn.send(None)
                except (OSError, ValueError):
                    pass
            for worker in self.pool:
                worker.proc.join(timeout=30)
        for worker in self.pool:
            if worker.proc.is_alive():
                worker.proc.terminate()
                worker.proc.join(timeout=5)
            if worker.proc.is_alive():
                worker.kill()
            worker.conn.close()


# ---------------------------------------------------------------------------
# the ordered, bounded pipeline


@dataclass
class _Entry:
    """One input document on its way through: a ledger when known, else a batch number."""

    ledger: Optional[DocLedger] = None
    batch: Optional[int] = None
    fingerprint: Optional[str] = None
    stored: Optional[str] = None  # doc id of a ledger to read back from the store (resumed)


def iter_ordered_ledgers(items: Iterable[SourceItem], executor, *, published: Optional[str] = None,
                         batch_size: int = 16, checkpoints: Optional[Checkpoints] = None,
                         skipped: Optional[Callable[[str], None]] = None,
                         max_pending: int = 256) -> Iterator[tuple[DocLedger, Optional[str], bool]]:
    """Yield ``(ledger, fingerprint, resumed)`` for every item, in input order.

    Documents go to ``executor`` in batches; at most ``executor.capacity()``
    batches and ``max_pending`` waiting entries are held, so memory stays flat
    however long ``items`` is.  With ``checkpoints``, a document already
    analysed by the same analysis is not analysed again: its stored ledger is
    yielded (``resumed`` True)."""
    pending: deque[_Entry] = deque()
    waiting: dict[int, list[_Entry]] = {}
    batch: list[Document] = []
    batch_entries: list[_Entry] = []
    counter = 0
    version = executor.version

    def flush_batch() -> None:
        nonlocal counter, batch, batch_entries
        if not batch:
            return
        while len(waiting) >= executor.capacity():
            collect()
        for entry in batch_entries:
            entry.batch = counter
        waiting[counter] = batch_entries
        executor.submit(counter, batch, published)
        counter += 1
        batch, batch_entries = [], []

    def collect() -> None:
        number, ledgers = executor.receive()
        for entry, ledger in zip(waiting.pop(number), ledgers):
            entry.ledger = ledger

    def ready() -> Iterator[tuple[DocLedger, Optional[str], bool]]:
        while pending and (pending[0].ledger is not None or pending[0].stored is not None):
            entry = pending.popleft()
            if entry.stored is not None:
                ledger = _stored_ledger(checkpoints.store, entry.stored)
                yield ledger, entry.fingerprint, True
            else:
                yield entry.ledger, entry.fingerprint, False

    for item in items:
        if item.document is None:
            pending.append(_Entry(ledger=failed_ledger(item.failure)))
        else:
            document = prepared_document(item, published)
            fingerprint = document_fingerprint(document, version) if checkpoints is not None else None
            if checkpoints is not None and checkpoints.done(document.id, fingerprint):
                pending.append(_Entry(stored=document.id, fingerprint=fingerprint))
                if skipped is not None:
                    skipped(document.id)
            else:
                entry = _Entry(fingerprint=fingerprint, batch=-1)
                pending.append(entry)
                batch.append(document)
                batch_entries.append(entry)
                if len(batch) >= batch_size:
                    flush_batch()
        if len(pending) > max_pending:
            flush_batch()
            while len(pending) > max_pending and waiting:
                collect()
                yield from ready()
        yield from ready()
    flush_batch()
    while waiting:
        collect()
        yield from ready()
    yield from ready()


def _stored_ledger(store, doc_id: str) -> DocLedger:
    from .store.parquet import ledger_from_json

    row = store.conn.execute("SELECT json FROM ledgers WHERE doc_id = ?", (doc_id,)).fetchone()
    return ledger_from_json(row[0])


def count_jsonl_lines(path: str | Path) -> int:
    """Complete lines of a JSONL output file; a partial last line (a run killed
    while writing) is cut off, so that ``--resume`` appends after the last whole line."""
    path = Path(path)
    if not path.exists():
        return 0
    with open(path, "rb+") as fh:
        data_end = fh.seek(0, 2)
        count, last_newline, pos = 0, 0, 0
        fh.seek(0)
        for line in iter(lambda: fh.readline(), b""):
            pos += len(line)
            if line.endswith(b"\n"):
                count += 1
                last_newline = pos
        if last_newline != data_end:
            fh.truncate(last_newline)
    return count


def analyze_inputs(inputs: Iterable[str], *, options: AnalyzeOptions = AnalyzeOptions(),
                   db: Optional[str | Path] = None, jsonl: Optional[IO[str]] = None,
                   analyzer=None, progress: bool = False,
                   on_ledger: Optional[Callable[[DocLedger], None]] = None,
                   workers: int = 1, resume: bool = True, skip_items: int = 0,
                   start_method: Optional[str] = None, doc_timeout: Optional[float] = DEFAULT_DOC_TIMEOUT,
                   max_memory_mb: Optional[float] = None) -> RunSummary:
    """Analyse every input; write to ``db`` (SQLite path) and/or ``jsonl`` (an open text stream).

    ``workers`` > 1 analyses in that many processes (the model loaded once in
    each); the store is written by this process alone, one transaction per
    document, in input order.  With ``db`` and ``resume`` (the default), the
    store is the checkpoint: documents it already holds from the same analysis
    are not analysed again (their stored ledgers still go to ``jsonl``).
    ``skip_items`` skips the first N input documents entirely (JSONL-only
    resume: the lines already written).

    Limits: ``doc_timeout`` seconds per document (E202; None or 0: none) and,
    with worker processes, ``max_memory_mb`` MB resident per worker (E203).
    With workers the parent kills and replaces a worker past a limit; in one
    process the time limit is a soft alarm.  ``max_memory_mb`` needs a worker,
    so it starts one even when ``workers`` is 1."""
    from .nlp.pipeline import check_published

    published = check_published(options.published)
    store = checkpoints = None
    summary = RunSummary()
    if db is not None:
        from .store import Store

        store = Store(db)
    executor = None
    bar = None
    try:
        if workers > 1 or max_memory_mb:
            executor = _ProcessExecutor(options, workers, start_method, doc_timeout=doc_timeout,
                                        max_memory_mb=max_memory_mb)
        else:
            executor = _InlineExecutor(options, analyzer, doc_timeout=doc_timeout)
        if store is not None and resume:
            checkpoints = Checkpoints(store)
        items = iter_inputs(inputs, options.read)
        if skip_items:
            items = itertools.islice(items, skip_items, None)
        ledgers = iter_ordered_ledgers(items, executor, published=published, batch_size=options.batch_size,
                                       checkpoints=checkpoints,
                                       skipped=lambda _id: setattr(summary, "resumed", summary.resumed + 1))
        if progress:
            from tqdm import tqdm

            bar = tqdm(ledgers, unit="doc", desc="analyzing", leave=False)
            ledgers = bar
        for ledger, fingerprint, resumed in ledgers:
            _account(summary, ledger)
            if jsonl is not None:
                jsonl.write(json.dumps(to_dict(ledger), ensure_ascii=False) + "\n")
            if resumed:
                summary.unchanged += 1
            elif store is not None:
                changed = _store(store, summary, ledger)
                if changed is not None:
                    if changed:
                        summary.written += 1
                    elif not ledger.errors:
                        summary.unchanged += 1
                    if checkpoints is not None and fingerprint and not ledger.errors:
                        checkpoints.mark(ledger.document.id, fingerprint)
            if on_ledger is not None:
                on_ledger(ledger)
        executor.close()
        executor = None
    finally:
        if bar is not None:
            bar.close()
        if executor is not None:
            executor.close(abort=True)
        if store is not None:
            store.close()
    return summary


def _account(summary: RunSummary, ledger: DocLedger) -> None:
    summary.documents += 1
    if ledger.errors:
        summary.failed += 1
        summary.failure_codes.update(e.code for e in ledger.errors)
    for key in ("events", "claims", "quantities", "places", "timexes", "actors"):
        summary.items[key] += len(getattr(ledger, key))


def _store(store, summary: RunSummary, ledger: DocLedger) -> Optional[bool]:
    try:
        return store.write(ledger)
    except Exception as exc:  # a store bug must not stop the batch
        err = LedgerError(Code.STORE_FAILED.value, f"could not store the ledger: {type(exc).__name__}: {exc}")
        ledger.errors.append(err)
        summary.failed += 1
        summary.failure_codes[err.code] += 1
        store.record_failure(Failure(ledger.document.source_id or ledger.document.id, err.code, err.message))
        return None
