/* test_gazetteer.c: the names the extractor knows (gazetteer.c): built by hand or from a
 * store, found through the index of first words (Chinese names by their first
 * character, one-word names as the start of longer words), Chinese provinces without
 * their 省, places from the sides of crossings, and every allocation failure reported. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "../../server/extract_int.h"
#include "extract_fixture.h"

/* The number of aliases of entity whose first word is key. */
static size_t chain(const bc_gazetteer *g, const char *key, int entity)
{
    size_t n = 0;
    for (size_t a = bcx_gz_first(g, key, strlen(key)); a != 0; a = g->al[a - 1].next) {
        const char *w = GZ(g, g->al[a - 1].words);
        if (bcx_gz_key_len(w) == strlen(key) && memcmp(w, key, strlen(key)) == 0 &&
            g->al[a - 1].entity == entity)
            n++;
    }
    return n;
}

static void built_by_hand(void **state)
{
    (void)state;
    bc_gazetteer *g = NULL;
    bc_err err;
    assert_int_equal(bc_gazetteer_new(&g, &err), 0);
    assert_int_equal(bc_gazetteer_add_alias(g, "province", "lao-cai", "Lào Cai"), 0);
    assert_int_equal(bc_gazetteer_add_alias(g, "province", "lao-cai", "老街省"), 0);
    assert_int_equal(bc_gazetteer_add_alias(g, "province", "lao-cai", "lao-cai"), 0); /* the id */
    assert_int_equal(bc_gazetteer_add_alias(g, "province", "lao-cai", "--"), 0); /* no letters */
    assert_int_equal(bc_gazetteer_add_alias(g, "planet", "x", "X"), BC_EINVAL);
    assert_int_equal(bc_gazetteer_add_alias(NULL, "province", "x", "X"), BC_EINVAL);
    assert_int_equal(bc_gazetteer_add_province(g, "lao-cai", "VN", NULL), 0);
    assert_int_equal(bc_gazetteer_add_province(g, "yunnan", "CN", NULL), 0);
    const char *members[] = {"lao-cai", "yunnan"};
    assert_int_equal(bc_gazetteer_add_mechanism(g, "jwg-x", "working_group", members, 2), 0);
    assert_int_equal(
        bc_gazetteer_add_project(g, "p", "gate_pair", "Foo Bar (Baz)", "Qux", NULL, "奎"), 0);
    assert_int_equal(chain(g, "lao", E_PROVINCE), 1);
    assert_int_equal(chain(g, "老", E_PROVINCE), 2); /* 老街省 and 老街 */
    assert_int_equal(chain(g, "foo", E_PLACE), 1);
    assert_int_equal(chain(g, "baz", E_PLACE), 1);
    assert_int_equal(chain(g, "奎", E_PLACE), 1);
    assert_int_equal(g->nme, 1);
    assert_int_equal(g->me[0].kind, K_WG);
    assert_int_equal(g->npv, 2);

    /* the hand-built gazetteer serves an extraction */
    bc_extraction x;
    const char *t = "Trade between Lào Cai and 老街 reached 1 million USD.";
    assert_int_equal(bc_extract(t, strlen(t), "en", NULL, g, &x, &err), 0);
    assert_int_equal(x.nfigures, 1);
    assert_int_equal(x.figures[0].nparties, 1);
    assert_string_equal(x.figures[0].parties[0], "lao-cai");
    bc_extraction_free(&x);

    /* many names: the index grows */
    for (int i = 0; i < 500; i++) {
        char id[32], name[32];
        snprintf(id, sizeof id, "p-%d", i);
        snprintf(name, sizeof name, "Person Number%d", i);
        assert_int_equal(bc_gazetteer_add_alias(g, "person", id, name), 0);
    }
    assert_int_equal(chain(g, "person", E_PERSON), 500);
    bc_gazetteer_free(g);
    bc_gazetteer_free(NULL);
}

/* A line named by its Vietnamese side alone gets the words a sentence is searched for
 * once, with the gazetteer (slugging every line's name for every sentence grew with the
 * store's projects); a pair, or a one-word side, gets none. The sentence still finds it. */
static void a_lines_words_are_made_once(void **state)
{
    (void)state;
    bc_gazetteer *g = NULL;
    bc_err err;
    assert_int_equal(bc_gazetteer_new(&g, &err), 0);
    assert_int_equal(bc_gazetteer_add_project(g, "line", "railway", "Lào Cai - Hà Nội - Hải Phòng",
                                              NULL, NULL, NULL),
                     0);
    assert_int_equal(
        bc_gazetteer_add_project(g, "pair", "gate_pair", "Mong Cai", "Dongxing", NULL, NULL), 0);
    assert_int_equal(bc_gazetteer_add_project(g, "one", "railway", "Haiphong", NULL, NULL, NULL),
                     0);
    assert_int_equal(g->npr, 3);
    assert_string_equal(GZ(g, g->pr[0].line_words), "lao cai ha noi hai phong");
    assert_int_equal(g->pr[1].line_words, 0);
    assert_int_equal(g->pr[2].line_words, 0);
    bc_extraction x;
    const char *t = "Freight on the Lao Cai - Ha Noi - Hai Phong railway line grew in 2024.";
    assert_int_equal(bc_extract(t, strlen(t), "en", NULL, g, &x, &err), 0);
    int found = 0;
    for (size_t i = 0; i < x.ngates; i++)
        found += strcmp(x.gates[i].vn_side, "Lào Cai - Hà Nội - Hải Phòng") == 0;
    assert_int_equal(found, 1);
    bc_extraction_free(&x);
    bc_gazetteer_free(g);
}

/* A crossing's sides are known by every spelling of the border place they name: keys
 * fold spacing, hyphens and diacritics, and a side recorded as "Mong Cai" is also 芒街
 * (gazetteer_places.c); a side no border place names gets no other names. */
