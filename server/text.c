/* text.c: UTF-8 validation, diacritic folding and slug keys. */
#include "bordercoop/text.h"

#include "bordercoop/err.h"

#include <string.h>

#include "text_fold_table.h"

/* Decodes one code point at s[0..n); returns its length (1..4) or 0 when malformed. */
static size_t utf8_decode(const unsigned char *s, size_t n, unsigned int *cp)
{
    if (n == 0)
        return 0;
    unsigned int c = s[0];
    if (c < 0x80) {
        *cp = c;
        return c == 0 ? 0 : 1;
    }
    size_t len;
    unsigned int min;
    if ((c & 0xE0) == 0xC0) {
        len = 2, min = 0x80, c &= 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3, min = 0x800, c &= 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4, min = 0x10000, c &= 0x07;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

int bc_utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned int cp;
        size_t len = utf8_decode(p + i, n - i, &cp);
        if (len == 0)
            return 0;
        i += len;
    }
    return 1;
}

static const char *fold_lookup(unsigned int cp)
{
    size_t lo = 0, hi = sizeof fold_table / sizeof fold_table[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (fold_table[mid].cp == cp)
            return fold_table[mid].ascii;
        if (fold_table[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* Calls emit for each folded piece of s; shared by fold and slug. */
static int fold_each(const char *s, size_t n, bc_buf *out, int slug)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    int pending_sep = 0; /* slug: a separator seen since the last kept character */
    size_t start_len = out->len;
    while (i < n) {
        unsigned int cp;
        size_t len = utf8_decode(p + i, n - i, &cp);
        if (len == 0)
            return BC_EINVAL;
        const char *piece = NULL;
        size_t piece_len = 0;
        char one;
        if (cp < 0x80) {
            one = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
            int alnum = (one >= 'a' && one <= 'z') || (one >= '0' && one <= '9');
            if (slug && !alnum) {
                pending_sep = 1;
                i += len;
                continue;
            }
            piece = &one, piece_len = 1;
        } else if (cp >= 0x0300 && cp <= 0x036F) {
            i += len; /* combining mark: dropped */
            continue;
        } else if ((piece = fold_lookup(cp)) != NULL) {
            piece_len = strlen(piece);
        } else {
            piece = s + i, piece_len = len;
        }
        if (slug && pending_sep && out->len > start_len)
            bc_buf_putc(out, '-');
        pending_sep = 0;
        bc_buf_append(out, piece, piece_len);
        i += len;
    }
    return bc_buf_failed(out) ? BC_ENOMEM : BC_OK;
}

int bc_text_fold(const char *s, size_t n, bc_buf *out)
{
    return fold_each(s, n, out, 0);
}

int bc_text_slug(const char *s, size_t n, bc_buf *out)
{
    return fold_each(s, n, out, 1);
}

int bc_text_is_id(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 120 || s[0] == '-' || s[n - 1] == '-')
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '-') {
            if (s[i + 1] == '-')
                return 0;
        } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
            return 0;
        }
    }
    return 1;
}

long bc_text_find(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
    if (nlen == 0 || nlen > hlen)
        return -1;
    const char *end = hay + (hlen - nlen);
    for (const char *p = hay; p <= end; p++) {
        p = memchr(p, needle[0], (size_t)(end - p) + 1);
        if (p == NULL)
            return -1;
        if (memcmp(p, needle, nlen) == 0)
            return (long)(p - hay);
    }
    return -1;
}
