-- 0021: the change feed says how an entry moved its entity between curations.
--
-- Every entry records the entity's curation before and after it (null: the entity did
-- not exist then, or its kind has no curation: sources, provinces, people,
-- mechanisms). A client mirroring the trusted view asks GET /v1/changes?curation=trusted:
-- an approval reads as `added`, a rejection of a trusted fact as `removed`, entries of
-- facts outside the view are left out. Entries from before this migration carry null.
ALTER TABLE changes ADD COLUMN curation_before TEXT;
ALTER TABLE changes ADD COLUMN curation_after TEXT;
