/* test_config.c: the daemon's settings: defaults, environment variables through a fake
 * getenv, flags in both forms, their precedence, range and format errors, listen
 * addresses and the --help text. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "bordercoop/config.h"
#include "bordercoop/err.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

/* ---- a fake environment ---------------------------------------------------------- */

#define FAKE_ENV_MAX 16
static struct {
    const char *name;
    const char *value;
} fake_env[FAKE_ENV_MAX];
static int fake_env_n;
static int fake_env_lookups;

static int env_reset(void **state)
{
    (void)state;
    fake_env_n = 0;
    fake_env_lookups = 0;
    return 0;
}

static void env_set(const char *name, const char *value)
{
    assert_true(fake_env_n < FAKE_ENV_MAX);
    fake_env[fake_env_n].name = name;
    fake_env[fake_env_n].value = value;
    fake_env_n++;
}

static const char *fake_getenv(const char *name)
{
    fake_env_lookups++;
    for (int i = 0; i < fake_env_n; i++)
        if (strcmp(fake_env[i].name, name) == 0)
            return fake_env[i].value;
    return NULL;
}

/* ---- helpers ------------------------------------------------------------------------- */

/* Parses argv (a NULL-terminated list after the program name) with the fake env. */
#define PARSE(cfg, err, ...)                                                                       \
    parse_args(cfg, err, (const char *[]){"bordercoopd", __VA_ARGS__, NULL})

static int parse_args(bc_config *cfg, bc_err *err, const char **args)
{
    char *argv[32];
    int argc = 0;
    while (args[argc] != NULL) {
        assert_true(argc < 31);
        argv[argc] = (char *)args[argc];
        argc++;
    }
    argv[argc] = NULL;
    bc_err_clear(err);
    return bc_config_parse(cfg, argc, argv, fake_getenv, err);
}

/* Expects BC_EINVAL with a message containing part. */
static void assert_fails(int rc, const bc_err *err, const char *part)
{
    assert_int_equal(rc, BC_EINVAL);
    assert_int_equal(err->code, BC_EINVAL);
    if (part != NULL && strstr(err->msg, part) == NULL)
        fail_msg("message '%s' does not mention '%s'", err->msg, part);
}

static void assert_v4(const struct sockaddr_storage *addr, socklen_t len, const char *ip, int port)
{
    const struct sockaddr_in *v4 = (const struct sockaddr_in *)addr;
    assert_int_equal(addr->ss_family, AF_INET);
    assert_int_equal(len, sizeof(struct sockaddr_in));
    assert_int_equal(ntohs(v4->sin_port), port);
    char text[INET_ADDRSTRLEN];
    assert_non_null(inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text));
    assert_string_equal(text, ip);
}

static void assert_v6(const struct sockaddr_storage *addr, socklen_t len, const char *ip, int port)
{
    const struct sockaddr_in6 *v6 = (const struct sockaddr_in6 *)addr;
    assert_int_equal(addr->ss_family, AF_INET6);
    assert_int_equal(len, sizeof(struct sockaddr_in6));
    assert_int_equal(ntohs(v6->sin6_port), port);
    char text[INET6_ADDRSTRLEN];
    assert_non_null(inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text));
    assert_string_equal(text, ip);
}

static void assert_defaults(const bc_config *cfg)
{
    assert_string_equal(cfg->db, "var/bordercoop.db");
    assert_string_equal(cfg->listen, "127.0.0.1:8080");
    assert_v4(&cfg->addr, cfg->addrlen, "127.0.0.1", 8080);
    assert_int_equal(cfg->threads, 1);
    assert_string_equal(cfg->ready_file, "");
    assert_int_equal(cfg->connection_timeout, 15);
    assert_int_equal(cfg->max_connections, 1000);
    assert_int_equal(cfg->max_connections_per_ip, 0); /* off: see the README on proxies */
    assert_int_equal(cfg->max_body, 1048576);
    assert_int_equal(cfg->max_body_memory, 16 << 20);
    assert_int_equal(cfg->max_header_bytes, 8192);
    assert_int_equal(cfg->workers, 2);
    assert_int_equal(cfg->request_budget_ms, 250);
    assert_int_equal(cfg->write_budget_ms, 10000);
    assert_int_equal(cfg->header_timeout, 10);
    assert_int_equal(cfg->body_timeout, 10);
    assert_int_equal(cfg->min_body_rate, 4096);
    assert_int_equal(cfg->shutdown_grace, 10);
    assert_string_equal(cfg->log_file, "");
    assert_string_equal(cfg->api_token, "");
    assert_int_equal(cfg->max_age, 60);
    assert_string_equal(cfg->cors_origin, "*");
    assert_int_equal(cfg->log_format, BC_LOG_PLAIN);
    assert_int_equal(cfg->show_help, 0);
    assert_int_equal(cfg->show_version, 0);
}

