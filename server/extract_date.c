/* extract_date.c: dates and periods written in words or digits ("30 pazdziernika 2025",
 * "ngay 30 thang 10 nam 2025", "2024年6月12日", "le 12 décembre 2018", "the first nine
 * months of 2025", "1-9月", "from January 1 - 29"), and the date nearest to a phrase. A
 * year that is not written comes from the reference date only, and such a date says so
 * (inferred); without a reference date a day keeps its month and day ("--06-12") and a
 * period that needs a year is not given. */
#include "bordercoop/alloc.h"
#include "bordercoop/date.h"
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* one finding: its ISO form, tokens and precision (0 period, 1 year, 2 month, 3 day) */
typedef struct dres {
    char iso[24];
    size_t n;
    int prec;
    int inferred;
    int same_day; /* "the same day": the day last named */
} dres;

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

/* A count 1..12 at token i in digits or words (Chinese numerals too). */
int bcx_count_at(const ctx *c, size_t i, size_t lim, size_t *n)
{
    static const char *const han[] = {"一", "二", "三", "四", "五",   "六",
                                      "七", "八", "九", "十", "十一", "十二"};
    const bc_lex *e = NULL;
    *n = 0;
    if (i >= lim)
        return 0;
    if (c->t[i].kind == T_NUM && c->t[i].plain && c->t[i].num >= 1 && c->t[i].num <= 12) {
        *n = 1;
        return (int)c->t[i].num;
    }
    if (c->t[i].han) {
        for (int v = 12; v >= 1; v--)
            if ((*n = bcx_words_at(c, i, lim, han[v - 1])) > 0)
                return v;
        /* 两 is two before a measure word */
        if ((*n = bcx_words_at(c, i, lim, "两")) > 0)
            return 2;
        return 0;
    }
    *n = bcx_lex_find(c, C_CARD, i, &e);
    return *n ? (int)e->val : 0;
}

static int days_in(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && y > 0 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return m >= 1 && m <= 12 ? d[m - 1] : 0;
}

int bcx_complete_day(const ctx *c, int mon, int day, int future, char iso[24])
{
    if (c->ry == 0) {
        snprintf(iso, 24, "--%02d-%02d", mon, day);
        return 0;
    }
    int y = c->ry;
    int ahead = c->rm != 0 ? (mon - c->rm) * 31 + (day - (c->rd ? c->rd : 1)) : 0;
    /* a past day written well after the reference date lies in the year before (a report
     * in January of a meeting on 28 December); a coming day before it, in the year after
     * ("next February" in a December report) */
    if (!future && ahead > 62) {
        /* two to eight months after the reference date, in a sentence that does not say
         * it speaks of the future: last year's or a coming one, the text does not say */
        if (ahead < 9 * 31) {
            snprintf(iso, 24, "--%02d-%02d", mon, day);
            return -1;
        }
        y--;
    } else if (future && ahead < 0)
        y++;
    snprintf(iso, 24, "%04d-%02d-%02d", y, mon, day);
    return 1;
}

/* "this year", "last year" at token i: the year it means (0 without a reference date or
 * a phrase); its tokens in *n. */
static int rel_year(const ctx *c, size_t i, size_t lim, size_t *n)
{
    const bc_lex *e = NULL;
    *n = 0;
    if (i >= lim)
        return 0;
    if ((*n = bcx_lex_find(c, C_THIS_YEAR, i, &e)) > 0)
        return c->ry;
    if ((*n = bcx_lex_find(c, C_LAST_YEAR, i, &e)) > 0)
        return c->ry ? c->ry - 1 : 0;
    if ((*n = bcx_lex_find(c, C_NEXT_YEAR, i, &e)) > 0)
        return c->ry ? c->ry + 1 : 0;
    return 0;
}

/* A Chinese year "2024年" at token i: the year, 2 tokens. */
static int han_year(const ctx *c, size_t i, size_t lim)
{
    int y = bcx_year_of(c, i, lim);
    return y && bcx_words_at(c, i + 1, lim, "年") ? y : 0;
}

/* The year of a period or month written just after token j (within three words: "of
 * 2025", "nam 2025", "de cette annee") or, in Chinese, just before token i ("2024年
 * 前三季度", "今年1-9月"). Sets *end past what it used; *inferred when it comes from the
 * reference date ("this year"). 0 when none is written. */
static int year_near(const ctx *c, size_t i, size_t j, size_t lim, size_t *end, int *inferred)
{
    size_t n;
    *inferred = 0;
    *end = j;
    size_t lo = c->se[c->t[i].sent].t0;
    if (c->lbit == L_ZH) {
        int y;
        if (i >= lo + 2 && (y = han_year(c, i - 2, lim)) != 0)
            return y;
        for (size_t b = i > lo + 2 ? i - 2 : lo; b < i; b++)
            if ((y = rel_year(c, b, lim, &n)) != 0 && b + n == i) {
                *inferred = 1;
                return y;
            }
        return 0;
    }
    for (size_t k = j; k < lim && k < j + 4; k++) {
        int y = bcx_year_of(c, k, lim);
        if (y != 0) {
            *end = k + 1;
            return y;
        }
        if ((y = rel_year(c, k, lim, &n)) != 0) {
            *end = k + n;
            *inferred = 1;
            return y;
        }
        if (c->t[k].kind != T_WORD || (k > j && !bcx_joined(c, k - 1)))
            break;
    }
    return 0;
}

/* The year a period from January to month last belongs to when no year is written: the
 * reference year, or the year before when the reference date falls before the period
 * ends (a report in February of "the first nine months"). */
static int period_year(const ctx *c, int last)
{
    if (c->ry == 0)
        return 0;
    return c->rm != 0 && c->rm < last ? c->ry - 1 : c->ry;
}

