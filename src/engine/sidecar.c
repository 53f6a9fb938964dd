/* The metadata table of a run: TSV with a header line (see sidecar.h). */
#include "engine/sidecar.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/membuf.h"
#include "extract/dates.h"

enum column { COL_FILE, COL_PUBLISHED, COL_URL, COL_OUTLET, COL_COUNT };

static const char *const COLUMN_NAMES[COL_COUNT] = {"file", "published",
                                                    "url", "outlet"};

enum { MAX_FIELDS = 16 };

/* One line cut at its tabs (in place): the fields and how many. */
typedef struct fields {
    char *f[MAX_FIELDS];
    size_t n;
    bool too_many;
} fields;

static fields split_tabs(char *line)
{
    fields fs = {{NULL}, 0, false};
    for (char *p = line;;) {
        if (fs.n == MAX_FIELDS) {
            fs.too_many = true;
            return fs;
        }
        fs.f[fs.n++] = p;
        char *tab = strchr(p, '\t');
        if (!tab)
            return fs;
        *tab = '\0';
        p = tab + 1;
    }
}

/* What the header says: the column of each field, -1 for none. */
typedef struct header {
    int col_of_field[MAX_FIELDS];
    size_t nfields;
    bool seen;
    bool bad; /* then its rows are not read: they would only add noise */
} header;

static bool read_header(const reporter *r, const char *name, long line,
                        const fields *fs, header *h)
{
    bool ok = !fs->too_many, have[COL_COUNT] = {false};
    if (fs->too_many)
        report_at(r, BAYAN_ERROR, BAYAN_ERR_SYNTAX, name, line, 1,
                  "the header has more than %d columns", MAX_FIELDS);
    for (size_t i = 0; ok && i < fs->n; i++) {
        int c = -1;
        for (int k = 0; k < COL_COUNT; k++)
            if (strcmp(fs->f[i], COLUMN_NAMES[k]) == 0)
                c = k;
        h->col_of_field[i] = c;
        if (c < 0) {
            /* Tables made for people carry more (a summary, notes). */
            report_at(r, BAYAN_WARNING, BAYAN_OK, name, line, (long)i + 1,
                      "column '%s' is not read (bayan reads file, "
                      "published, url, outlet)",
                      fs->f[i]);
            continue;
        }
        if (have[c]) {
            report_at(r, BAYAN_ERROR, BAYAN_ERR_SYNTAX, name, line,
                      (long)i + 1, "column '%s' given twice", fs->f[i]);
            ok = false;
        }
        have[c] = true;
    }
    if (ok && !have[COL_FILE]) {
        report_at(r, BAYAN_ERROR, BAYAN_ERR_SYNTAX, name, line, 1,
                  "the header has no 'file' column");
        ok = false;
    }
    h->nfields = fs->n;
    h->seen = true;
    h->bad = !ok;
    return ok;
}

/* A cell's value checked for its column: NULL when empty; *bad set (and
 * reported) when it is malformed. */
static char *cell_value(const reporter *r, const char *name, long line,
                        long col, int which, const char *v, bool *bad)
{
    if (!*v)
        return NULL;
    if (which == COL_PUBLISHED) {
        bdate d;
        if (!date_parse_iso(v, &d) || (v[10] && v[10] != 'T' && v[10] != ' ')) {
            report_at(r, BAYAN_ERROR, BAYAN_ERR_SYNTAX, name, line, col,
                      "'%s' is no date (expected yyyy-mm-dd)", v);
            *bad = true;
            return NULL;
        }
        return strndup(v, 10);
    }
    if (which == COL_URL &&
        ((strncmp(v, "http://", 7) != 0 && strncmp(v, "https://", 8) != 0) ||
         strpbrk(v, " <>\"{}|\\^`"))) {
        report_at(r, BAYAN_ERROR, BAYAN_ERR_SYNTAX, name, line, col,
                  "'%s' is no http(s) URL", v);
        *bad = true;
        return NULL;
    }
    return strdup(v);
}

static void row_clear(sidecar_row *row)
{
    free(row->file);
    free(row->published);
    free(row->url);
    free(row->outlet);
}

/* Reads one data line into *row; false (reported) when it is bad. */
static bool read_row(const reporter *r, const char *name, long line,
                     const header *h, const fields *fs, sidecar_row *row,
                     bool *nomem)
{
    *row = (sidecar_row){.line = line};
    if (fs->too_many || fs->n != h->nfields) {
        report_at(r, BAYAN_ERROR, BAYAN_ERR_SYNTAX, name, line, 1,
                  "%s%zu tab-separated fields where the header has %zu",
                  fs->too_many ? "over " : "", fs->n, h->nfields);
        return false;
    }
    bool bad = false;
    char **slot[COL_COUNT] = {&row->file, &row->published, &row->url,
                              &row->outlet};
    for (size_t i = 0; i < fs->n; i++) {
        int c = h->col_of_field[i];
        if (c < 0)
            continue;
        *slot[c] = cell_value(r, name, line, (long)i + 1, c, fs->f[i], &bad);
        *nomem |= !bad && *fs->f[i] && !*slot[c];
    }
    if (!bad && !*nomem && !row->file) {
        report_at(r, BAYAN_ERROR, BAYAN_ERR_SYNTAX, name, line, 1,
                  "the row names no file");
        bad = true;
    }
    if (bad || *nomem)
        row_clear(row);
    return !bad && !*nomem;
}

