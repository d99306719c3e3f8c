/* The dates of one meeting told in several places of an article, reconciled: a meeting is one
 * fact with several citations, and it takes the fullest date its mentions state together
 * when they agree (a year written in one, the day and month in another). Runs inside the
 * dedup of extract.c, after the restatements that agree were merged. */
#include "bordercoop/alloc.h"
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The parts of a meeting's date: year (0: none stated), month and day (0: none). A year
 * completed from the reference date counts as none, beside *guess. Returns 0 for no date. */
static int parts(const bc_xmeeting *m, int *y, int *mo, int *d, int *guess)
{
    const char *s = m->date;
    *y = *mo = *d = *guess = 0;
    if (s[0] == '\0')
        return 0;
    if (s[0] == '-')
        return sscanf(s, "--%2d-%2d", mo, d) == 2;
    int n = sscanf(s, "%4d-%2d-%2d", y, mo, d);
    if (n < 1)
        return 0;
    if (m->date_inferred == BC_X_INFERRED_DATE)
        return 0; /* a day counted from the reference date: nothing of it is written */
    if (m->date_inferred) {
        *guess = *y;
        *y = 0;
    }
    return 1;
}

/* The fullest date meetings a and b state together into out (16 bytes), when every part
 * both state is the same and the union states more than each: 1 and *inferred (the year
 * only a reference date gives), else 0. */
static int combine(const bc_xmeeting *a, const bc_xmeeting *b, char *out, int *inferred)
{
    int ya, ma, da, ga, yb, mb, db, gb;
    if (!parts(a, &ya, &ma, &da, &ga) || !parts(b, &yb, &mb, &db, &gb))
        return 0;
    if ((ya && yb && ya != yb) || (ma && mb && ma != mb) || (da && db && da != db))
        return 0;
    int y = ya ? ya : yb, mo = ma ? ma : mb, d = da ? da : db;
    /* a stated year beats a completed one; two completed ones must agree */
    int g = (ga && gb && ga != gb) ? -1 : (ga ? ga : gb);
    if (g < 0 && y == 0)
        return 0;
    int fa = (ya != 0) + (ma != 0) + (da != 0), fb = (yb != 0) + (mb != 0) + (db != 0);
    int f = (y != 0) + (mo != 0) + (d != 0);
    if (f <= fa || f <= fb || (d && !mo))
        return 0;
    *inferred = 0;
    if (y == 0 && g > 0) {
        y = g;
        *inferred = BC_X_INFERRED_YEAR;
    }
    if (y && mo && d)
        snprintf(out, 16, "%04d-%02d-%02d", y, mo, d);
    else if (y && mo)
        snprintf(out, 16, "%04d-%02d", y, mo);
    else if (mo && d)
        snprintf(out, 16, "--%02d-%02d", mo, d);
    else
        return 0;
    return 1;
}

/* The parts meeting m's date states, as bits (1 year, 2 month, 4 day; a year only completed
 * is none): 0 for no date. combine completes a date only by one that states a part it
 * does not, and the other way round. */
static unsigned date_mask(const bc_xmeeting *m)
{
    int y, mo, d, g;
    return parts(m, &y, &mo, &d, &g) ? (y ? 1u : 0u) | (mo ? 2u : 0u) | (d ? 4u : 0u) : 0u;
}

/* 1 when dates of masks a and b may combine: each states a part the other does not */
static int masks_complete(unsigned a, unsigned b)
{
    return a != 0 && b != 0 && (a | b) != a && (a | b) != b;
}

static void take(bc_xmeeting *a, const bc_xmeeting *b, const char *date, int inferred)
{
    bcx_merge_meeting(a, b);
    snprintf(a->date, sizeof a->date, "%s", date);
    a->date_inferred = inferred;
    a->period[0] = '\0';
}

/* 1 when meeting m states a year itself (neither completed nor none) */
static int states_year(const bc_xmeeting *m)
{
    return m->date[0] && m->date[0] != '-' && !m->date_inferred;
}

