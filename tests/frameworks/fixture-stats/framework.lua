-- A fixture for the rules that call the statistics library: benchmarks, PHS's survey test,
-- quintiles, trend, SPC and change against a baseline. tests.lua pins the colours.
local r = require "rules"

return r.framework {
  id = "fixture-stats", version = "1", title = "Statistical rule fixture",
  country = "Scotland", scores = "hscp", period = "year", comparator = "S92000003",
  outcomes = {
    { id = "BENCH", title = "benchmarks", indicators = { "B-PUB", "B-WILSON", "B-RATE" } },
    { id = "SURVEY", title = "survey tests", indicators = { "SURV-CMP", "SURV-PREV", "SURV-N" } },
    { id = "OTHER", title = "quintile, trend, spc, change", indicators = { "QUINT", "TREND", "SPC", "PFG", "MSG" } },
    { id = "READINGS", title = "an activity rate read against Scotland or year on year", indicators = { "REL", "YOY" } },
  },
  indicators = {
    { id = "B-PUB", title = "published limits", unit = "%", polarity = "higher", rule = r.benchmark {} },
    { id = "B-WILSON", title = "Wilson limits", unit = "%", polarity = "higher",
      rule = r.benchmark { interval = "wilson" } },
    { id = "B-RATE", title = "Byar limits", unit = "per 100,000", polarity = "lower",
      rule = r.benchmark { interval = "rate", multiplier = 100000 } },
    { id = "SURV-CMP", title = "survey % against Scotland", unit = "%", polarity = "higher", rule = r.survey {} },
    { id = "SURV-PREV", title = "survey % against the previous survey", unit = "%", polarity = "higher",
      rule = r.survey { against = "previous" } },
    { id = "SURV-N", title = "survey % from responses and a design effect", unit = "%", polarity = "higher",
      rule = r.survey { se = "responses", design_effect = 1.8 } },
    { id = "QUINT", title = "fifths among partnerships", unit = "%", polarity = "lower", rule = r.quintile {} },
    { id = "TREND", title = "recent trend", unit = "%", polarity = "higher", rule = r.trend {} },
    { id = "SPC", title = "XmR chart", unit = "count", polarity = "lower", rule = r.spc {} },
    { id = "PFG", title = "NI PfG change rule", unit = "%", polarity = "lower",
      rule = r.change { base = "2019/20", interval = 1.3 } },
    { id = "MSG", title = "MSG direction of travel", unit = "admissions", polarity = "lower",
      rule = r.change { mode = "direction", base = "2017/18", relative = true } },
    { id = "REL", title = "relative difference from Scotland", unit = "per 100,000", polarity = "lower",
      rule = r.relative { tolerance = 5 } },
    { id = "YOY", title = "direction of travel on the previous year", unit = "per 100,000", polarity = "lower",
      rule = r.change { mode = "direction", base = "previous", interval = 2, relative = true } },
  },
}
