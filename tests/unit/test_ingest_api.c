/* test_ingest_api.c: POST /v1/sources through bc_handle_ingest and the router: 403 with
 * no token configured, 401 without or with a wrong bearer token, 415 for other content
 * types, 400 for query parameters, malformed JSON and each bad field, 413 for an
 * oversized text, 503 with no writable store, and a real ingest through a bc_live store
 * (201, then 200 for the same text), also under allocation failure. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/ingest.h"
#include "bordercoop/ingest_api.h"
#include "bordercoop/live.h"
#include "bordercoop/workers.h"

#include <stdatomic.h>
#include <time.h>

#include "fixture.h"

#define TOKEN "s3cret-token-for-tests"

/* an article as a JSON string body (escaped newlines), for concatenation */
#define ARTICLE                                                                                    \
    "Lao Cai and Yunnan hold the 12th meeting of the Joint Working Group\\n\\n"                    \
    "On March 18, 2026, the 12th meeting of the Joint Working Group of Lai Chau, Lao Cai, "        \
    "Tuyen Quang, Dien Bien (Vietnam) and Yunnan (China) was held in Kunming. The two sides "      \
    "reported that import-export turnover between the four Vietnamese provinces and Yunnan "       \
    "reached USD 8.1 billion in 2025.\\n"

static bc_store *store; /* the data/ store (no live writer) */

/* What a test sends; unset fields take the defaults of a valid write. */
typedef struct post {
    const char *token; /* configured token; NULL: TOKEN, "": none configured */
    const char *authorization;
    const char *content_type;
    const char *query;
    const char *body;
    size_t body_len; /* 0: strlen(body) */
    bc_live *live;
    bc_store *store;
    int via_router;
} post;

static int send_post(post p, bc_response *res)
{
    bc_config cfg;
    bc_err err;
    assert_int_equal(bc_config_parse(&cfg, 0, NULL, NULL, &err), 0);
    snprintf(cfg.api_token, sizeof cfg.api_token, "%s", p.token ? p.token : TOKEN);
    bc_arena arena = BC_ARENA_INIT;
    bc_request req = {0};
    req.method = "POST";
    req.path = "/v1/sources";
    req.query = p.query ? p.query : "";
    req.store = p.store ? p.store : store;
    req.live = p.live;
    req.cfg = &cfg;
    req.formats = BC_FMT_JSON | BC_FMT_CSV;
    req.format = BC_FMT_JSON;
    req.arena = &arena;
    req.body = p.body;
    req.body_len = p.body_len ? p.body_len : p.body ? strlen(p.body) : 0;
    req.authorization = p.authorization;
    req.content_type = p.content_type;
    bc_response_init(res);
    int status = p.via_router ? bc_router_dispatch(bc_router_route_of(req.path), &req, res)
                              : bc_handle_ingest(&req, res);
    if (status == 0) {
        /* read, not answered: the writer's step stores it, as the HTTP layer runs it */
        assert_non_null(req.stage);
        status = p.via_router ? bc_router_then(bc_router_route_of(req.path), &req, res)
                              : bc_handle_ingest_store(&req, res);
        req.stage_free(req.stage);
    } else {
        assert_null(req.stage);
    }
    bc_arena_free(&arena);
    assert_int_equal(res->status, status);
    return status;
}

/* A valid authenticated request with body. */
static post writer(const char *body)
{
    post p = {0};
    p.authorization = "Bearer " TOKEN;
    p.content_type = "application/json";
    p.body = body;
    return p;
}

/* Sends p, expects a problem with status, code and (when not NULL) parameter; returns
 * the detail in detail (may be NULL). */
