/* extract_meet_clause.c: whose a date of a meeting's sentence is, told by the clause it
 * stands in: talks named by a verb that says they took place ("received ... in
 * mid-August", "last sat down together in April 2023") take a month gone by; a year said
 * to be gone by ("earlier this year", "last year") dates talks; a year after nothing but a
 * meeting's words of being held dates it ("is scheduled to be held in Guangxi in early
 * 2026"). (A date in a relative clause of another noun, "..., the crossing, which reopened
 * on June 27", is that noun's: bcx_relative_of_other.) A day a word of holding introduces
 * is the meeting's it follows (bcx_held_on); a day opening a later clause that names another
 * meeting is that one's (bcx_day_of_later_clause). A verb of meeting in the passive of a
 * relative clause after a meeting ("the 2023 Spring Meeting ..., which was hosted via video
 * link from Ha Giang on Feb. 22") tells of that meeting, no talks of their own
 * (bcx_meeting_passive). */
#include "extract_int.h"

#include <stdio.h>
#include <string.h>

int bcx_talks_past_verb(const ctx *c, const mention *m)
{
    static const char *const past[] = {"received", "hosted",     "met with",  "met",
                                       "sat down", "held talks", "had talks", NULL};
    if (m->xkind != BC_XM_TALKS || c->lbit != L_EN)
        return 0;
    if (bcx_en_followed_up_past(c, m))
        return 1;
    for (int w = 0; past[w]; w++)
        if (bcx_words_at(c, m->t0, c->se[m->sent].t1, past[w]) == m->t1 - m->t0)
            return 1;
    return 0;
}

int bcx_year_gone(const ctx *c, const mention *m, const xd *d)
{
    static const char *const before[] = {"earlier", "early", "late", NULL};
    size_t lim = c->se[m->sent].t1;
    if (c->lbit != L_EN || m->xkind != BC_XM_TALKS || d->prec != 1 || d->span[0] ||
        d->t0 <= m->t1 || bcx_commas(c, m->t1, d->t0) > 0)
        return 0; /* the year stands in the talks' own clause, after them */
    for (size_t q = m->t1; q < d->t0; q++)
        if (c->t[q].kind != T_WORD || (bcx_gap(c, q) & G_DOT))
            return 0; /* an amount or another date between is what the year counts */
    if (bcx_words_at(c, d->t0, lim, "last year") == d->t1 - d->t0)
        return 1;
    /* a written year after where alone, or words of holding and where, in the clause of
     * talks that took place ("last held talks in Kunming in 2022", "The last talks ... were
     * held in Kunming in 2022"): then */
    if (c->t[d->t0].kind == T_NUM && m->planned <= 0 && bcx_word_is(c, d->t0 - 1, lim, "in") &&
        !(bcx_word_is(c, d->t1, lim, "and") && bcx_year_of(c, d->t1 + 1, lim))) {
        /* a visit gone by, to where it went ("during a working visit to Yunnan in 2017") */
        int where = 1, held = bcx_talks_past_verb(c, m) || (m->visit && m->planned < 0);
        for (size_t q = m->t1; q + 1 < d->t0 && where; q++) {
            int h = bcx_word_is(c, q, lim, "held") || bcx_words_at(c, q, lim, "took place") == 2;
            held |= h;
            where = h || bcx_word_is(c, q, lim, "in") || bcx_word_is(c, q, lim, "were") ||
                    bcx_word_is(c, q, lim, "was") || bcx_word_is(c, q, lim, "place") ||
                    bcx_word_is(c, q, lim, "between") || bcx_word_is(c, q, lim, "and") ||
                    (m->visit && bcx_word_is(c, q, lim, "to")) || c->t[q].upper;
        }
        if ((where && held) || bcx_held_chain(c, m, d))
            return 1;
    }
    if (bcx_words_at(c, d->t0, lim, "this year") != d->t1 - d->t0 && c->t[d->t0].kind != T_NUM &&
        c->t[d->t0].kind != T_DATE)
        return 0;
    for (int w = 0; before[w]; w++)
        if (bcx_word_is(c, d->t0 - 1, lim, before[w]))
            return 1;
    return 0;
}

