"""Actors (placeholder)."""
from __future__ import annotations
from spacy.tokens import Doc
from ..model import Actor, PlaceMention


def find_actors(doc: Doc, places: list[PlaceMention]) -> list[Actor]:
    return []
