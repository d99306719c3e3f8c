/* cli.c: the `bordercoop` command's front: its commands' help, option parsing and
 * dispatch (main). The commands live in cli_store.c (migrate, load, check, ingest, redate,
 * export, synth), cli_eval.c (extract, eval) and cli_review.c (keys, review). */
#include "cli_int.h"

#include "bordercoop/buf.h"
#include "bordercoop/schema.h"
#include "bordercoop/store.h"
#include "bordercoop/version.h"

#include <ctype.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One entry per command: its synopsis for the overview and its own help
 * (`bordercoop COMMAND --help`). */
static const struct command_help {
    const char *name, *synopsis, *help;
} COMMANDS[] = {
    {"migrate", "migrate [--db PATH]               create the store or apply pending migrations",
     "usage: bordercoop migrate [--db PATH]\n\n"
     "Creates the store at PATH, or applies the migrations it is missing. The directory\n"
     "that holds PATH must exist.\n"},
    {"load",
     "load [--data DIR] [--db PATH]     build the store from DIR into PATH, atomically: a\n"
     "                                    failed load keeps the old store",
     "usage: bordercoop load [--data DIR] [--db PATH]\n\n"
     "Builds the store from the data directory DIR (default data) into PATH in one\n"
     "transaction. Over an existing store, the articles ingested into it, its API keys and\n"
     "its review decisions are carried over (the articles re-extracted, the decisions\n"
     "replayed) and the report says so; the content version printed is the one the store\n"
     "then serves (GET /readyz). A failed load writes nothing and keeps the old store. The\n"
     "directory that holds PATH must exist (only the default var/ is created).\n"},
    {"check",
     "check [--data DIR | --db PATH]    verify every quote and reference and print the\n"
     "                                    report; exits 1 on any problem",
     "usage: bordercoop check [--data DIR | --db PATH]\n\n"
     "Verifies every quote (verbatim in its article) and every reference, and reports\n"
     "every inferred field, every statement from outside the articles and every status\n"
     "with its supporting quote. With --data (the default, data) the store is built in\n"
     "memory first; with --db an existing store is checked. Exits 1 on any problem.\n"},
    {"ingest",
     "ingest FILE [--lang LL] [--title T] [--url U] [--published-on DATE]\n"
     "         [--publisher P] [--author A] [--max-article-bytes N]\n"
     "         [--max-article-facts F] [--db PATH]\n"
     "                                    add an article and the facts extracted from it",
     "usage: bordercoop ingest FILE [--lang LL] [--title T] [--url U] [--published-on DATE]\n"
     "                         [--publisher P] [--author A] [--max-article-bytes N]\n"
     "                         [--max-article-facts F] [--db PATH]\n\n"
     "Adds the article in FILE (UTF-8 text) and the facts extracted from it, in one\n"
     "transaction; the same text twice is a no-op. LL is one of en, vi, zh, fr, pl, sv, nl\n"
     "(any case; detected when omitted). N defaults to 524288; an article that gives more\n"
     "than F facts (default 100) is refused, nothing stored. The article is recorded as\n"
     "added by the owner of the key in BORDERCOOP_KEY, else by cli:<user>.\n"},
    {"redate",
     "redate SOURCE --published-on DATE|none [--note TEXT] [--db PATH]\n"
     "                                    give an ingested article its publication date\n"
     "                                    and read its facts again",
     "usage: bordercoop redate SOURCE --published-on DATE|none [--note TEXT] [--db PATH]\n\n"
     "Gives the ingested article SOURCE (its id) the publication date DATE (YYYY, YYYY-MM\n"
     "or YYYY-MM-DD, not in the future; none removes it) and reads its facts again with it,\n"
     "as PATCH /v1/sources/{id} does: reviewed and rejected facts keep their decisions, and\n"
     "when one would read differently nothing is written (exit 1, naming it). Recorded in\n"
     "the audit log as done by the owner of the key in BORDERCOOP_KEY, else by cli:<user>.\n"},
    {"extract",
     "extract FILE [--lang LL] [--published-on DATE] [--data DIR]\n"
     "                                    print the facts extracted from an article as JSON",
     "usage: bordercoop extract FILE [--lang LL] [--published-on DATE] [--data DIR]\n\n"
     "Prints the facts extracted from the article in FILE as JSON; nothing is stored. LL\n"
     "(any case) is detected when omitted; DIR (default data) gives the known names.\n"},
    {"eval",
     "eval --corpus DIR [--gate [--baseline FILE]] [--write-baseline FILE] [--details]\n"
     "       [--data DIR]                 score the extractor on a gold corpus\n"
     "  eval [--data DIR]                 the regression check against the curated facts",
     "usage: bordercoop eval --corpus DIR [--gate [--baseline FILE]] [--write-baseline FILE]\n"
     "                       [--details] [--data DIR]\n"
     "       bordercoop eval [--data DIR]\n\n"
     "With --corpus: scores the extractor on a gold corpus (tests/eval): precision and\n"
     "recall per field and language, each article with and without its publication date;\n"
     "--gate exits 1 below the bar of make test (with --baseline: on any regression from\n"
     "the baseline's counts, the ratchet used while the bar is not met), --write-baseline\n"
     "writes the measured counts as such a baseline, --details lists every disagreement\n"
     "(never for a test/ split). Without: extracts from the source articles and compares\n"
     "with the curated facts (a regression check).\n"},
    {"synth",
     "synth --figures N --meetings M --out FILE [--seed S] [--data DIR] [--feed]\n"
     "                                    a synthetic store for scale benchmarks",
     "usage: bordercoop synth --figures N --meetings M --out FILE [--seed S] [--data DIR]\n"
     "                        [--feed]\n\n"
     "Writes a synthetic store for scale benchmarks: the curated store plus N figures and\n"
     "M meetings (--feed: also in the change feed, as a load would record them).\n"},
    {"export",
     "export [--db PATH] [--out FILE] [--index]\n"
     "                                    every fact as NDJSON (GET /v1/export.ndjson)",
     "usage: bordercoop export [--db PATH] [--out FILE] [--index]\n\n"
     "Writes every fact of every kind as NDJSON (the bytes of GET /v1/export.ndjson) to\n"
     "FILE (atomically) or stdout; --index prints the index instead.\n"},
    {"keys",
     "keys add NAME --role ingest|review|admin | keys list | keys revoke NAME\n"
     "                                    per-person API keys (bordercoop keys --help)",
     NULL},
    {"review",
     "review list | approve K ID | reject K ID | edit K ID FIELD=VALUE... | log\n"
     "                                    the review step for extracted facts\n"
     "                                    (bordercoop review --help)",
     NULL},
    {"version", "version                           print the version",
     "usage: bordercoop version\n\nPrints the version and the schema version.\n"},
};

