/* extract_date.c: finding the dates of an article and attaching them. Each sentence is
 * scanned once for periods (extract_date_period.c), days and months
 * (extract_date_day.c), "the same day", years alone and years relative to the reference
 * date; the article's dateline dates nothing; a year written in a meeting's name completes
 * the days of its sentence; a figure or project takes the date nearest to it. A year that
 * is not written comes from the reference date only, and such a date says so (inferred);
 * without a reference date a day keeps its month and day ("--06-12") and a period that
 * needs a year is not given. Shared helpers of the family (years, counts, separators)
 * live here too. */
#include "bordercoop/alloc.h"
#include "bordercoop/date.h"
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
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

int bcx_complete_day(const ctx *c, int mon, int day, int tense, char iso[24])
{
    int future = tense > 0;
    if (c->ry == 0) {
        snprintf(iso, 24, "--%02d-%02d", mon, day);
        return 0;
    }
    int y = c->ry;
    /* a reference date of a month ("2026-11") gives no day: a day said to be past or not
     * said to come is after it only when after its last day, a coming one before it only
     * when before its first */
    int rd = c->rd ? c->rd : future ? 1 : c->rm != 0 ? bcx_days_in(c->ry, c->rm) : 0;
    int ahead = c->rm != 0 ? (mon - c->rm) * 31 + (day - rd) : 0;
    /* a past day written well after the reference date lies in the year before (a report
     * in January of a meeting on 28 December); a coming day before it, in the year after
     * ("next February" in a December report) */
    if (tense < 0 && ahead > 0 && ahead <= 62) {
        /* a day said to be past after the reference date: a slip, or last year's, the
         * text does not say ("met on 5 December" in a report of 4 December) */
        snprintf(iso, 24, "--%02d-%02d", mon, day);
        return -1;
    }
    if (!future && ahead > 62) {
        /* two to eight months after the reference date, in a sentence that does not say
         * it speaks of the future: last year's or a coming one, the text does not say */
        if (ahead < 9 * 31) {
            snprintf(iso, 24, "--%02d-%02d", mon, day);
            return -1;
        }
        y--;
    } else if (future && ahead < -62) {
        y++;
    } else if (future && ahead < 0) {
        /* a coming day just before the reference date: a slip or next year's, the text
         * does not say */
        snprintf(iso, 24, "--%02d-%02d", mon, day);
        return -1;
    }
    snprintf(iso, 24, "%04d-%02d-%02d", y, mon, day);
    return 1;
}

int bcx_day_no_year(const ctx *c, const xd *d)
{
    return c->ry != 0 && d->prec == 0 && d->iso[0] == '-' && strlen(d->iso) == 7;
}

/* "this year", "last year" at token i: the year it means (0 without a reference date or
 * a phrase); its tokens in *n. */
int bcx_rel_year(const ctx *c, size_t i, size_t lim, size_t *n)
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
int bcx_han_year(const ctx *c, size_t i, size_t lim)
{
    int y = bcx_year_of(c, i, lim);
    return y && bcx_words_at(c, i + 1, lim, "年") ? y : 0;
}

/* A range separator at token j: a dash before it, or "to", "den", "au", "tot en met",
 * "jusqu'au", "through", "至", "到"; returns its tokens. */
size_t bcx_range_sep(const ctx *c, size_t j, size_t lim, int *dash)
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
    /* "van 18 tot en met 20 oktober", "du 14 jusqu'au 16 mars", "March 14 through 16" */
    static const char *const phrases[] = {"tot en met", "jusqu au", "through", NULL};
    for (int k = 0; phrases[k]; k++) {
        size_t n = bcx_words_at(c, j, lim, phrases[k]);
        if (n > 0)
            return n;
    }
    for (int k = 0; words[k]; k++)
        if (bcx_word_is(c, j, lim, words[k]))
            return 1;
    if (bcx_words_at(c, j, lim, "至") || bcx_words_at(c, j, lim, "到"))
        return 1;
    return 0;
}

/* Whether the Vietnamese day of the week at token i (n tokens) is one: "thu hai" is also
 * "second" ("lan thu hai"), so only after a part of the day or a word that dates ("Chieu
 * thu Ba", "vao thu Tu", "hom thu Nam", "ngay thu Sau") or before its date in brackets
 * ("thu Ba (7/10)"). Other languages: always. */
