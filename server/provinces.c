/* provinces.c: /v1/provinces: provinces and regions with their names and aliases. */
#include "bordercoop/resource.h"

static const bc_param_spec FILTERS[] = {
    {"country", BC_PARAM_TEXT, "p.country = ?", BC_LOOKUP_VOCAB("country"),
     BC_VALUES_VOCAB("country")},
    {"level", BC_PARAM_TEXT, "p.level = ?", BC_LOOKUP_VOCAB("province_level"),
     BC_VALUES_VOCAB("province_level")},
    {NULL},
};

const bc_resource bc_res_provinces = {
    .name = "provinces",
    .singular = "province",
    .entity = "province",
    .from = "provinces p",
    .id_col = "p.id",
    .order_by = "p.country DESC, p.id",
    .doc_sql = "SELECT doc FROM v_province_doc WHERE id = ?1",
    .filters = FILTERS,
};
