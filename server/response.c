/* response.c: handler responses and problem details. */
#include "bordercoop/response.h"

#include "bordercoop/alloc.h"
#include "bordercoop/err.h"
#include "bordercoop/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

void bc_response_init(bc_response *res)
{
    res->status = 200;
    res->content_type = "application/json";
    bc_buf_init(&res->body);
    res->nheaders = 0;
    res->log_note[0] = '\0';
    res->cacheable = 0;
    res->generation_changed = 0;
}

void bc_response_free(bc_response *res)
{
    if (res == NULL)
        return;
    bc_buf_free(&res->body);
    for (int i = 0; i < res->nheaders; i++) {
        bc_free(res->headers[i].value);
        res->headers[i].value = NULL;
    }
    res->nheaders = 0;
}

int bc_response_header(bc_response *res, const char *name, const char *fmt, ...)
{
    if (res->nheaders >= BC_RESPONSE_MAX_HEADERS || strlen(name) >= sizeof res->headers[0].name)
        return BC_ETOOBIG;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return BC_EINVAL;
    char *value = bc_malloc((size_t)n + 1);
    if (value == NULL)
        return BC_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(value, (size_t)n + 1, fmt, ap);
    va_end(ap);
    bc_header *h = &res->headers[res->nheaders++];
    snprintf(h->name, sizeof h->name, "%s", name);
    h->value = value;
    return BC_OK;
}

const char *bc_response_header_get(const bc_response *res, const char *name)
{
    for (int i = 0; i < res->nheaders; i++)
        if (strcasecmp(res->headers[i].name, name) == 0)
            return res->headers[i].value;
    return NULL;
}

const char *bc_status_title(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Content";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    default:
        return "Error";
    }
}

/* The length of an API key at s ("bck_" and 16 or more base64url characters, as
 * keys.h makes them; percent-encoded input is decoded before it reaches a detail), or 0. */
static size_t key_span(const char *s)
{
    if (strncmp(s, "bck_", 4) != 0)
        return 0;
    size_t j = 4;
    while ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') ||
           (s[j] >= '0' && s[j] <= '9') || s[j] == '-' || s[j] == '_')
        j++;
    return j >= 20 ? j : 0;
}

/* Replaces every API key in s with "[redacted]", in place (a key is longer): a detail
 * quotes client input, and a key pasted into a URL must not come back in an answer that
 * caches, logs or screenshots keep. */
static void hide_keys(char *s)
{
    char *w = s;
    for (const char *r = s; *r;) {
        size_t k = *r == 'b' ? key_span(r) : 0;
        if (k > 0) {
            memcpy(w, "[redacted]", 10);
            w += 10;
            r += k;
        } else {
            *w++ = *r++;
        }
    }
    *w = '\0';
}

/* Appends the n bytes at s to b as a person should see them quoted back: every invisible
 * format character (bc_text_invisible's: bidirectional overrides and isolates, zero-width
 * spaces and marks, U+2028, U+2029, U+FEFF) and every control character (C0, DEL, C1)
 * written as its code point in brackets ("<U+202E>"), the rest copied. */
static void show_visibly(bc_buf *b, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        size_t hide = bc_text_invisible(s + i, n - i);
        size_t ctl = bc_text_control(s + i, n - i, BC_TEXT_LINE);
        size_t k = hide < ctl ? hide : ctl;
        bc_buf_append(b, s + i, k);
        i += k;
        if (i >= n)
            break;
        unsigned cp, len;
        if (k == hide) { /* three bytes: E2 80 xx, E2 81 xx or EF BB BF */
            cp = (p[i] & 0x0fu) << 12 | (p[i + 1] & 0x3fu) << 6 | (p[i + 2] & 0x3fu);
            len = 3;
        } else if (p[i] == 0xc2) { /* C1: C2 80..C2 9F */
            cp = p[i + 1];
            len = 2;
        } else {
            cp = p[i];
            len = 1;
        }
        bc_buf_printf(b, "<U+%04X>", cp);
        i += len;
    }
}

/* bc_problem and bc_problem_ext: the detail from fmt and ap, then the members. */
static int problem(bc_response *res, int status, const char *code, const char *parameter,
                   const char *members, const char *fmt, va_list ap)
{
    char detail[1024];
    vsnprintf(detail, sizeof detail, fmt, ap);
    /* the detail may quote client input: never let it break the JSON or echo a key */
    hide_keys(detail);
    if (!bc_utf8_valid(detail, strlen(detail)))
        for (char *c = detail; *c; c++)
            if ((unsigned char)*c >= 0x80)
                *c = '?';
    res->status = status;
    res->cacheable = 0;
    res->content_type = "application/problem+json";
    bc_buf_reset(&res->body);
    bc_buf_printf(&res->body, "{\"type\":\"about:blank\",\"title\":\"%s\",\"status\":%d,",
                  bc_status_title(status), status);
    /* nor reorder or hide what it says: invisible and control characters are shown by
     * their code points (a U+202E in a path would turn the rest of the message around) */
    bc_buf shown = BC_BUF_INIT;
    show_visibly(&shown, detail, strlen(detail));
    bc_buf_puts(&res->body, "\"detail\":");
    if (bc_buf_failed(&shown) || shown.data == NULL) {
        /* out of memory: the detail is still said (a committed write's "was stored as"
         * must not become an empty 500), its bytes outside printable ASCII as '?' */
        for (char *c = detail; *c; c++)
            if ((unsigned char)*c < 0x20 || (unsigned char)*c >= 0x7f)
                *c = '?';
        bc_buf_json_string(&res->body, detail, strlen(detail));
    } else {
        bc_buf_json_string(&res->body, shown.data, shown.len);
    }
    bc_buf_puts(&res->body, ",\"code\":");
    bc_buf_json_string(&res->body, code, strlen(code));
    if (parameter != NULL && bc_utf8_valid(parameter, strlen(parameter)) &&
        strstr(parameter, "bck_") == NULL) {
        bc_buf_reset(&shown);
        show_visibly(&shown, parameter, strlen(parameter));
        bc_buf_puts(&res->body, ",\"parameter\":");
        bc_buf_json_string(&res->body, shown.data ? shown.data : "", shown.len);
    }
    bc_buf_free(&shown);
    if (members != NULL && members[0] != '\0') {
        bc_buf_putc(&res->body, ',');
        bc_buf_puts(&res->body, members);
    }
    bc_buf_putc(&res->body, '}');
    return status;
}

int bc_problem(bc_response *res, int status, const char *code, const char *parameter,
               const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int st = problem(res, status, code, parameter, NULL, fmt, ap);
    va_end(ap);
    return st;
}

int bc_problem_ext(bc_response *res, int status, const char *code, const char *parameter,
                   const char *members, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int st = problem(res, status, code, parameter, members, fmt, ap);
    va_end(ap);
    return st;
}

int bc_problem_internal(bc_response *res, const char *cause, const char *fmt, ...)
{
    if (cause != NULL)
        snprintf(res->log_note, sizeof res->log_note, "%.255s", cause);
    char detail[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof detail, fmt, ap);
    va_end(ap);
    return bc_problem(res, 500, "internal_error", NULL, "%s", detail);
}
