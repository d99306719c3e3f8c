/* stats.c: GET /v1/stats (see stats.h): the summary of one curation set (curation.h). */
#include "bordercoop/stats.h"

#include "bordercoop/curation.h"

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
    (void)arena;
    for (const char *p = query; p != NULL && *p != '\0';) {
        const char *amp = strchr(p, '&');
        size_t n = amp != NULL ? (size_t)(amp - p) : strlen(p);
        if (n > 9 && strncmp(p, "curation=", 9) == 0) {
            const char *v = p + 9;
            size_t vn = n - 9;
            if ((vn == 3 && strncmp(v, "all", 3) == 0) ||
                (vn == 9 && strncmp(v, "extracted", 9) == 0))
                return 1;
        }
        p = amp != NULL ? amp + 1 : p + n;
    }
    return 0;
}
