# bordercoop: build, run and test. `make run` and `make test` are all a newcomer needs:
# both start with `make deps`, which installs what the build, the daemon and the tests
# need and is missing (Debian packages as root, npm ci from the committed lockfiles).
# Only the *-deps targets install; the build and the test recipes never do, they say
# which target to run. The C build needs no Node: without it bordercoopd is built
# without the dashboard and says so at /.

CC      ?= cc
PKGS    := libmicrohttpd jansson sqlite3 libutf8proc
# recursive (=) so pkg-config runs only once a target needs it, after `make deps`
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS))
CMOCKA_LIBS = $(shell pkg-config --libs cmocka)

# BUILD=asan gives the same tree built with AddressSanitizer + UBSan under build/asan.
BUILD   ?= release
ifeq ($(BUILD),asan)
  OUT      := build/asan
  OPTFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
else
  OUT      := build/release
  OPTFLAGS := -O2 -g
endif
BIN     := $(OUT)/bin

WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wno-missing-field-initializers
CFLAGS  ?=
override CFLAGS += -std=c11 -D_GNU_SOURCE $(WARN) $(OPTFLAGS) -Iinclude -I$(OUT)/gen $(PKG_CFLAGS)
LDFLAGS ?=
override LDFLAGS += $(OPTFLAGS)
LDLIBS  = $(PKG_LIBS) -lz -lpthread -lm

# modules shared by the daemon, the CLI and the tests, archived into one library
CORE    := alloc err buf csv text date sha256 arena fts store inferred loader loader_fields \
           loader_entities loader_meetings loader_figures check claims config query response extract \
           extract_tok extract_lex extract_date extract_date_year extract_date_frame extract_date_period extract_date_day extract_date_day_zh extract_date_calendar extract_date_named extract_date_anchor extract_date_part extract_date_doubt extract_date_conf extract_date_context extract_date_tense extract_date_relmonth extract_fig extract_fig_measure extract_fig_kind extract_fig_count extract_fig_ref extract_fig_parties extract_fig_country extract_fig_range extract_fig_words extract_fig_money extract_fig_head \
           extract_meet extract_meet_ordinal extract_meet_mech extract_meet_date extract_meet_skip extract_meet_told extract_meet_times extract_meet_elided extract_meet_placed extract_meet_verb extract_meet_dayname extract_meet_discussed extract_meet_held extract_meet_signed extract_meet_after extract_meet_followup extract_meet_edition extract_meet_opened extract_meet_clause extract_meet_coord extract_meet_seq extract_meet_person extract_meet_emit extract_meet_undated extract_meet_reconcile extract_meet_pronoun extract_gate \
           extract_gate_named extract_gate_known extract_gate_zh extract_detect extract_lang extract_lang_en extract_lang_vi extract_lang_zh \
           extract_lang_fr extract_lang_pl extract_lang_sv extract_lang_nl gazetteer gazetteer_places gold eval eval_curated \
           ingest ingest_cost ingest_facts ingest_quote ingest_meetings ingest_body ingest_series ingest_status ingest_api redate redate_ids redate_api resource resource_params resource_sql resource_render resource_set meetings figures projects protocols \
           provinces people sources mechanisms request router health apidoc stats dashboard search search_query \
           search_index search_snippet negotiate cache live metrics synth http
# reference places, the change feed and the bulk export
CORE    += places changes changes_touched export feed series
# a whole country as a figure's counterpart
CORE    += country
# cooperation events, a kind of fact of its own
CORE    += events loader_events
# API keys, authentication and the review step
CORE    += keys auth review review_decide review_replay review_edit review_titles review_event review_meeting review_api curation \
           rebuild
# a figure's overlaps and computed conflicts, a meeting's same_as and its conflicts, kept
# in step by ingest and review
CORE    += figure_links meeting_links
# the HTTP layer: its file family, head checks, validators, worker pool,
# slow-client reaper and the buffered access log
CORE    += http_admit http_refuse http_send http_lanes strict conditional workers reaper log accesslog
# a fresh store's schema: the migrated empty store, made at build time (schema.h)
CORE    += schema
CORE_OBJ := $(CORE:%=$(OUT)/obj/%.o) $(OUT)/obj/gen/migrations.o $(OUT)/obj/gen/openapi.o \
            $(OUT)/obj/gen/schema.o
LIB     := $(OUT)/libbordercoop.a
# the dashboard bundle is linked into the daemon only, never into $(LIB)
DAEMON_OBJ := $(OUT)/obj/main.o $(OUT)/obj/gen/web.o
CLI_OBJ := $(OUT)/obj/cli.o $(OUT)/obj/cli_store.o $(OUT)/obj/cli_eval.o $(OUT)/obj/cli_review.o

