/* query.h: URL query strings and paths: strict percent-decoding (valid UTF-8, no NUL,
 * bounded sizes) into key/value pairs, and the encoding used to write links. */
#ifndef BORDERCOOP_QUERY_H
#define BORDERCOOP_QUERY_H

#include "bordercoop/arena.h"
#include "bordercoop/buf.h"
#include "bordercoop/err.h"

#include <stddef.h>

#define BC_QUERY_MAX_PAIRS 32
#define BC_QUERY_MAX_KEY   64
#define BC_QUERY_MAX_VALUE 1024

typedef struct bc_qpair {
    const char *key;   /* decoded, in the arena */
    const char *value; /* decoded, in the arena; "" for "key" or "key=" */
} bc_qpair;

/* Decodes the n bytes at s (percent escapes; '+' as space when plus_is_space) into a new
 * NUL-terminated string in the arena. Fails with BC_EINVAL on a bad escape, an encoded
 * NUL or invalid UTF-8, BC_ENOMEM on allocation failure. */
int bc_url_decode(const char *s, size_t n, int plus_is_space, bc_arena *a, char **out, bc_err *err);

/* Decodes a request path as bc_url_decode does ('+' stays '+'), except that an encoded
 * '/' (%2F or %2f) stays encoded, as "%2F": a slash inside a segment is never a
 * separator, so /v1/meetings%2Fjwg-yunnan-11 names no resource (a front proxy that
 * allows or denies by path sees the same segments the router does). */
int bc_path_decode(const char *s, size_t n, bc_arena *a, char **out, bc_err *err);

/* Splits and decodes a raw query string ("a=1&b=x%20y") into at most BC_QUERY_MAX_PAIRS
 * pairs in the arena (*pairs, *n). Empty segments are skipped. Errors (BC_EINVAL) name
 * the offending part; keys and values have size limits. */
int bc_query_parse(const char *raw, bc_arena *a, bc_qpair **pairs, size_t *n, bc_err *err);

/* Appends s percent-encoded for use as a query value (unreserved bytes kept). */
void bc_url_encode(bc_buf *out, const char *s);

#endif
