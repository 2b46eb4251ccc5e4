"""Scorers for the benchmark formats (one module per task).

Each task module has ``evaluate(path, *, analyzer=None, limit=None) -> Report``.
"""

from __future__ import annotations

import importlib

TASKS = ("timex", "geo", "quotes", "events", "extract", "seed", "timeline")


def evaluate(task: str, path: str, *, analyzer=None, limit=None):
    """Score newsledger on one benchmark file; see each task's module."""
    if task not in TASKS:
        raise ValueError(f"unknown task {task!r}; choose one of {', '.join(TASKS)}")
    module = importlib.import_module(f"{__name__}.{task}")
    return module.evaluate(path, analyzer=analyzer, limit=limit)
