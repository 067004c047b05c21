-- A rule that never returns.
local r = require "rules"
return r.framework {
  id = "hang-rule", version = "1", title = "A rule that loops", scores = "hscp", period = "year",
  country = "Scotland",
  outcomes = { { id = "O1", title = "o", indicators = { "H-1" } } },
  indicators = {
    { id = "H-1", title = "loops", unit = "%", polarity = "higher",
      rule = r.custom(function() while true do end end) },
  },
}
