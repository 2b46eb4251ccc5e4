"""Claims (placeholder; replaced by the quotes stage)."""
from __future__ import annotations
from spacy.tokens import Doc
from ..model import Actor, Claim


def find_claims(doc: Doc, actors: list[Actor]) -> list[Claim]:
    return []
