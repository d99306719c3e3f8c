/* extract_fig_ref.c: what an amount of money is and what its sentence refers to: a rate
 * or a price, a change rather than a level, a sentence that goes on about the figure
 * before it, the "same period" and "whole year" phrases that point to an earlier
 * period, the change a percentage states, and the period written next to an amount: the
 * year before another's ("a year earlier"), a span of years ("in 2024 and 2025"), a date
 * after it when the one before it is the amount before's (used by extract_fig.c). */
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The first token of a word of class cls that ends exactly at token end, starting at or
 * after lo, with no comma, dot or bracket from it to token end; SIZE_MAX when none. */
static size_t word_before(const ctx *c, int cls, size_t lo, size_t end)
{
    const bc_lex *e = NULL;
    if (end <= lo)
        return SIZE_MAX;
    size_t p = bcx_lex_ending(c, cls, lo, end, &e);
    if (p == SIZE_MAX)
        return SIZE_MAX;
    for (size_t k = p; k < end; k++)
        if (bcx_gap(c, k) & (G_COMMA | G_DOT | G_PAREN))
            return SIZE_MAX;
    return p;
}

size_t bcx_up_at(const ctx *c, size_t i)
{
    const bc_lex *e = NULL;
    size_t n = bcx_lex_find(c, C_UP, i, &e);
    if (n == 0 || e->val == 1)
        return 0;
    for (size_t a = i > 3 ? i - 3 : 0; a < i; a++)
        if (bcx_lex_find(c, C_UP, a, &e) > i - a && e->val == 1)
            return 0;
    return n;
}

/* 1 when token k is a unit goods are priced by (folded): "tonne", "ton", "kilo", "kg",
 * "container", "tona", "conteneur". */
static int unit_word(const ctx *c, size_t k, size_t lim)
{
    static const char *const units[] = {
        "ton",       "tons",      "tonne",      "tonnes",    "tona",       "tone",
        "tony",      "kilo",      "kilos",      "kg",        "kilogram",   "kilogrammes",
        "kilograms", "container", "containers", "conteneur", "conteneurs", NULL};
    for (int q = 0; units[q]; q++)
        if (bcx_word_is(c, k, lim, units[q]))
            return 1;
    return 0;
}

/* 1 when the amount at tokens [lead, end) of sentence si is a price of goods by a unit: the
 * unit right after it, an article between ("5,000 USD a tonne", "5.000 dollar de ton"), or a
 * word for price before it in its clause and a unit between them ("The price of a tonne of
 * durian is 5,000 USD", "de prijs van een ton durian bedraagt", "le prix de la tonne",
 * "cena tony", "priset per ton"). */
static int unit_price(const ctx *c, size_t si, size_t lead, size_t end)
{
    static const char *const arts[] = {"a", "an", "een", "de", "la", "le", "en", NULL};
    static const char *const price[] = {"price", "prices", "prijs", "prijzen", "prix",   "cena",
                                        "ceny",  "cene",   "pris",  "priset",  "priser", NULL};
    size_t t0 = c->se[si].t0, lim = c->se[si].t1, k = end;
    if (k < lim && !(bcx_gap(c, k - 1) & (G_COMMA | G_DOT | G_PAREN))) {
        for (int q = 0; arts[q]; q++)
            if (bcx_word_is(c, k, lim, arts[q])) {
                k++;
                break;
            }
        if (k < lim && unit_word(c, k, lim))
            return 1;
    }
    size_t from = t0, said = SIZE_MAX;
    for (size_t p = t0; p + 1 < lead; p++)
        if (bcx_gap(c, p) & (G_COMMA | G_DOT | G_PAREN))
            from = p + 1;
    for (size_t p = from; p < lead; p++) {
        if (c->t[p].used == U_FIG)
            said = SIZE_MAX; /* another amount between */
        for (int q = 0; price[q] && said == SIZE_MAX; q++)
            if (bcx_word_is(c, p, lead, price[q]))
                said = p;
    }
    /* the unit between the word for price and the amount */
    for (size_t p = said; said != SIZE_MAX && p < lead; p++)
        if (unit_word(c, p, lim))
            return 1;
    return 0;
}

/* 1 when the amount at tokens [lead, end) is a rate or a price, not an amount of money:
 * a "per" word or a slash and a word after it ("24,500 VND per USD", "24.500 dong/USD",
 * "5.000 元/吨", but not "per year"), "每" before it ("每吨5000元"), or a word for an
 * exchange rate earlier in its clause ("the exchange rate was", "ty gia", "汇率",
 * "1美元兑7.1元"). */
