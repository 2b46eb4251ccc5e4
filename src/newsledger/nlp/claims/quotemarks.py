"""Direct quotations found in the raw text by their quote marks.

Handles curly marks (“ ”), straight double quotes ("), doubled apostrophes
('') as some outlets print them, and a quotation that runs over several
paragraphs (the usual convention: no closing mark at the end of a paragraph,
an opening mark at the start of the next one).  Single quotes are left alone:
they are apostrophes far more often than quotations, and inside a double
quotation they only nest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OPEN = "“"
CLOSE = "”"
_MARK = re.compile(r"“|”|\"|''|„|«|»")


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # at the opening mark
    end: int  # after the closing mark (or at the paragraph end when unclosed)
    closed: bool

    @property
    def inner(self) -> tuple[int, int]:
        return self.start + 1, self.end - 1 if self.closed else self.end


def _is_opening(text: str, i: int, mark: str) -> bool:
    """Is an ambiguous mark at ``i`` more likely to open a quotation?"""
    before = text[i - 1] if i > 0 else " "
    after = text[i + len(mark)] if i + len(mark) < len(text) else " "
    if before.isspace() or before in "([{—–-―:;,/" or i == 0:
        return not after.isspace()
    return False


def find_quotes(text: str) -> list[Quote]:
    """Quotation spans (marks included), in text order, non-overlapping."""
    quotes: list[Quote] = []
    open_at: int | None = None
    open_mark = ""
    for m in _MARK.finditer(text):
        i, mark = m.start(), m.group()
        if open_at is not None:
            # a paragraph break inside a quotation: close it there
            nl = text.find("\n", open_at, i)
            if nl != -1:
                end = nl
                while end > open_at and text[end - 1].isspace():
                    end -= 1
                quotes.append(Quote(open_at, end, False))
                open_at = None
        if open_at is None:
            if mark in (OPEN, "„", "«") or (mark in ('"', "''", CLOSE) and _is_opening(text, i, mark)):
                open_at, open_mark = i, mark
            continue
        # inside a quotation: does this mark close it?
        if mark in (CLOSE, "»") or (mark == '"' and open_mark in ('"', CLOSE, "„")) \
                or (mark == "''" and open_mark == "''") or (mark == '"' and open_mark == OPEN):
            quotes.append(Quote(open_at, i + len(mark), True))
            open_at = None
        elif mark == OPEN or mark == "„":
            # a new opening mark before a closing one: the first never closed
            quotes.append(Quote(open_at, i, False))
            open_at, open_mark = i, mark
    if open_at is not None:
        nl = text.find("\n", open_at)
        end = len(text) if nl == -1 else nl
        while end > open_at and text[end - 1].isspace():
            end -= 1
        quotes.append(Quote(open_at, end, False))
    return [q for q in quotes if q.end - q.start > 2]
