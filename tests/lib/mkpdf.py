#!/usr/bin/env python3
"""mkpdf.py — small PDFs of known geometry for the PDF input tests.

usage: mkpdf.py KIND OUT.pdf [TEXT]
  text     one A4 page of text in Helvetica 12 pt (a text layer, no image):
           "Kinh gui: So Noi vu" at 72 pt from the left, 100 pt from the top,
           "V/v cap nhat ho so" 20 pt below it
  scan72   one page holding a 600x800 grey image placed at 600x800 pt (a
           scan that declares 72 dpi: pdfimages -list shows 72 ppi)
  scan200  one US Letter page (612x792 pt) filled by a 1700x2200 image (200 ppi)
  mixed    page 1 as text, page 2 as scan200
  blank    one A4 page with nothing on it
  lines    the lines of the file TEXT, 50 a page, as a born-digital PDF
           (Helvetica's WinAnsi has no Vietnamese letters: marks stripped)
  jpeg300  the JPEG file TEXT (a 300-dpi scan) as one page at 300 dpi
  jpeg72   the same placed a point a pixel: a page box that declares 72 dpi
           (2480x3508 pixels make a page 34 inches wide)
"""
import os
import sys
import unicodedata
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "image"))
import mkpages  # noqa: E402
import rawfiles  # noqa: E402

A4 = (595.276, 841.89)
LINES = [(72, 100, "Kinh gui: So Noi vu"), (72, 120, "V/v cap nhat ho so")]


def stream(data):
    return b"<< /Length %d >>\nstream\n%s\nendstream" % (len(data), data)


def text_page(objs, font, lines=LINES):
    """A4 with lines (x, y, text); y counts from the top of the page."""
    ops = b"".join(b"BT /F1 12 Tf %.3f %.3f Td (%s) Tj ET\n" % (x, A4[1] - y, t.encode())
                   for x, y, t in lines)
    objs.append(stream(ops))
    objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.3f %.3f] "
                b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                % (A4[0], A4[1], font, len(objs)))
    return len(objs)


def image_page(objs, w, h, wpt, hpt):
    """A w x h grey image with a dark bar, filling a wpt x hpt page."""
    paper = bytes([235]) * w
    bar = paper[:w // 10] + bytes([40]) * (w - 2 * (w // 10)) + paper[:w // 10]
    rows = b"".join(bar if h // 3 < y < h // 3 + h // 20 else paper for y in range(h))
    data = zlib.compress(bytes(rows), 9)
    objs.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace "
                b"/DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\n"
                b"stream\n%s\nendstream" % (w, h, len(data), data))
    img = len(objs)
    objs.append(stream(b"q %.3f 0 0 %.3f 0 0 cm /Im0 Do Q" % (wpt, hpt)))
    objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.3f %.3f] "
                b"/Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>"
                % (wpt, hpt, img, len(objs)))
    return len(objs)


def blank_page(objs):
    objs.append(stream(b""))
    objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.3f %.3f] /Contents %d 0 R >>"
                % (A4[0], A4[1], len(objs)))
    return len(objs)


def plain(line):
    """The line in ASCII, marks stripped, as a PDF string's bytes."""
    flat = unicodedata.normalize("NFD", line.replace("đ", "d").replace("Đ", "D"))
    flat = "".join(c for c in flat if unicodedata.category(c) != "Mn" and ord(c) < 128)
    return flat.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def text_pages(objs, font, path):
    lines = [plain(l.rstrip("\n")) for l in open(path, encoding="utf-8")]
    return [text_page(objs, font, [(72, 60 + 14 * i, t) for i, t in enumerate(lines[at:at + 50])])
            for at in range(0, max(len(lines), 1), 50)]


def make(kind, text=None):
    if kind in ("jpeg300", "jpeg72"):
        with open(text, "rb") as f:
            return mkpages.pdf(1, [f.read()], int(kind[4:]))
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", None,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
            b"/Encoding /WinAnsiEncoding >>"]
    font = 3
    pages = {
        "text": lambda: [text_page(objs, font)],
        "scan72": lambda: [image_page(objs, 600, 800, 600, 800)],
        "scan200": lambda: [image_page(objs, 1700, 2200, 612, 792)],
        "mixed": lambda: [text_page(objs, font), image_page(objs, 1700, 2200, 612, 792)],
        "blank": lambda: [blank_page(objs)],
        "lines": lambda: text_pages(objs, font, text),
    }[kind]()
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % p for p in pages), len(pages))
    return rawfiles.pdf(objs)


def main():
    if len(sys.argv) not in (3, 4):
        raise SystemExit(__doc__)
    with open(sys.argv[2], "wb") as f:
        f.write(make(sys.argv[1], sys.argv[3] if len(sys.argv) == 4 else None))


if __name__ == "__main__":
    main()