/* 1 when talks m are named back as "the talks" after "at", "during" or "after", in the
 * second sentence of the article's body, its first being the paragraph before: the talks
 * its lead sentence told ("MONG CAI, March 12 - A and B agreed yesterday to ...", then
 * "... signed a memorandum at the talks in Mong Cai"), when that day is counted from the
 * report's (bcx_back_day). */
static int lead_talks_back(const ctx *c, const mention *m)
{
    size_t si = m->sent, hi = c->se[si].t1, lead = 0;
    while (lead < c->ns && c->se[lead].heading)
        lead++;
    if (m->xkind != BC_XM_TALKS || si != lead + 1 || !bcx_new_paragraph(c, si) ||
        m->t0 < c->se[si].t0 + 2 || !bcx_word_is(c, m->t0 - 1, hi, "the") ||
        !(bcx_word_is(c, m->t0 - 2, hi, "at") || bcx_word_is(c, m->t0 - 2, hi, "during") ||
          bcx_word_is(c, m->t0 - 2, hi, "after")))
        return 0;
    /* the lead names both sides: a Vietnamese and a Chinese province or place */
    int vn = 0, cn = 0;
    for (size_t q = c->se[lead].h0; q < c->se[lead].h1; q++) {
        const hit *h = &c->h[q];
        int side = h->entity == E_PROVINCE ? (bcx_province_cn(c, h->id) ? -1 : 1)
                   : h->entity == E_PLACE  ? (h->id[0] == 'C' ? -1 : 1)
                                           : 0;
        vn = vn || side > 0;
        cn = cn || side < 0;
    }
    return vn && cn;
}

/* 1 when every date of English sentence si stands in a clause opened by "since" ("the first
 * working session between the two sides since Chinese authorities lifted their COVID-19
 * border controls in January"): points things are counted from, none a meeting's day. */
static int only_since_dates(const ctx *c, size_t si)
{
    size_t lo = c->se[si].t0;
    if (c->lbit != L_EN)
        return 0;
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
        const xd *d = &c->d[k];
        int since = 0;
        for (size_t q = d->t0; q > lo && !since && !(bcx_gap(c, q - 1) & (G_COMMA | G_DOT)); q--)
            since = bcx_word_is(c, q - 1, q, "since");
        if (!since)
            return 0;
    }
    return 1;
}

