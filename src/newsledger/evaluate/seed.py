"""Score one article's ledger against a hand-made gold record (the seed format).

The gold file lists events, claims, figures and places, each with its
evidence span in the article.  Scoring (as the seed README says): recall of
the required items, then among the found ones the share with the right type,
date, actor, speaker, value and place.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

from ..gazetteer import haversine_km
from ..model import DocLedger
from .common import Report

SEASON_MONTHS = {"SP": ("03", "04", "05"), "SU": ("06", "07", "08"),
                 "FA": ("09", "10", "11"), "WI": ("12", "01", "02")}


def _overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def date_matches(pred: Optional[str], gold: Optional[str], accept: list[str] = ()) -> bool:
    """A predicted TIMEX3 value is right when it equals the gold or an accepted
    value, or is more specific and consistent with it (2023-09-19 for
    2023-09); a season matches its months."""
    if gold is None:
        return pred is None
    if pred is None:
        return False
    for want in [gold, *accept]:
        if pred == want or pred.startswith(want + "-"):
            return True
        if len(want) == 7 and want[5:] in SEASON_MONTHS:
            if pred[:4] == want[:4] and pred[5:7] in SEASON_MONTHS[want[5:]]:
                return True
    return False


_UNIT_SYNONYMS = {"per cent": "percent", "%": "percent", "pct": "percent", "person": "people",
                  "persons": "people", "individuals": "people", "individual": "people"}


def _unit_key(unit: str) -> str:
    u = " ".join(unit.lower().replace("-", " ").split())
    u = _UNIT_SYNONYMS.get(u, u)
    if len(u) > 3 and u.endswith("s") and not u.endswith("ss") and u != "people":
        u = u[:-1]  # "years" = "year", "troops" = "troop"
    return u


def unit_matches(pred: Optional[str], gold: Optional[str]) -> bool:
    """The figures' unit rule: units are the same after lower-casing, folding
    spaces and hyphens, singularising (a final "s" dropped: "years" = "year",
    "points" = "point") and a few synonyms ("per cent" and "%" = "percent";
    "person", "persons", "individuals" = "people").  A gold without a unit
    accepts any unit."""
    if gold is None:
        return True
    if pred is None:
        return False
    return _unit_key(pred) == _unit_key(gold)


class _Names:
    """Gold actor names and their aliases (the gold's metonymy table)."""

    def __init__(self, metonymy: dict[str, list[str]]):
        self.groups: list[set[str]] = []
        for canonical, aliases in metonymy.items():
            names = {canonical.lower(), canonical.split(" (")[0].lower()}
            names.update(a.lower() for a in aliases)
            self.groups.append(names)

    def forms(self, name: str) -> set[str]:
        low = name.lower()
        out = {low}
        for group in self.groups:
            if low in group:
                out |= group
        return out

    def matches(self, gold_name: str, predicted: list[str]) -> bool:
        forms = self.forms(gold_name)
        for text in predicted:
            low = text.lower().removeprefix("the ")
            for form in forms:
                form = form.removeprefix("the ")
                if form and (form == low or form in low or (len(low) > 3 and low in form)):
                    return True
        return False


def _find_text(gold_path: Path, source: str) -> Path:
    for parent in gold_path.resolve().parents:
        candidate = parent / source
        if candidate.exists():
            return candidate
        candidate = parent / Path(source).name
        if candidate.exists():
            return candidate
    corpus = gold_path.resolve().parents[2] / "corpus" / Path(source).name
    if corpus.exists():
        return corpus
    raise FileNotFoundError(f"the article {source!r} named by {gold_path} was not found")


def score(ledger: DocLedger, gold: dict) -> Report:
    """Compare a DocLedger with a seed gold record."""
    names = _Names(gold.get("metonymy", {}))
    m: dict[str, float] = {}
    details: list[str] = []

    def ratio(num: int, den: int) -> float:
        return round(num / den, 4) if den else 0.0

    # events ---------------------------------------------------------------
    found = typed = dated = actor_ok = all_right = 0
    required = [e for e in gold["events"] if e.get("required", True)]
    for g in required:
        ev = g["evidence"]
        cands = [e for e in ledger.events if _overlap(e.trigger.start, e.trigger.end, ev["start"], ev["end"])]
        cands = cands or [e for e in ledger.events if _overlap(e.evidence.start, e.evidence.end, ev["start"], ev["end"])]
        if not cands:
            details.append(f"  missed event: {g['type']} {g['evidence']['text'][:70]!r}")
            continue
        found += 1
        ok_types = {g["type"], *g.get("also", [])}
        best = next((e for e in cands if g["type"] is None or e.type in ok_types), cands[0])
        type_ok = g["type"] is None or best.type in ok_types
        date_ok = date_matches(best.time.value if best.time else None, g["date"], g.get("accept", []))
        typed += type_ok
        dated += date_ok
        before = actor_ok
        if g.get("actors"):
            # the words naming each source, its actor id, and that actor's canonical name
            # ("the Kremlin" -> RU-GOV -> "Russia (government)"); matched through the gold's
            # metonymy table only
            actor_names = {a.id: a.name for a in ledger.actors}
            predicted = [a.text for a in best.source_actors] + [a.actor or "" for a in best.source_actors]
            predicted += [actor_names.get(a.actor, "") for a in best.source_actors if a.actor]
            actor_ok += any(names.matches(a, predicted) for a in g["actors"])
        else:
            actor_ok += not best.source_actors
        all_right += type_ok and date_ok and actor_ok > before
    m["events_recall"] = ratio(found, len(required))
    # the bar: found with an accepted type, an accepted date and a right actor
    m["events_all_right"] = ratio(all_right, len(required))
    m["events_type_acc"] = ratio(typed, found)
    m["events_date_acc"] = ratio(dated, found)
    m["events_actor_acc"] = ratio(actor_ok, found)

    # claims ---------------------------------------------------------------
    required = [c for c in gold["claims"] if c.get("required", True)]
    found = speaker_ok = 0
    for g in required:
        ct = g["content"]
        cands = [c for c in ledger.claims if _overlap(c.content.start, c.content.end, ct["start"], ct["end"])]
        if not cands:
            details.append(f"  missed claim: {g['speaker']}: {ct['text'][:70]!r}")
            continue
        found += 1
        wanted = [g["speaker"]] + ([g["canonical"]] if g.get("canonical") else [])
        predicted = []
        for c in cands:
            predicted += [c.speaker.text if c.speaker else "", c.speaker_name or "", c.speaker_actor or ""]
        predicted = [p for p in predicted if p]
        speaker_ok += any(names.matches(w, predicted) for w in wanted)
    m["claims_recall"] = ratio(found, len(required))
    m["claims_speaker_acc"] = ratio(speaker_ok, found)

    # figures --------------------------------------------------------------
    required = [q for q in gold["quantities"] if q.get("required", True)]
    found = value_ok = unit_ok = hedge_ok = 0
    for g in required:
        ev = g["evidence"]
        cands = [q for q in ledger.quantities if _overlap(q.evidence.start, q.evidence.end, ev["start"], ev["end"])]
        if not cands:
            details.append(f"  missed figure: {ev['text']!r}")
            continue
        found += 1
        right = [q for q in cands if float(q.value) == float(g["value"])]
        value_ok += bool(right)
        judged = right or cands  # unit and hedge of the figure with the right value, if any
        if any(unit_matches(q.unit, g.get("unit")) for q in judged):
            unit_ok += 1
        else:
            details.append(f"  figure unit: {ev['text']!r} gold {g.get('unit')!r}, got {judged[0].unit!r}")
        if any((q.approx or None) == (g.get("approx") or None) for q in judged):
            hedge_ok += 1
        else:
            details.append(f"  figure hedge: {ev['text']!r} gold {g.get('approx')!r}, got {judged[0].approx!r}")
    m["figures_recall"] = ratio(found, len(required))
    m["figures_value_acc"] = ratio(value_ok, found)
    m["figures_unit_acc"] = ratio(unit_ok, found)
    m["figures_hedge_acc"] = ratio(hedge_ok, found)

    # places ---------------------------------------------------------------
    required = [p for p in gold["places"] if p.get("required", True)]
    found = coords_ok = 0
    for g in required:
        ev = g["evidence"]
        cands = [p for p in ledger.places if _overlap(p.start, p.end, ev["start"], ev["end"])]
        if not cands:
            details.append(f"  missed place: {g['name']} in {ev['text']!r}")
            continue
        found += 1
        coords_ok += any(p.lat is not None and haversine_km(p.lat, p.lon, g["lat"], g["lon"]) <= 50 for p in cands)
    m["places_recall"] = ratio(found, len(required))
    m["places_coords_acc"] = ratio(coords_ok, found)
    return Report(task="seed", file=gold.get("id", "seed"), n=1, metrics=m, details=details)


def evaluate(path: str, *, analyzer=None, limit=None) -> Report:
    """Analyse the gold's article (with its publication date) and score it."""
    gold_path = Path(path)
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = _find_text(gold_path, gold["source"]).read_text(encoding="utf-8")
    if analyzer is None:
        from ..nlp.pipeline import Analyzer

        analyzer = Analyzer()
    from ..model import Document

    ledger = next(iter(analyzer.analyze_documents([Document.from_text(text, source_id=gold["source"])],
                                                  published=gold.get("published"))))
    report = score(ledger, gold)
    report.file = str(path)
    return report
