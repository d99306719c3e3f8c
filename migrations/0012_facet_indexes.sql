-- 0012: indexes for the facets (?facets=) whose columns no index led yet, so that a
-- facet's grouped count walks an index in value order instead of sorting the table.
CREATE INDEX protocols_level ON protocols (level, id);
CREATE INDEX protocols_status ON protocols (status, id);
CREATE INDEX provinces_level ON provinces (level, id);
CREATE INDEX people_country ON people (country, id);
CREATE INDEX mechanisms_kind ON mechanisms (kind, id);
CREATE INDEX coop_events_curation ON coop_events (curation, id);
-- figures of a year are those whose period overlaps it (period_end >= start of the year
-- and period_start <= its end): a range on period_end after the curation every list
-- filters by (trusted by default), for counts over the whole set
CREATE INDEX figures_period_span ON figures (curation, period_end, period_start, id);
