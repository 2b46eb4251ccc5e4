"""HTML pages to Documents (first version; see the extraction helper)."""

from __future__ import annotations

from typing import Optional

import trafilatura

from ..errors import Code, InputError
from ..model import Document


def html_to_document(html: str, *, url: Optional[str] = None, source_id: Optional[str] = None) -> Document:
    text = trafilatura.extract(html, url=url, include_comments=False) or ""
    if not text.strip():
        raise InputError(Code.NO_ARTICLE, f"{source_id or url or 'page'}: no article text found in the HTML")
    return Document.from_text(text, source_id=source_id, url=url)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML page rather than plain text."""
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head
