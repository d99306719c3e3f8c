/* resource.h: the generic list and detail handlers behind every /v1 collection.
 * A resource is a constant description (table, filters, order, document view); the
 * engine validates the query against it, composes SQL only from the description's
 * constant fragments (never from request text), binds the values, and renders
 * {"data": [...], "meta": {...}, "links": {...}}. */
#ifndef BORDERCOOP_RESOURCE_H
#define BORDERCOOP_RESOURCE_H

#include "bordercoop/request.h"
#include "bordercoop/response.h"

typedef enum bc_param_type {
    BC_PARAM_TEXT,      /* a string, optionally checked against lookup_sql */
    BC_PARAM_INT,       /* a whole number in [min, max] */
    BC_PARAM_DATE_FROM, /* YYYY[-MM[-DD]]; binds the first day it covers */
    BC_PARAM_DATE_TO,   /* YYYY[-MM[-DD]]; binds the last day it covers */
    BC_PARAM_BOOL,      /* true/false/1/0 */
} bc_param_type;

typedef struct bc_param_spec {
    const char *name;
    bc_param_type type;
    /* SQL condition; every '?' in it is bound to the parameter's value, so a fragment
     * must contain no other '?' */
    const char *where;
    /* TEXT only: maps the input (first folded to an alias key when fold is set) to the
     * canonical value; no row = a 400 listing values_sql (or naming values_hint) */
    const char *lookup_sql;
    const char *values_sql;
    const char *values_hint;
    int fold;
    long min, max; /* INT only */
    /* the field paths this filter reads, as a constant SQL list ("'date', 'date.year'"):
     * with ?exact=true a fact whose `inferred` names one of them does not match */
    const char *reads;
    /* TEXT only: the value the filter applies with when the parameter is absent (NULL:
     * none). A default is not written into links or meta.filters; meta names it under
     * the parameter's name */
    const char *dflt;
    /* TEXT only: the condition used instead of `where` when the value is one of
     * `narrow_values` ("|a|b|"), with as many '?': a value that selects few rows reads
     * them by their own index ("f.curation = ..."), where `where` keeps the sort's index
     * for the values that select most rows (NULL: `where` for every value) */
    const char *narrow_where;
    const char *narrow_values;
    /* INT only: a value of digits alone above max is not refused here but kept as
     * max + 1 (its text as sent), for the caller to refuse in its own terms
     * (changed_since past the feed's end is since_past_end, as since= is) */
    int past_max;
} bc_param_spec;

/* One validated query parameter (bc_params_parse). */
typedef struct bc_param {
    const bc_param_spec *spec;
    const char *text;  /* the value: as given, a lookup's canonical value, or a date's day */
    const char *shown; /* the value written back into links and meta ("true" for 1) */
    long num;          /* INT and BOOL */
    int dflt;          /* absent from the request: the spec's default applies */
} bc_param;

/* Parses req's query against the parameters of specs and then of more (each terminated
 * by a NULL name; either may be NULL) into out (room for BC_QUERY_MAX_PAIRS, values in
 * req->arena), in the order given, and sets *n. Every endpoint answers the same way: an
 * unknown name is a 400 unknown_parameter listing the names allowed (or saying that the
 * route takes no query parameters), a name given twice a 400 duplicate_parameter, an
 * empty value a 400 invalid_parameter, and a value its spec refuses (type, range,
 * lookup) a 400 invalid_parameter. Returns 0, or fills res and returns its status. */
int bc_params_parse(bc_request *req, const bc_param_spec *specs, const bc_param_spec *more,
                    bc_param *out, size_t *n, bc_response *res);

/* The parameter called name among p[0..n), or NULL when it was not given. */
const bc_param *bc_params_get(const bc_param *p, size_t n, const char *name);

/* Its value as text, or dflt when it was not given. */
const char *bc_params_text(const bc_param *p, size_t n, const char *name, const char *dflt);

/* A field lists can be sorted by: its name in ?sort= and an SQL expression that is
 * never NULL (so keyset comparisons hold). */
typedef enum bc_sort_type { BC_SORT_TEXT, BC_SORT_INT, BC_SORT_REAL } bc_sort_type;

typedef struct bc_sort_field {
    const char *name;
    const char *expr;
    bc_sort_type type;
} bc_sort_field;

