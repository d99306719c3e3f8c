/* extract_meet_pronoun.c: a sentence that tells when the meeting named just before it took
 * place, opening with a subject pronoun or a meeting noun and a verb of taking place ("It took
 * place on 22 March", "Elle s'est tenue le 22 mars", "Zij vond op 22 maart plaats", "Det hölls
 * den 22 mars", "Odbyło się ono 22 marca", "The meeting took place on 22 March"): its day. */
#include "extract_int.h"

#include <string.h>

/* The words of one language: subject pronouns that open a sentence, verbs of taking place in
 * the past (a Dutch verb's particle may close its clause: "vond ... plaats"), pronouns that
 * follow the verb (Polish "Odbyło się ono"). */
typedef struct said {
    unsigned lang;
    const char *const *pron;
    const char *const *verb;
    const char *const *after;
} said;

static const char *const pron_en[] = {"it", NULL};
static const char *const verb_en[] = {"took place", "was held", "was convened", NULL};
static const char *const pron_fr[] = {"elle", "il", NULL};
static const char *const verb_fr[] = {"s est tenue",   "s est tenu", "s est deroulee",
                                      "s est deroule", "a eu lieu",  NULL};
static const char *const pron_nl[] = {"zij", "ze", "het", NULL};
static const char *const verb_nl[] = {"vond plaats", "werd gehouden", NULL};
static const char *const pron_sv[] = {"det", "den", NULL};
static const char *const verb_sv[] = {"holls", "agde rum", NULL};
static const char *const none[] = {NULL};
static const char *const verb_pl[] = {"odbylo sie", "odbyla sie", "odbyl sie", NULL};
static const char *const after_pl[] = {"ono", "ona", "on", NULL};

static const said words[] = {
    {L_EN, pron_en, verb_en, none}, {L_FR, pron_fr, verb_fr, none},  {L_NL, pron_nl, verb_nl, none},
    {L_SV, pron_sv, verb_sv, none}, {L_PL, none, verb_pl, after_pl},
};

/* The folded nouns of other events a pronoun might be (a fair, an exhibition, a festival, a
 * ceremony, a forum, a visit, an opening or launch), as the stems that begin a word and the
 * heads that end a Dutch or Swedish compound ("handelsbeurs", "werkbezoek", "handelsmässan"):
 * named in the sentence before, "It took place on 22 March" may be of that one. */
static const char *const event_stem[] = {
    "fair",    "exhibition", "festival", "ceremon",     "forum",   "visit",
    "opening", "inaugura",   "launch",   "foire",       "salon",   "exposition",
    "visite",  "lancement",  "beurs",    "tentoonstel", "bezoek",  "lancering",
    "massa",   "utstalln",   "besok",    "invigning",   "targi",   "targach",
    "targow",  "wystaw",     "festiwal", "wizyt",       "otwarci", NULL};
static const char *const event_head[] = {"beurs", "bezoek", "massan", "massa", "besok", NULL};

/* 1 when token k is a noun of another event (event_stem, event_head) */
static int event_noun(const ctx *c, size_t k)
{
    const char *t = TXT(c, k);
    size_t fl = c->t[k].fl;
    for (int w = 0; event_stem[w]; w++) {
        size_t n = strlen(event_stem[w]);
        if (fl >= n && memcmp(t, event_stem[w], n) == 0)
            return 1;
    }
    for (int w = 0; event_head[w]; w++) {
        size_t n = strlen(event_head[w]);
        if (fl > n && memcmp(t + fl - n, event_head[w], n) == 0)
            return 1;
    }
    return 0;
}

/* 1 when sentence si, the one a subject pronoun after it points back at, may give it another
 * antecedent than its meeting: a clause of its own (a comma or bracket that does not part the
 * names of a list), talks, a sideline, or a noun of another event */
static int other_antecedent(const ctx *c, size_t si)
{
    size_t a = c->se[si].t0, b = c->se[si].t1;
    if (bcx_sent_has(c, si, C_SIDELINES, -1))
        return 1;
    for (size_t k = a; k < b; k++) {
        /* talks, not the meeting's own noun ("Vårmötet" ends with a word of talks) */
        if (bcx_lex_find(c, C_TALKS, k, NULL) > 0 && bcx_lex_find(c, C_MEET, k, NULL) == 0)
            return 1;
        if (k + 1 < b && (bcx_gap(c, k) & (G_COMMA | G_PAREN | G_OPEN)) &&
            !bcx_list_comma(c, si, k))
            return 1;
        if (c->t[k].kind == T_WORD && event_noun(c, k))
            return 1;
    }
    return 0;
}

/* The index of the first word of list at token k (< hi) and its tokens in *n; -1 none. */
static int word_in(const ctx *c, size_t k, size_t hi, const char *const *list, size_t *n)
{
    for (int w = 0; list[w]; w++)
        if ((*n = bcx_words_at(c, k, hi, list[w])) > 0)
            return w;
    return -1;
}

/* The token after a meeting noun opening sentence si (after an article, or a word pointing
 * back: "The meeting", "La réunion", "De bijeenkomst", "Mötet", "Det mötet", "Spotkanie"), of
 * no kind or of a kind sentence si - 1 names; 0 when none opens it. */
