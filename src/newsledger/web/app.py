"""The web UI: server-rendered pages over a ledger file, with the JSON API.

``create_app(db_path)`` gives an ASGI app (Starlette) with the pages below,
the read-only JSON API of :mod:`newsledger.web.api` under ``/api`` and its
schema at ``/openapi.json``; ``newsledger serve --db ledger.db`` runs it.

=====================  ==========================================================
/                      documents, with full-text search, outlet and date filters
/documents/{id}        the text, every extracted item highlighted where it was read
/timeline              the merged timeline (each happening once, every article's telling
                       of it, disputed dates marked), zoomable by year, month and day;
                       filters: actor, type, place, source, date
/timeline/events/{id}  one happening with every telling of it
/actors, /actors/{id}  the actor network; one actor's timeline and claims
/claims                who said what, by speaker; contested pairs side by side
/contradictions        different dates or figures for the same thing
/figures               figures with their hedges, units and sources
/map                   located events and places on an offline world outline
/relations             cooperation and conflict per actor pair over time
=====================  ==========================================================

Everything from the ledger is escaped (Jinja2 autoescaping; data for the
scripts travels as JSON in ``<script type="application/json">`` and is put
into the page with ``textContent`` only); a Content-Security-Policy allows
only our own scripts and styles, so a hostile article stays inert text.
"""

from __future__ import annotations

import json
import math
import re
import time
from collections import Counter, defaultdict
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Optional
from urllib.parse import quote, urlencode

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .. import api as ledger_api
from .api import DEFAULT_CACHE_BYTES, LedgerPool, ResponseCache
from .api import routes as api_routes

PAGE_SIZE = 200
MAX_TELLINGS = 12  # evidence sentences shown per happening in a list; its own page shows every one
PLOVER_TYPES = tuple(ledger_api.PLOVER_QUAD)

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

TIME_HOW = {
    "explicit": "stated in the text",
    "dct": "relative to the publication date",
    "narrative": "relative to an earlier date in the text",
    "event": "anchored to a known event",
    "sentence": "taken from its sentence",
}


# --------------------------------------------------------------------------- helpers

def safe_url(url: Optional[str]) -> Optional[str]:
    """``url`` when it is an http(s) URL (shown as a link), else ``None`` (shown as text)."""
    if url and re.match(r"^https?://[^\s<>\"']+$", url.strip(), re.I):
        return url.strip()
    return None


def _get(obj: Any, name: str) -> Any:
    try:
        return obj[name]  # sqlite3.Row, dict
    except (TypeError, KeyError, IndexError):
        return getattr(obj, name, None)


def doc_label(doc: Any) -> str:
    """A document's title, else the last part of its path or URL, else its id."""
    if doc is None:
        return ""
    title = _get(doc, "title")
    if title:
        return title
    source = _get(doc, "source_id") or _get(doc, "url")
    if source:
        return source.rstrip("/").rsplit("/", 1)[-1] or source
    return (_get(doc, "id") or "")[:10]


def dated_how(dated_by: Optional[str], time_how: Optional[str]) -> str:
    if dated_by == "published":
        return "not dated by the text: publication date"
    if dated_by == "text":
        return TIME_HOW.get(time_how or "", time_how or "from the text")
    return "undated"


_SENT_END = re.compile(r"[.!?…][\"'”’)\]]*\s+|\n")


def sentence_around(text: str, start: int, end: int, reach: int = 400) -> tuple[str, str, str]:
    """The sentence holding ``text[start:end]``: (before, the span, after)."""
    start, end = max(0, start), min(len(text), end)
    lo = max(0, start - reach)
    a = lo
    for m in _SENT_END.finditer(text, lo, start):
        a = m.end()
    if a == lo and lo > 0:
        space = text.find(" ", lo, start)
        a = space + 1 if space >= 0 else lo
    b = min(len(text), end + reach)
    m = _SENT_END.search(text, end, b)
    if m:
        b = m.start() + 1 if text[m.start()] != "\n" else m.start()
    return text[a:start], text[start:end], text[end:b]


def query_string(params: dict, **changes: Any) -> str:
    merged = {k: v for k, v in {**params, **changes}.items() if v not in (None, "")}
    return ("?" + urlencode(merged)) if merged else ""


class PageError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def _filters(request: Request, names: tuple[str, ...]) -> dict[str, str]:
    """Non-empty query parameters among ``names`` (dates checked)."""
    out = {}
    for name in names:
        value = request.query_params.get(name, "").strip()
        if not value:
            continue
        if name in ("from", "to"):
            try:
                ledger_api.parse_date_filter(value)
            except ValueError as exc:
                raise PageError(400, f"{name}: {exc}") from None
        if name == "type" and value not in PLOVER_TYPES + ("none",):
            raise PageError(400, f"type must be one of {', '.join(PLOVER_TYPES)} or none")
        out[name] = value
    return out


def _offset(request: Request) -> int:
    try:
        return max(0, min(int(request.query_params.get("offset", "0") or 0), 10**9))
    except ValueError:
        raise PageError(400, "offset must be a whole number") from None


def _kw(filters: dict[str, str]) -> dict[str, str]:
    """Page filter names → Ledger keywords."""
    names = {"from": "date_from", "to": "date_to"}
    return {names.get(k, k): v for k, v in filters.items()}


