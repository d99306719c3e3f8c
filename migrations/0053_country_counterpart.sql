-- 0053: a figure's counterpart may be a whole country ("Yunnan's trade with Vietnam", "Lao
-- Cai's exports to China", "云南与越南的贸易额").
--
-- A figure's parties are provinces. When an article gives a province's trade with the other
-- country as a whole, the other side is no province: storing the one province alone made
-- the figure read as that province's total (the same quantity as its total trade, a
-- computed conflict with it), and no province can stand for the country. `counterpart_country`
-- ('VN' or 'CN', ISO 3166 alpha-2; NULL when none) holds that side; the parties stay the
-- provinces named, all of the other country.
--
-- It is served after `parties` in every figure document and trade point, is part of the
-- pair key of /v1/stats' by_pair and of /v1/series (a province-to-country flow is a series
-- of its own, never a point of a province pair's), and counts in the overlaps: a flow to the
-- whole country includes every flow of its provinces with provinces of that country
-- (Yunnan - Vietnam includes Lao Cai - Yunnan), so the two are never read as additive.
--
-- `bordercoop migrate` announces the figure documents this changes (every one gains the
-- field).
ALTER TABLE figures ADD COLUMN counterpart_country TEXT
    CHECK (counterpart_country IN ('VN', 'CN'));
INSERT INTO vocab (field, value, label) VALUES
    ('counterpart_country', 'CN', 'China'),
    ('counterpart_country', 'VN', 'Vietnam');
-- the filter and the facet read it by this index, as category's by figures_sort_category
CREATE INDEX figures_counterpart ON figures (counterpart_country, id);


DROP VIEW v_figure_doc;
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
    'counterpart_country', f.counterpart_country,
    'meetings', json((SELECT json_group_array(json(r.doc)) FROM
        (SELECT r.doc FROM figure_meetings fm JOIN v_meeting_ref r ON r.id = fm.meeting_id
         WHERE fm.figure_id = f.id ORDER BY fm.seq) r)),
    'conflicts_with', json((SELECT json_group_array(json(i.doc)) FROM
        (SELECT doc FROM v_figure_doc_conflict_item WHERE figure_id = f.id ORDER BY stored, id LIMIT 20) i)),
    'overlaps', json((SELECT json_group_array(json(i.doc)) FROM
        (SELECT doc FROM v_figure_doc_overlap_item WHERE figure_id = f.id ORDER BY stored, id LIMIT 20) i)),
    'curation', f.curation,
    'confidence', f.confidence,
    'inferred', json(f.inferred),
    'background', json(f.background),
    'note', f.note,
    'sources', json((SELECT json_group_array(json(doc)) FROM
        (SELECT doc FROM v_cite WHERE figure_id = f.id ORDER BY id))),
    'links', json(l.links)
) AS doc
FROM figures f JOIN v_figure_links l ON l.id = f.id
;

DROP VIEW v_figure_list_doc;
CREATE VIEW v_figure_list_doc AS
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
    'counterpart_country', f.counterpart_country,
    'meetings', json((SELECT json_group_array(json(r.doc)) FROM
        (SELECT r.doc FROM figure_meetings fm JOIN v_meeting_ref r ON r.id = fm.meeting_id
         WHERE fm.figure_id = f.id ORDER BY fm.seq) r)),
    'conflicts_with', json((SELECT json_group_array(json(i.doc)) FROM
        (SELECT doc FROM v_figure_conflict_item WHERE figure_id = f.id ORDER BY stored, id LIMIT 5) i)),
    'conflicts_total', (SELECT count(*) FROM figure_conflicts WHERE figure_id = f.id),
    'overlaps', json((SELECT json_group_array(json(i.doc)) FROM
        (SELECT doc FROM v_figure_overlap_item WHERE figure_id = f.id ORDER BY stored, id LIMIT 5) i)),
    'overlaps_total', (SELECT count(*) FROM figure_overlaps WHERE figure_id = f.id),
    'curation', f.curation,
    'confidence', f.confidence,
    'inferred', json(f.inferred),
    'background', json(f.background),
    'note', f.note,
    'sources', json((SELECT json_group_array(json(doc)) FROM
        (SELECT doc FROM v_cite WHERE figure_id = f.id ORDER BY id))),
    'links', json(l.links)
) AS doc
FROM figures f JOIN v_figure_links l ON l.id = f.id
;