static int vi_weekday(const ctx *c, size_t i, size_t n, size_t lim)
{
    static const char *const cues[] = {"sang", "chieu", "trua", "toi", "dem", "vao",
                                       "hom",  "ngay",  "tu",   "den", NULL};
    if (c->lbit != L_VI)
        return 1;
    for (int k = 0; i > 0 && cues[k]; k++)
        if (bcx_word_is(c, i - 1, lim, cues[k]))
            return 1;
    if (i == c->se[c->t[i].sent].t0 && (bcx_gap(c, i + n - 1) & G_COMMA))
        return 1; /* opening its sentence: "Thu Ba, 1.900 xe tai ..." */
    if (i + n < lim && bcx_lex_find(c, C_REL_WEEK, i + n, NULL) > 0 &&
        !(i > 0 && bcx_word_is(c, i - 1, lim, "lan")))
        return 1; /* of a week: "Thu Ba tuan truoc", "thu Ba vua qua"; not "lan thu hai" */
    return i + n < lim && (bcx_gap(c, i + n - 1) & G_OPEN) &&
           (c->t[i + n].kind == T_DATE || c->t[i + n].kind == T_NUM);
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
        (bcx_lex_find(c, C_LOC, i - 1, &e) > 0 || bcx_lex_find(c, C_YEAR_WORD, i - 1, &e) > 0 ||
         bcx_word_is(c, i - 1, i, "early") || bcx_word_is(c, i - 1, i, "late") ||
         bcx_word_is(c, i - 1, i, "mid"))) /* "In early 2023, officials ...": no count */
        return 1;
    if (i > c->se[si].t0 && (bcx_gap(c, i - 1) & (G_DOLLAR | G_EURO | G_YUAN | G_POUND)))
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
    d->ref = r->ref;
    d->weekday = r->weekday;
    d->rel = r->rel;
    /* "11日至12日", "June 11-12", "w dniach 15-17 kwietnia": a meeting over two or three days
     * is dated by its first (a working visit of three is not: extract_meet_date.c) */
    const char *slash = strchr(d->iso, '/');
    if (slash != NULL) {
        size_t half = (size_t)(slash - d->iso);
        int full = half == 10 && strlen(slash + 1) == 10,
            bare = half == 7 && d->iso[0] == '-' && strlen(slash + 1) == 7;
        if ((full || bare) && memcmp(d->iso, slash + 1, half - 2) == 0) {
            int d0 = atoi(d->iso + half - 2), d1 = atoi(slash + 1 + half - 2);
            if (d1 > d0 && d1 <= d0 + 2)
                snprintf(d->span, sizeof d->span, "%.*s", (int)half, d->iso);
        } else if (full || bare) { /* into the next month: "11月30日至12月1日" */
            char first[16];
            int diff = 0;
            snprintf(first, sizeof first, "%.*s", (int)half, d->iso);
            if (bcx_days_between(first, slash + 1, &diff) && diff > 0 && diff <= 2)
                copy_str(d->span, sizeof d->span, first);
        }
    }
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

/* 1 when day r at token i of sentence si is the article's dateline: the body's first
 * sentence opens with a place and a comma, or with the day itself, and the day is followed
 * by an agency in brackets, a dash or "电" ("Hanoi, June 13, 2024 (VNA) -", "LAO CAI, 13
 * czerwca 2024 r. -", "新华社南宁3月6日电"). It is when the report was filed, not when
 * anything it reports happened. */
static int dateline(const ctx *c, size_t si, size_t i, const dres *r)
{
    size_t t0 = c->se[si].t0, lim = c->se[si].t1, k = i + r->n;
    /* a Chinese agency and place may take a dozen characters ("新华社越南下龙2月21日电") */
    if (r->prec != 3 || i - t0 > (c->lbit == L_ZH ? 12u : 6u) || k >= lim)
        return 0;
    if (c->lbit == L_ZH) /* "新华社南宁6月13日电", "本报昆明6月13日讯" */
        return bcx_words_at(c, k, lim, "电") > 0 || bcx_words_at(c, k, lim, "讯") > 0;
    /* "Hanoi, June 13", "HANOI, den 14 mars 2025", "LAO CAI, ngay 14/3", or a place in
     * capitals right before the day ("HANOI 14.3.2025 -") */
    size_t p = i;
    if (p > t0 && !(bcx_gap(c, p - 1) & G_COMMA) &&
        (bcx_word_is(c, p - 1, p, "den") || bcx_word_is(c, p - 1, p, "le") ||
         bcx_word_is(c, p - 1, p, "ngay") || bcx_word_is(c, p - 1, p, "dnia")))
        p--;
    /* the day's weekday before it ("LAO CAI, donderdag 30 oktober 2025 -", "HANOI,
     * Thursday, June 13 -") */
    if (p > t0 + 1 && bcx_lex_find(c, C_WEEKDAY, p - 1, NULL) == 1 && (bcx_gap(c, p - 2) & G_COMMA))
        p--;
    if (p > t0 && !(bcx_gap(c, p - 1) & G_COMMA)) {
        for (size_t q = t0; q < p; q++)
            for (size_t b = c->t[q].start; b < c->t[q].end; b++)
                if (c->t[q].kind != T_WORD || (c->s[b] >= 'a' && c->s[b] <= 'z'))
                    return 0;
    }
    if (bcx_word_is(c, k, lim, "r") && (bcx_gap(c, k) & G_DOT))
        k++; /* "2024 r." */
    return (bcx_gap(c, k - 1) & (G_OPEN | G_DASH)) != 0;
}

