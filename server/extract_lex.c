/* extract_lex.c: the lexicon over the article's tokens (see extract_int.h): each class's
 * entries indexed by their first byte or character (bcx_build_index), the classes that
 * cannot match at a token marked once (bcx_lex_mark_impossible), the longest entry of a
 * class at a token (bcx_lex_find2) and a phrase's words at a token (bcx_words_at). */
#include "bordercoop/alloc.h"
#include "extract_int.h"

#include <string.h>
/* 1 when entry e is tried whatever a word's first letter: a Latin pattern matched inside
 * a word or at its end (M_INFIX, M_HEAD, suffixes) */
static int lex_free(const bc_lex *e)
{
    unsigned cp;
    dec(e->pat, strlen(e->pat), 0, &cp);
    return !is_han(cp) && e->mode != M_EXACT && e->mode != M_PREFIX;
}

/* 1 when entry a sorts before entry b among the keyed ones: by pattern, bytes unsigned
 * (strcmp's order), then by place in the lexicon */
static int lex_before(const bc_lex *lex, unsigned short a, unsigned short b)
{
    int d = strcmp(lex[a].pat, lex[b].pat);
    return d < 0 || (d == 0 && a < b);
}

/* Sorts v[0..n) with lex_before (a merge sort through tmp, n entries). */
static void lex_sort(const bc_lex *lex, unsigned short *v, unsigned short *tmp, size_t n)
{
    if (n < 2)
        return;
    size_t h = n / 2, i = 0, j = h, o = 0;
    lex_sort(lex, v, tmp, h);
    lex_sort(lex, v + h, tmp, n - h);
    while (i < h || j < n)
        tmp[o++] = j >= n || (i < h && !lex_before(lex, v[j], v[i])) ? v[i++] : v[j++];
    memcpy(v, tmp, n * sizeof *v);
}

int bcx_build_index(ctx *c)
{
    size_t count[C_COUNT + 1] = {0}, nfree[C_COUNT + 1] = {0};
    const bc_lex *lex = c->lang->lex;
    size_t nlex = *c->lang->nlex;
    for (size_t i = 0; i < nlex; i++)
        if (lex[i].cls < C_COUNT) {
            count[lex[i].cls]++;
            nfree[lex[i].cls] += (size_t)lex_free(&lex[i]);
        }
    size_t total = 0;
    for (int k = 0; k < C_COUNT; k++) {
        c->cls_lo[k] = total;
        c->cls_key[k] = total + nfree[k];
        total += count[k];
    }
    c->cls_lo[C_COUNT] = total;
    c->ix = bc_malloc((2 * total + 1) * sizeof *c->ix);
    if (c->ix == NULL)
        return BC_ENOMEM;
    /* per class: the free entries first, in the lexicon's order, then the keyed ones */
    size_t fill_free[C_COUNT] = {0}, fill_key[C_COUNT] = {0};
    for (size_t i = 0; i < nlex; i++) {
        int k = lex[i].cls;
        if (k >= C_COUNT)
            continue;
        if (lex_free(&lex[i]))
            c->ix[c->cls_lo[k] + fill_free[k]++] = (unsigned short)i;
        else
            c->ix[c->cls_key[k] + fill_key[k]++] = (unsigned short)i;
    }
    for (int k = 0; k < C_COUNT; k++)
        lex_sort(lex, c->ix + c->cls_key[k], c->ix + total, c->cls_lo[k + 1] - c->cls_key[k]);
    return BC_OK;
}

/* The bytes of a pattern's first word: up to its first space or its end. */
static inline size_t word_len(const char *p)
{
    size_t n = 0;
    while (p[n] != '\0' && p[n] != ' ')
        n++;
    return n;
}

/* Tokens the pattern word p (wl bytes) covers at token k (0 when it does not match):
 * a Chinese word meets one token per character; a Latin word one token, by mode. */
static size_t word_at(const ctx *c, const char *p, size_t wl, int mode, size_t k, size_t lim)
{
    unsigned cp;
    size_t l = dec(p, wl, 0, &cp);
    if (is_han(cp)) {
        size_t q = 0, t = k;
        for (; q < wl; t++) {
            l = dec(p, wl, q, &cp);
            if (t >= lim || !c->t[t].han || c->t[t].fl != l || memcmp(TXT(c, t), p + q, l) != 0 ||
                (t > k && !c->t[t].glued))
                return 0;
            q += l;
        }
        return t - k;
    }
    if (k >= lim || c->t[k].kind != T_WORD || c->t[k].han)
        return 0;
    const char *w = TXT(c, k);
    size_t n = c->t[k].fl;
    int ok;
    switch (mode) {
    case M_EXACT:
        ok = n == wl && memcmp(w, p, wl) == 0;
        break;
    case M_PREFIX:
        ok = n >= wl && memcmp(w, p, wl) == 0;
        break;
    case M_INFIX:
        ok = memmem(w, n, p, wl) != NULL;
        break;
    case M_HEAD:
        ok = n >= wl + 3 && memcmp(w + n - wl, p, wl) == 0;
        break;
    default:
        ok = n >= wl && memcmp(w + n - wl, p, wl) == 0;
        break;
    }
    return ok ? 1 : 0;
}

