/* gold_fixture.h: a small gold corpus written to a scratch directory for test_gold.c and
 * test_eval.c: one English article whose annotation the tests know the extractor's
 * answers to (one amount right, one misread, one it cannot read, one it reads that is
 * not annotated; a meeting dated from the publication date, one with a wrong date; a
 * gate pair). Include after fixture.h. */
#ifndef BC_TEST_GOLD_FIXTURE_H
#define BC_TEST_GOLD_FIXTURE_H

static const char GOLD_TEXT[] =
    "Lao Cai trade reaches 1.7 billion USD\n"
    "\n"
    "Lao Cai (VNA) - Trade between Lao Cai and Yunnan reached 1.7 billion USD in 2024.\n"
    "\n"
    "Exports were worth 1.75 billion USD last year. A fund of nine thousand million USD was "
    "announced. "
    "Investors pledged 5 million USD.\n"
    "\n"
    "On June 12, the 10th meeting of the Joint Working Group of Lai Chau, Lao Cai and Yunnan "
    "was held in Kunming. The 9th meeting of the border guards was held on May 9, 2023.\n"
    "\n"
    "Goods pass the Lao Cai (Vietnam) - Hekou (China) border gate pair.\n";

/* the annotation, with %s for the published_on value and %s for the first quote */
static const char GOLD_JSON[] =
    "{\"id\": \"en-test\", \"lang\": \"en\", \"published_on\": %s, \"author\": \"extract\","
    " \"modelled_on\": [],"
    " \"money\": ["
    "  {\"value\": 1700000000, \"currency\": \"USD\", \"metric\": \"trade_turnover\","
    "   \"target\": false, \"period\": \"2024\", \"period_basis\": \"text\","
    "   \"qualifier\": \"exact\", \"change_pct\": null, \"parties\": [\"lao-cai\"],"
    "   \"quotes\": [\"%s\", \"Trade between Lao Cai and Yunnan reached 1.7 billion USD in "
    "2024.\"]},"
    "  {\"value\": 1800000000, \"currency\": \"USD\", \"metric\": \"exports\","
    "   \"target\": false, \"period\": null, \"period_basis\": \"text\","
    "   \"qualifier\": \"exact\", \"change_pct\": null, \"parties\": [],"
    "   \"quotes\": [\"Exports were worth 1.75 billion USD last year.\"]},"
    "  {\"value\": 9000000000, \"currency\": \"USD\", \"metric\": \"other\","
    "   \"target\": false, \"period\": null, \"period_basis\": \"text\","
    "   \"qualifier\": \"exact\", \"change_pct\": null, \"parties\": [],"
    "   \"quotes\": [\"A fund of nine thousand million USD was announced.\"]}],"
    " \"meetings\": ["
    "  {\"mechanism\": \"jwg-yunnan\", \"ordinal\": 10, \"date\": \"2024-06-12\","
    "   \"date_basis\": \"publication\", \"place\": \"yunnan\", \"status\": \"held\","
    "   \"quotes\": [\"On June 12, the 10th meeting of the Joint Working Group of Lai Chau, Lao "
    "Cai and Yunnan was held in Kunming.\"]},"
    "  {\"mechanism\": null, \"ordinal\": 9, \"date\": \"2023-05-10\", \"date_basis\": \"text\","
    "   \"place\": null, \"status\": \"held\","
    "   \"quotes\": [\"The 9th meeting of the border guards was held on May 9, 2023.\"]}],"
    " \"gates\": ["
    "  {\"vn_side\": [\"Lao Cai\"], \"cn_side\": [\"Hekou\", \"河口\"], \"kind\": \"gate_pair\","
    "   \"quotes\": [\"Lao Cai (Vietnam) - Hekou (China) border gate pair\"]}]}";

/* Writes the corpus into a new scratch dir (out[256], removed with gold_remove) with the
 * given published_on (a JSON value) and first quote. */
static inline void gold_write(char out[256], const char *published_on, const char *quote)
{
    char tmpl[] = "/tmp/bc-test-XXXXXX", path[512], json[8192];
    assert_non_null(mkdtemp(tmpl));
    snprintf(out, 256, "%s", tmpl);
    snprintf(path, sizeof path, "%s/en", out);
    assert_int_equal(mkdir(path, 0755), 0);
    fx_write_file(path, "en-test.txt", GOLD_TEXT);
    snprintf(json, sizeof json, GOLD_JSON, published_on, quote);
    fx_write_file(path, "en-test.json", json);
}

/* Rewrites the annotation of the corpus in dir with the 10th meeting's date and basis
 * (a JSON value and a basis word) instead of "2024-06-12", "publication". */
static inline void gold_set_basis(const char *dir, const char *date, const char *basis)
{
    char path[512], json[8192], *at;
    snprintf(json, sizeof json, GOLD_JSON, "\"2024-06-13\"", "Lao Cai trade");
    const char *was = "\"date\": \"2024-06-12\",   \"date_basis\": \"publication\"";
    assert_non_null(at = strstr(json, was));
    char rest[8192];
    snprintf(rest, sizeof rest, "%s", at + strlen(was));
    snprintf(at, sizeof json - (size_t)(at - json), "\"date\": %s, \"date_basis\": \"%s\"%s", date,
             basis, rest);
    snprintf(path, sizeof path, "%s/en", dir);
    fx_write_file(path, "en-test.json", json);
}

static inline void gold_remove(const char *dir)
{
    char cmd[600];
    if (strncmp(dir, "/tmp/bc-test-", 13) != 0)
        return;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

#endif
