"""The HTML reader: article body, metadata, related links, furniture left out."""

from __future__ import annotations

import re

import pytest

from newsledger.errors import Code, InputError
from newsledger.model import content_id
from newsledger.sources.html import (clean_body, extract_article, html_to_document,
                                     looks_like_html)

URL = "https://valleynotes.example.com/2023/09/bridge-reopens.html"

ARTICLE = [
    "The old river bridge reopened to traffic on Tuesday after eight months of repairs "
    "that cost the county about 4.2 million dollars.",
    "Engineers replaced the steel deck and strengthened the stone piers, which had been "
    "damaged by the spring floods of last year.",
    '"We are glad to have our bridge back," said the mayor, Tom Baker, at a short ceremony '
    "attended by around two hundred residents.",
    "Buses will return to their usual route on Monday, the transport office said in a statement.",
]

RELATED = [
    ("/2023/09/council-approves-new-budget.html", "Council approves the new budget for schools"),
    ("https://example.org/2023/08/flood-warning-lifted.html", "Flood warning lifted across the valley"),
    ("/2023/07/ferry-service-ends.html", "Ferry service ends after forty years"),
]

# A Blogger-style page: nav menu, a related-articles list *above* the post,
# share buttons, labels, "No comments: / Post a Comment", pager and footer.
BLOG = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>River bridge reopens after repairs | Valley Notes</title>
<meta property="og:title" content="River bridge reopens after repairs">
<meta property="og:site_name" content="Valley Notes">
<meta name="author" content="Jane Miller">
<meta property="article:published_time" content="2023-09-19T08:30:00Z">
</head><body>
<div class="navbar"><ul class="menu">
<li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/about">About us</a></li></ul></div>
<div class="sidebar related-posts"><h3>Related articles</h3><ul>
{related}
</ul></div>
<div class="post hentry">
<h3 class="post-title entry-title">River bridge reopens after repairs</h3>
<div class="post-header"><span class="post-author">Posted by Jane Miller</span></div>
<div class="post-body entry-content">
{paragraphs}
</div>
<div class="post-share-buttons">
<a class="share-button" href="https://twitter.com/share">Share to Twitter</a>
<a class="share-button" href="https://facebook.com/sharer">Share to Facebook</a>
<a class="share-button" href="https://pinterest.com/pin">Share to Pinterest</a></div>
<div class="post-footer">Labels: <a href="/search/label/local">local</a></div>
</div>
<div class="comments" id="comments"><h4>No comments:</h4>
<div id="comment-holder"></div>
<h4 id="comment-post-message">Post a Comment</h4>
<p class="comment-footer"><a href="/feeds/comments">Subscribe to: Post Comments (Atom)</a></p>
</div>
<div class="blog-pager"><a href="/newer">Newer Post</a> <a href="/older">Older Post</a>
<a href="/">Home</a></div>
<div class="footer"><p>Copyright 2023 Valley Notes. All rights reserved.</p></div>
</body></html>
""".format(
    related="\n".join(f'<li><a href="{href}">{text}</a></li>' for href, text in RELATED),
    paragraphs="\n".join(f"<p>{p}</p>" for p in ARTICLE),
)

# The same page with every class and id stripped: only the words are left
# to tell the furniture from the article.
PLAIN_BLOG = re.sub(r' (?:class|id)="[^"]*"', "", BLOG)

# Related list, share buttons and the comment widget *inside* the article.
INLINE = """<html><head><title>Harbour plan approved</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/contact">Contact</a></nav>
<article>
<h1>Harbour plan approved</h1>
<p>The city council approved a plan on Wednesday to rebuild the northern harbour wall before the winter storms arrive.</p>
<p>Work will start in October and should take about fourteen months, according to the harbour master, Ana Ruiz.</p>
<div><strong>Related articles</strong><ul>
<li><a href="/a/storm-damage-report">Storm damage report published by the council</a></li>
<li><a href="/a/fishing-fleet">Fishing fleet shrinks for the third year running</a></li></ul></div>
<p>Local fishermen welcomed the decision but asked for a temporary mooring area during the works.</p>
<p>Share this:</p><p><a href="https://twitter.com/intent">Twitter</a></p>
<p><a href="https://facebook.com/share">Facebook</a></p>
<h4>No comments:</h4>
<p>Post a Comment</p>
</article>
</body></html>
"""

FURNITURE = ["No comments", "Post a Comment", "Share to Twitter", "Share to Facebook",
             "Related articles", "About us", "Newer Post", "Older Post", "Subscribe to",
             "All rights reserved", "Labels"]


@pytest.mark.parametrize("page", [BLOG, PLAIN_BLOG], ids=["classed", "no-classes"])
def test_blog_body_is_the_article_only(page):
    article = extract_article(page, url=URL)
    for sentence in ARTICLE:
        assert sentence in article.text
    for furniture in FURNITURE:
        assert furniture not in article.text
    for _, title in RELATED:
        assert title not in article.text
    lines = article.text.splitlines()
    assert "Home" not in lines and "News" not in lines


@pytest.mark.parametrize("page", [BLOG, PLAIN_BLOG], ids=["classed", "no-classes"])
def test_blog_related_articles_become_links(page):
    links = extract_article(page, url=URL).links
    assert [(link.text, link.url) for link in links] == [
        ("Council approves the new budget for schools",
         "https://valleynotes.example.com/2023/09/council-approves-new-budget.html"),
        ("Flood warning lifted across the valley",
         "https://example.org/2023/08/flood-warning-lifted.html"),
        ("Ferry service ends after forty years",
         "https://valleynotes.example.com/2023/07/ferry-service-ends.html"),
    ]


def test_blog_metadata():
    article = extract_article(BLOG, url=URL)
    assert article.title == "River bridge reopens after repairs"
    assert article.author == "Jane Miller"
    assert article.date == "2023-09-19"
    assert article.sitename == "Valley Notes"


def test_related_list_inside_article_is_moved_to_links():
    article = extract_article(INLINE, url="https://news.example.com/a/harbour")
    assert "rebuild the northern harbour wall" in article.text
    assert "temporary mooring area during the works" in article.text
    for furniture in ["Storm damage report", "Fishing fleet shrinks", "Share this",
                      "Twitter", "Facebook", "No comments", "Post a Comment", "Contact"]:
        assert furniture not in article.text
    assert [link.url for link in article.links] == [
        "https://news.example.com/a/storm-damage-report",
        "https://news.example.com/a/fishing-fleet",
    ]


def test_headline_is_the_title_not_the_first_body_line():
    article = extract_article(INLINE, url="https://news.example.com/a/harbour")
    assert article.title == "Harbour plan approved"
    assert article.text.startswith("The city council approved a plan")


def test_links_leave_out_menus_and_the_page_itself():
    page = BLOG.replace("/2023/07/ferry-service-ends.html", URL)
    urls = [link.url for link in extract_article(page, url=URL).links]
    assert URL not in urls
    assert not any(u.endswith(("/news", "/sport", "/about")) for u in urls)


def test_html_to_document_fills_the_fields():
    doc = html_to_document(BLOG, url=URL, source_id="blog-1")
    assert doc.id == content_id(doc.text)
    assert doc.source_id == "blog-1" and doc.url == URL
    assert doc.title == "River bridge reopens after repairs"
    assert doc.author == "Jane Miller"
    assert doc.outlet == "Valley Notes"
    assert doc.published == "2023-09-19" and doc.published_source == "metadata"
    assert len(doc.links) == 3
    assert ARTICLE[0] in doc.text


def test_html_to_document_without_a_date():
    page = "<html><body><article>" + "".join(f"<p>{p}</p>" for p in ARTICLE) + "</article></body></html>"
    doc = html_to_document(page)
    assert doc.published is None and doc.published_source is None
    assert doc.links == []
    assert ARTICLE[1] in doc.text


def test_a_short_article_is_kept():
    page = "<html><body><p>Short note: the meeting is moved to Friday.</p></body></html>"
    assert extract_article(page).text == "Short note: the meeting is moved to Friday."


@pytest.mark.parametrize("page", [
    "",
    "<html><body></body></html>",
    '<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>',
    "<html><body><script>var x = 1;</script></body></html>",
])
def test_no_article_raises_a_coded_error(page):
    with pytest.raises(InputError) as info:
        html_to_document(page, source_id="page-7")
    assert info.value.code is Code.NO_ARTICLE
    assert "page-7" in info.value.message
    assert "no article text" in info.value.message or "could not be parsed" in info.value.message


def test_clean_body_drops_furniture_lines_and_link_titles():
    text = "\n".join([
        "First line of the story.",
        "Share this:",
        "Related: Ferry service ends after forty years",
        "Second line, which mentions comments from readers.",
        "No comments:",
        "Post a Comment",
        "Copyright 2023 Valley Notes. All rights reserved.",
    ])
    assert clean_body(text, ["Ferry service ends after forty years"]) == (
        "First line of the story.\nSecond line, which mentions comments from readers.")


def test_looks_like_html():
    assert looks_like_html("<!DOCTYPE html><html><body>x</body></html>")
    assert looks_like_html("  <html><p>x</p></html>")
    assert looks_like_html("<div>intro</div><body><p>x</p></body>")
    assert not looks_like_html("Plain text about <b> tags.")
