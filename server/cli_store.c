/* cli_store.c: the `bordercoop` commands that build, check, grow and dump a store:
 * migrate, load, check, ingest, export and synth (cli_int.h). */
#include "cli_int.h"

#include "bordercoop/changes.h"
#include "bordercoop/alloc.h"
#include "bordercoop/check.h"
#include "bordercoop/export.h"
#include "bordercoop/extract.h"
#include "bordercoop/ingest.h"
#include "bordercoop/redate.h"
#include "bordercoop/loader.h"
#include "bordercoop/synth.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The directory that will hold the store must exist: a mistyped --db is an error, not
 * a new directory tree. Only the built-in default (var/bordercoop.db) gets its var/. */
static int ensure_parent_dir(const cli_opts *o, const char *cmd)
{
    char dir[1024];
    snprintf(dir, sizeof dir, "%s", o->db);
    char *slash = strrchr(dir, '/');
    if (slash == NULL)
        return 0;
    if (slash == dir)
        slash[1] = '\0'; /* the root */
    else
        *slash = '\0';
    struct stat sb;
    if (stat(dir, &sb) == 0) {
        if (S_ISDIR(sb.st_mode))
            return 0;
        fprintf(stderr, "bordercoop %s: %s is not a directory\n", cmd, dir);
        return -1;
    }
    if (errno == ENOENT && o->db == o->default_db && mkdir(dir, 0755) == 0)
        return 0;
    fprintf(stderr,
            "bordercoop %s: cannot write %s: directory %s: %s (create it first, or "
            "give another --db)\n",
            cmd, o->db, dir, strerror(errno));
    return -1;
}

int bc_cli_migrate(const cli_opts *o)
{
    bc_err err;
    bc_store *s = NULL;
    int applied = 0, from = 0, announced = 0;
    if (ensure_parent_dir(o, "migrate") != 0)
        return 1;
    int rc = bc_store_open(o->db, BC_STORE_CREATE, &s, &err);
    if (rc == 0)
        rc = bc_store_version(s, &from, &err);
    if (rc == 0)
        rc = bc_store_migrate(s, &applied, &err);
    /* documents a migration changed are announced now, not when each is next touched */
    if (rc == 0 && applied > 0)
        rc = bc_changes_record_migration(s, from, bc_store_latest_version(), &announced, &err);
    bc_store_close(s);
    if (rc != 0) {
        fprintf(stderr, "bordercoop migrate: %s\n", err.msg);
        return 1;
    }
    printf("%s: schema version %d (%d migration%s applied; %d changed document%s in the change "
           "feed)\n",
           o->db, bc_store_latest_version(), applied, applied == 1 ? "" : "s", announced,
           announced == 1 ? "" : "s");
    return 0;
}

static void print_stats(const char *what, const bc_load_stats *st)
{
    printf("%s: %d sources, %d meetings (%d participants, %d decisions), %d figures "
           "(%d conflicts), %d border gate projects (%d events), %d protocols (%d areas), "
           "%d events, %d people, %d provinces, %d mechanisms; %d citations verified, "
           "%d aliases; content %.16s\n",
           what, st->sources, st->meetings, st->participants, st->decisions, st->figures,
           st->conflicts, st->projects, st->events, st->protocols, st->areas, st->coop_events,
           st->people, st->provinces, st->mechanisms, st->citations, st->aliases,
           st->content_version);
}

int bc_cli_load(const cli_opts *o)
{
    bc_err err;
    bc_load_stats st;
    if (ensure_parent_dir(o, "load") != 0)
        return 1;
    if (bc_loader_build(o->data, o->db, &st, &err) != 0) {
        fprintf(stderr, "bordercoop load: %s\n", err.msg);
        fprintf(stderr, "bordercoop load: nothing written; %s is unchanged\n", o->db);
        return 1;
    }
    print_stats(o->db, &st);
    if (st.carried_articles > 0 || st.carried_keys > 0 || st.carried_decisions > 0)
        printf("%s: carried over from the previous store: %d ingested article%s "
               "(re-extracted), %d API key%s, %d review decision%s replayed (%d orphaned)\n",
               o->db, st.carried_articles, st.carried_articles == 1 ? "" : "s", st.carried_keys,
               st.carried_keys == 1 ? "" : "s", st.carried_decisions,
               st.carried_decisions == 1 ? "" : "s", st.orphaned_decisions);
    return 0;
}

