/* text.c: UTF-8 validation, folding (libutf8proc: case folding, decomposition, marks
 * stripped; a short table for the letters it cannot reduce) and slug keys. */
#include "bordercoop/text.h"

#include "bordercoop/err.h"
#include "bordercoop/sha256.h"

#include <string.h>
#include <utf8proc.h>

size_t bc_utf8_decode(const char *str, size_t n, unsigned int *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    if (n == 0)
        return 0;
    unsigned int c = s[0];
    if (c < 0x80) {
        if (c != 0)
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

int bc_text_is_cjk(unsigned int cp)
{
    return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0x20000 && cp <= 0x3134F);
}

int bc_text_is_letter(unsigned int cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return 1;
    default:
        return 0;
    }
}

unsigned int bc_text_narrow(unsigned int cp)
{
    if ((cp >= 0xFF10 && cp <= 0xFF19) || (cp >= 0xFF21 && cp <= 0xFF3A) ||
        (cp >= 0xFF41 && cp <= 0xFF5A))
        return cp - 0xFEE0;
    return cp;
}

int bc_utf8_valid(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned int cp;
        size_t len = bc_utf8_decode(s + i, n - i, &cp);
        if (len == 0)
            return 0;
        i += len;
    }
    return 1;
}

/* Letters whose folding libutf8proc cannot give (no decomposition to a base letter, or
 * a ligature), sorted by code point; every other code point is case-folded,
 * decomposed and stripped of its marks by libutf8proc. */
static const struct fold_exception {
    unsigned int cp;
    char ascii[3];
} EXCEPTIONS[] = {
    {0x00C6, "ae"}, {0x00D0, "d"},  {0x00D8, "o"},  {0x00DE, "th"}, {0x00E6, "ae"}, {0x00F0, "d"},
    {0x00F8, "o"},  {0x00FE, "th"}, {0x0110, "d"},  {0x0111, "d"},  {0x0126, "h"},  {0x0127, "h"},
    {0x0131, "i"},  {0x0132, "ij"}, {0x0133, "ij"}, {0x013F, "l"},  {0x0140, "l"},  {0x0141, "l"},
    {0x0142, "l"},  {0x0149, "n"},  {0x0152, "oe"}, {0x0153, "oe"}, {0x0166, "t"},  {0x0167, "t"},
    {0x0180, "b"},  {0x0197, "i"},  {0x01B5, "z"},  {0x01B6, "z"},  {0x0246, "e"},  {0x0247, "e"},
};

