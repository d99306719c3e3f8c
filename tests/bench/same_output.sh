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

# article LANG BYTES OUT and hostile KIND BYTES OUT: as extract.sh makes them
article() {
    : >"$3"
    while [ "$(stat -c %s "$3")" -lt "$2" ]; do
        for f in tests/eval/dev/"$1"/*.txt; do cat "$f" >>"$3"; printf '\n\n' >>"$3"; done
    done
    head -c "$2" "$3" | sed '$d' >"$3.cut" && mv "$3.cut" "$3"
}
hostile() {
    local unit
    if [ "$1" = meetings ]; then # one paragraph of distinct meetings, each dated thrice
        awk -v max="$2" 'BEGIN {
            split("January February March April May June July August September October November December", mo, " ")
            for (n = 1; bytes < max; n++) {
                y = 2000 + n % 26
                line = sprintf("The %d Spring Meeting of Lao Cai and Yunnan was held in Hekou. The meeting was held on %d %s. Officials held talks in Lao Cai on %d %s. The %dth meeting of the Joint Working Group took place on %d %s %d.\n", y, n % 28 + 1, mo[n % 12 + 1], n % 27 + 1, mo[(n + 3) % 12 + 1], n % 400 + 1, n % 26 + 1, mo[(n + 5) % 12 + 1], y)
                if (bytes + length(line) > max) break
                printf "%s", line; bytes += length(line)
            } }' >"$3"
        return
    fi
    case "$1" in
        run) unit='Lao Cai - Hekou - Ha Giang (Vietnam) - Tianbao (China) 12 th 2024 10/5 talks ' ;;
        amounts) unit='up 5% to 1,2 billion USD, 3.4 mln VND and 7 tỷ đồng in 2024; ' ;;
        ordinals) unit='第十四次会议第十四次会议第十四次会议第十四次会议第十四次会议。' ;;
        clauses) unit='第十四次会议在河口举行，' ;;
    esac
    : >"$3"
    : >"$TMP/chunk"
    for _ in $(seq 1 200); do printf '%s' "$unit" >>"$TMP/chunk"; done
    while [ "$(stat -c %s "$3")" -lt "$2" ]; do cat "$TMP/chunk" >>"$3"; done
    # a cut inside a character leaves its bytes, which iconv -c drops (and says so: not an error)
    head -c "$2" "$3" | { iconv -f UTF-8 -t UTF-8 -c 2>/dev/null || true; } >"$3.cut" && mv "$3.cut" "$3"
}

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
for kind in run amounts meetings ordinals clauses; do
    lang=en
    case $kind in ordinals | clauses) lang=zh ;; esac
    hostile "$kind" 1048576 "$TMP/$kind.txt"
    compare "$kind" "$lang" "$TMP/$kind.txt"
done
