-- 0015: what the extractor reads beyond the curated vocabulary. Amounts in yuan, dong
-- and euro; "about" and "under"; a gate pair named in an ingested article is a
-- `reported` event of the project it is (curation `extracted`, with a confidence, so a
-- project's history never mixes machine-read events in silently: its latest_event is a
-- trusted one); talks, working sessions and receptions of no known mechanism are
-- cooperation events of kind `talks`.
INSERT OR IGNORE INTO vocab (field, value, label) VALUES
    ('lang', 'fr', 'French'),
    ('unit', 'CNY', 'Chinese yuan (renminbi)'),
    ('unit', 'VND', 'Vietnamese dong'),
    ('unit', 'EUR', 'euro'),
    ('qualifier', 'about', 'about the value (a hedged amount)'),
    ('qualifier', 'under', 'less than the value'),
    ('event_kind', 'reported', 'named in an ingested article (machine-read)'),
    ('coop_event_kind', 'talks', 'talks, a working session or a reception between the two sides');

ALTER TABLE project_events ADD COLUMN curation TEXT NOT NULL DEFAULT 'curated'
    CHECK (curation IN ('curated', 'extracted', 'reviewed', 'rejected'));
ALTER TABLE project_events ADD COLUMN confidence REAL;

DROP VIEW v_event_doc;
CREATE VIEW v_event_doc AS
SELECT e.id AS id, e.project_id, e.seq, e.date_start, e.curation, json_object(
    'id', e.id,
    'kind', e.kind,
    'date', e.date,
    'date_precision', e.date_precision,
    'meeting', json((SELECT json_object('id', m.id, 'title', m.title,
                                        'links', json_object('self', '/v1/meetings/' || m.id))
                     FROM meetings m WHERE m.id = e.meeting_id)),
    'description', e.description,
    'curation', e.curation,
    'confidence', e.confidence,
    'inferred', json(e.inferred),
    'note', e.note,
    'sources', json((SELECT json_group_array(json(doc)) FROM
        (SELECT doc FROM v_cite WHERE event_id = e.id ORDER BY id)))
) AS doc
FROM project_events e;

DROP VIEW v_project_doc;
CREATE VIEW v_project_doc AS
SELECT pj.id AS id, json_object(
    'id', pj.id,
    'type', 'border_gate_project',
    'name', pj.name,
    'kind', pj.kind,
    'status', pj.status,
    'vn_side', pj.vn_side,
    'cn_side', pj.cn_side,
    'vn_side_vi', pj.vn_side_vi,
    'cn_side_zh', pj.cn_side_zh,
    'provinces', json_object(
        'vn', json((SELECT doc FROM v_province_ref WHERE id = pj.vn_province_id)),
        'cn', json((SELECT doc FROM v_province_ref WHERE id = pj.cn_province_id))),
    'part_of', json((SELECT json_object('id', o.id, 'name', o.name,
                                        'links', json_object('self', '/v1/border-gate-projects/' || o.id))
                     FROM projects o WHERE o.id = pj.part_of)),
    'parts', json((SELECT json_group_array(json_object('id', o.id, 'name', o.name,
                                        'links', json_object('self', '/v1/border-gate-projects/' || o.id)))
                   FROM (SELECT * FROM projects WHERE part_of = pj.id ORDER BY id) o)),
    'aliases', json((SELECT json_group_array(json_object('alias', a.alias, 'lang', a.lang)) FROM
        (SELECT * FROM aliases WHERE entity = 'project' AND entity_id = pj.id
         AND lang IS NOT NULL ORDER BY lang, alias) a)),
    'description', pj.description,
    'events', json((SELECT json_group_array(json(doc)) FROM
        (SELECT doc FROM v_event_doc WHERE project_id = pj.id ORDER BY seq))),
    'latest_event', json((SELECT doc FROM v_event_doc WHERE project_id = pj.id
                          AND curation IN ('curated', 'reviewed')
                          ORDER BY date_start IS NULL, date_start DESC, seq DESC LIMIT 1)),
    'curation', pj.curation,
    'confidence', pj.confidence,
    'inferred', json(pj.inferred),
    'background', json(pj.background),
    'note', pj.note,
    'sources', json((SELECT json_group_array(json(doc)) FROM
        (SELECT doc FROM v_cite WHERE project_id = pj.id ORDER BY id))),
    'links', json_object('self', '/v1/border-gate-projects/' || pj.id)
) AS doc
FROM projects pj;