static void expect(post p, int status, const char *code, const char *parameter, const char *want)
{
    bc_response res;
    int st = send_post(p, &res);
    if (st != status)
        fail_msg("status %d, want %d: %.300s", st, status, res.body.data);
    assert_string_equal(res.content_type, "application/problem+json");
    json_t *j = fx_json_body(&res);
    assert_int_equal(json_integer_value(json_object_get(j, "status")), status);
    assert_string_equal(json_string_value(json_object_get(j, "code")), code);
    if (parameter != NULL)
        assert_string_equal(json_string_value(json_object_get(j, "parameter")), parameter);
    const char *detail = json_string_value(json_object_get(j, "detail"));
    if (want != NULL && (detail == NULL || strstr(detail, want) == NULL))
        fail_msg("detail '%s' lacks '%s'", detail ? detail : "(none)", want);
    assert_int_equal(res.generation_changed, 0);
    json_decref(j);
    bc_response_free(&res);
}

#define count fx_count /* fixture.h */

static void no_token_configured_is_403(void **state)
{
    (void)state;
    post p = writer("{\"text\":\"" ARTICLE "\",\"lang\":\"en\"}");
    p.token = "";
    expect(p, 403, "writes_disabled", NULL, "BORDERCOOP_API_TOKEN");
    /* whatever the client sends, even an empty bearer token */
    p.authorization = "Bearer ";
    expect(p, 403, "writes_disabled", NULL, "read-only");
    p.authorization = NULL;
    expect(p, 403, "writes_disabled", NULL, NULL);
}

static void bearer_token_is_checked(void **state)
{
    (void)state;
    post p = writer("{}");
    bc_response res;
    p.authorization = NULL;
    assert_int_equal(send_post(p, &res), 401);
    assert_string_equal(bc_response_header_get(&res, "WWW-Authenticate"),
                        "Bearer realm=\"bordercoop\"");
    bc_response_free(&res);
    static const char *const wrong[] = {
        "Bearer wrong-token",
        "Bearer " TOKEN "x",            /* longer */
        "Bearer s3cret-token-for-test", /* a prefix */
        "Basic " TOKEN,                 /* another scheme */
        TOKEN,                          /* no scheme */
        "Bearer",
        "",
    };
    for (size_t i = 0; i < sizeof wrong / sizeof wrong[0]; i++) {
        p.authorization = wrong[i];
        assert_int_equal(send_post(p, &res), 401);
        assert_non_null(bc_response_header_get(&res, "WWW-Authenticate"));
        bc_response_free(&res);
    }
    /* authentication comes first: no hint about the body or content type before it */
    p = writer("not json");
    p.authorization = "Bearer nope";
    p.content_type = "text/plain";
    p.query = "x=1";
    expect(p, 401, "unauthorized", NULL, "not valid");
    /* the scheme name is case-insensitive: this one gets past authentication */
    p = writer("{}");
    p.authorization = "bEaReR " TOKEN;
    expect(p, 400, "invalid_field", "text", NULL);
    /* spaces or tabs around the token are tolerated (1*SP after the scheme, OWS) */
    p.authorization = "Bearer  " TOKEN " ";
    expect(p, 400, "invalid_field", "text", NULL);
}

static void content_type_must_be_json(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "text/plain",
        "application/x-www-form-urlencoded",
        "application/jsonx",
        "application/json-patch+json",
        "application/ld+json",
        "application/json x",
        "",
        NULL,
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        post p = writer("{}");
        p.content_type = bad[i];
        expect(p, 415, "unsupported_media_type", NULL, "application/json");
    }
    /* parameters are fine, and media type names ignore case (RFC 9110 8.3.1): these get
     * past the check to the body */
    static const char *const good[] = {"application/json; charset=utf-8", "APPLICATION/JSON",
                                       "Application/Json;charset=UTF-8",
                                       "application/json ; charset=utf-8", "application/json "};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        post p = writer("{}");
        p.content_type = good[i];
        expect(p, 400, "invalid_field", "text", NULL);
    }
}

static void query_parameters_are_refused(void **state)
{
    (void)state;
    post p = writer("{}");
    p.query = "dry_run=1";
    expect(p, 400, "unknown_parameter", "dry_run", "takes no query parameters");
    p.query = "a=1&%ZZ";
    expect(p, 400, "malformed_query", NULL, NULL);
    /* through the router too */
    p.query = "lang=en";
    p.via_router = 1;
    expect(p, 400, "unknown_parameter", "lang", NULL);
}

