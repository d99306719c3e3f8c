/* keys.c: per-person API keys in the store: made from the kernel's randomness, stored as
 * SHA-256 hashes, looked up on every request, revoked in place (see keys.h). */
#include "bordercoop/keys.h"

#include "bordercoop/alloc.h"
#include "bordercoop/sha256.h"

#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

static const char *const ROLES[] = {"none", "ingest", "review", "admin"};

const char *bc_role_name(bc_role r)
{
    return (unsigned)r < sizeof ROLES / sizeof ROLES[0] ? ROLES[r] : "none";
}

int bc_role_parse(const char *s, bc_role *out, bc_err *err)
{
    for (int r = BC_ROLE_INGEST; s != NULL && r <= BC_ROLE_ADMIN; r++)
        if (strcmp(s, ROLES[r]) == 0) {
            *out = (bc_role)r;
            return BC_OK;
        }
    return bc_err_set(err, BC_EINVAL, "unknown role '%.40s'; allowed: ingest, review, admin",
                      s ? s : "");
}

int bc_key_name_check(const char *name, bc_err *err)
{
    size_t n = name ? strlen(name) : 0;
    if (n == 0 || n > BC_KEY_NAME_MAX)
        return bc_err_set(err, BC_EINVAL, "a key name is 1 to %d characters", BC_KEY_NAME_MAX);
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        int alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (!alnum && (i == 0 || strchr("._@-", c) == NULL))
            return bc_err_set(err, BC_EINVAL,
                              "key name '%.64s': use lower-case letters, digits and . _ @ - "
                              "(starting with a letter or digit)",
                              name);
    }
    if (strcmp(name, BC_KEY_BOOTSTRAP_NAME) == 0)
        return bc_err_set(err, BC_EINVAL,
                          "'%s' is the name of BORDERCOOP_API_TOKEN; choose another name", name);
    return BC_OK;
}

void bc_keys_now(char out[24])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 24, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

