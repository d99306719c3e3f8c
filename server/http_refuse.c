/* http_refuse.c: the refusals libmicrohttpd 0.9.75 makes before any of our code sees the
 * request, where its own answer is malformed. A Content-Length that is not a number
 * ("-1") or is past 2^64 ("99999999999999999999") is refused inside its header parse
 * (parse_connection_headers -> transmit_error_response), which queues its HTML page and
 * writes the status line and headers; the state machine then overwrites the connection's
 * state with HEADERS_PROCESSED and comes to START_REPLY, which writes them a second time
 * (analyst 9, F8): two header blocks, the first one's Content-Length framing the second as
 * its body. No callback of ours runs in between but its message to the error log, so that
 * is where the refusal is answered: a problem document written to the socket, which is
 * then shut for writing, so the library's copy goes nowhere and it closes the connection.
 *
 * The same for a head that does not fit in the connection's memory at all (a header line
 * longer than it, more fields or cookies than their records fit in): the library answers
 * 431 with its HTML page and no Content-Type (analyst 12, F7); its message to the error log
 * is where the daemon answers instead, when it can tell which request it is. And a refusal
 * of ours whose head leaves no room for the answer is written here too (bc_http_refuse_raw). */
#include "http_int.h"

#include "bordercoop/conditional.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

/* The requests whose heads this I/O thread is reading: each added when its request line
 * is read, removed when its head reaches the access handler or it completes (all on the
 * thread that serves its connection). Several when heads arrive in pieces. */
static _Thread_local req_ctx *reading;
/* Set once a head of this thread could not be listed (no memory for its context): from
 * then on a refusal cannot be told to be one of the listed heads' */
static _Thread_local int unlisted;

void bc_http_head_unlisted(void)
{
    unlisted = 1;
}

void bc_http_head_reading(req_ctx *c)
{
    c->rd_prev = NULL;
    c->rd_next = reading;
    if (reading != NULL)
        reading->rd_prev = c;
    reading = c;
    c->rd_list = &reading;
}

void bc_http_head_read(req_ctx *c)
{
    if (c->rd_list == NULL)
        return;
    if (c->rd_prev != NULL)
        c->rd_prev->rd_next = c->rd_next;
    else
        *c->rd_list = c->rd_next; /* the list of the thread that added it */
    if (c->rd_next != NULL)
        c->rd_next->rd_prev = c->rd_prev;
    c->rd_prev = c->rd_next = NULL;
    c->rd_list = NULL;
}

/* Appends the raw response of res (a problem; connection closed) for c to out. */
static void raw_response(const req_ctx *c, const bc_response *res, bc_buf *out)
{
    char date[40];
    bc_http_date_format(time(NULL), date, sizeof date);
    bc_buf_printf(out, "HTTP/1.1 %d %s\r\nConnection: close\r\n", res->status,
                  res->status == 413   ? "Content Too Large"
                  : res->status == 414 ? "URI Too Long"
                  : res->status == 431 ? "Request Header Fields Too Large"
                                       : "Bad Request");
    bc_buf_puts(out, "Content-Type: application/problem+json; charset=utf-8\r\n");
    bc_buf_printf(out, "X-Request-Id: %s\r\nDate: %s\r\n", c->id, date);
    if (c->h->cors)
        bc_buf_printf(out,
                      "Access-Control-Allow-Origin: %s\r\nAccess-Control-Expose-Headers: ETag, "
                      "Link, Last-Modified, Location, X-Request-Id, X-Total-Count, "
                      "Content-Length\r\n",
                      c->h->cfg->cors_origin);
    if (c->h->vary_origin)
        bc_buf_puts(out, "Vary: Origin\r\n");
    bc_buf_printf(out, "Cache-Control: no-store\r\nContent-Length: %zu\r\n\r\n", res->body.len);
    bc_buf_append(out, res->body.data, res->body.len);
}

/* Writes res for c to the socket fd and shuts it for writing; c's status, bytes and note
 * (when note is not NULL) are what the access log says. 1 when written, else 0. */
static int send_raw(req_ctx *c, int fd, const bc_response *res, const char *note)
{
    bc_buf raw = BC_BUF_INIT;
    raw_response(c, res, &raw);
    int ok = !bc_buf_failed(&raw) && !bc_buf_failed(&res->body);
    if (ok) {
        /* a fresh head: nothing of an earlier answer is left in libmicrohttpd's buffer,
         * and a few hundred bytes fit in any socket's send buffer */
        ssize_t sent = send(fd, raw.data, raw.len, MSG_NOSIGNAL | MSG_DONTWAIT);
        c->status = res->status;
        c->bytes = sent > 0 ? (size_t)sent : 0;
        if (note != NULL)
            snprintf(c->note, sizeof c->note, "%s", note);
    }
    shutdown(fd, SHUT_WR); /* whatever libmicrohttpd sends after goes nowhere */
    bc_buf_free(&raw);
    return ok;
}

