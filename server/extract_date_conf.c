/* extract_date_conf.c: how sure a meeting's date is, from how it was attached to the
 * meeting rather than from the words around it. A date attached in a way that the blind
 * dev pools of rounds 12, 14 and 16 (measured while unseen) found wrong more often than
 * right is withheld: the meeting stays, undated (a miss, not a wrong value). The studies are
 * tests/eval/rounds/round18-date-confidence.md and round19-date-confidence.md (pools 18 and
 * 19: a year its passage says otherwise, extract_date_context.c). */
#include "bordercoop/extract.h"
#include "extract_int.h"

#include <string.h>

/* 1 when date d of the text is written as the meeting date s ("2024-06-12" from a day or
 * from a span of days starting then, "2025" from a period within 2025). */
static int writes(const xd *d, const char *s)
{
    size_t n = strlen(s);
    if (n == 0)
        return 0;
    if (strcmp(d->iso, s) == 0 || strcmp(d->span, s) == 0)
        return 1;
    return strncmp(d->iso, s, n) == 0 && d->iso[n] == '/';
}

/* 1 when date d of a sentence may be a meeting's: not the dateline, not a figure's period. */
static int free_date(const xd *d)
{
    return !d->dateline && d->used != 2;
}

/* The tokens between date d and mention m (0: adjacent, or d within m's words). */
static size_t gap_to(const mention *m, const xd *d)
{
    return d->t0 >= m->t1 ? d->t0 - m->t1 : m->t0 > d->t1 ? m->t0 - d->t1 : 0;
}

/* The tokens between the noun of mention m and the number of date d ("2023" of "in 2023";
 * d's first token when it writes none): 0 when right after it or among m's words before
 * it ("the 2023 Spring Meeting", "the Spring Meeting 2025"), 1 for "the Spring Meeting in
 * 2023". */
static size_t number_gap(const ctx *c, const mention *m, const xd *d)
{
    size_t q = d->t0;
    while (q + 1 < d->t1 && !(c->s[c->t[q].start] >= '0' && c->s[c->t[q].start] <= '9'))
        q++;
    if (q >= m->noun_end)
        return q - m->noun_end;
    return q >= m->t0 ? 0 : m->t0 - (q + 1);
}

/* 1 when another meeting of m's sentence, before date d, took the same date: d stands in
 * that one's clause and m is told with it ("... will be held in Lai Chau in October, along
 * with the 11th meeting"). */
static int date_of_one_before(const ctx *c, const mention *m, const xd *d)
{
    for (size_t k = 0; k < c->nm; k++) {
        const mention *o = &c->m[k];
        if (o != m && o->sent == m->sent && o->t1 <= d->t0 && strcmp(o->date, m->date) == 0)
            return 1;
    }
    return 0;
}

/* The date of m's sentence m's date is written as, the nearest to m; NULL when its
 * sentence writes none (it comes from another sentence or another mention). */
static const xd *source_of(const ctx *c, const mention *m)
{
    const sent *s = &c->se[m->sent];
    const xd *best = NULL;
    for (size_t k = s->d0; k < s->d1; k++) {
        const xd *d = &c->d[k];
        if (free_date(d) && writes(d, m->date) && (best == NULL || gap_to(m, d) < gap_to(m, best)))
            best = d;
    }
    return best;
}

