/* extract_fig_range.c: a range of money ("between USD 2 billion and USD 2.5 billion", "2-2,5 tỷ
 * USD", "20亿至25亿美元", "entre 2 et 2,5 milliards de dollars", "od 2 do 2,5 mld USD", "mellan 2
 * och 2,5 miljarder dollar", "tussen 2 en 2,5 miljard dollar") is two figures: its lower end
 * (qualifier range_low) and its upper end (range_high), each with the measure, period, parties,
 * goal and change the range has. Neither end is exact, the lower one is never lost, and the two
 * are never read as two statements of one quantity that disagree. */
#include "extract_int.h"

#include <math.h>
#include <string.h>

/* the words that join the ends: "and" after an opener ("between", "entre", "mellan", "tussen",
 * "miedzy", "giua"), or "to" ("from 2 to 2.5", "tu 2 den 2,5", "de 2 a 2,5", "od 2 do 2,5",
 * "2 till 2,5", "van 2 tot 2,5"), each in its language */
typedef struct jword {
    unsigned lbit;
    const char *w;
} jword;
static const jword AND_WORDS[] = {{L_EN, "and"}, {L_FR, "et"}, {L_SV, "och"}, {L_NL, "en"},
                                  {L_PL, "a"},   {L_PL, "i"},  {L_VI, "va"},  {0, NULL}};
static const jword BETWEEN[] = {{L_EN, "between"}, {L_FR, "entre"},  {L_SV, "mellan"},
                                {L_NL, "tussen"},  {L_PL, "miedzy"}, {L_PL, "pomiedzy"},
                                {L_VI, "giua"},    {0, NULL}};
static const jword TO_WORDS[] = {{L_EN, "to"}, {L_VI, "den"},  {L_VI, "toi"}, {L_FR, "a"},
                                 {L_PL, "do"}, {L_SV, "till"}, {L_NL, "tot"}, {0, NULL}};

static int word_in(const ctx *c, size_t i, size_t lim, const jword *words)
{
    if (i >= lim || c->t[i].kind != T_WORD)
        return 0;
    for (int k = 0; words[k].w; k++)
        if ((c->lbit & words[k].lbit) && bcx_word_is(c, i, lim, words[k].w))
            return 1;
    return 0;
}

/* 1 when a word of change stands in the clause before token lead ("rose from 2 to 2.5
 * billion", "sont passes de 2 a 2,5 milliards", "wzrosly z 2 do 2,5 mld"): the two amounts
 * are a level before and after, not a range. */
static int change_before(const ctx *c, size_t si, size_t lead)
{
    const bc_lex *e = NULL;
    for (size_t p = lead; p > c->se[si].t0; p--) {
        size_t k = p - 1;
        if (bcx_gap(c, k) & (G_COMMA | G_DOT | G_PAREN))
            break;
        if (bcx_up_at(c, k) > 0 || bcx_lex_find(c, C_DOWN, k, &e) > 0)
            return 1;
        if (c->t[k].kind == T_WORD && c->t[k].fl >= 4 && strncmp(TXT(c, k), "pass", 4) == 0 &&
            c->lbit == L_FR)
            return 1; /* "passer de 2 a 2,5 milliards" */
    }
    return 0;
}

/* The value of the number at token i times scale (a scaled amount reads an ambiguous
 * separator as a decimal one: "2,5 ty"). */
static double scaled(const ctx *c, size_t i, double scale)
{
    double v = (scale > 1 && c->t[i].ambig ? c->t[i].num_alt : c->t[i].num) * scale;
    return scale >= 1000 ? nearbyint(v) : v;
}

