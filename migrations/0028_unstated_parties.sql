-- 0028: a machine-read or reviewed figure whose parties the text does not state is no
-- part of any other figure.
--
-- Under 0026 a figure with no parties was a subset of every figure of its metric (no
-- party of it lies outside the other's), so approving "5.8 billion USD" with its parties
-- unstated made a curated Quang Ninh turnover say it `includes` it. Unstated parties are
-- unknown, not none: such a figure is linked to nothing by parties (and so conflicts with
-- nothing) until a reviewer names them. A curated figure without parties stays what data/
-- says it is (a total whose parties the curator left open on purpose).

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
              AND (a.curation = 'curated'
                   OR EXISTS (SELECT 1 FROM figure_parties x WHERE x.figure_id = a.id))
              AND (b.curation = 'curated'
                   OR EXISTS (SELECT 1 FROM figure_parties x WHERE x.figure_id = b.id))
              AND (b.curation IN ('curated', 'reviewed')
                   OR (a.curation = 'extracted' AND b.curation = 'extracted'))
              AND (a.period_start IS NULL OR b.period_start IS NULL
                   OR (a.period_start <= b.period_end AND b.period_start <= a.period_end))) p
      JOIN figures a ON a.id = p.aid JOIN figures b ON b.id = p.bid
      WHERE p.a_in_b OR p.b_in_a);

-- the links 0026 computed for such figures go
DELETE FROM figure_overlaps
WHERE figure_id IN (SELECT f.id FROM figures f WHERE f.curation <> 'curated'
                    AND NOT EXISTS (SELECT 1 FROM figure_parties x WHERE x.figure_id = f.id))
   OR other_id IN (SELECT f.id FROM figures f WHERE f.curation <> 'curated'
                   AND NOT EXISTS (SELECT 1 FROM figure_parties x WHERE x.figure_id = f.id));
DELETE FROM figure_conflicts
WHERE figure_id IN (SELECT f.id FROM figures f WHERE f.curation <> 'curated'
                    AND NOT EXISTS (SELECT 1 FROM figure_parties x WHERE x.figure_id = f.id))
   OR other_id IN (SELECT f.id FROM figures f WHERE f.curation <> 'curated'
                   AND NOT EXISTS (SELECT 1 FROM figure_parties x WHERE x.figure_id = f.id));
