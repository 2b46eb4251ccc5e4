"""Template sweeps of the places stage over the whole world, from our own
tables: every country's name, capital and demonym, every city of the
gazetteer above a population, and every country's people word, each put in a
few invented news sentences, and every first-level state, province and
region of a country with its country named.  A case fails when the stage does not find the
name exactly (detection) or resolves it more than 161 km from the entry it
was made from (resolution, the name given as a span).

    python quality/place_sweeps.py                  # all four families
    python quality/place_sweeps.py --family cities --min-pop 300000 --show 20

The sentences are ours; no benchmark text is read.  A failure is not always
wrong: "Hamilton" made from Bermuda's capital resolves to the Canadian city,
and "Congolese" to the bigger of the two Congos.  The point is to find
whole kinds of names the stage misses (demonyms the model tags as persons,
capitals it tags as bodies) and to count them before and after a change.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field

from newsledger.gazetteer import Entry, get_gazetteer, haversine_km
from newsledger.nlp.model_loader import load_model
from newsledger.nlp.places import find_places, resolve_spans

ACC_KM = 161.0

COUNTRY_TEMPLATES = {
    "capital": ["Officials in {w} said on Monday that the talks would resume next week.",
                "{w} said the sanctions were illegal and would be challenged.",
                "The minister flew to {w} for two days of talks with the government."],
    "name": ["{w}'s government announced new elections for the spring.",
             "The president of {w} arrived in Geneva on Tuesday for the summit.",
             "Aid agencies warned that food prices in {w} had doubled since March."],
    "demonym": ["{w} troops crossed the border overnight, the ministry said.",
                "The {w} foreign minister criticised the decision.",
                "Two {w} journalists were released after a week in custody."],
}
CITY_TEMPLATES = ["Heavy rain flooded streets in {w} on Sunday, officials said.",
                  "Police in {w} arrested three men after the attack.",
                  "{w} police said two people were killed in the blast.",
                  "Thousands marched through central {w} to protest against the new law."]
PROVINCE_TEMPLATES = ["Heavy rain flooded roads across {w} on Tuesday, {c}'s weather service said.",
                      "The governor of {w} said {c} would send more troops to the area."]
PEOPLE_TEMPLATES = ["Thousands of {w} have left the country since the war began.",
                    "The {w} won the match 2-1 on Saturday.",
                    "{w} voted in record numbers on Sunday."]


@dataclass
class Family:
    """The cases of one family and the failures among them."""

    name: str
    cases: int = 0
    missed: int = 0
    wrong: int = 0
    failures: list[str] = field(default_factory=list)


def _check(nlp, g, fam: Family, template: str, word: str, point: Entry, **others: str) -> None:
    text = template.format(w=word, **others)
    start = text.index(word)
    end = start + len(word)
    doc = nlp(text)
    fam.cases += 1
    found = {(p.start, p.end) for p in find_places(doc, g)}
    got = resolve_spans(doc, [(start, end)], g)[0]
    why = []
    if (start, end) not in found:
        fam.missed += 1
        why.append("not found")
    if got is None or got.lat is None or haversine_km(got.lat, got.lon, point.lat, point.lon) > ACC_KM:
        fam.wrong += 1
        why.append("resolved to " + (f"{got.name} ({got.country})" if got is not None and got.lat is not None
                                      else "nothing"))
    if why:
        fam.failures.append(f"{word!r} [{point.country}]: {', '.join(why)} | {text}")


def _people_word(demonym: str) -> str:
    """The plural people word of a one-word demonym ("Greek" -> "Greeks";
    "Chinese" stays)."""
    return demonym if demonym.endswith(("ese", "ch", "sh", "ss")) else demonym + "s"


def sweep_countries(nlp, g) -> list[Family]:
    fams = {k: Family(f"country {k}s") for k in COUNTRY_TEMPLATES}
    for code, info in sorted(g.countries().items()):
        country = g.country(code)
        if country is None:
            continue
        capital = g.capital_of(code)
        words = {"name": (info.name, country)}
        if info.capital and capital is not None:
            words["capital"] = (info.capital, capital)
        if info.demonyms:
            words["demonym"] = (info.demonyms[0], country)
        for kind, (word, point) in words.items():
            for t in COUNTRY_TEMPLATES[kind]:
                _check(nlp, g, fams[kind], t, word, point)
    return list(fams.values())


def sweep_people(nlp, g) -> list[Family]:
    fam = Family("country people words")
    for code, info in sorted(g.countries().items()):
        country = g.country(code)
        if country is None or not info.demonyms or " " in info.demonyms[0] or "(" in info.demonyms[0]:
            continue
        for t in PEOPLE_TEMPLATES:
            _check(nlp, g, fam, t, _people_word(info.demonyms[0]), country)
    return [fam]


def sweep_cities(nlp, g, min_pop: int) -> list[Family]:
    fam = Family(f"cities of {min_pop:,}+")
    for e in (e for e in g.cities(min_pop) if e.name.isascii()):
        for t in CITY_TEMPLATES:
            _check(nlp, g, fam, t, e.name, e)
    return [fam]


def sweep_provinces(nlp, g) -> list[Family]:
    """Each first-level state, province or region of a country
    (:meth:`~newsledger.gazetteer.Gazetteer.is_province`) with its own point,
    in a sentence that names its country."""
    fam = Family("provinces")
    countries = g.countries()
    for e in g.provinces():
        info = countries.get(e.country or "")
        if info is None or e.approx or not e.name.isascii() or any(c in e.name for c in "(),"):
            continue
        for t in PROVINCE_TEMPLATES:
            _check(nlp, g, fam, t, e.name, e, c=info.name)
    return [fam]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--family", choices=("all", "countries", "people", "cities", "provinces"), default="all")
    ap.add_argument("--min-pop", type=int, default=1_000_000, help="cities at least this big")
    ap.add_argument("--show", type=int, default=0, help="print this many failures per family")
    args = ap.parse_args(argv)
    nlp, g = load_model(), get_gazetteer()
    families: list[Family] = []
    if args.family in ("all", "countries"):
        families += sweep_countries(nlp, g)
    if args.family in ("all", "people"):
        families += sweep_people(nlp, g)
    if args.family in ("all", "cities"):
        families += sweep_cities(nlp, g, args.min_pop)
    if args.family in ("all", "provinces"):
        families += sweep_provinces(nlp, g)
    total = Family("all")
    for f in families:
        print(f"{f.name:26} cases {f.cases:5}  not found {f.missed:4}  resolved wrong {f.wrong:4}  "
              f"failed {len(f.failures):4}")
        for line in f.failures[:args.show]:
            print("    " + line)
        total.cases += f.cases
        total.missed += f.missed
        total.wrong += f.wrong
        total.failures += f.failures
    print(f"{'all':26} cases {total.cases:5}  not found {total.missed:4}  resolved wrong {total.wrong:4}  "
          f"failed {len(total.failures):4}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
