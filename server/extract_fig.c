/* extract_fig.c: figures: amounts of money in USD, CNY, VND and EUR with scale words in
 * both decimal conventions and Chinese scales (万, 亿), what each amount measures
 * (turnover, exports, imports, investment, revenue; a target or an outcome), qualifiers,
 * periods, parties (extract_fig_parties.c) and growth rates (counts: extract_fig_count.c). Every
 * number of a sentence is read on its own, so a turnover followed by its imports and exports gives
 * three figures, each with its own measure. */
#include "bordercoop/alloc.h"
#include "extract_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* 1 when the amount after the article at token a, ending before token after, is a figure a
 * relative clause names ("minder dan de 6.000 miljard dong die de provincie als doel had
 * gesteld", "more than the 5 billion USD that was planned"): the bound is of another
 * amount, this one is exact. */
static int named_figure(const ctx *c, size_t si, size_t a, size_t after)
{
    static const char *const rel[] = {"die", "dat",   "that",  "which", "que", "qui",
                                      "som", "ktore", "ktory", "ktora", NULL};
    size_t lim = c->se[si].t1;
    if (bcx_lex_find(c, C_ARTICLE, a, NULL) != 1 || after >= lim)
        return 0;
    for (int k = 0; rel[k]; k++)
        if (bcx_word_is(c, after, lim, rel[k]))
            return 1;
    return 0;
}

/* 1 when tokens [a, lead) of sentence si are only a time, a word of place before it aside
 * ("l'an dernier", "w 2024 r."): what a verb of exceeding before them says of the amount
 * after them. */
static int only_a_time(const ctx *c, size_t si, size_t a, size_t lead)
{
    size_t b = a < lead ? a + bcx_lex_find(c, C_LOC, a, NULL) : a;
    if (b >= lead)
        return 0;
    if (bcx_lex_find(c, C_LAST_YEAR, b, NULL) == lead - b ||
        bcx_lex_find(c, C_THIS_YEAR, b, NULL) == lead - b)
        return 1;
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++)
        if ((c->d[k].t0 == a || c->d[k].t0 == b) &&
            (c->d[k].t1 == lead ||
             (c->d[k].t1 + 1 == lead && (bcx_lex_find(c, C_YEAR_WORD, c->d[k].t1, NULL) == 1 ||
                                         bcx_word_is(c, c->d[k].t1, lead, "r")))))
            return 1; /* "w 2024 r." */
    return 0;
}

/* The qualifier ending at token lead or one word before it ("over", "nearly", "about",
 * "under"; in Chinese the one word only 有: "约有300辆"), a verb of exceeding before a time
 * ("a depasse l'an dernier 290 milliards"), or written right after the amount (Chinese
 * 以上, 左右, 多: from token after), else "exact". */
const char *bcx_fig_qualifier(const ctx *c, size_t si, size_t lead, size_t after)
{
    static const struct {
        int cls;
        const char *name;
    } Q[] = {{C_QUAL_OVER, "over"},
             {C_QUAL_NEARLY, "nearly"},
             {C_QUAL_ABOUT, "about"},
             {C_QUAL_UNDER, "under"}};
    const bc_lex *e = NULL;
    size_t lo = c->se[si].t0, hi = c->se[si].t1, cur;
    /* a Chinese currency word before the number stands between ("约合人民币4700万元") */
    if (c->lbit == L_ZH && lead > lo &&
        (cur = bcx_lex_ending(c, C_CURRENCY, lo, lead, NULL)) != SIZE_MAX && cur < lead)
        lead = cur;
    for (size_t p = lead > lo + 4 ? lead - 4 : lo; p < lead; p++)
        for (size_t q = 0; q < sizeof Q / sizeof Q[0]; q++) {
            size_t n = bcx_lex_find(c, Q[q].cls, p, &e);
            /* right before it, one word between, or a word of restating ("约合": 约 +
             * 合, about that much in another currency) */
            if (n > 0 &&
                (p + n == lead ||
                 (p + n + 1 == lead && !c->t[p + n].han && !named_figure(c, si, p + n, after)) ||
                 (p + n + 1 == lead && bcx_word_is(c, p + n, lead, "有")) ||
                 (p + n < lead && bcx_lex_find(c, C_CONVERT, p + n, NULL) == lead - p - n) ||
                 (Q[q].cls == C_QUAL_OVER && only_a_time(c, si, p + n, lead))))
                return Q[q].name;
        }
    if (c->lbit == L_ZH && after < hi) {
        if (bcx_words_at(c, after, hi, "以上") || bcx_words_at(c, after, hi, "多"))
            return "over";
        if (bcx_words_at(c, after, hi, "左右"))
            return "about";
        if (bcx_words_at(c, after, hi, "以下") || bcx_words_at(c, after, hi, "以内"))
            return "under";
    }
    return "exact";
}

bc_xfigure *bcx_new_figure(ctx *c)
{
    bc_extraction *o = c->out;
    o->figures = bc_grow(o->figures, &c->capfo, o->nfigures + 1, sizeof *o->figures, &c->rc);
    if (c->rc != BC_OK)
        return NULL;
    bc_xfigure *f = &o->figures[o->nfigures++];
    memset(f, 0, sizeof *f);
    return f;
}

