/* rebuild.h: what `bordercoop load` carries from the store it replaces into the store it
 * builds from data/: the ingested articles and the audit log (review decisions,
 * re-datings, key changes), replayed in the order they happened.
 *
 * The order matters: an article is read against the facts the store held when it came
 * (a meeting a reviewer had corrected is the meeting a later article's talks are found
 * to be, or not; an article re-dated before another was ingested is linked by its new
 * date). Each ingested article records its place in the history (sources.log_seq: the
 * newest audit log entry when it was stored), so the rebuild ingests it after that entry
 * and before the next, with the date it had then (the first re-dating's "from", when it
 * was re-dated since), and replays each re-dating where the log has it. With the same
 * extractor the rebuilt store serves what the replaced one served; with another one a
 * decision whose fact is no longer read is orphaned (review.h), never applied to
 * another fact. */
#ifndef BORDERCOOP_REBUILD_H
#define BORDERCOOP_REBUILD_H

#include "bordercoop/err.h"
#include "bordercoop/review.h"
#include "bordercoop/store.h"

/* Carries the ingested articles and the audit log of `from` (any schema version since
 * the first: what it lacks is not carried, articles of a store without log_seq are
 * placed by their ingestion time) into `to`, freshly built from data/ with its keys
 * carried over (keys.h), replaying them in order (see above). stats (not NULL) says what
 * became of the decisions. The caller holds the writer lock and no transaction is open
 * on `to`; on failure the build is to be discarded. BC_ECONFLICT (a re-dating the
 * current extractor cannot replay: err names it), BC_ESTORE, BC_ENOMEM. */
int bc_rebuild_carry(bc_store *from, bc_store *to, bc_review_replay *stats, bc_err *err);

/* Test hook: called after each carried-over article is read into `to` (NULL, the
 * default: nothing), so a test can stand in for an extractor that reads it otherwise. */
extern void (*bc_rebuild_after_article)(bc_store *to, const char *source_id);

#endif