DROP VIEW v_figure_csv_doc;
CREATE VIEW v_figure_csv_doc AS
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
    'counterpart_country', f.counterpart_country,
    'meetings', json((SELECT json_group_array(meeting_id) FROM
        (SELECT fm.meeting_id FROM figure_meetings fm JOIN meetings m ON m.id = fm.meeting_id
         AND m.curation <> 'rejected'
         WHERE fm.figure_id = f.id ORDER BY fm.seq))),
    'conflicts_with', json((SELECT json_group_array(id) FROM
        (SELECT id FROM v_figure_conflict_item WHERE figure_id = f.id ORDER BY stored, id LIMIT 5))),
    'conflicts_total', (SELECT count(*) FROM figure_conflicts WHERE figure_id = f.id),
    'overlaps', json((SELECT json_group_array(json_object('id', fo.other_id, 'relation',
        fo.relation)) FROM (SELECT x.other_id, x.relation FROM figure_overlaps x JOIN figures o
        ON o.id = x.other_id WHERE x.figure_id = f.id ORDER BY x.other_stored, x.other_id LIMIT 5) fo)),
    'overlaps_total', (SELECT count(*) FROM figure_overlaps WHERE figure_id = f.id),
    'curation', f.curation,
    'confidence', f.confidence,
    'inferred', json(f.inferred),
    'background', json(f.background),
    'note', f.note,
    'sources', json((SELECT json_group_array(json_object('source_id', source_id, 'quote', quote))
        FROM (SELECT c.source_id, c.quote FROM citations c JOIN sources s ON s.id = c.source_id
              WHERE c.figure_id = f.id ORDER BY c.id))),
    'links', json_object('self', '/v1/figures/' || f.id)
) AS doc
FROM figures f
;

DROP VIEW v_figure_pair;
CREATE VIEW v_figure_pair AS
SELECT f.id AS figure_id,
       (SELECT group_concat(province_id, '+') FROM
           (SELECT province_id FROM figure_parties WHERE figure_id = f.id ORDER BY seq))
           || coalesce('+' || f.counterpart_country, '') AS pair,
       (SELECT json_group_array(province_id) FROM
           (SELECT province_id FROM figure_parties WHERE figure_id = f.id ORDER BY seq)) AS parties,
       (SELECT group_concat(name, ' - ') FROM
           (SELECT p.name FROM figure_parties fp JOIN provinces p ON p.id = fp.province_id
            WHERE fp.figure_id = f.id ORDER BY fp.seq))
           || coalesce(' - ' || CASE f.counterpart_country WHEN 'VN' THEN 'Vietnam' WHEN 'CN' THEN 'China' END, '') AS label,
       f.counterpart_country
FROM figures f;

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
            ORDER BY province_id)), '') || coalesce('+' || f.counterpart_country, '') AS pair,
       f.counterpart_country,
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
                   'counterpart_country', f.counterpart_country,
                   'label', coalesce(fp.label, 'parties not stated'),
                   'inferred', json(f.inferred),
                   'conflicts_with', json(rel.conflicts_with),
                   'conflicts_total', rel.conflicts_total,
                   'overlaps', json(rel.overlaps),
                   'overlaps_total', rel.overlaps_total,
                   'curation', f.curation,
                   'links', json_object('self', '/v1/figures/' || f.id)) AS doc
FROM figures f JOIN v_figure_pair fp ON fp.figure_id = f.id
JOIN v_figure_brief_relations rel ON rel.id = f.id
WHERE f.metric = 'trade_turnover';

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
                   NOT EXISTS (SELECT 1 FROM figure_parties x JOIN provinces pv
                               ON pv.id = x.province_id WHERE x.figure_id = a.id
                               AND x.province_id NOT IN (SELECT province_id FROM figure_parties
                                                         WHERE figure_id = b.id)
                               AND pv.country IS NOT b.counterpart_country)
                   AND (b.counterpart_country IS NULL
                        OR EXISTS (SELECT 1 FROM figure_parties x WHERE x.figure_id = a.id
                                   AND x.province_id IN (SELECT province_id FROM figure_parties
                                                         WHERE figure_id = b.id)))
                   AND (a.counterpart_country IS NULL
                        OR a.counterpart_country IS b.counterpart_country) AS a_in_b,
                   NOT EXISTS (SELECT 1 FROM figure_parties x JOIN provinces pv
                               ON pv.id = x.province_id WHERE x.figure_id = b.id
                               AND x.province_id NOT IN (SELECT province_id FROM figure_parties
                                                         WHERE figure_id = a.id)
                               AND pv.country IS NOT a.counterpart_country)
                   AND (a.counterpart_country IS NULL
                        OR EXISTS (SELECT 1 FROM figure_parties x WHERE x.figure_id = b.id
                                   AND x.province_id IN (SELECT province_id FROM figure_parties
                                                         WHERE figure_id = a.id)))
                   AND (b.counterpart_country IS NULL
                        OR b.counterpart_country IS a.counterpart_country) AS b_in_a
            FROM figures a JOIN figures b ON b.metric = a.metric AND b.unit = a.unit
                 AND b.id <> a.id
            WHERE a.curation <> 'rejected'
              AND (a.curation = 'curated'
                   OR EXISTS (SELECT 1 FROM figure_parties x WHERE x.figure_id = a.id))
              AND (b.curation = 'curated'
                   OR EXISTS (SELECT 1 FROM figure_parties x WHERE x.figure_id = b.id))
              AND (b.curation IN ('curated', 'reviewed')
                   OR (a.curation = 'extracted' AND b.curation = 'extracted'))
              AND (a.period_start IS NULL OR b.period_start IS NULL
                   OR (a.period_start <= b.period_end AND b.period_start <= a.period_end))) p
      JOIN figures a ON a.id = p.aid JOIN figures b ON b.id = p.bid
      WHERE p.a_in_b OR p.b_in_a);

