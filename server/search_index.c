/* search_index.c: writing the full-text index (see search_index.h). */
#include "bordercoop/search_index.h"

#include "bordercoop/alloc.h"

#include <stdlib.h>
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

/* ---- one entity ---------------------------------------------------------------------
 * The rows of v_search_rows (migration 0011) for one entity, each read through indexes
 * keyed on that entity: the view reaches quotes through v_fact_quotes, which groups every
 * citation of the store, so asking it for one entity costs the whole store. The
 * statements below must give exactly the view's rows; test_search_index.c compares
 * them, entity by entity, after a load and after an ingest. */

/* The SQL below is laid out by its clauses, not by clang-format. */
/* clang-format off */

/* the body as the view joins it, with the runs of empty parts closed up */
#define TRIMMED_BODY \
    "trim(replace(replace(replace(body, ' |  | ', ' | '), ' |  | ', ' | '), ' |  | ', ' | '), ' |')"

/* the quotes of the entity's citations (their ids selected by ids, ?1 the entity) in
 * citation order, and their languages, as v_fact_quotes gives them: one row, NULLs when
 * there are none */
#define QUOTES(ids) \
    "(SELECT group_concat(quote, ' | ') AS text, group_concat(DISTINCT lang) AS langs " \
    " FROM (SELECT c.quote, s.lang FROM citations c JOIN sources s ON s.id = c.source_id " \
    "       WHERE c.id IN (" ids ") ORDER BY c.id)) q"

/* the ids of the citations whose column is the entity ?1 */
#define CITED_BY(column) "SELECT id FROM citations WHERE " column " = ?1"

/* the entity's names but its id, as v_alias_text joins them when the view is read whole */
#define ALIASES(entity) \
    "coalesce((SELECT group_concat(alias, ' | ') FROM (SELECT alias FROM aliases " \
    "          WHERE entity = '" entity "' AND entity_id = ?1 AND alias <> entity_id " \
    "          ORDER BY alias)), '')"

#define LANGS "'en' || coalesce(' ' || replace(q.langs, ',', ' '), '') AS langs"

/* the index rows of the entity ?1 of kind from rows (its title, body, ref_id and langs) */
#define INSERT_ROWS(kind, rows) \
    {kind, "SELECT title, " TRIMMED_BODY ", '" kind "', ref_id, langs FROM (" rows ")"}

typedef struct {
    const char *kind;
    const char *rows; /* the index rows of the entity ?1, as search_index's columns */
} entity_rows;

