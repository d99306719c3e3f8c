-- 0011: what search indexes for an entity is what a person reads: names, labels and the
-- article sentences, never internal ids or vocabulary codes ("trade_turnover",
-- "railway_bridge", "jwg-yunnan-11" are replaced by their labels or left out), and no
-- editor's notes (they cite ids). Mechanisms and cooperation events are indexed with
-- their own sentences. The index is rebuilt with every load; a store migrated in place
-- keeps its rows until the next load or ingest.

DROP VIEW v_search_rows;
DROP VIEW v_fact_quotes;
DROP VIEW v_alias_text;

-- every name of an entity but its id
CREATE VIEW v_alias_text AS
SELECT entity, entity_id, group_concat(alias, ' | ') AS text
FROM (SELECT entity, entity_id, alias FROM aliases WHERE alias <> entity_id
      ORDER BY entity, entity_id, alias_key)
GROUP BY entity, entity_id;

-- the quotes of each fact (own citations and those of its parts), with their languages
CREATE VIEW v_fact_quotes AS
SELECT kind, ref_id, group_concat(quote, ' | ') AS text,
       group_concat(DISTINCT lang) AS langs
FROM (
    SELECT 'meeting' AS kind, coalesce(c.meeting_id, c.decision_meeting_id,
           c.participant_meeting_id) AS ref_id, c.quote, s.lang, c.id
    FROM citations c JOIN sources s ON s.id = c.source_id
    WHERE coalesce(c.meeting_id, c.decision_meeting_id, c.participant_meeting_id) IS NOT NULL
    UNION ALL
    SELECT 'figure', c.figure_id, c.quote, s.lang, c.id
    FROM citations c JOIN sources s ON s.id = c.source_id WHERE c.figure_id IS NOT NULL
    UNION ALL
    SELECT 'project', coalesce(c.project_id, e.project_id), c.quote, s.lang, c.id
    FROM citations c JOIN sources s ON s.id = c.source_id
    LEFT JOIN project_events e ON e.id = c.event_id
    WHERE coalesce(c.project_id, e.project_id) IS NOT NULL
    UNION ALL
    SELECT 'protocol', coalesce(c.protocol_id, c.area_protocol_id), c.quote, s.lang, c.id
    FROM citations c JOIN sources s ON s.id = c.source_id
    WHERE coalesce(c.protocol_id, c.area_protocol_id) IS NOT NULL
    UNION ALL
    SELECT 'person', c.person_id, c.quote, s.lang, c.id
    FROM citations c JOIN sources s ON s.id = c.source_id WHERE c.person_id IS NOT NULL
    UNION ALL
    SELECT 'province', c.province_id, c.quote, s.lang, c.id
    FROM citations c JOIN sources s ON s.id = c.source_id WHERE c.province_id IS NOT NULL
    UNION ALL
    SELECT 'mechanism', c.mechanism_id, c.quote, s.lang, c.id
    FROM citations c JOIN sources s ON s.id = c.source_id WHERE c.mechanism_id IS NOT NULL
    UNION ALL
    SELECT 'event', c.coop_event_id, c.quote, s.lang, c.id
    FROM citations c JOIN sources s ON s.id = c.source_id WHERE c.coop_event_id IS NOT NULL
    ORDER BY 1, 2, 5
)
GROUP BY kind, ref_id;

CREATE VIEW v_search_rows AS
SELECT 'meeting' AS kind, m.id AS ref_id, m.title AS title,
       (coalesce(mc.name, '') || ' | ' || coalesce(m.place, '') || ' | ' || coalesce(m.summary, '')
        || ' | ' || coalesce((SELECT group_concat(text, ' | ') FROM meeting_decisions
                              WHERE meeting_id = m.id), '')
        || ' | ' || coalesce((SELECT text FROM v_alias_text WHERE entity = 'meeting'
                              AND entity_id = m.id), '')
        || ' | ' || coalesce(q.text, '')) AS body,
       'en' || coalesce(' ' || replace(q.langs, ',', ' '), '') AS langs
FROM meetings m JOIN mechanisms mc ON mc.id = m.mechanism_id
LEFT JOIN v_fact_quotes q ON q.kind = 'meeting' AND q.ref_id = m.id
UNION ALL
SELECT 'figure', f.id, f.description,
       (coalesce(mt.description, '') || ' | '
        || coalesce((SELECT label FROM vocab WHERE field = 'category' AND value = f.category), '')
        || ' | ' || coalesce((SELECT group_concat(p.name, ' | ') FROM figure_parties fp
                              JOIN provinces p ON p.id = fp.province_id
                              WHERE fp.figure_id = f.id), '')
        || ' | ' || coalesce(q.text, '')),
       'en' || coalesce(' ' || replace(q.langs, ',', ' '), '')
