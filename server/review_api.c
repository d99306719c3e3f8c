/* review_api.c: the review step over HTTP (see review_api.h): authenticate with a key
 * of role review, parse the request into a query or a decision, call review.c, render.
 * Nothing here is cacheable: the answers depend on who asks and change with every
 * decision. */
#include "bordercoop/review_api.h"

#include "bordercoop/auth.h"
#include "bordercoop/keys.h"
#include "bordercoop/live.h"
#include "bordercoop/query.h"
#include "bordercoop/resource.h"
#include "bordercoop/review.h"
#include "bordercoop/text.h"
#include "bordercoop/workers.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Authenticates req for role review; 0, or the refusal's status with res filled. */
static int authenticate(bc_request *req, bc_response *res, bc_identity *who, const char *doing)
{
    bc_err err;
    bc_auth_status st = bc_auth_check(req->store, req->cfg ? req->cfg->api_token : NULL,
                                      req->authorization, BC_ROLE_REVIEW, who, &err);
    if (st != BC_AUTH_OK)
        return bc_auth_refuse(res, st, who, BC_ROLE_REVIEW, doing, &err);
    return 0;
}

static void touch(bc_request *req, bc_store *writer, const bc_identity *who)
{
    bc_err ignored;
    if (writer != NULL && who->key_id > 0)
        bc_keys_touch(writer, who->key_id, 60, &ignored);
    else if (writer == NULL)
        bc_request_touch_key(req, who->key_id); /* a read: never waits for the writer */
}

/* Starts a JSON answer that no cache keeps. */
static void json_answer(bc_response *res, int status)
{
    res->status = status;
    res->content_type = "application/json";
    res->cacheable = 0;
    bc_buf_reset(&res->body);
    bc_response_header(res, "Cache-Control", "no-store");
}

/* ---- query parameters ------------------------------------------------------------- */

typedef struct params {
    int kind; /* a bc_review_kind, BC_REVIEW_LOG_KEYS or -1 */
    const char *source, *fact_id, *reviewer, *status;
    int limit, offset;
    int keys_allowed; /* set before parsing: kind=keys is allowed (the log) */
} params;

#define LIMIT_PARAM                                                                                \
    {                                                                                              \
        "limit", BC_PARAM_INT, NULL, NULL, NULL, NULL, 0, 1, 500                                   \
    }
#define OFFSET_PARAM                                                                               \
    {                                                                                              \
        "offset", BC_PARAM_INT, NULL, NULL, NULL, NULL, 0, 0, 1000000                              \
    }
static const bc_param_spec QUEUE_PARAMS[] = {
    {"kind", BC_PARAM_TEXT}, {"source", BC_PARAM_TEXT}, LIMIT_PARAM, OFFSET_PARAM, {NULL},
};
static const bc_param_spec LOG_PARAMS[] = {
    {"kind", BC_PARAM_TEXT},
    {"fact_id", BC_PARAM_TEXT},
    {"reviewer", BC_PARAM_TEXT},
    {"status", BC_PARAM_TEXT},
    LIMIT_PARAM,
    OFFSET_PARAM,
    {NULL},
};

/* Parses req's query against specs into p; 0 or the problem's status. */
static int parse_params(bc_request *req, bc_response *res, const bc_param_spec *specs, params *p)
{
    int keys_allowed = p->keys_allowed;
    memset(p, 0, sizeof *p);
    p->keys_allowed = keys_allowed;
    p->kind = -1;
    p->limit = 50;
    bc_param ps[BC_QUERY_MAX_PAIRS];
    size_t n;
    int st = bc_params_parse(req, specs, NULL, ps, &n, res);
    if (st != 0)
        return st;
    const bc_param *limit = bc_params_get(ps, n, "limit"), *offset = bc_params_get(ps, n, "offset");
    if (limit != NULL)
        p->limit = (int)limit->num;
    if (offset != NULL)
        p->offset = (int)offset->num;
    p->source = bc_params_text(ps, n, "source", NULL);
    p->fact_id = bc_params_text(ps, n, "fact_id", NULL);
    p->reviewer = bc_params_text(ps, n, "reviewer", NULL);
    p->status = bc_params_text(ps, n, "status", NULL);
    const char *kind = bc_params_text(ps, n, "kind", NULL);
    if (kind != NULL && strcmp(kind, "keys") == 0 && p->keys_allowed) {
        p->kind = BC_REVIEW_LOG_KEYS; /* the log: key changes */
    } else if (kind != NULL && strcmp(kind, "sources") == 0 && p->keys_allowed) {
        p->kind = BC_REVIEW_LOG_SOURCES; /* the log: articles given a new date */
    } else if (kind != NULL) {
        bc_review_kind k;
        bc_err err;
        if (bc_review_kind_parse(kind, &k, &err) != BC_OK)
            return bc_problem(res, 400, "invalid_parameter", "kind", "%s%s", err.msg,
                              p->keys_allowed ? ", keys, sources" : "");
        p->kind = (int)k;
    }
    if (p->status != NULL && strcmp(p->status, "applied") != 0 &&
        strcmp(p->status, "orphaned") != 0)
        return bc_problem(res, 400, "invalid_parameter", "status",
                          "unknown status '%.40s'; allowed: applied, orphaned", p->status);
    return 0;
}