def _mention_where(ledger: ledger_api.Ledger, kw: dict[str, str]) -> "ledger_api._Where":
    """The filters of :meth:`Ledger.events` over event mentions ``x`` and their documents ``d``
    (the same SQL), for pages that count in SQL."""
    where = ledger_api._Where()
    ledger._common(where, source=kw.get("source"), date_from=kw.get("date_from"), date_to=kw.get("date_to"))
    if kw.get("type"):
        if kw["type"].lower() == "none":
            where.add("x.type IS NULL")
        else:
            where.add("x.type = upper(:type)", type=kw["type"])
    if kw.get("place"):
        where.add("x.place_name = :place COLLATE NOCASE", place=kw["place"])
    if kw.get("actor"):
        where.add("EXISTS (SELECT 1 FROM event_actors ea WHERE ea.doc_id = x.doc_id AND ea.event_seq = x.seq "
                  f"AND (ea.actor_id IN ({ledger_api._ACTOR_IDS}) OR ea.text = :actor COLLATE NOCASE))",
                  **ledger._actor_params(kw["actor"]))
    return where


def mention_label(mention: Any, doc: Any = None) -> str:
    """Who told it: the outlet, else the document's title or name."""
    return (_get(mention, "outlet") or (doc_label(doc) if doc is not None else "")
            or doc_label({"source_id": _get(mention, "source_id"), "url": _get(mention, "url")})
            or (_get(mention, "doc") or "")[:10])


def telling_sentences(text: Optional[str], mentions: list) -> list[dict]:
    """The sentences of one article's mentions of a happening, each once, with every
    mention's evidence marked: ``parts`` are (text, marked) pairs; ``start``/``end``
    bound the marked evidence (for the link to the document view)."""
    if text is None:
        return [{"parts": [(m.evidence_text, True)], "start": m.evidence_start, "end": m.evidence_end}
                for m in mentions]
    found: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for m in mentions:
        s, e = max(0, m.evidence_start), min(len(text), m.evidence_end)
        while e > s + 1 and text[e - 1].isspace():  # a span that ends on a line break stays in its line
            e -= 1
        before, _, after = sentence_around(text, s, e)
        found.setdefault((s - len(before), e + len(after)), []).append((s, e))
    out = []
    for (a, b), marks in sorted(found.items()):
        merged: list[list[int]] = []
        for s, e in sorted(marks):
            if merged and s <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], e)
            else:
                merged.append([s, e])
        parts, at = [], a
        for s, e in merged:
            if s > at:
                parts.append((text[at:s], False))
            parts.append((text[max(s, at):e], True))
            at = max(at, e)
        if at < b:
            parts.append((text[at:b], False))
        out.append({"parts": parts, "start": merged[0][0], "end": merged[-1][1]})
    return out


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def zoom_view(days: Counter, filters: dict[str, str]) -> dict:
    """The zoomable date histogram of the timeline: happenings per year, or per month when
    they all fall in one year, or per day when in one month.  Each bar narrows the date
    filters to itself; ``out`` widens them again by one step."""
    dated = {d: n for d, n in days.items() if d}
    level, size, buckets = "year", 4, Counter()
    for level, size in (("year", 4), ("month", 7), ("day", 10)):
        buckets = Counter()
        for d, n in dated.items():
            buckets[d[:size]] += n
        if len(buckets) != 1:
            break
    top = max(buckets.values(), default=1)
    step = 30 if level == "day" else 44
    bars = []
    for i, (key, n) in enumerate(sorted(buckets.items())):
        label = key if level == "year" else MONTHS[int(key[5:7]) - 1] if level == "month" else str(int(key[8:10]))
        h = max(4, round(60 * n / top))
        bars.append({"key": key, "n": n, "label": label, "h": h, "x": 10 + step * i, "w": step - 8})
    scope = ""
    if bars and level == "month":
        scope = f" in {bars[0]['key'][:4]}"
    elif bars and level == "day":
        scope = f" in {MONTHS[int(bars[0]['key'][5:7]) - 1]} {bars[0]['key'][:4]}"
    out = None
    lo, hi = filters.get("from"), filters.get("to")
    if lo or hi:
        a = ledger_api.parse_date_filter(lo) if lo else None
        b = ledger_api.parse_date_filter(hi, end=True) if hi else None
        if a and b and a == b:
            out = {"from": a[:7], "to": a[:7]}  # a day: out to its month
        elif a and b and a[:7] == b[:7]:
            out = {"from": a[:4], "to": a[:4]}  # a month: out to its year
        else:
            out = {"from": None, "to": None}
    return {"level": level, "bars": bars, "scope": scope, "step": step, "width": 20 + step * len(bars),
            "out": out}


# --------------------------------------------------------------------------- world outline

@lru_cache(maxsize=1)
def world_paths() -> dict[str, str]:
    """SVG paths of our coarse world outline (equirectangular, x = lon, y = -lat):
    ``land`` and ``water`` (inland seas)."""
    data = json.loads(resources.files(__package__).joinpath("data/world.json").read_text(encoding="utf-8"))
    parts: dict[str, list[str]] = {"land": [], "water": []}
    for feature in data["features"]:
        ring = feature["coordinates"]
        parts[feature["kind"]].append("M" + " L".join(f"{lon:g} {-lat:g}" for lon, lat in ring) + " Z")
    return {kind: " ".join(paths) for kind, paths in parts.items()}


