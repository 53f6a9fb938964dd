/* The text layer: bytes in, one decoded text and its matching form out.
 *
 * Three layers, each a separate call:
 *  1. text_decode (decode.c, html.c): bytes -> the decoded text, which NIF
 *     offsets count into. It is the input decoded to UTF-8, a byte-order
 *     mark dropped and line ends (CR, CRLF) made LF; nothing else changes.
 *     HTML input is reduced to its article text first.
 *  2. text_match_form (normalize.c): a folded copy of the decoded text for
 *     look-up (web debris removed, NFKC, Arabic orthographic folding) with a
 *     map from each of its bytes back to code-point offsets of the original.
 *  3. text_segment (segment.c): words and sentences of the matching form
 *     (ICU break iterators), each with its span in the original.
 * text_analyze does 2 and 3. */
#ifndef BAYAN_TEXT_H
#define BAYAN_TEXT_H

#include "bayan/bayan.h"
#include "core/report.h"

typedef struct text_doc {
    char *text;       /**< decoded text, NUL-terminated UTF-8 */
    size_t length;    /**< bytes in text */
    size_t cp_length; /**< code points in text */
    char *title;      /**< from HTML <title>, or NULL */
    char *published;  /**< ISO date (yyyy-mm-dd) from HTML metadata, or NULL */
    char *url;        /**< the page's own URL (og:url, canonical), or NULL */
    char *site_name;  /**< the site's name (og:site_name), or NULL */
    char *outlet;     /**< the outlet the user's metadata names, or NULL */
    const char *encoding; /**< static name of the encoding read */
    bool html;            /**< the input was read as HTML */
    /** cp_marks[k]: byte offset of code point k * TEXT_CP_STRIDE, so that
     *  text_byte_offset is O(1) rather than a scan from the start (one scan
     *  per mention made a 100,000-mention article quadratic). NULL when the
     *  doc was built by hand; text_byte_offset then scans. */
    size_t *cp_marks;
} text_doc;

/** Code points between two entries of text_doc.cp_marks. */
#define TEXT_CP_STRIDE 64

/** How inputs are decoded: the user's options, and where to report. */
typedef struct text_options {
    const char *encoding;     /**< forced input encoding, or NULL: detect */
    bool lenient;             /**< invalid bytes become U+FFFD, with a warning */
    const reporter *reporter; /**< may be NULL */
} text_options;

/** Decodes one input (o may be NULL: detect, strict, no diagnostics).
 *  Errors are reported with the file name and byte offset. On success the
 *  caller owns *out (text_doc_clear); on failure *out is zeroed. */
bayan_status text_decode(const text_options *o, const char *name,
                         const void *bytes, size_t len, text_doc *out);

/** True when doc->text holds nothing but white space (Unicode spaces,
 *  zero-width and bidi marks, BOMs included). */
bool text_is_blank(const text_doc *doc);

/** True when doc->text holds at least one Arabic letter (the Arabic
 *  blocks and presentation forms): an input without one has nothing for
 *  bayan to find, which is worth a warning. */
bool text_has_arabic(const text_doc *doc);

/** True when ICU knows an encoding of this name (checked once, before any
 *  input is read, so that a misspelt --encoding is a usage error). */
bool text_encoding_known(const char *name);

/** Byte offset in doc->text of code point cp (doc->length when past the
 *  end). Uses doc->cp_marks when present. */
size_t text_byte_offset(const text_doc *doc, size_t cp);

/** Frees what a text_doc owns and zeroes it. */
void text_doc_clear(text_doc *doc);

/* ---- HTML (html.c) ------------------------------------------------------ */

/** Initializes libxml2's parser, which later parses may not do safely
 *  from several threads at once: call before reading on threads. */
void html_init(void);

/** True when the input should be read as HTML: its name ends in .html or
 *  .htm, or its first non-blank bytes open an HTML document. */
bool html_is_html(const char *name, const char *utf8, size_t len);

/** Reduces an HTML document (valid UTF-8) to its article text: doc->text,
 *  doc->length (line ends not yet normalised), doc->title and
 *  doc->published. Network access and entity loading are off. */
bayan_status html_extract(const reporter *r, const char *name,
                          const char *utf8, size_t len, text_doc *doc);

/* ---- matching form (normalize.c) and segmentation (segment.c) ----------- */

