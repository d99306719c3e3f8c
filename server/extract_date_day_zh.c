/* extract_date_day_zh.c: Chinese days and months ("2024年6月12日", "12日上午", "6月12日至
 * 13日", "同月14日"), moved out of extract_date_day.c, which reads the other languages' and
 * calls bcx_try_day_zh for Chinese text. A missing year or month comes from the
 * reference date (bcx_complete_day) and is marked inferred. */
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 1 when the characters before token i end who met or "于": a known name, a word for a
 * side, a delegation or the two places ("双方", "两地", "代表团", "...省", "...市"), or
 * the meeting itself ("...座谈会24日上午在河江市举行", "会晤12日在河口举行"). */
static int after_party(const ctx *c, size_t i)
{
    static const char *const ends[] = {"于", "方", "地", "团", "省", "市", "州",
                                       "县", "区", "会", "晤", "谈", NULL};
    size_t si = c->t[i].sent;
    for (size_t q = c->se[si].h0; q < c->se[si].h1; q++)
        if (c->h[q].t1 == i)
            return 1;
    for (int w = 0; ends[w]; w++)
        if (bcx_words_at(c, i - 1, i, ends[w]))
            return 1;
    return 0;
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
    /* "11日至12日": a span of days of that month; k: the token after the days */
    size_t k = i + 2, s;
    int day2 = 0, dash;
    if (k < lim && ((s = bcx_range_sep(c, k, lim, &dash)) > 0 || dash) && k + s + 1 < lim &&
        c->t[k + s].kind == T_NUM && c->t[k + s].plain && c->t[k + s].num > d->num &&
        c->t[k + s].num <= 31 && bcx_words_at(c, k + s + 1, lim, "日")) {
        day2 = (int)c->t[k + s].num;
        k += s + 2;
    }
    /* mid-clause ("云南省与越南老街省12日在昆明举行会谈", "双方于12日在河口举行会谈") when
     * where or that it was held, or the time of day, follows: under a dateline that names
     * its month, a day of that month; else as a day that opens its clause. "当地时间12日"
     * (local time) opens it, as does "即" after a comma ("会晤前一天，即20日下午"). */
    int mid = i > lo && !(bcx_gap(c, i - 1) & G_COMMA) && !bcx_words_at(c, i - 1, i, "电") &&
              !bcx_words_at(c, i - 1, i, "讯") &&
              !(bcx_words_at(c, i - 1, i, "即") && i >= lo + 2 && (bcx_gap(c, i - 2) & G_COMMA)) &&
              !(i >= lo + 4 && bcx_words_at(c, i - 4, i, "当地时间") == 4);
    if (mid && (!c->t[i - 1].han || bcx_words_at(c, i - 1, i, "月") ||
                !(bcx_words_at(c, k, lim, "在") || bcx_words_at(c, k, lim, "举行") ||
                  bcx_words_at(c, k, lim, "上午") || bcx_words_at(c, k, lim, "下午"))))
        return 0;
    /* without a dateline, only after who met or "于" ("两市24日在", "代表团于22日在"), not
     * after a count ("货车连续28日在口岸滞留": 28 days) */
    if (mid && c->dld == 0 && !after_party(c, i))
        return 0;
    int day = (int)d->num;
    if (c->dld != 0) {
        /* under a dateline ("新华社昆明6月12日电"): a day of its month, at most ten days
         * before it */
        if (day > c->dld || c->dld - day > 10 || day2 > c->dld)
            return 0;
        if (c->ry != 0)
            snprintf(r->iso, sizeof r->iso, "%04d-%02d-%02d", c->ry, c->dlm, day);
        else
            snprintf(r->iso, sizeof r->iso, "--%02d-%02d", c->dlm, day);
        r->inferred = c->ry != 0;
        r->prec = 3;
        r->n = k - i;
        if (day2)
            bcx_to_range(r, day2);
        return 1;
    }
    size_t n = 0;
    int follows = mid || (k < lim && (bcx_gap(c, k - 1) & G_COMMA));
    for (int w = 0; after[w] && !follows; w++)
        if ((n = bcx_words_at(c, k, lim, after[w])) > 0)
            follows = 1;
    if (!follows)
        return 0;
    r->n = k + n - i;
    /* a day of another month told just before ("5月10日，代表团抵达河口。12日上午，双方举行
     * 会谈"), or carried by "the same day" ("同日，...。29日，..."): a later day is of that
     * month, and so is one of the week before it (a report going back a day or two: "30日
     * ...会议。29日，...举行会谈"); an earlier one, of which month is not said (the next
     * month's, or a day long before) */
    const xd *told = NULL;
    for (size_t q = c->nd; q > 0 && told == NULL; q--) {
        const xd *p = &c->d[q - 1];
        if (c->t[p->t0].sent + 3 < c->t[i].sent)
            break;
        if (p->prec == 3 && !p->weekday && !p->rel && !p->dateline &&
            (strlen(p->iso) == 10 || (strlen(p->iso) == 7 && p->iso[0] == '-')))
            told = p;
    }
    /* a month of another year than the reference date's (or with none), told in its
     * sentence or the one before, the last date named ("2023年3月，代表团访问云南。12日，
     * 双方举行会谈"): a day of that month. One of the reference year may be a figure's
     * ("9月，进出口额...。30日，..."): the reference month's day is read as before */
    for (size_t q = c->nd; q > 0 && told == NULL; q--) {
        const xd *p = &c->d[q - 1];
        if (p->dateline)
            continue;
        /* nor a figure's month of another year ("2025年9月，…进出口额达12亿元。28日，…"): the
         * amount's period, not the time the story is at */
        if (p->prec == 2 && strlen(p->iso) == 7 && p->iso[0] != '-' && !p->compare &&
            (c->ry == 0 || atoi(p->iso) != c->ry) && c->t[p->t0].sent + 1 >= c->t[i].sent &&
            !bcx_states_money(c, c->t[p->t0].sent)) {
            int last = bcx_days_in(atoi(p->iso), atoi(p->iso + 5));
            if (day > last || day2 > last) { /* "2月...30日": of which month is not said */
                snprintf(r->iso, sizeof r->iso, "--%02d", day);
                r->prec = 0;
                return 1;
            }
            snprintf(r->iso, sizeof r->iso, "%.7s-%02d", p->iso, day);
            r->inferred = p->inferred;
            r->prec = 3;
            if (day2)
                bcx_to_range(r, day2);
            return 1;
        }
        break;
    }
    size_t md = told != NULL && told->iso[0] == '-' ? 2 : 5; /* its "MM-DD" */
    if (told != NULL) {
        /* of the reference month too ("7月10日，...抵达。11日上午，...会谈" read on 25 July):
         * the day told says the month as well, but a later day past the reference day is
         * said of what took place only when it is coming */
        int was = atoi(told->iso + md + 3);
        int refmon = atoi(told->iso + md) == c->rm && (md == 2 || atoi(told->iso) == c->ry);
        if ((day > was || (day < was && was - day <= 7 && day2 < was)) &&
            !(refmon && c->rd != 0 && day > c->rd && future <= 0)) {
            snprintf(r->iso, sizeof r->iso, "%.*s%02d", (int)md + 3, told->iso, day);
            r->inferred = told->inferred;
            r->prec = 3;
            if (day2)
                bcx_to_range(r, day2);
            return 1;
        }
        if (!refmon) {
            snprintf(r->iso, sizeof r->iso, "--%02d", day);
            r->prec = 0;
            return 1;
        }
    }
    if (c->rd != 0 &&
        ((day <= c->rd && c->rd - day <= 10 && day2 <= c->rd) || (future > 0 && day > c->rd))) {
        snprintf(r->iso, sizeof r->iso, "%04d-%02d-%02d", c->ry, c->rm, day);
        r->inferred = BC_X_INFERRED_DATE; /* its month is the reference's too */
        r->prec = 3;
        if (day2)
            bcx_to_range(r, day2);
    } else {
        snprintf(r->iso, sizeof r->iso, "--%02d", day); /* no month: no fact takes it */
        r->prec = 0;
    }
    return 1;
}