int bc_http_refuse_raw(struct MHD_Connection *con, req_ctx *c, const bc_response *res)
{
    const union MHD_ConnectionInfo *fd =
        MHD_get_connection_info(con, MHD_CONNECTION_INFO_CONNECTION_FD);
    if (fd == NULL)
        return 0;
    return send_raw(c, fd->connect_fd, res, res->log_note[0] != '\0' ? res->log_note : NULL);
}

int bc_http_refuse_length(const char *fmt)
{
    int too_large = strstr(fmt, "Too large value of 'Content-Length'") != NULL;
    int malformed = strstr(fmt, "Failed to parse `Content-Length'") != NULL;
    if (!too_large && !malformed)
        return 0;
    /* the refused request is the one whose head has been read whole and has not reached
     * the access handler: any other on the list is still receiving its head (no size yet),
     * and a head read whole goes to the handler at once in the same parse */
    req_ctx *c = reading;
    while (c != NULL &&
           (c->con == NULL ||
            MHD_get_connection_info(c->con, MHD_CONNECTION_INFO_REQUEST_HEADER_SIZE) == NULL))
        c = c->rd_next;
    const union MHD_ConnectionInfo *fd =
        c != NULL ? MHD_get_connection_info(c->con, MHD_CONNECTION_INFO_CONNECTION_FD) : NULL;
    if (fd == NULL)
        return 0;
    bc_http_head_read(c);
    bc_response res;
    bc_response_init(&res);
    if (too_large)
        bc_problem(&res, 413, "body_too_large", NULL,
                   "Content-Length is larger than 2^64 - 1 bytes; this server takes bodies of "
                   "at most --max-body bytes");
    else
        bc_problem(&res, 400, "malformed_header", NULL,
                   "Content-Length is not a number: it must be digits alone");
    /* libmicrohttpd's doubled answer goes nowhere */
    send_raw(c, fd->connect_fd, &res,
             too_large ? "refused: Content-Length past 2^64"
                       : "refused: Content-Length not a number");
    bc_response_free(&res);
    return 1;
}

/* The request whose head the library has just refused as too large: the only one whose head
 * this thread is reading, or else the only one among them whose head was read whole (a
 * Cookie whose pairs did not fit is refused after the head is read, before the access
 * handler). The library refuses with 431 only after the request line was read (it says 414
 * before), so the request is on the list; when several are and none stands out, NULL. */
static req_ctx *refused_head(void)
{
    req_ctx *only = NULL, *whole = NULL;
    int n = 0, nwhole = 0;
    if (unlisted)
        return NULL;
    for (req_ctx *c = reading; c != NULL; c = c->rd_next) {
        n++;
        only = c;
        if (c->con != NULL &&
            MHD_get_connection_info(c->con, MHD_CONNECTION_INFO_REQUEST_HEADER_SIZE) != NULL) {
            nwhole++;
            whole = c;
        }
    }
    return n == 1 ? only : nwhole == 1 ? whole : NULL;
}

int bc_http_refuse_oversized(const char *fmt, va_list ap)
{
    static const char prefix[] = "Error processing request (HTTP response code is %u";
    if (strncmp(fmt, prefix, sizeof prefix - 1) != 0)
        return 0;
    va_list copy;
    va_copy(copy, ap);
    unsigned status = va_arg(copy, unsigned);
    va_end(copy);
    if (status != 431)
        return 0;
    req_ctx *c = refused_head();
    const union MHD_ConnectionInfo *fd =
        c != NULL && c->con != NULL
            ? MHD_get_connection_info(c->con, MHD_CONNECTION_INFO_CONNECTION_FD)
            : NULL;
    if (fd == NULL)
        return 0; /* several heads being read: the library's own page goes out */
    bc_http_head_read(c);
    bc_response res;
    bc_response_init(&res);
    bc_problem(&res, 431, "header_too_large", NULL,
               "the request head does not fit in the %d bytes a connection has for it "
               "(--max-header-bytes plus 3 KiB, each header field and cookie taking %d "
               "bytes of it besides its text); send fewer or shorter headers or cookies",
               c->h->cfg->max_header_bytes + BC_HEAD_HEADROOM, BC_HEAD_FIELD_COST);
    send_raw(c, fd->connect_fd, &res,
             "refused: the head does not fit in the connection's memory (libmicrohttpd's "
             "431, answered in its place)");
    bc_response_free(&res);
    return 1;
}
