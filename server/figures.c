/* figures.c: /v1/figures (every quantitative fact), /v1/trade-figures (the trade
 * category only, same filters without `category`), and one figure's overlaps and
 * conflicts (/v1/figures/{id}/overlaps, /v1/figures/{id}/conflicts). */
#include "bordercoop/changes.h"
#include "bordercoop/resource.h"

#define PROVINCE_FILTER                                                                            \
    BC_PROVINCE_FILTER_READING("EXISTS (SELECT 1 FROM figure_parties fp WHERE fp.figure_id = "     \
                               "f.id AND fp.province_id IN (" BC_PROVINCE_AND_MERGED "))",         \
                               "'parties'")
#define READS_PERIOD "'period', 'period.start', 'period.end'"
/* a whole country as the other side (0053): "VN" or "CN", in any case */
#define COUNTERPART_FILTER                                                                         \
    {                                                                                              \
        "counterpart_country", BC_PARAM_TEXT, "f.counterpart_country = ?",                         \
            BC_LOOKUP_VOCAB("counterpart_country"), BC_VALUES_VOCAB("counterpart_country"),        \
            .reads = "'counterpart_country'"                                                       \
    }
/* a year matches every figure whose period overlaps it ("2024-06/2025-10" is in 2024) */
#define YEAR_OVERLAPS "f.period_end >= ? || '-01-01' AND f.period_start <= ? || '-12-31'"
/* the figures of a meeting are few: read from its index (figure_meetings_meeting), not by
 * asking each figure of the page's order in turn (an EXISTS per figure walked a big store's
 * figures for 240 ms and more) */
#define MEETING_OF "f.id IN (SELECT fm.figure_id FROM figure_meetings fm WHERE fm.meeting_id = ?)"
#define COMMON_FILTERS                                                                             \
    {"year", BC_PARAM_INT, YEAR_OVERLAPS, .min = 1900, .max = 2199, .reads = READS_PERIOD},        \
        {"from", BC_PARAM_DATE_FROM, "f.period_end >= ?", .reads = READS_PERIOD},                  \
        {"to", BC_PARAM_DATE_TO, "f.period_start <= ?", .reads = READS_PERIOD},                    \
        BC_MEETING_FILTER_READING(MEETING_OF, "'meetings'"),                                       \
        BC_CURATION_FILTER_INDEXED(BC_CURATION_IN("f.curation"), BC_CURATION_ONE("f.curation")),   \
        BC_EXACT_FILTER, BC_CHANGED_SINCE_FILTER("f.id", "figure")

static const bc_param_spec FIGURE_FILTERS[] = {
    PROVINCE_FILTER,
    COUNTERPART_FILTER,
    {"metric", BC_PARAM_TEXT, "f.metric = ?", "SELECT id FROM metrics WHERE id = ? COLLATE NOCASE",
     "SELECT id FROM metrics ORDER BY id", .reads = "'metric'"},
    {"category", BC_PARAM_TEXT, "f.category = ?", BC_LOOKUP_VOCAB("category"),
     BC_VALUES_VOCAB("category"), .reads = "'metric'"},
    COMMON_FILTERS,
    {NULL},
};

static const bc_param_spec TRADE_FILTERS[] = {
    PROVINCE_FILTER,
    COUNTERPART_FILTER,
    {"metric", BC_PARAM_TEXT, "f.metric = ?",
     "SELECT id FROM metrics WHERE id = ? COLLATE NOCASE AND category = 'trade'",
     "SELECT id FROM metrics WHERE category = 'trade' ORDER BY id", .reads = "'metric'"},
    COMMON_FILTERS,
    {NULL},
};

static const bc_sort_field SORTS[] = {
    {"period", BC_LAST_DATE("f.period_start"), BC_SORT_TEXT},
    {"period_end", BC_LAST_DATE("f.period_end"), BC_SORT_TEXT},
    {"year", BC_LAST_INT("f.year"), BC_SORT_INT},
    {"value", "f.value", BC_SORT_REAL},
    {"metric", "f.metric", BC_SORT_TEXT},
    {"category", "f.category", BC_SORT_TEXT},
    {"id", "f.id", BC_SORT_TEXT},
    {NULL},
};

