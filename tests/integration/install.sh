#!/usr/bin/env bash
# What an installed bayan gives its users: the man page documents exactly
# the options of --help; meson install puts the binary, libbayan, its
# header, bayan.pc, the man page and the data in place; a program builds
# against libbayan with pkg-config alone; the installed binary reads the
# data installed beside it, not the source tree.
# Usage: install.sh CASE (man-options, installed). Exit 77: skipped.
set -uo pipefail

: "${BAYAN:?path to the bayan binary}"
: "${SOURCE_ROOT:?path to the source tree}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
skip() { printf 'SKIP: %s\n' "$*" >&2; exit 77; }

# The options a text names: -x and --long-name words, one a line, sorted.
options_in() {
    grep -oE '(^|[ ,[(])--?[A-Za-z][A-Za-z-]*' | sed 's/^[ ,[(]//' |
        grep -vE '^-(-)?$' | sort -u
}

case_man_options() {
    local man=$SOURCE_ROOT/doc/bayan.1
    "$BAYAN" --help | sed -n '/^Options:/,/^$/p' | grep -E '^ +-' |
        sed 's/^ *//; s/  .*//' | tr ',' '\n' | options_in >"$WORK/help"
    # The OPTIONS section's tagged paragraphs (.TP, then the tag line).
    sed -n '/^\.SH OPTIONS/,/^\.SH /p' "$man" | awk 'tag {print; tag=0} /^\.TP/ {tag=1}' |
        sed 's/\\-/-/g; s/\\f[BIRP]//g; s/"//g' | sed 's/ [A-Z][A-Z]*$//' |
        tr ',' '\n' | options_in >"$WORK/man"
    [ -s "$WORK/help" ] || fail "no option found in --help"
    diff -u "$WORK/help" "$WORK/man" >"$WORK/diff" ||
        { cat "$WORK/diff" >&2; fail "--help and bayan.1 name different options"; }
    echo "man page: $(wc -l <"$WORK/help") options, as in --help"
}

case_installed() {
    : "${BUILD_ROOT:?the build directory}"
    command -v pkg-config >/dev/null || skip "no pkg-config"
    command -v cc >/dev/null || skip "no C compiler"
    local dest=$WORK/dest
    meson install -C "$BUILD_ROOT" --no-rebuild --quiet --destdir "$dest" \
        >"$WORK/install.log" 2>&1 || { cat "$WORK/install.log" >&2; fail "meson install"; }
    local prefix libdir
    prefix=$(meson introspect "$BUILD_ROOT" --buildoptions |
        /usr/bin/python3 -c 'import json,sys; o={x["name"]: x["value"] for x in json.load(sys.stdin)}; print(o["prefix"]); print(o["libdir"])')
    libdir=$(printf '%s\n' "$prefix" | sed -n 2p)
    prefix=$(printf '%s\n' "$prefix" | sed -n 1p)
    local root=$dest$prefix
    [ -x "$root/bin/bayan" ] || fail "no bin/bayan"
    [ -f "$root/share/man/man1/bayan.1" ] || fail "no man page installed"
    [ -f "$root/share/bayan/bayan.ttl" ] || fail "no data installed"
    [ -f "$root/include/bayan/bayan.h" ] || fail "no header installed"
    local pc=$root/$libdir/pkgconfig/bayan.pc
    [ -f "$pc" ] || fail "no bayan.pc in $libdir/pkgconfig"

    # A program built with pkg-config alone, run against the installed
    # library, which finds its installed data.
    cat >"$WORK/tiny.c" <<'C'
#include <bayan/bayan.h>
#include <stdio.h>
static bool out(void *u, const void *b, size_t n) { (void)u; return fwrite(b, 1, n, stdout) == n; }
int main(void)
{
    bayan_engine *e;
    if (bayan_engine_new(NULL, &e) != BAYAN_OK)
        return 1;
    bayan_graph *g = bayan_graph_new();
    static const char text[] = "\xd8\xb2\xd8\xa7\xd8\xb1 \xd9\x88\xd8\xb2\xd9\x8a\xd8\xb1 "
        "\xd8\xa7\xd9\x84\xd8\xae\xd8\xa7\xd8\xb1\xd8\xac\xd9\x8a\xd8\xa9 \xd8\xa7\xd9\x84\xd8\xb9\xd8\xb1\xd8\xa7\xd9\x82.\n";
    int rc = bayan_read_memory(e, g, "tiny.txt", text, sizeof text - 1) == BAYAN_OK &&
             bayan_export(e, g, BAYAN_FORMAT_NTRIPLES, out, NULL) == BAYAN_OK ? 0 : 1;
    bayan_graph_free(g);
    bayan_engine_free(e);
    return rc;
}
C
    local flags
    flags=$(PKG_CONFIG_PATH=$root/$libdir/pkgconfig \
        pkg-config --define-variable=prefix="$root" --cflags --libs bayan) ||
        fail "pkg-config --cflags --libs bayan"
    # A sanitized libbayan needs its runtime first: build the program so.
    local san=
    [[ "$(ldd "$BAYAN" 2>/dev/null)" == *libasan* ]] && san=-fsanitize=address,undefined
    # shellcheck disable=SC2086
    cc $san -o "$WORK/tiny" "$WORK/tiny.c" $flags || fail "tiny program does not build with: $flags"
    env -u BAYAN_ONTOLOGY_DIR LD_LIBRARY_PATH="$root/$libdir" "$WORK/tiny" >"$WORK/tiny.nt" ||
        fail "tiny program failed"
    grep -q '/state/IQ>' "$WORK/tiny.nt" || fail "tiny program found no Iraq"

    # The installed binary says it read the installed data.
    env -u BAYAN_ONTOLOGY_DIR LD_LIBRARY_PATH="$root/$libdir" \
        "$root/bin/bayan" -v -f nt -o "$WORK/out" "$SOURCE_ROOT/seeds" 2>"$WORK/err" ||
        fail "installed bayan exit $?"
    grep -Eq "ontology and lexicon read from $root/$libdir/.*share/bayan" "$WORK/err" ||
        { grep ontology "$WORK/err" >&2; fail "installed bayan did not read its installed data"; }
    # The build tree's binary still reads the source tree.
    env -u BAYAN_ONTOLOGY_DIR "$BAYAN" -v -f nt -o "$WORK/out2" "$SOURCE_ROOT/seeds" 2>"$WORK/err2" ||
        fail "bayan exit $?"
    grep -q "ontology and lexicon read from $SOURCE_ROOT/ontology" "$WORK/err2" ||
        fail "the build tree's bayan did not read the source tree"
    echo "installed: bayan, libbayan, bayan.pc, bayan.1 and the data; pkg-config builds"
}

name=${1:?case name}
"case_${name//-/_}"
