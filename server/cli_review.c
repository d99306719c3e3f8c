/* cli_review.c: `bordercoop keys` and `bordercoop review`: API keys and the review
 * step from a shell on the machine that holds the store. The actor recorded is the
 * owner of the key in BORDERCOOP_KEY when it is set (its role is checked as over HTTP),
 * else the local user as "cli:<user>". */
#include "cli_int.h"

#include "bordercoop/alloc.h"
#include "bordercoop/auth.h"
#include "bordercoop/buf.h"
#include "bordercoop/keys.h"
#include "bordercoop/resource.h"
#include "bordercoop/review.h"
#include "bordercoop/review_api.h"
#include "bordercoop/store.h"

#include <ctype.h>
#include <jansson.h>
#include <pwd.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char KEYS_USAGE[] =
    "usage: bordercoop keys COMMAND [--db PATH]\n"
    "\n"
    "  add NAME --role ingest|review|admin\n"
    "                 make a key for NAME and print it once, on stdout (only its SHA-256 is\n"
    "                 stored: copy it now). ingest may add articles; review may also\n"
    "                 approve, reject and correct extracted facts; admin may do everything.\n"
    "                 NAME: lower-case letters, digits and . _ @ - (at most 64)\n"
    "  list [--json]  every key ever made: name, role, created (and by whom), last used,\n"
    "                 revoked (and by whom). Never the key or its hash\n"
    "  revoke NAME    revoke NAME's key: refused from the next request on, no restart\n"
    "\n"
    "The actor recorded is the owner of BORDERCOOP_KEY (which must then be an admin key)\n"
    "or else cli:<your user name>. --db defaults to BORDERCOOP_DB or var/bordercoop.db.\n";

static const char REVIEW_USAGE[] =
    "usage: bordercoop review COMMAND [--db PATH]\n"
    "\n"
    "  list [--kind K] [--source ID] [--limit N] [--offset N] [--json]\n"
    "                 extracted facts awaiting review, oldest article first, with quotes\n"
    "  approve K ID [--note TEXT]\n"
    "                 the fact is right: it becomes 'reviewed' and counts like curated ones\n"
    "  reject K ID [--note TEXT]\n"
    "                 the fact is wrong: 'rejected', hidden, kept for audit\n"
    "  edit K ID FIELD=VALUE... [--fields JSON] [--note TEXT]\n"
    "                 correct fields (validated as data/ is), then 'reviewed'. VALUE is read\n"
    "                 as JSON when it is JSON (25700000, null, [\"lao-cai\",\"yunnan\"]),\n"
    "                 else as text (2024-06, Lao Cai)\n"
    "  log [--kind K|keys] [--id ID] [--reviewer NAME] [--status applied|orphaned]\n"
    "      [--limit N] [--offset N] [--json]\n"
    "                 the audit log, newest first: who decided what, when, what changed,\n"
    "                 and whether a rebuild could apply it again (orphaned otherwise);\n"
    "                 key changes too (--kind keys: only them)\n"
    "--json prints what the API serves (GET /v1/review, GET /v1/review/log).\n"
    "\n"
    "K: figures, meetings, border-gate-projects, events or project-events. The reviewer\n"
    "recorded is the owner of BORDERCOOP_KEY (a key with role review or admin) or else\n"
    "cli:<your user name>.\n";

typedef struct opts {
    const char *db;
    const char *role, *note, *fields, *kind, *source, *id, *reviewer, *status;
    int limit, offset, json;
    const char *pos[64]; /* positional arguments after the command */
    int npos;
} opts;

/* The block of subcommand sub in usage: its line ("  approve K ID [--note TEXT]") and
 * the indented lines under it; n gets its length. NULL when usage has no such block. */
static const char *sub_block(const char *usage, const char *sub, size_t *n)
{
    size_t k = strlen(sub);
    const char *b = NULL;
    for (const char *l = usage; l != NULL && *l; l = strchr(l, '\n') ? strchr(l, '\n') + 1 : NULL)
        if (strncmp(l, "  ", 2) == 0 && l[2] != ' ' && strncmp(l + 2, sub, k) == 0 &&
            (l[2 + k] == ' ' || l[2 + k] == '\n')) {
            b = l;
            break;
        }
    if (b == NULL)
        return NULL;
    const char *e = strchr(b, '\n');
    /* the lines under it: indented deeper than a subcommand line */
    while (e != NULL && strncmp(e + 1, "   ", 3) == 0)
        e = strchr(e + 1, '\n');
    *n = e != NULL ? (size_t)(e + 1 - b) : strlen(b);
    return b;
}

