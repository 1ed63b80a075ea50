-- wrk script for benchmarks/web/load.sh: cycles through a query file's
-- searches (kind<TAB>query lines; `name` kinds as name=), counts every
-- answer that is not a 200 as an error, and prints one JSON line at the end.
local queries = {}

local function encode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local file = os.getenv("GRAF_QUERIES")
for line in io.lines(file) do
  if line ~= "" and line:sub(1, 1) ~= "#" then
    local kind, query = line:match("^([^\t]*)\t(.*)$")
    if query then
      local key = kind == "name" and "name" or "q"
      queries[#queries + 1] = "/api/search?" .. key .. "=" .. encode(query)
    end
  end
end
assert(#queries > 0, "no queries in " .. tostring(file))

local threads = {}
function setup(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

function init()
  at = id  -- each thread starts elsewhere in the list
  bad = 0
end

function request()
  at = at % #queries + 1
  return wrk.format("GET", queries[at])
end

function response(status)
  if status ~= 200 then bad = bad + 1 end
end

function done(summary, latency)
  local bad_total = 0
  for _, t in ipairs(threads) do bad_total = bad_total + t:get("bad") end
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    '{"requests": %d, "seconds": %.1f, "rps": %.0f, "p50_us": %d, "p90_us": %d, "p99_us": %d, ' ..
    '"max_us": %d, "non_200": %d, "socket_errors": %d}\n',
    summary.requests, seconds, summary.requests / seconds, latency:percentile(50),
    latency:percentile(90), latency:percentile(99), latency.max, bad_total,
    e.connect + e.read + e.write + e.timeout))
end
