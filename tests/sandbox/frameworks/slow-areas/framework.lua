-- Each area's rule takes most of a second: well inside the limit of one call, far past the budget of
-- the whole run once every partnership is scored.
local r = require "rules"
return r.framework {
  id = "slow-areas", version = "1", title = "Slow rules", scores = "hscp", period = "year",
  country = "Scotland",
  outcomes = { { id = "O1", title = "o", indicators = { "S-1" } } },
  indicators = {
    { id = "S-1", title = "slow", unit = "%", polarity = "higher",
      rule = r.custom(function()
        local t = os.clock()
        while os.clock() - t < 0.8 do end
        return { assessment = "met", reason = "slowly" }
      end) },
  },
}
