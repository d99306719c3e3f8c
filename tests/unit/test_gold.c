/* test_gold.c: reading the gold corpus (gold.c): every field of an annotation checked,
 * quotes found at every place they occur, an annotation refused (naming its file and
 * field) when a quote is not verbatim, a value is outside the format or the id is not the
 * file's name; the date a run without a publication date may know. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "fixture.h"

#include "bordercoop/alloc.h"
#include "bordercoop/gold.h"
#include "gold_fixture.h"

static void reads_a_corpus(void **state)
{
    (void)state;
    char dir[256];
    gold_write(dir, "\"2024-06-13\"", "Lao Cai trade reaches 1.7 billion USD");
    bc_gold_corpus *c = NULL;
    bc_err err;
    assert_int_equal(bc_gold_load(dir, &c, &err), 0);
    assert_int_equal(c->n, 1);
    const bc_gold_article *a = &c->a[0];
    assert_string_equal(a->id, "en-test");
    assert_string_equal(a->lang, "en");
    assert_string_equal(a->published_on, "2024-06-13");
    assert_int_equal(a->nmoney, 3);
    assert_int_equal(a->money[0].quotes.n, 2);
    assert_memory_equal(a->text + a->money[0].quotes.start[0], "Lao Cai trade", 13);
    assert_true(a->money[0].value == 1.7e9);
    assert_string_equal(a->money[0].period, "2024");
    assert_int_equal(a->nmeetings, 2);
    assert_true(a->meetings[0].date_pub);
    assert_int_equal(a->meetings[1].ordinal, 9);
    assert_string_equal(a->meetings[1].mechanism, "");
    assert_int_equal(a->ngates, 1);
    assert_int_equal(a->gates[0].ncn, 2);
    assert_string_equal(a->gates[0].cn[1], "河口");
    bc_gold_free(c);
    gold_remove(dir);

    /* a quote that occurs twice is found twice */
    gold_write(dir, "null", "Lao Cai");
    assert_int_equal(bc_gold_load(dir, &c, &err), BC_EINVAL); /* basis publication, no date */
    assert_non_null(strstr(err.msg, "published_on"));
    gold_remove(dir);

    /* a day counted from the publication date ("on Tuesday") is a whole day */
    gold_write(dir, "\"2024-06-13\"", "Lao Cai trade");
    gold_set_basis(dir, "\"2024-06-12\"", "publication_day");
    assert_int_equal(bc_gold_load(dir, &c, &err), 0);
    assert_true(c->a[0].meetings[0].date_pub && c->a[0].meetings[0].date_day_pub);
    assert_false(c->a[0].meetings[1].date_day_pub);
    bc_gold_free(c);
    gold_set_basis(dir, "\"2024-06\"", "publication_day");
    assert_int_equal(bc_gold_load(dir, &c, &err), BC_EINVAL);
    assert_non_null(strstr(err.msg, "whole day"));
    gold_set_basis(dir, "\"2024-06-12\"", "weekday");
    assert_int_equal(bc_gold_load(dir, &c, &err), BC_EINVAL);
    gold_remove(dir);

    /* no languages: an empty corpus */
    char tmpl[] = "/tmp/bc-test-XXXXXX";
    assert_non_null(mkdtemp(tmpl));
    assert_int_equal(bc_gold_load(tmpl, &c, &err), 0);
    assert_int_equal(c->n, 0);
    bc_gold_free(c);
    gold_remove(tmpl);
    bc_gold_free(NULL);
}