/** A span both in the matching form (bytes) and in the decoded original
 *  (code points, [begin, end) covering exactly the source characters). */
typedef struct text_span {
    size_t match_begin, match_end; /**< bytes of text_analysis.match */
    size_t begin, end;             /**< code points of text_doc.text */
} text_span;

typedef struct text_analysis {
    char *match;      /**< matching form, NUL-terminated UTF-8 */
    size_t match_len; /**< bytes in match */
    /** orig[i] (i < match_len): the code-point offset in the original where
     *  the characters that produced byte i of match begin; orig[match_len]
     *  is the original's code-point length. Indexed by BYTES of match,
     *  valued in CODE POINTS of the original. */
    size_t *orig;
    /** orig_end[i]: where those source characters end (code points). */
    size_t *orig_end;
    text_span *tokens; /**< words and numbers (not spaces/punctuation) */
    size_t token_count;
    text_span *sentences;
    size_t sentence_count;
} text_analysis;

/** Builds the matching form of doc->text into out (tokens and sentences
 *  left empty). The caller owns *out (text_analysis_clear). */
bayan_status text_match_form(const text_doc *doc, text_analysis *out);

/** The Gregorian day of the Hijri date y-m-d in the Umm al-Qura calendar
 *  (ICU's tables); false when it is no such day or out of their range. */
bool text_hijri_to_gregorian(int y, int m, int d, int *gy, int *gm, int *gd);

/** Folds a word or phrase of the data (a lexicon form, a cue word) the way
 *  article text is folded, so that it can be compared with the matching
 *  form; blanks around it are trimmed. *out is new, or NULL when nothing is
 *  left. */
bayan_status text_fold_word(const char *word, char **out);

/** Fills a->tokens and a->sentences from a->match (after text_match_form). */
bayan_status text_segment(text_analysis *a);

/** The index of the first of count spans (sorted, as tokens and sentences
 *  are) that ends after matching-form byte b; count when none does. */
size_t text_span_after(const text_span *spans, size_t count, size_t b);

/** text_match_form then text_segment. */
bayan_status text_analyze(const text_doc *doc, text_analysis *out);

/** ICU's word and sentence break iterators, opened once for many texts
 *  (opening them costs about as much as segmenting a short article). One
 *  segmenter serves one thread at a time. */
typedef struct text_segmenter text_segmenter;

/** *out is new; free it with text_segmenter_free (NULL is a no-op). */
bayan_status text_segmenter_new(text_segmenter **out);
void text_segmenter_free(text_segmenter *s);

/** text_segment and text_analyze with the iterators of s (s NULL: opened
 *  for this call). The result is the same as without s. */
bayan_status text_segment_with(text_segmenter *s, text_analysis *a);
bayan_status text_analyze_with(text_segmenter *s, const text_doc *doc,
                               text_analysis *out);

void text_analysis_clear(text_analysis *a);

/** Maps the matching-form bytes [mb, me) (mb < me <= match_len, on
 *  character boundaries) to the code points [*begin, *end) of the original
 *  that produced them: the original substring there is what the span was
 *  folded from, and nothing around it. */
void text_match_span(const text_analysis *a, size_t mb, size_t me,
                     size_t *begin, size_t *end);

/* ---- proclitics (segment.c) --------------------------------------------- */

/** One way of reading a token (in the matching form) as proclitics + stem.
 *  The stem is token[prefix_len..], preceded by a restored article ال when
 *  article is true (ل + ال is written لل: للتحالف -> ل + التحالف). */
typedef struct text_split {
    size_t prefix_len; /**< bytes of the token taken as proclitics */
    bool article;      /**< prepend ال to the rest to form the stem */
    size_t stem_len;   /**< bytes of the stem, a restored ال included */
} text_split;

/** Candidate (prefix, stem) readings of a token for look-up, longest stem
 *  first, the unsplit token always first. Proclitics: conjunction و or ف,
 *  then preposition ب, ك or ل, then article ال; every stem keeps at least
 *  two letters. Decides nothing: the lexicon picks. Writes at most max
 *  splits and returns how many there are (may exceed max). */
size_t text_clitic_splits(const char *token, size_t len, text_split *out,
                          size_t max);

/** Writes the stem of split s of token into buf (cap bytes, NUL added);
 *  returns its length, or 0 when it does not fit. */
size_t text_split_stem(const char *token, const text_split *s, char *buf,
                       size_t cap);

#endif
