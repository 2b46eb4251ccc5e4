"""newsledger: news and opinion articles in, a dated, sourced ledger out.

>>> import newsledger
>>> ledger = newsledger.analyze("Armenia and Azerbaijan signed a deal on 2 May 2024.", published="2024-05-03")
>>> ledger.document.published
'2024-05-03'
"""

from __future__ import annotations

from typing import Optional

from .model import (SCHEMA, Actor, ActorRef, Claim, DocLedger, Document, Event,
                    LedgerError, PlaceMention, Quantity, Span, TimeValue, Timex,
                    from_dict, to_dict)
from .options import AnalyzeOptions, ReadOptions
from .api import Ledger, open  # noqa: A004 - newsledger.open(path) reads a ledger file

__version__ = "0.1.0"

_DEFAULT_ANALYZER = None


def get_analyzer(model: Optional[str] = None):
    """A shared :class:`~newsledger.nlp.pipeline.Analyzer` (the model loads once)."""
    global _DEFAULT_ANALYZER
    from .nlp.pipeline import Analyzer

    if model is not None:
        return Analyzer(AnalyzeOptions(model=model))
    if _DEFAULT_ANALYZER is None:
        _DEFAULT_ANALYZER = Analyzer()
    return _DEFAULT_ANALYZER


def analyze(text_or_html: str, *, published: Optional[str] = None, url: Optional[str] = None,
            model: Optional[str] = None) -> DocLedger:
    """Analyse one article (plain text, or an HTML page) and return its ledger."""
    return get_analyzer(model).analyze(text_or_html, published=published, url=url)


__all__ = ["SCHEMA", "Actor", "ActorRef", "AnalyzeOptions", "Claim", "DocLedger", "Document",
           "Event", "Ledger", "LedgerError", "PlaceMention", "Quantity", "ReadOptions", "Span",
           "TimeValue", "Timex", "analyze", "from_dict", "get_analyzer", "open", "to_dict"]
