/* sources.c: /v1/sources: the articles, their metadata and the facts drawn from each. */
#include "bordercoop/resource.h"

static const bc_param_spec FILTERS[] = {
    {"lang", BC_PARAM_TEXT, "s.lang = ?", BC_LOOKUP_VOCAB("lang"),
     "SELECT DISTINCT lang FROM sources ORDER BY lang"},
    {NULL},
};

const bc_resource bc_res_sources = {
    .name = "sources",
    .singular = "source",
    .entity = "source",
    .from = "sources s",
    .id_col = "s.id",
    .order_by = "s.file, s.id",
    .doc_sql = "SELECT doc FROM v_source_doc WHERE id = ?1",
    .filters = FILTERS,
};
