/* buf.c: growable byte buffer with sticky allocation failure. */
#include "bordercoop/buf.h"

#include "bordercoop/alloc.h"
#include "bordercoop/err.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void bc_buf_init(bc_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = 0;
}

void bc_buf_free(bc_buf *b)
{
    bc_free(b->data);
    bc_buf_init(b);
}

void bc_buf_reset(bc_buf *b)
{
    b->len = 0;
    b->failed = 0;
    if (b->data != NULL)
        b->data[0] = '\0';
}

int bc_buf_reserve(bc_buf *b, size_t n)
{
    if (b->failed)
        return BC_ENOMEM;
    if (n > ((size_t)-1) / 2 - b->len) {
        b->failed = 1;
        return BC_ENOMEM;
    }
    size_t need = b->len + n + 1;
    if (need <= b->cap)
        return BC_OK;
    size_t cap = b->cap < 256 ? 256 : b->cap;
    while (cap < need)
        cap *= 2;
    char *p = bc_realloc(b->data, cap);
    if (p == NULL) {
        b->failed = 1;
        return BC_ENOMEM;
    }
    b->data = p;
    b->cap = cap;
    return BC_OK;
}

void bc_buf_append(bc_buf *b, const void *data, size_t n)
{
    if (bc_buf_reserve(b, n) != BC_OK)
        return;
    if (n > 0)
        memcpy(b->data + b->len, data, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void bc_buf_puts(bc_buf *b, const char *s)
{
    bc_buf_append(b, s, strlen(s));
}

void bc_buf_putc(bc_buf *b, char c)
{
    bc_buf_append(b, &c, 1);
}

void bc_buf_printf(bc_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char small[256];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = 1;
        return;
    }
    if ((size_t)n < sizeof small) {
        bc_buf_append(b, small, (size_t)n);
        return;
    }
    if (bc_buf_reserve(b, (size_t)n) != BC_OK)
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void bc_buf_json_string(bc_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    bc_buf_putc(b, '"');
    size_t run = 0; /* start of the current run of bytes needing no escape */
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        bc_buf_append(b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"':
            bc_buf_puts(b, "\\\"");
            break;
        case '\\':
            bc_buf_puts(b, "\\\\");
            break;
        case '\n':
            bc_buf_puts(b, "\\n");
            break;
        case '\r':
            bc_buf_puts(b, "\\r");
            break;
        case '\t':
            bc_buf_puts(b, "\\t");
            break;
        default: {
            char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            bc_buf_append(b, esc, sizeof esc);
        }
        }
    }
    bc_buf_append(b, s + run, n - run);
    bc_buf_putc(b, '"');
}

int bc_buf_failed(const bc_buf *b)
{
    return b->failed;
}

char *bc_buf_steal(bc_buf *b, size_t *len)
{
    if (b->failed) {
        bc_buf_free(b);
        return NULL;
    }
    if (b->data == NULL && bc_buf_reserve(b, 0) != BC_OK)
        return NULL;
    if (b->len == 0)
        b->data[0] = '\0';
    char *data = b->data;
    if (len != NULL)
        *len = b->len;
    bc_buf_init(b);
    return data;
}
