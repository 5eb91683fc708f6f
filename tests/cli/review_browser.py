"""review_browser.py PAGE.html TEXT_PAGE.html INDEX.html DOWNLOADS SHOT.png RESULT.json

Drives a `vanthu review` page in headless Chromium as a reviewer would,
by keyboard only: the first change offered (a flagged one, since they
come first) accepted, the next rejected, an alternative picked with a
digit, a correction typed; then the page is reloaded (nothing may be
lost) and the decisions file saved with `s` into DOWNLOADS.  Checks on
the way: the page draws its picture and boxes and the text beside it
(pixel statistics of a screenshot, kept as SHOT), every line of text is
drawn in one font of the page's Vietnamese stack, the browser logs no
error (a script error, a fetch the page's policy refused); a metadata
field's link shows its evidence box on the picture.  A record of a text
input (TEXT_PAGE) gets a page of text alone; a batch's index (INDEX, of
PAGE's record and TEXT_PAGE's) counts the decisions made.  What was decided on
which change goes to RESULT for the shell test to hold `vanthu apply`'s
record to.  Exits 1 with a message on the first failure.

Run by review-browser.sh with the Python that has Debian's selenium.
"""
import glob
import json
import os
import struct
import sys
import time
import zlib

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains

page, text_page, index, downloads, shot, result_path = sys.argv[1:7]
CORRECTION = "Thử"
FONTS = {"Noto Sans", "DejaVu Sans", "Segoe UI", "Roboto", "Arial", "Liberation Sans", "Tahoma"}


def fail(msg):
    print("FAIL: " + msg, file=sys.stderr)
    sys.exit(1)


def browser():
    opts = webdriver.ChromeOptions()
    opts.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--window-size=1280,800", "--hide-scrollbars"):
        opts.add_argument(a)
    opts.add_experimental_option("prefs", {"download.default_directory": downloads,
                                           "download.prompt_for_download": False})
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")),
                            options=opts)


def until(what, fn, seconds=20):
    end = time.time() + seconds
    while time.time() < end:
        v = fn()
        if v:
            return v
        time.sleep(0.1)
    fail("timed out waiting for " + what)


def drawn(d, navigate, what):
    """Navigates and waits for the new page to be drawn.  The old page's ready
    mark goes first: under load the driver can hand back control before the
    new page replaces the old one, and the old mark would let a check read a
    page not yet drawn."""
    d.execute_script("if (document.body) delete document.body.dataset.ready")
    navigate()
    until(what, lambda: d.execute_script("return document.body && document.body.dataset.ready === '1'"))


def load(d, path):
    drawn(d, lambda: d.get("file://" + os.path.abspath(path)), "the page to be drawn")


def errors(d):
    return [e["message"] for e in d.get_log("browser") if e["level"] == "SEVERE"]


def key(d, k):
    ActionChains(d).send_keys(k).perform()


def card(d):
    return d.execute_script("const c = document.getElementById('card');"
                            "return [Number(c.dataset.change), c.dataset.decision];")


def rows(d):
    return d.execute_script("const r = {}; document.querySelectorAll('#pane-changes tr[data-change]')"
                            ".forEach((t) => { if (t.dataset.decision) r[t.dataset.change] = t.dataset.decision; });"
                            "return r;")


def png_pixels(path):
    """Width, height and rows of (r, g, b) of an 8-bit RGB or RGBA PNG."""
    data = open(path, "rb").read()
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            if depth != 8 or ctype not in (2, 6):
                fail(f"screenshot is a PNG of depth {depth}, colour type {ctype}")
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw, stride, out, prev = zlib.decompress(idat), w * bpp, [], bytearray(w * bpp)
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        out.append([tuple(line[i:i + 3]) for i in range(0, stride, bpp)])
        prev = line
    return w, h, out


def region_stats(pixels, rect):
    """Shares of dark pixels (print), of strongly coloured ones (boxes,
    highlights) and the number of grey levels in a rectangle."""
    x0, y0, x1, y1 = (int(v) for v in rect)
    dark = coloured = total = 0
    levels = set()
    for row in pixels[y0:y1]:
        for r, g, b in row[x0:x1]:
            total += 1
            lum = (299 * r + 587 * g + 114 * b) // 1000
            levels.add(lum)
            dark += lum < 110
            coloured += max(r, g, b) - min(r, g, b) > 60
    return dark / max(total, 1), coloured / max(total, 1), len(levels)


def rect_of(d, selector):
    r = d.execute_script(f"const r = document.querySelector('{selector}').getBoundingClientRect();"
                         "return [r.left, r.top, Math.min(r.right, innerWidth), Math.min(r.bottom, innerHeight)];")
    ratio = d.execute_script("return devicePixelRatio")
    return [v * ratio for v in r]