/* 1 when the number at token i is followed by '%' or a word for per cent. */
static int is_percent(const ctx *c, size_t si, size_t i)
{
    const bc_lex *e = NULL;
    size_t j = c->t[i].end;
    unsigned cp = 0;
    while (j < c->n) {
        size_t l = dec(c->s, c->n, j, &cp);
        if (!is_space_cp(cp))
            break;
        j += l;
    }
    if (j < c->n && (cp == '%' || cp == 0xFF05))
        return 1;
    return i + 1 < c->se[si].t1 && bcx_lex_find(c, C_PCT, i + 1, &e) > 0;
}

static const char *const CURRENCY[] = {"", "USD", "CNY", "VND", "EUR"};

/* What bcx_find_figures carries from sentence to sentence: figure indexes (SIZE_MAX
 * none) and the sentences they are in. */
typedef struct figstate {
    size_t measured;             /* the last whole amount: with a measure of its own, not a part */
    size_t measured_si, para_si; /* its sentence; the first sentence of the paragraph */
    size_t chain_si;             /* the last sentence of it, of its parts or of its change */
    size_t cont_si;              /* the last sentence that continued the one before */
    size_t dated, dated_si;      /* the last outcome (not a goal) with a period */
    size_t money_si;             /* the last sentence of the body with an amount of money */
    size_t outcome_si;           /* the last such sentence with an amount that is no goal */
    size_t stated;               /* the last outcome whose own sentence states its period */
    size_t yearly, yearly_si;    /* the last amount (goals too) whose sentence states it */
    size_t change_lo;            /* where the words of the sentence's last change began */
    size_t part_lo;              /* the sentence's first amount after "of which": its parts */
    size_t cue_si;               /* the last sentence of the body naming a measure, no amount */
    int cue_mm;                  /* that measure (MM_*) */
    size_t cue_fig;              /* the amount measured by it in the sentence after */
} figstate;

/* 1 when sentence si continues the figure before it (st->dated, in the sentence before):
 * it points back to it ("of which", "of the total", "trong do", "其中", "dont", "varav",
 * "waarvan"), tells the budget revenue of that trade in the next sentence (or the one after
 * when the one between names no amount), or it breaks it
 * down (exports or imports, named, after a turnover or after the other flow: "Les exportations se
 * sont elevees a ..."; also two sentences on when the one between names no amount, nor its own
 * sentence before it (before): "... 4,36 miljarder USD under arets forsta nio manader. Det
 * motsvarar en okning med 12,5 procent. Exporten uppgick till ..."). */
static int continues(const ctx *c, size_t si, const bc_xfigure *f, const bc_xfigure *before,
                     const figstate *st)
{
    /* or three on, past sentences with no amount or only goals ("Daarmee is 35 procent
     * van het jaardoel van 4,5 miljard dollar gehaald. De export wordt geraamd op ...") */
    int next = st->dated_si + 1 == si;
    if (st->dated == SIZE_MAX ||
        !(next || (st->dated_si + 2 == si && st->money_si == st->dated_si && before == NULL) ||
          (si <= st->dated_si + 3 && st->outcome_si == st->dated_si && before == NULL)))
        return 0;
    if (next && bcx_sent_has(c, si, C_BACKREF, -1))
        return 1;
    const char *from = c->out->figures[st->dated].metric;
    int flow = !f->metric_inferred &&
               (strcmp(f->metric, "exports") == 0 || strcmp(f->metric, "imports") == 0);
    /* the revenue collected on that trade, told right after it ("... dat 5,12 ty USD ...
     * Thu ngan sach nha nuoc tu hoat dong xuat nhap khau dat 7.650 ty dong.") */
    int revenue = (next || st->money_si == st->dated_si) && !f->metric_inferred &&
                  strcmp(f->metric, "budget_revenue") == 0;
    return (flow || revenue) && (strcmp(from, "trade_turnover") == 0 ||
                                 strcmp(from, "exports") == 0 || strcmp(from, "imports") == 0);
}

/* The year of period ("2024", "2024-01/2024-05"; 0 when it spans two years). */
static int year_of_period(const char *period)
{
    int y = 0, y2 = 0;
    if (sscanf(period, "%4d", &y) != 1)
        return 0;
    const char *slash = strchr(period, '/');
    if (slash != NULL && (sscanf(slash + 1, "%4d", &y2) != 1 || y2 != y))
        return 0;
    return y;
}

/* 1 when figure f measures trade or the revenue collected on it. */
static int flow_or_revenue(const bc_xfigure *f)
{
    return strcmp(f->metric, "trade_turnover") == 0 || strcmp(f->metric, "exports") == 0 ||
           strcmp(f->metric, "imports") == 0 || strcmp(f->metric, "budget_revenue") == 0;
}

/* The period of an amount whose own words state none, from what came before, marked
 * (period_context): "for the whole year" ("全年", "l'ensemble de l'annee", "ca nam"): the
 * year of the last amount stated with a period; "in the same period" ("cung ky", "同期",
 * "in dezelfde elf maanden"): the last outcome's stated period, a goal's too; else, not for
 * a goal, the period of the outcome before it in its sentence, or in the sentence before
 * when this one continues it (see continues). */
