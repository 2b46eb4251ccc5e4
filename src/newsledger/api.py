"""Read a ledger file from Python: ``newsledger.open(path)``.

Every view of a stored ledger (the HTTP API, the exports, the notebooks of
users) goes through :class:`Ledger`.  Each method takes filters as keyword
arguments, builds its SQL from fixed text with ``?``/``:name`` parameters only
(never from the values given), and returns a :class:`Results` list of plain
dataclasses, which ``.to_pandas()`` turns into a DataFrame (``pip install
'newsledger[pandas]'``).

Build a small ledger, then read it:

>>> import tempfile, pathlib
>>> from newsledger.model import DocLedger, Document, Quantity, Span
>>> from newsledger.store import Store
>>> db = pathlib.Path(tempfile.mkdtemp()) / "ledger.db"
>>> text = "Rebels seized 12 villages near the river."
>>> doc = Document.from_text(text, source_id="a.txt", outlet="Daily", published="2024-05-03")
>>> with Store(db) as store:
...     _ = store.write(DocLedger(document=doc,
...                               quantities=[Quantity(12, Span.of(text, 14, 25), unit="villages")]))
>>> import newsledger
>>> with newsledger.open(db) as ledger:
...     docs = ledger.documents(source="Daily")
...     figures = ledger.quantities(unit="villages")
>>> [d.source_id for d in docs]
['a.txt']
>>> figures[0].value, figures[0].unit, figures[0].evidence_text
(12.0, 'villages', '12 villages')
>>> figures.to_dicts()[0]["id"] == doc.id + ":q0"
True

Filters shared by the item methods: ``actor`` (an actor id such as ``RU``, or
a name such as ``Russia``; a state's name also covers its organs, "Russia
(government)", "Russia (military)"), ``type`` (a PLOVER type), ``date_from`` /
``date_to`` (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, inclusive), ``place``,
``document`` (a document id or the path/URL it was read from) and ``source``
(an outlet, URL, path or document id).  ``limit`` / ``offset`` page.

Dates.  An item's ``date`` is its own normalised time (a TIMEX3 value:
``2024-05-02``, ``2024-05``, ``2024-W17``, ``2022-SU``, ``2020``) when the text
gives one (``dated_by == "text"``), else the publication date of its document
(``dated_by == "published"``: when it was reported, not when it happened).
A date filter compares the first day of that period.

Cross-document views: :meth:`Ledger.contested` and
:meth:`Ledger.contradictions` read the store tables ``contested`` and
``contradictions``, which the cross-document stage fills; until it has run
they are empty.  Until then, too, each ledger event is one event mention
(``n_mentions == n_articles == n_sources == 1``).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import sqlite3
import time
from functools import lru_cache
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional, Sequence

__all__ = ["Ledger", "Results", "open", "DocumentRecord", "EventRecord", "ClaimRecord", "ActorRecord",
           "PlaceRecord", "QuantityRecord", "Relation", "MergedEventRecord", "MentionRecord", "ContestedPair", "Contradiction",
           "ContradictionSide", "QueryTimeout", "MissingExtra", "PLOVER_QUAD", "quad_class",
           "period_bounds", "parse_date_filter"]

# --------------------------------------------------------------------------- PLOVER

#: PLOVER 2.0 type → GDELT/CAMEO QuadClass (1 verbal cooperation, 2 material
#: cooperation, 3 verbal conflict, 4 material conflict); the same class as the
#: CAMEO root code our event coder gives each type by default.
PLOVER_QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1,
    "CONCEDE": 2, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}


def quad_class(plover_type: Optional[str], cameo_root: Optional[str] = None) -> Optional[int]:
    """The QuadClass of an event: from its PLOVER type, else from its CAMEO root.

    >>> quad_class("AGREE"), quad_class("ASSAULT"), quad_class(None, "14"), quad_class(None)
    (1, 4, 4, None)
    """
    if plover_type in PLOVER_QUAD:
        return PLOVER_QUAD[plover_type]
    if cameo_root and cameo_root.isdigit():
        root = int(cameo_root[:2])
        return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4 if root <= 20 else None
    return None


def stance(plover_type: Optional[str], intensity: Optional[float]) -> Optional[str]:
    """``cooperation``, ``conflict`` or ``None``: from the type, else the sign of the intensity."""
    quad = quad_class(plover_type)
    if quad is not None:
        return "cooperation" if quad <= 2 else "conflict"
    if intensity:
        return "cooperation" if intensity > 0 else "conflict"
    return None


# --------------------------------------------------------------------------- dates

_DAY = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_PART = re.compile(r"^(\d{4})-([QH])(\d)$")
_DECADE = re.compile(r"^(\d{3})X?$")
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (1, 2)}


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def period_bounds(value: Optional[str]) -> Optional[tuple[dt.date, dt.date]]:
    """First and last day of a TIMEX3 date value (``None`` for durations,
    sets and anything else that is not a calendar period).

    >>> period_bounds("2024-05")
    (datetime.date(2024, 5, 1), datetime.date(2024, 5, 31))
    >>> period_bounds("2024-W17")
    (datetime.date(2024, 4, 22), datetime.date(2024, 4, 28))
    >>> period_bounds("2022-SU")[0], period_bounds("P10M")
    (datetime.date(2022, 6, 1), None)
    """
    if not value:
        return None
    value = value.strip()
    if "/" in value:
        a, _, b = value.partition("/")
        first, last = period_bounds(a), period_bounds(b)
        return (first[0], last[1]) if first and last else None
    try:
        if m := _DAY.match(value):
            y = int(m.group(1))
            if m.group(3):
                d = dt.date(y, int(m.group(2)), int(m.group(3)))
                return d, d
            if m.group(2):
                mo = int(m.group(2))
                return dt.date(y, mo, 1), _month_end(y, mo)
            return dt.date(y, 1, 1), dt.date(y, 12, 31)
        if m := _WEEK.match(value):
            monday = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return monday, monday + dt.timedelta(days=6)
        if m := _SEASON.match(value):
            y, (a, b) = int(m.group(1)), _SEASON_MONTHS[m.group(2)]
            return dt.date(y, a, 1), _month_end(y, b)
        if m := _PART.match(value):
            y, n = int(m.group(1)), int(m.group(3))
            size = 3 if m.group(2) == "Q" else 6
            a = (n - 1) * size + 1
            if not 1 <= a <= 12:
                return None
            return dt.date(y, a, 1), _month_end(y, a + size - 1)
        if (m := _DECADE.match(value)) and len(value) == 4:
            y = int(m.group(1)) * 10
            return dt.date(y, 1, 1), dt.date(y + 9, 12, 31)
    except ValueError:
        return None
    return None


@lru_cache(maxsize=65536)
def _start_iso(value: Optional[str]) -> Optional[str]:
    """The first day of a TIMEX3 value, as SQL function ``nl_start`` (called per
    row in date filters and sorting: cached, since the same values repeat)."""
    bounds = period_bounds(value)
    return bounds[0].isoformat() if bounds else None


def period_label(value: Optional[str]) -> Optional[str]:
    """``YYYY-MM`` when ``value`` falls within one month (a week: the month of
    its middle), ``YYYY`` when within one year, else ``None``.

    >>> period_label("2024-05-02"), period_label("2024-W17"), period_label("2026"), period_label(None)
    ('2024-05', '2024-04', '2026', None)
    """
    bounds = period_bounds(value)
    if bounds is None:
        return None
    a, b = bounds
    if (b - a).days <= 7:
        a = a + (b - a) / 2
        b = a
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.year:04d}-{a.month:02d}"
    if a.year == b.year:
        return f"{a.year:04d}"
    return None


_FILTER_DATE = re.compile(r"^(\d{4})(-(\d{2})(-(\d{2}))?)?$")


def parse_date_filter(value: Optional[str], *, end: bool = False) -> Optional[str]:
    """A ``date_from`` / ``date_to`` filter as an ISO day (the first day of the
    period, or its last with ``end=True``); ``ValueError`` when malformed.
    A day past the end of its month (``2023-02-30``) means the month's last day.

    >>> parse_date_filter("2023-09"), parse_date_filter("2023-09", end=True), parse_date_filter("2023-02-30")
    ('2023-09-01', '2023-09-30', '2023-02-28')
    """
    if value is None or value == "":
        return None
    m = _FILTER_DATE.match(value)
    if m and m.group(5) and m.group(3) and 1 <= int(m.group(3)) <= 12 and 28 < int(m.group(5)) <= 31:
        last = _month_end(int(m.group(1)), int(m.group(3))) if int(m.group(1)) > 0 else None
        if last is not None and int(m.group(5)) > last.day:
            value = last.isoformat()
    bounds = period_bounds(value) if m else None
    if bounds is None:
        raise ValueError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return bounds[1 if end else 0].isoformat()


# --------------------------------------------------------------------------- results

class MissingExtra(ImportError):
    """An optional dependency is not installed; the message says what to install."""


class QueryTimeout(RuntimeError):
    """A query ran past the ledger's time limit (``open(path, timeout=...)``)."""