int bc_keys_generate(char key[BC_KEY_LEN + 1], bc_err *err)
{
    static const char B64URL[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    unsigned char raw[33]; /* 32 random bytes, one zero byte of padding for the last group */
    size_t got = 0;
    while (got < 32) {
        ssize_t n = getrandom(raw + got, 32 - got, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return bc_err_set(err, BC_EIO, "no randomness for a key: %s", strerror(errno));
        got += (size_t)n;
    }
    raw[32] = 0;
    memcpy(key, BC_KEY_PREFIX, 4);
    char *o = key + 4;
    for (size_t i = 0; i < 33; i += 3) {
        unsigned v = (unsigned)raw[i] << 16 | (unsigned)raw[i + 1] << 8 | raw[i + 2];
        *o++ = B64URL[(v >> 18) & 63];
        *o++ = B64URL[(v >> 12) & 63];
        if (i + 1 < 32)
            *o++ = B64URL[(v >> 6) & 63];
        if (i + 2 < 32)
            *o++ = B64URL[v & 63];
    }
    *o = '\0';
    memset(raw, 0, sizeof raw);
    return (size_t)(o - key) == BC_KEY_LEN ? BC_OK : bc_err_set(err, BC_EIO, "key encoding failed");
}

/* Appends a key change to the audit log (review_log, kind 'key': see migration 0017)
 * inside the caller's transaction: `action` key_add or key_revoke, the role given or
 * taken, by whom. Keys are managed from the command line only (via 'cli'). */
static int log_change(bc_store *s, const char *action, const char *name, const char *role,
                      const char *by, const char *now, bc_err *err)
{
    int add = strcmp(action, "key_add") == 0;
    int rc = bc_store_run(
        s,
        "INSERT INTO review_log (at, reviewer, via, action, kind, fact_id, fingerprint, "
        "from_curation, to_curation, changes) VALUES (?1, ?2, 'cli', ?3, 'key', ?4, "
        "printf('%064d', 0), ?5, ?6, json_object('role', json_object('from', ?7, 'to', ?8)))",
        BC_BINDS(bc_text(now), bc_text(by), bc_text(action), bc_text(name),
                 bc_text(add ? "none" : "active"), bc_text(add ? "active" : "revoked"),
                 bc_text(add ? NULL : role), bc_text(add ? role : NULL)),
        err);
    if (rc == BC_OK)
        rc = bc_store_run(s,
                          "INSERT INTO review_outcomes (seq, status, fact_id) "
                          "VALUES (last_insert_rowid(), 'applied', ?1)",
                          BC_BINDS(bc_text(name)), err);
    return rc;
}

int bc_keys_add(bc_store *s, const char *name, bc_role role, const char *by,
                char key[BC_KEY_LEN + 1], bc_err *err)
{
    key[0] = '\0';
    int rc = bc_key_name_check(name, err);
    if (rc == BC_OK && (role < BC_ROLE_INGEST || role > BC_ROLE_ADMIN))
        rc = bc_err_set(err, BC_EINVAL, "a key needs a role: ingest, review or admin");
    char made[BC_KEY_LEN + 1], hash[65], now[24];
    if (rc == BC_OK)
        rc = bc_keys_generate(made, err);
    if (rc != BC_OK)
        return rc;
    bc_sha256_hex(made, BC_KEY_LEN, hash);
    bc_keys_now(now);
    int lock = bc_store_lock_writer(s, 30000, err);
    if (lock == -1)
        return err->code ? err->code : BC_EIO;
    int active = -1; /* -1: never used, 0: revoked, 1: active */
    rc = bc_store_begin(s, err);
    if (rc == BC_OK) {
        char state[8];
        int found;
        rc = bc_store_lookup(s, "SELECT max(revoked_at IS NULL) FROM api_keys WHERE name = ?1",
                             BC_BINDS(bc_text(name)), state, sizeof state, &found, err);
        /* max() of no rows is NULL, which reads as "" */
        if (rc == BC_OK && found && state[0] != '\0')
            active = atoi(state);
    }
    if (rc == BC_OK && active == 1)
        rc = bc_err_set(err, BC_ECONFLICT,
                        "'%s' already has an active key: revoke it first (bordercoop keys revoke "
                        "%s)",
                        name, name);
    else if (rc == BC_OK && active == 0)
        rc = bc_err_set(err, BC_ECONFLICT,
                        "'%s' had a key that was revoked: a name is never reused, so the audit "
                        "log names one holder; choose another (e.g. %.50s.2)",
                        name, name);
    if (rc == BC_OK)
        rc = bc_store_run(s,
                          "INSERT INTO api_keys (name, role, hash, created_at, created_by) "
                          "VALUES (?1, ?2, ?3, ?4, ?5)",
                          BC_BINDS(bc_text(name), bc_text(bc_role_name(role)), bc_text(hash),
                                   bc_text(now), bc_text(by ? by : "unknown")),
                          err);
    if (rc == BC_OK)
        rc = log_change(s, "key_add", name, bc_role_name(role), by ? by : "unknown", now, err);
    if (rc == BC_OK)
        rc = bc_store_commit(s, err);
    if (rc != BC_OK)
        bc_store_rollback(s);
    bc_store_unlock(lock);
    if (rc == BC_OK)
        memcpy(key, made, BC_KEY_LEN + 1);
    memset(made, 0, sizeof made);
    return rc;
}

int bc_keys_revoke(bc_store *s, const char *name, const char *by, bc_err *err)
{
    char now[24];
    bc_keys_now(now);
    int lock = bc_store_lock_writer(s, 30000, err);
    if (lock == -1)
        return err->code ? err->code : BC_EIO;
    int changed = 0;
    char role[16] = "";
    int rc = bc_store_begin(s, err);
    if (rc == BC_OK) {
        int found;
        rc = bc_store_lookup(s, "SELECT role FROM api_keys WHERE name = ?1 AND revoked_at IS NULL",
                             BC_BINDS(bc_text(name ? name : "")), role, sizeof role, &found, err);
    }
    if (rc == BC_OK)
        rc = bc_store_run(
            s,
            "UPDATE api_keys SET revoked_at = ?2, revoked_by = ?3 "
            "WHERE name = ?1 AND revoked_at IS NULL",
            BC_BINDS(bc_text(name ? name : ""), bc_text(now), bc_text(by ? by : "unknown")), err);
    if (rc == BC_OK)
        changed = sqlite3_changes(bc_store_db(s));
    if (rc == BC_OK && changed == 0)
        rc = bc_err_set(err, BC_ENOTFOUND, "'%.64s' has no active key", name ? name : "");
    if (rc == BC_OK)
        rc = log_change(s, "key_revoke", name, role, by ? by : "unknown", now, err);
    if (rc == BC_OK)
        rc = bc_store_commit(s, err);
    if (rc != BC_OK)
        bc_store_rollback(s);
    bc_store_unlock(lock);
    return rc;
}

static void copy_col(sqlite3_stmt *st, int col, char *out, size_t n)
{
    const unsigned char *v = sqlite3_column_text(st, col);
    snprintf(out, n, "%s", v ? (const char *)v : "");
}

/* Fills k from a row of KEY_COLUMNS. */
#define KEY_COLUMNS "id, name, role, created_at, created_by, last_used_at, revoked_at, revoked_by"
static void read_key(sqlite3_stmt *st, bc_key_info *k)
{
    memset(k, 0, sizeof *k);
    k->id = sqlite3_column_int64(st, 0);
    copy_col(st, 1, k->name, sizeof k->name);
    bc_err ignored;
    const char *role = (const char *)sqlite3_column_text(st, 2);
    if (bc_role_parse(role, &k->role, &ignored) != BC_OK)
        k->role = BC_ROLE_NONE;
    copy_col(st, 3, k->created_at, sizeof k->created_at);
    copy_col(st, 4, k->created_by, sizeof k->created_by);
    copy_col(st, 5, k->last_used_at, sizeof k->last_used_at);
    copy_col(st, 6, k->revoked_at, sizeof k->revoked_at);
    copy_col(st, 7, k->revoked_by, sizeof k->revoked_by);
    k->revoked = k->revoked_at[0] != '\0';
}

int bc_keys_list(bc_store *s, bc_key_info **out, size_t *n, bc_err *err)
{
    *out = NULL;
    *n = 0;
    sqlite3_stmt *st = NULL;
    int rc = bc_store_stmt(s, "SELECT " KEY_COLUMNS " FROM api_keys ORDER BY id", &st, err);
    size_t cap = 0;
    while (bc_store_row(s, st, &rc, err, "listing keys")) {
        if (*n == cap) {
            size_t ncap = cap ? cap * 2 : 8;
            bc_key_info *grown = bc_realloc(*out, ncap * sizeof *grown);
            if (grown == NULL) {
                rc = bc_err_set(err, BC_ENOMEM, "out of memory listing keys");
                break;
            }
            *out = grown;
            cap = ncap;
        }
        read_key(st, &(*out)[(*n)++]);
    }
    sqlite3_reset(st);
    if (rc != BC_OK) {
        bc_free(*out);
        *out = NULL;
        *n = 0;
    }
    return rc;
}

/* 1 when the 64-byte hex digests a and b are equal; time independent of where they
 * differ. */
static int same_digest(const char *a, const char *b)
{
    unsigned char diff = 0;
    for (size_t i = 0; i < 64; i++)
        diff |= (unsigned char)(a[i] ^ b[i]);
    return diff == 0;
}

int bc_keys_find(bc_store *s, const char *secret, size_t len, bc_key_info *out, int *found,
                 bc_err *err)
{
    *found = 0;
    memset(out, 0, sizeof *out);
    char hash[65];
    bc_sha256_hex(secret, len, hash);
    sqlite3_stmt *st = NULL;
    int rc =
        bc_store_stmt(s, "SELECT " KEY_COLUMNS ", hash FROM api_keys WHERE hash = ?1", &st, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_text(st, 1, hash, 64, SQLITE_STATIC);
    int step = sqlite3_step(st);
    if (step == SQLITE_ROW) {
        const char *stored = (const char *)sqlite3_column_text(st, 8);
        if (stored != NULL && sqlite3_column_bytes(st, 8) == 64 && same_digest(stored, hash)) {
            read_key(st, out);
            *found = 1;
        }
    } else if (step != SQLITE_DONE) {
        rc = bc_store_error(s, err, "looking a key up");
    }
    sqlite3_reset(st);
    memset(hash, 0, sizeof hash);
    return rc;
}

int bc_keys_touch(bc_store *s, long long id, int min_interval_s, bc_err *err)
{
    char now[24], cutoff[24];
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", &tm);
    t -= min_interval_s;
    gmtime_r(&t, &tm);
    strftime(cutoff, sizeof cutoff, "%Y-%m-%dT%H:%M:%SZ", &tm);
    /* read first: most requests need no write at all */
    sqlite3_stmt *st = NULL;
    int rc = bc_store_stmt(s,
                           "SELECT 1 FROM api_keys WHERE id = ?1 AND "
                           "(last_used_at IS NULL OR last_used_at <= ?2)",
                           &st, err);
    if (rc != BC_OK)
        return rc;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_text(st, 2, cutoff, -1, SQLITE_STATIC);
    int stale = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_reset(st);
    if (!stale)
        return BC_OK;
    bc_err busy;
    int lock = bc_store_lock_writer(s, 0, &busy);
    if (lock == -1)
        return BC_OK; /* a rebuild or another write holds the store: next time */
    rc = bc_store_run(s,
                      "UPDATE api_keys SET last_used_at = ?2 WHERE id = ?1 AND "
                      "(last_used_at IS NULL OR last_used_at < ?2)",
                      BC_BINDS(bc_int(id), bc_text(now)), err);
    bc_store_unlock(lock);
    return rc;
}

int bc_keys_active(bc_store *s, int *n, bc_err *err)
{
    *n = 0;
    sqlite3_stmt *st = NULL;
    int rc = bc_store_stmt(s, "SELECT count(*) FROM api_keys WHERE revoked_at IS NULL", &st, err);
    if (rc != BC_OK)
        return rc;
    if (sqlite3_step(st) == SQLITE_ROW)
        *n = sqlite3_column_int(st, 0);
    else
        rc = bc_store_error(s, err, "counting keys");
    sqlite3_reset(st);
    return rc;
}

int bc_keys_carry_over(bc_store *from, bc_store *to, bc_err *err)
{
    int present;
    int rc = bc_store_has_table(from, "api_keys", &present, err);
    if (rc != BC_OK || !present)
        return rc;
    return bc_store_copy_rows(from, "SELECT " KEY_COLUMNS ", hash FROM api_keys ORDER BY id", to,
                              "INSERT INTO api_keys (id, name, role, created_at, created_by, "
                              "last_used_at, revoked_at, revoked_by, hash) "
                              "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                              9, "reading the keys to carry over", "carrying a key over", NULL,
                              NULL, err);
}
