"""Our own data files (lexicons, gazetteer extras), read with :func:`read_tsv`.

Every file here is written for newsledger and documented in its header and in
``README.md`` beside it; users may extend them.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def read_tsv(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated resource file, without comments and blank lines."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)