int bc_cli_check(const cli_opts *o)
{
    bc_err err;
    bc_store *s = NULL;
    bc_load_stats st;
    int rc;
    if (o->db_given) {
        rc = bc_store_open(o->db, BC_STORE_READONLY, &s, &err);
    } else {
        /* build from the data directory into memory: this is where quotes and references
         * are checked first */
        rc = bc_cli_curated_store(o->data, &st, &s, &err);
        if (rc == 0)
            print_stats(o->data, &st);
    }
    bc_buf report = BC_BUF_INIT;
    int problems = 0;
    if (rc == 0)
        rc = bc_check_report(s, &report, &problems, &err);
    bc_store_close(s);
    if (rc != 0) {
        bc_buf_free(&report);
        fprintf(stderr, "bordercoop check: %s\n", err.msg);
        return 1;
    }
    fputs(report.data, stdout);
    bc_buf_free(&report);
    if (problems > 0) {
        fprintf(stderr, "bordercoop check: %d problem%s\n", problems, problems == 1 ? "" : "s");
        return 1;
    }
    printf("ok: no problems\n");
    return 0;
}

int bc_cli_ingest(const cli_opts *o)
{
    if (o->file == NULL) {
        fprintf(stderr, "bordercoop ingest: name the article file\n");
        bc_cli_command_usage("ingest", stderr);
        return 2;
    }
    size_t len = 0,
           max = o->max_article_bytes > 0 ? (size_t)o->max_article_bytes : BC_INGEST_MAX_TEXT;
    char *text = bc_cli_read_all(o->file, max, &len);
    if (text == NULL)
        return 1;
    bc_ingest_input in = {.text = text,
                          .len = len,
                          .lang = bc_extract_lang_base(o->lang) ? bc_extract_lang_base(o->lang)
                                                                : o->lang,
                          .max_bytes = max,
                          .max_facts = (size_t)o->max_article_facts,
                          .title = o->title,
                          .url = o->url,
                          .published_on = o->published_on,
                          .publisher = o->publisher,
                          .author = o->author};
    char field[32];
    bc_err err;
    bc_store *s = NULL;
    bc_ingest_result r;
    int rc = bc_ingest_validate(&in, field, &err);
    if (rc != 0) {
        fprintf(stderr, "bordercoop ingest: %s: %s\n", field, err.msg);
        bc_free(text);
        return 1;
    }
    bc_ingest_pause_ms = o->pause_ms;
    rc = bc_store_open(o->db, BC_STORE_WRITER, &s, &err);
    char by[96] = "";
    if (rc == 0 && bc_cli_actor(s, BC_ROLE_INGEST, by) != 0) {
        bc_store_close(s);
        bc_free(text);
        return 1;
    }
    in.actor = by;
    if (rc == 0)
        rc = bc_ingest(s, &in, &r, &err);
    bc_store_close(s);
    bc_free(text);
    if (rc != 0) {
        fprintf(stderr, "bordercoop ingest: %s\nbordercoop ingest: nothing written\n", err.msg);
        return 1;
    }
    if (!r.created)
        printf("%s: already stored (same text): nothing written%s%s%s\n", r.source_id,
               r.not_updated[0] ? "; kept as first stored: " : "", r.not_updated,
               r.not_updated[0] ? " (differ from what was given)" : "");
    else
        printf("%s: %s %s (%.2f); stored with %d figures, %d meetings (%d the same as a "
               "known one, %d participants), %d talks, %d new crossings, %d events of known "
               "crossings (%d citations); not stored: %d below confidence, %d without a "
               "measure, %d numbered meetings of no known body; %d dates without a year; "
               "content %.16s\n",
               r.source_id, r.lang_detected ? "language detected:" : "language:", r.lang,
               r.lang_confidence, r.figures, r.meetings, r.linked, r.participants, r.events,
               r.projects, r.project_events, r.citations, r.below_threshold, r.without_measure,
               r.without_mechanism, r.dates_without_year, r.content_version);
    for (int i = 0; r.created && i < r.nunread && i < BC_INGEST_MAX_UNREAD; i++)
        printf("  not stored, its scale unread: \"%s\" (bytes %zu-%zu)\n", r.unread[i].words,
               r.unread[i].start, r.unread[i].end);
    for (int i = 0; r.created && i < r.nother_currency && i < BC_INGEST_MAX_UNREAD; i++)
        printf("  not stored, another currency: \"%s\" (bytes %zu-%zu)\n",
               r.other_currency[i].words, r.other_currency[i].start, r.other_currency[i].end);
    return 0;
}

