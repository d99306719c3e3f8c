/* feed.h: the issue-15 endpoints that are not collections: the change feed
 * (GET /v1/changes, GET /v1/changes.atom) and the bulk export (GET /v1/export.ndjson,
 * GET /v1/export/index.json); time series are series.h's. Each handler validates its
 * parameters (400 problem naming the parameter), reads req->store and fills res. */
#ifndef BORDERCOOP_FEED_H
#define BORDERCOOP_FEED_H

#include "bordercoop/request.h"
#include "bordercoop/response.h"

/* Most entries one /v1/changes page returns, and the default. */
#define BC_CHANGES_LIMIT_MAX     1000
#define BC_CHANGES_LIMIT_DEFAULT 100

/* The largest export the daemon builds in memory; bigger stores answer 507 and point
 * to `bordercoop export`. */
#define BC_EXPORT_HTTP_MAX (256u << 20)

/* GET /v1/changes?since=SEQ&limit=N&kind=K: entries after SEQ in order, with
 * links.next (the cursor to poll with) and meta.latest_seq. */
int bc_handle_changes(bc_request *req, bc_response *res);

/* GET /v1/changes.atom: the same entries as an RFC 4287 Atom feed, newest first. */
int bc_handle_changes_atom(bc_request *req, bc_response *res);

/* GET /v1/export.ndjson and GET /v1/export/index.json (export.h). */
int bc_handle_export(bc_request *req, bc_response *res);
int bc_handle_export_index(bc_request *req, bc_response *res);

#endif