static void carried_period(const ctx *c, size_t si, size_t lead, size_t end, bc_xfigure *f,
                           const bc_xfigure *before, const bc_xfigure *back, figstate *st)
{
    const bc_xfigure *figs = c->out->figures, *from = NULL;
    if (bcx_fig_cue_applies(c, si, C_WHOLE_YEAR, lead, end)) {
        /* "this year" since the year was last stated: which year is not known here */
        int y = st->yearly != SIZE_MAX ? year_of_period(figs[st->yearly].period) : 0;
        for (size_t k = st->yearly_si + 1; y > 0 && k <= si; k++)
            if (bcx_sent_has(c, k, C_THIS_YEAR, -1) || bcx_sent_has(c, k, C_NEXT_YEAR, -1))
                y = 0;
        if (y > 0) {
            snprintf(f->period, sizeof f->period, "%04d", y);
            f->period_inferred = figs[st->yearly].period_inferred;
            f->period_context = 1;
        }
        return;
    }
    int same = st->stated != SIZE_MAX && bcx_fig_cue_applies(c, si, C_SAME_PERIOD, lead, end);
    /* a goal "over the same period" ("Les recettes ... sur la meme periode devraient depasser
     * 210 milliards") is of the period stated before; no other goal takes one */
    if (f->target && !same)
        return;
    if (same)
        from = &figs[st->stated];
    else if (before != NULL && before->period[0] && !before->target)
        from = before;
    else if (back != NULL && back->period[0] && !back->target)
        from = back;
    else if (continues(c, si, f, before, st)) {
        from = &figs[st->dated];
        st->cont_si = si;
    }
    /* an investment is a sum spent on something: no trade period is its period */
    if (from != NULL && strcmp(f->metric, "investment") == 0 &&
        strcmp(from->metric, "investment") != 0)
        from = NULL;
    if (from != NULL && from->period[0]) {
        memcpy(f->period, from->period, sizeof f->period);
        f->period_inferred = from->period_inferred;
        f->period_context = 1;
    }
}

/* 1 when another amount of money starts between tokens a and b: not the same amount in
 * another currency, in brackets or restated ("(about 34.2 billion USD)", "or about 23.6
 * billion USD"). */
static int money_between(const ctx *c, size_t si, size_t a, size_t b)
{
    double scale;
    size_t lead, end;
    int depth = 0;
    for (size_t k = a; k < b; k++) {
        unsigned g = k > 0 ? bcx_gap(c, k - 1) : 0;
        depth += (g & G_OPEN) ? 1 : 0;
        if (depth == 0 && c->t[k].kind == T_NUM &&
            bcx_fig_money_phrase(c, si, k, &scale, &lead, &end) &&
            !bcx_range_has(c, a, lead, C_CONVERT, -1))
            return 1;
        if ((g = bcx_gap(c, k)) & G_CLOSE)
            depth = depth > 0 ? depth - 1 : 0;
    }
    return 0;
}

/* 1 when this, last or next year follows the amount ending at token end in its clause,
 * within three tokens ("hopes to lift the figure to 100 million USD next year"): read
 * without a reference date, it leaves the amount no period from elsewhere. */
static int time_after(const ctx *c, size_t si, size_t end)
{
    static const int cls[] = {C_THIS_YEAR, C_LAST_YEAR, C_NEXT_YEAR};
    for (size_t k = end; k < c->se[si].t1 && k < end + 3; k++) {
        if (bcx_gap(c, k - 1) & (G_COMMA | G_DOT | G_PAREN))
            return 0;
        for (size_t q = 0; q < sizeof cls / sizeof cls[0]; q++)
            if (bcx_lex_find(c, cls[q], k, NULL) > 0)
                return 1;
    }
    return 0;
}

/* 1 when a date of sentence si was read before token lead: "今年一季度，...68.2亿元，其中
 * 出口41.5亿元" without a publication date reads none, so the parts have no period from
 * an earlier sentence either. */
static int read_before(const ctx *c, size_t si, size_t lead)
{
    for (size_t k = c->se[si].d0; k < c->se[si].d1; k++)
        if (c->d[k].t1 <= lead && c->d[k].iso[0] != '-')
            return 1;
    return 0;
}

/* 1 when date d, the nearest to the amount of tokens [lead, end), is not its period: one
 * after a clause break and another amount ("stood at 2.7 billion USD, and the province
 * aims for 3 billion USD this year"); 2 when, the amount being an investment (a sum, not
 * a flow), d is the project's own date: in another clause (the day it opened or is due:
 * "建成于2017年，总投资2.2亿元", "1.5 billion yuan, due to be completed by the end of
 * 2026"; a span of years is a period: "Pour la période 2026-2030, ... investir"), a
 * deadline or a start ("since 2023"), a date after a word of finishing or opening ("a road
 * due to be completed by the end of 2027"); but the year a planned investment is to be made by,
 * in its clause, is its period ("prevoit d'investir ... d'ici 2025", bcx_fig_plan_by). */
