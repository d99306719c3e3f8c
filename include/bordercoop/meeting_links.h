/* meeting_links.h: the known meeting an extracted meeting is (`same_as`) and what it
 * contradicts of it (meeting_conflicts, migration 0027), written by ingest and kept in
 * step by the review step: a rejected meeting is hidden (README, "reject"), so no meeting
 * stays the same as it. */
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

/* After meeting id's curation changed (inside the caller's transaction): when it is now
 * rejected, every meeting that was the same as it is linked again by ingest's rule, as if
 * id had never been read (to another known meeting of its mechanism and number: a curated
 * one, else a reviewed one, else the first extracted one that is no twin itself; an
 * unnumbered one to the one curated or reviewed meeting its date fits; else to none), and
 * its conflicts with id are replaced by those with the new one. Any other curation
 * changes nothing. When changed is not NULL it receives a new JSON array text (bc_free)
 * of the meetings linked again, for the change feed. BC_ESTORE or BC_ENOMEM. */
int bc_meeting_links_refresh(bc_store *s, const char *id, char **changed, bc_err *err);

#endif
