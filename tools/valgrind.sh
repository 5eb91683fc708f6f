#!/usr/bin/env bash
# valgrind.sh — the main job, `vanthu run`, under valgrind's memcheck: a
# text input (restore and parse), a page image (preprocess and OCR too) and
# a batch of hostile inputs with two workers (the error paths).  Any memory
# error or leak (definite or indirect) fails; tools/valgrind.supp hides
# leaks inside system libraries only.
#
#   tools/valgrind.sh [BUILD_DIR]      default: build
#
# Takes about a minute and a half on one core.  Exit 0 when every job is
# clean.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
vanthu="$build/vanthu"
command -v valgrind > /dev/null || { echo "valgrind.sh: valgrind is not installed" >&2; exit 1; }
[ -x "$vanthu" ] || { echo "valgrind.sh: $vanthu not built" >&2; exit 1; }
work=$(mktemp -d /tmp/vt-valgrind-XXXXXX)
trap 'rm -rf "$work"' EXIT
# Set here so that vanthu does not re-execute itself (which valgrind
# cannot follow) to limit Tesseract's OpenMP threads.
export OMP_THREAD_LIMIT=1

printf '%s\n' "UBND HUYEN AN BINH" "Số: 45/UBND-VP" "V/v bao cao so ket hoc ky I" \
    "Kinh gui: Hieu truong cac truong tieu hoc." \
    "De nghi cac don vi gui bao cao truoc ngay 15 thang 3 nam 2024." \
    "Nơi nhận:" "- Như trên;" "- Lưu: VT." > "$work/cong-van.txt"
image="$top/samples/quyet-dinh.png"
mkdir -p "$work/hostile"
python3 "$top/tests/bad/mkhostile.py" files "$work/hostile" "$top"

failed=0
# job NAME ARGS...: one `vanthu run` under memcheck.
job() {
    local name=$1
    shift
    local start=$SECONDS
    valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
        --show-leak-kinds=definite,indirect --num-callers=40 \
        --suppressions="$top/tools/valgrind.supp" --log-file="$work/$name.log" \
        "$vanthu" run -q "$@" > /dev/null 2>&1
    local rc=$?
    local summary
    summary=$(grep -h 'ERROR SUMMARY' "$work/$name.log" | sed 's/^==[0-9]*== //' | tail -1)
    if [ $rc -eq 99 ] || [ $rc -gt 6 ]; then
        failed=1
        echo "$name: FAILED (exit $rc) after $((SECONDS - start)) s: $summary"
        cp "$work/$name.log" "$build/valgrind-$name.log"
        echo "  full report: $build/valgrind-$name.log"
    else
        echo "$name: clean (vanthu exit $rc) in $((SECONDS - start)) s: $summary"
    fi
}
job text "$work/cong-van.txt"
if [ -f "$image" ]; then
    job image "$image"
else
    echo "image: skipped ($image is missing)"
fi
job hostile -j 2 -o "$work/out" "$work/hostile"
exit $failed