static size_t noun_opens(const ctx *c, size_t si)
{
    size_t k = c->se[si].t0, hi = c->se[si].t1, n = bcx_lex_find(c, C_ARTICLE, k, NULL);
    if (n > 0 && !(c->lbit == L_EN && bcx_word_is(c, k, hi, "a")))
        k += n;
    const bc_lex *e = NULL;
    if (k >= hi || (n = bcx_lex_find(c, C_MEET, k, &e)) == 0 || k + n >= hi)
        return 0;
    if (e->val != K_GENERIC && !bcx_sent_has(c, si - 1, C_MEET, e->val) &&
        !bcx_sent_has(c, si - 1, C_MECH, e->val) && !bcx_sent_has(c, si - 1, C_MECH_SHORT, e->val))
        return 0; /* "The conference" after a spring meeting: another body's */
    return k + n;
}

/* The one date of sentence si when it is a day of a month written as such, its year left
 * to another or none (no day counted from another, no weekday, relative year, deadline, signing or
 * saying, nor a figure's); NULL when it has none, more than one, or another. */
static const xd *one_day(const ctx *c, size_t si)
{
    const xd *day = NULL;
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
        const xd *d = &c->d[k];
        /* a day whose year the reference date left open ("22 March" read in January: last
         * year's or a coming one) is a day too */
        int open = d->prec == 0 && d->iso[0] == '-' && strlen(d->iso) == 7;
        if (day != NULL || (d->prec != 3 && !open) || d->same_day || d->rel || d->weekday ||
            d->rel_year || d->compare || d->used || d->dateline || bcx_said_on(c, d) ||
            bcx_deadline_day(c, d) || bcx_signed_on(c, d))
            return NULL;
        day = d;
    }
    return day;
}

/* 1 when day d follows token from (a verb's end) in its clause, a few words between at
 * most ("on", "le", "op", "den", "in Nanning on") */
static int day_follows(const ctx *c, const xd *d, size_t from)
{
    return d->t0 >= from && d->t0 <= from + 4 &&
           (d->t0 == from || bcx_commas(c, from - 1, d->t0) == 0);
}

const xd *bcx_pronoun_day(const ctx *c, size_t si, int *pronoun)
{
    const said *w = NULL;
    for (size_t k = 0; k < sizeof words / sizeof words[0] && w == NULL; k++)
        if (words[k].lang == c->lbit)
            w = &words[k];
    *pronoun = 0;
    if (w == NULL || si == 0 || si >= c->ns || c->se[si].heading ||
        bcx_sent_has(c, si, C_FUTURE, -1) || bcx_sent_has(c, si, C_SAME_DAY, -1) ||
        bcx_sent_has(c, si, C_NEXT_DAY, -1) || bcx_sent_has(c, si, C_LAST_YEAR, -1) ||
        bcx_sent_has(c, si, C_NEXT_YEAR, -1) || bcx_sent_has(c, si, C_THIS_YEAR, -1) ||
        bcx_sent_has(c, si, C_SINCE, -1) || c->se[si].unread)
        return NULL;
    const xd *d = one_day(c, si);
    if (d == NULL)
        return NULL;
    size_t hi = c->se[si].t1, k = noun_opens(c, si), n = 0;
    if (k == 0 && word_in(c, c->se[si].t0, hi, w->pron, &n) >= 0)
        k = c->se[si].t0 + n, *pronoun = 1;
    else if (k == 0)
        k = c->se[si].t0; /* Polish: the verb first, its pronoun after it */
    int v = word_in(c, k, hi, w->verb, &n);
    if (*pronoun && other_antecedent(c, si - 1))
        return NULL;
    if (v >= 0) {
        size_t end = k + n;
        if (k == c->se[si].t0 && !*pronoun) {
            if (word_in(c, end, hi, w->after, &n) < 0)
                return NULL; /* "Odbyło się 22 marca": no subject said */
            end += n, *pronoun = 1;
            if (other_antecedent(c, si - 1))
                return NULL;
        }
        return day_follows(c, d, end) ? d : NULL;
    }
    if (c->lbit != L_NL || k == c->se[si].t0)
        return NULL;
    /* "Zij vond op 22 maart plaats", "Ze werd op 22 maart in Nanning gehouden": the verb, the
     * day, its particle closing the clause */
    for (int q = 0; w->verb[q]; q++) {
        const char *sp = strchr(w->verb[q], ' ');
        char first[16];
        if (sp == NULL || (size_t)(sp - w->verb[q]) >= sizeof first)
            continue;
        size_t vl = (size_t)(sp - w->verb[q]);
        memcpy(first, w->verb[q], vl);
        first[vl] = '\0';
        if (!bcx_word_is(c, k, hi, first) || !day_follows(c, d, k + 1))
            continue;
        for (size_t p = d->t1; p < hi && p <= d->t1 + 3; p++) {
            if (bcx_gap(c, p - 1) & (G_COMMA | G_DOT))
                break;
            if (bcx_word_is(c, p, hi, sp + 1))
                return d;
        }
    }
    return NULL;
}
