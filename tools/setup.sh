#!/usr/bin/env bash
# setup.sh — on a fresh Debian 12 machine (as root): install what is needed,
# build vanthu and its restore model, and run it over samples/.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
bash tools/deps.sh
[ -f build/build.ninja ] || meson setup build >/dev/null
ninja -C build
rm -rf out/samples
shopt -s nullglob
scans=(samples/*.png samples/*.jpg samples/*.tif samples/*.pdf)
./build/vanthu run -o out -j "$(nproc)" "${scans[@]}"
echo "records: $(find out/samples -name '*.json' | wc -l) in $top/out/samples/"
