-- 0038: a meeting in brief says which of its fields are inferred.
--
-- /v1/stats names the latest held meeting, the next planned one and every planned one by
-- their brief document, which gave the date without saying that its year (or the date,
-- or the place) was not written in the article: a reviewed meeting whose year came from
-- the publication date looked stated (analyst 8, finding 15). The brief now carries the
-- meeting's `inferred` list, as every fact's document does.

DROP VIEW v_meeting_brief;
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
                   'inferred', json(m.inferred),
                   'links', json_object('self', '/v1/meetings/' || m.id)) AS doc
FROM meetings m;
