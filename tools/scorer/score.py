#!/usr/bin/python3
"""Score bayan's output graph against the gold annotations of the corpus.

Usage: score.py --gold DIR OUTPUT.(ttl|nt|nq|trig) [--json] [--per-article]
                [--inputs PATH]... [--no-only-present] [--floors FILE]
                [--floors-set NAME]

Each bayan:Article is paired with gold/<sourceFile minus .txt>.json through
bayan:sourceFile; per entity type the scorer counts matched (tp), spurious
(fp) and missed (fn) items, sums them over the articles (micro average) and
reports precision, recall and F1. Meetings are matched by location and date
and then compared field by field. NIF phrases are checked against the text
their offsets count into. The mapping from graph to gold follows
/work/shared/spec/vocabulary.md and /work/shared/corpus/GUIDELINES.md.
"""

import argparse
import json
import os
import re
import sys
import unicodedata

try:
    import rdflib
    from rdflib import RDF, RDFS, Literal, Namespace, URIRef
except ImportError:  # Debian ships it as python3-rdflib; no pip here.
    sys.stderr.write("score.py: rdflib is missing (apt-get install "
                     "python3-rdflib) or run with /usr/bin/python3\n")
    sys.exit(2)

BAYAN = Namespace("https://w3id.org/bayan/ontology#")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
NIF = Namespace(
    "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
ITSRDF = Namespace("http://www.w3.org/2005/11/its/rdf#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")

TYPES = ("states", "cities", "organizations", "persons", "resolutions")
MEETING_FIELDS = ("date", "level", "virtual", "planned", "chairs",
                  "new_members", "participant_count", "resolutions")

# English names under which an issuer of resolutions may appear, keyed by
# the annotators' issuer key; used when the issuer's slug says nothing.
ISSUER_NAMES = {
    "UNSC": ("un security council", "united nations security council",
             "security council", "unsc"),
    "ArabLeague": ("arab league", "league of arab states"),
    "UNGA": ("un general assembly", "united nations general assembly"),
}

# ---------------------------------------------------------------- Arabic --

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
                         "\u0640]")
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
                       "ى": "ي", "ة": "ه"})
_CLITICS = "وبلفك"


def fold(s):
    """Arabic folding: NFC, no diacritics or tatweel, one alef, one ya,
    ta marbuta as ha, single spaces."""
    s = unicodedata.normalize("NFC", s)
    s = _DIACRITICS.sub("", s).translate(_FOLD)
    return " ".join(s.split())


def variants(s):
    """The folded form and the forms left after stripping a leading clitic
    (one of و ب ل ف ك, or و/ف followed by another), where what is left is
    still a word; ل before the article drops the alef (للعراق = ل+العراق)."""
    f = fold(s)
    out = {f}
    heads = [f]
    if len(f) > 1 and f[0] in "وف" and f[1] in _CLITICS:
        heads.append(f[1:])
    for h in heads:
        if h.startswith("لل") and len(h) > 4:
            out.add("ال" + h[2:])
        if len(h) > 3 and h[0] in _CLITICS:
            out.add(h[1:])
    return out


def forms_match(gold_forms, out_forms):
    """True when a gold form equals an output string after folding, allowing
    a leading clitic on either side."""
    g = set()
    for x in gold_forms:
        g |= variants(x)
    return any(variants(y) & g for y in out_forms)


def norm_key(s):
    """Identifier comparison: case-insensitive, - _ and spaces ignored."""
    return re.sub(r"[-_\s]", "", s or "").lower()


# ----------------------------------------------------------------- graph --

def guess_format(path):
    ext = os.path.splitext(path)[1].lower()
    return {".ttl": "turtle", ".nt": "nt", ".nq": "nquads",
            ".trig": "trig"}.get(ext, "turtle")


def load_graph(path):
    """A ConjunctiveGraph: triples() on it searches every named graph, so
    N-Quads and N-Triples read alike."""
    g = rdflib.ConjunctiveGraph()
    g.parse(path, format=guess_format(path))
    return g


def local_name(iri):
    s = str(iri)
    return re.split(r"[#/]", s.rstrip("/#"))[-1]


