// Loads an RDF file into Oxigraph, the strictest parser at hand (it passes
// the whole W3C test suite), and prints the number of quads; with a SPARQL
// query as third argument, prints the query's results as CSV-ish lines.
// Usage: node check.js FILE (turtle|ntriples|nquads) [QUERY]
'use strict';
const fs = require('fs');
const ox = require('oxigraph');

const MIME = {
  turtle: 'text/turtle',
  ntriples: 'application/n-triples',
  nquads: 'application/n-quads',
};

const [file, format, query] = process.argv.slice(2);
if (!file || !MIME[format]) {
  console.error('usage: node check.js FILE (turtle|ntriples|nquads) [QUERY]');
  process.exit(2);
}
const store = new ox.Store();
try {
  // A Buffer, not a string: Oxigraph must see the bytes as written.
  store.load(fs.readFileSync(file), { format: MIME[format] });
} catch (err) {
  console.error(`${file}: ${err}`);
  process.exit(1);
}
if (!query) {
  console.log(store.size);
} else {
  for (const row of store.query(query)) {
    const cells = [];
    for (const [name, value] of row) cells.push(`${name}=${value.value}`);
    console.log(cells.sort().join(','));
  }
}
