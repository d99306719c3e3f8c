/* ingest_api.c: POST /v1/sources (see ingest_api.h). */
#include "bordercoop/ingest_api.h"

#include "bordercoop/alloc.h"

#include "bordercoop/auth.h"
#include "bordercoop/extract.h"
#include "bordercoop/ingest.h"
#include "bordercoop/live.h"
#include "bordercoop/query.h"
#include "bordercoop/workers.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* ---- POST /v1/sources: ingest ------------------------------------------------------- */

/* Reads the request body into in (its strings borrowed from *body, which the caller
 * json_decref()s, on failure too): a JSON object with known fields only, then the
 * ingest's own validation. 0, or fills res and returns its status. */
static int read_input(bc_request *req, json_t **body, bc_ingest_input *in, bc_response *res)
{
    static const char *const keys[] = {"text",         "lang",      "title",  "url",
                                       "published_on", "publisher", "author", NULL};
    static const bc_json_body spec = {keys, NULL};
    int status = bc_request_json_object(req, res, &spec, body);
    if (status != 0)
        return status;
    in->max_bytes =
        req->cfg->max_article_bytes > 0 ? (size_t)req->cfg->max_article_bytes : BC_INGEST_MAX_TEXT;
    const char **slots[] = {&in->text,         &in->lang,      &in->title, &in->url,
                            &in->published_on, &in->publisher, &in->author};
    for (size_t i = 0; status == 0 && i < 7; i++)
        status = bc_request_opt_string(*body, keys[i], slots[i], res);
    if (status != 0)
        return status;
    if (in->text != NULL)
        in->len = json_string_length(json_object_get(*body, "text"));
    /* language codes ignore case, like every vocabulary filter, and a BCP-47 tag is its
     * language ("zh-CN" is zh); anything else is refused by the validation */
    if (in->lang != NULL && bc_extract_lang_base(in->lang) != NULL)
        in->lang = bc_extract_lang_base(in->lang);
    char field[32];
    bc_err err;
    if (bc_ingest_validate(in, field, &err) != BC_OK)
        return bc_problem(res, err.code == BC_ETOOBIG ? 413 : 400,
                          err.code == BC_ETOOBIG ? "body_too_large" : "invalid_field", field, "%s",
                          err.msg);
    return 0;
}

/* What the first step of an ingest leaves for the second (req->stage). */
typedef struct ingest_stage {
    json_t *body; /* the request's JSON, whose strings `in` borrows */
    bc_ingest_input in;
    bc_identity who;
    bc_ingest_prep *prep;
} ingest_stage;

static void stage_free(void *p)
{
    ingest_stage *st = p;
    json_decref(st->body);
    bc_ingest_prep_free(st->prep);
    bc_free(st);
}

/* A republished copy: 409 naming the stored article. */
static int duplicate_article(bc_response *res, const bc_ingest_result *r, const bc_err *err)
{
    bc_buf m = BC_BUF_INIT;
    bc_buf_puts(&m, "\"duplicate_of\":{\"id\":");
    bc_buf_json_string(&m, r->duplicate_of, strlen(r->duplicate_of));
    bc_buf_puts(&m, ",\"links\":{\"self\":\"/v1/sources/");
    bc_url_encode(&m, r->duplicate_of);
    bc_buf_puts(&m, "\"}}");
    int status = bc_problem_ext(res, 409, "duplicate_article", "text", m.data, "%s", err->msg);
    bc_buf_free(&m);
    return status;
}

/* More facts than one article may give: 422 naming the limit (nothing was stored). */
static int too_many_facts(bc_request *req, bc_response *res, const bc_ingest_result *r,
                          const bc_err *err)
{
    char m[96];
    snprintf(m, sizeof m, "\"facts_read\":%d,\"max_facts\":%d", r->facts_read,
             req->cfg->max_article_facts);
    return bc_problem_ext(res, 422, "too_many_facts", "text", m, "%s", err->msg);
}

/* Stores the article st read on the live store's writer into r. 0, or fills res (503
 * when the store cannot be written, another writer holds it or the facts would not be
 * stored within the budget, 409, 422, else 500) and returns its status. */
