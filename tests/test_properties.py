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
