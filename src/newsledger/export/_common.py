"""Helpers shared by the export modules."""

from __future__ import annotations

import contextlib
import json
import sys
from typing import IO, Iterator

from ..api import Ledger, MissingExtra


def as_ledger(source) -> Ledger:
    """A :class:`Ledger` over a Store, a Ledger or a sqlite3 connection."""
    if isinstance(source, Ledger):
        return source
    return Ledger(getattr(source, "conn", source))


@contextlib.contextmanager
def open_text(output: str) -> Iterator[IO[str]]:
    """``output`` opened for writing UTF-8 text; '-' is standard output."""
    if output == "-":
        yield sys.stdout
        return
    with open(output, "w", encoding="utf-8", newline="") as fh:
        yield fh


@contextlib.contextmanager
def open_binary(output: str) -> Iterator[IO[bytes]]:
    if output == "-":
        yield sys.stdout.buffer
        return
    with open(output, "wb") as fh:
        yield fh


def write_json(data, output: str) -> list[str]:
    with open_text(output) as fh:
        json.dump(data, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    return [output]


def require(module: str, extra: str):
    """Import an optional dependency, or say which extra to install."""
    try:
        return __import__(module)
    except ImportError:
        raise MissingExtra(f"this export needs {module}: pip install 'newsledger[{extra}]'") from None


def existing_tables(conn, names) -> list[str]:
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return [n for n in names if n in have]
