/* test_negotiate.c: content negotiation and validators: Accept q-values and wildcards
 * (a more specific range overrides a less specific one), 406 when nothing fits, the
 * dashboard's text/html test, Accept-Encoding for gzip (q=0, "*", identity) and
 * If-None-Match lists (weak tags, "*", malformed lists). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/negotiate.h"

#include <stdio.h>

#define BOTH (BC_FMT_JSON | BC_FMT_CSV)

/* Checks what a list (JSON or CSV) gets for one Accept header, chosen as the router
 * chooses: the preferred format when it is one of the two, else the first acceptable of
 * them; and which of the two are acceptable (the other media types: expect_all). */
static void expect(const char *accept, int format, unsigned acceptable)
{
    unsigned got = 0xff;
    int f = bc_negotiate_format(accept, &got);
    got &= BOTH;
    if (!(f & BOTH))
        f = (int)(got & -got);
    if (f != format || got != acceptable)
        fail_msg("Accept '%s': format %d acceptable %u, want %d and %u", accept ? accept : "(null)",
                 f, got, format, acceptable);
}

/* Checks the preferred format and the whole acceptable set. */
static void expect_all(const char *accept, int format, unsigned acceptable)
{
    unsigned got = 0xffff;
    int f = bc_negotiate_format(accept, &got);
    if (f != format || got != acceptable)
        fail_msg("Accept '%s': format %d acceptable %u, want %d and %u", accept ? accept : "(null)",
                 f, got, format, acceptable);
}

static void no_header_means_anything_json_first(void **state)
{
    (void)state;
    expect(NULL, BC_FMT_JSON, BOTH);
    expect("", BC_FMT_JSON, BOTH);
    expect("*/*", BC_FMT_JSON, BOTH);
    expect("*/*;q=0.3", BC_FMT_JSON, BOTH);
}

static void specific_types(void **state)
{
    (void)state;
    expect("application/json", BC_FMT_JSON, BC_FMT_JSON);
    expect("application/problem+json", BC_FMT_JSON, BC_FMT_JSON);
    expect("application/json; charset=utf-8", BC_FMT_JSON, BC_FMT_JSON);
    expect("text/csv", BC_FMT_CSV, BC_FMT_CSV);
    expect("TEXT/CSV", BC_FMT_CSV, BC_FMT_CSV); /* media types ignore case */
    expect("text/csv;header=present", BC_FMT_CSV, BC_FMT_CSV);
}

static void q_values_choose(void **state)
{
    (void)state;
    expect("text/csv;q=0.5, application/json;q=0.9", BC_FMT_JSON, BOTH);
    expect("text/csv, application/json;q=0.5", BC_FMT_CSV, BOTH);
    expect("application/json;q=0.5,text/csv", BC_FMT_CSV, BOTH);
    /* whitespace around items and parameters, Q in capitals, other parameters first */
    expect("  text/csv ; charset=utf-8 ;  Q=0.8 ,\tapplication/json ; q=0.3 ", BC_FMT_CSV, BOTH);
    /* equal q: JSON */
    expect("text/csv, application/json", BC_FMT_JSON, BOTH);
    expect("text/csv;q=0.4, application/json;q=0.4", BC_FMT_JSON, BOTH);
    /* q outside [0, 1] is clamped: 2 counts as 1 (a tie), a negative q as 0 */
    expect("text/csv;q=2, application/json", BC_FMT_JSON, BOTH);
    expect("text/csv;q=-1, application/json;q=0.1", BC_FMT_JSON, BC_FMT_JSON);
    /* the best q of repeated entries counts */
    expect("text/csv;q=0.1, application/json;q=0.5, text/csv;q=0.9", BC_FMT_CSV, BOTH);
    /* a parameter that merely starts with q is not the weight */
    expect("text/csv;qs=0.1, application/json;q=0.5", BC_FMT_CSV, BOTH);
}

static void wildcards(void **state)
{
    (void)state;
    expect("text/*", BC_FMT_CSV, BC_FMT_CSV);
    expect("application/*", BC_FMT_JSON, BC_FMT_JSON);
    expect("text/*, application/*", BC_FMT_JSON, BOTH);
    /* a browser's header: JSON, though CSV would do */
    expect("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", BC_FMT_JSON, BOTH);
    /* a bare any/any never makes CSV win over JSON ... */
    expect("*/*, application/json;q=0.5", BC_FMT_JSON, BOTH);
    /* ... but an explicit CSV preference does */
    expect("*/*;q=0.1, text/csv", BC_FMT_CSV, BOTH);
    /* and so does an explicit preference for text types */
    expect("text/*, application/json;q=0.5", BC_FMT_CSV, BOTH);
}

