/* extract_meet_told.c: the days a report has told, which "the next day", "la veille",
 * "次日" count from: the day of the meeting last told as taking place (a day recalled from
 * before it leaves the story where it was), of one to come told after it, and the day a
 * delegation's arrival is told on without a meeting's name ("Le 14 mars, une delegation
 * ... est arrivee a Lang Son. Lors de la seance de travail, ..."). Also where a sentence
 * opens, after its dateline, and the dateline's day as that of the talks an English lead
 * reports without a date. */
#include "bordercoop/alloc.h"
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The precision of date d as a meeting's: a span of a few days is its first day's. */
static int day_prec(const xd *d)
{
    return d->prec == 0 && d->span[0] ? 3 : d->prec;
}

/* The first token of sentence si after its dateline, if it has one ("越通社莱州10月30日电
 * 2025年10月30日上午，...", "Hanoi, June 13 (VNA) - On June 12, ..."). */
size_t bcx_sent_open(const ctx *c, size_t si)
{
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++)
        if (c->d[k].dateline)
            return c->d[k].t1 + 1;
    return c->se[si].t0;
}

/* 1 when day d opens sentence si (after its dateline) or a clause of it, a word before
 * it at most ("Cung theo Bo Chi huy, chieu ngay 11/11/2025, tai ..., don vi da to chuc
 * Hoi dam lan thu XIII"). */
int bcx_opens_clause(const ctx *c, size_t si, const xd *d)
{
    static const char *const part[] = {"the morning of", "the afternoon of", "the evening of",
                                       NULL};
    size_t open = bcx_sent_open(c, si), t0 = d->t0;
    for (int w = 0; c->lbit == L_EN && part[w] && t0 >= open + 3; w++)
        if (bcx_words_at(c, t0 - 3, t0, part[w]) == 3)
            t0 -= 3; /* "On the afternoon of October 29, ..." */
    if (t0 <= open + 1)
        return 1;
    for (size_t k = t0; k > open && k + 2 >= t0; k--)
        if (c->gap[k - 1] & G_COMMA)
            return 1;
    return 0;
}

/* 1 when sentence si speaks of a delegation ("une delegation ... est arrivee", "代表团"). */
static int delegation(const ctx *c, size_t si)
{
    if (bcx_sent_has(c, si, C_NOUN, N_DELEG))
        return 1;
    for (size_t k = c->se[si].t0; k < c->se[si].t1; k++)
        if (bcx_words_at(c, k, c->se[si].t1, "代表团") > 0)
            return 1;
    return 0;
}

/* The day of a delegation's arrival or visit that sentence si tells, naming no meeting:
 * its only day, opening it ("Le 14 mars, une delegation ... est arrivee a Lang Son",
 * "On March 14, a delegation from Chongzuo arrived in Lang Son"), not a day things run
 * from nor a deadline. NULL when none. */
const xd *bcx_arrival_day(const ctx *c, size_t si)
{
    const xd *day = NULL;
    if (c->se[si].heading || c->se[si].nment != 0)
        return NULL;
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
        const xd *d = &c->d[k];
        if (d->dateline)
            continue;
        if (day != NULL || day_prec(d) != 3 || d->used || d->rel != 0 ||
            !bcx_opens_clause(c, si, d) || bcx_date_bound(c, d) != 0)
            return NULL;
        day = d;
    }
    return day != NULL && delegation(c, si) ? day : NULL;
}

/* Day iso of sentence si is told. With forward set (days of what took place) it is where
 * the story stands only when it is that day or one after it, within two months when a year
 * is not known of both: a day recalled from before ("la 7e reunion, tenue le 3 decembre
 * dernier", "the talks of 9 May 2024") leaves the story where it was. */
void bcx_tell(bcx_told *t, const char *iso, int inferred, size_t si, int forward)
{
    int diff = 0;
    size_t len = strlen(iso);
    if (len != 10 && !(len == 7 && iso[0] == '-'))
        return;
    if (forward && t->si != 0 &&
        (!bcx_days_between(t->iso, iso, &diff) || diff < 0 ||
         ((t->iso[0] == '-' || iso[0] == '-') && diff > 60)))
        return;
    copy_str(t->iso, sizeof t->iso, iso);
    t->inferred = inferred;
    t->si = si + 1;
}

