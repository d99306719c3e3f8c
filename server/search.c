/* search.c: GET /v1/search?q= : FTS5 over entities and article paragraphs, ranked by
 * bm25, with highlighted snippets and typed hits, one per entity or article (its best
 * paragraph) unless paragraphs=true. The words are made into a query that always parses
 * (search_query.c: phrases, prefix*, AND/OR/NOT and parentheses honoured, any other
 * character a separator), plain words matched through the alias table (q=Junnan also
 * looks for Yunnan and Van Nam). JSON or CSV. */
#include "bordercoop/search.h"

#include "bordercoop/csv.h"
#include "bordercoop/curation.h"
#include "bordercoop/gazetteer.h"
#include "bordercoop/negotiate.h"
#include "bordercoop/query.h"
#include "bordercoop/resource.h"
#include "bordercoop/search_query.h"
#include "bordercoop/search_snippet.h"
#include "bordercoop/text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_Q 256

typedef struct search_params {
    const char *q;
    const char *type; /* kind in the index, or NULL */
    const char *type_shown;
    const char *lang;
    const char *curation; /* a curation set (curation.h), canonical */
    int curation_given;
    long limit, offset;
    int paragraphs; /* every matching paragraph of an article, not only its best */
    int total;      /* count every hit (meta.total, X-Total-Count) */
    int csv;
    const char *format_shown; /* as given in ?format=, for the links */
} search_params;

#define SEARCH_LIMIT_DEFAULT 20

/* Hit types (the documents' "type"), their kind in the index and their collection. */
static const struct {
    const char *type, *kind, *collection;
} TYPES[] = {
    {"meeting", "meeting", "meetings"},
    {"figure", "figure", "figures"},
    {"border_gate_project", "project", "border-gate-projects"},
    {"protocol", "protocol", "protocols"},
    {"person", "person", "people"},
    {"province", "province", "provinces"},
    {"mechanism", "mechanism", "mechanisms"},
    {"event", "event", "events"},
    {"source", "source", "sources"},
};
#define NTYPES (sizeof TYPES / sizeof TYPES[0])

static size_t type_of(const char *kind)
{
    for (size_t i = 0; i < NTYPES; i++)
        if (strcmp(TYPES[i].kind, kind) == 0)
            return i;
    return NTYPES - 1;
}

/* The names one query may bring in, in all (every entity's or place's group counts its
 * names), and the most one group may hold: a query's cost stays bounded however many
 * names the store holds for what it asks. */
#define NAMES_PER_QUERY 48
#define NAMES_PER_GROUP 16

typedef struct alias_ctx {
    bc_request *req;
    int names; /* names brought in so far */
} alias_ctx;

/* Appends name to the group in out, as an FTS5 string (inner quotes doubled; a prefix as
 * a plain word is, bc_search_is_prefix: "Kunming" finds "Kunmings"), unless the group
 * (from byte group_at) has it already; counts it. */
static void put_name(bc_buf *out, size_t group_at, const char *name, size_t n, int *count)
{
    bc_buf q = BC_BUF_INIT;
    bc_buf_putc(&q, '"');
    for (size_t i = 0; i < n; i++) {
        if (name[i] == '"')
            bc_buf_putc(&q, '"');
        bc_buf_putc(&q, name[i]);
    }
    bc_buf_putc(&q, '"');
    if (bc_buf_failed(&q)) {
        out->failed = 1;
    } else if (out->data == NULL || q.len > out->len - group_at ||
               !memmem(out->data + group_at, out->len - group_at, q.data, q.len)) {
        bc_buf_puts(out, *count > 0 ? " OR " : "(");
        bc_buf_append(out, q.data, q.len);
        if (bc_search_is_prefix(name, n))
            bc_buf_putc(out, '*');
        (*count)++;
    }
    bc_buf_free(&q);
}

/* Appends ( "name" OR ... ) with every name of what phrase names and returns 1; 0 when
 * it names nothing (bc_search_alias_fn; ctx is an alias_ctx). What it names: the
 * entities it is an alias of (a Chinese name also without its 省: 谅山 is 谅山省), the
 * province it is an exonym of, and the border place it is a name of (gazetteer.h:
 * 芒街 is Mong Cai, Hà Khẩu is Hekou and 河口), the store's names first, at most
 * NAMES_PER_GROUP of them and NAMES_PER_QUERY in all the groups of a query; the phrase
 * itself is always one of them (谅山 is written where 谅山省 is not). */
