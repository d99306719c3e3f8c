-- 0034: a figure in a list page names its first few links and says how many there are.
--
-- A figure's `overlaps` and `conflicts_with` name every figure of the same quantity, and
-- machine-read articles about one pair of provinces make those lists grow with the
-- store: on a store of ~2,000 extracted figures one document held 24 overlaps and a page
-- of 497 (6 MB) missed the request budget, as JSON and as CSV, every time (second
-- attack pass, finding 7). A list page now carries at most the first five of each list
-- (by id, as the document orders them) and the whole count in `overlaps_total` and
-- `conflicts_total`; the document at /v1/figures/{id} lists them all.

CREATE VIEW v_figure_list_relations AS
SELECT f.id,
    json((SELECT json_group_array(json_object(
            'id', o.id,
            'value', CASE WHEN o.value = CAST(o.value AS INTEGER) THEN CAST(o.value AS INTEGER)
                          ELSE o.value END,
            'qualifier', o.qualifier, 'period', o.period, 'note', fc.note,
            'curation', o.curation,
            'links', json_object('self', '/v1/figures/' || o.id)))
        FROM (SELECT * FROM figure_conflicts WHERE figure_id = f.id ORDER BY other_id LIMIT 5) fc
        JOIN figures o ON o.id = fc.other_id)) AS conflicts_with,
    (SELECT count(*) FROM figure_conflicts WHERE figure_id = f.id) AS conflicts_total,
    json((SELECT json_group_array(json_object(
            'id', o.id, 'relation', fo.relation, 'by_parties', fo.by_parties,
            'by_period', fo.by_period, 'period', o.period, 'curation', o.curation,
            'links', json_object('self', '/v1/figures/' || o.id)))
        FROM (SELECT * FROM figure_overlaps WHERE figure_id = f.id ORDER BY other_id LIMIT 5) fo
        JOIN figures o ON o.id = fo.other_id)) AS overlaps,
    (SELECT count(*) FROM figure_overlaps WHERE figure_id = f.id) AS overlaps_total
FROM figures f;

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
    'meetings', json((SELECT json_group_array(json(r.doc)) FROM
        (SELECT r.doc FROM figure_meetings fm JOIN v_meeting_ref r ON r.id = fm.meeting_id
         WHERE fm.figure_id = f.id ORDER BY fm.seq) r)),
    'conflicts_with', json(rel.conflicts_with),
    'conflicts_total', rel.conflicts_total,
    'overlaps', json(rel.overlaps),
    'overlaps_total', rel.overlaps_total,
    'curation', f.curation,
    'confidence', f.confidence,
    'inferred', json(f.inferred),
    'background', json(f.background),
    'note', f.note,
    'sources', json((SELECT json_group_array(json(doc)) FROM
        (SELECT doc FROM v_cite WHERE figure_id = f.id ORDER BY id))),
    'links', json_object('self', '/v1/figures/' || f.id)
) AS doc
FROM figures f JOIN v_figure_list_relations rel ON rel.id = f.id;
