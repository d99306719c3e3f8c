/* loader_events.c: facts/events.json, the cooperation events the articles report
 * (exercises, border inspections, exchange programmes, exhibitions). */
#include "loader_int.h"

#include <stdio.h>

int ld_load_coop_events(loader *L)
{
    json_t *root, *arr;
    int rc = ld_load_json(L, "facts/events.json", "events", &root, &arr);
    char p[128];
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        static const char *const keys[] = {
            "id",       "kind",          "title",    "status",      "date",
            "place",    "organisations", "meetings", "aliases",     "note",
            "inferred", "background",    "sources",  "description", NULL};
        json_t *o = json_array_get(arr, i);
        const char *id, *kind, *title, *status, *place, *description, *note;
        bc_date d;
        int has_date;
        snprintf(p, sizeof p, "events[%zu]", i);
        rc = ld_keys_ok(L, o, p, keys);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "id", REQ | ID, &id);
        if (rc == BC_OK)
            rc = ld_check_new_id(L, LD_REF_COOP_EVENT, id, p);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "kind", REQ, &kind);
        if (rc == BC_OK)
            rc = ld_check_vocab(L, "coop_event_kind", kind, p);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "title", REQ, &title);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "status", REQ, &status);
        if (rc == BC_OK)
            rc = ld_check_vocab(L, "coop_event_status", status, p);
        if (rc == BC_OK)
            rc = ld_date(L, o, p, "date", &d, &has_date);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "place", OPT, &place);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "description", REQ, &description);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "note", OPT, &note);
        if (rc == BC_OK)
            rc = ld_inferred(L, o, p, BC_FACT_REPORTED_EVENT, note);
        if (rc == BC_OK)
            rc = ld_background(L, o, p, BC_FACT_REPORTED_EVENT);
        if (rc == BC_OK)
            rc = ld_run(L, p,
                        "INSERT INTO coop_events (id, kind, title, status, date, date_precision, "
                        "date_start, date_end, year, place, description, note, inferred, "
                        "background) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                        "?13, ?14)",
                        BC_BINDS(bc_text(id), bc_text(kind), bc_text(title), bc_text(status),
                                 bc_text(has_date ? d.text : NULL),
                                 bc_text(has_date ? bc_precision_name(d.precision) : NULL),
                                 bc_text(has_date ? d.start : NULL),
                                 bc_text(has_date ? d.end : NULL),
                                 bc_int_or_null(has_date ? &d.year : NULL), bc_text(place),
                                 bc_text(description), bc_text(note), bc_text(L->inferred.data),
                                 bc_text(L->background.data)));
        if (rc == BC_OK)
            rc = ld_organisations(L, o, p,
                                  "INSERT INTO coop_event_organisations (event_id, seq, name, "
                                  "province_id) VALUES (?1, ?2, ?3, ?4)",
                                  id);
        if (rc == BC_OK)
            rc = ld_ref_list(L, o, p, "meetings", OPT, LD_REF_MEETING,
                             "INSERT INTO coop_event_meetings (event_id, meeting_id, seq) "
                             "VALUES (?1, ?2, ?3)",
                             id);
        if (rc == BC_OK)
            rc = ld_aliases_from(L, o, p, "event", id, title);
        if (rc == BC_OK)
            rc = ld_cite_all(L, o, p, CITE_COOP_EVENT, id, 0);
        if (rc == BC_OK && L->st)
            L->st->coop_events++;
    }
    json_decref(root);
    return rc;
}
