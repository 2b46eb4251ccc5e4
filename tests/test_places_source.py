"""Where a text's publisher is, read from its URL's host
(:mod:`newsledger.nlp.places.source`), and what resolution makes of it.
Invented sentences; the hosts are made-up local papers' addresses."""

from __future__ import annotations

import pytest

from newsledger.gazetteer import get_gazetteer, haversine_km
from newsledger.nlp.places import find_places, resolve_spans
from newsledger.nlp.places.source import source_hint


@pytest.fixture(scope="module")
def g():
    return get_gazetteer()


@pytest.mark.parametrize("url, country, names", [
    # a town's name and a paper's words ("register", "daily", "news")
    ("https://www.richmondregister.com/news/local/story.html", None, ("Richmond",)),
    ("http://columbuslocalnews.com/x", None, ("Columbus",)),
    # "the" and two words of one name ("las vegas"), a state by its short name
    ("https://theparisnews.com/", None, ("Paris",)),
    ("https://www.lasvegassun.com/news/2009/mar/01/", None, ("Las Vegas",)),
    ("https://www.saltlaketribune.com", None, ("Salt Lake",)),
    # a country's domain, with and without a town of that country
    ("https://www.cambridge-news.co.uk/news", "GB", ("Cambridge",)),
    ("https://lfpress.ca/news/local", "CA", ()),
    ("https://www.thelancasterandmorecambecitizen.co.uk/", "GB", ("Lancaster", "Morecambe")),
    # a town named in a host under another country's domain is that country's or none
    ("https://weekly.ahram.org.eg/", "EG", ()),
    # a county's name, with its word or without ("pitt" + "review")
    ("https://www.pittcountyrecorder.com/a", None, ("Pitt County",)),
    ("https://www.pittreview.com/a", None, ("Pitt County",)),
    # a folder named like a local section or a group's paper, past folders of figures
    ("https://www.startelegram.com/plano_news/story/1.html", None, ("Plano",)),
    ("https://www.example.com/articles/2009/03/23/pitt_county_news/news/doc1.txt", None, ("Pitt County",)),
    ("https://www.lfpress.ca/news/london_news/a.html", "CA", ("London",)),
])
def test_host_names_the_publisher(g, url, country, names):
    hint = source_hint(url, g)
    assert hint is not None
    assert (hint.country, hint.names) == (country, names)


@pytest.mark.parametrize("url", [
    None, "", "not a url", "http://[bad", "http://localhost:8000/a",
    # press words alone: no town "Bullet" in "post" + "bulletin", no "Line" in "online"
    "https://news.postbulletin.com/x", "https://www.heraldonline.com/y",
    # a few hundred people are no paper's home; a code sold for its letters is no country
    "https://www.daily-jeff.com/z", "https://example.tv/a", "https://www.bbc.com/news",
    # a label too long for any paper's name is not read
    "https://richmond" + "register" * 5 + ".com/x",
    # a desk's folder, a place's name alone, press words alone, the story's own last part
    "https://www.thestar.com/news/canada/story.html", "https://www.thestar.com/middleeast/egypt-church/a.html",
    "https://www.thestar.com/articles/2009/hunterdon/news/doc1.txt", "https://www.thestar.com/local_news/doc1.txt",
    "https://www.thestar.com/news-story/7105569-crash-in-paris/", "https://www.thestar.com/news/plano_news/",
])
def test_hosts_that_say_nothing(g, url):
    assert source_hint(url, g) is None


def _place(doc, text, url=None):
    found = [p for p in find_places(doc, url=url) if p.text == text]
    assert found, f"{text!r} not found"
    return found[0]


def test_local_paper_puts_its_towns_near_home(nlp):
    doc = nlp("BEREA — The city council voted on Tuesday to build a new water tower "
              "on the north side of Berea, the mayor said.")
    near_richmond_ky = (37.57, -84.30)
    here = _place(doc, "Berea", "https://www.richmondregister.com/news/local/water-tower")
    assert haversine_km(here.lat, here.lon, *near_richmond_ky) < 50


def test_local_section_folder_puts_its_towns_near_home(nlp):
    doc = nlp("NEWTOWN — The township supervisors voted on Wednesday to repave two roads near the library.")
    assert _place(doc, "NEWTOWN").country == "AU"  # (no URL: Sydney's)
    here = _place(doc, "NEWTOWN", "https://www.recordernewspapers.com/articles/2009/bucks_review/news/d1.txt")
    assert haversine_km(here.lat, here.lon, 40.23, -74.94) < 50  # Bucks County's, Pennsylvania


def test_country_domain_decides_a_capital_namesake(nlp):
    doc = nlp("Police in London said a man was charged after a crash on Wellington Road on Friday night.")
    assert _place(doc, "London").country == "GB"  # (no URL: the great city)
    assert _place(doc, "London", "https://www.lfpress.ca/2009/03/crash").country == "CA"


def test_resolve_spans_reads_the_url_too(nlp):
    text = "The East Hampton Board of Selectmen met Monday to review the budget for the coming year."
    doc = nlp(text)
    start = text.index("East Hampton")
    span = (start, start + len("East Hampton"))
    [p] = resolve_spans(doc, [span], url="https://www.middletownpress.com/articles/budget")
    assert haversine_km(p.lat, p.lon, 41.58, -72.50) < 50  # Connecticut's, near Middletown


def test_the_host_is_no_place_of_the_text(nlp):
    # the host's own town is left out of the places found, and a town the
    # text names itself keeps the text's own reading
    doc = nlp("Students from Dublin and Hilliard high schools collected food for the pantry this week.")
    url = "https://www.columbuslocalnews.com/story"
    assert [p.text for p in find_places(doc, url=url)] == [p.text for p in find_places(doc)]


def test_analyzer_passes_the_documents_url(analyzer):
    text = "Police in London said a man was charged after a crash on Wellington Road on Friday night."
    ledger = analyzer.analyze(text, published="2009-03-20", url="https://www.lfpress.ca/news/crash")
    london = [p for p in ledger.places if p.text == "London"]
    assert london and london[0].country == "CA"
    plain = analyzer.analyze(text, published="2009-03-20")
    assert [p.country for p in plain.places if p.text == "London"] == ["GB"]


def test_host_spellings_no_name_has_are_not_looked_up(g, monkeypatch):
    from newsledger.gazetteer import Gazetteer
    from newsledger.nlp.places import source

    monkeypatch.setattr(source, "_CACHE", {})
    fresh = Gazetteer(g.path)
    asked = []
    exact = fresh.exact
    monkeypatch.setattr(fresh, "exact", lambda name: asked.append(name) or exact(name))
    hint = source_hint("https://www.pittcountyrecorder.com/a", fresh)
    assert hint.names == ("Pitt County",)
    # ("pittcounty", "pit tcounty", "pittco unty", ...: the index's hashes rule them out first)
    assert 0 < len(asked) <= 5, asked


def test_host_cache_is_bounded(g, monkeypatch):
    from newsledger.nlp.places import source

    monkeypatch.setattr(source, "CACHE_SIZE", 2)
    monkeypatch.setattr(source, "_CACHE", {})
    hosts = ["https://www.richmondregister.com/a", "https://lfpress.ca/b", "https://www.lasvegassun.com/c"]
    hints = [source_hint(u, g) for u in hosts]
    assert len(source._CACHE) <= 2
    assert [h.names or (h.country,) for h in hints] == [("Richmond",), ("CA",), ("Las Vegas",)]
