/* Unit tests of ontology/bayan.ttl: it loads, declares every term bayan
 * writes, labels each in Arabic and English, and states the contract's
 * domains, ranges and superclasses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "engine/engine.h"
#include "graph/ontology.h"
#include "graph/vocab.h"

typedef struct fixture {
    bayan_engine *engine;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f || bayan_engine_new(NULL, &f->engine) != BAYAN_OK) {
        free(f);
        return -1;
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    bayan_engine_free(f->engine);
    free(f);
    return 0;
}

/* Every term src/graph/vocab.h names, and the two only the lexicon uses. */
static const char *const VOCAB_TERMS[] = {
    C_ARTICLE, C_MEETING, C_STATE, C_CITY, C_PERSON, C_ORGANIZATION,
    C_RESOLUTION, C_STATEMENT, C_NIF_CONTEXT, C_NIF_PHRASE,
    L_MINISTERIAL, L_SMALL_GROUP, L_POLITICAL_DIRECTORS, L_LEADERS, L_OTHER,
    P_TYPE, P_LABEL, P_ALT_LABEL, P_SAME_AS, P_DERIVED_FROM, P_SOURCE_FILE,
    P_CONTEXT, P_TITLE, P_DATE_PUBLISHED, P_PUBLISHER, P_AUTHOR, P_MENTIONS,
    P_ISO_CODE, P_CONTAINED_IN, P_JOB_TITLE, P_REPRESENTS, P_LOCATION,
    P_START_DATE, P_MEETING_LEVEL, P_VIRTUAL, P_PLANNED, P_ORGANIZER,
    P_CHAIR, P_HOST, P_INVITED_BY, P_ATTENDEE, P_PARTICIPANT_COUNT,
    P_NEW_MEMBER, P_ISSUED, P_REFERENCES, P_NUMBER, P_ISSUED_BY,
    P_NIF_IS_STRING, P_NIF_REFERENCE_CONTEXT, P_NIF_BEGIN, P_NIF_END,
    P_NIF_ANCHOR, P_ITS_IDENT_REF, C_NEWS_MEDIA, P_CREDIT_CUE,
    NS_BAYAN "MeetingLevel", NS_BAYAN "form",
};
#define VOCAB_TERM_COUNT (sizeof VOCAB_TERMS / sizeof *VOCAB_TERMS)

/* Domains and ranges of the contract (NULL: left open, a union). */
static const char *const SIGNATURES[][3] = {
    {P_SOURCE_FILE, C_ARTICLE, XSD_STRING},
    {P_CONTEXT, C_ARTICLE, C_NIF_CONTEXT},
    {P_ISO_CODE, C_STATE, XSD_STRING},
    {P_REPRESENTS, C_PERSON, NULL},
    {P_MEETING_LEVEL, C_MEETING, NS_BAYAN "MeetingLevel"},
    {P_VIRTUAL, C_MEETING, XSD_BOOLEAN},
    {P_PLANNED, C_MEETING, XSD_BOOLEAN},
    {P_CHAIR, C_MEETING, NULL},
    {P_HOST, C_MEETING, C_STATE},
    {P_INVITED_BY, C_MEETING, NULL},
    {P_PARTICIPANT_COUNT, C_MEETING, XSD_INTEGER},
    {P_NEW_MEMBER, C_MEETING, C_STATE},
    {P_ISSUED, C_MEETING, C_STATEMENT},
    {P_REFERENCES, NULL, C_RESOLUTION},
    {P_NUMBER, C_RESOLUTION, XSD_STRING},
    {P_ISSUED_BY, C_RESOLUTION, C_ORGANIZATION},
};

static const char *const SUPERCLASSES[][2] = {
    {C_ARTICLE, NS_SCHEMA "NewsArticle"}, {C_MEETING, NS_SCHEMA "Event"},
    {C_STATE, NS_SCHEMA "Country"},       {C_CITY, NS_SCHEMA "City"},
    {C_PERSON, NS_SCHEMA "Person"},
    {C_ORGANIZATION, NS_SCHEMA "Organization"},
    {C_RESOLUTION, NS_SCHEMA "Legislation"},
    {C_STATEMENT, NS_SCHEMA "CreativeWork"},
};

