-- Every problem here must be reported at once by `scorecard check`, with its line.
local r = require "rules"

return r.framework {
  id = "broken", version = "1", title = "Broken on purpose", scores = "hscp", period = "year",
  outcomes = {
    { id = "O1", title = "has indicators", indicators = { "A", "B", "NOWHERE" } },
    { id = "O2", title = "has none", indicators = {} },
  },
  indicators = {
    { id = "A", title = "no polarity", rule = r.threshold { green = 1 } },
    { id = "B", title = "wrong order", polarity = "higher",
      rule = r.threshold { green = 50, amber = 60 } },
    { id = "C", title = "in no outcome", polarity = "lower",
      rule = { method = "threshold" } },
  },
}
