/* HTML input: libxml2's HTML parser reduces a page to its article text,
 * its title and its publication date. */
#include "text/text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "core/membuf.h"

bool html_is_html(const char *name, const char *utf8, size_t len)
{
    size_t n = name ? strlen(name) : 0;
    if ((n > 5 && strcasecmp(name + n - 5, ".html") == 0) ||
        (n > 4 && strcasecmp(name + n - 4, ".htm") == 0))
        return true;
    size_t i = 0;
    while (i < len && isspace((unsigned char)utf8[i]))
        i++;
    static const char *const openers[] = {"<!doctype html", "<html", "<head",
                                          "<body",          "<meta", "<title"};
    for (size_t k = 0; k < sizeof openers / sizeof *openers; k++) {
        size_t m = strlen(openers[k]);
        if (len - i >= m && strncasecmp(utf8 + i, openers[k], m) == 0)
            return true;
    }
    return false;
}

/* Elements whose content is never article text. */
static const char *const DROPPED[] = {
    "script", "style",  "nav",    "header", "footer", "aside",    "noscript",
    "form",   "iframe", "button", "select", "svg",    "template", "head"};

/* Elements that stand on their own lines. */
static const char *const BLOCKS[] = {
    "p",       "div",     "br",         "h1",   "h2",      "h3", "h4",
    "h5",      "h6",      "li",         "ul",   "ol",      "tr", "table",
    "section", "article", "blockquote", "pre",  "hr",      "dd", "dt",
    "dl",      "figure",  "figcaption", "main", "address", "td", "th"};

static bool in_list(const xmlChar *name, const char *const *list, size_t n)
{
    for (size_t i = 0; name && i < n; i++)
        if (strcasecmp((const char *)name, list[i]) == 0)
            return true;
    return false;
}

/* Text being gathered: whitespace runs collapse to one space, blocks put
 * the text on a new line, no line starts or ends with a space. */
typedef struct gather {
    membuf out;
    bool ok;
    bool pending_space;
} gather;

static void put(gather *g, const char *s, size_t n)
{
    if (g->ok && !membuf_write(&g->out, s, n))
        g->ok = false;
}

static char last_char(const gather *g)
{
    return g->out.length ? g->out.data[g->out.length - 1] : '\n';
}

static void put_break(gather *g)
{
    g->pending_space = false;
    if (last_char(g) != '\n')
        put(g, "\n", 1);
}

static void put_text(gather *g, const char *s)
{
    for (; *s; s++) {
        if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
            *s == '\f') {
            g->pending_space = true;
            continue;
        }
        if (g->pending_space && last_char(g) != '\n')
            put(g, " ", 1);
        g->pending_space = false;
        put(g, s, 1);
    }
}

static void walk(const xmlNode *node, gather *g)
{
    for (const xmlNode *n = node; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content)
                put_text(g, (const char *)n->content);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE ||
            in_list(n->name, DROPPED, sizeof DROPPED / sizeof *DROPPED))
            continue; /* comments, processing instructions, debris */
        bool block = in_list(n->name, BLOCKS, sizeof BLOCKS / sizeof *BLOCKS);
        if (block)
            put_break(g);
        walk(n->children, g);
        if (block)
            put_break(g);
    }
}

/* The first element named name under node, depth first. */
static const xmlNode *find_element(const xmlNode *node, const char *name)
{
    for (const xmlNode *n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (strcasecmp((const char *)n->name, name) == 0)
            return n;
        const xmlNode *found = find_element(n->children, name);
        if (found)
            return found;
    }
    return NULL;
}

static char *collapsed_text(const xmlNode *n)
{
    gather g = {{NULL, 0, 0}, true, false};
    walk(n->children, &g);
    put(&g, "", 1);
    if (!g.ok) {
        free(g.out.data);
        return NULL;
    }
    if (g.out.data[0] == '\0') {
        free(g.out.data);
        return NULL;
    }
    return g.out.data;
}

/* ---- the publication date ---------------------------------------------- */

/* Meta names and properties that hold a publication date. */
static const char *const DATE_METAS[] = {"article:published_time",
                                         "datePublished",
                                         "date",
                                         "pubdate",
                                         "publishdate",
                                         "publish-date",
                                         "DC.date",
                                         "DC.date.issued",
                                         "dcterms.date",
                                         "dcterms.issued",
                                         "og:published_time",
                                         "sailthru.date",
                                         "article.published"};

