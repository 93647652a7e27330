#!/usr/bin/env bash
# Server under load: companion-server's authenticated record GET and single-item push against
# GET /health (no database, answered on the network thread) in the same binary and run, with wrk
# at 1, 16 and 64 connections. Prints one table: route, connections, req/s, ratio to /health at
# the same connections, p50 and p99 latency. Goal (issue 6): authenticated routes ≥ 0.6× /health.
#
#   bash bench/bench_server_load.sh            # SQLite; PostgreSQL too with COMPANION_BENCH_PG=1
# Needs an existing build (build/dev, or COMPANION_BENCH_BUILD_DIR) with companion-server and
# bench_server_setup, and wrk (scripts/install-deps.sh). Builds nothing itself.
#   COMPANION_BENCH_DURATION=5   seconds per wrk run
#   COMPANION_BENCH_DIR=/disk    where the temporary database goes (SQLite fsyncs there)
#   COMPANION_BENCH_SERVER_ARGS="--read-workers 0"   extra `serve` options (compare settings)
#   COMPANION_BENCH_SQLITE=0     PostgreSQL only (with COMPANION_BENCH_PG=1)
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${COMPANION_BENCH_BUILD_DIR:-build/dev}
server=$build_dir/app/server/companion-server
setup=$build_dir/bench/bench_server_setup
duration=${COMPANION_BENCH_DURATION:-5}
connections=(1 16 64)
# Enough fresh records that no POST run runs out (each run reports where it stopped): since
# group commit (ADR 0026) SQLite takes up to ~9,000 single pushes and ~250 100-item pushes a
# second, and the three connection counts share one supply per backend. A cell that still runs
# out is marked in both tables (its req/s is then a lower bound).
singles=${COMPANION_BENCH_SINGLES:-150000}
batches=${COMPANION_BENCH_BATCHES:-4000}

for tool in "$server" "$setup"; do
    [ -x "$tool" ] || { echo "missing $tool: build it first (cmake --build --preset dev --target companion-server bench_server_setup)" >&2; exit 1; }
done
command -v wrk >/dev/null || { echo "wrk is missing: bash scripts/install-deps.sh" >&2; exit 1; }

work=$(mktemp -d "${COMPANION_BENCH_DIR:-${TMPDIR:-/tmp}}/companion-load.XXXXXX")
server_pid=
pg_state=
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
    [ -n "$pg_state" ] && bash tests/server/pg-fixture.sh stop "$pg_state" >/dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT

results=$work/results.tsv
: >"$results"

# run_wrk BACKEND ROUTE CONNECTIONS SCRIPT ARGS… → one row in $results, NEXT offset on stdout
run_wrk() {
    local backend=$1 route=$2 conns=$3 script=$4
    shift 4
    local threads=$((conns < 2 ? conns : 2))
    local out
    # A 10 s timeout: slow 100-item batches are measured, not cut off at wrk's default 2 s.
    out=$(wrk -t"$threads" -c"$conns" -d"${duration}s" --timeout 10s --latency -s "$script" \
        "http://127.0.0.1:$port" -- "$@")
    local row
    row=$(grep '^RESULT' <<<"$out" | head -n 1)
    [ -n "$row" ] || { echo "wrk gave no result for $route at $conns:" >&2; echo "$out" >&2; exit 1; }
    local ranOut=0
    if grep -q '^EXHAUSTED' <<<"$out"; then
        ranOut=1
        echo "warning: $route at $conns ran out of fresh bodies" >&2
    fi
    printf '%s\t%s\t%s\t%s\t%s\n' "$backend" "$route" "$conns" "${row#RESULT	}" "$ranOut" >>"$results"
    echo "  $backend $route c=$conns: $(cut -f2 <<<"$row") req/s" >&2
    grep '^NEXT' <<<"$out" | cut -f2 || true
}

