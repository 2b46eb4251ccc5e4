"""Exports of a ledger store, one module per format.

``export_ledger(store, fmt, output)`` is what ``newsledger export`` calls;
each format's module has an ``export(ledger, output) -> list[str]`` function
that reads through :class:`newsledger.api.Ledger` (the same functions as the
Python and HTTP APIs).

==========  ====================================================  ========
format      what                                                  needs
==========  ====================================================  ========
jsonl       one DocLedger (the JSON contract) per line            —
csv         one CSV file per table, in a folder                   —
parquet     one Parquet file per table, in a folder               pyarrow
gdelt       the GDELT 2.0 event table (61 tab-separated columns)  —
timelinejs  TimelineJS 3 JSON                                     —
gexf        the actor network (Gephi)                             networkx
graphml     the actor network (GraphML)                           networkx
geojson     places and located events (QGIS, web maps)            —
ledger      the merged ledger JSON of the contract                —
==========  ====================================================  ========
"""

from __future__ import annotations

from importlib import import_module

from .csv import CSV_TABLES, export_csv
from .jsonl import export_jsonl

#: format name → (module, one-line description); the CLI's --format choices
FORMATS = {
    "jsonl": ("jsonl", "one DocLedger (the JSON contract) per line"),
    "csv": ("csv", "one CSV file per table, in folder OUTPUT"),
    "parquet": ("parquet", "one Parquet file per table, in folder OUTPUT (needs pyarrow)"),
    "gdelt": ("gdelt", "the GDELT 2.0 event table: 61 tab-separated columns, no header"),
    "timelinejs": ("timelinejs", "TimelineJS 3 JSON"),
    "gexf": ("gexf", "the actor network as GEXF (needs networkx)"),
    "graphml": ("graphml", "the actor network as GraphML (needs networkx)"),
    "geojson": ("geojson", "GeoJSON: places and located events"),
    "ledger": ("ledger", "the merged ledger JSON (newsledger-ledger/1)"),
}


def export_ledger(store, fmt: str, output: str) -> list[str]:
    """Write the ledger in ``store`` (a :class:`~newsledger.store.Store` or a
    :class:`~newsledger.api.Ledger`) as ``fmt`` to ``output`` ('-' for standard
    output, for the single-file formats); returns what was written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    module = import_module(f".{FORMATS[fmt][0]}", __name__)
    return module.export(store, output)


__all__ = ["CSV_TABLES", "FORMATS", "export_csv", "export_jsonl", "export_ledger"]
