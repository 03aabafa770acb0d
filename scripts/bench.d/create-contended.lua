-- wrk script: every request creates a booking for the same table and time (scripts/bench runs it).
--   wrk -t T -c C -s create-contended.lua <base-url> -- <venue_id> <table_id> <date> <HH:MM>
-- One request wins (201); every other one must be 409 SLOT_TAKEN. done() prints one line
-- "BENCH key=value ..." that scripts/bench reads.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local body = string.format(
    '{"venue_id":"%s","table":{"table_id":"%s"},"slot":{"date":"%s","start_time":"%s","duration_minutes":60},'
      .. '"party_size":2,"customer_name":"Bench Guest","customer_phone":"+49 30 1234567",'
      .. '"customer_email":"bench.guest@example.com"}',
    args[1], args[2], args[3], args[4])
  req = wrk.format("POST", "/api/v1/bookings",
    { ["Content-Type"] = "application/json", ["Authorization"] = wrk.headers["Authorization"] }, body)
  created, taken, other = 0, 0, 0
  first_other = ""
end

function request()
  return req
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  elseif status == 409 and string.find(body, '"code":"SLOT_TAKEN"', 1, true) then
    taken = taken + 1
  else
    other = other + 1
    if first_other == "" then
      first_other = status .. " " .. string.gsub(string.sub(body or "", 1, 300), "%s+", " ")
    end
  end
end

function done(summary, latency, requests)
  local c, t, o, why = 0, 0, 0, ""
  for _, th in ipairs(threads) do
    c = c + th:get("created")
    t = t + th:get("taken")
    o = o + th:get("other")
    if why == "" then
      why = th:get("first_other")
    end
  end
  local e = summary.errors
  io.write(string.format(
    "BENCH secs=%.3f requests=%d created=%d slot_taken=%d other=%d socket_errors=%d p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f\n",
    summary.duration / 1e6, summary.requests, c, t, o, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000))
  if why ~= "" then
    io.write("BENCH_FIRST_FAILURE " .. why .. "\n")
  end
end
