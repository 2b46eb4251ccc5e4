"""Check that a DocLedger line keeps the JSON contract (CONTRACT.md).

:func:`problems` returns a list of human-readable violations (empty = valid):
required keys and types, and for every span ``text == document.text[start:end]``.
Used by the tests and available to users who consume our output.
"""

from __future__ import annotations

from typing import Any

from .model import SCHEMA

TOP_KEYS = ("schema", "document", "timexes", "places", "actors", "claims", "events", "quantities", "errors")
DOC_KEYS = ("id", "source_id", "text", "url", "title", "outlet", "author", "published", "published_source", "links")
ITEM_KEYS = {
    "timexes": ("start", "end", "text", "type", "value", "mod", "anchor"),
    "places": ("start", "end", "text", "name", "lat", "lon", "country", "geonameid", "kind", "role"),
    "actors": ("id", "name", "kind", "country", "mentions"),
    "claims": ("speaker", "speaker_name", "speaker_actor", "cue", "content", "kind"),
    "events": ("type", "mode", "context", "modality", "source_actors", "target_actors", "time", "place",
               "trigger", "evidence", "cameo_root", "intensity"),
    "quantities": ("value", "unit", "counts", "hedge", "evidence"),
}
PUBLISHED_SOURCES = (None, "input", "metadata", "inferred")
CLAIM_KINDS = ("direct", "indirect", "mixed", "according-to", "author")  # "author" only with --author-claims
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


def problems(line: dict[str, Any]) -> list[str]:
    """Every way ``line`` breaks the contract."""
    out: list[str] = []
    for key in TOP_KEYS:
        if key not in line:
            out.append(f"missing top-level key {key!r}")
    if out:
        return out
    if line["schema"] != SCHEMA:
        out.append(f"schema is {line['schema']!r}, expected {SCHEMA!r}")
    doc = line["document"]
    for key in DOC_KEYS:
        if key not in doc:
            out.append(f"document lacks {key!r}")
    text = doc.get("text", "")
    if not isinstance(text, str):
        return out + ["document.text is not a string"]
    if doc.get("published_source") not in PUBLISHED_SOURCES:
        out.append(f"document.published_source {doc.get('published_source')!r} not in {PUBLISHED_SOURCES}")

    def span(where: str, s: Any, nullable: bool = False) -> None:
        if s is None:
            if not nullable:
                out.append(f"{where}: span is null")
            return
        if not isinstance(s, dict) or not all(k in s for k in ("start", "end", "text")):
            out.append(f"{where}: not a span {{start, end, text}}")
            return
        st, en = s["start"], s["end"]
        if not (isinstance(st, int) and isinstance(en, int) and 0 <= st <= en <= len(text)):
            out.append(f"{where}: offsets {st}..{en} outside the text (length {len(text)})")
        elif text[st:en] != s["text"]:
            out.append(f"{where}: text {s['text']!r} != document.text[{st}:{en}] {text[st:en]!r}")

    for section, keys in ITEM_KEYS.items():
        items = line[section]
        if not isinstance(items, list):
            out.append(f"{section} is not a list")
            continue
        for i, item in enumerate(items):
            where = f"{section}[{i}]"
            for key in keys:
                if key not in item:
                    out.append(f"{where} lacks {key!r}")
            if section in ("timexes", "places"):
                span(where, item)
            if section == "timexes" and item.get("type") not in TIMEX_TYPES:
                out.append(f"{where}.type {item.get('type')!r} not in {TIMEX_TYPES}")
            if section == "actors":
                for k, m in enumerate(item.get("mentions", [])):
                    span(f"{where}.mentions[{k}]", m)
            if section == "claims":
                span(f"{where}.speaker", item.get("speaker"), nullable=True)
                span(f"{where}.cue", item.get("cue"), nullable=True)
                span(f"{where}.content", item.get("content"))
                if item.get("kind") not in CLAIM_KINDS:
                    out.append(f"{where}.kind {item.get('kind')!r} not in {CLAIM_KINDS}")
            if section == "events":
                span(f"{where}.trigger", item.get("trigger"))
                span(f"{where}.evidence", item.get("evidence"))
                for role in ("source_actors", "target_actors"):
                    for k, ref in enumerate(item.get(role, [])):
                        span(f"{where}.{role}[{k}]", ref)
            if section == "quantities":
                span(f"{where}.evidence", item.get("evidence"))
                if not isinstance(item.get("value"), (int, float)):
                    out.append(f"{where}.value is not a number")
    for i, err in enumerate(line["errors"]):
        if not (isinstance(err, dict) and isinstance(err.get("code"), str) and isinstance(err.get("message"), str)):
            out.append(f"errors[{i}] is not {{code, message}}")
    return out
