"""Quality floors: the dev-set scores we have reached, pinned so that no change
can lose quality silently.

``quality/baseline.json`` maps a task to the benchmark file (relative to the
shared folder) and the floor of each metric::

    {"extract": {"file": "eval/extract/dev.jsonl.gz", "floors": {"f1": 0.95}}}

:func:`check` compares a :class:`Report` with a task's floors.
"""

from __future__ import annotations

import json
from pathlib import Path

from .common import Report

TOLERANCE = 1e-9


def load(path: str | Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def check(report: Report, floors: dict[str, float]) -> list[str]:
    """The metrics of ``report`` that fall below their floor."""
    out = []
    for name, floor in floors.items():
        if name not in report.metrics:
            out.append(f"{report.task}: metric {name!r} missing from the report")
        elif report.metrics[name] + TOLERANCE < floor:
            out.append(f"{report.task}: {name} = {report.metrics[name]:.4f} fell below its floor {floor:.4f}")
    return out
