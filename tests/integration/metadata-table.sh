#!/usr/bin/env bash
# The metadata table through the CLI (bayan --metadata FILE): each input's
# publication date, URL and outlet reach the graph, the text's relative
# dates resolve against that date, an HTML page's own metas are read, and
# a bad table stops the run with exit 2 and names its file and line. The
# articles are composed for the test.
set -euo pipefail

: "${BAYAN:?path to the bayan binary}"

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
has() { grep -qF -- "$2" "$1" || fail "$1 lacks: $2"; }

mkdir -p "$WORK/in/sub"
printf '%s\n' 'اجتمع وزراء خارجية التحالف في مدريد أمس لبحث التعاون.' \
    > "$WORK/in/sub/one.txt"
printf '%s\n' 'اجتمع وزراء خارجية التحالف في لشبونة يوم 3 مارس لبحث التعاون.' \
    > "$WORK/in/two.txt"
cat > "$WORK/in/three.html" <<'HTML'
<html><head><meta property="og:url" content="https://example.org/3">
<meta property="og:site_name" content="Reuters">
<meta property="article:published_time" content="2020-02-02T08:00:00Z">
</head><body><p>اجتمع وزراء خارجية التحالف في روما أمس لبحث التعاون.</p></body></html>
HTML
printf 'file\tpublished\turl\toutlet\n# a comment\nsub/one.txt\t2019-05-02\thttps://example.org/1\tرويترز\ntwo.txt\t2018-04-10\t\tDaily Planet\n' \
    > "$WORK/meta.tsv"

"$BAYAN" -q -f ntriples --metadata "$WORK/meta.tsv" -o "$WORK/out" "$WORK/in" ||
    fail "bayan exit $?"
nt=$WORK/out/graph.nt
has "$nt" '<https://schema.org/datePublished> "2019-05-02"^^<http://www.w3.org/2001/XMLSchema#date>'
has "$nt" '<https://schema.org/url> <https://example.org/1>'
has "$nt" '<https://schema.org/publisher> <https://w3id.org/bayan/id/org/reuters>'
# "أمس" counts from the table's date; a day without a year takes its year.
has "$nt" '<https://schema.org/startDate> "2019-05-01"^^<http://www.w3.org/2001/XMLSchema#date>'
has "$nt" '<https://schema.org/startDate> "2018-03-03"^^<http://www.w3.org/2001/XMLSchema#date>'
# An outlet the lexicon does not know, named by the table.
has "$nt" '<https://schema.org/publisher> <https://w3id.org/bayan/id/org/daily-planet>'
# The page's own metas (og:site_name counts when the lexicon knows it).
has "$nt" '<https://schema.org/url> <https://example.org/3>'
[ "$(grep -c '<https://schema.org/publisher> <https://w3id.org/bayan/id/org/reuters>' "$nt")" = 2 ] ||
    fail "the page's og:site_name is not its publisher"
has "$nt" '<https://schema.org/startDate> "2020-02-01"^^<http://www.w3.org/2001/XMLSchema#date>'

# Without the table, the text alone dates nothing.
"$BAYAN" -q -f ntriples -o "$WORK/plain" "$WORK/in/two.txt" || fail "bayan exit $?"
! grep -q 'startDate' "$WORK/plain/graph.nt" || fail "a date without the table"

# A bad table: exit 2, the file and line named, the outputs left alone.
printf 'file\tpublished\none.txt\t2019-02-30\n' > "$WORK/bad.tsv"
before=$(md5sum < "$nt")
rc=0
"$BAYAN" -q -f ntriples --metadata "$WORK/bad.tsv" -o "$WORK/out" "$WORK/in" \
    2> "$WORK/err" || rc=$?
[ "$rc" = 2 ] || fail "bad table: exit $rc, expected 2"
grep -q "bad.tsv:2:2:.*2019-02-30" "$WORK/err" || fail "bad table: $(cat "$WORK/err")"
[ "$(md5sum < "$nt")" = "$before" ] || fail "bad table: outputs changed"
rc=0
"$BAYAN" -q -f ntriples --metadata "$WORK/none.tsv" -o "$WORK/out" "$WORK/in" \
    2> "$WORK/err" || rc=$?
[ "$rc" = 2 ] || fail "missing table: exit $rc, expected 2"
grep -q "none.tsv" "$WORK/err" || fail "missing table not named"
echo "metadata: ok"
