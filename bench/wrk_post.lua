-- wrk script for bench/bench_server_load.sh: POST /v1/sync/push with pre-sealed bodies.
--   wrk ... -s bench/wrk_post.lua http://127.0.0.1:PORT -- BODIES_FILE TOKEN_FILE START THREADS
-- BODIES_FILE holds one push body per line, each for records the server has never seen
-- (bench_server_setup). Thread i sends lines START+i+1, START+i+1+THREADS, … so no body is sent
-- twice and every POST is an accepted write; answers that are not 200 with "accepted" are counted
-- (a duplicate would be a cheap read, not a write, and flatter the figures).
local threads = {}
local counter = 0

function setup(thread)
    thread:set("id", counter)
    counter = counter + 1
    table.insert(threads, thread)
end

function init(args)
    local file = assert(io.open(args[2], "r"))
    local token = file:read("*l")
    file:close()
    headers = { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }
    bodies = {}
    for line in io.lines(args[1]) do
        bodies[#bodies + 1] = line
    end
    stride = tonumber(args[4])
    position = tonumber(args[3]) + id + 1
    last = position - stride
    bad = 0
    exhausted = 0
end

function request()
    if position > #bodies then
        -- Out of fresh bodies: stop rather than send a duplicate.
        exhausted = 1
        wrk.thread:stop()
        return wrk.format("GET", "/health")
    end
    local body = bodies[position]
    last = position
    position = position + stride
    return wrk.format("POST", "/v1/sync/push", headers, body)
end

function response(status, headers, body)
    if status ~= 200 or not body:find('"accepted"', 1, true) or body:find('"duplicate"', 1, true) then
        bad = bad + 1
    end
end

function done(summary, latency, requests)
    local errors = summary.errors
    local notAccepted, nextStart, out = 0, 0, 0
    for _, thread in ipairs(threads) do
        notAccepted = notAccepted + thread:get("bad")
        nextStart = math.max(nextStart, thread:get("last"))
        out = out + thread:get("exhausted")
    end
    -- RESULT req/s p50_ms p99_ms completed socket_errors timeouts non_2xx not_accepted
    io.write(string.format("RESULT\t%.1f\t%.3f\t%.3f\t%d\t%d\t%d\t%d\t%d\n",
        summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests,
        errors.connect + errors.read + errors.write, errors.timeout, errors.status, notAccepted))
    io.write(string.format("NEXT\t%d\n", nextStart))
    if out > 0 then
        io.write("EXHAUSTED\n")
    end
end