int bcx_fig_is_rate(const ctx *c, size_t si, size_t lead, size_t end)
{
    static const char *const per_time[] = {
        "year", "annum", "month", "day", "week", "nam", "thang", "ngay", "an", "annee", "jour",
        "mois", "rok", "roku", "ar", "aret", "jaar", "dag", "年", "月", "天",
        /* "797 mln USD za okres styczen-wrzesien": for a period */
        "okres", "period", "periode", "perioden", NULL};
    const bc_lex *e = NULL;
    size_t t0 = c->se[si].t0, lim = c->se[si].t1, n = 0, q = end;
    if (end < lim && end > 0 && (bcx_gap(c, end - 1) & G_SLASH))
        q = end; /* "dong/USD" */
    else if (end < lim && end > 0 && !(bcx_gap(c, end - 1) & (G_COMMA | G_DOT | G_PAREN)) &&
             (n = bcx_lex_find(c, C_PER, end, &e)) > 0)
        q = end + n; /* "VND per USD" */
    else
        q = SIZE_MAX;
    if (q < lim && c->t[q].kind == T_WORD && (q == end || !(bcx_gap(c, q - 1) & G_COMMA))) {
        int time = 0;
        for (int k = 0; per_time[k] && !time; k++)
            time = bcx_word_is(c, q, lim, per_time[k]) || bcx_words_at(c, q, lim, per_time[k]) > 0;
        if (!time)
            return 1;
    }
    if (unit_price(c, si, lead, end))
        return 1;
    /* a rate word before the amount, in its clause, with no amount between: that one is
     * the rate ("Przy kursie 3 480 VND za juana odpowiada to okolo 334 mld VND") */
    for (size_t p = lead; p > t0; p--) {
        if ((p < lead && (bcx_gap(c, p - 1) & (G_COMMA | G_DOT | G_PAREN))) ||
            c->t[p - 1].used == U_FIG)
            break;
        if (bcx_lex_find(c, C_RATE, p - 1, &e) > 0)
            return 1;
        if (c->lbit == L_ZH && lead - (p - 1) <= 3 && bcx_lex_find(c, C_PER, p - 1, &e) > 0)
            return 1; /* "每吨5000元" */
    }
    return 0;
}

/* 1 when the amount at tokens [lead, end) is a change, not a level: a growth or decline
 * word right before it, or with "by" between ("grew by 1.5 billion USD", "tang them 200
 * trieu USD", "增加了5亿元", "en hausse de 150 millions", "wzrost o 1 mld", "okade med",
 * "steeg met"), "by" right before it with a growth word earlier in its clause ("raised
 * turnover by 1 billion"), or a word of more or less right after it ("1.5 billion USD
 * more than"). "Rose to 5 billion", "tang len", "增至" are levels. */
int bcx_fig_is_change(const ctx *c, size_t si, size_t lead, size_t end)
{
    static const int quals[] = {C_QUAL_OVER, C_QUAL_NEARLY, C_QUAL_ABOUT, C_QUAL_UNDER};
    const bc_lex *e = NULL;
    size_t t0 = c->se[si].t0, lim = c->se[si].t1, q = lead;
    /* a qualifier between: "grew by nearly 1.5 billion" */
    for (size_t k = 0; k < sizeof quals / sizeof quals[0]; k++) {
        size_t p = word_before(c, quals[k], lead > t0 + 3 ? lead - 3 : t0, lead);
        if (p != SIZE_MAX) {
            q = p;
            break;
        }
    }
    size_t by = word_before(c, C_BY, q > t0 + 2 ? q - 2 : t0, q);
    size_t grow_end = by != SIZE_MAX ? by : q;
    size_t lo = grow_end > t0 + 4 ? grow_end - 4 : t0;
    size_t up = word_before(c, C_UP, lo, grow_end);
    if ((up != SIZE_MAX && bcx_up_at(c, up) > 0) ||
        word_before(c, C_DOWN, lo, grow_end) != SIZE_MAX)
        return 1;
    if (by != SIZE_MAX && bcx_lex_find(c, C_BY, by, &e) > 0 && e->val == 1)
        for (size_t p = by; p > t0 && p + 6 > by; p--) {
            if (bcx_gap(c, p - 1) & (G_COMMA | G_DOT | G_PAREN))
                break;
            if (bcx_up_at(c, p - 1) > 0 || bcx_lex_find(c, C_DOWN, p - 1, &e) > 0)
                return 1;
        }
    if (end < lim && end > 0 && !(bcx_gap(c, end - 1) & (G_COMMA | G_DOT | G_PAREN)) &&
        (bcx_lex_find(c, C_UP_AFTER, end, &e) > 0 || bcx_lex_find(c, C_DOWN_AFTER, end, &e) > 0))
        return 1;
    return 0;
}

/* 1 when "in the same period" ("cung ky", "同期", "sur la meme periode") at token p (n
 * tokens) means the period stated before: not the basis of a comparison ("compared with
 * the same period", "so voi cung ky nam truoc", "比去年同期"), nor one followed by a year
 * or "last year". */