class Results(list):
    """A list of records with ``.to_dicts()`` and ``.to_pandas()``."""

    def __init__(self, items: Iterable = (), record_type: Optional[type] = None):
        super().__init__(items)
        self.record_type = record_type

    def to_dicts(self) -> list[dict]:
        return [dataclasses.asdict(item) for item in self]

    def to_pandas(self):
        """A ``pandas.DataFrame``, one row per record (needs ``newsledger[pandas]``)."""
        try:
            import pandas as pd
        except ImportError:
            raise MissingExtra("to_pandas() needs pandas: pip install 'newsledger[pandas]'") from None
        rows = self.to_dicts()
        if rows or self.record_type is None:
            return pd.DataFrame.from_records(rows)
        return pd.DataFrame(columns=[f.name for f in dataclasses.fields(self.record_type)])


def _results(items: Iterable, cls: type) -> Results:
    return Results(items, cls)


@dataclass(slots=True)
class DocumentRecord:
    """One analysed document (``text`` only from :meth:`Ledger.document`)."""

    id: str
    source_id: Optional[str]
    url: Optional[str]
    title: Optional[str]
    outlet: Optional[str]
    author: Optional[str]
    published: Optional[str]
    published_source: Optional[str]
    language: Optional[str]
    n_events: int
    n_claims: int
    n_quantities: int
    n_places: int
    n_actors: int
    n_timexes: int
    analyzed_at: str
    text: Optional[str] = None


@dataclass(slots=True)
class EventRecord:
    """One event of the ledger, with the sentence that supports it.

    ``id`` is ``<document id>:e<n>``; ``source_actors``/``target_actors`` are
    actor ids (``None`` where the words name no known actor) and
    ``source_names``/``target_names`` the words themselves.
    """

    id: str
    doc: str
    seq: int
    type: Optional[str]
    mode: Optional[str]
    modality: Optional[str]
    attributed_to: Optional[str]
    time: Optional[str]
    time_how: Optional[str]
    date: Optional[str]
    dated_by: Optional[str]
    place: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    cameo_root: Optional[str]
    intensity: Optional[float]
    quad_class: Optional[int]
    trigger_text: Optional[str]
    evidence_start: int
    evidence_end: int
    evidence_text: str
    source_id: Optional[str]
    url: Optional[str]
    outlet: Optional[str]
    published: Optional[str]
    source_actors: list[Optional[str]] = field(default_factory=list)
    source_names: list[str] = field(default_factory=list)
    target_actors: list[Optional[str]] = field(default_factory=list)
    target_names: list[str] = field(default_factory=list)
    n_mentions: int = 1
    n_sources: int = 1
    n_articles: int = 1