static const char OPTIONS_HELP[] =
    "\noptions (and their environment variables):\n"
    "  --db PATH     the store (BORDERCOOP_DB, default var/bordercoop.db)\n"
    "  --data DIR    the data directory (BORDERCOOP_DATA, default data)\n";

#define NCOMMANDS (sizeof COMMANDS / sizeof COMMANDS[0])

static const struct command_help *command_of(const char *name)
{
    for (size_t i = 0; i < NCOMMANDS; i++)
        if (strcmp(COMMANDS[i].name, name) == 0)
            return &COMMANDS[i];
    return NULL;
}

/* The overview: every command's synopsis. */
static void usage(FILE *f)
{
    fputs("usage: bordercoop COMMAND [options]   (bordercoop COMMAND --help for one)\n\n"
          "commands:\n",
          f);
    for (size_t i = 0; i < NCOMMANDS; i++)
        fprintf(f, "  %s\n", COMMANDS[i].synopsis);
    fputs(OPTIONS_HELP, f);
}

/* 1 when flag ("--db") is a word of text: an option the text names. */
static int names_flag(const char *text, const char *flag)
{
    size_t n = strlen(flag);
    for (const char *p = strstr(text, flag); p != NULL; p = strstr(p + 1, flag)) {
        char after = p[n];
        if (!(isalnum((unsigned char)after) || after == '-'))
            return 1;
    }
    return 0;
}

/* 1 when command `name` takes option flag: its help names it (and the test hook of
 * ingest). */
static int takes_option(const char *name, const char *flag)
{
    const struct command_help *c = command_of(name);
    if (c == NULL || c->help == NULL)
        return 1;
    if (strcmp(name, "ingest") == 0 && strcmp(flag, "--pause-before-commit") == 0)
        return 1;
    return names_flag(c->help, flag);
}

/* One command's help, with the environment variables of the options it takes only, or
 * the overview when it has none of its own. */
void bc_cli_command_usage(const char *name, FILE *f)
{
    const struct command_help *c = command_of(name);
    if (c == NULL || c->help == NULL) {
        usage(f);
        return;
    }
    fputs(c->help, f);
    int db = names_flag(c->help, "--db"), data = names_flag(c->help, "--data");
    if (db || data)
        fputs("\noptions (and their environment variables):\n", f);
    if (db)
        fputs("  --db PATH     the store (BORDERCOOP_DB, default var/bordercoop.db)\n", f);
    if (data)
        fputs("  --data DIR    the data directory (BORDERCOOP_DATA, default data)\n", f);
}