static int same_period_at(const ctx *c, size_t si, size_t p, size_t n)
{
    const bc_lex *e = NULL;
    size_t t0 = c->se[si].t0, lim = c->se[si].t1;
    for (size_t k = p > t0 + 4 ? p - 4 : t0; k < p; k++)
        if (bcx_lex_find(c, C_COMPARE, k, &e) > 0 || bcx_lex_find(c, C_LAST_YEAR, k, &e) > 0)
            return 0;
    for (size_t k = p + n; k < lim && k < p + n + 2; k++) {
        if (bcx_gap(c, k - 1) & (G_COMMA | G_DOT | G_PAREN))
            break;
        if (bcx_lex_find(c, C_LAST_YEAR, k, &e) > 0 || bcx_lex_find(c, C_YEAR_WORD, k, &e) > 0 ||
            bcx_year_of(c, k, lim) != 0)
            return 0;
    }
    return 1;
}

/* 1 when token k is (or may be) part of an amount: read as one, or a number not yet read
 * as a date or a rate. */
static int amount_tok(const ctx *c, size_t k)
{
    return c->t[k].used == U_FIG || (c->t[k].kind == T_NUM && c->t[k].used == 0);
}

/* 1 when a phrase of class cls (C_WHOLE_YEAR, C_SAME_PERIOD) in sentence si speaks of the
 * amount at tokens [lead, end): no other amount of money between them, and no comma
 * either unless the phrase opens the sentence before any amount ("Pour l'ensemble de
 * l'annee, la province vise 4 milliards"). */
int bcx_fig_cue_applies(const ctx *c, size_t si, int cls, size_t lead, size_t end)
{
    const bc_lex *e = NULL;
    size_t t0 = c->se[si].t0, lim = c->se[si].t1;
    for (size_t p = t0; p < lim; p++) {
        size_t n = bcx_lex_find(c, cls, p, &e);
        if (n == 0 || (p < lead && p + n > lead))
            continue;
        if (cls == C_SAME_PERIOD && !same_period_at(c, si, p, n))
            continue;
        size_t a = p < lead ? p + n : end, b = p < lead ? lead : p;
        /* past the amount restated in brackets ("29.6 trillion VND (about 1.14 billion USD)
         * for the State budget over the same six months") */
        size_t ca = a > 0 ? a - 1 : 0; /* the first gap that may break the clause */
        for (size_t k = a; p >= end && a == end && a > 0 && (bcx_gap(c, a - 1) & G_OPEN) &&
                           k + 1 < b && k < a + 8;
             k++)
            if (bcx_gap(c, k) & G_CLOSE) {
                a = k + 1;
                ca = (bcx_gap(c, k) & G_COMMA) ? k : a;
                break;
            }
        int money = 0, commas = a < b && bcx_commas(c, ca, b) > 0;
        for (size_t k = a; k < b && !money; k++)
            money = amount_tok(c, k);
        int opens = 1;
        for (size_t k = t0; k < p && opens; k++)
            opens = !amount_tok(c, k);
        if (!money && (!commas || (p < lead && opens)))
            return 1;
    }
    return 0;
}

/* 1 when the clause of the amount at token lead (from token lo, the end of the amount
 * before it) reads as more of the figure before it although it names no measure: it does
 * not open with the amount ("Some 2.5 million USD was spent on scanners" speaks of
 * something new) and names nothing else counted or valued before it ("7,000 tonnes of
 * rice was worth 3 million USD"): "In 2022, it stood at 2.8 billion USD", "Lao Cai
 * accounted for 1.2 billion USD", "The province targets 3.5 billion USD", "今年上半年达220
 * 亿元", "ils ont atteint 1,7 milliard". */
int bcx_fig_goes_on(const ctx *c, size_t si, size_t lo, size_t lead)
{
    static const int skip[] = {C_QUAL_OVER, C_QUAL_NEARLY, C_QUAL_ABOUT, C_QUAL_UNDER,
                               C_ARTICLE,   C_CURRENCY,    C_CUR_ADJ};
    const bc_lex *e = NULL;
    size_t cs = lo > c->se[si].t0 ? lo : c->se[si].t0;
    for (size_t p = lead; p > cs; p--)
        if (bcx_gap(c, p - 1) & (G_COMMA | G_PAREN)) {
            cs = p;
            break;
        }
    int words = 0;
    for (size_t p = cs; p < lead;) {
        if (c->t[p].kind == T_NUM && c->t[p].used != U_DATE && c->t[p].used != U_PCT)
            return 0; /* a count of something else */
        if (c->t[p].kind != T_WORD) {
            p++;
            continue;
        }
        if (bcx_lex_find(c, C_NOUN, p, &e) > 0)
            return 0;
        size_t n = 0;
        for (size_t k = 0; k < sizeof skip / sizeof skip[0] && n == 0; k++)
            if ((n = bcx_lex_find(c, skip[k], p, &e)) > 0 &&
                (skip[k] == C_CURRENCY || skip[k] == C_CUR_ADJ) && (int)e->val == CUR_OTHER)
                n = 0; /* "Singapore", "Canadian": a place named, not a word of the amount */
        words += n == 0;
        p += n > 0 ? n : 1;
    }
    if (words > 0)
        return 1;
    /* the amount opens its clause: a continuation only when the clause before it is one
     * (a second amount after a comma: "3 billion USD in 2023, 2.8 billion USD in 2022") */
    return cs > c->se[si].t0 && lo > c->se[si].t0;
}

