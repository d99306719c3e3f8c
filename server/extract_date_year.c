/* extract_date_year.c: the year a day of a sentence takes from its sentence when the day
 * does not write it: a year written in a meeting's name ("Gap go dau Xuan nam 2025",
 * "2025年...新春会晤"), or a relative year that opens the day's clause ("Last year, ... on
 * January 29"). Passes of bcx_find_dates (extract_date.c) over one sentence's dates. */
#include "extract_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 1 when the year date d is written in a meeting's name: right after or before the words
 * of a meeting ("Gap go dau Xuan nam 2025", "Voorjaarsbijeenkomst 2023", "the 2025 Spring
 * Meeting"), or, in Chinese, opening a clause that ends with one ("2025年...新春会晤"). */
/* 1 when the gap after token k holds only the Chinese enumeration comma "、" (and spaces). */
static int enum_gap(const ctx *c, size_t k)
{
    size_t i = c->t[k].end, e = c->t[k + 1].start, n = 0;
    while (i < e) {
        if (c->s[i] == ' ')
            i++;
        else if (e - i >= 3 && memcmp(c->s + i, "\xE3\x80\x81", 3) == 0)
            i += 3, n++;
        else
            return 0;
    }
    return n > 0;
}

int bcx_name_year(const ctx *c, size_t si, const xd *d)
{
    const bc_lex *e = NULL;
    size_t lo = c->se[si].t0, hi = c->se[si].t1;
    if (d->prec != 1 || d->inferred)
        return 0;
    if (c->lbit == L_ZH) {
        for (size_t k = d->t1; k < hi && k < d->t1 + 30; k++) {
            /* the members of a name are listed with "、" ("2025年中国广西与越南广宁、谅山、
             * 高平、河江四省党委书记新春会晤"): no clause break */
            if (k > d->t1 && (bcx_gap(c, k - 1) & (G_COMMA | G_DOT)) && !enum_gap(c, k - 1))
                return 0;
            if (bcx_lex_find(c, C_MEET, k, &e) > 0)
                return 1;
            /* talks named by their year, the year right before them ("2025年工作会谈") */
            if (k <= d->t1 + 2 && bcx_lex_find(c, C_TALKS, k, &e) > 0 &&
                !(bcx_gap(c, k - 1) & (G_COMMA | G_DOT | G_PAREN)))
                return 1;
        }
        return 0;
    }
    /* what a yearly meeting is called between its noun and its year ("cuoc hoi dam dinh ky
     * nam 2025", "Hoi nghi thuong nien nam 2024") */
    static const char *const yearly[] = {"dinh ky", "thuong nien", "thuong ky", NULL};
    for (size_t k = d->t0 > lo + 6 ? d->t0 - 6 : lo; k < d->t0; k++) {
        size_t n = bcx_lex_find(c, C_MEET, k, &e);
        if (n == 0)
            n = bcx_lex_find(c, C_MECH, k, &e);
        for (int w = 0; n > 0 && yearly[w]; w++)
            n += bcx_words_at(c, k + n, d->t0, yearly[w]);
        /* the name ends right before the year, "nam" or "de" between at most */
        if (n > 0 && k + n <= d->t0 && d->t0 - (k + n) <= 1)
            return 1;
    }
    for (size_t k = d->t1; k < hi && k <= d->t1 + 1; k++) {
        if (bcx_lex_find(c, C_MEET, k, &e) > 0 || bcx_lex_find(c, C_MECH, k, &e) > 0)
            return 1;
    }
    /* "the 2022 talks", "the 2023 working session": talks named by their year */
    return c->lbit == L_EN && d->t0 > lo && bcx_word_is(c, d->t0 - 1, d->t0, "the") && d->t1 < hi &&
           bcx_lex_find(c, C_TALKS, d->t1, &e) > 0;
}

int bcx_date_beside_name(const ctx *c, const xd *d, size_t i, size_t n)
{
    static const char *const apart[] = {"and", "or", "et", "va", "oraz", "och", "en", NULL};
    if (d->t0 >= i + n && d->t0 <= i + n + 1)
        return 1;
    /* Chinese opens the name with its year, its members between ("2021年中国广西与越南边境
     * 四省党委书记新春会晤"): a written year, the clause holding no other meeting's words */
    if (c->lbit == L_ZH && d->prec == 1 && !d->inferred && d->t1 <= i && i < d->t1 + 30 &&
        bcx_words_at(c, d->t1, i, "以来") == 0 && bcx_words_at(c, d->t1, i, "来") == 0) {
        for (size_t k = d->t1; k < i; k++)
            if (((bcx_gap(c, k - 1) & (G_COMMA | G_DOT | G_PAREN)) && !enum_gap(c, k - 1)) ||
                bcx_lex_find(c, C_MEET, k, NULL) > 0 || bcx_lex_find(c, C_TALKS, k, NULL) > 0)
                return 0;
        return 1;
    }
    /* English puts the year before the words of the name: "the 2024 joint working
     * committee conference", "the 2025 edition of the Spring Meeting"; other languages
     * right before them at most one word */
    size_t before = c->lbit == L_EN ? 4 : 1;
    if (d->t1 > i || d->t1 + before < i)
        return 0;
    for (size_t k = d->t1; k < i; k++)
        for (int w = 0; apart[w]; w++)
            if (bcx_word_is(c, k, i, apart[w]) && (w != 6 || c->lbit == L_NL))
                return 0; /* another meeting's year: "in 2024, and at the Spring Meeting" */
    return 1;
}

int bcx_year_after_body(const ctx *c, const mention *m, const xd *d)
{
    static const char *const glue[] = {
        "of", "the", "and", "in",   "du",  "de",   "des", "d",   "la",       "le",        "l",
        "et", "en",  "cua", "giua", "cac", "tinh", "va",  "nam", "province", "provinces", NULL};
    const sent *s = &c->se[m->sent];
    if (d->prec != 1 || d->t0 < m->t1 || d->t0 > m->t1 + 40 || c->lbit == L_ZH)
        return 0;
    for (size_t k = 0; k < c->nm; k++)
        if (c->m[k].sent == m->sent && c->m[k].t0 >= m->t1 && c->m[k].t0 < d->t0)
            return 0; /* another meeting between */
    for (size_t k = m->t1; k < d->t0;) {
        unsigned g = bcx_gap(c, k - 1);
        size_t n = bcx_lex_find(c, C_MECH, k, NULL), name = 0;
        for (size_t q = s->h0; q < s->h1 && name == 0; q++)
            if (c->h[q].t0 == k)
                name = c->h[q].t1 - k; /* a place of the list, or the body's name */
        if ((g & (G_DOT | G_PAREN)) || ((g & G_COMMA) && name == 0))
            return 0; /* a comma only before the next name of the list */
        n = n > name ? n : name;
        for (int w = 0; n == 0 && glue[w]; w++)
            n = bcx_word_is(c, k, d->t0, glue[w]);
        if (n == 0 && c->t[k].kind == T_WORD && c->t[k].upper)
            n = 1; /* "the Joint Working Committee" */
        if (n == 0)
            return 0;
        k += n;
    }
    return bcx_range_has(c, m->t1, d->t0, C_MECH, -1); /* the body is named */
}

/* A span of days of one month without a written year ("from April 22 to 24", its year
 * not known or only the reference date's) completed with year y: 1 when d was one. */
static int name_year_span(xd *d, int y)
{
    const char *slash = strchr(d->iso, '/');
    if (d->prec != 0 || slash == NULL || d->inferred == BC_X_INFERRED_DATE)
        return 0;
    size_t half = (size_t)(slash - d->iso);
    int bare = half == 7 && d->iso[0] == '-' && strlen(slash + 1) == 7;
    int full = half == 10 && strlen(slash + 1) == 10 && d->inferred;
    if (!bare && !full)
        return 0;
    const char *a = bare ? d->iso + 2 : d->iso + 5, *b = bare ? slash + 3 : slash + 6;
    char iso[24];
    snprintf(iso, sizeof iso, "%04d-%.5s/%04d-%.5s", y, a, y, b);
    copy_str(d->iso, sizeof d->iso, iso);
    d->inferred = 0;
    if (d->span[0]) /* a span of two or three days: its first day */
        snprintf(d->span, sizeof d->span, "%.10s", d->iso);
    return 1;
}

/* 1 when tokens [lo, hi) hold a clause break and name talks that are not a meeting's name
 * ("Gap go dau Xuan" is the spring meeting; "the 2026 session of their border talks" is
 * the session itself). */
static int talks_between(const ctx *c, size_t lo, size_t hi)
{
    if (hi <= lo || bcx_commas(c, lo, hi) == 0)
        return 0;
    for (size_t k = lo; k < hi; k++) {
        size_t n = bcx_lex_find(c, C_TALKS, k, NULL);
        if (n > 0 && k + n <= hi && bcx_lex_find(c, C_MEET, k, NULL) == 0 &&
            bcx_lex_find(c, C_MECH, k, NULL) == 0)
            return 1;
    }
    return 0;
}

/* The relative year ("vorig jaar", "last year", "this year") that opens the clause of date
 * d of sentence si, or opens the sentence before one comma, at most ten tokens before it
 * ("Vorig jaar kwamen de delegaties op 29 januari samen", "Last year, the two sides met in
 * June", "die vorig jaar eind februari werd gehouden"): its year (0 without a reference
 * date), its tokens' start + 1 in *at (0 when there is none). */
static int rel_year_before(const ctx *c, size_t si, const xd *d, size_t *at)
{
    size_t lo = c->se[si].t0;
    *at = 0;
    for (size_t k = d->t0 > lo + 12 ? d->t0 - 12 : lo; k < d->t0; k++) {
        size_t n = 0;
        int y = bcx_rel_year(c, k, d->t0, &n);
        if (n == 0 || k + n > d->t0 || d->t0 - (k + n) > 10)
            continue;
        size_t commas = bcx_commas(c, k + n - 1, d->t0);
        /* or sets off the day right after it: "held in Kunming last year, on December 3",
         * "De Lenteontmoeting van vorig jaar, op 22 februari, werd ...", "la réunion de
         * l'an dernier, le 22 février" */
        int apposed = c->lbit != L_ZH && commas == 1 && (bcx_gap(c, k + n - 1) & G_COMMA) &&
                      d->t0 <= k + n + 1;
        if (commas > 1 ||
            (commas == 1 && !apposed && !(k == lo && (bcx_gap(c, k + n - 1) & G_COMMA))))
            continue;
        *at = k + 1;
        return y;
    }
    return 0;
}

/* 1 when date d is a day or month of an unknown year (prec 0: "--01-29"; a month "--02"). */
static int year_open(const xd *d)
{
    return (d->prec == 0 && d->iso[0] == '-' && (strlen(d->iso) == 7 || strlen(d->iso) == 4)) ||
           (d->prec == 2 && d->iso[0] == '-');
}

/* 1 when date d is a month whose year was taken from the reference date. */
static int month_of_reference_year(const xd *d)
{
    return d->prec == 2 && d->inferred == BC_X_INFERRED_YEAR && strlen(d->iso) == 7;
}

/* A day or month of sentence si without a written year takes the year of a relative year
 * that opens its clause (rel_year_before): that year, not the reference date's nearest, nor
 * one a meeting's name writes in the sentence ("Tijdens de Voorjaarsontmoeting 2025 ...
 * de vorige editie, die vorig jaar eind februari werd gehouden"). Without a reference date
 * neither says a year: a date after last year or next is marked so that no name completes
 * it. */
void bcx_rel_year_days(ctx *c, size_t si)
{
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
        xd *d = &c->d[k];
        /* a day or month of the reference year, or one of an unknown year */
        int open = year_open(d), month = month_of_reference_year(d);
        if (!((d->prec == 3 || month) && d->inferred) && !open)
            continue;
        if (d->span[0] || d->same_day || d->weekday || strchr(d->iso, '/'))
            continue;
        size_t at;
        int y = rel_year_before(c, si, d, &at);
        if (at == 0)
            continue;
        /* "this year" may be the year a name writes ("今年2月 ... 2025年新春会晤"); last
         * year or next is another */
        d->rel_year = bcx_lex_find(c, C_THIS_YEAR, at - 1, NULL) == 0;
        if (c->ry == 0 || y == 0)
            continue;
        const char *md = d->iso[0] == '-' ? d->iso + 2 : d->iso + 5;
        char iso[24];
        snprintf(iso, sizeof iso, "%04d-%.5s", y, md);
        /* "die dag" later in the sentence is that day, in that year */
        for (size_t q = k + 1; q < c->se[si].d1; q++)
            if (c->d[q].same_day && c->d[q].ref == k + 1 && strcmp(c->d[q].iso, d->iso) == 0)
                memcpy(c->d[q].iso, iso, sizeof c->d[q].iso), c->d[q].inferred = 1;
        memcpy(d->iso, iso, sizeof d->iso);
        d->inferred = 1;
        d->prec = strlen(md) == 2 ? 2 : 3;
    }
}