# --------------------------------------------------------------------------- the document view

KIND_LABEL = {"event": "Event", "claim": "Claim", "speaker": "Speaker", "cue": "Cue", "time": "Time",
              "place": "Place", "figure": "Figure", "actor": "Actor"}


def _time_fields(tv: Any) -> list[list[str]]:
    if tv is None:
        return [["date", "not dated by the text"]]
    out = [["date", tv.value]]
    out.append(["how resolved", TIME_HOW.get(tv.how or "", tv.how or "—")])
    if tv.granularity:
        out.append(["granularity", tv.granularity])
    if tv.mod:
        out.append(["modifier", tv.mod])
    return out


def _actor_names(refs: list) -> str:
    return ", ".join(f"{r.text} [{r.actor}]" if r.actor else r.text for r in refs) or "—"


def document_view(ledger: Any, at: Optional[tuple[int, int]]) -> dict:
    """Segments of the text (each with the items covering it) and the items' details."""
    text = ledger.document.text
    items: dict[str, dict] = {}
    marks: list[tuple[int, int, str, str]] = []  # start, end, css kind, item id

    def add(kind: str, item_id: str, span_start: int, span_end: int, title: str, fields: list) -> None:
        if span_start is None or span_end is None or span_end <= span_start:
            return
        if item_id not in items:
            items[item_id] = {"kind": KIND_LABEL.get(kind, kind), "title": title, "fields": fields}
        marks.append((max(0, span_start), min(len(text), span_end), kind, item_id))

    for i, ev in enumerate(ledger.events):
        fields = [["type", ev.type or "untyped happening"]]
        if ev.mode:
            fields.append(["mode", ev.mode])
        fields += [["modality", ev.modality or "asserted"]]
        if ev.attributed_to:
            fields.append(["reported by", ev.attributed_to])
        fields += [["who", _actor_names(ev.source_actors)], ["to whom", _actor_names(ev.target_actors)]]
        fields += _time_fields(ev.time)
        if ev.place:
            fields.append(["place", ev.place.name + (f" ({ev.place.country})" if ev.place.country else "")])
        if ev.cameo_root:
            fields.append(["CAMEO root", ev.cameo_root])
        if ev.intensity is not None:
            fields.append(["intensity", f"{ev.intensity:g}"])
        fields.append(["evidence", ev.evidence.text])
        span = ev.trigger if ev.trigger and ev.trigger.end > ev.trigger.start else ev.evidence
        add("event", f"e{i}", span.start, span.end, f"{ev.type or 'untyped'}: {ev.trigger.text}", fields)
    for i, cl in enumerate(ledger.claims):
        fields = [["kind", cl.kind], ["speaker", (cl.speaker_name or (cl.speaker.text if cl.speaker else None)
                                                  or "unattributed") + (f" [{cl.speaker_actor}]" if cl.speaker_actor else "")],
                  ["cue", cl.cue.text if cl.cue else "—"], ["content", cl.content.text]]
        fields += _time_fields(cl.time)
        if cl.negated:
            fields.append(["negated", "yes"])
        if getattr(cl, "stance", None):
            fields.append(["stance", cl.stance])
        title = f"{cl.speaker_name or 'unattributed'}" + (f" {cl.cue.text}" if cl.cue else "")
        add("claim", f"c{i}", cl.content.start, cl.content.end, title, fields)
        if cl.speaker:
            add("speaker", f"c{i}", cl.speaker.start, cl.speaker.end, title, fields)
        if cl.cue:
            add("cue", f"c{i}", cl.cue.start, cl.cue.end, title, fields)
    for i, tx in enumerate(ledger.timexes):
        fields = [["text", tx.text], ["type", tx.type], ["value", tx.value or "—"],
                  ["how resolved", TIME_HOW.get(tx.anchor or "", tx.anchor or "—")]]
        if tx.granularity:
            fields.append(["granularity", tx.granularity])
        if tx.mod:
            fields.append(["modifier", tx.mod])
        add("time", f"t{i}", tx.start, tx.end, f"{tx.text} → {tx.value or '?'}", fields)
    for i, pl in enumerate(ledger.places):
        fields = [["name", pl.name], ["role", pl.role], ["kind", pl.kind or "—"], ["country", pl.country or "—"]]
        if pl.lat is not None and pl.lon is not None:
            fields.append(["coordinates", f"{pl.lat:.3f}, {pl.lon:.3f}"])
        add("place", f"p{i}", pl.start, pl.end, pl.name, fields)
    for i, q in enumerate(ledger.quantities):
        fields = [["value", f"{q.value:g}"], ["unit", q.unit or "—"], ["counts", q.counts or "—"],
                  ["hedge", q.hedge or "none"]]
        if q.approx:
            fields.append(["approximation", q.approx])
        if q.change:
            fields.append(["change", q.change])
        fields += _time_fields(q.time)
        add("figure", f"q{i}", q.evidence.start, q.evidence.end, q.evidence.text, fields)

    bounds = {0, len(text)}
    for s, e, _, _ in marks:
        bounds.update((s, e))
    if at:
        bounds.update((max(0, min(at[0], len(text))), max(0, min(at[1], len(text)))))
    cuts = sorted(bounds)
    starts: dict[int, list] = defaultdict(list)
    for mark in marks:
        starts[mark[0]].append(mark)
    active: list = []
    segments = []
    target_done = False
    for a, b in zip(cuts, cuts[1:]):
        active = [m for m in active if m[1] > a] + starts.get(a, [])
        kinds = sorted({m[2] for m in active})
        ids = []
        for m in sorted(active, key=lambda m: (m[1] - m[0])):  # the narrowest item first
            if m[3] not in ids:
                ids.append(m[3])
        target = bool(at and a >= at[0] and b <= at[1])
        first_target = target and not target_done
        target_done = target_done or target
        segments.append({"text": text[a:b], "kinds": kinds, "ids": ids, "target": target,
                         "first_target": first_target, "start": a})
    return {"segments": segments, "items": items}


