"""Parquet: one file per table (the CSV tables), typed from the SQLite schema."""

from __future__ import annotations

from pathlib import Path

from ._common import existing_tables, require
from .csv import CSV_TABLES

_TYPES = {"INTEGER": "int64", "REAL": "float64", "TEXT": "string"}


def export(store, output: str) -> list[str]:
    """Write ``<table>.parquet`` files into folder ``output`` (needs pyarrow)."""
    require("pyarrow", "parquet")
    import pyarrow as pa
    import pyarrow.parquet as pq

    conn = store.conn
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in existing_tables(conn, CSV_TABLES):
        info = conn.execute(f"PRAGMA table_info({table})").fetchall()  # our table names only
        names = [r[1] for r in info]
        schema = pa.schema([(r[1], getattr(pa, _TYPES.get((r[2] or "TEXT").upper(), "string"))())
                            for r in info])
        rows = conn.execute(f"SELECT * FROM {table}").fetchall()
        columns = {name: [row[i] for row in rows] for i, name in enumerate(names)}
        path = folder / f"{table}.parquet"
        pq.write_table(pa.table(columns, schema=schema), path)
        written.append(str(path))
    return written
