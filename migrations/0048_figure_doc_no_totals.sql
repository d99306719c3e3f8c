-- 0048: a figure's own document (`/v1/figures/{id}`, the change feed, the export) no longer
-- carries `overlaps_total` and `conflicts_total`. Every statement of a pair's turnover
-- overlaps every other, so each new one moved the totals of all its siblings: every
-- ingest rewrote and re-announced every figure of the same metric and pair (analyst 13,
-- finding 3), its cost and the feed growing with the store. The document keeps its first
-- 20 entries (by id) and the links to the pages that hold every entry and count them
-- (`total=true`); list pages and the points of `/v1/series` and `/v1/stats` keep their
-- counts, which are read, never recorded. The baseline of the feed loses the two fields
-- too, its hash blanked: a document equal to its baseline text is no change (changes.c).
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
    'meetings', json((SELECT json_group_array(json(r.doc)) FROM
        (SELECT r.doc FROM figure_meetings fm JOIN v_meeting_ref r ON r.id = fm.meeting_id
         WHERE fm.figure_id = f.id ORDER BY fm.seq) r)),
    'conflicts_with', json((SELECT json_group_array(json(i.doc)) FROM
        (SELECT doc FROM v_figure_conflict_item WHERE figure_id = f.id ORDER BY id LIMIT 20) i)),
    'overlaps', json((SELECT json_group_array(json(i.doc)) FROM
        (SELECT doc FROM v_figure_overlap_item WHERE figure_id = f.id ORDER BY id LIMIT 20) i)),
    'curation', f.curation,
    'confidence', f.confidence,
    'inferred', json(f.inferred),
    'background', json(f.background),
    'note', f.note,
    'sources', json((SELECT json_group_array(json(doc)) FROM
        (SELECT doc FROM v_cite WHERE figure_id = f.id ORDER BY id))),
    'links', json(l.links)
) AS doc
FROM figures f JOIN v_figure_links l ON l.id = f.id;

UPDATE change_baseline
SET doc = json_remove(doc, '$.overlaps_total', '$.conflicts_total'), sha256 = ''
WHERE kind = 'figure';
