/* extract_fig_head.c: a headline's round bound and the body's amount it rounds are one
 * fact ("凭祥前5个月外贸进出口超千亿元" over "进出口总额达1002.6亿元人民币", "Trade tops
 * 1 billion USD" over "1.02 billion USD"): the body's statement is kept, with the
 * headline's quote. */
#include "bordercoop/date.h"
#include "extract_int.h"

#include <math.h>
#include <string.h>

/* 1 when v has at most two significant digits (1e11, 2.5e9): a round figure. */
static int round_value(double v)
{
    if (v <= 0)
        return 0;
    double p = pow(10, floor(log10(v)) - 1);
    return fabs(v / p - floor(v / p + 0.5)) < 1e-6;
}

/* 1 when periods a and b may be one: equal, one missing, or one inside the other. */
static int periods_fit(const char *a, const char *b)
{
    bc_period pa, pb;
    if (a[0] == '\0' || b[0] == '\0' || strcmp(a, b) == 0)
        return 1;
    if (bc_period_parse(a, &pa, NULL) != BC_OK || bc_period_parse(b, &pb, NULL) != BC_OK)
        return 0;
    return (strcmp(pa.start, pb.start) <= 0 && strcmp(pb.end, pa.end) <= 0) ||
           (strcmp(pb.start, pa.start) <= 0 && strcmp(pa.end, pb.end) <= 0);
}

/* 1 when figure f is an amount of money a statement of its own measures (no range end, no
 * conversion, rate or change). */
static int plain_money(const bc_xfigure *f)
{
    return f->money == 1 && !f->range && !f->conversion && !f->rate && !f->change_amount;
}

/* 1 when body amount b lies where headline bound h says: over it by at most 5 %, or under
 * it by at most 5 % for "nearly". */
static int within_bound(const bc_xfigure *h, const bc_xfigure *b)
{
    if (strcmp(h->qualifier, "over") == 0)
        return b->value > h->value && b->value <= h->value * 1.05;
    if (strcmp(h->qualifier, "nearly") == 0)
        return b->value < h->value && b->value >= h->value * 0.95;
    return 0;
}

void bcx_fig_merge_heading_bounds(ctx *c)
{
    bc_extraction *o = c->out;
    size_t w = 0, gone = 0;
    for (size_t i = 0; i < o->nfigures; i++) {
        bc_xfigure *h = &o->figures[i];
        size_t into = SIZE_MAX, found = 0;
        if (h->heading != 1 || !plain_money(h) || !round_value(h->value))
            continue;
        for (size_t k = 0; k < o->nfigures && found < 2; k++) {
            const bc_xfigure *b = &o->figures[k];
            if (k == i || b->heading || !plain_money(b) || strcmp(b->unit, h->unit) != 0 ||
                b->target != h->target || !within_bound(h, b) ||
                !periods_fit(h->period, b->period) ||
                !(h->metric[0] == '\0' || b->metric[0] == '\0' ||
                  strcmp(h->metric, b->metric) == 0))
                continue;
            into = k;
            found++;
        }
        if (found != 1)
            continue;
        bc_xfigure *b = &o->figures[into];
        bcx_cite_merge(&b->cite, &h->cite);
        b->heading = 2; /* first stated in the headline; marked until the pass ends */
        if (b->metric[0] == '\0') {
            memcpy(b->metric, h->metric, sizeof b->metric);
            b->metric_inferred = h->metric_inferred;
        }
        h->money = -1; /* the headline's statement goes */
        gone++;
    }
    for (size_t i = 0; gone > 0 && i < o->nfigures; i++) {
        if (o->figures[i].money < 0)
            continue;
        if (o->figures[i].heading == 2)
            o->figures[i].heading = 1;
        if (w != i)
            o->figures[w] = o->figures[i];
        w++;
    }
    if (gone > 0)
        o->nfigures = w;
}
