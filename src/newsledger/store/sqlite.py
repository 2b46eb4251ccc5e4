"""The SQLite store: one file holds every analysed document and its ledger.

Writes are idempotent, keyed by the document's content hash: analysing the
same article again changes nothing; a changed analysis replaces the
document's rows in one transaction, so a crash never leaves half a document.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Iterator, Optional

from ..errors import Failure
from ..model import DocLedger, from_dict, to_dict

SCHEMA_VERSION = "1"


def _now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def ledger_hash(ledger: DocLedger) -> str:
    data = json.dumps(to_dict(ledger), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:20]


class Store:
    """A ledger database file (created on first use)."""

    def __init__(self, path: str | Path, *, readonly: bool = False):
        self.path = str(path)
        if readonly:
            uri = f"file:{Path(path).resolve()}?mode=ro"
            self.conn = sqlite3.connect(uri, uri=True)
        else:
            self.conn = sqlite3.connect(self.path)
            self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys=ON")
        if not readonly:
            self._create()

    def _create(self) -> None:
        sql = resources.files(__package__).joinpath("schema.sql").read_text(encoding="utf-8")
        with self.conn:
            self.conn.executescript(sql)
            self.conn.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)", (SCHEMA_VERSION,))

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self.conn:
            yield self.conn

    # ------------------------------------------------------------------ writing
    def write(self, ledger: DocLedger) -> bool:
        """Store one document's ledger; returns False when it was already there
        unchanged.  A ledger with errors is recorded as a failure instead."""
        doc = ledger.document
        if ledger.errors:
            for err in ledger.errors:
                self.record_failure(Failure(doc.source_id or doc.id, err.code, err.message))
            if not doc.text:
                return False
        digest = ledger_hash(ledger)
        row = self.conn.execute("SELECT ledger_hash FROM documents WHERE id = ?", (doc.id,)).fetchone()
        if row is not None and row["ledger_hash"] == digest:
            return False
        with self.transaction() as c:
            c.execute("DELETE FROM documents WHERE id = ?", (doc.id,))
            self._insert(c, ledger, digest)
            if not ledger.errors:
                c.execute("DELETE FROM failures WHERE source_id = ?", (doc.source_id or doc.id,))
        return True

    def _insert(self, c: sqlite3.Connection, ledger: DocLedger, digest: str) -> None:
        doc = ledger.document
        c.execute(
            """INSERT INTO documents (id, source_id, url, title, outlet, author, published, published_source,
               language, text, n_timexes, n_places, n_actors, n_claims, n_events, n_quantities,
               ledger_hash, analyzed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (doc.id, doc.source_id, doc.url, doc.title, doc.outlet, doc.author, doc.published,
             doc.published_source, doc.language, doc.text, len(ledger.timexes), len(ledger.places),
             len(ledger.actors), len(ledger.claims), len(ledger.events), len(ledger.quantities),
             digest, _now()))
        c.execute("INSERT INTO ledgers (doc_id, json) VALUES (?, ?)",
                  (doc.id, json.dumps(to_dict(ledger), ensure_ascii=False)))
        c.executemany("INSERT INTO links VALUES (?,?,?,?)",
                      [(doc.id, i, link.text, link.url) for i, link in enumerate(doc.links)])
        c.executemany("INSERT OR IGNORE INTO actors (id, name, kind, country) VALUES (?,?,?,?)",
                      [(a.id, a.name, a.kind, a.country) for a in ledger.actors])
        mentions = [(doc.id, a.id, m.start, m.end, m.text) for a in ledger.actors for m in a.mentions]
        c.executemany('INSERT INTO actor_mentions (doc_id, seq, actor_id, start, "end", text) VALUES (?,?,?,?,?,?)',
                      [(d, i, a, s, e, t) for i, (d, a, s, e, t) in enumerate(mentions)])
        c.executemany("INSERT INTO timexes VALUES (?,?,?,?,?,?,?,?,?)",
                      [(doc.id, i, t.start, t.end, t.text, t.type, t.value, t.mod, t.anchor)
                       for i, t in enumerate(ledger.timexes)])
        c.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                      [(doc.id, i, p.start, p.end, p.text, p.name, p.lat, p.lon, p.country, p.geonameid,
                        p.kind, p.role) for i, p in enumerate(ledger.places)])
        c.executemany("INSERT INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                      [(doc.id, i,
                        cl.speaker.start if cl.speaker else None, cl.speaker.end if cl.speaker else None,
                        cl.speaker.text if cl.speaker else None, cl.speaker_name, cl.speaker_actor,
                        cl.cue.start if cl.cue else None, cl.cue.end if cl.cue else None,
                        cl.cue.text if cl.cue else None,
                        cl.content.start, cl.content.end, cl.content.text, cl.kind,
                        cl.time.value if cl.time else None, int(cl.negated))
                       for i, cl in enumerate(ledger.claims)])
        c.executemany("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                      [(doc.id, i, e.type, e.mode, e.modality, e.attributed_to,
                        e.trigger.start, e.trigger.end, e.trigger.text,
                        e.evidence.start, e.evidence.end, e.evidence.text,
                        e.time.value if e.time else None, e.time.how if e.time else None,
                        e.place.name if e.place else None, e.place.lat if e.place else None,
                        e.place.lon if e.place else None, e.cameo_root, e.intensity)
                       for i, e in enumerate(ledger.events)])
        rows = []
        for i, e in enumerate(ledger.events):
            for role, refs in (("source", e.source_actors), ("target", e.target_actors)):
                rows.extend((doc.id, i, role, k, r.actor, r.start, r.end, r.text) for k, r in enumerate(refs))
        c.executemany('INSERT INTO event_actors VALUES (?,?,?,?,?,?,?,?)', rows)
        c.executemany("INSERT INTO quantities VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                      [(doc.id, i, q.value, q.unit, q.counts, q.hedge, q.approx, q.change,
                        q.evidence.start, q.evidence.end, q.evidence.text, q.time.value if q.time else None)
                       for i, q in enumerate(ledger.quantities)])

    def record_failure(self, failure: Failure) -> None:
        now = _now()
        with self.transaction() as c:
            c.execute("""INSERT INTO failures (source_id, code, message, first_seen, last_seen)
                         VALUES (?,?,?,?,?)
                         ON CONFLICT(source_id, code) DO UPDATE SET message = excluded.message,
                         last_seen = excluded.last_seen, attempts = attempts + 1""",
                      (failure.source_id, failure.code, failure.message, now, now))

    # ------------------------------------------------------------------ reading
    def document_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM documents ORDER BY published, rowid")]

    def find_document(self, key: str) -> Optional[str]:
        """A document id from an id, an id prefix, or a source id (path, URL)."""
        row = self.conn.execute("SELECT id FROM documents WHERE id = ? OR source_id = ? LIMIT 1", (key, key)).fetchone()
        if row is None and len(key) >= 4:
            rows = self.conn.execute("SELECT id FROM documents WHERE id LIKE ? LIMIT 2", (key + "%",)).fetchall()
            row = rows[0] if len(rows) == 1 else None
        return row[0] if row else None

    def ledger(self, doc_id: str) -> Optional[DocLedger]:
        row = self.conn.execute("SELECT json FROM ledgers WHERE doc_id = ?", (doc_id,)).fetchone()
        return from_dict(DocLedger, json.loads(row[0])) if row else None

    def ledgers(self) -> Iterator[DocLedger]:
        for doc_id in self.document_ids():
            ledger = self.ledger(doc_id)
            if ledger is not None:
                yield ledger

    def failures(self) -> list[Failure]:
        return [Failure(r["source_id"], r["code"], r["message"])
                for r in self.conn.execute("SELECT * FROM failures ORDER BY last_seen, source_id")]

    def counts(self) -> dict[str, int]:
        tables = ("documents", "actors", "actor_mentions", "timexes", "places", "claims", "events",
                  "event_actors", "quantities", "links", "failures")
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}

    def search(self, query: str, limit: int = 20) -> list[sqlite3.Row]:
        """Full-text search over titles and texts (SQLite FTS5 syntax)."""
        return self.conn.execute(
            """SELECT d.id, d.title, d.source_id, d.published,
                      snippet(documents_fts, 1, '[', ']', '…', 12) AS snippet
               FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
               WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?""", (query, limit)).fetchall()
