/* review.h: the review step for machine-read facts. A fact extracted from an ingested
 * article (curation "extracted") waits in the queue until a reviewer approves it (then
 * "reviewed", counted like curated facts), rejects it ("rejected": hidden, kept for
 * audit) or corrects it ("edit": the corrected fields are validated as the loader
 * validates data/, then "reviewed"). Every decision is appended to review_log with who
 * (the key's owner), when, from which state to which, and what changed.
 *
 * Rebuilds: `bordercoop load` re-extracts every ingested article and replays the log, each
 * ingest, re-dating and decision in the order they happened (rebuild.h). A decision is applied
 * again only to the fact it was made on: the same kind, from the same article, with the same quoted
 * spans and the same extracted values (its fingerprint). When no such fact exists any more (the
 * extractor now reads the sentence differently, or not at all), the decision stays in the log and
 * is reported as orphaned with the reason; it is never applied to another fact. */
#ifndef BORDERCOOP_REVIEW_H
#define BORDERCOOP_REVIEW_H

#include "bordercoop/buf.h"
#include "bordercoop/err.h"
#include "bordercoop/store.h"

#include <jansson.h>

/* What can be reviewed. */
typedef enum bc_review_kind {
    BC_REVIEW_FIGURE = 0,
    BC_REVIEW_MEETING = 1,
    BC_REVIEW_PROJECT = 2,
    BC_REVIEW_EVENT = 3,         /* a cooperation event (talks read from an article) */
    BC_REVIEW_PROJECT_EVENT = 4, /* a `reported` event of a project */
    BC_REVIEW_NKINDS
} bc_review_kind;

/* Parses a kind by its collection ("figures", "meetings", "border-gate-projects",
 * "events", "project-events", as in the API's paths) or its singular ("figure",
 * "meeting", "project", "event", "project_event"). 0 or BC_EINVAL naming the allowed
 * ones. */
int bc_review_kind_parse(const char *s, bc_review_kind *out, bc_err *err);
/* "figure", "meeting", "project", "event", "project_event": the stored kind (static). */
const char *bc_review_kind_name(bc_review_kind k);
/* "figures", "meetings", "border-gate-projects", "events", "project-events": the API
 * collection (static). */
const char *bc_review_kind_collection(bc_review_kind k);

/* Appends the path where fact id of kind k is served to out ("/v1/events/ID"; a
 * project's event is served in its project's document: "/v1/border-gate-projects/P").
 * BC_ENOTFOUND when there is no such fact. */
int bc_review_fact_path(bc_store *s, bc_review_kind k, const char *id, bc_buf *out, bc_err *err);

typedef enum bc_review_action {
    BC_REVIEW_APPROVE = 0, /* extracted or rejected -> reviewed */
    BC_REVIEW_REJECT = 1,  /* extracted or reviewed -> rejected */
    BC_REVIEW_EDIT = 2,    /* extracted, reviewed or rejected -> reviewed, with corrections */
} bc_review_action;

/* "approve", "reject", "edit" <-> the action; parse gives BC_EINVAL otherwise. */
int bc_review_action_parse(const char *s, bc_review_action *out, bc_err *err);
const char *bc_review_action_name(bc_review_action a);

/* One decision to make. Everything is borrowed for the call. */
typedef struct bc_review_request {
    bc_review_kind kind;
    const char *fact_id;
    bc_review_action action;
    json_t *fields;       /* edit: the corrected fields, named as in the data/facts files */
    const char *note;     /* optional: why, shown in the log (at most 2000 bytes) */
    const char *reviewer; /* who decides: the key's owner, or "cli:<user>" */
    const char *via;      /* "api" or "cli" */
    /* NULL, or the value of an If-Match header: the decision is made only when one of its
     * entity tags is the fact's version now ("\"<version>\"", strong comparison: a weak
     * tag never matches) or it is "*" */
    const char *if_match;
} bc_review_request;

/* A fact's review version: 16 hex digits of a hash of its curation, its values and quotes
 * (the fingerprint) and its latest decision, so any decision, edit or re-reading of the
 * fact since it was read gives another one. Served as the ETag of
 * GET /v1/review/{kind}/{id} and as "version" in the queue. */
#define BC_REVIEW_VERSION_LEN 16

/* The version of fact id of kind k in s into version. BC_ENOTFOUND when there is no such
 * fact, BC_ESTORE, BC_ENOMEM. */
int bc_review_version(bc_store *s, bc_review_kind k, const char *id,
                      char version[BC_REVIEW_VERSION_LEN + 1], bc_err *err);

typedef struct bc_review_result {
    long long seq;  /* the decision's log entry */
    char from[16];  /* curation before */
    char to[16];    /* and after */
    char field[80]; /* on BC_EINVAL: the offending field ("fields.value"), else "" */
    char content_version[65];
    /* the fact's review version after the decision; when the request's if_match named
     * another (stale = 1, BC_ECONFLICT, nothing written) the version it has now */
    char version[BC_REVIEW_VERSION_LEN + 1];
    int stale;
    /* the documents beside the fact compared with the change feed's baseline after the
     * decision, and how many of them got an entry (bc_changes_record_docs_after) */
    int feed_compared;
    int feed_entries;
} bc_review_result;

/* The fields an edit of kind may correct, comma-separated (static). */
const char *bc_review_editable(bc_review_kind k);

