-- 0006: places on the earth (reference data) and the change feed.
--
-- `places` holds coordinates that no article states: each row comes from the public
-- gazetteer record named in `reference` (data/reference/places.json), and `precision`
-- says what the point stands for. A province has one `seat` row; a project one row per
-- side (`vn`, `cn`) that a reference was found for.
CREATE TABLE places (
    entity         TEXT NOT NULL CHECK (entity IN ('province', 'project')),
    entity_id      TEXT NOT NULL,
    side           TEXT NOT NULL CHECK (side IN ('seat', 'vn', 'cn')),
    lat            REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon            REAL NOT NULL CHECK (lon BETWEEN -180 AND 180),
    precision      TEXT NOT NULL,
    reference      TEXT NOT NULL,
    reference_name TEXT,
    note           TEXT,
    PRIMARY KEY (entity, entity_id, side)
) STRICT, WITHOUT ROWID;

-- Wikidata items of provinces, people and projects (reference data, like places).
CREATE TABLE wikidata_ids (
    entity    TEXT NOT NULL CHECK (entity IN ('province', 'person', 'project')),
    entity_id TEXT NOT NULL,
    qid       TEXT NOT NULL,
    PRIMARY KEY (entity, entity_id)
) STRICT, WITHOUT ROWID;

INSERT INTO vocab (field, value, label) VALUES
    ('location_precision', 'site', 'The place itself (the crossing, the bridge)'),
    ('location_precision', 'locality', 'The town or city the side is named after'),
    ('location_precision', 'district_seat', 'The seat of the district or county the place lies in'),
    ('location_precision', 'province_seat', 'The seat of the province'),
    ('location_precision', 'centroid', 'The centre of the area');

-- A location as the API shows it. `basis` marks it as reference data, never an article
-- fact; `reference_url` is the public record's page.
CREATE VIEW v_location AS
SELECT entity, entity_id, side, json_object(
    'lat', lat, 'lon', lon, 'precision', precision, 'reference', reference,
    'reference_name', reference_name,
    'reference_url', CASE
        WHEN reference LIKE 'geonames:%' THEN 'https://www.geonames.org/' || substr(reference, 10)
        WHEN reference LIKE 'wikidata:%' THEN 'https://www.wikidata.org/wiki/' || substr(reference, 10)
        WHEN reference LIKE 'osm:node/%' THEN 'https://www.openstreetmap.org/node/' || substr(reference, 10)
        END,
    'basis', 'reference_data',
    'note', note) AS doc
FROM places;

-- The change feed: every load, ingest and review decision appends here, never updates
-- or deletes. `seq` orders the feed (AUTOINCREMENT: never reused, even after a
-- removal); `fields` is a JSON array of the top-level fields that changed (for
-- 'changed'); `actor` says who did it ('loader', 'ingest', or a person's key id);
-- `origin` what kind of step ('load', 'ingest', 'review').
CREATE TABLE changes (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    at              TEXT NOT NULL,
    content_version TEXT NOT NULL,
    kind            TEXT NOT NULL,
    id              TEXT NOT NULL,
    op              TEXT NOT NULL CHECK (op IN ('added', 'changed', 'removed')),
    fields          TEXT,
    actor           TEXT NOT NULL,
    origin          TEXT NOT NULL CHECK (origin IN ('load', 'ingest', 'review')),
    note            TEXT
) STRICT;
CREATE INDEX changes_kind_id ON changes (kind, id, seq);

-- The document of every entity as the feed last recorded it: the baseline the next
-- load or ingest is compared with (sha256 of the document, and the document to name
-- the fields that changed).
CREATE TABLE change_baseline (
    kind   TEXT NOT NULL,
    id     TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    doc    TEXT NOT NULL,
    PRIMARY KEY (kind, id)
) STRICT, WITHOUT ROWID;