/* The days of sentence si counted from another ("le lendemain", "dzien wczesniej", "次日")
 * are counted from the day of the meeting last told: of one that took place, or, for words
 * of what is to come, of one to come told after it ("按照双方商定，次日上午...将举行工作会谈":
 * the day after the meeting just reported). Without such a day they date nothing: the day
 * last named may be a deadline, an opening or a day recalled. */
/* The day of the one meeting that took place told in the sentence before si, in its
 * paragraph, into *t; 0 when none or several days. Chinese; the other languages with
 * day_told_just_before. */
static int zh_day_just_before(const ctx *c, size_t si, bcx_told *t)
{
    if (si == 0 || bcx_new_paragraph(c, si))
        return 0;
    for (size_t k = 0; k < c->nm; k++) {
        const mention *m = &c->m[k];
        size_t len = strlen(m->date);
        if (m->sent != si - 1 || m->planned > 0 || !(len == 10 || (len == 7 && m->date[0] == '-')))
            continue;
        if (t->si != 0 && strcmp(t->iso, m->date) != 0)
            return 0;
        copy_str(t->iso, sizeof t->iso, m->date);
        t->inferred = m->date_inferred;
        t->si = si;
    }
    return t->si != 0;
}

/* 1 when the Chinese words of day d counted from another follow a meeting's noun right
 * before them ("会晤前一天", "会议次日"): the day of the meeting the report tells, not of
 * one the sentence before recalls ("双方回顾了2025年10月30日…举行的第五次年度会晤…。会晤
 * 前一天，…"). */
static int after_meeting_noun_zh(const ctx *c, size_t si, const xd *d)
{
    size_t open = bcx_sent_open(c, si);
    return d->t0 > open && (bcx_lex_ending(c, C_MEET, open, d->t0, NULL) != SIZE_MAX ||
                            bcx_lex_ending(c, C_TALKS, open, d->t0, NULL) != SIZE_MAX);
}

/* 1 when sentence si tells numbered meeting m on its day d in its main clause: m opens the
 * sentence as its subject (an article before it at most) and a word of holding stands in
 * its clause, no comma between it and d ("The 12th meeting of ... Lai Chau, Lao Cai, ...
 * was held in Kunming on November 18", "Phien hop lan thu 12 ... da dien ra tai Con Minh
 * ngay 18/11", "werd op 18 november in Kunming gehouden"); talks by talks_told_on_day. */
/* 1 when the talks starting at token lo are what sentence si tells on day d: the one
 * meeting it names, the parties named before both as its subject and no comma nor
 * relative pronoun before either
 * ("Leaders of Lao Cai and Yunnan held talks in Hekou on November 16"; not "The talks
 * recalled the working session that the Party chief ... held ... on October 29"). */
static int talks_told_on_day(const ctx *c, size_t si, const xd *d, size_t open, size_t lo)
{
    static const char *const rel[] = {"that",   "which",   "who", "que",   "qui",   "dont",
                                      "dat",    "die",     "som", "ktory", "ktora", "ktore",
                                      "ktorzy", "ktorych", "ma",  NULL};
    size_t hi = d->t0 > lo ? d->t0 : lo, subj = d->t0 < lo ? d->t0 : lo;
    int party = 0;
    if (c->se[si].nment != 1 || bcx_commas(c, open, hi) != 0)
        return 0;
    for (size_t k = open; k < hi; k++)
        for (int w = 0; rel[w]; w++)
            if (bcx_word_is(c, k, hi, rel[w]))
                return 0;
    for (size_t k = 0; k < c->nh && !party; k++)
        party = c->h[k].t0 >= open && c->h[k].t1 <= subj && c->h[k].entity;
    return party;
}

static int told_on_day(const ctx *c, size_t si, const mention *m, const xd *d)
{
    size_t open = bcx_sent_open(c, si), lo = m->noun < m->t0 ? m->noun : m->t0;
    if (lo < open)
        return 0;
    if (m->xkind == BC_XM_TALKS) /* "voerden op 16 november overleg": the day before them */
        return talks_told_on_day(c, si, d, open, lo);
    if (d->t0 < m->t1)
        return 0;
    if (lo > open + 1 || bcx_commas(c, open, lo) != 0 ||
        (lo == open + 1 && bcx_lex_find(c, C_ARTICLE, open, NULL) == 0))
        return 0;
    for (size_t k = m->t1 + 1, hi = c->se[si].t1; k <= hi; k++) {
        size_t at = bcx_lex_ending(c, C_HELD, m->t1, k, NULL);
        if (at != SIZE_MAX &&
            bcx_commas(c, at < d->t0 ? at : k - 1, at < d->t0 ? d->t0 : d->t1 - 1) == 0)
            return 1; /* "werd op 18 november in Kunming gehouden" */
    }
    return 0;
}

