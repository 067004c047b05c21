-- A 48 MiB reason for every area.
local r = require "rules"
local huge = string.rep("x", 48 * 2 ^ 20)
return r.framework {
  id = "big-reason", version = "1", title = "Huge reasons", scores = "hscp", period = "year",
  country = "Scotland",
  outcomes = { { id = "O1", title = "o", indicators = { "R-1" } } },
  indicators = {
    { id = "R-1", title = "reason", unit = "%", polarity = "higher",
      rule = r.custom(function() return { assessment = "met", reason = huge } end) },
  },
}
