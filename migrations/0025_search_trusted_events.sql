-- 0027: a machine-read event's words on a trusted project are not searchable until the
-- event is trusted, like its quote already was (0023): an unreviewed event's "Named in an
-- ingested article (TITLE)" made the default search list a curated project for the
-- title's words. The rebuild's view (this) and the one-entity indexing of
-- search_index.c agree row for row (test_search_index). The index is rebuilt with every
-- load; a store migrated in place keeps its rows until the next load or ingest.

DROP VIEW v_search_rows;

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
        || ' | ' || coalesce((SELECT group_concat(description, ' | ') FROM project_events e
                              WHERE e.project_id = pj.id AND (e.curation IN ('curated', 'reviewed')
                              OR (e.curation = 'extracted' AND pj.curation = 'extracted'))), '')
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
