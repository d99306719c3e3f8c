/* extract_fig_count.c: counts with what they count: tonnes of goods, vehicles, tourists,
 * delegations sent and received, hectares, each with its noun (after the number, or
 * before it: "the number of tourists reached 551 000"), its qualifier, its period (one
 * of its own clause, not a comparison's) and its parties. */
#include "bordercoop/alloc.h"
#include "extract_int.h"

#include <string.h>

/* Which way delegations went: a "sent" or "received" word before the number in its
 * clause, "to" right after the noun, else exchanged. */
static const char *deleg_metric(const ctx *c, size_t si, size_t i, size_t noun_end)
{
    const bc_lex *e = NULL;
    for (size_t p = i; p > c->se[si].t0; p--) {
        if (bcx_lex_find(c, C_RECEIVED, p - 1, &e) > 0)
            return "delegations_received";
        if (bcx_lex_find(c, C_SENT, p - 1, &e) > 0)
            return "delegations_sent";
        if (p - 1 > c->se[si].t0 && (bcx_gap(c, p - 2) & G_COMMA))
            break;
    }
    if (noun_end < c->se[si].t1 && bcx_lex_find(c, C_TO, noun_end, &e) > 0)
        return "delegations_sent";
    return "delegations_exchanged";
}

/* The metric and unit a counted noun gives in its sentence; 0 when the sentence does not
 * say which metric it is. */
static int noun_metric(const ctx *c, size_t si, int noun, size_t i, size_t noun_end,
                       const char **metric, const char **unit)
{
    *unit = "people";
    *metric = NULL;
    switch (noun) {
    case N_TOURIST:
        *metric = bcx_sent_has(c, si, C_CUE_ENTER, -1) ? "tourist_arrivals" : "tourists";
        break;
    case N_DELEG:
        *metric = deleg_metric(c, si, i, noun_end);
        *unit = "delegations";
        break;
    case N_EXCH_ACT:
        *metric = "delegations_exchanged";
        *unit = "activities";
        break;
    case N_WORKER:
        *metric = "workers";
        break;
    case N_PEOPLE:
    case N_CITIZEN:
        if (bcx_sent_has(c, si, C_NOUN, N_PASSPORT))
            *metric = "passports_issued";
        else if (bcx_sent_has(c, si, C_CUE_WORK, -1))
            *metric = "workers";
        else if (bcx_sent_has(c, si, C_CUE_TOURISM, -1))
            *metric = "tourists";
        break;
    case N_PASSPORT:
        *metric = "passports_issued";
        break;
    case N_HECTARE:
        /* "the 50 ha logistics zone" is no crop: only land its sentence says is farmed */
        if (bcx_sent_has(c, si, C_CROP, -1))
            *metric = "crop_area";
        *unit = "hectares";
        break;
    case N_TONNE:
        if (bcx_sent_has(c, si, C_CUE_EXPORT, -1))
            *metric = "goods_exported";
        *unit = "tonnes";
        break;
    case N_BANK:
        *metric = "banks_connected";
        *unit = "banks";
        break;
    case N_COMPANY:
        *metric = "companies_supported";
        *unit = "companies";
        break;
    case N_OFFICIAL:
        if (bcx_sent_has(c, si, C_CUE_TRAIN, -1))
            *metric = "officials_trained";
        break;
    case N_AREA:
        if (bcx_sent_has(c, si, C_CUE_COOP, -1))
            *metric = "cooperation_areas";
        *unit = "areas";
        break;
    default:
        break;
    }
    return *metric != NULL;
}

/* A counted noun within three words after token k (no comma or bracket between). */
static int noun_after(const ctx *c, size_t k, size_t lim, size_t *noun_end)
{
    const bc_lex *e = NULL;
    for (size_t q = k; q < lim && q < k + 3; q++) {
        if (c->t[q].kind != T_WORD || (q > 0 && !bcx_joined(c, q - 1)))
            return 0;
        size_t n = bcx_lex_find2(c, C_NOUN, q, q == k, &e);
        if (n > 0) {
            *noun_end = q + n;
            return (int)e->val;
        }
    }
    return 0;
}

/* "liczba chinskich turystow ... przekroczy 33 000": the noun of the nearest "number
 * of" before token i. */
