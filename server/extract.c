/* extract.c: the multilingual fact extractor behind extract.h. The text is cut into
 * sentences and tokens (words folded with bc_text_fold, numbers read with the language's
 * decimal mark); dates, figures, numbered meetings and gate pairs are then found with the
 * word tables of extract_lang.c and the gazetteer of names known to the store. */
#include "bordercoop/extract.h"

#include "bordercoop/alloc.h"
#include "bordercoop/buf.h"
#include "bordercoop/date.h"
#include "bordercoop/text.h"
#include "extract_lang.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

const char *const bc_extract_langs[] = {"en", "vi", "pl", "sv", "nl", NULL};

#define NO_SENT SIZE_MAX
#define C_COUNT (C_YEAR_WORD + 1)

/* ==== small helpers ==================================================================== */

/* Decodes the code point at s[i] (the text is known to be valid UTF-8). */
static size_t dec(const char *s, size_t n, size_t i, unsigned *cp)
{
    const unsigned char *p = (const unsigned char *)s + i;
    size_t left = n - i;
    size_t len = 1;
    *cp = p[0];
    if (p[0] >= 0xF0 && left >= 4) {
        *cp = ((p[0] & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) |
              (p[3] & 0x3Fu);
        len = 4;
    } else if (p[0] >= 0xE0 && left >= 3) {
        *cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
        len = 3;
    } else if (p[0] >= 0xC0 && left >= 2) {
        *cp = ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu);
        len = 2;
    }
    return len;
}

/* The start of the code point that ends just before byte i. */
static size_t prev_cp(const char *s, size_t i)
{
    if (i == 0)
        return 0;
    i--;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

static int is_digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

static int is_space_cp(unsigned cp)
{
    return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x202F || cp == 0x2009 || cp == 0x2007 ||
           cp == 0x3000 || cp == 0x200B;
}

static int is_dash_cp(unsigned cp)
{
    return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212;
}

static int is_letter(unsigned cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7)
        return 0;
    if ((cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x303F) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF20) ||
        (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65) || cp >= 0x1F000)
        return 0;
    return 1;
}

/* Upper-case Latin letters, including those of Polish, Swedish, Dutch and Vietnamese. */
static int is_upper(unsigned cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    if (cp >= 0xC0 && cp <= 0xDE)
        return cp != 0xD7;
    if (cp >= 0x100 && cp <= 0x137)
        return cp % 2 == 0;
    if (cp >= 0x139 && cp <= 0x148)
        return cp % 2 == 1;
    if (cp >= 0x14A && cp <= 0x177)
        return cp % 2 == 0;
    if (cp >= 0x178 && cp <= 0x17E)
        return cp == 0x178 || cp % 2 == 1;
    if (cp == 0x1A0 || cp == 0x1AF)
        return 1;
    if (cp >= 0x1EA0 && cp <= 0x1EFF)
        return cp % 2 == 0;
    if (cp >= 0x410 && cp <= 0x42F)
        return 1;
    return 0;
}

static int is_lower(unsigned cp)
{
    if (cp < 0x80)
        return cp >= 'a' && cp <= 'z';
    return is_letter(cp) && !is_upper(cp) && cp < 0x2000;
}

/* Copies n bytes of UTF-8 into dst[cap], cut at a character boundary when too long. */
static void copy_utf8(char *dst, size_t cap, const char *src, size_t n)
{
    if (n >= cap) {
        n = cap - 1;
        while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static void copy_str(char *dst, size_t cap, const char *src)
{
    copy_utf8(dst, cap, src, strlen(src));
}

/* ==== gazetteer ======================================================================== */

enum { E_PROVINCE = 1, E_PERSON, E_MECHANISM, E_PROJECT, E_MEETING };

typedef struct gz_alias {
    int entity;
    size_t id;    /* pool offset of the entity id */
    size_t words; /* pool offset of the folded words, each NUL-terminated */
    int nwords;
} gz_alias;

typedef struct gz_mech {
    size_t id;
    size_t members; /* " lai-chau yunnan " */
    int kind;       /* K_* or -1 */
} gz_mech;

typedef struct gz_project {
    size_t id;
    size_t vn, cn;           /* the sides as recorded, "" when none */
    size_t vn_keys, cn_keys; /* "|key|key|": slugs of each side and of its parts */
    unsigned kmask;          /* the PK_* words its kind implies */
} gz_project;

struct bc_gazetteer {
    bc_buf pool;
    gz_alias *al;
    size_t nal, capal;
    gz_mech *me;
    size_t nme, capme;
    gz_project *pr;
    size_t npr, cappr;
};

#define GZ(g, off) ((g)->pool.data + (off))

static size_t pool_put(bc_buf *b, const char *s, size_t n)
{
    size_t off = b->len;
    bc_buf_append(b, s, n);
    bc_buf_putc(b, '\0');
    return off;
}

static int entity_code(const char *e)
{
    static const char *const names[] = {"province", "person", "mechanism", "project", "meeting"};
    for (int i = 0; i < 5; i++)
        if (strcmp(e, names[i]) == 0)
            return i + 1;
    return 0;
}

static const char *col(sqlite3_stmt *st, int i)
{
    const char *v = (const char *)sqlite3_column_text(st, i);
    return v ? v : "";
}

static int load_aliases(bc_store *s, bc_gazetteer *g, bc_err *err)
{
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s,
                           "SELECT entity, alias, entity_id FROM aliases WHERE entity IN "
                           "('province', 'person', 'mechanism', 'project', 'meeting') "
                           "ORDER BY entity, entity_id, alias",
                           &st, err);
    if (rc != BC_OK)
        return rc;
    bc_buf key = BC_BUF_INIT;
    int step = SQLITE_DONE;
    while (rc == BC_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        const char *alias = col(st, 1), *id = col(st, 2);
        int entity = entity_code(col(st, 0));
        if (strcmp(alias, id) == 0 || entity == 0)
            continue; /* the id itself is registered as an alias: not a name in text */
        bc_buf_reset(&key);
        if (bc_text_slug(alias, strlen(alias), &key) != BC_OK || key.len == 0) {
            rc = bc_buf_failed(&key) ? BC_ENOMEM : BC_OK;
            continue;
        }
        g->al = bc_grow(g->al, &g->capal, g->nal + 1, sizeof *g->al, &rc);
        if (rc != BC_OK)
            break;
        gz_alias *a = &g->al[g->nal++];
        a->entity = entity;
        a->id = pool_put(&g->pool, id, strlen(id));
        a->nwords = 1;
        for (size_t i = 0; i < key.len; i++)
            if (key.data[i] == '-') {
                key.data[i] = '\0';
                a->nwords++;
            }
        a->words = pool_put(&g->pool, key.data, key.len);
    }
    if (rc == BC_OK && step != SQLITE_DONE)
        rc = bc_store_error(s, err, "reading aliases");
    sqlite3_reset(st);
    bc_buf_free(&key);
    return rc;
}

static int mech_kind(const char *k)
{
    return strcmp(k, "conference") == 0       ? K_CONF
           : strcmp(k, "working_group") == 0  ? K_WG
           : strcmp(k, "committee") == 0      ? K_COMMITTEE
           : strcmp(k, "spring_meeting") == 0 ? K_SPRING
                                              : -1;
}

static int load_mechanisms(bc_store *s, bc_gazetteer *g, bc_err *err)
{
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s,
                           "SELECT m.id, m.kind, ' ' || coalesce(group_concat(mm.province_id, "
                           "' '), '') || ' ' FROM mechanisms m LEFT JOIN mechanism_members mm "
                           "ON mm.mechanism_id = m.id GROUP BY m.id ORDER BY m.id",
                           &st, err);
    if (rc != BC_OK)
        return rc;
    int step = SQLITE_DONE;
    while (rc == BC_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        g->me = bc_grow(g->me, &g->capme, g->nme + 1, sizeof *g->me, &rc);
        if (rc != BC_OK)
            break;
        gz_mech *m = &g->me[g->nme++];
        m->id = pool_put(&g->pool, col(st, 0), strlen(col(st, 0)));
        m->kind = mech_kind(col(st, 1));
        m->members = pool_put(&g->pool, col(st, 2), strlen(col(st, 2)));
    }
    if (rc == BC_OK && step != SQLITE_DONE)
        rc = bc_store_error(s, err, "reading mechanisms");
    sqlite3_reset(st);
    return rc;
}

/* Appends "key|" for the slug of the n bytes at s (nothing when it has no letters). */
static void add_key(bc_buf *keys, const char *s, size_t n, bc_buf *tmp)
{
    bc_buf_reset(tmp);
    if (bc_text_slug(s, n, tmp) == BC_OK && tmp->len > 0) {
        bc_buf_append(keys, tmp->data, tmp->len);
        bc_buf_putc(keys, '|');
    } else if (bc_buf_failed(tmp)) {
        keys->failed = 1;
    }
}

/* Keys of a side. Strong ones: the whole and the whole without "(...)"; weak ones: each
 * "(...)" and each comma-separated part: "Ban Vuoc, Bat Xat" -> ban-vuoc-bat-xat;
 * ban-vuoc, bat-xat. */
static void side_keys(const char *side, bc_buf *keys, bc_buf *tmp, bc_buf *bare, int strong)
{
    size_t n = strlen(side);
    if (strong)
        add_key(keys, side, n, tmp);
    bc_buf_reset(bare);
    int depth = 0;
    size_t open = 0;
    for (size_t i = 0; i < n; i++) {
        if (side[i] == '(') {
            if (depth++ == 0)
                open = i + 1;
        } else if (side[i] == ')' && depth > 0) {
            if (--depth == 0 && !strong)
                add_key(keys, side + open, i - open, tmp);
        } else if (depth == 0) {
            bc_buf_putc(bare, side[i]);
        }
    }
    if (bare->len == 0)
        return;
    if (strong) {
        add_key(keys, bare->data, bare->len, tmp);
        return;
    }
    size_t from = 0;
    for (size_t i = 0; i <= bare->len; i++)
        if (i == bare->len || bare->data[i] == ',') {
            add_key(keys, bare->data + from, i - from, tmp);
            from = i + 1;
        }
}

static unsigned kind_mask(const char *kind)
{
    static const struct {
        const char *kind;
        unsigned mask;
    } map[] = {
        {"gate_pair", PK_GATE},
        {"traditional_opening", PK_OPENING},
        {"clearance_point", PK_CLEAR},
        {"road_bridge", PK_BRIDGE | PK_ROAD},
        {"railway_bridge", PK_BRIDGE | PK_RAIL},
        {"road", PK_ROAD},
        {"railway", PK_RAIL},
        {"transport_route", PK_ROUTE},
        {"sea_route", PK_SEA | PK_ROUTE},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcmp(kind, map[i].kind) == 0)
            return map[i].mask;
    return 0;
}

