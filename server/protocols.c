/* protocols.c: /v1/protocols: minutes, MoUs, agreements, action plans, statements. */
#include "bordercoop/changes.h"
#include "bordercoop/resource.h"

static const bc_param_spec FILTERS[] = {
    BC_MEETING_FILTER_READING("pr.meeting_id = ?", "'meeting'"),
    BC_PROVINCE_FILTER_READING("EXISTS (SELECT 1 FROM protocol_parties pp WHERE pp.protocol_id = "
                               "pr.id AND pp.province_id IN (" BC_PROVINCE_AND_MERGED "))",
                               "'parties'"),
    {"year", BC_PARAM_INT, "pr.year = ?", NULL, NULL, NULL, 0, 1900, 2199,
     BC_READS_DATE("signed_on")},
    {"kind", BC_PARAM_TEXT, "pr.kind = ?", BC_LOOKUP_VOCAB("protocol_kind"),
     BC_VALUES_VOCAB("protocol_kind"), .reads = "'kind'"},
    {"level", BC_PARAM_TEXT, "pr.level = ?", BC_LOOKUP_VOCAB("protocol_level"),
     BC_VALUES_VOCAB("protocol_level"), .reads = "'level'"},
    {"status", BC_PARAM_TEXT, "pr.status = ?", BC_LOOKUP_VOCAB("protocol_status"),
     BC_VALUES_VOCAB("protocol_status"), .reads = "'status'"},
    BC_EXACT_FILTER,
    BC_CURATION_CURATED,
    BC_CHANGED_SINCE_FILTER("pr.id", "protocol"),
    {NULL},
};

static const bc_sort_field SORTS[] = {
    {"signed_on", BC_LAST_DATE("pr.date_start"), BC_SORT_TEXT},
    {"year", BC_LAST_INT("pr.year"), BC_SORT_INT},
    {"kind", "pr.kind", BC_SORT_TEXT},
    {"level", "pr.level", BC_SORT_TEXT},
    {"title", "pr.title", BC_SORT_TEXT},
    {"id", "pr.id", BC_SORT_TEXT},
    {NULL},
};

/* the documents' fields in order, and how each is written in CSV */
static const bc_field FIELDS[] = {
    {"id"},
    {"type"},
    {"title"},
    {"kind"},
    {"level"},
    {"status"},
    {"signed_on"},
    {"signed_on_start"},
    {"signed_on_end"},
    {"date_precision"},
    {"year"},
    {"meeting", BC_CSV_REF},
    {"meetings", BC_CSV_LIST, "id"},
    {"parties", BC_CSV_LIST},
    {"organisations", BC_CSV_LIST, "name"},
    {"areas", BC_CSV_LIST, "area"},
    {"aliases", BC_CSV_LIST, "alias"},
    {"summary"},
    {"inferred", BC_CSV_LIST},
    {"background", BC_CSV_LIST, "text"},
    {"note"},
    {"curation"},
    {"sources", BC_CSV_SOURCES},
    {"links", BC_CSV_LINK},
    {NULL},
};

/* ?facets=: counts over the filtered protocols; a protocol counts once under each
 * province among its parties */
static const bc_facet FACETS[] = {
    {"kind", "pr.kind"},
    {"level", "pr.level"},
    {"status", "pr.status"},
    {"year", "pr.year"},
    {"curation", "'curated'"},
    {"province", "px.province_id",
     "LEFT JOIN protocol_parties px ON px.protocol_id = pr.id AND px.province_id IS NOT NULL"},
    {NULL},
};

/* under a list's set or a detail's ?curation=, the meeting a protocol was signed at
 * (`meeting`, null when /v1/meetings does not list it under the set, and `meetings`)
 * (resource_set.c) */
static const bc_embed EMBEDS[] = {
    {BC_EMBED_MEETING, "$.meeting"},
    {BC_EMBED_MEETINGS, "$.meetings"},
    {0, NULL},
};

const bc_resource bc_res_protocols = {
    .name = "protocols",
    .singular = "protocol",
    .entity = "protocol",
    .from = "protocols pr",
    .id_col = "pr.id",
    .doc_sql = "SELECT doc FROM v_protocol_doc WHERE id = ?1",
    .embeds = EMBEDS,
    .filters = FILTERS,
    .sorts = SORTS,
    .default_sort = "signed_on",
    .fields = FIELDS,
    .inferred_col = "pr.inferred",
    .facets = FACETS,
};