static int expand_alias(void *ctx, const char *phrase, bc_buf *out)
{
    alias_ctx *ac = ctx;
    bc_err err;
    bc_buf key = BC_BUF_INIT, key_zh = BC_BUF_INIT;
    int found = 0;
    int room = NAMES_PER_QUERY - ac->names;
    if (room > NAMES_PER_GROUP)
        room = NAMES_PER_GROUP;
    if (room <= 0)
        return 0;
    const char *place = NULL, *exonym = NULL;
    int rc = bc_text_slug(phrase, strlen(phrase), &key);
    if (rc == BC_OK)
        rc = bc_gazetteer_reference_names(phrase, strlen(phrase), &place, &exonym);
    bc_buf_printf(&key_zh, "%s省", key.data != NULL ? key.data : "");
    if (rc != BC_OK || key.len == 0 || bc_buf_failed(&key_zh)) {
        if (rc == BC_ENOMEM || bc_buf_failed(&key_zh))
            out->failed = 1;
        bc_buf_free(&key);
        bc_buf_free(&key_zh);
        return 0;
    }
    size_t group_at = out->len;
    int typed = 0; /* a name found is the phrase as typed, spelling aside */
    sqlite3_stmt *st;
    /* every name of every entity (of any kind) that this phrase names, read through the
     * index on alias_key (migration 0040), then each entity's names by its own index */
    if (bc_store_stmt(
            ac->req->store,
            "SELECT alias, alias_key FROM (SELECT DISTINCT a.alias, a.alias_key FROM (SELECT "
            "entity, entity_id FROM aliases WHERE alias_key IN (?1, ?2) UNION SELECT "
            "'province', ?3 WHERE ?3 IS NOT NULL) e JOIN aliases a ON a.entity = "
            "e.entity AND a.entity_id = e.entity_id) ORDER BY alias_key, alias LIMIT ?4",
            &st, &err) == BC_OK) {
        sqlite3_bind_text(st, 1, key.data, (int)key.len, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, key_zh.data, (int)key_zh.len, SQLITE_STATIC);
        if (exonym != NULL)
            sqlite3_bind_text(st, 3, exonym, -1, SQLITE_STATIC);
        sqlite3_bind_int(st, 4, room - 1); /* a place for the phrase itself */
        int step;
        while ((step = sqlite3_step(st)) == SQLITE_ROW) {
            const char *alias = (const char *)sqlite3_column_text(st, 0);
            const char *alias_key = (const char *)sqlite3_column_text(st, 1);
            if (alias == NULL || alias_key == NULL)
                break;
            put_name(out, group_at, alias, strlen(alias), &found);
            typed |= strcmp(alias_key, key.data) == 0;
        }
        if (step != SQLITE_DONE)
            out->failed = 1; /* a store error or no memory: the query would be wrong */
        sqlite3_reset(st);
    } else {
        out->failed = 1;
    }
    bc_buf name_key = BC_BUF_INIT;
    for (const char *at = place; at != NULL && *at != '\0' && found < room - 1;) {
        size_t len = strcspn(at, "|");
        put_name(out, group_at, at, len, &found);
        bc_buf_reset(&name_key);
        if (bc_text_slug(at, len, &name_key) == BC_OK && name_key.len == key.len &&
            memcmp(name_key.data, key.data, key.len) == 0)
            typed = 1;
        at += len + (at[len] == '|');
    }
    bc_buf_free(&name_key);
    /* and the words as typed, which may be written so where no name is (谅山 where 谅山省
     * is not), unless a name already is they (case and diacritics aside: "lao cai" is
     * "Lao Cai", and a second copy would weigh more in the ranking) */
    if (found && !typed)
        put_name(out, group_at, phrase, strlen(phrase), &found);
    if (found)
        bc_buf_putc(out, ')');
    ac->names += found;
    bc_buf_free(&key);
    bc_buf_free(&key_zh);
    return found > 0;
}

