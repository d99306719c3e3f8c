/* test_docs.c: the documentation matches the software.
 *
 * Every curl example of the README is pasted, in the README's order, into one shell
 * against a real daemon (127.0.0.1:8080 becomes its port), and each answers with the
 * status its shown output gives: the status line of `curl -i`, the "status" of a
 * problem document, else 200. A problem's "detail" shown whole (no "…") must be the
 * daemon's, and so must every "key":value the shown JSON gives whole (a scalar or an
 * array of scalars without "…"; times and validators aside). Shell variables the examples set from
 * curl (ETAG=$(curl …)) or to a literal (A=…) are set too; the rest of the README's commands (make,
 * bordercoop) are not run: the shell gets BORDERCOOP_API_TOKEN (the daemon's bootstrap token) and
 * KEY (a review key of lan.nguyen) as the README's reader has them. Also: `make help` names every
 * target of the Makefiles, and only targets that exist; the README's source map names every
 * server/ file once, and only files that exist. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/loader.h"
#include "harness.h"

#include <ctype.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define TOKEN "readme-bootstrap-token-0123456789"

static bct_daemon D;
static char TMP[64], DB[128], KEY[64];

/* Runs cmd with sh; its stdout (new, free()) or NULL when it could not run. *status gets
 * the exit status. */
static char *run(const char *cmd, int *status)
{
    FILE *p = popen(cmd, "r");
    if (p == NULL)
        return NULL;
    size_t cap = 1 << 16, len = 0;
    char *out = malloc(cap);
    size_t n;
    while (out != NULL && (n = fread(out + len, 1, cap - len - 1, p)) > 0) {
        len += n;
        if (cap - len < 4096) {
            char *grown = realloc(out, cap * 2);
            if (grown == NULL) {
                free(out);
                out = NULL;
                break;
            }
            out = grown;
            cap *= 2;
        }
    }
    int rc = pclose(p);
    if (status != NULL)
        *status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    if (out != NULL)
        out[len] = '\0';
    return out;
}

static int setup(void **state)
{
    (void)state;
    const char *daemon = getenv("BC_DAEMON"), *cli = getenv("BC_CLI");
    const char *data = getenv("BC_DATA");
    if (daemon == NULL || cli == NULL) {
        fprintf(stderr, "BC_DAEMON and BC_CLI must name the binaries\n");
        return -1;
    }
    if (bct_tmpdir(TMP, sizeof TMP, "docs") != 0)
        return -1;
    snprintf(DB, sizeof DB, "%s/store.db", TMP);
    bc_err err;
    if (bc_loader_build(data && *data ? data : "data", DB, NULL, &err) != 0) {
        fprintf(stderr, "building the store: %s\n", err.msg);
        return -1;
    }
    char cmd[512];
    snprintf(cmd, sizeof cmd,
             "BORDERCOOP_KEY= '%s' keys add lan.nguyen --role review --db '%s' "
             "2>/dev/null",
             cli, DB);
    int status;
    char *key = run(cmd, &status);
    if (key == NULL || status != 0 || strncmp(key, "bck_", 4) != 0) {
        fprintf(stderr, "keys add: %s\n", key ? key : "failed");
        free(key);
        return -1;
    }
    key[strcspn(key, "\n")] = '\0';
    snprintf(KEY, sizeof KEY, "%s", key);
    free(key);
    setenv("BORDERCOOP_API_TOKEN", TOKEN, 1);
    int rc = bct_daemon_start(&D, daemon, DB, NULL, 10000);
    unsetenv("BORDERCOOP_API_TOKEN");
    return rc;
}

static int teardown(void **state)
{
    (void)state;
    int a = bct_daemon_stop(&D, 10000);
    return bct_tmpdir_remove(TMP) != 0 || a != 0 ? -1 : 0;
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (s != NULL && fread(s, 1, (size_t)n, f) != (size_t)n) {
        free(s);
        s = NULL;
    }
    fclose(f);
    if (s != NULL)
        s[n] = '\0';
    return s;
}

/* One example: its command (continuation lines and heredoc included), its shown output
 * and where it is. */
