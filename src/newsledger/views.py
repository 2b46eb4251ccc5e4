"""Terminal views of the merged ledger: timeline, claims, contradictions,
relations.  Each line of evidence names its source (outlet, else the path
or URL it was read from) and quotes its sentence."""

from __future__ import annotations

import textwrap
from typing import Iterable

from .api import ClaimRecord, Contradiction, ContestedPair, MergedEventRecord, Relation

WIDTH = 100


def _source(outlet, source_id, doc) -> str:
    return outlet or source_id or doc[:10]


def _quote(text: str, indent: str = "      ") -> str:
    one = " ".join(text.split())
    return textwrap.fill(f"“{one}”", WIDTH, initial_indent=indent, subsequent_indent=indent + " ")


def render_timeline(events: Iterable[MergedEventRecord]) -> str:
    lines = []
    for ev in events:
        date = ev.date or "undated"
        if ev.dated_by == "published":
            date += " (reported)"
        flag = "  [sources disagree on the date]" if ev.date_disputed else ""
        who = ", ".join(ev.source_names) or "?"
        whom = ", ".join(ev.target_names)
        kind = ev.type or "happening"
        if ev.mode:
            kind += f"/{ev.mode}"
        modality = "" if ev.modality in (None, "asserted", "reported") else f" ({ev.modality})"
        place = f" in {ev.place}" if ev.place else ""
        lines.append(f"{date:<22} {kind:<16} {who}{' → ' + whom if whom else ''}{place}{modality}{flag}")
        lines.append(f"{'':22} {ev.n_mentions} mention(s), {ev.n_articles} article(s), {ev.n_sources} source(s)")
        for m in ev.mentions:
            when = f" [{m.time}]" if m.time and m.time != ev.time else ""
            lines.append(f"    - {_source(m.outlet, m.source_id, m.doc)}, {m.published or 'n.d.'}{when}:")
            lines.append(_quote(m.evidence_text))
    return "\n".join(lines) if lines else "no events"


def render_claims(claims: Iterable[ClaimRecord]) -> str:
    lines = []
    for c in claims:
        who = c.speaker_name or "(unattributed)"
        lines.append(f"{c.date or 'n.d.':<12} {who} — {c.kind}, {_source(c.outlet, c.source_id, c.doc)}")
        lines.append(_quote(c.content_text))
    return "\n".join(lines) if lines else "no claims"


def render_contested(pairs: Iterable[ContestedPair], docs: dict[str, str]) -> str:
    lines = []
    for p in pairs:
        lines.append(f"contested ({p.about}):")
        for speaker, text, doc in ((p.a_speaker, p.a_text, p.a_doc), (p.b_speaker, p.b_text, p.b_doc)):
            lines.append(f"    {speaker or '(unattributed)'}, {docs.get(doc, doc[:10])}:")
            lines.append(_quote(text or ""))
    return "\n".join(lines) if lines else "no contested claims"


def render_contradictions(found: Iterable[Contradiction], docs: dict[str, str]) -> str:
    lines = []
    for c in found:
        lines.append(f"{c.kind} contradiction: {c.about}")
        for s in c.sides:
            lines.append(f"    {s.value}: {docs.get(s.doc, s.doc[:10])}")
            lines.append(_quote(s.evidence_text))
    return "\n".join(lines) if lines else "no contradictions"


def render_relations(rows: Iterable[Relation]) -> str:
    lines = [f"{'period':<8} {'source':<28} {'target':<28} {'events':>6} {'coop':>5} {'confl':>5} "
             f"{'coop int':>8} {'confl int':>9}"]
    for r in rows:
        lines.append(f"{r.period or '?':<8} {(r.source_name or r.source)[:28]:<28} {(r.target_name or r.target)[:28]:<28} "
                     f"{r.events:>6} {r.cooperation:>5} {r.conflict:>5} {r.cooperation_intensity:>8.1f} "
                     f"{r.conflict_intensity:>9.1f}")
    return "\n".join(lines) if len(lines) > 1 else "no relations (events need a known actor on both sides)"
