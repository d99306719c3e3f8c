/* loader_int.h: what the loader's files share (internal to loader*.c). loader.c reads
 * the files and runs the sections in order; loader_fields.c has the helpers every
 * section uses; loader_entities.c, loader_meetings.c and loader_figures.c hold the
 * sections, each validating its objects field by field before inserting them, so that a
 * bad file yields "file: path: what is wrong". Every function returning int returns 0
 * or a bc_err code with L->err filled. */
#ifndef BORDERCOOP_LOADER_INT_H
#define BORDERCOOP_LOADER_INT_H

#include "bordercoop/buf.h"
#include "bordercoop/date.h"
#include "bordercoop/inferred.h"
#include "bordercoop/loader.h"
#include "bordercoop/sha256.h"
#include "bordercoop/store.h"

#include <jansson.h>

#define MAX_TEXT      BC_FACT_TEXT_MAX /* longest string field accepted in a fact file */
#define MAX_FACT_FILE (16u << 20)

typedef struct article {
    char *id;
    char *body; /* owned, NUL-terminated */
    size_t len;
} article;

typedef struct loader {
    bc_store *s;
    const char *dir;
    char file[600]; /* the file being read, as shown in messages */
    bc_err *err;
    article *articles; /* the source articles, read by ld_load_sources */
    size_t narticles;
    bc_sha256 hash; /* of every input: the content version */
    bc_load_stats *st;
    bc_buf key;        /* scratch for alias keys */
    bc_buf inferred;   /* the last ld_inferred: JSON array text */
    bc_buf background; /* the last ld_background: JSON array text */
    bc_buf supports;   /* scratch: the field paths one quote supports */
} loader;

/* ---- errors and statements ---------------------------------------------------------- */