/* `bordercoop PARENT SUB --help`: the usage of SUB alone, its lines and the closing
 * paragraph of the parent's usage (who is recorded, --db). */
static void sub_usage(const char *parent, const char *sub, const char *usage, FILE *f)
{
    size_t n;
    const char *b = sub_block(usage, sub, &n);
    if (b == NULL) {
        fputs(usage, f);
        return;
    }
    size_t first = (size_t)(strchr(b, '\n') - b);
    fprintf(f, "usage: bordercoop %s %.*s [--db PATH]\n%.*s\n", parent, (int)(first - 2), b + 2,
            (int)(n - first - 1), b + first + 1);
    const char *last = strstr(usage, "\n\n");
    for (const char *p = last; p != NULL; p = strstr(p + 2, "\n\n"))
        last = p;
    if (last != NULL)
        fputs(last + 2, f);
}

/* 1 when option flag is one subcommand sub takes: --db, or an option of its block. */
static int sub_takes(const char *usage, const char *sub, const char *flag)
{
    if (strcmp(flag, "--db") == 0)
        return 1;
    size_t n, k = strlen(flag);
    const char *b = sub_block(usage, sub, &n);
    if (b == NULL)
        return 1; /* an unknown subcommand: its own error comes later */
    for (const char *p = b; p + k <= b + n; p++)
        if (strncmp(p, flag, k) == 0 && !(p[k] == '-' || isalnum((unsigned char)p[k])))
            return 1;
    return 0;
}

/* Parses argv[3..]; prints usage and returns 2 on a bad option, 3 after --help. */
static int parse(int argc, char **argv, const char *usage, opts *o)
{
    memset(o, 0, sizeof *o);
    o->db = getenv("BORDERCOOP_DB") ? getenv("BORDERCOOP_DB") : "var/bordercoop.db";
    o->limit = 50;
    static const struct {
        const char *flag;
        size_t off;
    } TEXT[] = {
        {"--db", offsetof(opts, db)},         {"--role", offsetof(opts, role)},
        {"--note", offsetof(opts, note)},     {"--fields", offsetof(opts, fields)},
        {"--kind", offsetof(opts, kind)},     {"--source", offsetof(opts, source)},
        {"--id", offsetof(opts, id)},         {"--reviewer", offsetof(opts, reviewer)},
        {"--status", offsetof(opts, status)},
    };
    for (int i = 3; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            sub_usage(argv[1], argv[2], usage, stdout);
            return 3;
        }
        if (strncmp(a, "--", 2) == 0 && !sub_takes(usage, argv[2], a)) {
            fprintf(stderr, "bordercoop %s %s: unknown option '%s'\n", argv[1], argv[2], a);
            sub_usage(argv[1], argv[2], usage, stderr);
            return 2;
        }
        if (strcmp(a, "--json") == 0) {
            o->json = 1;
            continue;
        }
        if (strcmp(a, "--limit") == 0 || strcmp(a, "--offset") == 0) {
            char *end = NULL;
            long v = i + 1 < argc ? strtol(argv[i + 1], &end, 10) : -1;
            if (end == NULL || *end != '\0' || v < 0 || v > 100000) {
                fprintf(stderr, "bordercoop: %s needs a whole number\n", a);
                return 2;
            }
            *(a[2] == 'l' ? &o->limit : &o->offset) = (int)v;
            i++;
            continue;
        }
        const char **slot = NULL;
        for (size_t k = 0; k < sizeof TEXT / sizeof TEXT[0] && slot == NULL; k++)
            if (strcmp(a, TEXT[k].flag) == 0)
                slot = (const char **)((char *)o + TEXT[k].off);
        if (slot != NULL) {
            if (i + 1 >= argc || argv[i + 1][0] == '\0') {
                fprintf(stderr, "bordercoop: %s needs a value\n", a);
                return 2;
            }
            *slot = argv[++i];
            continue;
        }
        if (a[0] == '-' || o->npos == (int)(sizeof o->pos / sizeof o->pos[0])) {
            fprintf(stderr, "bordercoop: unknown option '%s'\n%s", a, usage);
            return 2;
        }
        o->pos[o->npos++] = a;
    }
    return 0;
}

