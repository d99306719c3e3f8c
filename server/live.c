/* live.c: generation tracking, the reader pool and the writer of a running store. */
#include "bordercoop/live.h"

#include "bordercoop/alloc.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct bc_live {
    char path[1024];
    bc_store_pool *pool;
    bc_store *watch; /* its own connection: data_version counts others' commits */
    long data_version;
    pthread_mutex_t lock; /* guards view and the watch connection */
    bc_live_view view;
    atomic_ulong version;   /* moves with every change of view (bc_live_view_get's cue) */
    unsigned long instance; /* unique in the process, never reused */
    pthread_mutex_t writer_lock;
    bc_store *writer;
    pthread_t thread;
    int watching;
    int stopping;
    pthread_mutex_t stop_lock;
    pthread_cond_t stop_cond;
    int interval_ms;
    void (*on_change)(void *);
    void *ctx;
    bc_file_id id;             /* the file opened at path */
    bc_file_id wal_id, shm_id; /* its -wal and -shm as opened (has_wal, has_shm) */
    int has_wal, has_shm;
    int names_released; /* release_names ran (under lock) */
    atomic_int lost;    /* the file at path is no longer it (sticky) */
    pthread_mutex_t lost_lock;
    char lost_why[1400];
    int lost_reported;
    void (*on_lost)(void *ctx, const char *why);
    void *lost_ctx;
    void (*writer_hook)(sqlite3 *db);
};

