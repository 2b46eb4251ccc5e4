"""Every export format, read back by the tool its users use."""

import csv
import datetime as dt
import json
import sqlite3
import sys

import pytest
from click.testing import CliRunner

import newsledger
from newsledger.api import PLOVER_QUAD
from newsledger.cli import main
from newsledger.export import FORMATS
from newsledger.export.gdelt import GDELT_COLUMNS

from .test_api import build_ledger_db


@pytest.fixture(scope="module")
def ledger_db(analyzer, tmp_path_factory):
    return build_ledger_db(analyzer, tmp_path_factory.mktemp("exports") / "ledger.db")


def _export(ledger_db, fmt, output):
    result = CliRunner().invoke(main, ["export", "--db", str(ledger_db), "--format", fmt, "-o", str(output)])
    assert result.exit_code == 0, result.output
    return output


def test_cli_offers_every_format():
    export = main.commands["export"]
    choices = next(p for p in export.params if p.name == "fmt").type.choices
    assert list(choices) == list(FORMATS)


def test_parquet_reads_back_with_pyarrow(ledger_db, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    folder = _export(ledger_db, "parquet", tmp_path / "pq")
    conn = sqlite3.connect(ledger_db)
    for table in ("documents", "events", "claims", "quantities", "places", "contested", "contradiction_sides"):
        read = pq.read_table(folder / f"{table}.parquet")
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        assert read.column_names == columns
        assert read.num_rows == conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    events = pq.read_table(folder / "events.parquet")
    assert str(events.schema.field("intensity").type) == "double"
    assert str(events.schema.field("seq").type) == "int64"
    assert events.column("evidence_text").to_pylist() == [r[0] for r in conn.execute("SELECT evidence_text FROM events")]


def test_gdelt_has_61_columns_and_valid_codes(ledger_db, tmp_path):
    path = _export(ledger_db, "gdelt", tmp_path / "events.CSV")
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert len(GDELT_COLUMNS) == 61 and len(set(GDELT_COLUMNS)) == 61
    assert GDELT_COLUMNS[:5] == ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    assert GDELT_COLUMNS[25:35] == ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
                                    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
    assert GDELT_COLUMNS[51] == "ActionGeo_Type" and GDELT_COLUMNS[-2:] == ["DATEADDED", "SOURCEURL"]
    with newsledger.open(ledger_db) as ledger:
        typed = [e for e in ledger.events() if e.type]
    assert rows and len(rows) == len(typed)
    ids = set()
    for row in rows:
        assert len(row) == 61, row
        r = dict(zip(GDELT_COLUMNS, row))
        ids.add(int(r["GLOBALEVENTID"]))
        day = dt.datetime.strptime(r["SQLDATE"], "%Y%m%d").date()
        assert r["MonthYear"] == r["SQLDATE"][:6] and r["Year"] == r["SQLDATE"][:4]
        assert int(float(r["FractionDate"])) == day.year
        assert r["EventRootCode"].isdigit() and 1 <= int(r["EventRootCode"]) <= 20 and len(r["EventRootCode"]) == 2
        assert r["EventCode"].startswith(r["EventRootCode"]) and r["EventBaseCode"].startswith(r["EventRootCode"])
        assert r["QuadClass"] in {"1", "2", "3", "4"}
        assert -10 <= float(r["GoldsteinScale"]) <= 10
        assert int(r["NumMentions"]) >= 1 and int(r["NumSources"]) >= 1 and int(r["NumArticles"]) >= 1
        assert r["IsRootEvent"] in {"0", "1"} and r["AvgTone"] == ""
        for actor in ("Actor1", "Actor2"):
            code = r[f"{actor}CountryCode"]
            assert code == "" or (len(code) == 3 and code.isupper())
        if r["ActionGeo_Lat"]:
            assert -90 <= float(r["ActionGeo_Lat"]) <= 90 and -180 <= float(r["ActionGeo_Long"]) <= 180
            assert r["ActionGeo_Type"] in {"1", "2", "3", "4", "5"}
            assert r["ActionGeo_CountryCode"] == "" or len(r["ActionGeo_CountryCode"]) == 2
        assert len(r["DATEADDED"]) == 14 and r["SOURCEURL"]
    assert len(ids) == len(rows)
    quads = {r[29] for r in rows}
    assert quads <= {str(q) for q in PLOVER_QUAD.values()}
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(path, sep="\t", header=None, names=GDELT_COLUMNS, dtype=str, quoting=csv.QUOTE_NONE)
    assert frame.shape == (len(rows), 61)


# TimelineJS 3's JSON format (https://timeline.knightlab.com/docs/json-format.html) as a JSON Schema
DATE = {"type": "object", "required": ["year"], "additionalProperties": False,
        "properties": {"year": {"type": ["integer", "string"]}, "month": {"type": "integer", "minimum": 1, "maximum": 12},
                       "day": {"type": "integer", "minimum": 1, "maximum": 31},
                       "hour": {"type": "integer"}, "minute": {"type": "integer"}, "second": {"type": "integer"},
                       "millisecond": {"type": "integer"}, "display_date": {"type": "string"}}}
TEXT = {"type": "object", "additionalProperties": False,
        "properties": {"headline": {"type": "string"}, "text": {"type": "string"}}}
SLIDE = {"type": "object", "additionalProperties": False,
         "properties": {"start_date": DATE, "end_date": DATE, "text": TEXT, "media": {"type": "object"},
                        "group": {"type": "string"}, "display_date": {"type": "string"},
                        "background": {"type": "object"}, "autolink": {"type": "boolean"},
                        "unique_id": {"type": "string", "pattern": "^[A-Za-z0-9_-]+$"}}}
TIMELINEJS3 = {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
               "required": ["events"], "additionalProperties": False,
               "properties": {"events": {"type": "array", "items": {**SLIDE, "required": ["start_date"]}},
                              "title": SLIDE, "eras": {"type": "array"}, "scale": {"enum": ["human", "cosmological"]}}}


def test_timelinejs_validates(ledger_db, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    data = json.loads(_export(ledger_db, "timelinejs", tmp_path / "timeline.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, TIMELINEJS3)
    assert data["events"]
    ids = [e["unique_id"] for e in data["events"]]
    assert len(ids) == len(set(ids))
    reported = [e for e in data["events"] if e.get("display_date", "").startswith("reported ")]
    assert all("day" in e["start_date"] for e in reported)


GEOJSON = {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
           "required": ["type", "features"],
           "properties": {"type": {"const": "FeatureCollection"},
                          "features": {"type": "array", "items": {
                              "type": "object", "required": ["type", "geometry", "properties"],
                              "properties": {"type": {"const": "Feature"},
                                             "id": {"type": ["string", "number"]},
                                             "properties": {"type": ["object", "null"]},
                                             "geometry": {"type": "object", "required": ["type", "coordinates"],
                                                          "properties": {"type": {"const": "Point"},
                                                                         "coordinates": {"type": "array",
                                                                                         "minItems": 2, "maxItems": 3,
                                                                                         "items": {"type": "number"}}}}}}}}}


def test_geojson_validates(ledger_db, tmp_path):
    jsonschema = pytest.importorskip("jsonschema")
    data = json.loads(_export(ledger_db, "geojson", tmp_path / "ledger.geojson").read_text(encoding="utf-8"))
    jsonschema.validate(data, GEOJSON)
    kinds = {f["properties"]["feature"] for f in data["features"]}
    assert kinds == {"place", "event"}
    for f in data["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        props = f["properties"]
        assert all(not isinstance(v, (list, dict)) for v in props.values())
    tiraspol = [f for f in data["features"] if f["properties"].get("name") == "Tiraspol"]
    assert tiraspol and tiraspol[0]["geometry"]["coordinates"][0] > 29  # longitude first


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_actor_network_reads_back_with_networkx(ledger_db, tmp_path, fmt):
    nx = pytest.importorskip("networkx")
    path = _export(ledger_db, fmt, tmp_path / f"actors.{fmt}")
    graph = nx.read_gexf(path) if fmt == "gexf" else nx.read_graphml(path)
    with newsledger.open(ledger_db) as ledger:
        actors = ledger.actors()
        relations = ledger.relations()
    assert {a.id for a in actors} <= set(graph.nodes)
    assert graph.is_directed() and graph.number_of_edges() == len({(r.source, r.target) for r in relations})
    assert sum(d["weight"] for _, _, d in graph.edges(data=True)) == sum(r.events for r in relations)
    for s, t, d in graph.edges(data=True):
        assert d["relation"] in {"cooperation", "conflict", "mixed"}
        assert int(d["cooperation"]) + int(d["conflict"]) <= int(d["weight"])
    some = actors[0]
    assert graph.nodes[some.id]["label"] == some.name
    assert graph.nodes[some.id]["kind"] == some.kind


def test_merged_ledger_follows_the_contract(ledger_db, tmp_path):
    data = json.loads(_export(ledger_db, "ledger", tmp_path / "ledger.json").read_text(encoding="utf-8"))
    assert data["schema"] == "newsledger-ledger/1"
    assert list(data) == ["schema", "documents", "actors", "events", "claims", "contested", "contradictions"]
    texts = {}
    with newsledger.open(ledger_db) as ledger:
        for d in data["documents"]:
            texts[d["id"]] = ledger.document(d["id"]).text
            assert set(d) >= {"id", "source_id", "url", "title", "outlet", "published"}
    assert all(set(a) >= {"id", "name", "kind", "country", "aliases"} for a in data["actors"])
    actor_ids = {a["id"] for a in data["actors"]}
    for e in data["events"]:
        assert e["n_mentions"] == len(e["mentions"]) == 1 and e["n_sources"] == e["n_articles"] == 1
        assert set(e["source_actors"] + e["target_actors"]) <= actor_ids
        for m in e["mentions"]:
            ev = m["evidence"]
            assert texts[m["doc"]][ev["start"]:ev["end"]] == ev["text"]
    claim_ids = {c["id"] for c in data["claims"]}
    for c in data["claims"]:
        assert texts[c["doc"]][c["content"]["start"]:c["content"]["end"]] == c["content"]["text"]
    assert data["contested"] and all(p["a"] in claim_ids and p["b"] in claim_ids for p in data["contested"])
    (contradiction,) = data["contradictions"]
    assert contradiction["kind"] == "figure"
    for side in contradiction["sides"]:
        ev = side["evidence"]
        assert texts[side["doc"]][ev["start"]:ev["end"]] == ev["text"]


def test_single_file_formats_write_to_stdout(ledger_db):
    result = CliRunner().invoke(main, ["export", "--db", str(ledger_db), "--format", "geojson", "-o", "-"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["type"] == "FeatureCollection"


def test_a_missing_extra_is_named(ledger_db, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    result = CliRunner().invoke(main, ["export", "--db", str(ledger_db), "--format", "parquet",
                                       "-o", str(tmp_path / "pq")])
    assert result.exit_code == 1 and "newsledger[parquet]" in result.output