int bcx_fig_range_at(const ctx *c, size_t si, size_t i, bcx_range *r)
{
    size_t lim = c->se[si].t1, lead, end, lead2, end2, j, n = 0;
    double sc, sc2;
    memset(r, 0, sizeof *r);
    if (c->t[i].kind != T_NUM || c->t[i].used != 0 || c->t[i].num <= 0)
        return 0;
    int cur = bcx_fig_money_phrase(c, si, i, &sc, &lead, &end);
    if (end >= lim)
        return 0;
    unsigned g = bcx_gap(c, end - 1);
    int dash = c->t[end].kind == T_NUM && (g & G_DASH) && !(g & ~(unsigned)(G_DASH | G_SPACE));
    int and_word = 0;
    if (!dash) {
        if (g & (G_COMMA | G_DOT | G_PAREN | G_SLASH))
            return 0;
        if (bcx_words_at(c, end, lim, "至") || bcx_words_at(c, end, lim, "到"))
            n = 1;
        else if (word_in(c, end, lim, AND_WORDS) && lead > c->se[si].t0 &&
                 word_in(c, lead - 1, lim, BETWEEN))
            n = 1, and_word = 1;
        else if (word_in(c, end, lim, TO_WORDS) &&
                 (c->lbit != L_FR || (lead > c->se[si].t0 && bcx_word_is(c, lead - 1, lim, "de"))))
            n = 1; /* French "a" only in "de 2 a 2,5" */
        if (n == 0 || (bcx_gap(c, end + n - 1) & (G_COMMA | G_DOT | G_PAREN | G_SLASH)))
            return 0;
    }
    /* the second amount opens right after the joining word, its currency first or not */
    size_t at = end + n;
    for (j = at; j < lim && j < at + 3 && c->t[j].kind != T_NUM; j++)
        ;
    if (j >= lim || c->t[j].kind != T_NUM || c->t[j].used != 0 || c->t[j].num <= 0)
        return 0;
    int cur2 = bcx_fig_money_phrase(c, si, j, &sc2, &lead2, &end2);
    /* "2 and USD 2.5 billion": a currency before the second only when the first has one */
    if (lead2 != at || (lead2 != j && cur == 0))
        return 0;
    /* a currency of the first alone carries to a scaled second ("USD 2-2.5 billion", "$2
     * billion to 2.5 billion"); two currencies must be one */
    if ((cur2 == 0 && (cur == 0 || sc2 <= 1)) || (cur != 0 && cur2 != 0 && cur != cur2))
        return 0;
    /* "from 2 to 2.5 billion" said of a change is a level before and one after */
    if (!dash && !and_word && change_before(c, si, lead))
        return 0;
    r->lo = scaled(c, i, sc > 1 ? sc : sc2);
    r->hi = scaled(c, j, sc2);
    if (!(r->lo > 0 && r->lo < r->hi))
        return 0;
    r->low = i;
    r->lead = lead;
    r->high = j;
    r->end = end2;
    return 1;
}

void bcx_fig_range_make(ctx *c, size_t si, const bcx_range *r, size_t read)
{
    bc_extraction *o = c->out;
    if (read + 1 != o->nfigures)
        return;
    bc_xfigure *f = bcx_new_figure(c);
    if (f == NULL)
        return;
    bc_xfigure *a = &o->figures[read];
    /* "about 2-2.5 billion", "约20亿至25亿元": a hedge before the range is the whole range's */
    const char *hedge = bcx_fig_qualifier(c, si, r->lead, r->end);
    if (strcmp(hedge, "exact") == 0)
        hedge = a->qualifier;
    if (strcmp(hedge, "exact") != 0)
        copy_str(a->range_hedge, sizeof a->range_hedge, hedge);
    *f = *a;
    a->value = r->lo;
    a->start = c->t[r->low].start;
    a->end = c->t[r->low].end;
    a->range = BC_X_RANGE_LOW;
    a->range_other = r->hi;
    copy_str(a->qualifier, sizeof a->qualifier, "range_low");
    f->value = r->hi;
    f->start = c->t[r->high].start;
    f->end = c->t[r->high].end;
    f->range = BC_X_RANGE_HIGH;
    f->range_other = r->lo;
    copy_str(f->qualifier, sizeof f->qualifier, "range_high");
    for (size_t k = r->low; k < r->end && k < c->se[si].t1; k++)
        if (c->t[k].used == 0 || c->t[k].kind == T_NUM)
            c->t[k].used = U_FIG;
}

void bcx_fig_range_settle(ctx *c, size_t first)
{
    bc_xfigure *fs = c->out->figures;
    for (size_t k = first; k + 1 < c->out->nfigures; k++) {
        bc_xfigure *a = &fs[k], *b = &fs[k + 1];
        if (a->range != BC_X_RANGE_LOW || b->range != BC_X_RANGE_HIGH)
            continue;
        /* the rate of change said after the range is the range's */
        bc_xfigure *from = b->has_change ? b : a, *to = b->has_change ? a : b;
        if (from->has_change && !to->has_change) {
            to->has_change = 1;
            to->change_pct = from->change_pct;
            memcpy(to->change_qualifier, from->change_qualifier, sizeof to->change_qualifier);
        }
    }
}