static const char HELP_HELP[] = "usage: bordercoop help [COMMAND]\n\n"
                                "Prints every command's synopsis, or COMMAND's own help (as\n"
                                "bordercoop COMMAND --help does).\n";

static int parse_opts(int argc, char **argv, cli_opts *o)
{
    memset(o, 0, sizeof *o);
    o->default_db = "var/bordercoop.db";
    o->db = getenv("BORDERCOOP_DB") ? getenv("BORDERCOOP_DB") : o->default_db;
    o->data = getenv("BORDERCOOP_DATA") ? getenv("BORDERCOOP_DATA") : "data";
    o->db_given = 0;
    static const struct {
        const char *flag;
        size_t offset;
    } TEXT[] = {
        {"--lang", offsetof(cli_opts, lang)},
        {"--title", offsetof(cli_opts, title)},
        {"--url", offsetof(cli_opts, url)},
        {"--published-on", offsetof(cli_opts, published_on)},
        {"--publisher", offsetof(cli_opts, publisher)},
        {"--author", offsetof(cli_opts, author)},
        {"--note", offsetof(cli_opts, note)},
    };
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (strncmp(a, "--", 2) == 0 && strcmp(a, "--help") != 0 && !takes_option(argv[1], a)) {
            /* an option of another command is an error, never silently ignored */
            fprintf(stderr, "bordercoop %s: unknown option '%s'\n", argv[1], a);
            bc_cli_command_usage(argv[1], stderr);
            return 2;
        }
        const char **slot = NULL;
        for (size_t k = 0; k < sizeof TEXT / sizeof TEXT[0] && slot == NULL; k++)
            if (strcmp(a, TEXT[k].flag) == 0)
                slot = (const char **)((char *)o + TEXT[k].offset);
        if (slot != NULL) {
            /* an ingest option: its value follows */
        } else if (strcmp(a, "--db") == 0) {
            slot = &o->db;
            o->db_given = 1;
        } else if (strcmp(a, "--data") == 0) {
            slot = &o->data;
        } else if (strcmp(a, "--pause-before-commit") == 0 && i + 1 < argc) {
            o->pause_ms = atoi(argv[++i]);
            continue;
        } else if ((strcmp(a, "--figures") == 0 || strcmp(a, "--meetings") == 0 ||
                    strcmp(a, "--seed") == 0 || strcmp(a, "--max-article-bytes") == 0 ||
                    strcmp(a, "--max-article-facts") == 0) &&
                   i + 1 < argc) {
            char *end;
            long v = strtol(argv[i + 1], &end, 10);
            if (*end != '\0' || v < 0 || v > 100000000) {
                fprintf(stderr, "bordercoop: %s needs a whole number, got '%s'\n", a, argv[i + 1]);
                return 2;
            }
            if (a[2] == 'f')
                o->figures = v;
            else if (strcmp(a, "--meetings") == 0)
                o->meetings = v;
            else if (strcmp(a, "--max-article-bytes") == 0)
                o->max_article_bytes = v;
            else if (strcmp(a, "--max-article-facts") == 0)
                o->max_article_facts = v;
            else
                o->seed = (unsigned)v;
            i++;
            continue;
        } else if (strcmp(a, "--index") == 0) {
            o->index = 1;
            continue;
        } else if (strcmp(a, "--feed") == 0) {
            o->feed = 1;
            continue;
        } else if (strcmp(a, "--out") == 0) {
            slot = &o->out;
        } else if (strcmp(a, "--corpus") == 0) {
            slot = &o->corpus;
        } else if (strcmp(a, "--gate") == 0) {
            o->gate = 1;
            continue;
        } else if (strcmp(a, "--baseline") == 0) {
            slot = &o->baseline;
        } else if (strcmp(a, "--write-baseline") == 0) {
            slot = &o->write_base;
        } else if (strcmp(a, "--details") == 0) {
            o->details = 1;
            continue;
        } else if (a[0] != '-' && o->file == NULL) {
            o->file = a;
            continue;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            bc_cli_command_usage(argv[1], stdout);
            exit(0);
        } else {
            fprintf(stderr, "bordercoop %s: unknown option '%s'\n", argv[1], a);
            bc_cli_command_usage(argv[1], stderr);
            return 2;
        }
        if (i + 1 >= argc || argv[i + 1][0] == '\0') {
            fprintf(stderr, "bordercoop: %s needs a value\n", a);
            return 2;
        }
        *slot = argv[++i];
        if (slot == &o->lang) {
            /* language codes ignore case, as in the API (lang=PL, "lang": "EN") */
            size_t n = strlen(*slot);
            if (n >= sizeof o->lang_buf) {
                fprintf(stderr, "bordercoop: --lang '%.20s' is no language code\n", *slot);
                return 2;
            }
            for (size_t k = 0; k <= n; k++)
                o->lang_buf[k] = (char)tolower((unsigned char)(*slot)[k]);
            o->lang = o->lang_buf;
        }
    }
    return 0;
}