int bc_cli_actor(bc_store *s, bc_role need, char out[96])
{
    const char *key = getenv("BORDERCOOP_KEY");
    if (key == NULL || key[0] == '\0') {
        struct passwd *pw = getpwuid(geteuid());
        const char *user = pw && pw->pw_name ? pw->pw_name : getenv("USER");
        snprintf(out, 96, "cli:%.80s", user && *user ? user : "unknown");
        return 0;
    }
    char header[600];
    snprintf(header, sizeof header, "Bearer %.550s", key);
    bc_identity who;
    bc_err err;
    bc_auth_status st = bc_auth_check(s, NULL, header, need, &who, &err);
    if (st == BC_AUTH_OK) {
        snprintf(out, 96, "%s", who.name);
        return 0;
    }
    if (st == BC_AUTH_FORBIDDEN)
        fprintf(stderr, "bordercoop: BORDERCOOP_KEY is %s's key with role '%s'; this needs '%s'\n",
                who.name, bc_role_name(who.role), bc_role_name(need));
    else if (st == BC_AUTH_REVOKED)
        fprintf(stderr, "bordercoop: BORDERCOOP_KEY (%s's key) has been revoked\n", who.name);
    else if (st == BC_AUTH_ERROR)
        fprintf(stderr, "bordercoop: reading the keys: %s\n", err.msg);
    else
        fprintf(stderr, "bordercoop: BORDERCOOP_KEY is not a key of this store\n");
    return 1;
}

/* Prints like printf, with every control character of the result but the line feed
 * (C0, DEL, C1: an article or a note may hold terminal escapes) written visibly as
 * \xHH (C1 as \u0080..\u009f), so stored text never drives the terminal. */
