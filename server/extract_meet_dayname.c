/* extract_meet_dayname.c: a Dutch meeting named by its day after "van" ("De ontmoeting
 * van maandag volgde kort op een werksessie ...", "het overleg van 12 maart", "De gesprekken
 * van dinsdag"), as English names one by a day before it ("Monday's meeting", "the June 12
 * session"): the day is that meeting's, not that of other talks its sentence tells of; an
 * English one named so after "at" or "during" is the occasion of what its sentence says. */
#include "extract_int.h"

#include <stdlib.h>
#include <string.h>

size_t bcx_nl_named_by(const ctx *c, size_t si, size_t i)
{
    size_t hi = c->se[si].t1, n = bcx_lex_find(c, C_TALKS, i, NULL);
    if (c->lbit != L_NL)
        return 0;
    if (n == 0)
        n = bcx_lex_find(c, C_MEET, i, NULL);
    /* a noun, then "van" and the day at once, nothing between */
    if (n == 0 || i + n + 1 >= hi || !bcx_word_is(c, i + n, hi, "van") ||
        (bcx_gap(c, i + n - 1) & ~(unsigned)G_SPACE) || (bcx_gap(c, i + n) & ~(unsigned)G_SPACE))
        return 0;
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
        const xd *d = &c->d[k];
        if (d->t0 == i + n + 1 && (d->prec >= 2 || d->weekday) && !d->span[0])
            return k + 1;
    }
    return 0;
}

/* The one date of sentence si, of a month or a day, written as such (no day counted from
 * another, no relative or span, none said, signed or a deadline); NULL when it has none or
 * more than one. */
static const xd *only_date_of(const ctx *c, size_t si)
{
    const xd *day = NULL;
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
        const xd *d = &c->d[k];
        if (day != NULL || d->prec < 2 || d->same_day || d->rel || d->span[0] || d->used ||
            bcx_said_on(c, d) || bcx_deadline_day(c, d) || bcx_signed_on(c, d))
            return NULL;
        day = d;
    }
    return day;
}

/* 1 when no meeting of m's sentence is named after m: "Die" in the next sentence is m. */
static int named_last(const ctx *c, const mention *m)
{
    for (size_t k = 0; k < c->nm; k++)
        if (c->m[k].sent == m->sent && c->m[k].t0 > m->t0)
            return 0;
    return 1;
}

/* 1 when sentence si opens with "Die" or "Deze" and one of verbs right after it. */
static int opens_that(const ctx *c, size_t si, const char *const *verbs)
{
    size_t s0 = c->se[si].t0, hi = c->se[si].t1;
    if (!bcx_word_is(c, s0, hi, "die") && !bcx_word_is(c, s0, hi, "deze"))
        return 0;
    for (int w = 0; verbs[w]; w++)
        if (bcx_word_is(c, s0 + 1, hi, verbs[w]))
            return 1;
    return 0;
}

const xd *bcx_nl_then_held(const ctx *c, const mention *m)
{
    static const char *const held[] = {"vond", "vonden", "werd", "werden", NULL};
    size_t si = m->sent + 1;
    if (c->lbit != L_NL || m->date[0] || m->planned > 0 || si >= c->ns || bcx_new_paragraph(c, si))
        return NULL;
    if (bcx_sent_has(c, si, C_FUTURE, -1))
        return NULL; /* "Die werd ... gepland voor": to come (bcx_nl_then_planned) */
    if (!named_last(c, m) || !opens_that(c, si, held) ||
        !(bcx_sent_has(c, si, C_HELD, -1) || bcx_nl_takes_place(c, si) < 0) || c->se[si].nment > 0)
        return NULL;
    return only_date_of(c, si);
}

int bcx_nl_day_of_other(const ctx *c, const mention *m, const xd *d)
{
    size_t lo = c->se[m->sent].t0;
    if (c->lbit != L_NL || d->t0 < lo + 2 || !bcx_word_is(c, d->t0 - 1, d->t0, "van"))
        return 0;
    for (size_t k = d->t0 - 1; k > lo && k + 4 > d->t0; k--) {
        size_t q = k - 1;
        if (q >= m->t0 && q < m->t1)
            return 0; /* m's own noun: "de gesprekken van dinsdag" are m */
        if (bcx_nl_named_by(c, m->sent, q) == (size_t)(d - c->d) + 1)
            return 1;
    }
    return 0;
}

int bcx_at_named_day(const ctx *c, const mention *m)
{
    if (m->named_by == 0 || c->lbit != L_EN)
        return 0;
    const xd *d = &c->d[m->named_by - 1];
    size_t lo = c->se[m->sent].t0, k = d->t0;
    if (d->t1 > m->t0 || k == lo)
        return 0;
    if (bcx_word_is(c, k - 1, k, "the") && k - 1 > lo)
        k--; /* "the June 12 session" */
    return !(bcx_gap(c, k - 1) & (G_COMMA | G_DOT)) &&
           (bcx_word_is(c, k - 1, k, "at") || bcx_word_is(c, k - 1, k, "during"));
}

