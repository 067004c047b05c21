-- 150,000 indicators, 3,000 of them sharing one id.
local r = require "rules"
local indicators, ids = {}, {}
for i = 1, 150000 do
  local id = i <= 3000 and "SAME" or ("I-" .. i)
  indicators[i] = { id = id, title = "indicator " .. i, unit = "%", polarity = "higher",
                    rule = r.threshold { green = 80, amber = 70 } }
  ids[i] = id
end
return r.framework {
  id = "many-indicators", version = "1", title = "Too many indicators", scores = "hscp", period = "year",
  country = "Scotland", outcomes = { { id = "O1", title = "o", indicators = ids } }, indicators = indicators,
}