const xd *bcx_back_day(const ctx *c, const mention *m)
{
    static const char *const back[] = {
        "agreement", "agreements", "request",   "decision",     "proposal", "deal",
        "pledge",    "commitment", "consensus", "announcement", "ceremony", "opening ceremony",
        "talks",     "meeting",    "event",     "two sides",    NULL};
    size_t si = m->sent, s0 = c->se[si].t0, hi = c->se[si].t1;
    const xd *signing = bcx_signed_at_talks(c, m); /* "The document was signed ... at talks" */
    if (signing != NULL || (signing = bcx_right_after_month(c, m)) != NULL ||
        (signing = bcx_since_when_held(c, m)) != NULL ||
        (signing = bcx_there_then_day(c, m)) != NULL ||
        (signing = bcx_then_to_come(c, m)) != NULL ||
        (signing = bcx_at_that_meetings_time(c, m)) != NULL)
        return signing; /* "Aansluitend hield het werkcomité er zijn zestiende zitting" */
    if (c->lbit != L_EN || si == 0 || (c->se[si].d0 != c->se[si].d1 && !only_since_dates(c, si)) ||
        c->se[si - 1].heading || c->se[si - 1].nment > 0 || bcx_new_paragraph(c, si - 1) == 0)
        return NULL;
    int lead = lead_talks_back(c, m);
    if (!lead && !bcx_word_is(c, s0, hi, "the"))
        return NULL;
    /* "The agreement was reached as ...", "The opening ceremony, jointly held by ...", "The
     * two sides met by video link" */
    int refers = lead;
    for (int w = 0; back[w] && !refers; w++)
        refers = bcx_words_at(c, s0 + 1, hi, back[w]) > 0;
    /* the talks themselves a few words of what kind on ("The economic and trade talks in
     * Cao Bang City were co-chaired by ...") */
    refers = refers || (m->xkind == BC_XM_TALKS && m->t0 > s0 && m->t0 <= s0 + 4 &&
                        bcx_commas(c, s0, m->t0) == 0 && !bcx_lex_find(c, C_MEET, s0 + 1, NULL));
    if (!refers || (bcx_words_at(c, s0 + 1, hi, "two sides") > 0 &&
                    (m->xkind != BC_XM_TALKS || m->t0 > s0 + 4)))
        return NULL; /* "The two sides met", "... held talks": not "agreed that the 14th ..." */
    /* the one date of the sentence before, a day, none of a figure's */
    const xd *day = NULL;
    for (size_t k = c->se[si - 1].d0; k < c->se[si - 1].d1; k++) {
        const xd *d = &c->d[k];
        if (d->dateline || d->used)
            continue; /* a figure's period ("US$2.5 billion last year") */
        if (day != NULL || d->prec != 3 || d->same_day || d->rel || d->span[0] ||
            bcx_said_on(c, d) || bcx_deadline_day(c, d) || bcx_signed_on(c, d))
            return NULL;
        day = d;
    }
    /* a weekday is to come when it was counted forward from the report's day ("on Thursday
     * agreed ..., a structure ... estimates will cost": gone by, whatever comes later) */
    if (day == NULL || (day->weekday ? bcx_after_report(c, day->iso)
                                     : bcx_future_at(c, day->t0) != 0) != (m->planned > 0))
        return NULL;
    /* the lead's day counted from the report's ("agreed yesterday", "on Tuesday"), not an
     * arrival's ("On May 20, a delegation ... arrived"): the day of what the lead reports */
    if (lead && (!day->weekday || bcx_arrival_day(c, si - 1) != NULL))
        return NULL;
    return day;
}

int bcx_own_day_between(const ctx *c, size_t from, size_t i)
{
    size_t si = c->t[i].sent;
    if (c->lbit != L_EN || from == 0 || from >= i)
        return 0;
    /* "The talks followed up on the bilateral meeting between ...": what they followed is
     * another meeting */
    for (size_t k = from; k < i && k < from + 3; k++)
        if (bcx_word_is(c, k, i, "followed") || bcx_words_at(c, k, i, "built on") == 2)
            return 1;
    if (bcx_commas(c, from, i) == 0)
        return 0;
    /* "The leaders ..., who last met in Hekou in January 2020, held online talks on
     * Tuesday": the talks told first stand in a relative clause that closes before i */
    size_t open = from - 1, lo = c->se[si].t0;
    while (open > lo && !(bcx_gap(c, open - 1) & (G_COMMA | G_DOT)))
        open--;
    if (open > lo && (bcx_gap(c, open - 1) & G_COMMA) &&
        (bcx_word_is(c, open, i, "who") || bcx_word_is(c, open, i, "which"))) {
        size_t end = from;
        while (end < i && !(bcx_gap(c, end - 1) & (G_COMMA | G_DOT)))
            end++;
        if (end < i && (bcx_gap(c, end - 1) & G_COMMA))
            return 1;
    }
    /* "..., and on Friday, August 30, Liu held talks with ...": a day opening the later
     * clause, its talks a few words on */
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
        const xd *d = &c->d[k];
        if (d->t0 < from || d->t1 > i || i - d->t1 > 6 || d->prec != 3 || d->same_day || d->rel ||
            d->span[0] || bcx_commas(c, from, d->t0) == 0)
            continue;
        size_t q = d->t0;
        while (q > from && !(bcx_gap(c, q - 1) & G_COMMA) && d->t0 - q < 3)
            q--;
        if (bcx_gap(c, q - 1) & G_COMMA)
            return 1; /* the clause opens with the day ("and on ...") */
    }
    return 0;
}

