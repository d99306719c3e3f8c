/* apidoc.c: the /v1 index and the OpenAPI document (see apidoc.h). */
#include "bordercoop/apidoc.h"

#include "bordercoop/embed.h"
#include "bordercoop/resource.h"
#include "bordercoop/version.h"

int bc_handle_openapi(bc_request *req, bc_response *res)
{
    int st = bc_reject_params(req, res);
    if (st != 0)
        return st;
    res->content_type = "application/yaml";
    bc_buf_append(&res->body, bc_openapi[0].data, bc_openapi[0].len);
    res->cacheable = 1;
    return res->status = 200;
}

int bc_handle_index(bc_request *req, bc_response *res)
{
    int st = bc_reject_params(req, res);
    if (st != 0)
        return st;
    bc_buf *b = &res->body;
    bc_buf_printf(b, "{\"name\":\"bordercoop\",\"version\":\"%s\",", BC_VERSION);
    bc_buf_puts(b, "\"description\":\"Vietnam - China border-province cooperation: meetings, "
                   "trade figures, border gate projects and protocols, each traced to its "
                   "source sentence.\",\"links\":{");
    for (const bc_resource *const *r = bc_resources; *r != NULL; r++)
        bc_buf_printf(b, "\"%s\":\"/v1/%s\",", (*r)->name, (*r)->name);
    bc_buf_puts(b, "\"search\":\"/v1/search\",\"stats\":\"/v1/stats\","
                   "\"openapi\":\"/openapi.yaml\",\"health\":\"/healthz\","
                   "\"ready\":\"/readyz\"}}");
    res->cacheable = 1;
    return res->status = 200;
}
