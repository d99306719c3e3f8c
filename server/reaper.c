/* reaper.c: connection tracking and slow-client shedding (see reaper.h).
 *
 * The I/O thread writes a connection's phase and clocks with release stores (no lock and
 * no locked instruction on the request path: plain moves on x86; a reader that sees a
 * phase sees the clock stored before it); only opening and closing a connection take the list lock.
 * The reaper thread reads them under that lock, so a descriptor it shuts down is always one
 * libmicrohttpd has not closed yet: NOTIFY_CLOSED (bc_reaper_closed) comes before
 * close(2) and needs the same lock. */
#include "bordercoop/reaper.h"

#include "bordercoop/alloc.h"

#include <linux/tcp.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

enum phase {
    T_IDLE,   /* waiting for (or receiving the first bytes of) a request */
    T_HEAD,   /* the request line arrived, the headers are arriving */
    T_BODY,   /* the head is complete, the body is arriving */
    T_ANSWER, /* being answered: not ours to judge */
};

struct bc_conn_track {
    int fd;
    uint64_t opened; /* ms */
    atomic_int phase;
    atomic_uint_fast64_t since; /* ms: when the phase began */
    atomic_uint_fast64_t body_bytes;
    atomic_uint served; /* requests completed on this connection */
    _Atomic(const char *) why;
    /* the reaper thread's own notes */
    unsigned seen_served;
    uint64_t seen_rx;   /* bytes received when it last looked (keep-alive idle) */
    uint64_t head_from; /* when the head clock started, 0 = not yet */
    bc_conn_track *prev, *next;
};

struct bc_reaper {
    bc_reaper_config cfg;
    pthread_mutex_t lock; /* the list, and every shutdown(2) */
    pthread_cond_t wake;  /* room is short, or stopping */
    bc_conn_track *head;
    size_t count;
    int stopping;
    int pressed; /* bc_reaper_opened saw the high-water mark */
    size_t high, low;
    pthread_t thread;
    int started;
    atomic_ullong shed_head, shed_body, shed_room, shed_drain;
};

static const char WHY_HEAD[] = "shed: the request head took longer than --header-timeout";
static const char WHY_BODY[] = "shed: the request body came slower than --min-body-rate";
static const char WHY_ROOM[] = "shed: connections ran short and this one had no request";
static const char WHY_DRAIN[] = "shed: shutting down";

uint64_t bc_reaper_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

/* Bytes the kernel has received on fd so far (0 when it cannot say). */
static uint64_t received(int fd)
{
    struct tcp_info ti;
    socklen_t n = sizeof ti;
    memset(&ti, 0, sizeof ti);
    if (getsockopt(fd, IPPROTO_TCP, TCP_INFO, &ti, &n) != 0 ||
        n < offsetof(struct tcp_info, tcpi_bytes_received) + sizeof ti.tcpi_bytes_received)
        return 0;
    return ti.tcpi_bytes_received;
}

/* Closes t's connection for why (caller holds the lock). */
static void shed(bc_reaper *r, bc_conn_track *t, const char *why, atomic_ullong *counter)
{
    (void)r;
    const char *expected = NULL;
    if (!atomic_compare_exchange_strong(&t->why, &expected, why))
        return; /* already shed */
    atomic_fetch_add(counter, 1);
    shutdown(t->fd, SHUT_RDWR);
}

/* When t's current request head began, or 0 when none has (caller holds the lock). */
static uint64_t head_start(bc_conn_track *t, int phase)
{
    unsigned served = atomic_load(&t->served);
    if (served == 0)
        return t->opened; /* a new connection owes its first head from the start */
    if (served != t->seen_served) {
        /* another request completed since the last look: start over */
        t->seen_served = served;
        t->seen_rx = received(t->fd);
        t->head_from = 0;
    }
    if (phase == T_HEAD && t->head_from == 0)
        t->head_from = atomic_load(&t->since);
    if (t->head_from == 0 && received(t->fd) > t->seen_rx)
        t->head_from = bc_reaper_now_ms(); /* bytes of a new request since the last look */
    return t->head_from;
}