static int load_projects(bc_store *s, bc_gazetteer *g, bc_err *err)
{
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s,
                           "SELECT id, kind, coalesce(vn_side, ''), coalesce(cn_side, ''), "
                           "coalesce(vn_side_vi, ''), coalesce(cn_side_zh, '') FROM projects "
                           "ORDER BY id",
                           &st, err);
    if (rc != BC_OK)
        return rc;
    bc_buf keys = BC_BUF_INIT, tmp = BC_BUF_INIT, bare = BC_BUF_INIT;
    int step = SQLITE_DONE;
    while (rc == BC_OK && (step = sqlite3_step(st)) == SQLITE_ROW) {
        g->pr = bc_grow(g->pr, &g->cappr, g->npr + 1, sizeof *g->pr, &rc);
        if (rc != BC_OK)
            break;
        gz_project *p = &g->pr[g->npr++];
        p->id = pool_put(&g->pool, col(st, 0), strlen(col(st, 0)));
        p->kmask = kind_mask(col(st, 1));
        p->vn = pool_put(&g->pool, col(st, 2), strlen(col(st, 2)));
        p->cn = pool_put(&g->pool, col(st, 3), strlen(col(st, 3)));
        for (int side = 0; side < 2; side++) {
            bc_buf_reset(&keys);
            bc_buf_putc(&keys, '|');
            side_keys(col(st, 2 + side), &keys, &tmp, &bare, 1);
            side_keys(col(st, 4 + side), &keys, &tmp, &bare, 1);
            bc_buf_puts(&keys, "#|");
            side_keys(col(st, 2 + side), &keys, &tmp, &bare, 0);
            side_keys(col(st, 4 + side), &keys, &tmp, &bare, 0);
            size_t off = pool_put(&g->pool, keys.data, keys.len);
            if (side == 0)
                p->vn_keys = off;
            else
                p->cn_keys = off;
        }
        if (bc_buf_failed(&keys) || bc_buf_failed(&tmp) || bc_buf_failed(&bare))
            rc = BC_ENOMEM;
    }
    if (rc == BC_OK && step != SQLITE_DONE)
        rc = bc_store_error(s, err, "reading projects");
    sqlite3_reset(st);
    bc_buf_free(&keys);
    bc_buf_free(&tmp);
    bc_buf_free(&bare);
    return rc;
}

void bc_gazetteer_free(bc_gazetteer *g)
{
    if (g == NULL)
        return;
    bc_buf_free(&g->pool);
    bc_free(g->al);
    bc_free(g->me);
    bc_free(g->pr);
    bc_free(g);
}

int bc_gazetteer_load(bc_store *s, bc_gazetteer **out, bc_err *err)
{
    int rc = BC_OK;
    bc_gazetteer *g = NULL;
    if (s == NULL || out == NULL)
        return bc_err_set(err, BC_EINVAL, "bc_gazetteer_load: no store or no result");
    *out = NULL;
    g = bc_calloc(1, sizeof *g);
    if (g == NULL)
        rc = BC_ENOMEM;
    if (rc == BC_OK) {
        pool_put(&g->pool, "", 0); /* offset 0 is the empty string */
        rc = load_aliases(s, g, err);
    }
    if (rc == BC_OK)
        rc = load_mechanisms(s, g, err);
    if (rc == BC_OK)
        rc = load_projects(s, g, err);
    if (rc == BC_OK && bc_buf_failed(&g->pool))
        rc = BC_ENOMEM;
    if (rc == BC_ENOMEM)
        bc_err_set(err, BC_ENOMEM, "out of memory building the gazetteer");
    if (rc == BC_OK)
        *out = g;
    else
        bc_gazetteer_free(g);
    return rc;
}

/* ==== tokens and sentences ============================================================= */

enum { T_WORD = 1, T_NUM, T_DATE };
enum { U_DATE = 1, U_ORD, U_PCT };

typedef struct tok {
    size_t start, end; /* bytes of the text */
    size_t fo, fl;     /* folded form in ctx.fold (numbers and dates: as written) */
    size_t sent;       /* sentence index */
    double num;        /* T_NUM: the value */
    double num_alt;    /* T_NUM: the value with an ambiguous separator read as decimal */
    char iso[11];      /* T_DATE: the date */
    unsigned char kind, upper, glued, used, meet;
    unsigned char ambig, plain, integral, ndig;
} tok;

typedef struct sent {
    size_t qs, qe; /* the quote bytes */
    size_t t0, t1; /* its tokens */
} sent;

typedef struct xd {
    char iso[24];
    size_t t0, t1;
    int prec; /* 0 period, 1 year, 2 month, 3 day */
} xd;

typedef struct hit {
    size_t t0, t1;
    int entity;
    const char *id;
} hit;

typedef struct mention {
    size_t sent, t0, t1;   /* tokens of the ordinal and the noun */
    size_t noun, noun_end; /* the meeting noun */
    int noun_kind;         /* K_* named by the noun itself */
    int ord;
    int kind; /* resolved K_*, -1 when unknown */
    int own;  /* 2: kind named in its own words, 1: inferred from the article */
    const char *mech;
    char date[16];
    int date_src; /* 0 none, 1 stated in the sentence, 2 from another mention of it */
    int dup;
} mention;

typedef struct ctx {
    const char *s;
    size_t n;
    unsigned lang;
    int ry, rm, rd; /* the reference date, 0 when unknown */
    const bc_gazetteer *g;
    bc_buf fold;
    unsigned short *ix; /* lexicon entries of this language, grouped by class */
    size_t cls_lo[C_COUNT + 1];
    tok *t;
    size_t nt, capt;
    sent *se;
    size_t ns, capse;
    xd *d;
    size_t nd, capd;
    hit *h;
    size_t nh, caph;
    mention *m;
    size_t nm, capm;
    bc_extraction *out;
    size_t capfo, capmo, capgo, capdo;
    int rc;
} ctx;

#define TXT(c, i) ((c)->fold.data + (c)->t[i].fo)

static int build_index(ctx *c)
{
    size_t count[C_COUNT + 1] = {0};
    for (size_t i = 0; i < bc_lex_count; i++)
        if ((bc_lex_table[i].langs & c->lang) && bc_lex_table[i].cls < C_COUNT)
            count[bc_lex_table[i].cls]++;
    size_t total = 0;
    for (int k = 0; k < C_COUNT; k++) {
        c->cls_lo[k] = total;
        total += count[k];
    }
    c->cls_lo[C_COUNT] = total;
    c->ix = bc_malloc((total + 1) * sizeof *c->ix);
    if (c->ix == NULL)
        return BC_ENOMEM;
    size_t fill[C_COUNT] = {0};
    for (size_t i = 0; i < bc_lex_count; i++) {
        const bc_lex *e = &bc_lex_table[i];
        if ((e->langs & c->lang) && e->cls < C_COUNT)
            c->ix[c->cls_lo[e->cls] + fill[e->cls]++] = (unsigned short)i;
    }
    return BC_OK;
}

/* What the bytes between token a and token a+1 hold. */
enum {
    G_SPACE = 1,
    G_DASH = 2,
    G_DOT = 4,
    G_COMMA = 8,
    G_PAREN = 16,
    G_OTHER = 32,
    G_PCT = 64,
    G_DOLLAR = 128,
    G_OPEN = 256,
    G_CLOSE = 512,
};

static unsigned gap(const ctx *c, size_t a)
{
    unsigned f = 0;
    size_t i = c->t[a].end, e = c->t[a + 1].start;
    while (i < e) {
        unsigned cp;
        i += dec(c->s, c->n, i, &cp);
        if (is_space_cp(cp))
            f |= G_SPACE;
        else if (is_dash_cp(cp))
            f |= G_DASH;
        else if (cp == '.')
            f |= G_DOT;
        else if (cp == ',' || cp == ':' || cp == ';')
            f |= G_COMMA;
        else if (cp == '(' || cp == '[')
            f |= G_PAREN | G_OPEN;
        else if (cp == ')' || cp == ']')
            f |= G_PAREN | G_CLOSE;
        else if (cp == '%')
            f |= G_PCT;
        else if (cp == '$')
            f |= G_DOLLAR;
        else
            f |= G_OTHER;
    }
    return f;
}

/* 1 when tokens a and a+1 sit in one phrase: only spaces and hyphens between them. */
static int joined(const ctx *c, size_t a)
{
    return (gap(c, a) & ~(unsigned)(G_SPACE | G_DASH)) == 0;
}

static size_t sent_end(const ctx *c, size_t i)
{
    return c->se[c->t[i].sent].t1;
}

/* Tokens the entry matches at token i (0 when none), within [i, lim). */
static size_t lex_at(const ctx *c, const bc_lex *e, size_t i, size_t lim)
{
    const char *p = e->pat;
    size_t k = i;
    while (*p != '\0') {
        const char *sp = strchr(p, ' ');
        size_t wl = sp ? (size_t)(sp - p) : strlen(p);
        if (k >= lim || c->t[k].kind != T_WORD || (k > i && !joined(c, k - 1)))
            return 0;
        const char *w = TXT(c, k);
        size_t n = c->t[k].fl;
        int ok;
        switch (e->mode) {
        case M_EXACT:
            ok = n == wl && memcmp(w, p, wl) == 0;
            break;
        case M_PREFIX:
            ok = n >= wl && memcmp(w, p, wl) == 0;
            break;
        case M_INFIX:
            ok = bc_text_find(w, n, p, wl) >= 0;
            break;
        default:
            ok = n >= wl && memcmp(w + n - wl, p, wl) == 0;
            break;
        }
        if (!ok)
            return 0;
        k++;
        p += wl;
        if (*p == ' ')
            p++;
    }
    return k - i;
}

/* The longest entry of class cls at token i; adjacent-only entries when adj is set.
 * Returns the number of tokens (0 when none) and the entry in *out (may be NULL). */
static size_t lex_find2(const ctx *c, int cls, size_t i, int adj, const bc_lex **out)
{
    size_t best = 0;
    if (i >= c->nt || c->t[i].sent == NO_SENT)
        return 0;
    size_t lim = sent_end(c, i);
    for (size_t k = c->cls_lo[cls]; k < c->cls_lo[cls + 1]; k++) {
        const bc_lex *e = &bc_lex_table[c->ix[k]];
        if (e->adj && !adj)
            continue;
        size_t n = lex_at(c, e, i, lim);
        if (n > best) {
            best = n;
            if (out)
                *out = e;
        }
    }
    return best;
}