@dataclass(slots=True)
class ClaimRecord:
    """Who said what (``id`` is ``<document id>:c<n>``)."""

    id: str
    doc: str
    seq: int
    kind: Optional[str]
    speaker_name: Optional[str]
    speaker_actor: Optional[str]
    speaker_text: Optional[str]
    cue_text: Optional[str]
    content_start: int
    content_end: int
    content_text: str
    time: Optional[str]
    date: Optional[str]
    dated_by: Optional[str]
    negated: bool
    source_id: Optional[str]
    url: Optional[str]
    outlet: Optional[str]
    published: Optional[str]


@dataclass(slots=True)
class ActorRecord:
    id: str
    name: str
    kind: Optional[str]
    country: Optional[str]
    n_mentions: int
    n_documents: int
    n_events: int
    aliases: list[str] = field(default_factory=list)


@dataclass(slots=True)
class PlaceRecord:
    """A place named in the ledger, with how often and where it is named."""

    name: str
    lat: Optional[float]
    lon: Optional[float]
    country: Optional[str]
    geonameid: Optional[int]
    kind: Optional[str]
    n_mentions: int
    n_documents: int
    n_events: int
    roles: list[str] = field(default_factory=list)


@dataclass(slots=True)
class QuantityRecord:
    """A figure, with its hedge (``id`` is ``<document id>:q<n>``)."""

    id: str
    doc: str
    seq: int
    value: float
    unit: Optional[str]
    counts: Optional[str]
    hedge: Optional[str]
    approx: Optional[str]
    change: Optional[str]
    time: Optional[str]
    date: Optional[str]
    dated_by: Optional[str]
    evidence_start: int
    evidence_end: int
    evidence_text: str
    source_id: Optional[str]
    url: Optional[str]
    outlet: Optional[str]
    published: Optional[str]


@dataclass(slots=True)
class Relation:
    """What one actor did to another in one period: counts of events.

    ``period`` is ``YYYY-MM`` (or ``YYYY`` when the events are dated to the
    year only); ``cooperation``/``conflict`` count events by their PLOVER type
    (QuadClass 1–2 / 3–4), or by the sign of their intensity when untyped.
    """

    source: str
    source_name: Optional[str]
    target: str
    target_name: Optional[str]
    period: Optional[str]
    events: int
    cooperation: int
    conflict: int
    intensity: float
    event_ids: list[str] = field(default_factory=list)
    #: summed intensity of the cooperation events and of the conflict events
    cooperation_intensity: float = 0.0
    conflict_intensity: float = 0.0


@dataclass(slots=True)
class MentionRecord:
    """One document's telling of a merged event."""

    event: str            # the event mention's id, <doc id>:e<n>
    doc: str
    source_id: Optional[str]
    outlet: Optional[str]
    url: Optional[str]
    published: Optional[str]
    time: Optional[str]
    trigger_text: Optional[str]
    evidence_start: int
    evidence_end: int
    evidence_text: str


@dataclass(slots=True)
class MergedEventRecord:
    """One happening of the merged ledger, with every article's telling of it.

    ``date_disputed`` is true when sources give dates that cannot all be
    right (the contradiction is in :meth:`Ledger.contradictions`); ``date``
    is then the date most sources give.
    """

    id: str
    type: Optional[str]
    mode: Optional[str]
    modality: Optional[str]
    time: Optional[str]
    time_how: Optional[str]
    date: Optional[str]
    dated_by: Optional[str]
    date_disputed: bool
    place: Optional[str]
    lat: Optional[float]
    lon: Optional[float]
    cameo_root: Optional[str]
    intensity: Optional[float]
    quad_class: Optional[int]
    n_mentions: int
    n_sources: int
    n_articles: int
    source_actors: list[str] = field(default_factory=list)
    source_names: list[str] = field(default_factory=list)
    target_actors: list[str] = field(default_factory=list)
    target_names: list[str] = field(default_factory=list)
    mentions: list[MentionRecord] = field(default_factory=list)


@dataclass(slots=True)
class ContestedPair:
    """Two claims that disagree (``a``/``b`` are claim ids)."""

    id: int
    a: str
    b: str
    about: Optional[str]
    a_doc: str
    b_doc: str
    a_speaker: Optional[str]
    b_speaker: Optional[str]
    a_text: Optional[str]
    b_text: Optional[str]


@dataclass(slots=True)
class ContradictionSide:
    doc: str
    value: Optional[str]
    evidence_start: int
    evidence_end: int
    evidence_text: str


@dataclass(slots=True)
class Contradiction:
    """Sources that give different dates or figures for the same thing."""

    id: int
    kind: str
    about: Optional[str]
    sides: list[ContradictionSide] = field(default_factory=list)


# --------------------------------------------------------------------------- the ledger

def open(path: str | Path, *, timeout: Optional[float] = None) -> "Ledger":  # noqa: A001 - the public name
    """Open a ledger file read-only.  ``timeout``: seconds any one query may run
    (then :class:`QueryTimeout`)."""
    path = Path(path)
    if not path.exists():
        raise FileNotFoundError(f"no ledger file at {path}: run 'newsledger analyze ... --db {path}' first")
    conn = sqlite3.connect(f"file:{path.resolve()}?mode=ro", uri=True, check_same_thread=False)
    return Ledger(conn, timeout=timeout, owns=True)


def _like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


