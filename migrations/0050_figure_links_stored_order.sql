-- 0050: a figure's overlaps and conflicts are listed in the order the linked figures were
-- stored, oldest first (the other figure's id breaks a tie), no longer by id.
--
-- A figure's own document carries the first 20 of each list (0035, 0048), list pages and
-- the points of /v1/stats and /v1/series the first five. By id, a new figure whose id
-- sorted early (an article titled "A...", "Báo...", a digit) entered the first entries of
-- every figure of its metric and pair: each of those documents changed and an ingest of
-- one figure rewrote and announced them all in the change feed (analyst 13, finding 3;
-- 82 entries for one figure beside 81 siblings). Stored order puts a new figure last:
-- it enters only the documents that list fewer than 20 entries, whose shown entries
-- really change.
--
-- figures.stored numbers figures as they are stored (a figure read again, re-dating,
-- is stored again and numbered anew); existing figures keep the order of their rows.
-- figure_overlaps and figure_conflicts copy the linked figure's number (other_stored,
-- set by the triggers below whoever inserts the row) so a figure's first entries, and
-- whether a link is among them (figure_links.h BC_FIGURE_LINK_SHOWN), are read from an
-- index in at most 20 rows. /v1/figures/{id}/overlaps and /conflicts page in this order.
ALTER TABLE figures ADD COLUMN stored INTEGER;
UPDATE figures SET stored = rowid;
CREATE UNIQUE INDEX figures_stored ON figures (stored);
CREATE TRIGGER figures_stored_insert AFTER INSERT ON figures
WHEN NEW.stored IS NULL
BEGIN
    UPDATE figures SET stored = (SELECT coalesce(max(stored), 0) + 1 FROM figures)
    WHERE id = NEW.id;
END;

ALTER TABLE figure_overlaps ADD COLUMN other_stored INTEGER;
UPDATE figure_overlaps SET other_stored = (SELECT stored FROM figures WHERE id = other_id);
CREATE INDEX figure_overlaps_stored ON figure_overlaps (figure_id, other_stored, other_id);
CREATE TRIGGER figure_overlaps_stored_insert AFTER INSERT ON figure_overlaps
WHEN NEW.other_stored IS NULL
BEGIN
    UPDATE figure_overlaps SET other_stored = (SELECT stored FROM figures WHERE id = NEW.other_id)
    WHERE figure_id = NEW.figure_id AND other_id = NEW.other_id;
END;

ALTER TABLE figure_conflicts ADD COLUMN other_stored INTEGER;
UPDATE figure_conflicts SET other_stored = (SELECT stored FROM figures WHERE id = other_id);
CREATE INDEX figure_conflicts_stored ON figure_conflicts (figure_id, other_stored, other_id);
CREATE TRIGGER figure_conflicts_stored_insert AFTER INSERT ON figure_conflicts
WHEN NEW.other_stored IS NULL
BEGIN
    UPDATE figure_conflicts SET other_stored = (SELECT stored FROM figures WHERE id = NEW.other_id)
    WHERE figure_id = NEW.figure_id AND other_id = NEW.other_id;
END;

-- the entries carry the order (stored), the lists below take their first ones by it
DROP VIEW v_figure_overlap_item;
CREATE VIEW v_figure_overlap_item AS
SELECT fo.figure_id, fo.other_id AS id, fo.other_stored AS stored, json_object(
    'id', o.id, 'relation', fo.relation, 'by_parties', fo.by_parties,
    'by_period', fo.by_period, 'period', o.period, 'curation', o.curation,
    'links', json_object('self', '/v1/figures/' || o.id)) AS doc
FROM figure_overlaps fo JOIN figures o ON o.id = fo.other_id;

DROP VIEW v_figure_conflict_item;
CREATE VIEW v_figure_conflict_item AS
SELECT fc.figure_id, fc.other_id AS id, fc.other_stored AS stored, json_object(
    'id', o.id,
    'value', CASE WHEN o.value = CAST(o.value AS INTEGER) THEN CAST(o.value AS INTEGER)
                  ELSE o.value END,
    'qualifier', o.qualifier, 'period', o.period, 'note', fc.note,
    'curation', o.curation,
    'links', json_object('self', '/v1/figures/' || o.id)) AS doc
FROM figure_conflicts fc JOIN figures o ON o.id = fc.other_id;

DROP VIEW v_figure_brief_relations;
CREATE VIEW v_figure_brief_relations AS
SELECT f.id,
    json((SELECT json_group_array(json(i.doc)) FROM
        (SELECT doc FROM v_figure_conflict_item WHERE figure_id = f.id ORDER BY stored, id LIMIT 5) i))
        AS conflicts_with,
    (SELECT count(*) FROM figure_conflicts WHERE figure_id = f.id) AS conflicts_total,
    json((SELECT json_group_array(json(i.doc)) FROM
        (SELECT doc FROM v_figure_overlap_item WHERE figure_id = f.id ORDER BY stored, id LIMIT 5) i))
        AS overlaps,
    (SELECT count(*) FROM figure_overlaps WHERE figure_id = f.id) AS overlaps_total
FROM figures f
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
        (SELECT doc FROM v_figure_conflict_item WHERE figure_id = f.id ORDER BY stored, id LIMIT 20) i)),
    'overlaps', json((SELECT json_group_array(json(i.doc)) FROM
        (SELECT doc FROM v_figure_overlap_item WHERE figure_id = f.id ORDER BY stored, id LIMIT 20) i)),
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
