/* extract_date.c: dates and periods written in words or digits ("30 pazdziernika 2025",
 * "ngay 30 thang 10 nam 2025", "the first nine months of 2025") and the date nearest to
 * a phrase. */
#include "bordercoop/alloc.h"
#include "bordercoop/date.h"
#include "extract_int.h"

#include <stdio.h>
#include <string.h>

int bcx_year_of(const ctx *c, size_t i, size_t lim)
{
    if (i >= lim)
        return 0;
    const tok *t = &c->t[i];
    if (t->kind != T_NUM || !t->plain || t->ndig != 4)
        return 0;
    int y = (int)t->num;
    return y >= 1900 && y <= 2100 ? y : 0;
}

/* A count of months at token i: 1..12 in digits or words. */
int bcx_count_at(const ctx *c, size_t i, size_t lim, size_t *n)
{
    const bc_lex *e = NULL;
    *n = 0;
    if (i >= lim)
        return 0;
    if (c->t[i].kind == T_NUM && c->t[i].plain && c->t[i].num >= 1 && c->t[i].num <= 12) {
        *n = 1;
        return (int)c->t[i].num;
    }
    *n = bcx_lex_find(c, C_CARD, i, &e);
    return *n ? (int)e->val : 0;
}

static void add_date(ctx *c, const char *iso, size_t t0, size_t t1, int prec)
{
    bc_period p;
    if (bc_period_parse(iso, &p, NULL) != BC_OK)
        return;
    c->d = bc_grow(c->d, &c->capd, c->nd + 1, sizeof *c->d, &c->rc);
    if (c->rc != BC_OK)
        return;
    xd *d = &c->d[c->nd++];
    copy_str(d->iso, sizeof d->iso, iso);
    d->t0 = t0;
    d->t1 = t1;
    d->prec = prec;
    for (size_t k = t0; k < t1; k++)
        c->t[k].used = U_DATE;
}

/* "the first nine months of 2025" and its translations -> 2025-01/2025-09; the year of
 * the reference date when none is written ("under arets forsta nio manader"). */
static size_t try_months(const ctx *c, size_t i, size_t lim, char *iso)
{
    const bc_lex *e = NULL;
    size_t j = i, n = 0;
    int count = 0;
    if (c->lang == L_VI) {
        if (bcx_word_is(c, j, lim, "nua")) { /* nua dau nam: the first half */
            count = 6;
            j++;
        } else {
            count = bcx_count_at(c, j, lim, &n);
            j += n;
            if (count == 0 || !bcx_word_is(c, j, lim, "thang"))
                return 0;
            j++;
        }
        if (!bcx_word_is(c, j, lim, "dau") || !bcx_word_is(c, j + 1, lim, "nam"))
            return 0;
        j += 2;
    } else {
        if ((n = bcx_lex_find(c, C_FIRST, j, &e)) == 0)
            return 0;
        j += n;
        if ((n = bcx_lex_find(c, C_HALF, j, &e)) > 0) {
            count = 6;
            j += n;
        } else {
            count = bcx_count_at(c, j, lim, &n);
            j += n;
            if (count == 0 || (n = bcx_lex_find(c, C_MONTHS, j, &e)) == 0)
                return 0;
            j += n;
        }
    }
    int y = 0;
    size_t end = j;
    for (size_t k = j; k < lim && k < j + 3 && y == 0; k++) {
        if ((y = bcx_year_of(c, k, lim)) != 0)
            end = k + 1;
        else if (c->t[k].kind != T_WORD)
            break;
    }
    if (y == 0)
        y = c->ry;
    if (y == 0)
        return 0;
    snprintf(iso, 24, "%04d-01/%04d-%02d", y, y, count);
    return end - i;
}

/* Day, month and year in words: "30 pazdziernika 2025", "den 30 oktober", "October 30,
 * 2025", Vietnamese "ngay 30 thang 10 nam 2025"; a missing year is the reference year. */
static size_t try_day(const ctx *c, size_t i, size_t lim, char *iso)
{
    const bc_lex *e = NULL;
    size_t n, j;
    int day = 0, mon = 0, y = 0;
    const tok *t = &c->t[i];
    if (c->lang == L_VI) {
        if (!bcx_word_is(c, i, lim, "ngay") || i + 3 >= lim)
            return 0;
        const tok *d = &c->t[i + 1];
        if (d->kind != T_NUM || !d->plain || !bcx_word_is(c, i + 2, lim, "thang") || i + 3 >= lim)
            return 0;
        const tok *m = &c->t[i + 3];
        if (m->kind != T_NUM || !m->plain)
            return 0;
        day = (int)d->num, mon = (int)m->num;
        j = i + 4;
        if (bcx_word_is(c, j, lim, "nam") && bcx_year_of(c, j + 1, lim))
            y = bcx_year_of(c, ++j, lim), j++;
    } else if (t->kind == T_NUM && t->plain && t->ndig <= 2 && i + 1 < lim && bcx_joined(c, i) &&
               (n = bcx_lex_find(c, C_MONTH, i + 1, &e)) > 0) {
        day = (int)t->num, mon = (int)e->val;
        j = i + 1 + n;
        if (j < lim && bcx_year_of(c, j, lim) &&
            (bcx_gap(c, j - 1) & ~(unsigned)(G_SPACE | G_COMMA)) == 0)
            y = bcx_year_of(c, j++, lim);
    } else if (c->lang == L_EN && (n = bcx_lex_find(c, C_MONTH, i, &e)) > 0 && i + n < lim &&
               c->t[i + n].kind == T_NUM && c->t[i + n].plain && c->t[i + n].ndig <= 2 &&
               bcx_joined(c, i + n - 1)) {
        mon = (int)e->val, day = (int)c->t[i + n].num;
        j = i + n + 1;
        if (j < lim && bcx_year_of(c, j, lim) &&
            (bcx_gap(c, j - 1) & ~(unsigned)(G_SPACE | G_COMMA)) == 0)
            y = bcx_year_of(c, j++, lim);
    } else {
        return 0;
    }
    if (y == 0)
        y = c->ry;
    if (y == 0 || day < 1 || day > 31 || mon < 1 || mon > 12)
        return 0;
    snprintf(iso, 24, "%04d-%02d-%02d", y, mon, day);
    return j - i;
}

