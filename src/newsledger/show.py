"""A readable terminal view of one DocLedger: dated events, who said what,
figures, places and actors, each with the sentence it came from."""

from __future__ import annotations

import textwrap
from typing import Optional

import click

from .model import DocLedger, Span


def _sentence(text: str, span: Span, limit: int = 220) -> str:
    """The sentence around ``span`` (by punctuation and line breaks)."""
    start = max(text.rfind(". ", 0, span.start), text.rfind("\n", 0, span.start)) + 1
    ends = [i for i in (text.find(". ", span.end), text.find("\n", span.end)) if i != -1]
    end = min(ends) + 1 if ends else len(text)
    sentence = " ".join(text[start:end].split())
    if len(sentence) > limit:
        sentence = sentence[:limit - 1] + "…"
    return sentence


def render_ledger(ledger: DocLedger, *, color: bool = False, width: int = 100) -> str:
    doc = ledger.document
    style = (lambda s, **kw: click.style(s, **kw)) if color else (lambda s, **kw: s)
    out: list[str] = []

    def section(title: str, n: int) -> None:
        out.append("")
        out.append(style(f"{title} ({n})", bold=True))

    def quote(span: Optional[Span]) -> None:
        if span is None:
            return
        for line in textwrap.wrap(f"“{_sentence(doc.text, span)}”", width=width - 6):
            out.append("      " + style(line, dim=True))

    out.append(style(doc.title or doc.source_id or doc.id, bold=True))
    meta = [f"id {doc.id}"]
    if doc.published:
        meta.append(f"published {doc.published} ({doc.published_source or 'unknown source'})")
    for label, value in (("outlet", doc.outlet), ("author", doc.author), ("url", doc.url)):
        if value:
            meta.append(f"{label} {value}")
    out.append("  " + " · ".join(meta))
    if ledger.errors:
        section("ERRORS", len(ledger.errors))
        for err in ledger.errors:
            out.append(style(f"  {err.code} {err.message}", fg="red"))

    events = sorted(ledger.events, key=lambda e: (e.time.value if e.time else "9999", e.evidence.start))
    section("EVENTS", len(events))
    for e in events:
        when = e.time.value if e.time else "undated"
        src = ", ".join(a.text for a in e.source_actors) or "?"
        tgt = ", ".join(a.text for a in e.target_actors)
        who = f"{src} → {tgt}" if tgt else src
        modality = "" if e.modality == "asserted" else f" [{e.modality}]"
        out.append(f"  {style(when, fg='cyan'):<12} {style(e.type or 'event', fg='yellow')} "
                   f"{who}{modality}  ({e.trigger.text})")
        quote(e.evidence)

    section("WHO SAID WHAT", len(ledger.claims))
    for c in ledger.claims:
        speaker = c.speaker_name or (c.speaker.text if c.speaker else "(unattributed)")
        actor = f" [{c.speaker_actor}]" if c.speaker_actor else ""
        cue = c.cue.text if c.cue else "—"
        neg = " (negated)" if c.negated else ""
        out.append(f"  {style(speaker, fg='green')}{actor} {cue}{neg} ({c.kind}):")
        for line in textwrap.wrap(f"“{c.content.text}”", width=width - 6):
            out.append("      " + line)

    section("FIGURES", len(ledger.quantities))
    for q in ledger.quantities:
        value = f"{int(q.value):,}" if float(q.value).is_integer() else f"{q.value:,.2f}"
        details = [f"value {value}"]
        for label, v in (("unit", q.unit), ("counts", q.counts), ("hedge", q.hedge), ("change", q.change)):
            if v:
                details.append(f"{label} {v}")
        if q.time:
            details.append(f"time {q.time.value}")
        out.append(f"  {style(q.evidence.text, fg='magenta')}  ({'; '.join(details)})")
        quote(q.evidence)

    section("TIMES", len(ledger.timexes))
    for t in ledger.timexes:
        mod = f" {t.mod}" if t.mod else ""
        out.append(f"  {t.text!r:<32} {t.type:<9} {t.value}{mod}  ({t.anchor or '-'})")

    section("PLACES", len(ledger.places))
    for p in ledger.places:
        where = f"{p.lat:.3f}, {p.lon:.3f}" if p.lat is not None and p.lon is not None else "unresolved"
        role = " [as actor]" if p.role == "actor" else ""
        out.append(f"  {p.text!r:<28} → {p.name} {p.country or ''} ({where}) {p.kind or ''}{role}")

    section("ACTORS", len(ledger.actors))
    for a in ledger.actors:
        aliases = f" — also: {', '.join(a.aliases[:5])}" if a.aliases else ""
        out.append(f"  {a.name} [{a.id}, {a.kind}] ×{len(a.mentions)}{aliases}")
    return "\n".join(out)
