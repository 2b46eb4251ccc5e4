"""The claims (attribution) stage: who said what.  See :mod:`.extract`."""

from .extract import find_claims
from .lexicon import reporting_verbs
from .quotemarks import find_quotes

__all__ = ["find_claims", "find_quotes", "reporting_verbs"]