static int months_period(const ctx *c, size_t i, size_t j, size_t lim, int first, int last, dres *r)
{
    size_t end;
    int inferred;
    int y = year_near(c, i, j, lim, &end, &inferred);
    if (y == 0) {
        y = period_year(c, last);
        inferred = 1;
    }
    if (y == 0 || first < 1 || last > 12 || first > last)
        return 0;
    char buf[64];
    if (first == last)
        snprintf(buf, sizeof buf, "%04d-%02d", y, first);
    else
        snprintf(buf, sizeof buf, "%04d-%02d/%04d-%02d", y, first, y, last);
    copy_str(r->iso, sizeof r->iso, buf);
    r->n = end - i;
    r->prec = first == last ? 2 : 0;
    r->inferred = inferred;
    return 1;
}

/* Chinese periods: 前N个月, 前三季度, 上半年, (第)一季度, 1-9月, 1至9月, 1月至9月. */
static int try_months_zh(const ctx *c, size_t i, size_t lim, dres *r)
{
    size_t n, j = i;
    int count;
    if (bcx_words_at(c, j, lim, "上半年"))
        return months_period(c, i, j + 3, lim, 1, 6, r);
    if (bcx_words_at(c, j, lim, "前")) {
        j++;
        if ((count = bcx_count_at(c, j, lim, &n)) == 0)
            return 0;
        j += n;
        size_t m = bcx_words_at(c, j, lim, "个月");
        if (m == 0)
            m = bcx_words_at(c, j, lim, "季度");
        if (m == 0)
            return 0;
        if (bcx_words_at(c, j, lim, "季度"))
            count *= 3;
        return count <= 12 && months_period(c, i, j + m, lim, 1, count, r);
    }
    if (bcx_words_at(c, j, lim, "第"))
        j++;
    if ((count = bcx_count_at(c, j, lim, &n)) > 0 && count <= 4 &&
        bcx_words_at(c, j + n, lim, "季度"))
        return months_period(c, i, j + n + 2, lim, 3 * count - 2, 3 * count, r);
    /* 1-9月, 1至9月, 1月至9月, 1月-9月 */
    const tok *a = &c->t[i];
    if (a->kind != T_NUM || !a->plain || a->num < 1 || a->num > 12 || i + 2 >= lim)
        return 0;
    j = i + 1;
    if (bcx_words_at(c, j, lim, "月"))
        j++;
    size_t sep = bcx_words_at(c, j, lim, "至");
    if (sep == 0 && !(j < lim && c->t[j].kind == T_NUM && (bcx_gap(c, j - 1) & G_DASH)))
        return 0;
    j += sep;
    const tok *b = &c->t[j];
    if (j >= lim || b->kind != T_NUM || !b->plain || b->num <= a->num || b->num > 12 ||
        !bcx_words_at(c, j + 1, lim, "月") || bcx_words_at(c, j + 2, lim, "日") ||
        bcx_words_at(c, j + 2, lim, "号"))
        return 0;
    return months_period(c, i, j + 2, lim, (int)a->num, (int)b->num, r);
}

static size_t range_sep(const ctx *c, size_t j, size_t lim, int *dash);

/* A range of months: "from January to September (2025)", "od stycznia do wrzesnia",
 * "januari–september", "tu thang 1 den thang 9", "thang 1-9/2025": a period. */
static int try_month_range(const ctx *c, size_t i, size_t lim, dres *r)
{
    const bc_lex *e = NULL;
    size_t j = i, n, s;
    int m1 = 0, m2 = 0, dash;
    if (c->lbit == L_VI) {
        if (!bcx_word_is(c, j, lim, "thang") || j + 1 >= lim || c->t[j + 1].kind != T_NUM ||
            !c->t[j + 1].plain)
            return 0;
        m1 = (int)c->t[j + 1].num;
        j += 2;
        s = range_sep(c, j, lim, &dash);
        if (!s && !dash)
            return 0;
        j += s;
        if (bcx_word_is(c, j, lim, "thang"))
            j++;
        if (j >= lim)
            return 0;
        if (c->t[j].kind == T_DATE && strlen(c->t[j].iso) == 7 && c->t[j].iso[0] != '-') {
            /* "thang 1-9/2025": the second month carries the year */
            int y = atoi(c->t[j].iso);
            m2 = atoi(c->t[j].iso + 5);
            if (m2 <= m1 || m2 > 12 || m1 < 1)
                return 0;
            char buf[64];
            snprintf(buf, sizeof buf, "%04d-%02d/%04d-%02d", y, m1, y, m2);
            copy_str(r->iso, sizeof r->iso, buf);
            r->n = j + 1 - i;
            r->prec = 0;
            return 1;
        }
        if (c->t[j].kind != T_NUM || !c->t[j].plain)
            return 0;
        m2 = (int)c->t[j].num;
        j++;
        if (bcx_word_is(c, j, lim, "nam"))
            j++;
    } else {
        static const char *const from[] = {"from", "od", "de", "du", "van", "fran", "tu", NULL};
        for (int k = 0; from[k]; k++)
            if (bcx_word_is(c, j, lim, from[k])) {
                j++;
                break;
            }
        if ((n = bcx_lex_find(c, C_MONTH, j, &e)) == 0)
            return 0;
        m1 = (int)e->val;
        j += n;
        s = range_sep(c, j, lim, &dash);
        if (!s && !(j < lim && j > 0 && (bcx_gap(c, j - 1) & G_DASH) &&
                    !(bcx_gap(c, j - 1) & ~(unsigned)(G_DASH | G_SPACE))))
            return 0;
        j += s;
        /* "till och med" */
        if (bcx_word_is(c, j, lim, "och") && bcx_word_is(c, j + 1, lim, "med"))
            j += 2;
        if ((n = bcx_lex_find(c, C_MONTH, j, &e)) == 0)
            return 0;
        m2 = (int)e->val;
        j += n;
    }
    if (m1 < 1 || m2 > 12 || m2 <= m1)
        return 0;
    return months_period(c, i, j, lim, m1, m2, r);
}

