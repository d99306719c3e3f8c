/* meetings.c: /v1/meetings: conferences, working-group and committee meetings. */
#include "bordercoop/resource.h"

static const bc_param_spec FILTERS[] = {
    {"mechanism", BC_PARAM_TEXT, "m.mechanism_id = ?", BC_LOOKUP_ALIAS("mechanism"),
     "SELECT id FROM mechanisms ORDER BY id", NULL, 1},
    {"province", BC_PARAM_TEXT,
     "m.id IN (SELECT meeting_id FROM meeting_provinces WHERE province_id IN "
     "(" BC_PROVINCE_AND_MERGED "))",
     BC_LOOKUP_ALIAS("province"), NULL, "a province id or any of its names (see /v1/provinces)",
     1},
    {"year", BC_PARAM_INT, "m.year = ?", NULL, NULL, NULL, 0, 1900, 2199},
    {"from", BC_PARAM_DATE_FROM, "m.date_end >= ?"},
    {"to", BC_PARAM_DATE_TO, "m.date_start <= ?"},
    {"status", BC_PARAM_TEXT, "m.status = ?", BC_LOOKUP_VOCAB("meeting_status"),
     BC_VALUES_VOCAB("meeting_status")},
    {NULL},
};

const bc_resource bc_res_meetings = {
    .name = "meetings",
    .singular = "meeting",
    .entity = "meeting",
    .from = "meetings m",
    .id_col = "m.id",
    .order_by = "m.date_start IS NULL, m.date_start, m.ordinal, m.id",
    .doc_sql = "SELECT doc FROM v_meeting_doc WHERE id = ?1",
    .filters = FILTERS,
};
