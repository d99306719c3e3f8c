-- 0020: one shape for parties. Every fact about provinces names them in `parties`, a list
-- of province ids, as figures, protocols and events do: meetings beside `provinces`
-- (the same provinces as objects), border gate projects beside `provinces` ({vn, cn}),
-- mechanisms beside `members`. The older fields stay, so nothing a client reads goes
-- away. Border gate projects list the `meetings` their events were discussed at, and a
-- protocol its meeting as `meetings` too (0 or 1, beside `meeting`), with the span of an
-- imprecise signing date in `signed_on_start` and `signed_on_end`, as meetings have
-- `date_start` and `date_end`.

DROP VIEW v_meeting_doc;
CREATE VIEW v_meeting_doc AS
SELECT m.id AS id, json_object(
    'id', m.id,
    'type', 'meeting',
    'title', m.title,
    'mechanism', json_object('id', mc.id, 'name', mc.name, 'kind', mc.kind,
                             'links', json_object('self', '/v1/mechanisms/' || mc.id)),
    'ordinal', m.ordinal,
    'status', m.status,
    'date', m.date,
    'date_precision', m.date_precision,
    'date_start', m.date_start,
    'date_end', m.date_end,
    'year', m.year,
    'place', m.place,
    'host_province', json((SELECT doc FROM v_province_ref WHERE id = m.host_province_id)),
    'provinces', json((SELECT json_group_array(json(r.doc)) FROM
        (SELECT r.doc FROM meeting_provinces mp JOIN provinces p ON p.id = mp.province_id
         JOIN v_province_ref r ON r.id = p.id WHERE mp.meeting_id = m.id
         ORDER BY p.country = 'CN', p.name) r)),
    'parties', json((SELECT json_group_array(p.id) FROM
        (SELECT p.id FROM meeting_provinces mp JOIN provinces p ON p.id = mp.province_id
         WHERE mp.meeting_id = m.id ORDER BY p.country = 'CN', p.name) p)),
    'summary', m.summary,
    'aliases', json((SELECT json_group_array(json_object('alias', a.alias, 'lang', a.lang)) FROM
        (SELECT * FROM aliases WHERE entity = 'meeting' AND entity_id = m.id
         AND lang IS NOT NULL ORDER BY lang, alias) a)),
    'participants', json((SELECT json_group_array(json_object(
            'person', json_object('id', pe.id, 'name', pe.name,
                                  'links', json_object('self', '/v1/people/' || pe.id)),
            'role', mp.role,
            'side', mp.side,
            'province', json((SELECT doc FROM v_province_ref WHERE id = mp.province_id)),
            'inferred', json(mp.inferred),
            'note', mp.note,
            'sources', json((SELECT json_group_array(json(doc)) FROM
                (SELECT doc FROM v_cite WHERE participant_meeting_id = mp.meeting_id
                 AND participant_seq = mp.seq ORDER BY id)))))
        FROM (SELECT * FROM meeting_participants WHERE meeting_id = m.id ORDER BY seq) mp
        JOIN people pe ON pe.id = mp.person_id)),
    'decisions', json((SELECT json_group_array(json_object(
            'kind', d.kind,
            'text', d.text,
            'speaker', json((SELECT json_object('id', pe.id, 'name', pe.name,
                                                'links', json_object('self', '/v1/people/' || pe.id))
                             FROM people pe WHERE pe.id = d.speaker_id)),
            'inferred', json(d.inferred),
            'note', d.note,
            'sources', json((SELECT json_group_array(json(doc)) FROM
                (SELECT doc FROM v_cite WHERE decision_meeting_id = d.meeting_id
                 AND decision_seq = d.seq ORDER BY id)))))
        FROM (SELECT * FROM meeting_decisions WHERE meeting_id = m.id ORDER BY seq) d)),
    'protocols', json((SELECT json_group_array(json_object(
            'id', pr.id, 'title', pr.title, 'kind', pr.kind, 'status', pr.status,
            'signed_on', pr.signed_on,
            'links', json_object('self', '/v1/protocols/' || pr.id)))
        FROM (SELECT * FROM protocols WHERE meeting_id = m.id ORDER BY id) pr)),
    'figures', json((SELECT json_group_array(json_object(
            'id', f.id, 'metric', f.metric, 'value',
            CASE WHEN f.value = CAST(f.value AS INTEGER) THEN CAST(f.value AS INTEGER)
                 ELSE f.value END,
            'unit', f.unit, 'qualifier', f.qualifier, 'period', f.period,
            'description', f.description,
            'links', json_object('self', '/v1/figures/' || f.id)))
        FROM (SELECT f.* FROM figure_meetings fm JOIN figures f ON f.id = fm.figure_id
              WHERE fm.meeting_id = m.id ORDER BY f.period_start, f.id) f)),
    'projects', json((SELECT json_group_array(json_object(
            'id', pj.id, 'name', pj.name, 'event', e.kind, 'description', e.description,
            'links', json_object('self', '/v1/border-gate-projects/' || pj.id)))
        FROM (SELECT * FROM project_events WHERE meeting_id = m.id ORDER BY project_id, seq) e
        JOIN projects pj ON pj.id = e.project_id)),
    'events', json((SELECT json_group_array(json_object(
            'id', ev.id, 'kind', ev.kind, 'title', ev.title, 'date', ev.date,
            'links', json_object('self', '/v1/events/' || ev.id)))
        FROM (SELECT ev.* FROM coop_event_meetings em JOIN coop_events ev ON ev.id = em.event_id
              WHERE em.meeting_id = m.id ORDER BY ev.date_start, ev.id) ev)),
    'previous_meeting', json((SELECT json_object('id', o.id, 'title', o.title, 'date', o.date,
                                                 'status', o.status,
                                                 'links', json_object('self', '/v1/meetings/' || o.id))
        FROM meetings o WHERE o.mechanism_id = m.mechanism_id AND o.ordinal = m.ordinal - 1
        AND o.curation = 'curated')),
    'next_meeting', json((SELECT json_object('id', o.id, 'title', o.title, 'date', o.date,
                                             'status', o.status,
                                             'links', json_object('self', '/v1/meetings/' || o.id))
        FROM meetings o WHERE o.mechanism_id = m.mechanism_id AND o.ordinal = m.ordinal + 1
        AND o.curation = 'curated')),
    'curation', m.curation,
    'confidence', m.confidence,
    'same_as', json((SELECT json_object('id', o.id, 'title', o.title,
                                        'links', json_object('self', '/v1/meetings/' || o.id))
                     FROM meetings o WHERE o.id = m.same_as)),
    'inferred', json(m.inferred),
    'background', json(m.background),
    'note', m.note,
    'sources', json((SELECT json_group_array(json(doc)) FROM
        (SELECT doc FROM v_cite WHERE meeting_id = m.id ORDER BY id))),
    'links', json_object('self', '/v1/meetings/' || m.id)
) AS doc
FROM meetings m JOIN mechanisms mc ON mc.id = m.mechanism_id;

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
    'parties', json((SELECT json_group_array(x) FROM (SELECT pj.vn_province_id AS x
        WHERE pj.vn_province_id IS NOT NULL UNION ALL SELECT pj.cn_province_id
        WHERE pj.cn_province_id IS NOT NULL))),
    'meetings', json((SELECT json_group_array(json(r.doc)) FROM
        (SELECT r.doc FROM v_meeting_ref r WHERE r.id IN (SELECT meeting_id FROM project_events
         WHERE project_id = pj.id AND meeting_id IS NOT NULL) ORDER BY r.id) r)),
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

