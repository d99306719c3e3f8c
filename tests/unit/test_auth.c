/* test_auth.c: bearer keys and the bootstrap token to an identity: every way a header
 * can be wrong, each role against each need, revocation at once, the 401/403 answers
 * (WWW-Authenticate, the role named), failures counted, and never the key or its hash
 * in a body, header or log note. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/auth.h"
#include "bordercoop/sha256.h"

#include "fixture.h"

#define BOOT "bootstrap-token-0123456789"

static bc_store *migrated(void)
{
    bc_store *s = NULL;
    bc_err err;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &s, &err), 0);
    assert_int_equal(bc_store_migrate(s, NULL, &err), 0);
    return s;
}

static bc_auth_status check(bc_store *s, const char *boot, const char *header, bc_role need,
                            bc_identity *who)
{
    bc_err err;
    return bc_auth_check(s, boot, header, need, who, &err);
}

static void bearer(char *out, size_t n, const char *key)
{
    snprintf(out, n, "Bearer %s", key);
}

static void no_keys_and_no_token_is_read_only(void **state)
{
    (void)state;
    bc_store *s = migrated();
    bc_identity who;
    assert_int_equal(check(s, NULL, NULL, BC_ROLE_INGEST, &who), BC_AUTH_DISABLED);
    assert_int_equal(check(s, "", "Bearer anything", BC_ROLE_INGEST, &who), BC_AUTH_DISABLED);
    /* a revoked key does not enable writes */
    char key[BC_KEY_LEN + 1];
    bc_err err;
    assert_int_equal(bc_keys_add(s, "alice", BC_ROLE_ADMIN, "t", key, &err), 0);
    assert_int_equal(bc_keys_revoke(s, "alice", "t", &err), 0);
    assert_int_equal(check(s, NULL, NULL, BC_ROLE_INGEST, &who), BC_AUTH_DISABLED);
    /* with the bootstrap token set, writes are on */
    assert_int_equal(check(s, BOOT, NULL, BC_ROLE_INGEST, &who), BC_AUTH_MISSING);
    bc_store_close(s);
}

static void malformed_headers(void **state)
{
    (void)state;
    bc_store *s = migrated();
    bc_identity who;
    static const char *const bad[] = {
        "Bearer",
        "Bearer ",
        "Bearer    ",
        "Bearer \t",
        "Bearer " BOOT " x",
        "Bearer t\x01"
        "ok",
        "Bearer caf\xc3\xa9",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        bc_auth_status st = check(s, BOOT, bad[i], BC_ROLE_INGEST, &who);
        if (st != BC_AUTH_MALFORMED)
            fail_msg("'%s' gave %s", bad[i], bc_auth_status_name(st));
        assert_string_equal(who.name, "");
    }
    /* no bearer credentials at all: answered with a plain challenge */
    static const char *const other[] = {"", "Basic " BOOT, BOOT, "Token " BOOT, "Bearerx " BOOT};
    for (size_t i = 0; i < sizeof other / sizeof other[0]; i++) {
        bc_auth_status st = check(s, BOOT, other[i], BC_ROLE_INGEST, &who);
        if (st != BC_AUTH_OTHER_SCHEME)
            fail_msg("'%s' gave %s", other[i], bc_auth_status_name(st));
    }
    /* whitespace around the token is tolerated (1*SP after the scheme, OWS) */
    static const char *const lenient[] = {"Bearer  " BOOT, "Bearer " BOOT " ", "Bearer\t" BOOT,
                                          " Bearer " BOOT "\t"};
    for (size_t i = 0; i < sizeof lenient / sizeof lenient[0]; i++) {
        bc_auth_status st = check(s, BOOT, lenient[i], BC_ROLE_INGEST, &who);
        if (st != BC_AUTH_OK)
            fail_msg("'%s' gave %s", lenient[i], bc_auth_status_name(st));
    }
    char huge[1200];
    memcpy(huge, "Bearer ", 7);
    memset(huge + 7, 'a', sizeof huge - 8);
    huge[sizeof huge - 1] = '\0';
    assert_int_equal(check(s, BOOT, huge, BC_ROLE_INGEST, &who), BC_AUTH_MALFORMED);
    bc_store_close(s);
}

