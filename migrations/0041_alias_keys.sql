-- 0041: names looked up by their key alone. /v1/search looks up each run of a query's
-- words as a name (server/search.c, expand_alias); the primary key leads with the
-- entity, so without this index every lookup read the whole table, whose size grows
-- with every article ingested.
CREATE INDEX aliases_key ON aliases (alias_key);
