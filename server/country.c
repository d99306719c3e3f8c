/* country.c: the two countries as a whole (see country.h). */
#include "bordercoop/country.h"

#include "bordercoop/buf.h"
#include "bordercoop/text.h"

#include <string.h>

/* each country's nouns as slug words (text.h bc_text_slug), in the seven languages */
static const char *const VN_WORDS[] = {"vietnam",   "viet-nam",   "wietnam", "wietnamu",
                                       "wietnamem", "wietnamowi", NULL};
static const char *const CN_WORDS[] = {"china",   "chine",  "trung-quoc", "chiny", "chin",
                                       "chinami", "chinom", "chinach",    "kina",  NULL};

int bc_country_valid(const char *code)
{
    return code != NULL && (strcmp(code, "VN") == 0 || strcmp(code, "CN") == 0);
}

const char *bc_country_name(const char *code)
{
    if (!bc_country_valid(code))
        return NULL;
    return code[0] == 'V' ? "Vietnam" : "China";
}

/* 1 when slug s (len bytes) holds word w whole: '-' or an end on each side. */
static int has_word(const char *s, size_t len, const char *w)
{
    size_t k = strlen(w);
    for (size_t at = 0; at + k <= len; at++)
        if ((at == 0 || s[at - 1] == '-') && memcmp(s + at, w, k) == 0 &&
            (at + k == len || s[at + k] == '-'))
            return 1;
    return 0;
}

int bc_country_named(const char *text, size_t n, const char *code)
{
    if (!bc_country_valid(code) || text == NULL)
        return 0;
    bc_buf slug = BC_BUF_INIT;
    int named = 0;
    if (bc_text_slug(text, n, &slug) == 0 && slug.len > 0) {
        const char *const *words = code[0] == 'V' ? VN_WORDS : CN_WORDS;
        const char *han = code[0] == 'V' ? "\xe8\xb6\x8a\xe5\x8d\x97"  /* 越南 */
                                         : "\xe4\xb8\xad\xe5\x9b\xbd"; /* 中国 */
        named = memmem(slug.data, slug.len, han, strlen(han)) != NULL;
        for (int w = 0; words[w] && !named; w++)
            named = has_word(slug.data, slug.len, words[w]);
    }
    bc_buf_free(&slug);
    return named;
}
