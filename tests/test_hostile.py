"""Hostile inputs: nothing crashes, every good document is analysed, every bad
one is recorded with its code (readers and the whole pipeline, end to end)."""

import json

import pytest

from newsledger.contract import problems
from newsledger.model import to_dict
from newsledger.options import ReadOptions
from newsledger.runner import iter_ledgers
from newsledger.sources import iter_inputs

GOOD = "Officials in Kyiv said on Monday that 40 drones were shot down overnight."


def _run(analyzer, paths, options=ReadOptions()):
    return list(iter_ledgers(iter_inputs([str(p) for p in paths], options), analyzer))


def _write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


HOSTILE = {
    "empty.txt": (b"", "E101"),
    "spaces.txt": (b" \n\t\r\n   ", "E101"),
    "binary.txt": (bytes(range(256)) * 64, "E102"),
    "nul.txt": (b"Kyiv\x00\x00\x00said", "E102"),
    "bad-utf8.txt": (b"Kyiv said \xc3\x28 \xa0\xa1 today", "E103"),
    "utf16-nobom.txt": ("Officials in Kyiv said on Monday".encode("utf-16-le"), "E102"),
    "nothing.html": (b"<html><body><nav><a href='/'>Home</a></nav></body></html>", "E111"),
    "sheet.xlsx": (b"PK\x03\x04 not a workbook", "E104"),
}


def test_each_hostile_file_gets_its_code_and_good_ones_survive(analyzer, tmp_path):
    paths = [_write(tmp_path, "a-good.txt", GOOD.encode())]
    for name, (data, _) in HOSTILE.items():
        paths.append(_write(tmp_path, name, data))
    paths.append(_write(tmp_path, "z-good.txt", GOOD.replace("Kyiv", "Lviv").encode()))
    ledgers = _run(analyzer, paths)
    assert len(ledgers) == len(paths)
    by_source = {l.document.source_id: l for l in ledgers}
    for name, (_, code) in HOSTILE.items():
        ledger = by_source[str(tmp_path / name)]
        assert [e.code for e in ledger.errors] == [code], name
        assert ledger.events == [] and ledger.claims == []
    for good in ("a-good.txt", "z-good.txt"):
        ledger = by_source[str(tmp_path / good)]
        assert ledger.errors == [] and ledger.places
    for ledger in ledgers:
        assert problems(to_dict(ledger)) == []


def test_malformed_jsonl_line_among_good_ones(analyzer, tmp_path):
    lines = [json.dumps({"id": "1", "text": GOOD}), '{"id": "2", "text": "unterminated',
             "\x00\x01garbage", json.dumps({"id": "4", "text": GOOD.replace("Monday", "Sunday")})]
    path = _write(tmp_path, "mixed.jsonl", "\n".join(lines).encode())
    ledgers = _run(analyzer, [path])
    assert [bool(l.errors) for l in ledgers] == [False, True, True, False]
    assert {l.errors[0].code for l in ledgers if l.errors} == {"E106"}


def test_deeply_nested_html(analyzer, tmp_path):
    page = "<html><body>" + "<div>" * 10000 + "<p>" + GOOD * 3 + "</p>" + "</div>" * 10000 + "</body></html>"
    (ledger,) = _run(analyzer, [_write(tmp_path, "deep.html", page.encode())])
    # either the article is found or a coded error says why; never a crash
    assert ledger.errors == [] or ledger.errors[0].code in ("E111", "E201")
    assert problems(to_dict(ledger)) == []


def test_oversized_page_is_refused_with_a_code(analyzer, tmp_path):
    big = b"<html><body><p>" + b"word " * (11 * 1024 * 1024 // 5) + b"</p></body></html>"
    (ledger,) = _run(analyzer, [_write(tmp_path, "big.html", big)])
    assert [e.code for e in ledger.errors] == ["E112"]


def test_long_single_line_over_the_model_limit(analyzer, tmp_path):
    text = ("Kyiv " * (analyzer.nlp.max_length // 5 + 10)).encode()
    good = _write(tmp_path, "b.txt", GOOD.encode())
    ledgers = _run(analyzer, [_write(tmp_path, "a.txt", text), good])
    assert [e.code for e in ledgers[0].errors] == ["E112"]
    assert ledgers[1].errors == [] and ledgers[1].document.text == GOOD


@pytest.mark.parametrize("text", [
    "Министр обороны заявил в понедельник, что войска отошли от Харькова.",
    "قال مسؤولون في بغداد يوم الاثنين إن ٤٠ طائرة مسيرة أسقطت.",
    "בירושלים אמרו ביום שני כי הגבול ייפתח מחר.",
    "北京时间周一，外交部发言人表示将举行会谈。",
    "Mixed ‏right‎-to-left marks ‮reversed‬ and emoji 🚀🔥 in Kyiv on 2 May 2024.",
])
def test_non_english_and_right_to_left_text(analyzer, tmp_path, text):
    (ledger,) = _run(analyzer, [_write(tmp_path, "x.txt", text.encode())])
    assert ledger.errors == []
    assert ledger.document.text == text
    assert problems(to_dict(ledger)) == []


@pytest.mark.parametrize("url,code", [
    ("file:///etc/passwd", "E109"),
    ("ftp://127.0.0.1/file.txt", "E109"),
    ("http://127.0.0.1:9/private", "E109"),
    ("http://localhost/", "E109"),
])
def test_refused_urls_without_sending_anything(analyzer, url, code):
    (ledger,) = list(iter_ledgers(iter_inputs([url]), analyzer))
    assert [e.code for e in ledger.errors] == [code]