/* the documents' fields in order, and how each is written in CSV */
static const bc_field FIELDS[] = {
    {"id"},
    {"type"},
    {"metric"},
    {"category"},
    {"description"},
    {"value"},
    {"unit"},
    {"qualifier"},
    {"period"},
    {"period_start"},
    {"period_end"},
    {"year"},
    {"change", BC_CSV_COLUMNS, "value,unit,qualifier,basis"},
    {"parties", BC_CSV_LIST},
    {"counterpart_country"},
    {"meetings", BC_CSV_LIST, "id"},
    {"conflicts_with", BC_CSV_LIST, "id"},
    {"conflicts_total", BC_CSV_VALUE}, /* list pages only (0034) */
    {"overlaps", BC_CSV_LIST, "id+relation"},
    {"overlaps_total", BC_CSV_VALUE},
    {"curation"},
    {"confidence"},
    {"inferred", BC_CSV_LIST},
    {"background", BC_CSV_LIST, "text"},
    {"note"},
    {"sources", BC_CSV_SOURCES},
    {"links", BC_CSV_LINK},
    {NULL},
};

/* ?facets=: counts of these fields' values over the filtered figures; a figure counts
 * once under each of its parties, and (as year= matches every figure whose period overlaps
 * the year) once under every calendar year its period overlaps, up to 12. The years are
 * those of figure_year_facet (0045), kept from the period by the store; under the
 * curation filter alone both facets count from their table's covering index (`where` the
 * trade list's condition on it). */
#define CURATION_SET "c.curation IN (SELECT curation FROM curation_sets WHERE name = ?1)"
#define PROVINCE_FACET(where)                                                                      \
    {                                                                                              \
        "province", "fx.province_id", "LEFT JOIN figure_parties fx ON fx.figure_id = f.id",        \
            .cover = "SELECT nullif(c.province_id, '') AS value, count(*) FROM "                   \
                     "figure_province_facet c WHERE " CURATION_SET where                           \
                     " GROUP BY c.province_id ORDER BY 2 DESC, 1 IS NULL, 1",                      \
            .cover_merged = "SELECT CASE WHEN EXISTS (SELECT 1 FROM provinces WHERE "              \
                            "merged_into = ?2) THEN (SELECT count(DISTINCT c.figure_id) FROM "     \
                            "figure_province_facet c WHERE c.province_id IN (SELECT id FROM "      \
                            "provinces WHERE ?2 IN (id, merged_into)) AND " CURATION_SET where     \
                            ") ELSE (SELECT count(*) FROM figure_province_facet c WHERE "          \
                            "c.province_id = ?2 AND " CURATION_SET where ") END"                   \
    }
#define YEAR_FACET(where)                                                                          \
    {                                                                                              \
        "year", "nullif(fy.year, 0)", "LEFT JOIN figure_year_facet fy ON fy.figure_id = f.id",     \
            .cover = "SELECT nullif(c.year, 0) AS value, count(*) FROM figure_year_facet c "       \
                     "WHERE " CURATION_SET where " GROUP BY c.year ORDER BY 2 DESC, 1 IS NULL, 1"  \
    }
#define TRADE_ONLY " AND c.category = 'trade'"
static const bc_facet FIGURE_FACETS[] = {
    {"metric", "f.metric"},
    {"category", "f.category"},
    YEAR_FACET(""),
    {"curation", "f.curation"},
    PROVINCE_FACET(""),
    {"counterpart_country", "f.counterpart_country"},
    {NULL},
};
static const bc_facet TRADE_FACETS[] = {
    {"metric", "f.metric"},
    YEAR_FACET(TRADE_ONLY),
    {"curation", "f.curation"},
    PROVINCE_FACET(TRADE_ONLY),
    {"counterpart_country", "f.counterpart_country"},
    {NULL},
};

/* under a list's set or a detail's ?curation=, a figure's `meetings` (objects, or ids in a
 * CSV row's document) are those /v1/meetings lists under the set (resource_set.c) */
static const bc_embed EMBEDS[] = {
    {BC_EMBED_MEETINGS, "$.meetings"},
    {0, NULL},
};

