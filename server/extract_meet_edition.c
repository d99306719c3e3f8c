/* extract_meet_edition.c: the kind of a Dutch edition named after it ("De derde editie van
 * die conferentie", "de vierde editie van de werkgroep"): the noun after "van" says which
 * series it numbers, before whatever body the sentence before named last; the yearly
 * conference only with words that make it so in its sentence or the one before (else
 * -2: a conference, of no mechanism, not the body the sentence before named). */
#include "extract_int.h"

int bcx_edition_named_kind(const ctx *c, const mention *m)
{
    static const char *const det[] = {"de", "die", "deze", "het", "dat", "dit", NULL};
    const bc_lex *e = NULL;
    size_t hi = c->se[m->sent].t1, k = m->noun_end;
    if (c->lbit != L_NL || k + 1 >= hi || !bcx_word_is(c, k, hi, "van"))
        return -1;
    k++;
    for (int w = 0; det[w]; w++)
        if (bcx_word_is(c, k, hi, det[w])) {
            k++;
            break;
        }
    size_t n = k < hi ? bcx_lex_find(c, C_MECH, k, &e) : 0;
    if (n == 0 && k < hi && (n = bcx_lex_find(c, C_MEET, k, &e)) > 0 && e->val == K_GENERIC)
        n = 0;
    if (n == 0)
        return -1;
    int kind = (int)e->val;
    if (kind != K_CONF)
        return kind;
    /* "die conferentie": the yearly conference of the party secretaries named just before */
    for (size_t si = m->sent, pass = 0; pass < 2; pass++, si--) {
        if (bcx_sent_has(c, si, C_MECH_CUE, -1))
            return K_CONF;
        if (si == 0 || bcx_new_paragraph(c, si))
            break;
    }
    return -2; /* a conference, not the yearly one: no body the article named before */
}

int bcx_domain_body(const ctx *c, size_t k)
{
    static const char *const domain[] = {
        "railway",      "rail",     "railways", "customs", "tourism",  "technical",  "expert",
        "border guard", "spoorweg", "spoor",    "douane",  "toerisme", "technische", NULL};
    size_t lo = c->se[c->t[k].sent].t0;
    for (int w = 0; domain[w]; w++) {
        size_t n = 1;
        for (const char *p = domain[w]; *p; p++)
            n += *p == ' ';
        if (k >= lo + n && bcx_words_at(c, k - n, k, domain[w]) == n &&
            !(bcx_gap(c, k - 1) & (G_COMMA | G_DOT)))
            return 1;
    }
    return 0;
}

int bcx_guards_body(const ctx *c, size_t si)
{
    /* the guards themselves, not their work ("border management" is a topic of the provinces
     * too) */
    static const char *const guards[] = {"border guard",   "border guards",  "border police",
                                         "border defence", "border defense", "grenswacht",
                                         "grenswachten",   "grenspolitie",   NULL};
    for (size_t s = si, pass = 0; pass < 2; pass++, s--) {
        for (size_t k = c->se[s].t0; k < c->se[s].t1; k++)
            for (int w = 0; guards[w]; w++)
                if (bcx_words_at(c, k, c->se[s].t1, guards[w]) > 0)
                    return 1;
        if (s == 0 || bcx_new_paragraph(c, s))
            break;
    }
    return 0;
}

int bcx_pronoun_kind(const ctx *c, const mention *m)
{
    static const char *const that[] = {"die", "deze", NULL};
    const bc_lex *e = NULL;
    size_t si = m->sent, s0 = c->se[si].t0, hi = c->se[si].t1;
    int opens = 0;
    if (c->lbit != L_NL || si == 0 || bcx_new_paragraph(c, si) || m->xkind != BC_XM_NUMBERED ||
        s0 + 1 >= hi || c->t[s0 + 1].kind != T_WORD || c->t[s0 + 1].upper)
        return -1;
    /* "Die kwam ...": the pronoun alone, its verb right after it */
    for (int w = 0; that[w] && !opens; w++)
        opens = bcx_word_is(c, s0, hi, that[w]) && bcx_lex_find(c, C_MEET, s0 + 1, NULL) == 0 &&
                bcx_lex_find(c, C_MECH, s0 + 1, NULL) == 0;
    if (!opens)
        return -1;
    /* the body the sentence before names last */
    int kind = -1, cue = 0;
    for (size_t k = c->se[si - 1].t0; k < c->se[si - 1].t1; k++) {
        size_t n = bcx_lex_find(c, C_MECH, k, &e);
        if (n > 0)
            kind = (int)e->val, k += n - 1;
        else
            cue = cue || bcx_lex_find(c, C_MECH_CUE, k, NULL) > 0;
    }
    return kind == K_CONF && !cue ? -1 : kind;
}
