#!/bin/sh
# reproducible.sh MKMODEL DEBIAN_TEXT DICT COUNTS — the model build gives
# the same bytes twice from the same sources.
set -eu
mk=$1 deb=$2 dict=$3 counts=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$mk" "$dict" "$deb" "$tmp/a.model" "$tmp/a.d" "$counts"
"$mk" "$dict" "$deb" "$tmp/b.model" "$tmp/b.d" "$counts"
cmp "$tmp/a.model" "$tmp/b.model"
cmp "$tmp/a.d" "$tmp/b.d" >/dev/null || true
echo "reproducible: $(wc -c < "$tmp/a.model") bytes twice"
