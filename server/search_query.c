/* search_query.c: the words of a search made into an FTS5 query that always parses (see
 * search_query.h): the text is cut into phrases, words, operators and parentheses, then
 * written back as an expression of FTS5 strings, prefixes, alias groups and operators,
 * leaving out what would not parse. */
#include "bordercoop/search_query.h"

#include "bordercoop/err.h"
#include "bordercoop/text.h"

#include <string.h>
#include <utf8proc.h>

#define MAX_ITEMS   128 /* phrases, words, operators and parentheses read; the rest ignored */
#define MAX_DEPTH   8   /* groups deeper than this are read as their contents */
#define ALIAS_SPAN  4   /* the longest run of words looked up as a name */
#define MAX_LOOKUPS 64  /* names looked up per query; the words after are plain words */
#define CJK_SPAN    6   /* the longest name looked up inside a Chinese word, in characters */

enum { I_WORD, I_PHRASE, I_AND, I_OR, I_NOT, I_OPEN, I_CLOSE };

typedef struct item {
    int kind;
    size_t at, len; /* the text: a word without what surrounds it, a phrase's inside */
    int prefix;     /* a '*' right after it */
} item;

typedef struct comp {
    const char *s; /* the query, fullwidth letters and digits narrowed */
    const item *it;
    size_t n, pos;
    int depth, skipped; /* groups open; opening parentheses left out past MAX_DEPTH */
    int lookups;        /* names looked up so far (at most MAX_LOOKUPS) */
    bc_search_alias_fn alias;
    void *ctx;
    bc_buf *out;
} comp;

/* The length of the character at s[0..n) (1 for a byte that starts none) and its code
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

static int is_space(unsigned int cp)
{
    if (cp < 0x80)
        return cp == ' ' || (cp >= '\t' && cp <= '\r');
    utf8proc_category_t c = utf8proc_category((utf8proc_int32_t)cp);
    return c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL || c == UTF8PROC_CATEGORY_ZP;
}

/* Letters, marks and digits of any script, and private-use characters: what SQLite's
 * unicode61 tokenizer keeps in a term; anything else separates terms. */
static int is_word(unsigned int cp)
{
    if (bc_text_is_letter(cp))
        return 1;
    if (cp < 0x80)
        return cp >= '0' && cp <= '9';
    switch (utf8proc_category((utf8proc_int32_t)cp)) {
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
    case UTF8PROC_CATEGORY_CO:
        return 1;
    default:
        return 0;
    }
}

/* Appends q to out with fullwidth letters and digits as ASCII ones and each byte that is
 * not UTF-8 as a space. */
static void narrow(const char *q, size_t n, bc_buf *out)
{
    for (size_t i = 0; i < n;) {
        unsigned int cp;
        size_t len = bc_utf8_decode(q + i, n - i, &cp);
        if (len == 0) {
            bc_buf_putc(out, ' ');
            i++;
            continue;
        }
        unsigned int ascii = bc_text_narrow(cp);
        if (ascii != cp)
            bc_buf_putc(out, (char)ascii);
        else
            bc_buf_append(out, q + i, len);
        i += len;
    }
}

static int has_word(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned int cp;
        i += char_at(s + i, n - i, &cp);
        if (is_word(cp))
            return 1;
    }
    return 0;
}

static int operator_of(const char *s, size_t n)
{
    if (n == 3 && memcmp(s, "AND", 3) == 0)
        return I_AND;
    if (n == 2 && memcmp(s, "OR", 2) == 0)
        return I_OR;
    if (n == 3 && memcmp(s, "NOT", 3) == 0)
        return I_NOT;
    return -1;
}

/* Cuts the n bytes at s into at most max items; returns how many. A piece between spaces,
 * quotes and parentheses is an operator when it is one, else the word from its first
 * letter or digit to its last (none: left out). */
static size_t lex(const char *s, size_t n, item *it, size_t max)
{
    size_t k = 0, i = 0;
    while (i < n && k < max) {
        unsigned int cp;
        size_t len = char_at(s + i, n - i, &cp);
        if (cp == '"') {
            size_t a = i + 1, b = a;
            while (b < n && s[b] != '"')
                b++;
            i = b < n ? b + 1 : n;
            int prefix = i < n && s[i] == '*';
            i += (size_t)prefix;
            if (has_word(s + a, b - a))
                it[k++] = (item){I_PHRASE, a, b - a, prefix};
            continue;
        }
        if (cp == '(' || cp == ')') {
            it[k++] = (item){cp == '(' ? I_OPEN : I_CLOSE, i, 1, 0};
            i++;
            continue;
        }
        if (is_space(cp)) {
            i += len;
            continue;
        }
        size_t a = i, from = 0, to = 0;
        int any = 0;
        while (i < n) {
            len = char_at(s + i, n - i, &cp);
            if (cp == '"' || cp == '(' || cp == ')' || is_space(cp))
                break;
            if (is_word(cp)) {
                if (!any)
                    from = i;
                any = 1;
                to = i + len;
            }
            i += len;
        }
        int op = operator_of(s + a, i - a);
        if (op >= 0)
            it[k++] = (item){op, a, i - a, 0};
        else if (any)
            it[k++] = (item){I_WORD, from, to - from, to < i && s[to] == '*'};
    }
    return k;
}

