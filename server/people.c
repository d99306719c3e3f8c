/* people.c: /v1/people: officials named in the articles, their roles and meetings. */
#include "bordercoop/places.h"
#include "bordercoop/changes.h"
#include "bordercoop/resource.h"

static const bc_param_spec FILTERS[] = {
    BC_PROVINCE_FILTER("pe.province_id IN (" BC_PROVINCE_AND_MERGED ")"),
    {"country", BC_PARAM_TEXT, "pe.country = ?", BC_LOOKUP_VOCAB("country"),
     BC_VALUES_VOCAB("country")},
    BC_MEETING_FILTER("pe.id IN (SELECT person_id FROM meeting_participants WHERE meeting_id = ?)"),
    BC_CHANGED_SINCE_FILTER("pe.id", "person"),
    {NULL},
};

static const bc_sort_field SORTS[] = {
    {"name", "pe.name", BC_SORT_TEXT},
    {"country", "pe.country", BC_SORT_TEXT},
    {"id", "pe.id", BC_SORT_TEXT},
    {NULL},
};

static const char *const FIELDS[] = {"id",      "type",  "name",     "country",  "province",
                                     "aliases", "roles", "meetings", "inferred", "note",
                                     "sources", "links", "wikidata", NULL};

const bc_resource bc_res_people = {
    .name = "people",
    .singular = "person",
    .entity = "person",
    .from = "people pe",
    .id_col = "pe.id",
    .doc_sql = BC_PERSON_DOC_SQL,
    .filters = FILTERS,
    .sorts = SORTS,
    .default_sort = "id",
    .fields = FIELDS,
};
