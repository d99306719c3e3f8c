/* review_api.h: the review step over HTTP. Every route needs "Authorization: Bearer
 * <key>" with role review or admin (auth.h); answers are never cached (no-store).
 *
 *   GET  /v1/review                 extracted facts awaiting review, oldest first, with
 *                                   their quotes (?kind= &source= &limit= &offset=)
 *   GET  /v1/review/{kind}/{id}     one fact, its state and every decision on it
 *   POST /v1/review/{kind}/{id}     {"action": "approve" | "reject" | "edit",
 *                                    "fields": {...}, "note": "..."}: the decision, made
 *                                   by the key's owner
 *   GET  /v1/review/log             the audit log, newest first: decisions and key
 *                                   changes (?kind= (or keys) &fact_id= &reviewer=
 *                                   &status=applied|orphaned &limit= &offset=)
 *
 * {kind} is figures, meetings or border-gate-projects. The POST runs on the writer
 * (review.h: one transaction, the log entry, the change feed, a new content version). */
#ifndef BORDERCOOP_REVIEW_API_H
#define BORDERCOOP_REVIEW_API_H

#include "bordercoop/buf.h"
#include "bordercoop/err.h"
#include "bordercoop/request.h"
#include "bordercoop/response.h"
#include "bordercoop/review.h"

int bc_handle_review_queue(bc_request *req, bc_response *res);
int bc_handle_review_fact(bc_request *req, bc_response *res);
int bc_handle_review_decide(bc_request *req, bc_response *res);
int bc_handle_review_log(bc_request *req, bc_response *res);

/* The body GET /v1/review serves for query q, as reader `reviewer` (borrowed): data,
 * meta (count, limit, offset, total, pending, reviewer) and links, appended to out; the
 * same document `bordercoop review list --json` prints. 0 or the store's error. */
int bc_review_queue_doc(bc_store *s, const bc_review_query *q, const char *reviewer, bc_buf *out,
                        bc_err *err);

/* The body GET /v1/review/log serves for query q (data, meta, links), appended to out;
 * also `bordercoop review log --json`. 0 or the store's error. */
int bc_review_log_doc(bc_store *s, const bc_review_log_query *q, bc_buf *out, bc_err *err);

#endif