int bcx_nl_name_year_day(ctx *c, mention *m)
{
    size_t si = m->sent + 1;
    if (c->lbit != L_NL || strlen(m->date) != 4 || m->date_src != 1 || m->planned > 0 ||
        si >= c->ns || bcx_nl_back_name_year(c, si) != atoi(m->date))
        return 0;
    if (!(bcx_sent_has(c, si, C_HELD, -1) || bcx_nl_takes_place(c, si) < 0))
        return 0;
    mention *that = NULL;
    for (size_t k = 0; k < c->nm; k++) {
        const mention *o = &c->m[k];
        if (o->sent == m->sent && o->t0 > m->t0)
            return 0; /* "Die" is the last meeting named, not m */
        if (o->sent == si && (that != NULL || o->noun != c->se[si].t0 + 1))
            return 0; /* another meeting of that sentence */
        if (o->sent == si)
            that = &c->m[k];
    }
    const xd *day = NULL;
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
        const xd *d = &c->d[k];
        if (day != NULL || d->prec != 3 || d->same_day || d->rel || d->span[0] || d->inferred ||
            strncmp(d->iso, m->date, 4) != 0 || bcx_said_on(c, d) || bcx_deadline_day(c, d) ||
            bcx_signed_on(c, d))
            return 0;
        day = d;
    }
    if (day == NULL)
        return 0;
    copy_str(m->date, sizeof m->date, day->iso);
    m->date_sent = si + 1, m->back_tense = -1;
    if (that != NULL) /* it is m again, stated in m's quotes */
        that->date[0] = '\0', that->date_src = 0;
    return 1;
}

const xd *bcx_nl_then_planned(const ctx *c, const mention *m)
{
    static const char *const is[] = {"staat", "staan", "is", "zijn", NULL};
    size_t si = m->sent + 1;
    if (c->lbit != L_NL || m->date[0] || m->planned < 0 || si >= c->ns ||
        bcx_new_paragraph(c, si) || c->se[si].nment > 0)
        return NULL;
    if (!named_last(c, m) || !opens_that(c, si, is) ||
        !bcx_word_is(c, c->se[si].t0 + 2, c->se[si].t1, "gepland"))
        return NULL;
    return only_date_of(c, si);
}

int bcx_nl_talks_back(ctx *c, mention *m)
{
    if (c->lbit != L_NL || m->date[0] || m->planned > 0 || m->xkind == BC_XM_TALKS)
        return 0;
    mention *t = NULL;
    for (size_t k = 0; k < c->nm; k++) {
        mention *o = &c->m[k];
        if (o == m || o->sent < m->sent || (o->sent == m->sent && o->t0 < m->t0))
            continue;
        if (t == NULL || o->sent < t->sent || (o->sent == t->sent && o->t0 < t->t0))
            t = o; /* the first meeting told after m */
    }
    if (t == NULL || t->sent == m->sent || t->sent > m->sent + 2 || t->xkind != BC_XM_TALKS ||
        t->planned > 0 || t->date_src != 1 || t->noun != c->se[t->sent].t0 + 1 ||
        !(bcx_word_is(c, c->se[t->sent].t0, t->noun, "het") ||
          bcx_word_is(c, c->se[t->sent].t0, t->noun, "de")))
        return 0;
    size_t len = strlen(t->date);
    if (!(len == 10 || (len == 7 && t->date[0] == '-')))
        return 0;
    for (size_t k = 0; k < c->nm; k++)
        if (c->m[k].sent == t->sent && &c->m[k] != t)
            return 0; /* another meeting of its sentence */
    memcpy(m->date, t->date, sizeof m->date);
    m->date_inferred = t->date_inferred, m->date_src = 2, m->date_sent = t->sent + 1;
    t->date[0] = '\0', t->date_src = 0; /* it is m, stated in m's quotes */
    return 1;
}

void bcx_nl_sidelines_back(ctx *c, mention *m)
{
    if (c->lbit != L_NL || m->xkind != BC_XM_TALKS || m->mech != NULL || m->ord != 0 || m->sideline)
        return;
    for (size_t k = 0; k < c->nm; k++) {
        const mention *o = &c->m[k];
        if (o->xkind == BC_XM_TALKS && (o->sent < m->sent || (o->sent == m->sent && o->t0 < m->t0)))
            return; /* the report's first talks only */
    }
    for (size_t si = m->sent + 1; si < c->ns && si <= m->sent + 12; si++) {
        size_t s0 = c->se[si].t0, hi = c->se[si].t1, n = 0;
        if (s0 + 2 >= hi || !(bcx_word_is(c, s0, hi, "het") || bcx_word_is(c, s0, hi, "de")) ||
            (n = bcx_lex_find(c, C_TALKS, s0 + 1, NULL)) == 0)
            continue;
        int own = 0; /* talks of that sentence's own are no pointing back */
        for (size_t k = 0; k < c->nm && !own; k++)
            own = c->m[k].sent == si && c->m[k].xkind == BC_XM_TALKS;
        /* "Het overleg vond plaats in de marge van de Voorjaarsontmoeting 2019": the talks
         * the report told are a meeting of their own, beside that one */
        if (!own && bcx_range_has(c, s0 + 1 + n, hi, C_SIDELINES, -1)) {
            m->sideline = 1;
            return;
        }
    }
}