typedef struct example {
    char *cmd, *shown;
    int line;
    int check; /* 1: a curl command whose status is checked; 0: a variable it sets */
} example;

/* 1 when cmd is NAME=... setting a variable from curl or to a literal. */
static int sets_variable(const char *cmd)
{
    const char *p = cmd;
    if (!isalpha((unsigned char)*p) && *p != '_')
        return 0;
    while (isalnum((unsigned char)*p) || *p == '_')
        p++;
    if (*p != '=')
        return 0;
    p++;
    if (strncmp(p, "$(curl ", 7) == 0)
        return 1;
    return strpbrk(p, "$`(;|&<>") == NULL; /* a literal, maybe with a # comment */
}

/* Splits the README's console blocks into examples (the caller frees them). */
static size_t parse_examples(char *readme, example **out)
{
    size_t n = 0, cap = 64;
    example *ex = calloc(cap, sizeof *ex);
    int in_console = 0, line_no = 0;
    char *save = NULL;
    /* lines, kept in order: strtok_r would drop empty lines, so split by hand */
    char **lines = NULL;
    size_t nlines = 0, lcap = 0;
    for (char *p = readme; p != NULL && *p;) {
        char *nl = strchr(p, '\n');
        if (nl != NULL)
            *nl = '\0';
        if (nlines == lcap) {
            lcap = lcap ? lcap * 2 : 1024;
            lines = realloc(lines, lcap * sizeof *lines);
        }
        lines[nlines++] = p;
        p = nl ? nl + 1 : NULL;
    }
    (void)save;
    for (size_t i = 0; i < nlines; i++) {
        line_no = (int)i + 1;
        const char *l = lines[i];
        if (strncmp(l, "```", 3) == 0) {
            in_console = !in_console && strcmp(l, "```console") == 0;
            continue;
        }
        if (!in_console || strncmp(l, "$ ", 2) != 0)
            continue;
        /* the command: continuation lines, then a heredoc's lines up to its delimiter */
        size_t size = strlen(l) + 2;
        char *cmd = malloc(size);
        snprintf(cmd, size, "%s", l + 2);
        while (strlen(cmd) > 0 && cmd[strlen(cmd) - 1] == '\\' && i + 1 < nlines) {
            i++;
            size += strlen(lines[i]) + 2;
            cmd = realloc(cmd, size);
            strcat(cmd, "\n");
            strcat(cmd, lines[i]);
        }
        const char *here = strstr(cmd, "<<");
        if (here != NULL) {
            char delim[32] = "";
            sscanf(here + 2, " '%31[A-Za-z_]'", delim);
            if (delim[0] == '\0')
                sscanf(here + 2, " %31[A-Za-z_]", delim);
            while (i + 1 < nlines) {
                i++;
                size += strlen(lines[i]) + 2;
                cmd = realloc(cmd, size);
                strcat(cmd, "\n");
                strcat(cmd, lines[i]);
                if (strcmp(lines[i], delim) == 0)
                    break;
            }
        }
        /* the shown output: up to the next command or the end of the block */
        size_t osize = 1;
        char *shown = calloc(1, 1);
        while (i + 1 < nlines && strncmp(lines[i + 1], "$ ", 2) != 0 &&
               strncmp(lines[i + 1], "```", 3) != 0) {
            i++;
            osize += strlen(lines[i]) + 1;
            shown = realloc(shown, osize);
            strcat(shown, lines[i]);
            strcat(shown, "\n");
        }
        int check = strncmp(cmd, "curl ", 5) == 0;
        /* the reader's review decisions from the shell come before the HTTP ones */
        int runs = strncmp(cmd, "bin/bordercoop review approve ", 30) == 0 ||
                   strncmp(cmd, "bin/bordercoop review reject ", 29) == 0 ||
                   strncmp(cmd, "export BORDERCOOP_KEY=", 22) == 0;
        if (!check && !runs && !sets_variable(cmd)) {
            free(cmd);
            free(shown);
            continue;
        }
        if (n == cap) {
            cap *= 2;
            ex = realloc(ex, cap * sizeof *ex);
        }
        ex[n++] = (example){cmd, shown, line_no, check};
    }
    free(lines);
    *out = ex;
    return n;
}

