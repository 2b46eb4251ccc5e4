"""Small corpora that tests build on the fly (JSONL, WARC, feeds)."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import EXAMPLES, REPO

CONFLICT = REPO / "tests" / "data" / "conflict" / "articles.jsonl"

SENTENCES = [
    "Moldova and Ukraine agreed on Thursday to reopen the Palanca border crossing, officials in Chisinau said.",
    "\"We will not accept any new checkpoints on the river,\" prime minister Dorin Recean told reporters.",
    "More than 1,200 people crossed the bridge at Gura Bicului every day in March 2023.",
    "Russian forces shelled Kherson overnight, killing three civilians, the regional governor said on Monday.",
    "The European Union pledged 50 million euros in aid to Armenia after talks in Brussels last week.",
    "Protesters gathered in Tbilisi on Saturday to denounce the new law, according to local media.",
    "Azerbaijan accused Armenia of violating the ceasefire near Lachin on 12 September 2023.",
    "About 100,000 people fled Nagorno-Karabakh within a week, the UN refugee agency said.",
]


def article(i: int) -> str:
    """A short news-like text, different for every i."""
    picks = [SENTENCES[(i + k) % len(SENTENCES)] for k in range(3)]
    return f"Report {i}: " + " ".join(picks)


def write_jsonl(path: Path, n: int, *, bad_every: int = 0) -> Path:
    lines = []
    for i in range(n):
        if bad_every and i % bad_every == bad_every - 1:
            lines.append("{not json" if i % 2 else json.dumps({"id": f"doc{i}", "text": "   "}))
        else:
            lines.append(json.dumps({"id": f"doc{i}", "text": article(i), "published": "2023-10-0%d" % (1 + i % 9)}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def page(i: int) -> str:
    body = "".join(f"<p>{s}</p>" for s in article(i).split(". "))
    return (f"<!doctype html><html><head><title>Story {i}</title></head><body>"
            f"<nav><a href='/'>Home</a></nav><article><h1>Story {i}</h1>{body}</article></body></html>")


def warc_bytes(n: int, *, start: int = 0) -> bytes:
    from newsledger.sources.warc import warc_record

    return b"".join(warc_record(f"https://news.example/{i}", page(i), date=f"2023-11-{10 + i % 9:02d}T08:00:00Z")
                    for i in range(start, start + n))


def example_files() -> list[Path]:
    return sorted(EXAMPLES.iterdir())


def build_conflict_db(analyzer, path: Path, *, merge: bool = True) -> Path:
    """tests/data/conflict/ (five articles, four outlets, one shelling told four ways)
    analysed into ``path``, and merged by the cross-document stage unless ``merge=False``."""
    from dataclasses import replace

    from newsledger.resolve.merge import merge_store
    from newsledger.sources import iter_inputs
    from newsledger.store import Store

    docs = [replace(item.document, published=item.published, published_source="input")
            for item in iter_inputs([str(CONFLICT)]) if item.document is not None]
    assert len(docs) == 5
    with Store(path) as store:
        for ledger in analyzer.analyze_documents(docs):
            store.write(ledger)
        if merge:
            merge_store(store, analyzer_factory=lambda: analyzer)
    return path