/* 1 when something else stands between figure f, before the rate at token i, and the rate
 * that the rate may measure: another number, not a date ("224亿美元, 通关车辆近14.9万辆次, 同比
 * 增长逾20%"), or a word of another measure ("将投资约15亿元..., 力争进出口额增长10%以上"). */
static int other_between(const ctx *c, size_t si, const bc_xfigure *f, size_t i)
{
    const bc_lex *e = NULL;
    if (f->start >= c->t[i].start || !f->money)
        return 0;
    for (size_t k = c->se[si].t0; k < i; k++) {
        if (c->t[k].start < f->end)
            continue;
        /* (not a count of months or a year: "in the first 10 months of this year") */
        if (c->t[k].kind == T_NUM && c->t[k].used != U_DATE && c->t[k].used != U_FIG &&
            bcx_year_of(c, k, c->se[si].t1) == 0 &&
            !(k + 1 < c->se[si].t1 && (bcx_lex_find(c, C_MONTHS, k + 1, NULL) > 0 ||
                                       bcx_lex_find(c, C_QUARTERS, k + 1, NULL) > 0 ||
                                       bcx_words_at(c, k + 1, c->se[si].t1, "个月") > 0)))
            return 1;
        if (bcx_lex_find(c, C_MONEY_CUE, k, &e) > 0 && f->metric[0] &&
            strcmp(bcx_mm_name((int)e->val), f->metric) != 0 && e->val != MM_GOODS &&
            e->val != MM_WORTH && e->val != MM_COST)
            return 1;
    }
    return 0;
}

void bcx_fig_attach_change(ctx *c, size_t si, size_t i, size_t first_fig)
{
    const bc_lex *e = NULL;
    const tok *t = &c->t[i];
    int sign = 0;
    for (size_t p = i; p > c->se[si].t0 && p + 6 > i && sign == 0; p--) {
        if (bcx_up_at(c, p - 1) > 0)
            sign = 1;
        else if (bcx_lex_find(c, C_DOWN, p - 1, &e) > 0)
            sign = -1;
    }
    /* "(+12 procent)", "(-3%)": a sign written on the rate, after a bracket or a space */
    if (sign == 0 && t->start >= 2 && (c->s[t->start - 2] == '(' || c->s[t->start - 2] == ' ')) {
        if (c->s[t->start - 1] == '+')
            sign = 1;
        else if (c->s[t->start - 1] == '-')
            sign = -1;
    }
    /* "o 21 proc. wiecej", "5 percent more": the direction after the rate */
    for (size_t p = i + 1; sign == 0 && p < c->se[si].t1 && p <= i + 3; p++) {
        if (bcx_lex_find(c, C_UP_AFTER, p, &e) > 0)
            sign = 1;
        else if (bcx_lex_find(c, C_DOWN_AFTER, p, &e) > 0)
            sign = -1;
    }
    /* Dutch puts the verb after the rate: "met 39 procent dalen", "met 34,5 procent
     * toenam", "nam met 12 procent toe"; v: past the verb */
    size_t v = i + 1;
    if (c->lbit == L_NL) {
        if (v < c->se[si].t1 && bcx_lex_find(c, C_PCT, v, &e) > 0)
            v++;
        for (int dir = 0;
             v < c->se[si].t1 && v <= i + 3 && !(bcx_gap(c, v - 1) & G_COMMA) &&
             (dir = bcx_up_at(c, v) > 0 || bcx_word_is(c, v, c->se[si].t1, "toe") ? 1
                    : bcx_lex_find(c, C_DOWN, v, &e) > 0 || bcx_word_is(c, v, c->se[si].t1, "af") ||
                            bcx_word_is(c, v, c->se[si].t1, "terug")
                        ? -1
                        : 0) != 0;
             v++)
            if (sign == 0)
                sign = dir;
    }
    bc_xfigure *best = NULL;
    for (size_t k = first_fig; sign != 0 && k < c->out->nfigures; k++) {
        bc_xfigure *f = &c->out->figures[k];
        if (f->start < t->start || best == NULL)
            best = f;
    }
    /* "imports jumping 811.6 percent to 4.16 billion yuan": the level the rate led to,
     * right after "to" (the percent word between), is what grew */
    size_t p = i + 1;
    if (p < c->se[si].t1 && bcx_lex_find(c, C_PCT, p, &e) > 0)
        p++;
    size_t lim = c->se[si].t1;
    if (c->lbit == L_NL && v > p)
        p = v; /* "met 34,5 procent toenam tot 313 miljoen dollar" */
    if (sign != 0 && (c->lbit == L_EN || c->lbit == L_NL) && p + 1 < lim &&
        (bcx_lex_find(c, C_TO, p, NULL) > 0 ||
         (c->lbit == L_NL && bcx_word_is(c, p, lim, "tot"))) &&
        !(bcx_gap(c, p - 1) & (G_COMMA | G_DOT))) {
        int level = 0;
        for (size_t k = first_fig; k < c->out->nfigures; k++) {
            bc_xfigure *f = &c->out->figures[k];
            if (f->start > c->t[p].start && f->start <= c->t[p + 3 < lim ? p + 3 : lim - 1].start &&
                f->money) { /* "to just over 54.4 million USD" */
                best = f;
                level = 1;
                break;
            }
        }
        /* "met 361,4 procent toenam tot meer dan 67.000": the level is a count, what grew
         * is no amount of money */
        for (size_t q = p + 1; !level && q < lim && q <= p + 3; q++)
            if (c->t[q].kind == T_NUM)
                return;
    }
    if (best == NULL || best->has_change || other_between(c, si, best, i))
        return;
    best->has_change = 1;
    best->change_pct = sign * t->num;
    copy_str(best->change_qualifier, sizeof best->change_qualifier,
             bcx_fig_qualifier(c, si, i, i + 1));
    /* an amount and its restatement in another currency share the change */
    bc_xfigure *pair = NULL;
    if (best->conversion && best > c->out->figures + first_fig)
        pair = best - 1;
    else if (best + 1 < c->out->figures + c->out->nfigures && best[1].conversion)
        pair = best + 1;
    if (pair != NULL && !pair->has_change) {
        pair->has_change = 1;
        pair->change_pct = best->change_pct;
        memcpy(pair->change_qualifier, best->change_qualifier, sizeof pair->change_qualifier);
    }
}

