/* redate_api.c: PATCH /v1/sources/{id} (see redate_api.h). */
#include "bordercoop/redate_api.h"

#include "bordercoop/alloc.h"
#include "bordercoop/auth.h"
#include "bordercoop/ingest_api.h"
#include "bordercoop/keys.h"
#include "bordercoop/live.h"
#include "bordercoop/query.h"
#include "bordercoop/redate.h"
#include "bordercoop/resource.h"
#include "bordercoop/workers.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* The body into in (its strings borrowed from *body, which the caller json_decref()s):
 * an object with published_on (a string, or null to remove the date) and an optional
 * note. 0, or fills res and returns its status. */
static int read_body(bc_request *req, json_t **body, bc_redate_input *in, bc_response *res)
{
    static const char *const keys[] = {"published_on", "note", NULL};
    static const bc_json_body spec = {
        keys, "an article's text and other metadata are kept as first stored"};
    int status = bc_request_json_object(req, res, &spec, body);
    if (status != 0)
        return status;
    json_t *date = json_object_get(*body, "published_on");
    if (date == NULL)
        return bc_problem(res, 400, "invalid_field", "published_on",
                          "'published_on' is required: the publication date, YYYY, YYYY-MM or "
                          "YYYY-MM-DD, or null to remove it");
    if (!json_is_null(date) && !json_is_string(date))
        return bc_problem(res, 400, "invalid_field", "published_on",
                          "'published_on' must be a string (YYYY, YYYY-MM or YYYY-MM-DD) or null");
    in->published_on = json_string_value(date);
    if (in->published_on != NULL && strlen(in->published_on) != json_string_length(date))
        return bc_problem(res, 400, "invalid_field", "published_on",
                          "'published_on' holds a NUL character");
    return bc_request_opt_string(*body, "note", &in->note, res);
}

/* Appends the JSON string s (or null) to b. */
static void put_date(bc_buf *b, const char *s)
{
    if (s[0] == '\0')
        bc_buf_puts(b, "null");
    else
        bc_buf_json_string(b, s, strlen(s));
}

/* The answer: the source as it is now, read from the writer's connection (it has the
 * change whatever readers see yet), the dates, the facts and the audit entry. */
static int answer(bc_store *w, const bc_redate_result *r, const char *id, bc_buf *b, bc_err *err)
{
    bc_buf_printf(b, "{\"changed\":%s,\"published_on\":{\"from\":", r->changed ? "true" : "false");
    put_date(b, r->from);
    bc_buf_puts(b, ",\"to\":");
    put_date(b, r->to);
    bc_buf_puts(b, "},\"source\":");
    sqlite3_stmt *st;
    int rc = bc_store_stmt(w, "SELECT doc FROM v_source_doc WHERE id = ?1", &st, err);
    if (rc == BC_OK) {
        sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(st) == SQLITE_ROW)
            bc_buf_append(b, sqlite3_column_text(st, 0), (size_t)sqlite3_column_bytes(st, 0));
        else
            rc = bc_store_error(w, err, "reading the article back");
        sqlite3_reset(st);
    }
    char *facts = r->facts != NULL ? json_dumps(r->facts, JSON_COMPACT) : NULL;
    bc_buf_printf(b, ",\"facts\":%s", facts != NULL ? facts : "[]");
    free(facts);
    const bc_ingest_result *x = &r->read;
    bc_ingest_api_extracted(b, x);
    bc_buf_printf(b, ",\"decisions_applied\":%d,\"audit\":", r->decisions);
    if (r->seq > 0) {
        bc_buf_printf(b,
                      "{\"seq\":%lld,\"at\":\"%s\",\"links\":{\"log\":\"/v1/review/log?kind="
                      "sources&fact_id=",
                      r->seq, r->at);
        bc_url_encode(b, id);
        bc_buf_puts(b, "\"}}");
    } else {
        bc_buf_puts(b, "null");
    }
    bc_buf_printf(b, ",\"content_version\":\"%s\",\"links\":{\"self\":\"/v1/sources/",
                  r->content_version);
    bc_url_encode(b, id);
    bc_buf_puts(b, "\",\"review\":\"/v1/review?source=");
    bc_url_encode(b, id);
    bc_buf_puts(b, "\"}}");
    if (rc == BC_OK && bc_buf_failed(b))
        rc = bc_err_set(err, BC_ENOMEM, "out of memory writing the answer");
    return rc;
}

