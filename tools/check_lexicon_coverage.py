#!/usr/bin/python3
"""Checks the lexicon against the gold annotations: for every gold form of a
state (by ISO code), city (by English name) and organization (by gold id),
whether the matching lexicon entry holds it as a label or form. Prints the
uncovered forms and a count per entity type; exits 1 when any is missing.

Usage: check_lexicon_coverage.py [GOLD_DIR] (default ../shared/corpus/gold)"""

import glob
import json
import os
import re
import sys

import rdflib

import lexgen

HERE = os.path.dirname(os.path.abspath(__file__))
LEXDIR = os.path.join(HERE, '..', 'ontology', 'lexicon')
BASE = 'https://w3id.org/bayan/id/'
BAYAN = rdflib.Namespace('https://w3id.org/bayan/ontology#')
FORM_PREDICATES = (rdflib.RDFS.label, BAYAN.form)
PUNCT = re.compile('[«»“”"\'()\\[\\]–—\\-:،,.]')

# Gold ids of organizations that gen_orgs.py generates from the states.
GENERATED_GOLD = {
    'ItalyMFA': 'mfa-it', 'MoroccoMFA': 'mfa-ma', 'YemenMFA': 'mfa-ye',
    'AustralianArmy': 'army-au', 'LebaneseArmy': 'army-lb',
}


def load_forms():
    """{entity IRI: set of Arabic forms} over every lexicon file."""
    g = rdflib.Graph()
    for path in sorted(glob.glob(os.path.join(LEXDIR, '*.ttl'))):
        g.parse(path, format='turtle', publicID=BASE)
    forms = {}
    for p in FORM_PREDICATES:
        for s, o in g.subject_objects(p):
            if isinstance(o, rdflib.Literal) and o.language == 'ar':
                forms.setdefault(str(s), set()).add(lexgen.match_key(str(o)))
    return forms


def org_iris():
    rows = lexgen.read_tsv(os.path.join(HERE, 'organizations.tsv'),
                           ['slug', 'gold_id', 'label_ar', 'label_en', 'forms'])
    m = {r['gold_id']: r['slug'] for r in rows if r['gold_id']}
    m.update(GENERATED_GOLD)
    return {k: BASE + 'org/' + v for k, v in m.items()}


def candidates(form):
    """The gold form as the matcher would see it (marks and quotes gone,
    hamza on alef, ى and ة folded), then with one attached clitic taken
    off."""
    f = ' '.join(PUNCT.sub(' ', lexgen.match_key(form)).split())
    out = [f]
    if f.startswith('لل'):
        out.append('ال' + f[2:])
    for n in (1, 2):
        head = f[:n]
        if len(f) > n + 1 and all(c in 'وبلفك' for c in head):
            out.append(f[n:])
    return out


def main():
    gold_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        HERE, '..', '..', 'shared', 'corpus', 'gold')
    forms = load_forms()
    orgs = org_iris()
    keyers = {
        'states': lambda e: BASE + 'state/' + e['iso'],
        'cities': lambda e: BASE + 'city/' + lexgen.slug(e['name_en']),
        'organizations': lambda e: orgs.get(e['id'], 'unmapped:' + e['id']),
    }
    seen = {t: {} for t in keyers}
    for path in sorted(glob.glob(os.path.join(gold_dir, '*.json'))):
        with open(path, encoding='utf-8') as f:
            gold = json.load(f)
        for kind, key in keyers.items():
            for e in gold.get(kind, []):
                for form in e['forms']:
                    seen[kind].setdefault((key(e), form), []).append(
                        os.path.basename(path))
    missing_total = 0
    for kind, pairs in seen.items():
        missing = [(iri, form, files) for (iri, form), files in
                   sorted(pairs.items())
                   if not any(c in forms.get(iri, ()) for c in
                              candidates(form))]
        missing_total += len(missing)
        print(f'{kind}: {len(pairs) - len(missing)}/{len(pairs)} gold forms '
              f'covered, {len(missing)} not covered')
        for iri, form, files in missing:
            note = '' if iri in forms else ' (no such entry)'
            print(f'  {iri.replace(BASE, "")}{note}: {form!r} in '
                  f'{", ".join(sorted(set(files)))}')
    return 1 if missing_total else 0


if __name__ == '__main__':
    sys.exit(main())
