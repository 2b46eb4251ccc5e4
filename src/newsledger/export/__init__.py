"""Exports of a ledger store: JSON Lines and CSV (more formats to come)."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from ..model import to_dict

CSV_TABLES = ("documents", "actors", "actor_mentions", "timexes", "places", "claims", "events",
              "event_actors", "quantities", "links", "failures")


def export_ledger(store, fmt: str, output: str) -> list[str]:
    """Write the store's ledger as ``fmt`` to ``output``; returns what was written."""
    if fmt == "jsonl":
        return [export_jsonl(store, output)]
    if fmt == "csv":
        return export_csv(store, output)
    raise ValueError(f"unknown export format {fmt!r}")


def export_jsonl(store, output: str) -> str:
    """One DocLedger (the contract) per line."""
    fh = sys.stdout if output == "-" else open(output, "w", encoding="utf-8")
    try:
        for ledger in store.ledgers():
            fh.write(json.dumps(to_dict(ledger), ensure_ascii=False) + "\n")
    finally:
        if fh is not sys.stdout:
            fh.close()
    return output


def export_csv(store, output: str) -> list[str]:
    """One CSV file per table, with a header row, in folder ``output``."""
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in CSV_TABLES:
        cursor = store.conn.execute(f"SELECT * FROM {table}")  # table names are ours, not user input
        columns = [d[0] for d in cursor.description]
        path = folder / f"{table}.csv"
        with open(path, "w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(columns)
            writer.writerows(cursor)
        written.append(str(path))
    return written
