"""RSS 2.0, RSS 1.0 (RDF) and Atom feeds to Documents, one per item.

Each item becomes a document from its own content (``content:encoded``, Atom
``content``, else ``description``/``summary``), with the item's title, link,
author and date (``pubDate``, ``dc:date``, ``published``, ``updated``; the
item's date wins over ``--published``, as a JSONL record's does).  When the
user allows it (``ReadOptions.follow_feed_links``, ``--follow-feed-links``),
the item's link is read as a URL instead, through :mod:`newsledger.sources.url`
with all its checks, and the item's own content is the fallback.

The XML is parsed without entity expansion, DTD loading or network access.  A
file that is not a feed, or is not well-formed, gives one E116 failure; an
item without content gives an E116 failure for that item and the next item is
read.
"""

from __future__ import annotations

import re
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Iterator, Optional

from lxml import etree
from lxml import html as lxml_html

from ..errors import Code, Failure, InputError
from ..model import Document
from ..options import ReadOptions

FEED_SUFFIXES = {".rss", ".atom", ".xml"}
#: item contents shorter than this (in words) are still analysed, but a link is preferred
MIN_WORDS = 1

_NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "rss1": "http://purl.org/rss/1.0/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
}
_BLOCKS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article")
_SPACES = re.compile(r"[ \t\u00a0]+")


def read_feed_path(path: Path, options: ReadOptions = ReadOptions()) -> Iterator["SourceItem"]:
    """Yield one SourceItem per item of the feed file at ``path``."""
    from . import SourceItem, _read_bytes

    name = str(path)
    try:
        data = _read_bytes(path, options.max_bytes)
    except InputError as err:
        yield SourceItem(name, failure=Failure.from_error(name, err))
        return
    yield from iter_feed_items(data, name, options)


def looks_like_feed(data: bytes) -> bool:
    head = data[:4096].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def parse_feed(data: bytes, name: str) -> tuple[str, list]:
    """(kind, item elements) of a feed; raise E116 when it is not one."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False, remove_comments=True, recover=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(Code.BAD_FEED, f"{name}: not well-formed XML ({exc}); is it an RSS or Atom feed?") from None
    tag = etree.QName(root).localname.lower()
    if tag == "rss":
        return "rss", root.findall("./channel/item")
    if tag == "feed":
        return "atom", root.findall("atom:entry", _NS) or root.findall("entry")
    if tag == "rdf":
        return "rss1", root.findall("rss1:item", _NS)
    raise InputError(Code.BAD_FEED, f"{name}: the XML root is <{tag}>, not <rss>, <feed> or <rdf:RDF>: not a feed")


def iter_feed_items(data: bytes, name: str, options: ReadOptions = ReadOptions()) -> Iterator["SourceItem"]:
    from . import SourceItem

    try:
        kind, items = parse_feed(data, name)
    except InputError as err:
        yield SourceItem(name, failure=Failure.from_error(name, err))
        return
    for number, item in enumerate(items, start=1):
        where = f"{name} item {number}"
        fields = _fields(item, kind)
        sid = fields["link"] or fields["guid"] or where
        try:
            document = _item_document(fields, sid, where, options)
        except InputError as err:
            yield SourceItem(sid, failure=Failure.from_error(sid, err))
            continue
        yield SourceItem(sid, document=document, published=fields["date"])


def _text(el) -> Optional[str]:
    if el is None:
        return None
    value = "".join(el.itertext()) if len(el) else (el.text or "")
    return value.strip() or None


def _first(item, *paths: str):
    for path in paths:
        el = item.find(path, _NS)
        if el is not None:
            return el
    return None


def _fields(item, kind: str) -> dict:
    if kind == "atom":
        link = None
        for el in item.findall("atom:link", _NS) + item.findall("link"):
            if el.get("rel", "alternate") == "alternate" and el.get("href"):
                link = el.get("href")
                break
        content = _first(item, "atom:content", "content")
        summary = _first(item, "atom:summary", "summary")
        author = _first(item, "atom:author/atom:name", "author/name")
        date = _first(item, "atom:published", "atom:updated", "published", "updated")
        title = _first(item, "atom:title", "title")
        guid = _first(item, "atom:id", "id")
        body = _atom_body(content) or _atom_body(summary)
    else:
        prefix = "rss1:" if kind == "rss1" else ""
        link = _text(_first(item, f"{prefix}link"))
        body = _text(_first(item, "content:encoded")) or _text(_first(item, f"{prefix}description"))
        author = _first(item, "dc:creator", "author")
        date = _first(item, "pubDate", "dc:date")
        title = _first(item, f"{prefix}title")
        guid = _first(item, "guid")
        if kind == "rss1" and guid is None:
            guid_value = item.get(f"{{{_NS['rdf']}}}about")
            guid = None
            link = link or guid_value
    return {"link": link, "guid": _text(guid), "title": _text(title), "author": _text(author),
            "date": _date(_text(date)), "body": body}


def _atom_body(el) -> Optional[str]:
    if el is None:
        return None
    if el.get("type") == "xhtml":
        return "".join(etree.tostring(child, encoding="unicode") for child in el) or _text(el)
    return _text(el)


def _date(value: Optional[str]) -> Optional[str]:
    if not value:
        return None
    if re.match(r"^\d{4}-\d{2}-\d{2}", value):
        return value[:10]
    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def html_fragment_text(fragment: str) -> str:
    """Plain text of an HTML fragment (an item's content), one paragraph per block."""
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    for el in root.iter(*_BLOCKS):
        el.tail = "\n\n" + (el.tail or "")
    lines = [_SPACES.sub(" ", line).strip() for line in root.text_content().splitlines()]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _item_document(fields: dict, sid: str, where: str, options: ReadOptions) -> Document:
    link = fields["link"]
    if options.follow_feed_links and link and link.startswith(("http://", "https://")):
        from .url import fetch_document

        try:
            document = fetch_document(link, options)
        except InputError:
            if not fields["body"]:
                raise
        else:
            if document.title is None:
                document.title = fields["title"]
            if document.author is None:
                document.author = fields["author"]
            return document
    body = fields["body"]
    text = html_fragment_text(body) if body else ""
    if len(text.split()) < MIN_WORDS:
        hint = "" if options.follow_feed_links else "; pass --follow-feed-links to read the item's page instead"
        raise InputError(Code.BAD_FEED, f"{where}: the item has no content{hint}")
    if len(text.encode("utf-8", "surrogatepass")) > options.max_bytes:
        raise InputError(Code.TOO_LARGE, f"{where}: content larger than {options.max_bytes} bytes")
    return Document.from_text(text, source_id=sid, url=link, title=fields["title"], author=fields["author"])