/* "/v1/review/log?kind=figures&offset=50" style links into b. */
static void page_link(bc_buf *b, const char *path, const params *p, int offset)
{
    bc_buf_puts(b, path);
    char sep = '?';
    const struct {
        const char *name, *value;
    } text[] = {
        {"kind", p->kind >= 0 ? bc_review_kind_collection((bc_review_kind)p->kind)
                 : p->kind == BC_REVIEW_LOG_KEYS    ? "keys"
                 : p->kind == BC_REVIEW_LOG_SOURCES ? "sources"
                                                    : NULL},
        {"source", p->source},
        {"fact_id", p->fact_id},
        {"reviewer", p->reviewer},
        {"status", p->status},
    };
    for (size_t i = 0; i < sizeof text / sizeof text[0]; i++) {
        if (text[i].value == NULL)
            continue;
        bc_buf_printf(b, "%c%s=", sep, text[i].name);
        bc_url_encode(b, text[i].value);
        sep = '&';
    }
    bc_buf_printf(b, "%climit=%d", sep, p->limit);
    if (offset > 0)
        bc_buf_printf(b, "&offset=%d", offset);
}

/* The page's "links" member: self, next (when more may follow), prev. */
static void links(bc_buf *b, const char *path, const params *p, size_t count, long long total)
{
    bc_buf_puts(b, "\"links\":{\"self\":\"");
    page_link(b, path, p, p->offset);
    bc_buf_puts(b, "\",\"next\":");
    /* an empty page has no next: past the end (or a count that moved) it would loop */
    if (count > 0 && (long long)p->offset + (long long)count < total) {
        bc_buf_putc(b, '"');
        page_link(b, path, p, p->offset + (int)count);
        bc_buf_putc(b, '"');
    } else {
        bc_buf_puts(b, "null");
    }
    bc_buf_puts(b, ",\"prev\":");
    if (p->offset > 0) {
        bc_buf_putc(b, '"');
        page_link(b, path, p, p->offset > p->limit ? p->offset - p->limit : 0);
        bc_buf_putc(b, '"');
    } else {
        bc_buf_puts(b, "null");
    }
    bc_buf_putc(b, '}');
}

static int internal(bc_response *res, const bc_err *err, const char *what)
{
    return bc_problem_internal(res, err->msg, "%s", what);
}

/* ---- GET /v1/review ------------------------------------------------------------------ */

int bc_review_queue_doc(bc_store *s, const bc_review_query *q, const char *reviewer, bc_buf *b,
                        bc_err *err)
{
    bc_buf items = BC_BUF_INIT;
    size_t count = 0;
    long long pending[BC_REVIEW_NKINDS];
    if (bc_review_pending(s, q, &items, &count, pending, err) != BC_OK) {
        bc_buf_free(&items);
        return err->code ? err->code : BC_ESTORE;
    }
    long long total = 0;
    for (int k = 0; k < BC_REVIEW_NKINDS; k++)
        if (q->kind < 0 || q->kind == k)
            total += pending[k];
    params p = {q->kind, q->source_id, NULL, NULL, NULL, q->limit, q->offset, 0};
    bc_buf_puts(b, "{\"data\":");
    bc_buf_append(b, items.data, items.len);
    bc_buf_free(&items);
    bc_buf_printf(b,
                  ",\"meta\":{\"count\":%zu,\"limit\":%d,\"offset\":%d,\"total\":%lld,"
                  "\"pending\":{\"figures\":%lld,\"meetings\":%lld,\"border_gate_projects\":"
                  "%lld,\"events\":%lld,\"project_events\":%lld},\"reviewer\":",
                  count, q->limit, q->offset, total, pending[BC_REVIEW_FIGURE],
                  pending[BC_REVIEW_MEETING], pending[BC_REVIEW_PROJECT], pending[BC_REVIEW_EVENT],
                  pending[BC_REVIEW_PROJECT_EVENT]);
    bc_buf_json_string(b, reviewer, strlen(reviewer));
    bc_buf_puts(b, "},");
    links(b, "/v1/review", &p, count, total);
    bc_buf_putc(b, '}');
    return bc_buf_failed(b) ? bc_err_set(err, BC_ENOMEM, "out of memory") : BC_OK;
}

