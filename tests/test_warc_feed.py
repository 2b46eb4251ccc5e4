"""WARC and RSS/Atom readers: documents, dates, coded failures, hostile files."""

from __future__ import annotations

import gzip

from newsledger.errors import Code
from newsledger.options import ReadOptions
from newsledger.sources import is_supported, iter_inputs
from newsledger.sources.warc import warc_record

from .corpus_util import page, warc_bytes


def _items(path, options=ReadOptions()):
    return list(iter_inputs([str(path)], options))


def test_warc_plain_and_gzip_give_the_same_documents(tmp_path):
    data = warc_bytes(3)
    plain = tmp_path / "a.warc"
    plain.write_bytes(data)
    gz = tmp_path / "b.warc.gz"
    # one gzip member per record, as Common Crawl writes them
    gz.write_bytes(b"".join(gzip.compress(warc_bytes(1, start=i)) for i in range(3)))
    a, b = _items(plain), _items(gz)
    assert [i.source_id for i in a] == [f"https://news.example/{i}" for i in range(3)]
    assert [i.document.text for i in a] == [i.document.text for i in b]
    doc = a[1].document
    assert doc.url == "https://news.example/1" and doc.title == "Story 1"
    assert "Home" not in doc.text
    assert is_supported(plain) and is_supported(gz)


def test_warc_date_is_the_fallback_publication_date(tmp_path):
    html = ("<html><head><title>T</title></head><body><article><p>The river rose by two metres and the mayor "
            "said that three thousand people had fled their homes near the old bridge.</p></article></body></html>")
    dated = html.replace("<title>T</title>", '<title>T</title><meta property="article:published_time" content="2023-05-02">')
    path = tmp_path / "d.warc"
    path.write_bytes(warc_record("https://x.example/1", html, date="2023-11-11T08:00:00Z")
                     + warc_record("https://x.example/2", dated, date="2023-11-11T08:00:00Z"))
    a, b = _items(path)
    assert (a.document.published, a.document.published_source) == ("2023-11-11", "input")
    assert (b.document.published, b.document.published_source) == ("2023-05-02", "metadata")


def test_warc_skips_non_article_records(tmp_path):
    warcinfo = b"WARC/1.1\r\nWARC-Type: warcinfo\r\nContent-Length: 5\r\n\r\nhello\r\n\r\n"
    redirect = warc_record("https://news.example/r", "", status="301 Moved Permanently")
    image = warc_record("https://news.example/i.png", b"\x89PNG....", http_headers={"Content-Type": "image/png"})
    path = tmp_path / "mixed.warc"
    path.write_bytes(warcinfo + redirect + image + warc_bytes(1))
    items = _items(path)
    assert [i.source_id for i in items] == ["https://news.example/0"]
    assert items[0].document is not None


def test_truncated_warc_keeps_earlier_records_and_records_e115(tmp_path):
    data = warc_bytes(3)
    for name, blob in (("t.warc", data[:-150]), ("t.warc.gz", gzip.compress(data)[:-40])):
        path = tmp_path / name
        path.write_bytes(blob)
        items = _items(path)
        assert [i.document is not None for i in items[:2]] == [True, True]
        assert items[-1].failure is not None and items[-1].failure.code == Code.BAD_WARC.value
        assert "truncated" in items[-1].failure.message


def test_gzip_bomb_inside_a_warc_is_capped(tmp_path):
    bomb = gzip.compress(b"<html>" + b" " * (40 * 1024 * 1024))  # 40 MB of spaces, ~40 KB compressed
    assert len(bomb) < 100_000
    record = warc_record("https://news.example/bomb", bomb, http_headers={"Content-Encoding": "gzip"})
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(gzip.compress(warc_bytes(1) + record + warc_bytes(1, start=1)))
    items = _items(path, ReadOptions(max_bytes=1024 * 1024))
    assert [i.source_id for i in items] == ["https://news.example/0", "https://news.example/bomb", "https://news.example/1"]
    assert items[1].failure.code == Code.BAD_WARC.value and "decompress" in items[1].failure.message
    assert items[2].document is not None