/* The year written after "in" that opens sentence si or a clause of it before date d, a
 * dozen tokens at most before it and one comma at most between ("In 2023 hadden de vijf
 * provincies in december ...", "In 2023, kwamen ... op 12 december bijeen", "In 2023 ...
 * gehouden, half december"): that year, else 0. Not a year counted from ("Sinds 2023"), compared
 * with, or relative ("vorig jaar": rel_year_before's). */
static int lead_year_before(const ctx *c, size_t si, const xd *d)
{
    static const char *const in[] = {"in", "en", "w", "i", NULL};
    size_t lo = c->se[si].t0;
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
        const xd *y = &c->d[k];
        if (y == d || y->prec != 1 || strlen(y->iso) != 4 || y->inferred || y->compare ||
            y->rel_year || y->t1 > d->t0 || d->t0 - y->t1 > 12 || y->t0 == lo)
            continue;
        int opens = 0;
        for (int w = 0; in[w] && !opens; w++)
            opens = bcx_word_is(c, y->t0 - 1, y->t0, in[w]);
        if (!opens || (y->t0 - 1 > lo && !(bcx_gap(c, y->t0 - 2) & G_COMMA)))
            continue;
        if (bcx_commas(c, y->t1 - 1, d->t0) > 1)
            continue;
        return atoi(y->iso);
    }
    return 0;
}

