/* extract_meet_times.c: a meeting numbered by the times its parties have met ("komt voor de
 * zestiende keer bijeen", "voor de vierde keer bijeen in een werksessie"): an ordinal
 * before a word of times (C_TIMES), with a meeting's noun, talks or the particle of a
 * split verb of meeting after it in its clause. Not a time of something else ("voor de
 * tweede keer gastheer", "de eerste keer dat ze het overleg mag ontvangen"), nor a count
 * of meetings within a time ("de tweede ontmoeting binnen een jaar", bcx_count_in_time).
 * So too an English ordinal set off as "its" number after a meeting's noun ("The previous
 * meeting of the committee, its 11th, took place in Liuzhou"). */
#include "extract_int.h"

/* An English ordinal set off as "its" number after a meeting's noun ("The previous meeting
 * of the committee, its 11th, took place in Liuzhou"), ending before token j: that noun's
 * first token + 1, 0 when none. */
static size_t its_number(const ctx *c, size_t j, size_t lim, int *kind, size_t *noun_end)
{
    const bc_lex *e = NULL;
    size_t lo = c->se[c->t[j - 1].sent].t0, its = j - 1;
    while (its > lo && its + 3 > j && !bcx_word_is(c, its, lim, "its"))
        its--;
    if (c->lbit != L_EN || its <= lo + 1 || !bcx_word_is(c, its, lim, "its") ||
        !(bcx_gap(c, its - 1) & G_COMMA) || (j < lim && !(bcx_gap(c, j - 1) & G_COMMA)))
        return 0;
    for (size_t q = its - 1; q > lo && q + 8 > its; q--) {
        size_t m = bcx_lex_find(c, C_MEET, q - 1, &e);
        *kind = m > 0 ? (int)e->val : K_GENERIC;
        if (m == 0)
            m = bcx_lex_find(c, C_TALKS, q - 1, NULL);
        if (m > 0 && q - 1 + m <= its) {
            *noun_end = q - 1 + m;
            return q;
        }
        if (q - 1 > lo && (bcx_gap(c, q - 2) & (G_COMMA | G_DOT)))
            break;
    }
    return 0;
}

/* "Die kwam voor het laatst bijeen in juni 2024 in Kunming, voor de tiende keer.": the times
 * set off after a comma that closes a clause of coming together, "voor de" before the
 * ordinal ending before token j, its times word closing the sentence: the particle of that
 * clause is its noun (its first token + 1, 0 none); the verb itself when it is one of
 * meeting ("vergaderde daar ook het gezamenlijk werkcomité ..., voor de tiende keer"). */
static size_t times_aside(const ctx *c, size_t j, size_t lim, int *kind, size_t *noun_end)
{
    static const char *const come[] = {"kwam", "kwamen", "komt", "komen", NULL};
    static const char *const sat[] = {"vergaderde", "vergaderden", "vergadert", NULL};
    size_t lo = c->se[c->t[j - 1].sent].t0, n = bcx_lex_find(c, C_TIMES, j, NULL), i = j - 1;
    while (i > lo && c->t[i - 1].kind == T_NUM && !(bcx_gap(c, i - 1) & ~(unsigned)G_SPACE))
        i--; /* "10e": the number before its glued ending */
    if (c->lbit != L_NL || n == 0 || j + n != lim || i < lo + 3 ||
        !bcx_word_is(c, i - 1, lim, "de") || !bcx_word_is(c, i - 2, lim, "voor") ||
        !(bcx_gap(c, i - 3) & G_COMMA) || (bcx_gap(c, i - 3) & G_DOT))
        return 0;
    size_t part = 0;
    for (size_t q = i - 3 + 1; q > lo; q--) {
        size_t k = q - 1;
        if (k + 1 < i - 2 && (bcx_gap(c, k) & (G_COMMA | G_DOT)) &&
            !bcx_list_comma(c, c->t[k].sent, k))
            return 0; /* the clause before the comma only, a list of names in it */
        if (part == 0 && (bcx_word_is(c, k, lim, "bijeen") || bcx_word_is(c, k, lim, "samen")))
            part = k + 1;
        for (int w = 0; sat[w]; w++)
            if (bcx_word_is(c, k, lim, sat[w])) { /* a verb of meeting of its own */
                *kind = K_GENERIC;
                *noun_end = k + 1;
                return k + 1;
            }
        for (int w = 0; come[w] && part; w++)
            if (bcx_word_is(c, k, lim, come[w])) {
                *kind = K_GENERIC;
                *noun_end = part;
                return part;
            }
    }
    return 0;
}