int bc_review_log_doc(bc_store *s, const bc_review_log_query *q, bc_buf *b, bc_err *err)
{
    bc_buf items = BC_BUF_INIT;
    size_t count = 0;
    long long total = 0;
    if (bc_review_log(s, q, &items, &count, &total, err) != BC_OK) {
        bc_buf_free(&items);
        return err->code ? err->code : BC_ESTORE;
    }
    params p = {q->kind, NULL, q->fact_id, q->reviewer, q->status, q->limit, q->offset, 0};
    bc_buf_puts(b, "{\"data\":");
    bc_buf_append(b, items.data, items.len);
    bc_buf_free(&items);
    bc_buf_printf(b, ",\"meta\":{\"count\":%zu,\"limit\":%d,\"offset\":%d,\"total\":%lld},", count,
                  q->limit, q->offset, total);
    links(b, "/v1/review/log", &p, count, total);
    bc_buf_putc(b, '}');
    return bc_buf_failed(b) ? bc_err_set(err, BC_ENOMEM, "out of memory") : BC_OK;
}

int bc_handle_review_queue(bc_request *req, bc_response *res)
{
    bc_identity who;
    int st = authenticate(req, res, &who, "to see the review queue");
    if (st != 0)
        return st;
    params p = {.keys_allowed = 0};
    st = parse_params(req, res, QUEUE_PARAMS, &p);
    if (st != 0)
        return st;
    if (p.source != NULL) {
        /* an article that is not in the store is a 400 naming it, as an unknown province
         * is on the lists, not an empty queue; any of its names works, as its id does */
        bc_err err;
        int rc = bc_resolve_alias(req, "source", p.source, &p.source, &err);
        if (rc == BC_ENOTFOUND)
            return bc_problem(res, 400, "invalid_parameter", "source",
                              "unknown source '%.80s': no article has this id or title (see "
                              "/v1/sources?curation=all)",
                              p.source);
        if (rc != 0)
            return internal(res, &err, "the source could not be read");
    }
    bc_review_query q = {p.kind, p.source, p.limit, p.offset};
    bc_buf body = BC_BUF_INIT;
    bc_err err;
    if (bc_review_queue_doc(req->store, &q, who.name, &body, &err) != BC_OK) {
        bc_buf_free(&body);
        return internal(res, &err, "the review queue could not be read");
    }
    touch(req, NULL, &who);
    json_answer(res, 200);
    bc_buf_append(&res->body, body.data, body.len);
    bc_buf_free(&body);
    return 200;
}

/* ---- GET /v1/review/log -------------------------------------------------------------- */

int bc_handle_review_log(bc_request *req, bc_response *res)
{
    bc_identity who;
    int st = authenticate(req, res, &who, "to read the review log");
    if (st != 0)
        return st;
    params p = {.keys_allowed = 1};
    st = parse_params(req, res, LOG_PARAMS, &p);
    if (st != 0)
        return st;
    bc_review_log_query q = {p.kind, p.fact_id, p.reviewer, p.status, p.limit, p.offset};
    bc_buf body = BC_BUF_INIT;
    bc_err err;
    if (bc_review_log_doc(req->store, &q, &body, &err) != BC_OK) {
        bc_buf_free(&body);
        return internal(res, &err, "the review log could not be read");
    }
    touch(req, NULL, &who);
    json_answer(res, 200);
    bc_buf_append(&res->body, body.data, body.len);
    bc_buf_free(&body);
    return 200;
}

/* ---- /v1/review/{kind}/{id} ------------------------------------------------------------ */

