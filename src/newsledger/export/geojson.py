"""GeoJSON (RFC 7946): the places named in the ledger and the events that
have a place, as Point features.  ``properties.feature`` is ``place`` or
``event``; list values are joined with ``;`` so that GIS tools read them."""

from __future__ import annotations

from ._common import as_ledger, write_json


def _point(lon: float, lat: float) -> dict:
    return {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}


def _join(values) -> str:
    return ";".join(v for v in values if v)


def feature_collection(ledger) -> dict:
    ledger = as_ledger(ledger)
    features = []
    for p in ledger.places():
        if p.lat is None or p.lon is None:
            continue
        features.append({"type": "Feature", "geometry": _point(p.lon, p.lat),
                         "properties": {"feature": "place", "name": p.name, "country": p.country,
                                        "geonameid": p.geonameid, "kind": p.kind, "n_mentions": p.n_mentions,
                                        "n_documents": p.n_documents, "n_events": p.n_events,
                                        "roles": _join(p.roles)}})
    for ev in ledger.events():
        if ev.lat is None or ev.lon is None:
            continue
        features.append({"type": "Feature", "id": ev.id, "geometry": _point(ev.lon, ev.lat),
                         "properties": {"feature": "event", "id": ev.id, "type": ev.type, "place": ev.place,
                                        "date": ev.date, "dated_by": ev.dated_by, "modality": ev.modality,
                                        "quad_class": ev.quad_class, "intensity": ev.intensity,
                                        "source_actors": _join(ev.source_names),
                                        "target_actors": _join(ev.target_names),
                                        "evidence": ev.evidence_text, "doc": ev.doc,
                                        "url": ev.url or ev.source_id}})
    return {"type": "FeatureCollection", "features": features}


def export(store, output: str) -> list[str]:
    return write_json(feature_collection(store), output)
