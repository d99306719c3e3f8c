-- 0026: machine-read figures are linked like curated ones, and a republished article is
-- known.
--
-- * figure_overlaps covers every figure that is not rejected, under the rule of 0016
--   (parties and periods together), with one more rule on curations: a figure lists the
--   figures at least as trusted as it. A curated or reviewed figure lists curated and
--   reviewed ones; an extracted one lists those and other extracted ones. So nothing a
--   person vouched for changes while a machine-read figure awaits review, and two
--   approved statements of one quantity (an article and its republished copy) say
--   `same` of each other. Ingest and every review decision recompute the rows of the
--   figure they touch (figure_links.c); the loader computes the curated ones.
-- * v_figure_conflict_candidates: two such figures that are the `same` by parties and by
--   period (both stated) but give different values conflict. Curated conflicts stay
--   those data/ states; a computed one always involves a figure that is not curated,
--   and its note says it was found by comparing.
-- * overlaps and conflicts_with entries say the other figure's `curation`.
-- * sources.body_key: the SHA-256 of an article's text as a reader compares it (folded
--   case and diacritics, runs of white space as one space, without its first line when
--   it has more than one: the headline), so a republished copy with a new headline or a
--   changed case is found (ingest answers 409 duplicate_article).

DROP VIEW v_figure_overlap_candidates;
CREATE VIEW v_figure_overlap_candidates AS
SELECT figure_id, other_id,
       CASE WHEN by_period = 'unknown' THEN by_parties
            WHEN by_parties = by_period THEN by_parties
            WHEN by_parties = 'same' AND by_period IN ('includes', 'part_of') THEN by_period
            WHEN by_period = 'same' AND by_parties IN ('includes', 'part_of') THEN by_parties
            ELSE 'overlaps' END AS relation,
       by_parties, by_period
FROM (SELECT a.id AS figure_id, b.id AS other_id,
             CASE WHEN a_in_b AND b_in_a THEN 'same' WHEN b_in_a THEN 'includes'
                  ELSE 'part_of' END AS by_parties,
             CASE WHEN a.period_start IS NULL OR b.period_start IS NULL THEN 'unknown'
                  WHEN a.period_start = b.period_start AND a.period_end = b.period_end THEN 'same'
                  WHEN a.period_start <= b.period_start AND a.period_end >= b.period_end
                      THEN 'includes'
                  WHEN b.period_start <= a.period_start AND b.period_end >= a.period_end
                      THEN 'part_of'
                  ELSE 'overlaps' END AS by_period
      FROM (SELECT a.id AS aid, b.id AS bid,
                   NOT EXISTS (SELECT 1 FROM figure_parties x WHERE x.figure_id = a.id
                               AND x.province_id NOT IN (SELECT province_id FROM figure_parties
                                                         WHERE figure_id = b.id)) AS a_in_b,
                   NOT EXISTS (SELECT 1 FROM figure_parties x WHERE x.figure_id = b.id
                               AND x.province_id NOT IN (SELECT province_id FROM figure_parties
                                                         WHERE figure_id = a.id)) AS b_in_a
            FROM figures a JOIN figures b ON b.metric = a.metric AND b.unit = a.unit
                 AND b.id <> a.id
            WHERE a.curation <> 'rejected'
              AND (b.curation IN ('curated', 'reviewed')
                   OR (a.curation = 'extracted' AND b.curation = 'extracted'))
              AND (a.period_start IS NULL OR b.period_start IS NULL
                   OR (a.period_start <= b.period_end AND b.period_start <= a.period_end))) p
      JOIN figures a ON a.id = p.aid JOIN figures b ON b.id = p.bid
      WHERE p.a_in_b OR p.b_in_a);

CREATE VIEW v_figure_conflict_candidates AS
SELECT c.figure_id, c.other_id,
       'Another statement of the same quantity (the same metric, parties and period) gives '
           || CASE WHEN b.value = CAST(b.value AS INTEGER) THEN CAST(CAST(b.value AS INTEGER)
                                                                    AS TEXT)
                   ELSE CAST(b.value AS TEXT) END
           || ' ' || b.unit || ' (' || b.curation || '); found by comparing the two, not '
           || 'stated by a person.' AS note
FROM v_figure_overlap_candidates c
JOIN figures a ON a.id = c.figure_id JOIN figures b ON b.id = c.other_id
WHERE c.relation = 'same' AND c.by_period = 'same' AND a.value <> b.value
  AND NOT (a.curation = 'curated' AND b.curation = 'curated');

DROP VIEW v_figure_relations;
CREATE VIEW v_figure_relations AS
SELECT f.id,
    json((SELECT json_group_array(json_object(
            'id', o.id,
            'value', CASE WHEN o.value = CAST(o.value AS INTEGER) THEN CAST(o.value AS INTEGER)
                          ELSE o.value END,
            'qualifier', o.qualifier, 'period', o.period, 'note', fc.note,
            'curation', o.curation,
            'links', json_object('self', '/v1/figures/' || o.id)))
        FROM (SELECT * FROM figure_conflicts WHERE figure_id = f.id ORDER BY other_id) fc
        JOIN figures o ON o.id = fc.other_id)) AS conflicts_with,
    json((SELECT json_group_array(json_object(
            'id', o.id, 'relation', fo.relation, 'by_parties', fo.by_parties,
            'by_period', fo.by_period, 'period', o.period, 'curation', o.curation,
            'links', json_object('self', '/v1/figures/' || o.id)))
        FROM (SELECT * FROM figure_overlaps WHERE figure_id = f.id ORDER BY other_id) fo
        JOIN figures o ON o.id = fo.other_id)) AS overlaps
FROM figures f;

ALTER TABLE sources ADD COLUMN body_key TEXT;
CREATE INDEX sources_body_key ON sources (body_key) WHERE body_key IS NOT NULL;
