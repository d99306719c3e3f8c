/* extract_meet_date.c: the date of each mention. Its date is the date of its sentence
 * that is about it, never a period a figure took; coordinated meetings share one; a year
 * written in a meeting's name completes the day its sentence writes; "the same day" is
 * never the date of the next meeting. A date without a written year keeps the inference
 * mark the date finder gave it. */
#include "bordercoop/alloc.h"
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The precision of date d as a meeting's: a span of a few days is its first day's. */
static int mprec(const xd *d)
{
    return d->prec == 0 && d->span[0] ? 3 : d->prec;
}

/* 1 when date d is a period within one year ("het eerste kwartaal van volgend jaar",
 * "andra halvaret"): a meeting to come is dated by its year. */
static int year_period(const xd *d)
{
    const char *slash = strchr(d->iso, '/');
    return d->prec == 0 && !d->span[0] && slash != NULL && d->iso[0] != '-' &&
           strncmp(d->iso, slash + 1, 4) == 0;
}

/* mprec for mention m: a period within one year is a year for a meeting to come, said so
 * by its words or, when they say neither, by the period lying after the report's date
 * ("vindt in het tweede kwartaal van 2027 plaats", "takes place in the first half of 2027"):
 * its status then comes from that date. */
static int mprec_of(const ctx *c, const mention *m, const xd *d)
{
    return year_period(d) && (m->planned > 0 || (m->planned == 0 && bcx_after_report(c, d->iso)))
               ? 1
               : mprec(d);
}

/* 1 when date d is a span of three days or more and m a working visit: the visit lasts
 * them, its talks are on one of them. */
static int visit_span(const mention *m, const xd *d)
{
    const char *slash = strchr(d->iso, '/');
    if (!m->visit || !d->span[0] || slash == NULL)
        return 0;
    size_t half = (size_t)(slash - d->iso);
    return atoi(slash + 1 + half - 2) - atoi(d->iso + half - 2) >= 2;
}

/* 1 when date d after mention m lies in a relative clause of another noun: the clause
 * of m says it took place before a comma and a relative pronoun ("Het overleg vond plaats
 * in de marge van de handelsbeurs, die op 24 oktober werd geopend"); the meeting's own
 * relative clause ("the 10th meeting of the group, which took place in June") dates it. */
static int in_other_relative(const ctx *c, const mention *m, const xd *d)
{
    static const char *const rel[] = {"which", "who",    "die",      "dat",    "welke",
                                      "qui",   "lequel", "laquelle", "ktory",  "ktora",
                                      "ktore", "som",    "vilken",   "vilket", NULL};
    if (d->t0 < m->t1)
        return 0;
    size_t comma = SIZE_MAX;
    for (size_t q = d->t0; q > m->t1; q--)
        if (bcx_gap(c, q - 1) & G_COMMA) {
            comma = q;
            break;
        }
    if (comma == SIZE_MAX || comma >= d->t0)
        return 0;
    int relative = 0;
    for (int w = 0; rel[w] && !relative; w++)
        relative = bcx_words_at(c, comma, d->t0, rel[w]) > 0;
    return relative && bcx_range_has(c, m->t1, comma, C_HELD, -1);
}

/* The clause breaks among tokens [lo, hi) that break no clause: commas that separate two
 * names of a list ("越南河江、老街、莱州、奠边省", "Lai Chau, Lao Cai, Tuyen Quang": a known
 * name ends right before each and another begins right after it), and the brackets of a
 * short aside of at most four words ("thanh pho Mong Tu (chau Hong Ha) vao thang 11"). */
static size_t list_commas(const ctx *c, size_t lo, size_t hi)
{
    size_t n = 0;
    if (hi <= lo || c->pcomma[hi] == c->pcomma[lo])
        return 0;
    const sent *s = &c->se[c->t[lo].sent];
    for (size_t k = lo; k + 1 < hi; k++) {
        if ((c->gap[k] & (G_OPEN | G_COMMA | G_CLOSE)) == G_OPEN) {
            size_t j = k + 1;
            while (j < hi && j < k + 5 && !(c->gap[j] & (G_PAREN | G_COMMA | G_DOT)))
                j++;
            if (j < hi && j < k + 5 &&
                (c->gap[j] & (G_CLOSE | G_COMMA | G_DOT | G_OPEN)) == G_CLOSE) {
                n += 2;
                k = j;
            }
            continue;
        }
        if (!(c->gap[k] & G_COMMA) || (c->gap[k] & G_PAREN))
            continue;
        int ends = 0, starts = 0;
        for (size_t q = s->h0; q < s->h1 && !(ends && starts); q++) {
            ends = ends || c->h[q].t1 == k + 1;
            starts = starts || c->h[q].t0 == k + 1;
        }
        n += ends && starts;
    }
    return n;
}

/* 1 when date d stands in the relative clause of another meeting of its sentence that
 * comes before it and before mention m ("de twaalfde conferentie ..., die op 18 december
 * 2024 plaatsvond, en op die van de zestiende conferentie ..., die vorige maand ...": the
 * 18th of December is the twelfth's). Mentions idx[a..b) are the sentence's. */
static int in_relative_of(const ctx *c, const mention *m, const xd *d, const size_t *idx, size_t a,
                          size_t b)
{
    static const char *const rel[] = {"which", "who",   "die",   "dat", "welke",  "qui",
                                      "ktory", "ktora", "ktore", "som", "vilket", NULL};
    if (d->t1 > m->t0)
        return 0;
    for (size_t k = a; k < b; k++) {
        const mention *o = &c->m[idx[k]];
        if (o == m || o->t1 > d->t0)
            continue;
        size_t q = o->t1;
        while (q < d->t0 && !(bcx_gap(c, q - 1) & G_COMMA))
            q++;
        for (int w = 0; q < d->t0 && rel[w]; w++)
            if (bcx_words_at(c, q, d->t0, rel[w]) > 0)
                return 1;
    }
    return 0;
}

