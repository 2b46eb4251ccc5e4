"""A user's own place files ($NEWSLEDGER_PLACES): checked, added to the
gazetteer index, found in texts; a bad file stops with its line and leaves no index."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner

from newsledger.cli import main
from newsledger.gazetteer import Gazetteer, userplaces
from newsledger.gazetteer.core import _fingerprint, country_codes

# (invented places: no gazetteer knows these names)
GOOD = (
    "# camps and crossings of our own survey\n"
    "name\taliases\tkind\tcountry\tlat\tlon\tpopulation\n"
    "Vellmora Crossing\tVellmora border post\tfeature\tSD\t12.52\t23.14\t\n"
    "Qarvesh Camp\t\tcity\tsd\t13.01\t22.47\t14000\n"
    "\n"
    "Ostrel Ridge\t\t\t\t-41.2\t172.9\t\n"
)

BAD = (
    "name\tkind\tlat\tlon\tcountry\tpopulation\n"
    "Tarn Abbey\tcastle\t1\t2\t\t\n"
    "\tregion\t1\t2\t\t\n"
    "High Vell\tregion\t91\t2\t\t\n"
    "Low Vell\tregion\tnorth\t2\t\t\n"
    "Mid Vell\tregion\t1\t2\tZZ\t\n"
    "Far Vell\tregion\t1\t2\t\t-4\n"
    "Near Vell\tregion\t1\t2\t\t\t\textra\n"
    "Fine Vell\tregion\t1\t2\tGB\t20\n"
)


@pytest.fixture
def files(tmp_path):
    good, bad = tmp_path / "good.tsv", tmp_path / "bad.tsv"
    good.write_text(GOOD, encoding="utf-8")
    bad.write_text(BAD, encoding="utf-8")
    return good, bad


def test_a_good_file_gives_its_rows_checked(files):
    rows, problems = userplaces.check_file(files[0], country_codes())
    assert problems == []
    assert [(r["name"], r["kind"], r["country"]) for r in rows] == [
        ("Vellmora Crossing", "feature", "SD"), ("Qarvesh Camp", "city", "SD"), ("Ostrel Ridge", "", "")]
    assert rows[0]["aliases"] == "Vellmora border post" and rows[0]["demonyms"] == ""


def test_each_bad_row_is_named_by_its_line(files):
    rows, problems = userplaces.check_file(files[1], country_codes())
    assert [r["name"] for r in rows] == ["Fine Vell"]
    said = {p.line: p.message for p in problems}
    assert sorted(said) == [2, 3, 4, 5, 6, 7, 8]
    assert "kind 'castle'" in said[2] and said[3] == "no name" and "out of range" in said[4]
    assert "no number" in said[5] and "'ZZ'" in said[6] and "'-4'" in said[7] and "8 cells for 6 columns" in said[8]
    assert str(problems[0]) == f"{files[1]}:2: {said[2]}"


def test_a_header_without_the_needed_columns_or_no_file_at_all(tmp_path):
    odd = tmp_path / "odd.tsv"
    odd.write_text("title\tlat\tlon\nSomewhere\t1\t2\n", encoding="utf-8")
    _, problems = userplaces.check_file(odd, country_codes())
    assert len(problems) == 2 and all(p.line == 1 for p in problems)
    assert "lacks the column(s) name" in problems[0].message and "unknown column(s) title" in problems[1].message
    _, problems = userplaces.check_file(tmp_path / "missing.tsv", country_codes())
    assert [str(p) for p in problems] == [f"{tmp_path / 'missing.tsv'}: no such file"]
    empty = tmp_path / "empty.tsv"
    empty.write_text("# nothing yet\n\nname\tlat\tlon\n", encoding="utf-8")
    _, problems = userplaces.check_file(empty, country_codes())
    assert [p.message for p in problems] == ["no place rows after the header"]


def test_the_variable_names_files_in_order(tmp_path):
    a, b = tmp_path / "a.tsv", tmp_path / "b.tsv"
    assert userplaces.configured_files({userplaces.ENV: f"{a}{os.pathsep}{os.pathsep}{b}"}) == [a, b]
    assert userplaces.configured_files({userplaces.ENV: " "}) == [] == userplaces.configured_files({})


def test_without_place_files_the_index_is_the_usual_one(monkeypatch, files):
    usual = _fingerprint()
    monkeypatch.setenv(userplaces.ENV, "")
    assert _fingerprint() == usual
    monkeypatch.setenv(userplaces.ENV, str(files[0]))
    mine = _fingerprint()
    assert mine != usual
    files[0].write_text(GOOD.replace("12.52", "12.53"), encoding="utf-8")
    assert _fingerprint() not in (usual, mine)  # (a changed file: the index is built again)


@pytest.fixture(scope="module")
def user_gazetteer(tmp_path_factory):
    folder = tmp_path_factory.mktemp("user_places")
    places = folder / "places.tsv"
    places.write_text(GOOD, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("NEWSLEDGER_CACHE_DIR", str(folder / "cache"))
        mp.setenv(userplaces.ENV, str(places))
        g = Gazetteer()  # (built here: some 20 s)
    return g


def test_the_users_places_join_the_index(user_gazetteer):
    g = user_gazetteer
    crossing = g.exact("Vellmora Crossing")
    assert [(e.name, e.kind, e.country, e.lat, e.lon, e.source) for e in crossing] == [
        ("Vellmora Crossing", "feature", "SD", 12.52, 23.14, "extra")]
    assert g.exact("Vellmora border post") == crossing  # (its other name)
    camp = g.exact("Qarvesh Camp")[0]
    assert (camp.kind, camp.population) == ("city", 14000)
    assert g.exact("Ostrel Ridge")[0].kind == "region"  # (no kind: a region)
    assert g.exact("Paris") and g.exact("Kyiv")  # (and everything else still there)


def test_a_text_naming_the_users_place_finds_it(nlp, user_gazetteer):
    from newsledger.nlp.places import find_places

    doc = nlp("Aid trucks waited for two days at Vellmora Crossing before the border reopened.")
    found = {p.text: (p.lat, p.lon) for p in find_places(doc, user_gazetteer)}
    assert found.get("Vellmora Crossing") == (12.52, 23.14)


def test_a_bad_file_stops_the_build_with_its_lines_and_leaves_no_index(tmp_path, monkeypatch, files):
    monkeypatch.setenv("NEWSLEDGER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv(userplaces.ENV, f"{files[0]}{os.pathsep}{files[1]}")
    with pytest.raises(userplaces.PlacesFileError) as caught:
        Gazetteer()
    assert f"{files[1]}:2: kind 'castle'" in str(caught.value) and "and 2 more" in str(caught.value)
    assert len(caught.value.problems) == 7
    assert not list(tmp_path.glob("cache/*.sqlite"))


def test_check_command(files, monkeypatch):
    runner = CliRunner()
    done = runner.invoke(main, ["gazetteer", "check", str(files[0])])
    assert done.exit_code == 0 and "good.tsv: 3 place(s), no problem" in done.output
    done = runner.invoke(main, ["gazetteer", "check", str(files[0]), str(files[1])])
    assert done.exit_code == 1 and "bad.tsv: 1 place(s), 7 problem(s)" in done.output
    assert f"{files[1]}:4: lat 91 is out of range" in done.output
    monkeypatch.delenv(userplaces.ENV, raising=False)
    done = runner.invoke(main, ["gazetteer", "check"])
    assert done.exit_code == 2 and "NEWSLEDGER_PLACES" in done.output
    monkeypatch.setenv(userplaces.ENV, str(files[1]))
    done = runner.invoke(main, ["gazetteer", "check"])
    assert done.exit_code == 1 and "bad.tsv: 1 place(s)" in done.output


def test_lookup_command(monkeypatch):
    monkeypatch.delenv(userplaces.ENV, raising=False)
    runner = CliRunner()
    done = runner.invoke(main, ["gazetteer", "lookup", "Kiev", "--json"])
    assert done.exit_code == 0, done.output
    places = json.loads(done.output)[0]["places"]
    assert places[0]["name"] == "Kyiv" and places[0]["country"] == "UA" and places[0]["own_name"] is False
    done = runner.invoke(main, ["gazetteer", "lookup", "Paris", "Xqzzyville", "--limit", "2"])
    assert done.exit_code == 1
    assert "Paris:" in done.output and "the first 2" in done.output
    assert "Xqzzyville: no place of that name" in done.output
    done = runner.invoke(main, ["gazetteer", "lookup", "Tbilisii", "--json"])
    assert done.exit_code == 0
    [hit] = json.loads(done.output)
    assert hit["closest_spelling"] is True and hit["places"][0]["name"] == "Tbilisi"
    done = runner.invoke(main, ["gazetteer", "lookup", "Tbilisii", "--exact"])
    assert done.exit_code == 1  # (no closest spelling with --exact)


def test_analyze_stops_at_once_on_a_bad_place_file(files, tmp_path, monkeypatch):
    text = tmp_path / "a.txt"
    text.write_text("Talks resumed in Geneva on Monday.", encoding="utf-8")
    monkeypatch.setenv(userplaces.ENV, str(files[1]))
    done = CliRunner().invoke(main, ["analyze", str(text), "--jsonl", str(tmp_path / "out.jsonl")])
    assert done.exit_code == 1 and f"{files[1]}:2: kind 'castle'" in done.output
    assert not (tmp_path / "out.jsonl").exists()  # (stopped before any output)
