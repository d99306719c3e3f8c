-- 0018: names that are part of several things' names. A border gate project's sides
-- ("Ma Lu Thang", "Kim Thuy Ha", "河口", and each name in brackets, "Jinshuihe") name a
-- place that several crossings share, so they are not aliases (an alias names one
-- entity). GET /v1/<collection>/{name} falls back to them: a side name of exactly one
-- project resolves to it; one that several share answers 404 with the candidates.
CREATE TABLE name_parts (
    entity    TEXT NOT NULL,
    part_key  TEXT NOT NULL, -- folded as aliases.alias_key
    entity_id TEXT NOT NULL,
    part      TEXT NOT NULL, -- as written in the fact files
    PRIMARY KEY (entity, part_key, entity_id)
) STRICT, WITHOUT ROWID;
