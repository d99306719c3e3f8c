/* gates.c: /v1/border-gate-projects: gate pairs, openings, bridges, roads, railways
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
    {"curation", BC_PARAM_TEXT, "p.curation = ?", BC_LOOKUP_VOCAB("curation"),
     BC_VALUES_VOCAB("curation")},
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

static const char *const FIELDS[] = {
    "id",         "type",         "name",        "kind",       "status",   "vn_side", "cn_side",
    "vn_side_vi", "cn_side_zh",   "provinces",   "part_of",    "parts",    "aliases", "description",
    "events",     "latest_event", "curation",    "confidence", "inferred", "note",    "sources",
    "links",      "vn_location",  "cn_location", "wikidata",   NULL};

const bc_resource bc_res_projects = {
    .name = "border-gate-projects",
    .singular = "border gate project",
    .entity = "project",
    .from = "projects p",
    .id_col = "p.id",
    .doc_sql = BC_PROJECT_DOC_SQL,
    .filters = FILTERS,
    .sorts = SORTS,
    .default_sort = "id",
    .fields = FIELDS,
    .inferred_col = "p.inferred",
};
