-- newsledger SQLite schema (version 1). Every item row points to its document
-- and carries the character offsets of its evidence in documents.text.
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);

CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,               -- content hash of text
    source_id TEXT,                    -- what the user called it (path, URL, JSONL id)
    url TEXT, title TEXT, outlet TEXT, author TEXT,
    published TEXT, published_source TEXT, language TEXT,
    text TEXT NOT NULL,
    n_timexes INTEGER, n_places INTEGER, n_actors INTEGER, n_claims INTEGER,
    n_events INTEGER, n_quantities INTEGER,
    ledger_hash TEXT NOT NULL,         -- unchanged hash = nothing to rewrite
    analyzed_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS ledgers (   -- the full DocLedger JSON (contract form)
    doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    json TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS links (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, text TEXT, url TEXT,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE IF NOT EXISTS actors (    -- lookup table shared by all documents
    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT, country TEXT
);

CREATE TABLE IF NOT EXISTS actor_mentions (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    actor_id TEXT NOT NULL REFERENCES actors(id),
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE IF NOT EXISTS timexes (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    type TEXT, value TEXT, mod TEXT, anchor TEXT,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE IF NOT EXISTS places (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    name TEXT, lat REAL, lon REAL, country TEXT, geonameid INTEGER, kind TEXT, role TEXT,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE IF NOT EXISTS claims (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    speaker_start INTEGER, speaker_end INTEGER, speaker_text TEXT,
    speaker_name TEXT, speaker_actor TEXT,
    cue_start INTEGER, cue_end INTEGER, cue_text TEXT,
    content_start INTEGER NOT NULL, content_end INTEGER NOT NULL, content_text TEXT NOT NULL,
    kind TEXT, time_value TEXT, negated INTEGER,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE IF NOT EXISTS events (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    type TEXT, mode TEXT, modality TEXT, attributed_to TEXT,
    trigger_start INTEGER, trigger_end INTEGER, trigger_text TEXT,
    evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL, evidence_text TEXT NOT NULL,
    time_value TEXT, time_how TEXT,
    place_name TEXT, place_lat REAL, place_lon REAL,
    cameo_root TEXT, intensity REAL,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE IF NOT EXISTS event_actors (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    event_seq INTEGER NOT NULL,
    role TEXT NOT NULL,                -- source | target
    seq INTEGER NOT NULL,
    actor_id TEXT,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (doc_id, event_seq, role, seq)
);

CREATE TABLE IF NOT EXISTS quantities (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    value REAL, unit TEXT, counts TEXT, hedge TEXT, approx TEXT, change TEXT,
    evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL, evidence_text TEXT NOT NULL,
    time_value TEXT,
    PRIMARY KEY (doc_id, seq)
);

CREATE TABLE IF NOT EXISTS failures (
    source_id TEXT NOT NULL,
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    first_seen TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 1,
    PRIMARY KEY (source_id, code)
);

CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
    title, text, content='documents', content_rowid='rowid'
);

CREATE TRIGGER IF NOT EXISTS documents_ai AFTER INSERT ON documents BEGIN
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;
CREATE TRIGGER IF NOT EXISTS documents_ad AFTER DELETE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;
CREATE TRIGGER IF NOT EXISTS documents_au AFTER UPDATE ON documents BEGIN
    INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

CREATE INDEX IF NOT EXISTS idx_actor_mentions_actor ON actor_mentions(actor_id);
CREATE INDEX IF NOT EXISTS idx_events_type ON events(type);
CREATE INDEX IF NOT EXISTS idx_events_time ON events(time_value);
CREATE INDEX IF NOT EXISTS idx_event_actors_actor ON event_actors(actor_id);
CREATE INDEX IF NOT EXISTS idx_documents_source ON documents(source_id);
-- read paths of the API (newsledger.api.Ledger): the document columns every item list joins
-- (without touching the rows that hold the texts), events by place, actors' counts
CREATE INDEX IF NOT EXISTS idx_documents_listing ON documents(id, published, outlet, url, source_id);
CREATE INDEX IF NOT EXISTS idx_events_place ON events(place_name, place_lat, place_lon);
CREATE INDEX IF NOT EXISTS idx_actor_mentions_actor_doc ON actor_mentions(actor_id, doc_id, text);
CREATE INDEX IF NOT EXISTS idx_event_actors_actor_event ON event_actors(actor_id, doc_id, event_seq);

-- every cited span, for views that highlight evidence in its document
CREATE VIEW IF NOT EXISTS evidence AS
    SELECT doc_id, 'event' AS item, seq, evidence_start AS start, evidence_end AS "end", evidence_text AS text FROM events
    UNION ALL SELECT doc_id, 'claim', seq, content_start, content_end, content_text FROM claims
    UNION ALL SELECT doc_id, 'quantity', seq, evidence_start, evidence_end, evidence_text FROM quantities
    UNION ALL SELECT doc_id, 'place', seq, start, "end", text FROM places
    UNION ALL SELECT doc_id, 'timex', seq, start, "end", text FROM timexes
    UNION ALL SELECT doc_id, 'actor', seq, start, "end", text FROM actor_mentions;

-- Cross-document findings. Empty until the cross-document stage (resolve/) fills
-- them; the Python API, the HTTP API, Datasette and `export --format ledger` read them.
-- Two claims, from different documents, that disagree about the same thing.
CREATE TABLE IF NOT EXISTS contested (
    id INTEGER PRIMARY KEY,
    a_doc TEXT NOT NULL, a_seq INTEGER NOT NULL,   -- claims(doc_id, seq) of one side
    b_doc TEXT NOT NULL, b_seq INTEGER NOT NULL,   -- claims(doc_id, seq) of the other
    about TEXT,                                    -- what they disagree about, in words
    FOREIGN KEY (a_doc, a_seq) REFERENCES claims(doc_id, seq) ON DELETE CASCADE,
    FOREIGN KEY (b_doc, b_seq) REFERENCES claims(doc_id, seq) ON DELETE CASCADE
);

-- Sources that give different values for the same date or figure.
CREATE TABLE IF NOT EXISTS contradictions (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('date', 'figure', 'other')),
    about TEXT
);

CREATE TABLE IF NOT EXISTS contradiction_sides (
    contradiction_id INTEGER NOT NULL REFERENCES contradictions(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    value TEXT,                                    -- the date or figure this side gives
    evidence_start INTEGER NOT NULL, evidence_end INTEGER NOT NULL, evidence_text TEXT NOT NULL,
    PRIMARY KEY (contradiction_id, seq)
);

CREATE INDEX IF NOT EXISTS idx_contested_a ON contested(a_doc, a_seq);
CREATE INDEX IF NOT EXISTS idx_contested_b ON contested(b_doc, b_seq);
CREATE INDEX IF NOT EXISTS idx_contradiction_sides_doc ON contradiction_sides(doc_id);

-- The merged ledger (filled by the cross-document stage, `newsledger merge`):
-- actors of all documents merged, and each happening once with all its mentions.
CREATE TABLE IF NOT EXISTS merged_actors (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT, country TEXT,
    aliases TEXT,                       -- JSON list of the other names it goes by
    n_documents INTEGER
);

CREATE TABLE IF NOT EXISTS actor_merges (   -- document-level actor id -> merged actor id
    actor_id TEXT PRIMARY KEY, merged_id TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS merged_events (
    id TEXT PRIMARY KEY,                -- the id of its first mention, <doc id>:e<n>
    type TEXT, mode TEXT, modality TEXT,
    time_value TEXT, time_how TEXT,
    date_disputed INTEGER NOT NULL DEFAULT 0,
    place_name TEXT, place_lat REAL, place_lon REAL,
    cameo_root TEXT, intensity REAL,
    source_actors TEXT, target_actors TEXT,   -- JSON lists of merged actor ids
    n_mentions INTEGER NOT NULL, n_sources INTEGER NOT NULL, n_articles INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS merged_event_mentions (
    merged_id TEXT NOT NULL REFERENCES merged_events(id) ON DELETE CASCADE,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,
    PRIMARY KEY (doc_id, seq)
);

CREATE INDEX IF NOT EXISTS idx_merged_events_time ON merged_events(time_value);
CREATE INDEX IF NOT EXISTS idx_merged_event_mentions_merged ON merged_event_mentions(merged_id);
CREATE INDEX IF NOT EXISTS idx_actor_merges_merged ON actor_merges(merged_id);
