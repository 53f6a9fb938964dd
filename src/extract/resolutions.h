/* The resolutions stage's rules: the words around resolution numbers and
 * the bodies that issue them, read once per engine from the lexicon graph
 * (resolution_rules.c) and applied by the grammar in resolutions.c.
 * Internal to the stage. */
#ifndef BAYAN_EXTRACT_RESOLUTIONS_H
#define BAYAN_EXTRACT_RESOLUTIONS_H

#include <stdint.h>

#include "extract/extract.h"

/* No index: an issuer, a word or a mention that is not there. */
#define NONE SIZE_MAX

typedef enum word_role {
    W_RESOLUTION, /* قرار, القرارات ... */
    W_NUMBER,     /* رقم */
    W_YEAR,       /* عام: the next number is a year */
    W_FILLER,     /* الدولي, الجديد ...: may stand before the number */
    W_LINK,       /* الصادر عن: may stand between the list and its issuer */
    W_ISSUER,     /* الأممي: names an issuer by itself */
    W_ROLE_COUNT
} word_role;

typedef struct cue_word {
    char *folded; /* matching form of the word (owned) */
    word_role role;
    size_t issuer; /* for W_ISSUER, else NONE */
} cue_word;

typedef struct issuer_rule {
    term_id node; /* its bayan:ResolutionIssuer node in the lexicon */
    const char *org, *slug, *label_ar, *label_en; /* borrowed */
} issuer_rule;

/* An organization whose mention names an issuer: everywhere when primary
 * (bayan:issuerOrganization), only inside the phrase otherwise. */
typedef struct org_cue {
    const char *org;
    size_t issuer;
    bool primary;
} org_cue;

struct resolution_rules {
    issuer_rule *issuers;
    size_t issuer_count, issuer_cap;
    cue_word *words;
    size_t word_count, word_cap;
    org_cue *orgs;
    size_t org_count, org_cap;
};

typedef resolution_rules rules;

/** Reads the rules from the lexicon graph into r (free with
 *  resolution_rules_clear). */
bayan_status resolution_rules_read(const lexicon *lex, rules *r);
void resolution_rules_clear(rules *r);

/** An issuer described well enough to name a resolution (organization,
 *  slug and Arabic label). */
bool resolution_issuer_usable(const issuer_rule *is);

#endif
