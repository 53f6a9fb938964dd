#!/usr/bin/python3
"""Writes, as N-Triples on standard output, the graph the vocabulary asks
for that holds exactly the gold facts of the seeds (gold/000_*.json ..
004_*.json): what a perfect extractor would export, minus labels and NIF
evidence. It checks the competency questions themselves:

    tools/gold_graph.py > /tmp/gold.nt
    QUERIES_GRAPH=/tmp/gold.nt BAYAN=- SOURCE_ROOT=$PWD \
        tests/integration/queries.sh

must report every query PASS or XPASS. Usage: gold_graph.py [GOLD_DIR]
(default ../shared/corpus/gold beside the source tree)."""
import glob
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
G = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '..', '..', 'shared', 'corpus', 'gold')
golds=[json.load(open(f)) for f in sorted(glob.glob(G+'/0*.json'))]
slug={}
for line in open(os.path.join(HERE, 'organizations.tsv'), encoding='utf-8'):
    if line.startswith('#') or not line.strip(): continue
    c=line.rstrip('\n').split('\t'); slug[c[1]]=c[0]
slug['LebaneseArmy']='army-lb'
outlets={'Anadolu','AlSabahAlJadeed','Elaph'}
L=[]
def t(*x): L.append(' '.join(x)+' .')
I=lambda p: f'<https://w3id.org/bayan/id/{p}>'
B=lambda n: f'<https://w3id.org/bayan/ontology#{n}>'
S=lambda n: f'<https://schema.org/{n}>'
RDFS='<http://www.w3.org/2000/01/rdf-schema#label>'
A='<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>'
X=lambda n: f'<http://www.w3.org/2001/XMLSchema#{n}>'
def lit(v,dt=None,lang=None):
    s='"'+v.replace('\\','\\\\').replace('"','\\"')+'"'
    return s+('^^'+X(dt) if dt else '')+('@'+lang if lang else '')
def st(iso): t(I('state/'+iso),A,B('State')); t(I('state/'+iso),B('isoCode'),lit(iso)); return I('state/'+iso)
def og(i):
    o=I('org/'+slug[i]); t(o,A,B('Organization'))
    if i in outlets: t(o,A,S('NewsMediaOrganization'))
    return o
cities={}
for g in golds:
    for c in g['cities']: cities[c['name_en']]=c['iso']
def ct(n):
    c=I('city/'+n.lower()); t(c,A,B('City')); t(c,RDFS,lit(n,lang='en')); t(c,S('containedInPlace'),st(cities.get(n) or {'Brussels':'BE'}[n])); return c
# The canonical Arabic label of a person the lexicon knows is the lexicon's
# (vocabulary.md: rdfs:label is the canonical name), which may spell the
# hamza the text leaves out; other persons are named as the text writes them.
known={}
for m in re.finditer(r'rdfs:label "([^"]+)"@ar, "([^"]+)"@en',
                     open(os.path.join(HERE, '..', 'ontology', 'lexicon', 'persons.ttl'), encoding='utf-8').read()):
    known[m.group(2)]=m.group(1)
pers={}
for g in golds:
    for p in g['persons']: pers[p['name_en']]=p
def ps(n):
    p=pers[n]; i=I('person/'+re.sub('[^a-z]+','-',n.lower())); t(i,A,B('Person')); t(i,RDFS,lit(known.get(n,p['forms'][0]),lang='ar'))
    r=p['represents']
    if r: t(i,B('represents'),og(r) if r in slug else st(r))
    return i
def rs(issuer,num):
    r=I(f'resolution/{issuer.lower()}-{num}'); t(r,A,B('Resolution')); t(r,B('number'),lit(num)); t(r,B('issuedBy'),og(issuer)); return r
LEVEL_SLUG={'Ministerial':'ministerial','SmallGroupMinisterial':'small-group',
            'PoliticalDirectors':'political-directors','Leaders':'leaders','Other':'meeting'}
def date(d):
    return lit(d,'date' if len(d)==10 else 'gYearMonth' if len(d)==7 else 'gYear')
# Inviters: in the gold notes of 001 and 002 (bayan:invitedBy, not chair).
inv={'copenhagen-small-group-pd':'Jeppe Kofod','brussels-ministerial':'John Kerry'}
for k,g in enumerate(golds):
    a=I(f'article/{k}'); t(a,A,B('Article')); t(a,B('sourceFile'),lit(g['file']))
    if g.get('published'): t(a,S('datePublished'),date(g['published']))
    M=lambda e: t(a,S('mentions'),e)
    for s in g['states']: M(st(s['iso']))
    for c in g['cities']: M(ct(c['name_en']))
    for o in g['organizations']:
        M(og(o['id']))
        if o['id'] in outlets: t(a,S('publisher'),og(o['id']))
    for p in g['persons']: M(ps(p['name_en']))
    for r in g['resolutions']: M(rs(r['issuer'],r['number']))
    for m in g['meetings']:
        i=I(f"meeting/{k}-{m['id']}"); t(i,A,B('Meeting')); t(i,B('meetingLevel'),B(m['level']))
        t(i,'<http://www.w3.org/ns/prov#wasDerivedFrom>',a)
        if m['city']: t(i,S('location'),ct(m['city']))
        elif m['state']: t(i,S('location'),st(m['state']))
        if m['date']: t(i,S('startDate'),date(m['date']))
        t(i,B('virtual'),lit(str(m['virtual']).lower(),'boolean')); t(i,B('planned'),lit(str(m['planned']).lower(),'boolean'))
        for c in m['chairs']: t(i,B('chair'),ps(c))
        for s in m['new_members']: t(i,B('newMember'),st(s))
        if m['participant_count'] is not None: t(i,B('participantCount'),lit(str(m['participant_count']),'integer'))
        for r in m['resolutions']: t(i,B('references'),rs(*r.split()))
        if m['id'] in inv: t(i,B('invitedBy'),ps(inv[m['id']]))
        # A meeting its date does not identify (no day given) and that has
        # a place is in the candidate group of its place and level
        # (src/extract/meeting_identity.c; the gold names no organizer, so
        # a month never identifies a meeting here).
        place=m['city'].lower() if m['city'] else (m['state'] or '').lower()
        if place and not (m['date'] and len(m['date'])==10):
            t(i,B('candidateGroup'),I(f"meeting-candidates/{place}-{LEVEL_SLUG[m['level']]}"))
sys.stdout.write('\n'.join(sorted(set(L))) + '\n')