/* The end of a Chinese span of days into another month at token j, after day r
 * ("11月30日至12月1日", "2024年12月30日至2025年1月1日"): r becomes the span, its second
 * day's year the one written or that of r (the next when its month is earlier). Returns
 * its tokens, 0 when none (r unchanged). */
static size_t month_range_zh(const ctx *c, size_t j, size_t lim, dres *r)
{
    size_t rn = 0, j0 = j;
    /* "去年12月30日至今年1月1日": the second day's year is the first's, or the next */
    if (bcx_rel_year(c, j, lim, &rn), rn > 0)
        j += rn;
    int y = rn ? 0 : bcx_han_year(c, j, lim), y0 = 0, m0 = 0, d0 = 0;
    size_t q = y ? j + 2 : j;
    if (q + 3 >= lim || c->t[q].kind != T_NUM || !c->t[q].plain ||
        !bcx_words_at(c, q + 1, lim, "月") || c->t[q + 2].kind != T_NUM || !c->t[q + 2].plain ||
        !(bcx_words_at(c, q + 3, lim, "日") || bcx_words_at(c, q + 3, lim, "号")))
        return 0;
    int mon = (int)c->t[q].num, day = (int)c->t[q + 2].num;
    char buf[64];
    if (r->iso[0] == '-' && sscanf(r->iso, "--%2d-%2d", &m0, &d0) == 2 && !y) {
        if (mon < 1 || mon > 12 || day < 1 || day > bcx_days_in(2024, mon) || mon == m0)
            return 0;
        snprintf(buf, sizeof buf, "%.7s/--%02d-%02d", r->iso, mon, day);
    } else if (sscanf(r->iso, "%4d-%2d-%2d", &y0, &m0, &d0) == 3 && strlen(r->iso) == 10) {
        y = y ? y : y0 + (mon < m0);
        if (mon < 1 || mon > 12 || day < 1 || day > bcx_days_in(y, mon) || (y == y0 && mon <= m0) ||
            y < y0)
            return 0;
        snprintf(buf, sizeof buf, "%.10s/%04d-%02d-%02d", r->iso, y, mon, day);
    } else
        return 0;
    copy_str(r->iso, sizeof r->iso, buf);
    r->prec = 0;
    return q + 4 - j0;
}

