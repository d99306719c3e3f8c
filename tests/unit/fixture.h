/* fixture.h: helpers shared by the unit tests: a store built in memory from data/, a
 * scratch copy of data/ that a test may corrupt, JSON edits by path, and requests run
 * through the router without a network. Include after <cmocka.h>. */
#ifndef BC_TEST_FIXTURE_H
#define BC_TEST_FIXTURE_H

#include "bordercoop/alloc.h"
#include "bordercoop/embed.h"
#include "bordercoop/ingest.h"
#include "bordercoop/loader.h"
#include "bordercoop/negotiate.h"
#include "bordercoop/router.h"
#include "bordercoop/store.h"

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The data directory, from BC_DATA or "data" (tests run from the repository root). */
static inline const char *fx_data_dir(void)
{
    const char *d = getenv("BC_DATA");
    return d && *d ? d : "data";
}

/* A migrated in-memory store filled from dir; fails the test on error. */
static inline bc_store *fx_store_from(const char *dir)
{
    bc_store *s = NULL;
    bc_err err;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &s, &err), 0);
    assert_int_equal(bc_store_migrate(s, NULL, &err), 0);
    int rc = bc_loader_fill(s, dir, NULL, &err);
    if (rc != 0)
        fail_msg("loading %s: %s", dir, err.msg);
    return s;
}

/* The store a whole test group shares, filled from fx_data_dir(): pass fx_group_setup
 * and fx_group_teardown to cmocka_run_group_tests and read it with fx_group_store(). */
static inline bc_store **fx_group_slot(void)
{
    static bc_store *store;
    return &store;
}

static inline bc_store *fx_group_store(void)
{
    return *fx_group_slot();
}

static inline int fx_group_setup(void **state)
{
    (void)state;
    *fx_group_slot() = fx_store_from(fx_data_dir());
    return 0;
}

static inline int fx_group_teardown(void **state)
{
    (void)state;
    bc_store_close(*fx_group_slot());
    *fx_group_slot() = NULL;
    return 0;
}

static inline void fx_copy_file(const char *from, const char *to)
{
    FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
    assert_non_null(in);
    assert_non_null(out);
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        assert_int_equal(fwrite(buf, 1, n, out), n);
    fclose(in);
    assert_int_equal(fclose(out), 0);
}

/* Copies the regular files of from/ into to/ (created). */
static inline void fx_copy_dir(const char *from, const char *to)
{
    assert_int_equal(mkdir(to, 0755), 0);
    DIR *d = opendir(from);
    assert_non_null(d);
    struct dirent *e;
    char a[2048], b[2048];
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        snprintf(a, sizeof a, "%.1000s/%.255s", from, e->d_name);
        snprintf(b, sizeof b, "%.1000s/%.255s", to, e->d_name);
        struct stat st;
        if (stat(a, &st) == 0 && S_ISREG(st.st_mode))
            fx_copy_file(a, b);
    }
    closedir(d);
}

/* A scratch copy of data/ in a new temporary directory (path written to out). */
static inline void fx_scratch_data(char out[256])
{
    char tmpl[] = "/tmp/bc-test-XXXXXX";
    assert_non_null(mkdtemp(tmpl));
    snprintf(out, 256, "%s/data", tmpl);
    char a[1024], b[1024];
    assert_int_equal(mkdir(out, 0755), 0);
    snprintf(a, sizeof a, "%s/sources.json", fx_data_dir());
    snprintf(b, sizeof b, "%s/sources.json", out);
    fx_copy_file(a, b);
    snprintf(a, sizeof a, "%s/articles", fx_data_dir());
    snprintf(b, sizeof b, "%s/articles", out);
    fx_copy_dir(a, b);
    snprintf(a, sizeof a, "%s/facts", fx_data_dir());
    snprintf(b, sizeof b, "%s/facts", out);
    fx_copy_dir(a, b);
    snprintf(a, sizeof a, "%s/reference", fx_data_dir());
    snprintf(b, sizeof b, "%s/reference", out);
    if (access(a, F_OK) == 0)
        fx_copy_dir(a, b);
}

/* Removes a scratch tree made by fx_scratch_data (the parent of data/). */
static inline void fx_remove_scratch(const char *data)
{
    char cmd[600];
    char parent[256];
    snprintf(parent, sizeof parent, "%s", data);
    char *slash = strrchr(parent, '/');
    if (slash != NULL)
        *slash = '\0';
    if (strncmp(parent, "/tmp/bc-test-", 13) != 0)
        return;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", parent);
    assert_int_equal(system(cmd), 0);
}

