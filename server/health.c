/* health.c: liveness and readiness (see health.h). */
#include "bordercoop/health.h"

#include "bordercoop/alloc.h"
#include "bordercoop/version.h"

#include <stdio.h>
#include <string.h>

int bc_handle_healthz(bc_request *req, bc_response *res)
{
    int st = bc_reject_params(req, res);
    if (st != 0)
        return st;
    bc_buf_printf(&res->body, "{\"status\":\"ok\",\"version\":\"%s\"}", BC_VERSION);
    bc_response_header(res, "Cache-Control", "no-store");
    return res->status = 200;
}

int bc_handle_readyz(bc_request *req, bc_response *res)
{
    int st0 = bc_reject_params(req, res);
    if (st0 != 0)
        return st0;
    char why[1400];
    if (req->live != NULL && !bc_live_store_ok(req->live, why, sizeof why)) {
        /* the file at the store's path is not the one served: writes would be lost */
        snprintf(res->log_note, sizeof res->log_note, "%.255s", why);
        bc_problem(res, 503, "not_ready", NULL,
                   "the store file was deleted or replaced while being served");
        bc_response_header(res, "Cache-Control", "no-store");
        return 503;
    }
    char *version = NULL, *built = NULL;
    bc_err err;
    int rc = bc_store_meta_get(req->store, "content_version", &version, &err);
    if (rc == BC_OK)
        rc = bc_store_meta_get(req->store, "built_at", &built, &err);
    bc_response_header(res, "Cache-Control", "no-store");
    if (rc != BC_OK || version == NULL) {
        snprintf(res->log_note, sizeof res->log_note, "%.255s",
                 rc != BC_OK ? err.msg : "store has no content version");
        bc_free(version);
        bc_free(built);
        /* the problem keeps the no-store set above */
        return bc_problem(res, 503, "not_ready", NULL, "the store cannot be read");
    }
    bc_buf_puts(&res->body, "{\"status\":\"ready\",\"content_version\":");
    bc_buf_json_string(&res->body, version, strlen(version));
    bc_buf_puts(&res->body, ",\"built_at\":");
    bc_buf_json_string(&res->body, built ? built : "", built ? strlen(built) : 0);
    bc_buf_printf(&res->body, ",\"schema_version\":%d}", bc_store_latest_version());
    bc_free(version);
    bc_free(built);
    return res->status = 200;
}
