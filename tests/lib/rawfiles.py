"""rawfiles.py — pieces of TIFF and PDF files, for the test scripts that
build such files byte by byte (tests/bad/mkhostile.py,
tests/image/mkpages.py)."""
import struct


def add_directory(out, entries):
    """Append a directory of (tag, type, count, value) entries to the
    bytearray `out` and return where it starts.  A single SHORT sits in the
    entry itself; any other value is a LONG or an offset."""
    at = len(out)
    out += struct.pack("<H", len(entries))
    for tag, typ, count, val in entries:
        if typ == 3 and count == 1:
            out += struct.pack("<HHIHH", tag, typ, count, val, 0)
        else:
            out += struct.pack("<HHII", tag, typ, count, val)
    out += b"\0\0\0\0"  # the next directory, set by chain()
    return at


def chain(out, offsets):
    """Point the header at the first directory and each directory at the
    next."""
    struct.pack_into("<I", out, 4, offsets[0])
    for a, b in zip(offsets, offsets[1:]):
        count = struct.unpack_from("<H", out, a)[0]
        struct.pack_into("<I", out, a + 2 + 12 * count, b)


def pdf(objs):
    """A PDF file of the numbered objects `objs` (bodies, object 1 the
    catalog), with its cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (i, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, xref)
    return bytes(out)