/* Follows a path like "meetings[2].sources[0].quote" from root; returns the parent
 * container and the last key (object) or index (array). */
static inline json_t *fx_json_parent(json_t *root, const char *path, char *last_key,
                                     size_t *last_index)
{
    json_t *cur = root;
    const char *p = path;
    for (;;) {
        char key[128];
        size_t k = 0;
        while (*p && *p != '.' && *p != '[')
            key[k++] = *p++;
        key[k] = '\0';
        int is_index = 0;
        size_t index = 0;
        if (k == 0 && *p == '[') {
            is_index = 1;
            index = strtoul(p + 1, (char **)&p, 10);
            p++; /* ']' */
        }
        if (*p == '\0') {
            if (is_index) {
                last_key[0] = '\0';
                *last_index = index;
            } else {
                strcpy(last_key, key);
            }
            return cur;
        }
        cur = is_index ? json_array_get(cur, index) : json_object_get(cur, key);
        assert_non_null(cur);
        if (*p == '.')
            p++;
    }
}

/* Sets (value != NULL, stolen) or deletes (value == NULL) the element at path in
 * dir/rel, rewriting the file. */
static inline void fx_json_edit(const char *dir, const char *rel, const char *path, json_t *value)
{
    char file[1024];
    snprintf(file, sizeof file, "%s/%s", dir, rel);
    json_error_t je;
    json_t *root = json_load_file(file, 0, &je);
    assert_non_null(root);
    char key[128];
    size_t index = 0;
    json_t *parent = fx_json_parent(root, path, key, &index);
    if (json_is_object(parent)) {
        if (value != NULL)
            json_object_set_new(parent, key, value);
        else
            json_object_del(parent, key);
    } else {
        assert_true(json_is_array(parent));
        if (value != NULL) {
            if (index < json_array_size(parent))
                json_array_set_new(parent, index, value);
            else
                json_array_append_new(parent, value);
        } else {
            json_array_remove(parent, index);
        }
    }
    assert_int_equal(json_dump_file(root, file, JSON_INDENT(1)), 0);
    json_decref(root);
}

static inline void fx_write_file(const char *dir, const char *rel, const char *text)
{
    size_t n = strlen(text);
    char file[1024];
    snprintf(file, sizeof file, "%s/%s", dir, rel);
    FILE *f = fopen(file, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, n, f), n);
    assert_int_equal(fclose(f), 0);
}

/* The default configuration (every flag at its default), parsed once. */
static inline const bc_config *fx_config(void)
{
    static bc_config cfg;
    bc_err err;
    if (cfg.threads == 0)
        assert_int_equal(bc_config_parse(&cfg, 0, NULL, NULL, &err), 0);
    return &cfg;
}

/* A request for method path?query on store s (may be NULL), its memory in *arena, for a
 * client that accepts the formats `formats` (BC_FMT_*, the preferred one the lowest
 * bit) and wants HTML (a browser) when html is 1. */
static inline bc_request fx_req(bc_store *s, const char *method, const char *path,
                                const char *query, unsigned formats, int html, bc_arena *arena)
{
    bc_request req = {0};
    req.method = method;
    req.path = path;
    req.query = query ? query : "";
    req.store = s;
    req.cfg = fx_config();
    req.formats = formats;
    req.format = (int)(formats & -formats);
    req.wants_html = html;
    req.arena = arena;
    return req;
}

/* Runs req through handler h, or through the router when h is NULL; *res must be freed
 * with bc_response_free. Returns the status (checked against res->status). */
static inline int fx_run(bc_handler h, bc_request *req, bc_response *res)
{
    bc_response_init(res);
    int status = h ? h(req, res) : bc_router_dispatch(bc_router_route_of(req->path), req, res);
    bc_arena_free(req->arena);
    assert_int_equal(res->status, status);
    return status;
}

/* GET path?query on store s (may be NULL) with the acceptable formats, through handler
 * h (NULL: the router). */
static inline int fx_call(bc_handler h, bc_store *s, const char *path, const char *query,
                          unsigned formats, bc_response *res)
{
    bc_arena arena = BC_ARENA_INIT;
    bc_request req = fx_req(s, "GET", path, query, formats, 0, &arena);
    return fx_run(h, &req, res);
}

/* Runs one request through the router against store s, as a client that sends no
 * Accept header (any format, JSON preferred); *res must be freed with bc_response_free.
 * The path is taken as already decoded. */
static inline int fx_request(bc_store *s, const char *method, const char *path, const char *query,
                             bc_response *res)
{
    bc_arena arena = BC_ARENA_INIT;
    bc_request req = fx_req(s, method, path, query, BC_FMT_KNOWN, 0, &arena);
    return fx_run(NULL, &req, res);
}

