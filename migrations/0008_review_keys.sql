-- 0008: the write side a person adds to the store: per-person API keys (hashes only), the
-- review step for extracted facts, and its append-only audit log. These tables are not
-- built from data/: `bordercoop load` carries them over into every rebuild (keys.c,
-- review.c), like ingested articles, and then re-applies each review decision to the
-- re-extracted fact it was made on, or reports it as orphaned.

-- A fact's life: curated (data/), extracted (an ingested article), reviewed (extracted,
-- then approved or corrected by a reviewer) and rejected (kept for audit, never served
-- by default). Widening a CHECK changes no stored row, so the constraint text is edited
-- in place as SQLite documents for such changes (lang_altertable.html, "Making Other
-- Kinds Of Table Schema Changes"); RESET reloads the schema on this connection.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(sql, 'CHECK (curation IN (''curated'', ''extracted''))',
                  'CHECK (curation IN (''curated'', ''extracted'', ''reviewed'', ''rejected''))')
WHERE type = 'table' AND name IN ('meetings', 'figures', 'projects');
PRAGMA writable_schema = RESET;

INSERT INTO vocab (field, value, label) VALUES
    ('curation', 'reviewed', 'extracted from an ingested article, then approved or corrected by a reviewer'),
    ('curation', 'rejected', 'extracted, then rejected by a reviewer: kept for audit, never served by default'),
    ('role', 'ingest', 'may add articles'),
    ('role', 'review', 'may add articles and approve, reject or correct extracted facts'),
    ('role', 'admin', 'may do everything, including managing keys');

-- who added an article: the key's owner (or "cli:<user>" for the command line)
ALTER TABLE sources ADD COLUMN ingested_by TEXT;

-- One row per key ever issued. Only the SHA-256 of a key is stored; the key itself is
-- shown once, when it is made. A name has at most one active key; revoking keeps the
-- row (who had which role when), so rows are never deleted and never re-keyed.
CREATE TABLE api_keys (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
    role         TEXT NOT NULL CHECK (role IN ('ingest', 'review', 'admin')),
    hash         TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    last_used_at TEXT,
    revoked_at   TEXT,
    revoked_by   TEXT
) STRICT;
CREATE UNIQUE INDEX api_keys_active_name ON api_keys (name) WHERE revoked_at IS NULL;
CREATE TRIGGER api_keys_no_delete BEFORE DELETE ON api_keys
BEGIN
    SELECT raise(ABORT, 'api keys are revoked, never deleted');
END;
CREATE TRIGGER api_keys_fixed BEFORE UPDATE OF id, name, role, hash, created_at, created_by
ON api_keys
BEGIN
    SELECT raise(ABORT, 'a key''s name, role and hash never change: revoke it and add another');
END;
CREATE TRIGGER api_keys_revoke_once BEFORE UPDATE OF revoked_at, revoked_by ON api_keys
WHEN OLD.revoked_at IS NOT NULL
BEGIN
    SELECT raise(ABORT, 'the key is already revoked');
END;

-- Every review decision, in the order made: append-only (no row is ever changed or
-- removed). `fingerprint` identifies the extracted fact the decision was made on (its
-- kind, source, quoted spans and extracted values: review.c), so that a rebuild applies
-- the decision to that same fact again and to no other. `changes` holds what an edit
-- changed, {"field": {"from": old, "to": new}, ...}.
CREATE TABLE review_log (
    seq           INTEGER PRIMARY KEY,
    at            TEXT NOT NULL,
    reviewer      TEXT NOT NULL,
    via           TEXT NOT NULL CHECK (via IN ('api', 'cli')),
    action        TEXT NOT NULL CHECK (action IN ('approve', 'reject', 'edit')),
    kind          TEXT NOT NULL CHECK (kind IN ('meeting', 'figure', 'project')),
    fact_id       TEXT NOT NULL,
    source_id     TEXT,
    fingerprint   TEXT NOT NULL CHECK (length(fingerprint) = 64),
    from_curation TEXT NOT NULL,
    to_curation   TEXT NOT NULL CHECK (to_curation IN ('reviewed', 'rejected')),
    changes       TEXT CHECK (changes IS NULL OR json_valid(changes)),
    note          TEXT
) STRICT;
CREATE INDEX review_log_fact ON review_log (kind, fact_id, seq);
CREATE INDEX review_log_reviewer ON review_log (reviewer, seq);
CREATE TRIGGER review_log_no_update BEFORE UPDATE ON review_log
BEGIN
    SELECT raise(ABORT, 'the review log is append-only');
