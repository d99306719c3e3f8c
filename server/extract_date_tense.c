/* extract_date_tense.c: the tense of a sentence's words, per token: the nearer of a word of
 * what will happen ("will be held", "将于", "se tiendra") and one of what took place ("was
 * held", "举行"), by a distance in which a comma weighs more than a word and names of a list
 * nothing (bcx_mark_tense); what a token's tense is (bcx_future_at, bcx_tense_at); two
 * phrases joined by "and" (bcx_joined_phrase). Moved out of extract_date.c, unchanged. */
#include "bordercoop/alloc.h"
#include "extract_int.h"

#include <string.h>

/* The cost of the gap after token k for tense distances: a word two, a Chinese character
 * one, a comma sixteen more unless it separates names of a list (inname: tokens of a
 * known name). */
static unsigned tense_step(const ctx *c, size_t k, const unsigned char *inname)
{
    int list = inname[k] && inname[k + 1];
    return (c->t[k].han ? 1u : 2u) + ((bcx_gap(c, k) & G_COMMA) && !list ? 16u : 0u);
}

enum { TENSE_FAR = 48 }; /* beyond this cost a word says nothing of a token's tense */

static unsigned tense_add(unsigned d, unsigned s)
{
    return d + s > TENSE_FAR + 1 ? TENSE_FAR + 1 : d + s;
}

int bcx_joined_phrase(const ctx *c, size_t k, size_t lo)
{
    static const char *const join[] = {"and", "va",   "et", "en",   "och",
                                       "i",   "oraz", "并", "并且", NULL};
    /* an auxiliary of the second phrase between ("et ont convenu", "en hebben") */
    static const char *const aux[] = {"ont", "sont", "have", "has",  "hebben", "zijn",
                                      "har", "da",   "cung", "also", NULL};
    for (int pass = 0; pass < 2 && k > lo; pass++, k--) {
        for (int w = 0; join[w]; w++)
            if (bcx_word_is(c, k - 1, k, join[w]) ||
                (c->t[k - 1].han && bcx_words_at(c, k - 1, k, join[w]) == 1))
                return 1;
        int skip = 0;
        for (int w = 0; aux[w] && !skip; w++)
            skip = bcx_word_is(c, k - 1, k, aux[w]);
        if (!skip)
            return 0;
    }
    return 0;
}

void bcx_mark_tense(ctx *c)
{
    /* per token: 1 future word, 2 held word (not after a future word of its clause) */
    unsigned char *cue = bc_calloc(c->nt + 1, 1), *inname = bc_calloc(c->nt + 1, 1);
    unsigned *fd = bc_malloc((c->nt + 1) * 2 * sizeof *fd);
    if (cue == NULL || fd == NULL || inname == NULL) {
        c->rc = BC_ENOMEM;
        goto done;
    }
    for (size_t q = 0; q < c->nh; q++)
        for (size_t k = c->h[q].t0; k < c->h[q].t1 && k < c->nt; k++)
            inname[k] = 1;
    for (size_t si = 0; si < c->ns; si++) {
        size_t a = c->se[si].t0, b = c->se[si].t1;
        int fut_in_clause = 0;
        size_t fut_end = SIZE_MAX; /* the last token of the last future word */
        size_t day_end = a;        /* past the last day counted from another */
        unsigned df = TENSE_FAR + 1, dh = TENSE_FAR + 1;
        for (size_t k = a; k < b; k++) {
            size_t n;
            /* "de volgende dag", "the next day": a day counted from another, no word of
             * what is to come */
            if ((n = bcx_lex_find(c, C_NEXT_DAY, k, NULL)) > 0 && k + n > day_end)
                day_end = k + n;
            if (k > a) {
                unsigned s = tense_step(c, k - 1, inname);
                df = tense_add(df, s);
                dh = tense_add(dh, s);
                /* a future word that closes its clause governs the next ("双方商定，...于明年在
                 * ...举行", "Hai bên thống nhất, ..."): what was agreed is to come */
                if ((bcx_gap(c, k - 1) & G_DOT) ||
                    ((bcx_gap(c, k - 1) & G_COMMA) && fut_end != k - 1))
                    fut_in_clause = 0;
            }
            if (k >= day_end && c->lbit == L_NL && bcx_nl_agreed(c, si, k))
                cue[k] = 1, fut_in_clause = 1, df = 0, fut_end = k; /* "spraken ... af" */
            /* "原定于", "原计划于": what was first planned, no word of what is to come */
            else if (k >= day_end && (n = bcx_lex_find(c, C_FUTURE, k, NULL)) > 0 &&
                     !(c->lbit == L_ZH && k > a &&
                       (bcx_words_at(c, k - 1, k, "原") || bcx_words_at(c, k - 1, k, "本"))))
                cue[k] = 1, fut_in_clause = 1, df = 0, fut_end = k + n - 1;
            else if (k >= day_end && bcx_nl_present_passive(c, si, k)) /* "wordt ... gehouden" */
                cue[k] = 1, fut_in_clause = 1, df = 0, fut_end = k;
            else if (!fut_in_clause &&
                     (((n = bcx_lex_find(c, C_HELD, k, NULL)) > 0 &&
                       !(c->lbit == L_ZH && bcx_lex_find(c, C_FUTURE, k + n, NULL) > 0)) ||
                      bcx_nl_took_place(c, k, b)))
                cue[k] = 2, dh = 0; /* "举行下一轮会谈": holding the next, to come */
            fd[2 * k] = df;
            fd[2 * k + 1] = dh;
        }
        df = dh = TENSE_FAR + 1;
        for (size_t k = b; k > a; k--) {
            size_t q = k - 1;
            if (q + 1 < b) {
                unsigned s = tense_step(c, q, inname);
                df = tense_add(df, s);
                dh = tense_add(dh, s);
            }
            if (cue[q] == 1)
                df = 0;
            else if (cue[q] == 2)
                dh = 0;
            else if (q + 1 < b && cue[q + 1] == 1 && bcx_joined_phrase(c, q + 1, a))
                df = TENSE_FAR + 1;
            unsigned f = fd[2 * q] < df ? fd[2 * q] : df,
                     h = fd[2 * q + 1] < dh ? fd[2 * q + 1] : dh;
            c->t[q].tense = (unsigned char)(f < h && f <= TENSE_FAR   ? TENSE_FUTURE
                                            : h < f && h <= TENSE_FAR ? TENSE_PAST
                                                                      : TENSE_NONE);
        }
    }
done:
    bc_free(cue);
    bc_free(inname);
    bc_free(fd);
}

int bcx_future_at(const ctx *c, size_t i)
{
    if (c->t[i].tense != TENSE_NONE)
        return c->t[i].tense == TENSE_FUTURE;
    return c->se[c->t[i].sent].future;
}

int bcx_tense_at(const ctx *c, size_t i)
{
    return bcx_future_at(c, i) ? 1 : c->t[i].tense == TENSE_PAST ? -1 : 0;
}
