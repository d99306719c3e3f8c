-- 0009: facts that say exactly what the articles say.
--
-- * `background`: statements from outside the articles (place names in other scripts,
--   what the three border documents are, when Ha Giang merged) are kept apart from the
--   facts, each with the fields that rest on it: a JSON array of
--   {"text": ..., "fields": [...]}.
-- * `citations.supports`: the fields of its fact a quote states ("status", "period"), so
--   every status can show its sentence; mechanisms and cooperation events are cited too.
-- * cooperation events (exercises, inspections, exchange programmes, exhibitions) are a
--   kind of fact of their own, served at /v1/events.
-- * a figure may have been reported at several meetings (figure_meetings).
-- * figure_overlaps: figures of one metric whose parties and periods overlap (the
--   four-province turnover contains Tuyen Quang's share), computed when the store is
--   built, so /v1/stats and the figures can say it.
-- * `unknown` project status, for a project no article gives a status for.

CREATE TABLE coop_events (
    id             TEXT PRIMARY KEY,
    kind           TEXT NOT NULL,
    title          TEXT NOT NULL,
    status         TEXT NOT NULL,
    date           TEXT,
    date_precision TEXT,
    date_start     TEXT,
    date_end       TEXT,
    year           INTEGER,
    place          TEXT,
    description    TEXT,
    note           TEXT,
    inferred       TEXT NOT NULL DEFAULT '[]'
        CHECK (json_valid(inferred) AND json_type(inferred) = 'array'),
    background     TEXT NOT NULL DEFAULT '[]'
        CHECK (json_valid(background) AND json_type(background) = 'array'),
    curation       TEXT NOT NULL DEFAULT 'curated'
        CHECK (curation IN ('curated', 'extracted', 'reviewed', 'rejected')),
    confidence     REAL
) STRICT;
CREATE INDEX coop_events_date ON coop_events (coalesce(date_start, '9999-12-31'), id);
CREATE INDEX coop_events_kind ON coop_events (kind, coalesce(date_start, '9999-12-31'), id);
CREATE INDEX coop_events_year ON coop_events (year, coalesce(date_start, '9999-12-31'), id);
CREATE INDEX coop_events_status ON coop_events (status, coalesce(date_start, '9999-12-31'), id);
CREATE INDEX coop_events_date_end ON coop_events (date_end);
CREATE INDEX coop_events_title ON coop_events (title, id);

-- who took part: a body (a province, a district, a medical team) and its province if any
CREATE TABLE coop_event_organisations (
    event_id    TEXT NOT NULL REFERENCES coop_events (id),
    seq         INTEGER NOT NULL,
    name        TEXT NOT NULL,
    province_id TEXT REFERENCES provinces (id),
    PRIMARY KEY (event_id, seq)
) STRICT;
CREATE INDEX coop_event_organisations_province
    ON coop_event_organisations (province_id, event_id);

-- the meetings an event was reported at
CREATE TABLE coop_event_meetings (
    event_id   TEXT NOT NULL REFERENCES coop_events (id),
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    seq        INTEGER NOT NULL,
    PRIMARY KEY (event_id, meeting_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX coop_event_meetings_meeting ON coop_event_meetings (meeting_id, event_id);

-- the meetings a figure was reported at; figures.meeting_id stays the first of them
-- (ingest writes only that column, and the trigger keeps this table in step)
CREATE TABLE figure_meetings (
    figure_id  TEXT NOT NULL REFERENCES figures (id),
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    seq        INTEGER NOT NULL,
    PRIMARY KEY (figure_id, meeting_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX figure_meetings_meeting ON figure_meetings (meeting_id, figure_id);
INSERT INTO figure_meetings (figure_id, meeting_id, seq)
    SELECT id, meeting_id, 1 FROM figures WHERE meeting_id IS NOT NULL;
CREATE TRIGGER figures_first_meeting AFTER INSERT ON figures
WHEN NEW.meeting_id IS NOT NULL
BEGIN
    INSERT OR IGNORE INTO figure_meetings (figure_id, meeting_id, seq)
    VALUES (NEW.id, NEW.meeting_id, 1);
END;

-- `relation` says what `figure_id` is to `other_id`: `includes` (its parties include all
-- of the other's), `part_of` (the reverse) or `same_parties`; the periods overlap or one
-- of them is not stated
CREATE TABLE figure_overlaps (
    figure_id TEXT NOT NULL REFERENCES figures (id),
    other_id  TEXT NOT NULL REFERENCES figures (id),
    relation  TEXT NOT NULL CHECK (relation IN ('includes', 'part_of', 'same_parties')),
    PRIMARY KEY (figure_id, other_id)
) STRICT, WITHOUT ROWID;

-- the candidates the loader stores into figure_overlaps (curated figures only)
CREATE VIEW v_figure_overlap_candidates AS
SELECT a.id AS figure_id, b.id AS other_id,
       CASE WHEN a_in_b AND b_in_a THEN 'same_parties' WHEN b_in_a THEN 'includes'
            ELSE 'part_of' END AS relation
FROM (SELECT a.id AS aid, b.id AS bid,
             NOT EXISTS (SELECT 1 FROM figure_parties x WHERE x.figure_id = a.id
                         AND x.province_id NOT IN (SELECT province_id FROM figure_parties
                                                   WHERE figure_id = b.id)) AS a_in_b,
             NOT EXISTS (SELECT 1 FROM figure_parties x WHERE x.figure_id = b.id
                         AND x.province_id NOT IN (SELECT province_id FROM figure_parties
                                                   WHERE figure_id = a.id)) AS b_in_a
      FROM figures a JOIN figures b ON b.metric = a.metric AND b.unit = a.unit AND b.id <> a.id
      WHERE a.curation = 'curated' AND b.curation = 'curated'
        AND (a.period_start IS NULL OR b.period_start IS NULL
             OR (a.period_start <= b.period_end AND b.period_start <= a.period_end))) p
JOIN figures a ON a.id = p.aid JOIN figures b ON b.id = p.bid
WHERE p.a_in_b OR p.b_in_a;

-- background on every kind of fact that can rest on outside knowledge
ALTER TABLE meetings ADD COLUMN background TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(background) AND json_type(background) = 'array');
ALTER TABLE figures ADD COLUMN background TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(background) AND json_type(background) = 'array');
ALTER TABLE projects ADD COLUMN background TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(background) AND json_type(background) = 'array');
ALTER TABLE protocols ADD COLUMN background TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(background) AND json_type(background) = 'array');
ALTER TABLE people ADD COLUMN background TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(background) AND json_type(background) = 'array');
ALTER TABLE mechanisms ADD COLUMN background TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(background) AND json_type(background) = 'array');
ALTER TABLE provinces ADD COLUMN background TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(background) AND json_type(background) = 'array');
ALTER TABLE provinces ADD COLUMN inferred TEXT NOT NULL DEFAULT '[]'
    CHECK (json_valid(inferred) AND json_type(inferred) = 'array');