/* ---- tests --------------------------------------------------------------------------- */

static void defaults(void **state)
{
    (void)state;
    bc_config cfg;
    bc_err err;
    memset(&cfg, 0x5a, sizeof cfg); /* whatever was there is replaced */
    char *argv[] = {"bordercoopd", NULL};
    assert_int_equal(bc_config_parse(&cfg, 1, argv, NULL, &err), BC_OK);
    assert_defaults(&cfg);

    /* argc 0 is fine too, and an environment with nothing set changes nothing */
    assert_int_equal(bc_config_parse(&cfg, 0, argv, fake_getenv, &err), BC_OK);
    assert_defaults(&cfg);
    assert_true(fake_env_lookups >= 11);
}

static void every_env_var_is_read(void **state)
{
    (void)state;
    env_set("BORDERCOOP_DB", "/tmp/env.db");
    env_set("BORDERCOOP_LISTEN", "[::1]:9090");
    env_set("BORDERCOOP_THREADS", "8");
    env_set("BORDERCOOP_MAX_CONNECTIONS", "50");
    env_set("BORDERCOOP_MAX_CONNECTIONS_PER_IP", "5");
    env_set("BORDERCOOP_CONNECTION_TIMEOUT", "30");
    env_set("BORDERCOOP_MAX_BODY", "2048");
    env_set("BORDERCOOP_MAX_AGE", "0");
    env_set("BORDERCOOP_CORS_ORIGIN", "https://example.org");
    env_set("BORDERCOOP_LOG_FORMAT", "json");
    env_set("BORDERCOOP_READY_FILE", "/tmp/ready");
    bc_config cfg;
    bc_err err;
    char *argv[] = {"bordercoopd", NULL};
    assert_int_equal(bc_config_parse(&cfg, 1, argv, fake_getenv, &err), BC_OK);
    assert_string_equal(cfg.db, "/tmp/env.db");
    assert_string_equal(cfg.listen, "[::1]:9090");
    assert_v6(&cfg.addr, cfg.addrlen, "::1", 9090);
    assert_int_equal(cfg.threads, 8);
    assert_int_equal(cfg.max_connections, 50);
    assert_int_equal(cfg.max_connections_per_ip, 5);
    assert_int_equal(cfg.connection_timeout, 30);
    assert_int_equal(cfg.max_body, 2048);
    assert_int_equal(cfg.max_age, 0);
    assert_string_equal(cfg.cors_origin, "https://example.org");
    assert_int_equal(cfg.log_format, BC_LOG_JSON);
    assert_string_equal(cfg.ready_file, "/tmp/ready");
    assert_int_equal(cfg.show_help, 0);
}

static void empty_env_value_is_unset(void **state)
{
    (void)state;
    env_set("BORDERCOOP_THREADS", "");
    env_set("BORDERCOOP_DB", "");
    bc_config cfg;
    bc_err err;
    char *argv[] = {"bordercoopd", NULL};
    assert_int_equal(bc_config_parse(&cfg, 1, argv, fake_getenv, &err), BC_OK);
    assert_defaults(&cfg);
}

static void flags_override_env(void **state)
{
    (void)state;
    env_set("BORDERCOOP_THREADS", "8");
    env_set("BORDERCOOP_DB", "/env.db");
    env_set("BORDERCOOP_LOG_FORMAT", "json");
    env_set("BORDERCOOP_MAX_AGE", "10");
    bc_config cfg;
    bc_err err;
    assert_int_equal(PARSE(&cfg, &err, "--threads", "4", "--db=/flag.db", "--log-format=off"),
                     BC_OK);
    assert_int_equal(cfg.threads, 4);
    assert_string_equal(cfg.db, "/flag.db");
    assert_int_equal(cfg.log_format, BC_LOG_OFF);
    assert_int_equal(cfg.max_age, 10); /* from env, no flag */
}

