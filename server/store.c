/* store.c: SQLite connection setup, embedded migrations and the statement cache. */
#include "bordercoop/store.h"

#include "bordercoop/alloc.h"
#include "bordercoop/embed.h"
#include "bordercoop/fts.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#define STMT_SLOTS 256 /* the table's first size, a power of two; it doubles at 3/4 full */

typedef struct stmt_slot {
    char *sql; /* owned copy: the cache key */
    sqlite3_stmt *stmt;
} stmt_slot;

struct bc_store {
    sqlite3 *db;
    int immutable;
    stmt_slot *slots; /* nslots entries (a power of two), nused of them holding a statement */
    size_t nslots, nused;
};

int bc_store_error(bc_store *s, bc_err *err, const char *doing)
{
    int nomem = s != NULL && s->db != NULL && (sqlite3_errcode(s->db) & 0xff) == SQLITE_NOMEM;
    return bc_err_set(err, nomem ? BC_ENOMEM : BC_ESTORE, "%s: %s", doing,
                      s != NULL && s->db != NULL ? sqlite3_errmsg(s->db) : "no connection");
}

int bc_store_row(bc_store *s, sqlite3_stmt *st, int *rc, bc_err *err, const char *doing)
{
    if (*rc != BC_OK)
        return 0;
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW)
        return 1;
    if (step != SQLITE_DONE)
        *rc = bc_store_error(s, err, doing);
    return 0;
}

int bc_store_collect_text(bc_store *s, sqlite3_stmt *st, int ncols, bc_buf *buf, size_t *nrows,
                          const char *what, bc_err *err)
{
    int rc = BC_OK, step = SQLITE_DONE;
    while (rc == BC_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        for (int c = 0; c < ncols; c++) {
            const unsigned char *text = sqlite3_column_text(st, c);
            if (text == NULL && sqlite3_column_type(st, c) != SQLITE_NULL)
                rc = BC_ENOMEM; /* SQLite could not make the text */
            else if (text != NULL)
                bc_buf_append(buf, text, (size_t)sqlite3_column_bytes(st, c) + 1);
            else
                bc_buf_putc(buf, '\0');
        }
        if (rc == BC_OK && bc_buf_failed(buf))
            rc = BC_ENOMEM;
        if (rc == BC_OK)
            (*nrows)++;
    }
    if (rc == BC_OK && step != SQLITE_DONE)
        rc = bc_store_error(s, err, what);
    else if (rc != BC_OK)
        rc = bc_err_set(err, rc, "out of memory %s", what);
    sqlite3_reset(st);
    return rc;
}

static int migration_version(const bc_embedded *m)
{
    return atoi(m->name);
}

int bc_store_latest_version(void)
{
    return bc_migrations_count == 0 ? 0
                                    : migration_version(&bc_migrations[bc_migrations_count - 1]);
}

int bc_store_exec(bc_store *s, const char *sql, bc_err *err)
{
    char *msg = NULL;
    if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        bc_err_set(err, BC_ESTORE, "%s", msg != NULL ? msg : sqlite3_errmsg(s->db));
        sqlite3_free(msg);
        return BC_ESTORE;
    }
    return BC_OK;
}

static int begin(bc_store *s, const char *sql, bc_err *err)
{
    /* a transaction an earlier failure could not roll back (no memory then) ends now */
    bc_store_rollback(s);
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s, "ROLLBACK", &st, err);
    if (rc == BC_OK)
        rc = bc_store_stmt(s, "COMMIT", &st, err);
    if (rc == BC_OK)
        rc = bc_store_run(s, sql, BC_NO_BINDS, err);
    return rc;
}

int bc_store_begin(bc_store *s, bc_err *err)
{
    return begin(s, "BEGIN IMMEDIATE", err);
}

int bc_store_begin_read(bc_store *s, bc_err *err)
{
    return begin(s, "BEGIN", err);
}

int bc_store_commit(bc_store *s, bc_err *err)
{
    return bc_store_run(s, "COMMIT", BC_NO_BINDS, err);
}

