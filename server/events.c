/* events.c: /v1/events: cooperation events the articles report (joint exercises, border
 * inspections, exchange programmes, exhibitions), each with who took part and the
 * meetings it was reported at. */
#include "bordercoop/changes.h"
#include "bordercoop/resource.h"

static const bc_param_spec FILTERS[] = {
    {"kind", BC_PARAM_TEXT, "ev.kind = ?", BC_LOOKUP_VOCAB("coop_event_kind"),
     BC_VALUES_VOCAB("coop_event_kind"), .reads = "'kind'"},
    BC_PROVINCE_FILTER_READING("EXISTS (SELECT 1 FROM coop_event_organisations o WHERE "
                               "o.event_id = ev.id AND o.province_id IN (" BC_PROVINCE_AND_MERGED
                               "))",
                               "'parties', 'organisations'"),
    {"year", BC_PARAM_INT, "ev.year = ?", NULL, NULL, NULL, 0, 1900, 2199, BC_READS_DATE("date")},
    {"from", BC_PARAM_DATE_FROM, "ev.date_end >= ?", .reads = BC_READS_DATE("date")},
    {"to", BC_PARAM_DATE_TO, "ev.date_start <= ?", .reads = BC_READS_DATE("date")},
    {"status", BC_PARAM_TEXT, "ev.status = ?", BC_LOOKUP_VOCAB("coop_event_status"),
     BC_VALUES_VOCAB("coop_event_status"), .reads = "'status'"},
    BC_MEETING_FILTER_READING("EXISTS (SELECT 1 FROM coop_event_meetings em WHERE em.event_id = "
                              "ev.id AND em.meeting_id = ?)",
                              "'meetings'"),
    BC_CURATION_FILTER(BC_CURATION_IN("ev.curation")),
    BC_EXACT_FILTER,
    BC_CHANGED_SINCE_FILTER("ev.id", "event"),
    {NULL},
};

static const bc_sort_field SORTS[] = {
    {"date", BC_LAST_DATE("ev.date_start"), BC_SORT_TEXT},
    {"year", BC_LAST_INT("ev.year"), BC_SORT_INT},
    {"kind", "ev.kind", BC_SORT_TEXT},
    {"status", "ev.status", BC_SORT_TEXT},
    {"title", "ev.title", BC_SORT_TEXT},
    {"id", "ev.id", BC_SORT_TEXT},
    {NULL},
};

/* the documents' fields in order, and how each is written in CSV */
static const bc_field FIELDS[] = {
    {"id"},
    {"type"},
    {"kind"},
    {"title"},
    {"status"},
    {"date"},
    {"date_precision"},
    {"date_start"},
    {"date_end"},
    {"year"},
    {"place"},
    {"parties", BC_CSV_LIST},
    {"organisations", BC_CSV_LIST, "name"},
    {"meetings", BC_CSV_LIST, "id"},
    {"description"},
    {"aliases", BC_CSV_LIST, "alias"},
    {"curation"},
    {"confidence"},
    {"inferred", BC_CSV_LIST},
    {"background", BC_CSV_LIST, "text"},
    {"note"},
    {"sources", BC_CSV_SOURCES},
    {"links", BC_CSV_LINK},
    {NULL},
};

/* ?facets=: counts over the filtered events; an event counts once under each province
 * among the bodies that took part */
static const bc_facet FACETS[] = {
    {"kind", "ev.kind"},
    {"status", "ev.status"},
    {"year", "ev.year"},
    {"curation", "ev.curation"},
    {"province", "ex.province_id",
     "LEFT JOIN coop_event_organisations ex ON ex.event_id = ev.id AND ex.province_id IS NOT NULL"},
    {NULL},
};

/* under a list's set or a detail's ?curation=, an event's `meetings` are those
 * /v1/meetings lists under the set (resource_set.c) */
static const bc_embed EMBEDS[] = {
    {BC_EMBED_MEETINGS, "$.meetings"},
    {0, NULL},
};

const bc_resource bc_res_events = {
    .name = "events",
    .singular = "event",
    .entity = "event",
    .from = "coop_events ev",
    .id_col = "ev.id",
    .doc_sql = "SELECT doc FROM v_coop_event_doc WHERE id = ?1",
    .embeds = EMBEDS,
    .filters = FILTERS,
    .sorts = SORTS,
    .default_sort = "date",
    .fields = FIELDS,
    .inferred_col = "ev.inferred",
    .facets = FACETS,
};
