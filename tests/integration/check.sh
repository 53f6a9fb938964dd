#!/usr/bin/env bash
# Integration checks: run the bayan CLI on the seeds and let independent
# consumers judge each output. Usage: check.sh NAME (one check per meson
# test). Exit 77 means skipped (a judge is not installed).
set -euo pipefail

: "${BAYAN:?path to the bayan binary}"
: "${SOURCE_ROOT:?path to the source tree}"
SHARED=${SHARED:-$SOURCE_ROOT/../shared}
SEEDS=$SOURCE_ROOT/seeds
NODE_CHECK=$SOURCE_ROOT/tests/oxigraph/check.js
ALL=turtle,ntriples,nquads,graphml,dot,svg

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

fail() { printf 'FAIL: %s\n' "$*" >&2; exit 1; }
skip() { printf 'SKIP: %s\n' "$*" >&2; exit 77; }
need() { command -v "$1" >/dev/null || skip "$1 is not installed"; }

# Exports the seeds (or the given inputs) into $WORK/$1 in every format.
export_seeds() {
    local dir=$WORK/$1
    shift
    "$BAYAN" -q -f "$ALL" -o "$dir" "${@:-$SEEDS}" || fail "bayan exit $?"
}

count_nt() { grep -c . "$1" || true; }

check_turtle_serdi() {
    need serdi
    export_seeds o
    local n t
    n=$(serdi -i ntriples -o ntriples "$WORK/o/graph.nt" | grep -c .) ||
        fail "serdi rejects graph.nt"
    t=$(serdi -i turtle -o ntriples "$WORK/o/graph.ttl" | grep -c .) ||
        fail "serdi rejects graph.ttl"
    [ "$n" -gt 0 ] || fail "graph.nt is empty"
    [ "$t" = "$n" ] || fail "serdi: $t triples in graph.ttl, $n in graph.nt"
    echo "serdi: $t triples"
}

check_turtle_rapper() {
    need rapper
    export_seeds o
    local t n q
    t=$(rapper -i turtle -c "$WORK/o/graph.ttl" 2>&1 | grep -o '[0-9]* triples' | grep -o '[0-9]*') ||
        fail "rapper rejects graph.ttl"
    n=$(count_nt "$WORK/o/graph.nt")
    [ "$t" = "$n" ] || fail "rapper: $t triples in graph.ttl, $n lines in graph.nt"
    q=$(rapper -i nquads -c "$WORK/o/graph.nq" 2>&1 | grep -o '[0-9]* triples' | grep -o '[0-9]*') ||
        fail "rapper rejects graph.nq"
    [ "$q" = "$(count_nt "$WORK/o/graph.nq")" ] || fail "rapper: graph.nq count"
    echo "rapper: $t triples, $q quads"
}

check_turtle_oxigraph() {
    need node
    [ -d "$SOURCE_ROOT/tests/oxigraph/node_modules/oxigraph" ] ||
        skip "oxigraph is not installed (scripts/test installs it)"
    export_seeds o
    local t n q
    t=$(node "$NODE_CHECK" "$WORK/o/graph.ttl" turtle) || fail "oxigraph rejects graph.ttl"
    n=$(node "$NODE_CHECK" "$WORK/o/graph.nt" ntriples) || fail "oxigraph rejects graph.nt"
    q=$(node "$NODE_CHECK" "$WORK/o/graph.nq" nquads) || fail "oxigraph rejects graph.nq"
    [ "$t" = "$n" ] || fail "oxigraph: $t triples in graph.ttl, $n in graph.nt"
    [ "$n" = "$(count_nt "$WORK/o/graph.nt")" ] || fail "oxigraph: graph.nt count"
    [ "$q" = "$(count_nt "$WORK/o/graph.nq")" ] || fail "oxigraph: graph.nq count"
    echo "oxigraph: $t triples, $q quads"
}

check_graphml_schema() {
    need xmllint
    [ -f "$SHARED/schemas/graphml.xsd" ] || skip "no GraphML schema in $SHARED"
    export_seeds o
    XML_CATALOG_FILES=$SHARED/schemas/catalog.xml \
        xmllint --nonet --noout --schema "$SHARED/schemas/graphml.xsd" \
        "$WORK/o/graph.graphml" || fail "graph.graphml does not validate"
}

