-- A local framework that extends the fixture: one local indicator and a tighter threshold,
-- without copying the national file.
local r = require "rules"

return r.extend(require "frameworks.fixture", {
  id = "fixture-local", version = "1-local", title = "Fixture with local measures",
  indicators = {
    { id = "LOCAL-1", title = "a local measure", unit = "count", polarity = "lower",
      rule = r.threshold { green = 5, amber = 8 } },
  },
  override = {
    ["T-HIGH"] = { rule = r.threshold { green = 85, amber = 75 } },
  },
  outcomes = {
    { id = "WORST", add = { "LOCAL-1" } },
  },
})