/* 1 when the Chinese day at token i opens a clause of holding that modifies the noun after
 * it ("落实2月22日以视频方式举行的...新春会晤...达成的共识"): the day is that event's, told
 * of it whatever the main clause says is to come ("建议双方认真落实"); not when a word of
 * what is to come stands in the clause itself ("将于5月举行的", "定于6月召开的"). */
int bcx_held_attrib_zh(const ctx *c, size_t i)
{
    static const char *const held[] = {"举行的", "召开的", "举办的", NULL};
    size_t hi = c->se[c->t[i].sent].t1;
    for (size_t q = i + 1; q < hi && q < i + 16; q++) {
        if (bcx_gap(c, q - 1) & (G_COMMA | G_DOT))
            return 0;
        if (bcx_lex_find(c, C_FUTURE, q, NULL) > 0 || bcx_words_at(c, q, hi, "即将") > 0)
            return 0;
        for (int w = 0; held[w]; w++)
            if (bcx_words_at(c, q, hi, held[w]) > 0)
                return 1;
    }
    return 0;
}

int bcx_day_said_coming(const ctx *c, const xd *d)
{
    return c->t[d->t0].tense == TENSE_FUTURE && !bcx_held_attrib_zh(c, d->t0);
}

int bcx_held_attrib_before_zh(const ctx *c, const mention *m)
{
    if (c->lbit != L_ZH)
        return 0;
    const sent *s = &c->se[m->sent];
    char ref[16];
    snprintf(ref, sizeof ref, "%04d-%02d-%02d", c->ry, c->rm, c->rd);
    for (size_t k = s->d0; k < s->d1; k++) {
        const xd *d = &c->d[k];
        if (d->t1 > m->t0 || d->prec != 3 || strlen(d->iso) != 10 || d->dateline ||
            !bcx_held_attrib_zh(c, d->t0) || (c->rd != 0 && strcmp(d->iso, ref) > 0))
            continue;
        /* no other meeting or talks between the day and m: the clause modifies m */
        size_t q = d->t1;
        while (q < m->t0 && bcx_lex_find(c, C_MEET, q, NULL) == 0 &&
               bcx_lex_find(c, C_TALKS, q, NULL) == 0 && !(bcx_gap(c, q - 1) & G_DOT))
            q++;
        if (q == m->t0)
            return 1;
    }
    return 0;
}

/* Chinese days: (2024年)6月12日(至15日). */
int bcx_try_day_zh(const ctx *c, size_t i, size_t lim, int future, dres *r)
{
    if (future > 0 && bcx_held_attrib_zh(c, i))
        future = 0; /* "建议双方认真落实2月22日...举行的...会晤": that meeting's day, not to come */
    int y = bcx_han_year(c, i, lim);
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
    if (!bcx_set_day(c, y, (int)m->num, (int)d->num, future, r))
        return 0;
    r->n = j + 4 - i;
    size_t k = j + 4, wn = k < lim ? bcx_lex_find(c, C_WEEKDAY, k, NULL) : 0;
    int dash;
    /* "2月19日（星期三）至21日", "2月19日星期三至21日": the span as without the weekday */
    if (wn > 0 && k + wn < lim && !(bcx_gap(c, k - 1) & ~(unsigned)(G_OPEN | G_PAREN)) &&
        ((bcx_gap(c, k - 1) & G_OPEN) != 0) == ((bcx_gap(c, k + wn - 1) & G_CLOSE) != 0))
        k += wn;
    size_t s = bcx_range_sep(c, k, lim, &dash);
    if ((s || dash) && k + s + 1 < lim && c->t[k + s].kind == T_NUM &&
        (bcx_words_at(c, k + s + 1, lim, "日") || bcx_words_at(c, k + s + 1, lim, "号"))) {
        bcx_to_range(r, (int)c->t[k + s].num);
        r->n = k + s + 2 - i;
    } else if (s || dash) {
        size_t n = month_range_zh(c, k + s, lim, r);
        r->n = n ? k + s + n - i : r->n;
    }
    return 1;
}
