"""WARC files (plain or gzip, e.g. Common Crawl news archives) to Documents.

A small streaming reader of our own (no dependency): records are read one at a
time, so a WARC of any size is read in constant memory.

* ``response`` records whose HTTP payload is an HTML page (status 200,
  ``text/html`` or ``application/xhtml+xml``) become documents through
  :func:`~newsledger.sources.html.html_to_document`, with the record's
  ``WARC-Target-URI`` as ``url`` and ``source_id``.  ``resource`` records of
  type ``text/html`` are read the same way.
* The page's own publication date (HTML metadata) wins; a page without one
  gets the record's ``WARC-Date`` (the capture date) with
  ``published_source = "input"``.
* Other records (``warcinfo``, ``request``, ``metadata``, ``revisit``,
  redirects, images, PDFs, ...) are skipped silently: they hold no article.

Hostile input: a record whose header is malformed, or a file that ends inside
a record (truncated download), gives an E115 failure and reading stops (the
records before it are kept).  A record block larger than the size limit, or an
HTTP body whose ``Content-Encoding`` decompresses past it (a gzip bomb), gives
an E112/E115 failure for that record and reading goes on; a file that keeps
decompressing past :data:`MAX_SKIP_BYTES` of skipped data is abandoned.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import zlib
from pathlib import Path
from typing import IO, Iterator, Optional

from ..errors import Code, Failure, InputError
from ..model import Document
from ..options import ReadOptions
from .decode import decode_bytes

#: longest header line we accept (a WARC or HTTP header line)
MAX_LINE = 64 * 1024
#: most header lines in one WARC or HTTP header block
MAX_HEADERS = 500
#: data skipped in oversized records before the file is given up (gzip bomb guard)
MAX_SKIP_BYTES = 256 * 1024 * 1024
_CHUNK = 1024 * 1024

HTML_TYPES = ("text/html", "application/xhtml+xml")
_WARC_VERSION = re.compile(rb"^WARC/\d+\.\d+\r?\n$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


class _Stop(Exception):
    """Reading the file cannot go on (truncated, malformed, bomb)."""

    def __init__(self, err: InputError):
        self.err = err


def is_warc(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith((".warc", ".warc.gz"))


def read_warc_path(path: Path, options: ReadOptions = ReadOptions()) -> Iterator["SourceItem"]:
    """Yield one SourceItem per article record of the WARC file at ``path``."""
    from . import SourceItem

    gz = path.name.lower().endswith(".gz")
    try:
        raw = open(path, "rb")
    except FileNotFoundError:
        yield SourceItem(str(path), failure=Failure(str(path), Code.UNREADABLE.value, f"{path}: no such file"))
        return
    except OSError as exc:
        yield SourceItem(str(path), failure=Failure(str(path), Code.UNREADABLE.value, f"{path}: cannot be read ({exc})"))
        return
    with raw:
        stream: IO[bytes] = gzip.GzipFile(fileobj=raw, mode="rb") if gz else raw
        yield from iter_warc_records(stream, str(path), options)


def iter_warc_records(stream: IO[bytes], name: str, options: ReadOptions = ReadOptions()) -> Iterator["SourceItem"]:
    """Yield SourceItems from an open (already decompressed) WARC byte stream."""
    from . import SourceItem

    number = 0
    skipped = 0
    while True:
        number += 1
        where = f"{name} record {number}"
        try:
            headers = _read_warc_headers(stream, where)
            if headers is None:
                return
            length = _content_length(headers, where)
            limit = options.max_bytes + MAX_LINE
            if length > limit:
                skipped += length
                if skipped > MAX_SKIP_BYTES:
                    raise _Stop(InputError(Code.BAD_WARC, f"{where}: {length} bytes; more than {MAX_SKIP_BYTES} bytes of oversized records (a decompression bomb?): stopped reading {name}"))
                _skip(stream, length, where)
                _read_record_end(stream)
                sid = headers.get("warc-target-uri") or where
                yield SourceItem(sid, failure=Failure(sid, Code.TOO_LARGE.value,
                                                      f"{where}: a record of {length} bytes is larger than the limit of {limit} bytes; skipped"))
                continue
            block = _read_exact(stream, length, where)
            _read_record_end(stream)
        except _Stop as stop:
            yield SourceItem(name, failure=Failure.from_error(name, stop.err))
            return
        except (EOFError, OSError, zlib.error) as exc:  # truncated or corrupt gzip
            err = InputError(Code.BAD_WARC, f"{where}: the file is truncated or corrupt ({exc}); the records before it were read")
            yield SourceItem(name, failure=Failure.from_error(name, err))
            return
        item = _record_item(headers, block, where, options)
        if item is not None:
            yield item


def _readline(stream: IO[bytes], where: str) -> bytes:
    line = stream.readline(MAX_LINE + 1)
    if len(line) > MAX_LINE:
        raise _Stop(InputError(Code.BAD_WARC, f"{where}: a header line longer than {MAX_LINE} bytes: not a WARC file?"))
    return line


def _read_warc_headers(stream: IO[bytes], where: str) -> Optional[dict[str, str]]:
    line = _readline(stream, where)
    while line in (b"\r\n", b"\n"):  # tolerate extra blank lines between records
        line = _readline(stream, where)
    if not line:
        return None  # clean end of file
    if not _WARC_VERSION.match(line):
        raise _Stop(InputError(Code.BAD_WARC, f"{where}: expected a 'WARC/1.x' line, found {line[:40]!r}: not a WARC file, or a corrupt record"))
    headers: dict[str, str] = {}
    for _ in range(MAX_HEADERS):
        line = _readline(stream, where)
        if not line:
            raise _Stop(InputError(Code.BAD_WARC, f"{where}: the file ends inside the record header (truncated)"))
        if line in (b"\r\n", b"\n"):
            return headers
        key, sep, value = line.decode("utf-8", "replace").partition(":")
        if not sep:
            raise _Stop(InputError(Code.BAD_WARC, f"{where}: malformed header line {line[:60]!r}"))
        headers[key.strip().lower()] = value.strip()
    raise _Stop(InputError(Code.BAD_WARC, f"{where}: more than {MAX_HEADERS} header lines"))


def _content_length(headers: dict[str, str], where: str) -> int:
    value = headers.get("content-length", "")
    if not value.isdigit():
        raise _Stop(InputError(Code.BAD_WARC, f"{where}: missing or invalid Content-Length ({value!r})"))
    return int(value)


def _read_exact(stream: IO[bytes], length: int, where: str) -> bytes:
    data = stream.read(length)
    if len(data) < length:
        raise _Stop(InputError(Code.BAD_WARC, f"{where}: the file ends after {len(data)} of {length} bytes (truncated); the records before it were read"))
    return data


def _skip(stream: IO[bytes], length: int, where: str) -> None:
    left = length
    while left > 0:
        got = len(stream.read(min(_CHUNK, left)))
        if got == 0:
            raise _Stop(InputError(Code.BAD_WARC, f"{where}: the file ends inside an oversized record (truncated)"))
        left -= got


def _read_record_end(stream: IO[bytes]) -> None:
    # a record ends with two CRLFs; tolerate their absence (lenient writers)
    for _ in range(2):
        line = stream.readline(4)
        if line not in (b"\r\n", b"\n"):
            if line:
                raise _Stop(InputError(Code.BAD_WARC, f"unexpected bytes {line!r} after a record: its Content-Length is wrong"))
            return


# ---------------------------------------------------------------------------
# one record


def _record_item(headers: dict[str, str], block: bytes, where: str, options: ReadOptions):
    from . import SourceItem

    kind = headers.get("warc-type", "").lower()
    uri = headers.get("warc-target-uri") or None
    if uri and uri.startswith("<") and uri.endswith(">"):
        uri = uri[1:-1]
    sid = uri or where
    try:
        if kind == "response" and headers.get("content-type", "").lower().startswith("application/http"):
            page = _http_page(block, sid, options)
        elif kind == "resource" and _media_type(headers.get("content-type", "")) in HTML_TYPES:
            page = (block, _charset(headers.get("content-type", "")))
        else:
            return None
        if page is None:
            return None
        body, charset = page
        text = _decode(body, sid, charset)
        from .html import html_to_document

        document = html_to_document(text, url=uri, source_id=sid)
    except InputError as err:
        return SourceItem(sid, failure=Failure.from_error(sid, err))
    date = headers.get("warc-date", "")
    if document.published is None and _DATE.match(date):
        document.published = date[:10]
        document.published_source = "input"
    return SourceItem(sid, document=document)


def _http_page(block: bytes, sid: str, options: ReadOptions) -> Optional[tuple[bytes, Optional[str]]]:
    """The HTML body of an HTTP response, or None when it holds no page."""
    head, sep, body = block.partition(b"\r\n\r\n")
    if not sep:
        head, sep, body = block.partition(b"\n\n")
        if not sep:
            raise InputError(Code.BAD_WARC, f"{sid}: the HTTP response has no end of headers")
    lines = head.decode("latin-1").splitlines()
    status = lines[0].split() if lines else []
    if len(status) < 2 or not status[0].startswith("HTTP/"):
        raise InputError(Code.BAD_WARC, f"{sid}: malformed HTTP status line {lines[0][:60] if lines else ''!r}")
    if status[1] != "200":
        return None  # redirects, errors: no article
    fields: dict[str, str] = {}
    for line in lines[1:MAX_HEADERS]:
        key, _, value = line.partition(":")
        fields[key.strip().lower()] = value.strip()
    ctype = fields.get("content-type", "")
    if _media_type(ctype) not in HTML_TYPES:
        return None
    if "chunked" in fields.get("transfer-encoding", "").lower():
        body = _dechunk(body, sid)
    encoding = fields.get("content-encoding", "").lower().strip()
    if encoding in ("gzip", "x-gzip", "deflate"):
        body = _inflate(body, encoding, options.max_bytes, sid)
    elif encoding not in ("", "identity"):
        raise InputError(Code.UNSUPPORTED, f"{sid}: content encoding {encoding!r} is not supported")
    return body, _charset(ctype)


def _inflate(data: bytes, encoding: str, limit: int, sid: str) -> bytes:
    """Decompress with a cap on the output size (a gzip bomb stops at ``limit``)."""
    wbits = zlib.MAX_WBITS | 32 if encoding != "deflate" else zlib.MAX_WBITS
    try:
        inflater = zlib.decompressobj(wbits)
        out = inflater.decompress(data, limit + 1)
        if len(out) > limit or inflater.unconsumed_tail:
            raise InputError(Code.BAD_WARC, f"{sid}: the {encoding} body decompresses to more than {limit} bytes (a decompression bomb?); skipped")
    except zlib.error as exc:
        if encoding == "deflate":  # some servers send raw deflate
            try:
                inflater = zlib.decompressobj(-zlib.MAX_WBITS)
                out = inflater.decompress(data, limit + 1)
            except zlib.error:
                raise InputError(Code.BAD_WARC, f"{sid}: the {encoding} body is corrupt ({exc})") from None
            if len(out) > limit or inflater.unconsumed_tail:
                raise InputError(Code.BAD_WARC, f"{sid}: the {encoding} body decompresses to more than {limit} bytes; skipped") from None
            return out
        raise InputError(Code.BAD_WARC, f"{sid}: the {encoding} body is corrupt ({exc})") from None
    return out


def _dechunk(data: bytes, sid: str) -> bytes:
    out, pos = [], 0
    while True:
        end = data.find(b"\r\n", pos)
        if end < 0:
            raise InputError(Code.BAD_WARC, f"{sid}: malformed chunked body")
        try:
            size = int(data[pos:end].split(b";")[0].strip() or b"0", 16)
        except ValueError:
            raise InputError(Code.BAD_WARC, f"{sid}: malformed chunk size {data[pos:end][:20]!r}") from None
        if size == 0:
            return b"".join(out)
        out.append(data[end + 2:end + 2 + size])
        pos = end + 2 + size + 2


def _media_type(ctype: str) -> str:
    return ctype.split(";")[0].strip().lower()


def _charset(ctype: str) -> Optional[str]:
    match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]+)", ctype, re.I)
    return match.group(1) if match else None


def _decode(body: bytes, sid: str, charset: Optional[str]) -> str:
    try:
        return decode_bytes(body, what=sid, html=True)
    except InputError as err:
        if err.code != Code.ENCODING or not charset:
            raise
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            raise err from None


# ---------------------------------------------------------------------------
# writing (tests, benchmarks, examples)


def warc_record(uri: str, html: str | bytes, *, date: str = "2024-05-03T10:00:00Z",
                http_headers: Optional[dict[str, str]] = None, status: str = "200 OK") -> bytes:
    """One WARC/1.1 ``response`` record for ``uri`` holding ``html`` (for tests and examples)."""
    body = html.encode("utf-8") if isinstance(html, str) else html
    fields = {"Content-Type": "text/html; charset=utf-8", "Content-Length": str(len(body))}
    fields.update(http_headers or {})
    http = (f"HTTP/1.1 {status}\r\n" + "".join(f"{k}: {v}\r\n" for k, v in fields.items()) + "\r\n").encode("latin-1") + body
    head = (f"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\n"
            f"WARC-Record-ID: <urn:uuid:{hashlib.sha1((uri + date).encode()).hexdigest()[:32]}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n")
    return head.encode("utf-8") + http + b"\r\n\r\n"
