/* text.h: UTF-8 checks and the folding that makes names match across languages
 * ("Lào Cai" = "Lao Cai" = "lao cai"; "Điện Biên" -> "dien bien"). */
#ifndef BORDERCOOP_TEXT_H
#define BORDERCOOP_TEXT_H

#include "bordercoop/buf.h"

#include <stddef.h>

/* 1 when the n bytes at s are well-formed UTF-8 (no overlong forms, surrogates or code
 * points past U+10FFFF), else 0. NUL bytes count as invalid. */
int bc_utf8_valid(const char *s, size_t n);

/* Decodes the code point at s[0..n) into *cp and returns its length (1 to 4); 0 when the
 * bytes there are not well-formed UTF-8 (an overlong form, a surrogate, past U+10FFFF, cut
 * short), s[0] is NUL or n is 0 (*cp is then left as it was). */
size_t bc_utf8_decode(const char *s, size_t n, unsigned int *cp);

/* 1 when cp is a character written without spaces between words: a Han ideograph (the
 * unified ideographs and extension A, the compatibility ideographs, the supplementary
 * planes' extensions) or kana (U+3040..U+30FF). The search index makes each one a term
 * of its own (fts.c), and a query word holding one is never matched as a prefix. */
int bc_text_is_cjk(unsigned int cp);

/* 1 when cp is a letter of any script or a mark that combines with one (a word in
 * decomposed form stays one word): Unicode's general categories L* and M*, from
 * libutf8proc. The extractor's tokenizer and the search query parser (which adds digits)
 * share it. */
int bc_text_is_letter(unsigned int cp);

/* The ASCII letter or digit a fullwidth one stands for ("Ａ" U+FF21 is 'A', "ｂ" U+FF42
 * is 'b', "１" U+FF11 is '1'); any other cp as it is. */
unsigned int bc_text_narrow(unsigned int cp);

/* Appends to out the folded form of s: every letter case-folded and reduced to its base
 * letter with its marks dropped (libutf8proc: "Điện" -> "dien", "ΑΘΉΝΑ" -> "αθηνα",
 * sharp s -> "ss"), letters without a decomposition mapped by a table (d-stroke -> d,
 * l-stroke -> l, o-stroke -> o, ae -> "ae", thorn -> "th"), other code points (Chinese,
 * digits, symbols) copied. Returns 0, BC_EINVAL for invalid UTF-8, or BC_ENOMEM. */
int bc_text_fold(const char *s, size_t n, bc_buf *out);

/* Appends to out s written in ASCII letters, case kept, marks dropped ("Trà Lĩnh" -> "Tra
 * Linh", "Đồng Đăng" -> "Dong Dang"): a Vietnamese name as the English-language records
 * write it. Returns 1 when it appended (s had a letter with marks), 0 when s is ASCII
 * already or holds a letter with no Latin base (Chinese: nothing appended), BC_EINVAL for
 * invalid UTF-8, BC_ENOMEM. */
int bc_text_latin_ascii(const char *s, size_t n, bc_buf *out);

/* As bc_text_fold, with fullwidth Latin letters and digits as the ASCII ones
 * (bc_text_narrow: "ＡＢＣ１２３" -> "abc123"): the terms of the search index and of the
 * queries run on it (fts.c). */
int bc_text_fold_search(const char *s, size_t n, bc_buf *out);

/* Appends to out the slug key of s: its folded form with every run of ASCII characters
 * other than letters and digits turned into one '-', no '-' at either end. The key of
 * "Ban Vuoc (Vietnam)" is "ban-vuoc-vietnam". Returns as bc_text_fold; an input with no
 * letters or digits yields an empty key. */
int bc_text_slug(const char *s, size_t n, bc_buf *out);

/* The key an article is compared by to find a republished copy (sources.body_key): the
 * hex SHA-256 of its text without the headline (the first line with text, when more text
 * follows it), folded as bc_text_fold does (case, diacritics), with every run of white
 * space (a no-break space too) as one space, none at either end, and typographic dashes
 * and quotation marks as their ASCII marks ("–" is "-"). Other punctuation and digits
 * count as written ("5.1" is not "51"). Returns 0, BC_EINVAL for invalid UTF-8, or
 * BC_ENOMEM (out is then ""). */
int bc_text_body_key(const char *s, size_t n, char out[65]);
/* The same key of the whole text, its first line included: a copy that dropped its
 * headline has as whole key the body key of the article it copies. */
int bc_text_whole_key(const char *s, size_t n, char out[65]);
/* Both keys of s at once, from one folding of its text (an article is folded once, not
 * twice): body as bc_text_body_key gives it, whole as bc_text_whole_key does, each ""
 * where that one would fail. Returns 0, or BC_ENOMEM (both are then ""). */
int bc_text_copy_keys(const char *s, size_t n, char body[65], char whole[65]);

/* Control characters in text a person sends: C0 (U+0000..U+001F), DEL and C1
 * (U+0080..U+009F), which a terminal or an XML reader would act on or choke on. */
#define BC_TEXT_LINE  0 /* one line: no control character at all */
#define BC_TEXT_LINES 1 /* running text: tab, line feed and carriage return allowed */

/* The byte offset of the first control character in the n bytes at s that `mode`
 * (BC_TEXT_LINE or BC_TEXT_LINES) does not allow, or n when there is none. s need not
 * be valid UTF-8 (a C1 character is the pair C2 80..C2 9F). */
size_t bc_text_control(const char *s, size_t n, int mode);

/* The byte offset of the first invisible format character in the n bytes at s, or n
 * when there is none: the bidirectional embeddings, overrides and isolates (U+202A..U+202E,
 * U+2066..U+2069), which reorder what a CSV or HTML view shows (Trojan Source), the zero-
 * width spaces and joiners and the directional marks (U+200B..U+200F), the line and
 * paragraph separators (U+2028, U+2029: a line break inside a one-line field, which
 * older JavaScript and some CSV readers take as the end of the line), and U+FEFF. Refused
 * in the short texts a person sends (a title, a url, a corrected field), not in an
 * article's text, where a zero-width space is how some sites break lines. */
size_t bc_text_invisible(const char *s, size_t n);

/* What the invisible formatting character at s (of n bytes; where bc_text_invisible
 * found one) is, for a person: "U+2028, a line separator", "U+202E, a right-to-left
 * override"; "an invisible formatting character" when s holds none. A static string. */
const char *bc_text_invisible_name(const char *s, size_t n);

/* Appends the NUL-terminated s (NULL: nothing) to b as XML 1.0 character data, fit for
 * an element or a quoted attribute: & < > " ' as entities, and every character XML
 * cannot carry (C0 controls other than tab, LF and CR; U+FFFE, U+FFFF; bytes that are
 * not UTF-8) as U+FFFD, so the document stays well-formed whatever the text holds. */
void bc_xml_text(bc_buf *b, const char *s);

/* The indefinite article of the English noun s in a message: "an" before a vowel letter
 * ("an event", "an edit"), "a" otherwise ("a figure", "a meeting"; NULL: "a"). A static
 * string. */
const char *bc_text_a(const char *s);

/* 1 when s is a canonical id: 1..120 bytes of [a-z0-9] words joined by single '-'. */
int bc_text_is_id(const char *s);

/* 1 when the n bytes at w are one of the entries of list, written "|a|b|...|". */
int bc_text_listed(const char *list, const char *w, size_t n);

#endif
