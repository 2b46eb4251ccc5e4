"""PLOVER event coding (the events stage); see :mod:`.coder`."""

from .coder import find_events
from .lexicon import PLOVER_TYPES, load_lexicon

__all__ = ["find_events", "load_lexicon", "PLOVER_TYPES"]
