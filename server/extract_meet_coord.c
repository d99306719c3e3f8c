/* extract_meet_coord.c: meetings of one sentence told together, which share what the
 * sentence says of them ("the 12th meeting of ... and the 6th Annual Conference ... were held
 * in Kunming on October 22": one date, one place). */
#include "extract_int.h"

#include <string.h>

/* bcx_coordinated: see extract_int.h */
int bcx_coordinated(const ctx *c, const mention *a, const mention *b)
{
    static const char *const links[] = {
        "and", "va", "et", "i",   "och", "en",  "oraz", "as well as", "和",  "与", "及", "暨",
        "la",  "le", "de", "the", "het", "den", "lan",  "jak i",      "van", "of", NULL};
    static const char *const of[] = {"du", "des", "of", "van", "der", "d", NULL};
    if (a->sent != b->sent || b->t0 < a->t1 || b->t0 - a->t1 > 16)
        return 0;
    /* the words of the first one's body may stand between ("la 16e conference du comite
     * mixte de travail et la Rencontre de printemps de 2025") */
    size_t k = a->t1, n;
    int named = 0;
    while (k < b->t0) {
        for (int w = 0; of[w] && k < b->t0; w++)
            if (bcx_words_at(c, k, b->t0, of[w]) > 0 && bcx_lex_find(c, C_MECH, k + 1, NULL) > 0)
                k++;
        if (k < b->t0 && (n = bcx_lex_find(c, C_MECH, k, NULL)) > 0 && k + n <= b->t0)
            k += n, named = 1;
        else
            break;
    }
    if ((!named && k != a->t1) || (bcx_gap(c, k > a->t1 ? k - 1 : k) & G_DOT))
        return 0;
    /* the links, at most four tokens, then perhaps the words of the second one's body
     * ("新春会晤暨联合工作委员会第十六次会议") */
    size_t nlinks = 0;
    for (; k < b->t0; k++) {
        int link = 0;
        for (int w = 0; links[w] && !link; w++)
            link = bcx_words_at(c, k, b->t0, links[w]) > 0;
        if (link && ++nlinks <= 4)
            continue;
        if (link || nlinks == 0 || (n = bcx_lex_find(c, C_MECH, k, NULL)) == 0 || k + n > b->t0)
            return 0;
        k += n - 1;
    }
    return 1;
}

/* bcx_joined_numbered: see extract_int.h */
int bcx_joined_numbered(const ctx *c, const mention *a, const mention *b)
{
    static const char *const ands[] = {"and",  "va", "et", "i",  "och", "en",
                                       "oraz", "和", "与", "及", "暨",  NULL};
    const bc_lex *e = NULL;
    if (a->sent != b->sent || b->t0 <= a->t1 || a->xkind != BC_XM_NUMBERED ||
        b->xkind != BC_XM_NUMBERED)
        return 0;
    size_t k = b->t0 - 1;
    if (k > a->t1 && bcx_lex_find(c, C_ARTICLE, k, &e) > 0)
        k--;
    /* "gastheer van de derde conferentie ..., en van de 9e vergadering": "of" repeated */
    if (k > a->t1 && (bcx_word_is(c, k, b->t0, "van") || bcx_word_is(c, k, b->t0, "of")))
        k--;
    int link = 0;
    for (int w = 0; ands[w] && !link; w++)
        link = bcx_words_at(c, k, b->t0, ands[w]) > 0;
    for (size_t q = c->se[a->sent].d0; link && q < c->se[a->sent].d1; q++)
        if (c->d[q].t0 >= a->t1 && c->d[q].t1 <= b->t0)
            return 0;
    return link;
}

