-- A small national framework the hostile ones build on.
local r = require "rules"

return r.framework {
  id = "base", version = "1", title = "Base framework for hostile tests",
  country = "Scotland", scores = "hscp", period = "year", comparator = "S92000003",
  outcomes = {
    { id = "O1", title = "the outcome", indicators = { "B-1", "B-2" } },
  },
  indicators = {
    { id = "B-1", title = "higher is better", unit = "%", polarity = "higher",
      rule = r.threshold { green = 80, amber = 70 } },
    { id = "B-2", title = "lower is better", unit = "%", polarity = "lower",
      rule = r.threshold { green = 20, amber = 30 } },
  },
}
