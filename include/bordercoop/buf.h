/* buf.h: a growable byte buffer with a sticky failure flag (after Redis sds and h2o's
 * buffers). Appends after an allocation failure do nothing, so a function can append
 * many pieces and check bc_buf_failed() once at the end. The data is always
 * NUL-terminated when not failed. */
#ifndef BORDERCOOP_BUF_H
#define BORDERCOOP_BUF_H

#include <stddef.h>

typedef struct bc_buf {
    char *data; /* owned; NULL until the first append */
    size_t len;
    size_t cap;
    int failed;
} bc_buf;

#define BC_BUF_INIT                                                                                \
    {                                                                                              \
        NULL, 0, 0, 0                                                                              \
    }

void bc_buf_init(bc_buf *b);
/* Releases the buffer's memory and resets it to empty. */
void bc_buf_free(bc_buf *b);
/* Empties the buffer, keeping its memory and clearing the failure flag. */
void bc_buf_reset(bc_buf *b);
/* Makes room for at least n more bytes; returns 0 or BC_ENOMEM (and marks failure). */
int bc_buf_reserve(bc_buf *b, size_t n);
void bc_buf_append(bc_buf *b, const void *data, size_t n);
void bc_buf_puts(bc_buf *b, const char *s);
void bc_buf_putc(bc_buf *b, char c);
void bc_buf_printf(bc_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends s (n bytes of UTF-8) as a quoted JSON string with the required escapes. */
void bc_buf_json_string(bc_buf *b, const char *s, size_t n);
/* 1 when an allocation failed since the last reset. */
int bc_buf_failed(const bc_buf *b);
/* Returns the data (caller owns it, free with bc_free) and leaves b empty; NULL if the
 * buffer failed (its memory is released) or was never written to (returns ""-copy). */
char *bc_buf_steal(bc_buf *b, size_t *len);

#endif
