/* extract_meet_ordinal.c: a meeting's number as written before its noun, per language:
 * "11th", "XV", "XIe", "11.", "17:e", "lan thu 11", "第十次", "首届", number words (C_ORD).
 * Moved out of extract_meet.c, which finds the meetings the number belongs to. */
#include "extract_int.h"

#include <string.h>

/* Value of a Roman numeral of two or more letters, or V or X alone (1..50), else 0: the
 * tens (X, XX, XXX, XL, L) then the ones (I .. IX), written the one canonical way. */
static int roman(const char *s, size_t n)
{
    static const char *const ones[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
    static const char *const tens[] = {"", "X", "XX", "XXX", "XL", "L"};
    if (n == 0 || n > 8 || (n == 1 && s[0] != 'V' && s[0] != 'X'))
        return 0;
    for (size_t k = 0; k < n; k++)
        if (s[k] != 'I' && s[k] != 'V' && s[k] != 'X' && s[k] != 'L')
            return 0; /* most capitalised words stop here */
    for (int t = 5; t >= 0; t--) {
        size_t tl = strlen(tens[t]);
        if (tl > n || memcmp(s, tens[t], tl) != 0)
            continue;
        for (int o = 0; o < 10; o++) {
            size_t ol = strlen(ones[o]);
            if (tl + ol == n && memcmp(s + tl, ones[o], ol) == 0 && t * 10 + o > 0)
                return t * 10 + o;
        }
    }
    return 0;
}

/* 1 when token i is the suffix glued to an ordinal number: Dutch 5e/4de/8ste, English
 * 11th/1st/2nd/3rd, French 7e/7eme/1er/1re. */
static int ord_suffix(const ctx *c, size_t i, size_t lim)
{
    static const char *const nl[] = {"e", "de", "ste", NULL};
    static const char *const en[] = {"th", "st", "nd", "rd", NULL};
    static const char *const fr[] = {"e", "eme", "er", "ere", "re", "ieme", NULL};
    const char *const *w = c->lbit == L_NL   ? nl
                           : c->lbit == L_EN ? en
                           : c->lbit == L_FR ? fr
                                             : NULL;
    if (w == NULL || i >= lim || !c->t[i].glued || c->t[i].kind != T_WORD)
        return 0;
    for (; *w; w++)
        if (bcx_word_is(c, i, lim, *w))
            return 1;
    return 0;
}

/* A Chinese numeral 1..99 at token i (十, 十一, 二十三); its tokens in *n. */
static int han_number(const ctx *c, size_t i, size_t lim, size_t *n)
{
    static const char *const digits[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};
    int v = 0, cur = 0;
    size_t k = i;
    for (; k < lim && c->t[k].han; k++) {
        int d = 0;
        for (int q = 0; q < 9 && d == 0; q++)
            if (bcx_words_at(c, k, lim, digits[q]))
                d = q + 1;
        if (d != 0) {
            cur = d;
        } else if (bcx_words_at(c, k, lim, "十")) {
            v += (cur ? cur : 1) * 10;
            cur = 0;
        } else {
            break;
        }
    }
    *n = k - i;
    return v + cur;
}

/* An ordinal at token i: "11.", "5e", "11th", "10:e", "jedenaste", "fifth", "V",
 * Vietnamese "lan thu 11", Chinese "第十次" / "第11届". Returns its value and its tokens
 * in *n. */
int bcx_ordinal_at(const ctx *c, size_t i, size_t lim, size_t *n)
{
    const bc_lex *e = NULL;
    const tok *t = &c->t[i];
    *n = 0;
    if (t->used)
        return 0;
    if (c->lbit == L_ZH) {
        /* "首次会议", "首届联席会议": the first; not the first of a time ("今年首次会晤",
         * "2025年首次", "三年来首次", "疫情以来首次"): no number of a series */
        size_t lo = c->se[t->sent].t0;
        if (bcx_words_at(c, i, lim, "首次") && i > lo &&
            (c->t[i - 1].used == U_DATE || bcx_words_at(c, i - 1, lim, "来") ||
             bcx_words_at(c, i - 1, lim, "后") || bcx_words_at(c, i - 1, lim, "内")))
            return 0;
        if (bcx_words_at(c, i, lim, "首次") || bcx_words_at(c, i, lim, "首届")) {
            *n = 2;
            return 1;
        }
        if (!bcx_words_at(c, i, lim, "第") || i + 2 >= lim)
            return 0;
        size_t k = i + 1, m = 0;
        int v = 0;
        if (c->t[k].kind == T_NUM && c->t[k].plain && c->t[k].ndig <= 2)
            v = (int)c->t[k].num, m = 1;
        else
            v = han_number(c, k, lim, &m);
        if (v < 1 || m == 0 ||
            !(bcx_words_at(c, k + m, lim, "次") || bcx_words_at(c, k + m, lim, "届")))
            return 0;
        *n = 1 + m + 1;
        return v;
    }
    if (t->kind == T_NUM && t->plain && t->ndig <= 2 && t->num >= 1) {
        size_t end = t->end;
        const tok *nx = i + 1 < lim ? &c->t[i + 1] : NULL;
        int v = (int)t->num;
        if (c->lbit == L_VI)
            return 0;
        if (end < c->n && c->s[end] == '.' && nx && nx->kind == T_WORD && !nx->upper &&
            nx->start > end + 1 && c->lbit == L_PL)
            *n = 1;
        else if (ord_suffix(c, i + 1, lim))
            *n = 2;
        else if (bcx_colon_ordinal(c, i, lim))
            *n = 2;
        return *n ? v : 0;
    }
    if (t->kind != T_WORD)
        return 0;
    if (c->lbit == L_VI) {
        size_t m = bcx_lex_find(c, C_LAN_THU, i, &e);
        if (m == 0 || i + m >= lim)
            return 0;
        const tok *d = &c->t[i + m];
        if (d->kind == T_NUM && d->plain && d->ndig <= 2 && d->num >= 1) {
            *n = m + 1;
            return (int)d->num;
        }
        size_t q;
        int v = roman(c->s + d->start, d->end - d->start);
        if (v == 0 && d->end == d->start + 1 && c->s[d->start] == 'I')
            v = 1; /* "lan thu I": a lone I is a numeral only after the ordinal word */
        if (v != 0) {
            *n = m + 1;
            return v;
        }
        v = bcx_count_at(c, i + m, lim, &q);
        if (v == 0 && bcx_word_is(c, i + m, lim, "nhat"))
            v = 1, q = 1;
        *n = v ? m + q : 0;
        return v;
    }
    if ((*n = bcx_lex_find(c, C_ORD, i, &e)) > 0) {
        /* "their third-quarter session": a quarter or half of a year, no number of a series */
        size_t j = i + *n;
        if (j < lim && (bcx_gap(c, j - 1) & G_DASH) &&
            (bcx_lex_find(c, C_QUARTERS, j, NULL) > 0 || bcx_lex_find(c, C_HALF, j, NULL) > 0))
            return (int)(*n = 0);
        return (int)e->val;
    }
    int v = roman(c->s + t->start, t->end - t->start);
    if (v == 0 && (c->lbit == L_FR || c->lbit == L_NL)) {
        /* "XIe", "IVeme": a Roman numeral with the French ordinal ending; "XIVe" Dutch */
        size_t len = t->end - t->start;
        static const char *const fr[] = {"e", "eme", "ème", "er", NULL}, *const nl[] = {
                                                                             "ste", "de", "e",
                                                                             NULL}; /* "XVIIde" */
        const char *const *ends = c->lbit == L_FR ? fr : nl;
        for (int k = 0; ends[k] && v == 0; k++) {
            size_t el = strlen(ends[k]);
            if (len > el && memcmp(c->s + t->end - el, ends[k], el) == 0)
                v = roman(c->s + t->start, len - el);
        }
    }
    *n = v ? 1 : 0;
    return v;
}
