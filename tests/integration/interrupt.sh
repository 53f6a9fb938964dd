#!/usr/bin/env bash
# Atomic outputs: a run that is interrupted (SIGINT, SIGTERM, SIGHUP while
# reading or while exporting) or whose writes fail (a full disk, a file size
# limit) must leave the previous outputs byte-identical and no temporary
# file behind; it must end with the documented status (2 when an output
# cannot be written; death by the signal when interrupted). Each case is
# named; exit 1 when any fails, 77 when bayan is absent.
set -uo pipefail

: "${BAYAN:?path to the bayan binary}"
: "${SOURCE_ROOT:?path to the source tree}"
SEEDS=$SOURCE_ROOT/seeds
FORMATS=turtle,ntriples,nquads,graphml,dot,svg
PY=/usr/bin/python3
LIMIT=${INTERRUPT_TIMEOUT:-120} # seconds a run may take, generous for ASan

[ -x "$BAYAN" ] || { echo "SKIP: no bayan at $BAYAN" >&2; exit 77; }
# Under AddressSanitizer the matcher is quadratic (its strstr interceptor
# scans the rest of the text at every call): smaller inputs there.
SCALE=1
[[ "$(ldd "$BAYAN" 2>/dev/null)" == *libasan* ]] && SCALE=6

