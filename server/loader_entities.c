/* loader_entities.c: the loader's sections for what other facts refer to: the source
 * articles (sources.json), metrics, provinces, people and mechanisms. */
#include "loader_int.h"

#include "bordercoop/alloc.h"
#include "bordercoop/text.h"

#include <stdio.h>
#include <string.h>

/* ---- sections ---------------------------------------------------------------------- */

int ld_load_sources(loader *L)
{
    json_t *root, *arr;
    int rc = ld_load_json(L, "sources.json", "sources", &root, &arr);
    if (rc == BC_OK) {
        L->articles = bc_calloc(json_array_size(arr), sizeof *L->articles);
        if (L->articles == NULL)
            rc = bc_err_set(L->err, BC_ENOMEM, "out of memory");
    }
    char p[128];
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        static const char *const keys[] = {"id",     "file",         "lang", "title", "publisher",
                                           "author", "published_on", "url",  "note",  NULL};
        json_t *o = json_array_get(arr, i);
        const char *id, *file, *lang, *title, *publisher, *author, *url, *note;
        bc_date pub;
        int has_pub;
        snprintf(p, sizeof p, "sources[%zu]", i);
        rc = ld_keys_ok(L, o, p, keys);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "id", REQ | ID, &id);
        if (rc == BC_OK)
            rc = ld_check_new_id(L, LD_REF_SOURCE, id, p);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "file", REQ, &file);
        if (rc == BC_OK && (strncmp(file, "articles/", 9) != 0 || strstr(file, "..") != NULL ||
                            strchr(file + 9, '/') != NULL))
            rc = ld_fail(L, p, "'file' must name a file directly under articles/, got '%s'", file);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "lang", REQ, &lang);
        if (rc == BC_OK)
            rc = ld_check_vocab(L, "lang", lang, p);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "title", OPT, &title);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "publisher", OPT, &publisher);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "author", OPT, &author);
        if (rc == BC_OK)
            rc = ld_date(L, o, p, "published_on", &pub, &has_pub);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "url", OPT, &url);
        if (rc == BC_OK && url != NULL && strncmp(url, "https://", 8) != 0 &&
            strncmp(url, "http://", 7) != 0)
            rc = ld_fail(L, p, "'url' must be an http(s) URL");
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "note", OPT, &note);
        if (rc != BC_OK)
            break;
        article *a = &L->articles[L->narticles];
        rc = ld_read_file(L, file, BC_LOADER_MAX_ARTICLE, &a->body, &a->len);
        if (rc != BC_OK) {
            bc_err inner = *L->err;
            rc = bc_err_set(L->err, inner.code, "%s: %s.file: %s", L->file, p, inner.msg);
            break;
        }
        a->id = bc_strdup(id);
        L->narticles++;
        if (a->id == NULL) {
            rc = bc_err_set(L->err, BC_ENOMEM, "out of memory");
            break;
        }
        if (a->len == 0)
            rc = ld_fail(L, p, "article %s is empty", file);
        else if (!bc_utf8_valid(a->body, a->len))
            rc = ld_fail(L, p, "article %s is not valid UTF-8", file);
        if (rc != BC_OK)
            break;
        char sha[65];
        bc_sha256_hex(a->body, a->len, sha);
        for (size_t k = 0; k + 1 < L->narticles; k++)
            if (L->articles[k].len == a->len && memcmp(L->articles[k].body, a->body, a->len) == 0)
                rc = ld_fail(L, p, "article %s has the same text as source '%s'", file,
                             L->articles[k].id);
        /* how a republished copy of it is found (ingest answers 409) */
        char key[65] = "";
        if (rc == BC_OK && bc_text_body_key(a->body, a->len, key) == BC_ENOMEM)
            rc = bc_err_set(L->err, BC_ENOMEM, "out of memory");
        if (rc == BC_OK)
            rc = ld_run(L, p,
                        "INSERT INTO sources (id, file, lang, title, publisher, author, "
                        "published_on, url, sha256, bytes, body, note, body_key) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
                        BC_BINDS(bc_text(id), bc_text(file), bc_text(lang), bc_text(title),
                                 bc_text(publisher), bc_text(author),
                                 bc_text(has_pub ? pub.text : NULL), bc_text(url), bc_text(sha),
                                 bc_int((int)a->len), bc_text(a->body), bc_text(note),
                                 bc_text(key[0] ? key : NULL)));
        if (rc == BC_OK)
            rc = ld_alias_add(L, "source", id, id, NULL, p);
        if (rc == BC_OK && title != NULL) /* a source is found by its title too */
            rc = ld_alias_add(L, "source", id, title, NULL, p);
        if (rc == BC_OK && L->st)
            L->st->sources++;
    }
    json_decref(root);
    return rc;
}

