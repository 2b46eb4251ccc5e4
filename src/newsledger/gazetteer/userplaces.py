"""Places of a user's own: TSV files in the format of our ``places_extra.tsv``
that ``$NEWSLEDGER_PLACES`` names, added to the gazetteer index after ours.

A researcher's camps, checkpoints, villages under 500 people or frontline
hamlets that GeoNames lacks need no change to the installed package: write
them in a file of one's own and name it (several files: joined by ``:``, or
``;`` on Windows)::

    export NEWSLEDGER_PLACES=~/research/sudan_places.tsv
    newsledger gazetteer check ~/research/sudan_places.tsv
    newsledger analyze reports/ --db ledger.db

The index carries a hash of these files' contents, so it is built again
(once, some 20 seconds) when one of them changes.  A file is read whole
before the index is built: one bad row stops the build with the file, the
line and what is wrong (:class:`PlacesFileError`), and nothing half-read
reaches the index.  ``newsledger gazetteer check`` lists every problem of
a file at once.
"""

from __future__ import annotations

import csv
import io
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

#: the environment variable that names the user's place files
ENV = "NEWSLEDGER_PLACES"

#: the columns of a place file, as ``places_extra.tsv`` has them (``name``, ``lat`` and ``lon`` required)
COLUMNS = ("name", "aliases", "kind", "country", "admin1", "lat", "lon", "population", "note", "demonyms")
REQUIRED = ("name", "lat", "lon")
#: the kinds a row may give (none: a region); a ``landmark`` is a seat of power or a building
#: ("the Elysee"), found where a text names it but no place on its name alone
KINDS = ("region", "feature", "city", "landmark", "country")


@dataclass(frozen=True)
class Problem:
    """What is wrong with one line of a place file (line 0: the file itself)."""

    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}" if self.line else f"{self.path}: {self.message}"


class PlacesFileError(ValueError):
    """A place file that cannot be read into the gazetteer: its problems, the first ones in the message."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = "\n  ".join(str(p) for p in problems[:5])
        more = f"\n  ... and {len(problems) - 5} more" if len(problems) > 5 else ""
        super().__init__(f"place file not read ({ENV}):\n  {shown}{more}")


def configured_files(environ: Optional[dict] = None) -> list[Path]:
    """The place files ``$NEWSLEDGER_PLACES`` names, in order (none when it is unset or empty)."""
    value = (environ if environ is not None else os.environ).get(ENV, "")
    return [Path(part).expanduser() for part in value.split(os.pathsep) if part.strip()]


def check_file(path: Path, countries: frozenset[str]) -> tuple[list[dict[str, str]], list[Problem]]:
    """The rows of the place file at ``path`` and every problem found in it.
    ``countries`` holds the ISO 3166-1 alpha-2 codes a row's ``country`` may take."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return [], [Problem(path, 0, "no such file")]
    except UnicodeDecodeError as exc:
        return [], [Problem(path, 0, f"not UTF-8 text ({exc.reason} at byte {exc.start})")]
    except OSError as exc:
        return [], [Problem(path, 0, f"cannot be read ({exc.strerror or exc})")]
    numbered = [(n, ln) for n, ln in enumerate(text.splitlines(), start=1) if ln.strip() and not ln.startswith("#")]
    if not numbered:
        return [], [Problem(path, 0, "no header line (the columns: " + ", ".join(COLUMNS) + ")")]
    header_line, header = numbered[0]
    columns = [c.strip() for c in header.split("\t")]
    missing = [c for c in REQUIRED if c not in columns]
    unknown = [c for c in columns if c not in COLUMNS]
    problems = []
    if missing:
        problems.append(Problem(path, header_line, f"the header lacks the column(s) {', '.join(missing)} "
                                f"(columns are separated by tabs: {', '.join(COLUMNS)})"))
    if unknown:
        problems.append(Problem(path, header_line, f"unknown column(s) {', '.join(unknown)} "
                                f"(known: {', '.join(COLUMNS)})"))
    if problems:
        return [], problems
    rows = []
    for number, line in numbered[1:]:
        cells = next(csv.reader(io.StringIO(line), delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(cells) > len(columns):
            problems.append(Problem(path, number, f"{len(cells)} cells for {len(columns)} columns"))
            continue
        row = {c: "" for c in COLUMNS}
        row.update({c: v.strip() for c, v in zip(columns, cells)})
        problem = _row_problem(row, countries)
        if problem:
            problems.append(Problem(path, number, problem))
        else:
            rows.append(row)
    if not rows and not problems:
        problems.append(Problem(path, 0, "no place rows after the header"))
    return rows, problems


def read_files(paths: list[Path], countries: frozenset[str]) -> list[dict[str, str]]:
    """The rows of all ``paths``, in order; :class:`PlacesFileError` if any has a problem."""
    rows, problems = [], []
    for path in paths:
        got, found = check_file(path, countries)
        rows.extend(got)
        problems.extend(found)
    if problems:
        raise PlacesFileError(problems)
    return rows


def fingerprint_text(paths: list[Path]) -> str:
    """What the index's fingerprint takes of the files: their contents in
    order (a file that cannot be read: its name and the reason, so that the
    build reports it)."""
    parts = []
    for path in paths:
        try:
            parts.append(Path(path).read_bytes().decode("utf-8", errors="replace"))
        except OSError as exc:
            parts.append(f"{path}: {exc}")
    return "\x00".join(parts)


def _row_problem(row: dict[str, str], countries: frozenset[str]) -> Optional[str]:
    if not row["name"]:
        return "no name"
    kind = row["kind"].lower()
    if kind and kind not in KINDS:
        return f"kind {row['kind']!r} is none of {', '.join(KINDS)} (empty: region)"
    row["kind"] = kind
    for column, limit in (("lat", 90.0), ("lon", 180.0)):
        try:
            value = float(row[column])
        except ValueError:
            return f"{column} {row[column]!r} is no number (decimal degrees: 41.72)" if row[column] \
                else f"no {column}"
        if not math.isfinite(value) or abs(value) > limit:
            return f"{column} {row[column]} is out of range (-{limit:g} to {limit:g})"
    code = row["country"].upper()
    if code and code not in countries:
        return f"country {row['country']!r} is no ISO 3166-1 alpha-2 code (GB, US, SD ...)"
    row["country"] = code
    if row["population"]:
        try:
            if int(row["population"]) < 0:
                raise ValueError
        except ValueError:
            return f"population {row['population']!r} is no whole number of 0 or more"
    return None
