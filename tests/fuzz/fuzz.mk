# tests/fuzz/fuzz.mk: coverage-guided fuzzing with libFuzzer (Debian clang-14 and
# libclang-rt-14-dev). Included from the main Makefile (`include tests/fuzz/fuzz.mk`, e.g.
# next to contract.mk) after OUT, WARN, PKG_CFLAGS, PKG_LIBS and CORE_OBJ are defined;
# everything it builds goes under build/fuzz. See README.md here.
#
#   make fuzz-build        the targets build/fuzz/bin/fuzz_* (one per tests/fuzz/fuzz_*.c)
#   make fuzz-seeds        run each target as a plain binary over its seed corpus files
#   make fuzz              fuzz each target for FUZZ_SECONDS (default 60) on a working copy
#                          of its corpus; non-zero exit when any target crashes
#   make fuzz-smoke        fuzz-seeds, then fuzz with FUZZ_SECONDS=10 (for CI)
#   make fuzz-run-NAME     fuzz one target (NAME = query, router, loader, extract); with
#                          make -j2 two targets run side by side
#
# The working corpus build/fuzz/corpus/<target> starts as a copy of tests/fuzz/corpus/<target>
# and keeps what the fuzzer adds between runs (rm -rf it to start over); crashes are
# written as build/fuzz/artifacts/<target>-crash-<sha1>, logs as build/fuzz/logs/<target>.log.

ifndef CORE_OBJ
$(error tests/fuzz/fuzz.mk must be included after CORE_OBJ is defined in the main Makefile)
endif

