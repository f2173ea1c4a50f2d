-- GET requests cycling over BENCH_PATHS (space separated), HTTP Basic with BENCH_AUTH (base64 of user:password).
local auth = os.getenv("BENCH_AUTH")
local paths = {}
for p in string.gmatch(os.getenv("BENCH_PATHS"), "%S+") do
  table.insert(paths, p)
end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], {["Authorization"] = "Basic " .. auth, ["Accept"] = "application/json"})
end
