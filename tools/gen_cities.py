#!/usr/bin/python3
"""Generates ontology/lexicon/cities.ttl: the curated cities of cities.tsv
merged with the world cities of GeoNames that have an Arabic name.
Deterministic. Run it through tools/geonames/run, which dumps the GeoNames
cities from Debian's libgeonames and passes the dump here:

    tools/geonames/run

Merging. A curated city keeps its IRI, labels and forms; the GeoNames city
that is the same place (same English slug and country, or failing that the
same folded Arabic label and country) adds its population and its GeoNames
IRI. Every other GeoNames city with an Arabic name becomes city/<slug of its
English name>; when that slug is taken (by a curated city, or by another
GeoNames city) every city sharing it gets -<iso> appended, and -<geonames id>
after that if the pair still clashes.

Ambiguity. The matcher takes every form for a name, so a GeoNames city (never
a curated one) whose name reads as something else needs a cue: it is kept,
marked bayan:needsCue, when the reason below is "word" or "person" (the
matcher then takes it only after a place cue, with the proclitic ب or ل, or
in a dateline); for the other reasons it is left out, and listed with the
reason in tools/geonames/dropped.tsv. The reasons:
  short   its name is one word of at most 3 letters;
  word    its name is one word that hunspell's Arabic dictionary (hunspell-ar)
          accepts, i.e. an ordinary word, a common first name, or a word
          with clitics, in its spelling or in one the matcher folds together
          with it (بيانة reads بيانه, "his statement"), or with one of the
          proclitics و ف ب ك ل that the matcher strips (بيرة in كبيرة),
          unless the city has 1,000,000 people or more;
  person  its name is one word that is a word of a name in persons.ttl
          (هولاند) or its English name a common given name (GIVEN_NAMES:
          Martin, Vladimir), unless it has 1,000,000 people or more; or its
          name is several words, all accepted by hunspell, the first of them a
          common first name (e.g. "علي الغربي");
  minor   its name is one word and it is a town of fewer than 100,000 people
          in the US, GB, CA, AU, NZ or IE, whose town names are mostly
          surnames (measured on ANERcorp: tools/geonames/anercorp_fp.py);
  taken   its name folds to a form of another lexicon entry (a state, an
          organization, a person, a region, a cue, a curated city) or of a
          more populous GeoNames city.

Spelling variants, by rule. Each city gets at most MAX_VARIANTS forms made by
the rules below from its label and curated forms (after the systematic
variants of lexgen.variants), in this order of priority:
  1. g: in a name outside the Arab states whose English name has a "g",
     غ is also written ج, ق or گ; ج is also written غ (only when the English
     name has no "j", where ج would be a j) -- شتوتغارت / شتوتجارت;
  2. v: ف and ڤ for each other when the English name has a "v" and no "f";
  3. p: ب and پ for each other when the English name has a "p" and no "b";
  4. the article: a one-word name written with ال also without it; a one-word
     name in an Arab state written without ال also with it;
  5. long vowels: in a name outside the Arab states, one of ا و ي inside a
     word of 5 letters or more (not its first or last letter, not next to
     another long vowel) left out -- برلين / برلن.
A swap is applied to every occurrence at once. A variant is kept only if it
folds (as the matcher folds text) to something new, is not a one-word
ordinary word by hunspell nor of 3 letters or fewer, and is not a form of
another entry.
"""

import argparse
import ctypes
import os
import re
import sys

import lexgen

HERE = os.path.dirname(os.path.abspath(__file__))
LEXICON = os.path.join(HERE, '..', 'ontology', 'lexicon')
OUT = os.path.join(LEXICON, 'cities.ttl')
DROPPED = os.path.join(HERE, 'geonames', 'dropped.tsv')
COLUMNS = ['name_en', 'iso', 'label_ar', 'forms']