MIGRATIONS := $(sort $(wildcard migrations/*.sql))

.PHONY: all build run deps bench-deps format-check test-no-node bench bench-ingest bench-scale test test-unit test-eval eval test-api test-asan test-valgrind check clean format help
.DEFAULT_GOAL := build

help:
	@echo "Running"
	@echo "  make / make build   build bin/bordercoopd and bin/bordercoop (the default; 'all' too)"
	@echo "  make run            install what is missing, build, load data/ into var/bordercoop.db"
	@echo "                      (DB=...), serve on 127.0.0.1:8080 (LISTEN=...)"
	@echo "  make check          bordercoop check --data data: quotes, references, inferences,"
	@echo "                      outside knowledge, statuses"
	@echo "  make eval           the extractor on the held-out gold corpus (EVAL_CORPUS=...)"
	@echo "  make clean          remove build/ and bin/"
	@echo "  make format         clang-format every C file;  make format-check: only check (CI)"
	@echo "  make help           this list"
	@echo "Tests"
	@echo "  make test           build, unit tests, the API tests against a real daemon with every"
	@echo "                      response validated against openapi.yaml (test-contract, which runs"
	@echo "                      the README's curl examples too), the browser tests (test-browser)"
	@echo "  make test-unit      the unit tests only;  make test-api: the API tests only"
	@echo "  make test-contract  redocly lint of openapi.yaml, then the API tests, recorded and"
	@echo "                      validated;  make contract-lint: the lint alone"
	@echo "  make test-geojson   the map API test, recorded, every GeoJSON response checked with"
	@echo "                      @mapbox/geojsonhint (RFC 7946)"
	@echo "  make test-browser   the dashboard in headless chromium (screenshots in build/)"
	@echo "  make screenshots    the same, writing the README's screenshots into docs/"
	@echo "  make test-asan      unit and API tests under AddressSanitizer + UBSan"
	@echo "  make test-valgrind  the API tests with the daemon under valgrind memcheck"
	@echo "  make test-no-node   make build in a copy of the tree with node and npm off PATH: the"
	@echo "                      daemon serves the API and says the dashboard was not built"
	@echo "  make test-eval      the extractor held to its bar on the gold corpus (eval --gate),"
	@echo "                     or to no regression from tests/eval/baseline while it is not met"
	@echo "  make test-scale     the scale-out demo, short;  make scale-demo: 3 replicas behind"
	@echo "                      nginx, one killed mid-run, every request must succeed"
	@echo "  make fuzz-build | fuzz-seeds | fuzz | fuzz-smoke | fuzz-run-NAME | fuzz-clean"
	@echo "                      libFuzzer targets (tests/fuzz/README.md)"
	@echo "  make container-test | container-clean | fresh-machine-test"
	@echo "                      the container image; make test and make run on bare Debian 12"
	@echo "Benchmarks"
	@echo "  make bench          wrk against bordercoopd and nginx serving the same bytes (ratios),"
	@echo "                      the 1M-figure store vs the curated one, callgrind instructions/request"
	@echo "  make bench-scale    the same queries on a 1,000,000-figure synthetic store (ratios)"
	@echo "  make bench-ingest   one ingest into the curated store and into a 220,000-document one"
	@echo "  make soak           a minute of issue 12's mixed attack beside normal clients: their"
	@echo "                      p99, failures and the daemon's RSS growth (SOAK_SECONDS=...)"
	@echo "Dependencies (apt-get as root, npm ci from the lockfiles; only these targets install)"
	@echo "  make deps           everything the build, the daemon and make test need: Debian"
	@echo "                      packages and the npm trees of web/ and tests/ (run and test call it)"
	@echo "  make bench-deps | fuzz-deps | browser-deps | contract-deps | geojson-deps | web-deps"
	@echo "                      those of the benchmarks, the fuzzers, the browser tests, the"
	@echo "                      contract tools, the dashboard build;  make web: build the dashboard"
	@echo "  WEB=on|off          build the daemon with or without the dashboard (default: on when"
	@echo "                      node, npm and an up-to-date web/node_modules are here)"
	@echo "  (helpers the targets above use: browser-chromium, browser-node, contract-node, geojson-node,"
	@echo "   fuzz-force; and the checks tests run instead of installing: browser-check,"
	@echo "   contract-check, geojson-check)"

build: $(BIN)/bordercoopd $(BIN)/bordercoop
	@mkdir -p bin
	@cp -f $(BIN)/bordercoopd $(BIN)/bordercoop bin/ 2>/dev/null || true

all: build

# ---- dependencies -------------------------------------------------------------------
# apt_install: install the Debian packages in $(1) that are missing; as root only.
define apt_install
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -z "$$missing" ]; then echo "deps: all present ($(strip $(1)))"; exit 0; fi; \
	if [ "$$(id -u)" != 0 ]; then echo "deps: missing:$$missing (run this as root, or apt-get install them)"; exit 1; fi; \
	echo "deps: installing$$missing"; \
	export DEBIAN_FRONTEND=noninteractive; \
	apt-get install -y --no-install-recommends $$missing || \
	  { apt-get update && apt-get install -y --no-install-recommends $$missing; }
endef

# need_node WHO: a recipe line that stops with a hint unless node (>= 18) and npm are here
define need_node
	@if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then \
	  echo "$(1): node and npm are needed; run 'make deps' (as root: it apt-get installs" \
	       "nodejs and npm)" >&2; \
	  exit 1; \
	fi; \
	if ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 18 ? 0 : 1)'; then \
	  echo "$(1): node $$(node --version) is too old; 18 or later is needed" >&2; \
	  exit 1; \
	fi
endef

# npm_ci DIR[, FLAGS]: the recipe of DIR/node_modules/.package-lock.json, the stamp npm ci
# writes (its mtime says when the tree was made): the pinned packages of DIR's lockfile
define npm_ci
	@echo "$(1): npm ci (node $$(node --version))"
	cd $(1) && npm ci --no-audit --no-fund $(2)
	@touch $@
endef

# npm_tree WHO, DIR: a recipe line that stops with a hint unless DIR/node_modules is there
# and no older than DIR's lockfile. Tests use what `make deps` installed and never install.
define npm_tree
	@test -f $(2)/node_modules/.package-lock.json && \
	  test ! $(2)/node_modules/.package-lock.json -ot $(2)/package-lock.json || \
	  { echo "$(1): $(2)/node_modules is missing or older than its lockfile: run 'make deps'" >&2; \
	    exit 1; }
endef

# the build and the daemon
DEB_PACKAGES := pkg-config libmicrohttpd-dev libjansson-dev libsqlite3-dev libutf8proc-dev \
                zlib1g-dev ca-certificates
# the tests: cmocka; curl and promtool (API tests); chromium and a CJK font (browser test);
# clang-format (make format-check)
TEST_PACKAGES := libcmocka-dev curl prometheus chromium fonts-wqy-microhei clang-format
# the dashboard's build and the contract, GeoJSON and browser checks run on Node; Debian's
# nodejs + npm unless a node with npm is there
NODE_PACKAGES = $(if $(shell command -v npm 2>/dev/null),,nodejs npm)
BENCH_PACKAGES := wrk nginx-light valgrind sqlite3

# the npm trees come after the packages (a sub-make, so that it finds the node just
# installed); each runs npm ci only when its node_modules is missing or outdated
deps:
	$(call apt_install,$(DEB_PACKAGES) $(TEST_PACKAGES) $(NODE_PACKAGES))
	@$(MAKE) --no-print-directory web-deps contract-deps geojson-deps browser-deps

bench-deps:
	$(call apt_install,$(BENCH_PACKAGES))

# ---- compile ------------------------------------------------------------------------
$(OUT)/obj/%.o: server/%.c
	@mkdir -p $(dir $@)
	@echo "  CC  $<"; $(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(OUT)/obj/gen/%.o: $(OUT)/gen/%.c
	@mkdir -p $(dir $@)
	@echo "  CC  $<"; $(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(OUT)/tools/embed: server/tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -O1 -Wall -Wextra -Werror $< -o $@

# the list of migration names is a prerequisite too: a renamed or removed migration keeps
# its old mtime, so the files' times alone would leave the embedded set stale
$(OUT)/gen/migrations.list: FORCE
	@mkdir -p $(dir $@)
	@echo '$(MIGRATIONS)' | cmp -s - $@ || echo '$(MIGRATIONS)' > $@

$(OUT)/gen/migrations.c: $(MIGRATIONS) $(OUT)/gen/migrations.list $(OUT)/tools/embed
	@mkdir -p $(dir $@)
	$(OUT)/tools/embed bc_migrations $@ $(MIGRATIONS)

# the migrations applied to an empty store in memory, the database image compiled in
# (server/tools/schema_image.c): built with the library's own migration code
SCHEMA_TOOL_OBJ := $(addprefix $(OUT)/obj/,store.o fts.o alloc.o err.o text.o sha256.o buf.o gen/migrations.o)
$(OUT)/tools/schema_image: server/tools/schema_image.c $(SCHEMA_TOOL_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(LDFLAGS) $< $(SCHEMA_TOOL_OBJ) -o $@ $(LDLIBS)

$(OUT)/gen/schema.c: $(OUT)/tools/schema_image
	@mkdir -p $(dir $@)
	$(OUT)/tools/schema_image $@

$(OUT)/gen/openapi.c: openapi.yaml $(OUT)/tools/embed
	@mkdir -p $(dir $@)
	$(OUT)/tools/embed bc_openapi $@ openapi.yaml

include web/web.mk

# the dashboard, built into build/web by web/web.mk, compiled into the daemon. With
# WEB=off the daemon embeds no files and tells browsers at / that the dashboard was not
# built. web-mode records the choice, so that switching it rebuilds web.c.
$(OUT)/gen/web-mode: FORCE
	@mkdir -p $(dir $@)
	@echo "$(WEB)" | cmp -s - $@ || echo "$(WEB)" >$@

# a prerequisite that is always out of date (no file of that name is ever made)
FORCE:

ifeq ($(WEB),on)
$(OUT)/gen/web.c: $(OUT)/gen/web-mode $(WEB_STAMP) $(OUT)/tools/embed
	@mkdir -p $(dir $@)
	$(OUT)/tools/embed bc_web $@ --root $(WEB_OUT) $$(cd . && find $(WEB_OUT) -type f ! -name .stamp | LC_ALL=C sort)
else
$(OUT)/gen/web.c: $(OUT)/gen/web-mode $(OUT)/tools/embed
	@mkdir -p $(dir $@)
	@echo "web: building bordercoopd without the dashboard ($(WEB_WHY))"
	$(OUT)/tools/embed bc_web $@
endif

$(LIB): $(CORE_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BIN)/bordercoopd: $(DAEMON_OBJ) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) $^ -o $@ $(LDLIBS)

$(BIN)/bordercoop: $(CLI_OBJ) $(LIB)
	@mkdir -p $(dir $@)
	$(CC) $(LDFLAGS) $^ -o $@ $(LDLIBS)

-include $(shell find $(OUT) -name '*.d' 2>/dev/null)

# ---- run ----------------------------------------------------------------------------
DB      ?= var/bordercoop.db
LISTEN  ?= 127.0.0.1:8080
run: deps
	@$(MAKE) --no-print-directory build
	@mkdir -p $(dir $(DB))
	$(BIN)/bordercoop load --data data --db $(DB)
	$(BIN)/bordercoopd --db $(DB) --listen $(LISTEN)

check: build
	$(BIN)/bordercoop check --data data

# ---- tests --------------------------------------------------------------------------
# Unit tests (cmocka) mirror the modules: tests/unit/test_<module>.c. API tests start the
# real daemon on a free loopback port and speak HTTP to it.
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(OUT)/tests/%)
API_SRC  := $(sort $(wildcard tests/api/test_*.c))
API_BINS := $(API_SRC:tests/api/%.c=$(OUT)/tests/api/%)
CMOCKA_CFLAGS = $(shell pkg-config --cflags cmocka)
SAN_ENV  := ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1:detect_stack_use_after_return=1 \
            UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 LSAN_OPTIONS=suppressions=

$(OUT)/tests/test_%: tests/unit/test_%.c $(LIB)
	@mkdir -p $(dir $@)
	@echo "  CC  $<"; $(CC) $(CFLAGS) $(CMOCKA_CFLAGS) -MMD -MP $< -o $@ $(LIB) $(LDLIBS) $(CMOCKA_LIBS)

$(OUT)/tests/api/%: tests/api/%.c tests/api/harness.c tests/api/harness.h $(LIB)
	@mkdir -p $(dir $@)
	@echo "  CC  $@"; $(CC) $(CFLAGS) $(CMOCKA_CFLAGS) -Itests/api $< \
	  tests/api/harness.c -o $@ $(LIB) $(LDLIBS) $(CMOCKA_LIBS)

# test-only fragments: optional so that a build context without tests/ (the container
# image) still reads this Makefile
-include tests/contract/contract.mk
-include tests/geojson/geojson.mk
-include tests/scale/scale.mk
-include tests/browser/browser.mk
-include tests/fuzz/fuzz.mk
-include tests/container/container.mk
-include tests/soak/soak.mk

# test-contract runs the API tests (recording every response) before validating them
test: deps
	@$(MAKE) --no-print-directory build test-unit test-eval test-contract test-geojson test-browser

# the extractor on the held-out gold corpus (tests/eval/README.md): `make eval` prints the
# table per field and language; `make test` holds it to the bar (eval --gate), or, while
# the bar is not met, to no regression from the counts in EVAL_BASELINE (a ratchet)
EVAL_CORPUS ?= tests/eval/test
EVAL_BASELINE ?= tests/eval/baseline
eval: build
	$(BIN)/bordercoop eval --corpus $(EVAL_CORPUS) --data data

test-eval: $(BIN)/bordercoop
	@if [ ! -d $(EVAL_CORPUS) ]; then echo "test-eval: no $(EVAL_CORPUS), skipped"; \
	elif [ -f $(EVAL_BASELINE) ]; then $(BIN)/bordercoop eval --corpus $(EVAL_CORPUS) \
	  --data data --gate --baseline $(EVAL_BASELINE); \
	else $(BIN)/bordercoop eval --corpus $(EVAL_CORPUS) --data data --gate; fi

test-unit: $(UNIT_BIN)
	@fail=0; for t in $(UNIT_BIN); do echo "== $$t"; $(SAN_ENV) $$t || fail=1; done; \
	if [ $$fail != 0 ]; then echo "unit tests: FAILED"; exit 1; fi; echo "unit tests: all passed"

# run_api_tests ENV, LABEL[, NOTE]: every API test binary with ENV (which names the daemon
# in BC_DAEMON); all of them run, then the verdict
define run_api_tests
	@fail=0; for t in $(API_BINS); do echo "== $$t$(3)"; \
	  $(1) BC_CLI=$(BIN)/bordercoop BC_DATA=data $$t || fail=1; \
	done; if [ $$fail != 0 ]; then echo "$(2): FAILED"; exit 1; fi
endef

test-api: $(API_BINS) $(BIN)/bordercoopd $(BIN)/bordercoop
	$(call run_api_tests,$(SAN_ENV) BC_DAEMON=$(BIN)/bordercoopd,api tests)
	@echo "api tests: all passed"

test-asan: deps
	@$(MAKE) --no-print-directory BUILD=asan test-unit test-api

# the API tests against bordercoopd under valgrind memcheck: zero errors, zero definite leaks
test-valgrind: deps bench-deps
	@$(MAKE) --no-print-directory build $(API_BINS)
	$(call run_api_tests,VALGRIND_DAEMON=$(BIN)/bordercoopd \
	  BC_DAEMON=tests/api/valgrind-daemon.sh,valgrind, (daemon under valgrind))
	@echo "valgrind: no memcheck errors, no definite leaks"

# ---- benchmarks (not tests: no timing assertions anywhere in make test) -------------
# requests/s and latency vs nginx (ratios from one run), the at-scale ratios, then
# instructions per request; each goal of docs/performance.md is printed with what was measured
bench: deps bench-deps
	@$(MAKE) --no-print-directory build
	tests/bench/bench.sh $(BIN)
	tests/bench/scale.sh $(BIN)
	tests/bench/callgrind.sh $(BIN)
	tests/bench/extract.sh $(BIN)

# what one ingest costs in the curated store and in a 220,000-document one with its feed
bench-ingest: deps bench-deps
	@$(MAKE) --no-print-directory build
	tests/bench/ingest.sh $(BIN)

# cost against a 1,000,000-figure synthetic store vs the curated one (ratios); minutes
bench-scale: deps bench-deps
	@$(MAKE) --no-print-directory build
	tests/bench/scale.sh $(BIN)

clean:
	rm -rf build bin

# every C file of the project (generated sources live under build/, not here)
C_FILES = $(sort $(wildcard server/*.c server/*.h server/tools/*.c include/bordercoop/*.h \
            tests/*/*.c tests/*/*.h))

format:
	clang-format -i $(C_FILES)

format-check:
	@command -v clang-format >/dev/null || \
	  { echo "format-check: clang-format is missing: run 'make deps'" >&2; exit 1; }
	@clang-format --dry-run -Werror $(C_FILES) && \
	  echo "format-check: $(words $(C_FILES)) C files as clang-format writes them"

# the C build without Node: a copy of the tree built with node and npm off PATH, whose
# daemon must serve the API and tell browsers the dashboard was not built (bounded)
test-no-node:
	timeout 600 tests/build/no-node.sh
