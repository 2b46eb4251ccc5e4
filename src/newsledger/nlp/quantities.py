"""Quantities (placeholder)."""
from __future__ import annotations
from spacy.tokens import Doc
from ..model import Quantity, Timex


def find_quantities(doc: Doc, timexes: list[Timex]) -> list[Quantity]:
    return []