check_graphml_networkx() {
    /usr/bin/python3 -c 'import networkx' 2>/dev/null || skip "no networkx"
    export_seeds o
    /usr/bin/python3 - "$WORK/o/graph.graphml" <<'PY' || fail "networkx"
import sys
import networkx as nx
g = nx.read_graphml(sys.argv[1])
assert g.number_of_nodes() > 0, "no nodes"
types = {d.get("type") for _, d in g.nodes(data=True)}
assert "Article" in types, types
for n, d in g.nodes(data=True):
    assert d.get("iri", "").startswith("https://"), (n, d)
    assert d.get("type"), (n, d)
    assert d.get("label"), ("a node without a label", n, d)
for u, v, d in g.edges(data=True):
    assert ":" in d.get("predicate", ""), (u, v, d)
    assert d.get("label") == d["predicate"].split(":")[1], (u, v, d)
arts = [n for n, d in g.nodes(data=True) if d["type"] == "Article"]
assert len(arts) == 5, len(arts)
# The literal facts come back typed.
meetings = [d for _, d in g.nodes(data=True) if d["type"] == "Meeting"]
assert any(isinstance(d.get("participantCount"), int) for d in meetings), meetings
assert all(isinstance(d.get("virtual", False), bool) for d in meetings)
assert all(isinstance(d.get("planned", False), bool) for d in meetings)
assert any(d.get("date") and d.get("level") for d in meetings)
states = [d for _, d in g.nodes(data=True) if d["type"] == "State"]
assert all(len(d.get("isoCode", "")) == 2 for d in states), states
assert any(d.get("jobTitle") for _, d in g.nodes(data=True) if d["type"] == "Person")
# One edge per fact: no wasDerivedFrom that mirrors a mentions.
facts = {(u, v, d["predicate"]) for u, v, d in g.edges(data=True)}
mirrored = [f for f in facts if f[2] == "prov:wasDerivedFrom"
            and (f[1], f[0], "schema:mentions") in facts]
assert not mirrored, mirrored[:3]
print(f"networkx: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, types {sorted(types)}")
PY
}

# igraph (python3-igraph) reads the same file and the same types.
check_graphml_igraph() {
    /usr/bin/python3 -c 'import igraph' 2>/dev/null || skip "no python3-igraph"
    export_seeds o
    /usr/bin/python3 - "$WORK/o/graph.graphml" <<'PY' || fail "igraph"
import sys
import igraph
g = igraph.Graph.Read_GraphML(sys.argv[1])
assert g.vcount() > 0 and g.ecount() > 0
assert all(v["label"] for v in g.vs), "a node without a label"
assert all(e["label"] for e in g.es), "an edge without a label"
meetings = g.vs.select(type_eq="Meeting")
counts = [v["participantCount"] for v in meetings if v["participantCount"] == v["participantCount"]]
assert counts and all(float(c).is_integer() and c > 0 for c in counts), counts
assert all(isinstance(v["virtual"], bool) for v in meetings), [v["virtual"] for v in meetings]
assert all(isinstance(v["planned"], bool) for v in meetings)
print(f"igraph: {g.vcount()} nodes, {g.ecount()} edges, {len(meetings)} meetings")
PY
}

check_dot() {
    need dot
    export_seeds o
    dot -Tsvg "$WORK/o/graph.dot" -o "$WORK/layout.svg" || fail "dot rejects graph.dot"
    if command -v acyclic >/dev/null; then
        local rc=0
        acyclic -n "$WORK/o/graph.dot" || rc=$?
        [ "$rc" -ne 255 ] || fail "acyclic: syntax error in graph.dot"
    fi
    echo "dot: graph.dot lays out"
}

check_svg() {
    need xmllint
    export_seeds o
    xmllint --nonet --noout "$WORK/o/graph.svg" || fail "graph.svg is not XML"
    grep -q '<svg' "$WORK/o/graph.svg" || fail "graph.svg has no <svg>"
    # Real text (searchable, selectable) and links, not painted glyphs.
    grep -q '<text[^>]*>[^<]*روما' "$WORK/o/graph.svg" || fail "no Arabic <text> in graph.svg"
    grep -q '<a xlink:href="https://w3id.org/bayan/id/' "$WORK/o/graph.svg" ||
        fail "no <a> link to an IRI in graph.svg"
    grep -q '<title>' "$WORK/o/graph.svg" || fail "no tooltip in graph.svg"
}

