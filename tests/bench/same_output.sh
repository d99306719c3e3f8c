#!/usr/bin/env bash
# same_output.sh: does a change that should only make ingest faster leave what it stores
# alone? Builds the 1 MiB articles extract.sh times (English, Vietnamese, Chinese from the
# dev gold corpus; the five hostile ones), ingests each into its own copy of the curated store
# with the binaries of BIN_A and of BIN_B, the wall clock held still (fixtime.c, so the
# timestamps agree), and compares, byte for byte: `bordercoop extract`'s JSON, `bordercoop
# export` (every fact), `export --index`, and the whole store dumped by sqlite3 (the facts,
# the change feed and its baseline, the search index). Prints one line per article and
# output, exits 1 on any difference (the files are kept). Seconds per article.
#
#   tests/bench/same_output.sh BIN_A BIN_B      (e.g. a build of main and one of a branch)
set -euo pipefail

A=${1:?usage: same_output.sh BIN_A BIN_B}
B=${2:?usage: same_output.sh BIN_A BIN_B}
DATA=${BC_DATA:-data}
for tool in sqlite3 cc iconv; do
    command -v "$tool" >/dev/null || { echo "same_output: $tool is missing"; exit 1; }
done
TMP=$(mktemp -d /tmp/bc-same-XXXXXX)
keep=0
cleanup() {
    if [ "$keep" = 1 ]; then echo "same_output: files kept in $TMP"; else rm -rf "$TMP"; fi
}
trap cleanup EXIT INT TERM
cc -shared -fPIC -O2 -o "$TMP/fixtime.so" "$(dirname "$0")/fixtime.c"
"$A/bordercoop" load --data "$DATA" --db "$TMP/curated.db" >/dev/null

# shellcheck source=tests/bench/articles.sh
source "$(dirname "$0")/articles.sh"

# outputs SIDE BIN NAME LANG FILE: what SIDE's binaries make of the article
outputs() {
    local side=$1 bin=$2 name=$3 lang=$4 file=$5 db="$TMP/$1.db"
    rm -f "$db" "$db-wal" "$db-shm"
    cp "$TMP/curated.db" "$db"
    "$bin/bordercoop" extract "$file" --lang "$lang" --published-on 2025-06-30 --data "$DATA" \
        >"$TMP/$side.extract"
    LD_PRELOAD="$TMP/fixtime.so" "$bin/bordercoop" ingest "$file" --lang "$lang" \
        --published-on 2025-06-30 --max-article-bytes 4194304 --max-article-facts 1000000 \
        --title "same $name" --db "$db" >"$TMP/$side.ingest" 2>&1
    "$bin/bordercoop" export --db "$db" >"$TMP/$side.export"
    "$bin/bordercoop" export --db "$db" --index >"$TMP/$side.index"
    sqlite3 "$db" .dump >"$TMP/$side.dump"
}

bad=0
compare() {
    outputs A "$A" "$@"
    outputs B "$B" "$@"
    for f in extract ingest export index dump; do
        local r=same
        cmp -s "$TMP/A.$f" "$TMP/B.$f" || { r=DIFFERENT; bad=1; }
        printf '  %-8s %-8s %-9s (%d bytes)\n' "$1" "$f" "$r" "$(stat -c %s "$TMP/A.$f")"
    done
    if [ "$bad" = 1 ]; then keep=1; echo "same_output: $1 differs"; exit 1; fi
}

echo "same_output: $A and $B on 1 MiB articles (extract, ingest report, export, index, store)"
for lang in en vi zh; do
    article "$lang" 1048576 "$TMP/$lang.txt"
    compare "$lang" "$lang" "$TMP/$lang.txt"
done
for kind in $HOSTILE_KINDS; do
    lang=$(hostile_lang "$kind")
    hostile "$kind" 1048576 "$TMP/$kind.txt"
    compare "$kind" "$lang" "$TMP/$kind.txt"
done
