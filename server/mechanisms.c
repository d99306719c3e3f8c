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

/* the document's `meetings` narrowed to those /v1/meetings?mechanism=&curation= lists
 * under the set ?2: no unreviewed meeting under trusted, a known meeting's twin once */
#define IN_SET_OF_MEETINGS                                                                         \
    "SELECT m.id FROM meetings m WHERE m.mechanism_id = json_extract(?1, '$.id') AND "             \
    "m.curation IN (SELECT curation FROM curation_sets WHERE name = ?2) "                          \
    "AND " BC_MEETING_NOT_A_TWIN

const bc_resource bc_res_mechanisms = {
    .name = "mechanisms",
    .singular = "mechanism",
    .entity = "mechanism",
    .from = "mechanisms mc",
    .id_col = "mc.id",
    .doc_sql = "SELECT doc FROM v_mechanism_doc WHERE id = ?1",
    .detail_set_sql =
        "SELECT json_set(?1, '$.meetings', json((SELECT json_group_array(json(e.value)) "
        "FROM json_each(?1, '$.meetings') e WHERE json_extract(e.value, '$.id') IN "
        "(" IN_SET_OF_MEETINGS "))))",
    .filters = FILTERS,
    .sorts = SORTS,
    .default_sort = "id",
    .fields = FIELDS,
    .facets = FACETS,
};
