/* http.h: libmicrohttpd glue: the daemon, the per-request context and its arena, the
 * two-phase handler (so keep-alive works on 0.9.75), headers common to every response,
 * and the access log (one line per request on stderr). */
#ifndef BORDERCOOP_HTTP_H
#define BORDERCOOP_HTTP_H

#include "bordercoop/config.h"
#include "bordercoop/err.h"
#include "bordercoop/live.h"

typedef struct bc_http bc_http;

/* The store connections (bc_live_open's readers) a server with `workers` workers needs:
 * one per thread of its lanes (workers, search, costly and keyed: `workers` each; the bulk
 * thread; the writer, which reads its answer back). */
size_t bc_http_readers(int workers);

/* Starts serving cfg->listen with one worker per cfg->threads, each request borrowing a
 * reader from live (and its writer for ingest). cfg and live are borrowed and must
 * outlive the server. *out is new; stop it with bc_http_stop. */
int bc_http_start(const bc_config *cfg, bc_live *live, bc_http **out, bc_err *err);

/* Empties the response cache (the store's generation moved). Thread-safe. */
void bc_http_generation_changed(void *h);

/* On SIGHUP: reopens the access log file (--log-file) so that a rotated log is
 * released; with the log on stderr there is nothing to reopen and a line says so. */
void bc_http_reopen_log(bc_http *h);

/* The TCP port actually bound (useful with port 0). */
int bc_http_port(const bc_http *h);

/* Stops accepting connections, waits up to grace_ms for requests in flight to finish,
 * then stops the daemon and frees h. NULL is a no-op. */
void bc_http_stop(bc_http *h, int grace_ms);

#endif
