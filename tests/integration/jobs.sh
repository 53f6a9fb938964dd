#!/usr/bin/env bash
# Reading on several threads changes nothing a user sees: for -j 1, 2 and
# 4, every output file and the messages on standard error are byte for
# byte the same, on the seeds mixed with failing inputs (an empty file,
# invalid UTF-8, a file too large) and, when ../shared is there, the
# development corpus. The inputs are many small copies so that workers
# finish out of order.
set -euo pipefail

: "${BAYAN:?path to the bayan binary}"
: "${SOURCE_ROOT:?path to the source tree}"
SHARED=${SHARED:-$SOURCE_ROOT/../shared}
DEV=${DEV:-$SHARED/corpus/dev}

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

# The corpus: each seed, a short and a long version of it (so that the
# articles take very different times), and inputs that fail.
corpus=$WORK/corpus
mkdir -p "$corpus"
n=0
for f in "$SOURCE_ROOT"/seeds/*.txt; do
    cp "$f" "$corpus/$(printf '%03d' $n)-seed.txt"
    head -n 3 "$f" >"$corpus/$(printf '%03d' $n)-short.txt"
    for _ in 1 2 3 4 5 6; do cat "$f"; echo; done >"$corpus/$(printf '%03d' $n)-long.txt"
    n=$((n + 1))
done
: >"$corpus/050-empty.txt"
printf 'abc \xff\xfe def\n' >"$corpus/051-invalid.txt"
head -c 2000000 /dev/zero | tr '\0' 'a' >"$corpus/052-large.txt"
inputs=("$corpus")
[ -d "$DEV" ] && inputs+=("$DEV")

formats=turtle,ntriples,nquads,graphml,dot
for j in 1 2 4; do
    rc=0
    "$BAYAN" -j "$j" --max-input-size 1 -f "$formats" -o "$WORK/out$j" \
        "${inputs[@]}" 2>"$WORK/stderr" || rc=$?
    [ "$rc" = 1 ] || fail "-j $j: exit $rc, expected 1 (failed inputs)"
    sed "s|$WORK/out$j|OUT|g" "$WORK/stderr" >"$WORK/err$j"
done
grep -q 'empty' "$WORK/err1" || fail "no message about the empty input"
for j in 2 4; do
    for f in graph.ttl graph.nt graph.nq graph.graphml graph.dot; do
        cmp -s "$WORK/out1/$f" "$WORK/out$j/$f" ||
            fail "-j $j: $f differs from -j 1"
    done
    cmp -s "$WORK/err1" "$WORK/err$j" || {
        diff "$WORK/err1" "$WORK/err$j" >&2 || true
        fail "-j $j: the messages differ from -j 1"
    }
done
[ -s "$WORK/out1/graph.nt" ] || fail "empty graph.nt"

# The default (one thread per processor) gives the same bytes too.
# (Same inputs and size limit as above: without the limit the 2 MB input
# is read, not refused, and the graphs differ for that reason alone.)
"$BAYAN" -q --max-input-size 1 -f ntriples -o "$WORK/default" \
    "${inputs[@]}" 2>/dev/null || true
cmp -s "$WORK/out1/graph.nt" "$WORK/default/graph.nt" ||
    fail "default -j: graph.nt differs"

# Bad values are usage errors.
for bad in 0 -1 x 257; do
    rc=0
    "$BAYAN" -j "$bad" -o "$WORK/bad" "$corpus" 2>/dev/null || rc=$?
    [ "$rc" = 2 ] || fail "-j $bad: exit $rc, expected 2"
done
echo "jobs: -j 1, 2 and 4 give the same bytes"