/* How many objects <s> <p> has in g; with lang, only literals in it. */
static size_t count_objects(const bayan_graph *g, const char *s,
                            const char *p, const char *o, const char *lang)
{
    size_t n, hits = 0;
    const quad *q = graph_quads(g, &n);
    for (size_t i = 0; i < n; i++) {
        const term *to = graph_term(g, q[i].o);
        if (strcmp(graph_term(g, q[i].s)->value, s) != 0 ||
            strcmp(graph_term(g, q[i].p)->value, p) != 0)
            continue;
        if (o && (to->kind != TERM_IRI || strcmp(to->value, o) != 0))
            continue;
        if (lang && (!to->lang || strcmp(to->lang, lang) != 0))
            continue;
        hits++;
    }
    return hits;
}

static void test_ontology_declares_vocab(void **state)
{
    const fixture *f = *state;
    for (size_t i = 0; i < VOCAB_TERM_COUNT; i++) {
        if (!ontology_declares(f->engine->ontology, VOCAB_TERMS[i]))
            fail_msg("<%s> is not declared", VOCAB_TERMS[i]);
    }
    assert_false(ontology_declares(f->engine->ontology, NS_BAYAN "NoSuchTerm"));
}

static void test_ontology_labels(void **state)
{
    const fixture *f = *state;
    const bayan_graph *o = f->engine->ontology->triples;
    for (size_t i = 0; i < VOCAB_TERM_COUNT; i++) {
        const char *t = VOCAB_TERMS[i];
        if (count_objects(o, t, P_LABEL, NULL, "ar") != 1 ||
            count_objects(o, t, P_LABEL, NULL, "en") != 1)
            fail_msg("<%s> lacks one Arabic and one English label", t);
        bool ours = strncmp(t, NS_BAYAN, strlen(NS_BAYAN)) == 0;
        if (ours && count_objects(o, t, NS_RDFS "comment", NULL, "en") != 1)
            fail_msg("<%s> lacks an English comment", t);
    }
    const char *levels[] = {L_MINISTERIAL, L_SMALL_GROUP,
                            L_POLITICAL_DIRECTORS, L_LEADERS, L_OTHER};
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(count_objects(o, levels[i], P_TYPE,
                                       NS_BAYAN "MeetingLevel", NULL),
                         1);
}

static void test_ontology_signatures(void **state)
{
    const fixture *f = *state;
    const bayan_graph *o = f->engine->ontology->triples;
    for (size_t i = 0; i < sizeof SIGNATURES / sizeof *SIGNATURES; i++) {
        const char *p = SIGNATURES[i][0];
        const char *dom = SIGNATURES[i][1], *ran = SIGNATURES[i][2];
        assert_int_equal(count_objects(o, p, NS_RDFS "domain", NULL, NULL),
                         dom ? 1 : 0);
        assert_int_equal(count_objects(o, p, NS_RDFS "range", NULL, NULL),
                         ran ? 1 : 0);
        if (dom && count_objects(o, p, NS_RDFS "domain", dom, NULL) != 1)
            fail_msg("<%s> should have domain <%s>", p, dom);
        if (ran && count_objects(o, p, NS_RDFS "range", ran, NULL) != 1)
            fail_msg("<%s> should have range <%s>", p, ran);
    }
    for (size_t i = 0; i < sizeof SUPERCLASSES / sizeof *SUPERCLASSES; i++)
        assert_int_equal(count_objects(o, SUPERCLASSES[i][0],
                                       NS_RDFS "subClassOf",
                                       SUPERCLASSES[i][1], NULL),
                         1);
    assert_int_equal(count_objects(o, "https://w3id.org/bayan/ontology",
                                   P_TYPE, NS_OWL "Ontology", NULL),
                     1);
}

/* The file passes serdi, a stricter parser than raptor, and as many
 * triples come out as bayan loaded. */
static void test_ontology_valid(void **state)
{
    const fixture *f = *state;
    if (system("command -v serdi >/dev/null 2>&1") != 0) {
        print_message("serdi not on PATH: skipped\n");
        skip();
    }
    char cmd[512];
    snprintf(cmd, sizeof cmd, "serdi -i turtle -o ntriples '%s/bayan.ttl'",
             f->engine->ontology_dir);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t lines = 0;
    int c;
    while ((c = fgetc(p)) != EOF)
        lines += c == '\n';
    assert_int_equal(pclose(p), 0);
    assert_int_equal(lines, bayan_graph_size(f->engine->ontology->triples));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ontology_declares_vocab),
        cmocka_unit_test(test_ontology_labels),
        cmocka_unit_test(test_ontology_signatures),
        cmocka_unit_test(test_ontology_valid),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
