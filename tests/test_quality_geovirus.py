"""quality/geovirus.py: GeoVirus XML to the geo JSON Lines format (an invented article)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_PATH = Path(__file__).resolve().parents[1] / "quality" / "geovirus.py"
_spec = importlib.util.spec_from_file_location("quality_geovirus", _PATH)
geovirus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(geovirus)

XML = """<articles>
    <article>
        <source>https://example.org/a</source>
        <text>Cholera spread from Ruritown to Osterlich &amp; beyond.</text>
        <locations>
            <location><name>Ruritown</name><start>21</start><end>29</end><lat>1.5</lat><lon>2</lon></location>
            <location><name>Osterlich</name><start>33</start><end>42</end><lat>3</lat><lon>4.25</lon></location>
        </locations>
    </article>
    <article>
        <source>https://example.org/b</source>
        <text>Floods hit Lowland.</text>
        <locations>
            <location><name>Lowland</name><start>3</start><end>10</end><lat>5</lat><lon>6</lon></location>
        </locations>
    </article>
</articles>"""


def test_offsets_count_from_one_and_a_misplaced_name_drops_its_article():
    records, left_out = geovirus.convert(XML)
    assert left_out == 1  # "Lowland" is not at 3..10 (nor 2..9)
    (rec,) = records
    assert rec["text"] == "Cholera spread from Ruritown to Osterlich & beyond."
    assert [(t["text"], rec["text"][t["start"]:t["end"]], t["lat"], t["lon"]) for t in rec["toponyms"]] == [
        ("Ruritown", "Ruritown", 1.5, 2.0), ("Osterlich", "Osterlich", 3.0, 4.25)]


def test_command_line_writes_json_lines(tmp_path):
    src = tmp_path / "GeoVirus.xml"
    src.write_text(XML, encoding="utf-8")
    out = tmp_path / "gv.jsonl"
    assert geovirus.main(["geovirus.py", str(src), str(out)]) == 0
    assert len(out.read_text(encoding="utf-8").splitlines()) == 1
