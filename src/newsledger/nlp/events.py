"""Events: PLOVER-coded happenings with who did what to whom, when and where.

The work is done in :mod:`newsledger.nlp.event_coding`; this module is the
stage's public entry point, ``find_events(doc, *, actors, timexes, places, claims)``.
"""

from __future__ import annotations

from .event_coding import find_events

__all__ = ["find_events"]
