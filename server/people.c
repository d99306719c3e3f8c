/* people.c: /v1/people: officials named in the articles, their roles and meetings. */
#include "bordercoop/places.h"
#include "bordercoop/changes.h"
#include "bordercoop/resource.h"

static const bc_param_spec FILTERS[] = {
    BC_PROVINCE_FILTER("pe.province_id IN (" BC_PROVINCE_AND_MERGED ")"),
    {"country", BC_PARAM_TEXT, "pe.country = ?", BC_LOOKUP_VOCAB("country"),
     BC_VALUES_VOCAB("country")},
    BC_MEETING_FILTER("pe.id IN (SELECT person_id FROM meeting_participants WHERE meeting_id = ?)"),
    BC_CURATION_CURATED,
    BC_CHANGED_SINCE_FILTER("pe.id", "person"),
    {NULL},
};

static const bc_sort_field SORTS[] = {
    {"name", "pe.name", BC_SORT_TEXT},
    {"country", "pe.country", BC_SORT_TEXT},
    {"id", "pe.id", BC_SORT_TEXT},
    {NULL},
};

/* the documents' fields in order, and how each is written in CSV */
static const bc_field FIELDS[] = {
    {"id"},
    {"type"},
    {"name"},
    {"country"},
    {"province", BC_CSV_REF},
    {"aliases", BC_CSV_LIST, "alias"},
    {"roles", BC_CSV_LIST, "role+organisation"},
    {"meetings", BC_CSV_LIST, "id"},
    {"inferred", BC_CSV_LIST},
    {"background", BC_CSV_LIST, "text"},
    {"note"},
    {"sources", BC_CSV_SOURCES},
    {"links", BC_CSV_LINK},
    {"wikidata"},
    {NULL},
};

/* ?facets=: counts over the filtered people */
static const bc_facet FACETS[] = {
    {"country", "pe.country"},
    {"province", "pe.province_id"},
    {NULL},
};

/* under a list's set or a detail's ?curation=, its `meetings` are those /v1/meetings
 * lists under the set (resource.h, resource_set.c) */
static const bc_embed EMBEDS[] = {
    {BC_EMBED_MEETINGS, "$.meetings"},
    {0, NULL},
};

const bc_resource bc_res_people = {
    .name = "people",
    .singular = "person",
    .entity = "person",
    .from = "people pe",
    .id_col = "pe.id",
    .doc_sql = BC_PERSON_DOC_SQL,
    .embeds = EMBEDS,
    .filters = FILTERS,
    .sorts = SORTS,
    .default_sort = "id",
    .fields = FIELDS,
    .facets = FACETS,
};
