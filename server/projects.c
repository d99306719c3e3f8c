/* projects.c: /v1/border-gate-projects: gate pairs, openings, bridges, roads, railways
 * and routes, with their dated events. */
#include "bordercoop/places.h"
#include "bordercoop/changes.h"
#include "bordercoop/resource.h"

static const bc_param_spec FILTERS[] = {
    BC_PROVINCE_FILTER_READING("p.vn_province_id IN (" BC_PROVINCE_AND_MERGED
                               ") OR p.cn_province_id IN (" BC_PROVINCE_AND_MERGED ")",
                               "'vn_province', 'cn_province'"),
    {"kind", BC_PARAM_TEXT, "p.kind = ?", BC_LOOKUP_VOCAB("project_kind"),
     BC_VALUES_VOCAB("project_kind"), .reads = "'kind'"},
    {"status", BC_PARAM_TEXT, "p.status = ?", BC_LOOKUP_VOCAB("project_status"),
     BC_VALUES_VOCAB("project_status"), .reads = "'status'"},
    BC_MEETING_FILTER("EXISTS (SELECT 1 FROM project_events e WHERE e.project_id = p.id AND "
                      "e.meeting_id = ?)"),
    BC_CURATION_FILTER(BC_CURATION_IN("p.curation")),
    BC_EXACT_FILTER,
    BC_CHANGED_SINCE_FILTER("p.id", "border_gate_project"),
    {NULL},
};

static const bc_sort_field SORTS[] = {
    {"name", "p.name", BC_SORT_TEXT},
    {"kind", "p.kind", BC_SORT_TEXT},
    {"status", "p.status", BC_SORT_TEXT},
    {"id", "p.id", BC_SORT_TEXT},
    {NULL},
};

/* the documents' fields in order, and how each is written in CSV */
static const bc_field FIELDS[] = {
    {"id"},
    {"type"},
    {"name"},
    {"kind"},
    {"status"},
    {"vn_side"},
    {"cn_side"},
    {"vn_side_vi"},
    {"cn_side_zh"},
    {"provinces", BC_CSV_COLUMNS, "vn.id,cn.id"},
    {"parties", BC_CSV_LIST},
    {"meetings", BC_CSV_LIST, "id"},
    {"part_of", BC_CSV_REF},
    {"parts", BC_CSV_LIST, "id"},
    {"aliases", BC_CSV_LIST, "alias"},
    {"description"},
    {"events", BC_CSV_LIST, "id"},
    {"latest_event", BC_CSV_REF},
    {"curation"},
    {"confidence"},
    {"inferred", BC_CSV_LIST},
    {"background", BC_CSV_LIST, "text"},
    {"note"},
    {"sources", BC_CSV_SOURCES},
    {"links", BC_CSV_LINK},
    {"vn_location", BC_CSV_COLUMNS,
     "lat,lon,precision,reference,reference_name,reference_url,basis,note"},
    {"cn_location", BC_CSV_COLUMNS,
     "lat,lon,precision,reference,reference_name,reference_url,basis,note"},
    {"wikidata"},
    {"unlocated", BC_CSV_LIST, "reason"},
    {NULL},
};

/* ?facets=: counts over the filtered projects; a project counts once under each of the
 * provinces of its two sides */
static const bc_facet FACETS[] = {
    {"kind", "p.kind"},
    {"status", "p.status"},
    {"curation", "p.curation"},
    {"province", "px.id",
     "LEFT JOIN provinces px ON px.id IN (p.vn_province_id, p.cn_province_id)"},
    {NULL},
};

/* GeoJSON: a project is one Feature; its geometry holds the located sides, Vietnamese
 * first (a Point when one side is located, a MultiPoint for both, null for none) */
static const bc_geo_point POINTS[] = {
    {"vn_location", "vn"},
    {"cn_location", "cn"},
    {NULL},
};
static const bc_geo_prop PROPS[] = {
    {"id", "id"},
    {"name", "name"},
    {"status", "status"},
    {"kind", "kind"},
    {"vn_side", "vn_side"},
    {"cn_side", "cn_side"},
    {"curation", "curation"},
    {"links", "links"},
    {"unlocated", "unlocated"},
    {NULL},
};
static const bc_geo GEO = {POINTS, PROPS};

/* under a list's set or a detail's ?curation=, the meetings a project names (its
 * `meetings`, the `meeting` of each of its events and of its latest) are those /v1/meetings
 * lists under the set, a meeting it leaves out null (resource_set.c) */
static const bc_embed EMBEDS[] = {
    {BC_EMBED_MEETINGS, "$.meetings"},
    {BC_EMBED_MEETING, "$.events", "$.meeting"},
    {BC_EMBED_MEETING, "$.latest_event.meeting"},
    {0, NULL},
};

const bc_resource bc_res_projects = {
    .name = "border-gate-projects",
    .singular = "border gate project",
    .entity = "project",
    .from = "projects p",
    .id_col = "p.id",
    .doc_sql = BC_PROJECT_DOC_SQL,
    .embeds = EMBEDS,
    .filters = FILTERS,
    .sorts = SORTS,
    .default_sort = "id",
    .fields = FIELDS,
    .inferred_col = "p.inferred",
    .facets = FACETS,
    .geo = &GEO,
};