static size_t lex_find(const ctx *c, int cls, size_t i, const bc_lex **out)
{
    return lex_find2(c, cls, i, 0, out);
}

/* 1 when sentence si holds a phrase of class cls (val < 0: any value). */
static int sent_has(const ctx *c, size_t si, int cls, double val)
{
    const bc_lex *e = NULL;
    for (size_t i = c->se[si].t0; i < c->se[si].t1; i++)
        if (lex_find(c, cls, i, &e) > 0 && (val < 0 || e->val == val))
            return 1;
    return 0;
}

static int word_is(const ctx *c, size_t i, size_t lim, const char *w)
{
    return i < lim && c->t[i].kind == T_WORD && c->t[i].fl == strlen(w) &&
           memcmp(TXT(c, i), w, c->t[i].fl) == 0;
}

static void add_token(ctx *c, tok *t)
{
    t->glued = c->nt > 0 && c->t[c->nt - 1].end == t->start;
    t->fo = c->fold.len;
    if (t->kind == T_WORD)
        bc_text_fold(c->s + t->start, t->end - t->start, &c->fold);
    else
        bc_buf_append(&c->fold, c->s + t->start, t->end - t->start);
    t->fl = c->fold.len - t->fo;
    t->sent = NO_SENT;
    if (bc_buf_failed(&c->fold))
        c->rc = BC_ENOMEM;
    c->t = bc_grow(c->t, &c->capt, c->nt + 1, sizeof *c->t, &c->rc);
    if (c->rc == BC_OK)
        c->t[c->nt++] = *t;
}

static int digits_at(const char *s, size_t n, size_t i, size_t k)
{
    int v = 0;
    if (i + k > n)
        return -1;
    for (size_t q = 0; q < k; q++) {
        if (!is_digit(s[i + q]))
            return -1;
        v = v * 10 + (s[i + q] - '0');
    }
    return v;
}

/* Reads 1 or 2 digits at s[i]; returns the value (-1 if none) and their count in *k. */
static int one_two(const char *s, size_t n, size_t i, size_t *k)
{
    *k = 0;
    if (i >= n || !is_digit(s[i]))
        return -1;
    *k = i + 1 < n && is_digit(s[i + 1]) ? 2 : 1;
    return digits_at(s, n, i, *k);
}

/* A numeric date at s[i]: 2025-10-30, 30/10/2025, 30.10.2025, 30-10-2025 or 10/2025.
 * Returns the end of it (0 when there is none) and the ISO form in iso. */
static size_t scan_date(const ctx *c, size_t i, char iso[11])
{
    const char *s = c->s;
    size_t n = c->n, end = 0, k1, k2;
    char buf[48];
    bc_date d;
    int y = digits_at(s, n, i, 4);
    if (y >= 0 && i + 10 <= n && s[i + 4] == '-' && s[i + 7] == '-' &&
        digits_at(s, n, i + 5, 2) >= 0 && digits_at(s, n, i + 8, 2) >= 0 &&
        (i + 10 == n || !is_digit(s[i + 10]))) {
        memcpy(buf, s + i, 10);
        buf[10] = '\0';
        end = i + 10;
    }
    int a = one_two(s, n, i, &k1);
    size_t p = i + k1;
    if (end == 0 && a >= 0 && p + 1 < n && (s[p] == '/' || s[p] == '.' || s[p] == '-')) {
        char sep = s[p];
        int b = one_two(s, n, p + 1, &k2);
        size_t q = p + 1 + k2;
        if (b >= 0 && q < n && s[q] == sep && (y = digits_at(s, n, q + 1, 4)) >= 0 &&
            (q + 5 == n || !is_digit(s[q + 5]))) {
            int day = a, mon = b;
            if (c->lang == L_EN && b > 12 && a <= 12) /* 10/30/2025 */
                day = b, mon = a;
            snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mon, day);
            end = q + 5;
        } else if (sep == '/' && k2 == 0 && (y = digits_at(s, n, p + 1, 4)) >= 0 &&
                   (p + 5 == n || (!is_digit(s[p + 5]) && s[p + 5] != '/'))) {
            snprintf(buf, sizeof buf, "%04d-%02d", y, a);
            end = p + 5;
        }
    }
    if (end != 0 && bc_date_parse(buf, &d, NULL) != BC_OK)
        end = 0;
    if (end != 0)
        memcpy(iso, buf, strlen(buf) + 1);
    return end;
}

/* Bytes of a space-like separator at s[i] (space, no-break space, narrow/thin space). */
static size_t space_len(const char *s, size_t n, size_t i)
{
    unsigned cp;
    if (i >= n)
        return 0;
    size_t l = dec(s, n, i, &cp);
    return cp == ' ' || cp == 0xA0 || cp == 0x202F || cp == 0x2009 ? l : 0;
}

/* 1 when s[i..i+3) are digits not followed by another digit. */
static int three_digits(const char *s, size_t n, size_t i)
{
    return digits_at(s, n, i, 3) >= 0 && (i + 3 == n || !is_digit(s[i + 3]));
}

/* Reads the number at s[i] with the language's marks: English writes 18,000.5, the
 * others 18.000,5 or 18 000,5. A separator before exactly three digits groups
 * thousands; one that is the decimal mark of the language ("18,000" in Polish) is
 * ambiguous: num reads it as thousands, num_alt as a decimal (chosen when a scale word
 * follows: "4,420 mld"). Any other separator before digits is a decimal mark, so
 * "7.2 trieu" in Vietnamese is 7.2. */
static size_t scan_number(const ctx *c, size_t i, tok *t)
{
    const char *s = c->s;
    size_t n = c->n, j = i;
    char thou = c->lang == L_EN ? ',' : '.';
    double v = 0, alt = 0;
    int n0 = 0, groups = 0, ambig = 0, decimal = 0;
    char gsep = 0;
    while (j < n && is_digit(s[j])) {
        v = v * 10 + (s[j++] - '0');
        n0++;
    }
    for (;;) {
        size_t sl = space_len(s, n, j);
        if (sl > 0 && (groups == 0 ? n0 <= 3 : gsep == ' ') && three_digits(s, n, j + sl)) {
            v = v * 1000 + digits_at(s, n, j + sl, 3);
            j += sl + 3;
            groups++;
            gsep = ' ';
            continue;
        }
        if (j + 1 < n && (s[j] == '.' || s[j] == ',') && is_digit(s[j + 1])) {
            char sep = s[j];
            size_t k = 0;
            while (j + 1 + k < n && is_digit(s[j + 1 + k]))
                k++;
            int grp = k == 3 && (groups == 0 ? n0 <= 3 : gsep == sep);
            if (grp && (sep == thou || groups > 0)) {
                v = v * 1000 + digits_at(s, n, j + 1, 3);
                ambig = 0;
                groups++;
                gsep = sep;
                j += 4;
                continue;
            }
            if (grp) {
                alt = v + digits_at(s, n, j + 1, 3) / 1000.0;
                v = v * 1000 + digits_at(s, n, j + 1, 3);
                ambig = 1;
                groups++;
                gsep = sep;
                j += 4;
                continue;
            }
            if (groups > 0 && sep == gsep)
                break;
            double scale = 0.1;
            for (size_t q = 0; q < k; q++, scale /= 10)
                v += (s[j + 1 + q] - '0') * scale;
            j += 1 + k;
            decimal = 1;
            ambig = 0;
        }
        break;
    }
    t->kind = T_NUM;
    t->num = v;
    t->num_alt = ambig ? alt : v;
    t->ambig = (unsigned char)ambig;
    t->plain = groups == 0 && !decimal;
    t->integral = !decimal;
    t->ndig = (unsigned char)(n0 > 255 ? 255 : n0);
    return j;
}

static void tokenize(ctx *c)
{
    size_t i = 0;
    while (c->rc == BC_OK && i < c->n) {
        unsigned cp;
        size_t l = dec(c->s, c->n, i, &cp);
        tok t;
        memset(&t, 0, sizeof t);
        if (is_digit((char)cp) && cp < 0x80) {
            size_t end = scan_date(c, i, t.iso);
            if (end != 0)
                t.kind = T_DATE;
            else
                end = scan_number(c, i, &t);
            t.start = i;
            t.end = end;
            add_token(c, &t);
            i = end;
        } else if (is_letter(cp)) {
            size_t j = i + l;
            while (j < c->n) {
                unsigned cp2;
                size_t l2 = dec(c->s, c->n, j, &cp2);
                if (!is_letter(cp2))
                    break;
                j += l2;
            }
            t.kind = T_WORD;
            t.start = i;
            t.end = j;
            t.upper = (unsigned char)is_upper(cp);
            add_token(c, &t);
            i = j;
        } else {
            i += l;
        }
    }
}

/* 1 when the '.' at s[i] ends a sentence: followed by a space or the end, not by a
 * lower-case word ("11. spotkanie", "w 2024 r. i"), and not an initial ("Hau A. Lenh"). */
static int full_stop(const ctx *c, size_t i)
{
    const char *s = c->s;
    size_t j = i + 1;
    if (j >= c->n)
        return 1;
    unsigned cp;
    size_t l = dec(s, c->n, j, &cp);
    if (!is_space_cp(cp) && cp != '\n' && cp != '\r' && cp != '|')
        return 0;
    while (j < c->n && (is_space_cp(cp) || cp == '\r' || cp == '\n')) {
        j += l;
        if (j < c->n)
            l = dec(s, c->n, j, &cp);
    }
    if (j < c->n && is_lower(cp))
        return 0;
    if (i >= 1 && s[i - 1] >= 'A' && s[i - 1] <= 'Z' && (i == 1 || s[i - 2] == ' '))
        return 0;
    return 1;
}

static int trim_cp(unsigned cp)
{
    return is_space_cp(cp) || cp == '|' || cp == '\r' || cp == '\n';
}

static void add_sentence(ctx *c, size_t a, size_t b)
{
    unsigned cp;
    while (a < b) {
        size_t l = dec(c->s, c->n, a, &cp);
        if (!trim_cp(cp))
            break;
        a += l;
    }
    while (b > a) {
        size_t p = prev_cp(c->s, b);
        dec(c->s, c->n, p, &cp);
        if (!trim_cp(cp))
            break;
        b = p;
    }
    if (a >= b)
        return;
    c->se = bc_grow(c->se, &c->capse, c->ns + 1, sizeof *c->se, &c->rc);
    if (c->rc == BC_OK)
        c->se[c->ns++] = (sent){a, b, 0, 0};
}

