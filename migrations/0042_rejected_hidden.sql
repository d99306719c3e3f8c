-- 0042: a rejected fact is hidden, kept for audit (README "reject"): no document names
-- it. A reviewer's rejection left it named by the facts around it: a meeting `same_as` or
-- `conflicts_with` it, a meeting listing its figures, events or projects, a figure, an
-- event, a project or a protocol naming a rejected meeting, a mechanism's and a
-- person's meetings, and an article's facts and citation count (analyst 10, finding 5).
-- Every reference below leaves a rejected fact out; the fact itself is still served when
-- asked for (`?curation=rejected`), in the review log and in the export.

DROP VIEW v_meeting_ref;
CREATE VIEW v_meeting_ref AS
SELECT id, json_object('id', id, 'title', title, 'date', date,
                       'links', json_object('self', '/v1/meetings/' || id)) AS doc
FROM meetings WHERE curation <> 'rejected';

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
              WHERE fm.meeting_id = m.id AND f.curation <> 'rejected'
              ORDER BY f.period_start, f.id) f)),
    'projects', json((SELECT json_group_array(json_object(
            'id', pj.id, 'name', pj.name, 'event', e.kind, 'description', e.description,
            'links', json_object('self', '/v1/border-gate-projects/' || pj.id)))
        FROM (SELECT * FROM project_events WHERE meeting_id = m.id AND curation <> 'rejected'
              ORDER BY project_id, seq) e
        JOIN projects pj ON pj.id = e.project_id AND pj.curation <> 'rejected')),
    'events', json((SELECT json_group_array(json_object(
            'id', ev.id, 'kind', ev.kind, 'title', ev.title, 'date', ev.date,
            'links', json_object('self', '/v1/events/' || ev.id)))
        FROM (SELECT ev.* FROM coop_event_meetings em JOIN coop_events ev ON ev.id = em.event_id
              WHERE em.meeting_id = m.id AND ev.curation <> 'rejected'
              ORDER BY ev.date_start, ev.id) ev)),
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
    'same_as', json((SELECT json_object('id', o.id, 'title', o.title, 'curation', o.curation,
                                        'links', json_object('self', '/v1/meetings/' || o.id))
                     FROM meetings o WHERE o.id = m.same_as AND o.curation <> 'rejected')),
    'conflicts_with', json((SELECT json_group_array(json_object(
            'id', o.id, 'title', o.title, 'curation', o.curation, 'fields', json(mc2.fields),
            'note', mc2.note, 'links', json_object('self', '/v1/meetings/' || o.id)))
        FROM (SELECT * FROM meeting_conflicts WHERE meeting_id = m.id ORDER BY other_id) mc2
        JOIN meetings o ON o.id = mc2.other_id AND o.curation <> 'rejected')),
    'inferred', json(m.inferred),
    'background', json(m.background),
    'note', m.note,
    'sources', json((SELECT json_group_array(json(doc)) FROM
        (SELECT doc FROM v_cite WHERE meeting_id = m.id ORDER BY id))),
    'links', json_object('self', '/v1/meetings/' || m.id)
) AS doc
FROM meetings m JOIN mechanisms mc ON mc.id = m.mechanism_id;

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
        FROM (SELECT * FROM meetings WHERE mechanism_id = mc.id AND curation <> 'rejected'
              ORDER BY date_start, ordinal, id) m)),
    'sources', json((SELECT json_group_array(json(doc)) FROM
        (SELECT doc FROM v_cite WHERE mechanism_id = mc.id ORDER BY id))),
    'links', json_object('self', '/v1/mechanisms/' || mc.id,
                         'meetings', '/v1/meetings?mechanism=' || mc.id)
) AS doc
FROM mechanisms mc;

DROP VIEW v_person_doc;
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
              AND m.curation <> 'rejected'
              ORDER BY m.date_start, m.id) x)),
    'inferred', json(pe.inferred),
    'background', json(pe.background),
    'note', pe.note,
    'sources', json((SELECT json_group_array(json(doc)) FROM
        (SELECT doc FROM v_cite WHERE person_id = pe.id ORDER BY id))),
    'links', json_object('self', '/v1/people/' || pe.id)
) AS doc
FROM people pe;