/* One look at every connection (caller holds the lock). */
static void tick(bc_reaper *r, uint64_t now)
{
    const bc_reaper_config *c = &r->cfg;
    for (bc_conn_track *t = r->head; t != NULL; t = t->next) {
        if (atomic_load(&t->why) != NULL)
            continue;
        int phase = atomic_load(&t->phase);
        if (phase == T_IDLE || phase == T_HEAD) {
            uint64_t from = head_start(t, phase);
            if (from != 0 && now > from && now - from > (uint64_t)c->header_timeout_ms)
                shed(r, t, WHY_HEAD, &r->shed_head);
        } else if (phase == T_BODY) {
            uint64_t since = atomic_load(&t->since), got = atomic_load(&t->body_bytes);
            uint64_t allowed =
                (uint64_t)c->body_timeout_ms + got * 1000 / (uint64_t)c->min_body_rate;
            if (now > since && now - since > allowed)
                shed(r, t, WHY_BODY, &r->shed_body);
        }
    }
}

typedef struct candidate {
    bc_conn_track *t;
    int rank;       /* 0 incomplete head, 1 idle keep-alive, 2 body */
    uint64_t since; /* older first within a rank */
} candidate;

static int by_rank_then_age(const void *a, const void *b)
{
    const candidate *x = a, *y = b;
    if (x->rank != y->rank)
        return x->rank - y->rank;
    return x->since < y->since ? -1 : x->since > y->since;
}

/* Connections are short: shed the oldest without a request being answered until the
 * count is down to the low-water mark (caller holds the lock). */
static void make_room(bc_reaper *r)
{
    size_t live = 0;
    for (bc_conn_track *t = r->head; t != NULL; t = t->next)
        live += atomic_load(&t->why) == NULL;
    if (live < r->high)
        return;
    candidate *cs = malloc(live * sizeof *cs);
    if (cs == NULL)
        return;
    size_t n = 0;
    for (bc_conn_track *t = r->head; t != NULL && n < live; t = t->next) {
        if (atomic_load(&t->why) != NULL)
            continue;
        int phase = atomic_load(&t->phase);
        if (phase == T_ANSWER)
            continue;
        /* unfinished heads first (a slow client, or one with nothing to ask), then idle
         * keep-alive connections (their clients open a new one when they need it), last
         * bodies being uploaded (a write under way) */
        int served = atomic_load(&t->served) > 0;
        int rank = phase == T_BODY ? 2 : phase == T_IDLE && served && t->head_from == 0 ? 1 : 0;
        uint64_t since = served ? atomic_load(&t->since) : t->opened;
        cs[n++] = (candidate){t, rank, since};
    }
    qsort(cs, n, sizeof *cs, by_rank_then_age);
    for (size_t i = 0; i < n && live > r->low; i++, live--)
        shed(r, cs[i].t, WHY_ROOM, &r->shed_room);
    free(cs);
}

static void *reaper_main(void *arg)
{
    bc_reaper *r = arg;
    pthread_mutex_lock(&r->lock);
    while (!r->stopping) {
        struct timespec until;
        clock_gettime(CLOCK_MONOTONIC, &until);
        until.tv_nsec += (long)(r->cfg.tick_ms % 1000) * 1000000L;
        until.tv_sec += r->cfg.tick_ms / 1000 + until.tv_nsec / 1000000000L;
        until.tv_nsec %= 1000000000L;
        if (!r->pressed)
            pthread_cond_timedwait(&r->wake, &r->lock, &until);
        if (r->stopping)
            break;
        r->pressed = 0;
        tick(r, bc_reaper_now_ms());
        make_room(r);
    }
    pthread_mutex_unlock(&r->lock);
    return NULL;
}

int bc_reaper_start(const bc_reaper_config *cfg, bc_reaper **out, bc_err *err)
{
    *out = NULL;
    bc_reaper *r = bc_calloc(1, sizeof *r);
    if (r == NULL)
        return bc_err_set(err, BC_ENOMEM, "out of memory");
    r->cfg = *cfg;
    if (r->cfg.tick_ms <= 0)
        r->cfg.tick_ms = 200;
    if (r->cfg.min_body_rate <= 0)
        r->cfg.min_body_rate = 1;
    /* a margin of 1/16 of the limit (at least 2) is kept free for new clients */
    size_t max = cfg->max_connections > 0 ? (size_t)cfg->max_connections : 1;
    size_t margin = max / 16 > 2 ? max / 16 : 2;
    r->high = max > margin ? max - margin : 1;
    r->low = r->high > margin ? r->high - margin : 0;
    pthread_mutex_init(&r->lock, NULL);
    pthread_condattr_t monotonic;
    pthread_condattr_init(&monotonic);
    pthread_condattr_setclock(&monotonic, CLOCK_MONOTONIC);
    pthread_cond_init(&r->wake, &monotonic);
    pthread_condattr_destroy(&monotonic);
    if (pthread_create(&r->thread, NULL, reaper_main, r) != 0) {
        pthread_mutex_destroy(&r->lock);
        pthread_cond_destroy(&r->wake);
        bc_free(r);
        return bc_err_set(err, BC_EIO, "cannot start the connection reaper");
    }
    r->started = 1;
    *out = r;
    return BC_OK;
}