# --------------------------------------------------------------------------- the app

class _Pages:
    def __init__(self, db_path: str, timeout: float, cache: Optional[ResponseCache] = None):
        self.db = db_path
        self.timeout = timeout
        # pages are rendered afresh each time; their connections are reused while the file is unchanged
        self.cache = cache
        self.pool = LedgerPool(db_path, timeout)
        self.env = Environment(loader=PackageLoader("newsledger.web", "templates"),
                               autoescape=select_autoescape(default=True, default_for_string=True),
                               trim_blocks=True, lstrip_blocks=True)
        self.env.globals.update(safe_url=safe_url, doc_label=doc_label, dated_how=dated_how,
                                query_string=query_string, plover_types=PLOVER_TYPES, quad=ledger_api.PLOVER_QUAD)
        self.env.filters["stance"] = lambda t: {None: "neutral", 1: "coop", 2: "coop", 3: "conflict",
                                                4: "conflict"}.get(ledger_api.PLOVER_QUAD.get(t or ""), "neutral")

    # ------------------------------------------------------------------ plumbing
    def render(self, request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
        html = self.env.get_template(name).render(request=request, path=request.url.path, **context)
        return HTMLResponse(html, status_code=status)

    def page(self, name: str, fn: Callable[[Request, ledger_api.Ledger], dict]):
        def handler(request: Request) -> Response:
            started = time.perf_counter()
            try:
                generation = self.cache.generation() if self.cache is not None else None
                context = self.pool.run(generation, lambda ledger: fn(request, ledger))
            except PageError as exc:
                return self.render(request, "error.html", exc.status, message=exc.message)
            except ledger_api.QueryTimeout as exc:
                return self.render(request, "error.html", 503, message=str(exc))
            except ValueError as exc:
                return self.render(request, "error.html", 400, message=str(exc))
            if isinstance(context, Response):
                return context
            response = self.render(request, name, **context)
            response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - started) * 1000:.1f}"
            return response

        handler.__name__ = name.split(".")[0]
        return handler

    @staticmethod
    def _doc_map(ledger: ledger_api.Ledger, ids) -> dict[str, Any]:
        out = {}
        wanted = sorted(set(ids))
        for i in range(0, len(wanted), 500):
            chunk = wanted[i:i + 500]
            marks = ",".join("?" * len(chunk))  # only the number of placeholders varies
            for row in ledger._rows("SELECT id, source_id, url, title, outlet, published, text FROM documents "
                                    f"WHERE id IN ({marks})", chunk):
                out[row["id"]] = row
        return out

    @staticmethod
    def _contradicted(ledger: ledger_api.Ledger) -> tuple[list, dict[str, list]]:
        """All contradictions, and their sides' spans by document."""
        found = ledger.contradictions(limit=1000)
        spans: dict[str, list] = defaultdict(list)
        for c in found:
            for side in c.sides:
                spans[side.doc].append((side.evidence_start, side.evidence_end, c))
        return found, spans

    @staticmethod
    def _happenings_view(ledger: ledger_api.Ledger, events: list, spans: dict[str, list],
                         tellings: Optional[int] = MAX_TELLINGS) -> list[dict]:
        """What the timeline shows of each happening of :meth:`Ledger.timeline`: its sources,
        the contradictions its evidence is part of, and each article's telling of it (the
        first ``tellings`` articles; all with ``None``): the sentences of its mentions there,
        every mention's evidence marked."""
        by_doc: dict[str, dict[str, list]] = {}
        for ev in events:
            groups: dict[str, list] = {}
            for m in ev.mentions:
                groups.setdefault(m.doc, []).append(m)
            by_doc[ev.id] = groups
        shown = {ev.id: list(by_doc[ev.id])[:tellings] if tellings is not None else list(by_doc[ev.id])
                 for ev in events}
        docs = _Pages._doc_map(ledger, (d for ds in shown.values() for d in ds))
        out = []
        for ev in events:
            against: dict[int, Any] = {}
            date_of_doc: dict[str, str] = {}  # the date an article gives in a date contradiction
            for m in ev.mentions:
                for s, e, c in spans.get(m.doc, ()):
                    if s < m.evidence_end and m.evidence_start < e:
                        against.setdefault(c.id, c)
                        if c.kind == "date":
                            for side in c.sides:
                                if (side.doc == m.doc and side.evidence_start < m.evidence_end
                                        and m.evidence_start < side.evidence_end and side.value):
                                    date_of_doc.setdefault(m.doc, side.value)
            rows = []
            for doc_id in shown[ev.id]:
                ms = by_doc[ev.id][doc_id]
                doc = docs.get(doc_id)
                gives = date_of_doc.get(doc_id) or next((m.time for m in ms if m.time), None)
                rows.append({"doc_id": doc_id, "doc": doc, "first": ms[0], "label": mention_label(ms[0], doc),
                             "sentences": telling_sentences(doc["text"] if doc else None, ms),
                             "triggers": list(dict.fromkeys(m.trigger_text for m in ms if m.trigger_text)),
                             "date_given": gives,
                             "odd": bool(date_of_doc.get(doc_id) and ev.time and date_of_doc[doc_id] != ev.time)})
            kinds = sorted({c.kind for c in against.values()} | ({"date"} if ev.date_disputed else set()))
            out.append({"ev": ev, "tellings": rows, "more": len(by_doc[ev.id]) - len(rows),
                        "sources": list(dict.fromkeys(mention_label(m, docs.get(m.doc)) for m in ev.mentions)),
                        "contradictions": list(against.values()), "contra_kinds": kinds,
                        "date_contradictions": [c for c in against.values() if c.kind == "date"]})
        return out

    @staticmethod
    def _dates_shown(ledger: ledger_api.Ledger, filters: dict[str, str]) -> Counter:
        """How many happenings :meth:`Ledger.timeline` gives for ``filters``, by the first day of
        their date (``None``: undated), counted in SQL (the page reads only its own items)."""
        where = _mention_where(ledger, _kw(filters))
        if ledger.merged:
            sql = ("SELECT nl_start(CASE WHEN nl_start(m.time_value) IS NOT NULL THEN m.time_value ELSE "
                   "(SELECT min(nullif(d2.published, '')) FROM merged_event_mentions m2 "
                   " JOIN events x2 ON x2.doc_id = m2.doc_id AND x2.seq = m2.seq "
                   " JOIN documents d2 ON d2.id = m2.doc_id WHERE m2.merged_id = m.id) END) AS day, count(*) AS n "
                   "FROM merged_events m WHERE m.id IN (SELECT mm.merged_id FROM merged_event_mentions mm "
                   "JOIN events x ON x.doc_id = mm.doc_id AND x.seq = mm.seq "
                   f"JOIN documents d ON d.id = x.doc_id{where.sql}) GROUP BY day")
        else:
            sql = ("SELECT nl_start(CASE WHEN nl_start(x.time_value) IS NOT NULL THEN x.time_value "
                   "ELSE nullif(d.published, '') END) AS day, count(*) AS n "
                   f"FROM events x JOIN documents d ON d.id = x.doc_id{where.sql} GROUP BY day")
        return Counter({r["day"]: r["n"] for r in ledger._rows(sql, where.params)})

    # ------------------------------------------------------------------ pages
    def documents(self, request: Request, ledger: ledger_api.Ledger) -> dict:
        filters = _filters(request, ("q", "source", "from", "to"))
        offset = _offset(request)
        docs = ledger.documents(**_kw(filters), limit=PAGE_SIZE + 1, offset=offset)
        outlets = [r[0] for r in ledger._rows("SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL "
                                              "ORDER BY outlet LIMIT 500")]
        total = ledger._rows("SELECT count(*) FROM documents")[0][0]
        return {"docs": docs[:PAGE_SIZE], "more": len(docs) > PAGE_SIZE, "offset": offset, "filters": filters,
                "outlets": outlets, "total": total, "page_size": PAGE_SIZE}

    def document(self, request: Request, ledger: ledger_api.Ledger) -> dict:
        key = request.path_params["id"]
        doc = ledger.document(key)
        if doc is None:
            raise PageError(404, f"no document {key!r}")
        stored = ledger.ledger(doc.id)
        at = None
        m = re.match(r"^(\d+)-(\d+)$", request.query_params.get("at", ""))
        if m and int(m.group(1)) < int(m.group(2)):
            at = (int(m.group(1)), int(m.group(2)))
        if stored is None:
            raise PageError(404, f"no ledger stored for document {key!r}")
        view = document_view(stored, at)
        counts = Counter(item["kind"] for item in view["items"].values())
        actors = sorted(stored.actors, key=lambda a: (-len(a.mentions), a.name))
        return {"doc": doc, "view": view, "counts": counts, "actors": actors,
                "inconsistencies": stored.inconsistencies}

    def timeline(self, request: Request, ledger: ledger_api.Ledger) -> dict:
        filters = _filters(request, ("actor", "type", "place", "source", "from", "to"))
        offset = _offset(request)
        events = ledger.timeline(**_kw(filters), limit=PAGE_SIZE + 1, offset=offset)
        contradictions, spans = self._contradicted(ledger)
        rows = self._happenings_view(ledger, events[:PAGE_SIZE], spans)
        days = self._dates_shown(ledger, filters)
        return {"rows": rows, "filters": filters, "offset": offset, "more": len(events) > PAGE_SIZE,
                "merged": ledger.merged, "total": sum(days.values()), "undated": days.get(None, 0),
                "contradictions": contradictions, "zoom": zoom_view(days, filters), "page_size": PAGE_SIZE,
                **self._filter_choices(ledger)}

    @staticmethod
    def _filter_choices(ledger: ledger_api.Ledger) -> dict[str, list[str]]:
        """Names the timeline's filter fields suggest: actors and places most mentioned first
        (only the names: :meth:`Ledger.actors`/:meth:`Ledger.places` count far more, too slow
        for every page on a big ledger), and the outlets."""
        return {
            "actor_names": [r[0] for r in ledger._rows(
                "SELECT a.name FROM actor_mentions m JOIN actors a ON a.id = m.actor_id "
                "GROUP BY a.id ORDER BY count(*) DESC, a.name LIMIT 300")],
            "place_names": [r[0] for r in ledger._rows(
                "SELECT name FROM places WHERE name IS NOT NULL GROUP BY name ORDER BY count(*) DESC, name LIMIT 300")],
            "outlets": [r[0] for r in ledger._rows("SELECT DISTINCT outlet FROM documents "
                                                   "WHERE outlet IS NOT NULL ORDER BY outlet LIMIT 500")]}

    def happening(self, request: Request, ledger: ledger_api.Ledger) -> dict:
        """One happening of the timeline with every telling of it."""
        key = request.path_params["id"]
        doc_id, sep, seq = key.rpartition(":e")
        if not sep or not seq.isdigit():
            raise PageError(404, f"no event {key!r}")
        merged = ledger.merged
        if merged:  # the id of any of its mentions leads to the happening
            rows = ledger._rows("SELECT merged_id FROM merged_event_mentions WHERE doc_id = ? AND seq = ?",
                                (doc_id, int(seq)))
            if rows and rows[0][0] != key:
                return RedirectResponse(f"/timeline/events/{quote(rows[0][0], safe=':')}", status_code=307)
        found = [ev for ev in ledger.timeline(document=doc_id) if ev.id == key] if ledger.document(doc_id) else []
        if not found:
            raise PageError(404, f"no event {key!r}")
        _, spans = self._contradicted(ledger)
        return {"row": self._happenings_view(ledger, found, spans, tellings=None)[0], "merged": merged}
    def _network(self, ledger: ledger_api.Ledger) -> dict:
        rows = ledger._rows(
            "SELECT s.actor_id AS s, t.actor_id AS t, e.type AS type, e.intensity AS intensity, count(*) AS n "
            "FROM events e JOIN event_actors s ON s.doc_id = e.doc_id AND s.event_seq = e.seq AND s.role = 'source' "
            "JOIN event_actors t ON t.doc_id = e.doc_id AND t.event_seq = e.seq AND t.role = 'target' "
            "WHERE s.actor_id IS NOT NULL AND t.actor_id IS NOT NULL AND s.actor_id != t.actor_id "
            "GROUP BY s.actor_id, t.actor_id, e.type, e.intensity > 0")
        edges: dict[tuple[str, str], dict] = {}
        for r in rows:
            edge = edges.setdefault((r["s"], r["t"]), {"s": r["s"], "t": r["t"], "types": {}, "coop": 0,
                                                       "conflict": 0, "n": 0})
            key = r["type"] or "untyped"
            edge["types"][key] = edge["types"].get(key, 0) + r["n"]
            edge["n"] += r["n"]
            side = ledger_api.stance(r["type"], r["intensity"])
            if side == "cooperation":
                edge["coop"] += r["n"]
            elif side == "conflict":
                edge["conflict"] += r["n"]
        ranked = sorted(edges.values(), key=lambda e: -e["n"])[:300]
        weight: Counter = Counter()
        for e in ranked:
            weight[e["s"]] += e["n"]
            weight[e["t"]] += e["n"]
        keep = {a for a, _ in weight.most_common(60)}
        ranked = [e for e in ranked if e["s"] in keep and e["t"] in keep]
        names = {}
        if keep:
            marks = ",".join("?" * len(keep))
            names = {r["id"]: (r["name"], r["kind"]) for r in
                     ledger._rows(f"SELECT id, name, kind FROM actors WHERE id IN ({marks})", sorted(keep))}
        nodes = [{"id": a, "name": names.get(a, (a, None))[0], "kind": names.get(a, (a, None))[1],
                  "n": weight[a]} for a in sorted(keep)]
        for e in ranked:
            e["s_name"], e["t_name"] = names.get(e["s"], (e["s"],))[0], names.get(e["t"], (e["t"],))[0]
        return {"nodes": nodes, "edges": ranked}

    def actors(self, request: Request, ledger: ledger_api.Ledger) -> dict:
        filters = _filters(request, ("q", "kind"))
        actors = ledger.actors(**filters, limit=PAGE_SIZE)
        network = self._network(ledger)
        types = sorted({t for e in network["edges"] for t in e["types"]})
        return {"actors": actors, "network": network, "filters": filters, "types": types}

    def actor(self, request: Request, ledger: ledger_api.Ledger) -> dict:
        key = request.path_params["id"]
        rows = ledger._rows("SELECT * FROM actors WHERE id = ?", (key,))
        if not rows:
            raise PageError(404, f"no actor {key!r}")
        actor = rows[0]
        events = ledger.timeline(actor=key, limit=PAGE_SIZE)
        _, spans = self._contradicted(ledger)
        claims = ledger.claims(actor=key, limit=PAGE_SIZE)
        aliases = [r[0] for r in ledger._rows("SELECT DISTINCT text FROM actor_mentions WHERE actor_id = ? "
                                              "ORDER BY text LIMIT 50", (key,))]
        partners: Counter = Counter()
        for ev in events:
            for other in list(ev.source_actors) + list(ev.target_actors):
                if other and other != key:
                    partners[other] += 1
        return {"actor": actor, "rows": self._happenings_view(ledger, events, spans), "claims": claims,
                "aliases": aliases, "partners": partners.most_common(20)}

    def claims(self, request: Request, ledger: ledger_api.Ledger) -> dict:
        filters = _filters(request, ("actor", "kind", "q", "source", "from", "to"))
        claims = ledger.claims(**_kw(filters), limit=1000)
        groups: dict[str, list] = defaultdict(list)
        for c in claims:
            groups[c.speaker_name or c.speaker_text or "(unattributed)"].append(c)
        ordered = sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0].lower()))
        contested = ledger.contested(actor=filters.get("actor"), source=filters.get("source"), limit=200)
        claim_rows = {}
        for pair in contested:
            for cid in (pair.a, pair.b):
                doc_id, _, seq = cid.rpartition(":c")
                r = ledger._rows("SELECT content_start, content_end, cue_text, kind FROM claims "
                                 "WHERE doc_id = ? AND seq = ?", (doc_id, int(seq)))
                claim_rows[cid] = r[0] if r else None
        docs = self._doc_map(ledger, [p.a_doc for p in contested] + [p.b_doc for p in contested])
        return {"groups": ordered, "n": len(claims), "contested": contested, "claim_rows": claim_rows,
                "docs": docs, "filters": filters, "truncated": len(claims) >= 1000}

    def contradictions(self, request: Request, ledger: ledger_api.Ledger) -> dict:
        filters = _filters(request, ("kind", "source"))
        found = ledger.contradictions(**filters, limit=500)
        docs = self._doc_map(ledger, [s.doc for c in found for s in c.sides])
        return {"found": found, "docs": docs, "filters": filters}

    def figures(self, request: Request, ledger: ledger_api.Ledger) -> dict:
        filters = _filters(request, ("unit", "counts", "source", "from", "to"))
        offset = _offset(request)
        figures = ledger.quantities(**_kw(filters), limit=PAGE_SIZE + 1, offset=offset)
        units = [r[0] for r in ledger._rows("SELECT DISTINCT unit FROM quantities WHERE unit IS NOT NULL "
                                            "ORDER BY unit LIMIT 300")]
        found = ledger.contradictions(kind="figure", limit=200)
        docs = self._doc_map(ledger, [s.doc for c in found for s in c.sides])
        return {"figures": figures[:PAGE_SIZE], "more": len(figures) > PAGE_SIZE, "offset": offset,
                "filters": filters, "units": units, "contradictions": found, "docs": docs,
                "page_size": PAGE_SIZE}

    def map(self, request: Request, ledger: ledger_api.Ledger) -> dict:
        places = [p for p in ledger.places(limit=2000) if p.lat is not None and p.lon is not None]
        top = max((p.n_mentions for p in places), default=1)
        markers = [{"p": p, "x": round(p.lon, 3), "y": round(-p.lat, 3),
                    "r": round(1.2 + 4.0 * math.sqrt(p.n_mentions / top), 2)} for p in places]
        markers.sort(key=lambda m: -m["r"])  # big ones below small ones
        located = ledger._rows("SELECT count(*) FROM events WHERE place_lat IS NOT NULL")[0][0]
        return {"markers": markers, "world": world_paths(), "n_located": located}

    @staticmethod
    def _pair_rows(ledger: ledger_api.Ledger, filters: dict[str, str]) -> list:
        """(source, target, type, intensity, time, published, n) for each event between two known
        actors, with the filters of :meth:`Ledger.events` (same SQL helpers), aggregated in SQL:
        :meth:`Ledger.relations` builds every event record, too slow for a page on a big ledger.
        On a merged ledger a happening counts once, between merged actors, at its merged date
        (as :meth:`Ledger.relations` counts it)."""
        where = _mention_where(ledger, _kw(filters))
        where.add("s.actor_id IS NOT NULL AND t.actor_id IS NOT NULL AND s.actor_id != t.actor_id")
        if not ledger.merged:
            sql = ("SELECT s.actor_id AS s, t.actor_id AS t, x.type AS type, x.intensity AS intensity, "
                   "x.time_value AS time, d.published AS published, count(DISTINCT x.doc_id || ':' || x.seq) AS n "
                   "FROM events x JOIN documents d ON d.id = x.doc_id "
                   "JOIN event_actors s ON s.doc_id = x.doc_id AND s.event_seq = x.seq AND s.role = 'source' "
                   "JOIN event_actors t ON t.doc_id = x.doc_id AND t.event_seq = x.seq AND t.role = 'target'"
                   f"{where.sql} GROUP BY s.actor_id, t.actor_id, x.type, x.intensity, x.time_value, d.published")
            return ledger._rows(sql, where.params)
        sql = ("SELECT s, t, type, intensity, time, published, count(*) AS n FROM ("
               "SELECT m.id, coalesce(ams.merged_id, s.actor_id) AS s, coalesce(amt.merged_id, t.actor_id) AS t, "
               "m.type AS type, m.intensity AS intensity, m.time_value AS time, min(d.published) AS published "
               "FROM events x JOIN documents d ON d.id = x.doc_id "
               "JOIN merged_event_mentions mm ON mm.doc_id = x.doc_id AND mm.seq = x.seq "
               "JOIN merged_events m ON m.id = mm.merged_id "
               "JOIN event_actors s ON s.doc_id = x.doc_id AND s.event_seq = x.seq AND s.role = 'source' "
               "JOIN event_actors t ON t.doc_id = x.doc_id AND t.event_seq = x.seq AND t.role = 'target' "
               "LEFT JOIN actor_merges ams ON ams.actor_id = s.actor_id "
               "LEFT JOIN actor_merges amt ON amt.actor_id = t.actor_id"
               f"{where.sql} GROUP BY m.id, 2, 3) WHERE s != t GROUP BY s, t, type, intensity, time, published")
        return ledger._rows(sql, where.params)

    def relations(self, request: Request, ledger: ledger_api.Ledger) -> dict:
        filters = _filters(request, ("actor", "type", "place", "source", "from", "to"))
        names = {r[0]: r[1] for r in ledger._rows("SELECT id, name FROM actors")}
        if ledger.merged:
            names.update({r[0]: r[1] for r in ledger._rows("SELECT id, name FROM merged_actors")})
        label = lru_cache(maxsize=None)(lambda t, p: ledger_api.period_label(t) or ledger_api.period_label(p))
        pairs: dict[tuple[str, str], dict] = {}
        for r in self._pair_rows(ledger, filters):
            a, b = sorted((r["s"], r["t"]))
            pair = pairs.setdefault((a, b), {"a": a, "b": b, "a_name": names.get(a, a), "b_name": names.get(b, b),
                                             "periods": defaultdict(lambda: [0, 0]), "n": 0, "coop": 0,
                                             "conflict": 0})
            period = label(r["time"], r["published"]) or "undated"
            side = ledger_api.stance(r["type"], r["intensity"])
            n = r["n"]
            pair["periods"][period][0] += n if side == "cooperation" else 0
            pair["periods"][period][1] += n if side == "conflict" else 0
            pair["n"] += n
            pair["coop"] += n if side == "cooperation" else 0
            pair["conflict"] += n if side == "conflict" else 0
        ranked = sorted(pairs.values(), key=lambda p: (-p["n"], p["a_name"], p["b_name"]))[:40]
        charts = []
        for p in ranked:
            periods = sorted(p["periods"].items())
            top = max([max(c, k) for _, (c, k) in periods] + [1])
            bars = []
            for i, (period, (coop, conflict)) in enumerate(periods):
                bars.append({"period": period, "x": 44 + i * 48, "coop": coop, "conflict": conflict,
                             "hc": round(50 * coop / top, 1), "hk": round(50 * conflict / top, 1)})
            charts.append({**p, "bars": bars, "width": max(200, 70 + 48 * len(bars)), "top": top})
        return {"charts": charts, "filters": filters, "n_pairs": len(pairs)}


