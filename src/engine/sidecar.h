/* The metadata table a user gives for a run (bayan_options.metadata_file,
 * `bayan --metadata FILE`): per input, its publication date, URL and
 * outlet, which the text itself often lacks (sidecar.c).
 *
 * The format is TSV, UTF-8: a header line naming the columns, then one
 * row per input. Columns, in any order: `file` (required: the input's
 * path as given, or its base name, or a tail of its path after a '/'),
 * `published` (yyyy-mm-dd, or an ISO date-time whose date part is taken),
 * `url` (http or https), `outlet` (the outlet's name, Arabic or English).
 * An empty cell says nothing; other columns are not read (a warning
 * names them). Blank lines and lines starting with '#' are
 * skipped. A bad row is reported with the file and line, and the table is
 * refused. */
#ifndef BAYAN_ENGINE_SIDECAR_H
#define BAYAN_ENGINE_SIDECAR_H

#include "core/report.h"
#include "text/text.h"

typedef struct sidecar_row {
    char *file;      /**< never NULL or empty */
    char *published; /**< yyyy-mm-dd or NULL */
    char *url;       /**< or NULL */
    char *outlet;    /**< or NULL */
    long line;       /**< where it was read */
} sidecar_row;

typedef struct sidecar {
    sidecar_row *rows;
    size_t count, capacity;
} sidecar;

/** Reads the table at path; *out is new (sidecar_free). Every bad line is
 *  reported (file and line); then BAYAN_ERR_SYNTAX, or BAYAN_ERR_IO when
 *  the file cannot be read. */
bayan_status sidecar_load(const reporter *r, const char *path, sidecar **out);

/** Reads the table from the NUL-terminated text (name: for diagnostics). */
bayan_status sidecar_parse(const reporter *r, const char *name,
                           const char *text, sidecar **out);

void sidecar_free(sidecar *s);

/** The row for the input called name: its path as given, else the row
 *  whose file is the longest tail of it that starts after a '/'; NULL
 *  when none. */
const sidecar_row *sidecar_find(const sidecar *s, const char *name);

/** Gives doc the row's date, URL and outlet (the table wins over the
 *  HTML's own metadata). s may be NULL. */
bayan_status sidecar_apply(const sidecar *s, const char *name,
                           text_doc *doc);

#endif
