/* The IRIs of the public vocabulary (../shared/spec/vocabulary.md), in one
 * place so that no module spells a term on its own. ontology/bayan.ttl
 * declares every one of them; the engine checks that at export time. */
#ifndef BAYAN_VOCAB_H
#define BAYAN_VOCAB_H

#define NS_BAYAN "https://w3id.org/bayan/ontology#"
#define NS_SCHEMA "https://schema.org/"
#define NS_PROV "http://www.w3.org/ns/prov#"
#define NS_NIF "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
#define NS_ITSRDF "http://www.w3.org/2005/11/its/rdf#"
#define NS_SKOS "http://www.w3.org/2004/02/skos/core#"
#define NS_DCTERMS "http://purl.org/dc/terms/"
#define NS_OWL "http://www.w3.org/2002/07/owl#"
#define NS_RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_XSD "http://www.w3.org/2001/XMLSchema#"

/* Classes */
#define C_ARTICLE NS_BAYAN "Article"
#define C_MEETING NS_BAYAN "Meeting"
#define C_STATE NS_BAYAN "State"
#define C_CITY NS_BAYAN "City"
#define C_PERSON NS_BAYAN "Person"
#define C_ORGANIZATION NS_BAYAN "Organization"
#define C_RESOLUTION NS_BAYAN "Resolution"
#define C_STATEMENT NS_BAYAN "Statement"
/* Lexicon-only classes: their names block matches, never exported. */
#define C_REGION NS_BAYAN "Region"
#define C_OFFICE NS_BAYAN "Office"
#define C_NIF_CONTEXT NS_NIF "Context"
#define C_NIF_PHRASE NS_NIF "Phrase"
#define C_NEWS_MEDIA NS_SCHEMA "NewsMediaOrganization"

/* Meeting levels (individuals) */
#define L_MINISTERIAL NS_BAYAN "Ministerial"
#define L_SMALL_GROUP NS_BAYAN "SmallGroupMinisterial"
#define L_POLITICAL_DIRECTORS NS_BAYAN "PoliticalDirectors"
#define L_LEADERS NS_BAYAN "Leaders"
#define L_OTHER NS_BAYAN "Other"

