#!/usr/bin/env python3
"""mkhostile.py — write hostile inputs for tests/bad/run.sh into a directory.

usage: mkhostile.py KIND DIR [SOURCE_ROOT]

KIND is one of:
  files     small hostile files (empty, truncated, bombs, bad text, odd names)
  pages     a 1,000-page TIFF (pages-1000.tif), small pages sharing one strip
  hugeline  a 20 MB text file that is one single line of words
  longtext  a 2.5 MB dispatch without diacritics, 54,000 lines (long-text.txt)
  bigpng    144-megapixel PNGs of text-like strokes, grey and colour
            (big-page.png, big-colour.png)

Everything is generated, nothing is downloaded; the big files are made at
test time so that the repository only holds small ones.  Decompression
bombs are small files whose headers promise huge images: ingest must refuse
them before allocating the pixels.
"""
import os
import random
import struct
import sys
import zlib

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "lib"))
import rawfiles  # noqa: E402


def tiff(pages):
    """Little-endian TIFF.  pages: list of (width, height, bits, strip, rows)
    where strip is deflate data for `rows` rows; every strip of a page, and
    every page, may point at the same data, so a huge page costs a few bytes
    per strip and a thousand pages cost a few bytes each."""
    blobs = {}
    out = bytearray(b"II*\0\0\0\0\0")
    for _, _, _, strip, _ in pages:
        if strip not in blobs:
            blobs[strip] = len(out)
            out += strip
    ifd_offsets = []
    for (w, h, bits, strip, rows) in pages:
        # strip tables, then the directory
        n = (h + rows - 1) // rows
        offs = len(out)
        out += struct.pack("<%dI" % n, *([blobs[strip]] * n))
        counts = len(out)
        out += struct.pack("<%dI" % n, *([len(strip)] * n))
        res = len(out)
        out += struct.pack("<II", 150, 1)
        if len(out) % 2:
            out += b"\0"
        entries = [
            (256, 4, 1, w), (257, 4, 1, h), (258, 3, 1, bits), (259, 3, 1, 8),
            # one LONG is stored in the entry itself, more in a table
            (262, 3, 1, 0 if bits == 1 else 1),
            (273, 4, n, offs if n > 1 else blobs[strip]), (277, 3, 1, 1), (278, 4, 1, rows),
            (279, 4, n, counts if n > 1 else len(strip)), (282, 5, 1, res), (283, 5, 1, res),
            (296, 3, 1, 2),
        ]
        ifd_offsets.append(rawfiles.add_directory(out, entries))
    rawfiles.chain(out, ifd_offsets)
    return bytes(out)


