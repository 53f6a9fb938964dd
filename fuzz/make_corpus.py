#!/usr/bin/env python3
"""Writes the starting corpora of the fuzz targets (fuzz/corpus/<name>/):
pieces of the seed articles, and hostile inputs (invalid UTF-8, NULs,
legacy encodings, deep HTML, entities, huge tokens, bidi and zero-width
debris). Deterministic: rerunning it rewrites the same files. Usage:
    fuzz/make_corpus.py            (from the source root)
Files that libFuzzer adds later (scripts/fuzz keeps them in the build
directory) are not touched."""
import os
import pathlib
import re

ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
OUT = ROOT / "fuzz" / "corpus"


def chunks(text, limit):
    """The article cut at blank lines into pieces of at most limit bytes."""
    paras = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    piece = ""
    for p in paras:
        if piece and len((piece + "\n\n" + p).encode()) > limit:
            yield piece
            piece = ""
        piece = piece + "\n\n" + p if piece else p
    if piece:
        yield piece


def seed_pieces(limit, per_seed):
    for s in SEEDS:
        text = s.read_text(encoding="utf-8")
        for i, c in enumerate(chunks(text, limit)):
            if i >= per_seed:
                break
            yield f"seed-{s.name[:3]}-{i:02d}", c.encode()


def arabic_sample():
    """A sentence of the first seed (the corpus is built from the seeds)."""
    text = SEEDS[0].read_text(encoding="utf-8")
    return next(l for l in text.splitlines() if len(l) > 40)[:160]


def hostile_text():
    ar = arabic_sample()
    arb = ar.encode()
    zw = "\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d" \
         "\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"
    cases = {
        "empty": b"",
        "blank": b" \n\t\r\n  \r",
        "nul-only": b"\0" * 64,
        "nul-inside": arb[:30] + b"\0" + arb[30:] + b"\0",
        "invalid-bytes": b"\xff\xfe\xc0\xaf\xed\xa0\x80\xf5\x80\x80\x80" + arb,
        "invalid-tail": arb + b"\xd8",
        "lone-continuations": b"\x80\x81\xbf" * 20 + arb,
        "overlong-nul": b"\xc0\x80" + arb,
        "surrogates": b"\xed\xa0\x80\xed\xbf\xbf" + arb,
        "bom-utf8": b"\xef\xbb\xbf" + arb,
        "utf16le-bom": b"\xff\xfe" + ar.encode("utf-16-le"),
        "utf16be-bom": b"\xfe\xff" + ar.encode("utf-16-be"),
        "utf16le-nobom": ar.encode("utf-16-le"),
        "utf16-odd-length": b"\xff\xfe" + ar.encode("utf-16-le") + b"\x41",
        "utf16-nul": b"\xff\xfe" + "\0\0".encode("utf-16-le") +
                     ar.encode("utf-16-le"),
        "cp1256": ar.encode("cp1256", errors="replace"),
        "iso8859-6": ar.encode("iso8859-6", errors="replace"),
        "cr-only": ar.replace(" ", "\r").encode(),
        "crlf-mixed": (ar + "\r\n" + ar + "\r" + ar + "\n\r").encode(),
        "bidi-zero-width": "".join(c + zw[i % len(zw)]
                                   for i, c in enumerate(ar)).encode(),
        "debris-only": (zw * 20).encode(),
        "tatweel-diacritics": "".join(c + "\u0640\u064e\u0651"
                                      for c in ar).encode(),
        "marks-stacked": ("\u0627" + "\u064b" * 2000).encode(),
        "combining-stacked": ("e" + "\u0301" * 2000).encode(),
        "presentation-forms": "\ufefb\ufdf2\ufdfa\ufe8d\ufe8e\ufef5".encode()
                              * 40,
        "digits": "٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ 2254 ٢٢٥٤".encode() * 10,
        "huge-token-arabic": ("\u0628" * 60000).encode(),
        "huge-token-ascii": b"a" * 100000,
        "huge-line-spaces": b" " * 50000 + arb,
        "many-short-lines": b"\n".join([arb[:8]] * 3000),
        "punctuation-only": "؟!.،؛".encode() * 500,
        "emoji-astral": "\U0001F600\U00010000\U0010FFFD".encode() * 50 + arb,
        "noncharacters": "\ufffe\uffff\ufdd0".encode() * 30 + arb,
        "entities-in-text": b"&amp; &#x200d; &#0; &#xD800; &nbsp &# #x " +
                            arb,
        "lexicon-forms-glued": "التحالفالدولي العراق،سوريا والعراقوسوريا"
                               .encode() * 20,
    }
    return cases.items()