/* 1 when meeting m writes a day and month without the year ("--03-22", or a year completed
 * from the reference date) */
static int yearless_day(const bc_xmeeting *m)
{
    size_t n = strlen(m->date);
    return (n == 7 && m->date[0] == '-') || (n == 10 && m->date_inferred == BC_X_INFERRED_YEAR);
}

/* 1 when meetings a and b write the same month and day ("--03-22", "2019-03-22") */
static int same_month_day(const bc_xmeeting *a, const bc_xmeeting *b)
{
    size_t na = strlen(a->date), nb = strlen(b->date);
    return na >= 7 && nb >= 7 && a->date[na - 6] == '-' && b->date[nb - 6] == '-' &&
           strcmp(a->date + na - 5, b->date + nb - 5) == 0;
}

/* 1 when a sentence of meeting m tells its year relative to another (bcx_year_told_relative):
 * a year that is not the one another mention writes may be meant */
static int relative_year(const ctx *c, const bc_xmeeting *m)
{
    for (int k = 0; k < m->cite.nquotes; k++) {
        size_t si = bcx_sentence_at(c, m->cite.q[k].start);
        if (si < c->ns && bcx_year_told_relative(c, si))
            return 1;
    }
    return 0;
}

/* 1 when meeting i's number is of one body in the article: no meeting of that number names
 * another body. */
static int one_body_numbered(const ctx *c, const unsigned char *gone, size_t i)
{
    const bc_xmeeting *a = &c->out->meetings[i];
    for (size_t j = 0; j < c->out->nmeetings; j++) {
        const bc_xmeeting *b = &c->out->meetings[j];
        if (!gone[j] && b->ordinal == a->ordinal && b->mechanism[0] &&
            strcmp(a->mechanism, b->mechanism) != 0)
            return 0;
    }
    return 1;
}

/* 1 when every province meeting b's sentences name is one meeting a's name */
static int provinces_within(const bc_xmeeting *b, const bc_xmeeting *a)
{
    for (int k = 0; k < b->nprovinces; k++) {
        int have = 0;
        for (int q = 0; q < a->nprovinces && !have; q++)
            have = strcmp(a->provinces[q], b->provinces[k]) == 0;
        if (!have)
            return 0;
    }
    return 1;
}

/* 1 when meeting j, numbered without a body, may be meeting i of that number, no other
 * body's meeting of the number being told (one_body_numbered, asked by the caller): neither
 * its place, the kind of body its sentence names ("of the border committee") nor its parties
 * differ from i's */
static int number_alone_fits(const ctx *c, size_t i, size_t j)
{
    const bc_xmeeting *a = &c->out->meetings[i], *b = &c->out->meetings[j];
    return b->kind == BC_XM_NUMBERED &&
           !(a->place[0] && b->place[0] && strcmp(a->place, b->place) != 0) &&
           !(a->body_kind[0] && b->body_kind[0] && strcmp(a->body_kind, b->body_kind) != 0) &&
           !bcx_parties_apart(c, a->provinces, a->nprovinces, b->provinces, b->nprovinces) &&
           provinces_within(b, a);
}

/* Numbered meetings: the same number of the same named body is one meeting, and so is that
 * number told without the body ("At the 10th conference, held on March 22") when no other
 * body's meeting of that number is told and nothing of theirs differs (number_alone_fits). */
