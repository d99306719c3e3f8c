/* fts.h: the "bc_fold" FTS5 tokenizer: SQLite's unicode61 tokens, each folded with
 * bc_text_fold (lower case, no diacritics, d-stroke -> d, l-stroke -> l), keeping the
 * original byte offsets so snippets and highlights show the article's own text. */
#ifndef BORDERCOOP_FTS_H
#define BORDERCOOP_FTS_H

#include "bordercoop/err.h"

#include <sqlite3.h>

/* Registers the tokenizer on db (needed on every connection that reads or writes the
 * search index). Returns 0 or BC_ESTORE when FTS5 is unavailable. */
int bc_fts_register(sqlite3 *db, bc_err *err);

#endif
