"""Made-up records of a 300-dpi page for the parse tests: lines of words
with boxes, as the OCR stage leaves them, in blocks with a layout role.
A letter is 20 px wide and a line 50 px tall; what a test checks is where
its words stand, so only the gaps are its own."""
import json


def line(text, x, y, gap=16, far=None, speck=None):
    """The words of text from (x, y), `gap` apart; `far`, a word 900 px
    past the last (another column's speck read on the same row); `speck`,
    a letter 180 px before the first (a seal's speck left of the line)."""
    words = [{"text": speck, "box": [x - 200, y, 20, 50]}] if speck else []
    for t in text.split():
        words.append({"text": t, "box": [x, y, 20 * len(t), 50]})
        x += 20 * len(t) + gap
    if far:
        words.append({"text": far, "box": [x + 900, y, 40, 50]})
        x += 900 + 40 + gap
    return {"box": [words[0]["box"][0], y, x - gap - words[0]["box"][0], 50], "words": words}


def write_page(path, blocks):
    """A record of one scanned A4 page holding blocks, each (role, box, lines)."""
    rec = {"vanthu_record": "2.1", "status": "ok", "source": {"kind": "tiff", "page_count": 1},
           "stages_done": ["ingest"],
           "pages": [{"number": 1, "width": 2480, "height": 3508, "dpi": 300,
                      "blocks": [{"role": r, "box": b, "lines": ls} for r, b, ls in blocks]}]}
    json.dump(rec, open(path, "w"), ensure_ascii=False)
