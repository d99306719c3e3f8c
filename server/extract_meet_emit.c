/* extract_meet_emit.c: mentions into meetings: status (held or planned, from the
 * sentence's words before the date), place, provinces and people named, the citation and
 * a confidence. Talks without a date and named meetings with neither date nor mechanism
 * are not emitted. */
#include "bordercoop/alloc.h"
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int date_after_ref(const ctx *c, const char *date)
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

/* The people and provinces named in sentence si, into the meeting. */
static void named_people(const ctx *c, size_t si, bc_xmeeting *x)
{
    for (size_t q = c->se[si].h0; q < c->se[si].h1; q++) {
        const hit *h = &c->h[q];
        int seen = 0;
        if (h->entity != E_PERSON)
            continue;
        for (int p = 0; p < x->npeople && !seen; p++)
            seen = strcmp(x->people[p], h->id) == 0;
        if (!seen && x->npeople < 8) {
            x->people_at[x->npeople].start = c->se[si].qs;
            x->people_at[x->npeople].end = c->se[si].qe;
            copy_str(x->people[x->npeople++], 64, h->id);
        }
    }
}

static void named_in(const ctx *c, size_t si, bc_xmeeting *x)
{
    x->nprovinces = bcx_sent_provinces(c, si, x->provinces, BC_X_MAX_PARTIES);
    named_people(c, si, x);
}

/* The place of a meeting in sentence si: the province a word for host follows ("Lai
 * Chau hosts") or precedes ("hosted by Lai Chau"), else the first province right after
 * "in", "w", "i", "tai", "dans la ville de" (within four words). */
static void place_of(const ctx *c, size_t si, char *place, size_t cap)
{
    const bc_lex *e = NULL;
    const sent *s = &c->se[si];
    for (size_t i = s->t0; i < s->t1; i++) {
        size_t n = bcx_lex_find(c, C_HOST, i, &e);
        if (n == 0)
            continue;
        /* "Lai Chau hosts": the province just before; "hosted by ..." / "Gospodarzem ...
         * bedzie prowincja Junnan": the first one after */
        for (size_t q = s->h0; q < s->h1; q++) {
            const hit *h = &c->h[q];
            if (h->entity == E_PROVINCE && h->t1 <= i && h->t1 + 2 >= i) {
                copy_str(place, cap, h->id);
                return;
            }
        }
        for (size_t q = s->h0; q < s->h1; q++) {
            const hit *h = &c->h[q];
            if (h->entity == E_PROVINCE && h->t0 >= i + n) {
                copy_str(place, cap, h->id);
                return;
            }
        }
    }
    for (size_t q = s->h0; q < s->h1; q++) {
        const hit *h = &c->h[q];
        if (h->entity != E_PROVINCE)
            continue;
        for (size_t i = h->t0 > s->t0 + 4 ? h->t0 - 4 : s->t0; i < h->t0; i++)
            if (bcx_lex_find(c, C_LOC, i, &e) > 0) {
                copy_str(place, cap, h->id);
                return;
            }
    }
}

void bcx_emit_meetings(ctx *c)
{
    const bc_lex *e = NULL;
    bc_extraction *o = c->out;
    for (size_t k = 0; k < c->nm && c->rc == BC_OK; k++) {
        const mention *m = &c->m[k];
        if (m->xkind == BC_XM_TALKS && m->date[0] == '\0')
            continue; /* talks without a date are no meeting one can identify */
        if (m->xkind == BC_XM_NAMED && m->date[0] == '\0' && m->mech == NULL)
            continue; /* nor a named meeting without its date or mechanism */
        o->meetings =
            bc_grow(o->meetings, &c->capmo, o->nmeetings + 1, sizeof *o->meetings, &c->rc);
        if (c->rc != BC_OK)
            break;
        bc_xmeeting *x = &o->meetings[o->nmeetings++];
        memset(x, 0, sizeof *x);
        const sent *s = &c->se[m->sent];
        copy_str(x->mechanism, sizeof x->mechanism, m->mech ? m->mech : "");
        x->mechanism_inferred = m->mech_inferred;
        x->ordinal = m->ord;
        x->kind = m->xkind;
        copy_str(x->date, sizeof x->date, m->date);
        x->date_inferred = m->date_inferred;
        x->same_day_as = m->same_day != 0;
        int future = 0;
        size_t lo = m->t0 > s->t0 + 6 ? m->t0 - 6 : s->t0;
        size_t hi = m->t1 + 6 < s->t1 ? m->t1 + 6 : s->t1;
        for (size_t i = lo; i < hi && !future; i++)
            future = bcx_lex_find(c, C_FUTURE, i, &e) > 0;
        /* "was held", "a eu lieu": the text says it happened, whatever the date */
        int held = 0;
        for (size_t i = lo; i < hi && !held; i++)
            held = bcx_lex_find(c, C_HELD, i, &e) > 0;
        if (!future && !held && m->date[0])
            future = date_after_ref(c, m->date);
        /* the words nearest to it say which, when they do */
        if (m->planned != 0)
            future = m->planned > 0;
        copy_str(x->status, sizeof x->status, future ? "planned" : "held");
        place_of(c, m->sent, x->place, sizeof x->place);
        named_in(c, m->sent, x);
        /* "Giang A Tinh and Liu Yong co-chaired the meeting.": the next sentence, when it
         * speaks of the meeting again and of no other, names who took part */
        size_t nx = m->sent + 1;
        if (nx < c->ns && c->se[nx].nment == 0 && !bcx_new_paragraph(c, nx) &&
            (bcx_sent_has(c, nx, C_MEET, -1) || bcx_sent_has(c, nx, C_TALKS, -1)))
            named_people(c, nx, x);
        bcx_cite_add(&x->cite, s->qs, s->qe);
        double base = m->xkind == BC_XM_NUMBERED ? 0.75
                      : m->xkind == BC_XM_NAMED  ? 0.75
                      : m->weak                  ? 0.6
                                                 : 0.65;
        x->confidence = base + (x->mechanism[0] ? (m->mech_inferred ? 0.05 : 0.15) : 0) +
                        (m->date[0] ? 0.1 : 0);
        if (x->confidence > 1)
            x->confidence = 1;
    }
}