/* 1 when sentence si, naming no meeting of its own and not opening a paragraph, opens with
 * a noun of meeting after only its definite article, or bare in a language without one: a
 * word for any meeting ("The meeting", "De vergadering", "La réunion", "Spotkanie odbyło
 * się", "会议于…举行"), whatever noun named m, or a noun of m's kind of meeting, however
 * inflected ("Konferencja odbyła się" after "16. konferencji", "La conférence s'est tenue",
 * "Hội nghị đã diễn ra"): the meeting m just told, again. */
static int opens_with_its_noun(const ctx *c, const mention *m, size_t si)
{
    static const char *const the[] = {"the", "de", "het", "la", "le", "l", NULL};
    size_t s0 = c->se[si].t0, hi = c->se[si].t1;
    if (bcx_new_paragraph(c, si))
        return 0;
    int bare = (c->lbit & (L_PL | L_ZH | L_VI)) != 0;
    for (int w = 0; the[w] && !bare; w++)
        if (bcx_word_is(c, s0, hi, the[w]) && s0 + 1 < hi) {
            s0++;
            bare = 1;
        }
    const bc_lex *e = NULL, *own = NULL;
    size_t n = bare ? bcx_lex_find(c, C_MEET, s0, &e) : 0;
    if (n == 0)
        return 0;
    /* a bare Chinese or Vietnamese noun is the subject only before its verb ("会议于…举行",
     * "Hội nghị đã diễn ra"), not of a phrase of time ("会议期间，…") or a name of another
     * ("Hội nghị xúc tiến thương mại") */
    static const char *const verb_zh[] = {"于", "在", "将", "已", "举", "召", "定", "拟", NULL};
    static const char *const verb_vi[] = {"da", "se", "duoc", "dien", "du", "khai", NULL};
    const char *const *verb = c->lbit == L_ZH ? verb_zh : c->lbit == L_VI ? verb_vi : NULL;
    int subject = verb == NULL;
    for (int w = 0; verb && verb[w] && !subject; w++)
        subject = bcx_word_is(c, s0 + n, hi, verb[w]);
    if (!subject)
        return 0;
    /* a meeting of its own, but the one its opening noun names alone (its date beside it:
     * "Konferencja odbyła się w kwietniu 2025 r.") */
    for (size_t k = 0; k < c->nm; k++) {
        const mention *o = &c->m[k];
        if (o->sent == si && o->xkind != BC_XM_TALKS &&
            !(o->xkind == BC_XM_NAMED && o->noun == s0 && o->ord == 0 && o->mech == NULL))
            return 0;
    }
    if (e->val == K_GENERIC)
        return 1;
    return m->noun < m->noun_end && bcx_lex_find(c, C_MEET, m->noun, &own) > 0 &&
           own->val == e->val;
}

/* 1 when sentence si opens with a word that points back at a meeting just named and a
 * meeting noun ("That meeting", "Cette reunion", "Die vergadering", "To spotkanie", "该次会议",
 * "此次会议"), or with the noun and that word ("Hoi nghi nay", "Spotkanie to"), or with only
 * a noun for it (opens_with_its_noun): the meeting m told before, again. */
static int opens_with_that_meeting(const ctx *c, const mention *m, size_t si)
{
    static const char *const that[] = {"that", "this", "cette", "ce",    "cet",  "die", "deze",
                                       "dat",  "to",   "tamto", "detta", "det",  "den", "denna",
                                       "该次", "此次", "本次",  "这次",  "上述", "该",  NULL};
    static const char *const after[] = {"nay", "to", "ta", "te", "ten", NULL};
    size_t s0 = c->se[si].t0, hi = c->se[si].t1;
    /* "Hoi nghi nay", "Spotkanie to", "Rozmowy te": the word pointing back after the noun */
    size_t noun = bcx_lex_find(c, C_MEET, s0, NULL);
    if (noun == 0 && c->lbit == L_PL)
        noun = bcx_lex_find(c, C_TALKS, s0, NULL);
    for (int w = 0; after[w] && noun > 0 && s0 + noun < hi; w++)
        if ((w == 0 || c->lbit == L_PL) && bcx_word_is(c, s0 + noun, hi, after[w]))
            return 1;
    /* "Mötet hölls ...": the Swedish word for any meeting in its definite form (-et, -en)
     * opening the sentence is the one just named, whatever noun named it (a noun of a kind,
     * "Konferensen", only the same noun again: bcx_next_says_when) */
    const bc_lex *e = NULL;
    int generic = bcx_lex_find(c, C_MEET, s0, &e) > 0 && e->val == K_GENERIC;
    if (c->lbit == L_SV && noun == 1 && generic && c->t[s0].fl > 3) {
        const char *f = c->fold.data + c->t[s0].fo + c->t[s0].fl - 2;
        if (memcmp(f, "et", 2) == 0 || memcmp(f, "en", 2) == 0)
            return 1;
    }
    if (opens_with_its_noun(c, m, si))
        return 1;
    for (int w = 0; that[w]; w++) {
        size_t n = bcx_words_at(c, s0, hi, that[w]);
        if (n > 0 && s0 + n < hi &&
            (bcx_lex_find(c, C_MEET, s0 + n, NULL) > 0 ||
             bcx_lex_find(c, C_TALKS, s0 + n, NULL) > 0))
            return 1;
    }
    return 0;
}

