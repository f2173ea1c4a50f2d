-- POST /api/v1/conventions/{id}/allocations of 10.00 EUR on a random line of BENCH_ALLOC_FILE
-- (lines "base64-auth convention-id line-id"); counts 201, 409 and other answers over all threads.
local entries = {}
for line in io.lines(os.getenv("BENCH_ALLOC_FILE")) do
  local auth, convention, lineId = line:match("(%S+) (%S+) (%S+)")
  table.insert(entries, {auth, convention, lineId})
end
local threads = {}
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("seed", counter)
  table.insert(threads, thread)
end
function init(args)
  math.randomseed(seed * 7919)
  created = 0
  refused = 0
  other = 0
end
function request()
  local e = entries[math.random(#entries)]
  return wrk.format("POST", "/api/v1/conventions/" .. e[2] .. "/allocations",
    {["Authorization"] = "Basic " .. e[1], ["Content-Type"] = "application/json", ["Accept"] = "application/json"},
    '{"decisionLineId": ' .. e[3] .. ', "amount": "10.00"}')
end
function response(status, headers, body)
  if status == 201 then
    created = created + 1
  elseif status == 409 then
    refused = refused + 1
  else
    other = other + 1
  end
end
function done(summary, latency, requests)
  local c, r, o = 0, 0, 0
  for _, t in ipairs(threads) do
    c = c + t:get("created")
    r = r + t:get("refused")
    o = o + t:get("other")
  end
  io.write(string.format("ALLOCATIONS answered: 201 created=%d  409 refused=%d  other=%d\n", c, r, o))
end