MAX_VARIANTS = 8
# Reasons that keep a city, marked bayan:needsCue: the matcher takes its
# name only after a place cue (في، إلى، مدينة ...; ontology/lexicon/
# place-cues.ttl), with the proclitic ب or ل, or in a dateline.
CUED = ('word', 'person')
# Below this population a name that is an ordinary word is far more often
# the word ("في إطار", "within the framework of", is no visit to Atar): it
# needs a naming cue (مدينة، العاصمة) or a dateline, a preposition is not
# enough (bayan:needsNamingCue instead of bayan:needsCue).
PREPOSITION_CITY = 500000
BIG_CITY = 1000000
# One-word names of towns of English-speaking states are mostly surnames
# (Anderson, Redmond, Hurst): below this population they are left out.
MINOR_TOWN = 100000
ENGLISH_STATES = set('US GB CA AU NZ IE'.split())
# The members of the Arab League: their city names are Arabic, not
# transliterated, so the letter and vowel rules leave them alone.
ARAB_STATES = set('DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY '
                  'TN AE YE'.split())
# Common first names (besides the dictionary's own) that open the Arabic
# names of some towns, which would then read as a person's name.
FIRST_NAMES = set('علي محمد أحمد حسن حسين عمر عثمان خالد سعيد صالح إبراهيم '
                  'يوسف عبد عبدالله مصطفى محمود'.split())
LONG_VOWELS = 'اوي'
# Common given names of the West and of Russia that are also names of
# towns (English spelling, as GeoNames writes the town): a one-word town so
# named would read as a person's first name.
GIVEN_NAMES = set("""
Alexander Alexandria Amanda Andrew Anna Arthur Austin Barbara Benjamin Carl
Carmen Caroline Charles Charlotte Christian Christina Clara Clinton Daniel
David Diana Dominic Douglas Edward Elizabeth Ella Elsa Emily Eugene
Francis Franklin Frederick George Gilbert Godfrey Grace Hamilton Harold
Harrison Helen Henry Howard Hugo Isabel Jackson Jacob James Jefferson Joseph
Julia Julian Kelly Kevin Lawrence Leon Leonard Lincoln Louis Louise Lucas
Madison Marcus Maria Marion Mark Martin Mary Maxwell Michael Milton Mitchell
Monica Morgan Nelson Nicholas Olga Oliver Patrick Paul Peter Philip Raymond
Richard Robert Roger Rose Russell Samuel Sofia Stanley Stephen Steven Taylor
Thomas Tyler Valentina Victor Victoria Vincent Vladimir Walter Warren Wilson
Xavier Yuri
""".split())

FOLDS = str.maketrans({'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ى': 'ي',
                       'ة': 'ه', 'ؤ': 'و', 'ئ': 'ي', 'ی': 'ي', 'ک': 'ك'})


def fold(s):
    """The form as the matcher compares it: no marks, hamza and teh marbuta
    folded (see FOLDS in the matcher's text folding)."""
    return ' '.join(lexgen.strip_marks(s).translate(FOLDS).split())


def letters(s):
    return len(lexgen.strip_marks(s).replace(' ', ''))


class Hunspell:
    """hunspell-ar through libhunspell."""

    def __init__(self):
        lib = ctypes.CDLL('libhunspell-1.7.so.0')
        lib.Hunspell_create.restype = ctypes.c_void_p
        lib.Hunspell_create.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        lib.Hunspell_spell.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        self.lib = lib
        d = '/usr/share/hunspell/ar'
        if not os.path.exists(d + '.dic'):
            sys.exit('gen_cities: hunspell-ar is not installed')
        self.h = lib.Hunspell_create((d + '.aff').encode(), (d + '.dic').encode())
        self.cache = {}
        self.names = first_names(d + '.dic')

    def word(self, w):
        w = lexgen.strip_marks(w)
        if w not in self.cache:
            self.cache[w] = bool(self.lib.Hunspell_spell(self.h, w.encode()))
        return self.cache[w]