int bcx_work_began_at(const ctx *c, size_t si, size_t t0, size_t k)
{
    static const char *const began[] = {
        "开工",        "动工",  "开建",    "started", "began",  "broke ground",
        "khoi cong",   "begon", "ruszyla", "ruszyly", "opened", "inaugurated",
        "khanh thanh", "开通",  "启用",    "落成",    NULL};
    size_t lim = c->se[si].t1;
    size_t lo = c->se[si].t0 + 3 <= t0 ? t0 - 3 : c->se[si].t0;
    for (size_t q = lo; q < lim && q < k + 3; q++)
        for (int w = 0; began[w] && (q < t0 || q >= k); w++)
            if (bcx_words_at(c, q, q < t0 ? t0 : lim, began[w]) > 0)
                return 1;
    return 0;
}

int bcx_fig_done_between(const ctx *c, size_t a, size_t b)
{
    /* stems of finishing or opening a thing (folded): "completed", "achevee", "klaar",
     * "ukonczona", "fardig", "hoan thanh", "建成" */
    static const char *const done[] = {
        "complet", "finish",  "open",  "operat",  "ready", "due",     "achev",  "termin",
        "livr",    "ouvert",  "pret",  "service", "klaar", "voltooi", "gereed", "opgeleverd",
        "ukoncz",  "zakoncz", "oddan", "otwar",   "gotow", "klar",    "fardig", "invig",
        "hoan",    "建成",    "完工",  "竣工",    "投入",  "投用",    NULL};
    for (size_t k = a; k < b; k++)
        for (int w = 0; done[w]; w++) {
            size_t n = strlen(done[w]);
            if (c->t[k].kind == T_WORD && c->t[k].fl >= n && memcmp(TXT(c, k), done[w], n) == 0)
                return 1;
        }
    return 0;
}

int bcx_fig_plan_by(const ctx *c, size_t si, const xd *d, size_t end)
{
    size_t lim = c->se[si].t1;
    if (d->prec != 1 || d->t0 < end || d->t0 > end + 14 || d->t0 > lim ||
        bcx_fig_done_between(c, end, d->t0))
        return 0;
    for (size_t k = end; k < d->t0; k++)
        if ((k > end && (bcx_gap(c, k - 1) & (G_COMMA | G_DOT | G_PAREN))) || c->t[k].kind == T_NUM)
            return 0;
    return !(d->t0 > 0 && (bcx_gap(c, d->t0 - 1) & (G_COMMA | G_DOT | G_PAREN)));
}

