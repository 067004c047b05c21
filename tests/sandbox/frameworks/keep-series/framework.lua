-- A rule that keeps the series handle it was given and reads it again later: in the next area, the
-- next indicator, and the next test case, after the data it pointed to is gone.
local r = require "rules"
local kept
local function keeper(ctx)
  if kept then
    local n = #kept -- must be refused, not read from freed memory
    return { assessment = "met", reason = "read a kept series of " .. n }
  end
  kept = ctx.series
  return { assessment = "met", reason = "kept the series" }
end
return r.framework {
  id = "keep-series", version = "1", title = "Keeps ctx.series", scores = "hscp", period = "year",
  country = "Scotland",
  outcomes = { { id = "O1", title = "o", indicators = { "K-1" } } },
  indicators = { { id = "K-1", title = "keeper", unit = "%", polarity = "higher", rule = r.custom(keeper) } },
}