/* 1 when the English weekday ending at token k (< lim), a part of the day after it at
 * most, is followed by a verb in the past ("on Thursday agreed to ...", "on Friday
 * afternoon held talks"; "on" before it, not "the talks scheduled for Friday aimed"): a day
 * gone by, whatever its sentence says of later. */
static int en_weekday_past_verb(const ctx *c, size_t k, size_t lim)
{
    static const char *const part[] = {"morning", "afternoon", "evening", "night", NULL};
    static const char *const irregular[] = {"held", "met", "sat", "took", "made", "began", NULL};
    if (c->lbit != L_EN)
        return 0;
    for (int w = 0; part[w] && k < lim; w++)
        if (bcx_gap(c, k - 1) == G_SPACE && bcx_word_is(c, k, lim, part[w])) {
            k++;
            break;
        }
    if (k >= lim || bcx_gap(c, k - 1) != G_SPACE || c->t[k].kind != T_WORD || c->t[k].upper)
        return 0;
    for (int w = 0; irregular[w]; w++)
        if (bcx_word_is(c, k, lim, irregular[w]))
            return 1;
    return c->t[k].fl > 4 && strncmp(TXT(c, k) + c->t[k].fl - 2, "ed", 2) == 0;
}

static void weekday_day(const ctx *c, int wd, int future, int weeks, dres *r)
{
    if (wd > WEEKDAY_LAST_WEEK) /* "上周四": that day of the week before the reference's */
        wd -= WEEKDAY_LAST_WEEK, weeks = -1;
    bcx_weekday_from(c->ry, c->rm, c->rd, wd, future, weeks, r);
}

/* Without a reference date, a weekday under a dateline that writes day and month, in a
 * sentence that writes a meeting's year in its name before it ("Ha Long, 20 fevrier (VNA)
 * - La Rencontre de printemps 2025 ... s'est deroulee jeudi"): the day is the text's,
 * counted from the dateline's day of that year. 1 when r was so dated. */
static int weekday_of_dateline(const ctx *c, size_t si, size_t i, int wd, int future, int weeks,
                               dres *r)
{
    if (c->ry != 0 || c->dld == 0 || c->dlm == 0)
        return 0;
    for (size_t k = c->se[si].d0; k < c->nd; k++)
        if (bcx_name_year(c, si, &c->d[k])) {
            bcx_weekday_from(atoi(c->d[k].iso), c->dlm, c->dld, wd, future, weeks, r);
            r->inferred = 0;
            return 1;
        }
    /* the name's year after the weekday and "for their", "at the" ("met here on Friday for
     * their 2019 Spring Meeting"), not yet read; not after a weekday naming other talks
     * ("the results of Monday's talks would be reported to the 2026 Spring Meeting") */
    if (c->lbit != L_EN || future || i + 1 >= c->se[si].t1 || bcx_gap(c, i) == G_QUOTE)
        return 0; /* nor a meeting to come ("on Monday to prepare for the 2026 ...") */
    static const char *const at[] = {"for", "at", "during", "their", "the", "its", "annual", NULL};
    for (size_t q = i + 1;
         q < c->se[si].t1 && q < i + 5 && !(bcx_gap(c, q - 1) & (G_COMMA | G_DOT)); q++) {
        int y = bcx_year_of(c, q, c->se[si].t1), link = 0;
        for (int w = 0; at[w] && !link; w++)
            link = bcx_word_is(c, q, c->se[si].t1, at[w]);
        if (y == 0 && !link)
            return 0; /* only "for their", "at the" between: the meeting it was the day of */
        xd year = {.t0 = q, .t1 = q + 1, .prec = 1};
        snprintf(year.iso, sizeof year.iso, "%04d", y);
        if (y != 0 && bcx_name_year(c, si, &year)) {
            bcx_weekday_from(y, c->dlm, c->dld, wd, future, weeks, r);
            r->inferred = 0;
            return 1;
        }
    }
    return 0;
}

/* 1 when the number at token k is the ordinal of what follows, not a day ("On Tuesday, the
 * 12th meeting", "Mardi, la 12e reunion", "星期二，第12次会议"): a suffix glued to it with
 * no month after ("Tuesday 11th June" is a day), or 第 before it. */
