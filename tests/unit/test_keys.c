/* test_keys.c: API keys in the store: random, URL-safe, stored as hashes only, one
 * active key per name, revocation kept on record, last use recorded at most once a
 * window, rows never deleted or re-keyed, carried over into a rebuild; and failures. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/alloc.h"
#include "bordercoop/keys.h"
#include "bordercoop/rebuild.h"
#include "bordercoop/review.h"
#include "bordercoop/sha256.h"

#include "fixture.h"

#define count fx_count /* fixture.h */

static bc_store *migrated(void)
{
    bc_store *s = NULL;
    bc_err err;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &s, &err), 0);
    assert_int_equal(bc_store_migrate(s, NULL, &err), 0);
    return s;
}

static void roles_and_names(void **state)
{
    (void)state;
    bc_role r;
    bc_err err;
    assert_int_equal(bc_role_parse("review", &r, &err), 0);
    assert_int_equal(r, BC_ROLE_REVIEW);
    assert_true(BC_ROLE_INGEST < BC_ROLE_REVIEW && BC_ROLE_REVIEW < BC_ROLE_ADMIN);
    assert_int_equal(bc_role_parse("Review", &r, &err), BC_EINVAL);
    assert_non_null(strstr(err.msg, "ingest, review, admin"));
    assert_int_equal(bc_role_parse(NULL, &r, &err), BC_EINVAL);
    assert_string_equal(bc_role_name(BC_ROLE_ADMIN), "admin");
    assert_string_equal(bc_role_name((bc_role)42), "none");
    static const char *const good[] = {"alice", "lan.nguyen", "desk-2", "a@b.vn", "x", "007"};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        assert_int_equal(bc_key_name_check(good[i], &err), 0);
    static const char *const bad[] = {"",          "Alice", ".hidden", "-x", "a b", "ä",
                                      "bootstrap", "a/b",   "a:b",     NULL, "x\n", "name\"q"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(bc_key_name_check(bad[i], &err), BC_EINVAL);
    char long_name[80];
    memset(long_name, 'a', 65);
    long_name[65] = '\0';
    assert_int_equal(bc_key_name_check(long_name, &err), BC_EINVAL);
    long_name[64] = '\0';
    assert_int_equal(bc_key_name_check(long_name, &err), 0);
}

static void keys_are_random_and_url_safe(void **state)
{
    (void)state;
    char a[BC_KEY_LEN + 1], b[BC_KEY_LEN + 1];
    bc_err err;
    assert_int_equal(bc_keys_generate(a, &err), 0);
    assert_int_equal(bc_keys_generate(b, &err), 0);
    assert_int_equal(strlen(a), BC_KEY_LEN);
    assert_memory_equal(a, BC_KEY_PREFIX, 4);
    assert_string_not_equal(a, b);
    for (size_t i = 4; i < BC_KEY_LEN; i++)
        assert_non_null(
            strchr("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", a[i]));
    /* 43 characters of 6 bits: at least 128 bits (in fact 256) */
    assert_true((BC_KEY_LEN - 4) * 6 >= 256);
    /* over many keys every position varies: nothing is fixed but the prefix */
    char seen[BC_KEY_LEN][64];
    memset(seen, 0, sizeof seen);
    for (int n = 0; n < 200; n++) {
        assert_int_equal(bc_keys_generate(a, &err), 0);
        for (size_t i = 4; i < BC_KEY_LEN; i++)
            seen[i][(unsigned char)a[i] & 63] = 1;
    }
    for (size_t i = 4; i < BC_KEY_LEN - 1; i++) {
        int distinct = 0;
        for (int c = 0; c < 64; c++)
            distinct += seen[i][c];
        assert_true(distinct > 20);
    }
}

static void only_the_hash_is_stored(void **state)
{
    (void)state;
    bc_store *s = migrated();
    char key[BC_KEY_LEN + 1], hash[65];
    bc_err err;
    assert_int_equal(bc_keys_add(s, "alice", BC_ROLE_REVIEW, "cli:test", key, &err), 0);
    bc_sha256_hex(key, strlen(key), hash);
    char sql[300];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM api_keys WHERE hash = '%s'", hash);
    assert_int_equal(count(s, sql), 1);
    /* the key itself is nowhere in the table, in no column */
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM api_keys WHERE instr(name || role || hash || created_at || "
             "created_by, '%s') > 0 OR instr(hash, '%.20s') > 0",
             key, key + 4);
    assert_int_equal(count(s, sql), 0);
    bc_key_info k;
    int found = 0;
    assert_int_equal(bc_keys_find(s, key, strlen(key), &k, &found, &err), 0);
    assert_true(found);
    assert_string_equal(k.name, "alice");
    assert_int_equal(k.role, BC_ROLE_REVIEW);
    assert_string_equal(k.created_by, "cli:test");
    assert_false(k.revoked);
    /* one character off, shorter, longer, empty: not found */
    char wrong[BC_KEY_LEN + 2];
    memcpy(wrong, key, sizeof key);
    wrong[10] = wrong[10] == 'A' ? 'B' : 'A';
    assert_int_equal(bc_keys_find(s, wrong, strlen(wrong), &k, &found, &err), 0);
    assert_false(found);
    assert_int_equal(bc_keys_find(s, key, BC_KEY_LEN - 1, &k, &found, &err), 0);
    assert_false(found);
    memcpy(wrong, key, BC_KEY_LEN);
    wrong[BC_KEY_LEN] = 'x';
    wrong[BC_KEY_LEN + 1] = '\0';
    assert_int_equal(bc_keys_find(s, wrong, strlen(wrong), &k, &found, &err), 0);
    assert_false(found);
    assert_int_equal(bc_keys_find(s, "", 0, &k, &found, &err), 0);
    assert_false(found);
    bc_store_close(s);
}

static void one_active_key_per_name(void **state)
{
    (void)state;
    bc_store *s = migrated();
    char k1[BC_KEY_LEN + 1], k2[BC_KEY_LEN + 1];
    bc_err err;
    assert_int_equal(bc_keys_add(s, "alice", BC_ROLE_INGEST, "cli:test", k1, &err), 0);
    assert_int_equal(bc_keys_add(s, "alice", BC_ROLE_ADMIN, "cli:test", k2, &err), BC_ECONFLICT);
    assert_non_null(strstr(err.msg, "revoke it first"));
    assert_string_equal(k2, "");
    assert_int_equal(bc_keys_add(s, "Alice", BC_ROLE_ADMIN, "cli:test", k2, &err), BC_EINVAL);
    assert_int_equal(bc_keys_add(s, "bob", BC_ROLE_NONE, "cli:test", k2, &err), BC_EINVAL);
    assert_int_equal(bc_keys_add(s, "bob", (bc_role)9, "cli:test", k2, &err), BC_EINVAL);
    int active = -1;
    assert_int_equal(bc_keys_active(s, &active, &err), 0);
    assert_int_equal(active, 1);
    /* revoked: still there, known as revoked; the name may have a new key */
    assert_int_equal(bc_keys_revoke(s, "alice", "admin-ann", &err), 0);
    assert_int_equal(bc_keys_revoke(s, "alice", "admin-ann", &err), BC_ENOTFOUND);
    assert_int_equal(bc_keys_revoke(s, "nobody", "admin-ann", &err), BC_ENOTFOUND);
    assert_non_null(strstr(err.msg, "no active key"));
    bc_key_info k;
    int found = 0;
    assert_int_equal(bc_keys_find(s, k1, strlen(k1), &k, &found, &err), 0);
    assert_true(found);
    assert_true(k.revoked);
    assert_string_equal(k.revoked_by, "admin-ann");
    assert_int_equal(bc_keys_active(s, &active, &err), 0);
    assert_int_equal(active, 0);
    /* the name is never reused: the audit log names one holder */
    assert_int_equal(bc_keys_add(s, "alice", BC_ROLE_ADMIN, "cli:test", k2, &err), BC_ECONFLICT);
    assert_non_null(strstr(err.msg, "never reused"));
    assert_int_equal(bc_keys_add(s, "alice.2", BC_ROLE_ADMIN, "cli:test", k2, &err), 0);
    assert_string_not_equal(k1, k2);
    /* every change is in the audit log, with who made it */
    assert_int_equal(count(s, "SELECT count(*) FROM review_log WHERE kind = 'key'"), 3);
    assert_int_equal(count(s, "SELECT count(*) FROM review_log WHERE action = 'key_revoke' AND "
                              "fact_id = 'alice' AND reviewer = 'admin-ann' AND "
                              "changes = '{\"role\":{\"from\":\"ingest\",\"to\":null}}'"),
                     1);
    assert_int_equal(count(s, "SELECT count(*) FROM v_review_log_doc WHERE kind = 'key' AND "
                              "status = 'applied'"),
                     3);
    bc_key_info *list = NULL;
    size_t n = 0;
    assert_int_equal(bc_keys_list(s, &list, &n, &err), 0);
    assert_int_equal(n, 2);
    assert_string_equal(list[0].name, "alice");
    assert_string_equal(list[1].name, "alice.2");
    assert_true(list[0].revoked);
    assert_int_equal(list[0].role, BC_ROLE_INGEST);
    assert_false(list[1].revoked);
    assert_int_equal(list[1].role, BC_ROLE_ADMIN);
    bc_free(list);
    bc_store_close(s);
}

static void rows_are_never_deleted_or_rekeyed(void **state)
{
    (void)state;
    bc_store *s = migrated();
    char key[BC_KEY_LEN + 1];
    bc_err err;
    assert_int_equal(bc_keys_add(s, "alice", BC_ROLE_REVIEW, "cli:test", key, &err), 0);
    static const char *const refused[] = {
        "DELETE FROM api_keys",
        "UPDATE api_keys SET role = 'admin'",
        "UPDATE api_keys SET hash = "
        "'0000000000000000000000000000000000000000000000000000000000000000'",
        "UPDATE api_keys SET name = 'mallory'",
    };
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
        assert_int_equal(bc_store_exec(s, refused[i], &err), BC_ESTORE);
    assert_int_equal(bc_keys_revoke(s, "alice", "x", &err), 0);
    assert_int_equal(bc_store_exec(s, "UPDATE api_keys SET revoked_at = NULL", &err), BC_ESTORE);
    assert_non_null(strstr(err.msg, "already revoked"));
    assert_int_equal(count(s, "SELECT count(*) FROM api_keys"), 1);
    bc_store_close(s);
}

static void last_use_is_recorded_once_a_window(void **state)
{
    (void)state;
    bc_store *s = migrated();
    char key[BC_KEY_LEN + 1];
    bc_err err;
    assert_int_equal(bc_keys_add(s, "alice", BC_ROLE_REVIEW, "cli:test", key, &err), 0);
    bc_key_info k;
    int found;
    assert_int_equal(bc_keys_find(s, key, strlen(key), &k, &found, &err), 0);
    assert_string_equal(k.last_used_at, "");
    assert_int_equal(bc_keys_touch(s, k.id, 60, &err), 0);
    assert_int_equal(bc_keys_find(s, key, strlen(key), &k, &found, &err), 0);
    assert_int_equal(strlen(k.last_used_at), 20);
    /* a stale time is moved forward; a recent one is left */
    assert_int_equal(
        bc_store_exec(s, "UPDATE api_keys SET last_used_at = '2001-01-01T00:00:00Z'", &err), 0);
    assert_int_equal(bc_keys_touch(s, k.id, 60, &err), 0);
    assert_int_equal(count(s, "SELECT count(*) FROM api_keys WHERE last_used_at > '2002'"), 1);
    long changes = sqlite3_total_changes(bc_store_db(s));
    assert_int_equal(bc_keys_touch(s, k.id, 60, &err), 0);
    assert_int_equal(sqlite3_total_changes(bc_store_db(s)), changes);
    /* an unknown id is no error */
    assert_int_equal(bc_keys_touch(s, 999, 60, &err), 0);
    bc_store_close(s);
}

static void keys_survive_a_rebuild(void **state)
{
    (void)state;
    bc_store *from = migrated(), *to = migrated();
    char a[BC_KEY_LEN + 1], b[BC_KEY_LEN + 1];
    bc_err err;
    assert_int_equal(bc_keys_add(from, "alice", BC_ROLE_REVIEW, "cli:test", a, &err), 0);
    assert_int_equal(bc_keys_add(from, "bob", BC_ROLE_INGEST, "alice", b, &err), 0);
    assert_int_equal(bc_keys_revoke(from, "bob", "alice", &err), 0);
    assert_int_equal(bc_keys_carry_over(from, to, &err), 0);
    bc_key_info k;
    int found = 0;
    assert_int_equal(bc_keys_find(to, a, strlen(a), &k, &found, &err), 0);
    assert_true(found);
    assert_false(k.revoked);
    assert_int_equal(bc_keys_find(to, b, strlen(b), &k, &found, &err), 0);
    assert_true(found);
    assert_true(k.revoked);
    assert_string_equal(k.created_by, "alice");
    /* the key changes are in the rebuilt audit log as they were */
    bc_review_replay replay;
    assert_int_equal(bc_rebuild_carry(from, to, &replay, &err), 0);
    assert_int_equal(replay.decisions, 0);
    assert_int_equal(count(to, "SELECT count(*) FROM v_review_log_doc WHERE kind = 'key' AND "
                               "status = 'applied'"),
                     3);
    /* a store whose log predates key changes (migration 0017): entered from its keys */
    bc_store *legacy = migrated(), *to2 = migrated();
    assert_int_equal(bc_keys_add(legacy, "carol", BC_ROLE_ADMIN, "cli:root", a, &err), 0);
    assert_int_equal(
        bc_store_exec(legacy,
                      "DROP TRIGGER review_log_no_delete; DELETE FROM review_outcomes; "
                      "DELETE FROM review_log",
                      &err),
        0);
    assert_int_equal(bc_keys_carry_over(legacy, to2, &err), 0);
    assert_int_equal(bc_rebuild_carry(legacy, to2, &replay, &err), 0);
    assert_int_equal(count(to2, "SELECT count(*) FROM v_review_log_doc WHERE kind = 'key' AND "
                                "fact_id = 'carol' AND reviewer = 'cli:root' AND status = "
                                "'applied'"),
                     1);
    bc_store_close(legacy);
    bc_store_close(to2);
    /* a store from before keys existed: nothing to carry */
    bc_store *old = NULL;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &old, &err), 0);
    assert_int_equal(bc_keys_carry_over(old, to, &err), 0);
    /* carrying into a store that has the keys already is refused, not merged */
    assert_int_equal(bc_keys_carry_over(from, to, &err), BC_ESTORE);
    bc_store_close(old);
    bc_store_close(from);
    bc_store_close(to);
}

