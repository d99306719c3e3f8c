/* loader_meetings.c: the loader's sections for meetings (participants and decisions
 * included) and protocols. */
#include "loader_int.h"

#include "bordercoop/alloc.h"

#include <stdio.h>
#include <string.h>

static int load_participants(loader *L, json_t *o, const char *p, const char *meeting)
{
    json_t *arr;
    char q[200];
    int rc = ld_arr(L, o, p, "participants", OPT, &arr);
    for (size_t k = 0; rc == BC_OK && arr != NULL && k < json_array_size(arr); k++) {
        static const char *const keys[] = {"person", "role",     "side",    "province",
                                           "note",   "inferred", "sources", NULL};
        json_t *x = json_array_get(arr, k);
        const char *person, *role, *side, *prov, *note;
        snprintf(q, sizeof q, "%s.participants[%zu]", p, k);
        rc = ld_keys_ok(L, x, q, keys);
        if (rc == BC_OK)
            rc = ld_str(L, x, q, "person", REQ | ID, &person);
        if (rc == BC_OK)
            rc = ld_check_ref(L, LD_REF_PERSON, person, q);
        if (rc == BC_OK)
            rc = ld_str(L, x, q, "role", REQ, &role);
        if (rc == BC_OK)
            rc = ld_str(L, x, q, "side", REQ, &side);
        if (rc == BC_OK)
            rc = ld_check_vocab(L, "country", side, q);
        if (rc == BC_OK)
            rc = ld_str(L, x, q, "province", ID, &prov);
        if (rc == BC_OK)
            rc = ld_check_ref(L, LD_REF_PROVINCE, prov, q);
        if (rc == BC_OK)
            rc = ld_str(L, x, q, "note", OPT, &note);
        if (rc == BC_OK)
            rc = ld_inferred(L, x, q, BC_FACT_PARTICIPANT, note);
        if (rc == BC_OK)
            rc = ld_run(L, q,
                        "INSERT INTO meeting_participants (meeting_id, seq, person_id, role, side, "
                        "province_id, note, inferred) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                        BC_BINDS(bc_text(meeting), bc_int((int)k + 1), bc_text(person),
                                 bc_text(role), bc_text(side), bc_text(prov), bc_text(note),
                                 bc_text(L->inferred.data)));
        if (rc == BC_OK)
            rc = ld_cite_all(L, x, q, CITE_PARTICIPANT, meeting, (int)k + 1);
        if (rc == BC_OK && L->st)
            L->st->participants++;
    }
    return rc;
}

static int load_decisions(loader *L, json_t *o, const char *p, const char *meeting)
{
    json_t *arr;
    char q[200];
    int rc = ld_arr(L, o, p, "decisions", OPT, &arr);
    for (size_t k = 0; rc == BC_OK && arr != NULL && k < json_array_size(arr); k++) {
        static const char *const keys[] = {"kind",     "text",    "speaker", "note",
                                           "inferred", "sources", NULL};
        json_t *x = json_array_get(arr, k);
        const char *kind, *text, *speaker, *note;
        snprintf(q, sizeof q, "%s.decisions[%zu]", p, k);
        rc = ld_keys_ok(L, x, q, keys);
        if (rc == BC_OK)
            rc = ld_str(L, x, q, "kind", REQ, &kind);
        if (rc == BC_OK)
            rc = ld_check_vocab(L, "decision_kind", kind, q);
        if (rc == BC_OK)
            rc = ld_str(L, x, q, "text", REQ, &text);
        if (rc == BC_OK)
            rc = ld_str(L, x, q, "speaker", ID, &speaker);
        if (rc == BC_OK)
            rc = ld_check_ref(L, LD_REF_PERSON, speaker, q);
        if (rc == BC_OK)
            rc = ld_str(L, x, q, "note", OPT, &note);
        if (rc == BC_OK)
            rc = ld_inferred(L, x, q, BC_FACT_DECISION, note);
        if (rc == BC_OK)
            rc = ld_run(L, q,
                        "INSERT INTO meeting_decisions (meeting_id, seq, kind, text, speaker_id, "
                        "note, inferred) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                        BC_BINDS(bc_text(meeting), bc_int((int)k + 1), bc_text(kind), bc_text(text),
                                 bc_text(speaker), bc_text(note), bc_text(L->inferred.data)));
        if (rc == BC_OK)
            rc = ld_cite_all(L, x, q, CITE_DECISION, meeting, (int)k + 1);
        if (rc == BC_OK && L->st)
            L->st->decisions++;
    }
    return rc;
}

