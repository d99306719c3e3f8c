/* provinces.c: /v1/provinces: provinces and regions with their names and aliases. */
#include "bordercoop/places.h"
#include "bordercoop/changes.h"
#include "bordercoop/resource.h"

static const bc_param_spec FILTERS[] = {
    {"country", BC_PARAM_TEXT, "p.country = ?", BC_LOOKUP_VOCAB("country"),
     BC_VALUES_VOCAB("country")},
    {"level", BC_PARAM_TEXT, "p.level = ?", BC_LOOKUP_VOCAB("province_level"),
     BC_VALUES_VOCAB("province_level")},
    BC_CURATION_CURATED,
    BC_CHANGED_SINCE_FILTER("p.id", "province"),
    {NULL},
};

static const bc_sort_field SORTS[] = {
    {"country", "p.country", BC_SORT_TEXT},
    {"name", "p.name", BC_SORT_TEXT},
    {"level", "p.level", BC_SORT_TEXT},
    {"id", "p.id", BC_SORT_TEXT},
    {NULL},
};

/* the documents' fields in order, and how each is written in CSV */
static const bc_field FIELDS[] = {
    {"id"},
    {"type"},
    {"name"},
    {"name_vi"},
    {"name_zh"},
    {"country"},
    {"level"},
    {"aliases", BC_CSV_LIST, "alias"},
    {"merged_into", BC_CSV_REF},
    {"merged_from", BC_CSV_LIST, "id"},
    {"mechanisms", BC_CSV_LIST, "id"},
    {"counts", BC_CSV_COLUMNS, "meetings,figures,border_gate_projects,protocols,events,people"},
    {"inferred", BC_CSV_LIST},
    {"background", BC_CSV_LIST, "text"},
    {"note"},
    {"sources", BC_CSV_SOURCES},
    {"links", BC_CSV_LINK},
    {"location", BC_CSV_COLUMNS,
     "lat,lon,precision,reference,reference_name,reference_url,basis,note"},
    {"wikidata"},
    {NULL},
};

/* ?facets=: counts over the filtered provinces */
static const bc_facet FACETS[] = {
    {"country", "p.country"},
    {"level", "p.level"},
    {NULL},
};

/* GeoJSON: a province is one Feature at its seat (null geometry when none is known);
 * `kind` is its level, and a province has no status */
static const bc_geo_point POINTS[] = {
    {"location", "seat"},
    {NULL},
};
static const bc_geo_prop PROPS[] = {
    {"id", "id"},           {"name", "name"},   {"status", NULL}, {"kind", "level"},
    {"country", "country"}, {"links", "links"}, {NULL},
};
static const bc_geo GEO = {POINTS, PROPS};

/* its `counts` are the totals of the lists its links name (each by the province, merged
 * provinces included), under the set it is served in: trusted unless asked (resource.h) */
static const bc_counted COUNTS[] = {
    {"meetings", &bc_res_meetings, "province"},
    {"figures", &bc_res_figures, "province"},
    {"border_gate_projects", &bc_res_projects, "province"},
    {"protocols", &bc_res_protocols, "province"},
    {"events", &bc_res_events, "province"},
    {"people", &bc_res_people, "province"},
    {NULL},
};

const bc_resource bc_res_provinces = {
    .name = "provinces",
    .singular = "province",
    .entity = "province",
    .from = "provinces p",
    .id_col = "p.id",
    .doc_sql = BC_PROVINCE_DOC_SQL,
    .counts = COUNTS,
    .filters = FILTERS,
    .sorts = SORTS,
    .default_sort = "-country,id",
    .fields = FIELDS,
    .facets = FACETS,
    .geo = &GEO,
};