/* Makes the decision rq in the writer store w: checks the fact's state, validates an
 * edit's fields, applies it, appends the log entry and moves the content version, all
 * in one transaction under the store's writer lock. On failure nothing is written and:
 * BC_ENOTFOUND (no such fact), BC_ECONFLICT (a curated fact, or the fact's state does
 * not allow the action: the message says who decided what last; or rq->if_match does not
 * name the fact's version: out->stale), BC_EINVAL (a bad field or note: out->field names
 * it), BC_EIO or BC_ESTORE. */
int bc_review_decide(bc_store *w, const bc_review_request *rq, bc_review_result *out, bc_err *err);

/* The review queue: extracted facts awaiting a decision, in the order their articles
 * arrived (the ingestion sequence, which rebuilds keep), each article's facts in
 * reading order. */
typedef struct bc_review_query {
    int kind;              /* a bc_review_kind, or -1 for all */
    const char *source_id; /* only this article's facts, or NULL */
    int limit;             /* 1..500 */
    int offset;
} bc_review_query;

/* Appends the queue page as a JSON array to items: for each fact its kind, id, the
 * article it came from (with who ingested it and when) and its full document with the
 * quotes. *count gets the page's length, pending[k] the number waiting of each kind
 * from q->source_id's article (all articles when NULL), whatever the kind filter and
 * the page. */
int bc_review_pending(bc_store *s, const bc_review_query *q, bc_buf *items, size_t *count,
                      long long pending[BC_REVIEW_NKINDS], bc_err *err);

/* The audit log, newest first: review decisions and key changes (keys.c: action
 * key_add or key_revoke, kind "key", fact_id the key's owner, reviewer who did it, the
 * role in changes) and re-datings (redate.h: action redate, kind "source", fact_id the
 * article, the date in changes). */
#define BC_REVIEW_LOG_KEYS    (-2) /* bc_review_log_query.kind: only key changes */
#define BC_REVIEW_LOG_SOURCES (-3) /* only articles' new publication dates (redate.h) */
typedef struct bc_review_log_query {
    int kind;             /* a bc_review_kind, BC_REVIEW_LOG_KEYS or _SOURCES, or -1 for all */
    const char *fact_id;  /* or NULL */
    const char *reviewer; /* or NULL */
    const char *status;   /* "applied", "orphaned" or NULL */
    int limit;            /* 1..500 */
    int offset;
} bc_review_log_query;

/* Appends the log page as a JSON array to items (each entry: seq, at, reviewer, via,
 * action, kind, fact_id, source_id, from, to, changes, note, status, applied_to,
 * orphan_reason, links); *count the page's length, *total the entries matching. */
int bc_review_log(bc_store *s, const bc_review_log_query *q, bc_buf *items, size_t *count,
                  long long *total, bc_err *err);

/* Appends the document of fact id of kind k, as the API serves it, to out. BC_ENOTFOUND
 * when there is no such fact. */
int bc_review_fact(bc_store *s, bc_review_kind k, const char *id, bc_buf *out, bc_err *err);

/* Appends the document of one log entry (as in bc_review_log) to out. BC_ENOTFOUND
 * when there is no entry seq. */
int bc_review_log_entry(bc_store *s, long long seq, bc_buf *out, bc_err *err);

/* What a rebuild did with the decisions it carried over. */
typedef struct bc_review_replay {
    int decisions; /* carried over */
    int applied;
    int orphaned;
} bc_review_replay;

/* For a rebuild (rebuild.h, which puts each entry in its place among the ingests): the
 * columns of one audit log entry, in the order bc_review_log_copy takes them. */
#define BC_REVIEW_LOG_COLUMNS                                                                      \
    "seq, at, reviewer, via, action, kind, fact_id, source_id, fingerprint, from_curation, "       \
    "to_curation, changes, note"

/* Enters the audit log entry of row (a row of SELECT BC_REVIEW_LOG_COLUMNS FROM review_log
 * on the store being replaced) into to's log with its seq, inside the caller's
 * transaction. BC_ESTORE. */
int bc_review_log_copy(bc_store *to, sqlite3_stmt *row, bc_err *err);

/* Replays the carried-over entry seq of to's log, inside the caller's transaction: a
 * decision is applied to the fact with its fingerprint, or recorded as orphaned with the
 * reason; a key change or a re-dating (done by the caller: bc_redate_replay) is recorded
 * as applied. stats (not NULL) counts applied and orphaned decisions. BC_ENOTFOUND,
 * BC_ESTORE, BC_ENOMEM. */
int bc_review_replay_entry(bc_store *to, long long seq, bc_review_replay *stats, bc_err *err);

/* Ends a rebuild's carry-over of the log, in a transaction of its own: a log from before
 * key changes were logged gets them from the carried-over keys; stats is set to what the
 * decisions' outcomes are now (decisions, applied, orphaned), and the content version
 * moves when any applied. */
int bc_review_carry_finish(bc_store *to, bc_review_replay *stats, bc_err *err);

/* After the facts of article source_id were read again (redate.h), inside the caller's
 * transaction on s: replays every decision made on its facts (review_log.source_id), in
 * log order, as a rebuild does (each on the fact with its fingerprint, or orphaned), and
 * rewrites their outcomes; stats counts them. Each decision that applied to a fact before
 * and is orphaned now is appended to lost (may be NULL) as {"seq", "kind", "id" (the fact
 * it applied to), "reason"}. BC_ESTORE or BC_ENOMEM. */
int bc_review_replay_source(bc_store *s, const char *source_id, bc_review_replay *stats,
                            json_t *lost, bc_err *err);

#endif