/* A bootstrap token that is the value of a revoked key does not revive it as admin. */
static void a_revoked_key_is_no_bootstrap_token(void **state)
{
    (void)state;
    bc_store *s = migrated();
    char key[BC_KEY_LEN + 1], h[80];
    bc_err err;
    bc_identity who;
    assert_int_equal(bc_keys_add(s, "ian", BC_ROLE_INGEST, "t", key, &err), 0);
    snprintf(h, sizeof h, "Bearer %s", key);
    /* while the key is active it acts as its owner, with its own role */
    assert_int_equal(check(s, key, h, BC_ROLE_ADMIN, &who), BC_AUTH_FORBIDDEN);
    assert_string_equal(who.name, "ian");
    assert_int_equal(bc_keys_revoke(s, "ian", "t", &err), 0);
    assert_int_equal(check(s, key, h, BC_ROLE_INGEST, &who), BC_AUTH_REVOKED);
    assert_string_equal(who.name, "ian");
    bc_store_close(s);
}

static void bootstrap_token_is_an_admin(void **state)
{
    (void)state;
    bc_store *s = migrated();
    bc_identity who;
    for (bc_role need = BC_ROLE_INGEST; need <= BC_ROLE_ADMIN; need++) {
        assert_int_equal(check(s, BOOT, "Bearer " BOOT, need, &who), BC_AUTH_OK);
        assert_string_equal(who.name, "bootstrap");
        assert_int_equal(who.role, BC_ROLE_ADMIN);
        assert_int_equal(who.key_id, 0);
    }
    /* the scheme ignores case, the token does not */
    assert_int_equal(check(s, BOOT, "bEaReR " BOOT, BC_ROLE_ADMIN, &who), BC_AUTH_OK);
    assert_int_equal(check(s, BOOT, "Bearer BOOTSTRAP-TOKEN-0123456789", BC_ROLE_INGEST, &who),
                     BC_AUTH_INVALID);
    assert_int_equal(check(s, BOOT, "Bearer " BOOT "9", BC_ROLE_INGEST, &who), BC_AUTH_INVALID);
    assert_int_equal(check(s, BOOT, "Bearer bootstrap-token", BC_ROLE_INGEST, &who),
                     BC_AUTH_INVALID);
    /* without a configured token, the same header is just an unknown key */
    char key[BC_KEY_LEN + 1];
    bc_err err;
    assert_int_equal(bc_keys_add(s, "ann", BC_ROLE_INGEST, "t", key, &err), 0);
    assert_int_equal(check(s, NULL, "Bearer " BOOT, BC_ROLE_INGEST, &who), BC_AUTH_INVALID);
    bc_store_close(s);
}

static void each_role_against_each_need(void **state)
{
    (void)state;
    bc_store *s = migrated();
    static const char *const names[] = {"", "ingester", "reviewer", "administrator"};
    char keys[4][BC_KEY_LEN + 1];
    bc_err err;
    for (bc_role r = BC_ROLE_INGEST; r <= BC_ROLE_ADMIN; r++)
        assert_int_equal(bc_keys_add(s, names[r], r, "t", keys[r], &err), 0);
    for (bc_role r = BC_ROLE_INGEST; r <= BC_ROLE_ADMIN; r++)
        for (bc_role need = BC_ROLE_INGEST; need <= BC_ROLE_ADMIN; need++) {
            char h[80];
            bc_identity who;
            bearer(h, sizeof h, keys[r]);
            bc_auth_status st = check(s, NULL, h, need, &who);
            assert_int_equal(st, r >= need ? BC_AUTH_OK : BC_AUTH_FORBIDDEN);
            assert_string_equal(who.name, names[r]);
            assert_int_equal(who.role, r);
            assert_true(who.key_id > 0);
        }
    bc_store_close(s);
}

