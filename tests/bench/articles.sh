#!/usr/bin/env bash
# articles.sh: the 1 MiB articles extract.sh times and same_output.sh compares, made the same
# way for both (sourced; files are written under $TMP, which the caller makes and removes).
#   article LANG BYTES OUT   the dev articles of LANG repeated up to BYTES
#   hostile KIND BYTES OUT   one of HOSTILE_KINDS, in the language hostile_lang KIND names

HOSTILE_KINDS="run amounts meetings ordinals clauses"

# hostile_lang KIND: the language a hostile article is read in
hostile_lang() {
    case $1 in
        ordinals | clauses) echo zh ;;
        *) echo en ;;
    esac
}

# article LANG BYTES OUT: the dev articles of LANG repeated up to BYTES (cut at a line)
article() {
    : >"$3"
    while [ "$(stat -c %s "$3")" -lt "$2" ]; do
        for f in tests/eval/dev/"$1"/*.txt; do cat "$f" >>"$3"; printf '\n\n' >>"$3"; done
    done
    head -c "$2" "$3" | sed '$d' >"$3.cut" && mv "$3.cut" "$3"
}

# hostile KIND BYTES OUT
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
    local chunk="$TMP/chunk"
    : >"$chunk"
    for _ in $(seq 1 200); do printf '%s' "$unit" >>"$chunk"; done
    while [ "$(stat -c %s "$3")" -lt "$2" ]; do cat "$chunk" >>"$3"; done
    # a cut inside a character leaves its bytes, which iconv -c drops (and says so: not an error)
    head -c "$2" "$3" | { iconv -f UTF-8 -t UTF-8 -c 2>/dev/null || true; } >"$3.cut" && mv "$3.cut" "$3"
}