/* The status the shown output gives: a status line, a problem's "status", else 200. */
static int shown_status(const char *shown)
{
    const char *h = strstr(shown, "HTTP/1.1 ");
    if (h != NULL && (h == shown || h[-1] == '\n'))
        return atoi(h + 9);
    int status = 0;
    if (sscanf(shown, "{…,\"status\":%d", &status) == 1 ||
        (strncmp(shown, "{\"type\":", 8) == 0 && strstr(shown, "\"status\":") != NULL &&
         sscanf(strstr(shown, "\"status\":"), "\"status\":%d", &status) == 1))
        return status;
    return 200;
}

/* s with every run of whitespace made one space (new, free()). */
static char *squeeze(const char *s)
{
    char *o = malloc(strlen(s) + 1), *w = o;
    for (int space = 0; *s; s++) {
        if (isspace((unsigned char)*s)) {
            space = 1;
            continue;
        }
        if (space && w != o)
            *w++ = ' ';
        space = 0;
        *w++ = *s;
    }
    *w = '\0';
    return o;
}

/* Replaces every "127.0.0.1:8080" in cmd with the daemon's address (new, free()). */
static char *at_daemon(const char *cmd, int port)
{
    char *o = malloc(strlen(cmd) * 2 + 64), *w = o;
    for (const char *p = cmd; *p;) {
        if (strncmp(p, "127.0.0.1:8080", 14) == 0) {
            w += sprintf(w, "127.0.0.1:%d", port);
            p += 14;
        } else {
            *w++ = *p++;
        }
    }
    *w = '\0';
    return o;
}

/* s with every whitespace character removed (new, free()). */
static char *unspaced(const char *s)
{
    char *o = malloc(strlen(s) + 1), *w = o;
    for (; *s; s++)
        if (!isspace((unsigned char)*s))
            *w++ = *s;
    *w = '\0';
    return o;
}

/* The end of the JSON value at v (a string, number, literal or an array of those), or
 * NULL when it is an object, holds an elision "…" or is cut. */
static const char *value_end(const char *v)
{
    const char *p = v;
    if (*p == '"') {
        for (p++; *p && *p != '"'; p++)
            if (*p == '\\' && p[1] != '\0')
                p++;
        if (*p != '"')
            return NULL;
        p++;
    } else if (*p == '[') {
        int in_string = 0;
        for (p++; *p && (in_string || *p != ']'); p++) {
            if (in_string && *p == '\\' && p[1] != '\0')
                p++;
            else if (*p == '"')
                in_string = !in_string;
            else if (!in_string && (*p == '[' || *p == '{'))
                return NULL;
        }
        if (*p != ']')
            return NULL;
        p++;
    } else if (strncmp(p, "true", 4) == 0 || strncmp(p, "null", 4) == 0) {
        p += 4;
    } else if (strncmp(p, "false", 5) == 0) {
        p += 5;
    } else if (*p == '-' || isdigit((unsigned char)*p)) {
        while (*p == '-' || *p == '+' || *p == '.' || *p == 'e' || *p == 'E' ||
               isdigit((unsigned char)*p))
            p++;
    } else {
        return NULL;
    }
    if (*p != ',' && *p != '}' && *p != ']')
        return NULL; /* cut ("…" after it) or not JSON */
    for (const char *c = v; c < p; c++)
        if (strncmp(c, "…", strlen("…")) == 0)
            return NULL;
    return p;
}

/* Keys whose values change from run to run (times, validators, generated keys). */
static int volatile_key(const char *k, size_t n)
{
    static const char *const keys[] = {
        "etag",  "built_at",   "generated_at", "ingested_at", "at",  "started_at", "uptime_s",
        "score", "decided_at", "created_at",   "sha256",      "key", NULL};
    for (const char *const *x = keys; *x; x++)
        if (strlen(*x) == n && strncmp(*x, k, n) == 0)
            return 1;
    return 0;
}

