/* extract_meet_after.c: a meeting told as following right after the one the sentence before
 * dated by its month ("In februari kwamen de partijsecretarissen ... samen op de jaarlijkse
 * voorjaarsontmoeting. Aansluitend hield het gezamenlijk werkcomité er zijn zestiende
 * zitting", "Immediately afterwards, the joint working committee held its 16th meeting"):
 * that month is its month too. A day is not carried: right after may be the next day. And a
 * meeting a clause of when after a date things are counted from says was held then ("De
 * voorjaarsontmoeting bestaat sinds 2016, toen de eerste editie werd gehouden"): that date;
 * so is that of a sentence telling only when and where something happened, for meetings of
 * the next one opening "Daar" ("Dat gebeurde eind maart in Ha Giang. Daar kwamen ... bijeen",
 * "Op 30 maart was de partijleider van Lang Son al in Nanning. Daar sprak hij met ..."),
 * and that of a time to come the sentence before tells, for a meeting said to take place
 * "dan" ("Daar komt volgend jaar een eerste kans voor. De 14e vergadering ... staat dan op het
 * programma"); a Dutch meeting "Tegelijk met die bijeenkomst" takes the date of the meeting the
 * sentence before named. */
#include "extract_int.h"

#include <string.h>

const xd *bcx_right_after_month(const ctx *c, const mention *m)
{
    static const char *const after[] = {"aansluitend",
                                        "direct daarna",
                                        "meteen daarna",
                                        "vlak daarna",
                                        "onmiddellijk daarna",
                                        "immediately afterwards",
                                        "immediately after that",
                                        "right afterwards",
                                        "right after that",
                                        NULL};
    size_t si = m->sent, s0 = c->se[si].t0, hi = c->se[si].t1;
    int opens = 0;
    if ((c->lbit != L_NL && c->lbit != L_EN) || m->date[0] || si == 0 ||
        c->se[si].d0 != c->se[si].d1 || bcx_new_paragraph(c, si) || c->se[si - 1].nment == 0)
        return NULL;
    for (int w = 0; after[w] && !opens; w++)
        opens = bcx_words_at(c, s0, hi, after[w]) > 0;
    if (!opens)
        return NULL;
    /* the meetings of the sentence before: one date among them, a month */
    const char *date = NULL;
    for (size_t k = 0; k < c->nm; k++) {
        const mention *o = &c->m[k];
        if (o->sent != si - 1)
            continue;
        if (!o->date[0] || (date != NULL && strcmp(date, o->date) != 0))
            return NULL;
        date = o->date;
    }
    for (size_t k = c->se[si - 1].d0; date != NULL && k < c->se[si - 1].d1; k++)
        if (c->d[k].prec == 2 && !strchr(c->d[k].iso, '/') && strcmp(c->d[k].iso, date) == 0)
            return &c->d[k];
    return NULL;
}

const xd *bcx_since_when_held(const ctx *c, const mention *m)
{
    static const char *const when[] = {"toen", "when", NULL};
    size_t si = m->sent, hi = c->se[si].t1;
    if ((c->lbit != L_NL && c->lbit != L_EN) || m->date[0] || m->xkind == BC_XM_TALKS)
        return NULL;
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
        const xd *d = &c->d[k];
        if (d->t1 >= m->t0 || d->t1 >= hi || !(bcx_date_bound(c, d) & BCX_BOUND_SINCE) ||
            !(bcx_gap(c, d->t1 - 1) & G_COMMA) || (bcx_gap(c, d->t1 - 1) & G_DOT))
            continue;
        int opens = 0;
        for (int w = 0; when[w] && !opens; w++)
            opens = bcx_word_is(c, d->t1, hi, when[w]);
        /* the meeting in that clause, said to have been held in it */
        if (!opens || bcx_commas(c, d->t1, m->t0) > 0 || m->planned > 0)
            continue;
        for (size_t q = m->t1; q < hi && !(bcx_gap(c, q - 1) & (G_COMMA | G_DOT)); q++)
            if (bcx_lex_find(c, C_HELD, q, NULL) > 0)
                return d;
    }
    return NULL;
}