/* A new "yyyy-mm-dd" from the start of an ISO-like date, or NULL. */
static char *iso_date(const char *v)
{
    while (v && isspace((unsigned char)*v))
        v++;
    int y, m, d, used = 0;
    char sep1, sep2;
    if (!v ||
        sscanf(v, "%4d%c%2d%c%2d%n", &y, &sep1, &m, &sep2, &d, &used) != 5 ||
        used != 10 || sep1 != sep2 || (sep1 != '-' && sep1 != '/'))
        return NULL;
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1000 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return NULL;
    if (m == 2 && d == 29 && !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
        return NULL;
    char buf[32];
    snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    return strdup(buf);
}

static char *attr(const xmlNode *n, const char *name)
{
    return (char *)xmlGetProp(n, (const xmlChar *)name);
}

/* The date a meta or time element states, or NULL. */
static char *element_date(const xmlNode *n)
{
    char *date = NULL;
    if (strcasecmp((const char *)n->name, "meta") == 0) {
        static const char *const keys[] = {"property", "name", "itemprop"};
        for (size_t k = 0; k < 3 && !date; k++) {
            char *key = attr(n, keys[k]);
            if (key && in_list((const xmlChar *)key, DATE_METAS,
                               sizeof DATE_METAS / sizeof *DATE_METAS)) {
                char *content = attr(n, "content");
                date = iso_date(content);
                xmlFree(content);
            }
            xmlFree(key);
        }
    } else if (strcasecmp((const char *)n->name, "time") == 0) {
        char *dt = attr(n, "datetime");
        date = iso_date(dt);
        xmlFree(dt);
    }
    return date;
}

/* The first string fn finds in an element under node, depth first. */
static char *find_first(const xmlNode *node,
                        char *(*fn)(const xmlNode *, const void *),
                        const void *arg)
{
    for (const xmlNode *n = node; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        char *d = fn(n, arg);
        if (!d)
            d = find_first(n->children, fn, arg);
        if (d)
            return d;
    }
    return NULL;
}

static char *meta_date(const xmlNode *n, const void *metas)
{
    bool is_meta = strcasecmp((const char *)n->name, "meta") == 0;
    return is_meta == *(const bool *)metas ? element_date(n) : NULL;
}

/* "datePublished": "2023-06-08..." in a JSON-LD script, read as text:
 * the first such key whose value is an ISO date. */
static char *json_ld_date(const xmlNode *n, const void *unused)
{
    (void)unused;
    if (strcasecmp((const char *)n->name, "script") != 0)
        return NULL;
    char *type = attr(n, "type");
    bool ld = type && strcasecmp(type, "application/ld+json") == 0;
    xmlFree(type);
    char *json = ld ? (char *)xmlNodeGetContent(n) : NULL;
    char *date = NULL;
    for (const char *p = json; p && !date;) {
        p = strstr(p, "\"datePublished\"");
        if (!p)
            break;
        p += strlen("\"datePublished\"");
        p += strspn(p, " \t\r\n");
        if (*p++ != ':')
            continue;
        p += strspn(p, " \t\r\n");
        if (*p == '"')
            date = iso_date(p + 1);
    }
    xmlFree(json);
    return date;
}

/* Meta elements win over JSON-LD and <time>, which may date a comment or
 * a related story: search metas in the whole document first. */
static char *find_date(const xmlNode *root)
{
    static const bool metas = true, others = false;
    char *d = find_first(root, meta_date, &metas);
    if (!d)
        d = find_first(root, json_ld_date, NULL);
    if (!d)
        d = find_first(root, meta_date, &others);
    return d;
}

/* ---- the page's URL and its site's name -------------------------------- */

/* The content of a meta whose property, name or itemprop is the key, with
 * no control character or space in a URL. */
static char *meta_named(const xmlNode *n, const void *key)
{
    if (strcasecmp((const char *)n->name, "meta") != 0)
        return NULL;
    static const char *const keys[] = {"property", "name", "itemprop"};
    char *value = NULL;
    for (size_t k = 0; k < 3 && !value; k++) {
        char *name = attr(n, keys[k]);
        if (name && strcasecmp(name, key) == 0) {
            char *content = attr(n, "content");
            if (content && *content)
                value = strdup(content);
            xmlFree(content);
        }
        xmlFree(name);
    }
    return value;
}

static char *canonical_link(const xmlNode *n, const void *unused)
{
    (void)unused;
    if (strcasecmp((const char *)n->name, "link") != 0)
        return NULL;
    char *rel = attr(n, "rel");
    char *href = rel && strcasecmp(rel, "canonical") == 0 ? attr(n, "href")
                                                          : NULL;
    char *url = href && *href ? strdup(href) : NULL;
    xmlFree(rel);
    xmlFree(href);
    return url;
}

/* An absolute http(s) URL with nothing an IRI may not hold, or NULL. */
static char *checked_url(char *url)
{
    if (url && ((strncmp(url, "http://", 7) != 0 &&
                 strncmp(url, "https://", 8) != 0) ||
                strpbrk(url, " \t\r\n<>\"{}|\\^`"))) {
        free(url);
        return NULL;
    }
    return url;
}

/* What the page says of itself: its canonical URL (og:url, else the
 * canonical link) and its site's name (og:site_name). */
static void find_page_meta(const xmlNode *root, text_doc *doc)
{
    char *url = find_first(root, meta_named, "og:url");
    if (!url)
        url = find_first(root, canonical_link, NULL);
    doc->url = checked_url(url);
    doc->site_name = find_first(root, meta_named, "og:site_name");
}

void html_init(void)
{
    xmlInitParser();
}

/* Parses the page. In recovery mode libxml2 stops only on a fatal error,
 * above all nesting deeper than 256 elements (a limit we keep: it also
 * bounds the recursion of walk); the text after that point is lost, so
 * the user is told where. */
static htmlDocPtr parse_html(const reporter *r, const char *name,
                             const char *utf8, size_t len)
{
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt)
        return NULL;
    /* The bytes are UTF-8 already (see pitfalls: never let libxml2 guess);
     * no network, no error output, recover from tag soup. The HTML parser
     * loads no DTD and expands no entity it does not know. */
    htmlDocPtr html = htmlCtxtReadMemory(
        ctxt, utf8, (int)len, NULL, "UTF-8",
        HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
            HTML_PARSE_RECOVER);
    const xmlError *err = xmlCtxtGetLastError(ctxt);
    if (html && ctxt->disableSAX && err && err->message) {
        size_t n = strcspn(err->message, "\n");
        report(r, BAYAN_WARNING, BAYAN_OK, name, -1,
                      "HTML parsing stopped at line %d (%.*s); the text "
                      "after it is not read",
                      err->line, (int)n, err->message);
    }
    htmlFreeParserCtxt(ctxt);
    return html;
}