int bcx_fig_day_span(const ctx *c, size_t si, const xd *d, char *out, size_t cap)
{
    size_t lim = c->se[si].t1;
    if (d->prec != 3 || d->iso[0] == '-' || strlen(d->iso) != 10)
        return 0;
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
        const xd *e = &c->d[k];
        int dash = 0, diff = 0;
        if (e == d || e->prec != 3 || e->iso[0] == '-' || strlen(e->iso) != 10 || e->t1 > d->t0)
            continue;
        size_t j = e->t1 + bcx_range_sep(c, e->t1, lim, &dash);
        if (j == e->t1 && !(dash && e->t1 == d->t0))
            continue; /* no "to", "tot en met", dash between */
        if (j < d->t0 && bcx_lex_find(c, C_WEEKDAY, j, NULL) == d->t0 - j)
            j = d->t0; /* "tot en met dinsdag 3 september" */
        if (j != d->t0 || !bcx_days_between(e->iso, d->iso, &diff) || diff <= 0 || diff > 62)
            continue;
        snprintf(out, cap, "%s/%s", e->iso, d->iso);
        return 1;
    }
    return 0;
}

void bcx_fig_rate_bases(ctx *c)
{
    static const char *const preps[] = {"over", "on", "from", NULL};
    for (size_t k = 0; k < c->nd; k++) {
        xd *d = &c->d[k];
        size_t t0 = d->t0, lo = c->se[c->t[t0].sent].t0;
        if (c->lbit != L_EN || d->compare || d->prec != 1 || t0 < lo + 2 ||
            (bcx_gap(c, t0 - 2) & (G_COMMA | G_DOT | G_PAREN)))
            continue;
        int prep = 0;
        for (int q = 0; preps[q] && !prep; q++)
            prep = bcx_word_is(c, t0 - 1, t0, preps[q]);
        size_t p = t0 - 2;
        if (prep && ((c->t[p].kind == T_NUM && (bcx_gap(c, p) & G_PCT)) ||
                     (p > lo && c->t[p - 1].kind == T_NUM && bcx_lex_find(c, C_PCT, p, NULL) == 1)))
            d->compare = 1;
    }
}

/* 1 when tokens [a, b) name a time: this, last or next year, months, quarters, a half
 * year. */
static int names_time(const ctx *c, size_t a, size_t b)
{
    static const int cls[] = {C_THIS_YEAR, C_LAST_YEAR, C_NEXT_YEAR, C_MONTHS, C_QUARTERS, C_HALF};
    for (size_t k = 0; k < sizeof cls / sizeof cls[0]; k++)
        if (bcx_range_has(c, a, b, cls[k], -1)) {
            if (cls[k] == C_HALF) {
                /* "ponad polowe tej kwoty": half of the amount, no half year */
                size_t n;
                for (size_t q = a; q < b; q++)
                    if ((n = bcx_lex_find(c, C_HALF, q, NULL)) > 0 && q + n <= b &&
                        bcx_lex_find(c, C_BACKREF, q + n, NULL) == 0)
                        return 1;
                continue;
            }
            if (cls[k] != C_MONTHS || c->lbit != L_VI)
                return 1;
            /* "qua cua khau Ma Lu Thang": a name, no months */
            for (size_t q = a; q < b; q++)
                if (bcx_lex_find(c, C_MONTHS, q, NULL) > 0 && bcx_vi_month_word(c, q))
                    return 1;
        }
    return 0;
}

int bcx_fig_own_time(const ctx *c, size_t lo, size_t lead, int whole)
{
    size_t from = lo, n;
    for (size_t k = lo; !whole && k + 1 < lead; k++)
        if (bcx_gap(c, k) & (G_COMMA | G_DOT | G_PAREN))
            from = k + 1;
    for (size_t k = from; k < lead; k++)
        if ((n = bcx_lex_find(c, C_SAME_PERIOD, k, NULL)) > 0 && k + n <= lead) {
            if (names_time(c, from, k))
                return 1;
            from = k + n;
            k += n - 1;
        }
    return names_time(c, from, lead);
}

/* 1 when token k is the name of a month ("September", "wrzesniu", "9月"): in English
 * capitalised ("may" is a verb). */
static int month_at(const ctx *c, size_t k, size_t lim)
{
    if (bcx_lex_find(c, C_MONTH, k, NULL) > 0)
        return c->lbit != L_EN || c->t[k].upper;
    return c->lbit == L_ZH && c->t[k].kind == T_NUM && c->t[k].plain && c->t[k].num >= 1 &&
           c->t[k].num <= 12 && bcx_words_at(c, k + 1, lim, "月") > 0 &&
           !bcx_words_at(c, k + 1, lim, "月底");
}

