/* store.h: the SQLite store: opening it with the right pragmas, applying the embedded
 * migrations (version in PRAGMA user_version), and a per-connection cache of prepared
 * statements so the read path never re-prepares. A bc_store is one connection and is
 * used by one thread at a time; bc_store_pool hands connections to worker threads. */
#ifndef BORDERCOOP_STORE_H
#define BORDERCOOP_STORE_H

#include "bordercoop/buf.h"
#include "bordercoop/err.h"

#include <sqlite3.h>
#include <stddef.h>

typedef struct bc_store bc_store;

enum {
    BC_STORE_READONLY = 1,   /* open read-only; the schema must be exactly current */
    BC_STORE_CREATE = 2,     /* create the file when missing (read-write) */
    BC_STORE_QUERY_ONLY = 4, /* open read-write (WAL readers need the -shm file) but refuse
                              * writes; the schema must be exactly current. Falls back to an
                              * immutable read-only open on a read-only file system. */
    BC_STORE_WRITER = 8,     /* read-write, schema exactly current, durable commits */
};

/* The error of a store that does not exist (two %s: the path twice): it says how to
 * build one. */
#define BC_STORE_MISSING_FMT                                                                       \
    "no store at %s: build it from data/ first with `bordercoop load --db %s`"

/* Opens the store at path. Read-only opens refuse a missing file, a store newer than
 * this binary (BC_EVERSION) or an unmigrated one. On success *out is new; free it with
 * bc_store_close. */
int bc_store_open(const char *path, int flags, bc_store **out, bc_err *err);

/* Finalizes every cached statement and closes the connection. NULL is a no-op. */
void bc_store_close(bc_store *s);

/* The connection, borrowed: valid until bc_store_close. */
sqlite3 *bc_store_db(bc_store *s);

/* The number of the newest migration compiled into this binary. */
int bc_store_latest_version(void);

/* Reads PRAGMA user_version into *version. */
int bc_store_version(bc_store *s, int *version, bc_err *err);

/* Applies every migration newer than the store's version, each in its own transaction.
 * Refuses (BC_EVERSION) a store newer than this binary. *applied (may be NULL) receives
 * how many were applied. */
int bc_store_migrate(bc_store *s, int *applied, bc_err *err);

/* Returns in *out a prepared statement for sql, from the cache when it was prepared
 * before with the same text (reset, bindings cleared). sql is borrowed; the cache keeps
 * its own copy. The statement stays owned by the store: never finalize it;
 * call sqlite3_reset when done so it releases its read snapshot. The cache never evicts
 * (a caller may hold a statement while it asks for another) and grows to hold every text
 * it is given: it is for the program's own constant SQL, a set bounded by the source.
 * SQL composed per request (a list's filters and sort) goes through bc_store_prepare. */
int bc_store_stmt(bc_store *s, const char *sql, sqlite3_stmt **out, bc_err *err);

/* Prepares sql without caching it: *out belongs to the caller, who finalizes it
 * (sqlite3_finalize) when done. For SQL whose text varies with the request, which would
 * otherwise fill the statement cache. */
int bc_store_prepare(bc_store *s, const char *sql, sqlite3_stmt **out, bc_err *err);

/* A value for one statement parameter, made by the constructors below so that the
 * compiler checks its type. Texts are borrowed: bound without a copy, they must stay
 * valid until the statement is reset (bc_store_run and bc_store_lookup reset it before
 * they return). */
typedef struct bc_bind {
    enum { BC_BIND_NULL, BC_BIND_TEXT, BC_BIND_INT, BC_BIND_REAL } type;
    union {
        const char *text;
        long long i;
        double d;
    } v;
    int len; /* BC_BIND_TEXT: bytes, or -1 up to the NUL */
} bc_bind;

/* A NUL-terminated text; NULL binds SQL NULL. */
static inline bc_bind bc_text(const char *s)
{
    bc_bind b = {s != NULL ? BC_BIND_TEXT : BC_BIND_NULL, {.text = s}, -1};
    return b;
}
/* The n bytes at s (at most INT_MAX) as a text. */
static inline bc_bind bc_text_n(const char *s, size_t n)
{
    bc_bind b = {BC_BIND_TEXT, {.text = s}, (int)n};
    return b;
}
static inline bc_bind bc_int(long long i)
{
    bc_bind b = {BC_BIND_INT, {.i = i}, 0};
    return b;
}
static inline bc_bind bc_real(double d)
{
    bc_bind b = {BC_BIND_REAL, {.d = d}, 0};
    return b;
}
/* An optional integer or real: NULL binds SQL NULL. */
static inline bc_bind bc_int_or_null(const int *i)
{
    return i != NULL ? bc_int(*i) : bc_text(NULL);
}
static inline bc_bind bc_real_or_null(const double *d)
{
    return d != NULL ? bc_real(*d) : bc_text(NULL);
}

