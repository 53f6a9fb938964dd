/* The meetings view: what a diagram of a corpus should show a person.
 * The full view of a few dozen articles is a hairball (every article
 * mentions dozens of entities); this one keeps the meetings, what they
 * lead to, and the resolutions their statements invoke. */
#include <stdlib.h>
#include <string.h>

#include "graph/view.h"
#include "graph/vocab.h"

/* The meeting properties drawn: place, people and states around the
 * table, the statement and the resolutions. prov:wasDerivedFrom (the
 * articles) is not among them. */
static bool meeting_property(const char *p)
{
    static const char *const DRAWN[] = {
        P_LOCATION, P_CHAIR, P_HOST, P_INVITED_BY, P_ATTENDEE,
        P_NEW_MEMBER, P_ORGANIZER, P_ISSUED, P_REFERENCES,
    };
    for (size_t i = 0; i < sizeof DRAWN / sizeof *DRAWN; i++)
        if (strcmp(p, DRAWN[i]) == 0)
            return true;
    return false;
}

/* Whether edge e of the full view belongs to the meetings view: a drawn
 * property of a meeting, or a resolution a kept statement references. */
static bool edge_kept(const graph_view *full, const bayan_graph *g,
                      const view_edge *e, const bool *keep)
{
    const char *type = full->nodes[e->source].type;
    const char *p = graph_term(g, e->predicate)->value;
    if (strcmp(type, "Meeting") == 0)
        return meeting_property(p);
    return strcmp(type, "Statement") == 0 && keep[e->source] &&
           strcmp(p, P_REFERENCES) == 0;
}

/* Marks the nodes kept: meetings, then whatever their drawn edges reach.
 * A statement's resolutions count only once the statement is kept, and
 * edges are sorted by source IRI, not by meeting first: hence two
 * rounds. */
static void mark_nodes(const graph_view *full, const bayan_graph *g,
                       bool *keep)
{
    for (size_t i = 0; i < full->node_count; i++)
        keep[i] = strcmp(full->nodes[i].type, "Meeting") == 0;
    for (int round = 0; round < 2; round++)
        for (size_t i = 0; i < full->edge_count; i++)
            if (edge_kept(full, g, &full->edges[i], keep))
                keep[full->edges[i].target] = true;
}

/* Moves the kept nodes and edges of full into out, renumbered in the
 * same order (so the output still depends on content alone). */
static bayan_status take_kept(graph_view *full, const bayan_graph *g,
                              const bool *keep, graph_view *out)
{
    size_t *index = malloc((full->node_count + 1) * sizeof *index);
    out->nodes = malloc((full->node_count + 1) * sizeof *out->nodes);
    out->edges = malloc((full->edge_count + 1) * sizeof *out->edges);
    if (!index || !out->nodes || !out->edges) {
        free(index);
        return BAYAN_ERR_NOMEM;
    }
    for (size_t i = 0; i < full->node_count; i++)
        if (keep[i]) {
            index[i] = out->node_count;
            out->nodes[out->node_count++] = full->nodes[i];
        }
    for (size_t i = 0; i < full->edge_count; i++) {
        view_edge *e = &full->edges[i];
        if (!edge_kept(full, g, e, keep))
            continue;
        out->edges[out->edge_count] = *e;
        out->edges[out->edge_count].source = index[e->source];
        out->edges[out->edge_count].target = index[e->target];
        out->edge_count++;
    }
    out->curies = full->curies; /* the kept edges' curies go along */
    out->curie_predicates = full->curie_predicates;
    out->curie_count = full->curie_count;
    full->curies = NULL;
    full->curie_predicates = NULL;
    full->curie_count = 0;
    free(index);
    return BAYAN_OK;
}

bayan_status view_build_meetings(const bayan_graph *g, graph_view *out)
{
    memset(out, 0, sizeof *out);
    graph_view full;
    bayan_status st = view_build(g, &full);
    if (st != BAYAN_OK)
        return st;
    bool *keep = calloc(full.node_count + 1, sizeof *keep);
    if (keep)
        mark_nodes(&full, g, keep);
    st = keep ? take_kept(&full, g, keep, out) : BAYAN_ERR_NOMEM;
    free(keep);
    view_clear(&full);
    if (st != BAYAN_OK)
        view_clear(out);
    return st;
}
