"""Places (placeholder; replaced by the places stage)."""
from __future__ import annotations
from spacy.tokens import Doc
from ..model import PlaceMention


def find_places(doc: Doc) -> list[PlaceMention]:
    return []
