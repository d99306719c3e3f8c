-- 0022: why a side of a project has no location. data/reference/places.json lists every
-- side no public reference was found for under `unlocated`, with the reason; the loader
-- keeps them here so that a project serves them (`unlocated`: [{side, reason}]) beside
-- its null `vn_location` / `cn_location`, and a map can caption what it cannot draw.
CREATE TABLE unlocated_places (
    entity    TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    side      TEXT NOT NULL CHECK (side IN ('vn', 'cn')),
    reason    TEXT NOT NULL,
    PRIMARY KEY (entity, entity_id, side)
) STRICT;
