/* DOT through cgraph's agwrite and SVG rendered by gvc, both drawn from the
 * property-graph view (view.h). */
#include "export/export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "core/membuf.h"
#include "core/utf8.h"
#include "graph/view.h"

/* Fonts: Noto (fonts-noto-core) shapes Arabic; fontconfig falls back to
 * another family for Latin letters. */
#define DOT_FONT "Noto Sans Arabic"

/* `dot` takes minutes on some graphs of a hundred nodes (pitfalls.md),
 * sfdp well under a second on thousands. dot is used when the graph has at
 * most DOT_MAX_NODES nodes and its estimated size after ranking (see
 * dot_cost) is at most DOT_MAX_COST. */
#define DOT_MAX_NODES 300
#define DOT_MAX_COST 2500

/* A drawing is no place for a whole paragraph: each label line keeps at
 * most this many code points, then an ellipsis. */
#define DOT_LABEL_MAX_CHARS 80

/* How each entity class is drawn. */
typedef struct class_style {
    const char *type; /**< the class's local name, as view_node.type */
    const char *shape;
    const char *fill;
} class_style;

static const class_style CLASS_STYLES[] = {
    {"Article", "note", "#fff2cc"},
    {"Meeting", "doubleoctagon", "#f4cccc"},
    {"State", "box", "#cfe2f3"},
    {"City", "house", "#d9ead3"},
    {"Person", "ellipse", "#fce5cd"},
    {"Organization", "component", "#d9d2e9"},
    {"Resolution", "tab", "#ead1dc"},
    {"Statement", "cds", "#e6e6e6"},
};
#define CLASS_STYLE_COUNT (sizeof CLASS_STYLES / sizeof CLASS_STYLES[0])

static const class_style DEFAULT_STYLE = {"", "ellipse", "#ffffff"};

static const class_style *style_of(const char *type)
{
    for (size_t i = 0; i < CLASS_STYLE_COUNT; i++)
        if (type && strcmp(CLASS_STYLES[i].type, type) == 0)
            return &CLASS_STYLES[i];
    return &DEFAULT_STYLE;
}

/* ------------------------------------------------------------------------ */
/* Label text                                                               */

/* Appends text to b as the body of a DOT escString. In a label a backslash
 * starts an escape (\n, \l, \N, \G ...), so every backslash is doubled:
 * that also keeps every run of backslashes even, which is what makes
 * agwrite's output parse again (it escapes '"' but never '\', so an odd
 * run before the closing quote would swallow it). Raw CR, LF and TAB
 * become spaces and other control characters are dropped, so that the
 * only line break is the one dot_label puts in on purpose. */
static bool append_label_text(membuf *b, const char *text)
{
    size_t chars = 0;
    bool ok = true;
    for (const unsigned char *s = (const unsigned char *)text; *s && ok; s++) {
        if ((*s & 0xC0) != 0x80 && chars++ == DOT_LABEL_MAX_CHARS)
            return membuf_write(b, "\xE2\x80\xA6", 3); /* U+2026 */
        if (*s == '\\')
            ok = membuf_write(b, "\\\\", 2);
        else if (*s == '\r' || *s == '\n' || *s == '\t')
            ok = membuf_write(b, " ", 1);
        else if (*s >= 0x20 && *s != 0x7F)
            ok = membuf_write(b, s, 1);
    }
    return ok;
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

/* A new string: the last path segment of iri, percent-decoded when that
 * gives valid UTF-8 (graph.c percent-encodes every non-ASCII byte, so an
 * Arabic slug would otherwise show as %D8%...), else as written. */
static char *iri_display_name(const char *iri)
{
    const char *seg = iri;
    for (const char *p = iri; *p; p++)
        if ((*p == '/' || *p == '#') && p[1])
            seg = p + 1;
    size_t n = strlen(seg);
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        int hi = seg[i] == '%' && i + 2 < n ? hex_value(seg[i + 1]) : -1;
        int lo = hi >= 0 ? hex_value(seg[i + 2]) : -1;
        if (lo >= 0) {
            out[k++] = (char)(hi * 16 + lo);
            i += 2;
        } else {
            out[k++] = seg[i];
        }
    }
    out[k] = '\0';
    uint32_t cp;
    for (size_t i = 0; i < k;) {
        size_t used = utf8_decode((const unsigned char *)out + i, k - i, &cp);
        if (used == 0 || cp == 0) {
            memcpy(out, seg, n + 1);
            break;
        }
        i += used;
    }
    return out;
}

