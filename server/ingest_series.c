/* ingest_series.c: which body a numbered meeting is of when its sentence does not say:
 * the one of the meeting numbered just before it, the one body of the kind it names that
 * the article's other numbered meetings are of, or an unknown body named next to it; and
 * the title of one called "of the group" kept as an event (contract in ingest_int.h). */
#include "bordercoop/text.h"
#include "ingest_int.h"

#include <stdio.h>
#include <string.h>

#define found_row bci_found_row

int bci_names_a_group(ingest_ctx *c, const bc_xmeeting *m, int *rc)
{
    static const char *const words[] = {"the group", "du groupe", "le groupe", "grupy", "gruppen",
                                        "de groep",  "nhom nay",  "cua nhom",  NULL};
    int found = 0;
    for (int k = 0; k < m->cite.nquotes && !found && *rc == BC_OK; k++) {
        bc_buf q = BC_BUF_INIT;
        size_t start = m->cite.q[k].start, end = m->cite.q[k].end;
        if (end > c->in->len || end <= start)
            continue;
        if (bc_text_fold(c->in->text + start, end - start, &q) != BC_OK || bc_buf_failed(&q))
            *rc = bc_err_set(c->err, BC_ENOMEM, "out of memory");
        for (int w = 0; *rc == BC_OK && words[w] != NULL && !found; w++)
            found = strstr(q.data, words[w]) != NULL;
        bc_buf_free(&q);
    }
    return found;
}

/* The one mechanism of kind that the article's other numbered meetings (mech[j]) are of,
 * into out (untouched when there are none, or several). */
static void only_mechanism_of_kind(ingest_ctx *c, const bc_extraction *ex, char (*mech)[64],
                                   size_t i, const char *kind, char out[64], int *rc)
{
    char one[64] = "";
    for (size_t j = 0; j < ex->nmeetings && *rc == BC_OK; j++) {
        if (j == i || mech[j][0] == '\0' || ex->meetings[j].ordinal < 1 ||
            strcmp(one, mech[j]) == 0)
            continue;
        if (!found_row(rc, c->s, "SELECT id FROM mechanisms WHERE id = ?1 AND kind = ?2",
                       BC_BINDS(bc_text(mech[j]), bc_text(kind)), NULL, 0, c->err))
            continue;
        if (one[0] != '\0')
            return; /* two bodies of that kind: none is taken */
        snprintf(one, sizeof one, "%s", mech[j]);
    }
    if (*rc == BC_OK && one[0] != '\0')
        memcpy(out, one, sizeof one);
}

/* The mechanism a numbered meeting whose sentence names no body by name continues
 * ("The 13th meeting will take place on March 3 in Yunnan" after the 12th meeting of the
 * Joint Working Group; "the 17th conference of the committee" after its 16th): the one
 * mechanism of the meetings of the article numbered just before it (mech[j], "" for a
 * meeting of none), when the kind of body its own sentence names, if any, is that
 * mechanism's; else, when its sentence names a kind of body without saying which, the
 * one mechanism of that kind the article's other numbered meetings are of (*how set to
 * MECHANISM_OF_KIND: "La 15e conférence du comité" after its 16th). "" otherwise. */
void bci_continued_mechanism(ingest_ctx *c, const bc_extraction *ex, char (*mech)[64], size_t i,
                             char out[64], int *how, int *rc)
{
    const bc_xmeeting *m = &ex->meetings[i];
    out[0] = '\0';
    if (m->ordinal < 2)
        return;
    for (size_t j = 0; j < ex->nmeetings; j++) {
        if (j == i || mech[j][0] == '\0' || ex->meetings[j].ordinal != m->ordinal - 1)
            continue;
        if (out[0] != '\0' && strcmp(out, mech[j]) != 0) {
            out[0] = '\0'; /* two bodies numbered just before it: none is taken */
            return;
        }
        snprintf(out, 64, "%s", mech[j]);
    }
    const char *kind = NULL;
    for (int k = 0; k < m->cite.nquotes && kind == NULL; k++)
        kind = bci_body_kind(c, m->cite.q[k].start, m->cite.q[k].end);
    if (kind == NULL && bci_names_a_group(c, m, rc))
        kind = "working_group"; /* "the 10th meeting of the group": the one it names */
    if (out[0] == '\0' && kind != NULL) {
        /* "La 15e conférence du comité s'était tenue ..." after the 16th of the committee:
         * numbered apart from the others, of the one body of its kind they are of */
        only_mechanism_of_kind(c, ex, mech, i, kind, out, rc);
        if (out[0] != '\0')
            *how = BCI_MECHANISM_OF_KIND;
        return;
    }
    if (out[0] != '\0' && kind != NULL &&
        !found_row(rc, c->s, "SELECT id FROM mechanisms WHERE id = ?1 AND kind = ?2",
                   BC_BINDS(bc_text(out), bc_text(kind)), NULL, 0, c->err))
        out[0] = '\0';
}