def literals(g, s, p, lang=None):
    """String values of s p ?o; with lang, only literals in that language
    ("" means: untagged or any)."""
    out = []
    for o in g.objects(s, p):
        if not isinstance(o, Literal):
            continue
        if lang is None or (o.language or "").lower() == lang:
            out.append(str(o))
    return out


def first(values):
    return sorted(values)[0] if values else None


class Article:
    """What the graph says about one article: its entities by class, the
    anchors of its phrases per entity, and its meetings."""

    def __init__(self, g, node, view):
        self.g, self.node, self.view = g, node, view
        self.contexts = set(g.objects(node, BAYAN.context))
        prefix = str(node) + "#"
        for c in g.subjects(RDF.type, NIF.Context):
            if str(c).startswith(prefix):
                self.contexts.add(c)
        self.anchors = {}
        for c in self.contexts:
            for ph in g.subjects(NIF.referenceContext, c):
                for e in g.objects(ph, ITSRDF.taIdentRef):
                    self.anchors.setdefault(e, set()).update(
                        literals(g, ph, NIF.anchorOf))
        self.mentions = set(g.objects(node, SCHEMA.mentions))

    def entities(self, cls):
        return sorted(e for e in self.mentions
                      if (e, RDF.type, cls) in self.g)

    def arabic_forms(self, e):
        g = self.g
        forms = set(literals(g, e, RDFS.label, "ar"))
        forms |= set(literals(g, e, SKOS.altLabel, "ar"))
        forms |= set(literals(g, e, SKOS.altLabel, ""))
        forms |= self.anchors.get(e, set())
        return forms

    def label_en(self, e):
        return first(literals(self.g, e, RDFS.label, "en"))

    def meetings(self):
        v = self.view
        return sorted(set(m for m in v.subjects(PROV.wasDerivedFrom, self.node)
                          if (m, RDF.type, BAYAN.Meeting) in self.g))


def article_views(g, path):
    """(article node, view) for every bayan:Article; in N-Quads the view is
    the article's own named graph, so that meeting facts merged from other
    articles do not leak in; otherwise it is the whole graph."""
    named = {}
    if guess_format(path) in ("nquads", "trig"):
        for ctx in g.contexts():
            named[ctx.identifier] = ctx
    for a in sorted(set(g.subjects(RDF.type, BAYAN.Article))):
        view = named.get(a, g)
        if view is not g and len(view) == 0:
            view = g
        yield a, view


# -------------------------------------------------------------- matching --

def greedy(gold, out, predicates):
    """Pairs gold and output items one to one: for each predicate in turn
    (strongest first), each unmatched gold item takes the first unmatched
    output item it satisfies. Returns (pairs, unmatched gold, unmatched
    output)."""
    pairs, gl, ol = [], list(gold), list(out)
    for pred in predicates:
        for gi in list(gl):
            for oi in ol:
                if pred(gi, oi):
                    pairs.append((gi, oi))
                    gl.remove(gi)
                    ol.remove(oi)
                    break
    return pairs, gl, ol


class Item:
    """An output entity as the matchers see it."""

    def __init__(self, art, e):
        self.node = e
        self.slug = local_name(e)
        self.en = art.label_en(e)
        self.ar = art.arabic_forms(e)
        self.iso = first(literals(art.g, e, BAYAN.isoCode))
        self.show = self.en or first(self.ar) or self.slug

    def __repr__(self):
        return self.show


def en_eq(a, b):
    return bool(a) and bool(b) and a.strip().lower() == b.strip().lower()


def state_iso(item):
    if item.iso:
        return item.iso.upper()
    if re.fullmatch(r"[A-Z]{2}", item.slug):  # …/state/IQ without isoCode
        return item.slug
    return None


def score_states(art, gold):
    out = [Item(art, e) for e in art.entities(BAYAN.State)]
    gkeys = sorted(set(s["iso"].upper() for s in gold))
    return greedy(gkeys, out, [lambda g, o: state_iso(o) == g])


def score_cities(art, gold):
    out = [Item(art, e) for e in art.entities(BAYAN.City)]
    return greedy(gold, out, [
        lambda g, o: en_eq(g.get("name_en"), o.en),
        lambda g, o: forms_match(g.get("forms", []), o.ar)])


