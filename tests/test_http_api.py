"""The HTTP JSON API, through an in-process ASGI client (no socket is opened)."""

import asyncio

import pytest
from click.testing import CliRunner

pytest.importorskip("starlette")
httpx = pytest.importorskip("httpx")
jsonschema = pytest.importorskip("jsonschema")

from newsledger.cli import main  # noqa: E402
from newsledger.web.api import ENDPOINTS, create_app, openapi_schema  # noqa: E402

from .test_api import build_ledger_db  # noqa: E402


@pytest.fixture(scope="module")
def ledger_db(analyzer, tmp_path_factory):
    return build_ledger_db(analyzer, tmp_path_factory.mktemp("http") / "ledger.db")


def fetch(app, *requests):
    """Run ``(method, url)`` requests against ``app`` in process; the responses."""
    async def run():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return [await client.request(method, url) for method, url in requests]

    return asyncio.run(run())


def get(app, url):
    return fetch(app, ("GET", url))[0]


@pytest.fixture(scope="module")
def app(ledger_db):
    return create_app(ledger_db)


@pytest.fixture(scope="module")
def spec(app):
    response = get(app, "/openapi.json")
    assert response.status_code == 200
    return response.json()


def _validator(spec, schema):
    return jsonschema.Draft202012Validator({**schema, "components": spec["components"]})


def _check(spec, path, response):
    operation = spec["paths"][path]["get"]
    declared = operation["responses"][str(response.status_code)]
    schema = declared["content"]["application/json"]["schema"]
    errors = list(_validator(spec, schema).iter_errors(response.json()))
    assert not errors, f"{path}: {errors[0].message}"


