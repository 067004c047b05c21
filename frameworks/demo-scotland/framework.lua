--[[
A demonstration partnership scorecard for Scotland, run on the synthetic sample in
data/sample. It shows the shape of a framework file; its thresholds and targets are made
up for the demo and are not national targets.
]]
local r = require "rules"

return r.framework {
  id = "demo-scotland",
  version = "2026.1",
  title = "Demonstration partnership scorecard (synthetic data)",
  country = "Scotland",
  source = "data/sample/README.md",
  scores = "hscp",
  period = "year",
  comparator = "S92000003",

  outcomes = {
    { id = "O2",
      title = "People, including those with disabilities or long term conditions, or who are frail, "
        .. "are able to live, as far as reasonably practicable, independently and at home or in a "
        .. "homely setting in their community.",
      indicators = { "MSG-5", "NI-16" } },
    { id = "O9",
      title = "Resources are used effectively and efficiently in the provision of health and social care services.",
      indicators = { "MSG-1", "NI-20" } },
  },

  indicators = {
    { id = "MSG-1", title = "Emergency admissions (quarterly count)", unit = "admissions",
      polarity = "lower", definition = "confirmed",
      -- demo: judged against the partnership's own plan for the year's last quarter
      rule = r.target { per_area = { S37000012 = 9000, S37000034 = 12000, S37000005 = 2500, S37000031 = 300 },
                        mode = "value_with_band", band = 200 } },
    { id = "MSG-5", title = "Share of the last six months of life spent at home or in a community setting",
      unit = "%", polarity = "higher", definition = "confirmed",
      rule = r.threshold { green = 89, amber = 87 } },
    { id = "NI-16", title = "Falls rate per 1,000 population aged 65+", unit = "per 1,000",
      polarity = "lower", definition = "confirmed",
      rule = r.target { value = 22, mode = "value_with_band", band = 1.5 } },
    { id = "NI-20", title = "Health and care resource spent on hospital stays after an emergency admission",
      unit = "%", polarity = "lower", definition = "not published",
      notes = "not reported nationally since the pandemic" },
  },

  rollup = r.rollup.worst_of,
}