/* A meeting's date, level and participant count on a line of their own
 * ("2021-06-28 · Ministerial · 81 participants"), where known. */
static bool append_meeting_line(membuf *b, const view_node *n)
{
    const view_facts *f = &n->facts;
    const char *parts[3] = {f->date, f->level, f->participants};
    bool ok = true, first = true;
    for (size_t i = 0; ok && i < 3; i++) {
        if (!parts[i] || strcmp(n->type, "Meeting") != 0)
            continue;
        ok = membuf_write(b, first ? "\\n" : " \xC2\xB7 ", first ? 2 : 4) &&
             append_label_text(b, parts[i]) &&
             (i < 2 || membuf_write(b, " participants", 13));
        first = false;
    }
    return ok;
}

/* A new escString: "ar\nen", either alone, or the IRI's last segment;
 * a meeting's date and level beneath. */
static char *dot_label(const view_node *n, const char *iri)
{
    const char *ar = n->label_ar && *n->label_ar ? n->label_ar : NULL;
    const char *en = n->label_en && *n->label_en ? n->label_en : NULL;
    membuf b = {0};
    bool ok = true;
    if (ar || en) {
        if (ar)
            ok = append_label_text(&b, ar);
        if (ok && ar && en)
            ok = membuf_write(&b, "\\n", 2);
        if (ok && en)
            ok = append_label_text(&b, en);
    } else {
        char *name = iri_display_name(iri);
        ok = name && append_label_text(&b, name);
        free(name);
    }
    if (ok)
        ok = append_meeting_line(&b, n);
    if (ok && !b.data)
        ok = membuf_write(&b, "", 0);
    if (!ok) {
        free(b.data);
        return NULL;
    }
    return b.data;
}

/* ------------------------------------------------------------------------ */
/* Choosing the layout engine                                               */

typedef struct rank_edge {
    size_t tail, head, order; /**< order: the tail's place in topo order */
} rank_edge;

static int compare_rank_edges(const void *a, const void *b)
{
    const rank_edge *x = a, *y = b;
    return (x->order > y->order) - (x->order < y->order);
}

/* Scratch arrays of dot_cost, one per node or per edge. */
typedef struct rank_work {
    size_t *first;        /**< first[u]..first[u+1]: u's outgoing edges */
    size_t *next;         /**< the next edge of u to visit */
    size_t *stack;        /**< the open nodes of the search */
    size_t *topo;         /**< nodes in topological order */
    size_t *rank;
    unsigned char *state; /**< 0 unseen, 1 open, 2 finished */
    bool *back;           /**< edges that close a cycle */
    rank_edge *dag;       /**< edges with back edges turned round */
} rank_work;

/* Depth-first search from every node in view order: marks the edges that
 * close a cycle (dot turns those round) and fills topo[] in reverse
 * finishing order. */
static void find_back_edges(const graph_view *v, rank_work *w)
{
    size_t done = v->node_count;
    for (size_t root = 0; root < v->node_count; root++) {
        if (w->state[root])
            continue;
        size_t depth = 0;
        w->stack[depth++] = root;
        w->state[root] = 1;
        w->next[root] = w->first[root];
        while (depth) {
            size_t u = w->stack[depth - 1];
            if (w->next[u] == w->first[u + 1]) {
                w->state[u] = 2;
                w->topo[--done] = u;
                depth--;
                continue;
            }
            size_t e = w->next[u]++;
            size_t t = v->edges[e].target;
            if (w->state[t] == 1) {
                w->back[e] = true;
            } else if (w->state[t] == 0) {
                w->state[t] = 1;
                w->next[t] = w->first[t];
                w->stack[depth++] = t;
            }
        }
    }
}

/* Longest-path ranks over the acyclic edges, relaxed in topological order
 * of their tails; returns the node count plus the nodes dot would add:
 * an edge spanning k ranks gets 2k - 1 (edge labels double the ranks). */
