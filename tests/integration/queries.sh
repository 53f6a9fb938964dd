#!/usr/bin/env bash
# Competency questions: every queries/NAME.rq is asked of the seeds' graph
# by two independent SPARQL engines, roqet (rasqal, over graph.ttl) and an
# Oxigraph triple store loaded from graph.ttl and queried over HTTP (the
# SPARQL 1.1 Protocol, tests/oxigraph/server.js), and each answer must equal
# queries/NAME.expected. See queries/README.md for the format.
#
# Queries listed in queries/PENDING ask for facts the extractor does not
# give yet: their mismatch is reported as XFAIL, and a match as XPASS, which
# fails the test so that the list is kept honest (remove the name).
# QUERIES_GRAPH=FILE.ttl asks the queries of that graph instead of the
# seeds' export: a way to check the queries themselves on a hand-made graph.
# Exit 77 (skip) when neither engine is installed.
set -euo pipefail

: "${BAYAN:?path to the bayan binary}"
: "${SOURCE_ROOT:?path to the source tree}"
QUERIES=${QUERIES:-$SOURCE_ROOT/queries}
SEEDS=${SEEDS:-$SOURCE_ROOT/seeds}
OXIGRAPH=$SOURCE_ROOT/tests/oxigraph

WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

engines=()
command -v roqet >/dev/null && engines+=(roqet)
if command -v node >/dev/null && command -v curl >/dev/null &&
    [ -d "$OXIGRAPH/node_modules/oxigraph" ]; then
    engines+=(oxigraph)
else
    echo "note: Oxigraph is not installed (npm ci in tests/oxigraph); roqet only" >&2
fi
[ ${#engines[@]} -gt 0 ] || { echo "SKIP: neither roqet nor Oxigraph" >&2; exit 77; }

if [ -n "${QUERIES_GRAPH:-}" ]; then
    GRAPH=$QUERIES_GRAPH
else
    "$BAYAN" -q -f turtle -o "$WORK/out" "$SEEDS" || fail "bayan exit $?"
    GRAPH=$WORK/out/graph.ttl
fi

# Starts the Oxigraph endpoint on a free port and waits until it listens.
start_server() {
    : >"$WORK/server.out"
    node "$OXIGRAPH/server.js" "$GRAPH" turtle >"$WORK/server.out" 2>&1 &
    SERVER_PID=$!
    local i
    for ((i = 0; i < 100; i++)); do
        PORT=$(awk '/^listening/ {print $2}' "$WORK/server.out" || true)
        [ -n "$PORT" ] && return 0
        kill -0 "$SERVER_PID" 2>/dev/null ||
            fail "the Oxigraph server died: $(cat "$WORK/server.out")"
        sleep 0.1
    done
    fail "the Oxigraph server did not start"
}
[[ " ${engines[*]} " == *" oxigraph "* ]] && start_server

# CSV results (SPARQL 1.1 CSV: IRIs bare, literals as their lexical form)
# to the expected-file format: a tab-separated header, then the rows
# tab-separated and sorted by code point.
normalise() {
    /usr/bin/python3 -c '
import csv, sys
rows = list(csv.reader(sys.stdin.read().splitlines()))
if not rows:
    sys.exit("no header")
print("\t".join(rows[0]))
for r in sorted("\t".join(r) for r in rows[1:]):
    print(r)'
}

# Asks query file $2 of engine $1; writes the normalised answer on stdout.
ask() {
    local engine=$1 query=$2 rc=0
    case $engine in
    roqet)
        # roqet exits 2 when it only warns (it warns on every aggregate),
        # so 2 with an answer on stdout is a success; 1 is an error.
        roqet -q -r csv -D "$GRAPH" -e "$(cat "$query")" >"$WORK/raw" 2>"$WORK/err" || rc=$?
        [ "$rc" = 0 ] || [ "$rc" = 2 ] || { cat "$WORK/err" >&2; return 1; }
        ;;
    oxigraph)
        curl -sS --fail -H 'Accept: text/csv' \
            --data-urlencode "query@$query" \
            "http://127.0.0.1:$PORT/query" >"$WORK/raw" || return 1
        ;;
    esac
    normalise <"$WORK/raw"
}

pending() { grep -qxF "$1" "$QUERIES/PENDING" 2>/dev/null; }

# The PENDING list names existing queries only.
if [ -f "$QUERIES/PENDING" ]; then
    while read -r name; do
        case $name in '' | '#'*) continue ;; esac
        [ -f "$QUERIES/$name.rq" ] || fail "PENDING names $name, which has no $name.rq"
    done <"$QUERIES/PENDING"
fi

passed=0 xfailed=0 failed=0 n=0
for query in "$QUERIES"/*.rq; do
    name=$(basename "$query" .rq)
    expected=$QUERIES/$name.expected
    [ -f "$expected" ] || fail "$name.rq has no $name.expected"
    n=$((n + 1))
    ok=true why=
    for engine in "${engines[@]}"; do
        if ! ask "$engine" "$query" >"$WORK/got.$engine"; then
            ok=false why="$why $engine: query failed;"
            continue
        fi
        if ! diff <(normalise <"$expected" | sed 1d) <(sed 1d "$WORK/got.$engine") \
            >"$WORK/diff.$engine" ||
            [ "$(head -n 1 "$expected")" != "$(head -n 1 "$WORK/got.$engine")" ]; then
            ok=false why="$why $engine differs;"
        fi
    done
    if pending "$name"; then
        if $ok; then
            echo "XPASS $name: answers as expected; remove it from queries/PENDING"
            failed=$((failed + 1))
        else
            echo "XFAIL $name:$why"
            xfailed=$((xfailed + 1))
        fi
    elif $ok; then
        echo "PASS  $name"
        passed=$((passed + 1))
    else
        echo "FAIL  $name:$why"
        for engine in "${engines[@]}"; do
            [ -s "$WORK/diff.$engine" ] || continue
            echo "  $engine (< expected, > got):"
            sed 's/^/    /' "$WORK/diff.$engine"
            rm -f "$WORK/diff.$engine"
        done
        failed=$((failed + 1))
    fi
    rm -f "$WORK"/diff.*
done
[ "$n" -gt 0 ] || fail "no query in $QUERIES"
echo "queries: $n asked of ${engines[*]}: $passed passed, $xfailed expected failures, $failed failed"
[ "$failed" = 0 ]
