#!/usr/bin/env bash
# Quality check: run bayan on the seeds and on the development sets, score
# each graph against the gold annotations with tools/scorer/score.py and
# fail when a figure drops below tests/quality/floors.json. Exit 77 (skip)
# when the shared corpus is not there.
# dev2 is scored in two halves: e01-e30, which extraction is tuned on, with
# floors; e31-e45, sealed (never read, never tuned on), for the aggregate
# figures only: the gap between the two is how much the rules overfit.
set -euo pipefail

: "${BAYAN:?path to the bayan binary}"
: "${SOURCE_ROOT:?path to the source tree}"
SHARED=${SHARED:-$SOURCE_ROOT/../shared}
PYTHON=${PYTHON:-/usr/bin/python3}
SCORER=$SOURCE_ROOT/tools/scorer/score.py
FLOORS=${FLOORS:-$SOURCE_ROOT/tests/quality/floors.json}
GOLD=$SHARED/corpus/gold
GOLD2=$SHARED/corpus/gold2
EXTRA=()
[ -n "${QUALITY_PER_ARTICLE:-}" ] && EXTRA+=(--per-article)

[ -d "$GOLD" ] || { echo "SKIP: no gold annotations in $GOLD" >&2; exit 77; }
"$PYTHON" -c 'import rdflib' 2>/dev/null ||
    { echo "SKIP: $PYTHON has no rdflib (python3-rdflib)" >&2; exit 77; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# score_set NAME INPUT_DIR [GOLD_DIR [FLOORS_SET]]: export INPUT_DIR as
# N-Quads and score it; FLOORS_SET "-" scores without floors. The
# gold says what each article tells, so each article is scored on its own
# named graph: in one merged graph a meeting read from two articles (one
# node, rightly) would lend one article the chairs and counts the other
# tells (score.py, article_views).
# bayan's exit 1 (some inputs failed) still scores: those inputs count as
# all-missed through --inputs. Returns the scorer's status.
score_set() {
    local name=$1 input=$2 gold=${3:-$GOLD} set=${4:-$1} st=0
    local floors=(--floors "$FLOORS" --floors-set "$set") extra=()
    extra=(${EXTRA[@]+"${EXTRA[@]}"})
    # Without floors: a sealed set, whose articles are never listed.
    [ "$set" = - ] && floors=() && extra=()
    echo "== $name ($input)"
    "$BAYAN" -q -f nquads -o "$WORK/$name" "$input" || st=$?
    if [ "$st" -gt 1 ] || [ ! -s "$WORK/$name/graph.nq" ]; then
        echo "FAIL: bayan exit $st, no graph.nq for $name" >&2
        return 1
    fi
    [ "$st" -eq 0 ] || echo "note: bayan exit 1 (some inputs failed)" >&2
    "$PYTHON" "$SCORER" --gold "$gold" --inputs "$input" \
        ${floors[@]+"${floors[@]}"} ${extra[@]+"${extra[@]}"} \
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
if [ -d "$SHARED/corpus/dev2" ] && [ -d "$GOLD2" ]; then
    # Two directories of links: the tuned half and the sealed half.
    mkdir -p "$WORK/in/dev2-tuned" "$WORK/in/dev2-sealed"
    for f in "$SHARED"/corpus/dev2/e[0-9][0-9].txt; do
        n=$(basename "$f" .txt); n=${n#e}
        if [ "$((10#$n))" -le 30 ]; then
            ln -s "$f" "$WORK/in/dev2-tuned/"
        else
            ln -s "$f" "$WORK/in/dev2-sealed/"
        fi
    done
    echo
    score_set dev2 "$WORK/in/dev2-tuned" "$GOLD2" dev2 || rc=1
    echo
    echo "(sealed: aggregate figures only, no floors; never tune on these)"
    score_set dev2-sealed "$WORK/in/dev2-sealed" "$GOLD2" - || rc=1
else
    echo "note: no second development set in $SHARED/corpus/dev2" >&2
fi
exit "$rc"
