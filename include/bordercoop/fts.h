/* fts.h: the "bc_fold" FTS5 tokenizer: SQLite's unicode61 tokens, each folded with
 * bc_text_fold_search (lower case, no diacritics, d-stroke -> d, l-stroke -> l, fullwidth
 * Latin letters and digits as ASCII: "ＡＢＣ１２３" -> "abc123"), keeping the
 * original byte offsets so snippets and highlights show the article's own text. Chinese
 * (and Japanese kana) is written without spaces, so each Han character or kana is a term
 * of its own and a word of several is the phrase of its characters: "会谈" or "天保口岸"
 * finds the sentence that writes it inside a longer run, never the same characters
 * apart or in another order. */
#ifndef BORDERCOOP_FTS_H
#define BORDERCOOP_FTS_H

#include "bordercoop/err.h"

#include <sqlite3.h>

/* Registers the tokenizer on db (needed on every connection that reads or writes the
 * search index). Returns 0 or BC_ESTORE when FTS5 is unavailable. */
int bc_fts_register(sqlite3 *db, bc_err *err);

#endif