/* A new copy of store_meta[key] on s (free with bc_free); fails the test when absent. */
static inline char *fx_meta(bc_store *s, const char *key)
{
    char *v = NULL;
    bc_err err;
    assert_int_equal(bc_store_meta_get(s, key, &v, &err), 0);
    assert_non_null(v);
    return v;
}

/* An allocation-failure sweep (after SQLite's malloc*.test): run(ctx) is called with
 * the allocation after n successful ones failing (only that one when once is 1, that
 * one and every later one when 0) for n = 0, step, 2 * step, ... until a run makes no
 * more than n allocations, that is, ends without meeting the failure. check(ctx, rc, n)
 * judges each run's result rc. A first run without failures fills the caches (the
 * statement cache), so that every run makes the same allocations. Returns how many runs
 * failed (rc != 0); fails the test if the sweep has not ended after max_runs. */
static inline long fx_oom_sweep(int once, long step, long max_runs, int (*run)(void *ctx),
                                void (*check)(void *ctx, int rc, long n), void *ctx)
{
    long failed = 0, runs = 0;
    int warm = run(ctx);
    check(ctx, warm, -1);
    assert_int_equal(warm, 0);
    for (long n = 0;; n += step, runs++) {
        if (runs == max_runs)
            fail_msg("allocation sweep: still failing after %ld runs (n = %ld)", runs, n);
        if (once)
            bc_alloc_fail_once(n);
        else
            bc_alloc_fail_after(n);
        int rc = run(ctx);
        long made = bc_alloc_count();
        bc_alloc_fail_reset();
        check(ctx, rc, n);
        failed += rc != 0;
        if (made <= n)
            return failed;
    }
}

/* A GET through the router for fx_oom_sweep: fx_get_sweep(&w) with w.path and w.query
 * set runs it under each failure; every run is a 200 or a clean 500 problem (judged once
 * the failure is lifted, as the judging allocates too). Returns the number of 500s. */
typedef struct fx_get_sweep_ctx {
    const char *path, *query;
    bc_response res;
} fx_get_sweep_ctx;

static inline int fx_get_sweep_run(void *ctx)
{
    fx_get_sweep_ctx *w = ctx;
    bc_arena arena = BC_ARENA_INIT;
    bc_request req = fx_req(*fx_group_slot(), "GET", w->path, w->query, BC_FMT_KNOWN, 0, &arena);
    bc_response_init(&w->res);
    int st = bc_router_dispatch(bc_router_route_of(req.path), &req, &w->res);
    bc_arena_free(&arena);
    return st == 200 ? 0 : st;
}

static inline int fx_expect_500(const bc_response *res);

static inline void fx_get_sweep_check(void *ctx, int rc, long n)
{
    fx_get_sweep_ctx *w = ctx;
    if (rc == 500)
        fx_expect_500(&w->res);
    else if (rc != 0)
        fail_msg("GET %s?%s under allocation failure %ld: %d", w->path, w->query, n, rc);
    bc_response_free(&w->res);
}

static inline long fx_get_sweep(const char *path, const char *query, int once, long step)
{
    fx_get_sweep_ctx w = {path, query, {0}};
    return fx_oom_sweep(once, step, 5000, fx_get_sweep_run, fx_get_sweep_check, &w);
}

/* Parses a response body as JSON (fails the test if it is not); decref the result. */
static inline json_t *fx_json_body(const bc_response *res)
{
    json_error_t je;
    json_t *j = json_loadb(res->body.data ? res->body.data : "", res->body.len, 0, &je);
    if (j == NULL)
        fail_msg("response is not JSON (%s): %.200s", je.text, res->body.data);
    return j;
}

/* Expects a 400 problem with this code, naming parameter (NULL: none named). */
static inline void fx_expect_400(const bc_response *res, const char *code, const char *parameter)
{
    assert_int_equal(res->status, 400);
    assert_string_equal(res->content_type, "application/problem+json");
    json_t *j = fx_json_body(res);
    assert_string_equal(json_string_value(json_object_get(j, "code")), code);
    if (parameter != NULL)
        assert_string_equal(json_string_value(json_object_get(j, "parameter")), parameter);
    else
        assert_null(json_object_get(j, "parameter"));
    json_decref(j);
}

/* Whether code is one of the problem codes openapi.yaml's Problem schema lists (the
 * enum under "What went wrong, for a program."), read from the embedded file. */
