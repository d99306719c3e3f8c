-- 0023: every machine-read fact waits for review, a project's events too.
--
-- * A `reported` event that ingest adds to a curated (or reviewed) project is extracted
--   like any other machine-read fact: the project's document lists only its trusted
--   events (an extracted project lists its own extracted ones), /v1/stats counts an
--   event's quotes by the event's own curation, search indexes its quote with the
--   project only once it is trusted, and the event waits in the review queue (kind
--   `project_event`). Cooperation events (`talks` read from articles) are reviewable
--   too (kind `event`).
-- * An ingested source counts in the trusted summary once any of its facts, events
--   included, is trusted.
-- * /v1/stats' trade turnover: one pair per set of parties whatever their order (the
--   series' key), and per unit (a pair's points in yuan are not drawn beside its points
--   in dollars); `unit` is `mixed` when the points are in several; figures without
--   parties form one pair labelled "parties not stated".
-- * review_log accepts the two new kinds (its CHECK is rebuilt, keeping 0017's key
--   changes; the rows, their order and the append-only triggers are kept).

PRAGMA defer_foreign_keys = ON;
CREATE TEMP TABLE review_log_copy AS SELECT * FROM review_log;
DROP TABLE review_log;
CREATE TABLE review_log (
    seq           INTEGER PRIMARY KEY,
    at            TEXT NOT NULL,
    reviewer      TEXT NOT NULL,
    via           TEXT NOT NULL CHECK (via IN ('api', 'cli')),
    action        TEXT NOT NULL
        CHECK (action IN ('approve', 'reject', 'edit', 'key_add', 'key_revoke')),
    kind          TEXT NOT NULL
        CHECK (kind IN ('meeting', 'figure', 'project', 'event', 'project_event', 'key')),
    fact_id       TEXT NOT NULL,
    source_id     TEXT,
    fingerprint   TEXT NOT NULL CHECK (length(fingerprint) = 64),
    from_curation TEXT NOT NULL,
    to_curation   TEXT NOT NULL
        CHECK (to_curation IN ('reviewed', 'rejected', 'active', 'revoked')),
    changes       TEXT CHECK (changes IS NULL OR json_valid(changes)),
    note          TEXT
) STRICT;
INSERT INTO review_log (seq, at, reviewer, via, action, kind, fact_id, source_id, fingerprint,
                        from_curation, to_curation, changes, note)
SELECT seq, at, reviewer, via, action, kind, fact_id, source_id, fingerprint, from_curation,
       to_curation, changes, note FROM temp.review_log_copy ORDER BY seq;
DROP TABLE temp.review_log_copy;
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
                    WHEN 'project' THEN '/v1/border-gate-projects/' || o.fact_id END END)
) AS doc
FROM review_log l LEFT JOIN review_outcomes o ON o.seq = l.seq;

DROP VIEW v_review_queue;
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
    FROM projects p WHERE p.curation = 'extracted'
    UNION ALL
    SELECT 'event', ev.id,
           (SELECT c.id FROM citations c WHERE c.coop_event_id = ev.id
            ORDER BY c.quote_start, c.id LIMIT 1)
    FROM coop_events ev WHERE ev.curation = 'extracted'
    UNION ALL
    SELECT 'project_event', e.id,
           (SELECT c.id FROM citations c WHERE c.event_id = e.id
            ORDER BY c.quote_start, c.id LIMIT 1)
    FROM project_events e WHERE e.curation = 'extracted') q
LEFT JOIN citations c ON c.id = q.cite
LEFT JOIN sources s ON s.id = c.source_id;

DROP VIEW v_fact_quotes;
CREATE VIEW v_fact_quotes AS
SELECT kind, ref_id, group_concat(quote, ' | ') AS text,
       group_concat(DISTINCT lang) AS langs