def png(w, h, rows, dpi=None, grey=0):
    """8-bit grey PNG whose IHDR says w x h but whose data is only `rows`
    rows of the value `grey`; with dpi, a pHYs chunk claims that resolution."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))
    raw = zlib.compress((b"\0" + bytes([grey]) * w) * rows, 9)
    phys = b""
    if dpi:
        ppm = round(dpi / 0.0254)
        phys = chunk(b"pHYs", struct.pack(">IIB", ppm, ppm, 1))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
            + phys + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


def pdf(width_pt, height_pt):
    """One blank page of the given size in points."""
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] >>" % (width_pt, height_pt)]
    return rawfiles.pdf(objs)


def pdf_image_bomb(hidden):
    """An A4 page drawing a 60000 x 60000 grey image of a few bytes; with
    `hidden`, a second page draws it as the soft mask of a small image
    inside a form, and the first page is a small image alone."""
    row = zlib.compress(b"\0" * 60000, 9)
    bomb = b"/Type /XObject /Subtype /Image /Width 60000 /Height 60000 " \
           b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode"
    small = b"/Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray " \
            b"/BitsPerComponent 8 /Filter /FlateDecode"
    pixels = zlib.compress(b"\0" * 64)
    draw = b"q 595 0 0 842 0 0 cm /Im0 Do Q"

    def stream(dict_, data):
        return b"<< %s /Length %d >>\nstream\n%s\nendstream" % (dict_, len(data), data)

    def page(xobject, contents):
        return (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
                b"<< /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>" % (xobject, contents))

    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", None, stream(b"", draw)]
    if not hidden:
        objs += [stream(bomb, row), page(4, 3)]
        kids = [5]
    else:
        objs += [stream(small, pixels), page(4, 3),                 # 4, 5: page 1
                 stream(bomb, row),                                 # 6: the mask
                 stream(small + b" /SMask 6 0 R", pixels),          # 7
                 stream(b"/Type /XObject /Subtype /Form /BBox [0 0 1 1] "
                        b"/Resources << /XObject << /Im0 7 0 R /Self 8 0 R >> >>",
                        b"/Im0 Do"),                                # 8: a form drawing it
                 page(8, 3)]                                        # 9: page 2
        kids = [5, 9]
    objs[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    return rawfiles.pdf(objs)


def jpeg_bomb(seed):
    """A real JPEG with its frame header (SOF0) saying 60000 x 60000."""
    data = bytearray(seed)
    i = 2
    while i + 9 < len(data):
        marker, length = data[i + 1], struct.unpack(">H", data[i + 2:i + 4])[0]
        if marker in (0xc0, 0xc1, 0xc2):
            struct.pack_into(">HH", data, i + 5, 60000, 60000)
            return bytes(data)
        i += 2 + length
    raise SystemExit("mkhostile: no SOF marker in the JPEG seed")


def write(d, name, data):
    with open(os.path.join(d.encode(), name if isinstance(name, bytes) else name.encode()), "wb") as f:
        f.write(data)


def files(d, root):
    seeds = os.path.join(root, "fuzz", "corpus", "image")
    rnd = random.Random(5)
    write(d, "empty.txt", b"")
    write(d, "invalid-utf8.txt", "Kính gửi\nđơn vị".encode() + b" \xff\xfe tr\xe1\n")
    write(d, "latin1.txt", b"C\xf4ng v\xe3n s\xf4 5\n")  # a legacy 8-bit encoding
    write(d, "nul.txt", b"Kinh gui\0cac don vi\n")
    write(d, "garbage.bin", bytes(rnd.getrandbits(8) for _ in range(65536)))
    write(d, "control-chars.txt", b"S\x01\x02\x1b[31m\x7f\n")
    # truncated images: every seed cut in half
    for name in sorted(os.listdir(seeds)):
        with open(os.path.join(seeds, name), "rb") as f:
            data = f.read()
        write(d, "cut-" + name, data[:len(data) // 2])
    # decompression bombs: small files, huge promised images
    write(d, "bomb.png", png(60000, 60000, 4))
    write(d, "bomb.pgm", b"P5\n100000 100000\n255\n" + b"\0" * 4096)
    with open(os.path.join(seeds, "gray.jpg"), "rb") as f:
        write(d, "bomb.jpg", jpeg_bomb(f.read()))
    row = zlib.compress(b"\0" * 40000, 9)
    small = zlib.compress(b"\0" * 64, 9)
    write(d, "bomb-page-2.tif", tiff([(64, 64, 8, small, 1), (40000, 40000, 8, row, 1)]))
    write(d, "bomb.pdf", pdf(14400, 14400))
    write(d, "bomb-image.pdf", pdf_image_bomb(False))
    write(d, "bomb-mask-2.pdf", pdf_image_bomb(True))
    # pages preprocess must not choke on: a speck, and a small image that
    # claims 50 dpi (scaling it to 300 dpi naively needs 36 times the pixels)
    write(d, "speck.png", png(40, 40, 40, grey=255))
    write(d, "claims-50dpi.png", png(2000, 2500, 2500, dpi=50, grey=255))
    # text that is all line breaks: 20 million empty lines
    write(d, "newlines.txt", b"\n" * (20 * 1024 * 1024))
    # names: spaces and Vietnamese, bytes that are not UTF-8, near NAME_MAX
    text = "Kính gửi: các đơn vị trực thuộc.\n".encode()
    write(d, "tên có dấu và khoảng trắng.txt", text)
    write(d, b"latin1-name-\xe9\xe8.txt", text)
    write(d, ("ạ" * 83) + ".txt", text)       # 253 bytes
    write(d, "--force.txt", text)               # looks like an option


def pages(d, _root):
    # 1,000 pages of A4 at 150 dpi, 1 bit, a ruled line every 40 rows
    w, h = 1240, 1754
    page = b"".join((b"\xff" if y % 40 == 20 else b"\0") * (w // 8) for y in range(h))
    write(d, "pages-1000.tif", tiff([(w, h, 1, zlib.compress(page, 9), h)] * 1000))


def hugeline(d, _root):
    rnd = random.Random(7)
    words = ("kinh gui cac don vi truc thuoc so ngay thang nam ke hoach "
             "trien khai thuc hien van ban bao cao").split()
    chunk = " ".join(rnd.choice(words) for _ in range(20000)).encode()
    size = 20 * 1024 * 1024
    data = (chunk + b" ") * (size // (len(chunk) + 1) + 1)
    write(d, "huge-line.txt", data[:size].rstrip() + b"\n")


def longtext(d, _root):
    # Lines in the style of a dispatch typed without diacritics (restore
    # changes nearly every word), with numbers that change from line to line.
    rnd = random.Random(11)
    lines = ["UY BAN NHAN DAN TINH {n}", "So: {n}/UBND-VX ngay {d} thang {m} nam {y}",
             "V/v trien khai ke hoach cong tac van thu luu tru nam {y}",
             "Kinh gui: cac so, ban, nganh tinh; Uy ban nhan dan cac huyen, thanh pho;",
             "Can cu Nghi dinh so {n}/{y}/ND-CP ngay {d} thang {m} nam {y} cua Chinh phu;",
             "Thuc hien Cong van so {n}/BNV-VP ngay {d}/{m}/{y} cua Bo Noi vu ve viec nay,",
             "Dieu {n}. Giao So Noi vu chu tri, phoi hop voi cac don vi lien quan thuc hien.",
             "a) Bao cao ket qua thuc hien ve Uy ban nhan dan tinh truoc ngay {d}/{m}/{y};",
             "b) Tong hop kien nghi, de xuat cua cac dia phuong, bao cao cap co tham quyen.",
             "Noi nhan:", "- Nhu tren;", "- Luu: VT, VX.", "KT. CHU TICH", "PHO CHU TICH",
             "Nguyen Van {n}"]
    out = []
    while len(out) < 54000:
        line = rnd.choice(lines)
        out.append(line.format(n=rnd.randint(1, 9999), y=rnd.randint(2000, 2030),
                               d=rnd.randint(1, 28), m=rnd.randint(1, 12)))
    write(d, "long-text.txt", ("\n".join(out) + "\n").encode())


def bigpng(d, _root):
    # 12,000 x 12,000 pixels (144 megapixels, under the 150 limit), grey and
    # colour: bands of dark strokes on white, like lines of text, so that
    # every stage has work to do.
    w = h = 12000
    rnd = random.Random(13)
    strokes = bytearray(b"\xff" * w)
    x = 600
    while x < w - 600:
        n = rnd.randint(8, 40)
        strokes[x:x + n] = b"\x20" * n
        x += n + rnd.randint(6, 30)

    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data +
                struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))
    for name, colour in (("big-page.png", 0), ("big-colour.png", 2)):
        ink = bytes(strokes) if not colour else bytes(b for v in strokes for b in (v, v, 0xff))
        blank = b"\0" + b"\xff" * len(ink)
        ink = b"\0" + ink
        z = zlib.compressobj(6)
        raw = bytearray()
        for y in range(h):
            raw += z.compress(ink if 600 <= y < h - 600 and y % 120 < 50 else blank)
        raw += z.flush()
        write(d, name, b"\x89PNG\r\n\x1a\n" +
              chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, colour, 0, 0, 0)) +
              chunk(b"IDAT", bytes(raw)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    kind, d = sys.argv[1], sys.argv[2]
    root = sys.argv[3] if len(sys.argv) > 3 else "."
    {"files": files, "pages": pages, "hugeline": hugeline, "longtext": longtext,
     "bigpng": bigpng}[kind](d, root)