FROM figures f LEFT JOIN metrics mt ON mt.id = f.metric
LEFT JOIN v_fact_quotes q ON q.kind = 'figure' AND q.ref_id = f.id
UNION ALL
SELECT 'project', pj.id, pj.name,
       (coalesce((SELECT label FROM vocab WHERE field = 'project_kind' AND value = pj.kind), '')
        || ' | ' || coalesce(pj.vn_side, '') || ' | ' || coalesce(pj.cn_side, '')
        || ' | ' || coalesce(pj.vn_side_vi, '') || ' | ' || coalesce(pj.cn_side_zh, '')
        || ' | ' || coalesce(pj.description, '')
        || ' | ' || coalesce((SELECT group_concat(description, ' | ') FROM project_events
                              WHERE project_id = pj.id), '')
        || ' | ' || coalesce((SELECT text FROM v_alias_text WHERE entity = 'project'
                              AND entity_id = pj.id), '')
        || ' | ' || coalesce(q.text, '')),
       'en' || coalesce(' ' || replace(q.langs, ',', ' '), '')
FROM projects pj LEFT JOIN v_fact_quotes q ON q.kind = 'project' AND q.ref_id = pj.id
UNION ALL
SELECT 'protocol', pr.id, pr.title,
       (coalesce((SELECT label FROM vocab WHERE field = 'protocol_kind' AND value = pr.kind), '')
        || ' | ' || coalesce(pr.summary, '')
        || ' | ' || coalesce((SELECT group_concat(area, ' | ') FROM protocol_areas
                              WHERE protocol_id = pr.id), '')
        || ' | ' || coalesce((SELECT group_concat(name, ' | ') FROM protocol_parties
                              WHERE protocol_id = pr.id), '')
        || ' | ' || coalesce((SELECT text FROM v_alias_text WHERE entity = 'protocol'
                              AND entity_id = pr.id), '')
        || ' | ' || coalesce(q.text, '')),
       'en' || coalesce(' ' || replace(q.langs, ',', ' '), '')
FROM protocols pr LEFT JOIN v_fact_quotes q ON q.kind = 'protocol' AND q.ref_id = pr.id
UNION ALL
SELECT 'person', pe.id, pe.name,
       (coalesce((SELECT group_concat((coalesce(role, '') || ', ' || coalesce(organisation, '')),
                                      ' | ') FROM person_roles WHERE person_id = pe.id), '')
        || ' | ' || coalesce((SELECT text FROM v_alias_text WHERE entity = 'person'
                              AND entity_id = pe.id), '')
        || ' | ' || coalesce(q.text, '')),
       'en' || coalesce(' ' || replace(q.langs, ',', ' '), '')
FROM people pe LEFT JOIN v_fact_quotes q ON q.kind = 'person' AND q.ref_id = pe.id
UNION ALL
SELECT 'province', p.id, p.name,
       (coalesce(p.name_vi, '') || ' | ' || coalesce(p.name_zh, '')
        || ' | ' || coalesce((SELECT text FROM v_alias_text WHERE entity = 'province'
                              AND entity_id = p.id), '')
        || ' | ' || coalesce(q.text, '')),
       'en' || coalesce(' ' || replace(q.langs, ',', ' '), '')
FROM provinces p LEFT JOIN v_fact_quotes q ON q.kind = 'province' AND q.ref_id = p.id
UNION ALL
SELECT 'mechanism', mc.id, mc.name,
       (coalesce((SELECT label FROM vocab WHERE field = 'mechanism_kind' AND value = mc.kind), '')
        || ' | ' || coalesce(mc.description, '')
        || ' | ' || coalesce((SELECT text FROM v_alias_text WHERE entity = 'mechanism'
                              AND entity_id = mc.id), '')
        || ' | ' || coalesce(q.text, '')),
       'en' || coalesce(' ' || replace(q.langs, ',', ' '), '')
FROM mechanisms mc LEFT JOIN v_fact_quotes q ON q.kind = 'mechanism' AND q.ref_id = mc.id
UNION ALL
SELECT 'event', ev.id, ev.title,
       (coalesce((SELECT label FROM vocab WHERE field = 'coop_event_kind' AND value = ev.kind), '')
        || ' | ' || coalesce(ev.place, '') || ' | ' || coalesce(ev.description, '')
        || ' | ' || coalesce((SELECT group_concat(name, ' | ') FROM coop_event_organisations
                              WHERE event_id = ev.id), '')
        || ' | ' || coalesce((SELECT text FROM v_alias_text WHERE entity = 'event'
                              AND entity_id = ev.id), '')
        || ' | ' || coalesce(q.text, '')),
       'en' || coalesce(' ' || replace(q.langs, ',', ' '), '')