static int ordinal_number(const ctx *c, size_t k, size_t lim)
{
    if ((k > 0 && bcx_words_at(c, k - 1, lim, "第")) || bcx_colon_ordinal(c, k, lim))
        return 1; /* "第17", "den 17:e": no day ("i måndags inför den 17:e konferensen") */
    if (k + 1 >= lim || !c->t[k + 1].glued || c->t[k + 1].kind != T_WORD || c->t[k + 1].han)
        return 0;
    for (size_t q = k + 2; q < lim && q < k + 4; q++)
        if (bcx_lex_find(c, C_MONTH, q, NULL) > 0)
            return 0; /* "the 11th of June" */
    return 1;
}

/* A day and month in digits in brackets after a weekday ("donderdagochtend (30/10)",
 * "Thursday (30/10)") at token k into r (its tokens in r->n, the weekday's not included);
 * 1 when found. */
static int paren_day(const ctx *c, size_t k, size_t lim, dres *r)
{
    if (k > 0 && k < lim && (bcx_gap(c, k - 1) & G_OPEN) && c->t[k].kind == T_DATE &&
        strlen(c->t[k].iso) == 7 && c->t[k].iso[0] == '-' && (bcx_gap(c, k) & G_CLOSE)) {
        /* "thu Ba (7/10)": the day and month are one token */
        memset(r, 0, sizeof *r);
        int mon = atoi(c->t[k].iso + 2), day = atoi(c->t[k].iso + 5);
        r->inferred = bcx_complete_day(c, mon, day, bcx_tense_at(c, k), r->iso) == 1;
        r->prec = 3;
        r->n = 1;
        return 1;
    }
    if (k == 0 || k + 1 >= lim || !(bcx_gap(c, k - 1) & G_OPEN) || c->t[k].kind != T_NUM ||
        c->t[k + 1].kind != T_NUM || !c->t[k].plain || !c->t[k + 1].plain ||
        !(bcx_gap(c, k) & G_SLASH) || !(bcx_gap(c, k + 1) & G_CLOSE))
        return 0;
    int day = (int)c->t[k].num, mon = (int)c->t[k + 1].num;
    if (day < 1 || day > 31 || mon < 1 || mon > 12)
        return 0;
    memset(r, 0, sizeof *r);
    r->inferred = bcx_complete_day(c, mon, day, bcx_tense_at(c, k), r->iso) == 1;
    r->prec = 3;
    r->n = 2;
    return 1;
}

/* "Yesterday" (days = -1) of the reference date, or of the dateline's day
 * ("新华社南宁6月13日电 ... 昨天", "Lao Cai, 30 januari – ... gistermiddag"): a day, its year the
 * reference date's (inferred); with a dateline and no reference date, its month and day
 * ("--06-12"); else none. */
static void rel_day(const ctx *c, int days, dres *r)
{
    int y = c->ry, m = c->rm, d = c->rd;
    if (c->dld != 0) {
        m = c->dlm, d = c->dld;
        if (y != 0 && c->rm != 0 && m > c->rm)
            y--; /* a dateline of December in a report published in January */
    }
    if (m == 0 || d == 0)
        return;
    if (y == 0) {
        char md[24];
        snprintf(md, sizeof md, "--%02d-%02d", m, d);
        if (!bcx_shift_day(md, days, r->iso))
            return; /* across the end of February, the year unknown */
    } else {
        char ymd[24];
        snprintf(ymd, sizeof ymd, "%04d-%02d-%02d", y, m, d);
        if (!bcx_shift_day(ymd, days, r->iso))
            return;
        /* from the dateline's day only the year is not the text's */
        r->inferred = c->dld != 0 ? BC_X_INFERRED_YEAR : BC_X_INFERRED_DATE;
    }
    r->prec = 3;
    r->weekday = 1;
}

/* "The same month" ("同月", "cung thang", "le meme mois"): the month of date d, when it
 * writes its year. */
static void same_month(const xd *d, dres *r)
{
    if (d->iso[0] == '-' || strlen(d->iso) < 7 || strchr(d->iso, '/') != NULL)
        return;
    snprintf(r->iso, sizeof r->iso, "%.7s", d->iso);
    r->prec = 2;
    r->inferred = d->inferred;
    r->same_day = 1;
}

/* 1 when sentence si says, outside tokens [a, b), what is to come and nothing that took
 * place ("Nastepnego dnia ... ma sie odbyc sesja": "nastepnego", next, is no tense of its
 * own). */
static int coming_beside(const ctx *c, size_t si, size_t a, size_t b)
{
    int future = 0;
    for (size_t k = c->se[si].t0; k < c->se[si].t1; k++) {
        size_t n;
        if (k >= a && k < b)
            continue;
        if ((n = bcx_lex_find(c, C_FUTURE, k, NULL)) > 0) {
            future = 1;
            k += n - 1;
        } else if (bcx_lex_find(c, C_HELD, k, NULL) > 0) {
            return 0;
        }
    }
    return future;
}

/* 1 when day d lies before the report's day (its dateline's, else the reference date), 0
 * when it does not or no report day is known, -1 when they cannot be compared (d writes a
 * year, the report's is unknown). */
