"""Small syntactic tests on spaCy tokens, shared by the claims and events stages."""

from __future__ import annotations

from spacy.tokens import Token


def has_to_infinitive(tok: Token) -> bool:
    """``tok`` is a verb with its own infinitive "to" ("agreed *to* leave",
    "her plan *to* resign": true of "leave" and "resign")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