static int noun_before(const ctx *c, size_t si, size_t i, size_t *noun_end)
{
    const bc_lex *e = NULL;
    for (size_t p = i; p > c->se[si].t0; p--) {
        size_t n = bcx_lex_find(c, C_NUMBER_OF, p - 1, &e);
        if (n == 0)
            continue;
        for (size_t q = p - 1 + n; q < i && q < p - 1 + n + 4; q++) {
            size_t m = bcx_lex_find(c, C_NOUN, q, &e);
            if (m > 0) {
                *noun_end = q + m;
                return (int)e->val;
            }
        }
        return 0;
    }
    return 0;
}

/* 1 when date d may be the period of the count of tokens [lead, end) in sentence si: in
 * its clause after it ("85 000, soit pres du double de l'an dernier": last year is the
 * comparison), or before it unless another number lies nearer to it ("32,000 tonnes in
 * November alone, while 620,000 visitors came": November is the tonnes'). */
static int count_period(const ctx *c, size_t si, const xd *d, size_t lead, size_t end)
{
    if (d->t0 >= end)
        return bcx_commas(c, end - 1, d->t0) == 0;
    size_t breaks = bcx_commas(c, d->t1 - 1, lead), cost = lead - d->t1 + 10 * breaks;
    if (breaks == 0)
        return 1;
    /* across a comma: not when another number of the sentence lies nearer to it */
    for (size_t k = c->se[si].t0; k < c->se[si].t1; k++) {
        if (c->t[k].kind != T_NUM || c->t[k].used == U_DATE || k == lead ||
            (k >= d->t0 && k < d->t1))
            continue;
        size_t other = k >= d->t1 ? k - d->t1 + 10 * bcx_commas(c, d->t1 - 1, k)
                                  : d->t0 - k + 10 * bcx_commas(c, k, d->t0);
        if (other < cost)
            return 0;
    }
    return 1;
}

/* A count at token i (tourists, delegations, tonnes, ...), when its noun says what it
 * counts. */
void bcx_fig_count_at(ctx *c, size_t si, size_t i)
{
    const bc_lex *e = NULL;
    size_t lim = c->se[si].t1, k = i + 1, lead = i, noun_end = 0, n;
    const tok *t = &c->t[i];
    int inferred = 0, noun = 0;
    double scale = 1;
    const char *metric = NULL, *unit = NULL;
    if (k < lim && (n = bcx_lex_find2(c, C_SCALE, k, 1, &e)) > 0 &&
        bcx_lex_find2(c, C_NOUN, k, 1, NULL) < n) {
        scale = e->val;
        k += n;
    }
    size_t end = k;
    noun = noun_after(c, k, lim, &noun_end);
    if (noun == 0 && scale == 1) {
        noun = noun_before(c, si, i, &noun_end);
        inferred = noun != 0;
    }
    if (noun == 0 || !noun_metric(c, si, noun, i, noun_end, &metric, &unit))
        return;
    if (!inferred)
        end = noun_end;
    bc_xfigure *f = bcx_new_figure(c);
    if (f == NULL)
        return;
    f->value = (scale > 1 && t->ambig ? t->num_alt : t->num) * scale;
    copy_str(f->metric, sizeof f->metric, metric);
    copy_str(f->unit, sizeof f->unit, unit);
    copy_str(f->qualifier, sizeof f->qualifier, bcx_fig_qualifier(c, si, lead, end));
    f->target = bcx_range_has(c, c->se[si].t0, lead, C_QUAL_EXPECTED, -1) ||
                bcx_range_has(c, c->se[si].t0, lead, C_TARGET, -1);
    const xd *d = bcx_nearest_date(c, si, i, end, 0);
    /* "depuis le debut de l'annee", "so far this year": to the report's day */
    char ytd[24];
    size_t ys[2] = {0, 0};
    int running = bcx_year_to_date(c, si, lead, end, ytd, sizeof ytd, ys);
    if (running && d != NULL && d->t0 >= ys[0] && d->t1 <= ys[1])
        d = NULL;
    if (d != NULL && d->iso[0] != '-' && count_period(c, si, d, lead, end)) {
        copy_str(f->period, sizeof f->period, d->iso);
        f->period_inferred = d->inferred;
    } else if (d == NULL && running) {
        copy_str(f->period, sizeof f->period, ytd);
        f->period_inferred = 1;
    }
    f->nparties = bcx_fig_parties(c, si, lead, end, f->parties, BC_X_MAX_PARTIES);
    f->start = t->start;
    f->end = t->end;
    bcx_cite_add(&f->cite, c->se[si].qs, c->se[si].qe);
    f->confidence = 0.4 + (inferred ? 0.2 : 0.3) + (d ? 0.2 : 0) + (f->nparties ? 0.1 : 0);
}
