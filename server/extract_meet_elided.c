/* extract_meet_elided.c: an ordinal whose meeting noun is left out because its sentence
 * has just named it with another number ("The sides reviewed the fifth conference ... and
 * agreed to hold the seventh in Lao Cai in 2027", "la 12e réunion ... la 14e se tiendra au
 * Yunnan", "de vijfde conferentie ... de zevende in 2027"): the noun of that meeting, so the
 * ordinal is a meeting of the same kind, not dropped unread. */
#include "extract_int.h"

/* 1 when what follows the ordinal ending before token j ends the phrase there: the end
 * of its clause, a word of where, of what is to come or of holding, or a year. A noun
 * after it ("the second phase", "the third quarter") is its own. */
static int phrase_ends(const ctx *c, size_t j, size_t lim)
{
    if (j >= lim || (bcx_gap(c, j - 1) & (G_COMMA | G_DOT)))
        return 1;
    if (bcx_year_of(c, j, lim) != 0)
        return 1;
    return bcx_lex_find(c, C_LOC, j, NULL) > 0 || bcx_lex_find(c, C_FUTURE, j, NULL) > 0 ||
           bcx_lex_find(c, C_HELD, j, NULL) > 0;
}

/* 1 when the clause says the ordinal at [i, j) is held or to come: a word of holding, of
 * what is to come or a verb of holding or hosting ending at most three tokens before it
 * ("agreed to hold the seventh", "convenu d'organiser la septième", "spraken af de
 * zevende", "hålla den sjunde"), or starting at most two after it ("siódma odbędzie się"),
 * no comma between. Not "the first in three years". */
static int held_or_to_come(const ctx *c, size_t i, size_t j, size_t lim)
{
    static const char *const verbs[] = {"hold",  "host",      "organise",     "organize",
                                        "tenir", "organiser", "houden",       "organiseren",
                                        "halla", "anordna",   "zorganizowac", NULL};
    /* "was the second (to be) held in Hekou": a count of meetings, no meeting */
    static const char *const copula[] = {"was", "is",   "be",   "been",  "est",  "etait",
                                         "fut", "var",  "ar",   "blev",  "jest", "byla",
                                         "byl", "bylo", "werd", "wordt", NULL};
    size_t lo = c->se[c->t[i].sent].t0, a = i - 1; /* the article, or the ordinal in Polish */
    if (c->lbit != L_PL && a > lo)
        a--;
    for (int w = 0; copula[w]; w++)
        if (bcx_word_is(c, a, i, copula[w]))
            return 0;
    for (size_t k = i > lo + 6 ? i - 6 : lo; k < i; k++) {
        size_t n = bcx_lex_find(c, C_FUTURE, k, NULL);
        if (n == 0)
            n = bcx_lex_find(c, C_HELD, k, NULL);
        if (n == 0)
            n = bcx_lex_find(c, C_HOST, k, NULL);
        for (int w = 0; n == 0 && verbs[w]; w++)
            n = bcx_word_is(c, k, i, verbs[w]);
        if (n > 0 && k + n <= i && i - (k + n) <= 3 && bcx_commas(c, k, i) == 0)
            return 1;
    }
    for (size_t k = j; k < lim && k < j + 3; k++) {
        if (bcx_gap(c, k - 1) & (G_COMMA | G_DOT))
            break;
        if (bcx_lex_find(c, C_FUTURE, k, NULL) > 0 || bcx_lex_find(c, C_HELD, k, NULL) > 0)
            return 1;
    }
    return 0;
}