const bc_resource bc_res_figures = {
    .name = "figures",
    .singular = "figure",
    .from = "figures f",
    .id_col = "f.id",
    .doc_sql = "SELECT doc FROM v_figure_doc WHERE id = ?1",
    .list_doc_sql = "SELECT doc FROM v_figure_list_doc WHERE id = ?1",
    .csv_doc_sql = "SELECT doc FROM v_figure_csv_doc WHERE id = ?1",
    .embeds = EMBEDS,
    .filters = FIGURE_FILTERS,
    .sorts = SORTS,
    .default_sort = "period",
    .fields = FIELDS,
    .inferred_col = "f.inferred",
    .facets = FIGURE_FACETS,
};

const bc_resource bc_res_trade_figures = {
    .name = "trade-figures",
    .singular = "trade figure",
    .from = "figures f",
    .id_col = "f.id",
    .fixed_where = "f.category = 'trade'",
    .doc_sql = "SELECT doc FROM v_figure_doc WHERE id = ?1 AND json_extract(doc, '$.category') "
               "= 'trade'",
    /* the list reads trade figures only */
    .list_doc_sql = "SELECT doc FROM v_figure_list_doc WHERE id = ?1",
    .csv_doc_sql = "SELECT doc FROM v_figure_csv_doc WHERE id = ?1",
    .embeds = EMBEDS,
    .filters = TRADE_FILTERS,
    .sorts = SORTS,
    .default_sort = "period",
    .fields = FIELDS,
    .inferred_col = "f.inferred",
    .facets = TRADE_FACETS,
};

/* ---- one figure's overlaps and conflicts: the entries of its `overlaps` and
 * `conflicts_with`, in pages (0035) ---- */

static const bc_param_spec OVERLAPS_OF = {"figure", BC_PARAM_TEXT, "fo.figure_id = ?"};
static const bc_param_spec CONFLICTS_OF = {"figure", BC_PARAM_TEXT, "fc.figure_id = ?"};
/* a rejected figure is in no list of overlaps or conflicts, and hidden (resource.h) */
#define FIGURE_EXISTS "SELECT curation = 'rejected' FROM figures WHERE id = ?1"

/* by default in the order the linked figures were stored, as the figure's document takes its
 * first entries (0050: other_stored is set on every row, the id breaks a tie) */
static const bc_sort_field OVERLAP_SORTS[] = {
    {"stored", "fo.other_stored", BC_SORT_INT},
    {"id", "fo.other_id", BC_SORT_TEXT},
    {NULL},
};
static const bc_sort_field CONFLICT_SORTS[] = {
    {"stored", "fc.other_stored", BC_SORT_INT},
    {"id", "fc.other_id", BC_SORT_TEXT},
    {NULL},
};

static const bc_field OVERLAP_FIELDS[] = {
    {"id"},     {"relation"}, {"by_parties"},         {"by_period"},
    {"period"}, {"curation"}, {"links", BC_CSV_LINK}, {NULL},
};
static const bc_field CONFLICT_FIELDS[] = {
    {"id"},   {"value"},    {"qualifier"},          {"period"},
    {"note"}, {"curation"}, {"links", BC_CSV_LINK}, {NULL},
};

const bc_resource bc_res_figure_overlaps = {
    .name = "overlaps",
    .singular = "overlap",
    .from = "figure_overlaps fo",
    .id_col = "fo.other_id",
    .doc_sql = "SELECT doc FROM v_figure_overlap_item WHERE id = ?1 AND figure_id = ?2",
    .parent = &bc_res_figures,
    .parent_filter = &OVERLAPS_OF,
    .parent_sql = FIGURE_EXISTS,
    .sorts = OVERLAP_SORTS,
    .default_sort = "stored",
    .fields = OVERLAP_FIELDS,
};

const bc_resource bc_res_figure_conflicts = {
    .name = "conflicts",
    .singular = "conflict",
    .from = "figure_conflicts fc",
    .id_col = "fc.other_id",
    .doc_sql = "SELECT doc FROM v_figure_conflict_item WHERE id = ?1 AND figure_id = ?2",
    .parent = &bc_res_figures,
    .parent_filter = &CONFLICTS_OF,
    .parent_sql = FIGURE_EXISTS,
    .sorts = CONFLICT_SORTS,
    .default_sort = "stored",
    .fields = CONFLICT_FIELDS,
};