def org_predicates(key, name, forms):
    """The three ways a gold organization matches an output one: slug =
    id, English label = name_en, a gold form = an Arabic label/anchor."""
    return [lambda g, o: norm_key(o.slug) == norm_key(key(g)),
            lambda g, o: en_eq(name(g), o.en),
            lambda g, o: forms_match(forms(g), o.ar)]


def score_orgs(art, gold):
    out = [Item(art, e) for e in art.entities(BAYAN.Organization)]
    return greedy(gold, out, org_predicates(
        lambda g: g.get("id"), lambda g: g.get("name_en"),
        lambda g: g.get("forms", [])))


def score_persons(art, gold):
    out = [Item(art, e) for e in art.entities(BAYAN.Person)]
    return greedy(gold, out, [
        lambda g, o: en_eq(g.get("name_en"), o.en),
        lambda g, o: forms_match(g.get("forms", []), o.ar)])


class Issuers:
    """Maps an output issuer organization to the annotators' issuer key,
    using the article's gold organizations where they name the issuer."""

    def __init__(self, gold):
        self.orgs = {o["id"]: o for o in gold.get("organizations", [])}
        keys = {r["issuer"] for r in gold.get("resolutions", [])}
        for m in gold.get("meetings", []):
            keys |= {r.split()[0] for r in m.get("resolutions", []) if r}
        self.keys = sorted(keys | set(ISSUER_NAMES))

    def matches(self, key, item):
        if item is None:
            return False
        if norm_key(item.slug) == norm_key(key):
            return True
        names = set(ISSUER_NAMES.get(key, ()))
        org = self.orgs.get(key, {})
        if org.get("name_en"):
            names.add(org["name_en"].lower())
        if item.en and item.en.strip().lower() in names:
            return True
        return forms_match(org.get("forms", []), item.ar)

    def key_of(self, item):
        for k in self.keys:
            if self.matches(k, item):
                return k
        return item.slug if item else "?"


def resolution_key(art, issuers, r):
    """(issuer key, number) of an output resolution; without bayan:issuedBy
    the IRI slug (unsc-2254) stands in."""
    number = first(literals(art.g, r, BAYAN.number))
    by = first(list(art.g.objects(r, BAYAN.issuedBy)))
    if by is not None:
        issuer = issuers.key_of(Item(art, by))
    else:
        m = re.fullmatch(r"(.+?)[-_]?(\d+)", local_name(r))
        issuer = issuers.key_of(None) if not m else next(
            (k for k in issuers.keys if norm_key(k) == norm_key(m.group(1))),
            m.group(1))
        number = number or (m.group(2) if m else None)
    return "%s %s" % (issuer, (number or "?").strip())


def score_resolutions(art, gold, issuers):
    out = [resolution_key(art, issuers, r)
           for r in art.entities(BAYAN.Resolution)]
    gkeys = ["%s %s" % (r["issuer"], r["number"]) for r in gold]
    return greedy(gkeys, out, [lambda g, o: norm_key(g) == norm_key(o)])


# -------------------------------------------------------------- meetings --

def bool_of(values):
    """xsd:boolean of a property; an absent one reads as false."""
    return any(v.strip().lower() in ("true", "1") for v in values)


def date_compatible(a, b):
    """Same date as far as the less precise one goes (2021 ~ 2021-06-28)."""
    if not a or not b:
        return False
    a, b = a.strip(), b.strip()
    short, long_ = sorted((a, b), key=len)
    return long_ == short or long_.startswith(short + "-")