size_t bcx_elided_noun(const ctx *c, size_t i, size_t j, size_t lim, int ord, int *kind,
                       size_t *noun_end, size_t *of)
{
    size_t si = c->t[i].sent, lo = c->se[si].t0;
    /* Chinese and Vietnamese write the noun again ("第七次年度会晤", "Hội nghị lần thứ 18") */
    if (c->lbit == L_ZH || c->lbit == L_VI || i <= lo || ord < 2 || !phrase_ends(c, j, lim) ||
        !held_or_to_come(c, i, j, lim))
        return 0;
    /* an article before it where the language has one ("the seventh", "la 14e", "de
     * zevende", "den sjunde"); Polish has none */
    if (c->lbit != L_PL && bcx_lex_find(c, C_ARTICLE, i - 1, NULL) == 0)
        return 0;
    /* the numbered meeting its sentence named last before it, of another number */
    for (size_t k = c->nm; k > 0; k--) {
        const mention *m = &c->m[k - 1];
        if (m->sent != si || m->t1 > i)
            continue;
        if (m->xkind != BC_XM_NUMBERED || m->ord == ord || m->ord <= 0)
            return 0;
        *kind = m->noun_kind;
        *noun_end = m->noun_end;
        *of = k;
        return m->noun + 1;
    }
    return 0;
}

/* And an ordinal whose noun is left out after an article that opens a clause or its sentence,
 * a verb right after it ("De tiende vergadering vond op 12 juni 2024 plaats in Kunming; de
 * negende was in maart 2023 in de stad Ha Giang", "De derde editie van die conferentie vond
 * eind maart 2023 plaats. De vierde staat dit jaar op het programma"): the noun of the last
 * numbered meeting its sentence named before it, or, opening its sentence, the ordinal itself
 * as the noun of the series the sentence before numbered; its number within two of that one's. */
size_t bcx_elided_back_noun(const ctx *c, size_t i, size_t j, size_t lim, int *kind,
                            size_t *noun_end)
{
    static const char *const art[] = {"de", "het", "the", NULL};
    static const char *const opens[] = {"en", "and", "terwijl", "while", "whereas", NULL};
    static const char *const verb[] = {"was",   "is",   "staat", "stond", "vond", "vindt", "werd",
                                       "wordt", "kwam", "komt",  "will",  "took", "takes", NULL};
    size_t si = c->t[i].sent, lo = c->se[si].t0;
    int ok = 0;
    if ((c->lbit != L_NL && c->lbit != L_EN) || i < lo + 1 || j >= lim)
        return 0;
    for (int w = 0; art[w] && !ok; w++)
        ok = bcx_word_is(c, i - 1, i, art[w]);
    /* the article opens a clause: its sentence, or after a comma, or "en", "and" */
    int clause = ok && (i == lo + 1 || (bcx_gap(c, i - 2) & (G_COMMA | G_DOT)));
    for (int w = 0; opens[w] && ok && !clause && i >= lo + 2; w++)
        clause = bcx_word_is(c, i - 2, i - 1, opens[w]);
    int said = 0;
    for (int w = 0; verb[w] && clause && !said; w++)
        said = bcx_word_is(c, j, lim, verb[w]);
    if (!said || (bcx_gap(c, j - 1) & (G_COMMA | G_DOT)))
        return 0;
    /* its number, close to that of the meeting it follows (not "Het eerste is een brug"
     * after the 11th meeting) */
    const bc_lex *e = NULL;
    int v = c->t[i].kind == T_NUM               ? (int)c->t[i].num
            : bcx_lex_find(c, C_ORD, i, &e) > 0 ? (int)e->val
                                                : 0;
    /* the last numbered meeting its sentence named before, the noun after its number; else
     * the last of the sentence before in its paragraph, when the ordinal opens its sentence
     * ("De derde editie van die conferentie vond ... plaats. De vierde staat dit jaar op het
     * programma"): the ordinal is its noun then, of that one's kind */
    for (size_t pass = 0; pass < 2; pass++) {
        size_t ps = pass == 0 ? si : si - 1;
        if (pass == 1 && (si == 0 || i != lo + 1 || bcx_new_paragraph(c, si)))
            break;
        for (size_t k = c->nm; k > 0; k--) {
            const mention *m = &c->m[k - 1];
            if (m->sent != ps || m->xkind != BC_XM_NUMBERED || (pass == 0 && m->t1 >= i) ||
                m->noun >= m->noun_end)
                continue;
            if (v == 0 || v == m->ord || v > m->ord + 2 || v + 2 < m->ord)
                return 0;
            *kind = m->noun_kind;
            *noun_end = pass == 0 ? m->noun_end : j;
            return pass == 0 ? m->noun + 1 : i + 1;
        }
    }
    return 0;
}
