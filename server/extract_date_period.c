/* extract_date_period.c: periods of months written in words or digits: "the first nine
 * months of 2025", "tu thang 1 den thang 9", "od stycznia do wrzesnia", "1-9月",
 * "前三季度", "上半年", "depuis le debut de l'annee". A period's year is the one written next to
 * it, else the reference year (or the one before, when the reference date falls before the period
 * ends), marked inferred; without either no period is given. */
#include "bordercoop/alloc.h"
#include "bordercoop/date.h"
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The year of a period or month written just after token j (within three words: "of
 * 2025", "nam 2025", "de cette annee") or, in Chinese, just before token i ("2024年
 * 前三季度", "今年1-9月"). Sets *end past what it used; *inferred when it comes from the
 * reference date ("this year"). 0 when none is written. */
/* The year last written before token i in its sentence or the one before ("Voor heel
 * Vietnam was 2024 al een topjaar. In de eerste elf maanden van dat jaar ..."), 0 none. */
static int told_year(const ctx *c, size_t i)
{
    size_t si = c->t[i].sent, lo = c->se[si > 0 ? si - 1 : si].t0;
    for (size_t k = i; k > lo; k--) {
        int y = bcx_year_of(c, k - 1, bcx_sent_end(c, k - 1));
        if (y != 0)
            return y;
    }
    return 0;
}

static int year_near(const ctx *c, size_t i, size_t j, size_t lim, size_t *end, int *inferred)
{
    /* "of that year", "van dat jaar": the year told before (-1: none told) */
    static const char *const that[] = {
        "that year",      "the same year", "dat jaar", "datzelfde jaar",
        "hetzelfde jaar", "samma ar",      NULL};
    size_t n;
    *inferred = 0;
    *end = j;
    size_t lo = c->se[c->t[i].sent].t0;
    if (c->lbit == L_ZH) {
        int y;
        if (i >= lo + 2 && (y = bcx_han_year(c, i - 2, lim)) != 0)
            return y;
        for (size_t b = i > lo + 2 ? i - 2 : lo; b < i; b++)
            if ((y = bcx_rel_year(c, b, lim, &n)) != 0 && b + n == i) {
                *inferred = 1;
                return y;
            }
        return 0;
    }
    for (size_t k = j; k < lim && k < j + 4; k++) {
        for (int q = 0; that[q]; q++)
            if ((n = bcx_words_at(c, k, lim, that[q])) > 0) {
                int told = told_year(c, i);
                *end = k + n;
                return told != 0 ? told : -1;
            }
        int y = bcx_year_of(c, k, lim);
        if (y != 0) {
            *end = k + 1;
            return y;
        }
        if ((y = bcx_rel_year(c, k, lim, &n)) != 0) {
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

/* The year written before token i in its sentence right before "when" ("a turnaround from
 * early 2024, when turnover in the first four months fell"): the time the clause of a
 * period without its year speaks of; 0 none. */
static int when_year(const ctx *c, size_t i)
{
    static const char *const when[] = {"when", "toen", "lorsque", "quand", "kiedy", "nar", NULL};
    size_t lo = c->se[c->t[i].sent].t0;
    for (size_t k = i; k > lo + 1; k--) {
        int y = bcx_year_of(c, k - 2, i);
        for (int q = 0; y != 0 && when[q]; q++)
            if (bcx_word_is(c, k - 1, i, when[q]))
                return y;
    }
    return 0;
}

static int months_period(const ctx *c, size_t i, size_t j, size_t lim, int first, int last, dres *r)
{
    size_t end;
    int inferred;
    int y = year_near(c, i, j, lim, &end, &inferred);
    if (y < 0)
        return 0; /* "of that year" with no year told */
    if (y == 0 && (y = when_year(c, i)) != 0)
        inferred = 0;
    if (y == 0) {
        y = period_year(c, last);
        inferred = 1;
    }
    if (y == 0 && c->ry == 0 && first >= 1 && last <= 12 && first <= last)
        r->unplaced = end - i; /* "the first nine months" of no year told */
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

/* 1 when a month's name follows a word for half at token j ("w drugiej polowie czerwca",
 * "in the second half of June"): half of that month, not of a year. */
static int half_of_month(const ctx *c, size_t j, size_t lim)
{
    static const char *const of[] = {"of", "van", "de", "du", "av", NULL};
    for (int k = 0; of[k]; k++)
        if (bcx_word_is(c, j, lim, of[k])) {
            j++;
            break;
        }
    if (bcx_lex_find(c, C_ARTICLE, j, NULL) > 0)
        j++;
    return j < lim && bcx_lex_find(c, C_MONTH, j, NULL) > 0;
}

/* A part of a year (months first..last) without its year, said to be coming ("nasta
 * samtal halls under andra halvaret"): the reference year's while it has not ended; none
 * after it (this year's or next, the text does not say) or when not said to be coming. */
static int coming_part(const ctx *c, size_t i, size_t j, int first, int last, dres *r)
{
    if (!bcx_future_at(c, i) || c->ry == 0 || (c->rm != 0 && c->rm > last))
        return 0;
    snprintf(r->iso, sizeof r->iso, "%04d-%02d/%04d-%02d", c->ry, first, c->ry, last);
    r->n = j - i;
    r->prec = 0;
    r->inferred = 1;
    return 1;
}

/* Chinese periods: 前N个月, 前三季度, 上半年, (第)一季度, 1-9月, 1至9月, 1月至9月. */
static int try_months_zh(const ctx *c, size_t i, size_t lim, dres *r)
{
    size_t n, j = i;
    int count;
    /* "2025年1月至10月": a range of months after its year, which would else be read as the
     * year's first month */
    if (bcx_han_year(c, i, lim) != 0 && i + 2 < lim && c->t[i + 2].kind == T_NUM) {
        dres r2;
        memset(&r2, 0, sizeof r2);
        if (try_months_zh(c, i + 2, lim, &r2) && !r2.inferred && r2.prec == 0) {
            *r = r2;
            r->n += 2;
            return 1;
        }
    }
    if (bcx_words_at(c, j, lim, "上半年"))
        return months_period(c, i, j + 3, lim, 1, 6, r);
    /* "下半年": the second half, of the year written before it, else one said to be coming
     * (this year's while it has not ended) */
    if (bcx_words_at(c, j, lim, "下半年")) {
        size_t end;
        int inferred;
        if (year_near(c, i, j + 3, lim, &end, &inferred) != 0)
            return months_period(c, i, j + 3, lim, 7, 12, r);
        return coming_part(c, i, j + 3, 7, 12, r);
    }
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

/* A range of months: "from January to September (2025)", "od stycznia do wrzesnia",
 * "januari–september", "tu thang 1 den thang 9", "thang 1-9/2025": a period. */
int bcx_try_month_range(const ctx *c, size_t i, size_t lim, dres *r)
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
        s = bcx_range_sep(c, j, lim, &dash);
        /* a dash before "9/2025", which is one date token, not a number */
        if (!s && !dash && j < lim && c->t[j].kind == T_DATE && (bcx_gap(c, j - 1) & G_DASH) &&
            !(bcx_gap(c, j - 1) & ~(unsigned)(G_DASH | G_SPACE)))
            dash = 1;
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
        /* "between January and October", "tussen januari en oktober": a range, not two
         * months next to each other */
        static const char *const between[] = {"between", "tussen", "entre", "mellan", NULL};
        int btw = 0;
        for (int k = 0; between[k] && !btw; k++)
            btw = bcx_word_is(c, j, lim, between[k]);
        if (btw)
            j++;
        for (int k = 0; from[k] && !btw; k++)
            if (bcx_word_is(c, j, lim, from[k])) {
                j++;
                break;
            }
        if ((n = bcx_lex_find(c, C_MONTH, j, &e)) == 0)
            return 0;
        m1 = (int)e->val;
        j += n;
        s = bcx_range_sep(c, j, lim, &dash);
        /* "januari och februari", "January and February": two months next to each other */
        static const char *const ands[] = {"and", "och", "en", "et", "i", NULL};
        int joined = 0;
        for (int k = 0; !s && ands[k] && !joined; k++)
            joined = bcx_word_is(c, j, lim, ands[k]);
        if (joined) {
            if ((n = bcx_lex_find(c, C_MONTH, j + 1, &e)) == 0 ||
                (btw ? (int)e->val <= m1 : (int)e->val != m1 + 1))
                return 0;
            return months_period(c, i, j + 1 + n, lim, m1, (int)e->val, r);
        }
        if (btw)
            return 0;
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

/* The months from January to last told last in the text with their year (not a
 * comparison's; inferred when that year was), as a period at tokens [i, j) in r; 0 when
 * none was. */
static int told_again(const ctx *c, size_t i, size_t j, int last, dres *r)
{
    for (size_t k = c->nd; k > 0; k--) {
        const xd *d = &c->d[k - 1];
        int y1, m1, y2, m2;
        if (d->compare || sscanf(d->iso, "%4d-%2d/%4d-%2d", &y1, &m1, &y2, &m2) != 4 || y1 != y2 ||
            m1 != 1 || m2 != last)
            continue;
        snprintf(r->iso, sizeof r->iso, "%04d-01/%04d-%02d", y1, y1, last);
        r->n = j - i;
        r->prec = 0;
        r->inferred = d->inferred; /* "dit jaar": the reference's */
        return 1;
    }
    return 0;
}

/* A month of a span (bcx_try_month_span) at token j, with the year written with it:
 * "December 2024", "grudnia 2024 r.", "thang 12/2024", "thang 12 nam 2024", "2024年12月",
 * "去年12月" (its year from the reference date: *inferred); or alone ("December", "thang
 * 12", "12月": *y 0). The end of a span may drop the Vietnamese word for month
 * ("thang 12/2024-2/2025"). Returns its tokens; 0 when no month is there or a day follows
 * it ("February 5", "2月5日"). */
static size_t span_month(const ctx *c, size_t j, size_t lim, int end, int *mon, int *y,
                         int *inferred)
{
    const bc_lex *e = NULL;
    size_t k = j, n = 0;
    *mon = *y = *inferred = 0;
    if (c->lbit == L_ZH) {
        if ((*y = bcx_han_year(c, k, lim)) != 0)
            k += 2;
        else if ((*y = bcx_rel_year(c, k, lim, &n)) != 0)
            k += n, *inferred = 1;
        else if (n > 0)
            return 0; /* "去年12月" without a reference date: nothing known */
        if (k + 1 >= lim || c->t[k].kind != T_NUM || !c->t[k].plain ||
            !bcx_words_at(c, k + 1, lim, "月"))
            return 0;
        *mon = (int)c->t[k].num;
        k += 2;
        if (bcx_words_at(c, k, lim, "份"))
            k++;
        else if (k + 1 < lim && c->t[k].kind == T_NUM &&
                 (bcx_words_at(c, k + 1, lim, "日") || bcx_words_at(c, k + 1, lim, "号")))
            return 0;
        return k - j;
    }
    if (c->lbit == L_VI) {
        if (bcx_word_is(c, k, lim, "thang") && bcx_vi_month_word(c, k))
            k++;
        else if (!end)
            return 0;
        if (k >= lim)
            return 0;
        const tok *t = &c->t[k];
        if (t->kind == T_DATE && strlen(t->iso) == 7 && t->iso[0] != '-') {
            *y = atoi(t->iso); /* "12/2024" */
            *mon = atoi(t->iso + 5);
            return k + 1 - j;
        }
        if (k == j || t->kind != T_NUM || !t->plain)
            return 0;
        *mon = (int)t->num;
        k++;
        if (bcx_word_is(c, k, lim, "nam") && (*y = bcx_year_of(c, k + 1, lim)) != 0)
            k += 2;
        return k - j;
    }
    if ((n = bcx_lex_find(c, C_MONTH, k, &e)) == 0)
        return 0;
    *mon = (int)e->val;
    k += n;
    if (k < lim && bcx_joined(c, k - 1) && (*y = bcx_year_of(c, k, lim)) != 0) {
        k++;
        if (c->lbit == L_PL && bcx_word_is(c, k, lim, "r")) /* "grudnia 2024 r." */
            k++;
    } else if (k < lim && c->t[k].kind == T_NUM && bcx_joined(c, k - 1)) {
        return 0; /* "February 5": a day */
    }
    return k - j;
}

/* A span of months with its years (outsider 8, H1), across a year end or with the first
 * month's year written: "from December 2024 to February 2025", "between December 2024 and
 * February 2025", "December 2024–February 2025", "from December to February 2025", "tu thang
 * 12/2024 den thang 2/2025", "od grudnia 2024 r. do lutego 2025 r.", "2024年12月至2025年2月",
 * "2024年12月至次年2月". With one year written the other follows from the months; with none,
 * the last such span that has ended by the reference month (inferred), none without a
 * reference date. A span within one year whose first month has no year of its own ("from
 * January to September 2025") is bcx_try_month_range's. */
int bcx_try_month_span(const ctx *c, size_t i, size_t lim, dres *r)
{
    static const char *const from[] = {"from", "od", "de", "du", "van",
                                       "fran", "tu", "从", "自", NULL};
    static const char *const between[] = {"between", "entre", "tussen", "mellan", "miedzy", NULL};
    static const char *const ands[] = {"and", "et", "en", "och", "i", NULL};
    size_t j = i, n;
    int among = 0;
    for (int k = 0; from[k]; k++)
        if ((n = bcx_words_at(c, j, lim, from[k])) > 0) {
            j += n;
            break;
        }
    for (int k = 0; j == i && between[k]; k++)
        if (bcx_word_is(c, j, lim, between[k]))
            j++, among = 1;
    int m1, y1, inf1, m2, y2, inf2, num_dash;
    if ((n = span_month(c, j, lim, 0, &m1, &y1, &inf1)) == 0)
        return 0;
    j += n;
    size_t s = bcx_range_sep(c, j, lim, &num_dash);
    int dash = j < lim && (bcx_gap(c, j - 1) & G_DASH) &&
               !(bcx_gap(c, j - 1) & ~(unsigned)(G_DASH | G_SPACE));
    for (int k = 0; among && !s && ands[k]; k++)
        if (bcx_word_is(c, j, lim, ands[k]))
            s = 1;
    if (s == 0 && !dash)
        return 0;
    j += s;
    if (bcx_word_is(c, j, lim, "och") && bcx_word_is(c, j + 1, lim, "med")) /* "till och med" */
        j += 2;
    size_t next = c->lbit == L_ZH ? bcx_words_at(c, j, lim, "次年") : 0; /* the year after */
    j += next;
    if ((n = span_month(c, j, lim, 1, &m2, &y2, &inf2)) == 0)
        return 0;
    j += n;
    if (m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12 || (y1 == 0 && m2 >= m1))
        return 0;
    if (next > 0) {
        if (y1 == 0 || y2 != 0)
            return 0;
        y2 = y1 + 1;
    }
    int inferred = inf1 || inf2;
    if (y1 != 0 && y2 != 0) {
        if (y2 < y1 || (y2 == y1 && m2 <= m1))
            return 0;
    } else if (y1 != 0) {
        if (m2 == m1)
            return 0;
        y2 = m2 > m1 ? y1 : y1 + 1;
    } else if (y2 != 0) {
        y1 = y2 - 1;
    } else {
        if ((y2 = period_year(c, m2)) == 0)
            return 0;
        y1 = y2 - 1;
        inferred = 1;
    }
    snprintf(r->iso, sizeof r->iso, "%04d-%02d/%04d-%02d", y1, m1, y2, m2);
    r->n = j - i;
    r->prec = 0;
    r->inferred = inferred;
    return 1;
}

/* "the first nine months (of 2025)", "les neuf premiers mois", "9 thang dau nam",
 * "the first half", "the first three quarters", "Q1": a period from January. */
int bcx_try_months(const ctx *c, size_t i, size_t lim, dres *r)
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
            if ((y = bcx_rel_year(c, j - 1, lim, &k)) != 0 && k == 2) /* dau nam nay */
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
        /* "Cung trong 5 thang": also in the five months from January told before */
        size_t lo = c->se[c->t[i].sent].t0;
        if (count > 1 && i >= lo + 2 && bcx_word_is(c, i - 1, lim, "trong") &&
            bcx_word_is(c, i - 2, lim, "cung"))
            return told_again(c, i, j, count, r);
        return 0;
    }
    /* "Q1 2026", "T1 2026" (trimestre): a quarter written short, with its year */
    if (c->t[j].kind == T_WORD && c->t[j].upper && j + 1 < lim && c->t[j + 1].glued &&
        c->t[j + 1].kind == T_NUM && c->t[j + 1].plain && c->t[j + 1].num >= 1 &&
        c->t[j + 1].num <= 4 &&
        (bcx_word_is(c, j, lim, "q") || (c->lbit == L_FR && bcx_word_is(c, j, lim, "t")))) {
        size_t end;
        int inferred, q = (int)c->t[j + 1].num;
        return year_near(c, i, j + 2, lim, &end, &inferred) != 0 &&
               months_period(c, i, j + 2, lim, 3 * q - 2, 3 * q, r);
    }
    /* "the fourth quarter of 2027", "au troisième trimestre 2027", "3e trimestre 2026",
     * "andra halvaret": one quarter or the second half, with its year (written, or "next
     * year"); without one, said to be coming, this year's while it has not ended, else none
     * (last year's as well as this year's) */
    if (bcx_lex_find(c, C_FIRST, j, NULL) == 0) {
        int q = 0;
        size_t m = bcx_lex_find(c, C_ORD, j, &e), end;
        if (m > 0)
            q = (int)e->val;
        else if (c->t[j].kind == T_NUM && c->t[j].plain && c->t[j].num >= 1 && c->t[j].num <= 4 &&
                 j + 1 < lim && c->t[j + 1].glued && c->t[j + 1].kind == T_WORD &&
                 c->t[j + 1].end - c->t[j + 1].start <= 3)
            q = (int)c->t[j].num, m = 2; /* "3e", "3rd" */
        int inferred, first = 0, last = 0;
        if (q >= 1 && q <= 4 && (n = bcx_lex_find(c, C_QUARTERS, j + m, &e)) > 0)
            first = 3 * q - 2, last = 3 * q;
        else if (q == 2 && (n = bcx_lex_find(c, C_HALF, j + m, &e)) > 0 &&
                 !half_of_month(c, j + m + n, lim))
            first = 7, last = 12;
        if (first != 0)
            return year_near(c, i, j + m + n, lim, &end, &inferred) != 0
                       ? months_period(c, i, j + m + n, lim, first, last, r)
                       : coming_part(c, i, j + m + n, first, last, r);
    }
    int fr_order = 0;
    /* "in het halfjaar", "in that half": the first half told last with its year */
    size_t lo0 = c->se[c->t[i].sent].t0;
    if (i > lo0 && (n = bcx_lex_find(c, C_HALF, j, &e)) > 0 &&
        (bcx_word_is(c, i - 1, lim, "het") || bcx_word_is(c, i - 1, lim, "dat") ||
         bcx_word_is(c, i - 1, lim, "that")) &&
        !half_of_month(c, j + n, lim)) {
        size_t end;
        int inferred;
        return year_near(c, i, j + n, lim, &end, &inferred) == 0 && told_again(c, i, j + n, 6, r);
    }
    if ((n = bcx_lex_find(c, C_FIRST, j, &e)) == 0) {
        /* French puts the count first: "les neuf premiers mois" */
        if ((count = bcx_count_at(c, j, lim, &n)) == 0)
            return 0;
        j += n;
        if ((n = bcx_lex_find(c, C_FIRST, j, &e)) == 0) {
            /* "w ciagu jedenastu miesiecy 2024 r.", "the ten months of this year": so many
             * months of a year written with them are that year's first; "in the ten
             * months", "in de tien maanden", "w ciagu dziesieciu miesiecy": the months of the
             * report's year (the period the report is about), none without a reference date */
            size_t end;
            int inferred;
            size_t lo = c->se[c->t[i].sent].t0;
            int the = i > lo &&
                      ((c->lbit == L_EN &&
                        (bcx_word_is(c, i - 1, lim, "the") || bcx_word_is(c, i - 1, lim, "those") ||
                         bcx_word_is(c, i - 1, lim, "these"))) ||
                       (c->lbit == L_NL &&
                        (bcx_word_is(c, i - 1, lim, "de") || bcx_word_is(c, i - 1, lim, "die") ||
                         bcx_word_is(c, i - 1, lim, "deze"))) ||
                       /* "w ciagu dziesieciu miesiecy" */
                       (c->lbit == L_PL && i > lo + 1 && bcx_word_is(c, i - 1, lim, "ciagu") &&
                        bcx_word_is(c, i - 2, lim, "w")));
            if (count < 2 || count > 12 || (n = bcx_lex_find(c, C_MONTHS, j, &e)) == 0 ||
                (year_near(c, i, j + n, lim, &end, &inferred) == 0 && !the))
                return 0;
            /* "in die negen maanden", "of the eight-month total": the months from January
             * told last with their year written, when no year is written here */
            if (year_near(c, i, j + n, lim, &end, &inferred) == 0 &&
                told_again(c, i, j + n, count, r))
                return 1;
            return months_period(c, i, j + n, lim, 1, count, r);
        }
        fr_order = 1;
    }
    j += n;
    if (!fr_order && (n = bcx_lex_find(c, C_HALF, j, &e)) > 0)
        return !half_of_month(c, j + n, lim) && months_period(c, i, j + n, lim, 1, 6, r);
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

int bcx_try_to_month_end(const ctx *c, size_t i, size_t lim, dres *r)
{
    /* the words of "up to the end of", per language (folded) */
    static const char *const upto[] = {"to the end of",
                                       "until the end of",
                                       "through the end of",
                                       "till the end of",
                                       "up to the end of",
                                       "as of the end of",
                                       "through", /* "Through August 2024, trade ..." */
                                       "tot en met",
                                       "till och med",
                                       "tot eind",
                                       "tot einde",
                                       "tot het einde van",
                                       "tot eind van",
                                       "jusqu a fin",
                                       "jusqu a la fin de",
                                       "jusqu a la fin d",
                                       "a fin",
                                       "do konca",
                                       "till slutet av",
                                       "till utgangen av",
                                       "den het",
                                       "tinh den het",
                                       "den cuoi",
                                       "截至",
                                       "截止",
                                       NULL};
    size_t n = 0, j;
    int through = 0; /* "through": a common word, read only before a month and its year */
    for (int k = 0; upto[k] && n == 0; k++)
        if ((n = bcx_words_at(c, i, lim, upto[k])) > 0)
            through = strcmp(upto[k], "through") == 0;
    if (n == 0 || (j = i + n) >= lim)
        return 0;
    dres m;
    memset(&m, 0, sizeof m);
    int y = 0, mon = 0;
    if (c->lbit == L_VI && bcx_word_is(c, j, lim, "thang") && j + 1 < lim &&
        c->t[j + 1].kind == T_DATE && strlen(c->t[j + 1].iso) == 7 && c->t[j + 1].iso[0] != '-') {
        /* "den het thang 11/2025": the month carries its year */
        y = atoi(c->t[j + 1].iso);
        mon = atoi(c->t[j + 1].iso + 5);
        m.n = 2;
    } else if (bcx_try_month(c, j, lim, &m) && m.prec == 2 && strlen(m.iso) == 7 &&
               m.iso[0] != '-') {
        y = atoi(m.iso);
        mon = atoi(m.iso + 5);
    }
    if (y == 0 || mon < 1 || mon > 12 || (through && m.inferred))
        return 0;
    j += m.n;
    /* "今年以来截至5月15日": from the year's first day to that day */
    int since = 0;
    for (size_t b = i > c->se[c->t[i].sent].t0 + 6 ? i - 6 : c->se[c->t[i].sent].t0;
         c->lbit == L_ZH && b < i && !since; b++)
        since = bcx_words_at(c, b, i, "今年以来") == i - b ||
                bcx_words_at(c, b, i, "年初以来") == i - b;
    if (since && j + 1 < lim && c->t[j].kind == T_NUM && c->t[j].plain && c->t[j].num >= 1 &&
        c->t[j].num <= 31 &&
        (bcx_words_at(c, j + 1, lim, "日") || bcx_words_at(c, j + 1, lim, "号"))) {
        snprintf(r->iso, sizeof r->iso, "%04d-01-01/%04d-%02d-%02d", y, y, mon, (int)c->t[j].num);
        r->n = j + 2 - i;
        r->prec = 0;
        r->inferred = m.inferred;
        return 1;
    }
    if (c->lbit == L_ZH && (bcx_words_at(c, j, lim, "底") || bcx_words_at(c, j, lim, "末")))
        j++;
    if (mon == 1)
        snprintf(r->iso, sizeof r->iso, "%04d-01", y);
    else
        snprintf(r->iso, sizeof r->iso, "%04d-01/%04d-%02d", y, y, mon);
    r->n = j - i;
    r->prec = mon == 1 ? 2 : 0;
    r->inferred = m.inferred;
    return 1;
}

/* 1 when the words of "since the beginning of the year" start at token i (n: how many). */
static int year_to_date_at(const ctx *c, size_t i, size_t lim, size_t *n)
{
    /* the words of "since the beginning of the year", per language (folded) */
    static const char *const since[] = {"since the beginning of the year",
                                        "since the start of the year",
                                        "so far this year",
                                        "year to date",
                                        "depuis le debut de l annee",
                                        "depuis le debut de cette annee",
                                        "tu dau nam den nay",
                                        "tu dau nam toi nay",
                                        "od poczatku roku",
                                        "od poczatku tego roku",
                                        "sedan arets borjan",
                                        "hittills i ar",
                                        "sinds het begin van het jaar",
                                        "sinds begin dit jaar",
                                        "今年以来",
                                        NULL};
    *n = 0;
    for (int k = 0; since[k] && *n == 0; k++)
        *n = bcx_words_at(c, i, lim, since[k]);
    /* a year or an end written after it makes another period ("tu dau nam 2025 den het
     * thang 11", "今年以来截至5月15日"), which the date finder reads */
    size_t j = i + *n;
    return *n > 0 &&
           !(j < lim && (c->t[j].kind == T_NUM || c->t[j].kind == T_DATE ||
                         bcx_words_at(c, j, lim, "截至") || bcx_words_at(c, j, lim, "截止")));
}

int bcx_year_to_date(const ctx *c, size_t si, size_t lead, size_t end, char *iso, size_t cap,
                     size_t span[2])
{
    size_t lo = c->se[si].t0, hi = c->se[si].t1, from = lo, to = hi, n;
    if (c->ry == 0 || c->rm == 0 || lead >= hi)
        return 0;
    for (size_t k = lo; k + 1 <= lead; k++)
        if (bcx_gap(c, k) & (G_COMMA | G_DOT))
            from = k + 1;
    for (size_t k = end > lo ? end - 1 : lo; k + 1 < hi && to == hi; k++)
        if (bcx_gap(c, k) & (G_COMMA | G_DOT))
            to = k + 1;
    /* "Tu dau nam den nay, kim ngach ... dat": the words alone open the sentence; and,
     * opening it, they frame its later clauses too when no other time is told between
     * ("今年以来，…日均超过1500辆次，出入境人员超过320万人次", "Sinds het begin van het jaar
     * passeerden ..., en staken meer dan 3,2 miljoen mensen de grens over") */
    if (from > lo && year_to_date_at(c, lo, hi, &n)) {
        /* not past another time, nor for a clause of a goal or of the whole year ("…，力争
         * 全年突破250亿元", "aims for 2.5 billion USD for the whole year") */
        int other = bcx_range_has(c, from, to, C_TARGET, -1) ||
                    bcx_range_has(c, from, to, C_QUAL_EXPECTED, -1) ||
                    bcx_range_has(c, lo + n, to, C_WHOLE_YEAR, -1);
        for (size_t k = c->se[si].d0; k < c->se[si].d1 && !other; k++)
            other = !c->d[k].dateline && c->d[k].t0 >= lo + n && c->d[k].t0 < end;
        if (lo + n == from || !other)
            from = lo;
    }
    int found = 0;
    for (size_t i = from; i < to && !found; i++)
        if ((found = (i < lead || i >= end) && year_to_date_at(c, i, to, &n)) != 0) {
            span[0] = i;
            span[1] = i + n;
        }
    if (!found)
        return 0;
    if (c->rd != 0)
        snprintf(iso, cap, "%04d-01-01/%04d-%02d-%02d", c->ry, c->ry, c->rm, c->rd);
    else
        snprintf(iso, cap, "%04d-01/%04d-%02d", c->ry, c->ry, c->rm);
    return 1;
}