void bcx_lead_year_days(ctx *c, size_t si)
{
    if (c->lbit == L_EN)
        return; /* English frames: extract_date_frame.c */
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
        xd *d = &c->d[k];
        int open = year_open(d), month = month_of_reference_year(d);
        int day = d->prec == 3 && ((d->inferred == BC_X_INFERRED_YEAR && strlen(d->iso) == 10) ||
                                   (d->iso[0] == '-' && strlen(d->iso) == 7));
        if (d->same_day || d->weekday || d->rel || d->rel_year || d->dateline || d->compare)
            continue;
        int y = lead_year_before(c, si, d);
        if (y == 0 || name_year_span(d, y) || !(open || month || day) || d->span[0] ||
            strchr(d->iso, '/'))
            continue;
        const char *md = d->iso[0] == '-' ? d->iso + 2 : d->iso + 5;
        char iso[24];
        snprintf(iso, sizeof iso, "%04d-%.5s", y, md);
        copy_str(d->iso, sizeof d->iso, iso);
        d->inferred = 0;
        d->prec = strlen(md) == 2 ? 2 : 3;
    }
}

int bcx_nl_opens_with_that_meeting(const ctx *c, size_t si)
{
    size_t s0 = c->se[si].t0, hi = c->se[si].t1;
    if (c->lbit != L_NL || s0 + 2 >= hi ||
        !(bcx_word_is(c, s0, hi, "die") || bcx_word_is(c, s0, hi, "deze")))
        return 0;
    return bcx_lex_find(c, C_MEET, s0 + 1, NULL) > 0 || bcx_lex_find(c, C_TALKS, s0 + 1, NULL) > 0;
}

