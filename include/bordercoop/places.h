/* places.h: reference data about where things are: coordinates of province seats and of
 * both sides of gates, bridges and routes, and Wikidata ids. These come from public
 * gazetteers (data/reference/places.json), never from the articles, and are served as
 * such (`basis: "reference_data"`, the reference id and a precision with every point). */
#ifndef BORDERCOOP_PLACES_H
#define BORDERCOOP_PLACES_H

#include "bordercoop/err.h"
#include "bordercoop/sha256.h"
#include "bordercoop/store.h"

/* The reference file, relative to the data directory. */
#define BC_PLACES_FILE "reference/places.json"

/* Reads data_dir/BC_PLACES_FILE into the store's places and wikidata_ids tables, inside
 * the caller's transaction, after provinces, people and projects are loaded. Every
 * field is checked (ids resolve, latitude and longitude in range, precision from the
 * vocabulary, references of the form geonames:N, wikidata:QN, osm:node/N or
 * vn-cn-marker:N(K) - a boundary marker of the 2009 demarcation protocol, which needs the
 * reference_url of the page publishing its coordinates -, Wikidata ids QN each with the
 * wikidata_source it was read from, no side both located and listed as unlocated, no item
 * both with a Wikidata id and listed under no_wikidata); the first problem fails with
 * "file: path: what is wrong". A missing file loads nothing. The file's name and bytes
 * are added to hash (may be NULL), which the content version covers. *count (may be
 * NULL) receives the number of located points. */
int bc_places_load(bc_store *s, const char *data_dir, bc_sha256 *hash, int *count, bc_err *err);

/* 1 when ref is a reference id this module accepts, else 0. */
int bc_places_reference_ok(const char *ref);

/* The documents of provinces, projects and people: their view's document with the
 * reference data set on it (location / vn_location, cn_location / wikidata; JSON null
 * when none is known). One parameter, the id. */
#define BC_PROVINCE_DOC_SQL                                                                        \
    "SELECT json_set(d.doc, '$.location', json((SELECT doc FROM v_location WHERE entity = "        \
    "'province' AND entity_id = d.id AND side = 'seat')), '$.wikidata', (SELECT qid FROM "         \
    "wikidata_ids WHERE entity = 'province' AND entity_id = d.id), '$.links.people', "             \
    "'/v1/people?province=' || d.id) FROM v_province_doc d WHERE d.id = ?1"
#define BC_PROJECT_DOC_SQL                                                                         \
    "SELECT json_set(d.doc, '$.vn_location', json((SELECT doc FROM v_location WHERE entity = "     \
    "'project' AND entity_id = d.id AND side = 'vn')), '$.cn_location', json((SELECT doc FROM "    \
    "v_location WHERE entity = 'project' AND entity_id = d.id AND side = 'cn')), '$.wikidata', "   \
    "(SELECT qid FROM wikidata_ids WHERE entity = 'project' AND entity_id = d.id), "               \
    "'$.unlocated', json((SELECT json_group_array(json_object('side', u.side, 'reason', "          \
    "u.reason)) FROM (SELECT side, reason FROM unlocated_places WHERE entity = 'project' AND "     \
    "entity_id = d.id ORDER BY side DESC) u))) FROM v_project_doc d WHERE d.id = ?1"
#define BC_PERSON_DOC_SQL                                                                          \
    "SELECT json_set(d.doc, '$.wikidata', (SELECT qid FROM wikidata_ids WHERE entity = 'person' "  \
    "AND entity_id = d.id)) FROM v_person_doc d WHERE d.id = ?1"

#endif