static void numbered(ctx *c, unsigned char *gone)
{
    bc_extraction *o = c->out;
    char d[16];
    int inf;
    /* the parts of each date (date_mask), read once: a pair is tried only when each states
     * a part the other does not (the only pairs combine completes) */
    unsigned *mask = bc_calloc(o->nmeetings + 1, sizeof *mask);
    if (mask == NULL)
        return; /* no memory: the mentions stay apart, as they were told */
    for (size_t i = 0; i < o->nmeetings; i++)
        mask[i] = date_mask(&o->meetings[i]);
    for (size_t i = 0; i < o->nmeetings; i++) {
        bc_xmeeting *a = &o->meetings[i];
        if (gone[i] || a->ordinal <= 0 || !a->mechanism[0])
            continue;
        int one_body = -1; /* one_body_numbered(i), read when first asked */
        for (size_t j = 0; j < o->nmeetings; j++) {
            const bc_xmeeting *b = &o->meetings[j];
            if (j == i || gone[j] || b->ordinal != a->ordinal || !masks_complete(mask[i], mask[j]))
                continue;
            if (!b->mechanism[0] && one_body < 0)
                one_body = one_body_numbered(c, gone, i);
            if ((b->mechanism[0] ? strcmp(a->mechanism, b->mechanism) != 0 || j < i
                                 : !one_body || !number_alone_fits(c, i, j)) ||
                strcmp(a->status, b->status) != 0 || !combine(a, b, d, &inf) ||
                relative_year(c, a) || relative_year(c, b))
                continue;
            take(a, b, d, inf);
            gone[j] = 1;
            mask[i] = date_mask(a);
        }
    }
    bc_free(mask);
}

size_t bcx_sentence_at(const ctx *c, size_t at)
{
    size_t lo = 0, hi = c->ns; /* the last sentence starting at or before at is in [lo, hi) */
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->se[mid].qs <= at)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

int bcx_year_told_relative(const ctx *c, size_t si)
{
    return c->se[si].unread || c->se[si].yearless || bcx_sent_has(c, si, C_LAST_YEAR, -1) ||
           bcx_sent_has(c, si, C_NEXT_YEAR, -1) || bcx_sent_has(c, si, C_THIS_YEAR, -1);
}

/* 1 when m is a spring meeting named without its body ("de Voorjaarsontmoeting 2023", "新春会晤"
 * of no members named): a meeting the body holds once a year, as a named mechanism's */
static int spring_named(const ctx *c, const bc_xmeeting *m)
{
    return m->kind == BC_XM_NAMED && !m->mechanism[0] && m->ordinal == 0 && m->cite.nquotes > 0 &&
           bcx_sent_has(c, bcx_sentence_at(c, m->cite.q[0].start), C_MEET, K_SPRING);
}

/* 1 when a and b are meetings of one body: its name, or both spring meetings of none */
static int same_body(const ctx *c, const bc_xmeeting *a, const bc_xmeeting *b)
{
    if (a->mechanism[0])
        return strcmp(a->mechanism, b->mechanism) == 0;
    return spring_named(c, a) && spring_named(c, b);
}

/* 1 when a spring meeting of a named body is told beside a, one of none: which body a day
 * told without one is of, is not said */
static int springs_of_bodies(const ctx *c, const unsigned char *gone, const bc_xmeeting *a)
{
    if (a->mechanism[0])
        return 0;
    for (size_t j = 0; j < c->out->nmeetings; j++) {
        const bc_xmeeting *b = &c->out->meetings[j];
        if (!gone[j] && b->mechanism[0] && b->cite.nquotes > 0 &&
            bcx_sent_has(c, bcx_sentence_at(c, b->cite.q[0].start), C_MEET, K_SPRING))
            return 1;
    }
    return 0;
}

/* 1 when meeting b's status is a's, or is "planned" only because a reference date gave its
 * day a later year while a is held */
static int status_agrees(const bc_xmeeting *a, const bc_xmeeting *b)
{
    return strcmp(a->status, b->status) == 0 ||
           (strcmp(a->status, "held") == 0 && !a->status_from_date && b->status_from_date &&
            b->date_inferred == BC_X_INFERRED_YEAR);
}

/* 1 when m is told as the body's meeting itself: named so, or read as talks only for its verb
 * ("The spring meeting opened in Nanning on February 27", "werd ... geopend") with no words
 * of talks of their own in its sentences and not as held ahead of it */
static int the_meeting_itself(const ctx *c, const bc_xmeeting *m)
{
    if (m->kind == BC_XM_NAMED)
        return 1;
    if (m->kind != BC_XM_TALKS || m->ahead_of)
        return 0;
    for (int k = 0; k < m->cite.nquotes; k++)
        if (bcx_sent_has(c, bcx_sentence_at(c, m->cite.q[k].start), C_TALKS, -1))
            return 0;
    return 1;
}