/* Tokens the entry matches at token i (0 when none), within [i, lim). */
static size_t lex_at(const ctx *c, const bc_lex *e, size_t i, size_t lim)
{
    const char *p = e->pat;
    size_t k = i;
    while (*p != '\0') {
        size_t wl = word_len(p);
        /* words are joined by spaces or dashes, or by an elision's apostrophe alone
         * ("l'annee", "d'affaires": the pattern writes "l annee") */
        if (k >= lim || (k > i && !bcx_joined(c, k - 1) && bcx_gap(c, k - 1) != G_QUOTE))
            return 0;
        size_t m = word_at(c, p, wl, e->mode, k, lim);
        if (m == 0)
            return 0;
        k += m;
        p += wl;
        if (*p == ' ')
            p++;
    }
    return k - i;
}

/* strncmp(p, w, n) for the few bytes of a key (a byte, or a Chinese character): called
 * tens of millions of times on a long article, where a library call costs more than the
 * comparison. w holds n bytes; p ends at its NUL. */
static inline int key_cmp(const char *p, const char *w, size_t n)
{
    for (size_t q = 0; q < n; q++) {
        unsigned char a = (unsigned char)p[q], b = (unsigned char)w[q];
        if (a != b)
            return a < b ? -1 : 1;
        if (a == '\0')
            return 0;
    }
    return 0;
}

