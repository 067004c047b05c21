-- Details that are small in Lua and exponential as JSON: each level holds the one below twice.
local r = require "rules"
return r.framework {
  id = "big-details", version = "1", title = "Exploding details", scores = "hscp", period = "year",
  country = "Scotland",
  outcomes = { { id = "O1", title = "o", indicators = { "D-1" } } },
  indicators = {
    { id = "D-1", title = "details", unit = "%", polarity = "higher",
      rule = r.custom(function()
        local a = { "leaf" }
        for _ = 1, 30 do a = { a, a } end
        return { assessment = "met", reason = "fine", details = { tree = a } }
      end) },
  },
}
