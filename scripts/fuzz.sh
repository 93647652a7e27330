#!/usr/bin/env bash
# libFuzzer targets (tests/fuzz) in their own clang build, build/fuzz (ASan + UBSan + coverage).
#   bash scripts/fuzz.sh smoke        every target ~30 s (FUZZ_SECONDS), run in CI by scripts/test.sh
#   bash scripts/fuzz.sh long [SECS]  every target SECS seconds (default 3600), corpus kept in
#                                     build/fuzz/corpus/<target>; run overnight or before a release
#   bash scripts/fuzz.sh seeds        regenerate the committed seeds in tests/fuzz/corpus/
#   bash scripts/fuzz.sh build        only configure and build
# Targets run in parallel, one per core (FUZZ_JOBS to change). A crash leaves crash-*/leak-*/
# timeout-* files in build/fuzz/artifacts/<target>/ and makes the script exit 1; reproduce with
#   build/fuzz/tests/fuzz/fuzz_<target> build/fuzz/artifacts/<target>/crash-…
# Summary lines (executions, corpus size) go to build/fuzz/summary.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-smoke}
root=$PWD
build=$root/build/fuzz
targets=(envelope api clinicmessage instrument clinicprotocol server)

configure_and_build() {
    # Release-like optimisation keeps executions per second high; sanitizers stay on.
    cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
        -DCOMPANION_FUZZ=ON -DCOMPANION_HEADLESS_ONLY=ON -DCOMPANION_BUILD_TESTS=OFF \
        -DCOMPANION_BUILD_BENCH=OFF -DCOMPANION_HARDENING=OFF -DCOMPANION_WERROR=ON >/dev/null
    cmake --build "$build" --target fuzzers -j "$(nproc)"
}

case "$mode" in
smoke) seconds=${FUZZ_SECONDS:-30} ;;
long) seconds=${2:-${FUZZ_SECONDS:-3600}} ;;
seeds | build) ;;
*) echo "usage: $0 [smoke|long [SECONDS]|seeds|build]" >&2; exit 2 ;;
esac

configure_and_build
[ "$mode" = build ] && exit 0
if [ "$mode" = seeds ]; then
    rm -rf "$root/tests/fuzz/corpus"
    "$build/tests/fuzz/fuzz_seedgen" "$root/tests/fuzz/corpus" "$root"
    exit 0
fi

export QT_QPA_PLATFORM=offscreen
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
symbolizer=$(command -v llvm-symbolizer-14 || command -v llvm-symbolizer || true)
[ -n "$symbolizer" ] && export ASAN_SYMBOLIZER_PATH=$symbolizer

run_target() {
    local target=$1 work corpus artifacts log
    work=$build/runs/$target
    corpus=$build/corpus/$target
    artifacts=$build/artifacts/$target
    log=$build/logs/$target.log
    mkdir -p "$work" "$corpus" "$artifacts" "$(dirname "$log")"
    # New inputs go to build/fuzz/corpus/<target> (first directory); the committed seeds are read.
    # -rss_limit_mb: the limits in the code under test cap allocations well below this.
    (cd "$work" && "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" \
        -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" "$corpus" "$root/tests/fuzz/corpus/$target") >"$log" 2>&1
}

started=$(date +%s)
pids=()
failed=0
jobs=${FUZZ_JOBS:-$(nproc)}
for target in "${targets[@]}"; do
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do sleep 1; done
    run_target "$target" &
    pids+=("$!:$target")
done
for entry in "${pids[@]}"; do
    wait "${entry%%:*}" || { echo "fuzz_${entry#*:}: FAILED (see $build/logs/${entry#*:}.log)"; failed=1; }
done

: >"$build/summary.txt"
for target in "${targets[@]}"; do
    log=$build/logs/$target.log
    runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo "?")
    rate=$(grep -Eo 'stat::average_exec_per_sec: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo "?")
    units=$(find "$build/corpus/$target" -type f | wc -l)
    crashes=$(find "$build/artifacts/$target" -type f | wc -l)
    printf '%-15s %12s execs %8s/s %6s new corpus files %3s crash files\n' \
        "$target" "$runs" "$rate" "$units" "$crashes" | tee -a "$build/summary.txt"
done
echo "fuzz $mode: ${#targets[@]} targets × ${seconds}s in $(($(date +%s) - started))s (wall)"
exit $failed
