"""Property tests: readers and stages never let an exception escape, and every
span they produce indexes the text it claims to (text[start:end] == span.text)."""

from hypothesis import HealthCheck, given, settings, strategies as st

from newsledger.contract import problems
from newsledger.errors import InputError
from newsledger.model import Document, to_dict
from newsledger.sources.decode import decode_bytes
from newsledger.sources.html import html_to_document

# news-like fragments mixed with arbitrary text, so that the stages have something to find
FRAGMENTS = ["Kyiv", "Moscow", "said", "on 2 May 2024", "“", "”", '"', "more than 1,000 troops", "Baku says",
             "three years ago", "\n", "\n\n", " ", ".", ",", "according to officials", "almost ten months",
             "Armenia and Azerbaijan signed", "the offensive", "he told reporters", "—", "’s", "percent", "-"]
news_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), min_size=1, max_size=40).map("".join)
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.binary(max_size=2000))
def test_decode_bytes_only_raises_input_errors(data):
    try:
        text = decode_bytes(data)
    except InputError as err:
        assert err.code.value.startswith("E1")
    else:
        assert isinstance(text, str) and text.strip()


@SETTINGS
@given(st.text(max_size=400), st.sampled_from(["<html><body>", "<p>", "<div><article>", ""]))
def test_html_reader_only_raises_input_errors(body, prefix):
    try:
        doc = html_to_document(prefix + body)
    except InputError as err:
        assert err.code.value.startswith("E1")
    else:
        assert doc.text.strip() and doc.id


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(news_text, st.sampled_from([None, "2023-11-27", "1999-01-01"]))
def test_every_span_of_every_stage_indexes_the_text(analyzer, text, published):
    if not text.strip():
        return
    (ledger,) = list(analyzer.analyze_documents([Document.from_text(text)], published=published))
    assert problems(to_dict(ledger)) == []
    assert all(e.code != "E201" for e in ledger.errors), ledger.errors


# ---------------------------------------------------------------------------
# the container readers: any bytes give SourceItems (a document or a coded failure), never an exception

def _only_items(items):
    for item in items:
        assert (item.document is None) != (item.failure is None)
        if item.failure is not None:
            assert item.failure.code.startswith("E1"), item.failure


@SETTINGS
@given(st.lists(st.one_of(st.binary(max_size=200), st.sampled_from([
    b'{"id": "a", "text": "Kyiv said so."}', b'{"html": "<p>x</p>"}', b"{", b"[]", b'{"text": 5}', b"null",
    b'{"id": 1, "text": "\\u0000"}', b'{"text": "x", "published": "2023-99-99"}'])), max_size=8))
def test_jsonl_reader_never_raises(lines):
    import io

    from newsledger.options import ReadOptions
    from newsledger.sources.jsonl import iter_jsonl_records

    _only_items(iter_jsonl_records(io.BytesIO(b"\n".join(lines)), "p.jsonl", ReadOptions(max_bytes=4096)))


@SETTINGS
@given(st.binary(max_size=1500), st.integers(min_value=0, max_value=600))
def test_warc_reader_never_raises_on_garbage_or_cuts(noise, cut):
    import io

    from newsledger.options import ReadOptions
    from newsledger.sources.warc import iter_warc_records, warc_record

    record = warc_record("https://news.example/1", "<html><body><p>Kyiv said on Monday that talks would go on.</p></body></html>")
    for data in (noise, record[:cut] + noise, record + noise):
        _only_items(iter_warc_records(io.BytesIO(data), "p.warc", ReadOptions(max_bytes=4096)))


@SETTINGS
@given(st.text(max_size=300), st.sampled_from(["rss", "feed", "rdf:RDF", "channel"]))
def test_feed_reader_never_raises(body, root):
    from newsledger.options import ReadOptions
    from newsledger.sources.feed import iter_feed_items

    data = f'<?xml version="1.0"?><{root}><item><title>t</title><description>{body}</description></item></{root}>'
    _only_items(iter_feed_items(data.encode("utf-8", "surrogatepass"), "p.rss", ReadOptions(max_bytes=4096)))
