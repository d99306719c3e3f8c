/* stats.c: GET /v1/stats (see stats.h): the summary of one curation set (curation.h). */
#include "bordercoop/stats.h"

#include "bordercoop/curation.h"
#include "bordercoop/query.h"

#include <stdio.h>
#include <string.h>

int bc_handle_stats(bc_request *req, bc_response *res)
{
    const char *curation = BC_CURATION_DEFAULT;
    int status = bc_curation_param(req, res, &curation);
    if (status != 0)
        return status;
    bc_err err;
    sqlite3_stmt *st;
    int rc = bc_store_stmt(req->store, "SELECT doc FROM v_stats WHERE curation = ?1", &st, &err);
    if (rc == BC_OK) {
        sqlite3_bind_text(st, 1, curation, -1, SQLITE_STATIC);
        const unsigned char *doc = NULL;
        if (sqlite3_step(st) == SQLITE_ROW && (doc = sqlite3_column_text(st, 0)) == NULL)
            rc = bc_err_set(&err, BC_ENOMEM, "out of memory reading stats");
        else if (doc != NULL)
            bc_buf_append(&res->body, doc, (size_t)sqlite3_column_bytes(st, 0));
        else
            rc = bc_store_error(req->store, &err, "reading stats");
        sqlite3_reset(st);
    }
    if (rc != BC_OK || bc_buf_failed(&res->body)) {
        return bc_problem_internal(res, rc != BC_OK ? err.msg : "out of memory",
                                   "the summary could not be built");
    }
    res->cacheable = 1;
    return res->status = 200;
}

int bc_stats_costly(const char *query, bc_arena *arena)
{
    bc_qpair *pairs;
    size_t n;
    bc_err err;
    if (query == NULL || query[0] == '\0' || bc_query_parse(query, arena, &pairs, &n, &err) != 0)
        return 0; /* a query the handler refuses costs nothing */
    for (size_t i = 0; i < n; i++)
        if (strcmp(pairs[i].key, "curation") == 0 &&
            (strcmp(pairs[i].value, "all") == 0 || strcmp(pairs[i].value, "extracted") == 0))
            return 1;
    return 0;
}