static const entity_rows ENTITY_ROWS[] = {
    INSERT_ROWS("meeting",
        "SELECT m.title AS title, m.id AS ref_id, " LANGS ", "
        "  (coalesce(mc.name, '') || ' | ' || coalesce(m.place, '')"
        "   || ' | ' || coalesce(m.summary, '')"
        "   || ' | ' || coalesce((SELECT group_concat(text, ' | ') FROM meeting_decisions"
        "                         WHERE meeting_id = m.id), '')"
        "   || ' | ' || " ALIASES("meeting") " || ' | ' || coalesce(q.text, '')) AS body "
        "FROM meetings m JOIN mechanisms mc ON mc.id = m.mechanism_id, "
        QUOTES(CITED_BY("meeting_id")
               " UNION ALL " CITED_BY("decision_meeting_id") " AND meeting_id IS NULL"
               " UNION ALL " CITED_BY("participant_meeting_id")
               " AND meeting_id IS NULL AND decision_meeting_id IS NULL") " "
        "WHERE m.id = ?1"),
    INSERT_ROWS("figure",
        "SELECT f.description AS title, f.id AS ref_id, " LANGS ", "
        "  (coalesce(mt.description, '')"
        "   || ' | ' || coalesce((SELECT label FROM vocab WHERE field = 'category'"
        "                         AND value = f.category), '')"
        "   || ' | ' || coalesce((SELECT group_concat(p.name, ' | ') FROM figure_parties fp"
        "                         JOIN provinces p ON p.id = fp.province_id"
        "                         WHERE fp.figure_id = f.id), '')"
        "   || ' | ' || coalesce(q.text, '')) AS body "
        "FROM figures f LEFT JOIN metrics mt ON mt.id = f.metric, "
        QUOTES(CITED_BY("figure_id")) " "
        "WHERE f.id = ?1"),
    INSERT_ROWS("project",
        "SELECT pj.name AS title, pj.id AS ref_id, " LANGS ", "
        "  (coalesce((SELECT label FROM vocab"
        "             WHERE field = 'project_kind' AND value = pj.kind), '')"
        "   || ' | ' || coalesce(pj.vn_side, '') || ' | ' || coalesce(pj.cn_side, '')"
        "   || ' | ' || coalesce(pj.vn_side_vi, '') || ' | ' || coalesce(pj.cn_side_zh, '')"
        "   || ' | ' || coalesce(pj.description, '')"
        /* a machine-read event's words, like its quote, only once it is trusted */
        "   || ' | ' || coalesce((SELECT group_concat(description, ' | ') FROM project_events e"
        "                         WHERE e.project_id = pj.id AND (e.curation IN ('curated',"
        "                         'reviewed') OR (e.curation = 'extracted'"
        "                         AND pj.curation = 'extracted'))), '')"
        "   || ' | ' || " ALIASES("project") " || ' | ' || coalesce(q.text, '')) AS body "
        "FROM projects pj, "
        QUOTES(CITED_BY("project_id")
               " UNION ALL SELECT c2.id FROM project_events e"
               " JOIN citations c2 ON c2.event_id = e.id"
               " WHERE e.project_id = ?1 AND c2.project_id IS NULL"
               /* a machine-read event's quote only once it is trusted (0023) */
               " AND (e.curation IN ('curated', 'reviewed') OR (e.curation = 'extracted'"
               " AND (SELECT curation FROM projects WHERE id = e.project_id) = 'extracted'))") " "
        "WHERE pj.id = ?1"),
    INSERT_ROWS("protocol",
        "SELECT pr.title AS title, pr.id AS ref_id, " LANGS ", "
        "  (coalesce((SELECT label FROM vocab"
        "             WHERE field = 'protocol_kind' AND value = pr.kind), '')"
        "   || ' | ' || coalesce(pr.summary, '')"
        "   || ' | ' || coalesce((SELECT group_concat(area, ' | ') FROM protocol_areas"
        "                         WHERE protocol_id = pr.id), '')"
        "   || ' | ' || coalesce((SELECT group_concat(name, ' | ') FROM protocol_parties"
        "                         WHERE protocol_id = pr.id), '')"
        "   || ' | ' || " ALIASES("protocol") " || ' | ' || coalesce(q.text, '')) AS body "
        "FROM protocols pr, "
        QUOTES(CITED_BY("protocol_id")
               " UNION ALL " CITED_BY("area_protocol_id") " AND protocol_id IS NULL") " "
        "WHERE pr.id = ?1"),
    INSERT_ROWS("person",
        "SELECT pe.name AS title, pe.id AS ref_id, " LANGS ", "
        "  (coalesce((SELECT group_concat((coalesce(role, '') || ', '"
        "                                  || coalesce(organisation, '')), ' | ')"
        "             FROM person_roles WHERE person_id = pe.id), '')"
        "   || ' | ' || " ALIASES("person") " || ' | ' || coalesce(q.text, '')) AS body "
        "FROM people pe, "
        QUOTES(CITED_BY("person_id")) " "
        "WHERE pe.id = ?1"),
    INSERT_ROWS("province",
        "SELECT p.name AS title, p.id AS ref_id, " LANGS ", "
        "  (coalesce(p.name_vi, '') || ' | ' || coalesce(p.name_zh, '')"
        "   || ' | ' || " ALIASES("province") " || ' | ' || coalesce(q.text, '')) AS body "
        "FROM provinces p, "
        QUOTES(CITED_BY("province_id")) " "
        "WHERE p.id = ?1"),
    INSERT_ROWS("mechanism",
        "SELECT mc.name AS title, mc.id AS ref_id, " LANGS ", "
        "  (coalesce((SELECT label FROM vocab"
        "             WHERE field = 'mechanism_kind' AND value = mc.kind), '')"
        "   || ' | ' || coalesce(mc.description, '')"
        "   || ' | ' || " ALIASES("mechanism") " || ' | ' || coalesce(q.text, '')) AS body "
        "FROM mechanisms mc, "
        QUOTES(CITED_BY("mechanism_id")) " "
        "WHERE mc.id = ?1"),
    INSERT_ROWS("event",
        "SELECT ev.title AS title, ev.id AS ref_id, " LANGS ", "
        "  (coalesce((SELECT label FROM vocab"
        "             WHERE field = 'coop_event_kind' AND value = ev.kind), '')"
        "   || ' | ' || coalesce(ev.place, '') || ' | ' || coalesce(ev.description, '')"
        "   || ' | ' || coalesce((SELECT group_concat(name, ' | ') FROM coop_event_organisations"
        "                         WHERE event_id = ev.id), '')"
        "   || ' | ' || " ALIASES("event") " || ' | ' || coalesce(q.text, '')) AS body "
        "FROM coop_events ev, "
        QUOTES(CITED_BY("coop_event_id")) " "
        "WHERE ev.id = ?1"),
};

