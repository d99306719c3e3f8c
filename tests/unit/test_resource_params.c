/* test_resource_params.c: query parameters validated against a bc_param_spec table
 * (resource_params.c, bc_params_parse): every type, lookups with folding and their
 * allowed values, the order kept, unknown, duplicate and empty parameters answered the
 * same way on every endpoint that takes parameters, and allocation failures. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/query.h"
#include "bordercoop/resource.h"

#include "fixture.h"

static const bc_param_spec SPECS[] = {
    {"name", BC_PARAM_TEXT},
    {"n", BC_PARAM_INT, NULL, NULL, NULL, NULL, 0, 1, 12},
    {"from", BC_PARAM_DATE_FROM},
    {"to", BC_PARAM_DATE_TO},
    {"flag", BC_PARAM_BOOL},
    {"province", BC_PARAM_TEXT, NULL, BC_LOOKUP_ALIAS("province"), NULL,
     "a province id or any of its names", 1},
    {"status", BC_PARAM_TEXT, NULL, BC_LOOKUP_VOCAB("meeting_status"),
     BC_VALUES_VOCAB("meeting_status")},
    {NULL},
};
static const bc_param_spec MORE[] = {{"limit", BC_PARAM_INT, NULL, NULL, NULL, NULL, 0, 1, 5},
                                     {NULL}};

typedef struct parsed {
    bc_param p[BC_QUERY_MAX_PAIRS];
    size_t n;
    bc_response res;
    bc_arena arena;
    int status;
} parsed;

/* Parses query against SPECS and MORE; free with done(). */
static void parse(parsed *x, const char *query)
{
    memset(x, 0, sizeof *x);
    x->arena = (bc_arena)BC_ARENA_INIT;
    bc_request req = fx_req(fx_group_store(), "GET", "/v1/x", query, BC_FMT_JSON, 0, &x->arena);
    bc_response_init(&x->res);
    x->status = bc_params_parse(&req, SPECS, MORE, x->p, &x->n, &x->res);
}

static void done(parsed *x)
{
    bc_response_free(&x->res);
    bc_arena_free(&x->arena);
}

/* Expects query to be refused with code on parameter, the detail containing want. */
static void refused(const char *query, const char *code, const char *parameter, const char *want)
{
    parsed x;
    parse(&x, query);
    if (x.status != 400)
        fail_msg("%s: %d, want 400", query, x.status);
    fx_expect_400(&x.res, code, parameter);
    if (strstr(x.res.body.data, want) == NULL)
        fail_msg("%s: '%s' lacks '%s'", query, x.res.body.data, want);
    done(&x);
}

static void values_of_every_type(void **state)
{
    (void)state;
    parsed x;
    parse(&x, "n=12&name=Lao%20Cai&from=2024-06&to=2025&flag=1&limit=5");
    assert_int_equal(x.status, 0);
    assert_int_equal(x.n, 6);
    /* in the order given, each with its spec */
    assert_string_equal(x.p[0].spec->name, "n");
    assert_int_equal(x.p[0].num, 12);
    assert_string_equal(bc_params_text(x.p, x.n, "name", NULL), "Lao Cai");
    /* dates bind the first and the last day they cover */
    assert_string_equal(bc_params_text(x.p, x.n, "from", NULL), "2024-06-01");
    assert_string_equal(bc_params_get(x.p, x.n, "from")->shown, "2024-06");
    assert_string_equal(bc_params_text(x.p, x.n, "to", NULL), "2025-12-31");
    /* a boolean is shown as true/false whatever was written */
    assert_int_equal(bc_params_get(x.p, x.n, "flag")->num, 1);
    assert_string_equal(bc_params_get(x.p, x.n, "flag")->shown, "true");
    /* the second table's parameters too */
    assert_int_equal(bc_params_get(x.p, x.n, "limit")->num, 5);
    /* absent: NULL, or the default given */
    assert_null(bc_params_get(x.p, x.n, "province"));
    assert_string_equal(bc_params_text(x.p, x.n, "status", "held"), "held");
    for (size_t i = 0; i < x.n; i++)
        assert_int_equal(x.p[i].dflt, 0);
    done(&x);
    /* no query at all */
    parse(&x, "");
    assert_int_equal(x.status, 0);
    assert_int_equal(x.n, 0);
    done(&x);
}

/* A lookup maps any name (folded when the spec says so) to the canonical value and
 * keeps what was asked for apart. */
