#!/usr/bin/python3
"""How many cities bayan finds in ordinary news, and how many of them fall on
words that ANERcorp tags as a location.

ANERcorp (one "TOKEN TAG" a line, tags B-/I-LOC, ORG, PERS, MISC and O) is
read at run time from ../shared/data/anercorp; nothing of it is kept in the
project. Its tokens are joined with spaces into sentences (split after each
"." token), written as text files into a scratch directory, run through
bayan, and each city mention of the graph is looked up in the token table:
a mention counts as "on LOC" when every token it covers is tagged B-LOC or
I-LOC.

usage: tools/geonames/anercorp_fp.py [--bayan build/src/bayan]
           [--corpus /work/shared/data/anercorp/ANERCorp.txt] [--show N]
"""

import argparse
import collections
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..', '..')
SENTENCES_PER_FILE = 200


def read_corpus(path):
    sentences, cur = [], []
    with open(path, encoding='utf-8') as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                continue
            tok, tag = ' '.join(parts[:-1]), parts[-1]
            cur.append((tok, tag))
            if tok == '.':
                sentences.append(cur)
                cur = []
    if cur:
        sentences.append(cur)
    return sentences


def write_files(sentences, out):
    """Writes the text files; returns {file: [(begin, end, tag)]} with
    offsets in code points."""
    table = {}
    for i in range(0, len(sentences), SENTENCES_PER_FILE):
        name = f'aner{i // SENTENCES_PER_FILE:03d}.txt'
        text, spans = [], []
        pos = 0
        for sent in sentences[i:i + SENTENCES_PER_FILE]:
            for k, (tok, tag) in enumerate(sent):
                if k:
                    text.append(' ')
                    pos += 1
                spans.append((pos, pos + len(tok), tag))
                text.append(tok)
                pos += len(tok)
            text.append('\n')
            pos += 1
        with open(os.path.join(out, name), 'w', encoding='utf-8') as f:
            f.write(''.join(text))
        table[name] = spans
    return table


PHRASE = re.compile(r'^<([^#>]+)#char=(\d+),(\d+)> <[^>]*#taIdentRef> '
                    r'<[^>]*/city/([^>]+)>')
SOURCE = re.compile(r'^<([^#>]+)> <[^>]*#sourceFile> "([^"]+)"')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--bayan', default=os.path.join(ROOT, 'build', 'src', 'bayan'))
    ap.add_argument('--corpus', default='/work/shared/data/anercorp/ANERCorp.txt')
    ap.add_argument('--show', type=int, default=0,
                    help='list the N most frequent cities not on LOC')
    args = ap.parse_args()
    sentences = read_corpus(args.corpus)
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, 'in')
        os.mkdir(src)
        table = write_files(sentences, src)
        subprocess.run([args.bayan, '-q', '-f', 'nquads', '-o',
                        os.path.join(tmp, 'out'), src], check=True)
        sources, mentions = {}, []
        with open(os.path.join(tmp, 'out', 'graph.nq'), encoding='utf-8') as f:
            for line in f:
                m = SOURCE.match(line)
                if m:
                    sources[m.group(1)] = m.group(2)
                m = PHRASE.match(line)
                if m:
                    mentions.append((m.group(1), int(m.group(2)),
                                     int(m.group(3)), m.group(4)))
    on_loc, off = 0, collections.Counter()
    for art, b, e, city in mentions:
        spans = table[sources[art]]
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
