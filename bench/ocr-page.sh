#!/bin/sh
# ocr-page.sh PAGE N CACHE — render the text file PAGE with pango-view in
# the Nth font of three (in turn, so a set of pages shows each) and read it
# with Tesseract's English model; prints the file holding the OCR text,
# kept in CACHE by the hash of what was rendered.
set -eu
page=$1 n=$2 cache=$3
case $((n % 3)) in 0) font='Liberation Serif 12';; 1) font='DejaVu Serif 11';;
                   *) font='Liberation Sans 12';; esac
key=$( (cat "$page"; echo "$font") | sha1sum | cut -c1-16)
if [ ! -s "$cache/$key.txt" ]; then
    png=$(mktemp --suffix=.png)
    pango-view --no-display --font="$font" --dpi=300 --width=2100 --margin=150 \
        --wrap=word -o "$png" "$page"
    OMP_THREAD_LIMIT=1 tesseract "$png" "$cache/$key" -l eng 2>/dev/null
    rm -f "$png"
fi
echo "$cache/$key.txt"
