-- 0027: a meeting read from an article that contradicts the known meeting it is the same
-- as says so.
--
-- * meeting_conflicts: an extracted meeting whose status, date or place contradicts those
--   of the known meeting it is `same_as` (held on 28 December 2024 in Lao Cai, where the
--   known meeting is planned for 2026 in Yunnan) lists it in `conflicts_with`, with the
--   fields that differ and a note giving both sides; neither silently wins. Ingest
--   writes it; the row stays with the extracted meeting through review (an approved
--   record keeps its conflict for the editor to settle).
-- * `same_as` says the curation of the meeting it names, so a link to an unreviewed
--   extracted meeting is told from a link to a curated one.

CREATE TABLE meeting_conflicts (
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    other_id   TEXT NOT NULL REFERENCES meetings (id),
    fields     TEXT NOT NULL CHECK (json_valid(fields) AND json_type(fields) = 'array'),
    note       TEXT NOT NULL,
    PRIMARY KEY (meeting_id, other_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX meeting_conflicts_other ON meeting_conflicts (other_id, meeting_id);

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
    'same_as', json((SELECT json_object('id', o.id, 'title', o.title, 'curation', o.curation,
                                        'links', json_object('self', '/v1/meetings/' || o.id))
                     FROM meetings o WHERE o.id = m.same_as)),
    'conflicts_with', json((SELECT json_group_array(json_object(
            'id', o.id, 'title', o.title, 'curation', o.curation, 'fields', json(mc2.fields),
            'note', mc2.note, 'links', json_object('self', '/v1/meetings/' || o.id)))
        FROM (SELECT * FROM meeting_conflicts WHERE meeting_id = m.id ORDER BY other_id) mc2
        JOIN meetings o ON o.id = mc2.other_id)),
    'inferred', json(m.inferred),
    'background', json(m.background),
    'note', m.note,
    'sources', json((SELECT json_group_array(json(doc)) FROM
        (SELECT doc FROM v_cite WHERE meeting_id = m.id ORDER BY id))),
    'links', json_object('self', '/v1/meetings/' || m.id)
) AS doc
FROM meetings m JOIN mechanisms mc ON mc.id = m.mechanism_id;
