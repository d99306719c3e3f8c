/* fuzz_common.h: what every fuzz target's set-up shares: failing loudly (set-up errors
 * are not findings, so they abort with a message rather than be fuzzed past), the data
 * directory, and the curated store built in memory. Header-only, included once per
 * target; FUZZ_NAME names the target in messages. */
#ifndef BORDERCOOP_FUZZ_COMMON_H
#define BORDERCOOP_FUZZ_COMMON_H

#include "bordercoop/err.h"
#include "bordercoop/loader.h"
#include "bordercoop/store.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#ifndef FUZZ_DATA_DIR
#define FUZZ_DATA_DIR "data"
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void die(const char *what, const char *detail)
{
    fprintf(stderr, "%s: %s: %s\n", FUZZ_NAME, what, detail);
    abort();
}

/* BC_DATA, else the repository's data/ (compiled in by fuzz.mk). */
static const char *fuzz_data_dir(void)
{
    const char *dir = getenv("BC_DATA");
    return dir != NULL && *dir != '\0' ? dir : FUZZ_DATA_DIR;
}

/* A migrated in-memory store, filled from dir unless dir is NULL; aborts on failure. */
static bc_store *fuzz_store(const char *dir)
{
    bc_store *s = NULL;
    bc_err err;
    if (bc_store_open(":memory:", BC_STORE_CREATE, &s, &err) != BC_OK)
        die("open", err.msg);
    if (bc_store_migrate(s, NULL, &err) != BC_OK)
        die("migrate", err.msg);
    if (dir != NULL && bc_loader_fill(s, dir, NULL, &err) != BC_OK)
        die(dir, err.msg);
    return s;
}

#endif
