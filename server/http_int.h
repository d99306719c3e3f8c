/* http_int.h: what the files of the HTTP glue share, SQLite-style (not a public
 * contract: only server/http*.c include it).
 *
 *   http.c        the daemon, the life of a request, and where it runs: on the I/O
 *                 thread (cached answers, 304s, store-free routes) or on the workers
 *   http_admit.c  the first call: the checks on a request head before any body
 *   http_send.c   bc_response and cache entries to libmicrohttpd responses, validators
 *   http_lanes.c  the lanes a request can run on: their pools, budgets and fair queues
 */
#ifndef BORDERCOOP_HTTP_INT_H
#define BORDERCOOP_HTTP_INT_H

#include "bordercoop/arena.h"
#include "bordercoop/buf.h"
#include "bordercoop/cache.h"
#include "bordercoop/config.h"
#include "bordercoop/http.h"
#include "bordercoop/live.h"
#include "bordercoop/log.h"
#include "bordercoop/reaper.h"
#include "bordercoop/request.h"
#include "bordercoop/response.h"
#include "bordercoop/router.h"
#include "bordercoop/workers.h"

#include <microhttpd.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <time.h>

/* libmicrohttpd's connection memory is --max-header-bytes plus this: a head within the
 * limit always leaves room for its answer's headers (a paged list's Link header, a
 * 431 or 414 problem), and a head over the limit is answered 431 by bc_http_admit. */
#define BC_HEAD_HEADROOM 3072
/* What one request header field costs in that memory besides its bytes, counted against
 * --max-header-bytes: libmicrohttpd 0.9.75's record of it (struct MHD_HTTP_Header, 56
 * bytes on 64 bits) rounded up to its pool's alignment of two pointers. It was counted as
 * 48, so a head of some 155 short fields passed the library, was over the limit by our
 * count, and left no room for the 431: an empty reply. */
#define BC_HEAD_FIELD_COST 64
/* Room an answer's headers need in that memory; a refused head that leaves less is
 * answered past the library (bc_http_refuse_raw). */
#define BC_ANSWER_ROOM 1024

/* Slots of the per-key body memory accounting (bc_http.key_body), and of the keys with
 * writes in progress (bc_http.writes). */
#define BC_KEY_SLOTS 64

/* Writes one key may have in progress at once, from its key check to its answer: one
 * key keeping many in flight cannot fill the writer's queue (16) for the others. */
#define BC_WRITES_PER_KEY 2

typedef struct req_ctx req_ctx;
typedef struct job_state job_state;

/* Where a request runs: the route table's bc_exec (router.h), or EXEC_GATE: on the
 * worker pool, a write's key checked before its body is read. */
#define EXEC_GATE (BC_EXEC_SUMMARY + 1)
/* How many exec values there are (bc_exec's and EXEC_GATE): the lane table's rows. */
#define EXEC_COUNT (EXEC_GATE + 1)

/* The bc_exec of method on route (a bc_router_route_of index, -1 for none), or
 * BC_EXEC_INLINE for what the table answers alone (404, 405, OPTIONS). */
int bc_http_exec_of(const char *method, int route);

/* Where a request stands between its head and its answer. */
enum req_phase {
    PHASE_HEAD = 0, /* the first call has not come yet */
    PHASE_GATING,   /* a write whose key a worker is checking, the connection suspended */
    PHASE_ADMITTED, /* its body (if any) may be read; the last call answers */
};

