# web/web.mk: builds the dashboard (web/) into build/web, which the daemon embeds at
# build time (see the bc_web rule in the Makefile). Included from the main Makefile.
#
#   WEB_OUT     build/web: index.html and assets/* (content-hashed names, e.g. index-1a2b3c4d.js)
#   WEB_STAMP   $(WEB_OUT)/.stamp, touched after a successful build
#   make web-deps  npm ci in web/ when node_modules is missing or older than the lockfile
#                  (`make deps` runs it; the build never installs anything)
#   make web       `npm run build` (Vite, outDir ../build/web)
#   WEB            on: the daemon embeds the dashboard; off: it is built without it (and
#                  says so at /). Default: on when node, npm and an up-to-date
#                  web/node_modules are here, else off with the reason printed.
#
# Needs node (>= 18) and npm: `make deps` installs Debian's nodejs and npm (as root).
# Packages come from the npm registry only, pinned in web/package-lock.json; the page
# loads nothing at run time from anywhere but the daemon.

WEB_DIR   := web
WEB_OUT   := build/web
WEB_STAMP := $(WEB_OUT)/.stamp
WEB_SRC   := $(shell find $(WEB_DIR)/src -type f 2>/dev/null)
WEB_CONF  := $(wildcard $(WEB_DIR)/vite.config.*)
# npm ci writes node_modules/.package-lock.json; its mtime says when the tree was made
WEB_NODE_STAMP := $(WEB_DIR)/node_modules/.package-lock.json

.PHONY: web web-deps

ifndef WEB
  ifeq ($(shell command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 && echo y),y)
    ifeq ($(shell test -f $(WEB_NODE_STAMP) && test ! $(WEB_NODE_STAMP) -ot $(WEB_DIR)/package-lock.json && echo y),y)
      WEB := on
    else
      WEB := off
      WEB_WHY := web/node_modules is missing or older than its lockfile; make deps installs it
    endif
  else
    WEB := off
    WEB_WHY := node and npm are not installed; make deps installs them
  endif
endif
ifeq ($(filter on off,$(WEB)),)
  $(error WEB must be on or off, not '$(WEB)')
endif
WEB_WHY ?= WEB=off

web: $(WEB_STAMP)

web-deps: $(WEB_NODE_STAMP)

# need_node (the main Makefile) runs first in every recipe that needs node, so that an
# up-to-date build/web builds without node (the check runs only when something must be
# rebuilt)
$(WEB_NODE_STAMP): $(WEB_DIR)/package-lock.json $(WEB_DIR)/package.json
	$(call need_node,web)
	$(call npm_ci,$(WEB_DIR))

# web/node_modules comes from `make deps` (web-deps): the build checks it, never installs it
$(WEB_STAMP): $(WEB_DIR)/package-lock.json $(WEB_DIR)/package.json $(WEB_CONF) $(WEB_SRC) \
              $(WEB_DIR)/web.mk
	$(call need_node,web)
	$(call npm_tree,web,$(WEB_DIR))
	@echo "web: vite build -> $(WEB_OUT)"
	cd $(WEB_DIR) && npm run build --silent
	@test -f $(WEB_OUT)/index.html && ls $(WEB_OUT)/assets/*.js >/dev/null 2>&1 || \
	  { echo "web: the build left no $(WEB_OUT)/index.html or assets" >&2; exit 1; }
	@touch $@
