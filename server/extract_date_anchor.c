/* extract_date_anchor.c: Chinese days and months whose year or month is that of the date
 * just told: "同年6月12日", "当年9月", "次年3月5日" (the year of the last date, or the one
 * after), "同月14日", "该月20日", "次月3日" (its month, or the one after); and days of a
 * month counted from the reference date: "本月14日", "上月28日". The date they
 * count from must be the last one the text named, near, and plain (a day, a month or a
 * year, not a span of months, a comparison's base, a weekday or a day counted from
 * another); otherwise they give no date, never the reference date's year. A paragraph
 * that a year opens ("2024年，…。其中，6月12日，…") gives its days that year
 * (bcx_context_year_zh). Also the dates other dates and days lean on: the month last named
 * before a bare day of the month ("op de 12e", bcx_month_before) and the date nearest a
 * token (bcx_nearest_date), and the day "the same day as the 12th meeting" is of
 * (bcx_same_day_as). */
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The words, what they take (1 the year of the date told, 2 its month, 3 the reference
 * date's month) and the step. */
typedef struct anchor_word {
    const char *w;
    int unit, step;
} anchor_word;

static const anchor_word WORDS[] = {
    {"同年", 1, 0},
    {"该年", 1, 0},
    {"当年", 1, 0},
    {"次年", 1, 1},
    {"翌年", 1, 1},
    {"同月", 2, 0},
    {"该月", 2, 0},
    {"当月", 2, 0},
    {"次月", 2, 1},
    {"翌月", 2, 1},
    /* the reference date's month (3): "本月14日", "上月28日" */
    {"本月", 3, 0},
    {"上个月", 3, -1},
    {"上月", 3, -1},
    {"下个月", 3, 1},
    {"下月", 3, 1},
};

static int month_days(int y, int m)
{
    static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && y > 0 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return m >= 1 && m <= 12 ? d[m - 1] : 0;
}

/* A number 1..max written in digits at token i, followed by one of the words "日"/"号"
 * (unit 3) or "月" (unit 2): the number, 0 when none. */
static int num_then(const ctx *c, size_t i, size_t lim, int unit)
{
    if (i + 1 >= lim || c->t[i].kind != T_NUM || !c->t[i].plain || c->t[i].num < 1 ||
        c->t[i].num > (unit == 2 ? 12 : 31))
        return 0;
    if (unit == 2 ? !bcx_words_at(c, i + 1, lim, "月")
                  : !(bcx_words_at(c, i + 1, lim, "日") || bcx_words_at(c, i + 1, lim, "号")))
        return 0;
    return (int)c->t[i].num;
}

/* The date the words at token i count from: the last date named before them, at most
 * three sentences back, not a dateline; NULL when that one is no plain date. */
static const xd *told_date(const ctx *c, size_t i)
{
    size_t si = c->t[i].sent;
    for (size_t q = c->nd; q > 0; q--) {
        const xd *d = &c->d[q - 1];
        if (d->dateline)
            continue;
        if (c->t[d->t0].sent + 3 < si || d->compare || d->weekday || d->rel)
            return NULL;
        return d;
    }
    return NULL;
}

int bcx_try_anchored_zh(const ctx *c, size_t i, size_t lim, dres *r)
{
    const anchor_word *a = NULL;
    size_t n = 0;
    for (size_t k = 0; k < sizeof WORDS / sizeof WORDS[0] && a == NULL; k++)
        if ((n = bcx_words_at(c, i, lim, WORDS[k].w)) > 0)
            a = &WORDS[k];
    if (a == NULL)
        return 0;
    /* what follows: a month and perhaps its day after a year word, a day after a month
     * word; nothing else is read here ("同月" alone: the month, extract_date.c) */
    size_t j = i + n;
    int mon = 0, day = 0;
    if (a->unit == 1 && (mon = num_then(c, j, lim, 2)) != 0) {
        j += 2;
        if ((day = num_then(c, j, lim, 3)) != 0)
            j += 2;
    } else if (a->unit >= 2 && (day = num_then(c, j, lim, 3)) != 0) {
        j += 2;
    } else if (a->unit != 1 || j >= lim || !(bcx_gap(c, j - 1) & G_COMMA)) {
        return 0; /* "同年，" opens a clause with the year alone; "同年同期" is no date */
    }
    /* a month counted from the reference date: without one, extract_date.c reads the
     * words (no date, the sentence's day unread) */
    if (a->unit == 3 && (c->ry == 0 || c->rm == 0))
        return 0;
    /* "同月14日至15日": a span of days, the first one's */
    int day2 = 0, dash = 0;
    size_t s;
    if (day != 0 && ((s = bcx_range_sep(c, j, lim, &dash)) > 0 || dash) &&
        (day2 = num_then(c, j + s, lim, 3)) > day)
        j += s + 2;
    else
        day2 = 0;
    memset(r, 0, sizeof *r);
    r->n = j - i; /* read, dated or not: never a day of the reference date's year */
    if (a->unit == 3) {
        int y = c->ry;
        mon = c->rm + a->step;
        if (mon < 1)
            mon = 12, y--;
        else if (mon > 12)
            mon = 1, y++;
        if (day > month_days(y, mon))
            return 1;
        snprintf(r->iso, sizeof r->iso, "%04d-%02d-%02d", y, mon, day);
        if (day2 != 0 && day2 <= month_days(y, mon)) {
            char buf[64];
            snprintf(buf, sizeof buf, "%.10s/%04d-%02d-%02d", r->iso, y, mon, day2);
            copy_str(r->iso, sizeof r->iso, buf);
        }
        r->prec = day2 != 0 ? 0 : 3;
        r->inferred = BC_X_INFERRED_DATE; /* its month is the reference's too */
        return 1;
    }
    const xd *d = told_date(c, i);
    if (d == NULL || strchr(d->iso, '/') != NULL)
        return 1;
    int y = d->iso[0] == '-' ? 0 : atoi(d->iso);
    if (a->unit == 1) {
        if (y == 0)
            return 1;
        y += a->step;
        r->inferred = d->inferred ? BC_X_INFERRED_YEAR : 0;
    } else {
        /* the month of a day or month told: "2023-12-28", "2023-12", "--12-28" */
        size_t len = strlen(d->iso);
        if (d->prec < 2 || (d->iso[0] == '-' ? len != 7 : len != 7 && len != 10))
            return 1;
        mon = atoi(d->iso + (d->iso[0] == '-' ? 2 : 5)) + a->step;
        if (mon > 12) {
            if (y == 0)
                return 1;
            mon = 1, y++;
        }
        r->inferred = d->inferred;
    }
    if (y == 0 && c->ry != 0)
        return 1; /* a day of a year the text left open */
    if (day != 0 && day > month_days(y ? y : 2024, mon))
        return 1;
    if (y == 0)
        snprintf(r->iso, sizeof r->iso, "--%02d-%02d", mon, day);
    else if (day != 0)
        snprintf(r->iso, sizeof r->iso, "%04d-%02d-%02d", y, mon, day);
    else
        snprintf(r->iso, sizeof r->iso, "%04d-%02d", y, mon);
    if (y == 0 && day == 0) {
        r->iso[0] = '\0';
        return 1;
    }
    if (mon == 0) { /* "同年，": the year */
        snprintf(r->iso, sizeof r->iso, "%04d", y);
        r->prec = 1;
        return 1;
    }
    r->prec = day != 0 ? 3 : 2;
    if (day2 != 0 && y != 0) {
        char buf[64];
        snprintf(buf, sizeof buf, "%.10s/%04d-%02d-%02d", r->iso, y, mon, day2);
        copy_str(r->iso, sizeof r->iso, buf);
        r->prec = 0;
    } else if (day2 != 0) {
        char buf[64];
        snprintf(buf, sizeof buf, "%.7s/--%02d-%02d", r->iso, mon, day2);
        copy_str(r->iso, sizeof r->iso, buf);
        r->prec = 0;
    }
    return 1;
}

/* The year that opens sentence si with a comma ("2024年，", "去年，", "回顾2024年，", a
 * few words before it at most), not
 * this year (the reference's own): its date, else NULL. */
static const xd *opening_year(const ctx *c, size_t si)
{
    size_t open = bcx_sent_open(c, si);
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
        const xd *d = &c->d[k];
        if (d->dateline)
            continue;
        if (d->prec != 1 || strlen(d->iso) != 4 || d->t0 > open + 6 || d->t1 >= c->se[si].t1 ||
            bcx_commas(c, open, d->t0) > 0 || !(bcx_gap(c, d->t1 - 1) & G_COMMA) ||
            bcx_lex_find(c, C_THIS_YEAR, d->t0, NULL) > 0)
            return NULL;
        return d;
    }
    return NULL;
}

