#!/bin/sh
# make-samples.sh — regenerate samples/*.{png,jpg,tif,pdf} from the markup in
# samples/src/*.txt with vt-mksample.  Deterministic: the seed comes from the
# file name, so a re-run gives the same bytes.  One-page dispatches become
# png and jpg in turn, longer ones multi-page tif and pdf in turn, so every
# kind of input ingest reads is covered.
#
# JPEG quality 60 keeps every file under 1.5 MB (a noisy 300 dpi A4 page
# in colour is about 0.7 MB at that quality).
#
#   tools/make-samples.sh [--truth DIR] [BUILD_DIR]     (default: build)
#
# With --truth, nothing in samples/ changes: DIR/NAME.txt receives the text
# each sample shows (reading order, pages by form feed), for scoring OCR.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
truth=
if [ "${1:-}" = --truth ]; then
    truth=$2
    shift 2
fi
build=${1:-$root/build}
mk=$build/tools/vt-mksample
[ -x "$mk" ] || { echo "make-samples: $mk not built (ninja -C $build)" >&2; exit 3; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
single=0 multi=0
for src in "$root"/samples/src/*.txt; do
    [ -e "$src" ] || { echo "make-samples: no samples/src/*.txt" >&2; exit 2; }
    name=$(basename "$src" .txt)
    seed=$(printf '%s' "$name" | cksum | cut -d' ' -f1)
    # Page count from the text the pages show: one form feed per extra page.
    "$mk" --seed "$seed" --text "$tmp/text" "$src" "$tmp/probe.jpg"
    pages=$(( $(tr -cd '\f' < "$tmp/text" | wc -c) + 1 ))
    if [ -n "$truth" ]; then
        cp "$tmp/text" "$truth/$name.txt"
        continue
    fi
    if [ "$pages" -gt 1 ]; then
        fmt=$( [ $((multi % 2)) -eq 0 ] && echo tif || echo pdf )
        multi=$((multi + 1))
    else
        fmt=$( [ $((single % 2)) -eq 0 ] && echo png || echo jpg )
        single=$((single + 1))
    fi
    rm -f "$root/samples/$name".png "$root/samples/$name".jpg \
          "$root/samples/$name".tif "$root/samples/$name".pdf
    "$mk" --seed "$seed" --jpeg-quality 60 "$src" "$root/samples/$name.$fmt"
    echo "samples/$name.$fmt ($pages page$( [ "$pages" -gt 1 ] && echo s))"
done