/* Appends the URL of this search at another offset (values are already validated). */
static void search_link(bc_buf *b, const search_params *sp, long offset)
{
    bc_buf_puts(b, "/v1/search?q=");
    bc_url_encode(b, sp->q);
    if (sp->type_shown) {
        bc_buf_puts(b, "&type=");
        bc_url_encode(b, sp->type_shown);
    }
    if (sp->lang)
        bc_buf_printf(b, "&lang=%s", sp->lang);
    if (sp->curation_given)
        bc_buf_printf(b, "&curation=%s", sp->curation);
    if (sp->paragraphs)
        bc_buf_puts(b, "&paragraphs=true");
    if (sp->total)
        bc_buf_puts(b, "&total=true");
    if (sp->format_shown)
        bc_buf_printf(b, "&format=%s", sp->format_shown);
    if (sp->limit != SEARCH_LIMIT_DEFAULT)
        bc_buf_printf(b, "&limit=%ld", sp->limit);
    if (offset > 0)
        bc_buf_printf(b, "&offset=%ld", offset);
}

static const bc_param_spec PARAMS[] = {
    {"q", BC_PARAM_TEXT},
    {"type", BC_PARAM_TEXT},
    {"lang", BC_PARAM_TEXT},
    {"curation", BC_PARAM_TEXT},
    {"paragraphs", BC_PARAM_BOOL},
    {"limit", BC_PARAM_INT, NULL, NULL, NULL, NULL, 0, 1, BC_LIMIT_MAX},
    {"offset", BC_PARAM_INT, NULL, NULL, NULL, NULL, 0, 0, BC_OFFSET_MAX},
    {"total", BC_PARAM_BOOL},
    {"format", BC_PARAM_TEXT},
    {NULL},
};

/* Checks sp->lang (lower-cased into the arena) against the languages of the
 * vocabulary, as /v1/sources takes them. */
static int check_lang(bc_request *req, search_params *sp, bc_response *res)
{
    char *lang = bc_arena_strndup(req->arena, sp->lang, strlen(sp->lang));
    if (lang == NULL)
        return bc_problem_internal(res, NULL, "search is unavailable");
    for (char *c = lang; *c; c++)
        *c = (char)tolower((unsigned char)*c);
    sp->lang = lang;
    bc_err err = {0};
    sqlite3_stmt *st;
    int known = 0;
    char allowed[128] = "";
    if (bc_store_stmt(req->store,
                      "SELECT (SELECT count(*) FROM vocab WHERE field = 'lang' AND value = ?1), "
                      "(SELECT group_concat(value, ', ') FROM (SELECT value FROM vocab "
                      "WHERE field = 'lang' ORDER BY value))",
                      &st, &err) != BC_OK)
        return bc_problem_internal(res, NULL, "search is unavailable");
    sqlite3_bind_text(st, 1, lang, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
        known = sqlite3_column_int(st, 0) > 0;
        const char *all = (const char *)sqlite3_column_text(st, 1);
        snprintf(allowed, sizeof allowed, "%s", all != NULL ? all : "");
    }
    sqlite3_reset(st);
    if (!known)
        return bc_problem(res, 400, "invalid_parameter", "lang",
                          "unknown lang '%.20s'; allowed: %s", sp->lang, allowed);
    return 0;
}

/* The answer to a q without a word to search for: empty, blank or punctuation alone. */
static int no_words(bc_response *res)
{
    return bc_problem(res, 400, "invalid_parameter", "q",
                      "parameter 'q' must not be empty: give at least one word (letters or digits) "
                      "to search for");
}

/* q's length, read from the raw query before it is parsed as a whole (whose limit on any
 * value is higher, and answers otherwise): one answer for a q over MAX_Q bytes however
 * long, and for an empty one the answer of a q without words. A percent-escape counts as
 * the byte it stands for. 0, or fills res and returns its status. */
static int check_q_length(const bc_request *req, bc_response *res)
{
    for (const char *p = req->query != NULL ? req->query : ""; *p;) {
        size_t seg = strcspn(p, "&"), key = strcspn(p, "=");
        if (key > seg)
            key = seg;
        if (key == 1 && p[0] == 'q') {
            size_t bytes = 0;
            for (size_t i = key + 1; i < seg; bytes++)
                i += p[i] == '%' && i + 2 < seg && isxdigit((unsigned char)p[i + 1]) &&
                             isxdigit((unsigned char)p[i + 2])
                         ? 3
                         : 1;
            if (bytes > MAX_Q)
                return bc_problem(res, 400, "invalid_parameter", "q",
                                  "parameter 'q' is longer than %d bytes", MAX_Q);
            if (bytes == 0)
                return no_words(res);
        }
        p += seg;
        if (*p == '&')
            p++;
    }
    return 0;
}

