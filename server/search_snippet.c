/* search_snippet.c: a snippet's window that cuts a hit made whole (search_snippet.h): the
 * snippet's text, marks left out, is found in the whole column's, and its ends are moved
 * out of any hit they fall in. */
#include "bordercoop/search_snippet.h"

#include "bordercoop/alloc.h"

#include <string.h>

#define ELLIPSIS     "\xe2\x80\xa6" /* … */
#define ELLIPSIS_LEN 3

static int is_mark(char c)
{
    return c == 1 || c == 2;
}

/* The text of the n bytes at s without marks into out; when map is not NULL, map[i] is
 * the position in s of the byte i of out. */
static void unmark(const char *s, size_t n, bc_buf *out, size_t *map)
{
    for (size_t i = 0; i < n; i++)
        if (!is_mark(s[i])) {
            if (map != NULL)
                map[out->len] = i;
            bc_buf_putc(out, s[i]);
        }
}

/* 1 when position at of full (before the byte there) is inside a hit: the last mark
 * before it opens one. */
static int inside(const char *full, size_t at)
{
    while (at > 0) {
        at--;
        if (full[at] == 1)
            return 1;
        if (full[at] == 2)
            return 0;
    }
    return 0;
}

void bc_search_snippet_mend(const char *s, size_t n, const char *full, size_t fn, bc_buf *out)
{
    bc_buf plain = BC_BUF_INIT, text = BC_BUF_INIT;
    size_t *map = full != NULL && fn > 0 ? bc_malloc((fn + 1) * sizeof *map) : NULL;
    int done = 0;
    if (map != NULL) {
        unmark(full, fn, &text, map);
        int lead = n >= ELLIPSIS_LEN && memcmp(s, ELLIPSIS, ELLIPSIS_LEN) == 0;
        int trail = n >= ELLIPSIS_LEN && memcmp(s + n - ELLIPSIS_LEN, ELLIPSIS, ELLIPSIS_LEN) == 0;
        /* "…" at an end is the window's, unless the text itself writes one there */
        for (int k = 0; k < 4 && !done && !bc_buf_failed(&text); k++) {
            size_t from = (k & 1) == 0 && lead ? ELLIPSIS_LEN : 0;
            size_t to = (k & 2) == 0 && trail ? n - ELLIPSIS_LEN : n;
            if (((k & 1) && !lead) || ((k & 2) && !trail) || from >= to)
                continue;
            bc_buf_reset(&plain);
            unmark(s + from, to - from, &plain, NULL);
            if (bc_buf_failed(&plain) || plain.len == 0 || plain.len > text.len)
                break;
            const char *at = memmem(text.data, text.len, plain.data, plain.len);
            if (at == NULL)
                continue;
            size_t a = (size_t)(at - text.data), b = a + plain.len;
            size_t start = map[a], end = map[b - 1] + 1;
            if (start > 0 && full[start - 1] == 1)
                start--; /* the hit opens right at the window's start */
            else if (inside(full, start))
                while (start > 0 && full[start] != 1)
                    start--;
            while (end < fn && full[end] == 2)
                end++; /* closes right at its end */
            if (inside(full, end))
                while (end < fn && full[end++] != 2)
                    ;
            if (a > 0 || start > 0) {
                size_t before = 0; /* text before the window */
                for (size_t i = 0; i < start; i++)
                    before += !is_mark(full[i]);
                if (before > 0)
                    bc_buf_append(out, ELLIPSIS, ELLIPSIS_LEN);
            }
            bc_buf_append(out, full + start, end - start);
            size_t after = 0;
            for (size_t i = end; i < fn; i++)
                after += !is_mark(full[i]);
            if (after > 0)
                bc_buf_append(out, ELLIPSIS, ELLIPSIS_LEN);
            done = 1;
        }
        if (bc_buf_failed(&text) || bc_buf_failed(&plain))
            out->failed = 1;
    } else if (full != NULL && fn > 0) {
        out->failed = 1;
    }
    if (!done && s != NULL)
        bc_buf_append(out, s, n);
    bc_free(map);
    bc_buf_free(&plain);
    bc_buf_free(&text);
}
