"""The read-only HTTP JSON API (ASGI, Starlette) over :mod:`newsledger.api`.

``create_app(db_path)`` gives an app with the routes below and its OpenAPI
schema at ``/openapi.json``; ``routes(db_path)`` gives the routes alone, for
an app that mounts them next to its own pages.  Every request opens the file
read-only (``mode=ro``), runs the same :class:`~newsledger.api.Ledger` method
as Python users call (SQL with bound parameters only) under a time limit,
and closes it.

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

import dataclasses
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
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


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": message}, status_code=status)


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


def _run(db_path: str, timeout: float, fn: Callable[[ledger_api.Ledger], Any]) -> Any:
    with ledger_api.open(db_path, timeout=timeout) as ledger:
        return fn(ledger)


def _list_handler(db_path: str, timeout: float, ep: Endpoint):
    def handler(request: Request) -> JSONResponse:  # sync: Starlette runs it in its thread pool
        try:
            kwargs = _parse(request, ep.params)
        except BadParameter as exc:
            return _error(400, str(exc))
        limit, offset = None, 0
        if ep.paged:
            limit = kwargs.setdefault("limit", DEFAULT_LIMIT)
            offset = kwargs.setdefault("offset", 0)
        try:
            items = _run(db_path, timeout, lambda ledger: getattr(ledger, ep.method)(**kwargs).to_dicts())
        except ledger_api.QueryTimeout as exc:
            return _error(503, str(exc))
        except ValueError as exc:
            return _error(400, str(exc))
        return JSONResponse({"items": items, "count": len(items), "limit": limit, "offset": offset})

    handler.__name__ = ep.method
    return handler


def _document_handler(db_path: str, timeout: float):
    def document(request: Request) -> JSONResponse:
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
            data = _run(db_path, timeout, read)
        except ledger_api.QueryTimeout as exc:
            return _error(503, str(exc))
        if data is None:
            return _error(404, f"no document {key!r}")
        return JSONResponse(data)

    return document


def routes(db_path: str | Path, *, timeout: float = 5.0) -> list[Route]:
    """The API's routes over the ledger file ``db_path`` (GET only)."""
    db = str(db_path)
    out = [Route(ep.path, _list_handler(db, timeout, ep), methods=["GET"]) for ep in ENDPOINTS]
    out.append(Route("/api/documents/{id}", _document_handler(db, timeout), methods=["GET"]))
    schema = openapi_schema()
    out.append(Route("/openapi.json", lambda request: JSONResponse(schema), methods=["GET"]))
    return out


def create_app(db_path: str | Path, *, timeout: float = 5.0) -> Starlette:
    """The read-only JSON API over ``db_path`` as an ASGI app."""
    if not Path(db_path).exists():
        raise FileNotFoundError(f"no ledger file at {db_path}")
    return Starlette(routes=routes(db_path, timeout=timeout))


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