int bcx_nl_back_name_year(const ctx *c, size_t si)
{
    if (si == 0 || !bcx_nl_opens_with_that_meeting(c, si) || bcx_new_paragraph(c, si))
        return 0;
    const sent *p = &c->se[si - 1];
    if (p->d1 != p->d0 + 1 || !bcx_name_year(c, si - 1, &c->d[p->d0]))
        return 0;
    return atoi(c->d[p->d0].iso);
}

/* A month of sentence si without its year, right after a sentence of its paragraph whose
 * last day or month is of that month with its year written ("Op 21 februari kwamen ... bijeen
 * voor de Lentebijeenkomst 2025. De zestiende zitting ... volgde in februari eveneens in Ha
 * Long"), takes that year, also over the reference date's: the month told again (Dutch).
 * Not when its sentence has a year of its own, relative or written, nor for a month said
 * to be to come (the next one may be a year on). */
static void month_again(ctx *c, size_t si)
{
    if (c->lbit != L_NL || si == 0 || bcx_new_paragraph(c, si) || c->se[si - 1].heading ||
        bcx_sent_has(c, si, C_LAST_YEAR, -1) || bcx_sent_has(c, si, C_NEXT_YEAR, -1) ||
        bcx_sent_has(c, si, C_THIS_YEAR, -1))
        return; /* "Vorig jaar ... eind februari": another year's */
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++)
        if (c->d[k].prec == 1 || c->d[k].rel_year || c->d[k].rel)
            return;
    const xd *f = NULL;
    for (size_t k = c->se[si - 1].d0; k < c->se[si - 1].d1; k++)
        if (c->d[k].prec >= 2 && !c->d[k].dateline)
            f = &c->d[k];
    if (f == NULL || f->inferred || f->rel || f->rel_year || f->iso[0] == '-' ||
        strlen(f->iso) < 7 || strchr(f->iso, '/') != NULL)
        return;
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
        xd *d = &c->d[k];
        if (d->prec != 2 || !(d->iso[0] == '-' || d->inferred == BC_X_INFERRED_YEAR) ||
            d->same_day || d->span[0] || strchr(d->iso, '/') != NULL || bcx_future_at(c, d->t0))
            continue; /* "De volgende ... staat in februari gepland": a February to come */
        const char *mm = d->iso[0] == '-' ? d->iso + 2 : d->iso + 5;
        if (strncmp(mm, f->iso + 5, 2) != 0)
            continue;
        char iso[24];
        snprintf(iso, sizeof iso, "%.4s-%.2s", f->iso, mm);
        copy_str(d->iso, sizeof d->iso, iso);
        d->inferred = 0;
    }
}

