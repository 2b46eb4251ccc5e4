"""Claims: who said what (the ``newsledger_quotes`` stage).

The work is done in :mod:`newsledger.nlp.claims`; this module keeps the name
the pipeline components import.
"""

from __future__ import annotations

from .claims import find_claims, find_quotes

__all__ = ["find_claims", "find_quotes"]