DROP VIEW v_event_doc;
CREATE VIEW v_event_doc AS
SELECT e.id AS id, e.project_id, e.seq, e.date_start, e.curation, json_object(
    'id', e.id,
    'kind', e.kind,
    'date', e.date,
    'date_precision', e.date_precision,
    'meeting', json((SELECT json_object('id', m.id, 'title', m.title,
                                        'links', json_object('self', '/v1/meetings/' || m.id))
                     FROM meetings m WHERE m.id = e.meeting_id AND m.curation <> 'rejected')),
    'description', e.description,
    'curation', e.curation,
    'confidence', e.confidence,
    'inferred', json(e.inferred),
    'note', e.note,
    'sources', json((SELECT json_group_array(json(doc)) FROM
        (SELECT doc FROM v_cite WHERE event_id = e.id ORDER BY id)))
) AS doc
FROM project_events e;

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
        (SELECT id FROM v_figure_conflict_item WHERE figure_id = f.id ORDER BY id LIMIT 5))),
    'conflicts_total', (SELECT count(*) FROM figure_conflicts WHERE figure_id = f.id),
    'overlaps', json((SELECT json_group_array(json_object('id', fo.other_id, 'relation',
        fo.relation)) FROM (SELECT x.other_id, x.relation FROM figure_overlaps x JOIN figures o
        ON o.id = x.other_id WHERE x.figure_id = f.id ORDER BY x.other_id LIMIT 5) fo)),
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
FROM figures f;

-- an article's citations of facts that are not rejected: its `citations` count and
-- `facts` lists (a project event cited names its project, hidden with either)
CREATE VIEW v_citation_shown AS
SELECT c.* FROM citations c
WHERE coalesce((SELECT curation FROM meetings WHERE id = coalesce(c.meeting_id,
          c.decision_meeting_id, c.participant_meeting_id)), '') <> 'rejected'
  AND coalesce((SELECT curation FROM figures WHERE id = c.figure_id), '') <> 'rejected'
  AND coalesce((SELECT curation FROM project_events WHERE id = c.event_id), '') <> 'rejected'
  AND coalesce((SELECT curation FROM projects WHERE id = coalesce(c.project_id,
          (SELECT project_id FROM project_events WHERE id = c.event_id))), '') <> 'rejected'
  AND coalesce((SELECT curation FROM coop_events WHERE id = c.coop_event_id), '') <> 'rejected';

DROP VIEW v_source_doc;
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
    'citations', (SELECT count(*) FROM v_citation_shown WHERE source_id = s.id),
    'facts', json_object(
        'meetings', json((SELECT json_group_array(id) FROM (SELECT DISTINCT
            coalesce(meeting_id, decision_meeting_id, participant_meeting_id) AS id
            FROM v_citation_shown WHERE source_id = s.id AND coalesce(meeting_id,
            decision_meeting_id, participant_meeting_id) IS NOT NULL ORDER BY 1))),
        'figures', json((SELECT json_group_array(id) FROM (SELECT DISTINCT figure_id AS id
            FROM v_citation_shown WHERE source_id = s.id AND figure_id IS NOT NULL ORDER BY 1))),
        'border_gate_projects', json((SELECT json_group_array(id) FROM (SELECT DISTINCT
            coalesce(c.project_id, e.project_id) AS id FROM v_citation_shown c
            LEFT JOIN project_events e ON e.id = c.event_id WHERE c.source_id = s.id
            AND coalesce(c.project_id, e.project_id) IS NOT NULL ORDER BY 1))),
        'protocols', json((SELECT json_group_array(id) FROM (SELECT DISTINCT
            coalesce(protocol_id, area_protocol_id) AS id FROM v_citation_shown
            WHERE source_id = s.id AND coalesce(protocol_id, area_protocol_id) IS NOT NULL
            ORDER BY 1))),
        'events', json((SELECT json_group_array(id) FROM (SELECT DISTINCT coop_event_id AS id
            FROM v_citation_shown WHERE source_id = s.id AND coop_event_id IS NOT NULL ORDER BY 1))),
        'mechanisms', json((SELECT json_group_array(id) FROM (SELECT DISTINCT mechanism_id AS id
            FROM v_citation_shown WHERE source_id = s.id AND mechanism_id IS NOT NULL ORDER BY 1))),
        'people', json((SELECT json_group_array(id) FROM (SELECT DISTINCT person_id AS id
            FROM v_citation_shown WHERE source_id = s.id AND person_id IS NOT NULL ORDER BY 1))),
        'provinces', json((SELECT json_group_array(id) FROM (SELECT DISTINCT province_id AS id
            FROM v_citation_shown WHERE source_id = s.id AND province_id IS NOT NULL ORDER BY 1)))),
    'links', json_object('self', '/v1/sources/' || s.id)
) AS doc
FROM sources s;