-- citations: two more targets (mechanisms, cooperation events) and `supports`. SQLite
-- cannot change a CHECK in place, so the table is rebuilt; legacy_alter_table keeps the
-- rename from re-resolving every view while the old table is gone.
PRAGMA legacy_alter_table = ON;
CREATE TABLE citations_new (
    id                  INTEGER PRIMARY KEY,
    source_id           TEXT NOT NULL REFERENCES sources (id),
    quote               TEXT NOT NULL,
    quote_start         INTEGER NOT NULL,
    quote_end           INTEGER NOT NULL,
    meeting_id          TEXT REFERENCES meetings (id),
    figure_id           TEXT REFERENCES figures (id),
    project_id          TEXT REFERENCES projects (id),
    event_id            TEXT REFERENCES project_events (id),
    protocol_id         TEXT REFERENCES protocols (id),
    person_id           TEXT REFERENCES people (id),
    province_id         TEXT REFERENCES provinces (id),
    decision_meeting_id TEXT,
    decision_seq        INTEGER,
    participant_meeting_id TEXT,
    participant_seq     INTEGER,
    area_protocol_id    TEXT,
    area_seq            INTEGER,
    mechanism_id        TEXT REFERENCES mechanisms (id),
    coop_event_id       TEXT REFERENCES coop_events (id),
    supports            TEXT NOT NULL DEFAULT '[]'
        CHECK (json_valid(supports) AND json_type(supports) = 'array'),
    CHECK ((meeting_id IS NOT NULL) + (figure_id IS NOT NULL) + (project_id IS NOT NULL)
           + (event_id IS NOT NULL) + (protocol_id IS NOT NULL) + (person_id IS NOT NULL)
           + (province_id IS NOT NULL) + (decision_meeting_id IS NOT NULL)
           + (participant_meeting_id IS NOT NULL) + (area_protocol_id IS NOT NULL)
           + (mechanism_id IS NOT NULL) + (coop_event_id IS NOT NULL) = 1),
    CHECK (quote_end > quote_start),
    FOREIGN KEY (decision_meeting_id, decision_seq) REFERENCES meeting_decisions (meeting_id, seq),
    FOREIGN KEY (participant_meeting_id, participant_seq)
        REFERENCES meeting_participants (meeting_id, seq),
    FOREIGN KEY (area_protocol_id, area_seq) REFERENCES protocol_areas (protocol_id, seq)
) STRICT;
INSERT INTO citations_new (id, source_id, quote, quote_start, quote_end, meeting_id, figure_id,
                           project_id, event_id, protocol_id, person_id, province_id,
                           decision_meeting_id, decision_seq, participant_meeting_id,
                           participant_seq, area_protocol_id, area_seq)
