/* extract_meet_mech.c: the mechanism of a mention. A mention gets a mechanism only when
 * its sentence names it: the kind in its own words (committee, working group, spring
 * meeting, the yearly conference) and the provinces that single out one mechanism of that
 * kind; a later bare mention of the kind takes the one mechanism the article named, and a
 * numbered meeting one number from another of its sentence, called by the same noun,
 * takes that one's. */
#include "bordercoop/alloc.h"
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const gz_mech *mech_by_id(const ctx *c, const char *id)
{
    for (size_t k = 0; c->g && k < c->g->nme; k++)
        if (strcmp(GZ(c->g, c->g->me[k].id), id) == 0)
            return &c->g->me[k];
    return NULL;
}

static int is_member1(const ctx *c, const gz_mech *me, const char *province)
{
    size_t n = strlen(province);
    for (const char *m = GZ(c->g, me->members); (m = strstr(m, province)) != NULL; m++)
        if (m[-1] == ' ' && m[n] == ' ')
            return 1;
    return 0;
}

/* A member, or a province merged into a member (Ha Giang, now part of Tuyen Quang). */
static int is_member(const ctx *c, const gz_mech *me, const char *province)
{
    const char *into = bcx_province_merged_into(c, province);
    return is_member1(c, me, province) || (into[0] != '\0' && is_member1(c, me, into));
}

/* The kind a mention names in its own words: the noun's (committee, spring meeting), a
 * mechanism phrase or name between the ordinal and eight words past the noun
 * ("spotkanie Wspolnej Grupy Roboczej"), else the conference a conference noun names
 * with words that make it the yearly one (annual, party secretaries). -1 when none. */
static int own_kind(const ctx *c, mention *m)
{
    const bc_lex *e = NULL;
    if (m->noun_kind == K_COMMITTEE || m->noun_kind == K_SPRING || m->noun_kind == K_WG)
        return m->noun_kind;
    size_t lim = c->se[m->sent].t1, span = c->lbit == L_ZH ? 16 : 8;
    size_t lo = m->t0 > c->se[m->sent].t0 + span ? m->t0 - span : c->se[m->sent].t0;
    size_t end = m->t1 + span < lim ? m->t1 + span : lim;
    int conf = m->noun_kind == K_CONF, cue = 0, kind = -1;
    /* the words of the name may come before the ordinal too ("Joint Working Group's 11th
     * meeting", "联合工作组第十次会议"), within its clause */
    size_t from = m->t0;
    while (from > lo && !(bcx_gap(c, from - 1) & (G_COMMA | G_DOT | G_PAREN)) &&
           c->t[from - 1].used != U_ORD && !c->t[from - 1].meet)
        from--;
    /* its own words first (from the noun on), then those before it */
    for (size_t pass = 0; pass < 2 && kind < 0; pass++)
        for (size_t k = pass == 0 ? m->t0 : from; k < (pass == 0 ? end : m->t0) && kind < 0; k++) {
            if (k >= m->t1 && (c->t[k].used == U_ORD || (bcx_gap(c, k - 1) & G_DOT)))
                break;
            for (size_t q = c->se[m->sent].h0; q < c->se[m->sent].h1; q++)
                if (c->h[q].t0 == k && c->h[q].entity == E_MECHANISM) {
                    const gz_mech *me = mech_by_id(c, c->h[q].id);
                    if (me != NULL && me->kind >= 0 && me->kind != K_CONF)
                        kind = me->kind;
                    else if (me != NULL && me->kind == K_CONF)
                        conf = cue = 1;
                }
            size_t n = bcx_lex_find(c, C_MECH, k, &e);
            if (n > 0 && e->val != K_CONF)
                kind = (int)e->val;
            else if (n > 0)
                conf = 1;
        }
    /* "Le comite mixte de travail entre ... a tenu sa 16e conference": a possessive before
     * the ordinal makes it the meeting of the mechanism its sentence names before it */
    static const char *const poss[] = {"sa",   "son",   "ses",   "leur", "its", "their",
                                       "zijn", "haar",  "hun",   "sitt", "sin", "sina",
                                       "swoj", "swoje", "swoja", "cua",  "其",  NULL};
    int owner = 0;
    for (int w = 0; kind < 0 && m->t0 > c->se[m->sent].t0 && poss[w] && !owner; w++)
        owner = bcx_words_at(c, m->t0 - 1, m->t0, poss[w]) > 0;
    for (size_t k = c->se[m->sent].t0; owner && kind < 0 && k < m->t0; k++) {
        size_t n = bcx_lex_find(c, C_MECH, k, &e);
        if (n > 0 && e->val != K_CONF)
            kind = (int)e->val;
    }
    if (kind >= 0)
        return kind;
    /* the yearly conference: "annual", "thuong nien", "年度", "party secretaries" */
    for (size_t k = lo; conf && !cue && k < end; k++)
        cue = bcx_lex_find(c, C_MECH_CUE, k, &e) > 0;
    return conf && cue ? K_CONF : -1;
}

