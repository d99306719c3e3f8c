/* extract_gate.c: gate pairs and other crossings: "X (Vietnam) - Y (China)", pairs
 * that name a known project's sides, and known projects named by an alias. */
#include "bordercoop/alloc.h"
#include "bordercoop/text.h"
#include "extract_int.h"

#include <string.h>

/* The run of capitalised words ending at token b (at most 5, joined by spaces only). */
static size_t run_back(const ctx *c, size_t b, size_t lo)
{
    size_t a = b;
    if (c->t[b].kind != T_WORD || !c->t[b].upper)
        return SIZE_MAX;
    while (a > lo && b - a < 4 && c->t[a - 1].kind == T_WORD && c->t[a - 1].upper &&
           (bcx_gap(c, a - 1) & ~(unsigned)G_SPACE) == 0)
        a--;
    return a;
}

static size_t run_fwd(const ctx *c, size_t a, size_t hi)
{
    size_t b = a;
    if (a >= hi || c->t[a].kind != T_WORD || !c->t[a].upper)
        return SIZE_MAX;
    while (b + 1 < hi && b - a < 4 && c->t[b + 1].kind == T_WORD && c->t[b + 1].upper &&
           (bcx_gap(c, b) & ~(unsigned)G_SPACE) == 0)
        b++;
    return b;
}

/* 2 when key is a strong key of the side ("|strong|...|#|weak|...|"), 1 a weak one. */
static int has_key(const char *keys, const char *key, size_t n)
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

/* The known project whose sides are the texts of tokens [a0,a1] and [b0,b1] (either
 * order), preferring the one whose kind the sentence's words describe. */