static int not_its_period(const ctx *c, size_t si, const xd *d, size_t lead, size_t end,
                          const bc_xfigure *f)
{
    int after = d->t0 >= end;
    size_t breaks = after ? bcx_commas(c, end - 1, d->t0) : bcx_commas(c, d->t1 - 1, lead);
    if (after && breaks > 0 && money_between(c, si, end, d->t0))
        return 1;
    /* "约为42.6亿美元，今年力争达到50亿美元": a date opening a later clause that holds an
     * amount of its own is that amount's */
    if (after && breaks > 0) {
        size_t k = d->t1;
        while (k < c->se[si].t1 && !(bcx_gap(c, k - 1) & (G_COMMA | G_DOT | G_PAREN)))
            k++;
        if (money_between(c, si, d->t1, k))
            return 1;
    }
    /* "2024年...29.4亿美元，今年力争突破32亿美元" without a publication date: the amount's
     * own clause names a time of its own (this year, so many months) that could not be
     * read, so an earlier clause's date is not its period */
    if (!after && breaks > 0 &&
        (bcx_fig_own_time(c, d->t1, lead, 0) || time_after(c, si, end) ||
         bcx_in_after_clause(c, si, d)))
        return 1;
    if (strcmp(f->metric, "investment") != 0)
        return 0;
    /* "for a road due to be completed by the end of 2027": when the project is done */
    if (after && bcx_fig_done_between(c, end, d->t0))
        return 2;
    unsigned bound = bcx_date_bound(c, d);
    if (bound == BCX_BOUND_DEADLINE && f->target && bcx_fig_plan_by(c, si, d, end))
        return 0; /* "prevoit d'investir ... d'ici 2025": the plan's year */
    if (bound & (BCX_BOUND_SINCE | BCX_BOUND_DEADLINE))
        return 2;
    /* "earmarked 312 billion VND for a road and aims to finish it by 2025", "can them 420 ty
     * dong va se khoi cong trong nam 2026", "d'echanges en 2025 et accelerent la
     * construction (2 800 milliards)": a date across "and" and another verb is the
     * project's */
    for (size_t k = end; after && k < d->t0; k++)
        if (bcx_and_word(c, k, d->t0) > 0)
            return 2;
    if (after && bcx_work_began_at(c, si, d->t0, d->t1)) /* "已于去年底开工": work began */
        return 2;
    if (!after && bcx_spend_after_and(c, d->t1 - 1, lead))
        return 2;
    const char *slash = strchr(d->iso, '/');
    int years = slash != NULL && strlen(d->iso) == 9 && strncmp(d->iso, slash + 1, 4) != 0;
    return breaks > 0 && (after || !years) ? 2 : 0;
}

/* 1 when a word of a plan or an estimate follows the amount ending at token end in its
 * clause, within four words (Dutch puts the verb last: "wordt een investering van 600
 * miljard dong voorzien", "dat het 800 miljoen yuan uittrekt"). */
static int plan_after(const ctx *c, size_t si, size_t end)
{
    size_t lim = c->se[si].t1, span = c->lbit == L_NL ? 6 : 4; /* the Dutch verb last */
    for (size_t k = end; k < lim && k < end + span; k++) {
        if (bcx_gap(c, k - 1) & (G_COMMA | G_DOT | G_PAREN))
            break;
        if (bcx_lex_find(c, C_TARGET, k, NULL) > 0 || bcx_lex_find(c, C_ESTIMATE, k, NULL) > 0)
            return 1;
    }
    return 0;
}

/* 1 when a relative clause right after the amount ending at token end makes it a goal:
 * "de 6.000 miljard dong die de provincie als doel had gesteld", "the 3 billion USD that
 * the province has set as its target", "les 5 milliards que la ville s'est fixes comme
 * objectif": a word of a goal within eight words of the relative word, in its clause. */
static int goal_after(const ctx *c, size_t si, size_t end)
{
    static const char *const rel[] = {"die",   "dat",   "that", "which", "que", "ktore",
                                      "ktory", "ktora", "som",  "ma",    NULL};
    size_t lim = c->se[si].t1;
    int is_rel = 0;
    if (end >= lim || (bcx_gap(c, end - 1) & (G_DOT | G_PAREN)))
        return 0;
    for (int k = 0; rel[k] && !is_rel; k++)
        is_rel = bcx_word_is(c, end, lim, rel[k]);
    if (!is_rel)
        return 0;
    for (size_t k = end + 1; k < lim && k < end + 9; k++) {
        if (bcx_gap(c, k - 1) & (G_COMMA | G_DOT | G_PAREN) || c->t[k].kind == T_NUM)
            return 0;
        if (bcx_lex_find(c, C_TARGET, k, NULL) > 0)
            return 1;
    }
    return 0;
}

/* 1 when a word of a goal said after the amount (C_TARGET_AFTER) ends the clause of the
 * amount ending at token end, within six words, no number or "and" between: "heeft zich
 * een omzet van 6,5 miljard dollar ten doel gesteld" (the Dutch verb last). */
static int goal_last(const ctx *c, size_t si, size_t end)
{
    const bc_lex *e = NULL;
    size_t lim = c->se[si].t1;
    for (size_t k = end; k < lim && k < end + 6; k++) {
        if ((bcx_gap(c, k - 1) & (G_COMMA | G_DOT | G_PAREN)) || c->t[k].kind == T_NUM ||
            bcx_and_word(c, k, lim) > 0)
            return 0;
        if (bcx_lex_find(c, C_TARGET, k, &e) > 0 && e->val == C_TARGET_AFTER)
            return 1;
    }
    return 0;
}

/* 1 when the word at token end joins what follows to the amount before it ("varav export
 * for 1,12 miljarder och import for 1,75 miljarder dollar"): "and" and its kin. */
static int and_next(const ctx *c, size_t si, size_t end)
{
    static const char *const ands[] = {"and", "och", "en", "et", "va", "i", "oraz", NULL};
    for (int k = 0; ands[k]; k++)
        if (bcx_word_is(c, end, c->se[si].t1, ands[k]))
            return 1;
    return 0;
}

