/* extract_fig_money.c: the words of one amount of money: a currency sign or word before
 * or after the number, its scale words and compact units ("1,2 M$", "800 k$", "2,4 M
 * USD", "1,2 MUSD"), and the amounts whose scale is unread, which are refused with their
 * words (bc_extraction.unread) rather than stored as the bare number. */
#include "bordercoop/alloc.h"
#include "extract_int.h"

#include <string.h>

/* Country codes written in capitals with a dollar sign, glued or after a space ("$CA", "2
 * M$ HK", "HK$3 million", "NT$2 billion"): a dollar that is not the US one. */
static const char *const DOLLAR_CODES[] = {"ca", "can", "c",  "hk", "s", "sg", "a",   "au", "aus",
                                           "nz", "nt",  "tw", "r",  "m", "z",  "mex", "mx", NULL};

/* Codes written as a capitalised abbreviation glued before "$" ("Can$2 million", "Mex$2
 * million", "Aus$"): another country's dollar. */
static const char *const DOLLAR_ABBREVS[] = {"can", "mex", "aus", NULL};

/* 1 when token k is a code of DOLLAR_CODES written in capitals ("CA", "HK", "NT"): in
 * lower case, "au", "ca", "can", "a" are words ("3,5 Md$ au total"). */
static int dollar_code(const ctx *c, size_t k)
{
    const tok *t = &c->t[k];
    if (t->kind != T_WORD || t->han || t->end - t->start != t->fl)
        return 0;
    for (size_t p = t->start; p < t->end; p++)
        if (c->s[p] < 'A' || c->s[p] > 'Z')
            return 0;
    for (int j = 0; DOLLAR_CODES[j]; j++)
        if (strlen(DOLLAR_CODES[j]) == t->fl && memcmp(TXT(c, k), DOLLAR_CODES[j], t->fl) == 0)
            return 1;
    return 0;
}

/* The number of tokens from token k that name another country's currency after a dollar
 * sign or word: a code ("CA", "HK") or a word of the language ("canadiens", "de Singapour",
 * "kanadyjskich", "Hong Kong"); 0 when none. codes 0: words only. */
static size_t other_dollar_at(const ctx *c, size_t k, int codes)
{
    const bc_lex *e = NULL;
    size_t n;
    if (k >= c->nt || c->t[k].kind != T_WORD)
        return 0;
    if ((n = bcx_lex_find(c, C_CUR_ADJ, k, &e)) > 0 && (int)e->val == CUR_OTHER)
        return n;
    return codes && c->t[k].fl >= 2 && dollar_code(c, k);
}

/* 1 when the dollar sign before token i is glued after letters other than "US" ("HK$3
 * million", "C$2 million", "NT$2 billion", "A$"): another country's dollar. */
static int other_dollar_before(const ctx *c, size_t si, size_t i)
{
    if (i < c->se[si].t0 + 1 || !(bcx_gap(c, i - 1) & G_DOLLAR))
        return 0;
    const tok *w = &c->t[i - 1];
    if (w->kind != T_WORD || w->han || w->end >= c->n || c->s[w->end] != '$')
        return 0; /* "a $2 million deal": the sign stands apart */
    if (dollar_code(c, i - 1))
        return 1; /* "US$" is none of them */
    if (c->s[w->start] < 'A' || c->s[w->start] > 'Z')
        return 0;
    for (int j = 0; DOLLAR_ABBREVS[j]; j++)
        if (strlen(DOLLAR_ABBREVS[j]) == w->fl &&
            memcmp(TXT(c, i - 1), DOLLAR_ABBREVS[j], w->fl) == 0)
            return 1;
    return 0;
}

/* The currency of a sign written right after token a, at most one space between ("1,2
 * M$", "800 000 $", "1,2 M€", "1,2 million $US"; the dot of an abbreviated scale word before
 * it, dot 1: "800 tys. $"); 0 when none, or when the sign is that of the number right after
 * it ("… 2 $3 billion"); CUR_OTHER for another dollar ("$CA", "2 M$ HK", "2 Md$
 * australiens", "2 M$ de Singapour"). *stop is the byte after the sign (and after "US"
 * glued to it, or after the words of the other country). */
