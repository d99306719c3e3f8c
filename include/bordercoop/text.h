/* text.h: UTF-8 checks and the folding that makes names match across languages
 * ("Lào Cai" = "Lao Cai" = "lao cai"; "Điện Biên" -> "dien bien"). */
#ifndef BORDERCOOP_TEXT_H
#define BORDERCOOP_TEXT_H

#include "bordercoop/buf.h"

#include <stddef.h>

/* 1 when the n bytes at s are well-formed UTF-8 (no overlong forms, surrogates or code
 * points past U+10FFFF), else 0. NUL bytes count as invalid. */
int bc_utf8_valid(const char *s, size_t n);

/* Appends to out the folded form of s: every letter case-folded and reduced to its base
 * letter with its marks dropped (libutf8proc: "Điện" -> "dien", "ΑΘΉΝΑ" -> "αθηνα",
 * sharp s -> "ss"), letters without a decomposition mapped by a table (d-stroke -> d,
 * l-stroke -> l, o-stroke -> o, ae -> "ae", thorn -> "th"), other code points (Chinese,
 * digits, symbols) copied. Returns 0, BC_EINVAL for invalid UTF-8, or BC_ENOMEM. */
int bc_text_fold(const char *s, size_t n, bc_buf *out);

/* Appends to out the slug key of s: its folded form with every run of ASCII characters
 * other than letters and digits turned into one '-', no '-' at either end. The key of
 * "Ban Vuoc (Vietnam)" is "ban-vuoc-vietnam". Returns as bc_text_fold; an input with no
 * letters or digits yields an empty key. */
int bc_text_slug(const char *s, size_t n, bc_buf *out);

/* 1 when s is a canonical id: 1..120 bytes of [a-z0-9] words joined by single '-'. */
int bc_text_is_id(const char *s);

#endif
