"""US counties and small US towns from the ``zipcodes`` package (offline).

The package lists every US ZIP code with its post-office town, county,
state and a point.  Two things the other sources lack are read from it:

* a centre for each county: the mean of its ZIP points, outliers (a ZIP
  filed under the wrong county, far away) left out.  It sits near where the
  county's people live, which is what a news reader means by the county;
* the towns too small or too new for the GeoNames list of places with 500+
  people (hamlets, unincorporated communities, townships with a post
  office): one point per town and state (the mean of its ZIP points; a name
  used by two distant towns of one state gives two towns).  The other names
  a post office accepts for a ZIP (villages it serves) are left out: they
  added as many wrong namesakes as right places.

:func:`load` returns None (and logs why) when the package is not installed:
the gazetteer is then built without these rows.
"""

from __future__ import annotations

import logging
import math
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional

log = logging.getLogger(__name__)

#: ZIP points farther than this from the median of their county are left out
#: of its centre (a ZIP filed under a namesake county of the wrong state)
OUTLIER_KM = 150.0

#: ZIP points of one town name in one state closer than this are one town
SAME_TOWN_KM = 30.0

#: ZIP kinds that name no place (overseas military post offices)
_SKIP_KINDS = {"MILITARY"}


@dataclass(frozen=True, slots=True)
class ZipCounty:
    """A county (or parish, borough ...) of a state and its centre."""

    state: str
    name: str
    lat: float
    lon: float
    n_zips: int


@dataclass(frozen=True, slots=True)
class ZipTown:
    """A post-office town of a state, its county and its point."""

    state: str
    name: str
    county: str
    lat: float
    lon: float
    n_zips: int


@dataclass
class ZipData:
    """What :func:`load` reads: counties by ``(state, key)`` (``key`` from
    :func:`county_key`) and towns."""

    version: str
    counties: dict[tuple[str, str], ZipCounty] = field(default_factory=dict)
    towns: list[ZipTown] = field(default_factory=list)


def county_key(name: str) -> str:
    """The key a county is matched by across sources: case, dots, spaces
    and "St."/"Saint" folded ("DeKalb County" = "De Kalb County")."""
    from .core import normalize

    return normalize(name).replace(" ", "")


def version() -> Optional[str]:
    """The installed package's version, or None when it is missing."""
    try:
        import zipcodes
    except ImportError:
        return None
    return str(getattr(zipcodes, "__version__", "?"))


def load() -> Optional[ZipData]:
    """Counties and towns from the ``zipcodes`` package, or None without it."""
    try:
        import zipcodes
    except ImportError:
        log.info("the zipcodes package is not installed: the gazetteer has no US county "
                 "centres (counties stand at a namesake town) and no towns below 500 people")
        return None
    rows = [r for r in zipcodes.list_all() if _usable(r)]
    data = ZipData(version=str(getattr(zipcodes, "__version__", "?")))
    data.counties = _counties(rows)
    data.towns = _towns(rows)
    return data


#: the 50 states and the District of Columbia: the territories (PR, GU, VI, ...) are their
#: own countries in GeoNames, and the military pseudo-states (AA, AE, AP) are no places
_STATES = frozenset(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ "
    "NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY".split())


def _usable(r: dict) -> bool:
    """An active post office of a state or DC with a point."""
    if r.get("zip_code_type") in _SKIP_KINDS or r.get("state") not in _STATES or not r.get("city"):
        return False
    if r.get("active") is False:
        return False
    try:
        lat, lon = float(r["lat"]), float(r["long"])
    except (KeyError, TypeError, ValueError):
        return False
    return not (lat == 0.0 and lon == 0.0)


def _point(r: dict) -> tuple[float, float]:
    return float(r["lat"]), float(r["long"])


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Equirectangular distance in km (close enough within a state)."""
    x = math.radians(b[1] - a[1]) * math.cos(math.radians((a[0] + b[0]) / 2))
    y = math.radians(b[0] - a[0])
    return 6371.0 * math.hypot(x, y)


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The mean of the points near their median (outliers dropped)."""
    med = (statistics.median(p[0] for p in points), statistics.median(p[1] for p in points))
    near = [p for p in points if _km(p, med) <= OUTLIER_KM] or points
    return (round(sum(p[0] for p in near) / len(near), 5), round(sum(p[1] for p in near) / len(near), 5))


def _counties(rows: Iterable[dict]) -> dict[tuple[str, str], ZipCounty]:
    points: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    names: dict[tuple[str, str], str] = {}
    for r in rows:
        county = (r.get("county") or "").strip()
        if not county:
            continue
        key = (r["state"], county_key(county))
        points[key].append(_point(r))
        names.setdefault(key, county)
    out = {}
    for key, pts in points.items():
        lat, lon = _centre(pts)
        out[key] = ZipCounty(key[0], names[key], lat, lon, len(pts))
    return out


def _towns(rows: Iterable[dict]) -> list[ZipTown]:
    """One town per name and state, split where its ZIP points lie apart."""
    from .core import normalize

    groups: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for r in rows:
        groups[(r["state"], normalize(r["city"]))].append(r)
    out: list[ZipTown] = []
    for (state, _key), rs in sorted(groups.items()):
        clusters: list[list[dict]] = []
        for r in rs:
            p = _point(r)
            for c in clusters:
                if _km(p, _point(c[0])) <= SAME_TOWN_KM:
                    c.append(r)
                    break
            else:
                clusters.append([r])
        for c in clusters:
            lat, lon = _centre([_point(r) for r in c])
            name = _town_name(c)
            county = statistics.mode(r.get("county") or "" for r in c)
            out.append(ZipTown(state, name, county, lat, lon, len(c)))
    return out


def _town_name(rows: list[dict]) -> str:
    """The town's spelling: the one most of its ZIPs use, in its own case
    when the package writes it in capitals."""
    name = statistics.mode(r["city"].strip() for r in rows)
    return name.title() if name.isupper() else name