/* The kind and the id of the path "/v1/review/{kind}/{id}": 0, or a 404. */
static int target(bc_request *req, bc_response *res, bc_review_kind *kind, const char **id)
{
    const char *rest = req->path + strlen("/v1/review/");
    const char *slash = strchr(rest, '/');
    char name[40];
    if (strncmp(req->path, "/v1/review/", 11) != 0 || slash == NULL || slash[1] == '\0' ||
        strchr(slash + 1, '/') != NULL || (size_t)(slash - rest) >= sizeof name)
        return bc_problem(res, 404, "not_found", NULL, "no resource at '%.200s'", req->path);
    snprintf(name, sizeof name, "%.*s", (int)(slash - rest), rest);
    bc_err err;
    if (bc_review_kind_parse(name, kind, &err) != BC_OK)
        return bc_problem(res, 404, "not_found", NULL, "%s", err.msg);
    /* paths name collections, as everywhere in the API (the CLI also takes "figure") */
    if (strcmp(name, bc_review_kind_collection(*kind)) != 0)
        return bc_problem(res, 404, "not_found", NULL, "no resource at '%.200s'; the kind is '%s'",
                          req->path, bc_review_kind_collection(*kind));
    *id = slash + 1;
    return 0;
}

/* Appends the fact's current document and its decisions (newest first) to b: the body of
 * GET /v1/review/{kind}/{id} and of a decision's answer. BC_ENOTFOUND when there is no
 * such fact. */
static int fact_body(bc_store *s, bc_review_kind kind, const char *id, long long decision,
                     bc_buf *b, char version[BC_REVIEW_VERSION_LEN + 1], bc_err *err)
{
    bc_buf doc = BC_BUF_INIT, log = BC_BUF_INIT;
    int rc = bc_review_fact(s, kind, id, &doc, err);
    size_t n = 0;
    long long total = 0;
    bc_review_log_query q = {(int)kind, id, NULL, NULL, 500, 0};
    if (rc == BC_OK)
        rc = bc_review_log(s, &q, &log, &n, &total, err);
    if (rc == BC_OK)
        rc = bc_review_version(s, kind, id, version, err);
    if (rc == BC_OK) {
        bc_buf_puts(b, "{");
        if (decision > 0) {
            bc_buf_puts(b, "\"decision\":");
            rc = bc_review_log_entry(s, decision, b, err);
            bc_buf_putc(b, ',');
        }
        bc_buf_printf(b, "\"version\":\"%s\",", version);
        bc_buf_puts(b, "\"fact\":");
        bc_buf_append(b, doc.data, doc.len);
        bc_buf_puts(b, ",\"decisions\":");
        bc_buf_append(b, log.data, log.len);
        bc_buf_puts(b, ",\"links\":{\"fact\":\"");
        rc = bc_review_fact_path(s, kind, id, b, err);
        bc_buf_printf(
            b, "\",\"log\":\"/v1/review/log?kind=%s&fact_id=", bc_review_kind_collection(kind));
        bc_url_encode(b, id);
        bc_buf_puts(b, "\"}}");
    }
    bc_buf_free(&doc);
    bc_buf_free(&log);
    return rc;
}

int bc_handle_review_fact(bc_request *req, bc_response *res)
{
    bc_identity who;
    int st = authenticate(req, res, &who, "to see a fact's review history");
    if (st != 0)
        return st;
    bc_review_kind kind;
    const char *id;
    st = target(req, res, &kind, &id);
    if (st == 0)
        st = bc_reject_params(req, res);
    if (st != 0)
        return st;
    bc_buf body = BC_BUF_INIT;
    bc_err err;
    char version[BC_REVIEW_VERSION_LEN + 1];
    int rc = fact_body(req->store, kind, id, 0, &body, version, &err);
    if (rc == BC_ENOTFOUND) {
        bc_buf_free(&body);
        return bc_problem(res, 404, "not_found", NULL, "no %s with id '%.120s'",
                          bc_review_kind_name(kind), id);
    }
    if (rc != BC_OK) {
        bc_buf_free(&body);
        return internal(res, &err, "the fact could not be read");
    }
    touch(req, NULL, &who);
    json_answer(res, 200);
    bc_buf_append(&res->body, body.data, body.len);
    bc_buf_free(&body);
    /* the version a decision may be conditioned on (If-Match) */
    bc_response_header(res, "ETag", "\"%s\"", version);
    return 200;
}