/* Money at token i. Returns 1 when it is one (and a figure was added). */
static int money_at(ctx *c, size_t si, size_t i, size_t *lo, size_t *prev, figstate *st)
{
    double scale;
    size_t lead, end;
    const tok *t = &c->t[i];
    int cur = bcx_fig_money_phrase_any(c, si, i, &scale, &lead, &end);
    int cur_inferred = 0;
    if (cur == CUR_OTHER) { /* "HK$3 million", "2 M$ CA": refused with its words, never USD */
        bcx_fig_other_currency(c, lead, end);
        return 0;
    }
    double rest = 0; /* "2 ty 300 trieu USD", "3 mld 200 mln USD": the smaller part */
    if (cur == 0 && scale >= 1e6 && end > i + 1 && end < c->se[si].t1 && c->t[end].kind == T_NUM &&
        c->t[end].plain && c->t[end].num < 1000 &&
        (bcx_gap(c, end - 1) & ~(unsigned)G_SPACE) == 0) {
        double scale2;
        size_t lead2, end2;
        int cur2 = bcx_fig_money_phrase(c, si, end, &scale2, &lead2, &end2);
        if (cur2 != 0 && lead2 == end && scale2 >= 1e3 && c->t[end].num * scale2 < scale) {
            cur = cur2;
            rest = c->t[end].num * scale2;
            end = end2;
        }
    }
    /* "3 miljard en 2 miljard dollar", "3 billion and 2 billion USD": a scaled amount
     * before "and" and a scaled amount in a currency is in that currency */
    if (cur == 0 && scale >= 1e6 && end + 1 < c->se[si].t1 && !(bcx_gap(c, end - 1) & G_COMMA) &&
        and_next(c, si, end) && c->t[end + 1].kind == T_NUM) {
        double scale2;
        size_t lead2, end2;
        int cur2 = bcx_fig_money_phrase(c, si, end + 1, &scale2, &lead2, &end2);
        if (cur2 != 0 && lead2 == end + 1 && scale2 >= 1e6) {
            cur = cur2;
            cur_inferred = 1;
        }
    }
    /* "163 millions de dollars, dont environ 63 millions a l'exportation": a scaled amount
     * right after an amount of money, with no noun of its own, is in its currency */
    if (cur == 0 && scale >= 1e6 && *prev != SIZE_MAX && i >= *lo && i - *lo <= 8 &&
        (!t->words || bcx_part_word(c, *lo, i)) && /* "waarvan twee miljard export" */
        (end >= c->se[si].t1 || (bcx_gap(c, end - 1) & (G_COMMA | G_DOT | G_PAREN)) ||
         bcx_cue_after(c, si, end) != 0 || and_next(c, si, end))) {
        for (int k = 1; k < (int)(sizeof CURRENCY / sizeof CURRENCY[0]); k++)
            if (strcmp(CURRENCY[k], c->out->figures[*prev].unit) == 0)
                cur = k;
        cur_inferred = cur != 0;
    }
    /* "$3.5 bi", "CNY 3.3 yi", "1,2 B$": an amount whose scale is unread is refused with
     * its words, never stored as the bare number */
    if (bcx_fig_unread(c, si, i, cur, lead, end) || cur == 0)
        return 0;
    bc_xfigure *f = bcx_new_figure(c);
    if (f == NULL)
        return 1;
    const bc_xfigure *before = *prev != SIZE_MAX ? &c->out->figures[*prev] : NULL;
    /* "... 3,26 miljard dollar, een plus van 9,8 procent. Omgerekend gaat het om 23,4
     * miljard yuan.": a sentence's first amount, after a restating word and no measure of
     * its own, is the amount the sentence before ended with in another currency */
    const bc_xfigure *restates = f > c->out->figures ? f - 1 : NULL;
    if (before != NULL || si == 0 || restates == NULL || !restates->money || restates->rate ||
        restates->change_amount || restates->cite.nquotes == 0 ||
        restates->cite.q[0].start != c->se[si - 1].qs ||
        strcmp(restates->unit, CURRENCY[cur]) == 0 || !bcx_range_has(c, *lo, lead, C_CONVERT, -1) ||
        bcx_range_has(c, *lo, lead, C_MONEY_CUE, -1))
        restates = NULL;
    f->money = 1;
    f->heading = c->se[si].heading;
    f->value = (scale > 1 && t->ambig ? t->num_alt : t->num) * scale + rest;
    for (size_t k = i + 1; k < end; k++)
        if (bcx_fig_half_after(c, si, k) > 0)
            f->value += 0.5 * scale; /* "deux milliards et demi" */
    if (scale >= 1000)
        f->value = nearbyint(f->value); /* 1,7 milliard is 1700000000, not 1.7 * 1e9 */
    copy_str(f->unit, sizeof f->unit, CURRENCY[cur]);
    /* a rate or a change is no amount: it measures nothing (and is not stored) */
    f->rate = bcx_fig_is_rate(c, si, lead, end);
    f->change_amount = !f->rate && bcx_fig_is_change(c, si, lead, end);
    if (before != NULL && (before->rate || before->change_amount) &&
        bcx_is_conversion(c, *lo, lead, before, f->unit)) {
        f->rate = before->rate; /* "by 600 million USD (about 14 trillion VND)" */
        f->change_amount = before->change_amount;
        f->conversion = 1;
    }
    /* the figure the sentence continues: it points back to it ("of which", "trong do",
     * "其中", "dont", "the figure"), or, in its paragraph, goes on about it without naming
     * anything else (bcx_fig_goes_on) */
    const bc_xfigure *back = NULL;
    if (st->measured != SIZE_MAX &&
        ((st->chain_si + 1 == si && bcx_sent_has(c, si, C_BACKREF, -1)) ||
         (st->measured_si >= st->para_si && bcx_fig_goes_on(c, si, *lo, lead))))
        back = &c->out->figures[st->measured];
    /* "waarvan 1,57 miljard dollar export en 1,81 miljard dollar import": parts of the
     * amount before them, not amounts a later sentence goes on about */
    if (before != NULL && st->part_lo == SIZE_MAX && bcx_range_has(c, *lo, lead, C_BACKREF, -1))
        st->part_lo = (size_t)(f - c->out->figures);
    int borrowed = 0;
    /* "grew by 600 million USD to 3.4 billion USD": the level after a change is measured
     * by the words before the change */
    size_t mlo = before != NULL && before->change_amount ? st->change_lo : *lo;
    if (f->change_amount && !f->conversion)
        st->change_lo = *lo;
    else if (!f->rate && !f->change_amount)
        borrowed = bcx_money_measure(c, si, mlo, lead, end, f, before, back);
    if (borrowed)
        st->cont_si = si; /* more of the figure before: its part, its other period */
    /* "1,2 M$ pour les produits transformés et 1,4 milliard au total": a part of the flow */
    const bc_xfigure *of = before != NULL ? before : back; /* "其中" opening a sentence */
    f->part = !f->target && !f->rate && !f->change_amount && !f->conversion && f->metric[0] &&
              strcmp(f->metric, "other") != 0 &&
              (bcx_fig_part_of_total(c, si, end) ||
               (of != NULL && of->money && !of->rate && !of->change_amount &&
                bcx_fig_part_introduced(c, si, *lo, lead, end, f->metric, of->metric)));
    if (restates != NULL && !f->rate && !f->change_amount) {
        f->conversion = 1; /* its measure, goal, period and change */
        memcpy(f->metric, restates->metric, sizeof f->metric);
        f->metric_inferred = restates->metric_inferred;
        f->target = restates->target;
        memcpy(f->period, restates->period, sizeof f->period);
        f->period_inferred = restates->period_inferred;
        f->has_change = restates->has_change;
        f->change_pct = restates->change_pct;
        memcpy(f->change_qualifier, restates->change_qualifier, sizeof f->change_qualifier);
    }
    /* "De handel tussen Dien Bien en Yunnan is nog bescheiden. Vorig jaar ging het om ruim
     * 12,4 miljoen dollar.": the first amount of a sentence that goes on about the measure
     * the sentence before named without an amount, in its paragraph (marked inferred) */
    if (!borrowed && !f->metric[0] && !f->rate && !f->change_amount && !f->conversion &&
        before == NULL && st->cue_si != SIZE_MAX && st->cue_si + 1 == si &&
        st->para_si <= st->cue_si && bcx_fig_goes_on(c, si, *lo, lead)) {
        copy_str(f->metric, sizeof f->metric, bcx_mm_name(st->cue_mm));
        f->metric_inferred = 1;
        st->cue_fig = (size_t)(f - c->out->figures);
    }
    copy_str(f->qualifier, sizeof f->qualifier, bcx_fig_qualifier(c, si, lead, end));
    const xd *d = f->conversion ? NULL : bcx_nearest_date(c, si, lead, end, 0);
    const bc_lex *season = NULL; /* "dit voorjaar": a part of the year, no period */
    if (d != NULL && bcx_lex_find(c, C_THIS_YEAR, d->t0, &season) > 0 && season->val == 1)
        d = NULL;
    /* a single day is a figure's period only right next to it ("on February 13 ...
     * worth") */
    if (d != NULL && d->prec == 3 && (d->t1 + 3 < lead || d->t0 > end + 3))
        d = NULL;
    for (size_t k = d != NULL && d->prec == 3 && d->t1 <= lead ? d->t1 - 1 : lead; k + 1 < lead;
         k++)
        if (bcx_gap(c, k) & (G_COMMA | G_DOT))
            d = NULL; /* "talks on March 5, when Hekou committed 25 million": the talks' day */
    /* a goal's single month told in a clause before it is when the goal was set ("When X
     * received Y in mid-August, he proposed raising that figure to 5 billion USD") */
    if (d != NULL && f->target && d->prec == 2 && d->t1 <= lead && bcx_commas(c, d->t1 - 1, lead))
        d = NULL;
    /* "USD 700 million in the fourth quarter of 2025 and USD 650 million in Q1 2026": the
     * period of the amount before, between the two, is not this one's when a date follows
     * this one in its clause */
    if (d != NULL && before != NULL && d->used == 2 && d->t0 >= *lo && d->t1 <= lead &&
        bcx_fig_date_after(c, si, end) != NULL)
        d = bcx_fig_date_after(c, si, end);
    /* "... in January-April, and hoped to push the figure to 2 billion dollars for the
     * whole year", "The half-year result puts it halfway to its full-year goal of": a
     * goal for the whole year outweighs months and times of a clause before */
    int whole = f->target && !f->conversion && bcx_fig_cue_applies(c, si, C_WHOLE_YEAR, lead, end);
    if (whole && d != NULL && d->prec != 1 && d->t1 <= lead && bcx_commas(c, d->t1 - 1, lead) > 0)
        d = NULL;
    /* "collected 29.6 trillion VND over the same six months, of which ... 8.7 trillion
     * VND": a part with no date of its own is of the whole's period */
    int part_of_before =
        before != NULL && before->period[0] && *lo < lead && bcx_part_word(c, *lo, lead);
    int other = d != NULL ? not_its_period(c, si, d, lead, end, f) : 0;
    if (other == 1 && d->t0 >= end) {
        /* the later clause's date is not its own: a date before it in its own clause is
         * ("2024年经芒街各口岸进出口总额约为42.6亿美元，今年力争...") */
        const xd *own = NULL;
        for (size_t k = c->se[si].d0; k < c->se[si].d1; k++) {
            const xd *b = &c->d[k];
            if (b->t1 <= lead && b->prec != 3 && !b->compare && !b->weekday &&
                bcx_commas(c, b->t1 - 1, lead) == 0 && (own == NULL || b->t1 > own->t1))
                own = b;
        }
        if (own != NULL && not_its_period(c, si, own, lead, end, f) == 0)
            d = own, other = 0;
    }
    if (other == 2)
        c->d[d - c->d].used = 1; /* the project's date: not a meeting's either */
    if (other != 0)
        d = NULL;
    /* "fell to USD 300 million in 2025 from USD 350 million a year earlier", "from last
     * year's": the year before the period of the amount it is compared with; without one,
     * no period (never the other amount's) */
    int yb = f->conversion ? 0 : bcx_fig_year_before(c, si, lead, end);
    char span[24];
    if (yb != 0 && before != NULL && before->period[0] && !before->target &&
        bcx_period_year_before(before->period, f->period, sizeof f->period)) {
        f->period_inferred = before->period_inferred;
        f->period_context = 2;
        d = NULL;
    }
    /* "In 2024 and 2025, trade ... totalled": the span of the years ("in 2023 and 2025":
     * none) */
    int years = d != NULL && d->prec == 1 ? bcx_joined_years(c, si, d, span) : 0;
    int none = (yb == 1 && f->period[0] == '\0') || years < 0;
    if (none)
        d = NULL;
    /* "depuis le debut de l'annee", "so far this year": to the report's day ("this year"
     * in those words is no period of its own) */
    char ytd[24];
    size_t ys[2] = {0, 0};
    int running = !f->conversion && f->period[0] == '\0' &&
                  bcx_year_to_date(c, si, lead, end, ytd, sizeof ytd, ys);
    if (running && d != NULL && d->t0 >= ys[0] && d->t1 <= ys[1])
        d = NULL;
    char days[24]; /* "Van zaterdag 31 augustus tot en met dinsdag 3 september" */
    if (d != NULL && d->iso[0] != '-') {
        copy_str(f->period, sizeof f->period,
                 years > 0                                       ? span
                 : bcx_fig_day_span(c, si, d, days, sizeof days) ? days
                                                                 : d->iso);
        if (years == 0 && !f->target && bcx_fig_mid_year(c, d))
            snprintf(f->period, sizeof f->period, "%.4s-01/%.4s-06", d->iso, d->iso);
        else if (years == 0 && !f->target && flow_or_revenue(f) && bcx_fig_month_end(c, d))
            snprintf(f->period, sizeof f->period, "%.4s-01/%.7s", d->iso, d->iso);
        f->period_inferred = d->inferred;
        c->d[d - c->d].used = 2; /* a figure's period */
    } else if (d == NULL && running) {
        copy_str(f->period, sizeof f->period, ytd);
        f->period_inferred = 1;
    } else if (!f->conversion && !none && f->period[0] == '\0' && f->metric[0] &&
               !(d == NULL && !whole && !part_of_before &&
                 (bcx_fig_own_time(c, *lo, lead, before == NULL) || time_after(c, si, end) ||
                  (bcx_fig_own_time(c, c->se[si].t0, lead, 1) && !read_before(c, si, lead)) ||
                  bcx_fig_month_unread(c, si, lead, end)))) {
        carried_period(c, si, lead, end, f, before, borrowed ? back : NULL, st);
    }
    /* an investment "estimated at", or one the sentence says will be made ("将投资",
     * "se dau tu"), is a plan (tests/eval/README.md) */
    size_t clause = *lo; /* the amount's clause: a future tense before it is its own */
    for (size_t k = *lo; k + 1 < lead; k++)
        if (bcx_gap(c, k) & (G_COMMA | G_PAREN | G_DOT))
            clause = k + 1;
    if (strcmp(f->metric, "investment") == 0 &&
        (bcx_range_has(c, *lo, lead, C_ESTIMATE, -1) ||
         bcx_range_has(c, clause, lead, C_FUTURE, -1) || plan_after(c, si, end) ||
         bcx_plan_infinitive(c, si, lead, end)))
        f->target = 1;
    if (!f->target && f->metric[0] && (goal_after(c, si, end) || goal_last(c, si, end)))
        f->target = 1;
    f->nparties = bcx_fig_parties(c, si, lead, end, f->parties, BC_X_MAX_PARTIES,
                                  &f->parties_pointed, &f->parties_partial);
    bcx_fig_country(c, si, lead, end, f);
    bcx_fig_parties_of_pair(c, f, before);
    f->start = t->start;
    f->end = c->t[i + (t->words > 0 ? t->words - 1 : 0)].end;
    bcx_cite_add(&f->cite, c->se[si].qs, c->se[si].qe);
    f->confidence = 0.7 + (f->metric[0] && !f->metric_inferred ? 0.15 : 0) +
                    (f->period[0] ? 0.1 : 0) + (f->nparties || f->parties_partial ? 0.05 : 0) -
                    (cur_inferred ? 0.05 : 0);
    for (size_t k = i; k < end; k++)
        c->t[k].used = U_FIG;
    *lo = end;
    *prev = (size_t)(f - c->out->figures);
    return 1;
}

