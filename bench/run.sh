#!/usr/bin/env bash
# The one command for issue 8's performance table: builds and runs every benchmark, then prints
# ONE table, every row ours against a baseline measured in the same run:
#   metric | ours | baseline | ratio | goal | met?
# (the scrolling row has an absolute goal and no baseline). The detail of each benchmark is
# printed while it runs, the wrk table of the server after the summary. Nothing here fails on a
# missed goal; a benchmark that fails to run stops it.
#
#   bash bench/run.sh                  # configure + build with the "dev" preset (build/dev)
#   COMPANION_BENCH_BUILD_DIR=build/x bash bench/run.sh   # use an already configured build dir
#   COMPANION_BENCH_DIR=/some/disk bash bench/run.sh      # where the benchmark databases go
#   COMPANION_BENCH_PG=1 bash bench/run.sh                # server rows on PostgreSQL too
# The Qt Quick rows run offscreen with Qt Quick's software renderer (the machine has no GPU);
# set QT_QPA_PLATFORM / QT_QUICK_BACKEND to measure elsewhere (e.g. under xvfb-run with xcb).
set -euo pipefail
cd "$(dirname "$0")/.."

# In table order (issue 8's list).
targets=(bench_first_frame bench_unlock bench_store bench_timeline bench_envelope bench_sync)
gui_targets=(bench_scroll)
# Built here for bench_server_load.sh (which builds nothing itself) and for bench_first_frame.
other_targets=(companion companion-server bench_server_setup bench_minimal_window)
all_targets=("${targets[@]}" "${gui_targets[@]}" "${other_targets[@]}")
if [ -n "${COMPANION_BENCH_BUILD_DIR:-}" ]; then
    build_dir="$COMPANION_BENCH_BUILD_DIR"
    cmake --build "$build_dir" --target "${all_targets[@]}"
else
    build_dir=build/dev
    cmake --preset dev >/dev/null
    cmake --build --preset dev --target "${all_targets[@]}"
fi

platform=${QT_QPA_PLATFORM:-offscreen}
backend=${QT_QUICK_BACKEND-software}
export QT_QPA_PLATFORM=$platform QT_QUICK_BACKEND=$backend

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results=$work/results.tsv
: >"$results"
# run NAME COMMAND…: progress to the terminal, RESULT lines collected for the table.
run() {
    local name=$1
    shift
    echo
    "$@" >"$work/$name.out" 2>&1 &
    local pid=$!
    # The wrk detail table (from its "backend" header to the blank line) is printed after ours.
    tail -f --pid="$pid" "$work/$name.out" 2>/dev/null |
        awk '/^RESULT/ { next } /^backend / { skip = 1 } skip && /^$/ { skip = 0; next } !skip { print; fflush() }' || true
    wait "$pid" || { echo "$name failed:" >&2; tail -n 20 "$work/$name.out" >&2; exit 1; }
    grep '^RESULT' "$work/$name.out" >>"$results" || { echo "$name printed no RESULT line" >&2; exit 1; }
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for bench in "${targets[@]}"; do
    if [ "$bench" = bench_first_frame ]; then
        run "$bench" "$build_dir/bench/$bench" --platform "$platform" --backend "$backend"
    else
        run "$bench" "$build_dir/bench/$bench"
    fi
done
run bench_server_load env COMPANION_BENCH_BUILD_DIR="$build_dir" bash bench/bench_server_load.sh
run bench_scroll "$build_dir/bench/bench_scroll"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
# The rows as printed, for docs/performance.md (tab-separated, one RESULT line each).
cp "$results" "$build_dir/bench/results.tsv"

echo
awk -F'\t' '
    BEGIN { header = "metric|ours|baseline|ratio|goal|met?"; n = 0 }
    { rows[++n] = $2 "|" $3 "|" $4 "|" $5 "|" $6 "|" $7 }
    END {
        rows[0] = header
        for (i = 0; i <= n; i++) {
            c = split(rows[i], f, "|")
            for (j = 1; j <= c; j++) if (length(f[j]) > w[j]) w[j] = length(f[j])
        }
        for (i = 0; i <= n; i++) {
            split(rows[i], f, "|")
            line = ""
            for (j = 1; j <= c; j++) line = line sprintf(j < c ? "%-*s | " : "%-*s", w[j], f[j])
            print line
            if (i == 0) {
                sep = ""
                for (j = 1; j <= c; j++) { s = sprintf("%*s", w[j], ""); gsub(/ /, "-", s); sep = sep s (j < c ? "-|-" : "") }
                print sep
            }
        }
    }' "$results"
echo
echo "Server under load (wrk), the detail of the server rows above:"
sed -n '/^backend /,/^$/p' "$work/bench_server_load.out"
echo "(load average after: $load_after; $(nproc) cores; Qt Quick rows: QT_QPA_PLATFORM=$platform QT_QUICK_BACKEND=${backend:-default})"