static void refuses_bad_annotations(void **state)
{
    (void)state;
    char dir[256];
    bc_gold_corpus *c = (bc_gold_corpus *)1;
    bc_err err;
    gold_write(dir, "\"2024-06-13\"", "Lao Cai trade reaches 1.8 billion USD");
    assert_int_equal(bc_gold_load(dir, &c, &err), BC_EINVAL);
    assert_null(c);
    assert_non_null(strstr(err.msg, "not verbatim"));
    assert_non_null(strstr(err.msg, "en-test.json"));
    assert_non_null(strstr(err.msg, "money[0].quotes[0]"));
    gold_remove(dir);

    static const struct {
        const char *from, *to, *want;
    } edits[] = {
        {"\"currency\": \"USD\"", "\"currency\": \"GBP\"", "currency"},
        {"\"metric\": \"exports\"", "\"metric\": \"sales\"", "metric"},
        {"\"value\": 1700000000", "\"value\": -1", "value"},
        {"\"id\": \"en-test\"", "\"id\": \"en-other\"", "id"},
        {"\"lang\": \"en\"", "\"lang\": \"fr\"", "lang"},
        {"\"date\": \"2023-05-10\"", "\"date\": \"May 2023\"", "date"},
        {"\"ordinal\": 9", "\"ordinal\": 0", "ordinal"},
        {"\"target\": false", "\"target\": \"no\"", "target"},
        {"\"mechanism\": \"jwg-yunnan\"", "\"mechanism\": \"jwg-laos\"", "mechanism"},
        {"\"vn_side\": [\"Lao Cai\"]", "\"vn_side\": []", "vn_side"},
        {"\"kind\": \"gate_pair\"", "\"kind\": \"tunnel\"", "kind"},
        {"\"money\": [", "\"money\": 3, \"x\": [", "money"},
    };
    for (size_t i = 0; i < sizeof edits / sizeof edits[0]; i++) {
        gold_write(dir, "\"2024-06-13\"", "Lao Cai trade reaches 1.7 billion USD");
        char path[512], *json;
        size_t n;
        snprintf(path, sizeof path, "%s/en/en-test.json", dir);
        FILE *f = fopen(path, "rb");
        assert_non_null(f);
        json = calloc(1, 16384);
        n = fread(json, 1, 16383, f);
        fclose(f);
        char *at = strstr(json, edits[i].from);
        assert_non_null(at);
        char out[16384];
        snprintf(out, sizeof out, "%.*s%s%s", (int)(at - json), json, edits[i].to,
                 at + strlen(edits[i].from));
        (void)n;
        free(json);
        fx_write_file(dir, "en/en-test.json", out);
        if (bc_gold_load(dir, &c, &err) != BC_EINVAL || strstr(err.msg, edits[i].want) == NULL)
            fail_msg("edit %zu (%s): %s", i, edits[i].to, err.msg);
        gold_remove(dir);
    }
    /* no article beside the annotation, or no directory at all */
    gold_write(dir, "\"2024-06-13\"", "Lao Cai trade reaches 1.7 billion USD");
    char path[512];
    snprintf(path, sizeof path, "%s/en/en-test.txt", dir);
    assert_int_equal(unlink(path), 0);
    assert_int_equal(bc_gold_load(dir, &c, &err), BC_EIO);
    gold_remove(dir);
    assert_int_equal(bc_gold_load("/nonexistent/gold", &c, &err), BC_EIO);
    assert_int_equal(bc_gold_load(NULL, &c, &err), BC_EINVAL);
}

static void without_publication(void **state)
{
    (void)state;
    char out[16];
    bc_gold_without_publication("2024-06-12", out);
    assert_string_equal(out, "--06-12");
    bc_gold_without_publication("2024-06", out);
    assert_string_equal(out, "");
    bc_gold_without_publication("2024", out);
    assert_string_equal(out, "");
}

static void allocation_failure(void **state)
{
    (void)state;
    char dir[256];
    gold_write(dir, "\"2024-06-13\"", "Lao Cai trade reaches 1.7 billion USD");
    bc_gold_corpus *c = NULL;
    bc_err err;
    int rc = BC_ENOMEM;
    for (long n = 0; n < 5000 && rc != 0; n++) {
        bc_alloc_fail_after(n);
        rc = bc_gold_load(dir, &c, &err);
        bc_alloc_fail_reset();
        if (rc != 0)
            assert_null(c);
    }
    assert_int_equal(rc, 0);
    bc_gold_free(c);
    gold_remove(dir);
}

static int reset_alloc(void **state)
{
    (void)state;
    bc_alloc_fail_reset();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reads_a_corpus),
        cmocka_unit_test(refuses_bad_annotations),
        cmocka_unit_test(without_publication),
        cmocka_unit_test_teardown(allocation_failure, reset_alloc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
