/* accesslog.c: formatting access-log lines (see accesslog.h), by hand rather than with
 * printf: this runs for every request, the cached ones included. */
#include "bordercoop/accesslog.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* An output cursor that keeps counting past the end, so the caller learns the size. */
typedef struct out {
    char *p;
    size_t n, len;
} out;

static void put(out *o, const char *s, size_t k)
{
    if (o->len + k <= o->n)
        memcpy(o->p + o->len, s, k);
    o->len += k;
}

static void puts_(out *o, const char *s)
{
    put(o, s, strlen(s));
}

static void putc_(out *o, char c)
{
    if (o->len < o->n)
        o->p[o->len] = c;
    o->len++;
}

static void put_uint(out *o, unsigned long long v)
{
    char d[24];
    size_t i = sizeof d;
    do {
        d[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v > 0);
    put(o, d + i, sizeof d - i);
}

/* A byte as it may appear in the log: printable ASCII but the quote and backslash,
 * which (like control and non-ASCII bytes) are percent-escaped. */
static void put_safe_byte(out *o, unsigned char c)
{
    static const char hex[] = "0123456789ABCDEF";
    if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
        char e[3] = {'%', hex[c >> 4], hex[c & 15]};
        put(o, e, 3);
    } else {
        putc_(o, (char)c);
    }
}

/* 1 for a byte the log shows as it is (see put_safe_byte). */
static int plain_byte(unsigned char c)
{
    return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
}

static void put_safe(out *o, const char *s)
{
    if (s == NULL)
        return;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        const unsigned char *run = p;
        while (*p && plain_byte(*p))
            p++;
        put(o, (const char *)run, (size_t)(p - run)); /* the common case: one copy */
        if (*p)
            put_safe_byte(o, *p++);
    }
}