/* clang-format on */

/* The rows are read first and each inserted with INSERT ... VALUES: FTS5 (SQLite 3.40)
 * writes its pending terms out as a new segment at the end of every INSERT ... SELECT
 * inside a transaction (such a statement opens a savepoint), which made each entity of
 * an ingest a segment of its own and the index's merges a sixth of a big ingest's
 * storing; rows inserted by VALUES stay pending until the transaction commits. */
int bc_search_index_entity(bc_store *s, const char *kind, const char *id, bc_err *err)
{
    const char *sql = NULL;
    if (kind == NULL)
        sql = "SELECT title, " TRIMMED_BODY ", kind, ref_id, langs FROM v_search_rows";
    for (size_t i = 0; kind != NULL && i < sizeof ENTITY_ROWS / sizeof ENTITY_ROWS[0]; i++)
        if (strcmp(kind, ENTITY_ROWS[i].kind) == 0)
            sql = ENTITY_ROWS[i].rows;
    if (sql == NULL)
        return bc_err_set(err, BC_EINVAL, "no kind of entity '%s' to index", kind);
    sqlite3_stmt *rows, *ins;
    int rc = bc_store_stmt(s, sql, &rows, err);
    if (rc == BC_OK)
        rc = bc_store_stmt(s,
                           "INSERT INTO search_index (title, body, kind, ref_id, langs) "
                           "VALUES (?1, ?2, ?3, ?4, ?5)",
                           &ins, err);
    if (rc != BC_OK)
        return rc;
    if (kind != NULL)
        sqlite3_bind_text(rows, 1, id, -1, SQLITE_STATIC);
    int step = SQLITE_DONE;
    while (rc == BC_OK && (step = sqlite3_step(rows)) == SQLITE_ROW) {
        /* the values as the row gives them (text or NULL), as INSERT ... SELECT took them */
        for (int i = 0; i < 5; i++)
            sqlite3_bind_value(ins, i + 1, sqlite3_column_value(rows, i));
        if (sqlite3_step(ins) != SQLITE_DONE)
            rc = bc_store_error(s, err, "indexing for search");
        sqlite3_reset(ins);
    }
    if (rc == BC_OK && step != SQLITE_DONE)
        rc = bc_store_error(s, err, "reading what to index for search");
    sqlite3_reset(rows);
    return rc;
}

/* ---- a batch of entities ---------------------------------------------------------- */

typedef struct batch_entry {
    const char *kind, *id;
    size_t seq;  /* the order of its addition */
    int reindex; /* any addition of it asked for its old row to go */
} batch_entry;

static int by_entity_then_seq(const void *a, const void *b)
{
    const batch_entry *x = a, *y = b;
    int c = strcmp(x->kind, y->kind);
    if (c == 0)
        c = strcmp(x->id, y->id);
    return c != 0 ? c : (x->seq > y->seq) - (x->seq < y->seq);
}

static int by_seq(const void *a, const void *b)
{
    const batch_entry *x = a, *y = b;
    return (x->seq > y->seq) - (x->seq < y->seq);
}

void bc_search_batch_add(bc_search_batch *b, const char *kind, const char *id, int reindex)
{
    bc_buf_append(&b->entries, kind, strlen(kind) + 1);
    bc_buf_append(&b->entries, id, strlen(id) + 1);
    bc_buf_putc(&b->entries, reindex ? 1 : 0);
    b->n++;
}