/* 1 when Swedish sentence si says in the present that something is held ("hålls", "äger
 * rum"): the present Swedish uses for what is to come. */
static int present_sv(const ctx *c, size_t si)
{
    size_t a = c->se[si].t0, b = c->se[si].t1;
    for (size_t k = a; k < b; k++)
        if (bcx_word_is(c, k, b, "halls") || bcx_words_at(c, k, b, "ager rum") == 2)
            return 1;
    return 0;
}

const xd *bcx_next_says_when(const ctx *c, const mention *m, int *tense)
{
    *tense = 0;
    size_t si = m->sent + 1;
    const xd *then = bcx_nl_then_held(c, m); /* "... een werksessie. Die vond op ... plaats" */
    if (then != NULL) {
        *tense = -1;
        return then;
    }
    if ((then = bcx_nl_then_planned(c, m)) != NULL) { /* "Die staat gepland voor maart" */
        *tense = 1;
        return then;
    }
    if (m->xkind != BC_XM_NUMBERED || m->date[0] || si >= c->ns || m->noun >= m->noun_end ||
        c->se[m->sent].d0 != c->se[m->sent].d1)
        return NULL;
    /* "The conference and the 11th session ... took place in Lai Chau on October 30"; "该次
     * 会议于2025年10月30日在莱州省举行" */
    size_t s0 = c->se[si].t0, hi = c->se[si].t1;
    const tok *a = &c->t[m->noun_end - 1], *b = s0 + 1 < hi ? &c->t[s0 + 1] : NULL;
    /* "Mötet hölls ...": the Swedish noun of m again, its article its own ending */
    if (c->lbit == L_SV)
        b = &c->t[s0];
    int again = b != NULL && (c->lbit == L_SV || bcx_word_is(c, s0, hi, "the")) &&
                (c->lbit == L_EN || c->lbit == L_SV) && a->fl == b->fl &&
                memcmp(c->fold.data + a->fo, c->fold.data + b->fo, a->fl) == 0 &&
                (c->lbit == L_SV || !bcx_new_paragraph(c, si));
    /* "That meeting ...", first of the next paragraph too: it points back at m; so does
     * the Swedish noun again, the other way Swedish has to say it ("Mötet", "Det mötet") */
    int back = (again && c->lbit == L_SV) || (!again && opens_with_that_meeting(c, m, si));
    /* "Die vergadering vond op 30 oktober plaats", "... vindt in maart plaats": a Dutch
     * verb of holding whose particle closes the clause, in the past or the present; the
     * Swedish present ("Konferensen hålls i Nanning i mars 2027"), to come */
    int nl = c->lbit == L_SV ? (bcx_sent_has(c, si, C_HELD, -1) ? 0 : present_sv(c, si))
                             : bcx_nl_takes_place(c, si);
    /* "Cette réunion se tiendra ...": a future of holding is a verb of it as well */
    if (!(again || back) || !(bcx_sent_has(c, si, C_HELD, -1) || nl < 0 ||
                              (back && (bcx_sent_has(c, si, C_FUTURE, -1) || nl > 0))))
        return NULL;
    const xd *day = NULL;
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
        const xd *d = &c->d[k];
        if (d->used)
            continue;
        if (day != NULL || d->prec < 2 || d->same_day || d->rel || d->span[0] ||
            bcx_said_on(c, d) || bcx_deadline_day(c, d) || bcx_signed_on(c, d))
            return NULL;
        day = d;
    }
    /* "That meeting will be held ...": the sentence pointing back says whether it is to
     * come when m's own words say neither ("ahead of the 17th conference": the past of the
     * talks held ahead of it is theirs) */
    int unsaid = m->planned == 0 || (m->planned < 0 && bcx_occasion_of(c, m));
    if (day == NULL)
        return NULL;
    int future = bcx_future_at(c, day->t0) || (back && nl > 0);
    if (!(back && unsaid) && future != (m->planned > 0))
        return NULL;
    *tense = future ? 1 : -1;
    return day;
}