static int parse(bc_request *req, search_params *sp, bc_response *res)
{
    memset(sp, 0, sizeof *sp);
    sp->csv = req->format == BC_FMT_CSV;
    bc_param ps[BC_QUERY_MAX_PAIRS];
    size_t n;
    int bad = check_q_length(req, res);
    if (bad != 0)
        return bad;
    bad = bc_params_parse(req, PARAMS, NULL, ps, &n, res);
    if (bad != 0)
        return bad;
    const bc_param *limit = bc_params_get(ps, n, "limit"), *offset = bc_params_get(ps, n, "offset");
    const bc_param *paragraphs = bc_params_get(ps, n, "paragraphs");
    const bc_param *total = bc_params_get(ps, n, "total");
    sp->q = bc_params_text(ps, n, "q", NULL);
    sp->type_shown = bc_params_text(ps, n, "type", NULL);
    sp->lang = bc_params_text(ps, n, "lang", NULL);
    sp->format_shown = bc_params_text(ps, n, "format", NULL);
    sp->curation = bc_params_text(ps, n, "curation", BC_CURATION_DEFAULT);
    sp->curation_given = bc_params_get(ps, n, "curation") != NULL;
    sp->limit = limit != NULL ? limit->num : SEARCH_LIMIT_DEFAULT;
    sp->offset = offset != NULL ? offset->num : 0;
    sp->paragraphs = paragraphs != NULL && paragraphs->num;
    sp->total = total != NULL && total->num;
    if (sp->curation_given) {
        const char *set = bc_curation_set(sp->curation);
        if (set == NULL)
            return bc_problem(res, 400, "invalid_parameter", "curation",
                              "unknown curation '%.40s'; allowed: " BC_CURATION_ALLOWED,
                              sp->curation);
        sp->curation = set;
    }
    if (sp->q == NULL)
        return bc_problem(res, 400, "invalid_parameter", "q",
                          "parameter 'q' is required: the words to search for");
    if (strlen(sp->q) > MAX_Q) /* checked above; kept for a query spelled otherwise */
        return bc_problem(res, 400, "invalid_parameter", "q",
                          "parameter 'q' is longer than %d bytes", MAX_Q);
    if (sp->type_shown != NULL) {
        for (size_t i = 0; i < NTYPES && sp->type == NULL; i++)
            if (strcmp(TYPES[i].type, sp->type_shown) == 0)
                sp->type = TYPES[i].kind;
        if (sp->type == NULL)
            return bc_problem(res, 400, "invalid_parameter", "type",
                              "unknown type '%.40s'; allowed: meeting, figure, "
                              "border_gate_project, protocol, person, province, mechanism, "
                              "event, source",
                              sp->type_shown);
    }
    if (sp->lang != NULL) {
        int st = check_lang(req, sp, res);
        if (st != 0)
            return st;
    }
    if (sp->format_shown != NULL) {
        if (strcmp(sp->format_shown, "csv") == 0)
            sp->csv = 1;
        else if (strcmp(sp->format_shown, "json") == 0)
            sp->csv = 0;
        else
            return bc_problem(res, 400, "invalid_parameter", "format",
                              "unknown format '%.40s'; allowed: json, csv", sp->format_shown);
    }
    return 0;
}

/* Appends snippet s (n bytes, its hits between the bytes 1 and 2) to html as HTML: the
 * article's text escaped, so that nothing in it is ever markup, and each hit in
 * <mark>...</mark>, the only tag added. */
