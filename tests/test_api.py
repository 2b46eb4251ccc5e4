"""The Python API (``newsledger.open``) on a real ledger file built from examples/."""

import doctest
import sqlite3
import sys

import pytest

import newsledger
import newsledger.api as api_module
from newsledger.api import (ClaimRecord, EventRecord, MissingExtra, QueryTimeout, Results, parse_date_filter,
                            period_bounds, period_label, quad_class)

from .conftest import EXAMPLES


def build_ledger_db(analyzer, path):
    """Analyse examples/ into ``path`` and add one contested pair and one
    contradiction, as the cross-document stage will."""
    from newsledger.options import AnalyzeOptions
    from newsledger.runner import analyze_inputs

    summary = analyze_inputs([str(EXAMPLES)], options=AnalyzeOptions(published="2024-05-03"), db=path,
                             analyzer=analyzer)
    assert summary.ok
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("PRAGMA foreign_keys=ON")
        claims = conn.execute("SELECT doc_id, seq, content_start, content_end, content_text FROM claims "
                              "ORDER BY doc_id, seq").fetchall()
        docs = sorted({c[0] for c in claims})
        a = next(c for c in claims if c[0] == docs[0])
        b = next(c for c in claims if c[0] == docs[1])
        conn.execute("INSERT INTO contested (a_doc, a_seq, b_doc, b_seq, about) VALUES (?,?,?,?,?)",
                     (a[0], a[1], b[0], b[1], "the crossing"))
        conn.execute("INSERT INTO contradictions (id, kind, about) VALUES (1, 'figure', 'people who crossed')")
        for seq, c in enumerate((a, b)):
            conn.execute("INSERT INTO contradiction_sides VALUES (?,?,?,?,?,?,?)",
                         (1, seq, c[0], str(100 * (seq + 1)), c[2], c[3], c[4]))
    conn.close()
    return path


@pytest.fixture(scope="module")
def ledger_db(analyzer, tmp_path_factory):
    return build_ledger_db(analyzer, tmp_path_factory.mktemp("api") / "ledger.db")


@pytest.fixture()
def ledger(ledger_db):
    with newsledger.open(ledger_db) as opened:
        yield opened


