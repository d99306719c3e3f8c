/* cli.c: the `bordercoop` command: migrate, load and check a store. */
#include "bordercoop/check.h"
#include "bordercoop/loader.h"
#include "bordercoop/store.h"
#include "bordercoop/version.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char USAGE[] =
    "usage: bordercoop COMMAND [options]\n"
    "\n"
    "commands:\n"
    "  migrate [--db PATH]               create the store or apply pending migrations\n"
    "  load [--data DIR] [--db PATH]     build the store from DIR (default data) into PATH,\n"
    "                                    atomically: a failed load keeps the old store\n"
    "  check [--data DIR | --db PATH]    verify every quote and reference and print the\n"
    "                                    report; exits 1 on any problem\n"
    "  version                           print the version\n"
    "\n"
    "options (and their environment variables):\n"
    "  --db PATH     the store (BORDERCOOP_DB, default var/bordercoop.db)\n"
    "  --data DIR    the data directory (BORDERCOOP_DATA, default data)\n";

typedef struct cli_opts {
    const char *db;
    const char *data;
    int db_given;
} cli_opts;

static int parse_opts(int argc, char **argv, cli_opts *o)
{
    o->db = getenv("BORDERCOOP_DB") ? getenv("BORDERCOOP_DB") : "var/bordercoop.db";
    o->data = getenv("BORDERCOOP_DATA") ? getenv("BORDERCOOP_DATA") : "data";
    o->db_given = 0;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        const char **slot = NULL;
        if (strcmp(a, "--db") == 0) {
            slot = &o->db;
            o->db_given = 1;
        } else if (strcmp(a, "--data") == 0) {
            slot = &o->data;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(USAGE, stdout);
            exit(0);
        } else {
            fprintf(stderr, "bordercoop: unknown option '%s'\n%s", a, USAGE);
            return 2;
        }
        if (i + 1 >= argc || argv[i + 1][0] == '\0') {
            fprintf(stderr, "bordercoop: %s needs a value\n", a);
            return 2;
        }
        *slot = argv[++i];
    }
    return 0;
}

/* Creates the directory that will hold path when it is missing (one level). */
static int ensure_parent_dir(const char *path)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash == NULL || slash == dir)
        return 0;
    *slash = '\0';
    if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
        fprintf(stderr, "bordercoop: cannot create %s: %s\n", dir, strerror(errno));
        return -1;
    }
    return 0;
}

static int cmd_migrate(const cli_opts *o)
{
    bc_err err;
    bc_store *s = NULL;
    int applied = 0;
    if (ensure_parent_dir(o->db) != 0)
        return 1;
    int rc = bc_store_open(o->db, BC_STORE_CREATE, &s, &err);
    if (rc == 0)
        rc = bc_store_migrate(s, &applied, &err);
    bc_store_close(s);
    if (rc != 0) {
        fprintf(stderr, "bordercoop migrate: %s\n", err.msg);
        return 1;
    }
    printf("%s: schema version %d (%d migration%s applied)\n", o->db, bc_store_latest_version(),
           applied, applied == 1 ? "" : "s");
    return 0;
}

static void print_stats(const char *what, const bc_load_stats *st)
{
    printf("%s: %d sources, %d meetings (%d participants, %d decisions), %d figures "
           "(%d conflicts), %d border gate projects (%d events), %d protocols (%d areas), "
           "%d people, %d provinces, %d mechanisms; %d citations verified, %d aliases; "
           "content %.16s\n",
           what, st->sources, st->meetings, st->participants, st->decisions, st->figures,
           st->conflicts, st->projects, st->events, st->protocols, st->areas, st->people,
           st->provinces, st->mechanisms, st->citations, st->aliases, st->content_version);
}

static int cmd_load(const cli_opts *o)
{
    bc_err err;
    bc_load_stats st;
    if (ensure_parent_dir(o->db) != 0)
        return 1;
    if (bc_loader_build(o->data, o->db, &st, &err) != 0) {
        fprintf(stderr, "bordercoop load: %s\n", err.msg);
        fprintf(stderr, "bordercoop load: nothing written; %s is unchanged\n", o->db);
        return 1;
    }
    print_stats(o->db, &st);
    return 0;
}

static int cmd_check(const cli_opts *o)
{
    bc_err err;
    bc_store *s = NULL;
    bc_load_stats st;
    int rc;
    if (o->db_given) {
        rc = bc_store_open(o->db, BC_STORE_READONLY, &s, &err);
    } else {
        /* build from the data directory into memory: this is where quotes and references
         * are checked first */
        rc = bc_store_open(":memory:", BC_STORE_CREATE, &s, &err);
        if (rc == 0)
            rc = bc_store_migrate(s, NULL, &err);
        if (rc == 0)
            rc = bc_loader_fill(s, o->data, &st, &err);
        if (rc == 0)
            print_stats(o->data, &st);
    }
    bc_buf report = BC_BUF_INIT;
    int problems = 0;
    if (rc == 0)
        rc = bc_check_report(s, &report, &problems, &err);
    bc_store_close(s);
    if (rc != 0) {
        bc_buf_free(&report);
        fprintf(stderr, "bordercoop check: %s\n", err.msg);
        return 1;
    }
    fputs(report.data, stdout);
    bc_buf_free(&report);
    if (problems > 0) {
        fprintf(stderr, "bordercoop check: %d problem%s\n", problems, problems == 1 ? "" : "s");
        return 1;
    }
    printf("ok: no problems\n");
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
        strcmp(argv[1], "help") == 0) {
        fputs(USAGE, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (strcmp(argv[1], "version") == 0 || strcmp(argv[1], "--version") == 0) {
        printf("bordercoop %s (schema %d)\n", BC_VERSION, bc_store_latest_version());
        return 0;
    }
    cli_opts o;
    int rc = parse_opts(argc, argv, &o);
    if (rc != 0)
        return rc;
    if (strcmp(argv[1], "migrate") == 0)
        return cmd_migrate(&o);
    if (strcmp(argv[1], "load") == 0)
        return cmd_load(&o);
    if (strcmp(argv[1], "check") == 0)
        return cmd_check(&o);
    fprintf(stderr, "bordercoop: unknown command '%s'\n%s", argv[1], USAGE);
    return 2;
}