/* Every "key":value the shown JSON gives whole (a scalar, or an array of scalars, with no
 * elision) is in the daemon's answer: shown values cannot drift from the software's.
 * Whitespace is ignored on both sides (the README wraps long lines). Returns how many
 * are not. */
static int shown_values_differ(const example *e, const char *got)
{
    if (strchr(e->shown, '{') == NULL)
        return 0;
    char *shown = unspaced(e->shown), *said = unspaced(got);
    int bad = 0;
    for (const char *k = strchr(shown, '"'); k != NULL; k = strchr(k + 1, '"')) {
        const char *ke = strchr(k + 1, '"');
        if (ke == NULL || ke[1] != ':' || (k > shown && k[-1] != '{' && k[-1] != ','))
            continue;
        const char *v = ke + 2, *ve = value_end(v);
        if (ve == NULL || volatile_key(k + 1, (size_t)(ke - k - 1)))
            continue;
        char *pair = strndup(k, (size_t)(ve - k));
        if (strstr(said, pair) == NULL) {
            size_t n = strlen(got);
            fprintf(stderr,
                    "README.md:%d: %s\n  shows %s, which the daemon does not say:\n%.600s\n"
                    "  …%s\n",
                    e->line, e->cmd, pair, got, n > 1200 ? got + n - 600 : "");
            bad++;
        }
        free(pair);
        k = ve - 1;
    }
    free(shown);
    free(said);
    return bad;
}

static void readme_examples_answer_as_shown(void **state)
{
    (void)state;
    char *readme = read_file(getenv("BC_README") ? getenv("BC_README") : "README.md");
    assert_non_null(readme);
    example *ex = NULL;
    size_t n = parse_examples(readme, &ex);
    /* the script: curl writes the status after each body; each example is marked */
    char path[128];
    snprintf(path, sizeof path, "%s/readme.sh", TMP);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f,
            "curl() { command curl -w '\\n@@status %%{http_code}\\n' \"$@\"; }\n"
            "cd '%s'\nexport BORDERCOOP_DB='%s'\n",
            TMP, DB);
    /* bin/bordercoop, as the reader has it, acting on the daemon's store */
    char wrapper[160];
    snprintf(wrapper, sizeof wrapper, "%s/bin", TMP);
    assert_int_equal(mkdir(wrapper, 0700), 0);
    snprintf(wrapper, sizeof wrapper, "%s/bin/bordercoop", TMP);
    FILE *w = fopen(wrapper, "w");
    assert_non_null(w);
    char *cli = realpath(getenv("BC_CLI"), NULL);
    assert_non_null(cli);
    fprintf(w, "#!/bin/sh\nexec '%s' \"$@\"\n", cli);
    free(cli);
    fclose(w);
    assert_int_equal(chmod(wrapper, 0700), 0);
    size_t checked = 0;
    int posted = 0;
    for (size_t i = 0; i < n; i++) {
        char *cmd = at_daemon(ex[i].cmd, D.port);
        fprintf(f, "echo '@@example %zu'\n%s\n", i, cmd);
        free(cmd);
        checked += (size_t)ex[i].check;
        if (ex[i].check && strstr(ex[i].cmd, "POST") != NULL)
            posted++;
    }
    fclose(f);
    assert_true(checked >= 30); /* the README's examples are found */
    assert_true(posted >= 2);   /* the article and the review decision */
    char cmd[512];
    snprintf(cmd, sizeof cmd, "BORDERCOOP_API_TOKEN='%s' KEY='%s' sh '%s' 2>&1", TOKEN, KEY, path);
    char *out = run(cmd, NULL);
    assert_non_null(out);
    int failures = 0;
    for (size_t i = 0; i < n; i++) {
        char mark[32];
        snprintf(mark, sizeof mark, "@@example %zu\n", i);
        char *start = strstr(out, mark);
        assert_non_null(start);
        start += strlen(mark);
        snprintf(mark, sizeof mark, "@@example %zu\n", i + 1);
        char *end = strstr(start, mark);
        size_t len = end ? (size_t)(end - start) : strlen(start);
        char *got = strndup(start, len);
        if (!ex[i].check) {
            if (getenv("BC_DOCS_VERBOSE") != NULL)
                fprintf(stderr, "README.md:%d: %s\n%s\n", ex[i].line, ex[i].cmd, got);
            free(got);
            continue;
        }
        int status = 0;
        for (char *s = strstr(got, "@@status "); s != NULL; s = strstr(s + 1, "@@status "))
            status = atoi(s + 9);
        int want = shown_status(ex[i].shown);
        if (getenv("BC_DOCS_VERBOSE") != NULL)
            fprintf(stderr, "README.md:%d: %d (shown %d)\n", ex[i].line, status, want);
        if (status != want) {
            fprintf(stderr, "README.md:%d: %s\n  answered %d, the README shows %d:\n%.600s\n",
                    ex[i].line, ex[i].cmd, status, want, got);
            failures++;
        }
        failures += shown_values_differ(&ex[i], got);
        /* a detail shown whole is the daemon's, word for word */
        char *shown = squeeze(ex[i].shown), *said = squeeze(got);
        const char *d = strstr(shown, "\"detail\":\"");
        if (d != NULL) {
            const char *e = strchr(d + 10, '"');
            char *detail = strndup(d, (size_t)(e - d + 1));
            if (strstr(detail, "…") == NULL && strstr(said, detail) == NULL) {
                fprintf(stderr, "README.md:%d: %s\n  the daemon's detail is not %s:\n%.600s\n",
                        ex[i].line, ex[i].cmd, detail, got);
                failures++;
            }
            free(detail);
        }
        free(shown);
        free(said);
        free(got);
    }
    for (size_t i = 0; i < n; i++) {
        free(ex[i].cmd);
        free(ex[i].shown);
    }
    free(ex);
    free(out);
    free(readme);
    assert_int_equal(failures, 0);
}

