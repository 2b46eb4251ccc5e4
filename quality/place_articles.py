"""Invented news articles with every toponym marked, scored like the geo
benchmark: detection precision / recall / F1 (exact spans) and accuracy
within 161 km of the marked spans resolved as given spans.

    python quality/place_articles.py                       # every file of quality/probes/
    python quality/place_articles.py quality/probes/web_pages.txt --show

The articles are ours, written for this probe (no benchmark text): each file
holds articles separated by a line "---", each toponym marked
``[[surface text|lat,lon]]``.  They are marked as GeoWebNews marks toponyms:
literal places, metonyms ("Moscow said"), places as modifiers and adjectives
("British troops", "US officials") and places inside organisations' names
("the University of Toronto"); not people named after places, streets or
buildings.  A country stands at a centre chosen by whoever marked it, so a
few "wrong" countries (Canada, Russia, Brazil) are 200-600 km between two
conventions, not errors: "below countries" is the accuracy of the marks not
resolved to a country.  The probe finds whole kinds of misses (web page
furniture, datelines, headlines); its figures are no benchmark.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from newsledger.gazetteer import haversine_km

ACC_KM = 161.0
PROBES = Path(__file__).resolve().parent / "probes"

_MARK = re.compile(r"\[\[(.+?)\|\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*\]\]")


@dataclass
class Toponym:
    start: int
    end: int
    lat: float
    lon: float


@dataclass
class Article:
    text: str
    toponyms: list[Toponym]


@dataclass
class Score:
    tp: int = 0
    predicted: int = 0
    gold: int = 0
    resolved_ok: int = 0
    resolved: int = 0
    #: ... of the marks not resolved to a country (whose point is a convention)
    below_ok: int = 0
    below: int = 0
    lines: list[str] = field(default_factory=list)

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.predicted if self.predicted else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def summary(self, name: str) -> str:
        p, r, f = self.prf()
        acc = self.resolved_ok / self.resolved if self.resolved else 0.0
        below = self.below_ok / self.below if self.below else 0.0
        return (f"{name:28s} toponyms {self.gold:4d}  detection P {p:.3f} R {r:.3f} F1 {f:.3f}"
                f"  acc@161 {acc:.3f} ({self.resolved_ok}/{self.resolved}), below countries {below:.3f}")


def parse(raw: str) -> list[Article]:
    """The articles of one probe file, marks taken out of the text."""
    out = []
    for block in re.split(r"^---[ \t]*$", raw, flags=re.M):
        block = block.strip()
        if not block:
            continue
        text, marks, pos = "", [], 0
        for m in _MARK.finditer(block):
            text += block[pos:m.start()]
            marks.append(Toponym(len(text), len(text) + len(m.group(1)), float(m.group(2)), float(m.group(3))))
            text += m.group(1)
            pos = m.end()
        out.append(Article(text + block[pos:], marks))
    return out


def score(nlp, articles: list[Article], show: bool = False) -> Score:
    from newsledger.gazetteer import get_gazetteer
    from newsledger.nlp.places import find_places, resolve_spans

    g = get_gazetteer()
    s = Score()
    for n, art in enumerate(articles):
        doc = nlp(art.text)
        pred = {(p.start, p.end) for p in find_places(doc, g)}
        gold = {(t.start, t.end) for t in art.toponyms}
        s.tp += len(pred & gold)
        s.predicted += len(pred)
        s.gold += len(gold)
        for kind, spans in (("extra", pred - gold), ("missed", gold - pred)):
            for a, b in sorted(spans):
                s.lines.append(f"  a{n} {kind:6s} {art.text[a:b]!r}  ..{art.text[max(0, a - 30):b + 20]!r}")
        got = resolve_spans(doc, [(t.start, t.end) for t in art.toponyms], g)
        for t, r in zip(art.toponyms, got):
            s.resolved += 1
            err = haversine_km(r.lat, r.lon, t.lat, t.lon) if r is not None and r.lat is not None else None
            if r is None or r.kind != "country":
                s.below += 1
                s.below_ok += err is not None and err <= ACC_KM
            if err is not None and err <= ACC_KM:
                s.resolved_ok += 1
            else:
                where = f"{r.name} {r.country} ({r.lat}, {r.lon}) {err:.0f} km" if err is not None else "nothing"
                s.lines.append(f"  a{n} far    {art.text[t.start:t.end]!r} -> {where}")
    if show:
        print("\n".join(s.lines))
    return s


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", type=Path, help="probe files (default: quality/probes/*.txt)")
    ap.add_argument("--show", action="store_true", help="print every miss, extra and far resolution")
    args = ap.parse_args(argv)
    from newsledger.nlp.model_loader import load_model

    nlp = load_model()
    files = args.files or sorted(PROBES.glob("*.txt"))
    total = Score()
    for path in files:
        s = score(nlp, parse(path.read_text(encoding="utf-8")), show=args.show)
        print(s.summary(path.name))
        for attr in ("tp", "predicted", "gold", "resolved_ok", "resolved", "below_ok", "below"):
            setattr(total, attr, getattr(total, attr) + getattr(s, attr))
    if len(files) > 1:
        print(total.summary("all"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
