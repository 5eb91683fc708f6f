#!/usr/bin/env bash
# abi.sh LIBVANTHU.so VANTHU.H — the dynamic symbols the library defines
# are exactly the functions and objects vanthu.h declares with VT_EXPORT:
# nothing internal leaks (a program could come to depend on it), nothing
# declared is missing.  Names the linker defines (_edata, __bss_start)
# begin with an underscore and are not the library's.
set -euo pipefail
lib=$1 header=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
nm -D --defined-only "$lib" | awk '$2 ~ /^[TDRBV]$/ && $3 !~ /^_/ {print $3}' | sort -u > "$tmp/exported"
# A declaration may wrap: join each VT_EXPORT line with the next before
# taking the name in front of "(" (a function) or ";" (an object).
awk 'held { print held " " $0; held = "" } /VT_EXPORT/ && !/#define/ { held = $0 }' "$header" \
    | sed -E 's/\(.*//; s/;.*//; s/.*[ *]//' | sort -u > "$tmp/declared"
[ -s "$tmp/exported" ] || { echo "FAIL: $lib exports nothing"; exit 1; }
if ! diff -u "$tmp/declared" "$tmp/exported" > "$tmp/diff"; then
    echo "FAIL: exported symbols (+) differ from vanthu.h's VT_EXPORT declarations (-):"
    grep '^[-+][a-z]' "$tmp/diff"
    exit 1
fi
echo "abi: $(wc -l < "$tmp/exported") symbols, all declared in vanthu.h"
