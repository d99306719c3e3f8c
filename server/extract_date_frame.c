/* extract_date_frame.c: the year an English sentence opens with frames the days it writes
 * without one ("Last year, the two sides held ... in Beihai, on February 28", "In 2022, ...
 * held talks on March 3"): they are of that year, not of the reference date's. A pass of
 * bcx_find_dates (extract_date.c) over one sentence's dates. */
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Words that report what someone said: a day after them is the saying's, of no frame
 * ("Last year, trade grew 12 percent, the chairman said at talks on March 3"). */
static const char *const saying[] = {"said",   "says",     "told",   "added",     "noted",
                                     "stated", "stressed", "noting", "according", NULL};

/* The words of when that a clause of time may hold besides its year. */
static const char *const when[] = {"in",   "during", "earlier", "early", "late",      "later",
                                   "back", "at",     "the",     "end",   "beginning", "start",
                                   "mid",  "middle", "of",      "by",    NULL};

/* The year that opens sentence si as a clause of its own: a relative year ("Last year,",
 * "In December last year,", "Earlier last year,") or a written one ("In 2022,", "In early
 * 2022,", "In March 2022,") within the first six tokens after the dateline, a comma right
 * after the clause. Returns 1 when there is one: the year in *y (0 for a relative year
 * without a reference date), its month in *mon when the frame is a month (else 0), the
 * first token after the clause in *end, 1 in *rel for a relative year. */
static int frame_year(const ctx *c, size_t si, int *y, int *mon, int *rel, size_t *end)
{
    size_t open = bcx_sent_open(c, si), hi = c->se[si].t1, e = open;
    while (e < hi && e < open + 6 && !(c->gap[e] & (G_COMMA | G_DOT | G_PAREN)))
        e++;
    if (e >= hi || e >= open + 6 || (c->gap[e] & (G_COMMA | G_DOT | G_PAREN)) != G_COMMA)
        return 0;
    *end = e + 1;
    *mon = 0;
    *rel = 0;
    /* the clause is a time and nothing else: its words are the year's, a date's or those
     * of when ("In early 2022", "At the end of last year"), never a verb ("Trade fell last
     * year, while ...") */
    for (size_t k = open; k <= e;) {
        size_t n = 0;
        bcx_rel_year(c, k, e + 1, &n);
        for (size_t q = c->se[si].d0; n == 0 && q < c->se[si].d1; q++)
            if (c->d[q].t0 == k && c->d[q].t1 <= e + 1)
                n = c->d[q].t1 - k;
        for (int w = 0; n == 0 && when[w]; w++)
            n = bcx_word_is(c, k, e + 1, when[w]);
        if (n == 0)
            return 0;
        k += n;
    }
    for (size_t k = open; k <= e; k++) {
        size_t n = 0;
        int ry = bcx_rel_year(c, k, e + 1, &n);
        if (n == 0)
            continue;
        if (bcx_lex_find(c, C_THIS_YEAR, k, NULL) > 0)
            return 0; /* the reference date's own year: nothing to frame */
        *y = ry;
        *rel = 1;
        return 1;
    }
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
        const xd *d = &c->d[k];
        if (d->t0 < open || d->t1 > e + 1 || d->dateline)
            continue;
        /* "In December," of a report of April: the reference date's December before it,
         * which frames the days of December only */
        int month = d->prec == 2 && d->inferred == BC_X_INFERRED_YEAR && d->iso[0] != '-';
        if ((d->inferred && !month) || d->iso[0] == '-' || strchr(d->iso, '/') != NULL ||
            (d->prec != 1 && d->prec != 2))
            return 0; /* a day opens it, or a span: no year of a clause of its own */
        *y = atoi(d->iso);
        *mon = d->prec == 2 ? atoi(d->iso + 5) : 0;
        *rel = month;
        return 1;
    }
    return 0;
}

/* 1 when tokens [lo, hi) hold a word of saying or a year of their own (another frame). */
static int frame_broken(const ctx *c, size_t si, size_t lo, size_t hi)
{
    for (size_t k = lo; k < hi; k++)
        for (int w = 0; saying[w]; w++)
            if (bcx_word_is(c, k, hi, saying[w]))
                return 1;
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++)
        if (c->d[k].t0 >= lo && c->d[k].t1 <= hi && c->d[k].prec == 1)
            return 1;
    for (size_t k = lo; k < hi; k++) {
        size_t n = 0;
        bcx_rel_year(c, k, hi, &n);
        if (n > 0)
            return 1;
    }
    return 0;
}