# DOT and SVG draw the meetings by default; --view full draws everything.
check_meetings_view() {
    export_seeds o
    "$BAYAN" -q -f dot --view full -o "$WORK/full" "$SEEDS" || fail "bayan exit $?"
    local meet full
    grep -q 'meeting/' "$WORK/o/graph.dot" || fail "no meeting in the default diagram"
    ! grep -q '"https://w3id.org/bayan/id/article/' "$WORK/o/graph.dot" ||
        fail "articles drawn in the meetings view"
    ! grep -q 'schema:mentions' "$WORK/o/graph.dot" || fail "mentions drawn in the meetings view"
    grep -q 'bayan:chair' "$WORK/o/graph.dot" || fail "no chair in the meetings view"
    grep -q 'bayan:references' "$WORK/o/graph.dot" || fail "no resolution in the meetings view"
    grep -q 'Ministerial' "$WORK/o/graph.dot" || fail "no level in a meeting's label"
    grep -q '"https://w3id.org/bayan/id/article/' "$WORK/full/graph.dot" ||
        fail "--view full leaves the articles out"
    meet=$(grep -c -- '->' "$WORK/o/graph.dot")
    full=$(grep -c -- '->' "$WORK/full/graph.dot")
    [ "$meet" -lt "$full" ] || fail "meetings view $meet edges, full $full"
    "$BAYAN" -q -f dot --view nonsense -o "$WORK/x" "$SEEDS" 2>/dev/null && fail "--view nonsense accepted"
    echo "meetings view: $meet edges (full: $full)"
}