static const char *fold_exception(unsigned int cp)
{
    size_t lo = 0, hi = sizeof EXCEPTIONS / sizeof EXCEPTIONS[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (EXCEPTIONS[mid].cp == cp)
            return EXCEPTIONS[mid].ascii;
        if (EXCEPTIONS[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

/* Writes the folded UTF-8 of cp into buf (at least 32 bytes); returns its length, 0
 * when nothing is left (a mark), -1 when libutf8proc refuses cp (then it is kept as it
 * is). */
static long fold_cp(unsigned int cp, char *buf)
{
    const char *ex = fold_exception(cp);
    if (ex != NULL) {
        size_t n = strlen(ex);
        memcpy(buf, ex, n);
        return (long)n;
    }
    utf8proc_int32_t out[8];
    int last = 0;
    utf8proc_ssize_t k =
        utf8proc_decompose_char((utf8proc_int32_t)cp, out, 8,
                                UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK, &last);
    if (k < 0 || k > 8)
        return -1;
    long n = 0;
    for (utf8proc_ssize_t i = 0; i < k; i++)
        n += (long)utf8proc_encode_char(out[i], (utf8proc_uint8_t *)buf + n);
    return n;
}

#define FOLD_SLUG   1 /* bc_text_slug: runs of other ASCII characters as one '-' */
#define FOLD_NARROW 2 /* bc_text_fold_search: fullwidth letters and digits as ASCII */

/* Appends the folded pieces of s to out; shared by fold, its search form and slug. */
static int fold_each(const char *s, size_t n, bc_buf *out, int mode)
{
    int slug = (mode & FOLD_SLUG) != 0;
    size_t i = 0;
    int pending_sep = 0; /* slug: a separator seen since the last kept character */
    size_t start_len = out->len;
    while (i < n) {
        unsigned int cp;
        size_t len = bc_utf8_decode(s + i, n - i, &cp);
        if (len == 0)
            return BC_EINVAL;
        if (mode & FOLD_NARROW)
            cp = bc_text_narrow(cp);
        const char *piece = NULL;
        size_t piece_len = 0;
        char one, folded[32];
        if (cp < 0x80) {
            one = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
            int alnum = (one >= 'a' && one <= 'z') || (one >= '0' && one <= '9');
            if (slug && !alnum) {
                pending_sep = 1;
                i += len;
                continue;
            }
            piece = &one, piece_len = 1;
        } else {
            long flen = fold_cp(cp, folded);
            if (flen == 0) {
                i += len; /* a mark: dropped */
                continue;
            }
            piece = flen > 0 ? folded : s + i;
            piece_len = flen > 0 ? (size_t)flen : len;
        }
        if (slug && pending_sep && out->len > start_len)
            bc_buf_putc(out, '-');
        pending_sep = 0;
        /* one byte at a time for most of a text: written in place while it fits, as
         * bc_buf_append would (the NUL after it kept) */
        if (piece_len == 1 && !out->failed && out->len + 2 <= out->cap) {
            out->data[out->len++] = *piece;
            out->data[out->len] = '\0';
        } else {
            bc_buf_append(out, piece, piece_len);
        }
        i += len;
    }
    return bc_buf_failed(out) ? BC_ENOMEM : BC_OK;
}

int bc_text_fold(const char *s, size_t n, bc_buf *out)
{
    return fold_each(s, n, out, 0);
}

int bc_text_fold_search(const char *s, size_t n, bc_buf *out)
{
    return fold_each(s, n, out, FOLD_NARROW);
}

int bc_text_slug(const char *s, size_t n, bc_buf *out)
{
    return fold_each(s, n, out, FOLD_SLUG);
}

/* Cuts b back to its first len bytes (still NUL-terminated). */
static void truncate_to(bc_buf *b, size_t len)
{
    b->len = len;
    if (b->data != NULL)
        b->data[len] = '\0';
}

int bc_text_latin_ascii(const char *s, size_t n, bc_buf *out)
{
    size_t i = 0, start = out->len;
    int changed = 0;
    while (i < n) {
        unsigned int cp;
        size_t len = bc_utf8_decode(s + i, n - i, &cp);
        if (len == 0)
            return BC_EINVAL;
        char folded[32];
        long flen = cp < 0x80 ? 0 : fold_cp(cp, folded);
        if (cp >= 0x80 && (flen < 0 || (flen > 0 && (unsigned char)folded[0] >= 0x80))) {
            truncate_to(out, start); /* a letter with no Latin base (Chinese) */
            return 0;
        }
        if (cp >= 0x80 && flen == 0) {
            changed = 1; /* a combining mark: dropped */
        } else if (cp < 0x80) {
            bc_buf_putc(out, (char)cp);
        } else {
            /* the base letter, upper case where the letter was ("Đ" -> "D", "ĩ" -> "i") */
            if (utf8proc_tolower((utf8proc_int32_t)cp) != (utf8proc_int32_t)cp &&
                folded[0] >= 'a' && folded[0] <= 'z')
                folded[0] = (char)(folded[0] - 32);
            bc_buf_append(out, folded, (size_t)flen);
            changed = 1;
        }
        i += len;
    }
    if (bc_buf_failed(out))
        return BC_ENOMEM;
    if (!changed)
        truncate_to(out, start);
    return changed;
}

size_t bc_text_control(const char *s, size_t n, int mode)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = p[i];
        if (c < 0x20) {
            if (mode == BC_TEXT_LINES && (c == '\t' || c == '\n' || c == '\r'))
                continue;
            return i;
        }
        if (c == 0x7f || (c == 0xc2 && i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] <= 0x9f))
            return i;
    }
    return n;
}

size_t bc_text_invisible(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i + 2 < n; i++) {
        if (p[i] == 0xe2 && p[i + 1] == 0x80 &&
            ((p[i + 2] >= 0x8b && p[i + 2] <= 0x8f) || (p[i + 2] >= 0xa8 && p[i + 2] <= 0xae)))
            return i; /* U+200B..U+200F, U+2028..U+202E */
        if (p[i] == 0xe2 && p[i + 1] == 0x81 && p[i + 2] >= 0xa6 && p[i + 2] <= 0xa9)
            return i; /* U+2066..U+2069 */
        if (p[i] == 0xef && p[i + 1] == 0xbb && p[i + 2] == 0xbf)
            return i; /* U+FEFF */
    }
    return n;
}