SELECT id, source_id, quote, quote_start, quote_end, meeting_id, figure_id, project_id,
       event_id, protocol_id, person_id, province_id, decision_meeting_id, decision_seq,
       participant_meeting_id, participant_seq, area_protocol_id, area_seq
FROM citations;
DROP TABLE citations;
ALTER TABLE citations_new RENAME TO citations;
PRAGMA legacy_alter_table = OFF;
CREATE INDEX citations_source ON citations (source_id);
CREATE INDEX citations_meeting ON citations (meeting_id) WHERE meeting_id IS NOT NULL;
CREATE INDEX citations_figure ON citations (figure_id) WHERE figure_id IS NOT NULL;
CREATE INDEX citations_project ON citations (project_id) WHERE project_id IS NOT NULL;
CREATE INDEX citations_event ON citations (event_id) WHERE event_id IS NOT NULL;
CREATE INDEX citations_protocol ON citations (protocol_id) WHERE protocol_id IS NOT NULL;
CREATE INDEX citations_person ON citations (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX citations_province ON citations (province_id) WHERE province_id IS NOT NULL;
CREATE INDEX citations_decision ON citations (decision_meeting_id, decision_seq)
    WHERE decision_meeting_id IS NOT NULL;
CREATE INDEX citations_participant ON citations (participant_meeting_id, participant_seq)
    WHERE participant_meeting_id IS NOT NULL;
CREATE INDEX citations_area ON citations (area_protocol_id, area_seq)
    WHERE area_protocol_id IS NOT NULL;
CREATE INDEX citations_mechanism ON citations (mechanism_id) WHERE mechanism_id IS NOT NULL;
CREATE INDEX citations_coop_event ON citations (coop_event_id) WHERE coop_event_id IS NOT NULL;

INSERT INTO vocab (field, value, label) VALUES
    ('project_status', 'unknown', 'no article gives a status'),
    ('coop_event_kind', 'exercise', 'joint exercise'),
    ('coop_event_kind', 'border_inspection', 'bilateral border inspection'),
    ('coop_event_kind', 'exchange_programme', 'exchange programme'),
    ('coop_event_kind', 'exhibition', 'exhibition or fair'),
    ('coop_event_status', 'held', 'held'),
    ('coop_event_status', 'planned', 'planned'),
    ('coop_event_status', 'recurring', 'held repeatedly (alternately, yearly)');

-- ---- documents ------------------------------------------------------------------------

DROP VIEW v_cite;
DROP VIEW v_meeting_doc;
DROP VIEW v_figure_doc;
DROP VIEW v_project_doc;
DROP VIEW v_protocol_doc;
DROP VIEW v_person_doc;
DROP VIEW v_mechanism_doc;
DROP VIEW v_province_doc;
DROP VIEW v_source_doc;
DROP VIEW v_figure_pair;
DROP VIEW v_trade_point;
DROP VIEW v_meeting_brief;
DROP VIEW v_stats;

CREATE VIEW v_cite AS
SELECT c.id AS id, c.meeting_id, c.figure_id, c.project_id, c.event_id, c.protocol_id,
       c.person_id, c.province_id, c.decision_meeting_id, c.decision_seq,
       c.participant_meeting_id, c.participant_seq, c.area_protocol_id, c.area_seq,
       c.mechanism_id, c.coop_event_id,
       json_object('source_id', c.source_id, 'lang', s.lang, 'quote', c.quote,
                   'quote_start', c.quote_start, 'quote_end', c.quote_end,
                   'url', s.url, 'supports', json(c.supports)) AS doc
FROM citations c JOIN sources s ON s.id = c.source_id;

-- a meeting, figure or event as other documents refer to it
CREATE VIEW v_meeting_ref AS
SELECT id, json_object('id', id, 'title', title, 'date', date,
                       'links', json_object('self', '/v1/meetings/' || id)) AS doc
FROM meetings;

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
    'year', CASE WHEN substr(f.period_start, 1, 4) = substr(f.period_end, 1, 4) THEN f.year END,
    'change', CASE WHEN f.change_pct IS NULL THEN NULL ELSE json_object(
        'value', CASE WHEN f.change_pct = CAST(f.change_pct AS INTEGER)
                      THEN CAST(f.change_pct AS INTEGER) ELSE f.change_pct END,
        'unit', 'percent', 'qualifier', f.change_qualifier, 'basis', f.change_basis) END,
    'parties', json((SELECT json_group_array(province_id) FROM
        (SELECT province_id FROM figure_parties WHERE figure_id = f.id ORDER BY seq))),
    'meetings', json((SELECT json_group_array(json(r.doc)) FROM
        (SELECT r.doc FROM figure_meetings fm JOIN v_meeting_ref r ON r.id = fm.meeting_id
         WHERE fm.figure_id = f.id ORDER BY fm.seq) r)),
    'conflicts_with', json((SELECT json_group_array(json_object(
            'id', o.id,
            'value', CASE WHEN o.value = CAST(o.value AS INTEGER) THEN CAST(o.value AS INTEGER)
                          ELSE o.value END,
            'qualifier', o.qualifier, 'period', o.period, 'note', fc.note,
            'links', json_object('self', '/v1/figures/' || o.id)))
        FROM (SELECT * FROM figure_conflicts WHERE figure_id = f.id ORDER BY other_id) fc
        JOIN figures o ON o.id = fc.other_id)),
    'overlaps', json((SELECT json_group_array(json_object(
            'id', o.id, 'relation', fo.relation, 'period', o.period,
            'links', json_object('self', '/v1/figures/' || o.id)))
        FROM (SELECT * FROM figure_overlaps WHERE figure_id = f.id ORDER BY other_id) fo
        JOIN figures o ON o.id = fo.other_id)),
    'curation', f.curation,
    'confidence', f.confidence,
    'inferred', json(f.inferred),
    'background', json(f.background),
    'note', f.note,
    'sources', json((SELECT json_group_array(json(doc)) FROM
        (SELECT doc FROM v_cite WHERE figure_id = f.id ORDER BY id))),
    'links', json_object('self', '/v1/figures/' || f.id)
) AS doc
FROM figures f;

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
    'background', json(pj.background),
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
    'meeting', json((SELECT doc FROM v_meeting_ref WHERE id = pr.meeting_id)),
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
    'background', json(pe.background),
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
        'meetings', (SELECT count(*) FROM meeting_provinces WHERE province_id = p.id),
        'figures', (SELECT count(*) FROM figure_parties WHERE province_id = p.id),
        'border_gate_projects', (SELECT count(*) FROM projects
                                 WHERE vn_province_id = p.id OR cn_province_id = p.id),
        'protocols', (SELECT count(DISTINCT protocol_id) FROM protocol_parties
                      WHERE province_id = p.id),
        'events', (SELECT count(DISTINCT event_id) FROM coop_event_organisations
                   WHERE province_id = p.id),
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

