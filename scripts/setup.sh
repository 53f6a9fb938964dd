# Shared set-up for scripts/run and scripts/test (sourced, not run):
# installs the Debian packages that are missing, then configures and builds
# bayan with meson into build/. Idempotent: a second run only rebuilds.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD="$ROOT/build"

# Building libbayan and the CLI.
BUILD_PACKAGES=(gcc pkg-config meson ninja-build libxml2-dev libraptor2-dev
                libicu-dev libgraphviz-dev libcmocka-dev graphviz
                fonts-noto-core libhunspell-dev hunspell-ar)
# The independent judges the tests use on the output.
TEST_PACKAGES=(serdi raptor2-utils rasqal-utils libxml2-utils
               python3-networkx python3-igraph python3-rdflib valgrind time
               bsdutils)

say() { printf 'bayan: %s\n' "$*" >&2; }

missing_packages() {
    local p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
            printf '%s\n' "$p"
    done
}

install_packages() {
    local missing
    missing=$(missing_packages "$@")
    [ -z "$missing" ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        say "missing Debian packages:" $missing
        say "run as root, or: sudo apt-get install" $missing
        exit 1
    fi
    say "installing:" $missing
    # Refresh the package lists once per machine, not on every run.
    if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -print -quit)" ]; then
        apt-get update -qq
    fi
    # shellcheck disable=SC2086
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null ||
        { apt-get update -qq &&
          DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null; }
}

# Oxigraph (the strictest Turtle parser) comes from the npm registry.
install_oxigraph() {
    if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
        install_packages nodejs npm
    fi
    if [ ! -d "$ROOT/tests/oxigraph/node_modules/oxigraph" ]; then
        say "installing oxigraph from the npm registry"
        (cd "$ROOT/tests/oxigraph" &&
         npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    fi
}

# Runs a build step quietly; when it fails, shows what it printed (the
# compiler's errors) and stops with its status.
quietly() {
    local log rc=0
    log=$(mktemp)
    "$@" >"$log" 2>&1 || rc=$?
    if [ "$rc" -ne 0 ]; then
        cat "$log" >&2
        rm -f "$log"
        say "failed (exit $rc):" "$@"
        exit "$rc"
    fi
    rm -f "$log"
}

build_bayan() {
    local werror=false
    [ "${CI:-}" = true ] && werror=true
    if [ ! -f "$BUILD/build.ninja" ]; then
        quietly meson setup "$BUILD" "$ROOT" -Dwerror=$werror
    else
        quietly meson configure "$BUILD" -Dwerror=$werror
    fi
    quietly ninja -C "$BUILD"
}
