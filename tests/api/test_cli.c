/* test_cli.c: the `bordercoop` command as its help and the README describe it. Every
 * command answers --help with its own help; language codes ignore case (--lang EN);
 * a store path in a missing directory is an error, not a new directory; a missing store
 * says how to build one (CLI and daemon); and `load` over a store says what it carried
 * over, printing the content version that /readyz then serves. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "harness.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char TMP[64];
static const char *CLI, *DAEMON, *DATA;

static const char ARTICLE[] =
    "On March 1, 2026 the 13th meeting of the Joint Working Group of Lao Cai and Yunnan was "
    "held in Lao Cai. Trade through the Lao Cai (Vietnam) - Hekou (China) border gate reached "
    "USD 1.2 billion in the first two months of 2026, up 15% year on year.\n";

static int setup(void **state)
{
    (void)state;
    CLI = getenv("BC_CLI");
    DAEMON = getenv("BC_DAEMON");
    DATA = getenv("BC_DATA") && *getenv("BC_DATA") ? getenv("BC_DATA") : "data";
    if (CLI == NULL || DAEMON == NULL) {
        fprintf(stderr, "BC_CLI and BC_DAEMON must name the binaries\n");
        return -1;
    }
    if (bct_tmpdir(TMP, sizeof TMP, "cli") != 0)
        return -1;
    char path[128];
    snprintf(path, sizeof path, "%s/article.txt", TMP);
    FILE *f = fopen(path, "w");
    if (f == NULL)
        return -1;
    fputs(ARTICLE, f);
    fclose(f);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    return bct_tmpdir_remove(TMP) != 0 ? -1 : 0;
}

/* Runs `sh -c cmd` with stderr joined to stdout; the output (new, free()), and the exit
 * status in *status. */
static char *run(int *status, const char *fmt, ...)
{
    char cmd[2048];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(cmd, sizeof cmd, fmt, ap);
    va_end(ap);
    strcat(cmd, " 2>&1");
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char *out = calloc(1, 1 << 16);
    size_t n = fread(out, 1, (1 << 16) - 1, p);
    out[n] = '\0';
    int rc = pclose(p);
    *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    return out;
}

static void every_command_has_its_own_help(void **state)
{
    (void)state;
    static const char *const cmds[] = {"migrate", "load",   "check", "ingest", "extract", "eval",
                                       "synth",   "export", "keys",  "review", "version"};
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        char want[64];
        snprintf(want, sizeof want, "usage: bordercoop %s ", cmds[i]);
        size_t wlen = strlen(want);
        if (strcmp(cmds[i], "version") == 0)
            wlen--; /* "usage: bordercoop version\n" */
        int status;
        char *out = run(&status, "'%s' %s --help", CLI, cmds[i]);
        if (status != 0 || strncmp(out, want, wlen) != 0)
            fail_msg("bordercoop %s --help: exit %d:\n%s", cmds[i], status, out);
        free(out);
        out = run(&status, "'%s' help %s", CLI, cmds[i]);
        if (status != 0 || strncmp(out, want, wlen) != 0)
            fail_msg("bordercoop help %s: exit %d:\n%s", cmds[i], status, out);
        free(out);
    }
    /* the overview names every command and how to get one's help */
    int status;
    char *out = run(&status, "'%s' --help", CLI);
    assert_int_equal(status, 0);
    assert_non_null(strstr(out, "bordercoop COMMAND --help"));
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        char word[32];
        snprintf(word, sizeof word, "\n  %s", cmds[i]);
        assert_non_null(strstr(out, word));
    }
    free(out);
    /* an unknown command is an error, --help or not */
    out = run(&status, "'%s' frobnicate --help", CLI);
    assert_int_equal(status, 2);
    assert_non_null(strstr(out, "unknown command 'frobnicate'"));
    free(out);
    /* an unknown option names itself and the command's help follows */
    out = run(&status, "'%s' load --colour red", CLI);
    assert_int_equal(status, 2);
    assert_non_null(strstr(out, "unknown option '--colour'"));
    assert_non_null(strstr(out, "usage: bordercoop load "));
    free(out);
}

/* A command's help lists only the options it takes, and an option it does not take is
 * an error, never silently ignored; a subcommand's help is its own. */
