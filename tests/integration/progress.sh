#!/usr/bin/env bash
# The progress line (articles, MB, rate, ETA) is written on a terminal
# only: never into a file or a pipe, never with -q; on a terminal it is
# erased before the summary. Needs script(1) for a terminal (skips without).
set -euo pipefail

: "${BAYAN:?path to the bayan binary}"
: "${SOURCE_ROOT:?path to the source tree}"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }

"$BAYAN" -f ntriples -o "$WORK/out" "$SOURCE_ROOT/seeds" 2>"$WORK/err"
! grep -q 'articles,' "$WORK/err" || fail "progress written to a file"
! grep -q $'\r' "$WORK/err" || fail "carriage return written to a file"

command -v script >/dev/null || { echo "no script(1): skipped"; exit 77; }
run_tty() { script -qec "$1" /dev/null >"$2" </dev/null; }
run_tty "'$BAYAN' -j 2 -f ntriples -o '$WORK/tty' '$SOURCE_ROOT/seeds'" \
    "$WORK/tty.log"
grep -q 'articles, [0-9.]* MB, [0-9.]* MB/s, ETA [0-9]*:[0-9][0-9]' \
    "$WORK/tty.log" || fail "no progress line on a terminal"
grep -q "5/5 articles" "$WORK/tty.log" || fail "the last count is not shown"
grep -q 'article(s) read' "$WORK/tty.log" || fail "no summary after it"
cmp -s "$WORK/out/graph.nt" "$WORK/tty/graph.nt" || fail "outputs differ"
run_tty "'$BAYAN' -q -f ntriples -o '$WORK/q' '$SOURCE_ROOT/seeds'" \
    "$WORK/q.log"
! grep -q 'articles,' "$WORK/q.log" || fail "progress shown with -q"
echo "progress: on a terminal only, not with -q"
