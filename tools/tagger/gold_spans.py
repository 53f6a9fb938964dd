#!/usr/bin/env python3
"""Lists the names of the project's gold for the tagger's trainer.

usage: gold_spans.py SHARED_DIR > gold.tsv
Reads gold/*.json over dev/*.txt and gold2/e01..e30.json over dev2/ (e31 and
later are sealed and never opened). Writes "text<TAB>PATH" then one
"TYPE<TAB>FORM" line a name form (PERS persons, LOC states and cities, ORG
organizations)."""
import json
import os
import sys

shared = sys.argv[1]
corpus = os.path.join(shared, "corpus")
sets = [("gold", "dev", None), ("gold2", "dev2", range(1, 31))]
for gold_dir, text_dir, allowed in sets:
    names = sorted(os.listdir(os.path.join(corpus, gold_dir)))
    for name in names:
        if not name.endswith(".json"):
            continue
        if allowed is not None:
            stem = name[:-5]
            if not (stem.startswith("e") and stem[1:].isdigit()
                    and int(stem[1:]) in allowed):
                continue  # sealed: never read
        with open(os.path.join(corpus, gold_dir, name), encoding="utf-8") as f:
            g = json.load(f)
        text = os.path.join(corpus, text_dir, g["file"])
        if not os.path.exists(text):
            continue
        print("text\t" + text)
        for kind, typ in (("persons", "PERS"), ("states", "LOC"),
                          ("cities", "LOC"), ("organizations", "ORG")):
            for entry in g.get(kind) or []:
                for form in entry.get("forms") or []:
                    form = " ".join(form.split())
                    if form:
                        print(typ + "\t" + form)
