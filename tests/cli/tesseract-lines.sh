#!/usr/bin/env bash
# Tesseract's line images reach its recogniser without a PNG compressed
# and inflated again: the command's own pixWriteMem (src/cli/main.c) is
# the one Tesseract's call is bound to, ahead of leptonica's.  (That the
# lines are read as before is what the OCR tests and benches hold.)
. "$(dirname "$0")/lib.sh"

LD_BIND_NOW=1 LD_DEBUG=bindings "$VANTHU" --version > /dev/null 2> "$scratch/bindings"
check "grep -q \"libtesseract[^ ]* .* to [^ ]*vanthu .*\\\`pixWriteMem'\" '$scratch/bindings'" \
    "Tesseract's pixWriteMem is not bound to the command: $(grep "\`pixWriteMem'" "$scratch/bindings" | head -3)"
finish