class OutMeeting:
    """An output meeting reduced to the gold fields."""

    def __init__(self, art, m, issuers, gold_persons):
        g, v = art.g, art.view
        self.node = m
        self.city = self.state = None
        for loc in v.objects(m, SCHEMA.location):
            it = Item(art, loc)
            if (loc, RDF.type, BAYAN.City) in g:
                self.city = it.en or it.show
                st = first(list(g.objects(loc, SCHEMA.containedInPlace)))
                if st is not None and self.state is None:
                    self.state = state_iso(Item(art, st))
            elif (loc, RDF.type, BAYAN.State) in g:
                self.state = state_iso(it)
        self.date = first(literals(v, m, SCHEMA.startDate))
        lvl = first(list(v.objects(m, BAYAN.meetingLevel)))
        self.level = local_name(lvl) if lvl is not None else None
        self.virtual = bool_of(literals(v, m, BAYAN.virtual))
        self.planned = bool_of(literals(v, m, BAYAN.planned))
        self.chairs = [Item(art, c) for c in sorted(v.objects(m, BAYAN.chair))]
        for c in self.chairs:
            c.is_state = (c.node, RDF.type, BAYAN.State) in g
        self.new_members = sorted(
            x for x in (state_iso(Item(art, s))
                        for s in v.objects(m, BAYAN.newMember)) if x)
        pc = first(literals(v, m, BAYAN.participantCount))
        self.participant_count = int(pc) if pc and pc.strip().isdigit() else pc
        self.resolutions = sorted(resolution_key(art, issuers, r)
                                  for r in v.objects(m, BAYAN.references))
        self.gold_persons = gold_persons

    def describe(self):
        return "%s %s %s%s" % (self.level, self.city or self.state,
                               self.date, " planned" if self.planned else "")


def loc_match(gm, om):
    """True/False when both sides give a location, None otherwise: cities
    by English name, else states by ISO code (a city's state counts)."""
    if gm.get("city") and om.city:
        return en_eq(gm["city"], om.city)
    if gm.get("state") and om.state:
        return gm["state"].upper() == om.state
    return None


def match_meetings(gold, out):
    def both(g, o):
        return loc_match(g, o) is True and date_compatible(g.get("date"),
                                                           o.date)

    def loc_only(g, o):
        return (loc_match(g, o) is True and g.get("planned") == o.planned
                and not (g.get("date") and o.date
                         and not date_compatible(g["date"], o.date)))

    def date_only(g, o):
        return (date_compatible(g.get("date"), o.date)
                and g.get("planned") == o.planned
                and loc_match(g, o) is not False)

    def bare(g, o):  # neither side locates or dates the meeting
        return (not (g.get("city") or g.get("state") or g.get("date"))
                and not (o.city or o.state or o.date)
                and g.get("planned") == o.planned
                and g.get("level") == o.level)
    return greedy(gold, out, [both, loc_only, date_only, bare])


def chair_matches(gchair, out, gold_persons):
    if re.fullmatch(r"[A-Z]{2}", gchair):
        return getattr(out, "is_state", False) and state_iso(out) == gchair
    if en_eq(gchair, out.en):
        return True
    person = next((p for p in gold_persons
                   if en_eq(p.get("name_en"), gchair)), None)
    return bool(person) and forms_match(person.get("forms", []), out.ar)


def field_ok(name, gm, om):
    gv = gm.get(name)
    if name == "chairs":
        pairs, gl, ol = greedy(gv or [], om.chairs, [
            lambda g, o: chair_matches(g, o, om.gold_persons)])
        return not gl and not ol
    if name == "new_members":
        return sorted(x.upper() for x in gv or []) == om.new_members
    if name == "resolutions":
        return sorted(norm_key(x) for x in gv or []) == sorted(
            norm_key(x) for x in om.resolutions)
    if name in ("virtual", "planned"):
        return bool(gv) == getattr(om, name)
    if name == "date":
        return (gv or None) == (om.date.strip() if om.date else None)
    return gv == getattr(om, name)


def show_field(name, om):
    if name == "chairs":
        return [c.show for c in om.chairs]
    return getattr(om, name)


# ------------------------------------------------------------------- NIF --