/* The month or day written with its year that opens sentence si, or a clause a few words
 * into it ("2023年3月下旬，…", "回顾过去，2020年1月，…"; not one counted from the reference
 * date): its date, else NULL. */
static const xd *opening_month(const ctx *c, size_t si)
{
    size_t open = bcx_sent_open(c, si);
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
        const xd *d = &c->d[k];
        if (d->dateline)
            continue;
        if (d->prec < 2 || d->iso[0] == '-' || d->inferred || d->rel_year || d->same_day ||
            d->rel || strchr(d->iso, '/') != NULL || d->t0 > open + 6 ||
            !bcx_opens_clause(c, si, d) || d->t1 >= c->se[si].t1)
            return NULL;
        return d;
    }
    return NULL;
}

/* 1 when sentence si writes a year of its own after token from: a date with its year
 * written, or a relative year ("今年以来", "明年3月"), which says another year than the
 * paragraph's even where no reference date makes it a date. */
static int writes_year(const ctx *c, size_t si, size_t from)
{
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
        const xd *d = &c->d[k];
        if (d->dateline || d->t0 < from)
            continue;
        if (d->iso[0] != '-' && (d->inferred != BC_X_INFERRED_YEAR || d->rel_year || d->prec == 1))
            return 1;
    }
    for (size_t k = from; k < c->se[si].t1; k++) {
        size_t n = 0;
        bcx_rel_year(c, k, c->se[si].t1, &n);
        if (n > 0)
            return 1;
    }
    return 0;
}

