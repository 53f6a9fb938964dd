// A SPARQL endpoint over one RDF file, served by Oxigraph, so that tests
// query a real triple store over the SPARQL 1.1 Protocol (HTTP) rather than
// a parser. Read-only; listens on 127.0.0.1 only.
// Usage: node server.js FILE (turtle|ntriples|nquads) [PORT]
//   PORT 0 (the default) picks a free port. Once the file is loaded, the
//   port is printed on standard output as "listening PORT".
// Endpoint: GET /query?query=... or POST /query with a body of type
// application/sparql-query or application/x-www-form-urlencoded (query=...).
// The Accept header picks the results format: text/csv,
// text/tab-separated-values, or (default) application/sparql-results+json.
'use strict';
const fs = require('fs');
const http = require('http');
const ox = require('oxigraph');

const MIME = {
  turtle: 'text/turtle',
  ntriples: 'application/n-triples',
  nquads: 'application/n-quads',
};
const RESULTS = [
  ['text/csv', 'csv'],
  ['text/tab-separated-values', 'tsv'],
  ['application/sparql-results+json', 'json'],
];

const [file, format, portArg] = process.argv.slice(2);
if (!file || !MIME[format]) {
  console.error('usage: node server.js FILE (turtle|ntriples|nquads) [PORT]');
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

function resultsFormat(accept) {
  for (const [mime, name] of RESULTS)
    if ((accept || '').includes(mime)) return [mime, name];
  return RESULTS[2];
}

function answer(res, query, accept) {
  const [mime, name] = resultsFormat(accept);
  let body;
  try {
    body = store.query(query, { results_format: name });
  } catch (err) {
    res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`${err}\n`);
    return;
  }
  if (typeof body !== 'string') {
    // CONSTRUCT/DESCRIBE give quads: answer them as N-Triples.
    res.writeHead(200, { 'Content-Type': 'application/n-triples' });
    res.end(body.map((q) => `${q.toString()} .\n`).join(''));
    return;
  }
  res.writeHead(200, { 'Content-Type': `${mime}; charset=utf-8` });
  res.end(body);
}

function queryOf(req, body) {
  const url = new URL(req.url, 'http://localhost');
  if (req.method === 'GET') return url.searchParams.get('query');
  const type = (req.headers['content-type'] || '').split(';')[0].trim();
  if (type === 'application/sparql-query') return body;
  if (type === 'application/x-www-form-urlencoded')
    return new URLSearchParams(body).get('query');
  return null;
}

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    if (new URL(req.url, 'http://localhost').pathname !== '/query') {
      res.writeHead(404);
      res.end();
      return;
    }
    const query = queryOf(req, Buffer.concat(chunks).toString('utf8'));
    if (!query) {
      res.writeHead(400, { 'Content-Type': 'text/plain' });
      res.end('no query\n');
      return;
    }
    answer(res, query, req.headers.accept);
  });
});
server.listen(Number(portArg || 0), '127.0.0.1', () => {
  console.log(`listening ${server.address().port}`);
});
// Stopped by a signal: nothing to flush, so exit at once.
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => process.exit(0));
