/* extract_date_day.c: days and months written in words or digits, per language family:
 * "30 pazdziernika 2025", "ngay 30 thang 10 nam 2025", "Sang 30/10", "2024年6月12日",
 * "12日上午", "le 12 decembre 2018", "June 12 and 13", "oktober 2025". A missing year
 * comes from the reference date (bcx_complete_day) and is marked inferred; a span of days
 * is a period, no day of it a date. */
#include "bordercoop/alloc.h"
#include "bordercoop/date.h"
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A day number at token i (1..31) with an ordinal suffix glued to it ("1er", "30th");
 * its tokens in *n. */
static int day_at(const ctx *c, size_t i, size_t lim, size_t *n)
{
    *n = 0;
    if (i >= lim || c->t[i].kind != T_NUM || !c->t[i].plain || c->t[i].ndig > 2 ||
        c->t[i].num < 1 || c->t[i].num > 31)
        return 0;
    *n = 1;
    if (i + 1 < lim && c->t[i + 1].glued && c->t[i + 1].kind == T_WORD &&
        (bcx_word_is(c, i + 1, lim, "er") || bcx_word_is(c, i + 1, lim, "st") ||
         bcx_word_is(c, i + 1, lim, "nd") || bcx_word_is(c, i + 1, lim, "rd") ||
         bcx_word_is(c, i + 1, lim, "th") || bcx_word_is(c, i + 1, lim, "e") ||
         bcx_word_is(c, i + 1, lim, "de") || bcx_word_is(c, i + 1, lim, "ste")))
        *n = 2;
    return (int)c->t[i].num;
}

/* range_sep for two days of one month, "and" included: "on June 12 and 13", "les 5 et 6
 * mars" are spans of days, no day of them the date. */
static size_t day_sep(const ctx *c, size_t j, size_t lim, int *dash)
{
    static const char *const ands[] = {"and", "et", "va", "i", "och", "en", NULL};
    size_t s = bcx_range_sep(c, j, lim, dash);
    for (int k = 0; s == 0 && !*dash && ands[k]; k++)
        if (bcx_word_is(c, j, lim, ands[k]))
            s = 1;
    return s;
}

/* The tokens of a weekday's name at token k, in any case a language writes it before a
 * day ("Friday 21", "vendredi 21", "vrijdag 21", "piatku 21", "fredag 21", "thu Sau 21/2",
 * "Friday, February 21"):
 * the last day of a span written with the weekdays of both ends ("from Wednesday 19 to
 * Friday 21 February") is the span's, as without them; 0 when none. */
static size_t weekday_len(const ctx *c, size_t k, size_t lim)
{
    static const char *const inflected[] = {
        "poniedzialku", "wtorku", "sroda",  "srody",   "czwartku", "piatku", "soboty", "niedzieli",
        "mandag",       "tisdag", "onsdag", "torsdag", "fredag",   "lordag", "sondag", NULL};
    size_t n = k < lim ? bcx_lex_find(c, C_WEEKDAY, k, NULL) : 0;
    for (int w = 0; n == 0 && k < lim && inflected[w]; w++)
        if (bcx_word_is(c, k, lim, inflected[w]))
            n = 1;
    return n;
}

/* future: as bcx_tense_at (1 to come, -1 said to be past, 0 not said). */
int bcx_set_day(const ctx *c, int y, int mon, int day, int future, dres *r)
{
    if (mon < 1 || mon > 12 || day < 1 || day > bcx_days_in(y ? y : 2024, mon))
        return 0;
    r->prec = 3;
    if (y != 0)
        snprintf(r->iso, sizeof r->iso, "%04d-%02d-%02d", y, mon, day);
    else if ((r->inferred = bcx_complete_day(c, mon, day, future, r->iso)) < 0) {
        r->inferred = 0;
        r->prec = 0; /* a day of an unknown year: no fact takes it */
    }
    return 1;
}

