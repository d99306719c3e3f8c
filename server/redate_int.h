/* redate_int.h: what redate.c and redate_ids.c share: a re-read article's facts keep the
 * ids they had (a fact that reads the same, or is told in the same place). Not a public
 * contract. */
#ifndef BORDERCOOP_REDATE_INT_H
#define BORDERCOOP_REDATE_INT_H

#include "bordercoop/err.h"
#include "bordercoop/store.h"

#include <jansson.h>

/* What an article's facts were before a re-read: its projects' events and its own
 * figures, meetings and cooperation events, each with its reading and place. */
typedef struct redate_ids {
    json_t *events;
    json_t *own[3];
    json_t *stored; /* {figure id: its place in stored order (figures.stored)} */
} redate_ids;

/* Takes the article's (source_id) facts as they are now into *snap (freed with
 * redate_ids_free, also after a failure). BC_ESTORE or BC_ENOMEM. */
int redate_ids_take(bc_store *s, const char *source_id, redate_ids *snap, bc_err *err);

/* After the article was read again: each fact read again that reads as one of snap, or is
 * told in the same place, takes that one's id back (keep_event_ids, keep_own_ids in
 * redate_ids.c), and a figure that has its id back its place in stored order (keep_places),
 * so that the lists of the figures it overlaps show it where they did. Inside the caller's
 * transaction. BC_ESTORE or BC_ENOMEM. */
int redate_ids_keep(bc_store *s, const char *source_id, const redate_ids *snap, bc_err *err);

/* Releases what snap holds; snap may be zeroed or NULL. */
void redate_ids_free(redate_ids *snap);

#endif
