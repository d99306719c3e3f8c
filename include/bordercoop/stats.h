/* stats.h: GET /v1/stats, the dashboard's summary (counts, turnover by pair and year,
 * latest and next meetings), read whole from the store's v_stats view: the row of the
 * `curation=` set asked for, `trusted` (what a person vouched for) by default. */
#ifndef BORDERCOOP_STATS_H
#define BORDERCOOP_STATS_H

#include "bordercoop/request.h"
#include "bordercoop/response.h"

int bc_handle_stats(bc_request *req, bc_response *res);

/* Whether the raw query asks for a set with machine-read facts (curation=all or
 * extracted): its summary grows with every ingest, so it is built on the bulk thread, not
 * the summary thread the trusted summary keeps to itself (a bc_costly_fn: the query is
 * decoded as the handler decodes it, bc_query_parse, into the arena). */
int bc_stats_costly(const char *query, bc_arena *arena);

#endif
