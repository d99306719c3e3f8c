/* strict.h: the request-framing rules libmicrohttpd 0.9.75 does not enforce (RFC 9112
 * sections 2.2, 3.2, 5 and 6): one Content-Length made of digits, never beside a
 * Transfer-Encoding, only "chunked" as a transfer coding and only on HTTP/1.1, exactly
 * one Host on HTTP/1.1 (at most one on 1.0), a Host that is a host and port, at most
 * one Authorization and one Content-Type, header names that are tokens (so no
 * whitespace before the colon), no control bytes in values, and a request target of
 * visible ASCII only. A request that breaks one of them is a smuggling or desync
 * primitive: it is refused and its connection closed. Pure functions, no I/O. */
#ifndef BORDERCOOP_STRICT_H
#define BORDERCOOP_STRICT_H

#include <stddef.h>
#include <stdint.h>

typedef struct bc_strict {
    int status;       /* 0 while acceptable; else 400 or 501 */
    const char *code; /* the problem code (static), NULL while acceptable */
    char detail[160]; /* what was wrong, for the problem's detail */
    int content_lengths, hosts, transfer_encodings, authorizations, content_types;
    uint64_t content_length; /* the value of the one Content-Length */
    int chunked;             /* Transfer-Encoding: chunked */
} bc_strict;

void bc_strict_init(bc_strict *s);

/* Looks at one header field as received (name and value with their lengths, which may
 * hold NUL bytes). The first violation is kept; later fields are still counted. */
void bc_strict_field(bc_strict *s, const char *name, size_t name_len, const char *value,
                     size_t value_len);

/* After every field: the rules that need the whole head. http11 is 1 for HTTP/1.1, 0
 * for 1.0. Returns s->status (0 when the head is acceptable). */
int bc_strict_finish(bc_strict *s, int http11);

/* 1 when target (n bytes) holds only visible ASCII (0x21-0x7e): no space, control or
 * raw non-ASCII byte, which a request line cannot carry unencoded. */
int bc_strict_target_ok(const char *target, size_t n);

/* 1 when s (n bytes) is a token (RFC 9110 5.6.2): a header name or a method. */
int bc_strict_is_token(const char *s, size_t n);

#endif