FROM (
    SELECT 'meeting' AS kind, coalesce(c.meeting_id, c.decision_meeting_id,
           c.participant_meeting_id) AS ref_id, c.quote, s.lang, c.id
    FROM citations c JOIN sources s ON s.id = c.source_id
    WHERE coalesce(c.meeting_id, c.decision_meeting_id, c.participant_meeting_id) IS NOT NULL
    UNION ALL
    SELECT 'figure', c.figure_id, c.quote, s.lang, c.id
    FROM citations c JOIN sources s ON s.id = c.source_id WHERE c.figure_id IS NOT NULL
    UNION ALL
    SELECT 'project', coalesce(c.project_id, e.project_id), c.quote, s.lang, c.id
    FROM citations c JOIN sources s ON s.id = c.source_id
    LEFT JOIN project_events e ON e.id = c.event_id
    WHERE coalesce(c.project_id, e.project_id) IS NOT NULL
      AND (e.id IS NULL OR e.curation IN ('curated', 'reviewed')
           OR (e.curation = 'extracted' AND (SELECT curation FROM projects
                                             WHERE id = e.project_id) = 'extracted'))
    UNION ALL
    SELECT 'protocol', coalesce(c.protocol_id, c.area_protocol_id), c.quote, s.lang, c.id
    FROM citations c JOIN sources s ON s.id = c.source_id
    WHERE coalesce(c.protocol_id, c.area_protocol_id) IS NOT NULL
    UNION ALL
    SELECT 'person', c.person_id, c.quote, s.lang, c.id
    FROM citations c JOIN sources s ON s.id = c.source_id WHERE c.person_id IS NOT NULL
    UNION ALL
    SELECT 'province', c.province_id, c.quote, s.lang, c.id
    FROM citations c JOIN sources s ON s.id = c.source_id WHERE c.province_id IS NOT NULL
    UNION ALL
    SELECT 'mechanism', c.mechanism_id, c.quote, s.lang, c.id
    FROM citations c JOIN sources s ON s.id = c.source_id WHERE c.mechanism_id IS NOT NULL
    UNION ALL
    SELECT 'event', c.coop_event_id, c.quote, s.lang, c.id
    FROM citations c JOIN sources s ON s.id = c.source_id WHERE c.coop_event_id IS NOT NULL
    ORDER BY 1, 2, 5
)
GROUP BY kind, ref_id;

DROP VIEW v_project_doc;
CREATE VIEW v_project_doc AS
SELECT pj.id AS id, json_object(
    'id', pj.id,
    'type', 'border_gate_project',
    'name', pj.name,
    'kind', pj.kind,
    'status', pj.status,
    'vn_side', pj.vn_side,
    'cn_side', pj.cn_side,
    'vn_side_vi', pj.vn_side_vi,
    'cn_side_zh', pj.cn_side_zh,
    'provinces', json_object(
        'vn', json((SELECT doc FROM v_province_ref WHERE id = pj.vn_province_id)),
        'cn', json((SELECT doc FROM v_province_ref WHERE id = pj.cn_province_id))),
    'parties', json((SELECT json_group_array(x) FROM (SELECT pj.vn_province_id AS x
        WHERE pj.vn_province_id IS NOT NULL UNION ALL SELECT pj.cn_province_id
        WHERE pj.cn_province_id IS NOT NULL))),
    'meetings', json((SELECT json_group_array(json(r.doc)) FROM
        (SELECT r.doc FROM v_meeting_ref r WHERE r.id IN (SELECT meeting_id FROM project_events
         WHERE project_id = pj.id AND meeting_id IS NOT NULL) ORDER BY r.id) r)),
    'part_of', json((SELECT json_object('id', o.id, 'name', o.name,
                                        'links', json_object('self', '/v1/border-gate-projects/' || o.id))
                     FROM projects o WHERE o.id = pj.part_of)),
    'parts', json((SELECT json_group_array(json_object('id', o.id, 'name', o.name,
                                        'links', json_object('self', '/v1/border-gate-projects/' || o.id)))
                   FROM (SELECT * FROM projects WHERE part_of = pj.id ORDER BY id) o)),
    'aliases', json((SELECT json_group_array(json_object('alias', a.alias, 'lang', a.lang)) FROM
        (SELECT * FROM aliases WHERE entity = 'project' AND entity_id = pj.id
         AND lang IS NOT NULL ORDER BY lang, alias) a)),
    'description', pj.description,
    'events', json((SELECT json_group_array(json(doc)) FROM
        (SELECT doc FROM v_event_doc WHERE project_id = pj.id
         AND (curation IN ('curated', 'reviewed')
              OR (curation = 'extracted' AND pj.curation NOT IN ('curated', 'reviewed')))
         ORDER BY seq))),
    'latest_event', json((SELECT doc FROM v_event_doc WHERE project_id = pj.id
                          AND curation IN ('curated', 'reviewed')
                          ORDER BY date_start IS NULL, date_start DESC, seq DESC LIMIT 1)),
    'curation', pj.curation,
    'confidence', pj.confidence,
    'inferred', json(pj.inferred),
    'background', json(pj.background),
    'note', pj.note,
    'sources', json((SELECT json_group_array(json(doc)) FROM
        (SELECT doc FROM v_cite WHERE project_id = pj.id ORDER BY id))),
    'links', json_object('self', '/v1/border-gate-projects/' || pj.id)
) AS doc
FROM projects pj;