/* 1 when date d stands in mention m's own relative clause, however long m's name ("de
 * zestiende conferentie van het Gezamenlijk Werkcomite van Quang Ninh, ..., Ha Giang en
 * Guangxi, die vorige maand in Ha Long werd gehouden"): a comma and a relative pronoun
 * after m, no other meeting between, no clause break between the pronoun and the date. */
static int own_relative(const ctx *c, const mention *m, const xd *d, const size_t *idx, size_t a,
                        size_t b)
{
    static const char *const rel[] = {"which",     "who",         "die",    "dat",    "welke",
                                      "qui",       "ktory",       "ktora",  "ktore",  "som",
                                      "vilket",    "due to",      "slated", "set to", "to be held",
                                      "scheduled", "expected to", "held",   NULL};
    if (d->t0 < m->t1)
        return 0;
    for (size_t k = a; k < b; k++)
        if (c->m[idx[k]].t0 >= m->t1 && c->m[idx[k]].t0 < d->t0)
            return 0;
    for (size_t q = d->t0; q > m->t1; q--) {
        if (!(bcx_gap(c, q - 1) & G_COMMA))
            continue;
        for (int w = 0; rel[w]; w++)
            if (bcx_words_at(c, q, d->t0, rel[w]) > 0)
                return bcx_commas(c, q, d->t0) == 0;
        return 0; /* the last comma before the date opens no relative clause */
    }
    return 0;
}

/* 1 when date d is said to be when another meeting of m's sentence (mentions idx[a..b))
 * was held ("the 7th conference ..., held in Nanning last month, and of a video conference
 * ... on June 3": last month is the conference's). */
static int held_by_other(const ctx *c, const mention *m, const xd *d, const size_t *idx, size_t a,
                         size_t b)
{
    for (size_t k = a; k < b; k++) {
        const mention *o = &c->m[idx[k]];
        if (o != m && (bcx_held_on(c, o, d, idx, a, b) || own_relative(c, o, d, idx, a, b)))
            return 1;
    }
    return 0;
}

/* How far apart tokens a and b are, in words (two Chinese characters make one), with
 * eight more for every comma or bracket between them that is not one of a list of
 * names. */
static size_t clause_dist(const ctx *c, size_t a, size_t b)
{
    size_t lo = a < b ? a : b, hi = a < b ? b : a, han = bcx_han_tokens(c, lo, hi);
    return hi - lo - han + 8 * (bcx_commas(c, lo, hi) - list_commas(c, lo, hi)) + (han + 1) / 2;
}

/* 1 when talks m and a numbered or named meeting of its sentence (mentions idx[a..b))
 * both could take date d and the other lies nearer than cost (but for a day before one
 * named as their time: bcx_day_of_talks_ahead). */
static int closer_mention(const ctx *c, const mention *m, const xd *d, size_t cost,
                          const size_t *idx, size_t a, size_t b, int any)
{
    for (size_t k = a; (any || m->xkind == BC_XM_TALKS) && k < b; k++) {
        const mention *o = &c->m[idx[k]];
        if (o == m || (!any && o->xkind == BC_XM_TALKS) || bcx_day_of_talks_ahead(c, o, d))
            continue;
        size_t oc =
            d->t0 >= o->t1 ? clause_dist(c, o->t1 - 1, d->t0) : clause_dist(c, d->t1 - 1, o->t0);
        if (oc < cost)
            return 1;
    }
    return 0;
}

/* 1 when date d counts days from another ("la veille", "次日") and speaks of something
 * else than mention m: it stands after m past a comma, in a clause that does not say
 * something was held ("a recu jeudi matin son homologue, arrive la veille"; not "the
 * conference, which was held ... the previous day"), or before m past a comma, not opening
 * a clause. */
static int rel_apart(const ctx *c, const mention *m, const xd *d)
{
    if (d->rel == 0)
        return 0;
    if (d->t0 >= m->t1) {
        size_t q = d->t0;
        while (q > m->t1 && !(c->gap[q - 1] & G_COMMA))
            q--;
        return q > m->t1 && !bcx_range_has(c, q, d->t0, C_HELD, -1);
    }
    return bcx_commas(c, d->t1, m->t0) > 0 && !bcx_opens_clause(c, m->sent, d);
}

/* 1 when the sentence of talks m says they take or took place ("were held"), m's own words
 * say they took place ("the outcomes of a working session"), m is the one before the one
 * reported ("het vorige overleg"), or month d is gone by: d, a month, dates them. */
static int talks_took_place(const ctx *c, const mention *m, const xd *d)
{
    const bc_lex *e = NULL;
    if (m->previous || bcx_talks_held(c, m->sent) || m->planned < 0 || bcx_talks_past_verb(c, m))
        return 1;
    /* or the month is one gone by: "last month", "earlier this month", "november vorig jaar" */
    return (bcx_lex_find(c, C_REL_MONTH, d->t0, &e) > 0 &&
            (e->val < 0 || bcx_word_is(c, d->t0, d->t1, "earlier"))) ||
           (c->lbit == L_NL && bcx_range_has(c, d->t0, d->t1, C_LAST_YEAR, -1));
}

/* 1 when talks m, whose words say neither took place nor to come ("houden in mei volgend
 * jaar opnieuw overleg": the Dutch present), are dated by d, a date after the report's in
 * words not of the past: talks to come, which a month or a year dates. */
