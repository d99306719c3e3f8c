# tests/contract/contract.mk: the OpenAPI contract checked by real tools. Included from the
# main Makefile, which defines API_BINS, BIN, SAN_ENV, need_node and npm_ci.
#
#   make contract-deps   npm ci in tests/contract (pinned Redocly CLI, Ajv, yaml) when
#                        node_modules is missing or older than package-lock.json (`make
#                        deps` runs it; the tests below only check that it is there)
#   make test-contract   redocly lint of openapi.yaml (no errors, no warnings), then the
#                        API tests with every response recorded (BCT_RECORD) and each
#                        recorded response validated against openapi.yaml
#
# Offline once node_modules is there: lint.sh turns telemetry and the update check off
# and uses only built-in rules; validate.mjs reads local files only.

CONTRACT_DIR   := tests/contract
CONTRACT_STAMP := $(CONTRACT_DIR)/node_modules/.package-lock.json

.PHONY: contract-deps contract-node contract-check test-contract contract-lint

contract-deps: contract-node $(CONTRACT_STAMP)

contract-node:
	$(call need_node,contract-deps)

$(CONTRACT_STAMP): $(CONTRACT_DIR)/package-lock.json $(CONTRACT_DIR)/package.json | contract-node
	$(call npm_ci,$(CONTRACT_DIR),--ignore-scripts)

# the tests use what `make deps` installed and never install it themselves
contract-check: contract-node
	$(call npm_tree,contract,$(CONTRACT_DIR))

contract-lint: contract-check
	@$(CONTRACT_DIR)/lint.sh openapi.yaml

test-contract: contract-lint $(API_BINS) $(BIN)/bordercoopd $(BIN)/bordercoop
	@rec=$$(mktemp "$${TMPDIR:-/tmp}/bc-contract-XXXXXX.jsonl") || exit 1; \
	trap 'rm -f "$$rec"' EXIT; trap 'exit 130' HUP INT PIPE TERM; \
	for t in $(API_BINS); do \
	  echo "== $$t (recording responses)"; \
	  $(SAN_ENV) BCT_RECORD="$$rec" BC_DAEMON=$(BIN)/bordercoopd BC_CLI=$(BIN)/bordercoop \
	    BC_DATA=data $$t || { echo "test-contract: the API tests failed"; exit 1; }; \
	done; \
	node $(CONTRACT_DIR)/validate.mjs "$$rec"