static void env_errors_name_the_variable(void **state)
{
    (void)state;
    bc_config cfg;
    bc_err err;
    env_set("BORDERCOOP_THREADS", "many");
    assert_fails(PARSE(&cfg, &err, "--db", "x"), &err, "BORDERCOOP_THREADS");
    env_reset(NULL);
    env_set("BORDERCOOP_LISTEN", "nowhere");
    assert_fails(PARSE(&cfg, &err, "--db", "x"), &err, "BORDERCOOP_LISTEN");
    env_reset(NULL);
    env_set("BORDERCOOP_LOG_FORMAT", "xml");
    assert_fails(PARSE(&cfg, &err, "--db", "x"), &err, "BORDERCOOP_LOG_FORMAT");
}

static void both_flag_forms(void **state)
{
    (void)state;
    bc_config cfg;
    bc_err err;
    assert_int_equal(
        PARSE(&cfg, &err, "--db", "a.db", "--max-body", "0", "--cors-origin", "https://a.example"),
        BC_OK);
    assert_string_equal(cfg.db, "a.db");
    assert_int_equal(cfg.max_body, 0);
    assert_string_equal(cfg.cors_origin, "https://a.example");

    assert_int_equal(PARSE(&cfg, &err, "--db=b.db", "--max-body=67108864",
                           "--cors-origin=https://b.example/?x=1", "--max-connections-per-ip=7",
                           "--ready-file=/tmp/r"),
                     BC_OK);
    assert_string_equal(cfg.db, "b.db");
    assert_int_equal(cfg.max_body, 64 << 20);
    /* only the first '=' separates name and value */
    assert_string_equal(cfg.cors_origin, "https://b.example/?x=1");
    assert_int_equal(cfg.max_connections_per_ip, 7);
    assert_string_equal(cfg.ready_file, "/tmp/r");
    assert_int_equal(cfg.max_connections, 1000); /* the prefix flag is untouched */
}

static void later_flag_wins(void **state)
{
    (void)state;
    bc_config cfg;
    bc_err err;
    assert_int_equal(PARSE(&cfg, &err, "--threads", "2", "--threads=3"), BC_OK);
    assert_int_equal(cfg.threads, 3);
}

static void unknown_flags(void **state)
{
    (void)state;
    bc_config cfg;
    bc_err err;
    assert_fails(PARSE(&cfg, &err, "--nope"), &err, "--nope");
    assert_fails(PARSE(&cfg, &err, "--nope=3"), &err, "'--nope'");
    assert_fails(PARSE(&cfg, &err, "--db", "x", "--thread", "2"), &err, "--thread");
    assert_fails(PARSE(&cfg, &err, "--d=x"), &err, "--d"); /* no prefixes */
    assert_fails(PARSE(&cfg, &err, "--db-file=x"), &err, "--db-file");
    assert_fails(PARSE(&cfg, &err, "-h"), &err, "-h");
    assert_fails(PARSE(&cfg, &err, "serve"), &err, "serve");
    assert_fails(PARSE(&cfg, &err, "--DB=x"), &err, "--DB");
    assert_fails(PARSE(&cfg, &err, ""), &err, NULL);
    assert_fails(PARSE(&cfg, &err, "--"), &err, NULL);
    /* an env name is not a flag */
    assert_fails(PARSE(&cfg, &err, "BORDERCOOP_DB=x"), &err, NULL);
}

static void missing_values(void **state)
{
    (void)state;
    bc_config cfg;
    bc_err err;
    assert_fails(PARSE(&cfg, &err, "--db"), &err, "--db");
    assert_fails(PARSE(&cfg, &err, "--threads", "2", "--threads"), &err, "--threads");
    assert_fails(PARSE(&cfg, &err, "--listen"), &err, "--listen");
    assert_fails(PARSE(&cfg, &err, "--log-format"), &err, "--log-format");
    assert_fails(PARSE(&cfg, &err, "--threads="), &err, "--threads");
}

