-- 0001: the core schema. Every fact table is tied to its article sentences through
-- `citations`; the loader fills all of it in one transaction from data/.
-- Dates are ISO 8601 text. A date known only to the month or year keeps that reduced
-- form in `date` and its precision in `date_precision`; `date_start`/`date_end` hold the
-- full range it covers, so range filters compare plain strings.

CREATE TABLE store_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- Controlled vocabularies: one place that lists every allowed value of an enumerated
-- field. The loader refuses other values and the API lists these in its 400 details.
CREATE TABLE vocab (
    field       TEXT NOT NULL,
    value       TEXT NOT NULL,
    label       TEXT NOT NULL,
    PRIMARY KEY (field, value)
) STRICT, WITHOUT ROWID;

CREATE TABLE sources (
    id           TEXT PRIMARY KEY,
    file         TEXT NOT NULL UNIQUE,
    lang         TEXT NOT NULL,
    title        TEXT,
    publisher    TEXT,
    author       TEXT,
    published_on TEXT,
    url          TEXT,
    sha256       TEXT NOT NULL UNIQUE,
    bytes        INTEGER NOT NULL,
    body         TEXT NOT NULL,
    note         TEXT,
    origin       TEXT NOT NULL DEFAULT 'curated' CHECK (origin IN ('curated', 'ingested')),
    ingested_at  TEXT
) STRICT;
CREATE INDEX sources_lang ON sources (lang, id);
CREATE INDEX sources_origin ON sources (origin, id);

CREATE TABLE provinces (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    name_vi     TEXT,
    name_zh     TEXT,
    country     TEXT NOT NULL CHECK (country IN ('VN', 'CN')),
    level       TEXT NOT NULL,
    merged_into TEXT REFERENCES provinces (id),
    note        TEXT
) STRICT;
CREATE INDEX provinces_country ON provinces (country, id);
CREATE INDEX provinces_merged_into ON provinces (merged_into);

-- Every name an entity is known by, in any language and spelling; `alias_key` is the
-- folded form (lower case, no diacritics, words joined by '-') that filters and id
-- lookups match. A key names one entity only (the loader enforces it); several
-- spellings ("Van Nam", "Vân Nam") may share a key.
CREATE TABLE aliases (
    entity    TEXT NOT NULL,
    alias_key TEXT NOT NULL,
    alias     TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    lang      TEXT,
    PRIMARY KEY (entity, alias_key, alias)
) STRICT, WITHOUT ROWID;
CREATE INDEX aliases_entity_id ON aliases (entity, entity_id);

CREATE TABLE people (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    country     TEXT NOT NULL CHECK (country IN ('VN', 'CN')),
    province_id TEXT REFERENCES provinces (id),
    note        TEXT
) STRICT;
CREATE INDEX people_province ON people (province_id, id);

CREATE TABLE person_roles (
    person_id    TEXT NOT NULL REFERENCES people (id),
    seq          INTEGER NOT NULL,
    role         TEXT NOT NULL,
    organisation TEXT,
    province_id  TEXT REFERENCES provinces (id),
    PRIMARY KEY (person_id, seq)
) STRICT;

CREATE TABLE mechanisms (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,
    description TEXT
) STRICT;