/* Sentences end at . ! ? ; at line breaks and at the bars of table cells. */
static void split_sentences(ctx *c)
{
    size_t start = 0, i = 0;
    while (c->rc == BC_OK && i < c->n) {
        unsigned cp;
        size_t l = dec(c->s, c->n, i, &cp);
        if (cp == '\n' || cp == '\r' || cp == '|' || cp == ';') {
            add_sentence(c, start, i);
            start = i + l;
        } else if (cp == '!' || cp == '?' || cp == 0x2026 || (cp == '.' && full_stop(c, i))) {
            add_sentence(c, start, i + l);
            start = i + l;
        }
        i += l;
    }
    add_sentence(c, start, c->n);
}

/* Gives each token its sentence and each sentence its token range. */
static void assign_sentences(ctx *c)
{
    size_t k = 0;
    for (size_t i = 0; i < c->ns; i++)
        c->se[i].t0 = c->se[i].t1 = 0;
    for (size_t i = 0; i < c->nt; i++) {
        tok *t = &c->t[i];
        while (k < c->ns && c->se[k].qe <= t->start)
            k++;
        if (k < c->ns && t->start >= c->se[k].qs && t->end <= c->se[k].qe) {
            if (c->se[k].t1 == 0)
                c->se[k].t0 = i;
            c->se[k].t1 = i + 1;
            t->sent = k;
        }
    }
}

/* ==== known names ======================================================================= */

/* 1 when alias a matches at token i. Every word must equal the text's folded word except
 * the last, which may also begin a longer word: a one-word alias of five or more letters
 * matches any word it begins (Polish "Junnanem", Swedish "Yunnanprovinsen"); the last
 * word of a longer alias, of three or more letters, may take up to two more letters
 * (Swedish genitive "Lai Chaus"). */
static size_t alias_at(const ctx *c, const gz_alias *a, size_t i, size_t lim)
{
    const char *w = GZ(c->g, a->words);
    size_t k = i;
    for (int j = 0; j < a->nwords; j++, k++) {
        size_t wl = strlen(w);
        if (k >= lim || (k > i && (gap(c, k - 1) & ~(unsigned)(G_SPACE | G_DASH | G_DOT))))
            return 0;
        size_t n = c->t[k].fl;
        const char *tw = TXT(c, k);
        int last = j == a->nwords - 1;
        int ok = n == wl && memcmp(tw, w, wl) == 0;
        if (!ok && last && c->t[k].kind == T_WORD && n > wl && memcmp(tw, w, wl) == 0)
            ok = a->nwords == 1 ? wl >= 5 : wl >= 3 && n - wl <= 2;
        if (!ok)
            return 0;
        w += wl + 1;
    }
    return k - i;
}

static void find_names(ctx *c)
{
    if (c->g == NULL)
        return;
    for (size_t si = 0; si < c->ns && c->rc == BC_OK; si++)
        for (size_t i = c->se[si].t0; i < c->se[si].t1 && c->rc == BC_OK; i++)
            for (size_t a = 0; a < c->g->nal; a++) {
                const gz_alias *al = &c->g->al[a];
                const char *id = GZ(c->g, al->id);
                size_t n = alias_at(c, al, i, c->se[si].t1);
                if (n == 0)
                    continue;
                int dup = 0;
                for (size_t q = c->nh; q > 0 && !dup && c->h[q - 1].t0 == i; q--)
                    dup = c->h[q - 1].t1 == i + n && strcmp(c->h[q - 1].id, id) == 0;
                if (dup)
                    continue;
                c->h = bc_grow(c->h, &c->caph, c->nh + 1, sizeof *c->h, &c->rc);
                if (c->rc == BC_OK)
                    c->h[c->nh++] = (hit){i, i + n, al->entity, id};
            }
}

/* ==== dates and periods ================================================================= */

static int year_of(const ctx *c, size_t i, size_t lim)
{
    if (i >= lim)
        return 0;
    const tok *t = &c->t[i];
    if (t->kind != T_NUM || !t->plain || t->ndig != 4)
        return 0;
    int y = (int)t->num;
    return y >= 1900 && y <= 2100 ? y : 0;
}

/* A count of months at token i: 1..12 in digits or words. */
static int count_at(const ctx *c, size_t i, size_t lim, size_t *n)
{
    const bc_lex *e = NULL;
    *n = 0;
    if (i >= lim)
        return 0;
    if (c->t[i].kind == T_NUM && c->t[i].plain && c->t[i].num >= 1 && c->t[i].num <= 12) {
        *n = 1;
        return (int)c->t[i].num;
    }
    *n = lex_find(c, C_CARD, i, &e);
    return *n ? (int)e->val : 0;
}

static void add_date(ctx *c, const char *iso, size_t t0, size_t t1, int prec)
{
    bc_period p;
    if (bc_period_parse(iso, &p, NULL) != BC_OK)
        return;
    c->d = bc_grow(c->d, &c->capd, c->nd + 1, sizeof *c->d, &c->rc);
    if (c->rc != BC_OK)
        return;
    xd *d = &c->d[c->nd++];
    copy_str(d->iso, sizeof d->iso, iso);
    d->t0 = t0;
    d->t1 = t1;
    d->prec = prec;
    for (size_t k = t0; k < t1; k++)
        c->t[k].used = U_DATE;
}

/* "the first nine months of 2025" and its translations -> 2025-01/2025-09; the year of
 * the reference date when none is written ("under arets forsta nio manader"). */
static size_t try_months(const ctx *c, size_t i, size_t lim, char *iso)
{
    const bc_lex *e = NULL;
    size_t j = i, n = 0;
    int count = 0;
    if (c->lang == L_VI) {
        if (word_is(c, j, lim, "nua")) { /* nua dau nam: the first half */
            count = 6;
            j++;
        } else {
            count = count_at(c, j, lim, &n);
            j += n;
            if (count == 0 || !word_is(c, j, lim, "thang"))
                return 0;
            j++;
        }
        if (!word_is(c, j, lim, "dau") || !word_is(c, j + 1, lim, "nam"))
            return 0;
        j += 2;
    } else {
        if ((n = lex_find(c, C_FIRST, j, &e)) == 0)
            return 0;
        j += n;
        if ((n = lex_find(c, C_HALF, j, &e)) > 0) {
            count = 6;
            j += n;
        } else {
            count = count_at(c, j, lim, &n);
            j += n;
            if (count == 0 || (n = lex_find(c, C_MONTHS, j, &e)) == 0)
                return 0;
            j += n;
        }
    }
    int y = 0;
    size_t end = j;
    for (size_t k = j; k < lim && k < j + 3 && y == 0; k++) {
        if ((y = year_of(c, k, lim)) != 0)
            end = k + 1;
        else if (c->t[k].kind != T_WORD)
            break;
    }
    if (y == 0)
        y = c->ry;
    if (y == 0)
        return 0;
    snprintf(iso, 24, "%04d-01/%04d-%02d", y, y, count);
    return end - i;
}

/* Day, month and year in words: "30 pazdziernika 2025", "den 30 oktober", "October 30,
 * 2025", Vietnamese "ngay 30 thang 10 nam 2025"; a missing year is the reference year. */
static size_t try_day(const ctx *c, size_t i, size_t lim, char *iso)
{
    const bc_lex *e = NULL;
    size_t n, j;
    int day = 0, mon = 0, y = 0;
    const tok *t = &c->t[i];
    if (c->lang == L_VI) {
        if (!word_is(c, i, lim, "ngay") || i + 3 >= lim)
            return 0;
        const tok *d = &c->t[i + 1];
        if (d->kind != T_NUM || !d->plain || !word_is(c, i + 2, lim, "thang") || i + 3 >= lim)
            return 0;
        const tok *m = &c->t[i + 3];
        if (m->kind != T_NUM || !m->plain)
            return 0;
        day = (int)d->num, mon = (int)m->num;
        j = i + 4;
        if (word_is(c, j, lim, "nam") && year_of(c, j + 1, lim))
            y = year_of(c, ++j, lim), j++;
    } else if (t->kind == T_NUM && t->plain && t->ndig <= 2 && i + 1 < lim && joined(c, i) &&
               (n = lex_find(c, C_MONTH, i + 1, &e)) > 0) {
        day = (int)t->num, mon = (int)e->val;
        j = i + 1 + n;
        if (j < lim && year_of(c, j, lim) && (gap(c, j - 1) & ~(unsigned)(G_SPACE | G_COMMA)) == 0)
            y = year_of(c, j++, lim);
    } else if (c->lang == L_EN && (n = lex_find(c, C_MONTH, i, &e)) > 0 && i + n < lim &&
               c->t[i + n].kind == T_NUM && c->t[i + n].plain && c->t[i + n].ndig <= 2 &&
               joined(c, i + n - 1)) {
        mon = (int)e->val, day = (int)c->t[i + n].num;
        j = i + n + 1;
        if (j < lim && year_of(c, j, lim) && (gap(c, j - 1) & ~(unsigned)(G_SPACE | G_COMMA)) == 0)
            y = year_of(c, j++, lim);
    } else {
        return 0;
    }
    if (y == 0)
        y = c->ry;
    if (y == 0 || day < 1 || day > 31 || mon < 1 || mon > 12)
        return 0;
    snprintf(iso, 24, "%04d-%02d-%02d", y, mon, day);
    return j - i;
}

/* Month and year: "oktober 2025", "czerwiec 2024", Vietnamese "thang 10 nam 2025". */
static size_t try_month(const ctx *c, size_t i, size_t lim, char *iso)
{
    const bc_lex *e = NULL;
    size_t n, j;
    int mon = 0, y = 0;
    if (c->lang == L_VI) {
        if (!word_is(c, i, lim, "thang") || i + 1 >= lim || c->t[i + 1].kind != T_NUM ||
            !c->t[i + 1].plain)
            return 0;
        mon = (int)c->t[i + 1].num;
        j = i + 2;
        if (word_is(c, j, lim, "nam"))
            j++;
        y = year_of(c, j, lim);
        j++;
    } else {
        if ((n = lex_find(c, C_MONTH, i, &e)) == 0 || i + n >= lim || !joined(c, i + n - 1))
            return 0;
        mon = (int)e->val;
        j = i + n;
        y = year_of(c, j, lim);
        j++;
    }
    if (y == 0 || mon < 1 || mon > 12)
        return 0;
    snprintf(iso, 24, "%04d-%02d", y, mon);
    return j - i;
}