/* A named meeting of a body that meets once a year ("the 2019 spring meeting", "2023年…新春
 * 会晤") and a mention of that body's meeting that writes its day without the year are one
 * when the article states no other year for a meeting of that body, all its meetings are
 * of one status, and every such day is one day. */
static void named(ctx *c, unsigned char *gone)
{
    bc_extraction *o = c->out;
    char d[16];
    int inf;
    for (size_t i = 0; i < o->nmeetings; i++) {
        bc_xmeeting *a = &o->meetings[i];
        if (gone[i] || a->kind != BC_XM_NAMED || a->ordinal != 0 ||
            !(a->mechanism[0] ? !a->mechanism_inferred : spring_named(c, a)) || !states_year(a) ||
            a->sideline || springs_of_bodies(c, gone, a))
            continue;
        size_t day = SIZE_MAX;
        int fits = 1;
        for (size_t j = 0; j < o->nmeetings && fits; j++) {
            const bc_xmeeting *b = &o->meetings[j];
            if (j == i || gone[j] || !same_body(c, a, b))
                continue;
            if (states_year(b) && strncmp(a->date, b->date, 4) != 0)
                fits = 0; /* another year of the body: which one a day is, is not said */
            else if (b->ordinal != 0 || !status_agrees(a, b))
                fits = 0;
            else if (!states_year(b) && b->date[0]) {
                /* told after the name that writes the year, and no other year meant */
                if (!yearless_day(b) || !the_meeting_itself(c, b) || b->sideline ||
                    b->same_day_as || b->cite.nquotes == 0 || a->cite.nquotes == 0 ||
                    b->cite.q[0].start <= a->cite.q[0].start || relative_year(c, b) ||
                    (day != SIZE_MAX && !same_month_day(&o->meetings[day], b)))
                    fits = 0;
                else if (day == SIZE_MAX)
                    day = j;
            }
        }
        if (!fits || day == SIZE_MAX || !combine(a, &o->meetings[day], d, &inf))
            continue;
        for (size_t j = 0; j < o->nmeetings; j++) {
            bc_xmeeting *b = &o->meetings[j];
            if (j != i && !gone[j] && same_body(c, a, b) && !states_year(b) && b->date[0]) {
                if (j < i) {
                    take(b, a, d, inf);
                    gone[i] = 1;
                    break;
                }
                take(a, b, d, inf);
                gone[j] = 1;
            }
        }
    }
}

/* A meeting whose date writes a day without its year, by that month and day ("03-22") */
typedef struct day_alone {
    char md[6];
    size_t j;
} day_alone;

static int day_alone_cmp(const void *x, const void *y)
{
    const day_alone *a = x, *b = y;
    int d = strcmp(a->md, b->md);
    return d != 0 ? d : (a->j > b->j) - (a->j < b->j);
}

/* A meeting told with its full date and again with its day alone ("talks on August 26,
 * 2020", "the talks on August 26"; the year completed from the reference date, or none):
 * one, by dedup's rules, when the day alone is taken as that date. The days alone are
 * sorted by month and day once (none becomes one here), so a date meets only its own. */
