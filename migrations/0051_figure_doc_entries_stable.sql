-- 0051: a figure's own document (v_figure_doc: /v1/figures/{id}, its change-feed entry and
-- its export line) names each figure of its `overlaps` and `conflicts_with` without that
-- figure's `curation`, and a computed conflict's note no longer says who vouched for the
-- other figure.
--
-- Every statement of a quantity shows the same first 20 entries (stored order, 0050), so
-- the other figure's curation in an entry made a review decision on one of the 20 oldest
-- statements rewrite and announce every sibling's document: approving one of 48 Lao Cai -
-- Yunnan figures wrote 47 `figure changed ["conflicts_with","overlaps"]` feed entries
-- (analyst 13, second recheck). What a decision changes about the other figure is read
-- from it (`links.self`), from a list page or from /v1/figures/{id}/overlaps and
-- /conflicts, whose entries keep `curation` (v_figure_overlap_item,
-- v_figure_conflict_item). A sibling's document still changes, and is announced, when the
-- decision changes which figures it shows: a reviewed figure lists an approved one, none
-- lists a rejected one.
--
-- `bordercoop migrate` announces the documents this changes (changes.h
-- bc_changes_record_migration).
UPDATE figure_conflicts
SET note = replace(replace(replace(note, ' (extracted); found by comparing the two',
                                   '; found by comparing the two'),
                           ' (reviewed); found by comparing the two',
                           '; found by comparing the two'),
                   ' (curated); found by comparing the two', '; found by comparing the two')
WHERE note LIKE '%); found by comparing the two, not stated by a person.';

DROP VIEW v_figure_conflict_candidates;
CREATE VIEW v_figure_conflict_candidates AS
SELECT c.figure_id, c.other_id,
       'Another statement of the same quantity (the same metric, parties and period) gives '
           || CASE WHEN b.value = CAST(b.value AS INTEGER) THEN CAST(CAST(b.value AS INTEGER)
                                                                    AS TEXT)
                   ELSE CAST(b.value AS TEXT) END
           || ' ' || b.unit
           || CASE b.qualifier WHEN 'range_low' THEN ' as the lower end of a range'
                               WHEN 'range_high' THEN ' as the upper end of a range'
                               ELSE '' END
           || '; found by comparing the two, not stated by a person.' AS note
FROM v_figure_overlap_candidates c
JOIN figures a ON a.id = c.figure_id JOIN figures b ON b.id = c.other_id
WHERE c.relation = 'same' AND c.by_period = 'same' AND a.value <> b.value
  AND NOT (a.curation = 'curated' AND b.curation = 'curated')
  AND (CASE WHEN a.qualifier IN ('range_low', 'range_high')
                 AND b.qualifier IN ('range_low', 'range_high') THEN a.qualifier = b.qualifier
            WHEN a.qualifier = 'range_low' THEN b.value < a.value
            WHEN a.qualifier = 'range_high' THEN b.value > a.value
            WHEN b.qualifier = 'range_low' THEN a.value < b.value
            WHEN b.qualifier = 'range_high' THEN a.value > b.value
            ELSE 1 END);

-- the entries of a figure's own document: the link's own fields and the other's period,
-- never its curation
CREATE VIEW v_figure_doc_overlap_item AS
SELECT fo.figure_id, fo.other_id AS id, fo.other_stored AS stored, json_object(
    'id', o.id, 'relation', fo.relation, 'by_parties', fo.by_parties,
    'by_period', fo.by_period, 'period', o.period,
    'links', json_object('self', '/v1/figures/' || o.id)) AS doc
FROM figure_overlaps fo JOIN figures o ON o.id = fo.other_id;

CREATE VIEW v_figure_doc_conflict_item AS
SELECT fc.figure_id, fc.other_id AS id, fc.other_stored AS stored, json_object(
    'id', o.id,
    'value', CASE WHEN o.value = CAST(o.value AS INTEGER) THEN CAST(o.value AS INTEGER)
                  ELSE o.value END,
    'qualifier', o.qualifier, 'period', o.period, 'note', fc.note,
    'links', json_object('self', '/v1/figures/' || o.id)) AS doc
FROM figure_conflicts fc JOIN figures o ON o.id = fc.other_id;

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