static size_t rank_cost(const graph_view *v, rank_work *w)
{
    size_t *pos = w->next; /* free again: each node's topo position */
    for (size_t i = 0; i < v->node_count; i++)
        pos[w->topo[i]] = i;
    size_t m = 0;
    for (size_t e = 0; e < v->edge_count; e++) {
        size_t t = v->edges[e].source, h = v->edges[e].target;
        if (t == h)
            continue;
        if (w->back[e]) {
            size_t swap = t;
            t = h;
            h = swap;
        }
        w->dag[m++] = (rank_edge){t, h, pos[t]};
    }
    qsort(w->dag, m, sizeof *w->dag, compare_rank_edges);
    for (size_t i = 0; i < m; i++)
        if (w->rank[w->dag[i].head] < w->rank[w->dag[i].tail] + 1)
            w->rank[w->dag[i].head] = w->rank[w->dag[i].tail] + 1;
    size_t cost = v->node_count;
    for (size_t i = 0; i < m; i++)
        cost += 2 * (w->rank[w->dag[i].head] - w->rank[w->dag[i].tail]) - 1;
    return cost;
}

/* Whether `dot` can lay v out quickly: few nodes, and few ranks crossed by
 * the edges (long cycles make dot add a node per rank an edge crosses,
 * and its crossing minimisation grows much faster than that count). */
static bool fits_dot(const graph_view *v)
{
    size_t n = v->node_count, m = v->edge_count;
    if (n > DOT_MAX_NODES)
        return false;
    rank_work w = {
        calloc(n + 1, sizeof(size_t)), calloc(n + 1, sizeof(size_t)),
        calloc(n + 1, sizeof(size_t)), calloc(n + 1, sizeof(size_t)),
        calloc(n + 1, sizeof(size_t)), calloc(n + 1, 1),
        calloc(m + 1, sizeof(bool)),   calloc(m + 1, sizeof(rank_edge)),
    };
    bool fits = false;
    if (w.first && w.next && w.stack && w.topo && w.rank && w.state &&
        w.back && w.dag) {
        for (size_t e = 0, u = 0; u <= n; u++) {
            while (e < m && v->edges[e].source < u)
                e++;
            w.first[u] = e;
        }
        find_back_edges(v, &w);
        fits = rank_cost(v, &w) <= DOT_MAX_COST;
    }
    free(w.first);
    free(w.next);
    free(w.stack);
    free(w.topo);
    free(w.rank);
    free(w.state);
    free(w.back);
    free(w.dag);
    return fits;
}

/* ------------------------------------------------------------------------ */
/* Building the cgraph graph                                                */

/* The attributes every node and edge carries, declared once with their
 * defaults so that they are written in a fixed order. */
typedef struct dot_syms {
    Agsym_t *label, *shape, *fill, *tooltip, *url;
    Agsym_t *edge_label, *edge_tooltip;
} dot_syms;

static void declare_graph_attrs(Agraph_t *ag, bool use_dot)
{
    agattr(ag, AGRAPH, "charset", "UTF-8");
    agattr(ag, AGRAPH, "fontname", DOT_FONT);
    /* `layout` is read by gvLayoutJobs, so `dot -Tsvg graph.dot` also
     * picks sfdp for a large graph. */
    agattr(ag, AGRAPH, "layout", use_dot ? "dot" : "sfdp");
    if (use_dot)
        agattr(ag, AGRAPH, "rankdir", "LR");
    else
        agattr(ag, AGRAPH, "overlap", "prism");
}

static bool declare_attrs(Agraph_t *ag, bool use_dot, dot_syms *s)
{
    declare_graph_attrs(ag, use_dot);
    agattr(ag, AGNODE, "fontname", DOT_FONT);
    agattr(ag, AGNODE, "style", "filled");
    s->shape = agattr(ag, AGNODE, "shape", "ellipse");
    s->fill = agattr(ag, AGNODE, "fillcolor", "#ffffff");
    s->label = agattr(ag, AGNODE, "label", "\\N");
    s->tooltip = agattr(ag, AGNODE, "tooltip", "");
    s->url = agattr(ag, AGNODE, "URL", "");
    agattr(ag, AGEDGE, "fontname", DOT_FONT);
    agattr(ag, AGEDGE, "fontsize", "10");
    s->edge_label = agattr(ag, AGEDGE, "label", "");
    s->edge_tooltip = agattr(ag, AGEDGE, "tooltip", "");
    return s->shape && s->fill && s->label && s->tooltip && s->url &&
           s->edge_label && s->edge_tooltip;
}

