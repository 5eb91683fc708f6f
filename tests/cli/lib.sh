# lib.sh — shared by the shell tests: a scratch directory, expectations
# that report and count, and the closing line.
set -u
: "${VANTHU:?VANTHU must name the vanthu binary}"
scratch=$(mktemp -d /tmp/vt-test-XXXXXX)
trap 'rm -rf "$scratch"' EXIT
failures=0
checks=0

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# expect_exit CODE PATTERN -- COMMAND...: exit code and a stderr pattern.
expect_exit() {
    local code=$1 pattern=$2
    shift 3
    checks=$((checks + 1))
    local err rc
    err=$("$@" 2>&1 >/dev/null)
    rc=$?
    [ "$rc" -eq "$code" ] || { fail "$* exited $rc, expected $code ($err)"; return; }
    printf '%s' "$err" | grep -q -- "$pattern" || fail "$*: stderr lacks '$pattern': $err"
}

# strip_marks IN OUT: a sample's text (samples/src) without its layout
# markup lines and without diacritics (đ as d), as an English OCR model
# reads a dispatch: restore then changes many words and flags some.
strip_marks() {
    python3 - "$1" "$2" <<'PY'
import sys, unicodedata
lines = [l for l in open(sys.argv[1], encoding='utf-8') if not l.startswith('@')]
flat = unicodedata.normalize('NFD', ''.join(lines))
flat = ''.join(c for c in flat if unicodedata.category(c) != 'Mn')
open(sys.argv[2], 'w', encoding='utf-8').write(flat.replace('đ', 'd').replace('Đ', 'D'))
PY
}

check() {
    checks=$((checks + 1))
    if ! eval "$1"; then fail "$2"; fi
}

finish() {
    echo "$(basename "$0"): $checks checks, $failures failed"
    [ "$failures" -eq 0 ]
}
