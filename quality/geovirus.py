"""Turn GeoVirus (Gritta et al.; WikiNews articles on epidemics worldwide,
toponyms with Wikipedia coordinates) into the JSON Lines format that
``newsledger evaluate geo`` reads, as an extra check of the places stage on
international news.  GeoVirus is not bundled: pass the path of
``data/GeoVirus.xml`` from the public repository
milangritta/Pragmatic-Guide-to-Geoparsing-Evaluation.

    python quality/geovirus.py GeoVirus.xml geovirus.jsonl
    newsledger evaluate geo geovirus.jsonl

The corpus counts its offsets from 1 (every span is one character to the
right of its name), which this converter corrects; a location whose name is
not at its corrected offsets makes its whole article be left out (a few
articles have broken markup).  Its coordinates follow Wikipedia, whose
country and province centres differ from GeoNames' (Canada at 60 N 95 W,
not GeoNames' 60 N 113.6 W): docs/quality.md separates those from real
misses.
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

_ARTICLE = re.compile(r"<article>(.*?)</article>", re.S)
_LOCATION = re.compile(r"<location>(.*?)</location>", re.S)


def _field(block: str, tag: str) -> str | None:
    m = re.search(rf"<{tag}>(.*?)</{tag}>", block, re.S)
    return html.unescape(m.group(1)) if m else None


def convert(xml_text: str) -> tuple[list[dict], int]:
    """The articles of a GeoVirus XML text as geo records, and how many
    articles were left out."""
    records, left_out = [], 0
    for i, article in enumerate(_ARTICLE.findall(xml_text)):
        text = _field(article, "text")
        blocks = _LOCATION.findall(article)
        toponyms = []
        for block in blocks:
            name, start, end = _field(block, "name"), _field(block, "start"), _field(block, "end")
            try:
                s, e = int(start) - 1, int(end) - 1  # the corpus counts from 1
                lat, lon = float(_field(block, "lat")), float(_field(block, "lon"))
            except (TypeError, ValueError):
                break
            if text is None or text[s:e] != name:
                break
            toponyms.append({"start": s, "end": e, "text": name, "lat": lat, "lon": lon,
                             "geonameid": None, "kind": None,
                             "gazetteer_name": _field(block, "altName") or name})
        if text is None or len(toponyms) != len(blocks) or article.count("<location>") != len(blocks):
            left_out += 1
            continue
        records.append({"id": f"geovirus-{i}", "source": "geovirus", "title": "",
                        "url": _field(article, "source") or "", "text": text, "toponyms": toponyms})
    return records, left_out


def main(argv: list[str]) -> int:
    if len(argv) != 3:
        print(__doc__.strip().splitlines()[0])
        print("usage: python quality/geovirus.py GeoVirus.xml OUT.jsonl", file=sys.stderr)
        return 2
    records, left_out = convert(Path(argv[1]).read_text(encoding="utf-8"))
    with open(argv[2], "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    n = sum(len(r["toponyms"]) for r in records)
    print(f"{len(records)} articles, {n} toponyms written to {argv[2]}; {left_out} articles left out")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
