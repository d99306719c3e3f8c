# tests/geojson/geojson.mk: the GeoJSON representation checked by a real RFC 7946 linter.
# Included from the main Makefile, which defines OUT, BIN, SAN_ENV, need_node and npm_ci.
#
#   make geojson-deps   npm ci in tests/geojson (@mapbox/geojsonhint, pinned in its
#                       package-lock.json) when node_modules is missing or older (`make
#                       deps` runs it; test-geojson only checks that it is there)
#   make test-geojson   runs the map API test (tests/api/test_maps.c) against the real
#                       daemon with every response recorded, then validates each recorded
#                       application/geo+json body with geojsonhint (tests/geojson/check.mjs)

GEOJSON_DIR   := tests/geojson
GEOJSON_STAMP := $(GEOJSON_DIR)/node_modules/.package-lock.json
# the GeoJSON responses test_maps asks for at least; fewer means it stopped asking
GEOJSON_MIN   := 12

.PHONY: geojson-deps geojson-node geojson-check test-geojson

geojson-deps: geojson-node $(GEOJSON_STAMP)

geojson-node:
	$(call need_node,geojson-deps)

$(GEOJSON_STAMP): $(GEOJSON_DIR)/package-lock.json $(GEOJSON_DIR)/package.json | geojson-node
	$(call npm_ci,$(GEOJSON_DIR),--ignore-scripts)

# the test uses what `make deps` installed and never installs it itself
geojson-check: geojson-node
	$(call npm_tree,geojson,$(GEOJSON_DIR))

test-geojson: geojson-check $(OUT)/tests/api/test_maps $(BIN)/bordercoopd $(BIN)/bordercoop
	@rec=$$(mktemp "$${TMPDIR:-/tmp}/bc-geojson-XXXXXX.jsonl") || exit 1; \
	trap 'rm -f "$$rec"' EXIT; trap 'exit 130' HUP INT PIPE TERM; \
	echo "== $(OUT)/tests/api/test_maps (recording responses)"; \
	$(SAN_ENV) BCT_RECORD="$$rec" BC_DAEMON=$(BIN)/bordercoopd BC_CLI=$(BIN)/bordercoop \
	  BC_DATA=data $(OUT)/tests/api/test_maps || { echo "test-geojson: the map API test failed"; exit 1; }; \
	node $(GEOJSON_DIR)/check.mjs "$$rec" $(GEOJSON_MIN)
