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

/* Media types understood in Accept, with the format each names; the first entry of a
 * format is its own media type. */
static const struct {
    const char *type;
    unsigned fmt;
} MEDIA[] = {
    {"application/json", BC_FMT_JSON},
    {"text/csv", BC_FMT_CSV},
    {"application/yaml", BC_FMT_YAML},
    {"text/html", BC_FMT_HTML},
    {"text/plain", BC_FMT_PROM},
    {"application/geo+json", BC_FMT_GEOJSON},
    {"application/x-ndjson", BC_FMT_NDJSON},
    {"application/atom+xml", BC_FMT_ATOM},
    {"application/problem+json", BC_FMT_JSON},
    {"application/x-yaml", BC_FMT_YAML},
    {"text/yaml", BC_FMT_YAML},
    {"application/xhtml+xml", BC_FMT_HTML},
    {"application/ndjson", BC_FMT_NDJSON},
};
#define NMEDIA (sizeof MEDIA / sizeof MEDIA[0])
#define NFMT   8 /* the bits of BC_FMT_KNOWN */

/* Best q per format from a specific match, from a type wildcard, and from any/any; -1
 * when none matched. */
typedef struct fmt_q {
    double exact[NFMT], type_any[NFMT];
    double any;
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

static size_t bit_index(unsigned fmt)
{
    size_t i = 0;
    while (fmt > 1u) {
        fmt >>= 1;
        i++;
    }
    return i;
}

const char *bc_format_media_type(unsigned format)
{
    for (size_t i = 0; i < NMEDIA; i++)
        if (MEDIA[i].fmt == format)
            return MEDIA[i].type;
    return NULL;
}

static void on_type(const char *v, size_t n, double q, void *ctx)
{
    fmt_q *f = ctx;
    if (is(v, n, "*/*")) {
        keep_best(&f->any, q);
        return;
    }
    if (n >= 2 && v[n - 1] == '*' && v[n - 2] == '/') {
        /* type/any: every format whose own media type has that type */
        for (size_t i = 0; i < NFMT; i++) {
            const char *own = bc_format_media_type(1u << i);
            if (strncasecmp(own, v, n - 1) == 0)
                keep_best(&f->type_any[i], q);
        }
        return;
    }
    for (size_t i = 0; i < NMEDIA; i++)
        if (is(v, n, MEDIA[i].type))
            keep_best(&f->exact[bit_index(MEDIA[i].fmt)], q);
}

/* 1 for an Accept that says nothing: none, empty, or any/any (what curl and most
 * libraries send), which parsing would bring to where no header does. */
static int accepts_anything(const char *accept)
{
    return accept == NULL || *accept == '\0' || strcmp(accept, "*/*") == 0;
}

int bc_negotiate_format(const char *accept, unsigned *acceptable)
{
    if (accepts_anything(accept)) {
        *acceptable = BC_FMT_KNOWN;
        return BC_FMT_JSON;
    }
    fmt_q f;
    for (size_t i = 0; i < NFMT; i++)
        f.exact[i] = f.type_any[i] = -1;
    f.any = -1;
    each_item(accept, on_type, &f);
    /* the most specific range gives the weight: type/subtype, then type/ *, then
     * * / * (RFC 9110 12.5.1) */
    double q[NFMT];
    int only_any[NFMT];
    unsigned mask = 0;
    for (size_t i = 0; i < NFMT; i++) {
        only_any[i] = f.exact[i] < 0 && f.type_any[i] < 0;
        q[i] = f.exact[i] >= 0 ? f.exact[i] : f.type_any[i] >= 0 ? f.type_any[i] : f.any;
        if (q[i] > 0)
            mask |= 1u << i;
    }
    *acceptable = mask;
    /* a bare any/any should not make another format win over an acceptable JSON */
    for (size_t i = 1; i < NFMT && q[0] > 0; i++)
        if (only_any[i] && q[i] >= q[0])
            q[i] = q[0] - 1e-9;
    size_t best = NFMT;
    for (size_t i = 0; i < NFMT; i++)
        if (q[i] > 0 && (best == NFMT || q[i] > q[best]))
            best = i;
    return best == NFMT ? 0 : (int)(1u << best);
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
    if (accepts_anything(accept))
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