/* 1 when the year-like number at token i is a year: after "in", "w", "i", "tai" or a
 * word for year ("ar 2024", "nam 2024") always ("In 2024 tourists came"); otherwise
 * unless a counted noun, a scale or a currency follows it or a '$' precedes it. */
static int year_is_date(const ctx *c, size_t si, size_t i, size_t lim)
{
    const bc_lex *e = NULL;
    if (i > c->se[si].t0 &&
        (lex_find(c, C_LOC, i - 1, &e) > 0 || lex_find(c, C_YEAR_WORD, i - 1, &e) > 0))
        return 1;
    if (i > c->se[si].t0 && (gap(c, i - 1) & G_DOLLAR))
        return 0;
    return i + 1 >= lim ||
           (lex_find2(c, C_NOUN, i + 1, 1, &e) == 0 && lex_find2(c, C_SCALE, i + 1, 1, &e) == 0 &&
            lex_find(c, C_CURRENCY, i + 1, &e) == 0);
}

static void find_dates(ctx *c)
{
    char iso[24];
    for (size_t si = 0; si < c->ns && c->rc == BC_OK; si++) {
        size_t lim = c->se[si].t1, i = c->se[si].t0;
        while (i < lim && c->rc == BC_OK) {
            size_t n = 0;
            int prec = 0, y, y2;
            if (c->t[i].kind == T_DATE) {
                copy_str(iso, sizeof iso, c->t[i].iso);
                n = 1;
                prec = strlen(iso) == 10 ? 3 : 2;
            } else if ((n = try_months(c, i, lim, iso)) > 0) {
                prec = 0;
            } else if ((n = try_day(c, i, lim, iso)) > 0) {
                prec = 3;
            } else if ((n = try_month(c, i, lim, iso)) > 0) {
                prec = 2;
            } else if ((y = year_of(c, i, lim)) != 0) {
                if (i + 1 < lim && (y2 = year_of(c, i + 1, lim)) > y &&
                    (gap(c, i) & ~(unsigned)(G_SPACE | G_DASH)) == 0 && (gap(c, i) & G_DASH)) {
                    snprintf(iso, sizeof iso, "%04d/%04d", y, y2);
                    n = 2;
                    prec = 0;
                } else if (year_is_date(c, si, i, lim)) {
                    snprintf(iso, sizeof iso, "%04d", y);
                    n = 1;
                    prec = 1;
                }
            }
            if (n > 0)
                add_date(c, iso, i, i + n, prec);
            i += n > 0 ? n : 1;
        }
    }
}

/* ==== figures =========================================================================== */

static size_t clause_cost(const ctx *c, size_t a, size_t b)
{
    size_t lo = a < b ? a : b, hi = a < b ? b : a, cost = hi - lo;
    for (size_t k = lo; k < hi; k++)
        if (gap(c, k) & (G_COMMA | G_PAREN))
            cost += 10;
    return cost;
}

/* The date or period of the sentence nearest to the phrase of tokens [i, end): words
 * between them count one, commas and brackets ten. */
static const xd *nearest_date(const ctx *c, size_t si, size_t i, size_t end, int min_prec)
{
    const xd *best = NULL;
    size_t best_cost = SIZE_MAX;
    for (size_t k = 0; k < c->nd; k++) {
        const xd *d = &c->d[k];
        if (c->t[d->t0].sent != si || d->prec < min_prec)
            continue;
        size_t cost = d->t0 >= end ? clause_cost(c, end - 1, d->t0) : clause_cost(c, d->t1 - 1, i);
        if (cost < best_cost) {
            best = d;
            best_cost = cost;
        }
    }
    return best;
}

static void fill_parties(const ctx *c, size_t si, char parties[8][64], int *np)
{
    *np = 0;
    for (size_t k = 0; k < c->nh; k++) {
        const hit *h = &c->h[k];
        if (h->entity != E_PROVINCE || c->t[h->t0].sent != si)
            continue;
        int seen = 0;
        for (int q = 0; q < *np && !seen; q++)
            seen = strcmp(parties[q], h->id) == 0;
        if (!seen && *np < 8)
            copy_str(parties[(*np)++], 64, h->id);
    }
}

/* "over" or "nearly" ending at token lead or one word before it. */
static const char *qualifier_before(const ctx *c, size_t si, size_t lead)
{
    const bc_lex *e = NULL;
    size_t lo = c->se[si].t0;
    for (size_t p = lead > lo + 4 ? lead - 4 : lo; p < lead; p++) {
        size_t n = lex_find(c, C_QUAL_OVER, p, &e);
        if (n > 0 && (p + n == lead || p + n + 1 == lead))
            return "over";
        n = lex_find(c, C_QUAL_NEARLY, p, &e);
        if (n > 0 && (p + n == lead || p + n + 1 == lead))
            return "nearly";
    }
    for (size_t p = lo; p < lead; p++)
        if (lex_find(c, C_QUAL_EXPECTED, p, &e) > 0)
            return "expected";
    return "exact";
}

/* Which way delegations went: a "sent" or "received" word before the number in its
 * clause, "to" right after the noun, else exchanged. */
static const char *deleg_metric(const ctx *c, size_t si, size_t i, size_t noun_end)
{
    const bc_lex *e = NULL;
    for (size_t p = i; p > c->se[si].t0; p--) {
        if (lex_find(c, C_RECEIVED, p - 1, &e) > 0)
            return "delegations_received";
        if (lex_find(c, C_SENT, p - 1, &e) > 0)
            return "delegations_sent";
        if (p - 1 > c->se[si].t0 && (gap(c, p - 2) & G_COMMA))
            break;
    }
    if (noun_end < c->se[si].t1 && lex_find(c, C_TO, noun_end, &e) > 0)
        return "delegations_sent";
    return "delegations_exchanged";
}

/* The metric and unit a counted noun gives in its sentence; 0 when the sentence does not
 * say which metric it is. */
static int noun_metric(const ctx *c, size_t si, int noun, size_t i, size_t noun_end,
                       const char **metric, const char **unit)
{
    *unit = "people";
    *metric = NULL;
    switch (noun) {
    case N_TOURIST:
        *metric = sent_has(c, si, C_CUE_ENTER, -1) ? "tourist_arrivals" : "tourists";
        break;
    case N_DELEG:
        *metric = deleg_metric(c, si, i, noun_end);
        *unit = "delegations";
        break;
    case N_EXCH_ACT:
        *metric = "delegations_exchanged";
        *unit = "activities";
        break;
    case N_WORKER:
        *metric = "workers";
        break;
    case N_PEOPLE:
    case N_CITIZEN:
        if (sent_has(c, si, C_NOUN, N_PASSPORT))
            *metric = "passports_issued";
        else if (sent_has(c, si, C_CUE_WORK, -1))
            *metric = "workers";
        else if (sent_has(c, si, C_CUE_TOURISM, -1))
            *metric = "tourists";
        break;
    case N_PASSPORT:
        *metric = "passports_issued";
        break;
    case N_HECTARE:
        *metric = "crop_area";
        *unit = "hectares";
        break;
    case N_TONNE:
        if (sent_has(c, si, C_CUE_EXPORT, -1))
            *metric = "goods_exported";
        *unit = "tonnes";
        break;
    case N_BANK:
        *metric = "banks_connected";
        *unit = "banks";
        break;
    case N_COMPANY:
        *metric = "companies_supported";
        *unit = "companies";
        break;
    case N_OFFICIAL:
        if (sent_has(c, si, C_CUE_TRAIN, -1))
            *metric = "officials_trained";
        break;
    case N_AREA:
        if (sent_has(c, si, C_CUE_COOP, -1))
            *metric = "cooperation_areas";
        *unit = "areas";
        break;
    default:
        break;
    }
    return *metric != NULL;
}

/* A counted noun within three words after token k (no comma or bracket between). */
static int noun_after(const ctx *c, size_t k, size_t lim, size_t *noun_end)
{
    const bc_lex *e = NULL;
    for (size_t q = k; q < lim && q < k + 3; q++) {
        if (c->t[q].kind != T_WORD || (q > 0 && !joined(c, q - 1)))
            return 0;
        size_t n = lex_find2(c, C_NOUN, q, q == k, &e);
        if (n > 0) {
            *noun_end = q + n;
            return (int)e->val;
        }
    }
    return 0;
}

/* "liczba chinskich turystow ... przekroczy 33 000": the noun of the nearest "number
 * of" before token i. */
static int noun_before(const ctx *c, size_t si, size_t i, size_t *noun_end)
{
    const bc_lex *e = NULL;
    for (size_t p = i; p > c->se[si].t0; p--) {
        size_t n = lex_find(c, C_NUMBER_OF, p - 1, &e);
        if (n == 0)
            continue;
        for (size_t q = p - 1 + n; q < i && q < p - 1 + n + 4; q++) {
            size_t m = lex_find(c, C_NOUN, q, &e);
            if (m > 0) {
                *noun_end = q + m;
                return (int)e->val;
            }
        }
        return 0;
    }
    return 0;
}

static bc_xfigure *new_figure(ctx *c)
{
    bc_extraction *o = c->out;
    o->figures = bc_grow(o->figures, &c->capfo, o->nfigures + 1, sizeof *o->figures, &c->rc);
    if (c->rc != BC_OK)
        return NULL;
    bc_xfigure *f = &o->figures[o->nfigures++];
    memset(f, 0, sizeof *f);
    return f;
}

/* 1 when the number at token i is followed by '%' or a word for per cent. */
static int is_percent(const ctx *c, size_t si, size_t i)
{
    const bc_lex *e = NULL;
    size_t j = c->t[i].end;
    unsigned cp = 0;
    while (j < c->n) {
        size_t l = dec(c->s, c->n, j, &cp);
        if (!is_space_cp(cp))
            break;
        j += l;
    }
    if (j < c->n && cp == '%')
        return 1;
    return i + 1 < c->se[si].t1 && lex_find(c, C_PCT, i + 1, &e) > 0;
}

/* A percentage with a growth word before it ("wzrost o prawie 88%", "tang 88%") is the
 * change of the nearest figure before it in the sentence, else of the first after it. */
