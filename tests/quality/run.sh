#!/usr/bin/env bash
# Quality check: run bayan on the seeds and on the development set, score
# each graph against the gold annotations with tools/scorer/score.py and
# fail when a figure drops below tests/quality/floors.json. Exit 77 (skip)
# when the shared corpus is not there.
set -euo pipefail

: "${BAYAN:?path to the bayan binary}"
: "${SOURCE_ROOT:?path to the source tree}"
SHARED=${SHARED:-$SOURCE_ROOT/../shared}
PYTHON=${PYTHON:-/usr/bin/python3}
SCORER=$SOURCE_ROOT/tools/scorer/score.py
FLOORS=${FLOORS:-$SOURCE_ROOT/tests/quality/floors.json}
GOLD=$SHARED/corpus/gold
EXTRA=()
[ -n "${QUALITY_PER_ARTICLE:-}" ] && EXTRA+=(--per-article)

[ -d "$GOLD" ] || { echo "SKIP: no gold annotations in $GOLD" >&2; exit 77; }
"$PYTHON" -c 'import rdflib' 2>/dev/null ||
    { echo "SKIP: $PYTHON has no rdflib (python3-rdflib)" >&2; exit 77; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# score_set NAME INPUT_DIR: export INPUT_DIR as N-Quads and score it. The
# gold says what each article tells, so each article is scored on its own
# named graph: in one merged graph a meeting read from two articles (one
# node, rightly) would lend one article the chairs and counts the other
# tells (score.py, article_views).
# bayan's exit 1 (some inputs failed) still scores: those inputs count as
# all-missed through --inputs. Returns the scorer's status.
score_set() {
    local name=$1 input=$2 st=0
    echo "== $name ($input)"
    "$BAYAN" -q -f nquads -o "$WORK/$name" "$input" || st=$?
    if [ "$st" -gt 1 ] || [ ! -s "$WORK/$name/graph.nq" ]; then
        echo "FAIL: bayan exit $st, no graph.nq for $name" >&2
        return 1
    fi
    [ "$st" -eq 0 ] || echo "note: bayan exit 1 (some inputs failed)" >&2
    "$PYTHON" "$SCORER" --gold "$GOLD" --inputs "$input" \
        --floors "$FLOORS" --floors-set "$name" ${EXTRA[@]+"${EXTRA[@]}"} \
        "$WORK/$name/graph.nq"
}

rc=0
score_set seeds "$SOURCE_ROOT/seeds" || rc=1
if [ -d "$SHARED/corpus/dev" ]; then
    echo
    score_set dev "$SHARED/corpus/dev" || rc=1
else
    echo "note: no development set in $SHARED/corpus/dev" >&2
fi
exit "$rc"
