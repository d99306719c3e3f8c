/* extract_meet_person.c: the Vietnamese side a Chinese report names by a person alone
 * ("6月12日，王宁在昆明会见了阮文山一行"): a name written earlier in the article right after a
 * Vietnamese title ("越南老街省委书记阮文山", "河江省人民委员会主席阮孟勇") names that side
 * wherever it comes again. Names are read once per article (bcx_mark_side_people_zh). */
#include "extract_int.h"

#include <string.h>

enum { MAX_PEOPLE = 32, NAME_MAX_TOKENS = 3 };

/* A name: its first token and how many. */
typedef struct person {
    size_t t0, n;
} person;

/* 1 when the title that ends with the office word at token o of sentence si is Vietnamese:
 * before it in its clause, within a dozen tokens, the nearest province, place or country
 * word is Vietnam's ("越南老街省委书记", "河江省人民委员会主席"). */
static int vn_title(const ctx *c, size_t si, size_t o)
{
    size_t lo = c->se[si].t0;
    for (size_t q = o; q > lo && q + 12 > o; q--) {
        size_t k = q - 1;
        if (k + 1 < o && (bcx_gap(c, k) & (G_COMMA | G_DOT | G_PAREN)))
            return 0;
        for (size_t h = c->se[si].h0; h < c->se[si].h1; h++) {
            const hit *x = &c->h[h];
            if (x->t1 != k + 1)
                continue;
            if (x->entity == E_PROVINCE)
                return !bcx_province_cn(c, x->id);
            if (x->entity == E_PLACE)
                return strcmp(x->id, "CN") != 0;
        }
        size_t n = bcx_lex_find(c, C_VN, k, NULL);
        if (n > 0 && k + n <= o)
            return 1;
        n = bcx_lex_find(c, C_CN, k, NULL);
        if (n > 0 && k + n <= o)
            return 0;
    }
    return 0;
}

/* The tokens of the name right after a title ending at token e: two or three Chinese
 * characters written together, the third not a word that ends the name ("阮国团与…",
 * "陈刚表示"); 0 when none. */
static size_t name_after(const ctx *c, size_t e, size_t hi)
{
    static const char *const stop[] = {"与", "和", "及", "在", "于", "一", "率", "表", "说", "等",
                                       "会", "同", "主", "出", "就", "也", "还", "向", "对", "指",
                                       "强", "介", "称", "为", "是", "的", "到", "陪", "致", NULL};
    size_t n = 0;
    while (n < NAME_MAX_TOKENS && e + n < hi && c->t[e + n].han &&
           (n == 0 || !(bcx_gap(c, e + n - 1) & ~(unsigned)G_SPACE)))
        n++;
    if (n < 2)
        return 0;
    for (int w = 0; n == 3 && stop[w]; w++)
        if (bcx_words_at(c, e + 2, hi, stop[w]))
            n = 2;
    for (int w = 0; stop[w]; w++)
        if (bcx_words_at(c, e, hi, stop[w]) || bcx_words_at(c, e + 1, hi, stop[w]))
            return 0; /* a verb or a link after the title, no name */
    return n;
}

/* 1 when the n tokens at a and at b are the same characters. */
static int same_name(const ctx *c, size_t a, size_t b, size_t n)
{
    /* asked at every token for every name told (millions of times in a long article), and
     * the tokens are a character or a short word: compared byte by byte, not by memcmp */
    for (size_t k = 0; k < n; k++) {
        size_t fl = c->t[a + k].fl;
        if (fl != c->t[b + k].fl)
            return 0;
        const char *x = TXT(c, a + k), *y = TXT(c, b + k);
        for (size_t q = 0; q < fl; q++)
            if (x[q] != y[q])
                return 0;
    }
    return 1;
}

void bcx_mark_side_people_zh(ctx *c)
{
    person p[MAX_PEOPLE];
    size_t np = 0;
    if (c->lbit != L_ZH)
        return;
    for (size_t si = 0; si < c->ns; si++) {
        const sent *s = &c->se[si];
        /* a name told before, written again here */
        for (size_t k = s->t0; k < s->t1 && !c->se[si].vn_named; k++)
            for (size_t q = 0; q < np && !c->se[si].vn_named; q++)
                if (k + p[q].n <= s->t1 && p[q].t0 != k && same_name(c, p[q].t0, k, p[q].n))
                    c->se[si].vn_named = 1;
        for (size_t k = s->t0; k < s->t1 && np < MAX_PEOPLE; k++) {
            size_t n = bcx_lex_find(c, C_OFFICE, k, NULL), name;
            if (n == 0 || k + n >= s->t1 || !vn_title(c, si, k) ||
                (name = name_after(c, k + n, s->t1)) == 0)
                continue;
            int known = 0;
            for (size_t q = 0; q < np && !known; q++)
                known = p[q].n == name && same_name(c, p[q].t0, k + n, name);
            if (!known) {
                p[np].t0 = k + n;
                p[np++].n = name;
            }
            k += n + name - 1;
        }
    }
}
