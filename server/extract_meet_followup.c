/* extract_meet_followup.c: English meetings told as following up ("Leaders of Lang Son and
 * Chongzuo followed up in April 2023, when they agreed ...", "officials from Lao Cai and
 * Yunnan followed up with a working session at Kim Thanh in June last year"): the verb alone
 * is talks, and with a noun of talks after "with" it says they took place, so a month gone
 * by dates them. "followed up on" tells what talks built on ("The talks followed up on the
 * 13th meeting"), no meeting. */
#include "extract_int.h"

int bcx_en_followed_up(const ctx *c, size_t si, size_t i)
{
    static const char *const not_after[] = {"on", "with", "by", "the", "a", "an", "its", NULL};
    size_t hi = c->se[si].t1;
    if (c->lbit != L_EN || i + 1 >= hi || bcx_words_at(c, i, hi, "followed up") != 2)
        return 0;
    if (i + 2 < hi && !(bcx_gap(c, i + 1) & (G_COMMA | G_DOT)))
        for (int w = 0; not_after[w]; w++)
            if (bcx_word_is(c, i + 2, hi, not_after[w]))
                return 0;
    return 1;
}

int bcx_en_followed_up_past(const ctx *c, const mention *m)
{
    size_t lo = c->se[m->sent].t0, hi = c->se[m->sent].t1, k = m->t0;
    if (c->lbit != L_EN || m->xkind != BC_XM_TALKS)
        return 0;
    if (bcx_words_at(c, k, hi, "followed up") == 2) /* the verb itself (bcx_en_followed_up) */
        return 1;
    /* "followed up with a working session", "followed up with talks" */
    if (k > lo && (bcx_word_is(c, k - 1, hi, "a") || bcx_word_is(c, k - 1, hi, "an")))
        k--;
    return k >= lo + 3 && bcx_words_at(c, k - 3, hi, "followed up with") == 3 &&
           bcx_commas(c, k - 3, m->t0) == 0;
}

int bcx_after_followed(const ctx *c, size_t si, size_t i)
{
    static const char *const verb[] = {"followed up on", "followed", "follows",   "volgde op",
                                       "volgden op",     "volgt op", "volgen op", NULL};
    static const char *const det[] = {"a", "an", "the", "een", "de", "het", NULL};
    size_t lo = c->se[si].t0, k = i;
    if ((c->lbit != L_EN && c->lbit != L_NL) ||
        (bcx_lex_find(c, C_TALKS, i, NULL) == 0 && bcx_lex_find(c, C_MEET, i, NULL) == 0))
        return 0;
    /* an article at most between ("followed a meeting", "volgden op overleg") */
    for (int w = 0; det[w] && k > lo; w++)
        if (bcx_word_is(c, k - 1, i, det[w])) {
            k--;
            break;
        }
    for (int w = 0; verb[w]; w++) {
        size_t n = 1;
        for (const char *p = verb[w]; *p; p++)
            n += *p == ' ';
        if (k >= lo + n && bcx_words_at(c, k - n, k, verb[w]) == n && bcx_commas(c, k - n, i) == 0)
            return 1;
    }
    return 0;
}