/* A day of sentence si without a written year takes the year written in a meeting's name
 * in the same sentence: that year is the text's ("Sang 20/2 ... Gap go dau Xuan nam 2025",
 * "2月21日上午，2025年...新春会晤"); so does a day of a Dutch sentence pointing back at the
 * meeting so named, the only date of the sentence before ("... de Voorjaarsontmoeting 2019,
 * .... Die ontmoeting werd op 22 maart in Lang Son gehouden"). */
void bcx_name_year_days(ctx *c, size_t si)
{
    int y = 0;
    size_t yt = 0; /* the year's token */
    int back = c->se[si].d0 < c->se[si].d1 ? bcx_nl_back_name_year(c, si) : 0;
    for (size_t k = c->se[si].d0; k < c->se[si].d1 && y == 0; k++) {
        const xd *d = &c->d[k];
        /* "the first since the 2023 meeting in Hekou": a point counted from, another
         * meeting's year, not the year of the sentence's days */
        size_t the = d->t0 > c->se[si].t0 && bcx_word_is(c, d->t0 - 1, d->t0, "the");
        if (bcx_name_year(c, si, d) &&
            bcx_lex_ending(c, C_SINCE, c->se[si].t0, d->t0 - the, NULL) == SIZE_MAX)
            y = atoi(d->iso), yt = d->t0;
    }
    for (size_t k = c->se[si].d0; back != 0 && y == 0 && k < c->se[si].d1; k++)
        if (c->d[k].prec == 1 || c->d[k].rel_year)
            back = 0; /* a year of its own: the day is not the named one's */
    if (y == 0 && back != 0)
        y = back, yt = c->se[si].t0;
    /* the talks the year names ("the 2022 talks") are none between */
    size_t own = y != 0 && yt + 1 < c->se[si].t1 ? bcx_lex_find(c, C_TALKS, yt + 1, NULL) : 0;
    /* a relative year in the sentence may be the undecided day's ("Vorig jaar ... op 28
     * februari ..., en ook de Voorjaarsontmoeting 2024") */
    int relative = bcx_sent_has(c, si, C_LAST_YEAR, -1) || bcx_sent_has(c, si, C_THIS_YEAR, -1) ||
                   bcx_sent_has(c, si, C_NEXT_YEAR, -1);
    for (size_t k = c->se[si].d0; y != 0 && k < c->se[si].d1; k++) {
        xd *d = &c->d[k];
        /* talks named in another clause between the name and the day are what the day
         * dates ("the Spring Meeting 2025 ..., as well as ... during their talks on March
         * 25") */
        size_t lo = d->t0 < yt ? d->t1 : yt + 1 + own, hi = d->t0 < yt ? yt : d->t0;
        if (talks_between(c, lo, hi))
            continue;
        if (name_year_span(d, y))
            continue;
        /* a day whose year the reference date left undecided ("April 9" in a report of
         * February: last year's or a coming one) is the name's year's too */
        int undecided = d->prec == 0 && strlen(d->iso) == 7 && d->iso[0] == '-' &&
                        d->iso[1] == '-' && !d->dateline && !d->same_day && !d->rel &&
                        !d->weekday && !relative;
        if ((d->prec < 2 && !undecided) || !(d->iso[0] == '-' || d->inferred) ||
            strlen(d->iso) > 10 || d->inferred == BC_X_INFERRED_DATE || d->rel_year)
            continue;
        char iso[24];
        snprintf(iso, sizeof iso, "%04d-%.5s", y, d->iso[0] == '-' ? d->iso + 2 : d->iso + 5);
        /* "the same day" of a day an earlier sentence wrote without its year: that day is
         * of this year too ("Ngay 11/2, ... le khoi dong. Su kien nam trong khuon kho Gap go
         * dau Xuan nam 2026, dien ra cung ngay") */
        xd *was = d->same_day && d->ref ? &c->d[d->ref - 1] : NULL;
        if (was != NULL && strcmp(was->iso, d->iso) == 0 && was->inferred != BC_X_INFERRED_DATE) {
            copy_str(was->iso, sizeof was->iso, iso);
            was->inferred = 0;
        }
        copy_str(d->iso, sizeof d->iso, iso);
        d->inferred = 0;
        if (undecided)
            d->prec = 3;
    }
    month_again(c, si);
    /* a month without a year that no name completed says nothing without a reference */
    size_t w = c->se[si].d0;
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++)
        if (!(c->d[k].prec == 2 && c->d[k].iso[0] == '-'))
            c->d[w++] = c->d[k];
        else
            c->se[si].yearless = 1, bcx_unplaced(c, c->d[k].t0, c->d[k].t1);
    c->se[si].d1 = c->nd = w;
}

