/* extract_fixture.h: helpers the extractor's unit tests share (test_extract*.c,
 * test_gazetteer.c): the gazetteer of data/, a run of bc_extract that fails the test on
 * error, and finders for facts by value, number or sides. Include after fixture.h. */
#ifndef BC_TEST_EXTRACT_FIXTURE_H
#define BC_TEST_EXTRACT_FIXTURE_H

#include "bordercoop/alloc.h"
#include "bordercoop/extract.h"
#include "bordercoop/gazetteer.h"

#include <math.h>

static bc_store *XS;
static bc_gazetteer *G;

static inline int xf_setup(void **state)
{
    (void)state;
    bc_err err;
    XS = fx_store_from(fx_data_dir());
    assert_int_equal(bc_gazetteer_load(XS, &G, &err), 0);
    return 0;
}

static inline int xf_teardown(void **state)
{
    (void)state;
    bc_gazetteer_free(G);
    bc_store_close(XS);
    return 0;
}

static inline int xf_reset_alloc(void **state)
{
    (void)state;
    bc_alloc_fail_reset();
    return 0;
}

/* Extracts text (the whole string) with data/'s gazetteer; fails the test on error. */
static inline bc_extraction run(const char *lang, const char *ref, const char *text)
{
    bc_extraction x;
    bc_err err;
    int rc = bc_extract(text, strlen(text), lang, ref, G, &x, &err);
    if (rc != 0)
        fail_msg("bc_extract(%s): %s", lang, err.msg);
    return x;
}

/* The meetings of text in language lang, read with reference date ref: exactly one, held and
 * dated want, or none at all when want is NULL; fails the test otherwise. */
static inline void expect_one_held(const char *lang, const char *ref, const char *text,
                                   const char *want)
{
    bc_extraction x = run(lang, ref, text);
    if (want == NULL ? x.nmeetings != 0
                     : x.nmeetings != 1 || strcmp(x.meetings[0].date, want) != 0 ||
                           strcmp(x.meetings[0].status, "held") != 0)
        fail_msg("%s: %zu meetings, first '%s', want '%s'", text, x.nmeetings,
                 x.nmeetings ? x.meetings[0].date : "-", want ? want : "none");
    bc_extraction_free(&x);
}

/* The figure of value (money or count), failing the test when there is none. */
static inline const bc_xfigure *fig(const bc_extraction *x, double value)
{
    for (size_t i = 0; i < x->nfigures; i++)
        if (fabs(x->figures[i].value - value) <= 1e-6 * fabs(value) + 1e-9)
            return &x->figures[i];
    fail_msg("no figure of value %.2f among %zu", value, x->nfigures);
    return NULL;
}

static inline int has_fig(const bc_extraction *x, double value)
{
    for (size_t i = 0; i < x->nfigures; i++)
        if (fabs(x->figures[i].value - value) <= 1e-6 * fabs(value) + 1e-9)
            return 1;
    return 0;
}

/* The date of x written iso, or NULL. */
static inline const bc_xdate *date_of(const bc_extraction *x, const char *iso)
{
    for (size_t i = 0; i < x->ndates; i++)
        if (strcmp(x->dates[i].iso, iso) == 0)
            return &x->dates[i];
    return NULL;
}

/* One sentence, the date it must yield, and whether that date is inferred. */
typedef struct xdate_case {
    const char *lang, *text, *iso;
    int inferred;
} xdate_case;

/* Runs each case against the reference date ref; fails on a missing date or a wrong
 * inferred mark. */
static inline void expect_dates(const xdate_case *cases, size_t n, const char *ref)
{
    for (size_t i = 0; i < n; i++) {
        bc_extraction x = run(cases[i].lang, ref, cases[i].text);
        const bc_xdate *d = date_of(&x, cases[i].iso);
        if (d == NULL)
            fail_msg("%s: no date %s (%zu dates, first %s)", cases[i].text, cases[i].iso, x.ndates,
                     x.ndates ? x.dates[0].iso : "-");
        if (d->inferred != cases[i].inferred)
            fail_msg("%s: %s inferred %d", cases[i].text, cases[i].iso, d->inferred);
        bc_extraction_free(&x);
    }
}

/* The meeting of mechanism mech ("" none) and number ord (0 none). */
static inline const bc_xmeeting *meet(const bc_extraction *x, const char *mech, int ord)
{
    for (size_t i = 0; i < x->nmeetings; i++)
        if (strcmp(x->meetings[i].mechanism, mech) == 0 && x->meetings[i].ordinal == ord)
            return &x->meetings[i];
    fail_msg("no meeting '%s' %d among %zu", mech, ord, x->nmeetings);
    return NULL;
}

static inline const bc_xgate *gate(const bc_extraction *x, const char *vn, const char *cn)
{
    for (size_t i = 0; i < x->ngates; i++)
        if (strcmp(x->gates[i].vn_side, vn) == 0 && strcmp(x->gates[i].cn_side, cn) == 0)
            return &x->gates[i];
    fail_msg("no gate %s / %s among %zu", vn, cn, x->ngates);
    return NULL;
}

static inline int has_date(const bc_extraction *x, const char *iso)
{
    for (size_t i = 0; i < x->ndates; i++)
        if (strcmp(x->dates[i].iso, iso) == 0)
            return 1;
    return 0;
}

static inline int has_party(const bc_xfigure *f, const char *id)
{
    for (int i = 0; i < f->nparties; i++)
        if (strcmp(f->parties[i], id) == 0)
            return 1;
    return 0;
}

static inline void assert_fig(const bc_xfigure *f, const char *metric, const char *unit,
                              const char *qualifier, const char *period)
{
    assert_string_equal(f->metric, metric);
    assert_string_equal(f->unit, unit);
    assert_string_equal(f->qualifier, qualifier);
    assert_string_equal(f->period, period);
}

/* The quote [qs, qe) of text is exactly want. */
static inline void assert_quote(const char *text, size_t qs, size_t qe, const char *want)
{
    size_t n = strlen(want);
    if (qe - qs != n || memcmp(text + qs, want, n) != 0)
        fail_msg("quote is '%.*s', want '%s'", (int)(qe - qs), text + qs, want);
}

#endif
