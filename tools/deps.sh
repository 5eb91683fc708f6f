#!/usr/bin/env bash
# deps.sh — install what vanthu needs on Debian 12, only what is missing:
# the packages in tools/debian-packages.txt, then the test-only JSON Schema
# validator from npm into .cache/node.  Safe to run again.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
mapfile -t want < <(grep -v '^#' "$top/tools/debian-packages.txt" | grep -v '^$')
missing=()
for p in "${want[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "deps: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
# Node.js may come from elsewhere than Debian (its npm then conflicts with
# Debian's): install Debian's only when there is no npm at all.
if ! command -v npm >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
node_dir="$top/.cache/node"
if [ ! -x "$node_dir/node_modules/.bin/ajv" ]; then
    mkdir -p "$node_dir"
    (cd "$node_dir" && npm install --silent --no-audit --no-fund ajv-cli@5.0.0 ajv-formats@3.0.1 >/dev/null 2>&1) \
        || echo "deps: npm install of ajv-cli failed; JSON Schema tests will skip" >&2
fi
