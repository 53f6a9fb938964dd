#!/usr/bin/python3
"""How many cities bayan finds in ordinary news, and how many of them fall on
words that ANERcorp tags as a location.

ANERcorp (one "TOKEN TAG" a line, tags B-/I-LOC, ORG, PERS, MISC and O) is
read at run time from ../shared/data/anercorp; nothing of it is kept in the
project. Its sentences are written as text files into a scratch
directory and run through bayan (tools/anercorp.py), and each city
mention of the graph is looked up in the token table: a mention counts as
"on LOC" when every token it covers is tagged B-LOC or I-LOC.

usage: tools/geonames/anercorp_fp.py [--bayan build/src/bayan]
           [--corpus /work/shared/data/anercorp/ANERCorp.txt] [--show N]
"""

import argparse
import collections
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..', '..')
sys.path.insert(0, os.path.join(ROOT, 'tools'))
import anercorp  # noqa: E402

SENTENCES_PER_FILE = 200


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--bayan', default=os.path.join(ROOT, 'build', 'src', 'bayan'))
    ap.add_argument('--corpus', default='/work/shared/data/anercorp/ANERCorp.txt')
    ap.add_argument('--show', type=int, default=0,
                    help='list the N most frequent cities not on LOC')
    args = ap.parse_args()
    sentences = anercorp.read_sentences(args.corpus)
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, 'in')
        os.mkdir(src)
        table = anercorp.write_articles(sentences, src, SENTENCES_PER_FILE,
                                        'aner')
        anercorp.run_bayan(args.bayan, src, os.path.join(tmp, 'out'))
        mentions = anercorp.mentions(os.path.join(tmp, 'out', 'graph.nq'),
                                     'city')
    on_loc, off = 0, collections.Counter()
    for name, b, e, city in mentions:
        spans = table[name][1]
        tags = [t for (sb, se, t) in spans if sb < e and se > b]
        if tags and all(t in ('B-LOC', 'I-LOC') for t in tags):
            on_loc += 1
        else:
            off[(city, ' '.join(tags))] += 1
    n = len(mentions)
    print(f'ANERcorp: {len(sentences)} sentences, {n} city mentions, '
          f'{on_loc} on LOC tokens, {n - on_loc} not '
          f'({(n - on_loc) / n:.1%})' if n else 'no city mentions')
    for (city, tags), k in off.most_common(args.show):
        print(f'  {k:4d}  {city}  [{tags}]')


if __name__ == '__main__':
    sys.exit(main())