const char *bc_text_invisible_name(const char *s, size_t n)
{
    static const struct {
        unsigned int cp;
        const char *name;
    } NAMES[] = {
        {0x200B, "U+200B, a zero-width space"},
        {0x200C, "U+200C, a zero-width non-joiner"},
        {0x200D, "U+200D, a zero-width joiner"},
        {0x200E, "U+200E, a left-to-right mark"},
        {0x200F, "U+200F, a right-to-left mark"},
        {0x2028, "U+2028, a line separator (a line break inside one line)"},
        {0x2029, "U+2029, a paragraph separator (a paragraph break inside one line)"},
        {0x202A, "U+202A, a left-to-right embedding"},
        {0x202B, "U+202B, a right-to-left embedding"},
        {0x202C, "U+202C, a pop directional formatting"},
        {0x202D, "U+202D, a left-to-right override"},
        {0x202E, "U+202E, a right-to-left override"},
        {0x2066, "U+2066, a left-to-right isolate"},
        {0x2067, "U+2067, a right-to-left isolate"},
        {0x2068, "U+2068, a first strong isolate"},
        {0x2069, "U+2069, a pop directional isolate"},
        {0xFEFF, "U+FEFF, a zero-width no-break space (byte order mark)"},
    };
    unsigned int cp = 0;
    if (bc_utf8_decode(s, n, &cp) == 0)
        cp = 0;
    for (size_t i = 0; i < sizeof NAMES / sizeof NAMES[0]; i++)
        if (NAMES[i].cp == cp)
            return NAMES[i].name;
    return "an invisible formatting character";
}

void bc_xml_text(bc_buf *b, const char *s)
{
    static const char REPLACEMENT[] = "\xef\xbf\xbd"; /* U+FFFD */
    const unsigned char *p = (const unsigned char *)s;
    size_t n = s != NULL ? strlen(s) : 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = p[i];
        if (c >= 0x80) {
            unsigned int cp;
            size_t len = bc_utf8_decode(s + i, n - i, &cp);
            if (len == 0 || cp == 0xFFFE || cp == 0xFFFF)
                bc_buf_puts(b, REPLACEMENT);
            else
                bc_buf_append(b, s + i, len);
            i += len ? len : 1;
            continue;
        }
        switch (c) {
        case '&':
            bc_buf_puts(b, "&amp;");
            break;
        case '<':
            bc_buf_puts(b, "&lt;");
            break;
        case '>':
            bc_buf_puts(b, "&gt;");
            break;
        case '"':
            bc_buf_puts(b, "&quot;");
            break;
        case '\'':
            bc_buf_puts(b, "&apos;");
            break;
        default:
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                bc_buf_puts(b, REPLACEMENT);
            else
                bc_buf_putc(b, (char)c);
        }
        i++;
    }
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

/* The length of the dash or quotation mark at s[i] (of n bytes) that a copy may write
 * otherwise, with the ASCII mark it stands for in *ascii; 0 when none. */
static size_t typographic_mark(const unsigned char *s, size_t i, size_t n, char *ascii)
{
    if (i + 2 >= n || s[i] != 0xe2)
        return 0;
    unsigned b1 = s[i + 1], b2 = s[i + 2];
    if (b1 == 0x80 && b2 >= 0x90 && b2 <= 0x95) /* hyphens, en and em dashes */
        *ascii = '-';
    else if (b1 == 0x88 && b2 == 0x92) /* minus sign */
        *ascii = '-';
    else if (b1 == 0x80 && (b2 == 0x98 || b2 == 0x99)) /* single quotation marks */
        *ascii = '\'';
    else if (b1 == 0x80 && (b2 == 0x9c || b2 == 0x9d)) /* double quotation marks */
        *ascii = '"';
    else
        return 0;
    return 3;
}

/* Appends the squeezed form of the folded text f (n bytes) to out (empty before): runs of
 * white space (a no-break space too) as one space, none at either end, typographic dashes
 * and quotation marks as their ASCII marks. *at is where the text from f[from] on begins
 * in out: f[from..n) squeezed alone is out from *at on (f[from - 1] ends a line). */
static void squeeze(const char *f, size_t n, size_t from, size_t *at, bc_buf *out)
{
    int gap = 0, seen = 0;
    *at = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)f[i];
        int space = c == ' ' || c == '\t' || c == '\r' || c == '\n' ||
                    (c == 0xc2 && i + 1 < n && (unsigned char)f[i + 1] == 0xa0);
        if (space) {
            i += c == 0xc2;
            gap = out->len > 0;
            continue;
        }
        if (gap)
            bc_buf_putc(out, ' ');
        gap = 0;
        if (i >= from && !seen)
            *at = out->len, seen = 1;
        char ascii;
        size_t mark = typographic_mark((const unsigned char *)f, i, n, &ascii);
        if (mark > 0) {
            bc_buf_putc(out, ascii); /* "–" and "-", "“" and "\"" are one mark */
            i += mark - 1;
            continue;
        }
        bc_buf_putc(out, (char)c);
    }
    if (!seen)
        *at = out->len;
}

