"""The web UI (``newsledger serve``): pages in process, then in a real headless Chromium.

The browser tests drive Debian's ``/usr/bin/chromium`` through Playwright
(never a browser download) against a uvicorn server on 127.0.0.1 holding
examples/, the seed article (when ../shared has it) and a hostile article.
Screenshots go to artifacts/screenshots/ (git-ignored).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import re
import socket
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("starlette")
pytest.importorskip("jinja2")
httpx = pytest.importorskip("httpx")

import newsledger  # noqa: E402
from newsledger.model import Document  # noqa: E402
from newsledger.store import Store  # noqa: E402
from newsledger.web.app import create_app, document_view, sentence_around  # noqa: E402

from .conftest import REPO, SEED_TEXT  # noqa: E402
from .test_api import build_ledger_db  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = REPO / "artifacts" / "screenshots"
PAGES = ["/", "/timeline", "/actors", "/claims", "/contradictions", "/figures", "/map", "/relations"]

HOSTILE_TEXT = (
    "Russia attacked the town of Kherson on Monday, officials said. <script>window.__pwned = 1;</script>\n\n"
    "\"We will not accept this <img src=x onerror=\"window.__pwned = 2\">,\" said John Smith, a spokesman. "
    "Read more at <a href=\"javascript:window.__pwned = 3\">this link</a> or javascript:alert(1).\n\n"
    "More than 300 people fled the town last week <svg onload=\"window.__pwned = 4\"></svg>."
)
HOSTILE_META = {
    "title": "<script>window.__pwned = 5</script>Hostile <b onmouseover=\"window.__pwned=6\">title</b>",
    "outlet": "<img src=x onerror=\"window.__pwned = 7\">Evil Outlet",
    "author": "\"><svg onload=window.__pwned=8>",
    "url": "javascript:window.__pwned = 9",
}


@pytest.fixture(scope="module")
def web_db(analyzer, tmp_path_factory):
    """examples/ (with one contested pair and one contradiction), the seed article, a hostile article."""
    path = build_ledger_db(analyzer, tmp_path_factory.mktemp("web") / "ledger.db")
    docs = [Document.from_text(HOSTILE_TEXT, source_id="hostile.txt", **HOSTILE_META)]
    seed = None
    if SEED_TEXT.exists():
        seed = Document.from_text(SEED_TEXT.read_text(encoding="utf-8"), source_id=str(SEED_TEXT),
                                  published="2023-11-27")
        docs.append(seed)
    with Store(path) as store:
        for ledger in analyzer.analyze_documents(docs, published="2024-05-03"):
            store.write(ledger)
    return path


@pytest.fixture(scope="module")
def app(web_db):
    return create_app(web_db)


def fetch(app, url):
    async def run():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            return await client.get(url)

    # in a thread of its own: Playwright's sync API keeps an event loop running in this one
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, run()).result()


def hostile_id(db) -> str:
    with newsledger.open(db) as ledger:
        return ledger.document("hostile.txt").id


# --------------------------------------------------------------------------- in process

def test_every_page_answers_with_a_strict_content_security_policy(app, web_db):
    with newsledger.open(web_db) as ledger:
        doc_ids = [d.id for d in ledger.documents()]
        actor = ledger.actors(limit=1)[0].id
    for url in PAGES + [f"/documents/{d}" for d in doc_ids] + [f"/actors/{actor}"]:
        response = fetch(app, url)
        assert response.status_code == 200, (url, response.text[:500])
        assert response.headers["content-type"].startswith("text/html")
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    for url in ("/static/app.js", "/static/style.css", "/static/favicon.svg"):
        assert fetch(app, url).status_code == 200


def test_the_json_api_and_its_schema_are_mounted(app):
    assert fetch(app, "/openapi.json").json()["openapi"].startswith("3.1")
    events = fetch(app, "/api/events?limit=2").json()
    assert events["count"] == 2
    assert fetch(app, "/api/documents/nothing-here").status_code == 404


def test_bad_filters_give_a_400_page_and_unknown_items_a_404(app):
    response = fetch(app, "/timeline?from=yesterday")
    assert response.status_code == 400 and "from" in response.text
    assert fetch(app, "/timeline?type=%3Cscript%3E").status_code == 400
    assert fetch(app, "/documents/0000000000").status_code == 404
    assert fetch(app, "/actors/nobody-at-all").status_code == 404


def test_hostile_markup_is_escaped_in_the_html(app, web_db):
    doc_id = hostile_id(web_db)
    for url in (f"/documents/{doc_id}", "/", "/timeline", "/claims", "/figures"):
        html = fetch(app, url).text
        assert "<script>window" not in html, url
        assert "<img src=x" not in html and "<svg onload" not in html, url
        assert 'href="javascript:' not in html.lower(), url
    html = fetch(app, f"/documents/{doc_id}").text
    assert "&lt;script&gt;window.__pwned = 1;&lt;/script&gt;" in html


def test_document_view_segments_cover_the_text_once(web_db):
    with newsledger.open(web_db) as ledger:
        for doc in ledger.documents():
            stored = ledger.ledger(doc.id)
            view = document_view(stored, (10, 40))
            assert "".join(s["text"] for s in view["segments"]) == stored.document.text
            for seg in view["segments"]:
                assert all(i in view["items"] for i in seg["ids"])
            assert sum(s["first_target"] for s in view["segments"]) == 1


def test_sentence_around_finds_the_sentence():
    text = "First one. Russia attacked the town on Monday, officials said. Third one."
    start = text.index("attacked")
    before, span, after = sentence_around(text, start, start + 8)
    assert before + span + after == "Russia attacked the town on Monday, officials said."


def test_the_relations_page_counts_as_ledger_relations_does(web_db):
    from collections import Counter

    from newsledger.api import period_label, stance
    from newsledger.web.app import _Pages

    with newsledger.open(web_db) as ledger:
        for filters in ({}, {"actor": "RU"}, {"type": "ASSAULT"}, {"from": "2023"}):
            want, got = Counter(), Counter()
            kw = {"date_from": filters["from"]} if "from" in filters else filters
            for r in ledger.relations(**kw):
                key = (*sorted((r.source, r.target)), r.period)
                want[key + ("coop",)] += r.cooperation
                want[key + ("conflict",)] += r.conflict
                want[key + ("n",)] += r.events
            for r in _Pages._pair_rows(ledger, filters):
                key = (*sorted((r["s"], r["t"])), period_label(r["time"]) or period_label(r["published"]))
                side = stance(r["type"], r["intensity"])
                got[key + ("coop",)] += r["n"] * (side == "cooperation")
                got[key + ("conflict",)] += r["n"] * (side == "conflict")
                got[key + ("n",)] += r["n"]
            assert +got == +want, filters


# --------------------------------------------------------------------------- in Chromium

def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(web_db):
    uvicorn = pytest.importorskip("uvicorn")
    port = _free_port()
    config = uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield chromium
        chromium.close()


class Watched:
    """A page that records console errors, uncaught exceptions, dialogs and off-host requests."""

    def __init__(self, browser, base: str, **context):
        self.base = base
        self.context = browser.new_context(**context)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.foreign: list[str] = []
        self.page.on("console", lambda msg: self.errors.append(msg.text) if msg.type == "error" else None)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))

        def dialog(d):
            self.dialogs.append(d.message)
            d.dismiss()

        self.page.on("dialog", dialog)
        self.page.on("request", lambda req: None if req.url.startswith(base) or req.url.startswith("data:")
                     else self.foreign.append(req.url))

    def goto(self, path: str):
        response = self.page.goto(self.base + path, wait_until="load")
        assert response is not None and response.ok, (path, response and response.status)
        return response

    def shot(self, name: str, full_page: bool = True) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)

    def close(self) -> None:
        self.context.close()


@pytest.fixture()
def desktop(browser, server):
    page = Watched(browser, server, viewport={"width": 1280, "height": 900})
    yield page
    page.close()


@pytest.fixture()
def phone(browser, server):
    page = Watched(browser, server, viewport={"width": 390, "height": 844}, device_scale_factor=2,
                   is_mobile=True, has_touch=True)
    yield page
    page.close()


def _doc_ids(db) -> dict[str, str]:
    with newsledger.open(db) as ledger:
        return {Path(d.source_id).name: d.id for d in ledger.documents()}


def test_every_page_loads_in_chromium_without_console_errors(desktop, web_db):
    docs = _doc_ids(web_db)
    with newsledger.open(web_db) as ledger:
        actor = max(ledger.actors(), key=lambda a: a.n_events).id
    paths = PAGES + [f"/documents/{i}" for i in docs.values()] + [f"/actors/{actor}"]
    for path in paths:
        desktop.goto(path)
        name = {"/": "documents"}.get(path, path.strip("/").replace("/", "-"))
        if path.startswith("/documents/"):
            name = "document-" + next(k for k, v in docs.items() if v == path.rsplit("/", 1)[1]).split(".")[0]
        desktop.shot(name)
        assert not desktop.errors, (path, desktop.errors)
    assert not desktop.foreign, desktop.foreign
    assert not desktop.dialogs


def test_pages_fit_a_phone(phone, web_db):
    docs = _doc_ids(web_db)
    doc = docs.get("nk-exodus-russia-role.txt") or docs["river-ceasefire.txt"]
    for path, name in (("/timeline", "phone-timeline"), (f"/documents/{doc}", "phone-document"),
                       ("/actors", "phone-actors"), ("/", "phone-documents"), ("/claims", "phone-claims")):
        phone.goto(path)
        width = phone.page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390 + 2, (path, width)  # no sideways scrolling of the page itself
        phone.shot(name, full_page=False)
    phone.goto(f"/documents/{doc}")
    assert not phone.page.locator("#panel").is_visible()  # the bottom sheet shows only a selection
    phone.page.locator("#doctext .hl.k-event").first.tap()
    assert phone.page.locator("#panel-body .item").first.is_visible()
    phone.shot("phone-document-selected", full_page=False)
    phone.page.locator("#panel-close").tap()
    assert not phone.page.locator("#panel").is_visible()
    assert not phone.errors, phone.errors


def test_clicking_a_timeline_item_shows_its_evidence_sentence(desktop, web_db):
    with newsledger.open(web_db) as ledger:
        first = ledger.events(limit=1)[0]
    desktop.goto("/timeline")
    item = desktop.page.locator("#timeline > li.ev").first
    evidence = item.locator(".evidence")
    assert not evidence.is_visible()
    item.locator("summary").click()
    assert evidence.is_visible()
    assert first.evidence_text in evidence.locator("blockquote mark").inner_text()
    sentence = evidence.locator("blockquote").inner_text()
    assert len(sentence) >= len(first.evidence_text)
    desktop.shot("timeline-open", full_page=False)
    # its link opens the source with the evidence marked and its item shown
    evidence.locator("a.evlink").click()
    desktop.page.wait_for_load_state("load")
    assert "/documents/" in desktop.page.url
    target = desktop.page.locator("#target")
    assert target.is_visible()
    desktop.shot("document-from-timeline", full_page=False)
    assert not desktop.errors, desktop.errors


def test_a_filter_changes_what_the_timeline_shows(desktop, web_db):
    desktop.goto("/timeline")
    items = desktop.page.locator("#timeline > li.ev")
    before = items.count()
    types = [t for t in items.evaluate_all("els => els.map(e => e.dataset.type)") if t != "none"]
    assert before > 1 and types
    rare = min(set(types), key=types.count)
    desktop.page.select_option("#type-filter", rare)
    with desktop.page.expect_navigation():
        desktop.page.locator("#timeline-filters button[type=submit]").click()
    shown = desktop.page.locator("#timeline > li.ev").evaluate_all("els => els.map(e => e.dataset.type)")
    assert shown and set(shown) == {rare} and len(shown) < before
    assert f"type={rare}" in desktop.page.url
    desktop.shot("timeline-filtered")
    assert not desktop.errors, desktop.errors


def test_clicking_or_pressing_enter_on_a_span_shows_the_structured_item(desktop, web_db):
    docs = _doc_ids(web_db)
    desktop.goto(f"/documents/{docs['river-ceasefire.txt']}")
    panel = desktop.page.locator("#panel-body")
    desktop.page.locator("#doctext .hl.k-event").first.click()
    text = panel.inner_text()
    assert "Event" in text or "EVENT" in text
    assert "modality" in text and "how resolved" in text or "not dated by the text" in text
    desktop.page.locator("#doctext .hl.k-claim").first.click()
    assert "speaker" in panel.inner_text() and "cue" in panel.inner_text()
    desktop.shot("document-selected", full_page=False)
    # keyboard: the spans are reachable with Tab and open with Enter
    for _ in range(60):
        desktop.page.keyboard.press("Tab")
        if desktop.page.evaluate("document.activeElement.classList.contains('hl')"):
            break
    else:
        pytest.fail("no highlighted span is reachable with Tab")
    desktop.page.evaluate("document.getElementById('panel-body').textContent = ''")
    desktop.page.keyboard.press("Enter")
    assert panel.inner_text().strip()
    # a legend box hides a kind of highlight
    desktop.page.locator(".legend input[data-kind=event]").uncheck()
    assert "off-event" in desktop.page.locator("#doctext").get_attribute("class")
    assert not desktop.errors, desktop.errors


def test_the_actor_network_is_drawn_and_filtered_by_type(desktop):
    desktop.goto("/actors")
    lines = desktop.page.locator("#network line")
    total = lines.count()
    assert total > 0 and desktop.page.locator("#network a").count() >= 2
    options = desktop.page.locator("#net-type option").evaluate_all("els => els.map(e => e.value)")
    counts = {}
    for value in options[1:]:
        desktop.page.select_option("#net-type", value)
        counts[value] = desktop.page.locator("#network line").count()
    assert counts and all(0 < n <= total for n in counts.values())
    assert not desktop.errors, desktop.errors


def test_the_map_shows_places_and_their_details(desktop):
    desktop.goto("/map")
    circles = desktop.page.locator("#map circle.place")
    assert circles.count() > 3
    assert desktop.page.locator("#map path.land").get_attribute("d").count("M") > 20
    circle = desktop.page.locator("#map circle.place.has-events").first
    circle.focus()
    desktop.page.keyboard.press("Enter")
    panel = desktop.page.locator("#map-panel")
    assert circle.get_attribute("data-name") in panel.inner_text()
    desktop.page.locator("#zoom-in").click()
    assert desktop.page.locator("#map").get_attribute("viewBox") != "-180 -84 360 144"
    desktop.shot("map-selected", full_page=False)
    assert not desktop.errors, desktop.errors


def test_contested_claims_and_contradictions_are_side_by_side(desktop):
    desktop.goto("/claims")
    pair = desktop.page.locator(".pair").first
    assert pair.locator(".side").count() == 2
    boxes = [pair.locator(".side").nth(i).bounding_box() for i in range(2)]
    assert abs(boxes[0]["y"] - boxes[1]["y"]) < 2 and boxes[0]["x"] < boxes[1]["x"]
    desktop.goto("/contradictions")
    assert desktop.page.locator(".pair .side").count() == 2
    desktop.goto("/timeline")
    assert desktop.page.locator(".badge.contra").count() >= 1
    assert not desktop.errors, desktop.errors


def test_a_hostile_article_renders_as_inert_text(desktop, web_db):
    doc_id = hostile_id(web_db)
    for path in (f"/documents/{doc_id}", "/", "/timeline?source=hostile.txt", "/claims", "/figures", "/map",
                 "/actors", "/timeline"):
        desktop.goto(path)
        desktop.page.mouse.move(200, 200)
        for node in desktop.page.locator("#doctext .hl, summary").all()[:30]:
            node.click()
        assert desktop.page.evaluate("typeof window.__pwned") == "undefined", path
        assert desktop.page.locator("main img, main script:not([type='application/json']), #doctext svg, #doctext a, main b").count() == 0, path
        assert not desktop.page.locator("a[href^='javascript' i]").count(), path
    desktop.goto(f"/documents/{doc_id}")
    body = desktop.page.locator("main").inner_text()
    assert "<script>window.__pwned = 1;</script>" in body
    assert "<img src=x onerror" in body and HOSTILE_META["title"] in body
    desktop.shot("document-hostile")
    assert not desktop.dialogs, desktop.dialogs
    assert not desktop.foreign, desktop.foreign
    assert not desktop.errors, desktop.errors


# --------------------------------------------------------------------------- speed

@pytest.mark.slow
def test_every_page_answers_in_under_500_ms_on_10000_events(web_db, tmp_path):
    """The issue's benchmark: copies of the analysed documents (each a new
    document: its text changes by trailing spaces) until the ledger holds
    10,000 events; each page's server time, best of three."""
    import dataclasses

    from newsledger.model import content_id

    with newsledger.open(web_db) as ledger:
        seeds = [ledger.ledger(d.id) for d in ledger.documents()]
    path = tmp_path / "big.db"
    n, i = 0, 0
    with Store(path) as store:
        while n < 10_000:
            for seed in seeds:
                text = seed.document.text + " " * (i + 1)
                doc = dataclasses.replace(seed.document, text=text, id=content_id(text),
                                          source_id=f"copy{i}-{seed.document.source_id}", outlet=f"Outlet {i % 25}",
                                          published=f"{2010 + i % 14}-{1 + i % 12:02d}-{1 + i % 28:02d}")
                store.write(dataclasses.replace(seed, document=doc))
                n += len(seed.events)
            i += 1
    app = create_app(path)
    with newsledger.open(path) as ledger:
        doc = ledger.documents(limit=1)[0].id
        assert len(ledger.events()) >= 10_000
    timings = {}
    for url in PAGES + [f"/documents/{doc}", "/actors/RU", "/timeline?actor=Russia", "/timeline?type=ASSAULT",
                        "/?q=Russia", "/relations?actor=RU"]:
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            response = fetch(app, url)
            best = min(best, time.perf_counter() - started)
            assert response.status_code == 200, url
        timings[url] = round(best * 1000)
    print("server time (ms) on", n, "events:", timings)
    slow = {url: ms for url, ms in timings.items() if ms >= 500}
    assert not slow, slow
