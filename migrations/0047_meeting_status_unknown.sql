-- 0045: a meeting's status may be `unknown`. A meeting an article names only as the time of
-- something else ("talks ahead of the 14th meeting", "为筹备第十七次会议", "voorafgaand aan de
-- 12e vergadering") comes after those talks, and the words say nothing of whether it has
-- taken place: it was stored `held` ("taken as held", analyst 11 N6), which then read as a
-- fact and could contradict a planned twin. Such a meeting, or a numbered meeting kept as a
-- cooperation event, is now `unknown` when no date against the publication date decides.
-- Widening a CHECK changes no stored row, so its text is edited in place as 0008 did.
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(sql, 'CHECK (status IN (''held'', ''planned''))',
                  'CHECK (status IN (''held'', ''planned'', ''unknown''))')
WHERE type = 'table' AND name = 'meetings';
PRAGMA writable_schema = RESET;

INSERT INTO vocab (field, value, label) VALUES
    ('meeting_status', 'unknown', 'not stated: named only as the time of something else'),
    ('coop_event_status', 'unknown', 'not stated: named only as the time of something else');
