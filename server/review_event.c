/* review_event.c: what follows from a reviewer's correction of an event's parties: a
 * title made from the provinces that took part ("Talks of Lai Chau and Yunnan") names
 * the corrected ones (see review_event_retitle in review_int.h). */
#include "review_int.h"

#include "bordercoop/buf.h"

#include <string.h>

/* The names of the provinces ids (a JSON array), joined as a title joins them: "A",
 * "A and B", "A, B and C". */
static int joined(bc_store *s, json_t *ids, bc_buf *out, bc_err *err)
{
    size_t n = json_array_size(ids);
    for (size_t i = 0; i < n; i++) {
        char name[200];
        int found = 0;
        int rc = bc_store_lookup(s, "SELECT name FROM provinces WHERE id = ?1",
                                 BC_BINDS(bc_text(json_string_value(json_array_get(ids, i)))), name,
                                 sizeof name, &found, err);
        if (rc != BC_OK)
            return rc;
        if (!found)
            return bc_err_set(err, BC_EINVAL, "no province '%.60s'",
                              json_string_value(json_array_get(ids, i)));
        bc_buf_printf(out, "%s%s", i == 0 ? "" : i + 1 == n ? " and " : ", ", name);
    }
    return bc_buf_failed(out) ? bc_err_set(err, BC_ENOMEM, "out of memory") : BC_OK;
}

int review_event_retitle(bc_store *s, const char *id, json_t *change, bc_err *err)
{
    static const char mark[] = " (extracted)";
    json_t *from = json_object_get(change, "from"), *to = json_object_get(change, "to");
    bc_buf old = BC_BUF_INIT, now = BC_BUF_INIT, title = BC_BUF_INIT;
    char stored[400];
    int found = 0;
    int rc = bc_store_lookup(s, "SELECT title FROM coop_events WHERE id = ?1",
                             BC_BINDS(bc_text(id)), stored, sizeof stored, &found, err);
    if (rc == BC_OK && json_array_size(from) == 0)
        bc_buf_puts(&old, " between the two sides");
    else if (rc == BC_OK) {
        bc_buf_puts(&old, " of ");
        rc = joined(s, from, &old, err);
    }
    if (rc == BC_OK) {
        bc_buf_puts(&now, " of ");
        rc = joined(s, to, &now, err);
    }
    if (rc == BC_OK && found && !bc_buf_failed(&old)) {
        /* the title as it was made: the words before, the old names, the mark or not */
        size_t len = strlen(stored), tail = 0;
        if (len > strlen(mark) && strcmp(stored + len - strlen(mark), mark) == 0)
            tail = strlen(mark);
        if (len >= old.len + tail &&
            memcmp(stored + len - tail - old.len, old.data, old.len) == 0) {
            bc_buf_append(&title, stored, len - tail - old.len);
            bc_buf_append(&title, now.data, now.len);
            bc_buf_append(&title, stored + len - tail, tail);
            rc = bc_buf_failed(&title)
                     ? bc_err_set(err, BC_ENOMEM, "out of memory")
                     : bc_store_run(s,
                                    "UPDATE coop_events SET title = ?2 WHERE "
                                    "id = ?1",
                                    BC_BINDS(bc_text(id), bc_text(title.data)), err);
        }
    }
    bc_buf_free(&old);
    bc_buf_free(&now);
    bc_buf_free(&title);
    return rc;
}