def test_oversized_warc_record_is_skipped_and_reading_goes_on(tmp_path):
    big = warc_record("https://news.example/big", page(0) + "<!--" + "x" * 300_000 + "-->")
    path = tmp_path / "big.warc"
    path.write_bytes(big + warc_bytes(1, start=1))
    items = _items(path, ReadOptions(max_bytes=100_000))
    assert items[0].failure.code == Code.TOO_LARGE.value
    assert items[1].document is not None


def test_not_a_warc(tmp_path):
    path = tmp_path / "x.warc"
    path.write_bytes(b"GIF89a....")
    (item,) = _items(path)
    assert item.failure.code == Code.BAD_WARC.value


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example news</title>
<item><title>Talks resume</title><link>https://news.example/talks</link>
<pubDate>Tue, 10 Oct 2023 04:00:00 GMT</pubDate><dc:creator>A. Writer</dc:creator>
<description>short summary</description>
<content:encoded><![CDATA[<p>Moldova and Ukraine agreed on Thursday to reopen the crossing.</p><p>Officials said 20 trucks passed.</p>]]></content:encoded></item>
<item><title>No body</title><link>https://news.example/empty</link></item>
<item><title>Summary only</title><guid>urn:x:3</guid><description>Protesters gathered in Tbilisi on Saturday.</description></item>
</channel></rss>"""

ATOM = """<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>A</title><link rel="alternate" href="https://news.example/a"/><id>urn:a</id>
<updated>2024-01-03T00:00:00Z</updated><published>2024-01-02T00:00:00Z</published>
<author><name>B. Writer</name></author>
<content type="html">&lt;p&gt;The minister said the talks would go on.&lt;/p&gt;</content></entry></feed>"""


def test_rss_items_become_documents_with_their_dates(tmp_path):
    path = tmp_path / "news.rss"
    path.write_text(RSS, encoding="utf-8")
    a, b, c = _items(path)
    assert a.source_id == "https://news.example/talks" and a.published == "2023-10-10"
    assert a.document.text == "Moldova and Ukraine agreed on Thursday to reopen the crossing.\n\nOfficials said 20 trucks passed."
    assert a.document.title == "Talks resume" and a.document.author == "A. Writer"
    assert b.failure.code == Code.BAD_FEED.value and "--follow-feed-links" in b.failure.message
    assert c.source_id == "urn:x:3" and c.document.text.startswith("Protesters")


def test_atom_entries(tmp_path):
    path = tmp_path / "news.atom"
    path.write_text(ATOM, encoding="utf-8")
    (a,) = _items(path)
    assert a.published == "2024-01-02" and a.document.url == "https://news.example/a"
    assert a.document.text == "The minister said the talks would go on."


def test_feed_links_are_read_as_urls_only_when_allowed(tmp_path, monkeypatch):
    from newsledger.model import Document
    from newsledger.sources import url as url_mod

    fetched = []

    def fake_fetch(url, options):
        fetched.append(url)
        return Document.from_text(f"The full page of {url}, with more words.", source_id=url, url=url)

    monkeypatch.setattr(url_mod, "fetch_document", fake_fetch)
    path = tmp_path / "news.rss"
    path.write_text(RSS, encoding="utf-8")
    _items(path)
    assert fetched == []
    items = _items(path, ReadOptions(follow_feed_links=True))
    assert fetched == ["https://news.example/talks", "https://news.example/empty"]
    assert items[0].document.text.startswith("The full page of https://news.example/talks")
    assert items[0].document.title == "Talks resume" and items[0].published == "2023-10-10"
    assert items[1].document is not None


def test_bad_and_hostile_feeds(tmp_path):
    broken = tmp_path / "broken.rss"
    broken.write_text("<rss><channel><item>", encoding="utf-8")
    (item,) = _items(broken)
    assert item.failure.code == Code.BAD_FEED.value
    other = tmp_path / "other.xml"
    other.write_text("<config><a/></config>", encoding="utf-8")
    (item,) = _items(other)
    assert item.failure.code == Code.BAD_FEED.value and "not a feed" in item.failure.message
    laughs = tmp_path / "laughs.rss"
    laughs.write_text('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                      '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rss><channel><item><title>t</title>'
                      '<description>&c; x</description></item></channel></rss>', encoding="utf-8")
    items = _items(laughs)
    assert all(len(i.document.text) < 100 for i in items if i.document)  # entities are not expanded
