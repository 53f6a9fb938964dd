#!/usr/bin/python3
"""The whole persons stage scored on a slice of ANERcorp.

bench/tagger scores the names tagger alone. This scores what a user gets:
the persons bayan exports (tagger, role and honorific patterns, bylines,
bare surnames, filters together), as the mentions (nif:Phrase spans) of
bayan:Person entities against ANERcorp's PERS spans, exact spans.

ANERcorp has no article boundaries: its sentences (ending at "." tokens)
are joined into pseudo-articles of --sentences sentences, one sentence a
line, tokens separated by spaces. A trailing mark glued on a gold token
(U+200E, U+200F) is left out of its span.

usage: persons.py ANERCORP FIRST LAST BAYAN WORKDIR [--ontology DIR]
                  [--sentences N] [--show]
"""
import argparse
import collections
import os
import re
import subprocess
import sys

MARKS = "\u200e\u200f"


def sentences(path, first, last):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")[first - 1:last]
    out, cur = [], []
    for ln in lines:
        if not ln.strip():
            continue
        tok, _, tag = ln.rpartition(" ")
        cur.append((tok, tag))
        if tok == ".":
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def article(sents):
    """The text of sentences and their PERS spans (code points)."""
    parts, spans, pos = [], [], 0
    for s in sents:
        start = end = None
        for i, (tok, tag) in enumerate(s):
            if i:
                parts.append(" ")
                pos += 1
            if tag == "B-PERS" or (tag == "I-PERS" and start is None):
                if start is not None:
                    spans.append((start, end))
                start = pos
            elif tag != "I-PERS" and start is not None:
                spans.append((start, end))
                start = None
            parts.append(tok)
            pos += len(tok)
            end = pos - (len(tok) - len(tok.rstrip(MARKS)))
        if start is not None:
            spans.append((start, end))
        parts.append("\n")
        pos += 1
    return "".join(parts), set(spans)


QUAD = re.compile(r"^(\S+) (\S+) (.+) (\S+) \.$")


def person_phrases(nquads):
    """Per article IRI: its source file and its persons' phrase spans."""
    files, spans = {}, collections.defaultdict(set)
    with open(nquads, encoding="utf-8") as f:
        for ln in f:
            m = QUAD.match(ln.rstrip("\n"))
            if not m:
                continue
            s, p, o, g = m.groups()
            if p.endswith("#sourceFile>"):
                files[g] = os.path.basename(o.split('"')[1])
            elif (p.endswith("#taIdentRef>") and "/person/" in o
                  and "#char=" in s):
                b, e = s.split("#char=")[1].rstrip(">").split(",")
                spans[g].add((int(b), int(e)))
    return files, spans


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("anercorp")
    ap.add_argument("first", type=int)
    ap.add_argument("last", type=int)
    ap.add_argument("bayan")
    ap.add_argument("workdir")
    ap.add_argument("--ontology")
    ap.add_argument("--sentences", type=int, default=10)
    ap.add_argument("--show", action="store_true",
                    help="list the spurious and missed mentions")
    a = ap.parse_args()
    indir = os.path.join(a.workdir, "in")
    os.makedirs(indir, exist_ok=True)
    sents = sentences(a.anercorp, a.first, a.last)
    gold = {}
    for k in range(0, len(sents), a.sentences):
        name = "a%04d.txt" % (k // a.sentences)
        text, spans = article(sents[k:k + a.sentences])
        with open(os.path.join(indir, name), "w", encoding="utf-8") as f:
            f.write(text)
        gold[name] = (text, spans)
    cmd = [a.bayan, "-q", "-j", "1", "-f", "nquads",
           "-o", os.path.join(a.workdir, "out"), indir]
    if a.ontology:
        cmd[1:1] = ["--ontology", a.ontology]
    subprocess.run(cmd, check=True)
    files, found = person_phrases(os.path.join(a.workdir, "out", "graph.nq"))
    by_file = {files[g]: found.get(g, set()) for g in files}
    tp = fp = fn = 0
    for name, (text, spans) in sorted(gold.items()):
        out = by_file.get(name, set())
        tp += len(spans & out)
        fp += len(out - spans)
        fn += len(spans - out)
        if a.show:
            for tag, bad in (("spurious", out - spans), ("missed", spans - out)):
                for b, e in sorted(bad):
                    print("%s\t%s\t%s" % (name, tag, text[b:e]))
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print("articles %d, sentences %d" % (len(gold), len(sents)))
    print("%-8s %5s %5s %5s  %9s %6s %6s" % ("type", "tp", "fp", "fn",
                                            "precision", "recall", "f1"))
    print("%-8s %5d %5d %5d  %9.3f %6.3f %6.3f" % ("persons", tp, fp, fn,
                                                  p, r, f1))
    print("PERSONS F1 %.3f" % f1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
