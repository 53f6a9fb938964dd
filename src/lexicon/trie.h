/* A token trie: maps sequences of tokens (byte strings) to a value, so that
 * following one token costs a hash look-up whatever the number of keys.
 *
 * Tokens are interned once (trie_intern at build time, trie_token when
 * matching); an edge is a (node, token) pair in one hash table. A token is
 * given in two pieces (a, b) that are hashed and compared as their
 * concatenation, so that a caller can prepend a separator or a restored
 * article without copying. */
#ifndef BAYAN_TRIE_H
#define BAYAN_TRIE_H

#include <stddef.h>
#include <stdint.h>

#include "bayan/bayan.h"

typedef struct token_trie token_trie;

/** A node; TRIE_ROOT is the empty sequence, TRIE_DEAD no node at all. */
typedef uint32_t trie_node;
#define TRIE_ROOT ((trie_node)0)
#define TRIE_DEAD ((trie_node)UINT32_MAX)

/** An interned token; TRIE_NO_TOKEN for a string never interned. */
typedef uint32_t trie_token_id;
#define TRIE_NO_TOKEN ((trie_token_id)UINT32_MAX)

/** One piece of a token's bytes (not NUL-terminated). */
typedef struct trie_piece {
    const char *s;
    size_t len;
} trie_piece;

/** A new, empty trie (only the root); NULL when out of memory. Free with
 *  trie_free. */
token_trie *trie_new(void);
void trie_free(token_trie *t);

/** Interns the token a + b; *id receives its id. */
bayan_status trie_intern(token_trie *t, trie_piece a, trie_piece b,
                         trie_token_id *id);

/** The id of the token a + b, or TRIE_NO_TOKEN. */
trie_token_id trie_token(const token_trie *t, trie_piece a, trie_piece b);

/** The child of from along tok, created when missing (*to receives it). */
bayan_status trie_grow(token_trie *t, trie_node from, trie_token_id tok,
                       trie_node *to);

/** The child of from along tok, or TRIE_DEAD (from may be TRIE_DEAD). */
trie_node trie_step(const token_trie *t, trie_node from, trie_token_id tok);

/** The value stored at node (0: none). */
uint32_t trie_value(const token_trie *t, trie_node node);
void trie_set_value(token_trie *t, trie_node node, uint32_t value);

/** Sizes, for tests and benchmarks. */
size_t trie_node_count(const token_trie *t);
size_t trie_token_count(const token_trie *t);

#endif