static void int_range_errors(void **state)
{
    (void)state;
    bc_config cfg;
    bc_err err;
    assert_int_equal(PARSE(&cfg, &err, "--threads", "1"), BC_OK);
    assert_int_equal(cfg.threads, 1);
    assert_int_equal(PARSE(&cfg, &err, "--threads", "64"), BC_OK);
    assert_int_equal(cfg.threads, 64);
    assert_fails(PARSE(&cfg, &err, "--threads", "0"), &err, "--threads");
    assert_fails(PARSE(&cfg, &err, "--threads", "65"), &err, "--threads");
    assert_fails(PARSE(&cfg, &err, "--threads", "abc"), &err, "'abc'");
    assert_fails(PARSE(&cfg, &err, "--threads", "4x"), &err, "--threads");
    assert_fails(PARSE(&cfg, &err, "--threads", "-1"), &err, "--threads");
    assert_fails(PARSE(&cfg, &err, "--threads", "1.5"), &err, "--threads");
    assert_fails(PARSE(&cfg, &err, "--threads", ""), &err, "--threads");
    assert_fails(PARSE(&cfg, &err, "--threads", "99999999999999999999999"), &err, "--threads");
    assert_fails(PARSE(&cfg, &err, "--threads", "4294967297"), &err, "--threads");
    /* the message gives the range */
    PARSE(&cfg, &err, "--threads", "65");
    assert_non_null(strstr(err.msg, "1..64"));

    assert_fails(PARSE(&cfg, &err, "--max-body", "67108865"), &err, "--max-body");
    assert_fails(PARSE(&cfg, &err, "--max-age", "-1"), &err, "--max-age");
    assert_int_equal(PARSE(&cfg, &err, "--max-age", "31536000"), BC_OK);
    assert_fails(PARSE(&cfg, &err, "--max-age", "31536001"), &err, "--max-age");
    assert_fails(PARSE(&cfg, &err, "--connection-timeout", "0"), &err, "--connection-timeout");
    assert_fails(PARSE(&cfg, &err, "--connection-timeout", "3601"), &err, "--connection-timeout");
    assert_fails(PARSE(&cfg, &err, "--max-connections", "100001"), &err, "--max-connections");
}

static void log_formats(void **state)
{
    (void)state;
    bc_config cfg;
    bc_err err;
    assert_int_equal(PARSE(&cfg, &err, "--log-format", "json"), BC_OK);
    assert_int_equal(cfg.log_format, BC_LOG_JSON);
    assert_int_equal(PARSE(&cfg, &err, "--log-format", "off"), BC_OK);
    assert_int_equal(cfg.log_format, BC_LOG_OFF);
    assert_int_equal(PARSE(&cfg, &err, "--log-format=json", "--log-format=plain"), BC_OK);
    assert_int_equal(cfg.log_format, BC_LOG_PLAIN);
    assert_fails(PARSE(&cfg, &err, "--log-format", "bad"), &err, "'bad'");
    assert_fails(PARSE(&cfg, &err, "--log-format", "JSON"), &err, "--log-format");
    assert_fails(PARSE(&cfg, &err, "--log-format", ""), &err, "--log-format");
    assert_fails(PARSE(&cfg, &err, "--log-format", "plainish"), &err, "--log-format");
}

static void listen_good_forms(void **state)
{
    (void)state;
    bc_config cfg;
    bc_err err;
    assert_int_equal(PARSE(&cfg, &err, "--listen", "127.0.0.1:0"), BC_OK);
    assert_string_equal(cfg.listen, "127.0.0.1:0");
    assert_v4(&cfg.addr, cfg.addrlen, "127.0.0.1", 0);

    assert_int_equal(PARSE(&cfg, &err, "--listen=[::1]:8080"), BC_OK);
    assert_string_equal(cfg.listen, "[::1]:8080");
    assert_v6(&cfg.addr, cfg.addrlen, "::1", 8080);

    assert_int_equal(PARSE(&cfg, &err, "--listen", "localhost:80"), BC_OK);
    assert_string_equal(cfg.listen, "localhost:80"); /* kept as given */
    assert_v4(&cfg.addr, cfg.addrlen, "127.0.0.1", 80);

    struct sockaddr_storage addr;
    socklen_t len = 0;
    assert_int_equal(bc_config_parse_listen("0.0.0.0:65535", &addr, &len, &err), BC_OK);
    assert_v4(&addr, len, "0.0.0.0", 65535);
    assert_int_equal(bc_config_parse_listen("[::]:443", &addr, &len, &err), BC_OK);
    assert_v6(&addr, len, "::", 443);
    assert_int_equal(bc_config_parse_listen("[2001:db8::7]:1", &addr, &len, &err), BC_OK);
    assert_v6(&addr, len, "2001:db8::7", 1);
    assert_int_equal(bc_config_parse_listen("10.1.2.3:8080", &addr, &len, NULL), BC_OK);
    assert_v4(&addr, len, "10.1.2.3", 8080);
}