static void failures_are_codes(void **state)
{
    (void)state;
    bc_store *s = migrated();
    char key[BC_KEY_LEN + 1];
    bc_err err;
    assert_int_equal(bc_keys_add(s, "alice", BC_ROLE_REVIEW, "cli:test", key, &err), 0);
    assert_int_equal(bc_keys_add(s, "bob", BC_ROLE_REVIEW, "cli:test", key, &err), 0);
    /* out of memory while listing: an error and nothing handed out */
    bc_key_info *list = (bc_key_info *)1;
    size_t n = 7;
    bc_alloc_fail_after(0);
    int rc = bc_keys_list(s, &list, &n, &err);
    bc_alloc_fail_reset();
    assert_int_equal(rc, BC_ENOMEM);
    assert_null(list);
    assert_int_equal(n, 0);
    /* a store without the tables: SQLite's error, reported */
    bc_store *bare = NULL;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &bare, &err), 0);
    int found;
    bc_key_info k;
    assert_int_equal(bc_keys_find(bare, "x", 1, &k, &found, &err), BC_ESTORE);
    assert_int_equal(bc_keys_add(bare, "alice", BC_ROLE_ADMIN, "x", key, &err), BC_ESTORE);
    assert_string_equal(key, "");
    int active;
    assert_int_equal(bc_keys_active(bare, &active, &err), BC_ESTORE);
    assert_int_equal(bc_keys_list(bare, &list, &n, &err), BC_ESTORE);
    bc_store_close(bare);
    bc_store_close(s);
}