static int sign_after(const ctx *c, size_t a, int dot, size_t *stop)
{
    size_t p = c->t[a].end, e = a + 1 < c->nt ? c->t[a + 1].start : c->n;
    unsigned cp = 0;
    int spaces = 0;
    if (dot && p < e && c->s[p] == '.')
        p++;
    while (p < e) {
        size_t l = dec(c->s, c->n, p, &cp);
        if (!is_space_cp(cp))
            break;
        p += l;
        spaces++;
    }
    if (p >= e || spaces > 1)
        return 0;
    int cur = cp == '$'                    ? CUR_USD
              : cp == 0x20AC               ? CUR_EUR
              : cp == 0xA5 || cp == 0xFFE5 ? CUR_CNY
              : cp == 0xA3                 ? CUR_OTHER /* "2 millions £" */
                                           : 0;
    if (cur == 0)
        return 0;
    size_t q = p + dec(c->s, c->n, p, &cp), o;
    *stop = q;
    if (cur == CUR_USD && a + 1 < c->nt && !c->t[a + 1].han &&
        (o = other_dollar_at(c, a + 1, 1)) > 0) {
        size_t r = q; /* "$CA" glued, or "M$ CA": at most one space (or no-break space) */
        int sp = 0;
        unsigned sc = 0;
        while (r < e && sp < 2) {
            size_t l = dec(c->s, c->n, r, &sc);
            if (!is_space_cp(sc))
                break;
            r += l;
            sp++;
        }
        if (r == e && sp < 2) {
            *stop = c->t[a + o].end;
            return CUR_OTHER;
        }
    }
    if (q < e || a + 1 >= c->nt)
        return cur; /* something between the sign and the next token: it ends the amount */
    if (c->t[a + 1].kind == T_NUM)
        return 0; /* the sign of the next number */
    if (c->t[a + 1].kind == T_WORD && !c->t[a + 1].han) {
        if (cur != CUR_USD || c->t[a + 1].fl != 2 || memcmp(TXT(c, a + 1), "us", 2) != 0)
            return 0; /* "€uros", "$3" … */
        *stop = c->t[a + 1].end;
    }
    return cur;
}

/* The scale of compact unit letters that a currency follows or follows from the sign before
 * the number ("1,2 M$", "3,5 Md$", "800 k$", "2,4 M USD", "G$" of Quebec); the SI letters
 * and the French "milliard" only: "B" (10^9 or 10^12) and "T" are refused, not read. */
static const struct {
    const char *w;
    double v;
} COMPACT[] = {{"k", 1e3}, {"m", 1e6},   {"md", 1e9},   {"mds", 1e9},
               {"g", 1e9}, {"mrd", 1e9}, {"mrds", 1e9}, {NULL, 0}};

/* Currency codes glued to compact letters in one word ("1,2 MUSD", "800 kEUR"). */
static const struct {
    const char *w;
    int cur;
} CODES[] = {{"usd", CUR_USD}, {"eur", CUR_EUR}, {"cny", CUR_CNY},
             {"rmb", CUR_CNY}, {"vnd", CUR_VND}, {NULL, 0}};

static double compact_scale(const char *w, size_t n)
{
    for (int e = 0; COMPACT[e].w; e++)
        if (strlen(COMPACT[e].w) == n && memcmp(COMPACT[e].w, w, n) == 0)
            return COMPACT[e].v;
    return 0;
}

/* Token k as compact letters and a currency code in one word ("musd", "keur"): the
 * scale, and the currency in *cur; 0 when it is none. */
static double compact_code(const ctx *c, size_t k, int *cur)
{
    const char *w = TXT(c, k);
    size_t n = c->t[k].fl;
    if (c->t[k].kind != T_WORD || c->t[k].han || n < 4)
        return 0;
    for (int e = 0; CODES[e].w; e++) {
        double v;
        if (memcmp(w + n - 3, CODES[e].w, 3) == 0 && (v = compact_scale(w, n - 3)) > 0) {
            *cur = CODES[e].cur;
            return v;
        }
    }
    return 0;
}

/* 1 when token k is written exactly w (its first letter in either case): Vietnamese words
 * that fold alike ("bạt" the baht, "bắt" to catch; "kíp" the kip, "kịp" in time). */
