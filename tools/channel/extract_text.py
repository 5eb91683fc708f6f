#!/usr/bin/env python3
"""Gather Vietnamese training text for the OCR channel model.

Reads text that Debian packages install (hunspell-vi, libreoffice-help-vi,
manpages-vi) and the project's own corpus (dict/corpus/*.txt), and writes one
UTF-8 file per source into OUTDIR, one paragraph or line per line, NFC.  The
repository never stores this text; it is read from the installed packages each
time the channel model is trained.

usage: extract_text.py OUTDIR [--corpus DIR] [--max-lines N]
"""
import argparse
import glob
import gzip
import html.parser
import os
import random
import re
import sys
import unicodedata

# Letters only Vietnamese uses among Latin scripts; a paragraph without any of
# them is probably an untranslated English string in the help files.
VI_MARKS = set("ăâđêôơưĂÂĐÊÔƠƯ") | {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def is_vietnamese(text):
    nfd = unicodedata.normalize("NFD", text)
    hits = sum(1 for ch in nfd if ch in VI_MARKS)
    return hits >= max(1, len(text.split()) // 4)


def clean(text):
    text = unicodedata.normalize("NFC", text)
    return " ".join(text.split())


class HelpText(html.parser.HTMLParser):
    """Collect the text of paragraph-like elements of a LibreOffice help page."""

    BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "div"}
    SKIP = {"script", "style", "head", "title"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.cur, self.skip = [], [], 0

    def flush(self):
        t = clean("".join(self.cur))
        if t:
            self.parts.append(t)
        self.cur = []

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCKS or tag == "br":
            self.flush()

    def handle_endtag(self, tag):
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCKS:
            self.flush()

    def handle_data(self, data):
        if not self.skip:
            self.cur.append(data)


def help_lines():
    for path in sorted(glob.glob("/usr/share/libreoffice/help/vi/**/*.html", recursive=True)):
        p = HelpText()
        with open(path, encoding="utf-8", errors="replace") as f:
            p.feed(f.read())
        p.flush()
        for t in p.parts:
            if len(t.split()) >= 4 and is_vietnamese(t):
                yield t


ROFF_ESC = re.compile(r"\\f[BIRP]|\\f\(..|\\s[+-]?\d|\\&|\\\||\\\^|\\c")


def man_lines():
    for path in sorted(glob.glob("/usr/share/man/vi/**/*.gz", recursive=True)):
        with gzip.open(path, "rt", encoding="utf-8", errors="replace") as f:
            for raw in f:
                if raw.startswith((".", "'", '\\"')):
                    continue
                t = ROFF_ESC.sub("", raw).replace("\\-", "-").replace("\\(em", "—")
                t = re.sub(r"\\(.)", r"\1", t)
                t = clean(t)
                if len(t.split()) >= 4 and is_vietnamese(t):
                    yield t


def hunspell_lines(rng):
    with open("/usr/share/hunspell/vi_VN.dic", encoding="utf-8", errors="replace") as f:
        next(f)  # word count
        words = sorted({clean(w.split("/")[0]) for w in f if w.strip()})
    words = [w for w in words if w and " " not in w]
    rng.shuffle(words)
    # Several passes so each syllable appears in a few positions and line mates.
    out = []
    for _ in range(3):
        rng.shuffle(words)
        i = 0
        while i < len(words):
            n = rng.randint(6, 12)
            out.append(" ".join(words[i:i + n]))
            i += n
    return out


def corpus_lines(corpus_dir):
    for path in sorted(glob.glob(os.path.join(corpus_dir, "*.txt"))):
        with open(path, encoding="utf-8", errors="replace") as f:
            for raw in f:
                t = clean(raw)
                if t and not t.startswith("#"):
                    yield t


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--corpus", default=None, help="directory of project corpus *.txt")
    ap.add_argument("--max-lines", type=int, default=4000, help="per source (0: all)")
    a = ap.parse_args()
    os.makedirs(a.outdir, exist_ok=True)
    sources = [("hunspell", lambda r: hunspell_lines(r)),
               ("lo-help", lambda r: help_lines()),
               ("man", lambda r: man_lines())]
    if a.corpus:
        sources.insert(0, ("corpus", lambda r: corpus_lines(a.corpus)))
    for name, gen in sources:
        rng = random.Random(name)
        lines = list(dict.fromkeys(gen(rng)))
        if a.max_lines and len(lines) > a.max_lines:
            keep = sorted(rng.sample(range(len(lines)), a.max_lines))
            lines = [lines[i] for i in keep]
        path = os.path.join(a.outdir, name + ".txt")
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(t + "\n" for t in lines)
        print(f"{path}: {len(lines)} lines, {sum(len(t) for t in lines)} chars", file=sys.stderr)


if __name__ == "__main__":
    main()
