/* keys.h: per-person API keys kept in the store. A key is 32 random bytes, URL-safe
 * base64 behind the prefix "bck_"; it is shown once, when made, and only its SHA-256 is
 * stored. Each key has an owner's name and a role (ingest < review < admin); revoking
 * keeps the row, so who held which role when stays known. Every change holds the
 * store's writer lock (bc_store_lock), so a concurrent `bordercoop load` never loses it;
 * rebuilds carry the keys over (bc_keys_carry_over). */
#ifndef BORDERCOOP_KEYS_H
#define BORDERCOOP_KEYS_H

#include "bordercoop/err.h"
#include "bordercoop/store.h"

#include <stddef.h>

/* Roles, ordered: a role may do everything a lower one may. */
typedef enum bc_role {
    BC_ROLE_NONE = 0,
    BC_ROLE_INGEST = 1, /* add articles */
    BC_ROLE_REVIEW = 2, /* also approve, reject and correct extracted facts */
    BC_ROLE_ADMIN = 3,  /* also manage keys */
} bc_role;

#define BC_KEY_PREFIX   "bck_"
#define BC_KEY_LEN      47 /* the prefix and 43 base64url characters (256 bits) */
#define BC_KEY_NAME_MAX 64
/* The name the bootstrap token (BORDERCOOP_API_TOKEN) acts under; no key may take it. */
#define BC_KEY_BOOTSTRAP_NAME "bootstrap"

/* "ingest", "review", "admin" ("none" for BC_ROLE_NONE); static. */
const char *bc_role_name(bc_role r);

/* Parses a role name (exact, lower case). BC_EINVAL naming the allowed ones otherwise. */
int bc_role_parse(const char *s, bc_role *out, bc_err *err);

/* 0 when name can own a key: 1 to 64 of [a-z0-9._@-], starting with a letter or digit,
 * and not the bootstrap name; else BC_EINVAL saying why. */
int bc_key_name_check(const char *name, bc_err *err);

/* One key as listed: never the key, never its hash. Empty strings for absent times. */
typedef struct bc_key_info {
    long long id;
    char name[BC_KEY_NAME_MAX + 1];
    bc_role role;
    char created_at[24];
    char created_by[96];
    char last_used_at[24];
    char revoked_at[24];
    char revoked_by[96];
    int revoked; /* 1 when revoked_at is set */
} bc_key_info;

/* Writes a new random key (BC_KEY_LEN characters and a NUL) into key, from the
 * kernel's random source (getrandom). BC_EIO when no randomness is available. */
int bc_keys_generate(char key[BC_KEY_LEN + 1], bc_err *err);

/* Makes a key for name with role, recorded as made by `by` (borrowed, e.g. a key's
 * owner or "cli:<user>") in the key table and in the audit log (GET /v1/review/log:
 * action key_add, kind key), and writes it into key: the only time it exists outside
 * the caller. BC_EINVAL for a bad name or role, BC_ECONFLICT when name has or ever had
 * a key (names are never reused, so the log names one holder), BC_EIO when the writer
 * lock cannot be had. */
int bc_keys_add(bc_store *s, const char *name, bc_role role, const char *by,
                char key[BC_KEY_LEN + 1], bc_err *err);

/* Revokes name's active key, recorded as done by `by` in the key table and the audit
 * log (action key_revoke); effective for the next request (keys are looked up on every
 * request). BC_ENOTFOUND when name has no active key. */
int bc_keys_revoke(bc_store *s, const char *name, const char *by, bc_err *err);

/* Every key ever issued, oldest first, into *out (new array of *n, free with bc_free;
 * NULL when there are none). */
int bc_keys_list(bc_store *s, bc_key_info **out, size_t *n, bc_err *err);

/* Looks the presented secret (len bytes, borrowed) up by its hash; the hashes are
 * compared in constant time. *found is 1 and *out filled (revoked keys too: check
 * out->revoked) when it is a key of this store, else 0. */
int bc_keys_find(bc_store *s, const char *secret, size_t len, bc_key_info *out, int *found,
                 bc_err *err);

/* Records that key id was used now, at most once per min_interval_s seconds (a write only
 * when the stored time is older). Best effort: gives up at once, returning BC_OK, when
 * another writer holds the lock. */
int bc_keys_touch(bc_store *s, long long id, int min_interval_s, bc_err *err);

/* The number of keys not revoked, into *n. */
int bc_keys_active(bc_store *s, int *n, bc_err *err);

/* Copies every key of `from` (ids, hashes, times) into the empty key table of `to`, for
 * a rebuild; a store from before keys existed has none to copy. The caller holds the
 * writer lock. */
int bc_keys_carry_over(bc_store *from, bc_store *to, bc_err *err);

/* The current UTC time as "YYYY-MM-DDTHH:MM:SSZ" into out (size >= 21). */
void bc_keys_now(char out[24]);

#endif