/* One cgraph node per view node, in view order (agwrite writes nodes in
 * creation order). IRIs hold no backslash or quote (graph.c
 * percent-encodes them), so they can go to agwrite as they are. */
static bool add_node(Agraph_t *ag, const dot_syms *s, const view_node *n,
                     const char *iri, Agnode_t **out)
{
    const class_style *style = style_of(n->type);
    char *label = dot_label(n, iri);
    Agnode_t *an = label ? agnode(ag, (char *)iri, 1) : NULL;
    bool ok = an && agxset(an, s->label, label) == 0 &&
              agxset(an, s->shape, (char *)style->shape) == 0 &&
              agxset(an, s->fill, (char *)style->fill) == 0 &&
              agxset(an, s->tooltip, (char *)iri) == 0 &&
              agxset(an, s->url, (char *)iri) == 0;
    free(label);
    *out = an;
    return ok;
}

/* An arrow for edge e. A NULL name in a non-strict graph makes a new
 * edge every time, so two predicates between one pair both show. In the
 * meetings view (merge), a second property between the same two (a
 * meeting's location and host, say) joins the first one's label,
 * "schema:location, bayan:host", rather than draw a parallel arrow; the
 * view's edges come in (source, predicate, target) order, so the label
 * depends on content alone. */
static bool add_edge(Agraph_t *ag, const dot_syms *s, const view_edge *e,
                     Agnode_t **nodes, bool merge)
{
    Agedge_t *ae = merge ? agedge(ag, nodes[e->source], nodes[e->target],
                                  NULL, 0)
                         : NULL;
    if (ae && agtail(ae) != nodes[e->source])
        ae = NULL; /* the edge found runs the other way */
    if (!ae) {
        ae = agedge(ag, nodes[e->source], nodes[e->target], NULL, 1);
        char *curie = (char *)e->curie; /* cgraph copies it, unchanged */
        return ae && agxset(ae, s->edge_label, curie) == 0 &&
               agxset(ae, s->edge_tooltip, curie) == 0;
    }
    const char *first = agxget(ae, s->edge_label);
    membuf b = {0};
    bool ok = membuf_write(&b, first, strlen(first)) &&
              membuf_write(&b, ", ", 2) &&
              membuf_write(&b, e->curie, strlen(e->curie) + 1) &&
              agxset(ae, s->edge_label, b.data) == 0 &&
              agxset(ae, s->edge_tooltip, b.data) == 0;
    free(b.data);
    return ok;
}

/* A new cgraph graph holding the view, or NULL when out of memory. disc
 * must outlive the graph. */
