-- 0052: the change feed says in which curation sets a meeting is left out of the lists.
--
-- A meeting's curation alone does not say whether a set lists it: a known meeting's
-- extracted or reviewed twin is listed once, as the known meeting (0024), and a curated
-- plan that a reviewed account says was held is listed as that account (0049,
-- v_meeting_hidden). Approving the account took the plan out of GET
-- /v1/meetings?curation=trusted while GET /v1/changes?curation=trusted said only that the
-- account was added: a mirror following that feed listed the plan and the held meeting
-- as two meetings (analyst 14 #7). Every entry now records the sets that left its
-- meeting out before and after it (hidden_before, hidden_after: a JSON array of set
-- names, null for none or for a kind without such a rule), the baseline the sets that
-- left it out when the feed last reported it, and ?curation= restates an entry whose
-- meeting entered or left the set's list as `added` or `removed`. A meeting whose
-- document is unchanged but whose place in a list moved gets a `changed` entry with no
-- fields. Entries from before this migration carry null; the baseline is set to what the
-- sets leave out now.
ALTER TABLE changes ADD COLUMN hidden_before TEXT;
ALTER TABLE changes ADD COLUMN hidden_after TEXT;
ALTER TABLE change_baseline ADD COLUMN hidden TEXT;

-- The sets that leave meeting `id` out of their lists although its curation is in them,
-- as a JSON array in name order (null: none). 'extracted' lists every meeting the review
-- queue holds, a twin too (meetings.c, NOT_A_TWIN).
CREATE VIEW v_meeting_hidden_sets AS
SELECT m.id AS id,
       (SELECT CASE WHEN count(*) > 0 THEN json_group_array(name) END FROM
           (SELECT DISTINCT h.set_name AS name FROM v_meeting_hidden h JOIN curation_sets cs
            ON cs.name = h.set_name AND cs.curation = m.curation
            WHERE h.id = m.id AND h.set_name <> 'extracted' ORDER BY 1)) AS hidden
FROM meetings m;

UPDATE change_baseline SET hidden = (SELECT hidden FROM v_meeting_hidden_sets v
                                     WHERE v.id = change_baseline.id)
WHERE kind = 'meeting';