static int to_come(const ctx *c, const mention *m, const xd *d)
{
    return m->planned == 0 && c->t[d->t0].tense != TENSE_PAST && bcx_after_report(c, d->iso);
}

/* The date of mention m: a date of its sentence that is not a period a figure took and
 * not a span of several days or months. When the sentence mentions one meeting and has
 * one such date of month or day precision, that is its date wherever it stands ("On June
 * 12, ..., the 10th meeting was held"); otherwise the nearest within a clause or two, a
 * year alone only close by. Talks take days only. */
static const xd *meeting_date(const ctx *c, const mention *m, const size_t *idx, size_t a, size_t b)
{
    const xd *best = NULL, *only = NULL, *period = NULL;
    size_t best_cost = SIZE_MAX, fine = 0, periods = 0;
    size_t limit = m->xkind == BC_XM_TALKS ? 14 : 24;
    for (size_t k = c->se[m->sent].d0; k < c->se[m->sent].d1; k++) {
        const xd *d = &c->d[k];
        if (bcx_day_of_later_clause(c, m, d))
            continue; /* "...第十六次会议，今年3月18日双方还在谅山举行了春季会晤" */
        if (bcx_possessive_of_other(c, m, d))
            continue; /* "Tuesday's meeting followed the first conference": the meeting's */
        if (bcx_closing_day(c, d))
            continue; /* "which opened in Kunming on Monday, ended on Tuesday" */
        if (bcx_day_of_talks_ahead(c, m, d))
            continue; /* "held talks on 12 March ahead of the 17th conference" */
        if (bcx_day_after_other(c, m, d, idx, a, b))
            continue; /* "at the 2023 Spring Meeting in February, and that the 14th ..." */
        if (bcx_after_held_aside(c, m, d))
            continue; /* "De voorjaarsontmoeting, gehouden in Nanning, gaf ... in maart" */
        if (mprec_of(c, m, d) == 0 || d->used || bcx_said_on(c, d) || bcx_from_point(c, m, d) ||
            bcx_relative_of_other(c, m, d) || bcx_apposition_of_other(c, m, d) ||
            in_other_relative(c, m, d) ||
            (bcx_deadline_day(c, d) && !bcx_month_end_planned_zh(c, m, d)) || bcx_signed_on(c, d) ||
            visit_span(m, d) || bcx_opening_day(c, m, d) || bcx_apposed_to_other(c, m, d) ||
            rel_apart(c, m, d) || bcx_not_its_day_zh(c, m, d) || bcx_other_in_sequence(c, m, d) ||
            (m->xkind == BC_XM_TALKS &&
             mprec_of(c, m, d) < (m->planned > 0 || to_come(c, m, d) || bcx_year_gone(c, m, d) ? 1
                                  : talks_took_place(c, m, d)                                  ? 2
                                                              : 3)))
            continue;
        if (mprec(d) >= 2) {
            fine++;
            only = d;
        } else if (mprec_of(c, m, d) == 1 && year_period(d)) {
            periods++;
            period = d;
        }
        size_t cost =
            d->t0 >= m->t1 ? clause_dist(c, m->t1 - 1, d->t0) : clause_dist(c, d->t1 - 1, m->t0);
        /* a meeting whose outcome is recalled takes no day that talks of its sentence,
         * nearer to it, stand on ("During talks ... on August 21, the two sides reviewed
         * the agreements reached at the 10th meeting") */
        if (closer_mention(c, m, d, cost, idx, a, b, 0) ||
            (bcx_outcome_of(c, m) && d->t1 <= m->t0 &&
             closer_mention(c, m, d, cost, idx, a, b, 1)) ||
            in_relative_of(c, m, d, idx, a, b) || held_by_other(c, m, d, idx, a, b))
            continue; /* "3月12日...举行工作会谈，双方回顾了去年9月...第七次联席会议": each its own
                       */
        if ((own_relative(c, m, d, idx, a, b) || bcx_held_on(c, m, d, idx, a, b)) && cost > limit)
            cost = limit;
        if (cost > 8 && bcx_year_after_body(c, m, d))
            cost = 8; /* "the 15th conference of the committee of ..., ... and Guangxi in 2024" */
        /* a day that opens the sentence is the day of what it reports ("3月12日，崇左市与
         * 越南谅山省在谅山市举行工作会谈"), unless another meeting of it lies nearer */
        if (mprec(d) == 3 && bcx_opens_clause(c, m->sent, d) && d->t1 <= m->t0 && cost > limit &&
            !closer_mention(c, m, d, cost, idx, a, b, 1) && !bcx_day_between(c, m, d))
            cost = limit;
        /* a year alone dates only close by; a meeting to come may have its body named
         * between ("la 12e reunion du Groupe de travail conjoint se tiendraient au Yunnan
         * en 2026"), and one that took place the words of where it was held ("Hoi dam lan
         * thu XII dien ra tai thanh pho Pho Nhi nam 2024") */
        size_t year_limit = m->planned > 0 || (d->t0 >= m->t1 && bcx_commas(c, m->t1, d->t0) == 0 &&
                                               bcx_range_has(c, m->t1, d->t0, C_HELD, -1))
                                ? 12
                                : 8;
        /* talks and a year gone by in one clause ("At talks co-chaired by ... earlier this
         * year") */
        if (bcx_year_gone(c, m, d) || own_relative(c, m, d, idx, a, b) || bcx_held_chain(c, m, d))
            year_limit = 24;
        if (cost <= (mprec(d) == 1 ? year_limit : limit) && cost < best_cost) {
            best = d;
            best_cost = cost;
        }
    }
    /* the one meeting of its sentence not named by its day ("Officials at Friday's session
     * said ... would hold their next round of talks in Mengzi, the prefecture's seat, in March
     * next year": Friday is the session's) and its one day or month */
    size_t unnamed = 0;
    for (size_t k = a; k < b; k++)
        unnamed += c->m[idx[k]].named_by == 0;
    if (best == NULL && fine == 1 && unnamed == 1 && m->named_by == 0)
        best = only;
    /* the one meeting of its sentence, to come, and the one period of a year it names
     * ("Phien hop lan thu 11 ..., du kien dien ra ... trong quy IV/2025") */
    if (best == NULL && fine == 0 && periods == 1 && c->se[m->sent].nment == 1)
        best = period;
    return best;
}