END;
CREATE TRIGGER review_log_no_delete BEFORE DELETE ON review_log
BEGIN
    SELECT raise(ABORT, 'the review log is append-only');
END;

-- What became of each decision in this store: applied to a fact, or orphaned because
-- a rebuild re-extracted the article and that fact is gone or reads differently. Derived
-- state: written when a decision is made and again by every rebuild's replay.
CREATE TABLE review_outcomes (
    seq     INTEGER PRIMARY KEY REFERENCES review_log (seq),
    status  TEXT NOT NULL CHECK (status IN ('applied', 'orphaned')),
    fact_id TEXT,
    reason  TEXT,
    CHECK ((status = 'applied') = (fact_id IS NOT NULL))
) STRICT;
CREATE INDEX review_outcomes_status ON review_outcomes (status, seq);

-- The review queue: every extracted fact with the first span it was read from, and the
-- article's ingestion time (the queue's order: oldest article first, then reading order).
CREATE VIEW v_review_queue AS
SELECT q.kind AS kind, q.id AS id, c.source_id AS source_id, c.quote_start AS quote_start,
       s.ingested_at AS ingested_at
FROM (
    SELECT 'figure' AS kind, f.id AS id,
           (SELECT c.id FROM citations c WHERE c.figure_id = f.id
            ORDER BY c.quote_start, c.id LIMIT 1) AS cite
    FROM figures f WHERE f.curation = 'extracted'
    UNION ALL
    SELECT 'meeting', m.id,
           (SELECT c.id FROM citations c WHERE c.meeting_id = m.id
            ORDER BY c.quote_start, c.id LIMIT 1)
    FROM meetings m WHERE m.curation = 'extracted'
    UNION ALL
    SELECT 'project', p.id,
           (SELECT c.id FROM citations c WHERE c.project_id = p.id
            ORDER BY c.quote_start, c.id LIMIT 1)
    FROM projects p WHERE p.curation = 'extracted') q
LEFT JOIN citations c ON c.id = q.cite
LEFT JOIN sources s ON s.id = c.source_id;

-- One audit log entry as served by GET /v1/review/log.
CREATE VIEW v_review_log_doc AS
SELECT l.seq AS seq, l.reviewer AS reviewer, l.kind AS kind, l.fact_id AS fact_id,
       coalesce(o.status, 'orphaned') AS status, json_object(
    'seq', l.seq,
    'at', l.at,
    'reviewer', l.reviewer,
    'via', l.via,
    'action', l.action,
    'kind', l.kind,
    'fact_id', l.fact_id,
    'source_id', l.source_id,
    'from', l.from_curation,
    'to', l.to_curation,
    'changes', json(l.changes),
    'note', l.note,
    'status', coalesce(o.status, 'orphaned'),
    'applied_to', o.fact_id,
    'orphan_reason', CASE WHEN o.status = 'applied' THEN NULL
                          ELSE coalesce(o.reason, 'not replayed into this store') END,
    'links', json_object('fact', CASE WHEN o.status = 'applied' THEN
        CASE l.kind WHEN 'figure' THEN '/v1/figures/' WHEN 'meeting' THEN '/v1/meetings/'
                    ELSE '/v1/border-gate-projects/' END || o.fact_id END)
) AS doc
FROM review_log l LEFT JOIN review_outcomes o ON o.seq = l.seq;
