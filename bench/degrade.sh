#!/usr/bin/env bash
# degrade.sh — how vanthu's reading of a page holds up under the ways real
# pages are scanned: each page of ../shared/data/scans named is made again
# coarser, bilevel, JPEG-compressed, turned and skewed (ImageMagick), read
# with `vanthu run -q -j 1`, and scored against the page's own gold record
# (the degradations change no field).  Only development pages (see
# bench/scans-split.tsv) may be named: held-out pages are never degraded to
# be studied.
#
#   bench/degrade.sh [-b BUILD_DIR] [-v VARIANTS] NAME...
#
# Variants (default all):
#   orig     the page as it is
#   dpi100   scaled to 100 dpi, the resolution stored with it
#   dpi87    scaled to 87 dpi, stored with none (a viewer's or phone's export)
#   dpi87w   scaled to 87 dpi, stored as 300 (a resolution that lies)
#   bilevel  grey, then one global threshold at 55% (a fax or a 1-bit scan)
#   jpeg30   JPEG at quality 30
#   rot180   turned upside down
#   rot90    turned a quarter clockwise
#   skew2    turned 2 degrees, the corners brought in white
#
# Environment: SCANS (default ../shared/data/scans beside the checkout),
# TOOLS (the scorers, default SCANS/../../tools), OUT (keep the variants and
# records there; default a temporary directory).
# Prints a table of field scores, page by variant, and the mean of each
# variant; with OUT set, NAME.VARIANT.fields lists each field's score.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=$top/build
variants="orig dpi100 dpi87 dpi87w bilevel jpeg30 rot180 rot90 skew2"
while getopts b:v: opt; do
    case $opt in
        b) build=$(cd "$OPTARG" && pwd) ;;
        v) variants=$OPTARG ;;
        *) exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || { echo "usage: degrade.sh [-b BUILD] [-v VARIANTS] NAME..." >&2; exit 2; }
scans=${SCANS:-$top/../shared/data/scans}
tools=${TOOLS:-$(cd "$scans/../.." && pwd)/tools}
vanthu=$build/vanthu
[ -x "$vanthu" ] || { echo "degrade.sh: $vanthu not built" >&2; exit 3; }
command -v convert > /dev/null || { echo "degrade.sh: needs ImageMagick (convert)" >&2; exit 3; }
if [ -n "${OUT:-}" ]; then out=$OUT; mkdir -p "$out"
else out=$(mktemp -d /tmp/vt-degrade-XXXXXX); trap 'rm -rf "$out"' EXIT; fi
export OMP_THREAD_LIMIT=1

# The resolution the page declares, in dots per inch (300 when none).
source_dpi() {
    local d
    d=$(convert "$1" -units PixelsPerInch -format '%x' info: 2> /dev/null || true)
    d=${d%% *}
    awk -v d="${d:-0}" 'BEGIN { d += 0; printf "%d\n", (d >= 50 ? d + 0.5 : 300) }'
}

# make SRC VARIANT DEST_BASE: writes the variant, prints its file name.
make_variant() {
    local src=$1 v=$2 base=$3 dpi pct
    dpi=$(source_dpi "$src")
    case $v in
        orig) cp "$src" "$base.${src##*.}"; echo "$base.${src##*.}" ;;
        dpi100|dpi87|dpi87w)
            local to=${v#dpi}; to=${to%w}
            pct=$(awk -v a="$to" -v b="$dpi" 'BEGIN { printf "%.4f", 100 * a / b }')
            case $v in
                dpi100) convert "$src" -filter Triangle -resize "$pct%" -units PixelsPerInch \
                            -density 100 "$base.png" ;;
                dpi87) convert "$src" -filter Triangle -resize "$pct%" -strip \
                           -define png:exclude-chunk=pHYs "$base.png" ;;
                dpi87w) convert "$src" -filter Triangle -resize "$pct%" -units PixelsPerInch \
                            -density 300 "$base.png" ;;
            esac
            echo "$base.png" ;;
        bilevel) convert "$src" -colorspace Gray -threshold 55% -type Bilevel "$base.png"
                 echo "$base.png" ;;
        jpeg30) convert "$src" -quality 30 "$base.jpg"; echo "$base.jpg" ;;
        rot180) convert "$src" -rotate 180 "$base.png"; echo "$base.png" ;;
        rot90) convert "$src" -rotate 90 "$base.png"; echo "$base.png" ;;
        skew2) convert "$src" -background white -rotate 2 "$base.png"; echo "$base.png" ;;
        *) echo "degrade.sh: unknown variant $v" >&2; return 2 ;;
    esac
}

printf '%-20s' page
for v in $variants; do printf ' %7s' "$v"; done
printf '\n'
for name in "$@"; do
    if grep -q "^$name[[:space:]]*heldout" "$top/bench/scans-split.tsv"; then
        echo "degrade.sh: $name is a held-out page" >&2; exit 2
    fi
    src=$scans/$name.png
    [ -f "$src" ] || src=$scans/$name.jpg
    [ -f "$src" ] || { echo "degrade.sh: no page $name" >&2; exit 2; }
    printf '%-20s' "$name"
    for v in $variants; do
        img=$(make_variant "$src" "$v" "$out/$name.$v")
        "$vanthu" run -q -j 1 "$img" > "$out/$name.$v.json" 2> "$out/$name.$v.err" || true
        python3 "$tools/score_meta.py" "$scans/$name.meta.json" "$out/$name.$v.json" \
            --verbose > "$out/$name.$v.fields" 2>&1 || true
        score=$(sed -n 's/.*score=//p' "$out/$name.$v.fields")
        printf ' %7.2f' "${score:-0}"
    done
    printf '\n'
done | tee "$out/table"
awk -v vs="$variants" 'BEGIN { nv = split(vs, v, " ") }
    { for (i = 2; i <= NF; i++) s[i] += $i; n++ }
    END { printf "%-20s", "mean (" n " pages)"
          for (i = 2; i <= nv + 1; i++) printf " %7.3f", s[i] / n; printf "\n" }' \
    "$out/table"
