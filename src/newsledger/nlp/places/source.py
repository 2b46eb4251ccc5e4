"""Places: where the publisher of a text is, read from its URL's host.

A local paper names the places of its own area without saying in which
country or state they lie: "Berea" in a story of a paper whose address is
``richmondregister.com`` is the town near Richmond, Kentucky; "London" in one
from a host under ``.ca`` is more likely the Ontario city.  The host gives two
hints (:class:`SourceHint`):

- the country of its country-code top-level domain (``.ca``, ``.co.uk``,
  ``.ie``; not the codes sold for their letters: ``.tv``, ``.io``, ``.fm``);
- the towns whose names make up one of its labels together with the words
  papers are named with ("richmond" + "register", "the" + "paris" + "news",
  "lasvegas" + "sun"), when the town is of some size (a state or country
  too: "mass" + "live").

A folder of the URL's path named the same way gives a town too: a paper's
local section or one paper of a group under a shared host
(``/arlington_news/``, ``/hunterdon_review/``).  A folder that is a place's
name alone is not read (``/canada/``, ``/middleeast/``: a desk, which the
story names itself), nor one with figures in it, nor the path's last part
(the story's own words, not where it was written).

Resolution takes each hint as one more mention of the text (a name in a
dateline, in effect), which votes and draws the other names near it like any
other, and is left out of the places found.  The host's own town is no
answer: "columbus" is the Columbus the rest of the text points to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional
from urllib.parse import urlsplit

from ...gazetteer import Entry, Gazetteer, normalize

#: the words papers' and stations' names are made of, which a host's label
#: may hold beside a town's name ("register", "daily", "news", "live"), and
#: the words of an address's folders about a section's name ("story")
PRESS_WORDS = frozenset("""
the and of
daily weekly morning evening sunday today tonight now online live local
news newspaper newspapers paper herald times post gazette tribune star sun journal press
register record recorder courier chronicle telegraph telegram observer examiner enquirer
inquirer dispatch ledger leader sentinel standard mail express mirror echo review reporter
report bulletin citizen guardian independent advocate advertiser globe democrat republican
free voice beacon banner messenger monitor pioneer progress eagle argus item bee call clarion
commercial appeal statesman spokesman courant gleaner nation digest magazine insider wire
patch source current union mercury weekender network channel radio tv media group info web net
county state city area region community business world
metro story stories article articles headlines
""".split())

#: labels that name no place: the parts of a host common to all ("www"),
#: the second level of a country's domain ("co" of ".co.uk")
_GENERIC_LABELS = frozenset("www www2 m mobile amp news com org net co ac gov edu info biz ltd plc".split())

#: country codes sold for what their letters say (".tv", ".io", ".fm"), not where a paper is
_VANITY_CODES = frozenset("tv io co me fm ly ai ws cc ms to sh gg nu tk ml ga cf gq la am ag bz vc gd "
                          "st su ac".split())

#: the codes whose top-level domain is not the ISO letters
_DOMAIN_CODES = {"uk": "GB"}

#: a town named in a host holds at least this many people (a "Jeff", an
#: "Alex" of a few hundred is a paper's nickname, not its home)
MIN_TOWN_POPULATION = 5_000

#: the shortest name (its letters) a host's label is read for
_MIN_LETTERS = 4
#: the longest label part read ("thelancasterandmorecambecitizen" has 31 letters; a
#: label of 63 letters would cost thousands of lookups for nothing)
_MAX_LETTERS = 40


@dataclass(frozen=True)
class SourceHint:
    """What a URL's host says of where its publisher is: the country of its
    domain (ISO 3166-1 alpha-2) and the names of the towns (states, countries)
    its labels are made of, as a text would write them ("Las Vegas")."""

    host: str
    country: Optional[str] = None
    names: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.country or self.names)


_CACHE: dict[tuple[str, str], SourceHint] = {}
#: hosts kept at most (a batch of many sources starts the cache afresh past it)
CACHE_SIZE = 20_000


def source_hint(url: Optional[str], g: Gazetteer) -> Optional[SourceHint]:
    """The :class:`SourceHint` of a URL, or None where it has no host or says
    nothing (``bbc.com``, ``reuters.com``).  Kept per host and gazetteer."""
    if not url:
        return None
    try:
        host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
    except ValueError:  # (a malformed URL: "http://[bad")
        return None
    if not host or "." not in host:
        return None
    key = (host, str(getattr(g, "path", "")))
    hint = _CACHE.get(key)
    if hint is None:
        if len(_CACHE) >= CACHE_SIZE:
            _CACHE.clear()
        hint = _CACHE[key] = _read_host(host, g)
    folders = _folders(url)
    if folders:
        names = list(hint.names)
        for folder in folders:
            for name in _folder_names(folder, g, hint.country):
                if name not in names:
                    names.append(name)
        if len(names) > len(hint.names):
            hint = SourceHint(host=hint.host, country=hint.country, names=tuple(names))
    return hint or None


#: the folders of a path read at most (a section is near the host)
MAX_FOLDERS = 3


def _folders(url: str) -> list[str]:
    """The first folders of a URL's path without figures ("2009", "03"),
    lower-cased, before its last part."""
    try:
        path = urlsplit(url if "//" in url else "//" + url).path
    except ValueError:
        return []
    parts = [p for p in path.lower().split("/") if p]
    return [p for p in parts[:-1] if not any(c.isdigit() for c in p)][:MAX_FOLDERS]


_FOLDER_CACHE: dict[tuple[str, Optional[str], str], tuple[str, ...]] = {}


def _folder_names(folder: str, g: Gazetteer, country: Optional[str]) -> tuple[str, ...]:
    """The places a path's folder names beside press words, as a local
    section's or a group's paper's folder does ("arlington_news" ->
    Arlington, "richmondreview" -> Richmond); none for a folder that is a
    place's name alone ("canada"), holds figures or marks other than ``-``
    and ``_`` ("2009", "story.html"), or press words alone ("local_news")."""
    key = (folder, country, str(getattr(g, "path", "")))
    hit = _FOLDER_CACHE.get(key)
    if hit is None:
        if len(_FOLDER_CACHE) >= CACHE_SIZE:
            _FOLDER_CACHE.clear()
        letters = "".join(re.split(r"[-_]", folder))
        found = _names_in(letters, g, country) if letters.isalpha() else []
        # (the names must leave press words over: the folder is named like a paper)
        if sum(len(_letters_of(n)) for n in found) >= len(letters):
            found = []
        hit = _FOLDER_CACHE[key] = tuple(found)
    return hit


def _read_host(host: str, g: Gazetteer) -> SourceHint:
    labels = host.split(".")
    top = labels.pop()
    country = None
    if len(top) == 2 and top.isalpha() and top not in _VANITY_CODES:
        code = _DOMAIN_CODES.get(top, top.upper())
        if g.country(code) is not None:
            country = code
    names: list[str] = []
    for label in labels:
        if label in _GENERIC_LABELS:
            continue
        for part in label.split("-"):
            for name in _names_in(part, g, country):
                if name not in names:
                    names.append(name)
    return SourceHint(host=host, country=country, names=tuple(names))


def _names_in(part: str, g: Gazetteer, country: Optional[str]) -> list[str]:
    """The place names one label part is made of with press words, the
    longest reading first: "richmondregister" -> ["Richmond"],
    "lasvegassun" -> ["Las Vegas"]; none where press words alone make it up
    ("postbulletin": "post" + "bulletin", no town "Bullet")."""
    if not part.isalpha() or len(part) > _MAX_LETTERS or _press_only(part):
        return []
    name = _one_name(part, g, country)
    if name is not None:
        return [name]
    for pieces in _split_at_and(part):
        found = [name for name in (_one_name(piece, g, country) for piece in pieces) if name is not None]
        if found:
            return found
    return []


def _split_at_and(part: str) -> list[tuple[str, str]]:
    """Two towns joined by "and" ("richmondandtwickenhamtimes"; one of them
    may be too small for the gazetteer to say its size)."""
    out = []
    at = part.find("and", 1)
    while at > 0:
        out.append((part[:at], part[at + 3:]))
        at = part.find("and", at + 1)
    return out


def _after_press_words(s: str) -> set[int]:
    """The positions of ``s`` that press words from its start reach (0 included)."""
    reached = {0}
    for i in range(len(s)):
        if i in reached:
            reached.update(i + len(w) for w in PRESS_WORDS if s.startswith(w, i))
    return reached


def _press_only(s: str) -> bool:
    return len(s) in _after_press_words(s)


def _one_name(s: str, g: Gazetteer, country: Optional[str]) -> Optional[str]:
    """The longest town name ``s`` holds between press words, written as a
    text would ("Las Vegas"), or None."""
    n = len(s)
    starts = _after_press_words(s)
    ends = {n}
    for j in range(n, 0, -1):
        if j in ends:
            ends.update(j - len(w) for w in PRESS_WORDS if j >= len(w) and s.endswith(w, 0, j))
    spans = sorted(((i, j) for i in starts for j in ends if j - i >= _MIN_LETTERS),
                   key=lambda ij: (ij[0] - ij[1], ij[0]))
    if hasattr(g, "prefetch"):  # (every spelling in a few queries, not one each)
        g.prefetch([text for i, j in spans for text in _spaced(s[i:j])])
    for i, j in spans:
        if s[i:j] in PRESS_WORDS:
            continue
        name = _place_name(s[i:j], g, country)
        if name is not None:
            return name
    return None


def _place_name(letters: str, g: Gazetteer, country: Optional[str]) -> Optional[str]:
    """The name a run of letters spells (with a space or two put back:
    "lasvegas" -> "Las Vegas") if it is a place of some size's."""
    # ("the paris" is "the" and "paris")
    spellings = [text for text in _spaced(letters) if text.split(" ", 1)[0] not in PRESS_WORDS or " " not in text]
    # (most spellings are no name: the index's hashes say so before a lookup, where it has them)
    may_know = getattr(g, "may_know", None) or bool
    for text in spellings:
        if not may_know(text):
            continue
        entries = [e for e in g.exact(text) if _sizeable(e) and (country is None or e.country == country)]
        if entries:
            return _written(text, entries)
    # a county's name without its word ("hunterdon" + "review": Hunterdon County)
    for text in spellings:
        if not may_know(text + " county"):
            continue
        entries = [e for e in g.exact(text + " county") if e.source == "county"
                   and (country is None or e.country == country)]
        if entries:
            return _written(text + " county", entries)
    return None


def _spaced(letters: str):
    yield letters
    n = len(letters)
    for k in range(2, n - 1):
        yield letters[:k] + " " + letters[k:]
    for k in range(2, n - 3):
        for k2 in range(k + 2, n - 1):
            yield letters[:k] + " " + letters[k:k2] + " " + letters[k2:]


def _letters_of(name: str) -> str:
    """The letters a label spells a name with ("Hunterdon County": "hunterdon")."""
    key = normalize(name)
    return key.removesuffix(" county").replace(" ", "")


def _sizeable(e: Entry) -> bool:
    return e.kind in ("country", "region") or (e.kind == "city" and e.population >= MIN_TOWN_POPULATION)


def _written(text: str, entries: list[Entry]) -> str:
    """The spelling of a name as its entries give it ("Las Vegas" of "las vegas")."""
    key = normalize(text)
    for e in entries:
        if normalize(e.name) == key:
            return e.name
    return text.title()