DROP VIEW v_mechanism_doc;
CREATE VIEW v_mechanism_doc AS
SELECT mc.id AS id, json_object(
    'id', mc.id,
    'type', 'mechanism',
    'name', mc.name,
    'kind', mc.kind,
    'description', mc.description,
    'aliases', json((SELECT json_group_array(json_object('alias', a.alias, 'lang', a.lang)) FROM
        (SELECT * FROM aliases WHERE entity = 'mechanism' AND entity_id = mc.id
         AND lang IS NOT NULL ORDER BY lang, alias) a)),
    'inferred', json(mc.inferred),
    'background', json(mc.background),
    'note', mc.note,
    'members', json((SELECT json_group_array(json(r.doc)) FROM
        (SELECT r.doc FROM mechanism_members mm JOIN provinces p ON p.id = mm.province_id
         JOIN v_province_ref r ON r.id = p.id WHERE mm.mechanism_id = mc.id
         ORDER BY p.country = 'CN', p.name) r)),
    'parties', json((SELECT json_group_array(p.id) FROM
        (SELECT p.id FROM mechanism_members mm JOIN provinces p ON p.id = mm.province_id
         WHERE mm.mechanism_id = mc.id ORDER BY p.country = 'CN', p.name) p)),
    'meetings', json((SELECT json_group_array(json_object(
            'id', m.id, 'ordinal', m.ordinal, 'date', m.date, 'status', m.status,
            'place', m.place, 'links', json_object('self', '/v1/meetings/' || m.id)))
        FROM (SELECT * FROM meetings WHERE mechanism_id = mc.id
              ORDER BY date_start, ordinal, id) m)),
    'sources', json((SELECT json_group_array(json(doc)) FROM
        (SELECT doc FROM v_cite WHERE mechanism_id = mc.id ORDER BY id))),
    'links', json_object('self', '/v1/mechanisms/' || mc.id,
                         'meetings', '/v1/meetings?mechanism=' || mc.id)
) AS doc
FROM mechanisms mc;

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
    'signed_on_start', pr.date_start,
    'signed_on_end', pr.date_end,
    'date_precision', pr.date_precision,
    'year', pr.year,
    'meeting', json((SELECT doc FROM v_meeting_ref WHERE id = pr.meeting_id)),
    'meetings', json((SELECT json_group_array(json(doc)) FROM
        (SELECT doc FROM v_meeting_ref WHERE id = pr.meeting_id))),
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