/* Every language but Chinese (zh_day_just_before): the day of the one meeting that took
 * place the sentence before si (same paragraph) tells as its own, into *t: a day that
 * opens that sentence or a clause of it ("On October 29, ... hosted ... for a working
 * session. The following day, ...") or of a meeting that opens it as its subject ("The
 * 12th meeting ... was held in Kunming on November 18. The following day, ..."). The
 * narrative moved to that day, though it is before the story's ("today", the dateline's),
 * and a day counted at the opening of the next sentence counts from it. 0 when none,
 * several days, or the day sits inside a clause about something else ("The talks recalled
 * the working session ... held ... on October 29"). */
static int day_told_just_before(const ctx *c, size_t si, bcx_told *t)
{
    bcx_told just = {{0}, 0, 0};
    if (c->lbit == L_ZH || !zh_day_just_before(c, si, &just))
        return 0;
    for (size_t k = c->se[si - 1].d0; k < c->se[si - 1].d1; k++) {
        const xd *d = &c->d[k];
        if (d->dateline || d->rel != 0 || d->prec != 3 || strcmp(d->iso, just.iso) != 0 ||
            bcx_date_bound(c, d) != 0)
            continue;
        /* English: opening a clause; elsewhere the sentence ("..., tenue le 3 decembre
         * dernier a Pingxiang, avait fixe ..." recalls it in an aside) */
        size_t open = bcx_sent_open(c, si - 1);
        int told = c->lbit == L_EN ? bcx_opens_clause(c, si - 1, d)
                                   : d->t0 <= open + 2 && bcx_commas(c, open, d->t0) == 0;
        for (size_t q = 0; q < c->nm && !told; q++)
            told = c->m[q].sent == si - 1 && c->m[q].planned <= 0 && c->m[q].date_src == 1 &&
                   strcmp(c->m[q].date, just.iso) == 0 && told_on_day(c, si - 1, &c->m[q], d);
        if (told) {
            *t = just;
            return 1;
        }
    }
    return 0;
}

void bcx_count_days(ctx *c, size_t si, const bcx_told *held, const bcx_told *planned)
{
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
        xd *d = &c->d[k];
        if (d->rel == 0)
            continue;
        /* "La veille, dans l'apres-midi du 21 fevrier": the day written next to it speaks */
        int written = 0;
        for (size_t q = c->se[si].d0; q < c->se[si].d1 && !written; q++)
            written = q != k && c->d[q].rel == 0 && day_prec(&c->d[q]) == 3 &&
                      c->d[q].t0 >= d->t1 && c->d[q].t0 <= d->t1 + 8;
        /* "The delegation, which arrived in Cao Bang on May 7, held talks the next day",
         * "5月20日，崇左市代表团抵达谅山，次日上午，双方举行工作会谈": in English and Chinese,
         * the day its sentence writes before it is the one it counts from */
        const xd *before = NULL;
        for (size_t q = c->se[si].d0; (c->lbit == L_EN || c->lbit == L_ZH) && !written && q < k;
             q++)
            if (c->d[q].rel == 0 && c->d[q].prec == 3 && !c->d[q].dateline && !c->d[q].same_day &&
                !c->d[q].weekday)
                before = &c->d[q];
        if (before != NULL) {
            int inferred = before->inferred;
            if (!bcx_shift_day(before->iso, d->rel, d->iso))
                d->used = 1;
            else
                d->inferred = inferred;
            continue;
        }
        const bcx_told *from = held;
        if (bcx_future_at(c, d->t0) && planned->si > held->si)
            from = planned;
        /* Chinese: the day of a meeting the sentence just before tells, though recalled
         * before the story's day ("此前，…于6月5日在昆明会见了…。次日，双方…") */
        bcx_told just = {{0}, 0, 0};
        if (c->lbit == L_ZH && !after_meeting_noun_zh(c, si, d) && zh_day_just_before(c, si, &just))
            from = &just;
        else if (c->lbit != L_ZH && !bcx_future_at(c, d->t0) && bcx_opens_clause(c, si, d) &&
                 day_told_just_before(c, si, &just))
            from = &just;
        if (from->si == 0 && !written)
            continue; /* no meeting told: the day the date finder counted from stands */
        if (written || !bcx_shift_day(from->iso, d->rel, d->iso)) {
            d->used = 1; /* no meeting's */
            continue;
        }
        d->inferred = from->inferred;
    }
}

