#!/usr/bin/env bash
# The command line's Unix habits, one case a meson test: standard output,
# format aliases, usage errors, the version, warnings, stale outputs,
# defaults without INPUT, and the scripts' build output.
# Usage: habits.sh CASE; habits.sh --list. Exit 77: skipped.
set -uo pipefail

if [ "${1:-}" = --list ]; then
    sed -n 's/^case_\([a-z0-9_]*\)() {$/\1/p' "$0" | tr _ - | sort
    exit 0
fi

: "${BAYAN:?path to the bayan binary}"
: "${SOURCE_ROOT:?path to the source tree}"
SEEDS=$SOURCE_ROOT/seeds
SEED=$(ls "$SEEDS"/*.txt | head -n 1)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

fail() { printf 'FAIL: %s\n' "$*" >&2; [ -f "$WORK/err" ] && sed 's/^/    stderr: /' "$WORK/err" >&2; exit 1; }
skip() { printf 'SKIP: %s\n' "$*" >&2; exit 77; }

# bayan ARGS... < /dev/null; sets RC, stdout in $WORK/out, stderr in $WORK/err.
run() {
    RC=0
    "$BAYAN" "$@" >"$WORK/out" 2>"$WORK/err" </dev/null || RC=$?
}

# A usage error: exit 2, one line naming the fault, then the help hint.
expect_usage_error() {
    local pattern=$1
    shift
    run "$@"
    [ "$RC" = 2 ] || fail "$*: exit $RC, expected 2"
    [ "$(wc -l <"$WORK/err")" = 2 ] || fail "$*: not two lines"
    head -n 1 "$WORK/err" | grep -Eq "^bayan: $pattern" || fail "$*: no /$pattern/"
    [ "$(tail -n 1 "$WORK/err")" = "Try 'bayan --help' for more information." ] ||
        fail "$*: no help hint"
}

case_stdout() {
    "$BAYAN" -q -f nt -o "$WORK/dir" "$SEEDS" || fail "bayan exit $?"
    run -q -o - -f ntriples "$SEEDS"
    [ "$RC" = 0 ] || fail "-o -: exit $RC"
    cmp -s "$WORK/out" "$WORK/dir/graph.nt" || fail "-o - differs from graph.nt"
    [ ! -e "$SOURCE_ROOT/-" ] && [ ! -e ./- ] || fail "a directory named - was made"
    run -q --stdout -f nt "$SEEDS"
    cmp -s "$WORK/out" "$WORK/dir/graph.nt" || fail "--stdout differs from graph.nt"
    # With no -f, standard output gets Turtle.
    run -q -o - "$SEEDS"
    grep -q '^@prefix bayan:' "$WORK/out" || fail "-o - without -f is not Turtle"
    expect_usage_error 'standard output takes one format' -o - -f ttl,nt "$SEEDS"
    [ ! -s "$WORK/out" ] || fail "output written despite the usage error"
}

case_format_aliases() {
    run -q -f TTL,Nt,nq,GV,GraphML,SVG -o "$WORK/a" "$SEED"
    [ "$RC" = 0 ] || fail "aliases: exit $RC"
    for f in ttl nt nq dot graphml svg; do
        [ -s "$WORK/a/graph.$f" ] || fail "graph.$f not written"
    done
    run -q -f n-triples,n-quads,turtle -o "$WORK/b" "$SEED"
    [ "$RC" = 0 ] || fail "n-triples: exit $RC"
}

case_bad_format() {
    expect_usage_error "unknown format 'jsonld' \(valid: turtle \(ttl\), ntriples \(nt, n-triples\), nquads \(nq, n-quads\), graphml, dot \(gv\), svg\)" \
        -f ttl,jsonld -o "$WORK/x" "$SEED"
    expect_usage_error "unknown view 'tree' \(valid: meetings, full\)" --view tree "$SEED"
    expect_usage_error "--max-input-size 'lots'" --max-input-size lots "$SEED"
}

case_unknown_option() {
    expect_usage_error "unknown option '--frobnicate'$" --frobnicate "$SEED"
    expect_usage_error "unknown option '-Z'$" -Z "$SEED"
    expect_usage_error "option '-o' needs an argument$" "$SEED" -o
    expect_usage_error "option '--formats' needs an argument$" "$SEED" --formats
    expect_usage_error "unknown option '--frob'$" --frob=1 "$SEED"
    ! grep -q / "$WORK/err" || fail "the message names a path"
}

case_version() {
    run -V
    [ "$RC" = 0 ] && grep -Eq '^bayan [0-9]+\.[0-9]+\.[0-9]+$' "$WORK/out" || fail "-V: $(cat "$WORK/out")"
    local short
    short=$(cat "$WORK/out")
    run --version
    [ "$(cat "$WORK/out")" = "$short" ] || fail "-V and --version differ"
}

case_bad_encoding() {
    run --encoding no-such-code-page -o "$WORK/x" "$SEED"
    [ "$RC" = 2 ] || fail "bad --encoding: exit $RC, expected 2"
    grep -q "^bayan: error: unknown encoding 'no-such-code-page'" "$WORK/err" ||
        fail "the encoding is not named"
    [ "$(tail -n 1 "$WORK/err")" = "Try 'bayan --help' for more information." ] ||
        fail "no help hint"
    [ ! -e "$WORK/x" ] || fail "outputs written"
    run -q --encoding windows-1256 -f nt -o "$WORK/y" "$SEED"
    [ "$RC" != 2 ] || fail "a known encoding is a usage error"
}

case_no_arabic() {
    printf 'The ministers met in Rome on Monday.\n' >"$WORK/english.txt"
    run -f nt -o "$WORK/x" "$WORK/english.txt"
    [ "$RC" = 0 ] || fail "exit $RC"
    grep -q 'english\.txt: warning: no Arabic text' "$WORK/err" || fail "no warning"
    run -f nt -o "$WORK/x" "$SEED"
    ! grep -q 'no Arabic' "$WORK/err" || fail "warned on an Arabic seed"
}

case_stale_outputs() {
    "$BAYAN" -q -f ttl,nt,svg -o "$WORK/d" "$SEED" || fail "bayan exit $?"
    cp "$WORK/d/graph.ttl" "$WORK/ttl.before"
    run -f nt -o "$WORK/d" "$SEEDS"
    [ "$RC" = 0 ] || fail "exit $RC"
    grep -q 'note: graph.ttl, graph.svg are from an earlier run' "$WORK/err" ||
        fail "the stale outputs are not named"
    cmp -s "$WORK/d/graph.ttl" "$WORK/ttl.before" || fail "graph.ttl was touched"
    run -f nt --clean -o "$WORK/d" "$SEEDS"
    [ "$(ls "$WORK/d")" = graph.nt ] || fail "--clean left: $(ls "$WORK/d" | tr '\n' ' ')"
    ! grep -q 'note:' "$WORK/err" || fail "a note after --clean"
}

case_no_input() {
    # Piped in: standard input is read.
    RC=0
    "$BAYAN" -q -o - -f nt <"$SEED" >"$WORK/out" 2>"$WORK/err" || RC=$?
    [ "$RC" = 0 ] && grep -q '"<stdin>"' "$WORK/out" || fail "stdin not read (exit $RC)"
    # On a terminal: say what is needed, do not wait.
    command -v script >/dev/null || skip "no script(1) for a terminal"
    RC=0
    timeout 60 script -qec "$BAYAN -o $WORK/t" /dev/null >"$WORK/err" 2>&1 || RC=$?
    [ "$RC" = 2 ] || fail "no INPUT on a terminal: exit $RC"
    grep -q 'no INPUT' "$WORK/err" || fail "no INPUT on a terminal: not said"
    [ ! -e "$WORK/t" ] || fail "outputs written"
}

case_verbose_ontology() {
    run -v -f nt -o "$WORK/x" "$SEED"
    grep -Fq "ontology and lexicon read from $BAYAN_ONTOLOGY_DIR" "$WORK/err" ||
        fail "-v does not name the ontology directory"
    run -f nt -o "$WORK/x" "$SEED"
    ! grep -q 'ontology and lexicon' "$WORK/err" || fail "said without -v"
}

# scripts/run and scripts/test show the build's output when it fails.
case_build_output() {
    mkdir -p "$WORK/bin"
    printf '#!/bin/sh\nexit 0\n' >"$WORK/bin/meson"
    printf '#!/bin/sh\necho "src/x.c:1:1: error: the compiler said this"\nexit 1\n' >"$WORK/bin/ninja"
    chmod +x "$WORK/bin/meson" "$WORK/bin/ninja"
    RC=0
    PATH="$WORK/bin:$PATH" bash -c 'source "$1/scripts/setup.sh"; build_bayan' _ "$SOURCE_ROOT" \
        >"$WORK/err" 2>&1 || RC=$?
    [ "$RC" != 0 ] || fail "a failed build exits 0"
    grep -q 'the compiler said this' "$WORK/err" || fail "the build's output is not shown"
}

name=${1:?case name}
"case_${name//-/_}"
echo "ok: $name"