void bc_store_rollback(bc_store *s)
{
    sqlite3_stmt *st;
    bc_err ignored;
    if (sqlite3_get_autocommit(s->db))
        return; /* SQLite rolled back already (or nothing was begun) */
    if (bc_store_stmt(s, "ROLLBACK", &st, &ignored) == BC_OK) {
        sqlite3_step(st);
        sqlite3_reset(st);
    } else {
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL); /* begun without bc_store_begin */
    }
}

int bc_store_version(bc_store *s, int *version, bc_err *err)
{
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s, "PRAGMA user_version", &st, err);
    if (rc != BC_OK)
        return rc;
    if (sqlite3_step(st) == SQLITE_ROW)
        *version = sqlite3_column_int(st, 0);
    else
        rc = bc_store_error(s, err, "reading the store version");
    sqlite3_reset(st);
    return rc;
}

int bc_store_open(const char *path, int flags, bc_store **out, bc_err *err)
{
    *out = NULL;
    bc_store *s = bc_calloc(1, sizeof *s);
    if (s == NULL)
        return bc_err_set(err, BC_ENOMEM, "out of memory opening the store");
    int readonly = (flags & BC_STORE_READONLY) != 0;
    int exact = readonly || (flags & (BC_STORE_QUERY_ONLY | BC_STORE_WRITER));
    int oflags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
    if (!readonly && (flags & BC_STORE_CREATE))
        oflags |= SQLITE_OPEN_CREATE;
    oflags |= SQLITE_OPEN_NOMUTEX;
    int rc = BC_OK;
    int src = sqlite3_open_v2(path, &s->db, oflags, NULL);
    /* A store on read-only media: SQLite opens it read-only without complaint, but the
     * first read of a WAL store fails (no -shm can be created). Probe now and read such
     * a store immutable instead. The probe reads the header only: the schema (600 KB
     * parsed, most of it the views) is read when the connection is first used, so a
     * reader that is never needed never holds it. */
    int probe = src != SQLITE_OK || !(flags & BC_STORE_QUERY_ONLY)
                    ? src
                    : sqlite3_exec(s->db, "PRAGMA user_version", NULL, NULL, NULL);
    if ((flags & BC_STORE_QUERY_ONLY) && access(path, R_OK) == 0 &&
        (src != SQLITE_OK || (probe & 0xff) == SQLITE_CANTOPEN)) {
        sqlite3_close(s->db);
        s->db = NULL;
        char uri[1200];
        snprintf(uri, sizeof uri, "file:%s?immutable=1", path);
        src = sqlite3_open_v2(uri, &s->db,
                              SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
        s->immutable = src == SQLITE_OK;
    }
    if (src != SQLITE_OK && (src & 0xff) == SQLITE_CANTOPEN && !(oflags & SQLITE_OPEN_CREATE) &&
        access(path, F_OK) != 0 && errno == ENOENT) {
        rc = bc_err_set(err, BC_ENOTFOUND, BC_STORE_MISSING_FMT, path, path);
    } else if (src != SQLITE_OK) {
        rc = bc_err_set(err, src == SQLITE_CANTOPEN ? BC_ENOTFOUND : BC_ESTORE,
                        "cannot open store %s: %s", path,
                        s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(src));
    }
    if (rc == BC_OK)
        sqlite3_extended_result_codes(s->db, 1);
    if (rc == BC_OK)
        rc = bc_store_exec(s, "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;", err);
    if (rc == BC_OK)
        rc = bc_fts_register(s->db, err);
    if (rc == BC_OK && (flags & BC_STORE_QUERY_ONLY) && !s->immutable)
        rc = bc_store_exec(s, "PRAGMA query_only = ON", err);
    if (rc == BC_OK && (flags & BC_STORE_QUERY_ONLY)) {
        /* readers map the file: page reads become memory reads instead of pread calls
         * (bounded by bc_store_mmap_bytes; the kernel shares and reclaims the pages) */
        char sql[64];
        snprintf(sql, sizeof sql, "PRAGMA mmap_size = %lld", (long long)bc_store_mmap_bytes);
        rc = bc_store_exec(s, sql, err);
    }
    if (rc == BC_OK && (flags & BC_STORE_WRITER))
        rc = bc_store_exec(s, "PRAGMA synchronous = FULL", err);
    if (rc == BC_OK && exact) {
        int version = 0;
        rc = bc_store_version(s, &version, err);
        if (rc == BC_OK && version > bc_store_latest_version())
            rc = bc_err_set(err, BC_EVERSION,
                            "store %s has schema version %d, newer than this binary's %d: "
                            "upgrade bordercoop or rebuild the store",
                            path, version, bc_store_latest_version());
        else if (rc == BC_OK && version < bc_store_latest_version())
            rc = bc_err_set(err, BC_EVERSION,
                            "store %s has schema version %d, this binary needs %d: run "
                            "`bordercoop load` (or `bordercoop migrate`) first",
                            path, version, bc_store_latest_version());
    }
    if (rc != BC_OK) {
        bc_store_close(s);
        return rc;
    }
    *out = s;
    return BC_OK;
}

void bc_store_close(bc_store *s)
{
    if (s == NULL)
        return;
    for (size_t i = 0; i < s->nslots; i++) {
        sqlite3_finalize(s->slots[i].stmt);
        bc_free(s->slots[i].sql);
    }
    bc_free(s->slots);
    sqlite3_close(s->db);
    bc_free(s);
}

sqlite3 *bc_store_db(bc_store *s)
{
    return s->db;
}

long long bc_store_mmap_bytes = 0;

int bc_store_is_immutable(const bc_store *s)
{
    return s->immutable;
}

int bc_store_lock(const char *path, int timeout_ms, bc_err *err)
{
    char lock[1100];
    snprintf(lock, sizeof lock, "%s.lock", path);
    int fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0)
        return bc_err_set(err, BC_EIO, "cannot open %s: %s", lock, strerror(errno)), -1;
    /* the deadline on the monotonic clock: counting the sleeps alone let a loaded
     * machine's late wake-ups stretch a 10 s budget to 14 s */
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (long long waited = 0;;) {
        if (flock(fd, LOCK_EX | LOCK_NB) == 0)
            return fd;
        clock_gettime(CLOCK_MONOTONIC, &now);
        waited = (long long)(now.tv_sec - start.tv_sec) * 1000 +
                 (now.tv_nsec - start.tv_nsec) / 1000000L;
        if (errno != EWOULDBLOCK || waited >= timeout_ms ||
            (bc_store_lock_give_up != NULL && bc_store_lock_give_up()))
            break;
        struct timespec ts = {0, 20 * 1000000L};
        nanosleep(&ts, NULL);
    }
    int e = errno;
    close(fd);
    if (e == EWOULDBLOCK)
        bc_err_set(err, BC_EBUSY, "the store is locked by another writer (%s) after %d ms", lock,
                   timeout_ms);
    else
        bc_err_set(err, BC_EIO, "cannot lock %s: %s", lock, strerror(e));
    return -1;
}