static void out(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void out(const char *fmt, ...)
{
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *text = n >= 0 ? bc_malloc((size_t)n + 1) : NULL;
    if (text != NULL)
        vsnprintf(text, (size_t)n + 1, fmt, again);
    va_end(again);
    if (text == NULL)
        return;
    const unsigned char *p = (const unsigned char *)text;
    for (size_t i = 0; i < (size_t)n; i++) {
        if ((p[i] < 0x20 && p[i] != '\n') || p[i] == 0x7f)
            printf("\\x%02x", p[i]);
        else if (p[i] == 0xc2 && i + 1 < (size_t)n && p[i + 1] >= 0x80 && p[i + 1] <= 0x9f)
            printf("\\u%04x", p[++i]);
        else
            putchar(p[i]);
    }
    bc_free(text);
}

static int open_store(const opts *o, int flags, bc_store **s)
{
    bc_err err;
    if (bc_store_open(o->db, flags, s, &err) != BC_OK) {
        fprintf(stderr, "bordercoop: %s\n", err.msg);
        return 1;
    }
    return 0;
}

/* ---- keys --------------------------------------------------------------------------- */

static void key_json(json_t *arr, const bc_key_info *k)
{
    json_array_append_new(
        arr, json_pack("{s:s,s:s,s:s,s:s,s:s?,s:s?,s:s?,s:b}", "name", k->name, "role",
                       bc_role_name(k->role), "created_at", k->created_at, "created_by",
                       k->created_by, "last_used_at", k->last_used_at[0] ? k->last_used_at : NULL,
                       "revoked_at", k->revoked_at[0] ? k->revoked_at : NULL, "revoked_by",
                       k->revoked_by[0] ? k->revoked_by : NULL, "active", !k->revoked));
}

int bc_cli_keys(int argc, char **argv)
{
    opts o;
    const char *cmd = argc > 2 ? argv[2] : NULL;
    if (cmd == NULL || strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        fputs(KEYS_USAGE, cmd ? stdout : stderr);
        return cmd ? 0 : 2;
    }
    int rc = parse(argc, argv, KEYS_USAGE, &o);
    if (rc != 0)
        return rc == 3 ? 0 : rc;
    int add = strcmp(cmd, "add") == 0, list = strcmp(cmd, "list") == 0,
        revoke = strcmp(cmd, "revoke") == 0;
    if (!add && !list && !revoke) {
        fprintf(stderr, "bordercoop keys: unknown command '%s'\n%s", cmd, KEYS_USAGE);
        return 2;
    }
    if ((add || revoke) && o.npos != 1) {
        fprintf(stderr, "bordercoop keys %s: name exactly one key owner\n", cmd);
        return 2;
    }
    bc_role role = BC_ROLE_NONE;
    bc_err err;
    if (add && o.role == NULL) {
        fprintf(stderr, "bordercoop keys add: --role ingest|review|admin is required\n");
        return 2;
    }
    if (add && bc_role_parse(o.role, &role, &err) != BC_OK) {
        fprintf(stderr, "bordercoop keys add: --role: %s\n", err.msg);
        return 2;
    }
    if (add && bc_key_name_check(o.pos[0], &err) != BC_OK) {
        fprintf(stderr, "bordercoop keys add: %s\n", err.msg);
        return 2;
    }
    bc_store *s = NULL;
    if (open_store(&o, list ? BC_STORE_READONLY : BC_STORE_WRITER, &s) != 0)
        return 1;
    char by[96];
    rc = 0;
    if (!list)
        rc = bc_cli_actor(s, BC_ROLE_ADMIN, by);
    if (rc == 0 && add) {
        char key[BC_KEY_LEN + 1];
        if (bc_keys_add(s, o.pos[0], role, by, key, &err) != BC_OK) {
            fprintf(stderr, "bordercoop keys add: %s\n", err.msg);
            rc = 1;
        } else {
            printf("%s\n", key);
            fflush(stdout);
            fprintf(stderr,
                    "bordercoop keys add: %s %s key for '%s' (above, on stdout). Copy it now: "
                    "it is not stored and cannot be shown again.\n",
                    role == BC_ROLE_REVIEW ? "a" : "an", bc_role_name(role), o.pos[0]);
            memset(key, 0, sizeof key);
        }
    } else if (rc == 0 && revoke) {
        if (bc_keys_revoke(s, o.pos[0], by, &err) != BC_OK) {
            fprintf(stderr, "bordercoop keys revoke: %s\n", err.msg);
            rc = 1;
        } else {
            printf("revoked the key of '%s': refused from the next request on\n", o.pos[0]);
        }
    } else if (rc == 0) {
        bc_key_info *keys = NULL;
        size_t n = 0;
        if (bc_keys_list(s, &keys, &n, &err) != BC_OK) {
            fprintf(stderr, "bordercoop keys list: %s\n", err.msg);
            rc = 1;
        } else if (o.json) {
            json_t *arr = json_array();
            for (size_t i = 0; i < n; i++)
                key_json(arr, &keys[i]);
            char *text = json_dumps(arr, JSON_COMPACT);
            printf("%s\n", text ? text : "[]");
            free(text);
            json_decref(arr);
        } else {
            printf("%-24s %-7s %-20s %-20s %-20s %s\n", "NAME", "ROLE", "CREATED", "LAST USED",
                   "REVOKED", "BY");
            for (size_t i = 0; i < n; i++) {
                const bc_key_info *k = &keys[i];
                printf("%-24s %-7s %-20s %-20s %-20s %s%s%s\n", k->name, bc_role_name(k->role),
                       k->created_at, k->last_used_at[0] ? k->last_used_at : "never",
                       k->revoked ? k->revoked_at : "-", k->created_by,
                       k->revoked ? ", revoked by " : "", k->revoked ? k->revoked_by : "");
            }
            if (n == 0)
                printf("(no keys: bordercoop keys add NAME --role R makes one)\n");
        }
        bc_free(keys);
    }
    bc_store_close(s);
    return rc;
}

/* ---- review ------------------------------------------------------------------------- */

/* One line about the fact's main values, from its document. */
static void summary(json_t *item, bc_buf *out)
{
    json_t *f = json_object_get(item, "fact");
    const char *kind = json_string_value(json_object_get(item, "kind"));
    if (kind && strcmp(kind, "figure") == 0) {
        json_t *v = json_object_get(f, "value");
        bc_buf_printf(out, "%s: %.15g %s (%s)%s%s", json_string_value(json_object_get(f, "metric")),
                      v ? json_number_value(v) : 0.0, json_string_value(json_object_get(f, "unit")),
                      json_string_value(json_object_get(f, "qualifier")),
                      json_is_string(json_object_get(f, "period")) ? ", period " : "",
                      json_is_string(json_object_get(f, "period"))
                          ? json_string_value(json_object_get(f, "period"))
                          : "");
    } else if (kind && strcmp(kind, "meeting") == 0) {
        bc_buf_printf(out, "%s; %s, date %s", json_string_value(json_object_get(f, "title")),
                      json_string_value(json_object_get(f, "status")),
                      json_is_string(json_object_get(f, "date"))
                          ? json_string_value(json_object_get(f, "date"))
                          : "unknown");
    } else { /* a project (name, status), an event (title, status), a project event */
        const char *name = json_string_value(json_object_get(f, "name"));
        const char *state = json_string_value(json_object_get(f, "status"));
        if (name == NULL)
            name = json_string_value(json_object_get(f, "title"));
        if (name == NULL)
            name = json_string_value(json_object_get(f, "description"));
        if (state == NULL)
            state = json_string_value(json_object_get(f, "kind"));
        bc_buf_printf(out, "%s; %s", name ? name : "(untitled)", state ? state : "(no status)");
    }
}

static int review_list(bc_store *s, const opts *o, const char *reader)
{
    bc_review_query q = {-1, o->source, o->limit, o->offset};
    bc_err err;
    bc_review_kind kind;
    char source[BC_ALIAS_ID_MAX];
    if (o->source != NULL) {
        /* as GET /v1/review?source=: any name of the article, and an unknown one is an
         * error naming it, not an empty queue */
        int rc = bc_alias_lookup(s, "source", o->source, source, sizeof source, &err);
        if (rc == BC_ENOTFOUND) {
            fprintf(stderr,
                    "bordercoop review list: --source: unknown source '%s' (no article has this "
                    "id or title; see GET /v1/sources?curation=all)\n",
                    o->source);
            return 2;
        }
        if (rc != BC_OK) {
            fprintf(stderr, "bordercoop review list: %s\n", err.msg);
            return 1;
        }
        q.source_id = source;
    }
    if (o->kind != NULL) {
        if (bc_review_kind_parse(o->kind, &kind, &err) != BC_OK) {
            fprintf(stderr, "bordercoop review list: --kind: %s\n", err.msg);
            return 2;
        }
        q.kind = (int)kind;
    }
    if (o->json) {
        /* what GET /v1/review serves */
        bc_buf doc = BC_BUF_INIT;
        int rc = bc_review_queue_doc(s, &q, reader, &doc, &err);
        if (rc == BC_OK)
            printf("%s\n", doc.data);
        else
            fprintf(stderr, "bordercoop review list: %s\n", err.msg);
        bc_buf_free(&doc);
        return rc == BC_OK ? 0 : 1;
    }
    bc_buf items = BC_BUF_INIT;
    size_t n = 0;
    long long pending[BC_REVIEW_NKINDS];
    if (bc_review_pending(s, &q, &items, &n, pending, &err) != BC_OK) {
        bc_buf_free(&items);
        fprintf(stderr, "bordercoop review list: %s\n", err.msg);
        return 1;
    }
    json_t *arr = json_loads(items.data, 0, NULL);
    bc_buf_free(&items);
    printf("awaiting review%s%s: %lld figures, %lld meetings, %lld border gate projects, %lld "
           "events, %lld project events\n",
           o->source ? " from " : "", o->source ? o->source : "", pending[BC_REVIEW_FIGURE],
           pending[BC_REVIEW_MEETING], pending[BC_REVIEW_PROJECT], pending[BC_REVIEW_EVENT],
           pending[BC_REVIEW_PROJECT_EVENT]);
    for (size_t i = 0; i < json_array_size(arr); i++) {
        json_t *it = json_array_get(arr, i), *src = json_object_get(it, "source");
        bc_buf line = BC_BUF_INIT;
        summary(it, &line);
        bc_review_kind k = BC_REVIEW_FIGURE;
        bc_review_kind_parse(json_string_value(json_object_get(it, "kind")), &k, NULL);
        out("\n%s %s\n  %s\n  from %s (%s), ingested %s by %s\n", bc_review_kind_collection(k),
            json_string_value(json_object_get(it, "id")), line.data ? line.data : "",
            json_string_value(json_object_get(src, "id")),
            json_string_value(json_object_get(src, "lang")),
            json_string_value(json_object_get(src, "ingested_at")),
            json_is_string(json_object_get(src, "ingested_by"))
                ? json_string_value(json_object_get(src, "ingested_by"))
                : "unknown");
        json_t *cites = json_object_get(json_object_get(it, "fact"), "sources");
        for (size_t c = 0; c < json_array_size(cites); c++)
            out("  \"%s\"\n",
                json_string_value(json_object_get(json_array_get(cites, c), "quote")));
        bc_buf_free(&line);
    }
    json_decref(arr);
    return 0;
}

static int review_log(bc_store *s, const opts *o)
{
    bc_review_log_query q = {-1, o->id, o->reviewer, o->status, o->limit, o->offset};
    bc_err err;
    bc_review_kind kind;
    if (o->kind != NULL && strcmp(o->kind, "keys") == 0) {
        q.kind = BC_REVIEW_LOG_KEYS;
    } else if (o->kind != NULL && strcmp(o->kind, "sources") == 0) {
        q.kind = BC_REVIEW_LOG_SOURCES;
    } else if (o->kind != NULL) {
        if (bc_review_kind_parse(o->kind, &kind, &err) != BC_OK) {
            fprintf(stderr, "bordercoop review log: --kind: %s (or keys, sources)\n", err.msg);
            return 2;
        }
        q.kind = (int)kind;
    }
    if (o->status != NULL && strcmp(o->status, "applied") != 0 &&
        strcmp(o->status, "orphaned") != 0) {
        fprintf(stderr, "bordercoop review log: --status: applied or orphaned\n");
        return 2;
    }
    if (o->json) {
        /* what GET /v1/review/log serves */
        bc_buf doc = BC_BUF_INIT;
        int rc = bc_review_log_doc(s, &q, &doc, &err);
        if (rc == BC_OK)
            printf("%s\n", doc.data);
        else
            fprintf(stderr, "bordercoop review log: %s\n", err.msg);
        bc_buf_free(&doc);
        return rc == BC_OK ? 0 : 1;
    }
    bc_buf items = BC_BUF_INIT;
    size_t n = 0;
    long long total = 0;
    if (bc_review_log(s, &q, &items, &n, &total, &err) != BC_OK) {
        bc_buf_free(&items);
        fprintf(stderr, "bordercoop review log: %s\n", err.msg);
        return 1;
    }
    json_t *arr = json_loads(items.data, 0, NULL);
    bc_buf_free(&items);
    printf("%lld decision%s\n", total, total == 1 ? "" : "s");
    for (size_t i = 0; i < json_array_size(arr); i++) {
        json_t *e = json_array_get(arr, i);
        json_t *changes = json_object_get(e, "changes");
        char *ch = json_is_object(changes) ? json_dumps(changes, JSON_COMPACT) : NULL;
        out("#%lld %s %s %s %s %s (%s -> %s) %s%s%s%s%s\n",
            (long long)json_integer_value(json_object_get(e, "seq")),
            json_string_value(json_object_get(e, "at")),
            json_string_value(json_object_get(e, "reviewer")),
            json_string_value(json_object_get(e, "action")),
            json_string_value(json_object_get(e, "kind")),
            json_string_value(json_object_get(e, "fact_id")),
            json_string_value(json_object_get(e, "from")),
            json_string_value(json_object_get(e, "to")),
            json_string_value(json_object_get(e, "status")), ch ? " " : "", ch ? ch : "",
            json_is_string(json_object_get(e, "orphan_reason")) ? ": " : "",
            json_is_string(json_object_get(e, "orphan_reason"))
                ? json_string_value(json_object_get(e, "orphan_reason"))
                : "");
        free(ch);
    }
    json_decref(arr);
    return 0;
}

/* FIELD=VALUE arguments (and --fields) into one object; NULL after a message. */
static json_t *edit_fields(const opts *o)
{
    json_t *fields = NULL;
    if (o->fields != NULL) {
        json_error_t je;
        fields = json_loads(o->fields, JSON_REJECT_DUPLICATES, &je);
        if (!json_is_object(fields)) {
            fprintf(stderr, "bordercoop review edit: --fields must be a JSON object: %s\n",
                    fields ? "not an object" : je.text);
            json_decref(fields);
            return NULL;
        }
    } else {
        fields = json_object();
    }
    for (int i = 2; i < o->npos; i++) {
        const char *eq = strchr(o->pos[i], '=');
        if (eq == NULL || eq == o->pos[i]) {
            fprintf(stderr, "bordercoop review edit: '%s' is not FIELD=VALUE\n", o->pos[i]);
            json_decref(fields);
            return NULL;
        }
        char name[80];
        snprintf(name, sizeof name, "%.*s", (int)(eq - o->pos[i]), o->pos[i]);
        json_t *v = json_loads(eq + 1, JSON_DECODE_ANY, NULL);
        json_object_set_new(fields, name, v ? v : json_string(eq + 1));
    }
    return fields;
}

static int review_decide(bc_store *s, const opts *o, bc_review_action action, const char *cmd)
{
    bc_err err;
    if (o->npos < 2 || (action != BC_REVIEW_EDIT && o->npos != 2)) {
        fprintf(stderr,
                "bordercoop review %s: give the kind and the id (and for edit the fields)\n", cmd);
        return 2;
    }
    bc_review_kind kind;
    if (bc_review_kind_parse(o->pos[0], &kind, &err) != BC_OK) {
        fprintf(stderr, "bordercoop review %s: %s\n", cmd, err.msg);
        return 2;
    }
    json_t *fields = NULL;
    if (action == BC_REVIEW_EDIT) {
        fields = edit_fields(o);
        if (fields == NULL)
            return 2;
    }
    char by[96];
    if (bc_cli_actor(s, BC_ROLE_REVIEW, by) != 0) {
        json_decref(fields);
        return 1;
    }
    bc_review_request rq = {kind, o->pos[1], action, fields, o->note, by, "cli"};
    bc_review_result r;
    int rc = bc_review_decide(s, &rq, &r, &err);
    json_decref(fields);
    if (rc != BC_OK) {
        fprintf(stderr, "bordercoop review %s: %s\n", cmd, err.msg);
        return 1;
    }
    bc_buf entry = BC_BUF_INIT;
    if (o->json && bc_review_log_entry(s, r.seq, &entry, &err) == BC_OK)
        printf("%s\n", entry.data);
    else
        out("%s %s: %s -> %s (log entry %lld, by %s)\n", bc_review_kind_name(kind), o->pos[1],
            r.from, r.to, r.seq, by);
    bc_buf_free(&entry);
    return 0;
}

int bc_cli_review(int argc, char **argv)
{
    opts o;
    const char *cmd = argc > 2 ? argv[2] : NULL;
    if (cmd == NULL || strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        fputs(REVIEW_USAGE, cmd ? stdout : stderr);
        return cmd ? 0 : 2;
    }
    int rc = parse(argc, argv, REVIEW_USAGE, &o);
    if (rc != 0)
        return rc == 3 ? 0 : rc;
    bc_review_action action = BC_REVIEW_APPROVE;
    int read_only = strcmp(cmd, "list") == 0 || strcmp(cmd, "log") == 0;
    if (!read_only && bc_review_action_parse(cmd, &action, NULL) != BC_OK) {
        fprintf(stderr, "bordercoop review: unknown command '%s'\n%s", cmd, REVIEW_USAGE);
        return 2;
    }
    if (read_only && o.npos != 0) {
        fprintf(stderr, "bordercoop review %s: unexpected argument '%s'\n", cmd, o.pos[0]);
        return 2;
    }
    bc_store *s = NULL;
    if (open_store(&o, read_only ? BC_STORE_READONLY : BC_STORE_WRITER, &s) != 0)
        return 1;
    /* reading the queue and the log needs role review over HTTP: so it does here when
     * the shell acts as a key's owner */
    char who[96];
    if (read_only && bc_cli_actor(s, BC_ROLE_REVIEW, who) != 0) {
        bc_store_close(s);
        return 1;
    }
    if (strcmp(cmd, "list") == 0)
        rc = review_list(s, &o, who);
    else if (strcmp(cmd, "log") == 0)
        rc = review_log(s, &o);
    else
        rc = review_decide(s, &o, action, cmd);
    bc_store_close(s);
    return rc;
}