/* 1 when a blank line separates sentence si from the one before it (or si opens the
 * article or is its heading). */
int bcx_new_paragraph(const ctx *c, size_t si)
{
    if (si == 0 || c->se[si].heading || c->se[si - 1].heading)
        return 1;
    int lines = 0;
    for (size_t b = c->se[si - 1].qe; b < c->se[si].qs; b++)
        lines += c->s[b] == '\n';
    return lines >= 2;
}

/* The mechanism of kind the sentence singles out: every province the sentence names that
 * a mechanism of the kind has must be its member, and the sentence must name its Chinese
 * member, or two of its members, or count its members ("four provinces"). NULL when no
 * mechanism, or more than one, fits. */
static const char *mech_for(const ctx *c, int kind, size_t si)
{
    const char *best = NULL;
    int best_score = 0, tie = 0;
    /* the provinces of the sentence; a sentence naming none ("the two sides held the
     * 16th meeting of the joint working committee") takes those of the sentences before
     * it in its paragraph */
    size_t from = si;
    char seen[BC_X_MAX_PARTIES * 2][64];
    int nseen = bcx_sent_provinces(c, si, seen, BC_X_MAX_PARTIES * 2);
    while (nseen == 0 && from > 0 && si - from < 2 && !bcx_new_paragraph(c, from)) {
        from--;
        nseen = bcx_sent_provinces(c, from, seen, BC_X_MAX_PARTIES * 2);
    }
    int counted = bcx_sent_has(c, si, C_COUNT_WORD, -1) || bcx_sent_has(c, from, C_COUNT_WORD, -1);
    for (size_t k = 0; c->g && k < c->g->nme; k++) {
        const gz_mech *me = &c->g->me[k];
        if (me->kind != kind)
            continue;
        int members = 0, cn = 0, foreign = 0;
        for (int q = 0; q < nseen; q++) {
            if (is_member(c, me, seen[q])) {
                members++;
                cn |= bcx_province_cn(c, seen[q]);
            } else {
                foreign++;
            }
        }
        if (foreign > 0 || members == 0)
            continue;
        int score = cn ? 2 + members : members >= 2 || counted ? members : 0;
        if (score > best_score) {
            best = GZ(c->g, me->id);
            best_score = score;
            tie = 0;
        } else if (score == best_score && score > 0) {
            tie = 1;
        }
    }
    return tie ? NULL : best;
}

/* 1 when sentence si names a province that is no member of mechanism id. */
static int foreign_to(const ctx *c, size_t si, const char *id)
{
    const gz_mech *me = mech_by_id(c, id);
    char seen[BC_X_MAX_PARTIES * 2][64];
    int n = bcx_sent_provinces(c, si, seen, BC_X_MAX_PARTIES * 2);
    for (int q = 0; me != NULL && q < n; q++)
        if (!is_member(c, me, seen[q]))
            return 1;
    return me == NULL;
}

void bcx_link_mechanisms(ctx *c)
{
    for (size_t k = 0; k < c->nm; k++) {
        mention *m = &c->m[k];
        m->kind = own_kind(c, m);
        if (m->kind >= 0)
            m->mech = mech_for(c, m->kind, m->sent);
    }
    /* "the Joint Working Group" again, later in the article: the one mechanism of that kind
     * the article has named with its provinces, when the sentence names no province of
     * another */
    for (int kind = K_CONF; kind <= K_SPRING; kind++) {
        const char *only = NULL;
        int several = 0;
        for (size_t k = 0; k < c->nm; k++)
            if (c->m[k].kind == kind && c->m[k].mech != NULL) {
                if (only != NULL && strcmp(only, c->m[k].mech) != 0)
                    several = 1;
                only = c->m[k].mech;
            }
        for (size_t k = 0; only != NULL && !several && k < c->nm; k++) {
            mention *m = &c->m[k];
            if (m->kind == kind && m->mech == NULL && !foreign_to(c, m->sent, only))
                m->mech = only, m->mech_inferred = 1;
        }
    }
    /* "the 10th meeting of the Joint Working Group ..., and the next, 11th meeting ...": a
     * numbered meeting that names no kind, called by the same noun as the meeting one
     * number before or after it in its sentence, is of that one's mechanism */
    for (size_t k = 0; k < c->nm; k++) {
        mention *m = &c->m[k];
        for (size_t q = 0; m->mech == NULL && m->kind < 0 && m->ord > 0 && q < c->nm; q++) {
            const mention *o = &c->m[q];
            if (o->sent == m->sent && o->mech != NULL && o->ord > 0 &&
                (o->ord == m->ord + 1 || o->ord + 1 == m->ord) && o->noun_kind == m->noun_kind &&
                o->noun_end - o->noun == m->noun_end - m->noun &&
                memcmp(TXT(c, o->noun), TXT(c, m->noun), 3) == 0)
                m->mech = o->mech, m->kind = o->kind;
        }
    }
}
