#!/usr/bin/env python3
"""mkpages.py — a long colour scan from a few page images, for memory tests
and the pages benchmark.

usage: mkpages.py N OUT.pdf OUT.tif PAGE.jpg...

Both outputs have N pages that cycle through the given JPEG pages (page i
shows PAGE number i mod K), in colour at the JPEGs' resolution (300 dpi):
  OUT.pdf  each page an embedded JPEG, the way a scanner's PDF is made;
  OUT.tif  24-bit RGB, deflate, the pixels poppler renders from OUT.pdf
           (pdftoppm); pages showing the same image share its strip, so a
           300-page file stays small while each page decodes to 35 MB.
The page order goes to standard output, one JPEG name per page.
"""
import os
import struct
import subprocess
import sys
import tempfile
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import rawfiles  # noqa: E402


def jpeg_size(data):
    """Width and height from the JPEG's frame header."""
    i = 2
    while i + 9 < len(data):
        marker, length = data[i + 1], struct.unpack(">H", data[i + 2:i + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            h, w = struct.unpack(">HH", data[i + 5:i + 9])
            return w, h
        i += 2 + length
    raise SystemExit("mkpages: no frame header in a JPEG")


def pdf(n, jpegs, dpi=300):
    """N pages, page i drawing image XObject i mod K at dpi."""
    k = len(jpegs)
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", None]
    images = []
    for data in jpegs:
        w, h = jpeg_size(data)
        images.append((len(objs) + 1, w, h))
        objs.append(b"<< /Type /XObject /Subtype /Image /Width %d /Height %d "
                    b"/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode "
                    b"/Length %d >>\nstream\n%s\nendstream" % (w, h, len(data), data))
    kids = []
    for i in range(n):
        num, w, h = images[i % k]
        wpt, hpt = w * 72.0 / dpi, h * 72.0 / dpi
        content = b"q %.4f 0 0 %.4f 0 0 cm /Im0 Do Q" % (wpt, hpt)
        objs.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content))
        kids.append(len(objs) + 1)
        objs.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.4f %.4f] "
                    b"/Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>"
                    % (wpt, hpt, num, len(objs)))
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % o for o in kids), n)
    return rawfiles.pdf(objs)


def read_ppm(path):
    with open(path, "rb") as f:
        data = f.read()
    fields, pos = [], 0
    while len(fields) < 4:  # P6 width height maxval, whitespace separated
        while data[pos:pos + 1].isspace():
            pos += 1
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        fields.append(data[start:pos])
    if fields[0] != b"P6" or fields[3] != b"255":
        raise SystemExit("mkpages: %s is not an 8-bit PPM" % path)
    return int(fields[1]), int(fields[2]), data[pos + 1:]


def tiff(n, pages, dpi=300):
    """N RGB pages cycling through `pages` (width, height, rgb bytes); one
    deflate strip per distinct page, shared by every page showing it."""
    out = bytearray(b"II*\0\0\0\0\0")
    strips = []
    for w, h, rgb in pages:
        data = zlib.compress(rgb, 6)
        strips.append((len(out), len(data), w, h))
        out += data
        if len(out) % 2:
            out += b"\0"
    shared = len(out)  # BitsPerSample table and resolution, one copy
    out += struct.pack("<HHHxx", 8, 8, 8) + struct.pack("<II", dpi, 1)
    bits, res = shared, shared + 8
    ifds = []
    for i in range(n):
        off, length, w, h = strips[i % len(strips)]
        entries = [
            (256, 4, 1, w), (257, 4, 1, h), (258, 3, 3, bits), (259, 3, 1, 8),
            (262, 3, 1, 2), (273, 4, 1, off), (277, 3, 1, 3), (278, 4, 1, h),
            (279, 4, 1, length), (282, 5, 1, res), (283, 5, 1, res),
            (284, 3, 1, 1), (296, 3, 1, 2),
        ]
        ifds.append(rawfiles.add_directory(out, entries))
    rawfiles.chain(out, ifds)
    return bytes(out)


def main():
    if len(sys.argv) < 5:
        raise SystemExit(__doc__)
    n, pdf_path, tif_path, names = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
    jpegs = [open(p, "rb").read() for p in names]
    with open(pdf_path, "wb") as f:
        f.write(pdf(n, jpegs))
    with tempfile.TemporaryDirectory() as tmp:
        # The first K pages of the PDF are the K images, rendered by poppler.
        subprocess.run(["pdftoppm", "-r", "300", "-l", str(len(jpegs)), pdf_path,
                        os.path.join(tmp, "p")], check=True)
        ppms = sorted(f for f in os.listdir(tmp) if f.endswith(".ppm"))
        pages = [read_ppm(os.path.join(tmp, f)) for f in ppms]
    with open(tif_path, "wb") as f:
        f.write(tiff(n, pages))
    for i in range(n):
        print(os.path.basename(names[i % len(names)]))


if __name__ == "__main__":
    main()
