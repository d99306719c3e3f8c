/* loader.c: reads data/ and fills the store in one transaction, section by section
 * (loader_int.h), then indexes it for search and swaps the new store in atomically. */
#include "loader_int.h"

#include "bordercoop/alloc.h"
#include "bordercoop/changes.h"
#include "bordercoop/ingest.h"
#include "bordercoop/places.h"
#include "bordercoop/rebuild.h"
#include "bordercoop/keys.h"
#include "bordercoop/review.h"
#include "bordercoop/schema.h"
#include "bordercoop/search_index.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- files ------------------------------------------------------------------------- */

/* Reads dir/rel into a new NUL-terminated buffer of at most max bytes. */
int ld_read_file(loader *L, const char *rel, size_t max, char **out, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", L->dir, rel);
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return bc_err_set(L->err, errno == ENOENT ? BC_ENOTFOUND : BC_EIO, "%s: %s", path,
                          strerror(errno));
    bc_buf b = BC_BUF_INIT;
    char chunk[65536];
    size_t n;
    int rc = BC_OK;
    while (rc == BC_OK && (n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + n > max)
            rc = bc_err_set(L->err, BC_ETOOBIG, "%s: larger than %zu bytes", path, max);
        else
            bc_buf_append(&b, chunk, n);
    }
    if (rc == BC_OK && ferror(f))
        rc = bc_err_set(L->err, BC_EIO, "%s: read error", path);
    fclose(f);
    if (rc == BC_OK && bc_buf_reserve(&b, 0) != BC_OK)
        rc = bc_err_set(L->err, BC_ENOMEM, "out of memory reading %s", path);
    if (rc != BC_OK) {
        bc_buf_free(&b);
        return rc;
    }
    *out = bc_buf_steal(&b, len);
    /* the content version covers the name and every byte of every input */
    bc_sha256_update(&L->hash, rel, strlen(rel) + 1);
    bc_sha256_update(&L->hash, *out, *len);
    return BC_OK;
}

/* Loads facts file rel whose top level is {"<top>": [...]}; *root is new (decref it),
 * *arr borrowed from it. */
int ld_load_json(loader *L, const char *rel, const char *top, json_t **root, json_t **arr)
{
    *root = NULL;
    snprintf(L->file, sizeof L->file, "%s/%s", L->dir, rel);
    char *text;
    size_t len;
    int rc = ld_read_file(L, rel, MAX_FACT_FILE, &text, &len);
    if (rc != BC_OK)
        return rc;
    json_error_t je;
    int oom;
    *root = bc_json_loadb(text, len, JSON_REJECT_DUPLICATES, &je, &oom);
    bc_free(text);
    if (oom)
        return bc_err_set(L->err, BC_ENOMEM, "%s: out of memory reading it", L->file);
    if (*root == NULL)
        return bc_err_set(L->err, BC_EINVAL, "%s:%d:%d: invalid JSON: %s", L->file, je.line,
                          je.column, je.text);
    const char *const keys[] = {top, NULL};
    rc = ld_keys_ok(L, *root, "$", keys);
    if (rc == BC_OK)
        rc = ld_arr(L, *root, "$", top, REQ, arr);
    return rc;
}

/* ---- search index ------------------------------------------------------------------ */

static int load_search_index(loader *L)
{
    snprintf(L->file, sizeof L->file, "search index");
    int rc = bc_search_index_entity(L->s, NULL, NULL, L->err);
    for (size_t i = 0; rc == BC_OK && i < L->narticles; i++)
        rc = bc_search_index_source(L->s, L->articles[i].id, L->err);
    return rc;
}

/* ---- entry points ------------------------------------------------------------------ */

static int write_meta(loader *L, const char *key, const char *value)
{
    return ld_run(L, key, "INSERT OR REPLACE INTO store_meta (key, value) VALUES (?1, ?2)",
                  BC_BINDS(bc_text(key), bc_text(value)));
}