int bc_search_is_prefix(const char *s, size_t n)
{
    size_t letters = 0;
    for (size_t i = 0; i < n; letters++) {
        unsigned int cp;
        i += char_at(s + i, n - i, &cp);
        if (cp < 0x80 ? !((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')
                      : bc_text_is_cjk(cp) || !is_word(cp) ||
                            utf8proc_category((utf8proc_int32_t)cp) == UTF8PROC_CATEGORY_ND)
            return 0;
    }
    return letters >= 4;
}

/* Appends s as an FTS5 string ("..." with inner quotes doubled). */
static void fts_quote(bc_buf *out, const char *s, size_t n)
{
    bc_buf_putc(out, '"');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            bc_buf_putc(out, '"');
        bc_buf_putc(out, s[i]);
    }
    bc_buf_putc(out, '"');
}

static void cut(bc_buf *b, size_t len)
{
    b->len = len;
    if (b->data != NULL)
        b->data[len] = '\0';
}

/* The operator before an operand, when one came before it in its group. */
static void join(comp *c, int have, int op)
{
    if (have)
        bc_buf_puts(c->out, op == I_OR ? " OR " : op == I_NOT ? " NOT " : " AND ");
}

/* Looks up the n bytes at s as a name: its group (the alias lookup's) into group, which
 * is reset first; 1 when it names something. Nothing past MAX_LOOKUPS. */
static int lookup(comp *c, const char *s, size_t n, bc_buf *group)
{
    if (c->alias == NULL || c->lookups >= MAX_LOOKUPS)
        return 0;
    c->lookups++;
    bc_buf phrase = BC_BUF_INIT;
    bc_buf_append(&phrase, s, n);
    bc_buf_reset(group);
    int found = 0;
    if (bc_buf_failed(&phrase))
        c->out->failed = 1;
    else
        found = c->alias(c->ctx, phrase.data, group);
    if (bc_buf_failed(group))
        c->out->failed = 1;
    bc_buf_free(&phrase);
    return found && !bc_buf_failed(group);
}

/* Appends one operand (after the operator op when one came before). */
static void operand(comp *c, int *have, int *op, const char *s, size_t n)
{
    join(c, *have, *op);
    bc_buf_append(c->out, s, n);
    *have = 1;
    *op = I_AND;
}

/* Appends the words it[from, to) that name nothing: one word as its string (a prefix
 * when bc_search_is_prefix); several as their phrase OR all of them, so that a text that
 * writes them together ranks first ("Ha Khau" before "ha ... khau"). */
static void plain_run(comp *c, size_t from, size_t to, int *have, int *op)
{
    if (from == to)
        return;
    join(c, *have, *op);
    if (to - from > 1) {
        bc_buf phrase = BC_BUF_INIT;
        for (size_t k = from; k < to; k++) {
            if (k > from)
                bc_buf_putc(&phrase, ' ');
            bc_buf_append(&phrase, c->s + c->it[k].at, c->it[k].len);
        }
        if (bc_buf_failed(&phrase))
            c->out->failed = 1;
        bc_buf_putc(c->out, '(');
        fts_quote(c->out, phrase.data != NULL ? phrase.data : "", phrase.len);
        bc_buf_puts(c->out, " OR (");
        bc_buf_free(&phrase);
    }
    for (size_t k = from; k < to; k++) {
        const item *w = &c->it[k];
        if (k > from)
            bc_buf_puts(c->out, " AND ");
        fts_quote(c->out, c->s + w->at, w->len);
        if (bc_search_is_prefix(c->s + w->at, w->len))
            bc_buf_putc(c->out, '*');
    }
    if (to - from > 1)
        bc_buf_puts(c->out, "))");
    *have = 1;
    *op = I_AND;
}

/* A Chinese word (written without spaces) that holds a name of two to CJK_SPAN
 * characters: the parts before and after it as strings, the names as their groups, joined
 * by AND ("经友谊关" is "经" AND the names of 友谊关), after the plain words it[run_from,
 * run_to) that came before it. Returns 1 when it held one (all that appended), else 0
 * (nothing appended). */
static int cjk_names(comp *c, const item *w, size_t run_from, size_t run_to, int *have, int *op)
{
    const char *s = c->s + w->at;
    size_t n = w->len, done = 0, at = 0;
    int any = 0;
    bc_buf group = BC_BUF_INIT;
    while (at < n && c->lookups < MAX_LOOKUPS) {
        size_t ends[CJK_SPAN + 1], k = 0, e = at;
        while (k < CJK_SPAN && e < n) { /* the next characters while they are Chinese */
            unsigned int cp;
            size_t len = char_at(s + e, n - e, &cp);
            if (!bc_text_is_cjk(cp))
                break;
            e += len;
            ends[++k] = e;
        }
        size_t used = 0;
        for (size_t span = k; span >= 2 && used == 0; span--)
            if (lookup(c, s + at, ends[span] - at, &group))
                used = ends[span] - at;
        if (used == 0) {
            unsigned int cp;
            at += char_at(s + at, n - at, &cp);
            continue;
        }
        if (!any)
            plain_run(c, run_from, run_to, have, op);
        any = 1;
        if (has_word(s + done, at - done)) {
            join(c, *have, *op);
            fts_quote(c->out, s + done, at - done);
            *have = 1;
            *op = I_AND;
        }
        operand(c, have, op, group.data, group.len);
        at += used;
        done = at;
    }
    if (any && has_word(s + done, n - done)) {
        join(c, *have, *op);
        fts_quote(c->out, s + done, n - done);
    }
    bc_buf_free(&group);
    return any;
}

static int has_cjk(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned int cp;
        i += char_at(s + i, n - i, &cp);
        if (bc_text_is_cjk(cp))
            return 1;
    }
    return 0;
}

