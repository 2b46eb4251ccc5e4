"""Readers that turn inputs into :class:`~newsledger.model.Document` objects.

:func:`iter_inputs` is the one entry point: give it what the user typed
(paths, folders, URLs, ``-`` for standard input) and it yields one
:class:`SourceItem` per document, in order.  A bad input yields an item with a
``failure`` instead of a document; nothing raises, so a batch always goes on.
"""

from __future__ import annotations

import gzip
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterable, Iterator, Optional

from ..errors import Code, Failure, InputError
from ..model import Document
from ..options import ReadOptions
from .decode import decode_bytes

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc"}
FEED_SUFFIXES = {".rss", ".atom"}  # .xml too when named explicitly (sniffed)


@dataclass(slots=True)
class SourceItem:
    """One input document, or the reason it could not be read."""

    source_id: str
    document: Optional[Document] = None
    failure: Optional[Failure] = None
    # for JSONL inputs: the record's own publication date, if any
    published: Optional[str] = None


def _fail(source_id: str, err: InputError) -> SourceItem:
    return SourceItem(source_id=source_id, failure=Failure.from_error(source_id, err))


def iter_inputs(inputs: Iterable[str], options: ReadOptions = ReadOptions(),
                stdin: Optional[IO[bytes]] = None) -> Iterator[SourceItem]:
    """Yield a :class:`SourceItem` for every document in ``inputs``."""
    for raw in inputs:
        name = str(raw)
        if name == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from _read_stream(stream, options)
        elif "://" in name:
            yield _read_url(name, options)
        else:
            path = Path(name)
            if path.is_dir():
                for file in folder_files(path):
                    yield from read_path(file, options)
            else:
                yield from read_path(path, options)


def is_supported(path: Path) -> bool:
    """True for the file names the readers know (.txt, .html, .jsonl, .jsonl.gz, ...)."""
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    if suffixes and suffixes[-1] == ".gz":
        return len(suffixes) == 2 and suffixes[0] in JSONL_SUFFIXES | WARC_SUFFIXES
    return bool(suffixes) and suffixes[-1] in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | WARC_SUFFIXES | FEED_SUFFIXES


def folder_files(folder: Path) -> list[Path]:
    """The supported files under ``folder``, recursively, sorted; hidden files
    and files of other types (images, READMEs, ...) are left out."""
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
                  and is_supported(p))


def read_path(path: Path, options: ReadOptions = ReadOptions()) -> Iterator[SourceItem]:
    """Yield the documents of one file, chosen by its suffix."""
    source_id = str(path)
    suffixes = [s.lower() for s in path.suffixes[-2:]]
    suffix = suffixes[-1] if suffixes else ""
    gz = suffix == ".gz"
    inner = suffixes[0] if gz and len(suffixes) == 2 else suffix
    if inner in JSONL_SUFFIXES:
        yield from _read_jsonl_path(path, gz, options)
        return
    if inner in WARC_SUFFIXES:
        from .warc import read_warc_path

        yield from read_warc_path(path, options)
        return
    if inner in FEED_SUFFIXES or (inner == ".xml" and not gz):
        from .feed import read_feed_path

        yield from read_feed_path(path, options)
        return
    if inner not in TEXT_SUFFIXES | HTML_SUFFIXES and inner != "":
        yield _fail(source_id, InputError(Code.UNSUPPORTED, f"{path}: files ending in '{''.join(suffixes)}' are not supported; give .txt, .html, .jsonl (or .jsonl.gz), .warc (or .warc.gz), .rss/.atom, a folder, a URL or '-'"))
        return
    try:
        data = _read_bytes(path, options.max_bytes, gz)
        if inner in HTML_SUFFIXES or (inner == "" and _looks_like_html(data)):
            text = decode_bytes(data, what=str(path), html=True)
            from .html import html_to_document
            yield SourceItem(source_id, document=html_to_document(text, source_id=source_id))
        else:
            text = decode_bytes(data, what=str(path))
            yield SourceItem(source_id, document=Document.from_text(text, source_id=source_id))
    except InputError as err:
        yield _fail(source_id, err)


def _read_bytes(path: Path, limit: int, gz: bool = False) -> bytes:
    try:
        if gz:
            with gzip.open(path, "rb") as fh:
                data = fh.read(limit + 1)
        else:
            with open(path, "rb") as fh:
                data = fh.read(limit + 1)
    except FileNotFoundError:
        raise InputError(Code.UNREADABLE, f"{path}: no such file or folder") from None
    except PermissionError:
        raise InputError(Code.UNREADABLE, f"{path}: permission denied") from None
    except (OSError, EOFError) as exc:
        raise InputError(Code.UNREADABLE, f"{path}: cannot be read ({exc})") from None
    if len(data) > limit:
        raise InputError(Code.TOO_LARGE, f"{path} is larger than {limit} bytes; raise the limit or split the file")
    return data


def _looks_like_html(data: bytes) -> bool:
    from .html import looks_like_html

    return looks_like_html(data[:2048].decode("utf-8", "ignore"))


def _read_stream(stream: IO[bytes], options: ReadOptions) -> Iterator[SourceItem]:
    try:
        data = stream.read(options.max_bytes + 1)
        if len(data) > options.max_bytes:
            raise InputError(Code.TOO_LARGE, f"standard input is larger than {options.max_bytes} bytes")
        html = _looks_like_html(data)
        text = decode_bytes(data, what="standard input", html=html)
    except InputError as err:
        yield _fail("-", err)
        return
    if html:
        from .html import html_to_document
        yield SourceItem("-", document=html_to_document(text, source_id="-"))
    else:
        yield SourceItem("-", document=Document.from_text(text, source_id="-"))


def _read_url(url: str, options: ReadOptions) -> SourceItem:
    from .url import fetch_document

    try:
        return SourceItem(url, document=fetch_document(url, options))
    except InputError as err:
        return _fail(url, err)


def _read_jsonl_path(path: Path, gz: bool, options: ReadOptions) -> Iterator[SourceItem]:
    from .jsonl import iter_jsonl_records

    try:
        opener = gzip.open if gz else open
        with opener(path, "rb") as fh:  # type: ignore[operator]
            yield from iter_jsonl_records(fh, str(path), options)
    except FileNotFoundError:
        yield _fail(str(path), InputError(Code.UNREADABLE, f"{path}: no such file"))
    except PermissionError:
        yield _fail(str(path), InputError(Code.UNREADABLE, f"{path}: permission denied"))
    except (OSError, EOFError) as exc:
        yield _fail(str(path), InputError(Code.UNREADABLE, f"{path}: cannot be read ({exc})"))


__all__ = ["SourceItem", "iter_inputs", "read_path"]
