-- The slips a framework designer makes, every one of which used to load without a word
-- (the default rule or roll-up quietly applied, the misspelt key ignored). `scorecard
-- check` must report all of them in one pass, each at its line, with "did you mean".
local r = require "rules"

return r.framework {
  id = "mistakes", version = "1", title = "Slips of the keyboard", scores = "hscp", period = "year",
  notez = "a misspelt key of the framework",
  rollup = r.rollup.worstof,
  outcomes = {
    { id = "O1", title = "the outcome", indicators = { "A", "B", "C", "D", "E", "F" },
      rollup = r.rollup.majorty { tie = "worse" } },
  },
  indicators = {
    { id = "A", title = "a misspelt rule", polarity = "higher",
      rule = r.treshold { green = 90, amber = 80 } },
    { id = "B", title = "a misspelt parameter", polarity = "higher",
      rule = r.benchmark { levl = 0.95 } },
    { id = "C", title = "a misspelt interval", polarity = "higher",
      rule = r.benchmark { interval = "publishd" } },
    { id = "D", title = "a misspelt polarity", polarity = "highr",
      rule = r.threshold { green = 90 } },
    { id = "E", title = "a misspelt key of an indicator", polarity = "lower", unitt = "%",
      rule = r.threshold { green = 10 } },
    { id = "F", title = "a misspelt target entry", polarity = "lower",
      rule = r.target { values = { { from = "2024-04-01", valeu = 5 } } } },
  },
}