int bcx_later_clause_of_other(const ctx *c, const mention *m, size_t t0, size_t t1)
{
    if (t0 < m->t1 || bcx_commas(c, m->t1 - 1, t0) == 0)
        return 0;
    for (size_t k = 0; k < c->nm; k++) {
        const mention *o = &c->m[k];
        if (o != m && o->sent == m->sent && o->t0 >= t1 && bcx_commas(c, t1 - 1, o->t0) == 0)
            return 1; /* "...第十六次会议，今年3月18日双方还在谅山举行了春季会晤": the spring
                         meeting's */
    }
    return 0;
}

int bcx_day_of_later_clause(const ctx *c, const mention *m, const xd *d)
{
    /* the clause opens with the day, a word or two before it at most ("，今年3月18日",
     * ", and on March 18") */
    size_t q = d->t0;
    while (q > m->t1 && !(bcx_gap(c, q - 1) & G_COMMA) && d->t0 - q < 2)
        q--;
    return q > 0 && (bcx_gap(c, q - 1) & G_COMMA) && bcx_later_clause_of_other(c, m, d->t0, d->t1);
}

void bcx_unyear_held_after(const ctx *c, mention *m)
{
    char ref[24];
    if (m->planned >= 0 || !m->date_inferred || strlen(m->date) != 10 || c->ry == 0 || c->rm == 0 ||
        c->rd == 0)
        return;
    snprintf(ref, sizeof ref, "%04d-%02d-%02d", c->ry, c->rm, c->rd);
    if (strcmp(m->date, ref) <= 0)
        return;
    /* "Chieu 7/10, ... da hoi dam" in a report of 5 October: held, so not this year's 7
     * October; a slip or last year's, the text does not say */
    memmove(m->date + 2, m->date + 5, 6);
    m->date[0] = m->date[1] = '-';
    m->date_inferred = 0;
}

int bcx_held_chain(const ctx *c, const mention *m, const xd *d)
{
    static const char *const words[] = {
        "is",        "was",   "will",   "would",   "be",   "been", "to",  "scheduled", "expected",
        "due",       "set",   "slated", "planned", "of",   "the",  "and", "between",   "province",
        "provinces", "their", "in",     "early",   "late", "mid",  "at",  "on",        NULL};
    size_t held = 0;
    if (c->lbit != L_EN || d->t0 < m->t1 || bcx_commas(c, m->t1, d->t0) > 0)
        return 0;
    for (size_t k = m->t1; k < d->t0;) {
        const sent *s = &c->se[m->sent];
        size_t n = bcx_lex_find(c, C_MECH, k, NULL);
        for (size_t q = s->h0; q < s->h1 && n == 0; q++)
            if (c->h[q].t0 == k)
                n = c->h[q].t1 - k; /* the body's name, a member or where it is held */
        size_t h = n == 0 ? bcx_lex_find(c, C_HELD, k, NULL) : 0;
        held += h > 0;
        n = n ? n : h;
        for (int w = 0; n == 0 && words[w]; w++)
            n = bcx_word_is(c, k, d->t0, words[w]);
        if (n == 0 && c->t[k].kind == T_WORD && c->t[k].upper && k > m->t1 &&
            bcx_word_is(c, k - 1, k, "in"))
            n = 1; /* where: "in Guangxi" */
        if (n == 0)
            return 0;
        k += n;
    }
    return held > 0;
}