static void listen_bad_forms(void **state)
{
    (void)state;
    static const char *bad[] = {
        "1.2.3.4",       "host:99999",
        "[::1]8080",     "example.com:80",
        "127.0.0.1:",    "127.0.0.1:abc",
        "127.0.0.1:80x", "127.0.0.1:65536",
        "127.0.0.1:-1",  "[::1",
        "[::1]:",        "[::1]",
        ":8080",         "",
        "256.1.1.1:80",  "[example.com]:80",
        "localhost",     "127.0.0.1:80:80",
        "[]:80",         "1.2.3:80",
    };
    bc_config cfg;
    bc_err err;
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        struct sockaddr_storage addr;
        socklen_t len;
        bc_err_clear(&err);
        int rc = bc_config_parse_listen(bad[i], &addr, &len, &err);
        if (rc != BC_EINVAL)
            fail_msg("listen '%s' gave %d, want BC_EINVAL", bad[i], rc);
        assert_int_equal(err.code, BC_EINVAL);
        assert_true(strlen(err.msg) > 0);
        assert_fails(PARSE(&cfg, &err, "--listen", bad[i]), &err, "--listen");
    }
    /* the part at fault is named */
    assert_fails(PARSE(&cfg, &err, "--listen", "host:99999"), &err, "99999");
    assert_fails(PARSE(&cfg, &err, "--listen", "example.com:80"), &err, "example.com");
}

static void long_strings_rejected(void **state)
{
    (void)state;
    bc_config cfg;
    bc_err err;
    char v[2048];
    memset(v, 'd', sizeof v);
    v[sizeof cfg.db - 1] = '\0'; /* 1023 bytes: fits */
    assert_int_equal(PARSE(&cfg, &err, "--db", v), BC_OK);
    assert_int_equal(strlen(cfg.db), sizeof cfg.db - 1);
    v[sizeof cfg.db - 1] = 'd';
    v[sizeof cfg.db] = '\0'; /* 1024 bytes: does not */
    assert_fails(PARSE(&cfg, &err, "--db", v), &err, "--db");
    v[sizeof cfg.cors_origin] = '\0';
    assert_fails(PARSE(&cfg, &err, "--cors-origin", v), &err, "--cors-origin");
    char listen[400];
    memset(listen, '1', sizeof listen);
    memcpy(listen + sizeof listen - 4, ":80", 4);
    assert_fails(PARSE(&cfg, &err, "--listen", listen), &err, "--listen");
}

static void help_and_version(void **state)
{
    (void)state;
    bc_config cfg;
    bc_err err;
    assert_int_equal(PARSE(&cfg, &err, "--help"), BC_OK);
    assert_int_equal(cfg.show_help, 1);
    assert_int_equal(cfg.show_version, 0);
    assert_int_equal(PARSE(&cfg, &err, "--version"), BC_OK);
    assert_int_equal(cfg.show_help, 0);
    assert_int_equal(cfg.show_version, 1);
    /* they take no value: a following word is not swallowed */
    assert_fails(PARSE(&cfg, &err, "--help", "now"), &err, "now");
    assert_fails(PARSE(&cfg, &err, "--help=1"), &err, "--help");
    assert_fails(PARSE(&cfg, &err, "--version=yes"), &err, "--version");
    assert_int_equal(PARSE(&cfg, &err, "--threads", "3", "--version", "--help"), BC_OK);
    assert_int_equal(cfg.show_help, 1);
    assert_int_equal(cfg.show_version, 1);
    assert_int_equal(cfg.threads, 3);
}

