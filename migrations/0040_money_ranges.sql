-- 0040: a range of money ("between USD 2 billion and USD 2.5 billion", "2-2,5 tỷ USD",
-- "20亿至25亿美元") is two figures, its lower end (qualifier `range_low`) and its upper end
-- (`range_high`), each quoting the sentence that states the range, neither `exact`.
-- Before, the ends were two `exact` figures of one quantity that disagreed, so each was in
-- the other's conflicts_with, and "2-2.5 billion USD" lost its lower end (analyst 9, F2).
--
-- A computed conflict (v_figure_conflict_candidates, kept in step with figure_links.c)
-- compares an end of a range with the same end of another range only, and with a figure
-- that is no end of a range only when that figure lies outside it: below its lower end or
-- above its upper end. The two ends of a range, and a later copy of the same range, are
-- never in conflict. The note says which end the other figure is.
INSERT OR IGNORE INTO vocab (field, value, label) VALUES
    ('qualifier', 'range_low', 'the lower end of a range the source states'),
    ('qualifier', 'range_high', 'the upper end of a range the source states');

DROP VIEW v_figure_conflict_candidates;
CREATE VIEW v_figure_conflict_candidates AS
SELECT c.figure_id, c.other_id,
       'Another statement of the same quantity (the same metric, parties and period) gives '
           || CASE WHEN b.value = CAST(b.value AS INTEGER) THEN CAST(CAST(b.value AS INTEGER)
                                                                    AS TEXT)
                   ELSE CAST(b.value AS TEXT) END
           || ' ' || b.unit
           || CASE b.qualifier WHEN 'range_low' THEN ' as the lower end of a range'
                               WHEN 'range_high' THEN ' as the upper end of a range'
                               ELSE '' END
           || ' (' || b.curation || '); found by comparing the two, not '
           || 'stated by a person.' AS note
FROM v_figure_overlap_candidates c
JOIN figures a ON a.id = c.figure_id JOIN figures b ON b.id = c.other_id
WHERE c.relation = 'same' AND c.by_period = 'same' AND a.value <> b.value
  AND NOT (a.curation = 'curated' AND b.curation = 'curated')
  AND (CASE WHEN a.qualifier IN ('range_low', 'range_high')
                 AND b.qualifier IN ('range_low', 'range_high') THEN a.qualifier = b.qualifier
            WHEN a.qualifier = 'range_low' THEN b.value < a.value
            WHEN a.qualifier = 'range_high' THEN b.value > a.value
            WHEN b.qualifier = 'range_low' THEN a.value < b.value
            WHEN b.qualifier = 'range_high' THEN a.value > b.value
            ELSE 1 END);
