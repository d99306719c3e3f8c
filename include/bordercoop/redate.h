/* redate.h: giving an ingested article its publication date after the fact, or correcting
 * a wrong one (PATCH /v1/sources/{id}, redate_api.h). The date is stored and the article's
 * facts are read again with it, as a fresh ingest of the article with that date would
 * read them (the same ids, links and counts), in one transaction under the writer lock.
 *
 * Reviewed facts are never lost or silently changed: every review decision made on the
 * article's facts is applied again to the re-read fact it was made on (its fingerprint:
 * kind, quoted spans, extracted values), as a rebuild does. When a decided fact would read
 * differently with the new date (a reviewed meeting that would get a date), nothing is
 * written and the answer names the facts (BC_ECONFLICT, "reviewed_facts"): a reviewer
 * corrects them with an edit instead. Links other articles' facts hold to its facts (a
 * meeting `same_as` one of its meetings, an event of a crossing it reported) must survive
 * the re-read, else nothing is written ("linked_facts"). The audit log records who changed
 * the date, when, from what to what (review_log: action redate, kind source); the change
 * feed records every document that changed; the content version moves (new ETags). */
#ifndef BORDERCOOP_REDATE_H
#define BORDERCOOP_REDATE_H

#include "bordercoop/err.h"
#include "bordercoop/ingest.h"
#include "bordercoop/store.h"

#include <jansson.h>

typedef struct bc_redate_input {
    const char *source_id;    /* the article's id (borrowed) */
    const char *published_on; /* YYYY, YYYY-MM or YYYY-MM-DD, not after today; NULL: none */
    const char *note;         /* optional: why, in the audit log (at most 2000 bytes) */
    const char *actor;        /* who: a key's owner or "cli:<user>" */
    const char *via;          /* "api" or "cli" */
} bc_redate_input;

typedef struct bc_redate_result {
    int changed;           /* 0: the article already had that date; nothing was written */
    char from[11];         /* the date before ("" when none) */
    char to[11];           /* and after */
    bc_ingest_result read; /* what the re-read stored (all 0 when unchanged) */
    int decisions;         /* review decisions applied again to the re-read facts */
    long long seq;         /* the audit log entry (0 when unchanged) */
    char at[24];           /* its time */
    char content_version[65];
    char field[16]; /* BC_EINVAL: "published_on" or "note" */
    /* BC_ECONFLICT: "curated_source", "reviewed_facts" or "linked_facts"; else "" */
    char conflict[24];
    /* changed: the article's facts before and after, [{"kind", "id", "curation",
     * "outcome": "unchanged" | "changed" | "added" | "removed", "fields": [the top-level
     * fields of its document that changed]}]; BC_ECONFLICT: the facts in the way,
     * [{"kind", "id", "reason", ...}]; else NULL. Owned: bc_redate_result_free. */
    json_t *facts;
} bc_redate_result;

/* Gives the ingested article in->source_id the publication date in->published_on in the
 * writer store w and reads its facts again (see above); fills out. A date equal to the
 * stored one writes nothing (out->changed 0). On failure nothing is written and:
 * BC_EINVAL (a malformed or future date, a bad note: err names published_on or note),
 * BC_ENOTFOUND (no such source), BC_ECONFLICT (out->conflict says why, out->facts names
 * what), BC_EBUSY (another writer held the store), BC_EIO, BC_ESTORE, BC_ENOMEM. */
int bc_redate(bc_store *w, const bc_redate_input *in, bc_redate_result *out, bc_err *err);

/* For a rebuild (rebuild.h): gives the carried-over article source_id of the store being
 * rebuilt, `to`, the date published_on (NULL: none) and reads its facts again, as the
 * audit log's entry seq (already in to's log, made at `at`) did, inside the caller's
 * transaction; the caller holds the writer lock. The decisions on its facts are applied
 * again or orphaned (bc_review_replay_source); no audit entry and no change feed entry are
 * written. BC_ECONFLICT when facts of other articles would link to facts the re-read no
 * longer gives (the extractor changed since: err names the article and the entry),
 * BC_ENOTFOUND, BC_ESTORE, BC_ENOMEM. */
int bc_redate_replay(bc_store *to, const char *source_id, const char *published_on, long long seq,
                     const char *at, bc_err *err);

/* Releases what out holds (not out itself); a zeroed result is fine. */
void bc_redate_result_free(bc_redate_result *out);

#endif
