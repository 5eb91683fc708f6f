#!/usr/bin/env bash
# Every record vanthu writes validates: JSON against schema/record.schema.json
# (ajv, from npm, test-only) and XML against schema/record.xsd (libxml2).
. "$(dirname "$0")/../cli/lib.sh"
root=$VANTHU_SOURCE_ROOT
ajv="$root/.cache/node/node_modules/.bin/ajv"
if [ ! -x "$ajv" ]; then
    echo "ajv not installed (tools/deps.sh installs it)"; exit 77
fi
validate_json() {
    checks=$((checks + 1))
    "$ajv" validate --spec=draft7 -c ajv-formats -s "$root/schema/record.schema.json" -d "$1" \
        >/dev/null 2>"$scratch/ajv.err" || fail "$1: $(cat "$scratch/ajv.err")"
}
validate_xml() {
    checks=$((checks + 1))
    xmllint --noout --schema "$root/schema/record.xsd" "$1" 2>"$scratch/xml.err" \
        || fail "$1: $(cat "$scratch/xml.err")"
}

# Inputs: the samples (images, full chain), the shared OCR texts, bad files.
inputs=()
for f in "$root"/samples/*.png "$root"/samples/*.jpg "$root"/samples/*.tif "$root"/samples/*.pdf; do [ -e "$f" ] && inputs+=("$f"); done
for f in "$VANTHU_SHARED"/data/ocr/*.txt; do [ -e "$f" ] && inputs+=("$f"); done
printf 'Số: 5/TB-UBND\nTHÔNG BÁO\nVề việc nghỉ lễ\n' > "$scratch/short.txt"
# A PDF page read from its text layer (text_from).
python3 "$root/tests/lib/mkpdf.py" text "$scratch/text-layer.pdf"
inputs+=("$scratch/text-layer.pdf")
: > "$scratch/empty.txt"
inputs+=("$scratch/short.txt" "$scratch/empty.txt")
for fmt in json xml; do
    "$VANTHU" run -q -f $fmt -o "$scratch/$fmt" "${inputs[@]}"
    while IFS= read -r -d '' f; do
        if [ $fmt = json ]; then validate_json "$f"; else validate_xml "$f"; fi
    done < <(find "$scratch/$fmt" -name "*.$fmt" -print0)
done
# A record stopped after a stage, and resumed, validates too.
"$VANTHU" run --stop-after ingest "$scratch/short.txt" > "$scratch/partial.json"
validate_json "$scratch/partial.json"
"$VANTHU" run --from "$scratch/partial.json" > "$scratch/resumed.json"
validate_json "$scratch/resumed.json"
check "grep -q '\"parse\"' '$scratch/resumed.json'" "resumed record did not run the rest of the chain"
n=$(find "$scratch/json" -name '*.json' | wc -l)
check "[ $n -ge 2 ]" "too few records validated ($n)"
finish