int bc_store_lock_timeout_ms = 30000;
int (*bc_store_lock_give_up)(void);

int bc_store_file_id(const char *path, bc_file_id *out, bc_err *err)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return bc_err_set(err, errno == ENOENT ? BC_ENOTFOUND : BC_EIO, "%s: %s", path,
                          strerror(errno));
    out->dev = (unsigned long long)st.st_dev;
    out->ino = (unsigned long long)st.st_ino;
    return BC_OK;
}

int bc_store_lock_writer(bc_store *s, int timeout_ms, bc_err *err)
{
    const char *path = sqlite3_db_filename(s->db, "main");
    if (path == NULL || path[0] == '\0')
        return -2;
    return bc_store_lock(path, timeout_ms, err);
}

void bc_store_unlock(int fd)
{
    if (fd >= 0) {
        flock(fd, LOCK_UN);
        close(fd);
    }
}

int bc_store_migrate(bc_store *s, int *applied, bc_err *err)
{
    int version = 0, done = 0;
    int rc = bc_store_version(s, &version, err);
    if (rc == BC_OK && version > bc_store_latest_version())
        rc = bc_err_set(err, BC_EVERSION,
                        "store has schema version %d, newer than this binary's %d: refusing "
                        "to touch it",
                        version, bc_store_latest_version());
    for (size_t i = 0; rc == BC_OK && i < bc_migrations_count; i++) {
        const bc_embedded *m = &bc_migrations[i];
        int v = migration_version(m);
        if (v <= version)
            continue;
        rc = bc_store_begin(s, err);
        if (rc == BC_OK) {
            rc = bc_store_exec(s, m->data, err);
            if (rc != BC_OK) {
                bc_err msg = *err;
                bc_err_set(err, BC_ESTORE, "migration %s failed: %s", m->name, msg.msg);
            }
        }
        if (rc == BC_OK) {
            char sql[64];
            snprintf(sql, sizeof sql, "PRAGMA user_version = %d", v);
            rc = bc_store_exec(s, sql, err);
        }
        if (rc == BC_OK)
            rc = bc_store_commit(s, err);
        if (rc != BC_OK)
            bc_store_rollback(s);
        else
            done++;
    }
    if (applied != NULL)
        *applied = done;
    return rc;
}

