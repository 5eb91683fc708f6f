#!/usr/bin/env bash
# vanthu review in a real browser: a page of our own (review-page.txt,
# rendered by vt-mksample and read by Tesseract's English model, so that
# restore changes most words and flags some) made into a review page;
# headless Chromium decides four changes by keyboard (review_browser.py:
# accept, reject, pick, correct), keeps them over a reload and saves the
# decisions file; vanthu apply takes that file and the new record has each
# decision as a reviewer's change.  Skips (77) only where Chromium, its
# driver or Python's selenium is not installed (tools/debian-packages.txt).
# REVIEW_SHOT=FILE keeps the screenshot (doc/review.png is one).
#
# Environment (tests/meson.build): VANTHU, MKSAMPLE, VANTHU_SOURCE_ROOT.
. "$(dirname "$0")/lib.sh"
here=$VANTHU_SOURCE_ROOT/tests/cli
chromium=$(command -v chromium || true)
driver=$(command -v chromedriver || true)
python=
for p in /usr/bin/python3 python3; do
    if "$p" -c 'import selenium' 2> /dev/null; then python=$p; break; fi
done
if [ -z "$chromium" ] || [ -z "$driver" ] || [ -z "$python" ]; then
    echo "SKIP: needs chromium, chromium-driver and python3-selenium" \
         "(found: ${chromium:-no chromium}, ${driver:-no chromedriver}, ${python:-no selenium})"
    exit 77
fi
cd "$scratch" || exit 1

"$MKSAMPLE" --seed 2 "$here/review-page.txt" page.png > /dev/null || { echo "vt-mksample failed"; exit 1; }
"$VANTHU" run -q -l eng page.png > page.json || { echo "vanthu run: exit $?"; exit 1; }
strip_marks "$VANTHU_SOURCE_ROOT/samples/src/thong-bao.txt" flat.txt
"$VANTHU" run -q flat.txt > flat.json || { echo "vanthu run flat.txt: exit $?"; exit 1; }
"$VANTHU" review -r "Nguyễn Thị Lan" -o page.html page.json || { echo "vanthu review: exit $?"; exit 1; }
"$VANTHU" review -o flat.html flat.json || { echo "vanthu review flat.json: exit $?"; exit 1; }
"$VANTHU" review -o batch page.json flat.json || { echo "vanthu review -o batch: exit $?"; exit 1; }

mkdir downloads
CHROMIUM=$chromium CHROMEDRIVER=$driver "$python" "$here/review_browser.py" \
    page.html flat.html batch/index.html "$scratch/downloads" shot.png result.json || { echo "FAIL: the browser run"; exit 1; }
[ -n "${REVIEW_SHOT:-}" ] && cp shot.png "$REVIEW_SHOT"

saved=$(python3 -c 'import json; print(json.load(open("result.json"))["file"])')
"$VANTHU" apply -o new.json page.json "$saved" || fail "apply of the page's decisions file: exit $?"
check "python3 - page.json new.json result.json <<'PY'
import json, sys
old, new, res = (json.load(open(f, encoding='utf-8')) for f in sys.argv[1:4])
n = len(old['changes'])
added = {str(c['of_change']): c for c in new['changes'][n:]}
assert {k: c['decision'] for k, c in added.items()} == res['decided'], (added, res['decided'])
for k, c in added.items():
    target = old['changes'][int(k)]
    want = {'accept': target['to'], 'reject': target['from'],
            'pick': target['alternatives'][1]['text'] if target['alternatives'][1:] else None,
            'correct': res['correction']}[c['decision']]
    assert c['reviewer'] == 'Nguyễn Thị Lan' and c['to'] == want, (c, want)
flagged = [r for r in new['review_reasons'] if r['kind'] == 'flagged_changes']
before = [r for r in old['review_reasons'] if r['kind'] == 'flagged_changes'][0]['count']
decided_flagged = sum(old['changes'][int(k)]['review'] for k in res['decided'])
assert (flagged[0]['count'] if flagged else 0) == before - decided_flagged, new['review_reasons']
PY" "the new record does not hold the four decisions made in the browser"
finish