/* The array of its arguments and its length, for the (vals, n) parameters below:
 * bc_store_run(s, sql, BC_BINDS(bc_text(id), bc_int(seq)), err). */
#define BC_BINDS(...)                                                                              \
    ((const bc_bind[]){__VA_ARGS__}), (sizeof((const bc_bind[]){__VA_ARGS__}) / sizeof(bc_bind))
/* No parameters. */
#define BC_NO_BINDS NULL, 0

/* Binds vals[0..n) to ?1..?n of st (texts borrowed, see bc_bind). n must be the statement's
 * parameter count (sqlite3_bind_parameter_count): a mismatch is BC_EINVAL, naming both
 * counts, and nothing is bound. Returns 0, BC_EINVAL or BC_ESTORE. */
int bc_store_bind(sqlite3_stmt *st, const bc_bind *vals, size_t n, bc_err *err);

/* Runs sql (from the statement cache) with vals bound, to completion or to its first
 * row, and resets it. Returns 0, or an error with err naming the SQLite message. */
int bc_store_run(bc_store *s, const char *sql, const bc_bind *vals, size_t n, bc_err *err);

/* Runs sql with vals bound; *found is 1 when a row came back, and then its first column
 * is copied as text into out (may be NULL; n bytes, truncated, NUL-terminated; NULL
 * reads as ""). Returns 0 or an error (err set; *found 0). */
int bc_store_lookup(bc_store *s, const char *sql, const bc_bind *vals, size_t n, char *out,
                    size_t out_n, int *found, bc_err *err);

/* Write transactions that an allocation failure cannot leave open: bc_store_begin runs
 * BEGIN IMMEDIATE with its COMMIT and ROLLBACK prepared beforehand (statement cache), so
 * that bc_store_rollback allocates nothing of its own; should SQLite itself still lack
 * memory to roll back, the next bc_store_begin on the connection finishes the rollback
 * first. */
int bc_store_begin(bc_store *s, bc_err *err);
/* The same for a read transaction (a deferred BEGIN): one consistent snapshot of the
 * store across several statements, on any connection (query-only ones included). */
int bc_store_begin_read(bc_store *s, bc_err *err);
int bc_store_commit(bc_store *s, bc_err *err);
/* Rolls back the open transaction, if any. */
void bc_store_rollback(bc_store *s);

/* Executes one or more statements without results (schema, pragmas). */
int bc_store_exec(bc_store *s, const char *sql, bc_err *err);

/* Reads store_meta[key] into a new string (*out, free with bc_free); *out is NULL when
 * the key is absent. */
int bc_store_meta_get(bc_store *s, const char *key, char **out, bc_err *err);
/* Sets store_meta[key] to value (both borrowed; value not NULL), replacing what was
 * there, in the caller's transaction. Returns 0, or BC_ENOMEM / BC_ESTORE with err
 * naming the key (a NULL value is BC_ESTORE). */
int bc_store_meta_set(bc_store *s, const char *key, const char *value, bc_err *err);

/* Sets *present to 1 when s has a table of that name, else 0. */
int bc_store_has_table(bc_store *s, const char *name, int *present, bc_err *err);
/* Sets *present to 1 when s's table has a column of that name, else 0 (also when there is
 * no such table). */
int bc_store_has_column(bc_store *s, const char *table, const char *column, int *present,
                        bc_err *err);

/* Copies every row select_sql reads from `from` into `to` with insert_sql, whose
 * parameters ?1..?ncols are the selected columns in order, each value as SQLite holds
 * it. After each row written, row_done (when not NULL) is given the row read and ctx.
 * Failures name `reading` or `writing` (what was being done). Runs in the caller's
 * transaction; both statements are left reset. */