FROM coop_events ev LEFT JOIN v_fact_quotes q ON q.kind = 'event' AND q.ref_id = ev.id;

-- ---- one shape per concept ---------------------------------------------------------------
-- Meetings and sources show their aliases like every named resource, and a meeting's
-- mechanism is the same object in /v1/stats as in /v1/meetings.

DROP VIEW v_meeting_doc;
DROP VIEW v_source_doc;
DROP VIEW v_meeting_brief;

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

CREATE VIEW v_source_doc AS
SELECT s.id AS id, json_object(
    'id', s.id,
    'type', 'source',
    'title', s.title,
    'aliases', json((SELECT json_group_array(json_object('alias', a.alias, 'lang', a.lang)) FROM
        (SELECT * FROM aliases WHERE entity = 'source' AND entity_id = s.id
         AND lang IS NOT NULL ORDER BY lang, alias) a)),
    'lang', s.lang,
    'publisher', s.publisher,
    'author', s.author,
    'published_on', s.published_on,
    'url', s.url,
    'file', s.file,
    'sha256', s.sha256,
    'bytes', s.bytes,
    'note', s.note,
    'origin', s.origin,
    'ingested_at', s.ingested_at,
    'citations', (SELECT count(*) FROM citations WHERE source_id = s.id),
    'facts', json_object(
        'meetings', json((SELECT json_group_array(id) FROM (SELECT DISTINCT
            coalesce(meeting_id, decision_meeting_id, participant_meeting_id) AS id
            FROM citations WHERE source_id = s.id AND coalesce(meeting_id,
            decision_meeting_id, participant_meeting_id) IS NOT NULL ORDER BY 1))),
        'figures', json((SELECT json_group_array(id) FROM (SELECT DISTINCT figure_id AS id
            FROM citations WHERE source_id = s.id AND figure_id IS NOT NULL ORDER BY 1))),
        'border_gate_projects', json((SELECT json_group_array(id) FROM (SELECT DISTINCT
            coalesce(c.project_id, e.project_id) AS id FROM citations c
            LEFT JOIN project_events e ON e.id = c.event_id WHERE c.source_id = s.id
            AND coalesce(c.project_id, e.project_id) IS NOT NULL ORDER BY 1))),
        'protocols', json((SELECT json_group_array(id) FROM (SELECT DISTINCT
            coalesce(protocol_id, area_protocol_id) AS id FROM citations
            WHERE source_id = s.id AND coalesce(protocol_id, area_protocol_id) IS NOT NULL
            ORDER BY 1))),
        'events', json((SELECT json_group_array(id) FROM (SELECT DISTINCT coop_event_id AS id
            FROM citations WHERE source_id = s.id AND coop_event_id IS NOT NULL ORDER BY 1))),
        'mechanisms', json((SELECT json_group_array(id) FROM (SELECT DISTINCT mechanism_id AS id
            FROM citations WHERE source_id = s.id AND mechanism_id IS NOT NULL ORDER BY 1))),
        'people', json((SELECT json_group_array(id) FROM (SELECT DISTINCT person_id AS id
            FROM citations WHERE source_id = s.id AND person_id IS NOT NULL ORDER BY 1))),
        'provinces', json((SELECT json_group_array(id) FROM (SELECT DISTINCT province_id AS id
            FROM citations WHERE source_id = s.id AND province_id IS NOT NULL ORDER BY 1)))),
    'links', json_object('self', '/v1/sources/' || s.id)
) AS doc
FROM sources s;

CREATE VIEW v_meeting_brief AS
SELECT m.id, m.status, m.date_start, m.date_end, m.curation,
       json_object('id', m.id, 'title', m.title, 'date', m.date,
                   'date_precision', m.date_precision, 'place', m.place, 'status', m.status,
                   'mechanism', json((SELECT json_object('id', mc.id, 'name', mc.name,
                       'kind', mc.kind, 'links', json_object('self', '/v1/mechanisms/' || mc.id))
                       FROM mechanisms mc WHERE mc.id = m.mechanism_id)),
                   'protocols', json((SELECT json_group_array(id) FROM
                       (SELECT id FROM protocols WHERE meeting_id = m.id ORDER BY id))),
                   'curation', m.curation,
                   'links', json_object('self', '/v1/meetings/' || m.id)) AS doc
FROM meetings m;
