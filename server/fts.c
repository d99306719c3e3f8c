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
    const char *text; /* the text being tokenized: a token's own bytes are text[start, end) */
    int n;
    int document; /* tokenizing a document or reading it for highlight(), not a query */
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

/* The length of the UTF-8 sequence at s[0..n) (1 for a byte that starts none) and its code
 * point in *cp (0 for such a byte). */
static size_t char_at(const char *s, size_t n, unsigned int *cp)
{
    size_t len = bc_utf8_decode(s, n, cp);
    if (len == 0) {
        *cp = 0;
        len = 1;
    }
    return len;
}

/* Folds the n bytes at token (bc_text_fold_search: fullwidth letters and digits as ASCII
 * ones) and hands them on as one term at [start, end). */
static int emit_folded(fold_call *c, int flags, const char *token, int n, int start, int end)
{
    bc_buf_reset(&c->folded);
    int rc = bc_text_fold_search(token, (size_t)n, &c->folded);
    if (rc == BC_ENOMEM)
        return SQLITE_NOMEM;
    if (rc != BC_OK || c->folded.len == 0) /* not UTF-8: index the bytes as they are */
        return c->x_token(c->ctx, flags, token, n, start, end);
    return c->x_token(c->ctx, flags, c->folded.data, (int)c->folded.len, start, end);
}

/* The term a document's run of Chinese starts with: no query can write it (a control
 * character, which unicode61 never hands on), so a phrase of characters never matches
 * across the punctuation between two runs ("会谈。双方" holds no "会谈双方"). */
static const char RUN_MARK[] = "\x1f";

/* A token of the article's own bytes with a Chinese or Japanese character in it
 * (bc_text_is_cjk: written without spaces, so a word is the phrase of its characters, and
 * "会谈" finds "...举行会谈。"): each such character is a term, and each run of other
 * letters between them one more. In a document (not a query) the token starts with
 * RUN_MARK, at no width. */
static int emit_split(fold_call *c, int flags, int start, int end)
{
    int run = start, rc = SQLITE_OK;
    if (c->document)
        rc = c->x_token(c->ctx, 0, RUN_MARK, 1, start, start);
    for (int i = start; i < end && rc == SQLITE_OK;) {
        unsigned int cp;
        int len = (int)char_at(c->text + i, (size_t)(end - i), &cp);
        if (!bc_text_is_cjk(cp)) {
            i += len;
            continue;
        }
        if (run < i)
            rc = emit_folded(c, flags, c->text + run, i - run, run, i);
        if (rc == SQLITE_OK)
            rc = c->x_token(c->ctx, flags, c->text + i, len, i, i + len);
        i += len;
        run = i;
    }
    if (rc == SQLITE_OK && run < end)
        rc = emit_folded(c, flags, c->text + run, end - run, run, end);
    return rc;
}

static int fold_token(void *pctx, int flags, const char *token, int n, int start, int end)
{
    fold_call *c = pctx;
    if (start >= 0 && end <= c->n && start < end) {
        for (int i = start; i < end;) {
            unsigned int cp;
            i += (int)char_at(c->text + i, (size_t)(end - i), &cp);
            if (bc_text_is_cjk(cp))
                return emit_split(c, flags, start, end);
        }
    }
    return emit_folded(c, flags, token, n, start, end);
}

static int fold_tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *text, int n,
                         int (*x_token)(void *, int, const char *, int, int, int))
{
    fold_tokenizer *t = (fold_tokenizer *)p;
    fold_call c = {ctx, x_token, text, n, (flags & FTS5_TOKENIZE_QUERY) == 0, BC_BUF_INIT};
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