def check_nif(g):
    """Every nif:Phrase's anchorOf must equal its context's isString over
    [beginIndex, endIndex) in code points. Returns (phrases checked,
    contexts checked, problems)."""
    checked, problems = 0, []
    for ph in sorted(set(g.subjects(RDF.type, NIF.Phrase))):
        checked += 1
        ctx = first(list(g.objects(ph, NIF.referenceContext)))
        text = first(literals(g, ctx, NIF.isString)) if ctx else None
        anchor = first(literals(g, ph, NIF.anchorOf))
        try:
            b = int(first(literals(g, ph, NIF.beginIndex)))
            e = int(first(literals(g, ph, NIF.endIndex)))
        except (TypeError, ValueError):
            b = e = None
        if text is None or anchor is None or b is None:
            problems.append((str(ph), "missing context, text, anchor or "
                             "offsets"))
        elif not (0 <= b <= e <= len(text)):
            problems.append((str(ph), "offsets %d,%d outside text of %d"
                             % (b, e, len(text))))
        elif text[b:e] != anchor:
            problems.append((str(ph), "anchor %r but text has %r"
                             % (anchor, text[b:e])))
    contexts = sorted(set(g.subjects(RDF.type, NIF.Context)))
    for c in contexts:  # a context's own span must cover its whole text
        text = first(literals(g, c, NIF.isString))
        end = first(literals(g, c, NIF.endIndex))
        if text is not None and end is not None and end.strip() != str(
                len(text)):
            problems.append((str(c), "context endIndex %s but its text has "
                             "%d code points" % (end, len(text))))
    return checked, len(contexts), problems


# --------------------------------------------------------------- scoring --

def empty_counts():
    return {"tp": 0, "fp": 0, "fn": 0, "missed": [], "spurious": []}


def tally(result, pairs, missed, spurious, show=str):
    result["tp"] += len(pairs)
    result["fn"] += len(missed)
    result["fp"] += len(spurious)
    result["missed"] += [show(x) for x in missed]
    result["spurious"] += [show(x) if not isinstance(x, Item) else x.show
                           for x in spurious]


def gold_show(kind):
    def show(x):
        if isinstance(x, str):
            return x
        if kind == "organizations":
            return x.get("id")
        if kind == "states":
            return x.get("iso", "?").upper()
        if kind == "resolutions":
            return "%s %s" % (x.get("issuer"), x.get("number"))
        return x.get("name_en") or first(x.get("forms", [])) or "?"
    return show


def meeting_gold_show(gm):
    return "%s %s %s%s" % (gm.get("level"), gm.get("city") or gm.get("state"),
                           gm.get("date"),
                           " planned" if gm.get("planned") else "")


def score_article(art, gold):
    """Counts of one (article, gold file) pair."""
    issuers = Issuers(gold)
    res = {k: empty_counts() for k in TYPES}
    scorers = {"states": score_states, "cities": score_cities,
               "organizations": score_orgs, "persons": score_persons,
               "resolutions": lambda a, g: score_resolutions(a, g, issuers)}
    for kind in TYPES:
        pairs, missed, spurious = scorers[kind](art, gold.get(kind, []))
        tally(res[kind], pairs, missed, spurious, gold_show(kind))
    out = [OutMeeting(art, m, issuers, gold.get("persons", []))
           for m in art.meetings()]
    pairs, missed, spurious = match_meetings(gold.get("meetings", []), out)
    mres = empty_counts()
    tally(mres, pairs, missed, [], meeting_gold_show)
    mres["fp"] += len(spurious)
    mres["spurious"] += [o.describe() for o in spurious]
    mres["fields"] = {f: {"correct": 0, "matched": 0, "wrong": []}
                      for f in MEETING_FIELDS}
    for gm, om in pairs:
        for f in MEETING_FIELDS:
            fr = mres["fields"][f]
            fr["matched"] += 1
            if field_ok(f, gm, om):
                fr["correct"] += 1
            else:
                fr["wrong"].append({"meeting": meeting_gold_show(gm),
                                    "gold": gm.get(f),
                                    "output": show_field(f, om)})
    res["meetings"] = mres
    return res


def score_missing(gold):
    """An input bayan wrote no article for: everything in its gold missed."""
    res = {}
    for kind in TYPES:
        res[kind] = empty_counts()
        tally(res[kind], [], gold.get(kind, []), [], gold_show(kind))
    res["meetings"] = empty_counts()
    tally(res["meetings"], [], gold.get("meetings", []), [],
          meeting_gold_show)
    res["meetings"]["fields"] = {f: {"correct": 0, "matched": 0, "wrong": []}
                                 for f in MEETING_FIELDS}
    return res


def ratio(a, b):
    return a / b if b else None


def prf(c):
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    return {"tp": tp, "fp": fp, "fn": fn,
            "precision": ratio(tp, tp + fp), "recall": ratio(tp, tp + fn),
            "f1": ratio(2 * tp, 2 * tp + fp + fn)}