def test_openapi_describes_every_route(spec):
    jsonschema.Draft202012Validator.check_schema({"components": spec["components"]})
    assert spec["openapi"].startswith("3.1")
    for path in ("/api/documents", "/api/documents/{id}", "/api/events", "/api/claims", "/api/contested",
                 "/api/contradictions", "/api/relations", "/api/actors"):
        assert path in spec["paths"], path
    events = {p["name"] for p in spec["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "type", "from", "to", "place", "source"} <= events
    assert spec == openapi_schema()


def test_every_list_endpoint_answers_as_its_schema_says(app, spec):
    for ep in ENDPOINTS:
        response = get(app, ep.path)
        assert response.status_code == 200, (ep.path, response.text)
        _check(spec, ep.path, response)
        body = response.json()
        assert body["count"] == len(body["items"])
    assert get(app, "/api/events").json()["items"]
    assert get(app, "/api/contested").json()["count"] == 1
    assert get(app, "/api/contradictions").json()["items"][0]["sides"]


def test_event_filters_over_http(app, ledger_db):
    import newsledger

    with newsledger.open(ledger_db) as ledger:
        expected = [e.id for e in ledger.events(actor="Russia", date_from="2020", date_to="2024-12")]
        placed = next(e for e in ledger.events() if e.place)
        html_doc = next(d for d in ledger.documents() if d.outlet)
    got = get(app, "/api/events?actor=Russia&from=2020&to=2024-12").json()["items"]
    assert [e["id"] for e in got] == expected and expected
    assert placed.id in [e["id"] for e in get(app, f"/api/events?place={placed.place}").json()["items"]]
    by_source = get(app, f"/api/events?source={html_doc.outlet}").json()["items"]
    assert by_source and {e["doc"] for e in by_source} == {html_doc.id}
    typed = get(app, "/api/events?type=AGREE").json()["items"]
    assert all(e["type"] == "AGREE" for e in typed)
    page = get(app, "/api/events?limit=2&offset=1").json()
    assert page["limit"] == 2 and page["offset"] == 1 and len(page["items"]) == 2


def test_documents_relations_claims(app, spec, ledger_db):
    docs = get(app, "/api/documents").json()["items"]
    one = get(app, f"/api/documents/{docs[0]['id']}")
    assert one.status_code == 200
    _check(spec, "/api/documents/{id}", one)
    body = one.json()
    assert body["text"] and body["ledger"]["schema"] == "newsledger/1"
    assert get(app, f"/api/documents/{docs[0]['id'][:8]}").json()["id"] == docs[0]["id"]
    assert get(app, "/api/documents?q=Tiraspol").json()["count"] == 1
    relations = get(app, "/api/relations").json()
    assert relations["items"] and relations["limit"] is None
    assert all(r["cooperation"] + r["conflict"] <= r["events"] for r in relations["items"])
    claims = get(app, "/api/claims?actor=Russia").json()["items"]
    assert all(c["speaker_actor"] and c["speaker_actor"].startswith("RU") or c["speaker_name"] == "Russia"
               for c in claims)


def test_errors_are_json_with_a_status(app, spec):
    cases = {"/api/events?from=yesterday": 400, "/api/events?limit=0": 400, "/api/events?limit=x": 400,
             "/api/events?offset=-1": 400, "/api/events?type=PARTY": 400, "/api/events?offset=99999999999999999999": 400,
             "/api/documents/no-such-document": 404, "/api/contradictions?kind=mood": 400}
    for url, status in cases.items():
        response = get(app, url)
        assert response.status_code == status, url
        assert response.json()["error"]
        path = url.split("?")[0] if "{" not in url else url
        path = "/api/documents/{id}" if url.startswith("/api/documents/") else path
        _check(spec, path, response)
    assert get(app, "/api/nothing").status_code == 404


def test_read_only(app, ledger_db):
    import sqlite3

    before = sqlite3.connect(ledger_db).execute("SELECT count(*) FROM events").fetchone()[0]
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        (response,) = fetch(app, (method, "/api/events"))
        assert response.status_code == 405
    for hostile in ("x'%20OR%201=1%20--", "1;DROP%20TABLE%20events", "%25", "%00"):
        response = get(app, f"/api/events?actor={hostile}")
        assert response.status_code in (200, 400) and (response.status_code == 400 or response.json()["items"] == [])
    assert sqlite3.connect(ledger_db).execute("SELECT count(*) FROM events").fetchone()[0] == before


def test_a_slow_query_answers_503(ledger_db):
    response = get(create_app(ledger_db, timeout=0), "/api/events")
    assert response.status_code == 503 and "narrow the filters" in response.json()["error"]


def test_api_command_binds_loopback_by_default(ledger_db, monkeypatch):
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    result = CliRunner().invoke(main, ["api", "--db", str(ledger_db)])
    assert result.exit_code == 0, result.output
    assert calls == [{"host": "127.0.0.1", "port": 8000, "log_level": "warning", "access_log": False}]
    calls.clear()
    result = CliRunner().invoke(main, ["api", "--db", str(ledger_db), "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert calls == [{"host": "127.0.0.1", "port": 8000, "log_level": "warning", "access_log": False,
                      "factory": True, "workers": 2}]
    missing = CliRunner().invoke(main, ["api", "--db", str(ledger_db) + ".none"])
    assert missing.exit_code != 0 and "no ledger file" in missing.output


def test_schemathesis_finds_no_failures(app):
    """Generated requests, valid and invalid, against the OpenAPI schema: every
    answer must match the schema, and invalid requests must be refused."""
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, given, settings
    from hypothesis.errors import Unsatisfiable

    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    checked = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        for mode in (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE):
            @given(case=operation.as_strategy(generation_mode=mode))
            @settings(max_examples=15, deadline=None, database=None, suppress_health_check=list(HealthCheck))
            def check(case):
                case.call_and_validate()

            try:
                check()
            except Unsatisfiable:  # nothing invalid to send (a free-text path parameter)
                assert mode == schemathesis.GenerationMode.NEGATIVE, operation.label
                continue
            checked += 1
    assert checked >= 2 * len(ENDPOINTS) + 1  # every list endpoint both ways, the document one with valid ids


# --------------------------------------------------------------------------- the response cache and ETags

def _copy(ledger_db, path):
    import sqlite3

    src, dst = sqlite3.connect(ledger_db), sqlite3.connect(path)
    src.backup(dst)
    src.close()
    dst.close()
    return path


def _new_document(text: str, outlet: str = "Late Edition"):
    from newsledger.model import DocLedger, Document, Quantity, Span

    doc = Document.from_text(text, source_id=f"late/{abs(hash(text))}.txt", outlet=outlet, published="2024-06-01")
    start = text.index("12")
    return DocLedger(document=doc, quantities=[Quantity(12, Span.of(text, start, start + 11), unit="villages")])


def test_a_write_while_serving_shows_in_the_next_answer(ledger_db, tmp_path):
    """Answers are cached, but a write committed to the ledger (another connection, as
    `newsledger analyze` does while the server runs) shows in the very next answer."""
    from newsledger.store import Store

    db = _copy(ledger_db, tmp_path / "served.db")
    app = create_app(db)
    cache = app.state.response_cache
    before = get(app, "/api/documents?limit=1000").json()
    again = get(app, "/api/documents?limit=1000")
    assert again.json() == before and cache.hits >= 1  # the second answer came from the cache
    late = _new_document("Rebels seized 12 villages near the river, the late edition said.")
    assert get(app, f"/api/documents/{late.document.id}").status_code == 404
    assert not get(app, "/api/quantities?unit=villages&source=Late Edition").json()["items"]
    with Store(db) as store:
        store.write(late)
        # committed, the writer still open: the next answers already show it
        after = get(app, "/api/documents?limit=1000").json()
        assert after["count"] == before["count"] + 1
        assert late.document.id in {d["id"] for d in after["items"]}
        assert get(app, f"/api/documents/{late.document.id}").status_code == 200
        figures = get(app, "/api/quantities?unit=villages&source=Late Edition").json()["items"]
        assert [f["evidence_text"] for f in figures] == ["12 villages"]
        assert get(app, "/api/documents?limit=1000").headers["etag"] != again.headers["etag"]
    # a second write, then the same requests once more
    later = _new_document("Rebels seized 12 villages near the hills, the later edition said.", outlet="Later")
    with Store(db) as store:
        store.write(later)
    assert get(app, "/api/documents?limit=1000").json()["count"] == before["count"] + 2


def test_a_ledger_file_replaced_while_serving_is_read_anew(ledger_db, tmp_path):
    import os

    from newsledger.store import Store

    db = _copy(ledger_db, tmp_path / "served.db")
    app = create_app(db)
    count = get(app, "/api/documents").json()["count"]
    other = _copy(ledger_db, tmp_path / "other.db")
    with Store(other) as store:
        store.write(_new_document("Rebels seized 12 villages in the north, a new file said."))
    os.replace(other, db)
    assert get(app, "/api/documents").json()["count"] == count + 1


def test_the_ui_app_shares_the_cache_and_sees_writes(ledger_db, tmp_path):
    from newsledger.store import Store

    pytest.importorskip("jinja2")
    from newsledger.web.app import create_app as create_ui

    db = _copy(ledger_db, tmp_path / "served.db")
    app = create_ui(db)
    count = get(app, "/api/documents?limit=1000").json()["count"]
    late = _new_document("Rebels seized 12 villages near the lake, the late edition said.")
    with Store(db) as store:
        store.write(late)
    assert get(app, "/api/documents?limit=1000").json()["count"] == count + 1
    page = get(app, "/?q=lake")
    assert page.status_code == 200 and "late" in page.text.lower()


def test_etag_and_304(app):
    first = get(app, "/api/events?limit=5")
    etag = first.headers["etag"]
    assert first.status_code == 200 and etag.startswith('"') and first.headers["cache-control"] == "no-cache"

    def conditional(url, tag):
        async def run():
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
                return await client.get(url, headers={"If-None-Match": tag})

        return asyncio.run(run())

    for tag in (etag, f"W/{etag}", f'"nope", {etag}', "*"):
        response = conditional("/api/events?limit=5", tag)
        assert response.status_code == 304 and response.content == b"" and response.headers["etag"] == etag
    stale = conditional("/api/events?limit=5", '"nope"')
    assert stale.status_code == 200 and stale.json() == first.json()
    assert conditional("/api/events?limit=6", etag).status_code == 200  # another answer, another tag
    errors = conditional("/api/events?limit=0", "*")
    assert errors.status_code == 400  # only a 200 becomes a 304
    schema = get(app, "/openapi.json")
    assert conditional("/openapi.json", schema.headers["etag"]).status_code == 304


def test_the_same_answers_with_and_without_the_cache(ledger_db):
    cached, uncached = create_app(ledger_db), create_app(ledger_db, cache_bytes=0)
    urls = [ep.path for ep in ENDPOINTS] + ["/api/events?actor=Russia", "/api/documents/no-such-document",
                                            "/api/events?limit=0"]
    for url in urls:
        for _ in range(2):
            a, b = get(cached, url), get(uncached, url)
            assert (a.status_code, a.content, a.headers["etag"]) == (b.status_code, b.content, b.headers["etag"])
    assert uncached.state.response_cache.hits == 0 and cached.state.response_cache.hits >= len(urls)


def test_concurrent_requests_for_one_answer_compute_it_once(ledger_db):
    expected = get(create_app(ledger_db, cache_bytes=0), "/api/relations").content
    app = create_app(ledger_db)

    async def run():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return await asyncio.gather(*(client.get("/api/relations") for _ in range(8)))

    answers = asyncio.run(run())
    assert {r.content for r in answers} == {expected}
    assert app.state.response_cache.misses == 1 and app.state.response_cache.hits == 7


def test_the_cache_is_bounded(tmp_path, ledger_db):
    from newsledger.web.api import Cached, ResponseCache

    cache = ResponseCache(ledger_db, max_bytes=10_000, max_entries=5)
    gen = cache.generation()
    for i in range(20):
        cache.put(gen, f"/k{i}", Cached.of(200, b"x" * 1000))
    assert len(cache._entries) == 5 and cache.get(gen, "/k19") and not cache.get(gen, "/k0")
    cache.put(gen, "/big", Cached.of(200, b"x" * 20_000))  # larger than the whole cache: not kept
    assert cache.get(gen, "/big") is None
    cache.put(gen, "/slow", Cached.of(503, b"{}"))  # a time-out is not an answer to keep
    assert cache.get(gen, "/slow") is None
    assert cache.get(gen + 1, "/k19") is None  # another generation sees nothing
    cache._bytes, cache.max_entries = 0, 100
    cache._entries.clear()
    for i in range(20):
        cache.put(gen, f"/k{i}", Cached.of(200, b"x" * 1000))
    assert cache._bytes <= 10_000 and len(cache._entries) < 20