int bcx_states_money(const ctx *c, size_t si)
{
    for (size_t k = c->se[si].t0; k < c->se[si].t1; k++) {
        double scale;
        size_t lead, end;
        if (c->t[k].kind == T_NUM && bcx_fig_money_phrase(c, si, k, &scale, &lead, &end) != 0)
            return 1;
    }
    return 0;
}

/* 1 when sentence si continues the one before it after a semicolon ("...；此前，..."). */
static int after_semicolon(const ctx *c, size_t si)
{
    if (si == 0 || bcx_new_paragraph(c, si))
        return 0;
    const char *a = c->s + c->se[si - 1].qe, *b = c->s + c->se[si].qs;
    for (const char *q = a > c->s + 3 ? a - 3 : c->s; q + 3 <= b; q++)
        if (memcmp(q, "\xef\xbc\x9b", 3) == 0 || *q == ';') /* "；" */
            return 1;
    return 0;
}

/* A day of a month without its year right after that month written with its year, in its
 * sentence or the one it continues after a semicolon, no other date between ("2023年6月，
 * ...会晤在昆明举行；此前，...第十次会议已于6月12日下午召开"): the day of that month of
 * that year. */
static void same_month_year_zh(ctx *c)
{
    for (size_t k = 1; c->lbit == L_ZH && k < c->nd; k++) {
        xd *d = &c->d[k];
        const xd *p = &c->d[k - 1];
        size_t len = strlen(d->iso), si = c->t[d->t0].sent, sp = c->t[p->t0].sent;
        int bare = d->iso[0] == '-' && len == 7,
            guessed = d->inferred == BC_X_INFERRED_YEAR && len == 10;
        if ((!bare && !guessed) || d->dateline || d->weekday || d->same_day || d->rel ||
            d->rel_year || d->span[0] || p->dateline || p->prec != 2 || strlen(p->iso) != 7 ||
            p->iso[0] == '-' || p->inferred || p->rel_year ||
            strncmp(p->iso + 5, d->iso + (bare ? 2 : 5), 2) != 0 ||
            !(sp == si || (sp + 1 == si && after_semicolon(c, si))))
            continue;
        char iso[24];
        snprintf(iso, sizeof iso, "%.4s-%s", p->iso, d->iso + (bare ? 2 : 5));
        copy_str(d->iso, sizeof d->iso, iso);
        d->prec = 3;
        d->inferred = 0;
    }
}