/* "the first nine months (of 2025)", "les neuf premiers mois", "9 thang dau nam",
 * "the first half", "the first three quarters", "Q1": a period from January. */
static int try_months(const ctx *c, size_t i, size_t lim, dres *r)
{
    const bc_lex *e = NULL;
    size_t j = i, n = 0;
    int count = 0;
    if (c->lbit == L_ZH)
        return try_months_zh(c, i, lim, r);
    if (c->lbit == L_VI) {
        if (bcx_word_is(c, j, lim, "nua")) { /* nua dau nam: the first half */
            count = 6;
            j++;
        } else if (bcx_word_is(c, j, lim, "quy")) {
            /* quy I, quy 1: a quarter */
            size_t k = j + 1;
            int q = 0;
            if (k < lim && c->t[k].kind == T_NUM && c->t[k].plain && c->t[k].num >= 1 &&
                c->t[k].num <= 4)
                q = (int)c->t[k].num;
            else if (bcx_word_is(c, k, lim, "i"))
                q = 1;
            else if (bcx_word_is(c, k, lim, "ii"))
                q = 2;
            else if (bcx_word_is(c, k, lim, "iii"))
                q = 3;
            else if (bcx_word_is(c, k, lim, "iv"))
                q = 4;
            if (q == 0 || (c->t[k].kind == T_WORD && !c->t[k].upper))
                return 0;
            return months_period(c, i, k + 1, lim, 3 * q - 2, 3 * q, r);
        } else {
            count = bcx_count_at(c, j, lim, &n);
            j += n;
            if (count == 0 || !bcx_word_is(c, j, lim, "thang"))
                return 0;
            j++;
        }
        if (bcx_word_is(c, j, lim, "dau") && bcx_word_is(c, j + 1, lim, "nam")) {
            j += 2;
            size_t k;
            int y = 0, inf = 0;
            if ((y = rel_year(c, j - 1, lim, &k)) != 0 && k == 2) /* dau nam nay */
                inf = 1, j++;
            if (y != 0) {
                snprintf(r->iso, sizeof r->iso, "%04d-01/%04d-%02d", y, y, count);
                r->n = j - i;
                r->prec = 0;
                r->inferred = inf;
                return 1;
            }
            return months_period(c, i, j, lim, 1, count, r);
        }
        /* "9 thang nam 2025": nine months of 2025 */
        if (bcx_word_is(c, j, lim, "nam") && bcx_year_of(c, j + 1, lim) && count > 1)
            return months_period(c, i, j + 1, lim, 1, count, r);
        return 0;
    }
    int fr_order = 0;
    if ((n = bcx_lex_find(c, C_FIRST, j, &e)) == 0) {
        /* French puts the count first: "les neuf premiers mois" */
        if ((count = bcx_count_at(c, j, lim, &n)) == 0)
            return 0;
        j += n;
        if ((n = bcx_lex_find(c, C_FIRST, j, &e)) == 0)
            return 0;
        fr_order = 1;
    }
    j += n;
    if (!fr_order && (n = bcx_lex_find(c, C_HALF, j, &e)) > 0)
        return months_period(c, i, j + n, lim, 1, 6, r);
    if (!fr_order && (n = bcx_lex_find(c, C_QUARTERS, j, &e)) > 0)
        return months_period(c, i, j + n, lim, 1, 3, r);
    if (!fr_order) {
        count = bcx_count_at(c, j, lim, &n);
        j += n;
    }
    if (count == 0)
        return 0;
    if ((n = bcx_lex_find(c, C_QUARTERS, j, &e)) > 0 && count <= 4)
        return months_period(c, i, j + n, lim, 1, 3 * count, r);
    if ((n = bcx_lex_find(c, C_MONTHS, j, &e)) == 0)
        return 0;
    return months_period(c, i, j + n, lim, 1, count, r);
}

/* A day number at token i (1..31) with an ordinal suffix glued to it ("1er", "30th");
 * its tokens in *n. */
static int day_at(const ctx *c, size_t i, size_t lim, size_t *n)
{
    *n = 0;
    if (i >= lim || c->t[i].kind != T_NUM || !c->t[i].plain || c->t[i].ndig > 2 ||
        c->t[i].num < 1 || c->t[i].num > 31)
        return 0;
    *n = 1;
    if (i + 1 < lim && c->t[i + 1].glued && c->t[i + 1].kind == T_WORD &&
        (bcx_word_is(c, i + 1, lim, "er") || bcx_word_is(c, i + 1, lim, "st") ||
         bcx_word_is(c, i + 1, lim, "nd") || bcx_word_is(c, i + 1, lim, "rd") ||
         bcx_word_is(c, i + 1, lim, "th") || bcx_word_is(c, i + 1, lim, "e")))
        *n = 2;
    return (int)c->t[i].num;
}

/* A range separator at token j: a dash before it, or "to", "den", "au", "至", "到". */
static size_t range_sep(const ctx *c, size_t j, size_t lim, int *dash)
{
    static const char *const words[] = {"to", "till", "tot", "den", "au", "a", "do", "until", NULL};
    *dash = 0;
    if (j >= lim)
        return 0;
    if (j > 0 && c->t[j].kind == T_NUM && (bcx_gap(c, j - 1) & G_DASH) &&
        !(bcx_gap(c, j - 1) & ~(unsigned)(G_DASH | G_SPACE))) {
        *dash = 1;
        return 0;
    }
    for (int k = 0; words[k]; k++)
        if (bcx_word_is(c, j, lim, words[k]))
            return 1;
    if (bcx_words_at(c, j, lim, "至") || bcx_words_at(c, j, lim, "到"))
        return 1;
    return 0;
}