static void specific_overrides_wildcard(void **state)
{
    (void)state;
    /* RFC 9110 12.5.1: the most specific matching range gives the weight */
    expect("application/json;q=0, */*", BC_FMT_CSV, BC_FMT_CSV);
    expect("*/*, application/json;q=0", BC_FMT_CSV, BC_FMT_CSV);
    expect("text/csv;q=0, */*", BC_FMT_JSON, BC_FMT_JSON);
    expect_all("text/csv;q=0, text/*", BC_FMT_HTML, BC_FMT_HTML | BC_FMT_PROM);
    expect("application/json;q=0.2, application/*", BC_FMT_JSON, BC_FMT_JSON);
    expect("application/json;q=0.2, text/csv;q=0.1, */*", BC_FMT_JSON, BOTH);
    /* type/any is more specific than any/any too */
    expect("application/*;q=0, */*", BC_FMT_CSV, BC_FMT_CSV);
    expect("text/*;q=0, */*", BC_FMT_JSON, BC_FMT_JSON);
    /* (CSV only from any/any still never beats JSON) */
    expect("application/*;q=0.2, */*", BC_FMT_JSON, BOTH);
    expect("*/*;q=0.1, application/*", BC_FMT_JSON, BOTH);
}

static void other_media_types(void **state)
{
    (void)state;
    expect_all(NULL, BC_FMT_JSON, BC_FMT_KNOWN);
    expect_all("*/*", BC_FMT_JSON, BC_FMT_KNOWN);
    expect_all("text/html", BC_FMT_HTML, BC_FMT_HTML);
    expect_all("application/xhtml+xml", BC_FMT_HTML, BC_FMT_HTML);
    expect_all("application/yaml", BC_FMT_YAML, BC_FMT_YAML);
    expect_all("text/yaml, application/x-yaml", BC_FMT_YAML, BC_FMT_YAML);
    expect_all("application/geo+json", BC_FMT_GEOJSON, BC_FMT_GEOJSON);
    expect_all("application/x-ndjson", BC_FMT_NDJSON, BC_FMT_NDJSON);
    expect_all("application/atom+xml, application/rss+xml;q=0.9", BC_FMT_ATOM, BC_FMT_ATOM);
    /* a Prometheus scraper */
    expect_all(
        "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1",
        BC_FMT_PROM, BC_FMT_KNOWN);
    expect_all("image/png, text/plain;q=0.5", BC_FMT_PROM, BC_FMT_PROM);
    /* type wildcards cover the formats of that type */
    expect_all("application/*", BC_FMT_JSON,
               BC_FMT_JSON | BC_FMT_YAML | BC_FMT_GEOJSON | BC_FMT_NDJSON | BC_FMT_ATOM);
    expect_all("text/*", BC_FMT_CSV, BC_FMT_CSV | BC_FMT_HTML | BC_FMT_PROM);
    /* a browser: HTML, the rest through any/any */
    expect_all("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", BC_FMT_HTML,
               BC_FMT_KNOWN);
    /* a format that only any/any admits never beats an acceptable JSON */
    expect_all("application/json;q=0.5, */*", BC_FMT_JSON, BC_FMT_KNOWN);
    assert_string_equal(bc_format_media_type(BC_FMT_JSON), "application/json");
    assert_string_equal(bc_format_media_type(BC_FMT_PROM), "text/plain");
    assert_null(bc_format_media_type(BC_FMT_FILE));
    assert_null(bc_format_media_type(BC_FMT_JSON | BC_FMT_CSV));
}

static void nothing_acceptable_is_406(void **state)
{
    (void)state;
    expect_all("application/xml", 0, 0);
    expect_all("image/png", 0, 0);
    expect_all("application/json;q=0, text/csv;q=0", 0, 0);
    expect_all("application/json;q=0", 0, 0);
    expect_all("*/*;q=0", 0, 0);
    expect_all("text/csv;q=0.000", 0, 0);
    expect_all("application/json;q=abc", 0, 0); /* an unreadable weight is no weight */
    expect_all(",,, ;q=1", 0, 0);
}

static void html_for_browsers_only(void **state)
{
    (void)state;
    assert_int_equal(bc_accepts_html(NULL), 0);
    assert_int_equal(bc_accepts_html(""), 0);
    assert_int_equal(bc_accepts_html("*/*"), 0);
    assert_int_equal(bc_accepts_html("application/json"), 0);
    assert_int_equal(bc_accepts_html("text/csv"), 0);
    assert_int_equal(bc_accepts_html("text/html"), 1);
    assert_int_equal(bc_accepts_html("Text/HTML"), 1);
    assert_int_equal(bc_accepts_html("application/xhtml+xml"), 1);
    assert_int_equal(
        bc_accepts_html("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"), 1);
    assert_int_equal(bc_accepts_html("text/html;q=0"), 0);
    /* JSON preferred over HTML: an API client */
    assert_int_equal(bc_accepts_html("text/html;q=0.5, application/json"), 0);
    assert_int_equal(bc_accepts_html("application/json;q=0.5, text/html"), 1);
}