/* The first keyed entry of class cls whose pattern's first n bytes are not below w's. */
static size_t keyed_from(const ctx *c, int cls, const char *w, size_t n)
{
    size_t lo = c->cls_key[cls], hi = c->cls_lo[cls + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (key_cmp(c->lang->lex[c->ix[mid]].pat, w, n) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* Tries entry ix[k] at token i: keeps it in *best (tokens), *at (its place in the
 * lexicon) and *out when it matches longer, or as long and earlier in the lexicon. */
static void lex_try(const ctx *c, size_t k, size_t i, size_t lim, int adj, size_t *best, size_t *at,
                    const bc_lex **out)
{
    const bc_lex *e = &c->lang->lex[c->ix[k]];
    if (e->adj && !adj)
        return;
    size_t n = lex_at(c, e, i, lim);
    if (n > *best || (n == *best && n > 0 && c->ix[k] < *at)) {
        *best = n;
        *at = c->ix[k];
        if (out)
            *out = e;
    }
}

_Static_assert(C_COUNT <= 128, "tok.lex_none holds 128 classes");

size_t bcx_lex_find2(const ctx *c, int cls, size_t i, int adj, const bc_lex **out)
{
    size_t best = 0, at = SIZE_MAX;
    if (i >= c->nt || c->t[i].sent == NO_SENT || c->t[i].kind != T_WORD)
        return 0;
    /* the same token is asked of the same class many times (every stage reads the words
     * around each date, amount and meeting); most answers are "none", and once the sentences
     * are assigned an answer never changes (tokens, their kinds, gaps and sentences are
     * fixed by then), so a "none" is remembered per token and class */
    uint64_t *none = NULL, bit = 0;
    if (!adj && cls >= 0 && cls < 128) {
        none = &((tok *)&c->t[i])->lex_none[cls / 64];
        bit = (uint64_t)1 << (cls % 64);
        if (*none & bit)
            return 0;
    }
    size_t lim = bcx_sent_end(c, i), end = c->cls_lo[cls + 1];
    const char *w = TXT(c, i);
    /* a Chinese token (one character) meets only the patterns that start with it; a Latin
     * word the free entries and the keyed ones that start with its first byte. Of the
     * longest matches, the first in the lexicon wins, as a scan in its order would. */
    size_t key = c->t[i].han ? c->t[i].fl : 1;
    for (size_t k = c->t[i].han ? end : c->cls_lo[cls]; k < c->cls_key[cls]; k++)
        lex_try(c, k, i, lim, adj, &best, &at, out);
    for (size_t k = keyed_from(c, cls, w, key);
         k < end && key_cmp(c->lang->lex[c->ix[k]].pat, w, key) == 0; k++)
        lex_try(c, k, i, lim, adj, &best, &at, out);
    if (best == 0 && none)
        *none |= bit;
    return best;
}

size_t bcx_lex_ending(const ctx *c, int cls, size_t lo, size_t end, const bc_lex **out)
{
    /* patterns are at most a few tokens long (Chinese ones a few characters) */
    for (size_t a = end > lo + 8 ? end - 8 : lo; a < end; a++) {
        const bc_lex *e = NULL;
        if (bcx_lex_find(c, cls, a, &e) == end - a) {
            if (out)
                *out = e;
            return a;
        }
    }
    return SIZE_MAX;
}

int bcx_range_has(const ctx *c, size_t lo, size_t hi, int cls, double val)
{
    const bc_lex *e = NULL;
    for (size_t i = lo; i < hi; i++)
        if (bcx_lex_find(c, cls, i, &e) > 0 && (val < 0 || e->val == val))
            return 1;
    return 0;
}

int bcx_sent_has(const ctx *c, size_t si, int cls, double val)
{
    if (val >= 0 || cls >= 64)
        return bcx_range_has(c, c->se[si].t0, c->se[si].t1, cls, val);
    /* asked again and again of one sentence (talks, futures, both sides): remembered */
    sent *s = (sent *)&c->se[si];
    uint64_t bit = (uint64_t)1 << cls;
    if (!(s->has_known & bit)) {
        if (bcx_range_has(c, s->t0, s->t1, cls, val))
            s->has |= bit;
        s->has_known |= bit;
    }
    return (s->has & bit) != 0;
}

int bcx_word_is(const ctx *c, size_t i, size_t lim, const char *w)
{
    return i < lim && c->t[i].kind == T_WORD && c->t[i].fl == strlen(w) &&
           memcmp(TXT(c, i), w, c->t[i].fl) == 0;
}
size_t bcx_words_from(const ctx *c, size_t i, size_t lim, const char *w)
{
    size_t k = i;
    while (*w != '\0') {
        size_t wl = word_len(w);
        /* words are joined by spaces or dashes, or by an elision's apostrophe alone
         * ("l'annee", "d'affaires": the pattern writes "l annee") */
        if (k >= lim || (k > i && !bcx_joined(c, k - 1) && bcx_gap(c, k - 1) != G_QUOTE))
            return 0;
        size_t m = word_at(c, w, wl, M_EXACT, k, lim);
        if (m == 0)
            return 0;
        k += m;
        w += wl;
        if (*w == ' ')
            w++;
    }
    return k - i;
}

size_t bcx_char_word_at(const ctx *c, const char *p, size_t wl, size_t k, size_t lim)
{
    return word_at(c, p, wl, M_EXACT, k, lim);
}

/* ---- the classes that cannot match at a token ----
 * bcx_lex_find2 tries, at a Chinese token, the keyed entries that start with its character,
 * and at another word the free entries and the keyed ones that start with its first byte.
 * A class with none of those matches nothing there, whatever the sentence: the token's
 * "none" for it is set before any lookup, so the lookup never searches the index for it
 * (on a 1 MiB Chinese article, about 7 million searches). */

typedef struct {
    uint32_t key; /* a character's UTF-8 bytes (2 to 4), packed; 0: an empty slot */
    uint64_t may[2];
} char_slot;

static uint32_t char_key(const char *p, size_t l)
{
    uint32_t k = 0;
    for (size_t q = 0; q < l; q++)
        k = k << 8 | (unsigned char)p[q];
    return k;
}

static char_slot *char_slot_of(char_slot *tab, size_t cap, uint32_t key)
{
    size_t h = (size_t)((key * 2654435761u) & (cap - 1));
    while (tab[h].key != 0 && tab[h].key != key)
        h = (h + 1) & (cap - 1);
    return &tab[h];
}

void bcx_lex_mark_impossible(ctx *c)
{
    const bc_lex *lex = c->lang->lex;
    size_t nlex = *c->lang->nlex, cap = 16;
    while (cap < 2 * nlex + 16)
        cap *= 2;
    char_slot *tab = bc_calloc(cap, sizeof *tab);
    if (tab == NULL) {
        c->rc = BC_ENOMEM;
        return;
    }
    uint64_t anyword[2] = {0, 0}, byte[256][2];
    memset(byte, 0, sizeof byte);
    for (size_t i = 0; i < nlex; i++) {
        int k = lex[i].cls;
        if (k < 0 || k >= C_COUNT)
            continue;
        uint64_t bit = (uint64_t)1 << (k % 64);
        if (lex_free(&lex[i])) {
            anyword[k / 64] |= bit;
            continue;
        }
        const char *p = lex[i].pat;
        byte[(unsigned char)p[0]][k / 64] |= bit;
        unsigned cp;
        size_t l = dec(p, strlen(p), 0, &cp);
        if (l >= 2 && l <= 4) {
            char_slot *s = char_slot_of(tab, cap, char_key(p, l));
            s->key = char_key(p, l);
            s->may[k / 64] |= bit;
        }
    }
    for (size_t i = 0; i < c->nt; i++) {
        tok *t = &c->t[i];
        if (t->kind != T_WORD || t->fl == 0)
            continue;
        const char *w = TXT(c, i);
        uint64_t may[2];
        if (t->han) {
            unsigned cp;
            if (t->fl > 4 || dec(w, t->fl, 0, &cp) != t->fl)
                continue; /* not one character: left to the lookups */
            const char_slot *s = char_slot_of(tab, cap, char_key(w, t->fl));
            may[0] = s->may[0];
            may[1] = s->may[1];
        } else {
            may[0] = anyword[0] | byte[(unsigned char)w[0]][0];
            may[1] = anyword[1] | byte[(unsigned char)w[0]][1];
        }
        t->lex_none[0] |= ~may[0];
        t->lex_none[1] |= ~may[1];
    }
    bc_free(tab);
}