void bcx_context_year_zh(ctx *c)
{
    int y = 0, text = 0, m0 = 0;
    same_month_year_zh(c);
    for (size_t si = 0; c->lbit == L_ZH && si < c->ns; si++) {
        if (c->se[si].heading || bcx_new_paragraph(c, si))
            y = 0;
        /* a year's figure ("2024年，双方贸易额达52亿美元") tells no events of that year */
        const xd *o = bcx_states_money(c, si) ? NULL : opening_year(c, si);
        /* a month written with its year opens the story told after it ("2023年3月下旬，文山州
         * 代表团访问河江省。3月28日，双方…举行第五次会谈"): its year, for a day of that month */
        const xd *om = o == NULL && !bcx_states_money(c, si) ? opening_month(c, si) : NULL;
        size_t from = o != NULL ? o->t1 : om != NULL ? om->t1 : c->se[si].t0;
        if (o != NULL)
            y = atoi(o->iso), text = !o->inferred, m0 = 0;
        else if (om != NULL)
            y = atoi(om->iso), text = 1, m0 = atoi(om->iso + 5);
        if (writes_year(c, si, from) || bcx_counted_opening(c, si) == 2) {
            y = 0; /* "第二年3月15日", "两年后": another year than the paragraph's */
            continue;
        }
        for (size_t k = c->se[si].d0; y != 0 && k < c->se[si].d1; k++) {
            xd *d = &c->d[k];
            size_t len = strlen(d->iso);
            if (d->t0 < from || d->dateline || d->weekday || d->same_day || d->rel ||
                bcx_future_at(c, d->t0) || d->rel_year || d->span[0] || strchr(d->iso, '/') != NULL)
                continue;
            int bare = d->iso[0] == '-' && (len == 7 || len == 4),
                guessed = d->inferred == BC_X_INFERRED_YEAR && (len == 10 || len == 7);
            if (!bare && !guessed)
                continue;
            if (bare && !text)
                continue; /* "去年" without a reference date says no year */
            if (m0 != 0 && atoi(d->iso + (bare ? 2 : 5)) != m0)
                continue; /* another month: the story may have moved on (extract_date_doubt.c) */
            char iso[24];
            snprintf(iso, sizeof iso, "%04d-%s", y, d->iso + (bare ? 2 : 5));
            copy_str(d->iso, sizeof d->iso, iso);
            d->prec = strlen(iso) == 10 ? 3 : 2;
            d->inferred = text ? 0 : BC_X_INFERRED_YEAR;
        }
    }
}