/* Month and year: "oktober 2025", "czerwiec 2024", Vietnamese "thang 10 nam 2025". */
static size_t try_month(const ctx *c, size_t i, size_t lim, char *iso)
{
    const bc_lex *e = NULL;
    size_t n, j;
    int mon = 0, y = 0;
    if (c->lang == L_VI) {
        if (!bcx_word_is(c, i, lim, "thang") || i + 1 >= lim || c->t[i + 1].kind != T_NUM ||
            !c->t[i + 1].plain)
            return 0;
        mon = (int)c->t[i + 1].num;
        j = i + 2;
        if (bcx_word_is(c, j, lim, "nam"))
            j++;
        y = bcx_year_of(c, j, lim);
        j++;
    } else {
        if ((n = bcx_lex_find(c, C_MONTH, i, &e)) == 0 || i + n >= lim || !bcx_joined(c, i + n - 1))
            return 0;
        mon = (int)e->val;
        j = i + n;
        y = bcx_year_of(c, j, lim);
        j++;
    }
    if (y == 0 || mon < 1 || mon > 12)
        return 0;
    snprintf(iso, 24, "%04d-%02d", y, mon);
    return j - i;
}

/* 1 when the year-like number at token i is a year: after "in", "w", "i", "tai" or a
 * word for year ("ar 2024", "nam 2024") always ("In 2024 tourists came"); otherwise
 * unless a counted noun, a scale or a currency follows it or a '$' precedes it. */
static int year_is_date(const ctx *c, size_t si, size_t i, size_t lim)
{
    const bc_lex *e = NULL;
    if (i > c->se[si].t0 &&
        (bcx_lex_find(c, C_LOC, i - 1, &e) > 0 || bcx_lex_find(c, C_YEAR_WORD, i - 1, &e) > 0))
        return 1;
    if (i > c->se[si].t0 && (bcx_gap(c, i - 1) & G_DOLLAR))
        return 0;
    return i + 1 >= lim || (bcx_lex_find2(c, C_NOUN, i + 1, 1, &e) == 0 &&
                            bcx_lex_find2(c, C_SCALE, i + 1, 1, &e) == 0 &&
                            bcx_lex_find(c, C_CURRENCY, i + 1, &e) == 0);
}

void bcx_find_dates(ctx *c)
{
    char iso[24];
    for (size_t si = 0; si < c->ns && c->rc == BC_OK; si++) {
        size_t lim = c->se[si].t1, i = c->se[si].t0;
        while (i < lim && c->rc == BC_OK) {
            size_t n = 0;
            int prec = 0, y, y2;
            if (c->t[i].kind == T_DATE) {
                copy_str(iso, sizeof iso, c->t[i].iso);
                n = 1;
                prec = strlen(iso) == 10 ? 3 : 2;
            } else if ((n = try_months(c, i, lim, iso)) > 0) {
                prec = 0;
            } else if ((n = try_day(c, i, lim, iso)) > 0) {
                prec = 3;
            } else if ((n = try_month(c, i, lim, iso)) > 0) {
                prec = 2;
            } else if ((y = bcx_year_of(c, i, lim)) != 0) {
                if (i + 1 < lim && (y2 = bcx_year_of(c, i + 1, lim)) > y &&
                    (bcx_gap(c, i) & ~(unsigned)(G_SPACE | G_DASH)) == 0 &&
                    (bcx_gap(c, i) & G_DASH)) {
                    snprintf(iso, sizeof iso, "%04d/%04d", y, y2);
                    n = 2;
                    prec = 0;
                } else if (year_is_date(c, si, i, lim)) {
                    snprintf(iso, sizeof iso, "%04d", y);
                    n = 1;
                    prec = 1;
                }
            }
            if (n > 0)
                add_date(c, iso, i, i + n, prec);
            i += n > 0 ? n : 1;
        }
    }
}

static size_t clause_cost(const ctx *c, size_t a, size_t b)
{
    size_t lo = a < b ? a : b, hi = a < b ? b : a, cost = hi - lo;
    for (size_t k = lo; k < hi; k++)
        if (bcx_gap(c, k) & (G_COMMA | G_PAREN))
            cost += 10;
    return cost;
}

/* The date or period of the sentence nearest to the phrase of tokens [i, end): words
 * between them count one, commas and brackets ten. */
const xd *bcx_nearest_date(const ctx *c, size_t si, size_t i, size_t end, int min_prec)
{
    const xd *best = NULL;
    size_t best_cost = SIZE_MAX;
    for (size_t k = 0; k < c->nd; k++) {
        const xd *d = &c->d[k];
        if (c->t[d->t0].sent != si || d->prec < min_prec)
            continue;
        size_t cost = d->t0 >= end ? clause_cost(c, end - 1, d->t0) : clause_cost(c, d->t1 - 1, i);
        if (cost < best_cost) {
            best = d;
            best_cost = cost;
        }
    }
    return best;
}
