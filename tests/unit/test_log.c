/* test_log.c: the buffered access-log sink: lines reach the file in order, within a
 * second without a flush and at once with one, all of them at close; a reopen after the
 * file was renamed (log rotation) writes to a new file at the path; a writer stuck on a
 * full pipe never blocks the caller, whose lines are dropped and counted instead. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/log.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char dir[64], path[128];

static int make_dir(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/bc-log-XXXXXX");
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/access.log", dir);
    return 0;
}

static int remove_dir(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    return 0;
}

static long file_size(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 ? (long)st.st_size : -1;
}

static char *slurp(const char *p)
{
    FILE *f = fopen(p, "rb");
    if (f == NULL)
        return NULL;
    static char buf[1 << 21];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    return buf;
}

static void lines_arrive_in_order(void **state)
{
    (void)state;
    bc_log *l = NULL;
    bc_err err;
    assert_int_equal(bc_log_open(path, &l, &err), 0);
    char line[64];
    for (int i = 0; i < 5000; i++) { /* over 64 KiB: buffers are handed over by size */
        int n = snprintf(line, sizeof line, "line %05d of the test\n", i);
        bc_log_write(l, line, (size_t)n);
    }
    /* without a flush the last lines come within a second or so (bounded wait) */
    long want = 5000L * 23;
    for (int i = 0; i < 300 && file_size(path) < want; i++) {
        struct timespec ts = {0, 10 * 1000000L};
        nanosleep(&ts, NULL);
    }
    assert_int_equal(file_size(path), want);
    char *all = slurp(path);
    assert_true(strncmp(all, "line 00000 of the test\n", 23) == 0);
    assert_non_null(strstr(all, "line 04999 of the test\n"));
    for (int i = 1; i < 5000; i += 997) {
        snprintf(line, sizeof line, "line %05d", i - 1);
        char *a = strstr(all, line);
        snprintf(line, sizeof line, "line %05d", i);
        assert_true(a != NULL && strstr(all, line) > a);
    }
    bc_log_write(l, "flushed\n", 8);
    bc_log_flush(l);
    assert_int_equal(file_size(path), want + 8);
    bc_log_stats st;
    bc_log_get_stats(l, &st);
    assert_int_equal(st.lines, 5001);
    assert_int_equal(st.dropped, 0);
    bc_log_write(l, "at close\n", 9);
    bc_log_close(l); /* nothing lost at the end */
    assert_int_equal(file_size(path), want + 17);
    bc_log_close(NULL);
}

static void reopen_after_rotation(void **state)
{
    (void)state;
    bc_log *l = NULL;
    bc_err err;
    assert_int_equal(bc_log_open(path, &l, &err), 0);
    bc_log_write(l, "before\n", 7);
    bc_log_flush(l);
    char rotated[160];
    snprintf(rotated, sizeof rotated, "%s.1", path);
    assert_int_equal(rename(path, rotated), 0);
    assert_int_equal(bc_log_reopen(l), 1);
    bc_log_write(l, "after\n", 6);
    bc_log_flush(l);
    assert_string_equal(slurp(rotated), "before\n");
    assert_string_equal(slurp(path), "after\n");
    bc_log_close(l);
    /* stderr has nothing to reopen */
    assert_int_equal(bc_log_open(NULL, &l, &err), 0);
    assert_int_equal(bc_log_reopen(l), 0);
    bc_log_close(l);
    /* a path that cannot be opened is an error at start */
    char bad[200];
    snprintf(bad, sizeof bad, "%s/no/such/dir/x.log", dir);
    assert_int_equal(bc_log_open(bad, &l, &err), BC_EIO);
    assert_null(l);
}

/* The writer blocked on a pipe nobody reads: writes return at once, lines dropped. */
static void a_stuck_writer_never_blocks(void **state)
{
    (void)state;
    signal(SIGPIPE, SIG_IGN); /* as the daemon does: a closed pipe is a write error */
    int p[2];
    assert_int_equal(pipe(p), 0);
    char fifo[160];
    snprintf(fifo, sizeof fifo, "/dev/fd/%d", p[1]);
    bc_log *l = NULL;
    bc_err err;
    assert_int_equal(bc_log_open(fifo, &l, &err), 0);
    char line[200];
    memset(line, 'x', sizeof line);
    line[sizeof line - 1] = '\n';
    for (int i = 0; i < 20000; i++) /* 4 MB into a 64 KiB pipe: returns, whatever */
        bc_log_write(l, line, sizeof line);
    bc_log_stats st;
    bc_log_get_stats(l, &st);
    assert_true(st.dropped > 0);
    assert_int_equal(st.lines + st.dropped, 20000);
    /* drain the pipe so the writer can finish, then close */
    int flags = fcntl(p[0], F_GETFL);
    fcntl(p[0], F_SETFL, flags | O_NONBLOCK);
    char sink[65536];
    for (int i = 0; i < 50; i++) {
        while (read(p[0], sink, sizeof sink) > 0)
            ;
        struct timespec ts = {0, 2 * 1000000L};
        nanosleep(&ts, NULL);
    }
    close(p[0]); /* what is left fails with EPIPE: counted, and close still returns */
    bc_log_close(l);
    close(p[1]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(lines_arrive_in_order, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(reopen_after_rotation, make_dir, remove_dir),
        cmocka_unit_test_setup_teardown(a_stuck_writer_never_blocks, make_dir, remove_dir),
    };
    return cmocka_run_group_tests_name("log", tests, NULL, NULL);
}
