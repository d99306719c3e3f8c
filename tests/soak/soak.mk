# tests/soak/soak.mk: make soak, issue 12's "done when" run for a while (not part of
# make test: it takes a minute and loads the machine). Included from the main Makefile,
# which defines BIN, OUT and the build rules.
#
#   make soak                   60 s of the mixed attack beside normal clients
#   make soak SOAK_SECONDS=300  longer

.PHONY: soak

$(OUT)/tests/soak: tests/soak/soak.c
	@mkdir -p $(dir $@)
	@echo "  CC  $<"; $(CC) -std=c11 -O2 -g -Wall -Wextra -Werror $< -o $@ -lpthread

soak: build $(OUT)/tests/soak
	tests/soak/soak.sh $(BIN) $(OUT)/tests/soak