static void help_names_only_what_a_command_takes(void **state)
{
    (void)state;
    static const struct {
        const char *cmd, *absent;
    } help[] = {
        {"extract", "--db"},   {"eval", "--db"},      {"synth", "--db"},    {"version", "--db"},
        {"version", "--data"}, {"migrate", "--data"}, {"export", "--data"}, {"ingest", "--data"},
    };
    for (size_t i = 0; i < sizeof help / sizeof help[0]; i++) {
        int status;
        char *out = run(&status, "'%s' %s --help", CLI, help[i].cmd);
        if (status != 0 || strstr(out, help[i].absent) != NULL)
            fail_msg("bordercoop %s --help names %s:\n%s", help[i].cmd, help[i].absent, out);
        free(out);
    }
    static const char *const wrong[] = {"migrate --data data",   "extract x.txt --db x.db",
                                        "version --db x.db",     "export --data data",
                                        "review list --note hi", "keys list --role admin"};
    for (size_t i = 0; i < sizeof wrong / sizeof wrong[0]; i++) {
        int status;
        char *out = run(&status, "'%s' %s", CLI, wrong[i]);
        if (status != 2 || strstr(out, "unknown option") == NULL)
            fail_msg("bordercoop %s: exit %d:\n%s", wrong[i], status, out);
        free(out);
    }
    static const struct {
        const char *cmd, *want, *absent;
    } sub[] = {
        {"keys add --help", "usage: bordercoop keys add NAME --role", "revoke NAME"},
        {"review approve --help", "usage: bordercoop review approve K ID", "\n  log"},
        {"review log --help", "usage: bordercoop review log [--kind K", "approve K ID"},
        {"help --help", "usage: bordercoop help [COMMAND]", "commands:"},
    };
    for (size_t i = 0; i < sizeof sub / sizeof sub[0]; i++) {
        int status;
        char *out = run(&status, "'%s' %s", CLI, sub[i].cmd);
        if (status != 0 || strncmp(out, sub[i].want, strlen(sub[i].want)) != 0 ||
            strstr(out, sub[i].absent) != NULL)
            fail_msg("bordercoop %s: exit %d:\n%s", sub[i].cmd, status, out);
        free(out);
    }
}

static void language_codes_ignore_case(void **state)
{
    (void)state;
    int status;
    char *out = run(&status, "'%s' load --data '%s' --db '%s/lang.db'", CLI, DATA, TMP);
    assert_int_equal(status, 0);
    free(out);
    out = run(&status, "BORDERCOOP_KEY= '%s' ingest '%s/article.txt' --lang EN --db '%s/lang.db'",
              CLI, TMP, TMP);
    if (status != 0 || strstr(out, "language: en") == NULL)
        fail_msg("ingest --lang EN: exit %d:\n%s", status, out);
    free(out);
    out = run(&status, "'%s' extract '%s/article.txt' --lang Sv --data '%s'", CLI, TMP, DATA);
    if (status != 0 || strstr(out, "\"code\": \"sv\"") == NULL)
        fail_msg("extract --lang Sv: exit %d:\n%.400s", status, out);
    free(out);
    /* an unknown code is still refused */
    out = run(&status, "'%s' extract '%s/article.txt' --lang XX --data '%s'", CLI, TMP, DATA);
    assert_int_not_equal(status, 0);
    free(out);
}

static void a_missing_directory_is_not_created(void **state)
{
    (void)state;
    char dir[128];
    snprintf(dir, sizeof dir, "%s/nonexistent", TMP);
    static const char *const cmds[] = {"load --data data", "migrate"};
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        int status;
        char *out = run(&status, "'%s' %s --db '%s/x.db'", CLI, cmds[i], dir);
        if (status == 0 || strstr(out, dir) == NULL)
            fail_msg("%s --db %s/x.db: exit %d:\n%s", cmds[i], dir, status, out);
        free(out);
        struct stat sb;
        assert_int_not_equal(stat(dir, &sb), 0); /* nothing was created */
    }
}

static void a_missing_store_says_how_to_build_one(void **state)
{
    (void)state;
    char db[128], hint[200];
    snprintf(db, sizeof db, "%s/none.db", TMP);
    snprintf(hint, sizeof hint, "bordercoop load --db %s", db);
    static const char *const cmds[] = {"export", "check", "review list", "keys list"};
    for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
        int status;
        char *out = run(&status, "'%s' %s --db '%s'", CLI, cmds[i], db);
        if (status == 0 || strstr(out, hint) == NULL)
            fail_msg("bordercoop %s on a missing store: exit %d:\n%s", cmds[i], status, out);
        free(out);
    }
    int status;
    char *out = run(&status, "'%s' --db '%s' --listen 127.0.0.1:0", DAEMON, db);
    if (status == 0 || strstr(out, hint) == NULL)
        fail_msg("bordercoopd on a missing store: exit %d:\n%s", status, out);
    free(out);
    struct stat sb;
    assert_int_not_equal(stat(db, &sb), 0);
}

/* content_version of /readyz on port. */
static char *readyz_version(int port)
{
    bct_response r;
    assert_int_equal(bct_get(port, "/readyz", NULL, &r), 0);
    json_t *j = json_loads(r.body, 0, NULL);
    bct_response_free(&r);
    assert_non_null(j);
    char *v = strdup(json_string_value(json_object_get(j, "content_version")));
    json_decref(j);
    return v;
}