static void revocation_holds_at_once(void **state)
{
    (void)state;
    bc_store *s = migrated();
    char key[BC_KEY_LEN + 1], h[80];
    bc_err err;
    bc_identity who;
    assert_int_equal(bc_keys_add(s, "alice", BC_ROLE_REVIEW, "t", key, &err), 0);
    bearer(h, sizeof h, key);
    assert_int_equal(check(s, BOOT, h, BC_ROLE_REVIEW, &who), BC_AUTH_OK);
    assert_int_equal(bc_keys_revoke(s, "alice", "t", &err), 0);
    assert_int_equal(check(s, BOOT, h, BC_ROLE_REVIEW, &who), BC_AUTH_REVOKED);
    assert_string_equal(who.name, "alice");
    /* a new key for the same person (under a new name: names are never reused) works;
     * the old one stays refused */
    char again[BC_KEY_LEN + 1], h2[80];
    assert_int_equal(bc_keys_add(s, "alice", BC_ROLE_REVIEW, "t", again, &err), BC_ECONFLICT);
    assert_int_equal(bc_keys_add(s, "alice.2", BC_ROLE_REVIEW, "t", again, &err), 0);
    bearer(h2, sizeof h2, again);
    assert_int_equal(check(s, BOOT, h2, BC_ROLE_REVIEW, &who), BC_AUTH_OK);
    assert_int_equal(check(s, BOOT, h, BC_ROLE_REVIEW, &who), BC_AUTH_REVOKED);
    bc_store_close(s);
}

/* Fails when the response (body, headers, log note) contains needle. */
static void leaks_nothing(const bc_response *res, const char *needle)
{
    if (res->body.data && strstr(res->body.data, needle))
        fail_msg("body has '%s': %s", needle, res->body.data);
    if (strstr(res->log_note, needle))
        fail_msg("log note has '%s'", needle);
    for (int i = 0; i < res->nheaders; i++)
        if (strstr(res->headers[i].value, needle))
            fail_msg("header %s has '%s'", res->headers[i].name, needle);
}