/* A day of sentence si without a written year (or with the reference date's) a few days
 * after a day of the same month its sentence writes with its year takes that year: "took
 * place on October 29, 2025, ahead of the conference, which opens on October 30". Not a
 * weekday, "the same day", nor a day after a relative year. */
void bcx_written_year_days(ctx *c, size_t si)
{
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
        xd *d = &c->d[k];
        /* a day whose year the reference date left open ("June 12" in March: last year's
         * or this one's) has no precision yet */
        int open = d->prec == 0 && d->iso[0] == '-' && strlen(d->iso) == 7;
        if ((d->prec != 3 && !open) || !(d->iso[0] == '-' || d->inferred == BC_X_INFERRED_YEAR) ||
            d->same_day || d->weekday || d->rel || d->rel_year || d->dateline)
            continue;
        const char *md = d->iso[0] == '-' ? d->iso + 2 : d->iso + 5;
        for (size_t w = c->se[si].d0; w < k; w++) {
            const xd *f = &c->d[w];
            int day = atoi(md + 3);
            /* the month itself, with its year ("convened in Kunming in June last year, and
             * the tenth ... meeting was held there on the afternoon of June 12") */
            if (c->lbit == L_EN && f->prec == 2 && d->iso[0] == '-' && !f->span[0] &&
                !f->dateline && !f->rel_year && !f->compare && strlen(f->iso) == 7 &&
                f->iso[0] != '-' && strncmp(f->iso + 5, md, 2) == 0) {
                char iso[24];
                snprintf(iso, sizeof iso, "%.4s-%.5s", f->iso, md);
                copy_str(d->iso, sizeof d->iso, iso);
                d->inferred = f->inferred;
                d->prec = 3;
                break;
            }
            if (open)
                continue; /* a day of it by its month alone */
            if (f->prec != 3 || f->inferred || f->rel || f->same_day || f->weekday || f->dateline ||
                f->iso[0] == '-' || strlen(f->iso) != 10 || strncmp(f->iso + 5, md, 2) != 0 ||
                day < atoi(f->iso + 8) || day > atoi(f->iso + 8) + 7)
                continue;
            char iso[24];
            snprintf(iso, sizeof iso, "%.4s-%.5s", f->iso, md);
            copy_str(d->iso, sizeof d->iso, iso);
            d->inferred = 0;
            break;
        }
    }
}

