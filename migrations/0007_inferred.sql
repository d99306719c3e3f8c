-- 0007: every fact says which of its fields the text does not state. `inferred` is a
-- JSON array of field paths ("date.year", "status", "parties"; the vocabulary per kind of
-- fact is server/inferred.c) and the reason is written in the fact's note, so the
-- participants, decisions and agreed areas, which had no note, get one. The documents
-- render both; lists can leave inferred values out of their filters (?exact=true).

ALTER TABLE meetings ADD COLUMN inferred TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(inferred) AND json_type(inferred) = 'array');
ALTER TABLE meeting_participants ADD COLUMN inferred TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(inferred) AND json_type(inferred) = 'array');
ALTER TABLE meeting_participants ADD COLUMN note TEXT;
ALTER TABLE meeting_decisions ADD COLUMN inferred TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(inferred) AND json_type(inferred) = 'array');
ALTER TABLE meeting_decisions ADD COLUMN note TEXT;
ALTER TABLE figures ADD COLUMN inferred TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(inferred) AND json_type(inferred) = 'array');
ALTER TABLE projects ADD COLUMN inferred TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(inferred) AND json_type(inferred) = 'array');
ALTER TABLE project_events ADD COLUMN inferred TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(inferred) AND json_type(inferred) = 'array');
ALTER TABLE project_events ADD COLUMN note TEXT;
ALTER TABLE protocols ADD COLUMN inferred TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(inferred) AND json_type(inferred) = 'array');
ALTER TABLE protocol_areas ADD COLUMN inferred TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(inferred) AND json_type(inferred) = 'array');
ALTER TABLE protocol_areas ADD COLUMN note TEXT;
ALTER TABLE people ADD COLUMN inferred TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(inferred) AND json_type(inferred) = 'array');
ALTER TABLE mechanisms ADD COLUMN inferred TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(inferred) AND json_type(inferred) = 'array');
ALTER TABLE mechanisms ADD COLUMN note TEXT;

DROP VIEW v_meeting_doc;
DROP VIEW v_figure_doc;
DROP VIEW v_event_doc;
DROP VIEW v_project_doc;
DROP VIEW v_protocol_doc;
DROP VIEW v_person_doc;
DROP VIEW v_mechanism_doc;

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
    'summary', m.summary,
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
        FROM (SELECT * FROM figures WHERE meeting_id = m.id ORDER BY period_start, id) f)),
    'projects', json((SELECT json_group_array(json_object(
            'id', pj.id, 'name', pj.name, 'event', e.kind, 'description', e.description,
            'links', json_object('self', '/v1/border-gate-projects/' || pj.id)))
        FROM (SELECT * FROM project_events WHERE meeting_id = m.id ORDER BY project_id, seq) e
        JOIN projects pj ON pj.id = e.project_id)),
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
    'note', m.note,
    'sources', json((SELECT json_group_array(json(doc)) FROM
        (SELECT doc FROM v_cite WHERE meeting_id = m.id ORDER BY id))),
    'links', json_object('self', '/v1/meetings/' || m.id)
) AS doc
FROM meetings m JOIN mechanisms mc ON mc.id = m.mechanism_id;

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
    'year', f.year,
    'change', CASE WHEN f.change_pct IS NULL THEN NULL ELSE json_object(
        'value', CASE WHEN f.change_pct = CAST(f.change_pct AS INTEGER)
                      THEN CAST(f.change_pct AS INTEGER) ELSE f.change_pct END,
        'unit', 'percent', 'qualifier', f.change_qualifier, 'basis', f.change_basis) END,
    'parties', json((SELECT json_group_array(json(r.doc)) FROM
        (SELECT r.doc FROM figure_parties fp JOIN v_province_ref r ON r.id = fp.province_id
         WHERE fp.figure_id = f.id ORDER BY fp.seq) r)),
    'meeting', json((SELECT json_object('id', m.id, 'title', m.title, 'date', m.date,
                                        'links', json_object('self', '/v1/meetings/' || m.id))
                     FROM meetings m WHERE m.id = f.meeting_id)),
    'conflicts_with', json((SELECT json_group_array(json_object(
            'id', o.id,
            'value', CASE WHEN o.value = CAST(o.value AS INTEGER) THEN CAST(o.value AS INTEGER)
                          ELSE o.value END,
            'qualifier', o.qualifier, 'note', fc.note,
            'links', json_object('self', '/v1/figures/' || o.id)))
        FROM (SELECT * FROM figure_conflicts WHERE figure_id = f.id ORDER BY other_id) fc
        JOIN figures o ON o.id = fc.other_id)),
    'curation', f.curation,
    'confidence', f.confidence,
    'inferred', json(f.inferred),
    'note', f.note,
    'sources', json((SELECT json_group_array(json(doc)) FROM
        (SELECT doc FROM v_cite WHERE figure_id = f.id ORDER BY id))),
    'links', json_object('self', '/v1/figures/' || f.id)
) AS doc
FROM figures f;