static void malformed_json(void **state)
{
    (void)state;
    static const char *const bodies[] = {
        "",
        "{",
        "{\"text\": }",
        "text=hello",
        "{\"text\":\"a\"} trailing",
        /* duplicate keys are refused, not resolved silently */
        "{\"lang\":\"en\",\"lang\":\"vi\"}",
    };
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
        post p = writer(bodies[i]);
        p.body_len = strlen(bodies[i]);
        if (p.body_len == 0)
            p.body = NULL;
        expect(p, 400, "malformed_json", NULL, "not valid JSON");
    }
    /* a JSON text that is not an object: arrays parse, bare values do not */
    static const char *const scalars[] = {"\"text\"", "42", "null"};
    for (size_t i = 0; i < sizeof scalars / sizeof scalars[0]; i++)
        expect(writer(scalars[i]), 400, "malformed_json", NULL, "not valid JSON");
    static const char *const not_objects[] = {"[]", "[{\"text\":\"a\",\"lang\":\"en\"}]"};
    for (size_t i = 0; i < sizeof not_objects / sizeof not_objects[0]; i++)
        expect(writer(not_objects[i]), 400, "malformed_json", NULL, "must be a JSON object");
}

static void bad_fields_are_named(void **state)
{
    (void)state;
    expect(writer("{\"text\":\"" ARTICLE "\",\"lang\":\"en\",\"colour\":\"red\"}"), 400,
           "invalid_field", "colour", "unknown field 'colour'");
    expect(writer("{\"lang\":\"en\"}"), 400, "invalid_field", "text", "required");
    expect(writer("{\"text\":42,\"lang\":\"en\"}"), 400, "invalid_field", "text",
           "must be a string");
    expect(writer("{\"text\":\"\",\"lang\":\"en\"}"), 400, "invalid_field", "text", "empty");
    expect(writer("{\"text\":\"too short\",\"lang\":\"en\"}"), 400, "invalid_field", "text",
           "fewer than");
    /* an escaped NUL never reaches the validator: the JSON parser refuses it */
    expect(writer("{\"text\":\"one two three\\u0000four five six seven\",\"lang\":\"en\"}"), 400,
           "malformed_json", NULL, "\\u0000 is not allowed in text");
    /* and says so without naming the parser's flag (outside attack 2, finding 8) */
    {
        bc_response res;
        send_post(writer("{\"text\":\"a\\u0000b\"}"), &res);
        assert_null(strstr(res.body.data, "JSON_ALLOW_NUL"));
        bc_response_free(&res);
    }
    /* without lang: detected, or a 400 when the text does not tell */
    expect(writer("{\"text\":\"12 345 678 90 11 12 13 14 15\"}"), 400, "invalid_field", "lang",
           "cannot be told");
    expect(writer("{\"text\":\"" ARTICLE "\",\"lang\":\"de\"}"), 400, "invalid_field", "lang",
           "en, vi, zh, fr, pl, sv, nl");
    expect(writer("{\"text\":\"" ARTICLE "\",\"lang\":\"english\"}"), 400, "invalid_field", "lang",
           NULL);
    expect(writer("{\"text\":\"" ARTICLE "\",\"lang\":[\"en\"]}"), 400, "invalid_field", "lang",
           "must be a string");
    expect(writer("{\"text\":\"" ARTICLE "\",\"lang\":\"en\",\"url\":\"ftp://x.org/a\"}"), 400,
           "invalid_field", "url", "http(s)");
    expect(writer("{\"text\":\"" ARTICLE "\",\"lang\":\"en\",\"published_on\":\"2026-02-30\"}"),
           400, "invalid_field", "published_on", "not a day");
    expect(writer("{\"text\":\"" ARTICLE "\",\"lang\":\"en\",\"title\":\"\"}"), 400,
           "invalid_field", "title", "1 to 500");
    expect(writer("{\"text\":\"" ARTICLE "\",\"lang\":\"en\",\"author\":7}"), 400, "invalid_field",
           "author", "must be a string");
}

