/* search_query.h: what a person types into /v1/search?q= made into an FTS5 query that
 * always parses, so no text of theirs reaches SQLite as syntax (outsider 8, M2: "10:30" and
 * URLs were column filters, and SQLite's "no such column" reached the client). Honoured:
 * quoted phrases ("Lao Cai"; an unclosed quote closes at the end), a '*' right after a
 * word or phrase (a prefix), AND, OR and NOT between two operands, and parentheses.
 * Every other character that is not part of a word (: / . - ^ + { } and the rest, in any
 * script) only separates words; fullwidth Latin letters and digits are the ASCII ones
 * ("ＹＵＮＮＡＮ" is "YUNNAN"). An operator without an operand on both sides, a parenthesis
 * without its partner and an empty group or phrase are left out. */
#ifndef BORDERCOOP_SEARCH_QUERY_H
#define BORDERCOOP_SEARCH_QUERY_H

#include "bordercoop/buf.h"

#include <stddef.h>

/* When phrase (plain words joined by single spaces, NUL-terminated) names an entity:
 * appends to out the OR of all its names as FTS5 strings in parentheses ("(\"Yunnan\" OR
 * \"云南\")") and returns 1; else appends nothing and returns 0. A failure (no memory, a
 * store error) sets out's failed flag. */
typedef int (*bc_search_alias_fn)(void *ctx, const char *phrase, bc_buf *out);

/* 1 when the n bytes at s, a plain word or a name, are matched as a prefix: one word of
 * four letters or more, no digit, space or punctuation, no Chinese (whose characters are
 * terms of their own): "Kunming" also finds the Swedish "Kunmings", "Yunnan"
 * "Yunnanprovinsen". */
int bc_search_is_prefix(const char *s, size_t n);

/* Appends to out the FTS5 expression for the n bytes of q (UTF-8; a byte that is not is a
 * separator). Plain words are joined by AND; a run of up to four of them that is a name
 * (alias, when not NULL, with ctx; longest run first) is its group of names instead, and
 * so is a name of two to six characters inside a Chinese word ("经友谊关" is "经" AND the
 * names of 友谊关); a run of words that names nothing is its phrase OR its words apart
 * ("Ha Khau" OR ("Ha" AND "Khau"*)), so a text that writes them together ranks first; a
 * plain word of four letters or more, without digits, punctuation or Chinese, is a
 * prefix (Polish, Swedish and Dutch inflect names: "Kunming" finds "Kunmingu"). At most
 * 64 names are looked up (alias is called at most 64 times); the words past that are
 * plain words. Returns BC_OK, BC_EINVAL when q holds no word to search for (out as it
 * was), or BC_ENOMEM (out's failed flag set, also when alias set it). */
int bc_search_compile(const char *q, size_t n, bc_search_alias_fn alias, void *ctx, bc_buf *out);

#endif
