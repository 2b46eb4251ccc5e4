"""The PySpark job: the same per-document function as ``newsledger analyze``, Parquet out.

In the cc-pyspark manner: the driver turns the inputs into *tasks* (a WARC or
feed file, a slice of lines of a JSONL file, a text/HTML file, a URL); each
Spark partition reads its tasks with the ordinary readers
(:mod:`newsledger.sources`) and analyses them with
:func:`newsledger.runner.analyze_batch` inside ``mapPartitions``, with the
model loaded once per executor Python process (kept between tasks, as Spark
reuses its Python workers).  Rows go to the Parquet tables of
:mod:`newsledger.store.parquet`, with that module's explicit schema.

    newsledger spark corpus/*.warc.gz news.jsonl --output out/ [--master local[2]]
    newsledger import out/ --db ledger.db

Inputs must be readable at the same path by the driver and every executor
(a shared file system); see docs/spark.md for ``spark-submit`` on a cluster.
"""

from __future__ import annotations

import functools
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from .options import AnalyzeOptions
from .store.parquet import TABLES, ledger_rows

#: a plain JSONL file is cut into tasks of this many lines
LINES_PER_TASK = 64


@dataclass(frozen=True, slots=True)
class Task:
    """One unit of input for an executor."""

    kind: str  # file | lines | url
    path: str
    offset: int = 0  # lines: byte offset of the first line
    first_line: int = 1  # lines: its line number
    lines: int = 0  # lines: how many


@dataclass
class SparkSummary:
    tasks: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    output: str = ""

    def format(self) -> str:
        parts = ", ".join(f"{n} {t}" for t, n in self.counts.items())
        return f"{self.tasks} task(s); wrote {parts} to {self.output}"


def plan_tasks(inputs: Iterable[str], lines_per_task: int = LINES_PER_TASK) -> list[Task]:
    """Cut the inputs into tasks, in input order (folders are expanded, sorted)."""
    from .sources import folder_files

    tasks: list[Task] = []
    for raw in inputs:
        name = str(raw)
        if "://" in name:
            tasks.append(Task("url", name))
            continue
        path = Path(name)
        files = folder_files(path) if path.is_dir() else [path]
        for file in files:
            suffix = file.suffix.lower()
            if suffix in (".jsonl", ".ndjson") and file.is_file():
                tasks.extend(_line_tasks(file, lines_per_task))
            else:
                tasks.append(Task("file", str(file)))
    return tasks


def _line_tasks(path: Path, lines_per_task: int) -> list[Task]:
    tasks = []
    with open(path, "rb") as fh:
        offset, first, count, pos, lineno = 0, 1, 0, 0, 0
        for line in fh:
            lineno += 1
            count += 1
            pos += len(line)
            if count >= lines_per_task:
                tasks.append(Task("lines", str(path), offset, first, count))
                offset, first, count = pos, lineno + 1, 0
        if count:
            tasks.append(Task("lines", str(path), offset, first, count))
    return tasks


def read_task(task: Task, options: AnalyzeOptions):
    """The SourceItems of one task, exactly as ``newsledger analyze`` reads them."""
    from .sources import iter_inputs

    if task.kind != "lines":
        yield from iter_inputs([task.path], options.read)
        return
    from .errors import Failure, InputError
    from .sources import SourceItem
    from .sources.jsonl import _record_to_item

    with open(task.path, "rb") as fh:
        fh.seek(task.offset)
        for k in range(task.lines):
            raw = fh.readline()
            if not raw.strip():
                continue
            lineno = task.first_line + k
            fallback = f"{task.path}:{lineno}"
            try:
                yield _record_to_item(raw, fallback, lineno, task.path, options.read)
            except InputError as err:
                yield SourceItem(fallback, failure=Failure.from_error(fallback, err))


@functools.lru_cache(maxsize=2)
def _executor_analyzer(options: AnalyzeOptions):
    """The Analyzer of this executor process: the model is loaded once and kept."""
    from .nlp.pipeline import Analyzer

    return Analyzer(options)


def process_partition(tasks: Iterator[tuple[int, Task]], options: AnalyzeOptions) -> Iterator[tuple[str, tuple]]:
    """``mapPartitions`` body: read and analyse the partition's tasks, yield ``(table, row)``."""
    from .runner import analyze_batch, failed_ledger, prepared_document

    analyzer = _executor_analyzer(options)
    published = options.published
    for part, task in tasks:
        batch, seqs, seq = [], [], 0
        for item in read_task(task, options):
            if item.document is None:
                yield from ledger_rows(failed_ledger(item.failure), part, seq)
            else:
                batch.append(prepared_document(item, published))
                seqs.append(seq)
            seq += 1
            if len(batch) >= options.batch_size:
                for s, ledger in zip(seqs, analyze_batch(analyzer, batch, published)):
                    yield from ledger_rows(ledger, part, s)
                batch, seqs = [], []
        if batch:
            for s, ledger in zip(seqs, analyze_batch(analyzer, batch, published)):
                yield from ledger_rows(ledger, part, s)


def spark_schema(table: str):
    from pyspark.sql import types as T

    simple = {"string": T.StringType(), "int": T.IntegerType(), "long": T.LongType(),
              "double": T.DoubleType(), "bool": T.BooleanType(),
              "array<string>": T.ArrayType(T.StringType())}
    return T.StructType([T.StructField(name, simple[kind], nullable=name not in ("seq", "part") and not (name == "doc_id" and table != "failures"))
                         for name, kind in TABLES[table]])


def get_session(master: Optional[str] = None, app_name: str = "newsledger"):
    """A SparkSession (``master`` for local runs, e.g. ``local[2]``; spark-submit sets its own)."""
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise SystemExit("newsledger spark needs PySpark: pip install 'newsledger[spark]' (and Java 17)") from None
    builder = SparkSession.builder.appName(app_name)
    if master:
        builder = builder.master(master)
    builder = (builder.config("spark.ui.enabled", "false")
               .config("spark.python.worker.reuse", "true")
               .config("spark.sql.session.timeZone", "UTC"))
    return builder.getOrCreate()


def run_spark(inputs: Iterable[str], output: str | Path, *, options: AnalyzeOptions = AnalyzeOptions(),
              spark=None, master: Optional[str] = None, partitions: Optional[int] = None,
              lines_per_task: int = LINES_PER_TASK, mode: str = "overwrite") -> SparkSummary:
    """Analyse ``inputs`` on Spark and write the Parquet tables under ``output``."""
    from pyspark import StorageLevel

    from .nlp.pipeline import check_published

    check_published(options.published)
    tasks = plan_tasks(inputs, lines_per_task)
    session = spark or get_session(master)
    sc = session.sparkContext
    n = partitions or max(1, min(len(tasks), sc.defaultParallelism * 4))
    rdd = sc.parallelize(list(enumerate(tasks)), n)
    rows = rdd.mapPartitions(functools.partial(process_partition, options=options))
    rows = rows.persist(StorageLevel.MEMORY_AND_DISK)  # the NLP runs once for all six tables
    out = str(output)
    summary = SparkSummary(tasks=len(tasks), output=out)
    try:
        for table in TABLES:
            part = rows.filter(lambda r, t=table: r[0] == t).map(lambda r: r[1])
            frame = session.createDataFrame(part, spark_schema(table))
            frame.write.mode(mode).parquet(os.path.join(out, table))
            summary.counts[table] = session.read.parquet(os.path.join(out, table)).count()
    finally:
        rows.unpersist()
    return summary