static void oversized_text_is_413(void **state)
{
    (void)state;
    size_t n = BC_INGEST_MAX_TEXT + 1;
    char *body = bc_malloc(n + 64);
    assert_non_null(body);
    size_t k = (size_t)snprintf(body, 64, "{\"lang\":\"en\",\"text\":\"");
    for (size_t i = 0; i < n; i++)
        body[k + i] = i % 6 == 5 ? ' ' : 'a';
    memcpy(body + k + n, "\"}", 3);
    expect(writer(body), 413, "body_too_large", "text", "longer than");
    bc_free(body);
}

static void valid_but_no_writable_store_is_503(void **state)
{
    (void)state;
    long before = count(store, "SELECT count(*) FROM sources");
    expect(writer("{\"text\":\"" ARTICLE "\",\"lang\":\"en\"}"), 503, "store_unavailable", NULL,
           "cannot be written");
    assert_int_equal(count(store, "SELECT count(*) FROM sources"), before);
}

/* ---- a real ingest through a live store --------------------------------------------- */

typedef struct livestore {
    char dir[64], db[128];
    bc_live *live;
    bc_store *reader;
} livestore;

static void live_open(livestore *ls)
{
    snprintf(ls->dir, sizeof ls->dir, "/tmp/bc-ingest-api-XXXXXX");
    assert_non_null(mkdtemp(ls->dir));
    snprintf(ls->db, sizeof ls->db, "%s/store.db", ls->dir);
    bc_err err;
    assert_int_equal(bc_loader_build(fx_data_dir(), ls->db, NULL, &err), 0);
    assert_int_equal(bc_live_open(ls->db, 1, &ls->live, &err), 0);
    ls->reader = bc_store_pool_acquire(bc_live_pool(ls->live));
}

static void live_close(livestore *ls)
{
    bc_store_pool_release(bc_live_pool(ls->live), ls->reader);
    bc_live_close(ls->live);
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", ls->dir);
    assert_int_equal(system(cmd), 0);
}

static void ingest_through_a_live_store(void **state)
{
    (void)state;
    livestore ls;
    live_open(&ls);
    long sources = count(ls.reader, "SELECT count(*) FROM sources");
    post p = writer("{\"text\":\"" ARTICLE "\",\"lang\":\"EN\",\"title\":\"Twelfth JWG\","
                    "\"url\":\"https://example.org/jwg-12\",\"published_on\":\"2026-03-19\","
                    "\"publisher\":\"Example\",\"author\":null}");
    p.live = ls.live;
    p.store = ls.reader;
    p.via_router = 1;
    bc_response res;
    assert_int_equal(send_post(p, &res), 201);
    assert_string_equal(res.content_type, "application/json");
    assert_int_equal(res.generation_changed, 1);
    json_t *j = fx_json_body(&res);
    assert_true(json_is_true(json_object_get(j, "created")));
    json_t *src = json_object_get(j, "source");
    const char *id = json_string_value(json_object_get(src, "id"));
    assert_non_null(id);
    assert_string_equal(json_string_value(json_object_get(src, "lang")), "en"); /* lower-cased */
    assert_string_equal(json_string_value(json_object_get(src, "title")), "Twelfth JWG");
    assert_string_equal(json_string_value(json_object_get(src, "origin")), "ingested");
    assert_string_equal(json_string_value(json_object_get(src, "published_on")), "2026-03-19");
    char location[200];
    snprintf(location, sizeof location, "/v1/sources/%s", id);
    assert_string_equal(bc_response_header_get(&res, "Location"), location);
    assert_string_equal(json_string_value(json_object_get(json_object_get(j, "links"), "self")),
                        location);
    json_t *x = json_object_get(j, "extracted");
    assert_true(json_integer_value(json_object_get(x, "figures")) >= 1);
    assert_true(json_integer_value(json_object_get(x, "meetings")) >= 1);
    assert_true(json_integer_value(json_object_get(x, "citations")) >= 2);
    const char *version = json_string_value(json_object_get(j, "content_version"));
    assert_int_equal(strlen(version), 64);
    assert_int_equal(count(ls.reader, "SELECT count(*) FROM sources"), sources + 1);
    /* the live view moves once it looks */
    int changed = 0;
    bc_err err;
    assert_int_equal(bc_live_refresh(ls.live, &changed, &err), 0);
    assert_int_equal(changed, 1);
    bc_live_view v;
    bc_live_view_get(ls.live, &v);
    assert_string_equal(v.generation, version);
    /* readable as a source at once */
    bc_response got;
    assert_int_equal(fx_request(ls.reader, "GET", location, NULL, &got), 200);
    bc_response_free(&got);
    json_decref(j);
    bc_response_free(&res);
    /* the same text again: 200, nothing new, the generation stays */
    p.body = "{\"text\":\"" ARTICLE "\",\"lang\":\"en\",\"title\":\"Another title\"}";
    assert_int_equal(send_post(p, &res), 200);
    assert_int_equal(res.generation_changed, 0);
    j = fx_json_body(&res);
    assert_true(json_is_false(json_object_get(j, "created")));
    assert_string_equal(json_string_value(json_object_get(json_object_get(j, "source"), "id")),
                        strrchr(location, '/') + 1);
    json_decref(j);
    bc_response_free(&res);
    assert_int_equal(count(ls.reader, "SELECT count(*) FROM sources"), sources + 1);
    live_close(&ls);
}

