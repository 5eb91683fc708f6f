#!/usr/bin/env bash
# pdf.sh — what `-f pdf` adds per page on the samples/ scans, and OCRmyPDF
# on the same pages when it is installed (Debian package ocrmypdf; not a
# dependency of vanthu).  For each scan, one line: pages, the source's
# bytes, the PDF's bytes and what it adds over the source per page, the
# seconds per page `vanthu run -f pdf` takes over the scan's record beyond
# `-f json` over it (the PDF alone, without the start-up both pay: the
# difference of medians of 3), the seconds per page of the whole chain with the
# PDF (-f json -f pdf, one run), and OCRmyPDF's seconds and bytes per page
# (-l vie, PDF/A-2, one job: OCR included, as in vanthu's whole chain).
#
#   bench/pdf.sh [BUILD_DIR]          default: build
#
# OCRMYPDF=no leaves OCRmyPDF out.
# The JPEG is the PDF sample's first page as pdftoppm writes it.
set -euo pipefail
echo "# $(basename "$0") $(date -u +%F) on $(nproc) cores"
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
vanthu="$build/vanthu"
export OMP_THREAD_LIMIT=1
work=$(mktemp -d /tmp/vt-bench-pdf-XXXXXX)
trap 'rm -rf "$work"' EXIT
cp "$top"/samples/*.tif "$top"/samples/*.png "$top"/samples/*.pdf "$work/"
pdftoppm -r 300 -jpeg -f 1 -l 1 -singlefile "$top/samples/ke-hoach.pdf" "$work/ke-hoach-p1"

seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N); echo "$t1 - $t0" | bc; }
median3() { printf '%s\n' "$@" | sort -g | sed -n 2p; }

printf '%-16s %5s %10s %10s %12s %9s %9s %9s %12s\n' scan pages src_bytes pdf_bytes added/page \
    pdf_s/pg chain_s/pg ocrmypdf ocrmypdf_B/pg
for scan in "$work"/*.tif "$work"/*.png "$work"/*.jpg "$work"/*.pdf; do
    name=$(basename "$scan")
    full=$(seconds "$vanthu" run -q -j 1 -f json -f pdf -o "$work/out" --force "$scan")
    rec=$(find "$work/out" -name "$name.json")
    pdf=$(find "$work/out" -name "$name.pdf")
    pages=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["pages"]))' "$rec")
    t_pdf=$(median3 "$(seconds "$vanthu" run -q -f pdf "$rec")" \
        "$(seconds "$vanthu" run -q -f pdf "$rec")" "$(seconds "$vanthu" run -q -f pdf "$rec")")
    t_json=$(median3 "$(seconds "$vanthu" run -q -f json "$rec")" \
        "$(seconds "$vanthu" run -q -f json "$rec")" "$(seconds "$vanthu" run -q -f json "$rec")")
    t=$(echo "$t_pdf - $t_json" | bc)
    src=$(stat -c %s "$scan") out=$(stat -c %s "$pdf")
    ocr="-" ocr_bytes="-"
    if [ "${OCRMYPDF:-yes}" != no ] && command -v ocrmypdf >/dev/null; then
        o=$(seconds ocrmypdf -q -l vie -j 1 --output-type pdfa-2 "$scan" "$work/ocrmypdf-$name.pdf")
        if [ -s "$work/ocrmypdf-$name.pdf" ]; then
            ocr=$(echo "scale=2; $o / $pages" | bc)
            ocr_bytes=$(( $(stat -c %s "$work/ocrmypdf-$name.pdf") / pages ))
        fi
    fi
    printf '%-16s %5d %10d %10d %12d %9.3f %9.2f %9s %12s\n' "$name" "$pages" "$src" "$out" \
        $(( (out - src) / pages )) "$(echo "$t / $pages" | bc -l)" "$(echo "$full / $pages" | bc -l)" \
        "$ocr" "$ocr_bytes"
done
