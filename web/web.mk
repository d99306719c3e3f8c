# web/web.mk: builds the dashboard (web/) into build/web, which the daemon embeds at
# build time (see the bc_web rule in the Makefile). Included from the main Makefile.
WEB_OUT   := build/web
WEB_STAMP := $(WEB_OUT)/.stamp
WEB_SRC   := $(shell find web/src -type f 2>/dev/null)

$(WEB_STAMP): $(WEB_SRC) web/web.mk
	@rm -rf $(WEB_OUT) && mkdir -p $(WEB_OUT)/assets
	cp web/src/index.html $(WEB_OUT)/index.html
	cp web/src/app.js $(WEB_OUT)/assets/app.js
	@touch $@

.PHONY: web
web: $(WEB_STAMP)