/* 1 when talks of m's sentence (mentions idx[a..b)) took date d as their own: "the
 * Spring Meeting 2025 ..., as well as ... during their talks on March 25" (the day is the
 * talks'). */
static int day_of_other(const ctx *c, const mention *m, const xd *d, const size_t *idx, size_t a,
                        size_t b)
{
    const char *own = d->span[0] ? d->span : d->iso;
    for (size_t k = a; k < b; k++) {
        const mention *o = &c->m[idx[k]];
        if (o != m && o->xkind == BC_XM_TALKS && o->date_src == 1 && strcmp(o->date, own) == 0)
            return 1;
    }
    return 0;
}

/* 1 when another meeting of m's sentence, not coordinated with it, stands between m and
 * date d (m not named with its year): the date is that one's ("tenir la 9e réunion ... 2027 et ...
 * la Rencontre de printemps prévue en février 2027": February is the spring meeting's). */
static int past_another(const ctx *c, const mention *m, const xd *d)
{
    for (size_t k = 0; k < c->nm; k++) {
        const mention *o = &c->m[k];
        if (o == m || o->sent != m->sent || bcx_coordinated(c, m, o) || bcx_coordinated(c, o, m) ||
            bcx_joined_numbered(c, m, o) || bcx_joined_numbered(c, o, m))
            continue; /* "the 2025 spring meeting and the 16th conference, held on ...": theirs */
        if ((d->t0 >= m->t1 && o->t0 >= m->t1 && o->t1 <= d->t0) ||
            (d->t1 <= m->t0 && o->t0 >= d->t1 && o->t1 <= m->t0))
            return 1;
    }
    return 0;
}

/* 1 when date d stands in an earlier clause of m's sentence than m, one that names another
 * meeting before it (mentions idx[a..b)): the month is that one's ("la Rencontre de
 * printemps 2026 ... aurait lieu en fevrier a Nanning, et que la XVIIe conference ... fin
 * 2026"). */
static int other_clause(const ctx *c, const mention *m, const xd *d, const size_t *idx, size_t a,
                        size_t b)
{
    if (d->t1 > m->t0 || bcx_commas(c, d->t1, m->t0) - list_commas(c, d->t1, m->t0) == 0)
        return 0;
    for (size_t k = a; k < b; k++) {
        const mention *o = &c->m[idx[k]];
        if (o != m && o->t1 <= d->t0 && !bcx_coordinated(c, o, m) && !bcx_joined_numbered(c, o, m))
            return 1;
    }
    return 0;
}

/* 1 when date d is a run of at most a week of one month's days said to be when mention m
 * was held: a holding word of m's within six tokens before the run, no other meeting
 * between ("the Spring Meeting 2025 ..., held in Ha Long city from February 19 to 22"): m
 * began on its first day. A run said of anything else (a fair) dates no meeting. */
static int held_run(const ctx *c, const mention *m, const xd *d)
{
    const char *slash = strchr(d->iso, '/');
    size_t half = slash != NULL ? (size_t)(slash - d->iso) : 0;
    if (d->prec != 0 || d->span[0] || d->t0 < m->t1 || (half != 10 && half != 7) ||
        strlen(slash + 1) != half || memcmp(d->iso, slash + 1, half - 2) != 0 ||
        atoi(slash + 1 + half - 2) - atoi(d->iso + half - 2) > 6)
        return 0;
    for (size_t k = 0; k < c->nm; k++)
        if (c->m[k].sent == m->sent && c->m[k].t0 >= m->t1 && c->m[k].t0 < d->t0)
            return 0;
    /* the holding word is m's: right after its name ("was held") or opening a clause
     * after a comma ("..., held in"), not a fair's ("a fair to be held in Lang Son") */
    for (size_t h = d->t0 > m->t1 + 6 ? d->t0 - 6 : m->t1; h < d->t0; h++)
        if (bcx_lex_find(c, C_HELD, h, NULL) > 0 &&
            (h <= m->t1 + 2 || (bcx_gap(c, h - 1) & G_COMMA)))
            return 1;
    return 0;
}

/* For a meeting named with its year ("Gap go dau Xuan nam 2025", "2025年...新春会晤",
 * "Voorjaarsbijeenkomst 2023") or dated by a year alone: the day its sentence writes,
 * completed with that year when the day has none (the year is then the text's, not the
 * publication's), unless another meeting of the sentence took that day; not for a year
 * of a period it is dated by, nor, for a year alone, a day past another meeting. */
