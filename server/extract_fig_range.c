/* extract_fig_range.c: a range of money ("between USD 2 billion and USD 2.5 billion", "2-2,5 tỷ
 * USD", "20亿至25亿美元", "entre 2 et 2,5 milliards de dollars", "od 2 do 2,5 mld USD", "mellan 2
 * och 2,5 miljarder dollar", "tussen 2 en 2,5 miljard dollar") is two figures: its lower end
 * (qualifier range_low) and its upper end (range_high), each with the measure, period, parties,
 * goal and change the range has. Neither end is exact, the lower one is never lost, and the two
 * are never read as two statements of one quantity that disagree. A range of counts ("between
 * 1,000 and 1,200 trucks") is two ends alike. Two amounts around a word of change ("rose from 2
 * to 2.5 billion USD") are a level before and one after: both are figures, the earlier one
 * with the later one's scale and currency when it writes none. */
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
/* the words around the level before a change: "from" before it, "to" after it */
static const jword FROM_LEVEL[] = {{L_EN, "from"}, {L_VI, "tu"},  {L_ZH, "从"}, {L_ZH, "由"},
                                   {L_FR, "de"},   {L_FR, "d"},   {L_PL, "z"},  {L_PL, "ze"},
                                   {L_SV, "fran"}, {L_NL, "van"}, {0, NULL}};
static const jword TO_LEVEL[] = {{L_EN, "to"},  {L_VI, "len"}, {L_VI, "xuong"}, {L_VI, "con"},
                                 {L_VI, "den"}, {L_VI, "toi"}, {L_ZH, "至"},    {L_ZH, "到"},
                                 {L_FR, "a"},   {L_PL, "do"},  {L_SV, "till"},  {L_NL, "naar"},
                                 {L_NL, "tot"}, {0, NULL}};

static int word_in(const ctx *c, size_t i, size_t lim, const jword *words)
{
    if (i >= lim || c->t[i].kind != T_WORD)
        return 0;
    for (int k = 0; words[k].w; k++)
        if ((c->lbit & words[k].lbit) && bcx_word_is(c, i, lim, words[k].w))
            return 1;
    return 0;
}

/* 1 when token k of sentence si is the particle of a Dutch verb of change split from it in
 * its clause ("nam ... af", "nam ... toe", "liep ... terug", "liep ... op"): "De handel nam
 * in 2026 af van 3,2 miljard dollar tot 2,8 miljard dollar". */
static int nl_split_change(const ctx *c, size_t si, size_t k)
{
    static const char *const take[] = {"nam", "namen", "neemt", "nemen", NULL};
    static const char *const run[] = {"liep", "liepen", "loopt", "lopen", NULL};
    const char *const *verbs = NULL;
    size_t lim = c->se[si].t1;
    if (c->lbit != L_NL)
        return 0;
    if (bcx_word_is(c, k, lim, "af") || bcx_word_is(c, k, lim, "toe"))
        verbs = take;
    else if (bcx_word_is(c, k, lim, "terug") || bcx_word_is(c, k, lim, "op"))
        verbs = run;
    for (size_t p = k; verbs != NULL && p > c->se[si].t0; p--) {
        if (bcx_gap(c, p - 1) & (G_COMMA | G_DOT | G_PAREN))
            return 0;
        for (int w = 0; verbs[w]; w++)
            if (bcx_word_is(c, p - 1, lim, verbs[w]))
                return 1;
    }
    return 0;
}

/* 1 when a word of change stands in the clause before token lead ("rose from 2 to 2.5
 * billion", "sont passes de 2 a 2,5 milliards", "wzrosly z 2 do 2,5 mld", "nam ... af van 3,2
 * tot 2,8 miljard"): the two amounts are a level before and after, not a range. */
