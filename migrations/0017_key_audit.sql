-- 0017: key changes in the audit log. Making and revoking an API key is recorded in
-- review_log beside the review decisions (kind 'key', the key's owner as fact_id, the
-- actor as reviewer), so GET /v1/review/log (authenticated) shows who gave or took a
-- role and when; the public change feed keeps carrying data changes only. The CHECKs of
-- review_log are widened in place as 0008 widened the curation CHECK (a wider CHECK
-- changes no stored row). Keys made before this migration are entered from api_keys.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(replace(replace(sql,
    'CHECK (action IN (''approve'', ''reject'', ''edit''))',
    'CHECK (action IN (''approve'', ''reject'', ''edit'', ''key_add'', ''key_revoke''))'),
    'CHECK (kind IN (''meeting'', ''figure'', ''project''))',
    'CHECK (kind IN (''meeting'', ''figure'', ''project'', ''key''))'),
    'CHECK (to_curation IN (''reviewed'', ''rejected''))',
    'CHECK (to_curation IN (''reviewed'', ''rejected'', ''active'', ''revoked''))')
WHERE type = 'table' AND name = 'review_log';
PRAGMA writable_schema = RESET;

-- a key change: from 'none' to 'active' (made) or 'active' to 'revoked'; the role in
-- changes; no fingerprint (nothing is replayed: the keys are carried over as they are)
INSERT INTO review_log (at, reviewer, via, action, kind, fact_id, source_id, fingerprint,
                        from_curation, to_curation, changes, note)
SELECT at, actor, 'cli', action, 'key', name, NULL, printf('%064d', 0), f, t, changes, NULL
FROM (
    SELECT created_at AS at, created_by AS actor, 'key_add' AS action, name, 'none' AS f,
           'active' AS t, json_object('role', json_object('from', NULL, 'to', role)) AS changes,
           id, 0 AS ord
    FROM api_keys
    UNION ALL
    SELECT revoked_at, revoked_by, 'key_revoke', name, 'active', 'revoked',
           json_object('role', json_object('from', role, 'to', NULL)), id, 1
    FROM api_keys WHERE revoked_at IS NOT NULL)
ORDER BY at, id, ord;
INSERT INTO review_outcomes (seq, status, fact_id)
SELECT seq, 'applied', fact_id FROM review_log
WHERE kind = 'key' AND seq NOT IN (SELECT seq FROM review_outcomes);

-- One audit log entry as served by GET /v1/review/log: a key change links nowhere.
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
                    WHEN 'project' THEN '/v1/border-gate-projects/' || o.fact_id END END)
) AS doc
FROM review_log l LEFT JOIN review_outcomes o ON o.seq = l.seq;
