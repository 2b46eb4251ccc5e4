"""Bytes to text, with the checks every reader shares.

Reads: raw bytes.  Writes: ``str``.  Raises :class:`InputError` with
E101 (empty), E102 (binary), E103 (undecodable).
"""

from __future__ import annotations

import codecs
import re

from ..errors import Code, InputError

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.I)


def decode_bytes(data: bytes, *, what: str = "input", html: bool = False) -> str:
    """Decode ``data`` as UTF-8 (or UTF-16/32 with a BOM, or a charset an HTML
    page declares) and refuse empty or binary content."""
    if not data.strip():
        raise InputError(Code.EMPTY, f"{what} is empty: nothing to analyse")
    text = None
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise InputError(Code.ENCODING, f"{what} has a {codec} byte-order mark but is not valid {codec}: {exc.reason} at byte {exc.start}") from None
            break
    if text is None:
        if b"\x00" in data[:4096]:
            raise InputError(Code.BINARY, f"{what} contains NUL bytes: it looks like a binary file (or UTF-16 without a byte-order mark); give UTF-8 text or HTML")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = _declared_charset(data) if html else None
            if text is None:
                raise InputError(Code.ENCODING, f"{what} is not valid UTF-8 ({exc.reason} at byte {exc.start}); convert it to UTF-8 first") from None
    sample = text[:4096]
    if sample and len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise InputError(Code.BINARY, f"{what} is full of control characters: it looks like a binary file")
    if not text.strip():
        raise InputError(Code.EMPTY, f"{what} holds only whitespace: nothing to analyse")
    return text


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:8192])
    if not match:
        return None
    try:
        return data.decode(match.group(1).decode("ascii"))
    except (LookupError, UnicodeDecodeError):
        return None