def first_names(dic):
    """The personal names the Arabic dictionary lists in its own section."""
    out, inside = set(), False
    with open(dic, encoding='utf-8', errors='replace') as f:
        for line in f:
            if line.startswith('#'):
                inside = 'أشخاص' in line
                continue
            if inside:
                out.add(line.split('/')[0].split('\t')[0].strip())
    return out | FIRST_NAMES


def read_taken():
    """Folded Arabic forms of every other lexicon file -> the entry's IRI;
    the ISO codes of the states; the folded words of the persons' names."""
    taken, states, name_words = {}, set(), set()
    for name in sorted(os.listdir(LEXICON)):
        if not name.endswith('.ttl') or name == 'cities.ttl':
            continue
        subject = None
        with open(os.path.join(LEXICON, name), encoding='utf-8') as f:
            for line in f:
                m = re.match(r'<([^>]+)>', line)
                if m:
                    subject = m.group(1)
                    if name == 'states.ttl' and subject.startswith('state/'):
                        states.add(subject[len('state/'):])
                for lit in re.findall(r'"((?:[^"\\]|\\.)*)"@ar', line):
                    taken.setdefault(fold(lit), subject)
                    if name == 'persons.ttl':
                        name_words |= set(fold(lit).split())
    return taken, states, name_words


def read_geonames(path):
    out = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            gid, en, iso, pop, ar = line.rstrip('\n').split('\t')
            if ar != '-':
                out.append({'id': gid, 'en': en, 'iso': iso, 'pop': int(pop),
                            'ar': ar})
    return out


def swaps(form, en, iso):
    """Rules 1-3: (from, to) letter swaps that apply to this name."""
    if iso in ARAB_STATES:
        return []
    e = en.lower()
    out = []
    if 'g' in e:
        out += [('غ', 'ج'), ('غ', 'ق'), ('غ', 'گ')]
        if 'j' not in e:
            out += [('ج', 'غ'), ('ج', 'گ')]
    if 'v' in e and 'f' not in e:
        out += [('ف', 'ڤ'), ('ڤ', 'ف')]
    if 'p' in e and 'b' not in e:
        out += [('ب', 'پ'), ('پ', 'ب')]
    return [(a, b) for a, b in out if a in form]


def rule_variants(form, en, iso):
    """Variant spellings of one form by rules 1-5, best first."""
    form = lexgen.strip_marks(form)
    out = [form.replace(a, b) for a, b in swaps(form, en, iso)]
    if ' ' not in form:
        if form.startswith('ال') and letters(form) > 5:
            out.append(form[2:])
        elif iso in ARAB_STATES and not form.startswith('ال'):
            out.append('ال' + form)
    if iso not in ARAB_STATES:
        words = form.split(' ')
        for k, w in enumerate(words):
            if len(w) < 5:
                continue
            for i in range(1, len(w) - 1):
                if (w[i] in LONG_VOWELS and w[i - 1] not in LONG_VOWELS
                        and w[i + 1] not in LONG_VOWELS):
                    out.append(' '.join(words[:k] + [w[:i] + w[i + 1:]]
                                        + words[k + 1:]))
    return out


def spellings(w):
    """The spellings that the matcher folds together with w, as far as they
    matter for the dictionary: teh marbuta or heh, alef maqsura or yeh at the
    end; alefs bare, or one of them with hamza or madda (آلاشهر reads
    الأشهر, "the months")."""
    w = lexgen.strip_marks(w)
    out = {w}
    for f in list(out):
        if f.endswith('ة') or f.endswith('ه'):
            out |= {f[:-1] + 'ة', f[:-1] + 'ه'}
    for f in list(out):
        if f.endswith('ى') or f.endswith('ي'):
            out |= {f[:-1] + 'ى', f[:-1] + 'ي'}
    for f in list(out):
        bare = lexgen.bare_alef(f)
        out.add(bare)
        for i, ch in enumerate(bare):
            if ch == 'ا':
                out |= {bare[:i] + a + bare[i + 1:] for a in 'أإآ'}
    return out


PROCLITICS = ['', 'و', 'ف', 'ب', 'ك', 'ل']