static int raw_is(const ctx *c, size_t k, const char *w)
{
    const tok *t = &c->t[k];
    size_t n = strlen(w);
    if (t->end - t->start != n || n == 0)
        return 0;
    char f = c->s[t->start];
    if (f >= 'A' && f <= 'Z')
        f = (char)(f - 'A' + 'a');
    return f == w[0] && memcmp(c->s + t->start + 1, w + 1, n - 1) == 0;
}

/* 0 when the other currency read at token q is a Vietnamese word folded like one ("3 bắt
 * đầu"): only "bạt" and "kíp" name the baht and the kip. */
static int vi_currency_written(const ctx *c, size_t q)
{
    if (c->lbit != L_VI || c->t[q].kind != T_WORD)
        return 1;
    if (c->t[q].fl == 3 && memcmp(TXT(c, q), "bat", 3) == 0)
        return raw_is(c, q, "b\xe1\xba\xa1t");
    if (c->t[q].fl == 3 && memcmp(TXT(c, q), "kip", 3) == 0)
        return raw_is(c, q, "k\xc3\xadp");
    return 1;
}

int bcx_fig_money_phrase_any(const ctx *c, size_t si, size_t i, double *scale, size_t *lead,
                             size_t *end)
{
    const bc_lex *e = NULL;
    size_t w = c->t[i].words > 0 ? c->t[i].words : 1; /* a number in words: its tokens */
    size_t lim = c->se[si].t1, k = i + w, n, stop;
    int cur = 0;
    *scale = 1;
    *lead = i;
    if (i > c->se[si].t0) {
        unsigned g = bcx_gap(c, i - 1);
        if (g & G_DOLLAR) { /* $7.2 billion, US$ 7.2 billion; HK$3 million is none */
            cur = other_dollar_before(c, si, i) ? CUR_OTHER : CUR_USD;
            if (cur == CUR_OTHER)
                *lead = i - 1;
        } else if (g & G_EURO)
            cur = CUR_EUR;
        else if (g & G_POUND)
            cur = CUR_OTHER; /* "£2 million": none of the four */
        else if (g & G_YUAN)
            cur = CUR_CNY;
        else if (bcx_joined(c, i - 1) && !c->t[i - 1].han &&
                 (n = bcx_lex_ending(c, C_CURRENCY, c->se[si].t0, i, &e)) != SIZE_MAX) {
            cur = (int)e->val; /* USD 7.2 billion */
            *lead = n;
        }
    }
    for (int scales = 0; scales < 2 && k < lim; scales++) {
        double v = 0; /* else another language's scale word: "VND 5,4 ngan ty" in English */
        if ((n = bcx_lex_find2(c, C_SCALE, k, 1, &e)) > 0)
            v = e->val;
        else if ((v = bcx_fig_foreign_scale(c, k)) > 0)
            n = 1;
        if (n == 0 || bcx_lex_find2(c, C_NOUN, k, 1, NULL) >= n ||
            (k > i + w && (bcx_gap(c, k - 1) & ~(unsigned)(G_SPACE | G_DASH | G_DOT))))
            break; /* "1,2 tys. mld", "1 nghin ty" */
        *scale *= v;
        k += n;
    }
    /* compact unit letters no scale word of the language read: "1,2 M$", "2,4 M USD",
     * "1,5 M d'euros", "$1,2 M"; a scale only when a currency is written with them (alone,
     * "300 m" is a length), so undone below when none follows */
    int compact = 0, code = 0;
    double v;
    if (k == i + w && k < lim && c->t[k].kind == T_WORD && !c->t[k].han &&
        (bcx_gap(c, k - 1) & ~(unsigned)G_SPACE) == 0) {
        if (cur == 0 && (v = compact_code(c, k, &code)) > 0) {
            *scale = v; /* "1,2 MUSD" */
            *end = k + 1;
            return code;
        }
        if ((v = compact_scale(TXT(c, k), c->t[k].fl)) > 0) {
            *scale = v;
            k++;
            compact = 1;
        }
    }
    if (k > i + w)
        k += bcx_fig_half_after(c, si, k); /* "deux milliards et demi de dollars" */
    *end = k;
    if (cur != 0)
        return cur;
    size_t q = k;
    /* Chinese: 多 between the scale and the currency ("5亿多元") */
    if (c->lbit == L_ZH && bcx_words_at(c, q, lim, "多") && q + 1 < lim)
        q++;
    /* French "de dollars", "d'USD"; Vietnamese needs nothing between */
    if (c->lbit == L_FR && (bcx_word_is(c, q, lim, "de") || bcx_word_is(c, q, lim, "d")))
        q++;
    size_t adj = q < lim ? bcx_lex_find(c, C_CUR_ADJ, q, &e) : 0; /* "US" */
    int adj_other = adj > 0 && (int)e->val == CUR_OTHER;          /* "Canadian" */
    if (adj == 0 && q + 1 < lim && bcx_word_is(c, q, lim, "u") && bcx_word_is(c, q + 1, lim, "s") &&
        bcx_gap(c, q) == G_DOT)
        adj = 2; /* "U.S. dollars" */
    q += adj;
    if (q < lim && (n = bcx_lex_find2(c, C_CURRENCY, q, 1, &e)) > 0 &&
        ((int)e->val != CUR_OTHER || vi_currency_written(c, q)) &&
        (q == i + w || adj > 0 || c->t[q].han || bcx_joined(c, q - 1) ||
         (bcx_gap(c, q - 1) & G_QUOTE) ||
         (q == k && k > i + w && /* after an abbreviated scale: "250 mln. USD" */
          (bcx_gap(c, q - 1) & ~(unsigned)(G_SPACE | G_DASH | G_DOT)) == 0))) {
        cur = adj_other ? CUR_OTHER : (int)e->val;
        /* a dollar word, not a code, before the other country: "dollars canadiens", "đô la
         * Hồng Kông", "dolarów kanadyjskich" */
        int word = c->t[q].fl != 3 || memcmp(TXT(c, q), "usd", 3) != 0;
        q += n;
        /* "dollars americains", "do la My", "元人民币" */
        if (q < lim && (n = bcx_lex_find(c, C_CUR_ADJ, q, &e)) > 0 && (int)e->val == cur)
            q += n;
        else if (q < lim && cur == CUR_USD && word && (n = other_dollar_at(c, q, 1)) > 0) {
            cur = CUR_OTHER;
            q += n;
        }
        if (c->lbit == L_ZH && bcx_words_at(c, q, lim, "人民币"))
            q += 3;
        *end = q;
        return cur;
    }
    /* a sign after the amount: "800 000 $", "1,2 M$", "3,5 mld $", "1,2 M US$" */
    if ((cur = sign_after(c, k - 1, k > i + w && c->t[k - 1].kind == T_WORD, &stop)) != 0) {
        *end = k; /* "$US", "$CA", "M$ de Singapour": up to the byte the sign's words end */
        while (*end < c->nt && c->t[*end].end <= stop)
            (*end)++;
        return cur;
    }
    if (k < lim && bcx_word_is(c, k, lim, "us") && (bcx_gap(c, k - 1) & ~(unsigned)G_SPACE) == 0 &&
        sign_after(c, k, 0, &stop) == CUR_USD && stop == c->t[k].end + 1) {
        *end = k + 1;
        return CUR_USD;
    }
    if (compact) { /* no currency: the letters were no scale */
        *scale = 1;
        *end = i + w;
    }
    return 0;
}