class _SecurityHeaders:
    """Content-Security-Policy and friends on every response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [(b"content-security-policy", CSP.encode()), (b"x-content-type-options", b"nosniff"),
                            (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(db_path: str | Path, *, timeout: float = 5.0, cache_bytes: int = DEFAULT_CACHE_BYTES) -> Starlette:
    """The web UI and the JSON API over the ledger file ``db_path`` (the API's
    answers cached until the file changes; ``cache_bytes=0``: not cached)."""
    if not Path(db_path).exists():
        raise FileNotFoundError(f"no ledger file at {db_path}")
    db = str(db_path)
    cache = ResponseCache(db, max_bytes=cache_bytes)
    pages = _Pages(db, timeout, cache)
    static = str(resources.files(__package__).joinpath("static"))
    page_routes = [
        Route("/", pages.page("documents.html", pages.documents)),
        Route("/documents/{id}", pages.page("document.html", pages.document)),
        Route("/timeline", pages.page("timeline.html", pages.timeline)),
        Route("/timeline/events/{id:path}", pages.page("happening.html", pages.happening)),
        Route("/actors", pages.page("actors.html", pages.actors)),
        Route("/actors/{id:path}", pages.page("actor.html", pages.actor)),
        Route("/claims", pages.page("claims.html", pages.claims)),
        Route("/contradictions", pages.page("contradictions.html", pages.contradictions)),
        Route("/figures", pages.page("figures.html", pages.figures)),
        Route("/map", pages.page("map.html", pages.map)),
        Route("/relations", pages.page("relations.html", pages.relations)),
        Route("/favicon.ico", lambda request: RedirectResponse("/static/favicon.svg", status_code=301)),
        Mount("/static", app=StaticFiles(directory=static), name="static"),
    ]
    app = Starlette(routes=page_routes + api_routes(db, timeout=timeout, cache=cache),
                    middleware=[Middleware(_SecurityHeaders)])
    app.state.response_cache = cache
    return app
