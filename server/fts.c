/* fts.c: the bc_fold FTS5 tokenizer (see fts.h). */
#include "bordercoop/fts.h"

#include "bordercoop/alloc.h"
#include "bordercoop/buf.h"
#include "bordercoop/text.h"

#include <string.h>

typedef struct fold_tokenizer {
    fts5_tokenizer base;  /* unicode61's methods */
    Fts5Tokenizer *inner; /* unicode61 instance */
} fold_tokenizer;

typedef struct fold_call {
    void *ctx;
    int (*x_token)(void *, int, const char *, int, int, int);
    bc_buf folded;
} fold_call;

static int fold_create(void *user, const char **argv, int argc, Fts5Tokenizer **out)
{
    fts5_api *api = user;
    void *inner_user = NULL;
    fts5_tokenizer inner;
    int rc = api->xFindTokenizer(api, "unicode61", &inner_user, &inner);
    if (rc != SQLITE_OK)
        return rc;
    fold_tokenizer *t = bc_calloc(1, sizeof *t);
    if (t == NULL)
        return SQLITE_NOMEM;
    t->base = inner;
    /* unicode61 does the splitting and lower-casing; diacritics are removed below */
    static const char *const args[] = {"remove_diacritics", "0"};
    (void)argv;
    (void)argc;
    rc = inner.xCreate(inner_user, (const char **)args, 2, &t->inner);
    if (rc != SQLITE_OK) {
        bc_free(t);
        return rc;
    }
    *out = (Fts5Tokenizer *)t;
    return SQLITE_OK;
}

static void fold_delete(Fts5Tokenizer *p)
{
    fold_tokenizer *t = (fold_tokenizer *)p;
    if (t == NULL)
        return;
    t->base.xDelete(t->inner);
    bc_free(t);
}

static int fold_token(void *pctx, int flags, const char *token, int n, int start, int end)
{
    fold_call *c = pctx;
    bc_buf_reset(&c->folded);
    int rc = bc_text_fold(token, (size_t)n, &c->folded);
    if (rc == BC_ENOMEM)
        return SQLITE_NOMEM;
    if (rc != BC_OK || c->folded.len == 0) /* not UTF-8: index the bytes as they are */
        return c->x_token(c->ctx, flags, token, n, start, end);
    return c->x_token(c->ctx, flags, c->folded.data, (int)c->folded.len, start, end);
}

static int fold_tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *text, int n,
                         int (*x_token)(void *, int, const char *, int, int, int))
{
    fold_tokenizer *t = (fold_tokenizer *)p;
    fold_call c = {ctx, x_token, BC_BUF_INIT};
    int rc = t->base.xTokenize(t->inner, &c, flags, text, n, fold_token);
    bc_buf_free(&c.folded);
    return rc;
}

int bc_fts_register(sqlite3 *db, bc_err *err)
{
    fts5_api *api = NULL;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
        return bc_err_set(err, BC_ESTORE, "FTS5 is not available: %s", sqlite3_errmsg(db));
    sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
    sqlite3_step(st);
    sqlite3_finalize(st);
    if (api == NULL)
        return bc_err_set(err, BC_ESTORE, "FTS5 is not available");
    static fts5_tokenizer methods = {fold_create, fold_delete, fold_tokenize};
    if (api->xCreateTokenizer(api, "bc_fold", api, &methods, NULL) != SQLITE_OK)
        return bc_err_set(err, BC_ESTORE, "cannot register the bc_fold tokenizer: %s",
                          sqlite3_errmsg(db));
    return BC_OK;
}