/* The month-day of date d's iso ("2024-02-28", "--02-28" -> "02-28"; a month "02"). */
static const char *month_day(const xd *d)
{
    return d->iso[0] == '-' ? d->iso + 2 : d->iso + 5;
}

/* Days without a written year that a year counted back frames: "A year earlier, on March 3,
 * ...", "..., a year ago, on March 3" opening the sentence as its own clause or set off right
 * before the day. "A year ago" is the year before the reference date's (without one the day
 * keeps its month and day);
 * a year before another time told ("a year earlier", "the previous year") is not known, and
 * the day then dates nothing: it had the reference date's year, a wrong one. */
static void year_before_days(ctx *c, size_t si)
{
    size_t open = bcx_sent_open(c, si), hi = c->se[si].t1;
    for (size_t k = open; k < hi; k++) {
        size_t n = bcx_lex_find(c, C_YEAR_BEFORE, k, NULL);
        if (n == 0 || !(bcx_gap(c, k + n - 1) & G_COMMA))
            continue;
        int ago = bcx_words_at(c, k, hi, "a year ago") == n, y = ago && c->ry ? c->ry - 1 : 0;
        if (ago && c->ry == 0)
            continue; /* the year before an unknown one: the day stays a month and day */
        for (size_t q = c->se[si].d0; q < c->se[si].d1; q++) {
            xd *d = &c->d[q];
            size_t at = d->t0 > k + n && bcx_word_is(c, d->t0 - 1, hi, "on") ? d->t0 - 1 : d->t0;
            if (d->t0 < k + n || (k != open && at != k + n) || d->prec != 3 ||
                !(d->iso[0] == '-' || d->inferred == BC_X_INFERRED_YEAR) || d->same_day ||
                d->weekday || d->rel || d->dateline || strchr(d->iso, '/') != NULL)
                continue;
            const char *md = month_day(d);
            char iso[24];
            if (y != 0)
                snprintf(iso, sizeof iso, "%04d-%s", y, md);
            else
                snprintf(iso, sizeof iso, "--%s", md);
            copy_str(d->iso, sizeof d->iso, iso);
            d->inferred = y ? BC_X_INFERRED_YEAR : 0;
            d->prec = y ? 3 : 0; /* a day of an unknown year: no fact takes it */
            d->rel_year = 1;
        }
    }
}

void bcx_frame_year_days(ctx *c, size_t si)
{
    int y = 0, mon = 0, rel = 0;
    size_t end = 0;
    if (c->lbit == L_EN)
        year_before_days(c, si);
    if (c->lbit != L_EN || !frame_year(c, si, &y, &mon, &rel, &end))
        return;
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
        xd *d = &c->d[k];
        const char *slash = strchr(d->iso, '/');
        /* a day, a month or a span of days the reference date or nothing gave a year */
        int open = d->iso[0] == '-' || d->inferred == BC_X_INFERRED_YEAR;
        if (d->t0 < end || !open || d->same_day || d->weekday || d->rel || d->rel_year ||
            d->dateline || d->prec == 1 || frame_broken(c, si, end, d->t0))
            continue;
        if (slash != NULL) {
            /* "from December 3 to 5": both days of one month */
            size_t half = (size_t)(slash - d->iso);
            if ((half != 7 && half != 10) || strlen(slash + 1) != half || y == 0)
                continue;
            const char *a = d->iso + half - 5, *b = slash + 1 + half - 5;
            if (mon != 0 && atoi(a) != mon)
                continue;
            char iso[24];
            snprintf(iso, sizeof iso, "%04d-%.5s/%04d-%.5s", y, a, y, b);
            copy_str(d->iso, sizeof d->iso, iso);
            if (d->span[0])
                snprintf(d->span, sizeof d->span, "%.10s", d->iso);
        } else {
            const char *md = month_day(d);
            if (mon != 0 && atoi(md) != mon)
                continue; /* "In December 2022, ... on January 5": which year is not said */
            if (y != 0) {
                char iso[24];
                snprintf(iso, sizeof iso, "%04d-%s", y, md);
                copy_str(d->iso, sizeof d->iso, iso);
                /* a day the date finder could not place in a year now has one */
                d->prec = strlen(md) == 2 ? 2 : 3;
            }
        }
        /* a relative year's is the reference date's too; a written one is the text's, and
         * no name's year completes it either way */
        d->rel_year = 1;
        if (y != 0)
            d->inferred = rel ? BC_X_INFERRED_YEAR : 0;
    }
}
