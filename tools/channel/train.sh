#!/bin/sh
# train.sh — rebuild dict/channel/ (the OCR channel model counts).
#
#   tools/channel/train.sh [BUILDDIR] [-- vt-channel-train options]
#
# Gathers Vietnamese text from the installed Debian packages (hunspell-vi,
# libreoffice-help-vi, manpages-vi) and the project corpus dict/corpus/*.txt,
# then renders, OCRs (eng and vie) and aligns it with vt-channel-train.
# OCR results are cached in BUILDDIR/channel-work, so an interrupted run
# resumes; delete that directory to start afresh.  The text gathered is
# never stored in the repository.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$src/build}
[ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift
tool=$build/tools/vt-channel-train
[ -x "$tool" ] || { echo "train.sh: $tool not built (ninja -C $build)" >&2; exit 3; }
work=$build/channel-work
mkdir -p "$work/text"
python3 "$src/tools/channel/extract_text.py" "$work/text" --corpus "$src/dict/corpus"
# The project corpus is the domain (dispatch phrasing, headers, names), so
# it gets three lines for each one of the other sources.
# 400 pages of 39 lines, each read by eng and vie: about 13 minutes of one
# core, nearly all of it in Tesseract.
set -- -o "$src/dict/channel" -w "$work/ocr" -p 400 "$@" \
    "$work/text/corpus.txt:3" "$work/text/lo-help.txt" \
    "$work/text/hunspell.txt" "$work/text/man.txt"
OMP_THREAD_LIMIT=1 exec "$tool" "$@"