static void named_day(ctx *c, mention *m, const size_t *idx, size_t a, size_t b)
{
    int y = atoi(m->date);
    /* a year from the reference date ("明年", "tegorocznego spotkania") is no name's: it
     * completes no day, but a day or month of that same year in its sentence is its date
     * ("tegorocznego spotkania wiosennego ..., ktore odbyly sie pod koniec lutego") */
    if (strlen(m->date) != 4 || y == 0 || m->date_period[0])
        return; /* "au troisième trimestre 2027": a period's year, not a name's */
    /* a day first, else a month ("the 2025 Spring Meeting ... scheduled for February") */
    for (int prec = 3; prec >= 2; prec--)
        for (size_t k = c->se[m->sent].d0; k < c->se[m->sent].d1; k++) {
            const xd *d = &c->d[k];
            int run = prec == 3 && held_run(c, m, d); /* its first day is the day */
            if ((d->prec != prec && !run) || d->used || d->compare ||
                (!run && strchr(d->iso, '/') != NULL) ||
                (m->planned > 0 && c->t[d->t0].tense == TENSE_PAST) ||
                day_of_other(c, m, d, idx, a, b) || bcx_relative_of_other(c, m, d) ||
                bcx_other_in_sequence(c, m, d) || bcx_deadline_day(c, d) || bcx_signed_on(c, d) ||
                (m->xkind != BC_XM_NAMED && past_another(c, m, d)) ||
                (m->xkind != BC_XM_NAMED && other_clause(c, m, d, idx, a, b)))
                continue;
            char iso[24];
            if (m->date_inferred && (d->iso[0] == '-' || atoi(d->iso) != y))
                continue;
            if (bcx_after_held_aside(c, m, d))
                continue; /* ", held in Nanning, led to ... in March": not its month */
            if (d->iso[0] == '-')
                snprintf(iso, sizeof iso, "%04d-%.5s", y, d->iso + 2);
            else if (atoi(d->iso) == y ||
                     (d->inferred && d->inferred != BC_X_INFERRED_DATE && !d->rel_year))
                snprintf(iso, sizeof iso, "%04d-%.5s", y, d->iso + 5);
            else
                continue;
            copy_str(m->date, sizeof m->date, iso);
            /* a month counted from the reference date ("本月上旬") is the reference's */
            m->date_inferred =
                m->date_inferred || d->inferred == BC_X_INFERRED_DATE ? d->inferred : 0;
            return;
        }
}

/* The mentions of each sentence in text order: idx is filled sentence by sentence, from
 * *lo[si] to lo[si + 1]. */
static int by_sentence(ctx *c, size_t **idx, size_t **lo)
{
    *idx = bc_malloc((c->nm + 1) * sizeof **idx);
    *lo = bc_calloc(c->ns + 2, sizeof **lo);
    if (*idx == NULL || *lo == NULL)
        return BC_ENOMEM;
    for (size_t k = 0; k < c->nm; k++)
        (*lo)[c->m[k].sent + 1]++;
    for (size_t si = 0; si < c->ns; si++)
        (*lo)[si + 1] += (*lo)[si];
    size_t *fill = bc_calloc(c->ns + 1, sizeof *fill);
    if (fill == NULL)
        return BC_ENOMEM;
    for (size_t k = 0; k < c->nm; k++)
        (*idx)[(*lo)[c->m[k].sent] + fill[c->m[k].sent]++] = k;
    bc_free(fill);
    /* within a sentence, by first token (a handful per sentence: insertion sort) */
    for (size_t si = 0; si < c->ns; si++)
        for (size_t a = (*lo)[si] + 1; a < (*lo)[si + 1]; a++)
            for (size_t b = a; b > (*lo)[si] && c->m[(*idx)[b - 1]].t0 > c->m[(*idx)[b]].t0; b--) {
                size_t t = (*idx)[b];
                (*idx)[b] = (*idx)[b - 1];
                (*idx)[b - 1] = t;
            }
    return BC_OK;
}

/* The dates of sentence si a meeting may take: not a period, not a figure's. Returns how
 * many, the only one in *only. */
static size_t free_dates(const ctx *c, size_t si, const xd **only)
{
    size_t n = 0;
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++)
        if ((mprec(&c->d[k]) > 0 || bcx_day_no_year(c, &c->d[k])) && !c->d[k].used) {
            n++;
            *only = &c->d[k];
        }
    return n;
}

/* 1 when a word for the next or a coming one ends right before mention m, or one token
 * before it ("下一次会谈", "the next talks", "kolejne rozmowy", "la prochaine reunion"). */
static int next_meeting(const ctx *c, const mention *m)
{
    size_t lo = c->se[m->sent].t0;
    for (size_t k = m->t0 > lo + 4 ? m->t0 - 4 : lo; k < m->t0; k++) {
        size_t n = bcx_lex_find(c, C_FUTURE, k, NULL);
        if (n > 0 && k + n + 1 >= m->t0 && k + n <= m->t0)
            return 1;
    }
    return 0;
}

/* 1 when Chinese talks m are followed by "时" (at the time of: "两市11月19日举行会谈时商定的",
 * what was agreed at them): the occasion of what the sentence reports. */
static int zh_when(const ctx *c, const mention *m)
{
    return c->lbit == L_ZH && m->t1 < c->se[m->sent].t1 &&
           bcx_words_at(c, m->t1, c->se[m->sent].t1, "时") > 0;
}

/* 1 when a word for during or at ends right before talks m ("podczas rozmow", "w trakcie",
 * "vid samtalen", "during the talks", "lors des entretiens", "tijdens het overleg", "tai
 * buoi hoi dam"), or before the day that names them (bcx_at_named_day), or "时" after Chinese
 * talks (zh_when). */