/* Fills L->err with "file: path: what" (BC_EINVAL) and returns BC_EINVAL. */
int ld_fail(loader *L, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Runs sql with vals bound (bc_store_run); a store error names the file and path. */
int ld_run(loader *L, const char *path, const char *sql, const bc_bind *vals, size_t n);

/* 1 when sql (one text parameter) returns a row for value, 0 when not, -1 on error. */
int ld_exists(loader *L, const char *sql, const char *value);

/* ---- references and vocabularies ---------------------------------------------------- */

/* What an id may refer to. */
typedef enum ld_ref {
    LD_REF_PROVINCE,
    LD_REF_PERSON,
    LD_REF_MECHANISM,
    LD_REF_MEETING,
    LD_REF_METRIC,
    LD_REF_FIGURE,
    LD_REF_PROJECT,
    LD_REF_PROTOCOL,
    LD_REF_SOURCE,
    LD_REF_COOP_EVENT,
} ld_ref;

/* An error unless id (NULL: nothing to check) names an existing entity of kind k. */
int ld_check_ref(loader *L, ld_ref k, const char *id, const char *path);

/* An error when id is already taken by an entity of kind k. */
int ld_check_new_id(loader *L, ld_ref k, const char *id, const char *path);

/* An error, listing the allowed values, unless value (NULL: nothing to check) is in the
 * vocabulary of field. */
int ld_check_vocab(loader *L, const char *field, const char *value, const char *path);

/* ---- JSON fields --------------------------------------------------------------------- */

/* flags of the field readers */
enum { OPT = 0, REQ = 1, ID = 2 };

/* An error unless obj is an object whose keys are all in allowed (NULL-terminated). */
int ld_keys_ok(loader *L, json_t *obj, const char *path, const char *const *allowed);

/* Reads obj[key] as a string into *out (borrowed from obj). Missing or null leaves *out
 * NULL, which is an error when flags has REQ. ID demands a canonical id. */
int ld_str(loader *L, json_t *obj, const char *path, const char *key, int flags, const char **out);

/* Reads obj[key] as an integer in 0..1000000; *has is 0 when absent or null. */
int ld_int(loader *L, json_t *obj, const char *path, const char *key, int flags, int *has,
           int *out);

/* Reads obj[key] as a finite number; *has is 0 when absent or null. */
int ld_num(loader *L, json_t *obj, const char *path, const char *key, int flags, int *has,
           double *out);

/* Reads obj[key] as an array (borrowed) or NULL when absent; REQ demands at least one. */
int ld_arr(loader *L, json_t *obj, const char *path, const char *key, int flags, json_t **out);

/* Reads obj[key] as a date (date.h); *has is 0 when absent or null. */
int ld_date(loader *L, json_t *obj, const char *path, const char *key, bc_date *d, int *has);

/* Reads obj.inferred (field paths of a `kind` fact the text does not state) into
 * L->inferred as JSON text ("[]" when absent). A non-empty list needs the fact's note
 * (note, may be NULL) to give the reason. */
int ld_inferred(loader *L, json_t *obj, const char *path, bc_fact_kind kind, const char *note);

/* Reads obj.background into L->background as JSON text ("[]" when absent): statements
 * from outside the articles, each {"text": ..., "fields": [paths of a `kind` fact that
 * rest on it]}. The text is required; the fields may be empty. */
int ld_background(loader *L, json_t *obj, const char *path, bc_fact_kind kind);

/* Reads obj[key] as an array of province ids (REQ: at least one) and runs sql (?1 owner,
 * ?2 the province, ?3 its 1-based position) for each. */
int ld_province_list(loader *L, json_t *obj, const char *path, const char *key, int flags,
                     const char *sql, const char *owner);

/* The same for ids of any kind k, each named once. */
int ld_ref_list(loader *L, json_t *obj, const char *path, const char *key, int flags, ld_ref k,
                const char *sql, const char *owner);

/* Reads obj.organisations: [{name, province?}] (at least one) and runs sql (?1 owner, ?2
 * the 1-based position, ?3 the name, ?4 the province or NULL) for each. */
int ld_organisations(loader *L, json_t *obj, const char *path, const char *sql, const char *owner);

/* ---- quotes and aliases ------------------------------------------------------------- */

/* What a citation is attached to. */
typedef enum cite_target {
    CITE_MEETING,
    CITE_FIGURE,
    CITE_PROJECT,
    CITE_EVENT,
    CITE_PROTOCOL,
    CITE_PERSON,
    CITE_PROVINCE,
    CITE_DECISION,
    CITE_PARTICIPANT,
    CITE_AREA,
    CITE_MECHANISM,
    CITE_COOP_EVENT,
} cite_target;

/* Inserts every {source, quote, supports?} of obj.sources (which must be non-empty, each
 * quote verbatim in its article, `supports` the fields of the fact it states) for the
 * fact `id` (and `seq` for the composite targets). */
int ld_cite_all(loader *L, json_t *obj, const char *path, cite_target target, const char *id,
                int seq);

/* Registers alias (in lang, may be NULL) as a name of entity `id`; an error when it
 * already names another one. */
int ld_alias_add(loader *L, const char *entity, const char *id, const char *alias, const char *lang,
                 const char *path);

/* Registers the id, the name (may be NULL) and every obj.aliases[] {alias, lang}. */
int ld_aliases_from(loader *L, json_t *obj, const char *path, const char *entity, const char *id,
                    const char *name);
/* Registers `name` as a name part of `entity` `id` (name_parts, migration 0018): the whole
 * name and each part in brackets ("Kim Thuy Ha (Jinshuihe)": also "Kim Thuy Ha" and
 * "Jinshuihe"). NULL or a name with no letters adds nothing. */
int ld_name_parts(loader *L, const char *entity, const char *id, const char *name,
                  const char *path);

/* ---- files and sections ------------------------------------------------------------- */

/* Reads dir/rel into a new NUL-terminated buffer of at most max bytes (free with
 * bc_free), adding its name and bytes to the content hash. */
int ld_read_file(loader *L, const char *rel, size_t max, char **out, size_t *len);

/* Loads facts file rel whose top level is {"<top>": [...]}; *root is new (decref it),
 * *arr borrowed from it. */
int ld_load_json(loader *L, const char *rel, const char *top, json_t **root, json_t **arr);

/* The sections, in the order bc_loader_fill runs them. */
int ld_load_sources(loader *L);
int ld_load_metrics(loader *L);
int ld_load_provinces(loader *L);
int ld_load_people(loader *L);
int ld_load_mechanisms(loader *L);
int ld_load_meetings(loader *L);
int ld_load_protocols(loader *L);
int ld_load_figures(loader *L);
int ld_load_projects(loader *L);
int ld_load_coop_events(loader *L);

#endif
