/* extract_meet_opened.c: a Dutch opening in the perfect whose subject is the two sides, with
 * no "samen" ("De Vietnamese grensprovincie Lang Son en de Chinese autonome regio Guangxi
 * hebben donderdagavond een verbrede vrachtroute ... in gebruik genomen"): a ceremony of the
 * two, as English "Lang Son and Guangxi on Thursday inaugurated a ..." is. */
#include "extract_int.h"

int bcx_nl_sides_have_opened(const ctx *c, size_t si, size_t i)
{
    static const char *const have[] = {"hebben", "hadden", NULL};
    size_t lo = c->se[si].t0, hi = c->se[si].t1, first = SIZE_MAX, last = 0, aux = 0;
    int vn = 0, cn = 0, day = 0;
    if (c->lbit != L_NL)
        return 0;
    /* "hebben" before the participle, its clause unbroken up to it */
    for (size_t k = lo; k < i && aux == 0; k++)
        for (int w = 0; have[w] && aux == 0; w++)
            if (bcx_word_is(c, k, hi, have[w]))
                aux = k + 1;
    if (aux == 0)
        return 0;
    aux--;
    /* a province or border place of each side before it, the last right before it */
    for (size_t q = c->se[si].h0; q < c->se[si].h1; q++) {
        const hit *h = &c->h[q];
        int side = h->entity == E_PROVINCE ? (bcx_province_cn(c, h->id) ? -1 : 1)
                   : h->entity == E_PLACE  ? (h->id[0] == 'C' ? -1 : 1)
                                           : 0;
        if (side == 0 || h->t1 > aux)
            continue;
        vn = vn || side > 0;
        cn = cn || side < 0;
        first = h->t0 < first ? h->t0 : first;
        last = h->t1 > last ? h->t1 : last;
    }
    if (!vn || !cn || last != aux)
        return 0;
    for (size_t k = first; k < i; k++)
        if ((bcx_gap(c, k) & (G_COMMA | G_DOT)) || bcx_lex_find(c, C_PAIR, k, NULL) > 0)
            return 0;
    /* an act of one day ("donderdagavond"), not "hebben tien grensposten geopend" */
    for (size_t k = c->se[si].d0; k < c->se[si].d1 && !day; k++)
        day = c->d[k].prec == 3 && c->d[k].t0 > aux && c->d[k].t1 <= i;
    return day;
}
