-- 0044: the metric and category facets of /v1/figures count from an index that holds the
-- curation too. Every list filters by curation (trusted by default), and the facet's walk
-- of figures_sort_metric looked each figure up in the table for it: 240 ms for the metric
-- facet of a 200,000-figure store, at the request budget (503), 24 ms from these
-- (analyst 11, F12).
CREATE INDEX figures_facet_metric ON figures (metric, curation);
CREATE INDEX figures_facet_category ON figures (category, curation);