/* Reads content version and modification time through the watch connection into v. */
static int read_generation(bc_live *l, bc_live_view *v, bc_err *err)
{
    char *version = NULL, *built = NULL, *modified = NULL;
    int rc = bc_store_meta_get(l->watch, "content_version", &version, err);
    if (rc == BC_OK)
        rc = bc_store_meta_get(l->watch, "built_at", &built, err);
    if (rc == BC_OK)
        rc = bc_store_meta_get(l->watch, "modified_at", &modified, err);
    if (rc == BC_OK && (version == NULL || built == NULL))
        rc = bc_err_set(err, BC_EINVAL,
                        "the store has no content version: rebuild it with `bordercoop load`");
    if (rc == BC_OK) {
        const char *when = modified != NULL && strcmp(modified, built) > 0 ? modified : built;
        struct tm tm;
        memset(&tm, 0, sizeof tm);
        if (strptime(when, "%Y-%m-%dT%H:%M:%SZ", &tm) == NULL)
            rc = bc_err_set(err, BC_EINVAL, "the store's time '%s' is not ISO 8601", when);
        snprintf(v->generation, sizeof v->generation, "%s", version);
        v->modified_at = timegm(&tm);
        strftime(v->last_modified, sizeof v->last_modified, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    }
    bc_free(version);
    bc_free(built);
    bc_free(modified);
    return rc;
}

static int data_version(bc_live *l, long *out, bc_err *err)
{
    sqlite3_stmt *st;
    int rc = bc_store_stmt(l->watch, "PRAGMA data_version", &st, err);
    if (rc != BC_OK)
        return rc;
    if (sqlite3_step(st) == SQLITE_ROW)
        *out = (long)sqlite3_column_int64(st, 0);
    else
        rc = bc_store_error(l->watch, err, "reading data_version");
    sqlite3_reset(st);
    return rc;
}

/* path with suffix appended into buf (size 1100). */
static const char *sidecar(const bc_live *l, const char *suffix, char *buf)
{
    snprintf(buf, 1100, "%s%s", l->path, suffix);
    return buf;
}

/* Records the identity of the -wal and -shm files the connections opened, so that a
 * deleted write-ahead log is noticed and only our own files are ever removed. */
static void record_sidecars(bc_live *l)
{
    char name[1100];
    bc_err ignored;
    l->has_wal = bc_store_file_id(sidecar(l, "-wal", name), &l->wal_id, &ignored) == BC_OK;
    l->has_shm = bc_store_file_id(sidecar(l, "-shm", name), &l->shm_id, &ignored) == BC_OK;
}

/* 1 when the file at name is the one recorded in id. */
static int same_file(const char *name, const bc_file_id *id)
{
    bc_file_id now;
    bc_err ignored;
    return bc_store_file_id(name, &now, &ignored) == BC_OK && now.dev == id->dev &&
           now.ino == id->ino;
}

/* Once the store is lost: copies what the write-ahead log holds into the file the
 * connections have open (its own inode, never the file now at the path), and when the
 * main file was deleted or replaced removes the -wal and -shm names that are still
 * ours, so that whatever is opened at the path next (a restarted daemon, `bordercoop
 * load`, sqlite3) is never paired with this store's log. Caller holds l->lock. */
static void release_names(bc_live *l)
{
    if (l->names_released || bc_store_is_immutable(l->watch))
        return;
    l->names_released = 1;
    sqlite3_wal_checkpoint_v2(bc_store_db(l->watch), NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    if (same_file(l->path, &l->id))
        return; /* only the log went: the main file is still ours and keeps its names */
    char name[1100];
    if (l->has_wal && same_file(sidecar(l, "-wal", name), &l->wal_id))
        unlink(name);
    if (l->has_shm && same_file(sidecar(l, "-shm", name), &l->shm_id))
        unlink(name);
}

int bc_live_open(const char *path, size_t readers, bc_live **out, bc_err *err)
{
    *out = NULL;
    bc_live *l = bc_calloc(1, sizeof *l);
    if (l == NULL)
        return bc_err_set(err, BC_ENOMEM, "out of memory");
    static atomic_ulong next_id;
    l->instance = atomic_fetch_add(&next_id, 1) + 1; /* 0 is "none" in bc_live_view_get */
    snprintf(l->path, sizeof l->path, "%s", path);
    pthread_mutex_init(&l->lock, NULL);
    pthread_mutex_init(&l->writer_lock, NULL);
    pthread_mutex_init(&l->stop_lock, NULL);
    pthread_cond_init(&l->stop_cond, NULL);
    pthread_mutex_init(&l->lost_lock, NULL);
    int rc = bc_store_file_id(path, &l->id, err);
    if (rc == BC_ENOTFOUND)
        bc_err_set(err, BC_ENOTFOUND, BC_STORE_MISSING_FMT, path, path);
    if (rc == BC_OK)
        rc = bc_store_pool_open(path, readers, &l->pool, err);
    if (rc == BC_OK)
        rc = bc_store_open(path, BC_STORE_QUERY_ONLY, &l->watch, err);
    time_t checked = time(NULL);
    if (rc == BC_OK)
        rc = data_version(l, &l->data_version, err);
    if (rc == BC_OK)
        rc = read_generation(l, &l->view, err);
    if (rc == BC_OK && !bc_store_is_immutable(l->watch))
        record_sidecars(l);
    l->view.confirmed_at = checked;
    if (rc != BC_OK) {
        bc_live_close(l);
        return rc;
    }
    *out = l;
    return BC_OK;
}

int bc_live_refresh(bc_live *l, int *changed, bc_err *err)
{
    if (changed != NULL)
        *changed = 0;
    pthread_mutex_lock(&l->lock);
    long dv = 0;
    time_t checked = time(NULL); /* before looking: every commit before it is seen */
    int rc = bc_store_is_immutable(l->watch) ? BC_OK : data_version(l, &dv, err);
    if (rc == BC_OK && dv != l->data_version && !bc_store_is_immutable(l->watch)) {
        bc_live_view v = l->view;
        rc = read_generation(l, &v, err);
        if (rc == BC_OK) {
            l->data_version = dv;
            if (strcmp(v.generation, l->view.generation) != 0 ||
                v.modified_at != l->view.modified_at) {
                v.serial = l->view.serial + 1;
                l->view = v;
                atomic_fetch_add_explicit(&l->version, 1, memory_order_release);
                if (changed != NULL)
                    *changed = 1;
            }
        }
    }
    if (rc == BC_OK && checked > l->view.confirmed_at) {
        l->view.confirmed_at = checked;
        atomic_fetch_add_explicit(&l->version, 1, memory_order_release);
    }
    pthread_mutex_unlock(&l->lock);
    return rc;
}

void bc_live_view_get(bc_live *l, bc_live_view *v)
{
    /* every request asks: a thread keeps its last copy and takes the lock only when the
     * view changed (at most every 250 ms, when the watcher confirms it) */
    static _Thread_local unsigned long mine, mine_version;
    static _Thread_local bc_live_view copy;
    unsigned long version = atomic_load_explicit(&l->version, memory_order_acquire);
    if (mine != l->instance || mine_version != version) {
        pthread_mutex_lock(&l->lock);
        copy = l->view;
        mine_version = atomic_load_explicit(&l->version, memory_order_relaxed);
        pthread_mutex_unlock(&l->lock);
        mine = l->instance;
    }
    *v = copy;
    if (bc_store_is_immutable(l->watch))
        v->confirmed_at = time(NULL); /* nothing can change it */
}

int bc_live_store_ok(bc_live *l, char *why, size_t n)
{
    if (!atomic_load(&l->lost)) {
        bc_file_id now;
        bc_err err;
        int rc = bc_store_file_id(l->path, &now, &err);
        const char *what = NULL;
        if (rc == BC_ENOTFOUND)
            what = "was deleted";
        else if (rc == BC_OK && (now.dev != l->id.dev || now.ino != l->id.ino))
            what = "was replaced by another file";
        char wal[1100];
        if (what == NULL && l->has_wal) {
            /* acknowledged writes live in the log until a checkpoint: without it at its
             * name, a crash would lose them */
            rc = bc_store_file_id(sidecar(l, "-wal", wal), &now, &err);
            if (rc == BC_ENOTFOUND)
                what = "lost its write-ahead log (the -wal file was deleted)";
            else if (rc == BC_OK && (now.dev != l->wal_id.dev || now.ino != l->wal_id.ino))
                what = "lost its write-ahead log (the -wal file was replaced)";
        }
        /* BC_EIO (e.g. a permission change) says nothing about the file: keep going */
        if (what != NULL) {
            pthread_mutex_lock(&l->lost_lock);
            if (!atomic_load(&l->lost))
                snprintf(l->lost_why, sizeof l->lost_why,
                         "the store %s %s while being served; no more writes, not ready "
                         "(restart the daemon on the store that is there now)",
                         l->path, what);
            atomic_store(&l->lost, 1);
            pthread_mutex_unlock(&l->lost_lock);
        }
    }
    if (!atomic_load(&l->lost))
        return 1;
    if (why != NULL && n > 0) {
        pthread_mutex_lock(&l->lost_lock);
        snprintf(why, n, "%s", l->lost_why);
        pthread_mutex_unlock(&l->lost_lock);
    }
    return 0;
}

void bc_live_writer_hook(bc_live *l, void (*hook)(sqlite3 *db))
{
    l->writer_hook = hook;
}

void bc_live_on_lost(bc_live *l, void (*on_lost)(void *ctx, const char *why), void *ctx)
{
    l->on_lost = on_lost;
    l->lost_ctx = ctx;
}

static void *watch_loop(void *arg)
{
    bc_live *l = arg;
    pthread_mutex_lock(&l->stop_lock);
    while (!l->stopping) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += (long)(l->interval_ms % 1000) * 1000000L;
        until.tv_sec += l->interval_ms / 1000 + until.tv_nsec / 1000000000L;
        until.tv_nsec %= 1000000000L;
        pthread_cond_timedwait(&l->stop_cond, &l->stop_lock, &until);
        if (l->stopping)
            break;
        pthread_mutex_unlock(&l->stop_lock);
        int changed = 0;
        bc_err err;
        if (bc_live_refresh(l, &changed, &err) == BC_OK && changed && l->on_change)
            l->on_change(l->ctx);
        char why[1400];
        if (!bc_live_store_ok(l, why, sizeof why) && !l->lost_reported) {
            l->lost_reported = 1;
            pthread_mutex_lock(&l->lock);
            release_names(l);
            pthread_mutex_unlock(&l->lock);
            if (l->on_lost != NULL)
                l->on_lost(l->lost_ctx, why);
        }
        pthread_mutex_lock(&l->stop_lock);
    }
    pthread_mutex_unlock(&l->stop_lock);
    return NULL;
}

int bc_live_watch(bc_live *l, int interval_ms, void (*on_change)(void *ctx), void *ctx, bc_err *err)
{
    if (bc_store_is_immutable(l->watch))
        return BC_OK; /* nothing can change */
    l->interval_ms = interval_ms > 0 ? interval_ms : 250;
    l->on_change = on_change;
    l->ctx = ctx;
    if (pthread_create(&l->thread, NULL, watch_loop, l) != 0)
        return bc_err_set(err, BC_EIO, "cannot start the store watcher");
    l->watching = 1;
    return BC_OK;
}

void bc_live_unwatch(bc_live *l)
{
    if (l == NULL || !l->watching)
        return;
    pthread_mutex_lock(&l->stop_lock);
    l->stopping = 1;
    pthread_cond_broadcast(&l->stop_cond);
    pthread_mutex_unlock(&l->stop_lock);
    pthread_join(l->thread, NULL);
    l->watching = 0;
}

void bc_live_close(bc_live *l)
{
    if (l == NULL)
        return;
    bc_live_unwatch(l);
    /* a store lost since the watcher last looked (or without a watcher) */
    if (l->watch != NULL && !bc_live_store_ok(l, NULL, 0))
        release_names(l);
    bc_store_close(l->writer);
    bc_store_close(l->watch);
    bc_store_pool_close(l->pool);
    pthread_mutex_destroy(&l->lock);
    pthread_mutex_destroy(&l->writer_lock);
    pthread_mutex_destroy(&l->stop_lock);
    pthread_mutex_destroy(&l->lost_lock);
    pthread_cond_destroy(&l->stop_cond);
    bc_free(l);
}

bc_store_pool *bc_live_pool(bc_live *l)
{
    return l->pool;
}

int bc_live_immutable(const bc_live *l)
{
    return bc_store_is_immutable(l->watch);
}

const char *bc_live_path(const bc_live *l)
{
    return l->path;
}

static bc_store *writer_acquire(bc_live *l, int wait, bc_err *err)
{
    if (bc_live_immutable(l)) {
        bc_err_set(err, BC_EIO, "the store is on read-only media");
        return NULL;
    }
    char why[1400];
    if (!bc_live_store_ok(l, why, sizeof why)) {
        bc_err_set(err, BC_ENOTFOUND, "%s", why);
        return NULL;
    }
    if (!wait && pthread_mutex_trylock(&l->writer_lock) != 0) {
        bc_err_set(err, BC_EBUSY, "a write holds the writer");
        return NULL;
    }
    if (wait)
        pthread_mutex_lock(&l->writer_lock);
    if (l->writer == NULL) {
        if (bc_store_open(l->path, BC_STORE_WRITER, &l->writer, err) != BC_OK) {
            pthread_mutex_unlock(&l->writer_lock);
            return NULL;
        }
        if (l->writer_hook != NULL)
            l->writer_hook(bc_store_db(l->writer));
    }
    return l->writer;
}

bc_store *bc_live_writer_acquire(bc_live *l, bc_err *err)
{
    return writer_acquire(l, 1, err);
}

bc_store *bc_live_writer_try_acquire(bc_live *l, bc_err *err)
{
    return writer_acquire(l, 0, err);
}

void bc_live_writer_release(bc_live *l)
{
    pthread_mutex_unlock(&l->writer_lock);
}
