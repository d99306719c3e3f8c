/* extract_meet_undated.c: the words that alone time talks or a meeting left without a
 * date, which a publication date would place: a weekday or a day counted from it ("On
 * Tuesday", "yesterday"), a week or an event's day ("last week", "on the opening day of
 * this year's fair", "开幕当天"), a month gone by when no publication date came ("earlier
 * this month"). Talks so timed are kept undated, those words quoted in their note. */
#include "extract_int.h"

#include <string.h>

/* The tokens of the weekday or day counted from the publication date ("On Tuesday",
 * "星期三", "yesterday") that alone dates meeting m when no publication day was given
 * (none, or one of a month or a year: "2026-11"): the day its sentence left unread, the
 * one meeting of that sentence or in its clause; 0 when none. Its first token in *u. */
static size_t unread_day(const ctx *c, const mention *m, size_t *u)
{
    const sent *s = &c->se[m->sent];
    size_t n = 0;
    if (m->date[0] != '\0' || (c->ry != 0 && c->rd != 0) || s->unread == 0)
        return 0;
    *u = s->unread - 1;
    if ((n = bcx_lex_find(c, C_WEEKDAY, *u, NULL)) == 0 &&
        (n = bcx_lex_find(c, C_REL_DAY, *u, NULL)) == 0)
        return 0;
    if (bcx_lex_find(c, C_WEEKDAY, *u, NULL) > 0 && *u + n < s->t1)
        n += bcx_lex_find(c, C_REL_WEEK, *u + n, NULL); /* "Thu Ba tuan truoc": its week too */
    /* another meeting of the sentence may own the words past a comma; not one named only
     * as the talks' occasion ("to prepare for the conference") */
    int others = 0;
    for (size_t k = 0; k < c->nm && s->nment > 1; k++)
        others += c->m[k].sent == m->sent && &c->m[k] != m && !bcx_occasion_of(c, &c->m[k]);
    if (others > 0 && bcx_commas(c, *u < m->t0 ? *u : m->t1 - 1, *u < m->t0 ? m->t0 : *u) != 0)
        return 0;
    return n;
}

/* The tokens of the words that alone time talks m that took place, undated, when a
 * publication date would place them but no date can hold what they say or none came: a
 * week or an event's day ("last week", "on the opening day of this year's fair", "开幕当天"),
 * or a month gone by counted from a publication date that was not given ("earlier this
 * month"); in the talks' clause or the clause opening their sentence before them, never
 * another clause's ("At talks in Lang Son, they agreed to open a lane this week"). 0 when
 * none. Its first token in *u; *span 1 when the words hold no day or month a date can, 2
 * when they are a month. */
/* 1 when sentence si names its event as this or last year's ("this year's fair", "本届",
 * "arets massa"): an event's day it names is one a publication date would place. */
static int event_of_a_year(const ctx *c, size_t si)
{
    static const char *const words[] = {"本届", "arets", "ubiegloroczn", NULL};
    if (bcx_sent_has(c, si, C_THIS_YEAR, -1) || bcx_sent_has(c, si, C_LAST_YEAR, -1))
        return 1;
    for (size_t k = c->se[si].t0; k < c->se[si].t1; k++)
        for (int w = 0; words[w]; w++)
            if (bcx_words_at(c, k, c->se[si].t1, words[w]) > 0)
                return 1;
    return 0;
}

static size_t rel_time(const ctx *c, const mention *m, size_t *u, int *span)
{
    const sent *s = &c->se[m->sent];
    const bc_lex *e = NULL;
    size_t n = 0;
    if (m->xkind != BC_XM_TALKS || m->date[0] != '\0' || m->date_doubts != 0 || m->planned > 0 ||
        s->future)
        return 0;
    for (size_t k = s->t0; k < s->t1 && n == 0; k++) {
        int clause = k < m->t0 ? bcx_commas(c, k, m->t0) == 0 || bcx_commas(c, s->t0, k) == 0
                               : bcx_commas(c, m->t1 - 1, k) == 0;
        *u = k;
        *span = 1;
        if (clause && (n = bcx_lex_find(c, C_REL_SPAN, k, &e)) > 0 && e->val == 1 &&
            !event_of_a_year(c, m->sent))
            n = 0; /* "On the first day of the Lunar New Year": a day no publication places */
        else if (n > 0) {
            /* the event's year: "the opening day of this year's" */
            for (size_t j = k + n; j < s->t1 && j < k + n + 3 && !bcx_commas(c, k, j + 1); j++) {
                size_t y = bcx_lex_find(c, C_THIS_YEAR, j, NULL);
                y = y > 0 ? y : bcx_lex_find(c, C_LAST_YEAR, j, NULL);
                if (y > 0 &&
                    c->t[j + y - 1].end - c->t[k].start < sizeof c->out->meetings[0].day_word) {
                    n = j + y - k;
                    break;
                }
            }
        } else if (clause && c->ry == 0 && (n = bcx_lex_find(c, C_REL_MONTH, k, &e)) > 0) {
            *span = 2;
            /* a month gone by, or talks their words say took place; not "Talks ... are a
             * priority this month" (as a publication date would read them) */
            if (!(e->val < 0 || bcx_word_is(c, k, k + n, "earlier") ||
                  bcx_word_is(c, k, k + n, "plus") || m->previous || bcx_talks_held(c, m->sent) ||
                  m->planned < 0 || bcx_talks_past_verb(c, m)))
                n = 0;
        }
    }
    int others = 0;
    for (size_t k = 0; n > 0 && k < c->nm && s->nment > 1; k++)
        others += c->m[k].sent == m->sent && &c->m[k] != m && !bcx_occasion_of(c, &c->m[k]);
    if (others > 0 && bcx_commas(c, *u < m->t0 ? *u : m->t1 - 1, *u < m->t0 ? m->t0 : *u) != 0)
        return 0;
    return n;
}

size_t bcx_undated_words(const ctx *c, const mention *m, size_t *u, int *span)
{
    size_t n = unread_day(c, m, u);
    *span = 0;
    return n > 0 ? n : rel_time(c, m, u, span);
}
