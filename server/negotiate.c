/* negotiate.c: Accept, Accept-Encoding and If-None-Match parsing. */
#include "bordercoop/negotiate.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Splits a comma-separated header into items; for each calls fn with the item's value
 * (trimmed, without parameters) and its q (1.0 when absent). */
static void each_item(const char *h, void (*fn)(const char *v, size_t n, double q, void *ctx),
                      void *ctx)
{
    const char *p = h;
    while (p != NULL && *p) {
        const char *end = strchr(p, ',');
        size_t len = end ? (size_t)(end - p) : strlen(p);
        const char *semi = memchr(p, ';', len);
        size_t vlen = semi ? (size_t)(semi - p) : len;
        while (vlen > 0 && (*p == ' ' || *p == '\t')) {
            p++, len--, vlen--;
        }
        while (vlen > 0 && (p[vlen - 1] == ' ' || p[vlen - 1] == '\t'))
            vlen--;
        double q = 1.0;
        for (const char *s = semi; s != NULL && s < p + len;) {
            s++;
            while (s < p + len && (*s == ' ' || *s == '\t'))
                s++;
            if (p + len - s >= 2 && (s[0] == 'q' || s[0] == 'Q') && s[1] == '=')
                q = strtod(s + 2, NULL);
            s = memchr(s, ';', (size_t)(p + len - s));
        }
        if (vlen > 0)
            fn(p, vlen, q < 0 ? 0 : q > 1 ? 1 : q, ctx);
        p = end ? end + 1 : NULL;
    }
}

typedef struct fmt_q {
    double json, csv;         /* best q from a specific match, -1 when none */
    double json_any, csv_any; /* from a type wildcard (application/ *, text/ *) */
    double any;               /* from * / * */
} fmt_q;

static int is(const char *v, size_t n, const char *lit)
{
    return strlen(lit) == n && strncasecmp(v, lit, n) == 0;
}

/* Keeps the best quality seen for one media range. */
static void keep_best(double *best, double q)
{
    if (q > *best)
        *best = q;
}

static void on_type(const char *v, size_t n, double q, void *ctx)
{
    fmt_q *f = ctx;
    if (is(v, n, "application/json") || is(v, n, "application/problem+json"))
        keep_best(&f->json, q);
    else if (is(v, n, "text/csv"))
        keep_best(&f->csv, q);
    else if (is(v, n, "application/*"))
        keep_best(&f->json_any, q);
    else if (is(v, n, "text/*"))
        keep_best(&f->csv_any, q);
    else if (is(v, n, "*/*"))
        keep_best(&f->any, q);
}

int bc_negotiate_format(const char *accept, unsigned *acceptable)
{
    if (accept == NULL || *accept == '\0') {
        *acceptable = BC_FMT_JSON | BC_FMT_CSV;
        return BC_FMT_JSON;
    }
    fmt_q f = {-1, -1, -1, -1, -1};
    each_item(accept, on_type, &f);
    /* the most specific range gives the weight: type/subtype, then type/ *, then
     * * / * (RFC 9110 12.5.1) */
    double json = f.json >= 0 ? f.json : f.json_any >= 0 ? f.json_any : f.any;
    double csv = f.csv >= 0 ? f.csv : f.csv_any >= 0 ? f.csv_any : f.any;
    /* a bare any/any wildcard should not make CSV win over JSON */
    if (f.csv < 0 && f.csv_any < 0 && csv > 0 && json > 0 && csv >= json)
        csv = json - 1e-9;
    *acceptable = (json > 0 ? BC_FMT_JSON : 0) | (csv > 0 ? BC_FMT_CSV : 0);
    if (json <= 0 && csv <= 0)
        return 0;
    return csv > json ? BC_FMT_CSV : BC_FMT_JSON;
}

typedef struct html_q {
    double html, json;
} html_q;

static void on_html(const char *v, size_t n, double q, void *ctx)
{
    html_q *h = ctx;
    if (is(v, n, "text/html") || is(v, n, "application/xhtml+xml"))
        keep_best(&h->html, q);
    else if (is(v, n, "application/json"))
        keep_best(&h->json, q);
}

int bc_accepts_html(const char *accept)
{
    if (accept == NULL)
        return 0;
    html_q h = {0, 0};
    each_item(accept, on_html, &h);
    return h.html > 0 && h.html >= h.json;
}

static void on_encoding(const char *v, size_t n, double q, void *ctx)
{
    int *gzip = ctx;
    if (is(v, n, "gzip") || is(v, n, "x-gzip"))
        *gzip = q > 0 ? 1 : 0;
    else if (is(v, n, "*") && *gzip < 0)
        *gzip = q > 0 ? 1 : 0;
}

int bc_accepts_gzip(const char *accept_encoding)
{
    if (accept_encoding == NULL)
        return 0;
    int gzip = -1;
    each_item(accept_encoding, on_encoding, &gzip);
    return gzip == 1;
}

int bc_etag_matches(const char *inm, const char *etag)
{
    if (inm == NULL || etag == NULL)
        return 0;
    size_t elen = strlen(etag);
    const char *p = inm;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == ',')
            p++;
        if (*p == '*')
            return 1;
        if (strncmp(p, "W/", 2) == 0)
            p += 2;
        if (*p != '"')
            return 0; /* malformed list: no match */
        const char *close = strchr(p + 1, '"');
        if (close == NULL)
            return 0;
        size_t n = (size_t)(close - p + 1);
        if (n == elen && memcmp(p, etag, n) == 0)
            return 1;
        p = close + 1;
    }
    return 0;
}
