/* csv.c: one CSV cell, quoted (RFC 4180) and neutralised against formulas (OWASP). */
#include "bordercoop/csv.h"

#include <string.h>

void bc_csv_cell(bc_buf *out, const char *s, size_t n, int is_number)
{
    if (s == NULL)
        n = 0;
    int neutral = !is_number && n > 0 && s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
    int quoted = 0;
    for (size_t i = 0; i < n && !quoted; i++)
        quoted = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
    if (quoted)
        bc_buf_putc(out, '"');
    if (neutral)
        bc_buf_putc(out, '\'');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            bc_buf_putc(out, '"');
        bc_buf_putc(out, s[i]);
    }
    if (quoted)
        bc_buf_putc(out, '"');
}