def input_names(paths):
    names = set()
    for p in paths:
        if os.path.isdir(p):
            for root, _, files in os.walk(p):
                names |= {f for f in files if f.endswith(".txt")}
        else:
            names.add(os.path.basename(p))
    return names


def load_gold(gold_dir, source_file):
    stem = source_file[:-4] if source_file.endswith(".txt") else source_file
    path = os.path.join(gold_dir, stem + ".json")
    if not os.path.isfile(path):
        return None
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def score(graph_path, gold_dir, inputs=None, only_present=True):
    g = load_graph(graph_path)
    per_article, seen = [], set()
    for node, view in article_views(g, graph_path):
        art = Article(g, node, view)
        for sf in sorted(set(literals(g, node, BAYAN.sourceFile))):
            gold = load_gold(gold_dir, sf)
            if gold is None:
                continue  # no gold for this article: not scored
            seen.add(sf)
            per_article.append({"file": sf, "article": str(node),
                                **score_article(art, gold)})
    wanted = set()
    if inputs:
        wanted = input_names(inputs)
    elif not only_present:
        wanted = {f[:-5] + ".txt" for f in os.listdir(gold_dir)
                  if f.endswith(".json")}
    for sf in sorted(wanted - seen):
        gold = load_gold(gold_dir, sf)
        if gold is not None:
            per_article.append({"file": sf, "article": None,
                                **score_missing(gold)})
    per_article.sort(key=lambda r: r["file"])
    return summarize(per_article, *check_nif(g))


def summarize(per_article, nif_checked, nif_contexts, nif_problems):
    totals = {k: {"tp": 0, "fp": 0, "fn": 0} for k in TYPES + ("meetings",)}
    fields = {f: {"correct": 0, "matched": 0} for f in MEETING_FIELDS}
    for r in per_article:
        for k in totals:
            for c in ("tp", "fp", "fn"):
                totals[k][c] += r[k][c]
        for f in MEETING_FIELDS:
            for c in ("correct", "matched"):
                fields[f][c] += r["meetings"]["fields"][f][c]
    figures = {k: prf(v) for k, v in totals.items()}
    for f in fields.values():
        f["accuracy"] = ratio(f["correct"], f["matched"])
    figures["meeting_fields"] = fields
    figures["nif"] = {
        "checked": nif_checked, "contexts": nif_contexts,
        "mismatches": len(nif_problems),
        "integrity": ratio(max(0, nif_checked + nif_contexts
                               - len(nif_problems)),
                           nif_checked + nif_contexts),
        "problems": [{"phrase": p, "problem": why}
                     for p, why in nif_problems[:50]]}
    figures["articles"] = len(per_article)
    figures["per_article"] = per_article
    return figures


# ---------------------------------------------------------------- output --

def fmt(x):
    return "    -" if x is None else "%5.3f" % x


def print_table(fig, per_article, out=sys.stdout):
    w = out.write
    w("articles scored: %d\n" % fig["articles"])
    w("%-14s %5s %5s %5s  %9s %6s %6s\n"
      % ("type", "tp", "fp", "fn", "precision", "recall", "f1"))
    for k in TYPES + ("meetings",):
        f = fig[k]
        w("%-14s %5d %5d %5d  %9s %6s %6s\n"
          % (k, f["tp"], f["fp"], f["fn"], fmt(f["precision"]),
             fmt(f["recall"]), fmt(f["f1"])))
    w("meeting fields over matched meetings:\n")
    for name, f in fig["meeting_fields"].items():
        w("  %-18s %3d/%-3d %s\n" % (name, f["correct"], f["matched"],
                                     fmt(f["accuracy"])))
    n = fig["nif"]
    w("NIF integrity: %d phrases checked, %d mismatches%s"
      " (%d contexts checked)\n"
      % (n["checked"], n["mismatches"],
         " (bugs in bayan)" if n["mismatches"] else "", n["contexts"]))
    for p in n["problems"][:10]:
        w("  %s: %s\n" % (p["phrase"], p["problem"]))
    if per_article:
        print_per_article(fig["per_article"], w)