static int before_report(const ctx *c, const xd *d)
{
    int m = c->dld != 0 ? c->dlm : c->rm, day = c->dld != 0 ? c->dld : c->rd;
    int y = c->ry, dy = 0, dm = 0, dd = 0;
    if (m == 0 || day == 0)
        return 0;
    if (d->iso[0] == '-') {
        if (sscanf(d->iso, "--%d-%d", &dm, &dd) != 2)
            return 0;
        return dm < m || (dm == m && dd < day);
    }
    if (sscanf(d->iso, "%d-%d-%d", &dy, &dm, &dd) != 3)
        return 0;
    if (y == 0)
        return -1;
    if (c->dld != 0 && c->rm != 0 && c->dlm > c->rm)
        y--; /* a dateline of December in a report published in January */
    return dy < y || (dy == y && (dm < m || (dm == m && dd < day)));
}

/* The day last named that "the same day" or "the day before" may refer to from token i:
 * a day of what is to come only for a sentence that speaks of what is to come ("The
 * ceremony is planned for 28 December. The same day, the delegation met ...": the day
 * of the talks before it). SIZE_MAX when none. */
static size_t day_told(const ctx *c, size_t i, size_t last_day, size_t last_past)
{
    return bcx_future_at(c, i) ? last_day : last_past;
}

unsigned bcx_date_bound(const ctx *c, const xd *d)
{
    size_t lo = c->se[c->t[d->t0].sent].t0, hi = c->se[c->t[d->t0].sent].t1, n;
    unsigned bits = 0;
    for (size_t k = d->t0 > lo + 3 ? d->t0 - 3 : lo; k < d->t0; k++) {
        if ((n = bcx_lex_find(c, C_FROM, k, NULL)) > 0 && k + n <= d->t0 && d->t0 - (k + n) <= 1)
            bits |= BCX_BOUND_FROM;
        if ((n = bcx_lex_find(c, C_SINCE, k, NULL)) > 0 && k + n <= d->t0 && d->t0 - (k + n) <= 1)
            bits |= BCX_BOUND_SINCE;
        if ((n = bcx_lex_find(c, C_DEADLINE, k, NULL)) > 0 && k + n <= d->t0 &&
            d->t0 - (k + n) <= 1)
            bits |= BCX_BOUND_DEADLINE;
    }
    /* Polish "do" (by) right before a day: "ma zostac uruchomiony do 30 czerwca" */
    if (c->lbit == L_PL && d->t0 > lo && bcx_word_is(c, d->t0 - 1, d->t0, "do") &&
        !(bcx_gap(c, d->t0 - 1) & (G_COMMA | G_DOT)))
        bits |= BCX_BOUND_DEADLINE;
    if (c->lbit == L_ZH && d->t1 < hi) {
        if (bcx_lex_find(c, C_DEADLINE, d->t1, NULL) > 0 && !bcx_words_at(c, d->t1, hi, "前往") &&
            !bcx_words_at(c, d->t1, hi, "前来"))
            bits |= BCX_BOUND_DEADLINE;
        if (bcx_lex_find(c, C_SINCE, d->t1, NULL) > 0)
            bits |= BCX_BOUND_SINCE;
    }
    return bits;
}

/* 1 when day d is one something happens on, which "the same day" may refer to: not a
 * day things run from, not a deadline (bcx_date_bound). */
static int event_day(const ctx *c, const xd *d)
{
    return bcx_date_bound(c, d) == 0;
}

/* 1 when a Chinese month ("12月") that became no date opens a sentence between date k and
 * token i: a time the story told but the text does not date ("去年12月，…" without a
 * reference date), which "同月" or "同日" after it refers to, not date k. */
static int undated_month_since(const ctx *c, size_t k, size_t i)
{
    if (c->lbit != L_ZH)
        return 0;
    for (size_t q = c->d[k].t1; q + 1 < i; q++) {
        if (c->t[q].kind != T_NUM || bcx_words_at(c, q + 1, i, "月") == 0 ||
            q > c->se[c->t[q].sent].t0 + 2)
            continue; /* the time a sentence opens with ("去年12月，…"), not one recalled */
        int dated = 0;
        for (size_t j = k + 1; j < c->nd && !dated; j++)
            dated = c->d[j].t0 <= q && q < c->d[j].t1;
        if (!dated)
            return 1;
    }
    return 0;
}

/* 1 when date mon (index in ctx.d, SIZE_MAX none), after day k, is a month (no day) that
 * opens sentence si or one before it in its paragraph, one that names a meeting (or two
 * sentences back or more, anything): the time the story last told, so "the same day" or
 * "the next day" is a day of it the text does not give ("2024年3月，…举行第八次联席会议。
 * 同日下午，两地领导还举行了会见": not a day told paragraphs before). */
