-- wrk script for bench/bench_server_load.sh: GET requests, optionally authenticated.
--   wrk ... -s bench/wrk_get.lua http://127.0.0.1:PORT -- TARGET [TOKEN_FILE]
-- The request is built once per thread (no request() function), so wrk sends it without calling
-- into Lua: the client costs the same for /health and for the authenticated GET.
local threads = {}

function setup(thread)
    table.insert(threads, thread)
end

function init(args)
    wrk.path = args[1]
    if args[2] then
        local file = assert(io.open(args[2], "r"))
        wrk.headers["Authorization"] = "Bearer " .. file:read("*l")
        file:close()
    end
end

function done(summary, latency, requests)
    local errors = summary.errors
    -- RESULT req/s p50_ms p99_ms completed socket_errors timeouts non_2xx not_accepted
    io.write(string.format("RESULT\t%.1f\t%.3f\t%.3f\t%d\t%d\t%d\t%d\t0\n",
        summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests,
        errors.connect + errors.read + errors.write, errors.timeout, errors.status))
end
