"""ANERcorp as articles for bayan, and bayan's mentions read back.

ANERcorp (one "TOKEN TAG" a line, IOB2 tags of PERS, LOC, ORG, MISC, else O;
no blank lines, sentences end at "." tokens) is read at run time from
../shared/data/anercorp; nothing of it is kept in the project. Its
sentences are joined into pseudo-articles (it has no article boundaries),
one sentence a line, tokens separated by spaces, so that each token's
place in the text is known; bayan's N-Quads give back the mentions as
nif:Phrase offsets. Used by tools/geonames/anercorp_fp.py (cities) and
bench/persons.py (persons).
"""

import os
import re
import subprocess


def read_sentences(path, first=1, last=None):
    """The sentences of lines first..last (1-based, inclusive) of path, each
    a list of (token, tag)."""
    sentences, cur = [], []
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            if number < first or (last is not None and number > last):
                continue
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


def write_articles(sentences, out, per_file, prefix='a'):
    """Writes the sentences into out, per_file sentences a file; returns
    {file name: (text, [(begin, end, tag)] per token)}, offsets in code
    points of the text."""
    table = {}
    for i in range(0, len(sentences), per_file):
        name = '%s%04d.txt' % (prefix, i // per_file)
        parts, spans, pos = [], [], 0
        for sent in sentences[i:i + per_file]:
            for k, (tok, tag) in enumerate(sent):
                if k:
                    parts.append(' ')
                    pos += 1
                spans.append((pos, pos + len(tok), tag))
                parts.append(tok)
                pos += len(tok)
            parts.append('\n')
            pos += 1
        text = ''.join(parts)
        with open(os.path.join(out, name), 'w', encoding='utf-8') as f:
            f.write(text)
        table[name] = (text, spans)
    return table


def run_bayan(bayan, indir, outdir, ontology=None):
    """Exports indir to outdir/graph.nq on one thread."""
    cmd = [bayan, '-q', '-j', '1', '-f', 'nquads', '-o', outdir, indir]
    if ontology:
        cmd[1:1] = ['--ontology', ontology]
    subprocess.run(cmd, check=True)


PHRASE = re.compile(r'^<([^#>]+)#char=(\d+),(\d+)> <[^>]*#taIdentRef> '
                    r'<[^>]*/(city|person|state|org)/([^>]+)>')
SOURCE = re.compile(r'^<([^#>]+)> <[^>]*#sourceFile> "([^"]+)"')


def mentions(nquads, kind):
    """The mentions of entities of kind ('city', 'person', ...) in an
    N-Quads export: [(file name, begin, end, slug)]."""
    sources, found = {}, []
    with open(nquads, encoding='utf-8') as f:
        for line in f:
            m = SOURCE.match(line)
            if m:
                sources[m.group(1)] = os.path.basename(m.group(2))
                continue
            m = PHRASE.match(line)
            if m and m.group(4) == kind:
                found.append((m.group(1), int(m.group(2)), int(m.group(3)),
                              m.group(5)))
    return [(sources[a], b, e, slug) for a, b, e, slug in found
            if a in sources]
