/* mechanisms.c: /v1/mechanisms: the cooperation mechanisms meetings belong to. */
#include "bordercoop/changes.h"
#include "bordercoop/resource.h"

static const bc_param_spec FILTERS[] = {
    BC_PROVINCE_FILTER("mc.id IN (SELECT mechanism_id FROM mechanism_members WHERE province_id IN "
                       "(" BC_PROVINCE_AND_MERGED "))"),
    {"kind", BC_PARAM_TEXT, "mc.kind = ?", BC_LOOKUP_VOCAB("mechanism_kind"),
     BC_VALUES_VOCAB("mechanism_kind")},
    BC_CURATION_CURATED,
    BC_CHANGED_SINCE_FILTER("mc.id", "mechanism"),
    {NULL},
};

static const bc_sort_field SORTS[] = {
    {"name", "mc.name", BC_SORT_TEXT},
    {"kind", "mc.kind", BC_SORT_TEXT},
    {"id", "mc.id", BC_SORT_TEXT},
    {NULL},
};

/* the documents' fields in order, and how each is written in CSV */
static const bc_field FIELDS[] = {
    {"id"},
    {"type"},
    {"name"},
    {"kind"},
    {"description"},
    {"aliases", BC_CSV_LIST, "alias"},
    {"inferred", BC_CSV_LIST},
    {"background", BC_CSV_LIST, "text"},
    {"note"},
    {"members", BC_CSV_LIST, "id"},
    {"parties", BC_CSV_LIST},
    {"meetings", BC_CSV_LIST, "id"},
    {"sources", BC_CSV_SOURCES},
    {"links", BC_CSV_LINK},
    {NULL},
};

/* ?facets=: counts over the filtered mechanisms; a mechanism counts once under each
 * member province */
static const bc_facet FACETS[] = {
    {"kind", "mc.kind"},
    {"province", "mx.province_id", "LEFT JOIN mechanism_members mx ON mx.mechanism_id = mc.id"},
    {NULL},
};

/* under a list's set or a detail's ?curation=, its `meetings` are those /v1/meetings
 * lists under the set (resource.h, resource_set.c) */
static const bc_embed EMBEDS[] = {
    {BC_EMBED_MEETINGS, "$.meetings"},
    {0, NULL},
};

const bc_resource bc_res_mechanisms = {
    .name = "mechanisms",
    .singular = "mechanism",
    .entity = "mechanism",
    .from = "mechanisms mc",
    .id_col = "mc.id",
    .doc_sql = "SELECT doc FROM v_mechanism_doc WHERE id = ?1",
    .embeds = EMBEDS,
    .filters = FILTERS,
    .sorts = SORTS,
    .default_sort = "id",
    .fields = FIELDS,
    .facets = FACETS,
};