static void full_and_day(ctx *c, unsigned char *gone)
{
    bc_extraction *o = c->out;
    day_alone *alone = bc_calloc(o->nmeetings + 1, sizeof *alone);
    size_t nalone = 0;
    if (alone == NULL)
        return; /* no memory: the mentions stay apart, as they were told */
    for (size_t j = 0; j < o->nmeetings; j++)
        if (yearless_day(&o->meetings[j])) {
            size_t n = strlen(o->meetings[j].date);
            memcpy(alone[nalone].md, o->meetings[j].date + n - 5, 6);
            alone[nalone++].j = j;
        }
    qsort(alone, nalone, sizeof *alone, day_alone_cmp);
    for (size_t i = 0; i < o->nmeetings; i++) {
        bc_xmeeting *a = &o->meetings[i];
        if (gone[i] || !states_year(a) || strlen(a->date) != 10 || relative_year(c, a))
            continue;
        size_t lo = 0, hi = nalone; /* the first of a's month and day */
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (strcmp(alone[mid].md, a->date + 5) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t r = lo; r < nalone && strcmp(alone[r].md, a->date + 5) == 0; r++) {
            size_t j = alone[r].j;
            bc_xmeeting *b = &o->meetings[j];
            if (j == i || gone[j] || !yearless_day(b) || !same_month_day(a, b) ||
                relative_year(c, b))
                continue;
            char was[16];
            int inferred = b->date_inferred;
            memcpy(was, b->date, sizeof was);
            memcpy(b->date, a->date, sizeof b->date);
            b->date_inferred = 0;
            int same = j < i ? bcx_same_meeting(c, j, i) : bcx_same_meeting(c, i, j);
            memcpy(b->date, was, sizeof was);
            b->date_inferred = inferred;
            if (!same)
                continue;
            char d[16];
            memcpy(d, a->date, sizeof d);
            if (j < i) {
                take(b, a, d, 0);
                gone[i] = 1;
                break;
            }
            take(a, b, d, 0);
            gone[j] = 1;
        }
    }
    bc_free(alone);
}

/* A meeting dated "the same day" as a day written before without its year takes the year
 * the meeting of that day now has, when every meeting of that day told before it has one
 * and the same. */
static void same_day(ctx *c, unsigned char *gone)
{
    bc_extraction *o = c->out;
    for (size_t i = 0; i < o->nmeetings; i++) {
        bc_xmeeting *b = &o->meetings[i];
        size_t n = strlen(b->date);
        if (gone[i] || !b->same_day_as || b->cite.nquotes == 0 || !yearless_day(b))
            continue;
        int year = 0, fits = 1;
        for (size_t j = 0; j < o->nmeetings && fits; j++) {
            const bc_xmeeting *a = &o->meetings[j];
            if (j == i || gone[j] || a->cite.nquotes == 0 ||
                a->cite.q[0].start >= b->cite.q[0].start || !same_month_day(a, b))
                continue;
            if (!states_year(a) || (year && year != atoi(a->date)))
                fits = 0;
            else
                year = atoi(a->date);
        }
        if (fits && year) {
            char d[16];
            snprintf(d, sizeof d, "%04d-%s", year, b->date + n - 5);
            memcpy(b->date, d, sizeof d);
            b->date_inferred = 0;
        }
    }
}

/* Which meeting (not gone) has a quote in each sentence: one[si] is its index, SIZE_MAX when
 * none, ONE_SEVERAL when several. Built once, and again after a merge moves quotes, so that
 * asking is not a walk over every meeting (a 1 MiB article tells thousands). */
#define ONE_SEVERAL (SIZE_MAX - 1)

static void only_ones(const ctx *c, const unsigned char *gone, size_t *one)
{
    for (size_t si = 0; si < c->ns; si++)
        one[si] = SIZE_MAX;
    for (size_t i = 0; i < c->out->nmeetings; i++) {
        const bc_xmeeting *m = &c->out->meetings[i];
        if (gone[i])
            continue;
        for (int k = 0; k < m->cite.nquotes; k++) {
            size_t si = bcx_sentence_at(c, m->cite.q[k].start);
            if (si < c->ns && one[si] != i)
                one[si] = one[si] == SIZE_MAX ? i : ONE_SEVERAL;
        }
    }
}

/* The one meeting (not gone) with a quote in sentence si: its index, SIZE_MAX when none or
 * several. */
static size_t only_one_in(const ctx *c, const size_t *one, size_t si)
{
    return si < c->ns && one[si] != ONE_SEVERAL ? one[si] : SIZE_MAX;
}

/* 1 when every kind of body sentence si names (by a meeting noun, a mechanism's name or short
 * name: conference, group, committee, spring meeting) sentence si - 1 names too. */