int bc_search_batch_write(bc_store *s, bc_search_batch *b, bc_err *err)
{
    int rc = bc_buf_failed(&b->entries)
                 ? bc_err_set(err, BC_ENOMEM, "out of memory listing entities to index")
                 : BC_OK;
    batch_entry *e = NULL;
    if (rc == BC_OK && b->n > 0 && (e = bc_malloc(b->n * sizeof *e)) == NULL)
        rc = bc_err_set(err, BC_ENOMEM, "out of memory indexing entities");
    const char *p = b->entries.data;
    for (size_t i = 0; rc == BC_OK && i < b->n; i++) {
        e[i].kind = p;
        e[i].id = p + strlen(p) + 1;
        p = e[i].id + strlen(e[i].id) + 1;
        e[i].reindex = *p++;
        e[i].seq = i;
    }
    /* one entry per entity, at its last addition, reindex if any addition said so */
    size_t n = 0;
    if (rc == BC_OK && b->n > 0) {
        qsort(e, b->n, sizeof *e, by_entity_then_seq);
        for (size_t i = 0; i < b->n; i++) {
            int same =
                n > 0 && strcmp(e[n - 1].kind, e[i].kind) == 0 && strcmp(e[n - 1].id, e[i].id) == 0;
            if (same) {
                e[n - 1].seq = e[i].seq;
                e[n - 1].reindex |= e[i].reindex;
            } else {
                e[n++] = e[i];
            }
        }
        qsort(e, n, sizeof *e, by_seq);
    }
    for (size_t i = 0; rc == BC_OK && i < n; i++)
        if (e[i].reindex)
            rc = bc_search_unindex(s, e[i].kind, e[i].id, err);
    for (size_t i = 0; rc == BC_OK && i < n; i++)
        rc = bc_search_index_entity(s, e[i].kind, e[i].id, err);
    bc_free(e);
    bc_search_batch_free(b);
    return rc;
}

void bc_search_batch_free(bc_search_batch *b)
{
    bc_buf_free(&b->entries);
    b->n = 0;
}

int bc_search_unindex(bc_store *s, const char *kind, const char *id, bc_err *err)
{
    sqlite3_stmt *st;
    int rc = bc_store_stmt(s, "DELETE FROM search_index WHERE kind = ?1 AND ref_id = ?2", &st, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE)
        rc = bc_store_error(s, err, "removing from the search index");
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
    int step = sqlite3_step(src);
    if (step != SQLITE_ROW) {
        /* a failed read (no memory, I/O) is not a missing source */
        rc = step == SQLITE_DONE
                 ? bc_err_set(err, BC_ENOTFOUND, "no source '%s' to index", source_id)
                 : bc_store_error(s, err, "reading a source to index");
        sqlite3_reset(src);
        return rc;
    }
    const char *title = (const char *)sqlite3_column_text(src, 0);
    const char *lang = (const char *)sqlite3_column_text(src, 1);
    const char *body = (const char *)sqlite3_column_text(src, 2);
    const char *end = body + sqlite3_column_bytes(src, 2);
    rc = bc_store_stmt(s,
                       "INSERT INTO search_index (title, body, kind, ref_id, langs) "
                       "VALUES (?1, ?2, 'source', ?3, ?4)",
                       &ins, err);
    sqlite3_stmt *pos = NULL;
    if (rc == BC_OK)
        rc = bc_store_stmt(s,
                           "INSERT INTO search_positions (rid, paragraph, offset) "
                           "VALUES (last_insert_rowid(), ?1, ?2)",
                           &pos, err);
    int paragraph = 0;
    /* the title is indexed once, with the first paragraph, so that a word of the title
     * does not make every paragraph a match (search shows the title of every hit) */
    int first = 1;
    for (const char *p = body; rc == BC_OK && p < end;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *line_end = nl ? nl : end;
        size_t n = (size_t)(line_end - p);
        if (n >= 40 && strncmp(p, "![", 2) != 0 && memmem(p, n, "://", 3) == NULL) {
            paragraph++;
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
                if (rc == BC_OK) {
                    sqlite3_bind_int(pos, 1, paragraph);
                    sqlite3_bind_int64(pos, 2, (sqlite3_int64)(c - body));
                    if (sqlite3_step(pos) != SQLITE_DONE)
                        rc = bc_store_error(s, err, "indexing a paragraph's position");
                    sqlite3_reset(pos);
                }
                for (c += len; c < line_end && *c == ' ';)
                    c++;
            }
        }
        p = line_end + 1;
    }
    sqlite3_reset(src);
    return rc;
}