FUZZ_CC      ?= clang-14
FUZZ_SECONDS ?= 60
FUZZ_OUT     := build/fuzz
FUZZ_NAMES   := $(patsubst tests/fuzz/fuzz_%.c,%,$(sort $(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_BINS    := $(FUZZ_NAMES:%=$(FUZZ_OUT)/bin/fuzz_%)
# the project's warnings hold for clang too; FUZZ_WNO takes -Wno-<x> should a clang-only
# warning appear in a project file (none needed with clang 14)
FUZZ_WNO     ?=
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_CFLAGS   = -std=c11 -D_GNU_SOURCE $(WARN) $(FUZZ_WNO) -g -O1 $(FUZZ_SAN) -Iinclude \
                -I$(FUZZ_OUT)/gen $(PKG_CFLAGS) -DFUZZ_DATA_DIR='"$(CURDIR)/data"'
# the library's object list is the main Makefile's (CORE plus the generated sources)
FUZZ_OBJ     := $(patsubst $(OUT)/obj/%,$(FUZZ_OUT)/obj/%,$(CORE_OBJ))
FUZZ_GEN_OBJ := $(filter $(FUZZ_OUT)/obj/gen/%,$(FUZZ_OBJ))
FUZZ_GEN_SRC := $(FUZZ_GEN_OBJ:$(FUZZ_OUT)/obj/gen/%.o=$(FUZZ_OUT)/gen/%.c)
FUZZ_LIB     := $(FUZZ_OUT)/libbordercoop-fuzz.a
# libFuzzer flags of every run; FUZZ_FLAGS adds more (e.g. FUZZ_FLAGS=-only_ascii=1)
FUZZ_RUN_FLAGS = -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
                 -print_final_stats=1 $(FUZZ_FLAGS)
# per-target flags: a facts file cut to a few hundred bytes is only a JSON syntax error, so
# the loader mutates at full length from the start; extract keeps libFuzzer's growing
# length limit (short sentences run fast, the whole articles stay in the corpus)
FUZZ_FLAGS_loader  ?= -len_control=0
FUZZ_FLAGS_extract ?=
# a small quarantine: with ASan's default 256 MB every run touches fresh pages, and page
# faults made the loader target 3 times slower (20 vs 60 runs/s)
FUZZ_ENV     := ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1:quarantine_size_mb=16 \
                UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

.PHONY: fuzz-deps fuzz-build fuzz fuzz-smoke fuzz-seeds fuzz-clean fuzz-force $(FUZZ_NAMES:%=fuzz-run-%)

fuzz-build: $(FUZZ_BINS)

# Debian's clang 14 and its runtime (libFuzzer, ASan, UBSan); apt_install is the main
# Makefile's (a no-op when present)
FUZZ_PACKAGES := clang-14 libclang-rt-14-dev
fuzz-deps:
	$(call apt_install,$(FUZZ_PACKAGES))

# the project's modules, instrumented for coverage but without libFuzzer's main
$(FUZZ_OUT)/obj/%.o: server/%.c
	@mkdir -p $(dir $@)
	@echo "  FUZZCC  $<"; $(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@

# Generated sources (embedded migrations, openapi.yaml) are brought up to date by the main
# Makefile's own rules (a new migration regenerates them), then copied when their content
# changed. The dashboard is not among them: fuzzing never builds it.
$(FUZZ_GEN_SRC): $(FUZZ_OUT)/gen/%.c: fuzz-force
	@$(MAKE) --no-print-directory $(OUT)/gen/$*.c
	@mkdir -p $(dir $@)
	@cmp -s $(OUT)/gen/$*.c $@ || cp $(OUT)/gen/$*.c $@

$(FUZZ_GEN_OBJ): $(FUZZ_OUT)/obj/gen/%.o: $(FUZZ_OUT)/gen/%.c
	@mkdir -p $(dir $@)
	@echo "  FUZZCC  $<"; $(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@

fuzz-force:

$(FUZZ_LIB): $(FUZZ_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(FUZZ_OUT)/bin/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_LIB)
	@mkdir -p $(dir $@) $(FUZZ_OUT)/obj/targets
	@echo "  FUZZLD  $@"; $(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer \
	  -MMD -MP -MF $(FUZZ_OUT)/obj/targets/fuzz_$*.d $< -o $@ $(FUZZ_LIB) $(LDLIBS)

-include $(shell find $(FUZZ_OUT)/obj -name '*.d' 2>/dev/null)

# fuzz_one: one shell command fuzzing target fuzz_$(1) for FUZZ_SECONDS on its working
# corpus; exit status 1 when it crashed. The summary reads libFuzzer's final stats
# (-print_final_stats) and its last "#N ... cov: ft: corp:" line.
fuzz_one = t=fuzz_$(1); c=$(FUZZ_OUT)/corpus/$$t; log=$(FUZZ_OUT)/logs/$$t.log; \
	mkdir -p $$c $(FUZZ_OUT)/artifacts $(FUZZ_OUT)/logs && \
	cp -f tests/fuzz/corpus/$$t/* $$c/ && \
	echo "== $$t: $(FUZZ_SECONDS)s on $$c (log $$log)"; \
	$(FUZZ_ENV) $(FUZZ_OUT)/bin/$$t $(FUZZ_RUN_FLAGS) $(FUZZ_FLAGS_$(1)) \
	  -artifact_prefix=$(FUZZ_OUT)/artifacts/$$t- $$c >$$log 2>&1; rc=$$?; \
	execs=$$(sed -n 's/^stat::number_of_executed_units: *//p' $$log | tail -1); \
	last=$$(grep -E '^\#[0-9]+' $$log | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[0-9]+[a-zA-Z]*'); \
	echo "   $$t: exit $$rc, $${execs:-?} executions, $$last"; \
	if [ $$rc != 0 ]; then echo "   $$t: CRASH; see $$log and $(FUZZ_OUT)/artifacts/$$t-*"; \
	  grep -m3 -E 'ERROR: |runtime error|fuzz_[a-z]+: ' $$log | sed 's/^/     /'; exit 1; fi

# fuzz_seeds: one shell command running every target as a plain binary over its seed
# files (each seed once, no fuzzing); exit status 1 when any failed.
fuzz_seeds = fail=""; for t in $(FUZZ_NAMES:%=fuzz_%); do \
	  echo "== $$t over tests/fuzz/corpus/$$t ($$(ls tests/fuzz/corpus/$$t | wc -l) seeds)"; \
	  $(FUZZ_ENV) $(FUZZ_OUT)/bin/$$t tests/fuzz/corpus/$$t/* >$(FUZZ_OUT)/seeds-$$t.log 2>&1 \
	    || { fail="$$fail $$t"; tail -30 $(FUZZ_OUT)/seeds-$$t.log; }; \
	done; \
	if [ -n "$$fail" ]; then echo "fuzz-seeds: failed:$$fail"; exit 1; fi; \
	echo "fuzz-seeds: all seeds pass"

# fuzz_all: every target in turn, all of them even after a crash; fails when any crashed
fuzz_all = fail=""; \
	$(foreach n,$(FUZZ_NAMES),( $(call fuzz_one,$(n)) ) || fail="$$fail fuzz_$(n)";) \
	if [ -n "$$fail" ]; then echo "fuzz: crashes in:$$fail"; exit 1; fi; echo "fuzz: no crashes"

$(FUZZ_NAMES:%=fuzz-run-%): fuzz-run-%: fuzz-deps $(FUZZ_OUT)/bin/fuzz_%
	@$(call fuzz_one,$*)

fuzz: fuzz-deps $(FUZZ_BINS)
	@$(fuzz_all)

fuzz-seeds: fuzz-deps $(FUZZ_BINS)
	@$(fuzz_seeds)

# CI: the seeds as plain runs first, then 10 s per target
fuzz-smoke: FUZZ_SECONDS = 10
fuzz-smoke: fuzz-deps $(FUZZ_BINS)
	@$(fuzz_seeds)
	@$(fuzz_all)

fuzz-clean:
	rm -rf $(FUZZ_OUT)
