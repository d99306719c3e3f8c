/* country.h: the two countries as a whole, as a figure's counterpart ("Yunnan's trade with
 * Vietnam"): their ISO 3166 alpha-2 codes and the names a quote writes them by. */
#ifndef BORDERCOOP_COUNTRY_H
#define BORDERCOOP_COUNTRY_H

#include <stddef.h>

/* 1 when code is "VN" or "CN" (NULL: 0). */
int bc_country_valid(const char *code);

/* The English name of the country of code ("Vietnam", "China"), or NULL for another code. */
const char *bc_country_name(const char *code);

/* 1 when the n bytes at text (UTF-8) name the country of code as a noun in one of the
 * corpus languages: a whole word ("Vietnam", "Việt Nam", "Wietnamem", "Kina", "Chin",
 * "Trung Quốc", "Chine") or the Chinese name anywhere ("越南", "中国"). An adjective
 * ("Vietnamese", "chinois", "wietnamskich") and a genitive of whose ("Vietnams", "Kinas")
 * do not name it. 0 for invalid UTF-8, an unknown code, or when out of memory. */
int bc_country_named(const char *text, size_t n, const char *code);

#endif
