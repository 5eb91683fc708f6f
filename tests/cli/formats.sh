#!/usr/bin/env bash
# Every output format of the registry (src/emit/formats.c) renders the
# samples: the records of the full chain are made once, then each format
# renders them again (emit runs on every pass).  A record format's output
# validates against its schema, text is the record's corrected text, ALTO
# and hOCR are well-formed (archive-formats.sh validates them further), a
# PDF is one (pdf.sh tests it further), and
# with -o each input gets one file.
. "$(dirname "$0")/lib.sh"
root=$VANTHU_SOURCE_ROOT
# The registry's names, as the usage error lists them ("json, xml or text").
names=$("$VANTHU" run -f '' /dev/null 2>&1 | sed -n 's/.*expected //p' | sed 's/,/ /g; s/ or / /')
check "[ -n '$names' ]" "no format names in the usage error"

"$VANTHU" run -q -o "$scratch/records" "$root"/samples/*.tif "$root"/samples/*.pdf \
    "$root"/samples/*.png || fail "the samples did not make records"
mapfile -t records < <(find "$scratch/records" -name '*.json' | sort)
check "[ ${#records[@]} -ge 4 ]" "too few sample records (${#records[@]})"

for fmt in $names; do
    for rec in "${records[@]}"; do
        out="$scratch/out.$fmt"
        "$VANTHU" run -q -f "$fmt" "$rec" > "$out" || fail "$fmt: $rec: exit $?"
        check "[ -s '$out' ]" "$fmt: $rec: nothing rendered"
        case $fmt in
        json)
            check "python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r[\"metadata\"]' '$out'" \
                "$fmt: $rec: not a record with metadata" ;;
        xml)
            check "xmllint --noout --schema '$root/schema/record.xsd' '$out' 2>/dev/null" \
                "$fmt: $rec: does not validate against record.xsd" ;;
        text)
            check "python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))[\"text\"][\"corrected\"]; assert open(sys.argv[2]).read().rstrip(\"\\n\") == t' '$rec' '$out'" \
                "$fmt: $rec: not the record's corrected text" ;;
        alto|hocr)
            check "xmllint --nonet --noout '$out'" "$fmt: $rec: not well-formed XML" ;;
        pdf)
            check "head -c 5 '$out' | grep -q '%PDF-'" "$fmt: $rec: not a PDF" ;;
        *)
            echo "$fmt: rendered, no check of its own here yet" ;;
        esac
    done
    "$VANTHU" run -q -f "$fmt" -o "$scratch/dir-$fmt" "${records[0]}" || fail "$fmt: -o: exit $?"
    n=$(find "$scratch/dir-$fmt" -type f ! -name vanthu-job.jsonl -size +0 | wc -l)
    check "[ $n -eq 1 ]" "$fmt: -o wrote $n files for one input"
done
finish
