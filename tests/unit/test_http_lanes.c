/* test_http_lanes.c: the lane table (http_lanes.c): every lane gets a pool of its own
 * with the threads the table gives it, and the store connections bc_live_open is asked
 * for are exactly those threads; a write's key check runs on the workers; each lane's
 * jobs get its budget and a refusal note naming it; /metrics reports every pool; stopping
 * forgets them all. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/loader.h"
#include "bordercoop/metrics.h"

#include "../../server/http_int.h"
#include "fixture.h"

#include <stdlib.h>

static char dir[64];
static char db[128];

static int build(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/bc-lanes-XXXXXX");
    assert_non_null(mkdtemp(dir));
    snprintf(db, sizeof db, "%s/store.db", dir);
    bc_err err;
    if (bc_loader_build(fx_data_dir(), db, NULL, &err) != 0)
        fail_msg("build: %s", err.msg);
    return 0;
}

static int cleanup(void **state)
{
    (void)state;
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    return 0;
}

static void readers_are_the_lanes_threads(void **state)
{
    (void)state;
    /* workers, search, costly and keyed: n each; the bulk and summary threads and the
     * writer */
    assert_int_equal(bc_http_readers(1), 7);
    assert_int_equal(bc_http_readers(3), 15);
}

static void every_lane_has_its_pool(void **state)
{
    (void)state;
    enum { WORKERS = 2 };
    bc_err err;
    bc_live *live = NULL;
    assert_int_equal(bc_live_open(db, bc_http_readers(WORKERS), &live, &err), 0);
    bc_config cfg;
    assert_int_equal(bc_config_parse(&cfg, 0, NULL, NULL, &err), 0);
    cfg.workers = WORKERS;
    cfg.request_budget_ms = 1000;
    cfg.write_budget_ms = 2000;
    cfg.bulk_budget_ms = 3000;
    cfg.costly_budget_ms = 4000;
    bc_http h;
    memset(&h, 0, sizeof h);
    h.cfg = &cfg;
    h.live = live;
    assert_int_equal(bc_http_lanes_start(&h, &err), BC_OK);

    static const struct {
        int exec;
        const char *name;
        int threads, budget;
    } want[] = {
        {BC_EXEC_WORKER, "workers", WORKERS, 1000},
        {BC_EXEC_WRITER, "writer", 1, 2000},
        {BC_EXEC_BULK, "bulk", 1, 3000},
        {BC_EXEC_SEARCH, "search", WORKERS, 1000},
        {BC_EXEC_COSTLY, "costly", WORKERS, 4000},
        {BC_EXEC_KEYED, "keyed", WORKERS, 2000},
        {BC_EXEC_SUMMARY, "summary", 1, 3000}, /* the bulk budget */
    };
    size_t threads = 0;
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        bc_workers *w = bc_http_pool_of(&h, want[i].exec);
        assert_non_null(w);
        bc_workers_stats st;
        bc_workers_get_stats(w, &st);
        assert_string_equal(st.name, want[i].name);
        assert_int_equal(st.threads, want[i].threads);
        threads += (size_t)st.threads;
        assert_int_equal(bc_http_budget_of(&h, want[i].exec), want[i].budget);
        /* the refusal names its lane, and no two lanes share one */
        const char *note = bc_http_queue_full(want[i].exec);
        for (size_t k = 0; k < i; k++) {
            assert_ptr_not_equal(bc_http_pool_of(&h, want[k].exec), w);
            assert_string_not_equal(bc_http_queue_full(want[k].exec), note);
        }
    }
    assert_int_equal(threads, bc_http_readers(WORKERS));
    assert_non_null(strstr(bc_http_queue_full(BC_EXEC_COSTLY), "costly"));
    assert_non_null(strstr(bc_http_queue_full(BC_EXEC_KEYED), "keyed"));
    assert_non_null(strstr(bc_http_queue_full(BC_EXEC_SUMMARY), "summary"));
    /* a write's key check: on the workers, with a read's budget */
    assert_ptr_equal(bc_http_pool_of(&h, EXEC_GATE), bc_http_pool_of(&h, BC_EXEC_WORKER));
    assert_int_equal(bc_http_budget_of(&h, EXEC_GATE), 1000);
    assert_null(bc_http_pool_of(&h, BC_EXEC_INLINE));

    bc_buf out = BC_BUF_INIT;
    bc_metrics_render(&out);
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        char line[96];
        snprintf(line, sizeof line, "bordercoop_pool_threads{pool=\"%s\"} %d\n", want[i].name,
                 want[i].threads);
        if (strstr(out.data, line) == NULL)
            fail_msg("/metrics lacks %s", line);
    }
    bc_buf_free(&out);

    bc_http_lanes_stop(&h);
    for (int i = 0; i < EXEC_GATE; i++)
        assert_null(h.lanes[i]);
    out = (bc_buf)BC_BUF_INIT;
    bc_metrics_render(&out);
    assert_null(out.data != NULL ? strstr(out.data, "bordercoop_pool_threads") : NULL);
    bc_buf_free(&out);
    bc_http_lanes_stop(&h); /* twice: nothing left to stop */
    bc_live_close(live);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(readers_are_the_lanes_threads),
        cmocka_unit_test_setup_teardown(every_lane_has_its_pool, build, cleanup),
    };
    return cmocka_run_group_tests_name("http_lanes", tests, NULL, NULL);
}
