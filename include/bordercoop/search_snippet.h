/* search_snippet.h: a search snippet whose window cuts a hit made whole. FTS5's snippet()
 * ends its window after a number of terms, and each Chinese character is a term
 * (fts.h), so a window could end inside a phrase and mark half of it ("越南<mark>谅</mark>…"
 * for q=谅山, analyst 9, F12); a Latin phrase too ("<mark>Lao</mark>…"). The window is
 * kept; a hit it cuts is completed from the whole marked text of the same column. */
#ifndef BORDERCOOP_SEARCH_SNIPPET_H
#define BORDERCOOP_SEARCH_SNIPPET_H

#include "bordercoop/buf.h"

#include <stddef.h>

/* Appends to out the snippet s (n bytes, as snippet() writes it: each hit between the
 * bytes 1 and 2, "…" at an end where the text goes on), with a hit cut by either end of
 * its window carried to its whole extent, read from full (fn bytes: the same column as
 * highlight() writes it, every hit marked, may be NULL). When s is not a window of full
 * (another column, or NULL), appends s as it is. On no memory out's failed flag is set. */
void bc_search_snippet_mend(const char *s, size_t n, const char *full, size_t fn, bc_buf *out);

#endif
