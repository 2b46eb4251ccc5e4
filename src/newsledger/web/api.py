"""The read-only HTTP JSON API (ASGI, Starlette) over :mod:`newsledger.api`.

``create_app(db_path)`` gives an app with the routes below and its OpenAPI
schema at ``/openapi.json``; ``routes(db_path)`` gives the routes alone, for
an app that mounts them next to its own pages.  Every request reads the file
read-only (``mode=ro``, through a small pool of connections), runs the same
:class:`~newsledger.api.Ledger` method as Python users call (SQL with bound
parameters only) under a time limit.

Answers are kept in a :class:`ResponseCache` (bounded in bytes and entries)
until the ledger file changes: every request first asks SQLite whether anything
was committed since (``PRAGMA data_version`` on a watching connection, plus the
file's device and inode, so a replaced file counts as changed), so a ledger being
written by ``newsledger analyze`` while served never answers from before a
committed write.  Each answer carries a strong ``ETag`` (a hash of its body) and
``Cache-Control: no-cache``; a request whose ``If-None-Match`` names it gets
``304 Not Modified`` without a body.

====================================  ===========================================================
GET /api/documents                    source, from, to, q (full text, FTS5), limit, offset
GET /api/documents/{id}               one document with its text and its ledger (the contract)
GET /api/events                       actor, type, from, to, place, source, document, modality, …
GET /api/claims                       actor, kind, q, from, to, document, source, limit, offset
GET /api/actors                       kind, country, q, document, source, limit, offset
GET /api/places                       place, country, kind, role, document, source, limit, offset
GET /api/quantities                   unit, counts, from, to, document, source, limit, offset
GET /api/relations                    actor, type, from, to, place, document, source
GET /api/contested                    actor, document, source, limit, offset
GET /api/contradictions               kind, document, source, limit, offset
====================================  ===========================================================

Lists answer ``{"items": [...], "count": n, "limit": l, "offset": o}``;
errors ``{"error": "..."}`` with 400 (bad parameter), 404 (no such
document) or 503 (the query ran past the time limit).
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import hashlib
import os
import sqlite3
import threading
import types
import typing
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional

import anyio
import anyio.to_thread
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .. import __version__
from .. import api as ledger_api
from ..model import to_dict

MAX_LIMIT = 1000
MAX_OFFSET = 10**9
#: YYYY, YYYY-MM or YYYY-MM-DD (year 0001 on; a day past the month's end means its last day)
DATE_PATTERN = r"^(?!0000)[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
DEFAULT_LIMIT = 100


@dataclass(frozen=True)
class Param:
    """A query parameter: its HTTP name, the Python keyword it feeds, its kind."""

    name: str
    description: str
    keyword: Optional[str] = None
    kind: str = "string"  # string | date | integer
    enum: Optional[tuple] = None

    @property
    def key(self) -> str:
        return self.keyword or self.name


_PLOVER = tuple(ledger_api.PLOVER_QUAD) + ("none",)
P = {
    "actor": Param("actor", "An actor id (RU) or name (Russia; a state's name covers its government and military)."),
    "type": Param("type", "A PLOVER 2.0 event type, or 'none' for untyped events.", enum=_PLOVER),
    "from": Param("from", "Earliest date, YYYY, YYYY-MM or YYYY-MM-DD (inclusive).", "date_from", "date"),
    "to": Param("to", "Latest date, YYYY, YYYY-MM or YYYY-MM-DD (inclusive).", "date_to", "date"),
    "place": Param("place", "A place name, as the gazetteer names it."),
    "source": Param("source", "An outlet, URL, path or document id."),
    "document": Param("document", "A document id or the path/URL it was read from."),
    "modality": Param("modality", "asserted, reported, denied, planned, hypothetical, …"),
    "kind": Param("kind", "A kind (claims: direct, indirect, mixed, according-to; actors: state, person, …)."),
    "contradiction_kind": Param("kind", "date, figure or other.", enum=("date", "figure", "other")),
    "q": Param("q", "Text to look for."),
    "q_fts": Param("q", "A full-text query (SQLite FTS5 syntax)."),
    "country": Param("country", "ISO 3166 alpha-2 country code."),
    "role": Param("role", "location or actor (a place name standing for its government).",
                  enum=("location", "actor")),
    "unit": Param("unit", "The unit of a figure (people, percent, USD, …)."),
    "counts": Param("counts", "Words for what a figure counts."),
    "limit": Param("limit", f"At most this many items (1–{MAX_LIMIT}, default {DEFAULT_LIMIT}).", kind="integer"),
    "offset": Param("offset", "Skip this many items.", kind="integer"),
}
PAGE = ("limit", "offset")


@dataclass(frozen=True)
class Endpoint:
    path: str
    method: str          # the Ledger method
    record: type         # the dataclass of its items
    params: tuple
    summary: str
    paged: bool = True


ENDPOINTS = (
    Endpoint("/api/documents", "documents", ledger_api.DocumentRecord, ("source", "from", "to", "q_fts") + PAGE,
             "Analysed documents, oldest first."),
    Endpoint("/api/events", "events", ledger_api.EventRecord,
             ("actor", "type", "from", "to", "place", "source", "document", "modality") + PAGE,
             "Events in date order, each with its evidence sentence."),
    Endpoint("/api/claims", "claims", ledger_api.ClaimRecord,
             ("actor", "kind", "q", "from", "to", "document", "source") + PAGE, "Who said what."),
    Endpoint("/api/actors", "actors", ledger_api.ActorRecord,
             ("kind", "country", "q", "document", "source") + PAGE, "Actors, most mentioned first."),
    Endpoint("/api/places", "places", ledger_api.PlaceRecord,
             ("place", "country", "kind", "role", "document", "source") + PAGE, "Places, most named first."),
    Endpoint("/api/quantities", "quantities", ledger_api.QuantityRecord,
             ("unit", "counts", "from", "to", "document", "source") + PAGE, "Figures, with their hedges."),
    Endpoint("/api/relations", "relations", ledger_api.Relation,
             ("actor", "type", "from", "to", "place", "document", "source"),
             "Actor pairs by month: counts of cooperation and conflict events.", paged=False),
    Endpoint("/api/contested", "contested", ledger_api.ContestedPair, ("actor", "document", "source") + PAGE,
             "Pairs of claims that disagree (filled by the cross-document stage)."),
    Endpoint("/api/contradictions", "contradictions", ledger_api.Contradiction,
             ("contradiction_kind", "document", "source") + PAGE,
             "Different dates or figures for the same thing (filled by the cross-document stage)."),
)


class BadParameter(ValueError):
    pass


def _parse(request: Request, names: tuple) -> dict[str, Any]:
    """Query parameters → Ledger keywords; values are only ever bound into SQL."""
    out: dict[str, Any] = {}
    for key in names:
        p = P[key]
        raw = request.query_params.get(p.name)
        if raw is None or (raw == "" and p.kind == "string" and not p.enum):
            continue  # an empty free-text parameter is no filter
        if p.kind == "integer":
            try:
                value = int(raw)
            except ValueError:
                raise BadParameter(f"{p.name} must be a whole number, not {raw!r}") from None
            if p.name == "limit" and not 1 <= value <= MAX_LIMIT:
                raise BadParameter(f"limit must be between 1 and {MAX_LIMIT}")
            if p.name == "offset" and not 0 <= value <= MAX_OFFSET:
                raise BadParameter(f"offset must be between 0 and {MAX_OFFSET}")
            out[p.key] = value
        elif p.kind == "date":
            try:
                if not raw:
                    raise ValueError("an empty date")
                ledger_api.parse_date_filter(raw)
            except ValueError as exc:
                raise BadParameter(f"{p.name}: {exc}") from None
            out[p.key] = raw
        else:
            if p.enum and raw not in p.enum:
                raise BadParameter(f"{p.name} must be one of {', '.join(p.enum)}")
            out[p.key] = raw
    return out


#: default bound of the response cache (bytes of bodies kept); 0 turns it off
DEFAULT_CACHE_BYTES = 64 * 2**20
MAX_CACHE_ENTRIES = 10_000
#: statuses whose answers are kept (a 503 says the server was slow, not what the ledger holds)
_CACHEABLE = frozenset({200, 400, 404})
#: answers computed at the same time (threads): more only fight over the GIL with the event loop
#: that serves the cached answers, and a request waits the same in the queue as in a thread
COMPUTE_THREADS = 4


@dataclass(frozen=True)
class Cached:
    """One answer as it goes out: status, JSON body and its ETag."""

    status: int
    body: bytes
    etag: str

    @classmethod
    def of(cls, status: int, body: bytes) -> "Cached":
        return cls(status, body, '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"')

    def response(self, request: Request) -> Response:
        headers = {"ETag": self.etag, "Cache-Control": "no-cache"}
        if self.status == 200 and _etag_matches(request.headers.get("if-none-match"), self.etag):
            return Response(status_code=304, headers=headers)
        return Response(self.body, status_code=self.status, headers=headers, media_type="application/json")


def _etag_matches(header: Optional[str], etag: str) -> bool:
    """RFC 9110 If-None-Match: ``*`` or any listed tag, compared weakly."""
    if not header:
        return False
    tags = [t.strip() for t in header.split(",")]
    return "*" in tags or etag in (t[2:] if t.startswith("W/") else t for t in tags)


class ResponseCache:
    """Answers of one read-only ledger file, kept until the file changes.

    :meth:`generation` is asked on every request: it runs ``PRAGMA data_version``
    on a connection of its own (its value changes when another connection has
    committed, WAL or not) and looks at the file's device and inode (a file
    replaced under the same name); any change empties the cache and starts a new
    generation.  Answers computed for a generation are only ever served in that
    generation, and an answer being computed is shared by the requests that ask
    for it at the same time.  Bounded: ``max_bytes`` of bodies, ``max_entries``
    answers, least recently used dropped first; ``max_bytes=0`` keeps nothing."""

    def __init__(self, db_path: str | Path, *, max_bytes: int = DEFAULT_CACHE_BYTES,
                 max_entries: int = MAX_CACHE_ENTRIES):
        self.path = str(Path(db_path).resolve())
        self.max_bytes = max(0, int(max_bytes))
        self.max_entries = max_entries
        self._entries: OrderedDict[str, Cached] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()
        self._watch: Optional[sqlite3.Connection] = None
        self._file: Optional[tuple[int, int]] = None
        self._stamp: Any = None
        self._generation = 0
        self._inflight: dict[tuple, asyncio.Future] = {}
        self._limiter = anyio.CapacityLimiter(COMPUTE_THREADS)
        self.hits = self.misses = 0

    @property
    def enabled(self) -> bool:
        return self.max_bytes > 0

    def generation(self) -> Optional[int]:
        """The ledger's generation now (it changes with every committed write), or
        ``None`` when it cannot be told (the file missing or locked): then nothing
        is served from, or kept in, the cache."""
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        ident = (st.st_dev, st.st_ino)
        with self._lock:
            try:
                if self._watch is None or ident != self._file:
                    if self._watch is not None:
                        self._watch.close()
                    self._watch = None
                    # timeout=0: never wait for a writer's lock on the event loop
                    self._watch = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=0,
                                                  isolation_level=None, check_same_thread=False)
                    self._file = ident
                version = self._watch.execute("PRAGMA data_version").fetchone()[0]
            except sqlite3.Error:
                if self._watch is not None:
                    self._watch.close()
                self._watch = self._file = None
                self._stamp = None
                self._clear()
                return None
            stamp = (ident, version)
            if stamp != self._stamp:
                self._stamp = stamp
                self._generation += 1
                self._clear()
            return self._generation

    def _clear(self) -> None:
        self._entries.clear()
        self._bytes = 0

    def get(self, generation: int, key: str) -> Optional[Cached]:
        with self._lock:
            if generation != self._generation:
                return None
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
            return entry

    def put(self, generation: int, key: str, entry: Cached) -> None:
        size = len(entry.body) + len(key)
        if entry.status not in _CACHEABLE or size > self.max_bytes:
            return
        with self._lock:
            if generation != self._generation:
                return  # the file changed while this was computed: it may already be stale
            old = self._entries.pop(key, None)
            if old is not None:
                self._bytes -= len(old.body) + len(key)
            self._entries[key] = entry
            self._bytes += size
            while self._bytes > self.max_bytes or len(self._entries) > self.max_entries:
                k, v = self._entries.popitem(last=False)
                self._bytes -= len(v.body) + len(k)

    async def answer(self, request: Request, compute: Callable[[Optional[int]], Cached]) -> Response:
        """The answer to ``request``: from the cache when this generation has it,
        else ``compute(generation)`` in the thread pool (once, however many ask)."""
        generation = self.generation()
        if generation is None or not self.enabled:
            return (await self._compute(compute, generation)).response(request)
        key = request.url.path + "?" + request.url.query
        entry = self.get(generation, key)
        if entry is not None:
            self.hits += 1
            return entry.response(request)
        loop = asyncio.get_running_loop()
        flight = (id(loop), generation, key)
        pending = self._inflight.get(flight)
        if pending is not None:
            entry = await asyncio.shield(pending)
            if entry is not None:
                self.hits += 1
                return entry.response(request)
        self.misses += 1
        future = self._inflight.setdefault(flight, loop.create_future()) if pending is None else None
        try:
            entry = await self._compute(compute, generation)
        except BaseException:
            if future is not None and not future.done():
                future.set_result(None)  # the ones waiting compute it themselves
            raise
        finally:
            if future is not None and self._inflight.get(flight) is future:
                del self._inflight[flight]
        if future is not None and not future.done():
            future.set_result(entry)
        self.put(generation, key, entry)
        return entry.response(request)

    async def _compute(self, compute: Callable[[Optional[int]], Cached], generation: Optional[int]) -> Cached:
        return await anyio.to_thread.run_sync(functools.partial(compute, generation), limiter=self._limiter)


class LedgerPool:
    """Open read-only :class:`~newsledger.api.Ledger` connections, reused between
    requests of the same ledger generation (a connection reads every committed
    write anyway; it is renewed with the generation for its list of tables)."""

    def __init__(self, db_path: str | Path, timeout: float, size: int = 8):
        self.db = str(db_path)
        self.timeout = timeout
        self.size = size
        self._free: list[tuple[Optional[int], ledger_api.Ledger]] = []
        self._lock = threading.Lock()

    def run(self, generation: Optional[int], fn: Callable[[ledger_api.Ledger], Any]) -> Any:
        ledger = None
        with self._lock:
            while self._free:
                gen, candidate = self._free.pop()
                if gen == generation and generation is not None:
                    ledger = candidate
                    break
                candidate.close()
        if ledger is None:
            ledger = ledger_api.open(self.db, timeout=self.timeout)
        ok = False
        try:
            result = fn(ledger)
            ok = True
            return result
        finally:
            keep = ok and generation is not None
            if keep:
                with self._lock:
                    keep = len(self._free) < self.size
                    if keep:
                        self._free.append((generation, ledger))
            if not keep:
                ledger.close()


_FIELDS: dict[type, tuple[str, ...]] = {}
_PLAIN = (str, int, float, bool, type(None))


def _plain(value: Any) -> Any:
    """``dataclasses.asdict`` for our records (plain fields, lists, nested records), faster."""
    if isinstance(value, _PLAIN):
        return value
    if isinstance(value, list):
        return [_plain(v) for v in value]
    cls = type(value)
    names = _FIELDS.get(cls)
    if names is None:
        if not dataclasses.is_dataclass(cls):
            return dataclasses.asdict(value) if dataclasses.is_dataclass(value) else value
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    return {name: _plain(getattr(value, name)) for name in names}


def _json(status: int, content: Any) -> Cached:
    return Cached.of(status, JSONResponse(content).body)


def _list_handler(pool: LedgerPool, cache: ResponseCache, ep: Endpoint):
    def compute(request: Request, generation: Optional[int]) -> Cached:
        try:
            kwargs = _parse(request, ep.params)
        except BadParameter as exc:
            return _json(400, {"error": str(exc)})
        limit, offset = None, 0
        if ep.paged:
            limit = kwargs.setdefault("limit", DEFAULT_LIMIT)
            offset = kwargs.setdefault("offset", 0)
        try:
            items = pool.run(generation, lambda ledger: [_plain(r) for r in getattr(ledger, ep.method)(**kwargs)])
        except ledger_api.QueryTimeout as exc:
            return _json(503, {"error": str(exc)})
        except ValueError as exc:
            return _json(400, {"error": str(exc)})
        return _json(200, {"items": items, "count": len(items), "limit": limit, "offset": offset})

    async def handler(request: Request) -> Response:
        return await cache.answer(request, lambda generation: compute(request, generation))

    handler.__name__ = ep.method
    return handler


def _document_handler(pool: LedgerPool, cache: ResponseCache):
    def compute(request: Request, generation: Optional[int]) -> Cached:
        key = request.path_params["id"]

        def read(ledger):
            doc = ledger.document(key)
            if doc is None:
                return None
            data = dataclasses.asdict(doc)
            stored = ledger.ledger(doc.id)
            data["ledger"] = to_dict(stored) if stored is not None else None
            return data

        try:
            data = pool.run(generation, read)
        except ledger_api.QueryTimeout as exc:
            return _json(503, {"error": str(exc)})
        if data is None:
            return _json(404, {"error": f"no document {key!r}"})
        return _json(200, data)

    async def document(request: Request) -> Response:
        return await cache.answer(request, lambda generation: compute(request, generation))

    return document


def routes(db_path: str | Path, *, timeout: float = 5.0, cache: Optional[ResponseCache] = None,
           cache_bytes: int = DEFAULT_CACHE_BYTES) -> list[Route]:
    """The API's routes over the ledger file ``db_path`` (GET only); ``cache``: a
    :class:`ResponseCache` to share (else one of ``cache_bytes``, 0: none)."""
    db = str(db_path)
    cache = cache if cache is not None else ResponseCache(db, max_bytes=cache_bytes)
    pool = LedgerPool(db, timeout)
    out = [Route(ep.path, _list_handler(pool, cache, ep), methods=["GET"]) for ep in ENDPOINTS]
    out.append(Route("/api/documents/{id}", _document_handler(pool, cache), methods=["GET"]))
    schema = _json(200, openapi_schema())
    out.append(Route("/openapi.json", lambda request: schema.response(request), methods=["GET"]))
    return out


def create_app(db_path: str | Path, *, timeout: float = 5.0, cache_bytes: int = DEFAULT_CACHE_BYTES) -> Starlette:
    """The read-only JSON API over ``db_path`` as an ASGI app (``cache_bytes=0``: no response cache)."""
    if not Path(db_path).exists():
        raise FileNotFoundError(f"no ledger file at {db_path}")
    cache = ResponseCache(db_path, max_bytes=cache_bytes)
    app = Starlette(routes=routes(db_path, timeout=timeout, cache=cache))
    app.state.response_cache = cache
    return app


def app_from_environment() -> Starlette:
    """An app factory for ``uvicorn --factory`` with worker processes: the ledger,
    the time limit and the cache size come from ``NEWSLEDGER_SERVE_*`` variables
    (set by ``newsledger api|serve --workers N``)."""
    db = os.environ["NEWSLEDGER_SERVE_DB"]
    timeout = float(os.environ.get("NEWSLEDGER_SERVE_TIMEOUT", "5"))
    cache_bytes = int(os.environ.get("NEWSLEDGER_SERVE_CACHE_BYTES", str(DEFAULT_CACHE_BYTES)))
    if os.environ.get("NEWSLEDGER_SERVE_UI") == "1":
        from .app import create_app as create_ui

        return create_ui(db, timeout=timeout, cache_bytes=cache_bytes)
    return create_app(db, timeout=timeout, cache_bytes=cache_bytes)


# --------------------------------------------------------------------------- OpenAPI

def _type_schema(tp: Any) -> dict:
    origin = typing.get_origin(tp)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        inner = _type_schema(args[0])
        if "$ref" in inner:
            return {"oneOf": [inner, {"type": "null"}]}
        return {**inner, "type": [inner["type"], "null"]}
    if origin is list:
        return {"type": "array", "items": _type_schema(typing.get_args(tp)[0])}
    if dataclasses.is_dataclass(tp):
        return {"$ref": f"#/components/schemas/{tp.__name__}"}
    return {"type": {str: "string", int: "integer", float: "number", bool: "boolean"}[tp]}


def record_schema(cls: type) -> dict:
    hints = typing.get_type_hints(cls)
    fields = dataclasses.fields(cls)
    return {"type": "object", "properties": {f.name: _type_schema(hints[f.name]) for f in fields},
            "required": [f.name for f in fields], "additionalProperties": False}


def _param_schema(p: Param) -> dict:
    if p.kind == "integer":
        return ({"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT}
                if p.name == "limit" else {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0})
    if p.kind == "date":
        return {"type": "string", "pattern": DATE_PATTERN}
    if p.enum:
        return {"type": "string", "enum": list(p.enum)}
    return {"type": "string"}


_ERROR = {"description": "An error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def openapi_schema() -> dict:
    """The OpenAPI 3.1 description of the API."""
    schemas: dict[str, dict] = {"Error": {"type": "object", "properties": {"error": {"type": "string"}},
                                          "required": ["error"]}}
    paths: dict[str, dict] = {}
    for ep in ENDPOINTS:
        schemas[ep.record.__name__] = record_schema(ep.record)
        page_type = {"type": ["integer", "null"]} if not ep.paged else {"type": "integer"}
        list_schema = {"type": "object", "required": ["items", "count", "limit", "offset"],
                       "properties": {"items": {"type": "array",
                                                "items": {"$ref": f"#/components/schemas/{ep.record.__name__}"}},
                                      "count": {"type": "integer"}, "limit": page_type,
                                      "offset": {"type": "integer"}}}
        paths[ep.path] = {"get": {
            "operationId": ep.method, "summary": ep.summary,
            "parameters": [{"name": P[k].name, "in": "query", "required": False, "description": P[k].description,
                            "schema": _param_schema(P[k])} for k in ep.params],
            "responses": {"200": {"description": "The matching items",
                                  "content": {"application/json": {"schema": list_schema}}},
                          "400": _ERROR, "503": _ERROR}}}
    schemas["ContradictionSide"] = record_schema(ledger_api.ContradictionSide)
    document = record_schema(ledger_api.DocumentRecord)
    document["properties"]["ledger"] = {"type": ["object", "null"],
                                        "description": "The document's ledger (the JSON contract, newsledger/1)"}
    document["required"].append("ledger")
    schemas["Document"] = document
    paths["/api/documents/{id}"] = {"get": {
        "operationId": "document", "summary": "One document, with its text and its ledger.",
        "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"},
                        "description": "A document id, its first characters, or the path/URL it was read from."}],
        "responses": {"200": {"description": "The document",
                              "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Document"}}}},
                      "404": _ERROR, "503": _ERROR}}}
    return {"openapi": "3.1.0",
            "info": {"title": "newsledger JSON API", "version": __version__,
                     "description": "Read-only access to a newsledger ledger file."},
            "paths": paths, "components": {"schemas": schemas}}
