"""The time stage: TIMEX3 time expressions with normalised values.

The work is done by :mod:`newsledger.nlp.timex` (lexicons, patterns,
guards, resolution); this module keeps the stage's public entry point.
"""

from __future__ import annotations

from .timex import KNOWN_EVENTS_KEY, KnownEvents, find_timexes

__all__ = ["find_timexes", "KnownEvents", "KNOWN_EVENTS_KEY"]
