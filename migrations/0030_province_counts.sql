-- 0030: a province's `counts` count the facts its links open by default.
--
-- The links of a province (`/v1/meetings?province=…` and the others) list trusted facts
-- (curated and reviewed) unless asked otherwise, and so do /v1/stats and the dashboard,
-- but the counts counted every fact, machine-read and rejected ones too: an ingest
-- changed every named province's document before anyone reviewed a fact, and a count
-- said 9 where its link listed 7. Protocols and people have no curation of their own
-- (they are curated).

DROP VIEW v_province_doc;
CREATE VIEW v_province_doc AS
SELECT p.id AS id, json_object(
    'id', p.id,
    'type', 'province',
    'name', p.name,
    'name_vi', p.name_vi,
    'name_zh', p.name_zh,
    'country', p.country,
    'level', p.level,
    'aliases', json((SELECT json_group_array(json_object('alias', a.alias, 'lang', a.lang)) FROM
        (SELECT * FROM aliases WHERE entity = 'province' AND entity_id = p.id
         AND lang IS NOT NULL ORDER BY lang, alias) a)),
    'merged_into', json((SELECT doc FROM v_province_ref WHERE id = p.merged_into)),
    'merged_from', json((SELECT json_group_array(json(r.doc)) FROM
        (SELECT r.doc FROM provinces o JOIN v_province_ref r ON r.id = o.id
         WHERE o.merged_into = p.id ORDER BY o.id) r)),
    'mechanisms', json((SELECT json_group_array(json_object('id', mc.id, 'name', mc.name,
                                        'links', json_object('self', '/v1/mechanisms/' || mc.id)))
        FROM (SELECT mc.* FROM mechanism_members mm JOIN mechanisms mc ON mc.id = mm.mechanism_id
              WHERE mm.province_id = p.id ORDER BY mc.id) mc)),
    'counts', json_object(
        'meetings', (SELECT count(*) FROM meeting_provinces mp JOIN meetings m ON m.id = mp.meeting_id
                      WHERE mp.province_id = p.id AND m.curation IN (SELECT curation FROM curation_sets WHERE name = 'trusted')),
        'figures', (SELECT count(*) FROM figure_parties fp JOIN figures f ON f.id = fp.figure_id
                     WHERE fp.province_id = p.id AND f.curation IN (SELECT curation FROM curation_sets WHERE name = 'trusted')),
        'border_gate_projects', (SELECT count(*) FROM projects
                                 WHERE (vn_province_id = p.id OR cn_province_id = p.id)
                                   AND curation IN (SELECT curation FROM curation_sets WHERE name = 'trusted')),
        'protocols', (SELECT count(DISTINCT protocol_id) FROM protocol_parties
                      WHERE province_id = p.id),
        'events', (SELECT count(DISTINCT o.event_id) FROM coop_event_organisations o
                    JOIN coop_events e ON e.id = o.event_id
                    WHERE o.province_id = p.id AND e.curation IN (SELECT curation FROM curation_sets WHERE name = 'trusted')),
        'people', (SELECT count(*) FROM people WHERE province_id = p.id)),
    'inferred', json(p.inferred),
    'background', json(p.background),
    'note', p.note,
    'sources', json((SELECT json_group_array(json(doc)) FROM
        (SELECT doc FROM v_cite WHERE province_id = p.id ORDER BY id))),
    'links', json_object(
        'self', '/v1/provinces/' || p.id,
        'meetings', '/v1/meetings?province=' || p.id,
        'figures', '/v1/figures?province=' || p.id,
        'trade_figures', '/v1/trade-figures?province=' || p.id,
        'border_gate_projects', '/v1/border-gate-projects?province=' || p.id,
        'protocols', '/v1/protocols?province=' || p.id,
        'events', '/v1/events?province=' || p.id)
) AS doc
FROM provinces p;
