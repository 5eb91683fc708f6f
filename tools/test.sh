#!/usr/bin/env bash
# test.sh — the whole test suite: dependencies (if missing), a build with
# warnings as errors, every test, then every test not in suite 'slow' again
# under AddressSanitizer + UndefinedBehaviorSanitizer.  Ends with the line
# "N passed, N failed, N skipped".
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
# Sanitizer settings for everything the ASan build runs, its own model
# build included; leaks inside system libraries are suppressed, ours not.
export ASAN_OPTIONS=detect_leaks=1
export LSAN_OPTIONS=suppressions=$top/tests/lsan.supp
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
bash tools/deps.sh || exit 1
[ -f build/build.ninja ] || meson setup build -Dwerror=true >/dev/null || exit 1
ninja -C build >/dev/null || { ninja -C build; exit 1; }
if [ ! -f build-asan/build.ninja ]; then
    meson setup build-asan -Db_sanitize=address,undefined -Db_lundef=false \
        -Dbuildtype=debug >/dev/null || exit 1
fi
# The sanitizer build restores with the optimized build's model: compiling
# it with the sanitizers would take most of the suite's time.
meson configure build-asan -Dmodel="$top/build/src/restore/vanthu.model" >/dev/null || exit 1
ninja -C build-asan >/dev/null || { ninja -C build-asan; exit 1; }

passed=0 failed=0 skipped=0
tally() { # meson's summary lines -> counts
    local log=$1
    passed=$((passed + $(awk '/^Ok:/{print $2}' "$log")))
    failed=$((failed + $(awk '/^Fail:/{print $2}' "$log") + $(awk '/^Timeout:/{print $2}' "$log")))
    skipped=$((skipped + $(awk '/^Skipped:/{print $2}' "$log")))
}
meson test -C build --print-errorlogs --num-processes 2 2>&1 | tee build/test-summary.txt
tally build/test-summary.txt
meson test -C build-asan --print-errorlogs --num-processes 2 --no-suite slow \
    --timeout-multiplier 4 2>&1 | tee build-asan/test-summary.txt
tally build-asan/test-summary.txt
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