def test_module_examples_run():
    result = doctest.testmod(api_module, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 8 and result.failed == 0


def test_open_is_read_only_and_says_when_the_file_is_missing(ledger, tmp_path):
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        ledger.conn.execute("DELETE FROM documents")
    with pytest.raises(FileNotFoundError, match="newsledger analyze"):
        newsledger.open(tmp_path / "none.db")


def test_documents_and_their_filters(ledger):
    docs = ledger.documents()
    assert [d.published for d in docs] == sorted(d.published for d in docs)
    assert {d.source_id.rsplit("/", 1)[-1] for d in docs} == {"border-talks.html", "river-ceasefire.txt"}
    html = next(d for d in docs if d.source_id.endswith(".html"))
    assert [d.id for d in ledger.documents(source=html.outlet)] == [html.id]
    assert [d.id for d in ledger.documents(q="Tiraspol")] == [d.id for d in docs if d.id != html.id]
    assert ledger.documents(date_from="2030") == []
    assert len(ledger.documents(limit=1)) == 1 and ledger.documents(limit=1, offset=1)[0].id == docs[1].id
    one = ledger.document(html.id[:6])
    assert one.id == html.id and one.text and ledger.ledger(html.source_id).document.id == html.id
    assert ledger.documents(q='"unbalanced') == []  # not FTS5: its words are looked for as written
    assert [d.id for d in ledger.documents(q='Tiraspol "')] == [d.id for d in ledger.documents(q="Tiraspol")]
    # a control character (a NUL from a URL's %00) breaks no query: it is a space between words
    assert ledger.documents(q="\x00") == []
    assert [d.id for d in ledger.documents(q="Tiraspol\x00")] == [d.id for d in ledger.documents(q="Tiraspol")]


def test_events_carry_their_evidence_and_actors(ledger):
    events = ledger.events()
    assert events and all(isinstance(e, EventRecord) for e in events)
    texts = {d.id: ledger.document(d.id).text for d in ledger.documents()}
    for e in events:
        assert texts[e.doc][e.evidence_start:e.evidence_end] == e.evidence_text
        assert len(e.source_actors) == len(e.source_names) and e.n_mentions == 1
        assert e.dated_by in ("text", "published")
        if e.type:
            assert e.quad_class == quad_class(e.type)
    dates = [period_bounds(e.date)[0] for e in events]
    assert dates == sorted(dates)


def test_event_filters(ledger):
    events = ledger.events()
    russia = ledger.events(actor="Russia")
    assert russia, "the examples name Russia or its government as an actor"
    organs = {r[0] for r in ledger.conn.execute("SELECT id FROM actors WHERE id = 'RU' OR name LIKE 'Russia (%'")}
    for e in russia:
        assert organs & set(e.source_actors + e.target_actors) or "Russia" in e.source_names + e.target_names
    assert ledger.events(actor="ru") == ledger.events(actor="RU")
    typed = events[0].type or next(e.type for e in events if e.type)
    assert {e.type for e in ledger.events(type=typed.lower())} == {typed}
    assert all(e.type is None for e in ledger.events(type="none"))
    placed = next(e for e in events if e.place)
    assert placed.id in {e.id for e in ledger.events(place=placed.place.upper())}
    doc = events[0].doc
    assert {e.doc for e in ledger.events(document=doc)} == {doc}
    may = ledger.events(date_from="2024-05", date_to="2024-05")
    assert may and all("2024-05-01" <= period_bounds(e.date)[0].isoformat() <= "2024-05-31" for e in may)
    assert len(ledger.events(limit=2)) == 2
    assert ledger.events(limit=2, offset=1)[0].id == events[1].id
    with pytest.raises(ValueError, match="YYYY"):
        ledger.events(date_from="May 2024")


def test_filters_are_bound_parameters_never_sql(ledger):
    for hostile in ("x' OR 1=1 --", "%", "_", "\\", "RU') OR ('a'='a", "Robert'); DROP TABLE events;--"):
        assert ledger.events(actor=hostile) == []
        assert ledger.claims(actor=hostile) == []
        assert ledger.documents(source=hostile) == []
        assert ledger.quantities(unit=hostile) == []
        assert ledger.actors(q=hostile) == []
    assert ledger.events()


def test_claims_actors_places_quantities(ledger):
    claims = ledger.claims()
    assert claims and all(isinstance(c, ClaimRecord) for c in claims)
    spoken = next(c for c in claims if c.speaker_actor)
    assert spoken.id in {c.id for c in ledger.claims(actor=spoken.speaker_actor)}
    assert all(c.kind == "direct" for c in ledger.claims(kind="direct"))
    assert all("ceasefire" in c.content_text.lower() for c in ledger.claims(q="CEASEFIRE"))
    actors = ledger.actors()
    assert [a.n_mentions for a in actors] == sorted((a.n_mentions for a in actors), reverse=True)
    assert all(a.aliases for a in actors if a.n_mentions)
    assert all(a.kind == "state" for a in ledger.actors(kind="state"))
    places = ledger.places()
    assert places and all(p.n_mentions >= 1 for p in places)
    assert {p.country for p in ledger.places(country="md")} == {"MD"}
    figures = ledger.quantities()
    assert figures and all(q.id == f"{q.doc}:q{q.seq}" for q in figures)
    unit = figures[0].unit
    assert {q.unit for q in ledger.quantities(unit=unit)} == {unit}


def test_relations_count_cooperation_and_conflict_by_month(ledger):
    relations = ledger.relations()
    assert relations
    events = {e.id: e for e in ledger.events()}
    for rel in relations:
        assert rel.source != rel.target and rel.events == len(rel.event_ids)
        assert rel.cooperation + rel.conflict <= rel.events
        assert rel.period is None or len(rel.period) in (4, 7)
        for event_id in rel.event_ids:
            assert rel.source in events[event_id].source_actors and rel.target in events[event_id].target_actors
    conflict = [r for r in relations if r.conflict]
    assert all(quad_class(events[i].type) in (3, 4) or (events[i].intensity or 0) < 0
               for r in conflict for i in r.event_ids)
    assert ledger.relations(actor="nobody-at-all") == []


def test_contested_and_contradictions_read_their_tables(ledger, tmp_path):
    (pair,) = ledger.contested()
    assert pair.about == "the crossing" and pair.a.endswith(":c" + pair.a.rsplit(":c", 1)[1])
    assert pair.a_text and pair.b_text and pair.a_doc != pair.b_doc
    assert ledger.contested(document=pair.b_doc) == [pair]
    (found,) = ledger.contradictions(kind="figure")
    assert [s.value for s in found.sides] == ["100", "200"]
    assert ledger.contradictions(kind="date") == []
    # a fresh file: the tables exist and are empty until the cross-document stage fills them
    from newsledger.store import Store

    Store(tmp_path / "empty.db").close()
    with newsledger.open(tmp_path / "empty.db") as empty:
        assert empty.contested() == [] and empty.contradictions() == [] and empty.events() == []


def test_to_pandas(ledger, monkeypatch):
    frame = ledger.events().to_pandas()
    assert len(frame) == len(ledger.events()) and {"id", "type", "date", "evidence_text"} <= set(frame.columns)
    empty = ledger.events(actor="nobody").to_pandas()
    assert len(empty) == 0 and "evidence_text" in empty.columns
    assert list(ledger.relations().to_pandas().columns)[:4] == ["source", "source_name", "target", "target_name"]
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtra, match=r"newsledger\[pandas\]"):
        ledger.events().to_pandas()
    assert isinstance(Results(), list)