/* Appends the .PHONY targets of the Makefile text to names (fuzz-run-% as fuzz-run-NAME). */
static size_t phony_of(const char *text, char names[][48], size_t n, size_t max)
{
    for (const char *l = text; l != NULL && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
        if (strncmp(l, ".PHONY:", 7) != 0)
            continue;
        for (const char *p = l + 7; *p && *p != '\n';) {
            while (*p == ' ')
                p++;
            size_t k = strcspn(p, " \n");
            if (k > 0 && n < max) {
                if (strncmp(p, "$(FUZZ_NAMES:%=fuzz-run-%)", k) == 0)
                    snprintf(names[n++], 48, "fuzz-run-NAME");
                else
                    snprintf(names[n++], 48, "%.*s", (int)k, p);
            }
            p += k;
        }
    }
    return n;
}

/* The targets the Makefile and every fragment it includes (include and -include lines
 * naming a .mk file) declare .PHONY. */
static size_t phony_targets(char names[][48], size_t max)
{
    char *top = read_file("Makefile");
    assert_non_null(top);
    size_t n = phony_of(top, names, 0, max), fragments = 0;
    for (const char *l = top; l != NULL && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL) {
        const char *p = strncmp(l, "include ", 8) == 0    ? l + 8
                        : strncmp(l, "-include ", 9) == 0 ? l + 9
                                                          : NULL;
        if (p == NULL)
            continue;
        char path[256];
        size_t k = strcspn(p, " \n");
        if (k == 0 || k >= sizeof path || memchr(p, '$', k) != NULL || k < 3 ||
            strncmp(p + k - 3, ".mk", 3) != 0)
            continue;
        snprintf(path, sizeof path, "%.*s", (int)k, p);
        char *text = read_file(path);
        if (text == NULL)
            fail_msg("the Makefile includes %s, which cannot be read", path);
        n = phony_of(text, names, n, max);
        fragments++;
        free(text);
    }
    free(top);
    assert_true(fragments >= 8); /* web/web.mk and the tests' fragments */
    return n;
}

