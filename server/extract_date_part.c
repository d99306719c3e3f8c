/* extract_date_part.c: a Chinese part of a year written without its year ("年中", "年初",
 * "年底", "年末", "年内"; the halves are periods: extract_date_period.c): the reference
 * date's year, as a year, when the part is of the year the report is in by what its words
 * say (to come: not yet over; done: already begun) and nothing before it in its paragraph
 * writes another year. A part after its year ("2024年年中", "今年年底", "同年年初") is that
 * year's, read where the year is. And weekdays of a habit ("每周二"), no one day. */
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The parts, and the months they begin and end in. */
typedef struct year_part {
    const char *w;
    int first, last;
} year_part;

static const year_part PARTS[] = {
    {"年初", 1, 3},   {"年中", 5, 8},  {"年底", 11, 12},
    {"年末", 11, 12}, {"年内", 1, 12}, {NULL, 0, 0},
};

/* 1 when the token before i ends a word the part belongs to: a year ("2024年", "今年",
 * "同年"), a count ("一年中", "三年内", "半年"), or a word of every, all, recent, the same
 * ("每年年初", "全年中", "近年中"); such a part is not this year's. */
static int bound_before(const ctx *c, size_t i)
{
    static const char *const words[] = {"年", "一", "二", "两", "三", "四", "五", "六", "七",
                                        "八", "九", "十", "百", "几", "多", "半", "全", "每",
                                        "近", "历", "往", "同", "当", "该", "本", "这", "那",
                                        "首", "头", "次", "翌", "前", "后", "新", "跨", NULL};
    if (i == 0 || c->t[i - 1].sent != c->t[i].sent || (bcx_gap(c, i - 1) & (G_COMMA | G_DOT)))
        return 0;
    if (c->t[i - 1].kind == T_NUM)
        return 1;
    for (int w = 0; words[w]; w++)
        if (bcx_words_at(c, i - 1, i, words[w]))
            return 1;
    return 0;
}

/* 1 when a date before token i in its paragraph writes a year other than the reference
 * date's ("2023年3月，…。年中，…", "去年，…"): the part may be of that year. */
static int other_year_before(const ctx *c, size_t i)
{
    size_t si = c->t[i].sent;
    for (size_t k = c->nd; k > 0; k--) {
        const xd *d = &c->d[k - 1];
        size_t ds = c->t[d->t0].sent;
        if (d->t0 >= i)
            continue;
        for (size_t s = ds + 1; s <= si; s++)
            if (c->se[s].heading || bcx_new_paragraph(c, s))
                return 0; /* it and all before it are of another paragraph */
        if (d->iso[0] != '-' && !d->dateline && strlen(d->iso) >= 4 && atoi(d->iso) != c->ry)
            return 1;
    }
    return 0;
}

/* 1 when the clause after token i holds a meeting in a modifier ("年中在昆明举行的第四次会晤"):
 * words of holding before "的" say no tense. */
static int held_modifier(const ctx *c, size_t i, size_t lim)
{
    static const char *const held[] = {"举行的", "召开的", "举办的", NULL};
    for (size_t k = i; k < lim && k < i + 12; k++) {
        if (k > i && (bcx_gap(c, k - 1) & (G_COMMA | G_DOT)))
            return 0;
        for (int w = 0; held[w]; w++)
            if (bcx_words_at(c, k, lim, held[w]))
                return 1;
    }
    return 0;
}

/* 1 when words of preparing follow token i in its sentence ("…举行的第四次会晤的筹备工作"). */
static int prepared_after(const ctx *c, size_t i, size_t lim)
{
    static const char *const prep[] = {"筹备", "准备", "预备", NULL};
    for (size_t k = i; k < lim; k++)
        for (int w = 0; prep[w]; w++)
            if (bcx_words_at(c, k, lim, prep[w]))
                return 1;
    return 0;
}