/* 1 when the English weekday at token u names meeting words after it other than mention
 * m's noun ("Under the minutes signed at Thursday's session, the 12th meeting ... will be
 * hosted by Yunnan in 2026"): that session's day, not m's. */
static int day_names_other(const ctx *c, size_t u, const mention *m)
{
    size_t hi = c->se[m->sent].t1, n = bcx_lex_find(c, C_WEEKDAY, u, NULL), q = u + n;
    if (c->lbit != L_EN || n == 0 || q + 1 >= hi || bcx_gap(c, q - 1) != G_QUOTE ||
        !bcx_word_is(c, q, hi, "s"))
        return 0;
    for (q++; q < hi && q < u + n + 4; q++) {
        if (q == m->noun)
            return 0;
        if (bcx_lex_find(c, C_MEET, q, NULL) > 0 || bcx_lex_find(c, C_TALKS, q, NULL) > 0)
            return 1;
        if (c->t[q].kind != T_WORD || c->t[q].upper || bcx_gap(c, q) != G_SPACE)
            return 0;
    }
    return 0;
}

int bcx_year_unread(const ctx *c, const mention *m)
{
    const sent *s = &c->se[m->sent];
    if (strlen(m->date) != 4 || m->date_src == 0)
        return 0;
    /* a meeting whose preparation its sentence tells ("begonnen donderdag al met de
     * voorbereiding van de lentebijeenkomst van 2026"): the unread day is the preparation's */
    for (size_t k = m->t0 > s->t0 + 4 ? m->t0 - 4 : s->t0; c->lbit == L_NL && k + 1 < m->t0; k++)
        if ((bcx_word_is(c, k, m->t0, "voorbereiding") ||
             bcx_word_is(c, k, m->t0, "voorbereidingen")) &&
            (bcx_word_is(c, k + 1, m->t0, "van") || bcx_word_is(c, k + 1, m->t0, "voor")))
            return 0;
    /* nor when the meeting of its kind was told before, the one meeting a sentence names,
     * on a day that went unread ("Na de voorjaarsontmoeting ..., afgelopen vrijdag in
     * Nanning, ... Tijdens de Voorjaarsontmoeting 2025 ...") */
    for (size_t q = 0; s->unread == 0 && m->noun_kind != K_GENERIC && q < m->sent; q++) {
        const bc_lex *e = NULL;
        int mine = 0, other = 0;
        for (size_t k = c->se[q].t0; c->se[q].unread && k < c->se[q].t1; k++) {
            size_t n = bcx_lex_find(c, C_MEET, k, &e);
            if (n > 0 && (int)e->val == m->noun_kind)
                mine++;
            else if (n > 0 || bcx_lex_find(c, C_TALKS, k, NULL) > 0)
                other++;
            k += n ? n - 1 : 0;
        }
        if (mine == 1 && other == 0)
            return 1;
    }
    /* a month its sentence writes after a relative year, which no reference date completes
     * ("去年6月，双方在莱州市举行了2024年度会晤" read without one): the one meeting of it */
    if (s->unread == 0)
        return s->yearless && s->nment <= 1;
    if (day_names_other(c, s->unread - 1, m))
        return 0;
    /* the one meeting of its sentence, or the word in its clause */
    size_t u = s->unread - 1;
    return s->nment <= 1 || bcx_commas(c, u < m->t0 ? u : m->t1 - 1, u < m->t0 ? m->t0 : u) == 0;
}