CREATE VIEW v_event_doc AS
SELECT e.id AS id, e.project_id, e.seq, e.date_start, json_object(
    'id', e.id,
    'kind', e.kind,
    'date', e.date,
    'date_precision', e.date_precision,
    'meeting', json((SELECT json_object('id', m.id, 'title', m.title,
                                        'links', json_object('self', '/v1/meetings/' || m.id))
                     FROM meetings m WHERE m.id = e.meeting_id)),
    'description', e.description,
    'inferred', json(e.inferred),
    'note', e.note,
    'sources', json((SELECT json_group_array(json(doc)) FROM
        (SELECT doc FROM v_cite WHERE event_id = e.id ORDER BY id)))
) AS doc
FROM project_events e;

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
                          ORDER BY date_start IS NULL, date_start DESC, seq DESC LIMIT 1)),
    'curation', pj.curation,
    'confidence', pj.confidence,
    'inferred', json(pj.inferred),
    'note', pj.note,
    'sources', json((SELECT json_group_array(json(doc)) FROM
        (SELECT doc FROM v_cite WHERE project_id = pj.id ORDER BY id))),
    'links', json_object('self', '/v1/border-gate-projects/' || pj.id)
) AS doc
FROM projects pj;

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
    'meeting', json((SELECT json_object('id', m.id, 'title', m.title, 'date', m.date,
                                        'links', json_object('self', '/v1/meetings/' || m.id))
                     FROM meetings m WHERE m.id = pr.meeting_id)),
    'parties', json((SELECT json_group_array(json_object(
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
    'note', pr.note,
    'sources', json((SELECT json_group_array(json(doc)) FROM
        (SELECT doc FROM v_cite WHERE protocol_id = pr.id ORDER BY id))),
    'links', json_object('self', '/v1/protocols/' || pr.id)
) AS doc
FROM protocols pr;

CREATE VIEW v_person_doc AS
SELECT pe.id AS id, json_object(
    'id', pe.id,
    'type', 'person',
    'name', pe.name,
    'country', pe.country,
    'province', json((SELECT doc FROM v_province_ref WHERE id = pe.province_id)),
    'aliases', json((SELECT json_group_array(json_object('alias', a.alias, 'lang', a.lang)) FROM
        (SELECT * FROM aliases WHERE entity = 'person' AND entity_id = pe.id
         AND lang IS NOT NULL ORDER BY lang, alias) a)),
    'roles', json((SELECT json_group_array(json_object(
            'role', r.role, 'organisation', r.organisation,
            'province', json((SELECT doc FROM v_province_ref WHERE id = r.province_id))))
        FROM (SELECT * FROM person_roles WHERE person_id = pe.id ORDER BY seq) r)),
    'meetings', json((SELECT json_group_array(json_object(
            'id', x.id, 'title', x.title, 'date', x.date, 'role', x.role,
            'links', json_object('self', '/v1/meetings/' || x.id)))
        FROM (SELECT mp.role, m.id, m.title, m.date FROM meeting_participants mp
              JOIN meetings m ON m.id = mp.meeting_id WHERE mp.person_id = pe.id
              ORDER BY m.date_start, m.id) x)),
    'inferred', json(pe.inferred),
    'note', pe.note,
    'sources', json((SELECT json_group_array(json(doc)) FROM
        (SELECT doc FROM v_cite WHERE person_id = pe.id ORDER BY id))),
    'links', json_object('self', '/v1/people/' || pe.id)
) AS doc
FROM people pe;

CREATE VIEW v_mechanism_doc AS
SELECT mc.id AS id, json_object(
    'id', mc.id,
    'type', 'mechanism',
    'name', mc.name,
    'kind', mc.kind,
    'description', mc.description,
    'inferred', json(mc.inferred),
    'note', mc.note,
    'members', json((SELECT json_group_array(json(r.doc)) FROM
        (SELECT r.doc FROM mechanism_members mm JOIN provinces p ON p.id = mm.province_id
         JOIN v_province_ref r ON r.id = p.id WHERE mm.mechanism_id = mc.id
         ORDER BY p.country = 'CN', p.name) r)),
    'meetings', json((SELECT json_group_array(json_object(
            'id', m.id, 'ordinal', m.ordinal, 'date', m.date, 'status', m.status,
            'place', m.place, 'links', json_object('self', '/v1/meetings/' || m.id)))
        FROM (SELECT * FROM meetings WHERE mechanism_id = mc.id
              ORDER BY date_start, ordinal, id) m)),
    'sources', json((SELECT json_group_array(json(doc)) FROM
        (SELECT c.doc FROM v_cite c JOIN meetings m ON m.id = c.meeting_id
         WHERE m.mechanism_id = mc.id ORDER BY m.date_start, m.id, c.id))),
    'links', json_object('self', '/v1/mechanisms/' || mc.id,
                         'meetings', '/v1/meetings?mechanism=' || mc.id)
) AS doc
FROM mechanisms mc;