/* 1 when mentions a and b are called by the same meeting noun ("Phien hop" and "Phien
 * hop"). */
static int same_noun(const ctx *c, const mention *a, const mention *b)
{
    if (a->noun_end - a->noun != b->noun_end - b->noun)
        return 0;
    for (size_t k = 0; k < a->noun_end - a->noun; k++) {
        const tok *x = &c->t[a->noun + k], *y = &c->t[b->noun + k];
        if (x->fl != y->fl || memcmp(TXT(c, a->noun + k), TXT(c, b->noun + k), x->fl) != 0)
            return 0;
    }
    return 1;
}

static int ordinal_cmp(const void *x, const void *y)
{
    const bcx_ordinal *a = x, *b = y;
    return a->ord != b->ord ? (a->ord > b->ord) - (a->ord < b->ord) : (a->k > b->k) - (a->k < b->k);
}

int bcx_index_ordinals(ctx *c)
{
    bc_free(c->ords);
    c->nords = c->ords_n = 0;
    if ((c->ords = bc_calloc(c->nm + 1, sizeof *c->ords)) == NULL)
        return BC_ENOMEM;
    for (size_t k = 0; k < c->nm; k++)
        if (c->m[k].xkind == BC_XM_NUMBERED && c->m[k].ord > 0 && c->m[k].mech != NULL)
            c->ords[c->nords++] = (bcx_ordinal){c->m[k].ord, k};
    qsort(c->ords, c->nords, sizeof *c->ords, ordinal_cmp);
    c->ords_n = c->nm;
    return BC_OK;
}

const mention *bcx_told_before(const ctx *c, const mention *m)
{
    const mention *best = NULL;
    if (m->ord <= 0 || m->xkind != BC_XM_NUMBERED || m->other_body)
        return NULL;
    /* the mentions of m's number (all of them when not indexed), in order */
    size_t lo = 0, hi = c->nm;
    int indexed = c->ords != NULL && c->ords_n == c->nm;
    if (indexed) {
        hi = c->nords;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (c->ords[mid].ord < m->ord)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (hi = lo; hi < c->nords && c->ords[hi].ord == m->ord;)
            hi++;
    }
    for (size_t r = lo; r < hi; r++) {
        const mention *o = &c->m[indexed ? c->ords[r].k : r];
        if (o->xkind != BC_XM_NUMBERED || o->ord != m->ord || o->mech == NULL || !o->date[0])
            continue;
        /* of another mechanism, or of an unknown one called otherwise: no telling */
        if (m->mech != NULL ? strcmp(o->mech, m->mech) != 0 : !same_noun(c, o, m))
            return NULL;
        if (o->sent < m->sent && (best == NULL || o->sent > best->sent))
            best = o;
    }
    return best;
}

int bcx_next_round(const ctx *c, size_t si, size_t i)
{
    const bc_lex *e = NULL;
    size_t lo = c->se[si].t0, k = i;
    if (c->lbit == L_EN && k >= lo + 3 && bcx_words_at(c, k - 2, k, "round of") == 2)
        k -= 2; /* "their next round of talks" */
    if (c->lbit == L_EN && k > lo && bcx_word_is(c, k - 1, k, "next") &&
        !(bcx_gap(c, k - 1) & (G_COMMA | G_DOT)))
        return 1; /* "the next talks" */
    return i > lo && bcx_lex_ending(c, C_FUTURE, lo, i, &e) != SIZE_MAX && e != NULL &&
           e->val == FUTURE_NEXT;
}

/* 1 when Dutch sentence si opens with "Toen" followed by its verb (not an article, a
 * pronoun or a name: "Toen de delegaties ..." is when). */