unsigned bcx_date_doubts(const ctx *c, const mention *m)
{
    unsigned doubts = 0;
    if (m->date[0] == '\0')
        return 0;
    const xd *d = source_of(c, m);
    /* a year written as part of the meeting's name, right beside its noun ("the 2023 Spring
     * Meeting", "the Spring Meeting 2025"), while its sentence writes a month or a day: the
     * year says which edition, the day or month it was held is elsewhere in the sentence
     * and was not attached ("the 2023 Spring Meeting ..., which was hosted ... on Feb. 22").
     * A year said as its time ("in 2023", "earlier this year", "明年") is not doubted.
     * Blind pools: 2 wrong of 2 (round 16), none right; dev (tuned on): 1 right withheld. */
    if (strlen(m->date) == 4 && d != NULL && number_gap(c, m, d) == 0) {
        const sent *s = &c->se[m->sent];
        for (size_t k = s->d0; k < s->d1 && !(doubts & BC_XD_YEAR_BESIDE_DAY); k++)
            if (free_date(&c->d[k]) && (c->d[k].prec >= 2 || c->d[k].span[0]))
                doubts |= BC_XD_YEAR_BESIDE_DAY;
    }
    /* a meeting to come that took, itself, a calendar date written before it across a
     * clause break, in the middle of its sentence: that clause tells when something else
     * was decided, signed or opened ("Under the agreement reached on January 8, the next
     * round of talks will take place", "..., which signed an agreement on September 4,
     * 2013, plan to hold a ceremony"). Not doubted: a date that opens the sentence or a
     * clause (it frames what follows), a day counted from the report's ("today", "on
     * Friday": the story's own week), a date another meeting before it took (it stands in
     * that one's clause). Blind pools: 2 wrong of 2 (round 16), none right; dev (tuned on):
     * 1 right withheld. */
    if (m->planned > 0 && m->date_src == 1 && d != NULL && !d->weekday && d->t1 <= m->t0 &&
        bcx_commas(c, d->t1 - 1, m->t0) > 0 && !bcx_opens_clause(c, m->sent, d) &&
        !date_of_one_before(c, m, d))
        doubts |= BC_XD_EARLIER_CLAUSE;
    return doubts;
}

double bcx_date_confidence(unsigned doubts)
{
    double conf = 1.0;
    for (unsigned bit = 1; bit != 0 && bit <= doubts; bit <<= 1)
        if (doubts & bit)
            conf -= 0.4; /* one doubt alone is enough to fall below BC_X_MIN_CONFIDENCE */
    return conf < 0 ? 0 : conf;
}

/* What the passage of mention k says of its date's year (bcx_date_year_context): a date
 * the text fixes replaces it, one it leaves unfixed is doubted; so too for the meetings of
 * its sentence that took its date from it ("联工委第九次会晤同期召开"). */
static void weigh_year_context(ctx *c, size_t k)
{
    mention *m = &c->m[k];
    char before[sizeof m->date];
    memcpy(before, m->date, sizeof before);
    int r = bcx_date_year_context(c, m);
    if (r == 0)
        return;
    if (r < 0)
        m->date_doubts |= BC_XD_YEAR_CONTEXT;
    for (size_t q = 0; q < c->nm; q++) {
        mention *o = &c->m[q];
        if (q == k || o->sent != m->sent || o->date_src != 2 || strcmp(o->date, before) != 0)
            continue;
        if (r < 0)
            o->date_doubts |= BC_XD_YEAR_CONTEXT;
        else
            memcpy(o->date, m->date, sizeof o->date), o->date_inferred = m->date_inferred;
    }
}

void bcx_weigh_dates(ctx *c)
{
    for (size_t k = 0; k < c->nm; k++)
        c->m[k].date_doubts = 0;
    for (size_t k = 0; k < c->nm; k++)
        weigh_year_context(c, k);
    for (size_t k = 0; k < c->nm; k++) {
        mention *m = &c->m[k];
        m->date_doubts |= bcx_date_doubts(c, m);
        /* a date refused as a guess (bcx_completion_doubt) and none found elsewhere: the
         * meeting is kept undated, and the doubt says why */
        if (m->date_refused && m->date[0] == '\0')
            m->date_doubts |= m->date_refused;
        m->date_conf = bcx_date_confidence(m->date_doubts);
        if (m->date_conf >= BC_X_MIN_CONFIDENCE)
            continue;
        m->date[0] = '\0';
        m->date_period[0] = '\0';
        m->date_inferred = 0;
        m->date_src = 0;
    }
}
