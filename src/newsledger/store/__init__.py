"""Storage of ledgers: SQLite (one file, idempotent writes)."""

from .sqlite import Store, ledger_hash

__all__ = ["Store", "ledger_hash"]
