-- 0029: an ingested article can be given its publication date after the fact (or have a
-- wrong one corrected: PATCH /v1/sources/{id}, redate.c), which reads its facts again.
-- Who changed the date, when, from what to what, is recorded in the audit log beside
-- review decisions and key changes (kind 'source', action 'redate', fact_id the
-- article, {"published_on": {"from", "to"}} in changes, from/to 'ingested': the
-- article's origin, which a re-dating keeps; no fingerprint: nothing is replayed, a
-- rebuild re-reads each article with the date it has). The CHECKs of review_log are
-- widened in place as 0017 widened them (a wider CHECK changes no stored row).
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(replace(replace(sql,
    'CHECK (action IN (''approve'', ''reject'', ''edit'', ''key_add'', ''key_revoke''))',
    'CHECK (action IN (''approve'', ''reject'', ''edit'', ''key_add'', ''key_revoke'', ''redate''))'),
    'CHECK (kind IN (''meeting'', ''figure'', ''project'', ''event'', ''project_event'', ''key''))',
    'CHECK (kind IN (''meeting'', ''figure'', ''project'', ''event'', ''project_event'', ''key'', ''source''))'),
    'CHECK (to_curation IN (''reviewed'', ''rejected'', ''active'', ''revoked''))',
    'CHECK (to_curation IN (''reviewed'', ''rejected'', ''active'', ''revoked'', ''ingested''))')
WHERE type = 'table' AND name = 'review_log';
PRAGMA writable_schema = RESET;

-- One audit log entry as served by GET /v1/review/log: a re-dating links to its article.
DROP VIEW v_review_log_doc;
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
        CASE l.kind WHEN 'figure' THEN '/v1/figures/' || o.fact_id
                    WHEN 'meeting' THEN '/v1/meetings/' || o.fact_id
                    WHEN 'event' THEN '/v1/events/' || o.fact_id
                    WHEN 'project_event' THEN '/v1/border-gate-projects/' ||
                        (SELECT project_id FROM project_events WHERE id = o.fact_id)
                    WHEN 'project' THEN '/v1/border-gate-projects/' || o.fact_id
                    WHEN 'source' THEN '/v1/sources/' || o.fact_id END END)
) AS doc
FROM review_log l LEFT JOIN review_outcomes o ON o.seq = l.seq;
