/* extract_date_context.c: the year a meeting's date takes from what its passage says of the
 * year, when the date's own year was completed from the reference date or left out. Where
 * the text fixes the year ("later that year, on December 21" after a day of 2022, "op 28
 * december van dat jaar", "Vorig jaar ... eind februari"; a year of a meeting's name said to
 * be "then", at the month the sentence before told) the date takes it; where it fixes none
 * with certainty the date is doubtful and withheld (extract_date_conf.c). The study is
 * tests/eval/rounds/round19-date-confidence.md. */
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 1 when date w writes its own year (not completed, not counted, not the dateline's). */
static int written_year(const xd *w)
{
    return w->iso[0] != '-' && !w->inferred && !w->dateline && !w->compare && !w->rel &&
           !w->same_day && !w->weekday && w->prec >= 1 && strlen(w->iso) >= 4 &&
           atoi(w->iso) >= 1900;
}

/* The date of mention m's sentence m's date was taken from (a day, month or year written
 * there as its date, the nearest to m), NULL when none. */
static const xd *own_date(const ctx *c, const mention *m)
{
    const sent *s = &c->se[m->sent];
    const xd *best = NULL;
    size_t bgap = 0;
    for (size_t k = s->d0; k < s->d1; k++) {
        const xd *d = &c->d[k];
        if (d->dateline || d->used == 2)
            continue;
        if (strcmp(d->iso, m->date) != 0 && strcmp(d->span, m->date) != 0)
            continue;
        size_t gap = d->t0 >= m->t1 ? d->t0 - m->t1 : m->t0 > d->t1 ? m->t0 - d->t1 : 0;
        if (best == NULL || gap < bgap)
            best = d, bgap = gap;
    }
    return best;
}

/* The year of date iso ("2024-12-21"), 0 when it has none ("--12-21"). */
static int year_of(const char *iso)
{
    return iso[0] == '-' ? 0 : atoi(iso);
}

/* Writes into date[16] the month and day of iso ("2024-12-21", "--12-21", "2025-02") with
 * year y. */
static void with_year(char date[16], const char *iso, int y)
{
    const char *md = iso[0] == '-' ? iso + 2 : iso + 4;
    if (*md == '-')
        md++;
    char out[32];
    snprintf(out, sizeof out, "%04d-%s", y, md);
    copy_str(date, 16, out);
}

/* The token where words for "that year" start in sentence si before date d, no other date
 * between, or right after d ("later that year, on December 21", "op 28 december van dat
 * jaar", "同年6月"); SIZE_MAX when none. */
static size_t that_year_at(const ctx *c, size_t si, const xd *d)
{
    static const char *const that[] = {"that year",
                                       "that same year",
                                       "the same year",
                                       "dat jaar",
                                       "datzelfde jaar",
                                       "hetzelfde jaar",
                                       "cette annee la",
                                       "la meme annee",
                                       "tego samego roku",
                                       "w tym samym roku",
                                       "samma ar",
                                       "cung nam",
                                       "nam do",
                                       "同年",
                                       "当年",
                                       NULL};
    size_t lo = c->se[si].t0, hi = c->se[si].t1;
    for (size_t k = (size_t)(d - c->d); k > c->se[si].d0; k--) /* after the date before d */
        if (c->d[k - 1].t1 <= d->t0) {
            lo = c->d[k - 1].t1;
            break;
        }
    for (size_t k = lo; k < hi && k <= d->t1 + 2; k++) {
        if (k >= d->t0 && k < d->t1)
            continue;
        for (int w = 0; that[w]; w++)
            if (bcx_words_at(c, k, hi, that[w]) > 0)
                return k;
    }
    return SIZE_MAX;
}

/* "That year": the year of the nearest date before token at, six sentences back at most;
 * 0 when that date does not write its year or there is none. */
static int that_year(const ctx *c, size_t at)
{
    size_t si = c->t[at].sent;
    for (size_t k = c->nd; k > 0; k--) {
        const xd *w = &c->d[k - 1];
        size_t ws = c->t[w->t0].sent;
        if (w->t1 > at || w->dateline || w->compare || w->prec < 1)
            continue;
        if (ws + 6 < si)
            return 0;
        return written_year(w) ? atoi(w->iso) : 0;
    }
    return 0;
}

int bcx_that_year_of(const ctx *c, const xd *d)
{
    size_t si = c->t[d->t0].sent, at = that_year_at(c, si, d);
    return at == SIZE_MAX || at < d->t1 ? 0 : that_year(c, d->t0);
}

/* The year of a relative year ("Vorig jaar", "Last year", "去年") opening sentence si, a word
 * before it at most, in the clause of date d (no clause break between them but one right
 * after it) and no year written between them; 0 when none or when no reference date was
 * given. */
static int opening_rel_year(const ctx *c, size_t si, const xd *d)
{
    size_t open = bcx_sent_open(c, si);
    for (size_t k = open; k <= open + 1 && k < d->t0; k++) {
        size_t n = 0;
        int y = bcx_rel_year(c, k, d->t0, &n);
        if (n == 0 || bcx_commas(c, k + n, d->t0) > 0)
            continue; /* "Last year, trade rose 12 percent, the chairman said at talks ..." */
        for (size_t q = c->se[si].d0; q < c->se[si].d1; q++)
            if (&c->d[q] != d && c->d[q].t0 >= k + n && c->d[q].t1 <= d->t0 &&
                written_year(&c->d[q]))
                return 0;
        return y;
    }
    return 0;
}

/* 1 when sentence si opens with words for the time just told ("当时", "At the time",
 * "Destijds", "A l'epoque", "Wtedy", "Khi do"). */
static int then_opening(const ctx *c, size_t si)
{
    static const char *const then[] = {
        "当时",  "at the time", "at that time", "destijds",      "toen", "a l epoque",
        "wtedy", "khi do",      "luc do",       "vid den tiden", NULL};
    size_t open = bcx_sent_open(c, si), hi = c->se[si].t1;
    for (int w = 0; then[w]; w++)
        if (bcx_words_at(c, open, hi, then[w]) > 0)
            return 1;
    return 0;
}

/* A Chinese month counted from a year that is not known, its reference date not given
 * ("去年2月" without one), at token k of sentence si: the month, else 0. */
static int unread_month(const ctx *c, size_t k, size_t hi)
{
    size_t n = 0;
    if (c->ry != 0 || c->lbit != L_ZH)
        return 0;
    bcx_rel_year(c, k, hi, &n);
    if (n == 0 || k + n + 1 >= hi || c->t[k + n].kind != T_NUM)
        return 0;
    double mon = c->t[k + n].num;
    return mon >= 1 && mon <= 12 && bcx_words_at(c, k + n + 1, hi, "月") > 0 ? (int)mon : 0;
}

/* The month the sentence before si told last, in its paragraph: 1 with its year known
 * ("2018-02" into out[16]), 2 with only the month known, counted from a year not given
 * ("去年2月" without a reference date: "--02"), -1 when the last time it told has no year
 * known otherwise (a day or month left without one), 0 when it told none. */
static int month_told_before(const ctx *c, size_t si, char out[16])
{
    if (si == 0 || bcx_new_paragraph(c, si))
        return 0;
    const sent *p = &c->se[si - 1];
    const xd *last = NULL;
    for (size_t k = p->d0; k < p->d1; k++)
        if (!c->d[k].dateline && c->d[k].prec >= 2 && c->d[k].used != 2)
            last = &c->d[k];
    int mon = 0;
    for (size_t k = last ? last->t1 : p->t0; k < p->t1; k++)
        if ((mon = unread_month(c, k, p->t1)) != 0) {
            snprintf(out, 16, "--%02d", mon);
            return 2;
        }
    if (p->unread && (last == NULL || p->unread - 1 > last->t0))
        return -1;
    if (last == NULL)
        return 0;
    if (last->iso[0] == '-' || strchr(last->iso, '/') != NULL)
        return -1;
    snprintf(out, 16, "%.7s", last->iso);
    return 1;
}

int bcx_date_year_context(const ctx *c, mention *m)
{
    if (m->date_src != 1 || m->date[0] == '\0')
        return 0;
    const xd *d = own_date(c, m);
    if (d == NULL)
        return 0;
    size_t si = m->sent;
    int len = (int)strlen(m->date);
    int yearless = m->date[0] == '-';
    int completed = yearless || m->date_inferred == BC_X_INFERRED_YEAR;
    /* a day or month whose year was not written, in words for "that year": the year of the
     * date told before them */
    if (completed && d->prec >= 2) {
        size_t at = that_year_at(c, si, d);
        if (at != SIZE_MAX) {
            int y = that_year(c, at < d->t0 ? at : d->t0);
            if (y == 0)
                return yearless ? 0 : -1; /* no year told: left as it is, or doubtful */
            if (y == year_of(m->date))
                return 0;
            with_year(m->date, m->date, y);
            m->date_inferred = 0;
            return 1;
        }
    }
    /* a day or month with the reference date's year in a sentence a relative year opens
     * ("Vorig jaar was ... gastheer ... en trokken de delegaties eind februari naar
     * Beihai"): that year */
    if (!yearless && m->date_inferred == BC_X_INFERRED_YEAR && d->prec >= 2) {
        int y = opening_rel_year(c, si, d);
        if (y != 0 && y != year_of(m->date)) {
            char iso[16];
            with_year(iso, m->date, y);
            if (m->planned <= 0 && bcx_after_report(c, iso))
                return -1; /* that year puts what took place after the report */
            copy_str(m->date, sizeof m->date, iso);
            return 1;
        }
    }
    /* a year alone of the meeting's name in a sentence that says it was then ("当时，2018年
     * ...新春会晤...举行"): the month the sentence before told, when its year is the name's
     * or only counted from a reference date not given ("去年2月"); another year, or a day
     * or month left without one, fixes no date */
    if (len == 4 && d->prec == 1 && bcx_name_year(c, si, d) && then_opening(c, si)) {
        char mon[16];
        int r = month_told_before(c, si, mon);
        if (r == 0)
            return 0;
        if (r < 0 || (r == 1 && atoi(mon) != atoi(m->date)))
            return -1;
        with_year(m->date, mon, atoi(m->date)); /* "--02": the name's year is its year */
        return 1;
    }
    return 0;
}