int bc_handle_review_decide(bc_request *req, bc_response *res)
{
    bc_identity who;
    int st = authenticate(req, res, &who, "to review facts");
    if (st != 0)
        return st;
    bc_review_kind kind;
    const char *id;
    st = target(req, res, &kind, &id);
    if (st == 0)
        st = bc_reject_params(req, res);
    if (st != 0)
        return st;
    if (!bc_request_is_json(req, 0))
        return bc_problem(res, 415, "unsupported_media_type", NULL,
                          "send the decision as application/json (charset utf-8, or none): "
                          "{\"action\": \"approve\"}");
    static const char *const keys[] = {"action", "fields", "note", NULL};
    static const bc_json_body spec = {keys, "the reviewer is the key's owner"};
    json_t *body = NULL;
    bc_review_request rq = {kind,     id,    BC_REVIEW_APPROVE, NULL, NULL,
                            who.name, "api", req->if_match};
    st = bc_request_json_object(req, res, &spec, &body);
    json_t *action = json_object_get(body, "action");
    bc_err err;
    if (st == 0 && !json_is_string(action))
        st = bc_problem(res, 400, "invalid_field", "action",
                        "'action' is required: approve, reject or edit");
    if (st == 0 && bc_review_action_parse(json_string_value(action), &rq.action, &err) != BC_OK)
        st = bc_problem(res, 400, "invalid_field", "action", "%s", err.msg);
    if (st == 0)
        st = bc_request_opt_string(body, "note", &rq.note, res);
    if (st == 0)
        rq.fields = json_object_get(body, "fields");
    if (st == 0 && rq.action == BC_REVIEW_EDIT && rq.fields == NULL)
        st = bc_problem(res, 400, "invalid_field", "fields",
                        "an edit needs 'fields', the corrected values; %s %s has: %s",
                        bc_text_a(bc_review_kind_name(kind)), bc_review_kind_name(kind),
                        bc_review_editable(kind));
    bc_review_result r;
    bc_store *w = NULL;
    if (st == 0)
        st = bc_request_writer(req, res, &w);
    int rc = BC_OK;
    if (st == 0) {
        rc = bc_review_decide(w, &rq, &r, &err);
        touch(req, w, &who);
        char why[1400];
        if (rc == BC_OK && !bc_live_store_ok(req->live, why, sizeof why))
            st = bc_problem(res, 503, "store_unavailable", NULL, "the store cannot be written: %s",
                            why);
    }
    json_decref(body);
    if (st == 0 && rc != BC_OK) {
        if (rc == BC_ENOTFOUND)
            st = bc_problem(res, 404, "not_found", NULL, "%s", err.msg);
        else if (rc == BC_ECONFLICT && r.stale) {
            char version[64];
            snprintf(version, sizeof version, "\"version\":\"%s\"", r.version);
            st = bc_problem_ext(res, 412, "precondition_failed", NULL, version, "%s", err.msg);
            bc_response_header(res, "ETag", "\"%s\"", r.version);
        } else if (rc == BC_ECONFLICT)
            st = bc_problem(res, 409, "conflict", NULL, "%s", err.msg);
        else if (rc == BC_EINVAL)
            st = bc_problem(res, 400, "invalid_field", r.field[0] ? r.field : NULL, "%s", err.msg);
        else
            st = internal(res, &err, "the decision could not be stored; nothing was written");
    }
    if (st != 0) {
        if (w != NULL)
            bc_live_writer_release(req->live);
        return st;
    }
    /* answer from the writer's connection: it has the decision whatever readers see */
    bc_buf out = BC_BUF_INIT;
    int was = bc_workers_exempt(1); /* committed: read back whatever is left of the budget */
    char version[BC_REVIEW_VERSION_LEN + 1];
    rc = fact_body(w, kind, id, r.seq, &out, version, &err);
    bc_workers_exempt(was);
    bc_live_writer_release(req->live);
    res->generation_changed = 1;
    if (rc != BC_OK) {
        bc_buf_free(&out);
        return internal(res, &err, "the decision was stored but could not be read back");
    }
    json_answer(res, 200);
    bc_buf_append(&res->body, out.data, out.len);
    bc_buf_free(&out);
    bc_response_header(res, "Content-Location", "/v1/review/%s/%.300s",
                       bc_review_kind_collection(kind), id);
    bc_response_header(res, "ETag", "\"%s\"", version);
    return 200;
}
