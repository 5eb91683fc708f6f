#!/bin/sh
# samples.sh — `vanthu ocr` on the committed samples/ (made by
# tools/make-samples.sh) stays within 3% word error of the text each shows,
# and the signer's name (the last line of @footer-right, which the seal
# covers) is the last line read: exactly, or with at most half its words
# wrong (the vie model misreads rare names such as Ede ones on a clean page
# too; test ocr.sh asserts exact names).  Restore run over that OCR text
# never raises its word error: the Vietnamese model's text is mostly
# right, and what restore changes must not make it worse.
#
# Environment (tests/meson.build): VANTHU, WER, VANTHU_SOURCE_ROOT,
# VANTHU_BUILD_ROOT.
set -u
root=$VANTHU_SOURCE_ROOT
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ls "$root"/samples/src/*.txt >/dev/null 2>&1 || { echo "no samples/src"; exit 77; }
"$root/tools/make-samples.sh" --truth "$tmp" "$VANTHU_BUILD_ROOT" || exit 1
failed=0 n=0
for truth in "$tmp"/*.txt; do
    name=$(basename "$truth" .txt)
    img=$(ls "$root/samples/$name".png "$root/samples/$name".jpg \
             "$root/samples/$name".tif "$root/samples/$name".pdf 2>/dev/null | head -1)
    if [ -z "$img" ]; then
        echo "FAIL: no sample image for samples/src/$name.txt (run tools/make-samples.sh)"
        failed=1
        continue
    fi
    n=$((n + 1))
    if ! "$VANTHU" ocr "$img" > "$tmp/$name.ocr"; then
        echo "FAIL: vanthu ocr $img"
        failed=1
        continue
    fi
    if out=$("$WER" --max 0.03 "$truth" "$tmp/$name.ocr"); then
        echo "ok: $(basename "$img") $out"
    else
        echo "FAIL: $(basename "$img") $out (limit 0.03)"
        failed=1
    fi
    "$VANTHU" restore "$tmp/$name.ocr" > "$tmp/$name.restored" || {
        echo "FAIL: vanthu restore on the OCR of $img"; failed=1; }
    before=$("$WER" "$truth" "$tmp/$name.ocr" | sed 's/.*(\([0-9]*\)\/.*/\1/')
    after=$("$WER" "$truth" "$tmp/$name.restored" | sed 's/.*(\([0-9]*\)\/.*/\1/')
    if [ "$after" -le "$before" ]; then
        echo "ok: restore on $(basename "$img"): $before -> $after word errors"
    else
        echo "FAIL: restore raised word errors on $(basename "$img"): $before -> $after"
        failed=1
    fi
    signer=$(awk '/^@/ { sec = $0; next } sec == "@footer-right" && NF { last = $0 }
                  END { print last }' "$root/samples/src/$name.txt")
    printf '%s\n' "$signer" > "$tmp/signer"
    awk 'NF { last = $0 } END { print last }' "$tmp/$name.ocr" > "$tmp/last"
    if cmp -s "$tmp/signer" "$tmp/last"; then
        echo "ok: signer \"$signer\""
    elif out=$("$WER" --max 0.5 "$tmp/signer" "$tmp/last"); then
        echo "ok: signer \"$signer\" read as \"$(cat "$tmp/last")\" ($out)"
    else
        echo "FAIL: signer \"$signer\" read as \"$(cat "$tmp/last")\" ($out)"
        failed=1
    fi
done
[ "$n" -gt 0 ] || { echo "no samples"; exit 77; }
exit $failed
