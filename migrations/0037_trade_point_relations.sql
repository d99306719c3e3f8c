-- 0037: a trade point in /v1/stats names its first few links and says how many there are.
--
-- /v1/stats lists every trade-turnover figure twice (by pair and by year), and each point
-- embedded every overlap and conflict of its figure. On a store of ~2,700 machine-read
-- figures with ~98,000 overlaps, /v1/stats?curation=all missed its budget under load (the
-- attack store of the second attack pass). A point now carries the first five of each list
-- and their counts, `overlaps_total` and `conflicts_total`, as the figure lists do since
-- 0034; /v1/figures/{id}/overlaps and /conflicts page through the rest.

-- the first five of a figure's conflicts and overlaps (as a list page writes them) and how
-- many there are: the trade points of /v1/stats and the points of /v1/series (series.c)
CREATE VIEW v_figure_brief_relations AS
SELECT f.id,
    json((SELECT json_group_array(json(i.doc)) FROM
        (SELECT doc FROM v_figure_conflict_item WHERE figure_id = f.id ORDER BY id LIMIT 5) i))
        AS conflicts_with,
    (SELECT count(*) FROM figure_conflicts WHERE figure_id = f.id) AS conflicts_total,
    json((SELECT json_group_array(json(i.doc)) FROM
        (SELECT doc FROM v_figure_overlap_item WHERE figure_id = f.id ORDER BY id LIMIT 5) i))
        AS overlaps,
    (SELECT count(*) FROM figure_overlaps WHERE figure_id = f.id) AS overlaps_total
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
                   'conflicts_total', rel.conflicts_total,
                   'overlaps', json(rel.overlaps),
                   'overlaps_total', rel.overlaps_total,
                   'curation', f.curation,
                   'links', json_object('self', '/v1/figures/' || f.id)) AS doc
FROM figures f JOIN v_figure_pair fp ON fp.figure_id = f.id
JOIN v_figure_brief_relations rel ON rel.id = f.id
WHERE f.metric = 'trade_turnover';

