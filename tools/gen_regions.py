#!/usr/bin/python3
"""Generates ontology/lexicon/regions.ttl from regions.tsv: the blocking
names, regions (bayan:Region) and titles of office (bayan:Office), that the
matcher reads but never reports (see src/lexicon/lexicon.h). Deterministic."""

import os
import sys

import lexgen

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'ontology', 'lexicon', 'regions.ttl')
COLUMNS = ['kind', 'slug', 'label_ar', 'label_en', 'forms']
CLASSES = {'region': 'bayan:Region', 'office': 'bayan:Office'}


def main():
    entries = {}
    for r in lexgen.read_tsv(os.path.join(HERE, 'regions.tsv'), COLUMNS):
        if r['kind'] not in CLASSES:
            sys.exit(f'gen_regions: unknown kind {r["kind"]}')
        iri = f'{r["kind"]}/{r["slug"]}'
        if iri in entries:
            sys.exit(f'gen_regions: duplicate {iri}')
        forms = set()
        for x in [r['label_ar']] + lexgen.split_list(r['forms']):
            for f in lexgen.expand(x):
                forms |= lexgen.variants(f)
        entries[iri] = lexgen.entry(iri, CLASSES[r['kind']], r['label_ar'],
                                    r['label_en'], forms)
    lexgen.write_ttl(OUT, '# Blocking names: regions and titles of office '
                     'that the matcher reads but never\n# reports. Generated '
                     'by tools/gen_regions.py from tools/regions.tsv; edit '
                     'that,\n# not this file.\n',
                     [entries[k] for k in sorted(entries)])


if __name__ == '__main__':
    main()