/* 1 when Dutch sentence si opens with a day counted from another ("Tien dagen later,", "Een
 * dag eerder,", "De dag erna,"): -1 for one before, 1 after, 0 none. */
static int counted_opening(const ctx *c, size_t si)
{
    static const char *const unit[] = {"dag", "dagen", "week", "weken", NULL};
    static const char *const after[] = {"later", "daarna", "erna", NULL};
    static const char *const before[] = {"eerder", "daarvoor", "ervoor", "tevoren", NULL};
    const bc_lex *e = NULL;
    size_t a = c->se[si].t0, hi = c->se[si].t1, k = a;
    if (bcx_lex_find(c, C_NEXT_DAY, a, &e) > 0)
        return e->val < 0 ? -1 : 1;
    if (bcx_lex_find(c, C_CARD, k, NULL) == 1 || c->t[k].kind == T_NUM)
        k++;
    else
        return 0;
    int u = 0;
    for (int w = 0; unit[w] && !u; w++)
        u = bcx_word_is(c, k, hi, unit[w]);
    if (!u)
        return 0;
    for (int w = 0; after[w]; w++)
        if (bcx_word_is(c, k + 1, hi, after[w]))
            return 1;
    for (int w = 0; before[w]; w++)
        if (bcx_word_is(c, k + 1, hi, before[w]))
            return -1;
    return 0;
}

void bcx_counted_year_days(ctx *c, size_t si)
{
    int dir = c->lbit == L_NL && c->se[si].d0 < c->se[si].d1 ? counted_opening(c, si) : 0;
    const xd *from = NULL;
    for (size_t k = c->se[si].d0; dir != 0 && k > 0 && from == NULL; k--) {
        const xd *f = &c->d[k - 1];
        if (c->t[f->t0].sent + 3 < si)
            break;
        if (f->prec == 3 && !f->inferred && !f->dateline && !f->rel && !f->same_day &&
            strlen(f->iso) == 10 && f->iso[0] != '-')
            from = f;
    }
    for (size_t k = c->se[si].d0; from != NULL && k < c->se[si].d1; k++) {
        xd *d = &c->d[k];
        if (d->prec != 3 || d->weekday || d->rel || d->same_day || d->span[0] ||
            !((d->inferred == BC_X_INFERRED_YEAR && strlen(d->iso) == 10) ||
              (d->iso[0] == '-' && strlen(d->iso) == 7)))
            continue;
        const char *md = d->iso[0] == '-' ? d->iso + 2 : d->iso + 5;
        int y = atoi(from->iso), fm = atoi(from->iso + 5), m = atoi(md);
        if (dir > 0 && m < fm)
            y++; /* "Tien dagen later, op 3 januari" after a day of December */
        else if (dir < 0 && m > fm)
            y--;
        char iso[24];
        snprintf(iso, sizeof iso, "%04d-%.5s", y, md);
        copy_str(d->iso, sizeof d->iso, iso);
        d->inferred = 0;
    }
}
