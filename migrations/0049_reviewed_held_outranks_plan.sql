-- 0049: a reviewed statement that a meeting took place outranks a curated plan of it.
--
-- A meeting read from an article that is a known meeting (same_as) counts and is listed
-- once, as the known meeting (0024). When the known meeting is a curated *plan* and a
-- reviewer approved an account that it was *held* (analyst 13 #9: the 12th meeting of the
-- Joint Working Group, planned for 2026 in data/, approved as held in Kunming on 22
-- October), /v1/stats, /v1/meetings and the dashboard kept announcing it as planned and its
-- latest held meeting an older one: the approval changed nothing a reader sees. Such a
-- meeting is now counted and listed once as the reviewed account (the first by id when
-- several were approved; they conflict with each other if they disagree), and the plan is
-- left out, in every set that holds the reviewed one ('curated' alone still shows the
-- plan). v_meeting_hidden says which meetings a set leaves out; /v1/meetings reads the same
-- rule from meetings.c.
CREATE VIEW v_meeting_hidden AS
SELECT cs.name AS set_name, tm.id AS id
FROM curation_sets cs JOIN meetings tw ON tw.curation = cs.curation
     JOIN meetings tm ON tm.same_as = tw.id
WHERE NOT (tm.curation = 'reviewed' AND tm.status = 'held' AND tw.curation = 'curated'
      AND tw.status = 'planned' AND NOT EXISTS (SELECT 1 FROM meetings r2 WHERE r2.same_as = tw.id
          AND r2.curation = 'reviewed' AND r2.status = 'held' AND r2.id < tm.id))
UNION ALL
SELECT cs.name AS set_name, k.id AS id
FROM curation_sets cs JOIN meetings r ON r.curation = cs.curation
     JOIN meetings k ON k.id = r.same_as
WHERE r.curation = 'reviewed' AND r.status = 'held' AND k.curation = 'curated'
      AND k.status = 'planned' AND NOT EXISTS (SELECT 1 FROM meetings r2 WHERE r2.same_as = k.id
          AND r2.curation = 'reviewed' AND r2.status = 'held' AND r2.id < r.id);

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
