"""Readers: every kind of input, and every bad input with its error code."""

import gzip
import io
import json
import os

import pytest

from newsledger.errors import Code
from newsledger.options import ReadOptions
from newsledger.sources import iter_inputs


def _items(*inputs, **kw):
    return list(iter_inputs([str(i) for i in inputs], **kw))


def test_plain_text_file_is_read_exactly(tmp_path):
    text = "Line one.\r\n  Line two with “quotes” — and a dash.\n"
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode("utf-8"))
    (item,) = _items(path)
    assert item.failure is None
    assert item.document.text == text
    assert item.document.source_id == str(path)


def test_folder_is_read_recursively_in_order(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("Second article text.", encoding="utf-8")
    (tmp_path / "sub" / "a.txt").write_text("Nested article text.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    items = _items(tmp_path)
    assert [i.document.text for i in items] == ["Second article text.", "Nested article text."]


def test_stdin_text_and_html():
    (item,) = list(iter_inputs(["-"], stdin=io.BytesIO(b"Some text from a pipe.")))
    assert item.document.text == "Some text from a pipe."
    page = b"<html><body><article><p>" + b"The council met on Monday to vote on the budget. " * 5 + b"</p></article></body></html>"
    (item,) = list(iter_inputs(["-"], stdin=io.BytesIO(page)))
    assert "council met on Monday" in item.document.text
    assert "<p>" not in item.document.text


def test_jsonl_records_keep_ids_dates_and_exact_text(tmp_path):
    path = tmp_path / "docs.jsonl"
    lines = [json.dumps({"id": "a", "text": "  Exactly as given.\n", "published": "2023-11-27"}),
             "{not json",
             json.dumps({"id": "c", "dct": "2020-01-02", "text": "Third."}),
             json.dumps({"id": "d"}),
             json.dumps(["a list"])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = _items(path)
    assert [i.source_id for i in items][0] == "a"
    assert items[0].document.text == "  Exactly as given.\n" and items[0].published == "2023-11-27"
    assert items[1].failure.code == Code.BAD_JSONL.value and "line 2" in items[1].failure.message
    assert items[2].published == "2020-01-02"
    assert items[3].failure.code == Code.BAD_JSONL.value
    assert items[4].failure.code == Code.BAD_JSONL.value


def test_gzip_jsonl(tmp_path):
    path = tmp_path / "docs.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "z", "text": "Zipped."}) + "\n")
    (item,) = _items(path)
    assert item.document.text == "Zipped."


@pytest.mark.parametrize("name,data,code", [
    ("empty.txt", b"", Code.EMPTY),
    ("blank.txt", b"  \n\t \n", Code.EMPTY),
    ("binary.txt", bytes(range(256)) * 4, Code.BINARY),
    ("nul.txt", b"text\x00with\x00nul", Code.BINARY),
    ("latin1.txt", "café crème".encode("latin-1"), Code.ENCODING),
    ("utf16.txt", "no byte order mark".encode("utf-16-le"), Code.BINARY),
    ("image.png", b"\x89PNG\r\n", Code.UNSUPPORTED),
    ("doc.pdf", b"%PDF-1.4", Code.UNSUPPORTED),
])
def test_bad_files_get_their_codes(tmp_path, name, data, code):
    path = tmp_path / name
    path.write_bytes(data)
    (item,) = _items(path)
    assert item.document is None
    assert item.failure.code == code.value
    assert str(path) in item.failure.message or name in item.failure.message


def test_utf16_with_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("Text with a byte order mark.".encode("utf-16"))
    (item,) = _items(path)
    assert item.document.text == "Text with a byte order mark."


def test_missing_and_unreadable_paths(tmp_path):
    (item,) = _items(tmp_path / "nope.txt")
    assert item.failure.code == Code.UNREADABLE.value and "no such file" in item.failure.message
    afile = tmp_path / "file.txt"
    afile.write_text("x", encoding="utf-8")
    (item,) = _items(afile / "inside.txt")
    assert item.failure.code == Code.UNREADABLE.value
    locked = tmp_path / "locked.txt"
    locked.write_text("secret", encoding="utf-8")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):  # root can read anything
            pytest.skip("running as a user who can read mode-000 files")
        (item,) = _items(locked)
        assert item.failure.code == Code.UNREADABLE.value
    finally:
        locked.chmod(0o644)


def test_too_large_file(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("word " * 100, encoding="utf-8")
    (item,) = _items(path, options=ReadOptions(max_bytes=100))
    assert item.failure.code == Code.TOO_LARGE.value


def test_a_bad_input_does_not_stop_the_others(tmp_path):
    good1, bad, good2 = tmp_path / "1.txt", tmp_path / "2.txt", tmp_path / "3.txt"
    good1.write_text("First good.", encoding="utf-8")
    bad.write_bytes(b"abc \xff\xfa broken")
    good2.write_text("Second good.", encoding="utf-8")
    items = _items(good1, bad, tmp_path / "missing.txt", good2)
    assert [bool(i.document) for i in items] == [True, False, False, True]
