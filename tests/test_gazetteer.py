"""The offline gazetteer: load time and memory, lookups, variants, demonyms."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import time

import pytest

from newsledger.gazetteer import get_gazetteer, haversine_km, normalize, sovereign, uszips
from newsledger.gazetteer.core import particle_variants


@pytest.fixture(scope="module")
def g():
    return get_gazetteer()  # builds the index once per machine


def test_load_time_and_memory(g):
    # load the index the fixture built (a changed environment must not make this a build)
    code = (
        "import time\n"
        "t = time.perf_counter()\n"
        "from newsledger.gazetteer import Gazetteer\n"
        f"gz = Gazetteer({str(g.path)!r})\n"
        "gz.lookup('Moscow'); gz.country_for_demonym('Azeri')\n"
        "dt = time.perf_counter() - t\n"
        # current resident memory (ru_maxrss would inherit the parent's peak)
        "rss = [int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmRSS')][0] / 1024\n"
        "print(dt, rss)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    dt, rss_mb = map(float, out.stdout.split())
    assert dt < 1.0
    assert rss_mb < 300


def test_normalize():
    assert normalize("Nagorno-Karabakh") == normalize("nagorno karabakh")
    assert normalize("Zürich") == "zurich"
    assert normalize("St. Louis") == normalize("Saint Louis")
    assert normalize("U.S.") == "u s"


def test_lookup_city_and_variants(g):
    kyiv = g.lookup("Kyiv")[0]
    assert kyiv.country == "UA" and kyiv.kind == "city"
    assert g.lookup("Kiev")[0].geonameid == kyiv.geonameid
    assert g.lookup("Zurich")[0].country == "CH"
    assert g.lookup("Sao Paulo")[0].country == "BR"
    moscow = g.lookup("Moscow")
    assert moscow[0].country == "RU"
    assert any(e.country == "US" and e.admin1 == "ID" for e in moscow)


def test_lookup_extras_and_countries(g):
    nk = g.lookup("Nagorno-Karabakh")[0]
    assert nk.kind == "region" and nk.country == "AZ"
    assert haversine_km(nk.lat, nk.lon, 39.8, 46.75) < 100
    assert g.lookup("Strait of Hormuz")[0].kind == "feature"
    assert g.lookup("Shah Deniz")[0].country == "AZ"
    assert g.lookup("Lachin corridor")[0].country == "AZ"
    assert g.lookup("Gaza Strip")[0].country == "PS"
    assert g.lookup("U.S.")[0].country == "US"
    ohio = g.lookup("Ohio")[0]
    assert ohio.kind == "region" and ohio.admin1 == "OH"
    assert g.lookup("Laurel County")[0].admin1 == "KY"


def test_alternate_name_reaches_karabakh_town(g):
    ids = {e.geonameid for e in g.lookup("Martuni")}
    assert 146969 in ids  # the town in Nagorno-Karabakh (Khojavend)


def test_every_name_passes_the_hash_filter_and_a_place_is_one_entry_under_its_names(g):
    # the index's keys all pass the first cut of the hashes' search (none is
    # lost to it), and a name it does not hold finds nothing
    keys = [k for (k,) in g._con.execute("SELECT key FROM names ORDER BY random() LIMIT 2000")]
    assert all(g._may_hold(k) for k in keys)
    assert not any(g._may_hold(f"{k} zqxv") for k in keys[:200])
    # Kyiv read under two of its names is one entry, made once
    (kyiv,) = [e for e in g.exact("Kyiv") if e.kind == "city" and e.country == "UA"][:1]
    assert any(e is kyiv for e in g.exact("Kiev"))


def test_fuzzy_fallback(g):
    assert g.lookup("Yerevann")[0].geonameid == g.lookup("Yerevan")[0].geonameid
    assert g.exact("Yerevann") == []


def test_particle_glued_or_apart_is_one_name(g):
    # "De Baca County" written "DeBaca County", "Van Buren County" "VanBuren County"
    assert [e.name for e in g.exact("DeBaca County")] == ["De Baca County"]
    assert g.exact("VanBuren County") and all(e.name == "Van Buren County" for e in g.exact("VanBuren County"))
    # a particle only where it is one: no "Del Mar" for "Delmar", no split of a lower-case word
    assert particle_variants("Delmar Parish") == []
    assert particle_variants("La Salle County") == ["LaSalle County"]
    assert particle_variants("DeSoto Parish") == ["De Soto Parish"]


def test_countries_demonyms_capitals(g):
    assert g.country("az").name == "Azerbaijan"
    assert g.country_for_demonym("Azerbaijani") == "AZ"
    assert g.country_for_demonym("Azeri") == "AZ"
    assert g.country_for_demonym("Armenians") == "AM"
    assert g.country_for_demonym("Swiss") == "CH"
    assert g.country_for_demonym("Table") is None
    assert g.capital_of("AZ").name == "Baku"
    assert g.capital_of("AM").name == "Yerevan"
    assert g.capital_of("US").admin1 == "DC"
    assert g.country_code("Britain") == "GB"
    assert g.place_for_demonym("Texan").admin1 == "TX"


def test_rivers_and_features(g):
    assert any(e.kind == "feature" for e in g.exact("Dniester"))
    assert any(e.kind == "feature" for e in g.exact("Nistru"))
    (cob,) = [e for e in g.exact("Cobasna") if e.country == "MD"]
    assert haversine_km(cob.lat, cob.lon, 47.9, 29.0) < 50
    assert any(e.country == "MD" for e in g.exact("Gura Bicului"))
    # a river by its name in the languages of its own country ("Ganga")
    assert any(e.kind == "feature" and e.name == "Ganges" for e in g.exact("Ganga"))


@pytest.mark.slow
def test_concurrent_first_use_by_two_processes(tmp_path):
    code = ("from newsledger.gazetteer import Gazetteer\n"
            "print(Gazetteer().lookup('Moscow')[0].country)\n")
    env = dict(__import__("os").environ, NEWSLEDGER_CACHE_DIR=str(tmp_path))
    procs = [subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE,
                              text=True) for _ in range(2)]
    outs = [p.communicate(timeout=300)[0].strip() for p in procs]
    assert outs == ["RU", "RU"]
    assert [f.suffix for f in tmp_path.iterdir()] == [".sqlite"]


def test_country_and_province_centres_follow_geonames(g):
    # GeoNames (the reference gazetteer of news geoparsing corpora) puts
    # Canada's centre in northern Alberta, not at its area centroid
    from newsledger.gazetteer import haversine_km

    canada = g.country("CA")
    assert haversine_km(canada.lat, canada.lon, 60.1, -113.6) < 50
    alberta = [e for e in g.exact("Alberta") if e.kind == "region"][0]
    assert haversine_km(alberta.lat, alberta.lon, 52.3, -117.5) < 50
    for name in ("Jiangsu", "Hunan", "Guangxi"):
        assert any(e.kind == "region" and e.country == "CN" for e in g.exact(name)), name


def test_subdivisions_sit_at_their_own_centres(g):
    # first-level ones (a Brazilian state named like a town of another state),
    # and counties pycountry lists under a parent (English and Scottish ones)
    from newsledger.gazetteer import haversine_km

    for name, cc, lat, lon in (("Tocantins", "BR", -10.2, -48.3), ("Suffolk", "GB", 52.2, 1.0),
                               ("Fife", "GB", 56.3, -3.1), ("Santa Catarina", "BR", -27.2, -50.3)):
        regions = [e for e in g.exact(name) if e.kind == "region" and e.country == cc]
        assert regions, name
        assert haversine_km(regions[0].lat, regions[0].lon, lat, lon) < 120, name
        assert not regions[0].approx, name


def test_provinces_bear_the_geonames_codes_of_their_towns(g):
    # a first-level division carries the admin1 code its towns have in the
    # city list, so a town and its province agree ("Río Gallegos" in "Santa
    # Cruz", "Maracaibo" in "Zulia", "Paraná" in "Entre Ríos")
    for town, tcc, province in (("Río Gallegos", "AR", "Santa Cruz"), ("Maracaibo", "VE", "Zulia"),
                                ("Paraná", "AR", "Entre Ríos"), ("Kisumu", "KE", "Kisumu")):
        city = next(e for e in g.exact(town) if e.kind == "city" and e.country == tcc)
        region = next(e for e in g.exact(province) if e.kind == "region" and e.country == tcc)
        assert city.admin1 and region.admin1 == city.admin1, (town, city.admin1, province, region.admin1)
    # a code that several divisions would share is none of theirs (the West
    # Bank's governorates lie in one GeoNames division)
    codes = [e.admin1 for name in ("Hebron", "Nablus") for e in g.exact(name)
             if e.kind == "region" and e.country == "PS"]
    assert len(codes) == len(set(codes)) == 2, codes


def test_misplaced_geonames_cities_stand_where_our_corrections_put_them(g):
    # a ward of Tokyo GeoNames files under another prefecture, and a
    # misspelt ward whose old spelling still finds it
    from newsledger.gazetteer import haversine_km

    for name, lat, lon in (("Shinagawa", 35.61, 139.73), ("Edogawe", 35.69, 139.87)):
        ward = g.exact(name)[0]
        assert (ward.country, ward.admin1) == ("JP", "40"), name
        assert haversine_km(ward.lat, ward.lon, lat, lon) < 10, name
    assert g.exact("Edogawa")[0].name == "Edogawa"
    # a great city GeoNames lists without people ranks by its own
    sg = g.exact("São Gonçalo")[0]
    assert (sg.country, sg.admin1) == ("BR", "21") and sg.population >= 1_000_000
    # a great city's district listed as a city ranks below the city of its name elsewhere
    for name, cc, (lat, lon) in (("Salamanca", "ES", (40.97, -5.66)), ("Santana", "BR", (-0.06, -51.17))):
        top = max((e for e in g.exact(name) if e.country == cc and e.kind == "city"), key=lambda e: e.population)
        assert haversine_km(top.lat, top.lon, lat, lon) < 20, (name, top)


def test_subdivision_names_lose_pycountrys_brackets_and_inverted_kinds(g):
    # pycountry writes "Pembrokeshire [Sir Benfro GB-BNF]" and "Adygeya,
    # Respublika": the own name is the first part, the bracket's a second name
    from newsledger.gazetteer.core import _subdivision_name

    assert _subdivision_name("Vale of Glamorgan, The [Bro Morgannwg GB-BMG]")[0] == "Vale of Glamorgan"
    assert "Bro Morgannwg" in _subdivision_name("Vale of Glamorgan, The [Bro Morgannwg GB-BMG]")[1]
    assert _subdivision_name("Stockholms län [SE-01]") == ("Stockholms län", ["Stockholms län [SE-01]"])
    wales = [e for e in g.exact("Pembrokeshire") if e.kind == "region"]
    assert wales and wales[0].name == "Pembrokeshire" and wales[0].country == "GB"
    assert any(e.id == wales[0].id for e in g.exact("Sir Benfro"))
    assert any(e.name == "Adygeya" and e.country == "RU" for e in g.exact("Adygeya"))


def test_county_abbreviation_and_county_points(g):
    # "Co." is read as "County"
    assert normalize("Boone Co.") == normalize("Boone County")
    hits = [e for e in g.exact("Boone Co.") if e.source == "county"]
    assert hits and all(e.country == "US" for e in hits)


def test_county_point_without_zip_data_stands_at_a_namesake_town_or_the_state():
    from newsledger.gazetteer.core import _county_point

    # (state, key) -> (population, lat, lon) of the largest place of that name
    towns = {("AL", "madison"): (46962, 34.70, -86.75), ("WI", "madison"): (270000, 43.07, -89.40)}
    states = {("US", "AL"): (32.75, -86.75)}
    # the same-named town of its own state, even when a bigger one lies elsewhere
    assert _county_point("Madison County", "AL", None, towns, states) == (34.70, -86.75, True)
    # no namesake: the state's centre; no state row either: nothing
    assert _county_point("Winston County", "AL", None, towns, states) == (32.75, -86.75, True)
    assert _county_point("Winston County", "MS", None, towns, states) is None


def test_county_point_from_zip_data_is_exact():
    from newsledger.gazetteer.core import _county_point

    zips = uszips.ZipData(version="test")
    zips.counties[("AL", uszips.county_key("De Kalb County"))] = uszips.ZipCounty(
        "AL", "De Kalb County", 34.45, -85.80, 12)
    assert _county_point("DeKalb County", "AL", zips, {}, {}) == (34.45, -85.80, False)


def test_us_counties_sit_at_their_zip_centres(g):
    pytest.importorskip("zipcodes")
    # the centre of the county's ZIP points, no longer a stand-in
    story = [e for e in g.exact("Story County") if e.admin1 == "IA"]
    assert story and not story[0].approx
    assert haversine_km(story[0].lat, story[0].lon, 42.04, -93.46) < 25
    hamilton = [e for e in g.exact("Hamilton County") if e.admin1 == "OH"]
    assert hamilton and haversine_km(hamilton[0].lat, hamilton[0].lon, 39.19, -84.54) < 25
    # every county the package knows has its centre: no county in the
    # fifty states is left at a stand-in point
    approx = g._query("SELECT * FROM entries WHERE source = 'county' AND approx = 1 "
                      "AND admin1 NOT IN ('AS', 'GU', 'MP', 'UM', 'VI', 'PR', 'VA')", ())
    assert not approx, [e.name for e in approx][:10]


def test_small_us_towns_come_from_zip_data(g):
    pytest.importorskip("zipcodes")
    town = [e for e in g.exact("Caratunk") if e.country == "US"]
    assert town and town[0].admin1 == "ME" and town[0].kind == "city" and town[0].source == "town"
    assert haversine_km(town[0].lat, town[0].lon, 45.23, -69.99) < 30
    # a town the city list has is not added twice
    assert len([e for e in g.exact("Bangor") if e.admin1 == "ME" and e.kind == "city"]) == 1


def test_stale_indexes_of_other_inputs_are_pruned(tmp_path):
    import os

    from newsledger.gazetteer.core import prune_stale_indexes

    current = tmp_path / "gazetteer-current.sqlite"
    old = tmp_path / "gazetteer-old.sqlite"
    recent = tmp_path / "gazetteer-recent.sqlite"
    other = tmp_path / "notes.txt"
    half_built = tmp_path / "gazetteer-old.sqlite.k3j2x"
    building = tmp_path / "gazetteer-new.sqlite.a8b7c"
    for path in (current, old, recent, other, half_built, building):
        path.write_bytes(b"x")
    long_ago = time.time() - 30 * 86400
    for path in (current, old, other, half_built):
        os.utime(path, (long_ago, long_ago))
    assert sorted(prune_stale_indexes(tmp_path, keep=current)) == sorted([old, half_built])
    assert all(p.exists() for p in (current, recent, other, building))
    assert not old.exists() and not half_built.exists()


def test_opening_an_index_marks_its_use(g, tmp_path):
    import os
    import shutil

    from newsledger.gazetteer.core import Gazetteer

    copy = tmp_path / "gazetteer-copy.sqlite"
    shutil.copy(g.path, copy)
    long_ago = time.time() - 30 * 86400
    os.utime(copy, (long_ago, long_ago))
    Gazetteer(copy)
    assert copy.stat().st_mtime > time.time() - 600


def test_normalize_plain_ascii_and_marks():
    # the fast path for plain ASCII names and the full path agree on what they share
    assert normalize("New  York") == "new york"
    assert normalize("O'Hare") == "ohare"
    assert normalize("Mt. Hood") == "mount hood"
    assert normalize("Winston-Salem") == "winston salem"
    assert normalize("Hawaiʻi") == "hawaii"  # a modifier letter is an apostrophe
    assert normalize("ST LOUIS") == normalize("Saint Louis")


def test_normalize_folds_eth_and_maltese_h(g):
    # letters no decomposition folds: a town whose own name has them is found by it
    assert normalize("Hafnarfjörður") == normalize("HAFNARFJÖRÐUR") == "hafnarfjordur"
    assert normalize("Xgħajra") == "xghajra"
    town = g.exact("Hafnarfjörður")[0]
    assert town.country == "IS" and town.id in g.main_ids("Hafnarfjörður")


def test_normalize_folds_capital_ligatures(g):
    # a capital ligature folds as its small one does: a dateline's "CHÂTEAU-D'ŒX" is the town
    assert normalize("Château-d'Œx") == normalize("CHÂTEAU-D'ŒX") == normalize("Chateau-d'Oex") == "chateau doex"
    assert normalize("ÆRØSKØBING") == normalize("Ærøskøbing") == "aeroskobing"
    assert any(e.country == "CH" for e in g.exact("Château-d'Œx"))


def test_prefetch_changes_no_answer(g):
    from newsledger.gazetteer import Gazetteer

    names = ["Paris", "PARIS", "Springfield", "The Hague", "the Gambia", "Washington", "Laurel County",
             "Nowhere Particular", "U.S.", "St. Louis", "Xqzzy", ""]
    fresh = Gazetteer(g.path)
    ahead = Gazetteer(g.path)
    ahead.prefetch(names)
    ahead._con.close()  # what prefetch() read answers without another query
    for name in names:
        assert ahead.exact(name) == fresh.exact(name), name
        assert ahead.main_name_ids(name) == fresh.main_name_ids(name), name
    assert fresh.exact("Springfield") and fresh.main_name_ids("Springfield")


def test_prefetch_knows_at_once_the_names_no_place_has(g):
    from newsledger.gazetteer import Gazetteer

    names = ["Xqzzy", "Nowhere Particular", "", "Trinidad & Tobago", "DeSoto Parish", "De Soto Parish",
             "The Bronx", "the Gambia", "Paris"]
    fresh, ahead = Gazetteer(g.path), Gazetteer(g.path)
    ahead.prefetch(names)
    # (a name no place has, which exact() would try in no other spelling, is known to find nothing)
    assert {n: ahead._exact[n] for n in names[:3]} == {"Xqzzy": (), "Nowhere Particular": (), "": ()}
    # (a name it would try without "the", with "and" or with its particle moved is left to it)
    assert not set(ahead._exact) & set(names[3:])
    for name in names:
        assert ahead.exact(name) == fresh.exact(name), name
    assert all(fresh.exact(name) for name in names[3:])


def test_keys_held_in_one_loop_are_those_the_hash_search_finds(g):
    from newsledger.gazetteer.core import _among, _held

    hashes, starts = g._hashes()
    keys = ["paris", "springfield", "xqzzy", "nowhere particular", "the hague", "kyiv", "", "são paulo", "withs"]
    assert _held(hashes, starts, keys) == [k for k in keys if _among(hashes, starts, k)]
    assert {"paris", "springfield", "kyiv"} <= set(_held(hashes, starts, keys)) and "xqzzy" not in _held(
        hashes, starts, keys)


def test_each_name_carries_its_entrys_columns_as_the_entries_table_has_them(g):
    # (the names table repeats an entry's columns beside each of its names, read in one run)
    differ = g._con.execute(
        "SELECT COUNT(*) FROM names n JOIN entries e ON e.id = n.id WHERE n.name IS NOT e.name "
        "OR n.lat IS NOT e.lat OR n.lon IS NOT e.lon OR n.country IS NOT e.country "
        "OR n.geonameid IS NOT e.geonameid OR n.kind IS NOT e.kind OR n.population IS NOT e.population "
        "OR n.admin1 IS NOT e.admin1 OR n.source IS NOT e.source OR n.approx IS NOT e.approx").fetchone()[0]
    orphans = g._con.execute("SELECT COUNT(*) FROM names n LEFT JOIN entries e ON e.id = n.id "
                             "WHERE e.id IS NULL").fetchone()[0]
    assert (differ, orphans) == (0, 0)


def test_key_hashes_are_the_same_in_every_process():
    code = "from newsledger.gazetteer.core import _key_hash; print(_key_hash('paris'), _key_hash('são paulo'))"
    outs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")}
    assert len(outs) == 1 and all(int(v) > 1 << 32 for v in outs.pop().split())


def test_names_no_place_has_are_answered_without_a_query(g):
    import sqlite3
    from array import array

    from newsledger.gazetteer import Gazetteer

    names = ["Paris", "Springfield", "The Hague", "Laurel County", "Kyiv", "Khankendi", "San Juan",
             "Nowhere Particular", "Controversials", "Withs", "County Road 3 Parish", "Xqzzy", "St. Louis"]
    filtered = Gazetteer(g.path)
    plain = Gazetteer(g.path)
    plain._key_hashes = array("Q")  # (as an index written without its keys' hashes: every name is asked)
    for name in names:
        assert filtered.exact(name) == plain.exact(name), name
        assert filtered.main_name_ids(name) == plain.main_name_ids(name), name
    lone = Gazetteer(g.path)
    assert lone._may_hold("paris") and not lone._may_hold("controversials")
    lone._con.close()
    assert lone.exact("Controversials") == [] and lone.main_name_ids("Xqzzy Withs") == set()
    with pytest.raises(sqlite3.ProgrammingError):
        lone.exact("Paris")  # (a name a place has is still read from the index)


def test_fuzzy_key_looks_among_keys_of_near_length(g):
    assert g.fuzzy_key("tbilisii") == "tbilisi"
    assert g.fuzzy_key("philadelphiaa") == "philadelphia"  # a longer key than the shortest allowed
    assert g.fuzzy_key("qqqqqqqqqq") is None


def test_fuzzy_search_reads_only_the_keys_of_its_first_letter_and_near_lengths(g):
    from newsledger.gazetteer import Gazetteer
    from newsledger.gazetteer.core import _fuzzy_groups

    fresh = Gazetteer(g.path)
    assert fresh.fuzzy_key("tbilisii") == "tbilisi"  # (8 letters: keys of 7 to 9 may match)
    assert set(fresh._fuzzy_groups) == {("t", 7), ("t", 8), ("t", 9)}  # (not the 190,000 keys of all)
    keys = fresh._fuzzy_groups[("t", 7)]
    assert "tbilisi" in keys and keys == sorted(keys) and {len(k) for k in keys} == {7}
    assert fresh.fuzzy_key("xqzzyville") is None and fresh.fuzzy_key("9999999") is None
    assert fresh.fuzzy_key("tbilisii") == "tbilisi"  # (again, from the groups read)
    assert _fuzzy_groups(["bb", "ab", "a", "ba", "b", ""]) == {
        ("a", 1): ["a"], ("a", 2): ["ab"], ("b", 1): ["b"], ("b", 2): ["ba", "bb"]}


def test_may_know_is_false_only_where_exact_finds_nothing(g):
    from newsledger.gazetteer import Gazetteer

    fresh = Gazetteer(g.path)
    names = ["Paris", "las vegas", "lasvegas", "la svegas", "the hague", "The Bronx", "Trinidad & Tobago",
             "DeSoto Parish", "De Soto Parish", "LaSalle County", "xqzzy", "richmondregister", "Ft. Worth",
             "São Paulo", "", "  ", "hunterdon county", "pitt county", "the xqzzy"]
    for name in names:
        if not fresh.may_know(name):
            assert g.exact(name) == [], name
    assert fresh.may_know("Paris") and fresh.may_know("las vegas") and fresh.may_know("Trinidad & Tobago")
    assert fresh.may_know("DeSoto Parish") and fresh.may_know("the hague")
    assert not fresh.may_know("lasvegas") and not fresh.may_know("xqzzy") and not fresh.may_know("")
    assert not fresh.may_know("the xqzzy")
    fresh.exact("Xqzzy Town")  # (a name looked up before is answered from that lookup)
    assert not fresh.may_know("Xqzzy Town")


def test_may_open_is_false_only_for_words_no_name_opens_with(g):
    from newsledger.gazetteer import Gazetteer
    from newsledger.gazetteer.core import _read_array

    fresh = Gazetteer(g.path)
    keys = [r[0] for r in g._con.execute("SELECT key FROM names WHERE seq % 997 = 0").fetchall()]
    assert len(keys) > 500 and all(fresh.may_open(k.split(" ", 1)[0]) for k in keys)
    assert fresh.may_open("Lusaka") and fresh.may_open("Saint") and fresh.may_open("St.")
    assert fresh.may_open("São") and fresh.may_open("Sao")
    # (exact tries a name without "the" and with its particle glued or apart)
    assert fresh.may_open("The") and fresh.may_open("DeSoto") and fresh.may_open("LaSalle")
    for word in ("Xqzzyvor", "Qwerbank", "Zzxqvillez"):
        assert not fresh.may_open(word)
        assert g.exact(word) == [] and g.exact(word + " County") == [] and g.exact(word + " River") == []
    plain = Gazetteer(g.path)
    plain._openers = (_read_array(None), [])  # (an index written without the words: every word may open one)
    assert plain.may_open("Xqzzyvor")


def test_region_people_words_are_read_from_the_index_as_the_table_gives_them(g, monkeypatch):
    from newsledger.gazetteer import Gazetteer, core

    table = core._region_demonyms()
    assert table[normalize("Texans")] == "Texas" and len(table) > 50
    # (a gazetteer opened on the index reads them there, not from places_extra.tsv)
    monkeypatch.setattr(core, "_read_tsv", lambda name: pytest.fail(f"read {name} at run time"))
    fresh = Gazetteer(g.path)
    assert fresh._region_demonym_table() == table
    assert fresh.place_for_demonym("Texan").name == "Texas"


def test_sovereigns_read_the_country_table_once(monkeypatch):
    from newsledger.gazetteer import core

    core._load_countries()  # (the table read)
    core._sovereigns.cache_clear()
    monkeypatch.setattr(core, "_read_tsv", lambda name: pytest.fail(f"read {name} again"))
    assert sovereign("SJ") == "NO" and sovereign("FR") is None
    mine = core._load_countries()
    mine.pop("FR")
    assert "FR" in core._load_countries()  # (each caller has its own copy)


def test_county_without_a_namesake_sits_at_its_states_centre_not_a_feature(g):
    # a county with no town of its name in its state stands at the state's own
    # row of places_extra.tsv, never at a lake, park or river listed in that state
    features = {(round(e.lat, 4), round(e.lon, 4)) for e in g._query(
        "SELECT * FROM entries WHERE kind = 'feature' AND country = 'US'", ())}
    states = {e.admin1: (round(e.lat, 4), round(e.lon, 4)) for e in g._query(
        "SELECT * FROM entries WHERE source = 'state' AND kind = 'region'", ())}
    counties = g._query("SELECT * FROM entries WHERE source = 'county'", ())
    assert counties
    misplaced = [c.name for c in counties if (round(c.lat, 4), round(c.lon, 4)) in features
                 and (round(c.lat, 4), round(c.lon, 4)) != states.get(c.admin1)]
    assert not misplaced


# --- US counties and small towns read from the zipcodes package (gazetteer/uszips.py)
def _zip(city, state, county, lat, lon, kind="STANDARD"):
    return {"zip_code_type": kind, "city": city, "state": state, "county": county,
            "lat": str(lat), "long": str(lon), "acceptable_cities": []}


def test_missing_package_gives_no_rows_and_says_why(monkeypatch, caplog):
    monkeypatch.setitem(sys.modules, "zipcodes", None)  # import zipcodes -> ImportError
    with caplog.at_level(logging.INFO, logger="newsledger.gazetteer.uszips"):
        assert uszips.load() is None
    assert uszips.version() is None
    assert "zipcodes package is not installed" in caplog.text


def test_county_centre_leaves_out_a_far_zip():
    rows = [_zip("Ames", "IA", "Story County", 42.03, -93.62),
            _zip("Nevada", "IA", "Story County", 42.02, -93.45),
            _zip("Huxley", "IA", "Story County", 41.90, -93.60),
            # filed under the county by mistake, 600 km away
            _zip("Elsewhere", "IA", "Story County", 42.50, -86.00)]
    (county,) = uszips._counties(rows).values()
    assert county.name == "Story County" and county.n_zips == 4
    assert abs(county.lat - 41.983) < 0.01 and abs(county.lon + 93.557) < 0.01


def test_towns_split_distant_namesakes_of_one_state_and_merge_near_zips():
    rows = [_zip("Springdale", "IL", "North County", 40.00, -90.00),
            _zip("Springdale", "IL", "North County", 40.05, -90.05),
            _zip("Springdale", "IL", "South County", 37.00, -90.00),
            _zip("SPRINGDALE", "SD", "West County", 45.00, -100.00),
            _zip("Overseas", "AE", "", 0.0, 0.0, kind="MILITARY")]
    towns = uszips._towns([r for r in rows if uszips._usable(r)])
    by_state = {}
    for t in towns:
        by_state.setdefault(t.state, []).append(t)
    assert sorted(len(v) for v in by_state.values()) == [1, 2]
    north = next(t for t in by_state["IL"] if t.county == "North County")
    assert north.n_zips == 2 and abs(north.lat - 40.025) < 1e-6
    assert by_state["SD"][0].name == "Springdale"  # written in capitals by the package
    assert "AE" not in by_state


def test_zip_rows_of_territories_and_closed_offices_are_left_out():
    # GeoNames files Puerto Rico, Guam ... as countries of their own: their post offices
    # would come back as "US" towns; a closed post office is no town
    closed = dict(_zip("Oldmill", "OH", "Stark County", 40.8, -81.4), active=False)
    assert not uszips._usable(_zip("Ponce", "PR", "Ponce Municipio", 18.01, -66.61))
    assert not uszips._usable(_zip("Hagatna", "GU", "", 13.47, 144.75))
    assert not uszips._usable(closed)
    assert uszips._usable(_zip("Canton", "OH", "Stark County", 40.8, -81.4))


def test_territory_towns_keep_their_own_country(g):
    pytest.importorskip("zipcodes")
    assert {e.country for e in g.exact("Ponce") if e.kind == "city"} <= {"PR", "CU"}


def test_territories_know_the_country_they_belong_to():
    assert sovereign("SJ") == "NO" and sovereign("GL") == "DK" and sovereign("PR") == "US"
    assert sovereign("NO") is None and sovereign(None) is None and sovereign("") is None


def test_county_key_folds_spelling():
    assert uszips.county_key("DeKalb County") == uszips.county_key("De Kalb County")
    assert uszips.county_key("St. Louis County") == uszips.county_key("Saint Louis County")


def test_provinces_are_a_countrys_great_parts(g):
    def provinces(name):
        return {e.country for e in g.exact(name) if g.is_province(e)}

    assert provinces("Sonora") == {"MX"}
    assert provinces("Free State") == {"ZA"}
    assert provinces("Tocantins") == {"BR"}
    assert provinces("Lazio") == {"IT"}
    # a county, district or town is none
    assert provinces("Nakuru") == set()
    assert provinces("Springfield") == set()
    assert not any(g.is_province(e) for e in g.exact("Lyon"))


def test_sites_mines_and_basins_and_no_loose_match_of_features(g):
    assert [e.country for e in g.exact("Chuquicamata") if e.kind == "feature"] == ["CL"]
    assert any(e.kind == "feature" for e in g.exact("Permian Basin"))
    # a feature's name is never a misspelling's target
    assert g.fuzzy_key("quran") != "qumran"


def test_small_lands_are_read_from_geonames_areas():
    from newsledger.gazetteer import small_land

    assert small_land("JM") and small_land("LB")  # Jamaica's parishes, Lebanon's governorates
    assert not small_land("FR") and not small_land("US") and not small_land(None) and not small_land("")


def test_regions_of_a_state_in_our_table_are_no_states():
    g = get_gazetteer()
    front = [e for e in g.exact("Front Range") if e.country == "US"]
    assert front and all(e.source == "extra" for e in front)  # a US row without admin1 is a region, not a state


def test_divisions_merged_away_keep_their_own_centres():
    g = get_gazetteer()
    # Viet Nam's provinces merged in 2025: at their own centres, not the
    # country's nor a namesake town's (a "Phù Yên" lies 900 km north)
    for name, (lat, lon) in {"Binh Duong": (11.1, 106.7), "Phu Yen": (13.2, 109.1), "Long An": (10.7, 106.2),
                             "Kien Giang": (10.0, 105.1), "Viken": (60.1, 9.9)}.items():
        rows = [e for e in g.exact(name) if e.source == "subdivision"]
        assert rows and not rows[0].approx, name
        assert haversine_km(rows[0].lat, rows[0].lon, lat, lon) < 80, (name, rows[0])


def test_divisions_the_database_puts_in_a_neighbour_stand_at_our_centres():
    g = get_gazetteer()
    # a county's or a borough's point at a namesake village far off (Bolton
    # of East Lothian, Dudley of Northumberland) or in the next county (Clare's in Galway)
    for name, cc, (lat, lon) in (("Clare", "IE", (52.85, -8.98)), ("Bolton", "GB", (53.58, -2.43)),
                                 ("Dudley", "GB", (52.51, -2.09)), ("Newport", "GB", (51.59, -3.0)),
                                 ("Brent", "GB", (51.56, -0.27))):
        rows = [e for e in g.exact(name) if e.source == "subdivision" and e.country == cc]
        assert rows and not rows[0].approx, name
        assert haversine_km(rows[0].lat, rows[0].lon, lat, lon) < 20, (name, rows[0])


def test_a_division_that_is_a_country_of_its_own_is_the_countrys_row():
    g = get_gazetteer()
    for name, code in (("Aruba", "AW"), ("Curacao", "CW")):
        rows = g.exact(name)
        assert rows[0].country == code and rows[0].kind == "country"
        assert not any(e.country == "NL" and e.source == "subdivision" for e in rows), name
    assert [e for e in g.exact("Southern Nations") if e.country == "ET"]  # (a code that is another country's)


def test_the_index_is_read_through_a_memory_map(g):
    from newsledger.gazetteer.core import MMAP_BYTES

    (size,) = g._con.execute("PRAGMA mmap_size").fetchone()
    assert size == MMAP_BYTES > g.path.stat().st_size  # (the whole file, as it stands today)


def test_demonyms_of_several_words_are_known_by_their_first_word(g):
    for name in ("Sri Lankan", "Papua New Guinean", "Sierra Leoneans", "Saudi Arabian"):
        assert g.country_for_demonym(name) is not None, name
        assert g.opens_demonym(name.split()[0]), name
    assert not g.opens_demonym("Lankan") and not g.opens_demonym("Armenian") and not g.opens_demonym("Smith")


def test_is_capital_agrees_with_capital_of(g):
    from newsledger.gazetteer import Gazetteer

    fresh = Gazetteer(g.path)  # (no capital read yet: is_capital reads it)
    entries = [e for name in ("Paris", "Yerevan", "Baku", "Nairobi", "Washington") for e in g.exact(name)]
    for e in entries:
        cap = g.capital_of(e.country) if e.country else None
        assert fresh.is_capital(e) == (cap is not None and cap.id == e.id), e
    assert sum(fresh.is_capital(e) for e in entries) == 5  # (one of each name's namesakes)


def test_is_capital_reads_the_capitals_the_index_was_built_with(g, monkeypatch):
    from newsledger.gazetteer import Gazetteer

    fresh = Gazetteer(g.path)
    monkeypatch.setattr(fresh, "capital_of", lambda code: pytest.fail(f"capital of {code} read at run time"))
    paris = [e for e in g.exact("Paris") if e.country == "FR" and e.kind == "city"]
    assert any(fresh.is_capital(e) for e in paris)
    assert len(fresh._meta_ids("capital_ids")) > 190  # (nearly every country's)


def _queries(gaz) -> list[str]:
    """The statements ``gaz`` runs from now on (its connection's trace)."""
    seen: list[str] = []
    gaz._con.set_trace_callback(seen.append)
    return seen


def test_opening_reads_the_countries_by_id_and_states_once(g, monkeypatch):
    from newsledger.gazetteer import Gazetteer, core

    seen: list[str] = []
    opened = Gazetteer._open

    def traced(path):
        con = opened(path)
        con.set_trace_callback(seen.append)
        return con

    monkeypatch.setattr(Gazetteer, "_open", staticmethod(traced))
    gaz = Gazetteer(g.path)
    assert not any("kind='country'" in q or "kind = 'country'" in q for q in seen)  # (no search of the table)
    assert len(gaz._country_entries) >= 240 and gaz.country("FR").name == "France"
    scanned: dict = {}
    for e in g._query("SELECT * FROM entries WHERE kind = 'country'", ()):
        scanned.setdefault(e.country, e.id)
    assert {code: e.id for code, e in gaz._country_entries.items()} == scanned
    seen.clear()
    assert gaz.us_state("TN").name == "Tennessee" and gaz.us_state("dc").admin1 == "DC"
    assert gaz.us_state("ZZ") is None and gaz.us_state("T1") is None
    assert len(seen) == 1  # (every state read at the first question)
    # (and the fingerprint stats pycountry's data rather than loading its 5,000 subdivisions)
    import pycountry

    assert core._pycountry_subdivisions(pycountry).startswith("iso3166-2.json:")


def test_prefetch_asks_each_name_once_until_its_rows_are_let_go(g, monkeypatch):
    from newsledger.gazetteer import Gazetteer, core

    names = ["Paris", "Springfield", "Nowhere Particular", "the Gambia"]
    gaz = Gazetteer(g.path)
    gaz.exact("Kyiv")  # (the keys' hashes are read at the first lookup)
    seen = _queries(gaz)
    gaz.prefetch(names)
    assert len(seen) == 1  # the known names in one query
    keyed: list[str] = []
    normalize = core.normalize
    monkeypatch.setattr(core, "normalize", lambda name: keyed.append(name) or normalize(name))
    gaz.prefetch(names + ["Paris"])
    assert len(seen) == 1 and keyed == []  # asked before: nothing to read, not even a key to make
    monkeypatch.setattr(core, "normalize", normalize)
    gaz.prefetch(["Lagos"] + names)
    assert len(seen) == 2  # the new name alone
    # once the fetched rows are let go (a long batch), a name is read again
    monkeypatch.setattr(core, "_FETCHED_MAX", 3)
    gaz.prefetch(["Kyiv", "Odesa"])
    assert not {"paris", "springfield"} & set(gaz._fetched)
    gaz.prefetch(["Paris"])
    assert "paris" in gaz._fetched
    assert [e.name for e in gaz.exact("Paris")][:1] == [e.name for e in g.exact("Paris")][:1]


def test_capitals_are_read_together_at_the_first_question(g):
    from newsledger.gazetteer import Gazetteer

    gaz = Gazetteer(g.path)
    assert gaz.capital_of("FR").name == "Paris"
    seen = _queries(gaz)
    for code in ("JP", "KE", "PE", "AZ", "NZ", "CL"):
        assert gaz.capital_of(code) is not None, code
    assert gaz.capital_of("JP").name == "Tokyo" and gaz.capital_of("KE").name == "Nairobi"
    assert seen == []  # (every capital's name came with the first)


def test_is_capital_answers_from_every_capital_read_once(g):
    from newsledger.gazetteer import Gazetteer

    gaz = Gazetteer(g.path)
    lima = next(e for e in g.exact("Lima") if e.country == "PE" and e.kind == "city")
    ohio = next(e for e in g.exact("Lima") if e.country == "US")
    assert gaz.is_capital(lima) and not gaz.is_capital(ohio)
    capitals = [gaz.capital_of(code) for code in ("JP", "KE", "AZ", "NZ", "CL", "FR")]
    seen = _queries(gaz)
    assert all(gaz.is_capital(cap) for cap in capitals)
    assert not any(gaz.is_capital(e) for e in g.exact("Springfield"))
    assert seen == []


def test_rivers_stand_at_their_mouths(g):
    # a stream's point is where it ends, in the sea, a lake or the river it joins
    # (as GeoNames, GNIS and GNS place streams), not a middle of its course
    ends = {"Mississippi River": (29.2, -89.3), "Rhine": (51.98, 4.1), "Danube": (45.15, 29.7),
            "Yangtze": (31.4, 121.9), "Volga": (45.9, 47.8), "Sava": (44.83, 20.45), "Thames": (51.5, 0.6)}
    for name, (lat, lon) in ends.items():
        river = next(e for e in g.exact(name) if e.kind == "feature")
        assert haversine_km(river.lat, river.lon, lat, lon) <= 60, (name, river.lat, river.lon)
