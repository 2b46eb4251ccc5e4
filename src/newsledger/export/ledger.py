"""The merged ledger JSON (``newsledger-ledger/1``, CONTRACT.md "The merged ledger").

Events are the merged events of the cross-document stage (``newsledger
merge``), each with all its mentions; before that stage has run, each event
mention stands alone (``n_mentions == n_sources == n_articles == 1``) and
``contested`` / ``contradictions`` are empty.
"""

from __future__ import annotations

from ._common import as_ledger, write_json

LEDGER_SCHEMA = "newsledger-ledger/1"


def merged_ledger(ledger) -> dict:
    ledger = as_ledger(ledger)
    documents = [{"id": d.id, "source_id": d.source_id, "url": d.url, "title": d.title, "outlet": d.outlet,
                  "published": d.published} for d in ledger.documents()]
    actors = [{"id": a.id, "name": a.name, "kind": a.kind, "country": a.country, "aliases": a.aliases}
              for a in ledger.actors()]
    events = []
    for ev in ledger.timeline():
        time = {"value": ev.time} if ev.time else None
        events.append({
            "id": ev.id, "type": ev.type, "time": time, "date_disputed": ev.date_disputed,
            "place": {"name": ev.place, "lat": ev.lat, "lon": ev.lon} if ev.place else None,
            "source_actors": [a for a in ev.source_actors if a],
            "target_actors": [a for a in ev.target_actors if a],
            "modality": ev.modality, "cameo_root": ev.cameo_root, "intensity": ev.intensity,
            "n_mentions": ev.n_mentions, "n_sources": ev.n_sources, "n_articles": ev.n_articles,
            "mentions": [{"doc": m.doc, "evidence": {"start": m.evidence_start, "end": m.evidence_end,
                                                     "text": m.evidence_text},
                          "time": {"value": m.time} if m.time else None} for m in ev.mentions]})
    claims = [{"id": c.id, "doc": c.doc, "speaker_name": c.speaker_name, "speaker_actor": c.speaker_actor,
               "kind": c.kind, "content": {"start": c.content_start, "end": c.content_end, "text": c.content_text}}
              for c in ledger.claims()]
    contested = [{"a": p.a, "b": p.b, "about": p.about} for p in ledger.contested()]
    contradictions = [{"kind": c.kind, "about": c.about,
                       "sides": [{"doc": s.doc, "value": s.value,
                                  "evidence": {"start": s.evidence_start, "end": s.evidence_end,
                                               "text": s.evidence_text}} for s in c.sides]}
                      for c in ledger.contradictions()]
    return {"schema": LEDGER_SCHEMA, "documents": documents, "actors": actors, "events": events,
            "claims": claims, "contested": contested, "contradictions": contradictions}


def export(store, output: str) -> list[str]:
    return write_json(merged_ledger(store), output)