static void lookups_give_the_canonical_value(void **state)
{
    (void)state;
    parsed x;
    parse(&x, "province=V%C3%A2n%20Nam&status=HELD");
    assert_int_equal(x.status, 0);
    assert_string_equal(bc_params_text(x.p, x.n, "province", NULL), "yunnan");
    assert_string_equal(bc_params_text(x.p, x.n, "status", NULL), "held");
    done(&x);
    /* an unknown value lists the allowed ones: from the vocabulary, or the hint */
    refused("status=cancelled", "invalid_parameter", "status",
            "unknown status 'cancelled'; allowed: held, planned");
    refused("province=narnia", "invalid_parameter", "province",
            "unknown province 'narnia'; allowed: a province id or any of its names");
    /* a name that folds to nothing is unknown, not an error of the server */
    refused("province=%E2%80%94", "invalid_parameter", "province", "unknown province");
}

static void bad_values(void **state)
{
    (void)state;
    refused("n=13", "invalid_parameter", "n", "must be a whole number from 1 to 12, got '13'");
    refused("n=0", "invalid_parameter", "n", "from 1 to 12");
    refused("n=+3", "invalid_parameter", "n", "whole number");
    refused("n=%203", "invalid_parameter", "n", "whole number");
    refused("n=3x", "invalid_parameter", "n", "whole number");
    refused("limit=6", "invalid_parameter", "limit", "from 1 to 5");
    refused("flag=yes", "invalid_parameter", "flag", "must be true or false, got 'yes'");
    refused("from=2025-02-30", "invalid_parameter", "from", "parameter 'from': ");
    refused("to=soon", "invalid_parameter", "to", "parameter 'to': ");
    refused("%zz=1", "malformed_query", NULL, "percent-encoding");
}

/* Unknown, duplicate and empty parameters: the first problem in the query is the one
 * answered. */
static void unknown_duplicate_and_empty(void **state)
{
    (void)state;
    refused("colour=red", "unknown_parameter", "colour",
            "unknown parameter 'colour'; allowed: name, n, from, to, flag, province, status, "
            "limit");
    refused("name=a&n=2&name=b", "duplicate_parameter", "name",
            "parameter 'name' is given more than once");
    refused("name=", "invalid_parameter", "name", "parameter 'name' must not be empty");
    refused("flag=&colour=red", "invalid_parameter", "flag", "must not be empty");
    refused("colour=red&flag=", "unknown_parameter", "colour", "unknown parameter");
    /* a long unknown name is cut in the detail */
    char q[200];
    memset(q, 'k', 120);
    snprintf(q + 120, sizeof q - 120, "=1");
    parsed x;
    parse(&x, q);
    assert_int_equal(x.status, 400);
    assert_null(
        strstr(x.res.body.data, "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk'"));
    done(&x);
}

/* A route with no parameters says so. */
static void no_parameters_at_all(void **state)
{
    (void)state;
    static const bc_param_spec NONE[] = {{NULL}};
    bc_arena arena = BC_ARENA_INIT;
    bc_request req =
        fx_req(fx_group_store(), "POST", "/v1/sources", "dry_run=1", BC_FMT_JSON, 0, &arena);
    bc_param p[BC_QUERY_MAX_PAIRS];
    size_t n = 99;
    bc_response res;
    bc_response_init(&res);
    assert_int_equal(bc_params_parse(&req, NONE, NULL, p, &n, &res), 400);
    assert_int_equal(n, 0);
    assert_non_null(strstr(res.body.data, "unknown parameter 'dry_run'; POST /v1/sources takes "
                                          "no query parameters"));
    bc_response_free(&res);
    /* NULL tables are no tables */
    bc_response_init(&res);
    assert_int_equal(bc_params_parse(&req, NULL, NULL, p, &n, &res), 400);
    bc_response_free(&res);
    bc_arena_free(&arena);
}

/* The endpoints with a table of their own answer unknown, duplicate and empty
 * parameters in the same words as the lists. */
