/* gazetteer.h: the names the extractor knows: every alias of every province, person,
 * mechanism, project and meeting of a store, the country of each province, the members
 * and kind of each mechanism and the two sides of each project. Built once from a store
 * (the only SQL the extractor family runs) or by hand (tests), then read-only: one
 * gazetteer may serve any number of extractions, from any number of threads. */
#ifndef BORDERCOOP_GAZETTEER_H
#define BORDERCOOP_GAZETTEER_H

#include "bordercoop/err.h"
#include "bordercoop/extract.h"
#include "bordercoop/store.h"

/* Builds the gazetteer from the store's aliases, provinces, mechanisms and projects
 * (s borrowed). *out is new; free it with bc_gazetteer_free. Returns BC_ESTORE when the
 * store cannot be read, BC_ENOMEM. */
int bc_gazetteer_load(bc_store *s, bc_gazetteer **out, bc_err *err);

/* Copies into out the fingerprint of the store rows g was loaded from (bc_gazetteer_load):
 * a hex SHA-256 over every row it read, in order. Two gazetteers with the same fingerprint
 * read every text alike, so an extraction made against one holds for the other (ingest
 * extracts before it takes the writer, then checks the writer's store still reads the
 * same). "" for a gazetteer built by hand. */
void bc_gazetteer_fingerprint(const bc_gazetteer *g, char out[65]);

/* An empty gazetteer to fill with the bc_gazetteer_add_* calls below. *out is new. */
int bc_gazetteer_new(bc_gazetteer **out, bc_err *err);

/* Frees g; NULL is a no-op. */
void bc_gazetteer_free(bc_gazetteer *g);

/* Adds a name of an entity. entity: "province", "person", "mechanism", "project" or
 * "meeting"; id and alias are copied. An alias without letters or digits, or equal to
 * the id, is ignored. Returns 0, BC_EINVAL (unknown entity) or BC_ENOMEM. */
int bc_gazetteer_add_alias(bc_gazetteer *g, const char *entity, const char *id, const char *alias);

/* Records a province's country ("VN" or "CN") and the province it became part of
 * (merged_into, may be NULL): Ha Giang counts as a member wherever Tuyen Quang is. */
int bc_gazetteer_add_province(bc_gazetteer *g, const char *id, const char *country,
                              const char *merged_into);

/* Records a mechanism: its kind (mechanisms.kind: "conference", "working_group",
 * "committee", "spring_meeting") and its member provinces (nmembers ids, copied). */
int bc_gazetteer_add_mechanism(bc_gazetteer *g, const char *id, const char *kind,
                               const char *const *members, size_t nmembers);

/* Records a project: its kind (projects.kind) and sides as recorded in English and in
 * Vietnamese/Chinese (any may be NULL). */
int bc_gazetteer_add_project(bc_gazetteer *g, const char *id, const char *kind, const char *vn_side,
                             const char *cn_side, const char *vn_side_vi, const char *cn_side_zh);

/* Records a place of country ("VN" or "CN"): a town, city or county a report may name
 * as one side of a meeting or a crossing (name copied). Returns 0, BC_EINVAL, BC_ENOMEM. */
int bc_gazetteer_add_place(bc_gazetteer *g, const char *country, const char *name);

/* Adds the towns, cities and counties of the border area and the regions' capitals, on
 * both sides (bc_gazetteer_load does; hand-built gazetteers may). Returns 0 or BC_ENOMEM. */
int bc_gazetteer_add_border_places(bc_gazetteer *g);

/* What the reference names above know of name (n bytes of UTF-8), compared without case,
 * diacritics, spaces and punctuation ("Ha Khau" is "Hà Khẩu", "Youyi Guan" "Youyiguan"):
 * *names receives the "|"-joined names of the border place it is one of ("Hekou|河口|Hà
 * Khẩu"), *province the id of the province it is an exonym of that a store's aliases may
 * lack ("Kuangsi": "guangxi"); each NULL when none (both static strings). Search follows
 * them as it follows the store's aliases. Thread-safe; the keys are computed on the first
 * call. Returns BC_OK or BC_ENOMEM (both NULL then; a later call tries again). */
int bc_gazetteer_reference_names(const char *name, size_t n, const char **names,
                                 const char **province);

#endif
