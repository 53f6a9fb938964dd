#!/usr/bin/env python3
"""Fails when a file of src/ includes a folder above its own, a folder's
private header (NAME_impl.h) from outside it, or a third-party header
outside the module allowed to use it.

The rules are data, in layers.txt beside this script. Project headers are
included by their folder ("graph/graph.h"), so the folder of every
include is on its line: this check needs no compiler.
Usage: check.py SRC_DIR [LAYERS_FILE] [--expect-problems N]
With --expect-problems (the self-test on tests/layering/bad/), success
means exactly N problems were found."""
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def read_rules(path):
    allowed, libraries = {}, []
    with open(path, encoding="utf-8") as f:
        for line in f:
            words = line.split("#", 1)[0].split()
            if not words:
                continue
            if words[0] == "library":
                libraries.append((words[1], words[2:]))
            else:
                allowed[words[0]] = set(words[1:]) | {words[0]}
    return allowed, libraries


def library_allowed(rel, places):
    return any(rel == p or (p.endswith("/") and rel.startswith(p))
               for p in places)


def check_file(src, rel, allowed, libraries):
    """The problems of one file, as 'file:line: message' strings."""
    folder = rel.split("/", 1)[0]
    problems = []
    with open(os.path.join(src, rel), encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            m = INCLUDE.match(line)
            if not m:
                continue
            kind, name = m.groups()
            where = f"src/{rel}:{number}"
            if kind == "<":
                for prefix, places in libraries:
                    if name.startswith(prefix) and \
                            not library_allowed(rel, places):
                        problems.append(f"{where}: <{name}> is for "
                                        f"{' '.join(places)} only")
                continue
            if name in ("bayan/bayan.h", "config.h"):
                continue
            if "/" not in name:
                problems.append(f'{where}: "{name}" without its folder '
                                f'(write "{folder}/{name}")')
                continue
            target = name.split("/", 1)[0]
            if name.endswith("_impl.h") and target != folder:
                problems.append(f"{where}: {name} is private to {target}/")
            elif target not in allowed[folder]:
                problems.append(f"{where}: {folder}/ may not include "
                                f"{name} (allowed: "
                                f"{' '.join(sorted(allowed[folder]))})")
    return problems


def main():
    args = sys.argv[1:]
    expect = None
    if "--expect-problems" in args:
        i = args.index("--expect-problems")
        expect = int(args[i + 1])
        del args[i:i + 2]
    src = args[0]
    here = os.path.dirname(os.path.abspath(__file__))
    layers = args[1] if len(args) > 1 else os.path.join(here, "layers.txt")
    allowed, libraries = read_rules(layers)
    problems, files = [], 0
    for folder in sorted(os.listdir(src)):
        path = os.path.join(src, folder)
        if not os.path.isdir(path):
            continue
        if folder not in allowed:
            problems.append(f"src/{folder}/: not in {layers}")
            continue
        for name in sorted(os.listdir(path)):
            if name.endswith((".c", ".h")):
                files += 1
                problems += check_file(src, f"{folder}/{name}", allowed,
                                       libraries)
    for name in sorted(os.listdir(src)):
        if name.endswith((".c", ".h")):
            problems.append(f"src/{name}: outside every folder")
    for p in problems:
        print(p)
    print(f"layering: {files} files, {len(problems)} problems")
    if expect is not None:
        return 0 if len(problems) == expect else 1
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