static int opening_then(const ctx *c, size_t si)
{
    static const char *const subject[] = {"zij", "ze", "hij", "wij", "we", "beide", "er", NULL};
    size_t lo = c->se[si].t0, hi = c->se[si].t1;
    if (!bcx_word_is(c, lo, hi, "toen") || lo + 1 >= hi || (bcx_gap(c, lo) & (G_COMMA | G_DOT)) ||
        c->t[lo + 1].kind != T_WORD || c->t[lo + 1].upper ||
        bcx_lex_find(c, C_ARTICLE, lo + 1, NULL) > 0)
        return 0;
    for (int w = 0; subject[w]; w++)
        if (bcx_word_is(c, lo + 1, hi, subject[w]))
            return 0;
    return 1;
}

const xd *bcx_then_day(const ctx *c, const mention *m)
{
    size_t si = m->sent;
    if (c->lbit != L_NL || si == 0 || c->se[si].d0 != c->se[si].d1 || bcx_new_paragraph(c, si) ||
        !opening_then(c, si) || c->se[si - 1].nment > 0 || c->se[si - 1].heading ||
        c->se[si - 1].d1 != c->se[si - 1].d0 + 1)
        return NULL;
    const xd *d = &c->d[c->se[si - 1].d0];
    if (d->prec == 0 || d->used || d->compare || d->dateline || d->weekday || d->rel ||
        strchr(d->iso, '/') != NULL)
        return NULL;
    return d;
}

const mention *bcx_then_of(const ctx *c, const mention *m)
{
    static const char *const then[] = {"toen", "destijds", "then", NULL};
    size_t si = m->sent, lo = c->se[si].t0, hi = c->se[si].t1;
    int adverb = 0;
    /* no date of its own, not even one a missing publication date leaves unread */
    if (si == 0 || c->se[si].d0 != c->se[si].d1 || bcx_new_paragraph(c, si) ||
        bcx_sent_has(c, si, C_MONTH, -1) || bcx_sent_has(c, si, C_LAST_YEAR, -1) ||
        bcx_sent_has(c, si, C_THIS_YEAR, -1) || bcx_sent_has(c, si, C_NEXT_YEAR, -1) ||
        bcx_sent_has(c, si, C_WEEKDAY, -1) || bcx_sent_has(c, si, C_REL_DAY, -1) ||
        bcx_sent_has(c, si, C_REL_MONTH, -1))
        return NULL;
    /* inside m's clause, not opening one ("toen de eerste bijeenkomst ...": when) */
    for (size_t k = lo + 1; k < hi && !adverb; k++)
        for (int w = 0; then[w] && !adverb; w++)
            adverb = bcx_word_is(c, k, hi, then[w]) && !(bcx_gap(c, k - 1) & (G_COMMA | G_DOT)) &&
                     c->t[k - 1].kind == T_WORD && !c->t[k - 1].meet &&
                     bcx_commas(c, k < m->t0 ? k : m->t1 - 1, k < m->t0 ? m->t0 : k) == 0;
    /* opening the sentence before its verb ("Toen vond in Hekou een vergadering ...
     * plaats"; "Toen de eerste bijeenkomst ..." is when) */
    adverb = adverb || (c->lbit == L_NL && opening_then(c, si));
    if (!adverb)
        return NULL;
    const mention *found = NULL;
    for (size_t k = 0; k < c->nm; k++) {
        const mention *o = &c->m[k];
        if (o->sent != si - 1 || o->date[0] == '\0')
            continue;
        if (found != NULL && strcmp(found->date, o->date) != 0)
            return NULL;
        found = o;
    }
    return found;
}

int bcx_after_report(const ctx *c, const char *date)
{
    int y = 0, m = 0, d = 0;
    if (c->ry == 0 || date[0] == '-' || sscanf(date, "%d-%d-%d", &y, &m, &d) < 1)
        return 0;
    if (y != c->ry)
        return y > c->ry;
    if (m == 0 || c->rm == 0 || m != c->rm)
        return m > c->rm && c->rm != 0;
    return d > c->rd && c->rd != 0;
}