bayan_status html_extract(const reporter *r, const char *name,
                          const char *utf8, size_t len, text_doc *doc)
{
    if (len > INT32_MAX)
        return BAYAN_ERR_ARGUMENT;
    htmlDocPtr html = parse_html(r, name, utf8, len);
    if (!html) {
        /* libxml2 recovers from any tag soup; it gives up only on input
         * with no content at all, which is simply empty text. */
        report(r, BAYAN_INFO, BAYAN_OK, name, -1,
                      "HTML holds no document");
        doc->text = strdup("");
        doc->length = 0;
        return doc->text ? BAYAN_OK : BAYAN_ERR_NOMEM;
    }
    const xmlNode *root = xmlDocGetRootElement(html);
    const xmlNode *body = root ? find_element(root, "body") : NULL;
    const xmlNode *title = root ? find_element(root, "title") : NULL;
    gather g = {{NULL, 0, 0}, true, false};
    walk(body ? body->children : root, &g);
    put(&g, "", 1);
    bayan_status st = g.ok ? BAYAN_OK : BAYAN_ERR_NOMEM;
    if (st == BAYAN_OK) {
        doc->text = g.out.data;
        doc->length = g.out.length - 1;
        if (doc->length && doc->text[doc->length - 1] == '\n')
            doc->text[--doc->length] = '\0';
        doc->title = title ? collapsed_text(title) : NULL;
        doc->published = root ? find_date(root) : NULL;
        if (root)
            find_page_meta(root, doc);
    } else {
        free(g.out.data);
    }
    xmlFreeDoc(html);
    return st;
}