DROP VIEW v_stats;
DROP VIEW v_trade_point;
CREATE VIEW v_trade_point AS
SELECT f.id, f.value, f.unit, f.qualifier, f.period, f.period_start, f.period_end,
       CASE WHEN substr(f.period_start, 1, 4) = substr(f.period_end, 1, 4) THEN f.year END
           AS year,
       CASE WHEN f.period_start IS NULL THEN NULL
            ELSE (CAST(substr(f.period_end, 1, 4) AS INTEGER) * 12
                  + CAST(substr(f.period_end, 6, 2) AS INTEGER))
                 - (CAST(substr(f.period_start, 1, 4) AS INTEGER) * 12
                    + CAST(substr(f.period_start, 6, 2) AS INTEGER)) + 1 END AS months,
       coalesce((SELECT group_concat(province_id, '+') FROM
           (SELECT province_id FROM figure_parties WHERE figure_id = f.id
            ORDER BY province_id)), '') AS pair,
       fp.parties, coalesce(fp.label, 'parties not stated') AS label, f.curation,
       json_object('id', f.id,
                   'value', CASE WHEN f.value = CAST(f.value AS INTEGER)
                                 THEN CAST(f.value AS INTEGER) ELSE f.value END,
                   'unit', f.unit, 'qualifier', f.qualifier, 'period', f.period,
                   'period_start', f.period_start, 'period_end', f.period_end,
                   'year', CASE WHEN substr(f.period_start, 1, 4) = substr(f.period_end, 1, 4)
                                THEN f.year END,
                   'months', CASE WHEN f.period_start IS NULL THEN NULL
                       ELSE (CAST(substr(f.period_end, 1, 4) AS INTEGER) * 12
                             + CAST(substr(f.period_end, 6, 2) AS INTEGER))
                            - (CAST(substr(f.period_start, 1, 4) AS INTEGER) * 12
                               + CAST(substr(f.period_start, 6, 2) AS INTEGER)) + 1 END,
                   'change', CASE WHEN f.change_pct IS NULL THEN NULL ELSE json_object(
                       'value', CASE WHEN f.change_pct = CAST(f.change_pct AS INTEGER)
                                     THEN CAST(f.change_pct AS INTEGER) ELSE f.change_pct END,
                       'unit', 'percent', 'qualifier', f.change_qualifier,
                       'basis', f.change_basis) END,
                   'parties', json(fp.parties),
                   'label', coalesce(fp.label, 'parties not stated'),
                   'inferred', json(f.inferred),
                   'conflicts_with', json(rel.conflicts_with),
                   'overlaps', json(rel.overlaps),
                   'curation', f.curation,
                   'links', json_object('self', '/v1/figures/' || f.id)) AS doc
FROM figures f JOIN v_figure_pair fp ON fp.figure_id = f.id
JOIN v_figure_relations rel ON rel.id = f.id
WHERE f.metric = 'trade_turnover';

