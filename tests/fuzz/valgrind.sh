#!/usr/bin/env bash
# The CLI under valgrind on the seeds, every format written: no invalid read
# or write, no use of uninitialised memory, no leak (definite, indirect or
# possible) of ours. Then the pipeline fuzz target's regressions (REPLAY_PIPELINE,
# optional): several SVG exports in one process, which once read memory
# Graphviz had freed. Leaks inside Graphviz, pango, fontconfig and raptor's
# N-Triples parser are suppressed narrowly (tests/fuzz/valgrind.supp).
# Exit 77 (skip) without valgrind. Registered for the plain build only:
# valgrind and ASan exclude each other.
set -euo pipefail

: "${BAYAN:?path of the bayan executable}"
: "${SOURCE_ROOT:?path of the source tree}"
command -v valgrind >/dev/null || { echo "valgrind not installed"; exit 77; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Runs a command under memcheck; fails the test on any report.
memcheck() {
    local what=$1 status=0
    shift
    valgrind --quiet --error-exitcode=99 --leak-check=full \
        --show-leak-kinds=definite,indirect,possible \
        --errors-for-leak-kinds=definite,indirect,possible \
        --suppressions="$SOURCE_ROOT/tests/fuzz/valgrind.supp" \
        --num-callers=100 --log-file="$work/valgrind.log" "$@" \
        >"$work/stdout" 2>"$work/stderr" || status=$?
    [ "$status" -eq 0 ] && return 0
    cat "$work/valgrind.log" "$work/stderr"
    if [ "$status" -eq 99 ]; then
        echo "FAIL: valgrind reported errors or leaks in $what (see above)"
    else
        echo "FAIL: $what exited with status $status under valgrind"
    fi
    exit 1
}

memcheck bayan "$BAYAN" -q -o "$work/out" \
    -f turtle,ntriples,nquads,graphml,dot,svg "$SOURCE_ROOT/seeds"
# Every output must have been written, so that the run did exercise each
# exporter and nothing failed quietly.
for f in graph.ttl graph.nt graph.nq graph.graphml graph.dot graph.svg; do
    [ -s "$work/out/$f" ] || { echo "FAIL: $f missing or empty"; exit 1; }
done
if [ -n "${REPLAY_PIPELINE:-}" ]; then
    memcheck "the pipeline regressions" "$REPLAY_PIPELINE" \
        "$SOURCE_ROOT/fuzz/regressions/pipeline"
fi
echo "valgrind: no error, no leak of ours"
