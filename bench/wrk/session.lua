-- One request per prepared session in turn, for wrk. Settings come from the environment (bench/run.sh sets them):
--   BENCH_METHOD    GET or POST
--   BENCH_PATH      the path to request
--   BENCH_SESSIONS  file of "cookies<TAB>antiforgery-token" lines (empty: anonymous requests)
--   BENCH_FORM      for POST: the form, with {token} and {product} filled in per request
--   BENCH_EXPECT    the status every answer must have (200, or 302 for a post/redirect/get)
--   BENCH_ENCODING  optional Accept-Encoding (e.g. br), as a browser sends it
-- done() prints "unexpected=N fivexx=N": answers with another status, and server errors among them.

local method = os.getenv("BENCH_METHOD") or "GET"
local path = os.getenv("BENCH_PATH") or "/"
local form = os.getenv("BENCH_FORM") or ""
local expect = tonumber(os.getenv("BENCH_EXPECT") or "200")
local encoding = os.getenv("BENCH_ENCODING") or ""
local sessions = {}
local next_session = 0
local next_product = 0
unexpected = 0  -- globals: done() reads them from each thread with thread:get
fivexx = 0
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  local file = os.getenv("BENCH_SESSIONS") or ""
  if file ~= "" then
    for line in io.lines(file) do
      local cookie, token = line:match("^([^\t]*)\t?(.*)$")
      table.insert(sessions, { cookie = cookie, token = token })
    end
  end
  -- Threads start at different sessions so they do not walk in step.
  next_session = math.random(math.max(#sessions, 1))
end

local in_stock = { 1, 2, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24 }

function request()
  local headers = { ["X-Forwarded-Proto"] = "https" }
  if encoding ~= "" then
    headers["Accept-Encoding"] = encoding
  end
  local body = nil
  local token = ""
  if #sessions > 0 then
    next_session = next_session % #sessions + 1
    headers["Cookie"] = sessions[next_session].cookie
    token = sessions[next_session].token
  end
  if method == "POST" then
    next_product = next_product % #in_stock + 1
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    body = form:gsub("{token}", token):gsub("{product}", tostring(in_stock[next_product]))
  end
  return wrk.format(method, path, headers, body)
end

function response(status, headers, body)
  if status ~= expect then
    unexpected = unexpected + 1
    if status >= 500 then
      fivexx = fivexx + 1
    end
  end
end

function done(summary, latency, requests)
  local total_unexpected, total_fivexx = 0, 0
  for _, thread in ipairs(threads) do
    total_unexpected = total_unexpected + thread:get("unexpected")
    total_fivexx = total_fivexx + thread:get("fivexx")
  end
  io.write(string.format("RESULT rps=%.1f p50_ms=%.2f p99_ms=%.2f requests=%d socket_errors=%d unexpected=%d fivexx=%d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    total_unexpected, total_fivexx))
end
