/* strict.c: request-framing checks on top of libmicrohttpd (see strict.h). */
#include "bordercoop/strict.h"

#include <stdarg.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

void bc_strict_init(bc_strict *s)
{
    memset(s, 0, sizeof *s);
}

static void refuse(bc_strict *s, int status, const char *code, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void refuse(bc_strict *s, int status, const char *code, const char *fmt, ...)
{
    if (s->status != 0)
        return; /* the first violation is the one reported */
    s->status = status;
    s->code = code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(s->detail, sizeof s->detail, fmt, ap);
    va_end(ap);
    /* the detail quotes client bytes: keep it printable ASCII (and valid JSON text) */
    for (char *p = s->detail; *p; p++)
        if ((unsigned char)*p < 0x20 || (unsigned char)*p >= 0x7f)
            *p = '?';
}

/* RFC 9110 5.6.2 tchar: ALPHA, DIGIT and "!#$%&'*+-.^_`|~" (no strchr: every header name
 * of every request is checked byte by byte, and a switch compiles to a bit test) */
static int tchar(unsigned char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return 1;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return 1;
    default:
        return 0;
    }
}

int bc_strict_is_token(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!tchar((unsigned char)s[i]))
            return 0;
    return 1;
}

int bc_strict_target_ok(const char *target, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)target[i];
        if (c < 0x21 || c > 0x7e)
            return 0;
    }
    return 1;
}

static int name_is(const char *name, size_t n, const char *want)
{
    return strlen(want) == n && strncasecmp(name, want, n) == 0;
}

/* 1 when v (n bytes) is 1*DIGIT small enough for 64 bits; the value in *out. */
static int parse_length(const char *v, size_t n, uint64_t *out)
{
    uint64_t x = 0;
    if (n == 0 || n > 19)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (v[i] < '0' || v[i] > '9')
            return 0;
        x = x * 10 + (uint64_t)(v[i] - '0');
    }
    *out = x;
    return 1;
}

/* 1 when v (n bytes) is uri-host [ ":" port ] (RFC 3986 3.2.2, RFC 9112 3.2): a
 * reg-name of unreserved, sub-delims and percent-encoded bytes, or an IP literal in
 * brackets, and a port of at most 5 digits up to 65535. Not empty, no userinfo. */
static int host_ok(const char *v, size_t n)
{
    size_t i = 0;
    if (n > 0 && v[0] == '[') {
        while (i < n && v[i] != ']') {
            char c = v[i++];
            if (!(isxdigit((unsigned char)c) || c == ':' || c == '.' || c == '[' || c == 'v' ||
                  c == 'V'))
                return 0;
        }
        if (i >= n || i < 3)
            return 0;
        i++;
    } else {
        for (; i < n && v[i] != ':'; i++) {
            unsigned char c = (unsigned char)v[i];
            if (c == '%' && i + 2 < n && isxdigit((unsigned char)v[i + 1]) &&
                isxdigit((unsigned char)v[i + 2])) {
                i += 2;
                continue;
            }
            if (!(isalnum(c) || strchr("-._~!$&'()*+,;=", c) != NULL) || c == '\0')
                return 0;
        }
        if (i == 0)
            return 0;
    }
    if (i == n)
        return 1;
    if (v[i] != ':')
        return 0;
    uint64_t port = 0;
    size_t digits = n - i - 1;
    if (digits == 0)
        return 1; /* "host:" is an empty port, which RFC 3986 allows */
    return parse_length(v + i + 1, digits, &port) && digits <= 5 && port <= 65535;
}

void bc_strict_field(bc_strict *s, const char *name, size_t name_len, const char *value,
                     size_t value_len)
{
    if (!bc_strict_is_token(name, name_len)) {
        refuse(s, 400, "malformed_header",
               "header name '%.*s' is not a token (whitespace before the colon, or a "
               "character a name cannot hold)",
               (int)(name_len < 40 ? name_len : 40), name);
        return;
    }
    for (size_t i = 0; i < value_len; i++) {
        unsigned char c = (unsigned char)value[i];
        if ((c < 0x20 && c != '\t') || c == 0x7f) {
            refuse(s, 400, "malformed_header", "header '%.*s' holds a control byte (0x%02x)",
                   (int)(name_len < 40 ? name_len : 40), name, c);
            return;
        }
    }
    if (name_is(name, name_len, "Content-Length")) {
        s->content_lengths++;
        uint64_t v = 0;
        if (!parse_length(value, value_len, &v))
            refuse(s, 400, "malformed_header", "Content-Length '%.*s' is not a number",
                   (int)(value_len < 40 ? value_len : 40), value);
        else if (s->content_lengths > 1 && v != s->content_length)
            refuse(s, 400, "conflicting_framing", "two different Content-Length values");
        else if (s->content_lengths > 1)
            refuse(s, 400, "conflicting_framing", "Content-Length is given twice");
        s->content_length = v;
    } else if (name_is(name, name_len, "Transfer-Encoding")) {
        s->transfer_encodings++;
        if (s->transfer_encodings > 1)
            refuse(s, 400, "conflicting_framing", "Transfer-Encoding is given twice");
        else if (value_len == 7 && strncasecmp(value, "chunked", 7) == 0)
            s->chunked = 1;
        else
            refuse(s, 501, "unsupported_transfer_coding",
                   "transfer coding '%.*s' is not supported; only chunked is",
                   (int)(value_len < 40 ? value_len : 40), value);
    } else if (name_is(name, name_len, "Host")) {
        s->hosts++;
        if (s->hosts > 1)
            refuse(s, 400, "conflicting_host", "Host is given twice");
        else if (!host_ok(value, value_len))
            refuse(s, 400, "invalid_host",
                   "Host '%.*s' is not a host with an optional port (RFC 9112 3.2)",
                   (int)(value_len < 60 ? value_len : 60), value);
    } else if (name_is(name, name_len, "Authorization")) {
        /* which credential would count is ambiguous (a proxy may pick the other one) */
        s->authorizations++;
        if (s->authorizations > 1)
            refuse(s, 400, "conflicting_authorization", "Authorization is given twice");
    } else if (name_is(name, name_len, "Content-Type")) {
        s->content_types++;
        if (s->content_types > 1)
            refuse(s, 400, "conflicting_header", "Content-Type is given twice");
    }
}

int bc_strict_finish(bc_strict *s, int http11)
{
    if (s->transfer_encodings > 0 && s->content_lengths > 0)
        refuse(s, 400, "conflicting_framing",
               "Content-Length and Transfer-Encoding together: the body's length is ambiguous");
    if (s->transfer_encodings > 0 && !http11)
        refuse(s, 400, "conflicting_framing", "Transfer-Encoding on an HTTP/1.0 request");
    if (http11 && s->hosts == 0)
        refuse(s, 400, "missing_host", "an HTTP/1.1 request needs a Host header");
    return s->status;
}