/* How a document field is written as one CSV cell. Scalars are written as they are
 * (null as an empty cell) whatever the kind; an object naming another entity as its
 * "id"; an array as its items joined by '|' (a '|' or '\' inside an item escaped with
 * '\'), string items as they are. The kind says what else becomes of a value. */
typedef enum bc_csv_kind {
    BC_CSV_VALUE = 0, /* as above; an object without an id as compact JSON */
    BC_CSV_REF,       /* an object naming another entity: its "id" */
    BC_CSV_LINK,      /* the links object: its "self" */
    BC_CSV_LIST,      /* an array: each item's `item` member(s) */
    BC_CSV_SOURCES,   /* the sources array: each item as "source_id:quote" */
    BC_CSV_COLUMNS,   /* an object: one column per member named in `item` ("value,unit",
                       * dotted paths "vn.id" too), headed <field>_<member> with '.' as
                       * '_'; all empty when the object is null */
} bc_csv_kind;

/* A top-level field of a resource's documents, and its CSV column. */
typedef struct bc_field {
    const char *name;
    bc_csv_kind csv;
    /* BC_CSV_LIST: the member of each item shown, a dotted path ("person.id"), or several
     * joined by '+' ("id+relation", written "id:relation"); NULL: the item itself.
     * BC_CSV_COLUMNS: the members, comma-separated, each a column of its own. */
    const char *item;
} bc_field;

/* A facet of a list (?facets=): how many of the filtered items have each value of a
 * field, counted before paging. Every facet is named after the filter that selects one
 * of its buckets (the list filtered by name=value has exactly `count` items): the facet
 * counts over every filter of the request, and with ?exact=true an item whose value that
 * filter reads is inferred (its `reads`) counts under null, as the filter would not
 * match it; a province a province was merged into counts what its filter matches (Tuyen
 * Quang with Ha Giang's items), by one count per such province. The null bucket (no
 * value, or only an inferred one) has no filter. A single-valued
 * field gives every item one value (NULL included), so its counts sum to the filtered total. A
 * multi-valued field (a figure's parties, a meeting's provinces) has `join`, a LEFT JOIN fragment
 * giving an item one row per value: an item is counted once under each of its distinct values, and
 * once under null when it has none, so each count is at most the total and the counts sum to at
 * least the total. Facets name low-cardinality fields whose column leads an index. */
typedef struct bc_facet {
    const char *name;  /* in ?facets= and as the key in meta.facets */
    const char *value; /* SQL expression of the value over `from` (and `join`) */
    const char *join;  /* NULL, or "LEFT JOIN figure_parties fx ON fx.figure_id = f.id" */
    /* NULL, or the values (?1 the request's value of the facet's filter) each counted as
     * the list filtered by it, when that filter does more than compare the value (a
     * meeting is folded into its known twin under curation=all, not under extracted) */
    const char *each;
    /* NULL, or the same buckets (value, count) counted from a table kept for the facet,
     * used when the request filters by the curation set alone (?1 its name; a list's
     * default): one walk of a covering index instead of a join per item (0045, 0046) */
    const char *cover;
    /* with cover, for the province facet: the count of one province's filter, the
     * provinces merged into it included (?1 the curation set, ?2 the province) */
    const char *cover_merged;
} bc_facet;

/* One located point of a document, for GeoJSON: the document field holding a location
 * object ({lat, lon, precision, reference, ...} or null) and the name of the side it is. */
typedef struct bc_geo_point {
    const char *field; /* "vn_location" */
    const char *side;  /* "vn" */
} bc_geo_point;

/* A GeoJSON property: its name and the document field it is copied from (NULL: always
 * null, for a property this kind of item does not have). */
typedef struct bc_geo_prop {
    const char *name;
    const char *field;
} bc_geo_prop;

/* How a resource's items are drawn on a map (application/geo+json, RFC 7946): one
 * Feature per item, whose geometry holds the item's located points in `points` order (a
 * Point for one, a MultiPoint for several, null for none), with the default properties
 * `props` plus `locations` naming each position's side, precision and reference. */
typedef struct bc_geo {
    const bc_geo_point *points; /* terminated by field NULL */
    const bc_geo_prop *props;   /* terminated by name NULL */
} bc_geo;