static void snippet_html(bc_buf *html_out, const char *s, size_t n)
{
    bc_buf html = *html_out;
    int open = 0;
    for (size_t i = 0; s != NULL && i < n; i++) {
        switch (s[i]) {
        case 1:
            if (!open)
                bc_buf_puts(&html, "<mark>");
            open = 1;
            break;
        case 2:
            if (open)
                bc_buf_puts(&html, "</mark>");
            open = 0;
            break;
        case '&':
            bc_buf_puts(&html, "&amp;");
            break;
        case '<':
            bc_buf_puts(&html, "&lt;");
            break;
        case '>':
            bc_buf_puts(&html, "&gt;");
            break;
        case '"':
            bc_buf_puts(&html, "&quot;");
            break;
        case '\'':
            bc_buf_puts(&html, "&#39;");
            break;
        default:
            /* other control characters (from an article's text) are dropped */
            if ((unsigned char)s[i] >= 0x20 || s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
                bc_buf_putc(&html, s[i]);
        }
    }
    if (open)
        bc_buf_puts(&html, "</mark>");
    *html_out = html;
}

/* The space-separated languages of an index row, each once, in their first order: as
 * JSON strings ("en","pl") or, for CSV, joined by '|' (en|pl). */
static void put_langs(bc_buf *b, const char *langs, int json)
{
    int n = 0;
    for (const char *p = langs; p != NULL && *p;) {
        size_t len = strcspn(p, " ");
        int seen = 0;
        for (const char *q = langs; q < p && !seen;) {
            size_t qlen = strcspn(q, " ");
            seen = qlen == len && memcmp(q, p, len) == 0;
            q += qlen;
            while (*q == ' ')
                q++;
        }
        if (!seen && len > 0) {
            if (json)
                bc_buf_printf(b, "%s\"%.*s\"", n ? "," : "", (int)len, p);
            else
                bc_buf_printf(b, "%s%.*s", n ? "|" : "", (int)len, p);
            n++;
        }
        p += len;
        while (*p == ' ')
            p++;
    }
}

/* Only hits of the curation set ?7 (trusted by default): a fact by its own curation, an
 * article as /v1/sources lists it, the rest is curated. */
#define CURATION_FILTER                                                                            \
    "AND (CASE kind "                                                                              \
    "WHEN 'figure' THEN (SELECT curation FROM figures WHERE id = ref_id) "                         \
    "IN (SELECT curation FROM curation_sets WHERE name = ?7) "                                     \
    "WHEN 'meeting' THEN (SELECT curation FROM meetings WHERE id = ref_id) "                       \
    "IN (SELECT curation FROM curation_sets WHERE name = ?7) "                                     \
    "WHEN 'project' THEN (SELECT curation FROM projects WHERE id = ref_id) "                       \
    "IN (SELECT curation FROM curation_sets WHERE name = ?7) "                                     \
    "WHEN 'event' THEN (SELECT curation FROM coop_events WHERE id = ref_id) "                      \
    "IN (SELECT curation FROM curation_sets WHERE name = ?7) "                                     \
    "WHEN 'source' THEN (SELECT (s.origin = 'curated' AND 'curated' IN (SELECT curation "          \
    "FROM curation_sets WHERE name = ?7)) OR (s.origin = 'ingested' AND ('extracted' IN "          \
    "(SELECT curation FROM curation_sets WHERE name = ?7) OR EXISTS (SELECT 1 FROM "               \
    "citations c LEFT JOIN figures f ON f.id = c.figure_id LEFT JOIN meetings m ON m.id = "        \
    "c.meeting_id LEFT JOIN projects p ON p.id = c.project_id WHERE c.source_id = s.id AND "       \
    "coalesce(f.curation, m.curation, p.curation) IN (SELECT curation FROM curation_sets "         \
    "WHERE name = ?7)))) FROM sources s WHERE s.id = ref_id) "                                     \
    "ELSE 'curated' IN (SELECT curation FROM curation_sets WHERE name = ?7) END)"

/* The ranked hits: one row per matching index row, or (paragraphs off) only the best
 * row of each entity or article, with how many of its rows matched. */
#define HITS_CTE                                                                                   \
    "WITH hits AS MATERIALIZED (SELECT rowid AS rid, kind, ref_id, "                               \
    "bm25(search_index, 8.0, 1.0) AS score FROM search_index "                                     \
    "WHERE search_index MATCH ?1 AND (?2 IS NULL OR kind = ?2) "                                   \
    "AND (?3 IS NULL OR instr(' ' || langs || ' ', ' ' || ?3 || ' ') > 0) " CURATION_FILTER "), "  \
    "ranked AS (SELECT * FROM (SELECT *, "                                                         \
    "row_number() OVER (PARTITION BY kind, ref_id ORDER BY score, rid) AS rn, "                    \
    "CASE WHEN ?6 THEN 1 ELSE count(*) OVER (PARTITION BY kind, ref_id) END AS matches "           \
    "FROM hits) WHERE ?6 OR rn = 1) "
/* the page is chosen first and only its rows get a snippet (hits marked with the bytes 1
 * and 2, then HTML-escaped by put_snippet); an article's hit carries its title, its
 * snippet is of the paragraph (the title is shown apart), and its position; the whole
 * marked columns complete a hit the snippet's window cuts (search_snippet.h) */
#define HITS_PAGE                                                                                  \
    HITS_CTE                                                                                       \
    ", page AS (SELECT * FROM ranked ORDER BY score, kind, ref_id, rid "                           \
    "LIMIT ?4 OFFSET ?5) SELECT page.kind, page.ref_id, CASE page.kind WHEN 'source' THEN "        \
    "(SELECT coalesce(s.title, s.publisher || ' (' || s.lang || coalesce(', ' || "                 \
    "s.published_on, '') || ')', s.id) FROM sources s WHERE s.id = page.ref_id) "                  \
    "ELSE search_index.title END, snippet(search_index, CASE page.kind WHEN 'source' THEN 1 "      \
    "ELSE -1 END, char(1), char(2), '…', 24), "                                                  \
    "page.score, search_index.langs, page.matches, sp.paragraph, sp.offset, "                      \
    "highlight(search_index, 1, char(1), char(2)), CASE page.kind WHEN 'source' THEN NULL ELSE "   \
    "highlight(search_index, 0, char(1), char(2)) END FROM page "                                  \
    "JOIN search_index ON search_index.rowid = page.rid "                                          \
    "LEFT JOIN search_positions sp ON sp.rid = page.rid WHERE search_index MATCH ?1 "              \
    "ORDER BY page.score, page.kind, page.ref_id, page.rid"
#define HITS_COUNT HITS_CTE "SELECT count(*) FROM ranked"

/* The FTS5 match expression for sp->q into match (bc_search_compile: it always parses).
 * 0, or fills res and returns its status (match freed). */
static int build_match(bc_request *req, const search_params *sp, bc_buf *match, bc_response *res)
{
    alias_ctx ac = {req, 0};
    int rc = bc_search_compile(sp->q, strlen(sp->q), expand_alias, &ac, match);
    if (rc == BC_EINVAL) {
        bc_buf_free(match);
        return no_words(res);
    }
    if (rc != BC_OK || bc_buf_failed(match)) {
        bc_buf_free(match);
        snprintf(res->log_note, sizeof res->log_note,
                 "building the query: out of memory or a "
                 "store error looking up names");
        return bc_problem_internal(res, NULL, "search is unavailable");
    }
    return 0;
}

/* Binds the match and sp's filters to HITS_PAGE or HITS_COUNT (?1-?3, ?6, ?7). */
static void bind_filters(sqlite3_stmt *st, const search_params *sp, const bc_buf *match)
{
    sqlite3_bind_text(st, 1, match->data, (int)match->len, SQLITE_STATIC);
    if (sp->type)
        sqlite3_bind_text(st, 2, sp->type, -1, SQLITE_STATIC);
    if (sp->lang)
        sqlite3_bind_text(st, 3, sp->lang, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 6, sp->paragraphs);
    sqlite3_bind_text(st, 7, sp->curation, -1, SQLITE_STATIC);
}

/* Every hit (?total=true), or -1 when it could not be counted: a store error shows up
 * in the page query too, which answers it. */
static long count_hits(bc_request *req, const search_params *sp, const bc_buf *match)
{
    long total = -1;
    sqlite3_stmt *ct;
    bc_err err;
    if (bc_store_stmt(req->store, HITS_COUNT, &ct, &err) == BC_OK) {
        bind_filters(ct, sp, match);
        if (sqlite3_step(ct) == SQLITE_ROW)
            total = (long)sqlite3_column_int64(ct, 0);
        sqlite3_reset(ct);
    }
    return total;
}

/* Appends the hit at row st (of type index t) to b: a CSV line, or a JSON object after
 * `count` others. */
static void write_hit(bc_buf *b, sqlite3_stmt *st, size_t t, int csv, long count)
{
    const char *id = (const char *)sqlite3_column_text(st, 1);
    const char *title = (const char *)sqlite3_column_text(st, 2);
    const char *snip = (const char *)sqlite3_column_text(st, 3);
    const char *langs = (const char *)sqlite3_column_text(st, 5);
    long matches = (long)sqlite3_column_int64(st, 6);
    double score = -sqlite3_column_double(st, 4);
    int no_paragraph = sqlite3_column_type(st, 7) == SQLITE_NULL;
    long long paragraph = sqlite3_column_int64(st, 7), offset = sqlite3_column_int64(st, 8);
    bc_buf html = BC_BUF_INIT, whole = BC_BUF_INIT;
    size_t snip_len = (size_t)sqlite3_column_bytes(st, 3);
    for (int col = 9; col <= 10 && whole.len == 0 && !bc_buf_failed(&whole); col++) {
        const char *full = (const char *)sqlite3_column_text(st, col);
        if (full != NULL) {
            bc_search_snippet_mend(snip, snip_len, full, (size_t)sqlite3_column_bytes(st, col),
                                   &whole);
            if (whole.len == snip_len && memcmp(whole.data, snip, snip_len) == 0 && col == 9)
                bc_buf_reset(&whole); /* not (or not cut) in the body: the title may be it */
        }
    }
    if (whole.len > 0)
        snippet_html(&html, whole.data, whole.len);
    else
        snippet_html(&html, snip, snip_len);
    if (bc_buf_failed(&html) || bc_buf_failed(&whole))
        b->failed = 1;
    bc_buf_free(&whole);
    if (csv) {
        bc_buf_printf(b, "%s,", TYPES[t].type);
        bc_csv_cell(b, id, strlen(id), 0);
        bc_buf_putc(b, ',');
        bc_csv_cell(b, title, (size_t)sqlite3_column_bytes(st, 2), 0);
        bc_buf_putc(b, ',');
        bc_csv_cell(b, html.data, html.len, 0);
        bc_buf_printf(b, ",%.4f,", score);
        put_langs(b, langs, 0);
        bc_buf_printf(b, ",%ld,/v1/%s/", matches, TYPES[t].collection);
        bc_url_encode(b, id);
        if (no_paragraph)
            bc_buf_puts(b, ",,");
        else
            bc_buf_printf(b, ",%lld,%lld", paragraph, offset);
        bc_buf_puts(b, "\r\n");
        bc_buf_free(&html);
        return;
    }
    if (count > 0)
        bc_buf_putc(b, ',');
    bc_buf_printf(b, "{\"type\":\"%s\",\"id\":", TYPES[t].type);
    bc_buf_json_string(b, id, strlen(id));
    bc_buf_puts(b, ",\"title\":");
    bc_buf_json_string(b, title, (size_t)sqlite3_column_bytes(st, 2));
    bc_buf_puts(b, ",\"snippet\":");
    bc_buf_json_string(b, html.data ? html.data : "", html.len);
    bc_buf_free(&html);
    bc_buf_printf(b, ",\"score\":%.4f,\"matches\":%ld,\"langs\":[", score, matches);
    put_langs(b, langs, 1);
    bc_buf_puts(b, "],\"paragraph\":");
    if (no_paragraph)
        bc_buf_puts(b, "null,\"offset\":null");
    else
        bc_buf_printf(b, "%lld,\"offset\":%lld", paragraph, offset);
    bc_buf_printf(b, ",\"links\":{\"self\":\"/v1/%s/", TYPES[t].collection);
    bc_url_encode(b, id);
    bc_buf_puts(b, "\"}}");
}

/* Appends the hits of the page st reads to b (at most sp->limit; *more when another
 * follows) and counts them in *count. Returns the last sqlite3_step result. */
static int write_hits(sqlite3_stmt *st, const search_params *sp, bc_buf *b, long *count, int *more)
{
    int step;
    *count = 0;
    *more = 0;
    while ((step = sqlite3_step(st)) == SQLITE_ROW) {
        if (*count == sp->limit) {
            *more = 1;
            break;
        }
        const char *kind = (const char *)sqlite3_column_text(st, 0);
        if (kind == NULL || sqlite3_column_text(st, 1) == NULL ||
            sqlite3_column_text(st, 2) == NULL || sqlite3_column_text(st, 3) == NULL) {
            b->failed = 1; /* out of memory converting a column */
            break;
        }
        write_hit(b, st, type_of(kind), sp->csv, (*count)++);
    }
    return step;
}

/* Appends the JSON answer's meta and links to b. */
static void write_meta(bc_buf *b, const search_params *sp, const bc_buf *match, long count,
                       long total, const bc_buf *next, const bc_buf *prev)
{
    bc_buf_printf(b, "],\"meta\":{\"count\":%ld,\"limit\":%ld,\"offset\":%ld,", count, sp->limit,
                  sp->offset);
    if (total >= 0)
        bc_buf_printf(b, "\"total\":%ld,", total);
    bc_buf_puts(b, "\"q\":");
    bc_buf_json_string(b, sp->q, strlen(sp->q));
    bc_buf_puts(b, ",\"match\":");
    bc_buf_json_string(b, match->data, match->len);
    bc_buf_printf(b, ",\"curation\":\"%s\"", sp->curation);
    bc_buf_puts(b, ",\"filters\":{");
    int first = 1;
    if (sp->type_shown) {
        bc_buf_printf(b, "\"type\":\"%s\"", sp->type_shown);
        first = 0;
    }
    if (sp->lang) {
        bc_buf_printf(b, "%s\"lang\":\"%s\"", first ? "" : ",", sp->lang);
        first = 0;
    }
    if (sp->paragraphs)
        bc_buf_printf(b, "%s\"paragraphs\":true", first ? "" : ",");
    bc_buf_puts(b, "}},\"links\":{\"self\":\"");
    search_link(b, sp, sp->offset);
    bc_buf_puts(b, "\",\"next\":");
    if (next->len > 0)
        bc_buf_printf(b, "\"%s\"", next->data);
    else
        bc_buf_puts(b, "null");
    bc_buf_puts(b, ",\"prev\":");
    if (prev->len > 0)
        bc_buf_printf(b, "\"%s\"", prev->data);
    else
        bc_buf_puts(b, "null");
    bc_buf_puts(b, "}}");
}

/* The Link header (next, prev) and X-Total-Count (total >= 0). */
static int write_headers(bc_response *res, const bc_buf *next, const bc_buf *prev, long total)
{
    int hrc = BC_OK;
    int more = next->len > 0, back = prev->len > 0;
    if (more && back)
        hrc = bc_response_header(res, "Link", "<%s>; rel=\"next\", <%s>; rel=\"prev\"", next->data,
                                 prev->data);
    else if (more || back)
        hrc = bc_response_header(res, "Link", "<%s>; rel=\"%s\"", more ? next->data : prev->data,
                                 more ? "next" : "prev");
    if (hrc == BC_OK && total >= 0)
        hrc = bc_response_header(res, "X-Total-Count", "%ld", total);
    return hrc;
}

int bc_handle_search(bc_request *req, bc_response *res)
{
    search_params sp;
    int status = parse(req, &sp, res);
    if (status != 0)
        return status;
    bc_buf match = BC_BUF_INIT;
    status = build_match(req, &sp, &match, res);
    if (status != 0)
        return status;
    long total = sp.total ? count_hits(req, &sp, &match) : -1;
    sqlite3_stmt *st;
    bc_err err;
    if (bc_store_stmt(req->store, HITS_PAGE, &st, &err) != BC_OK) {
        bc_buf_free(&match);
        return bc_problem_internal(res, err.msg, "search is unavailable");
    }
    bind_filters(st, &sp, &match);
    sqlite3_bind_int64(st, 4, sp.limit + 1);
    sqlite3_bind_int64(st, 5, sp.offset);
    bc_buf *b = &res->body;
    if (sp.csv)
        bc_buf_puts(b, "type,id,title,snippet,score,langs,matches,link,paragraph,offset\r\n");
    else
        bc_buf_puts(b, "{\"data\":[");
    long count;
    int more;
    int step = write_hits(st, &sp, b, &count, &more);
    int fts_error = step != SQLITE_ROW && step != SQLITE_DONE;
    char msg[256] = "";
    if (fts_error)
        snprintf(msg, sizeof msg, "%s", sqlite3_errmsg(bc_store_db(req->store)));
    sqlite3_reset(st);
    if (fts_error) {
        /* the query always parses: this is the store's failure, told to the log only */
        bc_buf_free(&match);
        return bc_problem_internal(res, msg, "search failed");
    }
    bc_buf next = BC_BUF_INIT, prev = BC_BUF_INIT;
    if (more)
        search_link(&next, &sp, sp.offset + sp.limit);
    if (sp.offset > 0)
        search_link(&prev, &sp, sp.offset > sp.limit ? sp.offset - sp.limit : 0);
    if (!sp.csv)
        write_meta(b, &sp, &match, count, total, &next, &prev);
    else
        res->content_type = "text/csv";
    int hrc = write_headers(res, &next, &prev, total);
    int oom = bc_buf_failed(b) || bc_buf_failed(&next) || bc_buf_failed(&prev) || hrc != BC_OK;
    bc_buf_free(&next);
    bc_buf_free(&prev);
    bc_buf_free(&match);
    if (oom)
        return bc_problem_internal(res, NULL, "out of memory");
    res->cacheable = 1;
    return res->status = 200;
}