static int hexval(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* The length of secret at s[0..n), each of its characters raw or percent-encoded; 0
 * when it is not there. */
static size_t match_secret(const char *s, size_t n, const char *secret)
{
    size_t j = 0;
    for (const char *c = secret; *c; c++) {
        if (j < n && s[j] == *c) {
            j++;
        } else if (j + 2 < n && s[j] == '%' && hexval(s[j + 1]) >= 0 && hexval(s[j + 2]) >= 0 &&
                   hexval(s[j + 1]) * 16 + hexval(s[j + 2]) == (unsigned char)*c) {
            j += 3;
        } else {
            return 0;
        }
    }
    return j;
}

/* The character at s[j] (j < n) raw or percent-encoded into *c; the bytes it takes
 * (1 or 3). */
static size_t decode_at(const char *s, size_t n, size_t j, unsigned char *c)
{
    if (s[j] == '%' && j + 2 < n && hexval(s[j + 1]) >= 0 && hexval(s[j + 2]) >= 0) {
        *c = (unsigned char)(hexval(s[j + 1]) * 16 + hexval(s[j + 2]));
        return 3;
    }
    *c = (unsigned char)s[j];
    return 1;
}

/* The length of an API key ("bck_" and 16 or more base64url characters, each raw or
 * percent-encoded in any case of hex) at s[0..n), or 0. */
static size_t match_key(const char *s, size_t n)
{
    size_t j = 0, chars = 0;
    unsigned char c;
    for (const char *p = "bck_"; *p; p++, chars++) {
        if (j >= n)
            return 0;
        j += decode_at(s, n, j, &c);
        if (c != (unsigned char)*p)
            return 0;
    }
    while (j < n) {
        size_t k = decode_at(s, n, j, &c);
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_'))
            break;
        j += k;
        chars++;
    }
    return chars >= 20 ? j : 0;
}

/* s[0..n) escaped, with keys and the secret replaced by [redacted]. */
static void put_hiding(out *o, const char *s, size_t n, const char *secret)
{
    size_t slen = secret != NULL ? strlen(secret) : 0;
    unsigned char first = slen > 0 ? (unsigned char)secret[0] : '%';
    for (size_t i = 0; i < n;) {
        /* a run no credential can start in is copied as it is */
        size_t run = i;
        while (run < n && plain_byte((unsigned char)s[run]) && s[run] != '%' && s[run] != 'b' &&
               (unsigned char)s[run] != first)
            run++;
        if (run > i) {
            put(o, s + i, run - i);
            i = run;
            continue;
        }
        size_t k = 0;
        if (slen > 0 && (s[i] == secret[0] || s[i] == '%'))
            k = match_secret(s + i, n - i, secret);
        if (k == 0 && (s[i] == 'b' || s[i] == '%'))
            k = match_key(s + i, n - i);
        if (k > 0) {
            puts_(o, "[redacted]");
            i += k;
        } else {
            put_safe_byte(o, (unsigned char)s[i++]);
        }
    }
}

/* 1 when a query parameter of this name (n bytes) carries a credential. */
static int secret_name(const char *name, size_t n)
{
    static const char *const exact[] = {"key",  "sig",     "signature", "pwd",
                                        "auth", "session", "code"};
    static const char *const parts[] = {"token",         "secret",     "passw",
                                        "apikey",        "api_key",    "api-key",
                                        "authorization", "credential", "bearer"};
    /* lower case and percent-decoded: api%5Fkey is api_key */
    char low[64];
    size_t m = 0;
    for (size_t i = 0; i < n && m + 1 < sizeof low; i++) {
        char c = name[i];
        int hi, lo;
        if (c == '%' && i + 2 < n && (hi = hexval(name[i + 1])) >= 0 &&
            (lo = hexval(name[i + 2])) >= 0) {
            c = (char)(hi * 16 + lo);
            i += 2;
        }
        low[m++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    low[m] = '\0';
    n = m;
    for (size_t i = 0; i < sizeof exact / sizeof exact[0]; i++)
        if (strcmp(low, exact[i]) == 0)
            return 1;
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        if (strlen(parts[i]) <= n && strstr(low, parts[i]) != NULL)
            return 1;
    return 0;
}

/* The request target with credentials hidden (see accesslog.h). */
static void put_target(out *o, const char *t, const char *secret)
{
    if (t == NULL) {
        putc_(o, '-');
        return;
    }
    size_t n = strlen(t);
    const char *q = memchr(t, '?', n);
    put_hiding(o, t, q ? (size_t)(q - t) : n, secret);
    if (q == NULL)
        return;
    putc_(o, '?');
    for (const char *p = q + 1, *end = t + n; p < end;) {
        const char *amp = memchr(p, '&', (size_t)(end - p));
        const char *stop = amp ? amp : end;
        const char *eq = memchr(p, '=', (size_t)(stop - p));
        if (eq != NULL && secret_name(p, (size_t)(eq - p))) {
            put_hiding(o, p, (size_t)(eq - p) + 1, secret);
            puts_(o, "[redacted]");
        } else {
            put_hiding(o, p, (size_t)(stop - p), secret);
        }
        if (amp != NULL)
            putc_(o, '&');
        p = stop + 1;
    }
}

/* "2026-11-23T18:43:57.556Z": the seconds formatted once per second per thread. */
static void put_time(out *o, const struct timespec *ts)
{
    static _Thread_local time_t cached_sec = -1;
    static _Thread_local char cached[24];
    if (ts->tv_sec != cached_sec) {
        struct tm tm;
        gmtime_r(&ts->tv_sec, &tm);
        strftime(cached, sizeof cached, "%Y-%m-%dT%H:%M:%S", &tm);
        cached_sec = ts->tv_sec;
    }
    puts_(o, cached);
    long ms = ts->tv_nsec / 1000000;
    char f[5] = {'.', (char)('0' + ms / 100), (char)('0' + ms / 10 % 10), (char)('0' + ms % 10),
                 'Z'};
    put(o, f, 5);
}

static void put_peer(out *o, const struct sockaddr *sa)
{
    if (sa != NULL && sa->sa_family == AF_INET) {
        const unsigned char *b = (const unsigned char *)&((const struct sockaddr_in *)sa)->sin_addr;
        for (int i = 0; i < 4; i++) {
            if (i > 0)
                putc_(o, '.');
            put_uint(o, b[i]);
        }
    } else if (sa != NULL && sa->sa_family == AF_INET6) {
        char a[INET6_ADDRSTRLEN];
        if (inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, a, sizeof a))
            puts_(o, a);
        else
            putc_(o, '-');
    } else {
        putc_(o, '-');
    }
}

static void put_ms(out *o, double ms)
{
    unsigned long long us = ms > 0 ? (unsigned long long)(ms * 1000.0 + 0.5) : 0;
    put_uint(o, us / 1000);
    char f[4] = {'.', (char)('0' + us / 100 % 10), (char)('0' + us / 10 % 10),
                 (char)('0' + us % 10)};
    put(o, f, 4);
}

size_t bc_access_format(char *buf, size_t n, int format, const bc_access *a, const char *secret)
{
    out o = {buf, n, 0};
    if (secret != NULL && secret[0] == '\0')
        secret = NULL;
    const char *method = a->method != NULL && a->method[0] ? a->method : "-";
    if (format == BC_ACCESS_JSON) {
        puts_(&o, "{\"time\":\"");
        put_time(&o, &a->when);
        puts_(&o, "\",\"remote\":\"");
        put_peer(&o, a->peer);
        puts_(&o, "\",\"method\":\"");
        put_safe(&o, method);
        puts_(&o, "\",\"target\":\"");
        put_target(&o, a->target, secret);
        puts_(&o, "\",\"status\":");
        put_uint(&o, (unsigned)a->status);
        puts_(&o, ",\"bytes\":");
        put_uint(&o, a->bytes);
        puts_(&o, ",\"duration_ms\":");
        put_ms(&o, a->ms);
        puts_(&o, ",\"request_id\":\"");
        put_safe(&o, a->id);
        putc_(&o, '"');
        if (a->note != NULL && a->note[0]) {
            puts_(&o, ",\"note\":\"");
            put_safe(&o, a->note);
            putc_(&o, '"');
        }
        puts_(&o, "}\n");
    } else {
        put_time(&o, &a->when);
        putc_(&o, ' ');
        put_peer(&o, a->peer);
        puts_(&o, " \"");
        put_safe(&o, method);
        putc_(&o, ' ');
        put_target(&o, a->target, secret);
        puts_(&o, "\" ");
        put_uint(&o, (unsigned)a->status);
        putc_(&o, ' ');
        put_uint(&o, a->bytes);
        putc_(&o, ' ');
        put_ms(&o, a->ms);
        puts_(&o, "ms id=");
        put_safe(&o, a->id);
        if (a->note != NULL && a->note[0]) {
            puts_(&o, " note=\"");
            put_safe(&o, a->note);
            putc_(&o, '"');
        }
        putc_(&o, '\n');
    }
    return o.len;
}