int bc_cli_redate(const cli_opts *o)
{
    if (o->file == NULL || o->published_on == NULL) {
        fprintf(stderr, "bordercoop redate: name the article and --published-on DATE (or none)\n");
        bc_cli_command_usage("redate", stderr);
        return 2;
    }
    const char *date = strcmp(o->published_on, "none") == 0 ? NULL : o->published_on;
    bc_err err;
    bc_store *s = NULL;
    int rc = bc_store_open(o->db, BC_STORE_WRITER, &s, &err);
    char by[96] = "";
    if (rc == 0 && bc_cli_actor(s, BC_ROLE_INGEST, by) != 0) {
        bc_store_close(s);
        return 1;
    }
    bc_redate_input in = {
        .source_id = o->file, .published_on = date, .note = o->note, .actor = by, .via = "cli"};
    bc_redate_result r;
    memset(&r, 0, sizeof r);
    if (rc == 0)
        rc = bc_redate(s, &in, &r, &err);
    bc_store_close(s);
    if (rc != 0) {
        fprintf(stderr, "bordercoop redate: %s%s%s\n", r.field[0] ? r.field : "",
                r.field[0] ? ": " : "", err.msg);
        json_t *f;
        size_t i;
        json_array_foreach(r.facts, i, f)
        {
            fprintf(stderr, "  %s %s: %s\n", json_string_value(json_object_get(f, "kind")),
                    json_string_value(json_object_get(f, "id")),
                    json_string_value(json_object_get(f, "reason")));
        }
        fprintf(stderr, "bordercoop redate: nothing written\n");
        bc_redate_result_free(&r);
        return 1;
    }
    if (!r.changed) {
        printf("%s: already dated %s: nothing written\n", o->file, r.to[0] ? r.to : "none");
        return 0;
    }
    int n[5] = {0};
    static const char *const OUTCOMES[5] = {"unchanged", "changed", "added", "removed", "kept"};
    json_t *f;
    size_t i;
    json_array_foreach(r.facts, i, f)
    {
        for (int k = 0; k < 5; k++)
            n[k] += strcmp(json_string_value(json_object_get(f, "outcome")), OUTCOMES[k]) == 0;
    }
    printf("%s: published_on %s -> %s; facts read again: %d unchanged, %d changed, %d added, "
           "%d removed, %d reviewed or rejected kept (%d decisions applied again); %d dates "
           "without a year; log entry %lld by %s; content %.16s\n",
           o->file, r.from[0] ? r.from : "none", r.to[0] ? r.to : "none", n[0], n[1], n[2], n[3],
           n[4], r.decisions, r.read.dates_without_year, r.seq, by, r.content_version);
    bc_redate_result_free(&r);
    return 0;
}

static int write_out(void *ctx, const char *data, size_t n)
{
    return fwrite(data, 1, n, (FILE *)ctx) == n ? 0 : -1;
}

int bc_cli_export(const cli_opts *o)
{
    bc_err err;
    bc_store *s = NULL;
    int rc = bc_store_open(o->db, BC_STORE_READONLY, &s, &err);
    char tmp[1100] = "";
    FILE *f = stdout;
    if (rc == 0 && o->out != NULL && !o->index) {
        snprintf(tmp, sizeof tmp, "%s.tmp-%ld", o->out, (long)getpid());
        f = fopen(tmp, "wb");
        if (f == NULL)
            rc = bc_err_set(&err, BC_EIO, "%s: %s", tmp, strerror(errno));
    }
    bc_export_summary sum;
    if (rc == 0)
        rc = bc_export_write(s, o->index ? NULL : write_out, f, &sum, &err);
    bc_store_close(s);
    if (f != NULL && f != stdout && fclose(f) != 0 && rc == 0)
        rc = bc_err_set(&err, BC_EIO, "%s: %s", tmp, strerror(errno));
    if (rc == 0 && tmp[0] != '\0' && rename(tmp, o->out) != 0)
        rc = bc_err_set(&err, BC_EIO, "cannot move %s into place: %s", o->out, strerror(errno));
    if (tmp[0] != '\0' && rc != 0)
        unlink(tmp);
    if (rc != 0) {
        fprintf(stderr, "bordercoop export: %s\n", err.msg);
        return 1;
    }
    if (o->index) {
        bc_buf b = BC_BUF_INIT;
        bc_export_index_json(&sum, &b);
        printf("%s\n", b.data ? b.data : "");
        bc_buf_free(&b);
    } else if (fflush(stdout) != 0) {
        fprintf(stderr, "bordercoop export: writing stdout: %s\n", strerror(errno));
        return 1;
    }
    if (o->out != NULL && !o->index)
        fprintf(stderr, "%s: %lld documents, %llu bytes, sha256 %s, content %s\n", o->out,
                sum.total, sum.bytes, sum.sha256, sum.content_version);
    return 0;
}

int bc_cli_synth(const cli_opts *o)
{
    if (o->out == NULL) {
        fprintf(stderr, "bordercoop synth: --out FILE is required\n");
        return 2;
    }
    bc_synth_options so = {o->data, o->out, o->figures, o->meetings, o->seed, o->feed};
    bc_err err;
    if (bc_synth(&so, &err) != 0) {
        fprintf(stderr, "bordercoop synth: %s\n", err.msg);
        return 1;
    }
    printf("%s: curated store plus %ld synthetic figures and %ld meetings\n", o->out, o->figures,
           o->meetings);
    return 0;
}
