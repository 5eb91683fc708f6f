#!/usr/bin/env python3
"""turnpage.py IN OUT SCALE DEGREES QUARTERS: a page as a careless scanner
gives it, made with leptonica (through ctypes, so no imaging module is
needed): IN scaled by SCALE (its resolution with it), rotated by DEGREES
(clockwise positive, about the centre, the size kept), then turned
clockwise by QUARTERS quarter turns; written as PNG.

turnpage.py --map W H SCALE DEGREES QUARTERS < BOXES: where boxes of IN
(W x H pixels), one "x y w h" a line, land on OUT: the smallest upright
box holding each box's corners, one a line."""
import ctypes
import ctypes.util
import math
import sys

L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, IFF_PNG = 1, 1, 3


def forward(w, h, scale, degrees, quarters):
    """The map from IN's pixels to OUT's, and OUT's size."""
    sw, sh = round(w * scale), round(h * scale)
    sx, sy = sw / w, sh / h
    r = math.radians(degrees)
    cx, cy = sw // 2, sh // 2
    q = quarters % 4

    def f(x, y):
        x, y = x * sx, y * sy
        dx, dy = x - cx, y - cy
        x, y = cx + dx * math.cos(r) - dy * math.sin(r), cy + dx * math.sin(r) + dy * math.cos(r)
        for _ in range(q):  # clockwise: (x, y) -> (height - y, x)
            x, y = sh - y if _ % 2 == 0 else sw - y, x
        return x, y
    return f


def make(src, dst, scale, degrees, quarters):
    lept = ctypes.CDLL(ctypes.util.find_library('lept') or 'liblept.so.5')
    vp = ctypes.c_void_p
    for name, res, args in (
            ('pixRead', vp, [ctypes.c_char_p]), ('pixScale', vp, [vp, ctypes.c_float, ctypes.c_float]),
            ('pixRotate', vp, [vp, ctypes.c_float, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_int]),
            ('pixRotateOrth', vp, [vp, ctypes.c_int]), ('pixGetXRes', ctypes.c_int, [vp]),
            ('pixSetResolution', ctypes.c_int, [vp, ctypes.c_int, ctypes.c_int]),
            ('pixWrite', ctypes.c_int, [ctypes.c_char_p, vp, ctypes.c_int])):
        getattr(lept, name).restype = res
        getattr(lept, name).argtypes = args
    pix = lept.pixRead(src.encode())
    res = lept.pixGetXRes(pix) or 300
    pix = lept.pixScale(pix, scale, scale)
    pix = lept.pixRotate(pix, math.radians(degrees), L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0)
    pix = lept.pixRotateOrth(pix, quarters % 4)
    lept.pixSetResolution(pix, round(res * scale), round(res * scale))
    if not pix or lept.pixWrite(dst.encode(), pix, IFF_PNG) != 0:
        sys.exit(f'turnpage.py: cannot make {dst}')


def main():
    if sys.argv[1] == '--map':
        w, h = int(sys.argv[2]), int(sys.argv[3])
        f = forward(w, h, float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]))
        for line in sys.stdin:
            x, y, bw, bh = map(float, line.split())
            pts = [f(x + a, y + b) for a in (0, bw) for b in (0, bh)]
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            print(round(min(xs)), round(min(ys)), round(max(xs) - min(xs)), round(max(ys) - min(ys)))
    else:
        make(sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]))


main()