int bcx_held_on(const ctx *c, const mention *m, const xd *d, const size_t *idx, size_t a, size_t b)
{
    static const char *const held[] = {
        "to chuc", "dien ra",  "held",       "took place",     "convened",  "tenue",
        "tenu",    "tenues",   "tenus",      "deroulee",       "deroule",   "lieu",
        "举行于",  "召开于",   "odbylo sie", "odbyla sie",     "odbyl sie", "odbyly sie",
        "holls",   "gehouden", "plaatsvond", "plaatsgevonden", NULL};
    static const char *const preps[] = {"ngay",
                                        "vao ngay",
                                        "vao",
                                        "on",
                                        "le",
                                        "den",
                                        "op",
                                        "dnia",
                                        "on the morning of",
                                        "on the afternoon of",
                                        "on the evening of",
                                        NULL};
    if (d->t0 < m->t1 || d->t0 == c->se[m->sent].t0)
        return 0;
    for (size_t k = a; k < b; k++)
        if (c->m[idx[k]].t0 >= m->t1 && c->m[idx[k]].t0 < d->t0)
            return 0;
    size_t end = d->t0;
    /* the date may begin with its preposition ("ngay 30/10/2025") or follow it */
    for (int w = 0; preps[w]; w++) {
        size_t n = 1;
        for (const char *p = strchr(preps[w], ' '); p != NULL; p = strchr(p + 1, ' '))
            n++;
        if (end >= m->t1 + n && bcx_words_at(c, end - n, end, preps[w]) == n &&
            !(bcx_gap(c, end - n - 1) & (G_COMMA | G_DOT))) {
            end -= n;
            break;
        }
    }
    /* the place it was held in may stand between ("held in Ha Long last month") */
    for (size_t k = end; k > m->t1 && k + 5 > end && c->t[k - 1].upper; k--)
        if (k - 1 > m->t1 && bcx_lex_find(c, C_LOC, k - 2, NULL) == 1 &&
            bcx_commas(c, k - 2, end) == 0) {
            end = k - 2;
            break;
        }
    for (int w = 0; held[w]; w++)
        for (size_t n = 1; n <= 3 && n + m->t1 <= end; n++)
            if (bcx_words_at(c, end - n, end, held[w]) == n)
                return 1;
    return 0;
}

int bcx_meeting_passive(const ctx *c, size_t si, size_t i)
{
    static const char *const be[] = {"which was", "which were", "that was", "which had been", NULL};
    size_t lo = c->se[si].t0, k = i, n = 0;
    if (c->lbit != L_EN || i <= lo)
        return 0;
    /* "which was jointly hosted": an adverb between */
    if (k > lo + 1 && c->t[k - 1].kind == T_WORD && c->t[k - 1].fl > 2 &&
        memcmp(TXT(c, k - 1) + c->t[k - 1].fl - 2, "ly", 2) == 0)
        k--;
    for (int w = 0; be[w] && n == 0; w++) {
        size_t wn = 1;
        for (const char *p = be[w]; *p; p++)
            wn += *p == ' ';
        if (k >= lo + wn && bcx_words_at(c, k - wn, k, be[w]) == wn)
            n = wn;
    }
    if (n == 0)
        return 0;
    for (size_t q = k - n; q > lo; q--)
        if (c->t[q - 1].meet)
            return 1; /* a numbered or named meeting before it: the one hosted */
    return 0;
}

int bcx_talks_on_day(const ctx *c, size_t si, size_t i)
{
    size_t hi = c->se[si].t1, n = bcx_lex_find(c, C_TALKS, i, NULL);
    if (c->lbit != L_EN || n == 0 || !bcx_word_is(c, i + n - 1, hi, "talks") ||
        !bcx_word_is(c, i + n, hi, "on"))
        return 0;
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++)
        if (c->d[k].t0 == i + n + 1 && c->d[k].prec == 3 && !strchr(c->d[k].iso, '/'))
            return 1; /* "The talks on Tuesday ... built on the outcomes of the 5th conference" */
    return 0;
}

