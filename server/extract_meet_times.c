/* extract_meet_times.c: a meeting numbered by the times its parties have met ("komt voor de
 * zestiende keer bijeen", "voor de vierde keer bijeen in een werksessie"): an ordinal
 * before a word of times (C_TIMES), with a meeting's noun, talks or the particle of a
 * split verb of meeting after it in its clause. Not a time of something else ("voor de
 * tweede keer gastheer"). */
#include "extract_int.h"

size_t bcx_times_noun(const ctx *c, size_t j, size_t lim, int *kind, size_t *noun_end)
{
    static const char *const particle[] = {"bijeen", "samen", NULL};
    const bc_lex *e = NULL;
    size_t n = j < lim ? bcx_lex_find(c, C_TIMES, j, NULL) : 0;
    if (n == 0)
        return 0;
    /* a noun first ("bijeen in een werksessie": the session), else the particle */
    for (int pass = 0; pass < 2; pass++)
        for (size_t q = j + n; q < lim && q < j + n + 5; q++) {
            if (bcx_gap(c, q - 1) & (G_COMMA | G_DOT))
                break;
            size_t m = 0;
            *kind = K_GENERIC;
            if (pass == 0 && (m = bcx_lex_find(c, C_MEET, q, &e)) > 0)
                *kind = (int)e->val;
            else if (pass == 0)
                m = bcx_lex_find(c, C_TALKS, q, &e);
            for (int w = 0; pass == 1 && particle[w] && m == 0; w++)
                m = bcx_word_is(c, q, lim, particle[w]) ? 1 : 0;
            if (m > 0) {
                *noun_end = q + m;
                return q + 1;
            }
        }
    return 0;
}