/* Makes r a range from its day to day2 of the same month (when the year is known). */
void bcx_to_range(dres *r, int day2)
{
    int y, m, d;
    if (r->iso[0] == '-' && sscanf(r->iso, "--%2d-%2d", &m, &d) == 2 && day2 > d) {
        /* "August 20 to 22" without a year: a span, no day of it a date */
        char buf[64];
        snprintf(buf, sizeof buf, "%.7s/--%02d-%02d", r->iso, m, day2);
        copy_str(r->iso, sizeof r->iso, buf);
        r->prec = 0;
        return;
    }
    if (sscanf(r->iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || day2 <= d || day2 > bcx_days_in(y, m))
        return;
    char buf[64];
    snprintf(buf, sizeof buf, "%.10s/%04d-%02d-%02d", r->iso, y, m, day2);
    copy_str(r->iso, sizeof r->iso, buf);
    r->prec = 0;
}

/* The end of a day written with its month in words ("30 octobre", "October 30"): a
 * year right after it (a comma between at most), then the day, or the span to day2 when
 * day2 > 0, from token i to the year or the month's end. */
static int end_day(const ctx *c, size_t i, size_t j, size_t lim, int y, int mon, int day, int day2,
                   int future, dres *r)
{
    size_t rn = 0, rj = j;
    int rel = 0;
    if (j < lim && bcx_year_of(c, j, lim) &&
        (bcx_gap(c, j - 1) & ~(unsigned)(G_SPACE | G_COMMA)) == 0) {
        y = bcx_year_of(c, j++, lim);
    } else if (j < lim && bcx_joined(c, j - 1)) {
        /* "op 14 november vorig jaar", "on March 3 last year", "le 3 mars de l'annee
         * derniere": the year the text counts from the reference date (none without one) */
        if (bcx_word_is(c, rj, lim, "of") || bcx_word_is(c, rj, lim, "de"))
            rj++;
        if (rj < lim && c->t[rj].kind == T_WORD)
            rel = bcx_rel_year(c, rj, lim, &rn);
    }
    /* "le 26 decembre dernier", "les 14 et 15 mai prochains": the last such day on or
     * before the reference date, or the first after it */
    if (y == 0 && rel == 0 && c->lbit == L_FR && j < lim && c->ry != 0 && c->rm != 0 &&
        (bcx_word_is(c, j, lim, "dernier") || bcx_word_is(c, j, lim, "prochain") ||
         bcx_word_is(c, j, lim, "prochains"))) {
        int after = mon > c->rm || (mon == c->rm && c->rd != 0 && day > c->rd);
        rel = bcx_word_is(c, j, lim, "dernier") ? (after ? c->ry - 1 : c->ry)
                                                : (after ? c->ry : c->ry + 1);
        rj = j, rn = 1;
    }
    if (!bcx_set_day(c, rel ? rel : y, mon, day, future, r))
        return 0;
    if (rel) {
        r->inferred = BC_X_INFERRED_YEAR;
        j = rj + rn;
    }
    r->n = j - i;
    if (day2)
        bcx_to_range(r, day2);
    return 1;
}

/* 1 when word w of a list is at token k. */
static int word_in(const ctx *c, size_t k, size_t lim, const char *const *w)
{
    for (; *w; w++)
        if (bcx_word_is(c, k, lim, *w))
            return 1;
    return 0;
}

/* "between January 1 and February 9", "from January 1 to February 9 (2025)", "du vendredi
 * 28 fevrier au dimanche 2 mars", "van 28 februari tot en met 2 maart", "od 28 lutego do
 * 2 marca", "fran den 28 februari till den 2 mars": the run of days from the day of month
 * mon at token i (day tokens end at j; a weekday before it) to a day of a later month
 * (written day first or month first, a weekday before it), in the year written after the
 * last (or the reference year's, inferred) as a period of days; without either a period
 * of days of no known year ("--02-28/--03-02"), never its first day. 1 when r was so set. */
static int cross_months(const ctx *c, size_t i, size_t j, size_t lim, int mon, int day, int future,
                        dres *r)
{
    static const char *const froms[] = {"from", "van", "du", "od", "fran", "från", NULL};
    static const char *const betweens[] = {"between", "entre", "tussen", "mellan", "miedzy", NULL};
    static const char *const tos[] = {"to", "through", "until", "tot", "au", "do", "till", NULL};
    static const char *const ands[] = {"and", "et", "en", "i", "och", NULL};
    const bc_lex *e = NULL;
    size_t lo = c->se[c->t[i].sent].t0, s = 0, n = 0, dn2, p = i, w;
    if (c->lbit & (L_VI | L_ZH))
        return 0;
    /* "du vendredi 28 fevrier", "from Friday, February 28", "fran den 28" */
    for (size_t b = i > lo + 3 ? i - 3 : lo; b < i && p == i; b++)
        if ((w = weekday_len(c, b, lim)) > 0 && b + w == i)
            p = b;
    if (p > lo && (bcx_word_is(c, p - 1, lim, "den") || bcx_word_is(c, p - 1, lim, "le")))
        p--;
    int between = p > lo && word_in(c, p - 1, lim, betweens);
    int from = p > lo && word_in(c, p - 1, lim, froms);
    if (!(between || from) || j >= lim || (bcx_gap(c, j - 1) & G_COMMA))
        return 0;
    if (between && word_in(c, j, lim, ands))
        s = 1;
    else if (from && word_in(c, j, lim, tos))
        s = bcx_words_at(c, j, lim, "tot en met") == 3 ? 3 : 1;
    if (s == 0)
        return 0;
    if (bcx_word_is(c, j + s, lim, "den") || bcx_word_is(c, j + s, lim, "the") ||
        bcx_word_is(c, j + s, lim, "le"))
        s++;
    s += weekday_len(c, j + s, lim);
    int mon2 = 0, day2 = 0;
    size_t end;
    if ((n = bcx_lex_find(c, C_MONTH, j + s, &e)) > 0 && (day2 = day_at(c, j + s + n, lim, &dn2)))
        mon2 = (int)e->val, end = j + s + n + dn2; /* "to March 2" */
    else if ((day2 = day_at(c, j + s, lim, &dn2)) > 0 && bcx_joined(c, j + s + dn2 - 1) &&
             (n = bcx_lex_find(c, C_MONTH, j + s + dn2, &e)) > 0)
        mon2 = (int)e->val, end = j + s + dn2 + n; /* "au 2 mars" */
    else
        return 0;
    if (mon2 < mon)
        return 0;
    if (mon2 == mon) /* "between March 6 and March 7": the span of "March 6 and 7" */
        return day2 > day && end_day(c, i, end, lim, 0, mon, day, day2, future, r);
    dres last;
    memset(&last, 0, sizeof last);
    if (!end_day(c, i, end, lim, 0, mon2, day2, 0, future, &last))
        return 0;
    char buf[64];
    if (last.prec != 3) { /* a day of an unknown year: a run of days of no known year */
        if (day > bcx_days_in(2024, mon))
            return 0;
        snprintf(buf, sizeof buf, "--%02d-%02d/--%02d-%02d", mon, day, mon2, day2);
        last.inferred = 0;
    } else {
        int y = atoi(last.iso);
        if (day > bcx_days_in(y, mon))
            return 0;
        snprintf(buf, sizeof buf, "%04d-%02d-%02d/%.10s", y, mon, day, last.iso);
    }
    copy_str(r->iso, sizeof r->iso, buf);
    r->n = last.n;
    r->prec = 0;
    r->inferred = last.inferred;
    return 1;
}

/* A month-day token ("30/10" in Vietnamese and French, "on 27/3" in English) counts as a
 * date after a word that introduces one: ngay, sang, chieu, toi, trua, dem, hom, tu, den,
 * le, du, au, on. */
static int md_context(const ctx *c, size_t i)
{
    static const char *const words[] = {"ngay", "sang", "chieu", "toi", "trua", "dem", "hom",
                                        "tu",   "den",  "le",    "du",  "au",   "va",  "et",
                                        "mai",  "qua",  "nay",   "luc", "on",   "les", NULL};
    size_t lo = c->se[c->t[i].sent].t0;
    if (i == lo)
        return 0;
    if (i >= lo + 2 && bcx_lex_ending(c, C_WEEKDAY, lo, i, NULL) != SIZE_MAX)
        return 1; /* "thu Tu 19 den thu Sau 21/2", "mercredi 19 et jeudi 20/2" */
    for (int k = 0; words[k]; k++)
        if (bcx_word_is(c, i - 1, i, words[k]))
            return 1;
    return 0;
}

/* A relative year right after a day written without its year, in the same phrase ("hai
 * ngay 25-26/9 nam ngoai", "ngay 12/6 nam nay", "on 27/3 last year"): the year it means
 * (0 without a reference date), its tokens in *n (0 when none). */
static int rel_year_after(const ctx *c, size_t j, size_t lim, size_t *n)
{
    *n = 0;
    if (j == 0 || j >= lim || c->t[j].kind != T_WORD || !bcx_joined(c, j - 1) ||
        (bcx_lex_find(c, C_LAST_YEAR, j, NULL) == 0 && bcx_lex_find(c, C_THIS_YEAR, j, NULL) == 0 &&
         bcx_lex_find(c, C_NEXT_YEAR, j, NULL) == 0))
        return 0;
    return bcx_rel_year(c, j, lim, n);
}

/* set_day with the relative year at token j when there is one: the day then takes it (its
 * year inferred from the reference date); r->n is set to its tokens (0 when none). */
static int set_day_rel(const ctx *c, size_t j, size_t lim, int mon, int day, int future, dres *r)
{
    size_t rn = 0;
    int rel = rel_year_after(c, j, lim, &rn);
    if (!bcx_set_day(c, rel, mon, day, future, r))
        return 0;
    if (rel != 0)
        r->inferred = BC_X_INFERRED_YEAR;
    r->n = rn;
    return 1;
}

/* Day, month and year in words or digits. A missing year comes from the reference date.
 * Ranges of days of one month ("from January 1 - 29", "du 1er au 29 janvier") become
 * periods. */
/* An English or Dutch day of the month without its month, "on the 14th", "op de 14e"
 * before a word that ends the phrase ("held talks on the 14th to speed up ..."): a day of the
 * reference month on or before the reference day (or after it, said to be coming), the day and
 * month counted from it; any other such day is not dated (prec 0). 1 when token i is one. */
static int day_only_en(const ctx *c, size_t i, size_t lim, int future, dres *r)
{
    static const char *const next_en[] = {"to",   "in",     "at",    "with",  "and",
                                          "for",  "as",     "when",  "after", "under",
                                          "amid", "during", "while", "where", NULL};
    /* Dutch "op de 14e" ("hielden op de 14e overleg", "kwamen op de 3de bijeen") */
    static const char *const next_nl[] = {"in",      "met",    "en",    "om",   "voor",
                                          "tijdens", "bij",    "over",  "toen", "overleg",
                                          "van",     "bijeen", "samen", NULL};
    const char *const *next = c->lbit == L_NL ? next_nl : next_en;
    size_t n, lo = c->se[c->t[i].sent].t0;
    int day = day_at(c, i, lim, &n);
    if (day == 0 || n != 2 || i < lo + 2 ||
        !bcx_word_is(c, i - 2, lim, c->lbit == L_NL ? "op" : "on") ||
        !bcx_word_is(c, i - 1, lim, c->lbit == L_NL ? "de" : "the") ||
        (bcx_gap(c, i - 2) | bcx_gap(c, i - 1)) != G_SPACE)
        return 0;
    /* "Op de 3e hielden ...": opening the sentence, its verb right after (not "Op de 10e
     * vergadering werd ...": an ordinal) */
    static const char *const verb_nl[] = {"hielden", "hield",    "kwamen",  "kwam",    "vond",
                                          "vonden",  "voerde",   "voerden", "ontving", "ontvingen",
                                          "spraken", "sprak",    "hadden",  "zaten",   "troffen",
                                          "bracht",  "brachten", NULL};
    int ends = i + n >= lim || (bcx_gap(c, i + n - 1) & (G_COMMA | G_DOT));
    for (int w = 0; c->lbit == L_NL && i - 2 == lo && verb_nl[w] && !ends; w++)
        ends = bcx_word_is(c, i + n, lim, verb_nl[w]);
    for (int w = 0; next[w] && !ends; w++)
        ends = bcx_word_is(c, i + n, lim, next[w]);
    if (!ends)
        return 0;
    memset(r, 0, sizeof *r);
    r->n = n;
    /* "op de 8e van die maand", "van vorige maand", "van maart": of a month other than the
     * report's, which this day does not say (undated) */
    static const char *const of_other[] = {"die",       "dezelfde", "diezelfde", "vorige",
                                           "afgelopen", "volgende", "komende",   NULL};
    int other = 0;
    if (bcx_word_is(c, i + n, lim, "van") && !(bcx_gap(c, i + n - 1) & (G_COMMA | G_DOT))) {
        other = i + n + 1 < lim && bcx_lex_find(c, C_MONTH, i + n + 1, NULL) > 0;
        for (int w = 0; of_other[w] && !other; w++)
            other = bcx_word_is(c, i + n + 1, lim, of_other[w]);
    }
    /* the month last named before it in its sentence, or in the sentence before it in its
     * paragraph ("Half juni stond ... op het programma; de werkgroep kwam er op de 12e ...
     * bijeen": June's 12th, not the report's month's) */
    const xd *named = other ? NULL : bcx_month_before(c, i);
    int bare = other || named != NULL || c->ry != 0 ? 0 : bcx_bare_month_before(c, i);
    if (bare != 0) {
        snprintf(r->iso, sizeof r->iso, "--%02d-%02d", bare, day);
        r->prec = day <= bcx_days_in(2024, bare) ? 3 : 0;
        return 1;
    }
    if (named != NULL) {
        int y = named->iso[0] == '-' ? 0 : atoi(named->iso);
        int mo = atoi(named->iso[0] == '-' ? named->iso + 2 : named->iso + 5);
        if (day <= bcx_days_in(y ? y : 2024, mo)) {
            if (y != 0)
                snprintf(r->iso, sizeof r->iso, "%04d-%02d-%02d", y, mo, day);
            else
                snprintf(r->iso, sizeof r->iso, "--%02d-%02d", mo, day);
            r->inferred = named->inferred ? BC_X_INFERRED_YEAR : 0;
            r->prec = 3;
        } else {
            snprintf(r->iso, sizeof r->iso, "--%02d", day);
        }
        return 1;
    }
    if (!other && c->rd != 0 && (day <= c->rd || future > 0) && day <= bcx_days_in(c->ry, c->rm)) {
        snprintf(r->iso, sizeof r->iso, "%04d-%02d-%02d", c->ry, c->rm, day);
        r->inferred = BC_X_INFERRED_DATE;
        r->prec = 3;
        r->weekday = 1; /* a meeting's day, never a figure's period */
    } else {
        snprintf(r->iso, sizeof r->iso, "--%02d", day); /* no month: no fact takes it */
    }
    return 1;
}

int bcx_try_day(const ctx *c, size_t i, size_t lim, dres *r)
{
    const bc_lex *e = NULL;
    size_t n, j, dn;
    int day = 0, mon = 0, y = 0, dash;
    int future = bcx_tense_at(c, i); /* 1 to come, -1 said to be past, 0 not said */
    const tok *t = &c->t[i];
    if ((c->lbit == L_EN || c->lbit == L_NL) && day_only_en(c, i, lim, future, r))
        return 1;
    if (t->kind == T_DATE) {
        /* "tu ngay 11/6 den 15/6/2024", "tu ngay 14/3 den ngay 16/3", "od 14.03 do 16.03.2025":
         * a span of days, a period (of a few days: dated by its first, add_date) */
        int dash2;
        size_t s2 = bcx_range_sep(c, i + 1, lim, &dash2);
        if (s2 > 0 &&
            (bcx_word_is(c, i + 1 + s2, lim, "ngay") || bcx_word_is(c, i + 1 + s2, lim, "den") ||
             bcx_word_is(c, i + 1 + s2, lim, "le")))
            s2++;
        const tok *t2 = i + 1 + s2 < lim && s2 > 0 ? &c->t[i + 1 + s2] : NULL;
        int bare1 = t->iso[0] == '-' && strlen(t->iso) == 7;
        if (t2 != NULL && t2->kind == T_DATE && strlen(t2->iso) == 10 &&
            (strlen(t->iso) == 10 || bare1)) {
            char start[11];
            if (t->iso[0] == '-')
                snprintf(start, sizeof start, "%.4s-%.5s", t2->iso, t->iso + 2);
            else
                copy_str(start, sizeof start, t->iso);
            if (strcmp(start, t2->iso) < 0) {
                snprintf(r->iso, sizeof r->iso, "%.10s/%.10s", start, t2->iso);
                r->n = 2 + s2;
                r->prec = 0;
                return 1;
            }
        }
        if (t2 != NULL && t2->kind == T_DATE && bare1 && t2->iso[0] == '-' &&
            strlen(t2->iso) == 7 && strcmp(t->iso, t2->iso) < 0 &&
            bcx_set_day(c, 0, atoi(t->iso + 2), atoi(t->iso + 5), future, r)) {
            /* both without a year: the first completed as any day, the last in its year */
            char buf[48];
            if (r->prec == 3 && r->iso[0] != '-')
                snprintf(buf, sizeof buf, "%.10s/%.4s-%.5s", r->iso, r->iso, t2->iso + 2);
            else
                snprintf(buf, sizeof buf, "%s/%s", t->iso, t2->iso);
            copy_str(r->iso, sizeof r->iso, buf);
            r->n = 2 + s2;
            r->prec = 0;
            return 1;
        }
        if (strlen(t->iso) == 10 || (strlen(t->iso) == 7 && t->iso[0] != '-')) {
            memcpy(r->iso, t->iso, 11); /* 2025-10-30, 30/10/2025; 10/2025 */
            r->n = 1;
            r->prec = strlen(t->iso) == 10 ? 3 : 2;
            return 1;
        }
        if (t->iso[0] == '-' && md_context(c, i) &&
            set_day_rel(c, i + 1, lim, atoi(t->iso + 2), atoi(t->iso + 5), future, r)) {
            r->n += 1;
            /* "30/10/2025" is a T_DATE of its own; "30/10 nam 2025" is not seen here */
            return 1;
        }
        return 0;
    }
    /* "hai ngay 14-15/3", "ngay 14 va 15/3/2025", "tu ngay 14 den 16/3/2025", "les 14-15/3":
     * a first day, a dash, "and" or "to", and the last day with its month (and year) in
     * digits: a span of days of that month */
    if ((c->lbit & (L_VI | L_FR)) && t->kind == T_NUM && t->plain && t->num >= 1 && t->num <= 31 &&
        i + 1 < lim && md_context(c, i)) {
        size_t sep = 0;
        int adjacent = (bcx_gap(c, i) & ~(unsigned)G_DASH) == 0 && (bcx_gap(c, i) & G_DASH);
        if (!adjacent) {
            sep = bcx_range_sep(c, i + 1, lim, &dash);
            if (sep == 0 && (bcx_word_is(c, i + 1, lim, "va") || bcx_word_is(c, i + 1, lim, "et")))
                sep = 1;
            if (sep > 0 && !dash)
                sep += weekday_len(c, i + 1 + sep, lim); /* "tu thu Tu 19 den thu Sau 21/2" */
        }
        const char *e2 =
            (adjacent || sep > 0) && i + 1 + sep < lim && c->t[i + 1 + sep].kind == T_DATE
                ? c->t[i + 1 + sep].iso
                : "";
        size_t l2 = strlen(e2);
        int full = l2 == 10 && e2[0] != '-', bare = l2 == 7 && e2[0] == '-';
        int mon2 = full ? atoi(e2 + 5) : bare ? atoi(e2 + 2) : 0;
        int day2 = full ? atoi(e2 + 8) : bare ? atoi(e2 + 5) : 0;
        r->n = 0;
        if ((full || bare) && day2 > (int)t->num &&
            (full ? bcx_set_day(c, atoi(e2), mon2, (int)t->num, future, r)
                  : set_day_rel(c, i + 2 + sep, lim, mon2, (int)t->num, future, r))) {
            if (r->prec == 3)
                bcx_to_range(r, day2);
            r->n += 2 + sep;
            return 1;
        }
    }
    /* "od 14.03 do 16.03.2025", "14.03-16.03.2025": a first day and month written as a
     * decimal number, then the last day with its year: a span of days */
    if (t->kind == T_NUM && !t->integral && c->lbit != L_ZH && i + 1 < lim &&
        t->end - t->start >= 4 && t->end - t->start <= 5 && c->s[t->end - 3] == '.') {
        size_t s2 = 0;
        int dash2 =
            (bcx_gap(c, i) & ~(unsigned)(G_DASH | G_SPACE)) == 0 && (bcx_gap(c, i) & G_DASH);
        if (!dash2)
            s2 = bcx_range_sep(c, i + 1, lim, &dash2);
        const tok *t2 = (dash2 || s2) && i + 1 + s2 < lim ? &c->t[i + 1 + s2] : NULL;
        int d1 = atoi(c->s + t->start), m1 = atoi(c->s + t->end - 2);
        if (t2 != NULL && t2->kind == T_DATE && strlen(t2->iso) == 10 && m1 >= 1 && m1 <= 12 &&
            d1 >= 1 && d1 <= bcx_days_in(atoi(t2->iso), m1)) {
            char start[24];
            snprintf(start, sizeof start, "%.4s-%02d-%02d", t2->iso, m1 % 100, d1 % 100);
            if (strcmp(start, t2->iso) < 0) {
                snprintf(r->iso, sizeof r->iso, "%.10s/%.10s", start, t2->iso);
                r->n = 2 + s2;
                r->prec = 0;
                return 1;
            }
        }
    }
    if (c->lbit == L_ZH)
        return bcx_try_day_zh(c, i, lim, future, r);
    if (c->lbit == L_VI) {
        if (!bcx_word_is(c, i, lim, "ngay") || i + 3 >= lim)
            return 0;
        const tok *d = &c->t[i + 1];
        if (d->kind != T_NUM || !d->plain || !bcx_word_is(c, i + 2, lim, "thang"))
            return 0;
        const tok *m = &c->t[i + 3];
        if (m->kind != T_NUM || !m->plain)
            return 0;
        day = (int)d->num, mon = (int)m->num;
        j = i + 4;
        if (bcx_word_is(c, j, lim, "nam") && bcx_year_of(c, j + 1, lim))
            y = bcx_year_of(c, ++j, lim), j++;
        else if (set_day_rel(c, j, lim, mon, day, future, r)) {
            r->n += j - i; /* "ngay 5 thang 3 nam ngoai" */
            return 1;
        }
    } else if ((day = day_at(c, i, lim, &dn)) > 0) {
        /* 30 pazdziernika 2025; le 12 decembre 2018; du 1er au 29 janvier */
        int day2 = 0;
        j = i + dn;
        size_t s = day_sep(c, j, lim, &dash);
        size_t dn2;
        /* "fran den 14 till den 16 mars", "du 14 au le 16": an article before the last day */
        if (s && (bcx_word_is(c, j + s, lim, "den") || bcx_word_is(c, j + s, lim, "the")))
            s++;
        if (s == 0 && !dash && j < lim && (bcx_gap(c, j - 1) & G_DASH) &&
            !(bcx_gap(c, j - 1) & ~(unsigned)(G_DASH | G_SPACE)))
            dash = weekday_len(c, j, lim) > 0; /* "Wednesday 19 - Friday 21 February" */
        if (s || dash)                         /* "du mercredi 19 au vendredi 21 fevrier" */
            s += weekday_len(c, j + s, lim);
        if ((s || dash) && (day2 = day_at(c, j + s, lim, &dn2)) > day)
            j += s + dn2;
        else
            day2 = 0;
        if (j >= lim || !bcx_joined(c, j - 1) || (n = bcx_lex_find(c, C_MONTH, j, &e)) == 0)
            return 0;
        mon = (int)e->val;
        j += n;
        if (day2 == 0 && cross_months(c, i, j, lim, mon, day, future, r))
            return 1; /* "du 28 fevrier au 2 mars" */
        return end_day(c, i, j, lim, y, mon, day, day2, future, r);
    } else if ((n = bcx_lex_find(c, C_MONTH, i, &e)) > 0 && (day = day_at(c, i + n, lim, &dn)) &&
               (bcx_joined(c, i + n - 1) ||
                !(bcx_gap(c, i + n - 1) & ~(unsigned)(G_SPACE | G_DOT))) &&
               (c->lbit & (L_EN | L_NL | L_SV))) {
        /* October 30, 2025; from January 1 - 29 */
        mon = (int)e->val;
        j = i + n + dn;
        int day2 = 0;
        size_t s = day_sep(c, j, lim, &dash), dn2;
        if ((s || dash) && (day2 = day_at(c, j + s, lim, &dn2)) > day)
            j += s + dn2;
        else
            day2 = 0;
        if (day2 == 0 && cross_months(c, i, j, lim, mon, day, future, r))
            return 1;
        return end_day(c, i, j, lim, y, mon, day, day2, future, r);
    } else {
        return 0;
    }
    if (!bcx_set_day(c, y, mon, day, future, r))
        return 0;
    r->n = j - i;
    return 1;
}

int bcx_vi_month_word(const ctx *c, size_t i)
{
    const tok *t = &c->t[i];
    const char *w = c->s + t->start;
    size_t n = t->end - t->start;
    if (t->kind != T_WORD || n < 5 || (w[0] | 0x20) != 't' || (w[1] | 0x20) != 'h' ||
        (w[n - 2] | 0x20) != 'n' || (w[n - 1] | 0x20) != 'g')
        return 0;
    const char *a = w + 2;
    size_t an = n - 4; /* the vowel: a, á (U+00E1, U+00C1), or a with U+0301 */
    return (an == 1 && (a[0] | 0x20) == 'a') ||
           (an == 2 && (unsigned char)a[0] == 0xC3 &&
            ((unsigned char)a[1] == 0xA1 || (unsigned char)a[1] == 0x81)) ||
           (an == 3 && (a[0] | 0x20) == 'a' && (unsigned char)a[1] == 0xCC &&
            (unsigned char)a[2] == 0x81);
}

/* Month and year: "oktober 2025", "juin 2024", "thang 10 nam 2025", "2024年6月"; a month
 * without a year after "in" ("in June", "trong thang 6", "6月") takes the reference
 * year. */
int bcx_try_month(const ctx *c, size_t i, size_t lim, dres *r)
{
    const bc_lex *e = NULL;
    size_t n, j;
    int mon = 0, y = 0, bare = 0;
    size_t lo = c->se[c->t[i].sent].t0;
    if (c->lbit == L_ZH) {
        y = bcx_han_year(c, i, lim);
        j = y ? i + 2 : i;
        size_t rn = 0;
        int rel = 0;
        /* "去年6月", "明年3月": the relative year is the month's */
        if (y == 0 && (rel = bcx_rel_year(c, i, lim, &rn)) != 0 && rn > 0)
            j = i + rn;
        else if (y == 0 && rn > 0)
            return 0; /* "去年6月" without a reference date: nothing known */
        if (j + 1 >= lim || c->t[j].kind != T_NUM || !c->t[j].plain ||
            !bcx_words_at(c, j + 1, lim, "月"))
            return 0;
        if (rel != 0) {
            int mon2 = (int)c->t[j].num;
            if (mon2 < 1 || mon2 > 12)
                return 0;
            /* "今年6月12日": the day with the relative year */
            dres dr;
            memset(&dr, 0, sizeof dr);
            /* the day's own year may be left open (too far from the reference date to
             * tell, "去年10月30日" read in March): the relative year gives it */
            if (bcx_try_day_zh(c, j, lim, bcx_future_at(c, i), &dr) &&
                ((dr.prec == 3 && strlen(dr.iso) == 10) ||
                 (dr.prec == 0 && strlen(dr.iso) == 7 && dr.iso[0] == '-'))) {
                snprintf(r->iso, sizeof r->iso, "%04d-%.5s", rel,
                         dr.iso + (dr.iso[0] == '-' ? 2 : 5));
                r->n = j - i + dr.n;
                r->prec = 3;
                r->inferred = 1;
                return 1;
            }
            if (dr.n > 0 && dr.prec == 0 && strlen(dr.iso) == 21) { /* "今年6月12日至15日" */
                snprintf(r->iso, sizeof r->iso, "%04d-%.5s/%04d-%.5s", rel, dr.iso + 5, rel,
                         dr.iso + 16);
                r->n = j - i + dr.n;
                r->prec = 0;
                r->inferred = 1;
                return 1;
            }
            snprintf(r->iso, sizeof r->iso, "%04d-%02d", rel, mon2);
            j += 2;
            if (bcx_words_at(c, j, lim, "份"))
                j++;
            r->n = j - i;
            r->prec = 2;
            r->inferred = 1;
            return 1;
        }
        if (j > lo && (bcx_words_at(c, j - 1, lim, "前") || bcx_words_at(c, j - 1, lim, "个")))
            return 0;
        mon = (int)c->t[j].num;
        j += 2;
        if (bcx_words_at(c, j, lim, "份"))
            j++;
        bare = y == 0;
    } else if (c->lbit == L_VI) {
        if (!bcx_word_is(c, i, lim, "thang") || !bcx_vi_month_word(c, i) || i + 1 >= lim ||
            c->t[i + 1].kind != T_NUM || !c->t[i + 1].plain)
            return 0;
        mon = (int)c->t[i + 1].num;
        j = i + 2;
        if (bcx_word_is(c, j, lim, "nam") && bcx_year_of(c, j + 1, lim))
            j++;
        y = bcx_year_of(c, j, lim);
        if (y)
            j++;
        bare = y == 0;
    } else {
        if ((n = bcx_lex_find(c, C_MONTH, i, &e)) == 0)
            return 0;
        mon = (int)e->val;
        j = i + n;
        if (j < lim && bcx_joined(c, j - 1) && (y = bcx_year_of(c, j, lim)) != 0)
            j++;
        bare = y == 0;
        /* a month alone only after "in", "for", "na", "en" ("in June", "zaplanowano na
         * marzec"); English "may" only written "May" ("in May", never "may") */
        static const char *const before[] = {
            "na",     "for",      "till",  "naar",   "tot",        "pour",    "mid",
            "early",  "late",     "begin", "fin",    "debut",      "voor",    "eind",
            "medio",  "poczatku", "koncu", "konca",  "koniec",     "polowie", "slutet",
            "borjan", "mi",       "half",  "mitten", "halverwege", NULL};
        int after_prep = i > lo && bcx_lex_find(c, C_LOC, i - 1, &e) > 0;
        for (int k = 0; !after_prep && i > lo && before[k]; k++)
            after_prep = bcx_word_is(c, i - 1, lim, before[k]);
        /* "last December", "afgelopen december", "en decembre dernier": the last such
         * month before the reference date's */
        int last = (i > lo && (bcx_word_is(c, i - 1, lim, "last") ||
                               bcx_word_is(c, i - 1, lim, "afgelopen"))) ||
                   (c->lbit == L_FR && j < lim && bcx_word_is(c, j, lim, "dernier"));
        if (bare && last) {
            if (c->ry == 0 || c->rm == 0 || mon < 1 || mon > 12)
                return 0;
            snprintf(r->iso, sizeof r->iso, "%04d-%02d", mon >= c->rm ? c->ry - 1 : c->ry, mon);
            r->n = j + (c->lbit == L_FR && bcx_word_is(c, j, lim, "dernier")) - i;
            r->prec = 2;
            r->inferred = 1;
            return 1;
        }
        /* "i slutet av februari", "at the end of June", "eind van maart", "fin de mars",
         * "de tweede helft van februari", "in de loop van maart" */
        static const char *const of[] = {"av", "of", "van", "de", "du", NULL};
        static const char *const part[] = {"end", "beginning", "middle", "helft", "loop", NULL};
        for (int k = 0; !after_prep && i > lo + 1 && of[k]; k++)
            if (bcx_word_is(c, i - 1, lim, of[k])) {
                for (int q = 0; !after_prep && before[q]; q++)
                    after_prep = bcx_word_is(c, i - 2, lim, before[q]);
                for (int q = 0; !after_prep && part[q]; q++)
                    after_prep = bcx_word_is(c, i - 2, lim, part[q]);
            }
        /* or right before a relative year ("Maart vorig jaar hielden ...", "zaten november
         * vorig jaar om tafel") */
        size_t jy = j + (j < lim && bcx_word_is(c, j, lim, "van")); /* "juni van dit jaar" */
        if (bare && !after_prep && c->lbit == L_NL && jy < lim &&
            (bcx_lex_find(c, C_LAST_YEAR, jy, NULL) > 0 ||
             bcx_lex_find(c, C_THIS_YEAR, jy, NULL) > 0 ||
             bcx_lex_find(c, C_NEXT_YEAR, jy, NULL) > 0))
            after_prep = 1;
        if (bare &&
            (!after_prep || (c->lbit == L_EN && bcx_word_is(c, i, lim, "may") && !c->t[i].upper)))
            return 0;
    }
    if (mon < 1 || mon > 12)
        return 0;
    /* "in June last year", "en octobre de l'annee derniere": the relative year is the
     * month's (nothing without a reference date: the month alone says nothing then) */
    size_t rn = 0, rj = j;
    if (bare && c->lbit != L_ZH &&
        (bcx_word_is(c, rj, lim, "of") || bcx_word_is(c, rj, lim, "de") ||
         bcx_word_is(c, rj, lim, "d") || (c->lbit == L_NL && bcx_word_is(c, rj, lim, "van"))))
        rj++; /* "in June of last year", "en juin de l'annee derniere", "juni van dit jaar" */
    if (bare && c->lbit != L_ZH && rj < lim && c->t[rj].kind == T_WORD &&
        (bcx_lex_find(c, C_LAST_YEAR, rj, NULL) > 0 || bcx_lex_find(c, C_THIS_YEAR, rj, NULL) > 0 ||
         bcx_lex_find(c, C_NEXT_YEAR, rj, NULL) > 0)) {
        int ry = bcx_rel_year(c, rj, lim, &rn);
        if (ry == 0)
            return 0;
        snprintf(r->iso, sizeof r->iso, "%04d-%02d", ry, mon);
        r->n = rj + rn - i;
        r->prec = 2;
        r->inferred = 1;
        return 1;
    }
    if (bare && c->ry == 0) {
        /* kept only until name_year_days: a year in a meeting's name may complete it */
        snprintf(r->iso, sizeof r->iso, "--%02d", mon);
        r->n = j - i;
        r->prec = 2;
        r->inferred = 1;
        return 1;
    }
    if (bare) {
        size_t si = c->t[i].sent;
        /* a month after the report's in the Dutch present of meeting ("Ha Giang brengt in
         * oktober een tegenbezoek aan Wenshan"): a coming one, this year's */
        int future = bcx_future_at(c, i) ||
                     (c->lbit == L_NL && c->rm != 0 && mon > c->rm && bcx_nl_present_meet(c, si));
        y = c->ry;
        /* said to have taken place, nothing of its sentence to come or planned ("计划于10月下旬
         * ...举行" is a plan): a month after the report's is last year's */
        if (!future && c->rm != 0 && mon > c->rm && c->t[i].tense == TENSE_PAST &&
            !c->se[si].future && !bcx_sent_has(c, si, C_TARGET, -1)) {
            y--;
        } else if (!future && c->rm != 0 && mon > c->rm + 2) {
            if (mon < c->rm + 9) {
                /* as for days (bcx_complete_day): last year's or a coming month */
                snprintf(r->iso, sizeof r->iso, "--%02d", mon);
                r->n = j - i;
                r->prec = 0;
                return 1;
            }
            y--;
        } else if (future && c->rm != 0 && mon < c->rm)
            y++;
        r->inferred = 1;
    }
    snprintf(r->iso, sizeof r->iso, "%04d-%02d", y, mon);
    r->n = j - i;
    r->prec = 2;
    return 1;
}
