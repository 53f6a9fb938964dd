#!/usr/bin/python3
"""Generates ontology/lexicon/organizations.ttl from organizations.tsv (the
bodies with names of their own), plus the bodies built from parts: every
kind of org-parts.tsv (ministries, the army, the national security council,
the embassy, the parliament, the news agency) joined to every state of
states-curated.tsv, by its nisba adjective or by its name. Deterministic."""

import os
import sys

import gen_states
import lexgen

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'ontology', 'lexicon', 'organizations.ttl')
COLUMNS = ['slug', 'gold_id', 'label_ar', 'label_en', 'forms']

PARTS_COLUMNS = ['kind', 'slug', 'gender', 'nisba_heads', 'construct_heads',
                 'label_en', 'class', 'bare_heads']


def org_rows():
    return lexgen.read_tsv(os.path.join(HERE, 'organizations.tsv'), COLUMNS)


def news_slugs():
    """Slugs of the rows under a '# --- news ...' section of
    organizations.tsv: news agencies and outlets. They are typed
    schema:NewsMediaOrganization too, which is how the publisher stage
    (src/extract/metadata.c) tells an outlet from any other body."""
    slugs, news = set(), False
    with open(os.path.join(HERE, 'organizations.tsv'), encoding='utf-8') as f:
        for line in f:
            if line.startswith('# ---'):
                news = line[len('# ---'):].strip().startswith('news')
            elif news and line.strip() and not line.startswith('#'):
                slugs.add(line.split('\t')[0].strip())
    return slugs


def state_names(r, cldr_ar):
    """The Arabic names of a state that a head noun can govern (العراق,
    الولايات المتحدة, دولة الكويت); not its nisba adjectives."""
    drop = set(lexgen.split_list(r['drop']))
    names = {r['label_ar'] or cldr_ar, cldr_ar} | set(
        lexgen.split_list(r['forms']))
    return sorted(n for n in names if n and n not in drop)


def join_head(head, word):
    """The head with the state's adjective or name put in: at its '*' when
    it has one (الوكالة * للأنباء, مصرف * المركزي), else after it."""
    return head.replace('*', word) if '*' in head else head + ' ' + word


def national_bodies():
    """(slug, label_ar, label_en, forms, news, iso, bare) of the bodies built
    from the kinds of org-parts.tsv and the states of states-curated.tsv;
    bare: the heads that name the body without its state. Rows of one slug
    pattern make one body (heads of two genders: جهاز المخابرات العراقي,
    المخابرات العراقية); the first row gives its label, class and bare
    heads."""
    parts = lexgen.read_tsv(os.path.join(HERE, 'org-parts.tsv'),
                            PARTS_COLUMNS)
    curated = lexgen.read_tsv(os.path.join(HERE, 'states-curated.tsv'),
                              gen_states.COLUMNS)
    names = gen_states.cldr_names(sorted(r['iso'] for r in curated))
    out = []
    for r in curated:
        iso = r['iso']
        en = r['label_en'] or names[iso][1]
        stems = lexgen.split_list(r['nisba'])
        adj = {
            'f': [' '.join('ال' + w + 'ية' for w in s.split()) for s in stems],
            'm': [' '.join('ال' + w + 'ي' for w in s.split()) for s in stems],
        }
        nouns = state_names(r, names[iso][0])
        bodies = {}  # slug pattern: [first row, forms]
        for p in parts:
            forms = [join_head(h, a)
                     for h in lexgen.split_list(p['nisba_heads'])
                     for a in adj[p['gender']]]
            forms += [join_head(h, n)
                      for h in lexgen.split_list(p['construct_heads'])
                      for n in nouns]
            bodies.setdefault(p['slug'], [p, []])[1].extend(forms)
        for p, forms in bodies.values():
            if not forms:
                continue
            bare = lexgen.split_list(p['bare_heads'])
            out.append((p['slug'].format(iso=iso.lower()), forms[0],
                        p['label_en'].format(state=en), forms,
                        p['class'] == 'news', iso, bare))
    return out


# Spelling pairs of organizations' names beyond lexgen's: each form gets
# both spellings.
ORG_SPELLING_PAIRS = [
    ('ميليشي', 'مليشي'),
    ('الديمقراطي', 'الديموقراطي'),
    ('فيدرالي', 'فدرالي'),
    ('بلومبرغ', 'بلومبرج'),
    ('فاغنر', 'فاجنر'),
    ('الغارديان', 'الجارديان'),
]