/* `make help` names every target and no target that is not there. */
static void make_help_lists_every_target(void **state)
{
    (void)state;
    int status;
    char *help = run("env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s --no-print-directory help "
                     "2>/dev/null",
                     &status);
    assert_non_null(help);
    assert_int_equal(status, 0);
    char names[128][48];
    size_t n = phony_targets(names, 128);
    assert_true(n > 30);
    int failures = 0;
    for (size_t i = 0; i < n; i++) {
        /* as a word: not inside a longer target name */
        int found = 0;
        size_t k = strlen(names[i]);
        for (const char *p = strstr(help, names[i]); p != NULL && !found;
             p = strstr(p + 1, names[i])) {
            char before = p == help ? ' ' : p[-1], after = p[k];
            found = !(isalnum((unsigned char)before) || before == '-') &&
                    !(isalnum((unsigned char)after) || after == '-');
        }
        if (!found) {
            fprintf(stderr, "make help does not name '%s'\n", names[i]);
            failures++;
        }
    }
    /* every "make X" in the help is a target */
    for (const char *p = strstr(help, "make "); p != NULL; p = strstr(p + 1, "make ")) {
        char word[48];
        if (sscanf(p + 5, "%47[a-z-]", word) != 1 || word[0] == '\0')
            continue;
        int known = strcmp(word, "build") == 0 || strcmp(word, "help") == 0;
        for (size_t i = 0; i < n && !known; i++)
            known = strcmp(names[i], word) == 0 ||
                    (strncmp(word, "fuzz-run-", 9) == 0 && strcmp(names[i], "fuzz-run-NAME") == 0);
        if (!known) {
            fprintf(stderr, "make help names 'make %s', which is no target\n", word);
            failures++;
        }
    }
    free(help);
    assert_int_equal(failures, 0);
}

/* The README's source map (from "### Source map" to the sentence after its table) names
 * every server/ file (.c, and the internal .h) exactly once, as `name`, and every
 * `name.c` or `name.h` it names is a file of server/. */
static void source_map_names_every_server_file(void **state)
{
    (void)state;
    char *readme = read_file("README.md");
    assert_non_null(readme);
    char *map = strstr(readme, "### Source map");
    assert_non_null(map);
    char *end = strstr(map, "Nothing below the routing layer");
    assert_non_null(end);
    *end = '\0';
    int failures = 0, files = 0;
    DIR *d = opendir("server");
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t k = strlen(e->d_name);
        if (k < 3 || k > 60 || e->d_name[0] == '.' ||
            (strcmp(e->d_name + k - 2, ".c") != 0 && strcmp(e->d_name + k - 2, ".h") != 0))
            continue;
        char quoted[sizeof e->d_name + 3];
        snprintf(quoted, sizeof quoted, "`%s`", e->d_name);
        int seen = 0;
        for (const char *p = strstr(map, quoted); p != NULL; p = strstr(p + 1, quoted))
            seen++;
        if (seen != 1) {
            fprintf(stderr, "README.md's source map names server/%s %d times (once wanted)\n",
                    e->d_name, seen);
            failures++;
        }
        files++;
    }
    closedir(d);
    assert_true(files > 90);
    /* and names no file that is not there */
    for (const char *p = strchr(map, '`'); p != NULL; p = strchr(p + 1, '`')) {
        const char *q = strchr(p + 1, '`');
        if (q == NULL)
            break;
        size_t k = (size_t)(q - p - 1);
        if (k > 2 && k < 64 && (memcmp(q - 2, ".c", 2) == 0 || memcmp(q - 2, ".h", 2) == 0) &&
            memchr(p + 1, ' ', k) == NULL && memchr(p + 1, '<', k) == NULL) {
            char path[96];
            snprintf(path, sizeof path, "server/%.*s", (int)k, p + 1);
            struct stat st;
            if (stat(path, &st) != 0) {
                fprintf(stderr, "README.md's source map names %s, which is not there\n", path);
                failures++;
            }
        }
        p = q;
    }
    free(readme);
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(readme_examples_answer_as_shown),
        cmocka_unit_test(make_help_lists_every_target),
        cmocka_unit_test(source_map_names_every_server_file),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
