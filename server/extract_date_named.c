/* extract_date_named.c: English days written as a description rather than a number: "the
 * last day of 2023", "the first day of October", "New Year's Day"; and the days a span names
 * as a visit's ("working visit to Guangxi from March 3-5": none of them a meeting's day,
 * bcx_visit_spans). Each described day is one day of a
 * written year, or a month and day the reference date completes as a written one would be
 * (bcx_complete_day), or of a year or month counted from it ("the last day of last year",
 * "the first day of next month"); a description of no fixed day ("the first day of the Lunar
 * New Year") is no date; "this June" is June of the reference year, "later that month" the
 * month of the day last told. */
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int days_in(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && (y == 0 || (y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return y == 0 ? 0 : 29; /* February's last day of an unknown year: not known */
    return d[m - 1];
}

/* The day mon-day of year y (0: not written) into r, its tokens n. */
static int named(const ctx *c, size_t i, int y, int mon, int day, size_t n, dres *r)
{
    if (day == 0)
        return 0;
    r->prec = 3;
    if (y != 0) {
        snprintf(r->iso, sizeof r->iso, "%04d-%02d-%02d", y, mon, day);
    } else if ((r->inferred = bcx_complete_day(c, mon, day, bcx_tense_at(c, i), r->iso)) < 0) {
        r->inferred = 0;
        r->prec = 0; /* a day of an unknown year: no fact takes it */
    }
    r->n = n;
    return 1;
}

/* Words of a day whose month or year is counted from a reference date that was not given
 * ("the last day of last month"): read, n tokens, and no date. */
static int none(size_t n, dres *r)
{
    r->iso[0] = '\0';
    r->prec = 0;
    r->n = n;
    return 1;
}

/* A year written right after token j - 1 (a space or comma between): the year, its
 * token in *k. */
static int year_after(const ctx *c, size_t j, size_t lim, size_t *k)
{
    if (j < lim && bcx_year_of(c, j, lim) &&
        (bcx_gap(c, j - 1) & ~(unsigned)(G_SPACE | G_COMMA)) == 0) {
        *k = j + 1;
        return bcx_year_of(c, j, lim);
    }
    *k = j;
    return 0;
}

/* 1 when the year that ends before token k names an event rather than a span of time: a
 * possessive ("this year's cooperation week", "2024's fair") or a capitalised name right
 * after it ("2024 Expo"). The first or last day of it is the event's, which the year
 * does not give: no date (never January 1 or December 31 of the year). */
static int of_event(const ctx *c, size_t k, size_t lim)
{
    if (k >= lim || (bcx_gap(c, k - 1) & (G_COMMA | G_DOT | G_PAREN | G_DASH | G_SLASH)))
        return 0;
    if (bcx_word_is(c, k, lim, "s") && !(bcx_gap(c, k - 1) & G_SPACE))
        return 1;
    return c->t[k].kind == T_WORD && c->t[k].upper;
}

int bcx_try_named_day(const ctx *c, size_t i, size_t lim, dres *r)
{
    static const struct {
        const char *w;
        int last;
    } ends[] = {{"the last day of", 1},  {"the final day of", 1},   {"the closing day of", 1},
                {"the first day of", 0}, {"the opening day of", 0}, {NULL, 0}};
    const bc_lex *e = NULL;
    size_t n, k;
    int y;
    if (c->lbit != L_EN || c->t[i].kind != T_WORD)
        return 0;
    /* "next September" said in November: the next year's; said in July it may mean this
     * year's or the next, not known (no date) */
    if (bcx_word_is(c, i, lim, "next") && i + 1 < lim && c->t[i + 1].upper &&
        (n = bcx_lex_find(c, C_MONTH, i + 1, &e)) > 0 &&
        !(i + 1 + n < lim && c->t[i + 1 + n].kind == T_NUM)) {
        int mon = (int)e->val;
        if (c->ry == 0 || c->rm == 0 || mon > c->rm)
            return none(1 + n, r);
        snprintf(r->iso, sizeof r->iso, "%04d-%02d", c->ry + 1, mon);
        r->prec = 2;
        r->inferred = BC_X_INFERRED_YEAR;
        r->n = 1 + n;
        return 1;
    }
    /* "later that month", "earlier that month", "the same month": the month of the day or
     * month last told, two sentences back at most ("... on March 15, 2023 ... Shortly
     * afterwards, ... attended the third annual conference ..., which took place in Hanoi
     * later that month") */
    if ((n = bcx_words_at(c, i, lim, "later that month")) > 0 ||
        (n = bcx_words_at(c, i, lim, "earlier that month")) > 0 ||
        (n = bcx_words_at(c, i, lim, "that same month")) > 0 ||
        (n = bcx_words_at(c, i, lim, "the same month")) > 0) {
        for (size_t q = c->nd; q > 0; q--) {
            const xd *d = &c->d[q - 1];
            if (c->t[d->t0].sent + 2 < c->t[i].sent)
                break;
            if (d->dateline || d->compare || d->prec < 2 || d->span[0] || d->iso[0] == '-' ||
                strlen(d->iso) < 7 || strchr(d->iso, '/') != NULL)
                continue;
            snprintf(r->iso, sizeof r->iso, "%.7s", d->iso);
            r->prec = 2;
            r->inferred = d->inferred;
            r->n = n;
            return 1;
        }
        return none(n, r);
    }
    /* "this June": the month of the reference date's year */
    if (bcx_word_is(c, i, lim, "this") && i + 1 < lim && c->t[i + 1].upper &&
        (n = bcx_lex_find(c, C_MONTH, i + 1, &e)) > 0 &&
        !(i + 1 + n < lim && c->t[i + 1 + n].kind == T_NUM)) {
        int tense = bcx_tense_at(c, i), mon = (int)e->val;
        if (c->ry == 0 ||
            (c->rm != 0 && ((tense < 0 && mon > c->rm) || (tense > 0 && mon < c->rm))))
            return none(1 + n, r); /* said gone by yet ahead, or to come yet past: not known */
        snprintf(r->iso, sizeof r->iso, "%04d-%02d", c->ry, mon);
        r->prec = 2;
        r->inferred = BC_X_INFERRED_YEAR;
        r->n = 1 + n;
        return 1;
    }
    /* "New Year's Day (2024)", "New Year's Eve" */
    if ((n = bcx_words_at(c, i, lim, "new year s day")) > 0 ||
        (n = bcx_words_at(c, i, lim, "new year s eve")) > 0) {
        int eve = bcx_word_is(c, i + n - 1, lim, "eve");
        y = year_after(c, i + n, lim, &k);
        return named(c, i, y, eve ? 12 : 1, eve ? 31 : 1, k - i, r);
    }
    for (int w = 0; ends[w].w; w++) {
        if ((n = bcx_words_at(c, i, lim, ends[w].w)) == 0)
            continue;
        size_t j = i + n;
        if ((y = bcx_year_of(c, j, lim)) != 0) { /* "the last day of 2023" */
            if (of_event(c, j + 1, lim))
                return none(j + 1 - i, r); /* "the first day of 2024 Expo": the event's */
            return named(c, i, y, ends[w].last ? 12 : 1, ends[w].last ? 31 : 1, j + 1 - i, r);
        }
        int last = ends[w].last;
        size_t rn = 0;
        if ((y = bcx_rel_year(c, j, lim, &rn)) != 0 || rn > 0) { /* "... of last year" */
            if (y == 0 || of_event(c, j + rn, lim))
                return none(j + rn - i, r); /* no reference date: no year; "of this year's
                                             * cooperation week": the day of the event */
            named(c, i, y, last ? 12 : 1, last ? 31 : 1, j + rn - i, r);
            r->inferred = BC_X_INFERRED_YEAR;
            return 1;
        }
        if (j < lim && (rn = bcx_lex_find(c, C_REL_MONTH, j, &e)) > 0) { /* "of next month" */
            int mon = c->rm + (int)e->val;
            y = c->ry;
            if (mon < 1)
                mon += 12, y--;
            else if (mon > 12)
                mon -= 12, y++;
            if (c->ry == 0 || c->rm == 0)
                return none(j + rn - i, r);
            named(c, i, y, mon, last ? days_in(y, mon) : 1, j + rn - i, r);
            r->inferred = BC_X_INFERRED_DATE; /* its month is counted too */
            return 1;
        }
        size_t mn = j < lim ? bcx_lex_find(c, C_MONTH, j, &e) : 0;
        if (mn == 0 || !c->t[j].upper) /* "the first day of the Lunar New Year": no day */
            return 0;
        int mon = (int)e->val;
        y = year_after(c, j + mn, lim, &k); /* "the last day of October (2023)" */
        return named(c, i, y, mon, last ? days_in(y, mon) : 1, k - i, r);
    }
    return 0;
}

void bcx_visit_spans(ctx *c, size_t si)
{
    static const char *const visit[] = {"visit", "trip", "tour", NULL};
    if (c->lbit != L_EN)
        return;
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
        xd *d = &c->d[k];
        const char *slash = strchr(d->iso, '/');
        if (!d->span[0] || slash == NULL)
            continue;
        size_t half = (size_t)(slash - d->iso);
        if (atoi(slash + 1 + half - 2) - atoi(d->iso + half - 2) < 2)
            continue; /* two days: a meeting's */
        for (size_t q = d->t0; q > c->se[si].t0 && q + 6 > d->t0; q--) {
            if (q < d->t0 && (bcx_gap(c, q - 1) & (G_COMMA | G_DOT)))
                break;
            int said = 0;
            for (int w = 0; visit[w] && !said; w++)
                said = bcx_word_is(c, q - 1, d->t0, visit[w]);
            if (said) {
                d->span[0] = '\0'; /* the visit's days, no first day of a meeting */
                break;
            }
        }
    }
}