def distinct_for_matching(label, forms):
    """The forms, less those that the matcher folds to the label or to a
    form kept before them (sorted order): they would compile to the same
    trie path and only cost parsing at every start."""
    seen = {lexgen.match_key(label)}
    out = set()
    for f in sorted(forms):
        key = lexgen.match_key(f)
        if key not in seen:
            seen.add(key)
            out.add(f)
    return out


def with_variants(raw):
    forms = set()
    for f in raw:
        forms |= lexgen.variants(f)
    for a, b in ORG_SPELLING_PAIRS:
        for f in list(forms):
            if a in f:
                forms.add(f.replace(a, b))
            if b in f:
                forms.add(f.replace(b, a))
    return forms


def main():
    news = news_slugs()
    listed = {}   # slug: [label_ar, label_en, forms]
    owner = {}    # form: the listed slug it names
    for r in org_rows():
        raw = [f for x in [r['label_ar']] + lexgen.split_list(r['forms'])
               for f in lexgen.expand(x)]
        if r['slug'] in listed:
            sys.exit(f'gen_orgs: duplicate slug {r["slug"]}')
        forms = with_variants(raw)
        listed[r['slug']] = [r['label_ar'], r['label_en'], forms]
        for f in forms:
            owner.setdefault(f, r['slug'])
    built = {}
    extra = {}  # slug: the state it is a body of and its bare heads
    for slug, label_ar, label_en, raw, is_news, iso, bare in national_bodies():
        forms = with_variants(raw)
        # A body that is listed already (the State Department is the
        # mfa of the US) lends its forms to the listed entry.
        # A listed row with the slug of a generated body (parliament-il:
        # الكنيست) names it in words of its own: it is that body.
        hosts = {owner[f] for f in forms if f in owner}
        if slug in listed:
            hosts.add(slug)
        if len(hosts) > 1:
            sys.exit(f'gen_orgs: {slug} meets listed {sorted(hosts)}')
        facts = [('bayan:bodyOf', f'<state/{iso}>')] + [
            ('bayan:bareForm', lexgen.literal(b, 'ar')) for b in bare]
        if hosts:
            host = hosts.pop()
            listed[host][2] |= forms
            extra.setdefault(host, []).extend(facts)
            continue
        extra[slug] = facts
        if slug in listed or slug in built:
            sys.exit(f'gen_orgs: duplicate slug {slug}')
        built[slug] = (label_ar, label_en, forms, is_news)
        if is_news:
            news.add(slug)
    entries = {}
    seen = {}
    for slug, (label_ar, label_en, forms) in listed.items():
        entries[slug] = (label_ar, label_en, forms)
    for slug, (label_ar, label_en, forms, _) in built.items():
        entries[slug] = (label_ar, label_en, forms)
    for slug in sorted(entries):
        for f in entries[slug][2]:
            if f in seen and slug in built:
                sys.exit(f'gen_orgs: form {f} of {slug} names {seen[f]} too')
            seen.setdefault(f, slug)
    out = []
    for slug in sorted(entries):
        label_ar, label_en, forms = entries[slug]
        cls = 'bayan:Organization'
        if slug in news:
            cls += ', schema:NewsMediaOrganization'
        facts = sorted(set(extra.get(slug, [])))
        if len({o for p, o in facts if p == 'bayan:bodyOf'}) > 1:
            sys.exit(f'gen_orgs: {slug} is a body of several states')
        out.append(lexgen.entry(f'org/{slug}', cls, label_ar, label_en,
                                distinct_for_matching(label_ar, forms),
                                facts))
    lexgen.write_ttl(OUT, '# Organizations: international and regional '
                     'bodies, the UN system, coalitions,\n# armed groups, '
                     'government bodies and news agencies. Generated by\n# '
                     'tools/gen_orgs.py from tools/organizations.tsv, '
                     'tools/org-parts.tsv and\n# tools/states-curated.tsv; '
                     'edit those, not this file.\n', out)
    kinds = {}
    for slug in built:
        k = slug.rsplit('-', 1)[0]
        kinds[k] = kinds.get(k, 0) + 1
    print(f'gen_orgs: {len(listed)} listed, {len(built)} built: ' +
          ', '.join(f'{k} {n}' for k, n in sorted(kinds.items())),
          file=sys.stderr)

if __name__ == '__main__':
    main()