int bcx_fig_money_phrase(const ctx *c, size_t si, size_t i, double *scale, size_t *lead,
                         size_t *end)
{
    int cur = bcx_fig_money_phrase_any(c, si, i, scale, lead, end);
    return cur == CUR_OTHER ? 0 : cur;
}

/* 1 when token k may be a scale this reader does not know: a short word no language read
 * knows (one letter no compact unit is: "B$", "T$"), or the look of an abbreviated scale. */
static int unread_letters(const ctx *c, size_t k)
{
    return bcx_fig_word_unknown(c, k) || bcx_fig_scale_like(c, k);
}

/* Appends the bytes [s, e) to the list *q of *nq quotes (capacity *cap); 0 when they were
 * read already (a range's end is read twice) or memory ran out. */
static int record_quote(ctx *c, bc_xquote **q, size_t *nq, size_t *cap, size_t s, size_t e)
{
    if (c->rc != BC_OK || (*nq > 0 && (*q)[*nq - 1].end > s))
        return 0;
    *q = bc_grow(*q, cap, *nq + 1, sizeof **q, &c->rc);
    if (c->rc != BC_OK)
        return 0;
    (*q)[(*nq)++] = (bc_xquote){s, e};
    return 1;
}

/* Records the bytes [s, e) as the words of an amount not stored for its unread scale. */
static void record_unread(ctx *c, size_t s, size_t e)
{
    record_quote(c, &c->out->unread, &c->out->nunread, &c->capro, s, e);
}

