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
    assert calls == [{"host": "127.0.0.1", "port": 8000, "log_level": "warning"}]
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
