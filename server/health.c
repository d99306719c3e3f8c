/* health.c: liveness, readiness, the API index and the OpenAPI document. */
#include "bordercoop/router.h"

#include "bordercoop/alloc.h"
#include "bordercoop/embed.h"
#include "bordercoop/resource.h"
#include "bordercoop/version.h"

#include <stdio.h>
#include <string.h>

int bc_handle_healthz(bc_request *req, bc_response *res)
{
    (void)req;
    bc_buf_printf(&res->body, "{\"status\":\"ok\",\"version\":\"%s\"}", BC_VERSION);
    bc_response_header(res, "Cache-Control", "no-store");
    return res->status = 200;
}

int bc_handle_readyz(bc_request *req, bc_response *res)
{
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
        int st = bc_problem(res, 503, "not_ready", NULL, "the store cannot be read");
        bc_response_header(res, "Cache-Control", "no-store");
        return st;
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

int bc_handle_openapi(bc_request *req, bc_response *res)
{
    (void)req;
    res->content_type = "application/yaml";
    bc_buf_append(&res->body, bc_openapi[0].data, bc_openapi[0].len);
    res->cacheable = 1;
    return res->status = 200;
}

int bc_handle_index(bc_request *req, bc_response *res)
{
    (void)req;
    bc_buf *b = &res->body;
    bc_buf_printf(b, "{\"name\":\"bordercoop\",\"version\":\"%s\",", BC_VERSION);
    bc_buf_puts(b, "\"description\":\"Vietnam - China border-province cooperation: meetings, "
                   "trade figures, border gate projects and protocols, each traced to its "
                   "source sentence.\",\"links\":{");
    for (const bc_resource *const *r = bc_resources; *r != NULL; r++)
        bc_buf_printf(b, "\"%s\":\"/v1/%s\",", (*r)->name, (*r)->name);
    bc_buf_puts(b, "\"openapi\":\"/openapi.yaml\",\"health\":\"/healthz\","
                   "\"ready\":\"/readyz\"}}");
    res->cacheable = 1;
    return res->status = 200;
}