static void allocation_failure_writes_nothing(void **state)
{
    (void)state;
    livestore ls;
    live_open(&ls);
    long sources = count(ls.reader, "SELECT count(*) FROM sources");
    post p = writer("{\"text\":\"" ARTICLE "\",\"lang\":\"en\"}");
    p.live = ls.live;
    p.store = ls.reader;
    int failures = 0, created = 0;
    for (long n = 0; n < 1000000 && !created; n = n < 64 ? n + 1 : n + n / 8) {
        bc_response res;
        bc_alloc_fail_after(n);
        int st = send_post(p, &res);
        bc_alloc_fail_reset();
        if (st == 201) {
            created = 1;
        } else if (st == 500 && res.body.data != NULL &&
                   strstr(res.body.data, "was stored as") != NULL) {
            /* stored, then out of memory reading it back: the answer says it was stored */
            assert_int_equal(count(ls.reader, "SELECT count(*) FROM sources"), sources + 1);
            created = 1;
            failures++;
        } else {
            /* a server failure, never a 4xx blaming the client, and nothing stored */
            if (st != 500 && st != 503)
                fail_msg("after %ld allocations: %d %.200s", n, st,
                         res.body.data ? res.body.data : "");
            failures++;
            assert_int_equal(count(ls.reader, "SELECT count(*) FROM sources"), sources);
        }
        bc_response_free(&res);
    }
    assert_true(failures > 0);
    assert_true(created);
    assert_int_equal(count(ls.reader, "SELECT count(*) FROM sources"), sources + 1);
    live_close(&ls);
}

static int setup(void **state)
{
    (void)state;
    store = fx_store_from(fx_data_dir());
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    bc_store_close(store);
    return 0;
}

/* A job on a worker pool that posts p: the answer, as the daemon runs a write. */
typedef struct post_job {
    bc_job job;
    post p;
    bc_response res;
    atomic_int done;
} post_job;

static void post_job_run(bc_job *job, bc_store *reader)
{
    post_job *j = (post_job *)job;
    j->p.store = reader;
    send_post(j->p, &j->res);
    atomic_store(&j->done, 1);
}

static void post_job_expire(bc_job *job, int stopping)
{
    (void)stopping;
    atomic_store(&((post_job *)job)->done, 2);
}

/* The job whose budget ends as its ingest is about to commit. */
static post_job *ending;

static void end_the_budget(void)
{
    ending->job.deadline = bc_deadline_after(0);
    ending->job.deadline.tv_sec -= 1;
}

