/* extract_meet_clause.c: whose a date of a meeting's sentence is, told by the clause it
 * stands in: talks named by a verb that says they took place ("received ... in
 * mid-August", "last sat down together in April 2023") take a month gone by; a date in a
 * relative clause of another noun ("..., the crossing, which reopened on June 27") is that
 * noun's, not the meeting's; a year said to be gone by ("earlier this year", "last year")
 * dates talks. */
#include "extract_int.h"

int bcx_talks_past_verb(const ctx *c, const mention *m)
{
    static const char *const past[] = {"received", "hosted",     "met with",  "met",
                                       "sat down", "held talks", "had talks", NULL};
    if (m->xkind != BC_XM_TALKS || c->lbit != L_EN)
        return 0;
    for (int w = 0; past[w]; w++)
        if (bcx_words_at(c, m->t0, c->se[m->sent].t1, past[w]) == m->t1 - m->t0)
            return 1;
    return 0;
}

int bcx_year_gone(const ctx *c, const mention *m, const xd *d)
{
    static const char *const before[] = {"earlier", "early", "late", NULL};
    size_t lim = c->se[m->sent].t1;
    if (c->lbit != L_EN || m->xkind != BC_XM_TALKS || d->prec != 1 || d->span[0] ||
        d->t0 <= m->t1 || bcx_commas(c, m->t1, d->t0) > 0)
        return 0; /* the year stands in the talks' own clause, after them */
    for (size_t q = m->t1; q < d->t0; q++)
        if (c->t[q].kind != T_WORD || (bcx_gap(c, q) & G_DOT))
            return 0; /* an amount or another date between is what the year counts */
    if (bcx_words_at(c, d->t0, lim, "last year") == d->t1 - d->t0)
        return 1;
    if (bcx_words_at(c, d->t0, lim, "this year") != d->t1 - d->t0 && c->t[d->t0].kind != T_NUM &&
        c->t[d->t0].kind != T_DATE)
        return 0;
    for (int w = 0; before[w]; w++)
        if (bcx_word_is(c, d->t0 - 1, lim, before[w]))
            return 1;
    return 0;
}