static void attach_change(ctx *c, size_t si, size_t i, size_t first_fig)
{
    const bc_lex *e = NULL;
    const tok *t = &c->t[i];
    int sign = 0;
    for (size_t p = i; p > c->se[si].t0 && p + 5 > i && sign == 0; p--) {
        if (lex_find(c, C_UP, p - 1, &e) > 0)
            sign = 1;
        else if (lex_find(c, C_DOWN, p - 1, &e) > 0)
            sign = -1;
    }
    bc_xfigure *best = NULL;
    for (size_t k = first_fig; sign != 0 && k < c->out->nfigures; k++) {
        bc_xfigure *f = &c->out->figures[k];
        if (f->start < t->start || best == NULL)
            best = f;
    }
    if (best == NULL || best->has_change)
        return;
    best->has_change = 1;
    best->change_pct = sign * t->num;
    const char *q = qualifier_before(c, si, i);
    copy_str(best->change_qualifier, sizeof best->change_qualifier,
             strcmp(q, "expected") == 0 ? "exact" : q);
}

static void figure_at(ctx *c, size_t si, size_t i)
{
    const bc_lex *e = NULL;
    size_t lim = c->se[si].t1, k = i + 1, lead = i, noun_end = 0, n;
    const tok *t = &c->t[i];
    int pre = 0, money = 0, inferred = 0, noun = 0;
    double scale = 1;
    const char *metric = NULL, *unit = NULL;
    if (i > c->se[si].t0 && (gap(c, i - 1) & G_DOLLAR))
        pre = 1; /* $7.2 billion, US$ 7.2 billion */
    else if (i > c->se[si].t0 && lex_find(c, C_CURRENCY, i - 1, &e) > 0 && joined(c, i - 1))
        pre = 1, lead = i - 1; /* USD 7.2 billion */
    if (k < lim && (n = lex_find2(c, C_SCALE, k, 1, &e)) > 0 &&
        lex_find2(c, C_NOUN, k, 1, NULL) < n) {
        scale = e->val;
        k += n;
    }
    size_t end = k; /* past the words of the figure */
    if (pre) {
        money = 1;
    } else {
        size_t q = k;
        if (q < lim && lex_find(c, C_CUR_ADJ, q, &e) > 0)
            q++;
        if (q < lim && (n = lex_find(c, C_CURRENCY, q, &e)) > 0 &&
            (q == i + 1 || joined(c, q - 1))) {
            money = 1;
            end = q + n;
        }
    }
    if (money) {
        metric = sent_has(c, si, C_TURNOVER, -1) ? "trade_turnover" : "";
        unit = "USD";
    } else {
        noun = noun_after(c, k, lim, &noun_end);
        if (noun == 0 && scale == 1) {
            noun = noun_before(c, si, i, &noun_end);
            inferred = noun != 0;
        }
        if (noun == 0 || !noun_metric(c, si, noun, i, noun_end, &metric, &unit))
            return;
        if (!inferred)
            end = noun_end;
    }
    bc_xfigure *f = new_figure(c);
    if (f == NULL)
        return;
    double v = (scale > 1 && t->ambig ? t->num_alt : t->num) * scale;
    f->value = v;
    copy_str(f->metric, sizeof f->metric, metric);
    copy_str(f->unit, sizeof f->unit, unit);
    copy_str(f->qualifier, sizeof f->qualifier, qualifier_before(c, si, lead));
    const xd *d = nearest_date(c, si, i, end, 0);
    if (d != NULL)
        copy_str(f->period, sizeof f->period, d->iso);
    fill_parties(c, si, f->parties, &f->nparties);
    f->start = t->start;
    f->end = t->end;
    f->quote_start = c->se[si].qs;
    f->quote_end = c->se[si].qe;
    f->confidence =
        0.4 + (metric[0] ? (inferred ? 0.2 : 0.3) : 0) + (d ? 0.2 : 0) + (f->nparties ? 0.1 : 0);
}

static void find_figures(ctx *c)
{
    for (size_t si = 0; si < c->ns && c->rc == BC_OK; si++) {
        size_t first = c->out->nfigures, t0 = c->se[si].t0, t1 = c->se[si].t1;
        for (size_t i = t0; i < t1; i++)
            if (c->t[i].kind == T_NUM && c->t[i].used == 0 && is_percent(c, si, i))
                c->t[i].used = U_PCT;
        for (size_t i = t0; i < t1 && c->rc == BC_OK; i++)
            if (c->t[i].kind == T_NUM && c->t[i].used == 0 && c->t[i].num > 0)
                figure_at(c, si, i);
        for (size_t i = t0; i < t1 && c->rc == BC_OK; i++)
            if (c->t[i].used == U_PCT)
                attach_change(c, si, i, first);
    }
}

/* ==== meetings ========================================================================== */