class _Where:
    """WHERE clauses with named parameters: the SQL text is ours, values are bound."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: dict[str, Any] = {}

    def add(self, clause: str, **params: Any) -> None:
        self.clauses.append(clause)
        self.params.update(params)

    @property
    def sql(self) -> str:
        return (" WHERE " + " AND ".join(self.clauses)) if self.clauses else ""


MAX_OFFSET = 2**62


def _page(limit: Optional[int], offset: int, params: dict) -> str:
    params["limit"] = -1 if limit is None else min(int(limit), MAX_OFFSET)
    params["offset"] = min(int(offset or 0), MAX_OFFSET)
    return " LIMIT :limit OFFSET :offset"


# actor ids matching a user's actor filter: id, name, or a state's organs ("Russia (government)")
_ACTOR_IDS = ("SELECT id FROM actors WHERE id = :actor COLLATE NOCASE OR name = :actor COLLATE NOCASE "
              "OR name LIKE :actor_organ ESCAPE '\\'")
_DOC_MATCH = "(d.id = :document OR d.source_id = :document)"
_SOURCE_MATCH = ("(d.outlet = :source COLLATE NOCASE OR d.url = :source OR d.source_id = :source "
                 "OR d.id = :source)")


class Ledger:
    """A stored ledger, read through filters.  Use ``newsledger.open(path)``,
    or ``Ledger(store.conn)`` over an open :class:`~newsledger.store.Store`."""

    def __init__(self, conn: sqlite3.Connection, *, timeout: Optional[float] = None, owns: bool = False):
        self.conn = conn
        self.timeout = timeout
        self._owns = owns
        self._deadline: Optional[float] = None
        conn.create_function("nl_start", 1, _start_iso, deterministic=True)
        if timeout is not None:
            conn.set_progress_handler(self._check_deadline, 500)
        self._tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}

    # ------------------------------------------------------------------ plumbing
    def close(self) -> None:
        if self._owns:
            self.conn.close()

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _check_deadline(self) -> int:
        return int(self._deadline is not None and time.monotonic() >= self._deadline)

    def _rows(self, sql: str, params: Sequence | dict = ()) -> list[sqlite3.Row]:
        if self.timeout is not None:
            self._deadline = time.monotonic() + self.timeout
        try:
            cur = self.conn.cursor()
            cur.row_factory = sqlite3.Row
            return cur.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            if "interrupted" in str(exc):
                raise QueryTimeout(f"the query ran longer than {self.timeout} s; narrow the filters") from None
            raise
        finally:
            self._deadline = None

    def _has(self, table: str) -> bool:
        return table in self._tables

    @staticmethod
    def _common(where: _Where, *, document=None, source=None, date_from=None, date_to=None,
                date_sql: str = "nl_start(coalesce(x.time_value, d.published))") -> None:
        if document:
            where.add(_DOC_MATCH, document=document)
        if source:
            where.add(_SOURCE_MATCH, source=source)
        start = parse_date_filter(date_from)
        if start:
            where.add(f"{date_sql} >= :date_from", date_from=start)
        end = parse_date_filter(date_to, end=True)
        if end:
            where.add(f"{date_sql} <= :date_to", date_to=end)

    @staticmethod
    def _actor_params(actor: str) -> dict:
        return {"actor": actor, "actor_organ": _like(actor) + " (%"}

    @staticmethod
    def _dated(time_value: Optional[str], published: Optional[str]) -> tuple[Optional[str], Optional[str]]:
        if time_value and period_bounds(time_value):
            return time_value, "text"
        if published:
            return published, "published"
        return None, None

    # ------------------------------------------------------------------ documents
    def documents(self, *, source: Optional[str] = None, date_from: Optional[str] = None,
                  date_to: Optional[str] = None, q: Optional[str] = None,
                  limit: Optional[int] = None, offset: int = 0) -> Results:
        """Analysed documents, oldest first; ``q`` is a full-text query (FTS5 syntax;
        a query that is not valid FTS5 looks for its words as written)."""
        where = _Where()
        self._common(where, source=source, date_from=date_from, date_to=date_to,
                     date_sql="nl_start(d.published)")
        if q:
            where.add("d.rowid IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH :q)", q=q)
        params = where.params
        sql = (f"SELECT d.* FROM documents d{where.sql} ORDER BY d.published, d.rowid"
               + _page(limit, offset, params))
        try:
            rows = self._rows(sql, params)
        except sqlite3.OperationalError:  # "fts5: syntax error near ...": search for the words as written
            if not q:
                raise
            # (a control character, NUL above all, ends or breaks even a quoted word: a space instead)
            words = "".join(ch if ch.isprintable() else " " for ch in q).split()
            params["q"] = " ".join('"' + word.replace('"', '""') + '"' for word in words) or '""'
            rows = self._rows(sql, params)
        return _results((self._document(r) for r in rows), DocumentRecord)

    @staticmethod
    def _document(r: sqlite3.Row, text: bool = False) -> DocumentRecord:
        return DocumentRecord(
            id=r["id"], source_id=r["source_id"], url=r["url"], title=r["title"], outlet=r["outlet"],
            author=r["author"], published=r["published"], published_source=r["published_source"],
            language=r["language"], n_events=r["n_events"] or 0, n_claims=r["n_claims"] or 0,
            n_quantities=r["n_quantities"] or 0, n_places=r["n_places"] or 0, n_actors=r["n_actors"] or 0,
            n_timexes=r["n_timexes"] or 0, analyzed_at=r["analyzed_at"], text=r["text"] if text else None)

    def document(self, key: str) -> Optional[DocumentRecord]:
        """One document, with its text: by id, id prefix (4+ characters) or source id."""
        rows = self._rows("SELECT * FROM documents WHERE id = ? OR source_id = ? LIMIT 1", (key, key))
        if not rows and len(key) >= 4:
            rows = self._rows("SELECT * FROM documents WHERE id LIKE ? ESCAPE '\\' LIMIT 2", (_like(key) + "%",))
            rows = rows if len(rows) == 1 else []
        return self._document(rows[0], text=True) if rows else None

    def ledger(self, key: str):
        """The full :class:`~newsledger.model.DocLedger` of one document (or ``None``)."""
        import json

        from .model import DocLedger, from_dict

        doc = self.document(key)
        if doc is None:
            return None
        rows = self._rows("SELECT json FROM ledgers WHERE doc_id = ?", (doc.id,))
        return from_dict(DocLedger, json.loads(rows[0][0])) if rows else None

    def _event_filters(self, where: _Where, *, actor, type, date_from, date_to, place, document, source,  # noqa: A002
                       modality) -> None:
        """The filters of :meth:`events` and :meth:`timeline`, over event mentions ``x``
        and their documents ``d``."""
        self._common(where, document=document, source=source, date_from=date_from, date_to=date_to)
        if type:
            if type.lower() == "none":
                where.add("x.type IS NULL")
            else:
                where.add("x.type = upper(:type)", type=type)
        if place:
            where.add("x.place_name = :place COLLATE NOCASE", place=place)
        if modality:
            where.add("x.modality = :modality", modality=modality)
        if actor:
            where.add("EXISTS (SELECT 1 FROM event_actors ea WHERE ea.doc_id = x.doc_id AND ea.event_seq = x.seq "
                      f"AND (ea.actor_id IN ({_ACTOR_IDS}) OR ea.text = :actor COLLATE NOCASE))",
                      **self._actor_params(actor))

    # ------------------------------------------------------------------ events
    def events(self, *, actor: Optional[str] = None, type: Optional[str] = None,  # noqa: A002
               date_from: Optional[str] = None, date_to: Optional[str] = None, place: Optional[str] = None,
               document: Optional[str] = None, source: Optional[str] = None, modality: Optional[str] = None,
               limit: Optional[int] = None, offset: int = 0) -> Results:
        """Events in date order (undated ones by their publication date).

        ``type="none"`` selects untyped happenings."""
        where = _Where()
        self._event_filters(where, actor=actor, type=type, date_from=date_from, date_to=date_to, place=place,
                            document=document, source=source, modality=modality)
        params = where.params
        sql = ("SELECT x.*, d.published, d.outlet, d.url, d.source_id FROM events x JOIN documents d ON d.id = x.doc_id"
               f"{where.sql} ORDER BY nl_start(coalesce(x.time_value, d.published)) IS NULL, "
               "nl_start(coalesce(x.time_value, d.published)), d.published, x.doc_id, x.seq"
               + _page(limit, offset, params))
        rows = self._rows(sql, params)
        refs = self._event_actors({r["doc_id"] for r in rows})
        out = []
        for r in rows:
            date, dated_by = self._dated(r["time_value"], r["published"])
            ev = EventRecord(
                id=f"{r['doc_id']}:e{r['seq']}", doc=r["doc_id"], seq=r["seq"], type=r["type"], mode=r["mode"],
                modality=r["modality"], attributed_to=r["attributed_to"], time=r["time_value"],
                time_how=r["time_how"], date=date, dated_by=dated_by, place=r["place_name"], lat=r["place_lat"],
                lon=r["place_lon"], cameo_root=r["cameo_root"], intensity=r["intensity"],
                quad_class=quad_class(r["type"], r["cameo_root"]), trigger_text=r["trigger_text"],
                evidence_start=r["evidence_start"], evidence_end=r["evidence_end"],
                evidence_text=r["evidence_text"], source_id=r["source_id"], url=r["url"], outlet=r["outlet"],
                published=r["published"])
            for role, actor_id, text in refs.get((r["doc_id"], r["seq"]), ()):
                getattr(ev, f"{role}_actors").append(actor_id)
                getattr(ev, f"{role}_names").append(text)
            out.append(ev)
        return _results(out, EventRecord)

    def _event_actors(self, doc_ids: set[str]) -> dict[tuple[str, int], list]:
        refs: dict[tuple[str, int], list] = {}
        ids = sorted(doc_ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))  # only the number of placeholders varies
            for r in self._rows(f"SELECT doc_id, event_seq, role, actor_id, text FROM event_actors "
                                f"WHERE doc_id IN ({marks}) ORDER BY doc_id, event_seq, role, seq", chunk):
                refs.setdefault((r[0], r[1]), []).append((r[2], r[3], r[4]))
        return refs

    # ------------------------------------------------------------------ claims
    def claims(self, *, actor: Optional[str] = None, kind: Optional[str] = None, q: Optional[str] = None,
               date_from: Optional[str] = None, date_to: Optional[str] = None, document: Optional[str] = None,
               source: Optional[str] = None, limit: Optional[int] = None, offset: int = 0) -> Results:
        """Who said what; ``actor`` matches the speaker, ``q`` a substring of the content."""
        where = _Where()
        self._common(where, document=document, source=source, date_from=date_from, date_to=date_to)
        if actor:
            where.add(f"(x.speaker_actor IN ({_ACTOR_IDS}) OR x.speaker_name = :actor COLLATE NOCASE)",
                      **self._actor_params(actor))
        if kind:
            where.add("x.kind = :kind", kind=kind)
        if q:
            where.add("x.content_text LIKE :q ESCAPE '\\'", q="%" + _like(q) + "%")
        params = where.params
        sql = ("SELECT x.*, d.published, d.outlet, d.url, d.source_id FROM claims x JOIN documents d ON d.id = x.doc_id"
               f"{where.sql} ORDER BY d.published, x.doc_id, x.seq" + _page(limit, offset, params))
        return _results((self._claim(r) for r in self._rows(sql, params)), ClaimRecord)

    def _claim(self, r: sqlite3.Row) -> ClaimRecord:
        date, dated_by = self._dated(r["time_value"], r["published"])
        return ClaimRecord(
            id=f"{r['doc_id']}:c{r['seq']}", doc=r["doc_id"], seq=r["seq"], kind=r["kind"],
            speaker_name=r["speaker_name"], speaker_actor=r["speaker_actor"], speaker_text=r["speaker_text"],
            cue_text=r["cue_text"], content_start=r["content_start"], content_end=r["content_end"],
            content_text=r["content_text"], time=r["time_value"], date=date, dated_by=dated_by,
            negated=bool(r["negated"]), source_id=r["source_id"], url=r["url"], outlet=r["outlet"],
            published=r["published"])

    # ------------------------------------------------------------------ actors and places
    def actors(self, *, kind: Optional[str] = None, country: Optional[str] = None, q: Optional[str] = None,
               document: Optional[str] = None, source: Optional[str] = None,
               limit: Optional[int] = None, offset: int = 0) -> Results:
        """Actors, most mentioned first, with the words that name them (``aliases``)."""
        where = _Where()
        if kind:
            where.add("a.kind = :kind", kind=kind)
        if country:
            where.add("a.country = upper(:country)", country=country)
        if q:
            where.add("(a.name LIKE :q ESCAPE '\\' OR a.id LIKE :q ESCAPE '\\')", q="%" + _like(q) + "%")
        scope = _Where()
        self._common(scope, document=document, source=source)
        if scope.clauses:
            where.add("a.id IN (SELECT m.actor_id FROM actor_mentions m JOIN documents d ON d.id = m.doc_id"
                      f"{scope.sql})", **scope.params)
        params = where.params
        sql = ("SELECT a.*, (SELECT count(*) FROM actor_mentions m WHERE m.actor_id = a.id) AS n_mentions, "
               "(SELECT count(DISTINCT m.doc_id) FROM actor_mentions m WHERE m.actor_id = a.id) AS n_documents, "
               "(SELECT count(*) FROM (SELECT DISTINCT ea.doc_id, ea.event_seq FROM event_actors ea "
               " WHERE ea.actor_id = a.id)) AS n_events, "
               "(SELECT group_concat(t, char(31)) FROM (SELECT DISTINCT m.text AS t FROM actor_mentions m "
               " WHERE m.actor_id = a.id ORDER BY m.text)) AS aliases "
               f"FROM actors a{where.sql} ORDER BY n_mentions DESC, a.name" + _page(limit, offset, params))
        return _results((ActorRecord(id=r["id"], name=r["name"], kind=r["kind"], country=r["country"],
                                     n_mentions=r["n_mentions"], n_documents=r["n_documents"],
                                     n_events=r["n_events"],
                                     aliases=r["aliases"].split("\x1f") if r["aliases"] else [])
                         for r in self._rows(sql, params)), ActorRecord)

    def places(self, *, place: Optional[str] = None, country: Optional[str] = None, kind: Optional[str] = None,
               role: Optional[str] = None, document: Optional[str] = None, source: Optional[str] = None,
               limit: Optional[int] = None, offset: int = 0) -> Results:
        """Places named in the documents (one record per gazetteer entry), most named first."""
        where = _Where()
        self._common(where, document=document, source=source)
        if place:
            where.add("(p.name = :place COLLATE NOCASE OR p.text = :place COLLATE NOCASE)", place=place)
        if country:
            where.add("p.country = upper(:country)", country=country)
        if kind:
            where.add("p.kind = :kind", kind=kind)
        if role:
            where.add("p.role = :role", role=role)
        params = where.params
        sql = ("SELECT p.name, p.lat, p.lon, p.country, p.geonameid, p.kind, count(*) AS n_mentions, "
               "count(DISTINCT p.doc_id) AS n_documents, group_concat(DISTINCT p.role) AS roles, "
               "(SELECT count(*) FROM events e WHERE e.place_name = p.name AND e.place_lat IS p.lat "
               " AND e.place_lon IS p.lon) AS n_events "
               f"FROM places p JOIN documents d ON d.id = p.doc_id{where.sql} "
               "GROUP BY p.name, p.lat, p.lon, p.country, p.geonameid, p.kind "
               "ORDER BY n_mentions DESC, p.name" + _page(limit, offset, params))
        return _results((PlaceRecord(name=r["name"], lat=r["lat"], lon=r["lon"], country=r["country"],
                                     geonameid=r["geonameid"], kind=r["kind"], n_mentions=r["n_mentions"],
                                     n_documents=r["n_documents"], n_events=r["n_events"],
                                     roles=sorted((r["roles"] or "").split(",")) if r["roles"] else [])
                         for r in self._rows(sql, params)), PlaceRecord)

    # ------------------------------------------------------------------ figures
    def quantities(self, *, unit: Optional[str] = None, counts: Optional[str] = None,
                   date_from: Optional[str] = None, date_to: Optional[str] = None, document: Optional[str] = None,
                   source: Optional[str] = None, limit: Optional[int] = None, offset: int = 0) -> Results:
        """Figures given in the texts, with their hedges."""
        where = _Where()
        self._common(where, document=document, source=source, date_from=date_from, date_to=date_to)
        if unit:
            where.add("x.unit = :unit COLLATE NOCASE", unit=unit)
        if counts:
            where.add("x.counts LIKE :counts ESCAPE '\\'", counts="%" + _like(counts) + "%")
        params = where.params
        sql = ("SELECT x.*, d.published, d.outlet, d.url, d.source_id FROM quantities x "
               f"JOIN documents d ON d.id = x.doc_id{where.sql} ORDER BY d.published, x.doc_id, x.seq"
               + _page(limit, offset, params))
        out = []
        for r in self._rows(sql, params):
            date, dated_by = self._dated(r["time_value"], r["published"])
            out.append(QuantityRecord(
                id=f"{r['doc_id']}:q{r['seq']}", doc=r["doc_id"], seq=r["seq"], value=r["value"], unit=r["unit"],
                counts=r["counts"], hedge=r["hedge"], approx=r["approx"], change=r["change"], time=r["time_value"],
                date=date, dated_by=dated_by, evidence_start=r["evidence_start"], evidence_end=r["evidence_end"],
                evidence_text=r["evidence_text"], source_id=r["source_id"], url=r["url"], outlet=r["outlet"],
                published=r["published"]))
        return _results(out, QuantityRecord)

    # ------------------------------------------------------------------ relations
    def relations(self, *, actor: Optional[str] = None, type: Optional[str] = None,  # noqa: A002
                  date_from: Optional[str] = None, date_to: Optional[str] = None, place: Optional[str] = None,
                  document: Optional[str] = None, source: Optional[str] = None) -> Results:
        """Actor pairs over time: for each (source actor, target actor, period),
        how many events, how many of cooperation and of conflict, and their
        summed intensity (in all, and split into cooperation and conflict).
        Only events with a known actor on both sides count (an actor acting on
        itself does not); the period is the month of the event when the text
        dates it, else the month it was reported.  Once the cross-document
        stage has run, a happening told by many articles counts once (its
        merged event; ``event_ids`` are merged event ids)."""
        events = self.timeline(actor=actor, type=type, date_from=date_from, date_to=date_to, place=place,
                               document=document, source=source)
        names = {r["id"]: r["name"] for r in self._rows(
            "SELECT id, name FROM merged_actors" if self.merged else "SELECT id, name FROM actors")}
        table: dict[tuple[str, str, Optional[str]], Relation] = {}
        for ev in events:
            published = min((m.published for m in ev.mentions if m.published), default=None)
            period = period_label(ev.time) or period_label(published)
            side = stance(ev.type, ev.intensity)
            pairs = {(s, t) for s in ev.source_actors for t in ev.target_actors if s and t and s != t}
            for s, t in sorted(pairs):
                rel = table.get((s, t, period))
                if rel is None:
                    rel = table[(s, t, period)] = Relation(s, names.get(s), t, names.get(t), period, 0, 0, 0, 0.0)
                rel.events += 1
                rel.cooperation += side == "cooperation"
                rel.conflict += side == "conflict"
                rel.intensity += ev.intensity or 0.0
                if side == "cooperation":
                    rel.cooperation_intensity += ev.intensity or 0.0
                elif side == "conflict":
                    rel.conflict_intensity += ev.intensity or 0.0
                rel.event_ids.append(ev.id)
        ordered = sorted(table.values(), key=lambda r: (r.period or "", r.source, r.target))
        return _results(ordered, Relation)

    # ------------------------------------------------------------------ the merged ledger
    @property
    def merged(self) -> bool:
        """Whether the cross-document stage has filled the merged tables."""
        return self._has("merged_events") and bool(self._rows("SELECT 1 FROM merged_events LIMIT 1"))

    def timeline(self, *, actor: Optional[str] = None, type: Optional[str] = None,  # noqa: A002
                 date_from: Optional[str] = None, date_to: Optional[str] = None, place: Optional[str] = None,
                 document: Optional[str] = None, source: Optional[str] = None, modality: Optional[str] = None,
                 limit: Optional[int] = None, offset: int = 0) -> Results:
        """The merged events in date order, each with every article's telling of it.

        Filters as :meth:`events`: a merged event is shown when one of its
        mentions passes them.  Before the cross-document stage has run, each
        event mention stands alone.  Sorting and paging happen in SQL; the
        mentions are read only for the events returned."""
        where = _Where()  # the filters of events(), over event mentions x and their documents d
        self._event_filters(where, actor=actor, type=type, date_from=date_from, date_to=date_to, place=place,
                            document=document, source=source, modality=modality)
        params = where.params
        merged = self.merged
        # the date shown (the text's date when it is a calendar period, else the first report)
        # and the order: its first day (undated last), then the id; the SQL is written out
        # whole so that only the filters' placeholders are interpolated
        by_event: dict[str, list[sqlite3.Row]] = {}
        heads: dict[str, Optional[sqlite3.Row]] = {}
        if not merged:
            sql = ("SELECT * FROM (SELECT x.*, d.published, d.outlet, d.url, d.source_id, "
                   "x.doc_id || ':e' || x.seq AS id, "
                   "CASE WHEN nl_start(x.time_value) IS NOT NULL THEN x.time_value "
                   "ELSE nullif(d.published, '') END AS date_value "
                   f"FROM events x JOIN documents d ON d.id = x.doc_id{where.sql}) "
                   "ORDER BY nl_start(date_value) IS NULL, coalesce(nl_start(date_value), ''), id"
                   + _page(limit, offset, params))
            for r in self._rows(sql, params):
                by_event[r["id"]] = [r]
                heads[r["id"]] = None
        else:
            sql = ("SELECT * FROM (SELECT m.*, CASE WHEN nl_start(m.time_value) IS NOT NULL THEN m.time_value "
                   "ELSE (SELECT min(nullif(d2.published, '')) FROM merged_event_mentions m2 "
                   "JOIN events x2 ON x2.doc_id = m2.doc_id AND x2.seq = m2.seq "
                   "JOIN documents d2 ON d2.id = m2.doc_id WHERE m2.merged_id = m.id) END AS date_value "
                   "FROM merged_events m WHERE m.id IN (SELECT mm.merged_id FROM merged_event_mentions mm "
                   "JOIN events x ON x.doc_id = mm.doc_id AND x.seq = mm.seq "
                   f"JOIN documents d ON d.id = x.doc_id{where.sql})) "
                   "ORDER BY nl_start(date_value) IS NULL, coalesce(nl_start(date_value), ''), id"
                   + _page(limit, offset, params))
            for r in self._rows(sql, params):
                heads[r["id"]] = r
                by_event[r["id"]] = []
            ids = list(heads)
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                marks = ",".join("?" * len(chunk))  # only the number of placeholders varies
                for r in self._rows("SELECT mm.merged_id AS merged_id, x.*, d.published, d.outlet, d.url, d.source_id "
                                    "FROM merged_event_mentions mm JOIN events x ON x.doc_id = mm.doc_id AND x.seq = mm.seq "
                                    f"JOIN documents d ON d.id = x.doc_id WHERE mm.merged_id IN ({marks})", chunk):
                    by_event[r["merged_id"]].append(r)
        refs: dict[tuple[str, int], list] = {}
        if not merged:
            refs = self._event_actors({r["doc_id"] for ms in by_event.values() for r in ms})
        out = []
        for mid, ms in by_event.items():
            if not ms:
                continue
            ms.sort(key=lambda r: (r["published"] or "", r["doc_id"], r["seq"]))
            head = heads[mid]
            if head is None:
                r = ms[0]
                date, dated_by = self._dated(r["time_value"], r["published"])
                actors = refs.get((r["doc_id"], r["seq"]), ())
                rec = MergedEventRecord(
                    id=mid, type=r["type"], mode=r["mode"], modality=r["modality"], time=r["time_value"],
                    time_how=r["time_how"], date=date, dated_by=dated_by, date_disputed=False,
                    place=r["place_name"], lat=r["place_lat"], lon=r["place_lon"], cameo_root=r["cameo_root"],
                    intensity=r["intensity"], quad_class=quad_class(r["type"], r["cameo_root"]), n_mentions=1,
                    n_sources=1, n_articles=1,
                    source_actors=[a for role, a, _ in actors if role == "source" and a],
                    target_actors=[a for role, a, _ in actors if role == "target" and a])
            else:
                date, dated_by = self._dated(head["time_value"], min((r["published"] for r in ms if r["published"]),
                                                                      default=None))
                rec = MergedEventRecord(
                    id=mid, type=head["type"], mode=head["mode"], modality=head["modality"], time=head["time_value"],
                    time_how=head["time_how"], date=date, dated_by=dated_by,
                    date_disputed=bool(head["date_disputed"]), place=head["place_name"], lat=head["place_lat"],
                    lon=head["place_lon"], cameo_root=head["cameo_root"], intensity=head["intensity"],
                    quad_class=quad_class(head["type"], head["cameo_root"]), n_mentions=head["n_mentions"],
                    n_sources=head["n_sources"], n_articles=head["n_articles"],
                    source_actors=json.loads(head["source_actors"] or "[]"),
                    target_actors=json.loads(head["target_actors"] or "[]"))
            rec.mentions = [MentionRecord(event=f"{r['doc_id']}:e{r['seq']}", doc=r["doc_id"], source_id=r["source_id"],
                                          outlet=r["outlet"], url=r["url"], published=r["published"],
                                          time=r["time_value"], trigger_text=r["trigger_text"],
                                          evidence_start=r["evidence_start"], evidence_end=r["evidence_end"],
                                          evidence_text=r["evidence_text"]) for r in ms]
            out.append(rec)
        wanted = sorted({a for rec in out for a in rec.source_actors + rec.target_actors if a})
        names: dict[str, str] = {}
        table = "merged_actors" if merged else "actors"
        for i in range(0, len(wanted), 500):
            chunk = wanted[i:i + 500]
            marks = ",".join("?" * len(chunk))
            names.update((r[0], r[1]) for r in self._rows(f"SELECT id, name FROM {table} WHERE id IN ({marks})", chunk))
        for rec in out:
            rec.source_names = [names.get(a, a) for a in rec.source_actors]
            rec.target_names = [names.get(a, a) for a in rec.target_actors]
        return _results(out, MergedEventRecord)

    # ------------------------------------------------------------------ cross-document
    def contested(self, *, actor: Optional[str] = None, document: Optional[str] = None,
                  source: Optional[str] = None, limit: Optional[int] = None, offset: int = 0) -> Results:
        """Pairs of claims that disagree (filled by the cross-document stage)."""
        if not self._has("contested"):
            return _results([], ContestedPair)
        where = _Where()
        if document:
            where.add("(da.id = :document OR da.source_id = :document OR db.id = :document "
                      "OR db.source_id = :document)", document=document)
        if source:
            where.add("(" + _SOURCE_MATCH.replace("d.", "da.") + " OR " + _SOURCE_MATCH.replace("d.", "db.") + ")",
                      source=source)
        if actor:
            where.add(f"(ca.speaker_actor IN ({_ACTOR_IDS}) OR cb.speaker_actor IN ({_ACTOR_IDS}) "
                      "OR ca.speaker_name = :actor COLLATE NOCASE OR cb.speaker_name = :actor COLLATE NOCASE)",
                      **self._actor_params(actor))
        params = where.params
        sql = ("SELECT x.*, ca.speaker_name AS a_speaker, ca.content_text AS a_text, "
               "cb.speaker_name AS b_speaker, cb.content_text AS b_text FROM contested x "
               "LEFT JOIN claims ca ON ca.doc_id = x.a_doc AND ca.seq = x.a_seq "
               "LEFT JOIN claims cb ON cb.doc_id = x.b_doc AND cb.seq = x.b_seq "
               "LEFT JOIN documents da ON da.id = x.a_doc LEFT JOIN documents db ON db.id = x.b_doc"
               f"{where.sql} ORDER BY x.id" + _page(limit, offset, params))
        return _results((ContestedPair(id=r["id"], a=f"{r['a_doc']}:c{r['a_seq']}", b=f"{r['b_doc']}:c{r['b_seq']}",
                                       about=r["about"], a_doc=r["a_doc"], b_doc=r["b_doc"],
                                       a_speaker=r["a_speaker"], b_speaker=r["b_speaker"], a_text=r["a_text"],
                                       b_text=r["b_text"])
                         for r in self._rows(sql, params)), ContestedPair)

    def contradictions(self, *, kind: Optional[str] = None, document: Optional[str] = None,
                       source: Optional[str] = None, limit: Optional[int] = None, offset: int = 0) -> Results:
        """Different dates or figures given for the same thing (filled by the cross-document stage)."""
        if not (self._has("contradictions") and self._has("contradiction_sides")):
            return _results([], Contradiction)
        where = _Where()
        if kind:
            where.add("x.kind = :kind", kind=kind)
        scope = _Where()
        self._common(scope, document=document, source=source)
        if scope.clauses:
            where.add("x.id IN (SELECT s.contradiction_id FROM contradiction_sides s "
                      f"JOIN documents d ON d.id = s.doc_id{scope.sql})", **scope.params)
        params = where.params
        rows = self._rows(f"SELECT x.* FROM contradictions x{where.sql} ORDER BY x.id"
                          + _page(limit, offset, params), params)
        out = [Contradiction(id=r["id"], kind=r["kind"], about=r["about"]) for r in rows]
        by_id = {c.id: c for c in out}
        ids = sorted(by_id)
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            for r in self._rows(f"SELECT * FROM contradiction_sides WHERE contradiction_id IN ({marks}) "
                                "ORDER BY contradiction_id, seq", chunk):
                by_id[r["contradiction_id"]].sides.append(ContradictionSide(
                    doc=r["doc_id"], value=r["value"], evidence_start=r["evidence_start"],
                    evidence_end=r["evidence_end"], evidence_text=r["evidence_text"]))
        return _results(out, Contradiction)