/* The kinds of fact a document embeds that a curation set narrows (resource_set.c). */
typedef enum bc_embed_kind {
    /* a list of meetings (objects with an id, or ids): those /v1/meetings lists under the
     * set (its curation set, a known meeting's twin once) */
    BC_EMBED_MEETINGS,
    /* one meeting (an object, or null), or with `item` the meeting member of each object
     * of a list (a project's events): null when /v1/meetings does not list it */
    BC_EMBED_MEETING,
    BC_EMBED_FIGURES,  /* a list of figure ids: those /v1/figures lists under the set */
    BC_EMBED_PROJECTS, /* project ids: those of /v1/border-gate-projects */
    BC_EMBED_EVENTS,   /* cooperation event ids: those of /v1/events */
    /* a list of facts that are all curated (protocols, mechanisms, people, provinces):
     * empty under a set without curated facts, whole otherwise */
    BC_EMBED_CURATED,
    /* an article's count of citations: those of a fact whose curation is in the set,
     * as /v1/stats counts them */
    BC_EMBED_CITATIONS,
    /* an article's project ids: those a fact of the set citing the article links to (the
     * project, or the one an event of it belongs to), as its citations count them */
    BC_EMBED_CITED_PROJECTS,
} bc_embed_kind;

/* The curation of the fact a citation `c` supports: a meeting's (its decisions and
 * participants are its own), a figure's, a project's or its event's, a cooperation
 * event's; a fact of a curated kind is curated. An article's citations count, its cited
 * projects and its membership of a set all read it. */
#define BC_CITED_CURATION(c)                                                                       \
    "coalesce((SELECT curation FROM meetings WHERE id = coalesce(" c ".meeting_id, " c             \
    ".decision_meeting_id, " c ".participant_meeting_id)), (SELECT curation FROM figures WHERE "   \
    "id = " c ".figure_id), (SELECT curation FROM projects WHERE id = " c ".project_id), "         \
    "(SELECT curation FROM project_events WHERE id = " c ".event_id), (SELECT curation FROM "      \
    "coop_events WHERE id = " c ".coop_event_id), 'curated')"

typedef struct bc_embed {
    bc_embed_kind kind;
    const char *path; /* JSON path in the document: "$.meetings", "$.facts.figures" */
    const char *item; /* BC_EMBED_MEETING over a list: the member of each item ("$.meeting") */
} bc_embed;

typedef struct bc_resource bc_resource;

/* A count a document holds of another list (a province's `counts.meetings`): the total of
 * `list` filtered by `filter` = the document's id under the document's curation set, as
 * that list's meta.total says; the document's link of the same name (`links.meetings`)
 * names that list. */
typedef struct bc_counted {
    const char *name;        /* the member of the document's `counts` and of its `links` */
    const bc_resource *list; /* the list counted */
    const char *filter;      /* its filter bound to the document's id ("province") */
} bc_counted;

struct bc_resource {
    const char *name;        /* path segment: "meetings" */
    const char *singular;    /* for messages: "meeting" */
    const char *entity;      /* alias entity for id lookup ("meeting"), NULL = exact ids */
    const char *from;        /* "meetings m" */
    const char *id_col;      /* "m.id" */
    const char *fixed_where; /* NULL or a constant condition ("f.category = 'trade'") */
    const char *doc_sql;     /* one parameter (the id), returns the document */
    /* NULL, or the same for list pages when they carry a shorter document (a figure's
     * first few links and their counts, migration 0034) */
    const char *list_doc_sql;
    /* NULL, or the same for CSV rows: the list document with its list items reduced to
     * the members the CSV columns write (0035), so a page parses less */
    const char *csv_doc_sql;
    /* NULL, or the facts the documents embed that a curation set narrows (terminated by
     * path NULL): in a list's items under its set, and in a detail asked with ?curation=,
     * each is what the fact's own list shows under that set, as
     * /v1/mechanisms/{id}?curation=trusted lists the meetings /v1/meetings would */
    const bc_embed *embeds;
    /* NULL, or the counts the documents hold of other lists (terminated by name NULL):
     * computed when served, under the set the embeds follow, and the documents' links to
     * lists then name that set when the request did (resource_set.c) */
    const bc_counted *counts;
    /* A collection of one item of another, /v1/<parent name>/{id}/<name> (a figure's
     * overlaps): the parent's descriptor, the filter selecting the item's rows (its
     * `where` has one '?', bound to the item's id; never in the query string, links or
     * meta) and a query with one parameter that has a row when the item exists (else
     * 404), its first column 1 when the item is a rejected fact (hidden: 404 `rejected`,
     * whatever the list's `curation`). doc_sql (and the others) then take two parameters: the row's
     * id, the item's. All NULL for a collection of its own. */
    const bc_resource *parent;
    const bc_param_spec *parent_filter;
    const char *parent_sql;
    const bc_param_spec *filters; /* terminated by an entry with name NULL */
    const bc_sort_field *sorts;   /* ?sort= whitelist, terminated by name NULL */
    const char *default_sort;     /* e.g. "date,ordinal"; the id always breaks ties */
    const bc_field *fields;       /* the document's top-level keys in order (also the CSV
                                   * columns), terminated by name NULL */
    const char *inferred_col;     /* the JSON array of inferred field paths ("m.inferred") */
    const bc_facet *facets;       /* ?facets= whitelist, terminated by name NULL */
    const bc_geo *geo;            /* NULL, or how items are drawn as GeoJSON (set exactly
                                   * when BC_COLLECTIONS gives BC_COLLECTION_GEO) */
};

