"""Shared helpers of the lexicon generators: TSV reading, systematic Arabic
surface variants and deterministic Turtle writing."""

import re
import sys

TASHKEEL = re.compile('[\u064B-\u065F\u0670\u0640]')  # harakat, dagger alef, tatweel

# Spelling pairs the news uses interchangeably; each form gets both spellings.
SPELLING_PAIRS = [
    ('أفريقي', 'إفريقي'),
    ('أمريك', 'أميرك'),
    ('الدنمارك', 'الدانمرك'),
    ('دنمارك', 'دانمرك'),
    ('الأوروبي', 'الأوربي'),
    ('كيميائي', 'كيماوي'),
]

PREFIXES = """@prefix bayan: <https://w3id.org/bayan/ontology#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""


def read_tsv(path, columns):
    """Rows of a tab-separated file as dicts; '#' lines are comments, '-' is
    an empty cell, '|' separates list items."""
    rows = []
    with open(path, encoding='utf-8') as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            cells = line.split('\t')
            if len(cells) != len(columns):
                sys.exit(f'{path}:{n}: {len(cells)} cells, want {len(columns)}')
            rows.append({c: ('' if v.strip() == '-' else v.strip())
                         for c, v in zip(columns, cells)})
    return rows


def split_list(cell):
    return [x.strip() for x in cell.split('|') if x.strip()] if cell else []


def strip_marks(s):
    return TASHKEEL.sub('', s)


# Letters the matcher folds together (src/text/normalize.c folds these and
# more): forms that differ only in them match the same text.
MATCH_FOLD = str.maketrans({'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي',
                            'ة': 'ه', 'ؤ': 'و', 'ئ': 'ي'})


def match_key(s):
    """s as the matcher compares it, as far as these letters go."""
    return strip_marks(s).translate(MATCH_FOLD)


def bare_alef(s):
    """The form with hamza-carrying alefs written bare, as much news does."""
    return s.replace('أ', 'ا').replace('إ', 'ا').replace('آ', 'ا')


def variants(form):
    """The form and its systematic spelling variants (pairs, bare alef)."""
    out = {strip_marks(form)}
    for a, b in SPELLING_PAIRS:
        for f in list(out):
            if a in f:
                out.add(f.replace(a, b))
            if b in f:
                out.add(f.replace(b, a))
    out |= {bare_alef(f) for f in out}
    return out


def nisba_forms(stem):
    """Nisba adjectives of a stem: each word gets the ending, with and without
    the article: masculine, feminine, masculine plural (two cases)."""
    words = stem.split()
    out = set()
    for ending in ('ي', 'ية', 'يون', 'يين'):
        plain = ' '.join(w + ending for w in words)
        definite = ' '.join('ال' + w + ending for w in words)
        out.update((plain, definite))
    return out


def literal(s, lang):
    esc = s.replace('\\', '\\\\').replace('"', '\\"')
    return f'"{esc}"@{lang}'


def entry(iri, cls, label_ar, label_en, forms, extra=()):
    """Turtle for one entry. forms exclude the label; extra is a list of
    (predicate, object-text) pairs written as given."""
    lines = [f'<{iri}> a {cls} ;',
             f'    rdfs:label {literal(label_ar, "ar")}, {literal(label_en, "en")}']
    for p, o in extra:
        lines[-1] += ' ;'
        lines.append(f'    {p} {o}')
    fs = sorted(set(forms) - {label_ar})
    if fs:
        lines[-1] += ' ;'
        lines.append('    bayan:form ' + ',\n        '.join(literal(f, 'ar') for f in fs))
    lines[-1] += ' .'
    return '\n'.join(lines) + '\n'


def write_ttl(path, header, entries):
    with open(path, 'w', encoding='utf-8') as f:
        f.write(header)
        f.write(PREFIXES)
        for e in entries:
            f.write('\n' + e)


def slug(name):
    """Lowercase ASCII slug of an English name."""
    import unicodedata
    s = unicodedata.normalize('NFKD', name).encode('ascii', 'ignore').decode()
    return re.sub(r'[^a-z0-9]+', '-', s.lower()).strip('-')


def expand(form):
    """Every string a form with {a/b/} alternations stands for, with runs of
    spaces collapsed."""
    m = re.search(r'\{([^{}]*)\}', form)
    if not m:
        return {' '.join(form.split())}
    out = set()
    for alt in m.group(1).split('/'):
        out |= expand(form[:m.start()] + alt + form[m.end():])
    return out