int bc_store_copy_rows(bc_store *from, const char *select_sql, bc_store *to, const char *insert_sql,
                       int ncols, const char *reading, const char *writing,
                       void (*row_done)(sqlite3_stmt *row, void *ctx), void *ctx, bc_err *err);

/* Fills err from the connection's last SQLite error, prefixed with what was being done;
 * returns BC_ENOMEM when SQLite ran out of memory, else BC_ESTORE. */
int bc_store_error(bc_store *s, bc_err *err, const char *doing);

/* The next row of st, for `while (bc_store_row(s, st, &rc, err, "reading x")) {...}`:
 * 1 on a row; 0 when the rows are done, when *rc is already a failure (the loop's body
 * failed), or when stepping fails (then *rc = bc_store_error(s, err, doing)). */
int bc_store_row(bc_store *s, sqlite3_stmt *st, int *rc, bc_err *err, const char *doing);

/* Steps st (its parameters bound by the caller) to its end, appending each row's first
 * ncols columns to buf as texts, each followed by its NUL ("kind\0id\0" for two), a NULL
 * column as an empty text, and adds the rows read to *nrows. buf is the caller's (empty or
 * holding text to append to), who frees it, on failure too (it may then hold part of the
 * rows). st is reset before returning, either way. Returns 0; on a failed step
 * bc_store_error's code with err naming `what` ("finding what a step changed: ..."); when
 * buf or SQLite lacks memory for a row, BC_ENOMEM with err "out of memory <what>". */
int bc_store_collect_text(bc_store *s, sqlite3_stmt *st, int ncols, bc_buf *buf, size_t *nrows,
                          const char *what, bc_err *err);

/* How much of the file query-only connections memory-map (PRAGMA mmap_size); set
 * before opening. 0 turns mapping off. */
extern long long bc_store_mmap_bytes;

/* 1 when s was opened immutable (read-only media: no WAL, no writes, no changes). */
int bc_store_is_immutable(const bc_store *s);

/* Takes the store's advisory write lock (PATH.lock, flock) shared by every writer
 * process: ingest holds it for its transaction, load for reading the previous store's
 * ingested articles and swapping in the new build. Returns a descriptor for
 * bc_store_unlock, or -1 with err set: BC_EBUSY when another writer still held it after
 * timeout_ms, BC_EIO when the lock file cannot be opened. */
int bc_store_lock(const char *path, int timeout_ms, bc_err *err);
void bc_store_unlock(int fd);

/* bc_store_lock on the file of s's main database: a descriptor for bc_store_unlock, -2
 * when s has no file (an in-memory store: nothing to lock, and bc_store_unlock(-2) does
 * nothing), or -1 with err set as bc_store_lock says. */
int bc_store_lock_writer(bc_store *s, int timeout_ms, bc_err *err);

/* How long writers wait for the lock (milliseconds): the CLI's 30 s by default; the
 * daemon lowers it (--write-budget-ms) so that a write waits on its writer thread for a
 * bounded time and then answers 503. Set before the first write. */
extern int bc_store_lock_timeout_ms;

/* When not NULL, bc_store_lock gives up (BC_EBUSY) as soon as it returns non-zero,
 * whatever is left of timeout_ms: the daemon's way to end a lock wait at shutdown. */
extern int (*bc_store_lock_give_up)(void);

/* The identity of a store file: device and inode. A daemon compares it with the file at
 * its path to notice that the store was deleted or replaced under it. */
typedef struct bc_file_id {
    unsigned long long dev, ino;
} bc_file_id;

/* Reads the identity of the file at path: BC_OK, BC_ENOTFOUND when there is no file,
 * BC_EIO when it cannot be examined. */
int bc_store_file_id(const char *path, bc_file_id *out, bc_err *err);

/* A fixed set of query-only connections to one store file, for worker threads. */
typedef struct bc_store_pool bc_store_pool;

/* Opens n read-only connections. *out is new; free with bc_store_pool_close. */
int bc_store_pool_open(const char *path, size_t n, bc_store_pool **out, bc_err *err);
void bc_store_pool_close(bc_store_pool *p);
/* Borrows a connection, waiting when all are in use; give it back with release. The
 * connection released last is lent first (it has the schema read, statements prepared
 * and pages cached); a connection reads the schema only when first used. */
bc_store *bc_store_pool_acquire(bc_store_pool *p);
void bc_store_pool_release(bc_store_pool *p, bc_store *s);

#endif
