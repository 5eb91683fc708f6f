"""tiffdir.py — image file directories of a little-endian TIFF, for the test
scripts that build TIFF files byte by byte (tests/bad/mkhostile.py,
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
