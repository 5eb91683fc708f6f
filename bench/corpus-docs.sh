# corpus-docs.sh — sourced by bench/real.sh, bench/parse.sh and
# bench/restore-heldout.sh, which set $src (the checkout): corpus documents
# as files, stripped of their marks, rendered and read by Tesseract's
# English model, and printed as sealed dispatches and read by vanthu.

# strip FILE: the text of FILE without its marks (tones, vowel marks, đ).
strip() {
    python3 -c "
import sys, unicodedata
t = unicodedata.normalize('NFD', open(sys.argv[1], encoding='utf-8').read())
t = ''.join(c for c in t if not unicodedata.combining(c)).replace('đ', 'd').replace('Đ', 'D')
sys.stdout.write(unicodedata.normalize('NFC', t))" "$1"
}

# corpus_docs CORPUS TSV OUT: each document TSV lists (file, doc_no) as
# OUT/STEM-NNN (tvpl_tnt305-203), one line a paragraph.
corpus_docs() {
    python3 - "$1" "$2" "$3" <<'PY'
import sys, lzma, os
corpus, tsv, out = sys.argv[1:]
want = {}
for line in open(tsv, encoding='utf-8'):
    if line.startswith('#') or line.startswith('file\t'):
        continue
    f = line.split('\t')
    want.setdefault(f[0], set()).add(int(f[1]))
for name, nos in want.items():
    no, doc = 1, []
    with lzma.open(os.path.join(corpus, name), 'rt', encoding='utf-8') as f:
        for line in list(f) + ['\n']:
            if line.strip():
                doc.append(line)
                continue
            if doc and no in nos:
                open(f'{out}/{name.split(".")[0]}-{no:03d}', 'w', encoding='utf-8').writelines(doc)
            if doc:
                no, doc = no + 1, []
PY
}

# ocr_doc DOC PREFIX CACHE: DOC in pages of 20 lines, PREFIX.pageNNN, each
# rendered and read by bench/ocr-page.sh into PREFIX.pageNNN.ocr (cached in
# CACHE).  The font turns with ocr_page_no, counted over all the calls.
ocr_page_no=0
ocr_doc() {
    split -l 20 -d -a 3 "$1" "$2.page"
    for pg in "$2".page[0-9][0-9][0-9]; do
        cp "$(sh "$src/bench/ocr-page.sh" "$pg" $ocr_page_no "$3")" "$pg.ocr"
        ocr_page_no=$((ocr_page_no + 1))
    done
}

# skip_ocr_doc DOC: counts the pages ocr_doc would read of DOC without
# reading them, so that the documents after it keep their fonts.
skip_ocr_doc() {
    ocr_page_no=$((ocr_page_no + ($(wc -l < "$1") + 19) / 20))
}

# seal_scan_doc DOC BUILD CACHE: prints the file holding the record of DOC
# printed as a dispatch (bench/dispatch-markup.py), rendered by vt-mksample
# as a scan with a red seal and a blue signature (every page, one TIFF;
# the seed from DOC's name) and run by `vanthu run` up to its OCR.  The page
# is kept in CACHE by the hash of its markup and seed, the record by the
# hash of the page and of what reads it (pipeline/scan.pipe and the sources
# of ingest and src/image), so only restore and parse, which the caller
# runs from the record, follow a change elsewhere.
seal_scan_doc() {
    seed=$(basename "$1" | cksum | cut -d' ' -f1)
    markup=$(mktemp)
    python3 "$src/bench/dispatch-markup.py" "$1" > "$markup"
    page=$(seal_scan_page "$markup" "$seed" "$3")
    [ -s "$page" ] || "$2/tools/vt-mksample" --seed "$seed" "$markup" "$page" >&2
    rm -f "$markup"
    rec=$(seal_scan_record "$page" "$(seal_scan_reader)" "$3")
    if [ ! -s "$rec" ]; then
        "$2/vanthu" run -q -j 1 --stop-after ocr -f json "$page" > "$rec.$$"
        mv "$rec.$$" "$rec"
    fi
    echo "$rec"
}

# The cache's names, for seal_scan_doc and for scripts that only read
# what it cached: seal_scan_page MARKUP SEED CACHE, the page of a markup;
# seal_scan_reader, the hash of what reads a page; seal_scan_record PAGE
# READER CACHE, the record of a page.
seal_scan_page() {
    echo "$3/$( (cat "$1"; echo "$2") | sha1sum | cut -c1-16).tif"
}
seal_scan_reader() {
    cat "$src/pipeline/scan.pipe" "$src"/src/ingest/*.[ch] "$src"/src/image/*.[ch] |
        sha1sum | cut -c1-16
}
seal_scan_record() {
    echo "$3/$( (cat "$1"; echo "$2") | sha1sum | cut -c1-16).ocr.json"
}