static bool push_row(sidecar *s, sidecar_row row)
{
    if (s->count == s->capacity) {
        size_t cap = s->capacity ? 2 * s->capacity : 16;
        sidecar_row *rows = realloc(s->rows, cap * sizeof *rows);
        if (!rows)
            return false;
        s->rows = rows;
        s->capacity = cap;
    }
    s->rows[s->count++] = row;
    return true;
}

/* A row whose file another row already names. */
static const sidecar_row *duplicate_of(const sidecar *s, const char *file)
{
    for (size_t i = 0; i < s->count; i++)
        if (strcmp(s->rows[i].file, file) == 0)
            return &s->rows[i];
    return NULL;
}

/* Reads one line (cut in place) into s; false when it is bad. */
static bool read_line(const reporter *r, const char *name, long line,
                      char *text, header *h, sidecar *s, bool *nomem)
{
    size_t len = strlen(text);
    if (len && text[len - 1] == '\r')
        text[--len] = '\0';
    if (line == 1 && strncmp(text, "\xef\xbb\xbf", 3) == 0)
        memmove(text, text + 3, (len -= 3) + 1); /* a byte-order mark */
    if (strspn(text, " \t") == len || text[0] == '#')
        return true;
    fields fs = split_tabs(text);
    if (!h->seen)
        return read_header(r, name, line, &fs, h);
    if (h->bad)
        return false;
    sidecar_row row;
    if (!read_row(r, name, line, h, &fs, &row, nomem))
        return false;
    const sidecar_row *dup = duplicate_of(s, row.file);
    if (dup) {
        report_at(r, BAYAN_ERROR, BAYAN_ERR_SYNTAX, name, line, 1,
                  "'%s' is named on line %ld already", row.file, dup->line);
        row_clear(&row);
        return false;
    }
    if (!push_row(s, row)) {
        row_clear(&row);
        *nomem = true;
        return false;
    }
    return true;
}

bayan_status sidecar_parse(const reporter *r, const char *name,
                           const char *text, sidecar **out)
{
    *out = NULL;
    sidecar *s = calloc(1, sizeof *s);
    char *copy = strdup(text);
    if (!s || !copy) {
        free(s);
        free(copy);
        return BAYAN_ERR_NOMEM;
    }
    header h = {{0}, 0, false, false};
    bool ok = true, nomem = false;
    long line = 1;
    for (char *p = copy; p && !nomem; line++) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = '\0';
        ok &= read_line(r, name, line, p, &h, s, &nomem);
        p = nl ? nl + 1 : NULL;
    }
    free(copy);
    if (ok && !h.seen) {
        report_at(r, BAYAN_ERROR, BAYAN_ERR_SYNTAX, name, 1, 1,
                  "no header line (file, published, url, outlet)");
        ok = false;
    }
    if (nomem || !ok) {
        sidecar_free(s);
        return nomem ? BAYAN_ERR_NOMEM : BAYAN_ERR_SYNTAX;
    }
    *out = s;
    return BAYAN_OK;
}

bayan_status sidecar_load(const reporter *r, const char *path, sidecar **out)
{
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        report(r, BAYAN_ERROR, BAYAN_ERR_IO, path, -1, "cannot open: %s",
               strerror(errno));
        return BAYAN_ERR_IO;
    }
    membuf buf = {NULL, 0, 0};
    char chunk[65536];
    size_t n;
    bool ok = true;
    while (ok && (n = fread(chunk, 1, sizeof chunk, f)) > 0)
        ok = membuf_write(&buf, chunk, n);
    bool read_error = ferror(f);
    fclose(f);
    ok = ok && membuf_write(&buf, "", 1);
    if (!ok || read_error) {
        free(buf.data);
        if (read_error)
            report(r, BAYAN_ERROR, BAYAN_ERR_IO, path, -1, "read error");
        return read_error ? BAYAN_ERR_IO : BAYAN_ERR_NOMEM;
    }
    if (strlen(buf.data) != buf.length - 1) {
        free(buf.data);
        report(r, BAYAN_ERROR, BAYAN_ERR_SYNTAX, path, -1,
               "holds a NUL byte: not a text table");
        return BAYAN_ERR_SYNTAX;
    }
    bayan_status st = sidecar_parse(r, path, buf.data, out);
    free(buf.data);
    return st;
}

void sidecar_free(sidecar *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->count; i++)
        row_clear(&s->rows[i]);
    free(s->rows);
    free(s);
}

const sidecar_row *sidecar_find(const sidecar *s, const char *name)
{
    if (!s || !name)
        return NULL;
    const sidecar_row *best = NULL;
    size_t best_len = 0, n = strlen(name);
    for (size_t i = 0; i < s->count; i++) {
        const char *f = s->rows[i].file;
        size_t k = strlen(f);
        if (k == n && strcmp(f, name) == 0)
            return &s->rows[i];
        if (k < n && name[n - k - 1] == '/' && strcmp(name + n - k, f) == 0 &&
            k > best_len) {
            best = &s->rows[i];
            best_len = k;
        }
    }
    return best;
}

/* Replaces *field with a copy of v (when v is given). */
static bool take(char **field, const char *v)
{
    if (!v)
        return true;
    char *c = strdup(v);
    if (!c)
        return false;
    free(*field);
    *field = c;
    return true;
}

bayan_status sidecar_apply(const sidecar *s, const char *name, text_doc *doc)
{
    const sidecar_row *row = sidecar_find(s, name);
    if (!row)
        return BAYAN_OK;
    return take(&doc->published, row->published) &&
                   take(&doc->url, row->url) &&
                   take(&doc->outlet, row->outlet)
               ? BAYAN_OK
               : BAYAN_ERR_NOMEM;
}