void bci_series_contradiction(ingest_ctx *c, const bc_extraction *ex, const bc_xmeeting *m,
                              const char *mech, char *why, size_t cap, int *rc)
{
    bc_date d;
    bc_err ignored;
    why[0] = '\0';
    if (m->ordinal <= 0 || m->members_named || m->date[0] == '\0' || m->date[0] == '-' ||
        bc_date_parse(m->date, &d, &ignored) != BC_OK)
        return;
    /* named by no kind of body, numbered after the meeting of the article whose members it
     * names ("...联合工作组第十一次会议...。双方同意，第十二次会议将于明年上半年在云南举行"): a
     * year only the publication date gives is no evidence of another body */
    int body = 0;
    for (int k = 0; k < m->cite.nquotes && !body; k++)
        body = bci_body_kind(c, m->cite.q[k].start, m->cite.q[k].end) != NULL;
    for (size_t j = 0; m->date_inferred && !body && j < ex->nmeetings; j++)
        if (ex->meetings[j].ordinal == m->ordinal - 1 && ex->meetings[j].members_named &&
            strcmp(ex->meetings[j].mechanism, mech) == 0)
            return;
    char row[200] = "";
    if (!found_row(rc, c->s,
                   "SELECT id || ' (meeting ' || ordinal || ', ' || status || ', ' || date || ')' "
                   "FROM meetings WHERE mechanism_id = ?1 AND curation IN ('curated', "
                   "'reviewed') AND date_start IS NOT NULL AND ((ordinal = ?2 AND (?4 < "
                   "date_start OR ?3 > date_end)) OR (status = 'held' AND ordinal < ?2 AND "
                   "date_start > ?4) OR (status = 'held' AND ordinal > ?2 AND date_end < ?3)) "
                   "ORDER BY abs(ordinal - ?2), id LIMIT 1",
                   BC_BINDS(bc_text(mech), bc_int(m->ordinal), bc_text(d.start), bc_text(d.end)),
                   row, sizeof row, c->err))
        return;
    if (body)
        snprintf(why, cap,
                 "The article calls it meeting %d (%s) of a kind of body without naming all the "
                 "members of %s, and the store's %s does not fit that number and date: it is "
                 "taken as the meeting of another body of that kind and kept as a cooperation "
                 "event, not as a meeting of %s.",
                 m->ordinal, m->date, mech, row, mech);
    else if (bci_names_a_group(c, m, rc)) /* "the 11th meeting of the group" */
        snprintf(why, cap,
                 "The article calls it meeting %d (%s) of the group it names, %s, and the "
                 "store's %s does not fit that number and date: it is kept as a cooperation "
                 "event, not as a meeting of %s.",
                 m->ordinal, m->date, mech, row, mech);
    else /* "第八次会议于2025年3月3日在东兴举行": no kind of body to be another of */
        snprintf(why, cap,
                 "The article calls it meeting %d (%s) without naming the body that meets, and "
                 "the store's %s does not fit that number and date for %s: it is kept as a "
                 "cooperation event, not as a meeting of %s.",
                 m->ordinal, m->date, row, mech, mech);
}

void bci_other_bodies(ingest_ctx *c, const bc_extraction *ex, char (*mech)[64],
                      unsigned char *another, int *rc)
{
    for (size_t i = 0; i < ex->nmeetings && *rc == BC_OK; i++) {
        const bc_xmeeting *m = &ex->meetings[i];
        int body = 0;
        for (int k = 0; k < m->cite.nquotes && !body; k++)
            body = bci_body_kind(c, m->cite.q[k].start, m->cite.q[k].end) != NULL;
        char why[700] = "";
        if (body && mech[i][0] != '\0' && m->confidence >= BC_X_MIN_CONFIDENCE)
            bci_series_contradiction(c, ex, m, mech[i], why, sizeof why, rc);
        another[i] = why[0] != '\0';
    }
}

/* The meeting of ex numbered next to meeting i (one before or after) whose statements
 * name a body that is no known mechanism (mech[j] ""), when i's own statements name no
 * body: i is a meeting of that body ("la 8e réunion du Comité de coordination entre ...
 * et la ville de Fangchenggang ... tenir la 9e réunion"). NULL when none. */
const bc_xmeeting *bci_same_body(ingest_ctx *c, const bc_extraction *ex, char (*mech)[64],
                                 const unsigned char *another, size_t i)
{
    const bc_xmeeting *m = &ex->meetings[i];
    if (m->ordinal < 1)
        return NULL;
    for (int k = 0; k < m->cite.nquotes; k++)
        if (bci_body_kind(c, m->cite.q[k].start, m->cite.q[k].end) != NULL)
            return NULL;
    for (size_t j = 0; j < ex->nmeetings; j++) {
        const bc_xmeeting *o = &ex->meetings[j];
        int other = (mech[j][0] == '\0' && o->mechanism[0] == '\0') || another[j];
        if (j == i || !other || o->confidence < BC_X_MIN_CONFIDENCE ||
            (o->ordinal != m->ordinal + 1 && o->ordinal + 1 != m->ordinal))
            continue;
        for (int k = 0; k < o->cite.nquotes; k++)
            if (bci_body_kind(c, o->cite.q[k].start, o->cite.q[k].end) != NULL)
                return o;
    }
    return NULL;
}

int bci_group_title(ingest_ctx *c, const char *mech, int ordinal, bc_buf *t, int *rc)
{
    char name[200];
    if (!found_row(rc, c->s, "SELECT name FROM mechanisms WHERE id = ?1", BC_BINDS(bc_text(mech)),
                   name, sizeof name, c->err))
        return 0;
    bc_buf_printf(t, "Meeting %d of the %s (extracted)", ordinal, name);
    return 1;
}