CREATE TABLE mechanism_members (
    mechanism_id TEXT NOT NULL REFERENCES mechanisms (id),
    province_id  TEXT NOT NULL REFERENCES provinces (id),
    PRIMARY KEY (mechanism_id, province_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE meetings (
    id               TEXT PRIMARY KEY,
    mechanism_id     TEXT NOT NULL REFERENCES mechanisms (id),
    ordinal          INTEGER,
    title            TEXT NOT NULL,
    date             TEXT,
    date_precision   TEXT,
    date_start       TEXT,
    date_end         TEXT,
    year             INTEGER,
    place            TEXT,
    host_province_id TEXT REFERENCES provinces (id),
    status           TEXT NOT NULL CHECK (status IN ('held', 'planned')),
    summary          TEXT,
    note             TEXT,
    curation         TEXT NOT NULL DEFAULT 'curated' CHECK (curation IN ('curated', 'extracted')),
    confidence       REAL,
    same_as          TEXT REFERENCES meetings (id)
) STRICT;
-- Indexes follow the API's sort expressions exactly (missing dates and ordinals sort
-- last), alone and after each equality filter, so a sorted page is read in index
-- order and stops at the page size, whatever the table's size.
CREATE INDEX meetings_date ON meetings
    (coalesce(date_start, '9999-12-31'), coalesce(ordinal, 999999999), id);
CREATE INDEX meetings_mechanism ON meetings
    (mechanism_id, coalesce(date_start, '9999-12-31'), coalesce(ordinal, 999999999), id);
CREATE INDEX meetings_year ON meetings
    (year, coalesce(date_start, '9999-12-31'), coalesce(ordinal, 999999999), id);
CREATE INDEX meetings_status ON meetings
    (status, coalesce(date_start, '9999-12-31'), coalesce(ordinal, 999999999), id);
CREATE INDEX meetings_curation ON meetings
    (curation, coalesce(date_start, '9999-12-31'), coalesce(ordinal, 999999999), id);
CREATE INDEX meetings_date_end ON meetings (date_end);
CREATE INDEX meetings_ordinal ON meetings (mechanism_id, ordinal); -- previous/next meeting
CREATE INDEX meetings_sort_year ON meetings (coalesce(year, 999999999), id);
CREATE INDEX meetings_sort_ordinal ON meetings (coalesce(ordinal, 999999999), id);
CREATE INDEX meetings_sort_status ON meetings (status, id);
CREATE INDEX meetings_sort_mechanism ON meetings (mechanism_id, id);
CREATE INDEX meetings_sort_title ON meetings (title, id);
CREATE INDEX meetings_host ON meetings (host_province_id);

CREATE TABLE meeting_provinces (
    meeting_id  TEXT NOT NULL REFERENCES meetings (id),
    province_id TEXT NOT NULL REFERENCES provinces (id),
    PRIMARY KEY (meeting_id, province_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX meeting_provinces_province ON meeting_provinces (province_id, meeting_id);

CREATE TABLE meeting_participants (
    meeting_id  TEXT NOT NULL REFERENCES meetings (id),
    seq         INTEGER NOT NULL,
    person_id   TEXT NOT NULL REFERENCES people (id),
    role        TEXT NOT NULL,
    side        TEXT NOT NULL CHECK (side IN ('VN', 'CN')),
    province_id TEXT REFERENCES provinces (id),
    PRIMARY KEY (meeting_id, seq)
) STRICT;
CREATE INDEX meeting_participants_person ON meeting_participants (person_id, meeting_id);

-- Decisions, agreed areas and directions of a meeting, each with its own sentence.
CREATE TABLE meeting_decisions (
    meeting_id TEXT NOT NULL REFERENCES meetings (id),
    seq        INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    text       TEXT NOT NULL,
    PRIMARY KEY (meeting_id, seq)
) STRICT;

CREATE TABLE metrics (
    id          TEXT PRIMARY KEY,
    category    TEXT NOT NULL,
    unit        TEXT NOT NULL,
    description TEXT NOT NULL
) STRICT;

CREATE TABLE figures (
    id               TEXT PRIMARY KEY,
    metric           TEXT NOT NULL REFERENCES metrics (id),
    category         TEXT NOT NULL,
    value            REAL NOT NULL,
    unit             TEXT NOT NULL,
    qualifier        TEXT NOT NULL DEFAULT 'exact',
    period           TEXT,
    period_start     TEXT,
    period_end       TEXT,
    year             INTEGER,
    change_pct       REAL,
    change_qualifier TEXT,
    change_basis     TEXT,
    description      TEXT NOT NULL,
    meeting_id       TEXT REFERENCES meetings (id),
    note             TEXT,
    curation         TEXT NOT NULL DEFAULT 'curated' CHECK (curation IN ('curated', 'extracted')),
    confidence       REAL
) STRICT;
CREATE INDEX figures_period ON figures (coalesce(period_start, '9999-12-31'), id);
CREATE INDEX figures_category ON figures (category, coalesce(period_start, '9999-12-31'), id);
CREATE INDEX figures_metric ON figures (metric, coalesce(period_start, '9999-12-31'), id);
CREATE INDEX figures_year ON figures (year, coalesce(period_start, '9999-12-31'), id);
CREATE INDEX figures_curation ON figures (curation, coalesce(period_start, '9999-12-31'), id);
CREATE INDEX figures_period_end ON figures (coalesce(period_end, '9999-12-31'), id);
CREATE INDEX figures_sort_year ON figures (coalesce(year, 999999999), id);
CREATE INDEX figures_value ON figures (value, id);
CREATE INDEX figures_sort_metric ON figures (metric, id);
CREATE INDEX figures_sort_category ON figures (category, id);
CREATE INDEX figures_meeting ON figures (meeting_id);

CREATE TABLE figure_parties (
    figure_id   TEXT NOT NULL REFERENCES figures (id),
    province_id TEXT NOT NULL REFERENCES provinces (id),
    seq         INTEGER NOT NULL,
    PRIMARY KEY (figure_id, province_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX figure_parties_province ON figure_parties (province_id, figure_id);

-- Two statements of the same quantity that disagree; both are kept, neither silently wins.
CREATE TABLE figure_conflicts (
    figure_id TEXT NOT NULL REFERENCES figures (id),
    other_id  TEXT NOT NULL REFERENCES figures (id),
    note      TEXT NOT NULL,
    PRIMARY KEY (figure_id, other_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE projects (
    id             TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    kind           TEXT NOT NULL,
    vn_side        TEXT,
    cn_side        TEXT,
    vn_side_vi     TEXT,
    cn_side_zh     TEXT,
    vn_province_id TEXT REFERENCES provinces (id),
    cn_province_id TEXT REFERENCES provinces (id),
    status         TEXT NOT NULL,
    part_of        TEXT REFERENCES projects (id),
    description    TEXT,
    note           TEXT,
    curation       TEXT NOT NULL DEFAULT 'curated' CHECK (curation IN ('curated', 'extracted')),
    confidence     REAL
) STRICT;
CREATE INDEX projects_curation ON projects (curation, id);
CREATE INDEX projects_kind ON projects (kind, id);
CREATE INDEX projects_status ON projects (status, id);
CREATE INDEX projects_vn_province ON projects (vn_province_id, id);
CREATE INDEX projects_cn_province ON projects (cn_province_id, id);
CREATE INDEX projects_part_of ON projects (part_of);

CREATE TABLE project_events (
    id             TEXT PRIMARY KEY,
    project_id     TEXT NOT NULL REFERENCES projects (id),
    seq            INTEGER NOT NULL,
    kind           TEXT NOT NULL,
    date           TEXT,
    date_precision TEXT,
    date_start     TEXT,
    date_end       TEXT,
    meeting_id     TEXT REFERENCES meetings (id),
    description    TEXT NOT NULL,
    UNIQUE (project_id, seq)
) STRICT;
CREATE INDEX project_events_meeting ON project_events (meeting_id);

CREATE TABLE protocols (
    id             TEXT PRIMARY KEY,
    title          TEXT NOT NULL,
    kind           TEXT NOT NULL,
    level          TEXT NOT NULL,
    signed_on      TEXT,
    date_precision TEXT,
    date_start     TEXT,
    date_end       TEXT,
    year           INTEGER,
    status         TEXT NOT NULL CHECK (status IN ('signed', 'referenced')),
    meeting_id     TEXT REFERENCES meetings (id),
    summary        TEXT,
    note           TEXT
) STRICT;
CREATE INDEX protocols_meeting ON protocols (meeting_id, id);
CREATE INDEX protocols_kind ON protocols (kind, id);
CREATE INDEX protocols_year ON protocols (year, id);
CREATE INDEX protocols_date ON protocols (date_start, id);

CREATE TABLE protocol_parties (
    protocol_id TEXT NOT NULL REFERENCES protocols (id),
    seq         INTEGER NOT NULL,
    name        TEXT NOT NULL,
    province_id TEXT REFERENCES provinces (id),
    PRIMARY KEY (protocol_id, seq)
) STRICT;
CREATE INDEX protocol_parties_province ON protocol_parties (province_id, protocol_id);

CREATE TABLE protocol_areas (
    protocol_id TEXT NOT NULL REFERENCES protocols (id),
    seq         INTEGER NOT NULL,
    area        TEXT NOT NULL,
    PRIMARY KEY (protocol_id, seq)
) STRICT;

-- Provenance: one row per (fact, source sentence). Exactly one of the fact columns is
-- set (an exclusive arc, so every reference is a real foreign key). `quote` is verbatim
-- in the source's body at byte offsets [quote_start, quote_end).
CREATE TABLE citations (
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
    CHECK ((meeting_id IS NOT NULL) + (figure_id IS NOT NULL) + (project_id IS NOT NULL)
           + (event_id IS NOT NULL) + (protocol_id IS NOT NULL) + (person_id IS NOT NULL)
           + (province_id IS NOT NULL) + (decision_meeting_id IS NOT NULL)
           + (participant_meeting_id IS NOT NULL) + (area_protocol_id IS NOT NULL) = 1),
    CHECK (quote_end > quote_start),
    FOREIGN KEY (decision_meeting_id, decision_seq) REFERENCES meeting_decisions (meeting_id, seq),
    FOREIGN KEY (participant_meeting_id, participant_seq)
        REFERENCES meeting_participants (meeting_id, seq),
    FOREIGN KEY (area_protocol_id, area_seq) REFERENCES protocol_areas (protocol_id, seq)
) STRICT;
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

INSERT INTO vocab (field, value, label) VALUES
    ('lang', 'pl', 'Polish'),
    ('lang', 'sv', 'Swedish'),
    ('lang', 'nl', 'Dutch'),
    ('lang', 'en', 'English'),
    ('lang', 'vi', 'Vietnamese'),
    ('lang', 'zh', 'Chinese'),
    ('province_level', 'province', 'province'),
    ('province_level', 'autonomous_region', 'autonomous region'),
    ('mechanism_kind', 'conference', 'annual conference of provincial party secretaries'),
    ('mechanism_kind', 'working_group', 'joint working group'),
    ('mechanism_kind', 'committee', 'joint working committee'),
    ('mechanism_kind', 'spring_meeting', 'spring meeting of provincial leaders'),
    ('meeting_status', 'held', 'held'),
    ('meeting_status', 'planned', 'planned'),
    ('decision_kind', 'agreement', 'agreed by the parties'),
    ('decision_kind', 'area', 'area of cooperation discussed or agreed'),
    ('decision_kind', 'next_meeting', 'the next meeting agreed'),
    ('decision_kind', 'proposal', 'proposal made by a party'),
    ('decision_kind', 'assessment', 'assessment of results'),
    ('category', 'trade', 'trade and customs'),
    ('category', 'exchange', 'delegations and exchanges'),
    ('category', 'tourism', 'tourism'),
    ('category', 'labour', 'labour'),
    ('category', 'agriculture', 'agriculture'),
    ('category', 'investment', 'investment'),
    ('category', 'training', 'training and education'),
    ('category', 'finance', 'finance and banking'),
    ('category', 'consular', 'consular and civil affairs'),
    ('category', 'cooperation', 'cooperation overall'),
    ('qualifier', 'exact', 'as stated'),
    ('qualifier', 'over', 'more than the value'),
    ('qualifier', 'nearly', 'a little less than the value'),
    ('qualifier', 'expected', 'a planned or expected value'),
    ('unit', 'USD', 'US dollars'),
    ('unit', 'people', 'people'),
    ('unit', 'delegations', 'delegations'),
    ('unit', 'activities', 'activities'),
    ('unit', 'hectares', 'hectares'),
    ('unit', 'tonnes', 'tonnes'),
    ('unit', 'banks', 'banks'),
    ('unit', 'companies', 'companies'),
    ('unit', 'areas', 'areas of cooperation'),
    ('unit', 'percent', 'percent'),
    ('project_kind', 'gate_pair', 'pair of border gates'),
    ('project_kind', 'traditional_opening', 'traditional border opening'),
    ('project_kind', 'clearance_point', 'customs clearance point'),
    ('project_kind', 'road_bridge', 'road bridge'),
    ('project_kind', 'railway_bridge', 'railway bridge'),
    ('project_kind', 'road', 'road'),
    ('project_kind', 'railway', 'railway line'),
    ('project_kind', 'transport_route', 'transport route'),
    ('project_kind', 'sea_route', 'sea route'),
    ('project_status', 'proposed', 'proposed'),
    ('project_status', 'planned', 'agreed or in preparation'),
    ('project_status', 'under_construction', 'under construction'),
    ('project_status', 'operational', 'operational'),
    ('project_status', 'reported', 'named in an ingested article; status not extracted'),
    ('event_kind', 'proposed', 'proposed'),
    ('event_kind', 'agreed', 'agreed'),
    ('event_kind', 'promoted', 'progress promoted'),
    ('event_kind', 'ground_broken', 'ground broken'),
    ('event_kind', 'established', 'established'),
    ('event_kind', 'opened', 'opened'),
    ('event_kind', 'restored', 'restored'),
    ('event_kind', 'in_use', 'reported in use'),
    ('protocol_kind', 'minutes', 'minutes or protocol of a meeting'),
    ('protocol_kind', 'mou', 'memorandum of understanding'),
    ('protocol_kind', 'agreement', 'cooperation agreement'),
    ('protocol_kind', 'action_plan', 'action plan'),
    ('protocol_kind', 'joint_statement', 'joint statement'),
    ('protocol_kind', 'legal_documents', 'legal documents on the land border'),
    ('protocol_kind', 'protocol', 'protocol'),
    ('protocol_level', 'national', 'between the two states'),
    ('protocol_level', 'ministerial', 'between a ministry and a province'),
    ('protocol_level', 'provincial', 'between provinces'),
    ('protocol_level', 'departmental', 'between provincial departments'),
    ('protocol_status', 'signed', 'signing reported'),
    ('protocol_status', 'referenced', 'referred to as existing'),
    ('date_precision', 'day', 'day'),
    ('date_precision', 'month', 'month'),
    ('date_precision', 'year', 'year'),
    ('country', 'VN', 'Vietnam'),
    ('country', 'CN', 'China'),
    ('curation', 'curated', 'read and verified by a person, from data/facts'),
    ('curation', 'extracted', 'extracted automatically from an ingested article');
