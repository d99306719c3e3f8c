/* fuzz_loader.c: libFuzzer target for bc_loader_fill. The first byte picks one facts file
 * (byte % 8: metrics, provinces, people, mechanisms, meetings, protocols, figures,
 * projects); the rest replaces that file in a scratch copy of data/ made once, and the
 * copy is loaded into a fresh in-memory store (a copy of an empty migrated one). The load must
 * succeed or fail with a code and a message, never crash; the file is restored after every run. */
#include "bordercoop/err.h"
#include "bordercoop/loader.h"
#include "bordercoop/store.h"

#include <dirent.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define FUZZ_NAME "fuzz_loader"
#include "fuzz_common.h"

static const char *const FILES[] = {"metrics",  "provinces", "people",  "mechanisms",
                                    "meetings", "protocols", "figures", "projects"};
#define NFILES (sizeof FILES / sizeof FILES[0])

static char scratch[512]; /* the temporary directory (parent of data/) */
static char scratch_data[600];
static char *original[NFILES]; /* each facts file's bytes, to restore it */
static size_t original_len[NFILES];
static bc_store *migrated; /* an empty migrated store, copied into each fresh one */

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        die("cannot read", path);
    size_t cap = 1 << 16, n = 0, got;
    char *buf = malloc(cap);
    while (buf != NULL && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap)
            buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    if (buf == NULL)
        die("out of memory reading", path);
    *len = n;
    return buf;
}

static void spill(const char *path, const void *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL || fwrite(data, 1, len, f) != len || fclose(f) != 0)
        die("cannot write", path);
}

/* Copies the regular files of from/ into to/ (created). */
static void copy_dir(const char *from, const char *to)
{
    if (mkdir(to, 0755) != 0)
        die("mkdir", to);
    DIR *d = opendir(from);
    if (d == NULL)
        die("opendir", from);
    struct dirent *e;
    char a[1200], b[1200];
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        snprintf(a, sizeof a, "%.600s/%.255s", from, e->d_name);
        snprintf(b, sizeof b, "%.600s/%.255s", to, e->d_name);
        struct stat st;
        if (stat(a, &st) == 0 && S_ISREG(st.st_mode)) {
            size_t n;
            char *bytes = slurp(a, &n);
            spill(b, bytes, n);
            free(bytes);
        }
    }
    closedir(d);
}

static void remove_scratch(void)
{
    if (strncmp(scratch, "/tmp/bc-fuzz-loader-", 20) != 0)
        return;
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", scratch);
    if (system(cmd) != 0)
        fprintf(stderr, "fuzz_loader: could not remove %s\n", scratch);
    for (size_t i = 0; i < NFILES; i++)
        free(original[i]);
    bc_store_close(migrated);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *dir = fuzz_data_dir();
    snprintf(scratch, sizeof scratch, "/tmp/bc-fuzz-loader-XXXXXX");
    if (mkdtemp(scratch) == NULL)
        die("mkdtemp", scratch);
    atexit(remove_scratch);
    snprintf(scratch_data, sizeof scratch_data, "%s/data", scratch);
    if (mkdir(scratch_data, 0755) != 0)
        die("mkdir", scratch_data);
    char a[1200], b[1200];
    size_t n;
    snprintf(a, sizeof a, "%.600s/sources.json", dir);
    snprintf(b, sizeof b, "%s/sources.json", scratch_data);
    char *bytes = slurp(a, &n);
    spill(b, bytes, n);
    free(bytes);
    snprintf(a, sizeof a, "%.600s/articles", dir);
    snprintf(b, sizeof b, "%s/articles", scratch_data);
    copy_dir(a, b);
    snprintf(a, sizeof a, "%.600s/facts", dir);
    snprintf(b, sizeof b, "%s/facts", scratch_data);
    copy_dir(a, b);
    for (size_t i = 0; i < NFILES; i++) {
        snprintf(a, sizeof a, "%s/facts/%s.json", scratch_data, FILES[i]);
        original[i] = slurp(a, &original_len[i]);
    }
    migrated = fuzz_store(NULL);
    return 0;
}

/* A fresh in-memory store holding the migrated empty schema: the same as open + migrate
 * (the backup copies every page, user_version included) at a fraction of the cost. */
static bc_store *fresh_store(void)
{
    bc_store *s = NULL;
    bc_err err;
    if (bc_store_open(":memory:", BC_STORE_CREATE, &s, &err) != BC_OK)
        die("open", err.msg);
    sqlite3_backup *b = sqlite3_backup_init(bc_store_db(s), "main", bc_store_db(migrated), "main");
    if (b == NULL || sqlite3_backup_step(b, -1) != SQLITE_DONE)
        die("backup", sqlite3_errmsg(bc_store_db(s)));
    sqlite3_backup_finish(b);
    int version = 0;
    if (bc_store_version(s, &version, &err) != BC_OK || version != bc_store_latest_version())
        die("backup", "the copy has the wrong schema version");
    return s;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    size_t which = data[0] % NFILES;
    char path[1200];
    snprintf(path, sizeof path, "%s/facts/%s.json", scratch_data, FILES[which]);
    spill(path, data + 1, size - 1);

    bc_store *s = fresh_store();
    bc_err err;
    bc_load_stats stats;
    bc_err_clear(&err);
    int rc = bc_loader_fill(s, scratch_data, &stats, &err);
    if (rc != BC_OK && (err.code != rc || err.msg[0] == '\0')) {
        fprintf(stderr, "fuzz_loader: %s.json: load failed with rc %d but err = {%d, '%s'}\n",
                FILES[which], rc, err.code, err.msg);
        abort();
    }
    if (rc == BC_OK && strlen(stats.content_version) != 64) {
        fprintf(stderr, "fuzz_loader: %s.json: loaded without a content version\n", FILES[which]);
        abort();
    }
    bc_store_close(s);

    spill(path, original[which], original_len[which]);
    return 0;
}
