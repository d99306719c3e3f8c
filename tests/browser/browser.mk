# tests/browser/browser.mk: the dashboard in a real browser. Included from the main
# Makefile (or `make -f Makefile -f tests/browser/browser.mk test-browser`), which
# defines BIN, the binaries' rules, WEB_STAMP (web/web.mk) and apt_install.
#
#   make browser-deps   Debian's chromium (/usr/bin/chromium) and fonts-wqy-microhei (apt-get
#                       installed when missing and running as root) and, in tests/browser, npm ci of the
#                       pinned playwright-core when node_modules is missing or older than
#                       package-lock.json (`make deps` runs it; test-browser only checks).
#                       No browser is ever downloaded by Playwright.
#   make test-browser   builds the page and the binaries, then dashboard.test.mjs: a fresh
#                       store, bordercoopd on a free loopback port, chromium headless
#                       against it; writes screenshot-375.png, screenshot-1440.png,
#                       screenshot-1440-top.png and screenshot-1440-machine-read.png into
#                       $(BROWSER_SHOTS) (build/<variant>/screenshots; `make screenshots`: docs/)

BROWSER_DIR        := tests/browser
BROWSER_NODE_STAMP := $(BROWSER_DIR)/node_modules/.package-lock.json
CHROMIUM           ?= /usr/bin/chromium
# make test keeps its screenshots in the build tree; `make screenshots` refreshes docs/
BROWSER_SHOTS      ?= $(OUT)/screenshots

.PHONY: browser-deps browser-chromium browser-node browser-check test-browser screenshots

browser-deps: browser-chromium $(BROWSER_NODE_STAMP)

# Debian's chromium, plus a small CJK font (fonts-wqy-microhei) so that names such as
# 云南省 render in the screenshots instead of empty boxes. As root, missing packages are
# apt-get installed (like the Makefile's apt_install); otherwise a missing chromium is
# an error with the command to run, a missing font only a note.
browser-chromium:
	@missing=""; \
	if [ ! -x "$(CHROMIUM)" ]; then \
	  if [ "$(CHROMIUM)" != /usr/bin/chromium ]; then \
	    echo "browser-deps: CHROMIUM=$(CHROMIUM) is not an executable" >&2; exit 1; fi; \
	  missing=" chromium"; \
	fi; \
	dpkg-query -W -f='$${Status}' fonts-wqy-microhei 2>/dev/null | grep -q "install ok installed" || \
	  missing="$$missing fonts-wqy-microhei"; \
	if [ -z "$$missing" ]; then exit 0; fi; \
	if [ "$$(id -u)" != 0 ]; then \
	  case "$$missing" in *chromium*) \
	    echo "browser-deps: /usr/bin/chromium is missing: run 'apt-get install chromium' as root" \
	         "(or this target as root), or set CHROMIUM=/path/to/chromium" >&2; exit 1;; esac; \
	  echo "browser-deps: note: fonts-wqy-microhei is missing; Chinese names will show as boxes" \
	       "in the screenshots (apt-get install fonts-wqy-microhei)"; exit 0; \
	fi; \
	echo "browser-deps: installing$$missing"; \
	export DEBIAN_FRONTEND=noninteractive; \
	apt-get install -y --no-install-recommends $$missing || \
	  { apt-get update && apt-get install -y --no-install-recommends $$missing; }
	@"$(CHROMIUM)" --version >/dev/null 2>&1 || \
	  { echo "browser-deps: $(CHROMIUM) --version failed" >&2; exit 1; }

browser-node:
	$(call need_node,browser-deps)

# playwright-core has no install script and downloads nothing: chromium is Debian's.
$(BROWSER_NODE_STAMP): export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = 1
$(BROWSER_NODE_STAMP): $(BROWSER_DIR)/package-lock.json $(BROWSER_DIR)/package.json | browser-node
	$(call npm_ci,$(BROWSER_DIR),--ignore-scripts)

# the test uses what `make deps` installed and never installs it itself
browser-check: browser-node
	@test -x "$(CHROMIUM)" || \
	  { echo "browser: $(CHROMIUM) is missing: run 'make deps' (or set CHROMIUM)" >&2; exit 1; }
	$(call npm_tree,browser,$(BROWSER_DIR))
	@test "$(WEB)" = on || \
	  { echo "browser: bordercoopd is built without the dashboard ($(WEB_WHY))" >&2; exit 1; }

test-browser: browser-check $(WEB_STAMP) $(BIN)/bordercoopd $(BIN)/bordercoop
	BC_DAEMON=$(BIN)/bordercoopd BC_CLI=$(BIN)/bordercoop BC_DATA=data CHROMIUM=$(CHROMIUM) \
	  BC_SCREENSHOTS=$(BROWSER_SHOTS) node $(BROWSER_DIR)/dashboard.test.mjs

# the README's screenshots: the same browser test, writing docs/screenshot-*.png
screenshots:
	@$(MAKE) --no-print-directory test-browser BROWSER_SHOTS=docs
