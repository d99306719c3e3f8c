/* fuzz_extract.c: libFuzzer target for bc_extract. The first byte picks the language
 * (byte % the number of bc_extract_langs), the rest is the article text; the gazetteer
 * comes from a store built once in memory from data/. Checks every offset lies inside
 * the text (start <= end <= len), every fact has one to BC_X_MAX_QUOTES quotes, every
 * string field is NUL-terminated and figures have finite values and a confidence in
 * 0..1; language detection must answer one of the languages or refuse. */
#include "bordercoop/extract.h"
#include "bordercoop/gazetteer.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_NAME "fuzz_extract"
#include "fuzz_common.h"

static bc_store *store;
static bc_gazetteer *gazetteer;
static size_t nlangs;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    store = fuzz_store(fuzz_data_dir());
    bc_err err;
    if (bc_gazetteer_load(store, &gazetteer, &err) != BC_OK)
        die("gazetteer", err.msg);
    while (bc_extract_langs[nlangs] != NULL)
        nlangs++;
    return 0;
}

#define CHECK(cond, what, i)                                                                       \
    do {                                                                                           \
        if (!(cond)) {                                                                             \
            fprintf(stderr, "fuzz_extract: %s[%zu]: %s fails (lang %s, len %zu)\n", what,          \
                    (size_t)(i), #cond, lang, len);                                                \
            abort();                                                                               \
        }                                                                                          \
    } while (0)
#define TERMINATED(field) (memchr((field), '\0', sizeof(field)) != NULL)
#define CITED(cite, len)                                                                           \
    ((cite).nquotes >= 1 && (cite).nquotes <= BC_X_MAX_QUOTES &&                                   \
     (cite).mentions >= (cite).nquotes && cites_inside(&(cite), (len)))

static int cites_inside(const bc_xcite *c, size_t len)
{
    for (int i = 0; i < c->nquotes; i++)
        if (c->q[i].start >= c->q[i].end || c->q[i].end > len ||
            c->q[i].end - c->q[i].start > BC_X_MAX_SENTENCE)
            return 0;
    return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const char *lang = bc_extract_langs[data[0] % nlangs];
    /* the text is the libFuzzer buffer itself: exactly len bytes, not NUL-terminated,
     * so any read past the end is a heap overflow */
    const char *text = (const char *)data + 1;
    size_t len = size - 1;
    bc_extraction x;
    bc_err err;
    char code[4];
    double sure;
    if (bc_extract_detect_lang(text, len, code, &sure) == BC_OK && !bc_extract_lang_known(code)) {
        fprintf(stderr, "fuzz_extract: detected unknown language '%s'\n", code);
        abort();
    }
    bc_err_clear(&err);
    int rc = bc_extract(text, len, lang, "2025-10-30", gazetteer, &x, &err);
    if (rc != BC_OK) {
        if ((rc != BC_EINVAL && rc != BC_ENOMEM) || err.code != rc || err.msg[0] == '\0') {
            fprintf(stderr, "fuzz_extract: rc %d with err {%d, '%s'}\n", rc, err.code, err.msg);
            abort();
        }
        return 0;
    }
    for (size_t i = 0; i < x.nfigures; i++) {
        const bc_xfigure *f = &x.figures[i];
        CHECK(CITED(f->cite, len), "figures", i);
        CHECK(f->start <= f->end && f->end <= len, "figures", i);
        CHECK(TERMINATED(f->metric) && TERMINATED(f->unit) && TERMINATED(f->qualifier) &&
                  TERMINATED(f->period) && TERMINATED(f->change_qualifier),
              "figures", i);
        CHECK(f->nparties >= 0 && f->nparties <= BC_X_MAX_PARTIES, "figures", i);
        for (int k = 0; k < f->nparties; k++)
            CHECK(TERMINATED(f->parties[k]), "figures", i);
        CHECK(f->confidence >= 0.0 && f->confidence <= 1.0, "figures", i);
        CHECK(isfinite(f->value) && (!f->has_change || isfinite(f->change_pct)), "figures", i);
    }
    for (size_t i = 0; i < x.nmeetings; i++) {
        const bc_xmeeting *m = &x.meetings[i];
        CHECK(CITED(m->cite, len), "meetings", i);
        CHECK(TERMINATED(m->mechanism) && TERMINATED(m->date) && TERMINATED(m->place) &&
                  TERMINATED(m->status),
              "meetings", i);
    }
    for (size_t i = 0; i < x.ngates; i++) {
        const bc_xgate *g = &x.gates[i];
        CHECK(CITED(g->cite, len), "gates", i);
        CHECK(TERMINATED(g->vn_side) && TERMINATED(g->cn_side) && TERMINATED(g->project), "gates",
              i);
    }
    for (size_t i = 0; i < x.ndates; i++) {
        const bc_xdate *d = &x.dates[i];
        CHECK(d->start <= d->end && d->end <= len, "dates", i);
        CHECK(TERMINATED(d->iso), "dates", i);
    }
    bc_extraction_free(&x);
    return 0;
}
