/* sources.c: /v1/sources: the articles, their metadata and the facts drawn from each. */
#include "bordercoop/changes.h"
#include "bordercoop/resource.h"

static const bc_param_spec FILTERS[] = {
    {"lang", BC_PARAM_TEXT, "s.lang = ?", BC_LOOKUP_VOCAB("lang"), BC_VALUES_VOCAB("lang")},
    {"origin", BC_PARAM_TEXT, "s.origin = ?",
     "SELECT value FROM (SELECT 'curated' AS value UNION ALL SELECT 'ingested') "
     "WHERE value = ? COLLATE NOCASE",
     "SELECT 'curated' UNION ALL SELECT 'ingested'"},
    /* an article counts with its facts: a curated article as curated; an ingested one
     * (machine-read input) in the sets that take extracted facts, or when one of the facts
     * it is cited for is in the set (as its citations count them, BC_CITED_CURATION). A
     * detail asked under a set reads this same condition (resource.c) */
    BC_CURATION_FILTER(
        "(s.origin = 'curated' AND 'curated' IN (SELECT curation FROM curation_sets WHERE "
        "name = ?)) OR (s.origin = 'ingested' AND ('extracted' IN (SELECT curation FROM "
        "curation_sets WHERE name = ?) OR EXISTS (SELECT 1 FROM v_citation_shown c WHERE "
        "c.source_id = s.id AND " BC_CITED_CURATION("c") " IN (SELECT curation FROM "
                                                         "curation_sets WHERE name = ?))))"),
    BC_CHANGED_SINCE_FILTER("s.id", "source"),
    {NULL},
};

static const bc_sort_field SORTS[] = {
    {"published_on", "coalesce(s.published_on, '9999')", BC_SORT_TEXT},
    {"lang", "s.lang", BC_SORT_TEXT},
    {"file", "s.file", BC_SORT_TEXT},
    {"id", "s.id", BC_SORT_TEXT},
    {NULL},
};

/* the documents' fields in order, and how each is written in CSV */
static const bc_field FIELDS[] = {
    {"id"},
    {"type"},
    {"title"},
    {"aliases", BC_CSV_LIST, "alias"},
    {"lang"},
    {"publisher"},
    {"author"},
    {"published_on"},
    {"url"},
    {"file"},
    {"sha256"},
    {"bytes"},
    {"note"},
    {"origin"},
    {"ingested_at"},
    {"citations"},
    {"facts", BC_CSV_COLUMNS,
     "meetings,figures,border_gate_projects,protocols,events,mechanisms,people,provinces"},
    {"links", BC_CSV_LINK},
    {NULL},
};

/* ?facets=: counts over the filtered sources */
static const bc_facet FACETS[] = {
    {"lang", "s.lang"},
    {"origin", "s.origin"},
    {NULL},
};

/* under a list's set or a detail's ?curation=, the facts the article names are those
 * their own lists show under the set (the curated kinds none under a set without curated
 * facts), and its citations those of these facts (resource.h, resource_set.c) */
static const bc_embed EMBEDS[] = {
    {BC_EMBED_MEETINGS, "$.facts.meetings"},
    {BC_EMBED_FIGURES, "$.facts.figures"},
    {BC_EMBED_CITED_PROJECTS, "$.facts.border_gate_projects"},
    {BC_EMBED_EVENTS, "$.facts.events"},
    {BC_EMBED_CURATED, "$.facts.protocols"},
    {BC_EMBED_CURATED, "$.facts.mechanisms"},
    {BC_EMBED_CURATED, "$.facts.people"},
    {BC_EMBED_CURATED, "$.facts.provinces"},
    {BC_EMBED_CITATIONS, "$.citations"},
    {0, NULL},
};

const bc_resource bc_res_sources = {
    .name = "sources",
    .singular = "source",
    .entity = "source",
    .from = "sources s",
    .id_col = "s.id",
    .doc_sql = "SELECT doc FROM v_source_doc WHERE id = ?1",
    .embeds = EMBEDS,
    .filters = FILTERS,
    .sorts = SORTS,
    .default_sort = "file",
    .fields = FIELDS,
    .facets = FACETS,
};
