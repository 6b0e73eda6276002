-- wrk script of the FaqBot load benchmark (run.sh).
-- With a questions file as its argument it POSTs Bot Framework message activities with deliveryMode expectReplies,
-- rotating through the questions (so not one cached path); without one it sends wrk's plain GET.
-- At the end it prints one WRK_RESULT line that run.sh reads.

local requests = {}
local counter = 0

local function json_string(text)
  return '"' .. text:gsub('[%c"\\]', function(c)
    return string.format("\\u%04x", c:byte())
  end) .. '"'
end

local function activity(text, n)
  return '{"type":"message","id":"load-' .. n .. '","channelId":"emulator",'
    .. '"from":{"id":"load-user-' .. n .. '","name":"Patient"},"recipient":{"id":"faqbot","name":"FaqBot"},'
    .. '"conversation":{"id":"load-conversation-' .. n .. '"},"locale":"da-DK",'
    .. '"deliveryMode":"expectReplies","text":' .. json_string(text) .. '}'
end

function init(args)
  if args[1] == nil then
    return
  end

  for line in io.lines(args[1]) do
    line = line:match("^%s*(.-)%s*$")
    if line ~= "" and line:sub(1, 1) ~= "#" then
      table.insert(requests, wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, activity(line, #requests + 1)))
    end
  end
end

function request()
  if #requests == 0 then
    return wrk.format(nil)
  end

  counter = counter + 1
  return requests[(counter % #requests) + 1]
end

function done(summary, latency, _)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  io.write(string.format(
    "WRK_RESULT requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
