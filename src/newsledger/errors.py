"""Error codes: a contract that tests, logs and users can match.

Every failure that reaches the user carries one of these codes, a message that
says what was wrong and what to do, and the input it concerns.  Readers raise
:class:`InputError`; the batch records it (store ``failures`` table, JSONL
``errors``) and goes on with the next input.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Code(str, Enum):
    # reading input: E1xx
    EMPTY = "E101"
    BINARY = "E102"
    ENCODING = "E103"
    UNSUPPORTED = "E104"
    UNREADABLE = "E105"
    BAD_JSONL = "E106"
    URL_FAILED = "E107"
    URL_TOO_LARGE = "E108"
    URL_REFUSED = "E109"
    URL_REDIRECTS = "E110"
    NO_ARTICLE = "E111"
    TOO_LARGE = "E112"
    URL_TIMEOUT = "E113"
    URL_STATUS = "E114"
    BAD_WARC = "E115"
    BAD_FEED = "E116"
    # analysing: E2xx
    ANALYSIS_FAILED = "E201"
    DOC_TIMEOUT = "E202"
    DOC_MEMORY = "E203"
    # storing: E3xx
    STORE_FAILED = "E301"


DESCRIPTIONS: dict[Code, str] = {
    Code.EMPTY: "the input is empty or only whitespace",
    Code.BINARY: "the input looks like binary data, not text or HTML",
    Code.ENCODING: "the input is not valid text in any encoding we accept (UTF-8, UTF-16 with BOM, or a declared HTML charset)",
    Code.UNSUPPORTED: "the file type is not supported",
    Code.UNREADABLE: "the path does not exist or cannot be read",
    Code.BAD_JSONL: "a JSON Lines record is not valid JSON or lacks 'text'/'html'",
    Code.URL_FAILED: "the URL could not be fetched",
    Code.URL_TOO_LARGE: "the response is larger than the size limit",
    Code.URL_REFUSED: "the URL is refused (scheme other than http/https, or a private address not allowed)",
    Code.URL_REDIRECTS: "too many redirects",
    Code.NO_ARTICLE: "no article text could be extracted from the HTML",
    Code.TOO_LARGE: "the input is larger than the size limit",
    Code.URL_TIMEOUT: "the server did not answer in time",
    Code.URL_STATUS: "the server answered with an error status",
    Code.BAD_WARC: "a WARC record is malformed or truncated, or its body decompresses past the size limit",
    Code.BAD_FEED: "an RSS/Atom feed (or one of its items) is malformed or has no content",
    Code.ANALYSIS_FAILED: "the analysis of this document failed",
    Code.DOC_TIMEOUT: "the analysis of this document ran past the per-document time limit (--doc-timeout)",
    Code.DOC_MEMORY: "the analysis of this document ran out of memory, or past the worker memory limit (--max-memory)",
    Code.STORE_FAILED: "the ledger could not be written",
}


class NewsledgerError(Exception):
    """Base class of our errors; ``code`` is a :class:`Code`."""

    def __init__(self, code: Code, message: str):
        super().__init__(f"[{code.value}] {message}")
        self.code = code
        self.message = message


class InputError(NewsledgerError):
    """An input could not be read: recorded, and the batch goes on."""


@dataclass(slots=True)
class Failure:
    """A recorded failure of one input."""

    source_id: str
    code: str
    message: str

    @classmethod
    def from_error(cls, source_id: str, err: NewsledgerError) -> "Failure":
        return cls(source_id=source_id, code=err.code.value, message=err.message)