/* Records figure k (of sentence si), just read, as what later sentences may refer to. */
static void remember(const ctx *c, figstate *st, size_t k, size_t si)
{
    const bc_xfigure *f = &c->out->figures[k];
    if (!f->money || f->heading)
        return; /* the headline is no sentence the body continues */
    st->money_si = si;
    if (!f->target)
        st->outcome_si = si;
    int part = st->part_lo != SIZE_MAX && k >= st->part_lo;
    if (f->change_amount ||
        (f->metric[0] && k != st->cue_fig && (f->metric_inferred || st->cont_si == si || part))) {
        if (st->chain_si + 1 >= si)
            st->chain_si = si; /* its change or its parts: the figure is still spoken of */
    } else if (f->metric[0]) {
        st->measured = k;
        st->measured_si = si;
        st->chain_si = si;
    }
    if (!f->metric[0] || f->period[0] == '\0' || f->conversion || f->period_context == 2)
        return; /* a base of comparison ("a year earlier") is no period later ones take */
    if (!f->period_context) {
        st->yearly = k;
        st->yearly_si = si;
    }
    if (!f->target) {
        st->dated = k;
        st->dated_si = si;
        if (!f->period_context)
            st->stated = k;
    }
}

/* After sentence si (its figures from index first): a sentence of the body that names a
 * measure of money ("De handel tussen Dien Bien en Yunnan is nog bescheiden") and no
 * amount is one the next sentence may go on about. */
