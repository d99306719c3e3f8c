/* meetings.c: /v1/meetings: conferences, working-group and committee meetings. */
#include "bordercoop/changes.h"
#include "bordercoop/resource.h"

/* ?host_province=: the province that hosted the meeting, as recorded (a meeting Ha Giang
 * hosted stays Ha Giang's; ?province= is the one that includes merged provinces) */
#define BC_HOST_PROVINCE_FILTER                                                                    \
    {                                                                                              \
        "host_province", BC_PARAM_TEXT, "m.host_province_id = ?", BC_LOOKUP_ALIAS("province"),     \
            NULL, "a province id or any of its names (see /v1/provinces)", 1, 0, 0, "'host'"       \
    }

/* BC_MEETING_NOT_A_TWIN over a row c of meeting_province_facet (its meeting looked up by id: only a
 * curated one, or a twin), the set's name ?1 */
#define COVER_NOT_A_TWIN                                                                           \
    "((c.same_as IS NULL OR NOT EXISTS (SELECT 1 FROM meetings tw, meetings m WHERE tw.id = "      \
    "c.same_as AND m.id = c.meeting_id AND tw.curation IN (SELECT curation FROM curation_sets "    \
    "WHERE name = ?1 AND name <> 'extracted') AND NOT " BC_MEETING_OUTRANKS(                       \
        "m", "tw") ")) AND (c.curation "                                                           \
                   "<> 'curated' OR NOT EXISTS (SELECT 1 FROM meetings m, meetings r WHERE m.id "  \
                   "= c.meeting_id "                                                               \
                   "AND m.status = 'planned' AND r.same_as = m.id AND r.curation IN (SELECT "      \
                   "curation FROM "                                                                \
                   "curation_sets WHERE name = ?1) AND " BC_MEETING_OUTRANKS("r", "m") ")))"

/* a row c of meeting_province_facet in the set ?1, and the provinces ?2 counts */
#define COVER_SET       "c.curation IN (SELECT curation FROM curation_sets WHERE name = ?1)"
#define COVER_PROVINCES "(SELECT id FROM provinces WHERE ?2 IN (id, merged_into))"

static const bc_param_spec FILTERS[] = {
    {"mechanism", BC_PARAM_TEXT, "m.mechanism_id = ?", BC_LOOKUP_ALIAS("mechanism"),
     "SELECT id FROM mechanisms ORDER BY id", NULL, 1, 0, 0, "'mechanism'"},
    BC_PROVINCE_FILTER_READING("EXISTS (SELECT 1 FROM meeting_provinces mp WHERE mp.meeting_id = "
                               "m.id AND mp.province_id IN (" BC_PROVINCE_AND_MERGED "))",
                               "'provinces'"),
    BC_HOST_PROVINCE_FILTER,
    {"year", BC_PARAM_INT, "m.year = ?", NULL, NULL, NULL, 0, 1900, 2199, "'date', 'date.year'"},
    {"from", BC_PARAM_DATE_FROM, "m.date_end >= ?", .reads = BC_READS_DATE("date")},
    {"to", BC_PARAM_DATE_TO, "m.date_start <= ?", .reads = BC_READS_DATE("date")},
    {"status", BC_PARAM_TEXT, "m.status = ?", BC_LOOKUP_VOCAB("meeting_status"),
     BC_VALUES_VOCAB("meeting_status"), .reads = "'status'"},
    BC_CURATION_FILTER_INDEXED(BC_CURATION_IN("m.curation") " AND " BC_MEETING_NOT_A_TWIN,
                               BC_CURATION_ONE("m.curation") " AND " BC_MEETING_NOT_A_TWIN),
    BC_EXACT_FILTER,
    BC_CHANGED_SINCE_FILTER("m.id", "meeting"),
    {NULL},
};

static const bc_sort_field SORTS[] = {
    {"date", BC_LAST_DATE("m.date_start"), BC_SORT_TEXT},
    {"ordinal", BC_LAST_INT("m.ordinal"), BC_SORT_INT},
    {"year", BC_LAST_INT("m.year"), BC_SORT_INT},
    {"status", "m.status", BC_SORT_TEXT},
    {"mechanism", "m.mechanism_id", BC_SORT_TEXT},
    {"title", "m.title", BC_SORT_TEXT},
    {"id", "m.id", BC_SORT_TEXT},
    {NULL},
};

