-- 0017: protocols carry their curation as every other fact does. A protocol is read from
-- the curated fact files only (ingest never makes one), so its curation is `curated`;
-- /v1/protocols has the `curation` facet beside its filter.
DROP VIEW v_protocol_doc;
CREATE VIEW v_protocol_doc AS
SELECT pr.id AS id, json_object(
    'id', pr.id,
    'type', 'protocol',
    'title', pr.title,
    'kind', pr.kind,
    'level', pr.level,
    'status', pr.status,
    'signed_on', pr.signed_on,
    'date_precision', pr.date_precision,
    'year', pr.year,
    'meeting', json((SELECT doc FROM v_meeting_ref WHERE id = pr.meeting_id)),
    'parties', json((SELECT json_group_array(province_id) FROM
        (SELECT province_id FROM protocol_parties WHERE protocol_id = pr.id
         AND province_id IS NOT NULL GROUP BY province_id ORDER BY min(seq)))),
    'organisations', json((SELECT json_group_array(json_object(
            'name', pp.name,
            'province', json((SELECT doc FROM v_province_ref WHERE id = pp.province_id))))
        FROM (SELECT * FROM protocol_parties WHERE protocol_id = pr.id ORDER BY seq) pp)),
    'areas', json((SELECT json_group_array(json_object(
            'area', pa.area,
            'inferred', json(pa.inferred),
            'note', pa.note,
            'sources', json((SELECT json_group_array(json(doc)) FROM
                (SELECT doc FROM v_cite WHERE area_protocol_id = pa.protocol_id
                 AND area_seq = pa.seq ORDER BY id)))))
        FROM (SELECT * FROM protocol_areas WHERE protocol_id = pr.id ORDER BY seq) pa)),
    'aliases', json((SELECT json_group_array(json_object('alias', a.alias, 'lang', a.lang)) FROM
        (SELECT * FROM aliases WHERE entity = 'protocol' AND entity_id = pr.id
         AND lang IS NOT NULL ORDER BY lang, alias) a)),
    'summary', pr.summary,
    'inferred', json(pr.inferred),
    'background', json(pr.background),
    'note', pr.note,
    'curation', 'curated',
    'sources', json((SELECT json_group_array(json(doc)) FROM
        (SELECT doc FROM v_cite WHERE protocol_id = pr.id ORDER BY id))),
    'links', json_object('self', '/v1/protocols/' || pr.id)
) AS doc
FROM protocols pr;