static int kinds_told_before(const ctx *c, size_t si)
{
    static const int cls[] = {C_MEET, C_MECH, C_MECH_SHORT};
    for (int k = K_CONF; k <= K_SPRING; k++) {
        int here = 0, before = 0;
        for (int q = 0; q < 3; q++) {
            here |= bcx_sent_has(c, si, cls[q], k);
            before |= bcx_sent_has(c, si - 1, cls[q], k);
        }
        if (here && !before)
            return 0;
    }
    return 1;
}

/* 1 when meeting m, a body's meeting dated only by its year, held (not only by its date),
 * and talks t of a day of no year, held (or to come only by the year a reference date gave
 * it) may be one: their dates combine into d (*inf) and their places do not differ. */
static int held_year_and_day(const ctx *c, const bc_xmeeting *m, const bc_xmeeting *t, char *d,
                             int *inf)
{
    int t_held = strcmp(t->status, "held") == 0 && !t->status_from_date;
    int t_guessed = t->status_from_date && t->date_inferred == BC_X_INFERRED_YEAR;
    return m->mechanism[0] && states_year(m) && strlen(m->date) <= 7 &&
           strcmp(m->status, "held") == 0 && (t_held || t_guessed) && !m->status_unsaid &&
           !m->status_from_date && !relative_year(c, m) &&
           !(m->place[0] && t->place[0] && strcmp(m->place, t->place) != 0) &&
           combine(m, t, d, inf);
}

/* Talks of no body or number, dated by a day of no year in a sentence of their own (no other
 * meeting told in it), not on the sidelines nor "the same day" as another: candidates. */
static int lone_talks(const ctx *c, const unsigned char *gone, const size_t *one, size_t i)
{
    const bc_xmeeting *t = &c->out->meetings[i];
    return !gone[i] && !t->mechanism[0] && t->ordinal == 0 && !t->sideline && !t->same_day_as &&
           t->cite.nquotes == 1 && yearless_day(t) && !relative_year(c, t) &&
           only_one_in(c, one, bcx_sentence_at(c, t->cite.q[0].start)) == i;
}

/* 1 when a meeting noun is the subject of sentence si: it opens the sentence, a few words
 * before it at most and no comma ("The 2026 Spring Meeting ... was held", "La réunion du
 * printemps 2026", "Vårmötet 2026", "Wiosenne spotkanie 2026") */
static int meeting_opens(const ctx *c, size_t si)
{
    size_t s0 = c->se[si].t0, hi = c->se[si].t1;
    for (size_t k = s0; k < hi && k < s0 + 4; k++) {
        if (bcx_lex_find(c, C_MEET, k, NULL) > 0)
            return 1;
        if (bcx_gap(c, k) & (G_COMMA | G_DOT | G_PAREN))
            return 0;
    }
    return 0;
}

/* A body's meeting dated by its year alone (or a month of it), held by its words, the one
 * meeting of its sentence and its subject, and the next sentence telling its day by a
 * pronoun or a meeting noun and a verb of taking place (bcx_pronoun_day: "The 2026 Spring
 * Meeting ... was held in Nanning. It took place on 22 March."), naming no meeting of its
 * own and, for a pronoun, in the same paragraph: that day with the year of the name, the
 * sentence cited. */
