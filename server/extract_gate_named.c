/* extract_gate_named.c: known crossings named by a name of their own, not by their two
 * sides: an alias the store records ("cầu Bắc Luân II", "北仑河二桥", "Lihuo"), also in a
 * sentence that names a pair, and a line named by its Vietnamese side alone ("the Lao Cai -
 * Hanoi - Hai Phong railway line"). */
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