/* The problem for a failed re-dating. */
static int refuse(bc_response *res, int rc, const bc_redate_result *r, const bc_err *err)
{
    if (rc == BC_EINVAL)
        return bc_problem(res, 400, "invalid_field", r->field[0] ? r->field : NULL, "%s", err->msg);
    if (rc == BC_ENOTFOUND)
        return bc_problem(res, 404, "not_found", NULL, "%s", err->msg);
    if (rc == BC_EBUSY) {
        snprintf(res->log_note, sizeof res->log_note, "%.255s", err->msg);
        int status = bc_problem(res, 503, "store_busy", NULL,
                                "another writer holds the store; nothing was written, try again "
                                "shortly");
        bc_response_header(res, "Retry-After", "2");
        return status;
    }
    if (rc == BC_ECONFLICT) {
        char *facts = r->facts != NULL ? json_dumps(r->facts, JSON_COMPACT) : NULL;
        bc_buf m = BC_BUF_INIT;
        bc_buf_printf(&m, "\"facts\":%s", facts != NULL ? facts : "[]");
        free(facts);
        int status =
            bc_problem_ext(res, 409, r->conflict[0] ? r->conflict : "conflict", "published_on",
                           bc_buf_failed(&m) ? NULL : m.data, "%s", err->msg);
        bc_buf_free(&m);
        return status;
    }
    return bc_problem_internal(res, err->msg, "the date could not be changed; nothing was written");
}

int bc_handle_source_patch(bc_request *req, bc_response *res)
{
    bc_identity who;
    bc_err err;
    bc_auth_status ast = bc_auth_check(req->store, req->cfg->api_token, req->authorization,
                                       BC_ROLE_INGEST, &who, &err);
    if (ast != BC_AUTH_OK)
        return bc_auth_refuse(res, ast, &who, BC_ROLE_INGEST, "to change articles", &err);
    int status = bc_reject_params(req, res);
    if (status != 0)
        return status;
    /* the article, by its id or its title */
    const char *id = NULL;
    int rc = bc_resolve_alias(req, "source", req->route_id ? req->route_id : "", &id, &err);
    if (rc == BC_ENOTFOUND)
        return bc_problem(res, 404, "not_found", NULL, "no source with id '%.200s'",
                          req->route_id ? req->route_id : "");
    if (rc != BC_OK)
        return bc_problem_internal(res, err.msg, "the source could not be looked up");
    if (!bc_request_is_json(req, 1))
        return bc_problem(res, 415, "unsupported_media_type", NULL,
                          "send the change as application/json (or application/merge-patch+json; "
                          "charset utf-8, or none): "
                          "{\"published_on\": \"2026-11-13\"}");
    json_t *body = NULL;
    bc_redate_input in = {.source_id = id, .actor = who.name, .via = "api"};
    status = read_body(req, &body, &in, res);
    if (status != 0) {
        json_decref(body);
        return status;
    }
    bc_store *w;
    status = bc_request_writer(req, res, &w);
    if (status != 0) {
        json_decref(body);
        return status;
    }
    bc_redate_result r;
    rc = bc_redate(w, &in, &r, &err);
    json_decref(body);
    bc_err ignored;
    if (who.key_id > 0)
        bc_keys_touch(w, who.key_id, 60, &ignored);
    char why[1400];
    if (rc == BC_OK && r.changed && !bc_live_store_ok(req->live, why, sizeof why)) {
        bc_live_writer_release(req->live);
        bc_redate_result_free(&r);
        snprintf(res->log_note, sizeof res->log_note, "%.255s", why);
        return bc_problem(res, 503, "store_unavailable", NULL, "the store cannot be written: %s",
                          why);
    }
    if (rc != BC_OK) {
        bc_live_writer_release(req->live);
        status = refuse(res, rc, &r, &err);
        bc_redate_result_free(&r);
        return status;
    }
    /* committed: the answer is read back whatever is left of the budget */
    bc_buf out = BC_BUF_INIT;
    int was = bc_workers_exempt(1);
    rc = answer(w, &r, id, &out, &err);
    bc_workers_exempt(was);
    bc_live_writer_release(req->live);
    res->generation_changed = r.changed;
    bc_redate_result_free(&r);
    if (rc != BC_OK) {
        bc_buf_free(&out);
        return bc_problem_internal(res, err.msg,
                                   "the date was changed but the article could not be read back");
    }
    res->status = 200;
    res->content_type = "application/json";
    res->cacheable = 0;
    bc_buf_reset(&res->body);
    bc_response_header(res, "Cache-Control", "no-store");
    bc_buf_append(&res->body, out.data, out.len);
    bc_buf_free(&out);
    bc_response_header(res, "Content-Location", "/v1/sources/%.300s", id);
    return 200;
}
