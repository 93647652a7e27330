#!/usr/bin/env bash
# Builds and runs the ratio benchmarks, then prints one table:
#   metric | ours | baseline | ratio | goal | met?
# Baselines are measured in the same process and run; nothing here fails on a missed goal.
#
#   bash bench/run.sh                  # configure + build with the "dev" preset (build/dev)
#   COMPANION_BENCH_BUILD_DIR=build/x bash bench/run.sh   # use an already configured build dir
#   COMPANION_BENCH_DIR=/some/disk bash bench/run.sh      # where the benchmark databases go
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(bench_store bench_unlock bench_timeline bench_sync)
# Built here, run after the table: the server load benchmark prints its own table (wrk).
load_targets=(companion-server bench_server_setup)
if [ -n "${COMPANION_BENCH_BUILD_DIR:-}" ]; then
    build_dir="$COMPANION_BENCH_BUILD_DIR"
    cmake --build "$build_dir" --target "${targets[@]}" "${load_targets[@]}"
else
    build_dir=build/dev
    cmake --preset dev >/dev/null
    cmake --build --preset dev --target "${targets[@]}" "${load_targets[@]}"
fi

results=$(mktemp)
trap 'rm -f "$results"' EXIT
for bench in "${targets[@]}"; do
    echo
    # Progress lines go to the terminal; RESULT lines are collected for the table.
    "$build_dir/bench/$bench" | tee /dev/stderr | grep '^RESULT' >>"$results" || {
        echo "$bench failed" >&2
        exit 1
    }
done 2>&1

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
echo "Server under load (wrk):"
COMPANION_BENCH_BUILD_DIR="$build_dir" bash bench/bench_server_load.sh