def hostile_html():
    ar = arabic_sample()
    cases = {
        "deep-div": "<html><body>" + "<div>" * 20000 + ar + "</div>" * 20000,
        "deep-unclosed": "<html><body>" + "<b><i><span>" * 10000 + ar,
        "deep-table": "<html><body>" + "<table><tr><td>" * 3000 + ar,
        "entities": "<html><body><p>&amp;&lt;&gt;&quot;&#x200d;&#0;&#xD800;"
                    "&#1114112;&#99999999999;&nbsp;&unknown;&#;&#x;&"
                    + ar + "&#1576;&#x628;</p></body></html>",
        "entity-bomb": "<!DOCTYPE html [<!ENTITY a \"aaaaaaaa\">"
                       "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                       "<html><body>&b;&b;&b;" + ar + "</body></html>",
        "dates": "<html><head><title>" + ar + "</title>"
                 "<meta property=\"article:published_time\" "
                 "content=\"2024-02-30T10:00\">"
                 "<meta name=\"date\" content=\" 2023-1-5\">"
                 "<meta name=\"DC.date\" content=\"+999-01-01\">"
                 "<meta itemprop=\"datePublished\" content=\"2020/02/29\">"
                 "</head><body><time datetime=\"1900-02-29\">x</time>"
                 "<p>" + ar + "</p></body></html>",
        "time-only": "<html><body><time datetime=\"2019-12-31T23:59Z\">"
                     "</time><p>" + ar + "</p></body></html>",
        "dropped-only": "<html><head><script>var x='" + ar + "';</script>"
                        "<style>p{}</style></head><body><nav>" + ar +
                        "</nav><footer>x</footer><svg><text>" + ar +
                        "</text></svg></body></html>",
        "no-body": "<html><title>" + ar + "</title>" + ar,
        "title-only": "<title>" + "\u200f" * 50 + "</title>",
        "doctype-only": "<!DOCTYPE html>",
        "comment-cdata-pi": "<html><body><!-- " + ar + " --><![CDATA[" + ar
                            + "]]><?php echo 1 ?><p>" + ar + "</p>",
        "attributes-huge": "<html><body><p title=\"" + "x" * 60000 + "\">"
                           + ar + "</p>",
        "meta-charset-lie": "<html><head><meta charset=\"windows-1256\">"
                            "</head><body>" + ar + "</body></html>",
        "tags-in-arabic": "<html><body>" + "".join(
            c + ("<br>" if i % 3 == 0 else "<b></b>")
            for i, c in enumerate(ar)) + "</body></html>",
        "crlf-blocks": "<html>\r\n<body>\r\n<p>" + ar + "\r\n" + ar +
                       "</p>\r<div>\r" + ar + "</div></body></html>",
        "whitespace-runs": "<html><body>" + (" \t\n\f" * 500 + ar) * 3,
    }
    out = [(k, v.encode()) for k, v in cases.items()]
    out.append(("invalid-utf8", b"<html><body><p>\xff\xfe\xc0\xaf" +
                ar.encode() + b"\xd8</p></body></html>"))
    out.append(("nul-inside", b"<html><body><p>" + ar.encode()[:20] +
                b"\0" + ar.encode()[20:] + b"</p>\0</body></html>"))
    out.append(("utf16-html", b"\xff\xfe" +
                ("<html><body><p>" + ar + "</p></body></html>")
                .encode("utf-16-le")))
    return out


def wrap_html(name, piece, i):
    """A seed piece inside a page with the debris real pages carry."""
    date = f"2024-0{1 + i % 9}-1{i % 10}"
    head = (f"<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head>"
            f"<meta charset=\"utf-8\"><title>{name}</title>"
            f"<meta property=\"article:published_time\" content=\"{date}\">"
            f"<script>var t = 1;</script></head><body><nav>menu</nav>"
            f"<article>")
    paras = "".join(f"<p>{p}</p>\n" for p in piece.decode().split("\n\n"))
    return (head + paras + "</article><footer>(c)</footer></body></html>") \
        .encode()


def write(target, name, data):
    d = OUT / target
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data)


def main():
    texts = list(seed_pieces(1500, 4))
    for name, data in texts:
        for target in ("text", "matcher"):
            write(target, name, data)
    for i, (name, data) in enumerate(texts[::2]):
        write("html", name + ".html", wrap_html(name, data, i))
    for name, data in list(seed_pieces(900, 2)):
        write("pipeline", name, data)
    smallest = min(SEEDS, key=lambda s: s.stat().st_size)
    write("pipeline", "seed-whole", smallest.read_bytes())
    write("pipeline", "seed-whole.html",
          wrap_html("whole", smallest.read_bytes().replace(b"\r", b""), 0))
    for name, data in hostile_text():
        for target in ("text", "matcher"):
            write(target, "hostile-" + name, data)
        if len(data) <= 8000:
            write("pipeline", "hostile-" + name, data)
    for name, data in hostile_html():
        write("html", "hostile-" + name, data)
        write("text", "hostile-html-" + name, data)
        if len(data) <= 8000:
            write("pipeline", "hostile-html-" + name, data)


if __name__ == "__main__":
    main()
