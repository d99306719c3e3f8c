/* extract_gate_known.c: which known project a crossing named by its two sides is: the
 * store's projects whose sides' keys the two names are (either order), of the kind the
 * crossing's words state; a word naming no kind ("crossing") takes any, a curated one
 * first; and the names the store gives each crossing's sides. */
#include "bordercoop/alloc.h"
#include "extract_int.h"

#include <string.h>

/* 2 when key is a strong key of the side ("|strong|...|#|weak|...|"), 1 a weak one. */
int bcx_gate_has_key(const char *keys, const char *key, size_t n)
{
    char buf[136];
    if (n == 0 || n + 3 > sizeof buf)
        return 0;
    buf[0] = '|';
    memcpy(buf + 1, key, n);
    buf[n + 1] = '|';
    buf[n + 2] = '\0';
    const char *at = strstr(keys, buf), *weak = strchr(keys, '#');
    return at == NULL ? 0 : weak == NULL || at < weak ? 2 : 1;
}

const gz_project *bcx_gate_project_named(ctx *c, const char *a, size_t na, const char *b, size_t nb,
                                         unsigned present, int *swapped)
{
    const gz_project *best = NULL;
    int best_score = -100, neutral = (present & PK_CROSS) != 0;
    bc_buf ka = BC_BUF_INIT, kb = BC_BUF_INIT;
    if (c->g == NULL)
        return NULL;
    bcx_side_key(a, na, &ka);
    bcx_side_key(b, nb, &kb);
    if (bc_buf_failed(&ka) || bc_buf_failed(&kb))
        c->rc = BC_ENOMEM;
    for (size_t k = 0; c->rc == BC_OK && k < c->g->npr; k++) {
        const gz_project *p = &c->g->pr[k];
        int va = bcx_gate_has_key(GZ(c->g, p->vn_keys), ka.data, ka.len);
        int cb = bcx_gate_has_key(GZ(c->g, p->cn_keys), kb.data, kb.len);
        int ca = bcx_gate_has_key(GZ(c->g, p->cn_keys), ka.data, ka.len);
        int vb = bcx_gate_has_key(GZ(c->g, p->vn_keys), kb.data, kb.len);
        int fwd = va && cb ? va + cb : 0, rev = ca && vb ? ca + vb : 0;
        if (!fwd && !rev)
            continue;
        /* the sentence names a kind of crossing this project is not: another crossing
         * between the same places (the Lao Cai - Hekou gate pair is not the railway
         * bridge) */
        if (!neutral && present != 0 && p->kmask != 0 && (p->kmask & present) == 0)
            continue;
        /* exact sides first, then the kind of crossing the sentence's words describe; a
         * word naming no kind ("crossing"): a curated crossing first, whatever its kind
         * and however exactly its sides are written, then a crossing point */
        int score = 10 * (fwd > rev ? fwd : rev) +
                    (neutral ? 100 * p->curated + 2 * ((p->kmask & PK_POINT) != 0)
                             : 2 * __builtin_popcount(p->kmask & present) -
                                   __builtin_popcount(p->kmask & ~present));
        if (score > best_score) {
            best = p;
            best_score = score;
            *swapped = rev > fwd;
        }
    }
    bc_buf_free(&ka);
    bc_buf_free(&kb);
    return best;
}

/* The known project whose sides are the texts of tokens [a0,a1] and [b0,b1] (either
 * order), preferring the one whose kind the sentence's words describe. */
const gz_project *bcx_gate_project_for(ctx *c, size_t a0, size_t a1, size_t b0, size_t b1,
                                       unsigned present, int *swapped)
{
    return bcx_gate_project_named(c, c->s + c->t[a0].start, c->t[a1].end - c->t[a0].start,
                                  c->s + c->t[b0].start, c->t[b1].end - c->t[b0].start, present,
                                  swapped);
}

/* The kinds of known project a pair with crossing words bits may be: those; without a
 * word for its kind (or with one for traffic only: "freight route"), a crossing point (a
 * gate pair, a traditional opening or a clearance point), never a bridge, a railway or a
 * road, which are named as such. */
unsigned bcx_gate_want_of(unsigned bits)
{
    /* "the X - Y bridge crossing" is a bridge; "the X - Y crossing" names no kind: it keeps
     * PK_CROSS, and project_named takes the known crossing of the sides, curated first */
    if (bits & ~(unsigned)(PK_ROUTE | PK_SEA | PK_CROSS))
        return bits & ~(unsigned)PK_CROSS;
    return bits | PK_POINT;
}

void bcx_gate_canonical_sides(const bc_gazetteer *g, bc_xgate *gates, size_t i)
{
    bc_xgate *gt = &gates[i];
    int vn = 0, cn = 0;
    for (size_t j = i > 16 ? i - 16 : 0; j < i && !(vn && cn); j++) {
        if (!vn && strcmp(gates[j].vn_side, gt->vn_side) == 0) {
            memcpy(gt->vn_name, gates[j].vn_name, sizeof gt->vn_name);
            vn = 1;
        }
        if (!cn && strcmp(gates[j].cn_side, gt->cn_side) == 0) {
            memcpy(gt->cn_name, gates[j].cn_name, sizeof gt->cn_name);
            cn = 1;
        }
    }
    if (!vn)
        bcx_border_place_canonical(g, 0, gt->vn_side, gt->vn_name, sizeof gt->vn_name);
    if (!cn)
        bcx_border_place_canonical(g, 1, gt->cn_side, gt->cn_name, sizeof gt->cn_name);
}