/* An allocation failure anywhere in adding or revoking a key leaves no transaction open
 * behind it (the next write works: a ROLLBACK that itself lacked memory once left BEGIN
 * IMMEDIATE open, and every later write failed) and never a key change without its audit
 * entry. */
static void allocation_failures_leave_no_transaction_open(void **state)
{
    (void)state;
    bc_store *s = migrated();
    bc_err err;
    char key[BC_KEY_LEN + 1], name[32];
    long failed = 0;
    for (long n = 0;; n++) {
        assert_true(n < 20000);
        snprintf(name, sizeof name, "oom%ld", n);
        bc_alloc_fail_after(n);
        int rc = bc_keys_add(s, name, BC_ROLE_REVIEW, "cli:test", key, &err);
        if (rc == 0)
            rc = bc_keys_revoke(s, name, "cli:test", &err);
        long made = bc_alloc_count();
        bc_alloc_fail_reset();
        failed += rc != 0;
        /* the connection writes again at once */
        snprintf(name, sizeof name, "next%ld", n);
        rc = bc_keys_add(s, name, BC_ROLE_REVIEW, "cli:test", key, &err);
        if (rc != 0)
            fail_msg("after a failure at allocation %ld: %s", n, err.msg);
        if (made <= n)
            break;
    }
    assert_true(failed > 0);
    /* each key added has its key_add entry, each revoked one its key_revoke */
    assert_int_equal(fx_count(s, "SELECT count(*) FROM api_keys"),
                     fx_count(s, "SELECT count(*) FROM review_log WHERE action = 'key_add'"));
    assert_int_equal(fx_count(s, "SELECT count(*) FROM api_keys WHERE revoked_at IS NOT NULL"),
                     fx_count(s, "SELECT count(*) FROM review_log WHERE action = 'key_revoke'"));
    bc_store_close(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(roles_and_names),
        cmocka_unit_test(allocation_failures_leave_no_transaction_open),
        cmocka_unit_test(keys_are_random_and_url_safe),
        cmocka_unit_test(only_the_hash_is_stored),
        cmocka_unit_test(one_active_key_per_name),
        cmocka_unit_test(rows_are_never_deleted_or_rekeyed),
        cmocka_unit_test(last_use_is_recorded_once_a_window),
        cmocka_unit_test(keys_survive_a_rebuild),
        cmocka_unit_test(failures_are_codes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
