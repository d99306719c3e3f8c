/* extract_meet_discussed.c: a Dutch verb of discussing whose subject is both sides, right
 * after a day that opens the sentence ("Op 14 december 2023 bespraken de twee besturen bij de
 * grenspost Tra Linh de voorbereidingen ...", "Dinsdag bespraken Cao Bang en Baise ..."):
 * talks of that day; so is any verb there whose subject is people of both sides gathered in
 * a place ("Op 17 juli maakten ambtenaren van beide kanten in Lang Son een tussentijdse
 * balans op"). Without the day first it tells what a meeting discussed ("Beide
 * partijen bespraken ook de voorbereiding van ...", "Tijdens de werksessie bespraken
 * beide partijen ..."), no meeting of its own. */
#include "extract_int.h"

/* 1 when a province or border place of each country's side starts within the three
 * tokens after token k of sentence si, or a word for both sides starts at k. */
static int both_as_subject(const ctx *c, size_t si, size_t k)
{
    int vn = 0, cn = 0;
    if (bcx_lex_find(c, C_BOTH_SIDES, k, NULL) > 0)
        return 1;
    for (size_t q = c->se[si].h0; q < c->se[si].h1; q++) {
        const hit *h = &c->h[q];
        int side = h->entity == E_PROVINCE ? (bcx_province_cn(c, h->id) ? -1 : 1)
                   : h->entity == E_PLACE  ? (h->id[0] == 'C' ? -1 : 1)
                                           : 0;
        if (side == 0 || h->t0 < k || h->t0 > k + 8)
            continue;
        vn = vn || side > 0;
        cn = cn || side < 0;
    }
    return vn && cn;
}

/* 1 when the words from token k are people of both sides ("ambtenaren van beide kanten",
 * "vertegenwoordigers van de twee provincies") and the clause names where after them ("in
 * Lang Son"): the two sides gathered there. */
static int both_gathered(const ctx *c, size_t si, size_t k)
{
    static const char *const people[] = {
        "ambtenaren", "vertegenwoordigers", "functionarissen", "bestuurders",
        "leiders",    "deskundigen",        "experts",         NULL};
    size_t hi = c->se[si].t1;
    int who = 0;
    for (int w = 0; people[w] && !who; w++)
        who = bcx_word_is(c, k, hi, people[w]);
    if (!who || k + 2 >= hi || !bcx_word_is(c, k + 1, hi, "van") ||
        bcx_lex_find(c, C_BOTH_SIDES, k + 2, NULL) == 0)
        return 0;
    for (size_t q = k + 3; q + 1 < hi && !(bcx_gap(c, q - 1) & (G_COMMA | G_DOT)); q++)
        if (bcx_word_is(c, q, hi, "in") && c->t[q + 1].upper)
            return 1;
    return 0;
}

int bcx_nl_day_discussed(const ctx *c, size_t si, size_t i)
{
    static const char *const verbs[] = {"bespraken", "besprak", NULL};
    size_t lo = c->se[si].t0, hi = c->se[si].t1;
    int verb = 0;
    if (c->lbit != L_NL || i + 1 >= hi || c->t[i].kind != T_WORD || c->t[i].upper)
        return 0;
    for (int w = 0; verbs[w] && !verb; w++)
        verb = bcx_word_is(c, i, hi, verbs[w]);
    /* the day opens the sentence ("Op" before it at most) and the verb follows it at once */
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
        const xd *d = &c->d[k];
        if (d->t1 != i || !(d->t0 == lo || (d->t0 == lo + 1 && bcx_word_is(c, lo, hi, "op"))) ||
            !(d->prec == 3 || d->weekday) || d->span[0] ||
            (bcx_gap(c, d->t1 - 1) & ~(unsigned)G_SPACE))
            continue;
        /* discussing, both sides the subject; any verb, people of both sides gathered in a
         * place ("Op 17 juli maakten ambtenaren van beide kanten in Lang Son een tussentijdse
         * balans op") */
        return verb ? both_as_subject(c, si, i + 1) : both_gathered(c, si, i + 1);
    }
    return 0;
}
