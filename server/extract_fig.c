/* extract_fig.c: figures: money with scale words and currencies, counts with what they
 * count, their qualifiers, periods, parties and growth rates. */
#include "bordercoop/alloc.h"
#include "extract_int.h"

#include <string.h>

static void fill_parties(const ctx *c, size_t si, char parties[8][64], int *np)
{
    *np = 0;
    for (size_t k = 0; k < c->nh; k++) {
        const hit *h = &c->h[k];
        if (h->entity != E_PROVINCE || c->t[h->t0].sent != si)
            continue;
        int seen = 0;
        for (int q = 0; q < *np && !seen; q++)
            seen = strcmp(parties[q], h->id) == 0;
        if (!seen && *np < 8)
            copy_str(parties[(*np)++], 64, h->id);
    }
}

/* "over" or "nearly" ending at token lead or one word before it. */
static const char *qualifier_before(const ctx *c, size_t si, size_t lead)
{
    const bc_lex *e = NULL;
    size_t lo = c->se[si].t0;
    for (size_t p = lead > lo + 4 ? lead - 4 : lo; p < lead; p++) {
        size_t n = bcx_lex_find(c, C_QUAL_OVER, p, &e);
        if (n > 0 && (p + n == lead || p + n + 1 == lead))
            return "over";
        n = bcx_lex_find(c, C_QUAL_NEARLY, p, &e);
        if (n > 0 && (p + n == lead || p + n + 1 == lead))
            return "nearly";
    }
    for (size_t p = lo; p < lead; p++)
        if (bcx_lex_find(c, C_QUAL_EXPECTED, p, &e) > 0)
            return "expected";
    return "exact";
}

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

static bc_xfigure *new_figure(ctx *c)
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
    if (j < c->n && cp == '%')
        return 1;
    return i + 1 < c->se[si].t1 && bcx_lex_find(c, C_PCT, i + 1, &e) > 0;
}

/* A percentage with a growth word before it ("wzrost o prawie 88%", "tang 88%") is the
 * change of the nearest figure before it in the sentence, else of the first after it. */
static void attach_change(ctx *c, size_t si, size_t i, size_t first_fig)
{
    const bc_lex *e = NULL;
    const tok *t = &c->t[i];
    int sign = 0;
    for (size_t p = i; p > c->se[si].t0 && p + 5 > i && sign == 0; p--) {
        if (bcx_lex_find(c, C_UP, p - 1, &e) > 0)
            sign = 1;
        else if (bcx_lex_find(c, C_DOWN, p - 1, &e) > 0)
            sign = -1;
    }
    bc_xfigure *best = NULL;
    for (size_t k = first_fig; sign != 0 && k < c->out->nfigures; k++) {
        bc_xfigure *f = &c->out->figures[k];
        if (f->start < t->start || best == NULL)
            best = f;
    }
    if (best == NULL || best->has_change)
        return;
    best->has_change = 1;
    best->change_pct = sign * t->num;
    const char *q = qualifier_before(c, si, i);
    copy_str(best->change_qualifier, sizeof best->change_qualifier,
             strcmp(q, "expected") == 0 ? "exact" : q);
}

static void figure_at(ctx *c, size_t si, size_t i)
{
    const bc_lex *e = NULL;
    size_t lim = c->se[si].t1, k = i + 1, lead = i, noun_end = 0, n;
    const tok *t = &c->t[i];
    int pre = 0, money = 0, inferred = 0, noun = 0;
    double scale = 1;
    const char *metric = NULL, *unit = NULL;
    if (i > c->se[si].t0 && (bcx_gap(c, i - 1) & G_DOLLAR))
        pre = 1; /* $7.2 billion, US$ 7.2 billion */
    else if (i > c->se[si].t0 && bcx_lex_find(c, C_CURRENCY, i - 1, &e) > 0 && bcx_joined(c, i - 1))
        pre = 1, lead = i - 1; /* USD 7.2 billion */
    if (k < lim && (n = bcx_lex_find2(c, C_SCALE, k, 1, &e)) > 0 &&
        bcx_lex_find2(c, C_NOUN, k, 1, NULL) < n) {
        scale = e->val;
        k += n;
    }
    size_t end = k; /* past the words of the figure */
    if (pre) {
        money = 1;
    } else {
        size_t q = k;
        if (q < lim && bcx_lex_find(c, C_CUR_ADJ, q, &e) > 0)
            q++;
        if (q < lim && (n = bcx_lex_find(c, C_CURRENCY, q, &e)) > 0 &&
            (q == i + 1 || bcx_joined(c, q - 1))) {
            money = 1;
            end = q + n;
        }
    }
    if (money) {
        metric = bcx_sent_has(c, si, C_TURNOVER, -1) ? "trade_turnover" : "";
        unit = "USD";
    } else {
        noun = noun_after(c, k, lim, &noun_end);
        if (noun == 0 && scale == 1) {
            noun = noun_before(c, si, i, &noun_end);
            inferred = noun != 0;
        }
        if (noun == 0 || !noun_metric(c, si, noun, i, noun_end, &metric, &unit))
            return;
        if (!inferred)
            end = noun_end;
    }
    bc_xfigure *f = new_figure(c);
    if (f == NULL)
        return;
    double v = (scale > 1 && t->ambig ? t->num_alt : t->num) * scale;
    f->value = v;
    copy_str(f->metric, sizeof f->metric, metric);
    copy_str(f->unit, sizeof f->unit, unit);
    copy_str(f->qualifier, sizeof f->qualifier, qualifier_before(c, si, lead));
    const xd *d = bcx_nearest_date(c, si, i, end, 0);
    if (d != NULL)
        copy_str(f->period, sizeof f->period, d->iso);
    fill_parties(c, si, f->parties, &f->nparties);
    f->start = t->start;
    f->end = t->end;
    f->quote_start = c->se[si].qs;
    f->quote_end = c->se[si].qe;
    f->confidence =
        0.4 + (metric[0] ? (inferred ? 0.2 : 0.3) : 0) + (d ? 0.2 : 0) + (f->nparties ? 0.1 : 0);
}

void bcx_find_figures(ctx *c)
{
    for (size_t si = 0; si < c->ns && c->rc == BC_OK; si++) {
        size_t first = c->out->nfigures, t0 = c->se[si].t0, t1 = c->se[si].t1;
        for (size_t i = t0; i < t1; i++)
            if (c->t[i].kind == T_NUM && c->t[i].used == 0 && is_percent(c, si, i))
                c->t[i].used = U_PCT;
        for (size_t i = t0; i < t1 && c->rc == BC_OK; i++)
            if (c->t[i].kind == T_NUM && c->t[i].used == 0 && c->t[i].num > 0)
                figure_at(c, si, i);
        for (size_t i = t0; i < t1 && c->rc == BC_OK; i++)
            if (c->t[i].used == U_PCT)
                attach_change(c, si, i, first);
    }
}