/* bcx_along_with: see extract_int.h */
int bcx_along_with(const ctx *c, const mention *b)
{
    static const char *const along[] = {"along with",
                                        "together with",
                                        "ainsi que",
                                        "de meme que",
                                        "cung voi",
                                        "wraz z",
                                        "samen met",
                                        "tillsammans med",
                                        "jak rowniez",
                                        "以及",
                                        "同时",
                                        "razem z",
                                        "alongside",
                                        "tegelijk met",
                                        "jointement avec",
                                        "cung thoi diem voi",
                                        "cung luc voi",
                                        "dong thoi voi",
                                        "at the same time as",
                                        NULL};
    size_t lo = c->se[b->sent].t0;
    for (size_t k = b->t0 > lo + 6 ? b->t0 - 6 : lo; k < b->t0; k++)
        for (int w = 0; along[w]; w++) {
            size_t n = bcx_words_at(c, k, b->t0, along[w]);
            if (n > 0 && (k + n == b->t0 ||
                          (k + n + 1 == b->t0 && bcx_lex_find(c, C_ARTICLE, k + n, NULL) > 0)))
                return 1;
        }
    return 0;
}

/* 1 when token k of the words between two meetings belongs to the name of the first one's
 * body: a word of a body's name or of its kind, an article, "of", a country, a count of
 * members ("4 tinh"), or a province among its members. */
static int body_word(const ctx *c, size_t k, size_t lim, size_t *n)
{
    /* links of a name and of a list, and the words of a body's name that are none of its
     * kind ("Joint", "Wspolnej", "gemensamma", "Gezamenlijke", "conjoint", "机制") */
    static const char *const of[] = {
        "of",        "du",         "des",          "de",          "d",
        "van",       "der",        "for",          "i",           "och",
        "and",       "et",         "en",           "va",          "oraz",
        "giua",      "tinh",       "cac",          "joint",       "wspolnej",
        "wspolnego", "gemensamma", "gezamenlijke", "gezamenlijk", "conjoint",
        "conjointe", "mixte",      "travail",      "和",          "与",
        "省",        "委",         "机制",         NULL};
    static const int cls[] = {C_MECH, C_MECH_SHORT, C_MECH_CUE,  C_ARTICLE,
                              C_VN,   C_CN,         C_COUNT_WORD};
    const sent *s = &c->se[c->t[k].sent];
    for (size_t q = s->h0; q < s->h1; q++)
        if (c->h[q].entity == E_PROVINCE && c->h[q].t0 == k)
            return (int)(*n = c->h[q].t1 - k);
    for (size_t w = 0; w < sizeof cls / sizeof *cls; w++)
        if ((*n = bcx_lex_find(c, cls[w], k, NULL)) > 0 && k + *n <= lim)
            return 1;
    *n = 1;
    /* a count of members: "4 tinh", "four provinces" */
    if (c->t[k].kind == T_NUM)
        return k + 1 < lim &&
               (bcx_word_is(c, k + 1, lim, "tinh") || bcx_word_is(c, k + 1, lim, "provinces") ||
                bcx_lex_find(c, C_COUNT_WORD, k + 1, NULL) > 0);
    for (int w = 0; of[w]; w++)
        if ((*n = bcx_words_at(c, k, lim, of[w])) > 0)
            return 1;
    *n = 1;
    return 0;
}

int bcx_told_together(const ctx *c, const mention *a, const mention *b)
{
    static const char *const ands[] = {"and", "en",   "och", "et", "i",  "oraz",
                                       "va",  "samt", "和",  "与", "及", NULL};
    if (a->sent != b->sent || b->t0 <= a->t1 || b->t0 - a->t1 > 40)
        return 0; /* nothing between: one name read twice, not two meetings */
    if (bcx_coordinated(c, a, b))
        return 1;
    /* a conjunction right before b, an article aside, or right after a, before the name
     * of b's body ("第十二次会议和…年度会晤机制第六次会议"): not a name in apposition ("de
     * Voorjaarsbijeenkomst 2023, het jaarlijkse overleg van ...") */
    size_t k = b->t0 - 1, link = 0;
    if (k > a->t1 && bcx_lex_find(c, C_ARTICLE, k, NULL) > 0)
        k--;
    for (int w = 0; ands[w] && !link; w++)
        link = bcx_words_at(c, k, b->t0, ands[w]) + bcx_words_at(c, a->t1, b->t0, ands[w]);
    if (link == 0)
        return 0;
    for (k = a->t1; k < b->t0;) {
        size_t n = 1;
        if ((bcx_gap(c, k) & G_DOT) || !body_word(c, k, b->t0, &n))
            return 0;
        k += n;
    }
    return 1;
}