void bcx_sideline_day(ctx *c, mention *m, const size_t *idx, size_t a, size_t b)
{
    if (c->lbit != L_EN || m->xkind != BC_XM_TALKS || m->date[0] != '\0')
        return;
    /* "the bilateral meeting between ..., held on the sidelines of the fifth conference" */
    int side = m->sideline;
    for (size_t k = m->t1; !side && k < c->se[m->sent].t1 && bcx_commas(c, m->t1, k) <= 1; k++) {
        if (bcx_lex_find(c, C_TALKS, k, NULL) > 0 || bcx_lex_find(c, C_MEET, k, NULL) > 0)
            break; /* another meeting's sidelines ("The talks followed up on the bilateral
                    * meeting ..., held on the sidelines of ...") */
        side = bcx_lex_find(c, C_SIDELINES, k, NULL) > 0;
    }
    if (!side)
        return;
    const mention *host = NULL;
    for (size_t k = a; k < b; k++) {
        const mention *o = &c->m[idx[k]];
        if (o == m || o->xkind == BC_XM_TALKS)
            continue;
        if (host != NULL)
            return; /* two meetings it may be on the sidelines of */
        host = o;
    }
    size_t len = host != NULL ? strlen(host->date) : 0;
    if (host == NULL || host->planned > 0 || !(len == 10 || (len == 7 && host->date[0] == '-')))
        return; /* a day, of a meeting that took place */
    memcpy(m->date, host->date, sizeof m->date);
    m->date_inferred = host->date_inferred;
    m->date_src = 2;
    m->sideline = 1; /* a meeting of its own, not folded into its host */
}

int bcx_talks_open_held(const ctx *c, size_t si, size_t i)
{
    size_t open = bcx_sent_open(c, si);
    if (si == 0 || bcx_new_paragraph(c, si) || c->se[si - 1].heading || i > open + 1 ||
        !bcx_talks_held(c, si) || bcx_sent_has(c, si, C_FUTURE, -1))
        return 0;
    /* an article or a demonstrative before them, nothing else ("Het gesprek", "The talks",
     * "Die ontmoeting"); none in Polish, Vietnamese or Chinese */
    static const char *const det[] = {"the", "het", "de",    "die",   "dat",   "la",
                                      "le",  "les", "cette", "ces",   "ta",    "te",
                                      "den", "det", "that",  "those", "these", NULL};
    if (i == open)
        return 1;
    for (int w = 0; det[w]; w++)
        if (bcx_word_is(c, open, i, det[w]))
            return 1;
    return 0;
}

int bcx_after_held_aside(const ctx *c, const mention *m, const xd *d)
{
    size_t hi = c->se[m->sent].t1, open = m->t1;
    /* the aside opens at the first comma after the meeting's name and what it is of
     * ("The Spring Meeting of Lang Son and Guangxi, held in Nanning, ...") */
    while (open < hi && !(bcx_gap(c, open - 1) & (G_COMMA | G_DOT)))
        open++;
    if (d->t0 < m->t1 || open >= hi || !(bcx_gap(c, open - 1) & G_COMMA) ||
        bcx_lex_find(c, C_HELD, open, NULL) == 0 || open > m->t1 + 8)
        return 0;
    size_t end = open;
    while (end < hi && !(bcx_gap(c, end) & (G_COMMA | G_DOT)))
        end++;
    if (end >= hi || !(bcx_gap(c, end) & G_COMMA) || d->t0 <= end)
        return 0; /* the date stands in the aside: where and when it was held */
    for (size_t k = c->se[m->sent].d0; k < c->se[m->sent].d1; k++)
        if (c->d[k].t0 >= m->t1 && c->d[k].t0 <= end)
            return 0;
    /* the main clause says it took place ("..., held in Nanning, ended on March 3"): its */
    return !bcx_range_has(c, end + 1, d->t0, C_HELD, -1) &&
           !bcx_range_has(c, end + 1, d->t0, C_TALKS, -1);
}
