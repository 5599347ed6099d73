-- wrk script for bench/guests.sh: guests on their RSVP pages, one answer (POST) in RSVP_POST_EVERY requests (5 unless
-- set; 0: visits only), the rest visits (GET). RSVP_DATA names the file bench/guests.py rsvp-script wrote: the antiforgery cookie on its first line, then a
-- line per household's page, "path<TAB>urlencoded answer" (the page's form token in it). Requests go through the
-- pages in turn, each thread starting at its own; the Host header comes from wrk -H. Reports as bench/report.lua does.
dofile(os.getenv("BENCH_LUA_DIR") .. "/report.lua")

local pages = {}
local cookie
for line in io.lines(os.getenv("RSVP_DATA")) do
   if not cookie then
      cookie = line
   else
      local path, body = line:match("^(%S+)\t(.*)$")
      pages[#pages + 1] = { path = path, body = body }
   end
end

local threads = 0
setup = function(thread)
   threads = threads + 1
   thread:set("first", threads * 7)
end

local post_every = tonumber(os.getenv("RSVP_POST_EVERY") or "5")
local turn = 0
init = function()
   turn = first or 0
end

-- As a browser asks: a server that compresses the page pays for it here.
local accept_encoding = "gzip, deflate, br"

request = function()
   turn = turn + 1
   local page = pages[turn % #pages + 1]
   if post_every > 0 and turn % post_every == 0 then
      return wrk.format("POST", page.path, { ["Cookie"] = cookie, ["Content-Type"] = "application/x-www-form-urlencoded",
         ["Accept-Encoding"] = accept_encoding }, page.body)
   end
   return wrk.format("GET", page.path, { ["Cookie"] = cookie, ["Accept-Encoding"] = accept_encoding })
end
