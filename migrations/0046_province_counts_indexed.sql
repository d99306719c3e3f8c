-- 0046: a province's `counts` of figures and meetings read a range of an index that holds
-- the curation, instead of looking up every figure or meeting of the province for its own;
-- the province facet of /v1/meetings counts from the same table.
-- On a 200,000-figure store a province's document took 50-90 ms (37,000 figures and 10,000
-- meetings each looked up), so /v1/provinces (12 of them) answered 503 at the 250 ms
-- request budget, and ingest spent most of its time there: the change feed renders the
-- document of every province an article names (session 27, Y2).
--
-- figure_province_facet (0045) already holds a row per figure and party with its curation.
-- meeting_province_facet does the same for meetings and the provinces they concern ('' for
-- a meeting with none), with the meeting's curation and the meeting it is the same as, so
-- that the province facet of /v1/meetings also counts from it (a twin of a known meeting of
-- the set is counted once, as the known one, as the list shows it). Triggers on meetings
-- and meeting_provinces keep it in step, whoever writes them.
CREATE TABLE meeting_province_facet (
    meeting_id  TEXT NOT NULL,
    province_id TEXT NOT NULL, -- '' for a meeting that concerns no province
    curation    TEXT NOT NULL,
    same_as     TEXT,
    PRIMARY KEY (meeting_id, province_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX meeting_province_facet_count ON meeting_province_facet (province_id, curation, same_as);

-- what it must hold (bordercoop check compares)
CREATE VIEW v_meeting_province_facet AS
SELECT m.id AS meeting_id, coalesce(mp.province_id, '') AS province_id, m.curation AS curation,
       m.same_as AS same_as
FROM meetings m LEFT JOIN meeting_provinces mp ON mp.meeting_id = m.id;

INSERT INTO meeting_province_facet SELECT * FROM v_meeting_province_facet;

CREATE TRIGGER meeting_province_facet_insert AFTER INSERT ON meeting_provinces
BEGIN
    DELETE FROM meeting_province_facet WHERE meeting_id = NEW.meeting_id AND province_id = '';
    INSERT OR IGNORE INTO meeting_province_facet
        SELECT id, NEW.province_id, curation, same_as FROM meetings WHERE id = NEW.meeting_id;
END;

CREATE TRIGGER meeting_province_facet_delete AFTER DELETE ON meeting_provinces
BEGIN
    DELETE FROM meeting_province_facet
        WHERE meeting_id = OLD.meeting_id AND province_id = OLD.province_id;
    INSERT OR IGNORE INTO meeting_province_facet
        SELECT id, '', curation, same_as FROM meetings WHERE id = OLD.meeting_id
        AND NOT EXISTS (SELECT 1 FROM meeting_provinces WHERE meeting_id = OLD.meeting_id);
END;

CREATE TRIGGER meeting_province_facet_update AFTER UPDATE OF meeting_id, province_id
    ON meeting_provinces
BEGIN
    DELETE FROM meeting_province_facet WHERE meeting_id IN (OLD.meeting_id, NEW.meeting_id);
    INSERT OR IGNORE INTO meeting_province_facet
        SELECT * FROM v_meeting_province_facet WHERE meeting_id IN (OLD.meeting_id, NEW.meeting_id);
END;

-- a meeting's provinces may be written before it (foreign keys deferred): they are taken
-- up when it comes
CREATE TRIGGER meeting_province_facet_meeting AFTER INSERT ON meetings
BEGIN
    INSERT OR IGNORE INTO meeting_province_facet
        SELECT * FROM v_meeting_province_facet WHERE meeting_id = NEW.id;
END;

CREATE TRIGGER meeting_province_facet_gone AFTER DELETE ON meetings
BEGIN
    DELETE FROM meeting_province_facet WHERE meeting_id = OLD.id;
END;

CREATE TRIGGER meeting_province_facet_curation AFTER UPDATE OF id, curation, same_as ON meetings
BEGIN
    UPDATE meeting_province_facet SET meeting_id = NEW.id, curation = NEW.curation,
        same_as = NEW.same_as WHERE meeting_id = OLD.id;
END;

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
        'meetings', (SELECT count(*) FROM meeting_province_facet mc
                      WHERE mc.province_id = p.id AND mc.curation IN (SELECT curation FROM curation_sets WHERE name = 'trusted')),
        'figures', (SELECT count(*) FROM figure_province_facet fc
                     WHERE fc.province_id = p.id AND fc.curation IN (SELECT curation FROM curation_sets WHERE name = 'trusted')),
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