/* Appends the plain words it[from, to): each run of up to ALIAS_SPAN that names an entity
 * or a place (longest first) as its group of names, a name inside a Chinese word too
 * (cjk_names), the words between as plain runs (plain_run), all joined by AND, the first
 * after the operator op. */
static void plain_words(comp *c, size_t from, size_t to, int *have, int *op)
{
    bc_buf phrase = BC_BUF_INIT, group = BC_BUF_INIT;
    size_t run = from; /* the plain words not yet appended start here */
    for (size_t i = from; i < to;) {
        size_t used = 0;
        size_t most = to - i < ALIAS_SPAN ? to - i : ALIAS_SPAN;
        for (size_t span = most; span >= 1 && used == 0 && c->alias != NULL; span--) {
            bc_buf_reset(&phrase);
            for (size_t k = i; k < i + span; k++) {
                if (k > i)
                    bc_buf_putc(&phrase, ' ');
                bc_buf_append(&phrase, c->s + c->it[k].at, c->it[k].len);
            }
            if (bc_buf_failed(&phrase)) {
                c->out->failed = 1;
                break;
            }
            if (lookup(c, phrase.data, phrase.len, &group))
                used = span;
        }
        if (used > 0) {
            plain_run(c, run, i, have, op);
            operand(c, have, op, group.data, group.len);
            i += used;
            run = i;
        } else if (has_cjk(c->s + c->it[i].at, c->it[i].len) &&
                   cjk_names(c, &c->it[i], run, i, have, op)) {
            i++;
            run = i;
        } else {
            i++;
        }
    }
    plain_run(c, run, to, have, op);
    bc_buf_free(&phrase);
    bc_buf_free(&group);
}

/* Appends the items from c->pos to the end of the group (its closing parenthesis, or
 * the end); returns 1 when it appended an operand. */
static int group(comp *c)
{
    int have = 0, op = I_AND;
    while (c->pos < c->n) {
        const item *x = &c->it[c->pos];
        if (x->kind == I_CLOSE) {
            c->pos++;
            if (c->skipped > 0)
                c->skipped--;
            else if (c->depth > 0)
                return have;
            continue; /* one too many at the top: left out */
        }
        if (x->kind == I_AND || x->kind == I_OR || x->kind == I_NOT) {
            if (have)
                op = x->kind; /* after nothing: left out; the last of several wins */
            c->pos++;
            continue;
        }
        if (x->kind == I_OPEN) {
            c->pos++;
            if (c->depth >= MAX_DEPTH) {
                c->skipped++;
                continue;
            }
            size_t mark = c->out->len;
            join(c, have, op);
            bc_buf_putc(c->out, '(');
            c->depth++;
            int got = group(c);
            c->depth--;
            if (got) {
                bc_buf_putc(c->out, ')');
                have = 1;
                op = I_AND;
            } else {
                cut(c->out, mark); /* "()": left out */
            }
            continue;
        }
        if (x->kind == I_PHRASE || x->prefix) {
            join(c, have, op);
            fts_quote(c->out, c->s + x->at, x->len);
            if (x->prefix)
                bc_buf_putc(c->out, '*');
            have = 1;
            op = I_AND;
            c->pos++;
            continue;
        }
        size_t end = c->pos;
        while (end < c->n && c->it[end].kind == I_WORD && !c->it[end].prefix)
            end++;
        plain_words(c, c->pos, end, &have, &op);
        c->pos = end;
    }
    return have;
}

int bc_search_compile(const char *q, size_t n, bc_search_alias_fn alias, void *ctx, bc_buf *out)
{
    bc_buf narrowed = BC_BUF_INIT;
    narrow(q, n, &narrowed);
    size_t start = out->len;
    int rc = BC_OK;
    if (bc_buf_failed(&narrowed)) {
        out->failed = 1;
        rc = BC_ENOMEM;
    } else {
        item it[MAX_ITEMS];
        const char *s = narrowed.data != NULL ? narrowed.data : "";
        comp c = {s, it, lex(s, narrowed.len, it, MAX_ITEMS), 0, 0, 0, 0, alias, ctx, out};
        int have = group(&c);
        if (bc_buf_failed(out))
            rc = BC_ENOMEM;
        else if (!have) {
            cut(out, start);
            rc = BC_EINVAL;
        }
    }
    bc_buf_free(&narrowed);
    return rc;
}
