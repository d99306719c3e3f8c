/* schema.h: a fresh store's schema in one step. The build applies every migration to an
 * empty store in memory (server/tools/schema_image.c, run by make) and compiles the
 * resulting database file in, zlib-compressed. bc_schema_create copies that image into an
 * empty store: the store then holds exactly what bc_store_migrate would have made (the
 * migrations stay the only source of the schema; tests/unit/test_schema.c compares the
 * two), without the migrations' repeated schema reloads, which were two thirds of a
 * `bordercoop load`. Existing stores are upgraded by bc_store_migrate as before. */
#ifndef BORDERCOOP_SCHEMA_H
#define BORDERCOOP_SCHEMA_H

#include "bordercoop/err.h"
#include "bordercoop/store.h"

#include <stddef.h>

/* The generated image (build/.../gen/schema.c): a zlib stream of bc_schema_image_zlen
 * bytes that inflates to the bc_schema_image_len bytes of a database file at schema
 * version bc_schema_image_version. */
extern const unsigned char bc_schema_image[];
extern const size_t bc_schema_image_zlen;
extern const size_t bc_schema_image_len;
extern const int bc_schema_image_version;

/* Gives the empty store s (no schema object, user_version 0) the current schema and the
 * rows the migrations insert. Uses the image when it is at the current version (it always
 * is when built by make), otherwise applies the migrations. Refuses (BC_EINVAL) a store
 * that has a schema already: bc_store_migrate upgrades those. Nothing is cached on s
 * across the call (SQLite re-reads the schema at the next statement). */
int bc_schema_create(bc_store *s, bc_err *err);

#endif