static void side_keys_of_places(void **state)
{
    (void)state;
    bc_gazetteer *g = NULL;
    bc_err err;
    bc_buf k = BC_BUF_INIT;
    bcx_side_key("Đông-Zhong", strlen("Đông-Zhong"), &k);
    assert_string_equal(k.data, "dongzhong");
    bc_buf_free(&k);
    assert_null(bcx_border_place(1, 100000));
    assert_non_null(strstr(bcx_border_place(0, 0), "|"));
    assert_int_equal(bc_gazetteer_new(&g, &err), 0);
    assert_int_equal(
        bc_gazetteer_add_project(g, "mc", "gate_pair", "Mong Cai", "Dong Trung", NULL, NULL), 0);
    assert_int_equal(bc_gazetteer_add_project(g, "zz", "gate_pair", "Zzy", "Qqx", NULL, NULL), 0);
    const char *vn = GZ(g, g->pr[0].vn_keys), *cn = GZ(g, g->pr[0].cn_keys);
    assert_non_null(strstr(vn, "|芒街|"));
    assert_non_null(strstr(vn, "|mongcai|"));
    assert_null(strstr(vn, "|东兴|"));
    assert_non_null(strstr(cn, "|峒中|"));
    assert_non_null(strstr(cn, "|dongzhong|"));
    assert_true(strstr(cn, "|dongzhong|") < strchr(cn, '#')); /* a strong key */
    assert_string_equal(GZ(g, g->pr[1].vn_keys), "|zzy|zzy|#|zzy|");
    bc_gazetteer_free(g);
}

static void from_a_store(void **state)
{
    (void)state;
    /* data/'s gazetteer (loaded by the fixture) */
    assert_true(G->nal > 50);
    assert_int_equal(G->npv, 10);
    assert_int_equal(G->nme, 4);
    assert_true(G->npr >= 15);
    assert_true(chain(G, "junnan", E_PROVINCE) >= 1);
    assert_true(chain(G, "云", E_PROVINCE) >= 2); /* 云南省, 云南 */
    /* Ha Giang became part of Tuyen Quang */
    int merged = 0;
    for (size_t k = 0; k < G->npv; k++)
        if (strcmp(GZ(G, G->pv[k].id), "ha-giang") == 0)
            merged = strcmp(GZ(G, G->pv[k].merged_into), "tuyen-quang") == 0;
    assert_true(merged);
    bc_gazetteer *g = (bc_gazetteer *)1;
    bc_err err;
    assert_int_equal(bc_gazetteer_load(NULL, &g, &err), BC_EINVAL);
    assert_int_equal(bc_gazetteer_new(NULL, &err), BC_EINVAL);
    /* a store without the tables fails with a message, not a crash */
    bc_store *empty = NULL;
    assert_int_equal(bc_store_open(":memory:", BC_STORE_CREATE, &empty, &err), 0);
    assert_int_equal(bc_gazetteer_load(empty, &g, &err), BC_ESTORE);
    assert_null(g);
    bc_store_close(empty);
}

/* The fingerprint of a store's gazetteer moves with the names it was built from only. */
static void fingerprint_follows_the_names(void **state)
{
    (void)state;
    bc_store *s = fx_store_from(fx_data_dir());
    bc_gazetteer *a = NULL, *b = NULL, *c = NULL, *hand = NULL;
    bc_err err;
    assert_int_equal(bc_gazetteer_load(s, &a, &err), 0);
    assert_int_equal(bc_gazetteer_load(s, &b, &err), 0);
    char pa[65], pb[65], pc[65], ph[65];
    bc_gazetteer_fingerprint(a, pa);
    bc_gazetteer_fingerprint(b, pb);
    assert_int_equal(strlen(pa), 64);
    assert_string_equal(pa, pb);
    assert_int_equal(bc_store_run(s,
                                  "INSERT INTO aliases (entity, alias_key, alias, entity_id) "
                                  "VALUES ('province', 'zephyrtown', 'Zephyrtown', 'lao-cai')",
                                  NULL, 0, &err),
                     0);
    assert_int_equal(bc_gazetteer_load(s, &c, &err), 0);
    bc_gazetteer_fingerprint(c, pc);
    assert_string_not_equal(pa, pc);
    assert_int_equal(bc_gazetteer_new(&hand, &err), 0);
    bc_gazetteer_fingerprint(hand, ph);
    assert_string_equal(ph, "");
    bc_gazetteer_fingerprint(NULL, ph);
    assert_string_equal(ph, "");
    bc_gazetteer_free(a);
    bc_gazetteer_free(b);
    bc_gazetteer_free(c);
    bc_gazetteer_free(hand);
    bc_store_close(s);
}

static void allocation_failure(void **state)
{
    (void)state;
    bc_gazetteer *g = NULL;
    bc_err err;
    int rc = BC_ENOMEM;
    long n;
    for (n = 0; n < 20000 && rc != 0; n++) {
        bc_alloc_fail_after(n);
        rc = bc_gazetteer_load(XS, &g, &err);
        bc_alloc_fail_reset();
        if (rc != 0) {
            assert_int_equal(rc, BC_ENOMEM);
            assert_null(g);
        }
    }
    assert_int_equal(rc, 0);
    assert_true(n > 5);
    bc_gazetteer_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(built_by_hand),
        cmocka_unit_test(side_keys_of_places),
        cmocka_unit_test(a_lines_words_are_made_once),
        cmocka_unit_test(from_a_store),
        cmocka_unit_test(fingerprint_follows_the_names),
        cmocka_unit_test_teardown(allocation_failure, xf_reset_alloc),
    };
    return cmocka_run_group_tests(tests, xf_setup, xf_teardown);
}