WORK=$(mktemp -d)
MOUNTED=
cleanup() {
    [ -z "$MOUNTED" ] || umount "$MOUNTED" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

passed=0
failed=0
failures=()
CASE=

fail() {
    printf 'FAIL [%s]: %s\n' "$CASE" "$*" >&2
    [ -f "$WORK/err" ] && sed 's/^/    stderr: /' "$WORK/err" | tail -n 6 >&2
    return 1
}
skip() { printf 'SKIP [%s]: %s\n' "$CASE" "$*" >&2; }

# Exports one seed into DIR: the "previous outputs", and a copy of them.
previous_outputs() {
    local dir=$1
    "$BAYAN" -q -f "$FORMATS" -o "$dir" "$(ls "$SEEDS"/*.txt | head -n 1)" ||
        fail "the first run failed" || return 1
    rm -rf "$WORK/before"
    cp -a "$dir" "$WORK/before"
}

# DIR holds exactly the previous outputs, byte for byte, and nothing else.
check_unchanged() {
    local dir=$1
    diff -r "$WORK/before" "$dir" >/dev/null ||
        fail "the previous outputs changed or files were left: $(ls -A "$dir")" || return 1
}

# A corpus that takes a while to read: the seeds many times over, each
# copy made distinct by a numbered line.
make_corpus() {
    local dir=$WORK/corpus i s
    [ -d "$dir" ] && return 0
    mkdir -p "$dir"
    for i in $(seq -w 1 ${1:-60}); do
        for s in "$SEEDS"/*.txt; do
            { cat "$s"; printf '\n%s\n' "$i"; } >"$dir/$i-$(basename "$s")"
        done
    done
}

# Starts bayan in the background with SIGINT and SIGTERM at their defaults
# (a non-interactive shell makes background jobs ignore SIGINT, and bayan
# leaves an ignored signal ignored). Standard input is $IN (an explicit
# redirection: a background job's is /dev/null otherwise). Sets PID.
start_bayan() {
    env --default-signal=INT,TERM,HUP "$BAYAN" "$@" <"${IN:-/dev/null}" \
        2>"$WORK/err" &
    PID=$!
}

# Waits (at most LIMIT seconds) until the file test "$@" holds, polling.
wait_for() {
    local i
    for ((i = 0; i < LIMIT * 50; i++)); do
        "$@" && return 0
        kill -0 "$PID" 2>/dev/null || return 1
        sleep 0.02
    done
    return 1
}

# Waits for PID to end (killing it after LIMIT seconds); sets RC.
reap() {
    local i
    for ((i = 0; i < LIMIT * 10; i++)); do
        kill -0 "$PID" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$PID" 2>/dev/null; then
        kill -9 "$PID"
        wait "$PID" 2>/dev/null
        RC=hang
        return
    fi
    RC=0
    wait "$PID" || RC=$?
}

has_temp() { ls -A "$1" | grep -q '^\.graph\.'; }
read_lines() { [ "$(grep -c '^bayan: reading ' "$WORK/err" 2>/dev/null)" -ge "$1" ] 2>/dev/null; }

# ---- the cases ------------------------------------------------------------

# Every format goes through the atomic path: during an export the files
# appear under a hidden temporary name, never under their own.
case_all_formats_written_atomically() {
    local out=$WORK/atomic
    "$BAYAN" -q -f "$FORMATS" -o "$out" "$SEEDS" 2>"$WORK/err" ||
        fail "exit $?" || return 1
    local f
    for f in graph.ttl graph.nt graph.nq graph.graphml graph.dot graph.svg; do
        [ -s "$out/$f" ] || fail "$f missing" || return 1
        [ "$(stat -c %a "$out/$f")" = 644 ] || fail "$f is not mode 644" || return 1
    done
    [ -z "$(ls -A "$out" | grep -v '^graph\.[a-z]*$')" ] ||
        fail "stray files: $(ls -A "$out")" || return 1
}

case_sigint_while_reading() {
    local out=$WORK/int-read
    previous_outputs "$out" || return 1
    make_corpus
    start_bayan -v -f "$FORMATS" -o "$out" "$WORK/corpus"
    wait_for read_lines 3 || fail "bayan did not start reading" || return 1
    kill -INT "$PID"
    reap
    [ "$RC" = 130 ] || fail "exit $RC, expected death by SIGINT (130)" || return 1
    grep -q 'interrupted by signal 2; the outputs are left as they were' "$WORK/err" ||
        fail "no message" || return 1
    check_unchanged "$out"
}

# The export of a large graph (30,000 mentions) is cut by SIGTERM as
# soon as its first temporary file appears.
case_sigterm_while_exporting() {
    local out=$WORK/term-export
    previous_outputs "$out" || return 1
    "$PY" - "$WORK/mentions.txt" $((30000 / SCALE)) <<'PY'
import sys
names = ['العراق', 'فرنسا', 'الأردن', 'روما']
open(sys.argv[1], 'w', encoding='utf-8').write(
    ' و'.join(names[i % 4] for i in range(int(sys.argv[2]))))
PY
    start_bayan -f ntriples,nquads,turtle -o "$out" "$WORK/mentions.txt"
    wait_for has_temp "$out" || fail "no temporary file ever appeared" || return 1
    kill -TERM "$PID"
    reap
    [ "$RC" = 143 ] || fail "exit $RC, expected death by SIGTERM (143)" || return 1
    check_unchanged "$out"
}

# SIGHUP (the terminal closed) while waiting on standard input.
case_sighup_while_waiting_on_stdin() {
    local out=$WORK/hup-stdin
    previous_outputs "$out" || return 1
    mkfifo "$WORK/fifo"
    exec 9<>"$WORK/fifo" # held open: bayan blocks reading
    IN=$WORK/fifo start_bayan -f "$FORMATS" -o "$out" -
    printf 'العراق ' >&9
    sleep 0.5
    kill -HUP "$PID"
    reap
    exec 9>&-
    [ "$RC" = 129 ] || fail "exit $RC, expected death by SIGHUP (129)" || return 1
    check_unchanged "$out"
}

# A second signal kills at once; the previous outputs are still intact
# (at worst a hidden temporary file remains).
case_second_signal_kills() {
    local out=$WORK/int-twice
    previous_outputs "$out" || return 1
    make_corpus
    start_bayan -v -f "$FORMATS" -o "$out" "$WORK/corpus"
    wait_for read_lines 2 || fail "bayan did not start reading" || return 1
    kill -INT "$PID"
    kill -INT "$PID"
    reap
    [ "$RC" = 130 ] || fail "exit $RC, expected death by SIGINT (130)" || return 1
    rm -f "$out"/.graph.*
    check_unchanged "$out"
}

# The disk fills up: no output is replaced (not even those that fit), the
# reason is named, the status is 2.
case_full_disk() {
    local out=$WORK/tiny/out
    mkdir -p "$WORK/tiny"
    if [ "$(id -u)" != 0 ] ||
        ! mount -t tmpfs -o size=1m tmpfs "$WORK/tiny" 2>/dev/null; then
        skip "cannot mount a small tmpfs here (needs root); see file-size-limit"
        return 0
    fi
    MOUNTED=$WORK/tiny
    previous_outputs "$out" || return 1
    local rc=0
    timeout -k 5 "$LIMIT" "$BAYAN" -f "$FORMATS" -o "$out" "$SEEDS" 2>"$WORK/err" || rc=$?
    [ "$rc" = 2 ] || fail "exit $rc, expected 2" || return 1
    grep -q 'graph\.[a-z]*: error: write failed: No space left on device' "$WORK/err" ||
        fail "the full disk is not named" || return 1
    grep -q 'no output written' "$WORK/err" || fail "no summary" || return 1
    check_unchanged "$out" || return 1
    umount "$WORK/tiny" && MOUNTED=
}

# The same with a file size limit (works without root): writes fail with
# EFBIG instead of SIGXFSZ killing the process.
case_file_size_limit() {
    local out=$WORK/fsize
    previous_outputs "$out" || return 1
    local rc=0
    (ulimit -f 200 # KB: the seeds' N-Quads are larger
     exec timeout -k 5 "$LIMIT" "$BAYAN" -f "$FORMATS" -o "$out" "$SEEDS") \
        2>"$WORK/err" || rc=$?
    [ "$rc" = 2 ] || fail "exit $rc, expected 2" || return 1
    grep -q 'graph\.[a-z]*: error: write failed: File too large' "$WORK/err" ||
        fail "the failed write is not named" || return 1
    check_unchanged "$out"
}

# The output directory cannot be written to at all.
case_output_directory_not_writable() {
    local out=$WORK/ro
    previous_outputs "$out" || return 1
    local rc=0 as=()
    chmod 555 "$out"
    if [ "$(id -u)" = 0 ]; then
        chmod 755 "$WORK"
        as=(setpriv --reuid=65534 --regid=65534 --clear-groups)
        "${as[@]}" test -x "$BAYAN" 2>/dev/null && "${as[@]}" test -r "$SEEDS" ||
            { skip "root, and nobody cannot run bayan"; return 0; }
    fi
    timeout -k 5 "$LIMIT" "${as[@]}" "$BAYAN" -f "$FORMATS" -o "$out" "$SEEDS" \
        2>"$WORK/err" || rc=$?
    chmod 755 "$out"
    [ "$rc" = 2 ] || fail "exit $rc, expected 2" || return 1
    grep -q 'error: cannot create a file beside it: Permission denied' "$WORK/err" ||
        fail "the reason is not named" || return 1
    check_unchanged "$out"
}

# Many short articles naming six places each: a graph of more nodes than
# the default SVG draws (BAYAN_SVG_DEFAULT_MAX_NODES, 1500) and enough
# edges for a layout of several seconds, cheap to read.
make_wide_corpus() {
    local dir=$WORK/wide
    [ -d "$dir" ] && return 0
    mkdir -p "$dir"
    "$PY" - "$dir" 2500 <<'PY'
import os, sys
names = ['العراق', 'فرنسا', 'الأردن', 'روما', 'مصر', 'تونس', 'لبنان',
         'سوريا', 'الكويت']
for i in range(int(sys.argv[2])):
    with open(os.path.join(sys.argv[1], f'{i:05d}.txt'), 'w',
              encoding='utf-8') as f:
        f.write(' و'.join(names[(i + k) % len(names)] for k in range(6))
                + f' {i}\n')
PY
}

# By default a drawing too large to lay out quickly (here the full view's)
# gets no SVG, and the message says how to ask for it; the other outputs
# are written, and the graph.svg of an earlier run into the directory (a
# drawing of another graph) is removed, not left beside them.
case_large_graph_default_svg_skipped() {
    local out=$WORK/wide-out
    make_wide_corpus
    "$BAYAN" -q -o "$out" "$SEEDS/$(ls "$SEEDS" | head -n 1)" ||
        fail "the small run: exit $?" || return 1
    [ -s "$out/graph.svg" ] || fail "the small run wrote no graph.svg" || return 1
    timeout -k 5 "$LIMIT" "$BAYAN" --view full -o "$out" "$WORK/wide" \
        2>"$WORK/err" ||
        fail "exit $?" || return 1
    [ ! -e "$out/graph.svg" ] || fail "graph.svg written or left" || return 1
    grep -q "removed $out/graph.svg, the drawing of an earlier run" \
        "$WORK/err" || fail "the removal is not said" || return 1
    [ -s "$out/graph.ttl" ] && [ -s "$out/graph.dot" ] ||
        fail "the other outputs are missing" || return 1
    grep -q 'graph.svg not written: .* nodes.*-f turtle,graphml,dot,svg' \
        "$WORK/err" || fail "no message saying how to ask for it" || return 1
    ! has_temp "$out" || fail "temporary files left"
}

# SIGTERM while Graphviz lays out a large graph (asked for by -f svg)
# stops the run within a second or two, not at the end of the layout.
case_sigterm_during_svg_layout() {
    local out=$WORK/svg-term
    previous_outputs "$out" || return 1
    make_wide_corpus
    start_bayan -f svg --view full -o "$out" "$WORK/wide"
    wait_for has_temp "$out" || fail "no temporary file ever appeared" || return 1
    sleep 0.5 # into the layout
    kill -0 "$PID" 2>/dev/null || fail "the layout ended before the signal" || return 1
    local t0=$EPOCHREALTIME
    kill -TERM "$PID"
    reap
    local ms=$(( (${EPOCHREALTIME/./} - ${t0/./}) / 1000 ))
    [ "$RC" = 143 ] || fail "exit $RC, expected death by SIGTERM (143)" || return 1
    [ "$ms" -le $((2000 * SCALE)) ] || fail "stopped after $ms ms" || return 1
    pgrep -P $$ -f "$BAYAN" >/dev/null && fail "a process of the layout is left"
    check_unchanged "$out"
}

# A run killed outright (SIGKILL) leaves its temporary files; the next run
# that writes into the directory removes them, but not those of a run
# still alive.
case_killed_run_leftovers_removed() {
    local out=$WORK/killed
    previous_outputs "$out" || return 1
    "$PY" - "$WORK/mentions.txt" $((30000 / SCALE)) <<'PY'
import sys
names = ['العراق', 'فرنسا', 'الأردن', 'روما']
open(sys.argv[1], 'w', encoding='utf-8').write(
    ' و'.join(names[i % 4] for i in range(int(sys.argv[2]))))
PY
    start_bayan -f ntriples,nquads,turtle -o "$out" "$WORK/mentions.txt"
    wait_for has_temp "$out" || fail "no temporary file ever appeared" || return 1
    kill -KILL "$PID"
    reap
    has_temp "$out" || fail "SIGKILL left no temporary file to clean" || return 1
    local alive=$out/.graph.nt.$$.abcdef
    : >"$alive"
    "$BAYAN" -q -f ntriples,nquads,turtle -o "$out" \
        "$(ls "$SEEDS"/*.txt | head -n 1)" 2>"$WORK/err" || fail "exit $?" || return 1
    [ -e "$alive" ] || fail "a live run's temporary file was removed" || return 1
    rm -f "$alive"
    ! has_temp "$out" || fail "stale files left: $(ls -A "$out")" || return 1
    check_unchanged "$out"
}

# ---- the driver -----------------------------------------------------------

cases=$(declare -F | awk '{print $3}' | grep '^case_')
for fn in $cases; do
    CASE=${fn#case_}
    CASE=${CASE//_/-}
    start=$SECONDS
    rm -f "$WORK/err"
    if "$fn"; then
        passed=$((passed + 1))
        printf 'ok   %-36s %3ss\n' "$CASE" $((SECONDS - start))
    else
        failed=$((failed + 1))
        failures+=("$CASE")
        printf 'FAIL %-36s %3ss\n' "$CASE" $((SECONDS - start))
    fi
done
echo "interrupt: $passed passed, $failed failed${failures:+ (${failures[*]})}"
[ "$failed" = 0 ]
