/* log.h: the access log's sink: buffered like nginx's `access_log ... buffer=64k
 * flush=1s`. Lines are copied into a buffer under a short lock and written by a thread
 * of its own, 32 KiB at a time and at least once a second, so the I/O thread never
 * waits for a disk or a pipe: if the writer falls 512 KiB behind (both buffers full) a
 * line is dropped and counted instead. Closing writes everything left, so
 * nothing is lost at a clean shutdown. A log file can be reopened (SIGHUP, after a
 * rotation); stderr is written as it is. */
#ifndef BORDERCOOP_LOG_H
#define BORDERCOOP_LOG_H

#include "bordercoop/err.h"

#include <stddef.h>

typedef struct bc_log bc_log;

typedef struct bc_log_stats {
    unsigned long long lines, dropped, write_errors, flushes;
} bc_log_stats;

/* Opens the sink: appends to path (created 0640 when missing), or to stderr when path is
 * NULL or "". *out is new; close it with bc_log_close. */
int bc_log_open(const char *path, bc_log **out, bc_err *err);

/* Appends one line (n bytes, its newline included). Never blocks on I/O; thread-safe. */
void bc_log_write(bc_log *l, const char *line, size_t n);

/* Asks the writer to reopen the file before its next write (log rotation). Returns 1
 * when there is a file to reopen, 0 for stderr. Async: errors are counted. */
int bc_log_reopen(bc_log *l);

/* Writes what is buffered and waits until it is written (tests, shutdown). */
void bc_log_flush(bc_log *l);

/* Writes everything left, stops the writer and frees l. NULL is a no-op. */
void bc_log_close(bc_log *l);

void bc_log_get_stats(bc_log *l, bc_log_stats *out);

#endif