static void gzip_acceptance(void **state)
{
    (void)state;
    assert_int_equal(bc_accepts_gzip(NULL), 0);
    assert_int_equal(bc_accepts_gzip(""), 0);
    assert_int_equal(bc_accepts_gzip("gzip"), 1);
    assert_int_equal(bc_accepts_gzip("GZip"), 1);
    assert_int_equal(bc_accepts_gzip("x-gzip"), 1);
    assert_int_equal(bc_accepts_gzip("gzip, deflate, br"), 1);
    assert_int_equal(bc_accepts_gzip("br;q=1.0, gzip;q=0.5"), 1);
    assert_int_equal(bc_accepts_gzip(" deflate ,  gzip ; q=0.001"), 1);
    assert_int_equal(bc_accepts_gzip("deflate, br"), 0);
    assert_int_equal(bc_accepts_gzip("identity"), 0);
    assert_int_equal(bc_accepts_gzip("gzipped"), 0);
    /* q=0 refuses */
    assert_int_equal(bc_accepts_gzip("gzip;q=0"), 0);
    assert_int_equal(bc_accepts_gzip("gzip; q=0.000"), 0);
    /* "*" stands for gzip unless gzip is named, in either order */
    assert_int_equal(bc_accepts_gzip("*"), 1);
    assert_int_equal(bc_accepts_gzip("identity, *"), 1);
    assert_int_equal(bc_accepts_gzip("*;q=0"), 0);
    assert_int_equal(bc_accepts_gzip("identity;q=1, *;q=0"), 0);
    assert_int_equal(bc_accepts_gzip("gzip;q=0, *"), 0);
    assert_int_equal(bc_accepts_gzip("*, gzip;q=0"), 0);
    assert_int_equal(bc_accepts_gzip("*;q=0, gzip"), 1);
    assert_int_equal(bc_accepts_gzip("gzip, *;q=0"), 1);
}

static void etag_lists(void **state)
{
    (void)state;
    const char *tag = "\"7b5af1abe4f30926fb4a58dbf5cfe070\"";
    assert_int_equal(bc_etag_matches(tag, tag), 1);
    assert_int_equal(bc_etag_matches(NULL, tag), 0);
    assert_int_equal(bc_etag_matches(tag, NULL), 0);
    assert_int_equal(bc_etag_matches("", tag), 0);
    /* weak comparison: W/ is ignored */
    assert_int_equal(bc_etag_matches("W/\"7b5af1abe4f30926fb4a58dbf5cfe070\"", tag), 1);
    /* one of a list, with or without spaces */
    assert_int_equal(bc_etag_matches("\"a\", W/\"b\",\"7b5af1abe4f30926fb4a58dbf5cfe070\"", tag),
                     1);
    assert_int_equal(bc_etag_matches("\"a\" ,\t\"7b5af1abe4f30926fb4a58dbf5cfe070\" ", tag), 1);
    assert_int_equal(bc_etag_matches("\"a\", \"b\"", tag), 0);
    /* no prefix or substring matches, quotes are part of the tag */
    assert_int_equal(bc_etag_matches("\"7b5af1abe4f30926fb4a58dbf5cfe07\"", tag), 0);
    assert_int_equal(bc_etag_matches("\"7b5af1abe4f30926fb4a58dbf5cfe070-gz\"", tag), 0);
    assert_int_equal(bc_etag_matches("7b5af1abe4f30926fb4a58dbf5cfe070", tag), 0);
    /* the -gz tag is its own representation */
    assert_int_equal(bc_etag_matches("\"x-gz\"", "\"x-gz\""), 1);
    assert_int_equal(bc_etag_matches("\"x-gz\"", "\"x\""), 0);
    /* "*" matches any current representation */
    assert_int_equal(bc_etag_matches("*", tag), 1);
    assert_int_equal(bc_etag_matches("  *", tag), 1);
    assert_int_equal(bc_etag_matches("\"a\", *", tag), 1);
    /* malformed lists match nothing and never read past the end */
    assert_int_equal(bc_etag_matches("\"7b5af1abe4f30926fb4a58dbf5cfe070", tag), 0);
    assert_int_equal(bc_etag_matches("W/", tag), 0);
    assert_int_equal(bc_etag_matches("W/7b5a", tag), 0);
    assert_int_equal(bc_etag_matches("junk, \"7b5af1abe4f30926fb4a58dbf5cfe070\"", tag), 0);
    assert_int_equal(bc_etag_matches(",,,", tag), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(no_header_means_anything_json_first),
        cmocka_unit_test(specific_types),
        cmocka_unit_test(other_media_types),
        cmocka_unit_test(q_values_choose),
        cmocka_unit_test(wildcards),
        cmocka_unit_test(specific_overrides_wildcard),
        cmocka_unit_test(nothing_acceptable_is_406),
        cmocka_unit_test(html_for_browsers_only),
        cmocka_unit_test(gzip_acceptance),
        cmocka_unit_test(etag_lists),
    };
    return cmocka_run_group_tests_name("negotiate", tests, NULL, NULL);
}