/* Value of a Roman numeral of two or more letters, or V or X alone (1..50), else 0. */
static int roman(const char *s, size_t n)
{
    static const char *const ones[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
    static const char *const tens[] = {"", "X", "XX", "XXX", "XL", "L"};
    if (n == 0 || n > 8 || (n == 1 && s[0] != 'V' && s[0] != 'X'))
        return 0;
    for (int v = 1; v <= 50; v++) {
        char buf[16];
        snprintf(buf, sizeof buf, "%s%s", tens[v / 10], ones[v % 10]);
        if (strlen(buf) == n && memcmp(buf, s, n) == 0)
            return v;
    }
    return 0;
}

/* 1 when token i is the suffix glued to an ordinal number: Dutch 5e/4de/8ste, English
 * 11th/1st/2nd/3rd. */
static int ord_suffix(const ctx *c, size_t i, size_t lim)
{
    if (i >= lim || !c->t[i].glued || c->t[i].kind != T_WORD)
        return 0;
    if (c->lang == L_NL)
        return word_is(c, i, lim, "e") || word_is(c, i, lim, "de") || word_is(c, i, lim, "ste");
    if (c->lang == L_EN)
        return word_is(c, i, lim, "th") || word_is(c, i, lim, "st") || word_is(c, i, lim, "nd") ||
               word_is(c, i, lim, "rd");
    return 0;
}

/* An ordinal at token i: "11.", "5e", "11th", "10:e", "jedenaste", "fifth", "V",
 * Vietnamese "lan thu 11". Returns its value and its tokens in *n. */
static int ordinal_at(const ctx *c, size_t i, size_t lim, size_t *n)
{
    const bc_lex *e = NULL;
    const tok *t = &c->t[i];
    *n = 0;
    if (t->used)
        return 0;
    if (t->kind == T_NUM && t->plain && t->ndig <= 2 && t->num >= 1) {
        size_t end = t->end;
        const tok *nx = i + 1 < lim ? &c->t[i + 1] : NULL;
        int v = (int)t->num;
        if (c->lang == L_VI)
            return 0;
        if (end < c->n && c->s[end] == '.' && nx && nx->kind == T_WORD && !nx->upper &&
            nx->start > end + 1)
            *n = 1;
        else if (ord_suffix(c, i + 1, lim))
            *n = 2;
        else if (end < c->n && c->s[end] == ':' && nx && nx->start == end + 1 &&
                 (word_is(c, i + 1, lim, "e") || word_is(c, i + 1, lim, "a")))
            *n = 2;
        return *n ? v : 0;
    }
    if (t->kind != T_WORD)
        return 0;
    if (c->lang == L_VI) {
        size_t m = lex_find(c, C_LAN_THU, i, &e);
        if (m == 0 || i + m >= lim)
            return 0;
        const tok *d = &c->t[i + m];
        if (d->kind == T_NUM && d->plain && d->ndig <= 2 && d->num >= 1) {
            *n = m + 1;
            return (int)d->num;
        }
        size_t q;
        int v = count_at(c, i + m, lim, &q);
        if (v == 0 && word_is(c, i + m, lim, "nhat"))
            v = 1, q = 1;
        *n = v ? m + q : 0;
        return v;
    }
    if ((*n = lex_find(c, C_ORD, i, &e)) > 0)
        return (int)e->val;
    int v = roman(c->s + t->start, t->end - t->start);
    *n = v ? 1 : 0;
    return v;
}

/* The meeting noun of an ordinal: within four words after it (Vietnamese: six before). */
static size_t meeting_noun(const ctx *c, size_t i, size_t j, size_t lim, int *kind,
                           size_t *noun_end)
{
    const bc_lex *e = NULL;
    if (c->lang == L_VI) {
        size_t lo = c->se[c->t[i].sent].t0;
        for (size_t q = i; q > lo && q + 6 > i; q--) {
            size_t n = lex_find(c, C_MEET, q - 1, &e);
            if (n > 0) {
                *kind = (int)e->val;
                *noun_end = q - 1 + n;
                return q;
            }
        }
        return 0;
    }
    for (size_t q = j; q < lim && q < j + 4; q++) {
        if (c->t[q].kind != T_WORD)
            return 0;
        size_t n = lex_find(c, C_MEET, q, &e);
        if (n > 0) {
            *kind = (int)e->val;
            *noun_end = q + n;
            return q + 1;
        }
    }
    return 0;
}

static void add_mention(ctx *c, const mention *m)
{
    c->m = bc_grow(c->m, &c->capm, c->nm + 1, sizeof *c->m, &c->rc);
    if (c->rc == BC_OK)
        c->m[c->nm++] = *m;
    for (size_t k = m->t0; k < m->t1 && c->rc == BC_OK; k++)
        c->t[k].meet = 1;
}

/* Numbered meetings, and unnumbered ones of a named kind with a date next to them
 * ("varmotet 2024", "the 2024 spring meeting"). */
static void find_mentions(ctx *c)
{
    for (size_t si = 0; si < c->ns && c->rc == BC_OK; si++) {
        size_t lim = c->se[si].t1;
        for (size_t i = c->se[si].t0; i < lim && c->rc == BC_OK; i++) {
            size_t n, noun_end = 0, noun;
            int kind = 0, v = ordinal_at(c, i, lim, &n);
            if (v == 0 || (noun = meeting_noun(c, i, i + n, lim, &kind, &noun_end)) == 0)
                continue;
            noun--;
            mention m;
            memset(&m, 0, sizeof m);
            m.sent = si;
            m.t0 = noun < i ? noun : i;
            m.t1 = noun_end > i + n ? noun_end : i + n;
            m.noun = noun;
            m.noun_end = noun_end;
            m.noun_kind = kind;
            m.ord = v;
            m.kind = -1;
            for (size_t k = i; k < i + n; k++)
                c->t[k].used = U_ORD;
            add_mention(c, &m);
        }
    }
    const bc_lex *e = NULL;
    for (size_t si = 0; si < c->ns && c->rc == BC_OK; si++)
        for (size_t i = c->se[si].t0; i < c->se[si].t1 && c->rc == BC_OK; i++) {
            size_t n = c->t[i].meet ? 0 : lex_find(c, C_MEET, i, &e);
            if (n == 0 || e->val == K_GENERIC)
                continue;
            /* English puts the year before the words of the name: "the 2024 joint
             * working committee conference" */
            size_t before = c->lang == L_EN ? 4 : 1;
            for (size_t k = 0; k < c->nd; k++) {
                const xd *d = &c->d[k];
                if (d->prec == 0 || c->t[d->t0].sent != si ||
                    !((d->t0 >= i + n && d->t0 <= i + n + 1) ||
                      (d->t1 <= i && d->t1 + before >= i)))
                    continue;
                mention m;
                memset(&m, 0, sizeof m);
                m.sent = si;
                m.t0 = i < d->t0 ? i : d->t0;
                m.t1 = i + n > d->t1 ? i + n : d->t1;
                m.noun = i;
                m.noun_end = i + n;
                m.noun_kind = (int)e->val;
                m.kind = -1;
                copy_str(m.date, sizeof m.date, d->iso);
                m.date_src = 1;
                add_mention(c, &m);
                break;
            }
        }
}

static int mech_kind_of(const ctx *c, const char *id)
{
    for (size_t k = 0; c->g && k < c->g->nme; k++)
        if (strcmp(GZ(c->g, c->g->me[k].id), id) == 0)
            return c->g->me[k].kind;
    return -1;
}

/* The kind a mention names in its own words: the noun's (committee, spring meeting), a
 * mechanism phrase or name between the ordinal and six words past the noun ("spotkanie
 * Wspolnej Grupy Roboczej"), else the conference a conference noun names. */
static int own_kind(const ctx *c, mention *m)
{
    const bc_lex *e = NULL;
    if (m->noun_kind == K_COMMITTEE || m->noun_kind == K_SPRING)
        return m->noun_kind;
    size_t lim = c->se[m->sent].t1, end = m->t1 + 6 < lim ? m->t1 + 6 : lim;
    int conf = 0;
    for (size_t k = m->t0; k < end; k++) {
        if (k >= m->t1 && (c->t[k].used == U_ORD || c->t[k].kind != T_WORD))
            break;
        for (size_t q = 0; q < c->nh; q++)
            if (c->h[q].t0 == k && c->h[q].entity == E_MECHANISM) {
                m->mech = c->h[q].id;
                return mech_kind_of(c, c->h[q].id);
            }
        if (lex_find(c, C_MECH, k, &e) > 0) {
            if (e->val != K_CONF)
                return (int)e->val;
            conf = 1;
        }
    }
    return m->noun_kind == K_CONF || conf ? K_CONF : -1;
}

static size_t dist(size_t a, size_t b)
{
    return a > b ? a - b : b - a;
}

/* The mechanism of kind in the gazetteer with most members named near the mention. */
static const char *mech_for(const ctx *c, int kind, size_t si)
{
    const char *best = NULL;
    long best_score = -1;
    for (size_t k = 0; c->g && k < c->g->nme; k++) {
        const gz_mech *me = &c->g->me[k];
        if (me->kind != kind)
            continue;
        long score = 0;
        for (size_t q = 0; q < c->nh; q++) {
            char key[80];
            if (c->h[q].entity != E_PROVINCE)
                continue;
            snprintf(key, sizeof key, " %s ", c->h[q].id);
            if (strstr(GZ(c->g, me->members), key))
                score += c->t[c->h[q].t0].sent == si ? 2 : 1;
        }
        if (score > best_score) {
            best = GZ(c->g, me->id);
            best_score = score;
        }
    }
    return best;
}

static int date_after_ref(const ctx *c, const char *date)
{
    int y = 0, m = 0, d = 0;
    if (c->ry == 0 || sscanf(date, "%d-%d-%d", &y, &m, &d) < 1)
        return 0;
    if (y != c->ry)
        return y > c->ry;
    if (m == 0 || c->rm == 0 || m != c->rm)
        return m > c->rm && c->rm != 0;
    return d > c->rd && c->rd != 0;
}

static void resolve_mentions(ctx *c)
{
    const bc_lex *e = NULL;
    int article[5] = {0};
    for (size_t i = 0; i < c->nt; i++)
        if (c->t[i].sent != NO_SENT && lex_find(c, C_MECH, i, &e) > 0 && e->val < 5)
            article[(int)e->val]++;
    for (size_t k = 0; k < c->nm; k++) {
        mention *m = &c->m[k];
        m->kind = own_kind(c, m);
        m->own = m->kind >= 0 ? 2 : 0;
    }
    for (size_t k = 0; k < c->nm; k++) {
        mention *m = &c->m[k];
        if (m->kind >= 0)
            continue;
        /* the same word for a meeting names the same mechanism within an article */
        size_t best = SIZE_MAX;
        for (size_t q = 0; q < c->nm; q++)
            if (c->m[q].own == 2 && c->m[q].noun_kind == K_GENERIC &&
                (best == SIZE_MAX || dist(c->m[q].noun, m->noun) < dist(c->m[best].noun, m->noun)))
                best = q;
        if (best != SIZE_MAX) {
            m->kind = c->m[best].kind;
            m->mech = c->m[best].mech;
        }
        size_t bd = SIZE_MAX;
        for (size_t i = c->se[m->sent].t0; m->kind < 0 && i < c->se[m->sent].t1; i++)
            if (lex_find(c, C_MECH, i, &e) > 0 && dist(i, m->noun) < bd) {
                bd = dist(i, m->noun);
                m->kind = (int)e->val;
            }
        int top = 0;
        for (int q = 1; q < 5; q++)
            if (article[q] > article[top])
                top = q;
        if (m->kind < 0 && article[top] > 0)
            m->kind = top;
        m->own = m->kind >= 0 ? 1 : 0;
    }
    for (size_t k = 0; k < c->nm; k++) {
        mention *m = &c->m[k];
        if (m->mech == NULL && m->kind >= 0)
            m->mech = mech_for(c, m->kind, m->sent);
        if (m->date_src == 0) {
            const xd *d = nearest_date(c, m->sent, m->t0, m->t1, 1);
            if (d != NULL) {
                copy_str(m->date, sizeof m->date, d->iso);
                m->date_src = 1;
            }
        }
    }
    /* a sentence reporting that a numbered meeting took place ("odbylo sie 11. spotkanie")
     * gets the date stated for that meeting elsewhere in the article */
    for (size_t k = 0; k < c->nm; k++) {
        mention *m = &c->m[k];
        int held = m->date_src == 0 && m->ord > 0 && m->mech && sent_has(c, m->sent, C_HELD, -1);
        for (size_t q = 0; q < c->nm && held && m->date_src == 0; q++)
            if (c->m[q].date_src == 1 && c->m[q].ord == m->ord && c->m[q].mech &&
                strcmp(c->m[q].mech, m->mech) == 0) {
                copy_str(m->date, sizeof m->date, c->m[q].date);
                m->date_src = 2;
            }
        for (size_t q = 0; q < k && !m->dup; q++)
            m->dup = c->m[q].sent == m->sent && c->m[q].ord == m->ord && c->m[q].kind == m->kind &&
                     strcmp(c->m[q].date, m->date) == 0;
    }
}

static void emit_meetings(ctx *c)
{
    const bc_lex *e = NULL;
    bc_extraction *o = c->out;
    for (size_t k = 0; k < c->nm && c->rc == BC_OK; k++) {
        const mention *m = &c->m[k];
        if (m->dup)
            continue;
        o->meetings =
            bc_grow(o->meetings, &c->capmo, o->nmeetings + 1, sizeof *o->meetings, &c->rc);
        if (c->rc != BC_OK)
            break;
        bc_xmeeting *x = &o->meetings[o->nmeetings++];
        memset(x, 0, sizeof *x);
        const sent *s = &c->se[m->sent];
        copy_str(x->mechanism, sizeof x->mechanism, m->mech ? m->mech : "");
        x->ordinal = m->ord;
        copy_str(x->date, sizeof x->date, m->date);
        int future = 0;
        size_t lo = m->t0 > s->t0 + 5 ? m->t0 - 5 : s->t0;
        size_t hi = m->t1 + 5 < s->t1 ? m->t1 + 5 : s->t1;
        for (size_t i = lo; i < hi && !future; i++)
            future = lex_find(c, C_FUTURE, i, &e) > 0;
        if (!future && m->date[0])
            future = date_after_ref(c, m->date);
        copy_str(x->status, sizeof x->status, future ? "planned" : "held");
        /* the place: a province after "in"/"w"/"i"/"tai" or after a word for host */
        int host = 0;
        for (size_t q = 0; q < c->nh && x->place[0] == '\0'; q++) {
            const hit *h = &c->h[q];
            if (h->entity != E_PROVINCE || c->t[h->t0].sent != m->sent)
                continue;
            for (size_t i = s->t0; i < h->t0 && !host; i++)
                host = lex_find(c, C_HOST, i, &e) > 0;
            int loc = 0;
            for (size_t i = h->t0 > s->t0 + 4 ? h->t0 - 4 : s->t0; i < h->t0 && !loc; i++)
                loc = lex_find(c, C_LOC, i, &e) > 0;
            if (host || loc)
                copy_str(x->place, sizeof x->place, h->id);
        }
        x->quote_start = s->qs;
        x->quote_end = s->qe;
        x->confidence = 0.5 +
                        (m->own == 2   ? 0.2
                         : m->own == 1 ? 0.1
                                       : 0) +
                        (m->date_src == 1   ? 0.2
                         : m->date_src == 2 ? 0.1
                                            : 0) +
                        (x->place[0] ? 0.1 : 0);
    }
}

/* ==== gate pairs ======================================================================== */

/* The run of capitalised words ending at token b (at most 5, joined by spaces only). */
static size_t run_back(const ctx *c, size_t b, size_t lo)
{
    size_t a = b;
    if (c->t[b].kind != T_WORD || !c->t[b].upper)
        return SIZE_MAX;
    while (a > lo && b - a < 4 && c->t[a - 1].kind == T_WORD && c->t[a - 1].upper &&
           (gap(c, a - 1) & ~(unsigned)G_SPACE) == 0)
        a--;
    return a;
}

static size_t run_fwd(const ctx *c, size_t a, size_t hi)
{
    size_t b = a;
    if (a >= hi || c->t[a].kind != T_WORD || !c->t[a].upper)
        return SIZE_MAX;
    while (b + 1 < hi && b - a < 4 && c->t[b + 1].kind == T_WORD && c->t[b + 1].upper &&
           (gap(c, b) & ~(unsigned)G_SPACE) == 0)
        b++;
    return b;
}

/* 2 when key is a strong key of the side ("|strong|...|#|weak|...|"), 1 a weak one. */
static int has_key(const char *keys, const char *key, size_t n)
{
    char buf[136];
    if (n == 0 || n + 3 > sizeof buf)
        return 0;
    buf[0] = '|';
    memcpy(buf + 1, key, n);
    buf[n + 1] = '|';
    buf[n + 2] = '\0';
    const char *at = strstr(keys, buf), *weak = strchr(keys, '#');
    return at == NULL ? 0 : weak == NULL || at < weak ? 2 : 1;
}

/* The known project whose sides are the texts of tokens [a0,a1] and [b0,b1] (either
 * order), preferring the one whose kind the sentence's words describe. */
static const gz_project *project_for(ctx *c, size_t a0, size_t a1, size_t b0, size_t b1,
                                     unsigned present, int *swapped)
{
    const gz_project *best = NULL;
    int best_score = -100;
    bc_buf ka = BC_BUF_INIT, kb = BC_BUF_INIT;
    if (c->g == NULL)
        return NULL;
    bc_text_slug(c->s + c->t[a0].start, c->t[a1].end - c->t[a0].start, &ka);
    bc_text_slug(c->s + c->t[b0].start, c->t[b1].end - c->t[b0].start, &kb);
    if (bc_buf_failed(&ka) || bc_buf_failed(&kb))
        c->rc = BC_ENOMEM;
    for (size_t k = 0; c->rc == BC_OK && k < c->g->npr; k++) {
        const gz_project *p = &c->g->pr[k];
        int va = has_key(GZ(c->g, p->vn_keys), ka.data, ka.len);
        int cb = has_key(GZ(c->g, p->cn_keys), kb.data, kb.len);
        int ca = has_key(GZ(c->g, p->cn_keys), ka.data, ka.len);
        int vb = has_key(GZ(c->g, p->vn_keys), kb.data, kb.len);
        int fwd = va && cb ? va + cb : 0, rev = ca && vb ? ca + vb : 0;
        if (!fwd && !rev)
            continue;
        /* exact sides first, then the kind of crossing the sentence's words describe */
        int score = 10 * (fwd > rev ? fwd : rev) + 2 * __builtin_popcount(p->kmask & present) -
                    __builtin_popcount(p->kmask & ~present);
        if (score > best_score) {
            best = p;
            best_score = score;
            *swapped = rev > fwd;
        }
    }
    bc_buf_free(&ka);
    bc_buf_free(&kb);
    return best;
}

static void add_gate(ctx *c, size_t si, const char *vn, size_t vnl, const char *cn, size_t cnl,
                     const gz_project *p, double conf)
{
    bc_extraction *o = c->out;
    for (size_t k = 0; p != NULL && k < o->ngates; k++)
        if (o->gates[k].quote_start == c->se[si].qs &&
            strcmp(o->gates[k].project, GZ(c->g, p->id)) == 0)
            return;
    o->gates = bc_grow(o->gates, &c->capgo, o->ngates + 1, sizeof *o->gates, &c->rc);
    if (c->rc != BC_OK)
        return;
    bc_xgate *x = &o->gates[o->ngates++];
    memset(x, 0, sizeof *x);
    copy_utf8(x->vn_side, sizeof x->vn_side, vn, vnl);
    copy_utf8(x->cn_side, sizeof x->cn_side, cn, cnl);
    copy_str(x->project, sizeof x->project, p ? GZ(c->g, p->id) : "");
    x->quote_start = c->se[si].qs;
    x->quote_end = c->se[si].qe;
    x->confidence = conf;
}

/* A country tag "(Vietnam)" at token i: returns +1 Vietnam, -1 China, 0 none; *n tokens. */
static int country_tag(const ctx *c, size_t i, size_t lo, size_t lim, size_t *n)
{
    const bc_lex *e = NULL;
    int side = 0;
    if ((*n = lex_find(c, C_VN, i, &e)) > 0)
        side = 1;
    else if ((*n = lex_find(c, C_CN, i, &e)) > 0)
        side = -1;
    if (side == 0 || i == lo || !(gap(c, i - 1) & G_OPEN) || i + *n > lim)
        return 0;
    if (i + *n < lim && !(gap(c, i + *n - 1) & G_CLOSE))
        return 0;
    if (i + *n == lim && (c->t[i + *n - 1].end >= c->n || c->s[c->t[i + *n - 1].end] != ')'))
        return 0;
    return side;
}

/* 1 when the folded words of phrase occur in tokens [lo, lim). */
static int phrase_in(ctx *c, const char *phrase, size_t lo, size_t lim)
{
    bc_buf key = BC_BUF_INIT;
    int found = 0;
    bc_text_slug(phrase, strlen(phrase), &key);
    if (bc_buf_failed(&key))
        c->rc = BC_ENOMEM;
    for (size_t i = 0; i < key.len; i++)
        if (key.data[i] == '-')
            key.data[i] = '\0';
    for (size_t i = lo; i < lim && !found && key.len > 0; i++) {
        const char *w = key.data;
        size_t k = i;
        found = 1;
        while (found && w < key.data + key.len) {
            size_t wl = strlen(w);
            found = k < lim && c->t[k].fl == wl && memcmp(TXT(c, k), w, wl) == 0;
            w += wl + 1;
            k++;
        }
    }
    bc_buf_free(&key);
    return found;
}

static void find_gates(ctx *c)
{
    const bc_lex *e = NULL;
    for (size_t si = 0; si < c->ns && c->rc == BC_OK; si++) {
        size_t lo = c->se[si].t0, lim = c->se[si].t1;
        unsigned present = 0;
        for (size_t i = lo; i < lim; i++)
            if (lex_find(c, C_PROJ, i, &e) > 0)
                present |= (unsigned)e->val;
        /* X (Vietnam) - Y (China), in either order */
        for (size_t i = lo; i < lim && c->rc == BC_OK; i++) {
            size_t n1, n2;
            int s1 = country_tag(c, i, lo, lim, &n1);
            if (s1 == 0 || i == lo)
                continue;
            size_t a1 = i - 1, a0 = run_back(c, a1, lo);
            size_t b0 = i + n1;
            if (a0 == SIZE_MAX || b0 >= lim || !(gap(c, b0 - 1) & G_DASH))
                continue;
            size_t b1 = run_fwd(c, b0, lim);
            if (b1 == SIZE_MAX || b1 + 1 >= lim)
                continue;
            int s2 = country_tag(c, b1 + 1, lo, lim, &n2);
            if (s2 == 0 || s2 == s1)
                continue;
            int swapped = 0;
            const gz_project *p = NULL;
            for (size_t a = a0; a <= a1 && p == NULL && c->rc == BC_OK; a++)
                if ((p = project_for(c, a, a1, b0, b1, present, &swapped)) != NULL)
                    a0 = a;
            if (p == NULL && a0 == lo && a0 < a1 && lex_find(c, C_ARTICLE, a0, &e) > 0)
                a0++; /* "The Thanh Thuy (Vietnam) - ...": not part of the name */
            size_t v0 = s1 > 0 ? a0 : b0, v1 = s1 > 0 ? a1 : b1;
            size_t w0 = s1 > 0 ? b0 : a0, w1 = s1 > 0 ? b1 : a1;
            add_gate(c, si, c->s + c->t[v0].start, c->t[v1].end - c->t[v0].start,
                     c->s + c->t[w0].start, c->t[w1].end - c->t[w0].start, p, p ? 0.9 : 0.6);
            i = b1 + n2;
        }
        /* X - Y without country tags, kept only when it names a known project's sides */
        for (size_t k = lo; k + 1 < lim && c->rc == BC_OK && c->g; k++) {
            unsigned g = gap(c, k);
            if (!(g & G_DASH) || (g & ~(unsigned)(G_SPACE | G_DASH)))
                continue;
            size_t a0 = run_back(c, k, lo), b1 = run_fwd(c, k + 1, lim);
            if (a0 == SIZE_MAX || b1 == SIZE_MAX)
                continue;
            const gz_project *p = NULL;
            int swapped = 0;
            size_t pa = 0, pb = 0;
            for (size_t a = a0; a <= k && p == NULL; a++)
                for (size_t b = b1 + 1; b > k + 1 && p == NULL; b--)
                    if ((p = project_for(c, a, k, k + 1, b - 1, present, &swapped)) != NULL)
                        pa = a, pb = b - 1;
            if (p == NULL)
                continue;
            size_t v0 = swapped ? k + 1 : pa, v1 = swapped ? pb : k;
            size_t w0 = swapped ? pa : k + 1, w1 = swapped ? k : pb;
            add_gate(c, si, c->s + c->t[v0].start, c->t[v1].end - c->t[v0].start,
                     c->s + c->t[w0].start, c->t[w1].end - c->t[w0].start, p, 0.8);
        }
        /* known projects named by an alias, and lines named by their Vietnamese side only */
        for (size_t q = 0; q < c->nh && c->rc == BC_OK; q++) {
            if (c->h[q].entity != E_PROJECT || c->t[c->h[q].t0].sent != si)
                continue;
            for (size_t k = 0; k < c->g->npr; k++) {
                const gz_project *p = &c->g->pr[k];
                if (strcmp(GZ(c->g, p->id), c->h[q].id) == 0)
                    add_gate(c, si, GZ(c->g, p->vn), strlen(GZ(c->g, p->vn)), GZ(c->g, p->cn),
                             strlen(GZ(c->g, p->cn)), p, 0.7);
            }
        }
        for (size_t k = 0; c->g && k < c->g->npr && c->rc == BC_OK; k++) {
            const gz_project *p = &c->g->pr[k];
            const char *vn = GZ(c->g, p->vn);
            if (GZ(c->g, p->cn)[0] == '\0' && strchr(vn, ' ') != NULL && phrase_in(c, vn, lo, lim))
                add_gate(c, si, vn, strlen(vn), "", 0, p, 0.6);
        }
    }
}

/* ==== the entry points ================================================================== */

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
    c.rc = build_index(&c);
    if (c.rc == BC_OK)
        split_sentences(&c);
    if (c.rc == BC_OK)
        tokenize(&c);
    if (c.rc == BC_OK) {
        assign_sentences(&c);
        find_names(&c);
    }
    if (c.rc == BC_OK)
        find_dates(&c);
    if (c.rc == BC_OK)
        find_mentions(&c);
    if (c.rc == BC_OK)
        find_figures(&c);
    if (c.rc == BC_OK) {
        resolve_mentions(&c);
        emit_meetings(&c);
    }
    if (c.rc == BC_OK)
        find_gates(&c);
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
