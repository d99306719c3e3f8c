#!/bin/sh
# lint.sh: lints ../../openapi.yaml with Redocly CLI (the version pinned in
# package-lock.json) and fails on any error *or* warning. Works offline: the rules are
# the built-in `recommended` set (redocly.yaml), telemetry and the update check are off,
# and the document has no remote $refs.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
spec=${1:-$here/../../openapi.yaml}
redocly=$here/node_modules/.bin/redocly
if [ ! -x "$redocly" ]; then
  echo "lint.sh: $redocly is missing; run 'make contract-deps' (npm ci in tests/contract)" >&2
  exit 2
fi
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true NO_COLOR=1
out=$(mktemp)
trap 'rm -f "$out"' EXIT
status=0
"$redocly" lint --config "$here/redocly.yaml" --format=json "$spec" >"$out" 2>/dev/null || status=$?
node --input-type=module - "$out" "$status" "$spec" <<'JS'
import { readFileSync } from 'node:fs';
const [file, status, spec] = process.argv.slice(2);
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch (e) {
  console.error(`lint: redocly gave no report (exit ${status}): ${e.message}`);
  process.exit(1);
}
for (const p of report.problems) {
  const where = (p.location || []).map((l) => l.pointer).join(', ');
  console.log(`${p.severity} ${p.ruleId} ${where}: ${p.message}`);
}
const { errors, warnings } = report.totals;
console.log(`lint: ${spec}: ${errors} errors, ${warnings} warnings (redocly ${report.version})`);
process.exit(errors === 0 && warnings === 0 && status === '0' ? 0 : 1);
JS
