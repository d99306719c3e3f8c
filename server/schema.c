/* schema.c: copies the build-time image of the migrated empty store into an empty store
 * (schema.h). */
#include "bordercoop/schema.h"

#include "bordercoop/alloc.h"

#include <zlib.h>

static voidpf z_alloc(voidpf opaque, uInt items, uInt size)
{
    (void)opaque;
    return bc_calloc(items, size);
}

static void z_free(voidpf opaque, voidpf p)
{
    (void)opaque;
    bc_free(p);
}

/* Inflates the image into a new SQLite allocation of bc_schema_image_len bytes. */
static int inflate_image(unsigned char **out, bc_err *err)
{
    *out = sqlite3_malloc64(bc_schema_image_len);
    if (*out == NULL)
        return bc_err_set(err, BC_ENOMEM, "out of memory creating the schema");
    z_stream z = {.zalloc = z_alloc, .zfree = z_free};
    z.next_in = (Bytef *)bc_schema_image;
    z.avail_in = (uInt)bc_schema_image_zlen;
    z.next_out = *out;
    z.avail_out = (uInt)bc_schema_image_len;
    int zrc = inflateInit(&z);
    if (zrc == Z_OK) {
        zrc = inflate(&z, Z_FINISH);
        inflateEnd(&z);
    }
    if (zrc == Z_STREAM_END && z.total_out == bc_schema_image_len)
        return BC_OK;
    sqlite3_free(*out);
    *out = NULL;
    if (zrc == Z_MEM_ERROR)
        return bc_err_set(err, BC_ENOMEM, "out of memory creating the schema");
    return bc_err_set(err, BC_ESTORE, "the built-in schema image is damaged (zlib %d)", zrc);
}

/* Copies the image into s through a connection of its own (SQLite's backup API). */
static int copy_image(bc_store *s, bc_err *err)
{
    unsigned char *image = NULL;
    int rc = inflate_image(&image, err);
    if (rc != BC_OK)
        return rc;
    sqlite3 *src = NULL;
    if (sqlite3_open_v2(":memory:", &src, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) !=
        SQLITE_OK) {
        sqlite3_free(image);
        rc = bc_err_set(err, src == NULL ? BC_ENOMEM : BC_ESTORE, "opening the schema image: %s",
                        src != NULL ? sqlite3_errmsg(src) : "out of memory");
        sqlite3_close(src);
        return rc;
    }
    /* the connection owns the image from here, also when this fails */
    int zrc = sqlite3_deserialize(src, "main", image, (sqlite3_int64)bc_schema_image_len,
                                  (sqlite3_int64)bc_schema_image_len,
                                  SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY);
    sqlite3_backup *b = NULL;
    if (zrc != SQLITE_OK) {
        rc = bc_err_set(err, (zrc & 0xff) == SQLITE_NOMEM ? BC_ENOMEM : BC_ESTORE,
                        "opening the schema image: %s", sqlite3_errstr(zrc));
    } else {
        b = sqlite3_backup_init(bc_store_db(s), "main", src, "main");
        if (b == NULL)
            rc = bc_store_error(s, err, "creating the schema");
    }
    if (b != NULL) {
        int step = sqlite3_backup_step(b, -1);
        int fin = sqlite3_backup_finish(b);
        if (step != SQLITE_DONE)
            rc = bc_err_set(err, (step & 0xff) == SQLITE_NOMEM ? BC_ENOMEM : BC_ESTORE,
                            "creating the schema: %s", sqlite3_errstr(step));
        else if (fin != SQLITE_OK)
            rc = bc_store_error(s, err, "creating the schema");
    }
    sqlite3_close(src);
    return rc;
}

int bc_schema_create(bc_store *s, bc_err *err)
{
    int version = 0, objects = 0;
    int rc = bc_store_version(s, &version, err);
    sqlite3_stmt *st = NULL;
    if (rc == BC_OK)
        rc = bc_store_stmt(s, "SELECT count(*) FROM sqlite_schema", &st, err);
    if (rc == BC_OK) {
        if (sqlite3_step(st) == SQLITE_ROW)
            objects = sqlite3_column_int(st, 0);
        else
            rc = bc_store_error(s, err, "reading the schema");
        sqlite3_reset(st);
    }
    if (rc == BC_OK && (version != 0 || objects != 0))
        rc = bc_err_set(err, BC_EINVAL,
                        "the store has a schema already (version %d, %d objects): it is "
                        "upgraded with migrations, not created",
                        version, objects);
    if (rc != BC_OK)
        return rc;
    if (bc_schema_image_version != bc_store_latest_version() || bc_schema_image_len == 0)
        return bc_store_migrate(s, NULL, err);
    return copy_image(s, err);
}