int ld_load_metrics(loader *L)
{
    json_t *root, *arr;
    int rc = ld_load_json(L, "facts/metrics.json", "metrics", &root, &arr);
    char p[128];
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        static const char *const keys[] = {"id", "category", "unit", "description", NULL};
        json_t *o = json_array_get(arr, i);
        const char *id, *category, *unit, *description;
        snprintf(p, sizeof p, "metrics[%zu]", i);
        rc = ld_keys_ok(L, o, p, keys);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "id", REQ, &id);
        if (rc == BC_OK) {
            for (const char *c = id; *c && rc == BC_OK; c++)
                if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_'))
                    rc = ld_fail(L, p, "metric id '%s' must be lower-case letters, digits and '_'",
                                 id);
        }
        if (rc == BC_OK)
            rc = ld_check_new_id(L, LD_REF_METRIC, id, p);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "category", REQ, &category);
        if (rc == BC_OK)
            rc = ld_check_vocab(L, "category", category, p);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "unit", REQ, &unit);
        if (rc == BC_OK)
            rc = ld_check_vocab(L, "unit", unit, p);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "description", REQ, &description);
        if (rc == BC_OK)
            rc = ld_run(
                L, p,
                "INSERT INTO metrics (id, category, unit, description) "
                "VALUES (?1, ?2, ?3, ?4)",
                BC_BINDS(bc_text(id), bc_text(category), bc_text(unit), bc_text(description)));
        if (rc == BC_OK && L->st)
            L->st->metrics++;
    }
    json_decref(root);
    return rc;
}

int ld_load_provinces(loader *L)
{
    json_t *root, *arr;
    int rc = ld_load_json(L, "facts/provinces.json", "provinces", &root, &arr);
    char p[128];
    /* first pass inserts, second pass resolves merged_into (it may point forward) */
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        static const char *const keys[] = {
            "id",      "name", "name_vi",  "name_zh",    "country", "level", "merged_into",
            "aliases", "note", "inferred", "background", "sources", NULL};
        json_t *o = json_array_get(arr, i);
        const char *id, *name, *vi, *zh, *country, *level, *note;
        snprintf(p, sizeof p, "provinces[%zu]", i);
        rc = ld_keys_ok(L, o, p, keys);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "id", REQ | ID, &id);
        if (rc == BC_OK)
            rc = ld_check_new_id(L, LD_REF_PROVINCE, id, p);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "name", REQ, &name);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "name_vi", OPT, &vi);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "name_zh", OPT, &zh);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "country", REQ, &country);
        if (rc == BC_OK)
            rc = ld_check_vocab(L, "country", country, p);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "level", REQ, &level);
        if (rc == BC_OK)
            rc = ld_check_vocab(L, "province_level", level, p);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "note", OPT, &note);
        if (rc == BC_OK)
            rc = ld_inferred(L, o, p, BC_FACT_PROVINCE, note);
        if (rc == BC_OK)
            rc = ld_background(L, o, p, BC_FACT_PROVINCE);
        if (rc == BC_OK)
            rc = ld_run(L, p,
                        "INSERT INTO provinces (id, name, name_vi, name_zh, country, level, note, "
                        "inferred, background) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                        BC_BINDS(bc_text(id), bc_text(name), bc_text(vi), bc_text(zh),
                                 bc_text(country), bc_text(level), bc_text(note),
                                 bc_text(L->inferred.data), bc_text(L->background.data)));
        if (rc == BC_OK)
            rc = ld_aliases_from(L, o, p, "province", id, name);
        if (rc == BC_OK && vi != NULL)
            rc = ld_alias_add(L, "province", id, vi, "vi", p);
        if (rc == BC_OK && zh != NULL)
            rc = ld_alias_add(L, "province", id, zh, "zh", p);
        if (rc == BC_OK)
            rc = ld_cite_all(L, o, p, CITE_PROVINCE, id, 0);
        if (rc == BC_OK && L->st)
            L->st->provinces++;
    }
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        json_t *o = json_array_get(arr, i);
        const char *id, *into;
        snprintf(p, sizeof p, "provinces[%zu]", i);
        ld_str(L, o, p, "id", REQ, &id);
        rc = ld_str(L, o, p, "merged_into", ID, &into);
        if (rc == BC_OK && into != NULL) {
            if (strcmp(into, id) == 0)
                rc = ld_fail(L, p, "'merged_into' names the province itself");
            if (rc == BC_OK)
                rc = ld_check_ref(L, LD_REF_PROVINCE, into, p);
            if (rc == BC_OK)
                rc = ld_run(L, p, "UPDATE provinces SET merged_into = ?2 WHERE id = ?1",
                            BC_BINDS(bc_text(id), bc_text(into)));
        }
    }
    json_decref(root);
    return rc;
}

