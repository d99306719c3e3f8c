-- 0016: what a fact claims, and on what basis.
--
-- * A decision may name who made it (`speaker`, a person), a claim like any other: stated
--   by a quote or marked inferred.
-- * v_inferred: every fact of every kind with its `inferred` list and the curation it
--   counts with (a participant, decision or agreed area with its parent's;
--   protocols, people, mechanisms and provinces are curated), so that /v1/stats and
--   `bordercoop check` count inferred fields alike.
-- * figure_overlaps says how two figures overlap by parties and by period, and the
--   relation follows from both: `includes` or `part_of` only when one figure's parties
--   and period both contain the other's, `same` when both are equal, `overlaps` when the
--   two only partly overlap (the four provinces' June 2024 - October 2025 turnover and
--   Tuyen Quang's 2024 turnover). An unstated period leaves the relation to the parties.
-- * the chart points of /v1/stats carry `conflicts_with` as the figures do.

ALTER TABLE meeting_decisions ADD COLUMN speaker_id TEXT REFERENCES people (id);

CREATE VIEW v_inferred AS
SELECT 'meeting' AS kind, id, curation, inferred, note FROM meetings
UNION ALL SELECT 'participant', mp.meeting_id || '#' || mp.seq, m.curation, mp.inferred, mp.note
    FROM meeting_participants mp JOIN meetings m ON m.id = mp.meeting_id
UNION ALL SELECT 'decision', d.meeting_id || '#' || d.seq, m.curation, d.inferred, d.note
    FROM meeting_decisions d JOIN meetings m ON m.id = d.meeting_id
UNION ALL SELECT 'figure', id, curation, inferred, note FROM figures
UNION ALL SELECT 'project', id, curation, inferred, note FROM projects
UNION ALL SELECT 'project event', id, curation, inferred, note FROM project_events
UNION ALL SELECT 'protocol', id, 'curated', inferred, note FROM protocols
UNION ALL SELECT 'protocol area', a.protocol_id || '#' || a.seq, 'curated', a.inferred, a.note
    FROM protocol_areas a
UNION ALL SELECT 'person', id, 'curated', inferred, note FROM people
UNION ALL SELECT 'mechanism', id, 'curated', inferred, note FROM mechanisms
UNION ALL SELECT 'event', id, curation, inferred, note FROM coop_events
UNION ALL SELECT 'province', id, 'curated', inferred, note FROM provinces;

-- ---- overlaps from parties and periods -------------------------------------------------

PRAGMA legacy_alter_table = ON;
CREATE TABLE figure_overlaps_new (
    figure_id  TEXT NOT NULL REFERENCES figures (id),
    other_id   TEXT NOT NULL REFERENCES figures (id),
    relation   TEXT NOT NULL CHECK (relation IN ('includes', 'part_of', 'same', 'overlaps')),
    by_parties TEXT NOT NULL CHECK (by_parties IN ('includes', 'part_of', 'same')),
    by_period  TEXT NOT NULL
        CHECK (by_period IN ('includes', 'part_of', 'same', 'overlaps', 'unknown')),
    PRIMARY KEY (figure_id, other_id)
) STRICT, WITHOUT ROWID;
DROP TABLE figure_overlaps;
ALTER TABLE figure_overlaps_new RENAME TO figure_overlaps;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX figure_overlaps_other ON figure_overlaps (other_id, figure_id);

DROP VIEW v_figure_overlap_candidates;
CREATE VIEW v_figure_overlap_candidates AS
SELECT figure_id, other_id,
       CASE WHEN by_period = 'unknown' THEN by_parties
            WHEN by_parties = by_period THEN by_parties
            WHEN by_parties = 'same' AND by_period IN ('includes', 'part_of') THEN by_period
            WHEN by_period = 'same' AND by_parties IN ('includes', 'part_of') THEN by_parties
            ELSE 'overlaps' END AS relation,
       by_parties, by_period
FROM (SELECT a.id AS figure_id, b.id AS other_id,
             CASE WHEN a_in_b AND b_in_a THEN 'same' WHEN b_in_a THEN 'includes'
                  ELSE 'part_of' END AS by_parties,
             CASE WHEN a.period_start IS NULL OR b.period_start IS NULL THEN 'unknown'
                  WHEN a.period_start = b.period_start AND a.period_end = b.period_end THEN 'same'
                  WHEN a.period_start <= b.period_start AND a.period_end >= b.period_end
                      THEN 'includes'
                  WHEN b.period_start <= a.period_start AND b.period_end >= a.period_end
                      THEN 'part_of'
                  ELSE 'overlaps' END AS by_period
      FROM (SELECT a.id AS aid, b.id AS bid,
                   NOT EXISTS (SELECT 1 FROM figure_parties x WHERE x.figure_id = a.id
                               AND x.province_id NOT IN (SELECT province_id FROM figure_parties
                                                         WHERE figure_id = b.id)) AS a_in_b,
                   NOT EXISTS (SELECT 1 FROM figure_parties x WHERE x.figure_id = b.id
                               AND x.province_id NOT IN (SELECT province_id FROM figure_parties
                                                         WHERE figure_id = a.id)) AS b_in_a
            FROM figures a JOIN figures b ON b.metric = a.metric AND b.unit = a.unit
                 AND b.id <> a.id
            WHERE a.curation = 'curated' AND b.curation = 'curated'
              AND (a.period_start IS NULL OR b.period_start IS NULL
                   OR (a.period_start <= b.period_end AND b.period_start <= a.period_end))) p
      JOIN figures a ON a.id = p.aid JOIN figures b ON b.id = p.bid
      WHERE p.a_in_b OR p.b_in_a);

INSERT INTO figure_overlaps (figure_id, other_id, relation, by_parties, by_period)
SELECT figure_id, other_id, relation, by_parties, by_period FROM v_figure_overlap_candidates;

-- ---- documents -------------------------------------------------------------------------

DROP VIEW v_meeting_doc;
DROP VIEW v_figure_doc;
DROP VIEW v_trade_point;
DROP VIEW v_stats;

CREATE VIEW v_meeting_doc AS
SELECT m.id AS id, json_object(
    'id', m.id,
    'type', 'meeting',
    'title', m.title,
    'mechanism', json_object('id', mc.id, 'name', mc.name, 'kind', mc.kind,
                             'links', json_object('self', '/v1/mechanisms/' || mc.id)),
    'ordinal', m.ordinal,
    'status', m.status,
    'date', m.date,
    'date_precision', m.date_precision,
    'date_start', m.date_start,
    'date_end', m.date_end,
    'year', m.year,
    'place', m.place,
    'host_province', json((SELECT doc FROM v_province_ref WHERE id = m.host_province_id)),
    'provinces', json((SELECT json_group_array(json(r.doc)) FROM
        (SELECT r.doc FROM meeting_provinces mp JOIN provinces p ON p.id = mp.province_id
         JOIN v_province_ref r ON r.id = p.id WHERE mp.meeting_id = m.id
         ORDER BY p.country = 'CN', p.name) r)),
    'summary', m.summary,
    'aliases', json((SELECT json_group_array(json_object('alias', a.alias, 'lang', a.lang)) FROM
        (SELECT * FROM aliases WHERE entity = 'meeting' AND entity_id = m.id
         AND lang IS NOT NULL ORDER BY lang, alias) a)),
    'participants', json((SELECT json_group_array(json_object(
            'person', json_object('id', pe.id, 'name', pe.name,
                                  'links', json_object('self', '/v1/people/' || pe.id)),
            'role', mp.role,
            'side', mp.side,
            'province', json((SELECT doc FROM v_province_ref WHERE id = mp.province_id)),
            'inferred', json(mp.inferred),
            'note', mp.note,
            'sources', json((SELECT json_group_array(json(doc)) FROM
                (SELECT doc FROM v_cite WHERE participant_meeting_id = mp.meeting_id
                 AND participant_seq = mp.seq ORDER BY id)))))
        FROM (SELECT * FROM meeting_participants WHERE meeting_id = m.id ORDER BY seq) mp
        JOIN people pe ON pe.id = mp.person_id)),
    'decisions', json((SELECT json_group_array(json_object(
            'kind', d.kind,
            'text', d.text,
            'speaker', json((SELECT json_object('id', pe.id, 'name', pe.name,
                                                'links', json_object('self', '/v1/people/' || pe.id))
                             FROM people pe WHERE pe.id = d.speaker_id)),
            'inferred', json(d.inferred),
            'note', d.note,
            'sources', json((SELECT json_group_array(json(doc)) FROM
                (SELECT doc FROM v_cite WHERE decision_meeting_id = d.meeting_id
                 AND decision_seq = d.seq ORDER BY id)))))
        FROM (SELECT * FROM meeting_decisions WHERE meeting_id = m.id ORDER BY seq) d)),
    'protocols', json((SELECT json_group_array(json_object(
            'id', pr.id, 'title', pr.title, 'kind', pr.kind, 'status', pr.status,
            'signed_on', pr.signed_on,
            'links', json_object('self', '/v1/protocols/' || pr.id)))
        FROM (SELECT * FROM protocols WHERE meeting_id = m.id ORDER BY id) pr)),
    'figures', json((SELECT json_group_array(json_object(
            'id', f.id, 'metric', f.metric, 'value',
            CASE WHEN f.value = CAST(f.value AS INTEGER) THEN CAST(f.value AS INTEGER)
                 ELSE f.value END,
            'unit', f.unit, 'qualifier', f.qualifier, 'period', f.period,
            'description', f.description,
            'links', json_object('self', '/v1/figures/' || f.id)))
        FROM (SELECT f.* FROM figure_meetings fm JOIN figures f ON f.id = fm.figure_id
              WHERE fm.meeting_id = m.id ORDER BY f.period_start, f.id) f)),
    'projects', json((SELECT json_group_array(json_object(
            'id', pj.id, 'name', pj.name, 'event', e.kind, 'description', e.description,
            'links', json_object('self', '/v1/border-gate-projects/' || pj.id)))
        FROM (SELECT * FROM project_events WHERE meeting_id = m.id ORDER BY project_id, seq) e
        JOIN projects pj ON pj.id = e.project_id)),
    'events', json((SELECT json_group_array(json_object(
            'id', ev.id, 'kind', ev.kind, 'title', ev.title, 'date', ev.date,
            'links', json_object('self', '/v1/events/' || ev.id)))
        FROM (SELECT ev.* FROM coop_event_meetings em JOIN coop_events ev ON ev.id = em.event_id
              WHERE em.meeting_id = m.id ORDER BY ev.date_start, ev.id) ev)),
    'previous_meeting', json((SELECT json_object('id', o.id, 'title', o.title, 'date', o.date,
                                                 'status', o.status,
                                                 'links', json_object('self', '/v1/meetings/' || o.id))
        FROM meetings o WHERE o.mechanism_id = m.mechanism_id AND o.ordinal = m.ordinal - 1
        AND o.curation = 'curated')),
    'next_meeting', json((SELECT json_object('id', o.id, 'title', o.title, 'date', o.date,
                                             'status', o.status,
                                             'links', json_object('self', '/v1/meetings/' || o.id))
        FROM meetings o WHERE o.mechanism_id = m.mechanism_id AND o.ordinal = m.ordinal + 1
        AND o.curation = 'curated')),
    'curation', m.curation,
    'confidence', m.confidence,
    'same_as', json((SELECT json_object('id', o.id, 'title', o.title,
                                        'links', json_object('self', '/v1/meetings/' || o.id))
                     FROM meetings o WHERE o.id = m.same_as)),
    'inferred', json(m.inferred),
    'background', json(m.background),
    'note', m.note,
    'sources', json((SELECT json_group_array(json(doc)) FROM
        (SELECT doc FROM v_cite WHERE meeting_id = m.id ORDER BY id))),
    'links', json_object('self', '/v1/meetings/' || m.id)
) AS doc
FROM meetings m JOIN mechanisms mc ON mc.id = m.mechanism_id;

-- a figure's overlaps and conflicts, as the figure, the chart points and the series show them
CREATE VIEW v_figure_relations AS
SELECT f.id,
    json((SELECT json_group_array(json_object(
            'id', o.id,
            'value', CASE WHEN o.value = CAST(o.value AS INTEGER) THEN CAST(o.value AS INTEGER)
                          ELSE o.value END,
            'qualifier', o.qualifier, 'period', o.period, 'note', fc.note,
            'links', json_object('self', '/v1/figures/' || o.id)))
        FROM (SELECT * FROM figure_conflicts WHERE figure_id = f.id ORDER BY other_id) fc
        JOIN figures o ON o.id = fc.other_id)) AS conflicts_with,
    json((SELECT json_group_array(json_object(
            'id', o.id, 'relation', fo.relation, 'by_parties', fo.by_parties,
            'by_period', fo.by_period, 'period', o.period,
            'links', json_object('self', '/v1/figures/' || o.id)))
        FROM (SELECT * FROM figure_overlaps WHERE figure_id = f.id ORDER BY other_id) fo
        JOIN figures o ON o.id = fo.other_id)) AS overlaps
FROM figures f;

CREATE VIEW v_figure_doc AS
SELECT f.id AS id, json_object(
    'id', f.id,
    'type', 'figure',
    'metric', f.metric,
    'category', f.category,
    'description', f.description,
    'value', CASE WHEN f.value = CAST(f.value AS INTEGER) THEN CAST(f.value AS INTEGER)
                  ELSE f.value END,
    'unit', f.unit,
    'qualifier', f.qualifier,
    'period', f.period,
    'period_start', f.period_start,
    'period_end', f.period_end,
    'year', CASE WHEN substr(f.period_start, 1, 4) = substr(f.period_end, 1, 4) THEN f.year END,
    'change', CASE WHEN f.change_pct IS NULL THEN NULL ELSE json_object(
        'value', CASE WHEN f.change_pct = CAST(f.change_pct AS INTEGER)
                      THEN CAST(f.change_pct AS INTEGER) ELSE f.change_pct END,
        'unit', 'percent', 'qualifier', f.change_qualifier, 'basis', f.change_basis) END,
    'parties', json((SELECT json_group_array(province_id) FROM
        (SELECT province_id FROM figure_parties WHERE figure_id = f.id ORDER BY seq))),
    'meetings', json((SELECT json_group_array(json(r.doc)) FROM
        (SELECT r.doc FROM figure_meetings fm JOIN v_meeting_ref r ON r.id = fm.meeting_id
         WHERE fm.figure_id = f.id ORDER BY fm.seq) r)),
    'conflicts_with', json(rel.conflicts_with),
    'overlaps', json(rel.overlaps),
    'curation', f.curation,
    'confidence', f.confidence,
    'inferred', json(f.inferred),
    'background', json(f.background),
    'note', f.note,
    'sources', json((SELECT json_group_array(json(doc)) FROM
        (SELECT doc FROM v_cite WHERE figure_id = f.id ORDER BY id))),
    'links', json_object('self', '/v1/figures/' || f.id)
) AS doc
FROM figures f JOIN v_figure_relations rel ON rel.id = f.id;

CREATE VIEW v_trade_point AS
SELECT f.id, f.value, f.unit, f.qualifier, f.period, f.period_start, f.period_end,
       CASE WHEN substr(f.period_start, 1, 4) = substr(f.period_end, 1, 4) THEN f.year END
           AS year,
       CASE WHEN f.period_start IS NULL THEN NULL
            ELSE (CAST(substr(f.period_end, 1, 4) AS INTEGER) * 12
                  + CAST(substr(f.period_end, 6, 2) AS INTEGER))
                 - (CAST(substr(f.period_start, 1, 4) AS INTEGER) * 12
                    + CAST(substr(f.period_start, 6, 2) AS INTEGER)) + 1 END AS months,
       fp.pair, fp.label, f.curation,
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
                   'label', fp.label,
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
               JOIN projects p ON p.id = e.project_id
               WHERE p.curation IN (SELECT curation FROM curation_sets WHERE name = s.name))
            + (SELECT count(*) FROM citations c JOIN coop_events ev ON ev.id = c.coop_event_id
               WHERE ev.curation IN (SELECT curation FROM curation_sets WHERE name = s.name))
            + (SELECT count(*) FROM citations WHERE s.curated AND coalesce(protocol_id,
               area_protocol_id, person_id, province_id, mechanism_id) IS NOT NULL),
        'inferred_fields', (SELECT coalesce(sum(json_array_length(inferred)), 0) FROM v_inferred
            WHERE curation IN (SELECT curation FROM curation_sets WHERE name = s.name)),
        'inferred_facts', (SELECT count(*) FROM v_inferred WHERE json_array_length(inferred) > 0
            AND curation IN (SELECT curation FROM curation_sets WHERE name = s.name))),
    'trade_turnover', json_object(
        'unit', 'USD',
        'note', 'Listed, never summed: a point whose `overlaps` is not empty shares trade with another point (a total contains a share, or the periods overlap), and one whose `conflicts_with` is not empty is another article''s figure for the same thing; points of one pair are comparable as a series only when `comparable` is true (periods of the same length).',
        'by_pair', json((SELECT json_group_array(json_object(
                'parties', json(p.parties), 'label', p.label,
                'comparable', json((SELECT CASE WHEN count(*) = count(months)
                                                AND count(DISTINCT months) = 1
                                                THEN 'true' ELSE 'false' END
                                    FROM v_trade_point t WHERE t.pair = p.pair AND t.curation IN
                                    (SELECT curation FROM curation_sets WHERE name = s.name))),
                'points', json((SELECT json_group_array(json(doc)) FROM
                    (SELECT doc FROM v_trade_point t WHERE t.pair = p.pair AND t.curation IN
                     (SELECT curation FROM curation_sets WHERE name = s.name)
                     ORDER BY coalesce(period_start, '9999'), id)))))
            FROM (SELECT DISTINCT t.pair, fp.parties, t.label FROM v_trade_point t
                  JOIN v_figure_pair fp ON fp.figure_id = t.id WHERE t.curation IN
                  (SELECT curation FROM curation_sets WHERE name = s.name) ORDER BY t.pair) p)),
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