static int month_told_last(const ctx *c, size_t si, size_t k, size_t mon)
{
    if (mon == SIZE_MAX || mon <= k || c->d[mon].prec != 2 || !event_day(c, &c->d[mon]))
        return 0;
    size_t ms = c->t[c->d[mon].t0].sent;
    if (ms > si || c->d[mon].t0 > c->se[ms].t0 + 1)
        return 0;
    for (size_t q = ms + 1; q <= si; q++)
        if (bcx_new_paragraph(c, q))
            return 0; /* another paragraph's time */
    /* it names a meeting or a visit ("4月，文山州代表团赴河江省访问。其间，…"), or lies two
     * sentences back or more */
    static const char *const visit[] = {"代表团", "访问", "考察", "出访", NULL};
    int named = bcx_sent_has(c, ms, C_MEET, -1) || bcx_sent_has(c, ms, C_TALKS, -1) || ms + 1 < si;
    for (size_t q = c->se[ms].t0; !named && q < c->se[ms].t1; q++)
        for (int w = 0; visit[w] && !named; w++)
            named = bcx_words_at(c, q, c->se[ms].t1, visit[w]) > 0;
    return named;
}

void bcx_find_dates(ctx *c)
{
    const bc_lex *e = NULL;
    bcx_mark_tense(c);
    if (c->rc != BC_OK)
        return;
    size_t last_day = SIZE_MAX;   /* the last day named, for "the same day" */
    size_t last_past = SIZE_MAX;  /* the last one not said to be coming */
    size_t last_mon = SIZE_MAX;   /* the last day or month named, for "the same month" */
    size_t last_meet = SIZE_MAX;  /* the last day of a sentence naming a meeting */
    size_t first_meet = SIZE_MAX; /* the first one */
    size_t body = 0;              /* the body's first sentence */
    while (body < c->ns && c->se[body].heading)
        body++;
    for (size_t si = 0; si < c->ns && c->rc == BC_OK; si++) {
        size_t lim = c->se[si].t1, i = c->se[si].t0;
        c->se[si].d0 = c->nd;
        while (i < lim && c->rc == BC_OK) {
            dres r;
            int y, y2, dl = 0;
            size_t n;
            memset(&r, 0, sizeof r);
            if ((c->lbit == L_ZH && bcx_try_anchored_zh(c, i, lim, &r)) ||
                (c->lbit == L_ZH && last_day != SIZE_MAX &&
                 bcx_day_part_zh(c, si, i, c->d, last_day, &r)) ||
                (c->lbit == L_ZH && bcx_try_year_part_zh(c, i, lim, &r)) ||
                bcx_try_named_day(c, i, lim, &r) || bcx_try_to_month_end(c, i, lim, &r) ||
                bcx_try_months(c, i, lim, &r) || bcx_try_month_span(c, i, lim, &r) ||
                (c->lbit != L_ZH && bcx_try_month_range(c, i, lim, &r)) ||
                bcx_try_day(c, i, lim, &r) || bcx_try_month(c, i, lim, &r) ||
                bcx_try_rel_year_month(c, i, lim, &r)) {
                /* found */
            } else if ((n = bcx_lex_find(c, C_SAME_DAY, i, &e)) > 0 && e->val == 2) {
                if (last_mon != SIZE_MAX && !undated_month_since(c, last_mon, i))
                    same_month(&c->d[last_mon], &r);
                r.n = n;
            } else if ((n = bcx_lex_find(c, C_SAME_DAY, i, &e)) > 0 && e->val == 3) {
                /* "会晤期间": during the meeting, the day of the last one named (not the
                 * day a tourist line opened in the sentence before); none, no day */
                size_t lm = bcx_during_day_zh(c, si, i, last_meet);
                if (lm != SIZE_MAX && !month_told_last(c, si, lm, last_mon)) {
                    memcpy(r.iso, c->d[lm].iso, sizeof r.iso);
                    r.inferred = c->d[lm].inferred;
                    r.prec = c->d[lm].prec;
                    r.same_day = c->t[c->d[lm].t0].sent + 1 < si ? 2 : 1;
                    r.ref = lm + 1;
                }
                r.n = n;
            } else if ((n = bcx_lex_find(c, C_SAME_DAY, i, &e)) > 0 && e->val == 0 &&
                       bcx_same_day_as(c, si, i, n, &r.n, &r.ref)) {
                /* "the same day as the 12th meeting": that meeting's day, none unknown */
                if (r.ref > 0) {
                    const xd *k = &c->d[r.ref - 1];
                    memcpy(r.iso, k->iso, sizeof r.iso);
                    r.inferred = k->inferred;
                    r.prec = 3;
                    r.same_day = 1; /* named, however far: never the lead's day */
                }
                r.n += n;
            } else if (day_told(c, i, last_day, last_past) != SIZE_MAX &&
                       (n = bcx_lex_find(c, C_SAME_DAY, i, &e)) > 0) {
                /* "Cung ngay", "W tym samym dniu", "当天": the day last named; none when the
                 * sentence before opens with a month, after it, at which it tells a meeting */
                size_t k = day_told(c, i, last_day, last_past);
                r.n = n;
                if (month_told_last(c, si, k, last_mon) || undated_month_since(c, k, i)) {
                    i += n;
                    continue;
                }
                memcpy(r.iso, c->d[k].iso, sizeof r.iso);
                r.inferred = c->d[k].inferred;
                r.prec = 3;
                r.n = n;
                r.same_day = c->t[c->d[k].t0].sent + 1 < si ? 2 : 1;
                r.ref = k + 1;
            } else if ((n = bcx_lex_find(c, C_NEXT_DAY, i, &e)) > 0 &&
                       bcx_lex_find(c, C_REL_DAY, i, NULL) <= n) {
                /* "the previous day", "dzien wczesniej", "de dag ervoor": a day from the day
                 * last named (not "the day before yesterday", a day of the report's); with
                 * its date written next to it ("Dzien pozniej, 21 lutego") the date speaks
                 * for itself */
                size_t k = day_told(c, i, last_day, last_past);
                /* a day told sentences before, past other matters, is not the day counted
                 * from: the day of the meeting the report opens with is ("Nastepnego dnia"
                 * a paragraph after a past meeting's day in passing); bcx_count_days counts
                 * it again from the day of the meeting last told */
                if (k != SIZE_MAX && c->t[c->d[k].t0].sent + 3 < si && first_meet != SIZE_MAX)
                    k = first_meet;
                if (k != SIZE_MAX &&
                    (month_told_last(c, si, k, last_mon) || undated_month_since(c, k, i)))
                    k = SIZE_MAX; /* "4月，…访问。其间，…。次日，…": a day of April */
                for (size_t q = i + n; q < lim && q < i + n + 3 && k != SIZE_MAX; q++)
                    if (c->t[q].kind == T_NUM || c->t[q].kind == T_DATE)
                        k = SIZE_MAX;
                /* in words of what is to come ("Nastepnego dnia ... ma sie odbyc sesja"),
                 * after days of what took place only: a day from the report's (its
                 * dateline's or publication day), not from the last day narrated, which
                 * may be a meeting recalled months before */
                int before =
                    k != SIZE_MAX && coming_beside(c, si, i, i + n) && !bcx_future_at(c, c->d[k].t0)
                        ? before_report(c, &c->d[k])
                        : 0;
                if (before > 0)
                    rel_day(c, (int)e->val, &r);
                else if (before < 0)
                    ; /* a day of another year than the report's unknown one: none */
                else if (k != SIZE_MAX && strlen(c->d[k].iso) <= 10 &&
                         bcx_shift_day(c->d[k].iso, (int)e->val, r.iso)) {
                    r.inferred = c->d[k].inferred;
                    r.prec = 3;
                    r.weekday = 1;
                    r.rel = (int)e->val;
                }
                r.n = n;
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
            } else if ((n = bcx_lex_find(c, C_WEEKDAY, i, &e)) > 0 && vi_weekday(c, i, n, lim) &&
                       !bcx_weekday_habit_zh(c, i, n, lim)) {
                /* "on Tuesday": of the week of the reference date, the last such day on or
                 * before it (the next one after it, said to be coming); a weekday with
                 * its date next to it ("Tuesday (June 11)", "mardi 11 juin") leaves the
                 * date to it */
                int dated = i + n < lim && (bcx_gap(c, i + n - 1) & G_OPEN);
                for (size_t q = i + n; q < lim && q < i + n + 3 && !dated; q++)
                    dated = c->t[q].kind == T_DATE ||
                            (c->t[q].kind == T_NUM && !ordinal_number(c, q, lim) &&
                             c->t[q].num <= 31 && !bcx_count_noun_at(c, q + 1, lim));
                /* of another week ("vorige week dinsdag", "dinsdag vorige week") */
                const bc_lex *w = NULL;
                size_t wn = i + n < lim ? bcx_lex_find(c, C_REL_WEEK, i + n, &w) : 0;
                if (wn == 0 && bcx_lex_ending(c, C_REL_WEEK, c->se[si].t0, i, &w) == SIZE_MAX)
                    w = NULL;
                int weeks = w ? (int)w->val : 0, wd = (int)e->val, fut = bcx_future_at(c, i);
                if (fut && i > c->se[si].t0 && bcx_word_is(c, i - 1, i, "on") &&
                    en_weekday_past_verb(c, i + n, lim))
                    fut = 0; /* "on Thursday agreed": gone by */
                /* "De delegaties komen zaterdag bijeen": the Dutch present of a meeting
                 * tells of the day coming, or of the report's own */
                if (!fut && weeks == 0 && c->t[i].tense == TENSE_NONE && bcx_nl_present_meet(c, si))
                    fut = 2;
                if (c->ry != 0 && c->rd != 0 && !dated)
                    weekday_day(c, wd, fut, weeks, &r);
                else if (!dated && wd < WEEKDAY_LAST_WEEK)
                    weekday_of_dateline(c, si, i, wd, fut, weeks, &r);
                r.n = n + (dated ? 0 : wn);
                if (dated && paren_day(c, i + n, lim, &r))
                    r.n += n;
                if (r.prec == 0 && !dated && c->se[si].unread == 0)
                    c->se[si].unread = i + 1;
            } else if ((n = bcx_lex_find(c, C_REL_DAY, i, &e)) > 0) {
                rel_day(c, (int)e->val, &r);
                if (r.prec == 0 && c->se[si].unread == 0)
                    c->se[si].unread = i + 1;
                r.n = n;
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
                    r.inferred = BC_X_INFERRED_DATE; /* its month is counted too */
                } else if (c->se[si].unread == 0) {
                    c->se[si].unread = i + 1;
                }
                r.n = n;
            } else {
                if ((y = bcx_rel_year(c, i, lim, &n)) != 0) {
                    snprintf(r.iso, sizeof r.iso, "%04d", y);
                    r.n = n;
                    r.prec = 1;
                    r.inferred = 1;
                } else if (n > 0) {
                    bcx_unplaced(c, i, i + n); /* "next year" with no reference date */
                } else if ((n = bcx_lex_find(c, C_SAME_DAY, i, &e)) > 0 && e->val == 0) {
                    bcx_unplaced(c, i, i + n); /* "the same day" of no day told */
                } else if (r.unplaced > 0 && i + r.unplaced <= lim) {
                    bcx_unplaced(c, i, i + r.unplaced); /* "the first nine months" */
                }
            }
            /* a first line that opens with a dateline is the body, not a headline (an
             * article sent without its headline: "HANOI, 10 mars (Xinhua) -- ...") */
            if (si == 0 && body > 0 && r.n > 0 && dateline(c, si, i, &r)) {
                for (size_t q = 0; q < body; q++)
                    c->se[q].heading = 0;
                body = 0;
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
                /* the report's day: "yesterday" is the day before it */
                if (strlen(r.iso) >= 7 && strlen(r.iso) <= 10) {
                    const char *md = r.iso[0] == '-' ? r.iso + 2 : r.iso + 5;
                    c->dlm = atoi(md);
                    c->dld = atoi(md + 3);
                }
                /* a Chinese wire report's "当天" and "12日" are of its dateline's day */
                if (c->lbit == L_ZH && strlen(r.iso) >= 7) {
                    size_t was = c->nd;
                    add_date(c, &r, i);
                    if (c->nd > was)
                        last_day = last_past = c->nd - 1, c->d[c->nd - 1].dateline = 1;
                    i += r.n;
                    continue;
                }
                dl = 1;
            }
            if (r.n > 0 && i + r.n <= lim) {
                size_t was = c->nd;
                add_date(c, &r, i);
                if (c->nd > was && r.prec == 3 && event_day(c, &c->d[c->nd - 1])) {
                    last_day = c->nd - 1;
                    if (!bcx_future_at(c, i))
                        last_past = c->nd - 1;
                }
                if (c->nd > was)
                    c->d[c->nd - 1].dateline = dl;
            }
            i += r.n > 0 ? r.n : 1;
        }
        c->se[si].d1 = c->nd;
        bcx_rel_year_days(c, si);
        bcx_frame_year_days(c, si);
        bcx_lead_year_days(c, si);
        bcx_counted_year_days(c, si);
        bcx_name_year_days(c, si);
        bcx_written_year_days(c, si);
        bcx_visit_spans(c, si);
        if (bcx_other_meeting_undated_zh(c, si))
            last_meet =
                SIZE_MAX; /* "近日，…第八次联席会议…举办。会议期间，…": not the day before */
        for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
            if (c->d[k].prec == 3 && event_day(c, &c->d[k]) && bcx_sent_has(c, si, C_MEET, -1) &&
                !c->d[k].same_day) {
                last_meet = k;
                if (first_meet == SIZE_MAX)
                    first_meet = k;
            }
            if (c->d[k].prec == 3 && event_day(c, &c->d[k])) {
                last_day = k; /* name_year_days may have moved them */
                if (!bcx_future_at(c, c->d[k].t0))
                    last_past = k;
            }
            if (c->d[k].prec >= 2 && !c->d[k].dateline)
                last_mon = k;
        }
    }
    bcx_context_year_zh(c);
}
