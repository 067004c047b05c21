-- A rule that fails at run time: the error must name this file, the line and the indicator.
local r = require "rules"

return r.framework {
  id = "crashing", version = "1", title = "Crashes", scores = "hscp", period = "year",
  outcomes = { { id = "O1", title = "one", indicators = { "X" } } },
  indicators = {
    { id = "X", title = "divides by a missing field", polarity = "lower",
      rule = r.custom(function(ctx)
        return { assessment = ctx.point.nothing.here }
      end) },
  },
}