void bcx_fig_other_currency(ctx *c, size_t lead, size_t end)
{
    size_t s = c->t[lead].start;
    if (lead > 0 && (bcx_gap(c, lead - 1) & G_POUND)) /* "£2 million": from the sign */
        while (s > c->t[lead - 1].end) {
            unsigned cp;
            s = prev_cp(c->s, s);
            if (dec(c->s, c->n, s, &cp) > 0 && cp == 0xA3)
                break;
        }
    if (record_quote(c, &c->out->other_currency, &c->out->nother_currency, &c->capoc, s,
                     c->t[end - 1].end))
        c->out->unmeasured_counts++;
}

/* The first byte of the amount whose number is token lead: its sign before it, with "US"
 * glued to the sign ("US$3.5 bi"), else the number's. */
static size_t amount_start(const ctx *c, size_t si, size_t lead)
{
    size_t s = c->t[lead].start;
    if (lead == c->se[si].t0 || !(bcx_gap(c, lead - 1) & (G_DOLLAR | G_EURO | G_YUAN | G_POUND)))
        return s;
    size_t p = s;
    while (p > c->t[lead - 1].end) {
        unsigned cp;
        size_t q = prev_cp(c->s, p);
        dec(c->s, c->n, q, &cp);
        p = q;
        if (cp == '$' || cp == 0x20AC || cp == 0xA5 || cp == 0xFFE5 || cp == 0xA3)
            break;
    }
    if (p == c->t[lead - 1].end && c->t[lead - 1].fl == 2 && memcmp(TXT(c, lead - 1), "us", 2) == 0)
        p = c->t[lead - 1].start;
    return p;
}

int bcx_fig_unread(ctx *c, size_t si, size_t i, int cur, size_t lead, size_t end)
{
    size_t lim = c->se[si].t1, stop = 0;
    if (end != i + (c->t[i].words > 0 ? c->t[i].words : 1) || end >= lim)
        return 0; /* a scale was read, or nothing follows */
    if (cur == 0) {
        /* "1,2 yi USD", "4,1 xq USD", "1,2 B$": a number, a short word no language read
         * knows, then a currency is an amount of an unread scale */
        if ((bcx_gap(c, end - 1) & ~(unsigned)G_SPACE) || !unread_letters(c, end))
            return 0;
        if (end + 1 < lim && bcx_gap(c, end) == G_SPACE &&
            bcx_lex_find2(c, C_CURRENCY, end + 1, 1, NULL) > 0)
            stop = c->t[end + 1].end;
        else if (sign_after(c, end, 1, &stop) == 0)
            return 0;
        c->out->unmeasured_counts++;
        record_unread(c, amount_start(c, si, lead), stop);
        return 1;
    }
    /* a number glued to letters that are no scale the language knows ("VND6.8trx"), or
     * followed by a word that looks like an abbreviated scale ("$3.5 bil", "VND4.1 trl"):
     * its scale is unread, so its value is unknown; no amount rather than a wrong one
     * (counted with the amounts not stored, never the bare number) */
    if (c->t[end].kind == T_WORD && !c->t[end].han &&
        (bcx_gap(c, end - 1) == 0 ||
         (bcx_gap(c, end - 1) == G_SPACE &&
          (bcx_fig_scale_like(c, end) || bcx_fig_word_unknown(c, end))))) {
        c->out->unmeasured_counts++;
        record_unread(c, amount_start(c, si, lead), c->t[end].end);
        return 1;
    }
    return 0;
}
