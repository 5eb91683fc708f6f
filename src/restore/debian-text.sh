#!/bin/sh
# debian-text.sh OUT — gather the Vietnamese text that Debian packages install
# (hunspell-vi, the Tesseract vie word list, libreoffice-help-vi, manpages-vi,
# gettext catalogs) into one UTF-8 file, one sentence-ish unit per line.
# Read at model build time only; the repository never copies this text.
# Sources that are not installed are skipped.  Output is sorted by source
# path so that two runs give the same bytes.
set -eu
out=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8
: > "$tmp/all"

# hunspell: word list, drop affix flags after '/'
if [ -r /usr/share/hunspell/vi_VN.dic ]; then
    tail -n +2 /usr/share/hunspell/vi_VN.dic | cut -d/ -f1 >> "$tmp/all"
fi

# Tesseract vie word list (DAWG inside the traineddata)
td=/usr/share/tesseract-ocr/5/tessdata/vie.traineddata
if [ -r "$td" ] && command -v combine_tessdata >/dev/null && command -v dawg2wordlist >/dev/null; then
    combine_tessdata -u "$td" "$tmp/vie." >/dev/null 2>&1 || true
    if [ -r "$tmp/vie.lstm-word-dawg" ]; then
        dawg2wordlist "$tmp/vie.lstm-unicharset" "$tmp/vie.lstm-word-dawg" "$tmp/words" >/dev/null 2>&1 || true
        [ -r "$tmp/words" ] && cat "$tmp/words" >> "$tmp/all"
    fi
fi

# LibreOffice help: strip tags and entities, one paragraph per line
if [ -d /usr/share/libreoffice/help/vi ]; then
    find /usr/share/libreoffice/help/vi -name '*.html' -type f | sort | while read -r f; do
        sed -e 's/<[^>]*>/\n/g' -e 's/&nbsp;/ /g' -e 's/&[a-z]*;//g' "$f"
    done | grep -v '^[[:space:]]*$' >> "$tmp/all" || true
fi

# manpages-vi: drop roff requests and font escapes
if [ -d /usr/share/man/vi ]; then
    find /usr/share/man/vi -type f -name '*.gz' | sort | while read -r f; do
        zcat "$f" | sed -e '/^\.[A-Za-z\\]/d' -e 's/\\f[BIRP]//g' -e 's/\\(..//g' -e 's/\\-/-/g' -e 's/\\.//g'
    done | grep -v '^[[:space:]]*$' >> "$tmp/all" || true
fi

# gettext catalogs: translated strings only
if command -v msgunfmt >/dev/null; then
    for f in $(find /usr/share/locale/vi/LC_MESSAGES -name '*.mo' -type f | sort); do
        msgunfmt --no-wrap "$f" 2>/dev/null | sed -n 's/^msgstr\(\[[0-9]*\]\)\? "\(.*\)"$/\2/p' \
            | sed -e 's/\\n/\n/g' -e 's/\\t/ /g' -e 's/\\"/"/g' -e 's/%[a-z0-9.$-]*[sdluif]//g' -e 's/&//g' -e 's/_//g'
    done | grep -v '^[[:space:]]*$' >> "$tmp/all" || true
fi

mv "$tmp/all" "$out"