static void sentence_cue(const ctx *c, figstate *st, size_t si, size_t first)
{
    size_t at = 0;
    int any = 0;
    for (size_t k = first; k < c->out->nfigures && !any; k++)
        any = c->out->figures[k].money;
    int mm = any || c->se[si].heading ? 0 : bcx_cue_before(c, c->se[si].t0, c->se[si].t1, &at);
    if (mm == MM_WORTH)
        mm = 0;
    st->cue_si = mm != 0 && mm != MM_GOODS ? si : SIZE_MAX;
    st->cue_mm = mm;
}

void bcx_find_figures(ctx *c)
{
    bcx_fig_rate_bases(c);      /* "an increase of 18.6 percent over 2017" */
    bcx_fig_unplaced_months(c); /* "$41m last month" without published_on */
    figstate st = {.measured = SIZE_MAX,
                   .cont_si = SIZE_MAX,
                   .dated = SIZE_MAX,
                   .money_si = SIZE_MAX,
                   .outcome_si = SIZE_MAX,
                   .stated = SIZE_MAX,
                   .yearly = SIZE_MAX,
                   .change_lo = SIZE_MAX,
                   .part_lo = SIZE_MAX,
                   .cue_si = SIZE_MAX,
                   .cue_fig = SIZE_MAX};
    for (size_t si = 0; si < c->ns && c->rc == BC_OK; si++) {
        size_t first = c->out->nfigures, t0 = c->se[si].t0, t1 = c->se[si].t1, lo = t0;
        size_t prev = SIZE_MAX; /* the sentence's previous amount of money */
        st.change_lo = t0;
        st.part_lo = SIZE_MAX;
        if (bcx_new_paragraph(c, si) || c->se[si].heading)
            st.para_si = si;
        for (size_t i = t0; i < t1; i++)
            if (c->t[i].kind == T_NUM && c->t[i].used == 0 && is_percent(c, si, i))
                c->t[i].used = U_PCT;
        for (size_t i = t0; i < t1 && c->rc == BC_OK; i++) {
            size_t nw = 0;
            double word = bcx_fig_words_at(c, si, i, &nw);
            if (word > 0) {
                c->t[i].num = c->t[i].num_alt = word;
                c->t[i].words = (unsigned char)nw;
                if (!money_at(c, si, i, &lo, &prev, &st)) {
                    c->t[i].num = c->t[i].num_alt = 0;
                    c->t[i].words = 0;
                }
                continue;
            }
            if (c->t[i].kind != T_NUM || c->t[i].used != 0 || c->t[i].num <= 0)
                continue;
            /* a range: its upper end read as an amount (else its lower one), then both
             * ends (extract_fig_range.c) */
            bcx_range r;
            if (bcx_fig_range_at(c, si, i, &r)) {
                size_t n0 = c->out->nfigures;
                if (money_at(c, si, r.high, &lo, &prev, &st) || money_at(c, si, i, &lo, &prev, &st))
                    bcx_fig_range_make(c, si, &r, n0);
                if (prev == n0 && c->out->nfigures == n0 + 2)
                    prev = n0 + 1;
                continue;
            }
            if (money_at(c, si, i, &lo, &prev, &st))
                prev = bcx_fig_level_before(c, si, prev); /* "rose from 2 to 2.5 billion" */
            else
                bcx_fig_count_at(c, si, i);
        }
        for (size_t k = first; k < c->out->nfigures; k++)
            remember(c, &st, k, si);
        sentence_cue(c, &st, si, first);
        /* "... bijna 254 miljard yuan. Dat is 29,2 procent meer dan een jaar eerder.": a
         * sentence with no amount that opens by pointing back gives its change to the
         * amount the sentence before ended with */
        size_t from = first;
        if (first == c->out->nfigures && si > 0 && !c->se[si].heading &&
            bcx_lex_find(c, C_BACKREF, t0, NULL) > 0)
            while (from > 0 && c->out->figures[from - 1].money &&
                   c->out->figures[from - 1].cite.nquotes > 0 &&
                   c->out->figures[from - 1].cite.q[0].start == c->se[si - 1].qs)
                from--;
        for (size_t i = t0; i < t1 && c->rc == BC_OK; i++)
            if (c->t[i].used == U_PCT)
                bcx_fig_attach_change(c, si, i, from);
        bcx_fig_range_settle(c, first);
    }
}
