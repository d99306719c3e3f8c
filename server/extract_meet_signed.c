/* extract_meet_signed.c: talks a document was signed at, told right after the signing
 * ("Afgelopen dinsdag ondertekenden Mong Cai en Dongxing een memorandum ... Het akkoord werd
 * gesloten tijdens gesprekken in Mong Cai tussen ...", "... yesterday signed a memorandum ...
 * The document was signed by ... at talks in Mong Cai"): the sentence that names the talks
 * points back at the document with its noun and says it was signed at them, so they took
 * place on the day of the signing the sentence before tells; so with an agreement made at
 * them ("hebben dinsdagochtend 2 augustus afgesproken ... De afspraak werd gemaakt tijdens
 * besprekingen in de provinciehoofdstad"). */
#include "extract_int.h"

/* 1 when one of the words of list is at token k, before lim. */
static int one_of(const ctx *c, size_t k, size_t lim, const char *const *list)
{
    for (int w = 0; list[w]; w++)
        if (bcx_words_at(c, k, lim, list[w]) > 0)
            return 1;
    return 0;
}

const xd *bcx_signed_at_talks(const ctx *c, const mention *m)
{
    static const char *const art[] = {"the", "het", "de", "dat", "dit", "that", "this", NULL};
    static const char *const doc[] = {
        "document",     "memorandum", "agreement",          "deal",     "pact", "accord", "akkoord",
        "overeenkomst", "afspraak",   "intentieverklaring", "protocol", NULL};
    /* signed, or agreed ("De afspraak werd gemaakt tijdens besprekingen", "The agreement was
     * reached at talks") */
    static const char *const signed_[] = {"signed",   "concluded", "inked",      "ondertekend",
                                          "getekend", "gesloten",  "afgesloten", "reached",
                                          "gemaakt",  "bereikt",   NULL};
    static const char *const signing[] = {
        "signed", "inked", "ondertekenden", "ondertekende", "tekenden",       "tekende",
        "sloten", "sloot", "agreed",        "afgesproken",  "overeengekomen", NULL};
    size_t si = m->sent;
    if ((c->lbit != L_EN && c->lbit != L_NL) || m->xkind != BC_XM_TALKS || si == 0 ||
        c->se[si].d0 != c->se[si].d1)
        return NULL;
    size_t s0 = c->se[si].t0, hi = c->se[si].t1, verb = 0;
    /* "The document was signed ... at talks", "Het akkoord werd gesloten tijdens gesprekken" */
    if (!one_of(c, s0, hi, art) || s0 + 1 >= hi || !one_of(c, s0 + 1, hi, doc))
        return NULL;
    for (size_t k = s0 + 2; k < m->t0 && verb == 0; k++)
        if (one_of(c, k, hi, signed_))
            verb = k + 1;
    if (verb == 0 || bcx_commas(c, verb - 1, m->t0) > 0)
        return NULL;
    /* the nearest of the two sentences before that signs, none between with a date or a
     * meeting ("... hebben op 2 augustus afgesproken ... . Ha Giang trekt voor de aanleg 85
     * miljard dong uit."), and its one day */
    size_t ps = si;
    int signs = 0;
    while (!signs && ps > 0 && ps + 2 > si) {
        ps--;
        if (c->se[ps].heading || c->se[ps].nment > 0)
            return NULL;
        for (size_t k = c->se[ps].t0; k < c->se[ps].t1 && !signs; k++)
            signs = one_of(c, k, c->se[ps].t1, signing);
        if (!signs && c->se[ps].d0 != c->se[ps].d1)
            return NULL;
    }
    const xd *day = NULL;
    for (size_t k = c->se[ps].d0; signs && k < c->se[ps].d1; k++) {
        const xd *d = &c->d[k];
        if (d->prec != 3)
            continue; /* a figure's year ("worth $4.23 billion last year") */
        if (day != NULL || d->same_day || d->rel || d->span[0] || d->dateline ||
            bcx_future_at(c, d->t0))
            return NULL;
        day = d;
    }
    return day;
}
