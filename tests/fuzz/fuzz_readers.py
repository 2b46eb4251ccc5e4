"""atheris (libFuzzer) target for the readers: any bytes in, SourceItems or InputError out.

    .venv/bin/python tests/fuzz/fuzz_readers.py -runs=5000 -max_len=4096 [corpus_dir]

The first byte picks the reader (decode, HTML, JSONL, WARC, RSS/Atom); the rest is its input.
Any exception other than :class:`newsledger.errors.InputError` is a crash (libFuzzer exits 1
and writes the input as crash-*)."""

import io
import sys

import atheris

with atheris.instrument_imports(include=["newsledger"]):
    from newsledger.errors import InputError
    from newsledger.options import ReadOptions
    from newsledger.sources.decode import decode_bytes
    from newsledger.sources.feed import iter_feed_items
    from newsledger.sources.html import html_to_document
    from newsledger.sources.jsonl import iter_jsonl_records
    from newsledger.sources.warc import iter_warc_records

OPTIONS = ReadOptions(max_bytes=64 * 1024)


def _check_items(items) -> None:
    for item in items:
        assert (item.document is None) != (item.failure is None), item
        if item.document is not None:
            assert item.document.text.strip() and item.document.id
        else:
            assert item.failure.code.startswith("E1"), item.failure


def one_input(data: bytes) -> None:
    if not data:
        return
    kind, body = data[0] % 5, data[1:]
    try:
        if kind == 0:
            text = decode_bytes(body)
            assert text.strip()
        elif kind == 1:
            doc = html_to_document(decode_bytes(body, html=True))
            assert doc.text.strip()
        elif kind == 2:
            _check_items(iter_jsonl_records(io.BytesIO(body), "fuzz.jsonl", OPTIONS))
        elif kind == 3:
            _check_items(iter_warc_records(io.BytesIO(body), "fuzz.warc", OPTIONS))
        else:
            _check_items(iter_feed_items(body, "fuzz.rss", OPTIONS))
    except InputError as err:
        assert err.code.value.startswith("E1"), err


def main() -> None:
    atheris.Setup(sys.argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