int bcx_dateline_day(const ctx *c, mention *m)
{
    size_t si = m->sent;
    int dl = 0;
    if (c->lbit != L_EN || c->dld == 0 || m->date[0] || m->xkind != BC_XM_TALKS ||
        c->se[si].unread ||
        /* "met on Wednesday" without a reference date */ m->planned > 0 ||
        !(m->planned < 0 || bcx_talks_held(c, si) || bcx_talks_past_verb(c, m)))
        return 0;
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
        if (c->d[k].dateline)
            dl = 1;
        else if (day_prec(&c->d[k]) >= 2 || c->d[k].weekday || c->d[k].rel)
            return 0; /* a month or day of its own, whosever it is */
    }
    if (!dl)
        return 0;
    int y = c->ry;
    if (y != 0 && c->rm != 0 && c->dlm > c->rm)
        y--; /* a dateline of December in a report published in January */
    char iso[24];
    if (y != 0)
        snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, c->dlm, c->dld);
    else
        snprintf(iso, sizeof iso, "--%02d-%02d", c->dlm, c->dld);
    /* a day the report tells one to three days before the dateline's ("November 18",
     * "Yesterday's talks", "on Tuesday") may be these talks': they are not the dateline's */
    for (size_t k = 0; k < c->nd; k++) {
        const xd *o = &c->d[k];
        if (o->dateline || o->prec != 3)
            continue;
        int full = o->iso[0] != '-' && iso[0] != '-';
        for (int back = 1; back <= 3; back++) {
            char day[24];
            if (!bcx_shift_day(iso, -back, day))
                return 0;
            if (full ? strcmp(o->iso, day) == 0
                     : strcmp(o->iso[0] == '-' ? o->iso + 2 : o->iso + 5,
                              day[0] == '-' ? day + 2 : day + 5) == 0)
                return 0;
        }
    }
    copy_str(m->date, sizeof m->date, iso);
    m->date_inferred = y != 0 ? BC_X_INFERRED_YEAR : 0;
    m->date_src = 1;
    return 1;
}

/* Days from 1 March of year 0 to y-m-d, near enough to tell days a week apart. */
static long day_number(int y, int m, int d)
{
    if (m <= 2)
        y--, m += 12;
    return 365L * y + y / 4 - y / 100 + y / 400 + (153L * (m - 3) + 2) / 5 + d;
}

void bcx_dateline_talks(ctx *c, mention *m)
{
    static const char *const aux[] = {"hebben", "heeft", "zijn", "is", NULL};
    size_t si = m->sent, body = 0;
    if (c->lbit != L_NL || m->xkind != BC_XM_TALKS || m->date[0] || m->planned > 0 || c->dld == 0 ||
        c->dlm == 0)
        return;
    while (body < c->ns && c->se[body].heading)
        body++;
    if (si != body || c->se[si].unread || bcx_sent_has(c, si, C_WEEKDAY, -1) ||
        bcx_sent_has(c, si, C_REL_DAY, -1) || bcx_sent_has(c, si, C_FUTURE, -1) ||
        !bcx_sent_has(c, si, C_HELD, -1))
        return;
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++)
        if (c->d[k].prec > 0 && !c->d[k].dateline)
            return; /* a date of its own, the dateline's aside */
    int perfect = 0;
    for (size_t k = c->se[si].t0; k < c->se[si].t1 && !perfect; k++)
        for (int w = 0; aux[w] && !perfect; w++)
            perfect = bcx_word_is(c, k, c->se[si].t1, aux[w]);
    if (!perfect)
        return;
    int y = c->ry;
    if (y != 0 && c->rm != 0 && c->dlm > c->rm)
        y--; /* a dateline of December in a report published in January */
    /* a meeting the article dates in the week up to the dateline's day is the one its lead
     * reports ("Het overleg vond dinsdag plaats") */
    long dl = day_number(y ? y : 2000, c->dlm, c->dld);
    for (size_t k = 0; k < c->nm; k++) {
        const mention *o = &c->m[k];
        int oy = 0, om = 0, od = 0;
        if (o == m || !o->date[0])
            continue;
        if (o->date[0] == '-' ? sscanf(o->date, "--%d-%d", &om, &od) != 2
                              : sscanf(o->date, "%d-%d-%d", &oy, &om, &od) != 3)
            continue;
        long on = day_number(oy ? oy : (y ? y : 2000), om, od);
        if (on <= dl && on + 7 >= dl)
            return;
    }
    if (y != 0)
        snprintf(m->date, sizeof m->date, "%04d-%02d-%02d", y, c->dlm, c->dld);
    else
        snprintf(m->date, sizeof m->date, "--%02d-%02d", c->dlm, c->dld);
    m->date_inferred = y != 0 ? BC_X_INFERRED_YEAR : 0;
    m->date_src = 2;
}
