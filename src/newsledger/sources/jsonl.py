"""JSON Lines documents, one per line (see the contract).

``{"id": ..., "text": ..., "published": ...}`` is analysed exactly as given;
``{"id": ..., "html": ..., "url": ...}`` goes through the HTML extractor.
A malformed line yields a failure (E106) and the next line is read.
"""

from __future__ import annotations

import json
from typing import IO, Iterator

from ..errors import Code, Failure, InputError
from ..model import Document
from ..options import ReadOptions


def iter_jsonl_records(stream: IO[bytes], name: str, options: ReadOptions = ReadOptions()) -> Iterator["SourceItem"]:
    from . import SourceItem

    for lineno, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        fallback_id = f"{name}:{lineno}"
        try:
            item = _record_to_item(raw, fallback_id, lineno, name, options)
        except InputError as err:
            item = SourceItem(fallback_id, failure=Failure.from_error(fallback_id, err))
        yield item


def _record_to_item(raw: bytes, fallback_id: str, lineno: int, name: str, options: ReadOptions):
    from . import SourceItem

    try:
        record = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise InputError(Code.BAD_JSONL, f"{name} line {lineno}: not valid JSON ({exc})") from None
    if not isinstance(record, dict):
        raise InputError(Code.BAD_JSONL, f"{name} line {lineno}: expected a JSON object, got {type(record).__name__}")
    source_id = record.get("id")
    source_id = str(source_id) if source_id is not None else fallback_id
    try:
        return _record_document(record, source_id, lineno, name, options)
    except InputError as err:
        return SourceItem(source_id, failure=Failure.from_error(source_id, err))


def _record_document(record: dict, source_id: str, lineno: int, name: str, options: ReadOptions):
    from . import SourceItem

    published = record.get("published", record.get("dct"))
    if published is not None and not isinstance(published, str):
        raise InputError(Code.BAD_JSONL, f"{name} line {lineno}: 'published' must be a string like 2023-11-27")
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str):
        if not text.strip():
            raise InputError(Code.EMPTY, f"{name} line {lineno} ({source_id}): 'text' is empty")
        if len(text.encode("utf-8", "surrogatepass")) > options.max_bytes:
            raise InputError(Code.TOO_LARGE, f"{name} line {lineno} ({source_id}): text larger than {options.max_bytes} bytes")
        doc = Document.from_text(text, source_id=source_id, url=record.get("url"),
                                 title=record.get("title"), outlet=record.get("outlet"),
                                 author=record.get("author"))
        return SourceItem(source_id, document=doc, published=published)
    if isinstance(html, str):
        if not html.strip():
            raise InputError(Code.EMPTY, f"{name} line {lineno} ({source_id}): 'html' is empty")
        from .html import html_to_document

        doc = html_to_document(html, url=record.get("url"), source_id=source_id)
        return SourceItem(source_id, document=doc, published=published)
    raise InputError(Code.BAD_JSONL, f"{name} line {lineno} ({source_id}): needs a string 'text' or 'html' field")
