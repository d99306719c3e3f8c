/* accesslog.h: one access-log line per request, plain or JSON, cheap enough for the
 * cached path (no allocation for ordinary lines, the date formatted once a second), and
 * safe: control and non-ASCII bytes of the target are escaped, and credentials in it
 * are never written (the values of query parameters named like secrets, API keys by
 * their "bck_" form, and the bootstrap token wherever it appears, encoded or not). */
#ifndef BORDERCOOP_ACCESSLOG_H
#define BORDERCOOP_ACCESSLOG_H

#include <stddef.h>
#include <sys/socket.h>
#include <time.h>

/* What one line says. Strings are borrowed; NULL prints "-" (note: nothing). */
typedef struct bc_access {
    struct timespec when;        /* CLOCK_REALTIME at completion */
    const struct sockaddr *peer; /* the client's address, or NULL */
    const char *method, *target; /* target: the raw request target */
    int status;                  /* 0 when none was sent */
    size_t bytes;                /* body bytes sent */
    double ms;                   /* duration */
    const char *id;              /* request id */
    const char *note;            /* why it was refused or failed, or NULL */
} bc_access;

enum { BC_ACCESS_PLAIN = 0, BC_ACCESS_JSON = 1 };

/* Writes the line for a (ending in '\n') into out (size n) and returns its length; when
 * it does not fit, returns the size needed (call again with that much). secret is the
 * bootstrap token to hide (NULL or "" for none). */
size_t bc_access_format(char *out, size_t n, int format, const bc_access *a, const char *secret);

#endif