static void usage_mentions_everything(void **state)
{
    (void)state;
    static const char *flags[] = {
        "--db",         "--listen",  "--threads",     "--max-connections",
        "--max-body",   "--max-age", "--cors-origin", "--max-connections-per-ip",
        "--log-format", "--help",    "--version",     "--connection-timeout",
        "--ready-file",
    };
    const char *u = bc_config_usage();
    assert_non_null(u);
    assert_non_null(strstr(u, "usage:"));
    /* the bootstrap token's rule as the code applies it (and the README states it) */
    char rule[64];
    snprintf(rule, sizeof rule, "(%d to 255 characters, at least %d different", BC_TOKEN_MIN,
             BC_TOKEN_MIN_DISTINCT);
    assert_non_null(strstr(u, rule));
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++) {
        if (strstr(u, flags[i]) == NULL)
            fail_msg("usage does not mention %s", flags[i]);
        if (strcmp(flags[i], "--help") == 0 || strcmp(flags[i], "--version") == 0)
            continue;
        /* and the variable of every flag with a value: --max-body -> BORDERCOOP_MAX_BODY */
        char env[64] = "BORDERCOOP_";
        size_t n = strlen(env);
        for (const char *p = flags[i] + 2; *p && n < sizeof env - 1; p++)
            env[n++] = *p == '-' ? '_' : (char)(*p - 'a' + 'A');
        env[n] = '\0';
        if (strstr(u, env) == NULL)
            fail_msg("usage does not mention %s", env);
        /* each variable is honoured too */
        env_reset(NULL);
        const char *val = strcmp(flags[i], "--listen") == 0       ? "127.0.0.1:1"
                          : strcmp(flags[i], "--log-format") == 0 ? "off"
                                                                  : "7";
        env_set(env, val);
        bc_config cfg;
        bc_err err;
        char *argv[] = {"bordercoopd", NULL};
        assert_int_equal(bc_config_parse(&cfg, 1, argv, fake_getenv, &err), BC_OK);
        bc_config def;
        assert_int_equal(bc_config_parse(&def, 1, argv, NULL, &err), BC_OK);
        if (memcmp(&cfg, &def, sizeof cfg) == 0)
            fail_msg("%s=%s changed nothing", env, val);
    }
    /* the text is static: the same each time */
    assert_ptr_equal(bc_config_usage(), u);
    assert_true(strlen(u) < 5000);
    assert_int_equal(u[strlen(u) - 1], '\n');
}

/* The write token: 22 to 255 characters of RFC 6750's b64token; spaces, control characters
 * or anything a bearer header cannot carry are refused at start, never accepted. */
static void api_token_must_be_a_bearer_token(void **state)
{
    (void)state;
    static const char *const good[] = {
        "abcdefghijklmnopqrstuv",
        "0123456789-._~+/abcdef",
        "QUJDREVGR0hJSktMTU5PUA==",
        "A1b2C3d4E5f6G7h8I9J0K1",
    };
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        env_reset(NULL);
        env_set("BORDERCOOP_API_TOKEN", good[i]);
        bc_config cfg;
        bc_err err;
        char *argv[] = {"bordercoopd", NULL};
        if (bc_config_parse(&cfg, 1, argv, fake_getenv, &err) != BC_OK)
            fail_msg("token '%s' refused: %s", good[i], err.msg);
        assert_string_equal(cfg.api_token, good[i]);
    }
    static const char *const bad[] = {
        "aaaaaaaaaaaaaaaaaaaaaa==",         /* one character: no entropy */
        "abcabcabcabcabcabcabcabc",         /* three characters */
        "A1b2C3d4E5f6G7h8I9",               /* shorter than 128 bits of base64 */
        "                ",                 /* sixteen spaces */
        "\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t", /* tabs */
        "abcdefgh ijklmnopqrstuv",          /* a space inside */
        " abcdefghijklmnopqrstuv",          /* leading space */
        "abcdefghijklmnopqrstuv ",          /* trailing space */
        "abcdefghijklmnopqrstuv\n",         /* a control character */
        "abcdefgh\"ijklmnopqrstuv",         /* a quote */
        "==abcdefghijklmnopqrstuv",         /* padding first */
        "abcdefgh=ijklmnopqrstuv",          /* padding inside */
        "short",                            /* too short */
        "abcdéfghijklmnopqrstuv",           /* not ASCII */
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        env_reset(NULL);
        env_set("BORDERCOOP_API_TOKEN", bad[i]);
        bc_config cfg;
        bc_err err;
        char *argv[] = {"bordercoopd", NULL};
        int rc = bc_config_parse(&cfg, 1, argv, fake_getenv, &err);
        if (rc == BC_OK)
            fail_msg("token '%s' accepted", bad[i]);
        assert_fails(rc, &err, "BORDERCOOP_API_TOKEN");
    }
}

int main(void)
{
#define T(f) cmocka_unit_test_setup(f, env_reset)
    const struct CMUnitTest tests[] = {
        T(api_token_must_be_a_bearer_token),
        T(defaults),
        T(every_env_var_is_read),
        T(empty_env_value_is_unset),
        T(flags_override_env),
        T(env_errors_name_the_variable),
        T(both_flag_forms),
        T(later_flag_wins),
        T(unknown_flags),
        T(missing_values),
        T(int_range_errors),
        T(log_formats),
        T(listen_good_forms),
        T(listen_bad_forms),
        T(long_strings_rejected),
        T(help_and_version),
        T(usage_mentions_everything),
    };
#undef T
    return cmocka_run_group_tests_name("config", tests, NULL, NULL);
}