int bc_loader_fill(bc_store *store, const char *data_dir, bc_load_stats *stats, bc_err *err)
{
    loader L;
    memset(&L, 0, sizeof L);
    L.s = store;
    L.dir = data_dir;
    L.err = err;
    bc_load_stats local;
    L.st = stats != NULL ? stats : &local;
    memset(L.st, 0, sizeof *L.st);
    bc_buf_init(&L.key);
    bc_buf_init(&L.inferred);
    bc_buf_init(&L.background);
    bc_buf_init(&L.supports);
    bc_sha256_init(&L.hash);
    snprintf(L.file, sizeof L.file, "%s", data_dir);

    int rc = bc_store_begin(store, err);
    if (rc == BC_OK)
        rc = ld_load_sources(&L);
    if (rc == BC_OK)
        rc = ld_load_metrics(&L);
    if (rc == BC_OK)
        rc = ld_load_provinces(&L);
    if (rc == BC_OK)
        rc = ld_load_people(&L);
    if (rc == BC_OK)
        rc = ld_load_mechanisms(&L);
    if (rc == BC_OK)
        rc = ld_load_meetings(&L);
    if (rc == BC_OK)
        rc = ld_load_protocols(&L);
    if (rc == BC_OK)
        rc = ld_load_figures(&L);
    if (rc == BC_OK)
        rc = ld_load_projects(&L);
    if (rc == BC_OK)
        rc = ld_load_coop_events(&L);
    if (rc == BC_OK)
        rc = bc_places_load(store, data_dir, &L.hash, &L.st->places, err);
    if (rc == BC_OK)
        rc = load_search_index(&L);
    if (rc == BC_OK) {
        unsigned char digest[32];
        char version[16];
        snprintf(version, sizeof version, "%d", bc_store_latest_version());
        bc_sha256_update(&L.hash, version, strlen(version) + 1);
        bc_sha256_final(&L.hash, digest);
        bc_sha256_tohex(digest, L.st->content_version);
        snprintf(L.file, sizeof L.file, "store_meta");
        rc = write_meta(&L, "content_version", L.st->content_version);
    }
    if (rc == BC_OK) {
        /* the build time is what Last-Modified reports; SOURCE_DATE_EPOCH pins it for
         * reproducible builds */
        time_t now = time(NULL);
        const char *sde = getenv("SOURCE_DATE_EPOCH");
        if (sde != NULL && *sde != '\0')
            now = (time_t)strtoll(sde, NULL, 10);
        struct tm tm;
        char when[32];
        gmtime_r(&now, &tm);
        strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
        rc = write_meta(&L, "built_at", when);
    }
    if (rc == BC_OK)
        rc = bc_store_commit(store, err);
    if (rc != BC_OK)
        bc_store_rollback(store);
    for (size_t i = 0; i < L.narticles; i++) {
        bc_free(L.articles[i].id);
        bc_free(L.articles[i].body);
    }
    bc_free(L.articles);
    bc_buf_free(&L.key);
    bc_buf_free(&L.inferred);
    bc_buf_free(&L.background);
    bc_buf_free(&L.supports);
    return rc;
}