static void answers_name_what_is_missing_and_leak_nothing(void **state)
{
    (void)state;
    bc_store *s = migrated();
    char key[BC_KEY_LEN + 1], hash[65], h[80];
    bc_err err;
    assert_int_equal(bc_keys_add(s, "ian", BC_ROLE_INGEST, "t", key, &err), 0);
    bc_sha256_hex(key, strlen(key), hash);
    bearer(h, sizeof h, key);
    unsigned long long before[BC_AUTH_NSTATUS];
    for (int i = 0; i < BC_AUTH_NSTATUS; i++)
        before[i] = bc_auth_failures((bc_auth_status)i);

    bc_identity who;
    bc_response res;
    bc_response_init(&res);
    bc_auth_status st = check(s, NULL, h, BC_ROLE_REVIEW, &who);
    assert_int_equal(st, BC_AUTH_FORBIDDEN);
    assert_int_equal(bc_auth_refuse(&res, st, &who, BC_ROLE_REVIEW, "to review facts", NULL), 403);
    json_t *j = fx_json_body(&res);
    assert_string_equal(fx_str(j, "code"), "insufficient_role");
    assert_string_equal(fx_str(j, "required_role"), "review");
    assert_non_null(strstr(fx_str(j, "detail"), "needs role 'review' to review facts"));
    assert_non_null(strstr(fx_str(j, "detail"), "'ian' has role 'ingest'"));
    json_decref(j);
    assert_non_null(strstr(bc_response_header_get(&res, "WWW-Authenticate"),
                           "error=\"insufficient_scope\", scope=\"review\""));
    assert_non_null(strstr(res.log_note, "ian"));
    leaks_nothing(&res, key + 4);
    leaks_nothing(&res, hash);
    bc_response_free(&res);

    assert_int_equal(bc_keys_revoke(s, "ian", "t", &err), 0);
    bc_response_init(&res);
    st = check(s, NULL, h, BC_ROLE_INGEST, &who);
    assert_int_equal(bc_auth_refuse(&res, st, &who, BC_ROLE_INGEST, "to add articles", NULL), 401);
    assert_string_equal(bc_response_header_get(&res, "WWW-Authenticate"),
                        "Bearer realm=\"bordercoop\", error=\"invalid_token\"");
    /* the client cannot tell a revoked key from an unknown one; the log can */
    assert_null(strstr(res.body.data, "revoked"));
    assert_non_null(strstr(res.log_note, "revoked"));
    assert_non_null(strstr(res.log_note, "ian"));
    leaks_nothing(&res, key + 4);
    leaks_nothing(&res, hash);
    bc_response_free(&res);

    /* an unknown key: no name to log, and the presented secret is not echoed */
    bc_response_init(&res);
    st = check(s, BOOT, "Bearer bck_not-a-key-of-this-store", BC_ROLE_INGEST, &who);
    assert_int_equal(st, BC_AUTH_INVALID);
    assert_int_equal(bc_auth_refuse(&res, st, &who, BC_ROLE_INGEST, NULL, NULL), 401);
    leaks_nothing(&res, "not-a-key");
    assert_string_equal(res.log_note, "auth invalid");
    bc_response_free(&res);

    bc_response_init(&res);
    st = check(s, BOOT, NULL, BC_ROLE_INGEST, &who);
    assert_int_equal(bc_auth_refuse(&res, st, &who, BC_ROLE_INGEST, "to add articles", NULL), 401);
    assert_string_equal(bc_response_header_get(&res, "WWW-Authenticate"),
                        "Bearer realm=\"bordercoop\"");
    bc_response_free(&res);

    bc_response_init(&res);
    assert_int_equal(bc_auth_refuse(&res, BC_AUTH_DISABLED, NULL, BC_ROLE_INGEST, NULL, NULL), 403);
    assert_non_null(strstr(res.body.data, "writes_disabled"));
    bc_response_free(&res);

    bc_response_init(&res);
    bc_err e;
    bc_err_set(&e, BC_ESTORE, "disk I/O error");
    assert_int_equal(bc_auth_refuse(&res, BC_AUTH_ERROR, NULL, BC_ROLE_INGEST, NULL, &e), 503);
    assert_non_null(strstr(res.log_note, "disk I/O error"));
    bc_response_free(&res);

    bc_response_init(&res);
    assert_int_equal(bc_auth_refuse(&res, BC_AUTH_OK, NULL, BC_ROLE_INGEST, NULL, NULL), 0);
    bc_response_free(&res);

    assert_int_equal(bc_auth_failures(BC_AUTH_FORBIDDEN), before[BC_AUTH_FORBIDDEN] + 1);
    assert_int_equal(bc_auth_failures(BC_AUTH_REVOKED), before[BC_AUTH_REVOKED] + 1);
    assert_int_equal(bc_auth_failures(BC_AUTH_INVALID), before[BC_AUTH_INVALID] + 1);
    assert_int_equal(bc_auth_failures(BC_AUTH_MISSING), before[BC_AUTH_MISSING] + 1);
    assert_int_equal(bc_auth_failures(BC_AUTH_OK), 0);
    assert_string_equal(bc_auth_status_name((bc_auth_status)99), "error");
    bc_store_close(s);
}

static void a_store_without_keys_is_an_error_not_a_pass(void **state)
{
    (void)state;
    bc_store *bare = NULL;
    bc_err err;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &bare, &err), 0);
    bc_identity who;
    assert_int_equal(bc_auth_check(bare, NULL, "Bearer x", BC_ROLE_INGEST, &who, &err),
                     BC_AUTH_ERROR);
    assert_int_equal(bc_auth_check(bare, BOOT, "Bearer x", BC_ROLE_INGEST, &who, &err),
                     BC_AUTH_ERROR);
    /* the bootstrap token itself needs no table */
    assert_int_equal(bc_auth_check(bare, BOOT, "Bearer " BOOT, BC_ROLE_ADMIN, &who, &err),
                     BC_AUTH_OK);
    bc_store_close(bare);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(no_keys_and_no_token_is_read_only),
        cmocka_unit_test(malformed_headers),
        cmocka_unit_test(a_revoked_key_is_no_bootstrap_token),
        cmocka_unit_test(bootstrap_token_is_an_admin),
        cmocka_unit_test(each_role_against_each_need),
        cmocka_unit_test(revocation_holds_at_once),
        cmocka_unit_test(answers_name_what_is_missing_and_leak_nothing),
        cmocka_unit_test(a_store_without_keys_is_an_error_not_a_pass),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