CREATE VIEW v_stats AS
SELECT s.name AS curation, json_object(
    'curation', s.name,
    'counts', json_object(
        'meetings', (SELECT count(*) FROM meetings WHERE curation IN
            (SELECT curation FROM curation_sets WHERE name = s.name)),
        'meetings_held', (SELECT count(*) FROM meetings WHERE status = 'held' AND curation IN
            (SELECT curation FROM curation_sets WHERE name = s.name)),
        'meetings_planned', (SELECT count(*) FROM meetings WHERE status = 'planned'
            AND curation IN (SELECT curation FROM curation_sets WHERE name = s.name)),
        'figures', (SELECT count(*) FROM figures WHERE curation IN
            (SELECT curation FROM curation_sets WHERE name = s.name)),
        'trade_figures', (SELECT count(*) FROM figures WHERE category = 'trade' AND curation IN
            (SELECT curation FROM curation_sets WHERE name = s.name)),
        'border_gate_projects', (SELECT count(*) FROM projects WHERE curation IN
            (SELECT curation FROM curation_sets WHERE name = s.name)),
        'protocols', (SELECT count(*) FROM protocols WHERE s.curated),
        'protocols_signed', (SELECT count(*) FROM protocols WHERE status = 'signed' AND s.curated),
        'events', (SELECT count(*) FROM coop_events WHERE curation IN
            (SELECT curation FROM curation_sets WHERE name = s.name)),
        'people', (SELECT count(*) FROM people WHERE s.curated),
        'provinces', (SELECT count(*) FROM provinces WHERE s.curated),
        'sources', (SELECT count(*) FROM sources so WHERE (so.origin = 'curated' AND s.curated)
            OR (so.origin = 'ingested' AND (s.extracted OR
                EXISTS (SELECT 1 FROM citations c JOIN figures f ON f.id = c.figure_id
                        WHERE c.source_id = so.id AND f.curation IN
                        (SELECT curation FROM curation_sets WHERE name = s.name))
                OR EXISTS (SELECT 1 FROM citations c JOIN meetings m ON m.id = c.meeting_id
                        WHERE c.source_id = so.id AND m.curation IN
                        (SELECT curation FROM curation_sets WHERE name = s.name))
                OR EXISTS (SELECT 1 FROM citations c JOIN projects p ON p.id = c.project_id
                        WHERE c.source_id = so.id AND p.curation IN
                        (SELECT curation FROM curation_sets WHERE name = s.name))
                OR EXISTS (SELECT 1 FROM citations c JOIN project_events e ON e.id = c.event_id
                        WHERE c.source_id = so.id AND e.curation IN
                        (SELECT curation FROM curation_sets WHERE name = s.name))
                OR EXISTS (SELECT 1 FROM citations c JOIN coop_events ev
                        ON ev.id = c.coop_event_id WHERE c.source_id = so.id AND ev.curation IN
                        (SELECT curation FROM curation_sets WHERE name = s.name))))),
        'citations',
            (SELECT count(*) FROM citations c JOIN figures f ON f.id = c.figure_id
             WHERE f.curation IN (SELECT curation FROM curation_sets WHERE name = s.name))
            + (SELECT count(*) FROM citations c JOIN meetings m ON m.id = c.meeting_id
               WHERE m.curation IN (SELECT curation FROM curation_sets WHERE name = s.name))
            + (SELECT count(*) FROM citations c JOIN meetings m ON m.id = c.decision_meeting_id
               WHERE m.curation IN (SELECT curation FROM curation_sets WHERE name = s.name))
            + (SELECT count(*) FROM citations c JOIN meetings m
               ON m.id = c.participant_meeting_id
               WHERE m.curation IN (SELECT curation FROM curation_sets WHERE name = s.name))
            + (SELECT count(*) FROM citations c JOIN projects p ON p.id = c.project_id
               WHERE p.curation IN (SELECT curation FROM curation_sets WHERE name = s.name))
            + (SELECT count(*) FROM citations c JOIN project_events e ON e.id = c.event_id
               WHERE e.curation IN (SELECT curation FROM curation_sets WHERE name = s.name))
            + (SELECT count(*) FROM citations c JOIN coop_events ev ON ev.id = c.coop_event_id
               WHERE ev.curation IN (SELECT curation FROM curation_sets WHERE name = s.name))
            + (SELECT count(*) FROM citations WHERE s.curated AND coalesce(protocol_id,
               area_protocol_id, person_id, province_id, mechanism_id) IS NOT NULL),
        'inferred_fields', (SELECT coalesce(sum(json_array_length(inferred)), 0) FROM v_inferred
            WHERE curation IN (SELECT curation FROM curation_sets WHERE name = s.name)),
        'inferred_facts', (SELECT count(*) FROM v_inferred WHERE json_array_length(inferred) > 0
            AND curation IN (SELECT curation FROM curation_sets WHERE name = s.name))),
    'trade_turnover', json_object(
        'unit', coalesce((SELECT CASE WHEN count(DISTINCT unit) > 1 THEN 'mixed' ELSE max(unit) END
                          FROM v_trade_point WHERE curation IN
                          (SELECT curation FROM curation_sets WHERE name = s.name)), 'USD'),
        'note', 'Listed, never summed: a point whose `overlaps` is not empty shares trade with another point (a total contains a share, or the periods overlap), and one whose `conflicts_with` is not empty is another article''s figure for the same thing; points of one pair are comparable as a series only when `comparable` is true (periods of the same length).',
        'by_pair', json((SELECT json_group_array(json_object(
                'parties', json(p.parties), 'label', p.label, 'unit', p.unit,
                'comparable', json((SELECT CASE WHEN count(*) = count(months)
                                                AND count(DISTINCT months) = 1
                                                THEN 'true' ELSE 'false' END
                                    FROM v_trade_point t WHERE t.pair = p.pair
                                    AND t.unit = p.unit AND t.curation IN
                                    (SELECT curation FROM curation_sets WHERE name = s.name))),
                'points', json((SELECT json_group_array(json(doc)) FROM
                    (SELECT doc FROM v_trade_point t WHERE t.pair = p.pair AND t.unit = p.unit
                     AND t.curation IN (SELECT curation FROM curation_sets WHERE name = s.name)
                     ORDER BY coalesce(period_start, '9999'), id)))))
            FROM (SELECT k.pair, k.unit,
                         (SELECT t.parties FROM v_trade_point t WHERE t.pair = k.pair
                          AND t.unit = k.unit ORDER BY t.curation <> 'curated', t.id LIMIT 1)
                             AS parties,
                         (SELECT t.label FROM v_trade_point t WHERE t.pair = k.pair
                          AND t.unit = k.unit ORDER BY t.curation <> 'curated', t.id LIMIT 1)
                             AS label
                  FROM (SELECT DISTINCT pair, unit FROM v_trade_point WHERE curation IN
                        (SELECT curation FROM curation_sets WHERE name = s.name)) k
                  ORDER BY k.pair = '', k.pair, k.unit) p)),
        'by_year', json((SELECT json_group_array(json_object(
                'year', y.year,
                'figures', json((SELECT json_group_array(json(doc)) FROM
                    (SELECT doc FROM v_trade_point t WHERE t.year IS y.year AND t.curation IN
                     (SELECT curation FROM curation_sets WHERE name = s.name)
                     ORDER BY value DESC, id)))))
            FROM (SELECT DISTINCT year FROM v_trade_point WHERE curation IN
                  (SELECT curation FROM curation_sets WHERE name = s.name)
                  ORDER BY year IS NULL, year) y))),
    'meetings', json_object(
        'latest_held', json((SELECT doc FROM v_meeting_brief WHERE status = 'held'
                             AND curation IN (SELECT curation FROM curation_sets WHERE name = s.name)
                             ORDER BY date_end DESC, id LIMIT 1)),
        'next_planned', json((SELECT doc FROM v_meeting_brief WHERE status = 'planned'
                              AND curation IN (SELECT curation FROM curation_sets WHERE name = s.name)
                              ORDER BY coalesce(date_start, '9999-12-31'), id LIMIT 1)),
        'planned', json((SELECT json_group_array(json(doc)) FROM
            (SELECT doc FROM v_meeting_brief WHERE status = 'planned'
             AND curation IN (SELECT curation FROM curation_sets WHERE name = s.name)
             ORDER BY coalesce(date_start, '9999-12-31'), id)))),
    'border_gate_projects', json_object(
        'by_status', json((SELECT json_group_object(status, n) FROM
            (SELECT status, count(*) AS n FROM projects WHERE curation IN
             (SELECT curation FROM curation_sets WHERE name = s.name)
             GROUP BY status ORDER BY status))),
        'by_kind', json((SELECT json_group_object(kind, n) FROM
            (SELECT kind, count(*) AS n FROM projects WHERE curation IN
             (SELECT curation FROM curation_sets WHERE name = s.name)
             GROUP BY kind ORDER BY kind)))),
    'protocols', json_object(
        'by_kind', json((SELECT json_group_object(kind, n) FROM
            (SELECT kind, count(*) AS n FROM protocols WHERE s.curated
             GROUP BY kind ORDER BY kind))),
        'by_status', json((SELECT json_group_object(status, n) FROM
            (SELECT status, count(*) AS n FROM protocols WHERE s.curated
             GROUP BY status ORDER BY status)))),
    'events', json_object(
        'by_kind', json((SELECT json_group_object(kind, n) FROM
            (SELECT kind, count(*) AS n FROM coop_events WHERE curation IN
             (SELECT curation FROM curation_sets WHERE name = s.name)
             GROUP BY kind ORDER BY kind)))),
    'figures_by_category', json((SELECT json_group_object(category, n) FROM
        (SELECT category, count(*) AS n FROM figures WHERE curation IN
         (SELECT curation FROM curation_sets WHERE name = s.name)
         GROUP BY category ORDER BY category))),
    'store', json_object(
        'content_version', (SELECT value FROM store_meta WHERE key = 'content_version'),
        'built_at', (SELECT value FROM store_meta WHERE key = 'built_at')),
    'links', json_object('self', '/v1/stats' || CASE WHEN s.name = 'trusted' THEN ''
                                                     ELSE '?curation=' || s.name END,
                         'meetings', '/v1/meetings',
                         'figures', '/v1/figures',
                         'trade_figures', '/v1/trade-figures',
                         'border_gate_projects', '/v1/border-gate-projects',
                         'protocols', '/v1/protocols', 'events', '/v1/events',
                         'search', '/v1/search')
) AS doc
FROM (SELECT name, max(curation = 'curated') AS curated, max(curation = 'extracted') AS extracted
      FROM curation_sets GROUP BY name) s;