/* Properties */
#define P_TYPE NS_RDF "type"
#define P_LABEL NS_RDFS "label"
#define P_ALT_LABEL NS_SKOS "altLabel"
#define P_SAME_AS NS_OWL "sameAs"
#define P_DERIVED_FROM NS_PROV "wasDerivedFrom"
#define P_SOURCE_FILE NS_BAYAN "sourceFile"
#define P_CONTEXT NS_BAYAN "context"
#define P_TITLE NS_DCTERMS "title"
#define P_DATE_PUBLISHED NS_SCHEMA "datePublished"
#define P_PUBLISHER NS_SCHEMA "publisher"
#define P_URL NS_SCHEMA "url"
#define P_CANDIDATE_GROUP NS_BAYAN "candidateGroup"
#define C_CANDIDATE_GROUP NS_BAYAN "CandidateGroup"
#define P_AUTHOR NS_SCHEMA "author"
#define P_MENTIONS NS_SCHEMA "mentions"
#define P_ISO_CODE NS_BAYAN "isoCode"
#define P_CONTAINED_IN NS_SCHEMA "containedInPlace"
#define P_JOB_TITLE NS_SCHEMA "jobTitle"
#define P_REPRESENTS NS_BAYAN "represents"
#define P_LOCATION NS_SCHEMA "location"
#define P_START_DATE NS_SCHEMA "startDate"
#define P_MEETING_LEVEL NS_BAYAN "meetingLevel"
#define P_VIRTUAL NS_BAYAN "virtual"
#define P_PLANNED NS_BAYAN "planned"
#define P_ORGANIZER NS_SCHEMA "organizer"
#define P_CHAIR NS_BAYAN "chair"
#define P_HOST NS_BAYAN "host"
#define P_INVITED_BY NS_BAYAN "invitedBy"
#define P_ATTENDEE NS_SCHEMA "attendee"
#define P_PARTICIPANT_COUNT NS_BAYAN "participantCount"
#define P_NEW_MEMBER NS_BAYAN "newMember"
#define P_ISSUED NS_BAYAN "issued"
#define P_REFERENCES NS_BAYAN "references"
#define P_NUMBER NS_BAYAN "number"
#define P_ISSUED_BY NS_BAYAN "issuedBy"
#define P_CREDIT_CUE NS_BAYAN "creditCue" /* lexicon data only */
#define P_NEEDS_CUE NS_BAYAN "needsCue"   /* lexicon data only */
#define P_PLACE_CUE NS_BAYAN "placeCue"   /* lexicon data only */
#define P_NEEDS_NAMING_CUE NS_BAYAN "needsNamingCue" /* lexicon data only */
#define P_PLACE_PREPOSITION NS_BAYAN "placePreposition" /* lexicon only */
#define P_BODY_OF NS_BAYAN "bodyOf"       /* lexicon data only */
#define P_BARE_FORM NS_BAYAN "bareForm"   /* lexicon data only */
#define P_PROSCRIBED NS_BAYAN "proscribed" /* lexicon data only */
#define P_CAPITAL NS_BAYAN "capital"       /* lexicon data only */
/* Cue lists of the persons stage, in the lexicon files only */
#define P_ROLE_HEAD NS_BAYAN "roleHead"
#define P_DESCRIPTOR_HEAD NS_BAYAN "descriptorHead"
#define P_HEADED_BODY NS_BAYAN "headedBody"
#define P_HEADED_BY_CUE NS_BAYAN "headedByCue"
#define P_COUNTERPART_CUE NS_BAYAN "counterpartCue"
#define P_HONORIFIC NS_BAYAN "honorific"
#define P_ROLE_WORD NS_BAYAN "roleWord"
#define P_ROLE_LINK NS_BAYAN "roleLink"
#define P_NAME_PARTICLE NS_BAYAN "nameParticle"
#define P_GIVEN_NAME NS_BAYAN "givenName"
#define P_NAMED_AFTER_HEAD NS_BAYAN "namedAfterHead"
#define P_NAME_SPELLING NS_BAYAN "nameSpelling" /* lexicon data only */
#define P_NAME_STOP NS_BAYAN "nameStop"
#define P_BYLINE_CUE NS_BAYAN "bylineCue"
#define P_NIF_IS_STRING NS_NIF "isString"
#define P_NIF_REFERENCE_CONTEXT NS_NIF "referenceContext"
#define P_NIF_BEGIN NS_NIF "beginIndex"
#define P_NIF_END NS_NIF "endIndex"
#define P_NIF_ANCHOR NS_NIF "anchorOf"
#define P_ITS_IDENT_REF NS_ITSRDF "taIdentRef"

/* Datatypes */
#define XSD_STRING NS_XSD "string"
#define XSD_DATE NS_XSD "date"
#define XSD_GYEAR_MONTH NS_XSD "gYearMonth"
#define XSD_GYEAR NS_XSD "gYear"
#define XSD_BOOLEAN NS_XSD "boolean"
#define XSD_INTEGER NS_XSD "integer"
#define XSD_NON_NEGATIVE_INTEGER NS_XSD "nonNegativeInteger"

/* The prefixes every RDF output declares, in this order. */
typedef struct vocab_prefix {
    const char *prefix;
    const char *iri;
} vocab_prefix;

static const vocab_prefix VOCAB_PREFIXES[] = {
    {"bayan", NS_BAYAN},   {"schema", NS_SCHEMA}, {"prov", NS_PROV},
    {"nif", NS_NIF},       {"itsrdf", NS_ITSRDF}, {"skos", NS_SKOS},
    {"dcterms", NS_DCTERMS}, {"owl", NS_OWL},     {"rdfs", NS_RDFS},
    {"rdf", NS_RDF},       {"xsd", NS_XSD},
};
#define VOCAB_PREFIX_COUNT (sizeof VOCAB_PREFIXES / sizeof VOCAB_PREFIXES[0])

/* The entity classes: the nodes of the GraphML and DOT views. */
static const char *const VOCAB_ENTITY_CLASSES[] = {
    C_ARTICLE, C_MEETING,      C_STATE,      C_CITY,
    C_PERSON,  C_ORGANIZATION, C_RESOLUTION, C_STATEMENT,
};
#define VOCAB_ENTITY_CLASS_COUNT \
    (sizeof VOCAB_ENTITY_CLASSES / sizeof VOCAB_ENTITY_CLASSES[0])

#endif
