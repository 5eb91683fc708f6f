#!/usr/bin/env bash
# run.sh — build the fuzz targets (clang, libFuzzer, ASan + UBSan) in
# build-fuzz and run each for a bounded time, one after another.
#
#   fuzz/run.sh [TARGET...]      targets: text record pipeline image restore parse
#
# Environment: FUZZ_SECONDS per target (default 60), FUZZ_RSS_MB memory
# limit (default 2048), FUZZ_BUILD build directory (default build-fuzz).
# Seeds come from fuzz/corpus/TARGET/ and are only read; what the fuzzer
# learns goes to BUILD/fuzz-corpus/TARGET/.  Every crash, leak, timeout or
# out-of-memory input is kept in tests/bad/fuzz-crashes/TARGET/, which the
# fuzz-replay-TARGET test replays from then on.  Exit 0 when no target
# found anything.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
build=${FUZZ_BUILD:-$top/build-fuzz}
seconds=${FUZZ_SECONDS:-60}
rss=${FUZZ_RSS_MB:-2048}
all=(text record pipeline image restore parse)
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=("${all[@]}")
for t in "${targets[@]}"; do
    [[ " ${all[*]} " == *" $t "* ]] || { echo "run.sh: no fuzz target '$t' (${all[*]})" >&2; exit 1; }
done

if [ ! -f "$build/build.ninja" ]; then
    CC=clang meson setup "$build" -Dfuzzing=true >/dev/null || exit 1
fi
# The restore target reads the model the build makes.
ninja -C "$build" src/restore/vanthu.model "${targets[@]/#/fuzz/fuzz-}" >/dev/null ||
    { ninja -C "$build" "${targets[@]/#/fuzz/fuzz-}"; exit 1; }

export OMP_THREAD_LIMIT=1
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$top/tests/lsan.supp}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
found=0
for t in "${targets[@]}"; do
    work="$build/fuzz-corpus/$t" crashes="$top/tests/bad/fuzz-crashes/$t"
    mkdir -p "$work" "$crashes"
    dict=()
    [ -f "$top/fuzz/$t.dict" ] && dict=(-dict="$top/fuzz/$t.dict")
    before=$(ls "$crashes" | wc -l)
    # Images need room for a multi-page TIFF or PDF; text stays short so
    # that the slow stages see many inputs.
    maxlen=8192
    [ "$t" = image ] && maxlen=65536
    "$build/fuzz/fuzz-$t" "$work" "$top/fuzz/corpus/$t" "${dict[@]}" \
        -max_total_time="$seconds" -timeout=20 -rss_limit_mb="$rss" -max_len=$maxlen \
        -artifact_prefix="$crashes/" -print_final_stats=1 \
        > "$build/fuzz-$t.log" 2>&1
    rc=$?
    after=$(ls "$crashes" | wc -l)
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/fuzz-$t.log")
    cov=$(grep -o 'cov: [0-9]*' "$build/fuzz-$t.log" | tail -1)
    echo "$t: ${runs:-?} inputs in ${seconds} s, ${cov:-cov: ?}, $((after - before)) new crash inputs (exit $rc)"
    if [ $rc -ne 0 ] || [ "$after" -gt "$before" ]; then
        found=1
        grep -m1 -A12 -E '^==[0-9]+==ERROR|runtime error|property broken|ERROR: libFuzzer' \
            "$build/fuzz-$t.log" | sed 's/^/    /'
    fi
done
exit $found