/* Constant SQL for the common kinds of lookup. */
#define BC_LOOKUP_ALIAS(entity)                                                                    \
    "SELECT entity_id FROM aliases WHERE entity = '" entity "' AND alias_key = ? LIMIT 1"
#define BC_LOOKUP_VOCAB(field)                                                                     \
    "SELECT value FROM vocab WHERE field = '" field "' AND value = ? COLLATE NOCASE"
#define BC_VALUES_VOCAB(field) "SELECT value FROM vocab WHERE field = '" field "' ORDER BY value"
/* the province and every province merged into it (Tuyen Quang includes Ha Giang).
 * Filters over link tables are written as correlated EXISTS, so that a sorted page can
 * be read in the sort index's order and stop at the page size. */
#define BC_PROVINCE_AND_MERGED "SELECT id FROM provinces WHERE ? IN (id, merged_into)"

/* The ?province= filter every collection offers: any name of a province, merged
 * provinces included; `where` is the condition, with BC_PROVINCE_AND_MERGED in it. */
#define BC_PROVINCE_FILTER(where)                                                                  \
    {                                                                                              \
        "province", BC_PARAM_TEXT, where, BC_LOOKUP_ALIAS("province"), NULL,                       \
            "a province id or any of its names (see /v1/provinces)", 1                             \
    }
/* The same, for facts whose province field may be inferred: `reads` as in bc_param_spec. */
#define BC_PROVINCE_FILTER_READING(where, reads)                                                   \
    {                                                                                              \
        "province", BC_PARAM_TEXT, where, BC_LOOKUP_ALIAS("province"), NULL,                       \
            "a province id or any of its names (see /v1/provinces)", 1, 0, 0, reads                \
    }
/* The ?meeting= filter: a meeting id or any of its names. */
#define BC_MEETING_FILTER(where)                                                                   \
    {                                                                                              \
        "meeting", BC_PARAM_TEXT, where, BC_LOOKUP_ALIAS("meeting"),                               \
            "SELECT id FROM meetings ORDER BY id", NULL, 1                                         \
    }
#define BC_MEETING_FILTER_READING(where, reads)                                                    \
    {                                                                                              \
        "meeting", BC_PARAM_TEXT, where, BC_LOOKUP_ALIAS("meeting"),                               \
            "SELECT id FROM meetings ORDER BY id", NULL, 1, 0, 0, reads                            \
    }
/* field paths of a date, for the year / from / to filters */
#define BC_READS_DATE(f) "'" f "', '" f ".year', '" f ".month', '" f ".day'"

/* ?curation= (curation.h): the set of curations a list shows, `trusted` (curated and
 * reviewed) unless asked otherwise. `where` is the condition with one or more `?` bound
 * to the set's name; BC_CURATION_IN(col) is the usual one. The unary + keeps SQLite
 * from reading the curation index instead of the sort's. */
/* a reviewed account ?r that the meeting ?k it is the same as took place, where ?k is a
 * curated plan: the first such account by id outranks the plan (migration 0049,
 * v_meeting_hidden; analyst 13 #9) */
#define BC_MEETING_OUTRANKS(r, k)                                                                  \
    "(" r ".curation = 'reviewed' AND " r ".status = 'held' AND " k ".curation = 'curated' AND " k \
    ".status = 'planned' AND NOT EXISTS (SELECT 1 FROM meetings r2 WHERE r2.same_as = " k          \
    ".id AND r2.curation = 'reviewed' AND r2.status = 'held' AND r2.id < " r ".id))"

