/* inferred.h: which field of a fact the text does not state. Every fact (meeting,
 * participant, decision, figure, border gate project, project event, protocol, agreed
 * area, person, mechanism, cooperation event, province) carries an `inferred` list of field paths
 * ("date.year", "status", "parties"); the reason is written in the fact's note. This
 * module owns the vocabulary of paths per kind of fact, so the loader, ingest and the
 * API agree on it. */
#ifndef BORDERCOOP_INFERRED_H
#define BORDERCOOP_INFERRED_H

#include "bordercoop/buf.h"
#include "bordercoop/err.h"

#include <jansson.h>
#include <stddef.h>

typedef enum bc_fact_kind {
    BC_FACT_MEETING,
    BC_FACT_PARTICIPANT,
    BC_FACT_DECISION,
    BC_FACT_FIGURE,
    BC_FACT_PROJECT,
    BC_FACT_EVENT,
    BC_FACT_PROTOCOL,
    BC_FACT_AREA,
    BC_FACT_PERSON,
    BC_FACT_MECHANISM,
    BC_FACT_REPORTED_EVENT,
    BC_FACT_PROVINCE,
    BC_FACT_KIND_COUNT
} bc_fact_kind;

/* The kind's name for messages ("meeting", "project event"); static. */
const char *bc_fact_kind_name(bc_fact_kind kind);

/* The field paths of `kind` that may be marked inferred, NULL-terminated; static. A path
 * is a top-level field ("status") or a part of one ("date.year", "period.start"). */
const char *const *bc_inferred_fields(bc_fact_kind kind);

/* 1 when `path` is one of bc_inferred_fields(kind), else 0. */
int bc_inferred_known(bc_fact_kind kind, const char *path);

/* Validates n paths (borrowed) and appends them to out as a JSON array of strings, in
 * the order given ("[]" when n is 0). Returns 0, or BC_EINVAL when a path is unknown for
 * the kind or listed twice (err names it and lists the known paths). */
int bc_inferred_json(bc_fact_kind kind, const char *const *paths, size_t n, bc_buf *out,
                     bc_err *err);

/* The same for a JSON value from a fact file: NULL or null means none; anything else must
 * be an array of strings. Error messages start with the index ("inferred[1]: ..."). */
int bc_inferred_from_json(bc_fact_kind kind, const json_t *value, bc_buf *out, bc_err *err);

/* The same for any list of field paths of a fact (a quote's `supports`, the `fields` a
 * background statement bears on); messages start with `name` ("supports[0]: ..."). */
int bc_paths_from_json(bc_fact_kind kind, const char *name, const json_t *value, bc_buf *out,
                       bc_err *err);

#endif