static void told_by_pronoun(ctx *c, const unsigned char *gone, size_t *one)
{
    bc_extraction *o = c->out;
    for (size_t i = 0; i < o->nmeetings; i++) {
        bc_xmeeting *a = &o->meetings[i];
        size_t len = strlen(a->date);
        if (gone[i] || a->kind == BC_XM_TALKS || !states_year(a) || (len != 4 && len != 7) ||
            strcmp(a->status, "held") != 0 || a->status_from_date || a->status_unsaid ||
            a->status_present || a->sideline || a->same_day_as || a->cite.nquotes == 0 ||
            a->cite.nquotes >= BC_X_MAX_QUOTES || relative_year(c, a))
            continue;
        size_t si = bcx_sentence_at(c, a->cite.q[a->cite.nquotes - 1].start);
        int pronoun = 0;
        if (si + 1 >= c->ns || c->se[si].heading || c->se[si + 1].nment > 0 ||
            only_one_in(c, one, si) != i || !meeting_opens(c, si))
            continue;
        const xd *day = bcx_pronoun_day(c, si + 1, &pronoun);
        if (day == NULL || (pronoun && bcx_new_paragraph(c, si + 1)))
            continue;
        bc_xmeeting b;
        memset(&b, 0, sizeof b);
        snprintf(b.date, sizeof b.date, "%.15s", day->iso);
        b.date_inferred = day->inferred ? BC_X_INFERRED_YEAR : 0;
        char d[16];
        int inf;
        if (!combine(a, &b, d, &inf) || strlen(d) != 10)
            continue;
        snprintf(a->date, sizeof a->date, "%s", d);
        a->date_inferred = inf;
        a->period[0] = '\0';
        bcx_cite_add(&a->cite, c->se[si + 1].qs, c->se[si + 1].qe);
        a->status_quotes |= 1u << (a->cite.nquotes - 1); /* "took place": held */
        only_ones(c, gone, one);
    }
}

void bcx_reconcile_next(ctx *c, unsigned char *gone)
{
    bc_extraction *o = c->out;
    char d[16];
    int inf;
    size_t *one = c->ns ? malloc(c->ns * sizeof *one) : NULL;
    if (one == NULL)
        return; /* no sentence, or no memory: the talks stay apart, as they were told */
    only_ones(c, gone, one);
    for (size_t i = 0; i < o->nmeetings; i++) {
        const bc_xmeeting *t = &o->meetings[i];
        if (!lone_talks(c, gone, one, i))
            continue;
        size_t si = bcx_sentence_at(c, t->cite.q[0].start), a = SIZE_MAX;
        /* talks whose sentence names every member of the body of a meeting of a year told
         * in the sentence before or after ("When the Party secretaries of Quang Ninh, Lang
         * Son, Cao Bang and Ha Giang sat down with their Guangxi counterpart in Nanning on
         * February 27, ... The 2024 Spring Meeting, ...") are that meeting */
        for (int side = 0; side < 2 && a == SIZE_MAX; side++) {
            size_t sj = side == 0 ? si - 1 : si + 1;
            if ((side == 0 && si == 0) || sj >= c->ns)
                continue;
            size_t k = only_one_in(c, one, sj);
            if (k != SIZE_MAX && o->meetings[k].kind != BC_XM_TALKS &&
                bcx_names_all_members(c, si, o->meetings[k].mechanism) &&
                held_year_and_day(c, &o->meetings[k], t, d, &inf))
                a = k;
        }
        /* talks that name nothing of their own, told in the sentence right after, called by
         * a meeting noun ("The meeting", "De bijeenkomst", "会晤", "The conference" after a
         * conference), not as talks or a working session of their own ("une séance de
         * travail"), nor by a kind of body the sentence before does not name ("The spring
         * meeting was held on February 22" after a working group's meeting) */
        if (a == SIZE_MAX && si > 0 && t->nprovinces == 0 && t->npeople == 0 &&
            bcx_sent_has(c, si, C_MEET, -1) && !bcx_sent_has(c, si, C_TALKS, -1) &&
            kinds_told_before(c, si)) {
            size_t k = only_one_in(c, one, si - 1);
            if (k != SIZE_MAX && held_year_and_day(c, &o->meetings[k], t, d, &inf))
                a = k;
        }
        if (a == SIZE_MAX)
            continue;
        take(&o->meetings[a], t, d, inf);
        gone[i] = 1;
        only_ones(c, gone, one);
    }
    told_by_pronoun(c, gone, one);
    free(one);
}

void bcx_reconcile_dates(ctx *c, unsigned char *gone)
{
    numbered(c, gone);
    named(c, gone);
    full_and_day(c, gone);
    same_day(c, gone);
}
