"""HTML pages to Documents: the article body, its metadata and related links.

:func:`extract_article` does the work, :func:`html_to_document` wraps the
result in a :class:`~newsledger.model.Document`.

* **Body** — trafilatura, run as a short cascade: first in precision mode
  (it drops more boilerplate), then in its default and recall modes when the
  stricter pass finds too little text.  Comments are never extracted.  A last
  clean-up drops lines that are page furniture (comment widgets, share
  buttons, pager links, copyright notices), lines that repeat a related
  link's title, and a first line that repeats the headline (kept as ``title``).
* **Metadata** — title, author, publication date (``YYYY-MM-DD``) and site
  name from trafilatura's metadata reader (``<meta>`` tags, JSON-LD, bylines).
* **Links** — "related articles"-type link lists: containers whose class/id
  or heading says so ("Related", "More stories", "You may also like", ...)
  and that are mostly links.  Their links are kept as :class:`Link` objects
  and kept out of the body.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional
from urllib.parse import urldefrag, urljoin

import trafilatura
from lxml import html as lxml_html
from trafilatura.utils import load_html

from ..errors import Code, InputError
from ..model import Document, Link

# trafilatura logs a warning for every page it gives up on; we raise instead.
logging.getLogger("trafilatura").setLevel(logging.ERROR)

#: A pass of the cascade is accepted when its body has at least this many words.
MIN_WORDS = 25
#: trafilatura settings tried in order (precision first, recall last).
CASCADE = ({"favor_precision": True}, {}, {"favor_recall": True})
#: At most this many related links are kept per page.
MAX_LINKS = 50

_WORD = re.compile(r"\w+")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(slots=True)
class ExtractedArticle:
    """What :func:`extract_article` found in a page."""

    text: str
    title: Optional[str] = None
    author: Optional[str] = None
    date: Optional[str] = None  # YYYY-MM-DD
    sitename: Optional[str] = None
    links: list[Link] = field(default_factory=list)


def extract_article(html: str, url: Optional[str] = None) -> ExtractedArticle:
    """The article of an HTML page; raise ``InputError(NO_ARTICLE)`` if it has none."""
    where = f"{url}: " if url else ""
    tree = load_html(html) if html and html.strip() else None
    if tree is None:
        raise InputError(Code.NO_ARTICLE, f"{where}the HTML is empty or could not be parsed")
    links = related_links(tree, url)
    body = clean_body(_extract_body(tree, url), [link.text for link in links])
    meta = trafilatura.extract_metadata(tree, default_url=url)
    body = _drop_headline(body, meta.title)
    if not body or _only_link_labels(body, tree):
        raise InputError(Code.NO_ARTICLE, f"{where}no article text found in the HTML "
                                          "(the page may need JavaScript, or hold no article)")
    date = meta.date if meta.date and _DATE.match(meta.date) else None
    return ExtractedArticle(text=body, title=_clean(meta.title), author=_clean(meta.author),
                            date=date, sitename=_clean(meta.sitename), links=links)


def html_to_document(html: str, *, url: Optional[str] = None, source_id: Optional[str] = None) -> Document:
    """A :class:`Document` for an HTML page (id = content hash of the body)."""
    try:
        article = extract_article(html, url)
    except InputError as err:
        if source_id and source_id != url:
            raise InputError(err.code, f"{source_id}: {err.message}") from None
        if not url:
            raise InputError(err.code, f"page: {err.message}") from None
        raise
    return Document.from_text(
        article.text, source_id=source_id, url=url, title=article.title,
        outlet=article.sitename, author=article.author, published=article.date,
        published_source="metadata" if article.date else None, links=article.links)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML page rather than plain text."""
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or "<body" in head


# ----------------------------------------------------------------------
# body

def _extract_body(tree: lxml_html.HtmlElement, url: Optional[str]) -> str:
    """The body text from the first cascade pass that finds enough words.

    If none does, the longest text any pass found (possibly empty).
    """
    best = ""
    for settings in CASCADE:
        text = trafilatura.extract(tree, url=url, include_comments=False, **settings) or ""
        if _words(text) >= MIN_WORDS:
            return text.strip()
        if _words(text) > _words(best):
            best = text.strip()
    return best


# Whole lines that are widgets, not prose (matched case-insensitively).
_FURNITURE = re.compile(r"""^(?:
      no\ comments? | \d+\ comments? | comments? | post\ a\ comment | add\ a\ comment
    | leave\ a\ (?:comment|reply) | show\ comments | view\ comments
    | subscribe\ to:?\ post\ comments.* | (?:newer|older)\ posts? | home
    | share(?:\ (?:this|to|on|via)\b.{0,30})? | tweet | email | print | pin\ it | whatsapp
    | (?:facebook|twitter|linkedin|pinterest|reddit)
    | posted\ by\ .{1,60} | labels?:.{0,80} | tags?:.{0,80}
    | (?:©|\(c\)|copyright\b).{0,100}all\ rights\ reserved\.?
)\W*$""", re.IGNORECASE | re.VERBOSE)

