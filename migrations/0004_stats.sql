-- 0004: the dashboard summary served at /v1/stats, one document. Turnover figures are
-- listed, never summed: the four-province total already contains Tuyen Quang's share,
-- so adding them up would double count.

-- each figure's parties as a stable key ("tuyen-quang+yunnan") and a label
CREATE VIEW v_figure_pair AS
SELECT f.id AS figure_id,
       (SELECT group_concat(province_id, '+') FROM
           (SELECT province_id FROM figure_parties WHERE figure_id = f.id ORDER BY seq)) AS pair,
       (SELECT group_concat(name, ' - ') FROM
           (SELECT p.name FROM figure_parties fp JOIN provinces p ON p.id = fp.province_id
            WHERE fp.figure_id = f.id ORDER BY fp.seq)) AS label
FROM figures f;

CREATE VIEW v_trade_point AS
SELECT f.id, f.value, f.unit, f.qualifier, f.period, f.period_start, f.period_end, f.year,
       fp.pair, fp.label,
       json_object('id', f.id,
                   'value', CASE WHEN f.value = CAST(f.value AS INTEGER)
                                 THEN CAST(f.value AS INTEGER) ELSE f.value END,
                   'unit', f.unit, 'qualifier', f.qualifier, 'period', f.period,
                   'period_start', f.period_start, 'period_end', f.period_end, 'year', f.year,
                   'change', CASE WHEN f.change_pct IS NULL THEN NULL ELSE json_object(
                       'value', CASE WHEN f.change_pct = CAST(f.change_pct AS INTEGER)
                                     THEN CAST(f.change_pct AS INTEGER) ELSE f.change_pct END,
                       'unit', 'percent', 'qualifier', f.change_qualifier,
                       'basis', f.change_basis) END,
                   'parties', fp.label,
                   'links', json_object('self', '/v1/trade-figures/' || f.id)) AS doc
FROM figures f JOIN v_figure_pair fp ON fp.figure_id = f.id
WHERE f.metric = 'trade_turnover';

CREATE VIEW v_meeting_brief AS
SELECT m.id, m.status, m.date_start, m.date_end,
       json_object('id', m.id, 'title', m.title, 'date', m.date,
                   'date_precision', m.date_precision, 'place', m.place, 'status', m.status,
                   'mechanism', m.mechanism_id,
                   'protocols', json((SELECT json_group_array(id) FROM
                       (SELECT id FROM protocols WHERE meeting_id = m.id ORDER BY id))),
                   'links', json_object('self', '/v1/meetings/' || m.id)) AS doc
FROM meetings m;

CREATE VIEW v_stats AS
SELECT json_object(
    'counts', json_object(
        'meetings', (SELECT count(*) FROM meetings),
        'meetings_held', (SELECT count(*) FROM meetings WHERE status = 'held'),
        'meetings_planned', (SELECT count(*) FROM meetings WHERE status = 'planned'),
        'figures', (SELECT count(*) FROM figures),
        'trade_figures', (SELECT count(*) FROM figures WHERE category = 'trade'),
        'border_gate_projects', (SELECT count(*) FROM projects),
        'protocols', (SELECT count(*) FROM protocols),
        'protocols_signed', (SELECT count(*) FROM protocols WHERE status = 'signed'),
        'people', (SELECT count(*) FROM people),
        'provinces', (SELECT count(*) FROM provinces),
        'sources', (SELECT count(*) FROM sources),
        'citations', (SELECT count(*) FROM citations)),
    'trade_turnover', json_object(
        'unit', 'USD',
        'by_pair', json((SELECT json_group_array(json_object(
                'parties', pair, 'label', label,
                'points', json((SELECT json_group_array(json(doc)) FROM
                    (SELECT doc FROM v_trade_point t WHERE t.pair = p.pair
                     ORDER BY coalesce(period_start, '9999'), id)))))
            FROM (SELECT DISTINCT pair, label FROM v_trade_point ORDER BY pair) p)),
        'by_year', json((SELECT json_group_array(json_object(
                'year', y.year,
                'figures', json((SELECT json_group_array(json(doc)) FROM
                    (SELECT doc FROM v_trade_point t WHERE t.year IS y.year
                     ORDER BY value DESC, id)))))
            FROM (SELECT DISTINCT year FROM v_trade_point ORDER BY year IS NULL, year) y))),
    'meetings', json_object(
        'latest_held', json((SELECT doc FROM v_meeting_brief WHERE status = 'held'
                             ORDER BY date_end DESC, id LIMIT 1)),
        'next_planned', json((SELECT doc FROM v_meeting_brief WHERE status = 'planned'
                              ORDER BY coalesce(date_start, '9999-12-31'), id LIMIT 1)),
        'planned', json((SELECT json_group_array(json(doc)) FROM
            (SELECT doc FROM v_meeting_brief WHERE status = 'planned'
             ORDER BY coalesce(date_start, '9999-12-31'), id)))),
    'border_gate_projects', json_object(
        'by_status', json((SELECT json_group_object(status, n) FROM
            (SELECT status, count(*) AS n FROM projects GROUP BY status ORDER BY status))),
        'by_kind', json((SELECT json_group_object(kind, n) FROM
            (SELECT kind, count(*) AS n FROM projects GROUP BY kind ORDER BY kind)))),
    'protocols', json_object(
        'by_kind', json((SELECT json_group_object(kind, n) FROM
            (SELECT kind, count(*) AS n FROM protocols GROUP BY kind ORDER BY kind))),
        'by_status', json((SELECT json_group_object(status, n) FROM
            (SELECT status, count(*) AS n FROM protocols GROUP BY status ORDER BY status)))),
    'figures_by_category', json((SELECT json_group_object(category, n) FROM
        (SELECT category, count(*) AS n FROM figures GROUP BY category ORDER BY category))),
    'store', json_object(
        'content_version', (SELECT value FROM store_meta WHERE key = 'content_version'),
        'built_at', (SELECT value FROM store_meta WHERE key = 'built_at')),
    'links', json_object('self', '/v1/stats', 'meetings', '/v1/meetings',
                         'trade_figures', '/v1/trade-figures',
                         'border_gate_projects', '/v1/border-gate-projects',
                         'protocols', '/v1/protocols', 'search', '/v1/search')
) AS doc;
