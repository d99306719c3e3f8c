-- 0014: a place whose reference has no page of its own to derive (a boundary marker of
-- the 2009 Vietnam-China land boundary demarcation protocol, vn-cn-marker:N(K)) names
-- the page that publishes its coordinates; the others keep their derived page.
ALTER TABLE places ADD COLUMN reference_url TEXT;

DROP VIEW v_location;
CREATE VIEW v_location AS
SELECT entity, entity_id, side, json_object(
    'lat', lat, 'lon', lon, 'precision', precision, 'reference', reference,
    'reference_name', reference_name,
    'reference_url', coalesce(reference_url, CASE
        WHEN reference LIKE 'geonames:%' THEN 'https://www.geonames.org/' || substr(reference, 10)
        WHEN reference LIKE 'wikidata:%' THEN 'https://www.wikidata.org/wiki/' || substr(reference, 10)
        WHEN reference LIKE 'osm:node/%' THEN 'https://www.openstreetmap.org/node/' || substr(reference, 10)
        END),
    'basis', 'reference_data',
    'note', note) AS doc
FROM places;
