/* csv.h: the one CSV cell writer of every CSV the API serves (lists, search). RFC 4180
 * quoting, and OWASP's rule against CSV injection: a text cell a spreadsheet would read as
 * a formula (= + - @ tab or CR first) gets a leading ', inside the quotes when the cell is
 * quoted, so the cell is still one field and still starts with '. */
#ifndef BORDERCOOP_CSV_H
#define BORDERCOOP_CSV_H

#include <stddef.h>

#include "bordercoop/buf.h"

/* Appends s (n bytes; NULL is an empty cell) as one CSV cell to out. A number is written
 * as it is (is_number 1: "-5" stays a number); any other text is neutralised as above.
 * The cell is quoted when it holds a comma, a quote, a CR or an LF, quotes doubled. */
void bc_csv_cell(bc_buf *out, const char *s, size_t n, int is_number);

/* The separator of a list's items inside one cell: " | ". */
#define BC_CSV_LIST_SEP " | "

#endif