static int during_talks(const ctx *c, const mention *m)
{
    static const char *const during[] = {
        "podczas", "w trakcie",    "vid",     "under",    "during",     "at the", "lors des",
        "lors de", "au cours des", "tijdens", "tai buoi", "trong buoi", NULL};
    size_t lo = c->se[m->sent].t0;
    if (zh_when(c, m) || bcx_at_named_day(c, m))
        return 1;
    for (size_t k = m->t0 > lo + 3 ? m->t0 - 3 : lo; k < m->t0; k++)
        for (int w = 0; during[w]; w++) {
            size_t n = bcx_words_at(c, k, m->t0, during[w]);
            if (n > 0 && (k + n == m->t0 ||
                          (k + n + 1 == m->t0 && bcx_lex_find(c, C_ARTICLE, k + n, NULL) > 0)))
                return 1;
        }
    return 0;
}

/* 1 when a word of what is to come follows mention m in its clause within four tokens
 * ("to chuc hoi dam dinh ky lan tiep theo": the next talks, though "to chuc hoi dam" says
 * held). */
static int next_after(const ctx *c, const mention *m)
{
    size_t hi = c->se[m->sent].t1;
    if (zh_when(c, m))
        return 0; /* "举行会谈时商定的": agreed at them */
    for (size_t k = m->t1; k < hi && k < m->t1 + 4; k++) {
        if (bcx_gap(c, k - 1) & (G_COMMA | G_DOT | G_PAREN))
            return 0;
        if (bcx_lex_find(c, C_FUTURE, k, NULL) > 0)
            return 1;
    }
    return 0;
}

static void take_date(mention *m, const xd *d)
{
    copy_str(m->date, sizeof m->date, d->span[0] ? d->span : d->iso);
    m->date_period[0] = '\0';
    if (year_period(d)) {
        copy_str(m->date_period, sizeof m->date_period, d->iso);
        m->date[4] = '\0'; /* its year: "2025-01/2025-03" of a meeting to come */
    }
    m->date_inferred = d->inferred;
    m->date_src = 1;
    m->same_day = d->same_day;
}

/* 1 when date d may be that of a meeting to come: not "the same day", not in words of what
 * took place, not ended before the reference date. */
static int held_date_fits(const ctx *c, const xd *d)
{
    /* "the same day" of a day said to be coming is that day ("Kolejny termin: 20 maja. Tego
     * dnia ... zbierze sie grupa"); of any other, a day already narrated */
    const xd *told = d->same_day && d->ref ? &c->d[d->ref - 1] : NULL;
    if ((d->same_day && (told == NULL || c->t[told->t0].tense != TENSE_FUTURE)) ||
        c->t[d->t0].tense == TENSE_PAST)
        return 0;
    int y = 0, mo = 0, dd = 0;
    const char *end = strchr(d->iso, '/');
    end = end ? end + 1 : d->iso;
    if (c->ry == 0 || end[0] == '-' || sscanf(end, "%d-%d-%d", &y, &mo, &dd) < 1)
        return 1;
    if (y != c->ry)
        return y > c->ry;
    if (mo == 0 || c->rm == 0 || mo != c->rm)
        return mo == 0 || c->rm == 0 || mo > c->rm;
    return dd == 0 || c->rd == 0 || dd >= c->rd;
}

/* The date of mention m, whose sentence writes none, from the arrival told just before it
 * in its paragraph (bcx_arrival_day), when its sentence opens with it or with words of during
 * ("Lors de la seance de travail qui a suivi", "At the working session", "Tai buoi lam
 * viec", "会谈中") and that day is of the same tense (to come, or not). */
static const xd *arrival_of(const ctx *c, const mention *m)
{
    size_t si = m->sent;
    if (si == 0 || c->se[si].d0 != c->se[si].d1 || bcx_new_paragraph(c, si) ||
        !(during_talks(c, m) || m->t0 <= bcx_sent_open(c, si) + 1))
        return NULL;
    const xd *d = bcx_arrival_day(c, si - 1);
    if (d == NULL || (bcx_future_at(c, d->t0) != 0) != (m->planned > 0))
        return NULL;
    return d;
}