static void load_says_what_it_carried_over(void **state)
{
    (void)state;
    char db[128];
    snprintf(db, sizeof db, "%s/carry.db", TMP);
    int status;
    char *out = run(&status, "'%s' load --data '%s' --db '%s'", CLI, DATA, db);
    assert_int_equal(status, 0);
    assert_null(strstr(out, "carried over")); /* a first build carries nothing */
    free(out);
    out = run(&status, "BORDERCOOP_KEY= '%s' ingest '%s/article.txt' --lang en --db '%s'", CLI, TMP,
              db);
    assert_int_equal(status, 0);
    free(out);
    bct_daemon d;
    assert_int_equal(bct_daemon_start(&d, DAEMON, db, NULL, 10000), 0);
    out = run(&status, "'%s' load --data '%s' --db '%s'", CLI, DATA, db);
    assert_int_equal(status, 0);
    if (strstr(out, "carried over from the previous store: 1 ingested article") == NULL)
        fail_msg("load over a store with an ingested article:\n%s", out);
    const char *c = strstr(out, "; content ");
    assert_non_null(c);
    char printed[17] = "";
    sscanf(c + 10, "%16[0-9a-f]", printed);
    assert_int_equal(strlen(printed), 16);
    /* the daemon notices the new content within its 250 ms check */
    char *served = NULL;
    for (int i = 0; i < 40; i++) {
        free(served);
        served = readyz_version(d.port);
        if (strncmp(served, printed, 16) == 0)
            break;
        struct timespec ts = {0, 100 * 1000000L};
        nanosleep(&ts, NULL);
    }
    if (strncmp(served, printed, 16) != 0)
        fail_msg("load printed content %s, /readyz serves %s", printed, served);
    free(served);
    free(out);
    assert_int_equal(bct_daemon_stop(&d, 10000), 0);
}

/* bordercoopd --help says what the daemon does (personal keys write too); keys add
 * speaks English ("an ingest key"); review list refuses a revoked BORDERCOOP_KEY as
 * GET /v1/review does. */
static void help_and_keys_say_what_is_true(void **state)
{
    (void)state;
    int status;
    char *out = run(&status, "'%s' --help", DAEMON);
    assert_int_equal(status, 0);
    assert_non_null(strstr(out, "keys add NAME --role ROLE"));
    assert_null(strstr(out, "without it the API is read-only"));
    free(out);
    char db[128], keyfile[160];
    snprintf(db, sizeof db, "%s/keys.db", TMP);
    snprintf(keyfile, sizeof keyfile, "%s/rev.key", TMP);
    out = run(&status, "'%s' load --data '%s' --db '%s'", CLI, DATA, db);
    assert_int_equal(status, 0);
    free(out);
    out = run(&status,
              "{ BORDERCOOP_KEY= '%s' keys add ing.test --role ingest --db '%s' >/dev/null; }", CLI,
              db);
    assert_int_equal(status, 0);
    if (strstr(out, "an ingest key for 'ing.test'") == NULL)
        fail_msg("keys add --role ingest said:\n%s", out);
    free(out);
    out = run(&status, "{ BORDERCOOP_KEY= '%s' keys add rev.test --role review --db '%s' > '%s'; }",
              CLI, db, keyfile);
    assert_int_equal(status, 0);
    free(out);
    char key[128] = "";
    FILE *f = fopen(keyfile, "r");
    assert_non_null(f);
    assert_non_null(fgets(key, sizeof key, f));
    fclose(f);
    key[strcspn(key, "\n")] = '\0';
    out = run(&status, "BORDERCOOP_KEY='%s' '%s' review list --db '%s'", key, CLI, db);
    assert_int_equal(status, 0);
    free(out);
    out = run(&status, "BORDERCOOP_KEY= '%s' keys revoke rev.test --db '%s'", CLI, db);
    assert_int_equal(status, 0);
    free(out);
    out = run(&status, "BORDERCOOP_KEY='%s' '%s' review list --db '%s'", key, CLI, db);
    assert_int_not_equal(status, 0);
    assert_non_null(strstr(out, "revoked"));
    free(out);
    out = run(&status, "BORDERCOOP_KEY='%s' '%s' review log --db '%s'", key, CLI, db);
    assert_int_not_equal(status, 0);
    free(out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_command_has_its_own_help),
        cmocka_unit_test(help_names_only_what_a_command_takes),
        cmocka_unit_test(language_codes_ignore_case),
        cmocka_unit_test(a_missing_directory_is_not_created),
        cmocka_unit_test(a_missing_store_says_how_to_build_one),
        cmocka_unit_test(load_says_what_it_carried_over),
        cmocka_unit_test(help_and_keys_say_what_is_true),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