static const gz_project *project_for(ctx *c, size_t a0, size_t a1, size_t b0, size_t b1,
                                     unsigned present, int *swapped)
{
    const gz_project *best = NULL;
    int best_score = -100;
    bc_buf ka = BC_BUF_INIT, kb = BC_BUF_INIT;
    if (c->g == NULL)
        return NULL;
    bc_text_slug(c->s + c->t[a0].start, c->t[a1].end - c->t[a0].start, &ka);
    bc_text_slug(c->s + c->t[b0].start, c->t[b1].end - c->t[b0].start, &kb);
    if (bc_buf_failed(&ka) || bc_buf_failed(&kb))
        c->rc = BC_ENOMEM;
    for (size_t k = 0; c->rc == BC_OK && k < c->g->npr; k++) {
        const gz_project *p = &c->g->pr[k];
        int va = has_key(GZ(c->g, p->vn_keys), ka.data, ka.len);
        int cb = has_key(GZ(c->g, p->cn_keys), kb.data, kb.len);
        int ca = has_key(GZ(c->g, p->cn_keys), ka.data, ka.len);
        int vb = has_key(GZ(c->g, p->vn_keys), kb.data, kb.len);
        int fwd = va && cb ? va + cb : 0, rev = ca && vb ? ca + vb : 0;
        if (!fwd && !rev)
            continue;
        /* exact sides first, then the kind of crossing the sentence's words describe */
        int score = 10 * (fwd > rev ? fwd : rev) + 2 * __builtin_popcount(p->kmask & present) -
                    __builtin_popcount(p->kmask & ~present);
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

static void add_gate(ctx *c, size_t si, const char *vn, size_t vnl, const char *cn, size_t cnl,
                     const gz_project *p, double conf)
{
    bc_extraction *o = c->out;
    for (size_t k = 0; p != NULL && k < o->ngates; k++)
        if (o->gates[k].quote_start == c->se[si].qs &&
            strcmp(o->gates[k].project, GZ(c->g, p->id)) == 0)
            return;
    o->gates = bc_grow(o->gates, &c->capgo, o->ngates + 1, sizeof *o->gates, &c->rc);
    if (c->rc != BC_OK)
        return;
    bc_xgate *x = &o->gates[o->ngates++];
    memset(x, 0, sizeof *x);
    copy_utf8(x->vn_side, sizeof x->vn_side, vn, vnl);
    copy_utf8(x->cn_side, sizeof x->cn_side, cn, cnl);
    copy_str(x->project, sizeof x->project, p ? GZ(c->g, p->id) : "");
    x->quote_start = c->se[si].qs;
    x->quote_end = c->se[si].qe;
    x->confidence = conf;
}

/* A country tag "(Vietnam)" at token i: returns +1 Vietnam, -1 China, 0 none; *n tokens. */
static int country_tag(const ctx *c, size_t i, size_t lo, size_t lim, size_t *n)
{
    const bc_lex *e = NULL;
    int side = 0;
    if ((*n = bcx_lex_find(c, C_VN, i, &e)) > 0)
        side = 1;
    else if ((*n = bcx_lex_find(c, C_CN, i, &e)) > 0)
        side = -1;
    if (side == 0 || i == lo || !(bcx_gap(c, i - 1) & G_OPEN) || i + *n > lim)
        return 0;
    if (i + *n < lim && !(bcx_gap(c, i + *n - 1) & G_CLOSE))
        return 0;
    if (i + *n == lim && (c->t[i + *n - 1].end >= c->n || c->s[c->t[i + *n - 1].end] != ')'))
        return 0;
    return side;
}

/* 1 when the folded words of phrase occur in tokens [lo, lim). */
static int phrase_in(ctx *c, const char *phrase, size_t lo, size_t lim)
{
    bc_buf key = BC_BUF_INIT;
    int found = 0;
    bc_text_slug(phrase, strlen(phrase), &key);
    if (bc_buf_failed(&key))
        c->rc = BC_ENOMEM;
    for (size_t i = 0; i < key.len; i++)
        if (key.data[i] == '-')
            key.data[i] = '\0';
    for (size_t i = lo; i < lim && !found && key.len > 0; i++) {
        const char *w = key.data;
        size_t k = i;
        found = 1;
        while (found && w < key.data + key.len) {
            size_t wl = strlen(w);
            found = k < lim && c->t[k].fl == wl && memcmp(TXT(c, k), w, wl) == 0;
            w += wl + 1;
            k++;
        }
    }
    bc_buf_free(&key);
    return found;
}

void bcx_find_gates(ctx *c)
{
    const bc_lex *e = NULL;
    for (size_t si = 0; si < c->ns && c->rc == BC_OK; si++) {
        size_t lo = c->se[si].t0, lim = c->se[si].t1;
        unsigned present = 0;
        for (size_t i = lo; i < lim; i++)
            if (bcx_lex_find(c, C_PROJ, i, &e) > 0)
                present |= (unsigned)e->val;
        /* X (Vietnam) - Y (China), in either order */
        for (size_t i = lo; i < lim && c->rc == BC_OK; i++) {
            size_t n1, n2;
            int s1 = country_tag(c, i, lo, lim, &n1);
            if (s1 == 0 || i == lo)
                continue;
            size_t a1 = i - 1, a0 = run_back(c, a1, lo);
            size_t b0 = i + n1;
            if (a0 == SIZE_MAX || b0 >= lim || !(bcx_gap(c, b0 - 1) & G_DASH))
                continue;
            size_t b1 = run_fwd(c, b0, lim);
            if (b1 == SIZE_MAX || b1 + 1 >= lim)
                continue;
            int s2 = country_tag(c, b1 + 1, lo, lim, &n2);
            if (s2 == 0 || s2 == s1)
                continue;
            int swapped = 0;
            const gz_project *p = NULL;
            for (size_t a = a0; a <= a1 && p == NULL && c->rc == BC_OK; a++)
                if ((p = project_for(c, a, a1, b0, b1, present, &swapped)) != NULL)
                    a0 = a;
            if (p == NULL && a0 == lo && a0 < a1 && bcx_lex_find(c, C_ARTICLE, a0, &e) > 0)
                a0++; /* "The Thanh Thuy (Vietnam) - ...": not part of the name */
            size_t v0 = s1 > 0 ? a0 : b0, v1 = s1 > 0 ? a1 : b1;
            size_t w0 = s1 > 0 ? b0 : a0, w1 = s1 > 0 ? b1 : a1;
            add_gate(c, si, c->s + c->t[v0].start, c->t[v1].end - c->t[v0].start,
                     c->s + c->t[w0].start, c->t[w1].end - c->t[w0].start, p, p ? 0.9 : 0.6);
            i = b1 + n2;
        }
        /* X - Y without country tags, kept only when it names a known project's sides */
        for (size_t k = lo; k + 1 < lim && c->rc == BC_OK && c->g; k++) {
            unsigned g = bcx_gap(c, k);
            if (!(g & G_DASH) || (g & ~(unsigned)(G_SPACE | G_DASH)))
                continue;
            size_t a0 = run_back(c, k, lo), b1 = run_fwd(c, k + 1, lim);
            if (a0 == SIZE_MAX || b1 == SIZE_MAX)
                continue;
            const gz_project *p = NULL;
            int swapped = 0;
            size_t pa = 0, pb = 0;
            for (size_t a = a0; a <= k && p == NULL; a++)
                for (size_t b = b1 + 1; b > k + 1 && p == NULL; b--)
                    if ((p = project_for(c, a, k, k + 1, b - 1, present, &swapped)) != NULL)
                        pa = a, pb = b - 1;
            if (p == NULL)
                continue;
            size_t v0 = swapped ? k + 1 : pa, v1 = swapped ? pb : k;
            size_t w0 = swapped ? pa : k + 1, w1 = swapped ? k : pb;
            add_gate(c, si, c->s + c->t[v0].start, c->t[v1].end - c->t[v0].start,
                     c->s + c->t[w0].start, c->t[w1].end - c->t[w0].start, p, 0.8);
        }
        /* known projects named by an alias, and lines named by their Vietnamese side only */
        for (size_t q = 0; q < c->nh && c->rc == BC_OK; q++) {
            if (c->h[q].entity != E_PROJECT || c->t[c->h[q].t0].sent != si)
                continue;
            for (size_t k = 0; k < c->g->npr; k++) {
                const gz_project *p = &c->g->pr[k];
                if (strcmp(GZ(c->g, p->id), c->h[q].id) == 0)
                    add_gate(c, si, GZ(c->g, p->vn), strlen(GZ(c->g, p->vn)), GZ(c->g, p->cn),
                             strlen(GZ(c->g, p->cn)), p, 0.7);
            }
        }
        for (size_t k = 0; c->g && k < c->g->npr && c->rc == BC_OK; k++) {
            const gz_project *p = &c->g->pr[k];
            const char *vn = GZ(c->g, p->vn);
            if (GZ(c->g, p->cn)[0] == '\0' && strchr(vn, ' ') != NULL && phrase_in(c, vn, lo, lim))
                add_gate(c, si, vn, strlen(vn), "", 0, p, 0.6);
        }
    }
}