# "Related: <title>", "Read more: <title>" ... in front of a related link title.
_LINK_LABEL = re.compile(r"^(?:related|read more|read also|also read|see also|more)\s*[:\-–—]\s*", re.I)


def clean_body(text: str, link_texts: list[str] = ()) -> str:
    """``text`` without furniture lines and lines that repeat a related link."""
    titles = {_key(t) for t in link_texts if t}
    kept = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if _FURNITURE.match(stripped):
            continue
        if titles and _key(_LINK_LABEL.sub("", stripped)) in titles:
            continue
        kept.append(line.rstrip())
    return "\n".join(kept).strip()


def _drop_headline(text: str, title: Optional[str]) -> str:
    """``text`` without a first line that repeats the title (kept in ``title``)."""
    first, _, rest = text.partition("\n")
    if title and rest.strip() and _key(first) == _key(title):
        return rest.strip()
    return text


def _only_link_labels(text: str, tree: lxml_html.HtmlElement) -> bool:
    """True when all words of ``text`` are words of link labels: a menu, not an article."""
    label_words = Counter(w for a in tree.iter("a") for w in _WORD.findall(a.text_content().lower()))
    return not Counter(_WORD.findall(text.lower())) - label_words


# ----------------------------------------------------------------------
# related links

_RELATED_ATTR = re.compile(
    r"related|recommend|read-?more|more-?(?:stories|articles|news|posts|from|on)"
    r"|also-?(?:like|read)|you-?may|popular|trending|most-?(?:read|viewed|popular)"
    r"|further-?reading|see-?also|outbrain|taboola", re.I)
_RELATED_HEADING = re.compile(
    r"^\W*(?:related|recommended|read (?:more|next|also)|also read|see also|further reading"
    r"|more (?:stories|articles|news|posts|from|on|in|like this)|you (?:may|might) (?:also )?(?:like|enjoy)"
    r"|most (?:read|popular|viewed)|trending|popular (?:posts|stories|articles))\b", re.I)
_SKIP_ATTR = re.compile(r"comment|share|social|menu|nav", re.I)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "span", "p", "div", "header")


def related_links(tree: lxml_html.HtmlElement, url: Optional[str] = None) -> list[Link]:
    """Links from "related articles"-type lists of the page, in page order."""
    own = urldefrag(url)[0] if url else None
    wanted = {anchor for container in _related_containers(tree) for anchor in container.iter("a")}
    links: dict[str, Link] = {}
    for anchor in tree.iter("a"):
        link = _as_link(anchor, url) if anchor in wanted else None
        if link is None or link.url in links or urldefrag(link.url)[0] == own:
            continue
        links[link.url] = link
    return list(links.values())[:MAX_LINKS]


def _related_containers(tree: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    """Elements that look like related-link lists (mostly links, said to be related)."""
    found = []
    for el in tree.iter("div", "section", "aside", "ul", "ol"):
        attrs = f"{el.get('class', '')} {el.get('id', '')}"
        if _RELATED_ATTR.search(attrs) and not _SKIP_ATTR.search(attrs) and _is_link_list(el):
            found.append(el)
    for el in tree.iter(*_HEADINGS):
        label = (el.text or "").strip() if el.tag in ("div", "span", "p") else el.text_content().strip()
        if not label or len(label) > 60 or not _RELATED_HEADING.match(label):
            continue
        # the list is the heading's next sibling, or an ancestor holding both
        candidates = [el.getnext()] + [a for a in el.iterancestors()][:3]
        for cand in candidates:
            if cand is not None and cand.tag not in ("body", "html") and _is_link_list(cand):
                found.append(cand)
                break
    return found


def _is_link_list(el: lxml_html.HtmlElement) -> bool:
    """At least two title-like links, and most of the text is link text."""
    text_words = _words(el.text_content())
    if not text_words:
        return False
    anchors = [a for a in el.iter("a") if _words(a.text_content()) >= 3]
    link_words = sum(_words(a.text_content()) for a in el.iter("a"))
    return len(anchors) >= 2 and link_words >= 0.6 * text_words


def _as_link(anchor: lxml_html.HtmlElement, base: Optional[str]) -> Optional[Link]:
    """A :class:`Link` for an anchor with a title-like text and a real target."""
    text = _clean(anchor.text_content())
    href = (anchor.get("href") or "").strip()
    if not text or _words(text) < 3 or not href or href.startswith(("#", "javascript:", "mailto:")):
        return None
    return Link(text=text, url=urljoin(base, href) if base else href)


# ----------------------------------------------------------------------
# helpers

def _words(text: str) -> int:
    return len(_WORD.findall(text or ""))


def _clean(value: Optional[str]) -> Optional[str]:
    """Whitespace collapsed; ``None`` for empty."""
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def _key(text: str) -> str:
    """A comparison key: lower-case words only."""
    return " ".join(_WORD.findall(text.lower()))