static size_t hash_sql(const char *sql)
{
    uint64_t h = 1469598103934665603ull; /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)sql; *p; p++)
        h = (h ^ *p) * 1099511628211ull;
    return (size_t)(h ^ (h >> 29));
}

/* Doubles the statement table (or makes its first one). The statements move with their
 * keys; a caller's sqlite3_stmt pointer stays valid. */
static int grow_slots(bc_store *s, bc_err *err)
{
    size_t n = s->nslots ? s->nslots * 2 : STMT_SLOTS;
    stmt_slot *t = bc_calloc(n, sizeof *t);
    if (t == NULL)
        return bc_err_set(err, BC_ENOMEM, "out of memory growing the statement cache");
    for (size_t k = 0; k < s->nslots; k++) {
        if (s->slots[k].sql == NULL)
            continue;
        size_t i = hash_sql(s->slots[k].sql) & (n - 1);
        while (t[i].sql != NULL)
            i = (i + 1) & (n - 1);
        t[i] = s->slots[k];
    }
    bc_free(s->slots);
    s->slots = t;
    s->nslots = n;
    return BC_OK;
}

/* The statements are the program's own SQL, a set fixed by its source (about 300 across
 * ingest, review, checks and every endpoint): the table grows to hold them all rather than
 * refuse the next one, which once made every write of a long-running daemon fail with
 * "statement cache full" after enough different work. */
int bc_store_stmt(bc_store *s, const char *sql, sqlite3_stmt **out, bc_err *err)
{
    int rc;
    if ((s->nused + 1) * 4 > s->nslots * 3 && (rc = grow_slots(s, err)) != BC_OK)
        return rc;
    size_t i = hash_sql(sql) & (s->nslots - 1);
    for (;; i = (i + 1) & (s->nslots - 1)) {
        stmt_slot *slot = &s->slots[i];
        if (slot->sql != NULL && strcmp(slot->sql, sql) == 0) {
            sqlite3_reset(slot->stmt);
            sqlite3_clear_bindings(slot->stmt);
            *out = slot->stmt;
            return BC_OK;
        }
        if (slot->sql == NULL) {
            sqlite3_stmt *st = NULL;
            char *key = bc_strdup(sql);
            if (key == NULL)
                return bc_err_set(err, BC_ENOMEM, "out of memory preparing a statement");
            if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) !=
                SQLITE_OK) {
                bc_free(key);
                return bc_store_error(s, err, "preparing a statement");
            }
            slot->sql = key;
            slot->stmt = st;
            s->nused++;
            *out = st;
            return BC_OK;
        }
    }
}

int bc_store_bind(sqlite3_stmt *st, const bc_bind *vals, size_t n, bc_err *err)
{
    int want = sqlite3_bind_parameter_count(st);
    if ((size_t)want != n)
        return bc_err_set(err, BC_EINVAL, "%zu values for %d parameters in: %.200s", n, want,
                          sqlite3_sql(st));
    for (size_t i = 0; i < n; i++) {
        int col = (int)i + 1, rc = SQLITE_OK;
        switch (vals[i].type) {
        case BC_BIND_NULL:
            rc = sqlite3_bind_null(st, col);
            break;
        case BC_BIND_TEXT:
            rc = sqlite3_bind_text(st, col, vals[i].v.text, vals[i].len, SQLITE_STATIC);
            break;
        case BC_BIND_INT:
            rc = sqlite3_bind_int64(st, col, vals[i].v.i);
            break;
        case BC_BIND_REAL:
            rc = sqlite3_bind_double(st, col, vals[i].v.d);
            break;
        }
        if (rc != SQLITE_OK)
            return bc_err_set(err, rc == SQLITE_NOMEM ? BC_ENOMEM : BC_ESTORE,
                              "binding parameter %d: %s", col, sqlite3_errstr(rc));
    }
    return BC_OK;
}