int ld_load_meetings(loader *L)
{
    json_t *root, *arr;
    int rc = ld_load_json(L, "facts/meetings.json", "meetings", &root, &arr);
    char p[128];
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        static const char *const keys[] = {
            "id",           "mechanism", "ordinal",  "title",      "date",    "place",
            "host",         "status",    "summary",  "note",       "aliases", "provinces",
            "participants", "decisions", "inferred", "background", "sources", NULL};
        json_t *o = json_array_get(arr, i);
        const char *id, *mech, *title, *place, *host, *status, *summary, *note;
        int has_ord, ordinal, has_date;
        bc_date d;
        snprintf(p, sizeof p, "meetings[%zu]", i);
        rc = ld_keys_ok(L, o, p, keys);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "id", REQ | ID, &id);
        if (rc == BC_OK)
            rc = ld_check_new_id(L, LD_REF_MEETING, id, p);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "mechanism", REQ | ID, &mech);
        if (rc == BC_OK)
            rc = ld_check_ref(L, LD_REF_MECHANISM, mech, p);
        if (rc == BC_OK)
            rc = ld_int(L, o, p, "ordinal", OPT, &has_ord, &ordinal);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "title", REQ, &title);
        if (rc == BC_OK)
            rc = ld_date(L, o, p, "date", &d, &has_date);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "place", OPT, &place);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "host", ID, &host);
        if (rc == BC_OK)
            rc = ld_check_ref(L, LD_REF_PROVINCE, host, p);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "status", REQ, &status);
        if (rc == BC_OK)
            rc = ld_check_vocab(L, "meeting_status", status, p);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "summary", OPT, &summary);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "note", OPT, &note);
        if (rc == BC_OK && has_ord) {
            char other[128];
            int dup = 0;
            rc = bc_store_lookup(
                L->s, "SELECT id FROM meetings WHERE mechanism_id = ?1 AND ordinal = ?2",
                BC_BINDS(bc_text(mech), bc_int(ordinal)), other, sizeof other, &dup, L->err);
            if (rc == BC_OK && dup)
                rc = ld_fail(L, p, "mechanism '%s' already has meeting %d ('%s')", mech, ordinal,
                             other);
        }
        if (rc == BC_OK)
            rc = ld_inferred(L, o, p, BC_FACT_MEETING, note);
        if (rc == BC_OK)
            rc = ld_background(L, o, p, BC_FACT_MEETING);
        if (rc == BC_OK)
            rc = ld_run(
                L, p,
                "INSERT INTO meetings (id, mechanism_id, ordinal, title, date, "
                "date_precision, date_start, date_end, year, place, host_province_id, "
                "status, summary, note, inferred, background) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                BC_BINDS(bc_text(id), bc_text(mech), bc_int_or_null(has_ord ? &ordinal : NULL),
                         bc_text(title), bc_text(has_date ? d.text : NULL),
                         bc_text(has_date ? bc_precision_name(d.precision) : NULL),
                         bc_text(has_date ? d.start : NULL), bc_text(has_date ? d.end : NULL),
                         bc_int_or_null(has_date ? &d.year : NULL), bc_text(place), bc_text(host),
                         bc_text(status), bc_text(summary), bc_text(note),
                         bc_text(L->inferred.data), bc_text(L->background.data)));
        if (rc == BC_OK) {
            json_t *provs = json_object_get(o, "provinces");
            if (provs != NULL)
                rc = ld_province_list(L, o, p, "provinces", REQ,
                                      "INSERT INTO meeting_provinces (meeting_id, province_id) "
                                      "SELECT ?1, ?2 WHERE ?3 > 0",
                                      id);
            else
                rc = ld_run(L, p,
                            "INSERT INTO meeting_provinces (meeting_id, province_id) "
                            "SELECT ?1, province_id FROM mechanism_members WHERE mechanism_id = ?2",
                            BC_BINDS(bc_text(id), bc_text(mech)));
        }
        if (rc == BC_OK)
            rc = load_participants(L, o, p, id);
        if (rc == BC_OK)
            rc = load_decisions(L, o, p, id);
        if (rc == BC_OK)
            rc = ld_aliases_from(L, o, p, "meeting", id, title);
        if (rc == BC_OK)
            rc = ld_cite_all(L, o, p, CITE_MEETING, id, 0);
        if (rc == BC_OK && L->st)
            L->st->meetings++;
    }
    json_decref(root);
    return rc;
}