int bcx_fig_month_unread(const ctx *c, size_t si, size_t lead, size_t end)
{
    size_t t0 = c->se[si].t0, lim = c->se[si].t1, hi = end;
    while (hi < lim && !(bcx_gap(c, hi - 1) & (G_COMMA | G_DOT | G_PAREN)))
        hi++;
    for (size_t k = t0; k < hi; k++) {
        if (k >= lead && k < end)
            continue;
        if (!month_at(c, k, lim) && bcx_lex_find(c, C_REL_MONTH, k, NULL) == 0 &&
            bcx_lex_find(c, C_REL_SPAN, k, NULL) == 0)
            continue; /* a month, "last month", "last week" */
        int read = 0;
        for (size_t q = 0; q < c->nd && !read; q++)
            read = c->d[q].t0 <= k && k < c->d[q].t1;
        if (!read)
            return 1;
    }
    return 0;
}

void bcx_fig_unplaced_months(ctx *c)
{
    for (size_t k = 0; k < c->nt; k++) {
        size_t n = c->rm == 0 ? bcx_lex_find(c, C_REL_MONTH, k, NULL) : 0;
        n = n > 0 ? n : bcx_lex_find(c, C_REL_SPAN, k, NULL);
        int read = 0;
        for (size_t q = 0; q < c->nd && !read && n > 0; q++)
            read = c->d[q].t0 <= k && k < c->d[q].t1;
        if (n > 0 && !read)
            bcx_unplaced(c, k, k + n);
        k += n > 0 ? n - 1 : 0;
    }
}

int bcx_in_after_clause(const ctx *c, size_t si, const xd *d)
{
    static const char *const opens[] = {"after", "following", "na", "apres", "po", "efter", NULL};
    size_t t0 = c->se[si].t0, lim = c->se[si].t1, a = t0, b = d->t1;
    for (size_t k = t0; k + 1 <= d->t0 && k + 1 < lim; k++)
        if (bcx_gap(c, k) & (G_COMMA | G_DOT | G_PAREN))
            a = k + 1;
    while (b < lim && !(bcx_gap(c, b - 1) & (G_COMMA | G_DOT | G_PAREN)))
        b++;
    if (c->lbit == L_ZH)
        return b > d->t1 && (bcx_words_at(c, b - 1, b, "后") || bcx_words_at(c, b - 2, b, "之后") ||
                             bcx_words_at(c, b - 2, b, "以后"));
    for (int k = 0; opens[k]; k++)
        if (bcx_word_is(c, a, d->t0 + 1, opens[k]))
            return 1;
    return 0;
}

/* ---- the period written next to an amount (finding 2 of analyst 8) */

int bcx_fig_year_before(const ctx *c, size_t si, size_t lead, size_t end)
{
    const bc_lex *e = NULL;
    size_t t0 = c->se[si].t0, lim = c->se[si].t1;
    /* right after it: "USD 350 million a year earlier", "... in the previous year", "350
     * trieu USD cung ky nam truoc" */
    for (size_t k = end; k < lim && k < end + 3; k++) {
        if ((bcx_gap(c, k - 1) & (G_COMMA | G_DOT | G_PAREN)) || c->t[k].kind == T_NUM)
            break;
        if (bcx_lex_find(c, C_YEAR_BEFORE, k, &e) > 0)
            return 1;
        if (bcx_lex_find(c, C_LAST_YEAR, k, &e) > 0)
            return 2;
    }
    /* ending right before it, a word between at most ("last year's USD 350 million"), three
     * Chinese characters ("上年同期为35亿元") */
    size_t gap = c->lbit == L_ZH ? 3 : 1;
    for (size_t p = lead; p > t0 && p + gap + 1 > lead; p--) {
        if ((bcx_gap(c, p - 1) & (G_COMMA | G_DOT | G_PAREN)) ||
            (p < lead && c->t[p].kind == T_NUM))
            break;
        if (bcx_lex_ending(c, C_YEAR_BEFORE, t0, p, &e) != SIZE_MAX)
            return 1;
        if (bcx_lex_ending(c, C_LAST_YEAR, t0, p, &e) != SIZE_MAX)
            return 2;
    }
    return 0;
}

int bcx_period_year_before(const char *period, char *out, size_t cap)
{
    size_t n = strlen(period);
    if (n + 1 > cap || n < 4)
        return 0;
    memcpy(out, period, n + 1);
    for (size_t k = 0; k < n; k++) {
        if (k != 0 && period[k - 1] != '/')
            continue;
        int y = 0;
        for (size_t q = k; q < k + 4; q++) {
            if (q >= n || !is_digit(period[q]))
                return 0;
            y = y * 10 + (period[q] - '0');
        }
        if (y <= 1900)
            return 0;
        y--;
        for (size_t q = k + 4; q > k; q--, y /= 10)
            out[q - 1] = (char)('0' + y % 10);
    }
    return 1;
}

