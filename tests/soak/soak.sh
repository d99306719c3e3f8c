#!/usr/bin/env bash
# soak.sh: make soak: a store with one 1 MiB article to search (ingested beforehand with
# the CLI), bordercoopd with its defaults (logging on, into a file), then
# tests/soak/soak.c's mixed attack beside normal clients for SOAK_SECONDS (default 60).
# Loopback only, bounded in time, stops what it starts.
#
#   tests/soak/soak.sh BIN_DIR SOAK_BINARY
set -euo pipefail

BIN=${1:-build/release/bin}
SOAK=${2:-build/release/tests/soak}
SECS=${SOAK_SECONDS:-60}
DATA=${BC_DATA:-data}
TOKEN=soak-token-0123456789abcdef

TMP=$(mktemp -d /tmp/bc-soak-XXXXXX)
DPID=
cleanup() {
    if [ -n "$DPID" ]; then kill "$DPID" 2>/dev/null || true; wait "$DPID" 2>/dev/null || true; fi
    [ -n "${SOAK_KEEP:-}" ] && echo "soak: kept $TMP" || rm -rf "$TMP"
}
trap cleanup EXIT INT TERM

"$BIN/bordercoop" load --data "$DATA" --db "$TMP/store.db" >/dev/null
# the article the public search runs over: one paragraph of 16,000 times the word (the
# attack pass's 3.2 s search) and 1 MiB of sentences with it
python3 - "$TMP/big.txt" <<'PY'
import sys
words = ' '.join(['charlie'] * 16000)
sentences = ''.join('Charlie report %d: trade through the Lao Cai border gate reached USD %d '
                    'million in 2025. ' % (i, 100 + i % 900) for i in range(9000))
open(sys.argv[1], 'w').write('Charlie report. ' + words + '.\n\n' + sentences[:(1 << 20) - 140000] + '\n')
PY
"$BIN/bordercoop" ingest "$TMP/big.txt" --lang en --title "Charlie report" --db "$TMP/store.db" \
    --max-article-bytes 1048576 >/dev/null

BORDERCOOP_API_TOKEN=$TOKEN "$BIN/bordercoopd" --db "$TMP/store.db" --listen 127.0.0.1:0 \
    --ready-file "$TMP/ready" --log-file "$TMP/access.log" 2>"$TMP/daemon.log" &
DPID=$!
for _ in $(seq 100); do [ -s "$TMP/ready" ] && break; sleep 0.05; done
[ -s "$TMP/ready" ] || { echo "soak: bordercoopd did not start"; cat "$TMP/daemon.log"; exit 1; }
PORT=$(cat "$TMP/ready")
# warm the cache and the workers the way a running deployment would be
for u in "/v1/figures?limit=10" "/v1/border-gate-projects/lao-cai-hekou-railway-bridge" /healthz; do
    curl -sf -o /dev/null "http://127.0.0.1:$PORT$u"
done
echo "soak: load average before: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores)"
rc=0
"$SOAK" "$PORT" "$DPID" "$TOKEN" "$SECS" || rc=$?
echo "soak: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
dropped=$(curl -sf "http://127.0.0.1:$PORT/metrics" | awk '$1 == "bordercoop_log_dropped_total" {print $2}')
shed=$(curl -sf "http://127.0.0.1:$PORT/metrics" | awk '/^bordercoop_connections_shed_total/ {printf "%s ", $0}')
echo "soak: daemon: $shed; access-log lines dropped: ${dropped:-?}"
# what the resident memory is: the heap and stacks (anonymous) or the store file's pages
# that the readers map (file-backed: page cache, shared and reclaimable)
awk '/^(VmHWM|VmRSS|RssAnon|RssFile):/ {printf "%s %s %s  ", $1, $2, $3} END {print ""}' "/proc/$DPID/status" |
    sed 's/^/soak: daemon memory at the end: /'
awk '/^[0-9a-f]+-/ {name = $6 == "" ? "[anonymous]" : $6} /^Rss:/ {rss[name] += $2}
     END {for (n in rss) if (rss[n] >= 1024) printf "%d %s\n", rss[n], n}' "/proc/$DPID/smaps" |
    sort -rn | head -5 | awk '{printf "%s KiB %s; ", $1, $2} END {print ""}' |
    sed 's/^/soak: largest mappings: /'
kill "$DPID"
wait "$DPID" || { echo "soak: bordercoopd did not exit cleanly"; rc=1; }
DPID=
exit $rc