int bcx_day_part_zh(const ctx *c, size_t si, size_t i, const xd *d, size_t last, dres *r)
{
    static const char *const part[] = {"上午", "下午", "中午", "晚上", "傍晚", NULL};
    const xd *told = &d[last];
    size_t lim = c->se[si].t1, n = 0;
    if (i != c->se[si].t0 || si == 0 || told->prec != 3 || told->dateline || told->rel ||
        told->weekday || c->t[told->t0].sent + 1 != si || bcx_new_paragraph(c, si) ||
        told->t0 > c->se[si - 1].t0 + 4 || strchr(told->iso, '/') != NULL)
        return 0;
    for (int w = 0; part[w] && n == 0; w++)
        n = bcx_words_at(c, i, lim, part[w]);
    if (n == 0 || i + n >= lim || !(bcx_gap(c, i + n - 1) & G_COMMA))
        return 0;
    for (size_t k = c->se[si - 1].d0; k < c->se[si - 1].d1; k++)
        if (&d[k] != told && d[k].prec >= 2 && !d[k].dateline)
            return 0; /* the sentence before names another day or month */
    copy_str(r->iso, sizeof r->iso, told->iso);
    r->inferred = told->inferred;
    r->prec = 3;
    r->n = n;
    r->same_day = 1;
    r->ref = last + 1;
    return 1;
}

/* The month or day last named before token i in its sentence, or in the sentence before it
 * in its paragraph (not a weekday, a day counted from another, a span, a period nor the
 * dateline), whose month a bare day of the month ("op de 12e") is of; NULL when none. */
const xd *bcx_month_before(const ctx *c, size_t i)
{
    size_t si = c->t[i].sent;
    for (size_t k = c->nd; k > 0; k--) {
        const xd *d = &c->d[k - 1];
        size_t ds = c->t[d->t0].sent;
        if (ds + 1 < si || (ds + 1 == si && bcx_new_paragraph(c, si)))
            return NULL;
        if (d->t0 >= i || d->prec < 2 || d->weekday || d->rel || d->same_day || d->dateline ||
            d->span[0] || strchr(d->iso, '/') != NULL ||
            strlen(d->iso) < (d->iso[0] == '-' ? 4u : 7u))
            continue;
        /* a figure's month in the sentence before ("In September 2025, trade reached 1.2
         * billion USD. On the 28th, ..."): the amount's period, no month of the story */
        if (ds + 1 == si && d->prec == 2 && bcx_states_money(c, ds))
            return NULL;
        return d;
    }
    return NULL;
}

/* Without a reference date a month named without its year is no date (bcx_find_dates
 * drops it): the month (1..12) of the last such word before token i in its sentence or
 * the one before it in its paragraph ("Half juni ..."), 0 when none. */
int bcx_bare_month_before(const ctx *c, size_t i)
{
    const bc_lex *e = NULL;
    size_t si = c->t[i].sent,
           lo = si > 0 && !bcx_new_paragraph(c, si) ? c->se[si - 1].t0 : c->se[si].t0;
    for (size_t k = i; k > lo; k--)
        if (bcx_lex_find(c, C_MONTH, k - 1, &e) == 1 && c->t[k - 1].kind == T_WORD &&
            !(k >= 2 && c->t[k - 2].kind == T_NUM) && !(k < i && c->t[k].kind == T_NUM))
            return (int)e->val;
    return 0;
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
        if (d->prec < min_prec || d->compare || d->weekday || (d->t0 >= i && d->t1 <= end))
            continue;
        size_t cost = d->t0 >= end ? clause_cost(c, end - 1, d->t0) : clause_cost(c, d->t1 - 1, i);
        if (cost < best_cost) {
            best = d;
            best_cost = cost;
        }
    }
    return best;
}