struct bc_http {
    struct MHD_Daemon *d;
    const bc_config *cfg;
    bc_live *live;
    bc_cache *cache;
    /* the pool of each lane, by bc_exec (NULL for BC_EXEC_INLINE; EXEC_GATE runs on the
     * workers'): http_lanes.c */
    bc_workers *lanes[EXEC_GATE];
    bc_reaper *reaper;         /* slow clients */
    bc_log *log;               /* the access log, NULL when off */
    atomic_int in_flight;      /* request line seen, not completed */
    atomic_int active;         /* head complete, not completed: what SIGTERM waits for */
    atomic_long body_reserved; /* bytes of request bodies promised, all connections */
    /* the same per key (key id modulo BC_KEY_SLOTS): one key may hold a quarter of
     * --max-body-memory, so slow bodies sent with one key cannot starve the others */
    atomic_long key_body[BC_KEY_SLOTS];
    /* the keys with writes in progress and how many (bc_http_share_take), under
     * share_lock: a key at BC_WRITES_PER_KEY gets 429 until one is answered */
    pthread_mutex_t share_lock;
    struct {
        long long key; /* the key's id (0: the bootstrap token) */
        int n;         /* 0: the slot is free */
    } writes[BC_KEY_SLOTS];
    atomic_ulong next_id;
    unsigned long id_prefix;
    int port;
    /* from the configuration, once: */
    int share_responses; /* one I/O thread: cache entries keep ready responses */
    int cors;            /* send CORS headers (--cors-origin not empty) */
    int vary_origin;     /* a specific origin: responses vary by Origin */
    char max_age_cc[40]; /* "public, max-age=N" of data representations */
    pthread_mutex_t pool_lock;
    req_ctx *pool; /* free contexts, linked through next_free */
    int pooled;
    req_ctx *spare; /* one free context kept without the lock: one I/O thread only
                     * (share_responses), which alone gets and puts contexts */
};

/* One request, from its request line to its completion. */
/* The request header fields the answer reads, each the first of its name (as
 * MHD_lookup_connection_value would give it) or NULL; borrowed from libmicrohttpd's
 * buffer, valid for the request. Taken in the one walk over the head that admission
 * makes, instead of a lookup per field per request on the cached path. */
typedef struct req_head {
    const char *if_none_match, *if_modified_since, *accept, *accept_encoding, *authorization,
        *content_type, *if_match;
} req_head;

struct req_ctx {
    bc_http *h;
    bc_arena arena;
    struct MHD_Connection *con;
    bc_conn_track *track; /* the connection's, for the reaper (may be NULL) */
    char *uri;            /* raw request target (truncated to MAX_URI + 1 bytes), in the arena */
    int uri_too_long;
    int target_bad;      /* the target holds bytes a request line cannot carry */
    const char *raw_uri; /* where libmicrohttpd read the target (see http_admit.c) */
    size_t raw_uri_len;
    int phase;        /* enum req_phase */
    int active;       /* counted in bc_http.active */
    long reserved;    /* bytes of bc_http.body_reserved held for this request's body */
    int key_slot;     /* the writer's key's slot of bc_http.key_body (set by the key check) */
    long long key_id; /* the writer's key (set by the key check) */
    int share;        /* holds one of its key's BC_WRITES_PER_KEY writes */
    unsigned long long content_length; /* announced by the head (0 when none) */
    int chunked;                       /* Transfer-Encoding: chunked */
    int write_role; /* a write: the bc_role its key needs (checked before the body) */
    char method[16];
    req_head head; /* the fields the answer reads, found by the admission's walk */
    struct timespec start;
    char id[20];
    int seen;
    size_t body_bytes;
    bc_buf body; /* the request body of a write, at most `reserved` bytes */
    int status;
    size_t bytes;
    int outcome;                /* a bc_outcome */
    int route;                  /* bc_router_route_of the decoded path, -1 when none */
    bc_live_view view;          /* the store generation this request is answered from */
    bc_cached *entry;           /* the cached response being sent, released on completion */
    job_state *job;             /* while (and after) a worker answers it; in the arena */
    req_ctx *next_free;         /* in the pool */
    req_ctx *rd_prev, *rd_next; /* in its I/O thread's list of heads being read */
    req_ctx **rd_list;          /* that list while in it, else NULL (http_refuse.c) */
    char note[256];
};

/* http_refuse.c: a request's head is being read on this I/O thread (its request line is
 * read: the URI-log callback) / has been read (the access handler's first call, or its
 * completion; a no-op the second time). */
void bc_http_head_reading(req_ctx *c);
void bc_http_head_read(req_ctx *c);
/* http_refuse.c: a request line was read on this I/O thread whose context could not be
 * made (out of memory): libmicrohttpd's refusals of heads are left to it from then on. */
void bc_http_head_unlisted(void);

