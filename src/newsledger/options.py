"""One typed options object, with every default in one place.

Copy with :func:`dataclasses.replace`; never mutate a shared instance.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How inputs are read."""

    max_bytes: int = 10 * 1024 * 1024  # per file / per URL response
    url_connect_timeout: float = 10.0
    url_read_timeout: float = 30.0
    url_max_redirects: int = 5
    allow_private_urls: bool = False  # loopback / private addresses
    follow_feed_links: bool = False  # RSS/Atom items: read the item's page (a URL), not its own content
    user_agent: str = "newsledger (+offline news ledger)"


@dataclass(frozen=True, slots=True)
class AnalyzeOptions:
    """How documents are analysed."""

    model: Optional[str] = None  # spaCy package name or path; None = best installed
    published: Optional[str] = None  # default publication date (YYYY-MM-DD)
    read: ReadOptions = ReadOptions()
    batch_size: int = 16
    #: opinion pieces: the author's own assertions become claims of the author
    author_claims: bool = False
    author: Optional[str] = None  # the author's name when the document carries none
    #: dependency parsing: "all" sentences, or "selective" (only sentences with a cue for a
    #: stage that reads the syntax; see newsledger.nlp.selective)
    parse: str = "all"