/* a meeting that is a known meeting of the same set (same_as) is listed once, as the
 * known one (as /v1/stats counts it), except under curation=extracted: that set is what
 * awaits review, and lists every meeting the review queue holds, a twin of another
 * extracted meeting too (analyst 8, finding 9); a mechanism's `meetings` under a detail's
 * ?curation= too (mechanisms.c). The twin is looked up by its primary key, row by row: a NOT IN
 * over the set's meetings built a list of every one of them per request (100,000 ids on
 * bench-scale's store: 31 requests/s). A curated plan that a reviewed account of the set says was
 * held is listed as that account instead (BC_MEETING_OUTRANKS). Two '?': the set's name */
#define BC_MEETING_NOT_A_TWIN                                                                      \
    "((m.same_as IS NULL OR NOT EXISTS (SELECT 1 FROM meetings tw WHERE tw.id = m.same_as AND "    \
    "tw.curation IN (SELECT curation FROM curation_sets WHERE name = ? AND name <> "               \
    "'extracted') AND NOT " BC_MEETING_OUTRANKS(                                                   \
        "m", "tw") ")) AND (m.curation <> 'curated' OR m.status <> "                               \
                   "'planned' OR NOT EXISTS (SELECT 1 FROM meetings r WHERE r.same_as = m.id AND " \
                   "r.curation IN "                                                                \
                   "(SELECT curation FROM curation_sets WHERE name = ?) AND " BC_MEETING_OUTRANKS( \
                       "r", "m") ")))"

#define BC_CURATION_IN(col) "+" col " IN (SELECT curation FROM curation_sets WHERE name = ?)"
#define BC_CURATION_FILTER(where)                                                                  \
    {                                                                                              \
        "curation", BC_PARAM_TEXT, where,                                                          \
            "SELECT DISTINCT name FROM curation_sets WHERE name = ? COLLATE NOCASE", NULL,         \
            "trusted, all, curated, reviewed, extracted, rejected", 0, 0, 0, NULL, "trusted"       \
    }
/* The sets of one curation that machine-read facts fall in are few rows of a big store:
 * BC_CURATION_ONE(col) reads them through the index that starts with the curation (the
 * unary + of BC_CURATION_IN would walk the sort's index over every row for none: 503
 * budget_exceeded for an empty review list of a 200,000-figure store, analyst 11 F12) */
#define BC_CURATION_ONE(col) col " = (SELECT curation FROM curation_sets WHERE name = ?)"
#define BC_CURATION_FILTER_INDEXED(where, one)                                                     \
    {                                                                                              \
        "curation", BC_PARAM_TEXT, where,                                                          \
            "SELECT DISTINCT name FROM curation_sets WHERE name = ? COLLATE NOCASE", NULL,         \
            "trusted, all, curated, reviewed, extracted, rejected", 0, 0, 0, NULL, "trusted", one, \
            "|extracted|reviewed|rejected|"                                                        \
    }
/* For collections with no curation of their own: all of them are curated. */
#define BC_CURATION_CURATED                                                                        \
    BC_CURATION_FILTER("'curated' IN (SELECT curation FROM curation_sets WHERE name = ?)")

/* ?exact=true: filters match only values the articles state (see bc_param_spec.reads).
 * Its own condition is always true; it is there so the value is kept in links and meta. */
#define BC_EXACT_FILTER                                                                            \
    {                                                                                              \
        "exact", BC_PARAM_BOOL, "? IN (0, 1)", NULL, NULL, NULL, 0, 0, 1                           \
    }

/* The collections served under /v1, the one list of them, in routing order:
 * X(path segment, descriptor, flags). It is expanded into the declarations below,
 * bc_resources[] (resource.c) and the route table (router.c: a list and an item route
 * each). The path segment is the descriptor's `name`; flags are constants the route table
 * can be initialised from (test_router checks both against the descriptors). */