int ld_load_protocols(loader *L)
{
    json_t *root, *arr;
    int rc = ld_load_json(L, "facts/protocols.json", "protocols", &root, &arr);
    char p[128], q[200];
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        static const char *const keys[] = {"id",       "title",      "kind",          "level",
                                           "status",   "signed_on",  "meeting",       "summary",
                                           "note",     "aliases",    "organisations", "areas",
                                           "inferred", "background", "sources",       NULL};
        json_t *o = json_array_get(arr, i), *parties, *areas;
        const char *id, *title, *kind, *level, *status, *meeting, *summary, *note;
        bc_date d;
        int has_date;
        snprintf(p, sizeof p, "protocols[%zu]", i);
        rc = ld_keys_ok(L, o, p, keys);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "id", REQ | ID, &id);
        if (rc == BC_OK)
            rc = ld_check_new_id(L, LD_REF_PROTOCOL, id, p);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "title", REQ, &title);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "kind", REQ, &kind);
        if (rc == BC_OK)
            rc = ld_check_vocab(L, "protocol_kind", kind, p);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "level", REQ, &level);
        if (rc == BC_OK)
            rc = ld_check_vocab(L, "protocol_level", level, p);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "status", REQ, &status);
        if (rc == BC_OK)
            rc = ld_check_vocab(L, "protocol_status", status, p);
        if (rc == BC_OK)
            rc = ld_date(L, o, p, "signed_on", &d, &has_date);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "meeting", ID, &meeting);
        if (rc == BC_OK)
            rc = ld_check_ref(L, LD_REF_MEETING, meeting, p);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "summary", OPT, &summary);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "note", OPT, &note);
        if (rc == BC_OK)
            rc = ld_arr(L, o, p, "organisations", REQ, &parties);
        if (rc == BC_OK)
            rc = ld_arr(L, o, p, "areas", OPT, &areas);
        if (rc == BC_OK)
            rc = ld_inferred(L, o, p, BC_FACT_PROTOCOL, note);
        if (rc == BC_OK)
            rc = ld_background(L, o, p, BC_FACT_PROTOCOL);
        if (rc == BC_OK)
            rc = ld_run(L, p,
                        "INSERT INTO protocols (id, title, kind, level, signed_on, date_precision, "
                        "date_start, date_end, year, status, meeting_id, summary, note, inferred, "
                        "background) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                        "?13, ?14, ?15)",
                        BC_BINDS(bc_text(id), bc_text(title), bc_text(kind), bc_text(level),
                                 bc_text(has_date ? d.text : NULL),
                                 bc_text(has_date ? bc_precision_name(d.precision) : NULL),
                                 bc_text(has_date ? d.start : NULL),
                                 bc_text(has_date ? d.end : NULL),
                                 bc_int_or_null(has_date ? &d.year : NULL), bc_text(status),
                                 bc_text(meeting), bc_text(summary), bc_text(note),
                                 bc_text(L->inferred.data), bc_text(L->background.data)));
        (void)parties; /* read by ld_organisations (the parties are their provinces) */
        if (rc == BC_OK)
            rc = ld_organisations(L, o, p,
                                  "INSERT INTO protocol_parties (protocol_id, seq, name, "
                                  "province_id) VALUES (?1, ?2, ?3, ?4)",
                                  id);
        for (size_t k = 0; rc == BC_OK && areas != NULL && k < json_array_size(areas); k++) {
            static const char *const akeys[] = {"area", "note", "inferred", "sources", NULL};
            json_t *x = json_array_get(areas, k);
            const char *area, *anote;
            snprintf(q, sizeof q, "%s.areas[%zu]", p, k);
            rc = ld_keys_ok(L, x, q, akeys);
            if (rc == BC_OK)
                rc = ld_str(L, x, q, "area", REQ, &area);
            if (rc == BC_OK)
                rc = ld_str(L, x, q, "note", OPT, &anote);
            if (rc == BC_OK)
                rc = ld_inferred(L, x, q, BC_FACT_AREA, anote);
            if (rc == BC_OK)
                rc = ld_run(L, q,
                            "INSERT INTO protocol_areas (protocol_id, seq, area, note, inferred) "
                            "VALUES (?1, ?2, ?3, ?4, ?5)",
                            BC_BINDS(bc_text(id), bc_int((int)k + 1), bc_text(area), bc_text(anote),
                                     bc_text(L->inferred.data)));
            if (rc == BC_OK)
                rc = ld_cite_all(L, x, q, CITE_AREA, id, (int)k + 1);
            if (rc == BC_OK && L->st)
                L->st->areas++;
        }
        if (rc == BC_OK)
            rc = ld_aliases_from(L, o, p, "protocol", id, title);
        if (rc == BC_OK)
            rc = ld_cite_all(L, o, p, CITE_PROTOCOL, id, 0);
        if (rc == BC_OK && L->st)
            L->st->protocols++;
    }
    json_decref(root);
    return rc;
}
