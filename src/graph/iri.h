/* Minting IRIs: every resource bayan names is the base IRI the user chose
 * followed by a path made from the thing's content (state/IQ,
 * meeting/2017-03-22-washington), so that IRIs are stable across runs. */
#ifndef BAYAN_GRAPH_IRI_H
#define BAYAN_GRAPH_IRI_H

/** A new string: base followed by path; NULL when out of memory. The
 *  caller frees it. */
char *iri_mint(const char *base, const char *path);

#endif
