"""The JSON API under load, and the rules that keep it safe: 127.0.0.1 only, bounded in
count and time, read-only queries with a time limit, SQL never built from user strings.

The load test is the short CI form of ``benchmarks/load.py``: the issue's 50 clients, each
pausing only 0–0.5 s between requests (about 200 requests/s asked), for 10 s instead of 60,
against ``newsledger api`` over a synthetic 10,000-event ledger, with the issue's figure
(0 errors, p95 under 200 ms); the full 60 s runs and their figures are in docs/reliability.md.
A second test writes to the ledger while the server answers and checks that the next answer
shows the write (the server caches answers until the file changes)."""

from __future__ import annotations

import ast
import importlib.util
import os
import re
from pathlib import Path

import pytest

pytest.importorskip("uvicorn")
pytest.importorskip("starlette")

REPO = Path(__file__).resolve().parents[1]
SRC = REPO / "src" / "newsledger"


def _load_benchmark():
    spec = importlib.util.spec_from_file_location("newsledger_load_benchmark", REPO / "benchmarks" / "load.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


load = _load_benchmark()

CI_CLIENTS = int(os.environ.get("LOAD_CLIENTS", 50))
CI_DURATION = float(os.environ.get("LOAD_DURATION", 10))
CI_THINK = float(os.environ.get("LOAD_THINK", 0.25))
#: the issue's figure; LOAD_P95_MS changes it for a machine known to be slower
CI_P95_MS = float(os.environ.get("LOAD_P95_MS", 200))


@pytest.fixture(scope="module")
def big_ledger(tmp_path_factory):
    db = tmp_path_factory.mktemp("load") / "load.db"
    counts = load.build_ledger(db, docs=1000, events=10)
    assert counts["events"] >= 10_000
    return db


def test_synthetic_ledger_keeps_the_contract():
    from newsledger.contract import problems
    from newsledger.model import to_dict

    for i in range(5):
        assert problems(to_dict(load.synthetic_ledger(i, 10))) == []


def test_api_under_load_on_loopback(big_ledger):
    port = load.free_port()
    server = load.start_server(big_ledger, port)
    try:
        result = load.run_load(port, load.request_mix(big_ledger), clients=CI_CLIENTS, duration=CI_DURATION,
                               think=CI_THINK)
        assert server.poll() is None, "the server died under load"
    finally:
        server.terminate()
        server.wait(timeout=10)
    print(result)
    # the load was really served: at least half of what the clients ask when answers are instant
    # (each client sends one request per pause of mean CI_THINK; a closed loop asks for 10/s each)
    asked = CI_CLIENTS * CI_DURATION / max(CI_THINK, 0.1)
    assert result["requests"] >= asked / 2, result
    assert result["errors"] == 0, result["first_errors"]
    assert result["p95_ms"] < CI_P95_MS, result
    assert result["duration_s"] < CI_DURATION + 15  # bounded in time


def _get(conn, path: str, headers: dict | None = None):
    conn.request("GET", path, headers=headers or {})
    response = conn.getresponse()
    return response.status, response.getheader("ETag"), response.read()


@pytest.mark.parametrize("workers", [1, 2])
def test_a_write_while_serving_shows_in_the_next_answer_over_http(tmp_path, workers):
    """The server caches answers until the ledger file changes: a document committed while
    it serves (another process writing, as `newsledger analyze --db` does) is in the very
    next answer, of every worker process; ETags change with it, and a 304 comes only for an
    unchanged answer."""
    import http.client
    import json

    from newsledger.store import Store

    db = tmp_path / "small.db"
    load.build_ledger(db, docs=30, events=3)
    port = load.free_port()
    server = load.start_server(db, port, workers=workers)
    try:
        conn = http.client.HTTPConnection(load.HOST, port, timeout=10)
        url = "/api/documents?limit=1000"
        status, etag, body = _get(conn, url)
        assert status == 200 and json.loads(body)["count"] == 30
        assert _get(conn, url, {"If-None-Match": etag})[0] == 304
        late = load.synthetic_ledger(500, 3)
        assert _get(conn, f"/api/documents/{late.document.id}")[0] == 404
        with Store(db) as store:
            store.write(late)
        for _ in range(4 * workers):  # new connections: each may reach another worker
            fresh = http.client.HTTPConnection(load.HOST, port, timeout=10)
            status, new_etag, body = _get(fresh, url, {"If-None-Match": etag})
            assert status == 200 and json.loads(body)["count"] == 31 and new_etag != etag
            assert _get(fresh, f"/api/documents/{late.document.id}")[0] == 200
            assert _get(fresh, url, {"If-None-Match": new_etag})[0] == 304
            fresh.close()
        conn.close()
        assert server.poll() is None
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_api_serves_loopback_only_by_default():
    """`newsledger api` binds 127.0.0.1 unless --host says otherwise (the call itself is
    checked in test_http_api.test_api_command_binds_loopback_by_default)."""
    from newsledger.cli import api_command

    host = next(p for p in api_command.params if p.name == "host")
    assert host.default == "127.0.0.1"


# ---------------------------------------------------------------------------
# SQL is never built from user strings

_SQL = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|WHERE|PRAGMA|FROM|ORDER BY|LIMIT|MATCH|JOIN|VALUES|IN \()")
#: every value interpolated into SQL text in src/, and why it is not a user string
ALLOWED = {
    "where.sql": "api._Where: clauses written in code with :named placeholders; values go to params",
    "scope.sql": "api._Where again (a second filter scope)",
    "_ACTOR_IDS": "a constant subquery with :actor/:actor_organ placeholders",
    "ledger_api._ACTOR_IDS": "the same constant, used by the web UI",
    "marks": "',' joined '?' placeholders: only their number varies",
    "table": "our own table names from a tuple in code (exports)",
    "t": "our own table names from a tuple in code (Store.counts)",
    "date_sql": "a column expression chosen in code (api._common's keyword, never a request value)",
    "_page(limit, offset, params)": "' LIMIT :limit OFFSET :offset' with the numbers bound",
    "_DOC_MATCH": "a constant clause with :document placeholders",
    "_SOURCE_MATCH": "a constant clause with :source placeholders",
    "MMAP_BYTES": "gazetteer.core's integer constant in a PRAGMA (SQLite binds no parameter there)",
}


def _sql_interpolations() -> list[tuple[str, int, str]]:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                text = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
                if _SQL.search(text):
                    found += [(str(path.relative_to(SRC)), node.lineno, ast.unparse(v.value))
                              for v in node.values if isinstance(v, ast.FormattedValue)]
            elif isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
                sides = [node.left, node.right]
                if any(isinstance(s, ast.Constant) and isinstance(s.value, str) and _SQL.search(s.value)
                       and re.search(r"\b(SELECT|INSERT|UPDATE|DELETE)\b", s.value) for s in sides):
                    found += [(str(path.relative_to(SRC)), node.lineno, ast.unparse(s)) for s in sides
                              if not isinstance(s, (ast.Constant, ast.JoinedStr))]
            elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"
                  and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str)
                  and _SQL.search(node.func.value.value)):
                found.append((str(path.relative_to(SRC)), node.lineno, "str.format(...)"))
    return found


