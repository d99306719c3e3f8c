/* search_index.c: writing the full-text index (see search_index.h). */
#include "bordercoop/search_index.h"

#include <string.h>

/* Paragraphs are indexed in chunks of at most this many bytes, cut after a sentence or
 * a word: the snippet of a row costs the square of its hits (FTS5 scores a window at
 * every hit), so a row must stay small whatever an article's paragraphs look like. */
#define CHUNK_MAX 2560
#define CHUNK_MIN 1280 /* a sentence end before this is not used as the cut */

size_t bc_search_chunk_len(const char *p, size_t n)
{
    if (n <= CHUNK_MAX)
        return n;
    size_t cut = 0;
    for (size_t i = CHUNK_MAX; i > CHUNK_MIN && cut == 0; i--)
        if ((p[i - 1] == '.' || p[i - 1] == '!' || p[i - 1] == '?') && p[i] == ' ')
            cut = i;
    for (size_t i = CHUNK_MAX; i > 0 && cut == 0; i--)
        if (p[i] == ' ')
            cut = i;
    if (cut == 0) {
        /* one word longer than a chunk: cut between two UTF-8 characters */
        cut = CHUNK_MAX;
        while (cut > 1 && ((unsigned char)p[cut] & 0xc0) == 0x80)
            cut--;
    }
    return cut;
}

int bc_search_index_entity(bc_store *s, const char *kind, const char *id, bc_err *err)
{
    /* the view joins entity text with ' | '; empty parts leave runs of separators */
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s,
                           "INSERT INTO search_index (title, body, kind, ref_id, langs) "
                           "SELECT title, trim(replace(replace(replace(body, ' |  | ', ' | '), "
                           "' |  | ', ' | '), ' |  | ', ' | '), ' |'), kind, ref_id, langs "
                           "FROM v_search_rows WHERE (?1 IS NULL OR (kind = ?1 AND ref_id = ?2))",
                           &st, err);
    if (rc != BC_OK)
        return rc;
    if (kind != NULL) {
        sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
        sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
    }
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = bc_store_error(s, err, "indexing for search");
    sqlite3_reset(st);
    return rc;
}

int bc_search_index_source(bc_store *s, const char *source_id, bc_err *err)
{
    sqlite3_stmt *src, *ins;
    int rc = bc_store_stmt(s,
                           "SELECT coalesce(title, publisher || ' (' || lang || "
                           "coalesce(', ' || published_on, '') || ')', id), lang, body "
                           "FROM sources WHERE id = ?1",
                           &src, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(src, 1, source_id, -1, SQLITE_STATIC);
    if (sqlite3_step(src) != SQLITE_ROW) {
        sqlite3_reset(src);
        return bc_err_set(err, BC_ENOTFOUND, "no source '%s' to index", source_id);
    }
    const char *title = (const char *)sqlite3_column_text(src, 0);
    const char *lang = (const char *)sqlite3_column_text(src, 1);
    const char *body = (const char *)sqlite3_column_text(src, 2);
    const char *end = body + sqlite3_column_bytes(src, 2);
    rc = bc_store_stmt(s,
                       "INSERT INTO search_index (title, body, kind, ref_id, langs) "
                       "VALUES (?1, ?2, 'source', ?3, ?4)",
                       &ins, err);
    /* the title is indexed once, with the first paragraph, so that a word of the title
     * does not make every paragraph a match (search shows the title of every hit) */
    int first = 1;
    for (const char *p = body; rc == BC_OK && p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *line_end = nl ? nl : end;
        size_t n = (size_t)(line_end - p);
        if (n >= 40 && strncmp(p, "![", 2) != 0 && memmem(p, n, "://", 3) == NULL) {
            for (const char *c = p; rc == BC_OK && c < line_end;) {
                size_t len = bc_search_chunk_len(c, (size_t)(line_end - c));
                sqlite3_bind_text(ins, 1, first ? title : "", -1, SQLITE_STATIC);
                first = 0;
                sqlite3_bind_text(ins, 2, c, (int)len, SQLITE_STATIC);
                sqlite3_bind_text(ins, 3, source_id, -1, SQLITE_STATIC);
                sqlite3_bind_text(ins, 4, lang, -1, SQLITE_STATIC);
                if (sqlite3_step(ins) != SQLITE_DONE)
                    rc = bc_store_error(s, err, "indexing a paragraph");
                sqlite3_reset(ins);
                for (c += len; c < line_end && *c == ' ';)
                    c++;
            }
        }
        p = line_end + 1;
    }
    sqlite3_reset(src);
    return rc;
}
