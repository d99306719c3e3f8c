#!/usr/bin/env bash
# ingest.sh: does an ingest cost grow with the article or with the store? Times
# `bordercoop ingest` of the same gold-corpus articles into the curated store and into a
# synthetic store of INGEST_FIGURES figures and INGEST_MEETINGS meetings whose documents
# are all in the change feed (`bordercoop synth --feed`, as a load would record them),
# each on a fresh copy, and prints how many documents each ingest appended to the feed.
# Then the end-to-end figure of issue 11: a 1 MiB article (the English dev articles
# repeated) POSTed over HTTP to a running bordercoopd on each store, timed by curl from
# the first byte sent to the last byte of the 201 (goal: under 1 s), with the CPU time
# the daemon spent on it (on a shared machine the wall time also measures the others). The search index is
# updated per entity through indexes keyed on it, and the feed compares only what the
# article changed, so neither grows with the store. Loopback only; minutes, mostly
# building the synthetic store (cached in build/bench).
#
#   tests/bench/ingest.sh BIN_DIR   (make bench-ingest runs it)
set -euo pipefail

BIN=${1:-build/release/bin}
FIGURES=${INGEST_FIGURES:-200000}
MEETINGS=${INGEST_MEETINGS:-20000}
DATA=${BC_DATA:-data}
CACHE_DIR=build/bench
BIG="$CACHE_DIR/synth-feed-$FIGURES-$MEETINGS.db"
ARTICLES=(tests/eval/dev/en/en-lao-cai-border-trade-january-2024.txt
          tests/eval/dev/en/en-ha-giang-malipo-thanh-thuy-tianbao-talks.txt)

command -v sqlite3 >/dev/null || { echo "ingest: sqlite3 is missing (make bench-deps)"; exit 1; }
mkdir -p "$CACHE_DIR"
if [ ! -s "$BIG" ] || [ "$BIN/bordercoop" -nt "$BIG" ]; then
    echo "ingest: building the synthetic store ($FIGURES figures, $MEETINGS meetings, with its feed)..."
    rm -f "$BIG" "$BIG-wal" "$BIG-shm"
    "$BIN/bordercoop" synth --figures "$FIGURES" --meetings "$MEETINGS" --out "$BIG" --data "$DATA" --feed
fi
TMP=$(mktemp -d /tmp/bc-ingest-XXXXXX)
DPID=
cleanup() {
    if [ -n "$DPID" ]; then kill "$DPID" 2>/dev/null || true; wait "$DPID" 2>/dev/null || true; fi
    rm -rf "$TMP"
}
trap cleanup EXIT INT TERM
"$BIN/bordercoop" load --data "$DATA" --db "$TMP/small.db" >/dev/null

# one STORE ARTICLE: ingest ARTICLE into a fresh copy of STORE; prints seconds and entries
one() {
    local db="$TMP/copy.db"
    rm -f "$db" "$db-wal" "$db-shm"
    sqlite3 "$1" ".backup '$db'"
    local before after
    before=$(sqlite3 "$db" "SELECT coalesce(max(seq), 0) FROM changes")
    local TIMEFORMAT='%R %U %S'
    { time "$BIN/bordercoop" ingest "$2" --lang en --title "bench $(basename "$2")" --db "$db" \
        >/dev/null; } 2>"$TMP/time"
    after=$(sqlite3 "$db" "SELECT coalesce(max(seq), 0) FROM changes")
    awk -v n="$((after - before))" '{ printf "%.2f s (CPU %.2f s), %d feed entries", $1, $2 + $3, n }' "$TMP/time"
}

# cpu PID: the CPU seconds (user and system) the process has used, in clock ticks
cpu() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

docs=$(sqlite3 "$BIG" "SELECT count(*) FROM change_baseline")
echo "ingest: the synthetic store holds $docs documents in its feed"
for a in "${ARTICLES[@]}"; do
    echo "  $(basename "$a"): curated store $(one "$TMP/small.db" "$a"); synthetic store $(one "$BIG" "$a")"
done

# ---- a 1 MiB article over HTTP ------------------------------------------------------
TOKEN=bench-ingest-token-0123456789
: >"$TMP/big.txt"
while [ "$(stat -c %s "$TMP/big.txt")" -lt 1048576 ]; do
    for f in tests/eval/dev/en/*.txt; do cat "$f" >>"$TMP/big.txt"; printf '\n\n' >>"$TMP/big.txt"; done
done
head -c 1048576 "$TMP/big.txt" | sed '$d' >"$TMP/big.cut"
python3 - "$TMP/big.cut" "$TMP/big.json" <<'PY'
import json, sys
text = open(sys.argv[1], encoding='utf-8').read()
json.dump({'lang': 'en', 'title': 'bench 1 MiB', 'published_on': '2024-06-30', 'text': text},
          open(sys.argv[2], 'w'), ensure_ascii=False)
PY

# http STORE: POSTs the article to bordercoopd on a fresh copy of STORE
http() {
    local db="$TMP/http.db"
    rm -f "$db" "$db-wal" "$db-shm" "$TMP/ready"
    sqlite3 "$1" ".backup '$db'"
    BORDERCOOP_API_TOKEN=$TOKEN "$BIN/bordercoopd" --db "$db" --listen 127.0.0.1:0 \
        --ready-file "$TMP/ready" --log-format off --max-article-bytes 1048576 \
        --max-body 2097152 --write-budget-ms 60000 2>"$TMP/daemon.log" &
    DPID=$!
    for _ in $(seq 200); do [ -s "$TMP/ready" ] && break; sleep 0.05; done
    [ -s "$TMP/ready" ] || { echo "ingest: bordercoopd did not start"; cat "$TMP/daemon.log"; exit 1; }
    local port out
    port=$(cat "$TMP/ready")
    curl -sf -o /dev/null "http://127.0.0.1:$port/healthz"
    local c0 c1
    c0=$(cpu "$DPID")
    out=$(curl -s -o "$TMP/answer.json" -w '%{http_code} %{time_total}' --max-time 120 \
        -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        --data-binary @"$TMP/big.json" "http://127.0.0.1:$port/v1/sources")
    c1=$(cpu "$DPID")
    kill "$DPID"
    wait "$DPID" || true
    DPID=
    set -- $out
    [ "$1" = 201 ] || { echo "ingest: POST answered $1: $(head -c 300 "$TMP/answer.json")"; exit 1; }
    awk -v t="$2" -v c="$((c1 - c0))" -v hz="$(getconf CLK_TCK)" \
        'BEGIN { printf "%.2f s (daemon CPU %.2f s)", t, c / hz }'
}

echo "ingest: a $(stat -c %s "$TMP/big.cut")-byte article POSTed over HTTP (goal: under 1 s)"
echo "  curated store $(http "$TMP/small.db"); synthetic store $(http "$BIG")"