int bc_store_lookup(bc_store *s, const char *sql, const bc_bind *vals, size_t n, char *out,
                    size_t out_n, int *found, bc_err *err)
{
    *found = 0;
    if (out != NULL && out_n > 0)
        out[0] = '\0';
    sqlite3_stmt *st = NULL;
    int rc = bc_store_stmt(s, sql, &st, err);
    if (rc == BC_OK)
        rc = bc_store_bind(st, vals, n, err);
    if (rc == BC_OK) {
        int step = sqlite3_step(st);
        if (step == SQLITE_ROW) {
            *found = 1;
            if (out != NULL && out_n > 0) {
                /* a failed conversion leaves the value NULL: only the connection's error
                 * code tells it from a NULL column */
                const char *v = (const char *)sqlite3_column_text(st, 0);
                if (v == NULL && sqlite3_errcode(s->db) == SQLITE_NOMEM)
                    rc = bc_err_set(err, BC_ENOMEM, "out of memory reading a row");
                else
                    snprintf(out, out_n, "%s", v != NULL ? v : "");
            }
        } else if (step != SQLITE_DONE) {
            rc = bc_store_error(s, err, "running a statement");
        }
    }
    sqlite3_reset(st); /* NULL-safe */
    return rc;
}

int bc_store_run(bc_store *s, const char *sql, const bc_bind *vals, size_t n, bc_err *err)
{
    int found;
    return bc_store_lookup(s, sql, vals, n, NULL, 0, &found, err);
}

int bc_store_prepare(bc_store *s, const char *sql, sqlite3_stmt **out, bc_err *err)
{
    *out = NULL;
    if (sqlite3_prepare_v2(s->db, sql, -1, out, NULL) != SQLITE_OK) {
        sqlite3_finalize(*out);
        *out = NULL;
        return bc_store_error(s, err, "preparing a statement");
    }
    return BC_OK;
}

int bc_store_meta_get(bc_store *s, const char *key, char **out, bc_err *err)
{
    sqlite3_stmt *st;
    *out = NULL;
    int rc = bc_store_stmt(s, "SELECT value FROM store_meta WHERE key = ?1", &st, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW) {
        *out = bc_strdup((const char *)sqlite3_column_text(st, 0));
        if (*out == NULL)
            rc = bc_err_set(err, BC_ENOMEM, "out of memory");
    } else if (step != SQLITE_DONE) {
        rc = bc_store_error(s, err, "reading store metadata");
    }
    sqlite3_reset(st);
    return rc;
}

int bc_store_meta_set(bc_store *s, const char *key, const char *value, bc_err *err)
{
    int rc = bc_store_run(s, "INSERT OR REPLACE INTO store_meta (key, value) VALUES (?1, ?2)",
                          BC_BINDS(bc_text(key), bc_text(value)), err);
    if (rc != BC_OK && err != NULL) {
        char why[BC_ERR_MSG_MAX];
        snprintf(why, sizeof why, "%s", err->msg);
        bc_err_set(err, rc, "setting store metadata '%s': %s", key, why);
    }
    return rc;
}

int bc_store_has_table(bc_store *s, const char *name, int *present, bc_err *err)
{
    sqlite3_stmt *st;
    *present = 0;
    int rc = bc_store_stmt(s, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1", &st,
                           err);
    if (rc != BC_OK)
        return rc;
    if (sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC) != SQLITE_OK) {
        rc = bc_store_error(s, err, "looking for a table");
    } else {
        int step = sqlite3_step(st);
        if (step == SQLITE_ROW)
            *present = 1;
        else if (step != SQLITE_DONE)
            rc = bc_store_error(s, err, "looking for a table");
    }
    sqlite3_reset(st);
    return rc;
}