static int change_before(const ctx *c, size_t si, size_t lead)
{
    const bc_lex *e = NULL;
    for (size_t p = lead; p > c->se[si].t0; p--) {
        size_t k = p - 1;
        if (bcx_gap(c, k) & (G_COMMA | G_DOT | G_PAREN))
            break;
        if (bcx_up_at(c, k) > 0 || bcx_lex_find(c, C_DOWN, k, &e) > 0 || nl_split_change(c, si, k))
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

/* How the first number of a range, its words [lead, end) in sentence si, joins the second:
 * the number of tokens of the joining word ("至", "and" after "between", "to"; 0 for a
 * dash, then *dash is set), or -1 when nothing joins them. *and_word: "between X and Y",
 * never a change. French "a" joins money only after "de" ("de 2 a 2,5 milliards"):
 * french_de; a count's noun follows its range, so "500 a 600 camions" needs none. */
static int range_join(const ctx *c, size_t si, size_t lead, size_t end, int french_de, int *dash,
                      int *and_word)
{
    size_t lim = c->se[si].t1, t0 = c->se[si].t0;
    unsigned g = bcx_gap(c, end - 1);
    *dash = c->t[end].kind == T_NUM && (g & G_DASH) && !(g & ~(unsigned)(G_DASH | G_SPACE));
    *and_word = 0;
    if (*dash)
        return 0;
    if (g & (G_COMMA | G_DOT | G_PAREN | G_SLASH))
        return -1;
    int n = 0;
    if (bcx_words_at(c, end, lim, "至") || bcx_words_at(c, end, lim, "到"))
        n = 1;
    else if (word_in(c, end, lim, AND_WORDS) && lead > t0 &&
             (word_in(c, lead - 1, lim, BETWEEN) ||
              (lead > t0 + 1 && bcx_word_is(c, lead - 1, lim, "de") &&
               word_in(c, lead - 2, lim, BETWEEN)))) /* "tussen de 1.100 en 1.350" */
        n = 1, *and_word = 1;
    else if (word_in(c, end, lim, TO_WORDS) &&
             (!french_de || c->lbit != L_FR || (lead > t0 && bcx_word_is(c, lead - 1, lim, "de"))))
        n = 1;
    if (n == 0 || (bcx_gap(c, end + (size_t)n - 1) & (G_COMMA | G_DOT | G_PAREN | G_SLASH)))
        return -1;
    return n;
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
    int dash, and_word, joined = range_join(c, si, lead, end, 1, &dash, &and_word);
    if (joined < 0)
        return 0;
    n = (size_t)joined;
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

/* The scale word right after the number at token i (1 when none). */
static double scale_after(const ctx *c, size_t si, size_t i, size_t *end)
{
    const bc_lex *e = NULL;
    size_t n;
    *end = i + 1;
    if (i + 1 < c->se[si].t1 && (n = bcx_lex_find2(c, C_SCALE, i + 1, 1, &e)) > 0 &&
        bcx_lex_find2(c, C_NOUN, i + 1, 1, NULL) < n) {
        *end = i + 1 + n;
        return e->val;
    }
    return 1;
}

int bcx_fig_count_range_at(const ctx *c, size_t si, size_t i, bcx_range *r)
{
    size_t lim = c->se[si].t1, end, end2, n = 0;
    memset(r, 0, sizeof *r);
    if (c->t[i].kind != T_NUM || c->t[i].used != 0 || c->t[i].num <= 0)
        return 0;
    double sc = scale_after(c, si, i, &end);
    if (end >= lim)
        return 0;
    int dash, and_word, joined = range_join(c, si, i, end, 0, &dash, &and_word);
    if (joined < 0)
        return 0;
    n = (size_t)joined;
    size_t j = end + n;
    if (j >= lim || c->t[j].kind != T_NUM || c->t[j].used != 0 || c->t[j].num <= 0)
        return 0;
    /* "rose from 180 to 260 trucks": a level before and one after */
    if (!dash && !and_word && change_before(c, si, i))
        return 0;
    double sc2 = scale_after(c, si, j, &end2);
    r->lo = scaled(c, i, sc > 1 ? sc : sc2);
    r->hi = scaled(c, j, sc2);
    if (!(r->lo > 0 && r->lo < r->hi))
        return 0;
    r->low = i;
    r->lead = i;
    r->high = j;
    r->end = end2;
    return 1;
}

/* The token of figure f's number in sentence si, SIZE_MAX when none. */
static size_t token_of(const ctx *c, size_t si, const bc_xfigure *f)
{
    for (size_t q = c->se[si].t0; q < c->se[si].t1; q++)
        if (c->t[q].kind == T_NUM && c->t[q].start == f->start)
            return q;
    return SIZE_MAX;
}

/* 1 when token k lies in a date of sentence si. */
static int in_date(const ctx *c, size_t si, size_t k)
{
    for (size_t d = c->se[si].d0; d < c->se[si].d1; d++)
        if (c->d[d].t0 <= k && k < c->d[d].t1)
            return 1;
    return 0;
}

/* 1 when tokens [from, q) hold nothing but what may follow the level before a change up to
 * its "to": a currency or a scale ("from 2 billion yuan to"), its own time ("in 2024"), a
 * word of change ("增至"), and for a count (count) the noun it counts ("tonnes"); for money
 * not a noun of what the number counts ("Exports from 3 provinces rose to 2.5 billion USD":
 * 3 is no amount). */
static int only_level_words(const ctx *c, size_t si, size_t from, size_t q, int count)
{
    const bc_lex *e = NULL;
    static const char *const verbs[] = {"增", "升", "降", "减", "涨", "跌", "提", "达", NULL};
    for (size_t k = from; k < q;) {
        size_t n = 0;
        for (size_t d = c->se[si].d0; d < c->se[si].d1 && n == 0; d++)
            if (c->d[d].t0 <= k && k < c->d[d].t1)
                n = c->d[d].t1 - k;
        if (n == 0 && c->t[k].kind == T_WORD) {
            /* and the level's own time: "from 3.1 million tonnes in the same period last
             * year to", "sur la meme periode l'an dernier", "cung ky nam ngoai" */
            static const int ok[] = {C_CURRENCY,    C_SCALE,     C_LOC,         C_UP,
                                     C_DOWN,        C_YEAR_WORD, C_SAME_PERIOD, C_LAST_YEAR,
                                     C_YEAR_BEFORE, C_ARTICLE};
            for (size_t o = 0; o < sizeof ok / sizeof ok[0]; o++) { /* the longest */
                size_t m = bcx_lex_find(c, ok[o], k, &e);
                n = m > n ? m : n;
            }
            for (int v = 0; n == 0 && c->lbit == L_ZH && verbs[v]; v++)
                n = bcx_word_is(c, k, q, verbs[v]) ? 1 : 0;
            /* a "to" before the one that opens the later level: "xuong con 2,8 ty" */
            if (n == 0 && k + 1 == q && word_in(c, k, q, TO_LEVEL))
                n = 1;
            /* a count's own noun: "from 3.1 million tonnes to 3.8 million tonnes" */
            if (n == 0 && count)
                n = bcx_lex_find2(c, C_NOUN, k, k == from, &e); /* "20万人次" too */
            if (n == 0 && count && k + 1 < q &&
                (bcx_word_is(c, k, q, "de") || bcx_word_is(c, k, q, "of")) &&
                bcx_lex_find(c, C_NOUN, k + 1, &e) > 0)
                n = 1; /* "3,1 millions de tonnes" */
            if (n == 0 && count && c->lbit == L_VI && bcx_word_is(c, k, q, "luot"))
                n = 1; /* "tu 310.000 luot nam 2024 len 450.000 luot" */
            if (n == 0 && c->t[k].fl <= 2 && k > c->se[si].t0 && in_date(c, si, k - 1))
                n = 1; /* "w 2023 r." */
        }
        if (n == 0)
            return 0;
        k += n;
    }
    return 1;
}

/* The token of a word of words (FROM_LEVEL, TO_LEVEL) before a level of a change that
 * opens at token lead, with only a time of that level between ("从去年同期的310万吨", "from
 * last year's 310,000", "增至2024年的26万"), SIZE_MAX when none. */
static size_t level_word(const ctx *c, size_t si, size_t lead, const jword *words)
{
    const bc_lex *e = NULL;
    static const int times[] = {C_LAST_YEAR, C_THIS_YEAR, C_YEAR_BEFORE, C_SAME_PERIOD,
                                C_YEAR_WORD, C_MONTHS,    C_FIRST,       C_ARTICLE};
    size_t t0 = c->se[si].t0, lim = c->se[si].t1;
    for (size_t k = lead; k > t0 && k + 8 > lead;) {
        if (bcx_gap(c, k - 1) & (G_COMMA | G_DOT | G_PAREN))
            return SIZE_MAX;
        if (word_in(c, k - 1, lim, words))
            return k - 1;
        size_t a = SIZE_MAX;
        for (size_t d = c->se[si].d0; d < c->se[si].d1 && a == SIZE_MAX; d++)
            if (c->d[d].t1 == k && c->d[d].t0 < k)
                a = c->d[d].t0;
        for (size_t o = 0; o < sizeof times / sizeof times[0] && a == SIZE_MAX; o++)
            a = bcx_lex_ending(c, times[o], t0, k, &e);
        if (a == SIZE_MAX && (bcx_word_is(c, k - 1, k, "的") || bcx_word_is(c, k - 1, k, "s")))
            a = k - 1; /* "去年同期的", "last year's" */
        if (a == SIZE_MAX || a >= k)
            return SIZE_MAX;
        k = a;
    }
    return SIZE_MAX;
}

/* The period that "the same period" of a level before ("去年同期的310万吨") refers to: the
 * latest one of a figure read before figure index lim in sentence si or the one before it
 * (never a goal's or a base of comparison's), NULL when none. */
static const bc_xfigure *same_period_of(const ctx *c, size_t si, size_t lim)
{
    size_t lo = c->se[si > 0 ? si - 1 : si].qs;
    for (size_t m = lim; m > 0; m--) {
        const bc_xfigure *b = &c->out->figures[m - 1];
        if (b->cite.nquotes == 0 || b->cite.q[0].start < lo)
            return NULL;
        if (b->period[0] != '\0' && !b->target && b->period_context != 2 && !b->level)
            return b;
    }
    return NULL;
}

/* 1 when a word of change stands between the level before (token x) and "to" (token q):
 * "从2亿增至", "van 2 miljard gestegen naar"; a Chinese verb of one character right before
 * "至"/"到" ("增至", "降至", "升至"). */
static int change_between(const ctx *c, size_t x, size_t q)
{
    const bc_lex *e = NULL;
    static const char *const verbs[] = {"增", "升", "降", "减", "涨", "跌", "提", "达", NULL};
    for (size_t k = x + 1; k < q; k++)
        if (bcx_up_at(c, k) > 0 || bcx_lex_find(c, C_DOWN, k, &e) > 0)
            return 1;
    for (int v = 0; c->lbit == L_ZH && q > x + 1 && verbs[v]; v++)
        if (bcx_word_is(c, q - 1, q, verbs[v]))
            return 1;
    return 0;
}

/* 1 when the gap after token k ends what may lie between two levels: a comma, a bracket,
 * a full stop but that of a date's abbreviation ("z 200 000 w 2023 r. do 260 000"). */
static int breaks_level(const ctx *c, size_t si, size_t k)
{
    unsigned g = bcx_gap(c, k);
    if (g & (G_COMMA | G_PAREN))
        return 1;
    return (g & G_DOT) && !in_date(c, si, k) &&
           !(c->t[k].fl <= 2 && k > c->se[si].t0 && in_date(c, si, k - 1));
}

size_t bcx_fig_level_before(ctx *c, size_t si, size_t k)
{
    if (c->rc != BC_OK || k >= c->out->nfigures)
        return k;
    bc_xfigure *f = &c->out->figures[k];
    size_t t0 = c->se[si].t0, j = token_of(c, si, f), lead, end, x, lead_x, end_x;
    double sc = 1, sc_x = 1;
    if (f->range || f->conversion || f->level || f->rate || f->change_amount || j == SIZE_MAX)
        return k;
    int cur = 0, cur_x = 0;
    if (f->money)
        cur = bcx_fig_money_phrase(c, si, j, &sc, &lead, &end);
    else
        sc = scale_after(c, si, j, &end), lead = j;
    /* "... to" before it, its own time aside ("增至2024年的26万人次") */
    size_t q = lead > t0 + 2 ? level_word(c, si, lead, TO_LEVEL) : SIZE_MAX;
    if (q == SIZE_MAX || q <= t0 + 1 || breaks_level(c, si, q - 1))
        return k;
    /* the nearest number before "to" that is no date, with nothing but words between (its
     * own time among them: "3,1 millions de tonnes sur la meme periode l'an dernier a") */
    for (x = q; x > t0 && x + 14 > q; x--) {
        const tok *t = &c->t[x - 1];
        if (breaks_level(c, si, x - 1))
            return k;
        if (t->kind == T_NUM && t->used != U_DATE && t->used != U_PCT)
            break;
    }
    if (x <= t0 || x + 14 <= q)
        return k;
    x--;
    if (c->t[x].num <= 0)
        return k;
    if (f->money) {
        cur_x = bcx_fig_money_phrase(c, si, x, &sc_x, &lead_x, &end_x);
        if (cur_x != 0 && cur_x != cur)
            return k; /* "from 2 billion yuan to 300 million USD": no shared currency */
    } else {
        sc_x = scale_after(c, si, x, &end_x);
        lead_x = x;
    }
    size_t fw = lead_x > t0 ? level_word(c, si, lead_x, FROM_LEVEL) : SIZE_MAX;
    if (fw == SIZE_MAX || !(change_before(c, si, fw) || change_between(c, x, q)) ||
        !only_level_words(c, si, end_x > x + 1 ? end_x : x + 1, q, !f->money))
        return k;
    /* its own time, written between "from" and "to": a date, or "the same period of last
     * year" ("去年同期"), the year before the period the change speaks of */
    const xd *own = NULL;
    for (size_t d = c->se[si].d0; d < c->se[si].d1; d++)
        if (c->d[d].t0 > fw && c->d[d].t1 <= q && c->d[d].iso[0] != '-' && !c->d[d].weekday)
            own = &c->d[d];
    int year_before =
        bcx_range_has(c, fw, q, C_YEAR_BEFORE, -1) ||
        (bcx_range_has(c, fw, q, C_LAST_YEAR, -1) && bcx_range_has(c, fw, q, C_SAME_PERIOD, -1));
    /* the later level's own date, written after it in its clause ("till 450 000 år 2025",
     * "to 3.8 million tonnes in the first ten months of 2026") */
    const xd *after = NULL;
    for (size_t d = c->se[si].d0; d < c->se[si].d1 && after == NULL; d++)
        if (c->d[d].t0 > q && c->d[d].iso[0] != '-' && !c->d[d].weekday && !c->d[d].compare &&
            bcx_commas(c, q, c->d[d].t0) == 0)
            after = &c->d[d];
    bc_xfigure *g = NULL;
    for (size_t m = 0; m < c->out->nfigures && g == NULL; m++)
        if (m != k && c->out->figures[m].start == c->t[x].start &&
            c->out->figures[m].cite.nquotes > 0 &&
            c->out->figures[m].cite.q[0].start == c->se[si].qs)
            g = &c->out->figures[m];
    if (g != NULL && (g->money != f->money || strcmp(g->unit, f->unit) != 0 || g->range))
        return k;
    if (g != NULL && g->change_amount && !g->conversion) {
        /* "ont chute de 3,2 milliards a 2,8 milliards", "ont augmente de 2,8 a 3,2": the
         * "de" of a level before, which was read as the "de" of a change by it; the level
         * before measures what the later one measures */
        g->change_amount = 0;
        if (g->metric[0] == '\0' && !f->metric_inferred) {
            memcpy(g->metric, f->metric, sizeof g->metric);
            g->metric_inferred = f->metric_inferred;
            g->target = f->target;
        }
    }
    size_t at = k;
    if (g == NULL) {
        /* a new figure, put before f so that f stays the one later sentences go on about */
        if (bcx_new_figure(c) == NULL)
            return k;
        bc_xfigure *fs = c->out->figures;
        size_t last = c->out->nfigures - 1;
        memmove(&fs[k + 1], &fs[k], (last - k) * sizeof fs[0]);
        g = &fs[k];
        f = &fs[k + 1];
        *g = *f;
        memset(&g->cite, 0, sizeof g->cite);
        bcx_cite_add(&g->cite, c->se[si].qs, c->se[si].qe);
        g->value = scaled(c, x, sc_x > 1 ? sc_x : sc);
        g->start = c->t[x].start;
        g->end = c->t[x].end;
        g->has_change = 0;
        g->change_pct = 0;
        g->change_qualifier[0] = '\0';
        copy_str(g->qualifier, sizeof g->qualifier, bcx_fig_qualifier(c, si, lead_x, end_x));
        at = k + 1;
        for (size_t p = x; p < end_x && p < q; p++)
            if (c->t[p].used == 0 || c->t[p].kind == T_NUM)
                c->t[p].used = U_FIG;
    }
    /* "Wartosc eksportu owocow wzrosla z 420 mln USD do 610 mln USD": the later level is of
     * the measure the sentence gives the earlier one, never one borrowed from before */
    if (g->money && f->metric_inferred && !g->metric_inferred && g->metric[0] != '\0') {
        memcpy(f->metric, g->metric, sizeof f->metric);
        f->metric_inferred = 0;
        f->target = g->target;
        f->confidence += 0.15;
        if (f->period_context == 1 && !bcx_sent_has(c, si, C_SAME_PERIOD, -1) &&
            !bcx_sent_has(c, si, C_WHOLE_YEAR, -1)) {
            f->period[0] = '\0'; /* the period of the figure it was taken to go on about */
            f->period_context = 0;
            f->period_inferred = 0;
            f->confidence -= 0.1;
        }
    }
    /* each level's period is its own, never the other's: the earlier one's is written
     * between "from" and "to", the later one's after it ("från 310 000 år 2024 till 450 000
     * år 2025"); a date of the earlier level is no period of the later one */
    int had = g->period[0] != '\0';
    g->period[0] = '\0';
    g->period_inferred = 0;
    g->period_context = 0;
    int f_had = f->period[0] != '\0';
    if (f->period_context == 2) { /* "last year to USD 3.85 billion": the earlier level's */
        f->period[0] = '\0';
        f->period_context = 0;
    }
    if (own != NULL && strcmp(f->period, own->iso) == 0)
        f->period[0] = '\0'; /* "from USD 2 billion in 2024 to USD 2.5 billion" */
    if (f->period[0] == '\0' && after != NULL) {
        copy_str(f->period, sizeof f->period, after->iso);
        f->period_inferred = after->inferred;
        f->period_context = 0;
    }
    if (f_had && f->period[0] == '\0')
        f->confidence -= 0.1;
    const bc_xfigure *ref = NULL;
    if (year_before && f->period[0] == '\0' &&
        (ref = same_period_of(c, si, (size_t)(g - c->out->figures))) != NULL) {
        /* "从去年同期的310万吨增至385万吨": the change is over the period the article spoke
         * of, the earlier level that period a year before */
        copy_str(f->period, sizeof f->period, ref->period);
        f->period_inferred = ref->period_inferred;
        f->period_context = 1;
    }
    /* "前9个月，...由去年同期的310万吨增加到385万吨", "2026年前10个月，口岸货运量从385万吨降至
     * 310万吨" */
    const xd *opens = NULL;
    for (size_t d = c->se[si].d0; d < c->se[si].d1 && f->period[0] == '\0'; d++)
        if (c->d[d].t1 <= fw && c->d[d].iso[0] != '-' && c->d[d].prec != 3 && !c->d[d].weekday &&
            !c->d[d].compare)
            opens = &c->d[d];
    if (opens != NULL) {
        /* the time the sentence opens with, before "from": the change is over it, the
         * later level that time's (stated; the same period of a year before is read from it) */
        copy_str(f->period, sizeof f->period, opens->iso);
        f->period_inferred = opens->inferred;
        f->period_context = year_before;
    }
    if (year_before && f->period[0] != '\0' &&
        bcx_period_year_before(f->period, g->period, sizeof g->period)) {
        g->period_inferred = f->period_inferred;
        g->period_context = 2;
    } else if (own != NULL && !year_before) {
        copy_str(g->period, sizeof g->period, own->iso);
        g->period_inferred = own->inferred;
    } else if (had) {
        g->confidence -= 0.1;
    }
    if (f->period[0] == '\0')
        f->period_inferred = 0, f->period_context = 0; /* nothing inferred of no period */
    g->level = BC_X_LEVEL_BEFORE;
    g->level_other = f->value;
    f->level = BC_X_LEVEL_AFTER;
    f->level_other = g->value;
    return at;
}