static inline int fx_problem_code_documented(const char *code)
{
    const char *y = bc_openapi[0].data;
    const char *p = strstr(y, "description: What went wrong, for a program.");
    if (p == NULL || (p = strstr(p, "enum:\n")) == NULL)
        fail_msg("openapi.yaml: the problem code enum is not where the tests look for it");
    p = strchr(p, '\n') + 1;
    size_t n = strlen(code);
    /* each member is a line "<spaces>- <code>"; the list ends at the first other line */
    for (;;) {
        while (*p == ' ')
            p++;
        if (p[0] != '-' || p[1] != ' ')
            return 0;
        p += 2;
        if (strncmp(p, code, n) == 0 && p[n] == '\n')
            return 1;
        p = strchr(p, '\n');
        if (p == NULL)
            return 0;
        p++;
    }
}

/* Expects a 500 problem with code internal_error, a code the contract lists. A body that
 * could not be built at all (no memory left) is allowed: bc_http_send answers with its
 * fixed internal_error problem then. Returns whether a body was checked. */
static inline int fx_expect_500(const bc_response *res)
{
    assert_int_equal(res->status, 500);
    assert_string_equal(res->content_type, "application/problem+json");
    if (res->body.data == NULL || res->body.len == 0)
        return 0;
    json_t *j = fx_json_body(res);
    const char *code = json_string_value(json_object_get(j, "code"));
    if (code == NULL || strcmp(code, "internal_error") != 0)
        fail_msg("a 500 with code %s: %.200s", code ? code : "(none)", res->body.data);
    assert_true(fx_problem_code_documented(code));
    json_decref(j);
    return 1;
}

/* The first column of the first row of sql on s, as an integer (a count). */
static inline long fx_count(bc_store *s, const char *sql)
{
    sqlite3_stmt *st;
    bc_err err;
    assert_int_equal(bc_store_stmt(s, sql, &st, &err), 0);
    assert_int_equal(sqlite3_step(st), SQLITE_ROW);
    long n = (long)sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return n;
}

/* text ingested into s as language lang with published_on pub (either may be NULL);
 * fails the test on an error */
static inline bc_ingest_result fx_ingest(bc_store *s, const char *lang, const char *text,
                                         const char *pub)
{
    bc_ingest_input in = {0};
    in.text = text;
    in.len = strlen(text);
    in.lang = lang;
    in.published_on = pub;
    bc_ingest_result r;
    bc_err err;
    if (bc_ingest(s, &in, &r, &err) != 0)
        fail_msg("ingest: %s", err.msg);
    return r;
}

/* fx_count of fmt, whose one %s is the source id src ("... WHERE id LIKE '%s-m%%'") */
static inline long fx_count_of(bc_store *s, const char *fmt, const char *src)
{
    char sql[1024];
    snprintf(sql, sizeof sql, fmt, src);
    return fx_count(s, sql);
}

/* ---- helpers for tests of one collection on the shared group store ------------------ */

/* GETs path?query on fx_group_store(), expects status, returns the parsed body (decref). */
static inline json_t *fx_get(const char *path, const char *query, int status)
{
    bc_response res;
    int st = fx_request(fx_group_store(), "GET", path, query, &res);
    if (st != status)
        fail_msg("GET %s?%s: %d, want %d: %.300s", path, query ? query : "", st, status,
                 res.body.data);
    json_t *j = fx_json_body(&res);
    bc_response_free(&res);
    return j;
}

/* The string member key of o, or NULL. */
static inline const char *fx_str(json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

/* The ids of the documents in arr, comma-joined into a static buffer. */
static inline const char *fx_join_ids(json_t *arr)
{
    static char out[2048];
    out[0] = '\0';
    size_t i;
    json_t *d;
    json_array_foreach(arr, i, d)
    {
        size_t n = strlen(out);
        snprintf(out + n, sizeof out - n, "%s%s", i ? "," : "", fx_str(d, "id"));
    }
    return out;
}

/* The ids of GET path?query (a 200), comma-joined into a static buffer. */
static inline const char *fx_ids(const char *path, const char *query)
{
    json_t *j = fx_get(path, query, 200);
    const char *out = fx_join_ids(json_object_get(j, "data"));
    json_decref(j);
    return out;
}

/* Expects GET path?query to be a 400 naming parameter, whose detail contains want. */
static inline void fx_bad(const char *path, const char *query, const char *parameter,
                          const char *want)
{
    json_t *j = fx_get(path, query, 400);
    assert_string_equal(fx_str(j, "parameter"), parameter);
    const char *detail = fx_str(j, "detail");
    if (strstr(detail, want) == NULL)
        fail_msg("detail '%s' lacks '%s'", detail, want);
    json_decref(j);
}

#endif