const xd *bcx_there_then_day(const ctx *c, const mention *m)
{
    static const char *const it[] = {"dat", "dit", "het", NULL};
    static const char *const happened[] = {"gebeurde", "vond", NULL};
    size_t si = m->sent, lo = c->se[si].t0, hi = c->se[si].t1;
    if (c->lbit != L_NL || m->date[0] || si == 0 || c->se[si].d0 != c->se[si].d1 ||
        bcx_new_paragraph(c, si) || !bcx_word_is(c, lo, hi, "daar") || lo + 1 >= hi ||
        (bcx_gap(c, lo) & (G_COMMA | G_DOT)) || c->t[lo + 1].kind != T_WORD ||
        bcx_lex_find(c, C_ARTICLE, lo + 1, NULL) > 0)
        return NULL;
    /* the sentence before: "Dat gebeurde eind maart in Ha Giang." (no meeting, one date) */
    size_t p0 = c->se[si - 1].t0, p1 = c->se[si - 1].t1;
    int opens = 0, verb = 0;
    for (int w = 0; it[w] && !opens; w++)
        opens = bcx_word_is(c, p0, p1, it[w]);
    for (int w = 0; happened[w] && opens && !verb; w++)
        verb = p0 + 1 < p1 && bcx_word_is(c, p0 + 1, p1, happened[w]);
    if (c->se[si - 1].nment > 0 || c->se[si - 1].d1 != c->se[si - 1].d0 + 1)
        return NULL;
    const xd *d = &c->d[c->se[si - 1].d0];
    /* or "Op 30 maart was de partijleider van Lang Son ... al in Nanning.": the day opening
     * it, then who was where ("was", "waren" right after the day) */
    size_t at = d->t0 > p0 && bcx_word_is(c, d->t0 - 1, d->t0, "op") ? d->t0 - 1 : d->t0;
    if (!verb && at == p0 && d->prec == 3 && d->t1 < p1 &&
        (bcx_word_is(c, d->t1, p1, "was") || bcx_word_is(c, d->t1, p1, "waren")))
        for (size_t k = p1 > d->t1 + 4 ? p1 - 4 : d->t1 + 1; k + 1 < p1 && !verb; k++)
            verb = bcx_word_is(c, k, p1, "in"); /* ending on where: "al in Nanning" */
    if (!verb)
        return NULL;
    if (d->prec == 0 || d->used || d->compare || d->dateline || d->rel || d->same_day ||
        strchr(d->iso, '/') != NULL)
        return NULL;
    return d;
}

const xd *bcx_then_to_come(const ctx *c, const mention *m)
{
    static const char *const verb[] = {"staat", "staan", "vindt",  "vinden", "komt",
                                       "komen", "wordt", "worden", "zal",    "zullen",
                                       "gaat",  "gaan",  NULL};
    size_t si = m->sent, lo = c->se[si].t0, hi = c->se[si].t1;
    int then = 0;
    if (c->lbit != L_NL || m->date[0] || si == 0 || c->se[si].d0 != c->se[si].d1 ||
        bcx_new_paragraph(c, si) || c->se[si - 1].nment > 0 || c->se[si - 1].heading ||
        c->se[si - 1].d1 != c->se[si - 1].d0 + 1)
        return NULL;
    /* "staat dan op het programma", "vindt dan plaats": "dan" right after the verb, no
     * comparison ("meer dan") */
    for (size_t k = lo + 1; k < hi && !then; k++)
        for (int w = 0; verb[w] && !then; w++)
            then = bcx_word_is(c, k, hi, "dan") && bcx_word_is(c, k - 1, hi, verb[w]) &&
                   !(bcx_gap(c, k - 1) & (G_COMMA | G_DOT));
    const xd *d = &c->d[c->se[si - 1].d0];
    /* or the next meeting of its kind, to come, after a sentence that opens with next year
     * ("Volgend jaar is Guangxi opnieuw aan de beurt. De vijf spraken af dat de volgende
     * voorjaarsontmoeting in Nanning wordt georganiseerd") */
    if (!then && m->planned > 0 && m->xkind != BC_XM_TALKS && d->t0 == c->se[si - 1].t0 &&
        bcx_lex_find(c, C_NEXT_YEAR, d->t0, NULL) > 0 && m->t0 > lo &&
        bcx_lex_find(c, C_FUTURE, m->t0 - 1, NULL) > 0)
        then = 1;
    if (!then)
        return NULL;
    if (d->prec == 0 || d->used || d->compare || d->dateline || d->rel || d->same_day ||
        strchr(d->iso, '/') != NULL || !bcx_after_report(c, d->iso))
        return NULL;
    return d;
}

const xd *bcx_at_that_meetings_time(const ctx *c, const mention *m)
{
    size_t si = m->sent, s0 = c->se[si].t0, hi = c->se[si].t1;
    if (c->lbit != L_NL || m->date[0] || si == 0 || c->se[si].d0 != c->se[si].d1 ||
        bcx_new_paragraph(c, si) || c->se[si - 1].heading || s0 + 3 >= hi ||
        bcx_words_at(c, s0, hi, "tegelijk met") != 2 ||
        !(bcx_word_is(c, s0 + 2, hi, "die") || bcx_word_is(c, s0 + 2, hi, "deze")) ||
        !(bcx_lex_find(c, C_MEET, s0 + 3, NULL) > 0 || bcx_lex_find(c, C_TALKS, s0 + 3, NULL) > 0))
        return NULL;
    /* the meetings of the sentence before: one date among those dated */
    const char *date = NULL;
    for (size_t k = 0; k < c->nm; k++) {
        const mention *o = &c->m[k];
        if (o->sent != si - 1 || !o->date[0])
            continue;
        if (date != NULL && strcmp(date, o->date) != 0)
            return NULL;
        date = o->date;
    }
    for (size_t k = c->se[si - 1].d0; date != NULL && k < c->se[si - 1].d1; k++)
        if (!strchr(c->d[k].iso, '/') && strcmp(c->d[k].iso, date) == 0)
            return &c->d[k];
    return NULL;
}