static int store_article(bc_request *req, ingest_stage *st, bc_ingest_result *r, bc_response *res)
{
    bc_store *w;
    int status = bc_request_writer(req, res, &w);
    if (status != 0)
        return status;
    bc_err err;
    st->in.deadline = req->deadline;
    int rc = bc_ingest_prepared(w, &st->in, st->prep, r, &err);
    bc_err ignored;
    if (st->who.key_id > 0)
        bc_keys_touch(w, st->who.key_id, 60, &ignored);
    bc_live_writer_release(req->live);
    char why[1400];
    if (rc == BC_OK && !bc_live_store_ok(req->live, why, sizeof why)) {
        /* the store went while the write ran: never acknowledge a commit into a file (or
         * log) that is no longer at the store's path */
        snprintf(res->log_note, sizeof res->log_note, "%.255s", why);
        return bc_problem(res, 503, "store_unavailable", NULL, "the store cannot be written: %s",
                          why);
    }
    if (rc == BC_EBUSY && r->over_budget) {
        /* refused before its transaction: the writer goes on to the next write */
        snprintf(res->log_note, sizeof res->log_note, "refused before storing: %.200s", err.msg);
        status = bc_problem(res, 503, "budget_exceeded", NULL, "%s; try again shortly", err.msg);
        bc_response_header(res, "Retry-After", "1");
        return status;
    }
    if (rc == BC_EBUSY) {
        /* another writer (bordercoop load or ingest) holds the store */
        snprintf(res->log_note, sizeof res->log_note, "%.255s", err.msg);
        status = bc_problem(res, 503, "store_busy", NULL,
                            "another writer holds the store; nothing was written, "
                            "try again shortly");
        bc_response_header(res, "Retry-After", "2");
        return status;
    }
    if (rc == BC_ECONFLICT)
        return duplicate_article(res, r, &err);
    if (rc == BC_ETOOBIG)
        return too_many_facts(req, res, r, &err);
    if (rc != BC_OK)
        return bc_problem_internal(res, err.msg,
                                   "the article could not be stored; nothing was written");
    return 0;
}

/* The first BC_INGEST_MAX_UNREAD of the n amounts u as JSON objects: words, start, end. */
static void quotes(bc_buf *b, const bc_ingest_unread *u, int n)
{
    for (int i = 0; i < n && i < BC_INGEST_MAX_UNREAD; i++) {
        bc_buf_puts(b, i > 0 ? ",{\"words\":" : "{\"words\":");
        bc_buf_json_string(b, u[i].words, strlen(u[i].words));
        bc_buf_printf(b, ",\"start\":%zu,\"end\":%zu}", u[i].start, u[i].end);
    }
}

void bc_ingest_api_extracted(bc_buf *b, const bc_ingest_result *r)
{
    bc_buf_printf(b,
                  ",\"extracted\":{\"figures\":%d,\"meetings\":%d,\"events\":%d,"
                  "\"border_gate_projects\":%d,\"project_events\":%d,\"participants\":%d,"
                  "\"same_as_known_meetings\":%d,\"citations\":%d,\"dates_without_year\":%d,"
                  "\"not_stored\":{\"below_confidence\":%d,\"without_measure\":%d,"
                  "\"without_mechanism\":%d,\"unread_scales\":[",
                  r->figures, r->meetings, r->events, r->projects, r->project_events,
                  r->participants, r->linked, r->citations, r->dates_without_year,
                  r->below_threshold, r->without_measure, r->without_mechanism);
    quotes(b, r->unread, r->nunread);
    bc_buf_puts(b, "],\"other_currency\":[");
    quotes(b, r->other_currency, r->nother_currency);
    bc_buf_puts(b, "]}}");
}