/* Where the body of s begins: after the headline (the first line with text) when more
 * text follows it, else 0. */
static size_t body_start(const char *s, size_t n)
{
    size_t at = 0;
    while (at < n && (s[at] == ' ' || s[at] == '\t' || s[at] == '\r' || s[at] == '\n'))
        at++;
    const char *nl = memchr(s + at, '\n', n - at);
    if (nl != NULL) {
        size_t rest = (size_t)(nl - s) + 1;
        for (size_t i = rest; i < n; i++)
            if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
                return rest;
    }
    return 0;
}

/* The body key (into body when not NULL, with its code in *body_rc) and the whole key
 * (whole, *whole_rc) of s, from one folding and one squeezing of the text: the body is the
 * text's end, so its squeezed form is the end of the whole one. A key is "" unless its
 * code is 0; a headline that is not UTF-8 spoils the whole key only. */
static void text_keys(const char *s, size_t n, char *body, int *body_rc, char *whole, int *whole_rc)
{
    size_t from = body_start(s, n);
    bc_buf folded = BC_BUF_INIT, squeezed = BC_BUF_INIT;
    int head = whole != NULL ? bc_text_fold(s, from, &folded) : BC_EINVAL;
    if (head == BC_EINVAL)
        truncate_to(&folded, 0);
    size_t h = folded.len;
    int rest = bc_text_fold(s + from, n - from, &folded);
    if (bc_buf_failed(&folded))
        head = rest = BC_ENOMEM;
    int whole_ok = whole != NULL && head == BC_OK && rest == BC_OK;
    size_t at = 0;
    if (whole_ok)
        squeeze(folded.data != NULL ? folded.data : "", folded.len, h, &at, &squeezed);
    else if (rest == BC_OK)
        squeeze(folded.data != NULL ? folded.data + h : "", folded.len - h, 0, &at, &squeezed);
    if (bc_buf_failed(&squeezed))
        head = rest = BC_ENOMEM, whole_ok = 0;
    const char *sq = squeezed.data != NULL ? squeezed.data : "";
    if (whole != NULL) {
        whole[0] = '\0';
        *whole_rc = whole_ok ? BC_OK : head != BC_OK ? head : rest;
        if (whole_ok)
            bc_sha256_hex(sq, squeezed.len, whole);
    }
    if (body != NULL) {
        body[0] = '\0';
        *body_rc = rest;
        if (rest == BC_OK)
            bc_sha256_hex(sq + at, squeezed.len - at, body);
    }
    bc_buf_free(&folded);
    bc_buf_free(&squeezed);
}

int bc_text_body_key(const char *s, size_t n, char out[65])
{
    int rc;
    text_keys(s, n, out, &rc, NULL, NULL);
    return rc;
}

int bc_text_whole_key(const char *s, size_t n, char out[65])
{
    int rc;
    text_keys(s, n, NULL, NULL, out, &rc);
    return rc;
}

int bc_text_copy_keys(const char *s, size_t n, char body[65], char whole[65])
{
    int body_rc, whole_rc;
    text_keys(s, n, body, &body_rc, whole, &whole_rc);
    return body_rc == BC_ENOMEM || whole_rc == BC_ENOMEM ? BC_ENOMEM : BC_OK;
}

const char *bc_text_a(const char *s)
{
    return s != NULL && s[0] != '\0' && strchr("aeiouAEIOU", s[0]) != NULL ? "an" : "a";
}

int bc_text_listed(const char *list, const char *w, size_t n)
{
    /* "|w|" as one search of the list (a long list of a body's names is read for every
     * word of a quote); a word too long for the buffer, or holding a NUL, entry by entry */
    char needle[128];
    if (n + 3 <= sizeof needle && memchr(w, '\0', n) == NULL) {
        needle[0] = '|';
        memcpy(needle + 1, w, n);
        needle[n + 1] = '|';
        needle[n + 2] = '\0';
        return strstr(list, needle) != NULL;
    }
    for (const char *p = strchr(list, '|'); p != NULL && p[1] != '\0'; p = strchr(p + 1, '|'))
        if (strncmp(p + 1, w, n) == 0 && p[1 + n] == '|')
            return 1;
    return 0;
}