void bcx_resolve_mentions(ctx *c)
{
    size_t *idx = NULL, *lo = NULL;
    if (bcx_index_ordinals(c) != BC_OK) {
        c->rc = BC_ENOMEM;
        return;
    }
    const mention *lead = NULL; /* the first meeting of the article with a day */
    bcx_told held = {{0}, 0, 0}, planned = {{0}, 0, 0};
    /* what its words say of each mention: to come, or took place */
    for (size_t k = 0; k < c->nm; k++) {
        mention *m = &c->m[k];
        unsigned char tense = c->t[m->noun].tense;
        for (size_t q = m->t0; q < m->t1 && tense == TENSE_NONE; q++)
            tense = c->t[q].tense;
        m->planned = m->previous ? -1
                     : tense == TENSE_FUTURE || (tense == TENSE_NONE && next_meeting(c, m)) ||
                             next_after(c, m)
                         ? 1
                     : tense == TENSE_PAST ? -1
                                           : 0;
        /* the Dutch present of talks, nothing said of the past ("komen in het voorjaar van
         * 2025 opnieuw rond de tafel"): to come */
        if (m->planned == 0 && ((m->xkind == BC_XM_TALKS && bcx_nl_present_meet(c, m->sent)) ||
                                bcx_nl_present_coming(c, m->sent)))
            m->planned = 1; /* "vindt ... volgend jaar ... plaats" */
        /* without a reference date, the Dutch present of holding ("vindt in het tweede
         * kwartaal van 2027 plaats") is to come, as the Swedish "hålls" is; not in a
         * headline, whose present tells the news */
        if (m->planned == 0 && c->ry == 0 && m->xkind != BC_XM_TALKS && !c->se[m->sent].heading &&
            bcx_nl_takes_place(c, m->sent) > 0)
            m->planned = 1;
        /* talks named as the occasion of what their sentence reports took place ("Podczas
         * rozmow ... strony uzgodnily", "Vid samtalen ... enades", "Tai buoi hoi dam") */
        if (m->xkind == BC_XM_TALKS && during_talks(c, m) && !next_meeting(c, m) &&
            !next_after(c, m))
            m->planned = -1;
        if (bcx_outcome_of(c, m) || (m->planned > 0 && bcx_held_attrib_before_zh(c, m)))
            m->planned = -1; /* "the agreements reached at the 10th meeting", "2月22日…举行的" */
        if (m->prepared)     /* "第五次会议的筹备工作": the one prepared is to come */
            m->planned = 1;
        else if (m->planned > 0 && m->xkind != BC_XM_TALKS && bcx_deciding_zh(c, m))
            m->planned = -1; /* "第十一次会晤商定…": what it decided is to come */
        /* its own words say neither, but the period of a year its sentence gives is said to
         * be coming ("chuan bi tot Phien hop lan thu 11 ..., du kien dien ra tai Lai Chau
         * trong quy IV/2025") */
        for (size_t q = c->se[m->sent].d0;
             m->planned == 0 && m->xkind != BC_XM_TALKS && q < c->se[m->sent].d1; q++)
            if (year_period(&c->d[q]) && c->t[c->d[q].t0].tense == TENSE_FUTURE)
                m->planned = 1;
    }
    if (by_sentence(c, &idx, &lo) != BC_OK) {
        c->rc = BC_ENOMEM;
        goto done;
    }
    for (size_t si = 0; si < c->ns; si++) {
        size_t a = lo[si], b = lo[si + 1];
        bcx_count_days(c, si, &held, &planned);
        if (a == b) {
            const xd *d = bcx_arrival_day(c, si);
            if (d != NULL && !bcx_future_at(c, d->t0))
                bcx_tell(&held, d->iso, d->inferred, si, 1);
            continue;
        }
        /* one group of coordinated meetings and one date: theirs ("Hoi nghi lan thu 4 va
         * Phien hop lan thu 10 ... to chuc tai Van Nam vao thang 6/2024") */
        int one_group = 1;
        for (size_t k = a + 1; k < b && one_group; k++)
            one_group = bcx_coordinated(c, &c->m[idx[k - 1]], &c->m[idx[k]]);
        const xd *only = NULL;
        size_t nd = free_dates(c, si, &only);
        for (size_t k = a; k < b; k++) {
            mention *m = &c->m[idx[k]];
            if (m->date_src != 0)
                continue;
            const xd *d = m->prepared ? bcx_held_modifier_day_zh(c, m) : NULL, *own = d;
            if (d == NULL && (m->prepared || bcx_eve_of_zh(c, m) || bcx_modifier_zh(c, m)))
                continue; /* its sentence's days are the preparation's, or before it */
            if (d != NULL)
                ; /* "做好年中在昆明举行的第四次…会晤的筹备工作": its own clause of holding */
            else if (m->named_by != 0)
                d = &c->d[m->named_by - 1]; /* "the June 12 session": its date is its name's */
            else if (one_group && nd == 1 && bcx_after_held_aside(c, m, only))
                d = NULL; /* the one date is of what it led to, after its aside of holding */
            else if (one_group && nd == 1 && !bcx_said_on(c, only) && !bcx_from_point(c, m, only) &&
                     !bcx_relative_of_other(c, m, only) && !in_other_relative(c, m, only) &&
                     !bcx_apposition_of_other(c, m, only) && !bcx_deadline_day(c, only) &&
                     !bcx_signed_on(c, only) && !bcx_opening_day(c, m, only) &&
                     !bcx_apposed_to_other(c, m, only) && !visit_span(m, only) &&
                     !rel_apart(c, m, only) && !bcx_possessive_of_other(c, m, only) &&
                     !bcx_not_its_day_zh(c, m, only) && !bcx_other_in_sequence(c, m, only) &&
                     (m->xkind != BC_XM_TALKS || mprec(only) == 3 || bcx_day_no_year(c, only) ||
                      m->planned > 0 || to_come(c, m, only) ||
                      (mprec(only) == 2 && talks_took_place(c, m, only)) ||
                      (m->planned <= 0 && bcx_year_gone(c, m, only))))
                d = only;
            else
                d = meeting_date(c, m, idx, a, b);
            /* "the same day" is a day already narrated, never that of the next meeting
             * ("当天下午，双方还就筹备下一次会谈交换了意见"); nor is a day of what took place
             * or one before the report's date the date of a meeting to come */
            if (d != NULL && d != own && m->planned > 0 && !held_date_fits(c, d))
                d = NULL;
            if (d != NULL && m->planned > 0 && bcx_before_report_year(c, d))
                d = NULL; /* without a reference date: a year before the report's */
            /* nor is a day said to be coming that of a meeting that took place ("Podczas
             * rozmow ... uzgodnily, ze most zostanie otwarty 30 czerwca") */
            if (d != NULL && m->planned < 0 && bcx_day_said_coming(c, d))
                d = NULL;
            if (d == NULL && ((d = arrival_of(c, m)) != NULL || (d = bcx_back_day(c, m)) != NULL))
                m->date_sent = si; /* the sentence before it */
            if (d == NULL && (d = bcx_then_day(c, m)) != NULL)
                m->date_sent = si; /* "... dateren van eind 2024. Toen vond ... plaats" */
            const xd *span = d == NULL ? bcx_long_span_zh(c, m) : NULL;
            if (span != NULL && (m->planned <= 0 || held_date_fits(c, span))) {
                copy_str(m->date, sizeof m->date, span->iso); /* "3月5日至8日": its first day */
                m->date[strcspn(m->date, "/")] = '\0';
                m->date_inferred = span->inferred, m->date_src = 1;
            }
            const mention *then = d == NULL ? bcx_then_of(c, m) : NULL;
            if (then != NULL) { /* "... vond toen plaats": the date of the one before */
                memcpy(m->date, then->date, sizeof m->date);
                m->date_inferred = then->date_inferred, m->date_src = 2;
            }
            unsigned why = d != NULL ? bcx_completion_doubt(c, d) : 0;
            if (why != 0)
                d = NULL, m->date_refused = why; /* completed, the story in another time */
            if (d != NULL) {
                take_date(m, d);
                c->d[d - c->d].taken = 1;
                bcx_unyear_held_after(c, m);
            }
            /* "the same day" far from the day last named is the day of the meeting the
             * report opens with ("Le meme jour", paragraphs of figures after the 8th
             * session), unless that day is itself a meeting's ("On July 9, ... received
             * the delegation. He asked ... The same day, ... held a working session") */
            if (d != NULL && d->same_day == 2 && lead != NULL &&
                !(d->ref > 0 && c->d[d->ref - 1].taken)) {
                memcpy(m->date, lead->date, sizeof m->date);
                m->date_inferred = lead->date_inferred;
            }
        }
        /* a year (from a name, or nearest) gives way to the day the sentence writes in
         * that year ("2月21日上午，2025年...新春会晤") */
        for (size_t k = a; k < b; k++) {
            named_day(c, &c->m[idx[k]], idx, a, b);
            if (bcx_year_unread(c, &c->m[idx[k]]))
                c->m[idx[k]].date[0] = '\0', c->m[idx[k]].date_src = 0;
            bcx_sideline_day(c, &c->m[idx[k]], idx, a, b); /* "had a bilateral meeting" */
        }
        /* coordinated meetings share a date one of them has ("the 16th conference and the
         * Spring Meeting of 2025", "the 3rd conference for the Party Secretaries of ... and
         * the 9th meeting of the Joint Working Group ... in late March 2023") */
        for (size_t k = a + 1; k < b; k++) {
            mention *p = &c->m[idx[k - 1]], *q = &c->m[idx[k]];
            if (!bcx_coordinated(c, p, q) && !bcx_told_together(c, p, q) &&
                !bcx_joined_numbered(c, p, q) && !bcx_along_with(c, q) && !bcx_same_time_zh(c, q))
                continue;
            /* neither dated in their sentence: one of them dated earlier as the same
             * numbered meeting ("Phien hop lan thu 10 khi do dien ra cung thoi diem voi Hoi
             * nghi ... lan thu 4") */
            const mention *told = p->date[0] || q->date[0] ? NULL : bcx_told_before(c, p);
            if (told == NULL && !p->date[0] && !q->date[0])
                told = bcx_told_before(c, q);
            if (told != NULL) {
                memcpy(p->date, told->date, sizeof p->date);
                p->date_inferred = told->date_inferred;
                p->date_src = 2;
            }
            if (p->date[0] && !q->date[0])
                memcpy(q->date, p->date, sizeof q->date), q->date_inferred = p->date_inferred,
                                                          q->date_src = 2;
            else if (q->date[0] && !p->date[0])
                memcpy(p->date, q->date, sizeof p->date), p->date_inferred = q->date_inferred,
                                                          p->date_src = 2;
        }
        for (size_t k = a; k < b && lead == NULL; k++) {
            const mention *m = &c->m[idx[k]];
            size_t len = strlen(m->date);
            if (len == 10 || (len == 7 && m->date[0] == '-'))
                lead = m;
        }
        for (size_t k = a; k < b; k++) {
            const mention *m = &c->m[idx[k]];
            if (m->planned > 0)
                bcx_tell(&planned, m->date, m->date_inferred, si, 0);
            else
                bcx_tell(&held, m->date, m->date_inferred, si, 1);
        }
    }
    for (size_t k = 0; k < c->nm; k++) /* "Voorjaarsontmoeting 2019. Die ontmoeting werd op" */
        if (!bcx_nl_name_year_day(c, &c->m[k]))
            bcx_nl_talks_back(c, &c->m[k]); /* "... gehouden. ... Het overleg begon op" */
    for (size_t k = 0; k < c->nm; k++)      /* "Het overleg vond plaats in de marge van ..." */
        bcx_nl_sidelines_back(c, &c->m[k]);
    for (size_t k = 0; k < c->nm; k++) { /* "The conference ... took place on October 30" */
        int tense = 0;
        const xd *d = c->m[k].date[0] ? NULL : bcx_next_says_when(c, &c->m[k], &tense);
        unsigned why = d != NULL ? bcx_completion_doubt(c, d) : 0;
        if (why != 0)
            d = NULL, c->m[k].date_refused = why;
        /* "That meeting will be held in Nanning in March 2027": its status is that
         * sentence's (bcx_emit_meetings) */
        if (d != NULL)
            take_date(&c->m[k], d), c->m[k].date_sent = c->m[k].sent + 2,
                                    c->m[k].back_tense = tense;
        else
            bcx_dateline_day(c, &c->m[k]); /* "CAO BANG, Nov 20 (VNA) - ... held talks here" */
        bcx_dateline_talks(c, &c->m[k]);   /* "HA GIANG, 15 oktober - ... hebben ... gevoerd" */
    }
done:
    bc_free(idx);
    bc_free(lo);
}
