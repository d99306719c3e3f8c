/* dashboard.c: the dashboard's page and assets (see dashboard.h). */
#include "bordercoop/dashboard.h"

#include "bordercoop/apidoc.h"

#include <string.h>

static const bc_embedded *web_files;
static size_t web_count;

void bc_dashboard_install(const bc_embedded *files, size_t n)
{
    web_files = files;
    web_count = files != NULL ? n : 0;
}

static const bc_embedded *web_file(const char *name)
{
    for (size_t i = 0; i < web_count; i++)
        if (web_files[i].name != NULL && strcmp(web_files[i].name, name) == 0)
            return &web_files[i];
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
        return bc_problem_internal(res, NULL, "out of memory");
    if (content_named(f->name))
        bc_response_header(res, "Cache-Control", "public, max-age=31536000, immutable");
    else
        bc_response_header(res, "Cache-Control", "no-cache"); /* always revalidate (ETag) */
    res->cacheable = 1;
    return res->status = 200;
}

/* What browsers get from a daemon built without the bundle (no Node on the build
 * machine): the API works, the page says how to get the dashboard. */
static const char NOT_BUILT[] =
    "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<title>bordercoop: dashboard not built</title></head><body>\n"
    "<h1>The dashboard was not built</h1>\n"
    "<p>This bordercoopd was built without Node, so it has no dashboard. The API is "
    "served as usual: see <a href=\"/v1\">/v1</a> and <a href=\"/openapi.yaml\">"
    "/openapi.yaml</a>.</p>\n"
    "<p>To include the dashboard, install node (18 or later) and npm (<code>make deps</code> "
    "does, as root) and run <code>make build</code> again.</p>\n</body></html>\n";

int bc_handle_root(bc_request *req, bc_response *res)
{
    if (!req->wants_html)
        return bc_handle_index(req, res); /* API clients get the JSON index */
    int st = bc_reject_params(req, res);
    if (st != 0)
        return st;
    const bc_embedded *page = web_file("index.html");
    if (page != NULL)
        return send_web_file(res, page);
    res->content_type = "text/html";
    bc_buf_append(&res->body, NOT_BUILT, sizeof NOT_BUILT - 1);
    bc_response_header(res, "Cache-Control", "no-cache");
    if (bc_buf_failed(&res->body))
        return bc_problem_internal(res, NULL, "out of memory");
    return res->status = 200;
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