void bc_reaper_stop(bc_reaper *r)
{
    if (r == NULL)
        return;
    pthread_mutex_lock(&r->lock);
    r->stopping = 1;
    pthread_cond_broadcast(&r->wake);
    pthread_mutex_unlock(&r->lock);
    if (r->started)
        pthread_join(r->thread, NULL);
    while (r->head != NULL) { /* none left once libmicrohttpd has stopped */
        bc_conn_track *next = r->head->next;
        bc_free(r->head);
        r->head = next;
    }
    pthread_mutex_destroy(&r->lock);
    pthread_cond_destroy(&r->wake);
    bc_free(r);
}

bc_conn_track *bc_reaper_opened(bc_reaper *r, int fd)
{
    bc_conn_track *t = bc_calloc(1, sizeof *t);
    if (t == NULL)
        return NULL;
    t->fd = fd;
    t->opened = bc_reaper_now_ms();
    atomic_store(&t->since, t->opened);
    pthread_mutex_lock(&r->lock);
    t->next = r->head;
    if (r->head != NULL)
        r->head->prev = t;
    r->head = t;
    r->count++;
    if (r->count >= r->high && !r->pressed) {
        r->pressed = 1; /* make room now, not at the next tick */
        pthread_cond_signal(&r->wake);
    }
    pthread_mutex_unlock(&r->lock);
    return t;
}

void bc_reaper_closed(bc_reaper *r, bc_conn_track *t)
{
    if (t == NULL)
        return;
    pthread_mutex_lock(&r->lock);
    if (t->prev != NULL)
        t->prev->next = t->next;
    else
        r->head = t->next;
    if (t->next != NULL)
        t->next->prev = t->prev;
    r->count--;
    pthread_mutex_unlock(&r->lock);
    bc_free(t);
}

void bc_reaper_head_begun(bc_conn_track *t, uint64_t now)
{
    if (t == NULL)
        return;
    atomic_store_explicit(&t->since, now, memory_order_release);
    atomic_store_explicit(&t->phase, T_HEAD, memory_order_release);
}

void bc_reaper_head_done(bc_conn_track *t, uint64_t body, uint64_t now)
{
    if (t == NULL)
        return;
    atomic_store_explicit(&t->body_bytes, 0, memory_order_release);
    atomic_store_explicit(&t->since, now, memory_order_release);
    atomic_store_explicit(&t->phase, body > 0 ? T_BODY : T_ANSWER, memory_order_release);
}

void bc_reaper_body(bc_conn_track *t, size_t n)
{
    if (t != NULL)
        atomic_fetch_add_explicit(&t->body_bytes, n, memory_order_relaxed);
}

void bc_reaper_answering(bc_conn_track *t)
{
    if (t != NULL)
        atomic_store_explicit(&t->phase, T_ANSWER, memory_order_release);
}

void bc_reaper_request_done(bc_conn_track *t, uint64_t now)
{
    if (t == NULL)
        return;
    atomic_store_explicit(&t->since, now, memory_order_release);
    /* one writer (the connection's I/O thread): no read-modify-write needed */
    atomic_store_explicit(&t->served, atomic_load_explicit(&t->served, memory_order_relaxed) + 1,
                          memory_order_release);
    atomic_store_explicit(&t->phase, T_IDLE, memory_order_release);
}

const char *bc_reaper_why(const bc_conn_track *t)
{
    return t == NULL ? NULL : atomic_load(&t->why);
}

void bc_reaper_drain(bc_reaper *r)
{
    pthread_mutex_lock(&r->lock);
    for (bc_conn_track *t = r->head; t != NULL; t = t->next) {
        int phase = atomic_load(&t->phase);
        if (phase == T_IDLE || phase == T_HEAD)
            shed(r, t, WHY_DRAIN, &r->shed_drain);
    }
    pthread_mutex_unlock(&r->lock);
}

void bc_reaper_get_stats(bc_reaper *r, bc_reaper_stats *out)
{
    pthread_mutex_lock(&r->lock);
    out->open = r->count;
    pthread_mutex_unlock(&r->lock);
    out->shed_head = atomic_load(&r->shed_head);
    out->shed_body = atomic_load(&r->shed_body);
    out->shed_room = atomic_load(&r->shed_room);
    out->shed_drain = atomic_load(&r->shed_drain);
}