size_t bcx_times_noun(const ctx *c, size_t j, size_t lim, int *kind, size_t *noun_end)
{
    static const char *const particle[] = {"bijeen", "samen", NULL};
    const bc_lex *e = NULL;
    size_t n = j < lim ? bcx_lex_find(c, C_TIMES, j, NULL) : 0;
    if (n == 0)
        return its_number(c, j, lim, kind, noun_end);
    /* "de eerste keer dat ze het overleg mag ontvangen": the times it hosts one */
    if (j + n < lim && bcx_word_is(c, j + n, lim, "dat")) {
        size_t end = j + n + 1;
        while (end < lim && !(bcx_gap(c, end - 1) & (G_COMMA | G_DOT)))
            end++;
        if (bcx_range_has(c, j + n, end, C_HOST, -1) ||
            bcx_range_has(c, j + n, end, C_RECEIVED, -1))
            return 0;
    }
    /* a noun first ("bijeen in een werksessie": the session), else the particle; further in
     * a clause of "dat" ("de zeventiende keer dat Lao Cai en Hekou bijeenkwamen") */
    size_t span = j + n < lim && bcx_word_is(c, j + n, lim, "dat") ? 9 : 5;
    for (int pass = 0; pass < 2; pass++)
        for (size_t q = j + n; q < lim && q < j + n + span; q++) {
            if (bcx_gap(c, q - 1) & (G_COMMA | G_DOT))
                break;
            size_t m = 0;
            *kind = K_GENERIC;
            if (pass == 0 && (m = bcx_lex_find(c, C_MEET, q, &e)) > 0)
                *kind = (int)e->val;
            else if (pass == 0)
                m = bcx_lex_find(c, C_TALKS, q, &e);
            for (int w = 0; pass == 1 && particle[w] && m == 0; w++)
                m = bcx_word_is(c, q, lim, particle[w]) ? 1 : 0;
            if (m > 0) {
                *noun_end = q + m;
                return q + 1;
            }
        }
    return times_aside(c, j, lim, kind, noun_end);
}

/* 1 when the sentence of token k opens saying what it was ("Het was al het tweede gesprek op
 * topniveau dit jaar", "It was the second such meeting this year") and a word of this year
 * follows token k in its clause: a count of the meetings of a time, no number of a series. */
static int was_nth_this_year(const ctx *c, size_t k, size_t lim)
{
    static const char *const it[] = {"het", "dit", "dat", "it", "this", "that", NULL};
    static const char *const was[] = {"was", "is", NULL};
    size_t s0 = c->se[c->t[k].sent].t0;
    int opens = 0;
    for (int w = 0; it[w] && !opens; w++)
        for (int v = 0; was[v] && !opens; v++)
            opens = bcx_word_is(c, s0, lim, it[w]) && bcx_word_is(c, s0 + 1, lim, was[v]);
    for (size_t q = k; opens && q < lim && q < k + 8; q++) {
        if (q > k && (bcx_gap(c, q - 1) & (G_COMMA | G_DOT)))
            return 0;
        if (bcx_lex_find(c, C_THIS_YEAR, q, NULL) > 0)
            return 1;
    }
    return 0;
}

int bcx_count_in_time(const ctx *c, size_t noun_end, size_t lim)
{
    static const char *const of_year[] = {"van het jaar", "van dit jaar", NULL};
    static const char *const span[] = {"jaar", "jaren", "maand", "maanden", "week", "weken", NULL};
    if (noun_end < lim && was_nth_this_year(c, noun_end, lim))
        return 1;
    for (size_t k = noun_end; k < lim && k < noun_end + 8; k++) {
        if (k > noun_end && (bcx_gap(c, k - 1) & (G_COMMA | G_DOT)))
            return 0;
        for (int w = 0; of_year[w]; w++)
            if (k == noun_end && bcx_words_at(c, k, lim, of_year[w]) > 0)
                return 1;
        /* "binnen een jaar", "binnen zes maanden" (not "binnen de werkgroep") */
        if (!bcx_word_is(c, k, lim, "binnen"))
            continue;
        for (size_t q = k + 1; q < lim && q < k + 3; q++)
            for (int w = 0; span[w]; w++)
                if (bcx_word_is(c, q, lim, span[w]))
                    return 1;
    }
    return 0;
}
