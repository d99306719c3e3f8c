/* extract.c: the entry points of the extractor (extract.h): the text is cut into
 * sentences and tokens (extract_tok.c); dates (extract_date.c), figures (extract_fig.c),
 * meetings (extract_meet.c) and gate pairs (extract_gate.c) are then found with the word
 * tables of extract_lang.c and the gazetteer (gazetteer.c). */
#include "bordercoop/extract.h"

#include "bordercoop/alloc.h"
#include "bordercoop/date.h"
#include "bordercoop/text.h"
#include "extract_int.h"

#include <string.h>

const char *const bc_extract_langs[] = {"en", "vi", "pl", "sv", "nl", NULL};

void bc_extraction_free(bc_extraction *ex)
{
    if (ex == NULL)
        return;
    bc_free(ex->figures);
    bc_free(ex->meetings);
    bc_free(ex->gates);
    bc_free(ex->dates);
    memset(ex, 0, sizeof *ex);
}

static unsigned lang_bit(const char *lang)
{
    static const struct {
        const char *code;
        unsigned bit;
    } map[] = {{"en", L_EN}, {"vi", L_VI}, {"pl", L_PL}, {"sv", L_SV}, {"nl", L_NL}};
    for (size_t i = 0; lang && i < sizeof map / sizeof map[0]; i++)
        if (strcmp(lang, map[i].code) == 0)
            return map[i].bit;
    return 0;
}

/* The reference date: "YYYY", "YYYY-MM" or "YYYY-MM-DD"; anything else is ignored. */
static void parse_ref(ctx *c, const char *ref)
{
    bc_date d;
    if (ref == NULL || bc_date_parse(ref, &d, NULL) != BC_OK)
        return;
    c->ry = d.year;
    if (d.precision >= BC_PREC_MONTH)
        c->rm = (d.text[5] - '0') * 10 + (d.text[6] - '0');
    if (d.precision == BC_PREC_DAY)
        c->rd = (d.text[8] - '0') * 10 + (d.text[9] - '0');
}

static void emit_dates(ctx *c)
{
    bc_extraction *o = c->out;
    if (c->nd == 0)
        return;
    o->dates = bc_calloc(c->nd, sizeof *o->dates);
    if (o->dates == NULL) {
        c->rc = BC_ENOMEM;
        return;
    }
    for (size_t k = 0; k < c->nd; k++) {
        copy_str(o->dates[k].iso, sizeof o->dates[k].iso, c->d[k].iso);
        o->dates[k].start = c->t[c->d[k].t0].start;
        o->dates[k].end = c->t[c->d[k].t1 - 1].end;
    }
    o->ndates = c->nd;
}

int bc_extract_lang_known(const char *lang)
{
    return lang_bit(lang) != 0;
}

int bc_extract(const char *text, size_t len, const char *lang, const char *reference_date,
               const bc_gazetteer *g, bc_extraction *out, bc_err *err)
{
    ctx c;
    memset(&c, 0, sizeof c);
    if (out == NULL)
        return bc_err_set(err, BC_EINVAL, "bc_extract: no result");
    memset(out, 0, sizeof *out);
    c.lang = lang_bit(lang);
    if (c.lang == 0)
        return bc_err_set(err, BC_EINVAL, "unknown language '%.16s' (en, vi, pl, sv, nl)",
                          lang ? lang : "(null)");
    if (text == NULL && len > 0)
        return bc_err_set(err, BC_EINVAL, "bc_extract: no text");
    if (len > 0 && !bc_utf8_valid(text, len))
        return bc_err_set(err, BC_EINVAL, "the text is not valid UTF-8");
    c.s = text ? text : "";
    c.n = len;
    c.g = g;
    c.out = out;
    parse_ref(&c, reference_date);
    c.rc = bcx_build_index(&c);
    if (c.rc == BC_OK)
        bcx_split_sentences(&c);
    if (c.rc == BC_OK)
        bcx_tokenize(&c);
    if (c.rc == BC_OK) {
        bcx_assign_sentences(&c);
        bcx_find_names(&c);
    }
    if (c.rc == BC_OK)
        bcx_find_dates(&c);
    if (c.rc == BC_OK)
        bcx_find_mentions(&c);
    if (c.rc == BC_OK)
        bcx_find_figures(&c);
    if (c.rc == BC_OK) {
        bcx_resolve_mentions(&c);
        bcx_emit_meetings(&c);
    }
    if (c.rc == BC_OK)
        bcx_find_gates(&c);
    if (c.rc == BC_OK)
        emit_dates(&c);
    bc_buf_free(&c.fold);
    bc_free(c.ix);
    bc_free(c.t);
    bc_free(c.se);
    bc_free(c.d);
    bc_free(c.h);
    bc_free(c.m);
    if (c.rc != BC_OK) {
        bc_extraction_free(out);
        bc_err_set(err, c.rc, "out of memory extracting facts");
    }
    return c.rc;
}