def test_a_query_past_its_time_limit_is_stopped(ledger_db):
    with newsledger.open(ledger_db, timeout=0) as hurried:
        with pytest.raises(QueryTimeout, match="narrow the filters"):
            hurried.events()
    with newsledger.open(ledger_db, timeout=10) as patient:
        assert patient.events()


@pytest.mark.parametrize("value, first, last", [
    ("2024-02", "2024-02-01", "2024-02-29"), ("2023-Q4", "2023-10-01", "2023-12-31"),
    ("2022-H1", "2022-01-01", "2022-06-30"), ("2024-05-02T10:00", "2024-05-02", "2024-05-02"),
    ("2023-09/2023-11", "2023-09-01", "2023-11-30"), ("199X", "1990-01-01", "1999-12-31"),
    ("2023-WI", "2023-01-01", "2023-02-28")])
def test_period_bounds(value, first, last):
    a, b = period_bounds(value)
    assert (a.isoformat(), b.isoformat()) == (first, last)


def test_periods_that_are_not_dates():
    for value in ("P3D", "PRESENT_REF", "XXXX-05", "2024-13", "2024-Q9", "", None):
        assert period_bounds(value) is None
    assert period_label("2023-09/2023-11") == "2023" and period_label("2022/2024") is None
    assert parse_date_filter("2024-02-29", end=True) == "2024-02-29"
    assert parse_date_filter("2023-02-31") == "2023-02-28" and parse_date_filter("2024-04-31") == "2024-04-30"
    for bad in ("2024-02-32", "2024-00", "0000", "24", "2024-5", "2024-W01"):
        with pytest.raises(ValueError):
            parse_date_filter(bad)


def test_readme_example_runs(ledger_db, tmp_path, monkeypatch, capsys):
    import re
    import shutil

    from .conftest import REPO

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Reading a ledger file", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    shutil.copy(ledger_db, tmp_path / "ledger.db")
    monkeypatch.chdir(tmp_path)
    scope: dict = {}
    exec(compile(code, "README.md", "exec"), scope)  # noqa: S102 - our own documentation
    assert scope["relations"] and len(scope["frame"]) >= 1
    assert "→" in capsys.readouterr().out