/* the documents' fields in order, and how each is written in CSV */
static const bc_field FIELDS[] = {
    {"id"},
    {"type"},
    {"title"},
    {"mechanism", BC_CSV_REF},
    {"ordinal"},
    {"status"},
    {"date"},
    {"date_precision"},
    {"date_start"},
    {"date_end"},
    {"year"},
    {"place"},
    {"host_province", BC_CSV_REF},
    {"provinces", BC_CSV_LIST, "id"},
    {"parties", BC_CSV_LIST},
    {"summary"},
    {"aliases", BC_CSV_LIST, "alias"},
    {"participants", BC_CSV_LIST, "person.id"},
    {"decisions", BC_CSV_LIST, "text"},
    {"protocols", BC_CSV_LIST, "id"},
    {"figures", BC_CSV_LIST, "id"},
    {"projects", BC_CSV_LIST, "id"},
    {"events", BC_CSV_LIST, "id"},
    {"previous_meeting", BC_CSV_REF},
    {"next_meeting", BC_CSV_REF},
    {"curation"},
    {"confidence"},
    {"same_as", BC_CSV_REF},
    {"conflicts_with", BC_CSV_LIST, "id"},
    {"inferred", BC_CSV_LIST},
    {"background", BC_CSV_LIST, "text"},
    {"note"},
    {"sources", BC_CSV_SOURCES},
    {"links", BC_CSV_LINK},
    {NULL},
};

/* ?facets=: counts of these fields' values over the filtered meetings */
static const bc_facet FACETS[] = {
    {"mechanism", "m.mechanism_id"},
    {"status", "m.status"},
    {"year", "m.year"},
    /* each curation of the set counts what curation= that curation lists: twins folded
     * under the set are listed by the curation of their own (analyst 11, F14) */
    {"curation", "m.curation", NULL, "SELECT curation FROM curation_sets WHERE name = ?1"},
    {"host_province", "m.host_province_id"},
    /* under the curation filter alone, from meeting_province_facet's covering index (0046),
     * a twin of a known meeting of the set left out as the list leaves it out */
    {"province", "mx.province_id", "LEFT JOIN meeting_provinces mx ON mx.meeting_id = m.id",
     .cover = "SELECT nullif(c.province_id, '') AS value, count(*) FROM meeting_province_facet c "
              "WHERE c.curation IN (SELECT curation FROM curation_sets WHERE name = ?1) "
              "AND " COVER_NOT_A_TWIN " GROUP BY c.province_id ORDER BY 2 DESC, 1 IS NULL, 1",
     /* the rows of the set, less those COVER_NOT_A_TWIN leaves out, which are only ever
      * a twin (same_as) or a meeting another one names as its twin: read from the index
      * alone, no lookup per meeting (a province's counts take it for each province) */
     .cover_merged =
         "SELECT CASE WHEN EXISTS (SELECT 1 FROM provinces WHERE merged_into = ?2) "
         "THEN (SELECT count(DISTINCT c.meeting_id) FROM meeting_province_facet c "
         "WHERE c.province_id IN " COVER_PROVINCES " AND " COVER_SET ") ELSE (SELECT "
         "count(*) FROM meeting_province_facet c WHERE c.province_id = ?2 AND " COVER_SET
         ") END - (SELECT count(DISTINCT c.meeting_id) FROM meeting_province_facet c "
         "WHERE c.province_id IN " COVER_PROVINCES " AND " COVER_SET " AND (c.same_as "
         "IS NOT NULL OR c.meeting_id IN (SELECT same_as FROM meetings WHERE same_as "
         "IS NOT NULL)) AND NOT " COVER_NOT_A_TWIN ")"},
    {NULL},
};

const bc_resource bc_res_meetings = {
    .name = "meetings",
    .singular = "meeting",
    .entity = "meeting",
    .from = "meetings m",
    .id_col = "m.id",
    .doc_sql = "SELECT doc FROM v_meeting_doc WHERE id = ?1",
    .filters = FILTERS,
    .sorts = SORTS,
    .default_sort = "date,ordinal",
    .fields = FIELDS,
    .inferred_col = "m.inferred",
    .facets = FACETS,
};