/* range_sep for two days of one month, "and" included: "on June 12 and 13", "les 5 et 6
 * mars" are spans of days, no day of them the date. */
static size_t day_sep(const ctx *c, size_t j, size_t lim, int *dash)
{
    static const char *const ands[] = {"and", "et", "va", "i", "och", "en", NULL};
    size_t s = range_sep(c, j, lim, dash);
    for (int k = 0; s == 0 && !*dash && ands[k]; k++)
        if (bcx_word_is(c, j, lim, ands[k]))
            s = 1;
    return s;
}

static int set_day(const ctx *c, int y, int mon, int day, int future, dres *r)
{
    if (mon < 1 || mon > 12 || day < 1 || day > days_in(y ? y : 2024, mon))
        return 0;
    r->prec = 3;
    if (y != 0)
        snprintf(r->iso, sizeof r->iso, "%04d-%02d-%02d", y, mon, day);
    else if ((r->inferred = bcx_complete_day(c, mon, day, future, r->iso)) < 0) {
        r->inferred = 0;
        r->prec = 0; /* a day of an unknown year: no fact takes it */
    }
    return 1;
}

/* Makes r a range from its day to day2 of the same month (when the year is known). */
static void to_range(dres *r, int day2)
{
    int y, m, d;
    if (r->iso[0] == '-' && sscanf(r->iso, "--%2d-%2d", &m, &d) == 2 && day2 > d) {
        /* "August 20 to 22" without a year: a span, no day of it a date */
        char buf[64];
        snprintf(buf, sizeof buf, "%.7s/--%02d-%02d", r->iso, m, day2);
        copy_str(r->iso, sizeof r->iso, buf);
        r->prec = 0;
        return;
    }
    if (sscanf(r->iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || day2 <= d || day2 > days_in(y, m))
        return;
    char buf[64];
    snprintf(buf, sizeof buf, "%.10s/%04d-%02d-%02d", r->iso, y, m, day2);
    copy_str(r->iso, sizeof r->iso, buf);
    r->prec = 0;
}

/* A Chinese day without its month that opens a clause and the time of day or a comma
 * follows ("12日上午，", "本报讯 12日，"): a day of the reference month when at most ten
 * days before the reference day (or after it, said to be coming); any other such day
 * is not dated (prec 0). 1 when token i is one. */
static int day_only_zh(const ctx *c, size_t i, size_t lim, int future, dres *r)
{
    static const char *const after[] = {"上午", "下午", "晚上", "中午", "晚", NULL};
    size_t lo = c->se[c->t[i].sent].t0;
    const tok *d = &c->t[i];
    if (d->kind != T_NUM || !d->plain || d->num < 1 || d->num > 31 || i + 1 >= lim ||
        !bcx_words_at(c, i + 1, lim, "日"))
        return 0;
    if (i > lo && !(bcx_gap(c, i - 1) & G_COMMA) && !bcx_words_at(c, i - 1, i, "电") &&
        !bcx_words_at(c, i - 1, i, "讯"))
        return 0;
    size_t n = 2;
    int follows = i + 2 < lim && (bcx_gap(c, i + 1) & G_COMMA);
    for (int k = 0; after[k] && !follows; k++)
        if ((n = bcx_words_at(c, i + 2, lim, after[k])) > 0)
            follows = 1, n += 2;
    if (!follows)
        return 0;
    int day = (int)d->num;
    r->n = n > 2 ? n : 2;
    if (c->rd != 0 && ((day <= c->rd && c->rd - day <= 10) || (future && day > c->rd))) {
        snprintf(r->iso, sizeof r->iso, "%04d-%02d-%02d", c->ry, c->rm, day);
        r->inferred = 1;
        r->prec = 3;
    } else {
        snprintf(r->iso, sizeof r->iso, "--%02d", day); /* no month: no fact takes it */
        r->prec = 0;
    }
    return 1;
}

/* Chinese days: (2024年)6月12日(至15日). */
static int try_day_zh(const ctx *c, size_t i, size_t lim, int future, dres *r)
{
    int y = han_year(c, i, lim);
    if (!y && day_only_zh(c, i, lim, future, r))
        return 1;
    size_t j = y ? i + 2 : i;
    if (j + 3 >= lim)
        return 0;
    const tok *m = &c->t[j];
    if (m->kind != T_NUM || !m->plain || !bcx_words_at(c, j + 1, lim, "月"))
        return 0;
    const tok *d = &c->t[j + 2];
    if (d->kind != T_NUM || !d->plain ||
        !(bcx_words_at(c, j + 3, lim, "日") || bcx_words_at(c, j + 3, lim, "号")))
        return 0;
    if (!set_day(c, y, (int)m->num, (int)d->num, future, r))
        return 0;
    r->n = j + 4 - i;
    size_t k = j + 4;
    int dash;
    size_t s = range_sep(c, k, lim, &dash);
    if ((s || dash) && k + s + 1 < lim && c->t[k + s].kind == T_NUM &&
        (bcx_words_at(c, k + s + 1, lim, "日") || bcx_words_at(c, k + s + 1, lim, "号"))) {
        to_range(r, (int)c->t[k + s].num);
        r->n = k + s + 2 - i;
    }
    return 1;
}

/* A month-day token ("30/10" in Vietnamese and French) counts as a date after a word
 * that introduces one: ngay, sang, chieu, toi, trua, dem, hom, tu, den, le, du, au. */
static int md_context(const ctx *c, size_t i)
{
    static const char *const words[] = {"ngay", "sang", "chieu", "toi", "trua", "dem", "hom",
                                        "tu",   "den",  "le",    "du",  "au",   "va",  "et",
                                        "mai",  "qua",  "nay",   "luc", NULL};
    size_t lo = c->se[c->t[i].sent].t0;
    if (i == lo)
        return 0;
    for (int k = 0; words[k]; k++)
        if (bcx_word_is(c, i - 1, i, words[k]))
            return 1;
    return 0;
}

/* Day, month and year in words or digits. A missing year comes from the reference date.
 * Ranges of days of one month ("from January 1 - 29", "du 1er au 29 janvier") become
 * periods. */
static int try_day(const ctx *c, size_t i, size_t lim, dres *r)
{
    const bc_lex *e = NULL;
    size_t n, j, dn;
    int day = 0, mon = 0, y = 0, dash;
    int future = c->se[c->t[i].sent].future;
    const tok *t = &c->t[i];
    if (t->kind == T_DATE) {
        /* "tu ngay 11/6 den 15/6/2024": a span of days, a period */
        int dash2;
        size_t s2 = range_sep(c, i + 1, lim, &dash2);
        const tok *t2 = i + 1 + s2 < lim && s2 > 0 ? &c->t[i + 1 + s2] : NULL;
        if (t2 != NULL && t2->kind == T_DATE && strlen(t2->iso) == 10 &&
            (strlen(t->iso) == 10 || (t->iso[0] == '-' && strlen(t->iso) == 7))) {
            char start[11];
            if (t->iso[0] == '-')
                snprintf(start, sizeof start, "%.4s-%.5s", t2->iso, t->iso + 2);
            else
                copy_str(start, sizeof start, t->iso);
            if (strcmp(start, t2->iso) < 0) {
                snprintf(r->iso, sizeof r->iso, "%s/%s", start, t2->iso);
                r->n = 2 + s2;
                r->prec = 0;
                return 1;
            }
        }
        if (strlen(t->iso) == 10 || (strlen(t->iso) == 7 && t->iso[0] != '-')) {
            memcpy(r->iso, t->iso, 11); /* 2025-10-30, 30/10/2025; 10/2025 */
            r->n = 1;
            r->prec = strlen(t->iso) == 10 ? 3 : 2;
            return 1;
        }
        if (t->iso[0] == '-' && md_context(c, i) &&
            set_day(c, 0, atoi(t->iso + 2), atoi(t->iso + 5), future, r)) {
            r->n = 1;
            /* "30/10/2025" is a T_DATE of its own; "30/10 nam 2025" is not seen here */
            return 1;
        }
        return 0;
    }
    if (c->lbit == L_ZH)
        return try_day_zh(c, i, lim, future, r);
    if (c->lbit == L_VI) {
        if (!bcx_word_is(c, i, lim, "ngay") || i + 3 >= lim)
            return 0;
        const tok *d = &c->t[i + 1];
        if (d->kind != T_NUM || !d->plain || !bcx_word_is(c, i + 2, lim, "thang"))
            return 0;
        const tok *m = &c->t[i + 3];
        if (m->kind != T_NUM || !m->plain)
            return 0;
        day = (int)d->num, mon = (int)m->num;
        j = i + 4;
        if (bcx_word_is(c, j, lim, "nam") && bcx_year_of(c, j + 1, lim))
            y = bcx_year_of(c, ++j, lim), j++;
    } else if ((day = day_at(c, i, lim, &dn)) > 0) {
        /* 30 pazdziernika 2025; le 12 decembre 2018; du 1er au 29 janvier */
        int day2 = 0;
        j = i + dn;
        size_t s = day_sep(c, j, lim, &dash);
        size_t dn2;
        if ((s || dash) && (day2 = day_at(c, j + s, lim, &dn2)) > day)
            j += s + dn2;
        else
            day2 = 0;
        if (j >= lim || !bcx_joined(c, j - 1) || (n = bcx_lex_find(c, C_MONTH, j, &e)) == 0)
            return 0;
        mon = (int)e->val;
        j += n;
        if (j < lim && bcx_year_of(c, j, lim) &&
            (bcx_gap(c, j - 1) & ~(unsigned)(G_SPACE | G_COMMA)) == 0)
            y = bcx_year_of(c, j++, lim);
        if (!set_day(c, y, mon, day, future, r))
            return 0;
        r->n = j - i;
        if (day2)
            to_range(r, day2);
        return 1;
    } else if ((n = bcx_lex_find(c, C_MONTH, i, &e)) > 0 && (day = day_at(c, i + n, lim, &dn)) &&
               (bcx_joined(c, i + n - 1) ||
                !(bcx_gap(c, i + n - 1) & ~(unsigned)(G_SPACE | G_DOT))) &&
               (c->lbit & (L_EN | L_NL | L_SV))) {
        /* October 30, 2025; from January 1 - 29 */
        mon = (int)e->val;
        j = i + n + dn;
        int day2 = 0;
        size_t s = day_sep(c, j, lim, &dash), dn2;
        if ((s || dash) && (day2 = day_at(c, j + s, lim, &dn2)) > day)
            j += s + dn2;
        else
            day2 = 0;
        if (j < lim && bcx_year_of(c, j, lim) &&
            (bcx_gap(c, j - 1) & ~(unsigned)(G_SPACE | G_COMMA)) == 0)
            y = bcx_year_of(c, j++, lim);
        if (!set_day(c, y, mon, day, future, r))
            return 0;
        r->n = j - i;
        if (day2)
            to_range(r, day2);
        return 1;
    } else {
        return 0;
    }
    if (!set_day(c, y, mon, day, future, r))
        return 0;
    r->n = j - i;
    return 1;
}

/* Month and year: "oktober 2025", "juin 2024", "thang 10 nam 2025", "2024年6月"; a month
 * without a year after "in" ("in June", "trong thang 6", "6月") takes the reference
 * year. */
static int try_month(const ctx *c, size_t i, size_t lim, dres *r)
{
    const bc_lex *e = NULL;
    size_t n, j;
    int mon = 0, y = 0, bare = 0;
    size_t lo = c->se[c->t[i].sent].t0;
    if (c->lbit == L_ZH) {
        y = han_year(c, i, lim);
        j = y ? i + 2 : i;
        size_t rn = 0;
        int rel = 0;
        /* "去年6月", "明年3月": the relative year is the month's */
        if (y == 0 && (rel = rel_year(c, i, lim, &rn)) != 0 && rn > 0)
            j = i + rn;
        else if (y == 0 && rn > 0)
            return 0; /* "去年6月" without a reference date: nothing known */
        if (j + 1 >= lim || c->t[j].kind != T_NUM || !c->t[j].plain ||
            !bcx_words_at(c, j + 1, lim, "月"))
            return 0;
        if (rel != 0) {
            int mon2 = (int)c->t[j].num;
            if (mon2 < 1 || mon2 > 12)
                return 0;
            /* "今年6月12日": the day with the relative year */
            dres dr;
            memset(&dr, 0, sizeof dr);
            if (try_day_zh(c, j, lim, c->se[c->t[i].sent].future, &dr) && dr.prec == 3 &&
                strlen(dr.iso) == 10) {
                snprintf(r->iso, sizeof r->iso, "%04d-%.5s", rel, dr.iso + 5);
                r->n = j - i + dr.n;
                r->prec = 3;
                r->inferred = 1;
                return 1;
            }
            if (dr.n > 0 && dr.prec == 0 && strlen(dr.iso) == 21) { /* "今年6月12日至15日" */
                snprintf(r->iso, sizeof r->iso, "%04d-%.5s/%04d-%.5s", rel, dr.iso + 5, rel,
                         dr.iso + 16);
                r->n = j - i + dr.n;
                r->prec = 0;
                r->inferred = 1;
                return 1;
            }
            snprintf(r->iso, sizeof r->iso, "%04d-%02d", rel, mon2);
            j += 2;
            if (bcx_words_at(c, j, lim, "份"))
                j++;
            r->n = j - i;
            r->prec = 2;
            r->inferred = 1;
            return 1;
        }
        if (j > lo && (bcx_words_at(c, j - 1, lim, "前") || bcx_words_at(c, j - 1, lim, "个")))
            return 0;
        mon = (int)c->t[j].num;
        j += 2;
        if (bcx_words_at(c, j, lim, "份"))
            j++;
        bare = y == 0;
    } else if (c->lbit == L_VI) {
        if (!bcx_word_is(c, i, lim, "thang") || i + 1 >= lim || c->t[i + 1].kind != T_NUM ||
            !c->t[i + 1].plain)
            return 0;
        mon = (int)c->t[i + 1].num;
        j = i + 2;
        if (bcx_word_is(c, j, lim, "nam") && bcx_year_of(c, j + 1, lim))
            j++;
        y = bcx_year_of(c, j, lim);
        if (y)
            j++;
        bare = y == 0;
    } else {
        if ((n = bcx_lex_find(c, C_MONTH, i, &e)) == 0)
            return 0;
        mon = (int)e->val;
        j = i + n;
        if (j < lim && bcx_joined(c, j - 1) && (y = bcx_year_of(c, j, lim)) != 0)
            j++;
        bare = y == 0;
        /* a month alone only after "in", "for", "na", "en" ("in June", "zaplanowano na
         * marzec"); never English "may" */
        static const char *const before[] = {
            "na",    "for",   "till",    "naar",   "tot",    "pour", "mid",   "early",
            "late",  "begin", "fin",     "debut",  "voor",   "eind", "medio", "poczatku",
            "koncu", "konca", "polowie", "slutet", "borjan", NULL};
        int after_prep = i > lo && bcx_lex_find(c, C_LOC, i - 1, &e) > 0;
        for (int k = 0; !after_prep && i > lo && before[k]; k++)
            after_prep = bcx_word_is(c, i - 1, lim, before[k]);
        if (bare && (!after_prep || (c->lbit == L_EN && bcx_word_is(c, i, lim, "may"))))
            return 0;
    }
    if (mon < 1 || mon > 12)
        return 0;
    /* "in June last year", "en octobre de l'annee derniere": the relative year is the
     * month's (nothing without a reference date: the month alone says nothing then) */
    size_t rn = 0, rj = j;
    if (bare && c->lbit != L_ZH &&
        (bcx_word_is(c, rj, lim, "of") || bcx_word_is(c, rj, lim, "de") ||
         bcx_word_is(c, rj, lim, "d")))
        rj++; /* "in June of last year", "en juin de l'annee derniere" */
    if (bare && c->lbit != L_ZH && rj < lim && c->t[rj].kind == T_WORD &&
        (bcx_lex_find(c, C_LAST_YEAR, rj, NULL) > 0 || bcx_lex_find(c, C_THIS_YEAR, rj, NULL) > 0 ||
         bcx_lex_find(c, C_NEXT_YEAR, rj, NULL) > 0)) {
        int ry = rel_year(c, rj, lim, &rn);
        if (ry == 0)
            return 0;
        snprintf(r->iso, sizeof r->iso, "%04d-%02d", ry, mon);
        r->n = rj + rn - i;
        r->prec = 2;
        r->inferred = 1;
        return 1;
    }
    if (bare && c->ry == 0) {
        /* kept only until name_year_days: a year in a meeting's name may complete it */
        snprintf(r->iso, sizeof r->iso, "--%02d", mon);
        r->n = j - i;
        r->prec = 2;
        r->inferred = 1;
        return 1;
    }
    if (bare) {
        int future = c->se[c->t[i].sent].future;
        y = c->ry;
        if (!future && c->rm != 0 && mon > c->rm + 2) {
            if (mon < c->rm + 9) {
                /* as for days (bcx_complete_day): last year's or a coming month */
                snprintf(r->iso, sizeof r->iso, "--%02d", mon);
                r->n = j - i;
                r->prec = 0;
                return 1;
            }
            y--;
        } else if (future && c->rm != 0 && mon < c->rm)
            y++;
        r->inferred = 1;
    }
    snprintf(r->iso, sizeof r->iso, "%04d-%02d", y, mon);
    r->n = j - i;
    r->prec = 2;
    return 1;
}

/* 1 when the year-like number at token i is a year: after "in", "w", "i", "tai" or a
 * word for year ("ar 2024", "nam 2024") always ("In 2024 tourists came"); otherwise
 * unless a counted noun, a scale or a currency follows it or a '$' precedes it. */
static int year_is_date(const ctx *c, size_t si, size_t i, size_t lim)
{
    const bc_lex *e = NULL;
    if (c->lbit == L_ZH)
        return bcx_words_at(c, i + 1, lim, "年") > 0;
    if (i > c->se[si].t0 &&
        (bcx_lex_find(c, C_LOC, i - 1, &e) > 0 || bcx_lex_find(c, C_YEAR_WORD, i - 1, &e) > 0))
        return 1;
    if (i > c->se[si].t0 && (bcx_gap(c, i - 1) & (G_DOLLAR | G_EURO | G_YUAN)))
        return 0;
    return i + 1 >= lim || (bcx_lex_find2(c, C_NOUN, i + 1, 1, &e) == 0 &&
                            bcx_lex_find2(c, C_SCALE, i + 1, 1, &e) == 0 &&
                            bcx_lex_find(c, C_CURRENCY, i + 1, &e) == 0);
}

static void add_date(ctx *c, const dres *r, size_t t0)
{
    bc_period p;
    if (r->iso[0] != '-' && bc_period_parse(r->iso, &p, NULL) != BC_OK)
        return;
    c->d = bc_grow(c->d, &c->capd, c->nd + 1, sizeof *c->d, &c->rc);
    if (c->rc != BC_OK)
        return;
    xd *d = &c->d[c->nd++];
    memset(d, 0, sizeof *d);
    copy_str(d->iso, sizeof d->iso, r->iso);
    d->t0 = t0;
    d->t1 = t0 + r->n;
    d->prec = r->prec;
    d->inferred = r->inferred;
    d->same_day = r->same_day;
    /* "tang 22% so voi nam 2022", "up 5% compared with the same period of 2023" */
    const bc_lex *e = NULL;
    size_t lo = c->se[c->t[t0].sent].t0;
    for (size_t k = t0 > lo + 6 ? t0 - 6 : lo; k < t0 && !d->compare; k++) {
        size_t n = bcx_lex_find(c, C_COMPARE, k, &e);
        int clause = n > 0 && k + n <= t0;
        for (size_t q = k + n; clause && q < t0; q++)
            clause = !(bcx_gap(c, q - 1) & (G_COMMA | G_DOT | G_PAREN)) && c->t[q].kind != T_NUM;
        d->compare = clause && (k + n == t0 || t0 - (k + n) <= 4);
    }
    for (size_t k = d->t0; k < d->t1; k++)
        c->t[k].used = U_DATE;
}

static void name_year_days(ctx *c, size_t si);

/* 1 when day r at token i of sentence si is the article's dateline: the body's first
 * sentence opens with a place and a comma, or with the day itself, and the day is followed
 * by an agency in brackets, a dash or "电" ("Hanoi, June 13, 2024 (VNA) -", "LAO CAI, 13
 * czerwca 2024 r. -", "新华社南宁3月6日电"). It is when the report was filed, not when
 * anything it reports happened. */
static int dateline(const ctx *c, size_t si, size_t i, const dres *r)
{
    size_t t0 = c->se[si].t0, lim = c->se[si].t1, k = i + r->n;
    if (r->prec != 3 || i - t0 > 6 || k >= lim)
        return 0;
    if (c->lbit == L_ZH)
        return bcx_words_at(c, k, lim, "电") > 0;
    if (i > t0 && !(bcx_gap(c, i - 1) & G_COMMA))
        return 0;
    if (bcx_word_is(c, k, lim, "r") && (bcx_gap(c, k) & G_DOT))
        k++; /* "2024 r." */
    return (bcx_gap(c, k - 1) & (G_OPEN | G_DASH)) != 0;
}

void bcx_find_dates(ctx *c)
{
    const bc_lex *e = NULL;
    size_t last_day = SIZE_MAX; /* the last day named, for "the same day" */
    size_t body = 0;            /* the body's first sentence */
    while (body < c->ns && c->se[body].heading)
        body++;
    for (size_t si = 0; si < c->ns && c->rc == BC_OK; si++) {
        size_t lim = c->se[si].t1, i = c->se[si].t0;
        c->se[si].d0 = c->nd;
        while (i < lim && c->rc == BC_OK) {
            dres r;
            int y, y2;
            size_t n;
            memset(&r, 0, sizeof r);
            if (try_months(c, i, lim, &r) || (c->lbit != L_ZH && try_month_range(c, i, lim, &r)) ||
                try_day(c, i, lim, &r) || try_month(c, i, lim, &r)) {
                /* found */
            } else if (last_day != SIZE_MAX && (n = bcx_lex_find(c, C_SAME_DAY, i, &e)) > 0) {
                /* "Cung ngay", "W tym samym dniu", "当天": the day last named */
                memcpy(r.iso, c->d[last_day].iso, sizeof r.iso);
                r.inferred = c->d[last_day].inferred;
                r.prec = 3;
                r.n = n;
                r.same_day = 1;
            } else if ((y = bcx_year_of(c, i, lim)) != 0) {
                if (i + 1 < lim && (y2 = bcx_year_of(c, i + 1, lim)) > y &&
                    (bcx_gap(c, i) & ~(unsigned)(G_SPACE | G_DASH)) == 0 &&
                    (bcx_gap(c, i) & G_DASH)) {
                    snprintf(r.iso, sizeof r.iso, "%04d/%04d", y, y2);
                    r.n = 2;
                    r.prec = 0;
                } else if (year_is_date(c, si, i, lim)) {
                    snprintf(r.iso, sizeof r.iso, "%04d", y);
                    r.n = c->lbit == L_ZH ? 2 : 1;
                    r.prec = 1;
                }
            } else if ((n = bcx_lex_find(c, C_REL_MONTH, i, &e)) > 0) {
                /* "last month", "上月": the month before the reference date's */
                if (c->ry != 0 && c->rm != 0) {
                    int m = c->rm + (int)e->val, yy = c->ry;
                    if (m < 1)
                        m += 12, yy--;
                    else if (m > 12)
                        m -= 12, yy++;
                    snprintf(r.iso, sizeof r.iso, "%04d-%02d", yy, m);
                    r.prec = 2;
                    r.inferred = 1;
                }
                r.n = n;
            } else {
                if ((y = rel_year(c, i, lim, &n)) != 0) {
                    snprintf(r.iso, sizeof r.iso, "%04d", y);
                    r.n = n;
                    r.prec = 1;
                    r.inferred = 1;
                }
            }
            if (si == body && r.n > 0 && dateline(c, si, i, &r)) {
                /* without a publication date, a dateline that writes its year dates the
                 * report; no fact takes the dateline's day */
                if (c->ry == 0 && r.iso[0] != '-') {
                    c->ry = atoi(r.iso);
                    c->rm = atoi(r.iso + 5);
                    c->rd = atoi(r.iso + 8);
                }
                r.prec = 0;
            }
            if (r.n > 0 && i + r.n <= lim) {
                add_date(c, &r, i);
                if (r.prec == 3 && c->rc == BC_OK)
                    last_day = c->nd - 1;
            }
            i += r.n > 0 ? r.n : 1;
        }
        c->se[si].d1 = c->nd;
        name_year_days(c, si);
        for (size_t k = c->se[si].d0; k < c->se[si].d1; k++)
            if (c->d[k].prec == 3)
                last_day = k; /* name_year_days may have moved them */
    }
}

/* 1 when the year date d is written in a meeting's name: right after or before the words
 * of a meeting ("Gap go dau Xuan nam 2025", "Voorjaarsbijeenkomst 2023", "the 2025 Spring
 * Meeting"), or, in Chinese, opening a clause that ends with one ("2025年...新春会晤"). */
static int name_year(const ctx *c, size_t si, const xd *d)
{
    const bc_lex *e = NULL;
    size_t lo = c->se[si].t0, hi = c->se[si].t1;
    if (d->prec != 1 || d->inferred)
        return 0;
    if (c->lbit == L_ZH) {
        for (size_t k = d->t1; k < hi && k < d->t1 + 30; k++) {
            if (k > d->t1 && (bcx_gap(c, k - 1) & (G_COMMA | G_DOT)))
                return 0;
            if (bcx_lex_find(c, C_MEET, k, &e) > 0)
                return 1;
        }
        return 0;
    }
    for (size_t k = d->t0 > lo + 6 ? d->t0 - 6 : lo; k < d->t0; k++) {
        size_t n = bcx_lex_find(c, C_MEET, k, &e);
        if (n == 0)
            n = bcx_lex_find(c, C_MECH, k, &e);
        /* the name ends right before the year, "nam" or "de" between at most */
        if (n > 0 && k + n <= d->t0 && d->t0 - (k + n) <= 1)
            return 1;
    }
    for (size_t k = d->t1; k < hi && k <= d->t1 + 1; k++) {
        if (bcx_lex_find(c, C_MEET, k, &e) > 0 || bcx_lex_find(c, C_MECH, k, &e) > 0)
            return 1;
    }
    return 0;
}

/* A day of sentence si without a written year takes the year written in a meeting's name
 * in the same sentence: that year is the text's ("Sang 20/2 ... Gap go dau Xuan nam 2025",
 * "2月21日上午，2025年...新春会晤"). */
static void name_year_days(ctx *c, size_t si)
{
    int y = 0;
    for (size_t k = c->se[si].d0; k < c->se[si].d1 && y == 0; k++)
        if (name_year(c, si, &c->d[k]))
            y = atoi(c->d[k].iso);
    for (size_t k = c->se[si].d0; y != 0 && k < c->se[si].d1; k++) {
        xd *d = &c->d[k];
        if (d->prec < 2 || !(d->iso[0] == '-' || d->inferred) || strlen(d->iso) > 10)
            continue;
        char iso[24];
        snprintf(iso, sizeof iso, "%04d-%.5s", y, d->iso[0] == '-' ? d->iso + 2 : d->iso + 5);
        copy_str(d->iso, sizeof d->iso, iso);
        d->inferred = 0;
    }
    /* a month without a year that no name completed says nothing without a reference */
    size_t w = c->se[si].d0;
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++)
        if (!(c->d[k].prec == 2 && c->d[k].iso[0] == '-'))
            c->d[w++] = c->d[k];
    c->se[si].d1 = c->nd = w;
}

static size_t clause_cost(const ctx *c, size_t a, size_t b)
{
    size_t lo = a < b ? a : b, hi = a < b ? b : a;
    return hi - lo + 10 * bcx_commas(c, lo, hi);
}

const xd *bcx_nearest_date(const ctx *c, size_t si, size_t i, size_t end, int min_prec)
{
    const xd *best = NULL;
    size_t best_cost = SIZE_MAX;
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
        const xd *d = &c->d[k];
        if (d->prec < min_prec || d->compare || (d->t0 >= i && d->t1 <= end))
            continue;
        size_t cost = d->t0 >= end ? clause_cost(c, end - 1, d->t0) : clause_cost(c, d->t1 - 1, i);
        if (cost < best_cost) {
            best = d;
            best_cost = cost;
        }
    }
    return best;
}
