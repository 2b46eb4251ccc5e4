"""Events (placeholder; replaced by the events stage)."""
from __future__ import annotations
from spacy.tokens import Doc
from ..model import Event


def find_events(doc: Doc, *, actors, timexes, places, claims) -> list[Event]:
    return []
