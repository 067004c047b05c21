-- A rule whose own check (run by `scorecard check` and at every load) never returns.
local r = require "rules"
local rule = r.threshold { green = 80, amber = 70 }
rule.check = function() while true do end end
return r.framework {
  id = "hang-check", version = "1", title = "A check that loops", scores = "hscp", period = "year",
  country = "Scotland",
  outcomes = { { id = "O1", title = "o", indicators = { "C-1" } } },
  indicators = { { id = "C-1", title = "checked", unit = "%", polarity = "higher", rule = rule } },
}
