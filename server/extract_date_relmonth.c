/* extract_date_relmonth.c: a Dutch month written right after a relative year, no "in"
 * between ("Vorig jaar december ontving Wenshan een delegatie", "volgend jaar maart"): the
 * month of that year, as "december vorig jaar" is (bcx_try_month). */
#include "extract_int.h"

#include <stdio.h>

int bcx_try_rel_year_month(const ctx *c, size_t i, size_t lim, dres *r)
{
    const bc_lex *e = NULL;
    size_t rn = 0;
    if (c->lbit != L_NL || c->ry == 0)
        return 0;
    int y = bcx_rel_year(c, i, lim, &rn);
    if (y == 0 || rn == 0 || i + rn >= lim || bcx_gap(c, i + rn - 1) != G_SPACE)
        return 0;
    size_t n = bcx_lex_find(c, C_MONTH, i + rn, &e);
    if (n == 0 || e->val < 1 || e->val > 12)
        return 0;
    /* a day after the month ("vorig jaar december 12") or a year is another reading */
    size_t j = i + rn + n;
    if (j < lim && bcx_joined(c, j - 1) && c->t[j].kind == T_NUM)
        return 0;
    snprintf(r->iso, sizeof r->iso, "%04d-%02d", y, (int)e->val);
    r->n = j - i;
    r->prec = 2;
    r->inferred = 1;
    return 1;
}
