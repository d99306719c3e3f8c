/* negotiate.h: HTTP content negotiation and validators: Accept (media types with
 * q-values), Accept-Encoding (gzip) and If-None-Match entity-tag lists. */
#ifndef BORDERCOOP_NEGOTIATE_H
#define BORDERCOOP_NEGOTIATE_H

#include <stddef.h>

/* Formats the API can produce. */
enum { BC_FMT_JSON = 1, BC_FMT_CSV = 2 };

/* From an Accept header (NULL or empty = anything): *acceptable receives the bitmask of
 * BC_FMT_* with a q-value above 0, and the return value is the acceptable format with
 * the highest q (JSON on ties), or 0 when neither is acceptable. application/json,
 * application/problem+json, text/csv and the wildcards application/any, text/any and
 * any/any are understood. */
int bc_negotiate_format(const char *accept, unsigned *acceptable);

/* 1 when Accept names text/html with q > 0 before any JSON entry (a browser's request
 * for a page), else 0. */
int bc_accepts_html(const char *accept);

/* 1 when Accept-Encoding allows gzip (a "gzip" or "*" entry with q > 0), else 0. */
int bc_accepts_gzip(const char *accept_encoding);

/* 1 when the If-None-Match header value (a list of entity tags or "*") matches etag
 * (a quoted strong tag such as "\"abc\""), using the weak comparison RFC 9110 asks
 * for If-None-Match. */
int bc_etag_matches(const char *if_none_match, const char *etag);

#endif