int bc_cli_curated_store(const char *data, bc_load_stats *stats, bc_store **s, bc_err *err)
{
    int rc = bc_store_open(":memory:", BC_STORE_CREATE, s, err);
    if (rc == 0)
        rc = bc_schema_create(*s, err);
    if (rc == 0)
        rc = bc_loader_fill(*s, data, stats, err);
    return rc;
}

/* Reads a whole file (at most max bytes) into a new buffer. */
char *bc_cli_read_all(const char *path, size_t max, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        fprintf(stderr, "bordercoop: %s: %s\n", path, strerror(errno));
        return NULL;
    }
    bc_buf b = BC_BUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len <= max)
        bc_buf_append(&b, chunk, n);
    int failed = ferror(f);
    fclose(f);
    if (failed || bc_buf_failed(&b)) {
        fprintf(stderr, "bordercoop: %s: read error\n", path);
        bc_buf_free(&b);
        return NULL;
    }
    return bc_buf_steal(&b, len);
}

int main(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (strcmp(argv[1], "help") == 0) { /* bordercoop help [COMMAND] */
        if (argc > 2 && (strcmp(argv[2], "--help") == 0 || strcmp(argv[2], "-h") == 0 ||
                         strcmp(argv[2], "help") == 0)) {
            fputs(HELP_HELP, stdout);
            return 0;
        }
        if (argc > 3) {
            fprintf(stderr, "bordercoop help: takes one COMMAND at most\n%s", HELP_HELP);
            return 2;
        }
        if (argc > 2 && command_of(argv[2]) == NULL) {
            fprintf(stderr, "bordercoop: unknown command '%s'\n", argv[2]);
            usage(stderr);
            return 2;
        }
        if (argc > 2 && command_of(argv[2])->help == NULL) {
            static char help_flag[] = "--help";
            char *sub[] = {argv[0], argv[2], help_flag, NULL};
            return strcmp(argv[2], "keys") == 0 ? bc_cli_keys(3, sub) : bc_cli_review(3, sub);
        }
        if (argc > 2)
            bc_cli_command_usage(argv[2], stdout);
        else
            usage(stdout);
        return 0;
    }
    if (command_of(argv[1]) == NULL && strcmp(argv[1], "--version") != 0) {
        fprintf(stderr, "bordercoop: unknown command '%s'\n", argv[1]);
        usage(stderr);
        return 2;
    }
    if ((strcmp(argv[1], "version") == 0 && argc == 2) || strcmp(argv[1], "--version") == 0) {
        printf("bordercoop %s (schema %d)\n", BC_VERSION, bc_store_latest_version());
        return 0;
    }
    if (strcmp(argv[1], "keys") == 0)
        return bc_cli_keys(argc, argv);
    if (strcmp(argv[1], "review") == 0)
        return bc_cli_review(argc, argv);
    cli_opts o;
    int rc = parse_opts(argc, argv, &o);
    if (rc != 0)
        return rc;
    if (strcmp(argv[1], "version") == 0) {
        fprintf(stderr, "bordercoop version: takes no arguments\n");
        return 2;
    }
    if (strcmp(argv[1], "migrate") == 0)
        return bc_cli_migrate(&o);
    if (strcmp(argv[1], "load") == 0)
        return bc_cli_load(&o);
    if (strcmp(argv[1], "check") == 0)
        return bc_cli_check(&o);
    if (strcmp(argv[1], "ingest") == 0)
        return bc_cli_ingest(&o);
    if (strcmp(argv[1], "redate") == 0)
        return bc_cli_redate(&o);
    if (strcmp(argv[1], "eval") == 0)
        return bc_cli_eval(&o);
    if (strcmp(argv[1], "export") == 0)
        return bc_cli_export(&o);
    if (strcmp(argv[1], "extract") == 0)
        return bc_cli_extract(&o);
    if (strcmp(argv[1], "synth") == 0)
        return bc_cli_synth(&o);
    fprintf(stderr, "bordercoop: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