const xd *bcx_fig_date_after(const ctx *c, size_t si, size_t end)
{
    size_t lim = c->se[si].t1;
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
        const xd *a = &c->d[k];
        if (a->t0 < end || a->t0 > end + 4 || a->compare || a->weekday || a->prec == 3 ||
            a->iso[0] == '-' || a->t0 >= lim || bcx_commas(c, end - 1, a->t0) > 0)
            continue;
        for (size_t q = end; q < a->t0; q++)
            if (amount_tok(c, q))
                return NULL;
        return a;
    }
    return NULL;
}

/* The tokens of a word joining two years at token p: "and" and its kin, "和", "与", "及". */
static size_t year_and(const ctx *c, size_t p, size_t lim)
{
    static const char *const ands[] = {"and", "et", "en", "och", "i", "oraz",
                                       "va",  "和", "与", "及",  NULL};
    for (int k = 0; ands[k]; k++) {
        size_t n = bcx_words_at(c, p, lim, ands[k]);
        if (n > 0)
            return n;
    }
    return 0;
}

/* 1 when year dates a and b (a before b) of one sentence are joined: a comma alone between
 * them, or "and" (a word for year may follow it: "nam 2024 va nam 2025"). */
static int years_joined(const ctx *c, const xd *a, const xd *b, size_t lim)
{
    if (a->prec != 1 || b->prec != 1 || strlen(a->iso) != 4 || strlen(b->iso) != 4 || a->compare ||
        b->compare)
        return 0;
    if (b->t0 == a->t1)
        return (bcx_gap(c, a->t1 - 1) & ~(unsigned)G_SPACE) == G_COMMA;
    size_t n = year_and(c, a->t1, lim), k = a->t1 + n;
    if (n == 0 || (bcx_gap(c, a->t1 - 1) & ~(unsigned)G_SPACE) != 0)
        return 0;
    if (k < b->t0 && bcx_lex_find(c, C_YEAR_WORD, k, NULL) > 0)
        k++;
    return k == b->t0;
}

int bcx_joined_years(const ctx *c, size_t si, const xd *d, char iso[24])
{
    static const char *const each[] = {"respectively",
                                       "respectivement",
                                       "respectievelijk",
                                       "respektive",
                                       "odpowiednio",
                                       "lan luot",
                                       "分别",
                                       NULL};
    size_t lim = c->se[si].t1, first = (size_t)(d - c->d), last = first;
    while (first > c->se[si].d0 && years_joined(c, &c->d[first - 1], &c->d[first], lim))
        first--;
    while (last + 1 < c->se[si].d1 && years_joined(c, &c->d[last], &c->d[last + 1], lim))
        last++;
    if (first == last)
        return 0;
    for (size_t k = c->se[si].t0; k < lim; k++)
        for (int w = 0; each[w]; w++)
            if (bcx_words_at(c, k, lim, each[w]) > 0)
                return 0;
    for (size_t k = first; k < last; k++)
        if (atoi(c->d[k + 1].iso) != atoi(c->d[k].iso) + 1)
            return -1; /* "in 2023 and 2025": not one period */
    snprintf(iso, 24, "%.4s/%.4s", c->d[first].iso, c->d[last].iso);
    return 1;
}

int bcx_fig_mid_year(const ctx *c, const xd *d)
{
    static const char *const mid[] = {"halverwege", "halfway through",  "midway through",
                                      "by mid",     "by the middle of", NULL};
    size_t lo = c->se[c->t[d->t0].sent].t0;
    if (d->prec != 1 || strlen(d->iso) != 4)
        return 0;
    for (int k = 0; mid[k]; k++) {
        size_t n = 0;
        for (size_t a = d->t0 > lo + 4 ? d->t0 - 4 : lo; a < d->t0 && n == 0; a++)
            if ((n = bcx_words_at(c, a, d->t0, mid[k])) > 0 && a + n != d->t0)
                n = 0;
        if (n > 0)
            return 1;
    }
    return 0;
}

int bcx_fig_month_end(const ctx *c, const xd *d)
{
    static const char *const ends[] = {"by the end of", "by end of", "as of end", "eind",
                                       "tegen eind",    "per eind",  NULL};
    size_t lo = c->se[c->t[d->t0].sent].t0;
    if (d->prec != 2 || strlen(d->iso) != 7 || d->iso[0] == '-' || strcmp(d->iso + 5, "01") == 0)
        return 0;
    for (int k = 0; ends[k]; k++)
        for (size_t a = d->t0 > lo + 4 ? d->t0 - 4 : lo; a < d->t0; a++) {
            size_t n = bcx_words_at(c, a, d->t0, ends[k]);
            if (n > 0 && a + n == d->t0)
                return 1;
        }
    return 0;
}
