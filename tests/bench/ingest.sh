#!/usr/bin/env bash
# ingest.sh: does an ingest cost grow with the article or with the store? Times
# `bordercoop ingest` of the same gold-corpus articles into the curated store and into a
# synthetic store of INGEST_FIGURES figures and INGEST_MEETINGS meetings whose documents
# are all in the change feed (`bordercoop synth --feed`, as a load would record them),
# each on a fresh copy, and prints how many documents each ingest appended to the feed.
# The feed's share stays flat (bc_changes_record_source compares only what the article
# changed); what is left to grow is the search index update. No network; minutes, mostly
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
trap 'rm -rf "$TMP"' EXIT INT TERM
"$BIN/bordercoop" load --data "$DATA" --db "$TMP/small.db" >/dev/null

# one STORE ARTICLE: ingest ARTICLE into a fresh copy of STORE; prints seconds and entries
one() {
    local db="$TMP/copy.db"
    rm -f "$db" "$db-wal" "$db-shm"
    sqlite3 "$1" ".backup '$db'"
    local before after t0 t1
    before=$(sqlite3 "$db" "SELECT coalesce(max(seq), 0) FROM changes")
    t0=$(date +%s.%N)
    "$BIN/bordercoop" ingest "$2" --lang en --title "bench $(basename "$2")" --db "$db" >/dev/null
    t1=$(date +%s.%N)
    after=$(sqlite3 "$db" "SELECT coalesce(max(seq), 0) FROM changes")
    awk -v a="$t0" -v b="$t1" -v n="$((after - before))" 'BEGIN { printf "%.2f s, %d feed entries", b - a, n }'
}

docs=$(sqlite3 "$BIG" "SELECT count(*) FROM change_baseline")
echo "ingest: the synthetic store holds $docs documents in its feed"
for a in "${ARTICLES[@]}"; do
    echo "  $(basename "$a"): curated store $(one "$TMP/small.db" "$a"); synthetic store $(one "$BIG" "$a")"
done