int ld_load_people(loader *L)
{
    json_t *root, *arr;
    int rc = ld_load_json(L, "facts/people.json", "people", &root, &arr);
    char p[128], q[160];
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        static const char *const keys[] = {"id",         "name",    "country", "province",
                                           "aliases",    "roles",   "note",    "inferred",
                                           "background", "sources", NULL};
        json_t *o = json_array_get(arr, i), *roles;
        const char *id, *name, *country, *province, *note;
        snprintf(p, sizeof p, "people[%zu]", i);
        rc = ld_keys_ok(L, o, p, keys);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "id", REQ | ID, &id);
        if (rc == BC_OK)
            rc = ld_check_new_id(L, LD_REF_PERSON, id, p);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "name", REQ, &name);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "country", REQ, &country);
        if (rc == BC_OK)
            rc = ld_check_vocab(L, "country", country, p);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "province", ID, &province);
        if (rc == BC_OK)
            rc = ld_check_ref(L, LD_REF_PROVINCE, province, p);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "note", OPT, &note);
        if (rc == BC_OK)
            rc = ld_arr(L, o, p, "roles", REQ, &roles);
        if (rc == BC_OK)
            rc = ld_inferred(L, o, p, BC_FACT_PERSON, note);
        if (rc == BC_OK)
            rc = ld_background(L, o, p, BC_FACT_PERSON);
        if (rc == BC_OK)
            rc = ld_run(L, p,
                        "INSERT INTO people (id, name, country, province_id, note, inferred, "
                        "background) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                        BC_BINDS(bc_text(id), bc_text(name), bc_text(country), bc_text(province),
                                 bc_text(note), bc_text(L->inferred.data),
                                 bc_text(L->background.data)));
        for (size_t k = 0; rc == BC_OK && k < json_array_size(roles); k++) {
            static const char *const rkeys[] = {"role", "organisation", "province", NULL};
            json_t *r = json_array_get(roles, k);
            const char *role, *org, *rprov;
            snprintf(q, sizeof q, "%s.roles[%zu]", p, k);
            rc = ld_keys_ok(L, r, q, rkeys);
            if (rc == BC_OK)
                rc = ld_str(L, r, q, "role", REQ, &role);
            if (rc == BC_OK)
                rc = ld_str(L, r, q, "organisation", OPT, &org);
            if (rc == BC_OK)
                rc = ld_str(L, r, q, "province", ID, &rprov);
            if (rc == BC_OK)
                rc = ld_check_ref(L, LD_REF_PROVINCE, rprov, q);
            if (rc == BC_OK)
                rc = ld_run(L, q,
                            "INSERT INTO person_roles (person_id, seq, role, organisation, "
                            "province_id) VALUES (?1, ?2, ?3, ?4, ?5)",
                            BC_BINDS(bc_text(id), bc_int((int)k + 1), bc_text(role), bc_text(org),
                                     bc_text(rprov)));
        }
        if (rc == BC_OK)
            rc = ld_aliases_from(L, o, p, "person", id, name);
        if (rc == BC_OK)
            rc = ld_cite_all(L, o, p, CITE_PERSON, id, 0);
        if (rc == BC_OK && L->st)
            L->st->people++;
    }
    json_decref(root);
    return rc;
}

int ld_load_mechanisms(loader *L)
{
    json_t *root, *arr;
    int rc = ld_load_json(L, "facts/mechanisms.json", "mechanisms", &root, &arr);
    char p[128];
    for (size_t i = 0; rc == BC_OK && i < json_array_size(arr); i++) {
        static const char *const keys[] = {"id",         "name",    "kind", "description",
                                           "members",    "aliases", "note", "inferred",
                                           "background", "sources", NULL};
        json_t *o = json_array_get(arr, i);
        const char *id, *name, *kind, *description, *note;
        snprintf(p, sizeof p, "mechanisms[%zu]", i);
        rc = ld_keys_ok(L, o, p, keys);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "id", REQ | ID, &id);
        if (rc == BC_OK)
            rc = ld_check_new_id(L, LD_REF_MECHANISM, id, p);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "name", REQ, &name);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "kind", REQ, &kind);
        if (rc == BC_OK)
            rc = ld_check_vocab(L, "mechanism_kind", kind, p);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "description", OPT, &description);
        if (rc == BC_OK)
            rc = ld_str(L, o, p, "note", OPT, &note);
        if (rc == BC_OK)
            rc = ld_inferred(L, o, p, BC_FACT_MECHANISM, note);
        if (rc == BC_OK)
            rc = ld_background(L, o, p, BC_FACT_MECHANISM);
        if (rc == BC_OK)
            rc = ld_run(L, p,
                        "INSERT INTO mechanisms (id, name, kind, description, note, inferred, "
                        "background) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                        BC_BINDS(bc_text(id), bc_text(name), bc_text(kind), bc_text(description),
                                 bc_text(note), bc_text(L->inferred.data),
                                 bc_text(L->background.data)));
        if (rc == BC_OK)
            rc = ld_province_list(L, o, p, "members", REQ,
                                  "INSERT INTO mechanism_members (mechanism_id, province_id) "
                                  "SELECT ?1, ?2 WHERE ?3 > 0",
                                  id);
        if (rc == BC_OK)
            rc = ld_aliases_from(L, o, p, "mechanism", id, name);
        if (rc == BC_OK)
            rc = ld_cite_all(L, o, p, CITE_MECHANISM, id, 0);
        if (rc == BC_OK && L->st)
            L->st->mechanisms++;
    }
    json_decref(root);
    return rc;
}
