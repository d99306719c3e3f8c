/* extract_meet_placed.c: which of the provinces a meeting's statements name are named only
 * as where something is held ("双方回顾了…在越南莱州省举行的第五次年度会晤…，并商定第七次年度
 * 会晤将于2027年在越南老街省举行", "the fifth conference, held in Lai Chau ..., and agreed to
 * hold the seventh in Lao Cai"): a place is no member, so a meeting's title does not list
 * it as one of its body's (ingest_meetings.c). */
#include "extract_int.h"

#include <string.h>

/* 1 when name h of sentence si follows a word of place within four words ("in", "在",
 * "tại", "à") that does not open a body's list of members (bcx_member_of_body), nor
 * stands in a list of provinces (bcx_in_province_list). */
static int located(const ctx *c, size_t si, const hit *h)
{
    const sent *s = &c->se[si];
    for (size_t i = h->t0 > s->t0 + 4 ? h->t0 - 4 : s->t0; i < h->t0; i++)
        if (bcx_lex_find(c, C_LOC, i, NULL) > 0 && !bcx_member_of_body(c, si, i, h) &&
            !bcx_in_province_list(c, s, h))
            return 1;
    return 0;
}

/* The sentence whose quote starts at byte qs, c->ns when none. */
static size_t sentence_at(const ctx *c, size_t qs)
{
    size_t si = bcx_sentence_at(c, qs);
    return si < c->ns && c->se[si].qs == qs ? si : c->ns;
}

/* 1 when province id is named in meeting x's sentences, each time after a word of place. */
static int only_placed(const ctx *c, const bc_xmeeting *x, const char *id)
{
    int seen = 0;
    for (int q = 0; q < x->cite.nquotes; q++) {
        size_t si = sentence_at(c, x->cite.q[q].start);
        for (size_t k = si < c->ns ? c->se[si].h0 : 0; si < c->ns && k < c->se[si].h1; k++) {
            const hit *h = &c->h[k];
            if (h->entity != E_PROVINCE || strcmp(h->id, id) != 0)
                continue;
            if (!located(c, si, h))
                return 0;
            seen = 1;
        }
    }
    return seen;
}

void bcx_mark_placed_provinces(ctx *c)
{
    for (size_t m = 0; m < c->out->nmeetings; m++) {
        bc_xmeeting *x = &c->out->meetings[m];
        x->provinces_placed = 0;
        for (int k = 0; k < x->nprovinces && k < 32; k++)
            if (only_placed(c, x, x->provinces[k]))
                x->provinces_placed |= 1u << k;
    }
}
