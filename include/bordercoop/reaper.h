/* reaper.h: slow clients shed, whatever they trickle. libmicrohttpd 0.9.75 has only an
 * idle timeout, which a client defeats by sending one byte now and then; so every
 * connection is tracked from the I/O thread's callbacks, and a thread of its own
 * closes (shutdown(2), which leaves the descriptor to libmicrohttpd: no reuse race) a
 * connection whose request head is not complete within the header timeout (counted
 * from the connection's first byte of that request, like nginx's client_header_timeout),
 * or whose body falls below a minimum rate (Apache mod_reqtimeout's rule: the body
 * timeout, plus one second per min_rate bytes received). When connections run short
 * (near max_connections) the oldest connections without a request being answered go
 * first: unfinished heads, then idle keep-alive ones, then slow bodies, so a new client
 * always finds room. A connection whose request is being answered is never touched. */
#ifndef BORDERCOOP_REAPER_H
#define BORDERCOOP_REAPER_H

#include "bordercoop/err.h"

#include <stddef.h>
#include <stdint.h>

typedef struct bc_reaper bc_reaper;
typedef struct bc_conn_track bc_conn_track;

typedef struct bc_reaper_config {
    int max_connections;   /* libmicrohttpd's limit; shedding starts a margin below */
    int header_timeout_ms; /* a request head must arrive within this */
    int body_timeout_ms;   /* a body gets this long before min_body_rate applies */
    int min_body_rate;     /* bytes per second a body must average beyond it */
    int tick_ms;           /* how often connections are looked at */
} bc_reaper_config;

typedef struct bc_reaper_stats {
    size_t open; /* connections tracked now */
    /* connections shed: head too slow, body too slow, to make room, at shutdown */
    unsigned long long shed_head, shed_body, shed_room, shed_drain;
} bc_reaper_stats;

/* Starts the reaper thread. cfg is copied. *out is new; stop it with bc_reaper_stop
 * (after libmicrohttpd has stopped: its callbacks must not outlive the reaper). */
int bc_reaper_start(const bc_reaper_config *cfg, bc_reaper **out, bc_err *err);
void bc_reaper_stop(bc_reaper *r);

/* Milliseconds of CLOCK_MONOTONIC, the clock of every `now` below. */
uint64_t bc_reaper_now_ms(void);

/* The life of a connection, reported by the I/O thread. A new connection (socket fd);
 * NULL when out of memory (the connection is then simply not tracked). */
bc_conn_track *bc_reaper_opened(bc_reaper *r, int fd);
/* The connection is closing: forget it (before libmicrohttpd closes fd). NULL-safe. */
void bc_reaper_closed(bc_reaper *r, bc_conn_track *t);
/* The request line of a request arrived. NULL-safe, like the four below. */
void bc_reaper_head_begun(bc_conn_track *t, uint64_t now);
/* The whole head arrived; a body of body bytes follows (0: none, the request is being
 * answered). */
void bc_reaper_head_done(bc_conn_track *t, uint64_t body, uint64_t now);
/* n more bytes of the body arrived. */
void bc_reaper_body(bc_conn_track *t, size_t n);
/* The request is being answered (no more reading from this client until it is sent). */
void bc_reaper_answering(bc_conn_track *t);
/* The response was sent (or the request ended): the connection waits for the next. */
void bc_reaper_request_done(bc_conn_track *t, uint64_t now);

/* Why t was shed (a static phrase for the access log), or NULL. NULL-safe. */
const char *bc_reaper_why(const bc_conn_track *t);

/* At shutdown: sheds at once every connection with no request being answered or
 * uploading its body (idle keep-alive and incomplete heads), so that none of them holds
 * the drain. */
void bc_reaper_drain(bc_reaper *r);

void bc_reaper_get_stats(bc_reaper *r, bc_reaper_stats *out);

#endif
