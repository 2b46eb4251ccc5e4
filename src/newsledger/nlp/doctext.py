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