def test_no_sql_is_built_from_user_values():
    """A grep with a parser: every f-string, '+'/'%' concatenation or .format() that builds SQL
    in src/ interpolates only names on the allow-list above; a new one fails here until
    someone checks it and adds it with its reason."""
    found = _sql_interpolations()
    assert found, "the scan finds the known interpolations (it is not looking at nothing)"
    unknown = [f for f in found if f[2] not in ALLOWED]
    assert not unknown, f"SQL built from values not known to be safe: {unknown}"


def test_hostile_filter_values_never_reach_sql_text(big_ledger, monkeypatch):
    """Every Ledger query, with a marker in every string filter: the marker is bound as a
    parameter, never part of the SQL text sqlite compiles."""
    import newsledger
    from newsledger import api

    marker = "ZZ'\"; DROP TABLE events; --"
    seen: list[str] = []
    real = api.Ledger._rows

    def spy(self, sql, params=()):
        seen.append(sql)
        return real(self, sql, params)

    monkeypatch.setattr(api.Ledger, "_rows", spy)
    strings = {"documents": ["source", "q"], "events": ["actor", "type", "place", "document", "source", "modality"],
               "claims": ["actor", "kind", "q", "document", "source"], "actors": ["kind", "country", "q", "document"],
               "places": ["place", "country", "kind", "role", "document"], "quantities": ["unit", "counts", "document"],
               "relations": ["actor", "type", "place", "document", "source"], "contested": ["actor", "document"],
               "contradictions": ["kind", "document"]}
    with newsledger.open(big_ledger, timeout=5) as ledger:
        for method, names in strings.items():
            for name in names:
                try:
                    getattr(ledger, method)(**{name: marker})
                except ValueError:
                    pass  # refused as a bad value: fine too
        ledger.document(marker)
    assert seen and not [sql for sql in seen if "DROP TABLE" in sql or "ZZ'" in sql]