d = browser()
try:
    load(d, page)
    if errors(d):
        fail("the browser logged errors: %s" % errors(d))
    data = json.loads(d.execute_script("return document.getElementById('vanthu-data').textContent"))
    changes = data["record"]["changes"]
    key_name = data["storage_key"]

    # Flagged changes come first: the first one offered is flagged.
    first, _ = card(d)
    if not changes[first]["review"]:
        fail(f"the first change offered, #{first}, is not a flagged one")
    key(d, "a")
    second, _ = card(d)
    if second == first:
        fail("accepting did not move on to the next change")
    key(d, "r")
    # On to a change with a second alternative, by j.
    third, _ = card(d)
    for _ in range(len(changes)):
        if len(changes[third]["alternatives"]) >= 2:
            break
        key(d, "j")
        third, _ = card(d)
    else:
        fail("no change has two alternatives")
    key(d, "2")
    fourth, _ = card(d)
    key(d, "c")
    until("the correction field", lambda: d.execute_script(
        "return document.activeElement && document.activeElement.id === 'correction'"))
    field = d.switch_to.active_element
    field.clear()
    field.send_keys(CORRECTION + "\n")
    decided = {str(first): "accept", str(second): "reject", str(third): "pick", str(fourth): "correct"}
    if len(decided) != 4:
        fail(f"the keys decided on changes {first}, {second}, {third}, {fourth}: not four")
    if rows(d) != decided:
        fail(f"the change list shows {rows(d)}, not {decided}")

    # A reload loses nothing.
    drawn(d, d.refresh, "the page to be drawn again")
    if rows(d) != decided:
        fail(f"after a reload the change list shows {rows(d)}, not {decided}; localStorage holds "
             + str(d.execute_script(f"return localStorage.getItem('{key_name}')")))
    stored = json.loads(d.execute_script(f"return localStorage.getItem('{key_name}')"))
    if sorted(stored["decisions"]) != sorted(decided):
        fail(f"localStorage holds {stored['decisions']}")

    key(d, "s")
    saved = until("the decisions file", lambda: [f for f in glob.glob(os.path.join(downloads, "*.decisions.json"))
                                                  if os.path.getsize(f) > 0])
    decisions = json.load(open(saved[0], encoding="utf-8"))
    if decisions.get("reviewer") != data["reviewer"]:
        fail(f"the decisions file names {decisions.get('reviewer')!r}, not {data['reviewer']!r}")

    # The picture with its boxes on the left, the text on the right.
    d.save_screenshot(shot)
    w, h, pixels = png_pixels(shot)
    levels_all = region_stats(pixels, (0, 0, w, h))[2]
    dark_img, coloured_img, _ = region_stats(pixels, rect_of(d, "#pages"))
    dark_text, _, _ = region_stats(pixels, rect_of(d, "#pane-text"))
    print(f"screenshot {w}x{h}: {levels_all} grey levels; picture: {dark_img:.2%} dark, "
          f"{coloured_img:.2%} coloured; text: {dark_text:.2%} dark")
    if levels_all < 32:
        fail("the screenshot is blank or nearly so")
    if dark_img < 0.005 or coloured_img < 0.005:
        fail("the page picture or its boxes are not visible")
    if dark_text < 0.01:
        fail("the text is not visible")

    # Every line of text in one font of the stack, none drawn by fallback.
    d.execute_cdp_cmd("DOM.enable", {})
    d.execute_cdp_cmd("CSS.enable", {})
    root = d.execute_cdp_cmd("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    for node in d.execute_cdp_cmd("DOM.querySelectorAll", {"nodeId": root, "selector": ".line .lt"})["nodeIds"]:
        fonts = {f["familyName"] for f in d.execute_cdp_cmd("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]}
        if len(fonts) > 1 or not fonts <= FONTS:
            fail(f"a line of text is drawn in {sorted(fonts)}")
    # A field of the metadata shows where it was read.
    d.execute_script("document.querySelector('#tabs [data-tab=metadata]').click()")
    shown = d.execute_script("""
        const link = [...document.querySelectorAll('#pane-metadata button.chip')]
            .find((b) => b.textContent.startsWith('\u25a3'));
        if (!link) return 'no field has an evidence box';
        link.click();
        const ev = [...document.querySelectorAll('.evidence')].find((e) => !e.hidden);
        if (!ev) return 'no evidence box is shown';
        const r = ev.getBoundingClientRect(), p = ev.parentElement.getBoundingClientRect();
        return r.width > 4 && r.height > 4 && r.left >= p.left && r.right <= p.right + 1 ? ''
            : 'the evidence box is not on its page';""")
    if shown:
        fail(shown)
    if errors(d):
        fail("the browser logged errors: %s" % errors(d))

    # The batch's index: both records, the decisions made on the first.
    load(d, index)
    cells = d.execute_script("return [...document.querySelectorAll('#index tbody tr')]"
                             ".map((r) => r.children[6].textContent)")
    if cells != [str(len(decided)), ""]:
        fail(f"the index counts {cells} decisions, not {len(decided)} and none")

    # A text input's record: its text, no picture column.
    load(d, text_page)
    n_lines = d.execute_script("return document.querySelectorAll('.line').length")
    if d.execute_script("return !!document.getElementById('pages')") or n_lines < 10:
        fail(f"the text record's page has a picture column or only {n_lines} lines")
    if errors(d):
        fail("the browser logged errors on the text page: %s" % errors(d))

    json.dump({"decided": decided, "pick": third, "correct": fourth, "correction": CORRECTION,
               "file": saved[0]}, open(result_path, "w"), ensure_ascii=False)
finally:
    d.quit()
