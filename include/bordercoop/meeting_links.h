/* meeting_links.h: the known meeting an extracted meeting is (`same_as`) and what it
 * contradicts of it (meeting_conflicts, migration 0027), written by ingest and kept in
 * step by the review step: a rejected meeting is hidden (README, "reject"), so no meeting
 * stays the same as it, and one approved again is linked as if it had never been rejected. */
#ifndef BORDERCOOP_MEETING_LINKS_H
#define BORDERCOOP_MEETING_LINKS_H

#include "bordercoop/err.h"
#include "bordercoop/store.h"

/* Compares meeting id with the meeting other it is the same as and, when its status, date
 * or host contradicts other's, records the conflict with a note giving both sides.
 * published_on (borrowed, may be NULL) is the publication date of id's article: a meeting
 * it gives as planned that other says was held after that date is no contradiction. Runs
 * inside the caller's transaction. BC_ESTORE or BC_ENOMEM. */
int bc_meeting_conflict_record(bc_store *s, const char *id, const char *other,
                               const char *published_on, bc_err *err);

/* Records every conflict of meeting id (extracted or reviewed, its conflicts not yet
 * written): with same_as (borrowed, may be NULL or empty: none), the meeting it is the
 * same as, and with each other reviewed meeting of its mechanism and number, so that two
 * approved accounts of one meeting that disagree on its date or host show it, both
 * ways. published_on as bc_meeting_conflict_record. Inside the caller's transaction.
 * BC_ESTORE or BC_ENOMEM. */
int bc_meeting_conflicts_write(bc_store *s, const char *id, const char *same_as,
                               const char *published_on, bc_err *err);

/* After a decision on meeting id (inside the caller's transaction): the meetings of its
 * mechanism and number, and those of the group of every meeting that was the same as it,
 * are linked again by ingest's rule read from the curations alone, so that the links never
 * depend on the order of the decisions (a meeting rejected, then approved, is linked as if
 * it had only been approved). In a numbered group every extracted or reviewed meeting is
 * the same as its head: a curated one, else a reviewed one (the first by id of either),
 * else the extracted one the others follow, else the first extracted one; the head is the
 * same as none. An unnumbered one is the same as the one curated or reviewed meeting of
 * its mechanism its date fits, if that one is not the same as it. A rejected meeting is
 * never a head and keeps its own link; curated meetings are never changed. Each relinked
 * meeting's conflicts are written again against its new head. When changed is not NULL it
 * receives a new JSON array text (bc_free) of the meetings, other than id, whose link or
 * conflicts changed, for the change feed (NULL when none). BC_ESTORE or BC_ENOMEM. */
int bc_meeting_links_refresh(bc_store *s, const char *id, char **changed, bc_err *err);

#endif
