/* health.c: liveness, readiness, the API index and the OpenAPI document. */
#include "bordercoop/router.h"

#include "bordercoop/alloc.h"
#include "bordercoop/embed.h"
#include "bordercoop/metrics.h"
#include "bordercoop/query.h"
#include "bordercoop/resource.h"
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

int bc_handle_stats(bc_request *req, bc_response *res)
{
    int status = bc_reject_params(req, res);
    if (status != 0)
        return status;
    bc_err err;
    sqlite3_stmt *st;
    int rc = bc_store_stmt(req->store, "SELECT doc FROM v_stats", &st, &err);
    if (rc == BC_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            bc_buf_append(&res->body, sqlite3_column_text(st, 0),
                          (size_t)sqlite3_column_bytes(st, 0));
        else
            rc = bc_store_error(req->store, &err, "reading stats");
        sqlite3_reset(st);
    }
    if (rc != BC_OK || bc_buf_failed(&res->body)) {
        snprintf(res->log_note, sizeof res->log_note, "%.255s",
                 rc != BC_OK ? err.msg : "out of memory");
        return bc_problem(res, 500, "internal_error", NULL, "the summary could not be built");
    }
    res->cacheable = 1;
    return res->status = 200;
}

int bc_handle_metrics(bc_request *req, bc_response *res)
{
    int status = bc_reject_params(req, res);
    if (status != 0)
        return status;
    res->content_type = "text/plain; version=0.0.4";
    bc_metrics_render(&res->body);
    bc_response_header(res, "Cache-Control", "no-store");
    if (bc_buf_failed(&res->body))
        return bc_problem(res, 500, "internal_error", NULL, "out of memory");
    return res->status = 200;
}

/* ---- the dashboard ------------------------------------------------------------------ */

static const bc_embedded *web_file(const char *name)
{
    for (size_t i = 0; i < bc_web_count; i++)
        if (bc_web[i].name != NULL && strcmp(bc_web[i].name, name) == 0)
            return &bc_web[i];
    return NULL;
}

static const char *media_type(const char *name)
{
    static const struct {
        const char *ext, *type;
    } TYPES[] = {
        {".html", "text/html"},       {".js", "text/javascript"}, {".mjs", "text/javascript"},
        {".css", "text/css"},         {".svg", "image/svg+xml"},  {".png", "image/png"},
        {".ico", "image/x-icon"},     {".woff2", "font/woff2"},   {".json", "application/json"},
        {".map", "application/json"}, {".txt", "text/plain"},     {".webp", "image/webp"},
    };
    const char *dot = strrchr(name, '.');
    for (size_t i = 0; dot != NULL && i < sizeof TYPES / sizeof TYPES[0]; i++)
        if (strcmp(dot, TYPES[i].ext) == 0)
            return TYPES[i].type;
    return "application/octet-stream";
}

/* Bundlers name assets after their content ("index-BxYz12ab.js"): such a name never
 * changes meaning, so browsers may keep it for good. */
static int content_named(const char *name)
{
    const char *dash = strrchr(name, '-'), *dot = strrchr(name, '.');
    if (dash == NULL || dot == NULL || dot < dash || dot - dash - 1 < 8)
        return 0;
    for (const char *p = dash + 1; p < dot; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              *p == '_'))
            return 0;
    return 1;
}

static int send_web_file(bc_response *res, const bc_embedded *f)
{
    res->content_type = media_type(f->name);
    bc_buf_append(&res->body, f->data, f->len);
    if (bc_buf_failed(&res->body))
        return bc_problem(res, 500, "internal_error", NULL, "out of memory");
    if (content_named(f->name))
        bc_response_header(res, "Cache-Control", "public, max-age=31536000, immutable");
    else
        bc_response_header(res, "Cache-Control", "no-cache"); /* always revalidate (ETag) */
    res->cacheable = 1;
    return res->status = 200;
}

int bc_handle_root(bc_request *req, bc_response *res)
{
    const bc_embedded *page = req->wants_html ? web_file("index.html") : NULL;
    if (page == NULL)
        return bc_handle_index(req, res); /* API clients get the JSON index */
    int st = bc_reject_params(req, res);
    if (st != 0)
        return st;
    return send_web_file(res, page);
}

int bc_handle_asset(bc_request *req, bc_response *res)
{
    int st = bc_reject_params(req, res);
    if (st != 0)
        return st;
    const char *name = req->path + 1; /* "assets/..." */
    const bc_embedded *f = strstr(name, "..") == NULL ? web_file(name) : NULL;
    if (f == NULL)
        return bc_problem(res, 404, "not_found", NULL, "no dashboard file at '%.200s'", req->path);
    return send_web_file(res, f);
}