static void every_endpoint_answers_alike(void **state)
{
    (void)state;
    static const struct {
        const char *path, *param, *value, *allowed;
    } eps[] = {
        {"/v1/meetings", "year", "2024", "allowed: mechanism, province,"},
        {"/v1/series", "metric", "trade_turnover",
         "allowed: metric, province, pair, from, to, curation"},
        {"/v1/search", "q", "yunnan",
         "allowed: q, type, lang, curation, paragraphs, limit, offset, total, format"},
        {"/v1/changes", "limit", "5", "allowed: since, limit, kind, curation"},
        {"/v1/stats", "curation", "all", "allowed: curation"},
    };
    for (size_t i = 0; i < sizeof eps / sizeof eps[0]; i++) {
        char q[128], want[128];
        bc_response res;
        assert_int_equal(fx_request(fx_group_store(), "GET", eps[i].path, "zz=1", &res), 400);
        fx_expect_400(&res, "unknown_parameter", "zz");
        snprintf(want, sizeof want, "unknown parameter 'zz'; %s", eps[i].allowed);
        if (strstr(res.body.data, want) == NULL)
            fail_msg("%s: %s lacks %s", eps[i].path, res.body.data, want);
        bc_response_free(&res);
        /* a valid value given twice */
        snprintf(q, sizeof q, "%s=%s&%s=%s", eps[i].param, eps[i].value, eps[i].param,
                 eps[i].value);
        assert_int_equal(fx_request(fx_group_store(), "GET", eps[i].path, q, &res), 400);
        fx_expect_400(&res, "duplicate_parameter", eps[i].param);
        snprintf(want, sizeof want, "parameter '%s' is given more than once", eps[i].param);
        assert_non_null(strstr(res.body.data, want));
        bc_response_free(&res);
        snprintf(q, sizeof q, "%s=", eps[i].param);
        assert_int_equal(fx_request(fx_group_store(), "GET", eps[i].path, q, &res), 400);
        fx_expect_400(&res, "invalid_parameter", eps[i].param);
        snprintf(want, sizeof want, "parameter '%s' must not be empty", eps[i].param);
        assert_non_null(strstr(res.body.data, want));
        bc_response_free(&res);
    }
}

/* Out of memory while parsing: a 500 problem (or the parse done), never a crash or a
 * leak; a lookup's value is copied into the request's arena. */
static int parse_run(void *ctx)
{
    parsed *x = ctx;
    parse(x, "province=Lao%20Cai&from=2024&status=held&name=a");
    return x->status;
}

/* Judged after the failure is lifted (the checks allocate too). */
static void parse_check(void *ctx, int rc, long n)
{
    (void)n;
    parsed *x = ctx;
    if (rc == 0)
        assert_string_equal(bc_params_text(x->p, x->n, "province", NULL), "lao-cai");
    else if (rc == 500)
        fx_expect_500(&x->res);
    else
        fail_msg("status %d under allocation failure: %s", rc, x->res.body.data);
    done(x);
}

static void allocation_failures(void **state)
{
    (void)state;
    parsed x;
    long failed = fx_oom_sweep(0, 1, 400, parse_run, parse_check, &x);
    assert_true(failed > 0);
}

/* Which list queries run on the costly lane (router.h): pages past BC_COSTLY_ROWS items,
 * totals and facets, however the query is encoded; anything unparsable is left to the
 * handler's 400 on the ordinary workers. */
static void costly_queries(void **state)
{
    (void)state;
    bc_arena a = BC_ARENA_INIT;
    static const char *const cheap[] = {
        "",
        "limit=100",
        "limit=50&offset=50",
        "total=false",
        "total=0",
        "sort=-value&limit=20",
        "limit=%zz&total=true", /* malformed: the handler refuses it */
        "curation=all&format=csv",
    };
    static const char *const costly[] = {
        "limit=101",          "limit=500&sort=-value", "offset=51",   "total=true",
        "total=1&limit=1",    "facets=status",         "%6cimit=300", "limit=%33%30%30",
        "limit=60&offset=41", "format=csv&limit=497",
    };
    for (size_t i = 0; i < sizeof cheap / sizeof cheap[0]; i++)
        if (bc_resource_list_costly(cheap[i], &a))
            fail_msg("'%s' is not costly", cheap[i]);
    for (size_t i = 0; i < sizeof costly / sizeof costly[0]; i++)
        if (!bc_resource_list_costly(costly[i], &a))
            fail_msg("'%s' is costly", costly[i]);
    assert_int_equal(bc_resource_list_costly(NULL, &a), 0);
    bc_arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(values_of_every_type), cmocka_unit_test(lookups_give_the_canonical_value),
        cmocka_unit_test(bad_values),           cmocka_unit_test(unknown_duplicate_and_empty),
        cmocka_unit_test(no_parameters_at_all), cmocka_unit_test(every_endpoint_answers_alike),
        cmocka_unit_test(allocation_failures),  cmocka_unit_test(costly_queries),
    };
    return cmocka_run_group_tests_name("resource_params", tests, fx_group_setup, fx_group_teardown);
}