CREATE VIEW v_source_doc AS
SELECT s.id AS id, json_object(
    'id', s.id,
    'type', 'source',
    'title', s.title,
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

CREATE VIEW v_coop_event_doc AS
SELECT ev.id AS id, json_object(
    'id', ev.id,
    'type', 'event',
    'kind', ev.kind,
    'title', ev.title,
    'status', ev.status,
    'date', ev.date,
    'date_precision', ev.date_precision,
    'date_start', ev.date_start,
    'date_end', ev.date_end,
    'year', ev.year,
    'place', ev.place,
    'parties', json((SELECT json_group_array(province_id) FROM
        (SELECT province_id FROM coop_event_organisations WHERE event_id = ev.id
         AND province_id IS NOT NULL GROUP BY province_id ORDER BY min(seq)))),
    'organisations', json((SELECT json_group_array(json_object(
            'name', o.name,
            'province', json((SELECT doc FROM v_province_ref WHERE id = o.province_id))))
        FROM (SELECT * FROM coop_event_organisations WHERE event_id = ev.id ORDER BY seq) o)),
    'meetings', json((SELECT json_group_array(json(r.doc)) FROM
        (SELECT r.doc FROM coop_event_meetings em JOIN v_meeting_ref r ON r.id = em.meeting_id
         WHERE em.event_id = ev.id ORDER BY em.seq) r)),
    'description', ev.description,
    'aliases', json((SELECT json_group_array(json_object('alias', a.alias, 'lang', a.lang)) FROM
        (SELECT * FROM aliases WHERE entity = 'event' AND entity_id = ev.id
         AND lang IS NOT NULL ORDER BY lang, alias) a)),
    'curation', ev.curation,
    'confidence', ev.confidence,
    'inferred', json(ev.inferred),
    'background', json(ev.background),
    'note', ev.note,
    'sources', json((SELECT json_group_array(json(doc)) FROM
        (SELECT doc FROM v_cite WHERE coop_event_id = ev.id ORDER BY id))),
    'links', json_object('self', '/v1/events/' || ev.id)
) AS doc
FROM coop_events ev;

-- ---- the dashboard summary (was 0004) --------------------------------------------------
-- Turnover figures are listed, never summed; points that overlap another (the
-- four-province total contains Tuyen Quang's share) say so in `overlaps`, and a pair
-- whose points cover periods of different lengths is `comparable: false` (no line).

-- each figure's parties as a stable key ("tuyen-quang+yunnan"), a list and a label
CREATE VIEW v_figure_pair AS
SELECT f.id AS figure_id,
       (SELECT group_concat(province_id, '+') FROM
           (SELECT province_id FROM figure_parties WHERE figure_id = f.id ORDER BY seq)) AS pair,
       (SELECT json_group_array(province_id) FROM
           (SELECT province_id FROM figure_parties WHERE figure_id = f.id ORDER BY seq)) AS parties,
       (SELECT group_concat(name, ' - ') FROM
           (SELECT p.name FROM figure_parties fp JOIN provinces p ON p.id = fp.province_id
            WHERE fp.figure_id = f.id ORDER BY fp.seq)) AS label
FROM figures f;

CREATE VIEW v_trade_point AS
SELECT f.id, f.value, f.unit, f.qualifier, f.period, f.period_start, f.period_end,
       CASE WHEN substr(f.period_start, 1, 4) = substr(f.period_end, 1, 4) THEN f.year END
           AS year,
       CASE WHEN f.period_start IS NULL THEN NULL
            ELSE (CAST(substr(f.period_end, 1, 4) AS INTEGER) * 12
                  + CAST(substr(f.period_end, 6, 2) AS INTEGER))
                 - (CAST(substr(f.period_start, 1, 4) AS INTEGER) * 12
                    + CAST(substr(f.period_start, 6, 2) AS INTEGER)) + 1 END AS months,
       fp.pair, fp.label,
       json_object('id', f.id,
                   'value', CASE WHEN f.value = CAST(f.value AS INTEGER)
                                 THEN CAST(f.value AS INTEGER) ELSE f.value END,
                   'unit', f.unit, 'qualifier', f.qualifier, 'period', f.period,
                   'period_start', f.period_start, 'period_end', f.period_end,
                   'year', CASE WHEN substr(f.period_start, 1, 4) = substr(f.period_end, 1, 4)
                                THEN f.year END,
                   'months', CASE WHEN f.period_start IS NULL THEN NULL
                       ELSE (CAST(substr(f.period_end, 1, 4) AS INTEGER) * 12
                             + CAST(substr(f.period_end, 6, 2) AS INTEGER))
                            - (CAST(substr(f.period_start, 1, 4) AS INTEGER) * 12
                               + CAST(substr(f.period_start, 6, 2) AS INTEGER)) + 1 END,
                   'change', CASE WHEN f.change_pct IS NULL THEN NULL ELSE json_object(
                       'value', CASE WHEN f.change_pct = CAST(f.change_pct AS INTEGER)
                                     THEN CAST(f.change_pct AS INTEGER) ELSE f.change_pct END,
                       'unit', 'percent', 'qualifier', f.change_qualifier,
                       'basis', f.change_basis) END,
                   'parties', json(fp.parties),
                   'label', fp.label,
                   'inferred', json(f.inferred),
                   'overlaps', json((SELECT json_group_array(json_object(
                           'id', fo.other_id, 'relation', fo.relation,
                           'links', json_object('self', '/v1/figures/' || fo.other_id)))
                       FROM (SELECT * FROM figure_overlaps WHERE figure_id = f.id
                             ORDER BY other_id) fo)),
                   'links', json_object('self', '/v1/figures/' || f.id)) AS doc
FROM figures f JOIN v_figure_pair fp ON fp.figure_id = f.id
WHERE f.metric = 'trade_turnover';

CREATE VIEW v_meeting_brief AS
SELECT m.id, m.status, m.date_start, m.date_end,
       json_object('id', m.id, 'title', m.title, 'date', m.date,
                   'date_precision', m.date_precision, 'place', m.place, 'status', m.status,
                   'mechanism', m.mechanism_id,
                   'protocols', json((SELECT json_group_array(id) FROM
                       (SELECT id FROM protocols WHERE meeting_id = m.id ORDER BY id))),
                   'links', json_object('self', '/v1/meetings/' || m.id)) AS doc
FROM meetings m;

CREATE VIEW v_stats AS
SELECT json_object(
    'counts', json_object(
        'meetings', (SELECT count(*) FROM meetings),
        'meetings_held', (SELECT count(*) FROM meetings WHERE status = 'held'),
        'meetings_planned', (SELECT count(*) FROM meetings WHERE status = 'planned'),
        'figures', (SELECT count(*) FROM figures),
        'trade_figures', (SELECT count(*) FROM figures WHERE category = 'trade'),
        'border_gate_projects', (SELECT count(*) FROM projects),
        'protocols', (SELECT count(*) FROM protocols),
        'protocols_signed', (SELECT count(*) FROM protocols WHERE status = 'signed'),
        'events', (SELECT count(*) FROM coop_events),
        'people', (SELECT count(*) FROM people),
        'provinces', (SELECT count(*) FROM provinces),
        'sources', (SELECT count(*) FROM sources),
        'citations', (SELECT count(*) FROM citations),
        'inferred_fields', (SELECT sum(n) FROM (
            SELECT json_array_length(inferred) AS n FROM meetings
            UNION ALL SELECT json_array_length(inferred) FROM figures
            UNION ALL SELECT json_array_length(inferred) FROM projects
            UNION ALL SELECT json_array_length(inferred) FROM protocols
            UNION ALL SELECT json_array_length(inferred) FROM coop_events))),
    'trade_turnover', json_object(
        'unit', 'USD',
        'note', 'Listed, never summed: a point whose `overlaps` is not empty shares trade with another point (a total contains a share); points of one pair are comparable as a series only when `comparable` is true (periods of the same length).',
        'by_pair', json((SELECT json_group_array(json_object(
                'parties', json(p.parties), 'label', p.label,
                'comparable', json((SELECT CASE WHEN count(*) = count(months)
                                                AND count(DISTINCT months) = 1
                                                THEN 'true' ELSE 'false' END
                                    FROM v_trade_point t WHERE t.pair = p.pair)),
                'points', json((SELECT json_group_array(json(doc)) FROM
                    (SELECT doc FROM v_trade_point t WHERE t.pair = p.pair
                     ORDER BY coalesce(period_start, '9999'), id)))))
            FROM (SELECT DISTINCT t.pair, fp.parties, t.label FROM v_trade_point t
                  JOIN v_figure_pair fp ON fp.figure_id = t.id ORDER BY t.pair) p)),
        'by_year', json((SELECT json_group_array(json_object(
                'year', y.year,
                'figures', json((SELECT json_group_array(json(doc)) FROM
                    (SELECT doc FROM v_trade_point t WHERE t.year IS y.year
                     ORDER BY value DESC, id)))))
            FROM (SELECT DISTINCT year FROM v_trade_point ORDER BY year IS NULL, year) y))),
    'meetings', json_object(
        'latest_held', json((SELECT doc FROM v_meeting_brief WHERE status = 'held'
                             ORDER BY date_end DESC, id LIMIT 1)),
        'next_planned', json((SELECT doc FROM v_meeting_brief WHERE status = 'planned'
                              ORDER BY coalesce(date_start, '9999-12-31'), id LIMIT 1)),
        'planned', json((SELECT json_group_array(json(doc)) FROM
            (SELECT doc FROM v_meeting_brief WHERE status = 'planned'
             ORDER BY coalesce(date_start, '9999-12-31'), id)))),
    'border_gate_projects', json_object(
        'by_status', json((SELECT json_group_object(status, n) FROM
            (SELECT status, count(*) AS n FROM projects GROUP BY status ORDER BY status))),
        'by_kind', json((SELECT json_group_object(kind, n) FROM
            (SELECT kind, count(*) AS n FROM projects GROUP BY kind ORDER BY kind)))),
    'protocols', json_object(
        'by_kind', json((SELECT json_group_object(kind, n) FROM
            (SELECT kind, count(*) AS n FROM protocols GROUP BY kind ORDER BY kind))),
        'by_status', json((SELECT json_group_object(status, n) FROM
            (SELECT status, count(*) AS n FROM protocols GROUP BY status ORDER BY status)))),
    'events', json_object(
        'by_kind', json((SELECT json_group_object(kind, n) FROM
            (SELECT kind, count(*) AS n FROM coop_events GROUP BY kind ORDER BY kind)))),
    'figures_by_category', json((SELECT json_group_object(category, n) FROM
        (SELECT category, count(*) AS n FROM figures GROUP BY category ORDER BY category))),
    'store', json_object(
        'content_version', (SELECT value FROM store_meta WHERE key = 'content_version'),
        'built_at', (SELECT value FROM store_meta WHERE key = 'built_at')),
    'links', json_object('self', '/v1/stats', 'meetings', '/v1/meetings',
                         'figures', '/v1/figures',
                         'trade_figures', '/v1/trade-figures',
                         'border_gate_projects', '/v1/border-gate-projects',
                         'protocols', '/v1/protocols', 'events', '/v1/events',
                         'search', '/v1/search')
) AS doc;