/* Outside attack 2, finding 6: a write whose transaction commits after its budget ran
 * out was answered 500 "reading the stored article back: interrupted", though stored.
 * Once committed, the answer is the 201 with the stored document. */
static void a_commit_past_the_budget_is_acknowledged(void **state)
{
    (void)state;
    livestore ls;
    live_open(&ls);
    bc_live_writer_hook(ls.live, bc_workers_guard); /* as the daemon cuts its writer */
    long sources = count(ls.reader, "SELECT count(*) FROM sources");
    /* the pool's thread takes the reader for the job */
    bc_store_pool_release(bc_live_pool(ls.live), ls.reader);
    bc_workers *w = NULL;
    bc_err err;
    assert_int_equal(bc_workers_start("writer", 1, 4, bc_live_pool(ls.live), &w, &err), 0);
    post_job j;
    memset(&j, 0, sizeof j);
    /* thirty figures: reading their article's document back takes SQLite more steps
     * than the guard lets run past a deadline (workers.c), as a real article's does */
    char body[4096];
    int used = snprintf(body, sizeof body, "{\"text\":\"");
    for (int i = 0; i < 30; i++)
        used += snprintf(body + used, sizeof body - (size_t)used,
                         "In %d, trade between Lao Cai and Yunnan reached USD %d.5 million. ",
                         1990 + i, 10 + i);
    snprintf(body + used, sizeof body - (size_t)used,
             "\",\"lang\":\"en\",\"title\":\"Late commit\",\"published_on\":\"2026-03-09\"}");
    j.p = writer(body);
    j.p.live = ls.live;
    j.p.via_router = 1;
    j.job.run = post_job_run;
    j.job.expire = post_job_expire;
    /* the budget ends inside the transaction, just before it commits (whatever the load
     * of the machine: the hook runs on the worker, between the last write and COMMIT) */
    ending = &j;
    bc_ingest_before_commit = end_the_budget;
    j.job.deadline = bc_deadline_after(60000);
    assert_int_equal(bc_workers_submit(w, &j.job), BC_OK);
    for (int i = 0; i < 12000 && atomic_load(&j.done) == 0; i++) {
        struct timespec ts = {0, 5 * 1000000L};
        nanosleep(&ts, NULL);
    }
    bc_ingest_before_commit = NULL;
    if (atomic_load(&j.done) != 1)
        fail_msg("the job %s", atomic_load(&j.done) == 2 ? "expired unrun" : "did not end");
    assert_true(j.job.deadline_hit || bc_deadline_left_ms(&j.job.deadline) == 0);
    if (j.res.status != 201)
        fail_msg("status %d: %.300s", j.res.status, j.res.body.data);
    assert_int_equal(j.res.generation_changed, 1);
    json_t *doc = fx_json_body(&j.res);
    assert_string_equal(json_string_value(json_object_get(json_object_get(doc, "source"), "title")),
                        "Late commit");
    json_decref(doc);
    bc_response_free(&j.res);
    bc_workers_stop(w);
    ls.reader = bc_store_pool_acquire(bc_live_pool(ls.live));
    assert_int_equal(count(ls.reader, "SELECT count(*) FROM sources"), sources + 1);
    live_close(&ls);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(no_token_configured_is_403),
        cmocka_unit_test(a_commit_past_the_budget_is_acknowledged),
        cmocka_unit_test(bearer_token_is_checked),
        cmocka_unit_test(content_type_must_be_json),
        cmocka_unit_test(query_parameters_are_refused),
        cmocka_unit_test(malformed_json),
        cmocka_unit_test(bad_fields_are_named),
        cmocka_unit_test(oversized_text_is_413),
        cmocka_unit_test(valid_but_no_writable_store_is_503),
        cmocka_unit_test(ingest_through_a_live_store),
        cmocka_unit_test(allocation_failure_writes_nothing),
    };
    return cmocka_run_group_tests_name("ingest_api", tests, setup, teardown);
}