check_sparql_roqet() {
    need roqet
    export_seeds o
    local out expected
    # roqet exits 2 on warnings (it warns on aggregates), so plain queries.
    out=$(roqet -q -r csv -D "$WORK/o/graph.ttl" -e '
        PREFIX bayan: <https://w3id.org/bayan/ontology#>
        SELECT ?file WHERE { ?a a bayan:Article ; bayan:sourceFile ?file }
        ORDER BY ?file') || fail "roqet failed on the articles query"
    expected=$(printf 'file\n'; ls "$SEEDS" | sed 's/$//')
    [ "$(printf '%s\n' "$out" | tr -d '\r"')" = "$expected" ] ||
        fail "articles query: got [$out]"
    # Which states does each article mention? Every seed names Iraq.
    out=$(roqet -q -r csv -D "$WORK/o/graph.ttl" -e '
        PREFIX bayan: <https://w3id.org/bayan/ontology#>
        PREFIX schema: <https://schema.org/>
        SELECT DISTINCT ?file WHERE {
          ?a bayan:sourceFile ?file ; schema:mentions ?s .
          ?s a bayan:State ; bayan:isoCode "IQ" }') ||
        fail "roqet failed on the states query"
    [ "$(printf '%s\n' "$out" | grep -c '\.txt')" = 5 ] ||
        fail "expected all 5 seeds to mention Iraq: [$out]"
    echo "roqet: ok"
}

# Identical inputs give byte-identical files, whatever their order.
check_deterministic() {
    local files=("$SEEDS"/*.txt) reversed=() i
    for ((i = ${#files[@]} - 1; i >= 0; i--)); do reversed+=("${files[i]}"); done
    export_seeds a "${files[@]}"
    export_seeds b "${reversed[@]}"
    export_seeds c "$SEEDS"
    for f in "$WORK"/a/graph.*; do
        cmp "$f" "$WORK/b/$(basename "$f")" || fail "$(basename "$f") depends on input order"
        cmp "$f" "$WORK/c/$(basename "$f")" || fail "$(basename "$f") differs between runs"
    done
    # A bigger drawing (seeds and dev set): Graphviz and cairo once let the
    # last digit of a coordinate vary between runs.
    local dev=$SHARED/corpus/dev
    if [ -d "$dev" ]; then
        "$BAYAN" -q -f svg -o "$WORK/d1" "$SEEDS" "$dev" || fail "bayan exit $?"
        "$BAYAN" -q -f svg -o "$WORK/d2" "$SEEDS" "$dev" || fail "bayan exit $?"
        cmp "$WORK/d1/graph.svg" "$WORK/d2/graph.svg" ||
            fail "graph.svg of seeds and dev differs between runs"
    fi
    echo "deterministic: $(ls "$WORK"/a | tr '\n' ' ')"
}

# The mentioned entities of an N-Triples file, one IRI a line, sorted.
mentioned() {
    grep '<https://schema.org/mentions>' "$1" | awk '{print $3}' | sort -u
}

# Each seed read as UTF-8 with a BOM, UTF-16, windows-1256, CRLF and CR-only
# gives the same graph (but for bayan:sourceFile); wrapped in HTML or with
# web debris injected (ZWJ, bidi marks, tatweel inside words, #x200d;
# residue) it mentions the same entities.
check_variants() {
    need iconv
    local seed name v
    for seed in "$SEEDS"/*.txt; do
        name=$(basename "$seed" .txt)
        mkdir -p "$WORK/v/$name"
        cp "$seed" "$WORK/v/$name/plain.txt"
        { printf '\xef\xbb\xbf'; cat "$seed"; } > "$WORK/v/$name/bom.txt"
        iconv -f UTF-8 -t UTF-16 "$seed" > "$WORK/v/$name/utf16.txt"
        iconv -f UTF-8 -t WINDOWS-1256 "$seed" > "$WORK/v/$name/cp1256.txt" 2>/dev/null ||
            rm -f "$WORK/v/$name/cp1256.txt"
        tr '\n' '\r' < "$seed" > "$WORK/v/$name/cr.txt"
        /usr/bin/python3 - "$seed" "$WORK/v/$name" <<'PY'
import html, sys
text = open(sys.argv[1], encoding="utf-8", newline="").read()
open(sys.argv[2] + "/crlf.txt", "w", encoding="utf-8", newline="").write(
    text.replace("\n", "\r\n"))
body = "".join(f"<p>{html.escape(p)}</p>\n" for p in text.split("\n") if p.strip())
open(sys.argv[2] + "/wrapped.html", "w", encoding="utf-8").write(
    "<!DOCTYPE html><html><head><title>t</title><script>var a=1;</script>"
    "</head><body><nav>menu</nav>" + body + "<footer>f</footer></body></html>")
# Debris: ZWJ and RLM between letters, tatweel inside words, #x200d; residue
out = []
for i, ch in enumerate(text):
    out.append(ch)
    if "\u0621" <= ch <= "\u064a" and i % 7 == 3:
        out.append(["\u200d", "\u200f", "\u0640", "#x200d;"][i % 4]
                   if i % 4 != 3 else "")
open(sys.argv[2] + "/debris.txt", "w", encoding="utf-8").write("".join(out))
PY
        for v in "$WORK/v/$name"/*; do
            "$BAYAN" -q -f ntriples -o "$WORK/v/$name/out-$(basename "$v")" "$v" ||
                fail "$v: bayan exit $?"
        done
        local ref="$WORK/v/$name/out-plain.txt/graph.nt"
        [ -n "$(mentioned "$ref")" ] || fail "$name: no mention at all"
        for v in bom.txt utf16.txt cp1256.txt crlf.txt cr.txt; do
            [ -d "$WORK/v/$name/out-$v" ] || continue
            diff <(grep -v sourceFile "$ref") \
                 <(grep -v sourceFile "$WORK/v/$name/out-$v/graph.nt") >/dev/null ||
                fail "$name: the $v variant gives another graph"
        done
        for v in wrapped.html debris.txt; do
            diff <(mentioned "$ref") <(mentioned "$WORK/v/$name/out-$v/graph.nt") ||
                fail "$name: the $v variant mentions other entities"
        done
    done
    echo "variants: $(ls "$SEEDS" | wc -l) seeds x 8 variants agree"
}

# Exit statuses and messages of the CLI.
check_cli() {
    local rc
    "$BAYAN" --help | grep -q 'Usage: bayan' || fail "--help"
    "$BAYAN" --version | grep -q '^bayan [0-9]' || fail "--version"
    rc=0; "$BAYAN" -f nosuchformat -o "$WORK/x" "$SEEDS" 2>"$WORK/err" || rc=$?
    [ "$rc" = 2 ] || fail "unknown format: exit $rc, expected 2"
    grep -q nosuchformat "$WORK/err" || fail "unknown format not named"
    rc=0; "$BAYAN" --no-such-option 2>/dev/null || rc=$?
    [ "$rc" = 2 ] || fail "unknown option: exit $rc, expected 2"
    # A missing input fails, is named, and the others are still exported.
    rc=0; "$BAYAN" -f ntriples -o "$WORK/m" "$WORK/missing.txt" "$SEEDS" 2>"$WORK/err" || rc=$?
    [ "$rc" = 1 ] || fail "missing input: exit $rc, expected 1"
    grep -q "missing.txt" "$WORK/err" || fail "missing input not named"
    [ "$(grep -c 'bayan/ontology#Article>' "$WORK/m/graph.nt")" -ge 5 ] ||
        fail "other inputs not exported"
    # Standard input.
    "$BAYAN" -q -f ntriples -o "$WORK/s" - < "${SEEDS}/$(ls "$SEEDS" | head -n 1)" ||
        fail "stdin"
    grep -q '"[^"]*\.txt"\|"<stdin>"' "$WORK/s/graph.nt" || fail "stdin source file"
    # No temporary files are left beside the outputs.
    [ -z "$(ls -A "$WORK/m" | grep -v '^graph\.nt$')" ] || fail "stray files in output dir"
    echo "cli: ok"
}

name=${1:?check name}
"check_${name//-/_}"
