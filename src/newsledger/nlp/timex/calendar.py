"""Date arithmetic and TIMEX3 value formatting for the time tagger."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

SEASON_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


@dataclass(frozen=True)
class Point:
    """A resolved calendar time at some granularity.

    ``date`` is a representative day (the first day of the month, quarter,
    ...); ``gran`` is day | week | weekend | month | quarter | half | season |
    year | decade | century.  ``extra`` carries the season code or part of day.
    """

    gran: str
    date: dt.date
    extra: Optional[str] = None

    @property
    def value(self) -> str:
        d = self.date
        if self.gran == "day":
            return f"{d.year:04d}-{d.month:02d}-{d.day:02d}"
        if self.gran in ("week", "weekend"):
            y, w, _ = d.isocalendar()
            return f"{y:04d}-W{w:02d}" + ("-WE" if self.gran == "weekend" else "")
        if self.gran == "month":
            return f"{d.year:04d}-{d.month:02d}"
        if self.gran == "quarter":
            return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
        if self.gran == "half":
            return f"{d.year:04d}-H{1 if d.month <= 6 else 2}"
        if self.gran == "season":
            return f"{d.year:04d}-{self.extra}"
        if self.gran == "year":
            return f"{d.year:04d}"
        if self.gran == "decade":
            return f"{d.year // 10:03d}"
        if self.gran == "century":
            return f"{d.year // 100:02d}"
        raise ValueError(self.gran)


def safe_date(y: int, m: int, d: int) -> Optional[dt.date]:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def parse_dct(dct: Optional[str]) -> Optional[dt.date]:
    if not dct:
        return None
    s = dct.strip()[:10]
    parts = s.split("-")
    try:
        if len(parts) == 3:
            return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
        if len(parts) == 2:
            return dt.date(int(parts[0]), int(parts[1]), 15)
        if len(parts) == 1 and len(parts[0]) == 4:
            return dt.date(int(parts[0]), 7, 1)
    except ValueError:
        return None
    return None


def add_months(d: dt.date, n: int) -> dt.date:
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    day = min(d.day, [31, 29 if y % 4 == 0 and (y % 100 != 0 or y % 400 == 0) else 28, 31, 30, 31, 30,
                      31, 31, 30, 31, 30, 31][m - 1])
    return dt.date(y, m, day)


def shift(p: Point, n: int, unit: str) -> Point:
    """Move a point by n units (unit: day week month quarter year decade century
    weekend season half); the result keeps the unit's granularity, or the
    point's when it is finer."""
    d = p.date
    if unit in ("day", "night"):
        return Point("day", d + dt.timedelta(days=n))
    if unit in ("week", "weekend"):
        return Point(unit, d + dt.timedelta(weeks=n))
    if unit == "month":
        gran = p.gran if p.gran == "day" else "month"
        return Point(gran, add_months(d if gran == "day" else d.replace(day=1), n))
    if unit == "quarter":
        gran = p.gran if p.gran in ("day", "month") else "quarter"
        return Point(gran, add_months(d, 3 * n))
    if unit == "half":
        return Point("half", add_months(d, 6 * n))
    if unit == "season":
        return Point("season", add_months(d, 3 * n), p.extra)
    if unit in ("year", "decade", "century"):
        years = n * {"year": 1, "decade": 10, "century": 100}[unit]
        gran = p.gran if p.gran in ("day", "month", "quarter", "season", "half", "week") and unit == "year" else unit
        if gran == "week":
            gran = "year"
        try:
            nd = d.replace(year=d.year + years)
        except ValueError:
            nd = d.replace(year=d.year + years, day=28)
        return Point(gran, nd, p.extra)
    return p


def coarsen(p: Point, gran: str) -> Point:
    """The same time at a coarser granularity."""
    d = p.date
    if gran == "year":
        return Point("year", dt.date(d.year, 1, 1))
    if gran == "month":
        return Point("month", d.replace(day=1))
    if gran == "quarter":
        return Point("quarter", dt.date(d.year, 3 * ((d.month - 1) // 3) + 1, 1))
    if gran in ("week", "weekend"):
        return Point(gran, d - dt.timedelta(days=d.weekday()))
    if gran == "decade":
        return Point("decade", dt.date(d.year - d.year % 10, 1, 1))
    if gran == "century":
        return Point("century", dt.date(d.year - d.year % 100, 1, 1))
    return Point(gran, d, p.extra)


def weekday_near(ref: dt.date, iso_wd: int, direction: str) -> dt.date:
    """The weekday ``iso_wd`` nearest ``ref``: ``past`` on or before it,
    ``future`` on or after it, ``strict_past`` / ``strict_future`` excluding it."""
    diff = iso_wd - ref.isoweekday()
    if direction == "past":
        return ref + dt.timedelta(days=diff if diff <= 0 else diff - 7)
    if direction == "future":
        return ref + dt.timedelta(days=diff if diff >= 0 else diff + 7)
    if direction == "strict_past":
        return ref + dt.timedelta(days=diff if diff < 0 else diff - 7)
    return ref + dt.timedelta(days=diff if diff > 0 else diff + 7)


def nth_weekday(year: int, month: int, iso_wd: int, n: int) -> dt.date:
    if n > 0:
        first = dt.date(year, month, 1)
        d = first + dt.timedelta(days=(iso_wd - first.isoweekday()) % 7)
        return d + dt.timedelta(weeks=n - 1)
    last = add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.isoweekday() - iso_wd) % 7)


def duration_value(n: Optional[float], unit: str) -> str:
    """A TIMEX3 duration: ``P3Y``, ``PT2H``, ``PXM`` when n is None."""
    letters = {"second": ("T", "S"), "minute": ("T", "M"), "hour": ("T", "H"), "day": ("", "D"),
               "night": ("", "D"), "week": ("", "W"), "weekend": ("", "WE"), "fortnight": ("", "W"),
               "month": ("", "M"), "quarter": ("", "Q"), "year": ("", "Y"), "decade": ("", "DE"),
               "century": ("", "CE"), "millennium": ("", "ML")}
    t, letter = letters[unit]
    if n is None:
        if unit == "decade":
            return "PXDE"
        if unit == "century":
            return "PXCE"
        return f"P{t}X{letter}"
    if unit == "fortnight":
        n = n * 2
    if unit == "decade":
        n, letter = n * 10, "Y"
    elif unit == "century":
        n, letter = n * 100, "Y"
    elif unit == "millennium":
        n, letter = n * 1000, "Y"
    if n != int(n):  # a fraction: go one unit down
        down = {"Y": (12, "", "M"), "M": (30, "", "D") if t == "" else (60, "T", "S"),
                "W": (7, "", "D"), "D": (24, "T", "H"), "H": (60, "T", "M"), "Q": (3, "", "M")}
        if letter in down:
            k, t2, l2 = down[letter]
            if letter == "M" and t == "":
                k, t2, l2 = 4, "", "W"
                if (n * k) != int(n * k):
                    k, l2 = 30, "D"
            n, t, letter = n * k, t2, l2
    return f"P{t}{int(round(n))}{letter}"
