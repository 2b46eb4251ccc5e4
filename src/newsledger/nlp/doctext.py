"""``doc.text``, built once per Doc.

spaCy joins every token's text each time ``Doc.text`` is read; our stages
read it per item, which made long documents quadratic.  :func:`doc_text`
keeps each Doc's text while the Doc lives (a weak reference: nothing is kept
after the Doc is gone, and nothing is added to the Doc or its serialised form).
"""

from __future__ import annotations

import weakref

from spacy.tokens import Doc

_TEXTS: "weakref.WeakKeyDictionary[Doc, str]" = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """The text of ``doc`` (the same string as ``doc.text``)."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def known_text(doc: Doc) -> "str | None":
    """The text of ``doc`` where a stage has built it already, else None."""
    return _TEXTS.get(doc)


def keep_text(doc: Doc, text: str) -> None:
    """Keep ``text``, built by a stage from the tokens, as the text of ``doc``
    (it must equal ``doc.text``) for the stages after it."""
    _TEXTS[doc] = text