static Agraph_t *build_graph(const graph_view *v, const bayan_graph *g,
                             bool use_dot, bool merge, Agdisc_t *disc)
{
    Agraph_t *ag = agopen("bayan", Agdirected, disc);
    dot_syms s;
    Agnode_t **nodes = calloc(v->node_count ? v->node_count : 1,
                              sizeof *nodes);
    bool ok = ag && nodes && declare_attrs(ag, use_dot, &s);
    for (size_t i = 0; ok && i < v->node_count; i++)
        ok = add_node(ag, &s, &v->nodes[i],
                      graph_term(g, v->nodes[i].iri)->value, &nodes[i]);
    for (size_t i = 0; ok && i < v->edge_count; i++)
        ok = add_edge(ag, &s, &v->edges[i], nodes, merge);
    free(nodes);
    if (!ok && ag) {
        agclose(ag);
        ag = NULL;
    }
    return ag;
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                  */

/* The channel agwrite writes to (its `void *chan`). */
typedef struct dot_channel {
    bayan_write_fn write;
    void *user;
    bool failed;
} dot_channel;

/* EOF stops agwrite at the first failed write (it checks every putstr). */
static int channel_putstr(void *chan, const char *str)
{
    dot_channel *c = chan;
    if (!c->failed && !c->write(c->user, str, strlen(str)))
        c->failed = true;
    return c->failed ? EOF : 0;
}

static int channel_flush(void *chan)
{
    (void)chan;
    return 0;
}

static int channel_read(void *chan, char *buf, int bufsize)
{
    (void)chan;
    (void)buf;
    (void)bufsize;
    return 0; /* never read from */
}

static bayan_status write_dot(Agraph_t *ag, dot_channel *chan)
{
    if (agwrite(ag, chan) == EOF)
        return chan->failed ? BAYAN_ERR_IO : BAYAN_ERR_INTERNAL;
    /* agwrite ends the file without a line break. */
    channel_putstr(chan, "\n");
    return chan->failed ? BAYAN_ERR_IO : BAYAN_OK;
}

/* Writes the decimal number at data[i..] (digits '.' digits) rounded to
 * two places; *next receives where it ends. */
static bool put_rounded(membuf *b, const char *data, size_t len, size_t i,
                        size_t *next)
{
    size_t j = i;
    while (j < len && data[j] >= '0' && data[j] <= '9')
        j++;
    size_t dot = j++;
    while (j < len && data[j] >= '0' && data[j] <= '9')
        j++;
    *next = j;
    char num[64], out[64];
    if (j - dot <= 3 || j - i >= sizeof num) /* two places already */
        return membuf_write(b, data + i, j - i);
    memcpy(num, data + i, j - i);
    num[j - i] = '\0';
    int n = snprintf(out, sizeof out, "%.2f", strtod(num, NULL));
    return n > 0 && membuf_write(b, out, (size_t)n);
}

/* The SVG cairo wrote, made the same on every run:
 *  - cairo numbers its surfaces with a process-wide counter and writes the
 *    number into the SVG (<g id="surfaceN">, referred to nowhere else): it
 *    becomes 1;
 *  - the last digit of a coordinate can differ between two runs on the
 *    same input (720.039062 / 720.039063: Graphviz's layout and cairo's
 *    fixed point), so numbers inside tags are rounded to two places, a
 *    hundredth of a point. Text is drawn as glyphs, so no label is
 *    touched. */
static bool write_cairo_svg(dot_channel *chan, const char *data, size_t len)
{
    static const char key[] = "<g id=\"surface";
    const size_t key_len = sizeof key - 1;
    membuf b = {0};
    bool ok = true, in_tag = false, surface_done = false;
    for (size_t i = 0; ok && i < len;) {
        char c = data[i];
        if (!surface_done && c == '<' && len - i >= key_len &&
            memcmp(data + i, key, key_len) == 0) {
            ok = membuf_write(&b, key, key_len) && membuf_write(&b, "1", 1);
            for (i += key_len; i < len && data[i] >= '0' && data[i] <= '9';)
                i++;
            in_tag = surface_done = true;
            continue;
        }
        if (in_tag && c >= '0' && c <= '9' &&
            (i == 0 || !(data[i - 1] >= '0' && data[i - 1] <= '9'))) {
            size_t j = i;
            while (j < len && data[j] >= '0' && data[j] <= '9')
                j++;
            if (j + 1 < len && data[j] == '.' && data[j + 1] >= '0' &&
                data[j + 1] <= '9') {
                ok = put_rounded(&b, data, len, i, &i);
                continue;
            }
        }
        if (c == '<')
            in_tag = true;
        else if (c == '>')
            in_tag = false;
        ok = membuf_write(&b, &c, 1);
        i++;
    }
    ok = ok && chan->write(chan->user, b.data, b.length);
    free(b.data);
    return ok;
}

/* Lays the graph out and renders it to SVG. The core svg renderer keeps
 * labels as <text> (searchable, selectable; browsers shape the Arabic)
 * and the nodes' URL and tooltip as <a> and <title>, so a reader can
 * click through to the IRI; Graphviz measured the text with pango, so
 * the boxes fit. svg:cairo, which draws glyphs as paths and drops the
 * links, is the fallback. */
struct dot_state {
    GVC_t *gvc; /* NULL until the first SVG export */
};

dot_state *dot_state_new(void)
{
    return calloc(1, sizeof(dot_state));
}

void dot_state_free(dot_state *s)
{
    if (s && s->gvc)
        gvFreeContext(s->gvc);
    free(s);
}

static void dot_context_free(GVC_t *gvc)
{
    if (gvc)
        gvFreeContext(gvc);
}

/* The engine's context, made on first use (engines that never write SVG
 * never load Graphviz's plugins); an engine assembled by hand (unit tests)
 * gets a context for this export alone. */
static bayan_status render_svg(const export_env *e, Agraph_t *ag,
                               bool use_dot, dot_channel *chan)
{
    if (e->dot && !e->dot->gvc)
        e->dot->gvc = gvContext();
    GVC_t *own = e->dot ? NULL : gvContext();
    GVC_t *gvc = e->dot ? e->dot->gvc : own;
    if (!gvc)
        return BAYAN_ERR_NOMEM;
    const char *engine = use_dot ? "dot" : "sfdp";
    if (gvLayout(gvc, ag, engine) != 0) {
        report(export_reporter(e), BAYAN_ERROR, BAYAN_ERR_INTERNAL, NULL, -1,
                      "graphviz could not lay the graph out with %s", engine);
        dot_context_free(own);
        return BAYAN_ERR_INTERNAL;
    }
    char *data = NULL;
    unsigned int length = 0;
    bool core = gvRenderData(gvc, ag, "svg", &data, &length) == 0;
    bool cairo = !core &&
                 gvRenderData(gvc, ag, "svg:cairo", &data, &length) == 0;
    bayan_status st = BAYAN_OK;
    if (!core && !cairo) {
        report(export_reporter(e), BAYAN_ERROR, BAYAN_ERR_INTERNAL, NULL, -1,
                      "graphviz could not render SVG");
        st = BAYAN_ERR_INTERNAL;
    } else if (cairo ? !write_cairo_svg(chan, data, length)
                     : !chan->write(chan->user, data, length)) {
        st = BAYAN_ERR_IO;
    }
    gvFreeRenderData(data);
    gvFreeLayout(gvc, ag);
    dot_context_free(own);
    return st;
}

/* render_svg's arguments, for export_apart. */
typedef struct svg_job {
    const export_env *e;
    Agraph_t *ag;
    bool use_dot;
} svg_job;

static bayan_status render_svg_job(void *arg, bayan_write_fn write,
                                   void *user)
{
    svg_job *job = arg;
    dot_channel chan = {write, user, false};
    return render_svg(job->e, job->ag, job->use_dot, &chan);
}

bayan_status export_dot(const export_env *e, const bayan_graph *g,
                        bayan_format format, bayan_write_fn write, void *user)
{
    if (format != BAYAN_FORMAT_DOT && format != BAYAN_FORMAT_SVG)
        return BAYAN_ERR_ARGUMENT;
    graph_view v;
    bayan_status st = e && e->meetings_view ? view_build_meetings(g, &v)
                                            : view_build(g, &v);
    if (st != BAYAN_OK)
        return st;
    /* Our own discipline, so that agwrite writes through the sink and no
     * cgraph default (file-level) state is touched. It lives as long as
     * the graph, which is closed before returning. */
    Agiodisc_t io = {channel_read, channel_putstr, channel_flush};
    Agdisc_t disc = {&AgMemDisc, &AgIdDisc, &io};
    dot_channel chan = {write, user, false};
    bool use_dot = fits_dot(&v);
    Agraph_t *ag = build_graph(&v, g, use_dot, e && e->meetings_view, &disc);
    if (!ag)
        st = BAYAN_ERR_NOMEM;
    else if (format == BAYAN_FORMAT_DOT)
        st = write_dot(ag, &chan);
    else /* apart, so that a signal stops a long layout at once */
        st = export_apart(e, render_svg_job, &(svg_job){e, ag, use_dot},
                          write, user);
    if (ag)
        agclose(ag);
    view_clear(&v);
    return st;
}
