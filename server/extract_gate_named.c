/* extract_gate_named.c: known crossings named by a name of their own, not by their two
 * sides: an alias the store records ("cầu Bắc Luân II", "北仑河二桥", "Lihuo"), also in a
 * sentence that names a pair, a line named by its Vietnamese side alone ("the Lao Cai -
 * Hanoi - Hai Phong railway line"), and a crossing named by one side next to a word for a
 * crossing ("坝洒口岸"). */
#include "extract_int.h"

#include <string.h>

/* 1 when words (a slug with spaces: gz_project.line_words) occur in tokens [lo, lim). */
static int words_in(ctx *c, const char *words, size_t lo, size_t lim)
{
    for (size_t i = lo; i < lim; i++)
        if (bcx_words_at(c, i, lim, words) > 0)
            return 1;
    return 0;
}

/* 1 when the name at hit h writes a side of a crossing found in its sentence (gates
 * [from, to)): "Dongzhong" of "Hoanh Mo – Dongzhong", "Mong Cai international border
 * gate" of the Mong Cai – Dongxing pair its sentence names. */
static int side_of_found(const ctx *c, const hit *h, size_t from, size_t to)
{
    const char *at = c->s + c->t[h->t0].start;
    size_t n = c->t[h->t1 - 1].end - c->t[h->t0].start;
    for (size_t k = from; k < to; k++) {
        const bc_xgate *g = &c->out->gates[k];
        size_t vn = strlen(g->vn_side), cn = strlen(g->cn_side);
        if ((vn > 0 && memmem(at, n, g->vn_side, vn) != NULL) ||
            (cn > 0 && memmem(at, n, g->cn_side, cn) != NULL))
            return 1;
    }
    return 0;
}

void bcx_gate_named(ctx *c, size_t si, size_t before, unsigned present)
{
    size_t lo = c->se[si].t0, lim = c->se[si].t1, found = c->out->ngates;
    /* known projects named by an alias, also beside a pair of the sentence ("cầu Bắc Luân
     * II và cặp cửa khẩu Hoành Mô – Động Trung") unless the alias is written as a side of
     * one found ("Hoanh Mo – Dongzhong") */
    for (size_t q = c->se[si].h0; q < c->se[si].h1 && c->rc == BC_OK; q++) {
        if (c->h[q].entity != E_PROJECT || side_of_found(c, &c->h[q], before, found))
            continue;
        for (size_t k = 0; k < c->g->npr; k++) {
            const gz_project *p = &c->g->pr[k];
            if (strcmp(GZ(c->g, p->id), c->h[q].id) == 0)
                bcx_gate_add(c, si, c->h[q].t0, c->h[q].t1, GZ(c->g, p->vn),
                             strlen(GZ(c->g, p->vn)), GZ(c->g, p->cn), strlen(GZ(c->g, p->cn)), p,
                             present, 0, 0.7);
        }
    }
    /* lines named by their Vietnamese side only (the words of each made once, when the
     * gazetteer is: slugging every line's name for every sentence grew with the store) */
    for (size_t k = 0; c->g && k < c->g->npr && c->rc == BC_OK; k++) {
        const gz_project *p = &c->g->pr[k];
        const char *vn = GZ(c->g, p->vn);
        if (p->line_words != 0 && words_in(c, GZ(c->g, p->line_words), lo, lim))
            bcx_gate_add(c, si, lo, lo + 1, vn, strlen(vn), "", 0, p, present, 0, 0.6);
    }
}

/* The first part of a recorded side ("Ban Vuoc" of "Ban Vuoc, Bat Xat"): its bytes in *n. */
static const char *first_part(const char *side, size_t *n)
{
    *n = strcspn(side, ",(");
    while (*n > 0 && side[*n - 1] == ' ')
        (*n)--;
    return side;
}

/* The other side of the known crossings whose side of country cn (1 China) is the n bytes
 * at name (its first part, *on bytes): NULL when none records it or when they record
 * different places facing it (no one crossing is meant). */
static const char *counterpart(ctx *c, int cn, const char *name, size_t n, size_t *on)
{
    bc_buf key = BC_BUF_INIT, other = BC_BUF_INIT, seen = BC_BUF_INIT;
    const char *found = NULL;
    int clash = 0;
    bcx_side_key(name, n, &key);
    for (size_t k = 0;
         c->g != NULL && !clash && key.len > 0 && !bc_buf_failed(&key) && k < c->g->npr; k++) {
        const gz_project *p = &c->g->pr[k];
        size_t len;
        const char *o = first_part(GZ(c->g, cn ? p->vn : p->cn), &len);
        if (len == 0 ||
            !bcx_gate_has_key(GZ(c->g, cn ? p->cn_keys : p->vn_keys), key.data, key.len))
            continue;
        bc_buf_reset(&other);
        bcx_side_key(o, len, &other);
        if (found == NULL) {
            found = o, *on = len;
            bc_buf_append(&seen, other.data, other.len);
        } else {
            clash = other.len != seen.len ||
                    (other.len > 0 && memcmp(other.data, seen.data, seen.len) != 0);
        }
    }
    if (bc_buf_failed(&key) || bc_buf_failed(&other) || bc_buf_failed(&seen))
        c->rc = BC_ENOMEM;
    bc_buf_free(&key);
    bc_buf_free(&other);
    bc_buf_free(&seen);
    return clash ? NULL : found;
}

void bcx_gate_one_side(ctx *c, size_t si)
{
    const bc_lex *e = NULL;
    size_t lo = c->se[si].t0, lim = c->se[si].t1;
    for (size_t q = c->se[si].h0; q < c->se[si].h1 && c->rc == BC_OK; q++) {
        const hit *h = &c->h[q];
        size_t n = 0, w;
        unsigned bits;
        if (h->entity != E_PLACE || (strcmp(h->id, "CN") != 0 && strcmp(h->id, "VN") != 0))
            continue;
        /* the crossing word right after the name ("坝洒口岸", "the 坝洒 crossing") or right
         * before it ("cửa khẩu Bà Sái") */
        if (h->t1 < lim && (n = bcx_lex_find(c, C_PROJ, h->t1, &e)) > 0)
            bits = (unsigned)e->val, w = h->t1 + n;
        else if ((w = bcx_lex_ending(c, C_PROJ, lo, h->t0, &e)) != SIZE_MAX)
            bits = (unsigned)e->val;
        else
            continue;
        const char *name = c->s + c->t[h->t0].start;
        size_t len = c->t[h->t1 - 1].end - c->t[h->t0].start, olen = 0;
        int cn = strcmp(h->id, "CN") == 0, swapped = 0;
        const char *other = counterpart(c, cn, name, len, &olen);
        const gz_project *p =
            other == NULL
                ? NULL
                : bcx_gate_project_named(c, cn ? other : name, cn ? olen : len, cn ? name : other,
                                         cn ? len : olen, bcx_gate_want_of(bits), &swapped);
        if (p == NULL || swapped)
            continue;
        size_t g0 = h->t0 < w ? h->t0 : w, g1 = h->t1 > w ? h->t1 : w;
        bcx_gate_add(c, si, g0, g1, GZ(c->g, p->vn), strlen(GZ(c->g, p->vn)), GZ(c->g, p->cn),
                     strlen(GZ(c->g, p->cn)), p, bits, 0, 0.7);
    }
}
