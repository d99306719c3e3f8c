-- 0013: indexes the change feed needs to find, from an ingested article, the documents
-- that show one of its facts (bc_changes_record_source): the figures whose conflicts or
-- overlaps name a figure, and the meetings that are the same as a meeting.
CREATE INDEX figure_conflicts_other ON figure_conflicts (other_id, figure_id);
CREATE INDEX figure_overlaps_other ON figure_overlaps (other_id, figure_id);
CREATE INDEX meetings_same_as ON meetings (same_as) WHERE same_as IS NOT NULL;
