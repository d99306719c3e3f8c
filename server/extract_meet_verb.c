/* extract_meet_verb.c: Dutch verbs of speaking or discussing that are a meeting only with
 * a partner ("besprak Trinh Thi Minh Thanh met de partijleider van Guangxi", "sprak onze
 * partijsecretaris in Ha Long met Chen Gang"); without one they tell what a meeting
 * discussed ("Beide partijen bespraken ook de voorbereiding van ..."). */
#include "extract_int.h"

int bcx_talk_with(const ctx *c, size_t si, size_t i)
{
    static const char *const verbs[] = {"sprak",    "besprak",   "bespraken", "praatte",
                                        "praatten", "bespreekt", "spreekt",   NULL};
    size_t hi = c->se[si].t1;
    int verb = 0;
    if (c->lbit != L_NL)
        return 0;
    for (int w = 0; verbs[w] && !verb; w++)
        verb = bcx_word_is(c, i, hi, verbs[w]);
    /* "met" in the verb's clause, a dozen words on at most ("sprak af": agreed, no talks) */
    for (size_t k = i + 1; verb && k < hi && k < i + 13; k++) {
        if (bcx_gap(c, k - 1) & (G_COMMA | G_DOT))
            return 0;
        if (bcx_word_is(c, k, hi, "af"))
            return 0;
        if (bcx_word_is(c, k, hi, "met"))
            return 1;
    }
    return 0;
}
