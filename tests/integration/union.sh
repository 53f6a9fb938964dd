#!/usr/bin/env bash
# Shard union: the graph of a corpus is the union of the graphs of its
# parts. For several splits of the seeds and of the development corpus
# (../shared/corpus/dev, skipped when absent) into two halves, the sorted,
# deduplicated N-Triples of one run over the whole must equal those of the
# two runs over the halves put together. This is what lets a user export
# shards of a large corpus separately and load them into one store: no
# triple may depend on which other articles are in the same run.
set -euo pipefail

: "${BAYAN:?path to the bayan binary}"
: "${SOURCE_ROOT:?path to the source tree}"
SHARED=${SHARED:-$SOURCE_ROOT/../shared}
SEEDS=$SOURCE_ROOT/seeds
DEV=${DEV:-$SHARED/corpus/dev}

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

# Exports the files after $1 to N-Triples in $WORK/$1/graph.nt.
export_nt() {
    local dir=$WORK/$1
    shift
    rm -rf "$dir"
    "$BAYAN" -q -f ntriples -o "$dir" "$@" || fail "bayan exit $? on: $*"
}

# Checks one split of the files (the whole's triples in $WORK/whole.nt):
# those whose index the rule puts in the first half against the others.
check_split() {
    local label=$1 rule=$2
    shift 2
    local files=("$@") a=() b=() i n=$#
    for ((i = 0; i < n; i++)); do
        local in_a=false
        case $rule in
        halves) ((i < n / 2)) && in_a=true ;;
        alternate) ((i % 2 == 0)) && in_a=true ;;
        first) ((i == 0)) && in_a=true ;;
        last) ((i == n - 1)) && in_a=true ;;
        thirds) ((i % 3 == 1)) && in_a=true ;;
        esac
        if $in_a; then a+=("${files[i]}"); else b+=("${files[i]}"); fi
    done
    [ ${#a[@]} -gt 0 ] && [ ${#b[@]} -gt 0 ] || return 0
    export_nt a "${a[@]}"
    export_nt b "${b[@]}"
    LC_ALL=C sort -u "$WORK/a/graph.nt" "$WORK/b/graph.nt" >"$WORK/union.nt"
    # Each half must hold something of its own, or the check is empty.
    if [ ! -s "$WORK/a/graph.nt" ] || [ ! -s "$WORK/b/graph.nt" ]; then
        fail "$label: a half gave an empty graph"
    fi
    cmp -s "$WORK/a/graph.nt" "$WORK/b/graph.nt" &&
        fail "$label: both halves gave the same graph"
    if ! cmp -s "$WORK/whole.nt" "$WORK/union.nt"; then
        echo "$label, split '$rule' (${#a[@]} + ${#b[@]} files):" >&2
        diff "$WORK/whole.nt" "$WORK/union.nt" | head -n 20 >&2 || true
        fail "$label: the union of the halves is not the whole (< whole only, > union only)"
    fi
    echo "$label, split '$rule' (${#a[@]} + ${#b[@]}): $(grep -c . "$WORK/whole.nt") triples agree"
}

check_corpus() {
    local label=$1 dir=$2 files=() rule
    mapfile -t files < <(find "$dir" -maxdepth 1 -type f -name '*.txt' | LC_ALL=C sort)
    [ ${#files[@]} -ge 2 ] || fail "$label: fewer than two articles in $dir"
    # The whole is exported once; each split is compared with it.
    export_nt whole "${files[@]}"
    LC_ALL=C sort -u "$WORK/whole/graph.nt" >"$WORK/whole.nt"
    for rule in halves alternate first last thirds; do
        check_split "$label" "$rule" "${files[@]}"
    done
}

check_corpus seeds "$SEEDS"
if [ -d "$DEV" ]; then
    check_corpus dev "$DEV"
else
    echo "dev: $DEV is absent, not checked"
fi