static int fsync_path(const char *path, int directory)
{
    int fd = open(path, directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (fd < 0)
        return -1;
    int rc = fsync(fd);
    close(fd);
    return rc;
}

/* Appends what this build changed to the change feed: the previous store's feed and
 * baseline are carried into the build first (prev_path NULL for a first build), so a
 * rebuild of unchanged data appends nothing. */
static int record_changes(bc_store *s, const char *prev_path, bc_err *err)
{
    int rc = prev_path != NULL ? bc_changes_carry(s, prev_path, err) : BC_OK;
    char *at = NULL;
    if (rc == BC_OK)
        rc = bc_store_meta_get(s, "built_at", &at, err);
    if (rc == BC_OK)
        rc = bc_store_begin(s, err);
    if (rc == BC_OK) {
        rc = bc_changes_record(s, "load", "loader", at, NULL, err);
        if (rc == BC_OK)
            rc = bc_store_commit(s, err);
        if (rc != BC_OK)
            bc_store_rollback(s);
    }
    bc_free(at);
    return rc;
}

/* The single integer sql gives on s, 0 when it fails. */
static int count_of(bc_store *s, const char *sql)
{
    sqlite3_stmt *st;
    bc_err err;
    if (bc_store_stmt(s, sql, &st, &err) != BC_OK)
        return 0;
    int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_reset(st);
    return n;
}

/* Copies the finished build src over the live store at dest_path in one transaction
 * (SQLite's backup API), so a running daemon keeps its file, readers keep their
 * snapshot until they finish, and a failure leaves the store as it was. */
static int replace_live(bc_store *src, const char *dest_path, bc_load_stats *st, bc_err *err)
{
    bc_store *dest = NULL;
    int rc = bc_store_open(dest_path, 0, &dest, err);
    if (rc == BC_OK) {
        int version = 0;
        rc = bc_store_version(dest, &version, err);
        if (rc == BC_OK && version > bc_store_latest_version())
            rc = bc_err_set(err, BC_EVERSION,
                            "%s has schema version %d, newer than this binary's %d: refusing to "
                            "replace it",
                            dest_path, version, bc_store_latest_version());
    }
    /* keys first (the log's key changes are theirs), then the articles and the log in
     * the order they happened */
    if (rc == BC_OK)
        rc = bc_keys_carry_over(dest, src, err);
    bc_review_replay replay = {0};
    if (rc == BC_OK)
        rc = bc_rebuild_carry(dest, src, &replay, err);
    if (rc == BC_OK && st != NULL) {
        /* what was carried, and the content version the store serves with it */
        st->carried_articles = count_of(src, "SELECT count(*) FROM sources "
                                             "WHERE origin = 'ingested'");
        st->carried_keys = count_of(src, "SELECT count(*) FROM api_keys");
        st->carried_decisions = replay.decisions;
        st->orphaned_decisions = replay.orphaned;
        char *version = NULL;
        rc = bc_store_meta_get(src, "content_version", &version, err);
        if (rc == BC_OK && version != NULL)
            snprintf(st->content_version, sizeof st->content_version, "%s", version);
        bc_free(version);
    }
    /* the feed compares the rebuilt documents (decisions applied) with the last ones */
    if (rc == BC_OK)
        rc = record_changes(src, dest_path, err);
    sqlite3_backup *b = NULL;
    if (rc == BC_OK) {
        b = sqlite3_backup_init(bc_store_db(dest), "main", bc_store_db(src), "main");
        if (b == NULL)
            rc = bc_store_error(dest, err, "starting the copy into the live store");
    }
    for (int waited = 0; rc == BC_OK;) {
        int step = sqlite3_backup_step(b, -1);
        if (step == SQLITE_DONE)
            break;
        if ((step == SQLITE_BUSY || step == SQLITE_LOCKED) && waited < 10000) {
            struct timespec ts = {0, 50 * 1000000L};
            nanosleep(&ts, NULL);
            waited += 50;
            continue;
        }
        rc = bc_err_set(err, BC_ESTORE, "copying into the live store: %s", sqlite3_errstr(step));
    }
    if (b != NULL && sqlite3_backup_finish(b) != SQLITE_OK && rc == BC_OK)
        rc = bc_store_error(dest, err, "finishing the copy into the live store");
    if (rc == BC_OK)
        sqlite3_exec(bc_store_db(dest), "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
    bc_store_close(dest);
    return rc;
}

/* With no store at db_path (checked under the store lock), a -wal or -shm left at its
 * name belongs to no file that will ever be there again (a deleted store's, perhaps
 * still held open by a daemon serving the deleted file): SQLite would replay that log
 * into the new file, so it goes before the new file takes the name. */
static int remove_orphan_logs(const char *db_path, bc_err *err)
{
    static const char *const suffixes[] = {"-wal", "-shm", "-journal"};
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        char name[1100];
        snprintf(name, sizeof name, "%s%s", db_path, suffixes[i]);
        if (unlink(name) != 0 && errno != ENOENT)
            return bc_err_set(err, BC_EIO,
                              "cannot remove %s, left by a store that is gone (SQLite would "
                              "replay it into the new store): %s",
                              name, strerror(errno));
    }
    return BC_OK;
}

int bc_loader_build(const char *data_dir, const char *db_path, bc_load_stats *stats, bc_err *err)
{
    char tmp[1024];
    int n = snprintf(tmp, sizeof tmp, "%s.tmp-%ld", db_path, (long)getpid());
    if (n < 0 || (size_t)n >= sizeof tmp)
        return bc_err_set(err, BC_EINVAL, "store path too long: %s", db_path);
    unlink(tmp);
    bc_store *s = NULL;
    int rc = bc_store_open(tmp, BC_STORE_CREATE, &s, err);
    if (rc == BC_OK)
        rc = bc_store_exec(s, "PRAGMA journal_mode = MEMORY; PRAGMA synchronous = OFF;", err);
    if (rc == BC_OK)
        rc = bc_schema_create(s, err);
    if (rc == BC_OK)
        rc = bc_loader_fill(s, data_dir, stats, err);
    if (rc == BC_OK)
        rc = bc_store_exec(s, "ANALYZE", err);
    int live = access(db_path, F_OK) == 0;
    int lock = -1;
    if (rc == BC_OK) {
        lock = bc_store_lock(db_path, 30000, err);
        if (lock < 0)
            rc = err->code ? err->code : BC_EIO;
    }
    if (rc == BC_OK && live) {
        rc = replace_live(s, db_path, stats, err);
    } else if (rc == BC_OK) {
        /* a first build: start the change feed, switch the new file to WAL and move it
         * into place */
        rc = record_changes(s, NULL, err);
        if (rc == BC_OK)
            rc = bc_store_exec(s, "PRAGMA journal_mode = WAL", err);
    }
    bc_store_close(s);
    if (rc == BC_OK && !live && access(db_path, F_OK) == 0)
        rc = bc_err_set(err, BC_EBUSY,
                        "a store appeared at %s while this one was being built; nothing was "
                        "written, run the load again",
                        db_path);
    if (rc == BC_OK && !live)
        rc = remove_orphan_logs(db_path, err);
    if (rc == BC_OK && !live) {
        if (fsync_path(tmp, 0) != 0)
            rc = bc_err_set(err, BC_EIO, "%s: fsync: %s", tmp, strerror(errno));
        else if (rename(tmp, db_path) != 0)
            rc = bc_err_set(err, BC_EIO, "cannot move %s into place: %s", db_path, strerror(errno));
        if (rc == BC_OK) {
            char dir[1024];
            snprintf(dir, sizeof dir, "%s", db_path);
            char *slash = strrchr(dir, '/');
            if (slash != NULL)
                *slash = '\0';
            else
                snprintf(dir, sizeof dir, ".");
            fsync_path(dir, 1);
        }
    }
    bc_store_unlock(lock);
    unlink(tmp);
    return rc;
}