/* Answers with the stored source document and what was extracted from it. */
static int answer(bc_request *req, const bc_ingest_result *r, bc_response *res)
{
    sqlite3_stmt *st;
    bc_err err;
    bc_buf *b = &res->body;
    bc_buf_printf(b, "{\"created\":%s,\"source\":", r->created ? "true" : "false");
    /* the article is stored (or was already): reading one document back is bounded and
     * must not turn a committed write into an error when the budget ran out meanwhile */
    int was = bc_workers_exempt(1);
    int rc = bc_store_stmt(req->store, "SELECT doc FROM v_source_doc WHERE id = ?1", &st, &err);
    if (rc == BC_OK) {
        sqlite3_bind_text(st, 1, r->source_id, -1, SQLITE_STATIC);
        if (sqlite3_step(st) == SQLITE_ROW)
            bc_buf_append(b, sqlite3_column_text(st, 0), (size_t)sqlite3_column_bytes(st, 0));
        else
            rc = bc_store_error(req->store, &err, "reading the stored article back");
        sqlite3_reset(st);
    }
    bc_workers_exempt(was);
    if (rc != BC_OK) {
        /* stored, but not readable through this connection: say so, do not send half */
        bc_problem_internal(res, err.msg, "the article was stored as %s but could not be read back",
                            r->source_id);
        res->generation_changed = r->created;
        return 500;
    }
    bc_buf_printf(b, ",\"lang\":{\"code\":\"%s\",\"detected\":%s,\"confidence\":%.2f}", r->lang,
                  r->lang_detected ? "true" : "false", r->lang_confidence);
    bc_ingest_api_extracted(b, r);
    bc_buf_putc(b, ',');
    if (!r->created) {
        /* metadata this request gave that the stored article keeps as first given */
        bc_buf_puts(b, "\"not_updated\":[");
        for (const char *p = r->not_updated; *p != '\0';) {
            size_t n = strcspn(p, ",");
            bc_buf_printf(b, "%s\"%.*s\"", p == r->not_updated ? "" : ",", (int)n, p);
            p += n + (p[n] == ',');
        }
        bc_buf_puts(b, "],");
        if (strstr(r->not_updated, "published_on") != NULL) {
            /* the way to the date: a re-POST never changes what was read */
            bc_buf_puts(b, "\"hint\":\"published_on is kept as first stored; to give the "
                           "article this date and read its facts again, PATCH /v1/sources/");
            bc_url_encode(b, r->source_id);
            bc_buf_puts(b, " with {\\\"published_on\\\": ...}\",");
        }
    }
    bc_buf_printf(b, "\"content_version\":\"%s\",\"links\":{\"self\":\"/v1/sources/",
                  r->content_version);
    bc_url_encode(b, r->source_id);
    bc_buf_puts(b, "\",\"figures\":\"/v1/figures?curation=extracted\"}}");
    bc_buf location = BC_BUF_INIT;
    bc_url_encode(&location, r->source_id);
    bc_response_header(res, "Location", "/v1/sources/%s", location.data ? location.data : "");
    bc_buf_free(&location);
    res->generation_changed = r->created;
    return res->status = r->created ? 201 : 200;
}

int bc_handle_ingest(bc_request *req, bc_response *res)
{
    bc_identity who;
    bc_err err;
    bc_auth_status ast = bc_auth_check(req->store, req->cfg->api_token, req->authorization,
                                       BC_ROLE_INGEST, &who, &err);
    if (ast != BC_AUTH_OK)
        return bc_auth_refuse(res, ast, &who, BC_ROLE_INGEST, "to add articles", &err);
    if (!bc_request_is_json(req, 0))
        return bc_problem(res, 415, "unsupported_media_type", NULL,
                          "send the article as application/json (charset utf-8, or none): "
                          "{\"text\": ...}");
    int status = bc_reject_params(req, res);
    if (status != 0)
        return status;
    json_t *body = NULL;
    bc_ingest_input in = {0};
    bc_ingest_result r;
    bc_ingest_prep *prep = NULL;
    status = read_input(req, &body, &in, res);
    in.max_facts = (size_t)req->cfg->max_article_facts;
    if (status == 0 && (req->live == NULL || bc_live_immutable(req->live)))
        status = bc_problem(res, 503, "store_unavailable", NULL,
                            "the store cannot be written: this server has no writable store");
    int rc = status == 0 ? bc_ingest_prepare(req->store, &in, &prep, &r, &err) : BC_OK;
    if (status == 0 && rc == BC_OK && prep == NULL) {
        /* stored already: answered from what readers see, the writer never taken */
        json_decref(body);
        bc_request_touch_key(req, who.key_id);
        return answer(req, &r, res);
    }
    if (status == 0 && rc == BC_ECONFLICT)
        status = duplicate_article(res, &r, &err);
    else if (status == 0 && rc == BC_ETOOBIG)
        status = too_many_facts(req, res, &r, &err);
    else if (status == 0 && rc == BC_EINVAL)
        status = bc_problem(res, 400, "invalid_field", NULL, "%s", err.msg);
    else if (status == 0 && rc != BC_OK)
        status = bc_problem_internal(res, err.msg,
                                     "the article could not be read; nothing was "
                                     "written");
    ingest_stage *st = status == 0 ? bc_calloc(1, sizeof *st) : NULL;
    if (status == 0 && st == NULL)
        status = bc_problem_internal(res, NULL, "out of memory");
    if (status != 0) {
        bc_ingest_prep_free(prep);
        json_decref(body);
        return status;
    }
    st->body = body;
    st->in = in;
    st->who = who;
    st->in.actor = st->who.name;
    st->prep = prep;
    req->stage = st;
    req->stage_free = stage_free;
    return 0; /* stored on the writer: bc_handle_ingest_store */
}

int bc_handle_ingest_store(bc_request *req, bc_response *res)
{
    ingest_stage *st = req->stage;
    if (st == NULL)
        return bc_problem_internal(res, "no article read", "the article was not stored");
    bc_ingest_result r;
    int status = store_article(req, st, &r, res);
    return status != 0 ? status : answer(req, &r, res);
}
