-- 3,000 copies of one indicator id: each is a problem, but the list stays readable.
local r = require "rules"
local indicators = {}
for i = 1, 3000 do
  indicators[i] = { id = "SAME", title = "copy " .. i, unit = "%", polarity = "higher",
                    rule = r.threshold { green = 80, amber = 70 } }
end
return r.framework {
  id = "duplicate-ids", version = "1", title = "One id, many times", scores = "hscp", period = "year",
  country = "Scotland", outcomes = { { id = "O1", title = "o", indicators = { "SAME" } } }, indicators = indicators,
}