int bc_store_has_column(bc_store *s, const char *table, const char *column, int *present,
                        bc_err *err)
{
    sqlite3_stmt *st;
    *present = 0;
    int rc = bc_store_stmt(s, "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2", &st, err);
    if (rc != BC_OK)
        return rc;
    if (sqlite3_bind_text(st, 1, table, -1, SQLITE_STATIC) != SQLITE_OK ||
        sqlite3_bind_text(st, 2, column, -1, SQLITE_STATIC) != SQLITE_OK) {
        rc = bc_store_error(s, err, "looking for a column");
    } else {
        int step = sqlite3_step(st);
        if (step == SQLITE_ROW)
            *present = 1;
        else if (step != SQLITE_DONE)
            rc = bc_store_error(s, err, "looking for a column");
    }
    sqlite3_reset(st);
    return rc;
}

int bc_store_copy_rows(bc_store *from, const char *select_sql, bc_store *to, const char *insert_sql,
                       int ncols, const char *reading, const char *writing,
                       void (*row_done)(sqlite3_stmt *row, void *ctx), void *ctx, bc_err *err)
{
    sqlite3_stmt *rd = NULL, *wr = NULL;
    int rc = bc_store_stmt(from, select_sql, &rd, err);
    if (rc == BC_OK)
        rc = bc_store_stmt(to, insert_sql, &wr, err);
    while (rc == BC_OK) {
        int step = sqlite3_step(rd);
        if (step == SQLITE_DONE)
            break;
        if (step != SQLITE_ROW) {
            rc = bc_store_error(from, err, reading);
            break;
        }
        for (int i = 0; i < ncols && rc == BC_OK; i++)
            if (sqlite3_bind_value(wr, i + 1, sqlite3_column_value(rd, i)) != SQLITE_OK)
                rc = bc_store_error(to, err, writing);
        if (rc == BC_OK && sqlite3_step(wr) != SQLITE_DONE)
            rc = bc_store_error(to, err, writing);
        sqlite3_reset(wr);
        if (rc == BC_OK && row_done != NULL)
            row_done(rd, ctx);
    }
    if (rd != NULL)
        sqlite3_reset(rd); /* also after an error: a cached statement holds no read open */
    return rc;
}

struct bc_store_pool {
    pthread_mutex_t lock;
    pthread_cond_t freed;
    size_t n, nfree;
    bc_store **all;
    bc_store **free_list;
};

int bc_store_pool_open(const char *path, size_t n, bc_store_pool **out, bc_err *err)
{
    *out = NULL;
    bc_store_pool *p = bc_calloc(1, sizeof *p);
    if (p == NULL)
        return bc_err_set(err, BC_ENOMEM, "out of memory");
    p->all = bc_calloc(n, sizeof *p->all);
    p->free_list = bc_calloc(n, sizeof *p->free_list);
    int rc = p->all && p->free_list ? BC_OK : bc_err_set(err, BC_ENOMEM, "out of memory");
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->freed, NULL);
    for (size_t i = 0; rc == BC_OK && i < n; i++) {
        rc = bc_store_open(path, BC_STORE_QUERY_ONLY, &p->all[i], err);
        if (rc == BC_OK) {
            p->free_list[p->nfree++] = p->all[i];
            p->n++;
        }
    }
    if (rc != BC_OK) {
        bc_store_pool_close(p);
        return rc;
    }
    *out = p;
    return BC_OK;
}

void bc_store_pool_close(bc_store_pool *p)
{
    if (p == NULL)
        return;
    for (size_t i = 0; i < p->n; i++)
        bc_store_close(p->all[i]);
    pthread_mutex_destroy(&p->lock);
    pthread_cond_destroy(&p->freed);
    bc_free(p->all);
    bc_free(p->free_list);
    bc_free(p);
}

bc_store *bc_store_pool_acquire(bc_store_pool *p)
{
    pthread_mutex_lock(&p->lock);
    while (p->nfree == 0)
        pthread_cond_wait(&p->freed, &p->lock);
    bc_store *s = p->free_list[--p->nfree];
    pthread_mutex_unlock(&p->lock);
    return s;
}

void bc_store_pool_release(bc_store_pool *p, bc_store *s)
{
    pthread_mutex_lock(&p->lock);
    p->free_list[p->nfree++] = s;
    pthread_cond_signal(&p->freed);
    pthread_mutex_unlock(&p->lock);
}
