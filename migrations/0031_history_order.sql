-- 0031: where each ingested article stands in the store's history, so that a rebuild
-- (bordercoop load, rebuild.c) replays ingests, re-datings and review decisions in the
-- order they happened: an article is read against the facts as they were when it came
-- (a meeting a reviewer had corrected, an article re-dated before it), and a rebuild
-- that read it against the final state of every other article would give another store.
-- log_seq is the newest audit log entry (review_log.seq, 0 for none) when the article
-- was stored. Articles stored before this migration get the newest entry made before
-- the second they were ingested (the times are to the second, so this is a best guess
-- for entries of that same second: they count as after it).
ALTER TABLE sources ADD COLUMN log_seq INTEGER;
UPDATE sources SET log_seq = (SELECT coalesce(max(seq), 0) FROM review_log
                              WHERE review_log.at < sources.ingested_at)
WHERE origin = 'ingested';