DROP VIEW v_stats;
CREATE VIEW v_stats AS
SELECT s.name AS curation, json_object(
    'curation', s.name,
    'counts', json_object(
        'meetings', (SELECT count(*) FROM meetings m WHERE curation IN
            (SELECT curation FROM curation_sets WHERE name = s.name)
            AND m.id NOT IN (SELECT id FROM v_meeting_hidden WHERE set_name = s.name)),
        'meetings_held', (SELECT count(*) FROM meetings m WHERE status = 'held' AND curation IN
            (SELECT curation FROM curation_sets WHERE name = s.name)
            AND m.id NOT IN (SELECT id FROM v_meeting_hidden WHERE set_name = s.name)),
        'meetings_planned', (SELECT count(*) FROM meetings m WHERE status = 'planned'
            AND curation IN (SELECT curation FROM curation_sets WHERE name = s.name)
            AND m.id NOT IN (SELECT id FROM v_meeting_hidden WHERE set_name = s.name)),
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
                'parties', json(p.parties), 'counterpart_country', p.counterpart_country,
                'label', p.label, 'unit', p.unit,
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
                             AS label,
                         (SELECT t.counterpart_country FROM v_trade_point t
                          WHERE t.pair = k.pair LIMIT 1) AS counterpart_country
                  FROM (SELECT DISTINCT pair, unit FROM v_trade_point WHERE curation IN
                        (SELECT curation FROM curation_sets WHERE name = s.name)) k
                  ORDER BY k.pair = '', k.pair, k.unit) p)),
        'by_year', json((SELECT json_group_array(json_object(
                'year', y.year,
                'figures', json((SELECT json_group_array(json(doc)) FROM
                    (SELECT doc FROM v_trade_point t WHERE t.year IS y.year AND t.curation IN
                     (SELECT curation FROM curation_sets WHERE name = s.name)
                     ORDER BY unit <> 'USD', unit, value DESC, id)))))
            FROM (SELECT DISTINCT year FROM v_trade_point WHERE curation IN
                  (SELECT curation FROM curation_sets WHERE name = s.name)
                  ORDER BY year IS NULL, year) y))),
    'meetings', json_object(
        'latest_held', json((SELECT doc FROM v_meeting_brief WHERE status = 'held'
                             AND curation IN (SELECT curation FROM curation_sets WHERE name = s.name)
             AND id NOT IN (SELECT id FROM v_meeting_hidden WHERE set_name = s.name)
                             ORDER BY date_end DESC, id LIMIT 1)),
        'next_planned', json((SELECT doc FROM v_meeting_brief WHERE status = 'planned'
                              AND curation IN (SELECT curation FROM curation_sets WHERE name = s.name)
             AND id NOT IN (SELECT id FROM v_meeting_hidden WHERE set_name = s.name)
                              ORDER BY coalesce(date_start, '9999-12-31'), id LIMIT 1)),
        'planned', json((SELECT json_group_array(json(doc)) FROM
            (SELECT doc FROM v_meeting_brief WHERE status = 'planned'
             AND curation IN (SELECT curation FROM curation_sets WHERE name = s.name)
             AND id NOT IN (SELECT id FROM v_meeting_hidden WHERE set_name = s.name)
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
