-- 0010: curated and machine-read facts never mix silently. Every list, /v1/series and
-- /v1/stats take `curation=` with the name of a set of curations (curation_sets), and
-- show `trusted` facts unless asked otherwise: curated ones and extracted ones a
-- reviewer approved or corrected. `all` adds the machine-read facts awaiting review;
-- rejected facts are shown only when asked for by name.
CREATE TABLE curation_sets (
    name     TEXT NOT NULL,
    curation TEXT NOT NULL,
    PRIMARY KEY (name, curation)
) STRICT, WITHOUT ROWID;
INSERT INTO curation_sets (name, curation) VALUES
    ('trusted', 'curated'), ('trusted', 'reviewed'),
    ('all', 'curated'), ('all', 'reviewed'), ('all', 'extracted'),
    ('curated', 'curated'), ('reviewed', 'reviewed'), ('extracted', 'extracted'),
    ('rejected', 'rejected');
INSERT INTO vocab (field, value, label) VALUES
    ('curation_filter', 'trusted', 'curated and reviewed facts: what a person vouched for'),
    ('curation_filter', 'all', 'curated, reviewed and extracted facts (not the rejected)'),
    ('curation_filter', 'curated', 'curated facts only'),
    ('curation_filter', 'reviewed', 'reviewed facts only'),
    ('curation_filter', 'extracted', 'extracted facts awaiting review only'),
    ('curation_filter', 'rejected', 'rejected facts only');

-- Lists filter on curation by default: the value index carries it, so that a keyset
-- page of figures by value still reads the index alone.
DROP INDEX figures_value;
CREATE INDEX figures_value ON figures (value, id, curation);

-- The summary, once per curation set: /v1/stats serves the row of its `curation=`
-- (trusted by default). Facts without a curation of their own (protocols, people,
-- provinces) are curated; a citation counts with the fact it supports; an article
-- counts when it is curated, or ingested (machine-read input) and the set takes
-- extracted facts, or one of its facts counts. The points and meetings say
-- their curation.
DROP VIEW v_stats;
DROP VIEW v_trade_point;
DROP VIEW v_meeting_brief;

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
                   'overlaps', json((SELECT json_group_array(json_object(
                           'id', fo.other_id, 'relation', fo.relation,
                           'links', json_object('self', '/v1/figures/' || fo.other_id)))
                       FROM (SELECT * FROM figure_overlaps WHERE figure_id = f.id
                             ORDER BY other_id) fo)),
                   'curation', f.curation,
                   'links', json_object('self', '/v1/figures/' || f.id)) AS doc
FROM figures f JOIN v_figure_pair fp ON fp.figure_id = f.id
WHERE f.metric = 'trade_turnover';

CREATE VIEW v_meeting_brief AS
SELECT m.id, m.status, m.date_start, m.date_end, m.curation,
       json_object('id', m.id, 'title', m.title, 'date', m.date,
                   'date_precision', m.date_precision, 'place', m.place, 'status', m.status,
                   'mechanism', m.mechanism_id,
                   'protocols', json((SELECT json_group_array(id) FROM
                       (SELECT id FROM protocols WHERE meeting_id = m.id ORDER BY id))),
                   'curation', m.curation,
                   'links', json_object('self', '/v1/meetings/' || m.id)) AS doc
FROM meetings m;

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
        'inferred_fields', (SELECT sum(n) FROM (
            SELECT json_array_length(inferred) AS n FROM meetings WHERE curation IN
                (SELECT curation FROM curation_sets WHERE name = s.name)
            UNION ALL SELECT json_array_length(inferred) FROM figures WHERE curation IN
                (SELECT curation FROM curation_sets WHERE name = s.name)
            UNION ALL SELECT json_array_length(inferred) FROM projects WHERE curation IN
                (SELECT curation FROM curation_sets WHERE name = s.name)
            UNION ALL SELECT json_array_length(inferred) FROM protocols WHERE s.curated
            UNION ALL SELECT json_array_length(inferred) FROM coop_events WHERE curation IN
                (SELECT curation FROM curation_sets WHERE name = s.name)))),
    'trade_turnover', json_object(
        'unit', 'USD',
        'note', 'Listed, never summed: a point whose `overlaps` is not empty shares trade with another point (a total contains a share); points of one pair are comparable as a series only when `comparable` is true (periods of the same length).',
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
