"""CSV: one file per table, with a header row, in a folder."""

from __future__ import annotations

import csv
from pathlib import Path

from ._common import existing_tables

CSV_TABLES = ("documents", "actors", "actor_mentions", "timexes", "places", "claims", "events",
              "event_actors", "quantities", "links", "failures", "contested", "contradictions",
              "contradiction_sides")


def export_csv(store, output: str) -> list[str]:
    """One CSV file per table, with a header row, in folder ``output``."""
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in existing_tables(store.conn, CSV_TABLES):
        cursor = store.conn.execute(f"SELECT * FROM {table}")  # table names are ours, not user input
        columns = [d[0] for d in cursor.description]
        path = folder / f"{table}.csv"
        with open(path, "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(columns)
            writer.writerows(cursor)
        written.append(str(path))
    return written


export = export_csv
