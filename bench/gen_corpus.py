#!/usr/bin/python3
"""Writes a corpus of at least SIZE_MB megabytes to OUT_DIR from the seeds,
repeated with variations: encodings (UTF-8, BOM, UTF-16, windows-1256),
CRLF and CR line ends, HTML wrapping, and web debris (ZWJ, bidi marks,
tatweel, diacritics, entity residue, Arabic-Indic digits).

usage: gen_corpus.py SEEDS_DIR OUT_DIR [SIZE_MB]"""
import html
import os
import random
import sys

seeds_dir, out_dir = sys.argv[1], sys.argv[2]
size = int(float(sys.argv[3] if len(sys.argv) > 3 else 55) * 1e6)
rng = random.Random(42)
seeds = [open(os.path.join(seeds_dir, n), encoding='utf-8').read()
         for n in sorted(os.listdir(seeds_dir)) if n.endswith('.txt')]
DEBRIS = ['\u200d', '\u200c', '\u200f', '\u200e', '\u0640', '\u064e',
          '\u0650', '#x200d;', '&#x200d;', '&nbsp;', '\u2067', '\u2069']
DIGITS = str.maketrans('0123456789', '٠١٢٣٤٥٦٧٨٩')


def dirty(text):
    words = text.split(' ')
    for i in range(len(words)):
        if rng.random() < 0.08 and len(words[i]) > 2:
            k = rng.randrange(1, len(words[i]))
            words[i] = words[i][:k] + rng.choice(DEBRIS) + words[i][k:]
    return ' '.join(words).translate(DIGITS if rng.random() < 0.5 else {})


def document():
    parts = [rng.choice(seeds) for _ in range(12)]
    text = '\n\n'.join(dirty(p) if rng.random() < 0.5 else p for p in parts)
    kind = rng.choice(['utf8'] * 4 + ['bom', 'utf16', 'cp1256', 'crlf',
                                      'cr', 'html'])
    if kind == 'html':
        body = ''.join(f'<p>{html.escape(l)}</p>\n' for l in text.split('\n'))
        return 'html', ('<!DOCTYPE html><html><head><title>t</title>'
                        '<script>var x=1;</script></head><body><nav>x</nav>'
                        f'{body}</body></html>').encode('utf-8')
    if kind == 'bom':
        return 'txt', b'\xef\xbb\xbf' + text.encode('utf-8')
    if kind == 'utf16':
        return 'txt', b'\xff\xfe' + text.encode('utf-16-le')
    if kind == 'cp1256':
        return 'txt', text.encode('cp1256', errors='replace')
    if kind == 'crlf':
        return 'txt', text.replace('\n', '\r\n').encode('utf-8')
    if kind == 'cr':
        return 'txt', text.replace('\n', '\r').encode('utf-8')
    return 'txt', text.encode('utf-8')


os.makedirs(out_dir, exist_ok=True)
total = n = 0
while total < size:
    ext, data = document()
    with open(os.path.join(out_dir, f'doc{n:05d}.{ext}'), 'wb') as f:
        f.write(data)
    total += len(data)
    n += 1
print(f'{n} documents, {total / 1e6:.1f} MB in {out_dir}')