#define BC_COLLECTIONS(X)                                                                          \
    X("meetings", bc_res_meetings, 0)                                                              \
    X("trade-figures", bc_res_trade_figures, 0)                                                    \
    X("figures", bc_res_figures, 0)                                                                \
    X("border-gate-projects", bc_res_projects, BC_COLLECTION_GEO)                                  \
    X("protocols", bc_res_protocols, 0)                                                            \
    X("provinces", bc_res_provinces, BC_COLLECTION_GEO | BC_COLLECTION_COUNTS)                     \
    X("people", bc_res_people, 0)                                                                  \
    X("sources", bc_res_sources, BC_COLLECTION_INGEST)                                             \
    X("mechanisms", bc_res_mechanisms, 0)                                                          \
    X("events", bc_res_events, 0)
/* Flags of BC_COLLECTIONS. */
enum {
    BC_COLLECTION_GEO = 1,    /* the list is also a map (GeoJSON): the descriptor has `geo` */
    BC_COLLECTION_INGEST = 2, /* POST to the list adds an article (ingest_api.h) */
    /* its documents count other lists (the descriptor has `counts`): every page of the
     * list is a costly read, the totals of several lists per item */
    BC_COLLECTION_COUNTS = 4,
};

#define BC_COLLECTION_EXTERN(name, res, flags) extern const bc_resource res;
BC_COLLECTIONS(BC_COLLECTION_EXTERN)
#undef BC_COLLECTION_EXTERN

/* The collections of one figure's relations (parent bc_res_figures): its overlaps and
 * its conflicts, one row per entry of the figure's `overlaps` and `conflicts_with`. */
extern const bc_resource bc_res_figure_overlaps;
extern const bc_resource bc_res_figure_conflicts;

/* The descriptors of BC_COLLECTIONS, in its order, terminated by NULL. */
extern const bc_resource *const bc_resources[];

/* GET /v1/<name> (and /v1/<parent>/{id}/<name>, the id in req->route_id):
 * req->route_data is the bc_resource. Fills res (200 or a problem); returns its status. */
int bc_resource_list(bc_request *req, bc_response *res);

/* Whether a list request's raw query (not yet validated) asks for costly work, the
 * router's bc_costly_fn: a page reaching past BC_COSTLY_ROWS items (limit plus offset),
 * a total, or facets, each of which reads every item the filters match or renders
 * hundreds of documents. 0 when it is none of these or cannot be parsed (scratch memory
 * from arena). */
int bc_resource_list_costly(const char *query, bc_arena *arena);

/* The same for a list whose documents count other lists (BC_COLLECTION_COUNTS): always 1. */
int bc_resource_list_counting(const char *query, bc_arena *arena);
#define BC_COSTLY_ROWS 100

/* The page query a list request would run (for query-plan tests): validates req like
 * bc_resource_list (filling res on failure and returning its status) and appends the
 * SQL to sql. */
int bc_resource_page_sql(bc_request *req, bc_buf *sql, bc_response *res);

/* The facet query a list request would run for the facet named `facet` (for query-plan
 * tests): validates req like bc_resource_list (filling res on failure and returning its
 * status; a facet the resource does not have is a 400) and appends the SQL to sql. */
int bc_resource_facet_sql(bc_request *req, const char *facet, bc_buf *sql, bc_response *res);

/* GET /v1/<name>/{id}: the id may be any alias of the entity. */
int bc_resource_get(bc_request *req, bc_response *res);

/* Resolves an alias of `entity` ("province", ...) to its canonical id, folding the input
 * first. Returns 0 and a new arena string in *id, BC_ENOTFOUND, or another code. */
int bc_resolve_alias(bc_request *req, const char *entity, const char *input, const char **id,
                     bc_err *err);

/* The same without a request (the CLI): the canonical id into out (out_n bytes, at most
 * BC_ALIAS_ID_MAX needed), BC_ENOTFOUND when no alias matches, or another code. */
#define BC_ALIAS_ID_MAX 256
int bc_alias_lookup(bc_store *store, const char *entity, const char *input, char *out, size_t out_n,
                    bc_err *err);

/* Limits of every list. */
#define BC_LIMIT_DEFAULT 50
#define BC_LIMIT_MAX     500
#define BC_OFFSET_MAX    1000000
#define BC_SORT_MAX      4 /* sort keys per request */
#define BC_FACETS_MAX    8 /* facets per request */

/* Sort expressions for NULL-able columns: missing dates and numbers sort last. */
#define BC_LAST_DATE(col) "coalesce(" col ", '9999-12-31')"
#define BC_LAST_INT(col)  "coalesce(" col ", 999999999)"

#endif