# bench_backend NAME DB_URL
bench_backend() {
    local name=$1 db=$2 dir=$work/$1
    mkdir -p "$dir"
    "$server" admin init --db "$db" --name "Load bench" --keys-dir "$dir/keys" >/dev/null
    local code
    code=$("$server" admin enrol-patient --db "$db" --label bench | awk -F': ' '$1 == "code" { print $2 }')
    # Token lifetime and login limits raised so the run never meets them; the 64-connection run
    # stays under the default connection cap (256).
    "$server" serve --db "$db" --listen 127.0.0.1:0 --token-ttl-s 7200 \
        --enrol-per-minute 1000 --auth-per-minute 1000 ${COMPANION_BENCH_SERVER_ARGS:-} \
        >"$dir/server.log" 2>&1 &
    server_pid=$!
    port=
    for _ in $(seq 100); do
        port=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$dir/server.log" | head -n 1)
        [ -n "$port" ] && break
        sleep 0.1
    done
    [ -n "$port" ] || { cat "$dir/server.log" >&2; exit 1; }
    "$setup" --url "http://127.0.0.1:$port" --code "$code" --out "$dir" \
        --singles "$singles" --batches "$batches" >&2
    local target next_single=0 next_batch=0 n
    target=$(cat "$dir/pull_target")
    for conns in "${connections[@]}"; do
        run_wrk "$name" "GET /health" "$conns" bench/wrk_get.lua /health >/dev/null
        # Public, no token check, but through the database worker (two small reads): splits the
        # cost of the worker hop from the cost of authentication.
        run_wrk "$name" "GET /v1/clinic" "$conns" bench/wrk_get.lua /v1/clinic >/dev/null
        run_wrk "$name" "GET pull (1 record)" "$conns" bench/wrk_get.lua "$target" "$dir/token" >/dev/null
        n=$(run_wrk "$name" "POST push (1 item)" "$conns" bench/wrk_post.lua \
            "$dir/push_single.txt" "$dir/token" "$next_single" "$((conns < 2 ? conns : 2))")
        next_single=$n
        n=$(run_wrk "$name" "POST push (100 items)" "$conns" bench/wrk_post.lua \
            "$dir/push_batch100.txt" "$dir/token" "$next_batch" "$((conns < 2 ? conns : 2))")
        next_batch=$n
    done
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
    server_pid=
}

echo "companion-server under wrk: ${duration} s per run, connections ${connections[*]}" >&2
[ "${COMPANION_BENCH_SQLITE:-1}" = 1 ] && bench_backend sqlite "$work/sqlite/server.db"
if [ "${COMPANION_BENCH_PG:-0}" = 1 ]; then
    pg_state=$work/pg-state
    bash tests/server/pg-fixture.sh start "$pg_state" >&2
    bench_backend postgresql "$(cat "$pg_state/url")"
fi

echo
# Columns in $results: backend route conns req/s p50 p99 completed socket-errors timeouts
# non-2xx not-accepted ran-out
awk -F'\t' '
    { key = $1 SUBSEP $3; if ($2 == "GET /health") health[key] = $4; rows[++n] = $0 }
    END {
        printf "%-10s | %-21s | %5s | %9s | %9s | %8s | %8s | %s\n", "backend", "route", "conns", "req/s", "vs health", "p50 ms", "p99 ms", "errors (sock/timeout/non-2xx/not accepted)"
        printf "%s\n", "-----------|-----------------------|-------|-----------|-----------|----------|----------|-------------------------------------------"
        for (i = 1; i <= n; i++) {
            split(rows[i], f, "\t")
            h = health[f[1] SUBSEP f[3]]
            ratio = h > 0 ? sprintf("%.2fx", f[4] / h) : "-"
            printf "%-10s | %-21s | %5d | %9.0f | %9s | %8.2f | %8.2f | %d/%d/%d/%d%s\n", f[1], f[2], f[3], f[4], ratio, f[5], f[6], f[8], f[9], f[10], f[11], (f[12] == 1 ? " RAN OUT of bodies: req/s is a lower bound" : "")
        }
    }' "$results"

# The rows bench/run.sh puts into its one table (metric, ours, baseline, ratio, goal, met?): the
# authenticated GET and the 100-item batch POST against GET /health at the same connections,
# req/s with p99 beside it. Cells with errors are marked, not hidden.
echo
awk -F'\t' '
    { key = $1 SUBSEP $3; rows[++n] = $0
      if ($2 == "GET /health") { health[key] = $4; healthP99[key] = $6 } }
    END {
        for (i = 1; i <= n; i++) {
            split(rows[i], f, "\t")
            if (f[2] == "GET pull (1 record)") what = "GET pull"
            else if (f[2] == "POST push (100 items)") what = "batch POST (100 items)"
            else continue
            key = f[1] SUBSEP f[3]
            h = health[key]
            if (h <= 0) continue
            errors = f[8] + f[9] + f[10] + f[11]
            ratio = f[4] / h
            printf "RESULT\tserver %s vs GET /health, %s, %d conn (req/s; p99 ms)\t%.0f; p99 %.1f%s%s\t%.0f; p99 %.1f\t%.3f\t>= 0.60\t%s\n",
                what, (f[1] == "sqlite" ? "SQLite" : "PostgreSQL"), f[3], f[4], f[6],
                (errors > 0 ? sprintf(" (%d errors)", errors) : ""),
                (f[12] == 1 ? " (ran out of bodies: at least this)" : ""), h, healthP99[key], ratio,
                ((ratio >= 0.6 && errors == 0) ? "yes" : "NO")
        }
    }' "$results"
