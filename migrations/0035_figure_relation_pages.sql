-- 0035: a figure's overlaps and conflicts page by page, and every document of a figure
-- bounded.
--
-- 0034 capped a figure's `overlaps` and `conflicts_with` in list pages; its own document
-- still listed them all and grew with the store. Now each list has its own paged
-- collection (/v1/figures/{id}/overlaps, /v1/figures/{id}/conflicts: one row per entry,
-- views v_figure_overlap_item and v_figure_conflict_item), the document carries the
-- first 20 of each (by id) with `overlaps_total` and `conflicts_total`, list pages the
-- first five, and both link the collections (`links.overlaps`, `links.conflicts`).
-- v_figure_csv_doc is the list document as a CSV row reads it: the same fields, each
-- list item reduced to the members its column writes (a page of 500 rows is parsed
-- once per row before it is written, and the conflicts' notes were most of its bytes).

CREATE VIEW v_figure_overlap_item AS
SELECT fo.figure_id, fo.other_id AS id, json_object(
    'id', o.id, 'relation', fo.relation, 'by_parties', fo.by_parties,
    'by_period', fo.by_period, 'period', o.period, 'curation', o.curation,
    'links', json_object('self', '/v1/figures/' || o.id)) AS doc
FROM figure_overlaps fo JOIN figures o ON o.id = fo.other_id;

CREATE VIEW v_figure_conflict_item AS
SELECT fc.figure_id, fc.other_id AS id, json_object(
    'id', o.id,
    'value', CASE WHEN o.value = CAST(o.value AS INTEGER) THEN CAST(o.value AS INTEGER)
                  ELSE o.value END,
    'qualifier', o.qualifier, 'period', o.period, 'note', fc.note,
    'curation', o.curation,
    'links', json_object('self', '/v1/figures/' || o.id)) AS doc
FROM figure_conflicts fc JOIN figures o ON o.id = fc.other_id;

-- a figure's links: its document and its two collections
CREATE VIEW v_figure_links AS
SELECT f.id, json_object('self', '/v1/figures/' || f.id,
    'overlaps', '/v1/figures/' || f.id || '/overlaps',
    'conflicts', '/v1/figures/' || f.id || '/conflicts') AS links
FROM figures f;

-- the document: the first 20 of each list
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
    'conflicts_total', (SELECT count(*) FROM figure_conflicts WHERE figure_id = f.id),
    'overlaps', json((SELECT json_group_array(json(i.doc)) FROM
        (SELECT doc FROM v_figure_overlap_item WHERE figure_id = f.id ORDER BY id LIMIT 20) i)),
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
FROM figures f JOIN v_figure_links l ON l.id = f.id;

-- list pages: the first five, and the links
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
    'meetings', json((SELECT json_group_array(json(r.doc)) FROM
        (SELECT r.doc FROM figure_meetings fm JOIN v_meeting_ref r ON r.id = fm.meeting_id
         WHERE fm.figure_id = f.id ORDER BY fm.seq) r)),
    'conflicts_with', json((SELECT json_group_array(json(i.doc)) FROM
        (SELECT doc FROM v_figure_conflict_item WHERE figure_id = f.id ORDER BY id LIMIT 5) i)),
    'conflicts_total', (SELECT count(*) FROM figure_conflicts WHERE figure_id = f.id),
    'overlaps', json((SELECT json_group_array(json(i.doc)) FROM
        (SELECT doc FROM v_figure_overlap_item WHERE figure_id = f.id ORDER BY id LIMIT 5) i)),
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
FROM figures f JOIN v_figure_links l ON l.id = f.id;
DROP VIEW v_figure_list_relations;

-- a CSV row of a list page: the list document's fields with the members the columns
-- write (figures.c FIELDS: meetings and conflicts_with as ids, overlaps as id:relation,
-- sources as source_id:quote, links as self)
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
    'meetings', json((SELECT json_group_array(meeting_id) FROM
        (SELECT fm.meeting_id FROM figure_meetings fm JOIN meetings m ON m.id = fm.meeting_id
         WHERE fm.figure_id = f.id ORDER BY fm.seq))),
    'conflicts_with', json((SELECT json_group_array(id) FROM
        (SELECT id FROM v_figure_conflict_item WHERE figure_id = f.id ORDER BY id LIMIT 5))),
    'conflicts_total', (SELECT count(*) FROM figure_conflicts WHERE figure_id = f.id),
    'overlaps', json((SELECT json_group_array(json_object('id', fo.other_id, 'relation',
        fo.relation)) FROM (SELECT x.other_id, x.relation FROM figure_overlaps x JOIN figures o
        ON o.id = x.other_id WHERE x.figure_id = f.id ORDER BY x.other_id LIMIT 5) fo)),
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
FROM figures f;