size_t bcx_during_day_zh(const ctx *c, size_t si, size_t i, size_t last_meet)
{
    size_t own = SIZE_MAX;
    for (size_t k = c->se[si].d0; k < c->nd; k++) {
        const xd *d = &c->d[k];
        if (d->t1 > i || d->dateline || d->weekday || d->rel || d->same_day || d->span[0])
            continue;
        own = (d->prec == 3 || d->prec == 2) && d->iso[0] != '-' ? k : SIZE_MAX;
    }
    /* held in the clause before ("...在河江省举行，会晤期间"): "举行" or "召开" in it */
    if (own != SIZE_MAX && i >= 2 && (bcx_gap(c, i - 1) & G_COMMA) &&
        (bcx_words_at(c, i - 2, i, "举行") == 2 || bcx_words_at(c, i - 2, i, "召开") == 2))
        return own;
    return last_meet;
}

/* The word that compares "the same day" with a thing named after it, per language ("the
 * same day as", "le meme jour que", "dezelfde dag als", "samma dag som", "tego samego dnia
 * co", "cung ngay voi"); Chinese names the thing before it ("与第十二次会议同一天"). */
static const char *as_word(const ctx *c, size_t k, size_t lim)
{
    static const struct {
        unsigned lbit;
        const char *w;
    } AS[] = {{L_EN, "as"},  {L_FR, "que"}, {L_FR, "qu"}, {L_NL, "als"},
              {L_SV, "som"}, {L_PL, "co"},  {L_VI, "voi"}};
    for (size_t q = 0; q < sizeof AS / sizeof AS[0]; q++)
        if (AS[q].lbit == c->lbit && bcx_word_is(c, k, lim, AS[q].w))
            return AS[q].w;
    return NULL;
}

/* The one day (index + 1 in c->d, 0 none) of the last sentence before si that writes the
 * meeting number ord: the day that meeting was told on. */
static size_t day_of_number(const ctx *c, size_t si, int ord)
{
    for (size_t sj = si; sj-- > 0;) {
        size_t lim = c->se[sj].t1, n = 0;
        int has = 0;
        for (size_t q = c->se[sj].t0; q < lim && !has; q++)
            has = bcx_ordinal_at(c, q, lim, &n) == ord;
        if (!has)
            continue;
        size_t day = 0;
        for (size_t k = c->se[sj].d0; k < c->se[sj].d1; k++) {
            const xd *d = &c->d[k];
            if (d->prec != 3 || d->dateline || d->span[0] || strchr(d->iso, '/') != NULL)
                continue;
            if (day != 0)
                return 0; /* two days: which is the meeting's is not said here */
            day = k + 1;
        }
        if (day != 0)
            return day;
    }
    return 0;
}

int bcx_same_day_as(const ctx *c, size_t si, size_t i, size_t n, size_t *extra, size_t *ref)
{
    size_t lim = c->se[si].t1, lo = c->se[si].t0, m = 0;
    int ord = 0;
    *extra = 0;
    *ref = 0;
    if (c->lbit == L_ZH) {
        /* "与第十二次会议同一天": "与" (or "和", "同") and the thing, in the clause before */
        size_t q = i;
        while (q > lo && !(bcx_gap(c, q - 1) & G_COMMA))
            q--;
        int with = 0;
        for (; q < i; q++) {
            if (!with)
                with = bcx_words_at(c, q, i, "与") || bcx_words_at(c, q, i, "和") ||
                       bcx_words_at(c, q, i, "同");
            else if (ord == 0)
                ord = bcx_ordinal_at(c, q, i, &m);
        }
        if (!with || ord == 0)
            return 0;
    } else {
        size_t k = i + n;
        if (k >= lim || (bcx_gap(c, k - 1) & (G_COMMA | G_DOT)) || as_word(c, k, lim) == NULL)
            return 0;
        *extra = 1;
        for (size_t q = k + 1; q < lim && q < k + 6 && ord == 0; q++) {
            ord = bcx_ordinal_at(c, q, lim, &m);
            if (bcx_gap(c, q) & (G_COMMA | G_DOT))
                break;
        }
    }
    if (ord > 0)
        *ref = day_of_number(c, si, ord);
    return 1;
}
