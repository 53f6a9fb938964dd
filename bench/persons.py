#!/usr/bin/python3
"""The whole persons stage scored on a slice of ANERcorp.

bench/tagger scores the names tagger alone. This scores what a user gets:
the persons bayan exports (tagger, role and honorific patterns, bylines,
bare surnames, filters together), as the mentions (nif:Phrase spans) of
bayan:Person entities against ANERcorp's PERS spans, exact spans.

ANERcorp has no article boundaries: its sentences are joined into
pseudo-articles of --sentences sentences (tools/anercorp.py). A trailing
mark glued on a gold token (U+200E, U+200F) is left out of its span.

usage: persons.py ANERCORP FIRST LAST BAYAN WORKDIR [--ontology DIR]
                  [--sentences N] [--show]
"""
import argparse
import collections
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                '..', 'tools'))
import anercorp  # noqa: E402

MARKS = '\u200e\u200f'


def person_spans(text, tokens):
    """The PERS spans of an article's tokens [(begin, end, tag)]."""
    spans, start, end = set(), None, None
    for b, e, tag in tokens:
        if tag == 'B-PERS' or (tag == 'I-PERS' and start is None):
            if start is not None:
                spans.add((start, end))
            start = b
        elif tag != 'I-PERS' and start is not None:
            spans.add((start, end))
            start = None
        if start is not None:
            end = e - (len(text[b:e]) - len(text[b:e].rstrip(MARKS)))
    if start is not None:
        spans.add((start, end))
    return spans


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('anercorp')
    ap.add_argument('first', type=int)
    ap.add_argument('last', type=int)
    ap.add_argument('bayan')
    ap.add_argument('workdir')
    ap.add_argument('--ontology')
    ap.add_argument('--sentences', type=int, default=10)
    ap.add_argument('--show', action='store_true',
                    help='list the spurious and missed mentions')
    a = ap.parse_args()
    indir = os.path.join(a.workdir, 'in')
    os.makedirs(indir, exist_ok=True)
    sents = anercorp.read_sentences(a.anercorp, a.first, a.last)
    table = anercorp.write_articles(sents, indir, a.sentences)
    outdir = os.path.join(a.workdir, 'out')
    anercorp.run_bayan(a.bayan, indir, outdir, a.ontology)
    found = collections.defaultdict(set)
    for name, b, e, _ in anercorp.mentions(os.path.join(outdir, 'graph.nq'),
                                           'person'):
        found[name].add((b, e))
    tp = fp = fn = 0
    for name, (text, tokens) in sorted(table.items()):
        gold, out = person_spans(text, tokens), found.get(name, set())
        tp += len(gold & out)
        fp += len(out - gold)
        fn += len(gold - out)
        if a.show:
            for tag, bad in (('spurious', out - gold), ('missed', gold - out)):
                for b, e in sorted(bad):
                    print('%s\t%s\t%s' % (name, tag, text[b:e]))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print('articles %d, sentences %d' % (len(table), len(sents)))
    print('%-8s %5s %5s %5s  %9s %6s %6s' % ('type', 'tp', 'fp', 'fn',
                                            'precision', 'recall', 'f1'))
    print('%-8s %5d %5d %5d  %9.3f %6.3f %6.3f' % ('persons', tp, fp, fn,
                                                  p, r, f1))
    print('PERSONS F1 %.3f' % f1)
    return 0


if __name__ == '__main__':
    sys.exit(main())