/* http_refuse.c: called with each libmicrohttpd log message's format: when it is the
 * library refusing the Content-Length of the head being read, answers that request with
 * a problem (400 malformed_header, or 413 body_too_large past 2^64) in place of the
 * library's malformed answer and returns 1; else 0. */
int bc_http_refuse_length(const char *fmt);

/* http_refuse.c: called with each libmicrohttpd log message's format and arguments: when
 * it is the library refusing a head too large for the connection's memory (its 431), and
 * the request is known (see refused_head), answers it with a 431 problem in place of the
 * library's HTML page and returns 1; else 0 (ap is not consumed). */
int bc_http_refuse_oversized(const char *fmt, va_list ap);

/* http_refuse.c: answers c with res (a problem, connection closed) by writing it to the
 * connection's socket, past libmicrohttpd, which is then shut for writing: for a head so
 * near the connection's memory that the library has no room left to build any answer. 1
 * when written (the access handler then returns MHD_NO and the library closes the
 * connection), 0 when it could not be (no socket). res is borrowed. */
int bc_http_refuse_raw(struct MHD_Connection *con, req_ctx *c, const bc_response *res);

/* http_admit.c: the first call of the access handler, with the whole head. Refuses at
 * once (queuing a problem, connection closed) or lets the request continue. */
enum MHD_Result bc_http_admit(struct MHD_Connection *con, req_ctx *c, const char *method,
                              const char *version);

/* After the key of a write was checked (verdict: 200 when allowed, else the refusal to
 * send): the size checks, or the refusal, connection closed. */
enum MHD_Result bc_http_admit_write(struct MHD_Connection *con, req_ctx *c, bc_response *verdict);

/* One more write in progress for key: 1, or 0 when the key has BC_WRITES_PER_KEY in
 * progress already, -1 when BC_KEY_SLOTS other keys have (thread-safe). */
int bc_http_share_take(bc_http *h, long long key);
/* A write of key is answered: its share is free again. */
void bc_http_share_put(bc_http *h, long long key);

/* http_lanes.c: starts the pool of every lane into h->lanes (bc_workers_start's
 * failure, with the pools started so far left for bc_http_lanes_stop). */
int bc_http_lanes_start(bc_http *h, bc_err *err);
/* Stops every lane's pool (queued jobs answered 503, running ones cut) and forgets them;
 * the ones never started are skipped. */
void bc_http_lanes_stop(bc_http *h);
/* The pool that runs jobs of exec (a bc_exec other than BC_EXEC_INLINE, or EXEC_GATE). */
bc_workers *bc_http_pool_of(const bc_http *h, int exec);
/* The budget of a job of exec, in ms from its queueing. */
int bc_http_budget_of(const bc_http *h, int exec);
/* The access log's note for a job of exec refused because its lane's queue is full. */
const char *bc_http_queue_full(int exec);
/* The flow a request's job belongs to in its lane's fair queue (workers.h): the client's
 * IPv4 address, or the /64 of its IPv6 address (what one client usually holds). */
unsigned long long bc_http_flow_of(struct MHD_Connection *con);

/* http.c: suspends a write's connection and has a worker check its key; the handler is
 * called again in the same phase, with the verdict in c->job. */
enum MHD_Result bc_http_start_gate(struct MHD_Connection *con, req_ctx *c);

/* http_send.c: queues res (its body is taken; res is left empty). */
enum MHD_Result bc_http_send(struct MHD_Connection *con, req_ctx *c, bc_response *res);
/* Queues a cached representation (the reference e is kept by c until completion), or a
 * 304 when not_modified: without a body, its Content-Length that of the representation. */
enum MHD_Result bc_http_send_cached(struct MHD_Connection *con, req_ctx *c, bc_cached *e, int gzip,
                                    int not_modified);
/* Releases a ready response a cache entry kept (bc_cache_set_prebuilt_free's hook). */
void bc_http_release_prebuilt(void *prebuilt);
/* If-None-Match, else If-Modified-Since, for a cached representation e. */
int bc_http_not_modified(const req_ctx *c, const bc_cached *e, int gzip, const char *inm,
                         const char *ims);

#endif
