"""Ledgers as Parquet tables (written by ``newsledger spark``), and their import into a store.

One explicit schema, :data:`TABLES`, serves both sides: the Spark job builds
its ``StructType`` from it (:mod:`newsledger.spark`), and :func:`import_parquet`
reads the tables back with pyarrow.

Tables (one folder each under the output folder):

* ``documents`` — one row per analysed document, with ``ledger`` holding the
  whole DocLedger (the JSON contract), so that an import is lossless;
  ``part`` and ``seq`` give the input order.
* ``events``, ``claims``, ``quantities``, ``places`` — flat rows for analysis
  in Spark, pandas or DuckDB (``doc_id`` + ``seq`` as in the SQLite store).
* ``failures`` — every coded error: inputs that could not be read (``doc_id``
  null) and stage errors of analysed documents.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any, Iterator

from ..errors import Failure
from ..model import DocLedger, from_dict, to_dict

#: table -> [(column, type)]; types: string, int, long, double, bool, array<string>
TABLES: dict[str, list[tuple[str, str]]] = {
    "documents": [
        ("part", "long"), ("seq", "long"), ("id", "string"), ("source_id", "string"),
        ("url", "string"), ("title", "string"), ("outlet", "string"), ("author", "string"),
        ("published", "string"), ("published_source", "string"), ("language", "string"),
        ("text", "string"), ("n_timexes", "int"), ("n_places", "int"), ("n_actors", "int"),
        ("n_claims", "int"), ("n_events", "int"), ("n_quantities", "int"), ("n_errors", "int"),
        ("ledger", "string"),
    ],
    "events": [
        ("doc_id", "string"), ("seq", "int"), ("type", "string"), ("mode", "string"),
        ("modality", "string"), ("attributed_to", "string"),
        ("trigger_start", "int"), ("trigger_end", "int"), ("trigger_text", "string"),
        ("evidence_start", "int"), ("evidence_end", "int"), ("evidence_text", "string"),
        ("time_value", "string"), ("time_how", "string"),
        ("place_name", "string"), ("place_lat", "double"), ("place_lon", "double"),
        ("cameo_root", "string"), ("intensity", "double"),
        ("source_actors", "array<string>"), ("target_actors", "array<string>"),
    ],
    "claims": [
        ("doc_id", "string"), ("seq", "int"), ("kind", "string"),
        ("speaker_start", "int"), ("speaker_end", "int"), ("speaker_text", "string"),
        ("speaker_name", "string"), ("speaker_actor", "string"),
        ("cue_start", "int"), ("cue_end", "int"), ("cue_text", "string"),
        ("content_start", "int"), ("content_end", "int"), ("content_text", "string"),
        ("time_value", "string"), ("negated", "bool"),
    ],
    "quantities": [
        ("doc_id", "string"), ("seq", "int"), ("value", "double"), ("unit", "string"),
        ("counts", "string"), ("hedge", "string"), ("approx", "string"), ("change", "string"),
        ("evidence_start", "int"), ("evidence_end", "int"), ("evidence_text", "string"),
        ("time_value", "string"),
    ],
    "places": [
        ("doc_id", "string"), ("seq", "int"), ("start", "int"), ("end", "int"), ("text", "string"),
        ("name", "string"), ("lat", "double"), ("lon", "double"), ("country", "string"),
        ("geonameid", "long"), ("kind", "string"), ("role", "string"),
    ],
    "failures": [
        ("part", "long"), ("seq", "long"), ("source_id", "string"), ("doc_id", "string"),
        ("code", "string"), ("message", "string"),
    ],
}


def _f(value: Any) -> Any:
    return float(value) if value is not None else None


def ledger_rows(ledger: DocLedger, part: int, seq: int) -> Iterator[tuple[str, tuple]]:
    """``(table, row)`` pairs for one ledger, rows in the column order of :data:`TABLES`."""
    doc = ledger.document
    source_id = doc.source_id or doc.id
    if not doc.text:  # an input that could not be read
        for err in ledger.errors:
            yield "failures", (part, seq, source_id, None, err.code, err.message)
        return
    yield "documents", (part, seq, doc.id, doc.source_id, doc.url, doc.title, doc.outlet, doc.author,
                        doc.published, doc.published_source, doc.language, doc.text,
                        len(ledger.timexes), len(ledger.places), len(ledger.actors), len(ledger.claims),
                        len(ledger.events), len(ledger.quantities), len(ledger.errors),
                        json.dumps(to_dict(ledger), ensure_ascii=False))
    for err in ledger.errors:
        yield "failures", (part, seq, source_id, doc.id, err.code, err.message)
    for i, e in enumerate(ledger.events):
        yield "events", (doc.id, i, e.type, e.mode, e.modality, e.attributed_to,
                         e.trigger.start, e.trigger.end, e.trigger.text,
                         e.evidence.start, e.evidence.end, e.evidence.text,
                         e.time.value if e.time else None, e.time.how if e.time else None,
                         e.place.name if e.place else None, _f(e.place.lat) if e.place else None,
                         _f(e.place.lon) if e.place else None, e.cameo_root, _f(e.intensity),
                         [r.actor or r.text for r in e.source_actors], [r.actor or r.text for r in e.target_actors])
    for i, c in enumerate(ledger.claims):
        yield "claims", (doc.id, i, c.kind,
                         c.speaker.start if c.speaker else None, c.speaker.end if c.speaker else None,
                         c.speaker.text if c.speaker else None, c.speaker_name, c.speaker_actor,
                         c.cue.start if c.cue else None, c.cue.end if c.cue else None, c.cue.text if c.cue else None,
                         c.content.start, c.content.end, c.content.text,
                         c.time.value if c.time else None, bool(c.negated))
    for i, q in enumerate(ledger.quantities):
        yield "quantities", (doc.id, i, _f(q.value), q.unit, q.counts, q.hedge, q.approx, q.change,
                             q.evidence.start, q.evidence.end, q.evidence.text, q.time.value if q.time else None)
    for i, p in enumerate(ledger.places):
        yield "places", (doc.id, i, p.start, p.end, p.text, p.name, _f(p.lat), _f(p.lon), p.country,
                         p.geonameid, p.kind, p.role)


# ---------------------------------------------------------------------------
# import


def ledger_from_json(text: str) -> DocLedger:
    """A DocLedger from its contract JSON, exactly: numbers keep their JSON type
    (``from_dict`` makes ``2`` a float, which would change the ledger's hash)."""
    data = json.loads(text)
    ledger = from_dict(DocLedger, data)
    _restore_ints(ledger, data)
    return ledger


def _restore_ints(obj: Any, raw: Any) -> None:
    if isinstance(obj, list) and isinstance(raw, list):
        for o, r in zip(obj, raw):
            _restore_ints(o, r)
        return
    if not dataclasses.is_dataclass(obj) or not isinstance(raw, dict):
        return
    for f in dataclasses.fields(obj):
        value, r = getattr(obj, f.name), raw.get(f.name)
        if isinstance(value, float) and isinstance(r, int) and not isinstance(r, bool):
            setattr(obj, f.name, r)
        elif isinstance(value, list) or dataclasses.is_dataclass(value):
            _restore_ints(value, r)


def _arrow():
    try:
        import pyarrow.dataset as ds
    except ImportError:  # pragma: no cover - depends on the install
        raise SystemExit("reading Parquet needs pyarrow: pip install 'newsledger[spark]'") from None
    return ds


def _read_sorted(folder: Path, columns: list[str]) -> list[dict]:
    ds = _arrow()
    if not folder.exists():
        return []
    table = ds.dataset(str(folder), format="parquet").to_table(columns=columns)
    table = table.sort_by([("part", "ascending"), ("seq", "ascending")])
    return table.to_pylist()


def iter_parquet_ledgers(folder: str | Path) -> Iterator[DocLedger | Failure]:
    """The ledgers (and read failures) of a ``newsledger spark`` output folder, in input order."""
    folder = Path(folder)
    if not (folder / "documents").exists() and not (folder / "failures").exists():
        raise FileNotFoundError(f"{folder} holds no 'documents' or 'failures' table: is it the --output of 'newsledger spark'?")
    docs = _read_sorted(folder / "documents", ["part", "seq", "ledger"])
    fails = [r for r in _read_sorted(folder / "failures", ["part", "seq", "source_id", "doc_id", "code", "message"])
             if r["doc_id"] is None]
    i = j = 0
    while i < len(docs) or j < len(fails):
        take_doc = j >= len(fails) or (i < len(docs) and (docs[i]["part"], docs[i]["seq"]) <= (fails[j]["part"], fails[j]["seq"]))
        if take_doc:
            yield ledger_from_json(docs[i]["ledger"])
            i += 1
        else:
            r = fails[j]
            yield Failure(r["source_id"], r["code"], r["message"])
            j += 1


def import_parquet(folder: str | Path, store) -> dict[str, int]:
    """Load a ``newsledger spark`` output folder into ``store`` (idempotent, like analyze)."""
    counts = {"documents": 0, "written": 0, "failures": 0}
    for item in iter_parquet_ledgers(folder):
        if isinstance(item, Failure):
            store.record_failure(item)
            counts["failures"] += 1
        else:
            counts["documents"] += 1
            if store.write(item):
                counts["written"] += 1
    return counts
