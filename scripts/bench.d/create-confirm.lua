-- wrk script: REST create -> confirm with no conflicts (scripts/bench runs it).
--   wrk -t T -c C -s create-confirm.lua <base-url> -- <venue_id> <tables_file> <base_epoch> <first> <T>
-- tables_file: one table id a line (the venue's tables, all open around the clock in UTC).
--
-- Create number g (g = first, first+1, ...) books table g % N (N tables) for the 15-minute slot
-- floor(g / N) after base_epoch (UTC). Thread t of T makes the creates g = first + t + k*T, so no
-- two requests of a run share a table and time, and runs given disjoint ranges of g (the warm-up
-- and the timed run) never meet either. Every 201 queues its booking (id parsed from the body) and
-- the thread's next request confirms it, so creates and confirms alternate on each connection.
-- done() prints one line "BENCH key=value ..." that scripts/bench reads.

local threads = {}

function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end

function init(args)
  venue = args[1]
  tables = {}
  for line in io.lines(args[2]) do
    if line ~= "" then
      tables[#tables + 1] = line
    end
  end
  base = tonumber(args[3])
  first = tonumber(args[4])
  nthreads = tonumber(args[5])
  k = 0
  pending = {}
  created, confirmed, failed, unparsed = 0, 0, 0, 0
  first_failure = ""
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = wrk.headers["Authorization"] }
end

local slots_per_day = 96

function request()
  local id = table.remove(pending)
  if id then
    return wrk.format("POST", "/api/v1/bookings/" .. id .. "/confirm", headers, "{}")
  end
  local g = first + tid + k * nthreads
  k = k + 1
  local n = #tables
  local slot = math.floor(g / n)
  local day = math.floor(slot / slots_per_day)
  local minute = (slot % slots_per_day) * 15
  local body = string.format(
    '{"venue_id":"%s","table":{"table_id":"%s"},"slot":{"date":"%s","start_time":"%02d:%02d","duration_minutes":15},'
      .. '"party_size":2,"customer_name":"Bench Guest %d","customer_phone":"+49 30 1234567",'
      .. '"customer_email":"bench.guest@example.com"}',
    venue, tables[(g % n) + 1], os.date("!%Y-%m-%d", base + day * 86400), math.floor(minute / 60), minute % 60, g)
  return wrk.format("POST", "/api/v1/bookings", headers, body)
end

function response(status, headers, body)
  if status == 201 then
    local id = string.match(body, '"id":"([%x%-]+)"')
    if id then
      created = created + 1
      pending[#pending + 1] = id
    else
      unparsed = unparsed + 1
    end
  elseif status == 200 then
    confirmed = confirmed + 1
  else
    failed = failed + 1
    if first_failure == "" then
      first_failure = status .. " " .. string.gsub(string.sub(body or "", 1, 300), "%s+", " ")
    end
  end
end

function done(summary, latency, requests)
  local c, f, x, u, why = 0, 0, 0, 0, ""
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    f = f + t:get("confirmed")
    x = x + t:get("failed")
    u = u + t:get("unparsed")
    if why == "" then
      why = t:get("first_failure")
    end
  end
  local e = summary.errors
  io.write(string.format(
    "BENCH secs=%.3f requests=%d creates=%d confirms=%d failed=%d unparsed=%d non2xx=%d socket_errors=%d "
      .. "p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f\n",
    summary.duration / 1e6, summary.requests, c, f, x, u, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000))
  if why ~= "" then
    io.write("BENCH_FIRST_FAILURE " .. why .. "\n")
  end
end
