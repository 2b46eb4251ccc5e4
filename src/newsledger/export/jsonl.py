"""JSON Lines: one DocLedger (the JSON contract) per line."""

from __future__ import annotations

import json

from ..model import to_dict
from ._common import open_text


def export_jsonl(store, output: str) -> str:
    """One DocLedger (the contract) per line; ``store`` is a Store."""
    with open_text(output) as fh:
        for ledger in store.ledgers():
            fh.write(json.dumps(to_dict(ledger), ensure_ascii=False) + "\n")
    return output


def export(store, output: str) -> list[str]:
    if not hasattr(store, "ledgers"):  # a Ledger: read the stored contract lines directly
        store = _Lines(store.conn)
    return [export_jsonl(store, output)]


class _Lines:
    def __init__(self, conn):
        self.conn = conn

    def ledgers(self):
        from ..model import DocLedger, from_dict

        for (text,) in self.conn.execute("SELECT l.json FROM ledgers l JOIN documents d ON d.id = l.doc_id "
                                         "ORDER BY d.published, d.rowid"):
            yield from_dict(DocLedger, json.loads(text))