def print_per_article(rows, w):
    w("\nper article (tp/fp/fn):\n")
    for r in rows:
        cells = " ".join("%s %d/%d/%d" % (k[:4], r[k]["tp"], r[k]["fp"],
                                          r[k]["fn"])
                         for k in TYPES + ("meetings",))
        w("%s%s  %s\n" % (r["file"], "" if r["article"] else " (no article)",
                          cells))
        for k in TYPES + ("meetings",):
            if r[k]["missed"]:
                w("    %s missed: %s\n" % (k, ", ".join(map(str,
                                                          r[k]["missed"]))))
            if r[k]["spurious"]:
                w("    %s spurious: %s\n"
                  % (k, ", ".join(map(str, r[k]["spurious"]))))
        for f, fr in r["meetings"]["fields"].items():
            for x in fr["wrong"]:
                w("    meeting %s: %s gold %s, output %s\n"
                  % (x["meeting"], f, json.dumps(x["gold"], ensure_ascii=False),
                     json.dumps(x["output"], ensure_ascii=False)))


def load_floors(path, floor_set):
    with open(path, encoding="utf-8") as f:
        floors = json.load(f)
    sets = floors.pop("sets", {})
    for group, metrics in sets.get(floor_set, {}).items():
        floors.setdefault(group, {}).update(metrics)
    return floors


def check_floors(fig, floors):
    """Messages for every figure below its floor; unknown names are errors
    so that a typo in the floors file cannot silently disable a check."""
    failed = []
    for group, metrics in sorted(floors.items()):
        if group.startswith("_"):
            continue  # comments
        source = fig.get(group)
        if not isinstance(source, dict):
            raise KeyError("floors: unknown group %r" % group)
        for metric, floor in sorted(metrics.items()):
            holder = source
            if group == "meeting_fields":
                holder = source.get(metric) or {}
                metric_name, value = metric, holder.get("accuracy")
                if metric not in source:
                    raise KeyError("floors: unknown field %r" % metric)
            else:
                if metric not in holder:
                    raise KeyError("floors: unknown figure %s.%s"
                                   % (group, metric))
                metric_name, value = metric, holder[metric]
            if value is not None and value < floor:
                failed.append("%s.%s = %.3f is below its floor %.3f"
                              % (group, metric_name, value, floor))
    return failed


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("output", help="bayan's graph (.ttl, .nt, .nq, .trig)")
    ap.add_argument("--gold", required=True, help="directory of gold JSON")
    ap.add_argument("--json", action="store_true",
                    help="print the figures as JSON instead of a table")
    ap.add_argument("--per-article", action="store_true",
                    help="also list each article's misses and errors")
    ap.add_argument("--inputs", action="append", default=[],
                    help="a file or directory given to bayan; its gold "
                    "files count as all-missed when bayan wrote no article "
                    "for them (repeatable)")
    ap.add_argument("--only-present", dest="only_present",
                    action="store_true", default=True,
                    help="score only articles present in the output "
                    "(default, unless --inputs is given)")
    ap.add_argument("--no-only-present", dest="only_present",
                    action="store_false",
                    help="every gold file counts; absent ones all-missed")
    ap.add_argument("--floors", help="JSON of minimum figures; exit 1 "
                    "when one is not reached")
    ap.add_argument("--floors-set", default=None,
                    help="apply the overrides under \"sets\" of this name")
    args = ap.parse_args(argv)

    try:
        fig = score(args.output, args.gold, args.inputs, args.only_present)
    except (OSError, ValueError, SyntaxError) as e:
        sys.stderr.write("score.py: %s\n" % e)
        return 2
    failed = []
    if args.floors:
        try:
            failed = check_floors(fig, load_floors(args.floors,
                                                   args.floors_set))
        except (OSError, ValueError, KeyError) as e:
            sys.stderr.write("score.py: %s\n" % e)
            return 2
        fig["floors_failed"] = failed
    if args.json:
        if not args.per_article:
            fig.pop("per_article")
        json.dump(fig, sys.stdout, ensure_ascii=False, indent=1,
                  sort_keys=True)
        sys.stdout.write("\n")
    else:
        print_table(fig, args.per_article)
    for msg in failed:
        sys.stderr.write("FLOOR: %s\n" % msg)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
