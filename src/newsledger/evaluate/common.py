"""What every benchmark scorer shares: reading the files, the report type."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator


@dataclass
class Report:
    """The scores of one task on one file.

    ``metrics`` is flat (name → number) so that a baseline file can pin any
    of them; ``details`` holds extra lines for people (confusion matrices,
    per-source breakdowns).
    """

    task: str
    file: str
    n: int  # records scored
    metrics: dict[str, float] = field(default_factory=dict)
    details: list[str] = field(default_factory=list)

    def format(self) -> str:
        lines = [f"{self.task}: {self.file} ({self.n} records)"]
        width = max((len(k) for k in self.metrics), default=0)
        for key, value in self.metrics.items():
            shown = f"{value:.4f}" if isinstance(value, float) else str(value)
            lines.append(f"  {key:<{width}}  {shown}")
        lines.extend(self.details)
        return "\n".join(lines)

    def to_dict(self) -> dict:
        return {"task": self.task, "file": self.file, "n": self.n, "metrics": self.metrics,
                "details": self.details}


def read_jsonl(path: str | Path) -> Iterator[dict]:
    """Records of a JSON Lines file, plain or gzip (recognised by its magic bytes)."""
    path = Path(path)
    with open(path, "rb") as fh:
        magic = fh.read(2)
    opener = gzip.open if magic == b"\x1f\x8b" else open
    with opener(path, "rt", encoding="utf-8") as fh:  # type: ignore[operator]
        for line in fh:
            if line.strip():
                yield json.loads(line)


def prf(tp: float, n_pred: float, n_gold: float) -> tuple[float, float, float]:
    """Precision, recall, F1 from counts (0 where undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
