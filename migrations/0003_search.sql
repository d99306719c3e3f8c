-- 0003: full-text search. One FTS5 table over entities and article paragraphs, with the
-- bc_fold tokenizer (unicode61 + diacritic folding, see server/fts.c) so that "Lào Cai",
-- "Lao Cai" and "lao cai" match alike. Entity rows carry their names in every language,
-- their aliases and the quotes that support them, so a Polish, Swedish or Dutch word
-- finds the entity; `langs` lists the languages of a row's text ("en" is the curated
-- English, the others are the articles quoted).

CREATE VIRTUAL TABLE search_index USING fts5(
    title, body, kind UNINDEXED, ref_id UNINDEXED, langs UNINDEXED,
    tokenize = 'bc_fold'
);

CREATE VIEW v_alias_text AS
SELECT entity, entity_id, group_concat(alias, ' | ') AS text
FROM (SELECT entity, entity_id, alias FROM aliases ORDER BY entity, entity_id, alias_key)
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
    ORDER BY 1, 2, 5
)
GROUP BY kind, ref_id;

CREATE VIEW v_search_rows AS
SELECT 'meeting' AS kind, m.id AS ref_id, m.title AS title,
       (coalesce(mc.name, '') || ' | ' || coalesce(m.place, '') || ' | ' || coalesce(m.summary, '') || ' | ' || coalesce(m.note, '') || ' | ' || coalesce((SELECT group_concat(text, ' | ') FROM meeting_decisions WHERE meeting_id = m.id), '') || ' | ' || coalesce((SELECT text FROM v_alias_text WHERE entity = 'meeting' AND entity_id = m.id), '') || ' | ' || coalesce(q.text, '')) AS body,
       'en' || coalesce(' ' || replace(q.langs, ',', ' '), '') AS langs
FROM meetings m JOIN mechanisms mc ON mc.id = m.mechanism_id
LEFT JOIN v_fact_quotes q ON q.kind = 'meeting' AND q.ref_id = m.id
UNION ALL
SELECT 'figure', f.id, f.description,
       (coalesce(f.metric, '') || ' | ' || coalesce(f.category, '') || ' | ' || coalesce(f.note, '') || ' | ' || coalesce((SELECT group_concat(p.name, ' | ') FROM figure_parties fp
                  JOIN provinces p ON p.id = fp.province_id WHERE fp.figure_id = f.id), '') || ' | ' || coalesce(q.text, '')),
       'en' || coalesce(' ' || replace(q.langs, ',', ' '), '')
FROM figures f LEFT JOIN v_fact_quotes q ON q.kind = 'figure' AND q.ref_id = f.id
UNION ALL
SELECT 'project', pj.id, pj.name,
       (coalesce(pj.kind, '') || ' | ' || coalesce(pj.vn_side, '') || ' | ' || coalesce(pj.cn_side, '') || ' | ' || coalesce(pj.vn_side_vi, '') || ' | ' || coalesce(pj.cn_side_zh, '') || ' | ' || coalesce(pj.description, '') || ' | ' || coalesce(pj.note, '') || ' | ' || coalesce((SELECT group_concat(description, ' | ') FROM project_events
                  WHERE project_id = pj.id), '') || ' | ' || coalesce((SELECT text FROM v_alias_text WHERE entity = 'project' AND entity_id = pj.id), '') || ' | ' || coalesce(q.text, '')),
       'en' || coalesce(' ' || replace(q.langs, ',', ' '), '')
FROM projects pj LEFT JOIN v_fact_quotes q ON q.kind = 'project' AND q.ref_id = pj.id
UNION ALL
SELECT 'protocol', pr.id, pr.title,
       (coalesce(pr.kind, '') || ' | ' || coalesce(pr.summary, '') || ' | ' || coalesce(pr.note, '') || ' | ' || coalesce((SELECT group_concat(area, ' | ') FROM protocol_areas WHERE protocol_id = pr.id), '') || ' | ' || coalesce((SELECT group_concat(name, ' | ') FROM protocol_parties WHERE protocol_id = pr.id), '') || ' | ' || coalesce((SELECT text FROM v_alias_text WHERE entity = 'protocol' AND entity_id = pr.id), '') || ' | ' || coalesce(q.text, '')),
       'en' || coalesce(' ' || replace(q.langs, ',', ' '), '')
FROM protocols pr LEFT JOIN v_fact_quotes q ON q.kind = 'protocol' AND q.ref_id = pr.id
UNION ALL
SELECT 'person', pe.id, pe.name,
       (coalesce((SELECT group_concat((coalesce(role, '') || ', ' || coalesce(organisation, '')), ' | ')
                  FROM person_roles WHERE person_id = pe.id), '') || ' | ' || coalesce(pe.note, '') || ' | ' || coalesce((SELECT text FROM v_alias_text WHERE entity = 'person' AND entity_id = pe.id), '') || ' | ' || coalesce(q.text, '')),
       'en' || coalesce(' ' || replace(q.langs, ',', ' '), '')
FROM people pe LEFT JOIN v_fact_quotes q ON q.kind = 'person' AND q.ref_id = pe.id
UNION ALL
SELECT 'province', p.id, p.name,
       (coalesce(p.name_vi, '') || ' | ' || coalesce(p.name_zh, '') || ' | ' || coalesce(p.note, '') || ' | ' || coalesce((SELECT text FROM v_alias_text WHERE entity = 'province' AND entity_id = p.id), '') || ' | ' || coalesce(q.text, '')),
       'en' || coalesce(' ' || replace(q.langs, ',', ' '), '')
FROM provinces p LEFT JOIN v_fact_quotes q ON q.kind = 'province' AND q.ref_id = p.id
UNION ALL
SELECT 'mechanism', mc.id, mc.name,
       (coalesce(mc.kind, '') || ' | ' || coalesce(mc.description, '') || ' | ' || coalesce((SELECT text FROM v_alias_text WHERE entity = 'mechanism' AND entity_id = mc.id), '')),
       'en'
FROM mechanisms mc;
