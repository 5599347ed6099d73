-- wrk reporting script for bench/run.sh and bench/schedule.sh: after wrk's normal output, prints one
-- machine-readable line, so the scripts do not parse wrk's human-formatted units ("1.23ms", "12.3k").
-- Headers come from wrk -H. Only done() is defined, so no Lua runs per request, unless BENCH_PATHS is
-- set: then requests go to those paths in turn (space-separated; what one page of the app asks for),
-- which costs one Lua call per request.
--
--   BENCH_RESULT requests=N duration_us=N rps=F bytes=N lat_mean_us=F lat_p50_us=N lat_p90_us=N
--                lat_p99_us=N lat_max_us=N non2xx=N err_connect=N err_read=N err_write=N err_timeout=N
--
-- non2xx is wrk's errors.status: responses with a status code > 399.

done = function(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      "BENCH_RESULT requests=%d duration_us=%d rps=%.2f bytes=%d lat_mean_us=%.1f lat_p50_us=%d "
         .. "lat_p90_us=%d lat_p99_us=%d lat_max_us=%d non2xx=%d err_connect=%d err_read=%d "
         .. "err_write=%d err_timeout=%d\n",
      summary.requests, summary.duration, summary.requests / (summary.duration / 1e6), summary.bytes,
      latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
      e.status, e.connect, e.read, e.write, e.timeout))
end

local paths = {}
for path in string.gmatch(os.getenv("BENCH_PATHS") or "", "%S+") do
   paths[#paths + 1] = path
end
if #paths > 0 then
   local turn = 0
   request = function()
      turn = turn % #paths + 1
      return wrk.format(nil, paths[turn])
   end
end
