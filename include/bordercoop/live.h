/* live.h: the daemon's view of a store that changes while it serves: query-only reader
 * connections, one writer for ingest, and the store's current generation (content
 * version and modification time) that keys caches and validators. A watcher thread
 * notices commits by other connections or processes (PRAGMA data_version) and moves
 * the generation forward, so new data and new ETags appear without a restart. */
#ifndef BORDERCOOP_LIVE_H
#define BORDERCOOP_LIVE_H

#include "bordercoop/err.h"
#include "bordercoop/store.h"

#include <time.h>

typedef struct bc_live bc_live;

/* A consistent copy of the current generation. */
typedef struct bc_live_view {
    char generation[65];    /* the store's content version */
    char last_modified[40]; /* its modification time as an HTTP-date */
    time_t modified_at;     /* the second of the last change (build or ingest) */
    time_t confirmed_at;    /* when this generation was last confirmed current (the
                             * wall-clock second a check for commits started); see
                             * conditional.h for why validators need it */
    unsigned long serial;   /* increases with every change seen */
} bc_live_view;

/* Opens readers query-only connections to path and reads the generation. *out is new;
 * free with bc_live_close (which stops the watcher). */
int bc_live_open(const char *path, size_t readers, bc_live **out, bc_err *err);
void bc_live_close(bc_live *l);

/* The reader pool, borrowed for the life of l. */
bc_store_pool *bc_live_pool(bc_live *l);

/* Copies the current generation into v (thread-safe, no store access). */
void bc_live_view_get(bc_live *l, bc_live_view *v);

/* Looks for commits since the last look and re-reads the generation when there were
 * some; *changed (may be NULL) is 1 when the generation moved. Thread-safe. */
int bc_live_refresh(bc_live *l, int *changed, bc_err *err);

/* Starts the watcher thread: refresh every interval_ms, then on_change(ctx) after each
 * change. */
int bc_live_watch(bc_live *l, int interval_ms, void (*on_change)(void *ctx), void *ctx,
                  bc_err *err);

/* Stops the watcher thread and waits for it: on_change (and on_lost) are never called
 * after it returns, so their ctx may be freed then. A no-op without a watcher; the store
 * stays served (bc_live_refresh still works). bc_live_close calls it. */
void bc_live_unwatch(bc_live *l);

/* 1 when the store is on read-only media (opened immutable): no writes, no changes. */
int bc_live_immutable(const bc_live *l);

/* The store's path (borrowed). For tests. */
const char *bc_live_path(const bc_live *l);

/* Whether the file at the store's path, and its write-ahead log (-wal), are still the
 * ones opened: 1, or 0 (and a reason in why, size n, may be NULL) once either was
 * deleted or replaced. Once the watcher (or bc_live_close) sees the store lost it
 * checkpoints the log into the file the connections have open and, when the main file
 * went, removes the -wal and -shm names that are still this store's, so nothing opened
 * at the path later replays them. A lost store stays lost:
 * readers keep serving the file they have open, but it can no longer be made durable
 * at its path, so nothing may be written and the daemon is not ready. Checks now (one
 * stat); thread-safe. */
int bc_live_store_ok(bc_live *l, char *why, size_t n);

/* Called once, from the watcher thread, when the watcher finds the store lost; why
 * says how. Set before bc_live_watch. */
void bc_live_on_lost(bc_live *l, void (*on_lost)(void *ctx, const char *why), void *ctx);

/* Called with the writer connection's handle when it is opened (e.g. to install a
 * deadline on its SQLite work). Set before the first write. */
void bc_live_writer_hook(bc_live *l, void (*hook)(sqlite3 *db));

/* Exclusive use of the writer connection (opened on first use); release it with
 * bc_live_writer_release. NULL with err set when the store cannot be written:
 * BC_EIO on read-only media, BC_ENOTFOUND when the store was deleted or replaced. */
bc_store *bc_live_writer_acquire(bc_live *l, bc_err *err);
void bc_live_writer_release(bc_live *l);

/* bc_live_writer_acquire when the writer is free at once, else NULL with BC_EBUSY:
 * for the small writes a read makes on the side (a key's last use), which must never
 * wait behind an ingest. */
bc_store *bc_live_writer_try_acquire(bc_live *l, bc_err *err);

#endif
