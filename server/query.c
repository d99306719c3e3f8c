/* query.c: strict decoding of URL paths and query strings. */
#include "bordercoop/query.h"

#include "bordercoop/text.h"

#include <string.h>

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* bc_url_decode and bc_path_decode: mode PLUS_SPACE reads '+' as a space, KEEP_SLASH
 * leaves an encoded '/' encoded (as "%2F") */
#define PLUS_SPACE 1
#define KEEP_SLASH 2

static int decode(const char *s, size_t n, int mode, bc_arena *a, char **out, bc_err *err)
{
    char *d = bc_arena_alloc(a, n + 1);
    if (d == NULL)
        return bc_err_set(err, BC_ENOMEM, "out of memory");
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '%') {
            int hi = i + 2 < n ? hexval(s[i + 1]) : -1;
            int lo = i + 2 < n ? hexval(s[i + 2]) : -1;
            if (hi < 0 || lo < 0) {
                int show = n - i < 8 ? (int)(n - i) : 8;
                return bc_err_set(err, BC_EINVAL, "malformed percent-encoding at '%.*s'", show,
                                  s + i);
            }
            c = (char)(hi * 16 + lo);
            if (c == '\0')
                return bc_err_set(err, BC_EINVAL, "encoded NUL (%%00) is not allowed");
            i += 2;
            if (c == '/' && (mode & KEEP_SLASH)) {
                memcpy(d + j, "%2F", 3);
                j += 3;
                continue;
            }
        } else if (c == '+' && (mode & PLUS_SPACE)) {
            c = ' ';
        } else if (c == '\0') {
            return bc_err_set(err, BC_EINVAL, "NUL byte is not allowed");
        }
        d[j++] = c;
    }
    d[j] = '\0';
    if (!bc_utf8_valid(d, j))
        return bc_err_set(err, BC_EINVAL, "not valid UTF-8 once decoded");
    *out = d;
    return BC_OK;
}

int bc_url_decode(const char *s, size_t n, int plus_is_space, bc_arena *a, char **out, bc_err *err)
{
    return decode(s, n, plus_is_space ? PLUS_SPACE : 0, a, out, err);
}

int bc_path_decode(const char *s, size_t n, bc_arena *a, char **out, bc_err *err)
{
    return decode(s, n, KEEP_SLASH, a, out, err);
}

int bc_query_parse(const char *raw, bc_arena *a, bc_qpair **pairs, size_t *n, bc_err *err)
{
    *pairs = NULL;
    *n = 0;
    bc_qpair *out = bc_arena_alloc(a, BC_QUERY_MAX_PAIRS * sizeof *out);
    if (out == NULL)
        return bc_err_set(err, BC_ENOMEM, "out of memory");
    const char *p = raw;
    while (*p != '\0') {
        const char *amp = strchr(p, '&');
        size_t seg = amp ? (size_t)(amp - p) : strlen(p);
        if (seg > 0) {
            if (*n == BC_QUERY_MAX_PAIRS)
                return bc_err_set(err, BC_EINVAL, "more than %d query parameters",
                                  BC_QUERY_MAX_PAIRS);
            const char *eq = memchr(p, '=', seg);
            size_t klen = eq ? (size_t)(eq - p) : seg;
            size_t vlen = eq ? seg - klen - 1 : 0;
            char *key, *value;
            bc_err e;
            if (klen == 0)
                return bc_err_set(err, BC_EINVAL, "a query parameter has no name");
            if (klen > BC_QUERY_MAX_KEY * 3 || vlen > BC_QUERY_MAX_VALUE * 3)
                return bc_err_set(err, BC_EINVAL, "query parameter '%.*s' is too long",
                                  (int)(klen < 40 ? klen : 40), p);
            if (bc_url_decode(p, klen, 1, a, &key, &e) != BC_OK)
                return bc_err_set(err, e.code, "query parameter name: %s", e.msg);
            if (bc_url_decode(eq ? eq + 1 : "", vlen, 1, a, &value, &e) != BC_OK)
                return bc_err_set(err, e.code, "query parameter '%.40s': %s", key, e.msg);
            if (strlen(key) > BC_QUERY_MAX_KEY || strlen(value) > BC_QUERY_MAX_VALUE)
                return bc_err_set(err, BC_EINVAL, "query parameter '%.40s' is too long", key);
            out[*n].key = key;
            out[*n].value = value;
            (*n)++;
        }
        p += seg;
        if (*p == '&')
            p++;
    }
    *pairs = out;
    return BC_OK;
}

void bc_url_encode(bc_buf *out, const char *s)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned char c = *p;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~' || c == ',') {
            bc_buf_putc(out, (char)c);
        } else {
            char esc[3] = {'%', hex[c >> 4], hex[c & 15]};
            bc_buf_append(out, esc, 3);
        }
    }
}