def ordinary(w, hun):
    """hunspell takes w, in some spelling the matcher cannot tell from it,
    for a word; or takes w with a proclitic the matcher strips for a word
    (بيرة is no word, but the matcher finds it in كبيرة, "big")."""
    return any(hun.word(p + s) for s in spellings(w) for p in PROCLITICS)


def ambiguous(c, hun, name_words):
    """Why a GeoNames name would read as something else, or None."""
    ar, pop = c['ar'], c['pop']
    words = lexgen.strip_marks(ar).split()
    if len(words) == 1:
        if letters(ar) <= 3:
            return 'short'
        if pop >= BIG_CITY:
            return None
        if ordinary(words[0], hun):
            return 'word'
        if c['en'] in GIVEN_NAMES or fold(words[0]) in name_words:
            return 'person'
        if c['iso'] in ENGLISH_STATES and pop < MINOR_TOWN:
            return 'minor'
        return None
    if all(ordinary(w, hun) for w in words) and (
            words[0] in hun.names or lexgen.bare_alef(words[0]) in
            {lexgen.bare_alef(n) for n in hun.names}):
        return 'person'
    return None


def variant_ok(v, hun):
    words = v.split()
    if len(words) == 1 and (letters(v) <= 3 or ordinary(v, hun)):
        return False
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--geonames', required=True,
                    help='the dump of tools/geonames/dump_cities.c '
                         '(tools/geonames/run makes it and calls this)')
    args = ap.parse_args()
    hun = Hunspell()
    taken, states, name_words = read_taken()
    geo = read_geonames(args.geonames)
    geo.sort(key=lambda c: (-c['pop'], int(c['id'])))

    by_slug, by_ar = {}, {}
    for c in geo:
        by_slug.setdefault((lexgen.slug(c['en']), c['iso']), c)
        by_ar.setdefault((fold(c['ar']), c['iso']), c)

    cities = {}   # iri -> dict
    used = set()  # GeoNames ids merged into curated cities
    for r in lexgen.read_tsv(os.path.join(HERE, 'cities.tsv'), COLUMNS):
        s = lexgen.slug(r['name_en'])
        iri = f'city/{s}'
        if iri in cities:
            sys.exit(f'gen_cities: duplicate slug {s}')
        forms = set()
        for f in [r['label_ar']] + lexgen.split_list(r['forms']):
            forms |= lexgen.variants(f)
        g = by_slug.get((s, r['iso'])) or by_ar.get((fold(r['label_ar']), r['iso']))
        if g and g['id'] in used:
            g = None
        if g:
            used.add(g['id'])
        cities[iri] = {'label': r['label_ar'], 'en': r['name_en'],
                       'iso': r['iso'], 'forms': forms, 'geo': g,
                       'curated': True}
        for f in forms | {r['label_ar']}:
            taken.setdefault(fold(f), iri)

    # New cities: labels first, most populous first, so that a smaller
    # namesake is the one dropped; then the slugs.
    dropped, new = [], []
    for c in geo:
        if c['id'] in used:
            continue
        why = ambiguous(c, hun, name_words)
        if why in CUED and c['iso'] in ENGLISH_STATES and c['pop'] < MINOR_TOWN:
            why = 'minor'  # a surname more often than a town, cue or not
        k = fold(c['ar'])
        if (not why or why in CUED) and k in taken:
            why = 'taken ' + taken[k]
        c['cued'] = why in CUED
        if why and not c['cued']:
            dropped.append((c, why))
            continue
        taken[k] = 'geonames/' + c['id']
        new.append(c)
    slugs = {}
    for c in new:
        slugs.setdefault(lexgen.slug(c['en']) or 'geonames-' + c['id'], []).append(c)
    for s, group in slugs.items():
        for c in group:
            iri = f'city/{s}'
            if len(group) > 1 or iri in cities:
                iri = f'city/{s}-{c["iso"].lower()}'
                if sum(1 for d in group if d['iso'] == c['iso']) > 1:
                    iri += '-' + c['id']
            if iri in cities:
                sys.exit(f'gen_cities: IRI clash {iri}')
            cities[iri] = {'label': c['ar'], 'en': c['en'], 'iso': c['iso'],
                           'forms': lexgen.variants(c['ar']), 'geo': c,
                           'curated': False, 'cued': c['cued']}
            for f in cities[iri]['forms']:
                taken[fold(f)] = iri
            taken[fold(c['ar'])] = iri

    # Rule variants, most populous city first.
    def pop_of(iri):
        g = cities[iri]['geo']
        return g['pop'] if g else 0
    n_variants = 0
    for iri in sorted(cities, key=lambda i: (-pop_of(i), i)):
        c = cities[iri]
        own = {fold(f) for f in c['forms']} | {fold(c['label'])}
        added = 0
        for f in [c['label']] + sorted(c['forms']):
            for v in rule_variants(f, c['en'], c['iso']):
                k = fold(v)
                if added >= MAX_VARIANTS:
                    break
                if k in own or k in taken or not variant_ok(v, hun):
                    continue
                own.add(k)
                taken[k] = iri
                c['forms'].add(v)
                added += 1
        n_variants += added

    entries = []
    for iri in sorted(cities):
        c = cities[iri]
        extra = []
        if c['iso'] and c['iso'] in states:
            extra.append(('schema:containedInPlace', f'<state/{c["iso"]}>'))
        if c['geo']:
            extra.append(('schema:population',
                          f'"{c["geo"]["pop"]}"^^xsd:integer'))
            extra.append(('schema:sameAs',
                          f'<https://sws.geonames.org/{c["geo"]["id"]}/>'))
        if c.get('cued'):
            strong = c['geo']['pop'] < PREPOSITION_CITY
            extra.append(('bayan:needsNamingCue' if strong else
                          'bayan:needsCue', '"true"^^xsd:boolean'))
        # The label is kept as written: a shadda may tell عمّان from عُمان.
        entries.append(lexgen.entry(iri, 'bayan:City', c['label'], c['en'],
                                    c['forms'], extra))
    n_geo = sum(1 for c in cities.values() if not c['curated'])
    n_cur = sum(1 for c in cities.values() if c['curated'])
    lexgen.write_ttl(
        OUT,
        '# Cities: the curated ones of tools/cities.tsv (national capitals, '
        'meeting venues,\n# cities the news names) and the world cities of '
        'GeoNames (geonames.org,\n# CC BY 4.0) that have an Arabic name, as '
        "Debian's libgeonames ships them.\n"
        f'# {n_cur} curated ({len(used)} of them linked to GeoNames), '
        f'{n_geo} from GeoNames, {n_variants} rule-made variant forms;\n'
        f'# {len(dropped)} GeoNames cities left out as ambiguous: '
        'tools/geonames/dropped.tsv.\n'
        '# Generated by tools/gen_cities.py; edit tools/cities.tsv or the '
        'rules there, not this\n# file, and re-run: tools/geonames/run\n',
        entries)
    with open(DROPPED, 'w', encoding='utf-8') as f:
        f.write('# GeoNames cities left out of ontology/lexicon/cities.ttl '
                'as ambiguous (see the\n# rules in tools/gen_cities.py). '
                'Generated by tools/geonames/run.\n'
                '# geonames_id\tname_en\tiso\tpopulation\tname_ar\treason\n')
        for c, why in sorted(dropped, key=lambda x: (x[1].split()[0],
                                                      x[0]['en'], int(x[0]['id']))):
            f.write(f'{c["id"]}\t{c["en"]}\t{c["iso"]}\t{c["pop"]}\t'
                    f'{c["ar"]}\t{why}\n')
    print(f'gen_cities: {n_cur} curated ({len(used)} linked), {n_geo} from '
          f'GeoNames, {len(dropped)} dropped, {n_variants} variants',
          file=sys.stderr)


if __name__ == '__main__':
    main()
