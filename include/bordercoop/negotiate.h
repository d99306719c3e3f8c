/* negotiate.h: HTTP content negotiation and validators: Accept (media types with
 * q-values), Accept-Encoding (gzip) and If-None-Match entity-tag lists. */
#ifndef BORDERCOOP_NEGOTIATE_H
#define BORDERCOOP_NEGOTIATE_H

#include <stddef.h>

/* Representations the API can produce, one bit each; on equal q-values the lower bit
 * is preferred. A route declares the set it offers (router.h). */
enum {
    BC_FMT_JSON = 1 << 0,    /* application/json (application/problem+json too) */
    BC_FMT_CSV = 1 << 1,     /* text/csv */
    BC_FMT_YAML = 1 << 2,    /* application/yaml */
    BC_FMT_HTML = 1 << 3,    /* text/html (application/xhtml+xml too) */
    BC_FMT_PROM = 1 << 4,    /* text/plain: the Prometheus text exposition format */
    BC_FMT_GEOJSON = 1 << 5, /* application/geo+json */
    BC_FMT_NDJSON = 1 << 6,  /* application/x-ndjson */
    BC_FMT_ATOM = 1 << 7,    /* application/atom+xml */
    BC_FMT_KNOWN = (1 << 8) - 1,
    /* not a media type: a route serving files as their own types (the dashboard's
     * assets) offers this, and Accept is not checked for it */
    BC_FMT_FILE = 1 << 8,
};

/* From an Accept header (NULL or empty = anything): *acceptable receives the bitmask of
 * the BC_FMT_* media types with a q-value above 0, and the return value is the
 * acceptable one with the highest q, or 0 when none is. Type/subtype ranges override
 * type wildcards (application/any, text/any), which override any/any; a format that
 * only any/any admits is never preferred over an acceptable JSON; equal q-values go to
 * the lower bit. */
int bc_negotiate_format(const char *accept, unsigned *acceptable);

/* The media type of one BC_FMT_* bit ("application/json"), or NULL for another value. */
const char *bc_format_media_type(unsigned format);

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