int bcx_try_year_part_zh(const ctx *c, size_t i, size_t lim, dres *r)
{
    const year_part *p = PARTS;
    size_t n = 0;
    for (; p->w && (n = bcx_words_at(c, i, lim, p->w)) == 0; p++)
        ;
    if (p->w == NULL || bound_before(c, i))
        return 0;
    /* "年初以来", "年初至今": a point counted from; "年底前": a deadline; "年中国": a year
     * and China */
    static const char *const after[] = {"以来", "至今", "前", "之前", "以前",
                                        "国",   "越",   "方", NULL};
    for (int w = 0; after[w]; w++)
        if (bcx_words_at(c, i + n, lim, after[w]))
            return 0;
    r->n = n; /* read all the same: no year of its own, the part gives none */
    if (c->ry == 0 || c->rm == 0 || other_year_before(c, i))
        return 1;
    int tense = bcx_tense_at(c, i);
    if (tense < 0 && held_modifier(c, i + n, lim))
        tense = prepared_after(c, i + n, lim); /* a meeting being prepared is to come */
    /* to come: not over yet; done: begun already; neither: the report's month near the
     * part (far from it, the part may be of the year before or after) */
    int fits = tense > 0   ? c->rm <= p->last
               : tense < 0 ? c->rm >= p->first
                           : c->rm >= p->first - 2 && c->rm <= p->last + 2;
    if (!fits)
        return 1;
    snprintf(r->iso, sizeof r->iso, "%04d", c->ry);
    r->prec = 1;
    r->inferred = BC_X_INFERRED_YEAR;
    return 1;
}

/* Tokens of a word linking two weekdays at token k ("至", "到", "和", "及", "或"), else 0. */
static size_t weekday_link(const ctx *c, size_t k, size_t lim)
{
    static const char *const link[] = {"至", "到", "和", "及", "或", NULL};
    for (int w = 0; link[w]; w++)
        if (bcx_words_at(c, k, lim, link[w]))
            return 1;
    return 0;
}

int bcx_weekday_habit_zh(const ctx *c, size_t i, size_t n, size_t lim)
{
    size_t lo = c->se[c->t[i].sent].t0, k = i + n, l;
    if (c->lbit != L_ZH)
        return 0;
    if (i > lo && (bcx_words_at(c, i - 1, i, "每") || bcx_words_at(c, i - 1, i, "逢") ||
                   bcx_words_at(c, i - 1, i, "下") || bcx_words_at(c, i - 1, i, "个")))
        return 1; /* and "下周三", "下个周三": of next week, a day this reader does not count */
    l = k < lim ? weekday_link(c, k, lim) : 0;
    if (k + l < lim && bcx_lex_find(c, C_WEEKDAY, k + l, NULL) > 0 &&
        (l > 0 || (bcx_gap(c, k - 1) & G_COMMA)))
        return 1; /* "周一至周五", "周二、周四" */
    for (size_t q = i > lo + 4 ? i - 4 : lo; q < i; q++) {
        size_t m = bcx_lex_find(c, C_WEEKDAY, q, NULL);
        if (m > 0 && ((q + m == i && (bcx_gap(c, i - 1) & G_COMMA)) ||
                      (q + m + 1 == i && weekday_link(c, q + m, i) > 0)))
            return 1;
    }
    return 0;
}

int bcx_other_meeting_undated_zh(const ctx *c, size_t si)
{
    static const char *const lately[] = {"近日", "日前", "近期", "此前", "不久前", NULL};
    const sent *s = &c->se[si];
    int noun = 0, own = 0;
    if (c->lbit != L_ZH)
        return 0;
    for (size_t k = s->d0; k < s->d1; k++) {
        const xd *d = &c->d[k];
        if (d->prec == 3 && !d->dateline)
            return 0; /* dated: the day it tells is the last meeting's */
        if (!d->dateline && !d->same_day && !d->rel && (d->prec == 1 || d->prec == 2))
            own = 1;
    }
    for (size_t k = s->t0; k < s->t1; k++) {
        if (c->t[k].used == U_DATE)
            continue;
        if (bcx_lex_find(c, C_MEET, k, NULL) > 0 || bcx_lex_find(c, C_MECH, k, NULL) > 0)
            noun = 1;
        if (bcx_words_at(c, k, s->t1, "第") && k + 2 < s->t1 &&
            (bcx_words_at(c, k + 2, s->t1, "次") || bcx_words_at(c, k + 2, s->t1, "届") ||
             (k + 3 < s->t1 &&
              (bcx_words_at(c, k + 3, s->t1, "次") || bcx_words_at(c, k + 3, s->t1, "届")))))
            own = 1;
        for (int w = 0; lately[w]; w++)
            if (bcx_words_at(c, k, s->t1, lately[w]))
                own = 1;
    }
    return noun && own;
}
